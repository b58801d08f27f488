"""``sla explain ID --skip-invalid`` when every line about ID was left out says so, naming the lines.

It said "the event log has no events about `C`" (or "no incident ... `D` in the period") of an id whose
only line ``--skip-invalid`` had just listed as skipped: as if the log had never named it. Now it says that
nothing is left to explain, its lines left out as invalid, located as the skipped lines are; in the
command's language. An id no line names is still "no events".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.cli import main

POLICY = """sla "T3" {
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  languages en, ja
}
calendar always "24h" { days mon..sun  hours 00:00-24:00 }
priority P1 "P1" {
  respond within 4 hours
  complete on incident.resolved
}
"""
LINES = [
    '{"event": "incident.reported", "at": "2026-11-02T09:00:00+00:00", "id": "A", "priority": "P1"}',
    # B: a time without an offset (set aside for its form) and an unknown priority
    '{"event": "incident.reported", "at": "2026-11-03T09:00:00", "id": "B", "priority": "P7"}',
    # D: well formed, an unknown priority (taken out by the evaluator's check), twice
    '{"event": "incident.reported", "at": "2026-11-05T09:00:00+00:00", "id": "D", "priority": "P2"}',
    '{"event": "incident.reprioritized", "at": "2026-11-06T09:00:00+00:00", "id": "D", "priority": "P2"}',
]
MONTH = ["--from", "2026-11-01", "--to", "2026-12-01"]


def _files(tmp_path: Path, lines: list[str]) -> tuple[str, str]:
    (tmp_path / "p.sla").write_text(POLICY, "utf-8")
    (tmp_path / "events.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return str(tmp_path / "p.sla"), str(tmp_path / "events.jsonl")


def _last(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 1, err
    return err.rstrip("\n").split("\n")[-1]


@pytest.mark.parametrize("period", [MONTH, []], ids=["period", "month of the log"])
def test_an_id_whose_only_line_was_left_out_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], period: list[str]
) -> None:
    policy, log = _files(tmp_path, LINES)
    said = _last(["explain", policy, log, "B", *period, "--skip-invalid", "--lang", "en"], capsys)
    assert said == (
        "sla: error: nothing is left to explain about `B`: its line was left out as invalid (`--skip-invalid`): "
        f"{log}:2"
    )


def test_an_id_whose_lines_the_evaluator_refused_names_them_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy, log = _files(tmp_path, LINES)
    said = _last(["explain", policy, log, "D", *MONTH, "--skip-invalid", "--lang", "en"], capsys)
    assert said.endswith(f"its lines were left out as invalid (`--skip-invalid`): {log}:3, {log}:4")
    said = _last(["explain", policy, log, "D", *MONTH, "--skip-invalid", "--lang", "ja"], capsys)
    assert said == (
        "sla: エラー: `D` のイベントは不正なため除外したので、説明できるものがありません"
        f"（`--skip-invalid`。除外した行：{log}:3、{log}:4）"
    )


def test_a_log_of_only_left_out_lines_says_so_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy, log = _files(tmp_path, LINES[1:2])
    said = _last(["explain", policy, log, "B", "--skip-invalid", "--lang", "en"], capsys)
    assert said.endswith(f"its line was left out as invalid (`--skip-invalid`): {log}:1")


def test_an_id_no_line_names_has_no_events(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy, log = _files(tmp_path, LINES)
    said = _last(["explain", policy, log, "Z", *MONTH, "--skip-invalid", "--lang", "en"], capsys)
    assert said == "sla: error: the event log has no events about `Z`"
