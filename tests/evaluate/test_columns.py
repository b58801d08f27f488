"""The columnar incident path gives exactly the verdicts of the per-incident reference path.

``judge_log(..., batch=False)`` judges every incident one at a time (the
reference reading of the rules); the default judges the plain ones on numpy
columns. Random logs (ties, duplicates, events out of order, missing reports,
reprioritisations, exclusions, fractional seconds, two policy versions, any
``as_of``) must give the same report, byte for byte; and the same log with its
lines shuffled must give that report again (but for the line numbers that
``data`` violations name).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from

from .helpers import TZ, policy
from .test_backups_versions_data import two_versions
from .test_targets import targets_policy

FOLLOW_UPS = [
    "incident.product_suspected",
    "incident.responded",
    "incident.responded",
    "incident.info_provided",
    "incident.info_provided",
    "incident.customer_replied",
    "incident.resolved",
]
BASE = dt.datetime(2026, 11, 10, tzinfo=TZ)  # a Tuesday; 23 Nov is a holiday
SILENCE = dt.timedelta(hours=70)  # P2/P3 complete after 10 business days (of 7 hours) of silence


@st.composite
def instants(draw: st.DrawFn) -> dt.datetime:
    # Few distinct instants, at business-hour edges, so that ties (an event at the
    # very deadline another one sets, two events at one instant) are common.
    day = draw(st.integers(0, 30))
    minute = draw(st.sampled_from([0, 600, 720, 780, 1080, 1080, 600, 660]))
    if draw(st.integers(0, 5)) == 0:
        minute = draw(st.integers(0, 1439))
    micro = 250_000 if draw(st.integers(0, 7)) == 0 else 0
    return BASE + dt.timedelta(days=day, minutes=minute, microseconds=micro)


@st.composite
def events(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A few incidents, most of them plain (one report, then follow-ups), some not."""
    out: list[dict[str, Any]] = []
    for n in range(draw(st.integers(1, 6))):
        ident = f"I{n}"
        reports = draw(st.sampled_from([1, 1, 1, 1, 1, 1, 0, 2]))
        kinds = ["incident.reported"] * reports + draw(st.lists(st.sampled_from(FOLLOW_UPS), max_size=6))
        if draw(st.integers(0, 7)) == 0:
            kinds.append("incident.reprioritized")
        times: list[dt.datetime] = []
        for kind in kinds:
            at = draw(instants())
            if times and draw(st.integers(0, 3)) == 0:
                # exactly the silence deadline (10 business days) after an earlier event
                at = policy().add_business_time(draw(st.sampled_from(times)), SILENCE)
            elif times and draw(st.integers(0, 3)) == 0:
                at = draw(st.sampled_from(times))  # the very instant of an earlier event (a tie)
            times.append(at)
            e: dict[str, Any] = {"event": kind, "at": at.isoformat(), "id": ident}
            if kind in ("incident.reported", "incident.reprioritized"):
                e["priority"] = draw(st.sampled_from(["P1", "P2", "P3"]))
            if kind == "incident.reported":
                cause = draw(st.sampled_from([None, None, None, "force_majeure", "customer_fault"]))
                if cause:
                    e["cause"] = cause
            out.append(e)
            if draw(st.integers(0, 9)) == 0:
                out.append(dict(e))  # an exact duplicate
    return draw(st.permutations(out)) if draw(st.booleans()) else out


def _report(evs: list[dict[str, Any]], policies: Any, start: dt.datetime, as_of: dt.datetime, batch: bool) -> Any:
    end = dt.datetime(2027, 3, 1, tzinfo=TZ)
    return judge_log(policies, log_from(evs), start, end, as_of, batch=batch).report().model_dump(mode="json")


