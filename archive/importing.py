"""The import service: files or texts in, records out, one transaction per article.

The management command and the admin page both call `articles_import`, so what an editor
previews is exactly what the command would do.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from archive import planner_stats
from archive.ingest.load import load_extraction
from archive.ingest.pipeline import extract_bytes
from archive.ingest.report import (
    ARTICLE_FAILED,
    ARTICLE_NEW,
    ARTICLE_REPROCESSED,
    ArticleOutcome,
    ImportReport,
)
from archive.ingest.resolve.stored import OfficialIndex
from archive.ingest.types import Extraction, IngestError
from archive.models import ArchiveState, Article

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportSource:
    """One article to import: a name for messages and a way to read its bytes."""

    name: str
    read: Callable[[], bytes]

    @classmethod
    def from_bytes(cls, name: str, data: bytes) -> ImportSource:
        return cls(name=name, read=lambda: data)

    @classmethod
    def from_path(cls, path: Path) -> ImportSource:
        return cls(name=path.name, read=lambda: read_bounded(path.open("rb"), path.name))

    @classmethod
    def from_stream(cls, name: str, stream: BinaryIO) -> ImportSource:
        return cls(name=name, read=lambda: read_bounded(stream, name))


def read_bounded(stream: BinaryIO, name: str, limit: int | None = None) -> bytes:
    """At most `limit` bytes of a file or of standard input: one byte more is refused with
    the limit in the message, so a gigabyte file never enters memory whole."""
    limit = settings.ARCHIVE_IMPORT_MAX_BYTES if limit is None else limit
    with stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise IngestError(f"{name}: over the limit of {limit:,} bytes; not read further.")
    return data


class _DryRunRollback(Exception):
    """Raised to undo a whole dry run once every article has been previewed."""


# What a folder is searched for: article texts and saved web pages (any case: .HTM too).
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


def sources_from_paths(paths: Sequence[str | Path]) -> tuple[list[ImportSource], list[str]]:
    """Expand files and folders (every .txt, .html and .htm inside, sorted) into sources.

    Returns the sources and the problems found (a missing path, a link leading out of its
    folder); a problem skips that path only.
    """
    sources: list[ImportSource] = []
    problems: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            root = path.resolve()
            for child in sorted(path.rglob("*")):
                if not child.name.lower().endswith(ARTICLE_SUFFIXES):
                    continue
                real = child.resolve()
                if not real.is_relative_to(root):
                    problems.append(f"{child}: skipped, it links outside {path}")
                elif real.is_file():
                    sources.append(ImportSource.from_path(child))
        elif path.is_file():
            sources.append(ImportSource.from_path(path))
        elif path.exists():
            problems.append(f"{path}: skipped, not a regular file or folder")
        else:
            problems.append(f"{path}: no such file or folder")
    return sources, problems


def _extract_one(
    source: ImportSource, *, max_bytes: int
) -> tuple[ArticleOutcome, Extraction | None]:
    """Read and extract one article, outside any transaction (the slow, lock-free part).

    Returns the outcome so far and the extraction, or a failed outcome and None.
    """
    outcome = ArticleOutcome(source=source.name, status=ARTICLE_FAILED)
    try:
        data = source.read()
        extraction = extract_bytes(data, file_name=source.name, max_bytes=max_bytes)
    except IngestError as error:
        message = str(error)
        outcome.message = message if source.name in message else f"{source.name}: {message}"
        return outcome, None
    except OSError as error:
        outcome.message = f"{source.name}: cannot be read ({error.strerror or error})"
        return outcome, None
    except Exception:  # one article's failure must not stop the others
        logger.exception("Extraction of %s failed", source.name)
        outcome.message = (
            f"{source.name}: not imported, the importer failed on it (the error is in the log); "
            "the other files were imported"
        )
        return outcome, None
    return judged(source.name, extraction)


def judged(name: str, extraction: Extraction) -> tuple[ArticleOutcome, Extraction | None]:
    """The outcome an extraction starts with: refused when it holds nothing worth keeping,
    warned when it has officials or statements but no meeting. The same judgement for a
    fresh extraction and for one a preview kept."""
    outcome = ArticleOutcome(source=name, status=ARTICLE_FAILED)
    if not extraction.meetings:
        if not _has_records(extraction):
            outcome.message = f"{name}: no meeting, official or statement was found in the text"
            return outcome, None
        # An analysis piece or an interview: its officials and statements are worth keeping.
        outcome.warnings.append(
            f"{name}: no meeting between two states was found; its officials and "
            "statements were imported without one"
        )
    return outcome, extraction


def extract_sources(
    sources: Iterable[ImportSource], *, max_bytes: int | None = None
) -> list[tuple[ArticleOutcome, Extraction | None]]:
    """Extract every source (no database work): what a preview shows and a confirm reuses."""
    limit = max_bytes if max_bytes is not None else settings.ARCHIVE_IMPORT_MAX_BYTES
    return [_extract_one(source, max_bytes=limit) for source in sources]


def _load_one(
    extraction: Extraction, outcome: ArticleOutcome, *, index: OfficialIndex, reprocess: bool
) -> None:
    """Write one extracted article in its own transaction; a refusal fails that article only."""
    try:
        with transaction.atomic(), ArchiveState.batched():
            load_extraction(extraction, index=index, outcome=outcome, reprocess=reprocess)
    except (DatabaseError, ValidationError) as error:
        index.invalidate()
        outcome.status = ARTICLE_FAILED
        outcome.changes.clear()
        outcome.message = f"{outcome.source}: not imported, the database refused it ({error})"
        logger.exception("Import of %s failed", outcome.source)


def _has_records(extraction: Extraction) -> bool:
    """Whether an article without a meeting still names an official or quotes someone."""
    return bool(extraction.statements) or any(p.is_official for p in extraction.people)


def articles_import(
    *,
    sources: Iterable[ImportSource] = (),
    extracted: Iterable[tuple[ArticleOutcome, Extraction | None]] | None = None,
    dry_run: bool = False,
    reprocess: bool = False,
    max_bytes: int | None = None,
    on_progress: Callable[[ArticleOutcome], None] | None = None,
) -> ImportReport:
    """Import articles, each in its own transaction; a failed one never stops the others.

    `extracted` (from extract_sources or a kept preview) is written as it is, without reading
    the sources again. A dry run does the same work inside one outer transaction and rolls it
    all back, so its report says exactly what a real run would create, change or leave alone.
    """
    report = ImportReport(dry_run=dry_run)
    limit = max_bytes if max_bytes is not None else settings.ARCHIVE_IMPORT_MAX_BYTES
    index = OfficialIndex()

    def record(outcome: ArticleOutcome) -> None:
        report.outcomes.append(outcome)
        if on_progress is not None:
            on_progress(outcome)

    if not dry_run:
        pairs = (
            extracted
            if extracted is not None
            else (_extract_one(source, max_bytes=limit) for source in sources)
        )
        for outcome, extraction in pairs:
            if extraction is not None:
                _load_one(extraction, outcome, index=index, reprocess=reprocess)
            record(outcome)
        if any(o.status in (ARTICLE_NEW, ARTICLE_REPROCESSED) for o in report.outcomes):
            planner_stats.refresh()
        return report
    # Extract everything first, then write and roll back in one short transaction: the slow
    # part never holds the database's write lock (SQLite takes it at BEGIN).
    pairs = list(extracted) if extracted is not None else extract_sources(sources, max_bytes=limit)
    try:
        with transaction.atomic():
            for outcome, extraction in pairs:
                if extraction is not None:
                    _load_one(extraction, outcome, index=index, reprocess=reprocess)
                record(outcome)
            raise _DryRunRollback
    except _DryRunRollback:
        pass
    return report


def archive_is_empty() -> bool:
    """Whether no article has been imported yet (make run seeds only an empty archive)."""
    return not Article.objects.exists()
