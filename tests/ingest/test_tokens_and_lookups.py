"""Tokens, the cached word lookups and the indexes the extractors share: the same answers as
the plain definitions they stand for, computed once."""

from __future__ import annotations

import re
import sys

import pytest

from archive.ingest import cues, document, institutions, segment
from archive.ingest.document import read_text
from archive.ingest.pipeline import extract
from archive.ingest.segment import Sentence, capitalised_indices, tokenize, tokenize_at
from archive.ingest.types import RangeIndex, Span
from archive.ingest.words import WORD


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Iran's  Defense Minister",
        "  leading and trailing  \n\t ",
        "al-Araji, U.S. “quoted” ‘words’ countries’",
        "İstanbul café_2 — 14-15 November",
        "word" + " " * 50,
        "...,,,;;;",
    ],
)
def test_tokens_are_the_token_pattern_matches_with_document_offsets(text):
    expected = [(m.group(), m.start() + 10, m.end() + 10) for m in WORD.finditer(text)]
    assert [(t.text, t.start, t.end) for t in tokenize_at(text, 10)] == expected


def test_tokenize_gives_offsets_into_the_whole_text():
    text = "Before. Iran's minister said"
    assert [(t.text, t.start) for t in tokenize(text, 8, 23)] == [("Iran's", 8), ("minister", 15)]


@pytest.mark.parametrize(
    ("text", "base", "folded", "base_folded", "is_word", "capitalised", "possessive"),
    [
        ("Iran's", "Iran", "iran's", "iran", True, True, True),
        ("Officers’s", "Officers", "officers’s", "officers", True, True, True),
        ("A's", "A", "a's", "a", True, True, True),
        ("minister", "minister", "minister", "minister", True, False, False),
        ("_x", "_x", "_x", "_x", True, False, False),
        ("2025", "2025", "2025", "2025", True, False, False),
        ("“", "“", "“", "“", False, False, False),
        ("STRASSE", "STRASSE", "strasse", "strasse", True, True, False),
    ],
)
def test_token_fields_derived_from_its_text(
    text, base, folded, base_folded, is_word, capitalised, possessive
):
    (token,) = tokenize_at(text, 0)
    assert (
        token.base,
        token.folded,
        token.base_folded,
        token.is_word,
        token.capitalised,
        token.possessive,
    ) == (base, folded, base_folded, is_word, capitalised, possessive)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Major", cues.RANK),
        ("Dr", cues.HONORIFIC),
        ("Iran's", cues.COUNTRY),
        ("iran", 0),  # a country word is capitalised
        ("Ministry", cues.TITLE_OR_ORGANISATION),
        ("minister", cues.TITLE_OR_ORGANISATION),  # title words in any case
        ("Analyst", cues.TITLE_OR_ORGANISATION),  # commentator
        ("Abdul", 0),  # a plain name
        ("Rashid", 0),
    ],
)
def test_entry_starts(word, expected):
    (token,) = [t for t in tokenize_at(word, 0) if t.is_word]
    assert cues.entry_starts(token) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Major General Abdul Latif Rashid",
        "Mr Smith of the Supreme National Security Council",
        "Iran's Armed Forces Chief of Staff",
        "the analyst Jane Doe",
        "Prime Minister of the United Kingdom",
        "Dr. Field Marshal New Delhi",
    ],
)
def test_entry_starts_only_rules_out_lookups_that_find_nothing(text):
    tokens = tokenize_at(text, 0)
    for index, token in enumerate(tokens):
        starts = cues.entry_starts(token)
        assert bool(cues.honorific_at(tokens, index)) <= bool(starts & cues.HONORIFIC)
        assert bool(cues.rank_at(tokens, index)) <= bool(starts & cues.RANK)
        assert bool(cues.country_at(tokens, index)) <= bool(starts & cues.COUNTRY)
        assert bool(cues.is_title_word(token) or cues.org_word_at(tokens, index)) <= bool(
            starts & cues.TITLE_OR_ORGANISATION
        )


@pytest.mark.parametrize(
    ("text", "index", "expected"),
    [
        ("Major General Rashid", 0, 2),
        ("Major Rashid", 0, 1),
        ("General of the Army Smith", 0, 4),
        ("major general", 0, 0),  # ranks are case-sensitive
        ("Rashid", 0, 0),
        ("Major", 1, 0),  # past the end
    ],
)
def test_rank_at_is_the_longest_rank(text, index, expected):
    assert cues.rank_at(tokenize_at(text, 0), index) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prime Minister", 2),
        ("PRIME MINISTER", 2),  # title heads are matched casefolded
        ("prime", 0),
    ],
)
def test_title_head_at_ignores_case(text, expected):
    assert cues.title_head_at(tokenize_at(text, 0), 0) == expected


@pytest.mark.parametrize(
    ("spans", "position", "expected"),
    [
        ([], 5, False),
        ([(2, 5)], 2, True),
        ([(2, 5)], 5, False),  # half-open
        ([(2, 5), (4, 9)], 8, True),  # overlapping ranges merge
        ([(10, 12), (2, 5)], 11, True),  # any order
        ([(2, 20), (4, 6)], 10, True),  # a nested range does not hide its container
        ([(3, 3), (2, 5)], 3, True),  # an empty range holds nothing and hides nothing
        ([(3, 3)], 3, False),
    ],
)
def test_range_index_membership(spans, position, expected):
    index = RangeIndex.of(Span(start, end) for start, end in spans)
    assert (position in index) is expected


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("Home\nShare this\nBy Jane Doe\nA sentence.\n  Read more here", None),
        ("A sentence. Home is not a nav line here.\nHome", None),
        ("Share\nShare", 7),  # the end cuts the second line
        ("\n\nJane Doe - Wire\n", None),
        ("", None),
    ],
)
def test_line_matches_are_the_patterns_matches(text, end):
    end = len(text) if end is None else end
    for pattern in (document._NAV_LINE, document._BYLINE_LINE, document._COMMENTS):
        expected = [m.span() for m in pattern.finditer(text, 0, end)]
        assert [m.span() for m in document._line_matches(pattern, text, end)] == expected


