"""Agreements between states: name, signing date and place, parties, deadline, status.

An agreement is a noun phrase ending in an agreement word (agreement, pact, memorandum,
accord, treaty, document, contract...) with at least one modifier ("security agreement"),
or one the text says is being prepared. Later definite mentions ("the agreement", "this
pact", "the bilateral security agreement") add details to the latest fitting one;
"officially known as X" names it. Plurals ("existing agreements") are talk, not records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import cues, lexicon
from .dates import find_dates
from .segment import Token
from .types import AgreementExtraction, DatePoint, Document, Sentence, Span

AGREEMENT_NOUNS = frozenset(
    [
        "agreement",
        "pact",
        "memorandum",
        "accord",
        "treaty",
        "document",
        "contract",
        "deal",
        "convention",
        "protocol",
        "mou",
        "charter",
    ]
)
# Only recent agreements can be referred back to ("the agreement"); also bounds the work.
MAX_OPEN_AGREEMENTS = 20
ANAPHORA = frozenset(["the", "this", "that", "said"])
MODIFIER_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "and",
        "or",
        "of",
        "to",
        "with",
        "between",
        "by",
        "for",
        "in",
        "on",
        "at",
        "was",
        "were",
        "is",
        "are",
        "be",
        "has",
        "have",
        "had",
        "will",
        "would",
        "which",
        "who",
        # Quantifiers and verbs end a modifier run: "any agreement", "sides reached agreement"
        # talk about agreement, they do not name one.
        "any",
        "every",
        "no",
        "each",
        "both",
        "either",
        "neither",
        "reach",
        "reached",
        "reaches",
        "reaching",
        "seek",
        "seeks",
        "sought",
        "need",
        "needs",
        "needed",
        "want",
        "wants",
        "wanted",
    ]
)
_KNOWN_AS = re.compile(r"\b(?:known as|called|dubbed|named)\s+(?:the\s+)?", re.IGNORECASE)
_SIGNED = re.compile(r"\bsigned\b", re.IGNORECASE)
_DEADLINE = re.compile(r"\bdeadline\b", re.IGNORECASE)
_PREPARING = re.compile(
    r"\b(?:will be signed|to be signed|draft|being prepared|prepared|final stages|negotiat\w*)\b",
    re.IGNORECASE,
)
_IN_FORCE = re.compile(r"\b(?:entered into force|came into force|took effect|in force)\b", re.I)
_PROVISIONS = re.compile(
    r"\b(?:provisions?|under the terms|committed to|obliges?|requires?)\b", re.IGNORECASE
)


@dataclass
class _Draft:
    name: str
    noun: str
    modifiers: frozenset[str]
    span: Span
    signed: DatePoint | None = None
    place: str | None = None
    deadline: DatePoint | None = None
    status: str = "unknown"
    parties: list[str] = field(default_factory=list)
    provisions: list[str] = field(default_factory=list)


def _modifiers(tokens: list[Token], noun_index: int) -> tuple[int, list[str]]:
    start = noun_index
    while start > 0 and noun_index - start < 5:
        token = tokens[start - 1]
        inside_name = (
            token.text == "of"
            and start >= 2
            and tokens[start - 2].capitalised
            and tokens[start].capitalised
        )
        if not inside_name and (
            not token.is_word or token.folded in MODIFIER_STOP or token.possessive
        ):
            break
        start -= 1
    return start, [t.text for t in tokens[start:noun_index]]


# Cheap test on the raw text before tokenising: a sentence with no agreement noun in it
# cannot name or describe an agreement.
_NOUN_CUE = cues.WordsPattern(sorted(AGREEMENT_NOUNS), whole_words=False)


def extract_agreements(
    document: Document, sentences: list[Sentence], sides: list[str]
) -> list[AgreementExtraction]:
    """Agreements the body names, with what it says about each."""
    drafts: list[_Draft] = []
    for sentence in sentences:
        if not _NOUN_CUE.search(sentence.text, sentence.lowered):
            continue
        tokens = sentence.tokens
        if _is_headline(tokens):
            continue
        touched: _Draft | None = None
        for index, token in enumerate(tokens):
            noun = token.base_folded
            if noun not in AGREEMENT_NOUNS:
                continue
            start, modifiers = _modifiers(tokens, index)
            determiner = tokens[start - 1].folded if start > 0 else ""
            name_span = Span(tokens[start].start, token.end)
            known = _KNOWN_AS.search(document.text, sentence.span.start, tokens[start].start)
            folded_mods = frozenset(m.casefold() for m in modifiers)
            renames = bool(known and known.end() == tokens[start].start)
            target = (
                touched if renames and touched else _fitting(drafts, noun, folded_mods, determiner)
            )
            if target is None and not modifiers and not _PREPARING.search(sentence.text):
                # "A memorandum of understanding on X was signed …", "an agreement signed in
                # Cairo on …": no modifier before the noun, but a complement after it or a
                # signing right after it makes it a particular agreement, not talk of one.
                tail = _complement_end(tokens, index)
                signed_next = index + 1 < len(tokens) and tokens[index + 1].base == "signed"
                if not (signed_next or (tail > index and _SIGNED.search(sentence.text))):
                    continue
                if tail > index:
                    name_span = Span(tokens[start].start, tokens[tail].end)
                    modifiers = [t.text for t in tokens[index + 1 : tail + 1] if t.is_word]
                    folded_mods = frozenset(m.casefold() for m in modifiers)
            if target is None:
                if determiner in ("any", "every", "no", "each"):
                    continue
                name = document.text[name_span.start : name_span.end]
                target = _Draft(name, noun, folded_mods, name_span)
                drafts.append(target)
            elif (known and known.end() == tokens[start].start) or (
                len(folded_mods) > len(target.modifiers)
            ):
                target.name = document.text[name_span.start : name_span.end]
                target.modifiers = target.modifiers | folded_mods
            touched = target
        if touched is not None:
            _details(document, sentence, tokens, touched)
    return [_finish(draft, sides) for draft in drafts]


COMPLEMENT_HEADS = frozenset(
    ["of", "on", "for", "establishing", "creating", "between", "concerning", "regarding"]
)
COMPLEMENT_STOP = frozenset(
    [
        "between",
        "was",
        "were",
        "is",
        "are",
        "has",
        "have",
        "had",
        "will",
        "would",
        "which",
        "that",
        "signed",
        "and",
        "by",
        "in",
        "at",
        "last",
        "this",
        "after",
        "before",
        "during",
        "to",
    ]
)
MAX_COMPLEMENT = 10


def _complement_end(tokens: list[Token], noun_index: int) -> int:
    """The last token of a complement after an agreement noun ("memorandum of understanding
    on missile co-production"), or noun_index when there is none."""
    start = noun_index + 1
    if start >= len(tokens) or tokens[start].folded not in COMPLEMENT_HEADS:
        return noun_index
    end = noun_index
    for index in range(start, min(len(tokens), start + MAX_COMPLEMENT)):
        token = tokens[index]
        word = token.folded
        if index > start and (not token.is_word or word in COMPLEMENT_STOP):
            break
        if token.is_word and word not in COMPLEMENT_HEADS and word not in MODIFIER_STOP:
            end = index
    return end


def _is_headline(tokens: list[Token]) -> bool:
    """A title-case line ("Tehran Calls for Full Security Pact Implementation")."""
    words = [t for t in tokens if t.is_word and t.folded not in MODIFIER_STOP]
    if len(words) < 3 or tokens[-1].text in ".!?":
        return False
    return sum(1 for t in words if t.capitalised) >= 0.7 * len(words)


def _fitting(
    drafts: list[_Draft], noun: str, modifiers: frozenset[str], determiner: str
) -> _Draft | None:
    """The earlier agreement a mention refers to, if any."""
    for draft in reversed(drafts[-MAX_OPEN_AGREEMENTS:]):
        if (
            modifiers
            and (modifiers <= draft.modifiers or draft.modifiers <= modifiers)
            and (noun == draft.noun)
        ):
            return draft
        if not modifiers and determiner in ANAPHORA:
            return draft
    return None


def _details(document: Document, sentence: Sentence, tokens: list[Token], draft: _Draft) -> None:
    text = sentence.text
    dates = find_dates(
        document.text, sentence.span.start, sentence.span.end, published=document.reference_date
    )
    signed = _SIGNED.search(text)
    if signed:
        after = sentence.span.start + signed.end()
        if _PREPARING.search(text):
            draft.status = "in_preparation"
            dates = []  # "will be signed in the near future": no signing date yet
        else:
            draft.status = "signed" if draft.status == "unknown" else draft.status
        for mention in dates:
            if after <= mention.span.start <= after + 40 and draft.signed is None:
                draft.signed = mention.start
        for index, token in enumerate(tokens):
            if token.start < after or index == 0:
                continue
            if tokens[index - 1].folded == "in":
                cue = cues.country_at(tokens, index)
                if cue and cue.kind in ("city", "name") and draft.place is None:
                    draft.place = document.text[token.start : tokens[index + cue.length - 1].end]
                    break
    elif _PREPARING.search(text) and draft.status == "unknown":
        draft.status = "in_preparation"
    if _IN_FORCE.search(text):
        draft.status = "in_force"
    if _DEADLINE.search(text):
        deadline = next(
            (
                m
                for m in dates
                if m.span.start > sentence.span.start + _DEADLINE.search(text).start()
            ),
            None,
        )
        if deadline and draft.deadline is None:
            draft.deadline = deadline.start
    if _PROVISIONS.search(text) and len(draft.provisions) < 3:
        draft.provisions.append(text)
    index = 0
    while index < len(tokens):
        cue = cues.country_at(tokens, index)
        if cue and cue.code not in draft.parties:
            draft.parties.append(cue.code)
        index += cue.length if cue else 1


def _finish(draft: _Draft, sides: list[str]) -> AgreementExtraction:
    parties = [code for code in draft.parties if not sides or code in sides]
    parties += [code for code in sides if code not in parties]
    name = draft.name
    if not draft.modifiers and len(sides) == 2:
        names = [lexicon.countries().name(code) or code for code in sides]
        name = f"{names[0]}–{names[1]} {draft.noun}"
    status = draft.status
    if draft.signed is not None and status == "unknown":
        status = "signed"
    return AgreementExtraction(
        name=name,
        kind=draft.noun,
        signed=draft.signed,
        place=draft.place,
        parties=tuple(parties[:2]),
        deadline=draft.deadline,
        provisions=" ".join(draft.provisions),
        status=status,
        span=draft.span,
    )
