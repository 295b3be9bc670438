"""Direct quotations and who said them.

Quotes: curly and straight double quotes, and single quotes told apart from apostrophes
(an opening mark follows a space or bracket and precedes a letter; a closing mark follows a
non-space and is not followed by a letter). Closing marks are indexed once and found by
bisection, so thousands of unclosed marks stay linear.
Speaker, in order: the attribution after the quote ("..., he stated", "..., pointed out the
military chief"), the subject before it in the same sentence ("X added, '...'"), a header line
("President X:" followed by quoted lines), the speaker of the quote just before, the subject of
the previous sentence. Pronouns and role nouns ("the general") resolve to the latest fitting
person. Outlets are never people, so "as reported by IRNA" never makes a speaker.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from . import cues, lexicon
from . import zones as zones_module
from .people import PeopleResult
from .segment import Sentence, Token, tokenize
from .types import (
    Document,
    PersonExtraction,
    Rejected,
    Span,
    StageResult,
    StatementExtraction,
)
from .zones import unwrap

MAX_QUOTE_CHARS = 3000
SCARE_QUOTE_MAX_WORDS = 2
# A quotation this short with no speaker anywhere around it is a phrase held up, not speech.
UNATTRIBUTED_MAX_WORDS = 4
MAX_QUOTES = 2000
MAX_QUOTE_MARKS = 20 * MAX_QUOTES  # apostrophes count: they use the same marks
_ANY_MARK = re.compile(r"[\"“„«”»‘’']")
_SINGLE_OPEN_BEFORE = frozenset(" \t\n([{—–-:")
_STRAIGHT_DOUBLE = re.compile(r'"')
_CURLY_OPEN = re.compile(r"[“„«]")
_CURLY_CLOSE = re.compile(r"[”»]")
# „ opens German and Central European quotations, closed by “ (or ”).
_LOW_OPEN = re.compile("„")
_LOW_CLOSE = re.compile(r"[“”]")
# Dialogue as translated Russian or East European press writes it: a paragraph opening with
# a dash is speech, up to a dash that hands over to the attribution ("— We are ready, — said
# the minister.") or to the paragraph's end.
_DIALOGUE_OPEN = re.compile(r"(?m)^[ \t]*[—–][ \t]+(?=\S)")
_DIALOGUE_HANDOVER = re.compile(r"[,.!?…]?[ \t]+[—–][ \t]+")
# Who speaks when the clause around a quotation names no person: an organisation, a document
# or several people at once. Such a quotation is nobody's statement.
_SPEECH_VERB = (
    r"(?:say|said|state|add|agree|describ|call|not|stress|urg|warn|declar|reaffirm|express|"
    r"shar|underlin|affirm|emphasi[sz]|welcom|announc|denounc|condemn|quot|report|ask|demand|"
    r"chant|wr[io]t|inform|insist)\w*"
)
_SOURCE_BODY = (
    r"(?:ministry|ministries|office|agency|government|embassy|department|presidency|palace|"
    r"command|army|navy|military|police|forces|service|broadcaster|television|media|"
    r"White House|Kremlin|secretariat|council|"
    r"(?:the|both|two)\s+(?:two\s+)?(?:sides|ministers|leaders|countries|delegations|"
    r"governments|parties|chiefs|presidents)|"
    r"officials|sources|residents|villagers|protesters|critics|analysts|observers|diplomats)"
)
_COLLECTIVE_SPEAKER = re.compile(
    # a document or a slogan is quoted
    r"\b(?:(?:joint\s+|a\s+|in\s+(?:a|its|their)\s+)statement|communiqu[eé]|press release|"
    r"slogan|motto|banner|placard|headline)\b|"
    # an organisation, both sides or a crowd speaks
    rf"\b{_SOURCE_BODY}(?:[^\w,.;]+\w+){{0,6}}?[^\w,.;]+{_SPEECH_VERB}\b|"
    rf"\b{_SPEECH_VERB}\s+(?:the\s+)?(?:\w+\s+){{0,2}}?{_SOURCE_BODY}\b|"
    # ... or is what the quotation is according to
    rf"\b(?:according\s+to|in\s+the\s+words\s+of)\s+(?:\w+\W+){{0,5}}?{_SOURCE_BODY}\b|"
    # nobody is named
    r"\b(?:who|which)\s+(?:asked|spoke|requested|declined)\s+(?:not\s+to\s+be\s+"
    r"(?:named|identified)|on\s+condition\s+of\s+anonymity|to\s+be\s+named)|\bunnamed\b|"
    r"\banonymous\b",
    re.IGNORECASE,
)
# Words that may stand lowercase inside a quoted name ("Cruz del Sur", "Shield of the North").
_NAME_CONNECTORS = frozenset(
    [
        "of",
        "the",
        "and",
        "for",
        "in",
        "on",
        "to",
        "at",
        "a",
        "an",
        "de",
        "del",
        "la",
        "le",
        "du",
        "da",
        "di",
        "von",
        "van",
        "al",
    ]
)
_SINGLE_MARK = re.compile(r"[‘’']")
# The words that put a question to someone, right before its quotation marks.
_QUESTION_BEFORE = re.compile(r"\b(?:asked|asking|asks|questioned)(?:\s+\w+){0,2}[\s,:]*\Z")
_WORDS = re.compile(r"\w+(?:[’'\-]\w+)*")
_NEWLINE = re.compile("\n")
_HEADER_END = re.compile(r":\s*$")
PREPOSITIONS = frozenset(
    ["with", "to", "by", "from", "of", "and", "for", "at", "about", "between", "against", "among"]
)
AUXILIARIES = frozenset(
    ["also", "further", "then", "was", "were", "has", "had", "is", "have", "later", "again"]
)


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted passage: marks at open and close; text is what is between them."""

    open: int
    close: int
    # Reopening marks of a quotation that runs over paragraphs: not part of what was said.
    reopens: tuple[int, ...] = ()

    @property
    def inner(self) -> Span:
        return Span(self.open + 1, self.close)


