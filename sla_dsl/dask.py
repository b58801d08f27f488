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
  compiled once per worker process from its text, sent inside the task).
* Parquet files instead of a frame (a directory or a list of paths): with
  ``partitioned=True`` each file is one partition, read by pyarrow inside its
  task and judged as an Arrow table (:func:`sla_dsl.scale.judge_file`; no pandas
  frame, no Dask DataFrame machinery); otherwise each is read by pyarrow into one
  partition of a frame (``dd.from_map``), conformed to the files' common schema
  (:func:`~sla_dsl.events.arrow.common_schema`), and shuffled on ``id``.
* A frame without a ``line`` column gets one, each row's number in the frame
  (:func:`_numbered`: a pass that counts each partition's rows, 0.03 CPU s for a
  million events from pandas, 0.4 s from eight Parquet files), so that bad rows
  and the notes on contradictions name rows as one run over the frame does.
* The partials are merged as a tree on the workers, ``split_every`` at a time,
  down to at most ``split_every`` partials, each pickled there; the client
  unpickles and merges those few and finishes the report
  (:func:`sla_dsl.scale.finish_blobs`). A merge only puts columns end to end,
  so the tree is there to bound what the client receives, not to save it work:
  16 partials or fewer (the default ``split_every``) go to the client straight
  from the tasks that judged them, with no merge task moving partials between
  workers (on 16 files of 4M events, 1 CPU s less on the workers). The client's
  share is serial, so it is kept small: no last merge on a worker followed by a
  transfer of its result, the collector paused while the records are rebuilt.
* Needs the ``scale`` extra (``pip install 'sla-dsl[scale]'``).
"""

from __future__ import annotations

import importlib
import itertools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .errors import InputError
from .evaluation import Time
from .evaluation.partition import PARTITION_KEY, Partial, merge
from .evaluation.result import Evaluation
from .events.arrow import (
    TableFooter,
    check_tables,
    common_schema,
    conform,
    event_tables,
    not_tables,
    read_arrow,
)
from .events.lines import PARQUET_SUFFIXES, is_parquet_file
from .events.partitions import LINE
from .events.problems import RowSource
from .policy.compiled import Policy, declared_types
from .report import Report
from .report.tables import report_tables
from .scale import (
    PolicyText,
    check_period,
    finish_blobs,
    judge_events,
    judge_file,
    pickled,
    policies_of,
    policy_texts,
    refuse_lacking,
)

__all__ = ["evaluate", "evaluate_tables", "judge"]

# pandas ships no type information, Dask not all of it: both are used through ``Any``
pd: Any = importlib.import_module("pandas")
dask: Any = importlib.import_module("dask")

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


def _partial(part: Partial | Any) -> Partial:
    """A partial, from what a task gives: itself, or ``map_partitions``' Series of one."""
    return part if isinstance(part, Partial) else part.iloc[0]


def _merge_all(parts: list[Any]) -> Partial:
    return merge([_partial(p) for p in parts])


def _blob(part: Any) -> bytes:
    return pickled(_partial(part))


def _tree(parts: list[Any], split_every: int) -> list[Any]:
    """Merge the partials (delayed) as a tree on the workers down to at most ``split_every``, pickled."""
    split_every = max(split_every, 2)
    while len(parts) > split_every:
        parts = [
            dask.delayed(_merge_all, pure=True)(parts[i : i + split_every]) for i in range(0, len(parts), split_every)
        ]
    return [dask.delayed(_blob, pure=True)(p) for p in parts]


