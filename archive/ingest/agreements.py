"""Agreements between states, read in their signing frames.

An agreement is mentioned by a noun phrase around an agreement noun: a strong noun
(agreement, memorandum, treaty, protocol…) with words that make it a particular one
("security agreement", "Memorandum of Understanding on Military Medicine"), or a weak noun
(declaration, arrangement, letter of intent, plan, programme, contract) that is a proper name
("Joint Declaration of Intent on Military Mobility") or the object of a signing.

A signing frame ("X and Y signed …", "… was signed by …", "the signing of …") gives the
agreement its status, and its date and place when the sentence has them; a signing with no
date of its own in a report of a meeting happened at that meeting ("At the end of the talks,
the ministers signed …") and takes the meeting's date and place. Wording about the future
("to be signed", "in the final stages", "could be signed") makes it in preparation, with no
signing date. A date with only a month or a year is no signing date (the record keeps a day).
Talk of agreements in general ("a new agreement", "existing agreements"), agreements inside
a quotation, headlines and subheadings are not records. Later definite mentions ("the
treaty") add to the latest agreement of that kind.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from . import cues, lexicon
from .dates import MONTHS, find_dates
from .meetings import meeting_at
from .segment import Sentence, Token
from .types import (
    AgreementExtraction,
    DateMention,
    DatePoint,
    Document,
    MeetingExtraction,
    Rejected,
    Span,
    StageResult,
)
from .zones import LIST_ITEM, line_start, plain, reference_at

STRONG_NOUNS = frozenset(
    [
        "agreement",
        "pact",
        "memorandum",
        "mou",
        "accord",
        "treaty",
        "convention",
        "protocol",
        "charter",
        "memorandums",
        "memoranda",
    ]
)
# Words that name an agreement only as a proper name or as what was signed.
WEAK_NOUNS = frozenset(
    [
        "declaration",
        "arrangement",
        "plan",
        "programme",
        "program",
        "roadmap",
        "contract",
        "deal",
        "minutes",
        "letter",
        "document",
    ]
)
PLURALS = frozenset(["agreements", "pacts", "accords", "treaties", "memorandums", "memoranda"])
# Modifiers that say which kind of agreement is talked about, not which one.
GENERIC_MODIFIERS = frozenset(
    [
        "new",
        "first",
        "second",
        "another",
        "such",
        "similar",
        "previous",
        "existing",
        "future",
        "possible",
        "further",
        "broader",
        "formal",
        "bilateral",
        "two",
        "several",
        "other",
        "more",
        "any",
        "every",
        "no",
        "each",
        "this",
        "that",
        "said",
        "real",
        "kind",
        "its",
        "sort",
        "type",
        "one",
    ]
)
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
        "signed",
        "sign",
        "signing",
        "also",
        "two",
        "ministers",
    ]
)
COMPLEMENT_HEADS = frozenset(
    [
        "of",
        "on",
        "for",
        "establishing",
        "creating",
        "between",
        "concerning",
        "regarding",
        "renewing",
        "updating",
        "extending",
        "amending",
        "governing",
        "in",
        "to",
    ]
)
COMPLEMENT_STOP = frozenset(
    [
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
        "by",
        "at",
        "last",
        "this",
        "after",
        "before",
        "during",
        "who",
        "under",
        "allows",
        "allowing",
        "provides",
        "providing",
        "gives",
        "giving",
        "says",
        "said",
    ]
)
MAX_MODIFIERS = 5
MAX_COMPLEMENT = 14
MAX_OPEN_AGREEMENTS = 20
ANAPHORA = frozenset(["the", "this", "that", "said", "new"])

_SIGNING = re.compile(
    r"\b(?:sign(?:ed|s|ing)?|inked|initial(?:l)?ed|concluded|exchanged|exchange of)\b",
    re.IGNORECASE,
)
_PREPARING = re.compile(
    r"\b(?:to be signed|will (?:be )?sign\w*|would (?:be )?sign\w*|could (?:be )?sign\w*|"
    r"may (?:be )?sign\w*|expected to (?:be )?sign\w*|due to (?:be )?sign\w*|"
    r"plans? to sign|ready for signature|draft\w*|being prepared|final stages|finali[sz]\w+|"
    r"negotiat\w*|not yet signed|yet to be signed|under discussion|are to sign|to sign|"
    r"to conclude|to finalise|to finalize)\b",
    re.IGNORECASE,
)
# A signing told as long past: its own date, never the meeting's.
_EARLIER = re.compile(
    r"\b(?:in (?:19|20)\d\d|last year|years? ago|previously|earlier|since|back in|"
    r"has been in force|was signed in)\b",
    re.IGNORECASE,
)
# A signing announced, not only imagined: "will be signed soon", not "could be signed".
_FIRMLY_PREPARED = re.compile(
    r"\b(?:to be signed|will be signed|will sign|due to be signed|are to sign|ready for "
    r"signature|final stages|finali[sz]ed)\b",
    re.IGNORECASE,
)
_CIRCUMSTANCE = re.compile(r"in (?:the )?(?:presence|margins?|sidelines|course|context|framework)")
_IN_FORCE = re.compile(r"\b(?:entered into force|came into force|took effect|in force)\b", re.I)
_DEADLINE = re.compile(r"\bdeadline\b", re.IGNORECASE)
_PROVISIONS = re.compile(
    r"\b(?:provisions?|under the terms|committed to|obliges?|requires?|allows?|provides? for)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[“«„][^”»“\n]{0,3000}[”»“]|\"[^\"\n]{0,3000}\"")
_KNOWN_AS = re.compile(r"\b(?:known as|called|dubbed|named)\s+(?:the\s+)?$", re.IGNORECASE)
_NOT_READ = frozenset({"headline", "subhead", "quote_header", "speaker_label"})
_NOUN_CUE = cues.WordsPattern(sorted(STRONG_NOUNS | WEAK_NOUNS), whole_words=False)


@dataclass
class _Draft:
    name: str
    noun: str
    words: frozenset[str]
    span: Span
    named: bool
    signed: DatePoint | None = None
    place: str | None = None
    deadline: DatePoint | None = None
    status: str = "unknown"
    firm: bool = False  # its signing is announced ("will be signed"), not imagined
    reasons: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    provisions: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Mention:
    noun: str
    start: int  # token indices
    end: int
    words: frozenset[str]
    named: bool
    determiner: str


def extract_agreements(
    document: Document,
    sentences: list[Sentence],
    sides: list[str],
    meetings: list[MeetingExtraction] | tuple[MeetingExtraction, ...] = (),
    spoken: list[Span] | tuple[Span, ...] = (),
) -> StageResult[AgreementExtraction]:
    """Agreements the article names, with what their signing frames say of each; what
    someone is quoted saying (`spoken`: the spans of the statements) is their talk, not the
    article's report of an agreement."""
    drafts: list[_Draft] = []
    unnamed: list[Rejected] = []
    zone_starts = [zone.span.start for zone in document.zones]
    # "The two sides signed several documents, including:" and the list under it: each item
    # is signed in the frame of the line that introduces the list.
    intro: tuple[Sentence, re.Match] | None = None
    last_paragraph = -1
    for sentence in sentences:
        line = document.text[line_start(document.text, sentence.span.start) : sentence.span.end]
        item = LIST_ITEM.match(line) or "|" in line  # a list item, or a row of a table
        if intro is not None and not (item and sentence.paragraph <= last_paragraph + 2):
            intro = None
        last_paragraph = sentence.paragraph
        if sentence.text.rstrip().endswith(":"):
            opening = _SIGNING.search(sentence.text)
            intro = (sentence, opening) if opening else None
        if not _NOUN_CUE.search(plain(sentence.text), plain(sentence.lowered)):
            continue
        if _zone_kind(document, zone_starts, sentence.span.start) in _NOT_READ:
            continue
        tokens = sentence.tokens
        signing = _SIGNING.search(sentence.text)
        frame, frame_signing = intro if item and intro and not signing else (sentence, signing)
        signing = signing or (frame_signing if frame is not sentence else None)
        quoted: list[Span] = []
        if not signing:
            # What someone says of an agreement is talk unless it tells of a signing.
            quoted = [
                Span(sentence.span.start + m.start(), sentence.span.start + m.end())
                for m in _QUOTED.finditer(sentence.text)
            ]
            quoted += [span for span in spoken if span.overlaps(sentence.span)]
        touched: list[_Draft] = []
        for mention in _mentions(tokens, signing is not None):
            if any(span.contains(tokens[mention.start].start) for span in quoted):
                continue
            if mention.determiner in ("any", "every", "no", "each", "neither"):
                continue  # "No agreement was signed", "any agreement will need …"
            draft = _fitting(drafts, mention)
            if draft is None:
                unnamed_but_signed = (
                    signing is not None and _FIRMLY_PREPARED.search(sentence.text) is not None
                )
                if not mention.named and not unnamed_but_signed:
                    where = Span(tokens[mention.start].start, tokens[mention.end - 1].end)
                    talk = document.text[where.start : where.end]
                    unnamed.append(Rejected("agreements", "neither named nor signed", talk, where))
                    continue
                span = Span(tokens[mention.start].start, tokens[mention.end - 1].end)
                known = _KNOWN_AS.search(document.text, sentence.span.start, span.start)
                draft = _Draft(
                    document.text[span.start : span.end],
                    mention.noun,
                    mention.words,
                    span,
                    named=mention.named,
                )
                if known and touched:
                    touched[-1].name = draft.name  # "officially known as X" renames it
                    touched[-1].words = touched[-1].words | draft.words
                    continue
                drafts.append(draft)
            elif mention.named and len(mention.words) > len(draft.words):
                span = Span(tokens[mention.start].start, tokens[mention.end - 1].end)
                draft.name = document.text[span.start : span.end]
                draft.words = draft.words | mention.words
            if draft not in touched:
                touched.append(draft)
        meeting = _meeting_of(meetings, frame, signing)
        for draft in touched:
            _details(document, frame, draft, signing, meeting, sides)
    kept = tuple(_finish(draft, sides) for draft in drafts if _worth_keeping(draft))
    refused = [
        Rejected("agreements", "neither named nor signed", draft.name, draft.span)
        for draft in drafts
        if not _worth_keeping(draft)
    ]
    return StageResult(kept, tuple(sorted([*unnamed, *refused], key=_rejection_start)))


