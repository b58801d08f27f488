"""When a target's time reaches a share of it: the instants of a clock's warning thresholds.

Design notes
------------
* One reading for ``sla explain`` and ``sla serve``: the instant a target's running time reaches a
  threshold's share of it (``at risk at 50%, 75% of target``) is computed here, and only here, for
  every kind of target: the priority's plain response target (:func:`response_risks`), a target
  counted in running time on a named clock (``within``, ``update every``: :func:`clock_risks`) and a
  day-based one (``by end of 2nd business day``: :func:`day_risks`). The evaluator hands the
  instants to the report rows (``risk_steps``, which ``sla explain`` words); ``sla serve`` fires one
  alert at each (:mod:`sla_dsl.serve.tracking`).
* A share is whole seconds, rounded up (``ceil``): the first whole second at or after which that
  much time has run, as a timer fires it.
* A named clock's current life is read back from its story (:class:`~.clocks.Told`, what
  :func:`.clocks.live` tells): its running segments since its last start, reset or restart, the
  open one taken to run on (:func:`run_of`).
* A day-based target counts the business time of its calendar used since the cycle's start against
  that from the start to the due instant (:mod:`.day_targets`); none (a cycle that starts outside the
  hours and falls due at the next opening): every threshold at the start.
* The plain response target counts business time (or elapsed time) from the clock start against that
  from the clock start to its due instant (:func:`.incidents.used_percent`), so a day-based response
  target (``respond by end of 1st business day``) reads alike.
* :func:`last_passed` is the threshold a report row names (``at_risk_percent``): the last one the
  share of time used has reached.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from typing import NamedTuple

from .clocks import Told
from .common import Rules, target_calendar

#: (threshold in percent, instant in epoch seconds)
Risk = tuple[float, float]


def add_running(rules: Rules, a: float, secs: float, cal: str | None) -> float:
    """The instant ``secs`` of business (or elapsed) time after ``a``."""
    if cal is None:
        return rules.within(a + secs)
    c = rules.calendar(cal)
    if a.is_integer() and float(secs).is_integer():
        return rules.within(float(c.add_epoch(int(a), int(secs))))
    return rules.within(c.add(rules.dt(a), dt.timedelta(seconds=secs)).timestamp())


def last_passed(pcts: Sequence[float], used: float) -> float | None:
    """The last of the thresholds ``pcts`` (lowest first) that ``used`` percent of the time has reached."""
    passed = None
    for p in pcts:
        if used < p:
            break
        passed = p
    return passed


def risks(pcts: Sequence[float], due: float | None, reach: Callable[[float], float | None]) -> list[Risk]:
    """(threshold, instant) of each of the thresholds ``pcts`` whose instant (``reach``) comes before
    ``due`` (all when there is no due instant)."""
    out: list[Risk] = []
    for pct in pcts:
        at = reach(pct)
        if at is not None and (due is None or at < due):
            out.append((pct, at))
    return out


def share(total: float, pct: float) -> int:
    """``pct`` percent of ``total`` seconds, in whole seconds rounded up."""
    return math.ceil(total * pct / 100.0)


class Run(NamedTuple):
    """A named clock's current life, read back from its story: its state, start and running segments."""

    state: str
    start: float
    closed: list[tuple[float, float]]
    #: the start of the running segment, when the clock runs
    open_from: float | None
    #: the stretches its deadlines are held back (``not due at``: :mod:`.holds`), the end of one still open +inf
    holds: tuple[tuple[float, float], ...] = ()


def run_of(story: Sequence[Told]) -> Run | None:
    """The life after the clock's last reset (or restart), as :func:`.clocks.live` made it (None: the clock
    never started)."""
    state, start, seg = "not_started", 0.0, 0.0
    closed: list[tuple[float, float]] = []
    holds: list[tuple[float, float]] = []
    waiting: list[tuple[float, tuple[str, ...]]] = []  # (open holds: their start and the events that end them)
    for told in story:
        t, act = told.at, told.act
        if act == "hold":
            waiting.append((t, told.until))
        elif act == "unhold":  # (each open hold whose line ends at this event: the next one of its list)
            holds += [(a, t) for a, until in waiting if told.event in until]
            waiting = [(a, until) for a, until in waiting if told.event not in until]
        elif act in ("start", "reset", "restart"):
            state, start, seg, closed = "running", t, t, []
        elif act == "pause" and state == "running":
            if t > seg:
                closed.append((seg, t))
            state = "paused"
        elif act == "resume" and state == "paused":
            state, seg = "running", t
        elif act in ("stop", "cancel", "completed") and state in ("running", "paused"):
            if state == "running" and t > seg:
                closed.append((seg, t))
            state = "stopped"
    if state == "not_started":
        return None
    held = tuple(sorted([*holds, *((a, math.inf) for a, _ in waiting)]))
    return Run(state, start, closed, seg if state == "running" else None, held)


def reach(rules: Rules, run: Run, since: float, need: float, cal: str | None) -> float | None:
    """The first instant the clock's running time counted from ``since`` reaches ``need``, the running
    segment taken to run on; None if it does not (a paused clock that has not reached it)."""
    acc = 0.0
    for a, b in run.closed:
        lo = max(a, since)
        if b <= lo:
            continue
        s = rules.between(lo, b, cal)
        if acc + s >= need:
            return add_running(rules, lo, need - acc, cal)
        acc += s
    if run.open_from is None:
        return None
    return add_running(rules, max(run.open_from, since), need - acc, cal)


def clock_risks(
    rules: Rules, pcts: Sequence[float], run: Run, since: float, target_s: float, cal: str | None
) -> tuple[float | None, list[Risk]]:
    """A target counted in running time on a named clock (``within``; ``update every``: from the last
    update, ``since``): its due instant, the first instant the running time since ``since`` reaches
    ``target_s`` (None while paused short of it), and each threshold's instant before it."""
    due = reach(rules, run, since, target_s, cal)
    return due, risks(pcts, due, lambda pct: reach(rules, run, since, share(target_s, pct), cal))


def day_risks(rules: Rules, pcts: Sequence[float], start: float, due: float, cal: str) -> list[Risk]:
    """A day-based target's thresholds (:mod:`.day_targets`) for the cycle that starts at ``start`` and
    falls due at ``due``: where the business time of ``cal`` used since the start reaches each share of
    that from the start to the due instant (at the start when there is none)."""
    total = rules.between(start, due, cal)
    return risks(pcts, due, lambda pct: add_running(rules, start, share(total, pct), cal) if total > 0 else start)


def response_share(rules: Rules, priority: str, clock: float, due: float, pct: float) -> float:
    """When the time used by the response target of ``priority`` (its clock started at ``clock``, due at
    ``due``) reaches ``pct`` percent of it."""
    cal = target_calendar(rules.priorities[priority].target)
    return add_running(rules, clock, share(rules.between(clock, due, cal), pct), cal)


def response_risks(rules: Rules, priority: str, clock: float, due: float) -> list[Risk]:
    """(threshold, instant) of each warning threshold of the response target before its due instant, when
    its clock has several (none for one: its single instant is :func:`response_share`)."""
    pcts = rules.clock.risk_thresholds if rules.clock is not None else ()
    if len(pcts) < 2:
        return []
    return risks(pcts, due, lambda pct: response_share(rules, priority, clock, due, pct))
