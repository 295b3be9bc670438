"""The whole archive in the gold JSON format (see tests/gold/README.md), streamed.

The same shape serves as a gold file, the archive's export and the evaluation's input.
Records are read in primary-key order in chunks (keyset), each chunk with a fixed number of
queries, so memory stays flat however large the archive grows and the order is stable.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator

from django.db.models import Model, QuerySet
from django_countries import countries

from .models import (
    Agreement,
    AgreementSource,
    DatePrecision,
    Institution,
    InstitutionAlias,
    Meeting,
    MeetingSource,
    Official,
    OfficialAlias,
    OfficialMention,
    Participation,
    Statement,
)

CHUNK = 500
KINDS = ("meetings", "officials", "institutions", "statements", "agreements")


def country_name(code: str) -> str | None:
    """Return a country's English short name ("Iran"), or None when unknown."""
    return str(countries.name(code)) or None if code else None


def iso_by_precision(date, precision: str) -> str | None:
    """Write a date only as precisely as the source gave it."""
    if date is None:
        return None
    if precision == DatePrecision.MONTH:
        return f"{date:%Y-%m}"
    if precision == DatePrecision.YEAR:
        return f"{date:%Y}"
    return date.isoformat()


def _chunks(queryset: QuerySet) -> Iterator[list[Model]]:
    last = 0
    while True:
        chunk = list(queryset.filter(pk__gt=last).order_by("pk")[:CHUNK])
        if not chunk:
            return
        yield chunk
        last = chunk[-1].pk


def _grouped(pairs) -> dict[int, list]:
    grouped: dict[int, list] = defaultdict(list)
    for key, value in pairs:
        if value not in grouped[key]:
            grouped[key].append(value)
    return grouped


def _meetings() -> Iterator[dict]:
    for chunk in _chunks(Meeting.objects.select_related("venue")):
        ids = [m.pk for m in chunk]
        people = _grouped(
            Participation.objects.filter(meeting_id__in=ids)
            .order_by("meeting_id", "official__name")
            .values_list("meeting_id", "official__name")
        )
        sources = _grouped(
            MeetingSource.objects.filter(meeting_id__in=ids)
            .order_by("article__file_name")
            .values_list("meeting_id", "article__file_name")
        )
        for meeting in chunk:
            yield {
                "id": meeting.pk,
                "date": iso_by_precision(meeting.start_date, meeting.date_precision),
                "end_date": iso_by_precision(meeting.end_date, meeting.date_precision),
                "date_text": meeting.date_text or None,
                "date_precision": meeting.date_precision,
                "city": meeting.city or None,
                "venue": meeting.venue.name if meeting.venue else None,
                "countries": [
                    name
                    for name in (country_name(meeting.country_a), country_name(meeting.country_b))
                    if name
                ],
                "kind": meeting.kind,
                "participants": people.get(meeting.pk, []),
                "sources": sources.get(meeting.pk, []),
                "review": meeting.status,
            }


def _officials() -> Iterator[dict]:
    for chunk in _chunks(Official.objects.select_related("institution")):
        ids = [o.pk for o in chunk]
        aliases = _grouped(
            OfficialAlias.objects.filter(official_id__in=ids)
            .order_by("official_id", "name")
            .values_list("official_id", "name")
        )
        sources = _grouped(
            OfficialMention.objects.filter(official_id__in=ids)
            .order_by("article__file_name")
            .values_list("official_id", "article__file_name")
        )
        for official in chunk:
            yield {
                "id": official.pk,
                "name": official.name,
                "aliases": [a for a in aliases.get(official.pk, []) if a != official.name],
                "title": official.title or None,
                "rank": official.rank or None,
                "country": country_name(official.country),
                "institution": official.institution.name if official.institution else None,
                "is_official": official.is_official,
                "sources": sources.get(official.pk, []),
                "review": official.status,
            }


def _institutions() -> Iterator[dict]:
    for chunk in _chunks(Institution.objects.all()):
        ids = [i.pk for i in chunk]
        aliases = _grouped(
            InstitutionAlias.objects.filter(institution_id__in=ids)
            .order_by("name")
            .values_list("institution_id", "name")
        )
        sources = _grouped(
            Institution.articles.through.objects.filter(institution_id__in=ids)
            .order_by("article__file_name")
            .values_list("institution_id", "article__file_name")
        )
        for institution in chunk:
            yield {
                "id": institution.pk,
                "name": institution.name,
                "aliases": aliases.get(institution.pk, []),
                "country": country_name(institution.country),
                "kind": institution.kind,
                "sources": sources.get(institution.pk, []),
                "review": institution.status,
            }


def _statements() -> Iterator[dict]:
    queryset = Statement.objects.select_related("speaker").defer("article__text")
    for chunk in _chunks(queryset):
        files = dict(
            Statement.objects.filter(pk__in=[s.pk for s in chunk]).values_list(
                "pk", "article__file_name"
            )
        )
        for statement in chunk:
            yield {
                "id": statement.pk,
                "speaker": statement.speaker.name if statement.speaker else None,
                "quote": statement.text,
                "direct": statement.direct,
                "meeting": statement.meeting_id,
                "date": statement.date.isoformat() if statement.date else None,
                "sources": [files[statement.pk]],
                "review": statement.status,
            }


def _agreements() -> Iterator[dict]:
    for chunk in _chunks(Agreement.objects.all()):
        ids = [a.pk for a in chunk]
        sources = _grouped(
            AgreementSource.objects.filter(agreement_id__in=ids)
            .order_by("article__file_name")
            .values_list("agreement_id", "article__file_name")
        )
        for agreement in chunk:
            yield {
                "id": agreement.pk,
                "name": agreement.name,
                "kind": agreement.kind or None,
                "signed": agreement.signed_date.isoformat() if agreement.signed_date else None,
                "place": agreement.signed_place or None,
                "parties": [country_name(c.code) for c in agreement.parties],
                "deadline": agreement.deadline.isoformat() if agreement.deadline else None,
                "status": agreement.get_agreement_status_display().lower(),
                "sources": sources.get(agreement.pk, []),
                "review": agreement.status,
            }


SECTIONS: dict[str, Callable[[], Iterator[dict]]] = {
    "meetings": _meetings,
    "officials": _officials,
    "institutions": _institutions,
    "statements": _statements,
    "agreements": _agreements,
}


def archive_records() -> dict[str, list[dict]]:
    """Return the whole archive as one dict (for evaluation and tests; small archives)."""
    return {kind: list(section()) for kind, section in SECTIONS.items()}


def stream_archive_json() -> Iterator[str]:
    """Yield the archive as JSON text, piece by piece, in a stable order."""
    yield "{"
    for position, (kind, section) in enumerate(SECTIONS.items()):
        yield ("," if position else "") + f"\n {json.dumps(kind)}: ["
        for index, record in enumerate(section()):
            yield ("," if index else "") + "\n  " + json.dumps(record, ensure_ascii=False)
        yield "\n ]"
    yield "\n}\n"
