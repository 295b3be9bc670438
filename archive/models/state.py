"""One row that changes whenever the archive's records do: the key of cached results."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import models
from django.db.models import F

_batch = threading.local()


class ArchiveState(models.Model):
    """A version number bumped inside every transaction that writes records.

    Why a database row and not a cache entry: the web workers, the import command and the
    admin run in different processes; only the database is shared by all of them. The bump
    is part of the writing transaction, so a rolled-back import (a dry run) changes nothing.
    """

    version = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "archive state"

    def __str__(self) -> str:
        return f"archive version {self.version}"

    @classmethod
    def current(cls) -> int:
        """The version now (0 before anything was ever written)."""
        return cls.objects.filter(pk=1).values_list("version", flat=True).first() or 0

    @classmethod
    def bump(cls) -> None:
        """Mark the records as changed: every cached count and facet becomes stale.

        Inside `batched()` the bump waits for the end of the batch: an imported article
        saves a dozen records, and one version step for all of them is enough."""
        if getattr(_batch, "active", False):
            _batch.dirty = True
            return
        if not cls.objects.filter(pk=1).update(version=F("version") + 1):
            cls.objects.get_or_create(pk=1, defaults={"version": 1})

    @classmethod
    @contextmanager
    def batched(cls) -> Iterator[None]:
        """Collect the bumps of a block of writes into one, made when the block succeeds
        (still inside the caller's transaction, so it commits or rolls back with them)."""
        if getattr(_batch, "active", False):
            yield  # already batching: the outer block bumps
            return
        _batch.active, _batch.dirty = True, False
        try:
            yield
        finally:
            dirty = _batch.dirty
            _batch.active = _batch.dirty = False
        if dirty:
            cls.bump()
