"""The shortcuts list pages take instead of Django's slower general tools give the same results."""

from __future__ import annotations

import pytest
from django.urls import reverse, set_script_prefix
from django.utils.text import Truncator

from archive.record_urls import detail_path
from archive.tables import Cell, shorten, shorten_words

VIEWS = [
    "meeting_detail",
    "statement_detail",
    "official_detail",
    "institution_detail",
    "agreement_detail",
    "article_detail",
]


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("pk", [1, 42, 987654321, 10**12])
def test_detail_path_is_what_reverse_gives(view, pk):
    assert detail_path(view, pk) == reverse(f"archive:{view}", args=[pk])


def test_detail_path_follows_the_script_prefix():
    """Served under a sub-path, links keep the prefix: the cached pattern is per prefix."""
    try:
        set_script_prefix("/archive-app/")
        assert detail_path("meeting_detail", 7) == reverse("archive:meeting_detail", args=[7])
        assert detail_path("meeting_detail", 7).startswith("/archive-app/")
    finally:
        set_script_prefix("/")
    assert detail_path("meeting_detail", 7) == "/meetings/7/"


@pytest.mark.parametrize(
    "text, limit",
    [
        ("", 10),
        ("short", 10),
        ("exactly ten", 11),
        ("a" * 300, 200),
        ("word " * 100, 200),
        ("Iran’s minister said “we agree” " * 20, 120),
    ],
)
def test_shorten_matches_truncator_on_plain_text(text, limit):
    assert shorten(text, limit) == Truncator(text).chars(limit)
    assert len(shorten(text, limit)) <= limit


@pytest.mark.parametrize(
    "text, count, expected",
    [
        ("one two three", 5, "one two three"),
        ("one two three", 3, "one two three"),
        ("one two three four", 3, "one two three…"),
        ("  spaced   out  words here ", 2, "spaced out…"),
    ],
)
def test_shorten_words(text, count, expected):
    assert shorten_words(text, count) == expected


@pytest.mark.parametrize(
    "cell, html",
    [
        (Cell("a < b & c"), "<td>a &lt; b &amp; c</td>"),
        (
            Cell('say "hi"', '/x/?a=1&b="2"'),
            '<td><a href="/x/?a=1&amp;b=&quot;2&quot;">say &quot;hi&quot;</a></td>',
        ),
        (Cell(html="<mark>kept</mark>"), "<td><mark>kept</mark></td>"),
    ],
)
def test_cell_markup_is_escaped(cell, html):
    assert cell.render() == html
