"""Saved web pages: the article and its metadata out of the page, and nothing else.

Pure: no database. The pages in tests/gold/html/ were written for these tests (see the README
there); every test here runs with the network shut, since reading a page must never fetch.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from archive.ingest import html
from archive.ingest.document import read_bytes, read_text
from archive.ingest.html import html_to_text, is_html
from archive.ingest.types import IngestError

PAGES = Path(__file__).resolve().parents[1] / "gold" / "html"

# Boilerplate every page has in some form: none of it may reach the text.
NEVER = (
    "cookie",
    "Cookie",
    "Subscribe",
    "Privacy",
    "Share on",
    "gtag",
    "function",
    "window.",
    "{",
    "Comments",
    "Most read",
    "Related",
    "All rights reserved",
)


@dataclass(frozen=True)
class Page:
    file: str
    title: str
    outlet: str
    url: str
    published: date | None
    paragraph: str  # a whole paragraph of the article, as one line of the text
    quote: str
    absent: tuple[str, ...]  # navigation, related links and reader comments of this page


GOLD = [
    Page(
        "meridian_post_greece_italy.html",
        "Greece and Italy pledge joint coast guard effort",
        "The Meridian Post",
        "https://meridianpost.example/world/2025/06/greece-italy-coast-guard",
        date(2025, 6, 5),
        "ATHENS – Greek Foreign Minister Nikos Andreou met Italian Foreign Minister Paolo "
        "Ferrante in Athens on 4 June 2025 to discuss migration in the Mediterranean and energy "
        "links between the two countries.",
        "Our two nations share one sea and one future,",
        (
            "Politics",
            "Arrivals on Crete",
            "Malta ferry strike",
            "historic day",
            "Show us the boats",
        ),
    ),
    Page(
        "diario_iberico_spain_portugal.html",
        "Iberian defence ministers meet at São Julião da Barra",
        "Diário Ibérico",
        "https://diarioiberico.example/en/defesa/carrasco-valente-patrulhas.html",
        date(2025, 2, 18),
        "LISBON – Spanish Defence Minister Inés Carrasco met Portuguese Defence Minister João "
        "Valente in Lisbon on 17 February 2025, where the two agreed to run joint air patrols "
        "over the peninsula.",
        "The Iberian peninsula must be defended as one,",
        ("Front page", "Economy", "Partilhar", "second frigate", "common sense", "Guadiana"),
    ),
    Page(
        "pacific_ledger_japan_australia.html",
        "Japan, Australia tighten defence ties in Tokyo talks",
        "Pacific Ledger",
        "https://pacificledger.example/news/asia/japan-australia-defence-talks-harada-whitlow",
        date(2025, 9, 9),
        "TOKYO – Japanese Defense Minister Kenji Harada met Australian Defence Minister Thomas "
        "Whitlow in Tokyo on Monday, September 8, 2025, to deepen cooperation on submarines and "
        "long-range missiles.",
        "Japan and Australia are special strategic partners, and today we made that partnership "
        "stronger,",
        ("Newsletters", "ASX 200", "Fiji unveils", "AUKUS review", "heard that one before"),
    ),
    Page(
        "levant_observer_egypt_jordan.html",
        "Egypt and Jordan coordinate on regional security",
        "The Levant Observer",
        "https://levantobserver.example/politics/egypt-jordan-amman-talks/",
        None,  # no date anywhere on the page
        "AMMAN – Egyptian Foreign Minister Karim Mansour met Jordanian Foreign Minister Omar "
        "Haddad in Amman on Tuesday to coordinate their positions on regional security and "
        "humanitarian aid.",
        "Egypt and Jordan stand shoulder to shoulder in defending the stability of the region,",
        ("Menu", "Aqaba port", "Previous:", "border crossings", "Petra visitor", "WordPress"),
    ),
    Page(
        "baltic_gazette_lithuania_poland.html",
        "Vilnius and Warsaw vow to guard the Suwałki corridor together",
        "Baltic Evening Gazette",
        "https://gazette.example/lt/politics/vilnius-warsaw-suwalki-corridor",
        date(2024, 11, 22),
        "VILNIUS – Lithuanian Foreign Minister Darius Kalnietis met Polish Foreign Minister "
        "Tomasz Wrona in Vilnius on 21 November 2024 to discuss the defence of the Suwałki "
        "corridor.",
        "Poland and Lithuania will defend every metre of this border together,",
        ("Weather", "Lietuviškai", "E-mail to a friend", "Rail Baltica", "Now build the railway"),
    ),
]


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any attempt to open a connection or resolve a name fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"reading a web page tried to use the network: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def page_bytes(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def test_every_gold_page_is_listed():
    assert sorted(p.name for p in PAGES.glob("*.htm*")) == sorted(page.file for page in GOLD)


@pytest.mark.parametrize("page", GOLD, ids=lambda page: page.file)
def test_article_text_and_metadata(page):
    text = html_to_text(page_bytes(page.file), file_name=page.file)
    front = [f"title: {page.title}", f"outlet: {page.outlet}", f"url: {page.url}"]
    if page.published:
        front.append(f"published: {page.published.isoformat()}")
    assert text.split("\n\n", 1)[0].split("\n") == front
    lines = text.split("\n")
    assert page.paragraph in lines, "each paragraph of the page is one line"
    assert f"“{page.quote}”" in text or f'"{page.quote}"' in text
    for unwanted in (*NEVER, *page.absent):
        assert unwanted not in text.split("\n\n", 1)[1], unwanted


@pytest.mark.parametrize("page", GOLD, ids=lambda page: page.file)
def test_read_bytes_gives_the_metadata_to_the_document(page):
    document = read_bytes(page_bytes(page.file), file_name=page.file)
    assert (document.title, document.outlet, document.url) == (page.title, page.outlet, page.url)
    assert document.published == page.published
    assert document.file_name == page.file
    assert page.paragraph in document.body
    assert not document.text.startswith(("title:", "outlet:", "url:", "published:"))


def test_page_with_no_date_has_no_published_line():
    text = html_to_text(page_bytes("levant_observer_egypt_jordan.html"), file_name="x.html")
    assert "published:" not in text
    assert "Tuesday" in text  # the article's own day is text, not a publication date


def test_windows_1252_page_is_decoded_by_its_declared_charset():
    data = page_bytes("diario_iberico_spain_portugal.html")
    assert b"charset=windows-1252" in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = html_to_text(data, file_name="page.html")
    assert "Inés Carrasco" in text
    assert "João Valente" in text
    assert "Cáceres" in text
    assert "this year’s summit" in text
    assert "Ã" not in text and "\ufffd" not in text


PARAGRAPH = (
    "<p>BERLIN – German Foreign Minister Anna Vogel met Dutch Foreign Minister Pieter de Wit in "
    "Berlin, where the two spoke at length about trade, energy and the defence of Europe.</p>"
)


def page(body: str = PARAGRAPH, head: str = "<title>Talks</title>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body><article>{body}</article></body></html>"


def test_undeclared_charset_falls_back_to_utf8():
    data = page(PARAGRAPH.replace("Pieter", "Piëter")).encode("utf-8")
    assert "Piëter de Wit" in html_to_text(data, file_name="p.html")


def test_unknown_declared_charset_falls_back_to_utf8():
    data = page(PARAGRAPH.replace("Pieter", "Piëter"), '<meta charset="x-nonsense">').encode()
    assert "Piëter de Wit" in html_to_text(data, file_name="p.html")


def test_latin1_declaration_is_read_as_windows_1252():
    body = PARAGRAPH.replace("trade", "“trade”")
    data = page(body, '<meta charset="iso-8859-1">').encode("cp1252")
    assert "“trade”" in html_to_text(data, file_name="p.html")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\t ", "the file is empty"),
        (b"<html>\x00\x01\x02\x03</html>", "binary"),
        (page().encode("cp1252") + "é".encode("cp1252"), "not valid utf-8"),
        (page(head='<meta charset="utf-8">').encode() + b"\xe9", "not valid utf-8"),
        (
            b"<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            b"<footer>Contact</footer></body></html>",
            "no article text",
        ),
        (b"<html><head><title>Loading</title><script>app()</script></head>", "no article text"),
        (page("<div>" + "<span>x</span>" * 40_000 + "</div>").encode(), "over the limit"),
    ],
    ids=["empty", "blank", "binary", "undeclared", "wrongly declared", "menu", "js", "huge"],
)
def test_unreadable_pages_say_why_and_name_the_file(data, message):
    with pytest.raises(IngestError) as error:
        html_to_text(data, file_name="broken.html")
    assert error.value.message.startswith("broken.html: ")
    assert message in error.value.message.lower()


def test_inline_svg_icons_do_not_count_against_the_element_limit():
    icons = "<svg><g><path d='M0 0'/><path d='M1 1'/></g></svg>" * (html.MAX_ELEMENTS // 2)
    assert "Anna Vogel" in html_to_text(page(PARAGRAPH + icons).encode(), file_name="p.html")


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.html", b"plain words", True),
        ("A.HTM", b"plain words", True),
        ("a.txt", b"<!DOCTYPE html><html><body></body></html>", True),
        ("a.txt", b"\xef\xbb\xbf \n <!doctype HTML>\n<html>", True),
        ("-", b"<html lang='en'><body>", True),
        ("a.txt", b"<htmlish> is not a tag", False),
        ("a.txt", b"title: Talks\n\n<html> in a sentence", False),
        ("a.txt", b"The ministers met.", False),
        ("a.html.txt", b"The ministers met.", False),
    ],
)
def test_what_counts_as_a_web_page(name, data, expected):
    assert is_html(data, file_name=name) is expected


def test_read_bytes_sniffs_a_page_whatever_its_name():
    document = read_bytes(page().encode(), file_name="<stdin>")
    assert document.title == "Talks"
    assert document.text.startswith("BERLIN – German Foreign Minister Anna Vogel")


def test_read_bytes_checks_the_size_before_reading_the_page(monkeypatch):
    monkeypatch.setattr(html, "_trafilatura", lambda: pytest.fail("the page was read"))
    with pytest.raises(IngestError, match="over the limit"):
        read_bytes(page().encode(), file_name="big.html", max_bytes=100)


def test_front_matter_written_for_a_page_is_what_read_text_parses():
    text = html_to_text(page_bytes("pacific_ledger_japan_australia.html"), file_name="p.html")
    assert read_text(text, file_name="p.html") == read_bytes(
        page_bytes("pacific_ledger_japan_australia.html"), file_name="p.html"
    )
