"""Business calendars and recurring maintenance windows of the typed model.

Design notes
------------
* A :class:`Calendar` is kept as written: open weekdays, hours (the one-line
  form, per weekday, per date), partial and whole closures, holiday sets, named
  holidays (one-off, and yearly: :class:`YearlyHoliday`) and extra open
  dates. It answers only what the text says (which weekdays open, with which
  hours, which date of a year a yearly holiday falls on); turning that into
  instants is the work of :mod:`sla_dsl.calendars`.
* :func:`nth_weekday` is the one nth-weekday arithmetic: yearly holidays
  (``4th thu of nov``) and maintenance windows (``every month on 4th thu``,
  :mod:`sla_dsl.calendars.recurrence`) both use it.
* A :class:`Maintenance` window recurs on a :data:`Recurrence` (the nth or last
  weekday of a month, a day of the month or of the year, a weekday of every
  week; :class:`Monthly` says which months) and moves by its :class:`Roll` when
  its day is not a business day.
* :data:`BUSINESS` is the calendar whose amounts read as plain "business hours".
"""

from __future__ import annotations

import calendar as _stdcal
import datetime as dt
from enum import StrEnum
from typing import Literal

from .model_nodes import ArticleRef, Label, Node
from .model_time import DateRange, Duration, TimeRange, Weekday, YearlyRange

#: The calendar ``4 business hours`` reads as "business hours" plainly: amounts counted on it are said
#: without a calendar's name (``4営業時間``), those on any other calendar with its label (``4営業時間（英語窓口）``).
BUSINESS = "business"


class DayHours(Node):
    """Hours of some weekdays: ``hours sat 10:00-13:00``."""

    days: tuple[Weekday, ...]
    ranges: tuple[TimeRange, ...]


class DateHours(Node):
    """Hours of some dates: ``hours 2026-12-28 10:00-12:00`` (replaces that date's hours)
    or ``closed 2026-12-28 13:00-18:00`` (closes those hours)."""

    dates: tuple[DateRange, ...]
    ranges: tuple[TimeRange, ...]


class NamedHoliday(Node):
    """A one-off holiday of the calendar: ``holiday 2026-05-01 "創立記念日" / "Founding day"``."""

    date: dt.date
    label: Label = Label()


#: The months as the language names them (``holiday yearly 4th thu of nov``), January first.
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def nth_weekday(year: int, month: int, nth: int, weekday: int) -> dt.date | None:
    """The ``nth`` (1-5; -1 for the last) ``weekday`` (0 = Monday) of ``month`` of ``year``; None when
    the month has no such day (a 5th Thursday in a month of four)."""
    days_in = _stdcal.monthrange(year, month)[1]
    if nth == -1:
        last = dt.date(year, month, days_in)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    day = 1 + (weekday - first.weekday()) % 7 + 7 * (nth - 1)
    return dt.date(year, month, day) if 1 <= nth and day <= days_in else None


class YearlyHoliday(Node):
    """A named holiday of every year: a date (``holiday yearly 05-01 "創立記念日" / "Founding day"``:
    ``month`` and ``day``), or the ``nth`` ``weekday`` of ``month`` (``holiday yearly 4th thu of nov
    "感謝祭" / "Thanksgiving"``; ``nth`` 1-5, or -1 for the last: ``last mon of may``). A year without
    that day (02-29 in a common year, a 5th Monday the month lacks) has no such holiday."""

    month: int
    day: int | None = None
    nth: int | None = None
    weekday: Weekday | None = None
    label: Label = Label()

    def date_in(self, year: int) -> dt.date | None:
        """The holiday's date in ``year`` (None: that year has no such day)."""
        if self.day is not None:
            try:
                return dt.date(year, self.month, self.day)
            except ValueError:  # (02-29 in a common year)
                return None
        assert self.nth is not None and self.weekday is not None
        return nth_weekday(year, self.month, self.nth, self.weekday.index)

    @property
    def rule(self) -> str:
        """The day as the file writes it: ``05-01``, ``4th thu of nov``, ``last mon of may``."""
        if self.day is not None:
            return f"{self.month:02d}-{self.day:02d}"
        assert self.nth is not None and self.weekday is not None
        nth = "last" if self.nth == -1 else f"{self.nth}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(self.nth, 'th') }"
        return f"{nth} {self.weekday.value} of {MONTHS[self.month - 1]}"


