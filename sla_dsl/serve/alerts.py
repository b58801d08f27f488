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
* **An alert the events that arrived after it make wrong is withdrawn.** An
  incident's events may come in several batches: a breach alert can be fired
  from a look that has the report but not the response, stored a moment later
  (or hours later) with a time before the due time -- late in arrival, not in
  fact. Each look first reads which items have events stored since the last
  one (the store's sequence numbers, with the count check of the live view:
  when a commit under a lower number is found, every alert is looked at), and
  each alert fired (:class:`Raised`, held for every alert in the database,
  another server's too) whose item has an event dated at or before its instant
  that its last check did not count is judged again as of its instant with
  every event now stored (:class:`AsOf`: the evaluator, as the live view calls
  it). A look at that instant that does not have the alert means it would not
  have fired had the events arrived in time: an ``alert.withdrawn`` alert is
  recorded (key ``alert.withdrawn|<key>``, unique as every alert, so two
  servers record it once) and posted. Events dated after the instant never
  withdraw an alert: a target met late was breached. A server that fired an
  alert looks again shortly after, so an event stored while it fired is not
  missed whichever server took it. At most :data:`CHECKS` alerts are judged in
  a pass. Why not hold breach alerts for a grace period instead: every true
  breach would be late by it, and a batch later than it (an import, a sender
  that was down for an hour) would still make a wrong alert, never corrected.
* **A late batch is looked at even if the server dies before its timers
  do.** The check above starts from the events a look reads; a start reads
  none (every event stored before it is taken for looked at), so a server
  killed between the commit of a batch and the look would leave the alerts
  it makes wrong standing, silently. The transaction that stores a batch
  notes it (:meth:`.store.Store.add_events`, ``unchecked_batches``); each
  look reads the notes before the events, and the notes read are deleted
  (:meth:`Timers._settle_checked`) only once every alert of the items with
  new events has been judged (none left over :data:`CHECKS`) and each
  withdrawal that made recorded. The first look of a start judges the
  alerts of the items the notes left name, as if their events had just
  arrived, and nothing else: a big database starts as fast. The items a look
  reads are kept to check before anything else in it can fail (the
  database away), so a look that fails midway loses none. Servers starting
  together each judge them (a withdrawal is recorded once), and an alert
  another server fired is judged once by every server that reads it
  (:meth:`Timers._learn`): one fired from a look that had not the batch yet,
  by a server that died before it looked again, is not left to it alone.
* **An alert a policy version accepted on purpose no longer has is withdrawn
  too.** The operator may accept an edit of a version in use, or a new
  version whose ``effective`` date has begun (:meth:`.app.Service`): every
  stored event is then judged under it, due times move, and the transitions
  at the new instants fire as any other. The alerts fired under the old
  rules are not judged again by the check above (no event came), so the
  start that serves the accepted text notes it in the database
  (:meth:`.store.Store.accept_served`, in the transaction that records the
  text), the service hands the note to the timers at start, and their
  first look plans the check (:meth:`Timers._plan_accepted`):
  every alert fired from the version's first day on (within the live
  view's period) is judged again as of its instant, as above (:class:`AsOf`,
  under the versions now served), at most :data:`CHECKS` a pass, and one
  that look does not have is withdrawn, the reason ``policy_changed``. The
  note is deleted only once every one was judged and each withdrawal
  recorded (:meth:`Timers._settle_accepted`): a start stopped before that
  leaves the check to the next start, and servers starting together each
  make it (a withdrawal is recorded once, as every alert).
* A withdrawal never reaches a receiver before the alert it withdraws: the
  original's deliveries not posted yet (due and taken by no sender, or
  ``failed``) are never posted (``withdrawn``), and the withdrawal goes only
  where the original went or is being posted; the sender keeps a withdrawal
  back while the original's delivery to that webhook is still pending
  (:meth:`.store.Store.hold`).
* **An alert withdrawn, then made true again, is alerted again**, once. Later
  events can make a withdrawn alert true again (a priority changed back in
  yet another late batch): its key was fired, so nothing would say so, and
  receivers would keep believing the withdrawal. The timers learn from the
  alerts recorded (:meth:`Timers._learn`, another server's too) which alert
  of each transition was recorded last and which was withdrawn last; a
  transition whose last alert was withdrawn and that a look has again is
  alerted under the next key (:func:`.tracking.again_key`: ``key|2``,
  ``key|3``...), unique as every alert, so two servers record it once. Only
  when a look at its instant with every event now stored has it too (the
  check that withdraws alerts, :class:`AsOf`): a transition the live look
  has only through an event dated after its instant would otherwise be
  alerted and withdrawn again at each event of its item. Such a look is
  judged again only when the item's events dated at or before the instant
  change. Its body names the withdrawal it follows (``again_after``), and
  the sender keeps it back while that withdrawal's delivery to the same
  webhook is pending, as it keeps a withdrawal back (a receiver gets the
  alert, its withdrawal, then the alert again). A withdrawal recorded makes
  the timers look again, so an alert made true again by the batch that came
  while it was being recorded is not left for the next event.
* The timers' lines of the log (an alert fired, withdrawn, not recorded or
  skipped; a look that failed) are in the policy's primary language, read
  from the versions in use (:mod:`.timer_words`, ``serve.timers.*``): in
  Japanese an alert is named by its item, its target's name (the report's
  word, a notification rule's label), its state and its instant; in English
  by its kind, target and id, as before.
