"""``pauses at A until B, C``: a pause that resumes at whichever of several events comes first.

Zendesk's *pending* waits until the customer replies or an agent reopens the ticket. A pause took one
resume event (``until B, C`` and ``until B or C`` were syntax errors whose help said it could not be
written); now the first of the listed events to come resumes the clock, and only those: the resume event
of another pause line changes nothing while it is paused.

Policy (below): New York business hours, Mon-Fri 09:00-17:00 with the US holidays; the ``resolution``
clock pauses at ``incident.info_provided`` until ``incident.customer_replied`` or ``incident.reopened``
(declared), and at ``incident.vendor_asked`` until ``incident.vendor_answered``; P1 resolves within 8
business hours, P2 within 30 hours of elapsed time. Daylight saving time ends on Sun 1 Nov 2026 (02:00
EDT, -04:00, is 01:00 EST, -05:00) and begins on Sun 14 Mar 2027 (02:00 EST is 03:00 EDT). Worked by hand:

* ``reopen-first``: P1 reported Mon 2 Nov 09:00, information asked 10:00 (1 h used), reopened 12:00 (it
  resumes), the customer replies 13:00 (nothing): as of 14:00, 3 h used, due 5 h later, Tue 3 Nov 11:00.
* ``reply-first``: the same with the reply at 12:00 and the reopen at 13:00: the reply resumes, the same
  verdict.
* ``other-reason``: reported 09:00, information asked 10:00, the vendor answers 11:00 (the resume event of
  the other pause: nothing), the vendor is asked 11:30 (another pause while paused: nothing); as of 14:00
  paused with 1 h used; the reply at 15:00 resumes: as of 17:00, 3 h used, due Tue 3 Nov 14:00.
* ``fall-business``: reported Fri 30 Oct 14:00 EDT, information asked 16:00 (2 h used), reopened Sat 31
  Oct 10:00 (closed hours: it runs, counting nothing), the reply Mon 2 Nov 09:30 (nothing): as of 09:30
  EST, 2.5 h used; 6 h from Monday 09:00: due Mon 2 Nov 15:00 EST.
* ``fall-elapsed``: P2 reported Sat 31 Oct 20:00 EDT, information asked Sun 1 Nov 00:30 EDT (4.5 h used),
  reopened at the second 01:30 of the night (01:30 EST, two hours later): 25.5 h left, due Mon 2 Nov 03:00
  EST (the wall clock's 26.5 h, the repeated hour counted once).
* ``spring-elapsed``: P2 reported Sat 13 Mar 2027 12:00 EST, information asked Sun 14 Mar 06:00 EDT (17 h
  used: the wall clock says 18), the reply 10:00 EDT resumes, the reopen 12:00 EDT changes nothing: as of
  12:00, 19 h used, due Sun 14 Mar 23:00 EDT (13 h after the resume).

Every path judges them alike: the API's report (rows built from the model), ``sla evaluate --format json``
(written by columns, judged in batches or one incident at a time), ``sla serve``'s watches (the due time
and the held time of a paused clock), ``sla explain``. The property: on random logs of pauses, resumes of
either reason and resolutions around both changes of daylight saving time, in business and elapsed time,
every verdict is that of a slow reference that steps the clock minute by minute on a hand-written calendar.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from evaluate.helpers import report_json
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import sla_dsl
from clocks.helpers import sla
from sla_dsl.authoring.clock_words import hover_clock
from sla_dsl.authoring.fmt import format_text
from sla_dsl.docs.layout import PageContext
from sla_dsl.docs.render import render_policy
from sla_dsl.docs.targets import clock_lines
from sla_dsl.docs.text import declared_events
from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from
from sla_dsl.events.problems import EventInputError
from sla_dsl.lang import model as m
from sla_dsl.lang.compile import compile_text
from sla_dsl.policy import Policy
from sla_dsl.policy.compiled import declared_types
from sla_dsl.serve.tracking import watched

NY = ZoneInfo("America/New_York")
UTC = dt.UTC
MINUTE = dt.timedelta(minutes=1)

PAUSES = (
    "  pauses at incident.info_provided until incident.customer_replied, incident.reopened\n"
    "  pauses at incident.vendor_asked until incident.vendor_answered\n"
)
POLICY = (
    """sla "Pending" {
  format 1
  version "1"
  effective 2026-04-01
  timezone America/New_York
  languages ja, en
}

