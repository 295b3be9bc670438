"""Country names for ISO codes, cached: pages name two countries a row."""

from __future__ import annotations

from functools import lru_cache

from django.utils import translation
from django_countries import countries


def country_choices() -> list[tuple[str, str]]:
    """Return ISO codes with their names, in name order, from django-countries."""
    return [(code, str(name)) for code, name in countries]


def country_name(code: str) -> str:
    """Return a country's English name for an ISO code, or the code itself."""
    return _country_name(code, translation.get_language()) if code else ""


@lru_cache(maxsize=2048)
def _country_name(code: str, language: str | None) -> str:
    """Cached per language: a list page names two countries a row, and building the name
    table for each took a tenth of the page's time."""
    return str(dict(countries).get(code, code))