* The sender's lines of the log (an attempt failed, a delivery failed for
  good) are in the policy's primary language (:mod:`sla_dsl.i18n.serve`,
  ``serve.webhook.*``), as the other lines about the policy; the error a
  delivery keeps for ``GET /alerts`` (``last_error``) is in English, as every
  field of the API, with no part of the webhook's URL but what
  :func:`.store.redact` shows (:func:`_scrubbed`). Each failed post is
  counted in the metrics by its outcome (``on_failure``).
* :class:`Sender` posts each pending delivery to its webhook with ``httpx``,
  retrying with exponential backoff (1 s, 2 s, 4 s ... capped at 5 minutes), or
  after what a ``Retry-After`` header asks on 429 and 503 (seconds or an HTTP
  date; at least the first delay, at most the longest). It
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
  (host only) and what to do: give the final URL with ``--webhook``. A client
  error other than 408, 425 and 429 (400, 401, 403, 404, 410, 413, 422...) is
  a refusal posting again cannot change either: ``failed`` at once, the log
  naming the alert, the webhook and the status and saying what to do (fix the
  receiver or its URL). At the next start, the alerts that failed are posted
  again: to the webhooks then given (:meth:`.store.Store.retarget`), and to a
  webhook still given, whose receiver may have been fixed
  (:meth:`.store.Store.again`). A server error, a timeout (408), "too early"
  (425), "too many requests" (429) and a network error are tried again.
* At shutdown the posts under way are given a few seconds to finish and be
  recorded, so a clean restart does not post them again; those that could not
  finish are given back (:meth:`.store.Store.release`) rather than left for
  their lease to end.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import email.utils
import logging
import math
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urljoin, urlsplit

import anyio
import httpx
import orjson

from ..errors import printable
from ..evaluation import Evaluation, judge_log, judge_part, period_bounds
from ..evaluation.common import Ctx, Versions
from ..i18n import Lang, message
from ..policy.compiled import declared_types
from ..report import Report
from .repeats import Repeats
from .store import Delivery, Store, Webhook, brief, distinct, own_failure, redact
from .timer_words import alert_name, late, target_of_key, threshold_of_key, timer_lang
from .tracking import (
    AT_RISK,
    BREACHED,
    OUTAGE_NOTICE,
    Clock,
    Tracker,
    Transition,
    again_key,
    log_of,
    split_key,
    transitions_of,
)

LOG = logging.getLogger("sla.serve")
#: Longest pause (seconds) of the timer loop after the database failed it, before it tries again.
PAUSE = 1.0
#: How many passes may refuse one alert while the database takes others before it is skipped (see above).
STRIKES = 3
#: How much of an item's id a line of the log quotes (an id may be as long as an event's line).
SHOWN = 80
#: The kind of a correction: an alert withdrawn, the events that arrived after it having changed its verdict.
WITHDRAWN = "alert.withdrawn"
#: The answers a receiver gives again to the same post: a client error other than these (timeout, too early,
#: too many requests) is a refusal posting again cannot change.
RETRIED_4XX = frozenset({408, 425, 429})
#: The answers whose ``Retry-After`` header says when to post again.
RETRY_AFTER = frozenset({429, 503})
#: How many alerts one pass of the timers judges again at most (the rest wait for the next pass, shortly
#: after): a burst of late batches never holds up the alerts falling due.
CHECKS = 256
#: Why an alert was withdrawn (a withdrawal's ``reason``): a line of the log says it (``serve.timers.reason.*``).
REASONS = ("met", "excluded", "changed", "policy_changed")
#: The reason of a withdrawal decided when the alerts are judged again under a version accepted on purpose
#: (:meth:`.store.Store.accept_served`): not a late event, the rules changed.
POLICY_CHANGED = "policy_changed"


def withdrawal_key(key: str) -> str:
    """The key of the withdrawal of the alert ``key`` (unique as every alert's: it is recorded once)."""
    return f"{WITHDRAWN}|{key}"


def _family(kind: str) -> str:
    """The family of the item an alert of ``kind`` is about."""
    return "outage" if kind == OUTAGE_NOTICE else "incident"


@dataclass(slots=True)
class Raised:
    """An alert fired and not withdrawn: checked again when events of its item, dated at or before its instant
    (or when it was fired, if later), arrive after it (:meth:`Timers.recompute`)."""

    key: str
    kind: str
    family: str
    item: str
    instant: float
    #: how many events of its item dated at or before :attr:`upto` its last check counted (None: not checked)
    counted: int | None = None
    #: when it was fired (the look that had it); for a transition not fired yet, the look that has it now
    fired: float | None = None

    @property
    def upto(self) -> float:
        """The latest date of an event either look of its check reads (:meth:`Timers._judged`): its instant,
        or when it was fired when that is later (fired late: after a stop, or made by a change dated later)."""
        return self.instant if self.fired is None else max(self.instant, self.fired)

    @property
    def base(self) -> str:
        """The key of its transition (an alert fired again has a key of its own: :func:`.tracking.again_key`)."""
        return split_key(self.key)[0]


@dataclass(frozen=True, slots=True)
class Withdrawal:
    """An alert to withdraw: the alert, its webhook body (as a dict) and why (a key of :data:`REASONS`)."""

    raised: Raised
    original: dict[str, Any]
    reason: str


