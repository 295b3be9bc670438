"""Raw bulk inserts for synthetic data, an order of magnitude faster than `bulk_create`.

Model instances and per-field conversions cost more than the database itself at a million rows,
so rows are plain tuples, ids are assigned up front (children can point at parents without
reading ids back) and PostgreSQL's sequences are reset at the end. On SQLite rows go in as
multi-row INSERTs, the full-text insert triggers are set aside during the load and the new rows
indexed in one statement afterwards; on PostgreSQL rows are streamed with COPY. Secondary
indexes are dropped during a table's load and built again from the loaded rows.
"""

from __future__ import annotations

import datetime
import itertools
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Field, Max, Model
from django.utils import timezone

from archive.models import ArchiveState

# Rows handed to the database per round trip from Python.
BATCH = 10_000
# Rows per SQLite INSERT statement: each execution of an INSERT pays a fixed cost (the
# AUTOINCREMENT bookkeeping in sqlite_sequence, statement setup), which a million single-row
# executions turned into a third of the load.
ROWS_PER_SQLITE_INSERT = 500
# Page cache for the connection during a load: a load larger than the cache spills dirty pages
# to the WAL mid-transaction and reads them back from there, which made a million-statement
# load several times slower. A limit, not an allocation: a small load uses little.
SQLITE_LOAD_CACHE_KIB = 2 * 1024 * 1024
# FTS5 buffers new index entries in memory and writes a segment each time the buffer fills
# (1 MB by default); a large buffer during the rebuild means few segments and little merging.
SQLITE_FTS_LOAD_HASHSIZE = 64 * 1024 * 1024
SQLITE_FTS_DEFAULT_HASHSIZE = 1024 * 1024

# FTS tables of migrations 0003_search and 0010_meeting_search whose insert trigger is set
# aside during a bulk load: (table, trigger, FTS table, SQL that indexes the rows with id
# above %s). New officials have no aliases yet.
_SQLITE_FTS = {
    "archive_statement": (
        "statement_fts_ai",
        "statement_fts",
        "INSERT INTO statement_fts(rowid, text) SELECT id, text FROM archive_statement "
        "WHERE id > %s",
    ),
    "archive_meeting": (
        "meeting_fts_ai",
        "meeting_fts",
        "INSERT INTO meeting_fts(rowid, title, summary, topics) "
        "SELECT id, title, summary, topics FROM archive_meeting WHERE id > %s",
    ),
    "archive_article": (
        "article_fts_ai",
        "article_fts",
        "INSERT INTO article_fts(rowid, title, text) SELECT id, title, text FROM archive_article "
        "WHERE id > %s",
    ),
    "archive_official": (
        "official_fts_ai",
        "official_fts",
        "INSERT INTO official_fts(rowid, name, aliases) SELECT id, name, '' "
        "FROM archive_official WHERE id > %s",
    ),
}


