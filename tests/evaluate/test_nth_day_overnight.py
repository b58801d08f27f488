"""``by end of Nth business day`` (and ``by HH:MM of Nth business day``, a named ``resolve by ... on CLOCK``,
their at-risk threshold) on a calendar whose hours run overnight counts from the day of receipt: the business
day (the shift) the clock start belongs to, the one the same-day guideline is judged on, not the date the
start shows.

With hours ``22:00-06:00`` on Monday to Friday in Tokyo, a report at Tuesday 10 November 2026 01:00 is in
Monday's shift: its 1st business day is Tuesday, whose shift closes on Wednesday at 06:00 (it was counted
from Tuesday's date: Wednesday's shift, closing Thursday 06:00). A start outside every day's open time keeps
its own date (Tuesday 07:00: Thursday 06:00, as before).

Every clock of a minute grid over a week of each calendar (New York's spring and autumn clock changes among
them; a day-and-night calendar whose shift a partial closure breaks after midnight; a calendar with its own
zone) is judged, its report written from rows and from columns (JSON) and as Parquet tables by
``sla evaluate``, and compared with a slow reference that walks the calendar's wall clock minute by minute
with ``zoneinfo``: a day's open time runs from its first open minute to the end of its last; a clock belongs
to the day before its date when that day's open time holds it, else to its own date; the Nth business day
is the Nth day with open time after it; its close is the end of its open time, ``HH:MM`` of it the first
minute of its open time the wall clock shows as ``HH:MM``; the target's business time is the open minutes
from the start to the due instant, and the target is at risk once half of it has been used. ``sla
deadline`` gives the same instants for starts of the grid.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from bisect import bisect_left
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

import pyarrow.parquet as pq
import pytest

import sla_dsl
from evaluate.helpers import report_json
from sla_dsl.cli import main
from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from
from sla_dsl.policy import Policy
from sla_dsl.serve.tracking import watched

TOKYO = ZoneInfo("Asia/Tokyo")
NEW_YORK = ZoneInfo("America/New_York")
MINUTE = dt.timedelta(minutes=1)
ONE_DAY = dt.timedelta(days=1)

HEADER = """sla "Night" {{
  format 1
  version "1"
  effective 2026-01-01
  timezone {zone}
  languages en
}}
clock response {{
  starts at incident.reported
  at risk at 50% of target
}}
clock resolution {{
  starts at incident.reported
  stops at incident.resolved
  at risk at 50% of target
}}
"""

#: the bug report's night shift (P1, P2), a New York night desk in the Tokyo policy (P3), a day-and-night
#: desk whose Monday shift a closure breaks after midnight (P4); named targets on those shifts (P5, P6: an
#: incident with a named target is written row by row on every path, so they are judged apart)
TOKYO_POLICY = (
    HEADER.format(zone="Asia/Tokyo")
    + """calendar night "Night shift" {
  days mon..fri
  hours 22:00-06:00
}
calendar ny "New York nights" {
  timezone America/New_York
  days mon..thu, sat, sun
  hours 23:00-02:30
}
calendar desk "Day and night desk" {
  days mon..wed, sat, sun
  hours 09:00-12:00, 20:00-02:00
  closed 2026-11-10 00:00-01:00
}
priority P1 "P1" {
  respond by end of 1st night day
}
priority P2 "P2" {
  respond by 05:00 of 2nd night day
}
priority P3 "P3" {
  respond by end of 1st ny day
}
priority P4 "P4" {
  respond by end of 2nd desk day
}
priority P5 "P5" {
  respond by end of 1st night day
  resolve by 05:00 of 1st night day on resolution
}
priority P6 "P6" {
  respond by end of 2nd desk day
  resolve by end of 1st desk day on resolution
}
"""
)

NEW_YORK_POLICY = (
    HEADER.format(zone="America/New_York")
    + """calendar night "Night shift" {
  days mon..thu, sat, sun
  hours 23:00-02:30
}
priority P1 "P1" {
  respond by end of 1st night day
}
priority P2 "P2" {
  respond by 01:30 of 2nd night day
}
priority P3 "P3" {
  respond by end of 1st night day
  resolve by 01:30 of 1st night day on resolution
}
"""
)


class Calendar(NamedTuple):
    """A calendar as the policies above write it."""

    zone: ZoneInfo
    weekdays: frozenset[int]
    #: the day's ranges in minutes from its midnight (past 1440: the next date's wall clock)
    ranges: tuple[tuple[int, int], ...]
    #: wall-clock minutes a partial closure takes on a date
    closed: tuple[tuple[dt.date, int, int], ...] = ()


NIGHT = Calendar(TOKYO, frozenset(range(5)), ((22 * 60, 30 * 60),))
NY_NIGHT = Calendar(NEW_YORK, frozenset({0, 1, 2, 3, 5, 6}), ((23 * 60, 26 * 60 + 30),))
DESK = Calendar(
    TOKYO, frozenset({0, 1, 2, 5, 6}), ((9 * 60, 12 * 60), (20 * 60, 26 * 60)), ((dt.date(2026, 11, 10), 0, 60),)
)


class Target(NamedTuple):
    calendar: Calendar
    nth: int
    #: the time of day (minutes on the wall clock), None for the day's close
    at: int | None


#: (policy, priority) -> (its response target, its named `resolve` target or None)
TARGETS: dict[tuple[str, str], tuple[Target, Target | None]] = {
    ("tokyo", "P1"): (Target(NIGHT, 1, None), None),
    ("tokyo", "P2"): (Target(NIGHT, 2, 5 * 60), None),
    ("tokyo", "P3"): (Target(NY_NIGHT, 1, None), None),
    ("tokyo", "P4"): (Target(DESK, 2, None), None),
    ("tokyo", "P5"): (Target(NIGHT, 1, None), Target(NIGHT, 1, 5 * 60)),
    ("tokyo", "P6"): (Target(DESK, 2, None), Target(DESK, 1, None)),
    ("new_york", "P1"): (Target(NY_NIGHT, 1, None), None),
    ("new_york", "P2"): (Target(NY_NIGHT, 2, 90), None),
    ("new_york", "P3"): (Target(NY_NIGHT, 1, None), Target(NY_NIGHT, 1, 90)),
}

#: the weeks of clocks (a start on the policy's wall clock, 7 days of minutes from it)
WEEKS = {
    "tokyo": [dt.datetime(2026, 11, 5, tzinfo=TOKYO)],
    "new_york": [dt.datetime(2026, 3, 4, 12, tzinfo=NEW_YORK), dt.datetime(2026, 10, 28, 12, tzinfo=NEW_YORK)],
}
#: (policy, group): the priorities judged together (the response alone, or with a named target)
PRIORITIES = {
    ("tokyo", "plain"): ("P1", "P2", "P3", "P4"),
    ("tokyo", "named"): ("P5", "P6"),
    ("new_york", "plain"): ("P1", "P2"),
    ("new_york", "named"): ("P3",),
}
POLICIES = {"tokyo": TOKYO_POLICY, "new_york": NEW_YORK_POLICY}
ZONES = {"tokyo": TOKYO, "new_york": NEW_YORK}


@cache
def policy(name: str) -> Policy:
    return sla_dsl.load_policy(POLICIES[name])


@cache
def _clocks(name: str) -> list[dt.datetime]:
    """The clocks of the grid, in UTC: every minute the clock shows (the skipped hour none, the repeated
    one twice)."""
    return [first.astimezone(dt.UTC) + k * MINUTE for first in WEEKS[name] for k in range(7 * 1440)]


def _as_of(name: str) -> dt.datetime:
    """The report's as-of: the minute after the last clock of the grid (every clock has started)."""
    return _clocks(name)[-1] + MINUTE


