"""``by HH:MM of Nth business day`` on calendars whose day runs past midnight (an overnight range such as
``22:00-06:00``, a span of 24 hours or more): the due instant against a slow minute-stepping reference, in
New York around both DST changes and in Tokyo, and E224 on a time only the overnight part holds.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sla_dsl
from sla_dsl.lang import model as m
from sla_dsl.policy import Policy, compile_text

NY = ZoneInfo("America/New_York")
UTC = dt.UTC

HEAD = """sla "N" {{
  format 1
  version "1.0"
  effective 2026-01-01
  timezone {zone}
  title "T" / "T"
}}
"""
CALENDARS = """
calendar night "夜間" / "Night" { days mon..fri  hours 22:00-06:00 }
calendar nightly "毎夜" / "Nightly" { days mon..sun  hours 22:00-06:00 }
calendar mixed "混合" / "Mixed" { days mon..fri  hours 08:00-12:00, 20:00-04:00 }
calendar long "長日" / "Long" { days mon, wed, fri  hours 06:00-12:00, 13:00-08:00 }
calendar allday "終日" / "All day" { days mon..sun  hours 00:00-24:00 }
clock response "応答" / "Response" { starts at incident.reported }
"""

# calendar -> (open weekdays, [(start, end) minutes from the day's midnight; past 1440 when overnight])
_CALS = {
    "night": (range(5), [(22 * 60, 30 * 60)]),
    "nightly": (range(7), [(22 * 60, 30 * 60)]),
    "mixed": (range(5), [(8 * 60, 12 * 60), (20 * 60, 28 * 60)]),
    "long": ((0, 2, 4), [(6 * 60, 12 * 60), (13 * 60, 32 * 60)]),
    "allday": (range(7), [(0, 24 * 60)]),
}


@cache
def _policy(zone: str, cal: str, nth: int, at: str) -> Policy:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(nth, "th")
    text = HEAD.format(zone=zone) + CALENDARS
    text += f'priority P1 "a" / "a" {{ respond by {at} of {nth}{suffix} {cal} day  complete on incident.resolved }}\n'
    return sla_dsl.load_policy(text)


def _open_span(cal: str, tz: ZoneInfo, d: dt.date) -> tuple[dt.datetime, dt.datetime] | None:
    """Day ``d``'s open time found minute by minute (a minute is open when its wall time, counted from
    d's midnight, lies in a range): its first open minute and the end of its last; None on a closed day."""
    weekdays, ranges = _CALS[cal]
    if d.weekday() not in weekdays:
        return None
    midnight = dt.datetime.combine(d, dt.time())
    u = dt.datetime.combine(d, dt.time(), UTC) - dt.timedelta(hours=16)
    open_ = []
    while u < dt.datetime.combine(d, dt.time(), UTC) + dt.timedelta(hours=16 + 48):
        wall = int((u.astimezone(tz).replace(tzinfo=None) - midnight).total_seconds()) // 60
        if any(a <= wall < b for a, b in ranges):
            open_.append(u)
        u += dt.timedelta(minutes=1)
    return (open_[0], open_[-1] + dt.timedelta(minutes=1)) if open_ else None


def _reference_due(cal: str, tz: ZoneInfo, start: dt.datetime, nth: int, at: int) -> dt.datetime:
    """Day D (the nth business day after the start's day of receipt: the day before its date when that
    day's open time holds it, else its date) found date by date; its open minutes found minute by minute (a
    minute is open when its wall time, counted from D's midnight, lies in a range); the due instant is the
    first of the span [opening, close] whose wall time is ``at`` (a skipped one read with the offset before
    the jump), else ``at`` of D's own date kept within the span."""
    weekdays, ranges = _CALS[cal]
    d = start.astimezone(tz).date()
    before = _open_span(cal, tz, d - dt.timedelta(days=1))
    if before is not None and before[0] <= start < before[1]:
        d -= dt.timedelta(days=1)
    counted = 0
    while counted < nth:
        d += dt.timedelta(days=1)
        counted += d.weekday() in weekdays
    midnight = dt.datetime.combine(d, dt.time())

    def wall(u: dt.datetime) -> int:  # minutes from D's midnight on the wall clock
        x = u.astimezone(tz).replace(tzinfo=None)
        return int((x - midnight).total_seconds()) // 60

    steps = []
    u = dt.datetime.combine(d, dt.time(), UTC) - dt.timedelta(hours=16)
    while u < dt.datetime.combine(d, dt.time(), UTC) + dt.timedelta(hours=16 + 72):
        steps.append(u)
        u += dt.timedelta(minutes=1)
    open_ = [u for u in steps if any(a <= wall(u) < b for a, b in ranges)]
    opening, close = open_[0], open_[-1] + dt.timedelta(minutes=1)
    span = [u for u in steps if opening <= u <= close]

    def reading(k: int) -> dt.datetime:
        """``at`` of date D + k: the first instant the clock shows it, or past a gap by the offset before it."""
        same = [u for u in steps if wall(u) == at + 1440 * k]
        if same:
            return same[0]
        before = [u for u in steps if wall(u) < at + 1440 * k][-1].astimezone(tz).utcoffset()
        assert before is not None
        return (midnight + dt.timedelta(days=k, minutes=at) - before).replace(tzinfo=UTC)

    inside = [u for u in span if (wall(u) - at) % 1440 == 0]
    if inside:
        return inside[0]
    for k in (0, 1):  # (a time the clock skips inside the span)
        if opening <= reading(k) <= close:
            return reading(k)
    return min(max(reading(0), opening), close)


def _at(text: str) -> int:
    return int(text[:2]) * 60 + int(text[3:])


