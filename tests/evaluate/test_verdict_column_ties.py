"""The columns handed to the builders equal the verdicts' attributes on logs full of ties.

The logs of ``test_columns.py`` (events at one instant, exact duplicates, events at the very
silence deadline, lines out of order, two policy versions, any ``as_of``): the
:class:`~sla_dsl.evaluation.result.VerdictColumns` that ``judge_log`` hands over with its
verdicts must be, value for value, those read from the objects
(:func:`~sla_dsl.evaluation.result.columns_of`, itself held to the objects' attributes in
``tests/report/test_verdict_columns.py``), in the same order.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sla_dsl.evaluation import judge_log
from sla_dsl.evaluation.result import VerdictColumns, Verdicts, columns_of
from sla_dsl.events import log_from

from .helpers import TZ, policy
from .test_backups_versions_data import two_versions
from .test_columns import BASE, SILENCE, events


def assert_same(a: VerdictColumns, b: VerdictColumns) -> None:
    """The same values (floats bit for bit) and the same (rules, priority) per row."""
    for name in VerdictColumns._fields[:-2]:
        x, y = getattr(a, name), getattr(b, name)
        assert x.dtype == y.dtype, name
        if x.dtype == np.float64:
            assert np.array_equal(x.view(np.int64), y.view(np.int64)), name
        else:
            assert x.tolist() == y.tolist(), name
    rows_a = [(id(r), p) for r, p in (a.kinds[k] for k in a.kind.tolist())]
    assert rows_a == [(id(r), p) for r, p in (b.kinds[k] for k in b.kind.tolist())]


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(evs=events(), two=st.booleans(), batch=st.booleans(), data=st.data())
def test_handed_columns_equal_the_objects_on_tied_logs(
    evs: list[dict[str, Any]], two: bool, batch: bool, data: st.DataObject
) -> None:
    policies = two_versions() if two else policy()
    times = sorted({dt.datetime.fromisoformat(e["at"]) for e in evs})
    echoes = [policy().add_business_time(x, SILENCE) for x in times]
    start = data.draw(st.sampled_from([BASE, BASE + dt.timedelta(days=5), BASE + dt.timedelta(days=12), *times]))
    as_of = data.draw(st.sampled_from([BASE + dt.timedelta(days=20), BASE + dt.timedelta(days=60), *times, *echoes]))
    end = dt.datetime(2027, 3, 1, tzinfo=TZ)
    result = judge_log(policies, log_from(evs), start, end, as_of, batch=batch)
    assert isinstance(result.incidents, Verdicts)
    handed = result.incidents.columns()
    assert handed is not None
    assert_same(handed, columns_of(result.incidents))
    assert handed.status.tolist() == [inc.status for inc in result.incidents]
