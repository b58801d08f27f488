"""A same-day guideline's lead in business time is counted back in the calendar's open time.

``same day if received 6 business hours before close of business`` on hours 10:00-12:00, 13:00-18:00:
six open hours before the 18:00 close are 13:00-18:00 and 11:00-12:00, so the cutoff is 11:00. The
evaluator subtracted six flat hours (12:00), so an incident reported at 11:30 was given the guideline;
the SLA page's worked cutoff said 12:00 too. An elapsed lead (``6 hours``) stays 12:00.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

import sla_dsl
from sla_dsl.docs.computed import cutoff as same_day_cutoff

TOKYO = ZoneInfo("Asia/Tokyo")
POLICY = """sla "T" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages en
}
calendar business "B" {
  days mon..fri
  hours 10:00-12:00, 13:00-18:00
}
priority P1 "P1" {
  respond within 1 business hour
  same day if received LEAD before close of business
}
"""


@pytest.mark.parametrize(("lead", "cutoff"), [("6 business hours", "11:00"), ("6 hours", "12:00")])
def test_the_cutoff_counts_the_lead_as_the_rule_says(lead: str, cutoff: str) -> None:
    policy = sla_dsl.load_policy(POLICY.replace("LEAD", lead))
    h, m = map(int, cutoff.split(":"))
    events = [
        {"event": "incident.reported", "at": f"2026-11-02T{h:02d}:{m:02d}:00+09:00", "id": "AT", "priority": "P1"},
        {
            "event": "incident.reported",
            "at": f"2026-11-02T{h:02d}:{m + 1:02d}:00+09:00",
            "id": "AFTER",
            "priority": "P1",
        },
    ]
    report = sla_dsl.evaluate(policy, events, "2026-11-01", "2026-12-01")
    applies = {row.id: row.same_day.applies for row in report.incidents}
    assert applies == {"AT": True, "AFTER": False}
    [row] = [r for r in report.incidents if r.id == "AT"]
    assert row.same_day.due == dt.datetime(2026, 11, 2, 18, tzinfo=TOKYO)


def test_the_sla_pages_worked_cutoff_agrees() -> None:
    policy = sla_dsl.load_policy(POLICY.replace("LEAD", "6 business hours"))
    cut = same_day_cutoff(policy, policy.model.priorities[0], dt.date(2026, 11, 2))
    assert cut is not None and cut.example_start == dt.datetime(2026, 11, 2, 11, tzinfo=TOKYO)
