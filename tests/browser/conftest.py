"""Playwright against a live server, driving Debian's Chromium.

Without /usr/bin/chromium the browser tests skip with the reason, unless ARCHIVE_REQUIRE_BROWSER=1
(set by CI), where a missing browser must fail the run instead of passing silently.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest

from tests.factories import make_article, make_meeting, make_official, make_statement
from tests.web.conftest import build_sample

CHROMIUM = os.environ.get("ARCHIVE_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

# live_server runs in a thread while Playwright's sync API runs an event loop in this one;
# Django's async-safety check would otherwise refuse the ORM calls the fixtures make.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _require() -> bool:
    return os.environ.get("ARCHIVE_REQUIRE_BROWSER", "") in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium for the session, or a skip (a failure in CI) when it is missing."""
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM}; install Debian's chromium package."
        if _require():
            pytest.fail(message + " ARCHIVE_REQUIRE_BROWSER=1 forbids skipping.")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page, desktop-sized, that accepts downloads."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def screenshot(page):
    """Save a full-page screenshot to tests/screenshots/<name>.png (git-ignored) for review."""
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(name: str, target=None) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        (target or page).screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def archive(transactional_db):
    """The sample archive plus an older Iraqi meeting about the same agreement."""
    sample = build_sample()
    turkish = make_official(name="Yaşar Güler", country="TR", title="Defence Minister")
    article = make_article(
        title="Iraq and Turkey discuss a security agreement",
        outlet="Anadolu",
        published=datetime.date(2022, 8, 1),
        text="Iraq and Turkey discussed a security agreement in Ankara on Monday.",
    )
    older = make_meeting(
        officials=[sample.araji, turkish],
        articles=[article],
        country_a="IQ",
        country_b="TR",
        city="Ankara",
        start_date=datetime.date(2022, 8, 1),
    )
    make_statement(
        article=article,
        speaker=turkish,
        meeting=older,
        text="A security agreement serves both nations.",
        start=0,
        end=20,
    )
    sample.older = older
    return sample
