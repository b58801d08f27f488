"""Recurring maintenance windows: which days a rule names, and where they roll.

Design notes
------------
* A rule names *scheduled* days (the 4th Thursday of each month, or the 2nd
  and 4th, the last day or the last Monday-to-Friday day of each month or of
  every Nth month counted from a given month, a fixed date each year, a
  weekday each week). Two ordinals that name the same day (``4th, last thu``
  in a month of four Thursdays) give one window. A day the rule
  cannot name (a 5th Thursday in a month with four, the 31st of a 30-day month,
  29 February in a common year) simply has no window.
* The roll rule applies when the scheduled day is not a business day of the
  maintenance's calendar: ``keep`` holds it there, ``next`` moves it to the
  first business day after it, ``previous`` to the last one before it, ``skip``
  drops it. Without a calendar every day counts as a business day.
* Hours are wall-clock times on the day the window happens; ``24:00`` is the
  next day's 00:00, and an end not after the start (``22:00-02:00``) is on
  the next day: the window belongs to the day it starts on. Wall
  times become instants with :func:`sla_dsl.calendars.business.wall_to_epoch`, so DST
  gaps and repeats follow the calendar module's rule: a window wholly inside a
  gap (``01:00-02:00`` on London's spring day) has no time and is no window,
  and a time shown twice is its first occurrence (``22:00-01:00`` on London's
  autumn day ends when the clock first shows 01:00: three hours).
* A window belongs to a query range ``[start, end)`` when its start does. Rolls
  can carry a window across a range boundary, so scheduled days are scanned
  with a year of margin on either side; two scheduled days that roll onto the
  same window produce it once.
* Bounded: the query range must lie in the supported years
  (:mod:`.bounds`), and the margin stops at their ends. A scheduled day whose
  roll would leave them is dropped: its window could not start in the range.
"""

from __future__ import annotations

import calendar as _stdcal
import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict

from ..errors import NaiveDatetimeError
from ..lang import model as m
from .bounds import DATE, FIRST_DATE, LAST_DATE, TIME, OutOfRangeError, check_time
from .business import BusinessCalendar, wall_to_epoch

__all__ = ["Window", "maintenance_windows", "scheduled_days"]

_MARGIN = dt.timedelta(days=366)
_NOT_BUSINESS = ("not a business day", "営業日ではない")


class Window(BaseModel):
    """One occurrence of a maintenance window."""

    model_config = ConfigDict(frozen=True)

    start: dt.datetime
    end: dt.datetime
    name: str
    scheduled: dt.date
    day: dt.date
    moved: bool = False
    reason: str | None = None
    reason_ja: str | None = None


def add_months(d: dt.date, n: int) -> dt.date:
    """``d`` plus ``n`` calendar months (negative allowed), the day clamped to the month's end."""
    y, mo = divmod(d.year * 12 + d.month - 1 + n, 12)
    return dt.date(y, mo + 1, min(d.day, _stdcal.monthrange(y, mo + 1)[1]))


def window_start(day: dt.date, every: m.Duration) -> dt.date:
    """The first day of the window of ``every`` days (weeks, months) that ends with ``day``: how a
    backup taken every N days is judged (``day`` itself for ``every 1 day``)."""
    n = max(every.amount, 1)
    if every.unit is m.TimeUnit.MONTH:
        return add_months(day, -n) + dt.timedelta(days=1)
    days = {m.TimeUnit.WEEK: 7 * n}.get(every.unit, n)
    return day - dt.timedelta(days=days - 1)


def notice_last_day(start: dt.date, notice: m.Duration) -> dt.date:
    """The last day a planned stop's notice ``notice`` before its start date (``notice 1 week before start
    date``: days, weeks or months, E220 refuses anything else) may be given, for a stop starting on ``start``:
    the evaluator's deadline, the hover's and the site's examples."""
    if notice.unit is m.TimeUnit.MONTH:
        return add_months(start, -notice.amount)
    return start - dt.timedelta(days=notice.amount * (7 if notice.unit is m.TimeUnit.WEEK else 1))


def _months(first: dt.date, last: dt.date) -> Iterator[tuple[int, int]]:
    y, mo = first.year, first.month
    while (y, mo) <= (last.year, last.month):
        yield y, mo
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)


