"""Reviewing and rejecting change a record's status and nothing else."""

from __future__ import annotations

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import models

from archive import services
from archive.models import Article, Official, OfficialAlias, ReviewStatus
from tests.admin.conftest import build_archive

pytestmark = pytest.mark.django_db

CURATED = ["article", "official", "institution", "meeting", "statement", "agreement"]


def _snapshot(record: models.Model) -> dict:
    """Every stored value of the record, re-read from the database, except status and the
    modification time, which a review is meant to change."""
    fresh = type(record)._base_manager.get(pk=record.pk)
    return {
        f.attname: getattr(fresh, f.attname)
        for f in fresh._meta.concrete_fields
        if f.name not in {"status", "updated_at"}
    }


def _related_rows() -> dict[str, int]:
    """Rows in every archive table, so a review that touched a neighbour would show."""
    from archive.models import record_models

    return {m.__name__: m.objects.count() for m in record_models()}


@pytest.mark.parametrize("name", CURATED)
@pytest.mark.parametrize(
    ("service", "status"),
    [
        (services.record_review, ReviewStatus.REVIEWED),
        (services.record_reject, ReviewStatus.REJECTED),
    ],
)
def test_single_record_status_only(editor, name, service, status):
    record = build_archive()[name]
    neighbour = build_archive()[name]
    before, neighbour_before, rows = _snapshot(record), _snapshot(neighbour), _related_rows()
    # A stale, edited in-memory copy must not leak its edits into the database.
    for field in ("name", "title", "text"):
        if hasattr(record, field):
            setattr(record, field, "edited in memory")

    service(record=record, user=editor)

    fresh = type(record).objects.get(pk=record.pk)
    assert fresh.status == status
    assert _snapshot(record) == before
    assert _snapshot(neighbour) == neighbour_before
    assert type(neighbour).objects.get(pk=neighbour.pk).status == ReviewStatus.DRAFT
    assert _related_rows() == rows
    assert LogEntry.objects.filter(object_id=str(record.pk), user=editor).count() == 1


@pytest.mark.parametrize("name", CURATED)
@pytest.mark.parametrize(
    ("service", "status"),
    [
        (services.records_review, ReviewStatus.REVIEWED),
        (services.records_reject, ReviewStatus.REJECTED),
    ],
)
def test_bulk_status_only(editor, name, service, status):
    chosen = [build_archive()[name] for _ in range(3)]
    left_out = build_archive()[name]
    model = type(left_out)
    before = {r.pk: _snapshot(r) for r in [*chosen, left_out]}

    changed = service(queryset=model.objects.filter(pk__in=[r.pk for r in chosen]), user=editor)

    assert changed == 3
    statuses = dict(model.objects.values_list("pk", "status"))
    assert {statuses[r.pk] for r in chosen} == {status}
    assert statuses[left_out.pk] == ReviewStatus.DRAFT
    assert {pk: _snapshot(model(pk=pk)) for pk in before} == before
    # Again: nothing left to change, nothing logged twice.
    assert service(queryset=model.objects.filter(pk__in=[r.pk for r in chosen])) == 0


def test_reject_then_review_round_trips():
    official = build_archive()["official"]
    services.record_reject(record=official)
    assert Official.objects.visible().filter(pk=official.pk).count() == 0
    services.record_review(record=official)
    assert Official.objects.reviewed().filter(pk=official.pk).count() == 1


def test_records_without_status_are_refused():
    alias = build_archive()["officialalias"]
    with pytest.raises(ValidationError):
        services.record_review(record=alias)
    with pytest.raises(ValidationError):
        services.records_reject(queryset=OfficialAlias.objects.all())


def test_record_save_keeps_derived_fields_in_step():
    article = Article(text="A new text.", file_name="new.txt")
    services.record_save(record=article)
    import hashlib

    assert article.content_hash == hashlib.sha256(b"A new text.").hexdigest()
    official = build_archive()["official"]
    official.name = "Qassem al-Araji"
    services.record_save(record=official)
    from archive.ingest.resolve import name_key

    assert Official.objects.get(pk=official.pk).name_key == name_key("Qassem al-Araji")


def test_adding_a_known_alias_again_is_a_no_op():
    official = build_archive()["official"]
    first = services.record_save(record=OfficialAlias(official=official, name="Al-Araji"))
    again = services.record_save(record=OfficialAlias(official=official, name="al Araji"))
    assert again.pk == first.pk
    assert official.aliases.filter(name_key=first.name_key).count() == 1
