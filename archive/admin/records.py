"""Admin pages for every archive record: lists an editor can scan, forms with the source beside.

Changelists name every related record they show in `list_select_related` (or annotate counts),
so a page of 100 rows costs the same handful of queries as a page of one.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest

from archive import services
from archive.models import (
    Agreement,
    AgreementSource,
    ArchiveState,
    Article,
    Institution,
    InstitutionAlias,
    Meeting,
    MeetingSource,
    MergeRecord,
    Official,
    OfficialAlias,
    OfficialMention,
    Participation,
    Statement,
)

from .evidence import EvidenceMixin
from .merge import MergeActionMixin
from .passages import passage_html, passages_html

# -- shared behaviour ---------------------------------------------------------------------------


class ServiceSaveMixin:
    """Save forms and inline rows through `services.record_save`, which keeps name keys and
    content hashes in step with what an editor typed."""

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        services.record_save(record=obj, user=request.user)

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj.delete()
        if formset.deleted_objects:
            ArchiveState.bump()
        for obj in instances:
            services.record_save(record=obj, user=request.user)
        formset.save_m2m()


class PassageMixin:
    """A read-only "Source passage" field: the span highlighted in its article."""

    @admin.display(description="Source passage")
    def source_passage(self, obj) -> str:
        return passage_html(obj) if obj is not None and obj.pk else "—"


# Rows an inline shows: an official named 26,000 times made one change page load every
# mention with its article's whole text (23 GB before the kernel stopped the worker).
MAX_INLINE_ROWS = 50


class CappedInlineFormSet(BaseInlineFormSet):
    """An inline formset of at most MAX_INLINE_ROWS rows, the first in the inline's order."""

    def get_queryset(self) -> QuerySet:
        if not getattr(self, "_capped", False):
            rows = super().get_queryset()
            ids = list(rows.values_list("pk", flat=True)[:MAX_INLINE_ROWS])
            self._queryset = rows.filter(pk__in=ids)
            self._capped = True
        return self._queryset


class PassageInlineMixin(PassageMixin):
    """An inline of rows read from articles: the passage beside each row, no blank extra forms,
    at most MAX_INLINE_ROWS rows, and the rows' related records fetched with them
    (`related`), never one query per row; an article is fetched once for all its rows."""

    # The article a row was read from is where it was found, not something to edit; shown as
    # text, it needs no widget (an autocomplete widget asked the database once per row).
    readonly_fields = ["article", "source_passage"]
    extra = 0
    related: tuple[str, ...] = ("article",)
    formset = CappedInlineFormSet

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        joined = [name for name in self.related if name != "article"]
        queryset = super().get_queryset(request).select_related(*joined)
        if "article" in self.related:
            queryset = queryset.prefetch_related("article")  # one instance per article
        return queryset


class ArchiveAdmin(ServiceSaveMixin, admin.ModelAdmin):
    """Base for every archive admin page."""

    list_per_page = 50
    show_full_result_count = False  # a COUNT(*) over the whole table per page view is wasted

    def delete_model(self, request: HttpRequest, obj) -> None:
        super().delete_model(request, obj)
        ArchiveState.bump()

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        super().delete_queryset(request, queryset)
        ArchiveState.bump()


class CuratedAdmin(ArchiveAdmin):
    """Base for records with a review status: review and reject actions, status filter.

    Curated records are rejected, never deleted: a deleted false positive would come back at
    the next import, a rejected one is remembered and kept out."""

    actions = ["mark_reviewed", "reject"]

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.action(description="Mark selected as reviewed", permissions=["change"])
    def mark_reviewed(self, request: HttpRequest, queryset: QuerySet) -> None:
        changed = services.records_review(queryset=queryset, user=request.user)
        self.message_user(request, f"{changed} record(s) marked reviewed.", messages.SUCCESS)

    @admin.action(
        description="Reject selected (hide from the site, remember for imports)",
        permissions=["change"],
    )
    def reject(self, request: HttpRequest, queryset: QuerySet) -> None:
        changed = services.records_reject(queryset=queryset, user=request.user)
        self.message_user(request, f"{changed} record(s) rejected.", messages.SUCCESS)


# -- inlines ------------------------------------------------------------------------------------


class AliasForm(forms.ModelForm):
    """An alias form that refuses an edit making two aliases of one record the same name."""

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.instance.pk is not None and cleaned.get("name"):
            self.instance.name = cleaned["name"]
            twin = services.alias_twin(alias=self.instance)
            if twin is not None:
                raise forms.ValidationError(
                    f"“{cleaned['name']}” is the same name as the alias “{twin.name}”."
                )
        return cleaned


class OfficialAliasInline(admin.TabularInline):
    """Names an official goes by; merges add theirs here."""

    model = OfficialAlias
    form = AliasForm
    fields = ["name", "origin"]
    extra = 0


