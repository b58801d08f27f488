"""The day-by-day walk of business time that explains a due time.

``walk(rules, calendar, t0, t1)`` lists, for each day from ``t0`` to ``t1``,
either why it is not a business day ("Mon 21 Sep: Respect for the Aged Day,
not a business day") or the business hours it contributes ("Tue 22 Sep
10:00-12:00 2h, 13:00-13:30 30m"). Hours come from the calendar model, which
days are open from the compiled calendar (holidays, closures).
"""

from __future__ import annotations

import datetime as dt

from ..report import Step
from .common import Rules, fmt_minutes, step

#: A walk longer than this many days is summarised (a 10-business-day silence
#: would otherwise explain itself in 20 lines).
MAX_DAYS = 16


def walk(rules: Rules, calendar: str, t0: float, t1: float) -> list[Step]:
    """Steps explaining the business time of ``calendar`` in [t0, t1)."""
    cal = rules.calendar(calendar)
    hours = [(r.start.minutes, r.end.minutes) for r in rules.model.calendar(calendar).hours]
    days_open = {d.index for d in rules.model.calendar(calendar).days}
    a, b = rules.dt(t0), rules.dt(t1)
    d, last = a.date(), b.date()
    if (last - d).days > MAX_DAYS:
        return []
    steps: list[Step] = []
    one = dt.timedelta(days=1)
    while d <= last:
        if not cal.is_business_day(d):
            name = cal.holiday_name(d) if hasattr(cal, "holiday_name") else None
            why = name or ("weekend" if d.weekday() not in days_open else "closed")
            steps.append(step(text=f"{d:%a %d %b}: {why}, not a business day"))
        else:
            base = dt.datetime(d.year, d.month, d.day, tzinfo=rules.tz)
            parts = []
            for s_min, e_min in hours:
                s = max(base + dt.timedelta(minutes=s_min), a)
                e = min(base + dt.timedelta(minutes=e_min), b)
                if e > s:
                    end = "24:00" if e_min == 1440 and e == base + dt.timedelta(minutes=e_min) else f"{e:%H:%M}"
                    parts.append(f"{s:%H:%M}-{end} {fmt_minutes((e - s).total_seconds())}")
            if parts:
                steps.append(step(text=f"{d:%a %d %b} " + ", ".join(parts)))
        d += one
    return steps
