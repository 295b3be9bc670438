"""Every public page has no axe-core violation, on a desktop and on a phone.

axe-core comes from the axe-playwright-python package (its bundled axe.min.js, injected from
the file), never from the network."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WIDTHS = (1280, 390)


def _pages(archive) -> list[str]:
    meeting = archive.meeting
    return [
        "/",
        "/meetings/",
        "/meetings/?country=IR&country=IQ",
        "/meetings/?date_after=2025-12-31&date_before=2025-01-01",  # a form error shown
        "/officials/",
        "/statements/",
        "/agreements/",
        "/articles/",
        "/institutions/",
        "/search/?q=security",
        "/about/data/",
        meeting.get_absolute_url(),
        archive.araji.get_absolute_url(),
        archive.quote.get_absolute_url(),
        archive.agreement.get_absolute_url(),
        archive.article.get_absolute_url(),
        "/relations/iq-ir/",
        "/countries/iq/",
        "/no/such/page/",
    ]


@pytest.mark.parametrize("width", WIDTHS)
def test_no_public_page_has_an_axe_violation(live_server, browser, archive, width):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    found = {}
    for path in _pages(archive):
        page.goto(live_server.url + path)
        violations = axe.run(page).response["violations"]
        if violations:
            found[path] = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations]
    context.close()
    assert found == {}