def scheduled_days(on: m.Recurrence, first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """The days ``on`` names in ``[first, last]``, in order."""
    found: Iterator[dt.date | None]
    if isinstance(on, m.WeeklyOn):
        w0 = first + dt.timedelta(days=(on.weekday.index - first.weekday()) % 7)
        found = (w0 + dt.timedelta(weeks=k) for k in range((last - w0).days // 7 + 1))
    elif isinstance(on, m.NthWeekday):
        nths = sorted((on.nth, *on.also), key=lambda n: n if n > 0 else 6)
        found = (
            m.nth_weekday(y, mo, n, on.weekday.index)  # (the arithmetic yearly holidays use too)
            for y, mo in _months(first, last)
            if on.names_month(y, mo)
            for n in nths
        )
    elif isinstance(on, m.DayOfMonth):
        found = (_day_of_month(y, mo, on.day) for y, mo in _months(first, last) if on.names_month(y, mo))
    elif isinstance(on, m.LastWeekday):
        found = (_last_weekday(y, mo) for y, mo in _months(first, last) if on.names_month(y, mo))
    else:
        found = (_day_of_year(y, on.month, on.day) for y in range(first.year, last.year + 1))
    for d in found:
        if d is not None and first <= d <= last:
            yield d


def _last_weekday(year: int, month: int) -> dt.date:
    last = dt.date(year, month, _stdcal.monthrange(year, month)[1])
    return last - dt.timedelta(days=max(0, last.weekday() - 4))


def _day_of_month(year: int, month: int, day: int) -> dt.date | None:
    days_in = _stdcal.monthrange(year, month)[1]
    if day == -1:
        return dt.date(year, month, days_in)
    return dt.date(year, month, day) if 1 <= day <= days_in else None


def _day_of_year(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _edge(t: dt.datetime | dt.date, tz: ZoneInfo) -> int:
    """Epoch seconds of a range edge; a date means its local 00:00 (OutOfRangeError outside the supported years)."""
    if isinstance(t, dt.datetime):
        if t.tzinfo is None or t.utcoffset() is None:
            raise NaiveDatetimeError(f"time `{t.isoformat()}` has no UTC offset")
        return int(check_time(t, TIME).timestamp())
    check_time(dt.datetime(t.year, t.month, t.day), DATE, t.isoformat())
    return wall_to_epoch(t, 0, tz)


def _local_date(t: dt.datetime | dt.date, tz: ZoneInfo) -> dt.date:
    return t.astimezone(tz).date() if isinstance(t, dt.datetime) else t


def maintenance_windows(
    mt: m.Maintenance,
    cal: BusinessCalendar | None,
    tz: ZoneInfo,
    start: dt.datetime | dt.date,
    end: dt.datetime | dt.date,
) -> list[Window]:
    """Every window of ``mt`` whose start lies in ``[start, end)``, in time order."""
    lo, hi = _edge(start, tz), _edge(end, tz)
    if hi <= lo:
        return []
    first = max(_local_date(start, tz) - _MARGIN, FIRST_DATE)
    last = min(_local_date(end, tz) + _MARGIN, LAST_DATE)
    s_min, e_min = mt.hours.start.minutes, mt.hours.end.minutes
    if e_min <= s_min:
        e_min += 1440
    out: list[Window] = []
    seen: set[tuple[int, int]] = set()
    for sched in scheduled_days(mt.on, first, last):
        day = sched
        if cal is not None and mt.roll is not m.Roll.KEEP and not cal.is_business_day(sched):
            if mt.roll is m.Roll.SKIP:
                continue
            try:
                day = cal.next_business_day(sched) if mt.roll is m.Roll.NEXT else cal.previous_business_day(sched)
            except OutOfRangeError:
                continue
        ws = wall_to_epoch(day, s_min, tz)
        we = wall_to_epoch(day, e_min, tz)
        if we <= ws:  # wholly inside a daylight-saving gap: no time on the clock, no window
            continue
        if not lo <= ws < hi or (ws, we) in seen:
            continue
        seen.add((ws, we))
        reason = reason_ja = None
        if day != sched and cal is not None:
            reason = cal.holiday_name(sched, "en") or _NOT_BUSINESS[0]
            reason_ja = cal.holiday_name(sched, "ja") or _NOT_BUSINESS[1]
        out.append(
            Window(
                start=dt.datetime.fromtimestamp(ws, tz),
                end=dt.datetime.fromtimestamp(we, tz),
                name=mt.name,
                scheduled=sched,
                day=day,
                moved=day != sched,
                reason=reason,
                reason_ja=reason_ja,
            )
        )
    out.sort(key=lambda w: (w.start, w.end))
    return out