def quote_scan_end(document: Document) -> int:
    """Where quotation finding stops: the body's end, or the mark after MAX_QUOTE_MARKS.

    Only MAX_QUOTES quotations are ever attributed; a text with tens of thousands of quote
    marks is not prose, and pairing all of them would cost more than everything else."""
    marks = _ANY_MARK.finditer(document.text, 0, document.body_end)
    beyond = next(itertools.islice(marks, MAX_QUOTE_MARKS, None), None)
    return beyond.start() if beyond else document.body_end


def find_quotes(document: Document, end: int | None = None) -> list[Quote]:
    """All closed quotations in the body (up to `end`), in text order, never overlapping."""
    text = document.text
    end = document.body_end if end is None else end
    quotes: list[Quote] = []
    line_ends = [m.start() for m in _NEWLINE.finditer(text, 0, end)] + [end]
    curly_closes = [m.start() for m in _CURLY_CLOSE.finditer(text, 0, end)]
    straight = [m.start() for m in _STRAIGHT_DOUBLE.finditer(text, 0, end)]
    low_closes = [m.start() for m in _LOW_CLOSE.finditer(text, 0, end)]
    for match in _CURLY_OPEN.finditer(text, 0, end):
        closes = low_closes if match.group() == "„" else curly_closes
        _pair(match.start(), closes, line_ends, quotes)
    _pair_straight(straight, line_ends, quotes)
    quotes = _without_overlaps(quotes)
    quotes = _without_overlaps(quotes + _continued(text, end, line_ends, quotes))
    singles = _single_quotes(text, end, line_ends, quotes)
    quotes = _without_overlaps(quotes + singles)
    return _without_overlaps(quotes + _dialogue(text, end, line_ends, quotes))


_OPENERS = {"“": "”", "„": "“”", "«": "»", '"': '"', "‘": "’"}


def _continued(text: str, end: int, line_ends: list[int], quotes: list[Quote]) -> list[Quote]:
    """Quotations that run over paragraphs: an opening mark left open at the end of its
    paragraph, and the next paragraph reopening with the same mark. One statement, so one
    Quote, whose reopening marks are remembered and left out of the words."""
    starts = [q.open for q in quotes]
    found: list[Quote] = []
    line_start = 0
    for line_end in line_ends:
        opening = _left_open(text, line_start, line_end, quotes, starts)
        line_start = line_end + 1
        if opening is None:
            continue
        closers = _OPENERS[text[opening]]
        reopens: list[int] = []
        cursor = line_end
        for _ in range(6):  # a quotation of more than six paragraphs is not one
            following = _next_paragraph(text, cursor, end)
            if following is None or text[following] != text[opening]:
                break
            reopens.append(following)
            following_end = _line_end(following, line_ends)
            close = next(
                (
                    i
                    for i in range(following + 1, following_end)
                    if text[i] in closers and not (closers == "’" and text[i + 1 : i + 2].isalnum())
                ),
                None,
            )
            if close is not None:
                if close - opening <= MAX_QUOTE_CHARS * 2:
                    found.append(Quote(opening, close, tuple(reopens)))
                break
            cursor = following_end
    return found


def _left_open(
    text: str, start: int, end: int, quotes: list[Quote], starts: list[int]
) -> int | None:
    """The opening mark of this paragraph that no closing mark in it answers, if any."""
    for position in range(end - 1, start - 1, -1):
        mark = text[position]
        if mark not in _OPENERS:
            continue
        if _inside(position, quotes, starts) or position in starts:
            return None
        closers = _OPENERS[mark]
        if mark == '"':
            if text.count('"', start, end) % 2 == 0:
                return None
        elif mark == "‘":
            if position and not text[position - 1].isspace() and text[position - 1] not in "([":
                return None  # not an opening mark
            if any(
                text[i] == "’" and not text[i + 1 : i + 2].isalnum()
                for i in range(position + 1, end)
            ):
                return None  # closed in its paragraph
        elif any(text[i] in closers for i in range(position + 1, end)):
            return None
        return position if position + 1 < end and not text[position + 1].isspace() else None
    return None


def _next_paragraph(text: str, line_end: int, end: int) -> int | None:
    """The first character of the next non-blank line after `line_end`."""
    position = line_end
    while position < end and text[position].isspace():
        position += 1
    return position if position < end else None


def _dialogue(text: str, end: int, line_ends: list[int], quotes: list[Quote]) -> list[Quote]:
    """Speech opened by a dash at the head of a paragraph, closed by the dash that hands
    over to the attribution or by the paragraph's end; a second stretch of speech after the
    attribution ("… — said X. — We will sign.") is a quotation of its own."""
    starts = [q.open for q in quotes]
    found: list[Quote] = []
    for match in _DIALOGUE_OPEN.finditer(text, 0, end):
        opening = match.end() - 1
        while text[opening] != "—" and text[opening] != "–":
            opening -= 1
        if _inside(opening, quotes, starts):
            continue
        line_end = _line_end(opening, line_ends)
        handover = _DIALOGUE_HANDOVER.search(text, opening + 1, line_end)
        close = handover.end() - 1 if handover else line_end
        while close > opening and text[close] not in "—–" and handover:
            close -= 1
        found.append(Quote(opening, close))
        if handover:
            again = _DIALOGUE_HANDOVER.search(text, handover.end(), line_end)
            if again and text[again.start()] in ".!?":
                resume = again.end() - 1
                while text[resume] not in "—–":
                    resume -= 1
                found.append(Quote(resume, line_end))
    return found


def _line_end(position: int, line_ends: list[int]) -> int:
    return line_ends[bisect.bisect_left(line_ends, position)]


def _pair(opening: int, closes: list[int], line_ends: list[int], quotes: list[Quote]) -> None:
    index = bisect.bisect_right(closes, opening)
    if index < len(closes):
        closing = closes[index]
        if closing <= _line_end(opening, line_ends) and closing - opening <= MAX_QUOTE_CHARS:
            quotes.append(Quote(opening, closing))


def _pair_straight(marks: list[int], line_ends: list[int], quotes: list[Quote]) -> None:
    """Straight double quotes alternate open/close within a paragraph."""
    index = 0
    while index + 1 < len(marks):
        opening, closing = marks[index], marks[index + 1]
        if _line_end(opening, line_ends) >= closing and closing - opening <= MAX_QUOTE_CHARS:
            quotes.append(Quote(opening, closing))
            index += 2
        else:
            index += 1


