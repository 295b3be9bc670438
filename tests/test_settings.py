"""Settings refuse to run in production without a SECRET_KEY, and say why."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fresh_python import run_python

ROOT = Path(__file__).resolve().parent.parent
PROBE = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"


def _run(probe: str = PROBE, **env: str) -> subprocess.CompletedProcess:
    """Run `probe` in a fresh interpreter with only the variables given (plus PATH)."""
    return run_python(probe, **env)


def test_missing_secret_key_without_debug_fails_clearly():
    result = _run()
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize("debug", ["0", "false", ""])
def test_debug_off_spelled_any_way_still_needs_the_key(debug):
    result = _run(DEBUG=debug)
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_manage_check_without_secret_key_fails_clearly():
    clean = {"PATH": os.environ.get("PATH", ""), "SECRET_KEY_FILE": "/nonexistent/secret-key"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_debug_runs_without_a_key():
    result = _run(DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_a_given_key_is_used_with_debug_off():
    result = _run(SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_the_key_can_come_from_a_file(tmp_path):
    key_file = tmp_path / "secret"
    key_file.write_text("k" * 50 + "\n", encoding="utf-8")
    result = _run(SECRET_KEY_FILE=str(key_file))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_schema_only_commands_run_without_a_key():
    """`makemigrations --check` (CI, a fresh checkout) compares models and migrations; it
    never uses the key, so it runs without one, while `check` above still refuses."""
    clean = {"PATH": os.environ.get("PATH", ""), "SECRET_KEY_FILE": "/nonexistent/secret-key"}
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


DATABASE_PROBE = (
    "import django; django.setup(); from django.conf import settings; "
    "d = settings.DATABASES['default']; o = d['OPTIONS']; "
    "print(d['CONN_MAX_AGE'], o.get('options', ''), o.get('init_command', ''))"
)


def _database_settings(url: str) -> str:
    result = _run(DATABASE_PROBE, SECRET_KEY="x" * 50, DATABASE_URL=url)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_postgresql_connections_run_without_jit_and_are_kept():
    shown = _database_settings("postgres://u@localhost:5432/archive")
    assert shown.startswith("60 ")
    assert "-c jit=off" in shown


def test_sqlite_connections_are_kept_with_a_page_cache(tmp_path):
    shown = _database_settings(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    assert shown.startswith("60 ")
    assert "cache_size=-32768" in shown and "journal_mode=WAL" in shown


def test_an_empty_database_url_means_the_default_sqlite_file():
    result = _run(
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DATABASES['default']['NAME'])",
        SECRET_KEY="x" * 50,
        DATABASE_URL="",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(ROOT / "db.sqlite3")