def _rejection_start(rejection: Rejected) -> int:
    return rejection.span.start if rejection.span else -1


# Determiners that say no agreement is meant ("no new agreement", "neither agreement").
_NEGATING = frozenset(["no", "any", "every", "each", "neither"])


def _meeting_of(
    meetings: list[MeetingExtraction] | tuple[MeetingExtraction, ...],
    sentence: Sentence,
    signing: re.Match | None,
) -> MeetingExtraction | None:
    """The meeting a sentence tells of: one whose city it names ("… in Luanda, where she
    signed …"; of several, the city written last before the signing verb), else the one
    reported last before it."""
    if not meetings:
        return None
    verb = signing.start() if signing else len(sentence.text)
    named = [
        (verb - sentence.text.rfind(m.city, 0, verb), m)
        for m in meetings
        if m.city and sentence.text.rfind(m.city, 0, verb) >= 0
    ]
    if named:
        return min(named, key=lambda pair: pair[0])[1]
    return meetings[meeting_at(meetings, sentence.span.start)]


def _zone_kind(document: Document, starts: list[int], position: int) -> str | None:
    index = bisect.bisect_right(starts, position) - 1
    if index < 0 or not document.zones[index].span.contains(position):
        return None
    return document.zones[index].kind


def _mentions(tokens: list[Token], signing: bool) -> list[_Mention]:
    """The agreement noun phrases of a sentence, left to right."""
    found = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        noun = token.base_folded
        if noun not in STRONG_NOUNS and noun not in WEAK_NOUNS:
            index += 1
            continue
        if noun == "letter" and not _followed_by(tokens, index, ("of", "intent")):
            index += 1
            continue
        start = _modifiers_start(tokens, index)
        while start < index and tokens[start].folded in GENERIC_MODIFIERS:
            start += 1  # "a possible agreement on X" is named "agreement on X"
        end = _complement_end(tokens, index) + 1
        modifiers = [t for t in tokens[start:index] if t.is_word]
        complement = [t for t in tokens[index + 1 : end] if t.is_word]
        words = frozenset(
            t.folded
            for t in modifiers + complement
            if t.folded not in MODIFIER_STOP
            and not lexicon.countries().code_for_name(t.base)  # "agreement … for Vietnam"
        )
        specific = bool(words - GENERIC_MODIFIERS)
        capitalised = token.capitalised and index > 0 and tokens[index - 1].text not in ".\n"
        if noun in PLURALS or token.folded in PLURALS:
            named = False  # talk of several agreements, not one record
        elif noun in WEAK_NOUNS:
            proper = (
                capitalised
                and (modifiers or complement)
                and any(t.capitalised for t in modifiers + complement[:1])
            )
            named = bool(proper or (signing and specific and noun != "deal"))
        else:
            # "an agreement signed in Rabat on 3 March 2019" is a particular one
            named = (
                specific
                or _followed_by(tokens, index, ("signed",))
                or (_followed_by(tokens, index, ("was", "signed")))
            )
        determiner = tokens[start - 1].folded if start > 0 else ""
        back = start - 1
        while back > 0 and tokens[back].folded in GENERIC_MODIFIERS:
            back -= 1  # "No new agreement was signed": the determiner is "no"
        if back >= 0 and tokens[back].folded in _NEGATING:
            determiner = tokens[back].folded
        found.append(
            _Mention(
                noun if noun != "memorandums" else "memorandum",
                start,
                end,
                words,
                named,
                determiner,
            )
        )
        index = end if end > index else index + 1
    return found


