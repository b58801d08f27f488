"""A stored incident whose version does not define its priority is said, not left in silence.

Two versions: 2026.1 (from 2026-04-01: P1, P2, P3) and 2026.2 (from 2026-12-01, adds P0). An incident reported
with P0 just before 2026.2 takes effect is judged under 2026.1, which lacks P0: ``sla evaluate`` lists it under
the violations as ``data`` and judges nothing else of it, and so does ``GET /report``. Before the fix the
service stored it (``{"received": 1, "stored": 1}``) and then said nothing: ``GET /incidents/H`` answered 404
``no incident `H```, no log line, no metric, no word at start. Likewise a reprioritisation of a 2026.1
incident to P0 (not applied: the incident stays as it was) was only a data note of the report.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from sla_dsl.policy import load_policies
from sla_dsl.policy.compiled import Policy
from sla_dsl.policy.load import compile_text
from sla_dsl.serve import Settings
from sla_dsl.serve.app import Service
from sla_dsl.serve.tracking import FakeClock

from .conftest import POLICY, Starter, tokyo

#: Tue 1 Dec 2026 10:00 in Tokyo (in the real past: the deliveries are posted)
NOW = tokyo(2026, 12, 1, 10)
LATE_P0 = {"event": "incident.reported", "at": "2026-11-30T23:59:59+09:00", "id": "H", "priority": "P0"}


def _versions() -> list[Policy]:
    text = POLICY.read_text("utf-8")
    v2 = text.replace('version "2026.1"', 'version "2026.2"').replace("effective 2026-04-01", "effective 2026-12-01")
    p1 = text[text.index('priority P1 "') : text.index('priority P2 "')]
    v2 = v2.replace('priority P1 "', p1.replace("priority P1", "priority P0", 1) + 'priority P1 "', 1)
    v2 = v2.replace("rules priority P1, priority P2", "rules priority P0, priority P1, priority P2")
    compiled = compile_text(v2, "<v2>")
    assert compiled.model is not None and not compiled.errors
    return [*load_policies([str(POLICY)]), Policy(compiled.model)]


def _said(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "sla.serve"]


def test_an_incident_its_version_cannot_judge_is_said(
    start: Starter, db_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    c = start(db_url, clock=FakeClock(NOW), pols=_versions())
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        assert c.post("/events", json=LATE_P0).json()["stored"] == 1
    (line,) = [s for s in _said(caplog) if "`H`" in s]
    assert line.startswith("案件 `H` は保存しましたが、判定していません。優先度 `P0` が、この案件を判定する版 2026.1")
    assert "版 2026.2 には 2026年12月1日(火) から定められています" in line and "（P1、P2、P3）" in line
    # GET /incidents/H: 200, the incident stored and not judged, with its data note (as GET /report words it:
    # the engine's English with lang=en; the policy's primary language, Japanese, without)
    assert c.get("/incidents/H").json()["data"][0]["message"] == "優先度「P0」は規定の版 2026.1 に定められていません"
    r = c.get("/incidents/H?lang=en")
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    assert (body["id"], body["priority"], body["policy_version"], body["judged"]) == ("H", "P0", "2026.1", False)
    assert body["status"] is None and body["row"] is None and body["transitions"] == []
    (note,) = body["data"]
    assert note["message"] == "priority `P0` is not defined in version 2026.1"
    assert note["at"] == "2026-11-30T23:59:59+09:00"
    report = c.get("/report?from=2026-11-01&to=2026-12-02").json()
    assert any(v["kind"] == "data" and v["id"] == "H" and v["message"] == note["message"] for v in report["violations"])
    assert c.get("/incidents").json()["incidents"] == []  # (not judged: not listed, as the report lists it not)
    assert "sla_incidents_not_judged 1.0" in c.get("/metrics").text.splitlines()
    assert c.get("/incidents/NOPE").status_code == 404
    # a reprioritisation to a priority 2026.1 defines has it judged: the count follows
    fixed = {"event": "incident.reprioritized", "at": "2026-12-01T09:00:00+09:00", "id": "H", "priority": "P1"}
    assert c.post("/events", json=fixed).json()["stored"] == 1
    assert c.get("/incidents/H").json()["judged"] is True
    assert "sla_incidents_not_judged 0.0" in c.get("/metrics").text.splitlines()


def test_a_reprioritisation_not_applied_is_said(start: Starter, db_url: str, caplog: pytest.LogCaptureFixture) -> None:
    c = start(db_url, clock=FakeClock(NOW), pols=_versions())
    reported = {"event": "incident.reported", "at": "2026-11-30T09:00:00+09:00", "id": "J", "priority": "P1"}
    moved = {"event": "incident.reprioritized", "at": "2026-11-30T10:00:00+09:00", "id": "J", "priority": "P0"}
    assert c.post("/events", json=reported).status_code == 200
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        assert c.post("/events", json=moved).json()["stored"] == 1
    # (the timers' alerts of J may be logged meanwhile: the line of the change is the one said here)
    (line,) = [s for s in _said(caplog) if "`J`" in s and "優先度の変更" in s]
    assert line.startswith(
        "案件 `J` の 2026-11-30T10:00:00+09:00 の優先度の変更（`P0` へ）は適用していません。優先度 `P0` が、"
    )
    assert "案件は優先度 `P1` のまま判定し" in line and "優先度を変えるには" in line
    body = c.get("/incidents/J?lang=en").json()
    assert (body["priority"], body["judged"]) == ("P1", True)
    assert [n["message"] for n in body["data"]] == ["priority `P0` is not defined in version 2026.1"]
    assert "sla_incidents_not_judged 0.0" in c.get("/metrics").text.splitlines()  # (judged: not counted)


def test_the_start_names_the_incidents_not_judged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    service = Service(_versions(), Settings(db=db), FakeClock(NOW))
    service.ingest(
        b'{"event": "incident.reported", "at": "2026-11-30T23:59:59+09:00", "id": "H", "priority": "P0"}\n'
        b'{"event": "incident.reported", "at": "2026-11-30T09:00:00+09:00", "id": "J", "priority": "P1"}\n'
        b'{"event": "incident.reprioritized", "at": "2026-11-30T10:00:00+09:00", "id": "J", "priority": "P0"}\n'
    )
    service.store.close()
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        again = Service(_versions(), Settings(db=db), FakeClock(NOW))
    said = _said(caplog)
    assert any(
        s.startswith("保存済みの案件 1 件を判定していません。") and "`H`（優先度 `P0`、版 2026.1）" in s for s in said
    )
    assert any(s.startswith("保存済みの案件 1 件で、優先度の変更を適用していません。") and "`J`" in s for s in said)
    assert again.tracker.not_judged_count() == 1
    again.store.close()
