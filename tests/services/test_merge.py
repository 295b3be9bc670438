"""Merging duplicates moves every relation to the kept record and loses nothing."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import ValidationError

from archive import services
from archive.ingest.resolve import name_key
from archive.models import (
    AgreementSource,
    Institution,
    InstitutionAlias,
    Meeting,
    MeetingSource,
    MergeRecord,
    Official,
    OfficialAlias,
    OfficialMention,
    Participation,
    Statement,
)
from tests.factories import (
    make_agreement,
    make_article,
    make_institution,
    make_meeting,
    make_mention,
    make_official,
    make_statement,
)

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    """Rows in every table a merge touches."""
    return {
        "statements": Statement.objects.count(),
        "participations": Participation.objects.count(),
        "mentions": OfficialMention.objects.count(),
        "meeting_sources": MeetingSource.objects.count(),
        "agreement_sources": AgreementSource.objects.count(),
        "official_aliases": OfficialAlias.objects.count(),
        "institution_aliases": InstitutionAlias.objects.count(),
        "agreement_meetings": Meeting.agreements.through.objects.count(),
        "institution_articles": Institution.articles.through.objects.count(),
    }


def _alias(official: Official, name: str) -> OfficialAlias:
    return OfficialAlias.objects.create(official=official, name=name, name_key=name_key(name))


def test_official_merge_moves_everything(editor):
    ministry = make_institution(name="Ministry of Defence")
    keep = make_official(name="Mohammad Bagheri", title="", institution=None)
    twin = make_official(name="Mohammed Bagheri", title="Chief of Staff", institution=ministry)
    third = make_official(name="M. Bagheri", rank="Major General")
    a1, a2, a3 = make_article(), make_article(), make_article()
    m_shared, m_twin_only = make_meeting(officials=[keep, twin]), make_meeting(officials=[twin])
    Participation.objects.filter(meeting=m_shared, official=twin).update(role="guest")
    make_meeting(officials=[third])
    make_mention(keep, a1, start=5, end=12)
    make_mention(twin, a1, start=5, end=12)  # same place in the same article: one mention
    make_mention(twin, a2, start=7, end=14)
    make_mention(third, a3, start=1, end=9)
    make_statement(speaker=twin, article=a2)
    make_statement(speaker=third, article=a3)
    make_statement(speaker=keep, article=a1)
    _alias(keep, "Bagheri")
    _alias(twin, "Bagheri")  # the same name twice collapses
    _alias(twin, "General Bagheri Tehrani")
    other = make_official(name="Somebody Else")
    make_statement(speaker=other)
    before = _counts()
    untouched = other.statements.count()

    services.official_merge(keep=keep, merge=[twin, third], user=editor)

    after = _counts()
    assert after["statements"] == before["statements"]
    assert keep.statements.count() == 3
    assert other.statements.count() == untouched
    # keep and twin both took part in m_shared: one participation remains there.
    assert after["participations"] == before["participations"] - 1
    assert keep.participations.count() == 3
    assert set(keep.meetings.values_list("pk", flat=True)) >= {m_shared.pk, m_twin_only.pk}
    assert after["mentions"] == before["mentions"] - 1
    assert set(keep.mentions.values_list("article_id", "start")) == {
        (a1.pk, 5),
        (a2.pk, 7),
        (a3.pk, 1),
    }
    names = set(keep.aliases.values_list("name", flat=True))
    assert {"Bagheri", "General Bagheri Tehrani", "M. Bagheri"} <= names
    # "Mohammed Bagheri" normalises like keep's own name, so it resolves without an alias row;
    # every merged name must resolve to keep one way or the other.
    keys = {keep.name_key, *keep.aliases.values_list("name_key", flat=True)}
    assert name_key("Mohammed Bagheri") in keys and name_key("M. Bagheri") in keys
    assert keep.aliases.get(name="M. Bagheri").origin == OfficialAlias.Origin.MERGE

    keep.refresh_from_db()
    assert keep.institution == ministry  # filled: keep had none
    assert keep.title == "Chief of Staff"
    assert keep.rank == "Major General"
    assert keep.name == "Mohammad Bagheri"  # never overwritten
    assert Official.objects.filter(pk__in=[twin.pk, third.pk]).count() == 0
    assert set(MergeRecord.objects.values_list("model", "old_id", "kept_id", "old_name")) == {
        ("official", twin.pk, keep.pk, "Mohammed Bagheri"),
        ("official", third.pk, keep.pk, "M. Bagheri"),
    }
    assert MergeRecord.objects.filter(merged_by=editor).count() == 2
    entry = LogEntry.objects.get(object_id=str(keep.pk), content_type__model="official")
    assert "Mohammed Bagheri" in entry.change_message and "M. Bagheri" in entry.change_message


def test_collapsed_participation_keeps_facts_keep_lacked():
    keep, twin = make_official(name="Ann Lee"), make_official(name="Anne Lee")
    meeting = make_meeting(officials=[keep, twin])
    Participation.objects.filter(official=twin).update(role="host", title_as_written="Minister")
    Participation.objects.filter(official=keep).update(role="head of delegation")
    services.official_merge(keep=keep, merge=[twin])
    only = Participation.objects.get(meeting=meeting)
    assert only.official == keep
    assert only.role == "head of delegation"  # keep's value wins
    assert only.title_as_written == "Minister"  # the blank is filled


def test_meeting_merge_moves_everything(editor):
    o1, o2, o3 = make_official(name="A One"), make_official(name="B Two"), make_official(name="C")
    a1, a2, a3 = make_article(), make_article(), make_article()
    keep = make_meeting(officials=[o1, o2], articles=[a1], summary="", city="Baghdad")
    dup = make_meeting(
        officials=[o2, o3],
        articles=[a1, a2],
        summary="Talks on border security.",
        city="Bagdad",
        start_date=datetime.date(2024, 5, 2),
    )
    dup2 = make_meeting(officials=[o1], articles=[a3], topics="border, drones")
    s1 = make_statement(meeting=dup, speaker=o3, article=a2)
    s2 = make_statement(meeting=dup2, article=a3)
    make_statement(meeting=keep, article=a1)
    shared, only_dup = make_agreement(), make_agreement()
    shared.meetings.add(keep, dup)
    only_dup.meetings.add(dup2)
    make_meeting(officials=[o1], articles=[a1])  # an unrelated meeting
    before = _counts()

    services.meeting_merge(keep=keep, merge=[dup, dup2], user=editor)

    after = _counts()
    assert after["statements"] == before["statements"]
    assert set(keep.statements.values_list("pk", flat=True)) >= {s1.pk, s2.pk}
    assert keep.statements.count() == 3
    # o2 in both and o1 in keep and dup2: two participations collapse.
    assert after["participations"] == before["participations"] - 2
    assert set(keep.participations.values_list("official_id", flat=True)) == {o1.pk, o2.pk, o3.pk}
    # a1 reported both keep and dup: one source collapses.
    assert after["meeting_sources"] == before["meeting_sources"] - 1
    assert set(keep.sources.values_list("article_id", flat=True)) == {a1.pk, a2.pk, a3.pk}
    assert after["agreement_meetings"] == before["agreement_meetings"] - 1
    assert set(keep.agreements.all()) == {shared, only_dup}
    keep.refresh_from_db()
    assert keep.summary == "Talks on border security."
    assert keep.topics == "border, drones"
    assert keep.city == "Baghdad"
    assert keep.start_date == datetime.date(2024, 5, 1)
    assert not Meeting.objects.filter(pk__in=[dup.pk, dup2.pk]).exists()
    assert MergeRecord.objects.filter(model="meeting", kept_id=keep.pk).count() == 2
    assert LogEntry.objects.filter(object_id=str(keep.pk), content_type__model="meeting").exists()


def test_meeting_dates_are_filled_together():
    keep = make_meeting(start_date=None, date_precision="unknown", date_text="")
    dup = make_meeting(
        start_date=datetime.date(2023, 3, 19),
        end_date=datetime.date(2023, 3, 20),
        date_precision="day",
        date_text="March 19-20, 2023",
    )
    services.meeting_merge(keep=keep, merge=[dup])
    keep.refresh_from_db()
    assert (keep.start_date, keep.end_date, keep.date_precision, keep.date_text) == (
        datetime.date(2023, 3, 19),
        datetime.date(2023, 3, 20),
        "day",
        "March 19-20, 2023",
    )


def test_institution_merge_moves_everything(editor):
    government = make_institution(name="Government of Iraq")
    keep = make_institution(name="Ministry of Defence", country="IQ")
    dup = make_institution(name="Defence Ministry", parent=government, kind="ministry")
    child = make_institution(name="Army Staff College", parent=dup)
    keep.parent = dup  # would point at itself after the merge
    keep.save()
    official = make_official(institution=dup)
    meeting = make_meeting(venue=dup)
    a1, a2 = make_article(), make_article()
    keep.articles.add(a1)
    dup.articles.add(a1, a2)
    InstitutionAlias.objects.create(institution=keep, name="MoD", name_key="mod")
    InstitutionAlias.objects.create(institution=dup, name="MoD", name_key="mod")
    InstitutionAlias.objects.create(institution=dup, name="MOD Iraq", name_key="mod iraq")
    before = _counts()

    services.institution_merge(keep=keep, merge=[dup], user=editor)

    after = _counts()
    keep.refresh_from_db()
    assert keep.parent == government  # its own parent pointed at dup; dup's parent fills it
    assert keep.kind == "ministry"
    assert keep.country == "IQ"
    child.refresh_from_db()
    official.refresh_from_db()
    meeting.refresh_from_db()
    assert (child.parent, official.institution, meeting.venue) == (keep, keep, keep)
    assert after["institution_articles"] == before["institution_articles"] - 1
    assert set(keep.articles.all()) == {a1, a2}
    names = set(keep.aliases.values_list("name", flat=True))
    assert names == {"MoD", "MOD Iraq", "Defence Ministry"}
    assert not Institution.objects.filter(pk=dup.pk).exists()
    assert MergeRecord.objects.get(model="institution").old_name == "Defence Ministry"


def test_chained_merges_point_at_the_last_keeper():
    a, b, c = (make_official(name=n) for n in ("Ann A", "Ann B", "Ann C"))
    services.official_merge(keep=b, merge=[a])
    services.official_merge(keep=c, merge=[b])
    assert dict(MergeRecord.objects.values_list("old_id", "kept_id")) == {a.pk: c.pk, b.pk: c.pk}


@pytest.mark.parametrize("problem", ["keep_in_merge", "empty", "other_model", "duplicate"])
def test_bad_merges_are_refused(problem):
    keep, other = make_official(name="Ann A"), make_official(name="Ann B")
    merge = {
        "keep_in_merge": [keep, other],
        "empty": [],
        "other_model": [make_institution()],
        "duplicate": [other, other],
    }[problem]
    before = Official.objects.count()
    with pytest.raises(ValidationError):
        services.official_merge(keep=keep, merge=merge)
    assert Official.objects.count() == before
    assert not MergeRecord.objects.exists()


def test_a_failing_merge_changes_nothing(monkeypatch):
    keep, dup = make_official(name="Ann A"), make_official(name="Ann B")
    make_statement(speaker=dup)
    make_meeting(officials=[dup])

    def explode(self, *args, **kwargs):
        raise ValidationError("disk full")

    monkeypatch.setattr(MergeRecord, "full_clean", explode)
    with pytest.raises(ValidationError):
        services.official_merge(keep=keep, merge=[dup])
    assert Official.objects.filter(pk=dup.pk).exists()
    assert dup.statements.count() == 1 and dup.participations.count() == 1
    assert not keep.aliases.exists()
