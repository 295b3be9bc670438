"""Extraction -> database: writes what resolution (`resolve.stored`) decided.

For every extracted record, resolution says which stored record it is, if any; this module
then makes a new draft, or applies the curation rule (`archive.curation_rule`) to the one
found. Curation is sticky: a reviewed record is never changed (new links and sources may be added),
a rejected one is never brought back, and a name merged away resolves to the record it was
merged into (merges turn names into aliases).
"""

from __future__ import annotations

from functools import cache

from django.db.models import Model

from archive.curation_rule import Verdict, fill_blanks, verdict
from archive.models import (
    Agreement,
    AgreementSource,
    AgreementStatus,
    Article,
    DatePrecision,
    Institution,
    InstitutionAlias,
    InstitutionKind,
    Meeting,
    MeetingKind,
    MeetingSource,
    Official,
    OfficialAlias,
    OfficialMention,
    Participation,
    ReviewStatus,
    Statement,
)

from .report import (
    ARTICLE_NEW,
    ARTICLE_REPROCESSED,
    ARTICLE_UNCHANGED,
    CHANGED,
    LEFT_ALONE,
    NEW,
    SUPPRESSED,
    UNCHANGED,
    ArticleOutcome,
)
from .resolve import PersonRef, institution_key, name_key, stored
from .resolve.stored import OfficialIndex, content_hash
from .types import (
    AgreementExtraction,
    DatePoint,
    Extraction,
    InstitutionExtraction,
    MeetingExtraction,
    PersonExtraction,
)


def _date_rank(precision: str, date_text: str) -> int:
    """Order dates by how much they say, so a better date replaces a vaguer one."""
    return {
        DatePrecision.DAY: 4,
        DatePrecision.MONTH: 3,
        DatePrecision.YEAR: 2,
    }.get(precision, 1 if date_text else 0)


def _date_fields(start: DatePoint | None, end: DatePoint | None) -> dict:
    """Turn extracted date points into Meeting date fields; a year never guessed stays text."""
    fields = {
        "start_date": None,
        "end_date": None,
        "date_precision": DatePrecision.UNKNOWN,
        "date_text": "",
    }
    if start is None:
        return fields
    text = start.text
    if end is not None and end.text and end.text not in text:
        text = f"{text} – {end.text}"
    fields["date_text"] = text[:200]
    if start.value is not None and start.year_known:
        fields["start_date"] = start.value
        fields["date_precision"] = start.precision
        if (
            end is not None
            and end.value is not None
            and end.year_known
            and end.value >= start.value
        ):
            fields["end_date"] = end.value
    return fields


def _check_fields(record: Model) -> None:
    """Validate a new or changed record's values (lengths, choices, dates) before saving it,
    so a bad value fails the article with a message naming the field.

    Uniqueness, constraints and foreign keys are left to the database, inside the article's
    transaction (a violation fails the article the same way): Django checks each with a
    SELECT of its own, a third of an import's queries."""
    record.full_clean(
        exclude=_relation_names(type(record)), validate_unique=False, validate_constraints=False
    )


@cache
def _relation_names(model: type[Model]) -> list[str]:
    """A model's foreign-key fields, which `_check_fields` leaves to the database."""
    return [f.name for f in model._meta.concrete_fields if f.is_relation]


def _choice(value: str | None, choices, default: str) -> str:
    return value if value in choices.values else default


