"""Held-out articles (other outlets, country pairs and styles) through the whole import path.

The thresholds are floors that guard against regressions on text the rules were not written
for; the seed bar (test_seed_bar.py) is the stricter target.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from .conftest import run_import

HELDOUT = Path(__file__).resolve().parents[1] / "gold" / "heldout"


@pytest.fixture
def report(db) -> dict:
    code, _, err = run_import(str(HELDOUT / "articles"))
    assert code == 0, err
    out = io.StringIO()
    call_command("evaluate_import", str(HELDOUT), "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "precision", "recall"),
    [
        ("officials", 0.9, 0.9),
        ("statements", 0.9, 0.9),
        ("meetings", 0.8, 0.8),
        ("institutions", 0.5, 0.8),
        ("agreements", 0.5, 0.5),
    ],
)
def test_heldout_floor(report, kind, precision, recall):
    score = report["scores"][kind]
    assert score["precision"] >= precision, report["false_positives"]
    assert score["recall"] >= recall, report["misses"]


@pytest.mark.django_db
def test_heldout_speakers_and_exclusions(report):
    assert report["speaker_accuracy"] >= 0.9
    never = [fp for fp in report["false_positives"] if "never" in fp.get("why", "")]
    assert never == []
