"""Resolution against the stored archive: which record an extracted one already is.

In this order, for every extracted record:
1. provenance: a record already read from the same passage of the same article (re-imports);
2. the archive: the same person by name variants, country and title (through the merge
   records' aliases too); the same meeting by country pair, compatible dates, city and shared
   participants; the same agreement between the same two states; the same institution by
   normalised name and country;
3. otherwise nothing, and `load` makes a new draft record.
Reads only: what is then written, and how the curation rule applies, is `load`'s job.
"""

from __future__ import annotations

import datetime
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q

from archive.models import (
    Agreement,
    AgreementSource,
    Article,
    Institution,
    Meeting,
    MeetingSource,
    Official,
    OfficialAlias,
    OfficialMention,
    Participation,
)

from ..types import AgreementExtraction, MeetingExtraction, PersonExtraction
from . import PersonRef, institution_key, name_key, person_match_score

# A candidate official must score at least this to be taken as the same person.
PERSON_MATCH_THRESHOLD = 0.75
# How far apart two reports of one meeting may date it, in days.
MEETING_DATE_SLACK = datetime.timedelta(days=2)


def content_hash(text: str) -> str:
    """Return the identity of an article's text: importing the same text twice is a no-op,
    also when a copy differs only in spacing or line endings (a pasted text, a final
    newline), which an editor would call the same article."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _tokens(name: str) -> set[str]:
    return {token for token in name_key(name).split() if len(token) >= 3}


@dataclass
class _OfficialEntry:
    """What the index knows of one official."""

    id: int
    names: set[str] = field(default_factory=set)
    country: str = ""
    title: str = ""

    def ref(self) -> PersonRef:
        return PersonRef(
            names=tuple(sorted(self.names)), country=self.country or None, title=self.title or None
        )


class OfficialIndex:
    """Officials by name token, for matching people across the archive.

    Loaded once per import run: looking every person up in the alias table would cost a scan
    per person. It is dropped (and reloaded on next use) whenever a transaction rolls back.
    """

    def __init__(self) -> None:
        self._entries: dict[int, _OfficialEntry] | None = None
        self._by_token: dict[str, set[int]] = defaultdict(set)

    def invalidate(self) -> None:
        """Forget everything: the database is the truth again."""
        self._entries = None
        self._by_token = defaultdict(set)

    def _ensure_loaded(self) -> dict[int, _OfficialEntry]:
        if self._entries is None:
            self._entries = {}
            rows = Official.objects.values_list("id", "name", "country", "title")
            for official_id, name, country, title in rows.iterator(chunk_size=2000):
                self.put(official_id, names=[name], country=country, title=title)
            aliases = OfficialAlias.objects.values_list("official_id", "name")
            for official_id, name in aliases.iterator(chunk_size=2000):
                self.put(official_id, names=[name])
        return self._entries

    def put(
        self, official_id: int, *, names: Iterable[str], country: str = "", title: str = ""
    ) -> None:
        """Add or refresh an official's names, country and title."""
        entries = self._ensure_loaded()
        entry = entries.setdefault(official_id, _OfficialEntry(official_id))
        for name in names:
            if name:
                entry.names.add(name)
                for token in _tokens(name):
                    self._by_token[token].add(official_id)
        entry.country = country or entry.country
        entry.title = title or entry.title

    def find(self, ref: PersonRef, *, exclude: set[int] = frozenset()) -> int | None:
        """Return the id of the official that best matches ref, if one matches well enough."""
        entries = self._ensure_loaded()
        candidate_ids: set[int] = set()
        for name in ref.names:
            for token in _tokens(name):
                candidate_ids |= self._by_token.get(token, set())
        best_id, best_score = None, PERSON_MATCH_THRESHOLD
        for official_id in sorted(candidate_ids - set(exclude)):
            score = person_match_score(ref, entries[official_id].ref())
            if score >= best_score + (1e-9 if best_id is not None else 0):
                best_id, best_score = official_id, score
        return best_id


def official_read_from(article: Article, person: PersonExtraction) -> Official | None:
    """The official a passage of this article was read as before (a re-import)."""
    starts = [mention.span.start for mention in person.mentions]
    mention = (
        OfficialMention.objects.filter(article=article, start__in=starts)
        .select_related("official")
        .first()
    )
    return mention.official if mention else None


def meeting_read_from(article: Article, extracted: MeetingExtraction) -> Meeting | None:
    """The meeting this passage of this article was read as before (a re-import)."""
    source = (
        MeetingSource.objects.filter(article=article, start=extracted.span.start)
        .select_related("meeting")
        .first()
    )
    return source.meeting if source else None