class ArticleLoader:
    """Loads one article's extraction inside the caller's transaction."""

    def __init__(
        self, extraction: Extraction, *, index: OfficialIndex, outcome: ArticleOutcome
    ) -> None:
        self.extraction = extraction
        self.document = extraction.document
        self.index = index
        self.outcome = outcome
        self.article: Article | None = None
        # Institutions this article resolved, by name and country, and the last by name alone.
        self.institutions: dict[str, Institution | None] = {}
        self.institutions_named: dict[str, Institution | None] = {}
        self.officials: dict[str, Official | None] = {}
        self.meetings: list[Meeting | None] = []

    # -- article -------------------------------------------------------------------------

    def load(self, *, reprocess: bool = False) -> None:
        """Write the article and everything extracted from it."""
        digest = content_hash(self.document.source_text)
        article = Article.objects.filter(content_hash=digest).first()
        if article is None and self.document.url:
            # The same address is the same article, whatever a copy did to its text.
            article = Article.objects.filter(url=self.document.url).order_by("id").first()
        if article is not None and not reprocess:
            self.outcome.status = ARTICLE_UNCHANGED
            self.outcome.article_id = article.pk
            self.outcome.message = f"already imported as article {article.pk}"
            return
        if article is None:
            article = Article.objects.create(
                title=(self.document.title or "")[:500],
                outlet=(self.document.outlet or "")[:200],
                url=(self.document.url or "")[:1000],
                published=self.document.published,
                reference_date=self.document.reference_date,
                reference_source=self.document.reference_source or "",
                text=self.document.source_text,
                file_name=self.document.file_name[:255],
                content_hash=digest,
            )
            self.outcome.status = ARTICLE_NEW
        else:
            self.outcome.status = ARTICLE_REPROCESSED
            if article.reference_date is None and self.document.reference_date is not None:
                article.reference_date = self.document.reference_date
                article.reference_source = self.document.reference_source or ""
                article.save(update_fields=["reference_date", "reference_source"])
        self.article = article
        self.outcome.article_id = article.pk
        for institution in self.extraction.institutions:
            self.institution_for(institution.name, extraction=institution)
        for person in self.extraction.people:
            self.officials[person.key] = self._load_official(person)
        for position, meeting in enumerate(self.extraction.meetings):
            self.meetings.append(self._load_meeting(meeting, position))
        for statement in self.extraction.statements:
            self._load_statement(statement)
        for agreement in self.extraction.agreements:
            self._load_agreement(agreement)

    # -- evidence ------------------------------------------------------------------------

    def _note_evidence(self, record, extracted, *, saved: bool = False) -> None:
        """Keep how sure the importer was of a record and why, one entry per article it was
        read from; the record is as sure as its surest reading. Set on a new record before
        its first save; on a draft already saved, written with one UPDATE. Reviewed and
        rejected records are never touched."""
        if extracted.confidence is None or record.status != ReviewStatus.DRAFT:
            return
        entry = {
            "article": self.document.file_name[:255],
            "confidence": round(extracted.confidence, 2),
            "reasons": list(extracted.reasons),
        }
        evidence = [
            item
            for item in (record.evidence or [])
            if isinstance(item, dict) and item.get("article") != entry["article"]
        ] + [entry]
        confidence = max(item.get("confidence") or 0.0 for item in evidence)
        record.evidence, record.confidence = evidence, confidence
        if saved:
            type(record).objects.filter(pk=record.pk).update(
                evidence=evidence, confidence=confidence
            )

    # -- institutions --------------------------------------------------------------------

    def institution_for(
        self,
        name: str | None,
        *,
        extraction: InstitutionExtraction | None = None,
        country: str | None = None,
    ) -> Institution | None:
        """Resolve an institution by name and country, creating it when the archive has none.

        `country` is whose it is when no extraction says so (an official's own institution)."""
        if not name:
            return None
        key = institution_key(name)
        if not key:
            return None
        country = (extraction.country if extraction else None) or country or ""
        seen = f"{key}\0{country}"
        if seen in self.institutions:
            return self.institutions[seen]
        if not country and key in self.institutions_named:
            return self.institutions_named[key]  # the one of that name this article named
        if extraction is not None and extraction.kind == InstitutionKind.NEWS_AGENCY:
            self.institutions[seen] = self.institutions_named[key] = None
            return None
        aliases = extraction.aliases if extraction else ()
        alias_keys = [institution_key(alias) for alias in aliases]
        institution = next(
            filter(None, (stored.institution_named(k, country) for k in [key, *alias_keys] if k)),
            None,
        )
        kind = _choice(extraction.kind if extraction else None, InstitutionKind, "other")
        if institution is None:
            institution = Institution(name=name[:300], name_key=key, country=country, kind=kind)
            _check_fields(institution)
            institution.save()
            self.outcome.record("institutions", name, NEW)
        elif verdict(institution) is Verdict.SUPPRESS:
            self.outcome.record("institutions", name, SUPPRESSED)
            self.institutions[seen] = self.institutions_named[key] = None
            return None
        elif verdict(institution) is Verdict.LEAVE:
            self.outcome.record("institutions", institution.name, LEFT_ALONE)
        else:
            changed = fill_blanks(institution, {"country": country, "kind": kind})
            if changed:
                institution.save(update_fields=[*changed, "updated_at"])
            self.outcome.record(
                "institutions",
                institution.name,
                CHANGED if changed else UNCHANGED,
                ", ".join(changed),
            )
        known_as = [(key, name), *zip(alias_keys, aliases, strict=True)]
        for alias_key, alias in known_as:
            if alias_key and institution_key(institution.name) != alias_key:
                InstitutionAlias.objects.get_or_create(
                    institution=institution, name_key=alias_key, defaults={"name": alias[:300]}
                )
            self.institutions_named.setdefault(alias_key, institution)
        institution.articles.add(self.article)
        self.institutions[seen] = self.institutions_named[key] = institution
        return institution

    # -- officials -----------------------------------------------------------------------

    def _load_official(self, person: PersonExtraction) -> Official | None:
        names = [person.name, *person.aliases]
        official = stored.official_read_from(self.article, person)
        if official is None:
            taken = {o.pk for o in self.officials.values() if o is not None}
            ref = PersonRef(names=tuple(names), country=person.country, title=person.title)
            official_id = self.index.find(ref, exclude=taken)
            official = Official.objects.filter(pk=official_id).first() if official_id else None
        institution = self.institution_for(person.institution, country=person.country)
        if official is None:
            official = Official(
                name=person.name[:200],
                name_key=name_key(person.name)[:200],
                country=person.country or "",
                title=(person.title or "")[:300],
                rank=(person.rank or "")[:100],
                institution=institution,
                is_official=person.is_official,
            )
            self._note_evidence(official, person)
            _check_fields(official)
            official.save()
            self.outcome.record("officials", official.name, NEW)
        elif verdict(official) is Verdict.SUPPRESS:
            self.outcome.record("officials", official.name, SUPPRESSED)
            return None
        elif verdict(official) is Verdict.LEAVE:
            self.outcome.record("officials", official.name, LEFT_ALONE)
        else:
            self._update_official(official, person, institution)
            self._note_evidence(official, person, saved=True)
        for name in names:
            key = name_key(name)
            if key and key != official.name_key:
                OfficialAlias.objects.get_or_create(
                    official=official, name_key=key[:200], defaults={"name": name[:200]}
                )
        # One INSERT for all of a person's mentions; those already recorded (a re-import)
        # are kept as they are, as get_or_create would, without a SELECT and savepoint each.
        OfficialMention.objects.bulk_create(
            [
                OfficialMention(
                    official=official,
                    article=self.article,
                    start=mention.span.start,
                    end=mention.span.end,
                    name_as_written=mention.text[:200],
                    title_as_written=(mention.title_as_written or "")[:300],
                )
                for mention in person.mentions
            ],
            ignore_conflicts=True,
        )
        self.index.put(
            official.pk,
            names=[official.name, *names],
            country=official.country,
            title=official.title,
        )
        return official

    def _update_official(
        self, official: Official, person: PersonExtraction, institution: Institution | None
    ) -> None:
        changed = []
        # A fuller name becomes the canonical one ("Khatami" -> "Amir Hatami"); the shorter
        # stays an alias.
        if len(person.name.split()) > len(official.name.split()):
            OfficialAlias.objects.get_or_create(
                official=official,
                name_key=official.name_key or name_key(official.name),
                defaults={"name": official.name},
            )
            official.name = person.name[:200]
            official.name_key = name_key(person.name)[:200]
            changed += ["name", "name_key"]
        changed += fill_blanks(
            official,
            {
                "country": person.country,
                "title": (person.title or "")[:300],
                "rank": (person.rank or "")[:100],
                "institution": institution,
            },
        )
        if person.is_official and not official.is_official:
            official.is_official = True
            changed.append("is_official")
        if changed:
            _check_fields(official)
            official.save(update_fields=[*changed, "updated_at"])
        self.outcome.record(
            "officials", official.name, CHANGED if changed else UNCHANGED, ", ".join(changed)
        )

    # -- meetings ------------------------------------------------------------------------

    def _load_meeting(self, extracted: MeetingExtraction, position: int) -> Meeting | None:
        participants = [(self.officials.get(p.person_key), p) for p in extracted.participants]
        participant_ids = {o.pk for o, _ in participants if o is not None}
        date_fields = _date_fields(extracted.start, extracted.end)
        countries = sorted(c for c in extracted.countries if c)[:2]
        meeting = stored.meeting_read_from(self.article, extracted) or stored.meeting_reported(
            countries, date_fields, extracted.city, participant_ids
        )
        venue = self.institution_for(extracted.venue)
        if meeting is None:
            meeting = Meeting(
                **date_fields,
                city=(extracted.city or "")[:120],
                venue=venue,
                country_a=countries[0] if countries else "",
                country_b=countries[1] if len(countries) > 1 else "",
                kind=_choice(extracted.kind, MeetingKind, "other"),
                summary=extracted.summary or "",
            )
            self._note_evidence(meeting, extracted)
            _check_fields(meeting)
            meeting.save()
            self.outcome.record("meetings", str(meeting), NEW)
        elif verdict(meeting) is Verdict.SUPPRESS:
            self.outcome.record("meetings", str(meeting), SUPPRESSED)
            return None
        elif verdict(meeting) is Verdict.LEAVE:
            self.outcome.record("meetings", str(meeting), LEFT_ALONE)
        else:
            self._update_meeting(meeting, extracted, date_fields, venue, countries)
            self._note_evidence(meeting, extracted, saved=True)
        change = self.outcome.changes[-1]  # what was just recorded for this meeting
        links = []
        _, source_added = MeetingSource.objects.get_or_create(
            meeting=meeting,
            article=self.article,
            defaults={"start": extracted.span.start, "end": extracted.span.end},
        )
        if source_added and change.action != NEW:
            links.append("source added")
        added = 0
        for official, participant in participants:
            if official is None:
                continue
            _, created = Participation.objects.get_or_create(
                meeting=meeting,
                official=official,
                defaults={
                    "delegation_country": participant.delegation_country or official.country,
                    "title_as_written": (participant.title_as_written or "")[:300],
                    "article": self.article,
                    "start": participant.span.start,
                    "end": participant.span.end,
                },
            )
            added += created
        if added and change.action != NEW:
            links.append(f"{added} participant(s) added")
        if links:
            # Links are added even to a reviewed meeting (a new report of it is not an edit).
            if change.action == UNCHANGED:
                change.action = CHANGED
            change.detail = ", ".join(filter(None, [change.detail, *links]))
        return meeting

    def _update_meeting(
        self,
        meeting: Meeting,
        extracted: MeetingExtraction,
        date_fields: dict,
        venue: Institution | None,
        countries: list[str],
    ) -> None:
        changed = []
        new_rank = _date_rank(date_fields["date_precision"], date_fields["date_text"])
        if new_rank > _date_rank(meeting.date_precision, meeting.date_text):
            for key, value in date_fields.items():
                setattr(meeting, key, value)
            changed += list(date_fields)
        changed += fill_blanks(
            meeting,
            {
                "city": (extracted.city or "")[:120],
                "venue": venue,
                "kind": _choice(extracted.kind, MeetingKind, "other"),
                "summary": extracted.summary,
            },
        )
        if not meeting.country_a and countries:
            meeting.country_a = countries[0]
            meeting.country_b = countries[1] if len(countries) > 1 else ""
            changed += ["country_a", "country_b"]
        if changed:
            _check_fields(meeting)
            meeting.save(update_fields=[*changed, "updated_at"])
        self.outcome.record(
            "meetings", str(meeting), CHANGED if changed else UNCHANGED, ", ".join(changed)
        )

    # -- statements ----------------------------------------------------------------------

    def _load_statement(self, extracted) -> None:
        speaker = self.officials.get(extracted.speaker_key) if extracted.speaker_key else None
        meeting = None
        if extracted.meeting_index is not None and extracted.meeting_index < len(self.meetings):
            meeting = self.meetings[extracted.meeting_index]
        elif len(self.meetings) == 1:
            meeting = self.meetings[0]
        date = self.document.published or self.document.reference_date
        if meeting is not None and meeting.date_precision == DatePrecision.DAY:
            date = meeting.start_date
        label = extracted.text[:80]
        statement = Statement.objects.filter(
            article=self.article, start=extracted.span.start
        ).first()
        if statement is None:
            statement = Statement(
                article=self.article,
                start=extracted.span.start,
                end=extracted.span.end,
                text=extracted.text,
                direct=extracted.direct,
                speaker=speaker,
                meeting=meeting,
                date=date,
            )
            self._note_evidence(statement, extracted)
            _check_fields(statement)
            statement.save()
            self.outcome.record("statements", label, NEW)
            return
        if verdict(statement) is Verdict.SUPPRESS:
            self.outcome.record("statements", label, SUPPRESSED)
            return
        if verdict(statement) is Verdict.LEAVE:
            self.outcome.record("statements", label, LEFT_ALONE)
            return
        changed = []
        for field_name, value in (
            ("text", extracted.text),
            ("end", extracted.span.end),
            ("direct", extracted.direct),
            ("speaker", speaker),
            ("meeting", meeting),
        ):
            if getattr(statement, field_name) != value:
                setattr(statement, field_name, value)
                changed.append(field_name)
        if changed:
            statement.save(update_fields=[*changed, "updated_at"])
        self._note_evidence(statement, extracted, saved=True)
        self.outcome.record("statements", label, CHANGED if changed else UNCHANGED)

    # -- agreements ----------------------------------------------------------------------

    def _load_agreement(self, extracted: AgreementExtraction) -> None:
        signed = (
            extracted.signed.value if extracted.signed and extracted.signed.year_known else None
        )
        deadline = (
            extracted.deadline.value
            if extracted.deadline and extracted.deadline.year_known
            else None
        )
        agreement = stored.agreement_for(self.article, extracted, signed)
        status = _choice(extracted.status, AgreementStatus, AgreementStatus.UNKNOWN)
        if agreement is None:
            agreement = Agreement(
                name=extracted.name[:300],
                kind=(extracted.kind or "")[:100],
                signed_date=signed,
                signed_place=(extracted.place or "")[:120],
                parties=list(extracted.parties),
                deadline=deadline,
                provisions=extracted.provisions or "",
                agreement_status=status,
            )
            self._note_evidence(agreement, extracted)
            _check_fields(agreement)
            agreement.save()
            self.outcome.record("agreements", agreement.name, NEW)
        elif verdict(agreement) is Verdict.SUPPRESS:
            self.outcome.record("agreements", agreement.name, SUPPRESSED)
            return
        elif verdict(agreement) is Verdict.LEAVE:
            self.outcome.record("agreements", agreement.name, LEFT_ALONE)
        else:
            changed = fill_blanks(
                agreement,
                {
                    "signed_date": signed,
                    "signed_place": (extracted.place or "")[:120],
                    "deadline": deadline,
                    "provisions": extracted.provisions,
                    "kind": (extracted.kind or "")[:100],
                    "parties": list(extracted.parties),
                    "agreement_status": status,
                },
            )
            if changed:
                _check_fields(agreement)
                agreement.save(update_fields=[*changed, "updated_at"])
            self._note_evidence(agreement, extracted, saved=True)
            self.outcome.record(
                "agreements",
                agreement.name,
                CHANGED if changed else UNCHANGED,
                ", ".join(changed),
            )
        AgreementSource.objects.get_or_create(
            agreement=agreement,
            article=self.article,
            defaults={"start": extracted.span.start, "end": extracted.span.end},
        )
        meetings = [meeting for meeting in self.meetings if meeting is not None]
        if meetings:
            agreement.meetings.add(*meetings)


def load_extraction(
    extraction: Extraction,
    *,
    index: OfficialIndex,
    outcome: ArticleOutcome,
    reprocess: bool = False,
) -> ArticleOutcome:
    """Write one article's extraction; the caller owns the transaction."""
    ArticleLoader(extraction, index=index, outcome=outcome).load(reprocess=reprocess)
    return outcome