def _followed_by(tokens: list[Token], index: int, words: tuple[str, ...]) -> bool:
    following = tokens[index + 1 : index + 1 + len(words)]
    return tuple(t.folded for t in following) == words


def _modifiers_start(tokens: list[Token], noun_index: int) -> int:
    start = noun_index
    while start > 0 and noun_index - start < MAX_MODIFIERS:
        token = tokens[start - 1]
        inside_name = (
            token.folded in ("of", "and", "on", "for")
            and start >= 2
            and tokens[start - 2].capitalised
            and tokens[start].capitalised
        )
        if not inside_name and (
            not token.is_word or token.folded in MODIFIER_STOP or token.possessive
        ):
            break
        if cues.country_at(tokens, start - 1) and not token.capitalised:
            break
        start -= 1
    return start


def _complement_end(tokens: list[Token], noun_index: int) -> int:
    """The last token of what follows the noun and belongs to the name ("of Understanding on
    Cooperation in Military Medicine", "of intent on joint air defence training")."""
    start = noun_index + 1
    if start >= len(tokens) or tokens[start].folded not in COMPLEMENT_HEADS:
        return noun_index
    if tokens[start].folded == "to" or (
        tokens[start].folded == "in" and not tokens[start + 1 : start + 2]
    ):
        return noun_index
    end = noun_index
    for index in range(start, min(len(tokens), start + MAX_COMPLEMENT)):
        token = tokens[index]
        word = token.folded
        if not token.is_word and token.text not in "-–'’":
            break
        title_case = token.capitalised and tokens[noun_index].capitalised
        if index > start and word in COMPLEMENT_STOP and not title_case:
            break  # a name in title case goes on ("Agreement on China Providing …")
        if word == "in" and _CIRCUMSTANCE.match(
            " ".join(t.folded for t in tokens[index : index + 3])
        ):
            break  # "… in the presence of the two prime ministers": how, not the name
        if word == "in" and index + 1 < len(tokens):
            following = tokens[index + 1]
            if (
                following.text[:1].isdigit()
                or following.folded in MONTHS
                or cues.country_at(tokens, index + 1)
            ):
                break  # "signed … in Praia in March 2019": where and when, not the name
        if word == "between" and index + 1 < len(tokens) and not tokens[index + 1].capitalised:
            following = tokens[index + 2] if index + 2 < len(tokens) else None
            if tokens[index + 1].folded != "the" or not (following and following.capitalised):
                break  # "between the two countries" is who, not the name
        if word == "and" and not (
            index + 1 < len(tokens) and (tokens[index + 1].capitalised or index - start < 6)
        ):
            break
        if token.is_word and word not in COMPLEMENT_HEADS and word not in MODIFIER_STOP:
            end = index
    return end


