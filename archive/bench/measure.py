"""Timing of HTTP requests: medians and 95th percentiles over repeated, warmed-up runs."""

from __future__ import annotations

import http.client
import statistics
import time
import urllib.request
from dataclasses import asdict, dataclass


@dataclass
class Timing:
    """What one scenario measured, in milliseconds."""

    name: str
    url: str
    runs: int
    median_ms: float | None  # None when the page failed
    p95_ms: float | None
    status: int
    bytes: int
    error: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


class CsvRecordCounter:
    """Counts the records of a CSV body as it streams: line ends outside quoted fields.

    Why: the export's time means little unless every row arrived. A quoted field may hold a
    line break; a quote inside one is doubled, so counting quotes keeps the parity right."""

    def __init__(self) -> None:
        self.records = 0
        self._in_quotes = False

    def feed(self, chunk: bytes) -> None:
        parts = chunk.split(b'"')
        for i, part in enumerate(parts):
            if not self._in_quotes:
                self.records += part.count(b"\n")
            if i < len(parts) - 1:
                self._in_quotes = not self._in_quotes


def fetch(url: str, counter: CsvRecordCounter | None = None) -> tuple[int, int, float]:
    """Fetch a URL completely; return status, body size and seconds taken (feeding the body
    to `counter` when given)."""
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=300) as response:
        size = 0
        while chunk := response.read(1 << 16):
            size += len(chunk)
            if counter is not None:
                counter.feed(chunk)
        status = response.status
    return status, size, time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    """Return the value below which `share` of the values fall (nearest rank)."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


def time_url(name: str, url: str, *, runs: int, warmup: int = 2) -> Timing:
    """Request a URL `warmup` times unmeasured, then `runs` times measured.

    A request that fails (a server timeout, a dropped connection) ends the scenario and is
    reported as such, so one pathological page does not stop the whole benchmark.
    """
    seconds, status, size = [], 200, 0
    try:
        for _ in range(warmup):
            fetch(url)
        for _ in range(runs):
            status, size, elapsed = fetch(url)
            seconds.append(elapsed * 1000)
    except (OSError, http.client.HTTPException) as error:
        return Timing(name, url, len(seconds), None, None, 0, 0, str(error))
    return Timing(
        name, url, runs, statistics.median(seconds), percentile(seconds, 0.95), status, size
    )
