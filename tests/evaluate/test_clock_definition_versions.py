"""Versions that start the response clock at different events (Article 5): one version reads and judges.

An incident is judged under the version in force at its response clock start, and that start is read
from the judging version's own ``starts at`` rule: the first version, by date, whose own rule starts the
clock while it is in force; when none does, the version in force at the report, with its own rule. The
clock is never read from one version's rule and judged under another's targets. The per-incident path
(:func:`sla_dsl.evaluation.incidents.clock_start`) and the columnar one agree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sla_dsl
from sla_dsl.evaluation import judge_log
from sla_dsl.evaluation.common import Versions
from sla_dsl.evaluation.incidents import REPORTED, clock_start
from sla_dsl.events import log_from
from sla_dsl.events.schema import CODE
from sla_dsl.policy import Policy

from .helpers import POLICY_PATH, TZ, policy
from .test_columns import BASE, events

SUSPECTED_ELSE_REPORTED = "starts at incident.product_suspected, else incident.reported"
REPORTED_ONLY = "starts at incident.reported"


def _version(version: str, effective: str, clock: str, hours: int) -> Policy:
    text = POLICY_PATH.read_text("utf-8")
    assert SUSPECTED_ELSE_REPORTED in text and "respond within 4 business hours" in text
    text = text.replace('version "2026.1"', f'version "{version}"').replace(
        "effective 2026-04-01", f"effective {effective}"
    )
    text = text.replace(SUSPECTED_ELSE_REPORTED, clock)
    return sla_dsl.load_policy(
        text.replace("respond within 4 business hours", f"respond within {hours} business hours")
    )


def waits_then_reported() -> list[Policy]:
    """2026.1 starts at the suspicion (else the report), 4 business hours; 2026.2 from Mon 16 Nov starts
    at the report, 2 business hours."""
    return [policy(), _version("2026.2", "2026-11-16", REPORTED_ONLY, 2)]


def reported_then_waits() -> list[Policy]:
    """2026.1 starts at the report, 4 business hours; 2026.2 from Mon 16 Nov at the suspicion (else the
    report), 2 business hours."""
    return [
        _version("2026.1", "2026-04-01", REPORTED_ONLY, 4),
        _version("2026.2", "2026-11-16", SUSPECTED_ELSE_REPORTED, 2),
    ]


def _inc(ident: str, kind: str, at: str, **fields: Any) -> dict[str, Any]:
    return {"event": f"incident.{kind}", "at": f"{at}:00+09:00", "id": ident, **fields}


def _rows(policies: list[Policy], evs: list[dict[str, Any]], batch: bool) -> dict[str, dict[str, Any]]:
    start, end = dt.datetime(2026, 11, 1, tzinfo=TZ), dt.datetime(2026, 12, 1, tzinfo=TZ)
    report = judge_log(policies, log_from(evs), start, end, batch=batch).report().model_dump(mode="json")
    return {row["id"]: row for row in report["incidents"]}


def _both_paths(policies: list[Policy], evs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    fast = _rows(policies, evs, True)
    assert fast == _rows(policies, evs, False)
    return fast


def test_a_clock_the_old_version_starts_after_the_new_one_took_over_is_judged_by_the_old_version() -> None:
    """Reported Fri 13 Nov under 2026.1 (which waits for the suspicion), suspected Mon 16 Nov 10:00 under
    2026.2 (which would have started it at the report, before its own date): no version starts the clock
    in its own time, so 2026.1, in force at the report, reads and judges it: 4 business hours from the
    suspicion, due 15:00, met at 13:30. (It used to take 2026.1's start and 2026.2's 2 hours: breached.)"""
    evs = [
        _inc("X", "reported", "2026-11-13T17:00", priority="P1"),
        _inc("X", "product_suspected", "2026-11-16T10:00"),
        _inc("X", "responded", "2026-11-16T13:30"),
    ]
    row = _both_paths(waits_then_reported(), evs)["X"]
    assert (row["policy_version"], row["clock_event"]) == ("2026.1", "product_suspected")
    assert (row["clock_start"], row["response_due"]) == ("2026-11-16T10:00:00+09:00", "2026-11-16T15:00:00+09:00")
    assert row["status"] == "met"


@pytest.mark.parametrize(
    ("versions", "events_", "expected"),
    [
        # the old version's rule starts the clock in its own time: it judges
        (
            waits_then_reported,
            [("reported", "2026-11-13T17:00"), ("product_suspected", "2026-11-14T10:00")],
            ("2026.1", "product_suspected", "2026-11-14T10:00:00+09:00", "2026-11-16T15:00:00+09:00"),
        ),
        # reported after the new version took over: its rule, in its time
        (
            waits_then_reported,
            [("reported", "2026-11-17T10:00"), ("product_suspected", "2026-11-18T10:00")],
            ("2026.2", "reported", "2026-11-17T10:00:00+09:00", "2026-11-17T12:00:00+09:00"),
        ),
        # both versions' rules start it in their own time: the earlier start (the clock has started)
        (
            reported_then_waits,
            [("reported", "2026-11-13T17:00"), ("product_suspected", "2026-11-17T10:00")],
            ("2026.1", "reported", "2026-11-13T17:00:00+09:00", "2026-11-16T14:00:00+09:00"),
        ),
        # only the new version's rule starts it in its own time (the old one's start is the report, after)
        (
            reported_then_waits,
            [("reported", "2026-11-16T10:00"), ("product_suspected", "2026-11-16T11:00")],
            ("2026.2", "product_suspected", "2026-11-16T11:00:00+09:00", "2026-11-16T14:00:00+09:00"),
        ),
    ],
)
def test_the_version_whose_own_rule_starts_the_clock_in_its_time_judges(
    versions: Any, events_: list[tuple[str, str]], expected: tuple[str, str, str, str]
) -> None:
    evs = [_inc("I", kind, at, **({"priority": "P1"} if kind == "reported" else {})) for kind, at in events_]
    row = _both_paths(versions(), evs)["I"]
    assert (row["policy_version"], row["clock_event"], row["clock_start"], row["response_due"]) == expected


def test_clock_start_reads_the_rule_of_the_version_it_returns() -> None:
    """The helper both paths follow: the version returned always gives the start by its own rule."""
    versions = Versions(waits_then_reported())
    t0 = dt.datetime(2026, 11, 13, 17, tzinfo=TZ).timestamp()
    t1 = dt.datetime(2026, 11, 16, 10, tzinfo=TZ).timestamp()
    rep = (t0, REPORTED, ("P1", None, None), 1)
    suspected = (t1, CODE["incident.product_suspected"], (), 2)
    rules, clock, event = clock_start(versions, {REPORTED: rep, suspected[1]: suspected}, rep)
    assert (rules.version, clock, event) == ("2026.1", t1, "product_suspected")
    rules, clock, event = clock_start(versions, {REPORTED: rep}, rep)
    assert (rules.version, clock, event) == ("2026.1", t0, "reported")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(evs=events(), which=st.sampled_from([waits_then_reported, reported_then_waits]), data=st.data())
def test_both_paths_agree_when_versions_start_the_clock_at_other_events(
    evs: list[dict[str, Any]], which: Any, data: st.DataObject
) -> None:
    """Random logs across the versions' date (``test_columns``' logs, from Tue 10 Nov over a month)."""
    start = data.draw(st.sampled_from([BASE, BASE + dt.timedelta(days=5), BASE + dt.timedelta(days=12)]))
    as_of = data.draw(st.sampled_from([BASE + dt.timedelta(days=20), BASE + dt.timedelta(days=60)]))
    end = dt.datetime(2027, 3, 1, tzinfo=TZ)
    policies = which()
    fast = judge_log(policies, log_from(evs), start, end, as_of, batch=True).report().model_dump(mode="json")
    slow = judge_log(policies, log_from(evs), start, end, as_of, batch=False).report().model_dump(mode="json")
    assert fast == slow
