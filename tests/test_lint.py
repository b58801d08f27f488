"""The code stays ruff-clean and mypy-strict-clean (part of the one test command)."""

from __future__ import annotations

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


def test_grammar_has_no_conflicts() -> None:
    pytest.importorskip("interegular")
    from lark import Lark

    from sla_dsl.lang.parser import _grammar_text

    Lark(_grammar_text(), parser="lalr", strict=True)
