"""Targets due at an instant of a business day (``by end of 2nd business day``, ``by 16:00 of 1st business
day``): the due instant against a slow minute-stepping reference, in New York around its DST changes and
in Tokyo; the verdicts of named ones on every path (per incident, columns, explain, ``sla serve``'s
timers, ``sla deadline``).
"""

from __future__ import annotations

import datetime as dt
import math
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sla_dsl
from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from
from sla_dsl.lang import model as m
from sla_dsl.policy import Policy
from sla_dsl.serve.tracking import watched

NY = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")
UTC = dt.UTC

HEAD = """sla "Test" {{
  format 1
  version "1"
  effective 2026-01-01
  timezone {zone}
}}
"""
CALENDARS = """
calendar business {
  days mon..fri
  hours 09:00-12:00, 13:00-17:00
  holiday 2026-03-10 "休業日" / "Closed day"
  holiday 2026-11-03 "休業日" / "Closed day"
}
calendar allday {
  days mon..sun
  hours 00:00-24:00
}
calendar short {
  days mon..fri
  hours 09:00-17:00
  hours 2026-03-09 09:00-11:00
}
clock response {
  starts at incident.reported
}
clock resolution {
  starts at incident.reported
  stops at incident.resolved
  resets at incident.reprioritized
  cancels at incident.product_suspected
  at risk at 75% of target
}
"""


def _text(zone: str, p1: str) -> str:
    return HEAD.format(zone=zone) + CALENDARS + "priority P1 {\n" + p1 + "}\n"


@cache
def _policy(zone: str, p1: str) -> Policy:
    return sla_dsl.load_policy(_text(zone, p1))


# ---- the slow reference: business days by their dates, instants minute by minute ------------------

_HOURS = {
    "business": [(9 * 60, 12 * 60), (13 * 60, 17 * 60)],
    "allday": [(0, 24 * 60)],
    "short": [(9 * 60, 17 * 60)],
}
_DAYS = {"business": range(5), "allday": range(7), "short": range(5)}
_CLOSED = {"business": {dt.date(2026, 3, 10), dt.date(2026, 11, 3)}, "allday": set(), "short": set()}
_OWN = {"short": {dt.date(2026, 3, 9): [(9 * 60, 11 * 60)]}}


def _is_business_day(cal: str, d: dt.date) -> bool:
    return d.weekday() in _DAYS[cal] and d not in _CLOSED[cal]


def _wall_minutes(cal: str, d: dt.date) -> list[tuple[int, int]]:
    return _OWN.get(cal, {}).get(d, _HOURS[cal])


def _minutes_of_day(d: dt.date, tz: ZoneInfo) -> list[dt.datetime]:
    """Every UTC minute whose local date is ``d``, in time order (stepping minute by minute)."""
    u = dt.datetime.combine(d, dt.time(), UTC) - dt.timedelta(hours=16)
    out = []
    while u < dt.datetime.combine(d, dt.time(), UTC) + dt.timedelta(hours=16 + 24):
        if u.astimezone(tz).date() == d:
            out.append(u)
        u += dt.timedelta(minutes=1)
    return out


def _reference_due(cal: str, tz: ZoneInfo, start: dt.datetime, nth: int, at: int | None) -> dt.datetime:
    d = start.astimezone(tz).date()
    counted = 0
    while counted < nth:
        d += dt.timedelta(days=1)
        counted += _is_business_day(cal, d)
    minutes = _minutes_of_day(d, tz)

    def wall(u: dt.datetime) -> int:
        x = u.astimezone(tz)
        return x.hour * 60 + x.minute

    open_ = [u for u in minutes if any(a <= wall(u) < b for a, b in _wall_minutes(cal, d))]
    opening, close = open_[0], open_[-1] + dt.timedelta(minutes=1)
    if at is None:
        return close
    same = [u for u in minutes if wall(u) == at]
    if same:
        target = same[0]  # (a time the clock shows twice: its first occurrence)
    else:  # (a time the clock skips: read with the offset before the jump)
        before = [u for u in minutes if wall(u) < at][-1].astimezone(tz)
        offset = before.utcoffset()
        assert offset is not None
        target = (dt.datetime.combine(d, dt.time()) + dt.timedelta(minutes=at) - offset).replace(tzinfo=UTC)
    return min(max(target, opening), close)


def _business_seconds(cal: str, tz: ZoneInfo, a: dt.datetime, b: dt.datetime) -> int:
    """Business seconds in [a, b), minute by minute (a and b on whole minutes)."""
    total, u = 0, a
    while u < b:
        x = u.astimezone(tz)
        d = x.date()
        if _is_business_day(cal, d) and any(p <= x.hour * 60 + x.minute < q for p, q in _wall_minutes(cal, d)):
            total += 60
        u += dt.timedelta(minutes=1)
    return total


# ---- the due instant ------------------------------------------------------------------------------

