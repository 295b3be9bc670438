"""People: names, titles, ranks and countries from varied articles and country pairs."""

from __future__ import annotations

import pytest

from archive.ingest.document import read_text
from archive.ingest.pipeline import extract

from .conftest import person


def read(text: str):
    """The whole pipeline over a short text, as an import runs it (without the database)."""
    return extract(read_text(text, file_name="x.txt"))


FRANCE_GERMANY = (
    "PARIS – French President Emmanuel Macron met German Chancellor Friedrich Merz in Paris on "
    "22 October 2025. Macron said the two countries would deepen defence cooperation. Merz, "
    "for his part, stressed the need for a common European air defence."
)
CHINA_RUSSIA = (
    "Chinese Foreign Minister Wang Yi held talks with his Russian counterpart Sergey Lavrov in "
    "Beijing on Oct. 22, 2025. Lavrov, Russia's top diplomat, told reporters the talks were "
    "useful. According to Xinhua, Wang said both sides oppose unilateral sanctions."
)
INDIA_PAKISTAN = (
    "Pakistan Army chief General Asim Munir met Indian Defence Minister Rajnath Singh in "
    "Islamabad on 2025-10-22. Singh, the defence minister of India, said the border talks "
    "were frank. General Munir added that the ceasefire must hold."
)
US_JAPAN = (
    "Japanese Prime Minister Shigeru Ishiba received U.S. Secretary of Defense Lloyd Austin in "
    "Tokyo on Monday. Vice Admiral Yoshihide Tanaka, Commander of the Japan Maritime Self-Defense "
    "Force, also attended. Austin said the alliance has never been stronger."
)


@pytest.mark.parametrize(
    ("text", "name", "title", "rank", "country"),
    [
        (FRANCE_GERMANY, "Emmanuel Macron", "President", None, "FR"),
        (FRANCE_GERMANY, "Friedrich Merz", "Chancellor", None, "DE"),
        (CHINA_RUSSIA, "Wang Yi", "Foreign Minister", None, "CN"),
        (INDIA_PAKISTAN, "Asim Munir", "Army chief", "General", "PK"),
        (INDIA_PAKISTAN, "Rajnath Singh", "Defence Minister", None, "IN"),
        (US_JAPAN, "Shigeru Ishiba", "Prime Minister", None, "JP"),
        (US_JAPAN, "Lloyd Austin", "Secretary of Defense", None, "US"),
        (US_JAPAN, "Yoshihide Tanaka", None, "Vice Admiral", "JP"),
    ],
)
def test_title_rank_and_country(run, text, name, title, rank, country):
    found = person(run(text), name)
    if title:
        assert found.title and title.casefold() in found.title.casefold()
    assert found.rank == rank
    assert found.country == country
    assert found.is_official


@pytest.mark.parametrize(
    ("text", "full", "short"),
    [
        (FRANCE_GERMANY, "Emmanuel Macron", "Macron"),
        (FRANCE_GERMANY, "Friedrich Merz", "Merz"),
        (CHINA_RUSSIA, "Sergey Lavrov", "Lavrov"),
        (INDIA_PAKISTAN, "Asim Munir", "General Munir"),
        (US_JAPAN, "Lloyd Austin", "Austin"),
    ],
)
def test_short_forms_resolve_to_the_full_name(run, text, full, short):
    extraction = run(text)
    assert person(extraction, short).name == full
    assert len([p for p in extraction.people if p.name.endswith(full.split()[-1])]) == 1


def test_appositive_title_and_counterpart_country(run):
    extraction = run(
        "Ambassador Li Wei met Olaf Brandt, the German ambassador to China, in Berlin. "
        "Brandt said talks went well."
    )
    assert person(extraction, "Olaf Brandt").country == "DE"
    assert "ambassador" in person(extraction, "Olaf Brandt").title.casefold()


@pytest.mark.parametrize(
    "text",
    [
        "According to Reuters, the talks lasted two hours. Reuters said more talks are planned.",
        "As reported by IRNA, the meeting was cordial.",
        "The minister was quoted by Tass news agency as saying nothing.",
        "Foreign ministers met, the Daily Sabah reported.",
    ],
)
def test_outlets_are_never_people(run, text):
    assert run(text).people == ()


def test_headline_without_a_name_is_no_person(run):
    extraction = run("Iranian Defense Minister: Ready to meet the needs of the Iraqi forces\n")
    assert extraction.people == ()


