"""Zones: what every line of an article is, the reference date and where it was read, and
hard-wrapped text read with its soft line breaks as spaces (same offsets as the source).

The texts are short articles written for these tests in the styles of many outlets and
countries: wire stories, ministry press releases, live blogs, PDFs, web pages with their
navigation, captions and comments. Each case says what an editor reading the page would call
the line."""

from __future__ import annotations

import datetime

import pytest

from archive.ingest.document import read_text
from archive.ingest.pipeline import extract


def kind_of(text: str, line: str) -> str | None:
    """The kind of the zone holding the first character of `line` (its first occurrence in
    the text as imported, front matter removed)."""
    document = read_text(text, file_name="zones.txt")
    position = document.source_text.index(line)
    for zone in document.zones:
        if zone.span.contains(position):
            return zone.kind
    return None


# Paragraphs of prose to put the lines under test around.
PL = (
    "Polish Defence Minister Jan Nowak met Lithuanian Defence Minister Arvydas Kalnius in "
    "Warsaw on Monday to discuss air defence on the eastern flank."
)
PL2 = (
    "The two ministers agreed to hold joint exercises in the autumn and to share radar data, "
    "according to officials familiar with the talks."
)
KE = (
    "Kenyan Foreign Minister Alfred Mutai held talks with Ethiopian Foreign Minister Dawit "
    "Bekele on the sharing of the Nile waters and on trade across the border."
)
KR = (
    "South Korean Defence Minister Kim Min-ho met Japanese Defence Minister Gen Nakatani in "
    "Seoul on Tuesday for the first talks between the two ministers in three years."
)
AU = (
    "Australian Foreign Minister Penny Wong and her Indonesian counterpart Sugiono discussed "
    "maritime security and fisheries at a meeting in Canberra on Monday."
)
IN = (
    "Indian External Affairs Minister S. Jaishankar received the visiting Japanese Foreign "
    "Minister in New Delhi and discussed the security of sea lanes in the Indo-Pacific."
)
DE = (
    "German Chancellor Friedrich Merz welcomed French President Emmanuel Macron in Berlin "
    "for talks on European defence spending and on support for Ukraine."
)

