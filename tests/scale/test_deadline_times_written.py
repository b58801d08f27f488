"""On a cluster, E124 quotes the time a deadline is counted from as the row gives it, as one run does.

A worker's source comes pickled from the client, without the reader's hold on the input: the workers
quoted the instant in the policy's zone (``2200-12-31T22:00:00+09:00``) where ``sla_dsl.evaluate`` of
the same files or frame quotes ``2200-12-31T08:00:00-05:00``, and a retention's completion (on another
row than the deletion the problem is located on) in that zone on every path. The one-process paths:
``tests/events/test_deadline_times_written.py``.
"""

from __future__ import annotations

import datetime as dt
import pickle
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import sla_dsl
from sla_dsl.evaluation.partition import finish
from sla_dsl.events.problems import EventInputError, RowSource
from sla_dsl.scale import judge_table

from .logs import POLICY_PATH, policy

dask = pytest.importorskip("dask")
sla_dask = pytest.importorskip("sla_dsl.dask")

DEC, NEXT = dt.date(2200, 12, 1), dt.date(2201, 1, 1)
COLUMNS = ["event", "at", "id", "priority", "kind"]
EVENTS = [
    {"event": "incident.reported", "at": "2200-12-02T10:00:00+09:00", "id": "I-1", "priority": "P1"},
    {"event": "incident.responded", "at": "2200-12-02T10:30:00+09:00", "id": "I-1"},
    {"event": "backup.completed", "at": "2200-12-19T13:00:00-05:00", "id": "B1", "kind": "database"},
    {"event": "backup.deleted", "at": "2200-12-25T03:00:00+09:00", "id": "B1", "kind": "database"},
    {"event": "incident.reported", "at": "2200-12-31T08:00:00-05:00", "id": "A", "priority": "P3"},
]
#: The times quoted, as the rows give them (in the policy's zone: 2200-12-20T03:00, 2200-12-31T22:00).
QUOTED = ["2200-12-19T13:00:00-05:00", "2200-12-31T08:00:00-05:00"]


def quoted(text: str) -> list[str]:
    """The time each E124 in ``text`` quotes."""
    return re.findall(r"\[E124\] .*? from `([^`]+)`\)", text)


def frame() -> pd.DataFrame:
    return pd.DataFrame([{c: e.get(c) for c in COLUMNS} for e in EVENTS], columns=COLUMNS)


def one_run(events: Any) -> str:
    with pytest.raises(EventInputError) as info:
        sla_dsl.evaluate(policy(), events, DEC, NEXT)
    return str(info.value.in_lang("en"))  # (the API's words are the policy's primary language: its English here)


def refused(run: Any) -> str:
    with pytest.raises(EventInputError) as info:
        run()
    return str(info.value.in_lang("en"))  # (the API's words are the policy's primary language: its English here)


def test_a_partition_judged_as_a_worker_judges_it() -> None:
    """A worker's partition (its rows numbered by the ``line`` column) under the source pickled as it
    comes from the client: the problems quote the rows' cells."""
    table = pa.Table.from_pandas(frame(), preserve_index=False)
    table = table.append_column("line", pa.array([11, 12, 13, 14, 15], pa.int64()))
    for events in (table, table.to_pandas()):
        source = pickle.loads(pickle.dumps(RowSource.of("events")))
        partial = judge_table(policy(), events, DEC, NEXT, source=source)
        with pytest.raises(EventInputError) as info:
            finish([policy()], pickle.loads(pickle.dumps(partial)), DEC, NEXT)
        said = str(info.value.in_lang("en"))
        assert quoted(said) == QUOTED
        assert "events: row 15, column `at`: error: [E124] the response due time of incident `A`" in said


def test_dask_quotes_the_times_as_one_run_does(dask_client: Any, tmp_path: Path) -> None:
    """A directory of Parquet files (each file a partition) and a Dask DataFrame, on two worker processes."""
    files = tmp_path / "events"
    files.mkdir()
    pq.write_table(pa.Table.from_pandas(frame(), preserve_index=False), files / "part-0.parquet")
    expected = one_run(files)
    assert quoted(expected) == QUOTED
    assert refused(lambda: sla_dask.judge(POLICY_PATH, files, DEC, NEXT, partitioned=True, source=str(files))) == (
        expected
    )
    dd = pytest.importorskip("dask.dataframe")
    events = dd.from_pandas(frame(), npartitions=2)
    judged = refused(lambda: sla_dask.judge(POLICY_PATH, events, DEC, NEXT))
    assert judged == one_run(frame())
    assert quoted(judged) == QUOTED


def test_spark_quotes_the_times_as_one_run_does(spark: Any) -> None:
    sla_spark = pytest.importorskip("sla_dsl.spark")
    expected = one_run(frame())
    assert quoted(expected) == QUOTED
    events = spark.createDataFrame(frame())
    assert refused(lambda: sla_spark.judge(POLICY_PATH, events, DEC, NEXT, partitions=2)) == expected