def test_analyst_is_not_an_official(run):
    extraction = run(
        'Jane Porter, an analyst at the Lowy Institute, said "the visit matters a great deal."'
    )
    analyst = person(extraction, "Jane Porter")
    assert analyst.is_official is False


def test_delegation_gives_the_country(run):
    extraction = run(
        "The Egyptian delegation, which included Hassan Rashad, Director of General "
        "Intelligence, met Saudi officials in Riyadh."
    )
    assert person(extraction, "Hassan Rashad").country == "EG"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Minister of Defence Colonel General Zhaksybekov Dauren Mukhtaruly met his Uzbek "
            "counterpart in Astana. Opening the talks, Minister D. Zhaksybekov thanked him.",
            {"Zhaksybekov Dauren Mukhtaruly"},
        ),
        (
            "Secretary of National Defense Emmanuel R. Villaroman met Japan's Minister of "
            "Defense in Manila.",
            {"Emmanuel R. Villaroman"},
        ),
        (
            "Minister of Defence of Mongolia B. Erdenetsogt held talks in Ulaanbaatar.",
            {"B. Erdenetsogt"},
        ),
        (
            "The Secretary General for Defence Policy, Adm. Beatriz Ochoa de Zárate, took part.",
            {"Beatriz Ochoa de Zárate"},
        ),
        (
            "Chinese President Xi Jinping met Russian President Vladimir Putin in Beijing. "
            "Xi said the talks were good.",
            {"Xi Jinping", "Vladimir Putin"},
        ),
    ],
    ids=[
        "initial-of-a-family-name-first",
        "middle-initial",
        "patronymic-initial",
        "portfolio-word-before-a-rank",
        "two-letter-surname",
    ],
)
def test_initials_and_portfolio_words(text, expected):
    people = {p.name for p in read(text).people if p.is_official}
    assert people == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Argentine chief of naval staff, Vice Admiral Ricardo Gómez de la Fuente, met "
            "Chilean officers in Santiago.",
            {"Ricardo Gómez de la Fuente"},
        ),
        (
            "The Swedish Supreme Commander, General Johan af Wetterberg, met Norwegian officers "
            "in Oslo. Af Wetterberg said the exercise would grow.",
            {"Johan af Wetterberg"},
        ),
        (
            "Ukrainian Defence Minister Andrii Petrovych Levchenko met his Polish counterpart in "
            "Kyiv. Andrii Levchenko said the talks went well.",
            {"Andrii Petrovych Levchenko"},
        ),
        (
            "Tunisian Interior Minister Mourad Ben Hassine met the Governor of Kasserine, "
            "Hichem Jaziri, in Tunis.",
            {"Mourad Ben Hassine", "Hichem Jaziri"},
        ),
    ],
    ids=[
        "two-particles",
        "particle-opening-a-sentence",
        "patronymic-left-out",
        "place-of-an-office",
    ],
)
def test_particles_left_out_words_and_places_of_offices(text, expected):
    people = {p.name for p in read(text).people if p.is_official}
    assert people == expected


@pytest.mark.parametrize(
    "text",
    [
        "Bangladesh's Ambassador to Nepal, Tahmina Yasmin Chowdhury, also attended the talks "
        "in Kathmandu.",
        "Tanzania's High Commissioner to Uganda, Juma Salim Kassim, joined the delegation in "
        "Kampala.",
    ],
)
def test_an_envoy_to_a_country_is_an_official(text):
    (person,) = [p for p in read(text).people if p.is_official]
    assert " to " in person.title


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The talks were attended by Tanzania's High Commissioner to Uganda, H.E. Dr. Juma "
            "Salim Kassim, and by officials in Kampala.",
            "Juma Salim Kassim",
        ),
        (
            "Minister of Defense of Japan KISARAGI Haruto met Filipino officers in Manila.",
            "KISARAGI Haruto",
        ),
    ],
    ids=["honorific-of-initials-then-doctor", "family-name-in-capitals"],
)
def test_honorifics_of_initials_and_family_names_in_capitals(text, name):
    people = [p.name for p in read(text).people if p.is_official]
    assert people == [name]


def test_an_office_named_before_a_title():
    text = (
        "South Korean National Security Adviser Shin Jae-hyuk and his American counterpart, "
        "White House National Security Adviser Daniel Whitcombe, held talks in Seoul."
    )
    people = {p.name: p.title for p in read(text).people}
    assert people["Daniel Whitcombe"] == "White House National Security Adviser"


