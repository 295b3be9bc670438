"""The archive beside Datasette on the same SQLite file: equivalent pages timed side by side.

Datasette is the generic way to publish a SQLite file, so it is the yardstick the archive's
own pages should beat while showing more. Datasette runs as a separate program (its own
virtualenv, never imported here), serving the file immutable; the archive runs under gunicorn
as `manage.py bench` runs it, on the same file opened read-only. Both are asked for the same
rows, with the words and ids `scenarios.py` picks, and timed in interleaved rounds so that
noise on a shared machine falls on both alike.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, quote, urlencode, urlsplit

from archive.bench.measure import Timing, percentile, time_url
from archive.bench.server import Server, free_port, stop_process

if TYPE_CHECKING:  # scenarios imports the models; the URL functions need no Django
    from archive.bench.scenarios import Scenario

FALLBACK_DATASETTE = Path("/work/datasette-venv/bin/datasette")
PAGE_SIZE = 50  # archive.pagination.PAGE_SIZE; asked of Datasette with _size=
RANKED_QUERY = "ranked_statements"
HIDDEN_STATUS = "rejected"  # the archive never lists rejected records (Curated.visible)

# The archive's ranked search as a Datasette canned query: the best 50 ids by FTS5 rank (bm25),
# ties by id descending, then for those rows alone the speaker's name and a snippet, as
# archive.search.ranked_rows does (a snippet for every match passed Datasette's 1 s limit).
RANKED_SQL = f"""with best as (
  select rowid as id, rank from statement_fts where statement_fts match :q
  order by rank, rowid desc limit {PAGE_SIZE}
)
select s.id, s.date, o.name as speaker, s.meeting_id, s.direct,
  snippet(statement_fts, 0, '[', ']', '…', 24) as snippet
