"""Previewed uploads wait on the server: exact bytes back, only for their editor, then gone."""

from __future__ import annotations

import os
import time

import pytest

from archive import import_staging


def test_staged_files_come_back_byte_for_byte_in_order():
    files = [("a.html", "caf\xe9".encode("cp1252")), ("b.txt", b"plain\r\n")]
    token = import_staging.stage(7, files)
    assert import_staging.staged_files(token, 7) == files


def test_only_the_editor_who_previewed_may_confirm():
    token = import_staging.stage(7, [("a.txt", b"x")])
    with pytest.raises(import_staging.StageMissing):
        import_staging.staged_files(token, 8)


def test_a_discarded_stage_is_gone():
    token = import_staging.stage(7, [("a.txt", b"x")])
    import_staging.discard(token)
    with pytest.raises(import_staging.StageMissing):
        import_staging.staged_files(token, 7)


def test_stages_older_than_a_day_are_swept(settings):
    old = import_staging.stage(7, [("a.txt", b"x")])
    fresh = import_staging.stage(7, [("b.txt", b"y")])
    day_ago = time.time() - import_staging.STAGE_LIFETIME_SECONDS - 60
    os.utime(settings.ARCHIVE_IMPORT_STAGING_DIR / old, (day_ago, day_ago))
    assert import_staging.sweep_expired() == 1
    with pytest.raises(import_staging.StageMissing):
        import_staging.staged_files(old, 7)
    assert import_staging.staged_files(fresh, 7) == [("b.txt", b"y")]


def test_what_the_preview_extracted_is_kept_beside_the_bytes():
    token = import_staging.stage(7, [("a.txt", b"x")], [{"extracted": ("kept", 1)}])
    assert import_staging.staged_extraction(token, 0) == {"extracted": ("kept", 1)}
    assert import_staging.staged_extraction(token, 1) is None  # nothing kept for it
    assert import_staging.staged_extraction("../../etc", 0) is None  # no path outside
