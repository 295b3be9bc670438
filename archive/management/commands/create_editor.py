"""Create an editor: a staff account in the Editors group, which may curate archive records
but not manage users, groups or permissions.

    manage.py create_editor alice --email alice@example.org          # prompts for a password
    echo "$PASSWORD" | manage.py create_editor alice --password-from-stdin
    manage.py create_editor alice --no-input                          # no password yet
    manage.py create_editor alice --update     # make an existing user an editor
"""

from __future__ import annotations

import getpass
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from archive import services


class Command(BaseCommand):
    help = "Create a staff user in the Editors group (or add an existing one with --update)."
    # call_command(..., stdin=stream) in tests, like the built-in createsuperuser.
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="", help="The editor's e-mail address.")
        source = parser.add_mutually_exclusive_group()
        source.add_argument(
            "--password-from-stdin",
            action="store_true",
            help="Read the password from the first line of standard input (for scripts).",
        )
        source.add_argument(
            "--no-input",
            "--noinput",
            action="store_true",
            dest="no_input",
            help="Do not prompt; the account gets no usable password until one is set.",
        )
        parser.add_argument(
            "--update",
            action="store_true",
            help="If the user exists, make it staff and add it to the Editors group.",
        )

    def handle(self, *args, **options) -> None:
        username: str = options["username"].strip()
        if not username:
            raise CommandError("The username must not be empty.")
        User = get_user_model()
        existing = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
        if existing is not None and not options["update"]:
            raise CommandError(
                f"User “{username}” already exists. Use --update to make it an editor "
                "(staff, in the Editors group)."
            )
        candidate = existing or User(username=username, email=options["email"])
        password = self._password(options, candidate, required=existing is None)
        try:
            if existing is not None:
                user = services.editor_update(user=existing, password=password)
                verb = "updated"
            else:
                user = services.editor_create(
                    username=username, email=options["email"], password=password
                )
                verb = "created"
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        note = "" if user.has_usable_password() else " (no password yet: set one to log in)"
        self.stdout.write(self.style.SUCCESS(f"Editor “{username}” {verb}{note}."))

    def _password(self, options: dict, user, *, required: bool) -> str | None:
        """Return the password to set, read from stdin or prompted for, validated; or None."""
        if options["no_input"]:
            return None
        stream = options.get("stdin") or sys.stdin
        if options["password_from_stdin"]:
            password = stream.readline().rstrip("\r\n")
            if not password:
                raise CommandError("No password on standard input.")
        else:
            if not required and not stream.isatty():
                return None
            if not stream.isatty():
                raise CommandError(
                    "No terminal to prompt for a password: use --password-from-stdin or --no-input."
                )
            password = getpass.getpass("Password: ")
            if not password and not required:
                return None  # --update and Enter: keep the current password
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The passwords do not match.")
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise CommandError("Password rejected: " + " ".join(exc.messages)) from exc
        return password