def test_a_newspaper_someone_told_is_nobody():
    text = (
        "Senegalese Foreign Minister Yassine Fall met her Mauritanian counterpart in Addis "
        'Ababa. "A river unites us," Fall told Le Télégramme after the meeting.'
    )
    names = {p.name for p in read(text).people}
    assert "Le Télégramme" not in names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Secretary of State Antony J. Blinken met with Indian External Affairs Minister Dr. "
            "S. Jaishankar in Washington.",
            {("S. Jaishankar", "External Affairs Minister", "IN")},
        ),
        (
            "Indonesia's president-elect Prabowo Subianto received Australian Prime Minister "
            "Anthony Albanese in Jakarta.",
            {("Prabowo Subianto", "president-elect", "ID")},
        ),
        (
            "Chief of Army Staff General Syed Asim Munir called on Saudi Defence Minister Prince "
            "Khalid bin Salman in Riyadh.",
            {("Khalid bin Salman", "Defence Minister", "SA")},
        ),
    ],
    ids=["country-specific-office-and-initial", "lowercase-president-elect", "prince"],
)
def test_offices_of_real_readouts(text, expected):
    people = {(p.name, p.title, p.country) for p in read(text).people}
    assert expected <= people


def test_the_datelines_city_gives_its_country_a_side():
    text = (
        "WASHINGTON, April 3 (Reuters) - Secretary of Defense Lloyd Austin hosted Japanese "
        "Minister of Defense Minoru Kihara at the Pentagon on Tuesday."
    )
    (meeting,) = read(text).meetings
    assert set(meeting.countries) == {"US", "JP"}


@pytest.mark.parametrize(
    ("written", "full"),
    [
        ("Lt. Gen.", "Lieutenant General"),
        ("Brig. Gen.", "Brigadier General"),
        ("Vice Adm.", "Vice Admiral"),
        ("Maj. Gen.", "Major General"),
        ("Colonel General", "Colonel General"),
        ("Lt Gen", "Lieutenant General"),
        ("Maj Gen", "Major General"),
    ],
)
def test_a_rank_is_recorded_in_full(written, full):
    (person,) = read(f"Nigeria's {written} Adebayo Okonkwo met Ghanaian officers in Abuja.").people
    assert person.rank == full


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Colonel Ts. Narantsetseg, head of the ministry's press office, spoke in Ulaanbaatar.",
            "Ts. Narantsetseg",
        ),
        (
            "The Chief of Army Staff, General Md. Anisur Rahman Talukder, held talks in Kathmandu.",
            "Md. Anisur Rahman Talukder",
        ),
        (
            "The Chief of General Staff, Admiral Rui Filipe Mendes de Almeida Gouveia, travelled "
            "to Luanda.",
            "Rui Filipe Mendes de Almeida Gouveia",
        ),
    ],
    ids=["two-letter-initial-after-a-rank", "abbreviated-given-name", "six-word-name"],
)
def test_initials_after_ranks_and_long_names(text, name):
    assert [p.name for p in read(text).people if p.is_official] == [name]


@pytest.mark.parametrize(
    ("text", "name", "rank"),
    [
        (
            "Also present was the ministry's Director General, Maj. Gen. (res.) Yoav Peleg, who "
            "met Cypriot officials in Nicosia.",
            "Yoav Peleg",
            "Major General",
        ),
        (
            "The delegation was led by Lt Gen (Retd) Arvind Menon, who arrived in Colombo.",
            "Arvind Menon",
            "Lieutenant General",
        ),
        (
            "Gen. (ret.) Laura Whitfield, a former commander, met Polish officers in Warsaw.",
            "Laura Whitfield",
            "General",
        ),
    ],
    ids=["res-after-dotted-rank", "retd-after-british-rank", "ret-opening-the-sentence"],
)
def test_a_retirement_mark_after_a_rank_belongs_to_neither_rank_nor_name(text, name, rank):
    people = [p for p in read(text).people if p.name == name]
    assert [p.rank for p in people] == [rank]
    assert not any(p.name in ("Maj", "Lt", "Gen") for p in read(text).people)


def test_a_surname_that_is_also_a_place_is_the_person_once_named_in_full():
    text = (
        "published: 2025-06-06\n\nIn Jakarta on Monday, Japan's Foreign Minister Haruka Inoue "
        "met Indonesia's Foreign Minister Dewi Kartika Sari.\n\n"
        '"Our seas connect us," Sari said after the talks. Inoue later flew to Sari.\n'
    )
    extraction = extract(read_text(text, file_name="sari.txt"))
    (sari,) = [p for p in extraction.people if p.name == "Dewi Kartika Sari"]
    assert sari.aliases == ("Sari",)
    assert len(sari.mentions) == 2  # the full name and "Sari said"; "flew to Sari" is a place
    (statement,) = extraction.statements
    assert statement.speaker_key == sari.key


