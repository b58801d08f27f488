"""A report whose incident rows and violations are built when read equals the one built up front.

``Evaluation.report()`` hands the pydantic ``Report`` a :class:`~sla_dsl.report.rows.Rows` for
``incidents`` and ``violations``; ``report(lazy=False)`` builds every row first (what the API
did before). Every way a caller reads a report must not tell them apart: the models, ``==``,
``model_dump`` in both modes and with its options, ``model_dump_json``, the rendered reports,
the Arrow tables, pickling, copies, and ``model_validate`` of a dump.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
import pickle
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sla_dsl
from sla_dsl.evaluation import judge_log
from sla_dsl.events.reader import log_from, read_events
from sla_dsl.report import IncidentRow, Report, Violation
from sla_dsl.report.render import render
from sla_dsl.report.rows import Rows
from sla_dsl.report.tables import report_tables

from .helpers import EXAMPLE, POLICY

TOKYO = dt.timezone(dt.timedelta(hours=9))
MONTH = (dt.datetime(2026, 11, 1, tzinfo=TOKYO), dt.datetime(2026, 12, 1, tzinfo=TOKYO))
AS_OF = dt.datetime(2026, 11, 18, 15, tzinfo=TOKYO)


@functools.cache
def policy() -> sla_dsl.Policy:
    return sla_dsl.load_policy(POLICY)


@functools.cache
def two_versions() -> list[sla_dsl.Policy]:
    """The policy and a version in force from 16 November with a shorter P1 target."""
    text = POLICY.read_text("utf-8").replace('version "2026.1"', 'version "2026.2"')
    text = text.replace("effective 2026-04-01", "effective 2026-11-16")
    return [policy(), sla_dsl.load_policy(text.replace("within 4 business hours", "within 2 business hours"))]


def _at(minutes: int) -> str:
    return (MONTH[0] + dt.timedelta(minutes=minutes)).isoformat()


#: minutes from 1 November 00:00: the start of the month, business-hour edges, the 23rd (a holiday), late
_TIMES = st.one_of(st.integers(-3 * 1440, 32 * 1440), st.sampled_from([0, 1440 + 600, 1440 + 1080, 22 * 1440 + 660]))
_STEPS = ("product_suspected", "responded", "info_provided", "customer_replied", "resolved", "reprioritized")


@st.composite
def events(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A random month of incidents (every event type, reprioritised, excluded), outages and backups."""
    out: list[dict[str, Any]] = []
    for n in range(draw(st.integers(0, 12))):
        t0 = draw(_TIMES)
        rep: dict[str, Any] = {"event": "incident.reported", "at": _at(t0), "id": f"INC-{n}"}
        rep["priority"] = draw(st.sampled_from(["P1", "P2", "P3"]))
        if draw(st.integers(0, 5)) == 0:
            rep["cause"] = "force_majeure"
        out.append(rep)
        for step in draw(st.lists(st.sampled_from(_STEPS), max_size=5, unique=True)):
            ev = {"event": f"incident.{step}", "at": _at(t0 + draw(st.integers(1, 20 * 1440))), "id": f"INC-{n}"}
            if step == "reprioritized":
                ev["priority"] = draw(st.sampled_from(["P1", "P2", "P3"]))
            out.append(ev)
    for n in range(draw(st.integers(0, 3))):
        t0 = draw(_TIMES)
        out.append({"event": "outage.started", "at": _at(t0), "id": f"OUT-{n}"})
        for step, late in (("recognized", 5), ("notified", draw(st.integers(10, 600))), ("ended", 120)):
            if draw(st.booleans()):
                out.append({"event": f"outage.{step}", "at": _at(t0 + late), "id": f"OUT-{n}"})
    for day in draw(st.lists(st.integers(0, 29), max_size=6, unique=True)):
        out.append({"event": "backup.completed", "at": _at(day * 1440 + 120), "id": f"DB-{day}", "kind": "database"})
    return out


def both(as_of: dt.datetime | None = AS_OF) -> tuple[Report, Report]:
    """The example month's report, lazy and built up front."""
    result = judge_log(policy(), read_events(EXAMPLE), *MONTH, as_of)
    return result.report(), result.report(lazy=False)


def same(lazy: Report, eager: Report) -> None:
    """Every reading of the two reports agrees."""
    assert isinstance(lazy.incidents, Rows) and isinstance(eager.incidents, list)
    assert lazy == eager and eager == lazy
    assert lazy.incidents == eager.incidents and lazy.violations == eager.violations
    assert list(lazy.incidents) == eager.incidents
    assert all(isinstance(r, IncidentRow) for r in lazy.incidents)
    assert all(isinstance(v, Violation) for v in lazy.violations)
    assert lazy.model_dump() == eager.model_dump()
    assert lazy.model_dump(mode="json") == eager.model_dump(mode="json")
    assert lazy.model_dump_json() == eager.model_dump_json()
    assert lazy.model_dump_json(indent=2) == eager.model_dump_json(indent=2)


def test_the_api_gives_the_lazy_report() -> None:
    lines = EXAMPLE.read_text("utf-8").splitlines()
    report = sla_dsl.evaluate(policy(), [json.loads(x) for x in lines if x.strip() and not x.startswith("#")], *MONTH)
    assert isinstance(report.incidents, Rows) and isinstance(report.violations, Rows)
    eager = judge_log(policy(), read_events(EXAMPLE), *MONTH).report(lazy=False)
    eager.trend = report.trend  # (the trend is added by evaluate, not by judge_log)
    assert report.model_dump_json() == eager.model_dump_json()


