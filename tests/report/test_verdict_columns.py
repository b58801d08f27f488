"""The columns the judge hands to the table and JSON builders are exactly the verdicts' attributes.

:func:`sla_dsl.evaluation.judge_incidents` returns a :class:`~sla_dsl.evaluation.result.Verdicts`
that hands over :class:`~sla_dsl.evaluation.result.VerdictColumns` (the columnar judge's arrays
permuted into report order, the others read from their objects); the builders
(:mod:`sla_dsl.evaluation.explain_columns`) read those instead of the objects. The property:
for random logs over every policy here (two versions, London's clock change), random periods,
``as_of`` and both judging paths, every column equals the attribute read from each object.
A list made any other way, or changed, hands over nothing and the builders read the objects.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sla_dsl.evaluation.explain_columns as explain_columns
from sla_dsl.evaluation import judge_log
from sla_dsl.evaluation.explain_columns import incident_blocks
from sla_dsl.evaluation.result import (
    Evaluation,
    IncidentFields,
    VerdictColumns,
    Verdicts,
    columns_of,
    incident_fields,
)
from sla_dsl.report.tables import TableBlock

from .test_step_columns import NAMES, ROOT, assert_equal, both, instants, judge, policies, stories

FLOATS = ("reported", "clock", "responded", "due", "completed", "completed_by")


def assert_columns_are_the_objects(cols: VerdictColumns, incidents: list[Any]) -> None:
    """Every column equals the attribute of each object, value for value (nan for None)."""
    n = len(incidents)
    for name in FLOATS:
        got = getattr(cols, name)
        assert got.dtype == np.float64 and got.shape == (n,), name
        want = [getattr(inc, name) for inc in incidents]
        assert [None if np.isnan(x) else x for x in got.tolist()] == want, name
    for name in ("ident", "priority", "cause", "clock_event", "completion", "status"):
        assert getattr(cols, name).tolist() == [getattr(inc, name) for inc in incidents], name
    assert [None if np.isnan(x) else x for x in cols.silence_last.tolist()] == [
        s[0] if s else None for s in (inc.silence for inc in incidents)
    ]
    assert [None if np.isnan(x) else x for x in cols.silence_end.tolist()] == [
        s[1] if s else None for s in (inc.silence for inc in incidents)
    ]
    assert cols.plain.tolist() == [not inc.reprios and not inc.targets for inc in incidents]
    kinds = [cols.kinds[k] for k in cols.kind.tolist()]
    assert [(id(r), p) for r, p in kinds] == [(id(inc.rules), inc.priority) for inc in incidents]


def same_columns(a: VerdictColumns, b: VerdictColumns) -> bool:
    """The two hold the same values (floats bit for bit, nan for nan) and the same (rules, priority)."""
    for name in VerdictColumns._fields[:-2]:
        x, y = getattr(a, name), getattr(b, name)
        if x.dtype != y.dtype:
            return False
        if x.dtype == np.float64:
            if not np.array_equal(x.view(np.int64), y.view(np.int64)):
                return False
        elif x.tolist() != y.tolist():
            return False
    ka = [(id(r), p) for r, p in (a.kinds[k] for k in a.kind.tolist())]
    return ka == [(id(r), p) for r, p in (b.kinds[k] for k in b.kind.tolist())]


def same_fields(a: IncidentFields, b: IncidentFields) -> bool:
    """The two hold the same values (floats bit for bit), codes and positions."""
    floats = all(
        np.array_equal(x.view(np.int64), y.view(np.int64)) for x, y in ((a.clock, b.clock), (a.completed, b.completed))
    )
    return floats and a.kind.tolist() == b.kind.tolist() and a.kinds == b.kinds and a.with_targets == b.with_targets


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(NAMES), data=st.data())
def test_the_handed_columns_are_the_objects_attributes(name: str, data: st.DataObject) -> None:
    # three stories in one log (ids kept apart): more incidents of each kind per example
    events = [
        {**e, "id": f"{k}-{e['id']}"}
        for k in range(3)
        for e in data.draw(stories(policies(name)[0]), label=f"story {k}")
    ]
    period = data.draw(st.sampled_from([(0, 30), (5, 12), (12, 30), (-30, 90)]))
    as_of = data.draw(st.one_of(st.none(), instants()))
    result = judge(name, events, period, as_of, batch=data.draw(st.booleans()), walk=data.draw(st.booleans()))
    incidents = result.incidents
    assert isinstance(incidents, Verdicts)
    cols = incidents.columns()
    assert cols is not None
    assert_columns_are_the_objects(cols, list(incidents))
    assert same_columns(cols, columns_of(incidents))
    # the counts' fields, read from the handed columns, are those read from the objects
    assert same_fields(incidents.fields(), incident_fields(list(incidents)))


def test_the_example_month_hands_its_columns_to_the_builders(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a judged log the builders take the handed columns (never reading the objects' columns),
    and the tables still equal the row path's."""
    from sla_dsl.events import read_events

    tz = policies(str(ROOT / "policies" / "clicksoko.sla"))[0].tz
    start, end = dt.datetime(2026, 11, 1, tzinfo=tz), dt.datetime(2026, 12, 1, tzinfo=tz)
    result = judge_log(
        policies(str(ROOT / "policies" / "clicksoko.sla")),
        read_events(ROOT / "examples" / "events-2026-11.jsonl"),
        start,
        end,
        dt.datetime(2026, 11, 20, 15, tzinfo=tz),
    )
    cols = result.incidents.columns()
    assert cols is not None and len(cols.ident) == len(result.incidents) > 50
    assert {"met", "breached", "excluded"} <= set(cols.status.tolist())
    assert_columns_are_the_objects(cols, list(result.incidents))
    assert same_fields(result.incidents.fields(), incident_fields(list(result.incidents)))

    def refused(incidents: Any) -> VerdictColumns:
        raise AssertionError("the builder read the objects")

    monkeypatch.setattr(explain_columns, "columns_of", refused)
    by_rows, by_columns, blocks = both(result, 7)
    assert any(isinstance(b, TableBlock) for b in blocks)
    assert_equal(by_rows, by_columns)