def test_a_title_does_not_reach_back_across_another_persons_name():
    text = (
        "MINSK, May 14. Defence Minister of the Russian Federation Viktor Sergeyevich Lobanov "
        "and Minister of Defence of the Republic of Belarus Lieutenant General Alexander "
        "Nikolayevich Kravtsevich held talks in Minsk on Thursday.\n"
    )
    people = {p.name: p for p in extract(read_text(text, file_name="t.txt")).people}
    belarus = people["Alexander Nikolayevich Kravtsevich"]
    assert belarus.title == "Minister of Defence of the Republic of Belarus"
    assert belarus.country == "BY"


def test_a_word_of_a_countrys_name_after_a_title_is_no_person():
    text = (
        "South Korean Defence Minister Baek Seung-ho met Indonesian officials in Jakarta with "
        "Jeong Da-eun, Ambassador of the Republic of Korea to Indonesia.\n"
    )
    names = {p.name for p in extract(read_text(text, file_name="k.txt")).people}
    assert "Korea" not in names and "Jeong Da-eun" in names


def test_two_words_of_a_full_name_are_that_person_whatever_the_appositive_says():
    text = (
        "The Malaysian minister was accompanied by General Tan Sri Mohd Faizal bin Abdul "
        "Rashid, Chief of Defence Force of the Malaysian Armed Forces. The meeting was also "
        "attended by the Commander of the Royal Brunei Armed Forces, General Tan Sri Mohd "
        "Faizal, and the Bruneian ambassador.\n"
    )
    people = [p for p in extract(read_text(text, file_name="m.txt")).people if "Faizal" in p.name]
    assert [(p.name, p.country) for p in people] == [("Mohd Faizal bin Abdul Rashid", "MY")]


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        (
            "The Vietnam People's Navy frigate Tran Hung Dao called at Changi Naval Base.",
            "Tran Hung Dao",
        ),
        (
            "Minister Karim Alaoui held talks at the State Guest House Padma in Dhaka today.",
            "Guest House Padma",
        ),
        (
            "The Minister Delegate to the Head of Government, Karim Alaoui, received him.",
            "Delegate",
        ),
    ],
)
def test_ships_buildings_and_title_words_are_no_people(text, not_a_person):
    names = {p.name for p in extract(read_text(text + "\n", file_name="n.txt")).people}
    assert not_a_person not in names


@pytest.mark.parametrize(
    ("written", "rank"),
    [
        ("Sr Lt Gen", "Senior Lieutenant General"),
        ("Vice-Admiral", "Vice Admiral"),
        ("Senior Colonel", "Senior Colonel"),
    ],
)
def test_senior_and_hyphenated_ranks_are_read_in_full(written, rank):
    text = f"Vietnam's {written} Pham Quoc Thanh met Singaporean officials in Singapore.\n"
    (person,) = extract(read_text(text, file_name="r.txt")).people
    assert (person.name, person.rank) == ("Pham Quoc Thanh", rank)


def test_a_member_of_a_non_governmental_body_is_no_official_and_not_quoted_as_one():
    text = (
        "Italian Defence Minister Lorenzo Bertolazzi met Tunisian Defence Minister Imed Ben "
        'Romdhane in Tunis on Monday. "Any partnership that treats people at sea as a security '
        'problem is bound to fail them," said Hela Jaziri of the Tunis-based Forum for Migrant '
        "Rights.\n"
    )
    extraction = extract(read_text(text, file_name="ngo.txt"))
    assert "Hela Jaziri" not in {p.name for p in extraction.people}
    assert not extraction.statements
    assert any(r.reason.startswith("of a non-governmental body") for r in extraction.rejected)


def test_block_headers_of_a_live_page_date_their_blocks():
    text = (
        "Posted on 10 June 2024 by Halvor Nygard-Lie\n\nUpdate 1 (11 June, 09:20)\n"
        "Polish Defence Minister Mikolaj Swiatek was welcomed at Akershus this morning by "
        "Norwegian Defence Minister Eirik Braten. Talks began just after nine.\n\n"
        "Original post (10 June)\nSwiatek lands in Oslo tonight.\n"
    )
    (meeting,) = extract(read_text(text, file_name="live.txt")).meetings
    assert meeting.start.iso == "2024-06-11"