class Calendar(Node):
    """A business calendar: which days are open, and which hours of them.

    ``hours`` (the one-line form) are the hours of every open day that no
    ``day_hours`` line names; ``days`` are the open weekdays as written (when
    absent, the weekdays of the ``day_hours`` lines: see :meth:`open_weekdays`).
    ``timezone`` is the calendar's own zone (None: the policy's)."""

    name: str
    label: Label = Label()
    ref: ArticleRef | None = None
    timezone: str | None = None
    days: tuple[Weekday, ...] = ()
    hours: tuple[TimeRange, ...] = ()
    day_hours: tuple[DayHours, ...] = ()
    date_hours: tuple[DateHours, ...] = ()
    closed_hours: tuple[DateHours, ...] = ()
    holidays: tuple[str, ...] = ()
    named_holidays: tuple[NamedHoliday, ...] = ()
    yearly_holidays: tuple[YearlyHoliday, ...] = ()
    closed: tuple[DateRange, ...] = ()
    closed_yearly: tuple[YearlyRange, ...] = ()
    open: tuple[DateRange, ...] = ()
    notes: tuple[Label, ...] = ()

    def open_weekdays(self) -> tuple[Weekday, ...]:
        """The weekdays the calendar opens: ``days``, or else those its ``hours`` lines name."""
        if self.days:
            return self.days
        named = {w for line in self.day_hours for w in line.days}
        return tuple(w for w in Weekday if w in named)

    def weekday_ranges(self, weekday: Weekday) -> tuple[TimeRange, ...]:
        """The hours of an open ``weekday``: its own ``hours`` lines, else the one-line ``hours``."""
        own = tuple(r for line in self.day_hours if weekday in line.days for r in line.ranges)
        return own or self.hours

    def weekday_groups(self) -> list[tuple[list[Weekday], tuple[TimeRange, ...]]]:
        """The open weekdays in runs of the same hours, in week order: ``mon..fri`` 09:00-17:30, then ``sat``
        10:00-13:00 (what a summary of the week says, a run per line)."""
        groups: list[tuple[list[Weekday], tuple[TimeRange, ...]]] = []
        for w in self.open_weekdays():
            ranges = self.weekday_ranges(w)
            if groups and groups[-1][1] == ranges:
                groups[-1][0].append(w)
            else:
                groups.append(([w], ranges))
        return groups

    @property
    def has_hours(self) -> bool:
        """Whether any line gives the calendar opening hours."""
        return bool(self.hours or self.day_hours or self.date_hours)


class Monthly(Node):
    """Which months a monthly rule names: every ``every``-th month from ``since`` (year, month).

    ``every 3 months from 2026-03``: March, June, September, December from March 2026
    on (no month before ``since``); the default, 1 and None, is every month."""

    every: int = 1
    since: tuple[int, int] | None = None

    def names_month(self, year: int, month: int) -> bool:
        """Whether the rule names month ``month`` of ``year``."""
        if self.since is None:
            return self.every == 1 or (year * 12 + month - 1) % self.every == 0
        gap = (year * 12 + month) - (self.since[0] * 12 + self.since[1])
        return gap >= 0 and gap % self.every == 0


class NthWeekday(Monthly):
    """The ``nth`` (1-5, or -1 for last) ``weekday`` of a month; ``also`` holds further
    ordinals (``2nd, 4th thu`` has nth 2 and also (4,))."""

    kind: Literal["nth_weekday"] = "nth_weekday"
    nth: int
    weekday: Weekday
    also: tuple[int, ...] = ()


class DayOfMonth(Monthly):
    """A fixed day of every month (1-31; -1 for the last day)."""

    kind: Literal["day_of_month"] = "day_of_month"
    day: int


class LastWeekday(Monthly):
    """The last Monday-to-Friday day of a month (``on last weekday``)."""

    kind: Literal["last_weekday"] = "last_weekday"


class DayOfYear(Node):
    """A fixed date of every year."""

    kind: Literal["day_of_year"] = "day_of_year"
    month: int
    day: int


class WeeklyOn(Node):
    """A weekday of every week."""

    kind: Literal["weekly"] = "weekly"
    weekday: Weekday


Recurrence = NthWeekday | DayOfMonth | LastWeekday | DayOfYear | WeeklyOn


class Roll(StrEnum):
    """What happens to a recurring window whose day is not a business day."""

    KEEP = "keep"
    NEXT = "next"
    PREVIOUS = "previous"
    SKIP = "skip"


class Maintenance(Node):
    """A recurring maintenance window."""

    name: str
    label: Label = Label()
    ref: ArticleRef | None = None
    on: Recurrence
    hours: TimeRange
    roll: Roll = Roll.KEEP
    calendar: str | None = None
    notice: Duration | None = None
    excused: bool = True
    notes: tuple[Label, ...] = ()
