"""Fill the archive with synthetic records at scale, for benchmarks.

Every record is flagged `is_synthetic` and every synthetic article names its outlet as
synthetic, so generated rows can never be mistaken for real ones (and can be deleted as a set).
Rows are written as raw bulk inserts (archive/synthetic/bulk.py): the generator must reach tens
of thousands of rows a second to build a million-statement archive in minutes.
"""

from __future__ import annotations

import datetime
import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction

from archive import planner_stats
from archive.models import (
    Agreement,
    AgreementSource,
    Article,
    DatePrecision,
    Institution,
    InstitutionKind,
    Meeting,
    MeetingKind,
    MeetingSource,
    Official,
    OfficialMention,
    Participation,
    Statement,
)

from .bulk import BulkWriter, load_settings
from .words import SYLLABLES, WordModel

SYNTHETIC_OUTLET = "Synthetic data (not a real source)"
STATEMENT_CHUNK = 10_000

# (ISO code, capital) for the states that meet; many pairs, as a real archive would have.
CAPITALS = (
    ("FR", "Paris"),
    ("DE", "Berlin"),
    ("JP", "Tokyo"),
    ("IN", "New Delhi"),
    ("BR", "Brasília"),
    ("EG", "Cairo"),
    ("KE", "Nairobi"),
    ("PL", "Warsaw"),
    ("TR", "Ankara"),
    ("ID", "Jakarta"),
    ("MX", "Mexico City"),
    ("CA", "Ottawa"),
    ("IR", "Tehran"),
    ("IQ", "Baghdad"),
    ("CN", "Beijing"),
    ("RU", "Moscow"),
    ("US", "Washington"),
    ("GB", "London"),
    ("IT", "Rome"),
    ("ES", "Madrid"),
    ("SA", "Riyadh"),
    ("AE", "Abu Dhabi"),
    ("PK", "Islamabad"),
    ("NG", "Abuja"),
    ("ZA", "Pretoria"),
    ("AR", "Buenos Aires"),
    ("KR", "Seoul"),
    ("VN", "Hanoi"),
    ("AU", "Canberra"),
    ("UA", "Kyiv"),
    ("SE", "Stockholm"),
    ("NO", "Oslo"),
    ("GR", "Athens"),
    ("IL", "Jerusalem"),
    ("JO", "Amman"),
    ("QA", "Doha"),
    ("KZ", "Astana"),
    ("ET", "Addis Ababa"),
    ("MA", "Rabat"),
    ("DZ", "Algiers"),
)
TITLES = (
    "Defense Minister",
    "Foreign Minister",
    "Interior Minister",
    "President",
    "Prime Minister",
    "National Security Advisor",
    "Chief of General Staff",
    "Ambassador",
)
RANKS = ("", "", "", "General", "Major General", "Brigadier General", "Admiral", "Colonel")
INSTITUTION_WORDS = (
    "Ministry of Defense",
    "Ministry of Foreign Affairs",
    "Armed Forces",
    "National Security Council",
    "Defense University",
    "Parliament",
    "General Staff",
    "Border Guard",
)


@dataclass
class GenerationReport:
    """How many rows of each kind were written."""

    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(slots=True)
class _Meeting:
    """What later stages need to know of a generated meeting."""

    id: int
    day: int  # days after FIRST_DAY
    city: str
    countries: tuple[str, str]
    people: list[int]
    article: int


FIRST_DAY = datetime.date(1990, 1, 1)
SPAN_DAYS = 365 * 35
MEETING_LENGTHS = (0, 0, 0, 1, 2)  # extra days after the first
SYNTHETIC = {"status": "draft", "is_synthetic": True}


