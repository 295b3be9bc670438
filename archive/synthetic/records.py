"""Fill the archive with synthetic records at scale, for benchmarks.

Every record is flagged `is_synthetic` and every synthetic article names its outlet as
synthetic, so generated rows can never be mistaken for real ones (and can be deleted as a set).
Rows are written with bulk inserts in batches: the generator must reach tens of thousands of
rows a second to build a million-statement archive in minutes.
"""

from __future__ import annotations

import datetime
import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction

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

from .words import SYLLABLES, WordModel

SYNTHETIC_OUTLET = "Synthetic data (not a real source)"

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

    def add(self, kind: str, number: int) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + number

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class SyntheticArchive:
    """Builds a consistent synthetic archive from one seed."""

    def __init__(self, *, seed: int, batch_size: int = 5000) -> None:
        self.rng = random.Random(seed)
        self.words = WordModel(self.rng)
        self.batch_size = batch_size
        self.report = GenerationReport()

    def _name(self) -> str:
        def part() -> str:
            return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 3)))

        return f"{part().capitalize()} {part().capitalize()}"

    def _date(self) -> datetime.date:
        return datetime.date(1990, 1, 1) + datetime.timedelta(days=self.rng.randrange(365 * 35))

    def _bulk(self, model, rows: list) -> list:
        created = model.objects.bulk_create(rows, batch_size=self.batch_size)
        self.report.add(model._meta.verbose_name_plural, len(created))
        return created

    def institutions(self, count: int) -> list[Institution]:
        rows = []
        for number in range(count):
            code, _ = self.rng.choice(CAPITALS)
            name = f"{self.rng.choice(INSTITUTION_WORDS)} {number}"
            rows.append(
                Institution(
                    name=name,
                    name_key=name.casefold(),
                    country=code,
                    kind=self.rng.choice(InstitutionKind.values),
                    is_synthetic=True,
                )
            )
        return self._bulk(Institution, rows)

    def officials(self, count: int, institutions: list[Institution]) -> list[Official]:
        rows = []
        for _ in range(count):
            code, _ = self.rng.choice(CAPITALS)
            name = self._name()
            rows.append(
                Official(
                    name=name,
                    name_key=name.casefold(),
                    country=code,
                    title=self.rng.choice(TITLES),
                    rank=self.rng.choice(RANKS),
                    institution=self.rng.choice(institutions) if institutions else None,
                    is_synthetic=True,
                )
            )
        return self._bulk(Official, rows)

    def articles(self, count: int) -> list[Article]:
        rows = []
        for number in range(count):
            text = " ".join(self.words.sentence(self.rng.randint(12, 30)) for _ in range(8))
            text = f"Synthetic article {number}. {text}"
            rows.append(
                Article(
                    title=f"Synthetic report {number}",
                    outlet=SYNTHETIC_OUTLET,
                    published=self._date(),
                    text=text,
                    file_name=f"synthetic/{number:08d}.txt",
                    content_hash=hashlib.sha256(text.encode()).hexdigest(),
                    is_synthetic=True,
                )
            )
        return self._bulk(Article, rows)

    def meetings(
        self, count: int, officials: list[Official], articles: list[Article]
    ) -> list[Meeting]:
        by_country: dict[str, list[Official]] = {}
        for official in officials:
            by_country.setdefault(official.country.code, []).append(official)
        meetings, participations, sources, mentions = [], [], [], []
        plans = []
        for _ in range(count):
            (code_a, city_a), (code_b, city_b) = self.rng.sample(CAPITALS, 2)
            start = self._date()
            days = self.rng.choice((0, 0, 0, 1, 2))
            meetings.append(
                Meeting(
                    start_date=start,
                    end_date=start + datetime.timedelta(days=days) if days else None,
                    date_precision=DatePrecision.DAY,
                    date_text=start.strftime("%B %d, %Y"),
                    city=self.rng.choice((city_a, city_b)),
                    country_a=code_a,
                    country_b=code_b,
                    kind=self.rng.choice(MeetingKind.values),
                    summary=self.words.sentence(20),
                    is_synthetic=True,
                )
            )
            people = []
            for code in (code_a, code_b):
                pool = by_country.get(code) or officials
                people += self.rng.sample(pool, min(len(pool), self.rng.randint(1, 2)))
            plans.append((people, self.rng.choice(articles)))
        meetings = self._bulk(Meeting, meetings)
        for meeting, (people, article) in zip(meetings, plans, strict=True):
            sources.append(MeetingSource(meeting=meeting, article=article, start=0, end=80))
            seen = set()
            for official in people:
                if official.pk in seen:
                    continue
                seen.add(official.pk)
                participations.append(
                    Participation(
                        meeting=meeting,
                        official=official,
                        delegation_country=official.country,
                        title_as_written=official.title,
                        article=article,
                    )
                )
                mentions.append(
                    OfficialMention(
                        official=official,
                        article=article,
                        name_as_written=official.name,
                        title_as_written=official.title,
                        start=None,
                        end=None,
                    )
                )
        self._bulk(MeetingSource, sources)
        self._bulk(Participation, participations)
        self._bulk(OfficialMention, mentions)
        self._plans = list(zip(meetings, [plan[0] for plan in plans], strict=True))
        self._sources = {meeting.pk: plan[1] for meeting, plan in zip(meetings, plans, strict=True)}
        return meetings

    def statements(self, count: int) -> None:
        rows = []
        for number in range(count):
            meeting, people = self.rng.choice(self._plans)
            text = " ".join(self.words.sentence(self.rng.randint(8, 25)) for _ in range(2))
            rows.append(
                Statement(
                    speaker=self.rng.choice(people) if people else None,
                    meeting=meeting,
                    article=self._sources[meeting.pk],
                    text=text,
                    direct=self.rng.random() < 0.7,
                    date=meeting.start_date,
                    start=1_000_000 + number,  # synthetic: no real passage, but unique spans
                    end=1_000_000 + number,
                    is_synthetic=True,
                )
            )
            if len(rows) >= self.batch_size:
                self._bulk(Statement, rows)
                rows = []
        if rows:
            self._bulk(Statement, rows)

    def agreements(self, count: int) -> None:
        rows, links = [], []
        for number in range(count):
            meeting, _ = self.rng.choice(self._plans)
            rows.append(
                Agreement(
                    name=f"Synthetic agreement {number} on {self.words.sentence(3)[:-1].lower()}",
                    kind=self.rng.choice(("security agreement", "memorandum", "contract")),
                    signed_date=meeting.start_date,
                    signed_place=meeting.city,
                    parties=[meeting.country_a.code, meeting.country_b.code],
                    agreement_status=self.rng.choice(("signed", "in_force", "in_preparation")),
                    is_synthetic=True,
                )
            )
            links.append(meeting)
        agreements = self._bulk(Agreement, rows)
        through = Agreement.meetings.through
        self._bulk(
            through,
            [
                through(agreement_id=a.pk, meeting_id=m.pk)
                for a, m in zip(agreements, links, strict=True)
            ],
        )
        self._bulk(
            AgreementSource,
            [
                AgreementSource(agreement=a, article=self._sources[m.pk], start=0, end=80)
                for a, m in zip(agreements, links, strict=True)
            ],
        )


def generate_synthetic(
    *,
    meetings: int,
    statements: int,
    seed: int = 1,
    officials: int | None = None,
    batch_size: int = 5000,
    on_stage: Callable[[str], None] | None = None,
) -> GenerationReport:
    """Write a synthetic archive of the given size in one transaction; return the row counts."""
    archive = SyntheticArchive(seed=seed, batch_size=batch_size)
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
    return archive.report
