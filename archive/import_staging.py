"""Previewed uploads kept on the server until the editor confirms them.

The admin preview used to send every text back inside the confirm form, so three 1 MB files
passed the preview and then broke Django's request body limit at confirm, importing nothing.
Now the preview stores the bytes it read under a random token in a staging folder and the form
carries only the token: confirm imports exactly the previewed bytes, whatever their size, and
only the editor who previewed them can confirm them. Stages are removed on confirm and swept
after ``STAGE_LIFETIME``.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
import time
from pathlib import Path

from django.conf import settings

STAGE_LIFETIME_SECONDS = 24 * 60 * 60
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
_MANIFEST = "manifest.json"


class StageMissing(Exception):
    """The token names no stage this editor may confirm (expired, confirmed, or forged)."""


def _root() -> Path:
    return Path(settings.ARCHIVE_IMPORT_STAGING_DIR)


def stage(user_id: int, files: list[tuple[str, bytes]]) -> str:
    """Store *files* (name, bytes) for *user_id*; return the token the confirm form carries."""
    sweep_expired()
    token = secrets.token_urlsafe(32)
    folder = _root() / token
    folder.mkdir(parents=True, mode=0o700)
    for position, (_, data) in enumerate(files):
        (folder / str(position)).write_bytes(data)
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
