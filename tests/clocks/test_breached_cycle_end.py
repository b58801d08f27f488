"""A target breached in an earlier cycle of its clock is reported with that cycle's end, not a later one's.

A clock that ``restarts at`` or ``resets at`` an event has several cycles; a cycle that ran out stays
breached whatever the later ones do (``test_reset_keeps_verdicts.py``). Its row's ``met_at``, the
violation's message and the words of the reports said the LAST cycle's stop: a next reply breached
at 11:00 and answered at 11:30 read "stopped 15:20" when a second exchange was answered at 15:20, and
"not stopped" while that second exchange was still open. Now they say the breached cycle's own end:
its stop, or the reset that cut it while it ran (``BreachedTarget.reset_at``).

Times are UTC; a calendar open every hour, so business time is elapsed time. Worked by hand:

* ``next_reply`` (1 hour; starts and restarts at the customer's reply, stops at the answer): reply
  10:00, answer 11:30: 90 minutes, ran out 11:00, breached; reply 15:00, answer 15:20: met.
* ``resolution`` (1 hour; resets at a reprioritisation, stops at the resolution): reported 09:00,
  ran out 10:00; reprioritised 10:30 while running: the cycle ends there; resolved 11:00 in the next.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sla_dsl
from sla_dsl.report.render import render

UTC = dt.UTC
POLICY = """sla "Cycles" {
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  languages ja, en
}

calendar always "常時" / "Always" {
  days mon..sun
  hours 00:00-24:00
}

clock response "応答" / "Response" {
  starts at incident.reported
}

clock next_reply "次回回答" / "Next reply" {
  starts at incident.customer_replied
  stops at incident.responded
  restarts at incident.customer_replied
}

clock resolution "解決" / "Resolution" {
  starts at incident.reported
  stops at incident.resolved
  resets at incident.reprioritized
}

priority P1 "緊急" / "Urgent" {
  definition "停止" / "Stopped"
  respond within 1 hour
  respond within 1 hour on next_reply
  resolve within 1 hour on resolution
}
"""


def _ev(kind: str, hhmm: str, **fields: Any) -> dict[str, Any]:
    return {"event": f"incident.{kind}", "at": f"2026-06-01T{hhmm}:00Z", "id": "R", **fields}


def _at(hhmm: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"2026-06-01T{hhmm}:00+00:00")


def _report(log: list[dict[str, Any]], as_of: str) -> Any:
    start, end = dt.datetime(2026, 6, 1, tzinfo=UTC), dt.datetime(2026, 6, 2, tzinfo=UTC)
    return sla_dsl.evaluate(sla_dsl.load_policy(POLICY), log, start, end, _at(as_of))


def _target(report: Any, clock: str) -> Any:
    (row,) = report.incidents
    (target,) = [t for t in row.targets if t.clock == clock]
    return target


def _violation(report: Any, name: str) -> Any:
    (v,) = [v for v in report.violations if v.target is not None and v.target.name == name]
    return v


EXCHANGES = [
    _ev("reported", "09:00", priority="P1"),
    _ev("responded", "09:10"),
    _ev("customer_replied", "10:00"),
    _ev("responded", "11:30"),
    _ev("customer_replied", "15:00"),
]


def test_a_restarted_clock_s_breached_exchange_keeps_its_own_answer() -> None:
    report = _report([*EXCHANGES, _ev("responded", "15:20")], "15:30")
    target = _target(report, "next_reply")
    assert (target.status, target.due, target.used_minutes) == ("breached", _at("11:00"), 90.0)
    assert target.met_at == _at("11:30")  # (the second exchange's answer, 15:20, is not this breach's)
    v = _violation(report, "respond")
    assert v.message == "P1 response due Mon 01 Jun 11:00: stopped Mon 01 Jun 11:30"
    assert v.target.met_at == _at("11:30") and v.target.reset_at is None


def test_the_answer_is_said_while_a_later_exchange_is_still_open() -> None:
    report = _report(EXCHANGES, "15:30")
    target = _target(report, "next_reply")
    assert (target.status, target.met_at) == ("breached", _at("11:30"))  # (was null: "not stopped")
    assert _violation(report, "respond").message.endswith(": stopped Mon 01 Jun 11:30")


RESET = [
    _ev("reported", "09:00", priority="P1"),
    _ev("responded", "09:10"),
    _ev("reprioritized", "10:30", priority="P1"),
    _ev("resolved", "11:00"),
]


def test_a_reset_that_cut_the_breached_cycle_is_said_as_a_reset() -> None:
    report = _report(RESET, "12:00")
    target = _target(report, "resolution")
    assert (target.status, target.due, target.met_at) == ("breached", _at("10:00"), None)
    assert "ran out Mon 01 Jun 10:00, before the reset Mon 01 Jun 10:30: breached" in target.explain[-1].text
    v = _violation(report, "resolve")
    assert v.message == "P1 resolution due Mon 01 Jun 10:00: reset Mon 01 Jun 10:30, after it ran out"
    assert (v.target.met_at, v.target.reset_at) == (None, _at("10:30"))


def test_the_reports_word_the_reset_in_both_languages() -> None:
    report = _report(RESET, "12:00")
    policy = sla_dsl.load_policy(POLICY)
    ja, en = (render(report, "text", lang=lang, policies=[policy]) for lang in ("ja", "en"))
    assert "10:00 を過ぎた後、6月1日(月) 10:30 にクロックをリセット" in ja
    assert "due Mon 1 Jun 10:00: reset Mon 1 Jun 10:30, after it ran out" in en
    assert "11:00" not in next(line for line in en.splitlines() if "target breached" in line)


def test_a_cycle_stopped_late_before_its_reset_says_its_stop() -> None:
    # ran out 10:00, resolved late at 10:20, reprioritised (a reset) at 10:40: the cycle ended at its stop
    log = [*RESET[:2], _ev("resolved", "10:20"), _ev("reprioritized", "10:40", priority="P1")]
    report = _report(log, "12:00")
    target = _target(report, "resolution")
    assert (target.status, target.met_at) == ("breached", _at("10:20"))
    assert "ran out Mon 01 Jun 10:00, stopped Mon 01 Jun 10:20: breached" in target.explain[-1].text
    assert _violation(report, "resolve").target.reset_at is None
