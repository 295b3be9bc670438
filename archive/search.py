"""Full-text search behind one function, whichever database runs the archive.

PostgreSQL matches a `to_tsvector` expression that a GIN index covers (migration 0003_search);
SQLite matches FTS5 tables that triggers keep in step with the records (same migration), joined
to the records through the unmanaged models of archive/models/search_index.py. Callers
only see `search(queryset, q)`: the rows that match, annotated with a relevance and a snippet.

User syntax never reaches the engine as written: `parse_query` keeps words, quoted phrases and
trailing-`*` prefixes and drops everything else, so an unclosed quote or a lone `AND` is cleaned,
never an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import ExpressionWrapper, F, FloatField, Func, QuerySet, TextField, Value
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Private-use characters mark matches inside snippets: they survive HTML escaping, so the text
# is escaped first and only then are the markers turned into <mark> elements.
MARK_START = "\ue000"
MARK_END = "\ue001"

MAX_QUERY_CHARS = 500
MAX_TERMS = 16
MAX_WORD_CHARS = 64
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
_WORD = re.compile(r"\w+", re.UNICODE)
_CHUNK = re.compile(r'"([^"]*)"?|([^\s"]+)')


@dataclass(frozen=True)
class Term:
    """One thing to match: a word, or several words in a row (a phrase); maybe a prefix."""

    words: tuple[str, ...]
    prefix: bool = False


def parse_query(q: str) -> list[Term]:
    """Return the searchable terms of what a user typed, dropping syntax the engine would reject."""
    terms: list[Term] = []
    for match in _CHUNK.finditer((q or "")[:MAX_QUERY_CHARS]):
        quoted, bare = match.group(1), match.group(2)
        chunk = quoted if quoted is not None else bare
        if bare is not None and bare.upper() in _OPERATORS | {"NEAR("}:
            continue
        words = tuple(w[:MAX_WORD_CHARS].lower() for w in _WORD.findall(chunk))
        if not words:
            continue
        prefix = chunk.rstrip().endswith("*") and not chunk.rstrip().endswith("(*")
        terms.append(Term(words, prefix))
        if len(terms) >= MAX_TERMS:
            break
    return terms


def has_terms(q: str | None) -> bool:
    """Whether a query holds anything to search for."""
    return bool(q and parse_query(q))


def fts5_query(terms: list[Term]) -> str:
    """Return an FTS5 MATCH expression: every term required, each quoted so it is a literal."""
    parts = []
    for term in terms:
        part = '"' + " ".join(term.words) + '"'
        parts.append(part + "*" if term.prefix else part)
    return " ".join(parts)


def tsquery(terms: list[Term]) -> str:
    """Return a `to_tsquery` expression: terms joined by &, phrase words by <->, prefixes :*."""
    parts = []
    for term in terms:
        words = [f"'{w}'" for w in term.words]
        if term.prefix:
            words[-1] += ":*"
        parts.append("(" + " <-> ".join(words) + ")" if len(words) > 1 else words[0])
    return " & ".join(parts)


@dataclass(frozen=True)
class _Scope:
    """Where one kind of record is searched, in each backend's terms."""

    table: str
    fts_table: str
    pg_vector: str  # SQL over the table's columns, the same expression the GIN index covers
    pg_config: str
    pg_ids: str  # SQL selecting matching ids; %(q)s is the tsquery placeholder


