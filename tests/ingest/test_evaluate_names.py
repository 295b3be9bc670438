"""Evaluation compares names without country words, including multi-word country names."""

from __future__ import annotations

import pytest

from archive.ingest.evaluate import institution_key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Egypt–Saudi Arabia agreement", "agreement"),
        ("Ministry of Defense of Iran", "ministry defense"),
        ("Iranian Armed Forces", "armed forces"),
        ("United Kingdom–France treaty", "treaty"),
    ],
)
def test_country_words_are_ignored(name, key):
    assert institution_key(name, without_country=True) == key
