"""One rule for every target: met iff stopped at or before its due instant.

The due instant of a target is the earliest instant at which its time has run out (for a target on a
named clock: the first instant the clock's running time reaches the duration). The plain response target
was judged so (``docs/original/interpretation.en.md``, row 7); the named targets (``resolve``, ``first
reply``, ``update`` on clocks with pauses) were judged by "met with at most D of running time". The two
differ when the time runs out just as the calendar closes (or the clock pauses) and the stop comes while
nothing counts: ``first reply within 2 business hours`` started 16:00 on a calendar closing at 18:00 is
due 18:00; stopped 19:00 it was called met (2 h used), though its due time was before the stop, judged as
of 18:00:01 it was past due, and ``sla serve`` fires its breach alert at 18:00:01. Now it is breached,
due 18:00, on every path (the Python API, ``sla evaluate --format json``, the columnar and row writers,
judged in batches or one incident at a time), whatever the instant it is judged at after its due time
(a status never turns from breached to met as time goes on), and ``sla serve``'s watch gives the same
due instant (a clock paused just as its time ran out included).

The table: each shipped example policy (``policies/examples/*.sla``) with a target whose time runs out
exactly at a closing time (18:00, the lunch close 12:00, Saturday's 13:00, London's 17:30) and a stop
in the closed hours after it.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

import pytest
from evaluate.helpers import report_json

import sla_dsl
from clocks.helpers import ROOT, sla
from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from
from sla_dsl.policy import Policy
from sla_dsl.policy.compiled import declared_types
from sla_dsl.serve.tracking import watched

TOKYO = ZoneInfo("Asia/Tokyo")
LONDON = ZoneInfo("Europe/London")
SECOND = dt.timedelta(seconds=1)


def at(text: str, zone: ZoneInfo = TOKYO) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=zone)


def ev(event: str, when: str, zone: ZoneInfo = TOKYO, **more: str) -> dict[str, Any]:
    return {"event": f"incident.{event}", "at": at(when, zone).isoformat(), "id": "X1", **more}


class Case(NamedTuple):
    policy: str  # the file under policies/examples
    events: list[dict[str, Any]]
    #: the target: ``response`` (the priority's own) or a named target's kind
    kind: str
    due: dt.datetime
    stop: dt.datetime
    #: the period judged: [start, end)
    period: tuple[str, str] = ("2026-06-01", "2026-07-01")
    #: ``sla serve`` is asked as of this instant too (a clock paused after its time ran out)
    watch_at: dt.datetime | None = None


CASES = {
    # helpdesk: 09:00-12:00, 13:00-18:00 Mon-Fri (Mon 1 June 2026)
    "helpdesk-first-reply-at-18": Case(
        "helpdesk.sla",
        [
            ev("reported", "2026-06-01 15:00", priority="P1"),
            ev("product_suspected", "2026-06-01 16:00"),
            ev("responded", "2026-06-01 19:00"),
        ],
        "first_reply",
        at("2026-06-01 18:00"),
        at("2026-06-01 19:00"),
    ),
    "helpdesk-resolve-at-the-lunch-close": Case(
        "helpdesk.sla",
        [
            ev("reported", "2026-06-01 13:00", priority="P1"),
            ev("responded", "2026-06-01 13:30"),
            ev("resolved", "2026-06-03 12:30"),
        ],
        "resolve",
        at("2026-06-03 12:00"),  # 2 business days = 16 h: 5 on Mon, 8 on Tue, 3 on Wed
        at("2026-06-03 12:30"),
    ),
    "helpdesk-resolve-paused-after-it-ran-out": Case(
        "helpdesk.sla",
        [
            ev("reported", "2026-06-01 09:00", priority="P1"),
            ev("responded", "2026-06-01 09:30"),
            ev("info_provided", "2026-06-02 19:00"),  # the clock pauses in closed hours, its time run out
            ev("resolved", "2026-06-02 20:00"),  # stopped while paused
        ],
        "resolve",
        at("2026-06-02 18:00"),
        at("2026-06-02 20:00"),
        watch_at=at("2026-06-02 19:30"),
    ),
    "helpdesk-resolve-paused-just-as-it-ran-out": Case(
        "helpdesk.sla",
        [
            ev("reported", "2026-06-01 09:00", priority="P1"),
            ev("responded", "2026-06-01 09:30"),
            ev("info_provided", "2026-06-02 18:00"),
            ev("resolved", "2026-06-02 20:00"),
        ],
        "resolve",
        at("2026-06-02 18:00"),
        at("2026-06-02 20:00"),
        watch_at=at("2026-06-02 19:30"),
    ),
    "helpdesk-update-at-18": Case(
        "helpdesk.sla",
        [
            ev("reported", "2026-06-01 14:00", priority="P1"),
            ev("responded", "2026-06-01 19:00"),  # the first update, an hour after 4 business hours ran out
            ev("resolved", "2026-06-02 09:30"),
        ],
        "update",
        at("2026-06-01 18:00"),
        at("2026-06-01 19:00"),
    ),
    "helpdesk-response-at-18": Case(
        "helpdesk.sla",
        [ev("reported", "2026-06-01 17:00", priority="P1"), ev("responded", "2026-06-01 18:30")],
        "response",
        at("2026-06-01 18:00"),
        at("2026-06-01 18:30"),
    ),
    # plans: 10:00-12:00, 13:00-18:00; P1 (standard) responds within 4 business hours
    "plans-response-at-18": Case(
        "plans.sla",
        [ev("reported", "2026-06-01 14:00", priority="P1"), ev("responded", "2026-06-01 19:00")],
        "response",
        at("2026-06-01 18:00"),
        at("2026-06-01 19:00"),
    ),
    # london_desk: London 09:00-17:30; P1 responds within 4 desk hours
    "london-desk-response-at-17-30": Case(
        "london_desk.sla",
        [
            ev("reported", "2026-10-05 13:30", LONDON, priority="P1"),
            ev("responded", "2026-10-05 18:00", LONDON),
        ],
        "response",
        at("2026-10-05 17:30", LONDON),
        at("2026-10-05 18:00", LONDON),
        ("2026-10-01", "2026-11-01"),
    ),
    # saturday_desk: Saturdays 10:00-13:00; P1 responds within 4 business hours (1 on Friday, 3 on Saturday)
    "saturday-desk-response-at-13": Case(
        "saturday_desk.sla",
        [ev("reported", "2026-10-02 17:00", priority="P1"), ev("responded", "2026-10-03 14:00")],
        "response",
        at("2026-10-03 13:00"),
        at("2026-10-03 14:00"),
        ("2026-10-01", "2026-11-01"),
    ),
}


@cache
def load(name: str) -> Policy:
    return sla_dsl.load_policy(ROOT / "policies" / "examples" / name)


def _row(incidents: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    """The target's fields (JSON values): the incident's own for the response target."""
    (inc,) = incidents
    if kind == "response":
        return {"status": inc["status"], "due": inc["response_due"], "met_at": inc["responded_at"]}
    (target,) = [x for x in inc["targets"] if x["kind"] == kind]
    return dict(target)


def every_path(case: Case, as_of: dt.datetime | None = None) -> dict[str, Any]:
    """The target's row as every path of the evaluator gives it (they must agree)."""
    policy = load(case.policy)
    start, end = (at(d) for d in case.period)
    api = sla_dsl.evaluate(policy, case.events, start, end, as_of).model_dump(mode="json")
    for batch in (True, False):
        for columns in (True, False):
            log = log_from(case.events, declared=declared_types([policy]))
            got = report_json(judge_log(policy, log, start, end, as_of, batch=batch), columns)
            assert got["incidents"] == api["incidents"], (batch, columns)
            assert got["violations"] == api["violations"], (batch, columns)
    return _row(api["incidents"], case.kind)


