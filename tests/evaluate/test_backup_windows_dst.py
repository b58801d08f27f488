"""Backup days and windows of hours across daylight-saving changes, against a slow reference.

The reference walks every real minute around a day with :mod:`zoneinfo` and reads the language
reference literally: backups taken every N hours are judged in windows of N hours from each local
midnight, read on the wall clock as a calendar's hours are. A window's bounds are the day's 00:00,
N:00, 2N:00 ... and the next day's 00:00, each the first instant whose clock reads that time or later
(a repeated time: its first occurrence; a skipped one: the instant the clock jumps to); a window is
the instants from its bound to the next, and one that holds none is not judged. A day belongs to a
period when its first instant does; ``every 1 day`` wants a completion on each such day.

What failed before (``sla_dsl/evaluation/backups.py``): on the spring day of America/New_York,
``every 1 hour`` judged a window 02:00-03:00 that holds no instant, always ``missed`` under the id
``b:2026-03-08T02:00:00-05:00`` (a time that does not exist); and a period starting on a day whose
midnight the clock skips (America/Santiago, 6 Sep 2026; America/Havana, 8 Mar 2026) dropped that day.
"""

from __future__ import annotations

import datetime as dt
import itertools
from functools import cache
from zoneinfo import ZoneInfo

import pytest

import sla_dsl
from sla_dsl.policy import Policy
from sla_dsl.report import Report

UTC = dt.UTC
MIN = dt.timedelta(minutes=1)
ONE = dt.timedelta(days=1)

# Days of a daylight-saving change (and one without), for the zones that make them awkward.
DAYS = [
    ("America/New_York", "2026-03-08"),  # 02:00 -> 03:00
    ("America/New_York", "2026-11-01"),  # 01:00-02:00 twice
    ("America/Santiago", "2026-09-06"),  # 00:00 -> 01:00: the day starts at 01:00
    ("America/Santiago", "2026-04-05"),  # 23:00-24:00 of the day before twice
    ("America/Havana", "2026-03-08"),  # 00:00 -> 01:00
    ("America/Havana", "2026-11-01"),  # 00:00-01:00 twice: midnight is shown twice
    ("Australia/Lord_Howe", "2026-10-04"),  # 02:00 -> 02:30
    ("Australia/Lord_Howe", "2026-04-05"),  # 01:30-02:00 twice
    ("Europe/London", "2026-03-29"),  # 01:00 -> 02:00
    ("Asia/Tokyo", "2026-11-01"),  # no change
]
HOURS = [1, 2, 3, 6, 12, 24]


@cache
def policy(zone: str, every: str) -> Policy:
    return sla_dsl.load_policy(
        f'sla "T" {{\n  format 1\n  version "1"\n  effective 2026-01-01\n  timezone {zone}\n  languages en\n}}\n'
        'calendar business "B" {\n  days mon..fri\n  hours 09:00-17:00\n}\n'
        f'backup b "B" {{\n  every {every}\n  keep 30 days\n}}\n'
    )


# -- the reference ---------------------------------------------------------------------------


@cache
def walls(zone: str, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
    """Every real minute from two days before ``day`` to three after, with its wall clock."""
    tz = ZoneInfo(zone)
    u = dt.datetime(day.year, day.month, day.day, tzinfo=UTC) - 2 * ONE
    out = []
    for _ in range(5 * 1440):
        out.append((u, u.astimezone(tz).replace(tzinfo=None)))
        u += MIN
    return out


def first(zone: str, day: dt.date, hour: int = 0) -> dt.datetime:
    """The first real minute whose wall clock reads ``hour``:00 of ``day`` or later."""
    wall = dt.datetime(day.year, day.month, day.day) + dt.timedelta(hours=hour)
    return min(u for u, w in walls(zone, day) if w >= wall)


def ref_windows(zone: str, day: dt.date, n: int) -> list[tuple[dt.datetime, dt.datetime]]:
    bounds = [first(zone, day, h) for h in range(0, 25, n)]
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a]


def ref_days(zone: str, p0: dt.datetime, p1: dt.datetime) -> list[dt.date]:
    day = p0.astimezone(ZoneInfo(zone)).date() - ONE
    out = []
    while first(zone, day) < p1:
        if first(zone, day) >= p0:
            out.append(day)
        day += ONE
    return out


