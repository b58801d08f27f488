"""The live view kept up to date incrementally: only what a new event or the passing time touches is judged again.

Design notes
------------
* Why: the live answers (``/incidents``, ``/outages``, ``/timers``, the
  dashboard, the metrics, and the timers that fire alerts) are the stored
  events judged as of now. Judging every stored event on each look costs
  seconds at tens of thousands of events, and ``now`` moves every second.
* The change counter: the view keeps, per item (family and id), what it knows,
  and on each look reads back only the (family, id) of events stored after the
  highest sequence number it has seen. A transaction may commit a lower number
  after a higher one was seen (PostgreSQL hands numbers out before commit), so
  each look also counts the stored events; when the count is not the one
  expected, the view starts again from nothing (correct, and rare). A new
  policy version starts it again too; an earlier first event (which moves the
  period's start) drops the kept verdicts.
* Incidents: per id, its verdict (an :class:`Incident`, or none when the period
  does not list it), whether it is a response breach, and whether it is
  *settled*: every event of it lies at or before the ``as_of`` it was judged
  at, and nothing of its verdict can change as time passes (its status is
  ``excluded``, or it is responded and completed, and every named target is
  met, excluded or cancelled, or breached and met late). A settled verdict is the verdict
  at any later ``as_of``; it is judged again only when an event of its id
  arrives. A look judges the ids named by new events and the unsettled ones,
  with :func:`~sla_dsl.evaluation.judge_part` (an incident's verdict reads only
  its own events: :mod:`sla_dsl.evaluation.partition`). The verdicts are kept
  in report order (clock start, id) as they change, so a look costs what it
  judges, not what is stored.
* Outages and planned stops (*the rest*): their events are kept in memory, per
  item, refreshed from the store only for the items the change counter names.
  A look reads first and changes the view after (:meth:`LiveView._sync`): a
  read that fails leaves the view and its position as they were.
  Their rows and availability depend on one another (overlaps count once,
  stops and maintenance excuse downtime), so they are judged together, by the
  evaluator's own tail (:func:`~sla_dsl.evaluation.assemble`), from memory,
  never from the database. That judgement is kept while it is *settled* --
  every outage ended, no recovery notice still open, every event and every
  stop window at or before the ``as_of`` it was judged at -- and no outage or
  stop event has arrived since: its rows are then the rows at any later
  ``as_of``. Otherwise (an open outage grows with the clock) it is judged
  again on the look. Backups are not kept: no live answer reads them.
* The availability of a period up to now (this month's, on the dashboard and
  in ``/metrics``) moves with every second, so :meth:`LiveView.availability`
  judges it on each call, from the kept outages and stops only (no incident,
  no backup, no database read).
* The timers (:class:`.alerts.Timers`) read the same view: :meth:`LiveView.look`
  with ``open_only`` gives the unsettled incidents only (a transition is
  pending only on an incident with no response, or with a named target or a
  notification rule still open, paused or breached and not yet stopped or
  notified: none of them is settled).
* Only the live answers use this view: its report skeleton covers outages,
  stops, maintenance and availability, not backups or every violation, so
  ``GET /report`` keeps the full evaluation. ``tests/serve/test_live.py``
  checks, after random sequences of events (late, out of order, duplicated,
  reprioritised, across a policy version boundary, with outages and stops)
  and clock moves, that every live answer equals the one of a full evaluation.
"""

from __future__ import annotations

import bisect
import datetime as dt
import io
import threading
from collections.abc import Sequence
from typing import NamedTuple

import orjson

from ..evaluation import Evaluation, assemble, judge_part, period_bounds
from ..evaluation.common import Ctx, Versions
from ..evaluation.incidents import Incident
from ..events import fast_epoch, parse_event, read_jsonl
from ..events.partitions import without_lines
from ..events.schema import StopAnnounced
from ..files import collector_paused
from ..policy.compiled import Policy, declared_types
from ..report import Report
from .store import Store

INCIDENT = "incident"
#: The families judged together with availability (backups are read by no live answer).
REST = ("outage", "stop")
#: (a cancelled target's clock is stopped for good: only a new event of its id, a reset, changes it)
_SETTLED_TARGETS = frozenset({"met", "excluded", "cancelled"})
_SETTLED_NOTICES = frozenset({"met", "excluded", "not_applicable"})
SOURCE = "<store>"
#: Up to this many incidents judged again are moved in the kept order one at a time.
_FEW = 256


