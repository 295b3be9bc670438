"""Compare the archive's pages with Datasette's on the same SQLite file: `manage.py
bench_datasette --runs 20 --output datasette-compare.json`.

Datasette runs from its own virtualenv (not a project dependency); both servers open the file
read-only. The work is in archive/bench/datasette.py; this command only wires it to Django.
"""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from archive.bench import datasette as ds
from archive.bench.scenarios import choose_words, scenarios
from archive.models import Meeting, Statement


class Command(BaseCommand):
    help = "Time the archive's pages beside Datasette's equivalent pages on the same SQLite file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--datasette",
            help="Datasette executable (default: `datasette` on PATH, then "
            f"{ds.FALLBACK_DATASETTE})",
        )
        parser.add_argument("--runs", type=int, default=20, help="measured requests per page")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (archive)")
        parser.add_argument("--output", default="datasette-compare.json")
        parser.add_argument(
            "--datasette-setting",
            nargs=2,
            action="append",
            default=[],
            metavar=("NAME", "VALUE"),
            help="passed to Datasette as --setting NAME VALUE (default: Datasette's defaults), "
            "e.g. sql_time_limit_ms 30000",
        )

    def handle(self, *args, **options) -> None:
        try:
            executable = ds.find_datasette(options["datasette"])
            path = ds.sqlite_path(connection.settings_dict)
            ds.use_read_only(connection, path)
            results = self._run(executable, path, options)
        except ds.ComparisonError as error:
            raise CommandError(str(error)) from error
        Path(options["output"]).write_text(json.dumps(results, indent=2), encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"figures written to {options['output']}"))

    def _run(self, executable: str, path: Path, options: dict) -> dict:
        """Pick the pages from the data, start both servers, time each pair, print the table."""
        words = choose_words()
        self.stdout.write(f"{path}: searching '{words.common}', '{words.rare}', "
                          f'"{words.phrase}"; {options["runs"]} runs per page')  # fmt: skip
        settings = [tuple(pair) for pair in options["datasette_setting"]]
        started = ds.servers(executable, path, workers=options["workers"], settings=settings)
        with started as (archive, datasette):
            chosen = ds.pairs(scenarios(words), datasette.route)
            self.stdout.write(f"Datasette {datasette.version}: {' '.join(datasette.command)}")
            self.stdout.write(ds.HEADER + "   (ms)")
            rows = ds.compare(
                chosen, archive.base, datasette.base, runs=options["runs"],
                progress=self.stdout.write,
            )  # fmt: skip
        for note in ds.NOTES:
            self.stdout.write(f"* {note}")
        return {
            "database": str(path),
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
            "size": {"meetings": Meeting.objects.count(), "statements": Statement.objects.count()},
            "words": words.__dict__,
            "runs": options["runs"],
            "archive": {"server": "gunicorn", "workers": options["workers"]},
            "datasette": {
                "version": datasette.version,
                "command": datasette.command,
                "settings": dict(settings) or "Datasette's defaults",
                "config": ds.datasette_config(path.stem),
                "urls": {p.name: datasette.base + p.datasette for p in chosen},
            },
            "pairs": rows,
            "notes": ds.NOTES,
        }