calendar business "営業時間" / "Business hours" {
  days mon..fri
  hours 09:00-17:00
  holidays US
}

event incident.reopened "担当者による再開" / "Reopened by an agent"
event incident.vendor_asked "メーカーへの問い合わせ" / "Vendor asked"
event incident.vendor_answered "メーカーの回答" / "Vendor answered"

clock response "応答" / "Response" {
  starts at incident.reported
}

clock resolution "解決までの時間" / "Time to resolution" {
  starts at incident.reported
"""
    + PAUSES
    + """  stops at incident.resolved
}

priority P1 "緊急" / "Urgent" {
  definition "停止"
           / "Stopped"
  respond within 4 business hours
  resolve within 8 business hours on resolution
  complete on incident.resolved
}

priority P2 "高" / "High" {
  definition "影響大"
           / "Seriously affected"
  respond within 1 day
  resolve within 30 hours on resolution
  complete on incident.resolved
}
"""
)
#: per priority: the resolve target in minutes, and whether it counts business time
TARGETS = {"P1": (8 * 60, True), "P2": (30 * 60, False)}
#: the US holidays (the ``holidays`` package's, federal) in the months the logs reach
HOLIDAYS = {dt.date(2026, 11, 11), dt.date(2026, 11, 26), dt.date(2026, 12, 25)}


@cache
def policy() -> Policy:
    return sla_dsl.load_policy(POLICY)


def ny(year: int, month: int, day: int, hour: int = 0, minute: int = 0, fold: int = 0) -> dt.datetime:
    """A New York wall-clock time (``fold=1``: the second of a repeated hour)."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=NY, fold=fold)


def ev(event: str, when: dt.datetime, **more: str) -> dict[str, Any]:
    """An event at an instant, written in New York's offset of that instant."""
    return {"event": f"incident.{event}", "at": when.astimezone(NY).isoformat(), "id": "Z1", **more}


def period(events: list[dict[str, Any]]) -> tuple[dt.datetime, dt.datetime]:
    first = dt.datetime.fromisoformat(events[0]["at"])
    return first - dt.timedelta(days=2), first + dt.timedelta(days=40)


# ---- the paths --------------------------------------------------------------------------------------------


def every_path(events: list[dict[str, Any]], as_of: dt.datetime) -> dict[str, Any]:
    """The resolve target's row as every path judges it (they must agree), and the serve watch of it."""
    start, end = period(events)
    report = sla_dsl.evaluate(policy(), events, start, end, as_of)
    api = report.model_dump(mode="json")
    rows = {"api": api["incidents"]}
    for batch in (True, False):
        for columns in (True, False):
            log = log_from(events, declared=declared_types([policy()]))
            got = report_json(judge_log(policy(), log, start, end, as_of, batch=batch), columns)
            rows[f"batch={batch} columns={columns}"] = got["incidents"]
            assert got["violations"] == api["violations"]
    for name, seen in rows.items():
        assert seen == rows["api"], name
    (row,) = rows["api"]
    (resolve,) = [t for t in row["targets"] if t["kind"] == "resolve"]
    log = log_from(events, declared=declared_types([policy()]))
    watches = [w for w in watched(judge_log(policy(), log, start, end, as_of)) if w.kind == "resolve"]
    (target,) = [t for t in report.incidents[0].targets if t.kind == "resolve"]
    resumes = {s.at.timestamp() for s in target.clock_steps if s.act == "resume"}
    return {"row": resolve, "watches": watches, "resumes": resumes}


def verdict(events: list[dict[str, Any]], as_of: dt.datetime) -> tuple[str, float | None, dt.datetime | None]:
    """(status, used minutes, due) of the resolve target, on every path, the serve watch agreeing."""
    judged = every_path(events, as_of)
    row = judged["row"]
    due = dt.datetime.fromisoformat(row["due"]) if row["due"] is not None else None
    status, used = row["status"], row["used_minutes"]
    watches = judged["watches"]
    if status in ("open", "paused") or (status == "breached" and row["met_at"] is None):
        (w,) = watches
        assert w.status == status
        if status != "breached":  # (a paused clock stands still: its alert moves; one that ran out may be paused)
            assert w.running == (status == "open")
        # (one due instant: the first at which the running time reaches the target, also when a stretch of
        # counting ended just then and the clock is paused since, or ran again only later)
        assert w.due == (due.timestamp() if due is not None else None)
        if status == "paused":
            assert w.held == pytest.approx(row["target_minutes"] * 60 - used * 60)
    else:
        assert watches == []
    return status, used, due


