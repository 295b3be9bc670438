"""Fill the database with synthetic records: `manage.py generate_synthetic --meetings N
--statements M --seed S`.

For benchmarks at a scale the real archive will reach in years. Every generated record is
flagged `is_synthetic` (and its articles name a synthetic outlet), so it can never pass for
a real record; `--delete` removes them all again.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from archive.models import ArchiveState, record_models
from archive.synthetic.records import generate_synthetic


class Command(BaseCommand):
    help = "Generate synthetic meetings, officials and statements for benchmarks."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--meetings", type=int, default=1000)
        parser.add_argument("--statements", type=int, default=10000)
        parser.add_argument("--officials", type=int, default=None)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--delete", action="store_true", help="delete every synthetic record instead"
        )

    def handle(self, *args, **options) -> None:
        if options["delete"]:
            self._delete()
            return
        started = time.perf_counter()

        def on_stage(name: str) -> None:
            if options["verbosity"] >= 1:
                self.stderr.write(f"{name}… ({time.perf_counter() - started:.1f} s)")

        report = generate_synthetic(
            meetings=options["meetings"],
            statements=options["statements"],
            officials=options["officials"],
            seed=options["seed"],
            on_stage=on_stage,
        )
        elapsed = time.perf_counter() - started
        for kind, count in report.counts.items():
            self.stdout.write(f"  {kind}: {count}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.total} synthetic rows in {elapsed:.1f} s ({report.total / elapsed:,.0f} "
                f"rows/s): rows inserted into {len(report.counts)} model tables, link tables "
                "included, full-text index entries not counted; the time is the whole command "
                "(inserts, index rebuilds, full-text indexing, commit, planner statistics)"
            )
        )

    def _delete(self) -> None:
        with transaction.atomic():
            for model in record_models():
                if any(f.name == "is_synthetic" for f in model._meta.fields):
                    deleted, _ = model.objects.filter(is_synthetic=True).delete()
                    self.stdout.write(f"  {model._meta.verbose_name_plural}: {deleted} deleted")
            ArchiveState.bump()
