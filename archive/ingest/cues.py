"""Token-level lookups in the lexicons: what a word (or the words starting at it) is.

Why a module of its own: people, institutions, meetings and agreements all ask the same
questions ("is this a country word?", "does a rank start here?"); answering them in one place
keeps the rules consistent. Lookups try phrases of bounded length at one position, so
they cost O(longest phrase) per token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from anyascii import anyascii

from . import lexicon
from .segment import Sentence, Token

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


# The only characters re.IGNORECASE equates with an ASCII letter that str.lower() does not
# turn into that letter: dotted and dotless I, long s (the Kelvin sign lowers to "k").
_IGNORECASE_ODD_LETTERS = ("İ", "ı", "ſ")


class WordsPattern:
    """Any of some ASCII words, case-insensitive, starting at a word boundary (and ending at
    one when `whole_words`), tried in the order given: a regex with two shortcuts that
    change no match.

    A text goes to the regex only if its lowercase form contains one of the words: a few
    substring searches at C speed, where the case-insensitive regex costs a hundred
    nanoseconds a character and most sentences hold none of the words. (A text with a
    character that lowercases differently from how the regex folds it skips the test.)
    The regex starts with a lookahead on the words' first letters, so where it does run,
    most positions fail on one class test instead of trying every word."""

    def __init__(self, words: Iterable[str], *, whole_words: bool = True) -> None:
        words = list(words)
        if not all(word.isascii() for word in words):
            raise ValueError("WordsPattern takes ASCII words")
        lowered = {word.lower() for word in words}
        # Words that contain no other word: a text holding any word holds one of these.
        self.cores = tuple(
            sorted(word for word in lowered if not any(o != word and o in word for o in lowered))
        )
        firsts = "".join(sorted({re.escape(word[0]) for word in words}))
        alternatives = "|".join(re.escape(word) for word in words)
        end = r"\b" if whole_words else ""
        self.regex = re.compile(rf"\b(?=[{firsts}])(?:{alternatives}){end}", re.IGNORECASE)

    def search(self, text: str, lowered: str | None = None) -> re.Match | None:
        """The first match in text, as self.regex.search(text); `lowered` is text.lower()
        when the caller has it already."""
        dotted, dotless, long_s = _IGNORECASE_ODD_LETTERS
        if dotted not in text and dotless not in text and long_s not in text:
            lowered = text.lower() if lowered is None else lowered
            for core in self.cores:
                if core in lowered:
                    break
            else:
                return None
        return self.regex.search(text)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Casefold and transliterate to ASCII, for comparing names: "Aydınoğlu" is
    "aydinoglu", "Đorđe" "dorde", "Łukasz" "lukasz", "Løvås" "lovas" (anyascii, where Unicode
    decomposition leaves ı, đ, ł and ø as they are)."""
    if text.isascii():
        return text.lower()  # nothing to transliterate; casefold of ASCII is lower
    return anyascii(text).lower()


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


_TEXT = Token._fields.index("text")
_FOLDED = Token._fields.index("folded")


@dataclass(frozen=True, slots=True)
class _PhraseIndex:
    """A lexicon of phrases by first word, longest first: most tokens are rejected by one
    dict lookup, and a phrase is compared word by word without building tuples."""

    by_first: dict[str, tuple[tuple[str, ...], ...]]
    field: int  # the Token field compared: text, or folded for case-insensitive lexicons

    @classmethod
    def of(cls, phrases: frozenset[tuple[str, ...]], max_len: int, folded: bool) -> _PhraseIndex:
        """Index `phrases`; phrases longer than `max_len` words are never matched."""
        grouped: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            if 0 < len(phrase) <= max_len:
                grouped.setdefault(phrase[0], []).append(phrase)
        by_first = {
            first: tuple(sorted(group, key=len, reverse=True)) for first, group in grouped.items()
        }
        return cls(by_first, _FOLDED if folded else _TEXT)

    def length_at(self, tokens: list[Token], index: int) -> int:
        """Length of the longest phrase starting at tokens[index], or 0."""
        if index >= len(tokens):
            return 0
        field = self.field
        phrases = self.by_first.get(tokens[index][field])
        if phrases is None:
            return 0
        available = len(tokens) - index
        for phrase in phrases:
            length = len(phrase)
            if length > available:
                continue
            matched = 1
            while matched < length and tokens[index + matched][field] == phrase[matched]:
                matched += 1
            if matched == length:
                return length
        return 0


