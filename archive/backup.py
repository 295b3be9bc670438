"""Backup and restore of the whole archive, curation included.

A backup is Django's own serialisation of every archive table (primary keys kept, so links,
merge redirects and citations stay valid), with users referred to by username. Restoring
replaces the archive's contents in one transaction: it either fully succeeds or leaves the
archive as it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, transaction

from archive.models import ArchiveState, record_models

FORMAT_NAME = "bilateral-archive-backup"
FORMAT_VERSION = 1
CHUNK = 1000


def archive_models() -> list:
    """Return the archive's models, parents before the rows that point at them."""
    # Plain many-to-many tables travel inside their parent rows; explicit ones are models.
    return record_models()


def _serialised(objects: list) -> list[dict]:
    return json.loads(serializers.serialize("json", objects, use_natural_foreign_keys=True))


def _model_rows() -> Iterator[dict]:
    for model in archive_models():
        batch: list = []
        for obj in model._default_manager.order_by("pk").iterator(chunk_size=CHUNK):
            batch.append(obj)
            if len(batch) == CHUNK:
                yield from _serialised(batch)
                batch = []
        if batch:
            yield from _serialised(batch)


def backup_write(*, path: Path) -> int:
    """Write a backup file; return the number of rows written."""
    count = 0
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8") as handle:
        handle.write(f'{{"format": "{FORMAT_NAME}", "version": {FORMAT_VERSION}, "rows": [')
        for row in _model_rows():
            handle.write(("," if count else "") + "\n" + json.dumps(row, ensure_ascii=False))
            count += 1
        handle.write("\n]}\n")
    partial.replace(path)
    return count


class BackupError(Exception):
    """A backup file that cannot be restored, with the reason."""


def backup_restore(*, path: Path) -> int:
    """Replace the archive's contents with a backup; return the number of rows restored."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(f"{path}: not a readable backup ({error})") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise BackupError(f"{path}: not an archive backup")
    rows = data.get("rows", [])
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise BackupError(f"{path}: its rows are not a list of records")
    allowed = {model._meta.label_lower for model in archive_models()}
    foreign = sorted({str(row.get("model")) for row in rows} - allowed)
    if foreign:
        # A backup holds archive records only: rows of users, groups or permissions in it
        # would create accounts (a superuser) or change passwords. Nothing is restored.
        raise BackupError(
            f"{path}: holds rows that are not archive records ({', '.join(foreign[:5])}); "
            "nothing was restored"
        )
    usernames = set(get_user_model().objects.values_list("username", flat=True))
    for row in rows:
        # A merge remembers who did it; on another machine that account may not exist.
        merged_by = row.get("fields", {}).get("merged_by")
        if merged_by and merged_by[0] not in usernames:
            row["fields"]["merged_by"] = None
    fixture = path.with_name(path.name + ".fixture.json")
    fixture.write_text(json.dumps(rows), encoding="utf-8")
    try:
        with transaction.atomic():
            for model in reversed(archive_models()):
                model._default_manager.all().delete()
            call_command("loaddata", str(fixture), verbosity=0)
            ArchiveState.bump()
    except (DeserializationError, DatabaseError, ValidationError, ValueError, KeyError) as error:
        # A damaged or edited file: the transaction is undone and the archive is as it was.
        first_line = str(error).strip().splitlines()[0][:300] if str(error).strip() else ""
        raise BackupError(
            f"{path}: cannot be restored, the archive is unchanged "
            f"({type(error).__name__}: {first_line})"
        ) from error
    finally:
        fixture.unlink(missing_ok=True)
    return len(rows)
