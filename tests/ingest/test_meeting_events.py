"""Several meetings in one article, each with its own place, date and participants; a
background meeting or a future one that is not the article's."""

from __future__ import annotations

import datetime

from archive.ingest.document import read_text
from archive.ingest.pipeline import extract

TRIP = """published: 2025-06-06

Japan's Foreign Minister Haruka Inoue ended a two-nation tour of Southeast Asia on Thursday
with talks in Hanoi, three days after visiting Jakarta.

In Jakarta on Monday, Inoue met Indonesia's Foreign Minister Dewi Kartika Sari. The two
ministers signed a memorandum of cooperation on maritime safety at the end of the meeting.

"Our seas connect us more than they divide us," Sari said after the talks.

On Thursday, Inoue was received in Hanoi by Vietnam's Minister of Foreign Affairs, Pham
Thanh Son. Vietnam's Deputy Minister of Defence, Senior Lieutenant General Le Van Quang,
also attended the talks.

"Japan is a partner Vietnam trusts," Pham Thanh Son told reporters.
"""

BACKGROUND = """published: 2025-06-06

NAIROBI – Kenyan Defence Cabinet Secretary Mary Wanjiku Kamau met Tanzania's Minister of
Defence, Juma Said Mwinyi, in Nairobi on Wednesday to discuss patrols on Lake Victoria.

The two ministers last met in Dodoma in February, when Kamau's predecessor also attended.
They will meet again in Arusha in September.

"The lake belongs to both our peoples," Mwinyi said.
"""


def _meetings(text: str) -> list[tuple[str | None, datetime.date | None, set[str], set[str]]]:
    extraction = extract(read_text(text, file_name="events.txt"))
    names = {person.key: person.name for person in extraction.people}
    return [
        (
            m.city,
            m.start.value if m.start else None,
            {names[p.person_key] for p in m.participants},
            set(m.countries),
        )
        for m in extraction.meetings
    ]


def test_a_trip_to_two_capitals_is_two_meetings():
    assert _meetings(TRIP) == [
        (
            "Hanoi",
            datetime.date(2025, 6, 5),
            {"Haruka Inoue", "Pham Thanh Son", "Le Van Quang"},
            {"JP", "VN"},
        ),
        ("Jakarta", datetime.date(2025, 6, 2), {"Haruka Inoue", "Dewi Kartika Sari"}, {"JP", "ID"}),
    ]


def test_each_meeting_keeps_its_agreements_and_statements():
    extraction = extract(read_text(TRIP, file_name="events.txt"))
    (agreement,) = extraction.agreements
    assert agreement.signed is not None and agreement.signed.value == datetime.date(2025, 6, 2)
    assert agreement.place == "Jakarta"
    cities = [extraction.meetings[s.meeting_index].city for s in extraction.statements]
    assert cities == ["Jakarta", "Hanoi"]


def test_a_background_and_a_future_meeting_are_not_the_articles():
    ((city, date, _people, countries),) = _meetings(BACKGROUND)
    assert (city, date) == ("Nairobi", datetime.date(2025, 6, 4))
    assert countries == {"KE", "TZ"}


OPINION = """published: 2025-06-04

ATHENS – Greek Defence Minister Nikos Dendias told a conference in Thessaloniki in January
that the two governments shared one defence space. Cypriot Defence Minister Vasilis Palmas
called the idea premature. When the two ministers meet in Nicosia later this month, they are
expected to sign another declaration. A meeting of experts is planned in Athens next year.
"""


def test_an_opinion_piece_with_a_conference_and_future_meetings_reports_no_meeting():
    assert extract(read_text(OPINION, file_name="opinion.txt")).meetings == ()


def test_a_title_case_datelines_date_is_the_reports_and_a_week_is_no_day():
    tokyo = (
        "Tokyo, 12 March 2025 (Kyodo) — Japanese Defense Minister Gen Nakatani met Philippine "
        "Defense Secretary Gilberto Teodoro on Monday night."
    )
    (meeting,) = extract(read_text(tokyo, file_name="tokyo.txt")).meetings
    assert meeting.start.value == datetime.date(2025, 3, 10)
    brussels = (
        "BRUSSELS, 13 March 2025 – Greek Defence Minister Nikos Dendias met his Cypriot "
        "counterpart Vasilis Palmas on the sidelines of the NATO ministerial earlier this week."
    )
    (meeting,) = extract(read_text(brussels, file_name="brussels.txt")).meetings
    assert meeting.start is None or meeting.start.value is None


