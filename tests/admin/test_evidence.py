"""Every extracted record keeps how sure the importer was and why; the admin shows both
beside the passage, and editors can take the least certain drafts first."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from archive.models import Agreement, Meeting, Official, Statement
from tests.importing.conftest import run_import

ARTICLE = """published: 2025-05-14

WARSAW – Polish Defence Minister Tomasz Kowalewski met Lithuanian Defence Minister Rasa \
Jankauskienė in Warsaw on Tuesday. At the end of the meeting the two ministers signed a \
memorandum of understanding on air defence training.

"We will train our crews together from June," Kowalewski said.

"Our skies are one sky," the visiting minister said.
"""


@pytest.fixture
def imported(db, tmp_path):
    (tmp_path / "warsaw.txt").write_text(ARTICLE, encoding="utf-8")
    code, _, err = run_import(str(tmp_path))
    assert code == 0, err


@pytest.mark.django_db
@pytest.mark.parametrize("model", [Official, Meeting, Statement, Agreement])
def test_every_extracted_record_has_a_confidence_and_its_reasons(imported, model):
    for record in model.objects.all():
        assert 0.0 < record.confidence <= 1.0
        (entry,) = record.evidence
        assert entry["article"] == "warsaw.txt" and entry["reasons"]


@pytest.mark.django_db
def test_a_role_phrase_speaker_is_less_certain_than_a_named_one(imported):
    named = Statement.objects.get(text__startswith="We will train")
    role = Statement.objects.get(text__startswith="Our skies")
    assert role.speaker.name == "Rasa Jankauskienė"
    assert role.confidence < named.confidence
    assert "role phrase" in " ".join(role.evidence[0]["reasons"])


@pytest.mark.django_db
def test_change_page_shows_the_reasons_beside_the_passage(imported, editor_client):
    meeting = Meeting.objects.get()
    page = editor_client.get(reverse("admin:archive_meeting_change", args=[meeting.pk]))
    html = page.content.decode()
    assert "Why it was extracted" in html
    assert "counted from the front matter (2025-05-14)" in html
    assert 'name="evidence"' not in html  # evidence is the importer's, not an editor's field


@pytest.mark.django_db
def test_statements_list_sorts_by_lowest_confidence_and_filters_low(imported, editor_client):
    url = reverse("admin:archive_statement_changelist")
    column = "2"  # confidence is the second column
    page = editor_client.get(url, {"o": column}).content.decode()
    shown = re.findall(r'class="field-confidence_shown">(\d+)%', page)
    assert shown and shown == sorted(shown, key=int)
    low = editor_client.get(url, {"confidence": "low"})
    assert low.status_code == 200
