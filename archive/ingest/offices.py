"""What kind of office a person holds, from their title and rank: one word an editor, a
speaker rule or a researcher can sort by ("the minister", "the ambassador", "the general").

The first class whose words the title holds wins, in the order below: a spokesperson of a
ministry speaks for it and is not its minister; an ambassador is a diplomat whatever rank
they hold; a minister who is a general is there as minister; a chief of staff who chairs a
board is an officer.
"""

from __future__ import annotations

import re

_CLASSES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"\b(?:{words})\b", re.IGNORECASE))
    for name, words in (
        ("spokesperson", r"spokes(?:person|man|woman)|press secretary|press officer"),
        ("diplomat", r"ambassador|envoy|consul(?:-general)?|charg[ée] d['’]affaires|attach[ée]"),
        (
            "head",
            r"(?<!vice )(?<!vice-)president|prime minister|premier|chancellor|king|queen|"
            r"sultan|emir|crown prince|head of state|head of government",
        ),
        ("minister", r"minister|secretary of state|secretary|cabinet secretary"),
        (
            "military",
            r"chief of (?:the )?(?:general |defence |defense |army |naval |air )?staff|"
            r"joint chiefs|commander|chief of defen[cs]e|coas",
        ),
        (
            "legislator",
            r"speaker|senator|member of parliament|mp|deputy of the|chair(?:man|woman|person)?",
        ),
        ("regional", r"governor|wali|mayor|prefect"),
    )
)


def office_class(title: str | None, rank: str | None) -> str | None:
    """The class of a person's office ("minister", "military", ...), or None when the
    article says nothing of it. A rank alone makes an officer."""
    for name, pattern in _CLASSES:
        if title and pattern.search(title):
            return name
    if rank:
        return "military"
    return "other" if title else None