def test_a_signing_told_with_the_other_capitals_name_keeps_that_meetings_date():
    trip = (
        "published: 2024-09-18\n\n"
        "MAPUTO – Portuguese Defence Minister Helena Vaz Pinto held talks in Maputo today with "
        "Mozambican Defence Minister Américo Macuácua, two days after a first stop in the "
        "Angolan capital, Luanda, where she signed a framework programme for defence "
        "cooperation.\n\n"
        "In Luanda on Monday, Vaz Pinto met Angolan Defence Minister General Armando Neto.\n"
    )
    extraction = extract(read_text(trip, file_name="trip.txt"))
    assert {m.city for m in extraction.meetings} == {"Maputo", "Luanda"}
    (agreement,) = extraction.agreements
    assert (agreement.signed.value, agreement.place) == (datetime.date(2024, 9, 16), "Luanda")


def test_a_journey_for_talks_gives_the_meetings_place():
    text = (
        "published: 2025-10-24\n\nFinnish Minister of Defence Jussi Halmetoja travelled to "
        "Tallinn on Monday for talks with Estonian Minister of Defence Kristjan Saarepuu.\n"
    )
    (meeting,) = extract(read_text(text, file_name="trip.txt")).meetings
    assert meeting.city == "Tallinn"


def test_the_lead_says_where_when_the_meeting_sentence_does_not():
    text = (
        "published: 2025-03-12\n\nGeorgia and Armenia will exchange cadets, the defence "
        "ministers announced at a joint press conference in Tbilisi on 11 March.\n\n"
        "Georgian Minister of Defence Zurab Mchedlishvili hosted his Armenian counterpart "
        "Arsen Ghukasyan at the ministry, where the two delegations held talks.\n"
    )
    (meeting,) = extract(read_text(text, file_name="lead.txt")).meetings
    assert meeting.city == "Tbilisi"


def test_a_vague_date_of_a_digest_gives_way_to_each_meetings_own_day():
    text = (
        "published: 2025-10-24\n\nThree bilateral meetings caught our eye this week.\n\n"
        "ESTONIA–FINLAND\n\nFinnish Minister of Defence Jussi Halmetoja travelled to Tallinn on "
        "Monday for talks with Estonian Minister of Defence Kristjan Saarepuu.\n\n"
        "GHANA–CÔTE D'IVOIRE\n\nIn Accra, Ghana's Minister for Defence, Kofi Ampofo-Darko, "
        "received Côte d'Ivoire's Minister of Defence, Yao Kouadio Bléhoué, on 22 October.\n"
    )
    meetings = extract(read_text(text, file_name="digest.txt")).meetings
    assert [(m.city, m.start.iso if m.start else None) for m in meetings] == [
        ("Tallinn", "2025-10-20"),
        ("Accra", "2025-10-22"),
    ]


def test_the_two_sides_talks_date_the_meeting_before_an_audience():
    text = (
        "2. On 20 January 2025, Malaysian Defence Minister Azman Shah was granted an audience "
        "with the Sultan.\n\n3. On 21 January 2025, the two Ministers held a bilateral meeting "
        "at the Ministry of Defence in Bandar Seri Begawan with Brunei's Minister of Defence II "
        "Abdul Rahim bin Haji Osman.\n"
    )
    (meeting,) = extract(read_text(text, file_name="js.txt")).meetings
    assert meeting.start.iso == "2025-01-21"


def test_who_joined_the_talks_takes_part_in_the_meeting_of_several():
    text = (
        "published: 2025-10-15\n\nTUNIS, Oct 13 - Italian Defence Minister Lorenzo Bertolazzi "
        "held talks in Tunis on Monday with Tunisian Defence Minister Imed Ben Romdhane. They "
        "were joined by Italy's Chief of Defence Staff, Admiral Giancarlo Verrusio.\n\n"
        "On Wednesday, Bertolazzi met Tunisian Interior Minister Moncef Gharbi in Sfax.\n"
    )
    extraction = extract(read_text(text, file_name="joined.txt"))
    names = {p.key: p.name for p in extraction.people}
    tunis, sfax = extraction.meetings
    assert "Giancarlo Verrusio" in {names[p.person_key] for p in tunis.participants}
    assert "Giancarlo Verrusio" not in {names[p.person_key] for p in sfax.participants}
