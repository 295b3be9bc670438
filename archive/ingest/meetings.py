"""The meeting an article reports: when, where, between which states, who took part.

One article usually reports one meeting (a visit may span days). The reporting passage is the
first sentence with a meeting word that names a person, a date or a place. The date is the
first date in a meeting sentence that is not about something else (a signing, a deadline);
the city is a known city introduced by "in", "to" or "at" in a meeting sentence and belonging
to one of the two sides ("Tehran and Baghdad view ..." is metonymy, not a place).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from . import cues
from .dates import find_dates, speaks_of_future
from .people import PeopleResult
from .segment import Sentence
from .types import (
    DateMention,
    Document,
    InstitutionExtraction,
    MeetingExtraction,
    Participant,
    Rejected,
    Span,
    StageResult,
)
from .zones import reference_at

MEETING_WORDS = (
    *("met", "meet", "meets", "meeting", "meetings", "talks", "visit", "visits", "visited"),
    *("visiting", "arrived", "arrives", "received", "receives", "hosted", "hosts", "held"),
    *("gathering", "summit", "conference", "discussions", "consultations", "conferred"),
    *("welcomed", "sat down", "co-chaired", "chaired", "session", "courtesy call", "called on"),
    *("sidelines", "audience"),
    # who else was at the table: "They were joined by …", "also attended by …"
    *("joined by", "accompanied by", "attended by", "also attended", "also took part"),
)
_CUE = cues.WordsPattern(MEETING_WORDS)
_OTHER_EVENT_BEFORE = re.compile(
    r"(?:signed|deadline|since|appointed|appointment|lifted|founded|established|expires?|"
    r"assassinated|elected|born|(?:last|previously|earlier|first|already)\s+(?:met|visited|"
    r"held))\W+(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)
# An arrival, a return or a departure is not the meeting, however many words lie between
# the verb and its date ("arrived in the Chilean capital on Sunday evening").
# Where someone went back to or left for is not where they met (where they arrived usually is).
_DEPARTURE_BEFORE = re.compile(
    r"\b(?:returned|returning|departed|departing|left|leaving|flew|flying|travell?ed|"
    r"headed|heading)\W+(?:\w+\W+){0,6}$",
    re.IGNORECASE,
)
# A journey whose purpose is the talks is the meeting's place and day: "travelled to Tallinn
# on Monday for talks with", "flew to Hanoi to meet".
_FOR_TALKS_AFTER = re.compile(
    r"^(?:\W+\w+){0,3}?\W+(?:for\s+(?:talks|a\s+meeting|meetings|consultations)|"
    r"to\s+(?:meet|hold\s+talks))\b",
    re.IGNORECASE,
)
_ARRIVAL_BEFORE = re.compile(
    r"\b(?:arrived|arrives|arriving|arrival|landed|returned|returning|departed|departing|"
    r"left|leaving|flew|flying|travell?ed)\W+(?:\w+\W+){0,6}$",
    re.IGNORECASE,
)
_SIGNING = re.compile(r"\bsign(?:ed|ing)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_ON_BEFORE = re.compile(r"\b(?:on|On)\s+(?:\w+,?\s+)?$")
_DATELINE_HEAD = re.compile(r"(?:^|\n)\s*[A-Z][A-Z .'-]{1,30},\s*$")
_DATELINE_TAIL = re.compile(r"\s*(?:\(|--|[–—-]\s)")
PLACE_PREPOSITIONS = frozenset({"in", "to", "at"})
# How far before the first meeting sentence the lead may say where the news happened.
LEAD_SENTENCES = 3
KIND_WORDS = (
    ("defense", re.compile(r"\b(?:defen[cs]e|military|armed forces|army|navy)\b", re.I)),
    ("security", re.compile(r"\b(?:security|intelligence|counterterrorism)\b", re.I)),
    ("economic", re.compile(r"\b(?:trade|economic|investment|energy)\b", re.I)),
    (
        "diplomatic",
        re.compile(r"\b(?:diplomatic|foreign minister|president|prime minister)\b", re.I),
    ),
)


_QUOTED = re.compile(r"[“«„][^”»“\n]{0,3000}[”»“]|\"[^\"\n]{0,3000}\"")
_SPEAKS_FOR_OTHERS = re.compile(
    r"\b(?:spokes(?:man|woman|person)|press (?:secretary|officer|attach[eé])|"
    r"public relations|information officer)\b",
    re.IGNORECASE,
)
_FUTURE_AFTER = re.compile(
    r"\b(?:is|are|was|were) (?:planned|scheduled|expected|due)\b|\blater this\b|"
    r"\bnext (?:week|month|year)\b|\bin the coming\b|\bwill be held\b|\btomorrow\b",
    re.IGNORECASE,
)
_WHEN_BEFORE = re.compile(r"\b(?:when|if|once|until|before|after)\b", re.IGNORECASE)
_PRESENT_TENSE = frozenset(["meet", "meets", "visit", "visits", "hosts", "receives"])
_NEGATED_BEFORE = re.compile(
    r"\b(?:no|not|never|without|yet to|cancel\w*|postpon\w*|call\w* off|hypothetical)\b",
    re.IGNORECASE,
)


def _meeting_sentences(sentences: list[Sentence]) -> list[int]:
    """Sentences that report a meeting: a meeting word not in a clause about the future or
    a negated one ("No date has been set for talks", "the ministers will meet in May")."""
    found = []
    for number, sentence in enumerate(sentences):
        cue = _CUE.search(sentence.text, sentence.lowered)
        if cue is None:
            continue
        if _QUOTED.search(sentence.text):
            # A meeting word inside a quotation is what someone said, not what happened.
            plain = _QUOTED.sub(lambda m: " " * len(m.group()), sentence.text)
            cue = _CUE.search(plain, plain.lower())
            if cue is None:
                continue
        clause = sentence.text[max(0, cue.start() - 120) : cue.start()]
        clause = clause[max(clause.rfind(","), clause.rfind(";")) + 1 :]
        if speaks_of_future(clause, len(clause)) or _NEGATED_BEFORE.search(clause):
            continue
        after = sentence.text[cue.end() : cue.end() + 100]
        after = after[: min((i for i in (after.find(","), after.find(";")) if i >= 0), default=100)]
        if _FUTURE_AFTER.search(after) or (
            _WHEN_BEFORE.search(clause) and cue.group().lower() in _PRESENT_TENSE
        ):
            continue  # "a meeting … is planned in Luanda", "when X and Y meet later this month"
        found.append(number)
    return found


def _meeting_date(
    document: Document, sentences: list[Sentence], numbers: list[int]
) -> DateMention | None:
    """The meeting's date: in the meeting sentences, a date introduced by "on" first (the
    event's own date), then any other date, never one of another event (an arrival, a
    signing long ago, something to come, or something "before" or "after" the talks); else
    the date of the story's lead sentence ("X and Y agreed on Tuesday to ..."); a dateline's
    date ("PARIS, March 12 (Wire) –") is the report's, so it comes last."""
    fallback: DateMention | None = None
    # The sentence that reports the two sides' own talks ("the two ministers held a
    # bilateral meeting") dates the meeting before one about a call or an audience.
    both = [n for n in numbers if _BOTH_SIDES.search(sentences[n].text)]
    for number in [*both, *(n for n in numbers if n not in both)]:
        found, dateline = _event_date(document, sentences[number], meeting=True)
        fallback = fallback or dateline
        if found and found.start.value is not None:
            return found
        fallback = fallback or found
    lead = next((s for s in sentences if not _in_zone_kinds(document, s, _NOT_LEAD)), None)
    if lead is not None:
        found, dateline = _event_date(document, lead, meeting=False)
        fallback = fallback or dateline
        if found:
            return found
    return fallback


