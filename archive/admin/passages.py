"""The source passage of a record, shown beside it so an editor can check it against the text.

Article text is whatever an outlet published: it is escaped piece by piece by format_html and
never marked safe, so a passage cannot inject markup into the admin.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

CONTEXT_CHARS = 160
EMPTY = "—"


def passage_html(record: models.Model, *, context: int = CONTEXT_CHARS) -> SafeString | str:
    """Return the record's passage highlighted within some surrounding text of its article."""
    article = getattr(record, "article", None)
    start, end = getattr(record, "start", None), getattr(record, "end", None)
    if article is None or start is None or end is None or not 0 <= start <= end:
        return EMPTY
    text = article.text
    if start >= len(text):
        return EMPTY
    end = min(end, len(text))
    lo, hi = max(0, start - context), min(len(text), end + context)
    return format_html(
        '<div class="archive-passage"><p><small>{} · characters {}–{}</small></p>'
        "<blockquote>{}{}<mark>{}</mark>{}{}</blockquote></div>",
        str(article),
        start,
        end,
        "…" if lo > 0 else "",
        text[lo:start],
        record.passage,
        text[end:hi],
        "…" if hi < len(text) else "",
    )


def passages_html(records: Iterable[models.Model], *, limit: int = 20) -> SafeString | str:
    """Return several records' passages (an official's mentions), at most `limit` of them."""
    items = [passage_html(record) for record in list(records)[:limit]]
    items = [item for item in items if item != EMPTY]
    if not items:
        return EMPTY
    return format_html_join("", "{}", ((item,) for item in items))
