"""Facet counts beside a list: aggregate queries over the list's own filtered queryset.

Every facet runs under a time limit (PostgreSQL `SET LOCAL statement_timeout` inside a savepoint;
SQLite a progress handler that interrupts the query), so a slow facet is reported as
"not computed" instead of slowing the page — Datasette's facet time limit, per database.
"""

from __future__ import annotations

import calendar
import datetime
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractYear, TruncMonth

from .countries import country_name
from .models import AgreementStatus, InstitutionKind, Participation, visible_via

TOP = 10
MORE = 100  # values of a facet the reader asked to see more of ("more…")


@dataclass
class FacetValue:
    """One value of a facet: its label, how many rows have it, and the URL that selects it."""

    label: str
    count: int
    params: dict[str, Any]
    selected: bool = False
    url: str = ""


@dataclass
class Facet:
    """A facet's values, or `computed=False` when its time ran out."""

    key: str
    title: str
    values: list[FacetValue] = field(default_factory=list)
    computed: bool = True
    limit: int = TOP
    expanded: bool = False
    more_url: str = ""
    fewer_url: str = ""

    @property
    def has_more(self) -> bool:
        """Whether values were left out (the limit was reached)."""
        return not self.expanded and len(self.values) >= self.limit


Compute = Callable[[QuerySet, int], list[FacetValue]]


@dataclass(frozen=True)
class FacetSpec:
    """How to count one facet over a queryset of the list's model."""

    key: str
    title: str
    compute: Compute


def time_limit_ms() -> int:
    """Return the facet time budget, from settings (ARCHIVE_FACET_TIME_LIMIT_MS)."""
    return int(getattr(settings, "ARCHIVE_FACET_TIME_LIMIT_MS", 1000))


@contextmanager
def time_limited(ms: int) -> Iterator[None]:
    """Run the queries of the block under a time limit; a query over it raises DatabaseError."""
    if connection.vendor == "postgresql":
        # The savepoint undoes the limit when a query fails; on success it is reset by hand,
        # since SET LOCAL would otherwise last until the enclosing transaction ends.
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL statement_timeout = {max(1, int(ms))}")
            yield
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL statement_timeout TO DEFAULT")
        return
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        raw = connection.connection
        deadline = time.monotonic() + ms / 1000
        fired = False

        def interrupt() -> int:
            # Interrupt once: Django's debug cursor runs one more query to log the failed one,
            # and interrupting that too would escape as a raw sqlite3 error (a 500).
            nonlocal fired
            if not fired and time.monotonic() > deadline:
                fired = True
                return 1
            return 0

        raw.set_progress_handler(interrupt, 100)
        try:
            yield
        finally:
            raw.set_progress_handler(None, 0)
        return
    yield


def compute(
    specs: list[FacetSpec],
    queryset: QuerySet,
    *,
    ms: int | None = None,
    expanded: frozenset[str] = frozenset(),
) -> list[Facet]:
    """Return every facet of a list, each under its own time limit; the facets named in
    `expanded` list up to MORE values instead of TOP."""
    budget = time_limit_ms() if ms is None else ms
    # Aggregate over ids of the filtered rows, so ordering and search annotations stay out of it.
    base = queryset.model._default_manager.filter(pk__in=queryset.order_by().values("pk"))
    facets = []
    for spec in specs:
        wide = spec.key in expanded
        facet = Facet(spec.key, spec.title, limit=MORE if wide else TOP, expanded=wide)
        try:
            with time_limited(budget):
                facet.values = spec.compute(base, facet.limit)
        except DatabaseError:
            facet.computed = False
            facet.values = []
        facets.append(facet)
    return facets


# Facet builders -------------------------------------------------------------------------------


def by_country(*fields: str, param: str) -> Compute:
    """Count rows per country over one or more country fields (a meeting has two sides)."""

    def run(qs: QuerySet, limit: int) -> list[FacetValue]:
        totals: dict[str, int] = {}
        for name in fields:
            for row in qs.exclude(**{name: ""}).values(name).annotate(n=Count("id")).order_by():
                if not row[name]:
                    continue
                code = str(row[name])
                totals[code] = totals.get(code, 0) + row["n"]
        top = sorted(totals.items(), key=lambda kv: (-kv[1], country_name(kv[0])))[:limit]
        return [FacetValue(country_name(code), n, {param: code}) for code, n in top]

    return run


