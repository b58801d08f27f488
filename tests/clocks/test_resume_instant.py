"""A paused clock judged as of the very instant it resumes: the due time counts on from the resume.

``policies/examples/helpdesk.sla``: the ``resolution`` clock pauses at
``incident.info_provided`` until ``incident.customer_replied``; business hours
09:00-12:00 and 13:00-18:00 Tokyo on business days (Mon 23 Nov 2026 is a
holiday). Judged as of the instant of the customer's reply, the clock runs again
but its new stretch has no running time yet: its due time used to be counted
on from the stretch before the pause, as if the clock had never paused. Worked
by hand (the QA report):

* P2 (resolve within 5 business days = 40 h), reported Thu 19 Nov 09:00, paused
  Wed 25 Nov 10:00 (Thu 19, Fri 20 and Tue 24 8 h each, Wed 09:00-10:00: 25 h
  used), resumed Thu 26 Nov 10:00: 15 h left, Thu 10:00-12:00 and 13:00-18:00
  (7 h) and Fri 27 8 h: due Fri 27 Nov 18:00 as of the resume, a second later
  and at the period's end (the old answer, 40 h from Thu 19 09:00 as if never
  paused: Thu 26 Nov 18:00).
* P1 (resolve within 2 business days = 16 h, an update every 4 business hours by
  a response or information provided), reported Tue 24 Nov 15:00, responded
  15:30, paused Wed 25 10:00 (4 h used), resumed Thu 26 10:00: resolve due Fri
  27 Nov 15:00 (12 h left: Thu 7 h, Fri 09:00-12:00 and 13:00-15:00); the update
  is counted from the information provided at the pause: due Thu 26 Nov 15:00.

The property: for random pauses and resumes, every clock target's due time is
the same as of the resume, a second, a minute, an hour and a day later and at
the period's end, and, while not breached, that of a slow reference counting
running minutes one by one on a hand-written calendar; while paused there is
no due time; before the pause the due time is the reference's without a pause.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import sla_dsl
from clocks.helpers import sla
from sla_dsl.policy import Policy

ROOT = Path(__file__).resolve().parents[2]
HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"
TZ = ZoneInfo("Asia/Tokyo")
START, END = dt.datetime(2026, 11, 1, tzinfo=TZ), dt.datetime(2026, 12, 1, tzinfo=TZ)
SECOND, MINUTE = dt.timedelta(seconds=1), dt.timedelta(minutes=1)

#: P3 with elapsed time: resolve within 3 days, an update every 30 hours
ELAPSED = (
    "  resolve within 10 business days on resolution\n",
    "  resolve within 3 days on resolution\n"
    "  update every 30 hours on resolution by incident.responded, incident.info_provided\n",
)
#: per priority: (target kind, minutes, business time or elapsed) of each target on the resolution clock
TARGETS = {
    "P1": (("resolve", 16 * 60, True), ("update", 4 * 60, True)),
    "P2": (("resolve", 40 * 60, True),),
    "P3": (("resolve", 3 * 24 * 60, False), ("update", 30 * 60, False)),
}
UPDATES = ("incident.responded", "incident.info_provided")
#: the national holidays of JP between the reported times and the latest due times (Nov-Dec 2026)
HOLIDAYS = {dt.date(2026, 11, 3), dt.date(2026, 11, 23)}


@cache
def helpdesk() -> Policy:
    text = HELPDESK.read_text("utf-8")
    assert ELAPSED[0] in text
    return sla_dsl.load_policy(text.replace(*ELAPSED))


def at(when: dt.datetime) -> str:
    return when.isoformat()


def log(priority: str, reported: dt.datetime, pause: dt.datetime, resume: dt.datetime) -> list[dict[str, Any]]:
    def ev(event: str, when: dt.datetime, **more: Any) -> dict[str, Any]:
        return {"event": event, "at": at(when), "id": "H3", **more}

    return [
        ev("incident.reported", reported, priority=priority),
        ev("incident.responded", reported + MINUTE),
        ev("incident.info_provided", pause),
        ev("incident.customer_replied", resume),
    ]


def verdicts(events: list[dict[str, Any]], as_of: dt.datetime) -> dict[str, Any]:
    """The incident's targets on the resolution clock as of ``as_of``, by kind."""
    report = sla_dsl.evaluate(helpdesk(), events, START, END, as_of)
    (row,) = report.incidents
    return {v.kind: v for v in row.targets if v.clock == "resolution"}


