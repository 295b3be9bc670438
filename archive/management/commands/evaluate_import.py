"""Score the archive against gold annotations: `manage.py evaluate_import GOLD_DIR`.

Prints precision, recall and F1 per kind, then every miss and false positive, so an editor
who annotates new articles can see where the importer goes wrong. Rejected records are left
out: an editor has already said they are wrong.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from archive.archive_json import archive_records
from archive.ingest.evaluate import evaluate
from archive.models import ReviewStatus


class Command(BaseCommand):
    help = "Compare the archive with gold annotation files; print precision, recall and F1."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("gold_dir", help="folder of gold JSON files (one per article)")
        parser.add_argument("--json", action="store_true", help="print the report as JSON")

    def handle(self, *args, **options) -> None:
        gold_dir = Path(options["gold_dir"])
        if not gold_dir.is_dir():
            raise CommandError(f"{gold_dir}: no such folder")
        if not any(gold_dir.glob("*.json")):
            raise CommandError(f"{gold_dir}: no gold .json files in it")
        records = archive_records()
        archive = {
            kind: [r for r in rows if r.get("review") != ReviewStatus.REJECTED]
            for kind, rows in records.items()
        }
        report = evaluate(archive, gold_dir)
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
        else:
            self.stdout.write(report.as_text())
