"""The archive's data model, one module per aggregate; re-exported here."""

from .agreements import Agreement, AgreementQuerySet, AgreementSource, AgreementStatus
from .base import Curated, CuratedQuerySet, DatePrecision, ReviewStatus
from .curation import MergeRecord
from .meetings import Meeting, MeetingKind, MeetingQuerySet, MeetingSource, Participation
from .people import (
    Institution,
    InstitutionAlias,
    InstitutionKind,
    Official,
    OfficialAlias,
    OfficialMention,
)
from .sources import Article
from .statements import Statement, StatementQuerySet

__all__ = [
    "Agreement",
    "AgreementQuerySet",
    "AgreementSource",
    "AgreementStatus",
    "Article",
    "Curated",
    "CuratedQuerySet",
    "DatePrecision",
    "Institution",
    "InstitutionAlias",
    "InstitutionKind",
    "Meeting",
    "MeetingKind",
    "MeetingQuerySet",
    "MeetingSource",
    "MergeRecord",
    "Official",
    "OfficialAlias",
    "OfficialMention",
    "Participation",
    "ReviewStatus",
    "Statement",
    "StatementQuerySet",
]
