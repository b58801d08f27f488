"""Every open target is watched, not only the priority's response target (review of ``sla serve``, round 2).

The helpdesk example policy gives a P1 incident a resolution target and a periodic update on the
``resolution`` clock, which pauses while the customer is asked for information; ``two-notify``
(below) gives outages a second notification rule. Each finding is pinned by a test that failed
before its fix. SQLite only: none of these depends on the database kind.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sla_dsl.i18n import message
from sla_dsl.policy import load_policies, load_policy
from sla_dsl.serve import dashboard
from sla_dsl.serve.alerts import Timers
from sla_dsl.serve.ingest import parse_body
from sla_dsl.serve.store import Store
from sla_dsl.serve.tracking import FakeClock, Tracker, transitions_of

from .conftest import POLICY, ROOT, Starter, tokyo, wait_for

HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"


def event(kind: str, at: str, ident: str, **more: str) -> dict[str, str]:
    return {"event": kind, "at": at, "id": ident, **more}


#: P1 reported Wed 25 Nov 09:00 and responded 09:20 (helpdesk hours 09-12, 13-18): the response target is
#: met; the resolution target (2 business days = 16 business hours) is due Thu 26 18:00, at risk (75%) at
#: 14:00; the update (every 4 business hours after the response) is due Wed 25 14:20, at risk at 13:20.
H2 = [
    event("incident.reported", "2026-11-25T09:00:00+09:00", "H2", priority="P1"),
    event("incident.responded", "2026-11-25T09:20:00+09:00", "H2"),
]


def lines(events: list[dict[str, Any]]) -> bytes:
    return b"".join(json.dumps(e).encode() + b"\n" for e in events)


def db(tmp_path: Path, name: str = "sla.db") -> str:
    return f"sqlite:///{tmp_path / name}"


def alerts(client: Any) -> list[tuple[str, str, str]]:
    """(kind, item, target) of every alert fired, from their payloads, sorted."""
    out = []
    for a in client.get("/alerts").json()["alerts"]:
        payload = json.loads(a["payload"])
        out.append((a["kind"], a["item"], payload["target"]))
    return sorted(out)


def timers(client: Any, within: str = "10d") -> list[tuple[str, str, str | None, str]]:
    return [
        (t["kind"], t["target"], t["clock"], t["at"]) for t in client.get(f"/timers?within={within}").json()["timers"]
    ]


# -- 1. every target of an incident has its at-risk and due transitions -----------------------------------------
def test_named_targets_have_timers_and_alerts_naming_them(start: Starter, tmp_path: Path) -> None:
    clock = FakeClock(tokyo(2026, 11, 25, 9, 30))
    c = start(db(tmp_path), clock, pols=load_policies([str(HELPDESK)]))
    assert c.post("/events", content=lines(H2)).status_code == 200
    assert timers(c) == [
        ("incident.target_at_risk", "update", "resolution", "2026-11-25T13:20:00+09:00"),
        ("incident.target_breached", "update", "resolution", "2026-11-25T14:20:00+09:00"),
        ("incident.target_at_risk", "resolve", "resolution", "2026-11-26T14:00:00+09:00"),
        ("incident.target_breached", "resolve", "resolution", "2026-11-26T18:00:00+09:00"),
    ]
    clock.set(tokyo(2026, 11, 26, 17))
    wanted = [
        ("incident.target_at_risk", "H2", "resolve"),
        ("incident.target_at_risk", "H2", "update"),
        ("incident.target_breached", "H2", "update"),
    ]
    wait_for(lambda: alerts(c) == wanted, "the alerts up to Thu 17:00")
    clock.set(tokyo(2026, 11, 30, 17))
    wait_for(lambda: len(alerts(c)) == 4, "the resolution breach")
    assert ("incident.target_breached", "H2", "resolve") in alerts(c)
    (breach,) = [
        json.loads(a["payload"])
        for a in c.get("/alerts").json()["alerts"]
        if a["key"].startswith("incident.target_breached#resolve@")
    ]
    assert breach == {
        "alert": "incident.target_breached#resolve@resolution|H2|" + f"{tokyo(2026, 11, 26, 18):.6f}",
        "kind": "incident.target_breached",
        "id": "H2",
        "target": "resolve",
        "clock": "resolution",
        "at": "2026-11-26T18:00:00+09:00",
        "due": "2026-11-26T18:00:00+09:00",
        "priority": "P1",
        "policy_version": "1.0",
        "fired_at": "2026-11-30T17:00:00+09:00",
        "late_seconds": breach["late_seconds"],
    }
    # the metrics count every target; sla_incidents keeps counting incidents by their response target
    text = c.get("/metrics").text
    assert 'sla_incidents{priority="P1",status="met"} 1.0' in text
    assert 'sla_targets{clock="resolution",item="incident",priority="P1",status="breached",target="resolve"} 1.0' in (
        text
    )
    assert 'sla_targets{clock="",item="incident",priority="P1",status="met",target="response"} 1.0' in text
    # the dashboard lists them, by the report's words
    rows = {r["target"]: r for r in dashboard.rows(c.get("/dashboard.json?lang=en").json())}
    assert set(rows) == {"Resolution", "Periodic update"}
    assert rows["Resolution"]["status"] == "breached" and rows["Resolution"]["id"] == "H2"


def test_restart_fires_the_missed_target_alerts_once(start: Starter, tmp_path: Path) -> None:
    helpdesk = load_policies([str(HELPDESK)])
    c = start(db(tmp_path), FakeClock(tokyo(2026, 11, 25, 9, 30)), pols=helpdesk)
    assert c.post("/events", content=lines(H2)).status_code == 200
    start.stop(c)
    c = start(db(tmp_path), FakeClock(tokyo(2026, 11, 27, 10)), pols=helpdesk)  # down while all four passed
    wait_for(lambda: len(alerts(c)) == 4, "the four missed alerts")
    start.stop(c)
    c = start(db(tmp_path), FakeClock(tokyo(2026, 11, 27, 11)), pols=helpdesk)
    timers = c.app.state.service.timers  # type: ignore[attr-defined]
    # once a look after the restart has fired what it found past due, nothing past due is pending
    now = tokyo(2026, 11, 27, 11)
    wait_for(lambda: timers.seen >= now and all(t.instant > now for t in timers.pending), "the look after it")
    assert len(alerts(c)) == 4


#: H3 as H2, with the customer asked for information at 10:00 (an update too) and answering Thu 10:00: the
#: resolution clock pauses for 8 business hours, so its targets' timers move a business day later.
H3 = [
    event("incident.reported", "2026-11-25T09:00:00+09:00", "H3", priority="P1"),
    event("incident.responded", "2026-11-25T09:20:00+09:00", "H3"),
    event("incident.info_provided", "2026-11-25T10:00:00+09:00", "H3"),
]
REPLIED = event("incident.customer_replied", "2026-11-26T10:00:00+09:00", "H3")


def test_a_paused_target_timer_moves(start: Starter, tmp_path: Path) -> None:
    clock = FakeClock(tokyo(2026, 11, 25, 11))
    c = start(db(tmp_path), clock, pols=load_policies([str(HELPDESK)]))
    assert c.post("/events", content=lines(H3)).status_code == 200
    assert timers(c) == []  # paused: nothing falls due while the clock stands still
    paused = dashboard.rows(c.get("/dashboard.json?lang=en").json())
    assert {(r["target"], r["status"], r["running"], r["due_epoch"]) for r in paused} == {
        ("Resolution", "paused", False, None),
        ("Periodic update", "paused", False, None),
    }
    # 15 of the 16 business hours left, standing still (the response target is met: no row)
    assert next(r["left"] for r in paused if r["target"] == "Resolution") == 15 * 3600
    clock.set(tokyo(2026, 11, 26, 10))
    assert c.post("/events", content=lines([REPLIED])).status_code == 200
    assert timers(c) == [
        ("incident.target_at_risk", "update", "resolution", "2026-11-26T14:00:00+09:00"),
        ("incident.target_breached", "update", "resolution", "2026-11-26T15:00:00+09:00"),
        ("incident.target_at_risk", "resolve", "resolution", "2026-11-27T14:00:00+09:00"),
        ("incident.target_breached", "resolve", "resolution", "2026-11-27T18:00:00+09:00"),
    ]


def test_transition_keys_do_not_depend_on_the_look(tmp_path: Path) -> None:
    """An alert's key is the transition's: a look a moment later (a fraction of a second) gives the same keys,
    or the same alert would be fired again on each look."""
    helpdesk = load_policies([str(HELPDESK)])
    store = Store(db(tmp_path))
    store.migrate()
    clock = FakeClock(tokyo(2026, 11, 26, 10))
    store.add_events(parse_body(lines([*H3, REPLIED]), helpdesk), clock.now())
    tracker = Tracker(store, helpdesk, clock)
    looks = [
        tokyo(2026, 11, 26, 10, 0, 1) + 0.123456,
        tokyo(2026, 11, 26, 11, 17, 3) + 0.5,
        tokyo(2026, 11, 26, 12, 30),
    ]
    keys = [[t.key for t in transitions_of(tracker.open_view(now))] for now in looks]
    assert len(keys[0]) == 4 and keys[0] == keys[1] == keys[2]
    store.close()


def test_a_notification_rule_on_incidents_alerts(start: Starter, tmp_path: Path) -> None:
    """A notification rule on an incident event: due 1 elapsed hour after the report, unless responded."""
    text = HELPDESK.read_text("utf-8") + (
        '\nnotify ack "受付通知" / "Acknowledgement" [art 5] {\n'
        "  within 1 hour after incident.reported\n  met by incident.responded\n}\n"
    )
    clock = FakeClock(tokyo(2026, 11, 25, 9, 30))
    c = start(db(tmp_path), clock, pols=[load_policy(text)])
    reported = event("incident.reported", "2026-11-25T09:00:00+09:00", "A1", priority="P3")
    assert c.post("/events", content=lines([reported])).status_code == 200
    assert ("incident.notice_breached", "ack", None, "2026-11-25T10:00:00+09:00") in timers(c, "1h")
    (row,) = [r for r in dashboard.rows(c.get("/dashboard.json?lang=en").json()) if r["target"] == "Acknowledgement"]
    assert row["left"] == 30 * 60 and row["intervals"][0][0] == tokyo(2026, 11, 25, 9, 30)  # elapsed time
    clock.set(tokyo(2026, 11, 25, 10, 0, 1))
    wait_for(lambda: ("incident.notice_breached", "A1", "ack") in alerts(c), "the acknowledgement alert")
    (fired,) = [a for a in c.get("/alerts").json()["alerts"] if a["kind"] == "incident.notice_breached"]
    assert fired["key"] == f"incident.notice_breached#ack|A1|{tokyo(2026, 11, 25, 10):.6f}"


# -- 1. every notification rule on outages has its due transition ----------------------------------------------
TWO_NOTIFY = "\n".join(
    [
        POLICY.read_text("utf-8"),
        'notify first_report "第一報" / "First report" [art 3.1.4] {',
        "  within 1 hour after outage.started",
        "  met by outage.notified",
        "}",
    ]
)


def test_a_second_notification_rule_on_outages_alerts(start: Starter, tmp_path: Path) -> None:
    """Recognised on a Sunday: the recovery notice does not apply (outside business hours), the first report
    (1 elapsed hour after the start) does."""
    clock = FakeClock(tokyo(2026, 12, 6, 2))
    c = start(db(tmp_path), clock, pols=[load_policy(TWO_NOTIFY)])
    started = [
        event("outage.started", "2026-12-06T02:00:00+09:00", "N1"),
        event("outage.recognized", "2026-12-06T02:00:00+09:00", "N1"),
    ]
    assert c.post("/events", content=lines(started)).status_code == 200
    assert timers(c, "1d") == [("outage.notice_breached", "first_report", None, "2026-12-06T03:00:00+09:00")]
    rows = dashboard.rows(c.get("/dashboard.json?lang=ja").json())
    assert [(r["id"], r["target"], r["status"]) for r in rows] == [("N1", "第一報", "open")]
    clock.set(tokyo(2026, 12, 6, 4))
    (fired,) = wait_for(lambda: c.get("/alerts").json()["alerts"], "the first-report alert")
    assert fired["key"] == f"outage.notice_breached#first_report|N1|{tokyo(2026, 12, 6, 3):.6f}"
    assert json.loads(fired["payload"])["target"] == "first_report"
    assert 'sla_targets{clock="",item="outage",priority="",status="breached",target="first_report"} 1.0' in (
        c.get("/metrics").text
    )


def test_the_first_outage_rule_keeps_its_alert_key(start: Starter, tmp_path: Path) -> None:
    """The recovery notice (the first rule) is keyed as before, so an upgrade fires none of its alerts again;
    the first report's key names its rule. Both fall due before the events arrive: they fire late, once."""
    c = start(db(tmp_path), FakeClock(tokyo(2026, 11, 30, 14, 0, 1)), pols=[load_policy(TWO_NOTIFY)])
    started = [
        event("outage.started", "2026-11-30T09:50:00+09:00", "O-1"),
        event("outage.recognized", "2026-11-30T10:00:00+09:00", "O-1"),
    ]
    assert c.post("/events", content=lines(started)).status_code == 200
    wait_for(lambda: len(alerts(c)) == 2, "both notice alerts")
    keys = sorted(a["key"] for a in c.get("/alerts").json()["alerts"])
    assert keys == [
        f"outage.notice_breached#first_report|O-1|{tokyo(2026, 11, 30, 10, 50):.6f}",
        f"outage.notice_breached|O-1|{tokyo(2026, 11, 30, 14):.6f}",
    ]
    assert alerts(c) == [
        ("outage.notice_breached", "O-1", "first_report"),
        ("outage.notice_breached", "O-1", "recovery"),
    ]


