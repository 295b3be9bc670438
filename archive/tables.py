"""The columns of each list page, rendered to cells in Python so templates stay plain loops."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from .countries import country_name
from .models import AgreementStatus, InstitutionKind, MeetingKind
from .prose_dates import date_with_precision, plain_date
from .record_urls import detail_path
from .search import highlight


@dataclass(frozen=True)
class Cell:
    """One table cell: text, optionally a link, or ready-made safe HTML."""

    text: str = ""
    url: str = ""
    html: SafeString | None = None

    def render(self, lead: str = "") -> str:
        """The cell as escaped `<td>` markup, after the safe HTML `lead` (built in Python: a
        template loop over every cell of a 50-row page cost more than the page's queries).
        The standard library's `html.escape` is what Django's `escape` calls, without its
        lazy-string check."""
        if self.html is not None:
            return f"<td>{lead}{self.html}</td>"
        if self.url:
            return f"<td>{lead}{_anchor(self.url, self.text)}</td>"
        return f"<td>{lead}{escape(self.text)}</td>"


@dataclass(frozen=True)
class Column:
    """A visible column: its header, the sort key it toggles (if sortable), and its cell."""

    label: str
    sort: str | None
    cell: Callable[[Any], Cell]


def meeting_when(meeting: Any) -> str:
    """Return a meeting's date as precisely as the source gives it, never more."""
    return date_with_precision(
        meeting.start_date, meeting.date_precision, meeting.date_text, meeting.end_date
    )


def shorten(text: str, limit: int) -> str:
    """Return `text` cut to at most `limit` characters, ending with '…' when cut.

    Slicing rather than `Truncator.chars`, which walks every character of the whole text
    looking for combining marks: a list page of long statements spent a tenth of its time
    there."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def shorten_words(text: str, count: int) -> str:
    """Return the first `count` words of `text`, ending with '…' when cut."""
    words = text.split(None, count)
    if len(words) <= count:
        return text
    return " ".join(words[:count]) + "…"


def _anchor(url: str, text: str) -> str:
    """An escaped link (`html.escape`, which Django's `escape` calls, without its lazy check)."""
    return f'<a href="{escape(url)}">{escape(text)}</a>'


def _links(items: list[tuple[str, str]]) -> SafeString:
    return mark_safe(", ".join(_anchor(url, text) for url, text in items))


def _label(choices: type) -> Callable[[str], str]:
    """A field's display label by value, from a dict built once (`get_FOO_display`
    normalises the field's choices on every call)."""
    labels = {value: str(label) for value, label in choices.choices}
    return lambda value: labels.get(value, value)


_meeting_kind = _label(MeetingKind)
_institution_kind = _label(InstitutionKind)
_agreement_status = _label(AgreementStatus)


def _snippet_or(obj: Any, fallback: str) -> Cell:
    snippet = getattr(obj, "search_snippet", None)
    if snippet:
        return Cell(html=highlight(snippet))
    return Cell(shorten(fallback, 200))


def _sides(meeting: Any) -> str:
    return " – ".join(country_name(c.code) for c in (meeting.country_a, meeting.country_b) if c)


COLUMNS: dict[str, list[Column]] = {
    "meetings": [
        Column("Date", "date", lambda m: Cell(meeting_when(m), m.get_absolute_url())),
        Column("Countries", None, lambda m: Cell(_sides(m))),
        Column("City", "city", lambda m: Cell(m.city)),
        Column(
            "Participants",
            None,
            lambda m: Cell(
                html=_links(
                    [(detail_path("official_detail", pk), name) for pk, name in m.participants]
                )
            ),
        ),
        Column("Kind", "kind", lambda m: Cell(_meeting_kind(m.kind))),
        Column("Sources", None, lambda m: Cell(str(m.source_count))),
    ],
    "statements": [
        Column("Date", "date", lambda s: Cell(plain_date(s.date) or "—", s.get_absolute_url())),
        Column(
            "Speaker",
            "speaker",
            lambda s: Cell(
                s.speaker.name if s.speaker else "Unattributed",
                s.speaker.get_absolute_url() if s.speaker else "",
            ),
        ),
        Column("Statement", None, lambda s: _snippet_or(s, s.text)),
        Column("Form", None, lambda s: Cell("Direct quote" if s.direct else "Reported")),
        Column(
            "Meeting",
            None,
            lambda s: Cell(
                str(s.meeting) if s.meeting else "",
                s.meeting.get_absolute_url() if s.meeting else "",
            ),
        ),
    ],
    "officials": [
        Column("Name", "name", lambda o: Cell(o.name, o.get_absolute_url())),
        Column("Country", "country", lambda o: Cell(country_name(o.country.code))),
        Column("Title", "title", lambda o: Cell(o.title)),
        Column(
            "Institution",
            None,
            lambda o: Cell(
                o.institution.name if o.institution else "",
                o.institution.get_absolute_url() if o.institution else "",
            ),
        ),
        Column(
            "Also written",
            None,
            lambda o: _snippet_or(o, "; ".join(a.name for a in o.aliases.all())),
        ),
    ],
    "institutions": [
        Column("Name", "name", lambda i: Cell(i.name, i.get_absolute_url())),
        Column("Country", "country", lambda i: Cell(country_name(i.country.code))),
        Column("Kind", "kind", lambda i: Cell(_institution_kind(i.kind))),
        Column(
            "Part of",
            None,
            lambda i: Cell(
                i.parent.name if i.parent else "", i.parent.get_absolute_url() if i.parent else ""
            ),
        ),
    ],
    "agreements": [
        Column("Name", "name", lambda a: Cell(a.name, a.get_absolute_url())),
        Column("Signed", "signed", lambda a: Cell(plain_date(a.signed_date) or "—")),
        Column("Parties", None, lambda a: Cell(", ".join(country_name(c.code) for c in a.parties))),
        Column("Status", None, lambda a: Cell(_agreement_status(a.agreement_status))),
    ],
    "articles": [
        Column("Title", "title", lambda a: Cell(str(a), a.get_absolute_url())),
        Column("Outlet", "outlet", lambda a: Cell(a.outlet or "—")),
        Column("Published", "published", lambda a: Cell(plain_date(a.published) or "—")),
        Column("Passage", None, lambda a: _snippet_or(a, a.text)),
    ],
}


SYNTHETIC_TAG = (
    '<span class="badge badge-synthetic" title="Generated by generate_synthetic for tests and '
    'benchmarks; not from a real article">Synthetic</span> '
)


def rows(kind: str, objects: list[Any]) -> list[SafeString]:
    """Return each row of a list page as its escaped `<td>` cells, a synthetic record's first
    cell tagged so it is never mistaken for a real one."""
    first, *others = COLUMNS[kind]
    return [
        mark_safe(
            first.cell(obj).render(SYNTHETIC_TAG if getattr(obj, "is_synthetic", False) else "")
            + "".join(column.cell(obj).render() for column in others)
        )
        for obj in objects
    ]
