"""An article's page says which day its relative dates were counted from, and where in the
article that day was read."""

from __future__ import annotations

import pytest

from archive.models import Article
from tests.importing.conftest import run_import

WIRE = (
    "Ankara talks\n\nOctober 3, 2024 10:42 AM GMT+3\n\n"
    "ANKARA, Oct 3 (Bosphorus Wire) - Turkish Defence Minister Kemal Aydin hosted Azerbaijani "
    "Defence Minister Vugar Aliyev in Ankara on Wednesday for talks on joint drills.\n"
)


@pytest.mark.django_db
def test_article_page_shows_the_reference_date_and_its_source(client, tmp_path):
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    code, _, err = run_import(str(tmp_path))
    assert code == 0, err
    article = Article.objects.get()
    assert (str(article.reference_date), article.reference_source) == ("2024-10-03", "timestamp")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Dates counted from" in html
    assert "3 October 2024" in html and "read from the timestamp" in html


@pytest.mark.django_db
def test_article_without_a_reference_date_says_so(client, tmp_path):
    (tmp_path / "plain.txt").write_text(
        "Turkish Defence Minister Kemal Aydin met Azerbaijani Defence Minister Vugar Aliyev in "
        "Ankara on 3 October to discuss joint drills.\n",
        encoding="utf-8",
    )
    code, _, err = run_import(str(tmp_path))
    assert code == 0, err
    html = client.get(Article.objects.get().get_absolute_url()).content.decode()
    assert "No reference date in the text" in html
