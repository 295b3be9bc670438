"""Query counts per page do not grow with the rows shown (1 row against 50)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    make_agreement,
    make_article,
    make_institution,
    make_meeting,
    make_mention,
    make_official,
    make_statement,
)


def _make(kind: str, i: int, article) -> None:
    if kind == "meetings":
        make_meeting(
            officials=[make_official(), make_official()],
            articles=[article],
            venue=make_institution(),
            start_date=datetime.date(2024, 1, 1 + i % 28),
        )
    elif kind == "statements":
        make_statement(
            article=article,
            speaker=make_official(),
            meeting=make_meeting(),
            start=i * 50,
            end=i * 50 + 5,
        )
    elif kind == "officials":
        official = make_official(institution=make_institution())
        make_mention(official, article)
    elif kind == "institutions":
        make_institution(parent=make_institution(name=f"Parent {i}"))
    elif kind == "agreements":
        agreement = make_agreement(articles=[article])
        agreement.meetings.add(make_meeting())
    elif kind == "articles":
        make_article()


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        assert response.status_code == 200
    return len(ctx)


KINDS = ["meetings", "statements", "officials", "institutions", "agreements", "articles"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("suffix", ["", "?format=csv", "?format=json"])
@pytest.mark.django_db
def test_list_queries_do_not_grow(client, kind, suffix):
    article = make_article()
    _make(kind, 0, article)
    one = _count(client, f"/{kind}/{suffix}")
    for i in range(1, 50):
        _make(kind, i, article)
    fifty = _count(client, f"/{kind}/{suffix}")
    assert fifty == one, (kind, suffix, one, fifty)
    print(f"{kind}{suffix}: {one} queries")


@pytest.mark.django_db
def test_home_and_search_queries_do_not_grow(client):
    article = make_article(text="security agreement")
    make_meeting(articles=[article])
    one_home, one_search = _count(client, "/"), _count(client, "/search/?q=security")
    for i in range(49):
        make_meeting(
            articles=[make_article(text=f"security agreement {i}")],
            start_date=datetime.date(2020 + i % 5, 1 + i % 12, 1),
        )
    assert _count(client, "/") == one_home
    assert _count(client, "/search/?q=security") == one_search
