"""The watch gives a target's due time as the report does when its time runs out just as a stretch of counting ends.

A ``resolve`` (``respond ... on``, ``first reply``) target whose running time reaches its duration exactly as
the clock pauses (``pauses at A until B``), or as its calendar closes before a pause, is due at that instant
in the report (``sla evaluate``), the instant the time ran out; the serve watch (:mod:`sla_dsl.serve.tracking`)
gave the instant the clock ran again, so the breach alert fired later than the report's due time and under
another key. These tests failed before the fix: the table's boundary cases (against ``sla evaluate --format
json``), the random pause sequences on a half-hour grid (against the evaluator), and the alert fired by the
service. Every target is met iff stopped at or before its due instant (an ``update`` target: updated), so a
clock paused just as, or after, its time ran out stays due then (breached once past it, its alert fired a
second later), and an ``update`` is missed at the instant the running time since the last one reached the
interval, not when the clock ran again.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sla_dsl.cli.app import main
from sla_dsl.evaluation import Evaluation, judge_log
from sla_dsl.policy.compiled import Policy
from sla_dsl.policy.load import compile_text
from sla_dsl.serve.tracking import RESPONSE, FakeClock, log_of, transitions_of, watched

from .conftest import Starter, tokyo, wait_for

#: Business hours 09-12 and 13-18 on weekdays; P1's targets count them, P2's count elapsed time.
TEXT = """\
sla "Pause boundary" {
  format 1
  version "1.0"
  effective 2026-04-01
  timezone Asia/Tokyo
  provider "サンプル株式会社" / "Example Co."
  title "一時停止の境目" / "Pause boundary"
}

article 5 "対応目標" / "Service targets"

calendar business "営業時間" / "Business hours" [art 5] {
  days mon..fri
  hours 09:00-12:00, 13:00-18:00
}

clock response "応答時間" / "Time to first response" [art 5] {
  starts at incident.reported
}

clock resolution "解決までの時間" / "Time to resolution" [art 5] {
  starts at incident.reported
  pauses at incident.info_provided until incident.customer_replied
  stops at incident.resolved
  at risk at 75% of target
}

priority P1 "緊急" / "Urgent" [art 5] {
  definition "業務が停止している" / "Business has stopped"
  respond within 1 business hour
  resolve within 2 business hours on resolution
  update every 1 business hour on resolution by incident.responded
  complete on incident.resolved
}

priority P2 "高" / "High" [art 5] {
  definition "業務に大きな影響がある" / "Business is seriously affected"
  respond within 1 business hour
  resolve within 2 hours on resolution
  update every 1 hour on resolution by incident.responded
  complete on incident.resolved
}
"""


def _policy() -> Policy:
    compiled = compile_text(TEXT, "<pause boundary>")
    assert compiled.model is not None and not compiled.errors
    return Policy(compiled.model)


POLICY = _policy()
TZ = POLICY.tz
START, END = dt.datetime(2026, 11, 1, tzinfo=TZ), dt.datetime(2026, 12, 1, tzinfo=TZ)


def _at(text: str) -> str:
    """``"25 10:00"`` (a day of November 2026, Tokyo time) as an event's ``at``."""
    day, hm = text.split()
    return f"2026-11-{int(day):02d}T{hm}:00+09:00"


def _events(ident: str, priority: str, reported: str, *later: tuple[str, str]) -> list[dict[str, str]]:
    first = {"event": "incident.reported", "at": _at(reported), "id": ident, "priority": priority}
    return [first, *({"event": e, "at": _at(at), "id": ident} for e, at in later)]


PAUSE, RESUME, RESOLVED = "incident.info_provided", "incident.customer_replied", "incident.resolved"