class Timers:
    """The pending transitions of the watched items, and firing them."""

    def __init__(
        self,
        tracker: Tracker,
        webhooks: Sequence[Webhook] = (),
        *,
        tick: float = 30.0,
        on_fire: Callable[[Transition, float], None] | None = None,
        on_withdraw: Callable[[], None] | None = None,
        accepted: Mapping[str, tuple[float, float]] | None = None,
    ) -> None:
        self.tracker = tracker
        self.store = tracker.store
        self.webhooks = distinct(webhooks)
        self.tick = tick
        self.on_fire = on_fire
        self.on_withdraw = on_withdraw
        #: the alerts fired and not withdrawn, by key (every alert of the database: another server's too)
        self.raised: dict[str, Raised] = {}
        #: the keys of :attr:`raised` by item (family, id)
        self._items: dict[tuple[str, str], set[str]] = {}
        #: the highest alert id read from the store (None: none read yet)
        self._alert_top: int | None = None
        #: (highest event sequence number, number of events) read: where the next look at new events starts
        self._cursor: tuple[int, int] | None = None
        #: the items whose alerts are to be checked again; all of them (the new events could not be told)
        self._recheck: set[tuple[str, str]] = set()
        self._recheck_all = False
        #: the batches stored that the store notes as not looked at (:meth:`.store.Store.unchecked`), read
        #: before a look at the events: by note, its range of sequence numbers ...
        self._notes: dict[int, tuple[int, int]] = {}
        #: ... and those whose items have all been judged since: deleted once the withdrawals are recorded
        self._looked: set[int] = set()
        #: the withdrawals decided and not recorded yet, first in line first
        self.withdrawing: list[Withdrawal] = []
        #: by transition (its own key): which alert of it was recorded last (1, or N for the N-th:
        #: :attr:`.tracking.Transition.again`) ...
        self.alerted: dict[str, int] = {}
        #: ... and which was withdrawn last: when it is the last recorded, a look that has the transition
        #: again alerts it again, under the next key, once a look at its instant has it too
        self.withdrawn: dict[str, int] = {}
        #: the alerts to fire again that a look at their instant did not have: how many events of their item
        #: dated at or before it that look counted (judged again only when that number changes)
        self._not_again: dict[str, int] = {}
        #: the versions accepted on purpose whose alerts are still to be judged again, as the start read them
        #: (``accepted``, :meth:`.store.Store.accepted`): by version, (since, when it was accepted)
        self._note = dict(accepted or {})
        #: ... by version, when it was accepted, once the first look has planned their check (None: not yet)
        self._accepted: dict[str, float] | None = None if self._note else {}
        #: the keys of the alerts still to be judged again under them (at most :data:`CHECKS` a pass)
        self._policy_keys: set[str] = set()
        #: the report skeleton of the last look (what the incidents judged again for a check are set in)
        self._skeleton: Report | None = None
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
        #: the loop's failures (the database away), each said once, then a count every minute
        self.repeats = Repeats(LOG, lambda: self.lang)

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
        notes = self.store.unchecked()  # (before the events: a batch noted is in the events read next)
        changed = self._changes()  # (before the look: an event stored after it is named by the next one)
        self._notes.update(notes)
        # (kept at once: a step below that fails leaves them to the next pass, not lost)
        if changed is None:
            self._recheck_all = True
        else:
            self._recheck.update(changed)
        late: set[tuple[str, str]] = set()
        if self._alert_top is None and self._notes:  # a start: the batches no look had judged before it
            late = self.store.unchecked_items(self._notes.values())
            self._recheck.update(late)
        self._learn(late)
        if self._accepted is None:
            self._plan_accepted(now)
        result = self.tracker.open_view(now)
        self._skeleton = result.skeleton
        pending: list[Transition] = []
        again: list[Transition] = []
        for t in map(self._current, transitions_of(result)):
            if t.key not in self.fired and t.key not in self.skipped:
                (again if t.again > 1 else pending).append(t)
        if again:
            pending.extend(self._true_again(again, now))
            pending.sort(key=lambda t: t.order)
        self.pending = pending
        self.ahead = self.store.first_instant(after=now)
        self.seen = now
        self._correct(changed, now)

    def _current(self, t: Transition) -> Transition:
        """``t`` as its alert is keyed now: the alert after the last one recorded when that one was withdrawn
        (later events have made the transition true again), else the last one recorded (or the first)."""
        last = self.alerted.get(t.base, 0)
        if last == 0:
            return t
        return replace(t, again=last + 1 if self.withdrawn.get(t.base, 0) >= last else last)

    def _true_again(self, again: list[Transition], now: float) -> list[Transition]:
        """Those of ``again`` (transitions whose last alert was withdrawn, had again by the look) that a look
        at their instant has, with every event now stored, as the check that withdraws an alert judges it:
        had it not, the alert fired again would be withdrawn again at once, and so on at every look."""
        probes = [Raised(t.key, t.kind, _family(t.kind), t.item, t.instant, fired=now) for t in again]
        counts = {r.key: n for r, n in self._counts(probes)}
        todo = [(r, counts[r.key]) for r in probes if self._not_again.get(r.key) != counts[r.key]]
        judged = dict(self._judge_again(todo, now))
        out = []
        for t in again:
            if judged.get(t.key) is True:
                self._not_again.pop(t.key, None)
                out.append(t)
            elif t.key in judged:
                self._not_again[t.key] = counts[t.key]
        return out

    def check_more(self, now: float) -> None:
        """Judge the alerts a pass left to check (over :data:`CHECKS`), without another look."""
        if self.checking and self._skeleton is not None:  # (after a look: the one that failed looks again)
            self._correct(set(), now)

    @property
    def checking(self) -> bool:
        """Are alerts left to judge again (a pass judges at most :data:`CHECKS` of each kind)?"""
        return bool(self._recheck or self._policy_keys)

    # -- corrections: an alert a version accepted on purpose makes wrong is withdrawn ------------------------
    def _plan_accepted(self, now: float) -> None:
        """At the first look, with every alert read: each alert fired from the earliest first day the versions
        accepted on purpose judge (within the live view's period, which the check judges over) is to be judged
        again, as of its instant, under the versions now served."""
        since = max(min(s for s, _ in self._note.values()), self.tracker.live_start(now))
        self._policy_keys = {k for k, r in self.raised.items() if r.instant >= since}
        self._accepted = {version: at for version, (_, at) in self._note.items()}

    def _settle_accepted(self) -> None:
        """Once every alert to judge again under the versions accepted on purpose has been judged, and each
        withdrawal that made recorded, the database forgets them: a start that stopped before judges them
        again, one after does not."""
        if self._accepted and not self._policy_keys and all(w.reason != POLICY_CHANGED for w in self.withdrawing):
            self.store.judged_accepted(self._accepted)
            self._accepted = {}

    def _settle_checked(self) -> None:
        """Once the batches noted as not looked at have been judged (:attr:`_looked`) and no withdrawal is
        left to record, the database forgets them: a start after judges them no more, one before does."""
        if self._looked and not self.withdrawing:
            self.store.checked(self._looked)
            self._looked = set()

    # -- corrections: an alert the events that arrived after it make wrong is withdrawn ---------------
    def _learn(self, late: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset()) -> None:
        """Read the alerts recorded since the last read: those this process fired, and another server's. At the
        first, every alert, each with the events of its item dated at or before its instant that are stored
        under the sequence numbers :meth:`_changes` has read: an event stored after is named by it, or found
        by its count, and makes the alert judged again; the alerts of the ``late`` items (a batch stored that
        no look judged before this start) are judged again whatever their count. Later, an alert another
        server fired is judged once here (its item checked again): that server's look may not have had a
        batch this process has already looked at, and it may die before it looks again."""
        first = self._alert_top is None
        top = self._alert_top or 0
        rows = self.store.alerts_after(top)
        for n, key, kind, item, instant, fired in rows:
            ours = key in self.fired  # (fired here: from a look of this process)
            self.fired.add(key)
            top = max(top, n)
            if kind == WITHDRAWN:
                gone = key.removeprefix(WITHDRAWN + "|")
                self._forget(gone)
                base, again = split_key(gone)
                self.withdrawn[base] = max(self.withdrawn.get(base, 0), again)
                continue
            base, again = split_key(key)
            self.alerted[base] = max(self.alerted.get(base, 0), again)
            if key not in self.raised:
                self._raise(Raised(key, kind, _family(kind), item, instant, fired=fired))
                if not first and not ours:
                    self._recheck.add((_family(kind), item))
        if first:  # (the alerts of the late items keep no count: judged at the first check)
            upto = self._cursor[0] if self._cursor is not None else None
            counted = [r for r in self.raised.values() if (r.family, r.item) not in late]
            for r, n in self._counts(counted, upto):
                r.counted = n
        self._alert_top = top  # (only now: a first read that failed midway is made again whole)

    def _raise(self, r: Raised) -> None:
        self.raised[r.key] = r
        self._items.setdefault((r.family, r.item), set()).add(r.key)

    def _forget(self, key: str) -> None:
        r = self.raised.pop(key, None)
        if r is not None:
            keys = self._items.get((r.family, r.item), set())
            keys.discard(key)
            if not keys:
                self._items.pop((r.family, r.item), None)

    def _counts(self, raised: Iterable[Raised], upto: int | None = None) -> list[tuple[Raised, int]]:
        """Each alert with the number of stored events of its item dated at or before its instant, or when it
        was fired if later (:attr:`Raised.upto`; with ``upto``, of those stored under that sequence number or
        lower): only such an event can change what a look at either sees."""
        out: list[tuple[Raised, int]] = []
        by_family: dict[str, list[Raised]] = {}
        for r in raised:
            by_family.setdefault(r.family, []).append(r)
        for family, rs in by_family.items():
            instants = self.store.item_instants(family, {r.item for r in rs}, upto)
            out.extend((r, sum(1 for at in instants.get(r.item, ()) if at <= r.upto)) for r in rs)
        return out

    def _correct(self, changed: set[tuple[str, str]] | None, now: float) -> None:
        """Check again the alerts of the items with new events (every alert when they cannot be told): an
        alert whose item has an event dated at or before its instant that its last check did not count is
        judged again, as of its instant, with every event now stored; one that look does not have is
        withdrawn (:attr:`withdrawing`). At most :data:`CHECKS` are judged in one pass: the items of the
        others wait for the next (:meth:`check_more`), as do those of a pass that could not read the database
        to the end."""
        if changed is None:
            self._recheck_all = True
        else:
            self._recheck.update(item for item in changed if item in self._items)
        if self._recheck_all:
            keys: set[str] = set(self.raised)
        else:
            keys = {k for item in self._recheck for k in self._items.get(item, ())}
        todo: list[tuple[Raised, int]] = []
        if keys:
            todo = [(r, n) for r, n in self._counts(self.raised[k] for k in keys) if n != r.counted]
            todo.sort(key=lambda rn: (rn[0].instant, rn[0].key))
            self._check(todo[:CHECKS], now)
        self._recheck = {(r.family, r.item) for r, _ in todo[CHECKS:]}
        self._recheck_all = False
        if self._policy_keys:  # under a version accepted on purpose: whatever events came
            left = sorted(
                (self.raised[k] for k in self._policy_keys if k in self.raised), key=lambda r: (r.instant, r.key)
            )
            self._check(self._counts(left[:CHECKS]), now, POLICY_CHANGED)
            self._policy_keys = {r.key for r in left[CHECKS:]} & self._policy_keys
        self._settle_accepted()
        if not self._recheck:  # every item of the batches noted before this look's events has been judged
            self._looked.update(self._notes)
            self._notes = {}
        self._settle_checked()

    def _judged(self, todo: list[tuple[Raised, int]], now: float) -> Iterable[tuple[Raised, int, Evaluation | None]]:
        """Each alert's item judged again as of the alert's instant, with every event now stored; for an alert
        fired later than its instant whose instant's look lacks it, as of when it was fired too, the look that
        fired it (a change of priority or attribute dated after the instant judges the incident from its
        clock start: the alerts it makes are not in a look at their instant, and the next event of the
        incident would withdraw them); the look that has the alert, else the later one, is given (None when
        it cannot be judged: said in the log)."""
        if not todo:
            return
        bodies: dict[tuple[str, str], list[str]] = {}
        incidents = {r.item for r, _ in todo if r.family == "incident"}
        if incidents:
            for _, ident, _, body in sorted(self.store.item_events("incident", incidents)):
                bodies.setdefault(("incident", ident), []).append(body)
        if any(r.family == "outage" for r, _ in todo):  # (outages and stops are judged together)
            rest = sorted([*self.store.family_events("outage"), *self.store.family_events("stop")])
            together = [body for _, _, _, body in rest]
            for r, _ in todo:
                if r.family == "outage":
                    bodies[("outage", r.item)] = together
        assert self._skeleton is not None  # (set by the look before any check)
        judge = AsOf(self.tracker, now, self._skeleton)
        for r, n in todo:
            events = bodies.get((r.family, r.item), [])
            try:
                result: Evaluation | None = judge(r.family, events, r.instant)
                if result is not None and not _has(result, r) and r.upto > r.instant:
                    # fired late: does a look when it was fired, with the events dated up to then, have it (a
                    # change of priority or attribute dated after its instant judges the item from its clock
                    # start)? When neither has it, that look, which reads more events, says why
                    result = judge(r.family, events, r.upto)
            except Exception as exc:  # (said once: checked again when its item has another event)
                LOG.error(
                    "%s", self._say("serve.timers.not_checked", alert=self._raised(r), error=_why(exc, self.lang))
                )
                result = None
            yield r, n, result

    def _judge_again(self, todo: list[tuple[Raised, int]], now: float) -> Iterable[tuple[str, bool | None]]:
        """(key, whether a look at its instant has its transition; None: it could not be judged) of each
        alert to fire again."""
        for r, _, result in self._judged(todo, now):
            yield r.key, None if result is None else _has(result, r)

    def _check(self, todo: list[tuple[Raised, int]], now: float, reason: str | None = None) -> None:
        """Judge each alert's item again as of the alert's instant, and as of when it was fired when later
        (:meth:`_judged`; ``n``: the events it counts there); one neither look has is to be withdrawn, for
        ``reason`` (None: the one the look says, :func:`_reason`).

        An alert still to be judged under a version accepted on purpose (:attr:`_policy_keys`) is judged here
        under the versions now served as that check would judge it: it is not judged again there, and when
        the look does not have its transition for no fact of the events (met, excluded) the reason is the
        version's (``policy_changed``), whichever check comes first. A batch a look had already judged can
        still be noted as not looked at when it was stored while that look ran: the start after judges its
        items again, and the rules changed, not the events."""
        for r, n, result in self._judged(todo, now):
            under_policy = r.key in self._policy_keys
            self._policy_keys.discard(r.key)
            if result is None or _has(result, r):
                r.counted = n  # still what a look at its instant sees (or said: checked at its item's next event)
                continue
            text = self.store.payload_of(r.key)
            original: dict[str, Any] = orjson.loads(text) if text else {}
            self._forget(r.key)
            why = reason or _reason(result, r, original)
            if under_policy and why == "changed":
                why = POLICY_CHANGED
            self.withdrawing.append(Withdrawal(r, original, why))

    def withdraw_due(self, now: float) -> int:
        """Record the withdrawals decided (each once, whichever server records it first) and their deliveries;
        how many were recorded here. A write refused for what it writes is skipped and said; one refused
        otherwise stays first in line and is raised (the database is away: tried again after a pause)."""
        done = 0
        while self.withdrawing:
            w = self.withdrawing[0]
            r = w.raised
            key = withdrawal_key(r.key)
            try:
                alert_id = self.store.withdraw(
                    key, WITHDRAWN, r.key, r.item, r.instant, now, self.withdrawal(w, now), self.webhooks, time.time()
                )
            except Exception as exc:
                if not own_failure(exc):
                    raise
                self.withdrawing.pop(0)
                said = self._say(
                    "serve.timers.withdrawal_not_recorded", alert=self._raised(r), error=_why(exc, self.lang)
                )
                LOG.error("%s", said)
                continue
            self.withdrawing.pop(0)
            self.fired.add(key)
            if alert_id is None:
                continue  # withdrawn before (another server)
            done += 1
            reason = message(f"serve.timers.reason.{w.reason}", self.lang)
            said = "serve.timers.withdrawn_policy" if w.reason == POLICY_CHANGED else "serve.timers.withdrawn"
            LOG.warning("%s", self._say(said, alert=self._raised(r), reason=reason, id=alert_id))
            if self.on_withdraw is not None:
                self.on_withdraw()
        # look again: a transition the look has again is alerted again once its withdrawal is read (and the
        # versions accepted on purpose, and the batches looked at, are forgotten once the withdrawals are recorded)
        if done or self._accepted or self._looked:
            with self._lock:
                self.dirty = True
        return done

    def withdrawal(self, w: Withdrawal, now: float) -> str:
        """The webhook body of a withdrawal (schema in docs/operators/serve.en.md)."""
        r, original = w.raised, w.original
        body: dict[str, Any] = {
            "alert": withdrawal_key(r.key),
            "kind": WITHDRAWN,
            "withdraws": r.key,
            "withdrawn_kind": r.kind,
            "id": r.item,
            "target": original.get("target"),
            "clock": original.get("clock"),
            "at": self._iso(r.instant),
            "due": original.get("due"),
            "priority": original.get("priority"),
            "policy_version": original.get("policy_version"),
            "reason": w.reason,
            "fired_at": self._iso(now),
        }
        return orjson.dumps(body).decode()

    @property
    def lang(self) -> Lang:
        """The language of the timers' lines of the log: the policy's primary language."""
        return timer_lang(self.tracker.policies)

    def _failed(self, key: str, exc: BaseException) -> None:
        """A step of the loop failed (the database away, or a bug): said once while it goes on (:class:`Repeats`)."""
        error = _why(exc, self.lang)
        self.repeats.failed(key, self._say(key, error=error), error)

    def _say(self, key: str, **fields: object) -> str:
        """A line of the log in :attr:`lang` (:mod:`sla_dsl.i18n.serve`, ``serve.timers.*``)."""
        return message(key, self.lang, **fields)

    def _raised(self, r: Raised) -> str:
        """An alert fired as a line of the log names it (:func:`.timer_words.alert_name`): in English its kind,
        item (its id cut short) and instant; in Japanese its item, target, state and instant."""
        target, clock = target_of_key(r.key)
        lang = self.lang
        return alert_name(
            r.kind,
            r.item,
            r.instant,
            lang=lang,
            tz=self.tracker.tz,
            policies=self.tracker.policies,
            target=target,
            clock=clock,
            threshold=threshold_of_key(r.key),
        )

    def _changes(self) -> set[tuple[str, str]] | None:
        """The items (family, id) with events stored since the last call (none at the first); None when that
        cannot be told -- a transaction committed a lower sequence number after a higher one was read, as the
        live view finds it (:mod:`.live`) -- and every alert is then checked."""
        if self._cursor is not None:
            seq, count = self._cursor
            changed, top, total = self.store.changes_since(seq)
            if total == count + len(changed):
                self._cursor = (top, total)
                return set(changed)
        total, top = self.store.revision()
        first = self._cursor is None
        self._cursor = (top, total)
        return set() if first else None

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
            if t.key not in self.raised:  # (checked again when its item has new events)
                self._raise(Raised(t.key, t.kind, _family(t.kind), t.item, t.instant, fired=now))
            if alert_id is None:
                continue  # fired before (another process, or before a restart)
            alert = self._transition(t, en_target=False)
            LOG.warning("%s", self._say("serve.timers.fired", alert=alert, late=late(now - t.instant, self.lang)))
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
                LOG.error(
                    "%s", self._say("serve.timers.not_recorded", alert=self._named(t), error=_why(why, self.lang))
                )
                continue
            self.pending.remove(t)
            self.held -= 1
            self._skip(t, why)
        return done

    def _skip(self, t: Transition, exc: BaseException) -> None:
        """Give up an alert the database refuses for what it is: said in the log, never tried again here."""
        self.skipped.add(t.key)
        self._strikes.pop(t.key, None)
        LOG.error("%s", self._say("serve.timers.skipped", alert=self._named(t), error=_why(exc, self.lang)))

    def _named(self, t: Transition) -> str:
        """An alert as a line of the log names it: kind, target, item (its id cut short) and instant."""
        return self._transition(t, en_target=True)

    def _transition(self, t: Transition, *, en_target: bool) -> str:
        """A transition's alert as a line of the log names it (:func:`.timer_words.alert_name`)."""
        return alert_name(
            t.kind,
            t.item,
            t.instant,
            lang=self.lang,
            tz=self.tracker.tz,
            policies=self.tracker.policies,
            target=t.target,
            clock=t.clock,
            version=t.version,
            en_target=en_target,
            threshold=t.threshold,
        )

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
        if t.threshold is not None:  # one of a clock's several warning thresholds (`at risk at 50%, 75% of target`)
            body["at_risk_percent"] = t.threshold
        if t.again > 1:  # alerted again: after the withdrawal of the alert before it (posted after it)
            body["again_after"] = withdrawal_key(again_key(t.base, t.again - 1))
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
                    self.repeats.ok("serve.timers.not_judged")
                except Exception as exc:  # the database is away, or a bug: keep the loop alive
                    self._failed("serve.timers.not_judged", exc)
                    self.dirty = failing = True
            fired: list[Transition] = []
            if self._passed(min(clock.now(), self.seen)):
                try:
                    fired = await anyio.to_thread.run_sync(self.fire_due, clock.now())
                    self.repeats.ok("serve.timers.alert_not_recorded")
                except Exception as exc:  # the database is away: the transition waits first in line
                    self._failed("serve.timers.alert_not_recorded", exc)
                    failing = True
                failing = failing or self.held > 0  # (one refused while others were stored: not at once either)
            if self.checking and not self.dirty:  # (a look to come checks them anyway)
                try:
                    await anyio.to_thread.run_sync(self.check_more, clock.now())
                    self.repeats.ok("serve.timers.not_checked_all")
                except Exception as exc:  # the database is away: they wait for the next pass
                    self._failed("serve.timers.not_checked_all", exc)
                    failing = True
            if self.withdrawing:
                try:
                    if await anyio.to_thread.run_sync(self.withdraw_due, clock.now()) and sender is not None:
                        sender.poke()
                    self.repeats.ok("serve.timers.withdrawal_not_recorded_any")
                except Exception as exc:  # the database is away: the withdrawal waits first in line
                    self._failed("serve.timers.withdrawal_not_recorded_any", exc)
                    failing = True
            if fired:  # look again shortly: each alert fired is checked against the events stored meanwhile
                with self._lock:
                    self.dirty = True
                if sender is not None:
                    sender.poke()
            nxt = self._next_look()
            wait = self.tick if nxt is None else min(max(nxt - clock.now(), 0.0), self.tick)
            if self.dirty:
                wait = min(wait, 0.25)
            if self.checking or self.withdrawing:
                wait = min(wait, 0.05)
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


