"""Score an archive export against gold annotations: precision, recall and F1 per kind.

Why per article: the archive merges records across articles, but gold files are written per
article, so each gold file is compared with the archive records whose sources include that
article. `archive.json` in the gold folder adds the cross-article checks (one official under
all its spellings, one meeting reported by two outlets, names that must never be officials).
`extraction_to_archive` turns extractions into the same export shape without a database, so
the extractors can be measured on their own.

The report's `scorer` section holds the numbers the importer is judged by: the external
scorer's rows, computed by its copy in `scoring.py`. The sections above it are the project's
own, stricter in places (titles, countries, signing places) and looser in others (exact quotes),
and stay for the tests and editors that read them.

A gold folder holds its JSON files directly (tests/gold/seeds) or in a `gold/` subfolder next
to `articles/` (tests/gold/dev); `gold_dir_of` finds them in either layout.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import lexicon, scoring
from .cues import fold
from .dates import parse_date
from .resolve import _pair_score, name_key, titles_compatible
from .resolve import institution_key as resolve_institution_key
from .types import Extraction

KINDS = ("officials", "statements", "meetings", "institutions", "agreements")
_QUOTE_CHARS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})
_SPACES = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w\s]+")


@dataclass
class Score(scoring.Counts):
    """Counts for one kind of record."""

    def as_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


@dataclass
class Report:
    """Scores per kind, speaker accuracy, every miss and false positive, archive checks."""

    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KINDS})
    speakers_right: int = 0
    speakers_total: int = 0
    misses: list[dict] = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)
    archive_checks: list[dict] = field(default_factory=list)
    scorer: scoring.ScoreCard = field(default_factory=scoring.ScoreCard)

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.speakers_total if self.speakers_total else 1.0

    def miss(self, kind: str, article: str, item: str, why: str = "") -> None:
        self.scores[kind].fn += 1
        self.misses.append({"kind": kind, "article": article, "item": item, "why": why})

    def false_positive(self, kind: str, article: str, item: str, why: str = "") -> None:
        self.scores[kind].fp += 1
        self.false_positives.append({"kind": kind, "article": article, "item": item, "why": why})

    def as_dict(self) -> dict:
        return {
            "scores": {kind: score.as_dict() for kind, score in self.scores.items()},
            "speaker_accuracy": round(self.speaker_accuracy, 3),
            "speakers": {"right": self.speakers_right, "total": self.speakers_total},
            "misses": self.misses,
            "false_positives": self.false_positives,
            "archive_checks": self.archive_checks,
            "scorer": self.scorer.as_dict(),
        }

    def as_text(self, *, verbose: bool = False) -> str:
        """The project's table, misses and checks, then the scorer's table (verbose: its items)."""
        lines = [f"{'kind':<14}{'P':>7}{'R':>7}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}"]
        for kind, s in self.scores.items():
            lines.append(
                f"{kind:<14}{s.precision:>7.2f}{s.recall:>7.2f}{s.f1:>7.2f}"
                f"{s.tp:>5}{s.fp:>5}{s.fn:>5}"
            )
        lines.append(
            f"statement speakers right: {self.speakers_right}/{self.speakers_total}"
            f" ({self.speaker_accuracy:.2f})"
        )
        if self.misses:
            lines.append("\nMissed:")
            lines += [
                f"  [{m['kind']}] {m['article']}: {m['item']} {m['why']}".rstrip()
                for m in self.misses
            ]
        if self.false_positives:
            lines.append("\nFalse positives:")
            lines += [
                f"  [{m['kind']}] {m['article']}: {m['item']} {m['why']}".rstrip()
                for m in self.false_positives
            ]
        if self.archive_checks:
            lines.append("\nArchive checks:")
            lines += [
                f"  {'ok  ' if c['ok'] else 'FAIL'} {c['check']}" for c in self.archive_checks
            ]
        lines.append("\nScorer (the shared score.py's rows):")
        lines += self.scorer.rows(verbose=verbose)
        return "\n".join(lines)


# -- normalisation ---------------------------------------------------------------------------


def normalise_quote(text: str) -> str:
    """Quote text for comparison: quote characters, whitespace, trailing ,/. ignored."""
    text = _SPACES.sub(" ", text.translate(_QUOTE_CHARS)).strip()
    return text.strip("\"' ").rstrip(",.;:").strip().casefold()


def institution_key(name: str, *, without_country: bool = False) -> str:
    """The resolver's institution key without any "the"; loosely also without country words."""
    words = [w for w in resolve_institution_key(name).split() if w != "the"]
    if without_country:
        words = _without_country_words(words)
    return " ".join(words)


