"""How to cite a record: a sentence for people and `citation_*` meta tags for reference managers."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

ARCHIVE_NAME = "Bilateral meetings archive"


@dataclass
class Citation:
    """The parts of a citation of one archive record."""

    title: str
    url: str
    date: datetime.date | None = None
    sources: list[Any] = field(default_factory=list)  # Articles
    accessed: datetime.date = field(default_factory=datetime.date.today)

    @property
    def source_text(self) -> str:
        """Return the sources as 'Outlet, 1 May 2024; …' (file name when no outlet)."""
        parts = []
        for article in self.sources:
            who = article.outlet or str(article)
            when = (
                f", {article.published.day} {article.published:%B %Y}" if article.published else ""
            )
            parts.append(f"{who}{when}")
        return "; ".join(parts)

    @property
    def text(self) -> str:
        """Return the citation as one sentence."""
        sources = f" Based on: {self.source_text}." if self.sources else ""
        return (
            f"“{self.title}”. {ARCHIVE_NAME}.{sources} {self.url} "
            f"(accessed {self.accessed.day} {self.accessed:%B %Y})."
        )

    @property
    def meta(self) -> list[tuple[str, str]]:
        """Return (name, content) pairs for <meta> tags (Highwire/Google Scholar names)."""
        tags = [
            ("citation_title", self.title),
            ("citation_publisher", ARCHIVE_NAME),
            ("citation_public_url", self.url),
            ("citation_language", "en"),
            ("DC.title", self.title),
            ("DC.publisher", ARCHIVE_NAME),
        ]
        if self.date:
            tags.append(("citation_date", self.date.strftime("%Y/%m/%d")))
        for article in self.sources[:10]:
            if article.outlet:
                tags.append(("citation_reference", self._reference(article)))
        return tags

    @staticmethod
    def _reference(article: Any) -> str:
        parts = [f"citation_title={article}", f"citation_publisher={article.outlet}"]
        if article.published:
            parts.append(f"citation_date={article.published:%Y/%m/%d}")
        if article.url:
            parts.append(f"citation_public_url={article.url}")
        return "; ".join(parts)
