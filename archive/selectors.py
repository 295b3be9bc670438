"""Reads: the querysets pages, facets and exports share, so they can never disagree.

`record_list(kind, filters=…)` applies the list's FilterSet to the visible base queryset and orders
it; the page, its facets and its CSV/JSON export all start from that one result.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Min, Prefetch, Q, QuerySet, prefetch_related_objects

from . import filters, search
from .countries import country_name
from .models import (
    Agreement,
    AgreementSource,
    Article,
    Institution,
    Meeting,
    MeetingSource,
    MergeRecord,
    Official,
    OfficialMention,
    Participation,
    ReviewStatus,
    Statement,
    visible_via,
)
from .pagination import order
from .relations import per_month_of

VISIBLE = ~Q(status=ReviewStatus.REJECTED)


def _visible_participations() -> QuerySet:
    return Participation.objects.filter(visible_via("official")).select_related("official")


def _visible_meeting_sources() -> QuerySet:
    return MeetingSource.objects.filter(visible_via("article")).select_related("article")


def meeting_base() -> QuerySet:
    """Return visible meetings with what an exported row shows, in a fixed query count (a
    page loads its rows' related records itself: `meeting_row_details`).

    Related rows load only the columns a row shows (participants' names, sources' titles):
    converting the fields nobody reads was a tenth of the time of building them."""
    return (
        Meeting.objects.visible()
        .select_related("venue")
        .defer(*_timestamps("", "venue"))
        .prefetch_related(
            Prefetch(
                "participations",
                queryset=_visible_participations().only("meeting", "official__name"),
            ),
            Prefetch(
                "sources",
                queryset=_visible_meeting_sources().only(
                    "meeting", "article__title", "article__file_name", "article__status"
                ),
            ),
        )
    )


def statement_base() -> QuerySet:
    """Return visible statements with speaker, meeting and article (without its text)."""
    return (
        Statement.objects.visible()
        .select_related("speaker", "meeting", "article")
        .defer("article__text", *_timestamps("", "speaker", "meeting", "article"))
    )


def _timestamps(*relations: str) -> list[str]:
    """The bookkeeping timestamps of a row and its joined rows, which list rows never show."""
    return [
        f"{relation}__{field}" if relation else field
        for relation in relations
        for field in ("created_at", "updated_at")
    ]


def official_base() -> QuerySet:
    """Return visible officials with institution, aliases and source articles."""
    return (
        Official.objects.visible()
        .select_related("institution")
        .prefetch_related(
            "aliases",
            Prefetch("mentions", queryset=OfficialMention.objects.select_related("article")),
        )
    )


def institution_base() -> QuerySet:
    """Return visible institutions with parent, aliases and source articles."""
    return (
        Institution.objects.visible()
        .select_related("parent")
        .prefetch_related("aliases", Prefetch("articles", queryset=Article.objects.visible()))
    )


def agreement_base() -> QuerySet:
    """Return visible agreements with their meetings and sources."""
    return Agreement.objects.visible().prefetch_related(
        Prefetch("meetings", queryset=Meeting.objects.visible()),
        Prefetch(
            "sources",
            queryset=AgreementSource.objects.filter(visible_via("article")).select_related(
                "article"
            ),
        ),
    )


def article_base() -> QuerySet:
    """Return visible articles."""
    return Article.objects.visible()


def meeting_row_details(meetings: list[Meeting]) -> None:
    """Give each meeting of a page what its row shows of related records: `participants`
    (official id, name) and `source_count`.

    Two narrow queries instead of the export's prefetch: a page of 50 meetings built some
    400 participation, official, source and article instances for a few names and a count."""
    ids = [meeting.pk for meeting in meetings]
    people: dict[int, list[tuple[int, str]]] = {pk: [] for pk in ids}
    for meeting_id, official_id, name in (
        _visible_participations()
        .filter(meeting_id__in=ids)
        .values_list("meeting_id", "official_id", "official__name")
    ):
        people[meeting_id].append((official_id, name))
    sources = dict(
        _visible_meeting_sources()
        .filter(meeting_id__in=ids)
        .order_by()
        .values("meeting_id")
        .annotate(n=Count("id"))
        .values_list("meeting_id", "n")
    )
    for meeting in meetings:
        meeting.participants = people[meeting.pk]
        meeting.source_count = sources.get(meeting.pk, 0)


def official_row_details(officials: list[Official]) -> None:
    """Give each official of a page its aliases, all its row shows of related records.

    The export's prefetch of every mention with its article (the article's text included)
    built some 3,000 mention and article instances for a page of 50 officials: 70 ms of the
    officials list at a million statements."""
    prefetch_related_objects(officials, "aliases")


@dataclass(frozen=True)
class ListKind:
    """What makes one list page: its model, FilterSet and base queryset (with what an export
    prefetches), and, where a page's rows show related records, the function that loads them
    for the page alone (`row_details`)."""

    key: str
    model: type
    filterset: type[filters.ArchiveFilterSet]
    base: Any
    row_details: Callable[[list], None] | None = None


LISTS: dict[str, ListKind] = {
    "meetings": ListKind(
        "meetings", Meeting, filters.MeetingFilter, meeting_base, meeting_row_details
    ),
    "statements": ListKind("statements", Statement, filters.StatementFilter, statement_base),
    "officials": ListKind(
        "officials", Official, filters.OfficialFilter, official_base, official_row_details
    ),
    "institutions": ListKind(
        "institutions", Institution, filters.InstitutionFilter, institution_base
    ),
    "agreements": ListKind("agreements", Agreement, filters.AgreementFilter, agreement_base),
    "articles": ListKind("articles", Article, filters.ArticleFilter, article_base),
}


@dataclass
class Listing:
    """A filtered, ordered list: the one result the page, facets and export all use."""

    kind: ListKind
    filterset: filters.ArchiveFilterSet
    queryset: QuerySet
    sort: str
    sort_field: str | None  # None when ordered by relevance
    descending: bool
    # A text search in relevance order: the matching rows without a rank, the rows the other
    # filters keep (searched or not), and the text. The rank orders `queryset` (exports); a
    # page reads it from the index instead (`rows`).
    unranked: QuerySet | None = None
    unsearched: QuerySet | None = None
    q: str = ""

    def rows(self, start: int, count: int) -> list:
        """The rows [start, start + count) of the list, in its order, ready for a page."""
        if self.unranked is not None:
            rows = search.ranked_rows(
                self.unranked.prefetch_related(None),
                self.q,
                start,
                count,
                filtered=self.unsearched,
            )
        else:
            rows = list(self.page_queryset[start : start + count])
        return self.with_row_details(rows)

    @property
    def page_queryset(self) -> QuerySet:
        """The list as a page reads it: without the related rows only an export shows (a page
        loads what its rows show with `with_row_details`)."""
        return self.queryset.prefetch_related(None)

    def with_row_details(self, rows: list) -> list:
        """The page's rows with what they show of related records, where the kind adds it."""
        if self.kind.row_details and rows:
            self.kind.row_details(rows)
        return rows

    @property
    def valid(self) -> bool:
        return self.filterset.is_valid()