def _without_country_words(words: list[str]) -> list[str]:
    """Drop country names (also several words long: "saudi arabia"), demonyms and "of"."""
    lex = lexicon.countries()
    phrases = {tuple(w.casefold() for w in name) for name in (*lex.names, *lex.demonyms)}
    longest = max((len(p) for p in phrases), default=1)
    kept, index = [], 0
    while index < len(words):
        for size in range(min(longest, len(words) - index), 0, -1):
            if tuple(words[index : index + size]) in phrases:
                index += size
                break
        else:
            if words[index] != "of":
                kept.append(words[index])
            index += 1
    return kept


def _country_code(value: str | None) -> str | None:
    return lexicon.countries().code_for_name(value) if value else None


def _names_of(record: dict) -> list[str]:
    names = [record.get("name") or "", *(record.get("aliases") or [])]
    if record.get("canonical"):
        names.append(record["canonical"])
    return [n for n in names if n]


def _same_person(gold_names: Iterable[str], names: Iterable[str]) -> bool:
    gold_keys = {name_key(n) for n in gold_names}
    name_list = list(names)
    if gold_keys & {name_key(n) for n in name_list}:
        return True
    return any(
        _pair_score(g, n) >= 0.9 and len(name_key(g).split()) > 1 and len(name_key(n).split()) > 1
        for g in gold_names
        for n in name_list
    )


def _sources(record: dict) -> list[str]:
    return list(record.get("sources") or [])


# -- per-kind comparison ---------------------------------------------------------------------


def _officials(report: Report, article: str, gold: dict, records: list[dict]) -> None:
    claimed = [r for r in records if r.get("is_official", True) is not False]
    used: set[int] = set()
    never = [*gold.get("not_officials", []), *gold.get("never_officials", [])]
    for g in gold.get("officials", []):
        names = _names_of(g)
        match = next(
            (
                i
                for i, r in enumerate(records)
                if i not in used and _same_person(names, _names_of(r))
            ),
            None,
        )
        if match is None:
            if not g.get("optional"):
                report.miss("officials", article, g["name"])
            continue
        used.add(match)
        record = records[match]
        if g.get("optional"):
            continue
        problems = []
        gold_country = _country_code(g.get("country"))
        if gold_country and _country_code(record.get("country")) != gold_country:
            problems.append(f"country {record.get('country')!r}, gold {g.get('country')!r}")
        if g.get("title") and not titles_compatible(g["title"], record.get("title")):
            problems.append(f"title {record.get('title')!r}, gold {g['title']!r}")
        if record.get("is_official") is False:
            problems.append("not marked as an official")
        if problems:
            report.miss("officials", article, g["name"], "; ".join(problems))
            report.false_positive("officials", article, record.get("name", ""), "; ".join(problems))
        else:
            report.scores["officials"].tp += 1
    for index, record in enumerate(records):
        if any(_same_person([n], _names_of(record)) for n in never):
            report.false_positive(
                "officials", article, record.get("name", ""), "must never be an official"
            )
        elif index not in used and record in claimed:
            report.false_positive("officials", article, record.get("name", ""))


def _statements(
    report: Report, article: str, gold: dict, records: list[dict], officials: list[dict]
) -> None:
    direct = [r for r in records if r.get("direct", True)]
    used: set[int] = set()
    gold_officials = gold.get("officials", [])
    never = [*gold.get("not_officials", []), *gold.get("never_officials", [])]
    for g in gold.get("statements", []):
        if not g.get("direct", True):
            continue
        key = normalise_quote(g["quote"])
        match = next(
            (
                i
                for i, r in enumerate(direct)
                if i not in used and normalise_quote(r.get("quote", "")) == key
            ),
            None,
        )
        if match is None:
            if not g.get("optional"):
                report.miss("statements", article, g["quote"][:80])
            continue
        used.add(match)
        if g.get("optional"):
            continue
        report.scores["statements"].tp += 1
        if g.get("speaker"):
            report.speakers_total += 1
            official = next(
                (o for o in gold_officials if _same_person([g["speaker"]], _names_of(o))),
                {"name": g["speaker"]},
            )
            speaker = direct[match].get("speaker")
            if speaker and _same_person(_names_of(official), [speaker]):
                report.speakers_right += 1
            else:
                report.misses.append(
                    {
                        "kind": "speakers",
                        "article": article,
                        "item": g["quote"][:60],
                        "why": f"speaker {speaker!r}, gold {g['speaker']!r}",
                    }
                )
    for index, record in enumerate(direct):
        if record.get("speaker") and any(_same_person([n], [record["speaker"]]) for n in never):
            report.false_positive(
                "statements",
                article,
                record.get("quote", "")[:80],
                f"speaker {record['speaker']!r} must never be a speaker",
            )
        elif index not in used:
            report.false_positive("statements", article, record.get("quote", "")[:80])