# ---- hand-worked --------------------------------------------------------------------------------------------

CASES = {
    "reopen-first": (
        [
            ev("reported", ny(2026, 11, 2, 9), priority="P1"),
            ev("info_provided", ny(2026, 11, 2, 10)),
            ev("reopened", ny(2026, 11, 2, 12)),
            ev("customer_replied", ny(2026, 11, 2, 13)),
        ],
        ny(2026, 11, 2, 14),
        ("open", 180, ny(2026, 11, 3, 11)),
    ),
    "reply-first": (
        [
            ev("reported", ny(2026, 11, 2, 9), priority="P1"),
            ev("info_provided", ny(2026, 11, 2, 10)),
            ev("customer_replied", ny(2026, 11, 2, 12)),
            ev("reopened", ny(2026, 11, 2, 13)),
        ],
        ny(2026, 11, 2, 14),
        ("open", 180, ny(2026, 11, 3, 11)),
    ),
    "other-reason": (
        [
            ev("reported", ny(2026, 11, 2, 9), priority="P1"),
            ev("info_provided", ny(2026, 11, 2, 10)),
            ev("vendor_answered", ny(2026, 11, 2, 11)),
            ev("vendor_asked", ny(2026, 11, 2, 11, 30)),
        ],
        ny(2026, 11, 2, 14),
        ("paused", 60, None),
    ),
    "other-reason-then-reply": (
        [
            ev("reported", ny(2026, 11, 2, 9), priority="P1"),
            ev("info_provided", ny(2026, 11, 2, 10)),
            ev("vendor_answered", ny(2026, 11, 2, 11)),
            ev("vendor_asked", ny(2026, 11, 2, 11, 30)),
            ev("customer_replied", ny(2026, 11, 2, 15)),
        ],
        ny(2026, 11, 2, 17),
        ("open", 180, ny(2026, 11, 3, 14)),
    ),
    "fall-business": (
        [
            ev("reported", ny(2026, 10, 30, 14), priority="P1"),
            ev("info_provided", ny(2026, 10, 30, 16)),
            ev("reopened", ny(2026, 10, 31, 10)),
            ev("customer_replied", ny(2026, 11, 2, 9, 30)),
        ],
        ny(2026, 11, 2, 9, 30),
        ("open", 150, ny(2026, 11, 2, 15)),
    ),
    "fall-elapsed": (
        [
            ev("reported", ny(2026, 10, 31, 20), priority="P2"),
            ev("info_provided", ny(2026, 11, 1, 0, 30)),
            ev("reopened", ny(2026, 11, 1, 1, 30, fold=1)),
        ],
        ny(2026, 11, 1, 1, 30, fold=1),
        ("open", 270, ny(2026, 11, 2, 3)),
    ),
    "spring-elapsed": (
        [
            ev("reported", ny(2027, 3, 13, 12), priority="P2"),
            ev("info_provided", ny(2027, 3, 14, 6)),
            ev("customer_replied", ny(2027, 3, 14, 10)),
            ev("reopened", ny(2027, 3, 14, 12)),
        ],
        ny(2027, 3, 14, 12),
        ("open", 19 * 60, ny(2027, 3, 14, 23)),
    ),
}


def test_the_policy_is_clean() -> None:
    assert compile_text(POLICY).diagnostics == []
    (clock,) = [c for c in policy().model.clocks if c.name == "resolution"]
    assert [(p.at, p.until) for p in clock.pauses] == [
        ("incident.info_provided", ("incident.customer_replied", "incident.reopened")),
        ("incident.vendor_asked", ("incident.vendor_answered",)),
    ]


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_hand_worked_verdicts_on_every_path(case: str) -> None:
    events, as_of, expected = CASES[case]
    status, used, due = verdict(events, as_of)
    assert (status, used, due) == expected
    assert due is None or expected[2] is None or due.utcoffset() == expected[2].utcoffset()
    assert reference(events, as_of) == expected