ZONE_CASES = [
    # Headlines: the title above the first paragraph.
    pytest.param(
        f"Poland and Lithuania agree to pool air defence\n\n{PL}\n\n{PL2}\n",
        "Poland and Lithuania agree",
        "headline",
        id="headline-plain",
    ),
    pytest.param(
        f"Kenya, Ethiopia hold talks on Nile waters\nBy Wanjiru Kamau\n\n{KE}\n",
        "Kenya, Ethiopia hold talks",
        "headline",
        id="headline-over-byline",
    ),
    pytest.param(
        f"Analysis: Why Seoul and Tokyo are talking again\n\n{KR}\n\n{PL2}\n",
        "Analysis: Why Seoul",
        "headline",
        id="headline-with-colon",
    ),
    # Letterheads: the issuing body in capitals at the top of a release.
    pytest.param(
        f"MINISTRY OF FOREIGN AFFAIRS OF ESTONIA\nPRESS RELEASE\n\n{PL}\n",
        "MINISTRY OF FOREIGN AFFAIRS",
        "letterhead",
        id="letterhead-ministry",
    ),
    pytest.param(
        f"GOVERNMENT OF INDIA\nMINISTRY OF EXTERNAL AFFAIRS\n\n{IN}\n",
        "GOVERNMENT OF INDIA",
        "letterhead",
        id="letterhead-government",
    ),
    pytest.param(
        f"EMBASSY OF JAPAN IN AUSTRALIA\nMedia Release\n\n{AU}\n",
        "EMBASSY OF JAPAN",
        "letterhead",
        id="letterhead-embassy",
    ),
    # Release headers.
    pytest.param(
        f"MINISTRY OF FOREIGN AFFAIRS OF ESTONIA\nPRESS RELEASE\n\n{PL}\n",
        "PRESS RELEASE",
        "release_header",
        id="release-press-release",
    ),
    pytest.param(
        f"MINISTRY OF DEFENCE\nRelease No. 045/2025\n\n{PL}\n\n{PL2}\n",
        "Release No. 045/2025",
        "release_header",
        id="release-number",
    ),
    pytest.param(
        f"FOR IMMEDIATE RELEASE\n\n{KE}\n",
        "FOR IMMEDIATE RELEASE",
        "release_header",
        id="release-immediate",
    ),
    pytest.param(
        f"EMBASSY OF JAPAN IN AUSTRALIA\nMedia Release\nCanberra, 12 May 2025\n\n{AU}\n",
        "Canberra, 12 May 2025",
        "release_header",
        id="release-city-date-line",
    ),
    pytest.param(
        f"EMBASSY OF JAPAN IN AUSTRALIA\nMedia Release\n\n{AU}\n",
        "Media Release",
        "release_header",
        id="release-media-release",
    ),
    pytest.param(
        f"MINISTRY OF FOREIGN AFFAIRS\nNo. 112/25\n\n{KE}\n",
        "No. 112/25",
        "release_header",
        id="release-bare-number",
    ),
    # Publication lines.
    pytest.param(
        f"Poland and Lithuania agree to pool air defence\nPublished: 12 May 2025\n\n{PL}\n",
        "Published: 12 May 2025",
        "publication",
        id="publication-published",
    ),
    pytest.param(
        f"Kenya and Ethiopia talk water\nDate: 2025-05-12\n\n{KE}\n",
        "Date: 2025-05-12",
        "publication",
        id="publication-date-iso",
    ),
    pytest.param(
        f"Seoul and Tokyo resume defence talks\nUpdated: 13 May 2025, 09:14 KST\n\n{KR}\n",
        "Updated: 13 May 2025",
        "publication",
        id="publication-updated",
    ),
    pytest.param(
        f"Seoul and Tokyo resume defence talks\nPublished: 12 May 2025\n"
        f"Last updated: 13 May 2025\n\n{KR}\n",
        "Last updated: 13 May 2025",
        "publication",
        id="publication-last-updated",
    ),
    pytest.param(
        f"Wong in Jakarta\nPosted on May 12, 2025\n\n{AU}\n",
        "Posted on May 12, 2025",
        "publication",
        id="publication-posted-on",
    ),
    pytest.param(
        f"Merz and Macron meet in Berlin\nFirst published on Mon 12 May 2025 10.02 BST\n\n{DE}\n",
        "First published on",
        "publication",
        id="publication-first-published",
    ),
    # Datelines, in the forms wire services and newspapers use.
    pytest.param(
        f"WARSAW – {PL}\n\n{PL2}\n",
        "WARSAW",
        "dateline",
        id="dateline-caps-dash",
    ),
    pytest.param(
        f"WARSAW – {PL}\n\n{PL2}\n",
        "Polish Defence Minister",
        "body",
        id="dateline-rest-is-body",
    ),
    pytest.param(
        "ANKARA, March 3 (Anatolian Post) – Turkish Foreign Minister Kemal Aydin met Greek "
        "Foreign Minister Nikos Pappas in Ankara on Monday to discuss maritime borders.\n",
        "ANKARA",
        "dateline",
        id="dateline-date-agency",
    ),
    pytest.param(
        f"Nairobi | {KE}\n\n{PL2}\n",
        "Nairobi",
        "dateline",
        id="dateline-city-pipe",
    ),
    pytest.param(
        f"SEOUL: {KR}\n\n{PL2}\n",
        "SEOUL",
        "dateline",
        id="dateline-caps-colon",
    ),
    pytest.param(
        f"BERLIN, 12 May 2025 — {DE}\n\n{PL2}\n",
        "BERLIN",
        "dateline",
        id="dateline-full-date-em-dash",
    ),
    pytest.param(
        f"NEW DELHI -- {IN}\n\n{PL2}\n",
        "NEW DELHI",
        "dateline",
        id="dateline-two-words-double-hyphen",
    ),
    pytest.param(
        f"Ministers Nowak and Kalnius in Vilnius. (Photo: Reuters)\n\nVILNIUS – {PL}\n\n{PL2}\n",
        "VILNIUS",
        "dateline",
        id="dateline-after-caption",
    ),
    pytest.param(
        f"Merz and Macron meet in Berlin\nBerlin, 12 May 2025\n\n{DE}\n",
        "Berlin, 12 May 2025",
        "dateline",
        id="dateline-own-line",
    ),
    # Timestamps: a date (and time) line that is not keyed.
    pytest.param(
        f"Seoul and Tokyo resume defence talks\n12 May 2025, 14:32\n\n{KR}\n",
        "12 May 2025, 14:32",
        "timestamp",
        id="timestamp-day-month-year-time",
    ),
    pytest.param(
        f"Seoul and Tokyo resume defence talks\nMonday, May 12, 2025\n\n{KR}\n",
        "Monday, May 12, 2025",
        "timestamp",
        id="timestamp-us-weekday",
    ),
    pytest.param(
        f"Merz and Macron meet in Berlin\nMon 12 May 2025 10.02 BST\n\n{DE}\n",
        "Mon 12 May 2025",
        "timestamp",
        id="timestamp-guardian-style",
    ),
    # Bylines.
    pytest.param(
        f"Poland and Lithuania agree to pool air defence\nBy Anna Kowalska\n\n{PL}\n",
        "By Anna Kowalska",
        "byline",
        id="byline-by",
    ),
    pytest.param(
        f"Seoul and Tokyo resume defence talks\nBy JOHN SMITH and MARIA GARCIA\n\n{KR}\n",
        "By JOHN SMITH",
        "byline",
        id="byline-two-names-caps",
    ),
    pytest.param(
        f"{PL}\n\n{PL2}\n\n(Reporting by Tom Balmforth; Editing by Alex Richardson)\n",
        "(Reporting by Tom Balmforth",
        "byline",
        id="byline-reporting-credit",
    ),
    pytest.param(
        f"Kenya and Ethiopia talk water\nStaff Reporter\n\n{KE}\n",
        "Staff Reporter",
        "byline",
        id="byline-staff-reporter",
    ),
    pytest.param(
        f"Seoul and Tokyo resume defence talks\nFrom our Tokyo correspondent\n\n{KR}\n",
        "From our Tokyo correspondent",
        "byline",
        id="byline-correspondent",
    ),
    # Body paragraphs, including ones that open like something else.
    pytest.param(
        f"Poland and Lithuania agree to pool air defence\n\n{PL}\n\n{PL2}\n",
        "The two ministers agreed",
        "body",
        id="body-paragraph",
    ),
    pytest.param(
        f"{PL}\n\nBy the end of the talks, both ministers had agreed to meet again in Vilnius "
        "in September.\n",
        "By the end of the talks",
        "body",
        id="body-opens-with-by",
    ),
    # Subheads between paragraphs.
    pytest.param(
        f"{PL}\n\nAir defence on the agenda\n\n{PL2}\n",
        "Air defence on the agenda",
        "subhead",
        id="subhead-sentence-case",
    ),
    pytest.param(
        f"{KR}\n\nWHAT COMES NEXT\n\n{PL2}\n",
        "WHAT COMES NEXT",
        "subhead",
        id="subhead-caps",
    ),
    # Name: header above unquoted or quoted speech.
    pytest.param(
        "Chinese President Xi Jinping received Russian President Vladimir Putin in Beijing on "
        "Tuesday for talks on trade and energy.\n\nChinese President Xi Jinping:\n"
        "China and Russia are good neighbours and reliable partners.\n",
        "Chinese President Xi Jinping:",
        "quote_header",
        id="quote-header-title-name",
    ),
    pytest.param(
        f"{AU}\n\nForeign Minister Penny Wong:\n“Indonesia is one of our most important "
        "partners and we will keep working together.”\n",
        "Foreign Minister Penny Wong:",
        "quote_header",
        id="quote-header-over-quote",
    ),
    # Transcript speaker labels.
    pytest.param(
        f"{KR}\n\nMINISTER KIM: We have agreed to expand our joint drills next year.\n"
        "Q: When will the drills begin?\n",
        "MINISTER KIM:",
        "speaker_label",
        id="speaker-label-caps",
    ),
    pytest.param(
        f"{KR}\n\nMINISTER KIM: We have agreed to expand our joint drills next year.\n"
        "Q: When will the drills begin?\n",
        "We have agreed",
        "body",
        id="speaker-label-turn-is-body",
    ),
    pytest.param(
        f"{KR}\n\nMINISTER KIM: We have agreed to expand our joint drills next year.\n"
        "Q: When will the drills begin?\n",
        "Q:",
        "speaker_label",
        id="speaker-label-question",
    ),
    pytest.param(
        f"{AU}\n\nSECRETARY RUBIO: The United States welcomes the agreement.\n"
        "MINISTER WONG: Thank you, and we look forward to the next round.\n",
        "MINISTER WONG:",
        "speaker_label",
        id="speaker-label-second-speaker",
    ),
    # Entry times of a live blog.
    pytest.param(
        f"Live: Merz and Macron in Berlin\n\n{DE}\n\n14:32 GMT\n\n{PL2}\n",
        "14:32 GMT",
        "entry_time",
        id="entry-time-gmt",
    ),
    pytest.param(
        f"Live: Nowak and Kalnius in Warsaw\n\n{PL}\n\n09.15\n\n{PL2}\n",
        "09.15",
        "entry_time",
        id="entry-time-dotted",
    ),
    pytest.param(
        f"Live: Wong in Canberra\n\n{AU}\n\n3:45 p.m. AEST\n\n{PL2}\n",
        "3:45 p.m. AEST",
        "entry_time",
        id="entry-time-pm-zone",
    ),
    # Navigation: breadcrumbs, share and ad lines, tags, related links.
    pytest.param(
        f"Home » World » Europe\nPoland and Lithuania agree to pool air defence\n\n{PL}\n",
        "Home » World",
        "navigation",
        id="navigation-breadcrumb",
    ),
    pytest.param(
        f"{PL}\n\nShare this article\n\n{PL2}\n",
        "Share this article",
        "navigation",
        id="navigation-share",
    ),
    pytest.param(
        f"{PL}\n\nShare on Facebook | Twitter | WhatsApp\n\n{PL2}\n",
        "Share on Facebook",
        "navigation",
        id="navigation-share-buttons",
    ),
    pytest.param(
        f"{PL}\n\nADVERTISEMENT\n\n{PL2}\n",
        "ADVERTISEMENT",
        "navigation",
        id="navigation-advertisement",
    ),
    pytest.param(
        f"{PL}\n\n{PL2}\n\nTags: Poland, Lithuania, air defence\n",
        "Tags: Poland",
        "navigation",
        id="navigation-tags",
    ),
    pytest.param(
        f"{PL}\n\nRelated:\nPoland to buy more Patriot batteries\nLithuania hosts NATO "
        f"summit in Vilnius\n\n{PL2}\n",
        "Poland to buy more Patriot batteries",
        "navigation",
        id="navigation-related-list-item",
    ),
    pytest.param(
        f"{PL}\n\nRelated:\nPoland to buy more Patriot batteries\nLithuania hosts NATO "
        f"summit in Vilnius\n\n{PL2}\n",
        "Lithuania hosts NATO summit",
        "navigation",
        id="navigation-related-list-second-item",
    ),
    pytest.param(
        f"{IN}\n\nALSO READ | India, Japan hold 2+2 dialogue in Tokyo\n\n{PL2}\n",
        "ALSO READ",
        "navigation",
        id="navigation-also-read",
    ),
    pytest.param(
        f"{KE}\n\nRead more: Kenya and Ethiopia sign border trade deal\n\n{PL2}\n",
        "Read more:",
        "navigation",
        id="navigation-read-more",
    ),
    pytest.param(
        f"{KE}\n\n{PL2}\n\nFollow us on Telegram for the latest news\n",
        "Follow us on Telegram",
        "navigation",
        id="navigation-follow-us",
    ),
    # Captions.
    pytest.param(
        f"{PL}\n\nPhoto: Reuters/Kacper Pempel\n\n{PL2}\n",
        "Photo: Reuters",
        "caption",
        id="caption-photo-credit",
    ),
    pytest.param(
        f"{PL}\n\nMinisters Nowak and Kalnius shake hands in Warsaw. (Photo: MoD Poland)\n\n"
        f"{PL2}\n",
        "Ministers Nowak and Kalnius shake hands",
        "caption",
        id="caption-credit-in-brackets",
    ),
    pytest.param(
        f"{KR}\n\nPHOTO: The two ministers before the talks in Seoul\n\n{PL2}\n",
        "PHOTO: The two ministers",
        "caption",
        id="caption-caps-photo",
    ),
    pytest.param(
        f"{DE}\n\nMerz and Macron at the Chancellery in Berlin on Monday. / Reuters\n\n{PL2}\n",
        "Merz and Macron at the Chancellery",
        "caption",
        id="caption-slash-agency",
    ),
    pytest.param(
        f"{KE}\n\nFile photo: The Grand Ethiopian Renaissance Dam on the Blue Nile\n\n{PL2}\n",
        "File photo:",
        "caption",
        id="caption-file-photo",
    ),
    # Reader comments.
    pytest.param(
        f"{PL}\n\n{PL2}\n\n12 Comments\n\nJohn from Ohio: This is great news for the region.\n",
        "12 Comments",
        "comments",
        id="comments-count",
    ),
    pytest.param(
        f"{PL}\n\n{PL2}\n\n12 Comments\n\nJohn from Ohio: This is great news for the region.\n",
        "John from Ohio",
        "comments",
        id="comments-a-comment",
    ),
    pytest.param(
        f"{KE}\n\n{PL2}\n\nLeave a comment\n",
        "Leave a comment",
        "comments",
        id="comments-leave-a-comment",
    ),
    pytest.param(
        f"{KR}\n\n{PL2}\n\nComments (3)\n\nkimchi_fan  Finally the two sides are talking "
        "again, about time.\n",
        "kimchi_fan",
        "comments",
        id="comments-after-count-in-brackets",
    ),
    # Correction notes.
    pytest.param(
        f"{PL}\n\n{PL2}\n\nCorrection: An earlier version of this article misstated the date "
        "of the meeting.\n",
        "Correction: An earlier",
        "correction",
        id="correction",
    ),
    pytest.param(
        f"{KR}\n\nEditor's note: This story has been updated with comments from the Japanese "
        f"side.\n\n{PL2}\n",
        "Editor's note:",
        "correction",
        id="correction-editors-note",
    ),
    pytest.param(
        f"{AU}\n\n{PL2}\n\nClarification (May 13): Sugiono is Indonesia's foreign minister, "
        "not its defence minister.\n",
        "Clarification (May 13)",
        "correction",
        id="correction-clarification",
    ),
    # Footers: press contacts, copyright, end marks, a closing place and date.
    pytest.param(
        f"PRESS RELEASE\n\n{PL}\n\n{PL2}\n\nPress contact: Maria Tamm, +372 637 7654, "
        "press@vm.ee\n",
        "Press contact:",
        "footer",
        id="footer-press-contact",
    ),
    pytest.param(
        f"{IN}\n\n{PL2}\n\nFor further information, please contact the Media Unit at "
        "media@mea.gov.in\n",
        "For further information",
        "footer",
        id="footer-further-information",
    ),
    pytest.param(
        f"{PL}\n\n{PL2}\n\n© 2025 Baltic Wire. All rights reserved.\n",
        "© 2025 Baltic Wire",
        "footer",
        id="footer-copyright",
    ),
    pytest.param(
        f"PRESS RELEASE\n\n{AU}\n\n{PL2}\n\n-ENDS-\n",
        "-ENDS-",
        "footer",
        id="footer-ends",
    ),
    pytest.param(
        f"FOR IMMEDIATE RELEASE\n\n{KE}\n\n{PL2}\n\n###\n",
        "###",
        "footer",
        id="footer-hashes",
    ),
    pytest.param(
        f"{IN}\n\n{PL2}\n\nNew Delhi\nMay 12, 2025\n",
        "New Delhi\nMay 12",
        "footer",
        id="footer-place-and-date",
    ),
    pytest.param(
        f"{AU}\n\n{PL2}\n\nCanberra, 12 May 2025\n",
        "Canberra, 12 May 2025",
        "footer",
        id="footer-city-date",
    ),
    # Page furniture of PDFs.
    pytest.param(
        f"{PL}\n\nPage 1 of 3\n\n{PL2}\n",
        "Page 1 of 3",
        "page_furniture",
        id="page-of",
    ),
    pytest.param(
        f"{KE}\n\n- 2 -\n\n{PL2}\n",
        "- 2 -",
        "page_furniture",
        id="page-number-dashes",
    ),
    pytest.param(
        "MINISTRY OF FOREIGN AFFAIRS · DAILY BULLETIN\n\n"
        f"{PL}\n\nMINISTRY OF FOREIGN AFFAIRS · DAILY BULLETIN\n\n{PL2}\n",
        "MINISTRY OF FOREIGN AFFAIRS · DAILY BULLETIN\n\nPolish",
        "page_furniture",
        id="running-header-first",
    ),
    pytest.param(
        "MINISTRY OF FOREIGN AFFAIRS · DAILY BULLETIN\n\n"
        f"{PL}\n\nMINISTRY OF FOREIGN AFFAIRS · DAILY BULLETIN\n\n{PL2}\n",
        "MINISTRY OF FOREIGN AFFAIRS · DAILY BULLETIN\n\nThe two",
        "page_furniture",
        id="running-header-repeated",
    ),
    pytest.param(
        f"Nowak empfängt Kalnius\n12.05.2025 09:30\n\n{PL}\n",
        "12.05.2025 09:30",
        "timestamp",
        id="timestamp-dotted-european",
    ),
    pytest.param(
        f"{KR}\n\nShare prices of South Korean defence companies rose after the ministers "
        "announced the talks.\n",
        "Share prices",
        "body",
        id="body-opens-with-share",
    ),
    pytest.param(
        f"{KR}\n\nSeoul–Tokyo defence talks   Page 2\n\n{PL2}\n\n"
        "Seoul–Tokyo defence talks   Page 3\n",
        "Seoul–Tokyo defence talks   Page 2",
        "page_furniture",
        id="running-header-with-page",
    ),
]