class Kept(NamedTuple):
    """One incident id's verdict as last judged."""

    incident: Incident | None
    breach: bool
    settled: bool


class Shared(NamedTuple):
    """What a policy generation gives every judgement: its versions and the event types it declares."""

    generation: int
    versions: Versions
    declared: frozenset[str]


class RestEvent(NamedTuple):
    """One stored event of an outage or a planned stop."""

    seq: int
    body: str
    #: the latest instant it names (its ``at``, or a stop window's end)
    horizon: float


class RestVerdict(NamedTuple):
    """Outages, stops, maintenance and availability as last judged."""

    skeleton: Report
    as_of: float
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


def _target_settled(status: str | None, met_at: object) -> bool:
    # "breached" with no notice yet says "no notice as of <as_of>": it moves with the clock
    return status in _SETTLED_NOTICES or (status == "breached" and met_at is not None)


def rest_settled(skeleton: Report) -> bool:
    """Can the passing of time no longer change these outage rows (given no new outage or stop event)?"""
    return all(
        o.end is not None
        and _target_settled(o.notice_status, o.notified_at)
        and all(_target_settled(n.status, n.met_at) for n in o.notices)
        for o in skeleton.outages
    )


def _horizon(at: float, body: str) -> float:
    """The latest instant an event names: a stop's window end, or its own instant."""
    if "stop.announced" not in body:  # (the type as sent: blanks around it are not part of it)
        return at
    data = orjson.loads(body)
    end = fast_epoch(data.get("end"))
    if end is None:
        event = parse_event(data)
        assert isinstance(event, StopAnnounced)
        end = event.end.timestamp()
    return max(at, end)


def _order(inc: Incident) -> tuple[float, str]:
    return (inc.clock, inc.ident)


