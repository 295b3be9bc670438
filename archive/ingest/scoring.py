"""The external scorer's matching and counting, kept in the project: precision/recall per kind.

This module mirrors the shared scorer (`/work/shared/tools/score.py`), the program the importer
is judged by. That scorer lives outside this repository, so the project keeps its own copy
instead of importing it at run time: `manage.py evaluate_import` must run wherever the project
is checked out, and its `scorer` section must give the judged numbers, not numbers of a
friendlier comparison. The logic is ported line by line: the same `fold`, the same rank and
title words dropped from names, the same person, quote, date, city, country and agreement
tests, the same one-to-one matching order and the same miss/extra texts. Do not "improve" it
here: a change that the shared scorer does not make turns the copy into a second opinion.
`tests/importing/test_scoring_parity.py` runs the shared scorer on an export and fails when the
two disagree.

Pure Python: no Django, no project lexicon.
"""

from __future__ import annotations

import glob
import json
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

KINDS = (
    "officials",
    "statements",
    "statement_speaker",
    "meetings",
    "meeting_date",
    "meeting_city",
    "meeting_countries",
    "meeting_participants",
    "institutions",
    "agreements",
)

# Rank, title and honorific words that are not part of a name (the scorer's RANKS).
RANKS = re.compile(
    r"(major|lieutenant|brigadier|general|gen\.|maj\.|lt\.|amir|daryadar|admiral|rear|vice"
    r"|colonel|col\.|sardar|seyed|sayyid|dr\.|mr\.|mrs\.|ms\.|president|minister|prime|foreign"
    r"|defen[cs]e|chief|of|staff|secretary|the|h\.e\.|sheikh)"
)
_ARTICLE_PREFIX = re.compile(r"\b(al|el)[- ]")
_NOT_WORD = re.compile(r"[^a-z0-9' ]+")
_MOU = re.compile(r"memorand|\bmou\b", re.IGNORECASE)
_AGREEMENT_STOP_WORDS = ("between", "with", "signed", "bilateral", "agreement", "the")

COUNTRY_ALIASES = {
    "czechia": "czech republic",
    "uae": "united arab emirates",
    "us": "united states",
    "usa": "united states",
    "united states of america": "united states",
    "uk": "united kingdom",
    "great britain": "united kingdom",
    "britain": "united kingdom",
    "turkiye": "turkey",
    "republic of korea": "south korea",
    "korea republic of": "south korea",
    "korea": "south korea",
    "viet nam": "vietnam",
    "russian federation": "russia",
    "the gambia": "gambia",
    "iran islamic republic of": "iran",
    "syrian arab republic": "syria",
}


# -- matching ----------------------------------------------------------------------------------


def fold(text: str | None) -> str:
    """Lower case without accents; al-/el- joined alike; kh as h; Mohammed spellings as one."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("’", "'").replace("‘", "'")
    text = _ARTICLE_PREFIX.sub("al ", text)
    text = text.replace("kh", "h").replace("mohammed", "mohammad").replace("muhammad", "mohammad")
    text = _NOT_WORD.sub(" ", text)
    return " ".join(text.split())


def name_tokens(name: str | None) -> list[str]:
    """The folded words of a name without rank and title words."""
    return [t for t in fold(name).split() if not RANKS.fullmatch(t)]


def same_person(a_names: Iterable[str], b_names: Iterable[str]) -> bool:
    """True when any name of one side is, by the scorer's rules, any name of the other."""
    b_list = list(b_names)
    for a in a_names:
        for b in b_list:
            ta, tb = name_tokens(a), name_tokens(b)
            if not ta or not tb:
                continue
            if ta == tb:
                return True
            sa, sb = " ".join(ta), " ".join(tb)
            # a one-word form (a surname) is a whole word of the other, at least 2 letters
            if (len(ta) == 1 and len(ta[0]) >= 2 and ta[0] in tb) or (
                len(tb) == 1 and len(tb[0]) >= 2 and tb[0] in ta
            ):
                return True
            # one is the other with words left out (a middle name, a second surname)
            short, long_ = sorted((ta, tb), key=len)
            if len(short) >= 2 and all(t in long_ for t in short):
                return True
            if SequenceMatcher(None, sa, sb).ratio() >= 0.88:
                return True
    return False


