"""The document's structure, read as an editor reads it: which line is what.

Why a stage of its own: a news page is not a flat run of prose. Its date may sit in a
dateline, a `Published:` line, a release header, a timestamp or a footer; its body is
surrounded by navigation, captions, related links, comments and page furniture; a PDF wraps
its lines. Later stages ask this stage what to read (people never from a byline, a comment or
a caption; dates never from a related link) and which date "on Monday" is counted from.

Every rule here is about the shape of a line (its key word, its punctuation, its length, its
place before or after the body), never about a particular outlet. The stage is linear: each
line is matched a bounded number of times by patterns without nested quantifiers.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from . import lexicon
from .dates import find_dates, parse_date
from .types import DatePoint, Document, Span, Zone

HEADLINE = "headline"
LETTERHEAD = "letterhead"
RELEASE_HEADER = "release_header"
PUBLICATION = "publication"
DATELINE = "dateline"
TIMESTAMP = "timestamp"
BYLINE = "byline"
BODY = "body"
SUBHEAD = "subhead"
QUOTE_HEADER = "quote_header"
SPEAKER_LABEL = "speaker_label"
ENTRY_TIME = "entry_time"
NAVIGATION = "navigation"
CAPTION = "caption"
COMMENTS = "comments"
CORRECTION = "correction"
FOOTER = "footer"
PAGE_FURNITURE = "page_furniture"

# Zones whose words are the article's own: people, quotes, meetings and agreements are read
# from these and from nothing else.
READABLE = frozenset({BODY, SUBHEAD, QUOTE_HEADER, SPEAKER_LABEL, HEADLINE, DATELINE})

# Where a reference date may come from, most trusted first (front matter is read before
# this stage and outranks all of them).
REFERENCE_SOURCES = (PUBLICATION, RELEASE_HEADER, DATELINE, TIMESTAMP, FOOTER)

_PUBLICATION_KEY = re.compile(
    r"^\s*(?:Published|Posted|Date|Dated|First published|Released|Issued|Publication date)"
    r"(?:\s+on)?\s*[:|]?\s+",
    re.IGNORECASE,
)
# "Location: Secretariat of Foreign Affairs, Mexico City": where a transcript or release was
# made, which is where its meeting was held.
_PLACE_KEY = re.compile(r"^\s*(?:Location|Venue|Place)\s*:\s*(?P<place>\S[^\n]*)$", re.I)
_UPDATED_KEY = re.compile(r"^\s*(?:Last\s+)?(?:Updated|Modified)(?:\s+on)?\s*[:|]?\s+", re.I)
_RELEASE_MARK = re.compile(
    r"^\s*(?:(?:PRESS|NEWS|MEDIA)\s+(?:RELEASE|STATEMENT|NOTE)\b|Release\s+No\b|"
    r"For\s+immediate\s+release\b|No\.\s*\d+\s*/\s*\d{2,4}\s*$|Ref(?:erence)?\s*[.:]\s*\S)",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^\s*(?:(?:By|BY)\s+[A-Z\w][^\n]{0,80}|by\s+[A-Z][^\n]{0,80}|"
    r"\(?(?:Reporting|Writing|Editing|Additional reporting)\s+by\b[^\n]*|"
    r"(?:Staff|Special)\s+(?:Reporter|Writer|Correspondent)\b[^\n]{0,60}|"
    r"From\s+our\s+[\w ]{3,40}correspondent)\s*$"
)
_NAVIGATION = re.compile(
    r"^\s*(?:Home\b|Menu\b|Skip to\b|Search\b|Login\b|Log in\b|Sign in\b|Sign up\b|Subscribe\b|"
    r"Share\b|Tweet\b|Print\b|E-?mail\b|Facebook\b|Twitter\b|WhatsApp\b|LinkedIn\b|Telegram\b|"
    r"Tags?\s*:|Topics\s*:|Filed under\b|Categor(?:y|ies)\s*:|Related\b|Read (?:more|also|next)\b|"
    r"Also read\b|ALSO READ\b|See also\b|More from\b|More on\b|Most (?:read|popular)\b|"
    r"Trending\b|TRENDING\b|You may also like\b|Recommended\b|Advertisement\b|ADVERTISEMENT\b|"
    r"Sponsored\b|Follow us\b|Newsletter\b|Back to top\b|Next article\b|Previous article\b|"
    r"Listen to (?:this|the) article\b|\(END\)\s*$)",
)
_RELATED_HEAD = re.compile(
    r"^\s*(?:Related\b|Read (?:more|also|next)\b|Also read\b|ALSO READ\b|See also\b|"
    r"More from\b|More on\b|Most (?:read|popular)\b|You may also like\b|Recommended\b)",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"\S\s*[»›>|/]\s*\S[^\n]*[»›>|/]")
_CAPTION = re.compile(
    r"^\s*(?:\[?(?:Photo|Image|Picture|Caption|File photo|Video)\b\s*[:|\-–—/]|"
    r"PHOTO\b|IMAGE\b)|(?:\((?:Photo|Image|Picture)\b[^)\n]{0,80}\)|"
    r"(?:Photo|Image)\s*(?:credit)?\s*:\s*[^\n]{1,60}|/\s*(?:Reuters|AFP|AP|Getty Images|EPA)"
    r")\s*$",
    re.IGNORECASE,
)
_CORRECTION = re.compile(
    r"^\s*(?:\*?\s*)?(?:Correction|Clarification|Editor['’]s note|Update)\b\s*[:(\-–—]", re.I
)
_COMMENTS = re.compile(
    r"^\s*(?:\d{1,6}\s+(?:Comments?|Responses?|Replies)|Comments?\s*\(\d{1,6}\)|"
    r"(?:Leave a|Post a|Add a|Reader)\s+(?:comment|reply|comments)s?|Comments?|"
    r"Join the (?:conversation|discussion)|Discussion)\s*:?\s*$",
    re.IGNORECASE,
)
_FOOTER_MARK = re.compile(
    r"^\s*(?:©|\(C\)\s|Copyright\b|All rights reserved|(?:Press|Media|News)\s+contacts?\b|"
    r"For (?:further|more) information\b|Contact\s*:|#{3}\s*$|-+\s*(?:ENDS?|End)\s*-+\s*$|"
    r"ENDS?\s*$|About (?:the|us)\b[^.]{0,60}$|Our Standards\b|[-–—]?\s*A version of this "
    r"(?:article|story|report)\b|This (?:press release|article|"
    r"material) may be reproduced\b)"
    r"|\b(?:All (?:Content|rights)\b|licensed under\b|Creative Commons\b|reproduction\s+"
    r"(?:without|is|prohibited)\b|redistribution prohibited|may be freely (?:used|reproduced)\b)",
    re.IGNORECASE,
)
_PAGE_FURNITURE = re.compile(
    r"^\s*(?:Page\s+\d+(?:\s+of\s+\d+)?|-?\s*\d{1,3}\s*-?|[-_=*]{5,})\s*$"
    r"|\bPage\s+\d+\s+of\s+\d+\s*$|\S[ \t]{2,}(?:Page|p\.)\s*\d+\s*$",
    re.IGNORECASE,
)
_ENTRY_TIME = re.compile(
    r"^\s*\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:(?:GMT|UTC|BST|CET|CEST|EST|EDT|"
    r"PST|PDT|IST|JST|KST|MSK|AEST|AEDT|SAST|EAT|WAT)(?:\s*[+-]\s*\d{1,2})?)?\s*"
    r"(?:[–—|-]\s*)?$"
)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
# A dateline: the place (and perhaps the date and the agency) that opens a wire story.
_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})"
    r"(?:[ \t]*,[ \t]*(?P<rest>[^()\n–—|:]{2,45}?))?[ \t]*"
    r"(?:\((?P<agency>[^)\n]{1,60})\)[ \t]*|/(?P<slashed>[^/\n]{1,40})/[ \t]*)?"
    r"(?P<sep>--|[–—|:]|-(?=[ \t])|(?<=\d)\.(?=[ \t]))[ \t]*(?=\S)"
)
# A line that is only "City, date" (a release header, or a footer when after the body).
_CITY_DATE_LINE = re.compile(
    r"^\s*(?P<city>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*[,–—-][ \t]*"
    r"(?P<rest>[^\n]{4,40}?)\s*$"
)
_SPEAKER_LABEL = re.compile(
    r"^\s*(?P<label>Q|A|[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|al-\w+|bin|de|van|von|da|of|"
    r"the)){0,6})[ \t]*:[ \t]+(?=\S)"
)
# "Name:", "Title Name:", "Name, Title:" on a line of its own, over the words it introduces;
# a broadcaster's tag may open it ("[SOUNDBITE] Name, Title:").
_QUOTE_HEADER = re.compile(
    r"^\s*(?:\[[A-Za-z \t/-]{1,30}\][ \t]*)?"
    r"(?P<label>[A-Z][\w.'’-]*,?(?:[ \t]+[\w.'’-]+,?){0,11})[ \t]*:\s*$"
)
_NOT_LABELS = frozenset(
    [
        "date",
        "dated",
        "published",
        "posted",
        "updated",
        "modified",
        "issued",
        "released",
        "tags",
        "tag",
        "topics",
        "related",
        "photo",
        "image",
        "picture",
        "caption",
        "source",
        "sources",
        "note",
        "notes",
        "correction",
        "clarification",
        "read",
        "also",
        "share",
        "contact",
        "email",
        "e-mail",
        "tel",
        "phone",
        "fax",
        "website",
        "web",
        "follow",
        "menu",
        "filed",
        "credit",
        "location",
        "venue",
        "time",
        "subject",
        "ref",
        "reference",
        "keywords",
        "category",
        "categories",
        "update",
        "warning",
        "disclaimer",
        "background",
        "summary",
        "context",
        "why",
        "what",
        "how",
        "key",
        "highlights",
        "attachments",
        "attachment",
        "agenda",
        "press",
        "media",
        "listen",
        "watch",
        "video",
        "audio",
        "transcript",
        "url",
        "title",
        "outlet",
        "by",
        "from",
        "to",
        "cc",
        "re",
    ]
)
MAX_LINES = 5000
# No line of page furniture, navigation, header or footer is longer than this.
MAX_LABEL_LINE = 600
_SENTENCE_BEFORE = re.compile(r"\w\w[.!?][\"”’]?\s")
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s*$|[\"”’]\s*$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LINE = re.compile(r"[^\n]*")
_QUOTE_OPENERS = "\"“„«‘'—–"


@dataclass(frozen=True, slots=True)
class Layout:
    """What the zone stage found: every zone, the reference date and the dateline's place."""

    zones: tuple[Zone, ...]
    reference: DatePoint | None
    reference_source: str | None
    dateline_city: str | None
    body_end: int
    soft_breaks: tuple[int, ...]


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str
    kind: str | None = None

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_prose(text: str) -> bool:
    """A line that reads as a sentence of the article rather than a label or a title.

    Only the head and the tail of a line are read: a megabyte-long line costs no more than a
    short one."""
    words = _WORD.findall(text, 0, 400)
    if len(words) >= 16:
        return True
    return len(words) >= 6 and bool(_SENTENCE_END.search(text[-16:]))


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _known_city(written: str) -> str | None:
    """The city's name as the gazetteer writes it, if `written` is one ("NEW DELHI")."""
    cities = lexicon.countries().cities
    words = written.split()
    for candidate in (written, written.title(), " ".join(w.capitalize() for w in words)):
        if lexicon.phrase(candidate) in cities:
            return candidate
    return None


