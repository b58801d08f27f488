"""A priority, cause or service written in other capitals than the policy's (``p1`` for ``P1``, as a
ticket system's export may write it) is E120 with the value meant: the help listed the values the policy
knows and left the author to see that ``p1`` is ``P1``. It now names it, in Japanese and English."""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.cli import main

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"


def _evaluate(tmp_path: Path, capsys: pytest.CaptureFixture[str], priority: str, lang: str) -> str:
    log = tmp_path / "e.jsonl"
    log.write_text(
        f'{{"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "A", "priority": "{priority}"}}\n',
        "utf-8",
    )
    code = main(["evaluate", str(POLICY), str(log), "--from", "2026-11-01", "--to", "2026-12-01", "--lang", lang])
    assert code == 1
    return capsys.readouterr().err


def test_a_priority_in_small_letters_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _evaluate(tmp_path, capsys, "p1", "en")
    assert "e.jsonl:1: error: [E120] unknown priority `p1` in `incident.reported`" in err
    assert "  help: did you mean `P1`? the policy knows `P1`, `P2`, `P3`" in err
    err = _evaluate(tmp_path, capsys, "p1", "ja")
    assert "  ヒント: `P1` の誤りではありませんか？ポリシーにあるのは `P1`、`P2`、`P3` です" in err


def test_another_value_gets_the_list_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _evaluate(tmp_path, capsys, "P9", "en")
    assert "  help: the policy knows `P1`, `P2`, `P3`" in err and "did you mean" not in err
