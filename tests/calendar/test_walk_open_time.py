"""The explanation's day-by-day walk lists the business time the evaluator counts.

For a response target, the walk lists each day of the calendar from the clock's start to
the due time and that day's open parts in between (``Fri 27 Nov 18:00-22:00 4h``). It once
clipped the calendar's *written* hours against the *policy's* wall clock and counted
wall-clock time, so a London desk in a Tokyo policy showed London hours under Tokyo dates
(``Fri 27 Nov 09:00-17:30 8h30m`` for a 4-hour target), a 4-hour target over New York's
clock changes showed 5h and 3h, and a partial closure's hours showed as open, while the
verdicts were right. The language reference: each instant that really passes counts once,
a partial closure removes instants, a calendar's days are its local dates.

The reference here (``reference_walk``) builds each day's parts from the open minutes of the
slow calendar of ``calendar_reference`` (minute by minute with ``zoneinfo``, no code shared
with the engine), less those the day before already has (an overnight tail), clipped to
[clock, due), and words the times with ``zoneinfo`` on the policy's clock. Clocks on a
20-minute grid around both zones' clock changes, a partial closure, an overnight tail that
the next day's date hours overlap, and a repeated hour, in a Tokyo and a New York policy,
are walked by the row path (instants, and wall-clock microseconds as the report's callers
give them) and by the column path, and compared with it; the parts add up to the target.
The reviewer's reports are checked whole, written from rows and from columns.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pyarrow as pa
import pytest
from calendar_reference import SlowCalendar
from evaluate.helpers import TWO_DESKS, report_json

import sla_dsl
from sla_dsl.evaluation import judge_log
from sla_dsl.evaluation.common import Rules, wall_us
from sla_dsl.evaluation.time_columns import WalkDays, walk_days, walk_spans
from sla_dsl.evaluation.walk import walk, walk_between
from sla_dsl.events import log_from
from sla_dsl.policy import Policy

UTC = dt.UTC
MINUTE = dt.timedelta(minutes=1)
DAY = dt.timedelta(days=1)
US = 1_000_000

TOKYO_POLICY = (
    """
sla "Tokyo walks" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages en
}
"""
    + TWO_DESKS
    + """calendar night "New York nights" {
  timezone America/New_York
  hours mon..fri 22:00-06:00
  closed 2026-11-03 01:00-02:00
}
priority P1 "P1" {
  respond within 4 desk_en hours
}
priority P2 "P2" {
  respond within 4 business hours
}
priority P3 "P3" {
  respond within 6 night hours
}
"""
)

NEW_YORK_POLICY = """
sla "New York walks" {
  format 1
  version "1"
  effective 2026-01-01
  timezone America/New_York
  languages en
}
calendar desk "Desk" {
  days mon..sun
  hours 00:00-24:00
}
calendar late "Late" {
  hours fri 20:00-03:00
  hours sun 00:30-02:30
  hours 2026-11-07 01:00-05:00
  closed 2026-03-06 23:00-23:30
}
calendar desk_en "English desk" {
  timezone Europe/London
  hours mon..fri 09:00-17:30
  closed 2026-10-26 12:00-13:00
}
priority P1 "P1" {
  respond within 4 desk hours
}
priority P2 "P2" {
  respond within 3 late hours
}
priority P3 "P3" {
  respond within 6 desk_en hours
}
"""

POLICIES = {"tokyo": TOKYO_POLICY, "new_york": NEW_YORK_POLICY}
#: days around which clocks start: both zones' clock changes, the partial closures, the overlap
AROUND = {
    "tokyo": [
        dt.date(2026, 3, 8),
        dt.date(2026, 3, 28),
        dt.date(2026, 10, 24),
        dt.date(2026, 11, 1),
        dt.date(2026, 11, 2),
        dt.date(2026, 11, 25),
        dt.date(2026, 12, 23),
    ],
    "new_york": [
        dt.date(2026, 3, 6),
        dt.date(2026, 3, 8),
        dt.date(2026, 10, 25),
        dt.date(2026, 10, 31),
        dt.date(2026, 11, 1),
        dt.date(2026, 11, 6),
    ],
}


@cache
def policy(name: str) -> Policy:
    return sla_dsl.load_policy(POLICIES[name])


@cache
def rules(name: str) -> Rules:
    return Rules(policy(name))


@cache
def slow(name: str, calendar: str) -> SlowCalendar:
    p = policy(name)
    return SlowCalendar(p.model.calendar(calendar), p.model.header.timezone)


def target(name: str, priority: str) -> tuple[str, dt.timedelta]:
    """The calendar and length of a priority's ``respond within N CAL hours``."""
    d = policy(name).model.priority(priority).target.duration
    assert d.calendar is not None
    return d.calendar, dt.timedelta(hours=d.amount)


