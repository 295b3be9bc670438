"""CSV and JSON export: the same rows as the list, streamed, neutralised, documented."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import make_article, make_statement

from .test_lists import _ids


def _body(response) -> str:
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8")


def _csv(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(_body(response).lstrip("\ufeff"))))


@pytest.mark.parametrize(
    "query",
    [
        "/meetings/?country=IQ",
        "/meetings/?country=IQ&date_after=2024-01-01",
        "/meetings/?sort=city",
        "/statements/?q=secur*",
        "/officials/?country=IR",
        "/agreements/",
        "/articles/?q=tehran",
        "/institutions/",
    ],
)
def test_export_has_exactly_the_rows_of_the_list_in_order(client, sample, query):
    page_ids = _ids(client.get(query))
    joiner = "&" if "?" in query else "?"
    csv_rows = _csv(client.get(f"{query}{joiner}format=csv"))
    json_rows = json.loads(_body(client.get(f"{query}{joiner}format=json")))
    assert [int(r["id"]) for r in csv_rows] == page_ids
    assert [r["id"] for r in json_rows] == page_ids


def test_export_is_all_rows_not_one_page(client, db):
    article = make_article()
    for i in range(120):
        make_statement(article=article, text=f"Statement {i}", start=i * 100, end=i * 100 + 5)
    rows = _csv(client.get("/statements/?format=csv"))
    assert len(rows) == 120


def test_csv_columns_and_joined_values(client, sample):
    rows = _csv(client.get(f"/meetings/?official={sample.nasirzadeh.pk}&format=csv"))
    assert len(rows) == 1
    row = rows[0]
    assert row["url"] == f"http://testserver/meetings/{sample.meeting.pk}/"
    assert set(row["officials"].split("; ")) == {"Qassem al-Araji", "Aziz Nasirzadeh"}
    assert row["source_articles"] == "Iraq and Iran review security agreement"
    assert row["source_article_urls"] == f"http://testserver/articles/{sample.article.pk}/"
    assert row["country_a"] == "IQ" and row["start_date"] == "2025-03-02"


@pytest.mark.parametrize("start", ["=HYPERLINK(", "+SUM(", "-2+3", "@cmd", "\tx", "\rx"])
def test_formula_cells_are_neutralised(client, db, start):
    text = start + '"http://evil.example","click")'
    make_statement(text=text)
    rows = _csv(client.get("/statements/?format=csv"))
    assert rows[0]["text"] == "'" + text


def test_bom_is_optional(client, sample):
    plain = client.get("/meetings/?format=csv")
    excel = client.get("/meetings/?format=csv&bom=1")
    assert not _body(plain).startswith("\ufeff")
    assert _body(excel).startswith("\ufeff")
    assert plain["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="meetings.csv"' in plain["Content-Disposition"]


def test_about_page_documents_every_export_column(client, sample):
    body = client.get("/about/data/").content.decode()
    for kind in ["meetings", "statements", "officials", "institutions", "agreements", "articles"]:
        header = _body(client.get(f"/{kind}/?format=csv")).splitlines()[0]
        for column in header.split(","):
            assert f"<code>{column}</code>" in body, (kind, column)


def test_export_of_invalid_filters_is_refused_not_a_file_of_no_rows(client, sample):
    """A header row alone looked like "nothing matches"; the filters were unreadable."""
    response = client.get("/meetings/?date_after=2025-13-45&format=csv")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")


TRANSACTION_SQL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT", "BEGIN")


def test_export_query_count_does_not_grow_with_rows(client, db, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import make_meeting, make_official

    official = make_official()
    article = make_article()
    make_meeting(officials=[official], articles=[article])
    with CaptureQueriesContext(connection) as one:
        _body(client.get("/meetings/?format=csv"))
    for _ in range(49):
        make_meeting(officials=[official, make_official()], articles=[article])
    with CaptureQueriesContext(connection) as fifty:
        assert len(_csv(client.get("/meetings/?format=csv"))) == 50
    assert len(fifty) == len(one)
    reads = [q["sql"] for q in one.captured_queries if not q["sql"].startswith(TRANSACTION_SQL)]
    assert re.search("archive_meeting", reads[0])


def test_flat_statement_rows_equal_the_documented_columns(db):
    """The tuple path that streams a million statements gives exactly the cells that the
    model-based column definitions (the ones "About the data" documents) give."""
    import datetime

    from archive import export, selectors
    from tests.factories import make_meeting, make_official

    titled = make_article(title="Talks in Paris")
    untitled = make_article(title="")
    speaker = make_official(name="Anna Dubois", country="FR")
    rejected = make_official(name="Gone Person", country="DE", status="rejected")
    meeting = make_meeting()
    make_statement(article=titled, speaker=speaker, meeting=meeting, date=datetime.date(2024, 5, 1))
    make_statement(article=untitled, speaker=rejected, direct=False, text="=SUM(A1)")
    make_statement(article=untitled, speaker=None, date=None)
    queryset = selectors.record_list("statements", filters={}).queryset

    def absolute(path: str) -> str:
        return f"https://archive.example{path}"

    flat = list(export._rows("statements", queryset, absolute))
    documented = [
        [column.get(obj, absolute) for column in export.COLUMNS["statements"]] for obj in queryset
    ]
    assert len(flat) == 3
    assert flat == documented


# Generating texts is slow on a busy machine; what this asserts is correctness, not speed.
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(), st.integers(), st.none()), min_size=1, max_size=6))
def test_csv_line_reads_back_as_the_standard_module_reads_it(cells):
    """The hand-written CSV encoder round-trips through `csv.reader` like `csv.writer` does."""
    from archive.export import csv_line

    expected = ["" if c is None else str(c) for c in cells]
    if expected == [""]:
        return  # a lone empty cell is an empty line: not a record either way
    parsed = next(csv.reader(io.StringIO(csv_line(cells), newline="")))
    assert parsed == expected


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(), st.integers(), st.none()), min_size=1, max_size=6))
def test_csv_line_neutralises_formula_text_only(cells):
    """Text starting like a formula reads back with a leading quote; numbers never change."""
    from archive.export import FORMULA_FIRST, csv_line

    expected = [
        ""
        if c is None
        else ("'" + c if isinstance(c, str) and c[:1] in FORMULA_FIRST and c else str(c))
        for c in cells
    ]
    if expected == [""]:
        return
    line = csv_line(cells, neutralise_formulas=True)
    assert next(csv.reader(io.StringIO(line, newline=""))) == expected


@pytest.mark.django_db(transaction=True)
def test_postgresql_export_reads_in_one_transaction(client):
    """On PostgreSQL the export's cursor lives in a transaction (no WITH HOLD cursor, which
    stores the whole result before the first row); elsewhere no transaction is opened, so a
    download never holds SQLite's write lock."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import make_statement

    for _ in range(3):
        make_statement()
    with CaptureQueriesContext(connection) as ctx:
        assert len(_csv(client.get("/statements/?format=csv"))) == 3
    declared = [q["sql"] for q in ctx.captured_queries if "DECLARE" in q["sql"].upper()]
    if connection.vendor == "postgresql":
        assert declared and not any("WITH HOLD" in sql.upper() for sql in declared)
    else:
        assert not any(q["sql"].startswith("BEGIN") for q in ctx.captured_queries)
