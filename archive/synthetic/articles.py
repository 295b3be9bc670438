"""Synthetic news articles about bilateral meetings, for import benchmarks.

Each article is built from templates with names, countries, cities, dates and quotes drawn
from a seeded random generator, so a run is repeatable and every text is distinct (distinct
content hashes: nothing is skipped as already imported).
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator
from dataclasses import dataclass

# (country, demonym, capital)
COUNTRIES = (
    ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"),
    ("Japan", "Japanese", "Tokyo"),
    ("India", "Indian", "New Delhi"),
    ("Brazil", "Brazilian", "Brasília"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("Poland", "Polish", "Warsaw"),
    ("Turkey", "Turkish", "Ankara"),
    ("Indonesia", "Indonesian", "Jakarta"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Canada", "Canadian", "Ottawa"),
    ("Iran", "Iranian", "Tehran"),
    ("Iraq", "Iraqi", "Baghdad"),
    ("China", "Chinese", "Beijing"),
    ("Russia", "Russian", "Moscow"),
)
FIRST = (
    "Anna",
    "Marek",
    "Hiro",
    "Priya",
    "Lucas",
    "Omar",
    "Grace",
    "Elif",
    "Budi",
    "Sofia",
    "Daniel",
    "Reza",
    "Ali",
    "Wei",
    "Ivan",
    "Claire",
    "Kofi",
    "Nadia",
    "Tomas",
    "Yuki",
)
LAST = (
    "Kowalski",
    "Tanaka",
    "Sharma",
    "Silva",
    "Haddad",
    "Otieno",
    "Yilmaz",
    "Santoso",
    "Garcia",
    "Tremblay",
    "Karimi",
    "Hassan",
    "Zhang",
    "Petrov",
    "Martin",
    "Weber",
    "Mensah",
    "Novak",
    "Sato",
    "Rahimi",
    "Moreau",
    "Fischer",
    "Okafor",
    "Lindqvist",
)
TITLES = ("Defense Minister", "Foreign Minister", "Interior Minister", "National Security Advisor")
QUOTES = (
    "Our two countries share a long border and a common interest in stability",
    "We agreed to expand cooperation in training, logistics and border security",
    "This visit opens a new chapter in the relations between our nations",
    "Security in the region cannot be achieved without close coordination",
    "We are ready to sign a memorandum on joint exercises before the end of the year",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class SyntheticArticle:
    """A generated article: its file name and text."""

    name: str
    text: str


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def synthetic_article(rng: random.Random, number: int) -> SyntheticArticle:
    """Return one article about a meeting between two random states."""
    (host, host_demonym, city), (guest, guest_demonym, _) = rng.sample(COUNTRIES, 2)
    title = rng.choice(TITLES)
    host_person, guest_person = _person(rng), _person(rng)
    day = datetime.date(2000, 1, 1) + datetime.timedelta(days=rng.randrange(9000))
    written = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    quote_a, quote_b = rng.sample(QUOTES, 2)
    filler = " ".join(
        rng.choice(
            (
                "The talks covered trade, energy and regional security.",
                f"Officials from {host} and {guest} also discussed visas for students.",
                "Analysts said the meeting reflected a broader shift in the region.",
                f"The {guest_demonym} delegation included senior military officers.",
            )
        )
        for _ in range(rng.randrange(2, 6))
    )
    text = (
        f"title: {host} and {guest} discuss cooperation ({number})\n"
        f"outlet: Synthetic Wire\n"
        f"published: {day.isoformat()}\n\n"
        f"{city.upper()} – {guest_demonym} {title} {guest_person} met {host_demonym} {title} "
        f"{host_person} in {city} on {written}, the ministries said.\n"
        f"{filler}\n"
        f"“{quote_a},” {host_person.split()[-1]} said after the meeting.\n"
        f"{guest_person.split()[-1]} added: “{quote_b}.”\n"
        f"Report number {number}.\n"
    )
    return SyntheticArticle(name=f"synthetic_{number:06d}.txt", text=text)


def synthetic_articles(count: int, *, seed: int = 1) -> Iterator[SyntheticArticle]:
    """Yield count distinct articles, the same ones for the same seed."""
    rng = random.Random(seed)
    for number in range(count):
        yield synthetic_article(rng, number)