def test_a_pause_waits_for_each_of_its_events_in_the_explanation() -> None:
    events, as_of, _ = CASES["other-reason"]
    steps = [s["text"] for s in every_path(events, as_of)["row"]["explain"]]
    assert steps == [
        "clock `resolution` starts at reported Mon 02 Nov 09:00",
        "clock `resolution` paused at info_provided until customer_replied or reopened Mon 02 Nov 10:00",
        "clock `resolution` vendor_asked while paused: changes nothing, still waiting for customer_replied or "
        "reopened Mon 02 Nov 11:30",
        "resolution within 8 business hours of running time on clock `resolution`: 1h used, paused as of "
        "Mon 02 Nov 14:00 waiting for customer_replied or reopened: paused",
    ]


def test_a_one_event_pause_is_explained_as_before() -> None:
    """The engine's English of a pause with one resume event is what it always was (the JSON report's bytes)."""
    text = POLICY.replace(PAUSES, "  pauses at incident.info_provided until incident.customer_replied\n")
    events = [
        ev("reported", ny(2026, 11, 2, 9), priority="P1"),
        ev("info_provided", ny(2026, 11, 2, 10)),
        ev("info_provided", ny(2026, 11, 2, 11)),
    ]
    report = sla_dsl.evaluate(sla_dsl.load_policy(text), events, *period(events), ny(2026, 11, 2, 14))
    (row,) = report.incidents
    (resolve,) = [t for t in row.targets if t.kind == "resolve"]
    assert [s.text for s in resolve.explain][1:] == [
        "clock `resolution` paused at info_provided until customer_replied Mon 02 Nov 10:00",
        "clock `resolution` info_provided while paused: changes nothing, still waiting for customer_replied "
        "Mon 02 Nov 11:00",
        "resolution within 8 business hours of running time on clock `resolution`: 1h used, paused as of "
        "Mon 02 Nov 14:00 waiting for customer_replied: paused",
    ]
    assert [(s.act, s.until) for s in resolve.clock_steps] == [
        ("start", ()),
        ("pause", ("incident.customer_replied",)),
        ("ignored", ("incident.customer_replied",)),
    ]


def log_file(tmp_path: Path, events: list[dict[str, Any]]) -> Path:
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    return path


@pytest.mark.parametrize(
    ("lang", "paused", "ignored"),
    [
        (
            "ja",
            "解決までの時間：一時停止（エンド・ユーザー様への情報提供、エンド・ユーザー様からの返答または"
            "「担当者による再開」まで）",
            "解決までの時間：一時停止中のため変化なし（「メーカーへの問い合わせ」、エンド・ユーザー様からの"
            "返答または「担当者による再開」を待っています）",
        ),
        (
            "en",
            "Time to resolution: paused (information given to the end user) until a reply from the end user or "
            "“Reopened by an agent”",
            "Time to resolution: already paused, “Vendor asked” changes nothing (waiting for a reply from the end "
            "user or “Reopened by an agent”)",
        ),
    ],
)
def test_sla_explain_names_every_event_the_pause_waits_for(
    lang: str, paused: str, ignored: str, tmp_path: Path
) -> None:
    events, as_of, _ = CASES["other-reason-then-reply"]
    policy_path = tmp_path / "p.sla"
    policy_path.write_text(POLICY, "utf-8")
    args = ["explain", str(policy_path), str(log_file(tmp_path, events)), "Z1", "--from", "2026-11-01"]
    args += ["--to", "2026-12-01", "--as-of", as_of.isoformat()]
    done = sla(*args, "--lang", lang)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any(line.endswith(paused) for line in lines), done.stdout
    assert any(line.endswith(ignored) for line in lines), done.stdout
    if lang == "ja":
        assert "until" not in done.stdout and " or " not in done.stdout
    got = sla(*args, "--format", "json")
    assert got.returncode == 0, got.stderr
    (row,) = json.loads(got.stdout)
    (resolve,) = [t for t in row["targets"] if t["kind"] == "resolve"]
    assert resolve == every_path(events, as_of)["row"]


# ---- the reference: minute by minute on a hand-written calendar -------------------------------------------


