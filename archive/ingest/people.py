"""People named in the article, their titles, ranks and countries, one record per person.

Rules, all general:
- a run of capitalised words is split into a prefix of known words (country or demonym,
  title words, organisation words, a rank) and the name after it: "Iraqi Defense Minister
  Juma Inad", "Chief of Staff of Iran's Armed Forces Major General Mohammad Bagheri";
- an appositive after the name gives the title: "Qassem al-Araji, Iraq's National Security
  Advisor", "Shamhani, secretary of the Supreme National Security Council of Iran";
- "the President of X, Lieutenant General Y," (title, then the name in apposition);
- a name next to a reporting verb ("Jane Doe said") is a speaker, not necessarily an official;
- later shorter forms ("Inad", "Major General Mousavi") join the fullest form;
- outlets ("Fars news agency", "according to IRNA") are reporters, never people.
Country comes from the title (demonym, possessive, "of Iraq"), a delegation ("the Iraqi
delegation, which included ..."), or, in a two-sided article, from the counterpart with the
same office.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter
from typing import NamedTuple

from . import cues, lexicon
from .offices import office_class
from .segment import RETIREMENT_ABBREVIATIONS, Sentence, Token, tokenize
from .types import Document, PersonExtraction, PersonMention, Rejected, Span, StageResult

MAX_NAME_TOKENS = 7  # "Rui Filipe Mendes de Almeida Gouveia"
# Counterpart rules compare people pairwise; a real article names far fewer people.
MAX_PEOPLE_FOR_COUNTERPARTS = 60
MAX_TITLE_TOKENS = 24
_DELEGATION = cues.WordsPattern(["delegation"])
OUTLET_CUE_BEFORE = frozenset(
    [("according", "to"), ("reported", "by"), ("quoted", "by"), ("cited", "by")]
)
# The word right before a one-word outlet: the last words of the cues, and "by" ("by AP").
OUTLET_CUE_LAST_WORDS = frozenset([cue[-1] for cue in OUTLET_CUE_BEFORE] + ["by"])
# "to": "Ambassador to Nepal", "High Commissioner to Uganda".
TITLE_CONNECTORS = frozenset(["of", "the", "and", "for", "to"])
APPOSITIVE_CONNECTORS = frozenset(["of", "the", "and", "for", "on", "in", "at"])
# Words between a name and its reporting verb ("X also said", "X was quoted as saying").
SPEECH_AUXILIARIES = frozenset(["also", "further", "then", "was", "has", "had", "is"])
# Words a title phrase found by scanning left does not start with.
TITLE_LEADING_SKIPS = cues.DETERMINERS | {"and", "of"}


@dataclass(slots=True)
class Candidate:
    """One mention of a possible person, with what its context says about them."""

    name_tokens: tuple[str, ...]
    span: Span
    sentence: int
    rank: str | None = None
    title: str | None = None
    title_span: Span | None = None
    country: str | None = None
    official: bool | None = None  # True: office; False: analyst etc.; None: unknown
    strong: bool = False  # rank, title or honorific next to it
    honorific: str | None = None
    speaker: bool = False  # next to a reporting verb
    civil_society: bool = False  # "X of the Forum for Migrant Rights": not a state's official

    @property
    def name(self) -> str:
        return " ".join(self.name_tokens)


@dataclass
class PersonGroup:
    """Mentions resolved to one person."""

    candidates: list[Candidate] = field(default_factory=list)
    _full: Candidate | None = field(default=None, repr=False, compare=False)
    _folded: tuple[str, ...] | None = field(default=None, repr=False, compare=False)

    def add(self, candidate: Candidate) -> None:
        """Add a mention; the fullest name is kept up to date here rather than searched for
        on every question, which made a person mentioned n times cost n² to resolve."""
        self.candidates.append(candidate)
        if self._full is not None and _fullness(candidate) > _fullness(self._full):
            self._full, self._folded = candidate, None

    @property
    def full(self) -> Candidate:
        """The longest form of the name, the earliest of equals."""
        if self._full is None:
            self._full = max(self.candidates, key=_fullness)
        return self._full

    def folded_tokens(self) -> tuple[str, ...]:
        if self._folded is None:
            self._folded = tuple(cues.fold(t) for t in self.full.name_tokens)
        return self._folded


def _fullness(candidate: Candidate) -> tuple[int, int]:
    return (len(candidate.name_tokens), -candidate.span.start)


@dataclass(frozen=True, slots=True)
class PeopleResult(StageResult[PersonExtraction]):
    """People found (`items`), plus what the stage can tell later stages."""

    # every mention span and its person key, in text order
    mentions: tuple[tuple[Span, str], ...] = ()
    outlets: frozenset[str] = frozenset()


_BASE = attrgetter("base")


def _word(token: Token) -> str:
    return token.folded


def _cap_runs(tokens: list[Token], capitals: list[int]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (with name particles and abbreviation dots); a run
    starts at a capitalised word, so only those (`capitals`) are visited to find starts."""
    runs = []
    index = 0
    count = len(tokens)
    # A surname with its article in lower case starts a run too ("al-Harthy said").
    articled = [
        i for i, t in enumerate(tokens) if cues.has_article_prefix(t) and t.text[3:4].isupper()
    ]
    if articled:
        capitals = sorted({*capitals, *articled})
    for start in capitals:
        if start < index or not tokens[start].is_word:
            continue
        index = start + 1
        while index < count:
            current = tokens[index]
            previous = tokens[index - 1]
            if previous.possessive:
                break
            mark = _retirement_mark_at(tokens, index, count) if current.text == "(" else 0
            if mark and index + mark < count and tokens[index + mark].capitalised:
                index += mark  # "Maj. Gen. (res.) Amnon Shaked" is one run
                continue
            if (
                (current.is_word and current.capitalised)
                or (
                    current.is_word
                    and (cues.is_particle(current) or cues.has_article_prefix(current))
                    and index + 1 < count
                    and (
                        tokens[index + 1].capitalised
                        or "-" in current.text
                        # "Gómez de la Fuente": two particles before the surname
                        or (
                            cues.is_particle(tokens[index + 1])
                            and index + 2 < count
                            and tokens[index + 2].capitalised
                        )
                    )
                )
                or (
                    current.text == "."
                    and previous.is_word
                    and len(previous.text) <= 4
                    and index + 1 < count
                    and (
                        tokens[index + 1].capitalised
                        or _retirement_mark_at(tokens, index + 1, count)  # "Gen. (ret.) X"
                    )
                    and tokens[index + 1].start - current.end in (0, 1)  # "H.E. Dr. X"
                )
            ):
                index += 1
            else:
                break
        runs.append((start, index))
    return runs


