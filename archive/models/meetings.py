"""Meetings between two states, who took part, and the articles that report them."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django_countries.fields import CountryField

from archive.prose_dates import date_with_precision

from ..countries import country_name
from ..record_urls import detail_path
from .base import Curated, CuratedQuerySet, DatePrecision, Extracted, PassageMixin
from .people import Institution, Official
from .sources import Article


class MeetingKind(models.TextChoices):
    """The field a meeting belongs to."""

    DEFENSE = "defense", "Defense"
    DIPLOMATIC = "diplomatic", "Diplomatic"
    SECURITY = "security", "Security"
    ECONOMIC = "economic", "Economic"
    OTHER = "other", "Other"


class MeetingQuerySet(CuratedQuerySet):
    """Reusable filters over meetings."""

    def between(
        self, start: datetime.date | None = None, end: datetime.date | None = None
    ) -> MeetingQuerySet:
        """Return meetings that overlap the period from start to end (either may be open)."""
        qs = self
        if start is not None:
            qs = qs.filter(Q(end_date__gte=start) | Q(end_date__isnull=True, start_date__gte=start))
        if end is not None:
            qs = qs.filter(start_date__lte=end)
        return qs

    def with_country(self, code: str) -> MeetingQuerySet:
        """Return meetings in which a country took part, on either side."""
        return self.filter(Q(country_a=code) | Q(country_b=code))

    def between_countries(self, one: str, other: str) -> MeetingQuerySet:
        """Return meetings between two countries, whichever side each was on."""
        return self.filter(Q(country_a=one, country_b=other) | Q(country_a=other, country_b=one))

    def with_official(self, official: Official | int) -> MeetingQuerySet:
        """Return meetings an official took part in."""
        return self.filter(participations__official=official)


class Meeting(Extracted, Curated):
    """A meeting between officials of two states."""

    title = models.CharField(max_length=300, blank=True)
    start_date = models.DateField(null=True, blank=True, db_index=True)
    end_date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(
        max_length=10, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN
    )
    date_text = models.CharField(
        max_length=200, blank=True, help_text="The date as the source wrote it."
    )
    city = models.CharField(max_length=120, blank=True, db_index=True)
    venue = models.ForeignKey(
        Institution,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings_hosted",
    )
    country_a = CountryField(blank=True, db_index=True)
    country_b = CountryField(blank=True, db_index=True)
    kind = models.CharField(
        max_length=12, choices=MeetingKind.choices, default=MeetingKind.OTHER, db_index=True
    )
    summary = models.TextField(blank=True)
    topics = models.CharField(max_length=500, blank=True, help_text="Comma-separated topics.")
    officials = models.ManyToManyField(
        Official, through="Participation", related_name="meetings", blank=True
    )
    articles = models.ManyToManyField(
        Article, through="MeetingSource", related_name="meetings", blank=True
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = [models.F("start_date").desc(nulls_last=True), "-id"]
        indexes = [
            models.Index(fields=["start_date", "id"], name="meeting_date_id_idx"),
            # Most meetings have no known venue. The foreign key's own index then counts the
            # NULLs as one value held by every row, so SQLite's planner expected "hosted by
            # this institution" to match them all and walked every meeting in date order
            # (160 ms at 100,000 meetings); an index of the set venues alone is seen as small.
            models.Index(
                fields=["venue"],
                name="meeting_venue_set_idx",
                condition=models.Q(venue__isnull=False),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="meeting_end_not_before_start",
            )
        ]

    def __str__(self) -> str:
        if self.title:
            return self.title
        sides = " – ".join(country_name(c.code) for c in (self.country_a, self.country_b) if c)
        when = (
            date_with_precision(self.start_date, self.date_precision, self.date_text)
            if self.start_date
            else (self.date_text or "undated")
        )
        where = f" in {self.city}" if self.city else ""
        return f"{sides or 'Meeting'}, {when}{where}"

    def get_absolute_url(self) -> str:
        return detail_path("meeting_detail", self.pk)


class Participation(PassageMixin):
    """An official's part in a meeting, with the title the source gave them then."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participations")
    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="participations")
    delegation_country = CountryField(blank=True)
    role = models.CharField(max_length=100, blank=True)
    title_as_written = models.CharField(max_length=300, blank=True)
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="participations"
    )

    class Meta:
        ordering = ["meeting_id", "delegation_country", "official__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "official"], name="one_participation_per_official"
            )
        ]

    def __str__(self) -> str:
        return f"{self.official} at {self.meeting}"


class MeetingSource(PassageMixin):
    """An article that reports a meeting, with the passage that reports it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="sources")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="meeting_sources")

    class Meta:
        ordering = ["meeting_id", "article_id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "article"], name="meeting_source_unique")
        ]

    def __str__(self) -> str:
        return f"{self.article} reports {self.meeting}"