def clocks(name: str) -> list[dt.datetime]:
    """Every 20 minutes of the three days from the day before each day of ``AROUND`` (UTC)."""
    out: set[dt.datetime] = set()
    for day in AROUND[name]:
        start = dt.datetime.combine(day - DAY, dt.time(), UTC)
        out.update(start + k * 20 * MINUTE for k in range(3 * 72))
    return sorted(out)


def spans(name: str) -> list[tuple[str, dt.datetime, dt.datetime]]:
    """(calendar, clock, due) for every clock and priority, the due time the engine's."""
    r = rules(name)
    out = []
    for priority in ("P1", "P2", "P3"):
        cal, _ = target(name, priority)
        rule = r.priorities[priority]
        for c in clocks(name):
            due = r.due(rule.target, c.timestamp())
            out.append((cal, c, dt.datetime.fromtimestamp(due, UTC)))
    return out


# -- the reference -------------------------------------------------------------------------------


@cache
def _open_minutes(name: str, calendar: str, d: dt.date) -> frozenset[dt.datetime]:
    """The UTC minutes open on day ``d`` of the slow calendar."""
    ivs = slow(name, calendar).intervals(d)
    return frozenset(s + k * MINUTE for s, e in ivs for k in range(int((e - s) / MINUTE)))


def _repeated(t: dt.datetime) -> str:
    """`` (-04:00)`` for a wall-clock time the zone shows twice."""
    off = t.utcoffset()
    assert off is not None
    if t.replace(fold=1 - t.fold).utcoffset() == off:
        return ""
    sign = "-" if off < dt.timedelta() else "+"
    minutes = abs(int(off.total_seconds())) // 60
    return f" ({sign}{minutes // 60:02d}:{minutes % 60:02d})"


def _length(minutes: int) -> str:
    h, m = divmod(minutes, 60)
    return f"{h}h{m:02d}m" if h and m else f"{h}h" if h else f"{m}m"


def _part(tz: ZoneInfo, s: dt.datetime, e: dt.datetime) -> str:
    a, b = s.astimezone(tz), e.astimezone(tz)
    end = "24:00" if (b.hour, b.minute) == (0, 0) else f"{b:%H:%M}"
    return f"{a:%H:%M}{_repeated(a)}-{end}{_repeated(b)} {_length(int((e - s) / MINUTE))}"


def reference_walk(name: str, calendar: str, a: dt.datetime, b: dt.datetime) -> list[str]:
    """The walk's steps for [a, b): the calendar's days from the local date of ``a`` (and the day before,
    for its open time after ``a``) to that of ``b``, a closed day said closed, an open day its open
    minutes not the day before's, within [a, b), in runs, on the policy's clock."""
    ref = slow(name, calendar)
    engine = policy(name).calendar(calendar)  # only for the names of holidays
    weekdays = {w.index for w in policy(name).model.calendar(calendar).open_weekdays()}
    tz = policy(name).tz
    if b < a:
        return []
    first, last = a.astimezone(ref.tz).date(), b.astimezone(ref.tz).date()
    if (last - first).days > 16:
        return []
    out = []
    d = first - DAY
    while d <= last:
        label = f"{d:%a %d %b}"
        if not ref.is_business_day(d):
            if d >= first:
                why = engine.holiday_name(d) or ("weekend" if d.weekday() not in weekdays else "closed")
                out.append(f"{label}: {why}, not a business day")
        else:
            mine = _open_minutes(name, calendar, d) - _open_minutes(name, calendar, d - DAY)
            run = sorted(u for u in mine if a <= u < b)
            parts, start = [], None
            for k, u in enumerate(run):
                start = u if start is None else start
                if k + 1 == len(run) or run[k + 1] != u + MINUTE:
                    parts.append(_part(tz, start, u + MINUTE))
                    start = None
            if parts:
                out.append(f"{label} " + ", ".join(parts))
        d += DAY
    return out


