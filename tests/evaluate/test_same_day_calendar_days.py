"""The same-day guideline is judged on its calendar's own days and real open time.

A calendar's days are its local dates and a partial closure removes instants (language
reference, calendars). So for ``same day if received 4 hours before close of desk_en``
with a London desk in a Tokyo policy, a clock at Thu 23:00 London (Fri 08:00 Tokyo) is
on Thursday, after Thursday's cutoff: the guideline does not apply (it was judged on
the Tokyo date, Friday, with Friday's close); a clock on a London Sunday (a Tokyo
Monday) is on no business day. And a day that ``closed 2026-12-24 13:00-18:00`` shuts
at noon closes at noon, not at 18:00. The times of the guideline's step are Tokyo
times, as every other step of a Tokyo report.

Every clock on a half-hour grid over two weeks (London's clock change of 25 Oct
among them) and a closure day is judged in batches and one by one, its report written
from rows and from columns (``sla evaluate --format json``), and compared with a
reference that walks the calendar's wall clock minute by minute with ``zoneinfo``.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

import holidays
import pytest

import sla_dsl
from evaluate.helpers import TWO_DESKS, report_json
from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from
from sla_dsl.policy import Policy

TOKYO = ZoneInfo("Asia/Tokyo")
LONDON = ZoneInfo("Europe/London")
MINUTE = dt.timedelta(minutes=1)
BEFORE = dt.timedelta(hours=4)

POLICY = (
    """
