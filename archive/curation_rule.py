"""The curation rule, written once: what an editor decided no machine changes.

- a **reviewed** record is left as it is (a new report of it may add a source or a
  participant, never change a field);
- a **rejected** record is never revived (an import that finds it again suppresses what it
  found);
- a **draft** gains what it lacks: blank fields are filled, filled ones are never overwritten.

The importer (`ingest.load`, when an article names a record the archive has) and the merge
service (`services`, when an editor merges duplicates into the record kept) both apply it
through these functions, so the two can never disagree about what "blank" means.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from django.db import models

from archive.models import ReviewStatus


class Verdict(StrEnum):
    """What an import may do with a record the archive already holds."""

    SUPPRESS = "suppress"  # rejected: what was found again is dropped
    LEAVE = "leave"  # reviewed: fields untouched
    FILL = "fill"  # draft: blanks filled, nothing overwritten


def verdict(record: models.Model) -> Verdict:
    """The rule for an existing record, from its review status."""
    status = getattr(record, "status", ReviewStatus.DRAFT)
    if status == ReviewStatus.REJECTED:
        return Verdict.SUPPRESS
    if status == ReviewStatus.REVIEWED:
        return Verdict.LEAVE
    return Verdict.FILL


def is_blank(field: models.Field, value: Any) -> bool:
    """Whether a field holds nothing worth keeping: null, empty, or an unchosen default.

    A choice left at its default ("other", "unknown") says nothing about the record, so a
    value found later may take its place; `False` and `0` are values, not blanks."""
    if value is None:
        return True
    if isinstance(value, models.Model):
        return value.pk is None
    prep = field.get_prep_value(value) if not field.is_relation else value
    if prep in ("", [], ()):
        return True
    return bool(field.choices) and field.has_default() and prep == field.get_default()


def fill_blanks(record: models.Model, values: Mapping[str, Any]) -> list[str]:
    """Set each named field of `record` that is blank to its value in `values`, when that is
    not blank itself; never overwrite. Returns the names of the fields set, in order.

    A relation may be given as a model instance or as its primary key."""
    filled = []
    for name, value in values.items():
        field = record._meta.get_field(name)
        if not is_blank(field, getattr(record, field.attname)) or is_blank(field, value):
            continue
        if field.is_relation and isinstance(value, models.Model):
            setattr(record, name, value)
        else:
            setattr(record, field.attname, value)
        filled.append(name)
    return filled