def _full_date(text: str, start: int, end: int) -> DatePoint | None:
    """The first date with day, month and year in text[start:end]."""
    for mention in find_dates(text, start, end):
        point = mention.start
        if point.precision == "day" and point.year_known and not mention.relative:
            return point
    return None


def _split_lines(text: str) -> list[_Line]:
    lines = []
    position = 0
    for part in text.split("\n"):
        lines.append(_Line(position, position + len(part), part))
        position += len(part) + 1
    return lines


def _label_is_speaker(label: str) -> bool:
    words = label.split()
    if words[0].casefold().strip(".") in _NOT_LABELS:
        return False
    if label in ("Q", "A"):
        return True
    capitals = sum(1 for w in words if w[:1].isupper())
    return capitals * 2 > len(words)


def _furniture_lines(lines: list[_Line]) -> set[int]:
    """Short lines repeated word for word: running page headers and footers of a PDF."""
    counts = Counter(line.text.strip() for line in lines if not line.blank)
    return {
        number
        for number, line in enumerate(lines)
        if not line.blank
        and counts[line.text.strip()] > 1
        and len(line.text.strip()) < 100
        and not is_prose(line.text)
        and line.text.strip()[:1] not in _QUOTE_OPENERS
        and not _is_city_date(line.text)
    }