class AsOf:
    """An alert's item judged again as of the alert's instant, with the events now stored, over the live view's
    period (:meth:`.tracking.Tracker.now_view`): what the timers would have seen at that instant had every
    event dated before it arrived in time. An incident's verdict reads its own events only (as the live view
    judges it: :func:`~sla_dsl.evaluation.judge_part`); outages and stops are judged together."""

    def __init__(self, tracker: Tracker, now: float, skeleton: Report) -> None:
        self.policies = tracker.policies
        self.tz = tz = tracker.tz
        self.versions = Versions(self.policies)
        self.declared = declared_types(self.policies)
        first = tracker.store.first_instant()
        day = dt.datetime.fromtimestamp(min(first, now) if first is not None else now, tz)
        start = dt.datetime(day.year, day.month, day.day, tzinfo=tz).timestamp()
        self.start = dt.datetime.fromtimestamp(max(start, tracker.live_start(now)), tz)
        self.end = dt.datetime.fromtimestamp(math.floor(now) + 1.0, tz)
        #: the incidents' evaluation has no outage rows (what a look at the outages says is not asked of it)
        self.skeleton = skeleton.model_copy(update={"outages": []})

    def __call__(self, family: str, bodies: Sequence[str], as_of: float) -> Evaluation:
        log = log_of(bodies, self.declared)
        at = dt.datetime.fromtimestamp(as_of, self.tz)
        if family != "incident":
            return judge_log(self.policies, log, self.start, self.end, at, skip_invalid=True)
        p0, p1, t_as_of = period_bounds(self.versions, self.start, self.end, at)
        ctx = Ctx(self.versions, p0, p1, t_as_of, "<store>")
        judged, breaches, _ = judge_part(ctx, log, skip_invalid=True)
        return Evaluation(ctx, judged, breaches, self.skeleton)


