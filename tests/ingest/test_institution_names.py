"""Institutions as an editor records them: a release's issuing body from its letterhead, a
ministry under its full name and its short one, and no street after a ministry's name."""

from __future__ import annotations

from archive.ingest.document import read_text
from archive.ingest.pipeline import extract


def institutions(text: str) -> set[tuple[str, str | None]]:
    return {(i.name, i.country) for i in extract(read_text(text, file_name="i.txt")).institutions}


def test_the_letterhead_names_the_issuing_body_and_its_country():
    text = (
        "MINISTRY OF FOREIGN AFFAIRS\nGOVERNMENT OF PAKISTAN\n\nPress Release\n\n"
        "Foreign Minister Ishaq Dar met Saudi Minister of State Adel al-Jubeir in Geneva on "
        "25 February 2025 on the sidelines of the Human Rights Council.\n"
    )
    assert ("Ministry of Foreign Affairs", "PK") in institutions(text)


def test_a_ministry_of_a_named_republic_is_that_countrys_ministry():
    text = (
        "On 22 April 2025, in the Ministry of Defence of the Republic of Kazakhstan, Defence "
        "Minister Dauren Zhaksybekov held talks with Uzbek Defence Minister Shukhrat Nazarov. "
        "The Ministry of Defence said the talks were useful.\n"
    )
    found = extract(read_text(text, file_name="i.txt")).institutions
    ministry = [i for i in found if i.name.startswith("Ministry of Defence")]
    # One body: the name as written, its country, and the short name the later mention
    # (and other countries' reports) use.
    assert [(i.name, i.country, i.aliases) for i in ministry] == [
        ("Ministry of Defence of the Republic of Kazakhstan", "KZ", ("Ministry of Defence",))
    ]


def test_a_street_is_not_part_of_a_ministrys_name_but_a_country_in_a_name_is():
    text = (
        "Swedish Defence Minister Anna Lindqvist received Norwegian Defence Minister Eirik "
        "Haugland at the Ministry of Defence on Jakobsgatan. The Armed Forces of Ukraine were "
        "also discussed.\n"
    )
    names = {name for name, _ in institutions(text)}
    assert "Ministry of Defence" in names and "Armed Forces of Ukraine" in names