# -- the engine ----------------------------------------------------------------------------------


def _us(t: dt.datetime) -> int:
    return round(t.timestamp()) * US


def _texts(days: WalkDays, n: int) -> list[list[str]]:
    got: list[list[tuple[int, str]]] = [[] for _ in range(n)]
    texts = days.text.take(pa.array(days.pick, pa.int64())).to_pylist()
    for row, sub, text in zip(days.row.tolist(), days.sub.tolist(), texts, strict=True):
        got[row].append((sub, text))
    for k, steps in days.odd:
        got[k] = [(i, s["text"]) for i, s in enumerate(steps)]
    return [[t for _, t in sorted(g)] for g in got]


_PART = re.compile(r"(\d\d:\d\d)(?: \([+-]\d\d:\d\d\))?-(\d\d:\d\d)(?: \([+-]\d\d:\d\d\))? (?:(\d+)h)?(?:(\d+)m)?")


def _listed(steps: list[str]) -> dt.timedelta:
    """The sum of the lengths the steps list."""
    total = dt.timedelta()
    for text in steps:
        for m in _PART.finditer(text):
            total += dt.timedelta(hours=int(m[3] or 0), minutes=int(m[4] or 0))
    return total


def _in_repeated_hour(tz: ZoneInfo, *ts: dt.datetime) -> bool:
    return any(_repeated(t.astimezone(tz)) for t in ts)


@pytest.mark.parametrize("name", list(POLICIES))
def test_the_walk_lists_the_instants_the_evaluator_counts(name: str) -> None:
    r = rules(name)
    todo = spans(name)
    wrong = []
    for cal, a, b in todo:
        got = [s["text"] for s in walk_between(r, cal, _us(a), _us(b))]
        want = reference_walk(name, cal, a, b)
        if got != want:
            wrong.append((cal, a.isoformat(), b.isoformat(), got, want))
        # the parts add up to the target's business time (whole minutes here: no rounding)
        assert _listed(got) == dt.timedelta(seconds=r.between(a.timestamp(), b.timestamp(), cal)), (cal, a, got)
    assert not wrong, wrong[:3]
    for priority in ("P1", "P2", "P3"):
        cal, length = target(name, priority)
        assert all(_listed(reference_walk(name, cal, a, b)) == length for c, a, b in todo if c == cal)


@pytest.mark.parametrize("name", list(POLICIES))
def test_columns_walk_each_span_as_the_rows_do(name: str) -> None:
    r = rules(name)
    for cal in sorted({c for c, _, _ in spans(name)}):
        todo = [(a, b) for c, a, b in spans(name) if c == cal]
        # as instants, and in reverse too (an end before the start: no steps)
        a = np.array([_us(x) for x, _ in todo] + [_us(todo[0][1])], dtype=np.int64)
        b = np.array([_us(y) for _, y in todo] + [_us(todo[0][0])], dtype=np.int64)
        want = [[s["text"] for s in walk_between(r, cal, int(x), int(y))] for x, y in zip(a, b, strict=True)]
        assert _texts(walk_spans(r, cal, a, b), a.size) == want
        assert want[-1] == []
        # as wall-clock microseconds of the policy, as the report's callers give them
        wa = np.array([wall_us(x.astimezone(r.tz)) for x, _ in todo], dtype=np.int64)
        wb = np.array([wall_us(y.astimezone(r.tz)) for _, y in todo], dtype=np.int64)
        walls = [[s["text"] for s in walk(r, cal, int(x), int(y))] for x, y in zip(wa, wb, strict=True)]
        assert _texts(walk_days(r, cal, wa, wb), wa.size) == walls
        # the same walk as from the instants, but where a time is one the policy's clock shows twice
        for (x, y), by_wall, by_instant in zip(todo, walls, want[:-1], strict=True):
            if not _in_repeated_hour(r.tz, x, y):
                assert by_wall == by_instant


# -- the reviewer's cases, through the report ---------------------------------------------------------


