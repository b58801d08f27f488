"""Judge a Dask DataFrame of events on a Dask cluster: the report of one run, from many workers.

Design notes
------------
* The frame has the columns of the columnar event schema (``event``, ``at``,
  ``id`` and the payload columns; times as ISO 8601 text or zoned timestamps)
  and, optionally, ``line``: each event's line in the original log, which
  messages name (:mod:`sla_dsl.events.partitions`).
* Partition key: ``id`` (:mod:`sla_dsl.evaluation.partition`). Unless the
  caller says the frame is already partitioned that way (``partitioned=True``,
  e.g. Parquet written partitioned by a hash of ``id``), it is shuffled on
  ``id`` first, so all events of an id meet in one partition.
* ``map_partitions`` judges each partition into a
  :class:`~sla_dsl.evaluation.partition.Partial` (on the workers, the policy
  compiled once per worker process from its text, sent inside the task), and a
  tree reduction (:meth:`dask.bag.Bag.reduction`, ``split_every`` partials at a
  time) merges them; the client finishes the report from the last one.
* Needs the ``scale`` extra (``pip install 'sla-dsl[scale]'``).
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from .evaluation.partition import PARTITION_KEY, Partial, finish, merge
from .evaluation.result import Evaluation
from .policy.compiled import Policy
from .report import Report
from .report.tables import report_tables
from .scale import PolicyText, check_period, judge_events, policies_of, policy_texts

__all__ = ["evaluate", "evaluate_tables", "judge"]

# pandas ships no type information, Dask's bag not all of it: both are used through ``Any``
pd: Any = importlib.import_module("pandas")
db: Any = importlib.import_module("dask.bag")

Time = dt.datetime | dt.date
PolicyArg = str | Path | Policy | Sequence[str | Path | Policy]


def _judge_frame(
    frame: Any,
    texts: tuple[PolicyText, ...],
    start: Time,
    end: Time,
    as_of: Time | None,
    source: str,
    skip_invalid: bool,
) -> Any:
    """One partition's partial result, as a Series of one object (what ``map_partitions`` carries)."""
    partial = judge_events(texts, frame, start, end, as_of, source, skip_invalid)
    return pd.Series([partial], dtype=object)


def _merge_all(parts: Iterable[Partial]) -> Partial:
    return merge(list(parts))


def judge(
    policy: PolicyArg,
    events: Any,
    start: Time,
    end: Time,
    as_of: Time | None = None,
    *,
    source: str = "<events>",
    partitioned: bool = False,
    split_every: int = 8,
    shuffle: str = "tasks",
    skip_invalid: bool = False,
) -> Evaluation:
    """Judge a Dask DataFrame of events (see the module's notes): the compact verdicts of one run."""
    texts = policy_texts(policy)
    check_period(texts, start, end, as_of)
    frame = events if partitioned else events.shuffle(on=PARTITION_KEY, shuffle_method=shuffle)
    partials = frame.map_partitions(
        _judge_frame, texts, start, end, as_of, source, skip_invalid, meta=pd.Series(dtype=object)
    )
    bag = db.from_delayed(partials.to_delayed())
    merged: Partial = bag.reduction(_merge_all, _merge_all, split_every=split_every).compute()
    return finish(policies_of(texts), merged, start, end, as_of)


def evaluate(
    policy: PolicyArg, events: Any, start: Time, end: Time, as_of: Time | None = None, **options: Any
) -> Report:
    """The report of a Dask DataFrame of events: what :func:`sla_dsl.evaluate` gives for the same log."""
    return judge(policy, events, start, end, as_of, **options).report()


def evaluate_tables(
    policy: PolicyArg, events: Any, start: Time, end: Time, as_of: Time | None = None, **options: Any
) -> dict[str, pa.Table]:
    """The report of a Dask DataFrame of events as Arrow tables (:func:`sla_dsl.report.tables.report_tables`)."""
    return report_tables(evaluate(policy, events, start, end, as_of, **options))
