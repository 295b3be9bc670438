"""An import killed mid-run leaves no half-written article, and the next run completes it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psycopg

from archive.synthetic.articles import synthetic_articles

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = 150


def manage(*args: str, env: dict, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        **kwargs,
    )


def test_sigkill_mid_import_leaves_whole_articles_only(scratch_database, tmp_path):
    url, count = scratch_database
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "fault-test"}
    folder = tmp_path / "articles"
    folder.mkdir()
    for article in synthetic_articles(ARTICLES, seed=11):
        (folder / article.name).write_text(article.text, encoding="utf-8")
    assert manage("migrate", "-v0", env=env).wait(timeout=120) == 0

    importer = manage("import_articles", str(folder), env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and importer.poll() is None:
        try:
            if count("SELECT COUNT(*) FROM archive_article") >= 20:
                break
        except (sqlite3.OperationalError, psycopg.Error):
            pass
        time.sleep(0.05)
    assert importer.poll() is None, "the import finished before it could be killed"
    importer.send_signal(signal.SIGKILL)
    importer.wait(timeout=30)

    imported = count("SELECT COUNT(*) FROM archive_article")
    assert 0 < imported < ARTICLES
    # Every article that is there has its meeting: nothing half-written.
    orphans = count(
        "SELECT COUNT(*) FROM archive_article a WHERE NOT EXISTS "
        "(SELECT 1 FROM archive_meetingsource s WHERE s.article_id = a.id)"
    )
    assert orphans == 0

    rerun = manage("import_articles", str(folder), env=env)
    assert rerun.wait(timeout=300) == 0, rerun.stderr.read().decode()
    assert count("SELECT COUNT(*) FROM archive_article") == ARTICLES
    assert count("SELECT COUNT(DISTINCT content_hash) FROM archive_article") == ARTICLES
