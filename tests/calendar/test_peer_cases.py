"""Facts (inputs and expected outputs) from zendesk/biz's own test suite, on our engine.

biz's default spec schedule (``spec/support/time.rb``, ``schedule``): Etc/UTC, Monday,
Wednesday, Friday 09:00-17:00, Tuesday and Thursday 10:00-16:00, Saturday 11:00-14:30;
2006-01-02 is a Monday. Its ``shifts`` are our date-specific ``hours DATE``, its
holidays our ``closed DATE``. Where biz's convention differs from ours the test says
so and compares in business time instead.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from calendar_reference import hours

from sla_dsl.calendars.business import BusinessCalendar
from sla_dsl.lang import model as m

W = m.Weekday
UTC = ZoneInfo("Etc/UTC")


def biz_schedule(**extra: object) -> BusinessCalendar:
    cal = m.Calendar(
        name="biz",
        timezone="Etc/UTC",
        day_hours=(
            m.DayHours(days=(W.MON, W.WED, W.FRI), ranges=hours("09:00-17:00")),
            m.DayHours(days=(W.TUE, W.THU), ranges=hours("10:00-16:00")),
            m.DayHours(days=(W.SAT,), ranges=hours("11:00-14:30")),
        ),
        **extra,  # type: ignore[arg-type]
    )
    return BusinessCalendar(cal, ZoneInfo("Asia/Tokyo"))


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


# spec/calculation/for_duration_spec.rb: (amount, unit, time, "after" or "before", expected)
FOR_DURATION = [
    (90, "seconds", utc(2006, 1, 4, 15, 58, 30), "after", utc(2006, 1, 4, 16)),
    (90, "seconds", utc(2006, 1, 4, 16, 1, 30), "before", utc(2006, 1, 4, 16)),
    (90, "minutes", utc(2006, 1, 4, 14, 30), "after", utc(2006, 1, 4, 16)),
    (90, "minutes", utc(2006, 1, 4, 16, 30), "before", utc(2006, 1, 4, 15)),
    (3, "hours", utc(2006, 1, 4, 13), "after", utc(2006, 1, 4, 16)),
    (3, "hours", utc(2006, 1, 4, 17), "before", utc(2006, 1, 4, 14)),
]


@pytest.mark.parametrize(("amount", "unit", "time", "way", "expected"), FOR_DURATION)
def test_biz_for_duration(amount: int, unit: str, time: dt.datetime, way: str, expected: dt.datetime) -> None:
    cal = biz_schedule()
    delta = dt.timedelta(**{unit: amount})
    got = cal.add(time, delta if way == "after" else -delta)
    assert got.astimezone(dt.UTC) == expected


@pytest.mark.parametrize(
    ("time", "way", "biz_result"),
    [(utc(2006, 1, 3), "after", utc(2006, 1, 3, 10)), (utc(2006, 1, 3), "before", utc(2006, 1, 2, 17))],
)
def test_biz_zero_duration_convention_differs(time: dt.datetime, way: str, biz_result: dt.datetime) -> None:
    # for_duration_spec.rb, "when the scalar is zero": biz moves to the first active moment
    # forward (or backward); we leave the time where it is. In business time they agree.
    cal = biz_schedule()
    assert cal.add(time, dt.timedelta(0)).astimezone(dt.UTC) == time
    assert cal.between(min(time, biz_result), max(time, biz_result)) == dt.timedelta(0)


@pytest.mark.parametrize(
    ("time", "way", "biz_result"),
    [
        (utc(2006, 1, 9, 12), "before", utc(2006, 1, 6, 12)),
        (utc(2006, 1, 6, 12), "after", utc(2006, 1, 9, 12)),
        (utc(2006, 1, 3, 8), "after", utc(2006, 1, 5, 10)),
        (utc(2006, 1, 3, 18), "after", utc(2006, 1, 6, 9)),
        (utc(2006, 1, 5, 8), "before", utc(2006, 1, 2, 17)),
        (utc(2006, 1, 5, 18), "before", utc(2006, 1, 3, 16)),
    ],
)
def test_biz_two_days_convention_differs(time: dt.datetime, way: str, biz_result: dt.datetime) -> None:
    # for_duration_spec.rb, `days` with scalar 2: biz counts "2 business days" as the second
    # business date from the start's date at the same wall time, then moves to the next
    # opening (after) or the previous close (before) when that time is outside the hours.
    # Our `2 business days` is twice the day's business time. The biz reading, built from
    # our business dates and business-time arithmetic, gives biz's results:
    cal = biz_schedule()
    step = cal.next_business_day if way == "after" else cal.previous_business_day
    day = step(step(time.date()))
    wall = dt.datetime.combine(day, time.timetz())
    second = dt.timedelta(seconds=1)
    moved = cal.add(wall, second) - second if way == "after" else cal.add(wall, -second) + second
    assert moved.astimezone(dt.UTC) == biz_result


def test_biz_duration_within_a_week() -> None:
    # spec/calculation/duration_within_spec.rb: 2006-01-01 to 2006-01-08 is 39.5 hours
    cal = biz_schedule()
    assert cal.between(utc(2006, 1, 1), utc(2006, 1, 8)) == dt.timedelta(hours=39.5)
    # "when the calculation start time is after the end time": biz gives zero, we give the negative
    assert cal.between(utc(2006, 1, 8), utc(2006, 1, 1)) == -dt.timedelta(hours=39.5)


def test_biz_periods_after_with_shifts() -> None:
    # spec/periods/after_spec.rb: shifts on 2005-12-31, 2006-01-04 and 2006-01-06 replace the
    # weekday's hours; the first six periods after 2006-01-01
    cal = biz_schedule(
        date_hours=(
            m.DateHours(
                dates=(m.DateRange(first=dt.date(2005, 12, 31), last=dt.date(2005, 12, 31)),),
                ranges=hours("10:00-14:00"),
            ),
            m.DateHours(
                dates=(m.DateRange(first=dt.date(2006, 1, 4), last=dt.date(2006, 1, 4)),), ranges=hours("08:00-12:00")
            ),
            m.DateHours(
                dates=(m.DateRange(first=dt.date(2006, 1, 6), last=dt.date(2006, 1, 6)),), ranges=hours("09:00-10:00")
            ),
        ),
        closed=(
            m.DateRange(first=dt.date(2006, 1, 16), last=dt.date(2006, 1, 16)),
            m.DateRange(first=dt.date(2006, 1, 18), last=dt.date(2006, 1, 18)),
        ),
    )
    periods = [iv for k in range(1, 8) for iv in cal.open_intervals(dt.date(2006, 1, k))]
    assert [(a.astimezone(dt.UTC), b.astimezone(dt.UTC)) for a, b in periods] == [
        (utc(2006, 1, 2, 9), utc(2006, 1, 2, 17)),
        (utc(2006, 1, 3, 10), utc(2006, 1, 3, 16)),
        (utc(2006, 1, 4, 8), utc(2006, 1, 4, 12)),
        (utc(2006, 1, 5, 10), utc(2006, 1, 5, 16)),
        (utc(2006, 1, 6, 9), utc(2006, 1, 6, 10)),
        (utc(2006, 1, 7, 11), utc(2006, 1, 7, 14, 30)),
    ]
    assert not cal.is_business_day(dt.date(2006, 1, 16)) and not cal.is_business_day(dt.date(2006, 1, 18))
