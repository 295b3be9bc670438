"""The sign-in lock-out keys on the client behind the trusted proxies and on a username."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from archive.client_ip import client_ip

PASSWORD = "a-long-editor-password"
PROXY = "10.0.0.5"


def request_from(remote: str, forwarded: str | None = None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_a_trusted_proxy_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_from("198.51.100.9", "203.0.113.7")) == "198.51.100.9"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (1, "203.0.113.7", "203.0.113.7"),
        # A client-written entry on the left is not read: the proxy appended the real one.
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),
        (2, "6.6.6.6, 203.0.113.7, 10.1.1.1", "203.0.113.7"),
        (1, "203.0.113.7:51234", "203.0.113.7"),
        (1, "[2001:db8::1]:443", "2001:db8::1"),
        (1, "2001:DB8::1", "2001:db8::1"),
        # Malformed or too short: the socket's address, which nobody else wrote.
        (1, "not-an-address", PROXY),
        (1, "", PROXY),
        (2, "203.0.113.7", PROXY),
        (1, None, PROXY),
    ],
)
def test_the_client_is_the_entry_the_trusted_proxies_wrote(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_ip(request_from(PROXY, forwarded)) == expected


def failed_logins(client: Client, username: str, forwarded: str, times: int) -> None:
    for _ in range(times):
        client.post(
            reverse("admin:login"),
            {"username": username, "password": "wrong"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=forwarded,
        )


@pytest.mark.django_db
def test_one_clients_failures_behind_a_proxy_do_not_lock_out_another(settings, editor):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    settings.TRUSTED_PROXY_COUNT = 1
    login = reverse("admin:login")
    failed_logins(Client(), editor.username, "203.0.113.66", times=3)

    # The attacker is locked out even when it forges an address of its own on the left.
    forged = Client().post(
        login,
        {"username": editor.username, "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.66",
    )
    assert forged.status_code == 429

    # The editor, through the same proxy from another address, still signs in.
    editor_client = Client()
    response = editor_client.post(
        login,
        {"username": editor.username, "password": PASSWORD, "next": "/admin/"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.8",
    )
    assert response.status_code == 302
    assert editor_client.session["_auth_user_id"] == str(editor.pk)


@pytest.mark.django_db
def test_guesses_spread_over_many_addresses_lock_the_username(settings, editor):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_USERNAME_FAILURE_LIMIT = 6
    settings.TRUSTED_PROXY_COUNT = 1
    # Two failures from each of three addresses: no address reaches its own limit of three.
    for last in (1, 2, 3):
        failed_logins(Client(), editor.username, f"203.0.113.{last}", times=2)

    response = Client().post(
        reverse("admin:login"),
        {"username": editor.username, "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.200",
    )
    assert response.status_code == 429


@pytest.mark.django_db
def test_failures_below_the_username_limit_leave_other_addresses_free(settings, editor):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_USERNAME_FAILURE_LIMIT = 6
    settings.TRUSTED_PROXY_COUNT = 1
    for last in (1, 2):
        failed_logins(Client(), editor.username, f"203.0.113.{last}", times=2)

    client = Client()
    response = client.post(
        reverse("admin:login"),
        {"username": editor.username, "password": PASSWORD, "next": "/admin/"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.200",
    )
    assert response.status_code == 302
