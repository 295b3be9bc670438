"""Helpers for the pure ingest tests: no database, no Django."""

from __future__ import annotations

import pytest

from archive.ingest.document import read_text
from archive.ingest.pipeline import extract
from archive.ingest.types import Extraction


@pytest.fixture
def run():
    """Extract from a text given inline (front matter allowed)."""

    def _run(text: str, file_name: str = "test.txt") -> Extraction:
        return extract(read_text(text, file_name=file_name))

    return _run


def person(extraction: Extraction, name: str):
    """The extracted person with this name or alias."""
    for found in extraction.people:
        if name == found.name or name in found.aliases:
            return found
    names = [p.name for p in extraction.people]
    raise AssertionError(f"{name!r} not among {names}")


def speaker_of(extraction: Extraction, quote_start: str) -> str | None:
    names = {p.key: p.name for p in extraction.people}
    for statement in extraction.statements:
        if statement.text.startswith(quote_start):
            return names.get(statement.speaker_key or "")
    texts = [s.text[:40] for s in extraction.statements]
    raise AssertionError(f"no statement starting {quote_start!r} among {texts}")
