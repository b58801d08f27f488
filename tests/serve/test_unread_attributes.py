"""``sla serve``: attributes on an event that does not carry them are kept and reported, never refused.

They are kept as sent (extra fields are) and the live report says, as ``sla
evaluate`` does, that they are not read (a ``data`` violation at the request's
line). Not refused: a store may already hold such events, stored when they
were ignored, and must still start. SQLite only: the database plays no part.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sla_dsl.serve.tracking import FakeClock

from .conftest import Starter, tokyo

NOW = tokyo(2026, 11, 30, 10)
REPORT = "/report?from=2026-11-01&to=2026-12-01"
REPORTED = {"event": "incident.reported", "at": "2026-11-30T09:00:00+09:00", "id": "A", "priority": "P1"}
RESPONDED = {"event": "incident.responded", "at": "2026-11-30T09:10:00+09:00", "id": "A", "attributes": {"plan": "x"}}


def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'sla.db'}"


def data(client: Any) -> list[str]:
    return [v["message"] for v in client.get(REPORT).json()["violations"] if v["kind"] == "data"]


def test_kept_as_sent_and_reported_after_a_restart(start: Starter, tmp_path: Path) -> None:
    c = start(db(tmp_path), FakeClock(NOW))
    r = c.post("/events", content=json.dumps([REPORTED, RESPONDED]).encode())
    assert r.status_code == 200, r.text
    assert c.get("/incidents/A").json()["status"] == "met"  # the response counts, its attributes are not read
    said = "attributes on incident.responded of `A` are not read; those of incident.reported count"
    assert data(c) == [said]  # (no `<store>:N`: a line of the store's read means nothing to a client)
    start.stop(c)
    again = start(db(tmp_path), FakeClock(NOW))  # a store holding such an event starts, and says the same
    assert again.get("/incidents/A").json()["status"] == "met"
    assert len(data(again)) == 1
