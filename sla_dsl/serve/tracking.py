"""The live view: the stored events judged as of now, and each open target's next transition.

Design notes
------------
* One evaluator. Every answer -- incidents, outages, the report, timers, the
  dashboard -- is :func:`sla_dsl.evaluation.judge_log` over the stored events
  (read back with the CLI's JSON Lines reader) with ``as_of`` = now. Nothing
  here re-implements a verdict; it only reads the compact verdicts and asks the
  policy's calendars the two questions the report does not answer: how much
  business time is used and left, and when the at-risk threshold is crossed.
* The at-risk instant is the one where the business time used reaches the
  policy's ``at risk at N%`` of the target's business time (rounded up to the
  second), found with the calendar's own ``add``; so the evaluator calls the
  incident ``at_risk`` from that instant on (``used / total >= N%``).
* The live answers come from :class:`.live.LiveView`, which judges again only
  the incidents named by new events and those still open, and the outages and
  stops when one of them changed or one is still open; this month's
  availability is judged from the outages and stops it keeps.
  ``incremental=False`` judges every stored event on each look instead (the
  reference the live view is tested against).
* Full evaluations (``GET /report``) are cached by (store revision, policy
  generation, period, as-of second). One evaluation runs at a time (a lock),
  so a burst of readers waits for one result instead of computing it N times.
* The timers (:class:`.alerts.Timers`) read the same live view, asking only
  for the incidents not settled (:meth:`Tracker.open_view`): one mechanism, and
  a month of closed incidents costs nothing per ingest.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ..calendars.bounds import MAX_PERIOD
from ..evaluation import Evaluation, judge_log
from ..evaluation.common import Rules, target_calendar
from ..evaluation.incident_rows import row
from ..evaluation.incidents import Incident
from ..evaluation.trend import add_trend
from ..events import read_jsonl
from ..events.partitions import without_lines
from ..policy.compiled import Policy, declared_types
from ..report.render import render
from .live import LiveView
from .store import Store

#: The live view judges the events of at most this many days before today (the evaluator judges at
#: most ten years at once); an event older than that is refused by ``POST /events`` (E123).
LIVE_DAYS = 3650
assert LIVE_DAYS + 2 < MAX_PERIOD.days  # the period also holds today and the day the window starts on


class Clock(Protocol):
    """Where the service reads the time (a fake one in tests)."""

    def now(self) -> float: ...


class RealClock:
    """The system clock."""

    def now(self) -> float:
        """POSIX seconds now."""
        return time.time()


class FakeClock:
    """A clock that moves only when told (tests)."""

    def __init__(self, start: float) -> None:
        self._t = start
        self._lock = threading.Lock()

    def now(self) -> float:
        """The fake instant."""
        with self._lock:
            return self._t

    def set(self, t: float) -> None:
        """Move to ``t``."""
        with self._lock:
            self._t = t


@dataclass(frozen=True, slots=True)
class Transition:
    """One instant at which an open target changes state."""

    kind: str  # incident.at_risk, incident.breached, outage.notice_breached
    item: str
    instant: float
    priority: str | None
    version: str
    due: float

    @property
    def key(self) -> str:
        """What makes an alert unique: the same transition is never alerted twice."""
        return f"{self.kind}|{self.item}|{self.instant:.6f}"


def log_of(bodies: Sequence[str], declared: frozenset[str] = frozenset()) -> Any:
    """An EventLog of stored event texts (already validated once; ``declared``: the policies' own types),
    without line numbers: a line of the store's read means nothing to a client, so no note names one."""
    blob = "\n".join(bodies).encode()
    return without_lines(read_jsonl(io.BytesIO(blob), "<store>", declared=declared))


def at_risk_instant(rules: Rules, inc: Incident) -> float | None:
    """When the business time used reaches the policy's at-risk share of the target."""
    if rules.at_risk is None or inc.due is None:
        return None
    cal = target_calendar(rules.priorities[inc.priority].target)
    total = rules.between(inc.clock, inc.due, cal)
    need = math.ceil(total * rules.at_risk / 100.0)
    if cal is None:
        return inc.clock + need
    c = rules.calendar(cal)
    if inc.clock.is_integer():
        return float(c.add_epoch(int(inc.clock), need))
    return c.add(rules.dt(inc.clock), dt.timedelta(seconds=need)).timestamp()


def transitions_of(result: Evaluation) -> list[Transition]:
    """Every at-risk and due instant of the targets still open in ``result`` (past ones included)."""
    out: list[Transition] = []
    for inc in result.incidents:
        if inc.status in ("excluded", "met") or inc.responded is not None or inc.due is None:
            continue
        rules = inc.rules
        risk = at_risk_instant(rules, inc)
        if risk is not None and risk < inc.due:
            out.append(Transition("incident.at_risk", inc.ident, risk, inc.priority, rules.version, inc.due))
        out.append(Transition("incident.breached", inc.ident, inc.due, inc.priority, rules.version, inc.due))
    for o in result.skeleton.outages:
        # "breached" with no notice is the same wait judged after its due time (the timers look
        # again at or after the instant before firing): kept, so the alert fires, late if need be
        waiting = o.notice_status == "open" or (o.notice_status == "breached" and o.notified_at is None)
        if waiting and o.notice_due is not None:
            due = o.notice_due.timestamp()
            out.append(Transition("outage.notice_breached", o.id, due, None, o.policy_version, due))
    out.sort(key=lambda t: (t.instant, t.kind, t.item))
    return out


class Tracker:
    """The stored events judged under the current policy versions."""

    def __init__(self, store: Store, policies: Sequence[Policy], clock: Clock, *, incremental: bool = True) -> None:
        self.store = store
        self.incremental = incremental
        self.live = LiveView(store)
        self.clock = clock
        self._policies = list(policies)
        self.generation = 0
        self._lock = threading.Lock()
        self._cache: dict[tuple[Any, ...], Evaluation] = {}

    @property
    def policies(self) -> list[Policy]:
        return list(self._policies)

    def set_policies(self, policies: Sequence[Policy]) -> None:
        """Use these versions from now on (every cached evaluation is dropped)."""
        with self._lock:
            self._policies = list(policies)
            self.generation += 1
            self._cache.clear()

    @property
    def tz(self) -> dt.tzinfo:
        return min(self._policies, key=lambda p: p.effective).tz

    def evaluate(self, start: float, end: float, as_of: float, *, trend: bool = False) -> Evaluation:
        """``judge_log`` over every stored event, cached; with ``trend``, the report's month-by-month trend too."""
        with self._lock:
            key = (self.store.revision(), self.generation, start, end, math.floor(as_of), trend)
            hit = self._cache.get(key)
            if hit is not None:
                return hit
            bodies = self.store.bodies()
            tz = self.tz
            log = log_of(bodies, declared_types(self._policies))
            result = judge_log(
                self._policies,
                log,
                dt.datetime.fromtimestamp(start, tz),
                dt.datetime.fromtimestamp(end, tz),
                dt.datetime.fromtimestamp(as_of, tz),
                skip_invalid=True,
            )
            if trend:  # as `sla evaluate` (issue 16)
                add_trend(result, self._policies, log, judge_log, skip_invalid=True)
            if len(self._cache) > 16:
                self._cache.clear()
            self._cache[key] = result
            return result

    def _day_floor(self, t: float) -> float:
        d = dt.datetime.fromtimestamp(t, self.tz)
        return dt.datetime(d.year, d.month, d.day, tzinfo=self.tz).timestamp()

    def live_start(self, now: float) -> float:
        """The earliest instant the live view judges: the start of the day :data:`LIVE_DAYS` days
        before ``now`` (policy time zone); ``POST /events`` refuses an event older than that."""
        return self._day_floor(now - LIVE_DAYS * 86_400.0)

    def now_view(self, now: float | None = None, *, open_only: bool = False) -> tuple[Evaluation, float]:
        """Everything stored, judged as of now: (evaluation, now); with ``open_only``, of the
        incidents not settled only (the live view; the full one lists every incident).

        The period starts on the day of the earliest stored event, or :data:`LIVE_DAYS` days ago
        if that is later (after ten years of operation the oldest events leave the live view; ``GET
        /report`` still judges them over their own period)."""
        now = self.clock.now() if now is None else now
        first = self.store.first_instant()
        start = self._day_floor(min(first, now) if first is not None else now)
        start = max(start, self.live_start(now))
        if self.incremental:
            with self._lock:
                policies, generation = list(self._policies), self.generation
            view = self.live.look(policies, generation, self.tz, start, math.floor(now) + 1.0, now, open_only=open_only)
            return view, now
        return self.evaluate(start, math.floor(now) + 1.0, now), now

    def open_view(self, now: float) -> Evaluation:
        """What the timers read: the incidents that can still change, and the outages, as of ``now``."""
        return self.now_view(now, open_only=True)[0]

    def month_view(self, now: float | None = None) -> Evaluation:
        """This calendar month (policy time zone) up to now (only its availability is read)."""
        now = self.clock.now() if now is None else now
        d = dt.datetime.fromtimestamp(now, self.tz)
        start = dt.datetime(d.year, d.month, 1, tzinfo=self.tz).timestamp()
        if self.incremental:
            with self._lock:
                policies, generation = list(self._policies), self.generation
            return self.live.availability(policies, generation, self.tz, start, math.floor(now) + 1.0, now)
        return self.evaluate(start, math.floor(now) + 1.0, now)

    # -- answers ----------------------------------------------------------------------------
    def incidents(self, statuses: set[str] | None) -> list[dict[str, Any]]:
        """Incident summaries (with business time used and left), optionally of some statuses."""
        result, now = self.now_view()
        return [self._summary(result, inc, now) for inc in result.incidents if not statuses or inc.status in statuses]

    def incident(self, ident: str) -> dict[str, Any] | None:
        """One incident in full: its row with the explanation, business time, next transitions."""
        result, now = self.now_view()
        for inc in result.incidents:
            if inc.ident == ident:
                out = self._summary(result, inc, now)
                out["row"] = row(result.ctx, inc).model_dump(mode="json")
                out["transitions"] = [
                    _transition_json(t, inc.rules) for t in transitions_of(_only(result, inc)) if t.item == ident
                ]
                return out
        return None

    def _summary(self, result: Evaluation, inc: Incident, now: float) -> dict[str, Any]:
        rules = inc.rules
        cal = target_calendar(rules.priorities[inc.priority].target) if inc.priority in rules.priorities else None
        used = left = None
        if inc.due is not None and inc.status != "excluded":
            end = inc.responded if inc.responded is not None else now
            used = rules.between(inc.clock, max(end, inc.clock), cal)
            left = rules.between(end, inc.due, cal) if end < inc.due else -rules.between(inc.due, end, cal)
        return {
            "id": inc.ident,
            "priority": inc.priority,
            "status": inc.status,
            "clock_start": rules.dt(inc.clock).isoformat(),
            "due": rules.dt(inc.due).isoformat() if inc.due is not None else None,
            "responded_at": rules.dt(inc.responded).isoformat() if inc.responded is not None else None,
            "completed_at": rules.dt(inc.completed).isoformat() if inc.completed is not None else None,
            "calendar": cal,
            "business_seconds_used": used,
            "business_seconds_left": left,
            "policy_version": rules.version,
        }

    def outages(self) -> list[dict[str, Any]]:
        """Every outage row, judged as of now."""
        result, _ = self.now_view()
        return [o.model_dump(mode="json") for o in result.skeleton.outages]

    def timers(self, within: float) -> list[dict[str, Any]]:
        """Transitions falling due in [now, now + within] across all targets."""
        result, now = self.now_view()
        rules_of = {r.version: r for r in result.ctx.versions.rules}
        return [
            _transition_json(t, rules_of[t.version]) for t in transitions_of(result) if now <= t.instant <= now + within
        ]

    def report(self, start: float, end: float, as_of: float | None, fmt: str, lang: str) -> str:
        """The report of ``sla evaluate`` over the stored events."""
        result = self.evaluate(start, end, end if as_of is None else as_of, trend=True)
        if fmt == "json":
            out = io.BytesIO()
            result.write_json(out)
            return out.getvalue().decode()
        return render(
            result.skeleton,
            fmt,
            lang=lang,
            policies=self._policies,
            incidents=result.incidents,
            violations=result.violations(),
        )


def _only(result: Evaluation, inc: Incident) -> Evaluation:
    return Evaluation(result.ctx, [inc], [], result.skeleton.model_copy(update={"outages": []}))


def _transition_json(t: Transition, rules: Rules) -> dict[str, Any]:
    return {
        "kind": t.kind,
        "id": t.item,
        "at": rules.dt(t.instant).isoformat(),
        "due": rules.dt(t.due).isoformat(),
        "priority": t.priority,
        "policy_version": t.version,
    }
