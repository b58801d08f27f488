"""The alerts of one incident reach a webhook in the order they fired.

A sender posts up to ten deliveries to a webhook at once. Before the fix an incident's at-risk and breach
alerts were taken in the same batch and posted side by side: a receiver slow to answer the first got the
breach alert before the at-risk one was answered. Now a delivery is not taken while an alert about the same
item fired before it has not had its first attempt to the same webhook; other incidents' alerts are not held
up, nor is an incident's next alert held up for good by one the receiver keeps failing.
No timing: the receiver records what it got and in which order, and holds its answer on an event.
"""

from __future__ import annotations

import asyncio
import json

import httpx

from sla_dsl.serve.alerts import Sender
from sla_dsl.serve.store import Store, Webhook

from .conftest import tokyo

NOW = tokyo(2026, 11, 30, 16)
HOOK = Webhook.of("http://receiver.invalid/hook")


def _store(db_url: str) -> Store:
    """Three alerts fired in this order: I-1's at-risk and breach alerts, and I-2's breach alert."""
    store = Store(db_url)
    store.migrate()
    for key, kind, item in (
        ("at_risk|I-1", "incident.at_risk", "I-1"),
        ("breached|I-1", "incident.breached", "I-1"),
        ("breached|I-2", "incident.breached", "I-2"),
    ):
        store.fire(key, kind, item, NOW, 0.0, json.dumps({"alert": key, "kind": kind, "id": item}), [HOOK])
    return store


def _run(store: Store, handle: object, done: asyncio.Event) -> None:
    async def scenario() -> None:
        sender = Sender(store, [HOOK], backoff=0.01, transport=httpx.MockTransport(handle))  # type: ignore[arg-type]
        task = asyncio.create_task(sender.run())
        try:
            await asyncio.wait_for(done.wait(), 60)
        finally:
            await sender.stop(task)

    asyncio.run(scenario())


def test_a_slow_answer_to_an_alert_holds_back_the_next_alert_of_its_incident_only(db_url: str) -> None:
    store = _store(db_url)
    seen: list[str] = []
    release = asyncio.Event()
    done = asyncio.Event()

    async def handle(request: httpx.Request) -> httpx.Response:
        key = json.loads(request.content)["alert"]
        seen.append(f"got {key}")
        if key == "at_risk|I-1":
            await release.wait()  # the receiver is slow to answer I-1's first alert ...
        elif key == "breached|I-2":
            release.set()  # ... while another incident's alert goes through
        seen.append(f"answered {key}")
        if len([s for s in seen if s.startswith("answered")]) == 3:
            done.set()
        return httpx.Response(204)

    try:
        _run(store, handle, done)
        assert done.is_set(), seen
        # I-2's alert was not held up by I-1's slow one; I-1's breach alert came after its at-risk alert was answered
        assert seen.index("got breached|I-2") < seen.index("answered at_risk|I-1"), seen
        assert seen.index("answered at_risk|I-1") < seen.index("got breached|I-1"), seen
        assert store.pending_deliveries() == 0
    finally:
        store.close()


def test_an_alert_the_receiver_keeps_failing_does_not_hold_back_the_next_alerts_for_good(db_url: str) -> None:
    """The next alert of the incident waits for the first attempt of the one before it, not for its success: a
    receiver that answers 500 to one alert for hours does not hold up the breach alert after it (one alert never
    holds up the others)."""
    store = _store(db_url)
    seen: list[str] = []
    done = asyncio.Event()

    def handle(request: httpx.Request) -> httpx.Response:
        key = json.loads(request.content)["alert"]
        seen.append(f"got {key}")
        if key == "at_risk|I-1":
            seen.append(f"failed {key}")
            return httpx.Response(500)  # always: tried again after a backoff, for as long as it fails
        seen.append(f"delivered {key}")
        if {"delivered breached|I-1", "delivered breached|I-2"} <= set(seen):
            done.set()
        return httpx.Response(204)

    try:
        _run(store, handle, done)
        assert done.is_set(), seen
        assert seen.index("failed at_risk|I-1") < seen.index("got breached|I-1"), seen
        assert store.pending_deliveries() == 1  # (the at-risk alert, still tried again)
    finally:
        store.close()
