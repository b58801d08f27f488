"""The package layout is the pipeline: no import circles, and no stage imports a later one.

Every ``import`` and ``from ... import`` in ``sla_dsl`` (at module level or
inside a function, relative or absolute) is read with :mod:`ast`; a name
imported from a package counts as an import of its submodule when one has that
name. Two rules:

- no two files import each other, directly or through others;
- a module imports only modules of its own stage or of an earlier one.

The stages, in order (``STAGES``): the base (errors, files, version), the
language, calendars, the compiled policy, events, the report's schema and
writers, evaluation, authoring tools, the command line, the docs site. The
package's entry points (``sla_dsl/__init__.py``, ``_entry.py`` and the
``sla_dsl.reader`` alias) stand above them all.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "sla_dsl"

#: Stage of each top-level part of ``sla_dsl``, in pipeline order.
STAGES: dict[str, int] = {
    "errors": 0,
    "files": 0,
    "_version": 0,
    "i18n": 0,
    "lang": 1,
    "calendars": 2,
    "policy": 3,
    "events": 4,
    "report": 5,
    "evaluation": 6,
    "authoring": 7,
    "serve": 8,
    "cli": 9,
    "docs": 10,
}
#: The package's entry points: they may import any stage, and no stage imports them.
ENTRIES = {
    "sla_dsl",
    "sla_dsl._entry",
    "sla_dsl.reader",
    # judging on a cluster (issue 14): above every stage, like the API they extend
    "sla_dsl.scale",
    "sla_dsl.dask",
    "sla_dsl.spark",
}


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(root: Path) -> dict[str, Path]:
    return {module_name(p, root): p for p in sorted(root.rglob("*.py")) if p.name != "__main__.py"}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of the package that ``name`` (at ``path``) imports, anywhere in the file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for a in node.names:  # a submodule by its name, else a name defined by the package itself
                sub = f"{target}.{a.name}"
                out.add(sub if sub in known else target)
    top = root_name(known)
    found = {m for m in out if m in known and m.split(".")[0] == top}
    return found - {name}


def root_name(known: set[str]) -> str:
    return min(known, key=len).split(".")[0]


def graph(root: Path) -> dict[str, set[str]]:
    mods = modules(root)
    known = set(mods)
    return {name: imports_of(name, path, known) for name, path in mods.items()}


def stage(name: str) -> int | None:
    parts = name.split(".")
    return STAGES.get(parts[1]) if len(parts) > 1 else None


def upward_imports(edges: dict[str, set[str]]) -> list[str]:
    out = []
    for src, targets in sorted(edges.items()):
        for dst in sorted(targets):
            if dst in ENTRIES and src not in ENTRIES:
                out.append(f"{src} imports the package entry {dst}")
                continue
            if src in ENTRIES:
                continue
            s, d = stage(src), stage(dst)
            if s is None:
                out.append(f"{src} is in no stage: add it to STAGES")
            elif d is not None and d > s:
                out.append(f"{src} (stage {s}) imports {dst} (stage {d}), a later stage")
    return out


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_every_module_is_in_a_stage() -> None:
    for name in modules(PACKAGE):
        assert name in ENTRIES or stage(name) is not None, f"{name}: add its folder to STAGES"


def test_no_stage_imports_a_later_one() -> None:
    assert upward_imports(graph(PACKAGE)) == []


def test_no_import_circles() -> None:
    assert cycles(graph(PACKAGE)) == []


def test_the_stages_are_folders() -> None:
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders == {k for k in STAGES if not k.startswith("_") and k not in ("errors", "files")}


# ---- the checker itself catches what it is for -----------------------------------------------


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "sla_dsl"
    for rel, text in files.items():
        f = root / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(text, "utf-8")
    return root


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("from ..evaluation import judge\n", "module level"),
        ("def f():\n    from ..evaluation.incidents import judge\n", "inside a function"),
        ("import sla_dsl.evaluation.incidents\n", "absolute"),
        ("from .. import evaluation\n", "a submodule named from its package"),
    ],
)
def test_an_upward_import_is_caught(tmp_path: Path, line: str, where: str) -> None:
    root = _tree(
        tmp_path,
        {
            "__init__.py": "",
            "lang/__init__.py": "",
            "lang/check.py": line,
            "evaluation/__init__.py": "",
            "evaluation/incidents.py": "judge = 1\n",
        },
    )
    found = upward_imports(graph(root))
    assert found and found[0].startswith("sla_dsl.lang.check (stage 1) imports sla_dsl.evaluation"), where


def test_a_circle_is_caught(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "__init__.py": "",
            "evaluation/__init__.py": "",
            "evaluation/incidents.py": "def f():\n    from .incident_columns import g\n",
            "evaluation/incident_columns.py": "from .incidents import f\n",
        },
    )
    assert cycles(graph(root)) == [["sla_dsl.evaluation.incident_columns", "sla_dsl.evaluation.incidents"]]
    assert upward_imports(graph(root)) == []  # same stage: only the circle rule sees it
