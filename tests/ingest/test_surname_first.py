"""Surname-first names resolve their short form; an ambiguous given name does not."""

from __future__ import annotations

import pytest

from archive.ingest.pipeline import extract_bytes

CASES = [
    (
        "SEOUL – South Korean Defense Minister Shin Won-sik met Japanese Defense Minister Kihara "
        "Minoru in Seoul on 2 June 2024.\n"
        '"Our cooperation is essential for regional stability," Shin said after the talks.\n',
        "Shin Won-sik",
    ),
    (
        "BEIJING – Chinese Foreign Minister Zhao Guang held talks with Kazakh Foreign Minister "
        "Murat Nurtleu in Beijing on 5 May 2023.\n"
        '"We will deepen our partnership along the Belt and Road," Zhao told reporters.\n',
        "Zhao Guang",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), CASES)
def test_short_form_of_a_surname_first_name_is_the_speaker(text, speaker):
    extraction = extract_bytes(text.encode(), file_name="case.txt")
    people = {p.key: p for p in extraction.people}
    (statement,) = [s for s in extraction.statements if s.direct]
    assert statement.speaker_key is not None
    assert people[statement.speaker_key].name == speaker


def test_a_given_name_shared_by_two_people_is_not_resolved():
    text = (
        "TEHRAN – Iranian Foreign Minister Ali Vaezi met Iraqi Foreign Minister Ali Hamdani in "
        "Tehran on 3 March 2024.\n"
        '"We discussed the border," Ali said.\n'
    )
    extraction = extract_bytes(text.encode(), file_name="case.txt")
    names = {p.name for p in extraction.people}
    assert {"Ali Vaezi", "Ali Hamdani"} <= names
    for statement in extraction.statements:
        assert statement.speaker_key is None or not statement.speaker_key.startswith("ali")
