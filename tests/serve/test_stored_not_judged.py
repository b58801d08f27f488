"""``GET /incidents/{id}`` answers 404 only when no event of the id is stored, as the API table says (a QA
report): an ``incident.responded`` for an id never reported, and an ``incident.reported`` dated a little
after the service's clock (within the clock skew) were answered 404 ``no incident`` though stored. They
are answered ``judged: false`` with the events stored and a note saying why.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sla_dsl.serve.tracking import FakeClock

from .conftest import Starter, tokyo

NOW = tokyo(2026, 11, 30, 10)


def lines(events: list[dict[str, Any]]) -> bytes:
    return b"".join(json.dumps(e).encode() + b"\n" for e in events)


def test_stored_events_of_an_incident_not_judged_are_answered(start: Starter, tmp_path: Path) -> None:
    clock = FakeClock(NOW)
    c = start(f"sqlite:///{tmp_path / 'sla.db'}", clock)
    orphan = {"event": "incident.responded", "at": "2026-11-30T09:00:00+09:00", "id": "ORPHAN"}
    soon = {"event": "incident.reported", "at": "2026-11-30T10:02:00+09:00", "id": "SOON", "priority": "P1"}
    assert c.post("/events", content=lines([orphan, soon])).status_code == 200

    r = c.get("/incidents/ORPHAN?lang=en")  # (the engine's English, as GET /report's JSON)
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["id"], body["judged"], body["status"], body["row"]) == ("ORPHAN", False, None, None)
    assert body["events"] == [orphan]
    (note,) = body["data"]
    # the data violation GET /report lists, in its words
    report = c.get("/report?from=2026-11-01&to=2026-12-01").json()
    (violation,) = [v for v in report["violations"] if v["kind"] == "data" and v["id"] == "ORPHAN"]
    assert note["message"].startswith(violation["message"]) and "GET /report" in note["message"]
    assert note["at"] == "2026-11-30T09:00:00+09:00"

    r = c.get("/incidents/SOON?lang=en")
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["judged"], body["priority"], body["events"]) == (False, "P1", [soon])
    (note,) = body["data"]
    assert note["message"].startswith("not judged yet:") and note["at"] == "2026-11-30T10:02:00+09:00"

    assert c.get("/incidents/NEVER-SENT").status_code == 404  # no event of the id stored
    clock.set(tokyo(2026, 11, 30, 10, 3))  # its time has come: judged
    body = c.get("/incidents/SOON").json()
    assert (body["judged"], body["status"]) == (True, "open") and "events" not in body