class _Calendar:
    """Every date the generator can use, adapted for the database driver once.

    Converting a date per row (`adapt_datefield_value`, `strftime`) cost more than writing
    the row; a few thousand distinct days serve a million rows."""

    def __init__(self, adapt: Callable[[datetime.date], object]) -> None:
        days = [
            FIRST_DAY + datetime.timedelta(days=n)
            for n in range(SPAN_DAYS + max(MEETING_LENGTHS) + 1)
        ]
        self.values = [adapt(day) for day in days]
        self.texts = [day.strftime("%B %d, %Y") for day in days]


class SyntheticArchive:
    """Builds a consistent synthetic archive from one seed.

    Random values are drawn a list at a time (`choices(k=n)`, list comprehensions over
    `random()`), which is several times faster than one call per value."""

    def __init__(self, *, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = WordModel(self.rng)
        self.writer = BulkWriter()
        self.calendar = _Calendar(self.writer.date)
        self.meetings_made: list[_Meeting] = []
        self.institutions_by_country: dict[str, list[int]] = {}

    def _name(self) -> str:
        def part() -> str:
            return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 3)))

        return f"{part().capitalize()} {part().capitalize()}"

    def _days(self, count: int) -> list[int]:
        return self.rng.choices(range(SPAN_DAYS), k=count)

    def _uniforms(self, count: int) -> list[float]:
        draw = self.rng.random
        return [draw() for _ in range(count)]

    def institutions(self, count: int) -> list[int]:
        ids = self.writer.ids(Institution, count)
        rows = []
        for pk in ids:
            code, _ = self.rng.choice(CAPITALS)
            name = f"{self.rng.choice(INSTITUTION_WORDS)} {pk}"
            kind = self.rng.choice(InstitutionKind.values)
            rows.append((pk, name, name.casefold(), code, kind))
            self.institutions_by_country.setdefault(code, []).append(pk)
        columns = ("id", "name", "name_key", "country", "kind")
        self.writer.insert(Institution, columns, rows, SYNTHETIC)
        return list(ids)

    def officials(self, count: int, institutions: list[int]) -> dict[str, list[int]]:
        """Write officials; return their ids by country."""
        by_country: dict[str, list[int]] = {}
        rows = []
        for pk in self.writer.ids(Official, count):
            code, _ = self.rng.choice(CAPITALS)
            name = self._name()
            rows.append(
                (
                    pk,
                    name,
                    name.casefold(),
                    code,
                    self.rng.choice(TITLES),
                    self.rng.choice(RANKS),
                    self.rng.choice(institutions),
                )
            )
            by_country.setdefault(code, []).append(pk)
        columns = ("id", "name", "name_key", "country", "title", "rank", "institution")
        self.writer.insert(Official, columns, rows, {**SYNTHETIC, "is_official": True})
        return by_country

    def articles(self, count: int) -> list[int]:
        ids = self.writer.ids(Article, count)
        bodies = self.words.paragraphs(count, sentences=8)
        published = [self.calendar.values[day] for day in self._days(count)]

        def rows():
            for pk, body, day in zip(ids, bodies, published, strict=True):
                text = f"Synthetic article {pk}. {body}"
                yield (
                    pk,
                    f"Synthetic report {pk}",
                    day,
                    text,
                    f"synthetic/{pk:08d}.txt",
                    hashlib.sha256(" ".join(text.split()).encode()).hexdigest(),
                )

        columns = ("id", "title", "published", "text", "file_name", "content_hash")
        self.writer.insert(Article, columns, rows(), {**SYNTHETIC, "outlet": SYNTHETIC_OUTLET})
        return list(ids)

    def meetings(self, count: int, by_country: dict[str, list[int]], articles: list[int]) -> None:
        rng, calendar = self.rng, self.calendar
        ids = self.writer.ids(Meeting, count)
        pairs = [(a, b) for a in CAPITALS for b in CAPITALS if a != b]
        chosen_pairs = rng.choices(pairs, k=count)
        starts = self._days(count)
        lengths = rng.choices(MEETING_LENGTHS, k=count)
        hosts = rng.choices((0, 1), k=count)
        kinds = rng.choices(MeetingKind.values, k=count)
        sources = rng.choices(articles, k=count)
        summaries = self.words.sentences(count)
        delegations = self._delegations(chosen_pairs, by_country)
        venue_draws = self._uniforms(count)
        rows = []
        for pk, pair, start, length, host, kind, article, summary, people, venue_draw in zip(
            ids, chosen_pairs, starts, lengths, hosts, kinds, sources, summaries, delegations,
            venue_draws, strict=True,
        ):  # fmt: skip
            (code_a, city_a), (code_b, city_b) = pair
            city = city_b if host else city_a
            # A venue for a third of the meetings (an institution of the host country, when
            # it has one), as reports name one now and then.
            venues = self.institutions_by_country.get(code_b if host else code_a)
            venue = (
                venues[int(venue_draw * 3 * len(venues))] if venues and venue_draw < 1 / 3 else None
            )
            self.meetings_made.append(_Meeting(pk, start, city, (code_a, code_b), people, article))
            rows.append(
                (
                    pk,
                    calendar.values[start],
                    calendar.values[start + length] if length else None,
                    calendar.texts[start],
                    city,
                    code_a,
                    code_b,
                    kind,
                    summary,
                    venue,
                )
            )
        columns = (
            "id",
            "start_date",
            "end_date",
            "date_text",
            "city",
            "country_a",
            "country_b",
            "kind",
            "summary",
            "venue",
        )
        constants = {**SYNTHETIC, "date_precision": DatePrecision.DAY.value}
        self.writer.insert(Meeting, columns, rows, constants)
        self._meeting_links()

    def _delegations(
        self, pairs: list[tuple[tuple[str, str], tuple[str, str]]], by_country: dict[str, list[int]]
    ) -> list[list[int]]:
        """Pick one or two officials of each country for every meeting (no one twice)."""
        everyone = [pk for pks in by_country.values() for pk in pks]
        sizes = iter(self.rng.choices((1, 2), k=2 * len(pairs)))
        draws = iter(self._uniforms(4 * len(pairs)))
        delegations = []
        for (code_a, _), (code_b, _) in pairs:
            people: list[int] = []
            for code in (code_a, code_b):
                pool = by_country.get(code) or everyone
                first, second = next(draws), next(draws)
                if next(sizes) == 2:
                    chosen = _two_distinct(pool, first, second)
                else:
                    chosen = (pool[int(first * len(pool))],)
                for person in chosen:
                    if person not in people:
                        people.append(person)
            delegations.append(people)
        return delegations

    def _meeting_links(self) -> None:
        made = self.meetings_made
        self.writer.insert(
            MeetingSource,
            ("meeting", "article"),
            ((m.id, m.article) for m in made),
            {"start": 0, "end": 80},
        )
        self.writer.insert(
            Participation,
            ("meeting", "official", "article"),
            ((m.id, person, m.article) for m in made for person in m.people),
        )
        # By official: the table's unique key starts with the official, and keys in order
        # are appended to its index instead of inserted at random (2.5 times faster).
        self.writer.insert(
            OfficialMention,
            ("official", "article"),
            sorted((person, m.article) for m in made for person in m.people),
            {"name_as_written": ""},
        )

    def statements(self, count: int) -> None:
        """Write statements, each from a random meeting and one of its participants.

        Written article by article, as the importer writes them: besides being what a real
        archive looks like, it keeps each row's unique (article, offset) key and its
        foreign-key lookups near the previous row's; in random order they made the insert
        three times slower at a million rows."""
        in_order = self._statement_meetings(count)
        values = self.calendar.values

        def rows():
            for first in range(0, count, STATEMENT_CHUNK):
                chunk = in_order[first : first + STATEMENT_CHUNK]
                quotes = self.words.quotes(len(chunk))
                speakers = self._uniforms(len(chunk))
                directs = self._uniforms(len(chunk))
                # Synthetic statements have no real passage; unique offsets keep the
                # one-statement-per-span rule.
                offsets = range(1_000_000_000 + first, 1_000_000_000 + first + len(chunk))
                for meeting, quote, speaker, direct, offset in zip(
                    chunk, quotes, speakers, directs, offsets, strict=True
                ):
                    people = meeting.people
                    yield (
                        people[int(speaker * len(people))] if people else None,
                        meeting.id,
                        meeting.article,
                        quote,
                        direct < 0.7,
                        values[meeting.day],
                        offset,
                        offset,
                    )

        columns = ("speaker", "meeting", "article", "text", "direct", "date", "start", "end")
        self.writer.insert(Statement, columns, rows(), SYNTHETIC)

    def _statement_meetings(self, count: int) -> list[_Meeting]:
        """The meeting of each statement: uniformly drawn, listed by article then meeting."""
        meetings = self.meetings_made
        per_meeting = [0] * len(meetings)
        for index in self.rng.choices(range(len(meetings)), k=count):
            per_meeting[index] += 1
        order = sorted(range(len(meetings)), key=lambda i: (meetings[i].article, meetings[i].id))
        return [meetings[i] for i in order for _ in range(per_meeting[i])]

    def agreements(self, count: int) -> None:
        chosen = self.rng.choices(self.meetings_made, k=count)
        ids = self.writer.ids(Agreement, count)
        topics = self.words.sentences(count)
        rows = [
            (
                pk,
                f"Synthetic agreement {pk} on {' '.join(topic.split()[:3]).lower()}",
                self.rng.choice(("security agreement", "memorandum", "contract")),
                self.calendar.values[m.day],
                m.city,
                ",".join(sorted(m.countries)),
                self.rng.choice(("signed", "in_force", "in_preparation")),
            )
            for pk, m, topic in zip(ids, chosen, topics, strict=True)
        ]
        columns = (
            "id",
            "name",
            "kind",
            "signed_date",
            "signed_place",
            "parties",
            "agreement_status",
        )
        self.writer.insert(Agreement, columns, rows, SYNTHETIC)
        self.writer.insert(
            Agreement.meetings.through,
            ("agreement", "meeting"),
            ((pk, m.id) for pk, m in zip(ids, chosen, strict=True)),
        )
        self.writer.insert(
            AgreementSource,
            ("agreement", "article"),
            ((pk, m.article) for pk, m in zip(ids, chosen, strict=True)),
            {"start": 0, "end": 80},
        )


