"""Load the archive over loopback: `manage.py loadtest --seconds 60 --connections 32`.

Serves the current database with gunicorn, then requests list, search, detail and export pages
from many connections at once, optionally while an import writes to the same database
(`--with-import N`). Prints request count, errors, p50 and p99; exits 1 on any error, so it
can gate a release. Traffic goes only to 127.0.0.1.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from archive.bench.load import run_load
from archive.bench.server import ROOT, Server
from archive.models import Meeting, Official, Statement
from archive.synthetic.articles import synthetic_articles


def load_paths() -> list[str]:
    """Return a mix of list, filtered, search, detail and export pages from the data present."""
    paths = [
        "/",
        "/meetings/",
        "/statements/",
        "/officials/",
        "/articles/",
        "/statements/?q=security",
        "/meetings/?q=defense+cooperation",
        "/search/?q=minister",
        "/meetings/?format=csv",
        "/agreements/?format=json",
    ]
    meeting = Meeting.objects.visible().order_by("pk").first()
    official = Official.objects.visible().order_by("pk").first()
    statement = Statement.objects.visible().order_by("pk").first()
    for record in (meeting, official, statement):
        if record is not None:
            paths.append(record.get_absolute_url())
    if meeting is not None and meeting.country_a:
        paths.append(f"/meetings/?country={meeting.country_a}&date_after=2000-01-01")
    return paths


class Restart(threading.Thread):
    """Restarts the local PostgreSQL cluster after a delay, noting when it was down and back."""

    def __init__(self, delay: float | None) -> None:
        super().__init__(daemon=True)
        self.delay = delay
        self.started_at: float | None = None
        self.finished_at: float | None = None

    def run(self) -> None:
        if self.delay is None:
            return
        began = time.monotonic()
        time.sleep(self.delay)
        version = sorted(p.name for p in Path("/etc/postgresql").iterdir())[-1]
        self.started_at = time.monotonic() - began
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"],
            check=True,
            capture_output=True,
        )
        self.finished_at = time.monotonic() - began


class Command(BaseCommand):
    help = "Bounded load test over loopback against gunicorn; fails on any error."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seconds", type=float, default=60)
        parser.add_argument("--connections", type=int, default=32)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument(
            "--with-import",
            type=int,
            default=0,
            metavar="N",
            help="import N synthetic articles into the same database during the run",
        )
        parser.add_argument(
            "--restart-postgres-after",
            type=float,
            default=None,
            metavar="S",
            help="restart the local PostgreSQL server S seconds into the run (needs root and "
            "pg_ctlcluster); requests after it is back must all succeed",
        )

    def handle(self, *args, **options) -> None:
        paths = load_paths()
        database_url = os.environ.get(
            "DATABASE_URL", f"sqlite:///{settings.DATABASES['default']['NAME']}"
        )
        importer = None
        with (
            tempfile.TemporaryDirectory() as folder,
            Server(database_url=database_url, workers=options["workers"]) as server,
        ):
            if options["with_import"]:
                importer = self._start_import(Path(folder), options["with_import"], database_url)
            restart = Restart(options["restart_postgres_after"])
            restart.start()
            result = run_load(
                server.base, paths, seconds=options["seconds"], connections=options["connections"]
            )
            restart.join()
            import_output = importer.communicate(timeout=600) if importer else ("", "")
        self.stdout.write(result.summary())
        for sample in result.error_samples[:10]:
            self.stdout.write(f"  {sample}")
        problems = []
        if restart.finished_at is not None:
            # Requests in flight while the database restarts may fail; once it is back (plus a
            # second for connections to be re-made) every request must succeed again.
            settled = restart.finished_at + 1.0
            failed_after = result.errors_after(settled)
            self.stdout.write(
                f"PostgreSQL restarted at {restart.started_at:.1f} s, back at "
                f"{restart.finished_at:.1f} s; {result.errors - failed_after} errors during the "
                f"restart, {failed_after} errors in {result.requests_after(settled)} requests after"
            )
            if failed_after or not result.requests_after(settled):
                problems.append(f"{failed_after} failed requests after the restart")
        elif result.errors:
            problems.append(f"{result.errors} failed requests")
        if importer is not None:
            self.stdout.write(f"import exit status {importer.returncode}")
            errors = import_output[1]
            # Articles the extractor skips are not a concurrency problem; a lock or a refused
            # write is.
            if "locked" in errors or "database refused" in errors:
                problems.append("the import hit the database: " + errors[-500:])
        if problems:
            raise CommandError("; ".join(problems))
        self.stdout.write(self.style.SUCCESS("no errors"))

    def _start_import(self, folder: Path, count: int, database_url: str) -> subprocess.Popen:
        for article in synthetic_articles(count, seed=99):
            (folder / article.name).write_text(article.text, encoding="utf-8")
        env = {**os.environ, "DATABASE_URL": database_url}
        return subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), "import_articles", str(folder), "-v0"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