_BOTH_SIDES = re.compile(
    r"\b(?:the\s+two\s+(?:\w+\s+){0,2}?(?:ministers|sides|delegations|leaders|chiefs|"
    r"presidents|counterparts)|bilateral\s+(?:meeting|talks))\b",
    re.IGNORECASE,
)
_NOT_LEAD = frozenset({"headline", "subhead", "quote_header", "speaker_label"})
_RELATION_BETWEEN = re.compile(
    r"\b(?:before|after|ahead of|since|until|following|prior to|when)\b", re.IGNORECASE
)


def _in_zone_kinds(document: Document, sentence: Sentence, kinds: frozenset[str]) -> bool:
    return any(
        zone.kind in kinds and zone.span.contains(sentence.span.start) for zone in document.zones
    )


def _event_date(
    document: Document, sentence: Sentence, *, meeting: bool
) -> tuple[DateMention | None, DateMention | None]:
    """The date of the event a sentence reports, and a dateline date seen on the way."""
    text = document.text
    trigger = _CUE.search(sentence.text, sentence.lowered) if meeting else None
    trigger_at = sentence.span.start + trigger.start() if trigger else None
    candidates = []
    dateline = None
    reference = reference_at(document, sentence.span.start)
    for mention in find_dates(text, sentence.span.start, sentence.span.end, published=reference):
        before = text[max(sentence.span.start, mention.span.start - 60) : mention.span.start]
        after = text[mention.span.end : min(sentence.span.end, mention.span.end + 60)]
        if (
            _OTHER_EVENT_BEFORE.search(before[-40:])
            or (_ARRIVAL_BEFORE.search(before) and not _FOR_TALKS_AFTER.search(after))
            or mention.start.precision == "year"
        ):
            continue
        if speaks_of_future(text, mention.span.start, floor=sentence.span.start, width=120):
            continue
        if mention.start.month is None and mention.start.day is None and not (mention.relative):
            continue
        if trigger_at is not None and trigger_at < mention.span.start:
            between = text[trigger_at : mention.span.start]
            if _RELATION_BETWEEN.search(between):
                continue  # "the talks came three weeks before X takes office on 24 May"
        if _in_dateline(text, sentence.span.start, mention) or _in_dateline_zone(document, mention):
            dateline = dateline or mention
            continue
        introduced = _ON_BEFORE.search(before[-40:]) or (
            mention.relative and mention.start.text[:3].lower() == "on "
        )
        candidates.append((not introduced, mention.span.start, mention))
    if candidates:
        return min(candidates, key=lambda c: c[:2])[2], dateline
    return None, dateline


