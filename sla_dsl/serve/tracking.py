"""The live view: the stored events judged as of now, and each open target's next transition.

Design notes
------------
* One evaluator. Every answer -- incidents, outages, the report, timers, the
  dashboard -- is :func:`sla_dsl.evaluation.judge_log` over the stored events
  (read back with the CLI's JSON Lines reader) with ``as_of`` = now. Nothing
  here re-implements a verdict; it only reads the compact verdicts and asks the
  policy's calendars the questions the report does not answer: how much
  business time is used and left, when the at-risk threshold is crossed, and
  when a target whose clock runs will run out.
* The at-risk instant is the one where the business time used reaches the
  policy's ``at risk at N%`` of the target's business time (rounded up to the
  second), found with the calendar's own ``add``; so the evaluator calls the
  incident ``at_risk`` from that instant on (``used / total >= N%``). Every
  threshold's instant, of every kind of target, comes from
  :mod:`sla_dsl.evaluation.risk_times`, which ``sla explain`` reads too.
* Every open target is watched (:func:`watched`), not only the priority's
  response target: each named target of an incident (``resolve``, ``update``,
  ``first reply``... on its clock) and each notification rule on an incident
  or an outage event. A target on a named clock is read from its verdict (its
  status, its time, its last update) and from the clock's own story (what
  the clock did, which the verdict keeps for ``sla explain``): its running
  segments, from which its due time (the evaluator's formula: the running
  segment taken to run on), its at-risk instant (its clock's ``at risk at
  N%``) and an ``update`` target's next due time are found. (Read from the
  segments rather than from the verdict's due time, which depends on the
  instant the incident is judged at.) So a
  paused target has no due time (nothing fires while it stands still) and
  gets its new one when it resumes. A target whose time ran out just as a
  stretch of counting ended (the clock paused then, or its calendar closed
  before a pause) is due, as the report says, at the instant it ran out,
  not when the clock runs again, and stays due then while the clock is
  paused (a stop after it is late: breached); an ``update`` alike, the
  interval counted from the last one. Every instant depends only on the stored
  events, never on ``now``: the key of a transition (and so of its alert)
  stays the same from look to look.
* A target on a clock with ``not due at A until B`` lines: its due and at-risk instants that fall in
  a hold (from each A to the next B) are moved to when the hold ends, as the evaluator says the breach
  (:mod:`sla_dsl.evaluation.holds`); while a hold still open holds them none fires (no due time, as RT
  has none while a ticket is stalled), and an at-risk instant moved to the due one is dropped.
* A due transition (a breach) has passed only *after* its instant: the
  evaluator calls a target met iff it is stopped at or before its due
  instant, every target alike, so one stopped exactly then is met and one
  stopped a second later (in closed hours too) is breached
  (:attr:`Transition.strict`); an at-risk one has passed at its instant.
* The alert keys of the priority's response target and of an outage's first
  notification rule are those of earlier releases (``kind|id|instant``), so a
  restart after an upgrade fires none of their alerts again; every other
  target's key names it (``kind#target@clock|id|instant``).
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

import dataclasses
import datetime as dt
import io
import math
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

import orjson

from ..calendars.bounds import MAX_PERIOD, OutOfRangeError
from ..evaluation import Evaluation, judge_log
from ..evaluation.common import Rules, target_calendar
from ..evaluation.day_targets import cycle_due
from ..evaluation.holds import held_until
from ..evaluation.incident_rows import row
from ..evaluation.incidents import Incident
from ..evaluation.risk_times import Run, clock_risks, day_risks, response_risks, response_share, run_of
from ..evaluation.targets import TargetVerdict, life_risks
from ..evaluation.trend import add_trend
from ..events import read_jsonl
from ..events.partitions import without_lines
from ..i18n import message
from ..lang import model as m
from ..policy.compiled import Policy, declared_types
from ..report import DataNote
from ..report.data_notes import note_text
from ..report.render import render
from ..report.violation_words import policy_labels
from ..report.words import PolicyWords
from .live import INCIDENT, LiveView
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


#: The kinds of transition (an alert's ``kind``): the priority's own response target (``respond within``) ...
AT_RISK, BREACHED = "incident.at_risk", "incident.breached"
#: ... a named target of an incident on a named clock (``resolve``, ``update``, ``first_reply``, ``respond``) ...
TARGET_AT_RISK, TARGET_BREACHED = "incident.target_at_risk", "incident.target_breached"
#: ... a notification rule on an incident event, and one on an outage event.
INCIDENT_NOTICE, OUTAGE_NOTICE = "incident.notice_breached", "outage.notice_breached"
#: The due kinds: passed only after their instant (a target met exactly at its due time is met).
DUE_KINDS = frozenset({BREACHED, TARGET_BREACHED, INCIDENT_NOTICE, OUTAGE_NOTICE})
#: How the priority's own response target is named (``target``) in alerts, timers and metrics.
RESPONSE = "response"


@dataclass(frozen=True, slots=True)
class Transition:
    """One instant at which an open target changes state."""

    kind: str  # one of the kinds above
    item: str
    instant: float
    priority: str | None
    version: str
    due: float
    #: the target: :data:`RESPONSE`, a named target's kind (``resolve``), or a notification rule's name
    target: str = RESPONSE
    #: the named clock the target runs on (None for the response target and notification rules)
    clock: str | None = None
    #: its alert key names the target (every target but the response target and an outage's first rule)
    named: bool = False
    #: which alert of the transition this is: 1, or N when each of the N - 1 before it was withdrawn and later
    #: events made the transition true again (:func:`again_key`)
    again: int = 1
    #: the warning threshold (percent) of an at-risk transition of a clock with several (``at risk at 50%,
    #: 75% of target``): one alert each, its key naming it; None for a clock with one (keys as before)
    threshold: float | None = None

    @property
    def strict(self) -> bool:
        """A due transition: it has passed only once the clock is after its instant."""
        return self.kind in DUE_KINDS

    def passed(self, upto: float) -> bool:
        """Has it passed when the clock reads ``upto``?"""
        return self.instant < upto if self.strict else self.instant <= upto

    @property
    def base(self) -> str:
        """The transition's own key: what a look at its instant has when it has the transition."""
        kind = self.kind if self.threshold is None else f"{self.kind}%{self.threshold:g}"
        if not self.named:  # (as earlier releases wrote it: their alerts are not fired again)
            return f"{kind}|{self.item}|{self.instant:.6f}"
        on = f"@{self.clock}" if self.clock else ""
        return f"{kind}#{self.target}{on}|{self.item}|{self.instant:.6f}"

    @property
    def key(self) -> str:
        """What makes an alert unique: the same transition is never alerted twice, unless its alert was
        withdrawn and later events made it true again (then once more, under :func:`again_key`)."""
        return again_key(self.base, self.again)

    @property
    def order(self) -> tuple[float, bool, str, str, str, str, float]:
        """Sort key: by instant, an at-risk transition before a due one of the same instant."""
        return (self.instant, self.strict, self.kind, self.item, self.target, self.clock or "", self.threshold or 0.0)