def _without_overlaps(quotes: list[Quote]) -> list[Quote]:
    kept: list[Quote] = []
    for quote in sorted(quotes, key=lambda q: (q.open, -q.close)):
        if kept and quote.open <= kept[-1].close:
            continue
        kept.append(quote)
    return kept


def _single_quotes(text: str, end: int, line_ends: list[int], doubles: list[Quote]) -> list[Quote]:
    """Single-quoted passages outside double quotes; apostrophes are left alone."""
    openings, closings = [], []
    for match in _SINGLE_MARK.finditer(text, 0, end):
        position = match.start()
        before = text[position - 1] if position else " "
        after = text[position + 1] if position + 1 < end else " "
        if before in _SINGLE_OPEN_BEFORE and (after.isalnum()) and match.group() != "’":
            openings.append(position)
        elif before in _SINGLE_OPEN_BEFORE and after.isalnum() and match.group() == "’":
            openings.append(position)  # some sites use ’ for both marks
        if not before.isspace() and not after.isalnum():
            closings.append(position)
    double_starts = [q.open for q in doubles]
    found: list[Quote] = []
    last_close = -1
    for opening in openings:
        if opening <= last_close or _inside(opening, doubles, double_starts):
            continue
        index = bisect.bisect_right(closings, opening + 1)
        if index >= len(closings):
            continue
        closing = closings[index]
        if closing > _line_end(opening, line_ends) or closing - opening > MAX_QUOTE_CHARS:
            continue
        found.append(Quote(opening, closing))
        last_close = closing
    return found


def _inside(position: int, quotes: list[Quote], starts: list[int]) -> bool:
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and quotes[index].open < position < quotes[index].close


class _Context:
    """What speaker resolution needs: sentences, mentions, people, quotes."""

    def __init__(
        self,
        document: Document,
        sentences: list[Sentence],
        people: PeopleResult,
        quotes: list[Quote],
        *,
        host: str | None = None,
    ) -> None:
        self.document = document
        self.sentences = sentences
        self.sentence_starts = [s.span.start for s in sentences]
        self.people = {p.key: p for p in people.items}
        self.quote_spans = [Span(q.open, q.close + 1) for q in quotes]
        self.quote_starts = [q.start for q in self.quote_spans]
        self.mentions = [
            (span, key) for span, key in people.mentions if not self.in_quote(span.start)
        ]
        # People by each word of their title and rank, for role nouns ("the general").
        self.holders: dict[str, list[PersonExtraction]] = {}
        for person in people.items:
            words = _WORDS.findall(f"{person.title or ''} {person.rank or ''}")
            for word in {w.casefold() for w in words}:
                self.holders.setdefault(word, []).append(person)
        self.starts_by_person: dict[str, list[int]] = {}
        for span, key in self.mentions:
            self.starts_by_person.setdefault(key, []).append(span.start)
        self.mention_at = {span.start: (span, key) for span, key in people.mentions}
        self.mention_starts = [span.start for span, _ in self.mentions]
        # The host's country, for "the visiting minister" and "the host": where the
        # dateline puts the story, when that is one of the people's countries.
        countries = {p.country for p in people.items if p.country}
        city = lexicon.countries().cities.get(lexicon.phrase(document.dateline_city or ""))
        self.host = next((c for c in (host, city) if c in countries), None)

    def in_quote(self, position: int) -> bool:
        index = bisect.bisect_right(self.quote_starts, position) - 1
        return index >= 0 and self.quote_spans[index].contains(position)

    def next_quote_start(self, position: int, default: int) -> int:
        index = bisect.bisect_right(self.quote_starts, position)
        return self.quote_starts[index] if index < len(self.quote_starts) else default

    def previous_quote_end(self, position: int, default: int) -> int:
        index = bisect.bisect_right(self.quote_starts, position) - 1
        while index >= 0 and self.quote_spans[index].end > position:
            index -= 1
        return max(default, self.quote_spans[index].end) if index >= 0 else default

    def sentence_index(self, position: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, position) - 1)

    def last_person_before(self, position: int) -> str | None:
        index = bisect.bisect_left(self.mention_starts, position) - 1
        return self.mentions[index][1] if index >= 0 else None

    def role(self, words: list[str], position: int) -> str | None:
        """Resolve "the [Iraqi] defense minister", "the general" to the latest fitting person."""
        country = None
        heads = []
        side = None
        for word in words:
            bare = word[:-2] if word.endswith(("'s", "’s")) else word
            code = (
                lexicon.countries().demonyms.get((word,))
                or lexicon.countries().demonyms.get((word.capitalize(),))
                or lexicon.countries().code_for_name(bare)  # "Japan's defence minister"
            )
            if code:
                country = code
                continue
            folded_word = word.casefold()
            if folded_word in _FUNCTION_WORDS:
                continue  # "of" in "the Wali of Tébessa" is in ranks' words, never a head
            if folded_word in GUEST_WORDS or folded_word in HOST_WORDS:
                side = "guest" if folded_word in GUEST_WORDS else "host"
                if folded_word in HOST_WORDS and folded_word not in ("home",):
                    heads.append("host")
                continue
            if (
                (folded_word,) in lexicon.title_heads()
                or folded_word in lexicon.rank_words()
                or (folded_word in lexicon.nonofficial_heads())
            ):
                heads.append(folded_word)
        if not heads:
            return None
        head = heads[-1]
        if head == "host" and len(heads) == 1:
            # "the host said": the host country's principal, its first named official
            return self.principal(self.host) if self.host else None
        fitting = [
            person.key
            for person in self.holders.get(head, ())
            if (country is None or person.country in (None, country)) and self.on_side(person, side)
        ]
        if not fitting and country is not None and head in _PRINCIPAL_HEADS:
            # "the Brazilian minister" when no Brazilian's title was read as a minister's:
            # the first official the article names for that country leads its side.
            return self.principal(country)
        if not fitting:
            return None
        if not _DEPUTY_WORDS & {w.casefold() for w in words}:
            # "the Belarusian minister" is the minister, not a deputy minister beside him
            full = [key for key in fitting if not _is_deputy(self.people[key], head)]
            fitting = full or fitting
        best, best_position = fitting[0], -1
        for key in fitting:
            starts = self.starts_by_person.get(key, [])
            index = bisect.bisect_left(starts, position) - 1
            if index >= 0 and starts[index] > best_position:
                best, best_position = key, starts[index]
        return best

    def on_side(self, person: PersonExtraction, side: str | None) -> bool:
        """Whether a person is of the host's country ("host") or of another ("guest")."""
        if side is None or self.host is None or person.country is None:
            return True
        return (person.country == self.host) == (side == "host")

    def principal(self, country: str) -> str | None:
        """The first official of a country the article names (its delegation's head)."""
        firsts = [
            (starts[0], key)
            for key, starts in self.starts_by_person.items()
            if starts and self.people[key].country == country and self.people[key].is_official
        ]
        return min(firsts)[1] if firsts else None

    def pronoun(self, position: int) -> str | None:
        """Who "he" or "she" is: the subject that opens this sentence, else the one that
        opened the sentence before, else the person named last (never a person named only
        in passing late in the previous sentence, when its subject was someone else)."""
        index = self.sentence_index(position)
        for number in (index, index - 1):
            if number < 0:
                continue
            sentence = self.sentences[number]
            if number == index and position - sentence.span.start < 3:
                continue  # the pronoun itself opens the sentence
            subject = self.subject_of(sentence, min(position, sentence.span.end))
            if subject:
                return subject
        return self.last_person_before(position)

    def subject_of(self, sentence: Sentence, end: int) -> str | None:
        """The person or role phrase in the first words of a sentence, before `end`."""
        tokens = [t for t in sentence.tokens[:14] if t.start < end]
        opening = True  # "Opening the session, Bouzid stressed …": past one opening phrase
        for index, token in enumerate(tokens):
            if token.start in self.mention_at or token.folded == "the":
                key, _ = _subject_at(self, tokens, index, token.start)
                if key:
                    return key
            if token.text in ",;:":
                if not opening or index > 6:
                    return None
                opening = False
        return None