# ---- the slow reference -------------------------------------------------------------------------------


class OpenTime(NamedTuple):
    #: each day's open time: (its first open minute, the end of its last)
    days: dict[dt.date, tuple[dt.datetime, dt.datetime]]
    #: the open minutes (UTC, each the start of one), in time order
    minutes: list[dt.datetime]


@cache
def open_time(cal: Calendar) -> OpenTime:
    """The calendar's open time around the weeks, walking every UTC minute: a minute shown on date D at wall
    minute w is open for day D when w is in a range of D, and for the day before when w + 24 h is (the tail
    of its overnight range), unless a closure of D's date takes w; a day opens only on its weekdays."""
    days: dict[dt.date, tuple[dt.datetime, dt.datetime]] = {}
    minutes: list[dt.datetime] = []
    # (from 3 days before each week to 17 days after it, windows that overlap walked as one, in time order)
    windows: list[tuple[dt.datetime, dt.datetime]] = []
    for first in sorted(w.astimezone(dt.UTC) for ws in WEEKS.values() for w in ws):
        lo = first.replace(hour=0, minute=0) - 3 * ONE_DAY
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], lo + 20 * ONE_DAY)
        else:
            windows.append((lo, lo + 20 * ONE_DAY))
    for u, end in windows:
        while u < end:
            local = u.astimezone(cal.zone)
            wall = local.hour * 60 + local.minute
            cut = any(d == local.date() and a <= wall < b for d, a, b in cal.closed)
            for day, at in ((local.date(), wall), (local.date() - ONE_DAY, wall + 1440)):
                if not cut and day.weekday() in cal.weekdays and any(s <= at < e for s, e in cal.ranges):
                    opened, _ = days.get(day, (u, u))
                    days[day] = (opened, u + MINUTE)
                    if not minutes or minutes[-1] < u:
                        minutes.append(u)
            u += MINUTE
    return OpenTime(days, minutes)


