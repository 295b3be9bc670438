"""The merge flow an editor goes through: select duplicates, confirm on a page, get redirected."""

from __future__ import annotations

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.urls import reverse

from archive.models import Institution, Meeting, MergeRecord, Official, OfficialAlias
from tests.factories import make_institution, make_meeting, make_official


def _changelist(name: str) -> str:
    return reverse(f"admin:archive_{name}_changelist")


@pytest.mark.parametrize(
    ("name", "model", "make"),
    [
        ("official", Official, lambda i: make_official(name=f"Ali Shamkhani {i}")),
        ("institution", Institution, lambda i: make_institution(name=f"Defence Council {i}")),
        ("meeting", Meeting, lambda i: make_meeting(title=f"Talks in Baghdad {i}")),
    ],
)
def test_select_confirm_merge(editor_client, editor, name, model, make):
    records = [make(i) for i in range(3)]
    keep, *merged = records
    selected = [r.pk for r in records]
    url = _changelist(name)

    page = editor_client.post(url, {"action": "merge_selected", "_selected_action": selected})
    assert page.status_code == 200
    assert page.templates[0].name == "admin/archive/merge_confirm.html"
    html = page.content.decode()
    for record in records:
        assert str(record) in html
        assert f'name="keep" value="{record.pk}"' in html
    assert "csrfmiddlewaretoken" in html
    assert model.objects.count() == 3  # nothing happens before the editor confirms

    done = editor_client.post(
        url,
        {
            "action": "merge_selected",
            "_selected_action": selected,
            "confirm": "yes",
            "keep": keep.pk,
        },
    )
    assert done.status_code == 302
    assert done["Location"] == reverse(f"admin:archive_{name}_change", args=[keep.pk])
    assert list(model.objects.values_list("pk", flat=True)) == [keep.pk]
    assert set(MergeRecord.objects.values_list("model", "old_id", "kept_id")) == {
        (name, m.pk, keep.pk) for m in merged
    }
    entry = LogEntry.objects.get(object_id=str(keep.pk), content_type__model=name)
    assert entry.user == editor and "Merged" in entry.get_change_message()


def test_confirm_without_choice_merges_nothing(editor_client):
    a, b = make_official(name="Ann One"), make_official(name="Ann Two")
    response = editor_client.post(
        _changelist("official"),
        {"action": "merge_selected", "_selected_action": [a.pk, b.pk], "confirm": "yes"},
    )
    assert response.status_code == 200
    assert "Choose the record to keep." in response.content.decode()
    assert Official.objects.count() == 2


def test_keep_must_be_one_of_the_selected(editor_client):
    a, b, other = (make_official(name=n) for n in ("Ann One", "Ann Two", "Bob Three"))
    editor_client.post(
        _changelist("official"),
        {
            "action": "merge_selected",
            "_selected_action": [a.pk, b.pk],
            "confirm": "yes",
            "keep": other.pk,
        },
    )
    assert Official.objects.count() == 3


def test_one_record_is_not_a_merge(editor_client):
    a = make_official(name="Ann One")
    response = editor_client.post(
        _changelist("official"), {"action": "merge_selected", "_selected_action": [a.pk]}
    )
    assert response.status_code == 302
    assert Official.objects.count() == 1
    assert not OfficialAlias.objects.exists()


def test_confirmation_needs_the_csrf_token(editor):
    a, b = make_official(name="Ann One"), make_official(name="Ann Two")
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(
        _changelist("official"),
        {
            "action": "merge_selected",
            "_selected_action": [a.pk, b.pk],
            "confirm": "yes",
            "keep": a.pk,
        },
    )
    assert response.status_code == 403
    assert Official.objects.count() == 2


def test_old_url_of_a_merged_record_redirects_to_the_kept_one(editor_client, client):
    keep, gone = make_official(name="Ann One"), make_official(name="Ann Two")
    editor_client.post(
        _changelist("official"),
        {
            "action": "merge_selected",
            "_selected_action": [keep.pk, gone.pk],
            "confirm": "yes",
            "keep": keep.pk,
        },
    )
    response = client.get(reverse("archive:official_detail", args=[gone.pk]))
    assert response.status_code == 301
    assert response["Location"].endswith(reverse("archive:official_detail", args=[keep.pk]))