#: (incident, its events, as of, target, the due time both give): each runs out exactly as counting stops.
CASES = [
    # 2 business hours from 10:00 run out at the 12:00 pause; the clock runs again at 14:00
    ("pause-business", _events("A", "P1", "25 10:00", (PAUSE, "25 12:00"), (RESUME, "25 14:00")), "25 15:00",
     "resolve", "25 12:00"),
    # ... run out at 12:00, when the calendar closes for lunch; paused at 12:30, in the break, until 14:00
    ("lunch-then-pause", _events("B", "P1", "25 10:00", (PAUSE, "25 12:30"), (RESUME, "25 14:00")), "25 15:00",
     "resolve", "25 12:00"),
    # ... run out at 18:00, when the calendar closes for the night; paused at 19:00 until 08:00 the next day,
    # before it opens: nothing has counted since, and the report already gives 18:00
    ("night-then-pause", _events("C", "P1", "25 16:00", (PAUSE, "25 19:00"), (RESUME, "26 08:00")), "26 08:30",
     "resolve", "25 18:00"),
    # 2 elapsed hours from 10:00 run out at the 12:00 pause; the clock runs again at 13:00
    ("pause-elapsed", _events("D", "P2", "25 10:00", (PAUSE, "25 12:00"), (RESUME, "25 13:00")), "25 13:30",
     "resolve", "25 12:00"),
    # run out at the first pause, resumed, paused again, and still paused: breached, due at the first pause
    ("paused-again", _events("E", "P2", "25 10:00", (PAUSE, "25 12:00"), (RESUME, "25 13:00"), (PAUSE, "25 13:30")),
     "25 14:00", "resolve", "25 12:00"),
    # the time passes inside a stretch (no boundary): both already agreed
    ("inside", _events("F", "P2", "25 10:00", (PAUSE, "25 11:00"), (RESUME, "25 11:30")), "25 12:00",
     "resolve", "25 12:30"),
    # an update is missed once the time since the last one reaches the interval and none came: at the pause,
    # when the interval ran out, in both (it was the resume, when the time passed it)
    ("update-missed-at-the-pause", _events("G", "P2", "25 10:00", (PAUSE, "25 11:00"), (RESUME, "25 11:30")),
     "25 12:00", "update", "25 11:00"),
    # paused just as the time ran out, and still paused: breached, due then (it was paused, with no due time)
    ("paused-as-it-ran-out", _events("H", "P1", "25 10:00", (PAUSE, "25 12:00")), "25 15:00", "resolve",
     "25 12:00"),
]  # fmt: skip


def _judge(events: list[dict[str, Any]], as_of: dt.datetime) -> Evaluation:
    bodies = [json.dumps(e) for e in events]
    return judge_log([POLICY], log_of(bodies), START, END, as_of, skip_invalid=True)


def _watched_due(result: Evaluation, ident: str, target: str) -> float | None:
    (w,) = [w for w in watched(result) if w.item == ident and w.target == target]
    return w.due


def _breach_at(result: Evaluation, ident: str, target: str) -> float:
    (t,) = [t for t in transitions_of(result) if t.item == ident and t.target == target and t.strict]
    return t.instant


