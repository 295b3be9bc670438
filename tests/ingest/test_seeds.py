"""The five seed articles through the whole pipeline reach the agreed bar against gold."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.ingest.evaluate import evaluate, extraction_to_archive
from archive.ingest.pipeline import extract_bytes

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOLD = ROOT / "tests" / "gold" / "seeds"


@pytest.fixture(scope="module")
def extractions():
    return [extract_bytes(path.read_bytes(), file_name=path.name) for path in SEEDS]


@pytest.fixture(scope="module")
def report(extractions):
    return evaluate(extraction_to_archive(extractions), GOLD)


def test_there_are_five_seeds():
    assert len(SEEDS) == 5


@pytest.mark.parametrize(
    ("kind", "precision", "recall"),
    [
        ("officials", 0.95, 0.95),
        ("statements", 0.95, 0.95),
        ("meetings", 1.0, 1.0),
        ("institutions", 0.0, 0.8),
        ("agreements", 0.0, 1.0),
    ],
)
def test_seed_bar(report, kind, precision, recall):
    score = report.scores[kind]
    print(kind, score.as_dict())
    assert score.precision >= precision, report.as_text()
    assert score.recall >= recall, report.as_text()


def test_statement_speakers(report):
    assert report.speakers_total >= 16
    assert report.speaker_accuracy >= 0.95, report.as_text()


def test_never_officials_stay_out(report):
    never = [c for c in report.archive_checks if "never an official" in c["check"]]
    assert never and all(c["ok"] for c in never), never


@pytest.mark.parametrize(
    ("seed", "date", "end", "city"),
    [
        ("000", "2025-10-18", None, "Tehran"),
        ("001", None, None, None),
        ("002", "2025-10-22", None, "Tehran"),
        ("003", None, None, "Tehran"),
        ("004", None, None, "Tehran"),
    ],
)
def test_meeting_dates_and_cities(extractions, seed, date, end, city):
    (extraction,) = [e for e in extractions if e.document.file_name.startswith(seed)]
    (meeting,) = extraction.meetings
    assert (meeting.start.iso if meeting.start else None) == date
    assert meeting.city == city
    assert set(meeting.countries) == {"IR", "IQ"}


def test_partial_date_keeps_day_and_month_without_a_year(extractions):
    meeting = extractions[3].meetings[0]
    assert (meeting.start.month, meeting.start.day, meeting.start.year_known) == (11, 14, False)
    assert (meeting.end.month, meeting.end.day) == (11, 15)


def test_security_agreement(extractions):
    (agreement,) = [a for a in extractions[2].agreements if "security" in a.name]
    assert agreement.signed.iso == "2023-03-19"
    assert agreement.place == "Baghdad"
    assert agreement.deadline.iso == "2023-09-19"
    assert set(agreement.parties) == {"IR", "IQ"}


def test_report_renders(report):
    text = report.as_text()
    assert "officials" in text and "speakers right" in text
    assert set(report.as_dict()["scores"]) == {
        "officials",
        "statements",
        "meetings",
        "institutions",
        "agreements",
    }
