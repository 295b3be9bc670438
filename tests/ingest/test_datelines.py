"""Meeting dates: a dateline dates the report, the meeting sentence dates the meeting; a day
and month without a year take it from the published date, and stay year-unknown without one."""

from __future__ import annotations

import datetime

import pytest

from archive.ingest.pipeline import extract_bytes

CASES = [
    (
        "published: 2023-06-09\n\nWARSAW, June 9 (Baltic Wire) – Polish Defence Minister Jan "
        "Nowak met Lithuanian Defence Minister Arvydas Kalnius in Warsaw on Thursday to discuss "
        "air defence.\n",
        datetime.date(2023, 6, 8),
    ),
    (
        "published: 2022-11-03\n\nNAIROBI -- Kenyan Foreign Minister Alfred Mutai held talks "
        "with Ethiopian Foreign Minister Dawit Bekele in Nairobi on 2 November, the ministry "
        "said.\n",
        datetime.date(2022, 11, 2),
    ),
    (
        # Published early in January about a meeting in late December: the previous year.
        "published: 2024-01-04\n\nHANOI – Vietnamese Defence Minister Tran Van Minh received "
        "Lao Defence Minister Somsak Keo in Hanoi on December 28.\n",
        datetime.date(2023, 12, 28),
    ),
    (
        "ANKARA, March 3 (Anatolian Post) – Turkish Foreign Minister Kemal Aydin met Greek "
        "Foreign Minister Nikos Pappas in Ankara on March 2, 2021.\n",
        datetime.date(2021, 3, 2),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_meeting_date_is_the_meeting_sentence_date(text, expected):
    extraction = extract_bytes(text.encode(), file_name="case.txt")
    (meeting,) = extraction.meetings
    assert meeting.start is not None
    assert meeting.start.value == expected
    assert meeting.start.year_known


def test_day_and_month_without_a_published_date_stay_year_unknown():
    text = (
        "LIMA – Peruvian Defence Minister Rosa Quispe met Chilean Defence Minister Pablo Rojas "
        "in Lima on 14 May, the ministry said.\n"
    )
    (meeting,) = extract_bytes(text.encode(), file_name="case.txt").meetings
    assert meeting.start is not None
    assert meeting.start.value is None
    assert not meeting.start.year_known
    assert (meeting.start.month, meeting.start.day) == (5, 14)


def test_a_dateline_is_used_when_the_text_gives_no_other_date():
    text = (
        "published: 2020-02-11\n\nOSLO, Feb. 10 (Nordic Wire) – Norwegian Foreign Minister Ola "
        "Berg met Swedish Foreign Minister Anna Lind in Oslo to discuss Arctic security.\n"
    )
    (meeting,) = extract_bytes(text.encode(), file_name="case.txt").meetings
    assert meeting.start is not None
    assert meeting.start.value == datetime.date(2020, 2, 10)
