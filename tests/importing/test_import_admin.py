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
    assert 'name="stage"' in page
    assert "staged_content" not in page  # the texts wait on the server, not in the form
    assert Article.objects.count() == 0
    assert Meeting.objects.count() == 0


@pytest.mark.django_db
def test_confirm_imports_what_was_previewed(editor_client):
    preview = editor_client.post(URL, {"files": [seed_upload("002_d52adfc3ec78ccc8.txt")]})
    staged = preview.context["staged"]
    assert [name for name, _ in staged] == ["002_d52adfc3ec78ccc8.txt"]
    response = editor_client.post(URL, {"confirm": "1", "stage": preview.context["stage"]})
    assert response.status_code == 302
    assert Article.objects.get().file_name == "002_d52adfc3ec78ccc8.txt"
    assert Statement.objects.filter(speaker__name="Qassem al-Araji").exists()

    # A second confirm of the same preview imports nothing more.
    again = editor_client.post(
        URL, {"confirm": "1", "stage": preview.context["stage"]}, follow=True
    )
    assert "already imported or has expired" in again.content.decode()
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_files_whose_texts_exceed_the_request_limit_are_confirmed(editor_client, settings):
    """Confirm carries a token, so a preview Django accepted is never refused at confirm."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 50_000
    text = (SEEDS / "002_d52adfc3ec78ccc8.txt").read_text(encoding="utf-8")
    padding = "\n".join(["Background paragraph without news in it."] * 1_500)
    uploads = [
        SimpleUploadedFile(f"long-{n}.txt", f"{text}\n{padding} {n}\n".encode(), "text/plain")
        for n in range(3)
    ]
    assert sum(upload.size for upload in uploads) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    preview = editor_client.post(URL, {"files": uploads})
    assert preview.status_code == 200
    response = editor_client.post(URL, {"confirm": "1", "stage": preview.context["stage"]})
    assert response.status_code == 302
    assert Article.objects.count() == 3


@pytest.mark.django_db
def test_another_editor_cannot_confirm_a_preview(editor_client, django_user_model, client):
    preview = editor_client.post(URL, {"files": [seed_upload("002_d52adfc3ec78ccc8.txt")]})
    other = django_user_model.objects.create_superuser("other", "o@example.org", "pw-other-123")
    client.force_login(other)
    response = client.post(URL, {"confirm": "1", "stage": preview.context["stage"]}, follow=True)
    assert "already imported or has expired" in response.content.decode()
    assert Article.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["", "../../etc", "x" * 40, "a/b"])
def test_a_forged_stage_token_imports_nothing(editor_client, token):
    response = editor_client.post(URL, {"confirm": "1", "stage": token}, follow=True)
    assert response.status_code == 200
    assert "Upload the articles again" in response.content.decode()
    assert Article.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_preview_extracts_outside_any_transaction(editor_client, monkeypatch):
    """The slow part of a preview must not hold the database's write lock."""
    from django.db import connection

    from archive import importing

    seen = []
    real = importing.extract_bytes

    def spy(*args, **kwargs):
        seen.append(connection.in_atomic_block)
        return real(*args, **kwargs)

    monkeypatch.setattr(importing, "extract_bytes", spy)
    editor_client.post(URL, {"files": [seed_upload("002_d52adfc3ec78ccc8.txt")]})
    assert seen == [False]


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
    assert response.context["stage"] == ""


@pytest.mark.django_db
def test_empty_form_is_an_error(editor_client):
    response = editor_client.post(URL, {})
    assert response.status_code == 200
    assert "Choose at least one file" in response.content.decode()


@pytest.mark.django_db
def test_confirm_writes_the_previews_extraction_without_extracting_again(
    editor_client, monkeypatch
):
    preview = editor_client.post(URL, {"files": [seed_upload("002_d52adfc3ec78ccc8.txt")]})
    import archive.importing

    def no_second_extraction(*args, **kwargs):
        raise AssertionError("confirm extracted the article again")

    monkeypatch.setattr(archive.importing, "extract_bytes", no_second_extraction)
    response = editor_client.post(URL, {"confirm": "1", "stage": preview.context["stage"]})
    assert response.status_code == 302
    assert Statement.objects.filter(speaker__name="Qassem al-Araji").exists()


@pytest.mark.django_db
def test_a_kept_extraction_that_cannot_be_read_is_extracted_again(editor_client, settings):
    preview = editor_client.post(URL, {"files": [seed_upload("002_d52adfc3ec78ccc8.txt")]})
    token = preview.context["stage"]
    # As after an upgrade between preview and confirm: the kept extraction is unreadable.
    (settings.ARCHIVE_IMPORT_STAGING_DIR / token / "0.extraction").write_bytes(b"not a pickle")
    response = editor_client.post(URL, {"confirm": "1", "stage": token})
    assert response.status_code == 302
    assert Statement.objects.filter(speaker__name="Qassem al-Araji").exists()
