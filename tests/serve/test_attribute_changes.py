"""``sla serve``: an event that changes an incident's attribute (``changes at``) chooses its rule again, live.

P1 premium is due 1 hour after the clock start (elapsed), P1 standard 4 business hours (10:00-12:00, 13:00-18:00).
An incident reported Mon 2 Nov 2026 10:00 as standard is due 15:00 and its breach timer is set for then; the
plan changed to premium at 10:20 makes it due 11:00, and the timer moves there. After each post the live answers
equal those of a tracker that judges every stored event, and the verdict is the one ``sla evaluate`` gives.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa

import sla_dsl
from sla_dsl.policy.compiled import Policy
from sla_dsl.policy.load import compile_text
from sla_dsl.serve.ingest import parse_body, unique
from sla_dsl.serve.store import EVENTS, Store
from sla_dsl.serve.tracking import FakeClock, Tracker

from .conftest import tokyo

TEXT = """\
sla "Changes" {
  format 1
  version "2026.1"
  effective 2026-04-01
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

calendar business "営業日" / "Business days" {
  days mon..fri
  hours 10:00-12:00, 13:00-18:00
  holidays JP
}

priority P1 "緊急（プレミアム）" / "Urgent (premium)" {
  when plan = premium
  respond within 1 hour
  complete on incident.resolved
}

priority P1 "緊急" / "Urgent" {
  respond within 4 business hours
  complete on incident.resolved
}
"""

POLICY = Policy(compile_text(TEXT, "changes.sla").model)  # type: ignore[arg-type]
REPORTED = {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "A", "priority": "P1"}
CHANGED = {
    "event": "incident.plan_changed",
    "at": "2026-11-02T10:20:00+09:00",
    "id": "A",
    "attributes": {"plan": "premium"},
}


def _store(tmp_path: Path) -> Store:
    store = Store(f"sqlite:///{tmp_path / 'sla.db'}")
    store.migrate()
    with store.engine.begin() as conn:
        conn.execute(sa.delete(EVENTS))
    return store


def _post(store: Store, clock: FakeClock, *events: dict[str, Any]) -> None:
    rows = parse_body("\n".join(json.dumps(e) for e in events).encode(), [POLICY])
    store.add_events(unique(rows), clock.now())


def _answers(tracker: Tracker) -> dict[str, Any]:
    return {"incidents": tracker.incidents(None), "one": tracker.incident("A"), "timers": tracker.timers(86400.0)}


def _evaluated(events: list[dict[str, Any]], now: float) -> tuple[str, str]:
    tz = dt.timezone(dt.timedelta(hours=9))
    as_of = dt.datetime.fromtimestamp(now, tz)
    report = sla_dsl.evaluate(POLICY, events, dt.date(2026, 11, 1), dt.date(2026, 12, 1), as_of)
    (row,) = report.incidents
    assert row.response_due is not None
    return row.response_due.isoformat(), row.status


def test_a_change_event_chooses_the_rule_again_and_the_timer_follows(tmp_path: Path) -> None:
    store = _store(tmp_path)
    clock = FakeClock(tokyo(2026, 11, 2, 10, 5))
    live = Tracker(store, [POLICY], clock)
    full = Tracker(store, [POLICY], clock, incremental=False)
    try:
        _post(store, clock, REPORTED)
        got = _answers(live)
        assert got == _answers(full)
        assert (got["one"]["row"]["response_due"], got["one"]["row"]["status"]) == ("2026-11-02T15:00:00+09:00", "open")
        assert [t["at"] for t in got["timers"] if t["id"] == "A"] == ["2026-11-02T15:00:00+09:00"]
        assert _evaluated([REPORTED], clock.now()) == ("2026-11-02T15:00:00+09:00", "open")

        clock.set(tokyo(2026, 11, 2, 10, 25))
        _post(store, clock, CHANGED)
        got = _answers(live)
        assert got == _answers(full)
        row = got["one"]["row"]
        assert (row["response_due"], row["status"]) == ("2026-11-02T11:00:00+09:00", "open")
        assert [t["at"] for t in got["timers"] if t["id"] == "A"] == ["2026-11-02T11:00:00+09:00"]
        assert _evaluated([REPORTED, CHANGED], clock.now()) == ("2026-11-02T11:00:00+09:00", "open")

        clock.set(tokyo(2026, 11, 2, 11, 30))  # no response by the premium due time: breached
        got = _answers(live)
        assert got == _answers(full)
        assert got["one"]["row"]["status"] == "breached"
        assert _evaluated([REPORTED, CHANGED], clock.now()) == ("2026-11-02T11:00:00+09:00", "breached")
    finally:
        store.close()