def retry_after(value: str | None, now: float) -> float | None:
    """The seconds a ``Retry-After`` header asks to wait (a number of seconds, or an HTTP date: its distance
    from ``now`` rounded up to whole seconds, as the header counts and the log says it, 0 when past); None
    when there is none or it cannot be read."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(int(text))
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # (an HTTP date is in GMT)
        when = when.replace(tzinfo=dt.UTC)
    return float(max(math.ceil(when.timestamp() - now), 0))


def _follows(payload: str) -> str | None:
    """The key of the alert a webhook body is posted after, to a webhook that has it or is to have it: the
    alert a withdrawal withdraws, the withdrawal before an alert fired again (None: neither)."""
    if '"withdraws"' not in payload and '"again_after"' not in payload:
        return None
    try:
        body = orjson.loads(payload)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(body, dict):
        return None
    key = body.get("withdraws") if body.get("kind") == WITHDRAWN else body.get("again_after")
    return key if isinstance(key, str) else None


def _about(payload: str, lang: Lang = "en") -> str:
    """What an alert is about, as a line of the log names it after its id: `` (kind id)``, read from its webhook
    body ("" when the body does not say)."""
    try:
        body = orjson.loads(payload)
    except orjson.JSONDecodeError:
        return ""
    if not isinstance(body, dict) or not isinstance(body.get("kind"), str) or not isinstance(body.get("id"), str):
        return ""
    return message("serve.webhook.about", lang, kind=printable(body["kind"]), id=_short(body["id"]))


def _has(result: Evaluation, r: Raised) -> bool:
    """Whether the look ``result`` has the transition of alert ``r``."""
    return r.base in {t.base for t in transitions_of(result)}


def _reason(result: Evaluation, r: Raised, original: dict[str, Any]) -> str:
    """Why a look at an alert's instant, with every event now stored, does not have it (see :data:`REASONS`)."""
    target, clock = original.get("target"), original.get("clock")
    if r.family == "outage":
        outage = next((o for o in result.skeleton.outages if o.id == r.item), None)
        met = outage is not None and any(n.name == target and n.met_at is not None for n in outage.notices)
        return "met" if met else "changed"
    inc = next((i for i in result.incidents if i.ident == r.item), None)
    if inc is None:
        return "changed"
    if inc.status == "excluded":
        return "excluded"
    if r.kind in (AT_RISK, BREACHED):
        return "met" if inc.responded is not None else "changed"
    v = next((v for v in inc.targets if v.name == target and v.clock == clock), None)
    return "met" if v is not None and v.met_at is not None else "changed"