#: The end of the key of an alert fired again (``|2``), after a transition's own key, which ends with its instant
#: written ``%.6f`` (``|1796018400.000000``): the two are never taken for one another.
_AGAIN = re.compile(r"(?s)(.*\|-?\d+\.\d{6})\|(\d+)")


def again_key(base: str, again: int) -> str:
    """The key of the ``again``-th alert of the transition whose own key is ``base``: ``base`` itself for the
    first, ``base|N`` for the N-th (each one before it was withdrawn, and later events made it true again)."""
    return base if again <= 1 else f"{base}|{again}"


def split_key(key: str) -> tuple[str, int]:
    """(the transition's own key, which alert of it) of an alert's key: :func:`again_key` read back."""
    m = _AGAIN.fullmatch(key)
    return (m.group(1), int(m.group(2))) if m else (key, 1)


@dataclass(frozen=True, slots=True)
class Watched:
    """One target of an item whose state can still change with time (its transitions, a dashboard row)."""

    family: str  # "incident" or "outage"
    item: str
    priority: str | None
    rules: Rules
    #: :data:`RESPONSE`, a named target's kind, or a notification rule's name
    target: str
    #: ``response``, ``respond``, ``resolve``, ``first_reply``, ``update`` or ``notify``
    kind: str
    clock: str | None
    #: ``open``, ``at_risk``, ``breached`` or ``paused``
    status: str
    #: its due instant (None while its clock is paused and the target has not run out)
    due: float | None
    at_risk: float | None
    #: the calendar whose time the target counts (None: elapsed time)
    calendar: str | None
    #: whether its clock runs (a paused one: ``left`` stands still)
    running: bool
    #: the running time left (negative: over) of a paused clock, in the calendar's seconds
    held: float | None
    named: bool
    #: (threshold, instant) of each warning threshold still before the due instant, when the clock has
    #: several (``at risk at 50%, 75% of target``): one transition each; empty for one (``at_risk``)
    risks: tuple[tuple[float, float], ...] = ()


