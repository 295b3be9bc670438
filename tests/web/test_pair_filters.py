"""Two countries in a filter mean the relations between them, on every list that has them."""

from __future__ import annotations

import datetime
import re

import pytest

from archive.models import Participation, Statement
from tests.factories import make_agreement, make_article, make_meeting, make_official

pytestmark = pytest.mark.django_db


@pytest.fixture
def pairs():
    iran = make_official(name="Aziz Nasirzadeh", country="IR")
    iraq = make_official(name="Thabit al-Abbasi", country="IQ")
    japan = make_official(name="Gen Nakatani", country="JP")
    with_iraq = make_meeting(country_a="IQ", country_b="IR", officials=[iran, iraq])
    with_japan = make_meeting(
        country_a="IR",
        country_b="JP",
        officials=[iran, japan],
        start_date=datetime.date(2024, 6, 1),
    )
    # stored the other way round, as an editor may have saved it
    reversed_pair = make_meeting(
        country_a="IR", country_b="IQ", officials=[iraq], start_date=datetime.date(2023, 3, 1)
    )
    article = make_article()
    said = Statement.objects.create(
        article=article, start=0, end=5, text="Borders", speaker=iraq, meeting=with_iraq
    )
    Statement.objects.create(
        article=article, start=6, end=9, text="Seas", speaker=japan, meeting=with_japan
    )
    signed = make_agreement(name="Border MoU", parties=["IR", "IQ"])
    make_agreement(name="Tokyo MoU", parties=["IR", "JP"])
    return {
        "with_iraq": with_iraq,
        "reversed": reversed_pair,
        "with_japan": with_japan,
        "said": said,
        "signed": signed,
        "iran": iran,
        "iraq": iraq,
    }


def _linked(response, kind: str) -> set[int]:
    return {int(x) for x in re.findall(rf'href="/{kind}/(\d+)/"', response.content.decode())}


def test_two_countries_are_the_meetings_between_them_whichever_side(client, pairs):
    response = client.get("/meetings/?country=IR&country=IQ")
    assert response.status_code == 200
    assert _linked(response, "meetings") >= {pairs["with_iraq"].pk, pairs["reversed"].pk}
    assert pairs["with_japan"].pk not in _linked(response, "meetings")
    assert "2 meetings between Iran and Iraq" in response.content.decode()


def test_one_country_is_either_side(client, pairs):
    response = client.get("/meetings/?country=IR")
    assert {pairs["with_iraq"].pk, pairs["with_japan"].pk} <= _linked(response, "meetings")
    assert "3 meetings with Iran" in response.content.decode()


def test_three_countries_are_a_form_error_not_a_500(client, pairs):
    response = client.get("/meetings/?country=IR&country=IQ&country=JP")
    assert response.status_code == 200
    assert "Choose one country, or two for the relations between them." in response.content.decode()


def test_statements_agreements_and_officials_between_two_countries(client, pairs):
    statements = client.get("/statements/?country=IQ&country=IR")
    assert _linked(statements, "statements") == {pairs["said"].pk}
    assert "at meetings between Iraq and Iran" in statements.content.decode()
    agreements = client.get("/agreements/?party=IR&party=IQ")
    assert _linked(agreements, "agreements") == {pairs["signed"].pk}
    officials = client.get("/officials/?country=IR&country=IQ")
    assert _linked(officials, "officials") == {pairs["iran"].pk, pairs["iraq"].pk}
    assert "who took part in meetings between Iran and Iraq" in officials.content.decode()


def test_the_country_facet_adds_the_counterpart(client, pairs):
    body = client.get("/meetings/?country=IR").content.decode()
    assert "country=IR&amp;country=IQ" in body or "country=IR&country=IQ" in body


def test_the_pair_keeps_both_choices_in_the_form(client, pairs):
    body = client.get("/meetings/?country=IR&country=IQ").content.decode()
    assert re.search(r'aria-label="Country"[^>]*>.*?<option value="IR" selected>', body, re.S)
    assert re.search(r'aria-label="and country"[^>]*>.*?<option value="IQ" selected>', body, re.S)
    assert Participation.objects.count() == 5


def test_an_official_can_be_chosen_by_name_without_an_id(client, pairs):
    response = client.get("/meetings/?participant=Abbasi")
    body = response.content.decode()
    assert _linked(response, "meetings") >= {pairs["with_iraq"].pk, pairs["reversed"].pk}
    assert pairs["with_japan"].pk not in _linked(response, "meetings")
    assert "with an official named like “Abbasi”" in body
    assert 'name="participant"' in body and 'value="Abbasi"' in body


def test_official_names_are_suggested_as_one_types(client, pairs):
    assert client.get("/officials/suggest/?q=Abba").json() == {"suggestions": []}  # no prefix
    assert client.get("/officials/suggest/?q=Abbasi").json() == {
        "suggestions": ["Thabit al-Abbasi"]
    }
    assert client.get("/officials/suggest/?q=").json() == {"suggestions": []}
    body = client.get("/meetings/").content.decode()
    assert (
        'list="participant-suggestions"' in body
        and 'data-suggest-url="/officials/suggest/"' in body
    )
