"""Facets show ten values, and more on request (each still under its time limit)."""

from __future__ import annotations

import html
import re

import pytest

from tests.factories import make_meeting

pytestmark = pytest.mark.django_db

CODES = ["AR", "BR", "CL", "DE", "EG", "FR", "GH", "IN", "JP", "KE", "MA", "NG", "PE", "SN"]


def _facet(body: str, key: str) -> str:
    return body.split(f'id="facet-{key}"', 1)[1].split("</section>", 1)[0]


def test_more_values_of_a_facet_on_request(client):
    for code in CODES:
        make_meeting(country_a="IR", country_b=code)
    body = client.get("/meetings/").content.decode()
    countries = _facet(body, "country")
    assert countries.count('<span class="count">') == 10
    more = re.search(r'<a href="([^"]+)">More country…</a>', countries)
    assert more
    wide = client.get("/meetings/" + html.unescape(more.group(1))).content.decode()
    assert _facet(wide, "country").count('<span class="count">') == len(CODES) + 1
    assert "Fewer</a>" in _facet(wide, "country")
    assert "More country…" not in _facet(wide, "country")


def test_an_unknown_facet_name_changes_nothing(client):
    make_meeting()
    response = client.get("/meetings/?more=nonsense&more=<script>")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]