def _name_ok(
    tokens: list[Token],
    countries: Sequence[cues.CountryCue | None],
    start: int,
    end: int,
    after_rank: bool,
    after_title: bool = False,
) -> int:
    """How many tokens from start form a plausible name (0 if none); `countries` holds the
    country cue at each token (cues.countries_of)."""
    length = 0
    for index in range(start, min(end, start + MAX_NAME_TOKENS)):
        token = tokens[index]
        if token.text == ".":
            if length and _is_initial(tokens[index - 1]) and index + 1 < end:
                length += 1  # "Emmanuel R. Villaroman", "B. Erdenetsogt"
                continue
            break
        if index == start and after_title and _place_as_given_name(tokens, countries, index, end):
            length += 1  # "Foreign Minister Sofia Novak": a given name that is also a place
            continue
        if cues.is_particle(token) and length:
            length += 1
            continue
        if cues.has_article_prefix(token):
            length += 1
            continue
        if _inside_country_name(countries, index):
            break  # "Ambassador of the Republic of Korea": the country's name, not a person's
        cue = countries[index]
        # A city's name inside a person's name, after a name word ("Dewi Kartika Sari",
        # "Kenta Morioka"): people are not followed by a city without a word between.
        city_word = cue is not None and cue.kind == "city" and length > 0 and cue.length == 1
        plain = cues.is_plain_name_word(token) and (cue is None or city_word)
        # A family name in capitals before the given name, as Japanese and some other
        # governments write it ("KISARAGI Haruto", "ENDO Masaki").
        family_caps = (
            cue is None
            and len(token.text) >= 3
            and token.text.isalpha()
            and token.text.isupper()
            and index + 1 < end
            and tokens[index + 1].text[:1].isupper()
            and tokens[index + 1].text[1:].islower()
            and cues.is_plain_name_word(tokens[index + 1])
        )
        plain = plain or family_caps
        lenient = (
            after_rank
            and token.capitalised
            and token.base not in lexicon.stop_capitals()
            and not cues.is_acronym(token)
            and countries[index] is None
        )
        if not (plain or lenient):
            break
        length += 1
        if token.possessive:
            break
    while length and cues.is_particle(tokens[start + length - 1]):
        length -= 1
    return length


def _inside_country_name(countries: Sequence[cues.CountryCue | None], index: int) -> bool:
    """Whether a token is a later word of a country's name of several words (the cue is
    kept at the name's first word only)."""
    for back in range(max(0, index - 5), index):
        cue = countries[back]
        if cue is not None and back + cue.length > index:
            return True
    return False


def _place_as_given_name(
    tokens: list[Token], countries: Sequence[cues.CountryCue | None], index: int, end: int
) -> bool:
    """A one-word place right after a title and right before a surname is a given name."""
    cue = countries[index]
    if cue is None or cue.length != 1 or cue.possessive or index + 1 >= end:
        return False
    following = tokens[index + 1]
    return (
        following.capitalised
        and cues.is_plain_name_word(following)
        and countries[index + 1] is None
    )


class _Prefix(NamedTuple):
    """The known words at the start of a capitalised run: rank, honorific, title words."""

    rank: str | None = None
    rank_start: int | None = None
    honorific: str | None = None  # as written: "H.E. Dr.", "Datuk Seri"
    title_start: int | None = None
    title_end: int | None = None


_NO_PREFIX = _Prefix()


# Words of a mark after a rank saying its holder has retired or serves in the reserve:
# "Maj. Gen. (res.) Amnon Shaked", "Lt Gen (Retd) V. K. Singh", "Gen. (ret.) Ann Lee".
_RETIREMENT_WORDS = frozenset({*RETIREMENT_ABBREVIATIONS, "retired", "reserve", "reserves"})


def _retirement_mark_at(tokens: list[Token], index: int, end: int) -> int:
    """Length of a parenthesised retirement mark starting at index, or 0; the rank keeps its
    holder, the mark is not part of the rank or the name."""
    if index + 2 >= end or tokens[index].text != "(":
        return 0
    if tokens[index + 1].folded not in _RETIREMENT_WORDS:
        return 0
    close = index + 2
    if tokens[close].text == ".":
        close += 1
    return close - index + 1 if close < end and tokens[close].text == ")" else 0


