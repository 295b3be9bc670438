"""Measure import throughput: `manage.py bench_import --articles 1000 --runs 3`.

Imports the same synthetic articles into an empty archive several times, committing each
article as a real import does, and empties the archive again between runs; prints each run's
time and the median. Run it against a scratch database: it refuses an archive that already
holds articles, so real records are never touched.
"""

from __future__ import annotations

import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from archive.bench.adversarial import extraction_medians, gold_extraction_median
from archive.importing import ImportSource, archive_is_empty, articles_import
from archive.models import ArchiveState, record_models
from archive.synthetic.articles import synthetic_articles


def _empty_archive() -> None:
    """Delete every archive record (the command only runs on an archive it filled itself)."""
    with transaction.atomic():
        for model in reversed(record_models()):
            model.objects.all().delete()
        ArchiveState.bump()


class Command(BaseCommand):
    help = "Benchmark the importer on synthetic articles (median of several runs)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--runs", type=int, default=3)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--adversarial",
            action="store_true",
            help="Time extraction (no database) of 1 MB of each adversarial text instead.",
        )
        parser.add_argument(
            "--gold",
            action="store_true",
            help="Time extraction (no database) of every gold article, per article, instead.",
        )

    def handle(self, *args, **options) -> None:
        if options["adversarial"]:
            for kind, median in extraction_medians(runs=options["runs"]):
                self.stdout.write(f"{kind:>16}: 1 MB extracted in {median:.2f} s (median)")
            return
        if options["gold"]:
            folders = [settings.BASE_DIR / "seeds"] + [
                settings.BASE_DIR / "tests" / "gold" / name / "articles"
                for name in ("dev", "own", "heldout")
            ]
            median, slowest, count = gold_extraction_median(folders, runs=options["runs"])
            self.stdout.write(
                f"extraction of {count} gold articles: median {median:.1f} ms per article, "
                f"slowest {slowest:.1f} ms (limit: median 10 ms)"
            )
            return
        if not archive_is_empty():
            raise CommandError("bench_import needs an empty archive (use a scratch DATABASE_URL).")
        articles = list(synthetic_articles(options["articles"], seed=options["seed"]))
        sources = [ImportSource.from_bytes(a.name, a.text.encode()) for a in articles]
        size = sum(len(a.text) for a in articles)
        timings = []
        for run in range(1, options["runs"] + 1):
            started = time.perf_counter()
            report = articles_import(sources=sources)
            elapsed = time.perf_counter() - started
            _empty_archive()
            timings.append(elapsed)
            failed = len(report.failed)
            self.stdout.write(
                f"run {run}: {len(sources)} articles ({size / 1e6:.1f} MB) in {elapsed:.2f} s, "
                f"{len(sources) / elapsed:.0f} articles/s, {failed} failed"
            )
        median = statistics.median(timings)
        self.stdout.write(
            self.style.SUCCESS(
                f"median {median:.2f} s for {len(sources)} articles "
                f"({len(sources) / median:.0f} articles/s)"
            )
        )
