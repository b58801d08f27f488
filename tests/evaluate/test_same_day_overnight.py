"""The same-day guideline on a calendar whose hours run overnight is judged on the business day (the
shift) the clock start belongs to, not on the date it shows.

A range belongs to the day it starts on (language reference, lexical rules): with hours ``22:00-06:00``
on Monday to Friday, Saturday 01:00 is in Friday's shift, five hours before its 06:00 close, so ``same
day if received 2 hours before close of night`` applies and expects an answer by Saturday 06:00 (it was
judged on Saturday, a closed day: not applied); Tuesday 01:00 is in Monday's shift, due Tuesday 06:00
(not Wednesday 06:00, the close of Tuesday's shift). In New York, Saturday 7 March 2026's shift of
``23:00-02:30`` closes at the spring jump (02:00 EST is 03:00 EDT), so with ``1 hour before close`` a
report at 01:10 EST comes after its 01:00 cutoff: not applied (it was judged on Sunday's shift, due
Monday 02:30 EDT).

Every clock of a minute grid over a week of each calendar (New York's spring and autumn clock changes
among them; a day-and-night calendar whose shift a partial closure breaks after midnight; a calendar
with its own zone) is judged, its report written from rows and from columns, and compared with a slow
reference that walks the calendar's wall clock minute by minute with ``zoneinfo``: a day's open time
runs from its first open minute to the end of its last; a clock belongs to the first day whose open time
holds it, else to its own date; the guideline applies when that day has open time and the clock is at
or before its close less the lead.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import sla_dsl
from evaluate.helpers import report_json
from sla_dsl.cli import main
from sla_dsl.docs.computed import cutoff
from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from
from sla_dsl.policy import Policy

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
"""

#: the bug report's policy (P1), a day-and-night desk whose Monday shift a closure breaks after midnight
#: (P2), and a New York night desk in the Tokyo policy (P3)
TOKYO_POLICY = (
    HEADER.format(zone="Asia/Tokyo")
    + """calendar night "Night shift" {
  days mon..fri
  hours 22:00-06:00
}
calendar desk "Day and night desk" {
  days mon..wed, sat, sun
  hours 09:00-12:00, 20:00-02:00
  closed 2026-11-10 00:00-01:00
}
calendar ny "New York nights" {
  timezone America/New_York
  days mon..thu, sat, sun
  hours 23:00-02:30
}
priority P1 "P1" {
  respond within 2 night hours
  same day if received 2 hours before close of night
}
priority P2 "P2" {
  respond within 1 desk hour
  same day if received 1 hour before close of desk
}
priority P3 "P3" {
  respond within 1 ny hour
  same day if received 1 hour before close of ny
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
  respond within 1 night hour
  same day if received 1 hour before close of night
}
"""
)

#: (zone, open weekdays, the day's ranges in minutes from its midnight, {date: closed wall-clock minutes},
#: the lead before close) of each priority's calendar, as the policies above write them
Calendar = tuple[ZoneInfo, set[int], list[tuple[int, int]], dict[dt.date, tuple[int, int]], dt.timedelta]
CALENDARS: dict[tuple[str, str], Calendar] = {
    ("tokyo", "P1"): (TOKYO, {0, 1, 2, 3, 4}, [(22 * 60, 30 * 60)], {}, dt.timedelta(hours=2)),
    ("tokyo", "P2"): (
        TOKYO,
        {0, 1, 2, 5, 6},
        [(9 * 60, 12 * 60), (20 * 60, 26 * 60)],
        {dt.date(2026, 11, 10): (0, 60)},
        dt.timedelta(hours=1),
    ),
    ("tokyo", "P3"): (NEW_YORK, {0, 1, 2, 3, 5, 6}, [(23 * 60, 26 * 60 + 30)], {}, dt.timedelta(hours=1)),
    ("new_york", "P1"): (NEW_YORK, {0, 1, 2, 3, 5, 6}, [(23 * 60, 26 * 60 + 30)], {}, dt.timedelta(hours=1)),
}

#: the weeks of clocks (a start on the policy's wall clock, 7 days of minutes from it)
WEEKS = {
    "tokyo": [dt.datetime(2026, 11, 5, tzinfo=TOKYO)],
    "new_york": [dt.datetime(2026, 3, 4, 12, tzinfo=NEW_YORK), dt.datetime(2026, 10, 28, 12, tzinfo=NEW_YORK)],
}
PRIORITIES = {"tokyo": ("P1", "P2", "P3"), "new_york": ("P1",)}
POLICIES = {"tokyo": TOKYO_POLICY, "new_york": NEW_YORK_POLICY}


@cache
def policy(name: str) -> Policy:
    return sla_dsl.load_policy(POLICIES[name])


def _clocks(name: str) -> list[dt.datetime]:
    return [first + k * MINUTE for first in WEEKS[name] for k in range(7 * 1440)]


