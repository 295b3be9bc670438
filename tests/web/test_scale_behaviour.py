"""What the archive does to stay fast at scale, checked for what a researcher sees:
cached counts follow every change, huge counts are capped, the fast relevance path ranks
exactly as the full ranking does, and the fast country select renders Django's HTML."""

from __future__ import annotations

import re

import pytest
from django import forms
from django.db import connection
from django.test.html import parse_html
from django.test.utils import CaptureQueriesContext

from archive import search, selectors, services
from archive.models import ArchiveState, Statement
from archive.widgets import LongSelect
from tests.factories import make_article, make_official, make_statement


def _sentence(response) -> str:
    found = re.search(r'<h2 id="results-heading" class="sentence">([^<]*)</h2>', response.text)
    assert found, "the list page says how many records it shows"
    return found.group(1)


def test_cached_count_follows_a_new_record(client, db):
    article = make_article()
    make_statement(article=article, text="The border talks went well.")
    assert _sentence(client.get("/statements/")).startswith("1 statement")
    make_statement(article=article, text="The border will stay open.")
    assert _sentence(client.get("/statements/")).startswith("2 statements")


def test_cached_count_follows_a_review_rejection(client, db):
    article = make_article()
    kept = make_statement(article=article, text="We agreed on trade.")
    make_statement(article=article, text="We agreed on water.")
    assert _sentence(client.get("/statements/")).startswith("2 statements")
    services.records_reject(queryset=Statement.objects.exclude(pk=kept.pk))
    assert _sentence(client.get("/statements/")).startswith("1 statement")


def test_second_visit_reuses_count_and_facets(client, db):
    article = make_article()
    for n in range(3):
        make_statement(article=article, text=f"Statement number {n} on security.")
    with CaptureQueriesContext(connection) as first:
        client.get("/statements/")
    with CaptureQueriesContext(connection) as second:
        client.get("/statements/")
    assert len(second.captured_queries) < len(first.captured_queries)


def test_a_huge_count_is_capped(client, db, monkeypatch):
    monkeypatch.setattr("archive.pagination.COUNT_CAP", 3)
    article = make_article()
    for n in range(5):
        make_statement(article=article, text=f"Statement {n}.")
    assert _sentence(client.get("/statements/")).startswith("More than 3 statements")


def test_one_version_step_per_imported_article(db, tmp_path):
    from archive.importing import ImportSource, articles_import

    text = (
        "French Defense Minister Anna Dubois met German Foreign Minister Jonas Weber in Paris "
        "on 3 March 2024. “We agreed to deepen cooperation,” Dubois said."
    )
    before = ArchiveState.current()
    report = articles_import(sources=[ImportSource.from_bytes("talks.txt", text.encode())])
    assert not report.failed
    assert ArchiveState.current() == before + 1


@pytest.fixture
def ranked_statements(db):
    article = make_article()
    french = make_official(name="Anna Dubois", country="FR")
    german = make_official(name="Jonas Weber", country="DE")
    texts = [
        "security security security border",
        "security and trade",
        "trade and water, security later",
        "water only",
        "security of the border and the security of ports",
        "security",
    ]
    for n, text in enumerate(texts * 4):
        make_statement(article=article, text=f"{text} {n}", speaker=(french, german)[n % 2])
    return french


def _full_ranking(filters: dict) -> list[int]:
    listing = selectors.record_list("statements", filters=filters)
    return list(listing.queryset.values_list("pk", flat=True))


@pytest.mark.parametrize("filters", [{"q": "security"}, {"q": "security", "speaker_country": "DE"}])
@pytest.mark.parametrize("candidates", [200, 2])
def test_fast_relevance_path_ranks_like_the_full_ranking(
    ranked_statements, monkeypatch, filters, candidates
):
    """With few index candidates (2) the filters empty them and the join takes over; either
    way, every page holds exactly the rows of the full ranking, in its order."""
    expected = _full_ranking(filters)
    assert expected, "the fixture matches something"
    monkeypatch.setattr(search, "RANK_CANDIDATES", candidates)
    full_rankings = []
    with_rank = search.with_rank
    monkeypatch.setattr(
        search, "with_rank", lambda *a, **k: full_rankings.append(1) or with_rank(*a, **k)
    )
    listing = selectors.record_list("statements", filters=filters)
    full_rankings.clear()  # the list itself is built ranked (for exports); pages are not
    pages = [listing.rows(start, 1) for start in range(len(expected))]
    assert [row.pk for page in pages for row in page] == expected
    if connection.vendor == "sqlite":
        # The index alone serves plain searches; a filter that empties the few candidates
        # read from it sends the page to the full ranking.
        fell_back = bool(full_rankings)
        assert fell_back == (candidates == 2 and "speaker_country" in filters)


def test_long_select_renders_what_django_select_renders():
    choices = [("", "Any"), ("FR", "France"), ("CI", "Côte d’Ivoire"), ("X&", "<b>odd</b>")]
    for value in ("", "FR", "X&", None):
        fast = LongSelect(choices=choices).render("country", value, {"id": "id_country"})
        django = forms.Select(choices=choices).render("country", value, {"id": "id_country"})
        assert parse_html(fast) == parse_html(django)


def test_relevance_page_checks_candidates_without_asking_the_index_again(ranked_statements):
    """The index is read twice for a page (the ranked candidates, then the page's rows with
    their snippets), not a third time to check the candidates against the other filters."""
    from django.test.utils import CaptureQueriesContext

    operator = "@@" if connection.vendor == "postgresql" else "MATCH"
    listing = selectors.record_list(
        "statements", filters={"q": "security", "speaker_country": "DE"}
    )
    with CaptureQueriesContext(connection) as ctx:
        rows = listing.rows(0, 5)
    assert rows and all(row.speaker.country == "DE" for row in rows)
    assert sum(operator in q["sql"] for q in ctx.captured_queries) == 2


def _search_count(client, kind: str, q: str) -> str:
    body = client.get("/search/", {"q": q}).text
    found = re.search(rf'<h2 id="sec-{kind}">[^<]*<span class="count">([^<]*)</span>', body)
    assert found, f"the search page has a {kind} section"
    return found.group(1)


def test_search_page_counts_are_cached_and_follow_changes(client, db):
    """The search page's counts come from the result cache (a second visit runs fewer
    queries) and a new matching statement is counted at once."""
    article = make_article()
    make_statement(article=article, text="Border security was discussed.")
    assert _search_count(client, "statements", "security") == "1"
    with CaptureQueriesContext(connection) as first:
        client.get("/search/", {"q": "border"})
    with CaptureQueriesContext(connection) as second:
        client.get("/search/", {"q": "border"})
    assert len(second.captured_queries) < len(first.captured_queries)
    make_statement(article=article, text="Security at sea, too.")
    assert _search_count(client, "statements", "security") == "2"
