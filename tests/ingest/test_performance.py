"""Hostile and bulk input: adversarial megabytes and a thousand short articles extract to
bounded, sensible records. (Their speed is measured by `manage.py bench_import`, not here:
a timed test fails on a busy machine and passes on a slow algorithm.)"""

from __future__ import annotations

import random

import pytest

from archive.bench.adversarial import PIECES, adversarial_text
from archive.ingest.document import read_text
from archive.ingest.pipeline import extract, extract_bytes
from archive.ingest.quotes import MAX_QUOTES


@pytest.mark.parametrize("kind", sorted(PIECES))
def test_one_megabyte_of_adversarial_text(kind):
    text = adversarial_text(kind)
    extraction = extract_bytes(text.encode(), file_name=f"{kind}.txt")
    assert extraction.document.file_name == f"{kind}.txt"
    assert len(extraction.statements) <= MAX_QUOTES
    assert len(extraction.meetings) <= 1


def test_mixed_adversarial_text_without_newlines():
    rng = random.Random(7)
    pieces = list(PIECES.values())
    text = "".join(rng.choice(pieces) for _ in range(25_000))[:1_000_000]
    extraction = extract_bytes(text.encode(), file_name="mixed.txt")
    assert len(extraction.statements) <= MAX_QUOTES
    assert len(extraction.meetings) <= 1


COUNTRIES = [
    ("French", "German", "Paris"),
    ("Chinese", "Russian", "Beijing"),
    ("Indian", "Pakistani", "New Delhi"),
    ("American", "Japanese", "Tokyo"),
    ("Egyptian", "Saudi", "Riyadh"),
]
GIVEN = ["Anna", "Li", "Omar", "Sven", "Ravi", "Yuki", "Pierre", "Ivan"]
FAMILY = ["Dubois", "Wang", "Haddad", "Larsen", "Sharma", "Sato", "Martin", "Petrov"]


def _article(number: int) -> str:
    rng = random.Random(number)
    host, guest, city = rng.choice(COUNTRIES)
    a = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    b = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}zz"
    return (
        f"{host} Defense Minister {a} met {guest} Foreign Minister {b} in {city} on "
        f"{rng.randint(1, 28)} March 2024. “We agreed to deepen cooperation,” "
        f"{a.split()[1]} said. The two sides signed a security agreement on March 3, 2024, "
        f"in {city}.\n2 Comments\nReader\nNice."
    )


def test_a_thousand_short_articles():
    articles = [read_text(_article(n), file_name=f"{n}.txt") for n in range(1000)]
    extractions = [extract(document) for document in articles]
    assert all(len(e.meetings) == 1 for e in extractions)
    assert all(len(e.statements) == 1 and e.statements[0].speaker_key for e in extractions)
