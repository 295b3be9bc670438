"""Read a saved web page: the article's text and metadata, as a text file would give them.

Why here: a saved news page is mostly not the article (navigation, cookie banners, share
buttons, related links, reader comments, scripts). trafilatura finds the article and its
metadata (title, site name, canonical URL, and the publication date through htmldate). The
result is written as the text with front matter lines on top, so the front-matter parser in
document.py stays the one path for metadata and every later stage reads HTML and text alike.

Pure Python, no Django. Nothing here touches the network: trafilatura is only given the
page's markup, never a URL to fetch. The work is bounded: the size limit is checked before
this runs, a page with too many elements is refused before extraction, and htmldate looks only
at the markup (meta tags, JSON-LD, <time>, the URL), not at every date written in the text.
trafilatura (~130 ms to import, with lxml and htmldate) is imported on the first page only,
so reading text files never pays for it.
"""

from __future__ import annotations

import codecs
import re
from configparser import ConfigParser
from functools import cache
from types import ModuleType

from .types import IngestError

HTML_SUFFIXES = (".html", ".htm")
# More elements than a news page holds by far (a long article with its comments and menus is
# a few thousand, not counting inline SVG icons, which are dropped first). trafilatura's work
# grows faster than the element count: at this limit a page takes a few seconds at most, and
# a page over it is refused instead of run through every heuristic.
MAX_ELEMENTS = 30_000
# Less text than the shortest news brief (one sentence naming two officials): what is left of
# a page whose article is missing (a menu, a "Loading…" shell that needs JavaScript).
MIN_TEXT_CHARS = 80
# The encoding declaration is looked for in the first bytes, as browsers do (they read 1024;
# saved pages often put scripts and styles before the <meta>).
_SNIFF_BYTES = 8192

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTML_START = re.compile(rb"\s*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*(?P<charset>[A-Za-z0-9._:-]+)", re.IGNORECASE
)
_XML_ENCODING = re.compile(
    rb"^\s*<\?xml\b[^>]*?\bencoding\s*=\s*[\"'](?P<charset>[A-Za-z0-9._:-]+)", re.IGNORECASE
)
# What the HTML standard decodes as windows-1252 whatever the page declares.
_AS_WINDOWS_1252 = {"ascii", "us-ascii", "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1"}
_SPACE = re.compile(r"\s+")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANK_LINES = re.compile(r"\n{3,}")


def is_html(data: bytes, *, file_name: str) -> bool:
    """Whether a file is a web page: named .html/.htm, or starting like one."""
    if file_name.lower().endswith(HTML_SUFFIXES):
        return True
    return _HTML_START.match(data[:1024].removeprefix(codecs.BOM_UTF8)) is not None


def html_to_text(data: bytes, *, file_name: str) -> str:
    """The article in a web page as text, with front matter lines for the metadata found.

    Raises IngestError (naming the file) for a page that cannot be decoded or that holds no
    article text."""
    markup = _decode(data, file_name)
    trafilatura = _trafilatura()
    tree = trafilatura.utils.load_html(markup)
    if tree is None:
        raise IngestError(f"{file_name}: this web page cannot be read (its markup is broken).")
    for drawing in list(tree.iter("svg", "math")):
        if drawing.getparent() is not None:
            drawing.drop_tree()  # trafilatura drops them anyway; icons can be thousands
    elements = sum(1 for _ in tree.iter())
    if elements > MAX_ELEMENTS:
        raise IngestError(
            f"{file_name}: this web page has {elements:,} elements, over the limit of "
            f"{MAX_ELEMENTS:,}; save the article alone (or as text) and try again."
        )
    found = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_links=False,
        include_images=False,
        include_formatting=False,
        config=_config(),
    )
    text = _clean_text(found.text if found is not None else "")
    if not any(ch.isalpha() for ch in text):
        raise IngestError(
            f"{file_name}: no article text was found in this web page (it may hold only "
            "navigation, or show its text with JavaScript). Save the article as text instead."
        )
    front = [
        f"{key}: {value}"
        for key, value in (
            ("title", _one_line(found.title)),
            ("outlet", _one_line(found.sitename)),
            ("url", _one_line(found.url)),
            ("published", _one_line(found.date)),
        )
        if value
    ]
    return "\n".join(front) + "\n\n" + text if front else text


def _decode(data: bytes, file_name: str) -> str:
    """Decode by the byte order mark or the page's declared charset, else as UTF-8."""
    if not data.strip():
        raise IngestError(f"{file_name}: the file is empty.")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, encoding, file_name, declared=encoding)
    if b"\x00" in data[:4096]:
        raise IngestError(
            f"{file_name}: this is a binary file (it contains NUL bytes), not a web page."
        )
    declared = _declared_charset(data[:_SNIFF_BYTES])
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # a wrong declaration: UTF-8 may still be right
    return _decode_as(data, "utf-8", file_name, declared=declared)


def _decode_as(data: bytes, encoding: str, file_name: str, *, declared: str | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        said = f"declares {declared} but is" if declared and declared != encoding else "is"
        raise IngestError(
            f"{file_name}: this web page {said} not valid {encoding} text (invalid byte "
            f"0x{data[error.start]:02x} at offset {error.start}). Save it again with its "
            "charset declared (<meta charset=...>) or as UTF-8."
        ) from None


def _declared_charset(head: bytes) -> str | None:
    """The codec named by <?xml encoding=?> or <meta charset>, when Python knows it."""
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not match:
        return None
    name = match.group("charset").decode("ascii").lower()
    if name in _AS_WINDOWS_1252:
        name = "cp1252"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # A page read as bytes cannot be UTF-16 without a BOM: the declaration is wrong (HTML).
    return "utf-8" if codec.startswith("utf-16") else codec


def _clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = _TRAILING_SPACE.sub("", text)
    return _BLANK_LINES.sub("\n\n", text).strip("\n")


def _one_line(value: str | None) -> str:
    return _SPACE.sub(" ", value or "").strip()


@cache
def _trafilatura() -> ModuleType:
    """trafilatura, imported on the first web page (see the module docstring)."""
    import trafilatura
    import trafilatura.utils

    return trafilatura


@cache
def _config() -> ConfigParser:
    """trafilatura's settings, bounded: extraction only, dates from the markup only."""
    config = _trafilatura().settings.use_config()
    defaults = config["DEFAULT"]
    # The input is already within the import's size limit; the output tree is capped too.
    defaults["MAX_TREE_SIZE"] = str(MAX_ELEMENTS)
    defaults["MIN_OUTPUT_SIZE"] = str(MIN_TEXT_CHARS)
    # A date written in the article (often the meeting's) is not the publication date.
    defaults["EXTENSIVE_DATE_SEARCH"] = "off"
    return config
