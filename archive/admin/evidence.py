"""Confidence and evidence of extracted records in the admin: a sortable column, a filter
by how sure the importer was, and the reasons shown on the change page beside the passage.

Editors review the least certain drafts first: sort a list by the Confidence column, or
pick "Low" in the filter.
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join

LOW, HIGH = 0.6, 0.85


class ConfidenceFilter(admin.SimpleListFilter):
    """Drafts by how sure the importer was."""

    title = "confidence"
    parameter_name = "confidence"

    def lookups(self, request: HttpRequest, model_admin) -> list[tuple[str, str]]:
        return [
            ("low", f"Low (under {LOW:.0%})"),
            ("medium", "Medium"),
            ("high", f"High ({HIGH:.0%} or more)"),
            ("none", "Not computed"),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet | None:
        value = self.value()
        if value == "low":
            return queryset.filter(confidence__lt=LOW)
        if value == "medium":
            return queryset.filter(confidence__gte=LOW, confidence__lt=HIGH)
        if value == "high":
            return queryset.filter(confidence__gte=HIGH)
        if value == "none":
            return queryset.filter(confidence__isnull=True)
        return None


class EvidenceMixin:
    """For the admin of a record the importer extracts: its confidence as a column and a
    filter, and why it was extracted on its change page (the evidence is not editable)."""

    evidence_fields = ("confidence_shown", "why_extracted")

    def get_list_display(self, request: HttpRequest):
        columns = list(super().get_list_display(request))
        return [*columns[:1], "confidence_shown", *columns[1:]]

    def get_list_filter(self, request: HttpRequest):
        return [*super().get_list_filter(request), ConfidenceFilter]

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        return [*super().get_readonly_fields(request, obj), *self.evidence_fields]

    def get_exclude(self, request: HttpRequest, obj=None):
        return [*(super().get_exclude(request, obj) or []), "confidence", "evidence"]

    @admin.display(description="Confidence", ordering="confidence")
    def confidence_shown(self, obj) -> str:
        return "—" if obj.confidence is None else f"{obj.confidence:.0%}"

    @admin.display(description="Why it was extracted")
    def why_extracted(self, obj) -> str:
        entries = [item for item in (obj.evidence or []) if isinstance(item, dict)]
        if not entries:
            return "—"
        return format_html_join(
            "",
            '<div class="evidence"><p><strong>{}</strong> ({})</p><ul>{}</ul></div>',
            (
                (
                    entry.get("article", "?"),
                    _percent(entry.get("confidence")),
                    format_html_join("", "<li>{}</li>", ((r,) for r in entry.get("reasons", []))),
                )
                for entry in entries
            ),
        )


def _percent(value) -> str:
    return "—" if value is None else format_html("{}%", round(float(value) * 100))