from best
join statement_fts on statement_fts.rowid = best.id and statement_fts match :q
join archive_statement s on s.id = best.id
left join archive_official o on o.id = s.speaker_id
where s.status != '{HIDDEN_STATUS}'
order by best.rank, best.id desc"""

NOTES = [
    "ratio = Datasette median / archive median: above 1 means the archive answered faster.",
    "The archive's pages show more: participants' and speakers' names joined, facets with "
    "counts, highlighted snippets, links between records; Datasette's table pages show the "
    "table's own columns with foreign keys expanded to the referenced row's label.",
    "Datasette counts the rows of every table page exactly (select count(*), cut at "
    "sql_time_limit_ms, 1 s by default) unless told otherwise (_nocount=1); the archive stops "
    "counting at 10,000 ('More than 10,000') and caches its counts and facets per archive "
    "version in a file cache its workers share.",
    "Datasette's defaults suggest facets on every table page (a grouped query per column, "
    "each cut at 50 ms); the 'no suggest' column asks the same pages with _nosuggest=1.",
    "Datasette's ?_search= filters by the FTS index but orders by primary key, not relevance; "
    "the ranked rows use a canned query (order by rank) like the archive's bm25 ordering.",
    "Datasette's _where clauses are joined with AND without parentheses: an OR condition "
    "must be parenthesized by the caller (done here).",
    "A Datasette query that passes sql_time_limit_ms fails with 400 'SQL query took too "
    "long'; '!' marks pages where some requests failed so (the median is over the rest).",
    "Datasette is one process (uvicorn, num_sql_threads 3) and cannot be given gunicorn "
    "workers; requests are sequential, so one request is served at a time on both sides.",
]


class ComparisonError(RuntimeError):
    """The comparison cannot run as asked (no Datasette, not SQLite, unreadable file)."""


@dataclass(frozen=True)
class Pair:
    """One archive page and the Datasette page asked for the same rows."""

    name: str
    archive: str  # path on the archive
    datasette: str  # path on Datasette
    suggests: bool  # a Datasette table page, where facet suggestions can be turned off


# --- Finding and describing Datasette ----------------------------------------------------


def find_datasette(explicit: str | None = None) -> str:
    """Return the Datasette executable to run: the one named, else on PATH, else the venv.

    Datasette is not a project dependency (it lives in its own virtualenv), so it is looked
    for rather than imported."""
    if explicit:
        path = shutil.which(explicit) or (explicit if os.access(explicit, os.X_OK) else None)
        if not path:
            raise ComparisonError(f"no Datasette executable at {explicit}")
        return path
    found = shutil.which("datasette")
    if found:
        return found
    if os.access(FALLBACK_DATASETTE, os.X_OK):
        return str(FALLBACK_DATASETTE)
    raise ComparisonError(
        "Datasette not found on PATH nor at "
        f"{FALLBACK_DATASETTE}: install it in its own virtualenv "
        "(python3 -m venv /work/datasette-venv && /work/datasette-venv/bin/pip install "
        "datasette) or pass --datasette /path/to/datasette"
    )


def datasette_version(executable: str) -> str:
    """Return Datasette's version ('0.65.5'), which decides how its configuration is passed."""
    out = subprocess.run(
        [executable, "--version"], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    match = re.search(r"version\s+(\S+)", out)
    return match.group(1) if match else out.strip()


def config_flag(version: str) -> str:
    """Return the option that takes table configuration: metadata before 1.0, config after."""
    major = re.match(r"(\d+)", version)
    return "--config" if major and int(major.group(1)) >= 1 else "--metadata"


def datasette_config(database: str) -> dict:
    """Return the table configuration Datasette needs to search statements like the archive.

    Datasette detects FTS tables by parsing their declaration, and misses this one (an
    external-content FTS5 table declared with single quotes), so the table names it; fts_pk
    says its rowids are archive_statement.id. The canned query is the ranked search."""
    return {
        "databases": {
            database: {
                "tables": {
                    "archive_statement": {"fts_table": "statement_fts", "fts_pk": "id"},
                },
                "queries": {RANKED_QUERY: {"sql": RANKED_SQL, "title": "Ranked statements"}},
            }
        }
    }


# --- The database: SQLite, opened read-only -----------------------------------------------


def sqlite_path(settings_dict: dict) -> Path:
    """Return the SQLite file the default database names, or fail: Datasette reads SQLite only."""
    if settings_dict.get("ENGINE") != "django.db.backends.sqlite3":
        raise ComparisonError(
            "bench_datasette compares pages on one SQLite file; the default database is "
            f"{settings_dict.get('ENGINE')}. Set DATABASE_URL=sqlite:////path/to/file.sqlite3"
        )
    name = str(settings_dict["NAME"])
    if name.startswith("file:"):  # already a URI (perhaps read-only): keep the path
        name = urlsplit(name).path
    path = Path(name)
    if not path.is_file():
        raise ComparisonError(f"no SQLite file at {path}")
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise ComparisonError(
            f"{wal} holds writes not yet checkpointed into {path.name}; an immutable reader "
            "would not see them. Close the writer (or checkpoint) first."
        )
    return path


def read_only_uri(path: Path) -> str:
    """Return an SQLite URI that opens the file read-only and immutable.

    Others benchmark against the same file: immutable promises SQLite that nobody writes it,
    so no lock or -wal/-shm file is touched, and any write fails instead of happening."""
    return f"file:{quote(str(path))}?mode=ro&immutable=1"


def read_only_database_url(path: Path) -> str:
    """Return a DATABASE_URL whose NAME is `read_only_uri(path)`.

    dj-database-url would move a plain query string into OPTIONS (which settings.py
    replaces), so the URI is percent-encoded into the path, which it decodes once."""
    return "sqlite:///" + quote(read_only_uri(path), safe="/:")


def use_read_only(connection, path: Path) -> None:
    """Reopen Django's connection on the read-only URI (Django passes uri=True to SQLite)."""
    connection.close()
    connection.settings_dict["NAME"] = read_only_uri(path)


# --- Datasette URLs (pure) -----------------------------------------------------------------


def tilde_encode(name: str) -> str:
    """Encode a database or table name for a Datasette path, as Datasette does (~XX)."""
    safe = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
    return "".join(
        "+" if byte == 32 else chr(byte) if byte in safe else f"~{byte:02X}"
        for byte in name.encode("utf-8")
    )


def escape_fts(query: str) -> str:
    """Quote each word of a query as Datasette's ?_search= does (a "phrase" stays whole).

    The canned ranked query receives the MATCH expression the table search would build, so
    both Datasette pages and the archive (archive.search.fts5_query) match the same rows."""
    if query.count('"') % 2:
        query += '"'
    bits = [b for b in re.split(r'\s+|(".*?")', query) if b and b != '""']
    return " ".join(b if b.startswith('"') else f'"{b}"' for b in bits)


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


MEETING_FILTERS = frozenset({"country", "date_after", "date_before", "kind"})


def meetings_query(params: dict[str, str]) -> list[tuple[str, str]]:
    """Return Datasette table arguments for the archive's meeting filters.

    country: either side (MeetingQuerySet.with_country); date_after: meetings overlapping the
    period (MeetingQuerySet.between); kind: exact. Each _where is parenthesized because
    Datasette joins them with a bare AND."""
    args: list[tuple[str, str]] = []
    if country := params.get("country"):
        code = _sql_text(country)
        args.append(("_where", f"(country_a = {code} or country_b = {code})"))
    if after := params.get("date_after"):
        day = _sql_text(after)
        args.append(
            ("_where", f"(end_date >= {day} or (end_date is null and start_date >= {day}))")
        )
    if before := params.get("date_before"):
        args.append(("_where", f"(start_date <= {_sql_text(before)})"))
    if kind := params.get("kind"):
        args.append(("kind__exact", kind))
    return [*args, ("status__not", HIDDEN_STATUS)]


def datasette_path(archive_path: str, database: str) -> tuple[str, bool] | None:
    """Return the Datasette path asking for what an archive path shows, and whether it is a
    table page (facet suggestions apply), or None when Datasette has no equivalent.

    `database` is the route as Datasette lists it in /-/databases.json."""
    base = "/" + tilde_encode(database)
    parts = urlsplit(archive_path)
    params = {key: values[0] for key, values in parse_qs(parts.query).items()}
    size = ("_size", str(PAGE_SIZE))
    visible = ("status__not", HIDDEN_STATUS)
    if match := re.fullmatch(r"/meetings/(\d+)/", parts.path):
        return f"{base}/archive_meeting/{match.group(1)}", False
    if parts.path == "/meetings/" and set(params) <= MEETING_FILTERS:
        args = [*meetings_query(params), ("_sort_desc", "start_date"), size]
        return f"{base}/archive_meeting?{urlencode(args)}", True
    if parts.path == "/statements/" and not params:
        args = [visible, ("_sort_desc", "date"), size]
        return f"{base}/archive_statement?{urlencode(args)}", True
    if match := re.fullmatch(r"/institutions/(\d+)/", parts.path):
        return f"{base}/archive_institution/{match.group(1)}", False
    if parts.path == "/officials/" and not params:
        args = [visible, ("_sort", "name"), size]
        return f"{base}/archive_official?{urlencode(args)}", True
    if parts.path == "/statements/" and set(params) == {"q"}:
        args = [("_search", params["q"]), visible, size]
        return f"{base}/archive_statement?{urlencode(args)}", True
    return None


def ranked_path(archive_path: str, database: str) -> str | None:
    """Return the canned ranked query's path for an archive search, or None if not a search."""
    q = parse_qs(urlsplit(archive_path).query).get("q")
    if not q:
        return None
    return f"/{tilde_encode(database)}/{RANKED_QUERY}?{urlencode({'q': escape_fts(q[0])})}"


COMPARED = (
    "meetings, three filters",
    "meeting detail",
    "statements list",
    "officials list",
    "institution detail",
    "search ",
)


def pairs(scenarios: list[Scenario], database: str) -> list[Pair]:
    """Return the pages to compare: the bench's scenarios Datasette has an equivalent for,
    plus the ranked variant of each search."""
    chosen: list[Pair] = []
    for scenario in scenarios:
        if not scenario.name.startswith(COMPARED):
            continue
        mapped = datasette_path(scenario.path, database)
        if mapped is None:
            continue
        chosen.append(Pair(scenario.name, scenario.path, *mapped))
        if ranked := ranked_path(scenario.path, database):
            chosen.append(Pair(f"{scenario.name} (ranked)", scenario.path, ranked, False))
    return chosen


_ARCHIVE_COUNT = re.compile(
    r"<h2 id=\"results-heading\"[^>]*>\s*(More than )?([\d,]+) (?:meeting|statement|official)s?\b"
)


def archive_count(html: str) -> tuple[int, bool] | None:
    """Return the count in an archive list page's results heading and whether it is a lower bound
    (the archive stops counting at 10,000: 'More than 10,000 statements ...')."""
    match = _ARCHIVE_COUNT.search(html)
    if not match:
        return None
    return int(match.group(2).replace(",", "")), bool(match.group(1))


def json_path(table_path: str) -> str:
    """Return the JSON form of a Datasette table path (without facet suggestions)."""
    path, _, query = table_path.partition("?")
    return f"{path}.json?{query}&_nosuggest=1"


def same_rows(pair: Pair, archive_base: str, datasette_base: str) -> dict | None:
    """Check that a table pair selects the same rows: the archive's count in its heading
    against Datasette's filtered_table_rows_count. None for pages without a count."""
    if not pair.suggests:
        return None
    try:
        with urllib.request.urlopen(archive_base + pair.archive, timeout=300) as response:
            counted = archive_count(response.read().decode("utf-8", "replace"))
        with urllib.request.urlopen(datasette_base + json_path(pair.datasette), timeout=300) as r:
            theirs = json.load(r).get("filtered_table_rows_count")
    except (OSError, ValueError, http.client.HTTPException) as error:
        return {"archive": None, "datasette": None, "agree": False, "error": str(error)}
    if counted is None or theirs is None:
        return {"archive": counted, "datasette": theirs, "agree": False}
    ours, at_least = counted
    agree = theirs >= ours if at_least else theirs == ours
    return {"archive": ours, "archive_is_lower_bound": at_least, "datasette": theirs,
            "agree": agree}  # fmt: skip


# --- Datasette as a process ----------------------------------------------------------------


class DatasetteServer:
    """A Datasette process serving one SQLite file immutable, with the search configuration."""

    def __init__(
        self, executable: str, path: Path, settings: Sequence[tuple[str, str]] = ()
    ) -> None:
        self.version = datasette_version(executable)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self._folder = tempfile.TemporaryDirectory(prefix="bench-datasette-")
        config = Path(self._folder.name) / "datasette.json"
        config.write_text(json.dumps(datasette_config(path.stem), indent=2), encoding="utf-8")
        self.command = [
            executable, "serve", "--immutable", str(path), config_flag(self.version),
            str(config), "--host", "127.0.0.1", "--port", str(self.port),
        ]  # fmt: skip
        for name, value in settings:
            self.command += ["--setting", name, value]
        self._log = (Path(self._folder.name) / "datasette.log").open("w")
        self.process = subprocess.Popen(self.command, stdout=self._log, stderr=subprocess.STDOUT)
        self.expected_name = path.stem
        self.route = path.stem

    def _log_tail(self) -> str:
        self._log.flush()
        return (Path(self._folder.name) / "datasette.log").read_text(errors="replace")[-2000:]

    def wait_ready(self, timeout: float = 300) -> None:
        """Block until Datasette answers (it hashes an immutable file first), or fail."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ComparisonError("Datasette exited before it was ready:\n" + self._log_tail())
            try:
                with urllib.request.urlopen(self.base + "/-/databases.json", timeout=5) as r:
                    databases = json.load(r)
                break
            except OSError:
                time.sleep(0.3)
        else:
            raise ComparisonError(f"Datasette did not answer within {timeout} s")
        self._check_database(databases)

    def _check_database(self, databases: list[dict]) -> None:
        """Take the route Datasette gives the file; fail if the configuration's name differs,
        since the FTS settings would then silently not apply."""
        names = {d["name"]: d for d in databases}
        if self.expected_name not in names:
            raise ComparisonError(
                f"Datasette named the database {sorted(names)}, not {self.expected_name!r}"
            )
        self.route = names[self.expected_name].get("route", self.expected_name)

    def stop(self) -> None:
        stop_process(self.process)
        self._log.close()
        self._folder.cleanup()

    def __enter__(self) -> DatasetteServer:
        try:
            self.wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


# --- Timing -------------------------------------------------------------------------------


def answered(timing: Timing) -> bool:
    """Whether the server answered, even with an error status (Datasette answers 400 when a
    query passes its time limit): such a page is asked again; a dead connection is not."""
    return not timing.error or timing.error.startswith("HTTP Error")


def _summary(name: str, url: str, samples: list[Timing]) -> Timing:
    """Fold single-request timings into one Timing over the requests that succeeded; the
    error says how many failed and why (a page can pass a time limit only sometimes)."""
    good = [s for s in samples if not s.error and s.median_ms is not None]
    failed = [s for s in samples if s.error]
    error = f"{len(failed)} of {len(samples)} requests failed: {failed[0].error}" if failed else ""
    if not good:
        return Timing(name, url, 0, None, None, 0, 0, error or "no request measured")
    times = [s.median_ms for s in good]
    last = good[-1]
    return Timing(
        name, url, len(good), statistics.median(times), percentile(times, 0.95), last.status,
        last.bytes, error,
    )  # fmt: skip


def measure_interleaved(
    targets: list[tuple[str, str]], *, runs: int, warmup: int = 2
) -> dict[str, Timing]:
    """Time every (key, url) `runs` times in rounds, each round asking every URL once.

    Interleaving spreads the machine's noise (other work on a shared host) over both servers
    instead of letting it fall on whichever page happened to be timed then. The order flips
    every round so neither side always follows the other. A URL whose server stops answering
    is not asked again; an error status is counted and the URL asked again.
    """
    samples: dict[str, list[Timing]] = {key: [] for key, _ in targets}
    for key, url in targets:
        warm = time_url(key, url, runs=1, warmup=warmup - 1)  # the warm-up is not kept
        if not answered(warm):
            samples[key].append(warm)
    for round_ in range(runs):
        order = targets if round_ % 2 == 0 else targets[::-1]
        for key, url in order:
            if all(answered(s) for s in samples[key]):
                samples[key].append(time_url(key, url, runs=1, warmup=0))
    return {key: _summary(key, url, samples[key]) for key, url in targets}


def compare(
    chosen: list[Pair],
    archive_base: str,
    datasette_base: str,
    *,
    runs: int,
    progress: Callable[[str], None] = lambda line: None,
) -> list[dict]:
    """Time each pair (archive, Datasette, Datasette without facet suggestions) interleaved."""
    results = []
    for pair in chosen:
        targets = [
            ("archive", archive_base + pair.archive),
            ("datasette", datasette_base + pair.datasette),
        ]
        if pair.suggests:
            lean = pair.datasette + "&_nosuggest=1"
            targets.append(("datasette_no_suggest", datasette_base + lean))
        timings = measure_interleaved(targets, runs=runs)
        row = {"name": pair.name, **{key: t.as_dict() for key, t in timings.items()}}
        row.setdefault("datasette_no_suggest", None)
        row["ratio"] = ratio(row["archive"], row["datasette"])
        row["ratio_no_suggest"] = ratio(row["archive"], row["datasette_no_suggest"])
        row["rows"] = same_rows(pair, archive_base, datasette_base)
        results.append(row)
        progress(format_row(row))
        for side in ("archive", "datasette", "datasette_no_suggest"):
            if row[side] and row[side]["error"]:
                progress(f"  ! {side}: {row[side]['error']}")
        if row["rows"] and not row["rows"]["agree"]:
            progress(f"  ! the two pages do not count the same rows: {row['rows']}")
    return results


def ratio(archive: dict, other: dict | None) -> float | None:
    """Return other's median over the archive's, or None when either failed."""
    if not other or not archive["median_ms"] or other["median_ms"] is None:
        return None
    return other["median_ms"] / archive["median_ms"]


# --- Reporting ----------------------------------------------------------------------------


def _cell(timing: dict | None) -> str:
    if timing is None:
        return f"{'—':>18}"
    if timing["median_ms"] is None:
        return f"{'FAILED':>17} "
    flag = "!" if timing["error"] else " "  # some requests failed: see the JSON
    return f"{timing['median_ms']:7.1f} /{timing['p95_ms']:8.1f}{flag}"


def _ratio(value: float | None) -> str:
    return f"{value:6.1f}×" if value is not None else f"{'—':>7}"


HEADER = (
    f"{'page':<44} {'archive med/p95':>18} {'Datasette med/p95':>18} {'ratio':>7}"
    f" {'no suggest med/p95':>18} {'ratio':>7}"
)


def format_row(row: dict) -> str:
    """One line of the side-by-side table (milliseconds)."""
    return (
        f"{row['name'][:44]:<44} {_cell(row['archive'])} {_cell(row['datasette'])}"
        f" {_ratio(row['ratio'])} {_cell(row['datasette_no_suggest'])}"
        f" {_ratio(row['ratio_no_suggest'])}"
    )


@contextmanager
def servers(
    executable: str, path: Path, *, workers: int, settings: Sequence[tuple[str, str]] = ()
) -> Iterator[tuple[Server, DatasetteServer]]:
    """Start Datasette and the archive (the bench's gunicorn) on the same file, both
    read-only; stop both however the block ends (gunicorn too if it never got ready)."""
    with DatasetteServer(executable, path, settings) as datasette:
        archive = Server(database_url=read_only_database_url(path), workers=workers)
        try:
            archive.wait_ready()
            yield archive, datasette
        finally:
            archive.stop()
