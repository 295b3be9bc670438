"""What an import did, per article and in total: the one shape the command, the admin page and
the JSON report share."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

# What happened to one extracted record.
NEW = "new"
CHANGED = "changed"
UNCHANGED = "unchanged"
LEFT_ALONE = "left alone"  # an editor reviewed it: imports never change it
SUPPRESSED = "suppressed"  # an editor rejected it: imports never bring it back
ACTIONS = (NEW, CHANGED, UNCHANGED, LEFT_ALONE, SUPPRESSED)

KINDS = ("meetings", "officials", "institutions", "statements", "agreements")

# What happened to one article.
ARTICLE_NEW = "new"
ARTICLE_UNCHANGED = "unchanged"
ARTICLE_REPROCESSED = "reprocessed"
ARTICLE_FAILED = "failed"


@dataclass
class RecordChange:
    """One record an article produced and what the import did (or would do) with it."""

    kind: str
    label: str
    action: str
    detail: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "kind": self.kind,
            "label": self.label,
            "action": self.action,
            "detail": self.detail,
        }


@dataclass
class ArticleOutcome:
    """The result of importing one file or text."""

    source: str
    status: str
    message: str = ""
    article_id: int | None = None
    changes: list[RecordChange] = field(default_factory=list)
    # Imported, but with something the editor should know ("no meeting in this article").
    warnings: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.status == ARTICLE_FAILED

    def record(self, kind: str, label: str, action: str, detail: str = "") -> None:
        """Note what happened to one record."""
        self.changes.append(RecordChange(kind, label, action, detail))

    def counts(self) -> dict[str, Counter]:
        """Return, per kind, how many records met each action."""
        result: dict[str, Counter] = {kind: Counter() for kind in KINDS}
        for change in self.changes:
            result.setdefault(change.kind, Counter())[change.action] += 1
        return result

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "status": self.status,
            "message": self.message,
            "article_id": self.article_id,
            "warnings": list(self.warnings),
            "records": [change.as_dict() for change in self.changes],
        }


@dataclass
class ImportReport:
    """The outcome of a whole import run."""

    dry_run: bool = False
    outcomes: list[ArticleOutcome] = field(default_factory=list)

    @property
    def failed(self) -> list[ArticleOutcome]:
        return [outcome for outcome in self.outcomes if outcome.failed]

    def article_counts(self) -> Counter:
        """Return how many articles were new, unchanged, reprocessed or failed."""
        return Counter(outcome.status for outcome in self.outcomes)

    def record_counts(self) -> dict[str, dict[str, int]]:
        """Return, per kind, how many records were created, changed, left alone…"""
        totals: dict[str, Counter] = {kind: Counter() for kind in KINDS}
        for outcome in self.outcomes:
            for kind, counter in outcome.counts().items():
                totals.setdefault(kind, Counter()).update(counter)
        return {kind: {action: totals[kind][action] for action in ACTIONS} for kind in totals}

    def as_dict(self) -> dict:
        return {
            "dry_run": self.dry_run,
            "articles": dict(self.article_counts()),
            "records": self.record_counts(),
            "files": [outcome.as_dict() for outcome in self.outcomes],
        }

    def summary_lines(self) -> list[str]:
        """Return the human summary printed at the end of an import."""
        articles = self.article_counts()
        lines = [
            f"Articles: {articles[ARTICLE_NEW]} new, {articles[ARTICLE_UNCHANGED]} unchanged, "
            f"{articles[ARTICLE_REPROCESSED]} reprocessed, {articles[ARTICLE_FAILED]} failed."
        ]
        for kind, counts in self.record_counts().items():
            lines.append(
                f"  {kind}: {counts[NEW]} created, {counts[CHANGED]} updated, "
                f"{counts[UNCHANGED]} unchanged, {counts[LEFT_ALONE]} left alone (reviewed), "
                f"{counts[SUPPRESSED]} suppressed (rejected)"
            )
        if self.dry_run:
            lines.append("Dry run: nothing was written.")
        return lines