def log_of(bodies: Sequence[str], declared: frozenset[str] = frozenset()) -> Any:
    """An EventLog of stored event texts (already validated once; ``declared``: the policies' own types),
    without line numbers: a line of the store's read means nothing to a client, so no note names one."""
    blob = "\n".join(bodies).encode()
    return without_lines(read_jsonl(io.BytesIO(blob), "<store>", declared=declared))


def at_risk_instant(rules: Rules, inc: Incident) -> float | None:
    """When the business time used reaches the policy's (first) at-risk share of the target."""
    if rules.at_risk is None or inc.due is None:
        return None
    return response_share(rules, inc.priority, inc.clock, inc.due, rules.at_risk)


def _clock_target(rules: Rules, priority: str, kind: str, clock: str | None) -> m.ClockTarget | None:
    pri = rules.priorities.get(priority)
    return next((t for t in pri.targets if t.kind == kind and t.clock == clock), None) if pri else None


def _notify_rule(rules: Rules, name: str) -> m.Notify | None:
    return next((n for n in rules.model.notifications if n.name == name), None)


def _watch_target(inc: Incident, v: TargetVerdict) -> Watched | None:
    """A named target's or an incident notification rule's watch, if it can still change with time."""
    rules = inc.rules

    several = v.clock is not None and len(life_risks(rules, v.clock)) > 1

    def watch(
        status: str, due: float | None, risks: list[tuple[float, float]], cal: str | None, run: Run | None
    ) -> Watched:
        paused = run is not None and run.state == "paused"
        return Watched(
            family="incident",
            item=inc.ident,
            priority=inc.priority,
            rules=rules,
            target=v.name,
            kind=v.kind,
            clock=v.clock,
            status=status,
            due=due,
            at_risk=risks[0][1] if risks else None,
            calendar=cal,
            running=not paused,
            held=v.target_s - (v.used_s or 0.0) if paused else None,
            named=True,
            risks=tuple(risks) if several else (),
        )

    if v.kind == "notify":
        # "breached" with no notice is the same wait judged after its due time: kept, so its alert fires
        waiting = v.status == "open" or (v.status == "breached" and v.met_at is None)
        if not waiting or v.due is None:
            return None
        n = _notify_rule(rules, v.name)
        return watch(v.status, v.due, [], n.within.calendar if n is not None else None, None)
    if v.status not in ("open", "at_risk", "breached", "paused") or v.clock is None or v.cancelled_at is not None:
        return None
    run = run_of(v.story)
    if run is None or run.state == "stopped":
        return None
    t = _clock_target(rules, inc.priority, v.kind, v.clock)
    if t is not None and t.by_day is not None:
        return _watch_by_day(rules, v, t.by_day, run, watch)
    cal = t.duration.calendar if t is not None and t.duration is not None else None
    if v.kind == "update":  # the interval since the last update (or the clock's start)
        since = max(run.start, v.met_at) if v.met_at is not None else run.start
    elif v.met_at is not None or v.reset_at is not None:  # stopped late, or a reset after it ran out
        return None
    else:  # a breach stays a breach: watched while the clock that ran out still runs (or is paused)
        since = run.start
    # (the evaluator's own formula, for every kind: from the segments, not the verdict's due time: see the
    # notes above). Met iff stopped (or updated) at or before that instant: the breach passes just after it;
    # due even when a stretch of counting ended just then and the clock ran again only later, or not yet
    # (paused just as, or after, its time ran out: a stop after that instant is late); none while the clock
    # is paused short of it (the evaluator calls such a target paused, and met when the clock stops so)
    due, risks = clock_risks(rules, life_risks(rules, v.clock), run, since, v.target_s, cal)
    if run.holds:  # (`not due at`: an instant in a hold is said when it ends; none while one still open holds it)
        ran_out = due
        due, risks = _unheld(run.holds, due, risks)
        if (
            ran_out is not None and due is None
        ):  # (no due time while held: shown as standing still, with the running time left, as paused)
            return dataclasses.replace(
                watch(v.status, None, risks, cal, run), running=False, held=v.target_s - (v.used_s or 0.0)
            )
    return watch(v.status, due, risks, cal, run)