def _parse_prefix(
    tokens: list[Token], countries: Sequence[cues.CountryCue | None], start: int, end: int
) -> tuple[_Prefix, int]:
    """Split the known words at the start of a capitalised run from the name after them:
    the prefix, and the index where the name starts. Most runs start with a name word, so
    the empty prefix is one shared value."""
    rank = rank_start = title_start = title_end = None
    honorifics: list[str] = []
    index = start
    while index < end:
        token = tokens[index]
        starts = cues.entry_starts(token)
        if not starts:
            break
        if starts & cues.HONORIFIC:
            length = cues.honorific_at(tokens, index)
            if length:
                honorifics.append(_written(tokens, index, index + length))
                index += length
                continue
        if starts & cues.RANK:
            length = cues.rank_at(tokens, index)
            if length and index + length < end:
                rank = " ".join(t.text for t in tokens[index : index + length])
                rank = lexicon.full_rank(rank.replace(" .", "."))
                rank_start = index
                index += length
                index += _retirement_mark_at(tokens, index, end)
                while index < end and (following := cues.honorific_at(tokens, index)):
                    # "Major General Dr. Kareem al-Hilali"
                    honorifics.append(_written(tokens, index, index + following))
                    index += following
                break
        cue = countries[index]
        if (
            cue
            and cue.kind == "name"
            and title_start is not None
            and _place_as_given_name(tokens, countries, index, end)
        ):
            break  # "Trade Minister Jordan Hale": after the title, a country name + surname
        if cue and cue.kind != "city":
            title_start = index if title_start is None else title_start
            title_end = index = index + cue.length
            continue
        if starts & cues.TITLE_OR_ORGANISATION and (
            cues.is_title_word(token)
            or cues.org_word_at(tokens, index)
            or (token.base_folded in lexicon.nonofficial_heads())
        ):
            title_start = index if title_start is None else title_start
            title_end = index = index + 1
            continue
        break
    if index == start:
        return _NO_PREFIX, start
    honorific = " ".join(honorifics) or None
    return _Prefix(rank, rank_start, honorific, title_start, title_end), index


def _written(tokens: list[Token], start: int, end: int) -> str:
    """Tokens as written, spaces only where the text has them ("H.E. Dr.")."""
    parts = [tokens[start].text]
    for previous, token in zip(tokens[start : end - 1], tokens[start + 1 : end], strict=True):
        parts.append(token.text if token.start == previous.end else f" {token.text}")
    return "".join(parts)


def _title_allowed(token: Token, before: Token | None = None) -> bool:
    if token.text == "." and before is not None:
        # the dots of an abbreviated country ("U.S. Secretary of Defense")
        return len(before.text) <= 2 and before.text.isupper()
    return token.is_word and (
        token.capitalised or _word(token) in TITLE_CONNECTORS or cues.is_title_word(token)
    )


def _scan_title_left(tokens: list[Token], end: int, floor: int) -> int:
    """Leftmost index of a title phrase ending just before `end` (== end when none)."""
    index = end
    while index > floor and end - index < MAX_TITLE_TOKENS:
        token = tokens[index - 1]
        if not _title_allowed(token, tokens[index - 2] if index >= 2 else None):
            break
        if _word(token) == "and":
            after = tokens[index] if index < len(tokens) else None
            if after is None or not (
                cues.title_head_at(tokens, index) or cues.is_title_word(after)
            ):
                break
            before = tokens[index - 2] if index >= 2 else None
            if before is None or not (cues.is_title_word(before) or before.text == ","):
                break  # "… Viktor Lobanov and Minister of Defence X": a name ends before it
        index -= 1
    while index < end and tokens[index].folded in TITLE_LEADING_SKIPS:
        index += 1
    return index


def _has_head(tokens: list[Token], start: int, end: int) -> tuple[bool, bool]:
    """(has an office head, has a commentator head) within tokens[start:end]."""
    office = commentator = False
    for index in range(start, end):
        if cues.title_head_at(tokens, index):
            office = True
        if tokens[index].base_folded in lexicon.nonofficial_heads():
            commentator = True
    return office, commentator


def _country_in(tokens: list[Token], start: int, end: int) -> str | None:
    """The first country named in tokens[start:end] (demonym, possessive, "of Iraq")."""
    index = start
    while index < end:
        cue = cues.country_at(tokens, index)
        if cue and cue.kind != "city":
            return cue.code
        index += cue.length if cue else 1
    return None


def _text(document: Document, tokens: list[Token], start: int, end: int) -> str:
    return document.text[tokens[start].start : tokens[end - 1].end]


def _strip_country_words(tokens: list[Token], start: int, end: int) -> int:
    """Skip a leading demonym or possessive country ("Iraqi", "Iraq's") in a title."""
    cue = cues.country_at(tokens, start) if start < end else None
    if (
        cue
        and cue.kind != "city"
        and (cue.kind == "demonym" or cue.possessive)
        and start + cue.length < end
    ):
        return start + cue.length
    return start


def _appositive(tokens: list[Token], after: int) -> tuple[int, int] | None:
    """A title phrase after ", " following a name: (start, end) token indices, or None."""
    if after >= len(tokens) or tokens[after].text != ",":
        return None
    index = after + 1
    if after + 1 < len(tokens) and _word(tokens[after + 1]) in ("and", "or", "but", "while"):
        return None  # ", and Sudan's Minister ..." names the next person, not this one
    while index < len(tokens) and _word(tokens[index]) in ("the", "a", "an"):
        index += 1
    start = index
    while index < len(tokens) and index - start < MAX_TITLE_TOKENS:
        token = tokens[index]
        if not token.is_word:
            break
        word = _word(token)
        if word in APPOSITIVE_CONNECTORS:
            nxt = tokens[index + 1] if index + 1 < len(tokens) else None
            if nxt is None or not nxt.is_word:
                break
            if word == "and" and not (
                cues.title_head_at(tokens, index + 1) or cues.is_title_word(nxt) or nxt.capitalised
            ):
                break
            index += 1
            continue
        if (
            token.capitalised
            or cues.is_title_word(token)
            or (token.base_folded in lexicon.nonofficial_heads())
        ):
            index += 1
            continue
        break
    while index > start and _word(tokens[index - 1]) in APPOSITIVE_CONNECTORS:
        index -= 1
    if index <= start:
        return None
    # The phrase must start like a title, not like another name or a clause.
    first = tokens[start]
    if not (
        cues.title_head_at(tokens, start)
        or cues.is_title_word(first)
        or cues.country_at(tokens, start)
        or first.base_folded in lexicon.nonofficial_heads()
    ):
        return None
    office, commentator = _has_head(tokens, start, index)
    return (start, index) if office or commentator else None


