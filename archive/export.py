"""Streaming CSV and JSON of a whole list: every matching row, in the list's order.

Rows come from `.iterator(chunk_size=…)` (prefetches run per chunk), so memory does not grow
with the number of rows. Column definitions live here and are what the "About the data" page
documents, so the documentation cannot drift from the files.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.db.models import Case, CharField, Model, QuerySet, Value, When
from django.db.models.functions import Cast
from django.http import StreamingHttpResponse

from .record_urls import detail_path_parts

CHUNK_SIZE = 500
FLAT_CHUNK_SIZE = 2000
LINES_PER_CHUNK = 200  # one write to the client per batch of lines, not per line
JOIN = "; "
FORMULA_FIRST = frozenset("=+-@\t\r")


@dataclass(frozen=True)
class Column:
    """One exported column: its name, what it means, and how to read it from a record."""

    name: str
    description: str
    get: Callable[[Any, Callable[[str], str]], Any]


def _joined(values: Iterable[Any]) -> str:
    return JOIN.join(str(v) for v in values if v not in (None, ""))


def _date(value: Any) -> str:
    return value.isoformat() if value else ""


def _speaker(statement: Model) -> Model | None:
    """Return a statement's speaker unless an editor rejected that record (then unattributed)."""
    speaker = statement.speaker
    return speaker if speaker is not None and speaker.status != "rejected" else None


def _url(obj: Model | None, absolute: Callable[[str], str]) -> str:
    return absolute(obj.get_absolute_url()) if obj is not None else ""


def _country(value: Any) -> str:
    return value.code if value else ""


def _source_columns(articles: Callable[[Any], list[Any]]) -> list[Column]:
    """The two columns every record has: its source articles, by title and by archive URL."""
    return [
        Column(
            "source_articles",
            f"Titles (or file names) of the source articles, joined by '{JOIN}'.",
            lambda o, a: _joined(str(x) for x in articles(o)),
        ),
        Column(
            "source_article_urls",
            "Archive URLs of the source articles, same order.",
            lambda o, a: _joined(_url(x, a) for x in articles(o)),
        ),
    ]


def _meeting_articles(m: Any) -> list[Any]:
    return [s.article for s in m.sources.all()]


def _official_articles(o: Any) -> list[Any]:
    seen: dict[int, Any] = {}
    for mention in o.mentions.all():
        if mention.article.status != "rejected":
            seen.setdefault(mention.article_id, mention.article)
    return list(seen.values())


COMMON = [
    Column("id", "The record's number in the archive; stable.", lambda o, a: o.pk),
    Column("url", "The record's page in the archive (cite this).", lambda o, a: _url(o, a)),
]

