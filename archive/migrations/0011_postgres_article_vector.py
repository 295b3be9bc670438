"""PostgreSQL only: articles get the stored search vector with word pairs statements have.

Why: the articles' GIN index was over an expression. A phrase of two common words matched
every article holding both, and PostgreSQL parsed each article's text again to check the
positions: 618 ms for "development deadline" over 20,000 articles, most of the 1.9 s of that
phrase on the site's search page. The stored vector (words and adjacent-word pairs, built by
`archive_statement_vector` of migration 0008) lets the index find the articles holding the
pair, and ranking reads the vector instead of parsing. SQLite needs none of this: FTS5 keeps
positions in its index.
"""

from django.db import migrations

VECTOR = "archive_statement_vector(title || ' ' || text)"

POSTGRES_UP = [
    f"ALTER TABLE archive_article ADD COLUMN search_vector tsvector "
    f"GENERATED ALWAYS AS ({VECTOR}) STORED",
    "CREATE INDEX article_search_vector_gin ON archive_article USING GIN (search_vector)",
    "DROP INDEX IF EXISTS article_search_gin",
]

POSTGRES_DOWN = [
    "CREATE INDEX IF NOT EXISTS article_search_gin ON archive_article "
    "USING GIN (to_tsvector('english'::regconfig, title || ' ' || text))",
    "DROP INDEX IF EXISTS article_search_vector_gin",
    "ALTER TABLE archive_article DROP COLUMN IF EXISTS search_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("archive", "0010_meeting_search")]

    operations = [migrations.RunPython(_run(POSTGRES_UP), _run(POSTGRES_DOWN))]