def _unheld(
    holds: Sequence[tuple[float, float]], due: float | None, risks: list[tuple[float, float]]
) -> tuple[float | None, list[tuple[float, float]]]:
    """A target's due and at-risk instants on a clock whose deadlines are held back (``not due at``): each
    moved to when the hold it falls in ends (:func:`sla_dsl.evaluation.holds.held_until`), none while a hold
    still open holds it, and no at-risk instant at or after the due one."""
    moved = held_until(holds, due) if due is not None else math.inf
    later = [(pct, held_until(holds, at)) for pct, at in risks]
    return (moved if moved != math.inf else None), [(pct, at) for pct, at in later if at < moved]


#: :func:`_watch_target`'s maker of a watch: (status, due, at risk, calendar, run)
_Watch = Callable[[str, float | None, list[tuple[float, float]], str | None, Run | None], Watched]


def _watch_by_day(rules: Rules, v: TargetVerdict, day: m.ByEndOf, run: Run, watch: _Watch) -> Watched | None:
    """A day-based target's watch (:mod:`sla_dsl.evaluation.day_targets`): due at its instant for the
    clock's current cycle (a wall-clock instant from the cycle's start, as the evaluator's); at risk where
    the business time of its calendar used since the start reaches the clock's share of the time from the
    start to the due instant (at the start when there is none), as the evaluator says ``at_risk``."""
    if v.met_at is not None or v.reset_at is not None:  # stopped late, or a reset after it ran out
        return None
    cal = day.calendar
    due = cycle_due(rules, day, run.start)
    risks = day_risks(rules, life_risks(rules, v.clock) if v.clock is not None else (), run.start, due, cal)
    return watch(v.status, due, risks, cal, run)


def watched(result: Evaluation) -> list[Watched]:
    """Every target of ``result`` whose state can still change with time: the priority's response target of
    each incident not responded, its named targets and notification rules not yet met, and each notification
    rule of an outage still waiting for its notice (past its due time too: its alert fires late)."""
    out: list[Watched] = []
    for inc in result.incidents:
        if inc.status == "excluded":
            continue
        rules = inc.rules
        if inc.status != "met" and inc.responded is None and inc.due is not None:
            risks = response_risks(rules, inc.priority, inc.clock, inc.due)
            risk = at_risk_instant(rules, inc)
            out.append(
                Watched(
                    family="incident",
                    item=inc.ident,
                    priority=inc.priority,
                    rules=rules,
                    target=RESPONSE,
                    kind=RESPONSE,
                    clock=None,
                    status=inc.status,
                    due=inc.due,
                    at_risk=risk if risk is not None and risk < inc.due else None,
                    calendar=target_calendar(rules.priorities[inc.priority].target),
                    running=True,
                    held=None,
                    named=False,
                    risks=tuple(risks),
                )
            )
        for v in inc.targets:
            w = _guarded(_watch_target, inc, v)
            if w is not None:
                out.append(w)
    outages = result.skeleton.outages
    rules_of = {r.version: r for r in result.ctx.versions.rules} if outages else {}
    for o in outages:
        version = rules_of.get(o.policy_version)
        if version is None:
            continue
        first = version.notify
        # "breached" with no notice is the same wait judged after its due time (the timers look
        # again at or after the instant before firing): kept, so the alert fires, late if need be
        waiting = o.notice_status == "open" or (o.notice_status == "breached" and o.notified_at is None)
        if waiting and o.notice_due is not None and first is not None:
            out.append(_notice(o.id, version, first.name, o.notice_status, o.notice_due.timestamp(), named=False))
        for n in o.notices[1:]:  # (the first is the rule above)
            waiting = n.status == "open" or (n.status == "breached" and n.met_at is None)
            if waiting and n.due is not None:
                out.append(_notice(o.id, version, n.name, n.status, n.due.timestamp(), named=True))
    return out


def _notice(item: str, rules: Rules, name: str, status: str, due: float, *, named: bool) -> Watched:
    """The watch of an outage's notification rule ``name`` still waiting for its notice."""
    rule = _notify_rule(rules, name)
    return Watched(
        family="outage",
        item=item,
        priority=None,
        rules=rules,
        target=name,
        kind="notify",
        clock=None,
        status=status,
        due=due,
        at_risk=None,
        calendar=rule.within.calendar if rule is not None else None,
        running=True,
        held=None,
        named=named,
    )