COLUMNS: dict[str, list[Column]] = {
    "meetings": [
        *COMMON,
        Column("title", "The meeting's title, if an editor gave one.", lambda o, a: o.title),
        Column(
            "start_date",
            "First day (ISO 8601); empty when the year is unknown.",
            lambda o, a: _date(o.start_date),
        ),
        Column(
            "end_date", "Last day of a meeting over several days.", lambda o, a: _date(o.end_date)
        ),
        Column(
            "date_precision",
            "How much of the date the source gives: day, month, year or unknown.",
            lambda o, a: o.date_precision,
        ),
        Column("date_text", "The date as the source wrote it.", lambda o, a: o.date_text),
        Column("city", "Where the meeting took place.", lambda o, a: o.city),
        Column("venue", "The hosting institution.", lambda o, a: o.venue.name if o.venue else ""),
        Column("country_a", "ISO 3166 code of one side.", lambda o, a: _country(o.country_a)),
        Column("country_b", "ISO 3166 code of the other side.", lambda o, a: _country(o.country_b)),
        Column("kind", "defense, diplomatic, security, economic or other.", lambda o, a: o.kind),
        Column(
            "officials",
            "Participants' names.",
            lambda o, a: _joined(p.official.name for p in o.participations.all()),
        ),
        Column(
            "official_urls",
            "Participants' archive URLs, same order.",
            lambda o, a: _joined(_url(p.official, a) for p in o.participations.all()),
        ),
        Column("summary", "A summary of the meeting.", lambda o, a: o.summary),
        Column("topics", "Topics, comma-separated as entered.", lambda o, a: o.topics),
        Column("status", "draft or reviewed (by an editor).", lambda o, a: o.status),
        *_source_columns(_meeting_articles),
    ],
    "statements": [
        *COMMON,
        Column("date", "When it was said (ISO 8601), if known.", lambda o, a: _date(o.date)),
        Column(
            "speaker",
            "Who said it; empty when unattributed.",
            lambda o, a: _speaker(o).name if _speaker(o) else "",
        ),
        Column("speaker_url", "The speaker's archive URL.", lambda o, a: _url(_speaker(o), a)),
        Column(
            "speaker_country",
            "ISO 3166 code of the speaker's country.",
            lambda o, a: _country(_speaker(o).country) if _speaker(o) else "",
        ),
        Column(
            "direct",
            "true for a verbatim quote, false for reported speech.",
            lambda o, a: "true" if o.direct else "false",
        ),
        Column("text", "What was said.", lambda o, a: o.text),
        Column(
            "meeting_url", "The meeting it was said at, if any.", lambda o, a: _url(o.meeting, a)
        ),
        Column("status", "draft or reviewed (by an editor).", lambda o, a: o.status),
        *_source_columns(lambda o: [o.article]),
    ],
    "officials": [
        *COMMON,
        Column("name", "The canonical name.", lambda o, a: o.name),
        Column(
            "aliases",
            "Other names: how articles wrote it, and merged names.",
            lambda o, a: _joined(x.name for x in o.aliases.all()),
        ),
        Column("country", "ISO 3166 code.", lambda o, a: _country(o.country)),
        Column("title", "The current title.", lambda o, a: o.title),
        Column("rank", "Military or civil rank.", lambda o, a: o.rank),
        Column(
            "institution",
            "The institution they serve.",
            lambda o, a: o.institution.name if o.institution else "",
        ),
        Column("status", "draft or reviewed (by an editor).", lambda o, a: o.status),
        *_source_columns(_official_articles),
    ],
    "institutions": [
        *COMMON,
        Column("name", "The institution's name.", lambda o, a: o.name),
        Column("aliases", "Other names.", lambda o, a: _joined(x.name for x in o.aliases.all())),
        Column("country", "ISO 3166 code.", lambda o, a: _country(o.country)),
        Column(
            "kind",
            "ministry, armed_forces, university, council, government, parliament, "
            "international, news_agency or other.",
            lambda o, a: o.kind,
        ),
        Column("parent", "The body it belongs to.", lambda o, a: o.parent.name if o.parent else ""),
        Column("status", "draft or reviewed (by an editor).", lambda o, a: o.status),
        *_source_columns(lambda o: list(o.articles.all())),
    ],
    "agreements": [
        *COMMON,
        Column("name", "The agreement's name.", lambda o, a: o.name),
        Column("kind", "Security agreement, memorandum, contract…", lambda o, a: o.kind),
        Column("signed_date", "Signing date (ISO 8601).", lambda o, a: _date(o.signed_date)),
        Column("signed_place", "Where it was signed.", lambda o, a: o.signed_place),
        Column(
            "parties",
            "ISO 3166 codes of the parties.",
            lambda o, a: _joined(c.code for c in o.parties),
        ),
        Column("deadline", "Deadline it sets (ISO 8601).", lambda o, a: _date(o.deadline)),
        Column(
            "agreement_status",
            "in_preparation, signed, in_force or unknown.",
            lambda o, a: o.agreement_status,
        ),
        Column("provisions", "What it provides.", lambda o, a: o.provisions),
        Column(
            "meeting_urls",
            "Archive URLs of meetings that refer to it.",
            lambda o, a: _joined(_url(m, a) for m in o.meetings.all()),
        ),
        Column("status", "draft or reviewed (by an editor).", lambda o, a: o.status),
        *_source_columns(lambda o: [s.article for s in o.sources.all()]),
    ],
    "articles": [
        *COMMON,
        Column("title", "The headline.", lambda o, a: o.title),
        Column("outlet", "The news outlet.", lambda o, a: o.outlet),
        Column("original_url", "Where the outlet published it.", lambda o, a: o.safe_url),
        Column("published", "Publication date (ISO 8601).", lambda o, a: _date(o.published)),
        Column("file_name", "The file it was imported from.", lambda o, a: o.file_name),
        Column("status", "draft or reviewed (by an editor).", lambda o, a: o.status),
        *_source_columns(lambda o: [o]),
    ],
}


class RecordUrls:
    """Absolute record URLs by string formatting: the path's parts once per kind, not per row.

    At a million rows, resolving a URL pattern per cell cost more than the database did."""

    def __init__(self, absolute: Callable[[str], str]) -> None:
        self.root = absolute("/").rstrip("/")
        self._parts: dict[str, tuple[str, str]] = {}

    def __call__(self, view: str, pk: int | None) -> str:
        if pk is None:
            return ""
        parts = self._parts.get(view)
        if parts is None:
            head, tail = detail_path_parts(view)
            parts = self._parts[view] = (self.root + head, tail)
        return f"{parts[0]}{pk}{parts[1]}"


@dataclass(frozen=True)
class FlatRows:
    """A kind whose columns all come from one row of values, so it streams as tuples.

    The cells are the same, in the same order, as COLUMNS gives (a test holds them equal);
    this path only skips building model instances and Django's per-value converters (dates
    and booleans arrive as text), the costly part of a million-row export."""

    fields: tuple[str, ...]
    annotations: Callable[[], dict[str, Any]]
    cells: Callable[[tuple, RecordUrls], list[Any]]


def _statement_annotations() -> dict[str, Any]:
    return {
        "day_text": Cast("date", output_field=CharField()),
        "direct_text": Case(
            When(direct=True, then=Value("true")), default=Value("false"), output_field=CharField()
        ),
    }


