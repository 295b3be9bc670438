"""Resolution, in one home: is it the same person, title, institution or meeting?

This module compares names, titles and dates (pure functions, no database); `stored` finds
what an extracted record is in the archive (by provenance, then by these comparisons), so
that `load` only writes what resolution decided.

Transliterated names vary between outlets ("Khatami"/"Hatami", "Shamhani"/"Shamkhani",
"Mohammad"/"Muhammad", "al-Araji"/"Al Araji"), so names are compared through a normalised
key that folds these variants; a surname alone matches a full name only when the country
agrees and the titles are compatible, because surnames are shared by many people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from rapidfuzz.fuzz import ratio

from .. import lexicon
from ..cues import fold

_NON_LETTER = re.compile(r"[^a-z\s]+")
_SPACES = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w\s]+")
_LEADING_ARTICLE = re.compile(r"^the\s+")
_DOUBLE = re.compile(r"([a-z])\1+")
_PREFIX_ARTICLE = re.compile(r"\b(?:al|el|ul|ad|as|ash|an|ar|at|az)\s+(?=[a-z])")
GIVEN_NAME_VARIANTS = {
    "muhammad": "mohammad",
    "mohammed": "mohammad",
    "muhammed": "mohammad",
    "mohamed": "mohammad",
    "mohamad": "mohammad",
    "mehmet": "mohammad",
    "ahmad": "ahmed",
    "hossein": "hussein",
    "husayn": "hussein",
    "hosein": "hussein",
    "hasan": "hassan",
    "qasem": "qassem",
    "qassim": "qassem",
    "kassem": "qassem",
    "yusuf": "yousef",
    "yousuf": "yousef",
    "youssef": "yousef",
}
TITLE_NOISE = frozenset(
    ["the", "of", "a", "an", "and", "for", "to", "in", "on", "at", "his", "her", "its", "their"]
)
TITLE_SYNONYMS = {
    "defence": "defense",
    "adviser": "advisor",
    "affairs": "",
    "counselor": "counsellor",
    "forces": "forces",
    "secretary-general": "secretary general",
}
# Modifiers that change the office: "President" is not "Vice President".
OFFICE_CHANGING = frozenset(
    ["vice", "deputy", "assistant", "under", "former", "acting", "first", "second"]
)


@dataclass(frozen=True, slots=True)
class PersonRef:
    """What is known of a person for matching: names, ISO country, title."""

    names: tuple[str, ...]
    country: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class MeetingRef:
    """What is known of a meeting for matching across reports."""

    start: date | None = None
    end: date | None = None
    month: int | None = None  # for a day and month without a year
    day: int | None = None
    city: str | None = None
    countries: tuple[str, ...] = ()
    participants: tuple[PersonRef, ...] = ()


@cache
def _ranks_and_honorifics() -> list[str]:
    words = [" ".join(rank) for rank in lexicon.ranks()]
    words += [" ".join(h) for h in lexicon.honorifics()]
    return sorted({fold(w).replace(".", "") for w in words}, key=len, reverse=True)


def institution_key(name: str) -> str:
    """Normalise an institution or agreement name for matching: case, accents, possessives,
    punctuation and a leading "the" ignored. The loader, the admin and the evaluation all
    match institutions by this one key."""
    plain = fold(name).replace("’", "'").replace("'s ", " ")
    plain = _SPACES.sub(" ", _NON_WORD.sub(" ", plain)).strip()
    return _LEADING_ARTICLE.sub("", plain)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A normalised name: casefolded, no diacritics, transliteration variants unified,
    articles ("al-", "El ") and ranks or honorifics removed."""
    text = fold(name).replace("’", "'").replace("'", "").replace("-", " ").replace(".", "")
    text = _SPACES.sub(" ", _NON_LETTER.sub(" ", text)).strip()
    padded = f" {text} "
    for prefix in _ranks_and_honorifics():
        if padded.startswith(f" {prefix} "):
            padded = " " + padded[len(prefix) + 2 :]
    text = _PREFIX_ARTICLE.sub("", padded.strip())
    words = [GIVEN_NAME_VARIANTS.get(word, word) for word in text.split()]
    normalised = []
    for word in words:
        word = word.replace("kh", "h").replace("ou", "u").replace("ee", "i").replace("gh", "g")
        word = word.replace("dj", "d")  # "Djordje" is how "Đorđe" is written in ASCII
        word = word.replace("q", "k").replace("w", "v").replace("y", "i")
        word = _DOUBLE.sub(r"\1", word)
        normalised.append(word)
    return " ".join(normalised)


@lru_cache(maxsize=262144)
def _similar(a: str, b: str) -> float:
    """Similarity of two name keys, 0..1 (rapidfuzz's normalised Indel similarity: difflib's
    ratio computed exactly and in C, which matters when an import compares thousands)."""
    return ratio(a, b) / 100


