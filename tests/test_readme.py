"""The README stays true: its Python example runs, and CI runs its test command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def test_python_example_runs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (code,) = _blocks("python")
    monkeypatch.chdir(ROOT)
    exec(compile(code, "README.md", "exec"), {})
    assert "ratio" in capsys.readouterr().out


def test_quick_start_has_two_commands_and_ci_runs_the_test_one() -> None:
    main_job, tests = _blocks("sh")[:2]
    assert "sla evaluate policies/clicksoko.sla examples/events-2026-11.jsonl" in main_job
    assert "pytest" in tests
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert tests.strip() in ci


def test_language_tour_compiles() -> None:
    from sla_dsl import compile_policy

    (tour,) = _blocks("sla")
    compiled = compile_policy(tour)
    assert compiled.errors == [], [d.header() for d in compiled.errors]
