"""A target met before a reprioritisation is judged again under the new priority (the language reference,
Priorities: the priority in force judges the whole incident from the original clock start): raised from P2
(8 hours) to P1 (1 hour) after a response at 3 hours, the response and a named target met at the same time
are breached; lowered, a response late for P1 turns met. Zendesk keeps a metric achieved before the change;
this engine does not (the documented reading, pinned here)."""

from __future__ import annotations

import datetime as dt

import sla_dsl
from sla_dsl.policy import load_policy

POLICY = """sla "N" {
  format 1
  version "1.0"
  effective 2026-01-01
  timezone Asia/Tokyo
  title "T" / "T"
}
clock response "応答" / "Response" { starts at incident.reported }
clock reply "回答" / "Reply" {
  starts at incident.reported
  stops at incident.info_provided
}
priority P1 "緊急" / "Urgent" {
  respond within 1 hour
  first reply within 1 hour on reply
  complete on incident.resolved
}
priority P2 "通常" / "Normal" {
  respond within 8 hours
  first reply within 8 hours on reply
  complete on incident.resolved
}
"""

TZ = dt.timezone(dt.timedelta(hours=9))


def _at(hhmm: str) -> str:
    return f"2026-11-20T{hhmm}:00+09:00"


def _judge(first: str, then: str | None, as_of: str = "23:00") -> tuple[str, str]:
    events = [
        {"event": "incident.reported", "at": _at("10:00"), "id": "A", "priority": first},
        {"event": "incident.responded", "at": _at("13:00"), "id": "A"},
        {"event": "incident.info_provided", "at": _at("13:00"), "id": "A"},
    ]
    if then is not None:
        events.append({"event": "incident.reprioritized", "at": _at("14:00"), "id": "A", "priority": then})
    start, end = dt.datetime(2026, 11, 1, tzinfo=TZ), dt.datetime(2026, 12, 1, tzinfo=TZ)
    as_of_t = dt.datetime.fromisoformat(_at(as_of))
    report = sla_dsl.evaluate(load_policy(POLICY), events, start, end, as_of=as_of_t)
    (row,) = report.incidents
    (target,) = row.targets
    return row.status, target.status


def test_met_under_the_old_priority_is_breached_once_raised() -> None:
    assert _judge("P2", None) == ("met", "met")
    assert _judge("P2", "P1", as_of="13:30") == ("met", "met")  # before the raise
    assert _judge("P2", "P1") == ("breached", "breached")


def test_breached_under_the_old_priority_is_met_once_lowered() -> None:
    assert _judge("P1", None) == ("breached", "breached")
    assert _judge("P1", "P2") == ("met", "met")
