"""Webhook deliveries: posted only to the webhooks the service was started with (the database names a
webhook by fingerprint, never by its URL), each by one sender, no receiver holding up another's alerts,
and a redirect not followed. Each test failed before its fix."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from sla_dsl.serve import store as store_module
from sla_dsl.serve.alerts import Sender
from sla_dsl.serve.store import ALERTS, DELIVERIES_1, Store, Webhook, redact
from sla_dsl.serve.tracking import FakeClock

from .conftest import Starter, tokyo, wait_for
from .test_timers import Hook

#: At 16:00 on Monday 30 November, a P1 reported at 10:00 that day is past its at-risk instant (14:00) and its
#: due time (15:00) under the Click So-ko policy: both alerts fire as soon as it is stored.
NOW = tokyo(2026, 11, 30, 16)
LATE_P1 = {"event": "incident.reported", "at": "2026-11-30T10:00:00+09:00", "id": "W-1", "priority": "P1"}
KINDS = ["incident.at_risk", "incident.breached"]


def stored_text(db: str) -> str:
    """Every value of every row of every table of ``db``, as text."""
    store = Store(db)
    try:
        with store.engine.connect() as conn:
            out = []
            for name in sa.inspect(conn).get_table_names():
                table = sa.Table(name, sa.MetaData(), autoload_with=conn)
                out.extend(str(tuple(row)) for row in conn.execute(sa.select(table)))
            return "\n".join(out)
    finally:
        store.close()


def states(client: object) -> set[tuple[str, str]]:
    alerts = client.get("/alerts").json()["alerts"]  # type: ignore[attr-defined]
    return {(d["url"], d["state"]) for a in alerts for d in a["deliveries"]}


# -- a webhook removed from the command line ------------------------------------------------------------------
def test_a_webhook_removed_at_a_restart_is_never_posted_to_again(start: Starter, db_url: str) -> None:
    old, new = Hook(fail=10**9), Hook()  # the old receiver answers 500: its deliveries stay pending
    try:
        old_url = old.url + "/old-secret-path?token=OLDSECRET"
        c = start(db_url, FakeClock(NOW), webhooks=(old_url,))
        assert c.post("/events", json=LATE_P1).status_code == 200
        wait_for(lambda: len(c.get("/alerts").json()["alerts"]) == 2, "the two alerts")
        wait_for(lambda: old.attempts >= 2, "the first tries to the old webhook")
        start.stop(c)
        # the database holds no secret of the URL: only its fingerprint and its host
        text = stored_text(db_url)
        assert "OLDSECRET" not in text and "old-secret-path" not in text
        assert Webhook.of(old_url).hook in text
        tried = old.attempts

        c = start(db_url, FakeClock(NOW + 60), webhooks=(new.url,))  # the operator gave another webhook
        wait_for(lambda: len(new.received) == 2 or old.attempts > tried, "the alerts posted")
        assert old.attempts == tried  # the removed webhook got nothing more
        assert sorted(r["kind"] for r in new.received) == KINDS  # and the alerts were not lost
        expected = {(redact(new.url), "delivered"), (redact(old.url), "dropped")}
        wait_for(lambda: states(c) == expected, "the deliveries recorded")
    finally:
        old.close()
        new.close()


def test_with_no_webhook_left_the_alerts_not_delivered_are_dropped_and_said(
    start: Starter, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    old = Hook(fail=10**9)
    try:
        c = start(db, FakeClock(NOW), webhooks=(old.url,))
        assert c.post("/events", json=LATE_P1).status_code == 200
        wait_for(lambda: old.attempts >= 2, "the first tries")
        start.stop(c)
        tried = old.attempts
        caplog.set_level(logging.WARNING, logger="sla.serve")
        c = start(db, FakeClock(NOW + 60))
        assert states(c) == {(redact(old.url), "dropped")}
        # (in the policy's language: Japanese here)
        assert f"送信先 {redact(old.url)} は指定されなくなり、`--webhook` の指定もありません" in caplog.text
        assert "まだ届けていないアラート 2 件は送りません" in caplog.text
        start.stop(c)
        assert old.attempts == tried
    finally:
        old.close()


def test_a_database_of_schema_1_keeps_its_deliveries_and_loses_their_urls(
    start: Starter, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    hook = Hook()
    try:
        url = hook.url + "?token=S1SECRET"
        monkeypatch.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:1])  # an older release's database
        old = Store(db_url)
        assert old.migrate() == 1
        with old.engine.begin() as conn:
            ids = []
            for key in ("k1", "k2"):
                values = {"key": key, "kind": "incident.at_risk", "item": "I-1", "instant": NOW, "fired": NOW}
                stmt = sa.insert(ALERTS).values(**values, payload=json.dumps({"alert": key})).returning(ALERTS.c.id)
                ids.append(conn.execute(stmt).scalar())
            conn.execute(
                sa.insert(DELIVERIES_1),
                [
                    {
                        "alert_id": ids[0],
                        "url": url,
                        "attempts": 3,
                        "next_try": NOW,
                        "delivered": None,
                        "last_error": "HTTP 500",
                    },
                    {
                        "alert_id": ids[1],
                        "url": url,
                        "attempts": 1,
                        "next_try": NOW,
                        "delivered": NOW,
                        "last_error": None,
                    },
                ],
            )
        old.close()
        monkeypatch.undo()

        new = Store(db_url)
        assert new.migrate() == 3
        with new.engine.connect() as conn:
            assert "deliveries" not in sa.inspect(conn).get_table_names()
        new.close()
        assert "S1SECRET" not in stored_text(db_url)
        # started with the same URL, the delivery not done is posted to it, the done one is not
        c = start(db_url, FakeClock(NOW), webhooks=(url,))
        wait_for(lambda: hook.received, "the delivery left pending by the older release")
        wait_for(lambda: states(c) == {(redact(url), "delivered")}, "the delivery recorded")
        assert [r["alert"] for r in hook.received] == ["k1"]
    finally:
        hook.close()


# -- two senders on one database ------------------------------------------------------------------------------
def test_a_delivery_is_taken_by_one_sender_at_a_time(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = Store(db_url), Store(db_url)  # two servers on one database
    a.migrate()
    w = Webhook.of("http://127.0.0.1:9/hook?token=T")
    assert a.fire("k", "incident.at_risk", "I-1", NOW, NOW, "{}", [w]) is not None
    with b.engine.connect() as conn:
        seen = b._due(conn, w.hook, NOW, 10)  # what B reads just before A takes the row
    assert len(seen) == 1
    (d,) = a.claim(w.hook, NOW, lease=60)
    assert b.claim(w.hook, NOW + 1, lease=60) == []  # A's until its lease ends
    monkeypatch.setattr(b, "_due", lambda conn, hook, now, limit: seen)
    assert b.claim(w.hook, NOW + 1, lease=60) == []  # read before A took it: B's compare-and-set fails
    monkeypatch.undo()
    # A died while posting: when its lease ends, B takes the delivery
    (again,) = b.claim(w.hook, NOW + 61, lease=60)
    assert again.alert_id == d.alert_id
    b.delivered(again, NOW + 62)
    assert a.claim(w.hook, NOW + 10_000, lease=60) == [] and a.pending_deliveries() == 0
    a.close()
    b.close()


# -- one receiver that does not answer --------------------------------------------------------------------------
def test_a_webhook_that_does_not_answer_holds_up_no_other(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'sla.db'}")
    store.migrate()
    stuck, good = Webhook.of("http://stuck.invalid/hook"), Webhook.of("http://good.invalid/hook")
    keys = [f"k{i:02d}" for i in range(40)]  # 80 deliveries: more than one take of any sender
    for key in keys:
        store.fire(key, "incident.at_risk", key, NOW, 0.0, json.dumps({"alert": key}), [stuck, good])

    async def scenario() -> list[str]:
        answer = asyncio.Event()
        got: list[str] = []

        async def handle(request: httpx.Request) -> httpx.Response:
            if request.url.host == "stuck.invalid":
                await answer.wait()  # no answer while the test looks
            else:
                got.append(json.loads(request.content)["alert"])
            return httpx.Response(204)

        sender = Sender(store, [stuck, good], backoff=0.01, transport=httpx.MockTransport(handle))
        task = asyncio.create_task(sender.run())

        async def all_posted() -> None:
            while len(got) < len(keys):
                await asyncio.sleep(0.01)

        try:
            await asyncio.wait_for(all_posted(), 60)
        finally:
            answer.set()
            await sender.stop(task)
        return got

    assert sorted(asyncio.run(scenario())) == keys
    store.close()


# -- a redirect -------------------------------------------------------------------------------------------------
def test_a_redirect_is_not_followed_nor_posted_again_and_the_log_says_why(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = Store(f"sqlite:///{tmp_path / 'sla.db'}")
    store.migrate()
    w = Webhook.of("http://moved.invalid/hook?token=RSECRET")
    store.fire("k1", "incident.at_risk", "I-1", NOW, 0.0, '{"alert": "k1"}', [w])
    posts: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        posts.append(str(request.url))
        return httpx.Response(302, headers={"location": "https://elsewhere.invalid/landing?token=LSECRET"})

    def failed() -> bool:
        return [d["state"] for a in store.alerts() for d in a["deliveries"]] == ["failed"]

    async def scenario() -> None:
        sender = Sender(store, [w], backoff=0.01, transport=httpx.MockTransport(handle))
        task = asyncio.create_task(sender.run())
        try:
            deadline = time.monotonic() + 60
            while not failed() and time.monotonic() < deadline:
                await asyncio.sleep(0.01)
        finally:
            await sender.stop(task)

    caplog.set_level(logging.WARNING, logger="sla.serve")
    asyncio.run(scenario())
    assert failed() and store.pending_deliveries() == 0
    assert len(posts) == 1  # one post: a redirect is not followed, and not tried again
    assert "HTTP 302 redirect to https://elsewhere.invalid; redirects are not followed" in caplog.text
    assert "--webhook" in caplog.text
    assert "RSECRET" not in caplog.text and "LSECRET" not in caplog.text
    store.close()