CASES = [
    # (zone, calendar, start (local), nth, at)
    ("America/New_York", "business", "2026-03-06 10:00", 1, None),  # Friday EST -> Monday EDT
    ("America/New_York", "business", "2026-03-06 10:00", 1, "16:00"),
    ("America/New_York", "business", "2026-03-06 18:30", 2, "12:30"),  # Tuesday 10 March closed: Wednesday
    ("America/New_York", "business", "2026-03-07 02:00", 1, "09:00"),  # a Saturday: Monday's opening
    ("America/New_York", "business", "2026-10-30 16:59", 1, "16:00"),  # Friday EDT -> Monday EST
    ("America/New_York", "business", "2026-11-02 08:00", 1, "10:15"),  # Tuesday 3 November closed
    ("America/New_York", "allday", "2026-03-07 12:00", 1, "02:30"),  # a time the clock skips: 03:30 EDT
    ("America/New_York", "allday", "2026-03-07 12:00", 1, None),  # a 23-hour day
    ("America/New_York", "allday", "2026-10-31 12:00", 1, "01:30"),  # shown twice: the first, EDT
    ("America/New_York", "allday", "2026-10-31 23:59", 1, None),  # a 25-hour day
    ("America/New_York", "short", "2026-03-06 12:00", 1, "16:00"),  # a short day: its close, 11:00
    ("America/New_York", "short", "2026-03-06 12:00", 2, "16:00"),
    ("Asia/Tokyo", "business", "2026-11-02 23:30", 1, "12:30"),  # the lunch hour stands; 3 Nov closed
    ("Asia/Tokyo", "business", "2026-11-02 00:10", 3, None),
    ("Asia/Tokyo", "allday", "2026-11-01 00:00", 2, "23:59"),
]


def _at(text: str | None) -> int | None:
    return None if text is None else int(text[:2]) * 60 + int(text[3:])


def _day(cal: str, nth: int, at: str | None) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(nth, "th")
    return f"{'end' if at is None else at} of {nth}{suffix} {cal} day"


@pytest.mark.parametrize(("zone", "cal", "start", "nth", "at"), CASES)
def test_the_due_instant_is_the_reference_one(zone: str, cal: str, start: str, nth: int, at: str | None) -> None:
    tz = ZoneInfo(zone)
    day = _day(cal, nth, at)
    policy = _policy(zone, f"  respond by {day}\n  resolve by {day} on resolution\n")
    t0 = dt.datetime.fromisoformat(start).replace(tzinfo=tz)
    # (compared as instants: an aware time in a repeated hour is never == one of another zone, PEP 495)
    expected = _reference_due(cal, tz, t0, nth, _at(at)).timestamp()
    assert policy.response_due("P1", t0).timestamp() == expected  # (the plain response: `sla deadline`)
    events = [{"event": "incident.reported", "at": t0.isoformat(), "id": "A", "priority": "P1"}]
    rep = sla_dsl.evaluate(policy, events, t0 - dt.timedelta(days=1), t0 + dt.timedelta(days=9), t0)
    (row,) = rep.incidents
    assert row.response_due is not None and row.response_due.timestamp() == expected
    assert {t.name: t.due.timestamp() for t in row.targets if t.due} == {"resolve": expected}


@settings(max_examples=40, deadline=None)
@given(
    when=st.datetimes(dt.datetime(2026, 3, 4), dt.datetime(2026, 3, 12)).map(lambda x: x.replace(second=0)),
    nth=st.integers(1, 3),
    at=st.sampled_from([None, "09:00", "11:59", "12:30", "16:00", "17:00"]),
    cal=st.sampled_from(["business", "short"]),
)
def test_the_due_instant_around_new_yorks_spring_change(when: dt.datetime, nth: int, at: str | None, cal: str) -> None:
    policy = _policy("America/New_York", f"  respond by {_day(cal, nth, at)}\n")
    t0 = when.replace(microsecond=0, tzinfo=NY)
    t0 = t0.astimezone(UTC).astimezone(NY)  # (a wall time the clock skips, as the instant it names)
    target = policy.model.priority("P1").target
    assert isinstance(target, m.ByEndOf)
    assert policy.due(target, t0).timestamp() == _reference_due(cal, NY, t0, nth, _at(at)).timestamp()


# ---- verdicts of a named target -------------------------------------------------------------------

P1 = "  respond by end of 1st business day\n  resolve by 16:00 of 2nd business day on resolution\n"


def _ev(event: str, at: str, ident: str, **fields: Any) -> dict[str, Any]:
    return {"event": event, "at": dt.datetime.fromisoformat(at).replace(tzinfo=NY).isoformat(), "id": ident} | fields


def _judge(events: list[dict[str, Any]], as_of: str, batch: bool = True) -> Any:
    policy = _policy("America/New_York", P1)
    t = dt.datetime.fromisoformat(as_of).replace(tzinfo=NY)
    return judge_log(
        [policy],
        log_from(events),
        dt.datetime(2026, 3, 1, tzinfo=NY),
        dt.datetime(2026, 4, 1, tzinfo=NY),
        t,
        batch=batch,
    )


