"""The article's entity table: each person with honorific, office class and side."""

from __future__ import annotations

import pytest

from archive.ingest.document import read_text
from archive.ingest.offices import office_class
from archive.ingest.pipeline import extract


@pytest.mark.parametrize(
    ("title", "rank", "office"),
    [
        ("Minister of Defence", "General", "minister"),
        ("Deputy Minister of Foreign Affairs", None, "minister"),
        ("Ambassador of Ghana to Côte d'Ivoire", "Major General", "diplomat"),
        ("Spokesperson of the Ministry of Defence", "Senior Colonel", "spokesperson"),
        ("President", None, "head"),
        ("Vice President", None, "other"),
        ("Chief of the General Staff", None, "military"),
        ("Chairman of the Joint Chiefs of Staff", "General", "military"),
        ("Chair of the Committee on Foreign Affairs", None, "legislator"),
        ("Wali of Tébessa", None, "regional"),
        (None, "Rear Admiral", "military"),
        (None, None, None),
    ],
)
def test_office_class(title, rank, office):
    assert office_class(title, rank) == office


def test_people_carry_honorific_office_and_side():
    text = (
        "published: 2025-01-21\n\nIn Bandar Seri Begawan on Tuesday, Brunei's Minister of "
        "Defence II, Yang Berhormat Dato Seri Setia Awang Abdul Rahim bin Haji Osman, held talks "
        "with Malaysian Minister of Defence H.E. Dr. Azman Shah bin Hamzah. Singapore's "
        "ambassador, Tan Wei Ming, also attended.\n"
    )
    people = {p.name: p for p in extract(read_text(text, file_name="t.txt")).people}
    brunei = people["Abdul Rahim bin Haji Osman"]
    malaysia = people["Azman Shah bin Hamzah"]
    assert (brunei.side, brunei.office) == ("host", "minister")
    assert brunei.honorific == "Yang Berhormat Dato Seri Setia Awang"
    assert (malaysia.side, malaysia.office, malaysia.honorific) == ("guest", "minister", "H.E. Dr.")
