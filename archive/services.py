"""Writes an editor makes: review, reject, merge duplicates, save, create editor accounts.

The admin and the management commands only collect input and show results; every change to the
archive made on an editor's behalf goes through one of these functions, so the rules (what a
merge moves, what a review touches) live in one place and are tested without a browser.
Every function is keyword-only, typed, and runs inside one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from archive import curation_rule as curation
from archive.models import (
    ArchiveState,
    Article,
    Curated,
    Institution,
    InstitutionAlias,
    Meeting,
    MergeRecord,
    Official,
    OfficialAlias,
    ReviewStatus,
)

C = TypeVar("C", bound=Curated)
M = TypeVar("M", bound=models.Model)

# Fields a merge never copies from a merged record: bookkeeping, not facts about the record.
_NEVER_FILLED = {"id", "status", "created_at", "updated_at", "is_synthetic", "name_key"}

# Fields that only make sense together: copied as a group when keep has none of them, so a
# start date from one record never meets an end date from another (the check constraint).
_FILLED_TOGETHER: dict[type[models.Model], tuple[str, ...]] = {
    Meeting: ("start_date", "end_date", "date_precision", "date_text"),
}


# -- small helpers ------------------------------------------------------------------------------


def _official_key(name: str) -> str:
    """Return the normalised name the importer matches officials by."""
    # Imported on use: the resolver loads the lexicons, which the admin should not pay for.
    from archive.ingest.resolve import name_key

    return name_key(name)[:200]


def _institution_key(name: str) -> str:
    """Return the normalised name the importer matches institutions by."""
    from archive.ingest.resolve import institution_key

    return institution_key(name)[:300]


def _log_change(*, user: AbstractBaseUser | None, obj: models.Model, message: str) -> None:
    """Record an admin history entry for obj; without a user there is nobody to credit."""
    if user is None or user.pk is None:
        return
    LogEntry.objects.create(
        user_id=user.pk,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        action_flag=CHANGE,
        change_message=message,
    )


def _fill_blanks(
    *,
    target: models.Model,
    source: models.Model,
    skip: Iterable[str] = (),
    avoid: tuple[type[models.Model], Iterable[Any]] | None = None,
) -> list[str]:
    """Copy into target the fields it lacks and source has (curation.fill_blanks: never
    overwrite). Return the names.

    avoid: (model, ids) a foreign key to that model must not be filled with: the records
    being merged away, or the target itself (an institution cannot be its own parent).
    """
    avoid_model, avoid_ids = avoid if avoid is not None else (None, ())
    avoid_ids = set(avoid_ids)
    skip = set(skip) | _NEVER_FILLED
    values = {}
    for field in target._meta.concrete_fields:
        if field.primary_key or field.name in skip:
            continue
        theirs = getattr(source, field.attname)
        if field.is_relation and field.related_model is avoid_model and theirs in avoid_ids:
            continue
        values[field.name] = theirs
    return curation.fill_blanks(target, values)


def _unique_field_sets(model: type[models.Model]) -> list[tuple[str, ...]]:
    """Return every set of fields a row of model must be unique on (unconditional ones)."""
    sets: list[tuple[str, ...]] = [
        (f.name,) for f in model._meta.concrete_fields if f.unique and not f.primary_key
    ]
    sets += [tuple(names) for names in model._meta.unique_together]
    sets += [
        tuple(c.fields)
        for c in model._meta.constraints
        if isinstance(c, models.UniqueConstraint) and c.fields and c.condition is None
    ]
    return sets


def _relations_to(model: type[models.Model]) -> list[tuple[type[models.Model], models.Field]]:
    """Return (table, foreign key) for every row that can point at a record of model.

    Found from `_meta` rather than listed by hand, so a relation added later is moved by merges
    without anyone remembering to. Many-to-many links count through their (auto-created)
    link tables; explicit through models already appear as their own foreign keys.
    """
    found: list[tuple[type[models.Model], models.Field]] = []
    through_models: list[type[models.Model]] = []
    for rel in model._meta.related_objects:
        if not rel.related_model._meta.managed:
            continue  # SQLite's full-text tables: their triggers follow the records
        if rel.one_to_many or rel.one_to_one:
            found.append((rel.related_model, rel.field))
        elif rel.many_to_many and rel.through._meta.auto_created:
            through_models.append(rel.through)
    for field in model._meta.many_to_many:
        through = field.remote_field.through
        if through._meta.auto_created:
            through_models.append(through)
    for through in through_models:
        for fk in through._meta.concrete_fields:
            if fk.is_relation and fk.related_model is model:
                found.append((through, fk))
    unique: dict[tuple[str, str], tuple[type[models.Model], models.Field]] = {}
    for table, fk in found:
        unique.setdefault((table._meta.label, fk.name), (table, fk))
    return list(unique.values())


def _move_rows(
    *, table: type[models.Model], fk: models.Field, old: models.Model, keep: models.Model
) -> tuple[int, int]:
    """Point every row of table that refers to old at keep instead. Return (moved, collapsed).

    A row that would then duplicate one keep already has (the same official twice in a
    meeting, the same alias twice) is collapsed: its facts fill the survivor's blanks and it
    is deleted, so nothing is lost and no unique constraint is broken.
    """
    moved = collapsed = 0
    unique_sets = [names for names in _unique_field_sets(table) if fk.name in names]
    manager = table._base_manager
    for row in manager.filter(**{fk.attname: old.pk}).order_by("pk"):
        if table is type(keep) and row.pk == keep.pk:
            # keep itself pointed at the merged record (its parent): it cannot be its own.
            manager.filter(pk=row.pk).update(**{fk.attname: None})
            continue
        twin = None
        for names in unique_sets:
            lookup = {}
            for name in names:
                field = table._meta.get_field(name)
                lookup[field.attname] = keep.pk if name == fk.name else getattr(row, field.attname)
            if any(value is None for value in lookup.values()):
                continue  # NULLs never collide in a unique constraint
            twin = manager.filter(**lookup).exclude(pk=row.pk).first()
            if twin is not None:
                break
        if twin is None:
            manager.filter(pk=row.pk).update(**{fk.attname: keep.pk})
            moved += 1
            continue
        filled = _fill_blanks(target=twin, source=row, skip={fk.name}, avoid=(type(keep), {old.pk}))
        if filled:
            twin.full_clean()
            twin.save(update_fields=filled)
        row.delete()
        collapsed += 1
    return moved, collapsed


def _merge(
    *,
    keep: M,
    merge: Sequence[M],
    user: AbstractBaseUser | None,
    add_alias=None,
) -> M:
    """Merge records of one model into keep; the shared work of every `<entity>_merge`."""
    model = type(keep)
    merge = list(merge)
    if not merge:
        raise ValidationError("Choose at least one record to merge into the one kept.")
    if keep.pk is None or any(m.pk is None for m in merge):
        raise ValidationError("Only saved records can be merged.")
    if any(type(m) is not model for m in merge):
        raise ValidationError(f"Only {model._meta.verbose_name_plural} can be merged here.")
    ids = [m.pk for m in merge]
    if keep.pk in ids:
        raise ValidationError("The record kept cannot also be merged away.")
    if len(set(ids)) != len(ids):
        raise ValidationError("A record is listed twice.")

    model_name = model._meta.model_name
    relations = _relations_to(model)
    with transaction.atomic():
        # Lock the rows so two editors merging the same records cannot interleave.
        locked = {
            obj.pk: obj
            for obj in model._base_manager.select_for_update().filter(pk__in=[keep.pk, *ids])
        }
        if len(locked) != len(ids) + 1:
            raise ValidationError("A record to merge no longer exists; reload the page.")
        merged = [locked[pk] for pk in ids]
        for old in merged:
            for table, fk in relations:
                _move_rows(table=table, fk=fk, old=old, keep=keep)

        keep.refresh_from_db()
        together = _FILLED_TOGETHER.get(model, ())
        filled: list[str] = []
        for old in merged:
            if together:
                lead = model._meta.get_field(together[0])
                keep_lacks = curation.is_blank(lead, getattr(keep, lead.attname))
                if keep_lacks and not curation.is_blank(lead, getattr(old, lead.attname)):
                    for name in together:
                        setattr(keep, name, getattr(old, name))
                    filled += [n for n in together if n not in filled]
            for name in _fill_blanks(
                target=keep, source=old, skip=together, avoid=(model, {keep.pk, *ids})
            ):
                if name not in filled:
                    filled.append(name)
        if filled:
            keep.full_clean()
            # Every merged model is Curated, so updated_at exists.
            keep.save(update_fields=[*filled, "updated_at"])

        for old in merged:
            if add_alias is not None:
                add_alias(keep=keep, name=str(old))
            MergeRecord.objects.filter(model=model_name, kept_id=old.pk).update(kept_id=keep.pk)
            record = MergeRecord(
                model=model_name,
                old_id=old.pk,
                kept_id=keep.pk,
                old_name=str(old)[:300],
                merged_by=user if user is not None and user.pk is not None else None,
            )
            record.full_clean()
            record.save()
        names = ", ".join(f"#{old.pk} “{old}”" for old in merged)
        message = f"Merged {names} into this record."
        if filled:
            message += f" Filled from them: {', '.join(filled)}."
        _log_change(user=user, obj=keep, message=message)
        for old in merged:
            old.delete()
        ArchiveState.bump()  # rows moved by UPDATE send no signal
    return keep


# -- merges -------------------------------------------------------------------------------------


def _official_alias_add(*, keep: Official, name: str) -> None:
    """Remember a merged name so a re-import resolves it to the kept official."""
    key = _official_key(name)
    if not key:
        return
    alias = OfficialAlias.objects.filter(official=keep, name_key=key).first()
    if alias is None:
        alias = OfficialAlias(
            official=keep, name=name[:200], name_key=key, origin=OfficialAlias.Origin.MERGE
        )
        alias.full_clean()
        alias.save()


def _institution_alias_add(*, keep: Institution, name: str) -> None:
    """Remember a merged name so a re-import resolves it to the kept institution."""
    key = _institution_key(name)
    if key and not InstitutionAlias.objects.filter(institution=keep, name_key=key).exists():
        alias = InstitutionAlias(institution=keep, name=name[:300], name_key=key)
        alias.full_clean()
        alias.save()


def official_merge(
    *, keep: Official, merge: Sequence[Official], user: AbstractBaseUser | None = None
) -> Official:
    """Merge duplicate officials into keep: their mentions, participations, statements and
    aliases move to keep, their names become keep's aliases, and they are deleted.

    A MergeRecord per merged official lets old URLs redirect; an admin history entry on keep
    says what was merged. Keep's own values are never overwritten, only its blanks filled.
    """
    return _merge(keep=keep, merge=merge, user=user, add_alias=_official_alias_add)


def institution_merge(
    *, keep: Institution, merge: Sequence[Institution], user: AbstractBaseUser | None = None
) -> Institution:
    """Merge duplicate institutions into keep: officials, hosted meetings, child institutions,
    aliases and article links move to keep; merged names become keep's aliases."""
    return _merge(keep=keep, merge=merge, user=user, add_alias=_institution_alias_add)


