"""Adversarial texts for the extractor: a megabyte of one hostile pattern each.

Kept in the package (not only in tests) so the benchmark command and the test suite measure
the same texts.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from pathlib import Path

from archive.ingest.pipeline import extract_bytes

PIECES = {
    "capitalised": "Major General Abdul Latif Rashid Supreme National Security Council Chief ",
    "unclosed quotes": "“He said ‘that ' \" it “ was ",
    "quote marks": "\"a\" “b” 'c' ‘d’ ",
    "apostrophes": "Iran's countries’ it's Officers’ ",
    "dates": "14th and 15th November 2020-10-22 Oct. 22, 2025 on Sunday ",
    "punctuation": "... ,,, ::: --- ;;; !!! ??? ",
    # every line a zone the layout stage must type: many short lines of many kinds
    "short lines": (
        "Home | News\nBy Ann Lee\nPARIS, 12 May 2025 –\nPage 1 of 2\n— a, — said he.\nQ: why\n"
    ),
}
MEGABYTE = 1_000_000


def adversarial_text(kind: str, size: int = MEGABYTE) -> str:
    """`size` characters of one repeated hostile piece."""
    piece = PIECES[kind]
    return piece * (size // len(piece))


def extraction_medians(runs: int = 3, size: int = MEGABYTE) -> Iterator[tuple[str, float]]:
    """(kind, median seconds) of extracting each adversarial text `runs` times."""
    for kind in sorted(PIECES):
        data = adversarial_text(kind, size).encode()
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            extract_bytes(data, file_name=f"{kind}.txt", max_bytes=len(data) + 1)
            timings.append(time.perf_counter() - started)
        yield kind, statistics.median(timings)


def gold_extraction_median(folders: list[Path], runs: int = 3) -> tuple[float, float, int]:
    """(median, slowest) milliseconds to extract one real-looking article, over every gold
    article in `folders` (each extracted `runs` times, its median kept), and their number:
    the per-article cost of reading, without the database."""
    per_article = []
    for path in sorted(p for folder in folders for p in folder.glob("*.txt")):
        data = path.read_bytes()
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            extract_bytes(data, file_name=path.name)
            timings.append(time.perf_counter() - started)
        per_article.append(statistics.median(timings) * 1000)
    if not per_article:
        return 0.0, 0.0, 0
    return statistics.median(per_article), max(per_article), len(per_article)
