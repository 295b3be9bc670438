"""Reported speech: what an official stated without quotation marks is a statement that is
not direct, with its speaker; talk of an organisation, or a verb with no clause, is not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive.ingest.document import read_text
from archive.ingest.pipeline import extract
from archive.ingest.scoring import same_person, same_quote

OWN = Path(__file__).resolve().parents[1] / "gold" / "own"
LEAD = (
    "Algerian Interior Minister Karim Haddad met Tunisian Interior Minister Sami Trabelsi in "
    "Algiers on 7 December 2024. "
)


def reported(text: str) -> list[tuple[str, str | None]]:
    extraction = extract(read_text(text, file_name="reported.txt"))
    names = {person.key: person.name for person in extraction.people}
    return [(s.text, names.get(s.speaker_key)) for s in extraction.statements if not s.direct]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Haddad stressed that the border could not be left to one side alone.",
            [("the border could not be left to one side alone", "Karim Haddad")],
            id="stressed-that",
        ),
        pytest.param(
            "Trabelsi, for his part, affirmed that Tunisia considered Algeria's security its own.",
            [("Tunisia considered Algeria's security its own", "Sami Trabelsi")],
            id="past-an-aside",
        ),
        pytest.param(
            "Haddad thanked his guest. He said the two countries would open two new crossings.",
            [("the two countries would open two new crossings", "Karim Haddad")],
            id="pronoun-and-said-without-that",
        ),
        pytest.param(
            "The ministry said that the talks had been held in a constructive atmosphere.",
            [],
            id="an-organisation-is-no-speaker",
        ),
        pytest.param(
            "Haddad warned of smuggling by armed groups in the south.", [], id="no-clause"
        ),
    ],
)
def test_reported_speech(body, expected):
    assert reported(LEAD + body) == expected


def test_every_reported_statement_the_own_gold_requires_is_found_with_its_speaker():
    missed = []
    for gold_file in sorted((OWN / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        wanted = [
            s for s in gold["statements"] if s.get("direct") is False and not s.get("optional")
        ]
        if not wanted:
            continue
        got = reported((OWN / "articles" / gold["article"]).read_text(encoding="utf-8"))
        for statement in wanted:
            if not any(
                same_quote(statement["quote"], text)
                and same_person([statement["speaker"]], [who or ""])
                for text, who in got
            ):
                missed.append((gold["article"], statement["quote"][:60]))
    assert missed == []