@contextmanager
def load_settings() -> Iterator[None]:
    """Connection settings for the duration of a bulk load, restored afterwards.

    Only SQLite's page cache changes: durability settings stay as they are, so the file is as
    safe after the load as after any other write (see the generator's report for the cost)."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (previous,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = -{SQLITE_LOAD_CACHE_KIB}")
        try:
            yield
        finally:
            cursor.execute(f"PRAGMA cache_size = {int(previous)}")


class BulkWriter:
    """Writes rows of several models quickly, inside the caller's transaction."""

    def __init__(self) -> None:
        self.next_id: dict[type[Model], int] = {}
        self.written: dict[str, int] = {}
        self.touched: list[type[Model]] = []
        self.now = connection.ops.adapt_datetimefield_value(timezone.now())

    def ids(self, model: type[Model], count: int) -> range:
        """Reserve `count` primary keys for new rows of a model."""
        if model not in self.next_id:
            highest = model._default_manager.aggregate(top=Max("pk"))["top"] or 0
            self.next_id[model] = highest + 1
            self.touched.append(model)
        start = self.next_id[model]
        self.next_id[model] = start + count
        return range(start, start + count)

    def date(self, value: datetime.date | None):
        """Adapt a date for the database driver."""
        return connection.ops.adapt_datefield_value(value)

    def insert(
        self,
        model: type[Model],
        columns: Sequence[str],
        rows: Iterable[tuple],
        constants: Mapping[str, object] | None = None,
    ) -> int:
        """Insert rows (tuples in the order of `columns`, field names); return how many.

        `constants` (field name: value already adapted for the database) are the same in every
        row; every other field not named gets its default, so a field added later needs no
        change here (the database itself has no defaults: Django supplies them)."""
        meta = model._meta
        fixed = {meta.get_field(name).column: value for name, value in (constants or {}).items()}
        named = set(columns) | set(constants or {})
        for field in meta.concrete_fields:
            if field.name not in named and not field.primary_key and not field.null:
                fixed[field.column] = self._default(field)
        variable = [meta.get_field(name).column for name in columns]
        with (
            self._fts_deferred(meta.db_table),
            self._foreign_keys_deferred(meta.db_table),
            self._indexes_deferred(meta.db_table),
        ):
            if connection.vendor == "postgresql":
                count = _copy_rows(meta.db_table, variable, fixed, rows)
            else:
                count = _insert_rows(meta.db_table, variable, fixed, rows)
        key = str(meta.verbose_name_plural)
        self.written[key] = self.written.get(key, 0) + count
        return count

    def _default(self, field: Field) -> object:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return self.now
        return field.get_db_prep_save(field.get_default(), connection)

    @contextmanager
    def _indexes_deferred(self, table: str) -> Iterator[None]:
        """Drop a table's secondary indexes during the load and build them after.

        Rows arrive in random order for every index but the primary key; building an index
        once from the loaded rows (a sort) is several times faster than a random B-tree
        insert per row and index, and PostgreSQL's full-text GIN index more so. Unique
        indexes are rebuilt too, so their rule still holds: a duplicate fails the rebuild,
        and the whole load rolls back. (Indexes that back a PostgreSQL constraint stay.)"""
        if connection.vendor not in ("sqlite", "postgresql"):
            yield
            return
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                    "AND tbl_name = %s AND sql IS NOT NULL",
                    [table],
                )
            else:
                cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
                cursor.execute(
                    "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
                    "JOIN pg_class i ON i.oid = x.indexrelid "
                    "JOIN pg_class t ON t.oid = x.indrelid "
                    "WHERE t.relname = %s AND pg_table_is_visible(t.oid) "
                    "AND NOT x.indisprimary "
                    "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)",
                    [table],
                )
            indexes = cursor.fetchall()
            for name, _sql in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
            # No `finally`: when the load fails, the caller's transaction rolls the drops
            # back with everything else (DDL is transactional on both databases).
            yield
            if connection.vendor == "postgresql" and indexes:
                _run_pending_checks(cursor)
            for _name, sql in indexes:
                cursor.execute(sql)

    @contextmanager
    def _foreign_keys_deferred(self, table: str) -> Iterator[None]:
        """On PostgreSQL, drop a table's foreign keys during the load and add them back after.

        Each row would queue a check per foreign key, run one by one at the end (a lookup
        and a row lock on the parent each: most of the load's time); adding the constraint
        back checks every row in one join, and a row without its parent fails the load."""
        if connection.vendor != "postgresql":
            yield
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
                "JOIN pg_class t ON t.oid = c.conrelid "
                "WHERE t.relname = %s AND pg_table_is_visible(t.oid) AND c.contype = 'f'",
                [table],
            )
            constraints = cursor.fetchall()
            if constraints:
                _run_pending_checks(cursor)
            for name, _definition in constraints:
                cursor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
            # No `finally`: a failed load rolls the drops back with everything else.
            yield
            if constraints:
                _run_pending_checks(cursor)
            for name, definition in constraints:
                cursor.execute(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')

    @contextmanager
    def _fts_deferred(self, table: str) -> Iterator[None]:
        """Index a table's new rows in its SQLite FTS5 table once, after the load.

        The insert trigger would add each row on its own, and FTS5 writes its pending entries
        out at the end of every statement: a segment per row, then merges of all of them
        (30 s for 100,000 statements instead of 1 s)."""
        deferred = _SQLITE_FTS.get(table) if connection.vendor == "sqlite" else None
        if deferred is None:
            yield
            return
        trigger, fts_table, backfill = deferred
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = %s", [trigger]
            )
            found = cursor.fetchone()
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
            (before,) = cursor.fetchone()
            if found:
                cursor.execute(f'DROP TRIGGER "{trigger}"')
            # No `finally`, as above: a failed load rolls back the dropped trigger too.
            yield
            if found:
                with _fts_hash_size(cursor, fts_table, SQLITE_FTS_LOAD_HASHSIZE):
                    cursor.execute(backfill, [before])
                cursor.execute(found[0])

    def finish(self) -> None:
        """Move PostgreSQL's id sequences past the ids assigned here."""
        ArchiveState.bump()  # raw inserts send no signal
        statements = connection.ops.sequence_reset_sql(no_style(), self.touched)
        if statements:
            with connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)