def receipt_day(cal: Calendar, clock: dt.datetime) -> dt.date:
    """The day a clock belongs to: the day before its date when that day's open time holds it, else its date."""
    date = clock.astimezone(cal.zone).date()
    before = open_time(cal).days.get(date - ONE_DAY)
    return date - ONE_DAY if before is not None and before[0] <= clock < before[1] else date


def reference_due(target: Target, clock: dt.datetime) -> dt.datetime:
    """The Nth day with open time after the day of receipt: its close, or the first minute of its open time
    whose wall time is ``at`` (each calendar here holds its ``at`` in every day's open time)."""
    days = open_time(target.calendar).days
    d = receipt_day(target.calendar, clock)
    for _ in range(target.nth):
        d += ONE_DAY
        while d not in days:
            d += ONE_DAY
    opening, close = days[d]
    if target.at is None:
        return close
    u = opening
    while u.astimezone(target.calendar.zone).hour * 60 + u.astimezone(target.calendar.zone).minute != target.at:
        u += MINUTE
        assert u < close, (d, target)
    return u


def business_seconds(cal: Calendar, a: dt.datetime, b: dt.datetime) -> int:
    """Open seconds in [a, b), counted minute by minute (a and b on whole minutes)."""
    minutes = open_time(cal).minutes
    return 60 * (bisect_left(minutes, b) - bisect_left(minutes, a))


class Expected(NamedTuple):
    due: str
    target_minutes: float
    status: str


def expected(target: Target, clock: dt.datetime, as_of: dt.datetime, zone: ZoneInfo) -> Expected:
    """The due instant (on the policy's wall clock), the business minutes from the start to it, and the
    status of a target never met as of ``as_of`` (at risk once half of them is used)."""
    due = reference_due(target, clock)
    total = business_seconds(target.calendar, clock, due)
    used = business_seconds(target.calendar, clock, min(as_of, due))
    status = "breached" if as_of > due else "at_risk" if used >= math.ceil(total * 0.5) else "open"
    return Expected(due.astimezone(zone).isoformat(), total / 60, status)


# ---- the report, by each path -------------------------------------------------------------------------


