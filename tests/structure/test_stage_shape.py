"""Every extraction stage returns one shape: its items and its explicit rejections."""

from __future__ import annotations

from archive.ingest.agreements import extract_agreements
from archive.ingest.document import read_text
from archive.ingest.institutions import extract_institutions
from archive.ingest.meetings import extract_meetings
from archive.ingest.people import article_sides, extract_people
from archive.ingest.quotes import extract_statements
from archive.ingest.segment import sentences as split_sentences
from archive.ingest.types import StageResult

TEXT = """published: 2025-05-15

Hungarian Defence Minister Tamás Bakonyi met Serbian Defence Minister Đorđe Milovanović
at the Ministry of Defence in Szeged on Wednesday. "We share a border and a duty," Bakonyi
said. Both sides said the talks had been "useful". The ministers signed a protocol on
border patrols; an agreement may follow.
"""


def test_every_stage_returns_items_and_rejections():
    document = read_text(TEXT, file_name="stages.txt")
    sentences = split_sentences(document)
    sides = article_sides(document, sentences)
    people = extract_people(document, sentences, sides)
    institutions = extract_institutions(document, sentences, people)
    meetings = extract_meetings(document, sentences, people, institutions.items, sides)
    statements = extract_statements(document, sentences, people)
    agreements = extract_agreements(document, sentences, sides, meetings.items)
    for stage in (people, institutions, meetings, statements, agreements):
        assert isinstance(stage, StageResult)
        assert isinstance(stage.items, tuple) and isinstance(stage.rejected, tuple)
    assert {p.name for p in people.items} >= {"Tamás Bakonyi", "Đorđe Milovanović"}
    assert len(meetings.items) == 1
    assert [s.text for s in statements.items] == ["We share a border and a duty,"]
    assert any(r.text == "useful" for r in statements.rejected)  # a scare quote, with reason
    assert [a.kind for a in agreements.items] == ["protocol"]
    assert [r.reason for r in agreements.rejected] == ["neither named nor signed"]
