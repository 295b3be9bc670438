"""A short load run while an import writes: no failed request, no locked database.

The full run (60 s at 32 connections) is `manage.py loadtest`; this is its short version, so
the command cannot rot and concurrency problems show up in CI on both databases.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_browsing_while_importing(scratch_database):
    url, count = scratch_database
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "load-test", "LOG_LEVEL": "WARNING"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run(
        [*manage, "import_articles", str(ROOT / "seeds"), "-v0"], env=env, check=True, cwd=ROOT
    )
    run = subprocess.run(
        [*manage, "loadtest", "--seconds", "6", "--connections", "8", "--with-import", "40"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert " 0 errors" in run.stdout
    assert "locked" not in run.stderr
    assert count("SELECT COUNT(*) FROM archive_article") > 5, "the import wrote during the run"
