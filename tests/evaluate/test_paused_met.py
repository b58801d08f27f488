"""A named target met while its clock was paused has no due time (it moved while paused).

The QA report: ``resolve within 2 hours on resolution``, the clock pausing at
``incident.info_provided`` until ``incident.customer_replied`` and stopping at
``incident.resolved``. Reported Mon 30 Nov 2026 10:00 Tokyo, responded 10:30,
information provided 11:00 (1 h used), resolved 17:00 with no reply: the clock
stopped while paused. The target is met (1 h of 2 used), and was reported
``due Mon 30 Nov 12:00``, five hours before it was met: the rest of the target
counted on from the clock's start, as if it had never paused. Judged a moment
before the resolution the target is ``paused``, with no due time: none was in
force when the clock stopped, so the met target has none either (as a met
``update`` target has none), on every path: the API's rows, ``sla evaluate``
(its rows written by columns, judged in batches or one incident at a time),
``sla explain`` (text and JSON) and ``sla replay``, which reported the due time
of that met target moving (``12:00 -> 18:00``) when the target was widened to
8 hours. The same for the incident's completion while paused (Click So-ko's P2
silence rule: 10 business days after the information without a reply) and for
a pause and a resolution at one instant.

The property: on random logs of pauses, resumes of either reason and
resolutions (``tests/clocks/test_pause_any_of.py``'s New York policy, business
and elapsed time, both changes of daylight saving time), every path gives a met
target no due time when the clock stopped while paused, and otherwise the due
time of a slow reference that steps the clock minute by minute and, from the
stop on, lets it run on; never a due time before the stop (met iff stopped at
or before the due instant: a target whose running time reached it exactly
before the stop, the stop coming in closed hours or while paused, is breached).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from clocks.helpers import sla
from clocks.test_pause_any_of import (
    BASES,
    GAPS,
    MINUTE,
    PAUSED_BY,
    RESUMED_BY,
    TARGETS,
    UTC,
    _counts,
    ev,
    reference,
    verdict,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sla_dsl
from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from
from sla_dsl.events.schema import CODE

from .helpers import ev as tokyo_ev
from .helpers import report_json, run, t
from .test_targets import policy_text

QA_POLICY = """sla "M" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages en
}
calendar business {
  days mon..fri
  hours 09:00-18:00
}
clock response {
  starts at incident.reported
}
clock resolution {
  starts at incident.reported
  pauses at incident.info_provided until incident.customer_replied
  stops at incident.resolved
}
priority P1 "Urgent" {
  respond within 1 hour
  resolve within 2 hours on resolution
}
"""
QA_EVENTS = [
    tokyo_ev("incident.reported", "2026-11-30 10:00", "INC-1", priority="P1"),
    tokyo_ev("incident.responded", "2026-11-30 10:30", "INC-1"),
    tokyo_ev("incident.info_provided", "2026-11-30 11:00", "INC-1"),
    tokyo_ev("incident.resolved", "2026-11-30 17:00", "INC-1"),
]
PERIOD = ["--from", "2026-11-01", "--to", "2026-12-01"]


def resolve_rows(text: str, events: list[dict[str, Any]]) -> dict[str, Any]:
    """The resolve target's row (JSON values) on every path of the evaluator: they must agree."""
    policy = sla_dsl.load_policy(text)
    start, end = t("2026-11-01 00:00"), t("2026-12-01 00:00")
    api = sla_dsl.evaluate(policy, events, start, end).model_dump(mode="json")["incidents"]
    for batch in (True, False):
        for columns in (True, False):
            got = report_json(judge_log(policy, log_from(events), start, end, batch=batch), columns)
            assert got["incidents"] == api, (batch, columns)
    (row,) = api
    (resolve,) = [x for x in row["targets"] if x["kind"] == "resolve"]
    return dict(resolve)


