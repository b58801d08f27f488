"""Checks of targets due at an instant of a business day (``by end of 2nd business day``, ``by 16:00 of ...``).

Design notes
------------
* E224: a time of day (``respond by 16:00 of 1st business day``) outside the hours of the calendar, from
  the opening to the close (on the next date for an overnight range: ``22:00-06:00`` holds 05:00), on
  every one of its open weekdays and dates of its own hours: the evaluator
  keeps the due instant within the day's hours (no later than its close, no earlier than its opening), so
  such a time would never be the due instant; the help says to write a time within the hours, or ``by
  end of``. A time the hours hold on some days only stands: on the others the close or the opening is
  the due instant (documented). A time in a break between a day's intervals (a lunch hour) is the due
  instant itself.
* E225: a day-based named target on a clock that pauses. Its due instant is a wall-clock instant counted
  from the cycle's start, which no pause moves: the pause would not be judged, so the combination is
  refused at the target line, with the target counted in running time (which pauses stop) as the line
  to write instead.
"""

from __future__ import annotations

from . import model as m
from .diagnostics import Diagnostic, diagnostic, words


def _hours_hold(cal: m.Calendar, minutes: int) -> bool:
    """Whether the time of day ``minutes`` lies in some day's open span of ``cal`` (an open weekday's, a
    date's own), from its first opening to its last close, both included; the span runs into the next date
    when an overnight range ends it (``22:00-06:00`` holds 05:00, of the next date). A lunch hour between
    the intervals is held: the due instant is kept between the day's opening and close only."""
    days = [cal.weekday_ranges(w) for w in cal.open_weekdays()] + [line.ranges for line in cal.date_hours]
    return any(
        min(r.start.minutes for r in rs) <= minutes + k * 1440 <= max(r.end_minutes for r in rs)
        for rs in days
        if rs
        for k in (0, 1)
    )


def _hours_words(cal: m.Calendar) -> str:
    """The calendar's weekday hours as written (``09:00-17:00``; several: ``09:00-12:00, 13:00-17:00``)."""
    ranges = dict.fromkeys(str(r) for w in cal.open_weekdays() for r in cal.weekday_ranges(w))
    return ", ".join(ranges)


def _day_syntax(day: m.ByEndOf) -> str:
    n = day.nth
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"of {n}{suffix} {day.calendar} day"


def check_day_targets(model: m.PolicyModel) -> list[Diagnostic]:
    """E224 and E225 on the day-based targets of the priorities."""
    cals = {c.name: c for c in model.calendars}
    clocks = {c.name: c for c in model.clocks}
    out: list[Diagnostic] = []
    for p in model.priorities:
        days: list[tuple[m.ByEndOf, str]] = []
        if isinstance(p.target, m.ByEndOf):
            days.append((p.target, "respond"))
        for t in p.targets:
            if t.by_day is None:
                continue
            kind = t.kind.replace("_", " ")
            days.append((t.by_day, kind))
            clock = clocks.get(t.clock)
            if clock is not None and clock.pauses:
                n = t.by_day.nth
                within = f"{kind} within {n} {t.by_day.calendar} day{'s' if n != 1 else ''} on {t.clock}"
                out.append(
                    diagnostic(
                        "E225",
                        words("diag.E225", kind=kind, clock=t.clock, line=str(clock.pauses[0].span.line)),
                        t.span,
                        help=words("diag.E225.help", within=within),
                    )
                )
        for day, kind in days:
            cal = cals.get(day.calendar)
            if day.at is None or cal is None or not cal.has_hours or _hours_hold(cal, day.at.minutes):
                continue  # (an unknown calendar or one without hours: E206, E207)
            out.append(
                diagnostic(
                    "E224",
                    words("diag.E224", time=str(day.at), calendar=cal.name, hours=_hours_words(cal)),
                    day.at.span,
                    help=words("diag.E224.help", by_end=f"{kind} by end {_day_syntax(day)}"),
                )
            )
    return out
