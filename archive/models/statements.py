"""What officials said: verbatim quotes and reported speech."""

from __future__ import annotations

from django.db import models

from ..record_urls import detail_path
from .base import Curated, CuratedQuerySet, Extracted, PassageMixin
from .meetings import Meeting
from .people import Official
from .sources import Article


class StatementQuerySet(CuratedQuerySet):
    """Reusable filters over statements."""

    def direct(self) -> StatementQuerySet:
        """Return verbatim quotes only."""
        return self.filter(direct=True)

    def by_country(self, code: str) -> StatementQuerySet:
        """Return statements whose speaker belongs to a country."""
        return self.filter(speaker__country=code)


class Statement(Extracted, Curated, PassageMixin):
    """Something an official said, verbatim (direct) or as reported."""

    speaker = models.ForeignKey(
        Official, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="statements")
    text = models.TextField()
    direct = models.BooleanField(default=True, help_text="A verbatim quote, not reported speech.")
    date = models.DateField(null=True, blank=True, db_index=True)

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = [models.F("date").desc(nulls_last=True), "-id"]
        indexes = [models.Index(fields=["date", "id"], name="statement_date_id_idx")]
        constraints = [
            models.UniqueConstraint(fields=["article", "start"], name="statement_span_unique")
        ]

    def __str__(self) -> str:
        words = self.text if len(self.text) <= 80 else self.text[:77] + "…"
        return f"{self.speaker or 'Unattributed'}: {words}"

    def get_absolute_url(self) -> str:
        return detail_path("statement_detail", self.pk)
