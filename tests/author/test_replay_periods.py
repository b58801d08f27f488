"""``sla replay`` compares every measured service's periods, not only the first service's figure.

Before, ``compare`` looked at ``report.availability`` alone (the first measured service over the whole
period): making the admin portal of the plans example available in business hours only moved its
quarter from 99.9094% to 99.5465%, two ``sla evaluate`` runs differed in ``availability_periods``, and
``sla replay --exit-code`` said "no verdict changes" and exited 0.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sla_dsl import load_policy
from sla_dsl.authoring.replay import replay
from sla_dsl.cli import main

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "policies" / "examples" / "plans.sla"
EVENTS = ROOT / "policies" / "examples" / "plans.jsonl"
PORTAL_DOWN = (
    '{"event": "outage.started", "at": "2026-11-11T10:00:00+09:00", "id": "OUT-P", "cause": "failure", '
    '"service": "portal"}\n{"event": "outage.ended", "at": "2026-11-11T12:00:00+09:00", "id": "OUT-P"}\n'
)
PERIOD = ["--from", "2026-10-01", "--to", "2027-01-01"]


def _files(tmp_path: Path) -> tuple[Path, Path]:
    text = PLANS.read_text("utf-8")
    old = "  hours always\n  availability target 99.0% quarterly"
    assert text.count(old) == 1
    business = tmp_path / "plans-b.sla"
    business.write_text(text.replace(old, old.replace("always", "business")), "utf-8")
    events = tmp_path / "events.jsonl"
    events.write_text(EVENTS.read_text("utf-8") + PORTAL_DOWN, "utf-8")
    return business, events


def _sla(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["replay", *argv])
    return code, capsys.readouterr().out


def test_a_change_to_the_second_service_is_a_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    business, events = _files(tmp_path)
    code, out = _sla(capsys, str(PLANS), str(business), str(events), *PERIOD, "--lang", "en", "--exit-code")
    assert code == 1, out
    assert "no verdict changes" not in out
    assert (
        "availability by service and measurement period:\n"
        "  Admin portal, Thu 1 Oct 00:00 - Fri 1 Jan 2027 00:00 (quarter): 99.9094% -> 99.5465% "
        "(target 99%: met -> met; "
        "measured 132480 -> 26460 min, downtime 120 -> 120 min)\n"
    ) in out
    code, out = _sla(capsys, str(PLANS), str(business), str(events), *PERIOD, "--lang", "ja")
    assert code == 0
    assert (
        "サービスと測定期間ごとの稼働率：\n"
        "  管理画面、10月1日(木) 00:00 〜 2027年1月1日(金) 00:00（四半期）：99.9094% → 99.5465%"
        "（目標 99%：達成 → 達成、"
        "測定 132480 → 26460 分、停止時間 120 → 120 分）\n"
    ) in out


def test_the_json_lists_each_period_that_moves(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    business, events = _files(tmp_path)
    code, out = _sla(capsys, str(PLANS), str(business), str(events), *PERIOD, "--format", "json")
    assert code == 0
    rows = json.loads(out)["availability_periods"]
    assert [(r["service"], r["period"], r["start"][:10], r["when"]) for r in rows] == [
        ("portal", "quarter", "2026-10-01", None)
    ]
    assert rows[0]["old_measured_minutes"] == 132480 and rows[0]["new_measured_minutes"] == 26460
    assert (rows[0]["old_met"], rows[0]["new_met"]) == (True, True)


def test_a_period_that_falls_below_target_under_a_target_of_one_plan(tmp_path: Path) -> None:
    """A target with ``when`` is a row of its own: raising the premium target moves only that row."""
    text = PLANS.read_text("utf-8")
    stricter = text.replace("target 99.9% monthly when", "target 99.95% monthly when")
    stricter = stricter.replace("below 99.9% 10%", "below 99.95% 10%")
    assert stricter != text
    events = [json.loads(line) for line in EVENTS.read_text("utf-8").splitlines() if line.startswith("{")]
    policy = load_policy(PLANS)
    tokyo = dt.timezone(dt.timedelta(hours=9))
    start, end = dt.datetime(2026, 10, 1, tzinfo=tokyo), dt.datetime(2027, 1, 1, tzinfo=tokyo)
    assert not replay(policy, policy, events, start, end).availability_periods
    result = replay(policy, load_policy(stricter), events, start, end)
    moved = {(c.service, c.when, c.old_target, c.new_target) for c in result.availability_periods}
    assert moved and all(m == ("content", "plan = premium", 99.9, 99.95) for m in moved), moved
