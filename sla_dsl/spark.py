"""Judge a Spark DataFrame of events on a Spark cluster: the report of one run, from many executors.

Design notes
------------
* The DataFrame has the columns of the columnar event schema (``event``,
  ``at``, ``id`` and the payload columns; times as ISO 8601 strings or
  timestamps) and, optionally, ``line``: each event's line in the original log,
  which messages name (:mod:`sla_dsl.events.partitions`). A frame without it is
  numbered first (:func:`_numbered`: one aggregation that counts each
  partition's rows), so that bad rows and the notes on contradictions name
  rows, as one run over the collected frame names them. Without ``source``,
  messages name the frame ``<table>``, as :func:`sla_dsl.evaluate` names a frame.
  A frame that lacks ``event``, ``at`` or ``id`` is refused on the driver (E115)
  when it has a row (one ``isEmpty`` job, asked only then); one of no row is an
  empty log whatever its columns, as one run reads a table of no row.
* Partition key: ``id`` (:mod:`sla_dsl.evaluation.partition`). The frame is
  repartitioned by ``id`` (hash partitioning: all events of an id land in one
  partition) as the reader files it, a text id stripped of the blanks at either
  end (:func:`_key`: ``INC-2`` and ``" INC-2 "`` are one id to the reader).
  Then ``mapInArrow`` judges each partition's Arrow batches into one
  :class:`~sla_dsl.evaluation.partition.Partial`, pickled into a row of one
  binary column. ``RDD.treeReduce`` merges the partials as a tree on the
  executors; the driver finishes the report from the last one.
* The policy travels as its text inside the task closure; each Python worker
  compiles it once (:func:`sla_dsl.scale.policies_of`). Executors need
  ``sla-dsl`` installed (the ``scale`` extra brings ``pyspark``), the same
  release as the driver: every task carries the digest of the driver's code
  (:func:`sla_dsl.scale.task`), and an executor of other code refuses it before
  anything else, naming where its ``sla_dsl`` is.
"""

from __future__ import annotations

import functools
import pickle
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from .evaluation import Time, api_words
from .evaluation.partition import PARTITION_KEY, empty, merge
from .evaluation.result import Evaluation
from .events.partitions import LINE
from .events.problems import RowSource
from .events.table_schema import lacks_columns
from .i18n import message
from .policy.compiled import Policy
from .report import Report
from .report.tables import report_tables
from .scale import (
    BLANKS,
    OtherCodeError,
    arguments,
    check_period,
    client_lang,
    collector_paused,
    finish_blobs,
    judge_events,
    pickled,
    policy_texts,
    refuse_lacking,
    task,
)

__all__ = ["evaluate", "evaluate_tables", "judge"]

PolicyArg = str | Path | Policy | Sequence[str | Path | Policy]
#: The one column of the judged frame: a pickled :class:`Partial` per partition.
PARTIAL = "partial"


def _judge_batches(batches: Iterator[pa.RecordBatch], payload: dict[str, Any]) -> Iterator[pa.RecordBatch]:
    """``mapInArrow``: one partition's batches in, one row holding its pickled partial out. ``payload``
    (:func:`~sla_dsl.scale.task`): the policy texts, ``start``, ``end``, ``as_of``, ``source`` and
    ``skip_invalid``, read once the executor's code is the client's."""
    texts, start, end, as_of, source, skip_invalid = arguments(payload)
    listed = list(batches)
    if listed and sum(b.num_rows for b in listed):
        partial = judge_events(texts, pa.Table.from_batches(listed), start, end, as_of, source, skip_invalid)
    else:
        partial = empty(source)  # a partition with no rows (when Spark runs its task at all)
    yield pa.RecordBatch.from_arrays([pa.array([pickled(partial)], type=pa.binary())], names=[PARTIAL])


def _merge_blobs(a: bytes, b: bytes, payload: dict[str, Any]) -> bytes:
    arguments(payload)  # (an executor of other code merges nothing)
    with collector_paused():  # (see sla_dsl.scale)
        return pickled(merge([pickle.loads(a), pickle.loads(b)]))


