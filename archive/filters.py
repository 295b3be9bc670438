"""One FilterSet per list page: the URL holds the whole state, and each says what it shows.

Each FilterSet also validates `sort`, and `describe(count)` turns the cleaned filters into the
sentence shown above the results ("3 meetings with Iraq since 1 January 2024, with …"), as
Datasette does. Model choices use hidden inputs: facets and detail pages link to them, and a
select of every official would be too long to render.
"""

from __future__ import annotations

from typing import Any

import django_filters as df
from django import forms
from django.db.models import Count, Q, QuerySet
from django.urls import reverse_lazy

from . import search
from .countries import country_choices, country_name
from .models import (
    Agreement,
    AgreementStatus,
    Article,
    Institution,
    InstitutionKind,
    Meeting,
    MeetingKind,
    MeetingSource,
    Official,
    Participation,
    Statement,
)
from .pagination import RowCount
from .prose_dates import plain_date
from .widgets import CountryPairWidget, LongSelect

Q_MAX = search.MAX_QUERY_CHARS


def _period(value: Any) -> str:
    """Return 'since X', 'until Y' or 'between X and Y' for a date range; '' when open."""
    if not value:
        return ""
    start, stop = value.start, value.stop
    if start and stop:
        return f"between {plain_date(start)} and {plain_date(stop)}"
    if start:
        return f"since {plain_date(start)}"
    if stop:
        return f"until {plain_date(stop)}"
    return ""


def _names(objects) -> str:
    names = [str(o) for o in objects]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _clean_ranges(form: forms.Form) -> dict[str, Any]:
    data = super(type(form), form).clean()
    for name, value in list(data.items()):
        if isinstance(value, slice) and value.start and value.stop and value.start > value.stop:
            form.add_error(
                name,
                forms.ValidationError(
                    "The start date is after the end date: swap them.", code="reversed"
                ),
            )
    return data