def _files(events: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> list[str]:
    """The Parquet files a path names: the file, or a directory's Parquet files in name order, known as
    the one-run reader knows them (:func:`~sla_dsl.events.arrow.event_tables`: by suffix or first bytes,
    ``_*`` and ``.*`` passed over, any other file refused); or a list."""
    items = [events] if isinstance(events, str | os.PathLike) else list(events)
    files: list[str] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            found, others = event_tables(path)
            if others:
                raise not_tables(others)
            if not found:
                raise InputError(f"{path}: no Parquet files (`*.parquet`) in the directory")
            for p in found:
                if not is_parquet_file(p):
                    raise InputError(f"{p}: an Arrow IPC file: Dask reads Parquet files (`*.parquet`, `*.pq`)")
            files.extend(str(p) for p in found)
        elif path.name.lower().endswith(PARQUET_SUFFIXES):
            files.append(str(path))
        else:
            raise InputError(f"{path}: not a Parquet file (`*.parquet`, `*.pq`) or a directory of them")
    if not files:
        raise InputError("no Parquet files to evaluate")
    return files


def _firsts(files: Sequence[str], source: str) -> tuple[list[int | None], str]:
    """Each file's first row among all the files' rows (from their footers, read here: a few bytes each),
    and the source that names a row by its file and its row there, as one run over the directory does.
    A file whose footer cannot be read has none: its task words that (E117)."""
    firsts: list[int | None] = []
    parts: list[tuple[int, str]] = []
    first = 1
    for f in files:
        try:
            rows = pq.read_metadata(f).num_rows
        except (OSError, pa.ArrowException):
            firsts.append(None)
            continue
        firsts.append(first)
        parts.append((first, f))
        first += rows
    return firsts, RowSource.of(source, parts)


def _read_file(path: str, first: int, schema: pa.Schema, numbered: bool) -> Any:
    """In a task: one Parquet file as a partition of :func:`_files_frame`'s frame (pandas, Arrow types):
    the columns of ``schema``, and, when ``numbered``, each row's number among all the files' rows (from
    ``first``) in the ``line`` column."""
    try:
        table = conform(pq.read_table(path), schema)
    except (OSError, pa.ArrowException):
        read_arrow(path)  # the one-run reader words the problem: E117, located at the file
        raise
    if numbered:
        table = table.append_column(LINE, pa.array(range(first, first + table.num_rows), pa.int64()))
    return table.to_pandas(types_mapper=pd.ArrowDtype)


def _files_frame(footers: Sequence[TableFooter], source: str) -> tuple[Any, str]:
    """The Parquet files of ``footers`` as one Dask DataFrame, a partition per file, read by pyarrow
    (a column a file lacks: nulls; text and zoned timestamps of different Arrow types: one type, see
    :func:`~sla_dsl.events.arrow.common_schema`), and the source its problems name.

    Not ``dd.read_parquet``: it takes every file to have the first file's columns, and reads the
    columns a later file alone has as missing. Unless the files have a ``line`` column of their own,
    their rows are numbered on from one file to the next, and the source is a
    :class:`~sla_dsl.events.problems.RowSource` of those files: a problem names the file and its row
    there, as one run over the directory does."""
    schema = common_schema(footers)
    numbered = LINE not in schema.names
    firsts, parts, first = [], [], 1
    for footer in footers:
        firsts.append(first)
        parts.append((first, str(footer.path)))
        first += footer.rows
    meta_schema = schema.append(pa.field(LINE, pa.int64())) if numbered else schema
    meta = meta_schema.empty_table().to_pandas(types_mapper=pd.ArrowDtype)
    frame = importlib.import_module("dask.dataframe").from_map(
        _read_file,
        [str(f.path) for f in footers],
        firsts,
        schema=schema,
        numbered=numbered,
        meta=meta,
        label="read-events",
        enforce_metadata=False,
    )
    return frame, (RowSource.of(source, parts) if numbered else source)


def _is_paths(events: Any) -> bool:
    if isinstance(events, str | os.PathLike):
        return True
    return isinstance(events, list | tuple) and all(isinstance(e, str | os.PathLike) for e in events)


def judge(
    policy: PolicyArg,
    events: Any,
    start: Time,
    end: Time,
    as_of: Time | None = None,
    *,
    source: str = "<events>",
    partitioned: bool = False,
    split_every: int = 16,
    shuffle: str = "tasks",
    skip_invalid: bool = False,
) -> Evaluation:
    """Judge a Dask DataFrame of events, or Parquet files (a directory or paths), on the Dask cluster
    (see the module's notes): the compact verdicts of one run."""
    texts = policy_texts(policy)
    check_period(texts, start, end, as_of)
    if _is_paths(events):
        files = _files(events)
        if partitioned:
            judge_one = dask.delayed(judge_file, pure=True)
            firsts, numbered = _firsts(files, source)
            parts = [
                judge_one(texts, f, start, end, as_of, numbered, skip_invalid, first)
                for f, first in zip(files, firsts, strict=True)
            ]
            return finish_blobs(texts, dask.compute(*_tree(parts, split_every)), start, end, as_of)
        footers = check_tables([Path(f) for f in files], declared_types(policies_of(texts)))  # before a task runs
        events, source = _files_frame(footers, source)
    elif not hasattr(events, "map_partitions"):
        raise TypeError(
            f"events: expected a Dask DataFrame or Parquet paths, found {type(events).__name__} "
            "(a table in memory: sla_dsl.evaluate judges it in this process, or dask.dataframe.from_pandas "
            "makes a Dask DataFrame of it)"
        )
    refuse_lacking(events.columns, source)
    if LINE not in events.columns:
        # each row numbered in the frame (a pass that counts each partition's rows): bad rows and the
        # report's notes on contradictions name rows, as one run over the same frame names them
        events, source = _numbered(events), RowSource.of(source)
    frame = events if partitioned else events.shuffle(on=PARTITION_KEY, shuffle_method=shuffle)
    partials = frame.map_partitions(
        _judge_frame, texts, start, end, as_of, source, skip_invalid, meta=pd.Series(dtype=object)
    )
    return finish_blobs(texts, dask.compute(*_tree(list(partials.to_delayed()), split_every)), start, end, as_of)


def _numbered(events: Any) -> Any:
    """The frame with a ``line`` column: each row's number in it, from 1, in partition order."""
    lengths = [int(n) for n in events.map_partitions(len).compute()]
    firsts = list(itertools.accumulate(lengths[:-1], initial=1))
    meta = events._meta.assign(**{LINE: pd.Series(dtype="int64")})
    return events.map_partitions(_number_rows, firsts, meta=meta)


def _number_rows(part: Any, firsts: list[int], partition_info: dict[str, Any] | None = None) -> Any:
    first = firsts[partition_info["number"]] if partition_info is not None else 0
    return part.assign(**{LINE: range(first, first + len(part))})


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
