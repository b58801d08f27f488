"""Time values of the typed model: weekdays, units, durations, times of day, time and date ranges.

Design notes
------------
* Nothing here computes: a :class:`Duration` keeps its amount and unit as
  written, with the name of the business calendar it is counted on (``None``:
  elapsed wall-clock time); business time becomes arithmetic in
  :mod:`sla_dsl.calendars`.
* A time of day is minutes after midnight, 24:00 being 1440. A
  :class:`TimeRange` whose end is not after its start runs overnight and belongs
  to the day it starts on.
* A month has no fixed length, so :data:`UNIT_SECONDS` has no entry for it:
  months are added as calendar months.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum

from .model_nodes import Node


class Weekday(StrEnum):
    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"

    @property
    def index(self) -> int:  # type: ignore[override]  # shadows str.index on purpose
        """0 for Monday ... 6 for Sunday, as ``date.weekday()``."""
        return list(Weekday).index(self)


def weekday_runs(days: Sequence[Weekday]) -> list[tuple[int, int]]:
    """The weekdays as runs of consecutive ones, first and last (0 = Monday): Mon-Fri and Sun, ``[(0, 4), (6, 6)]``."""
    runs: list[tuple[int, int]] = []
    for i in sorted({d.index for d in days}):
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


class TimeUnit(StrEnum):
    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


#: The seconds in one of each unit of fixed length (a month has none: it is added as calendar months).
UNIT_SECONDS: dict[TimeUnit, int] = {
    TimeUnit.SECOND: 1,
    TimeUnit.MINUTE: 60,
    TimeUnit.HOUR: 3600,
    TimeUnit.DAY: 86400,
    TimeUnit.WEEK: 7 * 86400,
}


class Duration(Node):
    """An amount of time. ``calendar`` names the business calendar whose open time
    is counted (``4 business hours``); ``None`` means elapsed wall-clock time."""

    amount: int
    unit: TimeUnit
    calendar: str | None = None

    @property
    def is_business(self) -> bool:
        return self.calendar is not None

    def __str__(self) -> str:
        unit = self.unit.value + ("s" if self.amount != 1 else "")
        return f"{self.amount} {self.calendar + ' ' if self.calendar else ''}{unit}"


class ClockTime(Node):
    """A time of day as minutes after midnight; 24:00 is 1440."""

    minutes: int

    def __str__(self) -> str:
        return f"{self.minutes // 60:02d}:{self.minutes % 60:02d}"


class TimeRange(Node):
    """``start``-``end`` of one day; ``end`` may be 24:00. An end not after the start
    runs overnight into the next day (``22:00-06:00``): the range belongs to the day it starts on."""

    start: ClockTime
    end: ClockTime

    @property
    def overnight(self) -> bool:
        """Whether the range ends on the next day (its end is not after its start)."""
        return self.end.minutes <= self.start.minutes

    @property
    def end_minutes(self) -> int:
        """Minutes from the start day's midnight to the end (past 1440 when overnight)."""
        return self.end.minutes + (1440 if self.overnight else 0)

    def __str__(self) -> str:
        return f"{self.start}-{self.end}"


class DateRange(Node):
    """A closed range of dates ``first..last`` (a single date has ``first == last``)."""

    first: dt.date
    last: dt.date


class YearlyRange(Node):
    """A closed range of month-days repeated every year; may wrap (``12-29..01-03``)."""

    first: tuple[int, int]
    last: tuple[int, int]
