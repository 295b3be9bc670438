"""`manage.py create_editor`: a staff account in the Editors group, and clear refusals."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from archive.roles import EDITORS_GROUP

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


class Terminal(io.StringIO):
    """Standard input that claims to be a terminal, so the command prompts."""

    def isatty(self) -> bool:
        return True


def _create(*args, stdin: io.StringIO | None = None) -> str:
    out = io.StringIO()
    call_command("create_editor", *args, stdin=stdin or io.StringIO(), stdout=out)
    return out.getvalue()


def test_creates_a_staff_editor_from_stdin(client):
    out = _create(
        "alice",
        "--email",
        "alice@example.org",
        "--password-from-stdin",
        stdin=io.StringIO(PASSWORD + "\n"),
    )
    user = get_user_model().objects.get(username="alice")
    assert "created" in out
    assert user.is_staff and not user.is_superuser
    assert user.email == "alice@example.org"
    assert list(user.groups.values_list("name", flat=True)) == [EDITORS_GROUP]
    assert user.check_password(PASSWORD)
    assert client.login(username="alice", password=PASSWORD)
    assert client.get("/admin/archive/official/").status_code == 200
    assert client.get("/admin/auth/user/").status_code == 403


def test_prompts_for_the_password_interactively(monkeypatch):
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    _create("bob", stdin=Terminal())
    assert get_user_model().objects.get(username="bob").check_password(PASSWORD)


def test_mismatched_prompts_are_refused(monkeypatch):
    answers = iter([PASSWORD, PASSWORD + "!"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    with pytest.raises(CommandError, match="do not match"):
        _create("bob", stdin=Terminal())
    assert not get_user_model().objects.filter(username="bob").exists()


def test_no_input_creates_an_account_without_a_usable_password():
    out = _create("carol", "--no-input")
    user = get_user_model().objects.get(username="carol")
    assert not user.has_usable_password()
    assert "no password yet" in out
    assert user.groups.filter(name=EDITORS_GROUP).exists()


def test_weak_password_is_refused():
    with pytest.raises(CommandError, match="Password rejected"):
        _create("dave", "--password-from-stdin", stdin=io.StringIO("12345\n"))
    assert not get_user_model().objects.filter(username="dave").exists()


def test_existing_user_is_a_clear_error_and_update_adds_to_the_group(django_user_model):
    django_user_model.objects.create_user(username="erin", password=PASSWORD)
    with pytest.raises(CommandError, match=r"already exists.*--update"):
        _create("erin", "--no-input")
    out = _create("erin", "--no-input", "--update")
    user = django_user_model.objects.get(username="erin")
    assert "updated" in out
    assert user.is_staff and user.groups.filter(name=EDITORS_GROUP).exists()
    assert user.check_password(PASSWORD)  # --update without a new password keeps the old one


def test_no_terminal_and_no_flag_is_a_clear_error():
    with pytest.raises(CommandError, match="--password-from-stdin or --no-input"):
        _create("frank")
    assert not get_user_model().objects.filter(username="frank").exists()
