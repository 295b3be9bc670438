"""Articles: the source texts every record comes from."""

from __future__ import annotations

from django.db import models

from ..ingest.document import web_address
from ..record_urls import detail_path
from .base import Curated, CuratedQuerySet


class ArticleQuerySet(CuratedQuerySet):
    """Reusable filters over articles."""

    def by_outlet(self, outlet: str) -> ArticleQuerySet:
        """Return the articles of one outlet, ignoring case."""
        return self.filter(outlet__iexact=outlet)


class Article(Curated):
    """A source text, as imported; every extracted record points back to one or more."""

    title = models.CharField(max_length=500, blank=True)
    outlet = models.CharField(max_length=200, blank=True, db_index=True)
    url = models.URLField(max_length=1000, blank=True)
    published = models.DateField(null=True, blank=True, db_index=True)
    reference_date = models.DateField(
        null=True,
        blank=True,
        help_text="The day relative dates in the text ('on Monday') were counted from.",
    )
    reference_source = models.CharField(
        max_length=40,
        blank=True,
        help_text="Where the reference date was read: front matter, publication line, release "
        "header, dateline, timestamp or footer.",
    )
    text = models.TextField(help_text="The cleaned article text; every span points into it.")
    file_name = models.CharField(max_length=255, db_index=True)
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    imported_at = models.DateTimeField(auto_now_add=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "file_name", "id"]

    def __str__(self) -> str:
        return self.title or self.file_name

    def get_absolute_url(self) -> str:
        return detail_path("article_detail", self.pk)

    @property
    def safe_url(self) -> str:
        """The outlet's address when it is a web address (http or https); anything else
        ("javascript:…", "data:…") from a file's front matter is never shown as a link."""
        return self.url if web_address(self.url) else ""