@pytest.mark.parametrize(("events", "as_of", "target", "due"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_watch_gives_the_due_time_sla_evaluate_gives(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], events: list[dict[str, str]], as_of: str, target: str, due: str
) -> None:
    policy, log = tmp_path / "p.sla", tmp_path / "e.jsonl"
    policy.write_text(TEXT, "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    ident = events[0]["id"]
    code = main(
        ["evaluate", str(policy), str(log), "--from", "2026-11-01", "--to", "2026-12-01", "--as-of", _at(as_of),
         "--format", "json"]
    )  # fmt: skip
    assert code == 0
    (row,) = [i for i in json.loads(capsys.readouterr().out)["incidents"] if i["id"] == ident]
    (reported,) = [t for t in row["targets"] if t["name"] == target]
    assert reported["due"] == _at(due)  # (the reference)
    result = _judge(events, dt.datetime.fromisoformat(_at(as_of)))
    expected = dt.datetime.fromisoformat(_at(due)).timestamp()
    assert _watched_due(result, ident, target) == expected
    assert _breach_at(result, ident, target) == expected


def test_a_clock_paused_just_as_its_time_ran_out_is_due_then_and_breached_after() -> None:
    """Paused with the target's time used to the second: as of that instant the report says paused, due then
    (met if it stops then); a second later breached, due then, and the watch's breach transition is at that
    instant (it had no due time, so no breach fired while it stood still, and a stop later was called met)."""
    events = _events("H", "P1", "25 10:00", (PAUSE, "25 12:00"))
    noon = dt.datetime(2026, 11, 25, 12, tzinfo=TZ)
    for as_of, status in ((noon, "paused"), (noon + dt.timedelta(seconds=1), "breached")):
        result = _judge(events, as_of)
        (inc,) = result.incidents
        (v,) = [v for v in inc.targets if v.name == "resolve"]
        assert (v.status, v.due) == (status, noon.timestamp())
        assert _watched_due(result, "H", "resolve") == noon.timestamp()
        assert _breach_at(result, "H", "resolve") == noon.timestamp()
    # resolved while paused, three hours later: breached, the stop after its due instant
    resolved = {"event": RESOLVED, "at": _at("25 15:00"), "id": "H"}
    result = _judge([*events, resolved], noon + dt.timedelta(hours=5))
    (v,) = [v for v in result.incidents[0].targets if v.name == "resolve"]
    assert (v.status, v.due, v.met_at) == ("breached", noon.timestamp(), noon.timestamp() + 3 * 3600)


# -- random pauses on a half-hour grid: the boundaries are met often --------------------------------------------
def _disagreements(result: Evaluation) -> list[str]:
    """Where the watch's due time of a named target differs from the report's verdict."""
    watch = {(w.item, w.target, w.clock): w for w in watched(result) if w.kind != RESPONSE}
    out: list[str] = []
    for inc in result.incidents:
        for v in inc.targets:
            w = watch.get((inc.ident, v.name, v.clock))
            if v.status in ("open", "at_risk"):
                if w is None or w.due != v.due:
                    out.append(f"{inc.ident} {v.name} {v.status}: report {v.due}, watch {w and w.due}")
            elif v.status == "paused":  # (no due time, unless its time ran out just as ``as_of``: then both)
                if w is None or w.due != v.due or (v.due is not None and v.due != result.ctx.as_of):
                    out.append(f"{inc.ident} {v.name} paused: report {v.due}, watch {w and w.due}")
            elif v.status == "breached" and not _stopped(v):  # (still watched: its clock runs on, or is paused)
                if w is None or w.due != v.due:
                    out.append(f"{inc.ident} {v.name} breached: report {v.due}, watch {w and w.due}")
            elif w is not None and v.status != "breached":
                out.append(f"{inc.ident} {v.name} {v.status}: watched, due {w.due}")
    return out


def _stopped(v: Any) -> bool:
    """Whether the target's clock has stopped (the incidents drawn below are never reset)."""
    return any(told.act in ("stop", "cancel", "completed") for told in v.story)


HALF_HOUR = 1800.0


@st.composite
def _incident(draw: st.DrawFn) -> tuple[list[dict[str, str]], float]:
    """An incident reported on a half hour of Wed 25 Nov, paused and resumed on half hours, perhaps resolved;
    and an as-of instant on a half hour after its first event (or a second after one)."""
    priority = draw(st.sampled_from(["P1", "P2"]))
    t = tokyo(2026, 11, 25, 8) + HALF_HOUR * draw(st.integers(0, 20))
    events = [{"event": "incident.reported", "at": _iso(t), "id": "R", "priority": priority}]
    for k in range(draw(st.integers(0, 5))):
        t += HALF_HOUR * draw(st.integers(1, 8))
        events.append({"event": PAUSE if k % 2 == 0 else RESUME, "at": _iso(t), "id": "R"})
    if draw(st.booleans()):
        t += HALF_HOUR * draw(st.integers(0, 6))
        events.append({"event": RESOLVED, "at": _iso(t), "id": "R"})
    first = tokyo(2026, 11, 25, 8)
    as_of = first + HALF_HOUR * draw(st.integers(0, 64)) + draw(st.sampled_from([0.0, 1.0]))
    return events, as_of


def _iso(t: float) -> str:
    return dt.datetime.fromtimestamp(t, TZ).isoformat()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_incident())
def test_the_watch_agrees_with_the_report_on_random_pauses(case: tuple[list[dict[str, str]], float]) -> None:
    events, as_of = case
    reported = dt.datetime.fromisoformat(events[0]["at"]).timestamp()
    result = _judge(events, dt.datetime.fromtimestamp(max(as_of, reported), TZ))
    assert _disagreements(result) == []


# -- the alert the service fires --------------------------------------------------------------------------------
def test_the_breach_alert_is_at_the_instant_the_time_ran_out(start: Starter, tmp_path: Path) -> None:
    clock = FakeClock(tokyo(2026, 11, 25, 14, 30))
    c = start(f"sqlite:///{tmp_path / 'sla.db'}", clock, pols=[POLICY])
    events = _events("A", "P1", "25 10:00", (PAUSE, "25 12:00"), (RESUME, "25 14:00"))
    assert c.post("/events", content="".join(json.dumps(e) + "\n" for e in events)).status_code == 200

    def breach() -> list[dict[str, Any]]:
        return [
            json.loads(a["payload"])
            for a in c.get("/alerts").json()["alerts"]
            if a["kind"] == "incident.target_breached" and json.loads(a["payload"])["target"] == "resolve"
        ]

    (alert,) = wait_for(breach, "the resolution breach alert")
    assert alert["at"] == alert["due"] == "2026-11-25T12:00:00+09:00"
    assert alert["alert"] == f"incident.target_breached#resolve@resolution|A|{tokyo(2026, 11, 25, 12):.6f}"
    assert alert["late_seconds"] == 2.5 * 3600
