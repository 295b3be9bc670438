"""Pages forward and back, the position on the list, and the number of rows per page."""

from __future__ import annotations

import datetime
import html
import re

import pytest

from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def _ids(body: str) -> list[int]:
    table = body.split('<table class="records">', 1)[1] if '<table class="records">' in body else ""
    return [int(x) for x in re.findall(r'<tr><td><a href="/meetings/(\d+)/"', table)]


def _link(body: str, rel: str) -> str:
    found = re.search(rf'<a href="([^"]+)" rel="{rel}">', body)
    return "/meetings/" + html.unescape(found.group(1)) if found else ""


@pytest.fixture
def meetings():
    made = []
    for n in range(60):  # several on one day (ties), and some with no date at all (last)
        day = None if n >= 55 else datetime.date(2024, 1, 1) + datetime.timedelta(days=n // 3)
        made.append(make_meeting(start_date=day, date_precision="day" if day else "unknown"))
    return made


def test_forward_and_back_give_the_same_pages(client, meetings):
    first = client.get("/meetings/?size=25").content.decode()
    page_one = _ids(first)
    assert len(page_one) == 25
    assert "Rows 1–25 of 60" in first
    second = client.get(_link(first, "next")).content.decode()
    page_two = _ids(second)
    assert len(page_two) == 25 and not set(page_one) & set(page_two)
    assert "Rows 26–50 of 60" in second
    third = client.get(_link(second, "next")).content.decode()
    page_three = _ids(third)
    assert len(page_three) == 10 and "Rows 51–60 of 60" in third  # the undated ones last
    back = client.get(_link(third, "prev")).content.decode()
    assert _ids(back) == page_two and "Rows 26–50 of 60" in back
    again = client.get(_link(back, "prev")).content.decode()
    assert _ids(again) == page_one
    assert 'rel="prev"' not in again  # the first page has no previous
    assert len(set(page_one + page_two + page_three)) == 60


@pytest.mark.parametrize("sort", ["date", "-date", "city", "-city"])
def test_back_from_every_page_in_every_order(client, meetings, sort):
    pages, body = [], client.get(f"/meetings/?size=25&sort={sort}").content.decode()
    while True:
        pages.append(_ids(body))
        following = _link(body, "next")
        if not following:
            break
        body = client.get(following).content.decode()
    for earlier in reversed(pages[:-1]):
        body = client.get(_link(body, "prev")).content.decode()
        assert _ids(body) == earlier


@pytest.mark.parametrize("size", ["7", "abc", "100000"])
def test_an_unknown_page_size_is_the_default_and_said(client, meetings, size):
    body = client.get(f"/meetings/?size={size}").content.decode()
    assert len(_ids(body)) == 50
    assert "Rows per page can be 25, 50, 100, 500; showing 50." in body
