"""Read an article: decode, strip front matter, and mark what is not the article.

Why here: every later stage reads `Document.text` by offset, so cleaning must not move text
around. Front matter is removed (it is metadata, not prose); everything else stays and is
only marked: `body_end` where reader comments, licence lines or a closing byline begin, and
`excluded` ranges for navigation lines and bylines inside the text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from .dates import parse_date
from .html import html_to_text, is_html
from .types import Document, IngestError, Rejected, Span
from .zones import READABLE, read_layout, reading_text, reference_date_of

DEFAULT_MAX_BYTES = 2_000_000
FRONT_MATTER_KEYS = ("title", "outlet", "url", "published")

_FRONT_LINE = re.compile(
    r"(?P<key>title|outlet|url|published|date|source)\s*:\s*(?P<value>.*)", re.IGNORECASE
)
_COMMENTS = re.compile(
    r"^[ \t]*(?:\d{1,6}[ \t]+(?:Comments?|Responses?|Replies)|Comments?[ \t]*\(\d{1,6}\)|"
    r"(?:Leave a|Post a|Reader)[ \t]+(?:comment|reply|comments)s?)[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# The lookahead holds every character the first three alternatives can start with, and the
# last can only start a line: neither changes a match, but most positions fail on one class
# test and one line-start test instead of four case-insensitive alternatives.
_LICENCE = re.compile(
    r"(?=[alc])(?:All (?:Content|rights)\b|\blicensed under\b|Creative Commons)"
    r"|^[ \t]*(?:©|Copyright\b)",
    re.IGNORECASE | re.MULTILINE,
)
# Editor initials that precede a licence line ("SM/PA").
_INITIALS_BEFORE = re.compile(r"[A-Z]{1,4}(?:/[A-Z]{1,4}){1,3}[ \t]*$")
_BYLINE_LINE = re.compile(
    r"^[ \t]*(?:(?:by|By|BY)[ \t]+(?P<by>[^\n]{1,60})|(?P<name>[A-Z][\w’'.\-]{1,30}"
    r"(?:[ \t]+[A-Z][\w’'.\-]{1,30}){0,3})[ \t]+[-–—|][ \t]+(?P<again>[^\n]{1,80}))[ \t]*$",
    re.MULTILINE,
)
_NAV_LINE = re.compile(
    r"^[ \t]*(?:Home|Menu|Skip to content|Share|Tags?:|Related:|Read more|Subscribe)\b[^\n]*$",
    re.MULTILINE,
)
_SENTENCE_START = re.compile(r"[.!?][\"”’]?\s+(?=\S)")
_NEWLINE = re.compile("\n")


def _line_matches(pattern: re.Pattern, text: str, end: int) -> Iterator[re.Match]:
    """The matches of `pattern.finditer(text, 0, end)` for a pattern anchored at a line start
    (`^` with MULTILINE) and confined to one line: the pattern is tried at line starts only
    instead of at every character of the text."""
    for line_start in itertools.chain((0,), (m.end() for m in _NEWLINE.finditer(text, 0, end))):
        match = pattern.match(text, line_start, end)
        if match:
            yield match


def read_bytes(data: bytes, *, file_name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Decode an uploaded file into a Document, or raise IngestError saying what is wrong."""
    if len(data) > max_bytes:
        raise IngestError(
            f"{file_name}: {len(data):,} bytes is over the limit of {max_bytes:,} bytes."
        )
    if is_html(data, file_name=file_name):
        return read_text(html_to_text(data, file_name=file_name), file_name=file_name)
    if not data.strip():
        raise IngestError(f"{file_name}: the file is empty.")
    if b"\x00" in data:  # anywhere: PostgreSQL refuses NUL in text, SQLite would store it
        raise IngestError(f"{file_name}: this is a binary file (it contains NUL bytes), not text.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise IngestError(
            f"{file_name}: not UTF-8 text (invalid byte 0x{data[error.start]:02x} at offset "
            f"{error.start}). Save the article as UTF-8 and try again."
        ) from None
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > len(text[:4096]) * 0.1:
        raise IngestError(f"{file_name}: this looks like a binary file, not text.")
    return read_text(text, file_name=file_name)


def read_text(text: str, *, file_name: str) -> Document:
    """Clean a decoded text into a Document: BOM, line endings, front matter, then the zones
    of what is left (what is article and what is not, the reference date, the dateline)."""
    if "\x00" in text:
        raise IngestError(
            f"{file_name}: the text contains NUL characters; it is not an article's text."
        )
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    meta, text = _split_front_matter(text)
    layout = read_layout(text)
    reading = reading_text(text, layout.soft_breaks)
    rejected = [
        Rejected(
            "zones",
            zone.kind.replace("_", " "),
            reading[zone.span.start : zone.span.end][:200],
            zone.span,
        )
        for zone in layout.zones
        if zone.kind not in READABLE
    ]
    excluded = [zone.span for zone in layout.zones if zone.kind not in READABLE]
    published = parse_date(meta["published"]) if meta.get("published") else None
    published_day = published.value if published and published.precision == "day" else None
    reference, source = published_day, "front matter" if published_day else None
    if reference is None and layout.reference is not None:
        reference = reference_date_of(layout)
        source = layout.reference_source.replace("_", " ") if reference else None
    url = meta.get("url")
    if url and not web_address(url):
        rejected.append(Rejected("read", "not a web address (http or https)", url[:200], None))
        url = None
    return Document(
        text=reading,
        file_name=file_name,
        title=meta.get("title") or _headline(reading, layout.zones),
        outlet=meta.get("outlet"),
        url=url,
        published=published_day,
        body_end=min(layout.body_end, _body_end(reading, [])),
        excluded=tuple(excluded),
        rejected=tuple(rejected),
        source=text if reading != text else None,
        zones=layout.zones,
        reference_date=reference,
        reference_source=source,
        dateline_city=layout.dateline_city,
    )


