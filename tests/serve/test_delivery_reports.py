"""What the service says of its webhook deliveries: the log in the policy's language, the last error in ``GET
/alerts``, and the failed posts in ``GET /metrics``.

* The log's lines about deliveries (an attempt failed, a delivery failed for good on a refusal or a redirect,
  a ``Retry-After``, the deliveries posted again or moved at a start) were English whatever the policy; the
  other lines about the policy follow its primary language. Now they do too; the error as ``GET /alerts``
  keeps it stays in English, as every field of the API.
* ``GET /alerts`` gave a failing delivery's state and attempts, not why it failed: each delivery now has
  ``last_error`` (added; the other fields are as they were).
* No metric counted failed posts: ``sla_webhook_failures_total{outcome="retried"|"failed"}``.

Every test here failed before the fix.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from sla_dsl.i18n import Lang
from sla_dsl.serve.alerts import Sender
from sla_dsl.serve.store import DELIVERIES, DROPPED, Store, Webhook
from sla_dsl.serve.tracking import FakeClock

from .conftest import Starter, tokyo, wait_for
from .test_pause_boundary import POLICY as ENGLISH_POLICY  # (declares no languages: English first)
from .test_webhook_refusals import LATE_P1, NOW, Receiver

BODY = json.dumps({"alert": "k1", "kind": "incident.breached", "id": "I-1"})
#: Latin words a Japanese line of the log may hold besides its data (the webhook, the error, kind and id).
_CODE = re.compile(r"`[^`]*`")


def _post(tmp_path: Path, answer: httpx.Response, lang: Lang) -> tuple[Store, list[str]]:
    """One alert posted once by a sender writing ``lang``, to a receiver that gives ``answer``; the store and
    the lines of the log."""
    tmp_path.mkdir()
    store = Store(f"sqlite:///{tmp_path / 'sla.db'}")
    store.migrate()
    w = Webhook.of("http://receiver.invalid/hook?token=SECRET")
    store.fire("k1", "incident.breached", "I-1", NOW, 0.0, BODY, [w])
    outcomes: list[bool] = []
    sender = Sender(store, [w], transport=httpx.MockTransport(lambda _r: answer), lang=lang, on_failure=outcomes.append)
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("sla.serve")
    logger.addHandler(handler)
    try:

        async def post() -> None:
            async with httpx.AsyncClient(transport=sender.transport) as client:
                (d,) = store.claim(w.hook, time.time(), 60.0)
                await sender._post(client, w, d)

        asyncio.run(post())
    finally:
        logger.removeHandler(handler)
    assert len(outcomes) == 1
    return store, [r.getMessage() for r in records]


def _error(store: Store) -> Any:
    (alert,) = store.alerts()
    (d,) = alert["deliveries"]
    return d["last_error"]


def _japanese(line: str) -> None:
    """A Japanese line: no English words but its data (here: the webhooks, the alert's kind and id, the status)."""
    for quoted in ("http://receiver.invalid", "https://elsewhere.invalid", "incident.breached I-1"):
        line = line.replace(quoted, "")
    data = _CODE.sub("", line)
    assert set(re.findall(r"[A-Za-z]+", data)) <= {"HTTP", "URL"}, line


@pytest.mark.parametrize(
    ("answer", "ja", "en", "stored"),
    [
        (
            httpx.Response(500),
            "送信先 http://receiver.invalid：アラート 1 の 1 回目の送信に失敗しました：HTTP 500",
            "webhook http://receiver.invalid: alert 1: attempt 1 failed: HTTP 500",
            "HTTP 500",
        ),
        (
            httpx.Response(429, headers={"retry-after": "7"}),
            "送信先 http://receiver.invalid：アラート 1 の 1 回目の送信に失敗しました：HTTP 429"
            "（`Retry-After` の指定により、次の送信は 7 秒後）",
            "webhook http://receiver.invalid: alert 1: attempt 1 failed: HTTP 429 (Retry-After: next try in 7 s)",
            "HTTP 429 (Retry-After: next try in 7 s)",
        ),
        (
            httpx.Response(404),
            "送信先 http://receiver.invalid：アラート 1（incident.breached I-1）を届けられませんでした：HTTP 404。"
            "受信側がこのアラートを拒否しており",
            "webhook http://receiver.invalid: alert 1 (incident.breached I-1) not delivered: HTTP 404; the receiver "
            "refuses it",
            "HTTP 404",
        ),
        (
            httpx.Response(301, headers={"location": "https://elsewhere.invalid/x?token=OTHER"}),
            "送信先 http://receiver.invalid：アラート 1（incident.breached I-1）を届けられませんでした：HTTP 301"
            "（https://elsewhere.invalid への転送）。転送（リダイレクト）には従わないため",
            "webhook http://receiver.invalid: alert 1 (incident.breached I-1) not delivered: HTTP 301 redirect to "
            "https://elsewhere.invalid; redirects are not followed",
            "HTTP 301 redirect to https://elsewhere.invalid",
        ),
    ],
    ids=["retried", "retry-after", "refused", "redirect"],
)
def test_a_delivery_line_is_in_the_senders_language_and_the_error_kept_in_english(
    tmp_path: Path, answer: httpx.Response, ja: str, en: str, stored: str
) -> None:
    store, (line,) = _post(tmp_path / "ja", answer, "ja")
    assert line.startswith(ja), line
    _japanese(line)
    assert _error(store) == stored  # (GET /alerts: the API's English)
    store.close()
    store, (line,) = _post(tmp_path / "en", answer, "en")
    assert line.startswith(en), line  # (the English lines are as they were)
    assert _error(store) == stored
    store.close()


def test_a_network_error_quoted_keeps_no_part_of_the_url_that_may_be_secret(tmp_path: Path) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"cannot reach {request.url} (user:hunter2@, /hook/SECRETPATH?token=SECRETQUERY)")

    store = Store(f"sqlite:///{tmp_path / 'sla.db'}")
    store.migrate()
    w = Webhook.of("http://user:hunter2@receiver.invalid/hook/SECRETPATH?token=SECRETQUERY")
    store.fire("k1", "incident.breached", "I-1", NOW, 0.0, BODY, [w])
    sender = Sender(store, [w], transport=httpx.MockTransport(refuse))

    async def post() -> None:
        async with httpx.AsyncClient(transport=sender.transport) as client:
            (d,) = store.claim(w.hook, time.time(), 60.0)
            await sender._post(client, w, d)

    asyncio.run(post())
    error = _error(store)
    assert error.startswith("ConnectError: cannot reach http://receiver.invalid"), error
    for secret in ("hunter2", "SECRETPATH", "SECRETQUERY"):
        assert secret not in error
    store.close()