def _counts(minute: dt.datetime, business: bool) -> bool:
    """Whether the minute starting at ``minute`` (an instant) counts: any minute in elapsed time; Mon-Fri
    09:00-17:00 on New York's wall clock, not a US holiday, in business time."""
    local = minute.astimezone(NY)
    return not business or (local.weekday() < 5 and local.date() not in HOLIDAYS and 9 <= local.hour < 17)


#: per event: what it does to the clock (the policy's lines, written out again)
PAUSED_BY = {"incident.info_provided": "pending", "incident.vendor_asked": "vendor"}
RESUMED_BY = {
    "pending": {"incident.customer_replied", "incident.reopened"},
    "vendor": {"incident.vendor_answered"},
}


def reference(events: list[dict[str, Any]], as_of: dt.datetime) -> tuple[str, float | None, dt.datetime | None]:
    """(status, used minutes, due) of the resolve target as of ``as_of``, stepping the clock minute by minute:
    running from the report; a pause event pauses a running clock for its reason; while paused only one of
    that reason's events resumes it; the resolution stops it. The due instant is the end of the minute in
    which the running minutes reach the target (the first instant with that much running time): met iff
    the clock stops at or before it, breached once the stop, or ``as_of`` before one, is after it (also
    when no minute counted since: a stop in closed hours, or while paused); a paused clock has no due time
    before it; an open one is due at the end of the minute that reaches the target, the clock running on."""
    (minutes, business) = TARGETS[events[0]["priority"]]
    timeline = [(dt.datetime.fromisoformat(e["at"]).astimezone(UTC), e["event"]) for e in events]
    start, later = timeline[0][0], [(t, e) for t, e in timeline[1:] if t <= as_of]
    state, reason = "running", ""
    count, reached = 0, None
    stopped_at: dt.datetime | None = None

    def apply(when: dt.datetime, event: str) -> None:
        nonlocal state, reason, stopped_at
        if state == "stopped":
            return
        if event == "incident.resolved":
            state, stopped_at = "stopped", when
        elif state == "running" and event in PAUSED_BY:
            state, reason = "paused", PAUSED_BY[event]
        elif state == "paused" and event in RESUMED_BY[reason]:
            state = "running"

    minute, k = start, 0
    while True:
        while k < len(later) and later[k][0] <= minute:
            apply(*later[k])
            k += 1
        if minute >= as_of and k == len(later):
            break
        if state == "running" and _counts(minute, business):
            count += 1
            if count == minutes:
                reached = minute + MINUTE
        minute += MINUTE
    used = float(count)
    if reached is not None and (stopped_at if stopped_at is not None else as_of) > reached:
        return "breached", used, reached
    if state == "stopped":
        return "met", used, None  # (a met target's due time is the engine's own: not compared)
    if state == "paused":
        return "paused", used, reached  # (none, unless it ran out just as ``as_of``)
    while reached is None:  # running on, with no other event
        if _counts(minute, business):
            count += 1
            if count == minutes:
                reached = minute + MINUTE
        minute += MINUTE
        assert minute < as_of + dt.timedelta(days=30)
    return "open", used, reached.astimezone(NY)


# ---- the property ----------------------------------------------------------------------------------------

#: the first instants of the logs: the week of each change of daylight saving time
BASES = {"fall": ny(2026, 10, 29, 8), "spring": ny(2027, 3, 11, 8)}
#: the events of a log after its report, with weights: pauses of both reasons, resumes of both, resolutions
KINDS = (
    ["info_provided"] * 4
    + ["customer_replied"] * 3
    + ["reopened"] * 3
    + ["vendor_asked"] * 2
    + ["vendor_answered"] * 3
    + ["responded", "resolved"]
)
#: minutes between events: a few, across a close, overnight, over a weekend
GAPS = st.one_of(st.integers(1, 90), st.integers(90, 12 * 60), st.integers(12 * 60, 3 * 24 * 60))


