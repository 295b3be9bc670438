"""What the benchmark measures: the pages researchers use most, built from the data present."""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import urlencode

from django.db.models import Count

from archive.bench import bars
from archive.models import Institution, Meeting, Official, Statement
from archive.pagination import _encode
from archive.relations import pair_slug
from archive.synthetic.words import VOCABULARY

_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Scenario:
    """A named page to time, and which target it is held to (archive.bench.bars)."""

    name: str
    path: str
    kind: str = bars.PAGE


@dataclass(frozen=True)
class SearchWords:
    """Words chosen from the data so searches have known selectivity."""

    common: str
    common_share: float
    rare: str
    phrase: str


def choose_words(*, sample: int = 3000, seed: int = 1) -> SearchWords:
    """Pick a word found in about a tenth of statements, a rare word, and a two-word phrase."""
    rng = random.Random(seed)
    top = Statement.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    ids = [rng.randint(1, top) for _ in range(sample)] if top else []
    texts = list(Statement.objects.filter(pk__in=ids).values_list("text", flat=True))
    documents = Counter()
    for text in texts:
        documents.update(set(_WORD.findall(text.lower())))
    vocabulary = set(VOCABULARY)
    common_words = [w for w in documents if w in vocabulary and len(w) > 4]
    common = min(common_words, key=lambda w: abs(documents[w] / len(texts) - 0.10), default="")
    rare_words = [w for w in documents if w not in vocabulary and documents[w] == 1]
    rare = rng.choice(sorted(rare_words)) if rare_words else "zzzz"
    phrase = ""
    for text in texts:
        words = _WORD.findall(text.lower())
        pairs = [
            (a, b)
            for a, b in pairwise(words)
            if a in vocabulary and b in vocabulary and len(a) > 4 and len(b) > 4
        ]
        if pairs:
            phrase = " ".join(rng.choice(pairs))
            break
    share = documents[common] / len(texts) if texts else 0.0
    return SearchWords(common, share, rare, phrase)


def busiest_pair() -> tuple[str, str] | None:
    """The two countries with the most meetings between them."""
    row = (
        Meeting.objects.exclude(country_a="")
        .exclude(country_b="")
        .values("country_a", "country_b")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    return (str(row["country_a"]), str(row["country_b"])) if row else None


def scenarios(words: SearchWords) -> list[Scenario]:
    """Return the pages to time, with ids and filters taken from the archive itself."""
    meeting = Meeting.objects.order_by("pk").values("pk", "country_a", "start_date").first()
    busiest = (
        Official.objects.annotate(n=Count("participations")).order_by("-n").values("pk").first()
    )
    total = Meeting.objects.count()
    deep = (
        Meeting.objects.order_by("-start_date", "-id").values("start_date", "pk")[
            max(0, total * 9 // 10)
        ]
        if total
        else None
    )
    items = [Scenario("home", "/")]
    if meeting:
        year = meeting["start_date"].year if meeting["start_date"] else 2000
        filters = {
            "country": meeting["country_a"],
            "date_after": f"{year - 5}-01-01",
            "kind": "defense",
        }
        items.append(Scenario("meetings, three filters", "/meetings/?" + urlencode(filters)))
        items.append(Scenario("meeting detail", f"/meetings/{meeting['pk']}/"))
    if deep:
        cursor = _encode(deep["start_date"], deep["pk"])
        items.append(
            Scenario("meetings, deep page (90%)", "/meetings/?" + urlencode({"_next": cursor}))
        )
    items.append(Scenario("meetings, facets (no filter)", "/meetings/"))
    items.append(Scenario("statements list", "/statements/"))
    items.append(Scenario("officials list", "/officials/"))
    if busiest:
        items.append(Scenario("official detail", f"/officials/{busiest['pk']}/"))
    host = (
        Institution.objects.annotate(n=Count("meetings_hosted"))
        .order_by("-n", "pk")
        .values("pk")
        .first()
    )
    if host:
        items.append(Scenario("institution detail (busiest venue)", f"/institutions/{host['pk']}/"))
    pair = busiest_pair()
    if pair:
        one, other = pair
        items += [
            Scenario(
                "relations of the busiest pair",
                f"/relations/{pair_slug(one, other)}/",
                bars.RELATIONS,
            ),
            Scenario("country page (busiest)", f"/countries/{one.lower()}/", bars.RELATIONS),
            Scenario(
                "meetings between the busiest pair",
                "/meetings/?" + urlencode([("country", one), ("country", other)]),
            ),
        ]
    items += [
        Scenario(
            f"search common word '{words.common}'",
            "/statements/?" + urlencode({"q": words.common}),
            bars.COMMON_WORD,
        ),
        Scenario(
            f"search rare word '{words.rare}'",
            "/statements/?" + urlencode({"q": words.rare}),
            bars.SEARCH,
        ),
        Scenario(
            f'search phrase "{words.phrase}"',
            "/statements/?" + urlencode({"q": f'"{words.phrase}"'}),
            bars.SEARCH,
        ),
    ]
    return items
