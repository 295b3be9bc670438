"""Errors as a person needs them: styled pages, named mistakes, refused downloads."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_an_unknown_address_gets_the_sites_404_page(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert '<a class="skip-link"' in body  # inside the base template
    assert "There is no page at this address." in body
    assert 'href="/meetings/"' in body


def test_a_missing_record_says_what_is_missing(client):
    body = client.get("/relations/fr-jp/").content.decode()
    assert "The archive holds no meeting between France and Japan." in body


def test_a_server_error_gets_the_sites_500_page(settings):
    from django.urls import path

    def broken(request):
        raise RuntimeError("boom")

    settings.ROOT_URLCONF = type("urls", (), {"urlpatterns": [path("broken/", broken)]})
    client = Client(raise_request_exception=False)
    response = client.get("/broken/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong on our side" in body
    assert '<a class="skip-link"' in body


def test_reversed_dates_are_named_and_keep_their_values(client):
    response = client.get("/meetings/?date_after=2025-12-31&date_before=2025-01-01")
    assert response.status_code == 200
    body = response.content.decode()
    assert "The start date is after the end date: swap them." in body
    assert 'value="2025-12-31"' in body and 'value="2025-01-01"' in body


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_download_with_unreadable_filters_is_refused_with_the_reasons(client, fmt):
    response = client.get(f"/meetings/?format={fmt}&date_after=2025-13-45&country=XX")
    assert response.status_code == 400
    body = response.content.decode()
    assert "The download was refused" in body
    assert "date" in body and "country" in body


def test_a_date_range_says_how_many_undated_meetings_it_leaves_out(client):
    import datetime

    from tests.factories import make_meeting

    make_meeting(start_date=datetime.date(2024, 5, 1))
    make_meeting(start_date=None, date_precision="unknown", date_text="on 14 August")
    make_meeting(start_date=None, date_precision="unknown")
    body = client.get("/meetings/?date_after=2024-01-01&date_before=2024-12-31").content.decode()
    assert "2 meetings without a known date are in no date range" in body
    assert "without a known date" not in client.get("/meetings/").content.decode()


def test_a_bad_choice_stays_in_its_field_with_its_message(client):
    body = client.get("/meetings/?country=XX").content.decode()
    assert '<option value="XX" selected>XX (not a valid choice)</option>' in body
    assert "Select a valid choice. XX is not one of the available choices." in body
