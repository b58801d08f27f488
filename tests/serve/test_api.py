"""The HTTP API of ``sla serve``, the same tests against SQLite and a real PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from sla_dsl.evaluation import judge_log
from sla_dsl.events.reader import EventInputError, read_events, read_text
from sla_dsl.policy import declared_types
from sla_dsl.serve.tracking import FakeClock

from .conftest import EVENTS, POLICY, Starter, tokyo

#: After the example log's last event (2026-12-09): every event of it has happened.
AFTER_LOG = tokyo(2026, 12, 10)

BAD_BATCH = (
    b'{"event": "incident.reported", "at": "2026-11-27T16:00:00+09:00", "id": "A-1", "priority": "P1"}\n'
    b'{"event": "incident.reported", "at": "2026-11-27 16:00", "id": "A-2", "priority": "P1"}\n'
    b"not json\n"
    b'{"event": "incident.teleported", "at": "2026-11-27T16:00:00+09:00", "id": "A-3"}\n'
)


def reported(ident: str, at: str, priority: str = "P1") -> dict[str, str]:
    return {"event": "incident.reported", "at": at, "id": ident, "priority": priority}


def count(client: Any) -> int:
    n: int = client.get("/healthz").json()["events"]
    return n


def test_ingest_is_idempotent(start: Starter, db_url: str) -> None:
    c = start(db_url, FakeClock(AFTER_LOG))
    body = EVENTS.read_bytes()
    first = c.post("/events", content=body)
    assert first.status_code == 200, first.text
    assert first.json() == {"received": 662, "stored": 661, "duplicates": 1}  # the file repeats one event
    again = c.post("/events", content=body)
    assert again.json() == {"received": 662, "stored": 0, "duplicates": 662}
    # the same event with its keys in another order is the same event
    one = reported("INC-001", "2026-11-02T09:00:00+09:00")
    swapped = dict(reversed(list(one.items())))
    assert c.post("/events", json=swapped).json()["stored"] == 0
    assert count(c) == 661


def test_a_bad_batch_stores_nothing_and_says_what_the_cli_says(start: Starter, db_url: str) -> None:
    c = start(db_url)
    r = c.post("/events", content=BAD_BATCH)
    assert r.status_code == 422
    got = [p["text"] for p in r.json()["problems"]]
    with pytest.raises(EventInputError) as cli:
        read_text(BAD_BATCH.decode(), "<request>", declared=declared_types(start.policies))  # (as sla evaluate reads)
    assert got == [str(p) for p in cli.value.problems]
    assert [p["line"] for p in r.json()["problems"]] == [2, 3, 4]
    assert count(c) == 0  # the good first line was not stored either
    many = c.post("/events", content=b"x\n" * 500).json()
    assert len(many["problems"]) == 100 and many["more_problems"] == 400


def test_an_unknown_priority_is_the_evaluators_e120(start: Starter, db_url: str) -> None:
    c = start(db_url)
    r = c.post(
        "/events",
        json=[reported("B-1", "2026-11-27T16:00:00+09:00"), reported("B-2", "2026-11-27T16:00:00+09:00", "P9")],
    )
    assert r.status_code == 422
    (problem,) = r.json()["problems"]
    assert problem["code"] == "E120" and problem["line"] == 2
    assert problem["message"] == "unknown priority `P9` in `incident.reported`"
    assert count(c) == 0


def test_an_event_outside_the_supported_years_is_the_evaluators_e123(start: Starter, db_url: str) -> None:
    c = start(db_url)
    r = c.post(
        "/events",
        json=[reported("C-1", "2026-11-27T16:00:00+09:00"), reported("C-2", "1850-11-27T16:00:00+09:00")],
    )
    assert r.status_code == 422
    (problem,) = r.json()["problems"]
    assert problem["code"] == "E123" and problem["line"] == 2
    assert count(c) == 0


def test_late_and_out_of_order_events(start: Starter, db_url: str) -> None:
    c = start(db_url)
    responded = {"event": "incident.responded", "at": "2026-11-27T17:00:00+09:00", "id": "C-1"}
    assert c.post("/events", json=responded).status_code == 200  # before its report arrives
    assert c.post("/events", json=reported("C-1", "2026-11-27T16:00:00+09:00")).status_code == 200
    (inc,) = c.get("/incidents").json()["incidents"]
    assert inc["id"] == "C-1" and inc["status"] == "met"
    assert inc["business_seconds_used"] == 3600.0


def test_incidents_by_status_and_one_in_full(start: Starter, db_url: str) -> None:
    c = start(db_url)  # the fake clock stands at Mon 2026-11-30 10:00 Tokyo
    c.post("/events", json=reported("D-1", "2026-11-27T16:00:00+09:00"))  # due Mon 12:00: open
    c.post("/events", json=reported("D-2", "2026-11-27T14:00:00+09:00"))  # due Fri 18:00: breached
    c.post("/events", json=reported("D-3", "2026-11-27T15:00:00+09:00"))  # due Mon 11:00, 75% at Mon 10:00
    by_status = {i["id"]: i["status"] for i in c.get("/incidents").json()["incidents"]}
    assert by_status == {"D-1": "open", "D-2": "breached", "D-3": "at_risk"}
    assert [i["id"] for i in c.get("/incidents?status=open,at_risk").json()["incidents"]] == ["D-3", "D-1"]
    bad = c.get("/incidents?status=opened")
    assert bad.status_code == 422 and bad.json()["error"] == "unknown status `opened`"
    one = c.get("/incidents/D-1").json()
    assert one["due"] == "2026-11-30T12:00:00+09:00"
    assert one["business_seconds_used"] == 7200.0 and one["business_seconds_left"] == 7200.0
    assert one["row"]["status"] == "open" and any("due Mon 30 Nov 12:00" in s["text"] for s in one["row"]["explain"])
    assert [(t["kind"], t["at"]) for t in one["transitions"]] == [
        ("incident.at_risk", "2026-11-30T11:00:00+09:00"),
        ("incident.breached", "2026-11-30T12:00:00+09:00"),
    ]
    missing = c.get("/incidents/NOPE")
    assert missing.status_code == 404 and missing.json() == {
        "error": "no incident `NOPE`",
        "help": "GET /incidents lists them",
    }


def test_timers_within(start: Starter, db_url: str) -> None:
    c = start(db_url)
    c.post("/events", json=reported("E-1", "2026-11-27T16:00:00+09:00"))
    assert [t["kind"] for t in c.get("/timers?within=1h").json()["timers"]] == ["incident.at_risk"]
    assert [t["kind"] for t in c.get("/timers?within=2h").json()["timers"]] == ["incident.at_risk", "incident.breached"]
    assert c.get("/timers?within=soon").status_code == 422


def _cli_report(fmt: str) -> dict[str, Any]:
    from sla_dsl.policy import load_policies

    policies = load_policies([str(POLICY)])
    tz = policies[0].tz
    result = judge_log(
        policies, read_events(EVENTS), dt.datetime(2026, 11, 1, tzinfo=tz), dt.datetime(2026, 12, 1, tzinfo=tz)
    )
    out = io.BytesIO()
    result.write_json(out)
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def test_report_is_the_cli_report_over_the_stored_events(start: Starter, db_url: str) -> None:
    c = start(db_url, FakeClock(AFTER_LOG))
    c.post("/events", content=EVENTS.read_bytes())
    r = c.get("/report?from=2026-11-01&to=2026-12-01&format=json")
    assert r.status_code == 200
    served, cli = r.json(), _cli_report("json")
    for key in ("policy", "period", "incidents", "outages", "planned_stops", "maintenance", "availability", "backups"):
        assert served[key] == cli[key], key
    md = c.get("/report?from=2026-11-01&to=2026-12-01&format=markdown&lang=ja")
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
    html = c.get("/report?from=2026-11-01&to=2026-12-01&format=html")
    assert html.status_code == 200 and "<html" in html.text
    # no `lang`: the policy's primary language (clicksoko.sla declares `languages ja, en`), as the CLI
    assert 'lang="ja"' in html.text and "2026年11月度" in html.text
    en = c.get("/report?from=2026-11-01&to=2026-12-01&format=html&lang=en")
    assert 'lang="en"' in en.text and "2026年11月度" not in en.text
    assert c.get("/report?from=2026-11-01").status_code == 422
    bad = c.get("/report?from=yesterday&to=2026-12-01")
    assert bad.status_code == 422 and "`yesterday`" in bad.json()["error"]
    outages = c.get("/outages").json()["outages"]  # as of the fake now, 10 Dec: every outage of the log
    assert [o["id"] for o in outages] == [o["id"] for o in cli["outages"]]


def test_metrics(start: Starter, db_url: str) -> None:
    c = start(db_url)
    c.post("/events", json=reported("F-1", "2026-11-27T16:00:00+09:00"))
    c.post("/events", content=b"{")
    text = c.get("/metrics").text
    assert 'sla_incidents{priority="P1",status="open"} 1.0' in text
    assert "sla_events_stored_total 1.0" in text
    assert 'sla_requests_rejected_total{reason="422"} 1.0' in text
    assert 'sla_availability_ratio{service="content"}' in text
    assert "sla_timer_lag_seconds_count" in text


def test_token_and_body_limit(start: Starter, db_url: str) -> None:
    c = start(db_url, token="s3cret-token-0123456789", max_body=2000)
    event = reported("G-1", "2026-11-27T16:00:00+09:00")
    assert c.post("/events", json=event).status_code == 401
    assert c.post("/events", json=event, headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = c.post("/events", json=event, headers={"Authorization": "Bearer s3cret-token-0123456789"})
    assert ok.status_code == 200
    huge = b"\n".join([json.dumps(event).encode()] * 100)
    too_big = c.post("/events", content=huge, headers={"Authorization": "Bearer s3cret-token-0123456789"})
    assert too_big.status_code == 413 and "over the limit" in too_big.json()["error"]
    assert c.get("/incidents").status_code == 200  # reads need no token
    assert count(c) == 1


def test_policy_versions(start: Starter, db_url: str, tmp_path: Path) -> None:
    c = start(db_url)
    c.post("/events", json=reported("H-1", "2026-11-27T16:00:00+09:00"))
    text = POLICY.read_text("utf-8")
    v2 = text.replace('version "2026.1"', 'version "2026.2"').replace("effective 2026-04-01", "effective 2026-12-01")
    v2 = v2.replace("respond within 4 business hours", "respond within 2 business hours", 1)
    past = v2.replace("effective 2026-12-01", "effective 2026-11-01").replace('"2026.2"', '"2026.3"')
    r = c.post("/policies", content=past.encode())
    assert r.status_code == 422 and "has begun" in r.json()["error"]
    named = c.post("/policies", content=str(POLICY).encode())  # a file name is text to compile, never opened
    assert named.status_code == 422 and named.json()["problems"]
    broken = c.post("/policies", content=b'sla "x" {')
    assert broken.status_code == 422 and broken.json()["problems"][0]["text"].startswith("<request>:1:")
    added = c.post("/policies", content=v2.encode())
    assert added.status_code == 200, added.text
    assert [v["version"] for v in added.json()["versions"]] == ["2026.1", "2026.2"]
    assert c.post("/policies", content=v2.encode()).status_code == 409
    one = c.get("/incidents/H-1").json()  # its clock started under 2026.1: still 4 business hours
    assert one["policy_version"] == "2026.1" and one["due"] == "2026-11-30T12:00:00+09:00"
    # a restart keeps the version added over HTTP
    start.stop(c)
    again = start(db_url)
    assert [v["version"] for v in again.get("/policies").json()["versions"]] == ["2026.1", "2026.2"]


def test_errors_are_answers(start: Starter, db_url: str) -> None:
    c = start(db_url)
    assert c.get("/nowhere").status_code == 404
    assert c.get("/nowhere").json() == {"error": "not found"}
    assert c.post("/events", content=b"").status_code == 422
    assert c.post("/events", content=b"\xff\xfe").status_code == 422
    assert c.post("/events", content=b"[1, 2]").status_code == 422
    assert c.put("/events").status_code == 405
    assert count(c) == 0


def test_fake_now_is_tokyo() -> None:
    assert tokyo(2026, 11, 30, 10) == dt.datetime(2026, 11, 30, 1, tzinfo=dt.UTC).timestamp()


def test_an_empty_store_answers_everything(start: Starter, db_url: str) -> None:
    c = start(db_url)
    for path in ("/incidents", "/outages", "/timers", "/alerts", "/policies", "/metrics", "/", "/?lang=en"):
        assert c.get(path).status_code == 200, path
    assert c.get("/dashboard.json").json()["incidents"] == []


def test_concurrent_duplicates_are_stored_once(start: Starter, db_url: str) -> None:
    import threading

    c = start(db_url)
    batch = b"".join(json.dumps(reported(f"K-{i}", "2026-11-27T16:00:00+09:00")).encode() + b"\n" for i in range(50))
    answers: list[dict[str, int]] = []

    def post() -> None:
        answers.append(c.post("/events", content=batch).json())

    threads = [threading.Thread(target=post) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(a["stored"] for a in answers) == 50 and count(c) == 50
