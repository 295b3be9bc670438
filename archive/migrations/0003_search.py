"""Full-text search structures, one set per database vendor.

SQLite: FTS5 tables (statements, article title and text, official names with aliases) kept in
step by triggers, so every write path (admin, importer, shell) updates the index. PostgreSQL:
GIN indexes over the same `to_tsvector` expressions archive/search.py queries.
"""

from django.db import migrations

SQLITE_UP = [
    # Statements and articles: external-content tables, so the text is not stored twice.
    "CREATE VIRTUAL TABLE statement_fts USING fts5(text, content='archive_statement', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "INSERT INTO statement_fts(statement_fts) VALUES ('rebuild')",
    "CREATE TRIGGER statement_fts_ai AFTER INSERT ON archive_statement BEGIN "
    "INSERT INTO statement_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER statement_fts_ad AFTER DELETE ON archive_statement BEGIN "
    "INSERT INTO statement_fts(statement_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER statement_fts_au AFTER UPDATE OF text ON archive_statement BEGIN "
    "INSERT INTO statement_fts(statement_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO statement_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content='archive_article', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "INSERT INTO article_fts(article_fts) VALUES ('rebuild')",
    "CREATE TRIGGER article_fts_ai AFTER INSERT ON archive_article BEGIN "
    "INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER article_fts_ad AFTER DELETE ON archive_article BEGIN "
    "INSERT INTO article_fts(article_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER article_fts_au AFTER UPDATE OF title, text ON archive_article BEGIN "
    "INSERT INTO article_fts(article_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    # Officials: name plus every alias in one row, rebuilt whenever either side changes.
    "CREATE VIRTUAL TABLE official_fts USING fts5(name, aliases, "
    "tokenize='unicode61 remove_diacritics 2')",
    "INSERT INTO official_fts(rowid, name, aliases) SELECT o.id, o.name, COALESCE("
    "(SELECT group_concat(a.name, ' ; ') FROM archive_officialalias a "
    "WHERE a.official_id = o.id), '') FROM archive_official o",
    "CREATE TRIGGER official_fts_ai AFTER INSERT ON archive_official BEGIN "
    "INSERT INTO official_fts(rowid, name, aliases) VALUES (new.id, new.name, ''); END",
    "CREATE TRIGGER official_fts_ad AFTER DELETE ON archive_official BEGIN "
    "DELETE FROM official_fts WHERE rowid = old.id; END",
    *[
        f"CREATE TRIGGER official_fts_{name} AFTER {event} BEGIN "
        f"DELETE FROM official_fts WHERE rowid = {ref}; "
        "INSERT INTO official_fts(rowid, name, aliases) SELECT o.id, o.name, COALESCE("
        "(SELECT group_concat(a.name, ' ; ') FROM archive_officialalias a "
        f"WHERE a.official_id = o.id), '') FROM archive_official o WHERE o.id = {ref}; END"
        for name, event, ref in [
            ("au", "UPDATE OF name ON archive_official", "new.id"),
            ("alias_ai", "INSERT ON archive_officialalias", "new.official_id"),
            ("alias_ad", "DELETE ON archive_officialalias", "old.official_id"),
            ("alias_au", "UPDATE ON archive_officialalias", "new.official_id"),
        ]
    ],
]

SQLITE_DOWN = [
    *[
        f"DROP TRIGGER IF EXISTS {t}"
        for t in [
            "statement_fts_ai", "statement_fts_ad", "statement_fts_au",
            "article_fts_ai", "article_fts_ad", "article_fts_au",
            "official_fts_ai", "official_fts_ad", "official_fts_au",
            "official_fts_alias_ai", "official_fts_alias_ad", "official_fts_alias_au",
        ]
    ],
    "DROP TABLE IF EXISTS statement_fts",
    "DROP TABLE IF EXISTS article_fts",
    "DROP TABLE IF EXISTS official_fts",
]

POSTGRES_UP = [
    "CREATE INDEX IF NOT EXISTS statement_search_gin ON archive_statement "
    "USING GIN (to_tsvector('english'::regconfig, text))",
    "CREATE INDEX IF NOT EXISTS article_search_gin ON archive_article "
    "USING GIN (to_tsvector('english'::regconfig, title || ' ' || text))",
    "CREATE INDEX IF NOT EXISTS official_search_gin ON archive_official "
    "USING GIN (to_tsvector('simple'::regconfig, name))",
    "CREATE INDEX IF NOT EXISTS official_alias_search_gin ON archive_officialalias "
    "USING GIN (to_tsvector('simple'::regconfig, name))",
]

POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS statement_search_gin",
    "DROP INDEX IF EXISTS article_search_gin",
    "DROP INDEX IF EXISTS official_search_gin",
    "DROP INDEX IF EXISTS official_alias_search_gin",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("archive", "0002_editors_group")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        )
    ]
