"""Replace the archive with a backup: `manage.py restore_archive FILE`.

All or nothing: one transaction, so a bad file leaves the archive as it was.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from archive.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Replace every archive record with the contents of a backup file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="a file written by backup_archive")
        parser.add_argument(
            "--no-input", action="store_true", help="do not ask before replacing the archive"
        )

    def handle(self, *args, **options) -> None:
        if not options["no_input"]:
            answer = input("This replaces every record in the archive. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            count = backup_restore(path=Path(options["path"]))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"{count} rows restored from {options['path']}"))
