"""Score the archive against gold annotations: `manage.py evaluate_import GOLD_DIR`.

Prints precision, recall and F1 per kind, then every miss and false positive, so an editor
who annotates new articles can see where the importer goes wrong. Rejected records are left
out of those: an editor has already said they are wrong.

Then it prints the external scorer's table (`scorer` in --json), the numbers the importer is
judged by, computed as the shared score.py computes them on `export_archive`'s output: over
every exported record, rejected ones included, since the export holds them too. `-v 2` adds
the scorer's misses and extras, as `score.py -v` does.

GOLD_DIR holds the gold JSON files, or holds them in a `gold/` subfolder (next to `articles/`).
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from archive.archive_json import archive_records
from archive.ingest.evaluate import evaluate, gold_dir_of
from archive.ingest.scoring import gold_files
from archive.models import ReviewStatus


class Command(BaseCommand):
    help = "Compare the archive with gold annotation files; print precision, recall and F1."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "gold_dir",
            help="folder of gold JSON files (one per article), or a folder whose gold/ holds them",
        )
        parser.add_argument("--json", action="store_true", help="print the report as JSON")

    def handle(self, *args, **options) -> None:
        folder = Path(options["gold_dir"])
        if not folder.is_dir():
            raise CommandError(f"{folder}: no such folder")
        gold_dir = gold_dir_of(folder)
        if not gold_files(gold_dir):
            raise CommandError(f"{folder}: no gold .json files in it nor in {folder / 'gold'}")
        records = archive_records()
        archive = {
            kind: [r for r in rows if r.get("review") != ReviewStatus.REJECTED]
            for kind, rows in records.items()
        }
        report = evaluate(archive, gold_dir, scorer_archive=records)
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
        else:
            self.stdout.write(report.as_text(verbose=options["verbosity"] >= 2))
