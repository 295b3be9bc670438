"""The seed bar: import seeds/ into an empty archive, score it against the gold files.

This runs the whole path a user runs (import command -> database -> export -> evaluation),
so cross-article merges (one official under several spellings, one visit reported by two
outlets) are measured here, not only per-article extraction.
"""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from .conftest import GOLD


@pytest.fixture
def report(seeded) -> dict:
    out = io.StringIO()
    call_command("evaluate_import", str(GOLD), "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "precision", "recall"),
    [
        ("officials", 0.95, 0.95),
        ("statements", 0.95, 0.95),
        ("meetings", 1.0, 1.0),
        ("agreements", 1.0, 1.0),
        ("institutions", 0.0, 0.8),
    ],
)
def test_seed_bar(report, kind, precision, recall):
    score = report["scores"][kind]
    assert score["precision"] >= precision, report["false_positives"]
    assert score["recall"] >= recall, report["misses"]


@pytest.mark.django_db
def test_speakers_right(report):
    assert report["speaker_accuracy"] >= 0.95


@pytest.mark.django_db
def test_every_merge_and_exclusion_of_the_archive_gold(report):
    failed = [check["check"] for check in report["archive_checks"] if not check["ok"]]
    assert report["archive_checks"], "archive.json must be checked"
    assert failed == []


@pytest.mark.django_db
def test_evaluate_import_text_report_names_every_kind(seeded):
    out = io.StringIO()
    call_command("evaluate_import", str(GOLD), stdout=out)
    text = out.getvalue()
    for kind in ("officials", "statements", "meetings", "institutions", "agreements"):
        assert kind in text
    assert "statement speakers right" in text


@pytest.mark.django_db
def test_evaluate_import_refuses_a_missing_folder(tmp_path):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="no such folder"):
        call_command("evaluate_import", str(tmp_path / "missing"))
    with pytest.raises(CommandError, match="no gold"):
        call_command("evaluate_import", str(tmp_path))