@pytest.mark.parametrize(("text", "line", "kind"), ZONE_CASES)
def test_zone_of_a_line(text, line, kind):
    assert kind_of(text, line) == kind


DATELINE_CITIES = [
    pytest.param(f"WARSAW – {PL}\n", "Warsaw", id="caps-dash"),
    pytest.param(f"NEW DELHI -- {IN}\n", "New Delhi", id="two-words"),
    pytest.param(f"Nairobi | {KE}\n", "Nairobi", id="pipe"),
    pytest.param(f"SEOUL: {KR}\n", "Seoul", id="colon"),
    pytest.param(
        "ANKARA, March 3 (Anatolian Post) – Turkish Foreign Minister Kemal Aydin met Greek "
        "Foreign Minister Nikos Pappas in Ankara on Monday to discuss maritime borders.\n",
        "Ankara",
        id="date-agency",
    ),
    pytest.param(f"BERLIN, 12 May 2025 — {DE}\n", "Berlin", id="full-date"),
    pytest.param(f"Poland and Lithuania agree to pool air defence\n\n{PL}\n", None, id="none"),
]


@pytest.mark.parametrize(("text", "city"), DATELINE_CITIES)
def test_dateline_city(text, city):
    assert read_text(text, file_name="zones.txt").dateline_city == city


