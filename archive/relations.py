"""Reads for the relations of two countries and for one country's page.

Every figure comes from a fixed number of queries, whatever the number of meetings: the
aggregates run in the database, and only the few rows a page shows (top officials, the
officials' pairs of the who-met-whom table, the latest agreements and statements) come back.
"""

from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.db.models import Count, Max, Min, Q, QuerySet
from django.db.models.functions import ExtractYear, TruncMonth

from .countries import country_choices, country_name
from .models import Agreement, Meeting, Participation, Statement, visible_via

TOP_OFFICIALS = 10  # officials of each side ranked by meetings
TOP_PAIRS = 20  # rows of the who-met-whom table
NETWORK_SIDE = 8  # officials of each side drawn in the network
LATEST = 5  # agreements and statements of each side shown
TOP_PARTNERS = 25  # partners on a country's page


def known_country(code: str) -> bool:
    """Whether a code is a country the archive's filters know."""
    return code in _country_codes()


@cache
def _country_codes() -> frozenset[str]:
    return frozenset(key for key, _ in country_choices())


def canonical_pair(one: str, other: str) -> tuple[str, str]:
    """The two codes in the order the relations page's URL uses (alphabetical)."""
    first, second = sorted((one.upper(), other.upper()))
    return first, second


def pair_slug(one: str, other: str) -> str:
    first, second = canonical_pair(one, other)
    return f"{first.lower()}-{second.lower()}"


@dataclass
class Ranked:
    """An official and how many of the shown meetings they took part in."""

    id: int
    name: str
    title: str
    meetings: int


@dataclass
class Relations:
    """What the relations page shows of two countries."""

    codes: tuple[str, str]
    names: tuple[str, str]
    meetings: int
    undated: int
    per_year: list[tuple[int, int]]
    per_month: list[tuple[Any, int]]
    sides: list[tuple[str, str, list[Ranked]]]
    met: list[tuple[Ranked, Ranked, int]]
    agreements: list[Agreement]
    statements: list[tuple[str, list[Statement]]]
    counts: dict[str, int] = field(default_factory=dict)


def _pair_meetings(one: str, other: str) -> QuerySet:
    return Meeting.objects.visible().between_countries(one, other)


def _per_year(meetings: QuerySet) -> tuple[list[tuple[int, int]], int]:
    rows = (
        meetings.order_by()
        .annotate(year=ExtractYear("start_date"))
        .values("year")
        .annotate(n=Count("id"))
    )
    per_year, undated = [], 0
    for row in rows:
        if row["year"] is None:
            undated += row["n"]
        else:
            per_year.append((row["year"], row["n"]))
    return sorted(per_year), undated


def per_month_of(meetings: QuerySet) -> list[tuple[Any, int]]:
    """(first day of the month, meetings) for every month that has one."""
    rows = (
        meetings.exclude(start_date=None)
        .order_by()
        .annotate(month=TruncMonth("start_date"))
        .values("month")
        .annotate(n=Count("id"))
        .order_by("month")
    )
    return [(row["month"], row["n"]) for row in rows]


def month_params(base: dict[str, Any], month: Any) -> dict[str, Any]:
    """The list query of one month's meetings."""
    last = calendar.monthrange(month.year, month.month)[1]
    return {
        **base,
        "date_after": f"{month:%Y-%m}-01",
        "date_before": f"{month:%Y-%m}-{last:02d}",
    }


def _ranked_officials(meeting_ids: QuerySet, code: str, limit: int) -> list[Ranked]:
    rows = (
        Participation.objects.filter(meeting__in=meeting_ids, official__country=code)
        .filter(visible_via("official"))
        .values("official_id", "official__name", "official__title")
        .annotate(n=Count("meeting_id", distinct=True))
        .order_by("-n", "official__name")[:limit]
    )
    return [
        Ranked(r["official_id"], r["official__name"], r["official__title"], r["n"]) for r in rows
    ]


def _who_met_whom(
    meeting_ids: QuerySet, left: list[Ranked], right: list[Ranked]
) -> list[tuple[Ranked, Ranked, int]]:
    """Pairs of officials of the two sides and the meetings both attended, among the ranked
    officials of each side (so the work is bounded by their meetings, not the pair's)."""
    by_id = {o.id: o for o in (*left, *right)}
    left_ids = {o.id for o in left}
    rows = Participation.objects.filter(
        meeting__in=meeting_ids, official_id__in=list(by_id)
    ).values_list("meeting_id", "official_id")
    present: dict[int, set[int]] = defaultdict(set)
    for meeting_id, official_id in rows:
        present[meeting_id].add(official_id)
    together: Counter[tuple[int, int]] = Counter()
    for people in present.values():
        for a in people & left_ids:
            for b in people - left_ids:
                together[(a, b)] += 1
    ranked = sorted(together.items(), key=lambda kv: (-kv[1], by_id[kv[0][0]].name))
    return [(by_id[a], by_id[b], n) for (a, b), n in ranked[:TOP_PAIRS]]


