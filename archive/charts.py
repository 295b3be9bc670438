"""A small server-rendered SVG bar chart: no JavaScript, no inline styles (the CSP forbids them)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

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
    href: Callable[[datetime.date], str] | None = None,
    chart_id: str = "chart",
) -> SafeString:
    """Return an SVG of meetings per month (the last `max_months` months with data), or ''.

    With `href`, each month's bar is a link (to that month's list) and the chart a group of
    links rather than an image."""
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
        f'<svg class="chart" viewBox="0 0 {width} {height}" '
        f'role="{"group" if href else "img"}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">Meetings per month</title>',
        f'<desc id="{chart_id}-desc">Bar chart of meetings per month from {months[0]:%B %Y} '
        f"to {months[-1]:%B %Y}; the busiest month had {peak} meetings.</desc>",
        f'<line x1="0" y1="{height - pad_bottom}" x2="{width}" y2="{height - pad_bottom}" '
        'stroke="#9aa1ad" stroke-width="1"/>',
    ]
    for i, month in enumerate(months):
        n = by_month.get(month, 0)
        h = (height - pad_bottom - pad_top) * n / peak
        x = i * bar_space + (bar_space - bar_width) / 2
        y = height - pad_bottom - h
        label = escape(f"{month:%B %Y}: {n} meeting{'s' if n != 1 else ''}")
        bar = (
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_width:.1f}" height="{h:.1f}" '
            f'fill="#1f5fa8"><title>{label}</title></rect>'
        )
        if href is not None and n:
            bar = f'<a href="{escape(href(month))}" aria-label="{label}">{bar}</a>'
        parts.append(bar)
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


def yearly_bars(
    years: list[dict],
    *,
    href: Callable[[dict], str],
    title: str,
    width: int = 720,
    height: int = 160,
) -> SafeString:
    """Return an SVG of meetings per year whose bars are links (to that year's list), or ''.

    `years` holds dicts with "year" and "count"; `href(year)` gives each bar's link. Years
    without meetings between the first and the last are drawn as gaps, not left out."""
    if not years:
        return mark_safe("")
    counts = {y["year"]: y for y in years}
    span = list(range(min(counts), max(counts) + 1))
    peak = max(y["count"] for y in years) or 1
    pad_bottom, pad_top = 22, 14
    slot = width / len(span)
    bar_width = max(4.0, min(60.0, slot * 0.7))
    label = escape(title)
    parts = [
        # "group", not "img": an image may hold no links, and each bar is one
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="group" '
        f'aria-labelledby="years-title years-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="years-title">{label}</title>',
        f'<desc id="years-desc">Bar chart from {span[0]} to {span[-1]}; the busiest year had '
        f"{peak} meetings. Each bar links to that year's meetings.</desc>",
        f'<line x1="0" y1="{height - pad_bottom}" x2="{width}" y2="{height - pad_bottom}" '
        'stroke="#9aa1ad" stroke-width="1"/>',
    ]
    for i, year in enumerate(span):
        x = i * slot + (slot - bar_width) / 2
        entry = counts.get(year)
        n = entry["count"] if entry else 0
        if entry:
            h = max(2.0, (height - pad_bottom - pad_top) * n / peak)
            y = height - pad_bottom - h
            text = escape(f"{year}: {n} meeting{'s' if n != 1 else ''}")
            parts.append(
                f'<a href="{escape(href(entry))}" aria-label="{text}">'
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_width:.1f}" height="{h:.1f}" '
                f'fill="#1f5fa8"><title>{text}</title></rect></a>'
            )
        if len(span) <= 12 or i % max(1, len(span) // 12) == 0 or i == len(span) - 1:
            parts.append(
                f'<text x="{x + bar_width / 2:.1f}" y="{height - 6}" font-size="11" '
                f'fill="#5a6272" text-anchor="middle">{year}</text>'
            )
    parts.append(
        f'<text x="{width - 4}" y="11" font-size="11" fill="#5a6272" text-anchor="end">'
        f"max {peak}</text>"
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))


# A name longer than this is cut with an ellipsis in the network (the whole name is its
# tooltip and in the table below it): the label must fit beside its node.
LABEL_CHARS = 30


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def who_met_whom(
    left: list[Any],
    right: list[Any],
    edges: list[tuple[Any, Any, int]],
    *,
    href: Callable[[Any], str],
    title: str,
    width: int = 720,
) -> SafeString:
    """Return an SVG network of the officials of two sides (left, right) and the meetings
    each pair attended together (line width), or '' when nobody met.

    The layout is networkx's bipartite layout: each side in its own column, so a reader sees
    at once who on one side met whom on the other. Nodes are links to the officials' pages."""
    import networkx as nx  # imported here: only the relations page draws networks

    drawn = {o.id for o in (*left, *right)}
    shown = [(a, b, n) for a, b, n in edges if a.id in drawn and b.id in drawn]
    if not shown:
        return mark_safe("")
    graph = nx.Graph()
    graph.add_nodes_from(o.id for o in left)
    graph.add_nodes_from(o.id for o in right)
    for a, b, n in shown:
        graph.add_edge(a.id, b.id, weight=n)
    positions = nx.bipartite_layout(graph, [o.id for o in left], align="vertical", scale=1.0)
    rows = max(len(left), len(right))
    height = 40 + 34 * rows
    label_room = width * 0.36

    def point(node: int) -> tuple[float, float]:
        x, y = positions[node]
        px = label_room + (x + 1) / 2 * (width - 2 * label_room)
        py = 20 + (1 - (y + 1) / 2) * (height - 40) if rows > 1 else height / 2
        return px, py

    heaviest = max(n for _, _, n in shown)
    parts = [
        f'<svg class="chart network" viewBox="0 0 {width} {height}" role="group" '
        f'aria-labelledby="net-title net-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="net-title">{escape(title)}</title>',
        f'<desc id="net-desc">{len(left)} and {len(right)} officials; each line joins two '
        f"who attended the same meetings, thicker for more (at most {heaviest}).</desc>",
    ]
    for a, b, n in shown:
        (x1, y1), (x2, y2) = point(a.id), point(b.id)
        stroke = 1 + 5 * n / heaviest
        text = escape(f"{a.name} and {b.name}: {n} meeting{'s' if n != 1 else ''}")
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#7f9cc4" '
            f'stroke-width="{stroke:.1f}"><title>{text}</title></line>'
        )
    for side, anchor, dx in ((left, "end", -10), (right, "start", 10)):
        for official in side:
            x, y = point(official.id)
            name = escape(official.name)
            shown_name = escape(_shortened(official.name, LABEL_CHARS))
            parts.append(
                f'<a href="{escape(href(official))}"><circle cx="{x:.1f}" cy="{y:.1f}" r="6" '
                f'fill="#1f5fa8"><title>{name}</title></circle>'
                f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" font-size="12" fill="#1d2330" '
                f'text-anchor="{anchor}"><title>{name}</title>{shown_name}</text></a>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))
