"""The import pipeline's modules form no cycle, not even one hidden in a function body.

A cycle makes the order of module loading matter and hides which stage depends on which;
the stages are meant to read top-down: zones, segment, cues, people, institutions, meetings,
quotes, agreements, then resolution and load."""

from __future__ import annotations

import ast
from pathlib import Path

INGEST = Path(__file__).resolve().parents[2] / "archive" / "ingest"


def _module_name(path: Path) -> str:
    relative = path.relative_to(INGEST).with_suffix("")
    parts = [p for p in relative.parts if p != "__init__"]
    return ".".join(parts) or "__init__"


def _imports_of(path: Path) -> set[str]:
    """Modules of ingest/ that `path` imports anywhere (top level, functions, importlib)."""
    here = _module_name(path).split(".")
    package = here[:-1] if path.name != "__init__.py" else here
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
            if node.module:
                found.add(".".join([*base, *node.module.split(".")]))
            else:  # "from . import lexicon" names a module; "from . import name_key" its package
                found.update(".".join([*base, alias.name]) for alias in node.names)
                found.add(".".join(base) or "__init__")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("archive.ingest."):
            found.add(node.module.removeprefix("archive.ingest."))
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module":
            found.add("<dynamic import>")
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in INGEST.rglob("*.py")}
    return {
        name: {dep for dep in _imports_of(path) if dep in modules or dep == "<dynamic import>"}
        for name, path in modules.items()
    }


def test_the_graph_is_read():
    graph = _graph()
    assert {"people", "quotes", "load", "segment", "types", "resolve.stored"} <= graph.keys()
    assert "segment" in graph["people"]
    assert "types" in graph["segment"]
    assert {"resolve", "resolve.stored"} <= graph["load"]


def test_load_asks_resolution_and_does_not_query_for_matches_itself():
    """`load` writes; finding which stored record an extracted one is lives in resolve."""
    source = (INGEST / "load.py").read_text(encoding="utf-8")
    for lookup in ("Participation.objects.filter(meeting__in", "Agreement.objects.filter(same"):
        assert lookup not in source
    assert "class OfficialIndex" not in source


def test_no_module_imports_by_name_at_run_time():
    dynamic = sorted(name for name, deps in _graph().items() if "<dynamic import>" in deps)
    assert dynamic == []


def test_ingest_has_no_import_cycle():
    graph = _graph()
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for dep in sorted(graph.get(name, ())):
            if state.get(dep) == 1:
                cycles.append([*path[path.index(dep) :], dep])
            elif dep not in state:
                visit(dep, [*path, dep])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []
