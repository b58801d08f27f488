"""Timers that fire at each open target's transitions, and the webhook sender.

Design notes
------------
* :class:`Timers` keeps the pending transitions (:func:`.tracking.transitions_of`)
  of the items it watches, sorted by instant, and one background task sleeps
  until the next one (or until new events wake it). Firing an alert is a row
  in the store (unique per kind, item and instant: see :mod:`.store`), so an
  alert is never fired twice, and a restart -- which watches every item again
  -- fires at once whatever fell due while the service was down, and nothing
  else. An alert fired late says by how much (``late_seconds``).
* New events mark the timers dirty; they are recomputed before anything fires
  (a response that arrived in time stops the breach alert) and at most four
  times a second under a burst of ingestion, so judging never sits in the way
  of storing.
* The clock is injected: tests drive a fake one and the loop polls it every
  ``tick`` seconds; with the real clock the loop sleeps until the instant.
* :class:`Sender` posts each pending delivery to its webhook with ``httpx``,
  retrying with exponential backoff (1 s, 2 s, 4 s ... capped at 5 minutes). It
  runs beside ingestion in its own task and only reads and marks rows, so a
  slow or dead receiver never blocks ``POST /events``. At shutdown the posts
  under way are given a few seconds to finish and be recorded, so a clean
  restart does not post them again.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import anyio
import httpx
import orjson

from .store import Delivery, Store
from .tracking import Clock, Tracker, Transition, transitions_of

LOG = logging.getLogger("sla.serve")


def _family(kind: str) -> str:
    return kind.split(".", 1)[0]


class Timers:
    """The pending transitions of the watched items, and firing them."""

    def __init__(
        self,
        tracker: Tracker,
        urls: tuple[str, ...] = (),
        *,
        tick: float = 30.0,
        on_fire: Callable[[Transition, float], None] | None = None,
    ) -> None:
        self.tracker = tracker
        self.store = tracker.store
        self.urls = urls
        self.tick = tick
        self.on_fire = on_fire
        self.watch: set[tuple[str, str]] | None = None  # None: every stored item
        self.pending: list[Transition] = []
        self.fired: set[str] = set()
        self.dirty = True
        self._last = 0.0
        self._lock = threading.Lock()
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    # -- called from request threads -------------------------------------------------------
    def touch(self, items: set[tuple[str, str]]) -> None:
        """New events about ``items``: judge them again before the next firing."""
        with self._lock:
            if self.watch is not None:
                self.watch |= items
            was_dirty, self.dirty = self.dirty, True
        if not was_dirty:  # the loop already knows otherwise: spare the wake-up under a burst
            self.poke()

    def reset(self) -> None:
        """Watch every item again (new policy versions)."""
        self.watch = None
        self.dirty = True
        self.poke()

    def poke(self) -> None:
        """Wake the loop (thread-safe)."""
        if self._loop is not None and self._wake is not None:
            self._loop.call_soon_threadsafe(self._wake.set)

    # -- the work --------------------------------------------------------------------------
    def recompute(self, now: float) -> None:
        """Judge the watched items as of ``now`` and keep their transitions not yet fired."""
        with self._lock:
            self.dirty = False
            items = None if self.watch is None else set(self.watch)
        self._last = time.monotonic()
        if not self.fired:
            self.fired = self.store.fired_keys()
        if items is not None and not items:
            self.pending = []
            return
        first = self.store.first_instant()
        if first is None:
            with self._lock:
                self.pending = []
                # Watch nothing until an event comes, unless one came while the store was read:
                # then ``touch`` saw ``watch is None`` and added nothing, so keep watching everything.
                if not self.dirty:
                    self.watch = set()
            return
        start = self.tracker._day_floor(min(first, now))
        result = self.tracker.evaluate(start, float(int(now) + 1), now, items)
        self.pending = [t for t in transitions_of(result) if t.key not in self.fired]
        keep = {(_family(t.kind), t.item) for t in self.pending}
        with self._lock:  # items touched while judging stay watched
            added = set() if self.watch is None or items is None else self.watch - items
            self.watch = keep | added

    def fire_due(self, now: float) -> list[Transition]:
        """Fire every pending transition at or before ``now``; return those fired here."""
        done: list[Transition] = []
        while self.pending and self.pending[0].instant <= now:
            t = self.pending.pop(0)
            if t.key in self.fired:
                continue
            payload = self.payload(t, now)
            alert_id = self.store.fire(t.key, t.kind, t.item, t.instant, now, payload, self.urls)
            self.fired.add(t.key)
            if alert_id is None:
                continue  # fired before (another process, or before a restart)
            LOG.warning("alert %s %s at %s (fired %.3f s after)", t.kind, t.item, self._iso(t.instant), now - t.instant)
            if self.on_fire is not None:
                self.on_fire(t, now)
            done.append(t)
        return done

    def _iso(self, t: float) -> str:
        return dt.datetime.fromtimestamp(t, self.tracker.tz).isoformat()

    def payload(self, t: Transition, now: float) -> str:
        """The webhook body of an alert (schema in docs/operators/serve.md)."""
        body: dict[str, Any] = {
            "alert": t.key,
            "kind": t.kind,
            "id": t.item,
            "at": self._iso(t.instant),
            "due": self._iso(t.due),
            "priority": t.priority,
            "policy_version": t.version,
            "fired_at": self._iso(now),
            "late_seconds": round(max(now - t.instant, 0.0), 3),
        }
        return orjson.dumps(body).decode()

    def next_instant(self) -> float | None:
        """The earliest pending transition."""
        return self.pending[0].instant if self.pending else None

    async def run(self, clock: Clock, sender: Sender | None) -> None:
        """The timer loop (a background task until cancelled)."""
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        while True:
            now = clock.now()
            nxt = self.next_instant()
            due_now = nxt is not None and nxt <= now
            if self.dirty and (due_now or self.watch is None or time.monotonic() - self._last >= 0.25):
                try:
                    await anyio.to_thread.run_sync(self.recompute, now)
                except Exception as exc:  # the database is away, or a bug: keep the loop alive
                    LOG.error("timers: cannot judge the open items: %s: %s", type(exc).__name__, exc)
                    self.dirty = True
            fired: list[Transition] = []
            nxt = self.next_instant()
            if nxt is not None and nxt <= clock.now():
                try:
                    fired = await anyio.to_thread.run_sync(self.fire_due, clock.now())
                except Exception as exc:  # the database is away: try again on the next tick
                    LOG.error("timers: cannot record alerts: %s", exc)
            if fired and sender is not None:
                sender.poke()
            nxt = self.next_instant()
            wait = self.tick if nxt is None else min(max(nxt - clock.now(), 0.0), self.tick)
            if self.dirty:
                wait = min(wait, 0.25)
            self._wake.clear()
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=wait)
            except TimeoutError:
                pass


class Sender:
    """Posts alerts to webhooks: retried with backoff, never in the way of ingestion."""

    def __init__(self, store: Store, *, backoff: float = 1.0, max_backoff: float = 300.0, timeout: float = 5.0) -> None:
        self.store = store
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.timeout = timeout
        self.sent = 0
        self.failures = 0
        self._wake: asyncio.Event | None = None
        self._stopping = False

    def poke(self) -> None:
        """Look for due deliveries now (call on the event loop)."""
        if self._wake is not None:
            self._wake.set()

    async def stop(self, task: asyncio.Task[None], grace: float = 5.0) -> None:
        """Let the posts under way finish and be recorded (up to ``grace`` seconds), then stop."""
        self._stopping = True
        self.poke()
        try:
            await asyncio.wait_for(asyncio.shield(task), timeout=grace)
        except (TimeoutError, asyncio.CancelledError, Exception):
            task.cancel()

    def delay(self, attempts: int) -> float:
        """Seconds before the next try after ``attempts`` failed ones."""
        return float(min(self.backoff * (2 ** min(attempts, 30)), self.max_backoff))

    async def _post(self, client: httpx.AsyncClient, d: Delivery) -> None:
        try:
            response = await client.post(d.url, content=d.payload, headers={"content-type": "application/json"})
            ok = 200 <= response.status_code < 300
            error = "" if ok else f"HTTP {response.status_code}"
        except httpx.HTTPError as exc:
            ok, error = False, f"{type(exc).__name__}: {exc}"
        now = time.time()
        if ok:
            await anyio.to_thread.run_sync(self.store.delivered, d, now)
            self.sent += 1
        else:
            self.failures += 1
            LOG.warning("webhook %s: attempt %d failed: %s", d.url, d.attempts + 1, error)
            await anyio.to_thread.run_sync(self.store.failed, d, now + self.delay(d.attempts), error)

    async def run(self) -> None:
        """The sender loop (a background task until cancelled)."""
        self._wake = asyncio.Event()
        async with httpx.AsyncClient(timeout=self.timeout, follow_redirects=False) as client:
            while not self._stopping:
                try:
                    due = await anyio.to_thread.run_sync(self.store.due_deliveries, time.time())
                except Exception as exc:
                    LOG.error("webhooks: cannot read deliveries: %s", exc)
                    due = []
                if due:
                    await asyncio.gather(*(self._post(client, d) for d in due))
                    continue
                self._wake.clear()
                try:
                    await asyncio.wait_for(self._wake.wait(), timeout=min(self.backoff, 1.0))
                except TimeoutError:
                    pass