@st.composite
def logs(draw: st.DrawFn) -> tuple[list[dict[str, Any]], dt.datetime]:
    base = BASES[draw(st.sampled_from(sorted(BASES)))]
    at = base + draw(st.integers(0, 3 * 24 * 60)) * MINUTE
    at = at.astimezone(UTC)  # (arithmetic on instants: New York's wall clock skips and repeats an hour)
    events = [ev("reported", at, priority=draw(st.sampled_from(sorted(TARGETS))))]
    for _ in range(draw(st.integers(0, 10))):
        at += draw(GAPS) * MINUTE
        events.append(ev(draw(st.sampled_from(KINDS)), at))
    # as of an event's instant (a resume at that very instant too), or minutes after one
    first = dt.datetime.fromisoformat(events[0]["at"])
    chosen = dt.datetime.fromisoformat(draw(st.sampled_from(events))["at"])
    as_of = chosen + draw(st.one_of(st.just(0), GAPS)) * MINUTE
    return events, max(as_of, first)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(logs())
# 8 business hours run out at the 17:00 close; resolved at 17:30 (stopped after its due instant though no
# minute counted since): breached, due 17:00 (it was called met, 8 h used)
@example(
    ([ev("reported", ny(2026, 11, 2, 9), priority="P1"), ev("resolved", ny(2026, 11, 2, 17, 30))], ny(2026, 11, 3))
)
# the clock paused at 17:30, after its time ran out at 17:00: breached as of 18:00 (it was paused, with no due time)
@example(
    (
        [ev("reported", ny(2026, 11, 2, 9), priority="P1"), ev("info_provided", ny(2026, 11, 2, 17, 30))],
        ny(2026, 11, 2, 18),
    )
)
def test_every_path_gives_the_minute_by_minute_verdict(log: tuple[list[dict[str, Any]], dt.datetime]) -> None:
    events, as_of = log
    status, used, due = verdict(events, as_of)
    want_status, want_used, want_due = reference(events, as_of)
    assert (status, used) == (want_status, want_used)
    if status != "met":  # (as instants: PEP 495 makes a time in a repeated hour unequal to any time in another
        # tzinfo, the same instant included)
        assert _instant(due) == _instant(want_due)


def _instant(t: dt.datetime | None) -> float | None:
    return None if t is None else t.timestamp()


# ---- the checker: a pause's events that contradict each other, located ---------------------------------


def _errors(text: str) -> list[Any]:
    return [d for d in compile_text(text, "p.sla").diagnostics if d.is_error]


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """(line, column) of the ``nth`` ``needle`` in ``text``, 1-based."""
    found = [hit.start() for hit in re.finditer(re.escape(needle), text)][nth]
    line = text.count("\n", 0, found) + 1
    return line, found - text.rfind("\n", 0, found)


def test_a_pause_that_names_its_own_event_among_those_that_resume_it_is_refused_there() -> None:
    line = (
        "  pauses at incident.info_provided until incident.customer_replied, incident.info_provided, "
        "incident.reopened\n"
    )
    text = POLICY.replace(PAUSES, line)
    (d,) = _errors(text)
    assert d.code == "E245"
    assert (d.span.line, d.span.column) == _at(text, "incident.info_provided", 1)
    assert d.message == "clock `resolution` pauses at `incident.info_provided` until the same event"
    fix = "pauses at incident.info_provided until incident.customer_replied, incident.reopened"
    assert d.help == (
        f"take `incident.info_provided` out of `until`: the pause resumes at whichever of the others comes first: "
        f"`{fix}`"
    )
    assert d.help_text("ja") == (
        f"`until` から `incident.info_provided` を外してください。ほかのイベントのうち最初に起きたもので再開します："
        f"`{fix}`"
    )
    assert not _errors(text.replace(line, f"  {fix}\n"))


def test_a_pause_until_its_own_event_alone_is_refused_as_before() -> None:
    text = POLICY.replace(PAUSES, "  pauses at incident.info_provided until incident.info_provided\n")
    (d,) = _errors(text)
    assert (d.code, d.span.line, d.span.column) == ("E245", *_at(text, "incident.info_provided", 1))
    assert d.help == "name the event that resumes it, e.g. `until incident.customer_replied`"


