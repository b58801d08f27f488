"""Targets due at an instant of a business day: ``by end of 2nd business day``, ``by 16:00 of 1st business day``.

Design notes
------------
* One due instant per cycle: a day-based target (a priority's plain response target, or a named one on a
  named clock: ``resolve by end of 2nd business day on resolution``) falls due at the close, or at the
  time of day it names, of the nth business day of its calendar after the local date (the calendar's zone)
  of the instant the clock, or the cycle of the clock, starts: never that date itself
  (:func:`sla_dsl.policy.compiled.day_due` says how a time of day outside the day's hours or in a DST gap
  is read). A wall-clock instant: nothing the clock does after its start moves it. So ``sla check``
  refuses such a target on a clock that pauses (E225: a pause could not move it), and a reset or a
  restart starts a new cycle with its own due instant, as for a target counted in running time.
* The one met rule: met iff the clock stops at or before the due instant; breached once it stops, or
  ``as_of`` is, after it; a cycle that ran past its due instant stays breached (a reset does not undo it).
* ``at risk at N% of target`` reads it as it reads the plain ``respond by end of``: the business time of
  the target's calendar used since the cycle's start against that from the start to the due instant
  (``target_s``, 0 when the cycle starts outside the hours and the target falls due at the next opening:
  then at risk from the start, as the plain response is).
* This module holds what every path asks of such a target (its due instant for a cycle, its words as the
  policy writes it); the judge that uses them is :func:`.targets.judge_targets`'.
"""

from __future__ import annotations

from ..lang import model as m
from .common import Rules


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``11th``: an ordinal as the policy writes it."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def day_syntax(day: m.ByEndOf) -> str:
    """``end of 2nd business day`` or ``16:00 of 2nd business day``: the target after ``by``, as written."""
    when = "end" if day.at is None else str(day.at)
    return f"{when} of {ordinal(day.nth)} {day.calendar} day"


def target_syntax(t: m.ClockTarget) -> str:
    """``resolve by end of 2nd business day on resolution``: a day-based named target as written."""
    assert t.by_day is not None
    return f"{t.kind.replace('_', ' ')} by {day_syntax(t.by_day)} on {t.clock}"


def describe(day: m.ByEndOf) -> str:
    """``the end of business day 2`` or ``16:00 of business day 2`` (the explanation's words)."""
    return f"the end of business day {day.nth}" if day.at is None else f"{day.at} of business day {day.nth}"


def cycle_due(rules: Rules, day: m.ByEndOf, start: float) -> float:
    """The due instant of a day-based target for a cycle of its clock that starts at ``start``."""
    return rules.due(day, start)
