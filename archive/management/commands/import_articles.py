"""Import article texts into the archive: `manage.py import_articles PATH [PATH…]`.

PATH is a file, a folder (every .txt, and every saved web page .html/.htm, inside) or `-` for
standard input. Each article is imported in its own transaction; a file that fails is reported
and skipped, the others are still imported, and the exit status is 1 when any failed.
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from archive.importing import ImportSource, archive_is_empty, articles_import, sources_from_paths
from archive.ingest.report import ArticleOutcome


class Command(BaseCommand):
    help = "Extract meetings, officials, statements and agreements from article texts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "paths", nargs="+", help="files, folders of .txt/.html/.htm files, or - (stdin)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would change; write nothing"
        )
        parser.add_argument("--json", action="store_true", help="print the report as JSON")
        parser.add_argument(
            "--reprocess",
            action="store_true",
            help="extract again from articles already imported (curated records stay as they are)",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="do nothing unless the archive has no article yet (used by `make run`)",
        )

    def handle(self, *args, **options) -> None:
        if options["if_empty"] and not archive_is_empty():
            if options["verbosity"] >= 1 and not options["json"]:
                self.stdout.write("The archive already holds articles; nothing imported.")
            return
        sources, problems = self._sources(options["paths"])
        for problem in problems:
            self.stderr.write(self.style.ERROR(problem))
        if not sources and problems:
            raise CommandError("Nothing to import.")

        show_bar = not options["json"] and options["verbosity"] >= 1 and sys.stderr.isatty()
        bar = tqdm(total=len(sources), unit="article", file=sys.stderr, disable=not show_bar)

        def progress(outcome: ArticleOutcome) -> None:
            bar.update(1)
            bar.set_postfix_str(outcome.source[-30:], refresh=False)
            if outcome.failed:
                self._say(self.stderr, self.style.ERROR(outcome.message), bar_shown=show_bar)
            elif options["verbosity"] >= 2 and not options["json"]:
                self._say(self.stdout, f"{outcome.source}: {outcome.status}", bar_shown=show_bar)
            for warning in outcome.warnings:
                self._say(self.stderr, self.style.WARNING(warning), bar_shown=show_bar)

        report = articles_import(
            sources=sources,
            dry_run=options["dry_run"],
            reprocess=options["reprocess"],
            on_progress=progress,
        )
        bar.close()

        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
        elif options["verbosity"] >= 1:
            if options["verbosity"] >= 2 or options["dry_run"]:
                for outcome in report.outcomes:
                    for change in outcome.changes:
                        detail = f" ({change.detail})" if change.detail else ""
                        self.stdout.write(
                            f"  {outcome.source}: {change.kind[:-1]} {change.label!r}: "
                            f"{change.action}{detail}"
                        )
            for line in report.summary_lines():
                self.stdout.write(line)
        if report.failed or problems:
            failed = len(report.failed) + len(problems)
            raise CommandError(
                f"{failed} file(s) failed; the other files were processed.", returncode=1
            )
        if options["verbosity"] >= 1 and not options["json"]:
            self.stdout.write(self.style.SUCCESS("Import finished."))

    @staticmethod
    def _say(stream, message: str, *, bar_shown: bool) -> None:
        """Print a line without breaking the progress bar when one is on screen."""
        if bar_shown:
            with tqdm.external_write_mode(file=sys.stderr):
                stream.write(message)
        else:
            stream.write(message)

    def _sources(self, paths: list[str]) -> tuple[list[ImportSource], list[str]]:
        file_paths = [path for path in paths if path != "-"]
        sources, problems = sources_from_paths(file_paths)
        if "-" in paths:
            sources.insert(0, ImportSource.from_stream("<stdin>", sys.stdin.buffer))
        return sources, problems
