"""Document -> Extraction: the one place where the order of the stages is written.

read (document.py) -> segment -> people -> institutions -> statements -> meetings ->
agreements. Each stage is a function over plain data; a stage that finds nothing says why
with a `Rejected` entry instead of failing silently.
"""

from __future__ import annotations

from dataclasses import replace

from .agreements import extract_agreements
from .document import DEFAULT_MAX_BYTES, read_bytes
from .institutions import extract_institutions
from .meetings import extract_meetings
from .people import article_sides, extract_people
from .quotes import extract_statements
from .segment import sentences as split_sentences
from .types import Document, Extraction, InstitutionExtraction, PersonExtraction


def extract(document: Document) -> Extraction:
    """Run every extraction stage over one document."""
    sentences = split_sentences(document)
    sides = article_sides(document, sentences)
    people = extract_people(document, sentences, sides)
    institutions = extract_institutions(document, sentences, people)
    persons = tuple(_with_institution(p, institutions) for p in people.people)
    statements, quote_rejections = extract_statements(document, sentences, people)
    meetings, meeting_rejections = extract_meetings(
        document, sentences, people, institutions, sides
    )
    if len(meetings) == 1:
        statements = [replace(s, meeting_index=0) for s in statements]
    agreements = extract_agreements(document, sentences, sides)
    rejected = (
        *document.rejected,
        *people.rejected,
        *quote_rejections,
        *meeting_rejections,
    )
    return Extraction(
        document=document,
        people=persons,
        institutions=tuple(institutions),
        meetings=tuple(meetings),
        statements=tuple(statements),
        agreements=tuple(agreements),
        rejected=tuple(rejected),
    )


def extract_bytes(data: bytes, *, file_name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Extraction:
    """Read and extract an uploaded file; raises IngestError for unreadable input."""
    return extract(read_bytes(data, file_name=file_name, max_bytes=max_bytes))


def _with_institution(
    person: PersonExtraction, institutions: list[InstitutionExtraction]
) -> PersonExtraction:
    """The institution named inside a person's title ("Chief of Staff of Iran's Armed Forces")."""
    if not person.title:
        return person
    title = person.title.casefold().replace("’", "'")
    best = None
    for institution in institutions:
        if institution.kind == "news_agency":
            continue
        words = institution.name.casefold().replace("’", "'").split()
        core = " ".join(words[1:]) if len(words) > 2 else " ".join(words)
        named = institution.name.casefold() in title or core in title
        if named and (best is None or len(institution.name) > len(best.name)):
            best = institution
    return replace(person, institution=best.name) if best else person
