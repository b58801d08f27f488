"""The site's same-day cutoff counts an elapsed lead back from the close in exact time, as the
evaluator does, on a day the clock changes between the cutoff and the close (New York, whose
clocks jump at 02:00): 3 hours before a 04:00 close is 00:00 on the spring day and the second
01:00 on the autumn day, not the wall clock's 01:00 both times."""

from __future__ import annotations

import datetime as dt

import pytest

import sla_dsl
from sla_dsl.docs.computed import cutoff
from sla_dsl.evaluation.common import Rules
from sla_dsl.evaluation.incident_rows import same_day_of

POLICY = """
sla "Night desk" {
  format 1
  version "1"
  effective 2026-01-01
  timezone America/New_York
  languages en
}
calendar nights "Sunday nights" {
  days sun
  hours 00:00-04:00
}
priority P1 "P1" {
  respond within 1 nights hour
  same day if received 3 hours before close of nights
}
"""


@pytest.mark.parametrize(
    ("day", "utc"),
    [
        (dt.date(2026, 3, 8), dt.datetime(2026, 3, 8, 5, tzinfo=dt.UTC)),
        (dt.date(2026, 11, 1), dt.datetime(2026, 11, 1, 6, tzinfo=dt.UTC)),
    ],
)
def test_the_cutoff_is_exact_time_before_the_close_on_a_day_the_clock_changes(day: dt.date, utc: dt.datetime) -> None:
    p = sla_dsl.load_policy(POLICY)
    got = cutoff(p, p.model.priority("P1"), day)
    assert got is not None
    assert got.example_start.timestamp() == utc.timestamp()
    rule = p.model.priority("P1").same_day
    assert rule is not None
    found = same_day_of(Rules(p), rule, day.toordinal())
    assert found is not None and got.example_start.timestamp() == found[1]
    assert got.holds
