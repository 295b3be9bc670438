"""An official named thousands of times opens in the admin with a bounded page: at most 50
mention rows, each article read once, whatever the number of mentions."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.admin.records import MAX_INLINE_ROWS
from archive.models import OfficialMention
from tests.factories import make_article, make_official

TEXT = "Defence Minister Jean Martin met his counterpart. " * 40


def _official_with_mentions(count: int):
    official = make_official(name=f"Jean Martin {count}", title="Defence Minister")
    articles = [make_article(text=f"{TEXT} {count}-{n}", title=f"Report {n}") for n in range(3)]
    OfficialMention.objects.bulk_create(
        OfficialMention(
            official=official,
            article=articles[n % 3],
            start=17 + 50 * (n % 40),
            end=28 + 50 * (n % 40),
            name_as_written="Jean Martin",
        )
        for n in range(count)
    )
    return official


def _open(editor_client, official):
    url = reverse("admin:archive_official_change", args=[official.pk])
    with CaptureQueriesContext(connection) as queries:
        page = editor_client.get(url)
    assert page.status_code == 200
    return page.context["inline_admin_formsets"][1].formset.forms, len(queries)


@pytest.mark.django_db
def test_change_page_shows_at_most_the_cap_and_costs_the_same(editor_client):
    few_rows, few_queries = _open(editor_client, _official_with_mentions(5))
    OfficialMention.objects.all().delete()
    many_rows, many_queries = _open(editor_client, _official_with_mentions(120))
    assert len(few_rows) == 5
    assert len(many_rows) == MAX_INLINE_ROWS
    assert many_queries == few_queries
