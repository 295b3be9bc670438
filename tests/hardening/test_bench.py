"""The benchmark harness runs end to end at a small size, so it cannot rot.

Its timings are reported, not asserted: speed is judged by `make bench`, not by a test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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