def judge(
    policy: PolicyArg,
    events: Any,
    start: Time,
    end: Time,
    as_of: Time | None = None,
    *,
    source: str = "<table>",
    partitions: int | None = None,
    depth: int = 2,
    skip_invalid: bool = False,
) -> Evaluation:
    """Judge a Spark DataFrame of events (see the module's notes): the compact verdicts of one run."""
    texts = policy_texts(policy)
    if not hasattr(events, "mapInArrow"):  # (said in the policy's primary language, as the period is)
        raise TypeError(message("author.api.spark_events_type", client_lang(texts), kind=type(events).__name__))
    check_period(texts, start, end, as_of)
    with api_words(client_lang(texts)):  # (what the client refuses, in the policy's primary language)
        if lacks_columns(map(str, events.columns), RowSource.of(source)) is not None and events.isEmpty():
            # a frame of no row is an empty log whatever its columns, as one run reads a table of no row
            # (asked only of a frame whose columns are refused: it runs a job)
            none = RowSource.of(source) if LINE not in events.columns else source
            return finish_blobs(texts, [pickled(empty(none))], start, end, as_of)
        refuse_lacking(events.columns, source)  # before the shuffle needs `id`
        n = partitions or max(events.rdd.getNumPartitions(), 1)
        if LINE not in events.columns:
            # each row numbered in the frame (a pass that counts each partition's rows): bad rows and the
            # report's notes on contradictions name rows, as one run over the collected frame names them
            events, source = _numbered(events), RowSource.of(source)
        judge_one = functools.partial(_judge_batches, payload=task(texts, start, end, as_of, source, skip_invalid))
        judged = events.repartition(n, _key(events)).mapInArrow(judge_one, f"{PARTIAL} binary")
        blobs = judged.rdd.map(lambda row: bytes(row[0]))
        # one empty partial more: Spark runs no task for a partition of an empty frame, and a tree
        # reduction of nothing fails; merged with the others, the empty one changes nothing
        blobs = blobs.union(blobs.context.parallelize([pickled(empty(source))], 1))
        try:
            merged = blobs.treeReduce(functools.partial(_merge_blobs, payload=task(texts)), depth=depth)
        except Exception as exc:
            _refuse_other_code(exc, client_lang(texts))
            raise
        return finish_blobs(texts, [merged], start, end, as_of)


#: How an executor's :class:`~sla_dsl.scale.OtherCodeError` begins its line in the text of Spark's error.
_OTHER_CODE = f"{OtherCodeError.__module__}.{OtherCodeError.__qualname__}: "


def _refuse_other_code(exc: Exception, lang: str) -> None:
    """Raise the refusal of an executor of other code (:func:`~sla_dsl.scale.arguments`) on its own, when
    Spark's error (a ``PythonException`` holding the executor's traceback, and the JVM's) holds one: its
    message, without the tracebacks around it."""
    for line in str(exc).splitlines():
        if line.startswith(_OTHER_CODE):
            raise OtherCodeError(line.removeprefix(_OTHER_CODE), lang=lang) from None


def _key(events: Any) -> Any:
    """What the frame is repartitioned by: its ``id`` stripped of :data:`~sla_dsl.scale.BLANKS` at either
    end, as the reader strips an id, when the column is text (one of another type is refused as a whole,
    wherever its rows go)."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import CharType, StringType, VarcharType

    column = F.col(PARTITION_KEY)
    if isinstance(events.schema[PARTITION_KEY].dataType, StringType | VarcharType | CharType):
        return F.trim(column, F.lit(BLANKS))
    return column


#: Spark's ``monotonically_increasing_id``: the partition's index above these bits, the row's below.
_ROW_BITS = 33


def _numbered(events: Any) -> Any:
    """The frame with a ``line`` column: each row's number in it, from 1, in partition order (the order
    ``collect`` gives). ``monotonically_increasing_id`` names each row by its partition and its place there;
    one aggregation in the JVM counts each partition's rows, and the row's number is the rows before its
    partition plus its place. Like any two passes over a frame, it takes the frame to give the same rows
    in the same partitions each time (a file or a table read does; a frame of a random sample does not)."""
    from pyspark.sql import functions as F

    mark = "__sla_row"
    marked = events.withColumn(mark, F.monotonically_increasing_id())
    part = F.shiftright(F.col(mark), _ROW_BITS)
    counts = {int(r[0]): int(r[1]) for r in marked.groupBy(part.alias("p")).count().collect()}
    firsts: dict[int, int] = {}
    total = 1
    for p in sorted(counts):
        firsts[p], total = total, total + counts[p]
    if not firsts:
        return events.withColumn(LINE, F.lit(0).cast("long"))
    first = F.create_map(*(F.lit(v) for kv in firsts.items() for v in kv))[part]
    place = F.col(mark).bitwiseAND(F.lit((1 << _ROW_BITS) - 1))
    return marked.withColumn(LINE, (first + place).cast("long")).drop(mark)


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
