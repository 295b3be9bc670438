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
RANK_CANDIDATES = 200  # best matches read from the index before the list's filters apply
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


MIN_PREFIX_CHARS = 3


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
        if prefix and len(words[-1]) < MIN_PREFIX_CHARS:
            # "s*" matches most of the index and cost seconds per request: a prefix needs
            # a few letters; a shorter one is searched as the word itself.
            prefix = False
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
    pg_ids: str  # SQL selecting matching ids; each {query} is the tsquery
    pg_index_ranks: bool = True  # False when matching reaches beyond pg_vector (aliases)
    pg_word_pairs: bool = False  # the vector also holds adjacent-word pairs (migration 0008)


_SCOPES = {
    "statement": _Scope(
        table="archive_statement",
        fts_table="statement_fts",
        # The stored column of migrations 0007/0008 (ranking reads it instead of re-parsing).
        pg_vector="{t}.search_vector",
        pg_config="english",
        pg_ids="SELECT id FROM archive_statement WHERE search_vector @@ {query}",
        pg_word_pairs=True,
    ),
    "meeting": _Scope(
        table="archive_meeting",
        fts_table="meeting_fts",
        pg_vector="to_tsvector('english'::regconfig, "
        "{t}.title || ' ' || {t}.summary || ' ' || {t}.topics)",
        pg_config="english",
        pg_ids="SELECT id FROM archive_meeting WHERE to_tsvector('english'::regconfig, "
        "title || ' ' || summary || ' ' || topics) @@ {query}",
    ),
    "article": _Scope(
        table="archive_article",
        fts_table="article_fts",
        # The stored column of migration 0011: words and adjacent-word pairs, as statements.
        pg_vector="{t}.search_vector",
        pg_config="english",
        pg_ids="SELECT id FROM archive_article WHERE search_vector @@ {query}",
        pg_word_pairs=True,
    ),
    "official": _Scope(
        table="archive_official",
        fts_table="official_fts",
        pg_vector="to_tsvector('simple'::regconfig, {t}.name)",
        pg_config="simple",
        pg_ids="SELECT id FROM archive_official WHERE "
        "to_tsvector('simple'::regconfig, name) @@ {query} "
        "UNION SELECT official_id FROM archive_officialalias WHERE "
        "to_tsvector('simple'::regconfig, name) @@ {query}",
        pg_index_ranks=False,
    ),
}


def _pg_match(scope: _Scope, terms: list[Term]) -> tuple[str, list]:
    """The tsquery SQL (and its parameters) that finds a scope's matches on PostgreSQL.

    Where the vector holds adjacent-word pairs, a phrase also asks for its pairs: the GIN
    index then finds the few rows holding "president strengthen" side by side, instead of the
    hundred thousand holding both words, each re-read to check the positions (0.6 s)."""
    query = f"to_tsquery('{scope.pg_config}'::regconfig, %s)"
    phrases = [
        " ".join(term.words[:-1] if term.prefix else term.words)
        for term in terms
        if len(term.words) - term.prefix >= 2
    ]
    if scope.pg_word_pairs and phrases:
        return f"archive_with_word_pairs({query}, %s::text[])", [tsquery(terms), phrases]
    return query, [tsquery(terms)]


def _scope_for(queryset: QuerySet) -> _Scope:
    return _SCOPES[queryset.model._meta.model_name]


def _pg_vector(scope: _Scope) -> str:
    """The scope's tsvector SQL over its own (quoted) table."""
    return scope.pg_vector.format(t=connection.ops.quote_name(scope.table))


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
        query, params = _pg_match(scope, terms)
        return RawSQL(
            scope.pg_ids.replace("{query}", query), params * scope.pg_ids.count("{query}")
        )
    return RawSQL(
        f"SELECT rowid FROM {scope.fts_table} WHERE {scope.fts_table} MATCH %s", [fts5_query(terms)]
    )


def search(queryset: QuerySet, q: str, *, snippet: bool = True, rank: bool = True) -> QuerySet:
    """Return the rows of queryset matching q, with `search_rank` (higher is better; unless
    `rank=False`) and `search_snippet` (matches between MARK_START and MARK_END; render with
    `highlight`).

    A q without searchable terms (only operators or punctuation) matches nothing.
    """
    terms = parse_query(q)
    if not terms:
        return queryset.none()
    if connection.vendor == "postgresql":
        ids = matching_ids(queryset.model._meta.model_name, q)
        queryset = queryset.filter(pk__in=ids)
    else:
        # Join the record to its FTS5 row: one MATCH over the index. (A correlated FTS query
        # per row took minutes for a common word.)
        queryset = queryset.filter(search_index__document__match=fts5_query(terms))
    if snippet:
        queryset = queryset.annotate(search_snippet=_snippet(queryset, terms))
    return with_rank(queryset, q) if rank else queryset


