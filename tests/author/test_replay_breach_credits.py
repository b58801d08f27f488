"""``sla replay`` says which service credits per missed target (``breach_credits``) come, go or change.

OLD gives P1 4 hours and its premium rule a credit of 10% per breach; NEW gives P1 2 hours and takes the
premium credit line out. Worked by hand (Asia/Tokyo, elapsed hours, October and November 2026):

* O1, standard, answered after 3 hours on 5 October: met under OLD, breached under NEW: October's row is added.
* B1, premium, answered after 1:30 on 2 November: breached under both, credited under OLD only: removed.
* B2, standard, answered after 3 hours on 2 November, and B3 after 5 hours on 3 November: November's row
  goes from 1 breach (B3, 5%) to 2 (B2 and B3, 10%): changed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sla_dsl import load_policy
from sla_dsl.authoring.replay import replay
from sla_dsl.cli import main

OLD = """sla "Desk" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages ja, en
}

attribute plan "契約プラン" / "Plan" {
  value standard "スタンダード" / "Standard"
  value premium "プレミアム" / "Premium"
  default standard
}

priority P1 "緊急（プレミアム）" / "Urgent (premium)" [art 6] {
  when plan = premium
  respond within 1 hour
  credit 10% per breach
}

priority P1 "緊急" / "Urgent" [art 5] {
  respond within 4 hours
  credit 5% per breach, at most 25% monthly
}
"""
NEW = (
    OLD.replace('version "1"', 'version "2"')
    .replace("respond within 4 hours", "respond within 2 hours")
    .replace("  credit 10% per breach\n", "")
)


def ev(event: str, at: str, ident: str, **more: Any) -> dict[str, Any]:
    return {"event": event, "at": f"2026-{at}:00+09:00", "id": ident, **more}


EVENTS = [
    ev("incident.reported", "10-05T10:00", "O1", priority="P1"),
    ev("incident.responded", "10-05T13:00", "O1"),
    ev("incident.reported", "11-02T10:00", "B1", priority="P1", attributes={"plan": "premium"}),
    ev("incident.responded", "11-02T11:30", "B1"),
    ev("incident.reported", "11-02T10:00", "B2", priority="P1"),
    ev("incident.responded", "11-02T13:00", "B2"),
    ev("incident.reported", "11-03T10:00", "B3", priority="P1"),
    ev("incident.responded", "11-03T15:00", "B3"),
]


def files(tmp_path: Path, new: str = NEW) -> list[str]:
    (tmp_path / "old.sla").write_text(OLD, "utf-8")
    (tmp_path / "new.sla").write_text(new, "utf-8")
    (tmp_path / "events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    return [str(tmp_path / n) for n in ("old.sla", "new.sla", "events.jsonl")]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["replay", *args])
    return code, capsys.readouterr().out


def test_rows_added_removed_and_changed_keyed_as_sla_test_keys_them() -> None:
    result = replay(load_policy(OLD), load_policy(NEW), EVENTS, *_period())
    got = {
        c.key: (c.change, c.old_breaches, c.new_breaches, c.old_credit, c.new_credit, c.old_incidents, c.new_incidents)
        for c in result.breach_credits
    }
    assert got == {
        "P1:respond:2026-10-01": ("added", None, 1, None, 5.0, None, ["O1"]),
        "P1:respond:2026-11-01": ("changed", 1, 2, 5.0, 10.0, ["B3"], ["B2", "B3"]),
        "P1:respond:2026-11-01:plan=premium": ("removed", 1, None, 10.0, None, ["B1"], None),
    }
    assert result.counts["breach_credits"] == {"added": 1, "removed": 1, "changed": 1}


def _period() -> tuple[Any, Any]:
    import datetime as dt

    tokyo = dt.timezone(dt.timedelta(hours=9))
    return dt.datetime(2026, 10, 1, tzinfo=tokyo), dt.datetime(2026, 12, 1, tzinfo=tokyo)


def test_the_text_says_each_in_the_customer_reports_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = files(tmp_path)
    period = ["--from", "2026-10-01", "--to", "2026-12-01"]
    code, en = run(capsys, "--lang", "en", *paths, *period)
    assert code == 0
    assert (
        "service credits per missed target:\n"
        "  added P1 Urgent, Response (other customers), "
        "Thu 1 Oct 00:00 - Sun 1 Nov 00:00 (month): 1 missed, 5% credited\n"
        "  changed P1 Urgent, Response (other customers), "
        "Sun 1 Nov 00:00 - Tue 1 Dec 00:00 (month): 1 missed, 5% credited -> 2 missed, 10% credited; "
        "incidents B3 -> B2, B3\n"
        "  removed P1 Urgent (premium), Response (customers whose Plan is Premium), "
        "Sun 1 Nov 00:00 - Tue 1 Dec 00:00 (month): 1 missed, 10% credited\n"
    ) in en
    assert en.rstrip().endswith("; service credits per missed target: 1 added, 1 removed, 1 changed")
    code, ja = run(capsys, "--lang", "ja", *paths, *period)
    assert (
        "目標未達1件あたりのサービスクレジット：\n"
        "  追加 P1 緊急、応答（その他の顧客）、10月1日(木) 00:00 〜 11月1日(日) 00:00（月次）："
        "未達 1 件、クレジット 5%\n"
        "  変更 P1 緊急、応答（その他の顧客）、11月1日(日) 00:00 〜 12月1日(火) 00:00（月次）："
        "未達 1 件、クレジット 5% → 未達 2 件、クレジット 10%、対象案件 B3 → B2、B3\n"
        "  削除 P1 緊急（プレミアム）、応答（契約プランがプレミアムの顧客）、"
        "11月1日(日) 00:00 〜 12月1日(火) 00:00（月次）：未達 1 件、クレジット 10%\n"
    ) in ja
    assert ja.rstrip().endswith("。目標未達1件あたりのサービスクレジット：追加 1 件、削除 1 件、変更 1 件")
    credits = ja.split("目標未達1件あたりのサービスクレジット：\n")[1].split("\n\n")[0]
    assert "respond" not in credits and "Response" not in credits and "plan" not in credits


def test_a_period_not_over_is_said_not_final(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = files(tmp_path)
    period = ["--from", "2026-11-01", "--to", "2026-12-01", "--as-of", "2026-11-20"]
    _, en = run(capsys, "--lang", "en", *paths, *period)
    assert "1 missed, 5% credited (not final) -> 2 missed, 10% credited (not final)" in en
    _, ja = run(capsys, "--lang", "ja", *paths, *period)
    assert "未達 1 件、クレジット 5%（未確定） → 未達 2 件、クレジット 10%（未確定）" in ja


def test_the_json_lists_them_as_the_availability_credits_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(capsys, *files(tmp_path), "--from", "2026-10-01", "--to", "2026-12-01", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    changed = next(c for c in doc["breach_credits"] if c["change"] == "changed")
    assert changed == {
        "change": "changed",
        "key": "P1:respond:2026-11-01",
        "priority": "P1",
        "target": "respond",
        "clock": None,
        "when": None,
        "period": "month",
        "start": "2026-11-01T00:00:00+09:00",
        "end": "2026-12-01T00:00:00+09:00",
        "old_breaches": 1,
        "new_breaches": 2,
        "old_credit": 5.0,
        "new_credit": 10.0,
        "old_complete": True,
        "new_complete": True,
        "old_incidents": ["B3"],
        "new_incidents": ["B2", "B3"],
    }
    assert doc["counts"]["breach_credits"] == {"added": 1, "removed": 1, "changed": 1}


def test_a_credit_alone_that_changes_is_a_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Only the credit per breach differs: every verdict is the same, the credit is not, and --exit-code says so."""
    new = OLD.replace('version "1"', 'version "2"').replace("credit 5% per breach,", "credit 8% per breach,")
    args = [*files(tmp_path, new), "--from", "2026-11-01", "--to", "2026-12-01", "--lang", "en"]
    code, out = run(capsys, *args, "--exit-code")
    assert code == 1
    assert "no verdict changes" not in out
    assert (
        "  changed P1 Urgent, Response (other customers), "
        "Sun 1 Nov 00:00 - Tue 1 Dec 00:00 (month): 1 missed, 5% credited -> 1 missed, 8% credited\n"
    ) in out
    assert "incidents whose verdict changes" not in out and "violations:" not in out


