"""Word lists the extractors share, loaded once from the data files next to this module.

Why data files: the rules stay general and the vocabulary grows without code changes; a new
rank, title or country word is one line. Every loader is cached, so a lexicon is parsed once
per process. Phrases are stored as tuples of tokens (see `segment.tokenize`) so that text and
lexicon are compared token by token, never with one giant regex.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..segment import word_tokens

HERE = Path(__file__).parent


def _lines(name: str) -> list[str]:
    """Return the non-comment, non-empty lines of a lexicon file."""
    text = (HERE / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def phrase(text: str) -> tuple[str, ...]:
    """Tokenise a lexicon phrase the way article text is tokenised."""
    return tuple(word_tokens(text))


def folded(text: str) -> tuple[str, ...]:
    """Tokenise and casefold a phrase, for case-insensitive lexicons."""
    return tuple(token.casefold() for token in word_tokens(text))


@dataclass(frozen=True)
class Country:
    """A country and the words articles use for it."""

    code: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    cities: tuple[str, ...]

    @property
    def capital(self) -> str | None:
        return self.cities[0] if self.cities else None

    @property
    def adjective(self) -> str:
        """The form used before an organisation ("Iranian Armed Forces")."""
        return self.demonyms[0] if self.demonyms else self.name


@dataclass(frozen=True)
class CountryLexicon:
    """Countries by code and every surface form (case-sensitive token tuples) by code."""

    by_code: dict[str, Country]
    names: dict[tuple[str, ...], str]
    demonyms: dict[tuple[str, ...], str]
    cities: dict[tuple[str, ...], str]
    # First word -> (words, code, kind) of every form starting with it, longest first, and at
    # equal length a name before a demonym before a city: the order country_at tries them.
    forms: dict[str, tuple[tuple[tuple[str, ...], str, str], ...]]

    def name(self, code: str | None) -> str | None:
        country = self.by_code.get(code or "")
        return country.name if country else None

    def code_for_name(self, name: str | None) -> str | None:
        """Return the code of a country given by any of its names ("Iran", "IR")."""
        if not name:
            return None
        if name.upper() in self.by_code and len(name) == 2:
            return name.upper()
        key = phrase(name)
        return self.names.get(key) or self.demonyms.get(key)


def _split(field: str) -> list[str]:
    return [item.strip() for item in field.split(",") if item.strip()]


@cache
def countries() -> CountryLexicon:
    """Every ISO country with its names, demonyms, capital and major cities."""
    iso = json.loads((HERE / "country_names.json").read_text(encoding="utf-8"))
    extra: dict[str, tuple[list[str], list[str], list[str]]] = {}
    for line in _lines("countries_extra.txt"):
        code, others, demonyms, cities = (part.strip() for part in line.split("|"))
        extra[code] = (_split(others), _split(demonyms), _split(cities))
    by_code: dict[str, Country] = {}
    names: dict[tuple[str, ...], str] = {}
    demonym_map: dict[tuple[str, ...], str] = {}
    city_map: dict[tuple[str, ...], str] = {}
    for code, entry in iso.items():
        others, demonyms, cities = extra.get(code, ([], [], []))
        all_names = [entry["name"], entry["iso_name"], *others]
        country = Country(code, entry["name"], tuple(all_names), tuple(demonyms), tuple(cities))
        by_code[code] = country
        for surface in all_names:
            names.setdefault(phrase(surface), code)
            if surface.startswith("the "):
                names.setdefault(phrase(surface[4:]), code)
        for surface in demonyms:
            demonym_map.setdefault(phrase(surface), code)
        for surface in cities:
            city_map.setdefault(phrase(surface), code)
    grouped: dict[str, list[tuple[int, int, tuple[str, ...], str, str]]] = {}
    for rank, (kind, table) in enumerate(
        (("name", names), ("demonym", demonym_map), ("city", city_map))
    ):
        for words, code in table.items():
            if words:
                grouped.setdefault(words[0], []).append((-len(words), rank, words, code, kind))
    forms = {
        first: tuple((words, code, kind) for _, _, words, code, kind in sorted(entries))
        for first, entries in grouped.items()
    }
    return CountryLexicon(by_code, names, demonym_map, city_map, forms)


@cache
def ranks() -> frozenset[tuple[str, ...]]:
    """Military ranks as token tuples (case-sensitive: ranks are capitalised before names)."""
    return frozenset(phrase(line) for line in _lines("ranks.txt"))


@cache
def rank_words() -> frozenset[str]:
    """Single words that occur in ranks, casefolded ("general", "admiral")."""
    abbreviations = {word for rank in ranks() if "." in rank for word in rank}
    return frozenset(
        word.casefold()
        for rank in ranks()
        if "." not in rank
        for word in rank
        if word not in abbreviations  # "Gen" is also a given name ("Gen Nakatani")
    )


@cache
def honorifics() -> frozenset[tuple[str, ...]]:
    return frozenset(phrase(line) for line in _lines("honorifics.txt"))


@cache
def title_heads() -> frozenset[tuple[str, ...]]:
    """Words naming a position, casefolded token tuples ("prime", "minister")."""
    return frozenset(folded(line) for line in _lines("titles.txt"))


@cache
def nonofficial_heads() -> frozenset[str]:
    return frozenset(line.split()[0].casefold() for line in _lines("nonofficial_titles.txt"))


@cache
def title_words() -> frozenset[str]:
    """Casefolded words that may occur inside a title phrase."""
    words = {line.casefold() for line in _lines("title_words.txt")}
    for head in title_heads():
        words.update(head)
    return frozenset(words)


@cache
def org_words() -> dict[tuple[str, ...], str]:
    """Organisation words (case-sensitive token tuples) and the kind each suggests."""
    table = {}
    for line in _lines("org_words.txt"):
        word, kind = (part.strip() for part in line.split("|"))
        table[phrase(word)] = kind
    return table


@cache
def media_words() -> frozenset[str]:
    return frozenset(_lines("media_words.txt"))


@cache
def reporting_verbs() -> frozenset[tuple[str, ...]]:
    return frozenset(folded(line) for line in _lines("reporting_verbs.txt"))


@cache
def stop_capitals() -> frozenset[str]:
    return frozenset(_lines("stop_capitals.txt"))


@cache
def regions() -> frozenset[tuple[str, ...]]:
    """Regions and seas as token tuples: place words that are not countries."""
    return frozenset(phrase(line) for line in _lines("regions.txt"))


NAME_PARTICLES = frozenset(
    [
        "al",
        "el",
        "bin",
        "ibn",
        "bint",
        "abu",
        "de",
        "da",
        "di",
        "du",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "le",
        "la",
        "dos",
        "das",
        "ul",
    ]
)