def _scrubbed(text: str, w: Webhook) -> str:
    """An HTTP client's error about a post to ``w`` with the parts of its URL that may hold a secret (the URL as
    given or as the client writes it, its user and password, path and query) taken out: the log and ``GET
    /alerts`` (which any reader may ask) quote it."""
    out = text
    try:
        parts = urlsplit(w.url)
        written = str(httpx.URL(w.url))
    except ValueError:
        parts, written = None, w.url
    for url in sorted({w.url, written}, key=len, reverse=True):
        out = out.replace(url, w.shown)
    if parts is not None:
        secrets = [parts.query, parts.path, parts.password or "", parts.username or ""]
        for secret in sorted((x for x in secrets if len(x) >= 4), key=len, reverse=True):  # (not a letter)
            out = out.replace(secret, "...")
    return out


def _why(exc: BaseException, lang: str) -> str:
    """An exception as a line of the log says it in ``lang`` (:func:`.store.brief`), its control characters
    as their escapes: a database's or a receiver's message may quote what it was given."""
    return printable(brief(exc, lang))


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
        lang: Lang = "en",
        on_failure: Callable[[bool], None] | None = None,
    ) -> None:
        self.store = store
        self.webhooks = distinct(webhooks)
        #: the language of its lines of the log: the policy's primary language (:mod:`sla_dsl.i18n.serve`)
        self.lang = lang
        #: told of each failed attempt: True when the delivery failed for good (``failed``), False when it is
        #: tried again (the metrics count them)
        self.on_failure = on_failure
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
        #: the failures to read or record deliveries (the database away), each said once while it goes on
        self.repeats = Repeats(LOG, lang)

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
                said = message(
                    "serve.webhook.not_given_back", self.lang, count=len(self._held), error=_why(exc, self.lang)
                )
                LOG.error("%s", said)
            self._held.clear()

    def delay(self, attempts: int) -> float:
        """Seconds before the next try after ``attempts`` failed ones."""
        return float(min(self.backoff * (2 ** min(attempts, 30)), self.max_backoff))

    async def _post(self, client: httpx.AsyncClient, w: Webhook, d: Delivery) -> None:
        before = _follows(d.payload)
        # a withdrawal follows the alert it withdraws, an alert fired again the withdrawal before it: never
        # comes before it
        if before is not None:
            until = time.time() + min(self.backoff, 1.0)
            if await anyio.to_thread.run_sync(self.store.hold, d, before, until):
                self._held.pop((d.alert_id, d.hook), None)
                return
        final = refused = False
        wait: float | None = None
        lang = self.lang
        try:
            response = await client.post(w.url, content=d.payload, headers={"content-type": "application/json"})
            status = response.status_code
            ok = 200 <= status < 300
            # (``error`` as GET /alerts keeps it, in English as the API; ``said`` as the log says it)
            error = said = "" if ok else f"HTTP {status}"
            if 300 <= status < 400:
                final = True
                location = response.headers.get("location")
                if location:
                    there = redact(urljoin(w.url, location))
                    error += f" redirect to {there}"
                    said = message("serve.webhook.redirect", lang, status=said, location=there)
            elif 400 <= status < 500 and status not in RETRIED_4XX:
                final = refused = True
            elif status in RETRY_AFTER:
                wait = retry_after(response.headers.get("retry-after"), time.time())
        except httpx.HTTPError as exc:
            ok, error = False, _scrubbed(f"{type(exc).__name__}: {exc}", w)
            said = error
        now = time.time()
        if ok:
            await anyio.to_thread.run_sync(self.store.delivered, d, now)
            self.sent += 1
        elif final:
            self.failures += 1
            if self.on_failure is not None:
                self.on_failure(True)
            LOG.error(
                "%s",
                message(
                    "serve.webhook.refused" if refused else "serve.webhook.redirected",
                    lang,
                    webhook=w.shown,
                    alert=d.alert_id,
                    about=_about(d.payload, lang),
                    error=printable(said),
                ),
            )
            await anyio.to_thread.run_sync(lambda: self.store.failed(d, now, error, final=True))
        else:
            self.failures += 1
            if self.on_failure is not None:
                self.on_failure(False)
            delay = self.delay(d.attempts)
            if wait is not None:  # the receiver says when: at least the first delay, at most the longest
                delay = min(max(wait, self.backoff), self.max_backoff)
                error += message("serve.webhook.retry_after", "en", seconds=f"{delay:g}")
                said += message("serve.webhook.retry_after", lang, seconds=f"{delay:g}")
            LOG.warning(
                "%s",
                message(
                    "serve.webhook.attempt_failed",
                    lang,
                    webhook=w.shown,
                    alert=d.alert_id,
                    attempt=d.attempts + 1,
                    error=printable(said),
                ),
            )
            await anyio.to_thread.run_sync(self.store.failed, d, now + delay, error)
        self._held.pop((d.alert_id, d.hook), None)

    async def _send(self, client: httpx.AsyncClient, w: Webhook, d: Delivery) -> None:
        key = f"recorded {w.hook}"
        try:
            await self._post(client, w, d)
            self.repeats.ok(key)
        except Exception as exc:  # the database is away: the lease ends and the delivery is taken again
            error = _why(exc, self.lang)
            said = message("serve.webhook.not_recorded", self.lang, webhook=w.shown, error=error)
            self.repeats.failed(key, said, error)

    async def _worker(self, client: httpx.AsyncClient, w: Webhook) -> None:
        """Take and post the due deliveries to one webhook, until stopped."""
        wake = asyncio.Event()
        self._wakes.append(wake)
        while not self._stopping:
            key = f"read {w.hook}"
            try:
                due = await anyio.to_thread.run_sync(self.store.claim, w.hook, time.time(), self.lease, self.batch)
                self.repeats.ok(key)
            except Exception as exc:
                error = _why(exc, self.lang)
                said = message("serve.webhook.not_read", self.lang, webhook=w.shown, error=error)
                self.repeats.failed(key, said, error)
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
