"""Saved web pages through the command and the admin page: the same records as a text."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from archive.importing import sources_from_paths
from archive.models import Article, Meeting, Statement

from .conftest import ROOT, run_import

PAGES = ROOT / "tests" / "gold" / "html"
URL = reverse("admin_archive_import")

# file -> (title, url, published, countries, city, speaker, quote)
EXPECTED = {
    "meridian_post_greece_italy.html": (
        "Greece and Italy pledge joint coast guard effort",
        "https://meridianpost.example/world/2025/06/greece-italy-coast-guard",
        date(2025, 6, 5),
        {"GR", "IT"},
        "Athens",
        "Nikos Andreou",
        "Our two nations share one sea and one future",
    ),
    "diario_iberico_spain_portugal.html": (
        "Iberian defence ministers meet at São Julião da Barra",
        "https://diarioiberico.example/en/defesa/carrasco-valente-patrulhas.html",
        date(2025, 2, 18),
        {"ES", "PT"},
        "Lisbon",
        "Inés Carrasco",
        "The Iberian peninsula must be defended as one",
    ),
    "pacific_ledger_japan_australia.html": (
        "Japan, Australia tighten defence ties in Tokyo talks",
        "https://pacificledger.example/news/asia/japan-australia-defence-talks-harada-whitlow",
        date(2025, 9, 9),
        {"JP", "AU"},
        "Tokyo",
        "Kenji Harada",
        "Japan and Australia are special strategic partners",
    ),
    "levant_observer_egypt_jordan.html": (
        "Egypt and Jordan coordinate on regional security",
        "https://levantobserver.example/politics/egypt-jordan-amman-talks/",
        None,
        {"EG", "JO"},
        "Amman",
        "Karim Mansour",
        "Egypt and Jordan stand shoulder to shoulder",
    ),
    "baltic_gazette_lithuania_poland.html": (
        "Vilnius and Warsaw vow to guard the Suwałki corridor together",
        "https://gazette.example/lt/politics/vilnius-warsaw-suwalki-corridor",
        date(2024, 11, 22),
        {"LT", "PL"},
        "Vilnius",
        "Darius Kalnietis",
        "Poland and Lithuania will defend every metre of this border together",
    ),
}
# What only the pages' reader comments say: never a Statement.
FROM_COMMENTS = ("historic day", "Finally some common sense", "heard that one before")


def assert_imported(name: str) -> None:
    title, url, published, countries, city, speaker, quote = EXPECTED[name]
    article = Article.objects.get(file_name=name)
    assert (article.title, article.url, article.published) == (title, url, published)
    meeting = Meeting.objects.get(sources__article=article)
    assert {meeting.country_a.code, meeting.country_b.code} == countries
    assert meeting.city == city
    statement = Statement.objects.get(article=article, text__startswith=quote)
    assert statement.speaker.name == speaker
    assert statement.direct


@pytest.mark.django_db
def test_a_folder_of_saved_pages_is_imported():
    assert (PAGES / "README.md").is_file()
    code, _, err = run_import(str(PAGES))  # the folder's README.md is not an article
    assert code == 0, err
    assert sorted(Article.objects.values_list("file_name", flat=True)) == sorted(EXPECTED)
    for name in EXPECTED:
        assert_imported(name)
    for text in FROM_COMMENTS:
        assert not Statement.objects.filter(text__icontains=text).exists()
    iberian = Article.objects.get(file_name="diario_iberico_spain_portugal.html")
    assert iberian.outlet == "Diário Ibérico"
    assert "João Valente" in iberian.text and "cookies" not in iberian.text


@pytest.mark.django_db
def test_a_page_given_by_name_and_imported_again_is_unchanged(tmp_path):
    page = tmp_path / "story.htm"
    shutil.copy(PAGES / "pacific_ledger_japan_australia.html", page)
    code, _, err = run_import(str(page))
    assert code == 0, err
    assert Article.objects.get().file_name == "story.htm"
    code, out, err = run_import("--json", str(page))
    assert code == 0, err
    assert '"unchanged": 1' in out


def test_folders_give_texts_and_saved_pages(tmp_path):
    for name in ("a.txt", "b.html", "c.htm", "D.HTML", "e.md", "f.html.bak", "g.json"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "h.htm").write_text("x", encoding="utf-8")
    (tmp_path / "folder.html").mkdir()
    sources, problems = sources_from_paths([tmp_path])
    assert problems == []
    assert [s.name for s in sources] == ["D.HTML", "a.txt", "b.html", "c.htm", "h.htm"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.html", b"", "the file is empty"),
        (
            "menu.html",
            b"<!DOCTYPE html><html><head><title>Front page</title></head><body><nav>"
            b"<a href='/'>Home</a> <a href='/world'>World</a></nav></body></html>",
            "no article text was found in this web page",
        ),
        ("broken.htm", b"<html><body><div><p>\x00\x01\x02", "binary"),
    ],
)
def test_unreadable_page_is_skipped_and_the_others_are_imported(tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    shutil.copy(PAGES / "meridian_post_greece_italy.html", tmp_path)
    code, _, err = run_import(str(tmp_path))
    assert code == 1
    assert f"{name}: " in err
    assert message in err
    assert_imported("meridian_post_greece_italy.html")
    assert Article.objects.count() == 1


def upload(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (PAGES / name).read_bytes(), content_type="text/html")


@pytest.mark.django_db
def test_admin_preview_then_confirm_imports_saved_pages(editor_client):
    names = ["meridian_post_greece_italy.html", "diario_iberico_spain_portugal.html"]
    preview = editor_client.post(URL, {"files": [upload(name) for name in names]})
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Nikos Andreou" in page and "Inés Carrasco" in page
    assert Article.objects.count() == 0
    staged = preview.context["staged"]
    assert [name for name, _ in staged] == names
    # The windows-1252 page waits as the bytes read, so the confirmed import decodes it as before.
    assert staged[1][1] == (PAGES / names[1]).read_bytes()
    response = editor_client.post(URL, {"confirm": "1", "stage": preview.context["stage"]})
    assert response.status_code == 302
    for name in names:
        assert_imported(name)
    assert Article.objects.get(file_name=names[1]).outlet == "Diário Ibérico"


@pytest.mark.django_db
def test_admin_upload_of_a_broken_page_is_reported_and_not_staged(editor_client):
    response = editor_client.post(
        URL,
        {
            "files": [
                SimpleUploadedFile("empty.html", b"<html><body></body></html>", "text/html"),
                upload("levant_observer_egypt_jordan.html"),
            ]
        },
    )
    assert response.status_code == 200
    assert "empty.html: no article text was found" in response.content.decode()
    assert [name for name, _ in response.context["staged"]] == ["levant_observer_egypt_jordan.html"]


def test_the_upload_field_offers_web_pages():
    from archive.import_admin import ImportForm

    widget = ImportForm().fields["files"].widget
    assert {".txt", ".html", ".htm"} <= set(widget.attrs["accept"].split(","))
