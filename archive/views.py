"""Researcher-facing views: read the request, call a selector, render. No queries built here."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    QueryDict,
)
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from . import charts, export, facets, filters, relations, selectors, tables
from .citation import FORMATS as CITATION_FORMATS
from .citation import Citation
from .countries import country_name
from .models import Agreement, Article, Institution, Meeting, Official, Statement
from .pagination import PAGE_SIZE, Page, RowCount, capped_count, keyset_page, offset_page
from .passages import highlighted_text, passage_anchor
from .record_urls import detail_path
from .result_cache import ResultCache
from .search import MAX_QUERY_CHARS

PAGING_PARAMS = ("_next", "_prev", "_start", "page", "format", "bom")
UNFILTERING = (*PAGING_PARAMS, "sort", "size")
PAGE_SIZES = (25, 50, 100, 500)
TITLES = {
    "meetings": "Meetings",
    "statements": "Statements",
    "officials": "Officials",
    "institutions": "Institutions",
    "agreements": "Agreements",
    "articles": "Source articles",
}


def querystring(params: QueryDict, *, drop: tuple[str, ...] = PAGING_PARAMS, **changes: Any) -> str:
    """Return '?…' for the current parameters with some dropped and some set (None removes).

    Encoded as `QueryDict.urlencode` does (the same string), from a plain list of pairs: a
    list page builds some 40 of these links, and copying the QueryDict for each (a deep copy)
    was a tenth of a search page's time."""
    pairs = [
        (name, value)
        for name, values in params.lists()
        if name not in drop and name not in changes and any(values)
        for value in values
    ]
    for name, value in changes.items():
        if value is None:
            continue
        values = value if isinstance(value, list) else [value]
        if any(values):
            pairs.extend((name, v) for v in values)
    return "?" + urlencode(pairs)


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """Say what the archive holds, show the latest meetings and meetings per month."""
    latest = selectors.latest_meetings()
    results = ResultCache()
    counts = results.get_or_compute("home-counts", [], selectors.archive_counts)
    per_month = results.get_or_compute("per-month", [], selectors.meetings_per_month)
    pairs = results.get_or_compute("busiest-pairs", [], relations.busiest_pairs)
    return render(
        request,
        "archive/home.html",
        {
            "counts": counts,
            "latest": [(m, tables.meeting_when(m)) for m in latest],
            "years_chart": charts.yearly_bars(
                _years_of(per_month),
                href=lambda year: (
                    reverse("archive:meeting_list") + querystring(QueryDict(), **year["params"])
                ),
                title="Meetings per year, the whole archive",
            ),
            "chart": charts.monthly_bars(
                per_month,
                href=lambda month: (
                    reverse("archive:meeting_list")
                    + querystring(QueryDict(), **relations.month_params({}, month))
                ),
            ),
            "pairs": [
                (reverse("archive:relations", args=[slug]), one, other, n)
                for slug, one, other, n in pairs
            ],
        },
    )


# Parameters a facet adds to rather than replaces, with how many values each may hold: the
# officials of a meeting (all of them took part), and two countries (the meetings between
# them). Past the limit, the last value chosen is replaced.
MULTI_VALUED = {"official": filters.MAX_RECORD_IDS, "country": 2}


def _facet_urls(facet_list: list[facets.Facet], params: QueryDict) -> None:
    """Give each facet value the URL that selects it, or unselects it when already chosen."""
    for facet in facet_list:
        for value in facet.values:
            changes: dict[str, Any] = {}
            selected = True
            for name, wanted in value.params.items():
                current = params.getlist(name)
                if wanted not in current:
                    selected = False
            for name, wanted in value.params.items():
                current = params.getlist(name)
                if name in MULTI_VALUED:  # all these officials; the relations of two countries
                    limit = MULTI_VALUED[name]
                    kept = current if len(current) < limit else current[: limit - 1]
                    changes[name] = (
                        [v for v in current if v != wanted] if selected else [*kept, wanted]
                    )
                else:
                    changes[name] = None if selected else wanted
            value.selected = selected
            value.url = querystring(params, **changes)
        others = [v for v in params.getlist("more") if v != facet.key]
        facet.more_url = querystring(params, more=[*others, facet.key])
        facet.fewer_url = querystring(params, more=others or None)


