"""The shape of a word, shared by the tokenizer (segment) and the lexicon.

Kept apart from segment so that the lexicon, which tokenises its phrases exactly as article
text is tokenised, does not import the module that itself consults the lexicon.
"""

from __future__ import annotations

import re

# A word: letters/digits joined by inner apostrophes or hyphens ("Iran's", "al-Araji"), or
# one other non-space character. Every repetition starts with a separator, so matching is
# linear.
WORD = re.compile(r"\w+(?:[’'\-]\xad?\w+|\xad+\w+)*|[^\w\s]")


def word_tokens(text: str) -> list[str]:
    """Token strings of a short phrase (used for lexicon entries)."""
    return [m.group() for m in WORD.finditer(text)]