def _in_dateline_zone(document: Document, mention: DateMention) -> bool:
    """Whether a date is written in the dateline the zone stage found ("Tokyo, 12 March 2025
    (Kyodo) —"): the report's date, not the meeting's."""
    return any(
        zone.kind == "dateline" and zone.span.contains(mention.span.start)
        for zone in document.zones[:12]
    )


def _in_dateline(text: str, sentence_start: int, mention: DateMention) -> bool:
    """Whether a date sits in a dateline: at the head of a paragraph, after an upper-case
    place name, and followed by an agency in brackets or a dash."""
    head = text[max(0, mention.span.start - 40) : mention.span.start]
    if not _DATELINE_HEAD.search(head):
        return False
    line_start = text.rfind("\n", 0, mention.span.start) + 1
    if text[line_start : mention.span.start].count(" ") > 5:
        return False
    return bool(_DATELINE_TAIL.match(text, mention.span.end))


def _meeting_city(
    document: Document, sentences: list[Sentence], numbers: list[int], sides: list[str]
) -> tuple[str | None, int | None]:
    """Where the meeting was held: a city introduced by "in", "to" or "at" in a meeting
    sentence (any country's: a meeting may be held on a summit's sidelines), unless it is the
    place of a future or another event; else the dateline's city (a wire reporter files from
    where the talks are); else the city the lead puts the news in, in the few sentences before
    the meeting's ("… announced at a joint press conference in Tbilisi on 11 March"); else the
    city of a signing between the two sides."""
    for number in numbers:
        city = _city_in(document, sentences[number])
        if city:
            return city, number
    if document.dateline_city:
        return document.dateline_city, None
    first = numbers[0] if numbers else 0
    for number in range(max(0, first - LEAD_SENTENCES), first):
        city = _city_in(document, sentences[number])
        if city:
            return city, number
    for number, sentence in enumerate(sentences):
        if _SIGNING.search(sentence.text) and not _YEAR.search(sentence.text):
            city = _city_in(document, sentence, signing=True)
            if city:
                return city, number
    return None, None


