"""A business calendar's days and hours, and the index of its open intervals.

:class:`BusinessIndex` is the half of :class:`~.business.BusinessCalendar` that
knows which instants are business time: business days, their hours, holidays
and closures, and the index of open intervals grown on demand. The arithmetic
on that index (business time added and measured, one instant at a time or in
batches) is :mod:`.business`.

Design notes
------------
* **Business time is a set of instants**: the union, over every business day,
  of that day's opening hours turned into real instants in the calendar's zone.
  A business day is one of the calendar's weekdays that is neither a national
  holiday (the ``holidays`` package, one or more country codes, ``CC`` or
  ``CC-SUBDIV``), a named holiday (one-off ``holiday DATE``, or ``holiday
  yearly``: a date or the nth or last weekday of a month, each year that has
  it) nor a closure (date ranges, yearly ranges that may wrap the year such as
  ``12-29..01-03``); an extra open date overrides all of that. A day's name
  (:meth:`BusinessIndex.holiday_name`) is its one-off holiday's, else the first
  yearly holiday's on it, else the national holiday's.
* **A day's hours** (issue 11): the date-specific hours when a line names the
  date (they open it, even on a weekend or holiday); else, on an open day, the
  union of the ``hours`` lines naming its weekday, or the one-line ``hours``.
  A range whose end is not after its start runs overnight: its end is read on
  the next day's wall clock, and it belongs to the day it starts on. Partial
  closures of the day before, the day and the day after are cut out of the
  day's intervals; the index joins intervals of neighbouring days that touch
  or overlap, so every instant counts once, and includes the overnight tail of
  the last day before its first year.
* **Zone**: a calendar with its own ``timezone`` works on that wall clock;
  results are aware datetimes in its zone, converted by the policy to its own.
* **Index** (:mod:`.intervals`): the open intervals as epoch integers with
  prefix sums, in whole seconds and in microseconds; the numpy copies of the
  seconds index (for the batch forms) are made on first use. Interval
  boundaries are whole seconds in every zone.
* **Lazy by year, bounded**: the index covers a contiguous range of local years
  and grows on demand (a query near it widens it, an ``add`` running past its
  end doubles it, a query more than 20 years away starts a fresh one), within
  the supported years of :mod:`.bounds` and never past them: every public
  operation refuses a time, date or duration outside them, and a result that
  would leave them, with :class:`~.bounds.OutOfRangeError`. So every loop here
  is bounded: doubling reaches the end of the range in a few steps, a search
  for a business day stops after 10 years or at the range's end. The holiday
  data of the ``holidays`` package ends where it ends (2099 for JP), after
  which only weekdays and closures count. Ten years of the Click So-ko
  calendar are about 5,000 intervals: under 2 MB with every copy of the index;
  the whole range, about 150,000 intervals and 50 MB.
* **Time zones and DST**: opening hours are wall-clock times, converted per day
  by :func:`.intervals.wall_to_epoch` (its notes say how gaps and repeats count).
  ``day_length`` and ``business_delta`` use the nominal wall-clock lengths.
* **A business day has time on the clock.** A day whose hours the wall clock
  never shows (a day the zone skips, as Samoa's 30 December 2011, or hours
  wholly inside a DST gap) has no business hours: it is no business day for
  ``is_business_day``, the steps to the next or previous one, the count of
  ``end_of_nth_business_day``, the calendar views and maintenance rolls alike
  (an overnight range starting on it has its next-day hours, and keeps it one).
  Partial closures do not change what a business day is: a day they close
  wholly (W306) stays one, and its end is where its hours would have closed.
* **The day an instant belongs to** (``day_of``, its day of receipt): the day
  whose open time (first opening to last close, partial closures cut out)
  holds it, else its local date. With hours ``22:00-06:00``, Tuesday 01:00
  belongs to Monday. The same-day guideline is judged on that day, and
  ``end_of_nth_business_day`` counts its days after it: one rule for both.
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from typing import TYPE_CHECKING, NamedTuple, NoReturn
from zoneinfo import ZoneInfo

from ..errors import NaiveDatetimeError
from ..lang import model as m
from ..lang.diagnostics import WordedInputError, words
from .bounds import (
    DATE,
    FIRST_DATE,
    INDEX_FIRST_YEAR,
    INDEX_LAST_YEAR,
    LAST_DATE,
    MAX_EPOCH,
    MIN_EPOCH,
    OutOfRangeError,
    check_date,
    check_epoch,
    check_span,
    first_instant,
    last_instant,
    range_words,
)
from .holiday_tables import holiday_table, unknown_region
from .intervals import Index, wall_to_epoch

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["BusinessIndex", "subtract_pairs"]

_US = 1_000_000
_ONE_US = dt.timedelta(microseconds=1)
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
_ONE_DAY = dt.timedelta(days=1)
_FIRST_ORDINAL = FIRST_DATE.toordinal()
#: The local years the index may cover: the supported years and one more on either side.
MIN_YEAR = INDEX_FIRST_YEAR
MAX_YEAR = INDEX_LAST_YEAR
#: Years of consecutive emptiness after which an extension gives up.
_EMPTY_YEARS = 50
#: A query this many years away from the index starts a fresh one.
_JUMP_YEARS = 20

CLOSURE_NAME = {"en": "company closure", "ja": "休業日"}

#: A date :meth:`BusinessIndex.open_span` has not worked out yet.
_MISSING = object()


class Built(NamedTuple):
    """The index as one value: the local years it covers, in seconds and in microseconds. A new one
    replaces the calendar's whole, so a thread that holds one (another widening the calendar's, or
    starting a fresh one far away, meanwhile) answers from an index that covers what it asked."""

    years: tuple[int, int]
    sec: Index
    usec: Index


def subtract_pairs(pairs: list[tuple[int, int]], cut: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The instants of ``pairs`` outside every interval of ``cut`` (both sorted lists of [start, end))."""
    out: list[tuple[int, int]] = []
    for s, e in pairs:
        for cs, ce in cut:
            if ce <= s or cs >= e:
                continue
            if cs > s:
                out.append((s, cs))
            s = max(s, ce)
            if s >= e:
                break
        if s < e:
            out.append((s, e))
    return out


