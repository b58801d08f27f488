"""The calendar's day-level API, its errors, its lazy index and the recurrence module."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from calendar_reference import ALL_DAYS, CALENDARS, WEEKDAYS, hours

from sla_dsl.calendars.business import BusinessCalendar, wall_to_epoch
from sla_dsl.calendars.recurrence import maintenance_windows, scheduled_days
from sla_dsl.errors import InputError, NaiveDatetimeError
from sla_dsl.lang import model as m

TOKYO = ZoneInfo("Asia/Tokyo")
NEW_YORK = ZoneInfo("America/New_York")


def calendar(name: str = "clicksoko") -> BusinessCalendar:
    cal, zone = CALENDARS[name]
    return BusinessCalendar(cal, ZoneInfo(zone))


def tokyo(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=TOKYO)  # type: ignore[misc]


REGULAR = m.Maintenance(
    name="regular",
    on=m.NthWeekday(nth=4, weekday=m.Weekday.THU),
    hours=hours("22:00-24:00")[0],
    roll=m.Roll.NEXT,
    calendar="business",
)


def test_naive_datetimes_are_rejected() -> None:
    cal = calendar()
    naive = dt.datetime(2026, 11, 30, 14)
    with pytest.raises(NaiveDatetimeError, match="no UTC offset"):
        cal.add(naive, dt.timedelta(hours=4))
    with pytest.raises(NaiveDatetimeError):
        cal.between(tokyo(2026, 11, 30), naive)
    with pytest.raises(NaiveDatetimeError):
        cal.between(naive, tokyo(2026, 11, 30))
    with pytest.raises(NaiveDatetimeError):
        cal.is_business_time(naive)
    with pytest.raises(NaiveDatetimeError):
        cal.end_of_nth_business_day(naive, 1)
    with pytest.raises(NaiveDatetimeError):
        maintenance_windows(REGULAR, cal, TOKYO, naive, dt.date(2027, 1, 1))


def test_business_delta_and_day_length() -> None:
    cal = calendar()
    assert cal.day_length == dt.timedelta(hours=7)
    assert cal.business_delta(4, m.TimeUnit.HOUR) == dt.timedelta(hours=4)
    assert cal.business_delta(90, m.TimeUnit.MINUTE) == dt.timedelta(minutes=90)
    assert cal.business_delta(1, m.TimeUnit.DAY) == dt.timedelta(hours=7)
    assert cal.business_delta(5, m.TimeUnit.DAY) == dt.timedelta(hours=35)
    for unit in (m.TimeUnit.WEEK, m.TimeUnit.MONTH):
        with pytest.raises(InputError, match="not a business-time unit"):
            cal.business_delta(1, unit)
    assert calendar("berlin_always").day_length == dt.timedelta(hours=24)


def test_holiday_names() -> None:
    cal = calendar()
    assert cal.holiday_name(dt.date(2026, 9, 22)) == "National Holiday"
    assert cal.holiday_name(dt.date(2026, 9, 22), "ja") == "国民の休日"
    assert cal.holiday_name(dt.date(2027, 9, 23), "ja") == "秋分の日"
    assert cal.holiday_name(dt.date(2026, 11, 30)) is None
    closures = calendar("closures")
    assert closures.holiday_name(dt.date(2026, 12, 30)) == "company closure"
    assert closures.holiday_name(dt.date(2026, 12, 30), "ja") == "休業日"
    # An extra open date keeps its holiday's name but is a business day.
    assert closures.holiday_name(dt.date(2026, 11, 3)) == "Culture Day"
    assert closures.is_business_day(dt.date(2026, 11, 3))
    assert closures.is_business_day(dt.date(2026, 8, 15))


def test_business_days_step_both_ways() -> None:
    cal = calendar()
    assert cal.next_business_day(dt.date(2026, 9, 18)) == dt.date(2026, 9, 24)
    assert cal.previous_business_day(dt.date(2026, 9, 24)) == dt.date(2026, 9, 18)
    assert cal.previous_business_day(dt.date(2026, 5, 7)) == dt.date(2026, 5, 1)
    assert not cal.is_business_day(dt.date(2026, 9, 22))


def test_open_intervals() -> None:
    cal = calendar()
    assert cal.open_intervals(dt.date(2026, 11, 30)) == [
        (tokyo(2026, 11, 30, 10), tokyo(2026, 11, 30, 12)),
        (tokyo(2026, 11, 30, 13), tokyo(2026, 11, 30, 18)),
    ]
    assert cal.open_intervals(dt.date(2026, 9, 22)) == []
    ny = calendar("newyork")
    # Subtraction within one zone is wall-clock arithmetic: compare in UTC.
    spring = [t.astimezone(dt.UTC) for t in ny.open_intervals(dt.date(2026, 3, 8))[0]]
    assert spring[1] - spring[0] == dt.timedelta(minutes=30)
    autumn = [t.astimezone(dt.UTC) for t in ny.open_intervals(dt.date(2026, 11, 1))[0]]
    assert autumn[1] - autumn[0] == dt.timedelta(hours=2)


def test_wall_to_epoch_dst_rules() -> None:
    gap = dt.date(2026, 3, 8)
    jump = int(dt.datetime(2026, 3, 8, 7, tzinfo=dt.UTC).timestamp())
    assert wall_to_epoch(gap, 150, NEW_YORK) == jump  # skipped: the jump, opening or closing
    fold = dt.date(2026, 11, 1)
    first = int(dt.datetime(2026, 11, 1, 5, 30, tzinfo=dt.UTC).timestamp())
    assert wall_to_epoch(fold, 90, NEW_YORK) == first  # shown twice: the first occurrence, opening or closing
    assert wall_to_epoch(dt.date(2026, 12, 31), 1440, TOKYO) == wall_to_epoch(dt.date(2027, 1, 1), 0, TOKYO)


def test_end_of_nth_business_day() -> None:
    cal = calendar()
    assert cal.end_of_nth_business_day(tokyo(2026, 11, 30, 9), 0) == tokyo(2026, 11, 30, 18)
    assert cal.end_of_nth_business_day(tokyo(2026, 9, 21, 9), 0) == tokyo(2026, 9, 24, 18)
    assert cal.end_of_nth_business_day(tokyo(2026, 12, 1, 15), 1) == tokyo(2026, 12, 2, 18)
    with pytest.raises(InputError):
        cal.end_of_nth_business_day(tokyo(2026, 12, 1, 15), -1)


def test_microseconds_are_kept() -> None:
    cal = calendar()
    t = tokyo(2026, 11, 30, 11, 0, 0, 123456)
    assert cal.add(t, dt.timedelta(microseconds=10)) == tokyo(2026, 11, 30, 11, 0, 0, 123466)
    assert cal.between(t, tokyo(2026, 11, 30, 12)) == dt.timedelta(seconds=3599, microseconds=876544)


def test_index_grows_lazily_without_a_cap() -> None:
    cal = calendar()
    assert cal.add(tokyo(2098, 12, 30, 17), dt.timedelta(hours=35)).year == 2099
    far = cal.add(tokyo(2150, 1, 1), dt.timedelta(hours=7))
    assert far == tokyo(2150, 1, 1, 18)  # no holiday data after 2099: weekdays only
    assert cal.between(tokyo(1950, 1, 2), tokyo(1950, 1, 3)) == dt.timedelta(hours=7)
    assert cal.add(tokyo(2026, 1, 1), dt.timedelta(hours=7 * 2600)).year == 2036
    assert cal.add_epoch(int(tokyo(2036, 12, 30, 9).timestamp()), 7 * 3600 * 300) > 0


def test_index_memory_for_ten_years() -> None:
    cal = calendar()
    cal.prepare(2026, 2035)
    assert cal.memory_bytes() < 32 * 1024 * 1024


def test_batch_empty_and_shapes() -> None:
    cal = calendar()
    assert cal.add_many(np.array([], dtype=np.int64), 3600).shape == (0,)
    assert cal.between_many([], []).shape == (0,)
    t = int(tokyo(2026, 11, 30, 14).timestamp())
    assert cal.add_many([t, t], [0, 14400]).tolist() == [t, int(tokyo(2026, 11, 30, 18).timestamp())]


def test_calendars_without_business_time_fail_cleanly() -> None:
    empty = BusinessCalendar(m.Calendar(name="never", days=WEEKDAYS), TOKYO)
    with pytest.raises(InputError, match="no business time"):
        empty.add(tokyo(2026, 1, 1), dt.timedelta(hours=1))
    assert empty.add(tokyo(2026, 1, 1), dt.timedelta(0)) == tokyo(2026, 1, 1)
    assert empty.between(tokyo(2026, 1, 1), tokyo(2027, 1, 1)) == dt.timedelta(0)
    no_days = BusinessCalendar(m.Calendar(name="none", hours=hours("10:00-12:00")), TOKYO)
    with pytest.raises(InputError, match="no business day"):
        no_days.next_business_day(dt.date(2026, 1, 1))
    with pytest.raises(InputError, match="no business time"):
        no_days.add(tokyo(2026, 1, 1), dt.timedelta(hours=-1))


def test_bad_calendars_are_input_errors() -> None:
    with pytest.raises(InputError, match="`XX`"):
        BusinessCalendar(m.Calendar(name="x", days=WEEKDAYS, holidays=("XX",)), TOKYO)
    with pytest.raises(InputError, match="24:00-10:00"):
        BusinessCalendar(m.Calendar(name="x", days=WEEKDAYS, hours=hours("24:00-10:00")), TOKYO)


def test_overlapping_hours_merge_and_subdivisions_work() -> None:
    cal = BusinessCalendar(
        m.Calendar(name="x", days=ALL_DAYS, hours=hours("13:00-18:00", "10:00-14:00"), holidays=("US-NY",)),
        NEW_YORK,
    )
    assert cal.day_length == dt.timedelta(hours=8)
    assert not cal.is_business_day(dt.date(2026, 11, 26))


# -- recurrence -------------------------------------------------------------------
def test_moved_window_names_its_reason() -> None:
    cal = calendar()
    (w,) = maintenance_windows(REGULAR, cal, TOKYO, dt.date(2027, 9, 1), dt.date(2027, 10, 1))
    assert (w.scheduled, w.day, w.moved) == (dt.date(2027, 9, 23), dt.date(2027, 9, 24), True)
    assert (w.reason, w.reason_ja) == ("Autumnal Equinox Day", "秋分の日")
    assert (w.start, w.end) == (tokyo(2027, 9, 24, 22), tokyo(2027, 9, 25))
    (kept,) = maintenance_windows(REGULAR, cal, TOKYO, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    assert not kept.moved and kept.reason is None


def test_range_edges() -> None:
    cal = calendar()
    start = tokyo(2026, 11, 26, 22)
    assert len(maintenance_windows(REGULAR, cal, TOKYO, start, start + dt.timedelta(seconds=1))) == 1
    assert maintenance_windows(REGULAR, cal, TOKYO, start + dt.timedelta(seconds=1), dt.date(2026, 12, 1)) == []
    assert maintenance_windows(REGULAR, cal, TOKYO, dt.date(2026, 12, 1), dt.date(2026, 11, 1)) == []
    utc_start = dt.datetime(2026, 11, 26, 13, tzinfo=dt.UTC)
    assert len(maintenance_windows(REGULAR, cal, TOKYO, utc_start, dt.date(2026, 11, 27))) == 1
    assert len(maintenance_windows(REGULAR, cal, TOKYO, dt.date(2023, 1, 1), dt.date(2031, 1, 1))) == 96


def test_without_a_calendar_windows_keep_their_day() -> None:
    (w,) = maintenance_windows(REGULAR, None, TOKYO, dt.date(2027, 9, 1), dt.date(2027, 10, 1))
    assert w.day == dt.date(2027, 9, 23) and not w.moved


def test_windows_rolled_onto_the_same_day_count_once() -> None:
    sat = REGULAR.model_copy(update={"on": m.WeeklyOn(weekday=m.Weekday.SAT)})
    sun = REGULAR.model_copy(update={"on": m.WeeklyOn(weekday=m.Weekday.SUN)})
    cal = calendar()
    a = maintenance_windows(sat, cal, TOKYO, dt.date(2026, 11, 1), dt.date(2026, 11, 15))
    b = maintenance_windows(sun, cal, TOKYO, dt.date(2026, 11, 1), dt.date(2026, 11, 15))
    assert [w.day for w in a] == [w.day for w in b] == [dt.date(2026, 11, 2), dt.date(2026, 11, 9)]


def test_overnight_hours_end_the_next_day() -> None:
    night = REGULAR.model_copy(update={"hours": hours("23:00-01:00")[0], "roll": m.Roll.KEEP})
    (w,) = maintenance_windows(night, None, TOKYO, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    assert (w.start, w.end) == (tokyo(2026, 11, 26, 23), tokyo(2026, 11, 27, 1))


def test_scheduled_days_kinds() -> None:
    first, last = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
    last_thu = list(scheduled_days(m.NthWeekday(nth=-1, weekday=m.Weekday.THU), first, last))
    assert len(last_thu) == 12 and last_thu[0] == dt.date(2026, 1, 29)
    assert list(scheduled_days(m.DayOfYear(month=2, day=29), dt.date(2026, 1, 1), dt.date(2029, 1, 1))) == [
        dt.date(2028, 2, 29)
    ]
    assert len(list(scheduled_days(m.WeeklyOn(weekday=m.Weekday.MON), first, last))) == 52
    assert len(list(scheduled_days(m.DayOfMonth(day=31), first, last))) == 7


def test_batch_takes_datetime64_columns() -> None:
    pd = pytest.importorskip("pandas")
    cal = calendar()
    column = pd.Series(pd.to_datetime(["2026-11-30T05:00:00Z", "2026-09-18T07:30:00.9Z"], format="ISO8601"))
    due = cal.add_many(column.dt.tz_convert(None).to_numpy(), np.timedelta64(4, "h"))
    assert due.dtype == np.dtype("datetime64[s]")
    assert due.tolist() == [dt.datetime(2026, 11, 30, 9), dt.datetime(2026, 9, 24, 4, 30)]
    spent = cal.between_many(column.dt.tz_convert(None).to_numpy(), due)
    assert spent.tolist() == [4 * 3600, 4 * 3600]


def test_the_references_retention_example_keeps_monday_to_friday() -> None:
    """The language reference: a backup taken on Friday night and kept 5 business days may be deleted after
    the close of the next Friday (it said Thursday). On Click So-ko's calendar: Fri 2026-11-13 22:00."""
    from pathlib import Path

    from sla_dsl import load_policy

    policy = load_policy(Path(__file__).resolve().parents[2] / "policies" / "clicksoko.sla")
    five = policy.duration_delta(m.Duration(amount=5, unit=m.TimeUnit.DAY, calendar="business"))
    end = policy.add_business_time(dt.datetime(2026, 11, 13, 22, tzinfo=TOKYO), five)
    assert end == dt.datetime(2026, 11, 20, 18, tzinfo=TOKYO) and end.strftime("%a") == "Fri"