@pytest.mark.parametrize(
    ("text", "whole_words", "expected"),
    [
        ("They MET on Sunday", True, [(5, 8)]),
        ("a sometimes meeting", True, [(12, 19)]),  # not inside a word
        ("the meetings", True, [(4, 12)]),  # the longer word when the shorter is no word
        ("Sat down, sat  down", True, [(0, 8)]),
        ("agreements", False, [(0, 9)]),  # without whole_words a prefix is enough
        ("agreements", True, []),
    ],
)
def test_words_pattern_matches(text, whole_words, expected):
    words = ["met", "meet", "meeting", "meetings", "sat down", "agreement"]
    pattern = cues.WordsPattern(words, whole_words=whole_words)
    assert [m.span() for m in pattern.regex.finditer(text)] == expected
    found = pattern.search(text)
    assert (found.span() if found else None) == (expected[0] if expected else None)


@pytest.mark.parametrize(
    "text",
    [
        "no such word here",
        "The MEETING",
        "a vİsit",  # dotted capital I: lowercases to two characters
        "a visıt",  # dotless i
        "the ſummit",  # long s
        "\u212aELVIN summit",  # Kelvin sign
        "x" * 2000 + " talks",
        "“Quoted” talks’",
        "",
    ],
)
def test_words_pattern_search_is_the_regex_search(text):
    pattern = cues.WordsPattern(["visit", "summit", "meeting", "talks", "kelvin"])
    expected = pattern.regex.search(text)
    found = pattern.search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_the_odd_letters_are_all_that_lowercase_unlike_ignorecase():
    """Every non-ASCII character re.IGNORECASE matches to an ASCII letter either lowercases
    to that letter or is one of the odd letters WordsPattern hands to the regex."""
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    odd = {
        char
        for char in map(chr, range(128, sys.maxunicode + 1))
        if ascii_letter.fullmatch(char) and not re.fullmatch("[a-z]", char.lower())
    }
    assert odd == set(cues._IGNORECASE_ODD_LETTERS)


def test_words_pattern_takes_ascii_words():
    with pytest.raises(ValueError):
        cues.WordsPattern(["café"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("no capitals here", []),
        ("The Iraqi minister met Ⓐ Rashid", [0, 1, 4, 5]),  # a capital symbol is capitalised
        ("él Émile", [1]),
    ],
)
def test_capitalised_indices(text, expected):
    assert capitalised_indices(tokenize_at(text, 0)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Iraq's Defense Minister met the Iranian delegation in Tehran",
        "the United States and the United Kingdom, Bosnia and Herzegovina",
        "New York New Delhi",
        "iran IRAN Iran",
    ],
)
def test_countries_of_is_country_at_everywhere(text):
    sentence = Sentence(Span(0, len(text)), 0, text)
    found = cues.countries_of(sentence)
    tokens = tokenize_at(text, 0)
    assert list(found) == [cues.country_at(tokens, index) for index in range(len(tokens))]
    assert any(found)


class _EveryWord(frozenset):
    """A set that holds every word: turns the institutions' naming-word shortcut off."""

    def isdisjoint(self, other) -> bool:
        return False


@pytest.mark.parametrize(
    "text",
    [
        "Iraq's Defense Minister met the Chief of Staff of Iran's Armed Forces in Baghdad.",
        "The Supreme National Security Council and IRNA news agency reported the talks.",
        "President Pezeshkian of the Islamic Republic of Iran visited the Defense University.",
        "Iran's countries’ it's Officers’ Major General Abdul Latif Rashid",
    ],
)
def test_institutions_shortcut_changes_nothing(text, monkeypatch):
    """Sentences without an organisation or media word are skipped: the same institutions
    as when every sentence is examined."""
    expected_with_shortcut = extract(read_text(text, file_name="a.txt")).institutions
    monkeypatch.setattr(institutions, "_naming_words", lambda: _EveryWord())
    assert extract(read_text(text, file_name="a.txt")).institutions == expected_with_shortcut


def test_the_word_shape_table_is_bounded(monkeypatch):
    """Past MAX_SHAPES distinct words the table starts over; tokens stay the same."""
    monkeypatch.setattr(segment, "MAX_SHAPES", 5)
    monkeypatch.setattr(segment, "_SHAPES", {})
    text = " ".join(f"Word{number}'s" for number in range(12))
    tokens = tokenize_at(text, 0)
    assert len(segment._SHAPES) <= 5
    assert [(t.text, t.base, t.possessive) for t in tokens] == [
        (f"Word{number}'s", f"Word{number}", True) for number in range(12)
    ]


@pytest.mark.parametrize("text", ["The talks", "a vİsit", "no word"])
def test_words_pattern_search_with_the_lowered_text(text):
    pattern = cues.WordsPattern(["visit", "talks"])
    found, given = pattern.search(text), pattern.search(text, text.lower())
    assert (found and found.span()) == (given and given.span())