class LiveView:
    """The stored events judged as of now, judging again only what changed."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._generation: int | None = None
        self._start: float | None = None
        self._seq: int | None = None
        self._count = 0
        self._versions: Versions | None = None
        #: the versions and declared types of the latest generation seen, read by :meth:`one` without the lock
        self._shared: Shared | None = None
        self._declared: frozenset[str] = frozenset()
        self._kept: dict[str, Kept] = {}
        self._unsettled: set[str] = set()
        #: (clock, id) of every kept verdict listed by the period, in report order
        self._listed: list[tuple[float, str]] = []
        self._rest: dict[tuple[str, str], list[RestEvent]] = {}
        self._rest_dirty = True
        self._rest_verdict: RestVerdict | None = None
        #: incident ids named by events read from the store and not judged since
        self._named: set[str] = set()
        #: whether the next look must read every incident event (nothing kept)
        self._full = True
        #: how many incident ids the last look judged (for tests and the benchmark)
        self.last_judged = 0
        #: whether the last look judged the outages and stops again (for tests and the benchmark)
        self.last_rest_judged = False

    # -- keeping up with the store ------------------------------------------------------------
    def _forget(self) -> None:
        self._seq, self._count, self._rest, self._rest_dirty = None, 0, {}, True
        self._drop_verdicts()

    def _drop_verdicts(self) -> None:
        self._kept, self._unsettled, self._listed, self._rest_verdict = {}, set(), [], None
        self._named, self._full = set(), True

    def _sync(self, policies: Sequence[Policy], generation: int) -> None:
        """Read what was stored since the last look: the incident ids named, the outages and stops.

        Every read comes first, the view changes after them: a read that fails (the database away for
        a moment) leaves the view as it was, and the next look reads the same changes again. (Moving
        the position first and losing the read would lose those events until a restart.)"""
        if generation != self._generation:
            shared = self._for(policies, generation)
            self._generation, self._versions = generation, shared.versions
            self._declared = shared.declared  # the policies' own event types
            self._forget()
        if self._seq is not None:
            changed, top, count = self.store.changes_since(self._seq)
            if count == self._count + len(changed):
                fresh: dict[tuple[str, str], list[RestEvent]] = {}
                for family in REST:
                    idents = sorted({i for f, i in changed if f == family})
                    if idents:
                        for ident in idents:
                            fresh[(family, ident)] = []
                        self._keep_rest(fresh, family, self.store.item_events(family, idents))
                # every read done: the view moves on at once
                self._seq, self._count = top, count
                self._named.update(ident for family, ident in changed if family == INCIDENT)
                if fresh:
                    self._rest_dirty = True
                    self._rest.update((k, v) for k, v in fresh.items() if v)
                return
            self._forget()
        # Everything: the counter first (an event stored while the families are read is read
        # again as a change next time; one committed late under a lower number fails the count).
        count, seq = self.store.revision()
        rest: dict[tuple[str, str], list[RestEvent]] = {}
        for family in REST:
            self._keep_rest(rest, family, self.store.family_events(family))
        self._count, self._seq, self._rest, self._rest_dirty = count, seq, rest, True
        self._full = True

    @staticmethod
    def _keep_rest(
        into: dict[tuple[str, str], list[RestEvent]], family: str, rows: list[tuple[int, str, float, str]]
    ) -> None:
        for seq, ident, at, body in rows:
            into.setdefault((family, ident), []).append(RestEvent(seq, body, _horizon(at, body)))

    # -- looks --------------------------------------------------------------------------------
    def look(
        self,
        policies: Sequence[Policy],
        generation: int,
        tz: dt.tzinfo,
        start: float,
        end: float,
        as_of: float,
        *,
        open_only: bool = False,
    ) -> Evaluation:
        """The evaluation of every stored event over [start, end) as of ``as_of`` (with ``open_only``,
        of the incidents not settled only)."""
        # The kept verdicts are many small objects: keep the cyclic collector from walking
        # them on each generation-2 pass while a look allocates (as judge_log does).
        with collector_paused(), self._lock:
            return self._look(policies, generation, tz, start, end, as_of, open_only)

    def one(
        self,
        policies: Sequence[Policy],
        generation: int,
        tz: dt.tzinfo,
        start: float,
        end: float,
        as_of: float,
        ident: str,
    ) -> Evaluation:
        """The incident ``ident`` alone, its stored events judged over [start, end) as of ``as_of`` (none
        listed when the live view would not judge it): the verdict a look gives it (an incident's verdict
        needs only its own events, as a look judges again only some), without the lock: it neither waits
        for a look of every open incident nor reads or changes what the view keeps."""
        shared = self._for(policies, generation)
        ctx = self._ctx(tz, start, end, as_of, shared.versions)
        rows = self.store.item_events(INCIDENT, [ident])
        texts = [b for _, b in sorted((n, b) for n, i, _, b in rows if i == ident)]
        log = without_lines(read_jsonl(io.BytesIO("\n".join(texts).encode()), SOURCE, declared=shared.declared))
        judged, breaches, duplicates = judge_part(ctx, log, skip_invalid=True)
        return assemble(ctx, log, [i for i in judged if i.ident == ident], breaches, duplicates)

    def _for(self, policies: Sequence[Policy], generation: int) -> Shared:
        """The versions and declared types of ``generation``: built once per generation (a lookup and a look
        may build them at the same time: one of the two equal results is kept)."""
        shared = self._shared
        if shared is None or shared.generation != generation:
            shared = Shared(generation, Versions(policies), declared_types(policies))
            self._shared = shared
        return shared

    def _ctx(self, tz: dt.tzinfo, start: float, end: float, as_of: float, versions: Versions | None = None) -> Ctx:
        versions = versions or self._versions
        assert versions is not None
        p0, p1, t_as_of = period_bounds(
            versions,
            dt.datetime.fromtimestamp(start, tz),
            dt.datetime.fromtimestamp(end, tz),
            dt.datetime.fromtimestamp(as_of, tz),
        )
        return Ctx(versions, p0, p1, t_as_of, SOURCE)

    def _look(
        self,
        policies: Sequence[Policy],
        generation: int,
        tz: dt.tzinfo,
        start: float,
        end: float,
        as_of: float,
        open_only: bool,
    ) -> Evaluation:
        self._sync(policies, generation)
        if start != self._start:
            self._start = start
            self._drop_verdicts()
        ctx = self._ctx(tz, start, end, as_of)
        self._judge_incidents(ctx)
        skeleton = self._judge_rest(tz, start, end, as_of)
        kept = self._kept
        if open_only:
            listed = sorted((inc for i in self._unsettled if (inc := kept[i].incident) is not None), key=_order)
        else:
            listed = [inc for _, i in self._listed if (inc := kept[i].incident) is not None]
        breaches = [inc for inc in listed if kept[inc.ident].breach]
        return Evaluation(ctx, listed, breaches, skeleton)

    def _judge_incidents(self, ctx: Ctx) -> None:
        full = self._full
        if full:  # nothing kept: every stored incident event, in one read, in sequence order
            rows = self.store.family_events(INCIDENT)
            again = {ident for _, ident, _, _ in rows}
        else:
            again = self._named | self._unsettled
            rows = self.store.item_events(INCIDENT, again)
        self._named, self._full = set(), False
        as_of = ctx.as_of
        ahead = {ident for _, ident, at, _ in rows if at > as_of}  # ids with an event after as_of
        texts = [r[3] for r in rows] if full else [b for _, b in sorted((n, b) for n, _, _, b in rows)]
        # (a line of the store's read means nothing to a client: no note names one)
        log = without_lines(read_jsonl(io.BytesIO("\n".join(texts).encode()), SOURCE, declared=self._declared))
        judged_list, breach_list, _ = judge_part(ctx, log, skip_invalid=True)
        judged = {inc.ident: inc for inc in judged_list}
        breaches = {id(inc) for inc in breach_list}
        # A few changes move in the kept order one by one; many are taken out in one pass and
        # merged back in one sort (two sorted runs: linear for Python's sort).
        one_by_one = len(again) <= _FEW
        listed = self._listed
        removed: set[tuple[float, str]] = set()
        added: list[tuple[float, str]] = []
        for ident in again:
            old = self._kept.get(ident)
            if old is not None and old.incident is not None:
                if one_by_one:
                    k = bisect.bisect_left(listed, _order(old.incident))
                    if k < len(listed) and listed[k] == _order(old.incident):
                        del listed[k]
                else:
                    removed.add(_order(old.incident))
            inc = judged.get(ident)
            done = ident not in ahead and settled(inc)
            self._kept[ident] = Kept(inc, inc is not None and id(inc) in breaches, done)
            if done:
                self._unsettled.discard(ident)
            else:
                self._unsettled.add(ident)
            if inc is not None:
                if one_by_one:
                    bisect.insort(listed, _order(inc))
                else:
                    added.append(_order(inc))
        if not one_by_one:
            merged = [o for o in listed if o not in removed] if removed else listed
            added.sort()
            merged.extend(added)
            merged.sort()
            self._listed = merged
        self.last_judged = len(again)

    def _rest_log_ctx(self, tz: dt.tzinfo, start: float, end: float, as_of: float) -> tuple[Ctx, Evaluation]:
        events = sorted((e.seq, e.body) for evs in self._rest.values() for e in evs)
        blob = "\n".join(b for _, b in events).encode()
        log = without_lines(read_jsonl(io.BytesIO(blob), SOURCE, declared=self._declared))
        ctx = self._ctx(tz, start, end, as_of)
        _, _, duplicates = judge_part(ctx, log, skip_invalid=True)
        return ctx, assemble(ctx, log, [], [], duplicates)

    def _judge_rest(self, tz: dt.tzinfo, start: float, end: float, as_of: float) -> Report:
        kept = self._rest_verdict
        if kept is not None and not self._rest_dirty and kept.settled and kept.as_of <= as_of:
            self.last_rest_judged = False
            return kept.skeleton
        _, result = self._rest_log_ctx(tz, start, end, as_of)
        skeleton = result.skeleton
        horizon = max((e.horizon for evs in self._rest.values() for e in evs), default=as_of)
        self._rest_verdict = RestVerdict(skeleton, as_of, horizon <= as_of and rest_settled(skeleton))
        self._rest_dirty = False
        self.last_rest_judged = True
        return skeleton

    def availability(
        self, policies: Sequence[Policy], generation: int, tz: dt.tzinfo, start: float, end: float, as_of: float
    ) -> Evaluation:
        """Outages, stops, maintenance and availability over [start, end) as of ``as_of`` (no incidents)."""
        with self._lock:
            self._sync(policies, generation)  # the incident ids it names wait for the next look
            return self._rest_log_ctx(tz, start, end, as_of)[1]
