"""Keeping SQLite's full-text triggers across a table rebuild, for migrations that add columns.

SQLite cannot add some columns in place (NOT NULL, or with a default): Django rebuilds the
table, which drops the triggers on it. A migration runs `keep_triggers` first and
`restore_triggers` last; every trigger is kept as SQLite has it and recreated after. The
module's name starts with an underscore, so the migration loader does not take it for a
migration.
"""

_KEPT: list[str] = []


def keep_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        rows = cursor.fetchall()
        _KEPT[:] = [sql for _, sql in rows]
        for name, _ in rows:
            cursor.execute(f'DROP TRIGGER IF EXISTS "{name}"')


def restore_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        for sql in _KEPT:
            cursor.execute(sql)
    _KEPT.clear()
