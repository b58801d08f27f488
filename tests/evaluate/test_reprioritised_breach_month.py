"""A breach a reprioritisation makes is settled at the reprioritisation, not at the due time it gives:
a P3 reported on 29 October (open at the end of October) and raised to P1 on 2 November, after P1's
due time of 29 October, is breached in November's report, listed among its violations and counted
in its summary; October's report, before the raise, has it open and no violation."""

from __future__ import annotations

import sla_dsl
from sla_dsl.report.render import render

from .helpers import ev, policy, t

EVENTS = [
    ev("incident.reported", "2026-10-29 11:00", "XM-3", priority="P3"),
    ev("incident.reprioritized", "2026-11-02 10:00", "XM-3", priority="P1"),
    ev("incident.responded", "2026-11-02 17:00", "XM-3"),
]


def _report(start: str, end: str) -> sla_dsl.Report:
    return sla_dsl.evaluate(policy(), EVENTS, t(start), t(end))


def test_the_month_of_the_raise_lists_and_counts_the_breach() -> None:
    november = _report("2026-11-01 00:00", "2026-12-01 00:00")
    (row,) = november.incidents
    assert (row.priority, row.status) == ("P1", "breached")
    assert [v.id for v in november.violations if v.kind == "response_breached"] == ["XM-3"]
    text = render(november, "text", lang="en", policies=[policy()])
    line = next(ln for ln in text.splitlines() if ln.strip().startswith("P1 Priority 1: response"))
    assert "0 of 1 met" in line


def test_the_month_before_the_raise_has_it_open() -> None:
    october = _report("2026-10-01 00:00", "2026-11-01 00:00")
    (row,) = october.incidents
    assert (row.priority, row.status) == ("P3", "open")
    assert [v.id for v in october.violations if v.id == "XM-3"] == []