def _unlined(report: dict[str, Any]) -> dict[str, Any]:
    """The report with the line numbers that ``data`` violations name blotted out."""
    for v in report["violations"]:
        v["message"] = re.sub(r"\blines? \d+", "line N", re.sub(r"^<events>:\d+: ", "", v["message"]))
    return report


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(evs=events(), two=st.booleans(), data=st.data())
def test_columns_agree_with_the_per_incident_path(evs: list[dict[str, Any]], two: bool, data: st.DataObject) -> None:
    policies = two_versions() if two else policy()
    times = sorted({dt.datetime.fromisoformat(e["at"]) for e in evs})
    echoes = [policy().add_business_time(x, SILENCE) for x in times]
    # the period's start and as_of: often an event's instant or a silence deadline (ties)
    start = data.draw(st.sampled_from([BASE, BASE + dt.timedelta(days=5), BASE + dt.timedelta(days=12), *times]))
    as_of = data.draw(st.sampled_from([BASE + dt.timedelta(days=20), BASE + dt.timedelta(days=60), *times, *echoes]))
    fast = _report(evs, policies, start, as_of, True)
    assert fast == _report(evs, policies, start, as_of, False)
    # Lines in another order: the same report, whatever the line numbers (on the reference
    # path; the columnar one gets shuffled logs as they come, and must agree with it).
    shuffled = data.draw(st.permutations(evs))
    assert _unlined(_report(shuffled, policies, start, as_of, False)) == _unlined(fast)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(evs=events(), data=st.data())
def test_columns_agree_with_the_per_incident_path_with_pauses_and_several_targets(
    evs: list[dict[str, Any]], data: st.DataObject
) -> None:
    # P1 has a resolution target on a clock that pauses while waiting for the customer, a
    # periodic update and a first reply on a second clock: its incidents go to the per-incident
    # path, P2 and P3 stay on the columns; the report must not depend on the path.
    pol = targets_policy()
    times = sorted({dt.datetime.fromisoformat(e["at"]) for e in evs})
    start = data.draw(st.sampled_from([BASE, BASE + dt.timedelta(days=5), *times]))
    as_of = data.draw(st.sampled_from([BASE + dt.timedelta(days=20), BASE + dt.timedelta(days=60), *times]))
    fast = _report(evs, pol, start, as_of, True)
    assert fast == _report(evs, pol, start, as_of, False)


def _inc(kind: str, at: str, **fields: Any) -> dict[str, Any]:
    return {"event": f"incident.{kind}", "at": f"{at}:00+09:00", "id": "I", **fields}


# Mon 16 Nov 10:00 + 10 business days of 7 hours (23 Nov is a holiday) = Mon 30 Nov 18:00.
INFO = "2026-11-16T10:00"
DEADLINE = "2026-11-30T18:00"


@pytest.mark.parametrize(
    ("extra", "as_of", "completion", "completed"),
    [
        ([], DEADLINE, "silence", DEADLINE),  # as_of at the very deadline: silence has run out
        ([], "2026-11-30T17:59", None, None),  # a minute before
        ([_inc("customer_replied", DEADLINE)], "2026-12-10T00:00", None, None),  # a reply at the deadline
        ([_inc("customer_replied", "2026-11-30T18:01")], "2026-12-10T00:00", "silence", DEADLINE),
        ([_inc("resolved", DEADLINE)], "2026-12-10T00:00", "resolved", DEADLINE),  # resolved at the deadline
        ([_inc("resolved", "2026-11-30T18:01")], "2026-12-10T00:00", "silence", DEADLINE),
        ([_inc("info_provided", "2026-11-20T10:00")], "2026-12-10T00:00", "silence", "2026-12-04T18:00"),
        ([_inc("info_provided", INFO)], "2026-12-10T00:00", "silence", DEADLINE),  # a duplicate
    ],
)
def test_silence_edges_on_both_paths(extra: list[dict[str, Any]], as_of: str, completion: str, completed: str) -> None:
    evs = [_inc("reported", "2026-11-16T09:00", priority="P2"), _inc("info_provided", INFO), *extra]
    when = dt.datetime.fromisoformat(f"{as_of}:00+09:00")
    for batch in (True, False):
        (row,) = _report(evs, policy(), BASE, when, batch)["incidents"]
        assert (row["completion"], row["completed_at"]) == (
            completion,
            f"{completed}:00+09:00" if completed else None,
        ), batch


@pytest.mark.parametrize(("resolved", "listed"), [("2026-11-12T00:00", True), ("2026-11-11T23:59", False)])
def test_completed_before_the_period_is_not_listed_on_both_paths(resolved: str, listed: bool) -> None:
    evs = [_inc("reported", "2026-11-10T10:00", priority="P1"), _inc("resolved", resolved)]
    start = dt.datetime(2026, 11, 12, tzinfo=TZ)
    for batch in (True, False):
        rows = _report(evs, policy(), start, start + dt.timedelta(days=20), batch)["incidents"]
        assert bool(rows) is listed, batch


