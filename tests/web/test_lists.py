"""List pages: filters, sentences, sorting, pagination, facets (Datasette-style tables of cases)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import override_settings

from archive.models import MergeRecord
from tests.factories import make_meeting, make_official


def _ids(response) -> list[int]:
    """Return the record ids linked from the first column of the results table."""
    body = response.content.decode()
    table = body.split('<table class="records">', 1)[1] if '<table class="records">' in body else ""
    return [int(x) for x in re.findall(r'<tr><td><a href="/\w+/(\d+)/"', table)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["meeting", "other_meeting", "meeting_2023"]),
        ("country=IQ", ["meeting", "meeting_2023"]),
        ("country=IR", ["meeting", "meeting_2023"]),
        ("country=FR", ["other_meeting"]),
        ("date_after=2024-01-01", ["meeting", "other_meeting"]),
        ("date_before=2023-12-31", ["meeting_2023"]),
        ("country=IQ&date_after=2024-01-01&date_before=2025-12-31", ["meeting"]),
        ("city=tehran", ["meeting"]),
        ("kind=diplomatic", ["meeting_2023"]),
        ("reviewed=on", ["meeting"]),
        ("q=security+agreement", ["meeting"]),
        ("q=%22border+would%22", ["meeting"]),
        ("q=Araji", ["meeting", "meeting_2023"]),
        ("sort=date", ["meeting_2023", "other_meeting", "meeting"]),
        ("sort=city", ["meeting_2023", "other_meeting", "meeting"]),
    ],
)
def test_meeting_filters(client, sample, query, expected):
    response = client.get(f"/meetings/?{query}")
    assert response.status_code == 200
    assert _ids(response) == [getattr(sample, name).pk for name in expected]


def test_several_officials_means_all_of_them(client, sample):
    one = client.get(f"/meetings/?official={sample.araji.pk}")
    both = client.get(f"/meetings/?official={sample.araji.pk}&official={sample.nasirzadeh.pk}")
    assert _ids(one) == [sample.meeting.pk, sample.meeting_2023.pk]
    assert _ids(both) == [sample.meeting.pk]
    assert "with Aziz Nasirzadeh and Qassem al-Araji" in both.content.decode()


def test_institution_means_venue_or_staff(client, sample):
    ministry = sample.nasirzadeh.institution
    response = client.get(f"/meetings/?institution={ministry.pk}")
    assert _ids(response) == [sample.meeting.pk]


def test_sentence_says_what_is_shown(client, sample):
    response = client.get(f"/meetings/?country=IQ&date_after=2024-01-01&official={sample.araji.pk}")
    assert "1 meeting with Iraq, since 1 January 2024, with Qassem al-Araji" in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/statements/?direct=direct", ["quote"]),
        ("/statements/?direct=reported", ["reported"]),
        ("/statements/?speaker_country=IR", ["reported"]),
        ("/statements/?q=secur*&sort=date", ["quote", "reported"]),
        ("/statements/?q=%22security+agreement%22", ["quote"]),
        ("/statements/?date_after=2026-01-01", []),
        ("/officials/?country=IQ", ["araji"]),
        ("/officials/?q=qasim", ["araji"]),
        ("/officials/?title=defense", ["nasirzadeh"]),
        ("/officials/?sort=-name", ["araji", "french", "nasirzadeh"]),
        ("/agreements/?party=IQ", ["agreement"]),
        ("/agreements/?party=FR", []),
        ("/agreements/?agreement_status=signed&signed_after=2023-01-01", ["agreement"]),
        ("/articles/?outlet=irna", ["article"]),
        ("/articles/?q=tehran", ["article"]),
        ("/articles/?published_before=2020-01-01", []),
    ],
)
def test_other_list_filters(client, sample, url, expected):
    response = client.get(url)
    assert response.status_code == 200
    assert _ids(response) == [getattr(sample, name).pk for name in expected]


def test_statement_speaker_and_meeting_filters(client, sample):
    r = client.get(f"/statements/?speaker={sample.araji.pk}")
    assert _ids(r) == [sample.quote.pk]
    r = client.get(f"/statements/?meeting={sample.meeting_2023.pk}")
    assert _ids(r) == []


def test_institution_filters(client, sample):
    ministry = sample.nasirzadeh.institution
    assert _ids(client.get("/institutions/?country=IR")) == [ministry.pk]
    assert _ids(client.get("/institutions/?kind=university")) == []


def test_rejected_records_are_hidden(client, sample):
    sample.meeting_2023.status = "rejected"
    sample.meeting_2023.save()
    sample.french.status = "rejected"
    sample.french.save()
    assert sample.meeting_2023.pk not in _ids(client.get("/meetings/"))
    assert sample.french.pk not in _ids(client.get("/officials/"))
    assert client.get(sample.meeting_2023.get_absolute_url()).status_code == 404
    assert client.get(sample.french.get_absolute_url()).status_code == 404
    export = b"".join(client.get("/meetings/?format=csv").streaming_content).decode()
    assert f"/meetings/{sample.meeting_2023.pk}/" not in export
    # A rejected participant does not show on the meeting either.
    assert "Jean Dupont" not in client.get(sample.other_meeting.get_absolute_url()).content.decode()


def test_merged_away_record_redirects_permanently(client, sample):
    twin = make_official(name="Qasem Al Araji", country="IQ")
    twin_id = twin.pk
    twin.delete()
    MergeRecord.objects.create(model="official", old_id=twin_id, kept_id=sample.araji.pk)
    response = client.get(f"/officials/{twin_id}/")
    assert response.status_code == 301
    assert response["Location"] == sample.araji.get_absolute_url()
    assert client.get("/officials/999999/").status_code == 404


@pytest.mark.django_db
def test_keyset_pagination_walks_every_row_once(client):
    days = [datetime.date(2024, 1, 1) + datetime.timedelta(days=i % 40) for i in range(120)]
    made = [make_meeting(start_date=d) for d in days]
    made += [make_meeting(start_date=None, date_text="on Sunday") for _ in range(7)]
    seen: list[int] = []
    url = "/meetings/"
    pages = 0
    while url:
        response = client.get(url)
        seen += _ids(response)
        found = re.search(r'href="(\?[^"]*_next=[^"]*)" rel="next"', response.content.decode())
        url = "/meetings/" + found.group(1).replace("&amp;", "&") if found else ""
        pages += 1
    assert pages == 3
    assert len(seen) == len(set(seen)) == len(made)
    dated = sorted(
        (m for m in made if m.start_date), key=lambda m: (m.start_date, m.pk), reverse=True
    )
    undated = sorted((m for m in made if not m.start_date), key=lambda m: m.pk, reverse=True)
    assert seen == [m.pk for m in dated + undated]


@pytest.mark.django_db
def test_relevance_order_uses_capped_numbered_pages(client, sample):
    response = client.get("/statements/?q=security&page=500")
    assert response.status_code == 200
    assert "Relevance order stops at page" in response.content.decode()


def test_facets_count_the_filtered_rows_and_refine_the_url(client, sample):
    response = client.get("/meetings/?country=IQ")
    body = response.content.decode()
    facets = {f.key: f for f in response.context["facets"]}
    years = {v.label: v.count for v in facets["year"].values}
    assert years == {"2025": 1, "2023": 1}
    countries = {v.label: v.count for v in facets["country"].values}
    assert countries == {"Iraq": 2, "Iran": 2}
    officials = {v.label: v for v in facets["official"].values}
    assert officials["Qassem al-Araji"].count == 2
    assert f"official={sample.araji.pk}" in officials["Qassem al-Araji"].url
    assert "country=IQ" in officials["Qassem al-Araji"].url
    assert "Not computed" not in body


SLOW_SQL = (
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000) "
    "SELECT count(*) FROM c"
)


def _slow_facet(qs, limit):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(SLOW_SQL)
    return []


@override_settings(ARCHIVE_FACET_TIME_LIMIT_MS=100)
def test_a_slow_facet_is_cut_off_not_waited_for(client, sample, monkeypatch):
    from archive import facets

    specs = [facets.FacetSpec("slow", "Slow one", _slow_facet), *facets.SPECS["meetings"]]
    monkeypatch.setitem(facets.SPECS, "meetings", specs)
    response = client.get("/meetings/")  # the slow query was interrupted, not waited out:
    assert response.status_code == 200
    computed = {f.key: f.computed for f in response.context["facets"]}
    assert computed["slow"] is False
    assert computed["country"] is True and computed["year"] is True
    assert "Not computed" in response.content.decode()
    assert _ids(response)  # the rows are still there
    # The connection is usable afterwards (no leftover handler or timeout).
    assert client.get("/meetings/?country=IQ").status_code == 200


@override_settings(ARCHIVE_FACET_TIME_LIMIT_MS=100)
def test_a_facet_that_ran_out_of_time_is_not_retried_for_every_visitor(client, sample, monkeypatch):
    """Until the records change, the next visitor sees the same "not computed" note at once
    instead of waiting the time limit out again."""
    from archive import facets

    runs = []

    def slow(qs, limit):
        runs.append(1)
        return _slow_facet(qs, limit)

    specs = [facets.FacetSpec("slow", "Slow one", slow), *facets.SPECS["meetings"]]
    monkeypatch.setitem(facets.SPECS, "meetings", specs)
    for _ in range(3):
        assert "Not computed" in client.get("/meetings/").content.decode()
    assert len(runs) == 1