def _guarded(fn: Any, *args: Any) -> Any:
    """``fn(*args)``, or None when its arithmetic leaves the supported years (no instant to watch there)."""
    try:
        return fn(*args)
    except OutOfRangeError:
        return None


def _kinds(w: Watched) -> tuple[str | None, str]:
    """The (at-risk, due) kinds of a watched target's transitions."""
    if w.family == "outage":
        return None, OUTAGE_NOTICE
    if w.kind == RESPONSE:
        return AT_RISK, BREACHED
    if w.kind == "notify":
        return None, INCIDENT_NOTICE
    return TARGET_AT_RISK, TARGET_BREACHED


def transitions_of(result: Evaluation) -> list[Transition]:
    """Every at-risk and due instant of the targets still open in ``result`` (past ones included)."""
    out: list[Transition] = []
    for w in watched(result):
        if w.due is None:  # paused: its due time moves; nothing is pending until it resumes
            continue
        risk_kind, due_kind = _kinds(w)
        clock = w.clock if w.named else None
        version = w.rules.version
        if risk_kind is not None and w.risks:  # (one alert per threshold of a clock with several)
            for pct, at in w.risks:
                out.append(
                    Transition(
                        risk_kind, w.item, at, w.priority, version, w.due, w.target, clock, w.named, threshold=pct
                    )
                )
        elif risk_kind is not None and w.at_risk is not None:
            out.append(Transition(risk_kind, w.item, w.at_risk, w.priority, version, w.due, w.target, clock, w.named))
        out.append(Transition(due_kind, w.item, w.due, w.priority, version, w.due, w.target, clock, w.named))
    out.sort(key=lambda t: t.order)
    return out


class PriorityNote(NamedTuple):
    """A ``data`` note of a stored incident: a priority the version judging it does not define
    (``priority_unknown``), as ``GET /report`` lists it among the violations."""

    ident: str
    #: the priority the event names
    priority: str
    #: the version that judges the incident (in force at its clock start), which does not define it
    version: str
    #: the instant of the event that names it
    at: float
    #: the priority in force on the incident when it is judged (the reprioritisation was not applied);
    #: None when the incident is not judged
    in_force: str | None
    #: the ``data`` violation's message, as ``GET /report`` gives it (the engine's English)
    message: str
    #: the violation's note, from which the message is worded in another language (None: not known)
    note: DataNote | None = None


def partial_priorities(policies: Sequence[Policy]) -> frozenset[str]:
    """The priorities some versions define and others do not: only an event naming one of them can make a
    ``priority_unknown`` note (a priority no version defines is refused, E120)."""
    sets = [frozenset(p.id for p in pol.model.priorities) for pol in policies]
    if not sets:
        return frozenset()
    every = sets[0].intersection(*sets[1:])
    return sets[0].union(*sets[1:]) - every