@settings(max_examples=300, deadline=None)
@given(evs=events())
def test_prepare_orders_and_deduplicates_like_the_reference(evs: list[dict[str, Any]]) -> None:
    from sla_dsl.evaluation.incident_columns import prepare
    from sla_dsl.evaluation.order import payload_key

    log = log_from(evs)
    as_of = (BASE + dt.timedelta(days=20)).timestamp()
    p = prepare(log.incidents, as_of)
    dups = 0
    for i, ident in enumerate(p.ids):
        want: list[Any] = []
        for r in sorted(log.incidents[ident], key=lambda r: (r[0], r[1], payload_key(r[2]), r[3])):
            if r[0] > as_of:
                continue
            if any(k[0] == r[0] and k[1] == r[1] and k[2] == r[2] for k in want):
                dups += 1
                continue
            want.append(r)
        assert p.records(i) == want
    assert p.duplicates == dups


def test_a_plain_log_takes_the_columnar_path() -> None:
    """The property above only means something if plain incidents really take the columns."""
    from sla_dsl.evaluation.common import Ctx, Versions
    from sla_dsl.evaluation.incident_columns import judge_columns, prepare

    evs = [
        {"event": "incident.reported", "at": "2026-11-10T10:00:00+09:00", "id": "A", "priority": "P1"},
        {"event": "incident.responded", "at": "2026-11-10T11:00:00+09:00", "id": "A"},
        {"event": "incident.responded", "at": "2026-11-10T09:00:00+09:00", "id": "B"},  # before its report
        {"event": "incident.reported", "at": "2026-11-10T10:00:00+09:00", "id": "B", "priority": "P2"},
        {"event": "incident.resolved", "at": "2026-11-10T12:00:00+09:00", "id": "C"},  # never reported
    ]
    log = log_from(evs)
    p0 = BASE.timestamp()
    ctx = Ctx(Versions([policy()]), p0, p0 + 86400 * 30, p0 + 86400 * 30, "<test>")
    judged = judge_columns(ctx, prepare(log.incidents, ctx.as_of))
    assert [inc.ident for inc in judged.items] == ["A"]
    assert judged.slow == [1, 2]


def test_prepare_sorts_one_instant_by_type_then_line() -> None:
    from sla_dsl.evaluation.incident_columns import prepare

    at = "2026-11-16T10:00:00+09:00"
    evs = [
        {"event": "incident.responded", "at": at, "id": "I"},
        {"event": "incident.reported", "at": at, "id": "I", "priority": "P1"},
        {"event": "incident.reported", "at": at, "id": "I", "priority": "P2"},
    ]
    p = prepare(log_from(evs).incidents, BASE.timestamp() + 86400 * 30)
    assert [(r[2], r[3]) for r in p.records(0)] == [(("P1", None, None), 2), (("P2", None, None), 3), ((), 1)]


def test_a_clock_rule_changed_by_a_later_version_is_named_alike_on_both_paths() -> None:
    """Reported under v1 (clock at ``product_suspected``, else ``reported``), suspected after v2
    (clock at ``reported`` only) came into force: v1's own rule starts the clock at the suspicion,
    so it is judged under v1, and its event is named alike on both paths, with the whole report alike."""
    import sla_dsl

    from .helpers import POLICY_PATH

    text = POLICY_PATH.read_text("utf-8")
    rule = "starts at incident.product_suspected, else incident.reported"
    assert rule in text
    v2 = text.replace('version "2026.1"', 'version "2026.2"').replace("effective 2026-04-01", "effective 2026-11-16")
    policies = [policy(), sla_dsl.load_policy(v2.replace(rule, "starts at incident.reported"))]
    evs = [
        _inc("reported", "2026-11-13T16:00", priority="P1"),
        _inc("product_suspected", "2026-11-16T10:00"),
        _inc("responded", "2026-11-16T13:30"),
    ]
    as_of = BASE + dt.timedelta(days=20)
    fast = _report(evs, policies, BASE, as_of, True)
    assert fast == _report(evs, policies, BASE, as_of, False)
    (row,) = fast["incidents"]
    assert (row["clock_event"], row["clock_start"]) == ("product_suspected", "2026-11-16T10:00:00+09:00")
