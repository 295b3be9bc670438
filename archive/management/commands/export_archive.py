"""Write the whole archive as JSON in the gold format: `manage.py export_archive [-o FILE]`.

Streamed in a stable order (by kind, then by id), so two exports of the same archive are
byte-identical and a large archive never has to fit in memory.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from archive.archive_json import stream_archive_json


class Command(BaseCommand):
    help = "Export the whole archive as JSON (the gold annotation format)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")

    def handle(self, *args, **options) -> None:
        if not options["output"]:
            for piece in stream_archive_json():
                self.stdout.write(piece, ending="")
            return
        path = Path(options["output"])
        partial = path.with_name(path.name + ".partial")
        with partial.open("w", encoding="utf-8") as handle:
            for piece in stream_archive_json():
                handle.write(piece)
        partial.replace(path)  # a reader never sees half an export
        if options["verbosity"] >= 1:
            self.stderr.write(self.style.SUCCESS(f"Archive written to {path}"))