def _is_city_date(text: str) -> bool:
    """'Lima, 16 January 2025': a release's place and date, often repeated as its signature."""
    match = _CITY_DATE_LINE.match(text)
    return bool(match and _known_city(match.group("city")))


def _classify_line(line: _Line) -> str | None:
    """The kind a line has on its own, from its shape; None for prose or unknown. Every
    kind but prose is a short line, so a long one is not looked at further."""
    text = line.text
    if len(text) > MAX_LABEL_LINE:
        return None
    if _COMMENTS.match(text) and len(text) < 60:
        return COMMENTS
    if _PUBLICATION_KEY.match(text) and len(text) < 160:
        return PUBLICATION
    if _UPDATED_KEY.match(text) and len(text) < 160:
        return PUBLICATION
    if (_RELEASE_MARK.match(text) or _PLACE_KEY.match(text)) and len(text) < 160:
        return RELEASE_HEADER
    if _PAGE_FURNITURE.search(text) and len(text) < 120:
        return PAGE_FURNITURE
    if _ENTRY_TIME.match(text):
        return ENTRY_TIME
    if _CORRECTION.match(text):
        return CORRECTION
    if _is_byline(text):
        return BYLINE
    if _CAPTION.search(text) and len(text) < 400:
        return CAPTION
    if _NAVIGATION.match(text) and not is_prose(text):
        return NAVIGATION
    if (not is_prose(text) and text.count("|") >= 2) or (
        len(text) < 200 and _BREADCRUMB.search(text) and not is_prose(text)
    ):
        return NAVIGATION
    footer = _FOOTER_MARK.search(text)
    if footer and len(text) < 400 and not _SENTENCE_BEFORE.search(text, 0, footer.start()):
        return FOOTER
    return None


