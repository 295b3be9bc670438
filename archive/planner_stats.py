"""Fresh planner statistics (and, on PostgreSQL, a vacuumed table) after bulk writes.

Why: without `ANALYZE`, SQLite's planner guesses table sizes, and at a million rows a guess
can turn a facet query of half a second into one of minutes (it drove a join from the small
table into the big one). PostgreSQL's autovacuum analyzes eventually; right after a bulk load
it has not yet, so the loaders ask for it. After a bulk load PostgreSQL also needs a `VACUUM`:
until one runs, no page is marked all-visible (index-only scans read the table anyway) and
autovacuum's insert threshold starts a vacuum of the million-row tables minutes later, in the
middle of whatever the archive is serving.
"""

from __future__ import annotations

from django.db import connection


def refresh(*, thorough: bool = False) -> None:
    """Update the statistics the query planner uses.

    `thorough` (after a bulk load) analyzes everything, and on PostgreSQL vacuums too when
    not inside a transaction (VACUUM cannot run in one; inside, it only analyzes). Otherwise
    SQLite's `PRAGMA optimize` analyzes only the tables whose size changed enough to matter,
    which is cheap after an ordinary import."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite" and not thorough:
            cursor.execute("PRAGMA optimize")
        elif connection.vendor == "postgresql" and thorough and not connection.in_atomic_block:
            cursor.execute("VACUUM (ANALYZE)")
        else:
            cursor.execute("ANALYZE")