def _fitting(drafts: list[_Draft], mention: _Mention) -> _Draft | None:
    """The earlier agreement a mention refers to, if any."""
    for draft in reversed(drafts[-MAX_OPEN_AGREEMENTS:]):
        same_noun = mention.noun == draft.noun or {mention.noun, draft.noun} <= {
            "mou",
            "memorandum",
        }
        if (
            mention.named
            and same_noun
            and (mention.words <= draft.words or draft.words <= mention.words)
        ):
            return draft
        if not mention.named and mention.determiner in ANAPHORA and same_noun:
            return draft
    if not mention.named and mention.determiner in ANAPHORA and drafts:
        latest = drafts[-1]
        return latest if mention.noun in STRONG_NOUNS | {"deal"} else None
    return None


def _details(
    document: Document,
    sentence: Sentence,
    draft: _Draft,
    signing: re.Match | None,
    meeting: MeetingExtraction | None,
    sides: list[str],
) -> None:
    text = sentence.text
    dates = [
        d
        for d in find_dates(
            document.text,
            sentence.span.start,
            sentence.span.end,
            published=reference_at(document, sentence.span.start),
        )
        if not d.relative or d.start.precision == "day"
    ]
    preparing = _PREPARING.search(text)
    near_verb = signing and _PREPARING.search(
        text, max(0, signing.start() - 40), min(len(text), signing.end() + 30)
    )
    if near_verb and draft.status == "unknown":
        draft.status = "in_preparation"
        draft.firm = draft.firm or bool(_FIRMLY_PREPARED.search(text))
    if signing and not near_verb:
        if draft.status in ("unknown", "in_preparation"):
            draft.status = "signed"
        verb = sentence.span.start + signing.start()
        dated = _nearest(dates, verb)
        _note(draft, f"signing in: “{text[:100]}”")
        if (
            dated is not None
            and draft.signed is None
            and dated.start.precision == "day"
            and dated.start.year_known
        ):
            draft.signed = dated.start
            _note(draft, f"signing date “{dated.start.text}” beside the verb")
        place = _place_after_in(document, sentence, verb)
        if place and draft.place is None:
            draft.place = place
        if dated is None and meeting is not None and not _EARLIER.search(_clause(text, signing)):
            # Signed at the meeting the article reports: its date and place.
            if draft.signed is None and meeting.start and meeting.start.precision == "day":
                draft.signed = meeting.start
                _note(draft, "signed at the meeting: its date and place")
            draft.place = draft.place or meeting.city
    elif preparing and draft.status == "unknown":
        draft.status = "in_preparation"
        _note(draft, f"in preparation: “{preparing.group()}”")
        draft.firm = draft.firm or bool(_FIRMLY_PREPARED.search(text))
    in_force = _IN_FORCE.search(text)
    if (
        in_force
        and draft.status != "in_preparation"
        and _same_clause(text, in_force, draft, sentence)
    ):
        draft.status = "in_force"
    deadline_word = _DEADLINE.search(text)
    if deadline_word:
        deadline = next(
            (m for m in dates if m.span.start > sentence.span.start + deadline_word.start()),
            None,
        )
        if deadline and draft.deadline is None:
            draft.deadline = deadline.start
    if _PROVISIONS.search(text) and len(draft.provisions) < 3 and text not in draft.provisions:
        draft.provisions.append(text)
    tokens = sentence.tokens
    index = 0
    while index < len(tokens):
        cue = cues.country_at(tokens, index)
        if cue and cue.code not in draft.parties and (not sides or cue.code in sides):
            draft.parties.append(cue.code)
        index += cue.length if cue else 1