def _two_distinct(pool: list[int], first: float, second: float) -> tuple[int, ...]:
    """Two different members of `pool` from two uniform draws (one if the pool has one)."""
    if len(pool) < 2:
        return tuple(pool)
    i = int(first * len(pool))
    j = int(second * (len(pool) - 1))
    return (pool[i], pool[j + 1 if j >= i else j])


def generate_synthetic(
    *,
    meetings: int,
    statements: int,
    seed: int = 1,
    officials: int | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> GenerationReport:
    """Write a synthetic archive of the given size in one transaction; return the row counts."""
    archive = SyntheticArchive(seed=seed)
    officials = officials if officials is not None else max(50, meetings // 20)

    def stage(name: str) -> None:
        if on_stage is not None:
            on_stage(name)

    with load_settings(), transaction.atomic():
        stage("writing institutions")
        institutions = archive.institutions(max(10, officials // 5))
        stage("writing officials")
        people = archive.officials(officials, institutions)
        stage("writing articles")
        sources = archive.articles(max(1, meetings // 5))
        stage("writing meetings")
        archive.meetings(meetings, people, sources)
        stage("writing statements")
        archive.statements(statements)
        stage("writing agreements")
        archive.agreements(max(1, meetings // 50))
        archive.writer.finish()
        stage("committing")
    stage("updating planner statistics")
    planner_stats.refresh(thorough=True)
    return GenerationReport(counts=dict(archive.writer.written))
