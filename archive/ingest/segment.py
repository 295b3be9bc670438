"""Paragraphs, sentences and tokens with offsets into the document text.

Why one tokenizer for everything: lexicon phrases and article text are split the same way,
so "U.S.", "Iran's" and "al-Araji" compare token by token. All regexes are linear (no nested
quantifiers), so adversarial text cannot make segmentation slow.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter
from typing import NamedTuple

from . import lexicon
from .types import Document, Span

# The same tokens with the whitespace before each: (space, token) pairs that tile the text.
# `\Z` ends the text with one empty token, so trailing whitespace is matched once instead of
# being rescanned from each of its positions (which would be quadratic). The quantifiers on
# single character classes are possessive: what follows each can never match what it would
# give back, so backtracking could only fail, and not keeping backtrack points makes
# tokenising cheaper. The group's repeat is not: CPython 3.11 has had bugs in possessive
# repeats of groups (gh-106052, gh-100061), and here one once kept a trailing apostrophe
# ("words’" for "words" before a space) in one run of the suite out of several.
_SPACED_TOKEN = re.compile(r"(\s*+)(\w++(?:[’'\-]\xad?\w++|\xad++\w++)*|[^\w\s]|\Z)")
_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)")
_PARAGRAPH = re.compile(r"[^\n]+")
POSSESSIVE_SUFFIXES = ("'s", "’s")
# Longer "sentences" (text without full stops) are cut at a space: every per-sentence rule
# then works on bounded input, which keeps extraction linear on adversarial text.
MAX_SENTENCE_CHARS = 1500

# Abbreviated marks after a rank saying its holder retired or serves in the reserve:
# "Maj. Gen. (res.)", "Gen. (ret.)", "Lt Gen (Retd)".
RETIREMENT_ABBREVIATIONS = ("res", "ret", "retd", "rtd")

# Words after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    [
        *RETIREMENT_ABBREVIATIONS,
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "brig",
        "adm",
        "capt",
        "cmdr",
        "sgt",
        "rep",
        "sen",
        "gov",
        "st",
        "jr",
        "sr",
        "inc",
        "co",
        "corp",
        "no",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "vice",
        "rear",
        # honorifics and ranks written with a full stop before a name
        "ing",
        "eng",
        "engr",
        "hon",
        "amb",
        "cdr",
        "cpl",
        "pvt",
        "insp",
        "supt",
        "mme",
        "smt",
        "sra",
        "rt",
        "gov",
        "pres",
        "u",
        "s",
        "k",
        "e",
        "h",
        "i",
    ]
)


_LETTER = re.compile(r"[^\W\d_]")


class Token(NamedTuple):
    """A word or punctuation mark with its offsets, and what every rule asks of its text.

    A named tuple rather than a frozen dataclass: a megabyte of text makes close to a million
    tokens, and building tuples costs a fraction of a frozen dataclass's checked __init__.
    The derived fields (`base`, `folded`, `is_word`, ...) are stored, not computed on access:
    the extractors ask them dozens of times per capitalised word, and a stored field is read
    at C speed where a property is a Python call each time. They depend on the text alone,
    so they are computed once per distinct word (`_shape_of`), and the offsets come last so
    that a token is that shared tuple plus (start, end).
    """

    text: str
    base: str  # without a possessive ending ("Iran's" -> "Iran")
    folded: str  # text casefolded
    base_folded: str  # base casefolded
    is_word: bool  # a word, not a punctuation mark
    capitalised: bool  # starts with an upper-case character
    possessive: bool  # ends in 's or ’s (and is more than the ending)
    start: int
    end: int


_Shape = tuple[str, str, str, str, bool, bool, bool]
_SHAPES: dict[str, _Shape] = {}
# Distinct words kept before the table is emptied: bounds memory over a long import.
MAX_SHAPES = 100_000
_CAPITALISED = Token._fields.index("capitalised")


def _shape_of(text: str) -> _Shape:
    """The Token fields that depend on the text alone, computed once per distinct text."""
    shape = _SHAPES.get(text)
    if shape is None:
        if len(_SHAPES) >= MAX_SHAPES:
            _SHAPES.clear()
        shown = text.replace("\xad", "") if "\xad" in text else text  # see zones.WORD_JOINER
        base = _base_of(shown)
        first = text[0]
        shape = (
            shown,
            base,
            shown.casefold(),
            base.casefold(),
            first.isalnum() or first == "_",
            first.isupper(),
            shown.endswith(POSSESSIVE_SUFFIXES) and len(shown) > 2,
        )
        _SHAPES[text] = shape
    return shape


def _base_of(text: str) -> str:
    """A word without its possessive ending."""
    for suffix in POSSESSIVE_SUFFIXES:
        if text.endswith(suffix) and len(text) > 2:
            return text[: -len(suffix)]
    return text


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of text[start:end], offsets relative to text."""
    return tokenize_at(text[start:end], start)


def tokenize_at(text: str, offset: int) -> list[Token]:
    """Tokens of a piece of the document that starts at `offset`, offsets relative to the
    document.

    Offsets are counted from the lengths of the (whitespace, token) pairs `findall` returns
    rather than read from a match object per token: every character is whitespace or part of
    a token, so the pairs tile the text, and this is half the cost of `finditer`."""
    new = tuple.__new__
    shapes = _SHAPES
    found = []
    append = found.append
    position = offset
    pairs = _SPACED_TOKEN.findall(text)
    while pairs and not pairs[-1][1]:
        pairs.pop()  # the end of the text (see _SPACED_TOKEN)
    for space, word in pairs:
        start = position + len(space)
        position = start + len(word)
        append(new(Token, (shapes.get(word) or _shape_of(word)) + (start, position)))
    return found