def qnorm(quote: str | None) -> str:
    """A quote folded, without leading or trailing spaces, commas, full stops or apostrophes."""
    return fold(quote).strip(" ,.'")


def same_quote(a: str | None, b: str | None) -> bool:
    """Equal after qnorm, one a long part (80%) of the other, or 92% alike."""
    a, b = qnorm(a), qnorm(b)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 0.8 * len(long_) and short in long_:
        return True
    return SequenceMatcher(None, a, b).ratio() >= 0.92


def names_of(record: dict) -> list[str]:
    """A record's name, aliases and canonical name (the name may be empty)."""
    names = [record.get("name") or "", *(record.get("aliases") or [])]
    if record.get("canonical"):
        names.append(record["canonical"])
    return names


def date_ok(gold_meeting: dict, got: dict | None) -> bool:
    """The meeting date is right; with `year_stated: false` only no date or gold's date is."""
    gold_date = gold_meeting.get("date")
    got_date = (got.get("date") or "") if got else ""
    if gold_meeting.get("year_stated") is False:
        return (not got_date) or got_date == gold_date
    if gold_date is None:
        return True  # the article does not say: anything or nothing is right
    return got_date == gold_date


def country_key(country: str | None) -> str:
    """A country name folded, its common long and short forms as one."""
    folded = fold(country)
    return COUNTRY_ALIASES.get(folded, folded)


def city_ok(gold_meeting: dict, got: dict | None) -> bool:
    """Gold names no city, or the meeting's city folds to gold's."""
    gold_city = gold_meeting.get("city")
    if gold_city is None:
        return True
    return got is not None and fold(got.get("city") or "") == fold(gold_city)


def agreement_key(name: str | None) -> set[str]:
    """The words that say what kind of instrument it is; "mou" for any memorandum."""
    words = {w for w in fold(name).split() if len(w) > 3 and w not in _AGREEMENT_STOP_WORDS}
    return words | ({"mou"} if _MOU.search(name or "") else set())


def same_agreement(gold: dict, record: dict) -> bool:
    """Same kind of instrument and, where gold gives one, the same signing date."""
    gold_name, name = gold["name"], record.get("name") or ""
    same_kind = (
        bool(agreement_key(gold_name) & agreement_key(name))
        or SequenceMatcher(None, fold(gold_name), fold(name)).ratio() >= 0.6
    )
    return same_kind and (not gold.get("signed") or record.get("signed") == gold["signed"])


def same_institution(gold: dict, records: list[dict]) -> bool:
    """Some record has gold's name (folded) as name or alias, or a name 85% alike."""
    key = fold(gold["name"])
    if any(
        key == fold(r.get("name") or "") or key in [fold(a) for a in r.get("aliases") or []]
        for r in records
    ):
        return True
    return any(
        SequenceMatcher(None, key, fold(r.get("name") or "")).ratio() >= 0.85 for r in records
    )


# -- counting ----------------------------------------------------------------------------------


@dataclass
class Counts:
    """True and false positives and false negatives, and what they make."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Tally(Counts):
    """Counts of one kind, with the text of every miss and extra."""

    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def miss(self, text: str) -> None:
        self.fn += 1
        self.misses.append(text)

    def extra(self, text: str) -> None:
        self.fp += 1
        self.extras.append(text)

    def row(self, name: str) -> str:
        """One line of the scorer's table, character for character."""
        return (
            f"{name:<22} P={self.precision:.2f} R={self.recall:.2f} F1={self.f1:.2f} "
            f"(tp={self.tp} fp={self.fp} fn={self.fn})"
        )

    def as_dict(self) -> dict:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "misses": list(self.misses),
            "extras": list(self.extras),
        }