# -- 3. a due transition fires only after its instant --------------------------------------------------------
P1_AT_FRI_16 = event("incident.reported", "2026-11-27T16:00:00+09:00", "T-1", priority="P1")
DUE = tokyo(2026, 11, 30, 12)  # Click So-ko: 4 business hours (Fri 16-18, Mon 10-12); at risk at 11:00


def _timers(tmp_path: Path, now: float) -> tuple[Timers, Store, list[Any]]:
    policies = [load_policy(POLICY)]
    store = Store(db(tmp_path))
    store.migrate()
    return Timers(Tracker(store, policies, FakeClock(now))), store, policies


def test_no_breach_alert_at_the_due_instant_for_a_response_made_then(tmp_path: Path) -> None:
    timers, store, policies = _timers(tmp_path, DUE)
    store.add_events(parse_body(lines([P1_AT_FRI_16]), policies), DUE)
    timers.recompute(DUE)
    assert [t.kind for t in timers.fire_due(DUE)] == ["incident.at_risk"]  # the breach has not passed yet
    # the response comes exactly at the due time: met, as `sla evaluate` judges it
    store.add_events(
        parse_body(lines([event("incident.responded", "2026-11-30T12:00:00+09:00", "T-1")]), policies), DUE
    )
    timers.recompute(DUE + 1)
    assert timers.fire_due(DUE + 1) == []
    assert [a["kind"] for a in store.alerts()] == ["incident.at_risk"]
    assert timers.tracker.incident("T-1")["status"] == "met"  # type: ignore[index]
    store.close()


