"""The Editors role: who may curate archive records, defined once for migrations and commands."""

from __future__ import annotations

EDITORS_GROUP = "Editors"

# Every archive model an editor curates; users, groups and permissions are deliberately absent.
CURATED_MODELS = (
    "article",
    "official",
    "officialalias",
    "officialmention",
    "institution",
    "institutionalias",
    "meeting",
    "participation",
    "meetingsource",
    "statement",
    "agreement",
    "agreementsource",
    "mergerecord",
)
ACTIONS = ("view", "add", "change", "delete")


def editor_permission_codenames() -> list[str]:
    """Return the codenames of every permission an editor holds."""
    return [f"{action}_{model}" for model in CURATED_MODELS for action in ACTIONS]


def ensure_editors_group(apps=None):
    """Create or refresh the Editors group with exactly the curating permissions.

    Takes the migration app registry when called from a migration, the live one otherwise.
    """
    if apps is None:
        from django.apps import apps as live_apps

        apps = live_apps
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrate finishes; create them now so the group
    # can be filled in the same run on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    permissions = Permission.objects.filter(
        content_type__app_label="archive", codename__in=editor_permission_codenames()
    )
    group.permissions.set(permissions)
    return group
