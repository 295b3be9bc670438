"""Dates keep their precision; a year the text does not give is never guessed."""

from __future__ import annotations

from datetime import date

import pytest

from archive.ingest.dates import find_dates, parse_date


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("on 22 October 2025 in Paris", "2025-10-22", "day"),
        ("on Oct. 22, 2025, in Paris", "2025-10-22", "day"),
        ("on October 22, 2025 in Paris", "2025-10-22", "day"),
        ("on 2025-10-22 in Paris", "2025-10-22", "day"),
        ("On Wednesday, October 22, 2025, they met", "2025-10-22", "day"),
        ("the 22nd of October, 2025", "2025-10-22", "day"),
        ("in June 2025 after", "2025-06", "month"),
        ("in 2023 the pact", "2023", "year"),
    ],
)
def test_absolute_dates(text, iso, precision):
    (mention,) = find_dates(text)
    assert mention.start.iso == iso
    assert mention.start.precision == precision


@pytest.mark.parametrize(
    ("text", "month", "day", "end_day"),
    [
        ("14th and 15th November , the minister", 11, 14, 15),
        ("from 14-15 November the talks", 11, 14, 15),
        ("on November 14 and 15 they met", 11, 14, 15),
        ("on October 18 this year", 10, 18, None),
    ],
)
def test_day_and_month_without_year(text, month, day, end_day):
    (mention,) = find_dates(text)
    assert mention.start.value is None and not mention.start.year_known
    assert (mention.start.month, mention.start.day) == (month, day)
    assert (mention.end.day if mention.end else None) == end_day


@pytest.mark.parametrize(
    ("text", "published", "iso"),
    [
        ("held talks on Sunday", date(2020, 11, 16), "2020-11-15"),
        ("held talks on Sunday", None, None),
        ("arrived yesterday", date(2025, 3, 2), "2025-03-01"),
        ("signed last month", date(2025, 3, 2), "2025-02"),
        ("signed last month", None, None),
        ("on October 18 this year", date(2020, 11, 16), "2020-10-18"),
    ],
)
def test_relative_dates_need_a_publication_date(text, published, iso):
    (mention,) = find_dates(text, published=published)
    assert mention.start.iso == iso
    assert mention.start.text  # kept as written either way


def test_parse_date_reads_front_matter_dates():
    assert parse_date("2025-10-22").value == date(2025, 10, 22)
    assert parse_date("no date here") is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("14 MAY 2026, 16:48", "2026-05-14"),
        ("MAY 14, 2026", "2026-05-14"),
        ("For release: 2024. 11. 20. 15:00", "2024-11-20"),
        ("2024/11/20", "2024-11-20"),
        ("2024.10.10.", "2024-10-10"),
    ],
)
def test_dates_in_capitals_and_year_first(text, iso):
    assert parse_date(text).iso == iso


def test_a_month_name_in_lower_case_is_a_verb():
    assert parse_date("they may 5 times") is None


@pytest.mark.parametrize("phrase", ["This morning", "this afternoon", "earlier today", "tonight"])
def test_parts_of_today_are_the_reference_day(phrase):
    text = f"{phrase} the ministers held a long meeting."
    (mention,) = find_dates(text, 0, len(text), published=date(2024, 11, 21))
    assert mention.start.value == date(2024, 11, 21)