def by_year(date_field: str, param: str) -> Compute:
    """Count rows per year; each links to that year's date range."""

    def run(qs: QuerySet, limit: int) -> list[FacetValue]:
        rows = (
            qs.exclude(**{date_field: None})
            .annotate(facet_year=ExtractYear(date_field))
            .values("facet_year")
            .annotate(n=Count("id"))
            .order_by("-facet_year")[:limit]
        )
        return [
            FacetValue(
                str(row["facet_year"]),
                row["n"],
                {
                    f"{param}_after": f"{row['facet_year']}-01-01",
                    f"{param}_before": f"{row['facet_year']}-12-31",
                },
            )
            for row in rows
        ]

    return run


def by_month(date_field: str, param: str) -> Compute:
    """Count rows per month, most recent first; each links to that month's date range."""

    def run(qs: QuerySet, limit: int) -> list[FacetValue]:
        rows = (
            qs.exclude(**{date_field: None})
            .annotate(facet_month=TruncMonth(date_field))
            .values("facet_month")
            .annotate(n=Count("id"))
            .order_by("-facet_month")[: 12 if limit == TOP else limit]
        )
        values = []
        for row in rows:
            month = row["facet_month"]
            if isinstance(month, datetime.datetime):
                month = month.date()
            last = calendar.monthrange(month.year, month.month)[1]
            values.append(
                FacetValue(
                    f"{month:%B %Y}",
                    row["n"],
                    {
                        f"{param}_after": month.isoformat(),
                        f"{param}_before": month.replace(day=last).isoformat(),
                    },
                )
            )
        return values

    return run


def by_related(path: str, label_path: str, param: str, *, multi: bool = False) -> Compute:
    """Count rows per related record (venue, institution, speaker), top values first."""

    def run(qs: QuerySet, limit: int) -> list[FacetValue]:
        rows = (
            qs.exclude(**{path: None})
            .values(path, label_path)
            .annotate(n=Count("id"))
            .order_by("-n", label_path)[:limit]
        )
        return [FacetValue(str(row[label_path]), row["n"], {param: str(row[path])}) for row in rows]

    return run


def by_choice(field_name: str, choices: Any, param: str) -> Compute:
    """Count rows per value of a choice field, labelled with the choice's label."""

    def run(qs: QuerySet, limit: int) -> list[FacetValue]:
        labels = dict(choices)
        rows = qs.values(field_name).annotate(n=Count("id")).order_by("-n", field_name)[:limit]
        return [
            FacetValue(
                str(labels.get(row[field_name], row[field_name] or "—")),
                row["n"],
                {param: row[field_name]},
            )
            for row in rows
            if row[field_name] not in (None, "")
        ]

    return run


def meeting_officials(qs: QuerySet, limit: int) -> list[FacetValue]:
    """Count meetings per participating official; selecting adds them to the 'all of' list."""
    rows = (
        Participation.objects.filter(meeting__in=qs.values("pk"))
        .filter(visible_via("official"))
        .values("official_id", "official__name")
        .annotate(n=Count("meeting_id", distinct=True))
        .order_by("-n", "official__name")[:limit]
    )
    return [
        FacetValue(row["official__name"], row["n"], {"official": str(row["official_id"])})
        for row in rows
    ]


SPECS: dict[str, list[FacetSpec]] = {
    "meetings": [
        FacetSpec("country", "Country", by_country("country_a", "country_b", param="country")),
        FacetSpec("year", "Year", by_year("start_date", "date")),
        FacetSpec("month", "Month", by_month("start_date", "date")),
        FacetSpec("official", "Official", meeting_officials),
        FacetSpec("institution", "Venue", by_related("venue_id", "venue__name", "institution")),
    ],
    "statements": [
        FacetSpec(
            "speaker_country",
            "Speaker's country",
            by_country("speaker__country", param="speaker_country"),
        ),
        FacetSpec("year", "Year", by_year("date", "date")),
        FacetSpec("speaker", "Speaker", by_related("speaker_id", "speaker__name", "speaker")),
    ],
    "officials": [
        FacetSpec("country", "Country", by_country("country", param="country")),
        FacetSpec(
            "institution",
            "Institution",
            by_related("institution_id", "institution__name", "institution"),
        ),
    ],
    "institutions": [
        FacetSpec("country", "Country", by_country("country", param="country")),
        FacetSpec("kind", "Kind", by_choice("kind", InstitutionKind.choices, "kind")),
    ],
    "agreements": [
        FacetSpec(
            "agreement_status",
            "Status",
            by_choice("agreement_status", AgreementStatus.choices, "agreement_status"),
        ),
        FacetSpec("year", "Year signed", by_year("signed_date", "signed")),
    ],
    "articles": [
        FacetSpec("outlet", "Outlet", by_choice("outlet", {}, "outlet")),
        FacetSpec("year", "Year", by_year("published", "published")),
    ],
}