def _to_us(t: dt.datetime) -> int:
    """Epoch microseconds of an aware datetime (NaiveDatetimeError if naive)."""
    try:
        return (t - _EPOCH) // _ONE_US
    except TypeError:
        raise NaiveDatetimeError(f"time `{t.isoformat()}` has no UTC offset") from None


class BusinessIndex:
    """A compiled business calendar's days, hours and index of open intervals (the arithmetic is
    :class:`~.business.BusinessCalendar`'s)."""

    def __init__(self, cal: m.Calendar, tz: ZoneInfo) -> None:
        self.model = cal
        self.name = cal.name
        #: The calendar's own zone (``timezone`` in the calendar), else ``tz`` (the policy's).
        self.tz = ZoneInfo(cal.timezone) if cal.timezone else tz
        self._weekdays = frozenset(w.index for w in cal.open_weekdays())
        self._ranges = self._merge_hours(cal, cal.hours)
        #: The hours of each weekday (0 = Monday) as merged minute ranges; ends past 1440 run overnight.
        self._week = [self._merge_hours(cal, cal.weekday_ranges(w)) for w in m.Weekday]
        self._date_hours = [(e.dates, self._merge_hours(cal, e.ranges)) for e in cal.date_hours]
        self._closed_hours = [(e.dates, self._merge_hours(cal, e.ranges)) for e in cal.closed_hours]
        self._named = {h.date: h.label for h in cal.named_holidays}
        self._yearly_cache: dict[int, dict[dt.date, m.Label]] = {}
        self._overnight = any(e > 1440 for day in (*self._week, *(r for _, r in self._date_hours)) for _, e in day)
        self._countries: list[tuple[str, str | None]] = []
        for code in cal.holidays:
            country, _, subdiv = code.partition("-")
            self._countries.append((country, subdiv or None))
        refused = unknown_region(tuple(self._countries))
        if refused is not None:
            code = cal.holidays[self._countries.index(refused)]
            raise WordedInputError(words("author.calendar.no_holiday_data", calendar=cal.name, code=code))
        self._holiday_cache: dict[int, dict[dt.date, tuple[str, str]]] = {}
        self._year_cache: dict[int, list[tuple[int, int]]] = {}
        self._span_cache: dict[dt.date, tuple[int, int] | None] = {}
        #: the index, replaced whole when it grows (:class:`Built`); ``None`` until the first query
        self._built: Built | None = None
        #: The supported wall-clock times in the calendar's zone, as epoch seconds: business time lies
        #: between them, so no addition lands after 2201-01-01 00:00 or before 1900-01-01 00:00 there.
        self._open_lo = first_instant(self.tz)
        self._open_hi = last_instant(self.tz)

    def __repr__(self) -> str:
        return f"BusinessCalendar({self.name!r}, {self.tz.key!r})"

    @staticmethod
    def _merge_hours(cal: m.Calendar, hours: tuple[m.TimeRange, ...]) -> list[tuple[int, int]]:
        """Ranges as sorted, merged minutes from the day's midnight (an overnight end is past 1440)."""
        ranges: list[tuple[int, int]] = []
        for r in sorted(hours, key=lambda r: (r.start.minutes, r.end_minutes)):
            s, e = r.start.minutes, r.end_minutes
            if not 0 <= s < e <= 2880 or s >= 1440:
                raise WordedInputError(words("author.calendar.not_day_range", calendar=cal.name, hours=str(r)))
            if ranges and s <= ranges[-1][1]:
                ranges[-1] = (ranges[-1][0], max(ranges[-1][1], e))
            else:
                ranges.append((s, e))
        return ranges

    # -- days -------------------------------------------------------------------
    def _holidays(self, year: int) -> dict[dt.date, tuple[str, str]]:
        """National holidays of ``year``: date -> (English name, Japanese name)."""
        cached = self._holiday_cache.get(year)
        if cached is not None:
            return cached
        out = holiday_table(tuple(self._countries), year)
        self._holiday_cache[year] = out
        return out

    def _yearly(self, year: int) -> dict[dt.date, m.Label]:
        """The days of ``year`` its ``holiday yearly`` lines name, with their labels (the first line's on a
        day two name); kept per year, as the national holidays are (the supported years bound both)."""
        cached = self._yearly_cache.get(year)
        if cached is None:
            cached = {}
            for h in self.model.yearly_holidays:
                d = h.date_in(year)
                if d is not None:
                    cached.setdefault(d, h.label)
            self._yearly_cache[year] = cached
        return cached

    def _closed(self, d: dt.date) -> bool:
        if d in self._named:
            return True
        if self.model.yearly_holidays and d in self._yearly(d.year):
            return True
        for r in self.model.closed:
            if r.first <= d <= r.last:
                return True
        key = (d.month, d.day)
        for y in self.model.closed_yearly:
            if y.first <= y.last:
                if y.first <= key <= y.last:
                    return True
            elif key >= y.first or key <= y.last:
                return True
        return False

    def _extra_open(self, d: dt.date) -> bool:
        return any(r.first <= d <= r.last for r in self.model.open)

    def is_business_day(self, d: dt.date) -> bool:
        """Whether ``d`` has opening hours: date-specific hours, or an open weekday with hours
        that no holiday or closure takes (extra open dates override those), and whose hours the
        wall clock shows (a day the zone skips, or whose hours lie wholly in a DST gap, has none)."""
        return bool(self._hours_pairs(check_date(d, DATE)))

    def hours_of(self, d: dt.date) -> list[tuple[int, int]]:
        """Day ``d``'s hours as wall-clock minutes (an overnight end is past 1440), before partial closures."""
        return list(self._day_ranges(check_date(d, DATE)))

    def _open_day(self, d: dt.date) -> bool:
        """Whether the weekday rules open ``d`` (without its date-specific hours, and no range check)."""
        if self.model.open and self._extra_open(d):
            return True
        if d.weekday() not in self._weekdays:
            return False
        if d in self._holidays(d.year):
            return False
        return not self._closed(d)

    def _day_ranges(self, d: dt.date) -> list[tuple[int, int]]:
        """The minute ranges of day ``d``: its date-specific hours, else its weekday's hours on an open day."""
        for dates, ranges in self._date_hours:
            for r in dates:
                if r.first <= d <= r.last:
                    return ranges
        if not self._open_day(d):
            return []
        return self._week[d.weekday()]

    def holiday_name(self, d: dt.date, lang: str = "en") -> str | None:
        """The national holiday or closure that falls on ``d``, in ``lang`` (en or ja)."""
        label = self._named.get(check_date(d, DATE))
        if label is None and self.model.yearly_holidays:
            label = self._yearly(d.year).get(d)
        if label is not None:
            return label.text("ja" if lang == "ja" else "en")
        names = self._holidays(d.year).get(d)
        if names is not None:
            return names[1] if lang == "ja" else names[0]
        if self._closed(d):
            return CLOSURE_NAME["ja" if lang == "ja" else "en"]
        return None

    def _step_business_day(self, asked: dt.date, step: int) -> dt.date:
        """The first business day after (``step`` 1) or before (-1) ``asked``, within 10 years and the range."""
        word = "after" if step > 0 else "before"
        d = check_date(asked, DATE)
        for _ in range(3653):
            if d == (LAST_DATE if step > 0 else FIRST_DATE):
                said = words(f"bounds.no_business_day.{word}", calendar=self.name, date=str(asked), range=range_words())
                raise OutOfRangeError(said)
            d = d + dt.timedelta(days=step)
            if self._hours_pairs(d):
                return d
        said = words(f"author.calendar.no_business_day.{word}", calendar=self.name, date=str(asked))
        raise WordedInputError(said)

    def next_business_day(self, d: dt.date) -> dt.date:
        """The first business day strictly after ``d``."""
        return self._step_business_day(d, 1)

    def previous_business_day(self, d: dt.date) -> dt.date:
        """The last business day strictly before ``d``."""
        return self._step_business_day(d, -1)

    # -- hours ------------------------------------------------------------------
    @property
    def day_length(self) -> dt.timedelta:
        """The nominal business time of a business day ("1 business day").

        The sum of the one-line ``hours`` when the calendar has them; else the
        length most open weekdays have (the longer on a tie), so that Saturday's
        short hours do not shorten the day of a Monday-to-Saturday calendar.
        """
        if self._ranges:
            return dt.timedelta(minutes=sum(e - s for s, e in self._ranges))
        lengths = [sum(e - s for s, e in self._week[w]) for w in sorted(self._weekdays)]
        lengths = [n for n in lengths if n] or [0]
        return dt.timedelta(minutes=max(lengths, key=lambda n: (lengths.count(n), n)))

    def _wall_pairs(self, d: dt.date, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Minute ranges of day ``d`` as epoch-second pairs (empty ones, inside a DST gap, dropped)."""
        # Fast path: the same UTC offset at this midnight and the next (and the one
        # after, for an overnight range) means no change of offset in between, so
        # wall times map to instants by one subtraction. A later midnight is read at
        # its first pass (fold 0), as wall_to_epoch reads every time: where the clock
        # goes back at 01:00 to 00:00 (America/Havana, Atlantic/Azores) that pass
        # still has this day's offset, and an end at 24:00 closes there.
        tz = self.tz
        midnight = dt.datetime(d.year, d.month, d.day)
        off = tz.utcoffset(midnight)
        nxt = midnight + _ONE_DAY
        if (
            off is not None
            and off == tz.utcoffset(nxt)
            and (ranges[-1][1] <= 1440 or off == tz.utcoffset(nxt + _ONE_DAY))
        ):
            base = (d.toordinal() - _EPOCH_ORDINAL) * 86400 - int(off.total_seconds())
            return [(base + s_min * 60, base + e_min * 60) for s_min, e_min in ranges]
        out: list[tuple[int, int]] = []
        for s_min, e_min in ranges:
            s = wall_to_epoch(d, s_min, self.tz)
            e = wall_to_epoch(d, e_min, self.tz)
            if e > s:
                out.append((s, e))
        return out

    def _hours_pairs(self, d: dt.date) -> list[tuple[int, int]]:
        """Day ``d``'s hours in epoch seconds, before partial closures: empty on a day that is not open,
        and on one whose hours the wall clock never shows (a skipped day, hours wholly in a DST gap). A
        day is a business day when these are not empty (a partial closure of every hour keeps it one)."""
        ranges = self._day_ranges(d)
        return self._wall_pairs(d, ranges) if ranges else []

    def _day_pairs(self, d: dt.date) -> list[tuple[int, int]]:
        """Day ``d``'s open intervals in epoch seconds, less the partial closures that cut them."""
        pairs = self._hours_pairs(d)
        if self._closed_hours and pairs:
            for cd in (d - _ONE_DAY, d, d + _ONE_DAY):
                for dates, cut in self._closed_hours:
                    if any(r.first <= cd <= r.last for r in dates):
                        pairs = subtract_pairs(pairs, self._wall_pairs(cd, cut))
        return pairs

    def open_intervals(self, d: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        """The open intervals of day ``d`` as aware datetimes (empty on a closed day)."""
        tz = self.tz
        pairs = self._day_pairs(check_date(d, DATE))
        return [(dt.datetime.fromtimestamp(s, tz), dt.datetime.fromtimestamp(e, tz)) for s, e in pairs]

    def business_delta(self, amount: int, unit: m.TimeUnit) -> dt.timedelta:
        """``amount`` of ``unit`` as business time; a day is the calendar's ``day_length``.

        OutOfRangeError when it is longer than the supported years (no addition could use it).
        """
        if unit is m.TimeUnit.SECOND:
            seconds = amount
        elif unit is m.TimeUnit.MINUTE:
            seconds = amount * 60
        elif unit is m.TimeUnit.HOUR:
            seconds = amount * 3600
        elif unit is m.TimeUnit.DAY:
            seconds = amount * int(self.day_length.total_seconds())
        else:
            raise WordedInputError(words("author.calendar.not_business_unit", unit=unit.value))
        plural = "s" if amount != 1 else ""
        check_span(seconds, words("bounds.what.business_time", amount=f"{amount} {self.name} {unit.value}{plural}"))
        return dt.timedelta(seconds=seconds)

    def open_span(self, d: dt.date) -> tuple[int, int] | None:
        """The open time of day ``d``: its first opening and its last close (epoch seconds), partial
        closures cut out, a break between its intervals included, the tail of an overnight range after
        midnight included (a range belongs to the day it starts on); None when it has none (a closed day,
        one whose hours partial closures take wholly) or ``d`` is not a supported date. Memoised."""
        hit = self._span_cache.get(d, _MISSING)  # (one look-up: another thread may clear it meanwhile)
        if hit is not _MISSING:
            return hit  # type: ignore[return-value]
        span: tuple[int, int] | None = None
        if FIRST_DATE <= d <= LAST_DATE:
            pairs = self._day_pairs(d)
            if pairs:
                span = (pairs[0][0], pairs[-1][1])
        if len(self._span_cache) > 100_000:
            self._span_cache.clear()
        self._span_cache[d] = span
        return span

    def day_of(self, t: float, local: dt.date | None = None) -> dt.date:
        """The business day an instant (epoch seconds) belongs to, its day of receipt: the day whose open
        time (:meth:`open_span`) holds it, else its own local date (``local``: that date, when the caller
        has it). With hours ``22:00-06:00``, Saturday 01:00 belongs to Friday (Friday's shift), Saturday
        07:00 to Saturday. Only the day before can reach into a date (a day's hours end by the end of the
        next date), and only with an overnight range: on a calendar without one, the local date.

        The one rule of the same-day guideline's day and of the day of receipt that ``by end of Nth
        business day`` counts from; :meth:`days_of` is its array form."""
        d = dt.datetime.fromtimestamp(t, self.tz).date() if local is None else local
        if not self._overnight:
            return d
        span = self.open_span(d - _ONE_DAY) if d > FIRST_DATE else None
        return d - _ONE_DAY if span is not None and span[0] <= t < span[1] else d

    def days_of(self, t: NDArray[np.float64], local: NDArray[np.int64]) -> NDArray[np.int64]:
        """:meth:`day_of` of each instant ``t`` (epoch seconds) whose local date is ``local`` (as ordinals),
        as ordinals: one :meth:`open_span` per date."""
        import numpy as np

        if not self._overnight or not t.size:
            return local
        dates, at = np.unique(local, return_inverse=True)
        spans = [
            self.open_span(dt.date.fromordinal(o - 1)) if o - 1 >= _FIRST_ORDINAL else None for o in dates.tolist()
        ]
        first = np.array([s[0] if s else np.nan for s in spans], dtype=np.float64)[at]
        last = np.array([s[1] if s else np.nan for s in spans], dtype=np.float64)[at]
        out: NDArray[np.int64] = local - ((first <= t) & (t < last))
        return out

    def nth_business_day(self, start: dt.datetime, n: int) -> dt.date:
        """The ``n``th business day after the day of receipt of ``start`` (:meth:`day_of`), never that day
        itself (``n`` 0: that day when it is a business day, else the next one)."""
        epoch = check_epoch(_to_us(start) / _US, words("bounds.what.calendar_time", calendar=self.name))
        if n < 0:
            raise WordedInputError(words("author.calendar.negative_days", n=str(n)))
        if n > (LAST_DATE - FIRST_DATE).days:
            raise OutOfRangeError(words("bounds.business_days", n=str(n), range=range_words()))
        d = self.day_of(epoch, start.astimezone(self.tz).date())
        if n == 0:
            if not self.is_business_day(d):
                d = self.next_business_day(d)
        else:
            for _ in range(n):
                d = self.next_business_day(d)
        return d

    def end_of_nth_business_day(self, start: dt.datetime, n: int) -> dt.datetime:
        """The close of the ``n``th business day after the day of receipt of ``start``
        (:meth:`nth_business_day`): its local date, or the day before when that day's overnight shift
        holds it."""
        d = self.nth_business_day(start, n)
        # A business day has hours the clock shows (is_business_day): it ends with its last open interval,
        # or, when partial closures take every hour of it (W306), where its hours would have closed.
        pairs = self._day_pairs(d) or self._hours_pairs(d)
        if pairs[-1][1] > self._open_hi:  # (the last day's hours running past 2201-01-01 00:00)
            raise OutOfRangeError(words("bounds.calendar_result.after", calendar=self.name, range=range_words()))
        return dt.datetime.fromtimestamp(pairs[-1][1], self.tz)

    # -- index ------------------------------------------------------------------
    def _year_pairs(self, year: int) -> list[tuple[int, int]]:
        pairs = self._year_cache.get(year)
        if pairs is None:
            pairs = []
            d = dt.date(year, 1, 1)
            one = dt.timedelta(days=1)
            while d.year == year:
                pairs.extend(self._day_pairs(d))
                d += one
            self._year_cache[year] = pairs
        return pairs

    def prepare(self, first_year: int, last_year: int) -> None:
        """Make the index cover the local years ``first_year`` to ``last_year`` at least."""
        self._prepare(first_year, last_year, self._built)

    def _prepare(self, first_year: int, last_year: int, base: Built | None) -> Built:
        """An index of the local years ``first_year`` to ``last_year`` and those of ``base`` (``None``: a
        fresh one), made the calendar's; returned, so that the caller answers from it whatever another
        thread makes the calendar's meanwhile."""
        if base is not None:
            first_year = min(first_year, base.years[0])
            last_year = max(last_year, base.years[1])
            if (first_year, last_year) == base.years:
                return base
        if first_year < MIN_YEAR or last_year > MAX_YEAR:
            said = words(
                "bounds.years",
                calendar=self.name,
                first_year=str(first_year),
                last_year=str(last_year),
                range=range_words(),
            )
            raise OutOfRangeError(said)
        # Clipped to the instants the arithmetic accepts (a time of another zone may lie a day beyond
        # this zone's wall-clock range); the open intervals, to that range: no result lies outside it.
        lo = max(wall_to_epoch(dt.date(first_year, 1, 1), 0, self.tz), MIN_EPOCH)
        hi = min(wall_to_epoch(dt.date(last_year + 1, 1, 1), 0, self.tz), MAX_EPOCH)
        open_lo, open_hi = max(lo, self._open_lo), min(hi, self._open_hi)
        merged: list[tuple[int, int]] = []
        # An overnight range of the last day before the index runs into its first day.
        spill = self._day_pairs(dt.date(first_year - 1, 12, 31)) if self._overnight else []
        for s, e in itertools.chain(spill, *(self._year_pairs(y) for y in range(first_year, last_year + 1))):
            s, e = max(s, open_lo), min(e, open_hi)
            if s >= e:
                continue
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        built = Built((first_year, last_year), Index(lo, hi, merged, 1), Index(lo, hi, merged, _US))
        self._built = built  # (one assignment: a reader sees the old index or the new one, never half of each)
        return built

    @staticmethod
    def _arrays(sec: Index) -> tuple[NDArray[np.int64], ...]:
        """The seconds index ``sec`` as numpy arrays (starts, lengths, cum, cum_end), built on first use
        and kept on it (so always those of the index the caller answers from).

        numpy is imported here, not at module level, so that a process that only
        checks a policy or computes one deadline does not pay for it.
        """
        if not sec.arrays:
            import numpy as np

            starts = np.array(sec.starts, dtype=np.int64)
            ends = np.array(sec.ends, dtype=np.int64)
            sec.arrays = (
                starts,
                ends - starts,
                np.array(sec.cum, dtype=np.int64),
                np.array(sec.cum_end, dtype=np.int64),
            )
        return sec.arrays

    def _year_of(self, t: int) -> int:
        checked = check_epoch(t, words("bounds.what.calendar_time", calendar=self.name))
        return dt.datetime.fromtimestamp(checked, self.tz).year

    def _cover(self, t: int, u: int | None = None) -> Built:
        """Make the index include epoch seconds ``t`` (and ``u``), with a year of margin.

        A query near the index widens it; one far from it (more than ``_JUMP_YEARS``)
        starts a fresh index there, so a stray year does not build the years between.
        A time outside the supported years is refused here (OutOfRangeError): every
        query outside the index comes through, and the index lies inside them. Returns the index made,
        which covers them.
        """
        first = max(self._year_of(t) - 1, MIN_YEAR)
        last = min(self._year_of(t if u is None else u) + 1, MAX_YEAR)
        base = self._built
        if base is not None:
            y0, y1 = base.years
            if first > y1 + _JUMP_YEARS or last < y0 - _JUMP_YEARS:
                base = None
                self._year_cache.clear()
        return self._prepare(first, last, base)

    def _grow(self, forward: bool, base: Built) -> Built:
        """``base`` extended by as many years as it has, forward or backward (made the calendar's)."""
        y0, y1 = base.years
        span = y1 - y0 + 1
        before = base.sec.total
        if (y1 >= MAX_YEAR) if forward else (y0 <= MIN_YEAR):
            if before == 0:
                self._nothing_open(base)
            word = "after" if forward else "before"
            raise OutOfRangeError(words(f"bounds.calendar_result.{word}", calendar=self.name, range=range_words()))
        if forward:
            built = self._prepare(y0, min(y1 + span, MAX_YEAR), base)
        else:
            built = self._prepare(max(y0 - span, MIN_YEAR), y1, base)
        if built.sec.total == before and built.years[1] - built.years[0] + 1 - span >= _EMPTY_YEARS:
            self._nothing_open(built)
        return built

    def _nothing_open(self, built: Built) -> NoReturn:
        first_year, last_year = (str(y) for y in built.years)
        said = words("author.calendar.nothing_open", calendar=self.name, first_year=first_year, last_year=last_year)
        raise WordedInputError(said)

    def _ready(self, lo: int, hi: int) -> Built:
        """The index, grown to cover epoch seconds ``lo`` and ``hi``: answer from it (not from the
        calendar's, which another thread may replace meanwhile)."""
        built = self._built
        if built is None or lo < built.sec.lo or hi > built.sec.hi:
            built = self._cover(lo, hi)
        return built

    def memory_bytes(self) -> int:
        """Approximate bytes held by the interval index (lists and arrays)."""
        built = self._built
        if built is None:
            return 0
        total = sum(a.nbytes for a in built.sec.arrays)
        for idx in (built.sec, built.usec):
            for seq in (idx.starts, idx.ends, idx.cum, idx.cum_end):
                total += sys.getsizeof(seq) + sum(sys.getsizeof(v) for v in seq)
        return total
