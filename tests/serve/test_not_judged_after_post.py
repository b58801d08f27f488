"""The list of the incidents not judged is built again when a version is added.

The service found the stored incidents its versions cannot judge (the version in force at their clock start does
not define their priority) at start and at each event, never when ``POST /policies`` added a version. An event
may be stored up to five minutes after the service's clock (the clock skew ``POST /events`` allows): at 23:58,
an incident reported with P3 at 00:00:30 the next day is judged under the version in force, which defines P3.
A version taking effect that day without P3 is then posted: it judges the incident, which it cannot. Before the
fix ``GET /incidents/ID`` still answered the incident judged as before the version, or 404, the gauge
``sla_incidents_not_judged`` said 0 and the log said nothing. The test failed before the fix.
"""

from __future__ import annotations

import logging
import re

import pytest

from sla_dsl.serve.tracking import FakeClock

from .conftest import POLICY, Starter, tokyo

#: Mon 30 Nov 2026 23:58 in Tokyo: the clock skew reaches into 1 December
NOW = tokyo(2026, 11, 30, 23, 58)
SKEWED = {"event": "incident.reported", "at": "2026-12-01T00:00:30+09:00", "id": "SK-1", "priority": "P3"}


def _v2_without_p3() -> str:
    text = POLICY.read_text("utf-8")
    out = re.sub(r'\npriority P3 ".*?\n}\n', "\n", text, count=1, flags=re.S)
    out = out.replace("rules priority P1, priority P2, priority P3", "rules priority P1, priority P2")
    out = out.replace('version "2026.1"', 'version "2026.2"').replace("effective 2026-04-01", "effective 2026-12-01")
    assert "priority P3" not in out and 'version "2026.2"' in out
    return out


def _gauge(client: object) -> str:
    text: str = client.get("/metrics").text  # type: ignore[attr-defined]
    return next(line for line in text.splitlines() if line.startswith("sla_incidents_not_judged "))


def test_a_version_posted_makes_the_list_of_incidents_not_judged_again(
    start: Starter, db_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FakeClock(NOW)
    c = start(db_url, clock=clock)
    assert c.post("/events", json=SKEWED).json()["stored"] == 1
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        r = c.post("/policies", content=_v2_without_p3().encode())
        assert r.status_code == 200, r.text
        assert _gauge(c) == "sla_incidents_not_judged 0.0"  # (as of 23:58 the incident is not there yet)
        clock.set(tokyo(2026, 12, 1, 0, 1))
        assert _gauge(c) == "sla_incidents_not_judged 1.0"  # (looked at again once the clock passed its event)
    said = [x.getMessage() for x in caplog.records if x.name == "sla.serve" and "SK-1" in x.getMessage()]
    (line,) = said
    assert line.startswith("保存済みの案件 1 件を判定していません。") and "`SK-1`（優先度 `P3`、版 2026.2）" in line
    body = c.get("/incidents/SK-1").json()
    assert (body["judged"], body["policy_version"], body["priority"]) == (False, "2026.2", "P3")
    assert c.get("/incidents").json()["incidents"] == []


def test_a_version_posted_after_the_event_time_makes_the_list_at_once(
    start: Starter, db_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """An incident whose clock started before the new version's date keeps the version it started under: the
    list built again leaves it judged, and the log says nothing of it."""
    clock = FakeClock(tokyo(2026, 11, 30, 23, 59, 50))
    c = start(db_url, clock=clock)
    early = {**SKEWED, "id": "SK-2", "at": "2026-11-30T23:59:45+09:00"}
    assert c.post("/events", json=early).json()["stored"] == 1
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        assert c.post("/policies", content=_v2_without_p3().encode()).status_code == 200
    assert c.get("/incidents/SK-2").json()["judged"] is True  # (under 2026.1: its clock started before 2026.2)
    assert _gauge(c) == "sla_incidents_not_judged 0.0"
    assert not [x for x in caplog.records if "SK-2" in x.getMessage()]