def _sort_headers(kind: str, listing: selectors.Listing, params: QueryDict) -> list[dict]:
    headers = []
    for column in tables.COLUMNS[kind]:
        header: dict[str, Any] = {"label": column.label, "url": "", "aria_sort": ""}
        if column.sort:
            if listing.sort == column.sort:
                header["aria_sort"], target = "ascending", f"-{column.sort}"
            elif listing.sort == f"-{column.sort}":
                header["aria_sort"], target = "descending", column.sort
            else:
                target = column.sort
            header["url"] = querystring(params, sort=target)
        headers.append(header)
    return headers


def _active_choices(listing: selectors.Listing, params: QueryDict) -> list[dict]:
    """Return the hidden record filters in force (officials, speaker…), each removable."""
    chips = []
    if not listing.valid:
        return chips
    data = listing.filterset.form.cleaned_data
    for name, flt in listing.filterset.filters.items():
        value = data.get(name)
        if not value or not hasattr(flt, "queryset") or flt.queryset is None:
            continue
        for obj in value if isinstance(value, list | tuple | QuerySet) else [value]:
            remaining = [v for v in params.getlist(name) if v != str(obj.pk)]
            chips.append(
                {
                    "label": f"{flt.label}: {obj}",
                    "url": querystring(params, **{name: remaining or None}),
                }
            )
    return chips


def _filters_key(kind: str, params: QueryDict) -> list:
    """The cache key part of a list's counts and facets: they do not depend on the order or
    the page, only on the filters (the search page's counts share the list pages' keys)."""
    return [kind, sorted((k, params.getlist(k)) for k in params if k not in UNFILTERING)]


@require_safe
def record_list(request: HttpRequest, kind: str) -> HttpResponse:
    """A list page, or its CSV/JSON export: one selector result feeds page, facets and export."""
    params = request.GET
    listing = selectors.record_list(kind, filters=params)
    fmt = params.get("format")
    if fmt in ("csv", "json") and not listing.valid:
        return _export_refused(listing)
    if fmt in ("csv", "json"):
        return export.response(
            kind,
            fmt,
            listing.queryset,
            request.build_absolute_uri,
            bom=params.get("bom") in ("1", "true", "yes"),
        )
    size, size_note = _page_size(params.get("size"))
    if listing.sort_field is None:
        page = offset_page(listing.rows, page=params.get("page"), size=size)
    else:
        page = keyset_page(
            listing.page_queryset,
            sort_field=listing.sort_field,
            descending=listing.descending,
            cursor=params.get("_next"),
            before=params.get("_prev"),
            size=size,
            start=_whole(params.get("_start")),
        )
    if size_note:
        page.notes.append(size_note)
    undated = _undated_left_out(kind, params, listing)
    if undated:
        page.notes.append(undated)
    results = ResultCache()
    keys = {spec.key for spec in facets.SPECS[kind]}
    expanded = frozenset(value for value in params.getlist("more") if value in keys)
    filters_key = _filters_key(kind, params)
    total = results.get_or_compute("count", filters_key, lambda: capped_count(listing.queryset))
    facet_list = (
        results.get_or_compute(
            "facets",
            filters_key,
            lambda: facets.compute(facets.SPECS[kind], listing.queryset, expanded=expanded),
        )
        if listing.valid
        else []
    )
    _facet_urls(facet_list, params)
    form = listing.filterset.form
    return render(
        request,
        f"archive/{kind[:-1]}_list.html",
        {
            "kind": kind,
            "title": TITLES[kind],
            "sentence": listing.filterset.describe(total),
            "form": form,
            "visible_fields": [f for f in form if not f.is_hidden],
            "hidden_fields": [f for f in form if f.is_hidden],
            "chips": _active_choices(listing, params),
            "headers": _sort_headers(kind, listing, params),
            "rows": tables.rows(kind, listing.with_row_details(page.rows)),
            "page": page,
            "next_url": querystring(
                params, **page.next_params, _start=str(page.start + len(page.rows))
            )
            if page.next_params is not None
            else "",
            "previous_url": querystring(
                params, **page.previous_params, _start=str(max(0, page.start - size))
            )
            if page.previous_params is not None
            else "",
            "position": _position(page, total),
            "sizes": [
                {"size": n, "url": querystring(params, size=str(n)), "current": n == size}
                for n in PAGE_SIZES
            ],
            "first_url": querystring(params) if page.first_params is not None else "",
            "facets": facet_list,
            "csv_url": querystring(params, format="csv"),
            "csv_bom_url": querystring(params, format="csv", bom="1"),
            "json_url": querystring(params, format="json"),
            "reset_url": reverse(f"archive:{kind[:-1]}_list"),
            "relations_url": _relations_url(listing),
        },
    )