@dataclass
class ScoreCard:
    """What the scorer reports: a tally per kind, forbidden records, the articles scored."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    forbidden: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The scorer's `--json` rows, each with its counts too, and `forbidden`."""
        return {kind: t.as_dict() for kind, t in self.tallies.items()} | {
            "forbidden": list(self.forbidden)
        }

    def rows(self, *, verbose: bool = False) -> list[str]:
        """The scorer's text report (`-v` adds every miss and extra)."""
        lines = [f"articles scored: {len(self.articles)}"]
        lines += [t.row(kind) for kind, t in self.tallies.items()]
        if verbose:
            for kind, t in self.tallies.items():
                lines += [f"  miss  {kind}: {m}" for m in t.misses]
                lines += [f"  extra {kind}: {m}" for m in t.extras]
        lines.append(f"forbidden records: {len(self.forbidden)}")
        lines += [f"  {f}" for f in self.forbidden]
        return lines


def gold_files(gold_dir: Path | str) -> list[Path]:
    """The gold JSON files of a folder, in the scorer's order (glob skips hidden files)."""
    return [Path(p) for p in sorted(glob.glob(os.path.join(gold_dir, "*.json")))]


def score(export: dict, gold: Path | str | Iterable[dict]) -> ScoreCard:
    """Score an export against per-article gold (a folder, or the parsed gold files)."""
    if isinstance(gold, str | Path):
        gold = [json.loads(p.read_text(encoding="utf-8")) for p in gold_files(gold)]
    card = ScoreCard()
    for g in gold:
        if "article" not in g:
            continue
        article = g["article"]
        card.articles.append(article)

        def mine(kind: str, article: str = article) -> list[dict]:
            return [r for r in export.get(kind, []) if article in (r.get("sources") or [])]

        _officials(card, article, g, mine("officials"))
        _statements(card, article, g, [s for s in mine("statements") if s.get("direct", True)])
        _meetings(card, article, g, mine("meetings"))
        _institutions(card, article, g, mine("institutions"))
        _agreements(card, article, g, mine("agreements"))
    return card


def _officials(card: ScoreCard, art: str, g: dict, got: list[dict]) -> None:
    tally = card.tallies["officials"]
    used: set[int] = set()
    for go in g.get("officials", []):
        hit = next(
            (
                i
                for i, o in enumerate(got)
                if i not in used and same_person(names_of(go), names_of(o))
            ),
            None,
        )
        if hit is None:
            if not go.get("optional"):
                tally.miss(f"{art}: {go['name']}")
        else:
            used.add(hit)
            if not go.get("optional"):
                tally.tp += 1
    never = g.get("not_officials", [])
    for i, o in enumerate(got):
        if i in used:
            continue
        tally.extra(f"{art}: {o.get('name')}")
        if any(same_person(names_of(o), [n]) for n in never):
            card.forbidden.append(f"{art}: official {o.get('name')}")


def _statements(card: ScoreCard, art: str, g: dict, got: list[dict]) -> None:
    tally, speakers = card.tallies["statements"], card.tallies["statement_speaker"]
    used: set[int] = set()
    for gs in g.get("statements", []):
        if not gs.get("direct", True):
            continue
        hit = next(
            (
                i
                for i, s in enumerate(got)
                if i not in used and same_quote(gs["quote"], s.get("quote") or "")
            ),
            None,
        )
        if hit is None:
            if not gs.get("optional"):
                tally.miss(f"{art}: {gs['quote'][:60]}")
                speakers.fn += 1
            continue
        used.add(hit)
        if gs.get("optional"):
            continue
        tally.tp += 1
        sp = got[hit].get("speaker")
        gold_sp = (
            [o for o in g.get("officials", []) if same_person(names_of(o), [gs["speaker"]])]
            if gs.get("speaker")
            else []
        )
        gnames = names_of(gold_sp[0]) if gold_sp else ([gs["speaker"]] if gs.get("speaker") else [])
        if sp and gnames and same_person(gnames, [sp]):
            speakers.tp += 1
        else:
            speakers.miss(f"{art}: '{gs['quote'][:40]}' by {gs.get('speaker')} got {sp}")
            if sp:
                speakers.fp += 1
    for i, s in enumerate(got):
        if i not in used:
            tally.extra(f"{art}: {(s.get('quote') or '')[:60]}")
            if any(same_quote(n, s.get("quote") or "") for n in g.get("not_statements", [])):
                card.forbidden.append(f"{art}: statement {(s.get('quote') or '')[:40]}")