def _month() -> Any:
    from sla_dsl.events import read_events

    tz = policies(str(ROOT / "policies" / "clicksoko.sla"))[0].tz
    start, end = dt.datetime(2026, 11, 1, tzinfo=tz), dt.datetime(2026, 12, 1, tzinfo=tz)
    return judge_log(
        policies(str(ROOT / "policies" / "clicksoko.sla")),
        read_events(ROOT / "examples" / "events-2026-11.jsonl"),
        start,
        end,
    )


@pytest.mark.parametrize(
    "change",
    [
        lambda v: v.append(v[0]),
        lambda v: v.extend([v[0]]),
        lambda v: v.insert(0, v[-1]),
        lambda v: v.pop(),
        lambda v: v.remove(v[0]),
        lambda v: v.reverse(),
        lambda v: v.sort(key=lambda inc: inc.ident),
        lambda v: v.__setitem__(0, v[1]),
        lambda v: v.__delitem__(0),
        lambda v: v.__iadd__([v[0]]),
        lambda v: v.clear(),
    ],
)
def test_a_changed_list_hands_over_nothing(change: Any) -> None:
    verdicts = _month().incidents
    change(verdicts)
    assert verdicts.columns() is None


def test_a_list_made_otherwise_is_read_from_its_objects() -> None:
    """The partition merge and the API give the evaluation a plain list: no columns handed over,
    the builders read the objects and build the same tables."""
    result = _month()
    plain = Evaluation(result.ctx, list(result.incidents), result.breaches, result.skeleton)
    assert plain.incidents.columns() is None
    by_rows, by_columns, _ = both(plain, 5)
    assert_equal(by_rows, by_columns)
    assert_equal(by_columns, both(result, 5)[1])
    # a plain list, and a slice of a judged one, read from their objects too
    spans = list(incident_blocks(result.ctx, list(result.incidents)[3:40], json=True))
    handed = list(incident_blocks(result.ctx, result.incidents, json=True, start=3, stop=40))
    assert len(spans) == len(handed)
    for a, b in zip(spans, handed, strict=True):
        if isinstance(a, TableBlock):
            assert isinstance(b, TableBlock)
            assert a.rows.equals(b.rows) and a.steps.equals(b.steps)
        else:
            assert a == b
