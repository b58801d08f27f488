"""Judge a Spark DataFrame of events on a Spark cluster: the report of one run, from many executors.

Design notes
------------
* The DataFrame has the columns of the columnar event schema (``event``,
  ``at``, ``id`` and the payload columns; times as ISO 8601 strings or
  timestamps) and, optionally, ``line``: each event's line in the original log,
  which messages name (:mod:`sla_dsl.events.partitions`).
* Partition key: ``id`` (:mod:`sla_dsl.evaluation.partition`). The frame is
  repartitioned by ``id`` (hash partitioning: all events of an id land in one
  partition), then ``mapInArrow`` judges each partition's Arrow batches into
  one :class:`~sla_dsl.evaluation.partition.Partial`, pickled into a row of one
  binary column. ``RDD.treeReduce`` merges the partials as a tree on the
  executors; the driver finishes the report from the last one.
* The policy travels as its text inside the task closure; each Python worker
  compiles it once (:func:`sla_dsl.scale.policies_of`). Executors need
  ``sla-dsl`` installed (the ``scale`` extra brings ``pyspark``), the same
  version as the driver.
"""

from __future__ import annotations

import functools
import pickle
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from .evaluation import Time
from .evaluation.partition import PARTITION_KEY, empty, merge
from .evaluation.result import Evaluation
from .policy.compiled import Policy
from .report import Report
from .report.tables import report_tables
from .scale import (
    PolicyText,
    check_period,
    collector_paused,
    finish_blobs,
    judge_events,
    pickled,
    policy_texts,
    refuse_lacking,
)

__all__ = ["evaluate", "evaluate_tables", "judge"]

PolicyArg = str | Path | Policy | Sequence[str | Path | Policy]
#: The one column of the judged frame: a pickled :class:`Partial` per partition.
PARTIAL = "partial"


def _judge_batches(
    batches: Iterator[pa.RecordBatch],
    texts: tuple[PolicyText, ...],
    start: Time,
    end: Time,
    as_of: Time | None,
    source: str,
    skip_invalid: bool,
) -> Iterator[pa.RecordBatch]:
    """``mapInArrow``: one partition's batches in, one row holding its pickled partial out."""
    listed = list(batches)
    if listed and sum(b.num_rows for b in listed):
        partial = judge_events(texts, pa.Table.from_batches(listed), start, end, as_of, source, skip_invalid)
    else:
        partial = empty(source)  # a partition with no rows (when Spark runs its task at all)
    yield pa.RecordBatch.from_arrays([pa.array([pickled(partial)], type=pa.binary())], names=[PARTIAL])


def _merge_blobs(a: bytes, b: bytes) -> bytes:
    with collector_paused():  # (see sla_dsl.scale)
        return pickled(merge([pickle.loads(a), pickle.loads(b)]))


def judge(
    policy: PolicyArg,
    events: Any,
    start: Time,
    end: Time,
    as_of: Time | None = None,
    *,
    source: str = "<events>",
    partitions: int | None = None,
    depth: int = 2,
    skip_invalid: bool = False,
) -> Evaluation:
    """Judge a Spark DataFrame of events (see the module's notes): the compact verdicts of one run."""
    if not hasattr(events, "mapInArrow"):
        raise TypeError(
            f"events: expected a Spark DataFrame, found {type(events).__name__} (a table in memory: "
            "sla_dsl.evaluate judges it in this process; Parquet files: spark.read.parquet)"
        )
    texts = policy_texts(policy)
    check_period(texts, start, end, as_of)
    refuse_lacking(events.columns, source)  # before the shuffle needs `id`
    n = partitions or max(events.rdd.getNumPartitions(), 1)
    judge_one = functools.partial(
        _judge_batches, texts=texts, start=start, end=end, as_of=as_of, source=source, skip_invalid=skip_invalid
    )
    judged = events.repartition(n, PARTITION_KEY).mapInArrow(judge_one, f"{PARTIAL} binary")
    blobs = judged.rdd.map(lambda row: bytes(row[0]))
    # one empty partial more: Spark runs no task for a partition of an empty frame, and a tree
    # reduction of nothing fails; merged with the others, the empty one changes nothing
    blobs = blobs.union(blobs.context.parallelize([pickled(empty(source))], 1))
    return finish_blobs(texts, [blobs.treeReduce(_merge_blobs, depth=depth)], start, end, as_of)


def evaluate(
    policy: PolicyArg, events: Any, start: Time, end: Time, as_of: Time | None = None, **options: Any
) -> Report:
    """The report of a Spark DataFrame of events: what :func:`sla_dsl.evaluate` gives for the same log."""
    return judge(policy, events, start, end, as_of, **options).report()


def evaluate_tables(
    policy: PolicyArg, events: Any, start: Time, end: Time, as_of: Time | None = None, **options: Any
) -> dict[str, pa.Table]:
    """The report of a Spark DataFrame of events as Arrow tables (:func:`sla_dsl.report.tables.report_tables`)."""
    return report_tables(evaluate(policy, events, start, end, as_of, **options))
