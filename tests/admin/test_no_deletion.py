"""Editors reject records and never delete them, and merges are history: a deleted false
positive would come back at the next import, a deleted merge would break permanent links."""

from __future__ import annotations

import pytest
from django.urls import reverse

from archive.models import MergeRecord, Official
from tests.admin.conftest import build_archive


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["official", "meeting", "statement", "agreement", "mergerecord"])
def test_no_delete_page_for_curated_records_or_merges(editor_client, name):
    archive = build_archive()
    record = archive[name]
    response = editor_client.get(reverse(f"admin:archive_{name}_delete", args=[record.pk]))
    assert response.status_code == 403
    changelist = editor_client.get(reverse(f"admin:archive_{name}_changelist")).content.decode()
    assert 'value="delete_selected"' not in changelist


@pytest.mark.django_db
def test_a_post_to_delete_leaves_the_record(editor_client):
    archive = build_archive()
    official = archive["official"]
    editor_client.post(
        reverse("admin:archive_official_delete", args=[official.pk]), {"post": "yes"}
    )
    assert Official.objects.filter(pk=official.pk).exists()
    assert MergeRecord.objects.exists()