_PRINCIPAL_HEADS = frozenset(["minister", "secretary", "president", "premier", "chancellor"])
_FUNCTION_WORDS = frozenset(["of", "the", "and", "for", "to", "in", "at", "on", "a", "an"])
GUEST_WORDS = frozenset(["visiting", "visitor", "guest", "foreign"])
HOST_WORDS = frozenset(["host", "hosts", "hosting", "home"])


def _subject_at(
    context: _Context, tokens: list[Token], index: int, anchor: int
) -> tuple[str | None, int]:
    """A speaker starting at tokens[index]: a person mention, pronoun or role noun."""
    if index >= len(tokens):
        return None, index
    token = tokens[index]
    mention = context.mention_at.get(token.start)
    if mention:
        span, key = mention
        while index < len(tokens) and tokens[index].start < span.end:
            index += 1
        return key, index
    if token.text in cues.PRONOUNS:
        return context.pronoun(anchor), index + 1
    possessive_country = token.possessive and lexicon.countries().code_for_name(token.base)
    if token.folded == "the" or possessive_country:
        words = [token.text] if possessive_country else []
        cursor = index + 1
        while (
            cursor < len(tokens)
            and len(words) < 4
            and tokens[cursor].is_word
            and not (cues.is_reporting_verb_at(tokens, cursor))
        ):
            words.append(tokens[cursor].text)
            cursor += 1
        key = context.role(words, anchor)
        if key:
            return key, cursor
    return None, index


def _after_quote(context: _Context, quote: Quote) -> str | None:
    """ "..., X said" / "..., said X" / "..., pointed out the military chief"."""
    sentence = context.sentences[context.sentence_index(quote.close)]
    stop = sentence.span.end
    next_quote = context.next_quote_start(quote.close, stop)
    tokens = tokenize(
        context.document.text, quote.close + 1, min(stop, next_quote, quote.close + 300)
    )
    index = 0
    while index < len(tokens) and tokens[index].text in ",.;—–":
        if tokens[index].text in ".;":
            return None
        index += 1  # past a comma, or the dash of translated copy ("…,” — Lobanov said.)
    if _according_to(tokens, index):
        return _first_person(context, tokens, index + 2)
    verb = cues.is_reporting_verb_at(tokens, index)
    if verb:
        key, _ = _subject_at(context, tokens, index + verb, quote.open)
        return key or _first_person(context, tokens, index + verb, titled_only=True)
    key, cursor = _subject_at(context, tokens, index, quote.open)
    if key is None:
        # A title before the name: ", Foreign Ministry spokesperson Mao Ning said".
        cursor = index
        while (
            cursor < len(tokens)
            and cursor - index < 6
            and (
                tokens[cursor].capitalised
                or tokens[cursor].start in context.mention_at  # "Dr al-Kuwari said"
                or cues.is_title_word(tokens[cursor])
                or cues.is_particle(tokens[cursor])
                or _abbreviation_dot(tokens, cursor)
                or (
                    tokens[cursor].text == "."  # "Dr. al-Kuwari said"
                    and cursor + 1 < len(tokens)
                    and tokens[cursor + 1].start in context.mention_at
                )
            )
        ):
            if tokens[cursor].start in context.mention_at:
                key, cursor = _subject_at(context, tokens, cursor, quote.open)
                break
            cursor += 1
    if key is None:
        return None
    while cursor < len(tokens) and tokens[cursor].folded in AUXILIARIES:
        cursor += 1
    if cursor < len(tokens) and tokens[cursor].text == ",":
        # "…,” Name, the Minister of Communication, said": past the appositive to its verb
        closing = next(
            (i for i in range(cursor + 1, min(len(tokens), cursor + 25)) if tokens[i].text == ","),
            None,
        )
        if closing is not None:
            cursor = closing + 1
            while cursor < len(tokens) and tokens[cursor].folded in AUXILIARIES:
                cursor += 1
    return key if cues.is_reporting_verb_at(tokens, cursor) else None


_OBJECT_PRONOUNS = frozenset(["him", "her"])
# Words that make an office a deputy's: "the minister" is not the deputy minister.
_DEPUTY_WORDS = frozenset(["deputy", "vice", "assistant", "acting", "under", "junior"])