def _headline(text: str, zones) -> str | None:
    """A title for an article whose front matter names none, instead of its file name: the
    first headline line (of four words or more, not a label ending in ":"), else the opening
    of its first paragraph, cut at a word."""
    for zone in zones:
        if zone.kind == "headline":
            line = " ".join(text[zone.span.start : zone.span.end].split())
            if len(line.split()) >= 4 and len(line) <= 300 and not line.endswith(":"):
                return line
    for zone in zones:
        if zone.kind == "body":
            paragraph = " ".join(text[zone.span.start : zone.span.end].split())
            sentence = re.split(r"(?<=[.!?])\s", paragraph, maxsplit=1)[0]
            if len(sentence) <= HEADLINE_CHARS:
                return sentence
            return sentence[:HEADLINE_CHARS].rsplit(" ", 1)[0] + "…"
    return None


HEADLINE_CHARS = 120


def web_address(url: str | None) -> bool:
    """Whether a URL is an http(s) address with a host: the only kind the archive links."""
    if not url:
        return False
    parsed = urlsplit(url.strip())
    return parsed.scheme.lower() in ("http", "https") and bool(parsed.netloc)


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Read `key: value` lines at the very top, ended by a blank line or `---`."""
    lines = text.split("\n")
    index = 0
    if lines and lines[0].strip() == "---":
        index = 1
    meta: dict[str, str] = {}
    while index < len(lines):
        match = _FRONT_LINE.fullmatch(lines[index].strip())
        if not match:
            break
        key = match.group("key").lower()
        key = {"date": "published", "source": "outlet"}.get(key, key)
        meta[key] = match.group("value").strip()
        index += 1
    if not meta:
        return {}, text
    if index < len(lines) and lines[index].strip() in ("", "---"):
        index += 1
    elif index < len(lines):
        return {}, text  # not front matter: a "Title: ..." line inside the article
    return meta, "\n".join(lines[index:])


def _body_end(text: str, rejected: list[Rejected]) -> int:
    """Where non-article material starts: comments, licence lines, a closing byline."""
    end = len(text)
    comments = next(_line_matches(_COMMENTS, text, len(text)), None)
    if comments:
        end = comments.start()
        rejected.append(
            Rejected("read", "reader comment", text[end : end + 200], Span(end, len(text)))
        )
    licence = _LICENCE.search(text, 0, end)
    if licence:
        start = _sentence_start(text, licence.start())
        initials = _INITIALS_BEFORE.search(text, max(0, start - 20), start)
        if initials:
            start = initials.start()
        rejected.append(Rejected("read", "licence line", text[start:end][:200], Span(start, end)))
        end = start
    # A closing byline: the last non-empty line is "Name - Name" or "By Name".
    last_line_start = text.rfind("\n", 0, max(0, len(text[:end].rstrip()))) + 1
    last = _BYLINE_LINE.match(text, last_line_start, len(text[:end].rstrip()))
    if last and (last.group("by") or _looks_like_byline(last)):
        rejected.append(
            Rejected("read", "byline", last.group().strip(), Span(last.start(), last.end()))
        )
        end = last_line_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _looks_like_byline(match: re.Match) -> bool:
    """'Name - Name' or 'Name - Outlet' at the end, with no sentence punctuation."""
    again = match.group("again") or ""
    return not any(mark in again for mark in '.!?“”"')


def _sentence_start(text: str, position: int) -> int:
    line_start = text.rfind("\n", 0, position) + 1
    start = line_start
    for match in _SENTENCE_START.finditer(text, line_start, position):
        start = match.end()
    return start


def _excluded(text: str, body_end: int, rejected: list[Rejected]) -> list[Span]:
    """Navigation lines and bylines inside the body."""
    spans = []
    for match in _line_matches(_NAV_LINE, text, body_end):
        if len(match.group()) < 300:
            spans.append(Span(match.start(), match.end()))
            rejected.append(Rejected("read", "navigation line", match.group().strip(), spans[-1]))
    for match in _line_matches(_BYLINE_LINE, text, body_end):
        if match.group("by") and len(match.group("by").split()) <= 6:
            spans.append(Span(match.start(), match.end()))
            rejected.append(Rejected("read", "byline", match.group().strip(), spans[-1]))
    return sorted(spans, key=lambda span: span.start)
