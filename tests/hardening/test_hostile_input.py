"""Hostile input never makes the public site fail: property-based tests over every list URL.

Every filter parameter of every list (read from the FilterSets, so a new filter is covered
the day it is added), plus paging and export parameters, gets random text, unicode, huge
numbers and repeated keys. The answer may be a form error or an empty list; never a 5xx.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.selectors import LISTS
from archive.views import PAGING_PARAMS
from tests.factories import make_meeting, make_official, make_statement


def parameter_names(kind: str) -> list[str]:
    """Return every query parameter a list understands, as the form would name it."""
    names = set(PAGING_PARAMS) | {"sort"}
    for name, field in LISTS[kind].filterset.base_filters.items():
        # Read the widget from the field class: touching `field.field` would build and cache a
        # form field on the shared class-level filter and leak into every later request.
        widget = field.extra.get("widget") or field.field_class.widget
        subwidgets = getattr(widget, "suffixes", None)
        if subwidgets:
            names |= {f"{name}_{suffix}" if suffix else name for suffix in subwidgets}
        else:
            names.add(name)
    return sorted(names)


HOSTILE_VALUES = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(
        [
            "",
            "2025-13-45",
            "0000-00-00",
            "abc",
            "-1",
            "99999999999999999999",
            '"unclosed',
            "AND",
            "NEAR(",
            "*",
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "\x00",
            "=HYPERLINK(1)",
            "x" * 10_000,
        ]
    ),
)


@pytest.fixture
def some_records(db):
    official = make_official(name="Anna Example")
    meeting = make_meeting(officials=[official])
    make_statement(speaker=official, meeting=meeting, text="We agree on security cooperation.")


@pytest.mark.django_db
@pytest.mark.parametrize("kind", sorted(LISTS))
def test_every_parameter_survives_hostile_values(kind, client, some_records):
    url = reverse(f"archive:{kind[:-1]}_list")
    names = parameter_names(kind)

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(
        pairs=st.lists(
            st.tuples(st.sampled_from([*names, "unknown", "q[]"]), HOSTILE_VALUES), max_size=6
        )
    )
    def check(pairs):
        query = [(name, value.replace("\x00", "")) for name, value in pairs]
        response = client.get(url, query)
        assert response.status_code < 500, (url, query)

    check()


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["9223372036854775808", str(10**30), "-1", "0", "abc", " 7x"])
def test_record_ids_out_of_any_key_range_are_a_form_error(client, value):
    """An id no 64-bit key can hold used to reach SQLite as an IN parameter (OverflowError)."""
    official = make_official(name="Ada Example")
    make_meeting(officials=[official])
    response = client.get(reverse("archive:meeting_list"), {"official": [str(official.pk), value]})
    assert response.status_code == 200
    assert response.context["form"].errors["official"]
    kept = client.get(reverse("archive:meeting_list"), {"official": str(official.pk)})
    assert kept.context["form"].is_valid() and len(kept.context["rows"]) == 1