def _is_deputy(person: PersonExtraction, head: str) -> bool:
    """Whether every office of `head` in the person's title is a deputy's ("First Deputy
    Minister of Defence", "Vice Minister")."""
    words = [w.casefold() for w in _WORDS.findall(person.title or "")]
    places = [i for i, word in enumerate(words) if word == head]
    return bool(places) and all(
        i > 0 and (words[i - 1] in _DEPUTY_WORDS or words[i - 1].startswith("vice")) for i in places
    )


# An attribution set inside the quotation between dashes, as French, Spanish and Russian copy
# writes it: « For Morocco … — declared Mr. X at the end of the talks — it is a brother … »
_INCISE = re.compile(r"\s[—–]\s(?P<incise>[^—–«»\"“”\n]{3,140}?)\s[—–]\s")


def _incise_statements(context: _Context, quote: Quote, inner: str) -> list[StatementExtraction]:
    """The two statements of a quotation cut by its attribution between dashes, with the
    speaker the incise names; [] when the quotation has no such incise."""
    match = _INCISE.search(inner)
    if match is None:
        return []
    start = quote.inner.start + match.start("incise")
    tokens = tokenize(context.document.text, start, quote.inner.start + match.end("incise"))
    verb = next(
        (i for i in range(min(len(tokens), 6)) if cues.is_reporting_verb_at(tokens, i)), None
    )
    if verb is None:
        return []
    speaker = _first_person(context, tokens, verb + cues.is_reporting_verb_at(tokens, verb))
    if speaker is None and verb > 0:
        speaker, _ = _subject_at(context, tokens, 0, quote.open)  # "— the minister said —"
    if speaker is None:
        return []
    found = []
    for part_start, part_end in (
        (quote.inner.start, quote.inner.start + match.start()),
        (quote.inner.start + match.end(), quote.inner.end),
    ):
        text = context.document.text[part_start:part_end]
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        if len(_WORDS.findall(text)) <= SCARE_QUOTE_MAX_WORDS:
            continue
        span = Span(part_start + lead, part_start + lead + len(text))
        found.append(
            StatementExtraction(
                speaker,
                text,
                True,
                span,
                confidence=0.85,
                reasons=("speaker named in the attribution between dashes inside the quotation",),
            )
        )
    return found


def _according_to(tokens: list[Token], index: int) -> bool:
    return (
        index + 1 < len(tokens)
        and tokens[index].folded == "according"
        and tokens[index + 1].folded == "to"
    )


def _abbreviation_dot(tokens: list[Token], index: int) -> bool:
    """The full stop of an abbreviated rank or title ("Gen. Danladi"), not a sentence's end."""
    return (
        tokens[index].text == "."
        and index > 0
        and tokens[index - 1].is_word
        and len(tokens[index - 1].text) <= 4
        and index + 1 < len(tokens)
        and tokens[index + 1].capitalised
    )


def _first_person(
    context: _Context, tokens: list[Token], index: int, *, titled_only: bool = False
) -> str | None:
    """The first person named from tokens[index] within a short phrase ("according to
    Department of National Defense spokesperson Arsenio Bautista"); a role noun resolves as
    usual. With `titled_only`, only title or capitalised words may come before the name."""
    for cursor in range(index, min(len(tokens), index + 12)):
        token = tokens[cursor]
        if cursor == index and token.folded in _OBJECT_PRONOUNS:
            return context.pronoun(token.start)  # "according to him": the last speaker
        if token.start in context.mention_at or token.folded == "the":
            key, _ = _subject_at(context, tokens, cursor, tokens[index].start)
            if key:
                return key
        if token.text in ",;:" or (token.text == "." and not _abbreviation_dot(tokens, cursor)):
            return None
        if (
            titled_only
            and token.is_word
            and not (token.capitalised or cues.is_title_word(token) or cues.is_particle(token))
        ):
            return None
    return None


def _before_quote(context: _Context, quote: Quote) -> str | None:
    """The subject of the clause that opens the quote ("Bagheri added, “...”")."""
    sentence = context.sentences[context.sentence_index(quote.open)]
    start = sentence.span.start
    previous_quote = context.previous_quote_end(quote.open, start)
    tokens = tokenize(context.document.text, max(start, previous_quote), quote.open)
    if not tokens:
        return None
    for index in range(len(tokens)):
        if _according_to(tokens, index):
            key = _first_person(context, tokens, index + 2)
            if key:
                return key
    candidates: list[tuple[str, bool]] = []
    for index, token in enumerate(tokens):
        if index and tokens[index - 1].folded in PREPOSITIONS:
            continue
        if (
            token.start in context.mention_at
            or token.text in cues.PRONOUNS
            or (token.folded == "the")
        ):
            key, cursor = _subject_at(context, tokens, index, quote.open)
            if key is None:
                continue
            window = range(cursor, min(len(tokens), cursor + 8))
            speaks = any(cues.is_reporting_verb_at(tokens, i) for i in window)
            candidates.append((key, speaks))
    speaking = [key for key, speaks in candidates if speaks]
    if speaking:
        return speaking[-1]
    return candidates[0][0] if candidates else None


def _header_speaker(context: _Context, quote: Quote) -> str | None:
    """A quote opening a line under "Title Name:" belongs to that name."""
    text = context.document.text
    line_start = text.rfind("\n", 0, quote.open) + 1
    if text[line_start : quote.open].strip():
        return None
    cursor = line_start - 1
    while cursor > 0:
        previous_start = text.rfind("\n", 0, cursor) + 1
        line = text[previous_start:cursor]
        stripped = line.strip()
        if not stripped:
            cursor = previous_start - 1
            continue
        if stripped[0] in "“\"'‘":
            cursor = previous_start - 1
            continue
        if not _HEADER_END.search(line):
            return None
        first = bisect.bisect_left(context.mention_starts, previous_start)
        last = bisect.bisect_left(context.mention_starts, cursor)
        keys = [key for _, key in context.mentions[first:last]]
        return keys[-1] if keys else None
    return None


