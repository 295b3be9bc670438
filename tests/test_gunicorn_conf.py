"""The gunicorn workers freeze what they loaded at start, so full collections stay short."""

from __future__ import annotations

from tests.fresh_python import run_python

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
    result = run_python(PROBE, SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    before, frozen, tracked = (int(n) for n in result.stdout.split())
    assert before == 0
    assert frozen > 10 * tracked  # what is left for the collector is a small part of the heap
