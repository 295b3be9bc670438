"""Token-level lookups in the lexicons: what a word (or the words starting at it) is.

Why a module of its own: people, institutions, meetings and agreements all ask the same
questions ("is this a country word?", "does a rank start here?"); answering them in one place
keeps the rules consistent. Lookups try phrases of bounded length at one position, so
they cost O(longest phrase) per token.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from . import lexicon
from .segment import Token

DETERMINERS = frozenset(
    ["the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those"]
)
PRONOUNS = frozenset(["he", "she", "He", "She"])


@dataclass(frozen=True, slots=True)
class CountryCue:
    """A country word in the text: a name, demonym or city, possibly possessive."""

    code: str
    length: int  # tokens
    kind: str  # name, demonym, city
    possessive: bool


def fold(text: str) -> str:
    """Casefold and strip diacritics, for comparing names."""
    if text.isascii():
        return text.lower()  # nothing to decompose; casefold of ASCII is lower
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def country_at(tokens: list[Token], index: int) -> CountryCue | None:
    """The longest country word (name, demonym, city) starting at tokens[index].

    At equal length a name wins over a demonym, a demonym over a city. Only the forms that
    start with this token's word are tried, so a token costs one dict lookup unless it
    begins a country word."""
    token = tokens[index]
    if not token.capitalised:
        return None
    forms = lexicon.countries().forms.get(token.base)
    if forms is None:
        return None
    available = len(tokens) - index
    for words, code, kind in forms:
        length = len(words)
        if length > available:
            continue
        last = tokens[index + length - 1]
        possessive = last.possessive
        if (last.base if possessive else last.text) != words[-1]:
            continue
        if all(tokens[index + k].text == words[k] for k in range(length - 1)):
            return CountryCue(code, length, kind, possessive)
    return None


@cache
def _first_words(table: frozenset[tuple[str, ...]]) -> dict[str, int]:
    """First word of every phrase -> longest phrase length: most tokens are rejected at once."""
    first: dict[str, int] = {}
    for entry in table:
        if entry:
            first[entry[0]] = max(first.get(entry[0], 0), len(entry))
    return first


def phrase_at(
    tokens: list[Token], index: int, table, *, casefold: bool = False, max_len: int = 4
) -> int:
    """Length of the longest phrase of `table` starting at tokens[index], or 0."""
    if index >= len(tokens):
        return 0
    first = tokens[index].text.casefold() if casefold else tokens[index].text
    longest = _first_words(table).get(first)
    if longest is None:
        return 0
    limit = min(max_len, longest, len(tokens) - index)
    if casefold:
        words = tuple(t.text.casefold() for t in tokens[index : index + limit])
    else:
        words = tuple(t.text for t in tokens[index : index + limit])
    for length in range(limit, 0, -1):
        if words[:length] in table:
            return length
    return 0


def rank_at(tokens: list[Token], index: int) -> int:
    """Length of the longest rank starting here (case-sensitive), or 0."""
    return phrase_at(tokens, index, lexicon.ranks(), max_len=5)


def honorific_at(tokens: list[Token], index: int) -> int:
    return phrase_at(tokens, index, lexicon.honorifics(), max_len=3)


def title_head_at(tokens: list[Token], index: int) -> int:
    """Length of a title head ("Prime Minister", "chief of staff") starting here, or 0."""
    return phrase_at(tokens, index, lexicon.title_heads(), casefold=True, max_len=5)


def org_word_at(tokens: list[Token], index: int) -> str | None:
    """The institution kind if an organisation word starts here ("Ministry", "Armed Forces")."""
    table = lexicon.org_words()
    if index >= len(tokens) or tokens[index].base not in _org_first_words():
        return None
    limit = min(3, len(tokens) - index)
    words = tuple(t.base for t in tokens[index : index + limit])
    for length in range(limit, 0, -1):
        kind = table.get(words[:length])
        if kind is not None:
            return kind
    return None


@cache
def _org_first_words() -> frozenset[str]:
    return frozenset(entry[0] for entry in lexicon.org_words())


def is_reporting_verb_at(tokens: list[Token], index: int) -> int:
    """Length of a reporting verb phrase ("said", "pointed out") starting here, or 0."""
    return phrase_at(tokens, index, lexicon.reporting_verbs(), casefold=True, max_len=5)


def is_acronym(token: Token) -> bool:
    text = token.base
    return len(text) > 1 and text.isupper() and text.isalpha()


def is_title_word(token: Token) -> bool:
    """A word that may sit inside a title phrase (heads, modifiers, "of", "the")."""
    return token.base.casefold() in lexicon.title_words()


def is_plain_name_word(token: Token) -> bool:
    """A capitalised word that could be part of a person's name (not a known lexicon word)."""
    text = token.base
    if not text[:1].isupper() or not text[:1].isalpha():
        return False
    if any(ch.isdigit() for ch in text) or is_acronym(token):
        return False
    if text in lexicon.stop_capitals() or text in lexicon.media_words():
        return False
    folded_text = text.casefold()
    if folded_text in lexicon.title_words() or (folded_text,) in lexicon.title_heads():
        return False
    if folded_text in lexicon.rank_words() or folded_text in lexicon.nonofficial_heads():
        return False
    return (text,) not in lexicon.org_words()


def is_particle(token: Token) -> bool:
    return token.text.casefold() in lexicon.NAME_PARTICLES
