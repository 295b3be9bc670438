"""The relations page of two countries and a country's page."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    JsonResponse,
)
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from . import charts, relations, search
from .models import Official
from .result_cache import ResultCache


def _list_url(name: str, params: dict) -> str:
    return reverse(f"archive:{name}") + "?" + urlencode(params, doseq=True)


# The name of the cached page parts; a new name whenever their shape changes, so a cache
# written by the previous version of the code is never read as this one's.
RELATIONS_CACHE = "relations-page-2"
COUNTRY_CACHE = "country-page-2"


def _relations_and_drawings(one: str, other: str) -> tuple[relations.Relations, dict]:
    """The relations of two countries and their three drawings (years, months, network)."""
    rel = relations.relations(one, other)
    base = {"country": list(rel.codes)}
    left, right = relations.network_officials(rel)
    drawings = {
        "chart": charts.yearly_bars(
            relations.year_links(base, rel.per_year),
            href=lambda year: _list_url("meeting_list", year["params"]),
            title=f"Meetings between {rel.names[0]} and {rel.names[1]} per year",
        ),
        "months": charts.monthly_bars(
            rel.per_month,
            max_months=60,
            href=lambda month: _list_url("meeting_list", relations.month_params(base, month)),
            chart_id="months",
        ),
        "network": charts.who_met_whom(
            left,
            right,
            rel.met,
            href=lambda official: reverse("archive:official_detail", args=[official.id]),
            title=f"Who met whom: officials of {rel.names[0]} and {rel.names[1]}",
        )
        if rel.met
        else "",
    }
    return rel, drawings


@require_safe
def relations_page(request: HttpRequest, pair: str) -> HttpResponse:
    """Meetings per year (bars link to the year's list), the officials of each side, who
    met whom, agreements and the latest statements of two countries."""
    codes = pair.split("-")
    if len(codes) != 2 or not all(len(c) == 2 and c.isalpha() for c in codes):
        raise Http404("A relations address names two countries: /relations/ir-iq/.")
    one, other = (c.upper() for c in codes)
    if one == other or not (relations.known_country(one) and relations.known_country(other)):
        raise Http404("Unknown country, or the same country twice.")
    slug = relations.pair_slug(one, other)
    if pair != slug:
        return HttpResponsePermanentRedirect(reverse("archive:relations", args=[slug]))
    # Cached until the records change (the archive's version is in the key), as counts and
    # facets are: the page aggregates every meeting of the pair, and is read far more often.
    # The drawings are kept with the figures: laying out the network loads networkx and
    # numpy, which a worker should not pay for on a visitor's request.
    rel, drawings = ResultCache().get_or_compute(
        RELATIONS_CACHE, [slug], lambda: _relations_and_drawings(one, other)
    )
    if not rel.meetings and not rel.counts["agreements"]:
        raise Http404(f"The archive holds no meeting between {rel.names[0]} and {rel.names[1]}.")
    base = {"country": list(rel.codes)}
    context = {
        "rel": rel,
        "title": f"{rel.names[0]} and {rel.names[1]}",
        **drawings,
        "links": {
            "meetings": _list_url("meeting_list", base),
            "statements": _list_url("statement_list", base),
            "officials": _list_url("official_list", base),
            "agreements": _list_url("agreement_list", {"party": list(rel.codes)}),
            "meetings_csv": _list_url("meeting_list", {**base, "format": "csv"}),
            "statements_csv": _list_url("statement_list", {**base, "format": "csv"}),
        },
        "countries": [
            (code, name, reverse("archive:country", args=[code.lower()]))
            for code, name in zip(rel.codes, rel.names, strict=True)
        ],
    }
    return render(request, "archive/relations.html", context)


SUGGESTIONS = 10


@require_safe
def official_suggestions(request: HttpRequest) -> JsonResponse:
    """Up to ten official names matching the words typed, for a field's type-ahead."""
    words = request.GET.get("q", "")[:200]
    if not search.has_terms(words):
        return JsonResponse({"suggestions": []})
    names = (
        Official.objects.visible()
        .filter(pk__in=search.matching_ids("official", words))
        .order_by("name")
        .values_list("name", flat=True)[:SUGGESTIONS]
    )
    return JsonResponse({"suggestions": list(dict.fromkeys(names))})


@require_safe
def country_page(request: HttpRequest, code: str) -> HttpResponse:
    """A country's partners ranked by meetings (each a link to their relations), its
    officials by meetings, and its agreements."""
    if code != code.lower():
        return HttpResponsePermanentRedirect(reverse("archive:country", args=[code.lower()]))
    if not relations.known_country(code.upper()):
        raise Http404("Unknown country code.")
    page = ResultCache().get_or_compute(COUNTRY_CACHE, [code], lambda: relations.country_page(code))
    if not page.meetings and not page.agreements:
        raise Http404(f"The archive holds no meeting of {page.name}.")
    base = {"country": [page.code]}
    context = {
        "page": page,
        "title": page.name,
        "chart": charts.yearly_bars(
            relations.year_links(base, page.per_year),
            href=lambda year: _list_url("meeting_list", year["params"]),
            title=f"Meetings of {page.name} per year",
        ),
        "partners": [
            (
                name,
                n,
                years,
                reverse("archive:relations", args=[relations.pair_slug(page.code, other)]),
            )
            for other, name, n, years in page.partners
        ],
        "links": {
            "meetings": _list_url("meeting_list", base),
            "officials": _list_url("official_list", base),
            "agreements": _list_url("agreement_list", {"party": [page.code]}),
        },
    }
    return render(request, "archive/country.html", context)
