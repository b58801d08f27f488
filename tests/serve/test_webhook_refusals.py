"""A receiver's answers: a client error other than 408, 425 and 429 is a refusal posting again cannot change,
so the delivery fails for good at once (as a redirect does), the log saying which alert, which webhook, the
status and what to do; the next start posts the alerts that failed again. A timeout, "too early", "too many
requests", a server error and a network error are tried again, after what a ``Retry-After`` header asks
(429 and 503), at most the longest backoff. Each test of a refusal or of ``Retry-After`` failed before the fix
(every failure was tried again after the backoff, forever)."""

from __future__ import annotations

import asyncio
import email.utils
import http.server
import json
import logging
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from sla_dsl.serve.alerts import Sender, retry_after
from sla_dsl.serve.store import Store, Webhook
from sla_dsl.serve.tracking import FakeClock

from .conftest import Starter, tokyo, wait_for

NOW = tokyo(2026, 11, 30, 16)
#: Past its at-risk instant (14:00) and due time (15:00) at 16:00: both alerts fire as soon as it is stored.
LATE_P1 = {"event": "incident.reported", "at": "2026-11-30T10:00:00+09:00", "id": "W-1", "priority": "P1"}
BODY = json.dumps({"alert": "k1", "kind": "incident.breached", "id": "I-1"})


def _one_post(tmp_path: Path, answer: httpx.Response | Exception) -> tuple[Store, Sender, float, float]:
    """One alert posted once to a receiver that gives ``answer``; the store, the sender and the wall clock
    just before and just after the post."""
    store = Store(f"sqlite:///{tmp_path / 'sla.db'}")
    store.migrate()
    w = Webhook.of("http://receiver.invalid/hook?token=SECRET")
    store.fire("k1", "incident.breached", "I-1", NOW, 0.0, BODY, [w])

    def handle(_request: httpx.Request) -> httpx.Response:
        if isinstance(answer, Exception):
            raise answer
        return answer

    sender = Sender(store, [w], transport=httpx.MockTransport(handle))

    async def post() -> tuple[float, float]:
        async with httpx.AsyncClient(transport=sender.transport) as client:
            (d,) = store.claim(w.hook, time.time(), 60.0)
            before = time.time()
            await sender._post(client, w, d)
            return before, time.time()

    before, after = asyncio.run(post())
    return store, sender, before, after


def _delivery(store: Store) -> dict[str, Any]:
    (alert,) = store.alerts()
    (d,) = alert["deliveries"]
    return dict(d)


def _next_try(store: Store) -> float:
    with store.engine.connect() as conn:
        return float(conn.exec_driver_sql("SELECT next_try FROM webhook_deliveries").scalar())


@pytest.mark.parametrize("status", [400, 401, 403, 404, 410, 413, 422])
def test_a_client_error_fails_the_delivery_for_good_and_says_what_to_do(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, status: int
) -> None:
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        store, sender, _, _ = _one_post(tmp_path, httpx.Response(status))
    assert _delivery(store) == {
        "url": "http://receiver.invalid",
        "state": "failed",
        "attempts": 1,
        "delivered": False,
        "last_error": f"HTTP {status}",
    }
    assert store.pending_deliveries() == 0 and sender.failures == 1
    (line,) = [r.getMessage() for r in caplog.records if r.name == "sla.serve"]
    assert line.startswith(
        f"webhook http://receiver.invalid: alert 1 (incident.breached I-1) not delivered: HTTP {status}; "
        "the receiver refuses it"
    ), line
    assert "fix the receiver, or give its right URL with --webhook, then restart" in line
    assert "at a start, the alerts that failed are posted again, to the webhooks then given" in line
    assert "SECRET" not in line
    store.close()


