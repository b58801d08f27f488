"""Issue 11 calendars for the property tests: one per zone, with every new feature.

Each has hours per weekday with a lunch break, a Friday range that runs
overnight into Saturday, a Sunday range that runs overnight into Monday,
date-specific hours on both DST change days of 2026 (ranges that start or end
in the spring gap, one wholly inside it in some zones, ranges across the autumn
repeat) and on the day before each (an overnight range across the change),
a half day, partial closures (one of them overnight, cutting the Friday
range), a named holiday, yearly holidays (a date, the 2nd Wednesday of
September, the last Friday of October, a 5th Monday of April that 2026 has
not), a closed range, an opened holiday, and national holidays with a
subdivision where the zone's country has them.
"""

from __future__ import annotations

import datetime as dt

from calendar_reference import hours

from sla_dsl.lang import model as m

W = m.Weekday
D = dt.date

#: zone -> (holiday sets, the spring and autumn change dates of 2026, or () without DST)
ZONES: dict[str, tuple[tuple[str, ...], tuple[dt.date, ...]]] = {
    "America/New_York": (("US-NY",), (D(2026, 3, 8), D(2026, 11, 1))),
    "Europe/London": (("GB-ENG",), (D(2026, 3, 29), D(2026, 10, 25))),
    "Australia/Lord_Howe": (("AU-NSW",), (D(2026, 10, 4), D(2026, 4, 5))),
    "Asia/Kolkata": ((), ()),
    "Asia/Tokyo": (("JP",), ()),
}


def _dates(*days: dt.date) -> tuple[m.DateRange, ...]:
    return tuple(m.DateRange(first=d, last=d) for d in days)


def rich(zone: str) -> m.Calendar:
    """The richer calendar of ``zone`` (its own ``timezone``)."""
    hol, changes = ZONES[zone]
    date_hours = [
        m.DateHours(dates=_dates(D(2026, 12, 28)), ranges=hours("08:30-12:00")),  # a half day
        m.DateHours(dates=_dates(D(2026, 5, 3)), ranges=hours("10:00-14:00")),  # an extra Sunday opening
    ]
    for change in changes:
        date_hours.append(m.DateHours(dates=_dates(change), ranges=hours("01:10-01:20", "01:40-02:20", "02:25-04:00")))
        date_hours.append(m.DateHours(dates=_dates(change - dt.timedelta(days=1)), ranges=hours("22:00-03:00")))
    return m.Calendar(
        name="desk",
        timezone=zone,
        day_hours=(
            m.DayHours(days=(W.MON, W.TUE, W.WED, W.THU), ranges=hours("08:30-12:00", "12:45-17:15")),
            m.DayHours(days=(W.FRI,), ranges=hours("09:00-13:00", "22:00-02:30")),
            m.DayHours(days=(W.SAT,), ranges=hours("10:00-13:00")),
            m.DayHours(days=(W.SUN,), ranges=hours("23:30-01:15")),
        ),
        date_hours=tuple(date_hours),
        closed_hours=(
            m.DateHours(dates=_dates(D(2026, 6, 10)), ranges=hours("11:00-14:00")),
            m.DateHours(dates=_dates(D(2026, 9, 3)), ranges=hours("23:00-01:00")),  # cuts Friday 09-04's night
            m.DateHours(dates=(m.DateRange(first=D(2026, 7, 13), last=D(2026, 7, 15)),), ranges=hours("16:00-24:00")),
        ),
        holidays=hol,
        named_holidays=(m.NamedHoliday(date=D(2026, 7, 7), label=m.Label(ja="創立記念日", en="Founding day")),),
        yearly_holidays=(
            m.YearlyHoliday(month=6, day=16, label=m.Label(en="Founding day")),
            m.YearlyHoliday(month=9, nth=2, weekday=W.WED, label=m.Label(en="Staff day")),
            m.YearlyHoliday(month=10, nth=-1, weekday=W.FRI, label=m.Label(en="Autumn day")),  # 2026-10-30
            m.YearlyHoliday(month=4, nth=5, weekday=W.MON, label=m.Label(en="Fifth Monday")),  # none in 2026
        ),
        closed=(m.DateRange(first=D(2026, 8, 12), last=D(2026, 8, 14)),),
        open=_dates(D(2026, 1, 1)),
    )


#: zone -> UTC instants of its DST changes in 2026 and the special dates' midnights, to draw near
def hot_spots(zone: str) -> list[dt.datetime]:
    """Instants where the calendar of ``zone`` is most likely to go wrong."""
    from zoneinfo import ZoneInfo

    tz = ZoneInfo(zone)
    _, changes = ZONES[zone]
    days = [*changes, D(2026, 12, 28), D(2026, 5, 3), D(2026, 6, 10), D(2026, 9, 4), D(2026, 7, 14), D(2026, 7, 7)]
    days += [D(2026, 6, 16), D(2026, 9, 9), D(2026, 10, 30)]  # the yearly holidays of 2026
    return [dt.datetime(d.year, d.month, d.day, 2, tzinfo=tz).astimezone(dt.UTC) for d in days]
