"""A list asked to match many records at once answers with a form error, not a join per id
(a hundred ids took seconds to plan on PostgreSQL; 63 broke SQLite's 64-table join limit)."""

from __future__ import annotations

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("count", [11, 63, 200])
def test_too_many_official_ids_is_a_form_error(client, count):
    ids = "&".join(f"official={n}" for n in range(1, count + 1))
    response = client.get(f"/meetings/?{ids}")
    assert response.status_code == 200
    assert "Choose at most 10 records here." in response.content.decode()


@pytest.mark.django_db
def test_a_few_ids_are_accepted(client):
    response = client.get("/meetings/?official=1&official=2")
    assert response.status_code == 200
    assert "Choose at most" not in response.content.decode()


@pytest.mark.django_db
def test_all_of_several_officials_is_one_subquery_not_a_join_per_id(sample):
    """The plan stays the same size however many officials are chosen (up to the cap)."""
    from archive.filters import MeetingFilter
    from archive.models import Meeting

    def sql(ids: list[int]) -> str:
        data = {"official": [str(pk) for pk in ids]}
        return str(MeetingFilter(data, queryset=Meeting.objects.all()).qs.query)

    two = sql([sample.araji.pk, sample.nasirzadeh.pk])
    assert two.count("archive_participation") == 1
    assert sql([sample.araji.pk]).count("archive_participation") == 1
