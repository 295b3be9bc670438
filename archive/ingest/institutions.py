"""Organisations: capitalised phrases built on an organisation word.

"Iranian Ministry of Defense", "Defense University of Iraq", "Supreme National Security
Council", "Popular Mobilization Forces". A leading office ("Secretary of the ...", "Chief of
Staff of ...") is not part of the name; a trailing person name is not either. A possessive
country is the institution's country: "Iran's Armed Forces" is the "Iranian Armed Forces"
(short generic names keep the country as an adjective so they stay distinguishable).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter

from . import cues, lexicon
from .agreements import STRONG_NOUNS, WEAK_NOUNS
from .people import PeopleResult
from .segment import Sentence, Token
from .types import Document, InstitutionExtraction, Span, StageResult

MAX_ORG_TOKENS = 16
CONNECTORS = (("of", "the"), ("for", "the"), ("of",), ("for",), ("on",))
_CONNECTOR_FIRST_WORDS = frozenset(connector[0] for connector in CONNECTORS)


def _connector_at(tokens: list[Token], index: int) -> int:
    if index >= len(tokens) or tokens[index].text not in _CONNECTOR_FIRST_WORDS:
        return 0
    for connector in CONNECTORS:
        end = index + len(connector)
        if (
            end < len(tokens)
            and tuple(t.text for t in tokens[index:end]) == connector
            and (tokens[end].capitalised and tokens[end].is_word)
            and tokens[end].base not in lexicon.stop_capitals()  # "… on Wednesday"
        ):
            return len(connector)
    return 0


class _Lookups:
    """What the lexicons say about each token of one sentence, looked up once per token.

    Finding, trimming, naming and classifying an organisation ask the same questions of the
    same tokens (is an organisation word here? a title? a country?), and every organisation
    looks back for the nearest country word; without this, a sentence of many capitalised
    phrases would ask the lexicons the same question again and again. The lists are made
    when the sentence's first phrase is examined, so a sentence without a capitalised phrase
    costs nothing."""

    def __init__(self, sentence: Sentence) -> None:
        self.sentence = sentence
        self.tokens = sentence.tokens
        self._org_kinds: list[str | None] | None = None
        self._title_heads: list[int] | None = None

    @property
    def org_kinds(self) -> list[str | None]:
        """cues.org_word_at at each token."""
        if self._org_kinds is None:
            self._org_kinds = cues.org_words_in(self.tokens)
        return self._org_kinds

    @property
    def title_heads(self) -> list[int]:
        """cues.title_head_at at each token."""
        if self._title_heads is None:
            self._title_heads = cues.title_heads_in(self.tokens)
        return self._title_heads

    @property
    def countries(self) -> tuple[cues.CountryCue | None, ...]:
        """cues.country_at at each token (kept by the sentence: other stages ask it too)."""
        return cues.countries_of(self.sentence)

    def country_code_before(self, start: int, reach: int) -> str | None:
        """Code of the nearest country word starting within `reach` tokens before start."""
        countries = self.countries
        for index in range(start - 1, max(-1, start - reach), -1):
            cue = countries[index]
            if cue:
                return cue.code
        return None


def _phrase_end(tokens: list[Token], start: int, kinds: list[str | None] | None = None) -> int:
    """End of a capitalised phrase with connectors, from start. With `kinds` (the
    organisation word at each token), "and" joins two parts of one name when an organisation
    word stands on either side of it and the part after it does not start another body
    ("Ministry of Infrastructure and Equipment", "Ports and Free Zones Authority")."""
    stop_capitals = lexicon.stop_capitals()
    index = start
    while index < len(tokens) and index - start < MAX_ORG_TOKENS:
        token = tokens[index]
        if token.is_word and token.capitalised and token.base not in stop_capitals:
            index += 1
            if token.possessive:
                if index < len(tokens) and tokens[index].capitalised:
                    continue
                break
            continue
        if (
            token.text in "’'"
            and index > start
            and tokens[index - 1].text.endswith("s")
            and (
                index + 1 < len(tokens)
                and tokens[index + 1].capitalised
                and tokens[index].start == tokens[index - 1].end
            )
        ):
            index += 1
            continue
        if (
            kinds is not None
            and token.text == "and"
            and _and_inside_name(tokens, kinds, start, index)
        ):
            index += 1
            continue
        length = _connector_at(tokens, index) if index > start else 0
        if (
            length
            and tokens[index].text == "on"
            and any(t.text == "of" for t in tokens[start:index])
            and not (kinds is not None and kinds[index - 1])
        ):
            break  # "Ministry of Defence on Jakobsgatan": where it stands, not its name
        if length:
            index += length
            continue
        break
    return index


def _and_inside_name(tokens: list[Token], kinds: list[str | None], start: int, index: int) -> bool:
    following = index + 1
    if index == start or following >= len(tokens):
        return False
    if any(cues.title_head_at(tokens, k) for k in range(following, min(len(tokens), index + 4))):
        return False  # "Chief of Staff and Coordinating Deputy of …": two offices
    after = tokens[following]
    if not (after.is_word and after.capitalised) or kinds[following]:
        return False  # "and the …", "and Ministry of …": another body
    if after.base in lexicon.stop_capitals() or cues.country_at(tokens, following):
        return False
    before_has = any(kinds[start:index])
    after_has = any(kinds[following : following + 4])
    return before_has or after_has


def _trim(lookups: _Lookups, start: int, end: int) -> tuple[int, int]:
    """Drop a leading office ("President of the") and anything after the organisation."""
    tokens, heads, kinds = lookups.tokens, lookups.title_heads, lookups.org_kinds
    trimmed = False
    while True:
        cursor, saw_head = start, trimmed
        while cursor < end and tokens[cursor].capitalised:
            head = heads[cursor]
            if head:
                saw_head, cursor = True, cursor + head
            elif cues.is_title_word(tokens[cursor]) and not kinds[cursor]:
                cursor += 1
            else:
                break
        connector = _connector_at(tokens, cursor) if saw_head and cursor < end else 0
        if not connector:
            break
        start, trimmed = cursor + connector, True
    last_org = None
    media = lexicon.media_words()
    index = start
    while index < end:
        head = heads[index]
        if head > 1:  # "Chief of Staff" is an office, its "Staff" no organisation
            index += head
            continue
        if kinds[index] or tokens[index].base in media:
            last_org = index
        index += 1
    if last_org is None:
        return start, start
    stop = last_org + 1
    while stop < end and tokens[stop].is_word and tokens[stop].capitalised and kinds[stop]:
        stop += 1
    connector = _connector_at(tokens, stop) if stop < end else 0
    if connector:
        stop = end  # "Ministry of Defense", "Center of Imam Khomeini": the complement stays
    return start, stop


# A phrase that opens with one of these names a document, not a body ("Plan of Joint
# Activities of the Ministry of Defence …"): the body inside it is the institution.
DOCUMENT_NOUNS = STRONG_NOUNS | WEAK_NOUNS


def _inner_body(lookups: _Lookups, start: int, stop: int) -> tuple[int, int] | None:
    """The body named after an "of (the)" of a phrase, when the phrase is a unit or a
    document of it: "Health Service of the Royal Armed Forces" names the Royal Armed Forces
    too, "Plan of Joint Activities of the Ministry of Defence of …" the ministry. It is the
    first part after an "of" that holds an organisation word; a country's formal name after
    "of" is no body ("Ministry of Defence of the Republic of Belarus")."""
    tokens, kinds = lookups.tokens, lookups.org_kinds
    for index in range(start + 1, stop - 1):
        if tokens[index].text != "of":
            continue
        inner = index + 2 if tokens[index + 1].folded == "the" else index + 1
        if inner >= stop or not tokens[inner].capitalised:
            return None
        part_end = next((k for k in range(inner, stop) if tokens[k].text == "of"), stop)
        if not any(kinds[inner:part_end]):
            continue  # "of Defence", "of Joint Activities": the name goes on
        inner_start, inner_stop = _trim(lookups, inner, stop)
        if inner_stop - inner_start >= 2:
            return inner_start, inner_stop
        return None
    return None


def _is_media(token: Token) -> bool:
    return token.base in lexicon.media_words()


def _kind(lookups: _Lookups, start: int, end: int) -> str:
    kinds = lookups.org_kinds[start:end]
    if any(_is_media(t) for t in lookups.tokens[start:end]) and not any(
        kind not in (None, "other") for kind in kinds
    ):
        return "news_agency"
    kind = "other"
    for found in kinds:
        if found:
            kind = found
    return kind


_BASE = attrgetter("base")


@cache
def _naming_words() -> frozenset[str]:
    """Words one of which an institution's name holds: the first words of organisation words
    and media words (see _trim, which keeps a phrase only up to its last such word)."""
    return frozenset(entry[0] for entry in lexicon.org_words() if entry) | lexicon.media_words()


def _country_near(lookups: _Lookups, start: int, person_countries: list[str]) -> str | None:
    found = lookups.country_code_before(start, 40)
    if found:
        return found
    return person_countries[0] if person_countries else None


@dataclass(slots=True)
class _Found:
    """An institution while the text is read: its spans are appended to one list (rebuilding
    a tuple per mention made an institution named n times cost n²)."""

    name: str
    country: str | None
    kind: str
    spans: list[Span]
    aliases: list[str] = field(default_factory=list)


def extract_institutions(
    document: Document, sentences: list[Sentence], people: PeopleResult
) -> StageResult[InstitutionExtraction]:
    """Institutions named in the body, one per name, with country and kind."""
    found: dict[str, _Found] = {}
    countries_of = {p.key: p.country for p in people.items}
    starts = [span.start for span, _ in people.mentions]
    stop_capitals = lexicon.stop_capitals()
    naming_words = _naming_words()
    for sentence in sentences:
        if not sentence.has_capital:
            continue
        tokens = sentence.tokens
        if naming_words.isdisjoint(map(_BASE, tokens)):
            continue  # no organisation or media word: no phrase here names an institution
        lookups = _Lookups(sentence)
        first = bisect.bisect_left(starts, sentence.span.start)
        last = bisect.bisect_left(starts, sentence.span.end)
        person_countries = [
            countries_of[key] for _, key in people.mentions[first:last] if countries_of.get(key)
        ]
        index = 0
        for first_word in sentence.capitals:  # a phrase starts with a capitalised word
            token = tokens[first_word]
            if first_word < index or not token.is_word or token.base in stop_capitals:
                continue
            end = _phrase_end(tokens, first_word, lookups.org_kinds)
            start, stop = _trim(lookups, first_word, end)
            if stop > start:
                if tokens[first_word].base_folded not in DOCUMENT_NOUNS:
                    _add(document, lookups, start, stop, found, person_countries)
                inner = _inner_body(lookups, start, stop)
                if inner is not None:
                    _add(document, lookups, *inner, found, person_countries)
            index = max(end, first_word + 1)
    _issuing_bodies(document, found)
    return StageResult(
        tuple(
            InstitutionExtraction(f.name, f.country, f.kind, tuple(f.spans), tuple(f.aliases))
            for f in found.values()
        )
    )


_SMALL_WORDS = frozenset(["of", "the", "and", "for", "on", "in", "at"])


def _issuing_bodies(document: Document, found: dict[str, _Found]) -> None:
    """The body that issued a release, from its letterhead in capitals ("MINISTRY OF FOREIGN
    AFFAIRS" over "GOVERNMENT OF PAKISTAN"): an institution, with the letterhead's country."""
    lines = [
        (zone.span, document.text[zone.span.start : zone.span.end].strip())
        for zone in document.zones[:12]
        if zone.kind == "letterhead"
    ]
    if not lines:
        return
    country = None
    for _, text in lines:
        words = text.title().split()
        for index in range(len(words)):
            code = lexicon.countries().code_for_name(" ".join(words[index:]))
            if code:
                country = country or code
                break
    org_words = {word[0].casefold() for word in lexicon.org_words() if len(word) == 1}
    for span, text in lines:
        words = text.split()
        if not any(word.casefold() in org_words for word in words):
            continue
        name = " ".join(
            word.lower() if i and word.casefold() in _SMALL_WORDS else word.capitalize()
            for i, word in enumerate(words)
        )
        if lexicon.countries().code_for_name(name):
            continue  # "Republic of Iraq" is the country, not a body
        key = cues.fold(name)
        if key not in found:
            kind = next(
                (
                    k
                    for w, k in lexicon.org_words().items()
                    if w[0].casefold() in {x.casefold() for x in words}
                ),
                "other",
            )
            found[key] = _Found(name, country, kind, [span])


_STATE_WORDS = frozenset(
    ["republic", "kingdom", "state", "federation", "commonwealth", "union", "emirate", "sultanate"]
)
# The words of a country's formal name before its "of": "the Federal Democratic Republic of".
_FORMAL_STATE_WORDS = _STATE_WORDS | frozenset(
    [
        "federal",
        "democratic",
        "people's",
        "islamic",
        "arab",
        "socialist",
        "united",
        "plurinational",
        "bolivarian",
        "hashemite",
        "cooperative",
        "co-operative",
        "principality",
        "grand",
        "duchy",
    ]
)


def _owner_country(tokens: list[Token], countries, start: int, stop: int) -> tuple[int, str] | None:
    """(index of "of", country) when an organisation's name ends in "of" and its country's
    formal name ("Ministry of Defence of the Republic of Kazakhstan", "Embassy of the Federal
    Democratic Republic of Ethiopia") or in a second "of <country>"; a name whose only "of"
    names its country by its short name keeps it ("Armed Forces of Ukraine")."""
    seen_of = False
    for index in range(start + 1, stop):
        if tokens[index].text != "of":
            continue
        first_of, seen_of = not seen_of, True
        cursor = index + 1
        if cursor < stop and tokens[cursor].folded == "the":
            cursor += 1
        formal = cursor
        while formal < stop and tokens[formal].folded in _FORMAL_STATE_WORDS:
            formal += 1  # "Federal Democratic Republic", "Kingdom"
        formal_name = formal > cursor and formal + 1 < stop and tokens[formal].text == "of"
        if formal_name:
            cursor = formal + 1
        elif first_of or index < start + 2:
            continue  # the first "of" is the name's own ("Armed Forces of Ukraine")
        cue = countries[cursor] if cursor < stop else None
        if cue and cue.kind == "name" and cursor + cue.length == stop:
            return index, cue.code
    return None


def _ends_with_owner(tokens: list[Token], countries, start: int, stop: int) -> int | None:
    """The index of the last "of" when a name ends in "of [the] <country>" or "of [the]
    <a legislature's name>" (its owner), else None."""
    for index in range(stop - 2, start, -1):
        if tokens[index].text != "of":
            continue
        cursor = index + 2 if tokens[index + 1].folded == "the" else index + 1
        if cursor >= stop:
            return None
        cue = countries[cursor]
        if cue is not None and cue.kind == "name" and cursor + cue.length == stop:
            return index
        owner = " ".join(t.text for t in tokens[cursor:stop])
        return index if owner in lexicon.proper_org_names() else None
    return None


def _add(
    document: Document,
    lookups: _Lookups,
    start: int,
    stop: int,
    found: dict[str, _Found],
    person_countries: list[str],
) -> None:
    tokens, kinds = lookups.tokens, lookups.org_kinds
    words = [t for t in tokens[start:stop] if t.is_word]
    proper = [
        t
        for index, t in enumerate(tokens[start:stop], start)
        if t.is_word and not kinds[index] and t.text not in ("of", "the", "for", "on")
    ]
    named = lexicon.proper_org_names()
    whole = " ".join(t.text for t in words)
    if (len(words) < 2 or not proper) and not (
        whole in named or any(t.text in named for t in words)
    ):
        return
    countries = lookups.countries
    cue = countries[start]
    name_start = start
    country = None
    if cue and cue.possessive:
        country = cue.code
        name_start = start + cue.length
        remainder = document.text[tokens[name_start].start : tokens[stop - 1].end]
        if stop - name_start <= 2:
            name = f"{lexicon.countries().by_code[cue.code].adjective} {remainder}"
        else:
            name = remainder
    else:
        name = document.text[tokens[start].start : tokens[stop - 1].end]
    if cue and cue.kind == "name" and stop - start == cue.length:
        return  # a country's own name ("Islamic Republic of Iran")
    owner = _owner_country(tokens, countries, start, stop)
    short = None
    if owner is not None and country is None:
        # "Ministry of Defence of the Republic of Kazakhstan" is Kazakhstan's Ministry of
        # Defence: recorded under the name as written, with its country, and known by the
        # short name too (the one other mentions and other reports use)
        of_index, country = owner
        if of_index - start >= 2:  # "Embassy" alone would name every embassy of that country
            short = document.text[tokens[start].start : tokens[of_index - 1].end]
    if owner is None:
        owner_of = _ends_with_owner(tokens, countries, start, stop)
        if owner_of is not None and owner_of - start >= 2:
            # "National Assembly of Cambodia", "Committee on Foreign Affairs of the Seimas":
            # known by the name before its owner too, as other reports write it
            short = document.text[tokens[start].start : tokens[owner_of - 1].end]
    if country is None:
        index = start
        while index < stop:
            inner = countries[index]
            if inner and inner.kind != "city":
                country = inner.code
                break
            index += inner.length if inner else 1
    if country is None:
        country = _country_near(lookups, start, person_countries)
    span = Span(tokens[start].start, tokens[stop - 1].end)
    key = cues.fold(short or name)
    existing = found.get(key)
    if existing and country and existing.country and existing.country != country:
        # "Iran's Ministry of Defence" and "Iraq's Ministry of Defence": one name, two bodies
        key = f"{key}\0{country}"
        existing = found.get(key)
    if existing:
        existing.country = existing.country or country
        existing.spans.append(span)
        if short and existing.name == short:  # the full name after the short one
            existing.name, existing.aliases = name, [*existing.aliases, short]
        return
    found[key] = _Found(
        name, country, _kind(lookups, start, stop), [span], [short] if short else []
    )