def record_list(kind: str, *, filters: Mapping[str, Any]) -> Listing:
    """Return the visible records of one list kind that match the filters, in the list's order.

    Invalid filters give an empty list (the page shows the form's errors), never an exception.
    """
    spec = LISTS[kind]
    filterset = spec.filterset(data=filters, queryset=spec.base())
    if not filterset.is_valid():
        qs = spec.base().none()
        return Listing(spec, filterset, qs, filterset.default_sort, None, False)
    qs = filterset.qs
    sort = filterset.sort_key
    q = filterset.form.cleaned_data.get("q") or ""
    if sort == "relevance" and filterset.searchable and search.has_terms(q):
        ranked = search.with_rank(qs, q).order_by("-search_rank", "-id")
        return Listing(
            spec, filterset, ranked, sort, None, True,
            unranked=qs, unsearched=filterset.unsearched, q=q,
        )  # fmt: skip
    if sort == "relevance":
        sort = filterset.default_sort
    descending = sort.startswith("-")
    field = filterset.sorts[sort.lstrip("-")][0]
    return Listing(spec, filterset, order(qs, field, descending), sort, field, descending)


def archive_counts() -> dict[str, int]:
    """Return how many visible records of each kind the archive holds, in few queries."""
    counts: dict[str, int] = {}
    for key, spec in LISTS.items():
        counts[key] = spec.model.objects.aggregate(n=Count("pk", filter=VISIBLE))["n"]
    return counts