def _events(name: str, group: str, every: int = 1) -> list[dict[str, Any]]:
    """An incident of each priority of the group for each ``every``th clock of the grid."""
    zone = ZONES[name]
    return [
        {"event": "incident.reported", "at": c.astimezone(zone).isoformat(), "id": f"{p}-{k}", "priority": p}
        for k, c in enumerate(_clocks(name))
        if k % every == 0
        for p in PRIORITIES[(name, group)]
    ]


@cache
def _report(name: str, group: str, columns: bool) -> dict[str, Any]:
    zone = ZONES[name]
    start, end = dt.datetime(2026, 1, 1, tzinfo=zone), dt.datetime(2027, 1, 1, tzinfo=zone)
    log = log_from(_events(name, group))
    return report_json(judge_log(policy(name), log, start, end, _as_of(name)), columns)


@cache
def _wanted(name: str, group: str) -> dict[str, tuple[Expected, Expected | None]]:
    """Each incident's expected response and `resolve` target, by its id."""
    zone, as_of = ZONES[name], _as_of(name)
    out: dict[str, tuple[Expected, Expected | None]] = {}
    for k, clock in enumerate(_clocks(name)):
        for p in PRIORITIES[(name, group)]:
            response, resolve = TARGETS[(name, p)]
            named = None if resolve is None else expected(resolve, clock, as_of, zone)
            out[f"{p}-{k}"] = (expected(response, clock, as_of, zone), named)
    return out


def _compare(name: str, group: str, rows: list[dict[str, Any]], every: int = 1) -> list[Any]:
    """The rows that disagree with the reference: (id, what the row says, what the reference says)."""
    wanted = _wanted(name, group)
    assert len(rows) == len(_clocks(name)[::every]) * len(PRIORITIES[(name, group)])
    wrong: list[Any] = []
    for row in rows:
        response, resolve = wanted[row["id"]]
        got = (row["response_due"], row["status"])
        if got != (response.due, response.status):
            wrong.append((row["id"], row["clock_start"], got, response))
        targets = {t["name"]: t for t in row["targets"]}
        if resolve is None:
            continue
        t = targets["resolve"]
        got_named = Expected(t["due"], t["target_minutes"], t["status"])
        if got_named != resolve:
            wrong.append((row["id"], row["clock_start"], got_named, resolve))
    return wrong


@pytest.mark.parametrize(
    ("group", "columns"), [("plain", True), ("plain", False), ("named", False)], ids=["columns", "rows", "named"]
)
@pytest.mark.parametrize("name", ["tokyo", "new_york"])
def test_every_minute_counts_from_the_shift_it_belongs_to(name: str, group: str, columns: bool) -> None:
    wrong = _compare(name, group, _report(name, group, columns)["incidents"])
    assert not wrong, (len(wrong), wrong[:5])


def _as_text(t: Any, zone: ZoneInfo) -> str | None:
    return None if t is None else t.astimezone(zone).isoformat()


