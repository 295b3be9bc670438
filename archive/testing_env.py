"""A pytest plugin loaded before Django starts: gives the test run its own SECRET_KEY.

Settings refuse to start without a key when DEBUG is off (as tests run, like production);
conftest.py is read too late for that, so pyproject.toml loads this with `-p`.
"""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-never-used-in-production")
# Tests render templates without a collectstatic run: no manifest of hashed names to read.
# The login throttle needs a request on every authenticate() call, which the test client's
# login() does not give; tests of the throttle turn it on themselves.
os.environ.setdefault("AXES_ENABLED", "0")
os.environ.setdefault("STATIC_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage")
# The result cache lives on disk; a test run keeps its own, away from a developer's archive.
os.environ.setdefault("ARCHIVE_CACHE_DIR", tempfile.mkdtemp(prefix="archive-test-cache-"))