def relations(one: str, other: str) -> Relations:
    """The relations of two countries (codes in any order): meetings per year, the officials
    of each side, who met whom, agreements and the latest statements of each side."""
    codes = canonical_pair(one, other)
    names = (country_name(codes[0]), country_name(codes[1]))
    meetings = _pair_meetings(*codes)
    ids = meetings.values("pk")
    per_year, undated = _per_year(meetings)
    per_month = per_month_of(meetings)
    sides_ranked = [_ranked_officials(ids, code, TOP_OFFICIALS) for code in codes]
    met = _who_met_whom(ids, *sides_ranked)
    agreements = list(
        Agreement.objects.visible()
        .with_party(codes[0])
        .with_party(codes[1])
        .order_by("-signed_date", "-id")[:20]
    )
    statements = []
    for code, name in zip(codes, names, strict=True):
        latest = list(
            Statement.objects.visible()
            .filter(meeting__in=ids, speaker__country=code)
            .filter(visible_via("speaker"))
            .select_related("speaker", "meeting")
            .defer("meeting__summary")
            .order_by("-date", "-id")[:LATEST]
        )
        statements.append((name, latest))
    total = sum(n for _, n in per_year) + undated
    counts = {
        "meetings": total,
        "statements": Statement.objects.visible().filter(meeting__in=ids).count(),
        "agreements": Agreement.objects.visible().with_party(codes[0]).with_party(codes[1]).count(),
    }
    return Relations(
        codes=codes,
        names=names,
        meetings=total,
        undated=undated,
        per_year=per_year,
        per_month=per_month,
        sides=[
            (code, name, ranked)
            for code, name, ranked in zip(codes, names, sides_ranked, strict=True)
        ],
        met=met,
        agreements=agreements,
        statements=statements,
        counts=counts,
    )


@dataclass
class CountryPage:
    """What a country's page shows."""

    code: str
    name: str
    meetings: int
    per_year: list[tuple[int, int]]
    partners: list[tuple[str, str, int, str]]  # code, name, meetings, years ("2019–2025")
    officials: list[Ranked]
    agreements: list[Agreement]


def country_page(code: str) -> CountryPage:
    """A country's partners ranked by meetings, its officials and its agreements."""
    code = code.upper()
    meetings = Meeting.objects.visible().with_country(code)
    per_year, undated = _per_year(meetings)
    partners: Counter[str] = Counter()
    spans: dict[str, tuple[Any, Any]] = {}
    for side, other in (("country_a", "country_b"), ("country_b", "country_a")):
        rows = (
            meetings.filter(**{side: code})
            .exclude(**{other: ""})
            .order_by()
            .values(other)
            .annotate(n=Count("id"), first=Min("start_date"), last=Max("start_date"))
        )
        for row in rows:
            if row[other] and row[other] != code:
                partners[row[other]] += row["n"]
                first, last = spans.get(row[other], (None, None))
                dates = [d for d in (first, row["first"]) if d]
                ends = [d for d in (last, row["last"]) if d]
                spans[row[other]] = (min(dates, default=None), max(ends, default=None))
    ranked = sorted(partners.items(), key=lambda kv: (-kv[1], country_name(kv[0])))
    return CountryPage(
        code=code,
        name=country_name(code),
        meetings=sum(n for _, n in per_year) + undated,
        per_year=per_year,
        partners=[
            (c, country_name(c), n, _years(*spans.get(c, (None, None))))
            for c, n in ranked[:TOP_PARTNERS]
        ],
        officials=_ranked_officials(meetings.values("pk"), code, TOP_OFFICIALS * 2),
        agreements=list(
            Agreement.objects.visible().with_party(code).order_by("-signed_date", "-id")[:20]
        ),
    )


def _years(first: Any, last: Any) -> str:
    """ "2019–2025", "2024", or '' when no meeting with the partner has a known date."""
    if first is None or last is None:
        return ""
    return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"


def busiest_pairs(limit: int = 10) -> list[tuple[str, str, str, int]]:
    """The pairs of countries with the most meetings: (slug, name, name, meetings)."""
    rows = (
        Meeting.objects.visible()
        .exclude(Q(country_a="") | Q(country_b=""))
        .order_by()
        .values("country_a", "country_b")
        .annotate(n=Count("id"))
    )
    totals: Counter[tuple[str, str]] = Counter()
    for row in rows:
        if row["country_a"] != row["country_b"]:
            totals[canonical_pair(row["country_a"], row["country_b"])] += row["n"]
    top = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [(pair_slug(*pair), country_name(pair[0]), country_name(pair[1]), n) for pair, n in top]


def network_officials(rel: Relations) -> tuple[list[Ranked], list[Ranked]]:
    """The officials of each side drawn in the network: the most connected first."""
    degree: Counter[int] = Counter()
    for a, b, n in rel.met:
        degree[a.id] += n
        degree[b.id] += n
    sides = []
    for _, _, ranked in rel.sides:
        connected = [o for o in ranked if degree[o.id]]
        connected.sort(key=lambda o: (-degree[o.id], o.name))
        sides.append(connected[:NETWORK_SIDE])
    return sides[0], sides[1]


def year_links(base: dict[str, Any], per_year: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Each year's bar with the query of the list it opens (that year's meetings)."""
    return [
        {
            "year": year,
            "count": n,
            "params": {**base, "date_after": f"{year}-01-01", "date_before": f"{year}-12-31"},
        }
        for year, n in per_year
    ]
