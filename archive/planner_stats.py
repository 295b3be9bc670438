"""Fresh planner statistics after bulk writes.

Why: without `ANALYZE`, SQLite's planner guesses table sizes, and at a million rows a guess
can turn a facet query of half a second into one of minutes (it drove a join from the small
table into the big one). PostgreSQL's autovacuum analyzes eventually; right after a bulk load
it has not yet, so the loaders ask for it.
"""

from __future__ import annotations

from django.db import connection


def refresh(*, thorough: bool = False) -> None:
    """Update the statistics the query planner uses.

    `thorough` (after a bulk load) analyzes everything; otherwise SQLite's `PRAGMA optimize`
    analyzes only the tables whose size changed enough to matter, which is cheap after an
    ordinary import."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite" and not thorough:
            cursor.execute("PRAGMA optimize")
        else:
            cursor.execute("ANALYZE")
