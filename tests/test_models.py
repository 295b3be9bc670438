"""Constraints the database itself enforces, and the home page's cost in queries."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from archive.models import Article, MeetingSource, OfficialAlias, Participation
from tests.admin.conftest import build_archive
from tests.factories import make_article, make_meeting, make_official

pytestmark = pytest.mark.django_db


def test_meeting_cannot_end_before_it_starts():
    with transaction.atomic(), pytest.raises(IntegrityError):
        make_meeting(start_date=datetime.date(2024, 5, 2), end_date=datetime.date(2024, 5, 1))
    # The same day, or an open end, is fine.
    make_meeting(start_date=datetime.date(2024, 5, 2), end_date=datetime.date(2024, 5, 2))
    make_meeting(start_date=None, end_date=datetime.date(2024, 5, 2))


def test_an_official_takes_part_in_a_meeting_once():
    official = make_official()
    meeting = make_meeting(officials=[official])
    with transaction.atomic(), pytest.raises(IntegrityError):
        Participation.objects.create(meeting=meeting, official=official)
    assert meeting.participations.count() == 1


def test_the_same_article_text_is_stored_once():
    article = make_article(text="One text.")
    with transaction.atomic(), pytest.raises(IntegrityError):
        Article.objects.create(
            text="One text.", file_name="copy.txt", content_hash=article.content_hash
        )
    assert Article.objects.count() == 1


def test_an_article_reports_a_meeting_once():
    article = make_article()
    meeting = make_meeting(articles=[article])
    with transaction.atomic(), pytest.raises(IntegrityError):
        MeetingSource.objects.create(meeting=meeting, article=article)


def test_an_alias_is_recorded_once_per_official():
    official = make_official()
    OfficialAlias.objects.create(official=official, name="Bagheri", name_key="bagheri")
    with transaction.atomic(), pytest.raises(IntegrityError):
        OfficialAlias.objects.create(official=official, name="BAGHERI", name_key="bagheri")


def _home_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return len(queries)


def test_home_page_counts_cost_the_same_for_1_or_20_records(client, django_assert_num_queries):
    build_archive()
    one = _home_queries(client)
    first = client.get("/").context["counts"]
    assert first["meetings"] == 1 and first["officials"] == 1
    for _ in range(19):
        build_archive()
    with django_assert_num_queries(one):
        response = client.get("/")
    counts = response.context["counts"]
    assert counts["meetings"] == 20 and counts["officials"] == 20 and counts["statements"] == 20