DATE_RANGE_PARAMS = {"meetings": ("date_after", "date_before")}


def _undated_left_out(kind: str, params: QueryDict, listing: selectors.Listing) -> str:
    """Say how many records a date range leaves out because their date is unknown (a
    meeting reported without a year is in no year), instead of dropping them silently."""
    names = DATE_RANGE_PARAMS.get(kind, ())
    if not listing.valid or not any(params.get(name) for name in names):
        return ""
    rest = params.copy()
    for name in names:
        rest.pop(name, None)
    others = selectors.record_list(kind, filters=rest)
    if not others.valid:
        return ""
    count = capped_count(others.queryset.filter(start_date__isnull=True))
    if not count.value:
        return ""
    one = count.value == 1 and not count.more
    what = "meeting without a known date is" if one else "meetings without a known date are"
    return f"{str(count).capitalize()} {what} in no date range: remove the dates to see them."


def _years_of(per_month: list[tuple[Any, int]]) -> list[dict[str, Any]]:
    """Meetings per year (with the list query of each year) from meetings per month."""
    totals: dict[int, int] = {}
    for month, n in per_month:
        totals[month.year] = totals.get(month.year, 0) + n
    return relations.year_links({}, sorted(totals.items()))


def _page_size(value: str | None) -> tuple[int, str]:
    """The rows per page asked for, one of PAGE_SIZES; anything else is the default, said."""
    if not value:
        return PAGE_SIZE, ""
    if value.isdigit() and int(value) in PAGE_SIZES:
        return int(value), ""
    choices = ", ".join(str(n) for n in PAGE_SIZES)
    return PAGE_SIZE, f"Rows per page can be {choices}; showing {PAGE_SIZE}."


def _whole(value: str | None) -> int:
    """A row offset from a link: a small whole number, else 0 (it only numbers rows)."""
    return int(value) if value and value.isdigit() and len(value) <= 9 else 0


def _position(page: Page, total: RowCount) -> str:
    """ "Rows 51–100 of about 3,000" for a page of a longer list; '' when it is all."""
    if not page.rows or (page.start == 0 and page.next_params is None):
        return ""
    first, last = page.start + 1, page.start + len(page.rows)
    return f"Rows {first:,}–{last:,} of {total}"


def _export_refused(listing: selectors.Listing) -> HttpResponse:
    """A download with filters that cannot be read: 400 and what was wrong, never a file of
    the wrong rows or of none."""
    errors = listing.filterset.form.errors
    lines = [f"{name}: {' '.join(messages)}" for name, messages in errors.items()]
    body = "The download was refused: some filters could not be read.\n" + "\n".join(lines)
    return HttpResponse(body + "\n", status=400, content_type="text/plain; charset=utf-8")


def _relations_url(listing: selectors.Listing) -> str:
    """The relations page of the two countries a list is filtered on, if it is."""
    data = listing.filterset.form.cleaned_data if listing.valid else {}
    codes = data.get("country") or data.get("party") or []
    if isinstance(codes, list) and len(codes) == 2:
        return reverse("archive:relations", args=[relations.pair_slug(*codes)])
    return ""


