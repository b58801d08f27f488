"""On a day the zone changes its offset the dashboard's due times and its "updated" time carry their offsets.

A Berlin policy, watched at 02:25 (+02:00) on 25 October 2026, the night the clocks go back from 03:00 CEST
to 02:00 CET: B's resolution is due at 02:10 CET, 45 minutes after now, but the page wrote ``2026-10-25
02:10`` beside an ``Updated 2026-10-25 02:25:00``, which reads as 15 minutes past, and A's response due at
``02:30`` was listed above it. Now every time of that day says its offset, as the report writes a time
(:func:`~sla_dsl.i18n.offset_on_change`): ``2026-10-25 02:10 (+01:00)``; the rows are in the order of their
instants; ``/dashboard.json``'s machine times (``now``, ``due_epoch``) are as they were, and the API's due
times stay ISO 8601 with their offsets. A day that keeps one offset, and Tokyo, show none. The tests of the
offsets failed before the fix.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from sla_dsl.policy.load import load_policy
from sla_dsl.serve import dashboard
from sla_dsl.serve.ingest import parse_body
from sla_dsl.serve.store import Store
from sla_dsl.serve.tracking import FakeClock, Tracker

TEXT = """\
sla "Nordlicht" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Europe/Berlin
  languages ja, en
}

calendar always "24x7" {
  days mon..sun
  hours 00:00-24:00
}

clock response "Time to first response" {
  starts at incident.reported
}

clock resolution "Time to resolution" {
  starts at incident.reported
  stops at incident.resolved
}

priority P1 "Critical" {
  respond within 30 minutes
  resolve within 4 hours on resolution
  complete on incident.resolved
}

service platform "Platform" {
  hours always
  availability target 99.9% monthly
}
"""
EVENTS = [
    {"event": "incident.reported", "at": "2026-10-24T23:10:00+02:00", "id": "B", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-10-24T23:20:00+02:00", "id": "B"},
    {"event": "incident.reported", "at": "2026-10-25T02:00:00+02:00", "id": "A", "priority": "P1"},
]


def _at(text: str) -> float:
    return dt.datetime.fromisoformat(text).timestamp()


def _data(tmp_path: Path, now: float, lang: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The dashboard's data at ``now``, and the API's incidents (``GET /incidents``)."""
    policy = load_policy(TEXT)
    store = Store(f"sqlite:///{tmp_path / 'sla.db'}")
    store.migrate()
    store.add_events(parse_body("\n".join(json.dumps(e) for e in EVENTS).encode(), [policy]), now)
    tracker = Tracker(store, [policy], FakeClock(now))
    try:
        return dashboard.data(tracker, lang), tracker.incidents(None)
    finally:
        store.close()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_times_of_the_day_the_clocks_go_back_say_their_offsets(tmp_path: Path, lang: str) -> None:
    now = _at("2026-10-25T02:25:00+02:00")
    got, incidents = _data(tmp_path, now, lang)
    assert got["now_text"] == "2026-10-25 02:25:00 (+02:00)"
    assert got["now"] == now
    rows = dashboard.rows(got)
    due = [(r["id"], r["due"]) for r in rows]
    assert due == [
        ("A", "2026-10-25 02:30 (+02:00)"),  # the response: 5 minutes from now
        ("B", "2026-10-25 02:10 (+01:00)"),  # the resolution: 45 minutes from now, in the repeated hour
        ("A", "2026-10-25 05:00 (+01:00)"),
    ]
    epochs = [r["due_epoch"] for r in rows]
    assert epochs == sorted(epochs)  # by instant, not by the wall text
    assert epochs[1] == _at("2026-10-25T02:10:00+01:00")
    # the machine times of the API (the response due) are as they were: ISO 8601 with the offset
    assert {i["id"]: i["due"] for i in incidents} == {
        "A": "2026-10-25T02:30:00+02:00",
        "B": "2026-10-24T23:40:00+02:00",
    }


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_day_after_shows_no_offset(tmp_path: Path, lang: str) -> None:
    now = _at("2026-10-26T00:30:00+01:00")
    got, _ = _data(tmp_path, now, lang)
    assert got["now_text"] == "2026-10-26 00:30:00"
    due = ["2026-10-25 02:30 (+02:00)", "2026-10-25 02:10 (+01:00)", "2026-10-25 05:00 (+01:00)"]
    assert [r["due"] for r in dashboard.rows(got)] == due  # (times of the 25th: with their offsets)