# -- through the service ---------------------------------------------------------------------------------------
def _said(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "sla.serve"]


def test_the_service_says_its_deliveries_in_the_policys_language(
    start: Starter, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="sla.serve")
    receiver = Receiver(500)
    try:
        shown = receiver.url.rsplit("/", 1)[0]
        japanese = start(f"sqlite:///{tmp_path / 'ja.db'}", FakeClock(NOW), webhooks=(receiver.url,))
        assert japanese.post("/events", json=LATE_P1).status_code == 200  # clicksoko.sla: `languages ja, en`
        wait_for(lambda: any(s.startswith(f"送信先 {shown}：アラート ") for s in _said(caplog)), "a Japanese line")
        start.stop(japanese)
        english = start(
            f"sqlite:///{tmp_path / 'en.db'}", FakeClock(tokyo(2026, 11, 25, 15)), pols=[ENGLISH_POLICY],
            webhooks=(receiver.url,),
        )  # fmt: skip
        event = {"event": "incident.reported", "at": "2026-11-25T10:00:00+09:00", "id": "A", "priority": "P1"}
        assert english.post("/events", json=event).status_code == 200
        wait_for(lambda: any(s.startswith(f"webhook {shown}: alert ") for s in _said(caplog)), "an English line")
        start.stop(english)
    finally:
        receiver.close()
    # at a start with no webhook, the deliveries left are dropped, said in the policy's language
    caplog.clear()
    start(f"sqlite:///{tmp_path / 'ja.db'}", FakeClock(NOW + 60))
    (dropped,) = [s for s in _said(caplog) if s.startswith(f"送信先 {shown} は指定されなくなり")]
    assert "`--webhook` の指定もありません。まだ届けていないアラート 2 件は送りません" in dropped


