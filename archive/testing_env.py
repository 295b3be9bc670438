"""A pytest plugin loaded before Django starts: gives the test run its own SECRET_KEY.

Settings refuse to start without a key when DEBUG is off (as tests run, like production);
conftest.py is read too late for that, so pyproject.toml loads this with `-p`.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-never-used-in-production")
# Tests render templates without a collectstatic run: no manifest of hashed names to read.
os.environ.setdefault("STATIC_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage")