def _candidates_in_sentence(
    document: Document, sentence: Sentence, number: int, outlets: set[str]
) -> list[Candidate]:
    if not sentence.has_capital:
        return []
    tokens = sentence.tokens
    countries = cues.countries_of(sentence)
    found = []
    for run_start, run_end in _cap_runs(tokens, sentence.capitals):
        _note_outlet(tokens, run_start, run_end, outlets)
        prefix, name_start = _parse_prefix(tokens, countries, run_start, run_end)
        if name_start == run_start:
            # An office's name before its title: "White House National Security Adviser
            # Daniel Whitcombe" reads as a title ending in its head, then the name.
            name_start = _after_an_inner_title(tokens, run_start, run_end)
            if name_start != run_start:
                prefix = _Prefix(title_start=run_start, title_end=name_start)
        if name_start == run_end:
            continue  # the run is all title, rank or country words: no name in it
        length = _name_ok(
            tokens,
            countries,
            name_start,
            run_end,
            prefix.rank is not None,
            after_title=prefix.title_start is not None,
        )
        if not length:
            continue
        name_end = name_start + length
        if (
            _run_is_organisation(tokens, name_end, run_end)
            or _is_region(tokens, name_start, name_end)
            or _named_thing(tokens, run_start, name_start, name_end)
            or _place_of_an_office(tokens, run_start, name_start, name_end)
            or _office_after_of(tokens, prefix, name_start, name_end)
        ):
            continue
        name_tokens = _name_words(tokens[name_start:name_end])
        if all(word.endswith(".") or len(word) == 1 for word in name_tokens):
            continue  # initials ("D.", "H", "Sh.") are not a name by themselves
        candidate = Candidate(
            name_tokens=name_tokens,
            span=Span(
                tokens[name_start].start,
                tokens[name_end - 1].start + len(tokens[name_end - 1].base),
            ),
            sentence=number,
            rank=prefix.rank,
            strong=prefix.rank is not None or prefix.honorific is not None,
            honorific=prefix.honorific,
        )
        # Title written before the name (possibly before the rank).
        title_end = prefix.rank_start if prefix.rank_start is not None else name_start
        if prefix.title_start is not None:
            title_end = min(title_end, prefix.title_end or title_end)
        if prefix.title_start is None and prefix.rank_start is None:
            title_start = _scan_title_left(tokens, name_start, 0)
            title_end = name_start
        else:
            title_start = _scan_title_left(tokens, prefix.title_start or title_end, 0)
        if title_start < title_end:
            title_start = _over_a_comma(tokens, title_start, title_end)
            _apply_title(document, tokens, title_start, title_end, candidate)
        elif (
            run_start > 1
            and tokens[run_start - 1].text == ","
            and (name_end >= len(tokens) or tokens[name_end].text in ",);.")
        ):
            left = _over_a_comma(tokens, _scan_title_left(tokens, run_start - 1, 0), run_start - 1)
            if left < run_start - 1 and (
                left == 0
                or not tokens[left - 1].is_word
                or not tokens[left - 1].capitalised
                or _word(tokens[left - 1]) in cues.DETERMINERS
            ):
                _apply_title(document, tokens, left, run_start - 1, candidate)
        appositive = _appositive(tokens, name_end)
        if appositive and candidate.title is None:
            _apply_title(document, tokens, appositive[0], appositive[1], candidate)
        elif appositive and candidate.country is None:
            candidate.country = _country_in(tokens, *appositive)
        _note_speech(tokens, run_start, name_end, candidate)
        _note_affiliation(tokens, name_end, candidate)
        found.append(candidate)
    return found


def _after_an_inner_title(tokens: list[Token], start: int, end: int) -> int:
    """Where a name starts after a title head inside a capitalised run that opens with other
    words (an organisation's name), or `start` when there is no such head. The head must be
    followed by at least two words, so a run ending in a title ("the Staff Adviser") is not
    split."""
    for index in range(start + 1, min(end, start + 8)):
        length = cues.title_head_at(tokens, index)
        if length and index + length + 2 <= end:
            return index + length
    return start


def _over_a_comma(tokens: list[Token], left: int, end: int) -> int:
    """Where a title starts when the words found before a name have no office in them and
    a comma stands before them: a title with a comma inside ("Minister of the Interior, Local
    Authorities and Regional Planning Abdelhakim Bouzid", "Minister of Foreign Affairs,
    Emigration and Egyptian Expatriates, Ahmed El-Naggar"), whose head is before the comma."""
    if any(_has_head(tokens, left, end)):
        return left
    comma = next((i for i in range(left - 1, max(0, left - 8), -1) if tokens[i].text == ","), None)
    if comma is None:
        return left
    further = _scan_title_left(tokens, comma, 0)
    return further if further < comma and any(_has_head(tokens, further, comma)) else left


