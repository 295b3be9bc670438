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


def test_the_body_inside_a_unit_or_a_document_is_named_too():
    text = (
        "Spanish Defence Minister Elena Montero met Moroccan minister Karim Alaoui. The head of "
        "the Health Service of the Royal Armed Forces attended. The ministers signed the Plan "
        "of Joint Activities of the Ministry of Defence of the Russian Federation.\n"
    )
    names = {name for name, _ in institutions(text)}
    assert {"Royal Armed Forces", "Ministry of Defence of the Russian Federation"} <= names
    assert not any(name.startswith(("Plan", "Joint Activities")) for name in names)


def test_and_joins_the_parts_of_one_name_but_not_two_bodies():
    text = (
        "Ethiopian Minister Yonas Berhanu visited the Ministry of Infrastructure and Equipment "
        "and the Djibouti Ports and Free Zones Authority. He also met officials of the Ministry "
        "of Defence and Ministry of Foreign Affairs.\n"
    )
    names = {name for name, _ in institutions(text)}
    assert {
        "Ministry of Infrastructure and Equipment",
        "Djibouti Ports and Free Zones Authority",
        "Ministry of Defence",
        "Ministry of Foreign Affairs",
    } <= names


def test_a_countrys_formal_name_after_of_gives_the_country_and_a_short_name():
    text = (
        "Ethiopian Minister Yonas Berhanu was received at the Ministry of Transport of the "
        "Federal Democratic Republic of Ethiopia and at the Embassy of the Federal Democratic "
        "Republic of Ethiopia.\n"
    )
    found = {
        i.name: (i.country, i.aliases)
        for i in extract(read_text(text, file_name="f.txt")).institutions
    }
    assert found["Ministry of Transport of the Federal Democratic Republic of Ethiopia"] == (
        "ET",
        ("Ministry of Transport",),
    )
    assert found["Embassy of the Federal Democratic Republic of Ethiopia"] == ("ET", ())


def test_a_legislatures_own_name_is_an_institution_and_owns_its_committees():
    text = (
        "The Speaker of the Althingi, Thordis Aegisdottir, received the Speaker of the Seimas "
        "of the Republic of Lithuania, Gintare Salkauskiene, at the Althingi on Wednesday. "
        "Mindaugas Zukauskas, Chair of the Committee on Foreign Affairs of the Seimas, and the "
        "Chair of the Committee on National Security and Defence took part.\n"
    )
    found = {i.name: i for i in extract(read_text(text, file_name="p.txt")).institutions}
    assert "Althingi" in found and found["Althingi"].kind == "parliament"
    assert "Althingi on Wednesday" not in " | ".join(found)
    committee = found["Committee on Foreign Affairs of the Seimas"]
    assert committee.aliases == ("Committee on Foreign Affairs",)
    assert "Committee on National Security and Defence" in found


def test_a_body_of_a_country_is_known_by_its_name_before_the_country_too():
    text = (
        "Chinese Defence Minister Gao Jianmin will call on the President of the National "
        "Assembly of Cambodia, Heng Vireak, on Thursday.\n"
    )
    (assembly,) = [
        i for i in extract(read_text(text, file_name="a.txt")).institutions if "Assembly" in i.name
    ]
    assert (assembly.name, assembly.country, assembly.aliases) == (
        "National Assembly of Cambodia",
        "KH",
        ("National Assembly",),
    )