def _is_byline(text: str) -> bool:
    """ "By Name", "(Reporting by …)": a credit, not a sentence that opens with "By"."""
    if not _BYLINE.match(text) or len(_words(text)) > 14:
        return False
    credit = text.lstrip().startswith("(") or "Reporting" in text or "Editing" in text
    return credit or not _SENTENCE_END.search(text)


def _timestamp(line: _Line, full_text: str) -> bool:
    """A line that is a date (and perhaps a time) and little else."""
    if is_prose(line.text) or len(_words(line.text)) > 14:
        return False
    point = _full_date(full_text, line.start, line.end)
    if point is None or point.span is None:
        return False
    rest = full_text[line.start : point.span.start] + full_text[point.span.end : line.end]
    rest = _CLOCK.sub("", rest)
    return len(_words(rest)) <= 8


def _dateline(line: _Line, full_text: str) -> tuple[str, Span, DatePoint | None] | None:
    """The place, extent and date of a dateline opening this paragraph, if it has one."""
    match = _DATELINE.match(line.text)
    if not match:
        return None
    written = match.group("city").strip()
    city = _known_city(written)
    caps = _is_caps(written)
    sep = match.group("sep")
    if sep in ":|" and city is None:
        return None
    if city is None and not (caps and len(written) >= 3):
        return None
    rest = match.group("rest")
    point = None
    if rest:
        point = _full_date(
            full_text, line.start + match.start("rest"), line.start + match.end("rest")
        )
        partial = find_dates(
            full_text, line.start + match.start("rest"), line.start + match.end("rest")
        )
        code = lexicon.countries().code_for_name(rest.strip())
        if not partial and code is None and not _known_city(rest.strip()):
            return None
        if point is None and partial:
            point = partial[0].start
    name = city or written.title()
    return name, Span(line.start, line.start + match.end()), point


