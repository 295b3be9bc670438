"""Backup and restore round-trip the whole archive, curation included."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from archive.archive_json import stream_archive_json
from archive.models import MergeRecord, Official, OfficialAlias, ReviewStatus, Statement

from .factories import (
    make_agreement,
    make_article,
    make_institution,
    make_meeting,
    make_mention,
    make_official,
    make_statement,
)


def export_text() -> str:
    return "".join(stream_archive_json())


@pytest.fixture
def curated_archive(db, django_user_model):
    editor = django_user_model.objects.create_user("curator")
    article = make_article(outlet="Wire", file_name="a.txt")
    institution = make_institution(name="Ministry of Defence", country="FR")
    institution.articles.add(article)
    keep = make_official(name="Anne Martin", status=ReviewStatus.REVIEWED, institution=institution)
    rejected = make_official(name="Wire Service", status=ReviewStatus.REJECTED)
    OfficialAlias.objects.create(official=keep, name="A. Martin", name_key="a martin")
    make_mention(keep, article)
    make_mention(rejected, article)
    meeting = make_meeting(officials=[keep], articles=[article])
    make_statement(article=article, speaker=keep, meeting=meeting, text="We agree.")
    make_statement(article=article, text="=HYPERLINK(x)", status=ReviewStatus.REJECTED)
    agreement = make_agreement(articles=[article])
    agreement.meetings.add(meeting)
    MergeRecord.objects.create(
        model="official", old_id=999, kept_id=keep.pk, old_name="Ann Martin", merged_by=editor
    )
    return keep


@pytest.mark.django_db
def test_backup_and_restore_round_trip(curated_archive, tmp_path):
    before = export_text()
    merges = list(MergeRecord.objects.values("model", "old_id", "kept_id", "old_name"))
    path = tmp_path / "backup.json"
    call_command("backup_archive", str(path), stdout=io.StringIO())
    Official.objects.all().delete()
    Statement.objects.all().delete()
    MergeRecord.objects.all().delete()
    assert export_text() != before
    call_command("restore_archive", str(path), "--no-input", stdout=io.StringIO())
    assert export_text() == before
    assert list(MergeRecord.objects.values("model", "old_id", "kept_id", "old_name")) == merges
    assert Official.objects.get(name="Wire Service").status == ReviewStatus.REJECTED
    assert Official.objects.get(name="Anne Martin").status == ReviewStatus.REVIEWED


@pytest.mark.django_db
def test_restore_refuses_a_file_that_is_not_a_backup(curated_archive, tmp_path):
    before = export_text()
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"meetings": []}), encoding="utf-8")
    with pytest.raises(CommandError, match="not an archive backup"):
        call_command("restore_archive", str(path), "--no-input")
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(CommandError, match="not a readable backup"):
        call_command("restore_archive", str(path), "--no-input")
    assert export_text() == before


@pytest.mark.django_db
def test_a_tampered_backup_with_a_user_row_creates_no_account(
    curated_archive, tmp_path, django_user_model
):
    path = tmp_path / "backup.json"
    call_command("backup_archive", str(path), stdout=io.StringIO())
    data = json.loads(path.read_text(encoding="utf-8"))
    data["rows"].append(
        {
            "model": "auth.user",
            "fields": {
                "username": "intruder",
                "password": "pbkdf2_sha256$1$x$y",
                "is_superuser": True,
                "is_staff": True,
            },
        }
    )
    path.write_text(json.dumps(data), encoding="utf-8")
    before = export_text()
    with pytest.raises(CommandError, match="not archive records"):
        call_command("restore_archive", str(path), "--no-input")
    assert not django_user_model.objects.filter(username="intruder").exists()
    assert export_text() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "damage",
    [
        lambda rows: rows[0]["fields"].update({"no_such_field": 1}),
        lambda rows: rows[0].update({"pk": "not-a-number"}),
        lambda rows: rows[0]["fields"].update({"status": None}),
        lambda rows: rows.append({"model": "archive.official", "pk": 1, "fields": {}}),
        lambda rows: rows[0].pop("fields"),
    ],
    ids=["unknown-field", "bad-key", "null-status", "duplicate-key", "no-fields"],
)
def test_a_damaged_backup_is_refused_with_a_message_and_changes_nothing(
    curated_archive, tmp_path, damage
):
    path = tmp_path / "backup.json"
    call_command("backup_archive", str(path), stdout=io.StringIO())
    data = json.loads(path.read_text(encoding="utf-8"))
    damage(data["rows"])
    path.write_text(json.dumps(data), encoding="utf-8")
    before = export_text()
    with pytest.raises(CommandError):
        call_command("restore_archive", str(path), "--no-input")
    assert export_text() == before


@pytest.mark.django_db
def test_a_restored_archive_backs_up_to_the_same_bytes(curated_archive, tmp_path):
    """Timestamps, statuses and merge records included: a restore is the archive, not a copy."""
    first = tmp_path / "first.json"
    second = tmp_path / "second.json"
    call_command("backup_archive", str(first), stdout=io.StringIO())
    Official.objects.all().delete()
    Statement.objects.all().delete()
    MergeRecord.objects.all().delete()
    call_command("restore_archive", str(first), "--no-input", stdout=io.StringIO())
    call_command("backup_archive", str(second), stdout=io.StringIO())
    assert b'"merged_at"' in first.read_bytes()
    assert second.read_bytes() == first.read_bytes()