sla "Two desks" {
  format 1
  version "1"
  effective 2026-10-01
  timezone Asia/Tokyo
  languages en
}
"""
    + TWO_DESKS
    + """priority P1 "P1" {
  respond within 4 desk_en hours
  same day if received 4 hours before close of desk_en
}
priority P2 "P2" {
  respond within 4 business hours
  same day if received 4 hours before close of business
}
"""
)

#: calendar -> (zone, open weekdays, holidays, the day's ranges, {date: closed range}) in minutes
CALENDARS: dict[str, tuple[ZoneInfo, Any, list[tuple[int, int]], dict[dt.date, tuple[int, int]]]] = {
    "P1": (
        LONDON,
        holidays.country_holidays("GB", subdiv="ENG", years=2026),
        [(9 * 60, 17 * 60 + 30)],
        {dt.date(2026, 11, 26): (15 * 60, 17 * 60 + 30)},
    ),
    "P2": (
        TOKYO,
        holidays.country_holidays("JP", years=2026),
        [(10 * 60, 12 * 60), (13 * 60, 18 * 60)],
        {dt.date(2026, 12, 24): (13 * 60, 18 * 60)},
    ),
}


@cache
def policy() -> Policy:
    return sla_dsl.load_policy(POLICY)


@cache
def reference_close(priority: str, day: dt.date) -> dt.datetime | None:
    """The end of the last open minute of ``day`` on the calendar's wall clock, found by walking
    every UTC minute whose local date is ``day`` (None: the day has no open minute)."""
    tz, national, ranges, closed = CALENDARS[priority]
    if day.weekday() >= 5 or day in national:
        return None
    last = None
    u = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC) - dt.timedelta(hours=15)
    while u < dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC) + dt.timedelta(hours=39):
        local = u.astimezone(tz)
        wall = local.hour * 60 + local.minute
        cut = closed.get(day)
        if (
            local.date() == day
            and any(s <= wall < e for s, e in ranges)
            and not (cut is not None and cut[0] <= wall < cut[1])
        ):
            last = u
        u += MINUTE
    return None if last is None else last + MINUTE


def reference(priority: str, clock: dt.datetime) -> tuple[bool, dt.datetime | None]:
    """(applies, the close it expects an answer by): the clock's date on the calendar's wall clock."""
    close = reference_close(priority, clock.astimezone(CALENDARS[priority][0]).date())
    if close is None or clock > close - BEFORE:
        return False, None
    return True, close


def _clocks() -> list[dt.datetime]:
    out = []
    for first, days in ((dt.datetime(2026, 10, 22, tzinfo=TOKYO), 7), (dt.datetime(2026, 11, 25, tzinfo=TOKYO), 7)):
        out += [first + k * dt.timedelta(minutes=30) for k in range(days * 48)]
    out += [dt.datetime(2026, 12, 24, tzinfo=TOKYO) + k * dt.timedelta(minutes=30) for k in range(48)]
    return out


def _report(batch: bool, columns: bool) -> dict[str, Any]:
    """The JSON report, judged in batches or one incident at a time, written from the rows
    (``Evaluation.write_json``) or from columns (as ``sla evaluate --format json`` writes it)."""
    events = [
        {"event": "incident.reported", "at": t.isoformat(), "id": f"{p}-{k}", "priority": p}
        for k, t in enumerate(_clocks())
        for p in ("P1", "P2")
    ]
    start = dt.datetime(2026, 10, 1, tzinfo=TOKYO)
    end = dt.datetime(2027, 1, 1, tzinfo=TOKYO)
    result = judge_log(policy(), log_from(events), start, end, end, batch=batch)
    return report_json(result, columns)


@pytest.mark.parametrize("columns", [True, False], ids=["columns", "rows"])
@pytest.mark.parametrize("batch", [True, False], ids=["batch", "one_by_one"])
def test_same_day_is_judged_on_the_calendars_days_and_open_time(batch: bool, columns: bool) -> None:
    rows = _report(batch, columns)["incidents"]
    assert len(rows) == 2 * len(_clocks())
    wrong = []
    for row in rows:
        clock = dt.datetime.fromisoformat(row["clock_start"])
        applies, close = reference(row["priority"], clock)
        due = None if close is None else close.astimezone(TOKYO).isoformat()
        got = row["same_day"]
        if (got["applies"], got["due"]) != (applies, due):
            wrong.append((row["id"], row["clock_start"], got, applies, due))
        steps = [s for s in row["explain"] if s["text"].startswith("same-day guideline")]
        if close is None:
            assert not steps, row["id"]
            continue
        # Its times are Tokyo times: the cutoff and the close on the report's wall clock.
        tokyo_close = close.astimezone(TOKYO)
        cutoff = (close - BEFORE).astimezone(TOKYO)
        (only,) = steps
        assert only["text"] == (
            f"same-day guideline: clock started by {cutoff:%H:%M} on a business day, "
            f"answer expected by {tokyo_close:%a %d %b %H:%M} (not met; a guideline, not a breach)"
        ), row["id"]
        assert only["at"] == tokyo_close.isoformat()
    assert not wrong, wrong[:5]


def test_the_reviewers_cases() -> None:
    rows = {r["id"]: r for r in _report(False, False)["incidents"]}
    clocks = {t: k for k, t in enumerate(_clocks())}

    def same_day(prio: str, at: str) -> dict[str, Any]:
        out: dict[str, Any] = rows[f"{prio}-{clocks[dt.datetime.fromisoformat(at)]}"]["same_day"]
        return out

    # Fri 08:00 Tokyo is Thu 23:00 London, after Thursday's cutoff (13:30 London)
    assert not same_day("P1", "2026-11-27T08:00:00+09:00")["applies"]
    # Mon 01:00 Tokyo is Sun 16:00 London: no business day of the desk
    assert not same_day("P1", "2026-11-30T01:00:00+09:00")["applies"]
    # Fri 27 Nov 21:30 Tokyo is 12:30 London: before Friday's cutoff, due at 17:30 London
    assert same_day("P1", "2026-11-27T21:30:00+09:00") == {
        "applies": True,
        "due": "2026-11-28T02:30:00+09:00",
        "met": False,
    }
    # 24 Dec closes at noon (13:00-18:00 closed): the cutoff is 08:00, so 11:00 is too late
    assert not same_day("P2", "2026-12-24T11:00:00+09:00")["applies"]
    assert same_day("P2", "2026-12-24T08:00:00+09:00")["due"] == "2026-12-24T12:00:00+09:00"
