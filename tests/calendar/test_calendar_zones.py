"""The engine against the slow reference on issue 11's richer calendars, in five zones.

A seeded loop draws 10,000 cases per zone (half of them within four days of a
DST change or a special date of the calendar) and compares ``add`` (forward
and backward), ``between`` and ``is_business_time`` with the reference; a
hypothesis property searches the same space. ``CALENDAR_EXAMPLES`` raises the
hypothesis budget (the loop is fixed so that a failure reproduces).
"""

from __future__ import annotations

import datetime as dt
import os
import random
from zoneinfo import ZoneInfo

import pytest
from calendar_reference import SlowCalendar
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from zoned_calendars import ZONES, hot_spots, rich

from sla_dsl.calendars.business import BusinessCalendar

TOKYO = ZoneInfo("Asia/Tokyo")
ENGINES = {z: BusinessCalendar(rich(z), TOKYO) for z in ZONES}
REFERENCES = {z: SlowCalendar(rich(z), "Asia/Tokyo") for z in ZONES}
SPOTS = {z: hot_spots(z) for z in ZONES}
START = dt.datetime(2025, 12, 1, tzinfo=dt.UTC)
CASES_PER_ZONE = 10_000


def _instant(rng: random.Random, zone: str) -> dt.datetime:
    if rng.random() < 0.5:
        t = rng.choice(SPOTS[zone]) + dt.timedelta(seconds=rng.randint(-4 * 86400, 4 * 86400))
    else:
        t = START + dt.timedelta(seconds=rng.randint(0, 400 * 86400))
    if rng.random() < 0.3:
        t = t.replace(second=0)  # on a minute, where boundaries are
    return t


def _delta(rng: random.Random) -> dt.timedelta:
    if rng.random() < 0.3:
        return dt.timedelta(minutes=rng.randint(0, 60 * 60))
    return dt.timedelta(seconds=rng.randint(0, 60 * 3600))


def _same(zone: str, t: dt.datetime, d: dt.timedelta) -> None:
    cal, ref = ENGINES[zone], REFERENCES[zone]
    assert cal.add(t, d).astimezone(dt.UTC) == ref.add(t, d).astimezone(dt.UTC), (zone, t, d)
    assert cal.add(t, -d).astimezone(dt.UTC) == ref.add(t, -d).astimezone(dt.UTC), (zone, t, -d)
    u = t + d
    assert cal.between(t, u) == ref.between(t, u), (zone, t, u)
    assert cal.is_business_time(t) == ref.is_business_time(t), (zone, t)


@pytest.mark.parametrize("zone", sorted(ZONES))
def test_engine_agrees_with_the_reference_on_10000_cases(zone: str) -> None:
    rng = random.Random(f"issue-11-{zone}")
    for _ in range(CASES_PER_ZONE):
        _same(zone, _instant(rng, zone), _delta(rng))


@pytest.mark.parametrize("zone", sorted(ZONES))
def test_every_day_of_2026_has_the_reference_intervals(zone: str) -> None:
    cal, ref = ENGINES[zone], REFERENCES[zone]
    d = dt.date(2026, 1, 1)
    while d.year == 2026:
        assert cal.is_business_day(d) == ref.is_business_day(d), (zone, d)
        day_start = dt.datetime(d.year, d.month, d.day, tzinfo=cal.tz)
        day_end = day_start + dt.timedelta(days=1)
        assert cal.between(day_start, day_end) == ref.between(day_start, day_end), (zone, d)
        d += dt.timedelta(days=1)


@settings(
    max_examples=int(os.environ.get("CALENDAR_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    zone=st.sampled_from(sorted(ZONES)),
    seed=st.integers(0, 2**32),
    seconds=st.integers(0, 80 * 3600),
)
def test_engine_agrees_with_the_reference_hypothesis(zone: str, seed: int, seconds: int) -> None:
    _same(zone, _instant(random.Random(seed), zone), dt.timedelta(seconds=seconds))


def test_one_business_day_is_the_length_most_weekdays_have() -> None:
    # Monday to Thursday have 3.5 h + 4.5 h = 8 h; Friday 8.5 h; Saturday 3 h; Sunday 1.75 h.
    for zone in ZONES:
        assert ENGINES[zone].day_length == dt.timedelta(hours=8) == REFERENCES[zone].day_length()