def test_no_notice_alert_at_the_due_instant_for_a_notice_given_then(tmp_path: Path) -> None:
    notice_due = tokyo(2026, 11, 30, 14)  # recognised 10:00, 3 business hours
    timers, store, policies = _timers(tmp_path, notice_due)
    outage = [
        event("outage.started", "2026-11-30T09:50:00+09:00", "O-1", cause="failure"),
        event("outage.recognized", "2026-11-30T10:00:00+09:00", "O-1"),
    ]
    store.add_events(parse_body(lines(outage), policies), notice_due)
    timers.recompute(notice_due)
    assert timers.fire_due(notice_due) == []
    notified = event("outage.notified", "2026-11-30T14:00:00+09:00", "O-1")
    store.add_events(parse_body(lines([notified]), policies), notice_due)
    timers.recompute(notice_due + 1)
    assert timers.fire_due(notice_due + 1) == [] and store.alerts() == []
    store.close()


def test_the_breach_fires_once_the_clock_is_past_due(tmp_path: Path) -> None:
    timers, store, policies = _timers(tmp_path, DUE)
    store.add_events(parse_body(lines([P1_AT_FRI_16]), policies), DUE)
    timers.recompute(DUE + 0.001)
    assert [t.kind for t in timers.fire_due(DUE + 0.001)] == ["incident.at_risk", "incident.breached"]
    store.close()


