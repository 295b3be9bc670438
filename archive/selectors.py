"""Reads: the querysets pages, facets and exports share, so they can never disagree."""

from __future__ import annotations

from django.db.models import Count, Q

from .models import (
    Agreement,
    Article,
    Institution,
    Meeting,
    Official,
    ReviewStatus,
    Statement,
)


def archive_counts() -> dict[str, int]:
    """Return how many visible records of each kind the archive holds, in few queries."""
    visible = ~Q(status=ReviewStatus.REJECTED)
    counts: dict[str, int] = {}
    for key, model in (
        ("meetings", Meeting),
        ("officials", Official),
        ("institutions", Institution),
        ("statements", Statement),
        ("agreements", Agreement),
        ("articles", Article),
    ):
        counts[key] = model.objects.aggregate(n=Count("pk", filter=visible))["n"]
    return counts


def latest_meetings(*, limit: int = 5):
    """Return the most recent visible meetings with what their summary line needs."""
    return Meeting.objects.visible().select_related("venue")[:limit]
