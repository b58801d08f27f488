"""A reset of a clock starts it again from zero; it does not undo what came before it (issue 12).

A ``resolve``/``respond``/``first reply`` target breached before a reset stays breached (Jira Service
Management keeps each cycle's result; before, only the life after the last reset counted, so a report
over October showed the breach and one over October and November, after the reset, said ``met``), and
an update target keeps the misses from before the reset.

Calendar: Tokyo business hours 09:00-12:00 and 13:00-18:00 (8 hours a day), Monday to Friday. The
clock ``work`` starts at the report and starts again from zero when the customer reopens the case
(``resets at incident.customer_replied``); the case is to be resolved within 8 business hours of its
running time, with an update (``incident.info_provided``) every 2 business hours of it.
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
  update every 2 business hours on work by incident.info_provided
}
"""


def _ev(kind: str, at: str, **fields: Any) -> dict[str, Any]:
    return {"event": f"incident.{kind}", "at": f"2026-11-{at}:00+09:00", "id": "R1", **fields}


def _target(kind: str, log: list[dict[str, Any]], as_of: str) -> Any:
    start, end = dt.datetime(2026, 11, 1, tzinfo=TOKYO), dt.datetime(2026, 12, 1, tzinfo=TOKYO)
    report = sla_dsl.evaluate(sla_dsl.load_policy(POLICY), log, start, end, dt.datetime.fromisoformat(as_of))
    (row,) = report.incidents
    (target,) = [t for t in row.targets if t.kind == kind]
    return target


LOG = [
    # Mon 16 09:00 reported; 8 business hours run out Mon 16 18:00
    _ev("reported", "16T09:00", priority="P1"),
    _ev("responded", "16T10:00"),
    # the customer replies on Wed 18 at 10:00: the clock starts again from zero, resolved an hour later
    _ev("customer_replied", "18T10:00"),
    _ev("resolved", "18T11:00"),
]


def test_a_breach_before_the_reset_stays_a_breach() -> None:
    before = _target("resolve", LOG, "2026-11-17T12:00:00+09:00")
    after = _target("resolve", LOG, "2026-11-30T12:00:00+09:00")
    assert (before.status, before.due.isoformat()) == ("breached", "2026-11-16T18:00:00+09:00")
    assert (after.status, after.due.isoformat()) == ("breached", "2026-11-16T18:00:00+09:00")
    # (the breached cycle was cut by the reset, not stopped: the resolution ended the next cycle)
    assert after.met_at is None
    assert "before the reset" in after.explain[-1].text


def test_a_life_before_the_reset_within_its_target_does_not_breach() -> None:
    log = [
        _ev("reported", "16T09:00", priority="P1"),
        _ev("customer_replied", "16T15:00"),  # 5 hours used, then zero again
        _ev("resolved", "17T12:00"),  # 3 + 3 = 6 business hours after the reset
    ]
    target = _target("resolve", log, "2026-11-30T12:00:00+09:00")
    assert (target.status, target.due.isoformat()) == ("met", "2026-11-17T15:00:00+09:00")


def test_a_miss_before_the_reset_stays_a_miss() -> None:
    log = [
        # Tue 24 09:00 reported; an update at 10:00 (1 h), then none: 2 h after 10:00 of running time is
        # 10:00-12:00 -> missed at 12:00
        _ev("reported", "24T09:00", priority="P1"),
        _ev("info_provided", "24T10:00"),
        # the customer reopens at 14:00: the clock starts again from zero
        _ev("customer_replied", "24T14:00"),
        # updates at 15:00 and 16:30 after the reset: gaps of 1 h and 1.5 h, then 0.5 h to as_of 17:00
        _ev("info_provided", "24T15:00"),
        _ev("info_provided", "24T16:30"),
    ]
    target = _target("update", log, "2026-11-24T17:00:00+09:00")
    assert (target.status, target.missed) == ("breached", 1)
    assert target.due.isoformat() == "2026-11-24T12:00:00+09:00"


def test_without_a_miss_before_the_reset_the_update_target_is_open() -> None:
    log = [
        _ev("reported", "24T09:00", priority="P1"),
        _ev("info_provided", "24T10:00"),
        _ev("info_provided", "24T11:30"),
        _ev("customer_replied", "24T13:00"),  # 11:30-12:00 is 0.5 h of running time before the reset
        _ev("info_provided", "24T14:00"),
    ]
    target = _target("update", log, "2026-11-24T15:00:00+09:00")
    # after the reset: 13:00-14:00 (1 h), then 14:00-15:00 (1 h): next due 16:00
    assert (target.status, target.missed) == ("open", 0)
    assert target.due.isoformat() == "2026-11-24T16:00:00+09:00"
