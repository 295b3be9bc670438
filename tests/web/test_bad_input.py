"""Bad input gives a page with a form error or an empty result, never a server error."""

from __future__ import annotations

import pytest

LONG = "security " * 1200  # about 10,000 characters

URLS = [
    "/meetings/?date_after=2025-13-45",
    "/meetings/?date_before=yesterday",
    "/meetings/?official=999999",
    "/meetings/?official=abc",
    "/meetings/?institution=999999",
    "/meetings/?country=XX",
    "/meetings/?country=IQ&country=IR",
    "/meetings/?kind=nonsense",
    "/meetings/?sort=password",
    "/meetings/?sort=-date&sort=city",
    "/meetings/?_next=garbage",
    "/meetings/?_next=WyJkIiwiMjAyNS0xMy00NSIsMV0",
    "/meetings/?page=abc",
    "/meetings/?page=99999",
    "/meetings/?unknown=1&whatever=2",
    "/meetings/?reviewed=maybe",
    "/meetings/?format=xml",
    f"/meetings/?q={LONG}",
    f"/statements/?q={LONG}",
    "/statements/?q=%22security",
    "/statements/?q=AND",
    "/statements/?q=-",
    "/statements/?q=*",
    "/statements/?q=NEAR(",
    "/statements/?q=%22%22",
    "/statements/?q=OR+OR+NOT",
    "/statements/?q=secur*+AND+%22border",
    "/statements/?q=%27%3B+DROP+TABLE",
    "/statements/?q=security&page=-3",
    "/statements/?q=security&page=abc",
    "/statements/?speaker=1e9",
    "/statements/?meeting=-1",
    "/statements/?direct=maybe",
    "/officials/?q=%5E%24%28%29",
    "/officials/?institution=%00",
    "/agreements/?signed_after=0000-00-00",
    "/agreements/?party=ZZ",
    "/articles/?published_after=2025-02-30",
    "/articles/?q=%3Cscript%3E",
    f"/search/?q={LONG}",
    "/search/?q=%22unclosed",
    "/search/?q=AND+OR",
    "/search/?q=",
    "/meetings/?q=-&format=csv",
    "/statements/?q=NEAR(&format=json",
]


@pytest.mark.parametrize("url", URLS)
def test_never_a_server_error(client, sample, url):
    response = client.get(url)
    assert response.status_code == 200, url
    if response.streaming:
        b"".join(response.streaming_content)


def test_invalid_date_shows_a_form_error(client, sample):
    body = client.get("/meetings/?date_after=2025-13-45").content.decode()
    assert 'role="alert"' in body
    assert "Enter a valid date" in body


def test_unknown_official_is_a_form_error(client, sample):
    body = client.get("/meetings/?official=999999").content.decode()
    assert "Select a valid choice" in body


def test_script_in_query_is_escaped(client, sample):
    body = client.get("/statements/?q=%3Cscript%3Ealert(1)%3C/script%3E").content.decode()
    assert "<script>alert(1)" not in body


@pytest.mark.parametrize("url", ["/meetings/0/", "/meetings/99999999999/", "/officials/42/"])
def test_unknown_detail_is_404(client, sample, url):
    assert client.get(url).status_code == 404
