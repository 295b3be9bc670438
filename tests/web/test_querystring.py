"""List links keep the current filters: `querystring` builds them as QueryDict would."""

from __future__ import annotations

import random

from django.http import QueryDict

from archive.views import querystring


def _reference(params: QueryDict, drop: tuple[str, ...], **changes) -> str:
    """The same link built the slow, obvious way: copy the QueryDict and edit it."""
    q = params.copy()
    for name in drop:
        q.pop(name, None)
    for name, value in changes.items():
        q.pop(name, None)
        if value is None:
            continue
        if isinstance(value, list):
            q.setlist(name, value)
        else:
            q[name] = value
    for name in [k for k, v in q.lists() if not any(v)]:
        q.pop(name)
    return "?" + q.urlencode()


def test_keeps_filters_drops_paging_and_applies_changes():
    params = QueryDict("country=IQ&official=3&official=7&page=4&_next=abc&q=dialogue+%22oil%22")
    assert querystring(params) == "?country=IQ&official=3&official=7&q=dialogue+%22oil%22"
    assert querystring(params, sort="-date") == (
        "?country=IQ&official=3&official=7&q=dialogue+%22oil%22&sort=-date"
    )
    assert querystring(params, country=None, official=["7"]) == "?q=dialogue+%22oil%22&official=7"
    assert querystring(QueryDict("page=2")) == "?"


def test_matches_the_querydict_way_on_random_parameters():
    rng = random.Random(5)
    names = ["country", "official", "q", "page", "_next", "sort", "kind", "format"]
    values = ["", "IQ", "Ir an", "ü", "a&b", "=", "3", "7", "%", "\u2019"]
    for _ in range(500):
        params = QueryDict(mutable=True)
        for name in rng.sample(names, rng.randint(0, len(names))):
            params.setlist(name, rng.sample(values, rng.randint(1, 3)))
        changes = {}
        for name in rng.sample(names, rng.randint(0, 3)):
            changes[name] = rng.choice(
                [None, rng.choice(values), rng.sample(values, rng.randint(0, 2)), 5]
            )
        drop = tuple(rng.sample(names, rng.randint(0, 2)))
        assert querystring(params, drop=drop, **changes) == _reference(params, drop, **changes)
