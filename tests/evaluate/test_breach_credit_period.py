"""A credit per missed target counts in the month whose report lists the breach.

The violations list a breach made by a later reprioritisation (or change of an attribute) "in the period of
its due time or of the change that made it one, whichever is later": a P3 answered late on 30 November and
raised to P1 on 2 December is December's breach. Its credit was November's (the month of its due time), in
a report that does not list the breach, and December's report, which lists it, owed nothing for it. Now the
credit follows the violation. Worked by hand, the policy in Asia/Tokyo, elapsed hours.
"""

from __future__ import annotations

from typing import Any

import sla_dsl

POLICY = """sla "Desk" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages ja, en
}

event incident.plan_changed "契約プランの変更" / "Plan changed"

attribute plan "契約プラン" / "Plan" {
  value standard "スタンダード" / "Standard"
  value premium "プレミアム" / "Premium"
  default standard
  changes at incident.plan_changed
}

priority P1 "緊急（プレミアム）" / "Urgent (premium)" {
  when plan = premium
  respond within 1 hour
  credit 10% per breach
  complete on incident.resolved
}

priority P1 "緊急" / "Urgent" {
  respond within 4 hours
  credit 5% per breach, at most 25% monthly
  complete on incident.resolved
}

priority P3 "通常" / "Normal" {
  respond within 1 day
  complete on incident.resolved
}
"""

AS_OF = "2027-01-10T00:00:00+09:00"


def ev(event: str, at: str, ident: str, **more: Any) -> dict[str, Any]:
    return {"event": event, "at": f"2026-{at}:00+09:00", "id": ident, **more}


#: R: a P3 reported 30 Nov 10:00, answered 16:00 (in time for P3); raised to P1 on 2 Dec 10:00: P1 was due
#: 30 Nov 14:00, so a breach made on 2 December. C: a standard P1 answered at 11:30, in time (due 14:00); made
#: premium on 2 Dec 10:00: premium was due 11:00, a breach made on 2 December. Both resolved on 3 December.
LATER = [
    ev("incident.reported", "11-30T10:00", "R", priority="P3"),
    ev("incident.responded", "11-30T16:00", "R"),
    ev("incident.reprioritized", "12-02T10:00", "R", priority="P1"),
    ev("incident.resolved", "12-03T10:00", "R"),
    ev("incident.reported", "11-30T10:00", "C", priority="P1"),
    ev("incident.responded", "11-30T11:30", "C"),
    ev("incident.plan_changed", "12-02T10:00", "C", attributes={"plan": "premium"}),
    ev("incident.resolved", "12-03T10:00", "C"),
]


def report(events: list[dict[str, Any]], start: str, end: str) -> Any:
    return sla_dsl.evaluate(sla_dsl.load_policy(POLICY), events, start, end, AS_OF)


def credits(rep: Any) -> list[tuple[Any, ...]]:
    return [(c.when, c.start.date().isoformat(), c.breaches, c.credit, c.incidents) for c in rep.breach_credits]


def breaches(rep: Any) -> list[str]:
    return sorted(v.id for v in rep.violations if v.kind == "response_breached")


def test_a_breach_made_by_a_later_change_is_credited_in_the_month_that_lists_it() -> None:
    november = report(LATER, "2026-11-01", "2026-12-01")
    december = report(LATER, "2026-12-01", "2027-01-01")
    assert breaches(november) == [] and credits(november) == []  # (was: a November row for each)
    assert breaches(december) == ["C", "R"]
    assert credits(december) == [
        (None, "2026-12-01", 1, 5.0, ["R"]),  # P1's own line
        ("plan = premium", "2026-12-01", 1, 10.0, ["C"]),  # the premium rule's line
    ]
    both = report(LATER, "2026-11-01", "2027-01-01")  # over both months: December's, not November's
    assert credits(both) == credits(december)


def test_a_breach_due_after_to_of_an_incident_completed_before_it_is_credited_where_it_is_listed() -> None:
    """A P1 reported 30 Nov 21:00 and resolved at 23:00 without an answer is due 1 Dec 01:00: November's report
    lists the breach (no later report lists an incident completed before it), so November credits it too."""
    events = [ev("incident.reported", "11-30T21:00", "E", priority="P1"), ev("incident.resolved", "11-30T23:00", "E")]
    november = report(events, "2026-11-01", "2026-12-01")
    assert breaches(november) == ["E"]
    assert credits(november) == [(None, "2026-11-01", 1, 5.0, ["E"])]
    assert november.breach_credits[0].complete
    december = report(events, "2026-12-01", "2027-01-01")
    assert breaches(december) == [] and credits(december) == []


def test_a_breach_due_and_settled_in_its_month_is_unchanged() -> None:
    events = [ev("incident.reported", "11-10T10:00", "P", priority="P1"), ev("incident.responded", "11-10T15:00", "P")]
    events.append(ev("incident.resolved", "11-10T16:00", "P"))
    assert credits(report(events, "2026-11-01", "2026-12-01")) == [(None, "2026-11-01", 1, 5.0, ["P"])]