def files(tmp_path: Path, text: str, events: list[dict[str, Any]]) -> tuple[str, str]:
    policy, log = tmp_path / "p.sla", tmp_path / "p.jsonl"
    policy.write_text(text, "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    return str(policy), str(log)


# ---- hand-worked ----------------------------------------------------------------------------------------


def test_the_qa_case_is_met_with_no_due_time_on_every_path() -> None:
    got = resolve_rows(QA_POLICY, QA_EVENTS)
    assert (got["status"], got["due"], got["met_at"], got["used_minutes"]) == (
        "met",
        None,
        "2026-11-30T17:00:00+09:00",
        60.0,
    )
    assert got["explain"][-1]["text"] == (
        "resolution within 2 hours of running time on clock `resolution`: 1h used, stopped Mon 30 Nov 17:00 "
        "while paused: met"
    )
    assert got["explain"][-1]["at"] == "2026-11-30T17:00:00+09:00"


def test_a_moment_before_the_stop_it_was_paused_with_no_due_time() -> None:
    report = run(QA_EVENTS[:3], as_of="2026-11-30 16:59", policies=sla_dsl.load_policy(QA_POLICY))
    (resolve,) = [x for x in report.incidents[0].targets if x.kind == "resolve"]
    assert (resolve.status, resolve.due) == ("paused", None)


def test_the_commands_say_no_due_time_before_the_resolution(tmp_path: Path) -> None:
    policy, log = files(tmp_path, QA_POLICY, QA_EVENTS)
    done = sla("evaluate", policy, log, *PERIOD, "--format", "json")
    assert done.returncode == 0, done.stderr
    (row,) = json.loads(done.stdout)["incidents"]
    (resolve,) = [x for x in row["targets"] if x["kind"] == "resolve"]
    assert resolve == resolve_rows(QA_POLICY, QA_EVENTS)
    done = sla("explain", policy, log, "INC-1", *PERIOD, "--format", "json")
    assert done.returncode == 0, done.stderr
    (row,) = json.loads(done.stdout)
    assert [x for x in row["targets"] if x["kind"] == "resolve"] == [resolve]
    done = sla("explain", policy, log, "INC-1", *PERIOD)
    assert done.returncode == 0, done.stderr
    assert "12:00" not in done.stdout
    assert "    Resolution (resolution): met" in done.stdout.splitlines()


def test_replay_sees_no_due_time_move_on_a_met_target(tmp_path: Path) -> None:
    """Widening the target changes nothing of a target met while paused (it said ``due 12:00 -> 18:00``)."""
    old, log = files(tmp_path, QA_POLICY, QA_EVENTS)
    new = tmp_path / "new.sla"
    new.write_text(QA_POLICY.replace("resolve within 2 hours", "resolve within 8 hours"), "utf-8")
    done = sla("replay", old, str(new), log, *PERIOD, "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["targets"] == []
    done = sla("replay", old, str(new), log, *PERIOD)
    assert done.returncode == 0, done.stderr
    assert "no verdict changes" in done.stdout


def test_a_pause_and_a_resolution_at_one_instant() -> None:
    events = [*QA_EVENTS[:3], {**QA_EVENTS[3], "at": QA_EVENTS[2]["at"]}]
    got = resolve_rows(QA_POLICY, events)
    assert (got["status"], got["due"], got["met_at"], got["used_minutes"]) == (
        "met",
        None,
        "2026-11-30T11:00:00+09:00",
        60.0,
    )


def test_a_resolution_after_the_reply_keeps_its_due_time() -> None:
    """Stopped while running after a resume: due when the rest of the target runs out from the resume
    (1 h before the pause, 13:00 + 1 h), as before."""
    events = [*QA_EVENTS[:3], tokyo_ev("incident.customer_replied", "2026-11-30 13:00", "INC-1")]
    events.append(tokyo_ev("incident.resolved", "2026-11-30 13:30", "INC-1"))
    got = resolve_rows(QA_POLICY, events)
    assert (got["status"], got["due"], got["met_at"], got["used_minutes"]) == (
        "met",
        "2026-11-30T14:00:00+09:00",
        "2026-11-30T13:30:00+09:00",
        90.0,
    )


SILENT = [
    tokyo_ev("incident.reported", "2026-11-02 10:00", "S", priority="P2"),
    tokyo_ev("incident.responded", "2026-11-02 10:30", "S"),
    tokyo_ev("incident.info_provided", "2026-11-02 11:00", "S"),
]


def test_a_completion_by_silence_while_paused_meets_it_with_no_due_time() -> None:
    """Click So-ko's P2 completes 10 business days after the information with no reply (Tue 3 Nov is a
    holiday): Tue 17 Nov 11:00, the clock paused since Mon 2 Nov 11:00 with 1 h of 5 business days used
    (it was said due Mon 9 Nov, 35 business hours from the report, a week before it was met)."""
    got = resolve_rows(policy_text(p2="  resolve within 5 business days on resolution\n"), SILENT)
    assert (got["status"], got["due"], got["met_at"], got["used_minutes"]) == (
        "met",
        None,
        "2026-11-17T11:00:00+09:00",
        60.0,
    )
    assert got["explain"][-2]["text"] == "clock `resolution` stops: the incident is completed Tue 17 Nov 11:00"


@pytest.mark.parametrize(
    ("lang", "line"), [("ja", "    解決（解決までの時間）：達成"), ("en", "    Resolution (Time to resolution): met")]
)
def test_sla_explain_says_no_due_time_in_either_language(lang: str, line: str, tmp_path: Path) -> None:
    text = policy_text(p2="  resolve within 5 business days on resolution\n")
    policy, log = files(tmp_path, text, SILENT)
    done = sla("explain", policy, log, "S", *PERIOD, "--lang", lang)
    assert done.returncode == 0, done.stderr
    assert line in done.stdout.splitlines(), done.stdout


# ---- the property: minute by minute, the clock running on from a stop while running -----------------


def met_due(events: list[dict[str, Any]]) -> tuple[bool, dt.datetime | None]:
    """(paused at the stop, due) of a resolve target met by the resolution: no due time when the clock was
    paused then (unless its time ran out just at the stop: that instant); else the end of the minute in
    which its running time reaches the target, the clock running on from the stop (a target reached
    exactly at the stop: that minute's end)."""
    (minutes, business) = TARGETS[events[0]["priority"]]
    # (events of one instant in the evaluator's order: by type, the contract's before those a policy declares)
    timeline = sorted(
        (dt.datetime.fromisoformat(e["at"]).astimezone(UTC), CODE.get(e["event"], len(CODE)), e["event"])
        for e in events
    )
    start, later = timeline[0][0], [(at, event) for at, _, event in timeline[1:]]
    state, reason, count, reached = "running", "", 0, None
    minute, k = start, 0
    while True:
        while k < len(later) and later[k][0] <= minute:
            event = later[k][1]
            k += 1
            if state == "stopped":
                continue
            if event == "incident.resolved":
                if state == "paused":
                    return True, reached
                state = "stopped"
            elif state == "running" and event in PAUSED_BY:
                state, reason = "paused", PAUSED_BY[event]
            elif state == "paused" and event in RESUMED_BY[reason]:
                state = "running"
        if state == "stopped" and reached is not None:
            return False, reached
        if state != "paused" and _counts(minute, business):
            count += 1
            if count == minutes:
                reached = minute + MINUTE
        minute += MINUTE
        assert minute < start + dt.timedelta(days=90)


#: the events of a log after its report: pauses of both reasons, resumes of both, and resolutions
KINDS = (
    ["info_provided"] * 4
    + ["customer_replied"] * 2
    + ["reopened"] * 2
    + ["vendor_asked"] * 2
    + ["vendor_answered"] * 2
    + ["resolved"] * 2
)


@st.composite
def logs(draw: st.DrawFn) -> list[dict[str, Any]]:
    base = BASES[draw(st.sampled_from(sorted(BASES)))]
    at = (base + draw(st.integers(0, 3 * 24 * 60)) * MINUTE).astimezone(UTC)
    events = [ev("reported", at, priority=draw(st.sampled_from(sorted(TARGETS))))]
    for _ in range(draw(st.integers(0, 6))):
        at += draw(GAPS) * MINUTE
        events.append(ev(draw(st.sampled_from(KINDS)), at))
    at += draw(st.one_of(st.just(0), GAPS)) * MINUTE  # (a resolution with the last event, or later)
    events.append(ev("resolved", at))
    return events


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(logs())
def test_a_met_target_is_due_as_the_clock_ran_and_never_while_paused(events: list[dict[str, Any]]) -> None:
    as_of = dt.datetime.fromisoformat(events[-1]["at"]) + dt.timedelta(days=1)
    status, used, due = verdict(events, as_of)  # (every path, and ``sla serve``'s watches, agreeing)
    assert (status, used) == reference(events, as_of)[:2]
    if status != "met":
        return
    # (the first resolution stops the clock, running or paused: the row's ``met_at``)
    met_at = min(dt.datetime.fromisoformat(e["at"]) for e in events if e["event"] == "incident.resolved")
    minutes = TARGETS[events[0]["priority"]][0]
    paused, want = met_due(events)
    if paused and want is None:
        assert due is None
    else:
        assert due is not None and want is not None
        assert due.timestamp() == want.timestamp()
        # met iff stopped at or before the due instant: never a due time before the stop (a target whose
        # running time reached it exactly before the stop, in closed hours or while paused, is breached)
        assert due.timestamp() >= met_at.timestamp()
        assert used <= minutes
