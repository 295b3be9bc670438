"""Query counts per page do not grow with the rows (1 row against 1,000): list pages, the home
page and the search page. Exports stream every row in chunks with their related rows fetched per
chunk (bounded memory), so theirs grow by a fixed number per chunk, never per row."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.export import CHUNK_SIZE
from archive.models import Agreement, Article, Institution, Meeting, Official, Statement
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


def _queries(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        assert response.status_code == 200
    return [query["sql"] for query in ctx.captured_queries]


def _count(client, url: str) -> int:
    return len(_queries(client, url))


KINDS = ["meetings", "statements", "officials", "institutions", "agreements", "articles"]


EXPORTS = ["?format=csv", "?format=json"]
MANY = 1000


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.django_db
def test_list_queries_do_not_grow(client, kind):
    article = make_article()
    _make(kind, 0, article)
    one = _count(client, f"/{kind}/")
    exports_one = {suffix: _queries(client, f"/{kind}/{suffix}") for suffix in EXPORTS}
    for i in range(1, MANY):
        _make(kind, i, article)
    assert _count(client, f"/{kind}/") == one
    model = {
        "meetings": Meeting,
        "statements": Statement,
        "officials": Official,
        "institutions": Institution,
        "agreements": Agreement,
        "articles": Article,
    }[kind]
    chunks = -(-model.objects.count() // CHUNK_SIZE)
    assert chunks >= 2
    for suffix, queries in exports_one.items():
        # The rows' query (and, on PostgreSQL, the savepoint of the export's one read), then
        # each prefetch once per chunk.
        reads = [sql for sql in queries if sql.startswith(("SELECT", "DECLARE"))]
        prefetches = len(reads) - 1  # DECLARE: the rows through a PostgreSQL cursor
        expected = len(queries) + prefetches * (chunks - 1)
        assert _count(client, f"/{kind}/{suffix}") == expected, (kind, suffix, queries)
    print(f"{kind}: {one} queries at 1 row and at {MANY}")


@pytest.mark.django_db
def test_home_and_search_queries_do_not_grow(client):
    article = make_article(text="security agreement")
    make_meeting(articles=[article])
    one_home, one_search = _count(client, "/"), _count(client, "/search/?q=security")
    for i in range(MANY - 1):
        make_meeting(
            articles=[make_article(text=f"security agreement {i}")],
            start_date=datetime.date(2020 + i % 5, 1 + i % 12, 1),
        )
    assert _count(client, "/") == one_home
    assert _count(client, "/search/?q=security") == one_search


def _grow_meeting(meeting, article, n: int) -> None:
    """Give a meeting n more participants, statements, sources and agreements."""
    for _ in range(n):
        official = make_official()
        meeting.participations.create(official=official, delegation_country="FR")
        make_statement(article=article, speaker=official, meeting=meeting)
        meeting.sources.create(article=make_article(), start=0, end=10)
        make_agreement(articles=[article]).meetings.add(meeting)


@pytest.mark.django_db
def test_detail_page_queries_do_not_grow(client):
    """A meeting, its article, one of its agreements and the venue institution: the same
    queries with one related row each as with a hundred."""
    article = make_article()
    venue = make_institution()
    meeting = make_meeting(venue=venue)
    _grow_meeting(meeting, article, 1)
    agreement = meeting.agreements.first()
    for official in Official.objects.all():
        official.institution = venue
        official.save()
    pages = [
        meeting.get_absolute_url(),
        article.get_absolute_url(),
        agreement.get_absolute_url(),
        venue.get_absolute_url(),
    ]
    one = [_count(client, page) for page in pages]
    _grow_meeting(meeting, article, MANY // 10)
    Official.objects.update(institution=venue)
    for official in Official.objects.all()[:50]:
        make_mention(official, article)
    assert [_count(client, page) for page in pages] == one


@pytest.mark.django_db
def test_a_meeting_venue_is_read_with_the_meeting(client):
    with_venue = make_meeting(venue=make_institution())
    without = make_meeting()
    assert _count(client, with_venue.get_absolute_url()) == _count(
        client, without.get_absolute_url()
    )
    assert with_venue.venue.name in client.get(with_venue.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("kind", "export_only"),
    [
        ("officials", "archive_officialmention"),
        ("institutions", "archive_institution_articles"),
        ("agreements", "archive_agreementsource"),
    ],
)
@pytest.mark.django_db
def test_list_pages_skip_what_only_the_export_shows(client, kind, export_only):
    """A page of officials read every mention with its article's text for the export's
    source columns (70 ms at a million statements); the page shows none of it."""
    article = make_article()
    for i in range(3):
        _make(kind, i, article)
    assert not any(export_only in sql for sql in _queries(client, f"/{kind}/"))
    assert any(export_only in sql for sql in _queries(client, f"/{kind}/?format=csv"))
