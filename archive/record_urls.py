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


SITE_PAGES = (
    "home",
    "search",
    "meeting_list",
    "official_list",
    "institution_list",
    "statement_list",
    "agreement_list",
    "article_list",
    "about_data",
)


@lru_cache(maxsize=16)
def _site_paths(prefix: str, urlconf: str | None) -> dict[str, str]:
    return {name: reverse(f"archive:{name}", urlconf=urlconf) for name in SITE_PAGES}


def site_paths() -> dict[str, str]:
    """Return the paths of the pages every page links to (navigation, footer), by view name."""
    return _site_paths(get_script_prefix(), get_urlconf())


def site_links(request: object) -> dict[str, dict[str, str]]:
    """Template context processor: `archive_links.<view name>` for the header, footer and
    breadcrumbs (not `site`: Django's login views put the current Site under that name).

    Why: every page linked to the same nine pages through `{% url %}`, which resolves the
    pattern each time: a tenth of a record page's time."""
    return {"archive_links": site_paths()}