def read_layout(text: str, *, body_end: int | None = None) -> Layout:
    """Type every line of `text` and find the reference date and the dateline's place.

    A text of more than MAX_LINES lines is no article (an article has tens or hundreds): it is
    read as one body, so that such a text costs no more than a long paragraph."""
    if text.count("\n", 0, len(text)) > MAX_LINES:
        return Layout((Zone(BODY, Span(0, len(text))),), None, None, None, len(text), ())
    soft_breaks = _soft_breaks(text)
    text = reading_text(text, soft_breaks)
    lines = _split_lines(text)
    furniture = _furniture_lines(lines)
    for number, line in enumerate(lines):
        if line.blank:
            continue
        line.kind = PAGE_FURNITURE if number in furniture else _classify_line(line)
    _mark_related_lists(lines)
    end_line = _mark_end_matter(lines)
    prose = (
        n for n, line in enumerate(lines[:end_line]) if line.kind is None and is_prose(line.text)
    )
    opening = list(itertools.islice(prose, 3))
    # The story opens at its dateline when one of its first paragraphs has one (a headline
    # long enough to read as prose comes before it); else at its first paragraph.
    first_prose = next(
        (n for n in opening if _dateline(lines[n], text)), opening[0] if opening else None
    )
    candidates: dict[str, DatePoint] = {}
    dateline_city: str | None = None
    zones: list[Zone] = []
    release_seen = False
    for number, line in enumerate(lines[:end_line]):
        if line.blank:
            continue
        if line.kind in (PUBLICATION, RELEASE_HEADER):
            release_seen = release_seen or line.kind == RELEASE_HEADER
            place = _PLACE_KEY.match(line.text)
            if place and dateline_city is None:
                parts = [part.strip() for part in place.group("place").split(",")]
                dateline_city = next(filter(None, map(_known_city, reversed(parts))), None)
            point = _full_date(text, line.start, line.end)
            if point is not None and not _UPDATED_KEY.match(line.text):
                candidates.setdefault(line.kind, point)
            elif point is not None:
                candidates.setdefault(TIMESTAMP, point)
            continue
        top = first_prose is not None and number < first_prose
        if line.kind == NAVIGATION and top:
            # "Outlet | Section | 14/05/2025 17:35": a page's bar that carries its date.
            point = _full_date(text, line.start, line.end)
            if point is not None:
                candidates.setdefault(TIMESTAMP, point)
        if line.kind is not None:
            continue
        if top:
            line.kind = _top_line_kind(line, text, release_seen, candidates)
            if line.kind in (DATELINE, RELEASE_HEADER) and dateline_city is None:
                match = _CITY_DATE_LINE.match(line.text)
                dateline_city = _known_city(match.group("city")) if match else None
            continue
        if number - (first_prose or 0) < 4 and _is_city_date(line.text):
            # "Moscow, April 14, 2025" on its own line just under a long headline
            line.kind = _top_line_kind(line, text, release_seen, candidates)
            if line.kind in (DATELINE, RELEASE_HEADER) and dateline_city is None:
                match = _CITY_DATE_LINE.match(line.text)
                dateline_city = _known_city(match.group("city")) if match else None
            continue
        found = _dateline(line, text) if number == first_prose else None
        if found:
            city, span, point = found
            dateline_city = dateline_city or city
            if point is not None and point.year_known:
                candidates.setdefault(DATELINE, point)
            zones.append(Zone(DATELINE, span))
            line.kind = BODY
            zones.append(Zone(BODY, Span(span.end, line.end)))
            line.text = ""  # zone written
            continue
        line.kind = _body_line_kind(line, lines, number)
    for line in lines[end_line:]:
        if not line.blank and line.kind is None:
            line.kind = FOOTER
    footer_date = _footer_date(lines, text)
    if footer_date is not None:
        candidates.setdefault(FOOTER, footer_date)
    for line in lines:
        if line.blank or (line.kind == BODY and not line.text):
            continue
        if line.kind == SPEAKER_LABEL:
            match = _SPEAKER_LABEL.match(line.text)
            assert match is not None
            zones.append(Zone(SPEAKER_LABEL, Span(line.start, line.start + match.end())))
            zones.append(Zone(BODY, Span(line.start + match.end(), line.end)))
            continue
        zones.append(Zone(line.kind or BODY, Span(line.start, line.end)))
    zones.sort(key=lambda zone: zone.span.start)
    reference, source = None, None
    for kind in REFERENCE_SOURCES:
        if kind in candidates:
            reference, source = candidates[kind], kind
            break
    readable_end = max(
        (zone.span.end for zone in zones if zone.kind in READABLE - {HEADLINE, DATELINE}), default=0
    )
    if body_end is not None:
        readable_end = min(readable_end, body_end)
    return Layout(
        zones=tuple(zones),
        reference=reference,
        reference_source=source,
        dateline_city=dateline_city,
        body_end=readable_end,
        soft_breaks=soft_breaks,
    )