def _ends_place_phrase(tokens: list, index: int) -> bool:
    """A city closing a place phrase that opened with "in" or "at": "at the DND Main Building
    in Camp Aguinaldo, Quezon City", "held at the headquarters of the wilaya of Tébessa"."""
    if tokens[index - 1].text not in (",", "of"):
        return False
    for back in range(index - 2, max(-1, index - 10), -1):
        token = tokens[back]
        if token.folded in ("in", "at"):
            return True
        if not token.is_word and token.text != ",":
            return False
    return False


def _city_in(document: Document, sentence: Sentence, *, signing: bool = False) -> str | None:
    tokens = sentence.tokens
    for index in range(1, len(tokens)):
        if tokens[index - 1].folded not in PLACE_PREPOSITIONS and not _ends_place_phrase(
            tokens, index
        ):
            continue
        cue = cues.country_at(tokens, index)
        if not cue or cue.kind != "city":
            continue
        before = document.text[
            max(sentence.span.start, tokens[index].start - 60) : tokens[index].start
        ]
        end = tokens[index + cue.length - 1].end
        after = document.text[end : min(sentence.span.end, end + 60)]
        if not signing and _DEPARTURE_BEFORE.search(before) and not _FOR_TALKS_AFTER.search(after):
            continue
        if (not signing and _OTHER_EVENT_BEFORE.search(before[-40:])) or speaks_of_future(
            document.text, tokens[index].start, floor=sentence.span.start, width=120
        ):
            continue
        return document.text[tokens[index].start : tokens[index + cue.length - 1].end]
    return None


def _venue(
    document: Document, sentence: Sentence | None, institutions: list[InstitutionExtraction]
) -> str | None:
    if sentence is None:
        return None
    for institution in institutions:
        for span in institution.spans:
            if sentence.span.contains(span.start):
                before = document.text[max(0, span.start - 8) : span.start].casefold()
                if before.endswith(("at the ", "at ")):
                    return institution.name
    return None


def _has_mention(sentence: Sentence, starts: list[int]) -> bool:
    index = bisect.bisect_left(starts, sentence.span.start)
    return index < len(starts) and starts[index] < sentence.span.end


def _kind(text: str) -> str:
    for kind, pattern in KIND_WORDS:
        if pattern.search(text):
            return kind
    return "other"