def _place_of_an_office(
    tokens: list[Token], run_start: int, name_start: int, name_end: int
) -> bool:
    """One word after "<office> of" is the office's place, not a person: "the Governor of
    Kasserine, Hichem Jaziri", "the mayor of Ásotthalom", "Minister of Defence"."""
    if name_end - name_start != 1 or name_start != run_start or run_start < 2:
        return False
    return tokens[run_start - 1].folded == "of" and (
        cues.is_title_word(tokens[run_start - 2])
        or cues.title_head_at(tokens, run_start - 2)
        or tokens[run_start - 2].base_folded in lexicon.nonofficial_heads()
    )


def _office_after_of(tokens: list[Token], prefix: _Prefix, name_start: int, name_end: int) -> bool:
    """A rank word right after "of" opens an office's name, not a person's: "Chief of General
    Staff" is an office, and "Staff" nobody."""
    start = prefix.rank_start
    return (
        start is not None
        and start > 0
        and tokens[start - 1].folded == "of"
        and name_end - name_start == 1
    )


def _is_initial(token: Token) -> bool:
    """A capital letter or two standing for a name ("R", "Sh", "Ts")."""
    return token.is_word and token.capitalised and len(token.text) <= 2 and token.text.isalpha()


def _name_words(tokens: Sequence[Token]) -> tuple[str, ...]:
    """The words of a name, an initial's full stop kept with it ("R." not "R", ".")."""
    words: list[str] = []
    for token in tokens:
        if token.text == "." and words:
            words[-1] += "."
        else:
            words.append(token.base)
    return tuple(words)


# Nouns a ship's name follows: the name is the ship's, though it may be a person's name.
VESSEL_NOUNS = frozenset(
    [
        "frigate",
        "corvette",
        "destroyer",
        "cruiser",
        "submarine",
        "ship",
        "vessel",
        "carrier",
        "cutter",
        "patrol",
        "boat",
        "tanker",
        "icebreaker",
        "warship",
        "flagship",
        "minesweeper",
    ]
)


# Words that make a capitalised name a building's or a place's ("Guest House Padma").
BUILDING_NOUNS = frozenset(
    [
        "palace",
        "hotel",
        "building",
        "airport",
        "square",
        "avenue",
        "street",
        "boulevard",
        "residence",
        "mansion",
        "stadium",
        "auditorium",
        "guesthouse",
        "house",
    ]
)


def _named_thing(tokens: list[Token], run_start: int, name_start: int, name_end: int) -> bool:
    """Words in a name's place that name a thing: after an article ("the General Staff",
    "the Kingdom", "of the Islamic Republic"), one word before "of" ("Republic of Poland",
    "Armed Forces Logistics of Iran"), one possessive word before a capitalised noun ("People's
    Navy"). People are not written so; institutions, states and offices are."""
    single = name_end - name_start == 1
    before = tokens[run_start - 1] if run_start else None
    after = tokens[name_end] if name_end < len(tokens) else None
    if (
        before is not None
        and before.folded in ("the", "a", "an")
        and (single or name_start == run_start)
    ):
        return True
    if before is not None and before.folded in VESSEL_NOUNS and name_start == run_start:
        return True  # "the frigate Tran Hung Dao", "aboard the corvette Almirante Tamandaré"
    if any(t.folded in BUILDING_NOUNS for t in tokens[name_start:name_end]):
        return True  # "the State Guest House Padma", "the Al Yamamah Palace"
    if not single or after is None:
        return False
    return after.folded == "of" or (tokens[name_start].possessive and after.capitalised)


def _run_is_organisation(tokens: list[Token], name_end: int, run_end: int) -> bool:
    """True when the capitalised run goes on into an organisation word ("Islamic Center")."""
    return name_end < run_end and any(
        cues.org_word_at(tokens, index) for index in range(name_end, run_end)
    )


def _is_region(tokens: list[Token], start: int, end: int) -> bool:
    """True when the name holds a region or sea ("Persian Gulf"): a place, not a person."""
    if _region_first_words().isdisjoint(map(_BASE, tokens[start:end])):
        return False
    words = tuple(t.base for t in tokens[start:end])
    regions = lexicon.regions()
    return any(
        words[i:j] in regions for i in range(len(words)) for j in range(i + 1, len(words) + 1)
    )


@cache
def _region_first_words() -> frozenset[str]:
    """First words of regions: a name without any cannot contain a region."""
    return frozenset(region[0] for region in lexicon.regions() if region)


def _apply_title(
    document: Document, tokens: list[Token], start: int, end: int, candidate: Candidate
) -> None:
    office, commentator = _has_head(tokens, start, end)
    if not (office or commentator):
        return
    candidate.country = candidate.country or _country_in(tokens, start, end)
    start = _strip_country_words(tokens, start, end)
    candidate.title = _text(document, tokens, start, end)
    candidate.title_span = Span(tokens[start].start, tokens[end - 1].end)
    candidate.official = office and not (
        commentator and tokens[start].base_folded in lexicon.nonofficial_heads()
    )
    candidate.strong = True


# Bodies that are not a state's: a person named as one of theirs, with no office or rank of
# a state anywhere in the article, is no official ("said Hela Jaziri of the Tunis-based
# Forum for Migrant Rights").
CIVIL_SOCIETY_WORDS = frozenset(
    [
        "forum",
        "foundation",
        "institute",
        "centre",
        "center",
        "network",
        "association",
        "observatory",
        "initiative",
        "watch",
        "society",
        "university",
        "ngo",
        "think-tank",
        "coalition",
        "movement",
    ]
)


def _note_affiliation(tokens: list[Token], name_end: int, candidate: Candidate) -> None:
    """Mark a name followed by "of the … <non-governmental body>"."""
    index = name_end + (name_end < len(tokens) and tokens[name_end].text == ",")
    if index >= len(tokens) or tokens[index].folded != "of":
        return
    for token in tokens[index + 1 : index + 9]:
        if token.text in '.;:"“”':
            return
        if token.folded in CIVIL_SOCIETY_WORDS:
            candidate.civil_society = True
            return