# -- 7. the dashboard's overdue count is business time ------------------------------------------------------
def test_overdue_time_on_the_dashboard_is_business_time(start: Starter, tmp_path: Path) -> None:
    """Due Mon 12:00; at 13:30 the lunch hour (12-13) is not business time: 30 minutes overdue, not 90."""
    c = start(db(tmp_path), FakeClock(tokyo(2026, 11, 30, 13, 30)))
    assert c.post("/events", content=lines([P1_AT_FRI_16])).status_code == 200
    (row,) = dashboard.rows(c.get("/dashboard.json").json())
    assert row["left"] == -30 * 60 == c.get("/incidents/T-1").json()["business_seconds_left"]
    assert row["target"] == message("report.targets.respond", "ja") and row["running"] is True
    # the script counts on from the server's figure, over the business hours it was sent
    assert row["intervals"][0] == [tokyo(2026, 11, 30, 13, 30), tokyo(2026, 11, 30, 18)]
    assert "row[LEFT] - used[row[CLOCK]]" in dashboard._HTML and "now - row[DUE_AT]" not in dashboard._HTML


# -- 2. GET /report refuses an as_of before from, and an empty one -------------------------------------------
@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "as_of `2026-10-31T12:00:00+09:00` is before from `2026-11-01T00:00:00+09:00`"),
        (None, "`as_of` の `2026-10-31T12:00:00+09:00` が `from` の `2026-11-01T00:00:00+09:00` より前です"),
    ],
)
def test_report_refuses_an_as_of_before_from(start: Starter, tmp_path: Path, lang: str | None, said: str) -> None:
    c = start(db(tmp_path))
    query = "/report?from=2026-11-01&to=2026-12-01&as_of=2026-10-31T12:00:00%2B09:00"
    r = c.get(query + (f"&lang={lang}" if lang else ""))  # (no lang: the policy's primary language, Japanese)
    assert r.status_code == 422, r.text
    assert r.json()["error"].startswith(said)
    assert "--as-of" not in r.json()["error"] and "--from" not in r.json()["error"]
    same = c.get("/report?from=2026-11-01&to=2026-12-01&as_of=2026-11-01&lang=en")  # at from: judged
    assert same.status_code == 200


def test_report_refuses_an_empty_as_of(start: Starter, tmp_path: Path) -> None:
    c = start(db(tmp_path))
    r = c.get("/report?from=2026-11-01&to=2026-12-01&as_of=&lang=en")
    assert r.status_code == 422 and r.json()["error"].startswith("`as_of` is empty")
    ja = c.get("/report?from=2026-11-01&to=2026-12-01&as_of=%20")
    assert ja.status_code == 422 and ja.json()["error"].startswith("`as_of` が空です")
    assert 'sla_requests_rejected_total{reason="422"} 2.0' in c.get("/metrics").text


# -- 6. a 405 says which methods the path allows --------------------------------------------------------------
def test_method_not_allowed_keeps_the_allow_header(start: Starter, tmp_path: Path) -> None:
    c = start(db(tmp_path))
    r = c.put("/events")
    assert r.status_code == 405 and r.json() == {"error": "method not allowed"}
    assert r.headers["allow"] == "POST"