def test_two_versions_rows_of_one_key_are_paired_in_order() -> None:
    """Version 2 (from 3 November) credits 8% per breach, or 9% under NEW: November has a row of each version
    under one key (``P1:respond:2026-11-01``): version 1's (B0, answered after 5 hours on 1 November) is the
    same on both sides, version 2's (B3) changes."""
    v2 = OLD.replace('version "1"', 'version "2"').replace("effective 2026-01-01", "effective 2026-11-03")
    v2 = v2.replace("credit 5% per breach,", "credit 8% per breach,")
    old = [load_policy(OLD), load_policy(v2)]
    new = [load_policy(OLD), load_policy(v2.replace("credit 8%", "credit 9%"))]
    events = [
        ev("incident.reported", "11-01T10:00", "B0", priority="P1"),
        ev("incident.responded", "11-01T15:00", "B0"),
        *EVENTS,
    ]
    result = replay(old, new, events, *_period())
    assert [(r.per_breach, r.incidents) for r in _rows(old, events) if r.when is None] == [
        (5.0, ["B0"]),
        (8.0, ["B3"]),
    ]
    got = [(c.change, c.key, c.old_credit, c.new_credit, c.new_incidents) for c in result.breach_credits]
    assert got == [("changed", "P1:respond:2026-11-01", 8.0, 9.0, ["B3"])]


def _rows(policies: Any, events: list[dict[str, Any]]) -> list[Any]:
    from sla_dsl import evaluate

    return list(evaluate(policies, events, *_period()).breach_credits)
