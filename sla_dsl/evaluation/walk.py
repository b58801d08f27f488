"""The day-by-day walk of business time that explains a due time.

``walk(rules, calendar, a_us, b_us)`` lists, for each day of the calendar from
the clock's start to the due time, either why it is not a business day ("Mon
21 Sep: Respect for the Aged Day, not a business day") or the business time it
contributes ("Tue 22 Sep 10:00-12:00 2h, 13:00-13:30 30m").

Design notes
------------
* **The walk lists the instants the evaluator counts.** Each day's parts are
  the calendar's real open intervals of that day (:meth:`BusinessCalendar._day_pairs`:
  its hours on its own wall clock, daylight saving and partial closures
  included), clipped to [clock start, due time). So the parts add up to the
  target's business time: a 4-hour target over New York's spring gap lists
  ``00:30-05:30 4h``, not 5h, and ``closed 2026-12-24 13:00-18:00`` leaves
  13:00-18:00 out. (The walk used to clip the calendar's written hours against
  the policy's wall clock and count wall-clock time: right only for a calendar
  in the policy's zone on a day without a clock change or a partial closure.)
* **Days are the calendar's local dates** (language reference, calendars): a
  London desk in a Tokyo policy walks London's Friday, ``Fri 27 Nov
  18:00-02:30 8h30m``. The times are said on the policy's wall clock, as every
  other step's, with the offset in the hour the zone repeats (``01:30
  (-05:00)``, as :meth:`Rules.fmt` says it); an end at the policy's midnight is
  ``24:00``. A length is the exact difference of the two instants.
* **Every instant once.** An overnight range runs into the next day, which may
  open before it ends (E202 refuses that between weekday lines, not against a
  date's own hours): a day's parts leave out what the day before already
  covers, as the calendar's index joins them. A range ends within the next
  day's wall clock, so the day before is the only one that can reach into a
  day, and the walk starts there when its open time runs past the clock's start
  (the clock starts at 02:00 inside Monday's 22:00-06:00).
* **Instants or wall-clock microseconds.** :func:`walk_between` takes the two
  instants (UTC microseconds). :func:`walk` takes them as the callers have them,
  wall-clock microseconds of the policy (the last item of a :meth:`Rules.stamp`),
  and reads each back as the first of the two instants when the zone shows that
  time twice: in a repeated hour the wall clock alone cannot say which one, so
  a clock or due time in the second pass of a repeated hour of the policy's
  zone is walked from the first. (The report's callers, :func:`.incident_rows.explain`
  and :mod:`.explain_columns`, have the instants: given to :func:`walk_between`
  and :func:`.time_columns.walk_spans`, that case would be exact too.)
* **Memoised.** A :class:`Walker` per calendar remembers each day (label,
  closed step, parts as instants) and each clipped day's step: a year's log
  explains hundreds of thousands of due times over the same few hundred days.
  :class:`Zone` keeps, per UTC hour, a zone's offset and its words for a
  repeated hour when they hold the whole hour (nearly all hours), so an instant
  is worded by arithmetic; :func:`.time_columns.walk_days` uses the same tables
  on arrays and words every span as this walk does.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple, cast
from zoneinfo import ZoneInfo

from ..calendars.bounds import FIRST_DATE, LAST_DATE
from ..calendars.business import subtract_pairs
from ..i18n import offset_if_repeated
from ..report import Step
from .common import Memo, Rules, fmt_minutes, step

__all__ = [
    "EPOCH_ORDINAL",
    "MAX_DAYS",
    "NO_HI",
    "NO_LO",
    "Day",
    "Walker",
    "Zone",
    "day_offset",
    "instant_us",
    "walk",
    "walk_between",
    "walker",
]

#: A walk longer than this many days is summarised (a 10-business-day silence
#: would otherwise explain itself in 20 lines).
MAX_DAYS = 16

_US = 1_000_000
_MIN_US = 60 * _US
_HOUR_US = 3600 * _US
_DAY_US = 86_400 * _US
_ONE_US = dt.timedelta(microseconds=1)
_UTC = dt.UTC
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=_UTC)
#: the proleptic ordinal of 1970-01-01: days since the epoch plus this are a date's ordinal
EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
#: no bound: a clip that leaves a day's open time whole (see :meth:`Walker.clip`)
NO_LO = -(2**63)
NO_HI = 2**63 - 1


def walk(rules: Rules, calendar: str, a_us: int, b_us: int) -> list[Step]:
    """Steps explaining the business time of ``calendar`` between two instants given as
    wall-clock microseconds of the policy (the last item of a :meth:`Rules.stamp`; see the
    module's notes for a time the zone shows twice)."""
    w = walker(rules, calendar)
    return w.walk(w.instant(a_us), w.instant(b_us))


def walk_between(rules: Rules, calendar: str, a: int, b: int) -> list[Step]:
    """Steps explaining the business time of ``calendar`` in [a, b), instants as UTC microseconds."""
    return walker(rules, calendar).walk(a, b)


def walker(rules: Rules, calendar: str) -> Walker:
    """The walk over ``calendar`` of the version ``rules`` (one per version and calendar, kept on them)."""
    walkers = rules.memo(_WALKERS)
    w = walkers.get(calendar)
    if w is None:
        w = walkers[calendar] = Walker(rules, calendar)
    return w


def instant_us(tz: ZoneInfo, wall: int) -> int:
    """UTC microseconds of wall-clock microseconds (:func:`.common.wall_us`) in zone ``tz``: the first
    of the two instants when the zone shows that time twice."""
    naive = dt.datetime(1, 1, 1) + dt.timedelta(microseconds=wall - _DAY_US)
    return (naive.replace(tzinfo=tz) - _EPOCH) // _ONE_US


def day_offset(tz: ZoneInfo, ordinal: int) -> int | None:
    """The UTC offset (microseconds) of every wall-clock time of day ``ordinal`` in ``tz`` when it is
    one offset all day (as :func:`instant_us` reads them), else None."""
    midnight = dt.datetime.fromordinal(ordinal)
    nxt = midnight + dt.timedelta(days=1)
    off = tz.utcoffset(midnight)
    if off is None or not off == tz.utcoffset(nxt) == tz.utcoffset(nxt.replace(fold=1)):
        return None
    return off // _ONE_US


#: What a memo's ``get`` gives for a key it does not hold (its values may be None).
_UNKNOWN: Any = object()


class Zone:
    """A zone's offset, and words for a repeated hour (``offset_if_repeated``), at instants: per UTC hour
    when they hold the whole hour, else per instant."""

    def __init__(self, tz: ZoneInfo) -> None:
        self.tz = tz
        #: UTC hour -> (offset in microseconds, words) when they hold the whole hour, else None
        self.hours: dict[int, tuple[int, str] | None] = {}

    def hour(self, h: int) -> tuple[int, str] | None:
        """(offset, words) of every instant of UTC hour ``h`` (``h * 3600`` seconds from the epoch),
        None when they change within it."""
        known = self.hours.get(h, _UNKNOWN)  # (one look-up: another thread may empty the dict between two)
        if known is not _UNKNOWN:
            return cast("tuple[int, str] | None", known)
        t0 = dt.datetime.fromtimestamp(h * 3600, self.tz)
        t1 = dt.datetime.fromtimestamp(h * 3600 + 3599, self.tz)
        off = t0.utcoffset()
        words = offset_if_repeated(t0)
        # one change of offset at most in an hour: the same offset at both ends is the same all
        # hour, and so are the words (a repeated stretch around a change would have it inside)
        value = None
        if off is not None and off == t1.utcoffset() and words == offset_if_repeated(t1):
            value = (off // _ONE_US, words)
        if len(self.hours) > 200_000:
            self.hours.clear()
        self.hours[h] = value
        return value

    def at(self, us: int) -> tuple[int, str]:
        """(offset, words) at the instant ``us`` (UTC microseconds)."""
        h = us // _HOUR_US
        hit = self.hours.get(h, _UNKNOWN)
        if hit is _UNKNOWN:
            hit = self.hour(h)
        if hit is not None:
            return cast("tuple[int, str]", hit)
        t = dt.datetime.fromtimestamp(us // _US, self.tz)
        off = t.utcoffset()
        assert off is not None
        return off // _ONE_US, offset_if_repeated(t)


class Day(NamedTuple):
    """One day of a calendar as the walk shows it: ``Fri 27 Nov``, its own step when it is not a business
    day, its open intervals less what the day before covers (UTC microseconds), the first start and the
    last end of those (:data:`NO_HI`, :data:`NO_LO` without any)."""

    label: str
    closed: Step | None
    pairs: tuple[tuple[int, int], ...]
    opens: int
    closes: int


class Walker:
    """The walk over one calendar of one version, with what each day looks like."""

    def __init__(self, rules: Rules, calendar: str) -> None:
        self.rules = rules
        self.cal = rules.calendar(calendar)
        self.days_open = {d.index for d in rules.model.calendar(calendar).open_weekdays()}
        #: the policy's clock (times are said on it) and the calendar's (its dates)
        self.words = Zone(rules.tz)
        self.local = self.words if self.cal.tz is rules.tz else Zone(self.cal.tz)
        self.days: dict[int, Day] = {}
        #: a day of the policy's wall clock -> its one offset (:func:`day_offset`), or None
        self.wall_days: dict[int, int | None] = {}
        self.raw: dict[int, list[tuple[int, int]]] = {}
        #: (ordinal, start or NO_LO, end or NO_HI) -> the steps of that day in [start, end) (see :meth:`clip`)
        self.clipped: dict[tuple[int, int, int], tuple[Step, ...]] = {}
        #: (start, end) in UTC microseconds -> ``10:00-12:00 2h``
        self.parts: dict[tuple[int, int], str] = {}

    def wall_offset(self, day: int) -> int | None:
        """:func:`day_offset` of a day of the policy's wall clock (memoised)."""
        known = self.wall_days.get(day, _UNKNOWN)  # (one look-up, as :meth:`Zone.hour`)
        if known is not _UNKNOWN:
            return cast("int | None", known)
        if len(self.wall_days) > 100_000:
            self.wall_days.clear()
        off = self.wall_days[day] = day_offset(self.rules.tz, day)
        return off

    def instant(self, wall: int) -> int:
        """UTC microseconds of wall-clock microseconds of the policy, as :func:`instant_us` reads them."""
        off = self.wall_offset(wall // _DAY_US)
        if off is None:
            return instant_us(self.rules.tz, wall)
        return wall - EPOCH_ORDINAL * _DAY_US - off

    def ordinal(self, us: int) -> int:
        """The calendar's local date (an ordinal) of the instant ``us``."""
        return (us + self.local.at(us)[0]) // _DAY_US + EPOCH_ORDINAL

    def _raw(self, ordinal: int) -> list[tuple[int, int]]:
        """The calendar's open intervals of a day, in UTC microseconds (none outside the supported dates)."""
        hit = self.raw.get(ordinal)
        if hit is None:
            d = dt.date.fromordinal(ordinal) if ordinal > 0 else None
            ok = d is not None and FIRST_DATE <= d <= LAST_DATE
            hit = [(s * _US, e * _US) for s, e in self.cal._day_pairs(d)] if d is not None and ok else []
            if len(self.raw) > 100_000:
                self.raw.clear()
            self.raw[ordinal] = hit
        return hit

    def day(self, ordinal: int) -> Day:
        """The day ``ordinal`` of the calendar (see :class:`Day`)."""
        hit = self.days.get(ordinal)
        if hit is None:
            label, closed, pairs = "", None, []
            if ordinal >= 1:
                d = dt.date.fromordinal(ordinal)
                label = f"{d:%a %d %b}"
                if FIRST_DATE <= d <= LAST_DATE and not self.cal.is_business_day(d):
                    name = self.cal.holiday_name(d)
                    why = name or ("weekend" if d.weekday() not in self.days_open else "closed")
                    closed = step(text=f"{label}: {why}, not a business day")
                pairs = subtract_pairs(self._raw(ordinal), self._raw(ordinal - 1))
            opens = pairs[0][0] if pairs else NO_HI
            closes = pairs[-1][1] if pairs else NO_LO
            hit = Day(label, closed, tuple(pairs), opens, closes)
            if len(self.days) > 100_000:
                self.days.clear()
            self.days[ordinal] = hit
        return hit

    def walk(self, a: int, b: int) -> list[Step]:
        """The steps for [a, b), UTC microseconds: the days from the calendar's date of ``a`` to that of
        ``b`` (and the day before when its open time runs past ``a``); none when ``b`` is before ``a``."""
        if b < a:
            return []
        first, last = self.ordinal(a), self.ordinal(b)
        if last - first > MAX_DAYS:
            return []
        out: list[Step] = []
        if b > a and self.day(first - 1).closes > a:
            out += self.clip(first - 1, a, b)
        for ordinal in range(first, last + 1):
            out += self.clip(ordinal, a, b)
        return out

    def clip(self, ordinal: int, a: int, b: int) -> tuple[Step, ...]:
        """The step of day ``ordinal`` in [a, b): why it is not a business day, or its open time in that
        span (none when none falls in it). A bound outside the day's open time is no bound: the span
        crosses the day whole, one step shared by every span that does."""
        d = self.day(ordinal)
        if d.closed is not None:
            return (d.closed,)
        lo = a if a > d.opens else NO_LO
        hi = b if b < d.closes else NO_HI
        key = (ordinal, lo, hi)
        hit = self.clipped.get(key)
        if hit is None:
            parts = [self.part(max(s, lo), min(e, hi)) for s, e in d.pairs if min(e, hi) > max(s, lo)]
            hit = (step(text=f"{d.label} " + ", ".join(parts)),) if parts else ()
            if len(self.clipped) > 100_000:
                self.clipped.clear()
            self.clipped[key] = hit
        return hit

    def part(self, s: int, e: int) -> str:
        """``10:00-12:00 2h``: the open time [s, e) (UTC microseconds) on the policy's wall clock."""
        key = (s, e)
        hit = self.parts.get(key)
        if hit is None:
            hit = f"{self.clock(s, False)}-{self.clock(e, True)} {fmt_minutes((e - s) / _US)}"
            if len(self.parts) > 100_000:
                self.parts.clear()
            self.parts[key] = hit
        return hit

    def clock(self, us: int, end: bool) -> str:
        """``HH:MM`` of the instant ``us`` on the policy's wall clock, with the offset in a repeated hour;
        ``24:00`` for an ``end`` at midnight."""
        off, words = self.words.at(us)
        into = (us + off) % _DAY_US
        minutes = 1440 if end and into == 0 else into // _MIN_US
        return f"{minutes // 60:02d}:{minutes % 60:02d}{words}"


#: the walks of a version by calendar (:func:`walker`)
_WALKERS: Memo[dict[str, Walker]] = Memo(lambda rules: {})
