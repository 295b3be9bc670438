"""generate_synthetic writes a valid, searchable, clearly synthetic archive."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db.models import Count, F

from archive.models import (
    Agreement,
    Article,
    Meeting,
    Official,
    Participation,
    Statement,
)
from archive.search import search
from archive.synthetic.records import SYNTHETIC_OUTLET


def _generate(meetings: int, statements: int, seed: int) -> str:
    """Run generate_synthetic; return what it printed."""
    out = io.StringIO()
    call_command(
        "generate_synthetic", "--meetings", str(meetings), "--statements", str(statements),
        "--seed", str(seed), stdout=out, stderr=io.StringIO(),
    )  # fmt: skip
    return out.getvalue()


@pytest.fixture
def synthetic(db):
    return _generate(60, 400, 7)


@pytest.mark.django_db
def test_counts_and_flags(synthetic):
    assert Meeting.objects.count() == 60
    assert Statement.objects.count() == 400
    for model in (Meeting, Statement, Official, Article, Agreement):
        assert model.objects.exists()
        assert not model.objects.filter(is_synthetic=False).exists()
    assert set(Article.objects.values_list("outlet", flat=True)) == {SYNTHETIC_OUTLET}
    assert "rows/s" in synthetic


@pytest.mark.django_db
def test_constraints_and_links_hold(synthetic):
    assert not Meeting.objects.filter(end_date__lt=F("start_date")).exists()
    duplicates = (
        Participation.objects.values("meeting", "official").annotate(n=Count("id")).filter(n__gt=1)
    )
    assert not duplicates.exists()
    assert not Meeting.objects.filter(sources__isnull=True).exists()
    speakers = Statement.objects.exclude(speaker=None).select_related("meeting")
    for statement in speakers[:50]:
        assert statement.meeting.participations.filter(official=statement.speaker).exists()
    # Ids were assigned by the generator: the database must hand out fresh ones afterwards.
    assert Meeting.objects.create(city="After").pk > max(
        Meeting.objects.exclude(city="After").values_list("pk", flat=True)
    )


@pytest.mark.django_db
def test_search_finds_generated_words(synthetic):
    statement = Statement.objects.order_by("pk")[10]
    word = max(statement.text.split(), key=len).strip(".").lower()
    found = search(Statement.objects.all(), word)
    assert statement.pk in set(found.values_list("pk", flat=True))


@pytest.mark.django_db
def test_same_seed_same_archive(db):
    def texts() -> list[str]:
        return list(Statement.objects.order_by("pk").values_list("text", flat=True))

    _generate(5, 20, 3)
    first = texts()
    call_command("generate_synthetic", "--delete", stdout=io.StringIO())
    assert Statement.objects.count() == 0
    _generate(5, 20, 3)
    assert texts() == first


def _indexes(table: str) -> set[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return {name for name, info in constraints.items() if info["index"]}


def _foreign_keys(table: str) -> set[tuple]:
    from django.db import connection

    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return {
        (tuple(info["columns"]), info["foreign_key"])
        for info in constraints.values()
        if info["foreign_key"]
    }


def test_bulk_load_restores_foreign_keys(db):
    """PostgreSQL's foreign keys are dropped during the load and added back after."""
    tables = ("archive_statement", "archive_participation", "archive_officialmention")
    before = {table: _foreign_keys(table) for table in tables}
    assert all(before.values())
    _generate(10, 30, 5)
    assert {table: _foreign_keys(table) for table in tables} == before


def test_bulk_load_rebuilds_every_index_it_set_aside(db):
    """The generator drops a table's indexes while it loads and builds them after: the
    same indexes must be there when it is done, and the unique rules must still hold."""
    before = {table: _indexes(table) for table in ("archive_statement", "archive_meeting")}
    _generate(20, 50, 3)
    after = {table: _indexes(table) for table in before}
    assert after == before
    assert Statement.objects.filter(is_synthetic=True).count() == 50


def test_sqlite_load_settings_are_restored(db):
    """The load enlarges SQLite's page cache and FTS5's buffer; both go back afterwards."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite settings")

    def settings() -> tuple:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            (cache,) = cursor.fetchone()
            cursor.execute("SELECT v FROM statement_fts_config WHERE k = 'hashsize'")
            row = cursor.fetchone()
        return cache, row[0] if row else 1024 * 1024

    before = settings()
    _generate(10, 30, 5)
    assert settings() == before


@pytest.mark.django_db(transaction=True)
def test_bulk_load_leaves_tables_vacuumed_on_postgresql():
    """Outside a transaction the generator vacuums on PostgreSQL, so autovacuum does not start
    on a million fresh rows later, while the archive serves pages."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("VACUUM is PostgreSQL's; SQLite only analyzes")
    _generate(10, 30, 2)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT last_vacuum IS NOT NULL, last_analyze IS NOT NULL FROM pg_stat_user_tables "
            "WHERE relname = 'archive_statement'"
        )
        assert cursor.fetchone() == (True, True)


@pytest.mark.django_db
def test_pages_mark_synthetic_records(client, synthetic):
    """A researcher sees on every list row and record page that a record is synthetic."""
    meeting = Meeting.objects.first()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Synthetic record" in page
    for kind in ("meetings", "statements", "officials", "institutions", "agreements", "articles"):
        rows = client.get(f"/{kind}/").context["rows"]
        assert rows and all("badge-synthetic" in row for row in rows), kind


@pytest.mark.django_db
def test_real_records_carry_no_synthetic_mark(client):
    from tests.factories import make_meeting

    meeting = make_meeting()
    assert "badge-synthetic" not in client.get(meeting.get_absolute_url()).content.decode()
    assert "badge-synthetic" not in client.get("/meetings/").content.decode()


@pytest.mark.django_db
def test_some_meetings_have_a_venue_in_one_of_their_countries(synthetic):
    hosted = Meeting.objects.exclude(venue=None).select_related("venue")
    assert 0 < hosted.count() < Meeting.objects.count()
    for meeting in hosted:
        assert meeting.venue.country in (meeting.country_a, meeting.country_b)


@pytest.mark.django_db
def test_meetings_are_indexed_for_search_after_a_bulk_load(synthetic):
    from archive.search import matching_ids

    meeting = Meeting.objects.exclude(summary="").first()
    word = max(meeting.summary.rstrip(".").split(), key=len).lower()
    found = Meeting.objects.filter(pk__in=matching_ids("meeting", word))
    assert found.filter(pk=meeting.pk).exists()