MAY = datetime.date(2025, 5, 14)
BODY = (
    "German Chancellor Friedrich Merz welcomed French President Emmanuel Macron in Berlin for "
    "talks on European defence spending and on support for Ukraine."
)

REFERENCE_CASES = [
    pytest.param(
        f"published: 2025-05-14\n\nMerz and Macron meet\nPublished: 20 May 2025\n\n{BODY}\n",
        MAY,
        "front matter",
        id="front-matter-beats-published-line",
    ),
    pytest.param(
        f"date: 2025-05-14\n\nBERLIN, 20 May 2025 — {BODY}\n",
        MAY,
        "front matter",
        id="front-matter-date-key-beats-dateline",
    ),
    pytest.param(
        f"PRESS RELEASE\nBerlin, 20 May 2025\nPublished: 14 May 2025\n\n{BODY}\n",
        MAY,
        "publication",
        id="published-line-beats-release-header",
    ),
    pytest.param(
        f"Merz and Macron meet\nPublished: 14 May 2025\nUpdated: 20 May 2025\n\n{BODY}\n",
        MAY,
        "publication",
        id="published-beats-updated",
    ),
    pytest.param(
        f"PRESS RELEASE\nBerlin, 14 May 2025\n\nBERLIN, 20 May 2025 — {BODY}\n",
        MAY,
        "release header",
        id="release-header-beats-dateline",
    ),
    pytest.param(
        f"Merz and Macron meet\n20 May 2025, 09:00\n\nBERLIN, 14 May 2025 — {BODY}\n",
        MAY,
        "dateline",
        id="dateline-beats-timestamp",
    ),
    pytest.param(
        f"Merz and Macron meet\n14 May 2025, 09:00\n\n{BODY}\n\nBerlin, 20 May 2025\n",
        MAY,
        "timestamp",
        id="timestamp-beats-footer",
    ),
    pytest.param(f"{BODY}\n\nBerlin, 14 May 2025\n", MAY, "footer", id="footer-alone"),
    pytest.param(f"{BODY}\n", None, None, id="no-source"),
    pytest.param(
        f"BERLIN, May 14 (Euro Wire) – {BODY}\n",
        None,
        None,
        id="dateline-without-year-is-no-reference",
    ),
]


