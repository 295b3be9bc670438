"""The gunicorn workers freeze what they loaded at start, so full collections stay short."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import gc, django
django.setup()
from archive.gunicorn_conf import post_worker_init
before = gc.get_freeze_count()
post_worker_init(None)
import archive.views  # loaded by the hook, with the URLconf
print(before, gc.get_freeze_count(), len(gc.get_objects()))
"""


def test_worker_start_loads_the_urlconf_and_freezes_the_heap():
    env = {**os.environ, "SECRET_KEY": "x" * 50, "DJANGO_SETTINGS_MODULE": "archive.settings"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    before, frozen, tracked = (int(n) for n in result.stdout.split())
    assert before == 0
    assert frozen > 10 * tracked  # what is left for the collector is a small part of the heap
