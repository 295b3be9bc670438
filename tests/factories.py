"""Small builders of archive records for tests: explicit values, sensible defaults."""

from __future__ import annotations

import datetime
import hashlib
import itertools

from archive.models import (
    Agreement,
    AgreementSource,
    Article,
    Institution,
    Meeting,
    MeetingSource,
    Official,
    OfficialMention,
    Participation,
    Statement,
)

_counter = itertools.count(1)


def make_article(**fields) -> Article:
    """Create an Article with a unique text and content hash."""
    n = next(_counter)
    fields.setdefault("text", f"Article text number {n}. The ministers met in Paris.")
    fields.setdefault("file_name", f"article_{n}.txt")
    fields.setdefault("content_hash", hashlib.sha256(fields["text"].encode()).hexdigest())
    return Article.objects.create(**fields)


def make_institution(**fields) -> Institution:
    """Create an Institution."""
    fields.setdefault("name", f"Ministry of Defense {next(_counter)}")
    return Institution.objects.create(**fields)


def make_official(**fields) -> Official:
    """Create an Official."""
    fields.setdefault("name", f"Official Number{next(_counter)}")
    fields.setdefault("country", "FR")
    return Official.objects.create(**fields)


def make_meeting(*, officials=(), articles=(), **fields) -> Meeting:
    """Create a Meeting, with participations and sources when given."""
    fields.setdefault("start_date", datetime.date(2024, 5, 1))
    fields.setdefault("date_precision", "day")
    fields.setdefault("country_a", "FR")
    fields.setdefault("country_b", "DE")
    fields.setdefault("city", "Paris")
    meeting = Meeting.objects.create(**fields)
    for official in officials:
        Participation.objects.create(
            meeting=meeting, official=official, delegation_country=official.country
        )
    for article in articles:
        MeetingSource.objects.create(meeting=meeting, article=article, start=0, end=10)
    return meeting


def make_mention(official: Official, article: Article, **fields) -> OfficialMention:
    """Create an OfficialMention of an official in an article."""
    fields.setdefault("name_as_written", official.name)
    fields.setdefault("start", next(_counter))
    fields.setdefault("end", fields["start"] + len(official.name))
    return OfficialMention.objects.create(official=official, article=article, **fields)


def make_statement(**fields) -> Statement:
    """Create a Statement (and an Article for it when none is given)."""
    if "article" not in fields:
        fields["article"] = make_article()
    fields.setdefault("text", "We will strengthen our cooperation.")
    fields.setdefault("start", next(_counter))
    fields.setdefault("end", fields["start"] + len(fields["text"]))
    return Statement.objects.create(**fields)


def make_agreement(*, articles=(), **fields) -> Agreement:
    """Create an Agreement, with sources when given."""
    fields.setdefault("name", f"Security agreement {next(_counter)}")
    fields.setdefault("parties", ["FR", "DE"])
    agreement = Agreement.objects.create(**fields)
    for article in articles:
        AgreementSource.objects.create(agreement=agreement, article=article, start=0, end=10)
    return agreement
