"""Timers fire at the policy's thresholds and due times, reach a webhook on 127.0.0.1,
survive a restart without loss or duplicates (fake clock; once with the real one)."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import threading
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest

from sla_dsl.policy import load_policy
from sla_dsl.serve.tracking import FakeClock, RealClock

from .conftest import POLICY, Starter, tokyo, wait_for


class Hook:
    """A webhook receiver on 127.0.0.1 that answers 500 to the first ``fail`` posts."""

    def __init__(self, fail: int = 0) -> None:
        self.fail = fail
        self.received: list[dict[str, Any]] = []
        self.attempts = 0
        hook = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["content-length"]))
                hook.attempts += 1
                if hook.attempts <= hook.fail:
                    self.send_response(500)
                else:
                    hook.received.append(json.loads(body))
                    self.send_response(204)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hook() -> Iterator[Hook]:
    h = Hook(fail=2)
    yield h
    h.close()


P1_AT_FRI_16 = {"event": "incident.reported", "at": "2026-11-27T16:00:00+09:00", "id": "T-1", "priority": "P1"}
AT_RISK = tokyo(2026, 11, 30, 11)  # 3 of 4 business hours: Fri 16-18, Mon 10-11
DUE = tokyo(2026, 11, 30, 12)


def kinds(client: Any) -> list[tuple[str, str]]:
    return sorted((a["kind"], a["item"]) for a in client.get("/alerts").json()["alerts"])


def test_fires_at_threshold_and_due_and_survives_a_restart(start: Starter, db_url: str, hook: Hook) -> None:
    clock = FakeClock(tokyo(2026, 11, 30, 10, 59, 59))
    c = start(db_url, clock=clock, webhooks=(hook.url,))
    assert c.post("/events", json=P1_AT_FRI_16).status_code == 200
    wait_for(lambda: c.app.state.service.timers.next_instant() == AT_RISK, "the at-risk timer")  # type: ignore[attr-defined]
    assert kinds(c) == []
    clock.set(AT_RISK + 0.2)
    alerts = wait_for(lambda: c.get("/alerts").json()["alerts"], "the at-risk alert")
    (a,) = alerts
    assert (a["kind"], a["item"], a["instant"]) == ("incident.at_risk", "T-1", AT_RISK)
    assert 0 <= a["fired"] - AT_RISK < 1.0  # fake clock: the instant it was seen, not wall time
    # the webhook answers 500 twice, then takes it: retried with backoff, delivered once
    wait_for(lambda: hook.received, "the webhook delivery")
    assert hook.attempts == 3 and [r["kind"] for r in hook.received] == ["incident.at_risk"]
    assert (
        hook.received[0]["at"] == "2026-11-30T11:00:00+09:00" and hook.received[0]["due"] == "2026-11-30T12:00:00+09:00"
    )

    # (delivery is at least once: stop only after the delivery is recorded, or it would be posted again)
    wait_for(lambda: c.get("/alerts").json()["alerts"][0]["deliveries"][0]["delivered"], "the delivery record")
    # restart while the due time passes: the breach fires once after it, the at-risk alert is not repeated
    start.stop(c)
    clock.set(DUE + 30)
    c2 = start(db_url, clock=clock, webhooks=(hook.url,))
    wait_for(lambda: len(hook.received) == 2, "the breach delivery")
    assert kinds(c2) == [("incident.at_risk", "T-1"), ("incident.breached", "T-1")]
    breach = hook.received[1]
    assert breach["kind"] == "incident.breached" and breach["late_seconds"] == 30.0
    start.stop(c2)
    c3 = start(db_url, clock=clock, webhooks=(hook.url,))
    c3.get("/incidents")
    assert wait_for(lambda: c3.app.state.service.timers.dirty is False, "the timers")  # type: ignore[attr-defined]
    assert len(kinds(c3)) == 2 and len(hook.received) == 2


def test_a_response_in_time_stops_the_breach(start: Starter, db_url: str) -> None:
    clock = FakeClock(tokyo(2026, 11, 30, 10, 40))
    c = start(db_url, clock=clock)
    assert c.post("/events", json=P1_AT_FRI_16).status_code == 200
    responded = {"event": "incident.responded", "at": "2026-11-30T10:40:00+09:00", "id": "T-1"}
    assert c.post("/events", json=responded).status_code == 200
    clock.set(DUE + 1)
    svc = c.app.state.service  # type: ignore[attr-defined]
    wait_for(lambda: not svc.timers.dirty and svc.timers.next_instant() is None, "the timers to settle")
    assert kinds(c) == []


def test_outage_notice_timer(start: Starter, db_url: str) -> None:
    clock = FakeClock(tokyo(2026, 11, 30, 10))
    c = start(db_url, clock=clock)
    c.post(
        "/events", json={"event": "outage.started", "at": "2026-11-30T09:50:00+09:00", "id": "O-1", "cause": "failure"}
    )
    c.post("/events", json={"event": "outage.recognized", "at": "2026-11-30T10:00:00+09:00", "id": "O-1"})
    (timer,) = c.get("/timers?within=1d").json()["timers"]
    assert timer["kind"] == "outage.notice_breached" and timer["id"] == "O-1"
    # (due: it has passed only once the clock is after its instant; test_targets.py pins the instant itself)
    clock.set(dt.datetime.fromisoformat(timer["at"]).timestamp() + 1)
    wait_for(lambda: kinds(c) == [("outage.notice_breached", "O-1")], "the notice alert")


def test_real_clock(start: Starter, tmp_path: Any) -> None:
    """Once with the real clock: a policy whose P1 target is 1 elapsed hour; 75% falls 2 s from now."""
    text = POLICY.read_text("utf-8").replace("respond within 4 business hours", "respond within 1 hours", 1)
    text = text.replace("  same day if received 4 hours before close of business  # reading 8\n", "", 1)
    policy = load_policy(text)
    now = RealClock().now()
    tz = dt.timezone(dt.timedelta(hours=9))
    reported = dt.datetime.fromtimestamp(now - 45 * 60 + 2, tz).isoformat()
    c = start(f"sqlite:///{tmp_path / 'real.db'}", clock=RealClock(), pols=[policy], tick=1.0)
    c.post("/events", json={"event": "incident.reported", "at": reported, "id": "R-1", "priority": "P1"})
    (alert,) = wait_for(lambda: c.get("/alerts").json()["alerts"], "the real-clock alert")
    assert alert["kind"] == "incident.at_risk" and alert["fired"] >= alert["instant"]
    print(f"real clock: fired {alert['fired'] - alert['instant']:.3f} s after the instant")


class _TrackerThatGetsAnEventWhileLooking:
    """A tracker whose look runs while an event is stored (the request thread's ``touch``)."""

    def __init__(self) -> None:
        self.timers: Any = None
        self.store = SimpleNamespace(
            fired_keys=set,
            first_instant=lambda after=None: None,
            alerts_after=lambda after: [],
            revision=lambda: (0, 0),
            changes_since=lambda seq: ([], seq or 0, 0),
            unchecked=dict,
        )
        self.looks = 0

    def open_view(self, now: float) -> Any:
        self.looks += 1
        self.timers.touch()  # stored and touched while this look runs
        return SimpleNamespace(incidents=[], skeleton=SimpleNamespace(outages=[]))


def test_an_event_stored_while_the_timers_look_is_looked_at_again() -> None:
    from sla_dsl.serve.alerts import Timers

    tracker = _TrackerThatGetsAnEventWhileLooking()
    timers = Timers(tracker)  # type: ignore[arg-type]
    tracker.timers = timers
    timers.recompute(0.0)
    # the look may have read the store before the event was committed: the next pass must look again
    assert tracker.looks == 1 and timers.dirty


def test_nothing_fires_that_the_last_look_saw_only_ahead_of_it(tmp_path: Any) -> None:
    """A transition fires only once a look as of its instant still has it (the response-in-time race)."""
    from sla_dsl.serve.alerts import Timers
    from sla_dsl.serve.ingest import parse_body
    from sla_dsl.serve.store import Store
    from sla_dsl.serve.tracking import Tracker

    policies = [load_policy(POLICY)]
    store = Store(f"sqlite:///{tmp_path / 'sla.db'}")
    store.migrate()
    clock = FakeClock(tokyo(2026, 11, 30, 10, 30))
    timers = Timers(Tracker(store, policies, clock))
    store.add_events(parse_body(json.dumps(P1_AT_FRI_16).encode(), policies), clock.now())
    timers.recompute(clock.now())
    assert [t.kind for t in timers.pending] == ["incident.at_risk", "incident.breached"]
    responded = {"event": "incident.responded", "at": "2026-11-30T10:40:00+09:00", "id": "T-1"}
    store.add_events(parse_body(json.dumps(responded).encode(), policies), clock.now())
    clock.set(DUE + 1)  # the clock passes both instants before the timers look again
    assert timers.fire_due(clock.now()) == [] and kinds_in(store) == []
    timers.recompute(clock.now())
    assert timers.pending == [] and timers.fire_due(clock.now()) == [] and kinds_in(store) == []
    store.close()


def kinds_in(store: Any) -> list[str]:
    return [a["kind"] for a in store.alerts()]