def extract_meetings(
    document: Document,
    sentences: list[Sentence],
    people: PeopleResult,
    institutions: list[InstitutionExtraction],
    sides: list[str],
) -> StageResult[MeetingExtraction]:
    """The meetings the article reports (a trip to two capitals is two), or a rejection
    saying why there is none."""
    officials = [p for p in people.items if p.is_official]
    numbers = [
        n
        for n in _meeting_sentences(sentences)
        if not _lone_gathering(sentences[n], people, {p.key for p in officials})
    ]
    if not numbers or not officials:
        reason = "no meeting reported" if not numbers else "no officials named"
        return StageResult((), (Rejected("meetings", reason, document.text[:120], None),))
    events = _events(document, sentences, numbers, people)
    if len(events) > 1:
        return StageResult(
            tuple(
                _event_meeting(document, sentences, event, people, institutions, sides, len(events))
                for event in events
            )
        )
    starts = [span.start for span, _ in people.mentions]
    lead = next((n for n in numbers if _has_mention(sentences[n], starts)), numbers[0])
    date = _meeting_date(document, sentences, numbers)
    city, city_sentence = _meeting_city(document, sentences, numbers, sides)
    venue = _venue(
        document, sentences[city_sentence] if city_sentence is not None else None, institutions
    )
    participants = []
    for person in officials:
        if sides and person.country and person.country not in sides:
            continue
        if _SPEAKS_FOR_OTHERS.search(person.title or ""):
            continue  # a spokesperson reports the meeting; they are not at the table
        first = person.mentions[0]
        participants.append(
            Participant(person.key, person.country, first.title_as_written, first.span)
        )
    passage = " ".join(sentences[n].text for n in numbers[:3])
    summary = sentences[lead].text[:400]
    confidence, reasons = _meeting_evidence(
        document, sentences[lead], date, city, city_sentence is None, participants
    )
    meeting = MeetingExtraction(
        start=date.start if date else None,
        end=date.end if date else None,
        city=city,
        venue=venue,
        countries=tuple(sides),
        participants=tuple(participants),
        span=Span(sentences[lead].span.start, sentences[lead].span.end),
        kind=_kind(passage),
        summary=summary,
        passages=tuple(sentences[n].span for n in numbers),
        confidence=confidence,
        reasons=reasons,
    )
    return StageResult((meeting,))


def _meeting_evidence(
    document: Document,
    lead: Sentence,
    date: DateMention | None,
    city: str | None,
    city_from_dateline: bool,
    participants: list[Participant],
    *,
    of_several: int = 1,
) -> tuple[float, tuple[str, ...]]:
    """How sure a meeting is, and why: a meeting word with a date, a place and officials of
    two countries is a meeting as an editor would record it; each missing part lowers it."""
    reasons = [f"meeting word in: “{lead.text[:100]}”"]
    confidence = 0.4
    if date is not None:
        confidence += 0.2
        counted = (
            f", counted from the {document.reference_source} ({document.reference_date})"
            if date.relative and document.reference_date
            else ""
        )
        reasons.append(f"date from “{date.start.text}”{counted}")
    else:
        reasons.append("no date in the meeting sentences")
    if city:
        confidence += 0.2
        reasons.append(f"place {city} from the {'dateline' if city_from_dateline else 'text'}")
    else:
        reasons.append("no place found")
    countries = {p.delegation_country for p in participants if p.delegation_country}
    if len(participants) >= 2 and len(countries) >= 2:
        confidence += 0.2
    reasons.append(f"{len(participants)} participants of {len(countries)} countries")
    if of_several > 1:
        confidence -= 0.1
        reasons.append(f"one of {of_several} meetings the article reports")
    return round(min(confidence, 1.0), 2), tuple(reasons)


def meeting_at(
    meetings: list[MeetingExtraction] | tuple[MeetingExtraction, ...], position: int
) -> int:
    """The index of the meeting a passage at `position` is about: the one whose report the
    text last gave before it (the first meeting, before any report)."""
    best, best_start = 0, -1
    for index, meeting in enumerate(meetings):
        for span in meeting.passages or (meeting.span,):
            if best_start < span.start <= position:
                best, best_start = index, span.start
    return best


_GATHERINGS = cues.WordsPattern(("conference", "summit", "gathering", "forum", "session"))