@pytest.mark.parametrize(("text", "reference", "source"), REFERENCE_CASES)
def test_reference_date_precedence(text, reference, source):
    document = read_text(text, file_name="zones.txt")
    assert (document.reference_date, document.reference_source) == (reference, source)


# 14 May 2025 is a Wednesday.
REFERENCES = {
    "front-matter": "published: 2025-05-14\n\n{body}\n",
    "publication": "Nowak and Kalnius meet in Warsaw\nPublished: 14 May 2025\n\n{body}\n",
    "release-header": (
        "MINISTRY OF NATIONAL DEFENCE\nPRESS RELEASE\nWarsaw, 14 May 2025\n\n{body}\n"
    ),
    "dateline": "WARSAW, 14 May 2025 – {body}\n",
    "timestamp": "Nowak and Kalnius meet in Warsaw\n14 May 2025, 16:20\n\n{body}\n",
    "footer": "{body}\n\nWarsaw, 14 May 2025\n",
}
MEETINGS = {
    "on-monday": (
        "Polish Defence Minister Jan Nowak met Lithuanian Defence Minister Arvydas Kalnius in "
        "Warsaw on Monday to discuss air defence.",
        datetime.date(2025, 5, 12),
    ),
    "bare-weekday": (
        "Polish Defence Minister Jan Nowak met Tuesday with Lithuanian Defence Minister Arvydas "
        "Kalnius in Warsaw to discuss air defence.",
        datetime.date(2025, 5, 13),
    ),
    "yesterday": (
        "Polish Defence Minister Jan Nowak met Lithuanian Defence Minister Arvydas Kalnius in "
        "Warsaw yesterday to discuss air defence.",
        datetime.date(2025, 5, 13),
    ),
    "last-thursday": (
        "Polish Defence Minister Jan Nowak held talks with Lithuanian Defence Minister Arvydas "
        "Kalnius in Warsaw last Thursday on air defence.",
        datetime.date(2025, 5, 8),
    ),
    "day-range": (
        "Polish Defence Minister Jan Nowak held talks with Lithuanian Defence Minister Arvydas "
        "Kalnius in Warsaw on 14-15 May on air defence.",
        datetime.date(2025, 5, 14),
    ),
}
RELATIVE_CASES = [
    pytest.param(wrapper.format(body=sentence), expected, id=f"{meeting}-{reference}")
    for meeting, (sentence, expected) in MEETINGS.items()
    for reference, wrapper in REFERENCES.items()
] + [
    pytest.param(
        "published: 2025-05-14\n\nNowak and Kalnius meet in Warsaw\nPublished: 21 May 2025\n\n"
        + MEETINGS["on-monday"][0]
        + "\n",
        datetime.date(2025, 5, 12),
        id="front-matter-over-published-line",
    ),
    pytest.param(
        "Nowak and Kalnius meet in Warsaw\nPublished: 14 May 2025\n\nWARSAW, 21 May 2025 – "
        + MEETINGS["yesterday"][0]
        + "\n",
        datetime.date(2025, 5, 13),
        id="published-line-over-dateline",
    ),
    pytest.param(
        "PRESS RELEASE\nWarsaw, 14 May 2025\n\n"
        + MEETINGS["last-thursday"][0]
        + "\n\nWarsaw, 21 May 2025\n",
        datetime.date(2025, 5, 8),
        id="release-header-over-footer",
    ),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE_CASES)
