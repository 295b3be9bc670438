"""The admin page "Import articles": preview writes nothing, confirm imports."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from archive.models import Article, Meeting, Statement

from .conftest import SEEDS

URL = reverse("admin_archive_import")


def seed_upload(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (SEEDS / name).read_bytes(), content_type="text/plain")


@pytest.mark.django_db
def test_page_renders_for_an_editor(editor_client):
    response = editor_client.get(URL)
    assert response.status_code == 200
    assert b"Preview import" in response.content


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_preview_writes_nothing_and_lists_records(editor_client):
    response = editor_client.post(
        URL,
        {
            "files": [
                seed_upload("002_d52adfc3ec78ccc8.txt"),
                seed_upload("003_55e5600d96472930.txt"),
            ]
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Preview" in page
    assert "Qassem al-Araji" in page
    assert "new" in page
    assert 'name="staged_content"' in page
    assert Article.objects.count() == 0
    assert Meeting.objects.count() == 0


@pytest.mark.django_db
def test_confirm_imports_what_was_previewed(editor_client):
    preview = editor_client.post(URL, {"files": [seed_upload("002_d52adfc3ec78ccc8.txt")]})
    staged = preview.context["staged"]
    assert [item["name"] for item in staged] == ["002_d52adfc3ec78ccc8.txt"]
    response = editor_client.post(
        URL,
        {
            "confirm": "1",
            "staged_name": [item["name"] for item in staged],
            "staged_content": [item["content"] for item in staged],
        },
    )
    assert response.status_code == 302
    assert Article.objects.get().file_name == "002_d52adfc3ec78ccc8.txt"
    assert Statement.objects.filter(speaker__name="Qassem al-Araji").exists()


@pytest.mark.django_db
def test_preview_marks_reviewed_records_left_alone(editor_client, seeded):
    Meeting.objects.update(status="reviewed")
    response = editor_client.post(
        URL,
        {
            "text": (SEEDS / "004_1e80e909156e89ed.txt").read_text(encoding="utf-8") + "\nUpdated.",
            "text_name": "004-updated.txt",
        },
    )
    assert response.status_code == 200
    actions = {(c.kind, c.action) for o in response.context["report"].outcomes for c in o.changes}
    assert ("meetings", "left alone") in actions


@pytest.mark.django_db
def test_bad_upload_is_reported_and_not_staged(editor_client):
    response = editor_client.post(
        URL,
        {
            "files": [
                SimpleUploadedFile("bad.txt", b"\x00\x01\x02binary", content_type="text/plain")
            ]
        },
    )
    assert response.status_code == 200
    assert "bad.txt" in response.content.decode()
    assert response.context["staged"] == []


@pytest.mark.django_db
def test_empty_form_is_an_error(editor_client):
    response = editor_client.post(URL, {})
    assert response.status_code == 200
    assert "Choose at least one file" in response.content.decode()
