"""An alert a change of priority dated after its instant makes stands when a later event comes (a QA pass of
``sla serve`` on a help desk).

A reprioritisation judges the whole incident under the new priority, counted from the clock start: raised to
P1 after P1's due time has passed, an incident is breached, and the service fires its at-risk and breach
alerts late, at once. The next event of the incident (a response, dated after the alerts) made the service
judge those alerts again as of their instants, where the reprioritisation, dated later, is not: under P2 the
transitions were not there, and the alerts, a true breach among them, were withdrawn with reason ``changed``.
An alert is now judged again as of its instant and, when it was fired later, as of when it was fired, with the
events dated up to each: withdrawn only when neither look has it. An event dated after its instant still never
withdraws an alert; one dated before it, that arrived late, still does.

Click So-ko: D3 is reported on Thursday 26 November 2026 at 10:00 as P2 (1 business day: due at 18:00) and
raised to P1 (4 business hours, 10:00-12:00 and 13:00-18:00: at risk at 14:00, due at 15:00) at 15:30.
"""

from __future__ import annotations

import json
from typing import Any

from sla_dsl.policy import load_policies
from sla_dsl.serve import Settings
from sla_dsl.serve.alerts import WITHDRAWN
from sla_dsl.serve.app import Service
from sla_dsl.serve.tracking import FakeClock

from .conftest import POLICY, tokyo

RISK = f"incident.at_risk|D3|{tokyo(2026, 11, 26, 14):.6f}"
DUE = f"incident.breached|D3|{tokyo(2026, 11, 26, 15):.6f}"
REPORTED = {"event": "incident.reported", "at": "2026-11-26T10:00:00+09:00", "id": "D3", "priority": "P2"}
RAISED = {"event": "incident.reprioritized", "at": "2026-11-26T15:30:00+09:00", "id": "D3", "priority": "P1"}


def _lines(*events: dict[str, Any]) -> bytes:
    return b"".join(json.dumps(e).encode() + b"\n" for e in events)


def _service(db: str, now: float) -> tuple[Service, FakeClock]:
    clock = FakeClock(now)
    return Service(load_policies([str(POLICY)]), Settings(db=db, policy_files=(str(POLICY),)), clock), clock


def _look(s: Service, now: float) -> None:
    s.timers.recompute(now)
    s.timers.withdraw_due(now)
    s.timers.fire_due(now)


def _withdrawn(s: Service) -> list[dict[str, Any]]:
    return [json.loads(a["payload"]) for a in s.store.alerts() if a["kind"] == WITHDRAWN]


def _fired_when_raised(db: str) -> tuple[Service, FakeClock]:
    s, clock = _service(db, tokyo(2026, 11, 26, 15, 30))
    s.ingest(_lines(REPORTED, RAISED))
    _look(s, clock.now())
    assert {RISK, DUE} <= s.timers.fired
    return s, clock


def test_a_response_after_the_alerts_of_a_raised_priority_leaves_them_standing(db_url: str) -> None:
    s, clock = _fired_when_raised(db_url)
    clock.set(tokyo(2026, 11, 26, 15, 45))
    s.ingest(_lines({"event": "incident.responded", "at": "2026-11-26T15:45:00+09:00", "id": "D3"}))
    for _ in range(2):
        _look(s, clock.now())
    assert _withdrawn(s) == []
    assert {RISK, DUE} <= set(s.timers.raised)
    s.store.close()


def test_a_restart_judges_them_as_the_look_that_fired_them(db_url: str) -> None:
    s, _ = _fired_when_raised(db_url)
    s.store.close()
    # the response arrives while the service is stopped; the next start judges the alerts of the late batch
    again, clock = _service(db_url, tokyo(2026, 11, 26, 16))
    again.ingest(_lines({"event": "incident.responded", "at": "2026-11-26T15:45:00+09:00", "id": "D3"}))
    for _ in range(2):
        _look(again, clock.now())
    assert _withdrawn(again) == []
    again.store.close()


def test_a_late_event_dated_before_the_instant_still_withdraws(db_url: str) -> None:
    """A response dated 14:30, before P1's due time and before the raise, stored after the alerts fired: the
    look that fired them, had it had the response, would have found the incident answered in time and fired
    neither (under P2 at 14:00 it was not at risk either): both go, ``met``."""
    s, clock = _fired_when_raised(db_url)
    clock.set(tokyo(2026, 11, 26, 15, 45))
    s.ingest(_lines({"event": "incident.responded", "at": "2026-11-26T14:30:00+09:00", "id": "D3"}))
    for _ in range(2):
        _look(s, clock.now())
    assert sorted((b["withdraws"], b["reason"]) for b in _withdrawn(s)) == sorted([(RISK, "met"), (DUE, "met")])
    s.store.close()


def test_a_lowering_dated_after_the_alerts_leaves_them(db_url: str) -> None:
    """Lowered back to P2 at 15:40, after the alerts were fired at 15:30: they stand."""
    s, clock = _fired_when_raised(db_url)
    clock.set(tokyo(2026, 11, 26, 15, 45))
    lowered = {"event": "incident.reprioritized", "at": "2026-11-26T15:40:00+09:00", "id": "D3", "priority": "P2"}
    s.ingest(_lines(lowered))
    for _ in range(2):
        _look(s, clock.now())
    # (the report judges the incident anew under P2; an event dated after an alert never withdraws it)
    assert _withdrawn(s) == []
    s.store.close()


def test_alerts_of_a_raise_go_when_a_late_event_takes_it_back_before_them(db_url: str) -> None:
    """A raise to P1 dated 11:00 makes the alerts at 14:00 and 15:00; a lowering to P2 dated 13:30 that arrives
    after they fired takes the raise back before both instants: both looks lack them, both are withdrawn."""
    s, clock = _service(db_url, tokyo(2026, 11, 26, 15, 30))
    early = {**RAISED, "at": "2026-11-26T11:00:00+09:00"}
    s.ingest(_lines(REPORTED, early))
    _look(s, clock.now())
    assert {RISK, DUE} <= s.timers.fired
    clock.set(tokyo(2026, 11, 26, 15, 45))
    lowered = {"event": "incident.reprioritized", "at": "2026-11-26T13:30:00+09:00", "id": "D3", "priority": "P2"}
    s.ingest(_lines(lowered))
    for _ in range(2):
        _look(s, clock.now())
    assert sorted((b["withdraws"], b["reason"]) for b in _withdrawn(s)) == sorted([(RISK, "changed"), (DUE, "changed")])
    s.store.close()
