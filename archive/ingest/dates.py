"""Dates as written, with their precision; a year the text does not give is never guessed.

Absolute dates ("October 22, 2025", "22 October 2025", "Oct. 22, 2025", "2025-10-22"),
partial ones ("14th and 15th November", "October 18") and relative ones ("on Sunday",
"yesterday", "last month", "this year"). Relative dates are resolved only against a known
publication date; without one they are kept as text with an unknown value.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .types import DateMention, DatePoint, Span

MONTHS = {
    name.casefold(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
MONTHS["sept"] = 9
WEEKDAYS = {calendar.day_name[i].casefold(): i for i in range(7)}

_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
# Month names as written in prose or in capitals ("14 MAY 2026" in a header); never in lower
# case, where "may" and "march" are verbs.
_MONTH = "(?P<{g}>" + _MONTH_NAMES + "|" + _MONTH_NAMES.upper() + r")\.?"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"


def _m(group: str) -> str:
    return _MONTH.format(g=group)


def _d(group: str) -> str:
    return _DAY.format(g=group)


def _y(group: str) -> str:
    return _YEAR.format(g=group)


# Each pattern is a flat sequence of bounded pieces: linear on any input.
_PATTERNS = [
    # 2025-10-22
    re.compile(rf"\b{_y('y')}-(?P<mn>[01]\d)-(?P<d>[0-3]\d)\b"),
    # 2024. 11. 20. / 2024.11.20 / 2024/11/20: year first, as East Asian and Hungarian
    # releases write it
    re.compile(rf"\b{_y('y')}(?P<sep>[./])\s?(?P<mn>[01]?\d)(?P=sep)\s?(?P<d>[0-3]?\d)\b(?!\.\d)"),
    # 12.05.2025 / 14/05/2025: day first, as most of the world writes it (a month over 12
    # means the writer put the month first)
    re.compile(rf"\b(?P<d>[0-3]?\d)(?P<sep>[./])(?P<mn>[01]?\d)(?P=sep){_y('y')}\b"),
    # 14th and 15th November 2020 / 14-15 November / 14 to 15 November, 2020
    re.compile(
        rf"\b{_WEEKDAY}{_d('d')}\s*(?:and|to|-|–|—)\s*{_d('d2')}\s+(?:of\s+)?{_m('m')}"
        rf"(?:,?\s+{_y('y')})?\b"
    ),
    # November 14-15, 2020 / November 14 and 15
    re.compile(
        rf"\b{_WEEKDAY}{_m('m')}\s+{_d('d')}\s*(?:and|to|-|–|—)\s*{_d('d2')}\b(?:,?\s+{_y('y')})?"
    ),
    # 22 October 2025 / 22nd of October, 2025 / Sunday, 22 October
    re.compile(rf"\b{_WEEKDAY}{_d('d')}\s+(?:of\s+)?{_m('m')}(?:,?\s+{_y('y')})?\b"),
    # October 22, 2025 / Oct. 22 2025 / Wednesday, October 22
    re.compile(rf"\b{_WEEKDAY}{_m('m')}\s+{_d('d')}\b(?:,?\s+{_y('y')}\b)?"),
    # October 2025 / in June 2025
    re.compile(rf"\b{_m('m')},?\s+{_y('y')}\b"),
]
_RELATIVE = re.compile(
    r"\b(?:(?P<on>on|last|this|next|on\s+last)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)|(?P<word>yesterday|today|tomorrow|this\s+(?:morning|afternoon|evening)|"
    r"earlier\s+today|tonight)|(?P<rel>last|this|next)\s+"
    r"(?P<unit>week|month|year)|on\s+the\s+(?P<nth>[0-3]?\d)(?:st|nd|rd|th))\b",
    re.IGNORECASE,
)
# A weekday without "on", as wires write it ("met Tuesday"): capitalised, and not the head of
# an absolute date ("Tuesday, March 11" is read by the absolute patterns first).
_BARE_WEEKDAY = re.compile(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# Words that put what follows in the future: "will meet on Friday" is the next Friday.
FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|is|are)\s+(?:\w+\s+){0,3}?(?:scheduled|due|expected|set|to)\b|"
    r"\b(?:will|would|shall|next|scheduled|due to|expected to|plans? to|planned|upcoming)\b",
    re.IGNORECASE,
)
_THIS_YEAR_AFTER = re.compile(r"\s+(?:of\s+)?this\s+year\b", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"\b(?:in|since|during|by)\s+(?P<y>(?:19|20)\d\d)\b")


def speaks_of_future(text: str, position: int, *, floor: int = 0, width: int = 60) -> bool:
    """Whether the clause that ends at `position` is about something still to come ("will
    travel to Tokyo on Friday"); the clause starts after the last comma or semicolon."""
    window = text[max(floor, position - width) : position]
    cut = max(window.rfind(","), window.rfind(";"), window.rfind(":"))
    return bool(FUTURE_BEFORE.search(window[cut + 1 :]))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_before(published: date, month: int, day: int) -> int:
    """The year of a day and month written without one, in a report published on `published`:
    the latest such date not more than a week after publication (news reports what has
    happened or is about to)."""
    candidate = _safe_date(published.year, month, day)
    if candidate is not None and (candidate - published).days > 7:
        return published.year - 1
    return published.year


def point(
    *,
    text: str,
    span: Span | None,
    year: int | None,
    month: int | None,
    day: int | None,
) -> DatePoint:
    """Build a DatePoint as precise as the parts given; no year means no value."""
    if year is None:
        return DatePoint(None, "unknown", text, span, False, month, day)
    if month is None:
        return DatePoint(date(year, 1, 1), "year", text, span, True, None, None)
    if day is None:
        return DatePoint(date(year, month, 1), "month", text, span, True, month, None)
    value = _safe_date(year, month, day)
    if value is None:
        return DatePoint(None, "unknown", text, span, False, month, day)
    return DatePoint(value, "day", text, span, True, month, day)


def _absolute(text: str, start: int, end: int, published: date | None) -> list[DateMention]:
    mentions: list[DateMention] = []
    taken: list[Span] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text, start, end):
            span = Span(match.start(), match.end())
            if any(span.overlaps(other) for other in taken):
                continue
            groups = match.groupdict()
            month = int(groups["mn"]) if groups.get("mn") else MONTHS[groups["m"].casefold()]
            year = int(groups["y"]) if groups.get("y") else None
            written = match.group().strip()
            if year is None and groups.get("d") is not None:
                tail = _THIS_YEAR_AFTER.match(text, match.end(), end)
                if tail:
                    span = Span(span.start, tail.end())
                    written = text[span.start : span.end]
                    year = published.year if published else None
            day = int(groups["d"]) if groups.get("d") else None
            if month > 12 and day is not None and day <= 12:
                month, day = day, month
            if not 1 <= month <= 12:
                continue
            if day is not None and not 1 <= day <= 31:
                continue
            if year is None and day is not None and published is not None:
                year = _year_before(published, month, day)
            first = point(text=written, span=span, year=year, month=month, day=day)
            second = None
            if groups.get("d2"):
                second = point(
                    text=written, span=span, year=year, month=month, day=int(groups["d2"])
                )
            taken.append(span)
            mentions.append(DateMention(first, second, span))
    for match in _YEAR_ONLY.finditer(text, start, end):
        span = Span(match.start("y"), match.end("y"))
        if not any(span.overlaps(other) for other in taken):
            taken.append(span)
            year = int(match.group("y"))
            mentions.append(
                DateMention(
                    point(text=match.group("y"), span=span, year=year, month=None, day=None),
                    None,
                    span,
                )
            )
    return mentions


