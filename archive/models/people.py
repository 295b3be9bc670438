"""People and the bodies they serve: Officials, Institutions, their aliases and mentions."""

from __future__ import annotations

from django.db import models
from django_countries.fields import CountryField

from ..record_urls import detail_path
from .base import Curated, CuratedQuerySet, Extracted, PassageMixin
from .sources import Article


class InstitutionKind(models.TextChoices):
    """What sort of body an institution is."""

    MINISTRY = "ministry", "Ministry"
    ARMED_FORCES = "armed_forces", "Armed forces"
    UNIVERSITY = "university", "University"
    COUNCIL = "council", "Council"
    GOVERNMENT = "government", "Government"
    PARLIAMENT = "parliament", "Parliament"
    INTERNATIONAL = "international", "International body"
    NEWS_AGENCY = "news_agency", "News agency"
    OTHER = "other", "Other"


class InstitutionQuerySet(CuratedQuerySet):
    """Reusable filters over institutions."""

    def of_country(self, code: str) -> InstitutionQuerySet:
        """Return the institutions of one country (ISO code)."""
        return self.filter(country=code)


class Institution(Curated):
    """A ministry, armed force, university, council or other body."""

    name = models.CharField(max_length=300, db_index=True)
    name_key = models.CharField(max_length=300, db_index=True, editable=False, default="")
    country = CountryField(blank=True, db_index=True)
    kind = models.CharField(
        max_length=20, choices=InstitutionKind.choices, default=InstitutionKind.OTHER, db_index=True
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    articles = models.ManyToManyField(Article, blank=True, related_name="institutions")

    objects = InstitutionQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return detail_path("institution_detail", self.pk)


class InstitutionAlias(models.Model):
    """Another name an institution goes by, from an article or a merge."""

    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    name_key = models.CharField(max_length=300, db_index=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "name_key"], name="institution_alias_unique"
            )
        ]
        verbose_name_plural = "institution aliases"

    def __str__(self) -> str:
        return self.name


class OfficialQuerySet(CuratedQuerySet):
    """Reusable filters over officials."""

    def of_country(self, code: str) -> OfficialQuerySet:
        """Return the officials of one country (ISO code)."""
        return self.filter(country=code)


class Official(Extracted, Curated):
    """A person who takes part in meetings or speaks for a state."""

    name = models.CharField(max_length=200, db_index=True, help_text="The canonical name.")
    name_key = models.CharField(max_length=200, db_index=True, editable=False, default="")
    country = CountryField(blank=True, db_index=True)
    title = models.CharField(max_length=300, blank=True, help_text="The current title.")
    rank = models.CharField(max_length=100, blank=True)
    institution = models.ForeignKey(
        Institution, null=True, blank=True, on_delete=models.SET_NULL, related_name="officials"
    )
    is_official = models.BooleanField(
        default=True, help_text="Off for people quoted as experts or analysts, not officials."
    )

    objects = OfficialQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return detail_path("official_detail", self.pk)


class OfficialAlias(models.Model):
    """Another name an official goes by: how an article wrote it, or a name merged into it."""

    class Origin(models.TextChoices):
        ARTICLE = "article", "Article"
        MERGE = "merge", "Merge"
        EDITOR = "editor", "Editor"

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    name_key = models.CharField(max_length=200, db_index=True)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.ARTICLE)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["official", "name_key"], name="official_alias_unique")
        ]
        verbose_name_plural = "official aliases"

    def __str__(self) -> str:
        return self.name


class OfficialMention(PassageMixin):
    """How one article wrote an official's name and title, and where."""

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="mentions")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    name_as_written = models.CharField(max_length=200)
    title_as_written = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["article_id", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["official", "article", "start"], name="official_mention_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name_as_written} in {self.article}"