def latest_meetings(*, limit: int = 5) -> list[Meeting]:
    """Return the most recent visible meetings with what their summary line needs."""
    return list(Meeting.objects.visible().select_related("venue")[:limit])


def meetings_per_month() -> list[tuple[Any, int]]:
    """Return (first day of month, number of visible meetings) for every month that has one."""
    return per_month_of(Meeting.objects.visible())


def merged_into(model_name: str, pk: int) -> int | None:
    """Return the id a merged-away record now lives under (following chains), or None."""
    seen: set[int] = set()
    current = pk
    while current not in seen and len(seen) < 10:
        seen.add(current)
        kept = (
            MergeRecord.objects.filter(model=model_name, old_id=current)
            .values_list("kept_id", flat=True)
            .first()
        )
        if kept is None:
            break
        current = kept
    return current if current != pk else None


# Detail pages ---------------------------------------------------------------------------------


def meeting_detail(meeting: Meeting) -> dict[str, Any]:
    """Return what a meeting's page shows: delegations, statements, agreements, sources."""
    participations = list(
        _visible_participations()
        .filter(meeting=meeting)
        .only(
            "meeting",
            "delegation_country",
            "role",
            "title_as_written",
            "official__name",
            "official__title",
            "official__country",
        )
        .order_by("delegation_country", "id")
    )
    delegations: dict[str, list[Participation]] = {}
    for code in [meeting.country_a.code, meeting.country_b.code]:
        delegations.setdefault(code or "", [])
    for p in participations:
        code = p.delegation_country.code or p.official.country.code or ""
        delegations.setdefault(code, []).append(p)
    return {
        "delegations": [
            (country_name(code) or "Country not given", people)
            for code, people in delegations.items()
            if people or code
        ],
        # Only what the page shows: building each statement's meeting and article again
        # (the page's own meeting; an article the page lists under sources) was most of the
        # page's time at a few statements.
        "statements": list(
            Statement.objects.visible()
            .filter(meeting=meeting)
            .filter(Q(speaker=None) | visible_via("speaker"))
            .select_related("speaker")
            .only("text", "direct", "speaker__name")
            .order_by("start", "id")
        ),
        "agreements": list(
            meeting.agreements.visible().only("name", "agreement_status", "signed_date")
        ),
        "sources": list(_visible_meeting_sources().filter(meeting=meeting)),
    }


def counterparts(official: Official, *, limit: int = 10) -> list[dict[str, Any]]:
    """Return the officials met most often by this one, with counts, in one aggregate query."""
    return list(
        Participation.objects.filter(
            visible_via("meeting"),
            visible_via("official"),
            meeting__participations__official=official,
        )
        .exclude(official=official)
        .values("official_id", "official__name", "official__country")
        .annotate(n=Count("meeting_id", distinct=True))
        .order_by("-n", "official__name")[:limit]
    )


def _first_and_total(
    queryset: QuerySet, limit: int, *, counted: QuerySet | None = None
) -> tuple[list, int | None]:
    """The first `limit` rows of an ordered queryset and, only when there are more, how many
    there are in all (counting `counted`, the same rows without the page's annotations, when
    given): a record page shows the latest few and says "the 50 most recent of 812"."""
    rows = list(queryset[:limit])
    if len(rows) < limit:
        return rows, None
    total = (queryset if counted is None else counted).count()
    return rows, total if total > limit else None


OFFICIAL_PAGE_MEETINGS = 50
OFFICIAL_PAGE_STATEMENTS = 25


def official_positions(official: Official) -> list[tuple[str, Any]]:
    """Return (title, earliest date seen) for every title an official was reported with.

    Dates come from the articles that name the title and from the meetings attended under it;
    aggregated in SQL so a minister with thousands of meetings costs two small queries."""
    sources = (  # (rows naming a title, the date each gives it)
        (OfficialMention.objects.filter(visible_via("article")), "article__published"),
        (Participation.objects.filter(visible_via("meeting")), "meeting__start_date"),
    )
    titles: dict[str, Any] = {}
    for rows, date in sources:
        for title, when in (
            rows.filter(official=official)
            .exclude(title_as_written="")
            .values("title_as_written")
            .annotate(first=Min(date))
            .values_list("title_as_written", "first")
        ):
            if title not in titles or (when and (titles[title] is None or titles[title] > when)):
                titles[title] = when
    return sorted(titles.items(), key=lambda kv: (kv[1] is None, kv[1] or 0, kv[0]))


