"""An alert withdrawn (``alert.withdrawn``) that later events make true again is alerted again: once, under a
key of its own (the transition's key and ``|2``), posted after the withdrawal.

A P1 reported at 10:00 on Monday 30 November is at risk at 14:00 and due at 15:00 under the Click So-ko
policy; at 16:00 both alerts fire. A later batch reprioritises it to P2 at 10:30: had that arrived in time,
neither would have fired, so both are withdrawn. A third batch reprioritises it back to P1 at 10:45: the
transitions are those of the first alerts again. Before the fix nothing more was said (their keys had been
fired), and a receiver was left believing the withdrawals. Each test that expects an alert fired again failed
before the fix; the one that expects none guards against an alert fired and withdrawn at every look.
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

import httpx

from sla_dsl.serve.alerts import WITHDRAWN, Sender, Timers, withdrawal_key
from sla_dsl.serve.ingest import parse_body
from sla_dsl.serve.store import Store, Webhook
from sla_dsl.serve.tracking import FakeClock, Tracker

from .conftest import Starter, wait_for
from .test_late_batches import AT_RISK, BREACHED, NOW, REPORTED, by_kind, checked, fired, service, withdrawn
from .test_timers import Hook


def reprioritized(at: str, priority: str) -> dict[str, str]:
    return {"event": "incident.reprioritized", "at": at, "id": "W-1", "priority": priority}


def again_key(key: str, n: int) -> str:
    """The key of the ``n``-th alert of a transition whose own key is ``key`` (the webhooks' contract)."""
    return key if n == 1 else f"{key}|{n}"


TO_P2 = reprioritized("2026-11-30T10:30:00+09:00", "P2")
BACK_TO_P1 = reprioritized("2026-11-30T10:45:00+09:00", "P1")


def test_the_key_of_an_alert_fired_again_reads_back() -> None:
    from sla_dsl.serve import tracking

    assert [tracking.again_key(BREACHED, n) for n in (1, 2, 3)] == [again_key(BREACHED, n) for n in (1, 2, 3)]
    split_key = tracking.split_key
    assert split_key(BREACHED + "|2") == (BREACHED, 2)
    assert split_key(BREACHED) == (BREACHED, 1)
    named = "incident.target_breached#resolve@resolution|H|2|7|-1.500000"  # (an id holding "|2|7")
    assert split_key(named) == (named, 1) and split_key(named + "|3") == (named, 3)


def test_an_alert_withdrawn_and_made_true_again_is_alerted_again_once(start: Starter, db_url: str) -> None:
    hook = Hook()
    try:
        c = start(db_url, FakeClock(NOW), webhooks=(hook.url,))
        fired(c, hook)
        assert c.post("/events", json=TO_P2).status_code == 200
        wait_for(lambda: withdrawn(c) == [AT_RISK, BREACHED], "both withdrawn")
        wait_for(lambda: len(hook.received) == 4, "the two withdrawals delivered")
        assert c.post("/events", json=BACK_TO_P1).status_code == 200
        again = {again_key(AT_RISK, 2), again_key(BREACHED, 2)}
        wait_for(lambda: again <= {r["alert"] for r in hook.received}, "both alerted again")
        wait_for(lambda: checked(c) and service(c).store.pending_deliveries() == 0, "the timers settled")
        order = [r["alert"] for r in hook.received]
        assert sorted(order) == sorted([AT_RISK, BREACHED, withdrawal_key(AT_RISK), withdrawal_key(BREACHED), *again])
        for key in (AT_RISK, BREACHED):  # each after the withdrawal before it
            assert order.index(key) < order.index(withdrawal_key(key)) < order.index(again_key(key, 2))
        bodies = {r["alert"]: r for r in hook.received}
        first, second = bodies[BREACHED], bodies[again_key(BREACHED, 2)]
        assert second["again_after"] == withdrawal_key(BREACHED)
        same = ("kind", "id", "target", "clock", "at", "due", "priority", "policy_version")
        assert {k: second[k] for k in same} == {k: first[k] for k in same}
        assert "again_after" not in first
        # GET /alerts lists it as an alert of its own; the timers check it as any alert
        kinds = by_kind(c)
        assert sorted(a["key"] for a in kinds["incident.breached"]) == [BREACHED, again_key(BREACHED, 2)]
        assert sorted(service(c).timers.raised) == sorted(again)
        assert b'sla_alerts_fired_total{kind="incident.breached"} 2.0' in c.get("/metrics").content
    finally:
        hook.close()


def test_made_wrong_again_it_is_withdrawn_again_and_right_again_alerted_a_third_time(
    start: Starter, tmp_path: Path
) -> None:
    c = start(f"sqlite:///{tmp_path / 'sla.db'}", FakeClock(NOW))
    assert c.post("/events", json=REPORTED).status_code == 200
    wait_for(lambda: {AT_RISK, BREACHED} <= service(c).timers.fired, "the alerts")
    steps = [
        (TO_P2, withdrawal_key(BREACHED)),
        (BACK_TO_P1, again_key(BREACHED, 2)),
        (reprioritized("2026-11-30T11:00:00+09:00", "P2"), withdrawal_key(again_key(BREACHED, 2))),
        (reprioritized("2026-11-30T11:15:00+09:00", "P1"), again_key(BREACHED, 3)),
    ]
    for event, key in steps:
        assert c.post("/events", json=event).status_code == 200
        wait_for(lambda key=key: key in service(c).timers.fired, key)
    wait_for(lambda: checked(c), "the timers settled")
    keys = sorted(a["key"] for a in c.get("/alerts").json()["alerts"] if BREACHED in a["key"])
    assert keys == sorted(
        [
            BREACHED,
            withdrawal_key(BREACHED),
            again_key(BREACHED, 2),
            withdrawal_key(again_key(BREACHED, 2)),
            again_key(BREACHED, 3),
        ]
    )


def test_a_transition_a_look_at_its_instant_does_not_have_is_not_alerted_again(
    db_url: str, policies: list[Any]
) -> None:
    """Reported as P2, made P1 at 14:30: the look as of 16:00 has P1's at-risk transition at 14:00, which a look
    at 14:00 (P2 then) does not have. Its alert fires late; events dated before 14:00 that come after it
    leave it standing, for the look when it was fired, with the events dated up to then, has it (the raise
    judges the incident from its clock start, as the report does): nothing is withdrawn, nothing fired again,
    at any look (an alert fired and withdrawn at every look is what this guards against)."""
    store = Store(db_url)
    store.migrate()
    timers = Timers(Tracker(store, policies, FakeClock(NOW)))
    batches = [
        {**REPORTED, "priority": "P2"},
        reprioritized("2026-11-30T14:30:00+09:00", "P1"),
        {"event": "incident.info_provided", "at": "2026-11-30T11:00:00+09:00", "id": "W-1"},
        {"event": "incident.info_provided", "at": "2026-11-30T11:30:00+09:00", "id": "W-1"},
    ]
    for k, event in enumerate(batches):
        store.add_events(parse_body(json.dumps(event).encode(), policies), NOW)
        for _ in range(2):
            timers.recompute(NOW + k)
            timers.fire_due(NOW + k)
            timers.withdraw_due(NOW + k)
    assert sorted(store.fired_keys()) == sorted([AT_RISK, BREACHED])
    assert timers.pending == [] and timers.withdrawing == []
    store.close()


def test_an_alert_fired_again_waits_for_the_withdrawal_before_it(tmp_path: Path) -> None:
    """The sender keeps an alert fired again back while the withdrawal before it is still to be posted to
    the same webhook, as it keeps a withdrawal back while its alert is."""
    store = Store(f"sqlite:///{tmp_path / 'sla.db'}")
    store.migrate()
    w = Webhook.of("http://receiver.invalid/hook")
    store.fire("k", "incident.breached", "I-1", 1.0, 1.0, json.dumps({"alert": "k"}), [w])
    (d,) = store.claim(w.hook, time.time(), 60.0)
    store.delivered(d, time.time())
    withdrawal = {"alert": withdrawal_key("k"), "kind": WITHDRAWN, "withdraws": "k"}
    store.withdraw(withdrawal_key("k"), WITHDRAWN, "k", "I-1", 1.0, 2.0, json.dumps(withdrawal), [w], time.time())
    body = {"alert": "k|2", "kind": "incident.breached", "id": "I-1", "again_after": withdrawal_key("k")}
    store.fire("k|2", "incident.breached", "I-1", 1.0, 3.0, json.dumps(body), [w])
    posted: list[str] = []

    def receive(request: httpx.Request) -> httpx.Response:
        posted.append(json.loads(request.content)["alert"])
        return httpx.Response(204)

    sender = Sender(store, [w], transport=httpx.MockTransport(receive))

    async def post(*alerts: str) -> None:
        async with httpx.AsyncClient(transport=sender.transport) as client:
            due = {json.loads(d.payload)["alert"]: d for d in store.claim(w.hook, time.time() + 5, 60.0)}
            assert sorted(due) == sorted(alerts)
            for alert in alerts:
                await sender._post(client, w, due[alert])

    # the alert fired again is not taken while the withdrawal before it is still to be posted the first time
    (first,) = store.claim(w.hook, time.time() + 5, 60.0)
    assert json.loads(first.payload)["alert"] == withdrawal_key("k")
    # that post failed (to be tried again much later): the alert fired again is taken, and kept back by the sender
    store.failed(first, time.time() + 3600, "HTTP 500")
    asyncio.run(post("k|2"))
    assert posted == []  # kept back: the withdrawal was still to be posted
    store.delivered(first, time.time())
    asyncio.run(post("k|2"))
    assert posted == ["k|2"]
    store.close()
