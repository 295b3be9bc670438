"""Editing an alias into a clash with another alias is a form error, never a server error."""

from __future__ import annotations

import pytest
from django.urls import reverse

from archive.models import OfficialAlias
from tests.factories import make_official


@pytest.mark.django_db
def test_alias_edit_that_clashes_is_a_form_error(editor_client):
    official = make_official(name="Amir Hatami")
    first = OfficialAlias.objects.create(official=official, name="Hatami", name_key="hatami")
    second = OfficialAlias.objects.create(official=official, name="A. Hatami", name_key="a hatami")
    url = reverse("admin:archive_officialalias_change", args=[second.pk])
    response = editor_client.post(
        url, {"official": official.pk, "name": "HATAMI", "origin": "editor"}
    )
    assert response.status_code == 200
    assert "same name as the alias" in response.content.decode()
    second.refresh_from_db()
    assert second.name == "A. Hatami"
    assert first.name == "Hatami"


@pytest.mark.django_db
def test_alias_edit_without_clash_saves(editor_client):
    official = make_official(name="Amir Hatami")
    alias = OfficialAlias.objects.create(official=official, name="Hatami", name_key="hatami")
    url = reverse("admin:archive_officialalias_change", args=[alias.pk])
    response = editor_client.post(
        url, {"official": official.pk, "name": "Khatami", "origin": "editor"}
    )
    assert response.status_code == 302
    alias.refresh_from_db()
    assert alias.name == "Khatami"