def _same_clause(text: str, match: re.Match, draft: _Draft, sentence: Sentence) -> bool:
    """Whether a phrase and the agreement's mention stand in one clause of the sentence (no
    comma between them): "the agreement entered into force", not "…, which replaces one in
    force since 2015"."""
    at = draft.span.start - sentence.span.start
    if not 0 <= at < len(text):
        return True  # mentioned in an earlier sentence: this one speaks of it
    low, high = sorted((at, match.start()))
    return "," not in text[low:high] and ";" not in text[low:high]


def _clause(text: str, verb: re.Match) -> str:
    """The clause of a verb: from the comma or semicolon before it to the one after it."""
    start = max(text.rfind(",", 0, verb.start()), text.rfind(";", 0, verb.start())) + 1
    ends = [i for i in (text.find(",", verb.end()), text.find(";", verb.end())) if i >= 0]
    return text[start : min(ends, default=len(text))]


def _note(draft: _Draft, reason: str) -> None:
    if reason not in draft.reasons and len(draft.reasons) < 6:
        draft.reasons.append(reason)


def _nearest(dates: list[DateMention], position: int) -> DateMention | None:
    """The date written closest to the signing verb, before or after it (within a clause's
    reach): "On Monday, the ministers signed …", "… signed on 3 March"."""
    near = [d for d in dates if abs(d.span.start - position) <= 120 and d.start.precision != "year"]
    if not near:
        near = [d for d in dates if abs(d.span.start - position) <= 60]
    return min(near, key=lambda d: abs(d.span.start - position), default=None)


