"""The code stays ruff-clean and mypy-strict-clean (part of the one test command)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff() -> None:
    pytest.importorskip("ruff", reason="ruff is not installed (pip install -e '.[test]')")
    targets = [d for d in ("sla_dsl", "tests", "bench", "examples") if (ROOT / d).is_dir()]
    proc = _run(sys.executable, "-m", "ruff", "check", *targets)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = _run(sys.executable, "-m", "ruff", "format", "--check", *targets)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_strict() -> None:
    pytest.importorskip("mypy", reason="mypy is not installed (pip install -e '.[test]')")
    proc = _run(sys.executable, "-m", "mypy", "--no-incremental", "sla_dsl")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _documented_examples() -> dict[str, str]:
    """The Python blocks of the README and the docs that use ``sla_dsl``, by where they are (a block the
    Japanese page repeats, byte for byte as the translations test requires, once)."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    blocks: dict[str, str] = {}
    for page in pages:
        for k, m in enumerate(re.finditer(r"^```python\n(.*?)^```", page.read_text("utf-8"), re.S | re.M)):
            code = m.group(1)
            if re.search(r"^(?:import|from) sla_dsl\b", code, re.M) and code not in blocks.values():
                blocks[f"{page.relative_to(ROOT)} block {k + 1}"] = code
    return blocks


def test_documented_examples_type_check(tmp_path: Path) -> None:
    """An engineer who copies an example of the README or the docs into a ``mypy --strict`` project gets
    no error from our API's types (the libraries around it, Dask's client say, are not ours to type)."""
    pytest.importorskip("mypy", reason="mypy is not installed (pip install -e '.[test]')")
    blocks = _documented_examples()
    assert "README.md block 1" in blocks and len(blocks) >= 4, sorted(blocks)
    names = {}
    for k, (where, code) in enumerate(blocks.items()):
        path = tmp_path / f"example_{k}.py"
        path.write_text(code, "utf-8")
        names[path.name] = where
    flags = ["--strict", "--allow-untyped-calls", "--ignore-missing-imports", "--cache-dir", str(tmp_path / "cache")]
    proc = _run(sys.executable, "-m", "mypy", *flags, *(str(tmp_path / n) for n in names))
    said = proc.stdout + proc.stderr
    for name, where in names.items():
        said = said.replace(str(tmp_path / name), where)
    assert proc.returncode == 0, said


def test_grammar_has_no_conflicts() -> None:
    pytest.importorskip("interegular")
    from lark import Lark

    from sla_dsl.lang.parser import _grammar_text

    Lark(_grammar_text(), parser="lalr", strict=True)
