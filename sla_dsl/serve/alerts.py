"""Timers that fire at each open target's transitions, and the webhook sender.

Design notes
------------
* :class:`Timers` keeps the pending transitions (:func:`.tracking.transitions_of`)
  of the live view's open items (:meth:`.tracking.Tracker.open_view`: the same
  incremental view the API answers from, asked for the incidents not settled),
  sorted by instant, and one background task sleeps until the next one (or
  until new events wake it). Firing an alert is a row
  in the store (unique per kind, item and instant: see :mod:`.store`), so an
  alert is never fired twice, and a restart -- which watches every item again
  -- fires at once whatever fell due while the service was down, and nothing
  else. An alert fired late says by how much (``late_seconds``).
* New events mark the timers dirty; they are recomputed at most four times a
  second under a burst of ingestion, in the timer task, never in the request
  (so judging never sits in the way of storing). A transition fires only when
  a look as of its instant or later still has it: a response stored in time
  stops the breach alert even when the clock passed the due time before the
  timers looked again. A due transition (a breach, a notice not given) has
  passed only once the clock is *after* its instant, and only a look after it
  fires it: the evaluator calls a target met at its due instant met, so no
  breach alert is fired for a target that ends up met
  (:meth:`.tracking.Transition.passed`).
* An event stored with a time a little after the service's clock (within
  the clock skew ``POST /events`` allows) is not in a look before that time:
  the live view judges as of now. So each look also notes the earliest
  stored event instant after it (:attr:`Timers.ahead`), and the loop looks
  again when that instant comes, as it does for a transition: the item's
  transitions are then pending without waiting for another event.
* The clock is injected: tests drive a fake one and the loop polls it every
  ``tick`` seconds; with the real clock the loop sleeps until the instant.
* A transition leaves the pending list only once its alert is stored: when the
  database refuses the write (a connection cut), it stays first in line and
  the loop tries it again after a pause (:data:`PAUSE`), not only when some
  new event comes.
* One alert never holds up the others. A write refused for what it writes
  (:func:`.store.own_failure`: a value the database refuses, an index entry
  too large) would be refused again: the alert is skipped, said in the log,
  and not tried again by this process (a restart tries it once more). A
  write refused otherwise leaves its alert first in line, but the alerts
  after it are still written in the same pass; only a second refusal in one
  pass says the database is away and ends the pass. An alert refused
  :data:`STRIKES` times in passes where the database took other alerts is
  refused for what it is, whatever the error said, and skipped too.
* :class:`Sender` posts each pending delivery to its webhook with ``httpx``,
  retrying with exponential backoff (1 s, 2 s, 4 s ... capped at 5 minutes). It
  runs beside ingestion in its own task and only reads and marks rows, so a
  slow or dead receiver never blocks ``POST /events``. A webhook URL may hold
  a secret (a token in its path or query, a password): the log and ``GET
  /alerts`` show it as ``scheme://host[:port]`` only (:func:`.store.redact`),
  and the database names it by fingerprint (:class:`.store.Webhook`), so the
  sender posts only to the webhooks this process was started with. Each line
  of the log about a delivery names its alert by id (``GET /alerts``'s
  ``id``): a receiver that refuses every alert writes one line per alert.
* Each webhook has its own worker: it takes its due deliveries
  (:meth:`.store.Store.claim`, a few at a time, a lease that keeps another
  sender -- another server on the database -- from posting them too) and
  posts them, so a receiver that does not answer holds up its own alerts
  only, never another webhook's.
* Redirects are not followed (a redirect could carry an alert, and the
  receiver's secret in the URL's path, to another host). An answer 3xx says
  the URL is not the receiver's own: posting again cannot change that, so the
  delivery ``failed`` at once, and the log says where the redirect pointed
  (host only) and what to do: give the final URL with ``--webhook``. At the
  next start, the alerts that failed move to the webhooks then given
  (:meth:`.store.Store.retarget`).
* At shutdown the posts under way are given a few seconds to finish and be
  recorded, so a clean restart does not post them again; those that could not
  finish are given back (:meth:`.store.Store.release`) rather than left for
  their lease to end.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urljoin

import anyio
import httpx
import orjson

from ..errors import printable
from .store import Delivery, Store, Webhook, brief, distinct, own_failure, redact
from .tracking import Clock, Tracker, Transition, transitions_of

LOG = logging.getLogger("sla.serve")
#: Longest pause (seconds) of the timer loop after the database failed it, before it tries again.
PAUSE = 1.0
#: How many passes may refuse one alert while the database takes others before it is skipped (see above).
STRIKES = 3
#: How much of an item's id a line of the log quotes (an id may be as long as an event's line).
SHOWN = 80


class Timers:
    """The pending transitions of the watched items, and firing them."""

    def __init__(
        self,
        tracker: Tracker,
        webhooks: Sequence[Webhook] = (),
        *,
        tick: float = 30.0,
        on_fire: Callable[[Transition, float], None] | None = None,
    ) -> None:
        self.tracker = tracker
        self.store = tracker.store
        self.webhooks = distinct(webhooks)
        self.tick = tick
        self.on_fire = on_fire
        self.pending: list[Transition] = []
        self.fired: set[str] = set()
        #: the keys of the alerts skipped: their write was refused for what they are (not tried again)
        self.skipped: set[str] = set()
        #: how many alerts the last pass left first in line, the database having refused their write
        self.held = 0
        self._strikes: dict[str, int] = {}
        self.dirty = True
        self._last = 0.0
        #: the instant of the last look: only transitions at or before it may fire
        self.seen = float("-inf")
        #: the earliest stored event instant after the last look, when one is: look again then
        self.ahead: float | None = None
        self._lock = threading.Lock()
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    # -- called from request threads -------------------------------------------------------
    def touch(self) -> None:
        """New events were stored: look again before the next firing."""
        with self._lock:
            was_dirty, self.dirty = self.dirty, True
        if not was_dirty:  # the loop already knows otherwise: spare the wake-up under a burst
            self.poke()

    def reset(self) -> None:
        """Look again (new policy versions: the live view starts again by itself)."""
        self.touch()
        self.poke()

    def poke(self) -> None:
        """Wake the loop (thread-safe)."""
        if self._loop is not None and self._wake is not None:
            self._loop.call_soon_threadsafe(self._wake.set)

    # -- the work --------------------------------------------------------------------------
    def recompute(self, now: float) -> None:
        """Look at the open items as of ``now`` and keep their transitions not yet fired.

        ``dirty`` is cleared before the look: an event stored while it runs sets it again,
        so the next pass looks again (the live view reads every event stored since its last look)."""
        with self._lock:
            self.dirty = False
        self._last = time.monotonic()
        if not self.fired:
            self.fired = self.store.fired_keys()
        result = self.tracker.open_view(now)
        self.pending = [t for t in transitions_of(result) if t.key not in self.fired and t.key not in self.skipped]
        self.ahead = self.store.first_instant(after=now)
        self.seen = now

    def fire_due(self, now: float) -> list[Transition]:
        """Fire every pending transition passed at the last look (and ``now``); return those fired here.

        A transition is fired only when a look as of its instant or later (after it, for a due one)
        still has it: an event stored before that look (a response in time) has stopped it. It
        leaves the pending list only once its alert is stored, or is skipped: a write refused for what
        it writes is not tried again; one refused otherwise stays first in line, and the next ones are
        still tried; a second refusal ends the pass, and when nothing was stored the last refusal is
        raised (the database is away)."""
        done: list[Transition] = []
        held: list[tuple[Transition, BaseException]] = []
        upto = min(now, self.seen)
        while self.pending and self.pending[0].passed(upto):
            t = self.pending.pop(0)
            if t.key in self.fired or t.key in self.skipped:
                continue
            try:
                alert_id = self.store.fire(t.key, t.kind, t.item, t.instant, now, self.payload(t, now), self.webhooks)
            except Exception as exc:
                if own_failure(exc):
                    self._skip(t, exc)
                    continue
                held.append((t, exc))
                if len(held) > 1:
                    break  # a second write refused: the database is away
                continue
            self.fired.add(t.key)
            self._strikes.pop(t.key, None)
            if alert_id is None:
                continue  # fired before (another process, or before a restart)
            LOG.warning(
                "alert %s %s at %s (fired %.3f s after)", t.kind, _short(t.item), self._iso(t.instant), now - t.instant
            )
            if self.on_fire is not None:
                self.on_fire(t, now)
            done.append(t)
        self.pending[:0] = [t for t, _ in held]  # first in line again (they came before every one left)
        self.held = len(held)
        if held and not done:
            raise held[-1][1]
        for t, why in held:  # the database took other alerts meanwhile: it refused these for themselves
            self._strikes[t.key] = strikes = self._strikes.get(t.key, 0) + 1
            if strikes < STRIKES:
                LOG.error("timers: cannot record alert %s (tried again shortly): %s", self._named(t), _why(why))
                continue
            self.pending.remove(t)
            self.held -= 1
            self._skip(t, why)
        return done

    def _skip(self, t: Transition, exc: BaseException) -> None:
        """Give up an alert the database refuses for what it is: said in the log, never tried again here."""
        self.skipped.add(t.key)
        self._strikes.pop(t.key, None)
        LOG.error(
            "timers: alert %s cannot be recorded and is skipped (the alerts after it are not held up; a restart "
            "tries it once more): %s",
            self._named(t),
            _why(exc),
        )

    def _named(self, t: Transition) -> str:
        """An alert as a line of the log names it: kind, target, item (its id cut short) and instant."""
        on = f"@{t.clock}" if t.clock else ""
        return f"{t.kind} {printable(t.target + on)} {_short(t.item)} at {self._iso(t.instant)}"

    def _iso(self, t: float) -> str:
        return dt.datetime.fromtimestamp(t, self.tracker.tz).isoformat()

    def payload(self, t: Transition, now: float) -> str:
        """The webhook body of an alert (schema in docs/operators/serve.en.md)."""
        body: dict[str, Any] = {
            "alert": t.key,
            "kind": t.kind,
            "id": t.item,
            "target": t.target,
            "clock": t.clock,
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

    def _passed(self, upto: float) -> bool:
        """Has the first pending transition passed when the clock reads ``upto``?"""
        return bool(self.pending) and self.pending[0].passed(upto)

    def _next_look(self) -> float | None:
        """When to look again whatever arrives: the earliest pending transition, or a stored event's time
        after the last look, whichever comes first."""
        instants = [t for t in (self.next_instant(), self.ahead) if t is not None]
        return min(instants) if instants else None

    async def run(self, clock: Clock, sender: Sender | None) -> None:
        """The timer loop (a background task until cancelled)."""
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        while True:
            failing = False
            now = clock.now()
            due_now = self._passed(now)
            # look again when events came (at most four times a second under a burst, at once when
            # something is due), before firing what the last look saw only as ahead of it, and when
            # an event stored ahead of the last look has come to pass
            came = self.ahead is not None and self.ahead <= now
            stale = (due_now and not self._passed(self.seen)) or came
            if stale or (self.dirty and (due_now or not self._last or time.monotonic() - self._last >= 0.25)):
                try:
                    await anyio.to_thread.run_sync(self.recompute, now)
                except Exception as exc:  # the database is away, or a bug: keep the loop alive
                    LOG.error("timers: cannot judge the open items: %s", _why(exc))
                    self.dirty = failing = True
            fired: list[Transition] = []
            if self._passed(min(clock.now(), self.seen)):
                try:
                    fired = await anyio.to_thread.run_sync(self.fire_due, clock.now())
                except Exception as exc:  # the database is away: the transition waits first in line
                    LOG.error("timers: cannot record an alert (tried again shortly): %s", _why(exc))
                    failing = True
                failing = failing or self.held > 0  # (one refused while others were stored: not at once either)
            if fired and sender is not None:
                sender.poke()
            nxt = self._next_look()
            wait = self.tick if nxt is None else min(max(nxt - clock.now(), 0.0), self.tick)
            if self.dirty:
                wait = min(wait, 0.25)
            wait = max(wait, 0.01)  # never spin
            if failing:  # the database is away: pause before trying again, not a line in the log per tick
                wait = max(wait, min(self.tick, PAUSE))
            self._wake.clear()
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=wait)
            except TimeoutError:
                pass


def _short(item: str) -> str:
    """An item's id as a line of the log quotes it: at most :data:`SHOWN` characters, and how long it is; its
    control characters as their escapes (an id is the log's text: ``ESC``, a carriage return or a line
    break in it must not rewrite the reader's terminal or forge a line of the log)."""
    shown = printable(item[:SHOWN])
    return shown if len(item) <= SHOWN else f"{shown}... ({len(item)} characters)"


def _why(exc: BaseException) -> str:
    """An exception as a line of the log says it (:func:`.store.brief`), its control characters as their
    escapes: a database's or a receiver's message may quote what it was given."""
    return printable(brief(exc))


class Sender:
    """Posts alerts to webhooks: retried with backoff, never in the way of ingestion, one worker per webhook."""

    def __init__(
        self,
        store: Store,
        webhooks: Sequence[Webhook] = (),
        *,
        backoff: float = 1.0,
        max_backoff: float = 300.0,
        timeout: float = 5.0,
        lease: float = 60.0,
        batch: int = 10,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.store = store
        self.webhooks = distinct(webhooks)
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.timeout = timeout
        #: how long (seconds) a delivery taken is this sender's alone: longer than a post and its record take
        self.lease = max(lease, 4 * timeout)
        self.batch = batch
        self.transport = transport
        self.sent = 0
        self.failures = 0
        self._wakes: list[asyncio.Event] = []
        self._stopping = False
        #: the deliveries taken and not recorded yet (given back at a stop)
        self._held: dict[tuple[int, str], Delivery] = {}

    def poke(self) -> None:
        """Look for due deliveries now (call on the event loop)."""
        for wake in self._wakes:
            wake.set()

    async def stop(self, task: asyncio.Task[None], grace: float = 5.0) -> None:
        """Let the posts under way finish and be recorded (up to ``grace`` seconds), then stop; the deliveries
        taken and not posted are given back, due at once for the next start (or another server)."""
        self._stopping = True
        self.poke()
        try:
            await asyncio.wait_for(asyncio.shield(task), timeout=grace)
        except (TimeoutError, asyncio.CancelledError, Exception):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self._held:
            try:
                self.store.release(list(self._held.values()), time.time())
            except Exception as exc:
                LOG.error("webhooks: cannot give back %d deliveries: %s", len(self._held), _why(exc))
            self._held.clear()

    def delay(self, attempts: int) -> float:
        """Seconds before the next try after ``attempts`` failed ones."""
        return float(min(self.backoff * (2 ** min(attempts, 30)), self.max_backoff))

    async def _post(self, client: httpx.AsyncClient, w: Webhook, d: Delivery) -> None:
        final = False
        try:
            response = await client.post(w.url, content=d.payload, headers={"content-type": "application/json"})
            status = response.status_code
            ok = 200 <= status < 300
            error = "" if ok else f"HTTP {status}"
            if 300 <= status < 400:
                final = True
                location = response.headers.get("location")
                if location:
                    error += f" redirect to {redact(urljoin(w.url, location))}"
        except httpx.HTTPError as exc:
            ok, error = False, f"{type(exc).__name__}: {exc}".replace(w.url, w.shown)
        now = time.time()
        if ok:
            await anyio.to_thread.run_sync(self.store.delivered, d, now)
            self.sent += 1
        elif final:
            self.failures += 1
            LOG.error(
                "webhook %s: alert %d not delivered: %s; redirects are not followed, so the alert is not posted "
                "again: give the receiver's own URL with --webhook (at the next start the alerts not delivered "
                "are posted to the webhooks then given)",
                w.shown,
                d.alert_id,
                printable(error),
            )
            await anyio.to_thread.run_sync(lambda: self.store.failed(d, now, error, final=True))
        else:
            self.failures += 1
            LOG.warning(
                "webhook %s: alert %d: attempt %d failed: %s", w.shown, d.alert_id, d.attempts + 1, printable(error)
            )
            await anyio.to_thread.run_sync(self.store.failed, d, now + self.delay(d.attempts), error)
        self._held.pop((d.alert_id, d.hook), None)

    async def _send(self, client: httpx.AsyncClient, w: Webhook, d: Delivery) -> None:
        try:
            await self._post(client, w, d)
        except Exception as exc:  # the database is away: the lease ends and the delivery is taken again
            LOG.error("webhook %s: cannot record a delivery: %s", w.shown, _why(exc))

    async def _worker(self, client: httpx.AsyncClient, w: Webhook) -> None:
        """Take and post the due deliveries to one webhook, until stopped."""
        wake = asyncio.Event()
        self._wakes.append(wake)
        while not self._stopping:
            try:
                due = await anyio.to_thread.run_sync(self.store.claim, w.hook, time.time(), self.lease, self.batch)
            except Exception as exc:
                LOG.error("webhook %s: cannot read deliveries: %s", w.shown, _why(exc))
                due = []
            if due:
                self._held.update(((d.alert_id, d.hook), d) for d in due)
                await asyncio.gather(*(self._send(client, w, d) for d in due))
                continue
            wake.clear()
            try:
                await asyncio.wait_for(wake.wait(), timeout=min(self.backoff, 1.0))
            except TimeoutError:
                pass

    async def run(self) -> None:
        """The sender (a background task until stopped): one worker per webhook."""
        async with httpx.AsyncClient(timeout=self.timeout, follow_redirects=False, transport=self.transport) as client:
            await asyncio.gather(*(self._worker(client, w) for w in self.webhooks))
