"""The summary counts what is open and gives a verdict that agrees with its own result.

An outage recognised on Mon 30 Nov 17:00 (its recovery notice due 1 Dec 12:00) and a P1 reported at
17:30 (due 1 Dec): as of 1 Dec 00:00 both are open. The summary said ``対象の案件なし  達成`` for P1
although the incidents table lists one open P1, and ``対象の案件なし  要注意`` (nothing to judge, at
risk) for the recovery notice. Now: ``対応中 1 件  判定待ち`` / ``1 open  pending`` and ``通知待ち 1 件
判定待ち`` / ``1 awaiting notice  pending``; counts of open and at-risk items follow the met-of-judged
figure (the example month's P3: ``21/22 件達成（95.5%）、対応中 3 件、要注意 1 件  未達``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .helpers import EXAMPLE, MONTH, POLICY, sla

OPEN = [
    {"event": "outage.started", "at": "2026-11-30T17:00:00+09:00", "id": "OO-1", "cause": "failure"},
    {"event": "outage.recognized", "at": "2026-11-30T17:00:00+09:00", "id": "OO-1"},
    {"event": "incident.reported", "at": "2026-11-30T17:30:00+09:00", "id": "OI-1", "priority": "P1"},
]


def _summary(log: Path, lang: str, *extra: str) -> dict[str, list[str]]:
    """The summary's rows by their first cell: [target, result, verdict, article]."""
    code, out, err = sla("evaluate", POLICY, log, *MONTH, *extra, "--format", "text", "--lang", lang)
    assert code == 0, err
    lines = out.split("\n\n")[1].splitlines()[2:]
    rows = [re.split(r"\s{2,}", line.strip()) for line in lines if line.startswith("  ")]
    return {r[0]: r[1:] for r in rows}


@pytest.fixture(scope="module")
def open_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("open") / "open.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in OPEN), "utf-8")
    return path


def test_open_items_are_counted_and_pending(open_log: Path) -> None:
    ja = _summary(open_log, "ja")
    assert ja["P1 優先度１の応答"][1:3] == ["対応中 1 件", "判定待ち"]
    assert ja["復旧情報通知時間"][1:3] == ["通知待ち 1 件", "判定待ち"]
    assert ja["P2 優先度２の応答"][1:3] == ["判定の対象なし", "-"]  # nothing at all: never 達成
    en = _summary(open_log, "en")
    assert en["P1 Priority 1: response"][1:3] == ["1 open", "pending"]
    assert en["Recovery-information notice time"][1:3] == ["1 awaiting notice", "pending"]


def test_the_incidents_table_lists_what_the_summary_counts(open_log: Path) -> None:
    code, out, err = sla("evaluate", POLICY, open_log, *MONTH, "--format", "text", "--lang", "en")
    assert code == 0, err
    row = next(x for x in out.splitlines() if x.startswith("  P1 Priority 1  "))
    assert re.split(r"\s{2,}", row.strip())[2:8] == ["1", "0", "0", "1", "0", "0"]  # total, met, breached, open


def test_open_and_at_risk_follow_the_judged_figure() -> None:
    ja = _summary(EXAMPLE, "ja")
    assert ja["P3 優先度３の応答"][1:3] == ["21/22 件達成（95.5%）、対応中 3 件、要注意 1 件", "未達"]
    assert ja["P1 優先度１の応答"][1:3] == ["20/23 件達成（87.0%）", "未達"]
    en = _summary(EXAMPLE, "en")
    assert en["P3 Priority 3: response"][1:3] == ["21 of 22 met (95.5%), 3 open, 1 at risk", "not met"]


def test_at_risk_without_a_breach_is_at_risk(tmp_path: Path) -> None:
    """A P3 at 75% of its target as of the period's end, nothing judged: at risk, and said so."""
    log = tmp_path / "risk.jsonl"
    # P3 (35 business hours) from Wed 25 Nov 10:00: 28 business hours used by Tue 1 Dec 00:00 (80%)
    event = {"event": "incident.reported", "at": "2026-11-25T10:00:00+09:00", "id": "R-1", "priority": "P3"}
    log.write_text(json.dumps(event) + "\n", "utf-8")
    en = _summary(log, "en")
    assert en["P3 Priority 3: response"][1:3] == ["1 at risk", "at risk"]
