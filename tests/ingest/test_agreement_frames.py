"""Agreements in their signing frames: the date before the verb, a date inherited from the
meeting, wording that is not a signing, weak nouns that are agreements only when signed."""

from __future__ import annotations

import datetime

import pytest

from archive.ingest.document import read_text
from archive.ingest.pipeline import extract, extract_bytes

MEETING = (
    "published: 2025-03-12\n\n"
    "LISBON – Portuguese Defence Minister Helena Duarte Sousa met Cape Verdean Defence "
    "Minister Jorge Tavares Lopes in Lisbon on Tuesday.\n\n"
)
TUESDAY = datetime.date(2025, 3, 11)


def agreements(body: str) -> list[tuple[str, datetime.date | None, str | None, str]]:
    extraction = extract_bytes((MEETING + body).encode(), file_name="frames.txt")
    return [
        (a.name, a.signed.value if a.signed else None, a.place, a.status)
        for a in extraction.agreements
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "On Monday, the two ministers signed a memorandum of understanding on maritime "
            "search and rescue.\n",
            [
                (
                    "memorandum of understanding on maritime search and rescue",
                    datetime.date(2025, 3, 10),
                    None,
                    "signed",
                )
            ],
            id="date-before-the-verb",
        ),
        pytest.param(
            "At the end of the talks, the ministers signed a Letter of Intent on Naval Training.\n",
            [("Letter of Intent on Naval Training", TUESDAY, "Lisbon", "signed")],
            id="letter-of-intent-inherits-the-meeting",
        ),
        pytest.param(
            "On the same occasion, they signed a technical arrangement on the exchange of "
            "air situation data, which replaces one in force since 2015.\n",
            [
                (
                    "technical arrangement on the exchange of air situation data",
                    TUESDAY,
                    "Lisbon",
                    "signed",
                )
            ],
            id="arrangement-with-a-past-year-in-its-relative-clause",
        ),
        pytest.param(
            "The two countries signed a defence cooperation agreement in Praia in March 2019.\n",
            [("defence cooperation agreement", None, "Praia", "signed")],
            id="earlier-signing-keeps-only-its-month",
        ),
        pytest.param(
            "A protocol on fisheries inspection is in the final stages and will be signed at "
            "the next joint commission.\n",
            [("protocol on fisheries inspection", None, None, "in_preparation")],
            id="to-be-signed",
        ),
        pytest.param("No agreement was signed in Lisbon.\n", [], id="negated"),
        pytest.param(
            "The ministers discussed a possible agreement on ship repair.\n"
            "“This deal is the real news,” Duarte Sousa said.\n",
            [("agreement on ship repair", None, None, "unknown")],
            id="a-deal-in-a-quotation-is-talk",
        ),
        pytest.param(
            "A contract for two patrol boats could be signed within months.\n",
            [],
            id="an-imagined-contract",
        ),
        pytest.param(
            "The two sides exchanged a memorandum of understanding on coastal surveillance in "
            "the presence of the two ministers.\n",
            [("memorandum of understanding on coastal surveillance", TUESDAY, "Lisbon", "signed")],
            id="exchanged-in-the-presence-of",
        ),
        pytest.param(
            "The ministers agreed to conclude a maritime boundary treaty by 2026.\n",
            [("maritime boundary treaty", None, None, "in_preparation")],
            id="to-conclude",
        ),
    ],
)
def test_signing_frames(body, expected):
    assert agreements(body) == expected


def test_items_of_a_list_are_signed_in_the_frame_of_the_line_that_opens_it():
    text = (
        "published: 2025-05-15\n\nChinese Defence Minister Gao Jianmin held talks with "
        "Cambodian Defence Minister Chea Sovannarith in Phnom Penh on Wednesday.\n\n"
        "Following the talks, the two sides signed several cooperation documents, including:\n\n"
        "- an Agreement on China Providing Gratis Military Assistance to Cambodia;\n"
        "- an Implementation Plan on Personnel Training Cooperation for 2025-2026.\n\n"
        "The ministers also discussed a future agreement on demining.\n"
    )
    agreements = extract(read_text(text, file_name="list.txt")).agreements
    signed = {(a.kind, a.signed.iso, a.place) for a in agreements if a.signed}
    assert signed == {
        ("agreement", "2025-05-14", "Phnom Penh"),
        ("plan", "2025-05-14", "Phnom Penh"),
    }
    # the frame ends with the list: the paragraph after it signs nothing
    assert [a.status for a in agreements if "demining" in a.name] in ([], ["unknown"])
