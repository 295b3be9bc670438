"""Hostile files given to the importer fail cleanly (or import), one file at a time."""

from __future__ import annotations

import pytest

from archive.models import Article
from tests.importing.conftest import run_import

MEETING = (
    "ROME – Italian Defence Minister Guido Crosetto met Greek Defence Minister Nikos Dendias "
    "in Rome on 4 April 2024.\n"
)

HOSTILE = {
    "nested_quotes.txt": (MEETING + "“" * 20_000 + "'\"‘" * 20_000 + "”" * 20_000).encode(),
    "nul_bytes.txt": MEETING.encode() + b"\x00" * 64 + MEETING.encode(),
    "one_long_line.txt": (MEETING.strip() + " " + "Word " * 200_000).encode(),
    "html.txt": (MEETING + "<script>alert(1)</script><iframe src=x></iframe>" * 500).encode(),
    "bom_and_crlf.txt": b"\xef\xbb\xbf" + MEETING.replace("\n", "\r\n").encode(),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_imported_or_refused_cleanly(tmp_path, name, settings):
    settings.ARCHIVE_IMPORT_MAX_BYTES = 2 * 1024 * 1024
    (tmp_path / name).write_bytes(HOSTILE[name])
    (tmp_path / "good.txt").write_text(MEETING.replace("Rome", "Athens"), encoding="utf-8")
    code, _, err = run_import(str(tmp_path))
    assert "Traceback" not in err
    assert Article.objects.filter(file_name="good.txt").exists(), err
    if code:
        assert name in err  # refused, with a message naming the file
    else:
        assert Article.objects.filter(file_name=name).exists()


@pytest.mark.django_db
def test_nul_bytes_are_refused_as_binary(tmp_path):
    (tmp_path / "nul.txt").write_bytes(HOSTILE["nul_bytes.txt"])
    code, _, err = run_import(str(tmp_path / "nul.txt"))
    assert code == 1
    assert "nul.txt" in err
    assert Article.objects.count() == 0