@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    """One search box over meetings, statements, articles and officials, best matches first."""
    q = request.GET.get("q", "")[:MAX_QUERY_CHARS].strip()
    sections = []
    if q:
        results = ResultCache()
        for kind in ("meetings", "statements", "articles", "officials"):
            data = QueryDict(mutable=True)
            data["q"] = q
            listing = selectors.record_list(kind, filters=data)
            rows = listing.rows(0, 10)
            sections.append(
                {
                    "kind": kind,
                    "title": TITLES[kind],
                    "count": results.get_or_compute(
                        "count",
                        _filters_key(kind, data),
                        lambda listing=listing: capped_count(listing.queryset),
                    ),
                    "headers": [c.label for c in tables.COLUMNS[kind]],
                    "rows": tables.rows(kind, rows),
                    "url": reverse(f"archive:{kind[:-1]}_list") + querystring(QueryDict(), q=q),
                }
            )
    return render(
        request,
        "archive/search.html",
        {"q": q, "sections": sections, "too_long": len(request.GET.get("q", "")) > MAX_QUERY_CHARS},
    )


@require_safe
def about_data(request: HttpRequest) -> HttpResponse:
    """Document the export columns and the filters each list takes."""
    lists = []
    for kind, columns in export.COLUMNS.items():
        spec = selectors.LISTS[kind]
        params = []
        for name, flt in spec.filterset.base_filters.items():
            label = str(flt.label or name)
            if flt.__class__.__name__ == "DateFromToRangeFilter":
                params.append((f"{name}_after, {name}_before", f"{label} range (YYYY-MM-DD)"))
            else:
                params.append((name, label))
        lists.append(
            {
                "kind": kind,
                "title": TITLES[kind],
                "url": reverse(f"archive:{kind[:-1]}_list"),
                "columns": columns,
                "params": params,
            }
        )
    return render(request, "archive/about_data.html", {"lists": lists, "join": export.JOIN})


# Detail pages ---------------------------------------------------------------------------------


def _object_or_redirect(request: HttpRequest, model: type, pk: int, related: tuple[str, ...] = ()):
    """Return the visible record (with `related` joined), a 301 to the record it was merged
    into, or raise 404."""
    obj = model.objects.visible().select_related(*related).filter(pk=pk).first()
    if obj is not None:
        return obj
    kept = selectors.merged_into(model._meta.model_name, pk)
    if kept is not None and model.objects.visible().filter(pk=kept).exists():
        name = f"archive:{model._meta.model_name}_detail"
        return HttpResponsePermanentRedirect(reverse(name, args=[kept]))
    raise Http404(f"No {model._meta.verbose_name} {pk}.")


def _detail(
    request: HttpRequest, model: type, pk: int, build, related: tuple[str, ...] = ()
) -> HttpResponse:
    found = _object_or_redirect(request, model, pk, related)
    if isinstance(found, HttpResponse):
        return found
    context, _subject_date, sources = build(found)
    created = getattr(found, "created_at", None) or getattr(found, "imported_at", None)
    updated = getattr(found, "updated_at", None)
    citation = Citation(
        title=str(found),
        url=request.build_absolute_uri(found.get_absolute_url()),
        key=f"{model._meta.model_name}-{found.pk}",
        published=created.date() if created else None,
        modified=updated.date() if updated else None,
        sources=sources,
    )
    fmt = request.GET.get("cite")
    if fmt in CITATION_FORMATS:
        content_type, extension = CITATION_FORMATS[fmt]
        response = HttpResponse(citation.render(fmt), content_type=content_type)
        filename = f"{citation.key}.{extension}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    context.update({"object": found, "citation": citation})
    return render(request, f"archive/{model._meta.model_name}_detail.html", context)