def meeting_reported(
    countries: list[str],
    date_fields: dict,
    city: str | None,
    participant_ids: set[int],
) -> Meeting | None:
    """Find a meeting another article already reported: same two states, dates that do
    not contradict, the same city when both give one, and shared participants."""
    if len(countries) < 2 or not participant_ids:
        return None
    pair = Q(country_a=countries[0], country_b=countries[1]) | Q(
        country_a=countries[1], country_b=countries[0]
    )
    candidates = Meeting.objects.filter(pair)
    start = date_fields["start_date"]
    if start is not None:
        end = date_fields["end_date"] or start
        candidates = candidates.filter(
            Q(start_date__isnull=True)
            | Q(start_date__lte=end + MEETING_DATE_SLACK)
            & (
                Q(end_date__gte=start - MEETING_DATE_SLACK)
                | Q(end_date__isnull=True, start_date__gte=start - MEETING_DATE_SLACK)
            )
        )
    if city:
        candidates = candidates.filter(Q(city="") | Q(city__iexact=city))
    candidates = list(candidates.order_by("-id")[:200])
    if not candidates:
        return None
    shared: dict[int, int] = defaultdict(int)
    rows = Participation.objects.filter(
        meeting__in=candidates, official_id__in=participant_ids
    ).values_list("meeting_id", flat=True)
    for meeting_id in rows:
        shared[meeting_id] += 1
    # Two shared participants make a match; one is enough when the days agree exactly.
    best, best_shared = None, 0
    for meeting in candidates:
        count = shared.get(meeting.pk, 0)
        needed = 1 if start is not None and meeting.start_date == start else 2
        needed = min(needed, len(participant_ids))
        if count >= needed and count > best_shared:
            best, best_shared = meeting, count
    return best


def agreement_for(
    article: Article, extracted: AgreementExtraction, signed: datetime.date | None
) -> Agreement | None:
    """The agreement this passage was read as before, else the same instrument another
    article reported: the same name, or the same kind signed the same day with a word of its
    name in common, and always between the same two states."""
    source = (
        AgreementSource.objects.filter(article=article, start=extracted.span.start)
        .select_related("agreement")
        .first()
    )
    if source is not None:
        return source.agreement
    key = institution_key(extracted.name)
    same = Q(name__iexact=extracted.name)
    if signed is not None:
        same |= Q(signed_date=signed, kind__iexact=extracted.kind or "")
    candidates = Agreement.objects.filter(same)
    parties = set(extracted.parties)
    for candidate in candidates.order_by("id")[:50]:
        theirs = {country.code for country in candidate.parties}
        # Only an agreement between the same two states, signed on a compatible date,
        # is the same agreement: two countries' MoU is never another pair's.
        if parties and theirs and parties != theirs:
            continue
        if signed and candidate.signed_date and candidate.signed_date != signed:
            continue
        if institution_key(candidate.name) == key:
            return candidate
        if (
            signed
            and candidate.signed_date == signed
            and (candidate.kind or "").casefold() == (extracted.kind or "").casefold()
            and same_kind_of_instrument(candidate.name, extracted.name)
        ):
            return candidate
    return None


def institution_named(key: str, country: str) -> Institution | None:
    """The stored institution this name and country mean, or None for a new one.

    Names repeat across states ("Ministry of Defence" is Egypt's in one article and
    Indonesia's in the next), so a name only matches a record of the same country, or one
    whose country nobody recorded yet; a name without a country takes the first by name.
    """
    candidates = [
        *Institution.objects.filter(name_key=key).order_by("id"),
        *Institution.objects.filter(aliases__name_key=key).order_by("id"),
    ]
    if not country:
        return candidates[0] if candidates else None
    for wanted in (country, ""):
        for institution in candidates:
            if institution.country == wanted:
                return institution
    return None


_INSTRUMENT_STOP = frozenset(["the", "of", "on", "and", "for", "in", "between", "a", "an"])


def same_kind_of_instrument(one: str, other: str) -> bool:
    """Two names of one instrument share a word beyond the agreement noun ("extradition
    treaty" and "Egypt–Sudan extradition treaty"); a memorandum on medicine is not one on
    logistics, though both were signed that day."""
    words = [
        {w for w in name.casefold().replace("–", " ").split() if w not in _INSTRUMENT_STOP}
        for name in (one, other)
    ]
    return len(words[0] & words[1]) >= 2