def _date_right(gold: dict, record: dict) -> bool:
    gold_date = gold.get("date")
    date = record.get("date")
    if gold_date is None:
        return date is None
    if date == gold_date:
        return True
    if gold.get("year_stated") is False and date is None:
        parsed = parse_date(record.get("date_text") or "")
        want = parse_date(gold_date)
        return bool(parsed and want and parsed.month == want.month and parsed.day == want.day)
    return False


def _meetings(report: Report, article: str, gold: dict, records: list[dict]) -> None:
    used: set[int] = set()
    for g in gold.get("meetings", []):
        label = f"{g.get('date')} {g.get('city')}"
        match = next(
            (
                i
                for i, r in enumerate(records)
                if i not in used
                and _date_right(g, r)
                and fold(r.get("city") or "") == fold(g.get("city") or "")
            ),
            None,
        )
        if match is None:
            if not g.get("optional"):
                near = records[0] if records else {}
                report.miss(
                    "meetings",
                    article,
                    label,
                    f"found date {near.get('date')!r} ({near.get('date_text')!r}), "
                    f"city {near.get('city')!r}"
                    if near
                    else "no meeting found",
                )
            continue
        used.add(match)
        if not g.get("optional"):
            report.scores["meetings"].tp += 1
    for index, record in enumerate(records):
        if index not in used:
            report.false_positive("meetings", article, f"{record.get('date')} {record.get('city')}")


def _institutions(report: Report, article: str, gold: dict, records: list[dict]) -> None:
    used: set[int] = set()
    for g in gold.get("institutions", []):
        match = None
        for loose in (False, True):
            key = institution_key(g["name"], without_country=loose)
            match = next(
                (
                    i
                    for i, r in enumerate(records)
                    if i not in used
                    and any(
                        institution_key(n, without_country=loose) == key
                        for n in [r.get("name", ""), *(r.get("aliases") or [])]
                    )
                ),
                None,
            )
            if match is not None:
                break
        gold_country = _country_code(g.get("country"))
        if (
            match is not None
            and gold_country
            and records[match].get("country")
            and (_country_code(records[match]["country"]) != gold_country)
        ):
            match = None
        if match is None:
            if not g.get("optional"):
                report.miss("institutions", article, g["name"])
            continue
        used.add(match)
        if not g.get("optional"):
            report.scores["institutions"].tp += 1
    for index, record in enumerate(records):
        if index not in used:
            report.false_positive("institutions", article, record.get("name", ""))


def _agreement_names_match(a: str, b: str) -> bool:
    ka = set(institution_key(a, without_country=True).split()) - {"the", "of"}
    kb = set(institution_key(b, without_country=True).split()) - {"the", "of"}
    return bool(ka and kb) and len(ka & kb) / min(len(ka), len(kb)) >= 0.6


def _agreements(report: Report, article: str, gold: dict, records: list[dict]) -> None:
    used: set[int] = set()
    for g in gold.get("agreements", []):
        match = next(
            (
                i
                for i, r in enumerate(records)
                if i not in used and _agreement_names_match(g["name"], r.get("name", ""))
            ),
            None,
        )
        if match is None:
            if not g.get("optional"):
                report.miss("agreements", article, g["name"])
            continue
        used.add(match)
        if g.get("optional"):
            continue
        record = records[match]
        problems = []
        if g.get("signed") and record.get("signed") != g["signed"]:
            problems.append(f"signed {record.get('signed')!r}, gold {g['signed']!r}")
        if g.get("place") and fold(record.get("place") or "") != fold(g["place"]):
            problems.append(f"place {record.get('place')!r}, gold {g['place']!r}")
        if problems:
            report.miss("agreements", article, g["name"], "; ".join(problems))
            report.false_positive(
                "agreements", article, record.get("name", ""), "; ".join(problems)
            )
        else:
            report.scores["agreements"].tp += 1
    for index, record in enumerate(records):
        if index not in used:
            report.false_positive("agreements", article, record.get("name", ""))