def _note_speech(tokens: list[Token], run_start: int, name_end: int, candidate: Candidate) -> None:
    """Mark a name next to a reporting verb ("X said", "said X", "X was quoted as saying")."""
    index = name_end
    while index < len(tokens) and tokens[index].folded in SPEECH_AUXILIARIES:
        index += 1
    if index < len(tokens) and cues.is_reporting_verb_at(tokens, index):
        candidate.speaker = True
    if (
        run_start > 0
        and cues.is_reporting_verb_at(tokens, run_start - 1)
        and tokens[run_start - 1].folded not in _ADDRESSING_VERBS
    ):
        candidate.speaker = True  # "said X"; but "told X" names who was told (a paper, too)


_ADDRESSING_VERBS = frozenset(["told", "tells", "telling", "informed", "briefed", "assured"])


def _note_outlet(tokens: list[Token], start: int, end: int, outlets: set[str]) -> None:
    """Remember outlet names: media words, "X news agency", "according to X" for acronyms."""
    following = tokens[end].folded if end < len(tokens) else None
    if (
        end - start == 1
        and following not in ("news", "agency")
        and (start == 0 or tokens[start - 1].folded not in OUTLET_CUE_LAST_WORDS)
    ):
        return  # one word with no outlet cue around it (the common case, decided here)
    media = lexicon.media_words()
    if (
        (end - start > 1 and any(tokens[index].base in media for index in range(start + 1, end)))
        or following == "agency"
        or (following == "news" and end + 1 < len(tokens) and tokens[end + 1].folded == "agency")
    ):
        words = [t.base for t in tokens[start:end]]
        outlets.add(" ".join(words))
        outlets.update(words if following in ("news", "agency") else [])
        return
    if (
        end - start == 1
        and start >= 2
        and (tokens[start - 2].folded, tokens[start - 1].folded) in OUTLET_CUE_BEFORE
    ):
        outlets.add(tokens[start].base)
    if (
        start > 0
        and tokens[start - 1].folded == "by"
        and all(cues.is_acronym(t) or "Press" in t.text for t in tokens[start:end])
    ):
        outlets.add(" ".join(t.base for t in tokens[start:end]))