def meeting_merge(
    *, keep: Meeting, merge: Sequence[Meeting], user: AbstractBaseUser | None = None
) -> Meeting:
    """Merge duplicate meetings (one visit reported twice) into keep: participations,
    sources, statements and agreement links move to keep, duplicates collapse."""
    return _merge(keep=keep, merge=merge, user=user)


# -- review -------------------------------------------------------------------------------------


def _status_set(*, record: C, status: str, user: AbstractBaseUser | None) -> C:
    """Set one record's status and nothing else (only status and updated_at are written)."""
    if not isinstance(record, Curated):
        raise ValidationError(f"{type(record).__name__} records have no review status.")
    with transaction.atomic():
        record.status = status
        # Only the status changes, so only the status is validated: an imported record with
        # an unrelated blemish can still be rejected.
        others = [f.name for f in record._meta.fields if f.name != "status"]
        record.full_clean(exclude=others, validate_unique=False, validate_constraints=False)
        record.save(update_fields=["status", "updated_at"])
        _log_change(user=user, obj=record, message=f"Status set to {record.get_status_display()}.")
    return record


def record_review(*, record: C, user: AbstractBaseUser | None = None) -> C:
    """Mark a record reviewed: an editor checked it, so later imports leave it alone."""
    return _status_set(record=record, status=ReviewStatus.REVIEWED, user=user)


