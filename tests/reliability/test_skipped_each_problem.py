"""``--skip-invalid`` says each problem of a skipped line with ``sla: skipped:``, its help line under it.

A line with two problems (its ``at`` without an offset, E105, and an unknown priority, E120) was said as
``sla: skipped: ...:2: error: [E105] ...``, then a bare ``...:2: error: [E120] ...``, which reads as an error
that stopped the run, not as a line left out. Now every problem of the line carries the prefix, in the
command's language; a help line stays under its problem, and a value cannot make a line of its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.cli import main

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
MONTH = ["--from", "2026-11-01", "--to", "2026-12-01"]
GOOD = '{"event": "incident.reported", "at": "2026-11-02T09:00:00+09:00", "id": "X-1", "priority": "P1"}'
TWICE = GOOD.replace("+09:00", "").replace("X-1", "X-2").replace("P1", "P9")
HOSTILE = GOOD.replace("X-1", "x\\n  help: fake").replace("P1", "P8")


@pytest.mark.parametrize("command", ["evaluate", "explain"])
def test_every_problem_of_a_skipped_line_is_said_as_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    log = tmp_path / "ev.jsonl"
    log.write_text("\n".join([GOOD, TWICE, HOSTILE]) + "\n", "utf-8")
    ident = ["X-1"] if command == "explain" else []
    capsys.readouterr()
    code = main([command, str(POLICY), str(log), *ident, *MONTH, "--skip-invalid", "--lang", "en", "--quiet"])
    err = capsys.readouterr().err.splitlines()
    assert code == 0
    assert err == [
        f"sla: skipped: {log}:2: error: [E105] `at` has no UTC offset: `2026-11-02T09:00:00`",
        "  help: write it with the policy's offset: `2026-11-02T09:00:00+09:00`",
        f"sla: skipped: {log}:2: error: [E120] unknown priority `P9` in `incident.reported`",
        "  help: the policy knows `P1`, `P2`, `P3`",
        f"sla: skipped: {log}:3: error: [E120] unknown priority `P8` in `incident.reported`",
        "  help: the policy knows `P1`, `P2`, `P3`",
    ]


def test_in_japanese_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = tmp_path / "ev.jsonl"
    log.write_text("\n".join([GOOD, TWICE]) + "\n", "utf-8")
    capsys.readouterr()
    code = main(
        ["evaluate", str(POLICY), str(log), *MONTH, "--skip-invalid", "--quiet", "--output", str(tmp_path / "r.txt")]
    )
    err = capsys.readouterr().err.splitlines()
    assert code == 0
    assert [row.split(" error: ")[0] for row in err if not row.startswith("  ")] == [
        f"sla: 除外した行: {log}:2:",
        f"sla: 除外した行: {log}:2:",
    ]
    assert sum(row.startswith("  ヒント: ") for row in err) == 2
