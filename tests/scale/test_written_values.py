"""On a cluster, E123 quotes an event time outside the supported years as the row gives it, as one run does.

The source a worker is given comes pickled from the client, without the reader's hold on the input that
reads a cell again: the workers quoted the instant in UTC (``2226-10-04T23:00:00Z``, another day) where
``sla evaluate`` over the same directory, or ``sla_dsl.evaluate`` of the same frame, quotes
``2226-10-05T10:00:00+11:00``. The one-process paths: ``tests/events/test_written_values.py``.
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

NOV, DEC = dt.date(2026, 11, 1), dt.date(2026, 12, 1)
COLUMNS = ["event", "at", "id", "priority", "channel", "start", "end"]
EVENTS = [
    {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "I-1", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-02T10:30:00+09:00", "id": "I-1"},
    {"event": "incident.reported", "at": "2226-10-05T10:00:00+11:00", "id": "X-1", "priority": "P1"},
    {
        "event": "stop.announced",
        "at": "2026-11-05T10:00:00+09:00",
        "id": "S-1",
        "channel": "email",
        "start": "1800-01-01T10:00:00-05:00",
        "end": "2026-11-20T02:00:00+09:00",
    },
]
#: What one run says of them (field ``""``: the event's ``at``): the times as the rows give them.
QUOTED = [("", "2226-10-05T10:00:00+11:00"), ("start", "1800-01-01T10:00:00-05:00")]


def quoted(text: str) -> list[tuple[str, str]]:
    """(field, time) of each E123 in ``text``."""
    return re.findall(r"\[E123\] (?:the `(\w+)` )?time `([^`]+)`", text)


def frame() -> pd.DataFrame:
    return pd.DataFrame([{c: e.get(c) for c in COLUMNS} for e in EVENTS], columns=COLUMNS)


def one_run(events: Any) -> str:
    with pytest.raises(EventInputError) as info:
        sla_dsl.evaluate(policy(), events, NOV, DEC)
    return str(info.value.in_lang("en"))  # (the API's words are the policy's primary language: its English here)


def refused(run: Any) -> str:
    with pytest.raises(EventInputError) as info:
        run()
    return str(info.value.in_lang("en"))  # (the API's words are the policy's primary language: its English here)


def lake(directory: Path) -> Path:
    directory.mkdir()
    pq.write_table(pa.Table.from_pandas(frame(), preserve_index=False), directory / "part-0.parquet")
    return directory


def test_a_partition_judged_as_a_worker_judges_it() -> None:
    """A worker's partition (its rows numbered by the ``line`` column), under the source pickled as it
    comes from the client: the problems quote the row's cells, the partial keeps no table."""
    table = pa.Table.from_pandas(frame(), preserve_index=False)
    table = table.append_column("line", pa.array([11, 12, 13, 14], pa.int64()))
    for events in (table, table.to_pandas()):
        source = pickle.loads(pickle.dumps(RowSource.of("events")))
        partial = judge_table(policy(), events, NOV, DEC, source=source)
        assert partial.source.written is None  # (the client's name: no hold on the partition's table)
        with pytest.raises(EventInputError) as info:
            finish([policy()], pickle.loads(pickle.dumps(partial)), NOV, DEC)
        said = str(info.value.in_lang("en"))
        assert quoted(said) == QUOTED
        assert "events: row 13, column `at`: error: [E123] time `2226-10-05T10:00:00+11:00`" in said


def test_dask_quotes_the_times_as_one_run_does(dask_client: Any, tmp_path: Path) -> None:
    """A directory of Parquet files, each file a partition (``partitioned=True``), and a Dask DataFrame
    without a ``line`` column, on two worker processes: one run's words."""
    files = lake(tmp_path / "events")
    expected = one_run(files)
    assert quoted(expected) == QUOTED
    judged = refused(lambda: sla_dask.judge(POLICY_PATH, files, NOV, DEC, partitioned=True, source=str(files)))
    assert judged == expected
    dd = pytest.importorskip("dask.dataframe")
    events = dd.from_pandas(frame(), npartitions=2)
    assert refused(lambda: sla_dask.judge(POLICY_PATH, events, NOV, DEC)) == one_run(frame())


def test_files_of_two_layouts_quote_them_as_one_run(tmp_path: Path) -> None:
    """Files shuffled as a frame of two layouts (``at`` as text in one file, a zoned timestamp in the
    other): each layout's rows are read on their own, and their cells read again by their lines."""
    files = tmp_path / "events"
    files.mkdir()
    table = pa.Table.from_pandas(frame(), preserve_index=False)
    pq.write_table(table.slice(0, 2), files / "part-0.parquet")
    zoned = pa.array(
        [dt.datetime.fromisoformat(v) for v in table.column("at").to_pylist()[2:]], pa.timestamp("s", "+11:00")
    )
    later = table.slice(2).set_column(1, "at", zoned)
    pq.write_table(later, files / "part-1.parquet")
    expected = one_run(files)
    assert quoted(expected) == [("", "2226-10-05T10:00:00+11:00"), ("start", "1800-01-01T10:00:00-05:00")]
    with dask.config.set(scheduler="synchronous"):
        assert refused(lambda: sla_dask.judge(POLICY_PATH, files, NOV, DEC, source=str(files))) == expected


def test_spark_quotes_the_times_as_one_run_does(spark: Any) -> None:
    sla_spark = pytest.importorskip("sla_dsl.spark")
    expected = one_run(frame())
    assert quoted(expected) == QUOTED
    events = spark.createDataFrame(frame())
    assert refused(lambda: sla_spark.judge(POLICY_PATH, events, NOV, DEC, partitions=2)) == expected