def with_rank(queryset: QuerySet, q: str) -> QuerySet:
    """Add `search_rank` (higher is better) to a queryset already narrowed by `search`.

    Kept apart because a rank is costly where a snippet is not: on SQLite, bm25 for one row
    fetched by id re-reads the whole index entry of every term, so a page's rows are fetched
    without it (see `ranked_ids`)."""
    terms = parse_query(q)
    if connection.vendor == "postgresql":
        scope = _scope_for(queryset)
        rank = RawSQL(
            f"ts_rank({_pg_vector(scope)}, to_tsquery('{scope.pg_config}'::regconfig, %s))",
            [tsquery(terms)],
            FloatField(),
        )
    else:
        rank = ExpressionWrapper(F("search_index__rank") * -1, output_field=FloatField())
    return queryset.annotate(search_rank=rank)


def _snippet(queryset: QuerySet, terms: list[Term]):
    """The expression of a row's snippet: its best passage with the matches marked."""
    if connection.vendor == "postgresql":
        scope = _scope_for(queryset)
        t = connection.ops.quote_name(scope.table)
        cfg = scope.pg_config
        source = {"statement": f"{t}.text", "article": f"{t}.text", "official": f"{t}.name"}[
            queryset.model._meta.model_name
        ]
        options = (
            f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, "
            'MaxFragments=2, FragmentDelimiter=" … "'
        )
        return RawSQL(
            f"ts_headline('{cfg}'::regconfig, {source}, to_tsquery('{cfg}'::regconfig, %s), %s)",
            [tsquery(terms), options],
            TextField(),
        )
    return Func(
        F("search_index__document"),
        Value(-1),
        Value(MARK_START),
        Value(MARK_END),
        Value("…"),
        Value(24),
        function="snippet",
        output_field=TextField(),
    )


def highlight(marked: str | None) -> SafeString:
    """Return a snippet as safe HTML: the text escaped, then the matches wrapped in <mark>."""
    html = str(escape(marked or ""))
    html = html.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(html)


def ranked_ids(
    queryset: QuerySet, q: str, start: int, count: int, *, filtered: QuerySet | None = None
) -> list[int]:
    """Ids of the rows [start, start + count) of a searched (unranked) queryset, best match
    first, ties by id descending.

    The ranking is read from the full-text index alone first: its best few hundred ids (the
    same order as the page: bm25 on SQLite, ts_rank on PostgreSQL, ties by id descending),
    then the list's other filters applied to those ids only — `filtered`, the same rows
    before the search, when given: the candidates already match, and checking them against
    the index again reads every match of the word. That costs what the bare ranked query
    costs; ranking every match of the filtered list (needed when the filters remove many
    matches) is the fallback.
    """
    want = start + count
    terms = parse_query(q)

    def by_full_ranking() -> list[int]:
        ranked = with_rank(queryset, q).order_by("-search_rank", "-id")
        return list(ranked.values_list("pk", flat=True)[start:want])

    limit = max(2 * want, RANK_CANDIDATES)
    best = _best_matches_sql(_scope_for(queryset), terms, limit)
    if best is None:
        return by_full_ranking()
    with connection.cursor() as cursor:
        cursor.execute(*best)
        candidates = [row[0] for row in cursor.fetchall()]
    check = queryset if filtered is None else filtered
    kept = set(only_ids(check.order_by(), candidates).values_list("pk", flat=True))
    ordered = [pk for pk in candidates if pk in kept]
    if len(ordered) >= want or len(candidates) < limit:
        return ordered[start:want]
    return by_full_ranking()


def _best_matches_sql(scope: _Scope, terms: list[Term], limit: int) -> tuple[str, list] | None:
    """The bare ranked query of one kind of record: (sql, params), or None where the index
    alone cannot rank as the page does (PostgreSQL officials also match by alias)."""
    if not terms:
        return None
    if connection.vendor == "sqlite":
        fts = scope.fts_table
        return (
            f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s ORDER BY rank, rowid DESC LIMIT %s",
            [fts5_query(terms), limit],
        )
    if connection.vendor != "postgresql" or not scope.pg_index_ranks:
        return None
    vector = _pg_vector(scope)
    match, match_params = _pg_match(scope, terms)
    return (
        f"SELECT id FROM {scope.table} WHERE {vector} @@ {match} ORDER BY "
        f"ts_rank({vector}, to_tsquery('{scope.pg_config}'::regconfig, %s)) DESC, id DESC "
        "LIMIT %s",
        [*match_params, tsquery(terms), limit],
    )


def ranked_rows(
    queryset: QuerySet, q: str, start: int, count: int, *, filtered: QuerySet | None = None
) -> list:
    """The rows [start, start + count) of a searched (unranked) queryset, best match first:
    ids from `ranked_ids`, then the full rows for those ids alone, so per-row work (snippets,
    related rows) is done for one page, not for every match."""
    ids = ranked_ids(queryset, q, start, count, filtered=filtered)
    if not ids:
        return []
    by_id = {row.pk: row for row in only_ids(queryset.order_by(), ids)}
    return [by_id[pk] for pk in ids if pk in by_id]


def only_ids(queryset: QuerySet, ids: list[int]) -> QuerySet:
    """The queryset narrowed to some ids. On a searched SQLite queryset the full-text row is
    narrowed too: otherwise the planner reads every match of the index and keeps a few."""
    queryset = queryset.filter(pk__in=ids)
    if connection.vendor == "sqlite" and "search_snippet" in queryset.query.annotations:
        queryset = queryset.filter(search_index__pk__in=ids)
    return queryset