CASES = [
    # (zone, calendar, start (local), nth, at, expected (local))
    ("Asia/Tokyo", "night", "2026-11-26 10:00", 1, "05:00", "2026-11-28 05:00"),  # Thu -> Fri's shift, Sat 05:00
    ("Asia/Tokyo", "night", "2026-11-26 01:00", 1, "05:00", "2026-11-27 05:00"),  # in Wed's shift -> Thu's
    ("Asia/Tokyo", "mixed", "2026-11-27 03:00", 1, "13:00", "2026-11-27 13:00"),  # in Thu's shift -> Fri
    ("Asia/Tokyo", "night", "2026-11-26 10:00", 1, "23:00", "2026-11-27 23:00"),
    ("Asia/Tokyo", "night", "2026-11-26 10:00", 1, "06:00", "2026-11-28 06:00"),  # the close itself
    ("Asia/Tokyo", "night", "2026-11-26 10:00", 1, "22:00", "2026-11-27 22:00"),  # the opening itself
    ("Asia/Tokyo", "mixed", "2026-11-26 10:00", 1, "03:00", "2026-11-28 03:00"),
    ("Asia/Tokyo", "mixed", "2026-11-26 10:00", 1, "13:00", "2026-11-27 13:00"),  # the break stands
    ("Asia/Tokyo", "long", "2026-11-25 10:00", 1, "07:00", "2026-11-27 07:00"),  # held twice: the first
    ("Asia/Tokyo", "long", "2026-11-25 10:00", 1, "12:30", "2026-11-27 12:30"),
    ("Asia/Tokyo", "allday", "2026-11-25 10:00", 1, "00:00", "2026-11-26 00:00"),  # held twice: the first
    # New York, the spring change (Sun 8 March 02:00 -> 03:00) inside Saturday's nightly shift
    ("America/New_York", "nightly", "2026-03-06 12:00", 1, "02:30", "2026-03-08 03:30"),  # skipped: 03:30 EDT
    ("America/New_York", "nightly", "2026-03-06 12:00", 1, "05:00", "2026-03-08 05:00"),
    ("America/New_York", "nightly", "2026-03-06 12:00", 1, "23:00", "2026-03-07 23:00"),
    # the autumn change (Sun 1 November 02:00 EDT -> 01:00 EST): 01:30 shown twice, the first (EDT)
    ("America/New_York", "nightly", "2026-10-30 12:00", 1, "01:30", "2026-11-01 01:30"),
    ("America/New_York", "nightly", "2026-10-30 12:00", 1, "05:00", "2026-11-01 05:00"),
]


@pytest.mark.parametrize(("zone", "cal", "start", "nth", "at", "expected"), CASES)
def test_a_time_of_an_overnight_day_is_due_in_that_days_span(
    zone: str, cal: str, start: str, nth: int, at: str, expected: str
) -> None:
    tz = ZoneInfo(zone)
    policy = _policy(zone, cal, nth, at)
    t0 = dt.datetime.fromisoformat(start).replace(tzinfo=tz)
    due = policy.response_due("P1", t0)
    reference = _reference_due(cal, tz, t0, nth, _at(at))
    # (compared as instants: an aware time in a repeated hour is never == one of another zone, PEP 495)
    assert due.timestamp() == reference.timestamp()
    assert due.timestamp() == dt.datetime.fromisoformat(expected).replace(tzinfo=tz, fold=0).timestamp()


_COMMON = ["00:00", "01:30", "02:30", "22:00", "23:59"]  # (times every calendar here holds; others: E224)
_TIMES = {
    "night": [*_COMMON, "05:00", "06:00"],
    "nightly": [*_COMMON, "05:00", "06:00"],
    "mixed": [*_COMMON, "04:00", "08:00", "12:30", "19:00"],
    "long": [*_COMMON, "05:00", "07:00", "12:30", "13:00"],
    "allday": [*_COMMON, "12:00"],
}


@settings(max_examples=80, deadline=None)
@given(
    when=st.one_of(
        st.datetimes(dt.datetime(2026, 3, 2), dt.datetime(2026, 3, 10)),
        st.datetimes(dt.datetime(2026, 10, 26), dt.datetime(2026, 11, 3)),
    ).map(lambda x: x.replace(second=0, microsecond=0)),
    nth=st.integers(1, 2),
    cal_at=st.sampled_from(sorted(_TIMES)).flatmap(lambda c: st.tuples(st.just(c), st.sampled_from(_TIMES[c]))),
)
def test_the_due_instant_is_the_reference_one_around_new_yorks_changes(
    when: dt.datetime, nth: int, cal_at: tuple[str, str]
) -> None:
    cal, at = cal_at
    policy = _policy("America/New_York", cal, nth, at)
    t0 = when.replace(tzinfo=NY).astimezone(UTC).astimezone(NY)  # (a skipped wall time, as the instant it names)
    target = policy.model.priority("P1").target
    assert isinstance(target, m.ByEndOf)
    assert policy.due(target, t0).timestamp() == _reference_due(cal, NY, t0, nth, _at(at)).timestamp()


@pytest.mark.parametrize(
    ("cal", "at", "refused"),
    [
        ("night", "05:00", False),  # (the overnight part of the shift: the next date's 05:00)
        ("night", "06:00", False),
        ("night", "06:01", True),
        ("night", "21:59", True),
        ("mixed", "03:59", False),
        ("mixed", "04:01", True),
        ("mixed", "07:59", True),
    ],
)
def test_e224_holds_a_time_of_the_overnight_part(cal: str, at: str, refused: bool) -> None:
    text = HEAD.format(zone="Asia/Tokyo") + CALENDARS
    text += f'priority P1 "a" / "a" {{ respond by {at} of 1st {cal} day  complete on incident.resolved }}\n'
    codes = [d.code for d in compile_text(text).errors]
    assert codes == (["E224"] if refused else [])
