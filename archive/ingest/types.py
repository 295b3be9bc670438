"""Plain data passed between the ingest stages.

Every stage takes and returns these frozen dataclasses, so stages can be tested without a
database and the loader (the one stage that knows the ORM) depends on nothing else.
Offsets (`Span`) always index into `Document.text`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, TypeVar


class IngestError(Exception):
    """A text that cannot be read as an article; the message is meant for a human."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) in `Document.text`."""

    start: int
    end: int

    def contains(self, position: int) -> bool:
        return self.start <= position < self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Zone:
    """A part of the document typed by its role (see zones.py for the kinds)."""

    kind: str
    span: Span


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded article: text without front matter, metadata, and where the article ends.

    `text` is the reading text: the source with the soft line breaks of hard-wrapped text
    read as spaces. It has the source's length, so every span indexes both; `source` is what
    the archive stores and shows. `reference_date` is the day relative dates are counted
    from, and `reference_source` where it was read (front matter, publication line, release
    header, dateline, timestamp, footer)."""

    text: str
    file_name: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    body_end: int = 0
    excluded: tuple[Span, ...] = ()
    rejected: tuple[Rejected, ...] = ()
    source: str | None = None
    zones: tuple[Zone, ...] = ()
    reference_date: date | None = None
    reference_source: str | None = None
    dateline_city: str | None = None

    @property
    def source_text(self) -> str:
        """The text as imported (line breaks and all), for storing and showing."""
        return self.text if self.source is None else self.source

    _excluded_index: RangeIndex | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def body(self) -> str:
        """The article proper: everything before reader comments, licence lines and bylines."""
        return self.text[: self.body_end]

    def is_excluded(self, position: int) -> bool:
        """True when a position lies past the body or inside an excluded range.

        Asked of every paragraph and quotation, so the ranges are indexed on first use: a
        long text with many bylines would otherwise cost paragraphs x bylines."""
        if position >= self.body_end:
            return True
        if self._excluded_index is None:
            object.__setattr__(self, "_excluded_index", RangeIndex.of(self.excluded))
        return position in self._excluded_index


@dataclass(frozen=True, slots=True)
class RangeIndex:
    """Half-open ranges merged and sorted, so membership is one bisection."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, spans: Iterable[Span]) -> RangeIndex:
        merged: list[list[int]] = []
        for span in sorted((s for s in spans if s.start < s.end), key=lambda s: s.start):
            if merged and span.start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], span.end)
            else:
                merged.append([span.start, span.end])
        return cls(tuple(start for start, _ in merged), tuple(end for _, end in merged))

    def __contains__(self, position: int) -> bool:
        index = bisect.bisect_right(self.starts, position) - 1
        return index >= 0 and position < self.ends[index]


@dataclass(frozen=True, slots=True)
class DatePoint:
    """A date as precise as the text makes it; a year never stated stays unknown."""

    value: date | None
    precision: str  # 'day' | 'month' | 'year' | 'unknown'
    text: str
    span: Span | None
    year_known: bool
    month: int | None = None
    day: int | None = None

    @property
    def iso(self) -> str | None:
        """ISO form only as precise as known: YYYY-MM-DD, YYYY-MM or YYYY; None without a year."""
        if self.value is None or not self.year_known:
            return None
        if self.precision == "month":
            return f"{self.value:%Y-%m}"
        if self.precision == "year":
            return f"{self.value:%Y}"
        return self.value.isoformat()


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in the text: one point, or a range ("14th and 15th November")."""

    start: DatePoint
    end: DatePoint | None
    span: Span
    relative: bool = False


@dataclass(frozen=True, slots=True)
class PersonMention:
    """One place where the article names a person, with the title written next to it."""

    text: str
    span: Span
    title_as_written: str | None = None


@dataclass(frozen=True, slots=True)
class PersonExtraction:
    """A person the article names, all mentions resolved to one record."""

    key: str
    name: str
    aliases: tuple[str, ...] = ()
    title: str | None = None
    rank: str | None = None
    country: str | None = None  # ISO 3166 alpha-2
    institution: str | None = None
    mentions: tuple[PersonMention, ...] = ()
    is_official: bool = True
    confidence: float | None = None
    reasons: tuple[str, ...] = ()
    # The rest of the article's entity table: the form of address written before the name
    # ("H.E. Dr."), the class of office (offices.office_class), and the side in the
    # meeting: "host" (the meeting's city is in their country), "guest", or None.
    honorific: str | None = None
    office: str | None = None
    side: str | None = None


@dataclass(frozen=True, slots=True)
class InstitutionExtraction:
    """An organisation named in the article."""

    name: str
    country: str | None
    kind: str  # ministry, armed_forces, university, council, government, parliament, ...
    spans: tuple[Span, ...] = ()
    # Shorter names of the same body: "Ministry of Defence" for "Ministry of Defence of the
    # Republic of Kazakhstan", the name its country's other reports use.
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Participant:
    """A person taking part in a meeting, on one side."""

    person_key: str
    delegation_country: str | None
    title_as_written: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class MeetingExtraction:
    """A bilateral meeting the article reports."""

    start: DatePoint | None
    end: DatePoint | None
    city: str | None
    venue: str | None
    countries: tuple[str, ...]
    participants: tuple[Participant, ...]
    span: Span
    kind: str = "other"
    summary: str = ""
    # Every sentence that reports this meeting: what follows them is about it.
    passages: tuple[Span, ...] = ()
    confidence: float | None = None
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StatementExtraction:
    """A quotation (direct) or reported speech, with its speaker when known."""

    speaker_key: str | None
    text: str
    direct: bool
    span: Span
    meeting_index: int | None = None
    confidence: float | None = None
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AgreementExtraction:
    """An agreement, pact, memorandum or similar document between states."""

    name: str
    kind: str
    signed: DatePoint | None
    place: str | None
    parties: tuple[str, ...]
    deadline: DatePoint | None
    provisions: str
    status: str  # in_preparation, signed, in_force, unknown
    span: Span
    confidence: float | None = None
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rejected:
    """Something a stage looked at and explicitly did not keep, and why."""

    stage: str
    reason: str
    text: str
    span: Span | None = None


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class StageResult(Generic[T]):
    """What every extraction stage returns: the items it found, and what it looked at and
    refused, each with its reason (shown to editors beside the passage, counted in reports).
    One shape for every stage, so the pipeline composes them the same way."""

    items: tuple[T, ...]
    rejected: tuple[Rejected, ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the pipeline found in one document."""

    document: Document
    people: tuple[PersonExtraction, ...] = ()
    institutions: tuple[InstitutionExtraction, ...] = ()
    meetings: tuple[MeetingExtraction, ...] = ()
    statements: tuple[StatementExtraction, ...] = ()
    agreements: tuple[AgreementExtraction, ...] = ()
    rejected: tuple[Rejected, ...] = field(default=())