class ArchiveFilterSet(df.FilterSet):
    """The shared parts: sort validation, the sentence, and hidden inputs for record choices.

    Subclasses set `noun` (singular, plural), `sorts` ({key: (model field, label)}) and
    `default_sort`, and override `describe_parts` to add their phrases to the sentence.
    """

    noun: tuple[str, str] = ("record", "records")
    sorts: dict[str, tuple[str, str]] = {}
    default_sort: str = ""
    searchable: bool = False

    sort = df.ChoiceFilter(method="filter_nothing", label="Sort by", empty_label="Default order")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = []
        if self.searchable:
            choices.append(("relevance", "Relevance (with a text search)"))
        for key, (_field, label) in self.sorts.items():
            choices.append((key, f"{label}, ascending"))
            choices.append((f"-{key}", f"{label}, descending"))
        self.filters["sort"].extra["choices"] = choices

    @property
    def form(self) -> forms.Form:
        """Return the form, with date ranges as labelled date inputs (keyboard and reader)."""
        form = super().form
        if not getattr(form, "archive_tuned", False):
            form.archive_tuned = True
            for field in form.fields.values():
                widget = field.widget
                if isinstance(widget, forms.MultiWidget):
                    for sub, word in zip(widget.widgets, ("from", "until"), strict=False):
                        sub.input_type = "date"
                        sub.attrs["aria-label"] = f"{field.label} {word}"
        return form

    def get_form_class(self) -> type[forms.Form]:
        """The filters' form, which also refuses a reversed date range ("from 31 December
        2025 until 1 January 2025"): named as such, not shown as an empty list that looks
        like an answer."""
        return type("ArchiveFilterForm", (super().get_form_class(),), {"clean": _clean_ranges})

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        """Apply every filter, the text search (`q`) last, and keep the rows as they were
        before it in `unsearched`.

        A relevance page takes its candidates from the full-text index and only needs the
        other filters checked on them: asking the index again for each candidate (the
        searched queryset) read every match of a common word a second time."""
        data = self.form.cleaned_data
        for name, value in data.items():
            if name != "q":
                queryset = self.filters[name].filter(queryset, value)
        self.unsearched = queryset
        if "q" in data:
            queryset = self.filters["q"].filter(queryset, data["q"])
        return queryset

    def filter_nothing(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        """Leave the rows alone: `sort` orders them in the selector, after filtering."""
        return queryset

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Match the full-text index of this list's own records (the selector ranks them)."""
        return search.search(queryset, value, rank=False)

    @property
    def sort_key(self) -> str:
        """Return the validated sort: the chosen one, relevance for a text search, or default."""
        data = self.form.cleaned_data if self.is_valid() else {}
        chosen = data.get("sort") or ""
        if chosen:
            return chosen
        if self.searchable and search.has_terms(data.get("q")):
            return "relevance"
        return self.default_sort

    def describe_parts(self, data: dict[str, Any]) -> list[str]:
        """Return the phrases of the sentence for the cleaned filters (override per list)."""
        q = data.get("q")
        return [f"matching “{q}”"] if q else []

    def describe(self, count: RowCount) -> str:
        """Return the sentence that says what the list shows, such as '3 meetings in Tehran'
        or 'More than 10,000 statements matching “security”'."""
        noun = self.noun[0] if count.value == 1 and not count.more else self.noun[1]
        data = self.form.cleaned_data if self.is_valid() else {}
        parts = [p for p in self.describe_parts(data) if p]
        head = f"{count} {noun}"
        head = head[:1].upper() + head[1:]
        return " ".join([head, *parts[:1]]) + "".join(f", {p}" for p in parts[1:])


LARGEST_ID = 2**63 - 1  # the range of the tables' 64-bit keys on SQLite and PostgreSQL
MAX_RECORD_IDS = 10  # records a list may be asked to match all at once


class RecordIdsField(df.fields.ModelMultipleChoiceField):
    """Record ids from the URL, refused with a form error when no key could hold them.

    Why: Django guards a single id against the column's range, not a list: an id of 2**63
    reached SQLite as an `IN (…)` parameter and failed with OverflowError (a 500)."""

    def _check_values(self, value: Any) -> QuerySet:
        if len(set(value)) > MAX_RECORD_IDS:
            # Each id of an all-must-match filter is one more join: a hundred took PostgreSQL
            # seconds to plan, sixty-three went past SQLite's limit of 64 tables in a join.
            raise forms.ValidationError(
                f"Choose at most {MAX_RECORD_IDS} records here.", code="too_many"
            )
        for pk in value:
            try:
                number = int(str(pk).strip())
            except ValueError:
                number = None
            if number is None or not 0 < number <= LARGEST_ID:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class RecordsFilter(df.ModelMultipleChoiceFilter):
    """Several records by id (hidden inputs), with ids checked against the key range."""

    field_class = RecordIdsField


class CountryPairField(forms.MultipleChoiceField):
    """One country, or two: then the list shows what happened between those two."""

    widget = CountryPairWidget

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
        self.widget.choices = [("", "Any"), *self.choices]

    def clean(self, value: Any) -> list[str]:
        chosen = list(dict.fromkeys(super().clean(value)))  # the same country twice is one
        if len(chosen) > 2:
            raise forms.ValidationError(
                "Choose one country, or two for the relations between them.", code="too_many"
            )
        return chosen


class CountryPairFilter(df.MultipleChoiceFilter):
    """`country` once (either side) or twice (between the two)."""

    field_class = CountryPairField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("choices", country_choices)
        kwargs.setdefault("label", "Country")
        super().__init__(*args, **kwargs)


def describe_countries(codes: list[str], noun_phrase: str = "with") -> str:
    """'with Iran' for one country, 'between Iran and Iraq' for two, '' for none."""
    names = [country_name(code) for code in codes]
    if len(names) == 2:
        return f"between {names[0]} and {names[1]}"
    return f"{noun_phrase} {names[0]}" if names else ""


def _hidden_model(queryset: QuerySet, label: str, **kwargs: Any) -> df.ModelChoiceFilter:
    return df.ModelChoiceFilter(queryset=queryset, label=label, widget=forms.HiddenInput, **kwargs)


class MeetingFilter(ArchiveFilterSet):
    """Meetings by text, period, country on either side, officials (all of them), place, kind."""

    noun = ("meeting", "meetings")
    sorts = {"date": ("start_date", "Date"), "city": ("city", "City"), "kind": ("kind", "Kind")}
    default_sort = "-date"

    q = df.CharFilter(method="filter_q", label="Text", max_length=Q_MAX)
    date = df.DateFromToRangeFilter(method="filter_date", label="Date")
    country = CountryPairFilter(
        method="filter_country", label="Country (or two: meetings between them)"
    )
    official = RecordsFilter(
        queryset=Official.objects.visible(),
        method="filter_all_officials",
        label="Officials (all took part)",
        widget=forms.MultipleHiddenInput,
    )
    participant = df.CharFilter(
        method="filter_participant",
        label="Official taking part (name)",
        max_length=200,
        widget=forms.TextInput(
            attrs={
                "list": "participant-suggestions",
                "data-suggest-url": reverse_lazy("archive:official_suggest"),
                "autocomplete": "off",
            }
        ),
    )
    institution = _hidden_model(
        Institution.objects.visible(), "Institution or venue", method="filter_institution"
    )
    city = df.CharFilter(field_name="city", lookup_expr="iexact", label="City", max_length=120)
    kind = df.ChoiceFilter(empty_label="Any", choices=MeetingKind.choices, label="Kind")
    reviewed = df.BooleanFilter(
        method="filter_reviewed", label="Reviewed by an editor only", widget=forms.CheckboxInput
    )

    class Meta:
        model = Meeting
        fields: list[str] = []

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Meetings whose own title, summary or topics, statements, source articles or
        participants match the text, each through its full-text index.

        The four sources are one UNION of meeting ids: as four `pk IN (…)` joined by OR,
        SQLite fetched and sorted every meeting of every source for a page of 50 (0.5 s
        for a common word)."""
        if not search.has_terms(value):
            return queryset.none()
        own = Meeting.objects.filter(pk__in=search.matching_ids("meeting", value)).values("id")
        st = Statement.objects.visible().filter(pk__in=search.matching_ids("statement", value))
        art = MeetingSource.objects.filter(article_id__in=search.matching_ids("article", value))
        off = Participation.objects.filter(official_id__in=search.matching_ids("official", value))
        ids = own.order_by().union(
            *(related.order_by().values("meeting_id") for related in (st, art, off))
        )
        return queryset.filter(pk__in=ids)

    def filter_date(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        return queryset.between(value.start, value.stop) if value else queryset

    def filter_all_officials(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        """Meetings every chosen official took part in, by one grouped subquery: a join per
        official grew the plan with each id."""
        ids = {official.pk for official in value or ()}
        if not ids:
            return queryset
        with_all = (
            Participation.objects.filter(official__in=ids)
            .values("meeting")
            .annotate(chosen=Count("official", distinct=True))
            .filter(chosen=len(ids))
            .values("meeting")
        )
        return queryset.filter(pk__in=with_all)

    def filter_participant(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Meetings in which an official whose name (or alias) matches the words took part:
        the officials filter by name, for a reader who has no id to give."""
        if not search.has_terms(value):
            return queryset.none()
        officials = search.matching_ids("official", value)
        took_part = Participation.objects.filter(official_id__in=officials).values("meeting_id")
        return queryset.filter(pk__in=took_part)

    def filter_country(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        if len(value) == 2:
            return queryset.between_countries(*value)
        return queryset.with_country(value[0]) if value else queryset

    def filter_institution(self, queryset: QuerySet, name: str, value: Institution) -> QuerySet:
        staff = Participation.objects.filter(official__institution=value).values("meeting_id")
        return queryset.filter(Q(venue=value) | Q(pk__in=staff))

    def filter_reviewed(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return queryset.reviewed() if value else queryset

    def describe_parts(self, data: dict[str, Any]) -> list[str]:
        parts = []
        parts.append(describe_countries(data.get("country") or []))
        parts.append(_period(data.get("date")))
        if data.get("official"):
            parts.append(f"with {_names(data['official'])}")
        if data.get("participant"):
            parts.append(f"with an official named like “{data['participant']}”")
        if data.get("institution"):
            parts.append(f"involving {data['institution']}")
        if data.get("city"):
            parts.append(f"in {data['city']}")
        if data.get("kind"):
            parts.append(f"of kind {MeetingKind(data['kind']).label.lower()}")
        if data.get("q"):
            parts.append(f"matching “{data['q']}”")
        if data.get("reviewed"):
            parts.append("reviewed by an editor")
        return parts


class StatementFilter(ArchiveFilterSet):
    """Statements by text, speaker, speaker's country, period, meeting, direct or reported."""

    noun = ("statement", "statements")
    sorts = {"date": ("date", "Date"), "speaker": ("speaker__name", "Speaker")}
    default_sort = "-date"
    searchable = True

    q = df.CharFilter(method="filter_search", label="Text", max_length=Q_MAX)
    speaker = _hidden_model(Official.objects.visible(), "Speaker")
    speaker_country = df.ChoiceFilter(
        empty_label="Any",
        choices=country_choices,
        widget=LongSelect,
        field_name="speaker__country",
        label="Speaker's country",
    )
    country = CountryPairFilter(
        method="filter_country", label="Meeting country (or two: statements between them)"
    )
    date = df.DateFromToRangeFilter(field_name="date", label="Date")
    meeting = _hidden_model(Meeting.objects.visible(), "Meeting")
    direct = df.ChoiceFilter(
        empty_label="Any",
        choices=[("direct", "Direct quotes"), ("reported", "Reported speech")],
        method="filter_direct",
        label="Quote or reported",
    )

    class Meta:
        model = Statement
        fields: list[str] = []

    def filter_direct(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(direct=(value == "direct"))

    def filter_country(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        """Statements made at meetings with one country, or between two."""
        if not value:
            return queryset
        meetings = Meeting.objects.visible()
        if len(value) == 2:
            meetings = meetings.between_countries(*value)
        else:
            meetings = meetings.with_country(value[0])
        return queryset.filter(meeting__in=meetings.values("pk"))

    def describe_parts(self, data: dict[str, Any]) -> list[str]:
        parts = []
        if data.get("speaker"):
            parts.append(f"by {data['speaker']}")
        if data.get("speaker_country"):
            parts.append(f"by officials of {country_name(data['speaker_country'])}")
        codes = data.get("country") or []
        if codes:
            parts.append(f"at meetings {describe_countries(codes)}")
        parts.append(_period(data.get("date")))
        if data.get("meeting"):
            parts.append(f"at {data['meeting']}")
        if data.get("direct"):
            parts.append("quoted directly" if data["direct"] == "direct" else "reported")
        if data.get("q"):
            parts.append(f"matching “{data['q']}”")
        return parts


class OfficialFilter(ArchiveFilterSet):
    """Officials by name (aliases included), country, institution, title."""

    noun = ("official", "officials")
    sorts = {
        "name": ("name", "Name"),
        "country": ("country", "Country"),
        "title": ("title", "Title"),
    }
    default_sort = "name"
    searchable = True

    q = df.CharFilter(method="filter_search", label="Name", max_length=Q_MAX)
    country = CountryPairFilter(
        method="filter_country", label="Country (or two: who took part in meetings between them)"
    )
    institution = _hidden_model(Institution.objects.visible(), "Institution")
    title = df.CharFilter(
        field_name="title", lookup_expr="icontains", label="Title", max_length=200
    )

    class Meta:
        model = Official
        fields: list[str] = []

    def filter_country(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        """One country: its officials. Two: the officials of either who took part in a
        meeting between the two (the people of their relations)."""
        if len(value) == 2:
            meetings = Meeting.objects.visible().between_countries(*value).values("pk")
            took_part = Participation.objects.filter(meeting__in=meetings).values("official_id")
            return queryset.filter(country__in=value, pk__in=took_part)
        return queryset.filter(country=value[0]) if value else queryset

    def describe_parts(self, data: dict[str, Any]) -> list[str]:
        parts = []
        codes = data.get("country") or []
        if len(codes) == 2:
            parts.append(f"who took part in meetings {describe_countries(codes)}")
        elif codes:
            parts.append(f"of {country_name(codes[0])}")
        if data.get("institution"):
            parts.append(f"at {data['institution']}")
        if data.get("title"):
            parts.append(f"titled “{data['title']}”")
        if data.get("q"):
            parts.append(f"named like “{data['q']}”")
        return parts


class InstitutionFilter(ArchiveFilterSet):
    """Institutions by country and kind."""

    noun = ("institution", "institutions")
    sorts = {"name": ("name", "Name"), "country": ("country", "Country"), "kind": ("kind", "Kind")}
    default_sort = "name"

    q = df.CharFilter(field_name="name", lookup_expr="icontains", label="Name", max_length=Q_MAX)
    country = df.ChoiceFilter(
        empty_label="Any",
        choices=country_choices,
        widget=LongSelect,
        field_name="country",
        label="Country",
    )
    kind = df.ChoiceFilter(empty_label="Any", choices=InstitutionKind.choices, label="Kind")

    class Meta:
        model = Institution
        fields: list[str] = []

    def describe_parts(self, data: dict[str, Any]) -> list[str]:
        parts = []
        if data.get("country"):
            parts.append(f"of {country_name(data['country'])}")
        if data.get("kind"):
            parts.append(f"of kind {InstitutionKind(data['kind']).label.lower()}")
        if data.get("q"):
            parts.append(f"named like “{data['q']}”")
        return parts


class AgreementFilter(ArchiveFilterSet):
    """Agreements by party, signing period and status."""

    noun = ("agreement", "agreements")
    sorts = {"signed": ("signed_date", "Signed"), "name": ("name", "Name")}
    default_sort = "-signed"

    party = CountryPairFilter(
        method="filter_party", label="Party (or two: agreements between them)"
    )
    signed = df.DateFromToRangeFilter(field_name="signed_date", label="Signed")
    agreement_status = df.ChoiceFilter(
        empty_label="Any", choices=AgreementStatus.choices, label="Status"
    )

    class Meta:
        model = Agreement
        fields: list[str] = []

    def filter_party(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        for code in value:  # two: both are parties
            queryset = queryset.with_party(code)
        return queryset

    def describe_parts(self, data: dict[str, Any]) -> list[str]:
        parts = []
        codes = data.get("party") or []
        if len(codes) == 2:
            parts.append(describe_countries(codes))
        elif codes:
            parts.append(f"with {country_name(codes[0])} as a party")
        period = _period(data.get("signed"))
        if period:
            parts.append(f"signed {period}")
        if data.get("agreement_status"):
            parts.append(AgreementStatus(data["agreement_status"]).label.lower())
        return parts


class ArticleFilter(ArchiveFilterSet):
    """Source articles by outlet, publication period and text."""

    noun = ("article", "articles")
    sorts = {
        "published": ("published", "Published"),
        "outlet": ("outlet", "Outlet"),
        "title": ("title", "Title"),
    }
    default_sort = "-published"
    searchable = True

    q = df.CharFilter(method="filter_search", label="Text", max_length=Q_MAX)
    outlet = df.CharFilter(
        field_name="outlet", lookup_expr="iexact", label="Outlet", max_length=200
    )
    published = df.DateFromToRangeFilter(field_name="published", label="Published")

    class Meta:
        model = Article
        fields: list[str] = []

    def describe_parts(self, data: dict[str, Any]) -> list[str]:
        parts = []
        if data.get("outlet"):
            parts.append(f"from {data['outlet']}")
        period = _period(data.get("published"))
        if period:
            parts.append(f"published {period}")
        if data.get("q"):
            parts.append(f"matching “{data['q']}”")
        return parts