def capitalised_indices(tokens: Sequence[Token]) -> list[int]:
    """Indices of the capitalised tokens, where names, places and organisations start;
    selected at C speed, so the stages can skip the other tokens without looking at them."""
    return list(compress(range(len(tokens)), map(itemgetter(_CAPITALISED), tokens)))


def paragraphs(document: Document) -> Iterator[Span]:
    """Non-empty lines of the body; a hard-wrapped line whose sentence goes on in lowercase
    on the next line ("...met Boris Pistorius" / "in Paris on March 11") is joined to it."""
    text = document.text
    pending: Span | None = None
    previous = ""  # the last line joined into `pending` (only its end is read: linear)
    for match in _PARAGRAPH.finditer(text, 0, document.body_end):
        line = match.group()
        if not line.strip():
            continue
        span = Span(match.start(), match.end())
        if pending is not None:
            continues = line.lstrip()[:1].islower() and previous.rstrip()[-1:] not in (".!?:;\"”’'")
            previous = line
            if continues:
                pending = Span(pending.start, span.end)
                continue
            yield pending
        previous = line
        pending = span
    if pending is not None:
        yield pending


def _ends_sentence(text: str, stop: int, paragraph_start: int) -> bool:
    """True unless the full stop at `stop` follows an abbreviation or an initial."""
    if text[stop] != ".":
        return True
    cursor = stop
    while cursor > paragraph_start and text[cursor - 1].isalpha():
        cursor -= 1
    word = text[cursor:stop].casefold()
    if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False
    if len(word) == 2 and text[cursor].isupper() and _after_rank_or_title(text, cursor):
        return False  # an initial of two letters after a rank: "Colonel Ts. Narantsetseg"
    following = text[stop + 1 : stop + 4].lstrip()
    # A lowercase continuation means the stop was inside a sentence ("approx. two").
    return not (following[:1].islower())


def _after_rank_or_title(text: str, position: int) -> bool:
    """Whether the word before `position` is a rank or title word ("General Md.")."""
    end = position - 1
    while end > 0 and text[end - 1] == " ":
        end -= 1
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    previous = text[start:end].casefold()
    return bool(previous) and (
        previous in lexicon.rank_words() or previous in lexicon.title_words()
    )


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the body, with the paragraph it belongs to.

    Tokens are made on first use and kept: a stage that can rule a sentence out from its
    text alone (no capital letter, no agreement word) never pays for tokenising it, which
    keeps a megabyte of adversarial text from costing a million Python objects.
    """

    span: Span
    paragraph: int
    text: str
    _tokens: tuple | None = field(default=None, repr=False, compare=False)
    _capitals: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _lowered: str | None = field(default=None, init=False, repr=False, compare=False)
    _country_cues: tuple | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def tokens(self) -> tuple:
        """segment.Token tuple with offsets into the document."""
        if self._tokens is None:
            tokens = tokenize_at(self.text, self.span.start)
            object.__setattr__(self, "_tokens", tuple(tokens))
        return self._tokens

    @property
    def capitals(self) -> list[int]:
        """Indices of the capitalised tokens (segment.capitalised_indices), made once."""
        if self._capitals is None:
            capitals = capitalised_indices(self.tokens)
            object.__setattr__(self, "_capitals", capitals)
        return self._capitals

    def remembered_country_cues(self, look_up: Callable[[Sentence], tuple]) -> tuple:
        """The country cue at each token, looked up once by `look_up` (cues.countries_of)
        for all the stages that ask; segmentation itself knows nothing of countries."""
        if self._country_cues is None:
            object.__setattr__(self, "_country_cues", tuple(look_up(self)))
        return self._country_cues

    @property
    def lowered(self) -> str:
        """The text in lower case, made once: several stages test it for their words."""
        if self._lowered is None:
            object.__setattr__(self, "_lowered", self.text.lower())
        return self._lowered

    @property
    def has_capital(self) -> bool:
        """Whether any letter is upper case: names, places and organisations all need one."""
        return self.text != self.lowered


def sentences(document: Document) -> list[Sentence]:
    """Sentences of the body, outside excluded ranges, with their paragraph number."""
    text = document.text
    found: list[Sentence] = []
    for number, paragraph in enumerate(paragraphs(document)):
        if document.is_excluded(paragraph.start):
            continue
        if not _LETTER.search(text, paragraph.start, paragraph.end):
            continue  # no sentence of it would be kept (see _append)
        start = paragraph.start
        for match in _SENTENCE_END.finditer(text, paragraph.start, paragraph.end):
            if not _ends_sentence(text, match.start(), paragraph.start):
                continue
            _append(found, text, start, match.end(), number)
            start = match.end()
        _append(found, text, start, paragraph.end, number)
    return found


def _append(found: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        _append(found, text, start, cut, paragraph)
        start = cut
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end and _LETTER.search(text, start, end):
        # A stretch with no letter at all (punctuation, numbers) holds nothing to extract.
        found.append(Sentence(Span(start, end), paragraph, text[start:end]))