@lru_cache(maxsize=262144)
def _pair_score(a: str, b: str) -> float:
    """Similarity of two names: full match, surname match, or sub-sequence match.

    Cached: an import compares each new name with every official sharing a word with it
    (common given names make that many), and the same pairs come back article after article."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    ta, tb = ka.split(), kb.split()
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    # A shorter form that is a contiguous part of the longer one ("Juma Inad" / "Juma Inad
    # Saadoun", "Bagheri" / "Mohammad Bagheri").
    for offset in range(len(long_) - len(short) + 1):
        if long_[offset : offset + len(short)] == short:
            if len(short) == 1 and offset == 0 and len(long_) > 1:
                return 0.5  # a given name alone
            return 0.9
    if len(short) == 1:
        best = max(_similar(short[0], word) for word in long_[1:] or long_)
        return 0.85 if best >= 0.85 else best * 0.6
    if short[-1] != long_[-1] and _similar(short[-1], long_[-1]) < 0.85:
        return 0.2 * _similar(ka, kb)
    return _similar(ka, kb)


def names_compatible(a_names: Iterable[str], b_names: Iterable[str]) -> float:
    """How well two sets of name forms fit one person, 0..1."""
    a_list, b_list = list(a_names), list(b_names)
    scores = [_pair_score(a, b) for a in a_list for b in b_list]
    return max(scores, default=0.0)


def _title_tokens(title: str) -> set[str]:
    countries = lexicon.countries()
    words = fold(title).replace("’", "'").replace("-", " ")
    tokens = set()
    for raw in re.findall(r"[a-z']+", words):
        word = raw[:-2] if raw.endswith("'s") else raw.strip("'")
        if word in TITLE_NOISE:
            continue
        cap = word.capitalize()
        if (cap,) in countries.names or (cap,) in countries.demonyms or word.upper() == word:
            continue
        word = TITLE_SYNONYMS.get(word, word)
        if word:
            tokens.update(word.split())
    tokens.discard("islamic")
    tokens.discard("republic")
    return tokens


def titles_compatible(a: str | None, b: str | None) -> bool:
    """Same office, ignoring case, articles, "of", word order and country words.
    One title may be a fuller form of the other ("Minister" / "Defense Minister"), but a
    modifier that changes the office ("Vice", "Deputy") must be on both sides."""
    if not a or not b:
        return True
    ta, tb = _title_tokens(a), _title_tokens(b)
    if not ta or not tb:
        return True
    if (ta & OFFICE_CHANGING) != (tb & OFFICE_CHANGING):
        return False
    return ta <= tb or tb <= ta


def person_match_score(a: PersonRef, b: PersonRef) -> float:
    """0..1: how likely two references are the same person."""
    score = names_compatible(a.names, b.names)
    if score <= 0.0:
        return 0.0
    if a.country and b.country and a.country != b.country:
        return 0.0
    if not titles_compatible(a.title, b.title):
        score *= 0.5
    shortest = min(
        min((len(name_key(n).split()) for n in a.names), default=0),
        min((len(name_key(n).split()) for n in b.names), default=0),
    )
    full_a = max((len(name_key(n).split()) for n in a.names), default=0)
    full_b = max((len(name_key(n).split()) for n in b.names), default=0)
    if min(full_a, full_b) == 1 or (shortest == 1 and score < 1.0):
        # A surname alone: only with agreeing country and compatible titles.
        if not (a.country and b.country and a.country == b.country):
            score = min(score, 0.6)
        if not titles_compatible(a.title, b.title):
            score = min(score, 0.4)
    return round(score, 3)


def _date_range(ref: MeetingRef) -> tuple[date, date] | None:
    if ref.start is None:
        return None
    return ref.start, ref.end or ref.start


def meetings_compatible(a: MeetingRef, b: MeetingRef) -> float:
    """0..1: how likely two reports describe one meeting."""
    if a.countries and b.countries and set(a.countries) != set(b.countries):
        return 0.0
    if a.city and b.city and fold(a.city) != fold(b.city):
        return 0.0
    score = 0.3
    ra, rb = _date_range(a), _date_range(b)
    if ra and rb:
        if ra[0] > rb[1] or rb[0] > ra[1]:
            gap = min(abs((ra[0] - rb[1]).days), abs((rb[0] - ra[1]).days))
            if gap > 2:
                return 0.0
        score += 0.3
    else:
        partial = [(r.month, r.day) for r in (a, b) if r.start is None and r.month]
        full = [r for r in (a, b) if r.start is not None]
        if partial and full:
            month, day = partial[0]
            other = full[0]
            lo, hi = _date_range(other) or (other.start, other.start)
            if lo.month != month and hi.month != month:
                return 0.0
            if day and not (lo.day - 2 <= day <= hi.day + 2):
                return 0.0
            score += 0.2
    if a.city and b.city:
        score += 0.1
    shared = 0
    for person in a.participants:
        if any(person_match_score(person, other) >= 0.75 for other in b.participants):
            shared += 1
    if shared == 0 and a.participants and b.participants:
        return min(score, 0.3)
    score += min(0.4, 0.2 * shared)
    return round(min(score, 1.0), 3)
