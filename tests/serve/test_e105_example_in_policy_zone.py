"""``POST /events`` refuses a time without an offset (E105) with that time written in the policy's zone.

A Berlin policy's service answered ``"help": "write the offset, e.g. `2026-11-02T10:00:00+09:00`"``, a fixed
Tokyo time. The service has the policy: its 422 body now gives the line's own time with the offset it has in
Berlin, and a time of the hour the clocks repeat with both offsets, as ``sla evaluate`` says them. The test
failed before the fix.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sla_dsl.policy.load import load_policy
from sla_dsl.serve.tracking import FakeClock

from .conftest import Starter
from .test_dashboard_change_day_offsets import TEXT as POLICY


def test_the_422_body_says_the_time_with_the_policys_offset(start: Starter, tmp_path: Path) -> None:
    now = dt.datetime.fromisoformat("2026-10-26T12:00:00+01:00").timestamp()
    c = start(f"sqlite:///{tmp_path / 'sla.db'}", FakeClock(now), pols=[load_policy(POLICY)])
    sent = [
        {"event": "incident.reported", "at": "2026-10-26T09:00:00", "id": "A", "priority": "P1"},
        {"event": "incident.reported", "at": "2026-10-25T02:30:00", "id": "B", "priority": "P1"},
    ]
    r = c.post("/events", json=sent)
    assert r.status_code == 422
    assert [(p["line"], p["code"], p["help"]) for p in r.json()["problems"]] == [
        (1, "E105", "write it with the policy's offset: `2026-10-26T09:00:00+01:00`"),
        (
            2,
            "E105",
            "Berlin time shows it twice (the clock goes back): write `2026-10-25T02:30:00+02:00` for the first time"
            " or `2026-10-25T02:30:00+01:00` for the second",
        ),
    ]
