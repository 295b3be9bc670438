"""Document -> Extraction: the one place where the order of the stages is written.

read (document.py) -> segment -> people -> institutions -> statements -> meetings ->
agreements. Each stage is a function over plain data; a stage that finds nothing says why
with a `Rejected` entry instead of failing silently.
"""

from __future__ import annotations

import gc
from dataclasses import fields, is_dataclass, replace

from . import lexicon
from .agreements import extract_agreements
from .document import DEFAULT_MAX_BYTES, read_bytes
from .institutions import extract_institutions
from .meetings import extract_meetings, meeting_at
from .people import article_sides, extract_people
from .quotes import extract_statements
from .segment import sentences as split_sentences
from .types import (
    Document,
    Extraction,
    InstitutionExtraction,
    MeetingExtraction,
    PersonExtraction,
    Rejected,
    Span,
)
from .zones import WORD_JOINER, plain


def extract(document: Document) -> Extraction:
    """Run every extraction stage over one document.

    The cyclic garbage collector is paused meanwhile: extraction makes hundreds of thousands
    of small tuples on a long text and no cycles, and the collector's repeated passes over
    them cost up to a third of the time. It is restored (and so runs) right after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _extract(document)
    finally:
        if was_enabled:
            gc.enable()


# No article has this many sentences (a long report has a few hundred): past it, the text is
# a book, a dump or an attack, and only its beginning is read, as the rejection says.
MAX_SENTENCES = 4000


def _extract(document: Document) -> Extraction:
    sentences = split_sentences(document)
    too_long: tuple[Rejected, ...] = ()
    if len(sentences) > MAX_SENTENCES:
        rest = Span(sentences[MAX_SENTENCES].span.start, document.body_end)
        too_long = (
            Rejected(
                "segment",
                f"more than {MAX_SENTENCES} sentences; only the first {MAX_SENTENCES} were read",
                "",
                rest,
            ),
        )
        sentences = sentences[:MAX_SENTENCES]
    sides = article_sides(document, sentences)
    people = extract_people(document, sentences, sides)
    institutions = extract_institutions(document, sentences, people)
    by_name = _institutions_by_name(institutions.items)
    persons = tuple(_with_institution(p, by_name) for p in people.items)
    meetings = extract_meetings(document, sentences, people, institutions.items, sides)
    quoted = extract_statements(document, sentences, people, host=_host_country(meetings.items))
    statements = quoted.items
    if meetings.items:
        statements = tuple(
            replace(s, meeting_index=meeting_at(meetings.items, s.span.start)) for s in statements
        )
    host = _host_country(meetings.items)
    if host is not None:
        persons = tuple(_with_side(p, host, sides) for p in persons)
    spoken = tuple(statement.span for statement in statements)
    agreements = extract_agreements(document, sentences, sides, meetings.items, spoken)
    stages = (people, institutions, meetings, quoted, agreements)
    extraction = Extraction(
        document=document,
        people=persons,
        institutions=institutions.items,
        meetings=meetings.items,
        statements=statements,
        agreements=agreements.items,
        rejected=(
            *document.rejected,
            *too_long,
            *(rejection for stage in stages for rejection in stage.rejected),
        ),
    )
    if WORD_JOINER in document.text:
        extraction = _shown(extraction)
    return extraction


def _shown(value):
    """Every string the stages took from the reading text, without the word joiners of a
    hard-wrapped text (zones.WORD_JOINER); the document itself is left as it is."""
    if isinstance(value, str):
        return plain(value)
    if isinstance(value, tuple):
        return tuple(_shown(item) for item in value)
    if isinstance(value, list):
        return [_shown(item) for item in value]
    if is_dataclass(value) and not isinstance(value, (Document, Span)):
        changes = {f.name: _shown(getattr(value, f.name)) for f in fields(value) if f.init}
        return replace(value, **changes)
    return value


def _with_side(person: PersonExtraction, host: str, sides: list[str]) -> PersonExtraction:
    """The person's side in the meeting: the host's country receives, the other one of the
    two states visits; a third country's official has no side."""
    if person.country == host:
        return replace(person, side="host")
    if person.country in sides:
        return replace(person, side="guest")
    return person


def _host_country(meetings: tuple[MeetingExtraction, ...]) -> str | None:
    """The country whose city the (one) meeting was held in: who "the host" is."""
    if len(meetings) != 1 or not meetings[0].city:
        return None
    return lexicon.countries().cities.get(lexicon.phrase(meetings[0].city))


def extract_bytes(data: bytes, *, file_name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Extraction:
    """Read and extract an uploaded file; raises IngestError for unreadable input."""
    return extract(read_bytes(data, file_name=file_name, max_bytes=max_bytes))


def _with_institution(
    person: PersonExtraction, by_name: dict[str, InstitutionExtraction]
) -> PersonExtraction:
    """The institution named inside a person's title ("Chief of Staff of Iran's Armed Forces").

    Looks up every run of title words in a dict, so the cost depends on the title only."""
    if not person.title:
        return person
    words = person.title.casefold().replace("’", "'").split()
    for length in range(len(words), 1, -1):
        for start in range(len(words) - length + 1):
            found = by_name.get(" ".join(words[start : start + length]))
            if found is not None:
                return replace(person, institution=found.name)
    return person


def _institutions_by_name(
    institutions: tuple[InstitutionExtraction, ...],
) -> dict[str, InstitutionExtraction]:
    """Institutions by lowercased name, and by name without a leading country adjective."""
    table: dict[str, InstitutionExtraction] = {}
    for institution in institutions:
        if institution.kind == "news_agency":
            continue
        for name in (institution.name, *institution.aliases):
            words = name.casefold().replace("’", "'").split()
            table.setdefault(" ".join(words), institution)
            if len(words) > 2:
                table.setdefault(" ".join(words[1:]), institution)
    return table
