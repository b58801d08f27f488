"""Hours near daylight-saving changes against a slow minute-stepping reference (hypothesis).

The rule under test (the language reference, "Daylight saving"): an open interval runs from
the first occurrence of its start wall time to the first occurrence of its end wall time. A
time the clock skips is the instant it jumps to (a start opens there, an end closes there);
a time it shows twice is its first occurrence, for a closing as for an opening. The engine
once closed at the second occurrence: ``18:00-01:00`` on London's autumn day ran to the
second 01:00 (an hour too long) and a break inside the repeated hour disappeared.

The reference shares no code with the engine and no ``fold`` arithmetic: it steps UTC minute
by minute, reads each minute's wall clock with ``zoneinfo``, and takes a wall time's first
occurrence as the first minute whose clock reads it or later. A minute is open when a range
of some day holds it. Zones with an hour's change (New York, London, Sydney), a half hour's
(Lord Howe), a change at 02:45 (Chatham) and at midnight (Havana); ranges overnight, ending
at 24:00, starting or ending at the change; days within two of a change.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from functools import cache
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sla_dsl.calendars.business import BusinessCalendar
from sla_dsl.calendars.recurrence import maintenance_windows
from sla_dsl.lang import model as m

ZONES = (
    "America/New_York",
    "Europe/London",
    "Australia/Lord_Howe",
    "Australia/Sydney",
    "America/Havana",
    "Pacific/Chatham",
)
MINUTE = dt.timedelta(minutes=1)
DAY = dt.timedelta(days=1)
EXAMPLES = int(os.environ.get("CALENDAR_EXAMPLES", "100"))


@cache
def changes(zone: str) -> tuple[dt.date, ...]:
    """The local dates of 2025-2027 on which the zone's offset changes (scanned hour by hour)."""
    tz = ZoneInfo(zone)
    t = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    off = t.astimezone(tz).utcoffset()
    found: list[dt.date] = []
    while t.year < 2028:
        t += dt.timedelta(hours=1)
        local = t.astimezone(tz)
        if local.utcoffset() != off:
            off = local.utcoffset()
            found.append(local.date())
    return tuple(found)


class Reference:
    """Open minutes of a calendar open every day with ``ranges``, found by stepping UTC minutes."""

    def __init__(self, zone: str, ranges: list[tuple[int, int]], first: dt.date, last: dt.date) -> None:
        self.tz = ZoneInfo(zone)
        # every UTC minute from well before ``first``'s midnight (no zone is 16 hours behind UTC)
        # to well after the end of the day after ``last`` (an overnight range ends there at the latest)
        self.t0 = dt.datetime.combine(first, dt.time(), dt.UTC) - dt.timedelta(hours=16)
        count = ((last - first).days + 3) * 1440 + 32 * 60
        self.walls = [(self.t0 + k * MINUTE).astimezone(self.tz).replace(tzinfo=None) for k in range(count)]
        self.days = {
            first + k * DAY: [(self.first(first + k * DAY, s), self.first(first + k * DAY, e)) for s, e in ranges]
            for k in range((last - first).days + 1)
        }

    def first(self, day: dt.date, minutes: int) -> int:
        """The first minute (an index from ``t0``) whose wall clock reads ``minutes`` after ``day``'s
        midnight or later."""
        wall = dt.datetime.combine(day, dt.time()) + minutes * MINUTE
        return next(k for k, w in enumerate(self.walls) if w >= wall)

    def instant(self, k: int) -> dt.datetime:
        return self.t0 + k * MINUTE

    def day_minutes(self, day: dt.date) -> set[int]:
        return {k for s, e in self.days[day] for k in range(s, e)}

    def open_minutes(self) -> list[int]:
        return sorted(set().union(*(self.day_minutes(d) for d in self.days)))


def minutes_of(pairs: list[tuple[dt.datetime, dt.datetime]], t0: dt.datetime) -> set[int]:
    """The UTC minutes (indexes from ``t0``) that intervals of whole minutes hold."""
    out: set[int] = set()
    for s, e in pairs:
        a, b = (s - t0) // MINUTE, (e - t0) // MINUTE
        assert t0 + a * MINUTE == s and t0 + b * MINUTE == e, (s, e)
        out |= set(range(a, b))
    return out


#: times of day worth drawing: whole and half hours, and Chatham's 02:45 and 03:45
BOUNDS = st.one_of(
    st.integers(0, 47).map(lambda k: 30 * k),
    st.sampled_from([165, 225]),
    st.integers(0, 1439),
)


