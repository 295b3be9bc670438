"""Write a backup of the whole archive: `manage.py backup_archive FILE`."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from archive.backup import backup_write


class Command(BaseCommand):
    help = "Back up every archive record (review state and merges included) to a JSON file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="the backup file to write")

    def handle(self, *args, **options) -> None:
        count = backup_write(path=Path(options["path"]))
        self.stdout.write(self.style.SUCCESS(f"{count} rows written to {options['path']}"))