@cache
def open_time(key: tuple[str, str], first: dt.date, last: dt.date) -> dict[dt.date, tuple[dt.datetime, dt.datetime]]:
    """Each day's open time from ``first`` to ``last`` (its first open minute, the end of its last), walking
    every UTC minute around them: a minute shown on day D at wall minute w is open for day D when w is in a
    range of D, and for the day before when w + 24 h is (the tail of its overnight range), unless a closure
    of D's date takes w; a day opens only on its weekdays."""
    tz, weekdays, ranges, closed, _ = CALENDARS[key]
    out: dict[dt.date, tuple[dt.datetime, dt.datetime]] = {}
    u = dt.datetime(first.year, first.month, first.day, tzinfo=dt.UTC) - 2 * ONE_DAY
    end = dt.datetime(last.year, last.month, last.day, tzinfo=dt.UTC) + 3 * ONE_DAY
    while u < end:
        local = u.astimezone(tz)
        wall = local.hour * 60 + local.minute
        cut = closed.get(local.date())
        if cut is None or not cut[0] <= wall < cut[1]:
            for day, at in ((local.date(), wall), (local.date() - ONE_DAY, wall + 1440)):
                if day.weekday() in weekdays and any(s <= at < e for s, e in ranges):
                    lo, _ = out.get(day, (u, u))
                    out[day] = (lo, u + MINUTE)
        u += MINUTE
    return out


def reference(key: tuple[str, str], clock: dt.datetime) -> tuple[bool, dt.datetime | None]:
    """(applies, the close it expects an answer by) for a clock starting at ``clock``."""
    tz, _, _, _, lead = CALENDARS[key]
    date = clock.astimezone(tz).date()
    days = open_time(key, date - 7 * ONE_DAY, date + 7 * ONE_DAY)
    owner = next((d for d in (date - ONE_DAY, date) if d in days and days[d][0] <= clock < days[d][1]), date)
    if owner not in days:
        return False, None
    close = days[owner][1]
    return (True, close) if clock <= close - lead else (False, None)


@cache
def _report(name: str, columns: bool) -> dict[str, Any]:
    events = [
        {"event": "incident.reported", "at": c.isoformat(), "id": f"{p}-{k}", "priority": p}
        for k, c in enumerate(_clocks(name))
        for p in PRIORITIES[name]
    ]
    zone = WEEKS[name][0].tzinfo
    start = dt.datetime(2026, 1, 1, tzinfo=zone)
    end = dt.datetime(2027, 1, 1, tzinfo=zone)
    return report_json(judge_log(policy(name), log_from(events), start, end, end), columns)


@pytest.mark.parametrize("columns", [True, False], ids=["columns", "rows"])
@pytest.mark.parametrize("name", ["tokyo", "new_york"])
def test_every_minute_is_judged_on_the_shift_it_belongs_to(name: str, columns: bool) -> None:
    rows = _report(name, columns)["incidents"]
    assert len(rows) == len(PRIORITIES[name]) * len(_clocks(name))
    zone = WEEKS[name][0].tzinfo
    wrong = []
    for row in rows:
        clock = dt.datetime.fromisoformat(row["clock_start"])
        applies, close = reference((name, row["priority"]), clock)
        due = None if close is None else close.astimezone(zone).isoformat()
        got = row["same_day"]
        if (got["applies"], got["due"]) != (applies, due):
            wrong.append((row["id"], row["clock_start"], got, applies, due))
        # the guideline's step, at the close, only when it applies
        steps = [s["at"] for s in row["explain"] if s["text"].startswith("same-day guideline")]
        if steps != ([due] if applies else []):
            wrong.append((row["id"], row["clock_start"], steps, applies, due))
    assert not wrong, (len(wrong), wrong[:5])


def _same_day(name: str, at: str, priority: str = "P1") -> dict[str, Any]:
    k = _clocks(name).index(dt.datetime.fromisoformat(at))
    (row,) = [r for r in _report(name, False)["incidents"] if r["id"] == f"{priority}-{k}"]
    out: dict[str, Any] = row["same_day"]
    return out


def test_the_grid_holds_the_reported_cases() -> None:
    # Saturday 01:00 is in Friday's shift, 5 hours before its 06:00 close
    assert _same_day("tokyo", "2026-11-07T01:00:00+09:00")["due"] == "2026-11-07T06:00:00+09:00"
    # Tuesday 01:00 is in Monday's shift, which closes on Tuesday at 06:00
    assert _same_day("tokyo", "2026-11-10T01:00:00+09:00")["due"] == "2026-11-10T06:00:00+09:00"
    # Saturday 07:00, after Friday's shift: no shift of Saturday's
    assert not _same_day("tokyo", "2026-11-07T07:00:00+09:00")["applies"]
    # Monday's desk shift is broken by a closure from 00:00 to 01:00 on Tuesday: 00:30 is still Monday's,
    # at or before its 01:00 cutoff (an hour before its 02:00 close), not Tuesday's
    assert _same_day("tokyo", "2026-11-10T00:30:00+09:00", "P2")["due"] == "2026-11-10T02:00:00+09:00"
    # Saturday 7 March's shift closes at the spring jump: 01:10 EST is after its 01:00 cutoff
    assert not _same_day("new_york", "2026-03-08T01:10:00-05:00")["applies"]
    assert _same_day("new_york", "2026-03-08T00:50:00-05:00")["due"] == "2026-03-08T03:00:00-04:00"


