"""The scorer's matching rules as the project's copy applies them (archive/ingest/scoring.py).

Each row is what the shared scorer decides, quirks included (it folds "Dr." to "dr" before
dropping rank words, so "Dr." stays in a name): the copy must judge as the judge does, not
as it ideally would. tests/importing/test_scoring_parity.py checks the copy against the
scorer itself on a whole export.
"""

from __future__ import annotations

import pytest

from archive.ingest.scoring import (
    agreement_key,
    city_ok,
    country_key,
    date_ok,
    fold,
    name_tokens,
    same_person,
    same_quote,
    score,
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Kowalczyk-Wróbel", "kowalczyk wrobel"),
        ("El-Naggar", "al naggar"),
        ("al-Khafaji", "al hafaji"),
        ("Mohammed", "mohammad"),
        ("Muhammad", "mohammad"),
        ("Iran’s", "iran's"),
        ("Aydınoğlu", "ayd noglu"),  # the dotless ı is no letter of a-z
        (None, ""),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("Brigadier General Amir Hatami", ["hatami"]),
        ("Minister of Defence", []),
        ("Prime Minister", []),
        ("Rear Admiral Nguyen Duc Thang", ["nguyen", "duc", "thang"]),
        ("Seyed Tamim", ["tamim"]),
        # fold turns "kh" into "h" first, so "Sheikh" is never dropped
        ("Sheikh Tamim", ["sheih", "tamim"]),
        # abbreviations lose their full stop in fold before the rank words are dropped
        ("Dr. al-Harbi", ["dr", "al", "harbi"]),
        ("Lt. Gen. Musa", ["lt", "gen", "musa"]),
    ],
)
def test_name_tokens_drop_rank_words(name, tokens):
    assert name_tokens(name) == tokens


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # surname-only and given-name-only second references
        ("Amir Hatami", "Hatami", True),
        ("Brigadier General Amir Hatami", "Hatami", True),
        ("Tran Quoc Vinh", "Vinh", True),
        ("Shin Jae-hyuk", "Shin", True),
        ("Kenta Morioka", "Morioka", True),
        # a one-word form must be a whole word, two letters at least
        ("Kenta Morioka", "Mori", False),
        ("F. Smith", "F", False),
        # words left out: a middle name, a second surname
        ("Horacio Larreta Ocampo", "Horacio Larreta", True),
        ("Tran Quoc Vinh", "Tran Vinh", True),
        # particles and spellings
        ("Abdulaziz bin Fahad al-Harbi", "al-Harbi", True),
        ("Abdulaziz bin Fahad al-Harbi", "Al Harbi", True),
        ("Tarek El-Naggar", "Tarek al-Naggar", True),
        ("Klaus von Waldau", "Von Waldau", True),
        ("Marta Kowalczyk-Wróbel", "Marta Kowalczyk Wrobel", True),
        ("Mohammed Shia", "Muhammad Shia", True),
        ("Khatami", "Amir Hatami", True),
        ("Lucía Fernández de la Vega", "Fernández de la Vega", True),
        # rank words are not names; abbreviated ones stay in (the scorer's quirk)
        ("Prime Minister", "Minister", False),
        ("Lieutenant General Musa", "General Musa", True),
        ("Abdulaziz bin Fahad al-Harbi", "Dr. al-Harbi", False),
        # different people sharing a surname
        ("Ali Rezaei", "Hassan Rezaei", False),
        ("", "Hatami", False),
    ],
)
def test_same_person(a, b, same):
    assert same_person([a], [b]) is same
    assert same_person([b], [a]) is same


def test_same_person_any_name_of_either_side():
    assert same_person(["Amir Hatami", "Khatami"], ["Brig. Gen. Hatami"])
    assert not same_person([], ["Hatami"])


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("We are ready.", "We are ready", True),
        ("We are ready,", "we are ready", True),
        ("“We are ready.”", "We are ready", True),
        ("'We didn't come to talk'", "We didn’t come to talk", True),
        ("practical", "practical.", True),
        # one a long part of the other (80% of its length)
        ("The border is secure today", "The border is secure toda", True),
        ("ready", "We are ready", False),
        (
            "one nation, two states",
            "We are, as ever, one nation, two states, in every field",
            False,
        ),
        ("", "", False),
        (".", "", False),
    ],
)
def test_same_quote(a, b, same):
    assert same_quote(a, b) is same
    assert same_quote(b, a) is same


@pytest.mark.parametrize(
    ("gold", "got", "ok"),
    [
        # year_stated false: no date (or the date gold gives) is right, a guessed year is wrong
        ({"date": None, "year_stated": False}, {"date": None}, True),
        ({"date": None, "year_stated": False}, {"date": ""}, True),
        ({"date": None, "year_stated": False}, {}, True),
        ({"date": None, "year_stated": False}, None, True),
        ({"date": None, "year_stated": False}, {"date": "2024-08-14"}, False),
        ({"date": None, "year_stated": False, "month_day": "08-14"}, {"date": "2025-08-14"}, False),
        ({"date": "2024-08-14", "year_stated": False}, {"date": "2024-08-14"}, True),
        ({"date": "2024-08-14", "year_stated": False}, {"date": "2023-08-14"}, False),
        # the article does not say: anything or nothing
        ({"date": None}, {"date": "2024-01-01"}, True),
        ({"date": None}, None, True),
        # otherwise exactly gold's date, as precise as gold
        ({"date": "2024-05-14"}, {"date": "2024-05-14"}, True),
        ({"date": "2024-05-14", "year_stated": True}, {"date": None}, False),
        ({"date": "2024-05-14"}, {"date": "2024-05"}, False),
        ({"date": "2024-05"}, {"date": "2024-05"}, True),
    ],
)
def test_date_ok(gold, got, ok):
    assert date_ok(gold, got) is ok


