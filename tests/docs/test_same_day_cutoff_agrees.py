"""The site's same-day cutoff is the one the evaluator judges by.

``sla_dsl.docs.computed.cutoff`` made the same-day guideline concrete from the calendar's
written hours combined with the policy's zone, ignoring partial closures (the bug the
evaluator had until ``same_day_of``/``calendar_ordinal``): a London desk in a Tokyo policy
had no cutoff at all (its hours are per-weekday lines), and 24 Dec, closed from 13:00, was
said to close at 18:00. Now, for every reference date over three months (both clock
changes, the closures), the cutoff, the close and the example are the evaluator's
(``same_day_of`` on the first day of the calendar with open time), and an incident whose
clock starts at the example's cutoff is judged by the guideline, due at that close.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from functools import cache
from typing import Any

import pytest
from evaluate.helpers import TWO_DESKS

import sla_dsl
from sla_dsl.docs.computed import cutoff
from sla_dsl.evaluation import judge_log
from sla_dsl.evaluation.common import Rules
from sla_dsl.evaluation.incident_rows import same_day_of
from sla_dsl.events import log_from
from sla_dsl.policy import Policy

POLICY = (
    """
sla "Two desks" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages en
}
"""
    + TWO_DESKS
    + """calendar night "New York nights" {
  timezone America/New_York
  days mon..fri
  hours 09:00-17:00
}
priority P1 "P1" {
  respond within 4 desk_en hours
  same day if received 4 hours before close of desk_en
}
priority P2 "P2" {
  respond within 4 business hours
  same day if received 4 hours before close of business
}
priority P3 "P3" {
  respond within 2 night hours
  same day if received 2 night hours before close of night
}
"""
)


@cache
def policy() -> Policy:
    return sla_dsl.load_policy(POLICY)


def _minutes(t: dt.datetime, end: bool) -> int:
    minutes = t.hour * 60 + t.minute
    return 1440 if end and minutes == 0 else minutes


def _evaluator(priority: str, start: dt.date) -> tuple[float, float]:
    """(close, cutoff) of the guideline on the first day of its calendar with open time, on or after ``start``."""
    p = policy()
    rule = p.model.priority(priority).same_day
    assert rule is not None
    rules = Rules(p)
    for k in range(30):
        found = same_day_of(rules, rule, (start + dt.timedelta(days=k)).toordinal())
        if found is not None:
            return found[0], found[1]
    raise AssertionError("no open day")


DATES = [dt.date(2026, 10, 15) + dt.timedelta(days=k) for k in range(80)]


@pytest.mark.parametrize("priority", ["P1", "P2", "P3"])
def test_the_cutoff_is_the_evaluators_on_every_day(priority: str) -> None:
    p = policy()
    for start in DATES:
        got = cutoff(p, p.model.priority(priority), start)
        assert got is not None
        close, cut = _evaluator(priority, start)
        assert got.example_start.timestamp() == cut, start
        assert got.close_at.timestamp() == close, start
        assert got.cutoff.minutes == _minutes(got.example_start, False), start
        assert got.close.minutes == _minutes(got.close_at, True), start
        assert got.example_start.tzinfo is p.tz and got.close_at.tzinfo is p.tz


def test_the_reviewers_days() -> None:
    p = policy()
    # 24 Dec closes at noon: by 08:00, answer by 12:00
    dec = cutoff(p, p.model.priority("P2"), dt.date(2026, 12, 24))
    assert dec is not None
    assert (str(dec.cutoff), str(dec.close)) == ("08:00", "12:00")
    assert dec.example_start == dt.datetime(2026, 12, 24, 8, tzinfo=p.tz)
    # London's Thursday 26 Nov closes at 15:00 London, midnight in Tokyo: by 20:00 Tokyo, answer by 24:00
    thu = cutoff(p, p.model.priority("P1"), dt.date(2026, 11, 26))
    assert thu is not None
    assert (str(thu.cutoff), str(thu.close)) == ("20:00", "24:00")
    assert thu.example_start == dt.datetime(2026, 11, 26, 20, tzinfo=p.tz)
    # a London Friday closes at 17:30 London, 02:30 the next day in Tokyo
    fri = cutoff(p, p.model.priority("P1"), dt.date(2026, 11, 27))
    assert fri is not None
    assert (str(fri.cutoff), str(fri.close)) == ("22:30", "02:30")
    assert fri.close_at == dt.datetime(2026, 11, 28, 2, 30, tzinfo=p.tz)
    assert fri.holds


def _report(events: list[dict[str, Any]]) -> dict[str, Any]:
    start = dt.datetime(2026, 10, 1, tzinfo=dt.UTC)
    end = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
    out = io.BytesIO()
    judge_log(policy(), log_from(events), start, end, end).write_json(out)
    report: dict[str, Any] = json.loads(out.getvalue())
    return report


def test_a_clock_at_the_cutoff_is_judged_by_the_guideline_due_at_the_close() -> None:
    p = policy()
    events, want = [], {}
    for priority in ("P1", "P2", "P3"):
        for start in [*DATES[::7], dt.date(2026, 11, 26), dt.date(2026, 12, 24)]:
            got = cutoff(p, p.model.priority(priority), start)
            assert got is not None
            ident = f"{priority}-{start}"
            at = got.example_start.isoformat()
            events.append({"event": "incident.reported", "at": at, "id": ident, "priority": priority})
            want[ident] = got.close_at.isoformat()
    rows = {r["id"]: r for r in _report(events)["incidents"]}
    for ident, close in want.items():
        assert rows[ident]["same_day"]["applies"] is True, ident
        assert rows[ident]["same_day"]["due"] == close, ident
