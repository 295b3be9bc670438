"""Agreements, pacts and memoranda between states."""

from __future__ import annotations

from django.db import models
from django_countries.fields import CountryField

from ..record_urls import detail_path
from .base import Curated, CuratedQuerySet, Extracted, PassageMixin
from .meetings import Meeting
from .sources import Article


class AgreementStatus(models.TextChoices):
    """How far an agreement has come."""

    IN_PREPARATION = "in_preparation", "In preparation"
    SIGNED = "signed", "Signed"
    IN_FORCE = "in_force", "In force"
    UNKNOWN = "unknown", "Unknown"


class AgreementQuerySet(CuratedQuerySet):
    """Reusable filters over agreements."""

    def with_party(self, code: str) -> AgreementQuerySet:
        """Return agreements one country is party to."""
        return self.filter(parties__contains=code)


class Agreement(Extracted, Curated):
    """An agreement, memorandum, contract or treaty between states."""

    name = models.CharField(max_length=300, db_index=True)
    kind = models.CharField(max_length=100, blank=True)
    signed_date = models.DateField(null=True, blank=True, db_index=True)
    signed_place = models.CharField(max_length=120, blank=True)
    parties = CountryField(multiple=True, blank=True)
    deadline = models.DateField(null=True, blank=True)
    provisions = models.TextField(blank=True)
    agreement_status = models.CharField(
        "agreement status",
        max_length=20,
        choices=AgreementStatus.choices,
        default=AgreementStatus.UNKNOWN,
        db_index=True,
    )
    meetings = models.ManyToManyField(Meeting, blank=True, related_name="agreements")
    articles = models.ManyToManyField(
        Article, through="AgreementSource", related_name="agreements", blank=True
    )

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = [models.F("signed_date").desc(nulls_last=True), "name", "id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return detail_path("agreement_detail", self.pk)


class AgreementSource(PassageMixin):
    """An article that mentions an agreement, with the passage."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="sources")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="agreement_sources")

    class Meta:
        ordering = ["agreement_id", "article_id"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "article"], name="agreement_source_unique")
        ]

    def __str__(self) -> str:
        return f"{self.article} mentions {self.agreement}"