def _instant(text: str | None) -> float | None:
    return None if text is None else dt.datetime.fromisoformat(text).timestamp()


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_stop_in_closed_hours_after_the_due_instant_is_breached_on_every_path(name: str) -> None:
    case = CASES[name]
    got = every_path(case)
    assert (got["status"], _instant(got["due"]), _instant(got["met_at"])) == (
        "breached",
        case.due.timestamp(),
        case.stop.timestamp(),
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_sla_evaluate_format_json_says_breached(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    log = tmp_path / "events.jsonl"
    log.write_text("".join(json.dumps(e) + "\n" for e in case.events), "utf-8")
    policy = ROOT / "policies" / "examples" / case.policy
    done = sla("evaluate", str(policy), str(log), "--from", case.period[0], "--to", case.period[1], "--format", "json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    got = _row(report["incidents"], case.kind)
    assert (got["status"], _instant(got["due"])) == ("breached", case.due.timestamp())
    assert got == every_path(case)
    assert [v["at"] for v in report["violations"] if v["id"] == "X1" and _instant(v["at"]) == case.due.timestamp()]


@pytest.mark.parametrize("name", sorted(CASES))
def test_once_breached_it_stays_breached_as_time_goes_on(name: str) -> None:
    """As of the due instant the target is not breached; from a second after it on, breached, with the same
    due instant: a status never turns from breached to met."""
    case = CASES[name]
    assert every_path(case, case.due)["status"] != "breached"
    for as_of in (case.due + SECOND, case.stop - SECOND, case.stop, case.stop + dt.timedelta(days=3)):
        got = every_path(case, as_of)
        assert (got["status"], _instant(got["due"])) == ("breached", case.due.timestamp()), as_of


def test_the_explanation_says_the_stop_came_after_due() -> None:
    got = every_path(CASES["helpdesk-first-reply-at-18"])
    assert got["explain"][-1]["text"] == (
        "first reply within 2 business hours of running time on clock `suspicion` ran out Mon 01 Jun 18:00; "
        "stopped Mon 01 Jun 19:00, after due: breached"
    )
    got = every_path(CASES["helpdesk-update-at-18"])
    assert "no responded or info_provided within 4 business hours of running time after Mon 01 Jun 14:00: missed" in [
        s["text"] for s in got["explain"]
    ]
    assert got["missed"] == 1


def test_a_stop_at_the_due_instant_is_met() -> None:
    """The rule's other side: a stop at the very instant the time runs out meets it (18:00 sharp)."""
    case = CASES["helpdesk-first-reply-at-18"]
    events = [*case.events[:2], ev("responded", "2026-06-01 18:00")]
    got = every_path(case._replace(events=events))
    assert (got["status"], _instant(got["due"]), _instant(got["met_at"])) == (
        "met",
        case.due.timestamp(),
        case.due.timestamp(),
    )


@pytest.mark.parametrize("name", [n for n in sorted(CASES) if CASES[n].kind != "response"])
def test_sla_serve_watches_the_same_due_instant(name: str) -> None:
    """``sla serve``'s watch of the target, a second after its due instant (and while the clock stands
    paused after it ran out), is due at the report's due instant: its breach alert fires a second later."""
    case = CASES[name]
    policy = load(case.policy)
    start, end = (at(d) for d in case.period)
    for as_of in (case.due + SECOND, *([case.watch_at] if case.watch_at is not None else [])):
        events = [e for e in case.events if dt.datetime.fromisoformat(e["at"]) <= as_of]
        log = log_from(events, declared=declared_types([policy]))
        (w,) = [w for w in watched(judge_log(policy, log, start, end, as_of)) if w.kind == case.kind]
        assert (w.status, w.due) == ("breached", case.due.timestamp()), as_of