def _overlap(gold_meeting: dict, meeting: dict) -> int:
    """How many of gold's participants the meeting has."""
    return sum(
        1
        for p in gold_meeting.get("participants", [])
        if any(same_person([p], [q]) for q in (meeting.get("participants") or []))
    )


def _meetings(card: ScoreCard, art: str, g: dict, got: list[dict]) -> None:
    """Each gold meeting (required ones first) takes the free meeting sharing most people."""
    T = card.tallies
    taken: set[int] = set()
    for gm in sorted(g.get("meetings", []), key=lambda m: m.get("optional", False)):
        free = [i for i in range(len(got)) if i not in taken]
        cand_i = max(free, key=lambda i: _overlap(gm, got[i]), default=None)
        if cand_i is None or (gm.get("participants") and _overlap(gm, got[cand_i]) == 0):
            if not gm.get("optional"):
                T["meetings"].miss(f"{art}: meeting {gm.get('date')} {gm.get('city')}")
                T["meeting_date"].fn += 1
                T["meeting_city"].fn += 1
            continue
        taken.add(cand_i)
        if gm.get("optional"):
            continue
        cand = got[cand_i]
        T["meetings"].tp += 1
        if date_ok(gm, cand):
            T["meeting_date"].tp += 1
        else:
            T["meeting_date"].miss(f"{art}: gold {gm.get('date')} got {cand.get('date')}")
        if city_ok(gm, cand):
            T["meeting_city"].tp += 1
        else:
            T["meeting_city"].miss(f"{art}: gold {gm.get('city')} got {cand.get('city')}")
        # participants: neither missing nor extra (background officials are extra)
        gp, cp = gm.get("participants") or [], cand.get("participants") or []
        for p in gp:
            if any(same_person([p], [q]) for q in cp):
                T["meeting_participants"].tp += 1
            else:
                T["meeting_participants"].miss(f"{art}: {p}")
        for q in cp:
            if not any(same_person([p], [q]) for p in gp):
                T["meeting_participants"].extra(f"{art}: {q}")
        gc = sorted(country_key(c) for c in gm.get("countries") or [])
        cc = sorted(country_key(c) for c in cand.get("countries") or [])
        if gc:
            if gc == cc:
                T["meeting_countries"].tp += 1
            else:
                T["meeting_countries"].miss(f"{art}: gold {gc} got {cc}")
    for i in range(len(got)):
        if i not in taken:
            T["meetings"].extra(f"{art}: {got[i].get('date')} {got[i].get('city')}")


def _institutions(card: ScoreCard, art: str, g: dict, got: list[dict]) -> None:
    """Recall only: articles mention many institutions gold need not list."""
    tally = card.tallies["institutions"]
    for gi in g.get("institutions", []):
        if gi.get("optional"):
            continue
        if same_institution(gi, got):
            tally.tp += 1
        else:
            tally.miss(f"{art}: {gi['name']}")


def _agreements(card: ScoreCard, art: str, g: dict, got: list[dict]) -> None:
    tally = card.tallies["agreements"]
    used: set[int] = set()
    for ga in sorted(g.get("agreements", []), key=lambda a: a.get("optional", False)):
        hit = next((i for i, a in enumerate(got) if i not in used and same_agreement(ga, a)), None)
        if hit is not None:
            used.add(hit)
            if not ga.get("optional"):
                tally.tp += 1
        elif not ga.get("optional"):
            tally.miss(f"{art}: {ga['name']} signed {ga.get('signed')}")
    for i, a in enumerate(got):
        if i not in used:
            tally.extra(f"{art}: {a.get('name')} signed {a.get('signed')}")
