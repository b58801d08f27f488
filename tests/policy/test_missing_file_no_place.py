"""A policy file that is not there has no line nor column: every command that reads a policy names it
alone (``nope.sla: error: [E001] no such file``), not at ``1:1`` of a file that does not exist. A file that
is there keeps its place (an E001 at a byte that is not UTF-8, for one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.cli.app import main

ROOT = Path(__file__).resolve().parents[2]
EVENTS = ROOT / "policies" / "examples" / "helpdesk-events.jsonl"
MISSING = {"en": "no such file", "ja": "そのようなファイルはありません"}


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["fmt"],
        ["evaluate", "{p}", str(EVENTS), "--from", "2026-11-01", "--to", "2026-12-01"],
        ["deadline", "{p}", "--priority", "P1", "--from", "2026-11-27T16:00:00+09:00"],
        ["maintenance", "{p}", "--from", "2026-11-01", "--to", "2026-12-01"],
        ["test", "{p}", str(ROOT / "policies" / "tests" / "deadlines.yaml")],
    ],
    ids=["check", "fmt", "evaluate", "deadline", "maintenance", "test"],
)
def test_a_missing_policy_is_named_without_a_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    missing = str(tmp_path / "nope.sla")
    args = [a.replace("{p}", missing) for a in argv] if "{p}" in argv else [*argv, missing]
    for lang in ("en", "ja"):
        assert main([*args, "--lang", lang]) == 1
        err = capsys.readouterr().err
        assert f"{missing}: error: [E001] {MISSING[lang]}" in err.splitlines(), err
        assert f"{missing}:1:1:" not in err


def test_a_file_that_is_there_keeps_its_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.sla"
    bad.write_bytes(b'sla "x" {\n  version "\xff"\n}\n')
    assert main(["check", "--lang", "en", str(bad)]) == 1
    assert capsys.readouterr().err.startswith(f"{bad}:2:")