def test_an_event_named_twice_among_those_that_resume_a_pause_is_refused_at_the_second() -> None:
    line = "  pauses at incident.info_provided until incident.reopened, incident.customer_replied, incident.reopened\n"
    text = POLICY.replace(PAUSES, line)
    (d,) = _errors(text)
    assert d.code == "E245"
    assert (d.span.line, d.span.column) == _at(text, "incident.reopened", 2)  # (0: its declaration)
    assert d.message == (
        "clock `resolution` names `incident.reopened` twice among the events that resume its pause at "
        "`incident.info_provided`"
    )
    assert d.text("ja") == (
        "クロック `resolution` の `incident.info_provided` での一時停止は、再開させるイベント `incident.reopened` "
        "を二度書いています"
    )
    fix = "pauses at incident.info_provided until incident.reopened, incident.customer_replied"
    assert d.help == f"name each event once: `{fix}`"
    assert d.help_text("ja") == f"各イベントは一度だけ書いてください：`{fix}`"


def test_a_second_pause_at_one_event_is_told_to_list_both_events_on_one_line() -> None:
    """Two pause lines at one event: the second could never act (E221); what was meant is a pause that resumes
    at either, the one line of both."""
    second = "  pauses at incident.info_provided until incident.vendor_answered\n"
    text = POLICY.replace(PAUSES, PAUSES + second)
    (d,) = _errors(text)
    assert (d.code, d.span.line) == ("E221", _at(text, second.strip())[0])
    fix = (
        "pauses at incident.info_provided until incident.customer_replied, incident.reopened, incident.vendor_answered"
    )
    first = _at(text, "pauses at incident.info_provided")[0]
    assert d.help == (
        f"write the pause as one line (the first is on line {first}): with the events that resume it listed, it "
        f"resumes at whichever comes first: `{fix}`"
    )
    assert d.help_text("ja") is not None and f"`{fix}`" in d.help_text("ja")


def test_the_events_of_a_pause_are_incident_events_and_never_the_report() -> None:
    text = POLICY.replace("until incident.customer_replied, incident.reopened", "until incident.reopened, outage.ended")
    assert [d.code for d in _errors(text)] == ["E244"]
    text = POLICY.replace(
        "until incident.customer_replied, incident.reopened", "until incident.reopened, incident.reported"
    )
    (d,) = _errors(text)
    assert (d.code, d.span.line, d.span.column) == ("E221", *_at(text, "incident.reported", 2))


def test_until_b_or_c_gets_the_line_with_the_comma() -> None:
    text = POLICY.replace(
        "incident.customer_replied, incident.reopened", "incident.customer_replied or incident.reopened"
    )
    (d,) = _errors(text)
    line, column = _at(text, " or ")
    assert (d.code, d.span.line, d.span.column) == ("E011", line, column + 1)
    fix = "pauses at incident.info_provided until incident.customer_replied, incident.reopened"
    assert d.help == f"join the items with `,`, not `or`: `{fix}`"


def test_a_pause_line_written_wrong_shows_the_form_with_several_events() -> None:
    text = POLICY.replace(
        "incident.info_provided until incident.customer_replied", "incident.info_provided incident.customer_replied"
    )
    (d,) = _errors(text)
    assert d.code == "E011"
    assert d.help == (
        "`pauses at` lines are written like `pauses at incident.info_provided until incident.customer_replied` or "
        "`pauses at incident.info_provided until incident.customer_replied, incident.responded`"
    )


# ---- the deadlines counted from a resume --------------------------------------------------------------------


def test_a_deadline_from_the_second_resume_event_past_the_supported_years_is_that_lines_problem(
    tmp_path: Path,
) -> None:
    """The elapsed P2 target resumed by the reopen (the second event of the list) at 20:00 on 2200-12-31 has
    its due time in 2201: E124 on the reopen's line, found before anything is judged, as for a resume by
    the first event."""
    events = [
        ev("reported", ny(2200, 12, 30, 10), priority="P2"),
        ev("info_provided", ny(2200, 12, 30, 11)),
        ev("reopened", ny(2200, 12, 31, 20)),
    ]
    path = log_file(tmp_path, events)
    with pytest.raises(EventInputError) as info:
        sla_dsl.evaluate(policy(), path, "2200-12-01", "2201-01-01")
    [found] = info.value.problems
    assert (found.code, found.line) == ("E124", 3)
    said = str(info.value.in_lang("en"))  # (the API's words are the policy's primary language: its English here)
    assert "(`resolve within 30 hours on resolution` from `2200-12-31T20:00:00-05:00`)" in said


# ---- the words: the site, the hover, fmt and diff ----------------------------------------------------------


