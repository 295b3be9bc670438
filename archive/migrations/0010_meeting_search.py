"""Full-text search over a meeting's own words: title, summary and topics.

Why: a meeting matched a text search through `icontains` on those columns, a scan of every
meeting (170 ms on SQLite and 270 ms on PostgreSQL at 100,000 meetings, on every search of
the site's search box, even for a word found nowhere). Now they are matched like statements
and articles, by word through an index: an FTS5 table kept in step by triggers on SQLite, a
GIN index over the same `to_tsvector` expression archive/search.py queries on PostgreSQL.
"""

from django.db import migrations

COLUMNS = "title, summary, topics"
NEW = "new.id, new.title, new.summary, new.topics"
OLD = "'delete', old.id, old.title, old.summary, old.topics"

SQLITE_UP = [
    f"CREATE VIRTUAL TABLE meeting_fts USING fts5({COLUMNS}, content='archive_meeting', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "INSERT INTO meeting_fts(meeting_fts) VALUES ('rebuild')",
    "CREATE TRIGGER meeting_fts_ai AFTER INSERT ON archive_meeting BEGIN "
    f"INSERT INTO meeting_fts(rowid, {COLUMNS}) VALUES ({NEW}); END",
    "CREATE TRIGGER meeting_fts_ad AFTER DELETE ON archive_meeting BEGIN "
    f"INSERT INTO meeting_fts(meeting_fts, rowid, {COLUMNS}) VALUES ({OLD}); END",
    f"CREATE TRIGGER meeting_fts_au AFTER UPDATE OF {COLUMNS} ON archive_meeting BEGIN "
    f"INSERT INTO meeting_fts(meeting_fts, rowid, {COLUMNS}) VALUES ({OLD}); "
    f"INSERT INTO meeting_fts(rowid, {COLUMNS}) VALUES ({NEW}); END",
]

SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS meeting_fts_ai",
    "DROP TRIGGER IF EXISTS meeting_fts_ad",
    "DROP TRIGGER IF EXISTS meeting_fts_au",
    "DROP TABLE IF EXISTS meeting_fts",
]

POSTGRES_UP = [
    "CREATE INDEX IF NOT EXISTS meeting_search_gin ON archive_meeting USING GIN "
    "(to_tsvector('english'::regconfig, title || ' ' || summary || ' ' || topics))",
]

POSTGRES_DOWN = ["DROP INDEX IF EXISTS meeting_search_gin"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("archive", "0009_meeting_venue_set_index")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        )
    ]
