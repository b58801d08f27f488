"""A measured service provided in a calendar's hours (``hours business``) is measured in them: its
agreed service time. An outage outside them is no downtime; the ratio is over the open hours."""

from __future__ import annotations

import datetime as dt

import pytest

import sla_dsl
from evaluate.helpers import ev, t

HEAD = """sla "T" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages en
}
calendar business "B" {
  days mon..fri
  hours 10:00-12:00, 13:00-18:00
  holidays JP
}
calendar always "A" {
  days mon..sun
  hours 00:00-24:00
}
priority P1 "P1" {
  respond within 4 business hours
  complete on incident.resolved
}
"""


def _policy(hours: str) -> sla_dsl.Policy:
    return sla_dsl.load_policy(HEAD + f'service support "S" {{\n  hours {hours}\n  availability target 99.5%\n}}\n')


def _open_minutes(policy: sla_dsl.Policy, lo: dt.datetime, hi: dt.datetime) -> float:
    """The reference: the calendar's open intervals, day by day, cut to [lo, hi)."""
    cal = policy.calendar("business")
    total, day = 0.0, lo.date()
    while day < hi.date():
        for a, b in cal.open_intervals(day):
            total += max(0.0, (min(b, hi) - max(a, lo)).total_seconds())
        day += dt.timedelta(days=1)
    return total / 60


NOV, DEC = t("2026-11-01 00:00"), t("2026-12-01 00:00")
SATURDAY = [ev("outage.started", "2026-11-07 00:00", "O1"), ev("outage.ended", "2026-11-07 12:00", "O1")]
# Mon 9 Nov 09:00-11:30: 90 minutes of it in the hours (10:00-11:30)
MONDAY = [ev("outage.started", "2026-11-09 09:00", "O2"), ev("outage.ended", "2026-11-09 11:30", "O2")]


def test_an_outage_outside_the_hours_is_no_downtime() -> None:
    report = sla_dsl.evaluate(_policy("business"), SATURDAY, NOV, DEC)
    (row,) = report.availability_periods
    assert row.downtime_minutes == 0 and row.ratio == 1.0 and row.met
    assert row.measured_minutes == pytest.approx(_open_minutes(_policy("business"), NOV, DEC))
    assert report.availability.downtime_minutes == 0 and report.availability.ratio == 1.0
    assert report.outages[0].downtime_minutes == 0
    assert not [v for v in report.violations if v.kind == "availability"]
    assert "outside business hours" in row.explain[1].text


def test_an_outage_in_the_hours_counts_its_minutes_in_them() -> None:
    policy = _policy("business")
    report = sla_dsl.evaluate(policy, MONDAY, NOV, DEC)
    (row,) = report.availability_periods
    measured = _open_minutes(policy, NOV, DEC)
    assert row.measured_minutes == pytest.approx(measured)
    assert row.downtime_minutes == pytest.approx(90)
    assert row.ratio == pytest.approx((measured - 90) / measured)
    assert report.availability.measured_minutes == pytest.approx(measured)
    assert report.availability.downtime_minutes == pytest.approx(90)


def test_hours_always_measures_around_the_clock() -> None:
    report = sla_dsl.evaluate(_policy("always"), SATURDAY, NOV, DEC)
    (row,) = report.availability_periods
    assert row.measured_minutes == 30 * 24 * 60 and row.downtime_minutes == 720
    assert [v.kind for v in report.violations] == ["availability"]
