"""import_articles: what it creates, what it refuses, and that curation is sticky."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core.management import call_command

from archive.models import (
    Agreement,
    Article,
    Institution,
    Meeting,
    MeetingSource,
    Official,
    OfficialAlias,
    OfficialMention,
    Participation,
    ReviewStatus,
    Statement,
)

from .conftest import SEEDS, import_json, run_import

COUNTED = (
    Article,
    Meeting,
    MeetingSource,
    Participation,
    Official,
    OfficialAlias,
    OfficialMention,
    Institution,
    Statement,
    Agreement,
)

FRANCE_GERMANY = """title: Paris and Berlin agree on joint air defence
outlet: Example Wire
published: 2024-03-12

PARIS – French Defence Minister Sébastien Lecornu met German Defence Minister Boris Pistorius
in Paris on March 11, 2024, to discuss European air defence.
"Our two countries must build this shield together," Lecornu said after the talks.
Pistorius added: "Germany is ready to invest in a common European project."
"""


def snapshot() -> dict[str, list[int]]:
    return {model.__name__: sorted(model.objects.values_list("pk", flat=True)) for model in COUNTED}


@pytest.mark.django_db
def test_seed_import_creates_records_with_provenance(seeded):
    assert Article.objects.count() == 5
    assert Meeting.objects.count() == 4, "003 and 004 report one visit: one meeting"
    visit = Meeting.objects.filter(sources__article__file_name__startswith="003").get()
    assert sorted(visit.sources.values_list("article__file_name", flat=True)) == [
        "003_55e5600d96472930.txt",
        "004_1e80e909156e89ed.txt",
    ]
    for statement in Statement.objects.select_related("article"):
        assert statement.passage, "every statement keeps its span"
        assert statement.text.strip(" ,.") in statement.article.text
    for mention in OfficialMention.objects.select_related("article"):
        assert mention.article.text[mention.start : mention.end] == mention.passage
        assert mention.passage


@pytest.mark.django_db
def test_reimport_is_a_no_op(seeded):
    before = snapshot()
    result = import_json(str(SEEDS))
    assert result["code"] == 0
    assert result["report"]["articles"] == {"unchanged": 5}
    assert snapshot() == before


@pytest.mark.django_db
def test_reprocess_keeps_records_and_primary_keys(seeded):
    before = snapshot()
    code, _, err = run_import("--reprocess", str(SEEDS))
    assert code == 0, err
    assert snapshot() == before


@pytest.mark.django_db
def test_reviewed_record_is_never_changed(seeded):
    official = Official.objects.get(name="Abdolrahim Mousavi")
    official.title = "Edited by an editor"
    official.country = ""
    official.status = ReviewStatus.REVIEWED
    official.save()
    code, _, err = run_import("--reprocess", str(SEEDS))
    assert code == 0, err
    official.refresh_from_db()
    assert official.title == "Edited by an editor"
    assert official.country == ""


@pytest.mark.django_db
def test_rejected_records_do_not_come_back(seeded):
    statement = Statement.objects.filter(direct=True).first()
    statement.status = ReviewStatus.REJECTED
    statement.save()
    official = Official.objects.get(name="Qassem al-Araji")
    official.status = ReviewStatus.REJECTED
    official.save()
    code, _, err = run_import("--reprocess", str(SEEDS))
    assert code == 0, err
    statement.refresh_from_db()
    assert statement.status == ReviewStatus.REJECTED
    assert Statement.objects.filter(article=statement.article, start=statement.start).count() == 1
    assert Official.objects.filter(name__icontains="Araji").count() == 1
    assert Official.objects.get(name="Qassem al-Araji").status == ReviewStatus.REJECTED


@pytest.mark.django_db
def test_same_official_in_a_new_article_is_resolved(seeded, tmp_path):
    """A later article naming a known official adds a mention, not a new Official."""
    keep = Official.objects.get(name="Abdolrahim Mousavi")
    path = tmp_path / "later.txt"
    path.write_text(
        "TEHRAN – Chief of Staff of Iran's Armed Forces Major General Abdolrahim Mousavi met "
        "Iraqi Defense Minister Thabet al-Abbasi in Tehran on 3 May 2025.\n"
        '"Our cooperation protects both nations," Mousavi said.\n',
        encoding="utf-8",
    )
    code, _, err = run_import(str(path))
    assert code == 0, err
    assert Official.objects.filter(name__icontains="Mousavi").count() == 1
    assert keep.mentions.filter(article__file_name="later.txt").exists()
    assert Statement.objects.get(article__file_name="later.txt").speaker == keep


@pytest.mark.django_db
def test_dry_run_writes_nothing_and_reports_what_it_would_do(db):
    result = import_json("--dry-run", str(SEEDS))
    assert result["code"] == 0
    assert result["report"]["dry_run"] is True
    assert result["report"]["articles"] == {"new": 5}
    assert result["report"]["records"]["meetings"]["new"] == 4
    assert all(model.objects.count() == 0 for model in COUNTED)


@pytest.mark.django_db
def test_other_countries_and_front_matter(tmp_path):
    path = tmp_path / "fr_de.txt"
    path.write_text(FRANCE_GERMANY, encoding="utf-8")
    code, _, err = run_import(str(path))
    assert code == 0, err
    article = Article.objects.get()
    assert article.outlet == "Example Wire"
    assert str(article.published) == "2024-03-12"
    meeting = Meeting.objects.get()
    assert {meeting.country_a.code, meeting.country_b.code} == {"FR", "DE"}
    assert meeting.city == "Paris"
    assert str(meeting.start_date) == "2024-03-11"
    speakers = set(Statement.objects.values_list("speaker__name", flat=True))
    assert speakers == {"Sébastien Lecornu", "Boris Pistorius"}


@pytest.mark.django_db
def test_standard_input(monkeypatch):
    class FakeStdin:
        buffer = io.BytesIO(FRANCE_GERMANY.encode())

    monkeypatch.setattr("sys.stdin", FakeStdin)
    code, _, err = run_import("-")
    assert code == 0, err
    assert Article.objects.get().file_name == "<stdin>"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n  ", "empty"),
        ("binary.txt", bytes(range(256)) * 8, "binary"),
        ("latin1.txt", "Le ministre français a dit « oui ».".encode("latin-1"), "UTF-8"),
        ("nomeeting.txt", b"The weather was mild in the valley this spring.\n", "no meeting"),
    ],
)
def test_bad_file_is_skipped_with_a_message_and_others_are_imported(
    tmp_path, name, content, message
):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(FRANCE_GERMANY, encoding="utf-8")
    code, _, err = run_import(str(tmp_path))
    assert code == 1
    assert name in err
    assert message.lower() in err.lower()
    assert Article.objects.get().file_name == "good.txt"


@pytest.mark.django_db
def test_oversized_file_is_refused(tmp_path, settings):
    settings.ARCHIVE_IMPORT_MAX_BYTES = 1000
    (tmp_path / "big.txt").write_text(FRANCE_GERMANY * 10, encoding="utf-8")
    code, _, err = run_import(str(tmp_path / "big.txt"))
    assert code == 1
    assert "big.txt" in err
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_missing_path_is_reported(tmp_path):
    code, _, err = run_import(str(tmp_path / "nope.txt"))
    assert code == 1
    assert "nope.txt" in err


@pytest.mark.django_db
def test_link_out_of_the_folder_is_skipped(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text(FRANCE_GERMANY, encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside)
    code, _, err = run_import(str(folder))
    assert code == 1
    assert "links outside" in err
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_if_empty_skips_a_filled_archive(seeded, tmp_path):
    (tmp_path / "fr.txt").write_text(FRANCE_GERMANY, encoding="utf-8")
    code, out, _ = run_import("--if-empty", str(tmp_path))
    assert code == 0
    assert "already" in out
    assert Article.objects.count() == 5


@pytest.mark.django_db
def test_export_archive_is_stable_json(seeded, tmp_path):
    first, second = io.StringIO(), io.StringIO()
    call_command("export_archive", stdout=first)
    call_command("export_archive", stdout=second)
    assert first.getvalue() == second.getvalue()
    data = json.loads(first.getvalue())
    assert set(data) >= {"meetings", "officials", "institutions", "statements", "agreements"}
    assert len(data["meetings"]) == 4
    target = tmp_path / "archive.json"
    call_command("export_archive", "-o", str(target), stderr=io.StringIO())
    assert json.loads(target.read_text(encoding="utf-8")) == data


def test_bench_import_times_extraction_of_every_gold_article():
    out = io.StringIO()
    call_command("bench_import", "--gold", "--runs", "1", stdout=out)
    assert re.match(
        r"extraction of (\d+) gold articles: median [\d.]+ ms per article, slowest [\d.]+ ms",
        out.getvalue(),
    )
    assert int(re.search(r"of (\d+) gold", out.getvalue()).group(1)) >= 50


@pytest.mark.django_db
def test_an_article_the_importer_fails_on_is_skipped_and_the_others_are_imported(
    tmp_path, monkeypatch
):
    from archive import importing

    real = importing.extract_bytes

    def failing(data, *, file_name, **kwargs):
        if file_name == "bad.txt":
            raise IndexError("list index out of range")
        return real(data, file_name=file_name, **kwargs)

    monkeypatch.setattr(importing, "extract_bytes", failing)
    (tmp_path / "bad.txt").write_text(FRANCE_GERMANY, encoding="utf-8")
    (tmp_path / "good.txt").write_text(FRANCE_GERMANY.replace("Paris", "Lyon"), encoding="utf-8")
    code, _, err = run_import(str(tmp_path))
    assert code == 1
    assert "bad.txt" in err and "the importer failed on it" in err
    assert Article.objects.get().file_name == "good.txt"


@pytest.mark.django_db
def test_a_nul_byte_deep_in_a_file_refuses_it_on_every_database(tmp_path):
    content = FRANCE_GERMANY.encode() + b"x" * 5000 + b"\x00" + b"more text\n"
    (tmp_path / "nul.txt").write_bytes(content)
    (tmp_path / "good.txt").write_text(FRANCE_GERMANY.replace("Paris", "Lyon"), encoding="utf-8")
    code, _, err = run_import(str(tmp_path))
    assert code == 1
    assert "nul.txt" in err and "NUL" in err
    assert Article.objects.get().file_name == "good.txt"


def test_a_file_over_the_limit_is_never_read_whole(tmp_path, settings):
    from archive.importing import read_bounded
    from archive.ingest.types import IngestError

    settings.ARCHIVE_IMPORT_MAX_BYTES = 1000
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * 50_000)

    class Counting(io.BytesIO):
        asked: list[int] = []

        def read(self, size=-1):
            self.asked.append(size)
            return super().read(size)

    stream = Counting(path.read_bytes())
    with pytest.raises(IngestError, match="over the limit of 1,000 bytes"):
        read_bounded(stream, "huge.txt")
    assert stream.asked == [1001]  # never asked for the whole file


@pytest.mark.django_db
def test_a_copy_differing_in_spacing_or_with_the_same_address_is_the_same_article(tmp_path):
    (tmp_path / "a.txt").write_text(FRANCE_GERMANY, encoding="utf-8")
    run_import(str(tmp_path / "a.txt"))
    spaced = FRANCE_GERMANY.replace("\n", "\r\n").replace(" met ", "  met ") + "\n\n"
    (tmp_path / "b.txt").write_text(spaced, encoding="utf-8")
    code, _, err = run_import(str(tmp_path / "b.txt"))
    assert code == 0, err
    assert Article.objects.count() == 1

    with_url = FRANCE_GERMANY.replace("PARIS", "Paris").replace(
        "outlet:", "url: https://example.org/story\noutlet:", 1
    )
    (tmp_path / "c.txt").write_text(with_url, encoding="utf-8")
    run_import(str(tmp_path / "c.txt"))
    assert Article.objects.count() == 2  # another text, its own address
    corrected = with_url.replace("Defence Minister", "defence minister", 1)
    (tmp_path / "d.txt").write_text(corrected, encoding="utf-8")
    code, _, err = run_import(str(tmp_path / "d.txt"))
    assert code == 0, err
    assert Article.objects.count() == 2  # the outlet's corrected copy: the same address


@pytest.mark.django_db
def test_institutions_of_the_same_name_in_two_states_stay_apart(tmp_path):
    """Egypt's Ministry of Defence and Indonesia's are two records, each with its articles."""
    (tmp_path / "egypt.txt").write_text(
        "CAIRO – Egypt's Defence Minister General Ahmed Fathy met Sudanese Defence Minister "
        "Yassin Ibrahim at Egypt's Ministry of Defence in Cairo on 3 May 2025.\n",
        encoding="utf-8",
    )
    (tmp_path / "indonesia.txt").write_text(
        "JAKARTA – Indonesia's Defence Minister Budi Santoso met Malaysian Defence Minister "
        "Khaled Nordin at Indonesia's Ministry of Defence in Jakarta on 9 June 2025.\n",
        encoding="utf-8",
    )
    code, _, err = run_import(str(tmp_path))
    assert code == 0, err
    ministries = Institution.objects.filter(name="Ministry of Defence")
    by_country = {
        m.country: set(m.articles.values_list("file_name", flat=True)) for m in ministries
    }
    assert by_country == {"EG": {"egypt.txt"}, "ID": {"indonesia.txt"}}

    # A later Egyptian article finds Egypt's record again.
    (tmp_path / "later.txt").write_text(
        "CAIRO – Egypt's Defence Minister General Ahmed Fathy met Libyan Defence Minister "
        "Omar Salem at Egypt's Ministry of Defence in Cairo on 5 July 2025.\n",
        encoding="utf-8",
    )
    code, _, err = run_import(str(tmp_path / "later.txt"))
    assert code == 0, err
    assert ministries.count() == 2
    assert set(ministries.get(country="EG").articles.values_list("file_name", flat=True)) == {
        "egypt.txt",
        "later.txt",
    }


@pytest.mark.django_db
def test_two_states_institutions_of_one_name_in_one_article_stay_apart(tmp_path):
    (tmp_path / "both.txt").write_text(
        "BAGHDAD – Iran's Defence Minister Aziz Nasirzadeh met Iraqi Defence Minister Thabet "
        "al-Abbasi in Baghdad on 3 May 2025. Iran's Ministry of Defence and Iraq's Ministry of "
        "Defence will form a joint committee.\n",
        encoding="utf-8",
    )
    code, _, err = run_import(str(tmp_path / "both.txt"))
    assert code == 0, err
    countries = Institution.objects.filter(name="Ministry of Defence").values_list("country")
    assert sorted(c for (c,) in countries) == ["IQ", "IR"]