def _resolution() -> m.ClockRule:
    (clock,) = [c for c in policy().model.clocks if c.name == "resolution"]
    return clock


def test_the_site_and_the_hover_say_each_event_that_resumes_it() -> None:
    with declared_events(policy().model):
        ja, en = clock_lines(_resolution(), "ja"), clock_lines(_resolution(), "en")
    assert (
        ja[0] == "エンド・ユーザー様への情報提供からエンド・ユーザー様からの返答または「担当者による再開」まで一時停止"
    )
    assert en[0] == (
        "pauses at information given to the end user until a reply from the end user or “Reopened by an agent”"
    )
    pages = {lang: render_policy(policy(), PageContext(lang=lang, source_url="")) for lang in ("ja", "en")}
    assert ja[0] in pages["ja"] and en[0] in pages["en"]
    clock = re.search(r'<ul id="[^"]*resolution[^"]*">(.*?)</ul>', pages["ja"])
    assert clock is not None and not re.search(r"[A-Za-z]", re.sub(r"<[^>]+>", "", clock.group(1)))
    assert "- pauses at `incident.info_provided` until `incident.customer_replied` or `incident.reopened`" in (
        hover_clock(_resolution(), policy().model).splitlines()
    )
    assert (
        "- `incident.info_provided`（エンド・ユーザー様への情報提供）から`incident.customer_replied`"
        "（エンド・ユーザー様からの返答）または`incident.reopened`（「担当者による再開」）まで一時停止"
    ) in hover_clock(_resolution(), policy().model, "ja").splitlines()


def test_fmt_prints_the_list_back_and_again_the_same() -> None:
    messy = POLICY.replace(
        "  pauses at incident.info_provided until incident.customer_replied, incident.reopened\n",
        "  pauses   at incident.info_provided\n      until incident.customer_replied ,incident.reopened\n",
    )
    once = format_text(messy)
    assert once == POLICY
    assert format_text(once) == once
    long = POLICY.replace(
        "incident.customer_replied, incident.reopened",
        "incident.customer_replied, incident.reopened, incident.responded, incident.product_suspected, "
        "incident.reprioritized",
    )
    wrapped = format_text(long)
    assert format_text(wrapped) == wrapped
    assert m.meaning(sla_dsl.load_policy(wrapped).model) == m.meaning(sla_dsl.load_policy(long).model)
    assert (
        "  pauses at incident.info_provided until incident.customer_replied, incident.reopened, incident.responded,\n"
        "    incident.product_suspected, incident.reprioritized\n"
    ) in wrapped


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "ja",
            "~ 解決までの時間の一時停止：エンド・ユーザー様への情報提供から"
            "エンド・ユーザー様からの返答まで、「メーカーへの問い合わせ」から「メーカーの回答」まで → "
            "エンド・ユーザー様への情報提供からエンド・ユーザー様からの返答または「担当者による再開」まで、"
            "「メーカーへの問い合わせ」から「メーカーの回答」まで",
        ),
        (
            "en",
            "~ Time to resolution pauses: information given to the end user until a reply from the end user, "
            "“Vendor asked” until “Vendor answered” -> information given to the end user until a reply from the "
            "end user or “Reopened by an agent”, “Vendor asked” until “Vendor answered”",
        ),
    ],
)
def test_sla_diff_says_a_resume_event_added(tmp_path: Path, lang: str, line: str) -> None:
    old, new = tmp_path / "old.sla", tmp_path / "new.sla"
    old.write_text(POLICY.replace("incident.customer_replied, incident.reopened", "incident.customer_replied"), "utf-8")
    new.write_text(POLICY, "utf-8")
    done = sla("diff", str(old), str(new), "--lang", lang)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [line]


def test_the_order_of_the_resume_events_changes_nothing(tmp_path: Path) -> None:
    old, new = tmp_path / "old.sla", tmp_path / "new.sla"
    old.write_text(POLICY, "utf-8")
    new.write_text(
        POLICY.replace("incident.customer_replied, incident.reopened", "incident.reopened, incident.customer_replied"),
        "utf-8",
    )
    done = sla("diff", str(old), str(new), "--lang", "en")
    assert (done.returncode, done.stdout) == (0, "no change in meaning\n"), done.stderr
