"""evaluate_import's `scorer` section gives the numbers of the shared scorer, on the same archive.

The importer is judged by /work/shared/tools/score.py run on `export_archive`'s output. The
project keeps a copy of its logic (archive/ingest/scoring.py); this test imports the
development articles, exports the archive, runs the shared scorer on the export in a separate
process and checks that the copy agrees, kind by kind, down to the misses and extras. Once
with editors' rejections too: the export (so the scorer) still holds rejected records.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from archive.ingest.scoring import KINDS
from archive.models import Official, ReviewStatus, Statement

from .conftest import ROOT, run_import

SCORER = Path("/work/shared/tools/score.py")
DEV = ROOT / "tests" / "gold" / "dev"

needs_scorer = pytest.mark.skipif(
    not SCORER.is_file(),
    reason=f"the shared scorer {SCORER} is not on this machine (it is on the CI machine)",
)


def shared_scorer(export: Path, gold_dir: Path) -> dict:
    """What `score.py EXPORT GOLD_DIR --json` prints, parsed."""
    done = subprocess.run(
        [sys.executable, str(SCORER), str(export), str(gold_dir), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def evaluate_import_scorer(gold_dir: Path) -> dict:
    out = io.StringIO()
    call_command("evaluate_import", str(gold_dir), "--json", stdout=out)
    return json.loads(out.getvalue())["scorer"]


@pytest.fixture
def dev_archive(db):
    code, _, err = run_import(str(DEV / "articles"))
    assert code == 0, err


@needs_scorer
@pytest.mark.django_db
@pytest.mark.parametrize("with_rejections", [False, True], ids=["as-imported", "rejected"])
def test_scorer_section_matches_the_shared_scorer(dev_archive, tmp_path, with_rejections):
    if with_rejections:
        Official.objects.filter(pk=Official.objects.order_by("pk").first().pk).update(
            status=ReviewStatus.REJECTED
        )
        Statement.objects.filter(pk=Statement.objects.order_by("pk").first().pk).update(
            status=ReviewStatus.REJECTED
        )
    export = tmp_path / "export.json"
    call_command("export_archive", "-o", str(export), verbosity=0)

    theirs = shared_scorer(export, DEV / "gold")
    ours = evaluate_import_scorer(DEV)  # the folder with articles/ and gold/

    assert set(theirs) == {*KINDS, "forbidden"}
    assert set(ours) == set(theirs)
    for kind in KINDS:
        mine, judged = ours[kind], theirs[kind]
        assert (mine["precision"], mine["recall"], mine["f1"]) == (
            judged["p"],
            judged["r"],
            judged["f1"],
        ), (kind, mine, judged)
        assert sorted(mine["misses"]) == sorted(judged["misses"]), kind
        assert sorted(mine["extras"]) == sorted(judged["extras"]), kind
    assert len(ours["forbidden"]) == len(theirs["forbidden"]), (
        ours["forbidden"],
        theirs["forbidden"],
    )


@pytest.mark.django_db
def test_both_gold_layouts_and_the_scorer_table(dev_archive):
    """The gold/ subfolder and the folder itself give one report; the text has score.py's rows."""
    assert evaluate_import_scorer(DEV) == evaluate_import_scorer(DEV / "gold")
    out = io.StringIO()
    call_command("evaluate_import", str(DEV), stdout=out)
    text = out.getvalue()
    assert "articles scored: 14" in text
    for kind in KINDS:
        assert any(
            line.startswith(f"{kind:<22} P=") and "(tp=" in line for line in text.splitlines()
        ), kind
    assert "forbidden records: " in text