def _run_pending_checks(cursor) -> None:
    """Run PostgreSQL's deferred foreign-key checks now, then defer new ones again.

    PostgreSQL alters no table and builds no index on one with checks pending (earlier
    deletes in the same transaction queue them); they hold, or the load fails here."""
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")


@contextmanager
def _fts_hash_size(cursor, fts_table: str, size: int) -> Iterator[None]:
    """Set an FTS5 table's pending-entry buffer for a block, then put the old value back.

    The setting is stored in the table's `_config` shadow table; it is restored (to FTS5's
    default if it was unset) so later writes behave exactly as before the load."""
    cursor.execute(f"SELECT v FROM {fts_table}_config WHERE k = 'hashsize'")
    row = cursor.fetchone()
    previous = int(row[0]) if row else SQLITE_FTS_DEFAULT_HASHSIZE
    set_size = f"INSERT INTO {fts_table}({fts_table}, rank) VALUES ('hashsize', %s)"
    cursor.execute(set_size, [size])
    yield
    cursor.execute(set_size, [previous])


def _insert_rows(
    table: str, columns: list[str], fixed: dict[str, object], rows: Iterable[tuple]
) -> int:
    """Insert rows on SQLite with multi-row INSERTs; constants are written into the SQL."""
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in [*columns, *fixed])
    literals = [_sqlite_literal(value) for value in fixed.values()]
    one_row = "(" + ", ".join(["%s"] * len(columns) + literals) + ")"
    per_statement = _rows_per_statement(len(columns))
    insert = f"INSERT INTO {quote(table)} ({names}) VALUES "
    insert_many = insert + ", ".join([one_row] * per_statement)

    flat = itertools.chain.from_iterable
    count = 0
    with connection.cursor() as cursor:
        for batch in _batches(rows, BATCH):
            whole = len(batch) - len(batch) % per_statement
            if whole:
                groups = range(0, whole, per_statement)
                params = [tuple(flat(batch[i : i + per_statement])) for i in groups]
                cursor.executemany(insert_many, params)
            if whole < len(batch):
                cursor.executemany(insert + one_row, batch[whole:])
            count += len(batch)
    return count


def _rows_per_statement(columns: int) -> int:
    connection.ensure_connection()
    limit = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return max(1, min(ROWS_PER_SQLITE_INSERT, limit // max(1, columns)))


def _sqlite_literal(value: object) -> str:
    """Render a constant as an SQLite literal (with `%` doubled for Django's placeholders)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return "'" + value.replace("'", "''").replace("%", "%%") + "'"
    raise TypeError(f"no SQLite literal for {type(value).__name__}: pass it in the rows")


def _copy_rows(
    table: str, columns: list[str], fixed: dict[str, object], rows: Iterable[tuple]
) -> int:
    """Stream rows into a PostgreSQL table with COPY (no round trip per row)."""
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in [*columns, *fixed])
    extra = tuple(fixed.values())
    count = 0
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy,
    ):
        write = copy.write_row
        for row in rows:
            write(row + extra)
            count += 1
    return count


def _batches(rows: Iterable[tuple], size: int) -> Iterator[list[tuple]]:
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
