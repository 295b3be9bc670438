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

from .bulk import BulkWriter
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


@dataclass
class _Meeting:
    """What later stages need to know of a generated meeting."""

    id: int
    date: datetime.date
    city: str
    countries: tuple[str, str]
    people: list[int]
    article: int
    date_value: object = None  # the date as the database driver takes it


CURATED = ("status", "is_synthetic")


class SyntheticArchive:
    """Builds a consistent synthetic archive from one seed."""

    def __init__(self, *, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = WordModel(self.rng)
        self.writer = BulkWriter()
        self.meetings_made: list[_Meeting] = []

    def _name(self) -> str:
        def part() -> str:
            return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 3)))

        return f"{part().capitalize()} {part().capitalize()}"

    def _date(self) -> datetime.date:
        return datetime.date(1990, 1, 1) + datetime.timedelta(days=self.rng.randrange(365 * 35))

    def institutions(self, count: int) -> list[int]:
        ids = self.writer.ids(Institution, count)
        rows = []
        for pk in ids:
            code, _ = self.rng.choice(CAPITALS)
            name = f"{self.rng.choice(INSTITUTION_WORDS)} {pk}"
            kind = self.rng.choice(InstitutionKind.values)
            rows.append((pk, "draft", True, name, name.casefold(), code, kind))
        columns = ("id", *CURATED, "name", "name_key", "country", "kind")
        self.writer.insert(Institution, columns, rows)
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
                    "draft",
                    True,
                    name,
                    name.casefold(),
                    code,
                    self.rng.choice(TITLES),
                    self.rng.choice(RANKS),
                    self.rng.choice(institutions),
                    True,
                )
            )
            by_country.setdefault(code, []).append(pk)
        columns = (
            "id",
            *CURATED,
            "name",
            "name_key",
            "country",
            "title",
            "rank",
            "institution",
            "is_official",
        )
        self.writer.insert(Official, columns, rows)
        return by_country

    def articles(self, count: int) -> list[int]:
        ids = self.writer.ids(Article, count)

        def rows():
            for pk in ids:
                text = " ".join(self.words.sentence(self.rng.randint(12, 30)) for _ in range(8))
                text = f"Synthetic article {pk}. {text}"
                yield (
                    pk,
                    "draft",
                    True,
                    f"Synthetic report {pk}",
                    SYNTHETIC_OUTLET,
                    self.writer.date(self._date()),
                    text,
                    f"synthetic/{pk:08d}.txt",
                    hashlib.sha256(text.encode()).hexdigest(),
                )

        columns = (
            "id",
            *CURATED,
            "title",
            "outlet",
            "published",
            "text",
            "file_name",
            "content_hash",
        )
        self.writer.insert(Article, columns, rows())
        return list(ids)

    def meetings(self, count: int, by_country: dict[str, list[int]], articles: list[int]) -> None:
        everyone = [pk for pks in by_country.values() for pk in pks]
        rows = []
        for pk in self.writer.ids(Meeting, count):
            (code_a, city_a), (code_b, city_b) = self.rng.sample(CAPITALS, 2)
            start = self._date()
            days = self.rng.choice((0, 0, 0, 1, 2))
            city = self.rng.choice((city_a, city_b))
            people: list[int] = []
            for code in (code_a, code_b):
                pool = by_country.get(code) or everyone
                for person in self.rng.sample(pool, min(len(pool), self.rng.randint(1, 2))):
                    if person not in people:
                        people.append(person)
            made = _Meeting(
                pk,
                start,
                city,
                (code_a, code_b),
                people,
                self.rng.choice(articles),
                self.writer.date(start),
            )
            self.meetings_made.append(made)
            rows.append(
                (
                    pk,
                    "draft",
                    True,
                    self.writer.date(start),
                    self.writer.date(start + datetime.timedelta(days=days)) if days else None,
                    DatePrecision.DAY,
                    start.strftime("%B %d, %Y"),
                    city,
                    code_a,
                    code_b,
                    self.rng.choice(MeetingKind.values),
                    self.words.sentence(20),
                )
            )
        columns = (
            "id",
            *CURATED,
            "start_date",
            "end_date",
            "date_precision",
            "date_text",
            "city",
            "country_a",
            "country_b",
            "kind",
            "summary",
        )
        self.writer.insert(Meeting, columns, rows)
        made = self.meetings_made
        self.writer.insert(
            MeetingSource,
            ("meeting", "article", "start", "end"),
            ((m.id, m.article, 0, 80) for m in made),
        )
        self.writer.insert(
            Participation,
            ("meeting", "official", "article"),
            ((m.id, person, m.article) for m in made for person in m.people),
        )
        self.writer.insert(
            OfficialMention,
            ("official", "article", "name_as_written"),
            ((person, m.article, "") for m in made for person in m.people),
        )

    def statements(self, count: int) -> None:
        meetings, rng = self.meetings_made, self.rng

        def rows():
            # Drawn a chunk at a time (`choices(k=…)`): one call per value was the bottleneck.
            for first in range(0, count, STATEMENT_CHUNK):
                size = min(STATEMENT_CHUNK, count - first)
                chosen = rng.choices(meetings, k=size)
                quotes = self.words.quotes(size)
                draws = [rng.random() for _ in range(2 * size)]
                for i, meeting in enumerate(chosen):
                    people = meeting.people
                    # Synthetic statements have no real passage; unique offsets keep the
                    # one-statement-per-span rule.
                    offset = 1_000_000_000 + first + i
                    yield (
                        "draft",
                        True,
                        people[int(draws[2 * i] * len(people))] if people else None,
                        meeting.id,
                        meeting.article,
                        quotes[i],
                        draws[2 * i + 1] < 0.7,
                        meeting.date_value,
                        offset,
                        offset,
                    )

        columns = (
            *CURATED,
            "speaker",
            "meeting",
            "article",
            "text",
            "direct",
            "date",
            "start",
            "end",
        )
        self.writer.insert(Statement, columns, rows())

    def agreements(self, count: int) -> None:
        chosen = [self.rng.choice(self.meetings_made) for _ in range(count)]
        ids = self.writer.ids(Agreement, count)
        rows = [
            (
                pk,
                "draft",
                True,
                f"Synthetic agreement {pk} on {self.words.sentence(3)[:-1].lower()}",
                self.rng.choice(("security agreement", "memorandum", "contract")),
                self.writer.date(m.date),
                m.city,
                ",".join(sorted(m.countries)),
                self.rng.choice(("signed", "in_force", "in_preparation")),
            )
            for pk, m in zip(ids, chosen, strict=True)
        ]
        columns = (
            "id",
            *CURATED,
            "name",
            "kind",
            "signed_date",
            "signed_place",
            "parties",
            "agreement_status",
        )
        self.writer.insert(Agreement, columns, rows)
        self.writer.insert(
            Agreement.meetings.through,
            ("agreement", "meeting"),
            ((pk, m.id) for pk, m in zip(ids, chosen, strict=True)),
        )
        self.writer.insert(
            AgreementSource,
            ("agreement", "article", "start", "end"),
            ((pk, m.article, 0, 80) for pk, m in zip(ids, chosen, strict=True)),
        )


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

    with transaction.atomic():
        stage("institutions")
        institutions = archive.institutions(max(10, officials // 5))
        stage("officials")
        people = archive.officials(officials, institutions)
        stage("articles")
        sources = archive.articles(max(1, meetings // 5))
        stage("meetings")
        archive.meetings(meetings, people, sources)
        stage("statements")
        archive.statements(statements)
        stage("agreements")
        archive.agreements(max(1, meetings // 50))
        archive.writer.finish()
    planner_stats.refresh(thorough=True)
    return GenerationReport(counts=dict(archive.writer.written))