@cache
def _ranks() -> _PhraseIndex:
    return _PhraseIndex.of(lexicon.ranks(), 5, folded=False)


@cache
def _honorifics() -> _PhraseIndex:
    return _PhraseIndex.of(lexicon.honorifics(), 6, folded=False)  # "H . E ." is 4 tokens


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
    heads = _title_heads()
    if index >= len(tokens):
        return 0
    folded = tokens[index].folded
    if folded.endswith(("-elect", "-designate")):
        # "president-elect" holds the office it is elected to
        return 1 if (folded.rsplit("-", 1)[0],) in lexicon.title_heads() else 0
    if folded not in heads.by_first:
        return 0  # the common answer, without the call below
    return heads.length_at(tokens, index)


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


def org_words_in(tokens: list[Token]) -> list[str | None]:
    """org_word_at at every index of `tokens`."""
    first_words = _org_first_words()
    return [
        org_word_at(tokens, index) if token.base in first_words else None
        for index, token in enumerate(tokens)
    ]


def title_heads_in(tokens: list[Token]) -> list[int]:
    """title_head_at at every index of `tokens`."""
    heads = _title_heads()
    first_words, field = heads.by_first, heads.field
    return [
        heads.length_at(tokens, index) if token[field] in first_words else 0
        for index, token in enumerate(tokens)
    ]


def countries_of(sentence: Sentence) -> tuple[CountryCue | None, ...]:
    """country_at at every token of `sentence`, looked up once per sentence for all the stages
    that ask (only capitalised tokens are tried: no country word starts in lower case)."""
    return sentence.remembered_country_cues(_countries_in)


def _countries_in(sentence: Sentence) -> list[CountryCue | None]:
    tokens = sentence.tokens
    forms = _country_forms()
    found: list[CountryCue | None] = [None] * len(tokens)
    for index in sentence.capitals:
        if tokens[index].base in forms:
            found[index] = country_at(tokens, index)
    return found


# What may start at a token (entry_starts): bit flags.
HONORIFIC = 1
RANK = 2
COUNTRY = 4
TITLE_OR_ORGANISATION = 8  # a title word, organisation word or commentator's title


def entry_starts(token: Token) -> int:
    """Which lexicons have an entry that may start at this token (HONORIFIC | RANK | ...):
    one cached lookup by word, so a title prefix is parsed with only the specific lookups
    that can succeed, and a plain name word with none."""
    return _entry_starts(token.text, token.base, token.base_folded)


@lru_cache(maxsize=65536)
def _entry_starts(text: str, base: str, base_folded: str) -> int:
    flags = 0
    if text in _honorifics().by_first:
        flags |= HONORIFIC
    if text in _ranks().by_first:
        flags |= RANK
    if text[:1].isupper() and base in _country_forms():
        flags |= COUNTRY
    if (
        base_folded in lexicon.title_words()
        or base in _org_first_words()
        or base_folded in lexicon.nonofficial_heads()
    ):
        flags |= TITLE_OR_ORGANISATION
    return flags


def is_reporting_verb_at(tokens: list[Token], index: int) -> int:
    """Length of a reporting verb phrase ("said", "pointed out") starting here, or 0."""
    verbs = _reporting_verbs()
    if index >= len(tokens) or tokens[index].folded not in verbs.by_first:
        return 0  # the common answer, without the call below
    return verbs.length_at(tokens, index)


def is_acronym(token: Token) -> bool:
    text = token.base
    return len(text) > 1 and text.isupper() and text.isalpha()


def is_title_word(token: Token) -> bool:
    """A word that may sit inside a title phrase (heads, modifiers, "of", "the")."""
    word = token.base_folded
    if word.endswith(("-elect", "-designate")):
        word = word.rsplit("-", 1)[0]  # "president-elect", "minister-designate"
    return word in lexicon.title_words()


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


def has_article_prefix(token: Token) -> bool:
    """A surname written with its Arabic article joined on ("al-Kuwari", "el-Amrani")."""
    return token.text[:3].casefold() in ("al-", "el-") and len(token.text) > 3
