"""The benchmark harness runs end to end at a small size, so it cannot rot.

Its timings are reported, not asserted: speed is judged by `make bench`, not by a test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from archive.bench.measure import fetch

ROOT = Path(__file__).resolve().parents[2]


def test_bench_runs_and_writes_its_figures(scratch_database, tmp_path):
    url, _ = scratch_database
    output = tmp_path / "bench.json"
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "bench-test", "LOG_LEVEL": "WARNING"}
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "bench",
            "--meetings",
            "40",
            "--statements",
            "300",
            "--runs",
            "2",
            "--skip-import",
            "--output",
            str(output),
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    figures = json.loads(output.read_text())
    assert figures["size"] == {"meetings": 40, "statements": 300}
    names = [page["name"] for page in figures["pages"]]
    assert "home" in names and any(name.startswith("search common") for name in names)
    assert all(page["status"] == 200 and not page["error"] for page in figures["pages"])
    assert figures["export"]["status"] == 200
    assert figures["export"]["rows"] == figures["export"]["rows_expected"] == 300
    assert figures["bare_fts_ms"]["median_ms"] >= 0
    judged = {bar["name"]: bar for bar in figures["bars"]}
    assert len(judged) == len(figures["pages"]) + 2  # the common word as a ratio; the export twice
    assert "targets:" in run.stdout
    print(run.stdout)  # the figures, for whoever reads the test log


def test_bench_server_answers_whatever_hosts_the_caller_allows(scratch_database, monkeypatch):
    """The server is asked at 127.0.0.1: a caller's own ALLOWED_HOSTS (without it) once made
    every request a 400, and the server was left running, holding its caller's pipes open."""
    from archive.bench.server import Server

    url, _ = scratch_database
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    run = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "migrate", "-v0"],
        env={**os.environ, "DATABASE_URL": url, "SECRET_KEY": "bench-test"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    with Server(database_url=url, workers=1) as server:
        assert fetch(server.base + "/")[0] == 200


def test_a_server_that_cannot_serve_fails_clearly_and_is_stopped(tmp_path):
    from archive.bench.server import Server

    server = Server(database_url=f"sqlite:///{tmp_path}/missing/dir/archive.sqlite3", workers=1)
    with pytest.raises(RuntimeError, match="answered 500"), server:
        pass
    assert server.process.poll() is not None
