"""Counts, facets and home-page figures, cached until the archive's records change.

Why: at a million statements, grouping every row of a list for its facets costs far more than
showing a page of it, and the same lists are asked for again and again. The cache key holds
the archive's version (archive.models.ArchiveState), which every writing transaction bumps, so
a cached figure is never older than the records; the timeout only bounds memory and any
write that bypasses the ORM. A facet that ran out of time is cached like the others: trying
it again on the same records would only make another visitor wait its time limit out (a
common-word search page took 2.7 s each time its facets were retried).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.core.cache import cache

from .models import ArchiveState

T = TypeVar("T")
TIMEOUT_SECONDS = 600
_MISSING = object()


class ResultCache:
    """Cached results for one request, all under the archive version read once."""

    def __init__(self) -> None:
        self.version = ArchiveState.current()

    def key(self, name: str, parts: Iterable[object]) -> str:
        digest = hashlib.sha256(repr(list(parts)).encode()).hexdigest()[:32]
        return f"archive:v{self.version}:{name}:{digest}"

    def get_or_compute(self, name: str, parts: Iterable[object], compute: Callable[[], T]) -> T:
        """Return the cached result, or compute and cache it."""
        key = self.key(name, parts)
        found = cache.get(key, _MISSING)
        if found is not _MISSING:
            return found  # type: ignore[return-value]
        value = compute()
        cache.set(key, value, TIMEOUT_SECONDS)
        return value


def records_changed(**_: object) -> None:
    """Signal receiver (and plain function) that marks the archive as changed."""
    ArchiveState.bump()
