"""Previewed uploads kept on the server until the editor confirms them.

The admin preview used to send every text back inside the confirm form, so three 1 MB files
passed the preview and then broke Django's request body limit at confirm, importing nothing.
Now the preview stores the bytes it read, and what it extracted from them, under a random
token in a staging folder, and the form carries only the token: confirm writes exactly what the
preview showed, without extracting again, whatever the size, and only the editor who previewed
may confirm. An extraction that cannot be read back (the importer was upgraded in between) is
extracted again from the same bytes. Stages are removed on confirm and swept after
``STAGE_LIFETIME``.

The extractions are pickled: they are written and read only by the server, in a folder only
it can read (mode 0700), under a token an editor cannot choose; nothing a visitor sends is
ever unpickled.
"""

from __future__ import annotations

import json
import pickle
import re
import secrets
import shutil
import time
from collections.abc import Sequence
from pathlib import Path

from django.conf import settings

STAGE_LIFETIME_SECONDS = 24 * 60 * 60
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
_MANIFEST = "manifest.json"


class StageMissing(Exception):
    """The token names no stage this editor may confirm (expired, confirmed, or forged)."""


def _root() -> Path:
    return Path(settings.ARCHIVE_IMPORT_STAGING_DIR)


def stage(
    user_id: int, files: list[tuple[str, bytes]], extractions: Sequence[object] | None = None
) -> str:
    """Store *files* (name, bytes) for *user_id*, with what the preview extracted from each
    (same order); return the token the confirm form carries."""
    sweep_expired()
    token = secrets.token_urlsafe(32)
    folder = _root() / token
    folder.mkdir(parents=True, mode=0o700)
    for position, (_, data) in enumerate(files):
        (folder / str(position)).write_bytes(data)
    for position, extraction in enumerate(extractions or ()):
        with (folder / f"{position}.extraction").open("wb") as out:
            pickle.dump(extraction, out, protocol=pickle.HIGHEST_PROTOCOL)
    manifest = {"user": user_id, "names": [name for name, _ in files], "created": time.time()}
    (folder / _MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return token


def staged_files(token: str, user_id: int) -> list[tuple[str, bytes]]:
    """The files staged under *token* by *user_id*, in their order; StageMissing otherwise."""
    if not _TOKEN.match(token or ""):
        raise StageMissing(token)
    folder = _root() / token
    try:
        manifest = json.loads((folder / _MANIFEST).read_text(encoding="utf-8"))
        if manifest["user"] != user_id:
            raise StageMissing(token)
        return [
            (name, (folder / str(position)).read_bytes())
            for position, name in enumerate(manifest["names"])
        ]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise StageMissing(token) from error


def staged_extraction(token: str, position: int) -> object | None:
    """What the preview extracted from the staged file at *position*, or None when it was
    not kept or cannot be read back (call staged_files first: it checks the editor)."""
    path = _root() / token / f"{position}.extraction"
    if not _TOKEN.match(token or ""):
        return None
    try:
        with path.open("rb") as stream:
            return pickle.load(stream)  # written by this server only: see the docstring
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None


def discard(token: str) -> None:
    """Remove a stage once it is imported (a second confirm then finds nothing to import)."""
    if _TOKEN.match(token or ""):
        shutil.rmtree(_root() / token, ignore_errors=True)


def sweep_expired(now: float | None = None) -> int:
    """Remove stages older than STAGE_LIFETIME_SECONDS; return how many were removed."""
    root = _root()
    if not root.is_dir():
        return 0
    now = time.time() if now is None else now
    removed = 0
    for folder in root.iterdir():
        if not folder.is_dir() or not _TOKEN.match(folder.name):
            continue
        try:
            age = now - folder.stat().st_mtime
        except OSError:
            continue
        if age > STAGE_LIFETIME_SECONDS:
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed
