"""The relations of two countries and a country's page: what they show, where they link,
and a query count that does not grow with the number of meetings."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import Statement
from tests.factories import make_agreement, make_article, make_meeting, make_official

pytestmark = pytest.mark.django_db


def _relations(meetings_per_year: int = 1):
    iran = [make_official(name=f"Iranian Official {i}", country="IR") for i in range(3)]
    iraq = [make_official(name=f"Iraqi Official {i}", country="IQ") for i in range(3)]
    article = make_article()
    made = []
    for year in (2022, 2024):
        for i in range(meetings_per_year):
            meeting = make_meeting(
                country_a="IQ",
                country_b="IR",
                officials=[iran[0], iraq[i % 3]],
                start_date=datetime.date(year, 1 + i % 12, 1),
            )
            Statement.objects.create(
                article=article,
                start=len(made) * 10,
                end=len(made) * 10 + 5,
                text=f"Statement {len(made)}",
                speaker=iraq[i % 3],
                meeting=meeting,
                date=meeting.start_date,
            )
            made.append(meeting)
    make_meeting(country_a="IR", country_b="JP", officials=[iran[1]])
    make_agreement(name="Border security MoU", parties=["IR", "IQ"])
    return iran, iraq, made


def test_the_relations_page_shows_years_sides_who_met_whom_and_agreements(client):
    _relations()
    response = client.get("/relations/iq-ir/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<h1>Iraq and Iran</h1>" in body
    # each year's bar links to that year's meetings between the two
    assert re.search(
        r'<a href="/meetings/\?country=IQ&amp;country=IR&amp;date_after=2022-01-01&amp;'
        r'date_before=2022-12-31"',
        body,
    )
    assert "Iranian Official 0" in body and "(2 meetings)" in body
    assert 'class="chart network"' in body  # who met whom, drawn
    assert "Border security MoU" in body
    assert "Statement 1" in body
    assert "Iranian Official 1" not in body.split("Who met whom")[0]  # met Japan only


def test_a_pair_has_one_address(client):
    _relations()
    response = client.get("/relations/IR-IQ/")
    assert response.status_code == 301
    assert response["Location"] == "/relations/iq-ir/"


@pytest.mark.parametrize(
    "url",
    [
        "/relations/de-fr/",
        "/relations/xx-ir/",
        "/relations/ir-ir/",
        "/relations/iran-iraq/",
        "/countries/zz/",
        "/countries/fr/",
    ],
)
def test_no_relations_no_page(client, url):
    _relations()
    assert client.get(url).status_code == 404


def test_the_country_page_ranks_partners_and_links_their_relations(client):
    _relations()
    response = client.get("/countries/ir/")
    assert response.status_code == 200
    body = response.content.decode()
    partners = body.split('id="partners"')[1].split("</section>")[0]
    assert partners.index("Iraq") < partners.index("Japan")
    assert 'href="/relations/iq-ir/"' in partners and 'href="/relations/ir-jp/"' in partners
    assert "(2 meetings, 2022–2024)" in partners  # how long the relation has run
    assert client.get("/countries/IR/").status_code == 301


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/relations/iq-ir/", "/countries/ir/"])
def test_query_counts_do_not_grow_with_meetings(client, url):
    _relations(meetings_per_year=1)
    few = _queries(client, url)
    _relations(meetings_per_year=12)
    assert _queries(client, url) == few


def test_meeting_pages_and_list_headings_link_the_relations(client):
    _, _, made = _relations()
    assert 'href="/relations/iq-ir/"' in client.get(made[0].get_absolute_url()).content.decode()
    listing = client.get("/meetings/?country=IR&country=IQ").content.decode()
    assert 'href="/relations/iq-ir/"' in listing


def test_the_home_page_links_the_busiest_pairs(client):
    _relations()
    body = client.get("/").content.decode()
    assert 'href="/relations/iq-ir/"' in body


def test_month_bars_of_a_pair_and_the_homes_year_bars_are_links(client):
    _relations()
    body = client.get("/relations/iq-ir/").content.decode()
    assert re.search(
        r'<a href="/meetings/\?country=IQ&amp;country=IR&amp;date_after=2024-01-01&amp;'
        r'date_before=2024-01-31" aria-label="January 2024: 1 meeting">',
        body,
    )
    home = client.get("/").content.decode()
    assert re.search(
        r'<a href="/meetings/\?date_after=2022-01-01&amp;date_before=2022-12-31" '
        r'aria-label="2022: 1 meeting">',
        home,
    )


def test_the_pages_are_cached_until_the_records_change(client):
    _relations()
    first = _queries(client, "/relations/iq-ir/")
    assert _queries(client, "/relations/iq-ir/") < first  # the figures come from the cache
    assert "2 meetings" in client.get("/relations/iq-ir/").content.decode()
    make_meeting(country_a="IR", country_b="IQ", start_date=datetime.date(2025, 5, 5))
    assert "3 meetings" in client.get("/relations/iq-ir/").content.decode()
