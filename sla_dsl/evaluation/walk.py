"""The day-by-day walk of business time that explains a due time.

``walk(rules, calendar, a_us, b_us)`` lists, for each day from ``a`` to ``b``,
either why it is not a business day ("Mon 21 Sep: Respect for the Aged Day,
not a business day") or the business hours it contributes ("Tue 22 Sep
10:00-12:00 2h, 13:00-13:30 30m"). Hours come from the calendar model, which
days are open from the compiled calendar (holidays, closures).

The hours are wall-clock ranges, clipped to the wall-clock times of the two
instants, and counted in wall-clock time (as aware datetimes of one zone
compare and subtract). The walk computes that on integer microseconds of wall
time, and a :class:`_Walker` per calendar remembers each day's label and
status, each clipped day's step and the steps of the whole days between two
days: a year's log explains hundreds of thousands of due times over the same
few hundred days.
"""

from __future__ import annotations

import datetime as dt

from ..report import Step
from .common import Rules, fmt_minutes, step

#: A walk longer than this many days is summarised (a 10-business-day silence
#: would otherwise explain itself in 20 lines).
MAX_DAYS = 16

_US = 1_000_000
_DAY_US = 86_400 * _US


def walk(rules: Rules, calendar: str, a_us: int, b_us: int) -> list[Step]:
    """Steps explaining the business time of ``calendar`` between two instants given as
    wall-clock microseconds (the last item of a :meth:`Rules.stamp`)."""
    key = (id(rules), calendar)
    w = _WALKERS.get(key)
    if w is None or w.rules is not rules:
        w = _WALKERS[key] = _Walker(rules, calendar)
    return w.walk(a_us, b_us)


def _hhmm(us_of_day: int) -> str:
    minutes = us_of_day // (60 * _US)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class _Walker:
    """The walk over one calendar of one version, with what each day looks like."""

    def __init__(self, rules: Rules, calendar: str) -> None:
        self.rules = rules
        self.cal = rules.calendar(calendar)
        cal_model = rules.model.calendar(calendar)
        self.days_open = {d.index for d in cal_model.open_weekdays()}
        #: ordinal -> (label, closed-day step or None)
        self.days: dict[int, tuple[str, Step | None]] = {}
        #: (ordinal, start, end) -> the step of that day in [start, end) (see :meth:`clip`)
        self.clipped: dict[tuple[int, int, int], tuple[Step, ...]] = {}
        #: (first, last) -> the steps of the whole days strictly between two days
        self.between: dict[tuple[int, int], tuple[Step, ...]] = {}
        #: (start, end) in microseconds into a day -> ``10:00-12:00 2h``
        self.parts: dict[tuple[int, int], str] = {}

    def day(self, ordinal: int) -> tuple[str, Step | None]:
        hit = self.days.get(ordinal)
        if hit is None:
            d = dt.date.fromordinal(ordinal)
            label = f"{d:%a %d %b}"
            closed: Step | None = None
            if not self.cal.is_business_day(d):
                name = self.cal.holiday_name(d) if hasattr(self.cal, "holiday_name") else None
                why = name or ("weekend" if d.weekday() not in self.days_open else "closed")
                closed = step(text=f"{label}: {why}, not a business day")
            hit = self.days[ordinal] = (label, closed)
        return hit

    def walk(self, a_us: int, b_us: int) -> list[Step]:
        """The steps for wall-clock microseconds [a_us, b_us) (see :meth:`Rules.stamp`)."""
        first, last = a_us // _DAY_US, b_us // _DAY_US
        if last - first > MAX_DAYS:
            return []
        if first == last:
            base = first * _DAY_US
            return list(self.clip(first, a_us - base, b_us - base))
        # The first and last days are clipped, the days between are whole: each part is
        # shared by every walk that has it (a year's log walks the same few hundred days).
        middle = self.between.get((first, last))
        if middle is None:
            middle = self.between[(first, last)] = tuple(
                s for ordinal in range(first + 1, last) for s in self.clip(ordinal, 0, _DAY_US)
            )
        return [
            *self.clip(first, a_us - first * _DAY_US, _DAY_US),
            *middle,
            *self.clip(last, 0, b_us - last * _DAY_US),
        ]

    def clip(self, ordinal: int, lo: int, hi: int) -> tuple[Step, ...]:
        """The step of day ``ordinal`` in [lo, hi) microseconds into the day: why it is closed,
        or its business hours in that span (none when no hour falls in it)."""
        key = (ordinal, lo, hi)
        hit = self.clipped.get(key)
        if hit is None:
            label, closed = self.day(ordinal)
            if closed is not None:
                hit = (closed,)
            else:
                st = self._step(label, lo, hi, self.cal.hours_of(dt.date.fromordinal(ordinal)))
                hit = (st,) if st is not None else ()
            if len(self.clipped) > 100_000:
                self.clipped.clear()
            self.clipped[key] = hit
        return hit

    def _step(self, label: str, lo: int, hi: int, hours: list[tuple[int, int]]) -> Step | None:
        """The step of one business day's hours clipped to [lo, hi) (microseconds into the day)."""
        parts = []
        for s_min, e_min in hours:
            s = max(s_min * 60 * _US, lo)
            e = min(e_min * 60 * _US, hi)
            if e > s:
                key = (s, e)
                part = self.parts.get(key)
                if part is None:
                    end = "24:00" if e == _DAY_US else _hhmm(e)
                    part = f"{_hhmm(s)}-{end} {fmt_minutes((e - s) / _US)}"
                    if len(self.parts) > 100_000:
                        self.parts.clear()
                    self.parts[key] = part
                parts.append(part)
        return step(text=f"{label} " + ", ".join(parts)) if parts else None


_WALKERS: dict[tuple[int, str], _Walker] = {}
