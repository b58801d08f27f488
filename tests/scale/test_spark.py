"""sla_dsl.spark in local[2] (mapInArrow on a frame partitioned by id, treeReduce): the report of one process."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest

from .conftest import EXAMPLE, one_run_json
from .logs import POLICY_PATH, frame, policy, respaced

sla_spark = pytest.importorskip("sla_dsl.spark")

NOV, DEC = dt.date(2026, 11, 1), dt.date(2026, 12, 1)
ONE_ROW = [{"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "I-1", "priority": "P1"}]


def spark_json(spark: Any, path: Path, partitions: int) -> bytes:
    events = spark.createDataFrame(frame(path))
    out = io.BytesIO()
    sla_spark.judge(POLICY_PATH, events, NOV, DEC, source=str(path), partitions=partitions).write_json(out)
    return out.getvalue()


def test_the_example_month_in_local_2(spark: Any) -> None:
    assert spark.sparkContext.master == "local[2]"
    assert spark_json(spark, EXAMPLE, 3) == one_run_json(EXAMPLE, policy(), NOV, DEC)


def test_a_100k_event_log_in_local_2(spark: Any, big_log: Path) -> None:
    assert spark_json(spark, big_log, 6) == one_run_json(big_log, policy(), NOV, DEC)


def test_the_trend_in_local_2(spark: Any, two_months: Path) -> None:
    """A log that reaches back to October: the month-by-month trend of one process (issue 16)."""
    expected = one_run_json(two_months, policy(), NOV, DEC)
    assert spark_json(spark, two_months, 3) == expected
    assert b'"month": "2026-10-01"' in expected and b'"month": "2026-11-01"' in expected


def test_a_table_in_memory_is_a_type_error_saying_what_to_use() -> None:
    import pyarrow as pa

    table = pa.table({"event": ["incident.reported"], "at": ["2026-11-02T10:00:00+09:00"], "id": ["I-1"]})
    # (in the policy's primary language: Click So-ko's is Japanese)
    with pytest.raises(
        TypeError, match=r"`Spark` の `DataFrame` を渡してください（`Table` が渡されました.*sla_dsl\.evaluate"
    ):
        sla_spark.evaluate(POLICY_PATH, table, dt.date(2026, 11, 1), dt.date(2026, 12, 1))


def test_a_frame_with_no_rows_gives_the_empty_report(spark: Any, tmp_path: Path) -> None:
    """Spark runs no task for the partitions of an empty frame: the merge still has one partial."""
    empty_log = tmp_path / "none.jsonl"
    empty_log.write_text("")
    events = spark.createDataFrame(frame(EXAMPLE)).limit(0)
    out = io.BytesIO()
    sla_spark.judge(POLICY_PATH, events, NOV, DEC, source=str(empty_log)).write_json(out)
    assert out.getvalue() == one_run_json(empty_log, policy(), NOV, DEC)


def test_a_frame_without_a_required_column_is_e115_before_any_task(spark: Any) -> None:
    from sla_dsl.events.problems import EventInputError

    events = spark.createDataFrame(ONE_ROW).drop("id")
    with pytest.raises(EventInputError, match=r"^<table>: error: \[E115\].*`id`"):
        sla_spark.judge(POLICY_PATH, events, NOV, DEC)


def test_a_frame_of_no_row_is_an_empty_log_whatever_its_columns(spark: Any) -> None:
    """As one run reads a table of no row (``pd.DataFrame()``, one without ``id``): it was E115."""
    from pyspark.sql.types import StructType

    import sla_dsl

    for events in (spark.createDataFrame(ONE_ROW).drop("id").limit(0), spark.createDataFrame([], StructType([]))):
        one = sla_dsl.evaluate(policy(), events.toPandas(), NOV, DEC)
        assert sla_spark.evaluate(POLICY_PATH, events, NOV, DEC).model_dump_json() == one.model_dump_json()


def test_a_directory_of_policy_versions_is_read_as_the_command_reads_it(spark: Any, tmp_path: Path) -> None:
    (tmp_path / "clicksoko.sla").write_bytes(Path(POLICY_PATH).read_bytes())
    events = spark.createDataFrame(frame(EXAMPLE))
    got = sla_spark.evaluate(tmp_path, events, NOV, DEC, source=str(EXAMPLE)).model_dump_json()
    assert got == sla_spark.evaluate(POLICY_PATH, events, NOV, DEC, source=str(EXAMPLE)).model_dump_json()


def _without_line(extra: list[dict[str, Any]]) -> Any:
    """The example month without ``line`` (as Spark or pandas hold a table of events), with ``extra`` rows."""
    import pandas as pd

    events = frame(EXAMPLE).drop(columns=["line"])
    return pd.concat([events, pd.DataFrame(extra)], ignore_index=True).astype(object)


def test_a_frame_without_line_gives_the_report_of_one_run_over_it(spark: Any) -> None:
    """Rows are numbered in the frame: a contradiction names its rows as one run over the collected frame
    names them (it named none: 'contradicts another at the same instant')."""
    from sla_dsl.evaluation import judge_log
    from sla_dsl.events.arrow import read_table

    twice = [
        {"event": "incident.reported", "at": "2026-11-05T10:00:00+09:00", "id": "TWICE", "priority": p}
        for p in ("P1", "P2")
    ]
    events = _without_line(twice)
    frame_ = spark.createDataFrame(events).repartition(3)  # rows in three partitions, in a new order
    collected = frame_.toPandas()
    one = judge_log(policy(), read_table(collected, "<table>", defer=True), NOV, DEC).report()
    many = sla_spark.evaluate(POLICY_PATH, frame_, NOV, DEC, partitions=2)
    assert many.model_dump_json() == one.model_dump_json()
    said = [v.message for v in many.violations if v.kind == "data" and v.id == "TWICE"]
    assert len(said) == 1 and said[0].startswith("<table>: row ") and " on row " in said[0], said


def test_bad_rows_of_a_frame_without_line_are_named_by_their_row(spark: Any) -> None:
    from sla_dsl.evaluation import judge_log
    from sla_dsl.events.arrow import read_table
    from sla_dsl.events.problems import EventInputError

    bad = [
        {"event": "incident.reported", "at": "2026-11-05T10:00:00+09:00", "id": "BAD", "priority": "P9"},
        {"event": "incident.reported", "at": "2026-11-05T10:00:00", "id": "NAIVE", "priority": "P1"},
    ]
    events = _without_line(bad)
    with pytest.raises(EventInputError) as one:
        judge_log(policy(), read_table(events, "<table>", defer=True), NOV, DEC)
    with pytest.raises(EventInputError) as many:
        sla_spark.judge(POLICY_PATH, spark.createDataFrame(events), NOV, DEC, partitions=3)
    found = [(p.line, p.code) for p in many.value.problems]
    assert found == [(p.line, p.code) for p in one.value.problems]
    n = len(events)
    assert found == [(n - 1, "E120"), (n, "E105")]
    assert (
        str(many.value.in_lang("en")).splitlines()[0].startswith(f"<table>: row {n - 1}")
    )  # (the API's words are the policy's primary language: its English for the text compared here)


def test_ids_spaced_apart_meet_in_one_partition(spark: Any, tmp_path: Path) -> None:
    """The reader strips an id (`` INC-2 `` is ``INC-2``); the repartitioning hashed the raw cell and the
    merge refused the log ('events of id ... are in two partitions')."""
    log = respaced(EXAMPLE, tmp_path / "spaced.jsonl")
    assert spark_json(spark, log, 3) == one_run_json(log, policy(), NOV, DEC)
