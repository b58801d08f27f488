"""Alerts corrected for late batches: an incident's events may arrive in several batches, and a breach (or
at-risk) alert can be fired from the first one while a later one holds an event dated before the alert's
instant -- a response in time, late in arrival only. Such an alert is withdrawn: an ``alert.withdrawn``
alert, recorded once (two servers on one database post it once) and posted to the webhooks after the alert
it withdraws, never before it; an alert not posted yet is not posted at all. Every test that expects a
withdrawal failed before the fix (no alert was ever corrected); those that expect none guard against
withdrawing a true alert."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from sla_dsl.policy import load_policies
from sla_dsl.serve.alerts import WITHDRAWN, withdrawal_key
from sla_dsl.serve.store import Store, Webhook
from sla_dsl.serve.tracking import FakeClock

from .conftest import ROOT, Starter, tokyo, wait_for
from .test_timers import Hook

HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"
#: At 16:00 on Monday 30 November, a P1 reported at 10:00 that day is past its at-risk instant (14:00) and due
#: time (15:00) under the Click So-ko policy: both alerts fire as soon as it is stored.
NOW = tokyo(2026, 11, 30, 16)
REPORTED = {"event": "incident.reported", "at": "2026-11-30T10:00:00+09:00", "id": "W-1", "priority": "P1"}
AT_RISK = "incident.at_risk|W-1|1796014800.000000"
BREACHED = "incident.breached|W-1|1796018400.000000"


def responded(at: str, ident: str = "W-1") -> dict[str, str]:
    return {"event": "incident.responded", "at": at, "id": ident}


def service(client: Any) -> Any:
    return client.app.state.service


def by_kind(client: Any) -> dict[str, list[dict[str, Any]]]:
    """The alerts of ``GET /alerts`` by kind, each with its payload read."""
    out: dict[str, list[dict[str, Any]]] = {}
    for a in client.get("/alerts").json()["alerts"]:
        out.setdefault(a["kind"], []).append({**a, "body": json.loads(a["payload"])})
    return out


def withdrawn(client: Any) -> list[str]:
    """The keys of the alerts withdrawn, sorted."""
    return sorted(a["body"]["withdraws"] for a in by_kind(client).get(WITHDRAWN, []))


def checked(client: Any, *keys: str) -> bool:
    """Have the timers looked at the events stored so far, and checked these alerts against them?"""
    timers = service(client).timers
    if timers.dirty or timers.withdrawing:
        return False
    # (a look clears ``dirty`` before it reads the alerts back: until it has, a key is not there yet)
    raised = [timers.raised.get(k) for k in keys]
    return all(r is not None and r.counted is not None for r in raised)


def fired(client: Any, hook: Hook) -> None:
    """Store the report alone (the first batch): both alerts fire and are delivered."""
    assert client.post("/events", json=REPORTED).status_code == 200
    wait_for(lambda: sorted(r["alert"] for r in hook.received) == [AT_RISK, BREACHED], "the two alerts delivered")


# -- a response in time, in a later batch -------------------------------------------------------------------------
def test_alerts_fired_before_a_later_batch_with_a_response_in_time_are_withdrawn(start: Starter, db_url: str) -> None:
    hook = Hook()
    try:
        c = start(db_url, FakeClock(NOW), webhooks=(hook.url,))
        fired(c, hook)
        assert c.post("/events", json=responded("2026-11-30T11:00:00+09:00")).status_code == 200
        wait_for(lambda: len(hook.received) == 4, "the two withdrawals delivered")
        bodies = {r["alert"]: r for r in hook.received}
        breach = bodies[withdrawal_key(BREACHED)]
        assert breach == {
            "alert": "alert.withdrawn|" + BREACHED,
            "kind": "alert.withdrawn",
            "withdraws": BREACHED,
            "withdrawn_kind": "incident.breached",
            "id": "W-1",
            "target": "response",
            "clock": None,
            "at": "2026-11-30T15:00:00+09:00",
            "due": "2026-11-30T15:00:00+09:00",
            "priority": "P1",
            "policy_version": "2026.1",
            "reason": "met",
            "fired_at": "2026-11-30T16:00:00+09:00",
        }
        risk = bodies[withdrawal_key(AT_RISK)]
        assert (risk["withdrawn_kind"], risk["at"], risk["reason"]) == (
            "incident.at_risk",
            "2026-11-30T14:00:00+09:00",
            "met",
        )
        # each one after the alert it withdraws
        order = [r["alert"] for r in hook.received]
        assert order.index(BREACHED) < order.index(withdrawal_key(BREACHED))
        assert order.index(AT_RISK) < order.index(withdrawal_key(AT_RISK))
        # GET /alerts lists them as alerts of their own, delivered; the originals stay as they were
        assert withdrawn(c) == [AT_RISK, BREACHED]
        wait_for(lambda: service(c).store.pending_deliveries() == 0, "the deliveries recorded")
        alerts = by_kind(c)
        assert [d["state"] for a in alerts[WITHDRAWN] for d in a["deliveries"]] == ["delivered", "delivered"]
        assert [d["state"] for a in alerts["incident.breached"] for d in a["deliveries"]] == ["delivered"]
        assert b'sla_alerts_fired_total{kind="alert.withdrawn"} 2.0' in c.get("/metrics").content
        # nothing more: the incident is met, nothing is alerted again
        wait_for(lambda: checked(c), "the timers settled")
        assert len(hook.received) == 4 and service(c).timers.raised == {}
    finally:
        hook.close()


def test_a_response_after_the_at_risk_instant_withdraws_the_breach_only(start: Starter, tmp_path: Path) -> None:
    hook = Hook()
    try:
        c = start(f"sqlite:///{tmp_path / 'sla.db'}", FakeClock(NOW), webhooks=(hook.url,))
        fired(c, hook)
        assert c.post("/events", json=responded("2026-11-30T14:30:00+09:00")).status_code == 200
        wait_for(lambda: withdrawn(c) == [BREACHED], "the breach withdrawn")
        wait_for(lambda: checked(c, AT_RISK), "the at-risk alert checked")
        assert withdrawn(c) == [BREACHED]  # it was at risk at 14:00: that alert stands
    finally:
        hook.close()


def test_a_response_after_the_due_time_withdraws_nothing(start: Starter, tmp_path: Path) -> None:
    hook = Hook()
    try:
        c = start(f"sqlite:///{tmp_path / 'sla.db'}", FakeClock(NOW), webhooks=(hook.url,))
        fired(c, hook)
        info = {"event": "incident.info_provided", "at": "2026-11-30T11:00:00+09:00", "id": "W-1"}
        late = responded("2026-11-30T15:30:00+09:00")  # late in fact: the breach stands
        assert c.post("/events", content=(json.dumps(info) + "\n" + json.dumps(late)).encode()).status_code == 200
        wait_for(lambda: checked(c, AT_RISK, BREACHED), "both alerts checked against the new events")
        assert withdrawn(c) == [] and len(hook.received) == 2
    finally:
        hook.close()


# -- two servers, a restart -------------------------------------------------------------------------------------------
def test_two_servers_on_one_database_post_one_withdrawal(start: Starter, db_url: str) -> None:
    hook = Hook()
    try:
        a = start(db_url, FakeClock(NOW), webhooks=(hook.url,))
        b = start(db_url, FakeClock(NOW), webhooks=(hook.url,))
        fired(a, hook)  # (server A fired them)
        assert b.post("/events", json=responded("2026-11-30T11:00:00+09:00")).status_code == 200
        wait_for(lambda: withdrawn(a) == [AT_RISK, BREACHED], "both withdrawn")
        # server A looks again too (an event of another incident, due days later)
        other = {"event": "incident.reported", "at": "2026-11-30T15:59:00+09:00", "id": "W-2", "priority": "P3"}
        assert a.post("/events", json=other).status_code == 200
        both = {withdrawal_key(AT_RISK), withdrawal_key(BREACHED)}
        wait_for(lambda: all(both <= service(s).timers.fired and checked(s) for s in (a, b)), "both servers looked")
        wait_for(lambda: service(a).store.pending_deliveries() == 0, "every delivery settled")
        assert sorted(r["alert"] for r in hook.received) == sorted([AT_RISK, BREACHED, *both])  # each once
        assert withdrawn(b) == [AT_RISK, BREACHED]
    finally:
        hook.close()


def test_two_servers_that_both_withdraw_an_alert_record_it_once(db_url: str, policies: list[Any]) -> None:
    from sla_dsl.serve.alerts import Timers
    from sla_dsl.serve.ingest import parse_body
    from sla_dsl.serve.tracking import Tracker

    hook = Webhook.of("http://receiver.invalid/hook")
    stores = [Store(db_url), Store(db_url)]
    stores[0].migrate()
    one, two = (Timers(Tracker(s, policies, FakeClock(NOW)), [hook]) for s in stores)
    stores[0].add_events(parse_body(json.dumps(REPORTED).encode(), policies), NOW)
    for timers in (one, two):
        timers.recompute(NOW)
        timers.fire_due(NOW)
    assert {AT_RISK, BREACHED} <= set(one.raised) & set(two.raised)  # (the second found them fired)
    for _ in range(2):  # posted to the receiver (the breach alert after the at-risk one: taken one at a time)
        for d in stores[0].claim(hook.hook, time.time(), lease=60):
            stores[0].delivered(d, time.time())
    stores[1].add_events(parse_body(json.dumps(responded("2026-11-30T11:00:00+09:00")).encode(), policies), NOW)
    for timers in (one, two):  # both look before either records a withdrawal
        timers.recompute(NOW + 1)
        assert sorted(w.raised.key for w in timers.withdrawing) == [AT_RISK, BREACHED]
    assert one.withdraw_due(NOW + 1) == 2 and two.withdraw_due(NOW + 2) == 0
    rows = [a for a in stores[0].alerts() if a["kind"] == WITHDRAWN]
    assert sorted(json.loads(a["payload"])["withdraws"] for a in rows) == [AT_RISK, BREACHED]
    assert [len(a["deliveries"]) for a in rows] == [1, 1]
    for s in stores:
        s.close()


def test_an_alert_fired_before_a_restart_is_withdrawn_after_it(start: Starter, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    hook = Hook()
    try:
        c = start(db, FakeClock(NOW), webhooks=(hook.url,))
        fired(c, hook)
        wait_for(lambda: service(c).store.pending_deliveries() == 0, "the deliveries recorded")
        start.stop(c)
        c = start(db, FakeClock(NOW + 60), webhooks=(hook.url,))
        wait_for(lambda: checked(c, AT_RISK, BREACHED), "the alerts of the last run read back")
        assert c.post("/events", json=responded("2026-11-30T11:00:00+09:00")).status_code == 200
        wait_for(lambda: withdrawn(c) == [AT_RISK, BREACHED], "both withdrawn")
    finally:
        hook.close()


# -- a named target: met in time, or its due time moved by a pause that arrived late --------------------------------
#: Helpdesk P1 reported Wed 25 Nov 09:00, responded 09:20: the resolution target (16 business hours, 09-12 and
#: 13-18) is at risk (75%) Thu 26 at 14:00 and due at 18:00.
H2 = [
    {"event": "incident.reported", "at": "2026-11-25T09:00:00+09:00", "id": "H2", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-25T09:20:00+09:00", "id": "H2"},
]
RESOLVE_RISK = "incident.target_at_risk#resolve@resolution|H2|" + f"{tokyo(2026, 11, 26, 14):.6f}"
RESOLVE_DUE = "incident.target_breached#resolve@resolution|H2|" + f"{tokyo(2026, 11, 26, 18):.6f}"


def _lines(events: list[dict[str, str]]) -> bytes:
    return b"".join(json.dumps(e).encode() + b"\n" for e in events)


@pytest.mark.parametrize(
    ("late", "gone", "reason"),
    [
        # resolved at 17:00, before the due time: the breach is withdrawn, the at-risk alert (14:00) stands
        ([{"event": "incident.resolved", "at": "2026-11-26T17:00:00+09:00", "id": "H2"}], [RESOLVE_DUE], "met"),
        # the clock paused 10:00-12:00 (asked the customer): at risk at 16:00 and due on Friday instead
        (
            [
                {"event": "incident.info_provided", "at": "2026-11-26T10:00:00+09:00", "id": "H2"},
                {"event": "incident.customer_replied", "at": "2026-11-26T12:00:00+09:00", "id": "H2"},
            ],
            [RESOLVE_DUE, RESOLVE_RISK],
            "changed",
        ),
    ],
    ids=["resolved-in-time", "paused"],
)
def test_a_named_target_alert_is_withdrawn_when_a_late_batch_changes_its_verdict(
    start: Starter, tmp_path: Path, late: list[dict[str, str]], gone: list[str], reason: str
) -> None:
    c = start(
        f"sqlite:///{tmp_path / 'sla.db'}", FakeClock(tokyo(2026, 11, 26, 18, 30)), pols=load_policies([str(HELPDESK)])
    )
    assert c.post("/events", content=_lines(H2)).status_code == 200
    wait_for(lambda: {RESOLVE_RISK, RESOLVE_DUE} <= service(c).timers.fired, "the resolution alerts")
    assert c.post("/events", content=_lines(late)).status_code == 200
    wait_for(lambda: sorted(gone) == [k for k in withdrawn(c) if "#resolve" in k], "the withdrawals")
    wait_for(lambda: checked(c), "the timers settled")
    assert [k for k in withdrawn(c) if "#resolve" in k] == sorted(gone)
    assert {a["body"]["reason"] for a in by_kind(c)[WITHDRAWN] if a["body"]["target"] == "resolve"} == {reason}
    if reason == "changed":  # the alert at the new at-risk instant (16:00) fires, late
        moved = "incident.target_at_risk#resolve@resolution|H2|" + f"{tokyo(2026, 11, 26, 16):.6f}"
        wait_for(lambda: moved in service(c).timers.fired, "the alert at the new instant")


# -- the store: what is not posted yet is not posted; what is being posted is followed by its withdrawal -----------
def test_a_withdrawal_cancels_what_was_not_posted_and_follows_what_was(db_url: str) -> None:
    store = Store(db_url)
    store.migrate()
    taken, done, due, refused = (Webhook.of(f"http://{n}.invalid/hook") for n in ("taken", "done", "due", "refused"))
    hooks = [taken, done, due, refused]
    store.fire("k1", "incident.breached", "I-1", 1.0, 1.0, "{}", hooks)
    now = time.time()
    (being_posted,) = store.claim(taken.hook, now, lease=60)  # a sender is posting it now
    (posted,) = store.claim(done.hook, now, lease=60)
    store.delivered(posted, now)
    (refusal,) = store.claim(refused.hook, now, lease=60)
    store.failed(refusal, now, "HTTP 404", final=True)
    # (the delivery to `due` is due and taken by no sender)
    alert_id = store.withdraw("w1", WITHDRAWN, "k1", "I-1", 1.0, 2.0, '{"withdraws": "k1"}', hooks, time.time())
    assert alert_id is not None
    states = {d["url"]: d["state"] for a in store.alerts() if a["key"] == "k1" for d in a["deliveries"]}
    assert states == {
        "http://taken.invalid": "pending",
        "http://done.invalid": "delivered",
        "http://due.invalid": "withdrawn",
        "http://refused.invalid": "withdrawn",
    }
    (withdrawal,) = [a for a in store.alerts() if a["key"] == "w1"]
    assert sorted(d["url"] for d in withdrawal["deliveries"]) == ["http://done.invalid", "http://taken.invalid"]
    # the withdrawal to `taken` is not even taken while the alert it withdraws is being posted there ...
    assert store.claim(taken.hook, time.time() + 1, lease=60) == []
    # ... and once that post failed (to be tried again), the sender keeps it back while the alert is pending
    store.failed(being_posted, time.time() + 1000, "HTTP 500")
    (d,) = store.claim(taken.hook, time.time() + 1, lease=60)
    assert d.alert_id == alert_id and store.hold(d, "k1", 12345.0) is True
    assert store.claim(taken.hook, 12345.0, lease=60)[0].alert_id == alert_id  # held until then
    store.delivered(being_posted, time.time())
    (d,) = store.claim(taken.hook, time.time() + 120, lease=60)
    assert store.hold(d, "k1", 0.0) is False  # the alert is posted: the withdrawal goes
    # recorded once
    assert store.withdraw("w1", WITHDRAWN, "k1", "I-1", 1.0, 3.0, "{}", hooks, time.time()) is None
    store.close()


def test_a_withdrawal_is_never_posted_before_the_alert_it_withdraws(start: Starter, db_url: str) -> None:
    hook = Hook(fail=10**9)  # the receiver is down: the alerts wait, retried with backoff
    try:
        c = start(db_url, FakeClock(NOW), webhooks=(hook.url,))
        assert c.post("/events", json=REPORTED).status_code == 200
        wait_for(lambda: hook.attempts >= 2, "the first tries")
        assert c.post("/events", json=responded("2026-11-30T11:00:00+09:00")).status_code == 200
        wait_for(lambda: withdrawn(c) == [AT_RISK, BREACHED], "both withdrawn")
        hook.fail = 0  # the receiver is back
        wait_for(lambda: service(c).store.pending_deliveries() == 0, "every delivery settled")
        order = [r["alert"] for r in hook.received]
        states = {a["key"]: [d["state"] for d in a["deliveries"]] for a in c.get("/alerts").json()["alerts"]}
        for key in (AT_RISK, BREACHED):
            if states[key] == ["withdrawn"]:  # not posted before it was withdrawn: neither is posted
                assert key not in order and withdrawal_key(key) not in order
                assert states[withdrawal_key(key)] == []
            else:  # posted (or being posted) when it was withdrawn: then its withdrawal, after it
                assert states[key] == ["delivered"] and states[withdrawal_key(key)] == ["delivered"]
                assert order.index(key) < order.index(withdrawal_key(key))
    finally:
        hook.close()
