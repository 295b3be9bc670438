"""Speakers given by their role: each side of a meeting, the host, a country's minister, a
pronoun after a sentence whose subject is someone else than the person named last."""

from __future__ import annotations

import pytest

from archive.ingest.document import read_text
from archive.ingest.pipeline import extract

VISIT = (
    "Croatian Defence Minister Ivan Kovačević hosted his Slovenian counterpart, Defence "
    "Minister Marko Zupančič, in Zagreb on 3 April 2025. The Chief of the General Staff, "
    "General Tomislav Barić, also attended.\n\n"
)


def speakers(body: str) -> list[tuple[str, str | None]]:
    extraction = extract(read_text(VISIT + body, file_name="roles.txt"))
    names = {person.key: person.name for person in extraction.people}
    return [(s.text, names.get(s.speaker_key)) for s in extraction.statements]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            '"We came to learn from our neighbours," the visiting minister said.\n',
            [("We came to learn from our neighbours,", "Marko Zupančič")],
            id="visiting-minister-is-the-guest",
        ),
        pytest.param(
            '"Our door is always open to Ljubljana," the host said.\n',
            [("Our door is always open to Ljubljana,", "Ivan Kovačević")],
            id="the-host",
        ),
        pytest.param(
            '"The border is calm and we intend to keep it so," the Slovenian minister said.\n',
            [("The border is calm and we intend to keep it so,", "Marko Zupančič")],
            id="country-of-the-role",
        ),
        pytest.param(
            '"Exercises will start in May," the Croatian minister told reporters.\n',
            [("Exercises will start in May,", "Ivan Kovačević")],
            id="the-other-country",
        ),
        pytest.param(
            "Zupančič thanked Kovačević and the general for the programme of the visit. "
            '"We will send cadets in the autumn," he said.\n',
            [("We will send cadets in the autumn,", "Marko Zupančič")],
            id="pronoun-is-the-subject-not-the-last-named",
        ),
        pytest.param(
            '"Training together saves lives," Gen. Barić said.\n',
            [("Training together saves lives,", "Tomislav Barić")],
            id="rank-abbreviation-before-the-name",
        ),
    ],
)
def test_role_speakers(body, expected):
    assert [(text.rstrip(","), name) for text, name in speakers(body)] == [
        (text.rstrip(","), name) for text, name in expected
    ]


def test_a_countrys_possessive_role_phrase():
    assert speakers('"Exercises will start in May," Croatia\'s defence minister said.\n') == [
        ("Exercises will start in May,", "Ivan Kovačević")
    ]


SURNAMES_WITH_ARTICLE = (
    "RABAT – Morocco's Foreign Minister Nasser el-Amrani received Tunisia's Foreign Minister "
    "Dr. Samir ben Youssef al-Tounsi in Rabat on 12 March 2025.\n\n"
)


@pytest.mark.parametrize(
    ("who", "speaker"),
    [
        ("Dr al-Tounsi", "Samir ben Youssef al-Tounsi"),
        ("Dr. al-Tounsi", "Samir ben Youssef al-Tounsi"),
        ("Mr el-Amrani", "Nasser el-Amrani"),
    ],
)
def test_an_honorific_before_a_surname_with_its_article_gives_the_speaker(who, speaker):
    text = SURNAMES_WITH_ARTICLE + f'"Our ports will open to each other\'s ships," {who} said.\n'
    extraction = extract(read_text(text, file_name="articles.txt"))
    names = {person.key: person.name for person in extraction.people}
    assert [names.get(s.speaker_key) for s in extraction.statements] == [speaker]


def test_the_minister_is_not_the_deputy_minister_beside_him():
    text = (
        "MINSK, May 14. Belarusian Minister of Defence Alexander Kravtsevich received Russian "
        "Defence Minister Viktor Lobanov. First Deputy Minister of Defence Pavel Muravsky, of "
        "Belarus, also took part.\n\n"
        '"I am glad to welcome you on Belarusian land again," the Belarusian minister said.\n'
    )
    extraction = extract(read_text(text, file_name="d.txt"))
    names = {p.key: p.name for p in extraction.people}
    (statement,) = extraction.statements
    assert names[statement.speaker_key] == "Alexander Kravtsevich"
