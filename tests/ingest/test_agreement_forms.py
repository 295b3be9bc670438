"""Agreements named after the noun or introduced by a signing, and generic talk that is not."""

from __future__ import annotations

import datetime

import pytest

from archive.ingest.pipeline import extract_bytes

LEAD = (
    "MADRID – Spanish Defence Minister Lucia Ortega met Moroccan Defence Minister Karim Alaoui "
    "in Madrid on 9 September 2022.\n"
)

FOUND = [
    (
        "A memorandum of understanding on maritime surveillance was signed in Madrid on "
        "September 9, 2022, by the two ministers.\n",
        "memorandum of understanding on maritime surveillance",
        datetime.date(2022, 9, 9),
        "Madrid",
    ),
    (
        "The ministers reviewed the joint committee, which was set up under an agreement signed "
        "in Rabat on 3 March 2019.\n",
        None,
        datetime.date(2019, 3, 3),
        "Rabat",
    ),
    (
        "A treaty on border demarcation between the two countries was signed in Madrid on "
        "9 September 2022.\n",
        "treaty on border demarcation",
        datetime.date(2022, 9, 9),
        "Madrid",
    ),
]


@pytest.mark.parametrize(("sentence", "name", "signed", "place"), FOUND)
def test_agreement_is_extracted(sentence, name, signed, place):
    extraction = extract_bytes((LEAD + sentence).encode(), file_name="case.txt")
    (agreement,) = extraction.agreements
    if name is not None:
        assert agreement.name == name
    assert agreement.signed is not None and agreement.signed.value == signed
    assert agreement.place == place
    assert set(agreement.parties) == {"ES", "MA"}
    assert agreement.status == "signed"


@pytest.mark.parametrize(
    "sentence",
    [
        "Both sides reached agreement that the talks should continue.\n",
        "The two ministers were in agreement with each other on most points.\n",
        "Any agreement will need the approval of both parliaments.\n",
    ],
)
def test_talk_of_agreement_is_not_an_agreement(sentence):
    extraction = extract_bytes((LEAD + sentence).encode(), file_name="case.txt")
    assert extraction.agreements == ()
