"""The archive's data model, one module per aggregate; re-exported here."""

from .agreements import Agreement, AgreementQuerySet, AgreementSource, AgreementStatus
from .base import Curated, CuratedQuerySet, DatePrecision, ReviewStatus, visible_via
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
from .search_index import ArticleSearchIndex, OfficialSearchIndex, StatementSearchIndex
from .sources import Article
from .state import ArchiveState
from .statements import Statement, StatementQuerySet

__all__ = [
    "Agreement",
    "AgreementQuerySet",
    "AgreementSource",
    "AgreementStatus",
    "ArchiveState",
    "Article",
    "ArticleSearchIndex",
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
    "OfficialSearchIndex",
    "Participation",
    "ReviewStatus",
    "Statement",
    "StatementQuerySet",
    "StatementSearchIndex",
    "visible_via",
]


def record_models() -> list:
    """The archive's record tables, parents before the rows that point at them.

    Leaves out what is not a record: the full-text tables (unmanaged, SQLite only, kept by
    triggers) and the version row of the result cache. Backups, resets and exports use this."""
    from django.apps import apps

    return [
        model
        for model in apps.get_app_config("archive").get_models()
        if model._meta.managed and model is not ArchiveState
    ]
