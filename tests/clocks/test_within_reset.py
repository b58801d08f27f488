"""A ``resolve``/``respond``/``first reply`` target breached before a reset of its clock stays breached.

A reset starts the clock again from zero; it does not undo a breach (Jira Service Management keeps
each cycle's result). Before, only the life after the last reset counted, so a report over October
showed the breach and one over October and November, after the reset, said ``met``. Calendar:
Tokyo business hours 09:00-12:00 and 13:00-18:00 (8 hours a day), Monday to Friday.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sla_dsl

TOKYO = dt.timezone(dt.timedelta(hours=9))
POLICY = """sla "Desk" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages ja, en
}

calendar business "営業時間" / "Business hours" {
  days mon..fri
  hours 09:00-12:00, 13:00-18:00
  holidays JP
}

clock response "応答" / "Response" {
  starts at incident.reported
}

clock work "対応" / "Work" {
  starts at incident.reported
  stops at incident.resolved
  resets at incident.customer_replied
}

priority P1 "緊急" / "Urgent" {
  definition "停止" / "Stopped"
  respond within 4 business hours
  resolve within 8 business hours on work
}
"""


def _ev(kind: str, at: str, **fields: Any) -> dict[str, Any]:
    return {"event": f"incident.{kind}", "at": f"2026-11-{at}:00+09:00", "id": "R1", **fields}


def _resolve(log: list[dict[str, Any]], as_of: str) -> Any:
    start, end = dt.datetime(2026, 11, 1, tzinfo=TOKYO), dt.datetime(2026, 12, 1, tzinfo=TOKYO)
    report = sla_dsl.evaluate(sla_dsl.load_policy(POLICY), log, start, end, dt.datetime.fromisoformat(as_of))
    (row,) = report.incidents
    return next(t for t in row.targets if t.kind == "resolve")


LOG = [
    # Mon 16 09:00 reported; 8 business hours run out Mon 16 18:00
    _ev("reported", "16T09:00", priority="P1"),
    _ev("responded", "16T10:00"),
    # the customer replies on Wed 18 at 10:00: the clock starts again from zero, resolved an hour later
    _ev("customer_replied", "18T10:00"),
    _ev("resolved", "18T11:00"),
]


def test_a_breach_before_the_reset_stays_a_breach() -> None:
    before = _resolve(LOG, "2026-11-17T12:00:00+09:00")
    after = _resolve(LOG, "2026-11-30T12:00:00+09:00")
    assert (before.status, before.due.isoformat()) == ("breached", "2026-11-16T18:00:00+09:00")
    assert (after.status, after.due.isoformat()) == ("breached", "2026-11-16T18:00:00+09:00")
    assert after.met_at is not None and after.met_at.isoformat() == "2026-11-18T11:00:00+09:00"
    assert "before the reset" in after.explain[-1].text


def test_a_life_before_the_reset_within_its_target_does_not_breach() -> None:
    log = [
        _ev("reported", "16T09:00", priority="P1"),
        _ev("customer_replied", "16T15:00"),  # 5 hours used, then zero again
        _ev("resolved", "17T12:00"),  # 3 + 3 = 6 business hours after the reset
    ]
    target = _resolve(log, "2026-11-30T12:00:00+09:00")
    assert (target.status, target.due.isoformat()) == ("met", "2026-11-17T15:00:00+09:00")