def _archive_checks(report: Report, archive: dict, gold: dict) -> None:
    officials = archive.get("officials", [])
    for g in gold.get("officials", []):
        names = _names_of(g)
        holders = [r for r in officials if any(_same_person([n], _names_of(r)) for n in names)]
        ok = len(holders) == 1 and all(_same_person([n], _names_of(holders[0])) for n in names)
        report.archive_checks.append(
            {
                "check": f"one official for {' / '.join(names)}",
                "ok": ok,
                "found": [h.get("name") for h in holders],
            }
        )
    for g in gold.get("meetings", []):
        wanted = set(g.get("sources", []))
        if len(wanted) < 2:
            continue
        ok = any(wanted <= set(_sources(m)) for m in archive.get("meetings", []))
        report.archive_checks.append(
            {"check": f"one meeting reported by {sorted(wanted)}", "ok": ok}
        )
    speakers = [s.get("speaker") for s in archive.get("statements", []) if s.get("speaker")]
    for name in gold.get("never_officials", []):
        bad = [r.get("name") for r in officials if _same_person([name], _names_of(r))]
        bad += [s for s in speakers if _same_person([name], [s])]
        report.archive_checks.append(
            {"check": f"{name} is never an official or speaker", "ok": not bad}
        )
    for g in gold.get("agreements", []):
        ok = any(
            _agreement_names_match(g["name"], a.get("name", ""))
            and (not g.get("signed") or a.get("signed") == g["signed"])
            for a in archive.get("agreements", [])
        )
        report.archive_checks.append({"check": f"agreement {g['name']}", "ok": ok})


def gold_dir_of(folder: Path | str) -> Path:
    """The folder holding the gold JSON files: folder itself, else its `gold/` subfolder."""
    folder = Path(folder)
    nested = folder / "gold"
    if not scoring.gold_files(folder) and nested.is_dir() and scoring.gold_files(nested):
        return nested
    return folder


def evaluate(archive: dict, gold_dir: Path, scorer_archive: dict | None = None) -> Report:
    """Compare an archive export with every gold file in gold_dir (or in its gold/ subfolder).

    scorer_archive, when given, is what the scorer section scores instead of archive: the
    whole export, as the external scorer reads it (the project's sections leave out records
    an editor rejected; the export, and so the scorer, does not).
    """
    report = Report()
    gold_dir = gold_dir_of(gold_dir)
    paths = scoring.gold_files(gold_dir)
    golds = [json.loads(path.read_text(encoding="utf-8")) for path in paths]
    report.scorer = scoring.score(archive if scorer_archive is None else scorer_archive, golds)
    for path, gold in zip(paths, golds, strict=True):
        article = gold.get("article")
        if not article:
            if path.name == "archive.json" or "never_officials" in gold:
                _archive_checks(report, archive, gold)
            continue

        def of_article(kind: str, article: str = article) -> list[dict]:
            return [r for r in archive.get(kind, []) if article in _sources(r)]

        _officials(report, article, gold, of_article("officials"))
        _statements(report, article, gold, of_article("statements"), of_article("officials"))
        _meetings(report, article, gold, of_article("meetings"))
        _institutions(report, article, gold, of_article("institutions"))
        _agreements(report, article, gold, of_article("agreements"))
    return report


# -- extraction -> export format -------------------------------------------------------------


def extraction_to_archive(extractions: Iterable[Extraction]) -> dict:
    """The export shape of a set of extractions, one record per item, no merging."""
    countries = lexicon.countries()
    archive: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    for extraction in extractions:
        source = [extraction.document.file_name]
        names = {p.key: p.name for p in extraction.people}
        for person in extraction.people:
            archive["officials"].append(
                {
                    "name": person.name,
                    "aliases": list(person.aliases),
                    "title": person.title,
                    "rank": person.rank,
                    "country": countries.name(person.country),
                    "institution": person.institution,
                    "is_official": person.is_official,
                    "sources": source,
                }
            )
        for institution in extraction.institutions:
            if institution.kind == "news_agency":
                continue
            archive["institutions"].append(
                {
                    "name": institution.name,
                    "country": countries.name(institution.country),
                    "kind": institution.kind,
                    "sources": source,
                }
            )
        for meeting in extraction.meetings:
            start, end = meeting.start, meeting.end
            text = start.text if start else None
            if start and end and end.text not in (text or ""):
                text = f"{text} – {end.text}"
            archive["meetings"].append(
                {
                    "date": start.iso if start else None,
                    "end_date": end.iso if end else None,
                    "date_text": text,
                    "city": meeting.city,
                    "venue": meeting.venue,
                    "countries": [countries.name(c) for c in meeting.countries],
                    "kind": meeting.kind,
                    "participants": [
                        names.get(p.person_key, p.person_key) for p in meeting.participants
                    ],
                    "sources": source,
                }
            )
        for statement in extraction.statements:
            archive["statements"].append(
                {
                    "speaker": names.get(statement.speaker_key or ""),
                    "quote": statement.text,
                    "direct": statement.direct,
                    "sources": source,
                }
            )
        for agreement in extraction.agreements:
            archive["agreements"].append(
                {
                    "name": agreement.name,
                    "kind": agreement.kind,
                    "signed": agreement.signed.iso if agreement.signed else None,
                    "place": agreement.place,
                    "parties": [countries.name(c) for c in agreement.parties],
                    "deadline": agreement.deadline.iso if agreement.deadline else None,
                    "status": agreement.status,
                    "sources": source,
                }
            )
    return archive
