"""A small but complete archive: one row in every table, linked the way imports link them."""

from __future__ import annotations

import itertools

import pytest

from archive.models import (
    InstitutionAlias,
    MergeRecord,
    OfficialAlias,
    Participation,
)
from tests.factories import (
    make_agreement,
    make_article,
    make_institution,
    make_meeting,
    make_mention,
    make_official,
    make_statement,
)

_n = itertools.count(1)

TEXT = (
    "Defence ministers met in Paris on Monday. General Jean Martin said: "
    "“We will strengthen our cooperation.” The talks covered <b>training</b>."
)


def build_archive() -> dict:
    """Create one linked record of every kind; return them by model name."""
    n = next(_n)
    article = make_article(text=f"{TEXT} ({n})", title=f"Report {n}", outlet="IRNA")
    parent = make_institution(name=f"Government {n}")
    institution = make_institution(name=f"Ministry of Defence {n}", parent=parent, country="FR")
    institution.articles.add(article)
    institution_alias = InstitutionAlias.objects.create(
        institution=institution, name=f"MoD {n}", name_key=f"mod {n}"
    )
    official = make_official(name=f"Jean Martin {n}", institution=institution, title="General")
    official_alias = OfficialAlias.objects.create(
        official=official, name=f"J. Martin {n}", name_key=f"j martin {n}"
    )
    mention = make_mention(official, article, start=50, end=61)
    meeting = make_meeting(officials=[official], articles=[article], venue=institution)
    Participation.objects.filter(meeting=meeting).update(article=article, start=50, end=61)
    statement = make_statement(
        article=article, speaker=official, meeting=meeting, text="We will", start=70, end=77
    )
    agreement = make_agreement(articles=[article])
    agreement.meetings.add(meeting)
    merge_record = MergeRecord.objects.create(
        model="official", old_id=100000 + n, kept_id=official.pk, old_name=f"Jon Martin {n}"
    )
    return {
        "article": article,
        "institution": institution,
        "institutionalias": institution_alias,
        "official": official,
        "officialalias": official_alias,
        "officialmention": mention,
        "meeting": meeting,
        "participation": meeting.participations.get(),
        "meetingsource": meeting.sources.get(),
        "statement": statement,
        "agreement": agreement,
        "agreementsource": agreement.sources.get(),
        "mergerecord": merge_record,
    }


@pytest.fixture
def archive(db) -> dict:
    """One linked record of every kind."""
    return build_archive()