def extract_statements(
    document: Document,
    sentences: list[Sentence],
    people: PeopleResult,
    *,
    host: str | None = None,
) -> StageResult[StatementExtraction]:
    """Direct statements with speakers; scare quotes and titles are rejected, with reasons.
    `host` is the country of the meeting's city, when known (who "the host" is)."""
    scan_end = quote_scan_end(document)
    quotes = find_quotes(document, scan_end)
    rejected: list[Rejected] = []
    if scan_end < document.body_end:
        rejected.append(
            Rejected(
                "quotes",
                f"more than {MAX_QUOTE_MARKS} quotation marks and apostrophes; quotations "
                "after that point are ignored",
                "",
                Span(scan_end, document.body_end),
            )
        )
    if len(quotes) > MAX_QUOTES:
        # No article quotes anyone this often: the text is not prose (or is an attack).
        extra = quotes[MAX_QUOTES]
        rejected.append(
            Rejected(
                "quotes",
                f"more than {MAX_QUOTES} quotations; the rest ignored",
                "",
                Span(extra.open, document.body_end),
            )
        )
        quotes = quotes[:MAX_QUOTES]
    context = _Context(document, sentences, people, quotes, host=host)
    statements: list[StatementExtraction] = []
    previous: tuple[Quote, str | None] | None = None
    collective_before: Quote | None = None
    for quote in quotes:
        if document.is_excluded(quote.open) or _in_zone(document, quote.open, _NOT_SPEECH_ZONES):
            continue
        inner = document.text[quote.inner.start : quote.inner.end]
        split = _incise_statements(context, quote, inner)
        if split:
            statements += split
            previous = (quote, split[0].speaker_key)
            continue
        stripped = inner.strip()
        words = _WORDS.findall(stripped)
        after = _after_quote(context, quote)
        before = None if after else _before_quote(context, quote)
        if len(words) <= SCARE_QUOTE_MAX_WORDS and not after:
            rejected.append(
                Rejected("quotes", f"scare quote of {len(words)} words", stripped, quote.inner)
            )
            continue
        if _QUESTION_BEFORE.search(document.text, max(0, quote.open - 40), quote.open):
            # "… who asked "whether …"": a question put to an official, not their statement
            rejected.append(
                Rejected("quotes", "a question put to the speaker", stripped, quote.inner)
            )
            continue
        if _is_quoted_name(words) and not after:
            rejected.append(Rejected("quotes", "quoted name or title", stripped, quote.inner))
            continue
        if not after and not before and len(words) <= UNATTRIBUTED_MAX_WORDS:
            rejected.append(
                Rejected("quotes", "short quotation nobody is said to speak", stripped, quote.inner)
            )
            continue
        if _collective(context, quote) or _continues_rejected(context, quote, collective_before):
            rejected.append(
                Rejected(
                    "quotes", "quotation of an organisation or of both sides", stripped, quote.inner
                )
            )
            collective_before = quote
            continue
        header = None if after or before else _header_speaker(context, quote)
        speaker = after or before or header
        how = "after" if after else "before" if before else "header" if header else None
        if speaker is None and previous is not None:
            last_quote, last_speaker = previous
            same_paragraph = "\n" not in document.text[last_quote.close : quote.open]
            near = context.sentence_index(quote.open) - context.sentence_index(last_quote.close)
            if same_paragraph and near <= 1:
                speaker, how = last_speaker, "previous"
        if speaker is None:
            # A statement is what an official said: a quotation the article gives to nobody
            # (a title, a line of a poem, a reader's words) is not one.
            rejected.append(
                Rejected("quotes", "quotation the article gives to nobody", stripped, quote.inner)
            )
            continue
        offset = len(inner) - len(inner.lstrip())
        span = Span(quote.inner.start + offset, quote.inner.start + offset + len(stripped))
        written = _spoken(document.source_text, span, quote.reopens)
        confidence, reasons = _speaker_evidence(context, quote, speaker, how)
        if quote.reopens:
            reasons.append(f"one quotation over {len(quote.reopens) + 1} paragraphs")
        statements.append(
            StatementExtraction(
                speaker, written, True, span, confidence=confidence, reasons=tuple(reasons)
            )
        )
        previous = (quote, speaker)
    statements += _unquoted_statements(context, rejected)
    statements += _reported_statements(context, [s.span for s in statements])
    statements.sort(key=lambda statement: statement.span.start)
    return StageResult(tuple(statements), tuple(rejected))


# Verbs that report what someone stated (not "called", "described", "urged": those report an
# act of speech without its content).
_STATEMENT_VERBS = frozenset(
    [
        "said",
        "says",
        "stated",
        "stressed",
        "emphasized",
        "emphasised",
        "noted",
        "underlined",
        "underscored",
        "affirmed",
        "reaffirmed",
        "added",
        "warned",
        "assured",
        "declared",
        "announced",
        "insisted",
        "argued",
        "told",
        "explained",
        "confirmed",
        "highlighted",
        "recalled",
        "maintained",
    ]
)
_REPORTED_MIN_WORDS = 5
_LEADING_THAT = re.compile(r"^\s*(?:on\s+\w+\s+|in\s+\w+\s+|later\s+|also\s+)?that\s+", re.I)


def _reported_statements(context: _Context, taken: list[Span]) -> list[StatementExtraction]:
    """Reported speech: "X stressed that …", "X said the two countries would …" is what X
    stated, as a statement that is not a direct quotation, so that a search finds it.

    Only a person (named, a pronoun or a role phrase) reports; a sentence that holds a
    quotation is left to the quotation; the clause must say something (five words or more)."""
    document = context.document
    found: list[StatementExtraction] = []
    for sentence in context.sentences:
        if _ANY_MARK.search(sentence.text) and _QUOTATION_IN.search(sentence.text):
            continue
        if any(span.overlaps(sentence.span) for span in taken):
            continue
        if _in_zone(document, sentence.span.start, _NOT_SPEECH_ZONES):
            continue
        tokens = sentence.tokens
        verb = next(
            (i for i, t in enumerate(tokens[:14]) if t.folded in _STATEMENT_VERBS and i > 0),
            None,
        )
        if verb is None:
            continue
        speaker = _reporting_subject(context, tokens, verb)
        if speaker is None:
            continue
        start = tokens[verb].end
        if tokens[verb].folded == "told":
            that = document.text.find(" that ", start, sentence.span.end)
            if that < 0 or that - start > 40:
                continue
            start = that + 1
        rest = document.text[start : sentence.span.end]
        lead = _LEADING_THAT.match(rest)
        if lead:
            start += lead.end()
        elif tokens[verb].folded not in ("said", "says", "added") or not _CLAUSE_VERB.search(
            rest[:80]
        ):
            continue  # "warned of 'hostilities'", "said, adding …": no reported clause
        clause = document.text[start : sentence.span.end].strip().rstrip(".")
        attribution = _TRAILING_ATTRIBUTION.search(clause)
        if attribution:
            clause = clause[: attribution.start()]  # "…, the ministry of the interior said"
        if len(_WORDS.findall(clause)) < _REPORTED_MIN_WORDS:
            continue
        offset = document.text.find(clause, start)
        span = Span(offset, offset + len(clause))
        found.append(
            StatementExtraction(
                speaker,
                " ".join(unwrap(document.source_text[span.start : span.end]).split()),
                False,
                span,
                confidence=0.6,
                reasons=(f"reported speech after “{tokens[verb].text}”",),
            )
        )
    return found


