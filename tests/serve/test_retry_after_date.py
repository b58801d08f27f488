"""A ``Retry-After`` given as an HTTP date is waited for in whole seconds, rounded up (never earlier than
the receiver asks): the log line and the delivery's ``last_error`` say ``next try in 30 s`` as the
operator's guide writes it, where they said ``next try in 29.0209 s`` (the date's distance from the
instant the answer was read)."""

from __future__ import annotations

import asyncio
import email.utils
import logging
import re
import time
from pathlib import Path

import httpx
import pytest

from sla_dsl.serve.alerts import Sender, retry_after
from sla_dsl.serve.store import Store, Webhook

from .test_webhook_refusals import NOW

BODY = '{"alert": "k1", "kind": "incident.breached", "id": "I-1"}'


def test_a_date_is_rounded_up_to_whole_seconds() -> None:
    now = 1_800_000_000.25
    assert retry_after(email.utils.formatdate(1_800_000_030, usegmt=True), now) == 30.0  # 29.75 s away
    assert retry_after(email.utils.formatdate(1_800_000_001, usegmt=True), now) == 1.0
    assert retry_after(email.utils.formatdate(1_800_000_000, usegmt=True), now) == 0.0  # past: now


def test_the_log_and_last_error_say_whole_seconds(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    store = Store(f"sqlite:///{tmp_path / 'sla.db'}")
    store.migrate()
    w = Webhook.of("http://receiver.invalid/hook")
    store.fire("k1", "incident.breached", "I-1", NOW, 0.0, BODY, [w])

    def answer(_request: httpx.Request) -> httpx.Response:
        # a date 30 s after a fraction of a second that has already begun: never a whole distance
        when = email.utils.formatdate(int(time.time()) + 30, usegmt=True)
        return httpx.Response(429, headers={"retry-after": when})

    sender = Sender(store, [w], transport=httpx.MockTransport(answer), lang="en")

    async def post() -> None:
        async with httpx.AsyncClient(transport=sender.transport) as client:
            (d,) = store.claim(w.hook, time.time(), 60.0)
            await sender._post(client, w, d)

    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        asyncio.run(post())
    (said,) = [r.getMessage() for r in caplog.records]
    assert re.fullmatch(r".*HTTP 429 \(Retry-After: next try in (29|30) s\)", said), said
    ((delivery,),) = [a["deliveries"] for a in store.alerts()]
    assert re.fullmatch(r"HTTP 429 \(Retry-After: next try in (29|30) s\)", delivery["last_error"])
    store.close()
