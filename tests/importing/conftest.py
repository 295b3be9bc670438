"""Fixtures for import tests: the seed articles and a way to run the command."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold" / "seeds"


def run_import(*args: str) -> tuple[int, str, str]:
    """Run import_articles; return its exit status, standard output and error output."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_articles", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exit_:  # pragma: no cover - call_command raises CommandError
        code = int(exit_.code or 0)
    except Exception as error:
        from django.core.management import CommandError

        if not isinstance(error, CommandError):
            raise
        err.write(str(error))
        code = error.returncode
    return code, out.getvalue(), err.getvalue()


def import_json(*args: str) -> dict:
    """Run import_articles --json and return the parsed report."""
    code, out, err = run_import("--json", *args)
    return {"code": code, "report": json.loads(out), "stderr": err}


@pytest.fixture
def seeded(db):
    """An archive holding the five seed articles."""
    code, out, err = run_import(str(SEEDS))
    assert code == 0, err
    return out
