"""Dask workers read events of declared types at one instant in the order one run reads them.

A worker judges its partitions in a process of its own, whose codes for declared types follow what it
judged before (here: one type given a code first on the workers, the other in this process). The order at
one instant is the one rule of :data:`sla_dsl.events.compact.RANK` in every process, so the report is that
of one run, byte for byte, and the reply clock of ``tests/evaluate/test_declared_type_order.py`` is met on
the workers too.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import pytest
from evaluate.test_declared_type_order import MAIN, PERIOD, log

import sla_dsl
from sla_dsl.events.compact import declare_types

dd = pytest.importorskip("dask.dataframe")
sla_dask = pytest.importorskip("sla_dsl.dask")


def test_workers_that_declared_a_type_first_read_the_one_order(dask_client: Any) -> None:
    a, b = "a_dask_wrote", "b_dask_reply"
    # every worker gave ``{b}`` a code before ``{a}`` (another policy judged there first), this process ``{a}``
    dask_client.run(declare_types, [f"incident.{b}"])
    declare_types([f"incident.{a}"])
    lines = log(a, b)
    rows = pd.DataFrame([{**row, "line": n} for n, row in enumerate(lines, 1)])
    events = dd.from_pandas(rows.astype({c: object for c in rows.columns if c != "line"}), npartitions=2)
    text = MAIN.format(a=a, b=b)
    on_workers = sla_dask.evaluate(text, events, *PERIOD).model_dump_json()
    assert on_workers == sla_dsl.evaluate(sla_dsl.load_policy(text), lines, *PERIOD).model_dump_json()
    (inc,) = json.loads(on_workers)["incidents"]
    assert [(t["status"], t["used_minutes"]) for t in inc["targets"] if t["clock"] == "reply"] == [("met", 0.0)]