# A clause said without "that" has its own verb early: "said the two forces would open …".
_CLAUSE_VERB = re.compile(
    r"^\s+(?:\w+\s+){1,6}?(?:would|will|was|were|had|has|have|is|are|could|should|must|"
    r"can|did|planned|wanted|remained|needed)\b",
    re.IGNORECASE,
)
_TRAILING_ATTRIBUTION = re.compile(r",(?:\s+[\w’'-]+){1,7}\s+(?:said|reported|added|noted)$")
_QUOTATION_IN = re.compile(r"[“„«\"‘][^”»“\"’]{8,}[”»“\"’]")


def _reporting_subject(context: _Context, tokens: list[Token], verb: int) -> str | None:
    """The person who reports: a mention, pronoun or role phrase just before the verb (words
    like "also" may stand between), never one after a preposition."""
    cursor = verb - 1
    while cursor >= 0 and tokens[cursor].folded in AUXILIARIES:
        cursor -= 1
    for start in range(cursor, max(-1, cursor - 10), -1):
        token = tokens[start]
        if start and tokens[start - 1].folded in PREPOSITIONS:
            continue
        if (
            token.start in context.mention_at
            or token.text in cues.PRONOUNS
            or token.folded == "the"
        ):
            key, end = _subject_at(context, tokens, start, token.start)
            aside = end < cursor and tokens[end].text == "," and tokens[cursor].text == ","
            if key and (end > cursor or aside):  # "Ben Hassine, for his part, affirmed"
                return key
        if token.text in ";:" or (token.text == "," and start < cursor - 4):
            return None  # past a short ", for his part," only
    return None


_UNQUOTED_REASONS = {
    zones_module.QUOTE_HEADER: "the paragraph under a 'Name:' header",
    zones_module.SPEAKER_LABEL: "a speaker's turn in a transcript",
    zones_module.BODY: "the paragraph after 'X said:'",
    zones_module.SUBHEAD: "the paragraph after 'X said:'",
}


def _speaker_evidence(
    context: _Context, quote: Quote, speaker: str | None, how: str | None
) -> tuple[float, list[str]]:
    """How sure the speaker is, and why: named beside the quotation is surest; a role
    phrase, a pronoun or the speaker of the quotation before are inferences."""
    if speaker is None:
        return 0.4, ["no speaker found for the quotation"]
    where = {
        "after": "the attribution after the quotation",
        "before": "the clause before the quotation",
        "header": "the header line above the quotation",
        "previous": "the speaker of the quotation just before, in the same paragraph",
    }[how or "previous"]
    first = context.sentences[context.sentence_index(quote.open)].span.start
    last = context.sentences[context.sentence_index(quote.close)].span.end
    named = any(
        first <= start < last and not quote.open <= start <= quote.close
        for start in context.starts_by_person.get(speaker, ())
    )
    if how == "previous":
        return 0.65, [f"speaker from {where}"]
    if named:
        return 0.9 if how == "after" else 0.85, [f"speaker named in {where}"]
    clause = context.document.text[max(first, quote.close + 1) : min(last, quote.close + 60)]
    if re.search(r"\b(?:he|she)\b", clause, re.IGNORECASE) or how == "before":
        return 0.7, [f"speaker from {where}, through a pronoun or a role phrase"]
    return 0.7, [f"speaker from {where}, through a role phrase"]


# Labels of the people who ask in a transcript: their turns are not statements.
_QUESTIONERS = frozenset(("q", "question", "questioner", "reporter", "journalist", "moderator"))
_QUESTIONERS |= {"interviewer", "anchor", "audience", "participant"}
_SPEECH_INTRO = re.compile(r":\s*$")
_MAX_TURN_PARAGRAPHS = 5


def _unquoted_statements(context: _Context, rejected: list[Rejected]) -> list[StatementExtraction]:
    """Speech without quotation marks that the layout marks as direct: the paragraph under a
    `Name:` header, a transcript speaker's turn, and the paragraphs after "X said:"."""
    document = context.document
    zones = [zone for zone in document.zones if zone.span.start < document.body_end]
    found: list[StatementExtraction] = []
    for number, zone in enumerate(zones):
        if zone.kind == zones_module.QUOTE_HEADER:
            speaker = _named_in(context, zone.span)
            turn = _following_body(document, zones, number, limit=1)
        elif zone.kind == zones_module.SPEAKER_LABEL:
            label = document.text[zone.span.start : zone.span.end].rstrip(": \t")
            if label.casefold().split()[-1] in _QUESTIONERS:
                continue
            speaker = _named_in(context, zone.span)
            turn = _following_body(document, zones, number, limit=_MAX_TURN_PARAGRAPHS)
        elif zone.kind in (zones_module.BODY, zones_module.SUBHEAD) and _SPEECH_INTRO.search(
            document.text[zone.span.start : zone.span.end]
        ):
            speaker = _introducing_speaker(context, zone.span)
            if speaker is None:
                continue
            # "X said:" introduces what follows it; the article's narrative resumes after
            turn = _following_body(document, zones, number, limit=1)
        else:
            continue
        if not turn:
            continue
        span = Span(turn[0].start, turn[-1].end)
        words = " ".join(
            " ".join(unwrap(document.source_text[p.start : p.end]).split()) for p in turn
        )
        if speaker is None:
            rejected.append(
                Rejected("quotes", "speech under a label naming nobody", words[:200], span)
            )
            continue
        found.append(
            StatementExtraction(
                speaker,
                words,
                True,
                span,
                confidence=0.75,
                reasons=(_UNQUOTED_REASONS[zone.kind], "speech without quotation marks"),
            )
        )
    return found