def test_example_month_lazy_equals_eager() -> None:
    lazy, eager = both()
    assert len(lazy.incidents) == len(eager.incidents) > 50 and len(lazy.violations) > 5
    same(lazy, eager)
    for fmt in ("json", "text", "markdown", "html"):
        assert render(lazy, fmt) == render(eager, fmt)
    for ident in ("INC-054", "OUT-09", "nothing"):
        assert lazy.find(ident) == eager.find(ident)
    lazy_tables, eager_tables = report_tables(lazy), report_tables(eager)
    assert lazy_tables.keys() == eager_tables.keys()
    for name, table in eager_tables.items():
        assert lazy_tables[name].equals(table), name


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(log=events(), two=st.booleans(), data=st.data())
def test_random_logs_lazy_equals_eager(log: list[dict[str, Any]], two: bool, data: st.DataObject) -> None:
    policies = two_versions() if two else policy()
    start = data.draw(st.sampled_from([MONTH[0], MONTH[0] + dt.timedelta(days=9, hours=10)]))
    as_of = data.draw(st.sampled_from([None, MONTH[0] + dt.timedelta(days=20, hours=13)]))
    result = judge_log(policies, log_from(log), start, MONTH[1], as_of)
    same(result.report(), result.report(lazy=False))


@pytest.mark.parametrize(
    "options",
    [
        {"exclude_none": True},
        {"exclude_defaults": True},
        {"exclude_unset": True},
        {"round_trip": True},
        {"by_alias": True},
        {"exclude": {"incidents": {0, 2}, "violations": {"__all__": {"message"}}}},
        {"include": {"incidents": {1: {"id", "status"}}, "violations": True}},
        {"exclude": {"incidents": True}},
    ],
)
def test_dump_options_are_those_of_a_list(options: dict[str, Any]) -> None:
    lazy, eager = both()
    for mode in ("python", "json"):
        assert lazy.model_dump(mode=mode, **options) == eager.model_dump(mode=mode, **options)
    assert lazy.model_dump_json(**options) == eager.model_dump_json(**options)


def test_pickle_and_validate_round_trips() -> None:
    lazy, eager = both()
    back = pickle.loads(pickle.dumps(lazy))
    assert type(back.incidents) is list and type(back.violations) is list  # a plain report on the other side
    assert back == eager and back.model_dump_json() == eager.model_dump_json()
    # (fields kept out of the JSON, the data some words are built from, do not come back: compare the JSON)
    assert Report.model_validate(lazy.model_dump()).model_dump_json() == eager.model_dump_json()
    assert Report.model_validate(lazy.model_dump(mode="json")).model_dump_json() == eager.model_dump_json()
    assert Report.model_validate_json(lazy.model_dump_json()).model_dump_json() == eager.model_dump_json()


def test_copies() -> None:
    lazy, eager = both()
    shallow, deep = lazy.model_copy(), lazy.model_copy(deep=True)
    assert shallow == eager and deep == eager
    assert copy.copy(lazy.incidents) == eager.incidents and type(copy.copy(lazy.incidents)) is list
    held = deep.incidents[0]
    held.status = "excluded"  # a copy's row is its own
    assert deep.incidents[0].status == "excluded" and lazy.incidents[0] == eager.incidents[0]


def test_a_row_held_is_the_reports_row() -> None:
    lazy, eager = both()
    row = lazy.incidents[3]
    assert lazy.incidents[3] is row and lazy.incidents[-len(lazy.incidents) + 3] is row
    row.status = "excluded"
    eager.incidents[3].status = "excluded"
    assert lazy.model_dump_json() == eager.model_dump_json()
    assert render(lazy, "text") == render(eager, "text")  # the table reads the changed row, not the verdict
    assert lazy == eager


def test_changing_the_list_makes_it_a_list() -> None:
    lazy, eager = both()
    for rows in (lazy.incidents, eager.incidents):
        extra = rows[0].model_copy(update={"id": "INC-NEW"})
        rows.append(extra)
        del rows[1]
        rows.sort(key=lambda r: r.id)
        rows[0] = rows[0].model_copy(update={"priority": "P3"})
    assert lazy.incidents == eager.incidents and len(lazy.incidents) == len(eager.incidents)
    assert lazy.model_dump_json() == eager.model_dump_json()
    assert lazy.find("INC-NEW") == eager.find("INC-NEW") != []


def test_sequence_behaviour_of_a_list() -> None:
    lazy, eager = both()
    rows, plain = lazy.incidents, eager.incidents
    assert rows[2:5] == plain[2:5] and rows[::-7] == plain[::-7] and rows[-1] == plain[-1]
    assert rows + plain[:1] == [*plain, plain[0]] and plain[:1] + rows == [plain[0], *plain]
    assert rows.copy() == plain
    assert plain[4] in rows and rows.index(plain[4]) == 4 and rows.count(plain[4]) == 1
    assert list(reversed(rows)) == plain[::-1]
    text: object = "text"
    items: object = tuple(plain)
    assert rows != plain[:-1] and rows != text and rows != items and plain != items and bool(rows)
    with pytest.raises(IndexError):
        rows[len(plain)]
    assert repr(rows) == repr(plain)


def test_json_schemas_are_those_of_the_lists() -> None:
    for mode in ("validation", "serialization"):
        props = Report.model_json_schema(mode=mode)["properties"]
        assert props["incidents"]["items"] == {"$ref": "#/$defs/IncidentRow"}
        assert props["violations"]["items"] == {"$ref": "#/$defs/Violation"}


def test_no_rows_and_no_as_of() -> None:
    result = judge_log(policy(), read_events(EXAMPLE), dt.datetime(2025, 1, 1, tzinfo=TOKYO), MONTH[0])
    lazy, eager = result.report(), result.report(lazy=False)
    assert len(lazy.incidents) == 0 and not lazy.incidents
    same(lazy, eager)
    same(*both(None))
