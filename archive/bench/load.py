"""A small, bounded load generator for loopback tests: N connections for T seconds.

Each worker thread requests the given paths in turn until the time is up (or a request cap is
reached), so a run always stops by itself. Latencies and statuses are collected for p50/p99
and an error count; any status of 500 or more, or a failed connection, is an error.
"""

from __future__ import annotations

import http.client
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field

from .measure import percentile


@dataclass
class LoadResult:
    """What a load run saw."""

    requests: int = 0
    errors: int = 0
    statuses: Counter = field(default_factory=Counter)
    latencies_ms: list[float] = field(default_factory=list)
    error_samples: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # (seconds since the start when the request finished, status), to see when errors happened
    timeline: list[tuple[float, int]] = field(default_factory=list)

    def errors_after(self, moment: float) -> int:
        """Return how many requests that finished after `moment` (seconds) failed."""
        return sum(
            1 for at, status in self.timeline if at > moment and (status == 0 or status >= 500)
        )

    def requests_after(self, moment: float) -> int:
        """Return how many requests finished after `moment` (seconds)."""
        return sum(1 for at, _ in self.timeline if at > moment)

    @property
    def p50_ms(self) -> float:
        return percentile(self.latencies_ms, 0.50) if self.latencies_ms else 0.0

    @property
    def p99_ms(self) -> float:
        return percentile(self.latencies_ms, 0.99) if self.latencies_ms else 0.0

    def summary(self) -> str:
        rate = self.requests / self.seconds if self.seconds else 0
        return (
            f"{self.requests} requests in {self.seconds:.1f} s ({rate:.0f}/s), "
            f"{self.errors} errors, p50 {self.p50_ms:.0f} ms, p99 {self.p99_ms:.0f} ms, "
            f"statuses {dict(self.statuses)}"
        )


def run_load(
    base: str,
    paths: list[str],
    *,
    seconds: float,
    connections: int,
    max_requests: int = 1_000_000,
) -> LoadResult:
    """Send requests to base+paths from `connections` threads for `seconds`."""
    result = LoadResult()
    lock = threading.Lock()
    began = time.monotonic()
    deadline = began + seconds

    def worker(offset: int) -> None:
        index = offset
        while time.monotonic() < deadline:
            with lock:
                if result.requests >= max_requests:
                    return
                result.requests += 1
            url = base + paths[index % len(paths)]
            index += 1
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=60) as response:
                    while response.read(1 << 16):
                        pass
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            except (OSError, http.client.HTTPException) as error:
                # Refused or reset connections, and streamed bodies cut off half-way.
                status = 0
                with lock:
                    result.error_samples.append(f"{url}: {error}")
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                result.timeline.append((time.monotonic() - began, status))
                result.statuses[status] += 1
                result.latencies_ms.append(elapsed)
                if status == 0 or status >= 500:
                    result.errors += 1
                    if status and len(result.error_samples) < 20:
                        result.error_samples.append(f"{url}: HTTP {status}")

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.monotonic() - started
    return result
