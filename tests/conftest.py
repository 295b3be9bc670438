"""Fixtures shared by the whole suite."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _fresh_result_cache():
    """Each test starts with an empty cache: tests roll their records back, so the archive
    version (part of every cache key) repeats from one test to the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _private_import_staging(settings, tmp_path_factory):
    """Previewed uploads go to a folder of the test's own, never to the checkout."""
    settings.ARCHIVE_IMPORT_STAGING_DIR = tmp_path_factory.mktemp("import-staging")


@pytest.fixture
def editor(db, django_user_model):
    """A staff account in the Editors group, as `create_editor` makes it."""
    from archive.roles import ensure_editors_group

    user = django_user_model.objects.create_user(
        username="editor", password="a-long-editor-password", is_staff=True
    )
    user.groups.add(ensure_editors_group())
    return user


@pytest.fixture
def editor_client(client, editor):
    """A test client logged in as an editor."""
    client.force_login(editor)
    return client