class OfficialMentionInline(PassageInlineMixin, admin.TabularInline):
    """How each article wrote the official's name, with the passage to check it."""

    model = OfficialMention
    fields = ["article", "name_as_written", "title_as_written", "start", "end", "source_passage"]


class InstitutionAliasInline(admin.TabularInline):
    """Names an institution goes by; merges add theirs here."""

    model = InstitutionAlias
    form = AliasForm
    fields = ["name"]
    extra = 0


class ParticipationInline(PassageInlineMixin, admin.TabularInline):
    """Who took part, with the passage that says so."""

    model = Participation
    fields = [
        "official",
        "delegation_country",
        "role",
        "title_as_written",
        "article",
        "start",
        "end",
        "source_passage",
    ]
    autocomplete_fields = ["official"]
    related = ("official", "article")


class MeetingSourceInline(PassageInlineMixin, admin.TabularInline):
    """The articles that report the meeting, with their passages."""

    model = MeetingSource
    fields = ["article", "start", "end", "source_passage"]


class StatementInline(PassageInlineMixin, admin.StackedInline):
    """What was said at the meeting; stacked because statements are long."""

    model = Statement
    fields = [
        "speaker",
        "article",
        "text",
        "direct",
        "date",
        "start",
        "end",
        "status",
        "source_passage",
    ]
    autocomplete_fields = ["speaker", "article"]
    related = ("speaker", "article")


class AgreementSourceInline(PassageInlineMixin, admin.TabularInline):
    """The articles that mention the agreement, with their passages."""

    model = AgreementSource
    fields = ["article", "start", "end", "source_passage"]


# -- curated records ----------------------------------------------------------------------------


@admin.register(Article)
class ArticleAdmin(CuratedAdmin):
    """Source texts; read-only once imported, since every span points into them."""

    list_display = ["__str__", "outlet", "published", "file_name", "imported_at", "status"]
    list_filter = ["status", "outlet", "is_synthetic"]
    search_fields = ["title", "file_name", "outlet", "url"]
    date_hierarchy = "published"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = ["content_hash", "imported_at", "created_at", "updated_at"]
    fields = [
        "title",
        "outlet",
        "url",
        "published",
        "file_name",
        "text",
        "status",
        "content_hash",
        "imported_at",
        "updated_at",
    ]

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        """Once imported, the text is fixed: every span of every record points into it."""
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, "text"] if obj is not None else readonly


