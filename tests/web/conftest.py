"""A small archive for the site tests: Iraq and Iran meeting about a security agreement."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest

from archive.models import Agreement, Article, Meeting, Official, OfficialAlias, Statement
from tests.factories import (
    make_agreement,
    make_article,
    make_institution,
    make_meeting,
    make_mention,
    make_official,
    make_statement,
)

TEXT = (
    "Qassem al-Araji, Iraq's National Security Advisor, met Iranian Defense Minister "
    'Aziz Nasirzadeh in Tehran on Sunday. "The security agreement between our countries '
    'will be implemented in full," al-Araji said. Nasirzadeh said the border would be secured.'
)


@dataclass
class Sample:
    """The records of the sample archive, by role."""

    araji: Official
    nasirzadeh: Official
    french: Official
    article: Article
    meeting: Meeting
    meeting_2023: Meeting
    other_meeting: Meeting
    quote: Statement
    reported: Statement
    agreement: Agreement


@pytest.fixture
def sample(db) -> Sample:
    """The sample archive, in the test's transaction."""
    return build_sample()


def build_sample() -> Sample:
    """Create the sample archive."""
    ministry = make_institution(name="Ministry of Defense of Iran", country="IR", kind="ministry")
    araji = make_official(name="Qassem al-Araji", country="IQ", title="National Security Advisor")
    OfficialAlias.objects.create(official=araji, name="Qasim al-Araji", name_key="qasim araji")
    nasirzadeh = make_official(
        name="Aziz Nasirzadeh", country="IR", title="Defense Minister", institution=ministry
    )
    french = make_official(name="Jean Dupont", country="FR", title="Minister of the Armed Forces")
    article = make_article(
        title="Iraq and Iran review security agreement",
        outlet="IRNA",
        published=datetime.date(2025, 3, 2),
        text=TEXT,
    )
    meeting = make_meeting(
        officials=[araji, nasirzadeh],
        articles=[article],
        start_date=datetime.date(2025, 3, 2),
        country_a="IQ",
        country_b="IR",
        city="Tehran",
        venue=ministry,
        kind="security",
        status="reviewed",
    )
    meeting.participations.filter(official=araji).update(
        title_as_written="Iraq's National Security Advisor"
    )
    meeting_2023 = make_meeting(
        officials=[araji],
        start_date=datetime.date(2023, 6, 10),
        country_a="IQ",
        country_b="IR",
        city="Baghdad",
        kind="diplomatic",
    )
    other = make_meeting(officials=[french], start_date=datetime.date(2024, 5, 1))
    q_start = TEXT.index('"The security')
    quote = make_statement(
        article=article,
        speaker=araji,
        meeting=meeting,
        text="The security agreement between our countries will be implemented in full,",
        start=q_start + 1,
        end=q_start + 75,
        date=datetime.date(2025, 3, 2),
    )
    r_start = TEXT.index("Nasirzadeh said")
    reported = make_statement(
        article=article,
        speaker=nasirzadeh,
        meeting=meeting,
        text="the border would be secured",
        direct=False,
        start=r_start,
        end=len(TEXT) - 1,
        date=datetime.date(2025, 3, 2),
    )
    make_mention(araji, article, start=0, end=15, title_as_written="National Security Advisor")
    agreement = make_agreement(
        name="Iraq–Iran security agreement",
        parties=["IQ", "IR"],
        signed_date=datetime.date(2023, 3, 19),
        agreement_status="signed",
        articles=[article],
    )
    agreement.meetings.add(meeting)
    return Sample(
        araji,
        nasirzadeh,
        french,
        article,
        meeting,
        meeting_2023,
        other,
        quote,
        reported,
        agreement,
    )