def _report(name: str, events: list[dict[str, Any]], columns: bool) -> dict[str, Any]:
    start = dt.datetime(2026, 1, 1, tzinfo=UTC)
    end = dt.datetime(2027, 1, 1, tzinfo=UTC)
    result = judge_log(policy(name), log_from(events), start, end, end)
    return report_json(result, columns)


def _incident(ident: str, priority: str, at: str) -> dict[str, Any]:
    return {"event": "incident.reported", "at": at, "id": ident, "priority": priority}


CASES = {
    "tokyo": (
        [
            _incident("london-fri", "P1", "2026-11-27T08:00:00+09:00"),  # Thu 23:00 in London
            _incident("london-sun", "P1", "2026-11-30T01:00:00+09:00"),  # Sun 16:00 in London
            _incident("half-day", "P2", "2026-12-24T11:00:00+09:00"),  # 13:00-18:00 closed
        ],
        {
            "london-fri": ["Fri 27 Nov 18:00-22:00 4h"],
            "london-sun": ["Sun 29 Nov: weekend, not a business day", "Mon 30 Nov 18:00-22:00 4h"],
            "half-day": ["Thu 24 Dec 11:00-12:00 1h", "Fri 25 Dec 10:00-12:00 2h, 13:00-14:00 1h"],
        },
    ),
    "new_york": (
        [
            _incident("spring", "P1", "2026-03-08T00:30:00-05:00"),
            _incident("autumn", "P1", "2026-11-01T00:30:00-04:00"),
            _incident("repeat", "P1", "2026-11-01T01:30:00-04:00"),  # the first 01:30
            _incident("overlap", "P2", "2026-11-07T02:00:00-05:00"),  # inside Friday's tail, which Saturday overlaps
        ],
        {
            "spring": ["Sun 08 Mar 00:30-05:30 4h"],
            "autumn": ["Sun 01 Nov 00:30-03:30 4h"],
            "repeat": ["Sun 01 Nov 01:30 (-04:00)-04:30 4h"],
            "overlap": ["Fri 06 Nov 02:00-03:00 1h", "Sat 07 Nov 03:00-05:00 2h"],
        },
    ),
}


@pytest.mark.parametrize("columns", [True, False], ids=["columns", "rows"])
@pytest.mark.parametrize("name", list(CASES))
def test_the_reviewers_cases(name: str, columns: bool) -> None:
    events, want = CASES[name]
    rows = {r["id"]: r for r in _report(name, events, columns)["incidents"]}
    for ident, steps in want.items():
        explain = [s["text"] for s in rows[ident]["explain"]]
        due = next(k for k, t in enumerate(explain) if t.startswith("due "))
        assert explain[2:due] == steps, ident


def test_a_time_the_clock_shows_twice_is_walked_from_its_own_instant() -> None:
    """The second 01:15 of New York's autumn change, given as an instant (a wall-clock time alone
    reads as the first: see :func:`.walk.walk`)."""
    r = rules("new_york")
    a = dt.datetime(2026, 11, 1, 6, 15, tzinfo=UTC)  # 01:15 EST
    b = dt.datetime(2026, 11, 1, 10, 15, tzinfo=UTC)
    want = ["Sun 01 Nov 01:15 (-05:00)-05:15 4h"]
    assert [s["text"] for s in walk_between(r, "desk", _us(a), _us(b))] == want
    assert _texts(walk_spans(r, "desk", np.array([_us(a)]), np.array([_us(b)])), 1) == [want]
    assert reference_walk("new_york", "desk", a, b) == want


@pytest.mark.parametrize("columns", [False, True])
def test_an_incident_reported_in_the_second_pass_is_walked_from_it(columns: bool) -> None:
    """The report's walk of an incident whose clock starts at the second 01:15 of New York's autumn change:
    its callers handed the walk wall-clock microseconds, which read as the first pass (5h listed for 4)."""
    report = _report("new_york", [_incident("SECOND", "P1", "2026-11-01T01:15:00-05:00")], columns)
    (row,) = report["incidents"]
    texts = [s["text"] for s in row["explain"]]
    _, length = target("new_york", "P1")
    walked = [t for t in texts if re.match(r"\w{3} \d\d \w{3} \d\d:\d\d.*-\d\d:\d\d", t) and " as " not in t]
    assert walked and _listed(walked) == length, texts
    assert walked[0].startswith("Sun 01 Nov 01:15 (-05:00)-"), texts
