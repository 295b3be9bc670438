#!/usr/bin/env python
"""Django's command-line utility for the bilateral meetings archive."""

import os
import sys

# Commands that only compare or print the schema: they never sign, hash or store anything with
# SECRET_KEY, so a checkout without a key (CI's `makemigrations --check`, a reviewer reading
# SQL) may run them. Every other command still needs the key (archive/settings.py says how).
KEYLESS_COMMANDS = frozenset({"makemigrations", "showmigrations", "sqlmigrate"})


def main() -> None:
    """Run an administrative task."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    if sys.argv[1:2] and sys.argv[1] in KEYLESS_COMMANDS:
        os.environ.setdefault("ARCHIVE_KEYLESS_COMMAND", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
