"""Reading: decoding errors, front matter, and what is not the article."""

from __future__ import annotations

from datetime import date

import pytest

from archive.ingest.document import read_bytes, read_text
from archive.ingest.types import IngestError


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"abc\x00def", "binary"),
        ("Caf\u00e9".encode("latin-1") + b" talks", "offset 3"),
        (b"x" * 101, "over the limit"),
    ],
)
def test_unreadable_files_say_why(data, message):
    with pytest.raises(IngestError) as error:
        read_bytes(data, file_name="a.txt", max_bytes=100)
    assert message in error.value.message
    assert "a.txt" in error.value.message


def test_bom_and_crlf_are_normalised():
    document = read_bytes("\ufeffLine one.\r\nLine two.".encode(), file_name="a.txt")
    assert document.text == "Line one.\nLine two."


def test_front_matter_is_metadata_not_text():
    document = read_text(
        "title: Ministers meet\noutlet: Example Daily\nurl: https://example.org/a\n"
        "published: 2025-10-22\n\nThe ministers met.",
        file_name="a.txt",
    )
    assert document.text == "The ministers met."
    assert (document.title, document.outlet, document.url) == (
        "Ministers meet",
        "Example Daily",
        "https://example.org/a",
    )
    assert document.published == date(2025, 10, 22)


def test_front_matter_between_dashes():
    document = read_text("---\ntitle: T\n---\nBody text.", file_name="a.txt")
    assert document.text == "Body text." and document.title == "T"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Article text.\n3 Comments\nJohn Doe\nGreat piece!", "Article text."),
        ("Article text.\nComments (12)\nJane: no", "Article text."),
        ("Article text.\nJane Roe - Jane Roe", "Article text."),
        (
            "Article text. SM/PA All Content by Example Agency is licensed under CC.",
            "Article text.",
        ),
    ],
)
def test_body_ends_before_comments_bylines_and_licences(text, body):
    document = read_text(text, file_name="a.txt")
    assert document.body == body


def test_reader_comments_never_become_statements_or_people(run):
    extraction = run(
        "Defense Minister Ali Nasser met his Omani counterpart in Muscat.\n"
        "2 Comments\nKyle Smith\n“This pact is crucial for all of us,” he said.\n"
    )
    assert [p.name for p in extraction.people] == ["Ali Nasser"]
    assert extraction.statements == ()


def test_inline_byline_and_navigation_are_excluded():
    document = read_text("Home World Politics\nby ExamplePress\nThe text.", file_name="a.txt")
    reasons = sorted(r.reason for r in document.rejected)
    assert reasons == ["byline", "navigation"]
    assert len(document.excluded) == 2


def test_an_article_without_front_matter_is_titled_by_its_headline_or_opening():
    headlined = read_text(
        "Tehran Calls for Full Security Pact Implementation\n\nTEHRAN – Iran's defence minister "
        "met his Iraqi counterpart on Sunday.\n",
        file_name="a.txt",
    )
    assert headlined.title == "Tehran Calls for Full Security Pact Implementation"
    opening = read_text(
        "On October 18, 2025, a notable meeting unfolded in Tehran at the Islamic Center of "
        "Imam Khomeini, drawing together high-ranking military and academic officials from "
        "the region. The event marked an important chapter.\n",
        file_name="b.txt",
    )
    assert opening.title.startswith("On October 18, 2025, a notable meeting unfolded in Tehran")
    assert opening.title.endswith("…") and len(opening.title) <= 121
    assert read_text("title: Given\n\nText of it.\n", file_name="c.txt").title == "Given"