@st.composite
def ranges_of(draw: st.DrawFn) -> list[tuple[int, int]]:
    """One to three ranges as written (start, end minutes; an end not after its start is overnight,
    1440 is 24:00)."""
    out = []
    for _ in range(draw(st.integers(1, 3))):
        start = draw(BOUNDS)
        end = draw(st.one_of(BOUNDS, st.just(1440)))
        out.append((start, end))
    return out


def calendar_of(ranges: list[tuple[int, int]]) -> m.Calendar:
    times = tuple(m.TimeRange(start=m.ClockTime(minutes=s), end=m.ClockTime(minutes=e)) for s, e in ranges)
    return m.Calendar(name="c", days=tuple(m.Weekday), hours=times)


def merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The written ranges as minutes from the day's midnight, an overnight end past 1440."""
    return [(s, e + 1440 if e <= s else e) for s, e in ranges]


@st.composite
def days_near_changes(draw: st.DrawFn, zone: str) -> dt.date:
    return draw(st.sampled_from(changes(zone))) + draw(st.integers(-2, 2)) * DAY


CASES = st.sampled_from(ZONES).flatmap(lambda zone: st.tuples(st.just(zone), ranges_of(), days_near_changes(zone)))
#: where to start adding business time, and how much: fractions (in millionths) of what there is
PICKS = st.tuples(st.integers(0, 10**6), st.integers(0, 10**6))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(CASES, PICKS)
# London's late desk (closes at the first 01:00), Sydney's break inside the repeated hour, a range
# ending at Havana's repeated midnight, Chatham's repeat (03:45 back to 02:45) inside a range
@example(("Europe/London", [(18 * 60, 60)], dt.date(2026, 10, 24)), (0, 10**6))
@example(("Australia/Sydney", [(0, 135), (165, 1440)], dt.date(2026, 4, 5)), (0, 10**6))
@example(("America/Havana", [(20 * 60, 1440)], dt.date(2026, 10, 31)), (0, 10**6))
@example(("Pacific/Chatham", [(150, 210), (210, 240)], dt.date(2026, 4, 5)), (0, 10**6))
def test_hours_near_a_change_are_the_references(
    case: tuple[str, list[tuple[int, int]], dt.date], picks: tuple[int, int]
) -> None:
    zone, ranges, day = case
    cal = BusinessCalendar(calendar_of(ranges), ZoneInfo(zone))
    # days day-2 .. day+2: the only ones with open time in [day-1's midnight, day+3's midnight)
    ref = Reference(zone, merged(ranges), day - 2 * DAY, day + 2 * DAY)
    t0 = ref.t0

    # each day's open intervals hold the reference's minutes, in order, without overlap
    for d in (day - DAY, day, day + DAY):
        pairs = [(s.astimezone(dt.UTC), e.astimezone(dt.UTC)) for s, e in cal.open_intervals(d)]
        assert all(s < e for s, e in pairs), (d, pairs)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(pairs)), (d, pairs)
        assert minutes_of(pairs, t0) == ref.day_minutes(d), (d, pairs)

    # business time measured and added on the index
    lo, hi = ref.first(day - DAY, 0), ref.first(day + 3 * DAY, 0)
    opened = [k for k in ref.open_minutes() if lo <= k < hi]
    assert cal.between(ref.instant(lo), ref.instant(hi)) == len(opened) * MINUTE
    at = lo + (hi - lo - 1) * picks[0] // 10**6
    after = [k for k in opened if k >= at]
    if after:
        n = 1 + (len(after) - 1) * picks[1] // 10**6
        due = cal.add(ref.instant(at), n * MINUTE).astimezone(dt.UTC)
        assert due == ref.instant(after[n - 1] + 1)

    # the close of the day (`by end of`, the same-day guideline): where its last interval ends. Asked from
    # the day's last open minute, which belongs to the day (its midnight may be in the day before's shift,
    # which that start would count from)
    if ref.day_minutes(day):
        last = max(e for s, e in ref.days[day] if e > s)
        close = cal.end_of_nth_business_day(ref.instant(last - 1), 0).astimezone(dt.UTC)
        assert close == ref.instant(last)

    # a maintenance window of each range on that day: from the first occurrence to the first occurrence
    for (s, e), (rs, re) in zip(ranges, ref.days[day], strict=True):
        mt = m.Maintenance(
            name="w",
            on=m.WeeklyOn(weekday=tuple(m.Weekday)[day.weekday()]),
            hours=m.TimeRange(start=m.ClockTime(minutes=s), end=m.ClockTime(minutes=e)),
        )
        found = maintenance_windows(mt, None, ZoneInfo(zone), day, day + DAY)
        got = [(w.start.astimezone(dt.UTC), w.end.astimezone(dt.UTC)) for w in found]
        assert got == ([(ref.instant(rs), ref.instant(re))] if re > rs else []), (s, e, got)
