"""How to cite a record: a Chicago-style sentence, BibTeX, RIS and CSL-JSON for reference
managers, and `citation_*` / Dublin Core meta tags, all from one set of facts.

The record is what is cited: its own dates (when the archive published it, when an editor or
an import last changed it) and the archive as its publisher. What the record is about (the day
of a meeting, the day a statement was made) is part of its title, not its date.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from typing import Any

from .prose_dates import plain_date

ARCHIVE_NAME = "Bilateral meetings archive"

# ?cite=<format>: (content type, file extension) of each download.
FORMATS = {
    "bibtex": ("application/x-bibtex; charset=utf-8", "bib"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "csl": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}


@dataclass
class Citation:
    """The parts of a citation of one archive record."""

    title: str
    url: str
    key: str = "record"  # a stable id for reference managers: "meeting-12"
    published: datetime.date | None = None  # when the archive first held the record
    modified: datetime.date | None = None  # when it last changed
    sources: list[Any] = field(default_factory=list)  # Articles
    accessed: datetime.date = field(default_factory=datetime.date.today)

    @property
    def source_text(self) -> str:
        """Return the sources as 'Outlet, 1 May 2024; …' (file name when no outlet)."""
        parts = []
        for article in self.sources:
            who = article.outlet or str(article)
            when = f", {plain_date(article.published)}" if article.published else ""
            parts.append(f"{who}{when}")
        return "; ".join(parts)

    @property
    def text(self) -> str:
        """The citation as one sentence, in the Chicago style for a web page."""
        dated = self.modified or self.published
        when = f" Last modified {plain_date(dated)}." if dated else ""
        sources = f" Based on: {self.source_text}." if self.sources else ""
        return (
            f"“{self.title}.” {ARCHIVE_NAME}.{when} Accessed {plain_date(self.accessed)}. "
            f"{self.url}.{sources}"
        )

    @property
    def meta(self) -> list[tuple[str, str]]:
        """Return (name, content) pairs for <meta> tags (Highwire/Google Scholar and Dublin
        Core names), with the record's own dates."""
        tags = [
            ("citation_title", self.title),
            ("citation_publisher", ARCHIVE_NAME),
            ("citation_public_url", self.url),
            ("citation_language", "en"),
            ("DC.title", self.title),
            ("DC.publisher", ARCHIVE_NAME),
            ("DC.type", "Dataset"),
            ("DC.identifier", self.url),
        ]
        if self.published:
            tags.append(("citation_date", self.published.strftime("%Y/%m/%d")))
            tags.append(("DC.date.created", self.published.isoformat()))
        if self.modified:
            tags.append(("DC.date.modified", self.modified.isoformat()))
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

    # -- reference-manager formats ----------------------------------------------------

    def render(self, fmt: str) -> str:
        """The citation in one of FORMATS."""
        return {"bibtex": self.bibtex, "ris": self.ris, "csl": self.csl_json}[fmt]()

    def bibtex(self) -> str:
        dated = self.modified or self.published
        fields = [
            ("title", _bibtex_text(self.title)),
            ("author", "{" + _bibtex_text(ARCHIVE_NAME) + "}"),
            ("publisher", _bibtex_text(ARCHIVE_NAME)),
            ("howpublished", "\\url{" + self.url + "}"),
            ("url", self.url),
            ("urldate", self.accessed.isoformat()),
        ]
        if dated:
            fields += [("year", str(dated.year)), ("date", dated.isoformat())]
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        return f"@misc{{{self.key},\n{body}\n}}\n"

    def ris(self) -> str:
        lines = [
            ("TY", "ELEC"),
            ("TI", self.title),
            ("AU", ARCHIVE_NAME),
            ("PB", ARCHIVE_NAME),
            ("UR", self.url),
            ("Y2", self.accessed.strftime("%Y/%m/%d")),
        ]
        if self.published:
            lines.append(("DA", self.published.strftime("%Y/%m/%d")))
            lines.append(("PY", str(self.published.year)))
        if self.modified:
            lines.append(("ET", f"Last modified {self.modified.isoformat()}"))
        lines.append(("ID", self.key))
        lines.append(("ER", ""))
        return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)

    def csl_json(self) -> str:
        item: dict[str, Any] = {
            "id": self.key,
            "type": "webpage",
            "title": self.title,
            "author": [{"literal": ARCHIVE_NAME}],
            "publisher": ARCHIVE_NAME,
            "container-title": ARCHIVE_NAME,
            "URL": self.url,
            "accessed": _date_parts(self.accessed),
        }
        if self.published:
            item["issued"] = _date_parts(self.published)
        if self.modified:
            item["note"] = f"Last modified {self.modified.isoformat()}"
        return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def _date_parts(value: datetime.date) -> dict[str, list[list[int]]]:
    return {"date-parts": [[value.year, value.month, value.day]]}


_BIBTEX_SPECIAL = {
    "\\": "\\textbackslash{}",
    "{": "\\{",
    "}": "\\}",
    "&": "\\&",
    "%": "\\%",
    "$": "\\$",
    "#": "\\#",
    "_": "\\_",
    "~": "\\textasciitilde{}",
    "^": "\\textasciicircum{}",
}


def _bibtex_text(text: str) -> str:
    """Text with BibTeX's special characters escaped, so braces always balance."""
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in text)