def test_get_alerts_gives_each_deliverys_last_error_and_the_metrics_count_failed_posts(
    start: Starter, db_url: str
) -> None:
    failing, refusing = Receiver(500), Receiver(404)
    try:
        c = start(db_url, FakeClock(NOW), webhooks=(failing.url, refusing.url))
        text = c.get("/metrics").text  # both series from the start
        assert 'sla_webhook_failures_total{outcome="retried"} 0.0' in text
        assert 'sla_webhook_failures_total{outcome="failed"} 0.0' in text
        assert c.post("/events", json=LATE_P1).status_code == 200

        def deliveries() -> list[dict[str, Any]]:
            return [d for a in c.get("/alerts").json()["alerts"] for d in a["deliveries"]]

        def settled() -> bool:
            ds = deliveries()
            return len(ds) == 4 and all(d["attempts"] >= 2 or d["state"] == "failed" for d in ds)

        wait_for(settled, "the deliveries tried")
        by_url: dict[str, list[dict[str, Any]]] = {}
        for d in deliveries():
            by_url.setdefault(d["url"], []).append(d)
        failed, pending = by_url[refusing.url.rsplit("/", 1)[0]], by_url[failing.url.rsplit("/", 1)[0]]
        assert [(d["state"], d["attempts"], d["delivered"], d["last_error"]) for d in failed] == [
            ("failed", 1, False, "HTTP 404")
        ] * 2
        assert {(d["state"], d["delivered"], d["last_error"]) for d in pending} == {("pending", False, "HTTP 500")}
        assert all(list(d) == ["url", "state", "attempts", "delivered", "last_error"] for d in deliveries())
        text = c.get("/metrics").text
        assert 'sla_webhook_failures_total{outcome="failed"} 2.0' in text
        retried = re.search(r'sla_webhook_failures_total\{outcome="retried"\} (\d+)\.0', text)
        assert retried is not None and int(retried.group(1)) >= 4
        assert "# TYPE sla_webhook_failures_total counter" in text
        failing.status = 204  # the receiver is back: its last error is gone with the delivery
        wait_for(lambda: {d["state"] for d in deliveries() if d["url"] == pending[0]["url"]} == {"delivered"}, "done")
        assert {d["last_error"] for d in deliveries() if d["state"] == "delivered"} == {None}
    finally:
        failing.close()
        refusing.close()


def test_a_dropped_or_withdrawn_delivery_keeps_its_last_error(tmp_path: Path) -> None:
    """Marked ``dropped`` (or ``withdrawn``), a delivery keeps the error of its last attempt; what earlier
    releases wrote in its place (the reason the state says) is no error."""
    store = Store(f"sqlite:///{tmp_path / 'sla.db'}")
    store.migrate()
    gone, kept = Webhook.of("http://gone.invalid/hook"), Webhook.of("http://kept.invalid/hook")
    store.fire("k1", "incident.breached", "I-1", NOW, 0.0, BODY, [gone])
    (d,) = store.claim(gone.hook, time.time(), 60.0)
    store.failed(d, time.time(), "HTTP 503")
    store.retarget([kept], time.time())  # `gone` is no longer given
    states = {(x["url"], x["state"], x["last_error"]) for a in store.alerts() for x in a["deliveries"]}
    assert states == {("http://gone.invalid", "dropped", "HTTP 503"), ("http://kept.invalid", "pending", None)}
    with store.engine.begin() as conn:  # as an earlier release left it
        conn.execute(
            DELIVERIES.update().where(DELIVERIES.c.state == DROPPED).values(last_error="its webhook is no longer given")
        )
    assert [x["last_error"] for a in store.alerts() for x in a["deliveries"] if x["state"] == DROPPED] == [None]
    store.close()