def record_reject(*, record: C, user: AbstractBaseUser | None = None) -> C:
    """Reject a record: hidden from researchers but kept, so a re-import does not revive it."""
    return _status_set(record=record, status=ReviewStatus.REJECTED, user=user)


def _statuses_set(*, queryset: models.QuerySet, status: str, user: AbstractBaseUser | None) -> int:
    """Set the status of every record in queryset in one UPDATE; return how many changed."""
    if not issubclass(queryset.model, Curated):
        raise ValidationError(f"{queryset.model.__name__} records have no review status.")
    with transaction.atomic():
        # Through the ids: the admin's queryset may carry annotations that FOR UPDATE refuses.
        ids = list(queryset.values_list("pk", flat=True))
        records = list(
            queryset.model._base_manager.filter(pk__in=ids)
            .exclude(status=status)
            .select_for_update()
        )
        ids = [r.pk for r in records]
        changed = queryset.model._base_manager.filter(pk__in=ids).update(
            status=status, updated_at=timezone.now()
        )
        if changed:
            ArchiveState.bump()  # an UPDATE sends no signal
        if user is not None and user.pk is not None and records:
            label = dict(ReviewStatus.choices)[status]
            LogEntry.objects.log_actions(
                user_id=user.pk,
                queryset=records,
                action_flag=CHANGE,
                change_message=f"Status set to {label}.",
            )
    return changed