@admin.register(Institution)
class InstitutionAdmin(MergeActionMixin, CuratedAdmin):
    """Institutions, with aliases and a merge for duplicates."""

    merge_service = services.institution_merge
    actions = ["mark_reviewed", "reject", "merge_selected"]
    list_display = ["name", "country", "kind", "parent", "official_count", "status"]
    list_filter = ["status", "kind", "country"]
    list_select_related = ["parent"]
    search_fields = ["name", "aliases__name"]
    autocomplete_fields = ["parent", "articles"]
    readonly_fields = ["name_key", "created_at", "updated_at"]
    inlines = [InstitutionAliasInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(n_officials=Count("officials", distinct=True))

    @admin.display(description="Officials", ordering="n_officials")
    def official_count(self, obj: Institution) -> int:
        return obj.n_officials


@admin.register(Official)
class OfficialAdmin(EvidenceMixin, MergeActionMixin, CuratedAdmin):
    """Officials, with aliases, mentions and every passage naming them; mergeable."""

    merge_service = services.official_merge
    actions = ["mark_reviewed", "reject", "merge_selected"]
    list_display = [
        "name",
        "country",
        "title",
        "rank",
        "institution",
        "is_official",
        "mention_count",
        "status",
    ]
    list_filter = ["status", "is_official", "country"]
    list_select_related = ["institution"]
    search_fields = ["name", "title", "aliases__name"]
    autocomplete_fields = ["institution"]
    readonly_fields = ["name_key", "mention_passages", "created_at", "updated_at"]
    inlines = [OfficialAliasInline, OfficialMentionInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(n_mentions=Count("mentions", distinct=True))

    @admin.display(description="Mentions", ordering="n_mentions")
    def mention_count(self, obj: Official) -> int:
        return obj.n_mentions

    @admin.display(description="Passages that mention this official")
    def mention_passages(self, obj: Official) -> str:
        if obj is None or obj.pk is None:
            return "—"
        return passages_html(obj.mentions.select_related("article").order_by("article_id", "start"))


@admin.register(Meeting)
class MeetingAdmin(EvidenceMixin, MergeActionMixin, CuratedAdmin):
    """Meetings, with participants, sources and statements inline; mergeable."""

    merge_service = services.meeting_merge
    actions = ["mark_reviewed", "reject", "merge_selected"]
    list_display = [
        "__str__",
        "start_date",
        "city",
        "country_a",
        "country_b",
        "kind",
        "venue",
        "participant_count",
        "status",
    ]
    list_filter = ["status", "kind", "date_precision", "country_a", "country_b"]
    list_select_related = ["venue"]
    search_fields = ["title", "city", "summary", "topics", "participations__official__name"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["venue"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [ParticipationInline, MeetingSourceInline, StatementInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .annotate(n_participants=Count("participations", distinct=True))
        )

    @admin.display(description="Participants", ordering="n_participants")
    def participant_count(self, obj: Meeting) -> int:
        return obj.n_participants


@admin.register(Statement)
class StatementAdmin(EvidenceMixin, PassageMixin, CuratedAdmin):
    """Statements, with the quoted passage in context."""

    list_display = ["short_text", "speaker", "meeting", "article", "direct", "date", "status"]
    list_filter = ["status", "direct"]
    list_select_related = ["speaker", "meeting", "article"]
    search_fields = ["text", "speaker__name"]
    date_hierarchy = "date"
    autocomplete_fields = ["speaker", "meeting", "article"]
    readonly_fields = ["source_passage", "created_at", "updated_at"]

    @admin.display(description="Statement")
    def short_text(self, obj: Statement) -> str:
        return obj.text if len(obj.text) <= 90 else obj.text[:87] + "…"


@admin.register(Agreement)
class AgreementAdmin(EvidenceMixin, CuratedAdmin):
    """Agreements, with the articles that mention them inline."""

    list_display = [
        "name",
        "kind",
        "signed_date",
        "signed_place",
        "agreement_status",
        "source_count",
        "status",
    ]
    list_filter = ["status", "agreement_status"]
    search_fields = ["name", "provisions", "signed_place"]
    date_hierarchy = "signed_date"
    autocomplete_fields = ["meetings"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [AgreementSourceInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(n_sources=Count("sources", distinct=True))

    @admin.display(description="Sources", ordering="n_sources")
    def source_count(self, obj: Agreement) -> int:
        return obj.n_sources


# -- links and names ----------------------------------------------------------------------------


@admin.register(OfficialAlias)
class OfficialAliasAdmin(ArchiveAdmin):
    """Every official alias, to find who a spelling resolves to."""

    form = AliasForm
    list_display = ["name", "official", "origin", "name_key"]
    list_filter = ["origin"]
    list_select_related = ["official"]
    search_fields = ["name", "official__name"]
    autocomplete_fields = ["official"]
    readonly_fields = ["name_key"]


@admin.register(InstitutionAlias)
class InstitutionAliasAdmin(ArchiveAdmin):
    """Every institution alias, to find what a spelling resolves to."""

    form = AliasForm
    list_display = ["name", "institution", "name_key"]
    list_select_related = ["institution"]
    search_fields = ["name", "institution__name"]
    autocomplete_fields = ["institution"]
    readonly_fields = ["name_key"]


@admin.register(OfficialMention)
class OfficialMentionAdmin(PassageMixin, ArchiveAdmin):
    """Every mention of an official, with its passage."""

    list_display = ["name_as_written", "title_as_written", "official", "article", "start"]
    list_select_related = ["official", "article"]
    search_fields = ["name_as_written", "title_as_written", "official__name"]
    autocomplete_fields = ["official", "article"]
    readonly_fields = ["source_passage"]


@admin.register(Participation)
class ParticipationAdmin(PassageMixin, ArchiveAdmin):
    """Every participation, with its passage."""

    list_display = ["official", "meeting", "delegation_country", "role", "article"]
    list_filter = ["delegation_country"]
    list_select_related = ["official", "meeting", "article"]
    search_fields = ["official__name", "role", "title_as_written", "meeting__city"]
    autocomplete_fields = ["official", "meeting", "article"]
    readonly_fields = ["source_passage"]


@admin.register(MeetingSource)
class MeetingSourceAdmin(PassageMixin, ArchiveAdmin):
    """Every meeting source, with its passage."""

    list_display = ["meeting", "article", "start", "end"]
    list_select_related = ["meeting", "article"]
    search_fields = ["article__title", "article__file_name", "meeting__city"]
    autocomplete_fields = ["meeting", "article"]
    readonly_fields = ["source_passage"]


@admin.register(AgreementSource)
class AgreementSourceAdmin(PassageMixin, ArchiveAdmin):
    """Every agreement source, with its passage."""

    list_display = ["agreement", "article", "start", "end"]
    list_select_related = ["agreement", "article"]
    search_fields = ["agreement__name", "article__title", "article__file_name"]
    autocomplete_fields = ["agreement", "article"]
    readonly_fields = ["source_passage"]


@admin.register(MergeRecord)
class MergeRecordAdmin(admin.ModelAdmin):
    """Merges are history: written by the merge services only, never edited by hand."""

    list_display = ["model", "old_id", "old_name", "kept_id", "merged_at", "merged_by"]
    list_filter = ["model"]
    list_select_related = ["merged_by"]
    search_fields = ["old_name"]
    date_hierarchy = "merged_at"
    readonly_fields = ["model", "old_id", "kept_id", "old_name", "merged_at", "merged_by"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # a merge keeps the old record's address redirecting: never undone here
