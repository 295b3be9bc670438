"""Token-level lookups in the lexicons: what a word (or the words starting at it) is.

Why a module of its own: people, institutions, meetings and agreements all ask the same
questions ("is this a country word?", "does a rank start here?"); answering them in one place
keeps the rules consistent. Lookups try phrases of bounded length at one position, so
they cost O(longest phrase) per token.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

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


def words_pattern(words: Iterable[str], *, whole_words: bool = True) -> re.Pattern:
    """A case-insensitive regex for any of `words` starting at a word boundary (and ending at
    one when `whole_words`), tried in the order given.

    A lookahead on the words' first letters comes first: it changes no match, but at most
    positions of a long text it fails on one class test instead of trying every word."""
    words = list(words)
    firsts = "".join(sorted({re.escape(word[0]) for word in words}))
    alternatives = "|".join(re.escape(word) for word in words)
    end = r"\b" if whole_words else ""
    return re.compile(rf"\b(?=[{firsts}])(?:{alternatives}){end}", re.IGNORECASE)


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
    forms = _country_forms().get(token.base)
    if forms is None:
        return None
    available = len(tokens) - index
    for words, plain, possessive in forms:
        length = len(words)
        if length > available:
            continue
        last = tokens[index + length - 1]
        if last.possessive:
            if last.base != words[-1]:
                continue
            cue = possessive
        elif last.text != words[-1]:
            continue
        else:
            cue = plain
        if length == 1 or all(tokens[index + k].text == words[k] for k in range(length - 1)):
            return cue
    return None


_CountryForm = tuple[tuple[str, ...], CountryCue, CountryCue]


@cache
def _country_forms() -> dict[str, tuple[_CountryForm, ...]]:
    """`CountryLexicon.forms` with the cue each form gives made once, plain and possessive:
    a country word in the text then costs no new object."""
    return {
        first: tuple(
            (
                words,
                CountryCue(code, len(words), kind, False),
                CountryCue(code, len(words), kind, True),
            )
            for words, code, kind in entries
        )
        for first, entries in lexicon.countries().forms.items()
    }


@dataclass(frozen=True, slots=True)
class _PhraseIndex:
    """A lexicon of phrases and, by first word, the longest phrase to try: most tokens are
    rejected by one dict lookup."""

    phrases: frozenset[tuple[str, ...]]
    longest: dict[str, int]
    folded: bool  # compare casefolded words

    @classmethod
    def of(cls, phrases: frozenset[tuple[str, ...]], max_len: int, folded: bool) -> _PhraseIndex:
        longest: dict[str, int] = {}
        for entry in phrases:
            if entry:
                longest[entry[0]] = min(max_len, max(longest.get(entry[0], 0), len(entry)))
        return cls(phrases, longest, folded)

    def length_at(self, tokens: list[Token], index: int) -> int:
        """Length of the longest phrase starting at tokens[index], or 0."""
        if index >= len(tokens):
            return 0
        token = tokens[index]
        longest = self.longest.get(token.folded if self.folded else token.text)
        if longest is None:
            return 0
        limit = min(longest, len(tokens) - index)
        window = tokens[index : index + limit]
        words = tuple(t.folded for t in window) if self.folded else tuple(t.text for t in window)
        for length in range(limit, 0, -1):
            if words[:length] in self.phrases:
                return length
        return 0


@cache
def _ranks() -> _PhraseIndex:
    return _PhraseIndex.of(lexicon.ranks(), 5, folded=False)


@cache
def _honorifics() -> _PhraseIndex:
    return _PhraseIndex.of(lexicon.honorifics(), 3, folded=False)


@cache
def _title_heads() -> _PhraseIndex:
    return _PhraseIndex.of(lexicon.title_heads(), 5, folded=True)


@cache
def _reporting_verbs() -> _PhraseIndex:
    return _PhraseIndex.of(lexicon.reporting_verbs(), 5, folded=True)


def rank_at(tokens: list[Token], index: int) -> int:
    """Length of the longest rank starting here (case-sensitive), or 0."""
    return _ranks().length_at(tokens, index)


def honorific_at(tokens: list[Token], index: int) -> int:
    return _honorifics().length_at(tokens, index)


def title_head_at(tokens: list[Token], index: int) -> int:
    """Length of a title head ("Prime Minister", "chief of staff") starting here, or 0."""
    return _title_heads().length_at(tokens, index)


def org_word_at(tokens: list[Token], index: int) -> str | None:
    """The institution kind if an organisation word starts here ("Ministry", "Armed Forces")."""
    if index >= len(tokens) or tokens[index].base not in _org_first_words():
        return None
    table = lexicon.org_words()
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


def may_begin_entry(token: Token) -> bool:
    """Whether a rank, honorific, country word, title word or organisation word may start at
    this token. False rules all of them out with one cached lookup, so a plain name word
    skips the half-dozen specific lookups a title prefix is parsed with."""
    return _may_begin_entry(token.text, token.base, token.base_folded)


@lru_cache(maxsize=65536)
def _may_begin_entry(text: str, base: str, base_folded: str) -> bool:
    return (
        text in _honorifics().longest
        or text in _ranks().longest
        or (text[:1].isupper() and base in _country_forms())
        or base_folded in lexicon.title_words()
        or base in _org_first_words()
        or base_folded in lexicon.nonofficial_heads()
    )


def is_reporting_verb_at(tokens: list[Token], index: int) -> int:
    """Length of a reporting verb phrase ("said", "pointed out") starting here, or 0."""
    return _reporting_verbs().length_at(tokens, index)


def is_acronym(token: Token) -> bool:
    text = token.base
    return len(text) > 1 and text.isupper() and text.isalpha()


def is_title_word(token: Token) -> bool:
    """A word that may sit inside a title phrase (heads, modifiers, "of", "the")."""
    return token.base_folded in lexicon.title_words()


def is_plain_name_word(token: Token) -> bool:
    """A capitalised word that could be part of a person's name (not a known lexicon word)."""
    return _is_plain_name_text(token.base)


@lru_cache(maxsize=65536)
def _is_plain_name_text(text: str) -> bool:
    """`is_plain_name_word` of a word without possessive ending; cached, as people asks it of
    every capitalised word and it takes seven lexicon lookups."""
    if not text[:1].isupper() or not text[:1].isalpha():
        return False
    if any(ch.isdigit() for ch in text) or (len(text) > 1 and text.isupper() and text.isalpha()):
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
    return token.folded in lexicon.NAME_PARTICLES
