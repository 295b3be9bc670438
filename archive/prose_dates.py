"""The one date style of the site's prose, titles and citations: "3 May 2025", "May 2025",
"2025" — a date shown to the precision its source gives, never more, never as ISO digits."""

from __future__ import annotations

from typing import Any


def plain_date(value: Any) -> str:
    """Return a date as '1 May 2024', or an empty string."""
    return f"{value.day} {value:%B %Y}" if value else ""


def date_with_precision(start: Any, precision: str, text: str = "", end: Any = None) -> str:
    """Return a date shown to its precision: '1 May 2024', 'May 2024', '2024', or as written."""
    if start is None:
        return text or "Date unknown"
    if precision == "month":
        return f"{start:%B %Y}"
    if precision == "year":
        return f"{start:%Y}"
    if precision == "unknown" and text:
        return text
    shown = plain_date(start)
    if end and end != start:
        shown += f" – {plain_date(end)}"
    return shown
