"""PostgreSQL only: indexes in the lists' own order, and a stored tsvector for statements.

Why: PostgreSQL reads an ascending index backwards as `DESC NULLS FIRST`, so the newest-first
lists (`DESC NULLS LAST`: undated records last) sorted every row instead of reading an index.
And ranking a common word recomputed `to_tsvector(text)` for each of 100,000 matches (3 s);
a generated column keeps the vector, so ranking reads it. SQLite needs neither: its index
order already matches, and FTS5 stores what bm25 reads.
"""

from django.db import migrations

POSTGRES_UP = [
    "CREATE INDEX IF NOT EXISTS meeting_date_desc_idx "
    "ON archive_meeting (start_date DESC NULLS LAST, id DESC)",
    "CREATE INDEX IF NOT EXISTS statement_date_desc_idx "
    "ON archive_statement (date DESC NULLS LAST, id DESC)",
    "ALTER TABLE archive_statement ADD COLUMN IF NOT EXISTS search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english'::regconfig, text)) STORED",
    "CREATE INDEX IF NOT EXISTS statement_search_vector_gin "
    "ON archive_statement USING GIN (search_vector)",
    "DROP INDEX IF EXISTS statement_search_gin",
]

POSTGRES_DOWN = [
    "CREATE INDEX IF NOT EXISTS statement_search_gin ON archive_statement "
    "USING GIN (to_tsvector('english'::regconfig, text))",
    "DROP INDEX IF EXISTS statement_search_vector_gin",
    "ALTER TABLE archive_statement DROP COLUMN IF EXISTS search_vector",
    "DROP INDEX IF EXISTS statement_date_desc_idx",
    "DROP INDEX IF EXISTS meeting_date_desc_idx",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("archive", "0006_archive_state")]

    operations = [migrations.RunPython(_run(POSTGRES_UP), _run(POSTGRES_DOWN))]