@require_safe
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A meeting: when, where, both delegations, what was said and agreed, and the sources."""

    def build(meeting: Meeting):
        ctx = selectors.meeting_detail(meeting)
        ctx["when"] = tables.meeting_when(meeting)
        ctx["sides"] = tables._sides(meeting)
        if meeting.country_a and meeting.country_b and meeting.country_a != meeting.country_b:
            slug = relations.pair_slug(str(meeting.country_a), str(meeting.country_b))
            ctx["relations_url"] = reverse("archive:relations", args=[slug])
        return ctx, meeting.start_date, [s.article for s in ctx["sources"]]

    return _detail(request, Meeting, pk, build, related=("venue",))


@require_safe
def official_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An official: names, titles over time, meetings, statements, counterparts."""

    def build(official: Official):
        ctx = selectors.official_detail(official)
        ctx["meetings"] = [(m, tables.meeting_when(m)) for m in ctx["meetings"]]
        ctx["counterparts"] = [
            {
                **c,
                "url": detail_path("official_detail", c["official_id"]),
                "country": country_name(c["official__country"]),
            }
            for c in ctx["counterparts"]
        ]
        ctx["positions"] = [(t, tables.plain_date(d)) for t, d in ctx["positions"]]
        ctx["meetings_url"] = reverse("archive:meeting_list") + f"?official={official.pk}"
        ctx["statements_url"] = reverse("archive:statement_list") + f"?speaker={official.pk}"
        ctx["country"] = country_name(official.country.code)
        return ctx, None, []

    return _detail(request, Official, pk, build)


@require_safe
def institution_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An institution: its officials, meetings it hosted, its parts and sources."""

    def build(institution: Institution):
        ctx = selectors.institution_detail(institution)
        ctx["country"] = country_name(institution.country.code)
        ctx["meetings"] = [(m, tables.meeting_when(m)) for m in ctx["meetings"]]
        ctx["meetings_url"] = reverse("archive:meeting_list") + f"?institution={institution.pk}"
        return ctx, None, ctx["articles"]

    return _detail(request, Institution, pk, build)


@require_safe
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An agreement: parties, signing, status, provisions, meetings and passages."""

    def build(agreement: Agreement):
        ctx = selectors.agreement_detail(agreement)
        ctx["parties"] = ", ".join(country_name(c.code) for c in agreement.parties)
        ctx["signed"] = tables.plain_date(agreement.signed_date)
        ctx["deadline"] = tables.plain_date(agreement.deadline)
        ctx["meetings"] = [(m, tables.meeting_when(m)) for m in ctx["meetings"]]
        return ctx, agreement.signed_date, [s.article for s in ctx["sources"]]

    return _detail(request, Agreement, pk, build)


@require_safe
def statement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A statement: who said it, when, at which meeting, and the article it comes from."""

    def build(statement: Statement):
        speaker = (
            statement.speaker
            if statement.speaker and statement.speaker.status != "rejected"
            else None
        )
        meeting = (
            statement.meeting
            if statement.meeting and statement.meeting.status != "rejected"
            else None
        )
        ctx = {
            "speaker": speaker,
            "meeting": meeting,
            "date": tables.plain_date(statement.date),
            "short": tables.shorten_words(statement.text, 12),
        }
        return ctx, statement.date, [statement.article]

    return _detail(request, Statement, pk, build)


@require_safe
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An article: its text with every extracted passage highlighted and linked to its record."""

    def build(article: Article):
        n = len(article.text)
        spans = [sp for sp in selectors.article_passages(article) if 0 <= sp[0] < sp[1] <= n]
        ctx = {
            "text_html": highlighted_text(article.text, spans),
            "passages": [
                {
                    "anchor": passage_anchor(s, e),
                    "kind": kind,
                    "label": label,
                    "url": url,
                    "excerpt": tables.shorten(article.text[s:e], 120),
                }
                for s, e, kind, label, url in spans
            ],
            "published": tables.plain_date(article.published),
            "reference_date": tables.plain_date(article.reference_date),
        }
        return ctx, article.published, [article]

    return _detail(request, Article, pk, build)
