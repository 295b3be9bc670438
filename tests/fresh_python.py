"""Run Python code in a fresh interpreter, as a deployment would start the archive."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    """Run `code` in a new interpreter in the checkout with only the variables given (plus
    PATH and the settings module): nothing of the test run's own environment leaks in."""
    clean = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "SECRET_KEY_FILE": "/nonexistent/secret-key",  # a checkout may hold a .secret_key
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
