"""A researcher's path through the site in a real browser, with screenshots for review."""

from __future__ import annotations

import csv
import datetime
import io

import pytest

from tests.factories import make_meeting

pytestmark = pytest.mark.browser


def test_search_narrow_open_follow_download(live_server, page, screenshot, archive):
    base = live_server.url
    page.goto(base + "/")
    assert page.get_by_role("heading", level=1).inner_text() == "Bilateral meetings archive"
    screenshot("home")

    page.get_by_label("Search statements, articles and names").fill("security agreement")
    page.get_by_label("Search statements, articles and names").press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.locator("mark").first.inner_text().lower() in {"security", "agreement"}
    page.get_by_role("link", name="meetings matching").click()
    page.wait_for_url("**/meetings/?q=*")
    assert "2 meetings" in page.locator(".sentence").inner_text()

    page.locator("select#id_country").select_option("IQ")
    page.get_by_label("Date from").fill("2024-01-01")
    page.get_by_label("Date until").fill("2025-12-31")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**country=IQ**")
    sentence = page.locator(".sentence").inner_text()
    assert sentence.startswith("1 meeting with Iraq, between 1 January 2024 and 31 December 2025")
    screenshot("meeting_list")
    list_url = page.url

    page.locator("table.records tbody tr").first.get_by_role("link").first.click()
    page.wait_for_url(f"**/meetings/{archive.meeting.pk}/")
    assert "Tehran" in page.content()
    screenshot("meeting_detail")

    page.locator(".delegations").get_by_role("link", name="Qassem al-Araji").click()
    page.wait_for_url(f"**/officials/{archive.araji.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Qassem al-Araji"
    assert page.get_by_role("heading", name="Met most often").is_visible()
    screenshot("official_detail")

    page.goto(list_url)
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV", exact=True).click()
    download = info.value
    assert download.suggested_filename == "meetings.csv"
    with open(download.path(), encoding="utf-8") as handle:
        rows = list(csv.DictReader(io.StringIO(handle.read())))
    assert [int(r["id"]) for r in rows] == [archive.meeting.pk]
    assert rows[0]["url"].endswith(f"/meetings/{archive.meeting.pk}/")


def test_article_page_and_keyboard_focus(live_server, page, screenshot, archive):
    page.goto(live_server.url + archive.article.get_absolute_url())
    assert page.locator("mark.passage-statement").count() >= 1
    screenshot("article_detail")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"


def test_narrow_screen_layout(live_server, browser, archive):
    from tests.browser.conftest import SCREENSHOTS

    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + "/meetings/")
    width = page.evaluate("document.documentElement.scrollWidth")
    # results first on a phone (they were 1,560 px down, below every filter and facet), and
    # the filters folded away until asked for
    assert page.locator("table.records").bounding_box()["y"] < 500
    assert not page.get_by_label("City").is_visible()
    page.get_by_text("Filters and facets").click()
    assert page.get_by_label("City").is_visible()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "meeting_list_phone.png"), full_page=True)
    context.close()
    assert width <= 400  # no sideways scrolling of the whole page


def test_from_a_meeting_to_the_relations_of_its_two_countries(
    live_server, page, screenshot, archive
):
    """A researcher follows a meeting's countries to their relations, opens a year of the
    chart and downloads exactly the meetings the list shows."""
    page.goto(live_server.url + archive.meeting.get_absolute_url())
    page.get_by_role("link", name="their relations").click()
    page.wait_for_url("**/relations/iq-ir/")
    assert page.get_by_role("heading", level=1).inner_text() == "Iraq and Iran"
    assert page.locator("svg.network").count() == 1
    screenshot("relations")

    year = archive.meeting.start_date.year
    page.locator(f'svg.chart a[aria-label^="{year}:"]').click()
    page.wait_for_url(f"**date_after={year}-01-01**")
    sentence = page.locator(".sentence").inner_text()
    assert sentence.startswith("1 meeting between Iraq and Iran")
    shown = page.locator("table.records tbody tr").count()
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV", exact=True).click()
    with open(info.value.path(), encoding="utf-8") as handle:
        rows = list(csv.DictReader(io.StringIO(handle.read())))
    assert [int(r["id"]) for r in rows] == [archive.meeting.pk] and shown == 1

    # With more meetings than a page holds: forward and back give the same rows.
    for day in range(1, 31):
        make_meeting(
            country_a="IQ",
            country_b="IR",
            city="Baghdad",
            start_date=datetime.date(year, 4, day),
            officials=[archive.araji],
        )
    page.goto(page.url + "&size=25")
    first = page.locator("table.records tbody tr").all_inner_texts()
    assert len(first) == 25 and "Rows 1–25 of 31" in page.locator(".pager").inner_text()
    page.get_by_role("link", name="Next page").click()
    assert "Rows 26–31 of 31" in page.locator(".pager").inner_text()
    page.get_by_role("link", name="Previous page").click()
    assert page.locator("table.records tbody tr").all_inner_texts() == first

    page.goto(live_server.url + "/countries/iq/")
    partners = page.locator("#partners + ol").inner_text()
    assert partners.index("Iran") >= 0 and "Türkiye" in partners
    screenshot("country")


def test_typing_an_officials_name_suggests_it(live_server, page, archive):
    page.goto(live_server.url + "/meetings/")
    page.get_by_label("Official taking part (name)").fill("Araji")
    option = page.locator("#participant-suggestions option").first
    option.wait_for(state="attached")  # filled by the page's script (CSP: no eval here)
    assert page.locator("#participant-suggestions option").count() == 1
    assert option.get_attribute("value") == "Qassem al-Araji"
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**participant=Araji**")
    assert "with an official named like “Araji”" in page.locator(".sentence").inner_text()