def _top_line_kind(
    line: _Line, text: str, release_seen: bool, candidates: dict[str, DatePoint]
) -> str:
    """A line above the first paragraph: letterhead, headline, timestamp or a release's
    "City, date" line."""
    match = _CITY_DATE_LINE.match(line.text)
    if match and _known_city(match.group("city")):
        point = _full_date(text, line.start + match.start("rest"), line.end)
        if point is not None:
            kind = RELEASE_HEADER if release_seen else DATELINE
            candidates.setdefault(kind, point)
            return kind
    if _timestamp(line, text):
        point = _full_date(text, line.start, line.end)
        if point is not None:
            candidates.setdefault(TIMESTAMP, point)
        return TIMESTAMP
    if _is_caps(line.text) and len(_words(line.text)) <= 10:
        return LETTERHEAD
    return HEADLINE


# The mark that opens an item of a list: a dash or bullet, or a number or letter and a stop.
LIST_ITEM = re.compile(r"\s*(?:[-–•*▪●○□]|\(?(?:\d{1,2}|[a-z])[.)])\s+")
# An item of a list that goes on a sentence ("including:" / "- an Agreement on …;"): the
# word after the mark is in lower case, as no heading's is.
_LIST_ITEM_IN_PROSE = re.compile(LIST_ITEM.pattern + "[a-z]")


def _body_line_kind(line: _Line, lines: list[_Line], number: int) -> str:
    """A line inside the article: a paragraph, a heading, a `Name:` header or a speaker."""
    text = line.text
    label = _QUOTE_HEADER.match(text)
    if label and _label_is_speaker(label.group("label")) and len(_words(text)) <= 14:
        following = next((ln for ln in lines[number + 1 :] if not ln.blank), None)
        if following is not None and following.kind is None:
            return QUOTE_HEADER
    speaker = _SPEAKER_LABEL.match(text)
    if (
        speaker
        and _label_is_speaker(speaker.group("label"))
        and len(_words(speaker.group("label"))) <= 7
    ):
        return SPEAKER_LABEL
    if (
        not is_prose(text)
        and text.strip()[:1] not in _QUOTE_OPENERS
        and len(_words(text)) <= 12
        and not _LIST_ITEM_IN_PROSE.match(text)
    ):
        return SUBHEAD
    return BODY


def _mark_related_lists(lines: list[_Line]) -> None:
    """The link titles under a "Related" or "Read also" heading are navigation too, up to the
    next blank line or the next sentence."""
    in_list = False
    for line in lines:
        if line.blank:
            in_list = False
            continue
        if line.kind == NAVIGATION and _RELATED_HEAD.match(line.text):
            in_list = True
            continue
        if in_list and line.kind is None and not _SENTENCE_END.search(line.text.rstrip()):
            line.kind = NAVIGATION
        elif in_list:
            in_list = False