@pytest.mark.parametrize("name", ["tokyo", "new_york"])
def test_the_sites_example_is_judged_by_the_guideline(name: str) -> None:
    """The site's same-day example (a clock at the cutoff of the first day with open time, 04:00 on
    Saturday for Friday's night shift) is judged by the guideline, due at the close the site says."""
    p = policy(name)
    events, want = [], {}
    for first in WEEKS[name]:
        for k in range(8):
            start = first.date() + k * ONE_DAY
            for prio in PRIORITIES[name]:
                got = cutoff(p, p.model.priority(prio), start)
                assert got is not None
                ident = f"{prio}-{start}"
                at = got.example_start.isoformat()
                events.append({"event": "incident.reported", "at": at, "id": ident, "priority": prio})
                want[ident] = {"applies": True, "due": got.close_at.isoformat(), "met": False}
    zone = WEEKS[name][0].tzinfo
    end = dt.datetime(2027, 1, 1, tzinfo=zone)
    result = judge_log(p, log_from(events), dt.datetime(2026, 1, 1, tzinfo=zone), end, end)
    got = {r["id"]: r["same_day"] for r in report_json(result, True)["incidents"]}
    assert got == want


# ---- the bug report's three incidents, through the command line ---------------------------------------

REPORTED = """sla "T" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages en
}
calendar night "Night shift" {
  days mon..fri
  hours 22:00-06:00
}
priority P1 "P1" {
  respond within 2 night hours
  same day if received 2 hours before close of night
}
"""

EVENTS = [
    {"event": "incident.reported", "at": "2026-11-06T23:00:00+09:00", "id": "FRI-2300", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-07T00:30:00+09:00", "id": "FRI-2300"},
    {"event": "incident.reported", "at": "2026-11-07T01:00:00+09:00", "id": "SAT-0100", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-07T02:30:00+09:00", "id": "SAT-0100"},
    {"event": "incident.reported", "at": "2026-11-10T01:00:00+09:00", "id": "TUE-0100", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-10T02:30:00+09:00", "id": "TUE-0100"},
]

PERIOD = ["--from", "2026-11-01", "--to", "2026-12-01"]


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    (tmp_path / "x.sla").write_text(REPORTED, "utf-8")
    (tmp_path / "e.jsonl").write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    return str(tmp_path / "x.sla"), str(tmp_path / "e.jsonl")


def test_the_three_incidents_of_the_report(files: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", *files, *PERIOD, "--format", "json"]) == 0
    got = {r["id"]: r["same_day"] for r in json.loads(capsys.readouterr().out)["incidents"]}
    assert got == {
        "FRI-2300": {"applies": True, "due": "2026-11-07T06:00:00+09:00", "met": True},
        "SAT-0100": {"applies": True, "due": "2026-11-07T06:00:00+09:00", "met": True},
        "TUE-0100": {"applies": True, "due": "2026-11-10T06:00:00+09:00", "met": True},
    }


@pytest.mark.parametrize(
    ("ident", "line"),
    [
        ("SAT-0100", "Sat 7 Nov 06:00  same-day guideline (kept)"),
        ("TUE-0100", "Tue 10 Nov 06:00  same-day guideline (kept)"),
    ],
)
def test_explain_says_the_close_of_the_shift(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str], ident: str, line: str
) -> None:
    assert main(["explain", *files, ident, *PERIOD, "--lang", "en"]) == 0
    said = [x.strip() for x in capsys.readouterr().out.splitlines() if "same-day" in x]
    assert said == [line]


def test_a_guideline_past_the_years_is_refused_on_the_shifts_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The check of deadlines past the supported years (E124) reads the guideline on the day the judge
    does: with a lead of a month, Saturday 13 December 2200 at 01:00 is in Friday's shift, whose cutoff is
    counted back from a month after its close, in 2201. Refused on its line, as Friday's own clock is, so
    the judge never meets it (read on Saturday, a closed day, it was let through, and the judge then
    stopped at that month)."""
    policy_file = tmp_path / "m.sla"
    policy_file.write_text(REPORTED.replace("2 hours before close", "1 month before close"), "utf-8")
    log = tmp_path / "m.jsonl"
    events = [
        {"event": "incident.reported", "at": "2200-12-13T01:00:00+09:00", "id": "SAT", "priority": "P1"},
        {"event": "incident.reported", "at": "2200-12-12T23:00:00+09:00", "id": "FRI", "priority": "P1"},
    ]
    log.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    period = ["--from", "2200-12-01", "--to", "2201-01-01", "--format", "json", "--skip-invalid"]
    assert main(["evaluate", str(policy_file), str(log), *period]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["incidents"] == []
    for line, ident in ((1, "SAT"), (2, "FRI")):
        assert f"m.jsonl:{line}: error: [E124] the same-day guideline of incident `{ident}`" in out.err