_SCOPES = {
    "statement": _Scope(
        table="archive_statement",
        fts_table="statement_fts",
        pg_vector="to_tsvector('english'::regconfig, {t}.text)",
        pg_config="english",
        pg_ids="SELECT id FROM archive_statement WHERE "
        "to_tsvector('english'::regconfig, text) @@ to_tsquery('english'::regconfig, %s)",
    ),
    "article": _Scope(
        table="archive_article",
        fts_table="article_fts",
        pg_vector="to_tsvector('english'::regconfig, {t}.title || ' ' || {t}.text)",
        pg_config="english",
        pg_ids="SELECT id FROM archive_article WHERE "
        "to_tsvector('english'::regconfig, title || ' ' || text) "
        "@@ to_tsquery('english'::regconfig, %s)",
    ),
    "official": _Scope(
        table="archive_official",
        fts_table="official_fts",
        pg_vector="to_tsvector('simple'::regconfig, {t}.name)",
        pg_config="simple",
        pg_ids="SELECT id FROM archive_official WHERE "
        "to_tsvector('simple'::regconfig, name) @@ to_tsquery('simple'::regconfig, %s) "
        "UNION SELECT official_id FROM archive_officialalias WHERE "
        "to_tsvector('simple'::regconfig, name) @@ to_tsquery('simple'::regconfig, %s)",
    ),
}


def _scope_for(queryset: QuerySet) -> _Scope:
    return _SCOPES[queryset.model._meta.model_name]


def matching_ids(model_name: str, q: str) -> RawSQL | None:
    """Return a subquery of the ids of one kind of record matching q; None if q has no terms.

    Self-contained SQL, so it can sit inside `pk__in=` or `meeting__in=` of another model's
    query without depending on the outer query's table aliases.
    """
    terms = parse_query(q)
    if not terms:
        return None
    scope = _SCOPES[model_name]
    if connection.vendor == "postgresql":
        expr = tsquery(terms)
        return RawSQL(scope.pg_ids, [expr] * scope.pg_ids.count("%s"))
    return RawSQL(
        f"SELECT rowid FROM {scope.fts_table} WHERE {scope.fts_table} MATCH %s", [fts5_query(terms)]
    )


def search(queryset: QuerySet, q: str, *, snippet: bool = True) -> QuerySet:
    """Return the rows of queryset matching q, with `search_rank` (higher is better) and
    `search_snippet` (matches between MARK_START and MARK_END; render with `highlight`).

    A q without searchable terms (only operators or punctuation) matches nothing.
    """
    terms = parse_query(q)
    if not terms:
        return queryset.none()
    scope = _scope_for(queryset)
    if connection.vendor == "postgresql":
        ids = matching_ids(queryset.model._meta.model_name, q)
        queryset = queryset.filter(pk__in=ids)
        t = connection.ops.quote_name(scope.table)
        expr = tsquery(terms)
        vector = scope.pg_vector.format(t=t)
        cfg = scope.pg_config
        rank = RawSQL(
            f"ts_rank({vector}, to_tsquery('{cfg}'::regconfig, %s))", [expr], FloatField()
        )
        source = {"statement": f"{t}.text", "article": f"{t}.text", "official": f"{t}.name"}[
            queryset.model._meta.model_name
        ]
        options = (
            f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, "
            'MaxFragments=2, FragmentDelimiter=" … "'
        )
        snip = RawSQL(
            f"ts_headline('{cfg}'::regconfig, {source}, to_tsquery('{cfg}'::regconfig, %s), %s)",
            [expr, options],
            TextField(),
        )
    else:
        # Join the record to its FTS5 row: one MATCH over the index, bm25 read from the
        # joined row. (A correlated FTS query per row took minutes for a common word.)
        queryset = queryset.filter(search_index__document__match=fts5_query(terms))
        rank = ExpressionWrapper(F("search_index__rank") * -1, output_field=FloatField())
        snip = Func(
            F("search_index__document"),
            Value(-1),
            Value(MARK_START),
            Value(MARK_END),
            Value("…"),
            Value(24),
            function="snippet",
            output_field=TextField(),
        )
    queryset = queryset.annotate(search_rank=rank)
    if snippet:
        queryset = queryset.annotate(search_snippet=snip)
    return queryset


def highlight(marked: str | None) -> SafeString:
    """Return a snippet as safe HTML: the text escaped, then the matches wrapped in <mark>."""
    html = str(escape(marked or ""))
    html = html.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(html)