def _place_after_in(document: Document, sentence: Sentence, verb: int) -> str | None:
    tokens = sentence.tokens
    for index, token in enumerate(tokens):
        if token.start < verb or index == 0 or token.start > verb + 120:
            continue
        if tokens[index - 1].folded == "in":
            cue = cues.country_at(tokens, index)
            if cue and cue.kind == "city":
                return document.text[token.start : tokens[index + cue.length - 1].end]
    return None


def _worth_keeping(draft: _Draft) -> bool:
    """A named agreement, or one whose signing is announced; a weak noun (a plan, a
    declaration) only when it was signed or its signing is announced."""
    if draft.status == "in_preparation" and draft.firm:
        return True
    if draft.noun in WEAK_NOUNS and draft.status not in ("signed", "in_force"):
        return False
    return draft.named


def _finish(draft: _Draft, sides: list[str]) -> AgreementExtraction:
    parties = [code for code in draft.parties if not sides or code in sides]
    parties += [code for code in sides if code not in parties]
    name = draft.name
    if not (draft.words - GENERIC_MODIFIERS) and len(sides) == 2:
        names = [lexicon.countries().name(code) or code for code in sides]
        name = f"{names[0]}–{names[1]} {draft.noun}"
    status = draft.status
    if draft.signed is not None and status == "unknown":
        status = "signed"
    confidence = (
        0.4 + 0.2 * draft.named + 0.25 * (draft.signed is not None) + 0.1 * bool(draft.place)
    )
    reasons = [f"named “{draft.name}”" if draft.named else "unnamed", *draft.reasons]
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
        confidence=round(min(confidence, 1.0), 2),
        reasons=tuple(reasons),
    )