@pytest.mark.parametrize(
    "answer",
    [
        httpx.Response(408),
        httpx.Response(425),
        httpx.Response(429),
        httpx.Response(500),
        httpx.Response(502),
        httpx.Response(503),
        httpx.ConnectError("connection refused"),
    ],
    ids=["408", "425", "429", "500", "502", "503", "network"],
)
def test_an_answer_that_may_change_is_tried_again_after_the_backoff(
    tmp_path: Path, answer: httpx.Response | Exception
) -> None:
    store, sender, before, after = _one_post(tmp_path, answer)
    assert _delivery(store)["state"] == "pending" and store.pending_deliveries() == 1
    assert before + sender.delay(0) <= _next_try(store) <= after + sender.delay(0)
    store.close()


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_in_seconds_is_honoured(tmp_path: Path, status: int) -> None:
    store, _, before, after = _one_post(tmp_path, httpx.Response(status, headers={"retry-after": "120"}))
    assert before + 120 <= _next_try(store) <= after + 120
    store.close()


def test_retry_after_as_a_date_is_honoured(tmp_path: Path) -> None:
    when = email.utils.formatdate(time.time() + 90, usegmt=True)  # (whole seconds)
    store, _, before, after = _one_post(tmp_path, httpx.Response(429, headers={"retry-after": when}))
    assert before + 88 <= _next_try(store) <= after + 91
    store.close()


def test_retry_after_is_capped_by_the_longest_backoff(tmp_path: Path) -> None:
    store, sender, before, after = _one_post(tmp_path, httpx.Response(503, headers={"retry-after": "86400"}))
    assert before + sender.max_backoff <= _next_try(store) <= after + sender.max_backoff
    store.close()


def test_retry_after_values() -> None:
    now = 1_800_000_000.0
    assert retry_after("120", now) == 120.0
    assert retry_after(" 0 ", now) == 0.0
    assert retry_after(email.utils.formatdate(now + 30, usegmt=True), now) == 30.0
    assert retry_after(email.utils.formatdate(now - 30, usegmt=True), now) == 0.0  # a date past: now
    for unreadable in (None, "", "soon", "-5", "1.5"):
        assert retry_after(unreadable, now) is None


# -- through the service: failed at once, posted again at the next start ------------------------------------------
class Receiver:
    """A webhook receiver on 127.0.0.1 answering ``status`` to every post."""

    def __init__(self, status: int) -> None:
        self.status = status
        self.received: list[dict[str, Any]] = []
        self.posts = 0
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["content-length"]))
                receiver.posts += 1
                if 200 <= receiver.status < 300:
                    receiver.received.append(json.loads(body))
                self.send_response(receiver.status)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _states(client: Any) -> list[str]:
    return sorted(d["state"] for a in client.get("/alerts").json()["alerts"] for d in a["deliveries"])


def test_a_refused_alert_is_failed_in_get_alerts_and_posted_again_at_the_next_start(
    start: Starter, db_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    receiver = Receiver(404)  # the receiver's route is missing
    try:
        c = start(db_url, FakeClock(NOW), webhooks=(receiver.url,))
        assert c.post("/events", json=LATE_P1).status_code == 200
        wait_for(lambda: _states(c) == ["failed", "failed"], "both deliveries failed")
        assert receiver.posts == 2  # one post each: not tried again
        start.stop(c)
        receiver.status = 204  # the operator fixed the receiver, and restarts the service
        caplog.set_level(logging.WARNING, logger="sla.serve")
        c = start(db_url, FakeClock(NOW + 60), webhooks=(receiver.url,))
        shown = receiver.url.rsplit("/", 1)[0]
        # (in the policy's language: Japanese here)
        said = f"送信先 {shown}：届けられなかった（転送またはクライアントエラーの）アラート 2 件を、もう一度送ります"
        assert said in caplog.text
        wait_for(lambda: _states(c) == ["delivered", "delivered"], "both delivered")
        assert sorted(r["kind"] for r in receiver.received) == ["incident.at_risk", "incident.breached"]
    finally:
        receiver.close()
