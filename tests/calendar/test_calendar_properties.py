"""Hypothesis properties of the business-time algebra, in Tokyo and in DST zones."""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

import numpy as np
from calendar_reference import CALENDARS, SlowCalendar
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sla_dsl.calendars.business import BusinessCalendar

ENGINES = {name: BusinessCalendar(cal, ZoneInfo(zone)) for name, (cal, zone) in CALENDARS.items()}
REFERENCES = {name: SlowCalendar(cal, zone) for name, (cal, zone) in CALENDARS.items()}
US = dt.timedelta(microseconds=1)


def utc(t: dt.datetime) -> dt.datetime:
    """``t`` in UTC. Within one zone Python compares and adds wall-clock times, ignoring
    ``fold``; across zones a repeated wall time never compares equal (PEP 495). So the
    properties compare, and step, in UTC."""
    return t.astimezone(dt.UTC)


# The DST changes of 2026 in the two DST zones under test.
CHANGES = {
    "newyork": [dt.datetime(2026, 3, 8, 7, tzinfo=dt.UTC), dt.datetime(2026, 11, 1, 6, tzinfo=dt.UTC)],
    "berlin_always": [dt.datetime(2026, 3, 29, 1, tzinfo=dt.UTC), dt.datetime(2026, 10, 25, 1, tzinfo=dt.UTC)],
    "berlin_office": [dt.datetime(2026, 3, 29, 1, tzinfo=dt.UTC), dt.datetime(2026, 10, 25, 1, tzinfo=dt.UTC)],
}
OFFSETS = [dt.UTC, dt.timezone(dt.timedelta(hours=9)), dt.timezone(dt.timedelta(hours=-5, minutes=-30))]

# CALENDAR_EXAMPLES=5000 runs a longer search.
EXAMPLES = int(os.environ.get("CALENDAR_EXAMPLES", "100"))
settings.register_profile(
    "calendar", max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("calendar")


@st.composite
def instants(draw: st.DrawFn, name: str, micro: bool = True) -> dt.datetime:
    """An aware instant: anywhere in 2025-2028, or within days of a DST change."""
    changes = CHANGES.get(name)
    if changes and draw(st.booleans()):
        base = draw(st.sampled_from(changes))
        seconds = draw(st.integers(-4 * 86400, 4 * 86400))
    else:
        base = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
        seconds = draw(st.integers(0, 4 * 366 * 86400))
    t = base + dt.timedelta(seconds=seconds)
    if micro and draw(st.booleans()):
        t += draw(st.integers(0, 999_999)) * US
    return t.astimezone(draw(st.sampled_from([ENGINES[name].tz, *OFFSETS])))


def deltas(max_hours: int = 80) -> st.SearchStrategy[dt.timedelta]:
    return st.one_of(
        st.integers(0, max_hours * 3600).map(lambda s: dt.timedelta(seconds=s)),
        st.integers(0, max_hours * 3600 * 1_000_000).map(lambda u: u * US),
        st.sampled_from([dt.timedelta(0), dt.timedelta(hours=4), dt.timedelta(hours=7), dt.timedelta(hours=35)]),
    )


def cases(max_hours: int = 80) -> st.SearchStrategy[tuple[str, dt.datetime, dt.timedelta]]:
    return st.sampled_from(sorted(ENGINES)).flatmap(
        lambda name: st.tuples(st.just(name), instants(name), deltas(max_hours))
    )


@given(cases())
def test_between_undoes_add(c: tuple[str, dt.datetime, dt.timedelta]) -> None:
    name, t, d = c
    cal = ENGINES[name]
    assert cal.between(t, cal.add(t, d)) == d
    assert cal.between(t, cal.add(t, -d)) == -d


@given(st.sampled_from(sorted(ENGINES)).flatmap(lambda n: st.tuples(st.just(n), instants(n), instants(n))))
def test_add_of_between_does_not_pass_u(c: tuple[str, dt.datetime, dt.datetime]) -> None:
    name, t, u = c
    t, u = sorted((t, u), key=utc)
    cal = ENGINES[name]
    b = cal.between(t, u)
    assert b >= dt.timedelta(0)
    assert utc(cal.add(t, b)) <= utc(u)
    assert cal.between(u, t) == -b


@given(cases(), st.integers(0, 5 * 86400), st.integers(0, 20 * 3600))
def test_add_is_monotonic(c: tuple[str, dt.datetime, dt.timedelta], dt_s: int, dd_s: int) -> None:
    name, t, d = c
    cal = ENGINES[name]
    later = utc(t) + dt.timedelta(seconds=dt_s)
    more = d + dt.timedelta(seconds=dd_s)
    x = utc(cal.add(t, d))
    assert x <= utc(cal.add(later, d))
    assert x <= utc(cal.add(t, more))
    assert x >= utc(t)


@given(cases())
def test_add_lands_in_business_time_or_on_a_close(c: tuple[str, dt.datetime, dt.timedelta]) -> None:
    name, t, d = c
    cal = ENGINES[name]
    x = cal.add(t, d)
    assert x.tzinfo is cal.tz
    if d > dt.timedelta(0):
        assert cal.is_business_time(x) or (cal.is_business_time(utc(x) - US) and utc(x) > utc(t))
    else:
        assert utc(x) == utc(t)


@given(st.sampled_from(sorted(ENGINES)).flatmap(lambda n: st.tuples(st.just(n), instants(n), instants(n), instants(n))))
def test_between_is_additive(c: tuple[str, dt.datetime, dt.datetime, dt.datetime]) -> None:
    name, a, b, x = c
    cal = ENGINES[name]
    assert cal.between(a, b) + cal.between(b, x) == cal.between(a, x)


@settings(max_examples=max(EXAMPLES // 2, 30))
@given(cases(max_hours=40))
def test_engine_agrees_with_the_reference(c: tuple[str, dt.datetime, dt.timedelta]) -> None:
    name, t, d = c
    d = dt.timedelta(seconds=int(d.total_seconds()))
    t = t.replace(microsecond=0)
    cal, ref = ENGINES[name], REFERENCES[name]
    x = cal.add(t, d)
    assert utc(x) == utc(ref.add(t, d))
    assert utc(cal.add(t, -d)) == utc(ref.add(t, -d))
    u = utc(t) + dt.timedelta(hours=30)
    assert cal.between(t, u) == ref.between(t, u)
    assert cal.is_business_time(x) == ref.is_business_time(x)


@given(
    st.sampled_from(sorted(ENGINES)),
    st.lists(st.integers(1_735_689_600, 1_861_920_000), min_size=1, max_size=50),
    st.integers(-100 * 3600, 100 * 3600),
)
def test_batch_equals_per_call(name: str, ts: list[int], d: int) -> None:
    cal = ENGINES[name]
    arr = np.array(ts, dtype=np.int64)
    assert cal.add_many(arr, d).tolist() == [cal.add_epoch(t, d) for t in ts]
    ds = np.array([(d * (k + 1)) % (50 * 3600) - 10 * 3600 for k in range(len(ts))], dtype=np.int64)
    assert cal.add_many(arr, ds).tolist() == [cal.add_epoch(t, int(s)) for t, s in zip(ts, ds, strict=True)]
    ends = arr + d
    assert cal.between_many(arr, ends).tolist() == [cal.between_epoch(t, t + d) for t in ts]
    for t in ts[:3]:
        aware = dt.datetime.fromtimestamp(t, dt.UTC)
        assert int(cal.add(aware, dt.timedelta(seconds=d)).timestamp()) == cal.add_epoch(t, d)
