"""Checks of a policy that need its compiled calendars, handed to the language stage's checker.

The same-day guideline of a priority is checked by working out real deadlines:
for each distinct shape of business day in the horizon, the last clock start
the guideline covers must be due that same day (warning W301).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..lang import model as m
from ..lang.check import CHECK_HORIZON_DAYS, as_timedelta
from ..lang.diagnostics import Diagnostic, Severity
from .compiled import Policy


def _warn(code: str, message: str, span: m.Span, help: str | None = None) -> Diagnostic:
    return Diagnostic(code=code, message=message, span=span, help=help, severity=Severity.WARNING)


def same_day(model: m.PolicyModel) -> list[Diagnostic]:
    """Work out real deadlines: the last clock start the guideline covers must be due that day.

    Business days whose open hours look the same on the wall clock give the same
    answer, so each distinct shape of day in the horizon is computed once.
    """
    out = []
    policy = Policy(model)
    for prio in model.priorities:
        guide = prio.same_day
        if guide is None:
            continue
        cal = policy.calendar(guide.calendar)
        day = model.header.effective
        shapes: set[tuple[tuple[str, str], ...]] = set()
        for _ in range(CHECK_HORIZON_DAYS):
            day += dt.timedelta(days=1)
            if not cal.is_business_day(day):
                continue
            intervals = cal.open_intervals(day)
            shape = tuple((a.strftime("%H:%M%z"), b.strftime("%H:%M%z")) for a, b in intervals)
            if not intervals or shape in shapes:
                continue
            shapes.add(shape)
            close = intervals[-1][1]
            cutoff = close - as_timedelta(guide.before_close)
            if cutoff < intervals[0][0]:
                continue
            due = policy.due(prio.target, cutoff)
            if due > close:
                when = cutoff.strftime("%a %Y-%m-%d %H:%M")
                out.append(
                    _warn(
                        "W301",
                        f"priority `{prio.id}`: a clock starting {when} is due "
                        f"{due.strftime('%a %Y-%m-%d %H:%M')}, not the same day, so the same-day "
                        "guideline contradicts the response target",
                        guide.span,
                        help=f"shorten the target or make the guideline `same day if received "
                        f"{_hours_needed(policy, prio, cal, day)} before close of {guide.calendar}`",
                    )
                )
                break
    return out


def _hours_needed(policy: Any, prio: m.Priority, cal: Any, day: dt.date) -> str:
    """The smallest whole-hour lead before close that keeps the target the same day."""
    intervals = cal.open_intervals(day)
    close = intervals[-1][1]
    for hours in range(1, 25):
        if policy.due(prio.target, close - dt.timedelta(hours=hours)) <= close:
            return f"{hours} hour{'s' if hours != 1 else ''}"
    return "more hours"


DEEP_CHECKS = (same_day,)
