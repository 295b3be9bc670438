"""Cross-article matching: transliterations, surnames, titles, one meeting in two reports."""

from __future__ import annotations

from datetime import date

import pytest

from archive.ingest.resolve import (
    MeetingRef,
    PersonRef,
    meetings_compatible,
    name_key,
    names_compatible,
    person_match_score,
    titles_compatible,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mohammad Bagheri", "Muhammad Bagheri"),
        ("Qassem al-Araji", "Qassem Al Araji"),
        ("Ali Shamkhani", "Ali Shamhani"),
        ("Major General Mohammad Bagheri", "Mohammed Bagheri"),
        ("José Müller", "Jose Muller"),
    ],
)
def test_name_key_unifies_variants(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b", "high"),
    [
        ("Khatami", "Amir Hatami", True),
        ("Shamhani", "Ali Shamkhani", True),
        ("Juma Inad", "Juma Inad Saadoun", True),
        ("Bagheri", "Mohammad Bagheri", True),
        ("Ali Shamkhani", "Ali Larijani", False),
        ("Sergey Lavrov", "Sergei Lavrov", True),
        ("Emmanuel Macron", "Emmanuel Bonne", False),
    ],
)
def test_names_compatible(a, b, high):
    score = names_compatible([a], [b])
    assert (score >= 0.8) is high, score


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Chief of Staff of the Iranian Armed Forces", "Iranian Armed Forces Chief of Staff", True),
        ("Chief of Staff of Iran's Armed Forces", "Iranian Armed Forces Chief of Staff", True),
        ("Minister of Defence", "Defense Minister", True),
        ("President", "Vice President", False),
        ("Defense Minister", "Minister of Interior", False),
        ("Foreign Minister", "Minister of Foreign Affairs", True),
    ],
)
def test_titles_compatible(a, b, same):
    assert titles_compatible(a, b) is same


def test_surname_needs_country_and_title():
    full = PersonRef(("Amir Hatami", "Hatami"), "IR", "Defense Minister")
    assert person_match_score(PersonRef(("Khatami",), "IR", "Defense Minister"), full) >= 0.75
    assert person_match_score(PersonRef(("Hatami",), "IQ", "Defense Minister"), full) == 0
    assert person_match_score(PersonRef(("Hatami",), None, "Foreign Minister"), full) < 0.75


def test_one_visit_reported_twice_is_one_meeting():
    hatami = PersonRef(("Amir Hatami",), "IR", "Defense Minister")
    inad = PersonRef(("Juma Inad Saadoun",), "IQ", "Defense Minister")
    report_a = MeetingRef(
        month=11,
        day=14,
        city="Tehran",
        countries=("IR", "IQ"),
        participants=(
            PersonRef(("Khatami",), "IR", "Defense Minister"),
            PersonRef(("Juma Inad",), "IQ", "Defense Minister"),
        ),
    )
    report_b = MeetingRef(city="Tehran", countries=("IQ", "IR"), participants=(hatami, inad))
    assert meetings_compatible(report_a, report_b) >= 0.7
    elsewhere = MeetingRef(
        date(2020, 11, 14), city="Baghdad", countries=("IR", "IQ"), participants=(hatami, inad)
    )
    assert meetings_compatible(report_a, elsewhere) == 0
    later = MeetingRef(date(2021, 3, 1), countries=("IR", "IQ"), participants=(hatami,))
    dated = MeetingRef(
        date(2020, 11, 14), date(2020, 11, 15), countries=("IR", "IQ"), participants=(hatami,)
    )
    assert meetings_compatible(dated, later) == 0