def names_priority(body: str, priorities: frozenset[str]) -> bool:
    """Whether the stored event text ``body`` gives one of ``priorities`` as its ``priority``."""
    if not any(p in body for p in priorities):  # (a screen: most texts name none)
        return False
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError:
        return False
    return isinstance(data, dict) and data.get("priority") in priorities


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
        #: the stored incidents not judged (their version does not define their priority), by id
        self._not_judged: dict[str, list[PriorityNote]] = {}
        self._notes_lock = threading.Lock()

    @property
    def policies(self) -> list[Policy]:
        return list(self._policies)

    @property
    def partial(self) -> frozenset[str]:
        """The priorities some versions in use define and others do not (:func:`partial_priorities`)."""
        return partial_priorities(self._policies)

    def priority_notes(self, idents: Iterable[str]) -> list[PriorityNote]:
        """The ``priority_unknown`` notes of these incidents, judged on their own stored events as the live
        view judges them (as of now); the count of incidents not judged (:meth:`not_judged_count`) follows."""
        wanted = sorted(set(idents))
        rows = self.store.item_events(INCIDENT, wanted) if wanted else []
        out: list[PriorityNote] = []
        if rows:
            now = self.clock.now()
            policies, tz = self.policies, self.tz
            first = min(r[2] for r in rows)
            start = max(self._day_floor(min(first, now)), self.live_start(now))
            log = log_of([b for _, b in sorted((seq, b) for seq, _, _, b in rows)], declared_types(policies))
            result = judge_log(
                policies,
                log,
                dt.datetime.fromtimestamp(start, tz),
                dt.datetime.fromtimestamp(math.floor(now) + 1.0, tz),
                dt.datetime.fromtimestamp(now, tz),
                skip_invalid=True,
            )
            judged = {inc.ident: inc.priority for inc in result.incidents}
            for v in result.violations():
                note = v.note
                if v.kind == "data" and note is not None and note.what == "priority_unknown" and v.at is not None:
                    out.append(
                        PriorityNote(
                            v.id, note.priority, note.version, v.at.timestamp(), judged.get(v.id), v.message, note
                        )
                    )
        with self._notes_lock:
            for ident in wanted:
                mine = [n for n in out if n.ident == ident and n.in_force is None]
                if mine:
                    self._not_judged[ident] = mine
                else:
                    self._not_judged.pop(ident, None)
        return out

    def not_judged_ids(self) -> set[str]:
        """The ids of the stored incidents not judged, as last found (:meth:`priority_notes`)."""
        with self._notes_lock:
            return set(self._not_judged)

    def not_judged_count(self) -> int:
        """How many stored incidents are not judged, as last found (:meth:`priority_notes`)."""
        with self._notes_lock:
            return len(self._not_judged)

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

    def one_view(self, ident: str, now: float | None = None) -> tuple[Evaluation, float]:
        """The incident ``ident`` judged as of now as :meth:`now_view` judges it, on its own events alone
        (:meth:`.live.LiveView.one`): a lookup waits for no look of every open incident."""
        now = self.clock.now() if now is None else now
        if not self.incremental:
            return self.now_view(now)
        first = self.store.first_instant()
        start = self._day_floor(min(first, now) if first is not None else now)
        start = max(start, self.live_start(now))
        with self._lock:
            policies, generation = list(self._policies), self.generation
        end = math.floor(now) + 1.0
        return self.live.one(policies, generation, self.tz, start, end, now, ident), now

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
        return self.incidents_page(statuses, 0, None)[0]

    def incidents_page(
        self, statuses: set[str] | None, offset: int, limit: int | None
    ) -> tuple[list[dict[str, Any]], int]:
        """The summaries of :meth:`incidents` from the ``offset``-th on, at most ``limit`` of them (all with
        None), and how many there are in all: only those answered are summarised."""
        result, now = self.now_view()
        chosen = [inc for inc in result.incidents if not statuses or inc.status in statuses]
        page = chosen[offset:] if limit is None else chosen[offset : offset + limit]
        return [self._summary(result, inc, now) for inc in page], len(chosen)

    def incident(self, ident: str, lang: str = "en") -> dict[str, Any] | None:
        """One incident in full: its row with the explanation, business time, next transitions; its notes (why it
        is not judged, a reprioritisation not applied) in ``lang``. Judged on its own events
        (:meth:`one_view`): its answer neither waits for nor grows with the other open incidents."""
        result, now = self.one_view(ident)
        for inc in result.incidents:
            if inc.ident == ident:
                out = self._summary(result, inc, now)
                out["row"] = row(result.ctx, inc).model_dump(mode="json")
                out["transitions"] = [
                    _transition_json(t, inc.rules) for t in transitions_of(_only(result, inc)) if t.item == ident
                ]
                out["judged"] = True
                # (a reprioritisation not applied: its note, as GET /report lists it)
                notes = self.priority_notes([ident]) if inc.unapplied else []
                out["data"] = [_note_json(n, inc.rules, self._said(n, lang)) for n in notes if n.ident == ident]
                return out
        stored = sorted(
            (at, seq, body) for seq, i, at, body in self.store.item_events("incident", [ident]) if i == ident
        )
        if not stored:
            return None
        rules = result.ctx.versions.rules[0]
        events = [orjson.loads(body) for _, _, body in stored]
        notes = [n for n in self.priority_notes([ident]) if n.ident == ident]
        if notes and all(n.in_force is None for n in notes):
            # stored, but not judged: its version does not define its priority (a data note of GET /report)
            data = [_note_json(n, rules, self._said(n, lang)) for n in notes]
            priority, version = notes[-1].priority, notes[-1].version
        else:  # stored, not in the live view: what it lacks, said as a note
            note = _unseen_note(stored, events, now, rules, lang)
            data, priority, version = [note], note["priority"], None
        return {
            "id": ident,
            "priority": priority,
            "status": None,
            "clock_start": None,
            "due": None,
            "responded_at": None,
            "completed_at": None,
            "calendar": None,
            "business_seconds_used": None,
            "business_seconds_left": None,
            "policy_version": version,
            "row": None,
            "transitions": [],
            "judged": False,
            "data": data,
            "events": events,
        }

    def _said(self, n: PriorityNote, lang: str) -> str:
        """A ``priority_unknown`` note's message in ``lang``: the engine's English as ``GET /report`` gives it,
        else the report's words for its note (as a report in that language words the violation: the
        policy's labels, the ids and the log's values quoted as data, no backtick)."""
        if lang == "en" or n.note is None:
            return n.message
        w = PolicyWords(self.policies, lang)
        return note_text(n.note, n.ident, lang, w.t, w.backup_kind_shown, w.event, policy_labels(w))

    def _summary(self, result: Evaluation, inc: Incident, now: float) -> dict[str, Any]:
        rules = inc.rules
        cal = target_calendar(rules.priorities[inc.priority].target) if inc.priority in rules.priorities else None
        used = left = None
        if inc.due is not None and inc.status != "excluded":
            end = inc.responded if inc.responded is not None else now
            used = rules.between(inc.clock, max(end, inc.clock), cal)
            # (+ 0.0: no business time past the due yet is 0, not -0.0)
            left = rules.between(end, inc.due, cal) if end < inc.due else -rules.between(inc.due, end, cal) + 0.0
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
        return self.timers_page(within, 0, None)[0]

    def timers_page(self, within: float, offset: int, limit: int | None) -> tuple[list[dict[str, Any]], int]:
        """The transitions of :meth:`timers` from the ``offset``-th on, at most ``limit`` of them (all with
        None), and how many there are in all: only those answered are written."""
        result, now = self.now_view()
        rules_of = {r.version: r for r in result.ctx.versions.rules}
        chosen = [t for t in transitions_of(result) if now <= t.instant <= now + within]
        page = chosen[offset:] if limit is None else chosen[offset : offset + limit]
        return [_transition_json(t, rules_of[t.version]) for t in page], len(chosen)

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