def test_relative_meeting_date_is_counted_from_the_reference(text, expected):
    (meeting,) = extract(read_text(text, file_name="zones.txt")).meetings
    assert meeting.start is not None
    assert meeting.start.value == expected


@pytest.mark.parametrize("meeting", ["on-monday", "yesterday", "last-thursday"])
def test_relative_meeting_date_without_a_reference_stays_unknown(meeting):
    text = MEETINGS[meeting][0] + "\n"
    (found,) = extract(read_text(text, file_name="zones.txt")).meetings
    assert found.start is None or found.start.value is None


def test_day_and_month_without_a_reference_stay_without_a_year():
    text = MEETINGS["day-range"][0] + "\n"
    (meeting,) = extract(read_text(text, file_name="zones.txt")).meetings
    assert meeting.start is not None
    assert meeting.start.value is None
    assert not meeting.start.year_known
    assert (meeting.start.month, meeting.start.day) == (5, 14)


# Hard-wrapped (PDF) text: a name, a quotation and a hyphenated word broken at line ends.
WRAPPED = [
    pytest.param(
        "Lithuanian Defence Minister Arvydas Kalnius travelled to Warsaw on Monday\n"
        "for talks with his Polish counterpart, Defence Minister Piotr\n"
        "Nowak, on the air defence of the eastern flank. After the talks Nowak\n"
        "told reporters: “Our countries will share radar data and the main-\n"
        "tenance of the Patriot batteries will be done jointly in Rzeszow from\n"
        "next spring,” adding that the details would follow in a few weeks.\n"
        "\n"
        "The two ministers also discussed the training of Ukrainian soldiers and\n"
        "the purchase of artillery ammunition, officials said after the meeting.\n",
        "Our countries will share radar data and the main-\ntenance of the Patriot batteries "
        "will be done jointly in Rzeszow from\nnext spring",
        "Our countries will share radar data and the maintenance of the Patriot batteries "
        "will be done jointly in Rzeszow from next spring",
        "Piotr Nowak",
        id="curly-quote",
    ),
    pytest.param(
        "Indonesian Foreign Minister Sugiono received Australian Foreign Minister\n"
        "Penny Wong in Jakarta on Thursday for talks on fisheries, the maritime\n"
        "border and climate finance for the Pacific islands. Speaking to the press\n"
        'after the meeting, Wong said: "Both countries want the new agree-\n'
        "ment on maritime patrols signed before the end of the year, and our\n"
        'officials will meet again in Darwin next month to finish the text."\n'
        "\n"
        "Sugiono said Indonesia would send a delegation to Canberra in the spring\n"
        "to discuss investment in nickel processing and electric vehicle batteries.\n",
        "Both countries want the new agree-\nment on maritime patrols signed before the end "
        "of the year, and our\nofficials will meet again in Darwin next month to finish the "
        "text.",
        "Both countries want the new agreement on maritime patrols signed before the end of "
        "the year, and our officials will meet again in Darwin next month to finish the text.",
        "Penny Wong",
        id="straight-quote",
    ),
]