def _statement_cells(row: tuple, url: RecordUrls) -> list[Any]:
    (pk, day, speaker, name, country, speaker_status, direct, text, meeting, status,
     article, title, file_name) = row  # fmt: skip
    if speaker_status == "rejected":
        speaker = None
    return [
        pk,
        url("statement_detail", pk),
        day or "",
        name if speaker else "",
        url("official_detail", speaker),
        (country or "") if speaker else "",
        direct,
        text,
        url("meeting_detail", meeting),
        status,
        title or file_name,
        url("article_detail", article),
    ]


FLAT: dict[str, FlatRows] = {
    "statements": FlatRows(
        fields=(
            "pk",
            "day_text",
            "speaker_id",
            "speaker__name",
            "speaker__country",
            "speaker__status",
            "direct_text",
            "text",
            "meeting_id",
            "status",
            "article_id",
            "article__title",
            "article__file_name",
        ),
        annotations=_statement_annotations,
        cells=_statement_cells,
    )
}


def _rows(kind: str, queryset: QuerySet, absolute: Callable[[str], str]) -> Iterator[list[Any]]:
    """Every record's cells, in the queryset's order, in constant memory."""
    with _one_read():
        flat = FLAT.get(kind)
        if flat is not None:
            url = RecordUrls(absolute)
            rows = queryset.annotate(**flat.annotations()).values_list(*flat.fields)
            for row in rows.iterator(chunk_size=FLAT_CHUNK_SIZE):
                yield flat.cells(row, url)
            return
        columns = COLUMNS[kind]
        for obj in queryset.iterator(chunk_size=CHUNK_SIZE):
            yield [c.get(obj, absolute) for c in columns]


def _one_read() -> AbstractContextManager:
    """On PostgreSQL, the whole export reads inside one transaction: one snapshot, so a file
    never mixes rows from before and after an import, and a plain server-side cursor.

    Outside a transaction Django declares the cursor WITH HOLD, and PostgreSQL then stores
    the entire result before sending the first row (14 s for a million statements). Not on
    SQLite, where a transaction here would take the write lock for the length of a download
    (reads there already see one snapshot per query)."""
    return transaction.atomic() if connection.vendor == "postgresql" else nullcontext()


def csv_line(cells: Iterable[Any], *, neutralise_formulas: bool = False) -> str:
    """One CSV record (RFC 4180, as `csv.writer` writes it with its defaults).

    Written out because `csv.writer` spent 17 µs on a row with one paragraph of text, half
    the budget of a million-row export; this is 3 µs. A cell is quoted when it holds a comma,
    a quote or a line break, and its quotes are doubled (tests compare it with `csv`). With
    `neutralise_formulas`, text a spreadsheet would run as a formula (starting with one of
    FORMULA_FIRST) gets a leading `'`, so it is shown instead, in the same pass."""
    out = []
    append = out.append
    for cell in cells:
        if cell is None:
            append("")
            continue
        if isinstance(cell, str):
            text = cell
            if neutralise_formulas and text and text[0] in FORMULA_FIRST:
                text = "'" + text
        else:
            text = str(cell)
        if '"' in text or "," in text or "\n" in text or "\r" in text:
            text = '"' + text.replace('"', '""') + '"'
        append(text)
    return ",".join(out) + "\r\n"


def csv_lines(
    kind: str, queryset: QuerySet, absolute: Callable[[str], str], *, bom: bool = False
) -> Iterator[str]:
    """Yield the CSV header, then the records in batches, formula-like cells neutralised."""
    columns = COLUMNS[kind]
    if bom:
        yield "\ufeff"
    yield csv_line(c.name for c in columns)
    batch: list[str] = []
    for cells in _rows(kind, queryset, absolute):
        batch.append(csv_line(cells, neutralise_formulas=True))
        if len(batch) == LINES_PER_CHUNK:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def json_lines(kind: str, queryset: QuerySet, absolute: Callable[[str], str]) -> Iterator[str]:
    """Yield a JSON array of objects, one record per line."""
    names = [c.name for c in COLUMNS[kind]]
    yield "["
    first = True
    for cells in _rows(kind, queryset, absolute):
        row = dict(zip(names, cells, strict=True))
        yield ("\n" if first else ",\n") + json.dumps(row, ensure_ascii=False)
        first = False
    yield "\n]\n"


def response(
    kind: str, fmt: str, queryset: QuerySet, absolute: Callable[[str], str], *, bom: bool = False
) -> StreamingHttpResponse:
    """Return the streamed download of a list in CSV or JSON."""
    if fmt == "csv":
        body = csv_lines(kind, queryset, absolute, bom=bom)
        content_type = "text/csv; charset=utf-8"
    else:
        body = json_lines(kind, queryset, absolute)
        content_type = "application/json; charset=utf-8"
    resp = StreamingHttpResponse((line.encode("utf-8") for line in body), content_type=content_type)
    resp["Content-Disposition"] = f'attachment; filename="{kind}.{fmt}"'
    return resp
