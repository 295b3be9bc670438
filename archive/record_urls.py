"""Detail-page paths by string formatting: `reverse()` once per view, not once per row.

A list page links every row (and its speaker, meeting, participants); resolving the URL
pattern for each link cost a list page a fifth of its time."""

from __future__ import annotations

from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse

_SENTINEL = 987654321


@lru_cache(maxsize=128)
def _parts(view: str, prefix: str, urlconf: str | None) -> tuple[str, str]:
    path = reverse(f"archive:{view}", args=[_SENTINEL], urlconf=urlconf)
    head, _, tail = path.rpartition(str(_SENTINEL))
    return head, tail


def detail_path_parts(view: str) -> tuple[str, str]:
    """Return what comes before and after the record's id in the path of its page.

    For loops over many rows (exports): looking up the script prefix and URLconf, which live
    in context-local storage, cost more per row than formatting the path."""
    return _parts(view, get_script_prefix(), get_urlconf())


def detail_path(view: str, pk: int) -> str:
    """Return the path of record `pk`'s page for the archive view named `view`."""
    head, tail = detail_path_parts(view)
    return f"{head}{pk}{tail}"