def _resolve(result: Any, ident: str) -> Any:
    row = next(r for r in result.report().incidents if r.id == ident)
    return next(t for t in row.targets if t.name == "resolve")


# Reported Fri 6 March 10:00 (EST): 2nd business day Wednesday 11 March (Tuesday 10 is closed), 16:00 EDT.
DUE = "2026-03-11 16:00"


@pytest.mark.parametrize(
    ("events", "as_of", "status", "due"),
    [
        ([_ev("incident.resolved", "2026-03-11 16:00", "A")], "2026-03-20 00:00", "met", DUE),
        ([_ev("incident.resolved", "2026-03-11 16:00:01", "A")], "2026-03-20 00:00", "breached", DUE),
        ([], "2026-03-11 16:00", "at_risk", DUE),  # (running as of its due instant: not breached yet)
        ([], "2026-03-11 16:00:01", "breached", DUE),
        ([], "2026-03-06 11:00", "open", DUE),
        # a reset starts a new cycle with its own due instant: Mon 9 March 10:00 -> Wed 11 March is the 1st,
        # Thu 12 March the 2nd
        (
            [_ev("incident.reprioritized", "2026-03-09 10:00", "A", priority="P1")],
            "2026-03-12 16:00",
            "at_risk",
            "2026-03-12 16:00",
        ),
        # a cycle that ran past its due instant stays breached after the reset
        (
            [_ev("incident.reprioritized", "2026-03-11 17:00", "A", priority="P1")],
            "2026-03-12 10:00",
            "breached",
            DUE,
        ),
        ([_ev("incident.product_suspected", "2026-03-11 15:00", "A")], "2026-03-20 00:00", "cancelled", None),
        ([_ev("incident.product_suspected", "2026-03-11 17:00", "A")], "2026-03-20 00:00", "breached", DUE),
    ],
)
def test_a_named_day_target_is_met_iff_its_clock_stops_by_the_due_instant(
    events: list[dict[str, Any]], as_of: str, status: str, due: str | None
) -> None:
    evs = [_ev("incident.reported", "2026-03-06 10:00", "A", priority="P1"), *events]
    rows = [_resolve(_judge(evs, as_of, batch), "A") for batch in (True, False)]
    assert rows[0] == rows[1]  # (the columns and the per-incident path)
    v = rows[0]
    assert v.status == status
    assert v.due == (dt.datetime.fromisoformat(due).replace(tzinfo=NY) if due else None)


def test_at_risk_is_the_clocks_share_of_the_business_time_to_the_due_instant() -> None:
    t0 = dt.datetime(2026, 3, 6, 10, 0, tzinfo=NY)
    due = dt.datetime(2026, 3, 11, 16, 0, tzinfo=NY)
    total = _business_seconds("business", NY, t0, due)
    # the instant the business time used reaches 75% (on a whole minute, found minute by minute)
    risk, used = t0, 0
    while used < math.ceil(total * 0.75):
        used += _business_seconds("business", NY, risk, risk + dt.timedelta(minutes=1))
        risk += dt.timedelta(minutes=1)
    evs = [_ev("incident.reported", "2026-03-06 10:00", "A", priority="P1")]
    before = _resolve(_judge(evs, (risk - dt.timedelta(minutes=1)).replace(tzinfo=None).isoformat()), "A")
    at = _resolve(_judge(evs, risk.replace(tzinfo=None).isoformat()), "A")
    assert (before.status, at.status) == ("open", "at_risk")
    assert at.target_minutes == total / 60
    # `sla serve`'s timers: the same due and at-risk instants
    result = _judge(evs, "2026-03-06 11:00")
    (w,) = [x for x in watched(result) if x.target == "resolve"]
    assert (w.due, w.at_risk) == (due.timestamp(), risk.timestamp())


def test_explain_says_the_target_as_written_and_its_due_instant() -> None:
    evs = [
        _ev("incident.reported", "2026-03-06 10:00", "A", priority="P1"),
        _ev("incident.resolved", "2026-03-11 17:00", "A"),
    ]
    v = _resolve(_judge(evs, "2026-03-20 00:00"), "A")
    assert v.explain[-1].text == (
        "resolution by 16:00 of 2nd business day on clock `resolution` (started Fri 06 Mar 10:00): "
        "due Wed 11 Mar 16:00, stopped Wed 11 Mar 17:00: breached"
    )
    result = _judge(evs, "2026-03-20 00:00")
    (viol,) = [x for x in result.report().violations if x.kind == "target_breached"]
    assert viol.message == "P1 resolution due Wed 11 Mar 16:00: stopped Wed 11 Mar 17:00"


def test_sla_deadline_gives_the_named_targets_due_instant() -> None:
    from sla_dsl.evaluation.target_dues import target_dues

    policy = _policy("America/New_York", P1)
    start = dt.datetime(2026, 3, 6, 10, 0, tzinfo=NY)
    (d,) = target_dues(policy, policy.model.priority("P1"), start.timestamp())
    assert d.due == dt.datetime(2026, 3, 11, 16, 0, tzinfo=NY)