def official_detail(official: Official) -> dict[str, Any]:
    """Return what an official's page shows: aliases, titles over time, the latest meetings and
    statements (the full, filterable lists are a link away), counterparts.

    The page lists at most OFFICIAL_PAGE_MEETINGS meetings and OFFICIAL_PAGE_STATEMENTS
    statements: its cost must not grow with a long career."""
    attended = Meeting.objects.visible().filter(participations__official=official)
    latest, meetings_total = _first_and_total(
        attended.annotate(title_then=F("participations__title_as_written")).order_by(
            F("start_date").desc(nulls_last=True), "-id"
        ),
        OFFICIAL_PAGE_MEETINGS,
        counted=attended,
    )
    statements = list(
        Statement.objects.visible()
        .filter(speaker=official)
        .select_related("meeting")
        .order_by(F("date").desc(nulls_last=True), "-id")[:OFFICIAL_PAGE_STATEMENTS]
    )
    return {
        "aliases": list(official.aliases.all()),
        "positions": official_positions(official),
        "meetings": latest[::-1],  # a timeline reads oldest first
        "meetings_total": meetings_total,
        "statements": statements,
        "statements_cut": len(statements) == OFFICIAL_PAGE_STATEMENTS,
        "counterparts": counterparts(official),
    }


INSTITUTION_PAGE_MEETINGS = 50


def institution_detail(institution: Institution) -> dict[str, Any]:
    """Return what an institution's page shows: officials, meetings hosted, parts, sources.

    Meetings hosted: the INSTITUTION_PAGE_MEETINGS most recent, with the total when there
    are more (`meetings_total`), as an official's page does; the full list is a link."""
    meetings, meetings_total = _first_and_total(
        institution.meetings_hosted.visible().defer(
            "created_at", "updated_at", "summary", "topics"
        ),
        INSTITUTION_PAGE_MEETINGS,
    )
    return {
        "aliases": list(institution.aliases.all()),
        "officials": list(institution.officials.visible()),
        "meetings": meetings,
        "meetings_total": meetings_total,
        "children": list(institution.children.visible()),
        "articles": list(institution.articles.visible()),
    }


def agreement_detail(agreement: Agreement) -> dict[str, Any]:
    """Return what an agreement's page shows: meetings and the passages that mention it."""
    return {
        "meetings": list(agreement.meetings.visible()),
        "sources": list(
            AgreementSource.objects.filter(
                visible_via("article"), agreement=agreement
            ).select_related("article")
        ),
    }


def article_passages(article: Article) -> list[tuple[int, int, str, str, str]]:
    """Return every extracted passage of an article: (start, end, kind, label, record URL)."""
    spans: list[tuple[int, int, str, str, str]] = []

    def add(rows, kind, label, url):
        for row in rows:
            if row.start is not None and row.end is not None and row.end > row.start:
                spans.append((row.start, row.end, kind, label(row), url(row)))

    add(
        Statement.objects.visible().filter(article=article).select_related("speaker"),
        "statement",
        lambda s: f"Statement by {s.speaker or 'an unattributed speaker'}",
        lambda s: s.get_absolute_url(),
    )
    add(
        OfficialMention.objects.filter(visible_via("official"), article=article).select_related(
            "official"
        ),
        "official",
        lambda m: f"Official: {m.official}",
        lambda m: m.official.get_absolute_url(),
    )
    add(
        MeetingSource.objects.filter(visible_via("meeting"), article=article).select_related(
            "meeting"
        ),
        "meeting",
        lambda s: f"Meeting: {s.meeting}",
        lambda s: s.meeting.get_absolute_url(),
    )
    add(
        AgreementSource.objects.filter(visible_via("agreement"), article=article).select_related(
            "agreement"
        ),
        "agreement",
        lambda s: f"Agreement: {s.agreement}",
        lambda s: s.agreement.get_absolute_url(),
    )
    return sorted(spans)
