"""The live view kept up to date incrementally: only what a new event or the passing time touches is judged again.

Design notes
------------
* Why: the live answers (``/incidents``, ``/timers``, the dashboard, the
  metrics) are the stored events judged as of now. Judging every stored event
  on each request costs seconds at tens of thousands of events, and ``now``
  moves every second.
* What is kept: per incident id, its verdict (an :class:`Incident`, or none
  when the period does not list it), whether it is a response breach, and
  whether it is *settled*: every event of it lies at or before the ``as_of`` it
  was judged at, and nothing of its verdict can change as time passes (its
  status is ``excluded``, or it is responded and completed, and every named
  target is met or excluded, or breached and met late). A settled verdict is
  the verdict at any later ``as_of``; it is judged again only when an event of
  its id arrives.
* What is judged on each look: the incidents named by events stored since the
  last look (the store's sequence number is the change counter), the incidents
  not settled (open ones: their status moves with the clock), and every event
  of the other families (outages, stops, backups: few, and availability and
  maintenance depend on all of them together). One call of the evaluator's
  :func:`~sla_dsl.evaluation.judge_log` over those events: an incident's
  verdict reads only its own events (:mod:`sla_dsl.evaluation.partition`), so
  judging a subset gives each of them the verdict of a full run.
* The change counter: events are read back by sequence number greater than
  the last seen. A transaction may commit a lower number after a higher one
  was seen (PostgreSQL hands numbers out before commit), so each look also
  counts the stored events; when the count is not the one expected, the view
  starts again from nothing (correct, and rare). A new policy version or an
  earlier first event (which moves the period's start) starts it again too.
* Only the live answers use this view: its report skeleton (violations, input
  counts) covers the events judged in the last look, so ``GET /report`` keeps
  the full evaluation. ``tests/serve/test_live.py`` checks, after random
  sequences of events (late, out of order, duplicated, reprioritised, across a
  policy version boundary) and clock moves, that every live answer equals the
  one of a full evaluation.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
import threading
from collections.abc import Sequence
from typing import NamedTuple

from ..evaluation import Evaluation, judge_log
from ..evaluation.incidents import Incident
from ..events import read_jsonl
from ..policy.compiled import Policy
from .store import Store

INCIDENT = "incident"
_SETTLED_TARGETS = frozenset({"met", "excluded"})


class Kept(NamedTuple):
    """One incident id's verdict as last judged."""

    incident: Incident | None
    breach: bool
    settled: bool


def settled(inc: Incident | None) -> bool:
    """Can the passing of time no longer change this verdict (given no new event of its id)?"""
    if inc is None:
        return True
    if inc.status == "excluded":
        return True
    if inc.responded is None or inc.completed is None:
        return False
    return all(
        getattr(t, "status", None) in _SETTLED_TARGETS
        or (getattr(t, "status", None) == "breached" and getattr(t, "met_at", None) is not None)
        for t in inc.targets
    )


class LiveView:
    """The stored events judged as of now, judging again only what changed."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._key: tuple[int, float] | None = None
        self._seq: int | None = None
        self._count = 0
        self._kept: dict[str, Kept] = {}
        #: how many incident ids the last look judged (for tests and the benchmark)
        self.last_judged = 0

    def _restart(self, key: tuple[int, float]) -> None:
        self._key, self._seq, self._count, self._kept = key, None, 0, {}

    def look(
        self, policies: Sequence[Policy], generation: int, tz: dt.tzinfo, start: float, end: float, as_of: float
    ) -> Evaluation:
        """The evaluation of every stored event over [start, end) as of ``as_of``."""
        # The kept verdicts are many small objects: keep the cyclic collector from walking
        # them on each generation-2 pass while a look allocates (as judge_log does).
        enabled = gc.isenabled()
        gc.disable()
        try:
            return self._look(policies, generation, tz, start, end, as_of)
        finally:
            if enabled:
                gc.enable()

    def _look(
        self, policies: Sequence[Policy], generation: int, tz: dt.tzinfo, start: float, end: float, as_of: float
    ) -> Evaluation:
        with self._lock:
            key = (generation, start)
            if key != self._key:
                self._restart(key)
            changed, top, count = self.store.changes_since(self._seq)
            if count != self._count + len(changed):
                self._restart(key)
                changed, top, count = self.store.changes_since(None)
            self._seq, self._count = top, count
            again = {ident for family, ident in changed if family == INCIDENT}
            again.update(ident for ident, k in self._kept.items() if not k.settled)
            rows = self.store.item_events(INCIDENT, again)
            latest: dict[str, float] = {}
            for _, ident, at, _ in rows:
                latest[ident] = max(at, latest.get(ident, at))
            texts = sorted([(n, b) for n, _, _, b in rows] + self.store.bodies_except(INCIDENT))
            log = read_jsonl(io.BytesIO("\n".join(b for _, b in texts).encode()), "<store>")
            result = judge_log(
                policies,
                log,
                dt.datetime.fromtimestamp(start, tz),
                dt.datetime.fromtimestamp(end, tz),
                dt.datetime.fromtimestamp(as_of, tz),
                skip_invalid=True,
            )
            judged = {inc.ident: inc for inc in result.incidents}
            breaches = {id(inc) for inc in result.breaches}
            for ident in again:
                inc = judged.get(ident)
                done = latest.get(ident, as_of) <= as_of and settled(inc)
                self._kept[ident] = Kept(inc, inc is not None and id(inc) in breaches, done)
            self.last_judged = len(again)
            listed = sorted(
                ((k.incident, k.breach) for k in self._kept.values() if k.incident is not None),
                key=lambda kb: (kb[0].clock, kb[0].ident),
            )
            incidents = [inc for inc, _ in listed]
            due_breaches = [inc for inc, b in listed if b]
            return Evaluation(result.ctx, incidents, due_breaches, result.skeleton)
