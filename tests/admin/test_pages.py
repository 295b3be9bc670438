"""Every admin page an editor uses renders, changelists cost the same for 1 or many rows, and
editors cannot reach user or group management."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.models import ReviewStatus, Statement, record_models
from tests.admin.conftest import build_archive
from tests.factories import make_article, make_statement

ARCHIVE_ADMINS = sorted(
    (
        model._meta.model_name
        for model in admin.site._registry
        if model._meta.app_label == "archive"
    ),
)


def _url(name: str, view: str, *args) -> str:
    return reverse(f"admin:archive_{name}_{view}", args=args)


def test_every_archive_model_is_registered():
    models = {m._meta.model_name for m in record_models()}
    assert models <= set(ARCHIVE_ADMINS)
    assert len(ARCHIVE_ADMINS) == 13


@pytest.mark.parametrize("name", ARCHIVE_ADMINS)
def test_changelist_renders_for_editor(editor_client, archive, name):
    response = editor_client.get(_url(name, "changelist"))
    assert response.status_code == 200
    assert response.context["cl"].result_count >= 1


@pytest.mark.parametrize("name", ARCHIVE_ADMINS)
def test_changelist_search_renders(editor_client, archive, name):
    response = editor_client.get(_url(name, "changelist"), {"q": "Martin"})
    assert response.status_code == 200


@pytest.mark.parametrize("name", ARCHIVE_ADMINS)
def test_change_page_renders_for_editor(editor_client, archive, name):
    response = editor_client.get(_url(name, "change", archive[name].pk))
    assert response.status_code == 200
    assert response.context["original"] == archive[name]


@pytest.mark.parametrize("name", ARCHIVE_ADMINS)
def test_add_page_renders_for_editor(editor_client, rf, editor, name):
    model = apps.get_model("archive", name)
    request = rf.get("/")
    request.user = editor
    allowed = admin.site._registry[model].has_add_permission(request)
    response = editor_client.get(_url(name, "add"))
    # Merge records are written by merges alone: nobody adds one by hand.
    assert response.status_code == (200 if allowed else 403)
    assert allowed == (name != "mergerecord")


@pytest.mark.parametrize("name", ARCHIVE_ADMINS)
def test_changelist_queries_do_not_grow_with_rows(
    editor_client, db, name, django_assert_max_num_queries
):
    build_archive()
    url = _url(name, "changelist")
    with CaptureQueriesContext(connection) as one:
        response = editor_client.get(url)
    assert response.status_code == 200
    per_build = response.context["cl"].result_count
    for _ in range(12):
        build_archive()
    with django_assert_max_num_queries(len(one)):
        response = editor_client.get(url)
    assert response.context["cl"].result_count == 13 * per_build


@pytest.mark.parametrize(
    "path", ["/admin/auth/user/", "/admin/auth/group/", "/admin/auth/user/add/"]
)
def test_editor_cannot_manage_users_or_groups(editor_client, path):
    assert editor_client.get(path).status_code == 403


def test_admin_index_hides_auth_from_editors(editor_client):
    response = editor_client.get("/admin/")
    assert response.status_code == 200
    apps_shown = {app["app_label"] for app in response.context["app_list"]}
    assert apps_shown == {"archive"}


def test_anonymous_is_sent_to_login(client):
    response = client.get(_url("official", "changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_passage_is_highlighted_and_escaped(editor_client):
    text = "Before the talks. <script>alert('x')</script> said the minister. After."
    article = make_article(text=text)
    start = text.index("<script>")
    end = text.index(" said")
    statement = make_statement(article=article, text="quoted", start=start, end=end)
    response = editor_client.get(_url("statement", "change", statement.pk))
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<mark>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</mark>" in html
    assert "Before the talks. " in html and " said the minister. After." in html


def test_official_page_shows_every_mention_passage(editor_client, archive):
    official = archive["official"]
    response = editor_client.get(_url("official", "change", official.pk))
    html = response.content.decode()
    passage = archive["officialmention"].passage
    assert passage and f"<mark>{passage}</mark>" in html
    # The article's markup is text here, not HTML.
    assert "&lt;b&gt;training&lt;/b&gt;" in html


def test_meeting_change_page_has_its_inlines(editor_client, archive):
    response = editor_client.get(_url("meeting", "change", archive["meeting"].pk))
    prefixes = {formset.formset.prefix for formset in response.context["inline_admin_formsets"]}
    assert prefixes == {"participations", "sources", "statements"}


def test_review_and_reject_actions(editor_client, archive):
    statement = archive["statement"]
    url = _url("statement", "changelist")
    data = {"action": "mark_reviewed", "_selected_action": [statement.pk]}
    assert editor_client.post(url, data).status_code == 302
    assert Statement.objects.get(pk=statement.pk).status == ReviewStatus.REVIEWED
    data["action"] = "reject"
    assert editor_client.post(url, data).status_code == 302
    assert Statement.objects.get(pk=statement.pk).status == ReviewStatus.REJECTED


def test_editing_a_name_refreshes_its_key(editor_client, archive):
    official = archive["official"]
    url = _url("official", "change", official.pk)
    form = editor_client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {
            "name": "Mohammed al-Araji",
            "country": "IQ",
            "institution": official.institution_id,
            "status": "draft",
            "is_official": "on",
            "aliases-TOTAL_FORMS": 1,
            "aliases-INITIAL_FORMS": 1,
            "aliases-0-id": archive["officialalias"].pk,
            "aliases-0-official": official.pk,
            "aliases-0-name": "Araji",
            "aliases-0-origin": "article",
            "mentions-TOTAL_FORMS": 0,
            "mentions-INITIAL_FORMS": 0,
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    official.refresh_from_db()
    from archive.ingest.resolve import name_key

    assert official.name_key == name_key("Mohammed al-Araji")
    assert official.aliases.get().name_key == name_key("Araji")


def test_dashboard_links_the_import_page(editor_client):
    html = editor_client.get("/admin/").content.decode()
    assert f'href="{reverse("admin_archive_import")}"' in html