# the slow reference: minute by minute on a hand-written calendar


def business(minute: dt.datetime) -> bool:
    """Whether the minute starting at ``minute`` is business time (mon..fri 09:00-12:00, 13:00-18:00, JP)."""
    return minute.weekday() < 5 and minute.date() not in HOLIDAYS and (9 <= minute.hour < 12 or 13 <= minute.hour < 18)


def reference(
    since: dt.datetime, minutes: int, is_business: bool, paused: tuple[dt.datetime, dt.datetime] | None
) -> dt.datetime:
    """The end of the minute in which the running time counted from ``since`` reaches ``minutes``: a minute
    counts when the clock runs (not in ``paused``) and, for business time, when it is business time."""
    minute, count = since, 0
    while True:
        running = paused is None or not paused[0] <= minute < paused[1]
        if running and (business(minute) or not is_business):
            count += 1
            if count == minutes:
                return minute + MINUTE
        minute += MINUTE
        assert minute < since + dt.timedelta(days=60)


def reference_due(
    kind: str, minutes: int, is_business: bool, events: list[dict[str, Any]], as_of: dt.datetime
) -> dt.datetime:
    """The reference due time of a target on the resolution clock, judged as of ``as_of`` (not paused)."""
    seen = [(e["event"], dt.datetime.fromisoformat(e["at"])) for e in events]
    seen = [(name, when) for name, when in seen if when <= as_of]
    times = dict(seen)
    pause, resume = times.get("incident.info_provided"), times.get("incident.customer_replied")
    assert pause is None or resume is not None, "judged while paused"
    since = times["incident.reported"]
    if kind == "update":
        since = max(when for name, when in seen if name in UPDATES)
    return reference(since, minutes, is_business, None if pause is None or resume is None else (pause, resume))


def dues(events: list[dict[str, Any]], instants: list[dt.datetime]) -> dict[str, set[dt.datetime | None]]:
    out: dict[str, set[dt.datetime | None]] = {}
    for as_of in instants:
        for kind, v in verdicts(events, as_of).items():
            out.setdefault(kind, set()).add(v.due)
    return out


# hand-worked


def test_the_reported_case_is_due_a_day_later_than_it_said() -> None:
    events = log("P2", dt.datetime(2026, 11, 19, 9, tzinfo=TZ), *pause_resume())
    resume = pause_resume()[1]
    assert dues(events, [resume, resume + SECOND, END]) == {"resolve": {dt.datetime(2026, 11, 27, 18, tzinfo=TZ)}}


def test_a_resolve_and_an_update_target_as_of_the_resume() -> None:
    events = log("P1", dt.datetime(2026, 11, 24, 15, tzinfo=TZ), *pause_resume())
    events[1]["at"] = at(dt.datetime(2026, 11, 24, 15, 30, tzinfo=TZ))
    resume = pause_resume()[1]
    got = verdicts(events, resume)
    assert {k: (v.status, v.due) for k, v in got.items()} == {
        "resolve": ("open", dt.datetime(2026, 11, 27, 15, tzinfo=TZ)),
        "update": ("open", dt.datetime(2026, 11, 26, 15, tzinfo=TZ)),
    }
    assert dues(events, [resume + SECOND, resume + MINUTE]) == {k: {v.due} for k, v in got.items()}


def pause_resume() -> tuple[dt.datetime, dt.datetime]:
    return dt.datetime(2026, 11, 25, 10, tzinfo=TZ), dt.datetime(2026, 11, 26, 10, tzinfo=TZ)


@pytest.mark.parametrize("command", ["evaluate", "explain"])
def test_the_commands_say_the_same_due_time_as_of_the_resume(command: str, tmp_path: Path) -> None:
    events = log("P2", dt.datetime(2026, 11, 19, 9, tzinfo=TZ), *pause_resume())
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    period = ["--from", "2026-11-01", "--to", "2026-12-01", "--as-of", "2026-11-26T10:00:00+09:00"]
    args = [command, str(HELPDESK), str(path), *(["H3"] if command == "explain" else []), *period]
    done = sla(*args, "--format", "json")
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    (row,) = got if command == "explain" else got["incidents"]
    resolve = next(v for v in row["targets"] if v["name"] == "resolve")
    assert (resolve["status"], resolve["due"]) == ("open", "2026-11-27T18:00:00+09:00")
    if command == "explain":
        text = sla(*args, "--lang", "en")
        assert text.returncode == 0, text.stderr
        assert "due Fri 27 Nov 18:00" in text.stdout
        assert "Thu 26 Nov 18:00" not in text.stdout