def _same_name(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """True when `short` is a contiguous part of `full` (a surname or a later form); an
    initial stands for any word with its letter ("D. Zhaksybekov" is "Zhaksybekov Dauren",
    "Emmanuel R. Villaroman" is "Emmanuel Villaroman")."""
    initialled = any(word.endswith(".") for word in short)
    if initialled or any(word.endswith(".") for word in full):
        short, full = _without_initials(short), _without_initials(full)
    if len(short) > len(full) or not short:
        return False
    if len(short) == 1 and len(full) > 1 and short[0] == full[0] and not initialled:
        return False  # a first name alone is too ambiguous (an initial makes it a surname)
    if 2 <= len(short) < len(full) and short[0] == full[0] and short[-1] == full[-1]:
        return _in_order(short, full)  # a middle name or patronymic left out
    for offset in range(len(full) - len(short) + 1):
        if full[offset : offset + len(short)] == short:
            return True
    return False


def _in_order(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether the words of `short` appear in `full` in the same order."""
    position = 0
    for word in short:
        try:
            position = full.index(word, position) + 1
        except ValueError:
            return False
    return True


def _without_initials(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words without its initials ("D.", "Sh.")."""
    return tuple(word for word in words if not (word.endswith(".") and len(word) <= 3))


def _surname_first_match(
    token: str, candidate: Candidate, groups: Iterable[PersonGroup]
) -> list[PersonGroup]:
    """A one-word mention that is the FIRST word of exactly one person's full name, and no
    other person's name word: surname-first names ("Xi Jinping … Xi said", "Wang Yi … Wang").

    Only when unambiguous in the article, so a given name alone ("Ali" beside "Ali Shamkhani"
    and "Ali Larijani") never picks one of two people.
    """
    first = [g for g in groups if len(g.folded_tokens()) > 1 and g.folded_tokens()[0] == token]
    elsewhere = [g for g in groups if token in g.folded_tokens()[1:]]
    if len(first) != 1 or elsewhere:
        return []
    group = first[0]
    if candidate.country and group.full.country and candidate.country != group.full.country:
        return []
    return [group]


def _matching_groups(
    key: tuple[str, ...], candidate: Candidate, nearby: dict[int, PersonGroup]
) -> list[PersonGroup]:
    """The groups (among those sharing a word with the mention) the mention may belong to."""
    matches = [g for g in nearby.values() if _same_name(key, g.folded_tokens())]
    if len(key) == 1 or len(matches) > 1:
        # A surname alone is shared by many: the country must not contradict. Two words of
        # one person's full name are that person, whatever a nearby appositive suggested.
        matches = [
            g
            for g in matches
            if not (candidate.country and g.full.country and candidate.country != g.full.country)
        ]
    if not matches and len(key) == 1:
        matches = _surname_first_match(key[0], candidate, nearby.values())
    return matches


def _group(candidates: list[Candidate], outlets: set[str]) -> list[PersonGroup]:
    """Resolve mentions to people: fullest names first, shorter forms join them."""
    groups: list[PersonGroup] = []
    ordered = sorted(candidates, key=lambda c: (-len(c.name_tokens), c.span.start))
    folded_outlets = {cues.fold(name) for name in outlets}
    by_token: dict[str, list[PersonGroup]] = {}
    for candidate in ordered:
        if folded_outlets and cues.fold(candidate.name) in folded_outlets:
            continue
        key = tuple(map(cues.fold, candidate.name_tokens))
        nearby = {id(g): g for token in key for g in by_token.get(token, ())}
        matches = _matching_groups(key, candidate, nearby) if nearby else []
        if len(matches) == 1:
            matches[0].add(candidate)
        elif matches:
            best = max(
                matches,
                key=lambda g: max(
                    (c.span.start for c in g.candidates if c.span.start <= candidate.span.start),
                    default=-1,
                ),
            )
            best.add(candidate)
        elif candidate.strong or (candidate.speaker and len(candidate.name_tokens) >= 2):
            group = PersonGroup([candidate])
            groups.append(group)
            for token in key:
                by_token.setdefault(token, []).append(group)
    return groups


def _delegation_countries(document: Document, sentences: list[Sentence]) -> dict[int, str]:
    """Sentences that name one delegation by demonym ("The Iraqi delegation, which ...")."""
    found = {}
    for number, sentence in enumerate(sentences):
        match = _DELEGATION.search(sentence.text, sentence.lowered)
        if not match:
            continue
        tokens = tokenize(document.text, sentence.span.start, sentence.span.start + match.start())
        for index in range(len(tokens) - 1, max(-1, len(tokens) - 4), -1):
            cue = cues.country_at(tokens, index)
            if cue and cue.kind == "demonym":
                found[number] = cue.code
                break
    return found


def _title_heads_of(title: str | None) -> frozenset[str]:
    if not title:
        return frozenset()
    tokens = tokenize(title)
    heads = set()
    for index in range(len(tokens)):
        length = cues.title_head_at(tokens, index)
        if length:
            heads.add(" ".join(t.folded for t in tokens[index : index + length]))
    return frozenset(heads)


def article_sides(document: Document, sentences: list[Sentence]) -> list[str]:
    """The two most-mentioned countries (names, demonyms, possessives, cities)."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for sentence in sentences:
        if not sentence.has_capital:
            continue
        tokens = sentence.tokens
        country_cues = cues.countries_of(sentence)
        after_cue = 0  # a country word's own words start no other
        for index in sentence.capitals:  # country words are capitalised
            cue = country_cues[index]
            if cue and index >= after_cue:
                counts[cue.code] += 1
                first_seen.setdefault(cue.code, tokens[index].start)
                after_cue = index + cue.length
    # The dateline's city, written in capitals ("WASHINGTON, April 3 (Reuters) -"), which
    # the country words above do not read.
    code = lexicon.countries().cities.get(lexicon.phrase(document.dateline_city or ""))
    if code:
        counts[code] += 1
        first_seen.setdefault(code, 0)
    ranked = sorted(counts, key=lambda code: (-counts[code], first_seen[code]))
    return ranked[:2]


def extract_people(
    document: Document, sentences: list[Sentence], sides: list[str] | None = None
) -> PeopleResult:
    """Find people, resolve their mentions, and give each a title, rank and country."""
    outlets: set[str] = set()
    candidates: list[Candidate] = []
    for number, sentence in enumerate(sentences):
        candidates += _candidates_in_sentence(document, sentence, number, outlets)
    groups = _group(candidates, set())
    _place_word_surnames(sentences, groups)
    civil = [g for g in groups if _of_civil_society(g)]
    if civil:
        groups = [g for g in groups if g not in civil]
    # A name that the article also gives a title or rank is a person, whatever cue said outlet.
    person_words = {cues.fold(t) for g in groups for t in g.full.name_tokens}
    outlets = {o for o in outlets if not {cues.fold(w) for w in o.split()} <= person_words}
    folded_outlets = {cues.fold(o) for o in outlets}
    groups = [g for g in groups if cues.fold(g.full.name) not in folded_outlets]
    delegations = _delegation_countries(document, sentences)
    sides = article_sides(document, sentences) if sides is None else sides
    people, mentions = _build_people(document, groups, delegations, sides)
    rejected = [Rejected("people", "news agency", name, None) for name in sorted(outlets)]
    rejected += [
        Rejected("people", "of a non-governmental body, with no office", g.full.name, g.full.span)
        for g in civil
    ]
    for candidate in candidates if folded_outlets else ():
        if cues.fold(candidate.name) in folded_outlets:
            rejected.append(Rejected("people", "news agency", candidate.name, candidate.span))
    return PeopleResult(tuple(people), tuple(rejected), tuple(mentions), frozenset(outlets))


# Words before a place name: "in Sari", "to Jordan" are the places, not the people.
_BEFORE_A_PLACE = frozenset(["in", "at", "to", "from", "of", "near", "via", "outside"])


def _place_word_surnames(sentences: list[Sentence], groups: list[PersonGroup]) -> None:
    """The lone surname of a person already named in full that is also a place's name
    ("Dewi Kartika Sari" ... "Sari said"): the place cue keeps such a word from ever being a
    name on its own, but once the full name is known, the word alone is that person unless a
    preposition makes it a place. Only these few surnames are looked for, so the pass costs a
    substring test per sentence."""
    cities = lexicon.countries().cities
    wanted: dict[str, PersonGroup] = {}
    for group in groups:
        words = group.full.name_tokens
        if len(words) >= 2 and lexicon.phrase(words[-1]) in cities:
            wanted.setdefault(words[-1], group)
    if not wanted:
        return
    taken = {(c.span.start, c.span.end) for g in groups for c in g.candidates}
    covered = sorted(taken)
    for number, sentence in enumerate(sentences):
        if not any(word in sentence.text for word in wanted):
            continue
        tokens = sentence.tokens
        for index, token in enumerate(tokens):
            group = wanted.get(token.text)
            if group is None or (index and tokens[index - 1].folded in _BEFORE_A_PLACE):
                continue
            if index + 1 < len(tokens) and tokens[index + 1].capitalised:
                continue  # part of a longer name or a place's name
            at = bisect.bisect_right(covered, (token.start, token.end)) - 1
            if at >= 0 and covered[at][0] <= token.start < covered[at][1]:
                continue  # inside a mention already found
            span = Span(token.start, token.end)
            speaks = bool(cues.is_reporting_verb_at(tokens, index + 1))
            group.add(Candidate((token.text,), span, number, speaker=speaks))


def _of_civil_society(group: PersonGroup) -> bool:
    """Whether every word of the article makes a person one of a non-governmental body's."""
    members = group.candidates
    return any(c.civil_society for c in members) and not any(
        c.rank or (c.title and c.official) for c in members
    )


def _build_people(
    document: Document,
    groups: list[PersonGroup],
    delegations: dict[int, str],
    sides: list[str],
) -> tuple[list[PersonExtraction], list[tuple[Span, str]]]:
    drafts = []
    for group in sorted(groups, key=lambda g: min(c.span.start for c in g.candidates)):
        members = sorted(group.candidates, key=lambda c: c.span.start)
        full = group.full
        titled = [c for c in members if c.title]
        title_source = max(titled, key=lambda c: len(c.title or "")) if titled else None
        ranks = [c.rank for c in members if c.rank]
        country = next((c.country for c in members if c.country), None)
        if country is None:
            country = next(
                (delegations[c.sentence] for c in members if c.sentence in delegations), None
            )
        officials = [c.official for c in members if c.official is not None]
        is_official = any(officials) or bool(ranks)
        honorific = next((c.honorific for c in members if c.honorific), None)
        drafts.append(
            {
                "members": members,
                "name": full.name,
                "title": title_source.title if title_source else None,
                "rank": max(ranks, key=len) if ranks else None,
                "country": country,
                "is_official": is_official,
                "honorific": honorific,
            }
        )
    if len(drafts) <= MAX_PEOPLE_FOR_COUNTERPARTS:
        _counterpart_titles(drafts)
        _counterpart_countries(drafts, sides)
    people = []
    mentions: list[tuple[Span, str]] = []
    used_keys: set[str] = set()
    for draft in drafts:
        key = _unique_key(draft["name"], used_keys)
        aliases = []
        for member in draft["members"]:
            forms = [member.name]
            if member.rank:
                forms.append(f"{member.rank} {member.name}")
            for form in forms:
                if form != draft["name"] and form not in aliases:
                    aliases.append(form)
        person_mentions = tuple(
            PersonMention(document.text[m.span.start : m.span.end], m.span, m.title)
            for m in draft["members"]
        )
        mentions += [(m.span, key) for m in draft["members"]]
        confidence, reasons = _person_evidence(draft, len(person_mentions))
        people.append(
            PersonExtraction(
                key=key,
                name=draft["name"],
                aliases=tuple(aliases),
                title=draft["title"],
                rank=draft["rank"],
                country=draft["country"],
                institution=None,
                mentions=person_mentions,
                is_official=draft["is_official"],
                confidence=confidence,
                reasons=reasons,
                honorific=draft["honorific"],
                office=office_class(draft["title"], draft["rank"]),
            )
        )
    mentions.sort(key=lambda item: item[0].start)
    return people, mentions


def _person_evidence(draft: dict, mentions: int) -> tuple[float, tuple[str, ...]]:
    """How sure a person is an official, and why: a title or rank written beside the name
    is the evidence; a country and several mentions add to it."""
    reasons = []
    confidence = 0.3
    if draft["title"]:
        confidence += 0.35
        reasons.append(f"title “{draft['title']}” written beside the name")
    if draft["rank"]:
        confidence += 0.25
        reasons.append(f"rank “{draft['rank']}”")
    if draft["country"]:
        confidence += 0.1
        reasons.append(f"country {draft['country']}")
    if mentions > 1:
        confidence += 0.05
    reasons.append(f"named {mentions} time{'s' if mentions != 1 else ''}")
    return round(min(confidence, 1.0), 2), tuple(reasons)


def _counterpart_titles(drafts: list[dict]) -> None:
    """ "his Russian counterpart Sergey Lavrov" holds the office of the person he meets."""
    for draft in drafts:
        if _title_heads_of(draft["title"]) != {"counterpart"}:
            continue
        sentences = {member.sentence for member in draft["members"]}
        for other in drafts:
            if other is draft or not other["title"] or other["title"] == draft["title"]:
                continue
            if sentences & {member.sentence for member in other["members"]}:
                draft["title"] = other["title"]
                break


def _counterpart_countries(drafts: list[dict], sides: list[str]) -> None:
    """In a two-sided article, a person with the same office as a placed counterpart is from
    the other side ("President Pezeshkian" opposite "Iraqi President Rashid")."""
    if len(sides) != 2:
        return
    for draft in drafts:
        if draft["country"] or not draft["is_official"]:
            continue
        heads = _title_heads_of(draft["title"])
        placed = {
            other["country"]
            for other in drafts
            if other is not draft
            and other["country"] in sides
            and heads & _title_heads_of(other["title"])
        }
        if len(placed) == 1:
            (counterpart,) = placed
            draft["country"] = sides[1] if counterpart == sides[0] else sides[0]


def _unique_key(name: str, used: set[str]) -> str:
    base = "-".join(cues.fold(name).split()) or "person"
    key, number = base, 2
    while key in used:
        key, number = f"{base}-{number}", number + 1
    used.add(key)
    return key


def names_of(people: Iterable[PersonExtraction]) -> dict[str, PersonExtraction]:
    return {person.key: person for person in people}
