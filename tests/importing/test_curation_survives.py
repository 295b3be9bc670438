"""Editors' merges and rejections survive re-imports, through the real services."""

from __future__ import annotations

import pytest

from archive.models import Meeting, MergeRecord, Official, ReviewStatus, Statement
from archive.services import meeting_merge, official_merge, record_reject, record_review

from .conftest import SEEDS, run_import


@pytest.mark.django_db
def test_merged_official_stays_merged_after_reprocessing(seeded):
    keep = Official.objects.get(name="Mohammad Bagheri")
    duplicate = Official.objects.get(name="Abdolrahim Mousavi")  # merged for the test's sake
    statements = set(duplicate.statements.values_list("pk", flat=True))
    official_merge(keep=keep, merge=[duplicate])
    assert MergeRecord.objects.filter(model="official", kept_id=keep.pk).exists()

    code, _, err = run_import("--reprocess", str(SEEDS))
    assert code == 0, err
    assert not Official.objects.filter(name="Abdolrahim Mousavi").exists()
    assert statements <= set(keep.statements.values_list("pk", flat=True))
    assert keep.aliases.filter(name="Abdolrahim Mousavi").exists()


@pytest.mark.django_db
def test_merged_name_in_a_new_article_resolves_to_the_kept_official(seeded, tmp_path):
    keep = Official.objects.get(name="Mohammad Bagheri")
    official_merge(keep=keep, merge=[Official.objects.get(name="Abdolrahim Mousavi")])
    path = tmp_path / "later.txt"
    path.write_text(
        "TEHRAN – Chief of Staff of Iran's Armed Forces Major General Abdolrahim Mousavi met "
        "Iraqi Defense Minister Thabet al-Abbasi in Tehran on 3 May 2025.\n",
        encoding="utf-8",
    )
    code, _, err = run_import(str(path))
    assert code == 0, err
    assert not Official.objects.filter(name="Abdolrahim Mousavi").exists()
    assert keep.mentions.filter(article__file_name="later.txt").exists()


@pytest.mark.django_db
def test_merged_meeting_stays_one_meeting(seeded):
    first, second = Meeting.objects.order_by("pk")[:2]
    meeting_merge(keep=first, merge=[second])
    count = Meeting.objects.count()
    code, _, err = run_import("--reprocess", str(SEEDS))
    assert code == 0, err
    assert Meeting.objects.count() == count


@pytest.mark.django_db
def test_rejected_official_is_not_recreated_by_a_new_article(seeded, tmp_path):
    rejected = record_reject(record=Official.objects.get(name="Qassem al-Araji"))
    path = tmp_path / "araji.txt"
    path.write_text(
        "BAGHDAD – Iraq's National Security Advisor Qassem al-Araji met Iranian Foreign Minister "
        "Abbas Araghchi in Baghdad on 4 June 2025.\n"
        '"We will not allow our territory to be used against Iran," al-Araji said.\n',
        encoding="utf-8",
    )
    code, _, err = run_import(str(path))
    assert code == 0, err
    assert list(Official.objects.filter(name__icontains="Araji")) == [rejected]
    assert rejected.status == ReviewStatus.REJECTED
    quote = Statement.objects.get(article__file_name="araji.txt", text__startswith="We will")
    assert quote.speaker is None  # never attributed to the rejected record


@pytest.mark.django_db
def test_a_pasted_copy_of_an_article_changes_no_curated_record(seeded, tmp_path):
    """The issue's case: a merged name and a reviewed meeting, then the same text pasted again."""
    keep = Official.objects.get(name="Mohammad Bagheri")
    official_merge(keep=keep, merge=[Official.objects.get(name="Abdolrahim Mousavi")])
    meeting = keep.meetings.order_by("pk").first()
    record_review(record=meeting)
    before = {
        "officials": Official.objects.count(),
        "statements": Statement.objects.count(),
        "meetings": Meeting.objects.count(),
        "participants": sorted(meeting.officials.values_list("pk", flat=True)),
        "sources": sorted(meeting.articles.values_list("pk", flat=True)),
    }
    source = meeting.articles.order_by("pk").first()
    pasted = tmp_path / "pasted.txt"
    pasted.write_text(source.text.replace("\n", "\r\n") + "\n", encoding="utf-8")

    code, _, err = run_import(str(pasted))
    assert code == 0, err
    meeting.refresh_from_db()
    after = {
        "officials": Official.objects.count(),
        "statements": Statement.objects.count(),
        "meetings": Meeting.objects.count(),
        "participants": sorted(meeting.officials.values_list("pk", flat=True)),
        "sources": sorted(meeting.articles.values_list("pk", flat=True)),
    }
    assert after == before
    assert not Official.objects.filter(name="Abdolrahim Mousavi").exists()
    assert meeting.status == ReviewStatus.REVIEWED
