"""Hours ending at 24:00 where the clock goes back at 01:00 to 00:00, so that midnight is shown twice.

In America/Havana and Atlantic/Azores the autumn change repeats the first hour of a
day: 00:00-00:59 pass twice. A time shown twice means its first occurrence, for a
closing as for an opening (the language reference, "Daylight saving"), so a range
ending at 24:00 the day before closes at the first midnight: Saturday's
``20:00-24:00`` is four hours, as on any other Saturday, and the repeated hour
belongs to Sunday. (The engine once closed it at the second midnight, five hours.)
The engine is compared with the slow reference of ``calendar_reference`` (minute by
minute with ``zoneinfo``) on every day of 2026, and on a deadline across the change.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from calendar_reference import ALL_DAYS, SlowCalendar, hours

from sla_dsl.calendars.business import BusinessCalendar
from sla_dsl.lang import model as m

W = m.Weekday
#: zone -> the Sunday of 2026 whose first hour is shown twice (the clock goes back at 01:00)
CHANGES = {"America/Havana": dt.date(2026, 11, 1), "Atlantic/Azores": dt.date(2026, 10, 25)}
CALENDARS = {
    "saturday_evening": m.Calendar(name="c", day_hours=(m.DayHours(days=(W.SAT,), ranges=hours("20:00-24:00")),)),
    "evenings": m.Calendar(name="c", days=ALL_DAYS, hours=hours("21:30-24:00")),
    "always": m.Calendar(name="c", days=ALL_DAYS, hours=hours("00:00-24:00")),
    "two_ranges": m.Calendar(name="c", days=ALL_DAYS, hours=hours("09:00-12:00", "18:00-24:00")),
}
CASES = [(zone, name) for zone in sorted(CHANGES) for name in sorted(CALENDARS)]


def _utc(pairs: list[tuple[dt.datetime, dt.datetime]]) -> list[tuple[dt.datetime, dt.datetime]]:
    return [(a.astimezone(dt.UTC), b.astimezone(dt.UTC)) for a, b in pairs]


@pytest.mark.parametrize(("zone", "name"), CASES)
def test_every_day_of_2026_has_the_reference_intervals(zone: str, name: str) -> None:
    cal = BusinessCalendar(CALENDARS[name], ZoneInfo(zone))
    ref = SlowCalendar(CALENDARS[name], zone)
    d = dt.date(2026, 1, 1)
    while d.year == 2026:
        assert _utc(cal.open_intervals(d)) == ref.intervals(d), (zone, name, d)
        d += dt.timedelta(days=1)


@pytest.mark.parametrize("zone", sorted(CHANGES))
def test_the_day_before_the_change_closes_at_the_first_midnight(zone: str) -> None:
    tz = ZoneInfo(zone)
    sunday = CHANGES[zone]
    saturday = sunday - dt.timedelta(days=1)
    cal = BusinessCalendar(CALENDARS["saturday_evening"], tz)
    ((opens, closes),) = cal.open_intervals(saturday)
    first = dt.datetime(sunday.year, sunday.month, sunday.day, tzinfo=tz, fold=0)
    second = dt.datetime(sunday.year, sunday.month, sunday.day, tzinfo=tz, fold=1)
    assert closes.astimezone(dt.UTC) == first.astimezone(dt.UTC) == second.astimezone(dt.UTC) - dt.timedelta(hours=1)
    assert cal.between(opens, second) == dt.timedelta(hours=4)  # the repeated hour is Sunday's, not Saturday's
    # Saturday 20:00 + 4 hours: the first midnight; + 5 hours: 21:00 the next Saturday.
    ref = SlowCalendar(CALENDARS["saturday_evening"], zone)
    four = cal.add(opens, dt.timedelta(hours=4)).astimezone(dt.UTC)
    assert four == first.astimezone(dt.UTC) == ref.add(opens, dt.timedelta(hours=4)).astimezone(dt.UTC)
    five = cal.add(opens, dt.timedelta(hours=5)).astimezone(dt.UTC)
    next_week = dt.datetime(2026, saturday.month, saturday.day, 21, tzinfo=tz) + dt.timedelta(days=7)
    assert five == next_week.astimezone(dt.UTC) == ref.add(opens, dt.timedelta(hours=5)).astimezone(dt.UTC)
