"""The Datasette comparison asks Datasette for the same rows as the archive, and runs end to end.

The URL building is pure and tested without Datasette; the end-to-end run needs a Datasette
executable (its own virtualenv, not a project dependency) and is skipped without one. Timings
are reported, never asserted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import dj_database_url
import pytest
from django.core.management import CommandError, call_command

from archive.bench import datasette as ds
from archive.bench.scenarios import Scenario

ROOT = Path(__file__).resolve().parents[1]


def _query(path: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(path).query)


def test_meeting_filters_become_parenthesized_where_clauses():
    path, suggests = ds.datasette_path(
        "/meetings/?country=JO&date_after=1989-01-01&kind=defense", "bench1m"
    )
    assert suggests and urlsplit(path).path == "/bench1m/archive_meeting"
    query = _query(path)
    assert query["_where"] == [
        "(country_a = 'JO' or country_b = 'JO')",
        "(end_date >= '1989-01-01' or (end_date is null and start_date >= '1989-01-01'))",
    ]
    assert query["kind__exact"] == ["defense"]
    assert query["status__not"] == ["rejected"]
    assert query["_sort_desc"] == ["start_date"] and query["_size"] == ["50"]


def test_a_quote_in_a_filter_value_cannot_end_the_sql_string():
    path, _ = ds.datasette_path("/meetings/?country=X'Y", "db")
    assert _query(path)["_where"] == ["(country_a = 'X''Y' or country_b = 'X''Y')"]


def test_statement_pages_map_to_the_table_sorted_or_searched():
    listing, _ = ds.datasette_path("/statements/", "db")
    assert _query(listing) == {
        "status__not": ["rejected"],
        "_sort_desc": ["date"],
        "_size": ["50"],
    }
    search, suggests = ds.datasette_path("/statements/?q=%22two+words%22", "db")
    assert suggests and _query(search)["_search"] == ['"two words"']


def test_detail_and_unmatched_pages():
    assert ds.datasette_path("/meetings/7/", "db") == ("/db/archive_meeting/7", False)
    assert ds.datasette_path("/officials/3/", "db") is None
    assert ds.datasette_path("/meetings/?_next=abc", "db") is None


def test_ranked_query_gets_the_match_expression_datasette_search_builds():
    assert _query(ds.ranked_path("/statements/?q=word", "db")) == {"q": ['"word"']}
    assert ds.ranked_path("/statements/", "db") is None
    assert ds.escape_fts('"two words" three') == '"two words" "three"'
    assert ds.escape_fts('unbalanced "quote') == '"unbalanced" "quote"'


def test_database_names_are_tilde_encoded_like_datasette():
    assert ds.tilde_encode("bench1m") == "bench1m"
    assert ds.tilde_encode("my db.v2") == "my+db~2Ev2"


def test_pairs_follow_the_bench_scenarios():
    scenarios = [
        Scenario("home", "/"),
        Scenario("meetings, three filters", "/meetings/?country=FR&date_after=2000-01-01"),
        Scenario("meeting detail", "/meetings/1/"),
        Scenario("statements list", "/statements/"),
        Scenario("search rare word 'x'", "/statements/?q=x"),
        Scenario("official detail", "/officials/1/"),
    ]
    names = [pair.name for pair in ds.pairs(scenarios, "db")]
    assert names == [
        "meetings, three filters",
        "meeting detail",
        "statements list",
        "search rare word 'x'",
        "search rare word 'x' (ranked)",
    ]


def test_read_only_url_survives_dj_database_url():
    path = Path("/data/bench 1m.sqlite3")
    name = dj_database_url.parse(ds.read_only_database_url(path))["NAME"]
    assert name == "file:/data/bench%201m.sqlite3?mode=ro&immutable=1"


def test_archive_count_reads_the_results_heading():
    heading = '<h2 id="results-heading" class="sentence">{} matching “x”</h2>'
    assert ds.archive_count(heading.format("1,019 meetings")) == (1019, False)
    assert ds.archive_count(heading.format("1 statement")) == (1, False)
    assert ds.archive_count(heading.format("More than 10,000 statements")) == (10000, True)
    assert ds.archive_count("<h1>nothing</h1>") is None


def test_only_sqlite_can_be_compared():
    with pytest.raises(ds.ComparisonError, match="SQLite"):
        ds.sqlite_path({"ENGINE": "django.db.backends.postgresql", "NAME": "archive"})


def test_configuration_option_follows_the_datasette_version():
    assert ds.config_flag("0.65.5") == "--metadata"
    assert ds.config_flag("1.0a19") == "--config"


def test_a_missing_executable_is_a_clear_command_error(tmp_path):
    with pytest.raises(CommandError, match="no Datasette executable"):
        call_command("bench_datasette", "--datasette", str(tmp_path / "nope"))


def _manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_comparison_runs_on_a_tiny_archive(tmp_path):
    try:
        executable = ds.find_datasette()
    except ds.ComparisonError as error:
        pytest.skip(f"no Datasette executable to compare with: {error}")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'tiny.sqlite3'}",
        "SECRET_KEY": "bench-test",
        "LOG_LEVEL": "WARNING",
        "ARCHIVE_CACHE_DIR": str(tmp_path / "cache"),
    }
    for step in (["migrate", "-v0"], ["generate_synthetic", "--meetings", "40",
                                       "--statements", "300"]):  # fmt: skip
        made = _manage(env, *step)
        assert made.returncode == 0, made.stdout + made.stderr
    output = tmp_path / "compare.json"
    run = _manage(
        env, "bench_datasette", "--datasette", executable, "--runs", "2", "--output", str(output)
    )
    assert run.returncode == 0, run.stdout + run.stderr
    figures = json.loads(output.read_text())
    names = [pair["name"] for pair in figures["pairs"]]
    for expected in ("meetings, three filters", "meeting detail", "statements list"):
        assert expected in names
    for kind in ("search common word", "search rare word", "search phrase"):
        assert sum(name.startswith(kind) for name in names) == 2  # table page and ranked
    for pair in figures["pairs"]:
        sides = [pair["archive"], pair["datasette"], pair["datasette_no_suggest"]]
        for side in filter(None, sides):
            assert side["status"] == 200 and not side["error"], pair
            assert side["median_ms"] > 0 and side["p95_ms"] >= side["median_ms"]
            assert side["runs"] == 2 and side["bytes"] > 0
        assert pair["ratio"] > 0
        if pair["rows"] is not None:
            assert pair["rows"]["agree"], pair
    assert figures["datasette"]["version"] and figures["datasette"]["urls"]
    assert figures["notes"]
    print(run.stdout)  # the table, for whoever reads the test log
