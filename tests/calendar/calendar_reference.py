"""The calendars the calendar tests use, and a slow, obviously-correct reference.

The reference shares no code with ``sla_dsl.calendars.business`` (nor with its
base, ``sla_dsl.calendars.business_index``). It walks day by day; each day's
open intervals come from the wall clock itself: an interval opens at the first
UTC minute whose local reading is at or after the opening time, and closes at
the first UTC minute whose local reading is at or after the closing time (its
first showing when the clock shows it twice, as midnight where the clock goes
back at 01:00 to 00:00; the jump when the clock skips it). That is the
engine's documented DST rule (a time shown twice means its first occurrence,
for openings and closings alike; a skipped time is the jump), found by
scanning instead of by ``fold`` arithmetic.

Issue 11's features are written out the same plain way: a day's hours are its
date-specific hours if a line names the date, else (on an open day) the
lines for its weekday, else the one-line hours; an overnight range's end is
read on the next day's wall clock; partial closures of the day before, the
day and the day after are cut out; intervals of neighbouring days that touch
or overlap are joined before any sum, so an instant counts once.

A yearly holiday (``holiday yearly 4th thu of nov``) is found by listing the
days of its month that fall on its weekday and taking the nth (the last) of
them, never by the engine's arithmetic (:func:`yearly_holiday_on`).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from zoneinfo import ZoneInfo

import holidays

from sla_dsl.lang import model as m

MINUTE = dt.timedelta(minutes=1)
DAY = dt.timedelta(days=1)


def hm(text: str) -> m.ClockTime:
    """``"13:30"`` as a model clock time."""
    h, mi = text.split(":")
    return m.ClockTime(minutes=int(h) * 60 + int(mi))


def hours(*ranges: str) -> tuple[m.TimeRange, ...]:
    """``"10:00-12:00"``, ... as model time ranges."""
    return tuple(m.TimeRange(start=hm(r.split("-")[0]), end=hm(r.split("-")[1])) for r in ranges)


WEEKDAYS = tuple(m.Weekday)[:5]
ALL_DAYS = tuple(m.Weekday)

#: name -> (model calendar, zone)
CALENDARS: dict[str, tuple[m.Calendar, str]] = {
    "clicksoko": (
        m.Calendar(
            name="business",
            days=WEEKDAYS,
            hours=hours("10:00-12:00", "13:00-18:00"),
            holidays=("JP",),
        ),
        "Asia/Tokyo",
    ),
    "closures": (
        m.Calendar(
            name="closures",
            days=WEEKDAYS,
            hours=hours("10:00-12:00", "13:00-18:00"),
            holidays=("JP",),
            closed=(m.DateRange(first=dt.date(2026, 8, 12), last=dt.date(2026, 8, 14)),),
            closed_yearly=(m.YearlyRange(first=(12, 29), last=(1, 3)),),
            open=(
                m.DateRange(first=dt.date(2026, 8, 15), last=dt.date(2026, 8, 15)),
                m.DateRange(first=dt.date(2026, 11, 3), last=dt.date(2026, 11, 3)),
            ),
        ),
        "Asia/Tokyo",
    ),
    "yearly": (
        m.Calendar(
            name="yearly",
            days=WEEKDAYS,
            hours=hours("09:00-12:00", "13:00-17:30"),
            holidays=("JP",),
            yearly_holidays=(
                m.YearlyHoliday(month=5, day=1, label=m.Label(ja="創立記念日", en="Founding day")),
                m.YearlyHoliday(month=11, nth=4, weekday=m.Weekday.THU, label=m.Label(en="Thanksgiving")),
                m.YearlyHoliday(month=5, nth=-1, weekday=m.Weekday.MON, label=m.Label(en="Memorial Day")),
                m.YearlyHoliday(month=2, day=29, label=m.Label(en="Leap day")),
                m.YearlyHoliday(month=10, nth=5, weekday=m.Weekday.FRI, label=m.Label(en="Fifth Friday")),
                m.YearlyHoliday(month=1, nth=2, weekday=m.Weekday.MON, label=m.Label(en="On Coming of Age Day")),
                m.YearlyHoliday(month=7, nth=1, weekday=m.Weekday.WED, label=m.Label(en="First Wednesday")),
            ),
            open=(m.DateRange(first=dt.date(2027, 11, 25), last=dt.date(2027, 11, 25)),),
        ),
        "Asia/Tokyo",
    ),
    "newyork": (
        m.Calendar(
            name="night",
            days=ALL_DAYS,
            hours=hours("01:30-02:30", "09:00-17:00"),
            holidays=("US",),
        ),
        "America/New_York",
    ),
    "berlin_always": (
        m.Calendar(name="always", days=ALL_DAYS, hours=hours("00:00-24:00")),
        "Europe/Berlin",
    ),
    "berlin_office": (
        m.Calendar(
            name="office",
            days=WEEKDAYS,
            hours=hours("08:00-12:00", "12:30-17:00"),
            holidays=("DE",),
        ),
        "Europe/Berlin",
    ),
}


def parse_delta(text: str) -> dt.timedelta:
    """``"-1h30m5s"`` as a timedelta (``"0"`` is zero)."""
    sign = -1 if text.startswith("-") else 1
    total = dt.timedelta()
    for amount, unit in re.findall(r"(\d+)([hms])", text):
        total += dt.timedelta(**{{"h": "hours", "m": "minutes", "s": "seconds"}[unit]: int(amount)})
    return sign * total


def format_delta(delta: dt.timedelta) -> str:
    """A timedelta as ``"-1h30m5s"`` (``"0"`` when zero)."""
    sign = "-" if delta < dt.timedelta() else ""
    secs = abs(int(delta.total_seconds()))
    h, rest = divmod(secs, 3600)
    mi, s = divmod(rest, 60)
    text = "".join(f"{v}{u}" for v, u in ((h, "h"), (mi, "m"), (s, "s")) if v)
    return sign + (text or "0")


class SlowCalendar:
    """The same business-time rules, written the slow and plain way."""

    def __init__(self, cal: m.Calendar, zone: str) -> None:
        self.cal = cal
        self.tz = ZoneInfo(cal.timezone or zone)
        days = cal.days or tuple(w for line in cal.day_hours for w in line.days)
        self.weekdays = [list(m.Weekday).index(w) for w in days]
        self._cache: dict[dt.date, list[tuple[dt.datetime, dt.datetime]]] = {}

    @cache  # noqa: B019 - a test helper that lives as long as the session
    def _national(self, year: int) -> frozenset[dt.date]:
        days: set[dt.date] = set()
        for code in self.cal.holidays:
            country, _, subdiv = code.partition("-")
            days |= set(holidays.country_holidays(country, subdiv=subdiv or None, years=year))
        return frozenset(days)

    def _date_ranges(self, d: dt.date) -> tuple[m.TimeRange, ...] | None:
        for entry in self.cal.date_hours:
            for r in entry.dates:
                if r.first <= d <= r.last:
                    return entry.ranges
        return None

    def ranges(self, d: dt.date) -> tuple[m.TimeRange, ...]:
        """The hours of day ``d`` as written (none on a closed day)."""
        own = self._date_ranges(d)
        if own is not None:
            return own
        if not self._weekday_rules_open(d):
            return ()
        weekday = list(m.Weekday)[d.weekday()]
        lines = [r for line in self.cal.day_hours if weekday in line.days for r in line.ranges]
        return tuple(lines) if lines else self.cal.hours

    def is_business_day(self, d: dt.date) -> bool:
        """A day with hours that its wall clock shows (not a skipped day, nor hours wholly in a gap)."""
        return bool(self._wall(d, self.ranges(d)))

    def _weekday_rules_open(self, d: dt.date) -> bool:
        for r in self.cal.open:
            if r.first <= d <= r.last:
                return True
        if d.weekday() not in self.weekdays:
            return False
        if d in self._national(d.year):
            return False
        if any(h.date == d for h in self.cal.named_holidays):
            return False
        if any(yearly_holiday_on(h, d) for h in self.cal.yearly_holidays):
            return False
        for r in self.cal.closed:
            if r.first <= d <= r.last:
                return False
        for y in self.cal.closed_yearly:
            key = (d.month, d.day)
            inside = y.first <= key <= y.last if y.first <= y.last else not y.last < key < y.first
            if inside:
                return False
        return True

    def _local(self, u: dt.datetime) -> dt.datetime:
        return u.astimezone(self.tz).replace(tzinfo=None)

    @cache  # noqa: B019
    def _boundary(self, d: dt.date, minutes: int) -> dt.datetime:
        wall = dt.datetime.combine(d, dt.time()) + dt.timedelta(minutes=minutes)
        guess = wall.replace(tzinfo=self.tz).astimezone(dt.UTC).replace(second=0)
        scan = [guess + k * MINUTE for k in range(-180, 181)]
        if self._local(scan[0]) >= wall:  # a day the clock skips (Samoa, 2011-12-30): back to before the jump
            scan = [guess + k * MINUTE for k in range(-26 * 60, 181)]
        # an opening and a closing alike: the first minute the clock reads the time or later
        return next(u for u in scan if self._local(u) >= wall)

    def _wall(self, d: dt.date, ranges: tuple[m.TimeRange, ...]) -> list[tuple[dt.datetime, dt.datetime]]:
        out = []
        for r in ranges:
            end_minutes = r.end.minutes + (1440 if r.end.minutes <= r.start.minutes else 0)
            start = self._boundary(d, r.start.minutes)
            end = self._boundary(d, end_minutes)
            if end > start:
                out.append((start, end))
        return out

    def intervals(self, d: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        """Open intervals of day ``d`` in UTC, less the partial closures."""
        hit = self._cache.get(d)
        if hit is not None:
            return hit
        out = self._wall(d, self.ranges(d))
        for cd in (d - DAY, d, d + DAY):
            for entry in self.cal.closed_hours:
                if any(r.first <= cd <= r.last for r in entry.dates):
                    for cs, ce in self._wall(cd, entry.ranges):
                        kept = []
                        for s, e in out:
                            if ce <= s or cs >= e:
                                kept.append((s, e))
                                continue
                            if s < cs:
                                kept.append((s, cs))
                            if ce < e:
                                kept.append((ce, e))
                        out = kept
        self._cache[d] = out
        return out

    def spans(self, first: dt.date, last: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        """The open intervals of the days ``first``..``last``, joined where they touch or overlap."""
        pieces = sorted(iv for k in range((last - first).days + 1) for iv in self.intervals(first + k * DAY))
        joined: list[tuple[dt.datetime, dt.datetime]] = []
        for s, e in pieces:
            if joined and s <= joined[-1][1]:
                joined[-1] = (joined[-1][0], max(joined[-1][1], e))
            else:
                joined.append((s, e))
        return joined

    def _date(self, t: dt.datetime) -> dt.date:
        return t.astimezone(self.tz).date()

    def add(self, t: dt.datetime, delta: dt.timedelta) -> dt.datetime:
        """Walk forward (or backward) day by day, spending ``delta`` on open time."""
        t = t.astimezone(dt.UTC)
        if not delta:
            return t.astimezone(self.tz)
        left = abs(delta)
        forward = delta > dt.timedelta()
        # Whole chunks of 30 days, joined, with a day of overlap on either side so that
        # an overnight range of the day before a chunk is in it.
        d = self._date(t)
        for _ in range(500):
            first, last = (d - 2 * DAY, d + 30 * DAY) if forward else (d - 30 * DAY, d + 2 * DAY)
            spans = self.spans(first, last)
            if forward:
                for start, end in spans:
                    start = max(start, t)
                    if end > start:
                        if end - start >= left:
                            return (start + left).astimezone(self.tz)
                        left -= end - start
                        t = end
                d = last - DAY
            else:
                for start, end in reversed(spans):
                    end = min(end, t)
                    if end > start:
                        if end - start >= left:
                            return (end - left).astimezone(self.tz)
                        left -= end - start
                        t = start
                d = first + DAY
        raise AssertionError("no business time found")

    def between(self, t1: dt.datetime, t2: dt.datetime) -> dt.timedelta:
        """Sum the overlap of [t1, t2) with every open interval, day by day."""
        if t2 < t1:
            return -self.between(t2, t1)
        total = dt.timedelta()
        for start, end in self.spans(self._date(t1) - 2 * DAY, self._date(t2) + DAY):
            lo, hi = max(start, t1), min(end, t2)
            if hi > lo:
                total += hi - lo
        return total

    def is_business_time(self, t: dt.datetime) -> bool:
        """Whether some open interval contains ``t``."""
        d = self._date(t)
        return any(s <= t < e for day in (d - DAY, d, d + DAY) for s, e in self.intervals(day))

    def next_business_day(self, d: dt.date) -> dt.date:
        """The first business day after ``d``."""
        d += DAY
        while not self.is_business_day(d):
            d += DAY
        return d

    def end_of_nth_business_day(self, t: dt.datetime, n: int) -> dt.datetime:
        """Close of the nth business day after the local date of ``t``."""
        d = self._date(t)
        for _ in range(n):
            d = self.next_business_day(d)
        # (every hour closed by partial closures: where the day's hours close)
        return max(e for _, e in self.intervals(d) or self._wall(d, self.ranges(d))).astimezone(self.tz)

    def day_length(self) -> dt.timedelta:
        """1 business day: the one-line hours, else the length most open weekdays have (the longer on a tie)."""

        def length(ranges: tuple[m.TimeRange, ...]) -> int:
            return sum((r.end.minutes - r.start.minutes) % 1440 or 1440 for r in ranges)

        if self.cal.hours:
            return dt.timedelta(minutes=length(self.cal.hours))
        weekdays = list(m.Weekday)
        lengths = []
        for i in sorted(set(self.weekdays)):
            own = [r for line in self.cal.day_hours if weekdays[i] in line.days for r in line.ranges]
            if own:
                lengths.append(length(tuple(own)))
        best = max(lengths, key=lambda n: (lengths.count(n), n)) if lengths else 0
        return dt.timedelta(minutes=best)


def _named(on: m.Recurrence, d: dt.date) -> bool:
    """Whether the rule names day ``d`` (by counting, not by arithmetic)."""
    if isinstance(on, m.WeeklyOn):
        return d.weekday() == list(m.Weekday).index(on.weekday)
    if isinstance(on, m.DayOfYear):
        return (d.month, d.day) == (on.month, on.day)
    if on.since is not None:
        months = (d.year - on.since[0]) * 12 + d.month - on.since[1]
        if months < 0 or months % on.every:
            return False
    same_month = [d.replace(day=k) for k in range(1, 32) if _valid(d.year, d.month, k)]
    if isinstance(on, m.DayOfMonth):
        return d == same_month[-1] if on.day == -1 else d.day == on.day
    if isinstance(on, m.LastWeekday):
        return d == [x for x in same_month if x.weekday() < 5][-1]
    wanted = list(m.Weekday).index(on.weekday)
    matches = [x for x in same_month if x.weekday() == wanted]
    for nth in (on.nth, *on.also):
        if d == matches[-1] if nth == -1 else len(matches) >= nth and d == matches[nth - 1]:
            return True
    return False


def yearly_holiday_on(h: m.YearlyHoliday, d: dt.date) -> bool:
    """Whether yearly holiday ``h`` falls on ``d``: its date, or the nth (last) of the days of its month that
    are its weekday, listed one by one (a month with too few of them has none)."""
    if d.month != h.month:
        return False
    if h.day is not None:
        return d.day == h.day
    wanted = list(m.Weekday).index(h.weekday)  # type: ignore[arg-type]
    matches = [
        k for k in range(1, 32) if _valid(d.year, d.month, k) and dt.date(d.year, d.month, k).weekday() == wanted
    ]
    if h.nth == -1:
        return d.day == matches[-1]
    assert h.nth is not None
    return len(matches) >= h.nth and d.day == matches[h.nth - 1]


def _valid(y: int, mo: int, k: int) -> bool:
    try:
        dt.date(y, mo, k)
    except ValueError:
        return False
    return True


def slow_windows(mt: m.Maintenance, ref: SlowCalendar, first: dt.date, last: dt.date) -> list[dict[str, str | bool]]:
    """Windows of ``mt`` starting on a local day in [first, last), walking every day."""
    out: list[dict[str, str | bool]] = []
    d = first - dt.timedelta(days=40)
    while d < last + dt.timedelta(days=40):
        if _named(mt.on, d):
            day: dt.date | None = d
            if not ref.is_business_day(d):
                if mt.roll is m.Roll.SKIP:
                    day = None
                elif mt.roll is m.Roll.NEXT:
                    day = ref.next_business_day(d)
                elif mt.roll is m.Roll.PREVIOUS:
                    day = d - DAY
                    while not ref.is_business_day(day):
                        day -= DAY
            if day is not None and not any(
                w["start"] == ref._boundary(day, mt.hours.start.minutes).astimezone(ref.tz).isoformat() for w in out
            ):
                end_minutes = mt.hours.end.minutes + (1440 if mt.hours.end.minutes <= mt.hours.start.minutes else 0)
                start = ref._boundary(day, mt.hours.start.minutes)
                end = ref._boundary(day, end_minutes)
                local_start = start.astimezone(ref.tz)
                if first <= local_start.date() < last:
                    out.append(
                        {
                            "start": local_start.isoformat(),
                            "end": end.astimezone(ref.tz).isoformat(),
                            "scheduled": d.isoformat(),
                            "day": day.isoformat(),
                            "moved": day != d,
                        }
                    )
        d += DAY
    return out


def maintenance_from_json(rule: dict[str, object]) -> m.Maintenance:
    """A maintenance rule as written in ``cases.json``."""
    on = dict(rule["on"])  # type: ignore[call-overload]
    kinds = {
        "nth_weekday": m.NthWeekday,
        "day_of_month": m.DayOfMonth,
        "day_of_year": m.DayOfYear,
        "weekly": m.WeeklyOn,
    }
    recurrence = kinds[on.pop("kind")](**on)
    return m.Maintenance(
        name=str(rule["name"]),
        on=recurrence,
        hours=hours(str(rule["hours"]))[0],
        roll=m.Roll(str(rule["roll"])),
    )
