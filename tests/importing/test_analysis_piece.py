"""An article that reports no meeting but names officials and quotes them (an analysis piece,
an interview) is imported with a warning; a text with nothing in it is still refused."""

from __future__ import annotations

import pytest

from archive.models import Article, Meeting, Official, Statement

from .conftest import run_import

ANALYSIS = """title: Why Lima and La Paz keep talking about the lake
published: 2025-03-02

LIMA — Water levels in Lake Titicaca have fallen for a third year, and the two governments
that share it are under pressure to act.

Peruvian Minister of the Environment Rosa Quispe Mamani told parliament that the decline was
"the clearest warning our generation has received". Bolivia's Foreign Minister, Tomás Arce
Villarroel, wrote in a newspaper column that the lake "cannot be managed by two separate
plans any longer".

No date has been set for talks between the two ministries.
"""


@pytest.mark.django_db
def test_analysis_piece_is_imported_with_its_officials_and_a_warning(tmp_path):
    (tmp_path / "analysis.txt").write_text(ANALYSIS, encoding="utf-8")
    code, _, err = run_import(str(tmp_path))
    assert code == 0
    assert "no meeting" in err and "analysis.txt" in err
    assert Article.objects.count() == 1
    assert Meeting.objects.count() == 0
    names = set(Official.objects.values_list("name", flat=True))
    assert {"Rosa Quispe Mamani", "Tomás Arce Villarroel"} <= names
    quotes = dict(Statement.objects.values_list("text", "speaker__name"))
    assert quotes["the clearest warning our generation has received"] == "Rosa Quispe Mamani"


@pytest.mark.django_db
def test_text_with_nothing_in_it_is_refused_with_a_clear_message(tmp_path):
    (tmp_path / "weather.txt").write_text(
        "The weather was mild in the valley this spring, and the harvest came early.\n",
        encoding="utf-8",
    )
    code, _, err = run_import(str(tmp_path))
    assert code == 1
    assert "weather.txt" in err and "no meeting, official or statement" in err
    assert not Article.objects.exists()