def _short_sentence(text: str) -> bool:
    """A short line that is still a sentence ("The talks will resume in May."), unlike a
    signature, a place or an agency's initials."""
    return len(_words(text)) >= 4 and bool(_SENTENCE_END.search(text.rstrip()))


def _mark_end_matter(lines: list[_Line]) -> int:
    """Where the article ends: the first comments heading or footer line after which no
    paragraph of the article follows. Everything from there on is comments or footer."""
    end = len(lines)
    for number, line in enumerate(lines):
        if line.kind == COMMENTS:
            end = number
            break
    for number in range(end - 1, -1, -1):
        line = lines[number]
        if line.blank or line.kind in (FOOTER, NAVIGATION, BYLINE, PAGE_FURNITURE, CAPTION):
            continue
        if line.kind is None and (is_prose(line.text) or _short_sentence(line.text)):
            break
        if line.kind is None:
            continue  # a short line after the last paragraph: signature, place, date
        break
    else:
        return end
    last_prose = number
    for line in lines[end:]:
        if not line.blank:
            line.kind = COMMENTS if line.kind != FOOTER else FOOTER
    for line in lines[last_prose + 1 : end]:
        if not line.blank and line.kind is None:
            line.kind = FOOTER
    return end


def _footer_date(lines: list[_Line], text: str) -> DatePoint | None:
    for line in lines:
        if line.kind == FOOTER:
            point = _full_date(text, line.start, line.end)
            if point is not None:
                return point
    return None


def _soft_breaks(text: str) -> tuple[int, ...]:
    """Line breaks inside a paragraph of hard-wrapped text (a PDF's lines), which the reading
    text turns into spaces.

    Text is hard-wrapped when most of its lines of prose end near one width (no wider than a
    page). A break is soft when the line before it reaches most of that width and neither
    line is a label, header or page furniture of its own: a paragraph that was cut, not a new
    one. A full stop at the line end does not stop the join when the text separates its
    paragraphs with blank lines."""
    lines = [line for line in _split_lines(text) if not line.blank]
    plain = [line for line in lines if _classify_line(line) is None]
    lengths = sorted(len(line.text.rstrip()) for line in plain)
    if len(lengths) < 4:
        return ()
    width = lengths[int(len(lengths) * 0.8)]
    if width > 110 or width < 40:
        return ()
    if sum(1 for length in lengths if length >= width * 0.75) * 2 < len(lengths):
        return ()
    blank_separated = text.count("\n\n") >= 2
    breaks = []
    for line in _split_lines(text)[:-1]:
        stripped = line.text.rstrip()
        broken_word = len(stripped) > 1 and stripped[-1] == "-" and stripped[-2].isalpha()
        if (
            not stripped
            or stripped.endswith(":")
            or (not broken_word and not blank_separated and len(stripped) < width * 0.6)
        ):
            continue
        if len(stripped) > width + 10:
            continue
        following_end = text.find("\n", line.end + 1)
        following = _Line(line.end + 1, len(text) if following_end < 0 else following_end, "")
        following.text = text[following.start : following.end]
        if following.blank or _classify_line(line) or _classify_line(following):
            continue
        if _is_caps(stripped) or _is_caps(following.text):
            continue  # a letterhead's lines in capitals are lines of their own
        if _SENTENCE_END.search(stripped) and not blank_separated:
            continue
        breaks.append(line.end)
    return tuple(breaks)


# Read inside a word, never shown: the reading text puts it where a word was broken across
# two lines of a PDF ("main-" / "tenance", "Farahani-" / "Zand"), so the tokenizer reads one
# word while every offset stays the source's.
WORD_JOINER = "\u00ad"