def completions(zone: str, day: dt.date) -> list[dt.datetime]:
    """Backups every 37 minutes from the day before to two days after, with two in seven left out,
    so that some windows of one, two or three hours have none."""
    start = first(zone, day - ONE) + 7 * MIN
    return [start + 37 * k * MIN for k in range(3 * 1440 // 37) if k % 7 not in (3, 4)]


def events(times: list[dt.datetime]) -> list[dict[str, str]]:
    return [{"event": "backup.completed", "at": u.isoformat(), "id": f"B{i}", "kind": "b"} for i, u in enumerate(times)]


def stamp(t: dt.datetime | None) -> float | None:
    """An instant as POSIX seconds: aware datetimes of a repeated hour never compare equal to
    those of another zone (PEP 495), so instants are compared as numbers."""
    return None if t is None else t.timestamp()


def rows(report: Report) -> list[tuple[object, ...]]:
    return [(r.day, stamp(r.window_start), stamp(r.window_end), r.status, r.backups) for r in report.backups]


# -- windows of hours ------------------------------------------------------------------------


@pytest.mark.parametrize("n", HOURS)
@pytest.mark.parametrize(("zone", "date"), DAYS)
@pytest.mark.parametrize("before", [0, 1], ids=["from-the-day", "from-the-day-before"])
def test_windows_of_hours_are_those_of_the_reference(zone: str, date: str, n: int, before: int) -> None:
    tz = ZoneInfo(zone)
    day = dt.date.fromisoformat(date)
    p0, p1 = first(zone, day - before * ONE), first(zone, day + (2 - before) * ONE)
    times = completions(zone, day)
    report = sla_dsl.evaluate(policy(zone, f"{n} hours"), events(times), p0, p1)

    want = []
    for d in ref_days(zone, p0, p1):
        for a, b in ref_windows(zone, d, n):
            count = sum(a <= u < b for u in times)
            want.append((d, a, b, "ok" if count else "missed", count))
    assert rows(report) == [(d, stamp(a), stamp(b), status, count) for d, a, b, status, count in want]
    # shown in the zone, each at its real offset; a missed window is named by the instant it starts
    shown = [t for r in report.backups for t in (r.window_start, r.window_end) if t is not None]
    assert all(t.isoformat() == t.astimezone(tz).isoformat() for t in shown)
    missed = [f"b:{a.astimezone(tz).isoformat()}" for _, a, _, status, _ in want if status == "missed"]
    assert [v.id for v in report.violations if v.kind == "backup_missed"] == missed
    # every instant of the period is in exactly one window
    starts = [stamp(r.window_start) for r in report.backups]
    ends = [stamp(r.window_end) for r in report.backups]
    assert starts[1:] == ends[:-1]
    assert (starts[0], ends[-1]) == (p0.timestamp(), p1.timestamp())


def test_the_spring_gap_is_no_window() -> None:
    """The reviewer's case: ``every 1 hour`` in New York on 8 Mar 2026 with a backup every ten
    minutes is 23 windows, all ``ok``; 01:00-03:00 is one real hour. It was 24 with 02:00-03:00
    (03:00-03:00 -04:00) always ``missed``, as ``b:2026-03-08T02:00:00-05:00``."""
    zone, day = "America/New_York", dt.date(2026, 3, 8)
    p0, p1 = first(zone, day), first(zone, day + ONE)
    times = [p0 + 10 * k * MIN for k in range(23 * 6)]
    report = sla_dsl.evaluate(policy(zone, "1 hour"), events(times), p0, p1)
    assert [r.status for r in report.backups] == ["ok"] * 23
    assert report.violations == []
    second = report.backups[1]
    assert (stamp(second.window_start), stamp(second.window_end)) == (stamp(p0 + 60 * MIN), stamp(p0 + 120 * MIN))
    assert second.window_end is not None and second.window_end.isoformat() == "2026-03-08T03:00:00-04:00"


def test_the_autumn_repeat_lengthens_its_window() -> None:
    """``every 1 hour`` in New York on 1 Nov 2026: 01:00-02:00 holds both 01:xx hours (two real
    hours, as a calendar range across the repeat is an hour longer), so one backup in it is enough;
    the day has 24 windows, as every day has."""
    zone, day = "America/New_York", dt.date(2026, 11, 1)
    p0, p1 = first(zone, day), first(zone, day + ONE)
    times = [p0 + (30 + 60 * k) * MIN for k in range(25) if k != 2]  # none at 01:30 -05:00
    report = sla_dsl.evaluate(policy(zone, "1 hour"), events(times), p0, p1)
    assert len(report.backups) == 24
    second = report.backups[1]
    assert second.window_start is not None and second.window_end is not None
    assert (second.window_start.isoformat(), second.window_end.isoformat()) == (
        "2026-11-01T01:00:00-04:00",
        "2026-11-01T02:00:00-05:00",
    )
    assert (second.status, second.backups) == ("ok", 1)
    assert report.violations == []


# -- days ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("zone", "date"), DAYS)
@pytest.mark.parametrize("before", [0, 1], ids=["from-the-day", "from-the-day-before"])
def test_days_are_those_of_the_reference(zone: str, date: str, before: int) -> None:
    day = dt.date.fromisoformat(date)
    p0, p1 = first(zone, day - before * ONE), first(zone, day + (3 - before) * ONE)
    # one backup on the day after the change only
    times = [first(zone, day + ONE, 12)]
    report = sla_dsl.evaluate(policy(zone, "1 day"), events(times), p0, p1)
    want = []
    for d in ref_days(zone, p0, p1):
        count = sum(first(zone, d) <= u < first(zone, d + ONE) for u in times)
        want.append((d, None, None, "ok" if count else "missed", count))
    assert rows(report) == want
    assert [v.id for v in report.violations] == [f"b:{d.isoformat()}" for d, *_, s, _ in want if s == "missed"]


def test_a_day_whose_midnight_is_skipped_is_in_a_period_starting_on_it() -> None:
    """The reviewer's case: America/Santiago skips 00:00-01:00 on 6 Sep 2026. ``--from 2026-09-06``
    is 01:00 that day, its first instant, so the day is in the period and, with no backup, missed."""
    zone = "America/Santiago"
    report = sla_dsl.evaluate(
        policy(zone, "1 day"), events([first(zone, dt.date(2026, 9, 7), 12)]), "2026-09-06", "2026-09-08"
    )
    assert [(r.day.isoformat(), r.status) for r in report.backups] == [("2026-09-06", "missed"), ("2026-09-07", "ok")]
    assert [v.id for v in report.violations] == ["b:2026-09-06"]