@pytest.mark.parametrize(("source", "quoted", "spoken", "speaker"), WRAPPED)
def test_hard_wrapped_text_keeps_offsets_and_joins_lines(source, quoted, spoken, speaker):
    document = read_text(source, file_name="wrapped.txt")
    assert len(document.text) == len(source)
    assert document.source_text == source
    extraction = extract(document)
    (statement,) = [s for s in extraction.statements if s.text.startswith(spoken[:20])]
    sliced = document.source_text[statement.span.start : statement.span.end]
    assert " ".join(sliced.split()).rstrip(",") == " ".join(quoted.split())
    assert statement.text.rstrip(",") == spoken
    names = {p.key: p.name for p in extraction.people}
    assert names[statement.speaker_key] == speaker
    assert all("\n" not in name for name in names.values())


# A press note copied from a PDF: paragraphs separated by blank lines, lines cut at one
# width, a name cut after a short line, a name and a word broken by a hyphen at a line end.
PDF_NOTE = """MINISTRY OF DEFENCE OF PERU

PRESS NOTE                              No. 021-2025
Lima, 16 January 2025

The Minister of Defence, Mr. Jorge Luis Castañeda Revilla, received
on Wednesday, 15 January 2025, the Minister of National Defense of
the Republic of Chile, Mrs. Francisca
Irarrázaval Mena, who is carrying out an official visit to Peru.

The meeting was attended by the Chief of the Joint Command of the
Armed Forces, General Ricar-
do Huamán Quispe. Both sides reviewed the equipment main-
tenance programme and the demining of the common border areas.

Lima, 16 January 2025
"""