@pytest.mark.parametrize(("group", "every"), [("plain", 1), ("named", 7)])
@pytest.mark.parametrize("name", ["tokyo", "new_york"])
def test_the_parquet_tables_agree(name: str, group: str, every: int, tmp_path: Path) -> None:
    """``sla evaluate --format parquet``: the incidents table (written by columns) and its targets table
    (every 7th minute for the incidents with a named target, written row by row)."""
    zone = ZONES[name]
    (tmp_path / "p.sla").write_text(POLICIES[name], "utf-8")
    events = _events(name, group, every)
    (tmp_path / "e.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    period = ["--from", "2026-01-01", "--to", "2027-01-01", "--as-of", _as_of(name).isoformat()]
    files = [str(tmp_path / "p.sla"), str(tmp_path / "e.jsonl")]
    out = tmp_path / "out"
    assert main(["evaluate", *files, *period, "--format", "parquet", "--output", str(out), "--quiet"]) == 0
    incidents = pq.read_table(out / "incidents.parquet").to_pylist()
    targets: dict[str, list[dict[str, Any]]] = {}
    for t in pq.read_table(out / "incidents_targets.parquet").to_pylist():
        targets.setdefault(t["id"], []).append({**t, "due": _as_text(t["due"], zone)})
    rows = [
        {
            "id": r["id"],
            "clock_start": _as_text(r["clock_start"], zone),
            "response_due": _as_text(r["response_due"], zone),
            "status": r["status"],
            "targets": targets.get(r["id"], []),
        }
        for r in incidents
    ]
    wrong = _compare(name, group, rows, every)
    assert not wrong, (len(wrong), wrong[:5])


#: starts of the grid around each calendar's shifts (wall times of every day of the week), for `sla deadline`
DEADLINE_TIMES = ["00:30", "01:00", "02:29", "02:30", "05:59", "06:00", "07:00", "12:00", "22:30", "23:30"]


@pytest.mark.parametrize("name", ["tokyo", "new_york"])
def test_sla_deadline_counts_from_the_same_day(name: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    zone = ZONES[name]
    (tmp_path / "p.sla").write_text(POLICIES[name], "utf-8")
    wrong = []
    for first in WEEKS[name]:
        for k in range(1, 7):
            for hhmm in DEADLINE_TIMES:
                at = dt.datetime.combine(first.date() + k * ONE_DAY, dt.time.fromisoformat(hhmm), zone)
                clock = at.astimezone(dt.UTC)  # (a wall time the clock skips: the instant it names)
                for p in (*PRIORITIES[(name, "plain")], *PRIORITIES[(name, "named")]):
                    start = clock.astimezone(zone).isoformat()
                    argv = ["deadline", str(tmp_path / "p.sla"), "--priority", p, "--from", start]
                    assert main([*argv, "--all", "--format", "json"]) == 0
                    got = {t["key"]: t["due"] for t in json.loads(capsys.readouterr().out)["targets"]}
                    response, resolve = TARGETS[(name, p)]
                    want = {"response": reference_due(response, clock).astimezone(zone).isoformat()}
                    if resolve is not None:
                        want["resolve"] = reference_due(resolve, clock).astimezone(zone).isoformat()
                    if got != want:
                        wrong.append((p, clock.isoformat(), got, want))
    assert not wrong, (len(wrong), wrong[:5])


# ---- the reported cases -------------------------------------------------------------------------------


def _row(name: str, at: str, priority: str) -> dict[str, Any]:
    k = [c.timestamp() for c in _clocks(name)].index(dt.datetime.fromisoformat(at).timestamp())
    (row,) = [r for r in _report(name, "plain", False)["incidents"] if r["id"] == f"{priority}-{k}"]
    return row


@pytest.mark.parametrize(
    ("name", "at", "priority", "due"),
    [
        # Tuesday 01:00 is in Monday's shift: the 1st business day is Tuesday, closing Wednesday 06:00
        ("tokyo", "2026-11-10T01:00:00+09:00", "P1", "2026-11-11T06:00:00+09:00"),
        # after Monday's shift closed, or in Tuesday's own shift: Tuesday, as before
        ("tokyo", "2026-11-10T07:00:00+09:00", "P1", "2026-11-12T06:00:00+09:00"),
        ("tokyo", "2026-11-10T23:00:00+09:00", "P1", "2026-11-12T06:00:00+09:00"),
        # Saturday 01:00 is in Friday's shift: the 1st business day is Monday, closing Tuesday 06:00
        ("tokyo", "2026-11-07T01:00:00+09:00", "P1", "2026-11-10T06:00:00+09:00"),
        # the 2nd business day after Monday's shift is Wednesday: 05:00 within its shift, on Thursday
        ("tokyo", "2026-11-10T05:59:00+09:00", "P2", "2026-11-12T05:00:00+09:00"),
        # Monday's desk shift, broken by the closure from 00:00 to 01:00 on Tuesday, holds 00:30 and 01:30:
        # the 2nd business day after Monday is Wednesday, closing Thursday 02:00
        ("tokyo", "2026-11-10T00:30:00+09:00", "P4", "2026-11-12T02:00:00+09:00"),
        ("tokyo", "2026-11-10T01:30:00+09:00", "P4", "2026-11-12T02:00:00+09:00"),
        # New York, Sunday 8 March 01:30 EST is in Saturday's shift (which closes at the jump, 03:00 EDT):
        # the 1st business day is Sunday, closing Monday 02:30 EDT
        ("new_york", "2026-03-08T01:30:00-05:00", "P1", "2026-03-09T02:30:00-04:00"),
        # Sunday 1 November 01:30 EST (the second pass) is in Saturday's shift: Sunday's closes Monday 02:30
        ("new_york", "2026-11-01T01:30:00-05:00", "P1", "2026-11-02T02:30:00-05:00"),
    ],
)
def test_the_grid_holds_the_reported_cases(name: str, at: str, priority: str, due: str) -> None:
    assert _row(name, at, priority)["response_due"] == due


def test_sla_serve_watches_the_same_instants() -> None:
    """``sla serve``'s timers: Tuesday 01:00 (Monday's shift), as of 02:00: the response due Wednesday 06:00
    and `resolve` Wednesday 05:00, each at risk when half of its night time (5 + 8 hours, 5 + 7 hours) has
    run, on Tuesday at 23:30 and 23:00."""
    start = dt.datetime(2026, 11, 10, 1, tzinfo=TOKYO)
    events = [{"event": "incident.reported", "at": start.isoformat(), "id": "A", "priority": "P5"}]
    as_of = start + dt.timedelta(hours=1)
    result = judge_log(policy("tokyo"), log_from(events), dt.datetime(2026, 11, 1, tzinfo=TOKYO), as_of, as_of)
    got = {w.target: (w.due, w.at_risk) for w in watched(result)}
    on = dt.datetime(2026, 11, 10, tzinfo=TOKYO)
    assert got == {
        "response": ((on + dt.timedelta(hours=30)).timestamp(), (on + dt.timedelta(hours=23, minutes=30)).timestamp()),
        "resolve": ((on + dt.timedelta(hours=29)).timestamp(), (on + dt.timedelta(hours=23)).timestamp()),
    }


# ---- the check of deadlines past the supported years (E124) -------------------------------------------

LAST_DAY = """sla "T" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages en
}
calendar desk "Desk" {
  days mon..sun
  hours 09:00-12:00, 20:00-02:00
  hours 2200-12-31 09:00-12:00
}
priority P1 "P1" {
  respond by end of 1st desk day
}
"""


def test_e124_counts_from_the_same_day(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The last supported day, 31 December 2200, has day-time hours only. A report at 01:00 that day is in
    30 December's shift: its 1st business day is the 31st, closing at 12:00, within the years, and it is
    judged (it was counted from the 31st, its 1st business day refused as past the years, E124); one at
    03:00, after that shift, is the 31st's own and still refused, on its line."""
    (tmp_path / "p.sla").write_text(LAST_DAY, "utf-8")
    events = [
        {"event": "incident.reported", "at": "2200-12-31T01:00:00+09:00", "id": "IN", "priority": "P1"},
        {"event": "incident.reported", "at": "2200-12-31T03:00:00+09:00", "id": "OUT", "priority": "P1"},
    ]
    (tmp_path / "e.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    period = ["--from", "2200-12-01", "--to", "2201-01-01", "--format", "json", "--skip-invalid"]
    assert main(["evaluate", str(tmp_path / "p.sla"), str(tmp_path / "e.jsonl"), *period]) == 0
    out = capsys.readouterr()
    rows = json.loads(out.out)["incidents"]
    assert [(r["id"], r["response_due"]) for r in rows] == [("IN", "2200-12-31T12:00:00+09:00")]
    assert "e.jsonl:2: error: [E124] the response due time of incident `OUT`" in out.err
    assert "`IN`" not in out.err
