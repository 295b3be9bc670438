"""An article's address is shown and exported as a link only when it is a web address: a
file's front matter cannot plant a "javascript:" link on the site or in an export."""

from __future__ import annotations

import pytest

from archive.models import Article
from tests.factories import make_article
from tests.importing.conftest import run_import

ARTICLE = (
    "url: {url}\n\n"
    "Polish Defence Minister Jan Kowalski met Lithuanian Defence Minister Rasa Juknevičienė "
    "in Vilnius on 3 March 2025.\n"
)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", "data:text/html,<b>x</b>"])
def test_an_address_that_is_not_a_web_address_is_not_imported(tmp_path, url):
    (tmp_path / "a.txt").write_text(ARTICLE.format(url=url), encoding="utf-8")
    code, _, err = run_import(str(tmp_path))
    assert code == 0, err
    assert Article.objects.get().url == ""


@pytest.mark.django_db
def test_a_stored_script_address_is_neither_linked_nor_exported(client):
    article = make_article(text="Some text.", title="Planted")
    Article.objects.filter(pk=article.pk).update(url="javascript:alert(1)")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "javascript:" not in page
    response = client.get("/articles/", {"format": "csv"})
    csv = b"".join(response.streaming_content).decode()
    assert "Planted" in csv
    assert "javascript:" not in csv


@pytest.mark.django_db
def test_a_web_address_is_linked(client, tmp_path):
    (tmp_path / "a.txt").write_text(
        ARTICLE.format(url="https://example.org/story"), encoding="utf-8"
    )
    run_import(str(tmp_path))
    article = Article.objects.get()
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'href="https://example.org/story"' in page