def test_words_broken_at_a_line_end_are_read_whole_and_offsets_kept():
    document = read_text(PDF_NOTE, file_name="note.txt")
    assert len(document.text) == len(document.source_text) == len(PDF_NOTE)
    assert (document.reference_date, document.reference_source) == (
        datetime.date(2025, 1, 16),
        "release header",
    )
    names = {person.name for person in extract(document).people}
    assert {"Francisca Irarrázaval Mena", "Ricardo Huamán Quispe"} <= names
    start = PDF_NOTE.index("Ricar-")
    assert document.source_text[start : start + 10] == "Ricar-\ndo "


def test_a_city_and_date_line_under_a_long_headline_is_the_reference():
    text = (
        "Foreign Minister Sergey Lavrov's talks with Minister of Foreign Affairs of the Republic "
        "of Indonesia Sugiono\n\nMoscow, April 14, 2025\n\nOn April 14, Foreign Minister Sergey "
        "Lavrov held talks with Minister of Foreign Affairs of the Republic of Indonesia Sugiono, "
        "who was in Moscow on a working visit.\n"
    )
    document = read_text(text, file_name="mfa.txt")
    assert (document.reference_date, document.dateline_city) == (
        datetime.date(2025, 4, 14),
        "Moscow",
    )
    (meeting,) = extract(document).meetings
    assert meeting.start.value == datetime.date(2025, 4, 14)