def _lone_gathering(sentence: Sentence, people: PeopleResult, official: set[str]) -> bool:
    """A conference or a summit is a bilateral meeting only with both sides in it: a sentence
    whose only meeting word is such a gathering and that names one country's officials
    ("…, telling a conference in Thessaloniki that …") reports no meeting between two."""
    if not _GATHERINGS.search(sentence.text, sentence.lowered):
        return False
    plain = _GATHERINGS_RE.sub(" ", sentence.lowered)
    if _CUE.search(plain, plain):
        return False  # another meeting word ("met on the sidelines of the summit")
    by_key = {person.key: person for person in people.items}
    countries = {
        by_key[key].country
        for span, key in people.mentions
        if key in official and sentence.span.contains(span.start) and by_key[key].country
    }
    return len(countries) < 2


_GATHERINGS_RE = re.compile(r"\b(?:conference|summit|gathering|forum|session)s?\b")


@dataclass
class _Event:
    """Meeting sentences that report one meeting: its place, date and the officials named."""

    city: str | None
    date: DateMention | None
    numbers: list[int] = field(default_factory=list)
    people: list[str] = field(default_factory=list)


def _events(
    document: Document, sentences: list[Sentence], numbers: list[int], people: PeopleResult
) -> list[_Event]:
    """The meeting sentences grouped by the meeting they report. A sentence opens a new
    meeting when it holds one in another city than the meeting being read, with an official
    not named at any meeting before (the next capital of a trip, its next counterpart); one
    in a city already seen goes back to that meeting; a sentence with no place of its own
    belongs to the meeting being read."""
    official = {p.key for p in people.items if p.is_official}
    starts = [span.start for span, _ in people.mentions]
    events: list[_Event] = []
    current: _Event | None = None
    for number in numbers:
        sentence = sentences[number]
        city = _city_in(document, sentence)
        first = bisect.bisect_left(starts, sentence.span.start)
        last = bisect.bisect_left(starts, sentence.span.end)
        named = [key for _, key in people.mentions[first:last] if key in official]
        seen = {key for event in events for key in event.people}
        target = next((e for e in events if city and e.city == city), None)
        if target is None and current is not None:
            if city and current.city and city != current.city and set(named) - seen:
                target = None  # a meeting in another city, with someone new
            else:
                target = current
                target.city = target.city or city
        if target is None:
            target = _Event(city, None)
            events.append(target)
        target.numbers.append(number)
        target.people += [key for key in named if key not in target.people]
        if target.date is None or target.date.start.value is None:
            # a vague date ("this week") gives way to the first exact one of the meeting
            found, _ = _event_date(document, sentence, meeting=True)
            if found is not None and (target.date is None or found.start.value is not None):
                target.date = found
        current = target
    return events


def _event_meeting(
    document: Document,
    sentences: list[Sentence],
    event: _Event,
    people: PeopleResult,
    institutions: list[InstitutionExtraction],
    sides: list[str],
    of_several: int,
) -> MeetingExtraction:
    """One meeting of several: its own place, date, participants and the two countries of
    its participants."""
    by_key = {person.key: person for person in people.items}
    participants = []
    for key in event.people:
        person = by_key[key]
        first = person.mentions[0]
        participants.append(
            Participant(person.key, person.country, first.title_as_written, first.span)
        )
    counts = Counter(p.delegation_country for p in participants if p.delegation_country)
    countries = tuple(code for code, _ in counts.most_common(2)) or tuple(sides)
    lead = sentences[event.numbers[0]]
    city_sentence = next(
        (sentences[n] for n in event.numbers if _city_in(document, sentences[n])), None
    )
    passage = " ".join(sentences[n].text for n in event.numbers[:3])
    confidence, reasons = _meeting_evidence(
        document, lead, event.date, event.city, False, participants, of_several=of_several
    )
    return MeetingExtraction(
        start=event.date.start if event.date else None,
        end=event.date.end if event.date else None,
        city=event.city,
        venue=_venue(document, city_sentence, institutions),
        countries=countries,
        participants=tuple(participants),
        span=Span(lead.span.start, lead.span.end),
        kind=_kind(passage),
        summary=lead.text[:400],
        passages=tuple(sentences[n].span for n in event.numbers),
        confidence=confidence,
        reasons=reasons,
    )