@pytest.mark.parametrize(
    ("gold", "got", "ok"),
    [
        ({"city": None}, None, True),
        ({"city": "Geneva"}, {"city": "GENEVA"}, True),
        ({"city": "Bogotá"}, {"city": "Bogota"}, True),
        ({"city": "Geneva"}, {"city": "Islamabad"}, False),
        ({"city": "Geneva"}, {"city": None}, False),
        ({"city": "Geneva"}, None, False),
    ],
)
def test_city_ok(gold, got, ok):
    assert city_ok(gold, got) is ok


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("USA", "United States"),
        ("United States of America", "united states"),
        ("Türkiye", "Turkey"),
        ("Republic of Korea", "South Korea"),
        ("Viet Nam", "Vietnam"),
        ("UK", "United Kingdom"),
    ],
)
def test_country_aliases(a, b):
    assert country_key(a) == country_key(b)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        (
            "Memorandum of Understanding on medical cooperation",
            {"memorandum", "understanding", "medical", "cooperation", "mou"},
        ),
        ("MoU on defence education", {"defence", "education", "mou"}),
        ("Bilateral agreement signed with Iraq", {"iraq"}),
        ("Extradition Treaty", {"extradition", "treaty"}),
    ],
)
def test_agreement_key(name, key):
    assert agreement_key(name) == key


GOLD = {
    "article": "a.txt",
    "officials": [
        {"name": "Amir Hatami"},
        {"name": "Ali Rezaei", "optional": True},
        {"name": "Kenta Morioka"},
    ],
    "not_officials": ["Jane Byline"],
    "statements": [
        {"quote": "We are ready.", "speaker": "Amir Hatami"},
        {"quote": "Never again", "speaker": "Kenta Morioka"},
    ],
    "not_statements": ["one nation, two states"],
    "meetings": [
        {
            "date": None,
            "year_stated": False,
            "city": "Canberra",
            "countries": ["USA", "Japan"],
            "participants": ["Amir Hatami", "Kenta Morioka"],
        }
    ],
    "institutions": [{"name": "Ministry of Defence"}, {"name": "Navy", "optional": True}],
    "agreements": [{"name": "Defence cooperation agreement", "signed": "2024-08-14"}],
}
EXPORT = {
    "officials": [
        {"name": "Hatami", "sources": ["a.txt"]},
        {"name": "Jane Byline", "sources": ["a.txt"]},
        {"name": "Kenta Morioka", "sources": ["other.txt"]},
    ],
    "statements": [
        {"quote": "We are ready", "speaker": "Hatami", "sources": ["a.txt"]},
        {"quote": "one nation, two states", "speaker": None, "sources": ["a.txt"]},
        {"quote": "indirect", "direct": False, "sources": ["a.txt"]},
    ],
    "meetings": [
        {
            "date": "2024-08-14",
            "city": "Canberra",
            "countries": ["United States", "Japan"],
            "participants": ["Hatami", "Somebody Else"],
            "sources": ["a.txt"],
        }
    ],
    "institutions": [{"name": "Ministry of Defense", "sources": ["a.txt"]}],
    "agreements": [
        {"name": "Defence Cooperation Agreement", "signed": "2024-08-14", "sources": ["a.txt"]}
    ],
}


def test_score_counts_as_the_scorer_does():
    card = score(EXPORT, [GOLD, {"note": "no article: skipped"}])
    counts = {k: (t.tp, t.fp, t.fn) for k, t in card.tallies.items()}
    assert card.articles == ["a.txt"]
    assert counts == {
        "officials": (1, 1, 1),  # Morioka is another article's record
        "statements": (1, 1, 1),
        "statement_speaker": (1, 0, 1),
        "meetings": (1, 0, 0),
        "meeting_date": (0, 0, 1),  # a year guessed where the article gives none
        "meeting_city": (1, 0, 0),
        "meeting_countries": (1, 0, 0),
        "meeting_participants": (1, 1, 1),
        "institutions": (1, 0, 0),  # 85% alike
        "agreements": (1, 0, 0),
    }
    assert card.forbidden == [
        "a.txt: official Jane Byline",
        "a.txt: statement one nation, two states",
    ]
    assert card.tallies["officials"].row("officials") == (
        "officials              P=0.50 R=0.50 F1=0.50 (tp=1 fp=1 fn=1)"
    )
    assert card.as_dict()["forbidden"] == card.forbidden
    assert set(card.as_dict()["meetings"]) == {
        "precision",
        "recall",
        "f1",
        "tp",
        "fp",
        "fn",
        "misses",
        "extras",
    }
