"""What the site derives from a policy rather than reads from it.

Design notes
------------
* Everything here goes through the engine's own arithmetic
  (:meth:`Policy.maintenance_windows`, :meth:`Policy.response_due`, the
  business calendars), so the site shows what the evaluator will judge by.
* Builds must be reproducible: every function takes its reference date as an
  argument (the plugin passes the ``today`` option, or the policy's effective
  date); nothing reads the clock.
* The worked example starts one hour before the close of business on the first
  business Friday on or after the reference date (``Fri 17:00`` for a calendar
  that closes at 18:00): the case that shows business time carrying over a
  weekend. When no Friday is a business day, the first business day serves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..calendars.recurrence import Window
from ..lang import model as m
from ..policy.compiled import Policy

__all__ = ["Example", "SameDayCutoff", "cutoff", "examples", "moved_windows", "next_windows"]

_SEARCH_DAYS = 400


def next_windows(policy: Policy, start: dt.date, count: int) -> list[Window]:
    """The first ``count`` regular-maintenance windows starting on or after ``start``."""
    out: list[Window] = []
    lo = start
    while len(out) < count and lo < start + dt.timedelta(days=366 * 10):
        hi = lo + dt.timedelta(days=366)
        out.extend(policy.maintenance_windows(lo, hi))
        lo = hi
    return out[:count]


def moved_windows(policy: Policy, start: dt.date, years: int) -> list[Window]:
    """Every window in ``years`` years from ``start`` that a roll rule moved off its scheduled day."""
    end = dt.date(start.year + years, start.month, min(start.day, 28))
    return [w for w in policy.maintenance_windows(start, end) if w.moved]


@dataclass(frozen=True)
class SameDayCutoff:
    """The P1 same-day guideline made concrete: received by ``cutoff`` -> due by ``close``."""

    priority: str
    before_close: m.Duration
    cutoff: m.ClockTime
    close: m.ClockTime
    example_start: dt.datetime
    example_due: dt.datetime

    @property
    def holds(self) -> bool:
        """Whether the response target really falls due the same day for a clock at the cutoff."""
        return self.example_due.date() == self.example_start.date()


def _close(cal: m.Calendar) -> m.ClockTime:
    return max((r.end for r in cal.hours), key=lambda c: c.minutes)


def _first_business_day(policy: Policy, calendar: str, start: dt.date, weekday: int | None) -> dt.date:
    cal = policy.calendar(calendar)
    for k in range(_SEARCH_DAYS):
        d = start + dt.timedelta(days=k)
        if cal.is_business_day(d) and (weekday is None or d.weekday() == weekday):
            return d
    if weekday is not None:
        return _first_business_day(policy, calendar, start, None)
    raise LookupError(f"calendar `{calendar}` has no business day in {_SEARCH_DAYS} days from {start}")


def cutoff(policy: Policy, priority: m.Priority, start: dt.date) -> SameDayCutoff | None:
    """The same-day cutoff of ``priority`` (``None`` when it has no same-day guideline)."""
    sd = priority.same_day
    if sd is None:
        return None
    cal = policy.model.calendar(sd.calendar)
    if not cal.hours:
        return None
    close = _close(cal)
    d = sd.before_close
    if d.is_business:
        before = int(policy.duration_delta(d).total_seconds() // 60)
    else:
        before = d.amount * {m.TimeUnit.MINUTE: 1, m.TimeUnit.HOUR: 60}.get(d.unit, 1440)
        if d.unit is m.TimeUnit.SECOND:
            before = d.amount // 60
    cut = m.ClockTime(minutes=max(0, close.minutes - before))
    day = _first_business_day(policy, sd.calendar, start, None)
    at = dt.datetime.combine(day, dt.time(cut.minutes // 60, cut.minutes % 60), policy.tz)
    return SameDayCutoff(priority.id, sd.before_close, cut, close, at, policy.response_due(priority.id, at))


@dataclass(frozen=True)
class Example:
    """A worked deadline: a clock start and each priority's due time."""

    start: dt.datetime
    due: tuple[tuple[str, dt.datetime], ...]


def examples(policy: Policy, start: dt.date) -> Example | None:
    """Each priority's due time for a clock one hour before close on a business Friday."""
    if not policy.model.priorities:
        return None
    name = policy.default_calendar_name
    cal = policy.model.calendar(name)
    if not cal.hours:
        return None
    day = _first_business_day(policy, name, start, 4)
    minutes = max(_close(cal).minutes - 60, min(r.start.minutes for r in cal.hours))
    at = dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60), policy.tz)
    return Example(at, tuple((p.id, policy.response_due(p.id, at)) for p in policy.model.priorities))