def _relative(
    text: str, start: int, end: int, published: date | None, taken: list[Span]
) -> list[DateMention]:
    mentions = []
    matches = [*_RELATIVE.finditer(text, start, end), *_BARE_WEEKDAY.finditer(text, start, end)]
    for match in matches:
        span = Span(match.start(), match.end())
        if any(span.overlaps(other) for other in taken):
            continue
        taken.append(span)
        written = match.group()
        future = speaks_of_future(text, span.start, floor=start)
        value = _resolve_relative(match, published, future=future)
        if value is None:
            month = day = None
            if match.groupdict().get("nth"):
                day = int(match.group("nth"))
            dp = DatePoint(None, "unknown", written, span, False, month, day)
        else:
            resolved, precision = value
            dp = DatePoint(
                resolved,
                precision,
                written,
                span,
                True,
                resolved.month if precision in ("day", "month") else None,
                resolved.day if precision == "day" else None,
            )
        mentions.append(DateMention(dp, None, span, relative=True))
    return mentions


def _resolve_relative(
    match: re.Match, published: date | None, *, future: bool = False
) -> tuple[date, str] | None:
    """Turn a relative expression into a date using the reference date, if there is one. A
    weekday is the last such day on or before it, or the next one after it when the clause
    speaks of the future."""
    if published is None:
        return None
    groups = match.groupdict()
    if groups.get("wd"):
        target = WEEKDAYS[match.group("wd").casefold()]
        back = (published.weekday() - target) % 7
        if (groups.get("on") or "").casefold() == "next" or (future and back):
            return published + timedelta(days=(target - published.weekday()) % 7 or 7), "day"
        if (groups.get("on") or "").casefold().startswith("last") and back == 0:
            back = 7
        return published - timedelta(days=back), "day"
    word = (match.group("word") or "").casefold()
    if word:
        shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)  # "this morning": today
        return published + timedelta(days=shift), "day"
    if match.group("nth"):
        value = _safe_date(published.year, published.month, int(match.group("nth")))
        return (value, "day") if value else None
    rel = match.group("rel").casefold()
    unit = match.group("unit").casefold()
    step = {"last": -1, "this": 0, "next": 1}[rel]
    if unit == "year":
        return date(published.year + step, 1, 1), "year"
    if unit == "month":
        month_index = published.year * 12 + published.month - 1 + step
        return date(month_index // 12, month_index % 12 + 1, 1), "month"
    return None  # "this week", "last week": no day is given, and none is guessed


def find_dates(
    text: str, start: int = 0, end: int | None = None, *, published: date | None = None
) -> list[DateMention]:
    """All date expressions in text[start:end], in text order."""
    end = len(text) if end is None else end
    mentions = _absolute(text, start, end, published)
    mentions += _relative(text, start, end, published, [m.span for m in mentions])
    return sorted(mentions, key=lambda m: m.span.start)


def parse_date(text: str, *, published: date | None = None) -> DatePoint | None:
    """The first date in a short text ("October 22, 2025", "2025-10-22"), or None."""
    found = find_dates(text, published=published)
    return found[0].start if found else None
