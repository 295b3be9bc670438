"""The curation rule, one table of cases, and the proof that the importer and the merge
service read the same rule (a choice left at its default is blank to both)."""

from __future__ import annotations

import datetime

import pytest

from archive.curation_rule import Verdict, fill_blanks, is_blank, verdict
from archive.models import Institution, Meeting, Official, ReviewStatus
from archive.services import institution_merge, meeting_merge
from tests.factories import make_institution, make_meeting, make_official

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (ReviewStatus.DRAFT, Verdict.FILL),
        (ReviewStatus.REVIEWED, Verdict.LEAVE),
        (ReviewStatus.REJECTED, Verdict.SUPPRESS),
    ],
)
def test_verdict_follows_the_review_status(status, expected):
    assert verdict(make_official(status=status)) is expected


@pytest.mark.parametrize(
    ("field", "value", "blank"),
    [
        ("title", "", True),
        ("title", None, True),
        ("title", "Minister of Defence", False),
        ("kind", "other", True),  # the unchosen default of a choice
        ("kind", "ministry", False),
        ("country", "", True),
        ("country", "FR", False),
        ("parent", None, True),
    ],
)
def test_what_counts_as_blank(field, value, blank):
    model = Official if field == "title" else Institution
    assert is_blank(model._meta.get_field(field), value) is blank


def test_fill_blanks_never_overwrites_and_says_what_it_set():
    official = make_official(title="Minister of Defence", rank="")
    institution = make_institution(name="Ministry of Defence")
    filled = fill_blanks(
        official,
        {"title": "Deputy Minister", "rank": "General", "institution": institution, "country": ""},
    )
    assert filled == ["rank", "institution"]
    assert official.title == "Minister of Defence"
    assert official.rank == "General"
    assert official.institution_id == institution.pk
    assert official.country.code == "FR"  # a blank value never replaces a filled one


def test_fill_blanks_takes_a_relation_by_primary_key():
    meeting = make_meeting(city="")
    venue = make_institution(name="Ministry of National Defence")
    assert fill_blanks(meeting, {"venue": venue.pk, "city": "Hanoi"}) == ["venue", "city"]
    meeting.save()
    meeting.refresh_from_db()
    assert (meeting.venue_id, meeting.city) == (venue.pk, "Hanoi")


def test_merge_fills_a_default_choice_as_the_importer_does():
    keep = make_institution(name="Armed Forces of Ruritania", kind="other", country="")
    other = make_institution(name="Ruritanian Armed Forces", kind="armed_forces", country="DE")
    institution_merge(keep=keep, merge=[other])
    keep.refresh_from_db()
    assert (keep.kind, keep.country.code) == ("armed_forces", "DE")


def test_merge_never_overwrites_what_the_kept_record_has():
    keep = make_meeting(city="Paris", start_date=datetime.date(2024, 5, 1))
    other = make_meeting(city="Lyon", start_date=datetime.date(2024, 5, 2), summary="Talks.")
    meeting_merge(keep=keep, merge=[other])
    keep.refresh_from_db()
    assert (keep.city, keep.start_date, keep.summary) == (
        "Paris",
        datetime.date(2024, 5, 1),
        "Talks.",
    )
    assert not Meeting.objects.filter(pk=other.pk).exists()
