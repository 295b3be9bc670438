"""An official's page stays the same size and cost however long the career."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import Participation
from archive.selectors import OFFICIAL_PAGE_MEETINGS, OFFICIAL_PAGE_STATEMENTS
from tests.factories import make_article, make_meeting, make_mention, make_official, make_statement


def _attend(official, count: int, *, first_year: int = 1990) -> list:
    meetings = []
    for i in range(count):
        meeting = make_meeting(
            officials=[official], start_date=datetime.date(first_year + i // 12, 1 + i % 12, 1)
        )
        title = "Deputy Foreign Minister" if i < count // 2 else "Foreign Minister"
        Participation.objects.filter(meeting=meeting).update(title_as_written=title)
        meetings.append(meeting)
    return meetings


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.django_db
def test_a_long_career_lists_the_latest_meetings_and_says_how_many(client):
    official = make_official(name="Lena Vogt", country="DE")
    meetings = _attend(official, OFFICIAL_PAGE_MEETINGS + 10)
    body = client.get(f"/officials/{official.pk}/").content.decode()
    newest, oldest = meetings[-1], meetings[0]
    assert f'href="/meetings/{newest.pk}/"' in body
    assert f'href="/meetings/{oldest.pk}/"' not in body
    assert f"The {OFFICIAL_PAGE_MEETINGS} most recent of {len(meetings)} meetings." in body
    assert f'href="/meetings/?official={official.pk}"' in body


@pytest.mark.django_db
def test_a_short_career_lists_every_meeting_without_a_cap_notice(client):
    official = make_official(name="Lena Vogt", country="DE")
    meetings = _attend(official, 3)
    body = client.get(f"/officials/{official.pk}/").content.decode()
    assert all(f'href="/meetings/{m.pk}/"' in body for m in meetings)
    assert "most recent of" not in body


@pytest.mark.django_db
def test_positions_start_at_the_earliest_date_from_meetings_or_articles(client):
    official = make_official(name="Lena Vogt", country="DE")
    _attend(official, 24, first_year=2000)  # deputy 2000, minister from 2001
    make_mention(
        official,
        make_article(published=datetime.date(1998, 3, 1)),
        title_as_written="Ambassador to France",
    )
    make_mention(  # a later article does not move the start of the deputy post
        official,
        make_article(published=datetime.date(2005, 1, 1)),
        title_as_written="Deputy Foreign Minister",
    )
    body = client.get(f"/officials/{official.pk}/").content.decode()
    ambassador = body.index('Ambassador to France <span class="muted">(from 1 March 1998)')
    deputy = body.index('Deputy Foreign Minister <span class="muted">(from 1 January 2000)')
    minister = body.index('Foreign Minister <span class="muted">(from 1 January 2001)')
    assert ambassador < deputy < minister


@pytest.mark.django_db
def test_official_page_queries_do_not_grow_with_the_career(client):
    official = make_official(name="Lena Vogt", country="DE")
    partner = make_official(name="Omar Haddad", country="JO")
    first = make_meeting(officials=[official, partner])
    make_statement(speaker=official, meeting=first)
    one = _queries(client, f"/officials/{official.pk}/")
    for meeting in _attend(official, OFFICIAL_PAGE_MEETINGS + 5):
        Participation.objects.create(meeting=meeting, official=partner, delegation_country="JO")
    for _ in range(OFFICIAL_PAGE_STATEMENTS + 5):
        make_statement(speaker=official, meeting=first)
    assert _queries(client, f"/officials/{official.pk}/") == one + 1  # + the capped count