# the property


def _minutes(lo: dt.datetime, days: int) -> st.SearchStrategy[dt.datetime]:
    return st.integers(0, days * 24 * 60).map(lambda k: lo + k * MINUTE)


#: the calendar's edges and times around them, for a resume time
EDGES = [dt.time(h, mi) for h, mi in ((0, 0), (8, 59), (9, 0), (12, 0), (12, 30), (13, 0), (17, 59), (18, 0))]


@st.composite
def incidents(draw: st.DrawFn) -> tuple[str, dt.datetime, dt.datetime, dt.datetime]:
    priority = draw(st.sampled_from(sorted(TARGETS)))
    reported = draw(_minutes(dt.datetime(2026, 11, 16, tzinfo=TZ), 11))
    pause = reported + 2 * MINUTE + draw(st.integers(0, 2 * 24 * 60)) * MINUTE
    if draw(st.booleans()):
        day = (pause + draw(st.integers(0, 3)) * dt.timedelta(days=1)).date()
        resume = dt.datetime.combine(day, draw(st.sampled_from(EDGES)), TZ)
    else:
        resume = pause + draw(st.integers(1, 3 * 24 * 60)) * MINUTE
    assume(resume > pause and resume < END - dt.timedelta(days=1))
    return priority, reported, pause, resume


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(incident=incidents())
def test_the_due_time_after_a_resume_does_not_depend_on_the_instant_judged(
    incident: tuple[str, dt.datetime, dt.datetime, dt.datetime],
) -> None:
    priority, reported, pause, resume = incident
    events = log(priority, reported, pause, resume)
    after = [
        resume,
        resume + SECOND,
        resume + MINUTE,
        resume + dt.timedelta(hours=1),
        resume + dt.timedelta(days=1),
        END,
    ]
    seen: dict[str, set[dt.datetime | None]] = {}
    for as_of in after:
        for kind, v in verdicts(events, as_of).items():
            seen.setdefault(kind, set()).add(v.due)
            if v.status in ("open", "at_risk"):
                minutes, is_business = next((mi, b) for k, mi, b in TARGETS[priority] if k == kind)
                assert v.due == reference_due(kind, minutes, is_business, events, as_of), (kind, as_of)
    assert sorted(seen) == sorted(k for k, _, _ in TARGETS[priority])
    assert all(len(d) == 1 and None not in d for d in seen.values()), seen
    # paused: no due time; before the pause: the reference's as if the clock ran on
    for as_of in (pause, pause + SECOND, resume - SECOND):
        assert {(v.status, v.due) for v in verdicts(events, as_of).values() if v.status != "breached"} <= {
            ("paused", None)
        }
    for kind, v in verdicts(events, pause - SECOND).items():
        if v.status in ("open", "at_risk"):
            minutes, is_business = next((mi, b) for k, mi, b in TARGETS[priority] if k == kind)
            assert v.due == reference_due(kind, minutes, is_business, events, pause - SECOND), kind


@pytest.mark.parametrize(
    "pause", [dt.datetime(2026, 11, 17, 18, tzinfo=TZ), dt.datetime(2026, 11, 17, 18, 1, tzinfo=TZ)]
)
def test_a_target_reached_before_a_pause_is_due_when_it_was_reached(pause: dt.datetime) -> None:
    """P1's 2 business days run out at Tuesday's close; a pause then (or just after, in closed hours) and
    a resume do not move its due time to the resume: it stays at the close, open or breached."""
    events = log("P1", dt.datetime(2026, 11, 16, tzinfo=TZ), pause, pause + MINUTE)
    close = dt.datetime(2026, 11, 17, 18, tzinfo=TZ)
    for as_of in (pause + MINUTE, pause + MINUTE + SECOND, END):
        got = verdicts(events, as_of)["resolve"]
        assert got.due == close, (as_of, got.due)
    assert verdicts(events, END)["resolve"].status == "breached"
