"""``sla replay`` says which side judges something before its earliest version's ``effective`` date.

A NEW policy whose date falls after the period's start judged November under a version not yet in
force, and the replay said nothing: no note on stderr, nothing in the JSON, seven incidents shown
flipping under it. ``sla evaluate`` says ``sla: note: no version in force yet: ...``; the replay now
says the same for each side, naming it, on stderr in text and as ``notes`` in the JSON. Each test
fails on the code before.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sla_dsl.cli import main

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"  # version 2026.1, effective 2026-04-01
EVENTS = ROOT / "examples" / "events-2026-11.jsonl"
PERIOD = ["--from", "2026-11-01", "--to", "2026-12-01"]
NONE_YET_EN = "no version in force yet: judged under version 2026.2 (effective 2026-12-01), the earliest given"
NONE_YET_JA = (
    "適用中の版はまだありません：与えられた中で最も早い規定の版 2026.2（2026年12月1日(火) から適用）で判定しました"
)


def _later(tmp_path: Path) -> Path:
    """Version 2026.2 from 2026-12-01, P1 answered within 3 business hours instead of 4."""
    text = POLICY.read_text("utf-8")
    text = text.replace('version "2026.1"', 'version "2026.2"').replace("effective 2026-04-01", "effective 2026-12-01")
    path = tmp_path / "v2.sla"
    path.write_text(text.replace("respond within 4 business hours", "respond within 3 business hours", 1), "utf-8")
    return path


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    capsys.readouterr()
    assert main(["replay", *argv, str(EVENTS), *PERIOD]) == 0
    got = capsys.readouterr()
    return got.out, got.err


def test_new_side_before_its_date_is_noted_in_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, err = _run([str(POLICY), str(_later(tmp_path)), "--lang", "en"], capsys)
    assert err.splitlines() == [f"sla: note: new version: {NONE_YET_EN}"]
    assert "note" not in out  # (stdout keeps the summary)


def test_old_side_before_its_date_is_noted_in_japanese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, err = _run([str(_later(tmp_path)), str(POLICY)], capsys)
    assert err.splitlines() == [f"sla: 注記: 旧版について、{NONE_YET_JA}"]


def test_json_lists_the_notes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    later = str(_later(tmp_path))
    out, err = _run([later, later, "--lang", "en", "--format", "json"], capsys)
    assert err == ""  # (the JSON has them)
    assert json.loads(out)["notes"] == [f"old version: {NONE_YET_EN}", f"new version: {NONE_YET_EN}"]


def test_versions_in_force_say_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "a.sla").write_text(POLICY.read_text("utf-8"), "utf-8")
    _later(tmp_path).rename(versions / "b.sla")
    out, err = _run([str(POLICY), str(versions), "--lang", "en", "--format", "json"], capsys)
    assert err == ""
    assert json.loads(out)["notes"] == []
    _, err = _run([str(POLICY), str(versions), "--lang", "en"], capsys)
    assert err == ""