def records_review(*, queryset: models.QuerySet, user: AbstractBaseUser | None = None) -> int:
    """Mark every record in queryset reviewed; return how many changed."""
    return _statuses_set(queryset=queryset, status=ReviewStatus.REVIEWED, user=user)


def records_reject(*, queryset: models.QuerySet, user: AbstractBaseUser | None = None) -> int:
    """Reject every record in queryset; return how many changed."""
    return _statuses_set(queryset=queryset, status=ReviewStatus.REJECTED, user=user)


# -- saving from the admin form -----------------------------------------------------------------


def alias_twin(
    *, alias: OfficialAlias | InstitutionAlias
) -> OfficialAlias | InstitutionAlias | None:
    """Return another alias of the same record that normalises to the same key, if any.

    Two aliases with one key would break the one-key-per-record rule; an edit that creates
    such a pair must be refused with a form error, not a database error.
    """
    is_official = isinstance(alias, OfficialAlias)
    key = (_official_key if is_official else _institution_key)(alias.name or "")
    owner = (
        {"official_id": alias.official_id}
        if is_official
        else {"institution_id": alias.institution_id}
    )
    if not all(owner.values()):
        return None
    return type(alias).objects.filter(name_key=key, **owner).exclude(pk=alias.pk).first()


def record_save(*, record: M, user: AbstractBaseUser | None = None) -> M:
    """Save a record an editor edited, keeping derived fields in step with what they derive from.

    The normalised name keys decide what a re-import matches, and an article's content hash
    decides whether a text was already imported, so an edit must refresh them.
    """
    if isinstance(record, Official):
        record.name_key = _official_key(record.name)
    elif isinstance(record, Institution):
        record.name_key = _institution_key(record.name)
    elif isinstance(record, OfficialAlias | InstitutionAlias):
        is_official = isinstance(record, OfficialAlias)
        record.name_key = (_official_key if is_official else _institution_key)(record.name)
        owner = (
            {"official_id": record.official_id}
            if is_official
            else {"institution_id": record.institution_id}
        )
        twin = type(record).objects.filter(name_key=record.name_key, **owner).first()
        if record.pk is None and twin is not None:
            return twin  # a name already known by another spelling: nothing to add
    elif isinstance(record, Article):
        from archive.ingest.resolve.stored import content_hash

        record.content_hash = content_hash(record.text)
    with transaction.atomic():
        record.full_clean()
        record.save()
    return record


# -- editor accounts ----------------------------------------------------------------------------


def editor_create(
    *, username: str, email: str = "", password: str | None = None
) -> AbstractBaseUser:
    """Create a staff account in the Editors group; without a password it cannot log in yet."""
    from archive.roles import ensure_editors_group

    User = get_user_model()
    with transaction.atomic():
        user = User(username=username, email=email, is_staff=True)
        if password is None:
            user.set_unusable_password()
        else:
            user.set_password(password)
        user.full_clean()
        user.save()
        user.groups.add(ensure_editors_group())
    return user


def editor_update(*, user: AbstractBaseUser, password: str | None = None) -> AbstractBaseUser:
    """Make an existing account an editor (staff, in the Editors group), optionally resetting
    its password; other groups and flags are left as they are."""
    from archive.roles import ensure_editors_group

    with transaction.atomic():
        user.is_staff = True
        if password is not None:
            user.set_password(password)
        user.full_clean()
        user.save()
        user.groups.add(ensure_editors_group())
    return user
