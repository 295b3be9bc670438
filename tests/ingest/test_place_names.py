"""A given name that is also a place ("Sofia", "Jordan", "Paris") is a name after a title."""

from __future__ import annotations

import pytest

from archive.ingest.pipeline import extract_bytes


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "OTTAWA – Japanese Foreign Minister Sofia Novak met Canadian Foreign Minister "
            "Sofia Tremblay in Ottawa on 1 September 2016.\n",
            {"Sofia Novak", "Sofia Tremblay"},
        ),
        (
            "AMMAN – Australian Trade Minister Jordan Hale met Jordanian Trade Minister Omar "
            "Nasser in Amman on 4 July 2021.\n",
            {"Jordan Hale", "Omar Nasser"},
        ),
    ],
)
def test_given_name_that_is_a_place(text, names):
    extraction = extract_bytes(text.encode(), file_name="case.txt")
    assert names <= {p.name for p in extraction.people}
    assert len(extraction.meetings) == 1


def test_a_place_after_a_title_without_a_surname_stays_a_place():
    text = (
        "Greek Defence Minister Nikos Dendias met Bulgarian Defence Minister Todor Tagarev in "
        "Sofia on 12 May 2023.\n"
    )
    extraction = extract_bytes(text.encode(), file_name="case.txt")
    assert {p.name for p in extraction.people} == {"Nikos Dendias", "Todor Tagarev"}
    assert extraction.meetings[0].city == "Sofia"
