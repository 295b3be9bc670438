"""Who may do what: sign-in throttling, a read-only public site, CSRF on every form that writes."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from archive.models import Article, Meeting, Official, Statement
from tests.factories import make_article, make_meeting, make_official, make_statement

PASSWORD = "a-long-editor-password"


@pytest.mark.django_db
def test_repeated_failed_logins_are_throttled(settings, editor):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    client = Client()
    login = reverse("admin:login")
    for _ in range(3):
        response = client.post(login, {"username": editor.username, "password": "wrong"})
        assert response.status_code in (200, 429)
    # Even the right password is refused while the lock-out lasts.
    response = client.post(login, {"username": editor.username, "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_right_password_works_below_the_limit(settings, editor):
    settings.AXES_ENABLED = True
    client = Client()
    login = reverse("admin:login")
    client.post(login, {"username": editor.username, "password": "wrong"})
    response = client.post(
        login, {"username": editor.username, "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


@pytest.fixture
def records(db):
    official = make_official(name="Anna Example")
    article = make_article()
    meeting = make_meeting(officials=[official], articles=[article])
    statement = make_statement(article=article, speaker=official, meeting=meeting)
    return [official, article, meeting, statement]


def counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in (Article, Meeting, Official, Statement)}


@pytest.mark.django_db
def test_public_site_is_read_only(client, records):
    before = counts()
    urls = ["/", "/search/?q=example", "/about/data/"]
    for kind in ("meeting", "official", "institution", "statement", "agreement", "article"):
        urls.append(reverse(f"archive:{kind}_list"))
        urls.append(reverse(f"archive:{kind}_list") + "?format=csv")
    urls += [record.get_absolute_url() for record in records]
    for url in urls:
        assert client.get(url).status_code in (200, 301, 302), url
        assert client.post(url, {"status": "rejected"}).status_code in (403, 405), url
    assert counts() == before


@pytest.mark.django_db
def test_admin_forms_need_csrf(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    official = make_official(name="Csrf Target")
    response = client.post(
        reverse("admin:archive_official_change", args=[official.pk]), {"name": "Changed"}
    )
    assert response.status_code == 403
    official.refresh_from_db()
    assert official.name == "Csrf Target"


@pytest.mark.django_db
def test_only_staff_reach_the_admin(django_user_model):
    user = django_user_model.objects.create_user("reader", password="a-long-reader-password")
    client = Client()
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
    response = client.get(reverse("admin_archive_import"))
    assert response.status_code == 302
