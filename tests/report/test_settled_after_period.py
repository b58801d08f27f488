"""A response settled after the report's ``to`` counts in the next period's report only.

A P3 answered late on 30 November and raised to P1 on 2 December is breached from 2 December: the
language reference lists such a breach "in the period of its due time or of the change that made it
one, whichever is later". November's report, made as of 1 January, counted it (``P1 0/1 未達``) and
listed it among its violations, and December's counted it again: two monthly reports for one breach.
Now November lists the incident (its clock starts there) with its verdict as of ``as_of`` and leaves
the response to December, with a note under the summary and under the incidents table; the trend's
November column is November's own report. The same for a plan change (``changes at``), for a plain
incident due after ``to`` (judged on columns), for every incident judged one at a time, and for the
partitions (Dask, Spark) merged.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from sla_dsl import load_policy
from sla_dsl.evaluation import judge_log
from sla_dsl.events.reader import read_jsonl

from .helpers import POLICY, sla

AS_OF = "2027-01-01T00:00:00+09:00"
NOVEMBER = ("--from", "2026-11-01", "--to", "2026-12-01")
DECEMBER = ("--from", "2026-12-01", "--to", "2027-01-01")
BOTH = ("--from", "2026-11-01", "--to", "2027-01-01")
TOKYO = dt.timezone(dt.timedelta(hours=9))

RAISED = [
    {"event": "incident.reported", "at": "2026-11-30T10:00:00+09:00", "id": "INC-R", "priority": "P3"},
    {"event": "incident.responded", "at": "2026-11-30T16:00:00+09:00", "id": "INC-R"},
    {"event": "incident.reprioritized", "at": "2026-12-02T10:00:00+09:00", "id": "INC-R", "priority": "P1"},
]
#: a plain P1 (judged on columns) whose 4 business hours end on 1 December at 14:00, answered at 15:00
LATE = [
    {"event": "incident.reported", "at": "2026-11-30T17:00:00+09:00", "id": "INC-L", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-12-01T15:00:00+09:00", "id": "INC-L"},
]

PLANS = """\
sla "Plans" {
  format 1
  version "1.0"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages ja, en
}
article 3 "サービスレベル" / "Service levels"
event incident.plan_changed "契約プランの変更" / "Plan changed" [art 3]
attribute plan "契約プラン" / "Plan" {
  value standard "スタンダード" / "Standard"
  value premium "プレミアム" / "Premium"
  default standard
  changes at incident.plan_changed
}
calendar business "営業日" / "Business days" {
  days mon..fri
  hours 10:00-12:00, 13:00-18:00
  holidays JP
}
priority P1 "緊急（プレミアム）" / "Urgent (premium)" [art 3] {
  when plan = premium
  respond within 1 hour
}
priority P1 "緊急" / "Urgent" [art 3] {
  respond within 4 business hours
}
"""
#: standard and answered in time on 30 November; made premium on 2 December: breached from then
CHANGED = [
    {"event": "incident.reported", "at": "2026-11-30T10:00:00+09:00", "id": "INC-C", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-30T11:30:00+09:00", "id": "INC-C"},
    {
        "event": "incident.plan_changed",
        "at": "2026-12-02T10:00:00+09:00",
        "id": "INC-C",
        "attributes": {"plan": "premium"},
    },
]


def _write(tmp_path: Path, events: list[dict[str, Any]], name: str = "ev.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    return path


def _run(policy: Path, events: Path, period: tuple[str, ...], fmt: str = "text", *more: str) -> str:
    code, out, err = sla("evaluate", policy, events, *period, "--as-of", AS_OF, "--format", fmt, *more)
    assert code == 0, err
    return out


def _summary_row(text: str, label: str) -> list[str]:
    for line in text.splitlines():
        if line.strip().startswith(label):
            return re.split(r"\s{2,}", line.strip())
    raise AssertionError(f"no row {label!r}")


def _breaches(report: dict[str, Any]) -> list[str]:
    return [v["id"] for v in report["violations"] if v["kind"] == "response_breached"]


def test_november_leaves_a_breach_made_in_december_to_december(tmp_path: Path) -> None:
    events = _write(tmp_path, RAISED)
    november = _run(POLICY, events, NOVEMBER)
    assert _summary_row(november, "P1 優先度１の応答")[2:4] == ["判定の対象なし", "-"]
    assert "対象期間の終了後に応答の判定が確定した案件" in november  # (the note under the summary)
    assert "この表の件数には、対象期間の終了後に応答の判定が確定した 1 件" in november  # (under the incidents table)
    report = json.loads(_run(POLICY, events, NOVEMBER, "json"))
    assert _breaches(report) == []  # listed in December, the period of the change that made it a breach
    assert [(i["id"], i["priority"], i["status"]) for i in report["incidents"]] == [("INC-R", "P1", "breached")]
    # December counts it, once
    december = _run(POLICY, events, DECEMBER)
    assert _summary_row(december, "P1 優先度１の応答")[2:4] == ["0/1 件達成（0.0%）", "未達"]
    assert "対象期間の終了後に" not in december
    assert _breaches(json.loads(_run(POLICY, events, DECEMBER, "json"))) == ["INC-R"]
    en = _run(POLICY, events, NOVEMBER, "text", "--lang", "en")
    assert _summary_row(en, "P1 Priority 1: response")[2:4] == ["nothing to judge", "-"]
    assert "judged after the period's end" in en


def test_the_trend_months_are_the_months_own_reports(tmp_path: Path) -> None:
    events = _write(tmp_path, RAISED)
    both = json.loads(_run(POLICY, events, BOTH, "json"))
    november, december = both["trend"]
    p1 = [
        next(f for f in m["figures"] if f["commitment"] == "response" and f["subject"] == "P1") for m in both["trend"]
    ]
    assert (p1[0]["judged"], p1[1]["judged"], p1[1]["met"]) == (0, 1, 0)
    assert november["month"] == "2026-11-01" and december["current"]
    assert _breaches(both) == ["INC-R"]
    assert _summary_row(_run(POLICY, events, BOTH), "P1 優先度１の応答")[2] == "0/1 件達成（0.0%）"
    # a report ending with November: its last month is November's own report, which leaves it to December
    early = [{"event": "backup.completed", "at": "2026-10-01T00:00:00+09:00", "id": "B", "kind": "database"}]
    events = _write(tmp_path, early + RAISED, "with_october.jsonl")
    autumn = json.loads(_run(POLICY, events, ("--from", "2026-10-01", "--to", "2026-12-01"), "json"))
    p1 = [next(f for f in m["figures"] if f["subject"] == "P1") for m in autumn["trend"]]
    assert [m["month"] for m in autumn["trend"]] == ["2026-10-01", "2026-11-01"]
    assert [f["judged"] for f in p1] == [0, 0]
    assert _breaches(autumn) == []


def test_a_plan_change_after_the_period_alike(tmp_path: Path) -> None:
    policy = tmp_path / "plans.sla"
    policy.write_text(PLANS, encoding="utf-8")
    events = _write(tmp_path, CHANGED)
    november = _run(policy, events, NOVEMBER)
    assert _summary_row(november, "P1 緊急（プレミアム）／緊急の応答")[2:4] == ["判定の対象なし", "-"]
    assert _breaches(json.loads(_run(policy, events, NOVEMBER, "json"))) == []
    december = _run(policy, events, DECEMBER)
    assert _summary_row(december, "P1 緊急（プレミアム）／緊急の応答")[2:4] == ["0/1 件達成（0.0%）", "未達"]
    assert _breaches(json.loads(_run(policy, events, DECEMBER, "json"))) == ["INC-C"]


def test_a_plain_incident_due_after_the_period_on_columns_and_one_at_a_time(tmp_path: Path) -> None:
    events = _write(tmp_path, LATE + RAISED)
    november = _run(POLICY, events, NOVEMBER)
    assert _summary_row(november, "P1 優先度１の応答")[2:4] == ["判定の対象なし", "-"]
    assert "一覧の 2 件" in november
    assert _breaches(json.loads(_run(POLICY, events, NOVEMBER, "json"))) == []
    december = _run(POLICY, events, DECEMBER)
    assert _summary_row(december, "P1 優先度１の応答")[2:4] == ["0/2 件達成（0.0%）", "未達"]
    policy = load_policy(POLICY)
    start, end = dt.datetime(2026, 11, 1, tzinfo=TOKYO), dt.datetime(2026, 12, 1, tzinfo=TOKYO)
    as_of = dt.datetime(2027, 1, 1, tzinfo=TOKYO)

    def judged(batch: bool) -> bytes:
        log = read_jsonl(io.BytesIO(events.read_bytes()), "<events>")
        out = io.BytesIO()
        judge_log(policy, log, start, end, as_of, batch=batch).write_json(out)
        return out.getvalue()

    assert judged(True) == judged(False)
    assert b'"response_breached"' not in judged(True)


def test_partitions_merged_say_what_one_run_says(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    from sla_dsl.evaluation.partition import finish, merge
    from sla_dsl.evaluation.trend import add_trend
    from sla_dsl.scale import judge_table

    lines = LATE + RAISED
    policy = load_policy(POLICY)
    start, end = dt.datetime(2026, 11, 1, tzinfo=TOKYO), dt.datetime(2027, 1, 1, tzinfo=TOKYO)
    as_of = dt.datetime(2027, 1, 1, tzinfo=TOKYO)
    text = "".join(json.dumps(e) + "\n" for e in lines).encode()
    one = io.BytesIO()
    log = read_jsonl(io.BytesIO(text), "<events>", defer=True)
    result = judge_log(policy, log, start, end, as_of)
    add_trend(result, [policy], log, judge_log)  # (with its trend, as `sla evaluate` gives it)
    result.write_json(one)
    columns = ["event", "at", "id", "priority", "line"]
    frame = pd.DataFrame([{**e, "line": k} for k, e in enumerate(lines, 1)], columns=columns)
    frame = frame.astype({c: object for c in columns[:-1]}).where(frame.notna(), None).astype({"line": "int64"})
    parts = [frame[frame["id"] == ident] for ident in ("INC-L", "INC-R")]
    merged = merge([judge_table(policy, part, start, end, as_of) for part in parts])
    out = io.BytesIO()
    finish(policy, merged, start, end, as_of).write_json(out)
    assert out.getvalue() == one.getvalue()
    november = json.loads(one.getvalue())["trend"][0]
    assert [f["judged"] for f in november["figures"] if f["subject"] == "P1"] == [0]