def _following_body(document: Document, zones: list, number: int, *, limit: int) -> list[Span]:
    """The paragraphs of speech after a header: body zones up to the next zone of another
    kind, none of them opening with a quotation mark (those are quotations already)."""
    turn: list[Span] = []
    for zone in zones[number + 1 : number + 1 + limit]:
        if zone.kind != zones_module.BODY:
            break
        text = document.text[zone.span.start : zone.span.end].strip()
        if not text or text[0] in "\"“„«‘'—–" or _SPEECH_INTRO.search(text):
            break
        turn.append(zone.span)
    return turn


def _named_in(context: _Context, span: Span) -> str | None:
    """The person a header or label names: a mention inside it, or a person of the article
    whose name's words the label holds ("MINISTER KIM" is Kim Min-ho)."""
    first = bisect.bisect_left(context.mention_starts, span.start)
    last = bisect.bisect_left(context.mention_starts, span.end)
    keys = [key for _, key in context.mentions[first:last]]
    if keys:
        return keys[-1]
    words = {w.casefold() for w in _WORDS.findall(context.document.text[span.start : span.end])}
    best, best_count = None, 0
    for key, person in context.people.items():
        if not person.is_official:
            continue
        names = {w.casefold() for w in _WORDS.findall(" ".join((person.name, *person.aliases)))}
        count = len(words & names)
        if count > best_count:
            best, best_count = key, count
    return best


def _introducing_speaker(context: _Context, span: Span) -> str | None:
    """The person of "X said:" closing a paragraph: the last mention before a reporting verb
    in its last sentence."""
    sentence = context.sentences[context.sentence_index(span.end - 1)]
    tokens = sentence.tokens
    if not any(cues.is_reporting_verb_at(tokens, i) for i in range(len(tokens))):
        return None
    first = bisect.bisect_left(context.mention_starts, sentence.span.start)
    last = bisect.bisect_left(context.mention_starts, sentence.span.end)
    keys = [key for _, key in context.mentions[first:last]]
    return keys[0] if keys else None


def _spoken(source: str, span: Span, reopens: tuple[int, ...]) -> str:
    """The words of a quotation as one line: reopening marks of a quotation run over
    paragraphs left out, paragraphs joined by one space, hard-wrapped lines rejoined."""
    if not reopens:
        return unwrap(source[span.start : span.end])
    pieces, start = [], span.start
    for mark in reopens:
        pieces.append(source[start:mark])
        start = mark + 1
    pieces.append(source[start : span.end])
    return " ".join(" ".join(unwrap(piece).split()) for piece in pieces if piece.strip())


_NOT_SPEECH_ZONES = frozenset({zones_module.HEADLINE, zones_module.SUBHEAD})


def _in_zone(document: Document, position: int, kinds: frozenset[str]) -> bool:
    """Whether a position lies in a zone of one of these kinds (headlines repeat or paraphrase
    the body's quotations; they are not where anyone speaks)."""
    starts = [zone.span.start for zone in document.zones]
    index = bisect.bisect_right(starts, position) - 1
    return (
        index >= 0
        and document.zones[index].span.contains(position)
        and (document.zones[index].kind in kinds)
    )


def _is_quoted_name(words: list[str]) -> bool:
    """A quotation that is a name: a programme, an exercise, a force ("Khaan Quest 2025",
    "Cruz del Sur"): capitalised words, numbers and connecting particles only."""
    if not words or len(words) > 6 or not words[0][:1].isupper():
        return False
    return (
        all(w[:1].isupper() or w.isdigit() or w.casefold() in _NAME_CONNECTORS for w in words)
        and words[-1].casefold() not in _NAME_CONNECTORS
    )


def _collective(context: _Context, quote: Quote) -> bool:
    """Whether the clause that introduces or follows the quotation gives an organisation, a
    document or several people as its source ("the ministry said in a statement", "the two
    sides agreed that")."""
    text = context.document.text
    sentence = context.sentences[context.sentence_index(quote.open)]
    start = max(sentence.span.start, context.previous_quote_end(quote.open, sentence.span.start))
    before = text[max(start, quote.open - 120) : quote.open]
    closing = context.sentences[context.sentence_index(quote.close)]
    after = text[quote.close + 1 : min(closing.span.end, quote.close + 100)]
    after = after[: after.find("“")] if "“" in after else after
    for clause, offset in ((before, max(start, quote.open - 120)), (after, quote.close + 1)):
        # A person named in the clause is who speaks ("according to the ministry's
        # spokesperson, Colonel X"; "X said the two countries had ...").
        if _COLLECTIVE_SPEAKER.search(clause) and not _mentions_between(
            context, offset, offset + len(clause)
        ):
            return True
    return False


def _continues_rejected(context: _Context, quote: Quote, rejected: Quote | None) -> bool:
    """A second quotation of the same source: in the sentence of a quotation of an
    organisation, joined to it by a few words naming nobody ('said the ministers "reviewed …"
    and "agreed …"')."""
    if rejected is None:
        return False
    if context.sentence_index(rejected.close) != context.sentence_index(quote.open):
        return False
    between = context.document.text[rejected.close + 1 : quote.open]
    return len(_WORDS.findall(between)) <= 4 and not _mentions_between(
        context, rejected.close, quote.open
    )


def _mentions_between(context: _Context, start: int, end: int) -> bool:
    """Whether a person is named between two positions (then that person speaks)."""
    index = bisect.bisect_left(context.mention_starts, start)
    return index < len(context.mention_starts) and context.mention_starts[index] < end


def speaker_name(statement: StatementExtraction, people: dict[str, PersonExtraction]) -> str | None:
    person = people.get(statement.speaker_key or "")
    return person.name if person else None
