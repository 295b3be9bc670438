"""Raw bulk inserts for synthetic data, an order of magnitude faster than `bulk_create`.

Model instances and per-field conversions cost more than the database itself at a million rows,
so rows are plain tuples written with `executemany`, ids are assigned up front (children can
point at parents without reading ids back) and PostgreSQL's sequences are reset at the end.
On SQLite the full-text insert triggers are set aside during the load and the new rows indexed
in one statement afterwards, which is several times faster than a trigger per row.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max, Model
from django.utils import timezone

from archive.models import ArchiveState

BATCH = 5000

# FTS tables of migration 0003_search whose insert trigger is set aside during a bulk load:
# (table, trigger, SQL that indexes the rows with id above %s).
_SQLITE_FTS = {
    "archive_statement": (
        "statement_fts_ai",
        "INSERT INTO statement_fts(rowid, text) SELECT id, text FROM archive_statement "
        "WHERE id > %s",
    ),
    "archive_article": (
        "article_fts_ai",
        "INSERT INTO article_fts(rowid, title, text) SELECT id, title, text FROM archive_article "
        "WHERE id > %s",
    ),
}


class BulkWriter:
    """Writes rows of several models quickly, inside the caller's transaction."""

    def __init__(self) -> None:
        self.next_id: dict[type[Model], int] = {}
        self.written: dict[str, int] = {}
        self.touched: list[type[Model]] = []
        self.now = connection.ops.adapt_datetimefield_value(timezone.now())
        if connection.vendor == "sqlite":
            # Rows land on random pages of every index; a larger page cache for this connection
            # keeps those pages in memory instead of re-reading them.
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA cache_size = -262144")  # 256 MB

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

    def insert(self, model: type[Model], columns: Sequence[str], rows: Iterable[tuple]) -> int:
        """Insert rows (tuples in the order of `columns`, field names); return how many."""
        meta = model._meta
        quote = connection.ops.quote_name
        # Every other column gets its field's default, so a field added later needs no change
        # here (the database itself has no defaults: Django supplies them).
        defaults = [
            field
            for field in meta.concrete_fields
            if field.name not in columns and not field.primary_key and not field.null
        ]
        extra = tuple(field.get_db_prep_save(field.get_default(), connection) for field in defaults)
        for field in defaults:
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                extra = tuple(
                    self.now if f is field else value
                    for f, value in zip(defaults, extra, strict=True)
                )
        all_columns = [meta.get_field(name).column for name in columns]
        all_columns += [field.column for field in defaults]
        names = ", ".join(quote(column) for column in all_columns)
        marks = ", ".join(["%s"] * len(all_columns))
        if extra:
            rows = (row + extra for row in rows)
        sql = f"INSERT INTO {quote(meta.db_table)} ({names}) VALUES ({marks})"
        count = 0
        with (
            connection.cursor() as cursor,
            self._fts_deferred(meta.db_table),
            self._indexes_deferred(meta.db_table),
        ):
            if connection.vendor == "postgresql":
                # COPY streams rows without a round trip per row.
                copy_sql = f"COPY {quote(meta.db_table)} ({names}) FROM STDIN"
                with cursor.cursor.copy(copy_sql) as copy:
                    for row in rows:
                        copy.write_row(row)
                        count += 1
            else:
                for batch in _batches(rows):
                    cursor.executemany(sql, batch)
                    count += len(batch)
        key = str(meta.verbose_name_plural)
        self.written[key] = self.written.get(key, 0) + count
        return count

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
                # PostgreSQL builds no index on a table with foreign-key checks pending:
                # run them now (they hold or the load fails), then defer the rest again.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for _name, sql in indexes:
                cursor.execute(sql)

    @contextmanager
    def _fts_deferred(self, table: str) -> Iterator[None]:
        deferred = _SQLITE_FTS.get(table) if connection.vendor == "sqlite" else None
        if deferred is None:
            yield
            return
        trigger, backfill = deferred
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = %s", [trigger]
            )
            found = cursor.fetchone()
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
            (before,) = cursor.fetchone()
            if found:
                cursor.execute(f'DROP TRIGGER "{trigger}"')
            try:
                yield
            finally:
                if found:
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


def _batches(rows: Iterable[tuple]) -> Iterator[list[tuple]]:
    batch: list[tuple] = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch
