"""A small server-rendered SVG bar chart: no JavaScript, no inline styles (the CSP forbids them)."""

from __future__ import annotations

import datetime

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def _months_between(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(datetime.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def monthly_bars(
    counts: list[tuple[datetime.date, int]],
    *,
    max_months: int = 36,
    width: int = 720,
    height: int = 160,
) -> SafeString:
    """Return an SVG of meetings per month (the last `max_months` months with data), or ''."""
    if not counts:
        return mark_safe("")
    by_month = {}
    for month, n in counts:
        if isinstance(month, datetime.datetime):
            month = month.date()
        by_month[month.replace(day=1)] = n
    months = _months_between(min(by_month), max(by_month))[-max_months:]
    peak = max(by_month.get(m, 0) for m in months) or 1
    pad_bottom, pad_top = 22, 14
    bar_space = width / len(months)
    bar_width = max(2.0, bar_space * 0.75)
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">',
        '<title id="chart-title">Meetings per month</title>',
        f'<desc id="chart-desc">Bar chart of meetings per month from {months[0]:%B %Y} to '
        f"{months[-1]:%B %Y}; the busiest month had {peak} meetings.</desc>",
        f'<line x1="0" y1="{height - pad_bottom}" x2="{width}" y2="{height - pad_bottom}" '
        'stroke="#9aa1ad" stroke-width="1"/>',
    ]
    for i, month in enumerate(months):
        n = by_month.get(month, 0)
        h = (height - pad_bottom - pad_top) * n / peak
        x = i * bar_space + (bar_space - bar_width) / 2
        y = height - pad_bottom - h
        label = escape(f"{month:%B %Y}: {n} meeting{'s' if n != 1 else ''}")
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_width:.1f}" height="{h:.1f}" '
            f'fill="#1f5fa8"><title>{label}</title></rect>'
        )
        if month.month == 1 or i == 0:
            parts.append(
                f'<text x="{x:.1f}" y="{height - 6}" font-size="11" fill="#5a6272">'
                f"{month:%b %Y}</text>"
            )
    parts.append(
        f'<text x="{width - 4}" y="11" font-size="11" fill="#5a6272" text-anchor="end">'
        f"max {peak}</text>"
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))
