"""Text from articles is data, never markup: escaped on every page, intact in every export."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.urls import reverse

from tests.factories import make_article, make_meeting, make_official, make_statement

SCRIPT = "<script>alert('xss')</script>"
QUOTE_TEXT = f'He said {SCRIPT} & "more" <b>bold</b>'


@pytest.fixture
def hostile(db):
    article = make_article(title=f"Title {SCRIPT}", text=f"Body {SCRIPT} with 'quotes' & \"more\"")
    official = make_official(name=f"Evil {SCRIPT} Name", title="<img src=x onerror=alert(1)>")
    meeting = make_meeting(officials=[official], articles=[article], city=f"City{SCRIPT}")
    statement = make_statement(article=article, speaker=official, meeting=meeting, text=QUOTE_TEXT)
    return {"article": article, "official": official, "meeting": meeting, "statement": statement}


def page_urls(records: dict) -> list[str]:
    return [
        "/",
        reverse("archive:meeting_list"),
        reverse("archive:statement_list"),
        reverse("archive:official_list"),
        reverse("archive:article_list"),
        reverse("archive:statement_list") + "?q=script",
        reverse("archive:search") + "?q=alert",
        records["meeting"].get_absolute_url(),
        records["official"].get_absolute_url(),
        records["statement"].get_absolute_url(),
        records["article"].get_absolute_url(),
    ]


@pytest.mark.django_db
def test_public_pages_escape_article_text(client, hostile):
    for url in page_urls(hostile):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "<script>alert" not in body, url
        assert "<img src=x" not in body, url
        assert "<b>bold</b>" not in body, url


@pytest.mark.django_db
def test_admin_pages_escape_article_text(editor_client, hostile):
    for name, record in (
        ("statement", hostile["statement"]),
        ("official", hostile["official"]),
        ("article", hostile["article"]),
        ("meeting", hostile["meeting"]),
    ):
        for url in (
            reverse(f"admin:archive_{name}_changelist"),
            reverse(f"admin:archive_{name}_change", args=[record.pk]),
        ):
            response = editor_client.get(url)
            assert response.status_code == 200, url
            assert "<script>alert" not in response.content.decode(), url


@pytest.mark.django_db
def test_exports_keep_text_intact(client, hostile):
    url = reverse("archive:statement_list")
    data = json.loads(b"".join(client.get(url, {"format": "json"}).streaming_content))
    rows = data if isinstance(data, list) else data.get("rows") or data.get("results")
    assert any(QUOTE_TEXT in row.values() for row in rows)
    text = b"".join(client.get(url, {"format": "csv"}).streaming_content).decode("utf-8")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert QUOTE_TEXT in cells


@pytest.mark.django_db
def test_export_leaves_a_rejected_speaker_out(client, hostile):
    hostile["official"].status = "rejected"
    hostile["official"].save()
    url = reverse("archive:statement_list")
    text = b"".join(client.get(url, {"format": "csv"}).streaming_content).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and all(row["speaker"] == "" for row in rows)
