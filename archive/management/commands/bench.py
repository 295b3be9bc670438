"""Benchmark the archive as researchers see it: `manage.py bench` (or `make bench`).

Builds (or reuses) a synthetic archive of the chosen size in the current database, serves it
with gunicorn as in production, and times each scenario over repeated warm requests: median
and 95th percentile. Also times the bare ranked full-text query the statement search is built
on, the full CSV export of statements with the server's peak memory, and import throughput.
Prints a table and writes the figures as JSON. Refuses a database holding real records.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from archive.bench import bars
from archive.bench.measure import CsvRecordCounter, fetch, percentile, time_url
from archive.bench.scenarios import choose_words, scenarios
from archive.bench.server import ROOT, Server
from archive.models import Article, Meeting, Statement


class Command(BaseCommand):
    help = "Measure page latencies, search, export and import on a synthetic archive."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--meetings", type=int, default=100_000, help="synthetic meetings (default 100,000)"
        )
        parser.add_argument(
            "--statements",
            type=int,
            default=1_000_000,
            help="synthetic statements (default 1,000,000); a database of another size is "
            "emptied of its synthetic records and generated again",
        )
        parser.add_argument(
            "--runs", type=int, default=20, help="measured requests per page (default 20)"
        )
        parser.add_argument(
            "--workers", type=int, default=2, help="gunicorn workers, as in production"
        )
        parser.add_argument(
            "--output", default="bench-results.json", help="where the figures go, as JSON"
        )
        parser.add_argument(
            "--skip-export", action="store_true", help="do not time the full CSV export"
        )
        parser.add_argument(
            "--skip-import", action="store_true", help="do not time importing 3 × 1,000 articles"
        )

    def handle(self, *args, **options) -> None:
        call_command("migrate", verbosity=0)
        self._ensure_data(options["meetings"], options["statements"])
        words = choose_words()
        results: dict = {
            "database": connection.vendor,
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
            "size": {
                "meetings": Meeting.objects.count(),
                "statements": Statement.objects.count(),
            },
            "words": words.__dict__,
            "pages": [],
        }
        results["bare_fts_ms"] = self._bare_fts(words.common, runs=options["runs"])
        database_url = os.environ.get(
            "DATABASE_URL", f"sqlite:///{settings.DATABASES['default']['NAME']}"
        )
        with Server(database_url=database_url, workers=options["workers"]) as server:
            for scenario in scenarios(words):
                timing = time_url(scenario.name, server.base + scenario.path, runs=options["runs"])
                results["pages"].append({**timing.as_dict(), "kind": scenario.kind})
                if timing.error:
                    self.stdout.write(self.style.ERROR(f"  {timing.name}: FAILED ({timing.error})"))
                else:
                    self._row(timing.name, timing.median_ms, timing.p95_ms, timing.status)
            if not options["skip_export"]:
                results["export"] = self._export(server)
        if not options["skip_import"]:
            results["import"] = self._import()
        self._summary(results)
        Path(options["output"]).write_text(json.dumps(results, indent=2), encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"figures written to {options['output']}"))

    def _ensure_data(self, meetings: int, statements: int) -> None:
        if Article.objects.filter(is_synthetic=False).exists():
            raise CommandError(
                "This database holds real articles: run bench on a scratch DATABASE_URL."
            )
        have = (Meeting.objects.count(), Statement.objects.count())
        if have == (meetings, statements):
            self.stdout.write(
                f"reusing the synthetic archive ({meetings} meetings, {statements} statements)"
            )
            return
        if any(have):
            call_command("generate_synthetic", "--delete", verbosity=0, stdout=self.stderr)
        self.stdout.write(f"generating {meetings} meetings and {statements} statements…")
        call_command(
            "generate_synthetic",
            "--meetings",
            str(meetings),
            "--statements",
            str(statements),
            stdout=self.stdout,
        )

    def _bare_fts(self, word: str, *, runs: int) -> dict:
        """Time the ranked full-text query alone, as the yardstick for the search page."""
        if connection.vendor == "sqlite":
            sql = (
                "SELECT rowid FROM statement_fts WHERE statement_fts MATCH %s "
                "ORDER BY bm25(statement_fts) LIMIT 20"
            )
            params = [f'"{word}"']
        else:
            sql = (
                "SELECT id FROM archive_statement WHERE search_vector "
                "@@ plainto_tsquery('english'::regconfig, %s) ORDER BY ts_rank("
                "search_vector, plainto_tsquery('english'::regconfig, %s)) "
                "DESC LIMIT 20"
            )
            params = [word, word]
        timings = []
        with connection.cursor() as cursor:
            for attempt in range(runs + 2):
                started = time.perf_counter()
                cursor.execute(sql, params)
                cursor.fetchall()
                if attempt >= 2:
                    timings.append((time.perf_counter() - started) * 1000)
        figures = {"median_ms": statistics.median(timings), "p95_ms": percentile(timings, 0.95)}
        self._row(
            f"bare ranked FTS top-20 '{word}'", figures["median_ms"], figures["p95_ms"], "SQL"
        )
        return figures

    def _export(self, server: Server) -> dict:
        before = server.peak_memory_mb()
        counter = CsvRecordCounter()
        status, size, seconds = fetch(server.base + "/statements/?format=csv", counter)
        expected = Statement.objects.visible().count()
        figures = {
            "seconds": seconds,
            "bytes": size,
            "rows": counter.records - 1,  # the header line
            "rows_expected": expected,
            "status": status,
            "peak_worker_memory_mb_before": before,
            "peak_worker_memory_mb": server.peak_memory_mb(),
        }
        self._row("CSV export of all statements", seconds * 1000, seconds * 1000, status)
        self.stdout.write(
            f"    {size / 1e6:.0f} MB, {figures['rows']:,} rows of {expected:,}; "
            f"worker peak memory {figures['peak_worker_memory_mb']:.0f} MB"
        )
        return figures

    def _import(self) -> dict:
        """Import synthetic articles into a scratch SQLite archive; report articles per second."""
        with tempfile.TemporaryDirectory() as folder:
            env = {
                **os.environ,
                "DATABASE_URL": f"sqlite:///{folder}/import.sqlite3",
                "SECRET_KEY": os.environ.get("SECRET_KEY", "benchmark-only-secret-key"),
            }
            manage = [sys.executable, str(ROOT / "manage.py")]
            subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
            out = subprocess.run(
                [*manage, "bench_import", "--articles", "1000", "--runs", "3"],
                env=env,
                check=True,
                cwd=ROOT,
                capture_output=True,
                text=True,
            ).stdout
        self.stdout.write(out.rstrip())
        return {"output": out.strip().splitlines()}

    def _row(self, name: str, median: float, p95: float, status) -> None:
        self.stdout.write(
            f"  {name[:48]:<48} median {median:8.1f} ms   p95 {p95:8.1f} ms   {status}"
        )

    def _summary(self, results: dict) -> None:
        """Print each target as met or not, and keep the verdicts with the figures."""
        judged = bars.judge(results)
        results["bars"] = [bar.as_dict() for bar in judged]
        self.stdout.write("targets:")
        for bar in judged:
            style = self.style.SUCCESS if bar.met else self.style.WARNING
            self.stdout.write(style("  " + bar.describe()))
