"""Crafted `_next` cursors never reach the database as a wrong value: a word for a date, an id
past the keys' range or infinite, a lone surrogate or a NUL is a first page, not a 500."""

from __future__ import annotations

import base64
import json

import pytest

from tests.factories import make_article, make_meeting, make_statement


def cursor(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode("utf-8", "surrogatepass")).decode().rstrip("=")


CRAFTED = [
    json.dumps(["s", "not a date", 5]),
    json.dumps(["d", "2024-01-01", "Infinity"]),
    '["i", 1, Infinity]',
    '["i", NaN, 3]',
    json.dumps(["d", "2024-01-01", 2**70]),
    '["s", "\\ud800", 3]',
    json.dumps(["s", "a\x00b", 3]),
    json.dumps(["d", "2024-13-45", 3]),
    json.dumps(["x", 1, 3]),
]


@pytest.mark.django_db
@pytest.mark.parametrize("raw", CRAFTED)
@pytest.mark.parametrize("url", ["/meetings/?sort=date", "/statements/?sort=date", "/articles/"])
def test_crafted_cursor_gives_a_page(client, url, raw):
    make_meeting()
    make_statement(article=make_article(text="A text.", title="T"), text="Words")
    response = client.get(url, {"_next": cursor(raw)})
    assert response.status_code == 200