def _note_json(n: PriorityNote, rules: Rules, said: str) -> dict[str, Any]:
    """A ``priority_unknown`` note of ``GET /incidents/ID``, its message ``said`` (:meth:`Tracker._said`)."""
    return {"message": said, "at": rules.dt(n.at).isoformat(), "priority": n.priority, "version": n.version}


def _unseen_note(
    stored: Sequence[tuple[float, int, str]], events: Sequence[Any], now: float, rules: Rules, lang: str = "en"
) -> dict[str, Any]:
    """The note of ``GET /incidents/ID`` on an incident whose events are stored but that the live view does
    not judge (``stored``: its (instant, sequence, text), in time order; ``events``: them read): its report
    event dated after the service's clock (within the clock skew), none stored (a ``data`` violation of
    ``GET /report``), or another reason ``GET /report`` gives; in ``lang`` (``serve.incident.*``)."""
    reports = [(at, e) for (at, _, _), e in zip(stored, events, strict=True) if e.get("event") == "incident.reported"]
    ahead = [(at, e) for at, e in reports if at > now]
    if ahead:
        at, first = ahead[0]
        said = message("serve.incident.ahead", lang, event="incident.reported")
        priority = first.get("priority")
    elif not reports:
        at, priority = stored[0][0], None
        ident, note = str(events[0].get("id", "")), DataNote(what="unknown_incident")
        # (the engine's English as GET /report gives it, else the report's words, as in :meth:`Tracker._said`)
        labels = None if lang == "en" else policy_labels(PolicyWords([], lang))
        unknown = note_text(note, ident, lang, str, str, str, labels)
        said = message("serve.incident.unknown", lang, said=unknown, report="GET /report")
    else:
        at, priority = reports[-1][0], reports[-1][1].get("priority")
        said = message("serve.incident.not_judged", lang, report="GET /report", skipped="input.skipped")
    return {"message": said, "at": rules.dt(at).isoformat(), "priority": priority, "version": None}


def _transition_json(t: Transition, rules: Rules) -> dict[str, Any]:
    return {
        "kind": t.kind,
        "id": t.item,
        "target": t.target,
        "clock": t.clock,
        "at": rules.dt(t.instant).isoformat(),
        "due": rules.dt(t.due).isoformat(),
        "priority": t.priority,
        "policy_version": t.version,
    } | ({} if t.threshold is None else {"at_risk_percent": t.threshold})