def reading_text(text: str, soft_breaks: tuple[int, ...]) -> str:
    """The text with soft line breaks read as spaces, and a word broken at a line end read as
    one word: same length, so every offset into it is an offset into the original.

    "main-\ntenance" reads "main" + two joiners + "tenance" (a hyphen that only broke the
    word goes too); "Farahani-\nZand" keeps its hyphen and joins with one."""
    if not soft_breaks:
        return text
    characters = list(text)
    for position in soft_breaks:
        if position and text[position - 1] == "-" and position + 1 < len(text):
            if text[position + 1].islower() and position > 1 and text[position - 2].isalpha():
                characters[position - 1] = WORD_JOINER
            characters[position] = WORD_JOINER
        else:
            characters[position] = " "
    return "".join(characters)


def plain(text: str) -> str:
    """A passage of the reading text as it should be shown: without word joiners."""
    return text.replace(WORD_JOINER, "") if WORD_JOINER in text else text


_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])-\s*\n\s*(?=[a-z])|\s*\n\s*")


def unwrap(passage: str) -> str:
    """A passage as one line: a word broken by a hyphen at a line end is joined ("main-
    tenance"), any other line break is a space."""
    return _BROKEN_WORD.sub(lambda m: "" if m.group().startswith("-") else " ", passage)


def reference_date_of(layout: Layout) -> date | None:
    point = layout.reference
    return point.value if point is not None and point.precision == "day" else None


# A paragraph a later edition of the story added: "UPDATE, 15:40 GMT: …", "Update 2: …".
_UPDATE_PARAGRAPH = re.compile(r"^\s*(?:UPDATE[SD]?|Update)\b[^:\n]{0,30}:", re.MULTILINE)
_UPDATED_DATE = re.compile(
    r"\b(?:Updated|UPDATED|Last updated)\s*(?:on|:|\|)?\s*(?P<rest>[^\n|]{6,40})"
)


# The header of a block of a live page: "Update 2 (11 June, 13:10)", "Original post (10 June)".
_BLOCK_HEADER = re.compile(
    r"^[ \t]*(?:UPDATE[SD]?|Update|Original post|Earlier|Posted)\b[^\n]{0,60}$", re.MULTILINE
)
LIVE_BLOCK_REACH = 4000  # how far back a block's header may stand
LINE_REACH = 300  # how far back the start of a sentence's line is looked for


def line_start(text: str, position: int) -> int:
    """Where the line of `position` starts, looked for only LINE_REACH characters back (a
    text without line breaks must not make every sentence scan to its beginning): a line
    longer than that starts, for this purpose, at the position itself."""
    found = text.rfind("\n", max(0, position - LINE_REACH), position)
    if found >= 0:
        return found + 1
    return 0 if position <= LINE_REACH else position


@lru_cache(maxsize=8)
def _block_days(text: str, reference: date) -> tuple[tuple[int, ...], tuple[date | None, ...]]:
    """Where each live-page block header ends and the day it gives (None for none), found
    once per text (Python keeps a string's hash, so the cache lookup is cheap)."""
    ends, days = [], []
    for header in _BLOCK_HEADER.finditer(text):
        day = None
        for mention in find_dates(text, header.start(), header.end(), published=reference):
            if mention.start.value is not None and mention.start.precision == "day":
                day = mention.start.value
                break
        ends.append(header.end())
        days.append(day)
    return tuple(ends), tuple(days)


def reference_at(document: Document, position: int) -> date | None:
    """The day a relative date at `position` counts from: the story's reference day; in a
    block of a live page, the day its header gives ("Update 1 (11 June, 09:20)" … "this
    morning"); in a paragraph an update added ("UPDATE, 15:40 GMT: … met … on Wednesday"),
    the day of the update that the story's header gives ("Updated: 15 October 2025")."""
    text = document.text
    start = line_start(text, position)
    if document.reference_date is not None:
        ends, days = _block_days(text, document.reference_date)
        index = bisect.bisect_right(ends, start) - 1
        if index >= 0 and start - ends[index] <= LIVE_BLOCK_REACH and days[index]:
            return days[index]
    if not _UPDATE_PARAGRAPH.match(text, start, start + 60):
        return document.reference_date
    head = text[: min(len(text), 3000)]
    for match in _UPDATED_DATE.finditer(head):
        point = parse_date(match.group("rest"))
        if point is not None and point.precision == "day" and point.value is not None:
            return point.value
    return document.reference_date
