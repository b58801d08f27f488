"""Judge a Dask DataFrame of events on a Dask cluster: the report of one run, from many workers.

Design notes
------------
* The frame has the columns of the columnar event schema (``event``, ``at``,
  ``id`` and the payload columns; times as ISO 8601 text or zoned timestamps)
  and, optionally, ``line``: each event's line in the original log, which
  messages name (:mod:`sla_dsl.events.partitions`).
* A frame is judged with the cells it was built from: Dask's string conversion
  (``dataframe.convert-string``, on by default), which makes text of a column of
  Python objects (a dict of ``attributes``, a number among the ids) as each
  partition is made, is taken out of the frame's expression (:func:`_as_built`),
  so the partitions are read as one run reads the pandas frame. A persisted frame
  holds the converted text already, and is judged as it is.
* Without ``source``, messages name the frame ``<table>``, as
  :func:`sla_dsl.evaluate` names a frame.
* Partition key: ``id`` (:mod:`sla_dsl.evaluation.partition`). Unless the
  caller says the frame is already partitioned that way (``partitioned=True``,
  e.g. Parquet written partitioned by a hash of ``id``), it is shuffled on
  ``id`` first, so all events of an id meet in one partition: on the id as the
  reader files it, stripped of the blanks at either end (:func:`_id_keys`, a
  Series beside the frame: no column more moves), so that ``INC-2`` and
  ``" INC-2 "``, one id to the reader, meet too.
* ``map_partitions`` judges each partition into a
  :class:`~sla_dsl.evaluation.partition.Partial` (on the workers, the policy
  compiled once per worker process from its text, sent inside the task).
* Parquet files instead of a frame (a directory or a list of paths): with
  ``partitioned=True`` each file is one partition, read by pyarrow inside its
  task and judged as an Arrow table (:func:`sla_dsl.scale.judge_file`; no pandas
  frame, no Dask DataFrame machinery); otherwise each is read by pyarrow into one
  partition of a frame (``dd.from_map``), conformed to the files' common schema
  (:func:`~sla_dsl.events.arrow_files.common_schema`), and shuffled on ``id``.
* Files given as paths are read on the workers, by their absolute paths from the client's working
  directory (:func:`_on_workers`: a worker's is another); messages name them as the caller gave them.
* Files of different layouts (a column one file lacks, a time as text in one file
  and as zoned timestamps in another) are judged as one run judges them, each
  file read with its own columns: a column of two kinds is one column of the
  frame per kind, each row carries its file's layout (:class:`Layouts`), and a
  partition's rows are read layout by layout under their files' columns
  (:func:`_judge_layouts`), their events then judged as one log. So a field
  missing where its file has no column is said so (E102's help), and a time is
  read as its file has it (a timestamp past the year 9999 is refused for its
  year; as text it would be no time at all). Files all alike are read in one go.
* A frame without a ``line`` column gets one, each row's number in the frame
  (:func:`_numbered`: a pass that counts each partition's rows, 0.03 CPU s for a
  million events from pandas, 0.4 s from eight Parquet files), so that bad rows
  and the notes on contradictions name rows as one run over the frame does.
  Parquet files are numbered on from one file to the next, so that a row is named
  by its file and its row there, as ``sla evaluate`` names it, unless every file
  has a ``line`` column and ``source`` names the original log whose lines it
  counts (:func:`_by_lines`; a ``line`` column is otherwise left out, as one run
  keeps it out of the verdicts). The client reads every file's footer first
  (:func:`~sla_dsl.events.arrow_files.check_tables`): a file it cannot read, or
  that lacks a column or has one of the wrong type, is refused naming the file
  before any task runs, partitioned or not. A file of no row is an empty log
  whatever its columns, as one run reads it: it is left out (when every file
  has none, each is judged as a partition, an empty log). A frame of no row
  is an empty log whatever its columns too (whether it has a row is asked only
  of a frame that lacks ``event``, ``at`` or ``id``: :func:`_has_rows`).
* A frame's text columns of Arrow ``string_view`` (``dd.read_parquet(...,
  dtype_backend="pyarrow")`` of a file polars wrote) are cast to
  ``large_string`` as each partition is made (:func:`_without_views`): no
  kernel of pandas or pyarrow takes rows of views, which the count of a
  partition's rows, the shuffle and the strip of the ids need.
* What the client refuses (the period, a column the frame lacks, a file) is said
  in the policy's primary language (:func:`~sla_dsl.scale.client_lang`), as
  :func:`sla_dsl.evaluate` says it.
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
* Every task (judging a partition or a file, merging, pickling) carries the
  digest of the client's code and its arguments in one payload
  (:func:`sla_dsl.scale.task`): a worker whose ``sla_dsl`` is other code than
  the client's refuses it before anything else, naming where its ``sla_dsl``
  is (:func:`sla_dsl.scale.arguments`), and no report is given.
* Needs the ``scale`` extra (``pip install 'sla-dsl[scale]'``).
"""

from __future__ import annotations

import dataclasses
import importlib
import itertools
import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from .errors import InputError
from .evaluation import Time, api_words
from .evaluation.partition import PARTITION_KEY, Partial, empty, failed, judge_partition, merge
from .evaluation.result import Evaluation
from .events.arrow_files import (
    TableFooter,
    check_tables,
    common_schema,
    conform,
    event_tables,
    not_tables,
    placement,
    read_arrow,
)
from .events.lines import PARQUET_SUFFIXES, is_parquet_file
from .events.partitions import LINE, either, read_partition
from .events.problems import EventInputError, RowSource
from .events.schema import EventLog
from .events.table_schema import lacks_columns
from .i18n import message
from .policy.compiled import Policy, declared_types
from .report import Report
from .report.tables import report_tables
from .scale import (
    BLANKS,
    PolicyText,
    arguments,
    check_period,
    client_lang,
    collector_paused,
    finish_blobs,
    judge_events,
    judge_file,
    older_code,
    pickled,
    policies_of,
    policy_texts,
    refuse_lacking,
    task,
)

__all__ = ["evaluate", "evaluate_tables", "judge"]

# pandas ships no type information, Dask not all of it: both are used through ``Any``
pd: Any = importlib.import_module("pandas")
dask: Any = importlib.import_module("dask")

PolicyArg = str | Path | Policy | Sequence[str | Path | Policy]

#: The name messages give the events without ``source``, as :func:`sla_dsl.evaluate` names a frame.
TABLE = "<table>"
#: The column of a frame of files of several layouts that says each row's layout (:class:`Layouts`):
#: a name no file's column has (a NUL in it).
LAYOUT = "\x00layout"


@dataclasses.dataclass(frozen=True)
class Layouts:
    """The columns of the files of a frame, when they are not all alike (a column one file lacks, a
    column of text in one file and timestamps in another): for each layout, the frame's column that
    holds each of the files' columns and its name there (:func:`~sla_dsl.events.arrow_files.placement`).
    A row's layout is its :data:`LAYOUT` cell. (A class, not a tuple: Dask reads no task in it.)"""

    columns: tuple[tuple[tuple[str, str], ...], ...]


def _judge_frame(frame: Any, payload: dict[str, Any]) -> Any:
    """One partition's partial result, as a Series of one object (what ``map_partitions`` carries).
    ``payload`` (:func:`~sla_dsl.scale.task`): the policy texts, ``start``, ``end``, ``as_of``, ``source``,
    ``skip_invalid`` and the :class:`Layouts` (or None), read once the worker's code is the client's."""
    texts, start, end, as_of, source, skip_invalid, layouts = arguments(payload)
    if layouts is None:
        partial = judge_events(texts, frame, start, end, as_of, source, skip_invalid)
    else:
        partial = _judge_layouts(texts, frame, layouts, start, end, as_of, source, skip_invalid)
    return pd.Series([partial], dtype=object)


def _judge_layouts(
    texts: tuple[PolicyText, ...],
    frame: Any,
    layouts: Layouts,
    start: Time,
    end: Time,
    as_of: Time | None,
    source: str,
    skip_invalid: bool,
) -> Partial:
    """On a worker: judge a partition of files of several layouts as one run judges their events. The
    rows of each layout are read with the columns their files have, under their names and of their
    kinds, as one run reads each file on its own: a field missing where the file has no column for it
    is said so (E102's help), a time is read as text or as a timestamp as its file has it. Their
    events then make one log, judged as :func:`~sla_dsl.scale.judge_table` judges one table's."""
    policies = policies_of(texts)
    declared = declared_types(policies)
    table = pa.Table.from_pandas(frame, preserve_index=False)
    which = table.column(LAYOUT).to_numpy()
    table = table.take(np.argsort(which, kind="stable"))  # the rows of each layout together, in their order
    ends = np.cumsum(np.bincount(which, minlength=len(layouts.columns))).tolist()
    log = EventLog(source)
    with collector_paused():
        for layout, (lo, hi) in zip(layouts.columns, itertools.pairwise([0, *ends]), strict=True):
            if lo == hi:
                continue
            rows = table.slice(lo, hi - lo)
            own = pa.table({name: rows.column(held) for held, name in layout})
            try:
                part = read_partition(own, source, declared=declared)
            except EventInputError as exc:  # (no row of this layout filed: its problems are the log's pending)
                log.problems.extend(exc.problems)
                continue
            _file_into(log, part)
        if log.problems and (log.count == 0 or any(p.fatal for p in log.problems)):
            return failed(source, log.problems)  # the reading stopped, as it stops for one table
        partial = judge_partition(policies, log, start, end, as_of, skip_invalid=skip_invalid)
        del log
    return partial


def _file_into(log: EventLog, part: EventLog) -> None:
    """File the events and pending problems of ``part`` into ``log`` (an id's records in any order: the
    judging sorts them by time, type and line)."""
    for mine, theirs in zip(log.groups, part.groups, strict=True):
        for ident, recs in theirs.items():
            have = mine.get(ident)
            if have is None:
                mine[ident] = recs
            else:
                have.extend(recs)
    log.count += part.count
    log.problems.extend(part.problems)
    log.left_out.extend(part.left_out)
    log.unread.extend(part.unread)
    log.cells = either(log.cells, part.cells)  # (each layout's rows, read again by their lines)


def _partial(part: Partial | Any) -> Partial:
    """A partial, from what a task gives: itself, or ``map_partitions``' Series of one."""
    return part if isinstance(part, Partial) else part.iloc[0]


def _judge_file(payload: dict[str, Any]) -> Partial:
    """A file partition's partial (:func:`~sla_dsl.scale.judge_file` of ``payload``'s arguments, read
    once the worker's code is the client's)."""
    return judge_file(*arguments(payload))


def _merge_all(parts: list[Any], payload: dict[str, Any]) -> Partial:
    arguments(payload)  # (a worker of other code merges nothing)
    return merge([_partial(p) for p in parts])


def _blob(part: Any, payload: dict[str, Any]) -> bytes:
    arguments(payload)
    return pickled(_partial(part))


def _tree(parts: list[Any], split_every: int, texts: tuple[PolicyText, ...]) -> list[Any]:
    """Merge the partials (delayed) as a tree on the workers down to at most ``split_every``, pickled."""
    split_every = max(split_every, 2)
    payload = task(texts)
    while len(parts) > split_every:
        parts = [
            dask.delayed(_merge_all, pure=True)(parts[i : i + split_every], payload)
            for i in range(0, len(parts), split_every)
        ]
    return [dask.delayed(_blob, pure=True)(p, payload) for p in parts]


def _files(events: str | os.PathLike[str] | Sequence[str | os.PathLike[str]], lang: str) -> list[str]:
    """The Parquet files a path names: the file, or a directory's Parquet files in name order, known as
    the one-run reader knows them (:func:`~sla_dsl.events.arrow_files.event_tables`: by suffix or first bytes,
    ``_*`` and ``.*`` passed over, any other file refused); or a list. Refused in ``lang``, the client's."""
    items = [events] if isinstance(events, str | os.PathLike) else list(events)
    files: list[str] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            found, others = event_tables(path)
            if others:
                raise not_tables(others)
            if not found:
                raise InputError(message("author.api.dask_no_parquet", lang, path=path), lang=lang)
            for p in found:
                if not is_parquet_file(p):
                    raise InputError(message("author.api.dask_arrow_ipc", lang, path=p), lang=lang)
            files.extend(str(p) for p in found)
        elif path.name.lower().endswith(PARQUET_SUFFIXES) or not os.path.lexists(path):
            files.append(str(path))  # (a path to nothing: the footers' check says so, as `sla evaluate` does)
        else:
            raise InputError(message("author.api.dask_not_parquet", lang, path=path), lang=lang)
    if not files:
        raise InputError(message("author.api.dask_no_files", lang), lang=lang)
    return files


def _on_workers(path: str | os.PathLike[str]) -> str:
    """The path a worker reads a file by: absolute, from the client's working directory (a worker's is
    not the client's: a relative path would name no file there, or another file). Messages still name the
    file as the caller gave it."""
    return str(Path(path).absolute())


def _firsts(footers: Sequence[TableFooter], source: str) -> tuple[list[int], str]:
    """Each file's first row among all the files' rows (from their footers), and the source that names a
    row by its file and its row there, as one run over the directory does."""
    firsts: list[int] = []
    parts: list[tuple[int, str]] = []
    first = 1
    for footer in footers:
        firsts.append(first)
        parts.append((first, str(footer.path)))
        first += footer.rows
    return firsts, RowSource.of(source, parts)


def _read_file(
    path: str,
    name: str,
    first: int,
    layout: int | None,
    schema: pa.Schema,
    numbered: bool,
    payload: dict[str, Any],
) -> Any:
    """In a task, once the worker's code is the client's (``payload``: :func:`~sla_dsl.scale.task`, the
    check alone): one Parquet file (read at ``path``, named ``name`` as the caller gave it) as a partition
    of :func:`_files_frame`'s frame (pandas, Arrow types):
    the columns of ``schema`` (the file's own ``line`` left out when ``numbered``); when ``numbered``,
    each row's number among all the files' rows (from ``first``) in the ``line`` column; and the file's
    layout (:class:`Layouts`), when the files have several, in the :data:`LAYOUT` column."""
    arguments(payload)
    try:
        table = pq.read_table(path)
        if numbered and LINE in table.column_names:
            table = table.drop_columns([LINE])
        table = conform(table, schema)
    except (OSError, pa.ArrowException):
        read_arrow(path, name=name)  # the one-run reader words the problem: E117, at the file as given
        raise
    if numbered:
        table = table.append_column(LINE, pa.array(range(first, first + table.num_rows), pa.int64()))
    if layout is not None:
        table = table.append_column(LAYOUT, pa.repeat(pa.scalar(layout, pa.int32()), table.num_rows))
    return table.to_pandas(types_mapper=pd.ArrowDtype)


def _without_line(footer: TableFooter) -> TableFooter:
    """``footer`` without a ``line`` column (the files' rows are numbered instead)."""
    names = footer.schema.names
    return footer._replace(schema=footer.schema.remove(names.index(LINE))) if LINE in names else footer


def _files_frame(
    footers: Sequence[TableFooter], source: str, numbered: bool, texts: tuple[PolicyText, ...]
) -> tuple[Any, str, Layouts | None]:
    """The Parquet files of ``footers`` as one Dask DataFrame, a partition per file, read by pyarrow
    (a column a file lacks: nulls; text and zoned timestamps of different Arrow types: one type; a
    column of two kinds: a column per kind; see :func:`~sla_dsl.events.arrow_files.common_schema`), the
    source its problems name, and the files' layouts when they are not all alike (:class:`Layouts`:
    a partition's rows are then read layout by layout).

    Not ``dd.read_parquet``: it takes every file to have the first file's columns, and reads the
    columns a later file alone has as missing. When ``numbered`` (unless every file has a ``line``
    column of its own and the caller named the original log: :func:`_by_lines`) their rows are numbered
    on from one file to the next (a ``line`` column of a file's own left out, as one run keeps it out of
    the verdicts), and the source is a :class:`~sla_dsl.events.problems.RowSource` of those files: a
    problem names the file and its row there, as one run over the directory does."""
    if numbered:
        footers = [_without_line(f) for f in footers]
    schema = common_schema(footers)
    # (text of views as ``large_string``: pandas and Dask take no rows of views, :func:`_without_views`)
    schema = pa.schema(f.with_type(pa.large_string()) if pa.types.is_string_view(f.type) else f for f in schema)
    placed = [placement(f.schema, schema) for f in footers]
    index = {p: k for k, p in enumerate(dict.fromkeys(placed))}  # each distinct layout, in order of first sight
    extra = ((LINE, LINE),) if numbered else ()
    layouts = Layouts(tuple((*p, *extra) for p in index)) if len(index) > 1 else None
    firsts, named = _firsts(footers, source)
    meta_schema = schema.append(pa.field(LINE, pa.int64())) if numbered else schema
    if layouts is not None:
        meta_schema = meta_schema.append(pa.field(LAYOUT, pa.int32()))
    meta = meta_schema.empty_table().to_pandas(types_mapper=pd.ArrowDtype)
    frame = importlib.import_module("dask.dataframe").from_map(
        _read_file,
        [_on_workers(f.path) for f in footers],
        [str(f.path) for f in footers],
        firsts,
        [index[p] if layouts is not None else None for p in placed],
        schema=schema,
        numbered=numbered,
        payload=task(texts),
        meta=meta,
        label="read-events",
        enforce_metadata=False,
    )
    return frame, (named if numbered else source), layouts


def _by_lines(footers: Sequence[TableFooter], source: str) -> bool:
    """Whether the files' events are named by the lines of the original log their ``line`` columns give:
    when the caller names that log (``source``, not :data:`TABLE`) and every file has the column.
    Otherwise each is named by its file and its row there, as ``sla evaluate`` names the rows of a
    directory (which reads no ``line`` column)."""
    return source != TABLE and all(LINE in f.schema.names for f in footers)


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
    source: str = TABLE,
    partitioned: bool = False,
    split_every: int = 16,
    shuffle: str = "tasks",
    skip_invalid: bool = False,
) -> Evaluation:
    """Judge a Dask DataFrame of events, or Parquet files (a directory or paths), on the Dask cluster
    (see the module's notes): the compact verdicts of one run. ``source``: the name messages give the
    events (``<table>``, as :func:`sla_dsl.evaluate` names a frame; Parquet files are named by their files
    and rows unless ``source`` names the original log their ``line`` columns count the lines of)."""
    texts = policy_texts(policy)
    check_period(texts, start, end, as_of)
    with api_words(client_lang(texts)):  # (what the client refuses, in the policy's primary language)
        return _judge(texts, events, start, end, as_of, source, partitioned, split_every, shuffle, skip_invalid)


def _judge(
    texts: tuple[PolicyText, ...],
    events: Any,
    start: Time,
    end: Time,
    as_of: Time | None,
    source: str,
    partitioned: bool,
    split_every: int,
    shuffle: str,
    skip_invalid: bool,
) -> Evaluation:
    """:func:`judge` once the policy and the period are checked."""
    layouts: Layouts | None = None
    if _is_paths(events):
        files = _files(events, client_lang(texts))
        footers = check_tables([Path(f) for f in files], declared_types(policies_of(texts)))  # before a task runs
        if any(f.rows for f in footers):  # (a file of no row holds no event, whatever its columns: left out)
            files, footers = [f for f, r in zip(files, footers, strict=True) if r.rows], [r for r in footers if r.rows]
        else:  # (each read by the one-run reader, as an empty log: a frame would lack the events' columns)
            partitioned = True
        by_lines = _by_lines(footers, source)
        if partitioned:
            judge_one = dask.delayed(_judge_file, pure=True)
            firsts, named = _firsts(footers, source)
            parts = [
                judge_one(task(texts, _on_workers(f), start, end, as_of, source, skip_invalid, None, f))
                if by_lines
                else judge_one(task(texts, _on_workers(f), start, end, as_of, named, skip_invalid, first, f))
                for f, first in zip(files, firsts, strict=True)
            ]
            return finish_blobs(texts, _computed(_tree(parts, split_every, texts), texts), start, end, as_of)
        events, source, layouts = _files_frame(footers, source, not by_lines, texts)
    elif not hasattr(events, "map_partitions"):  # (said in the policy's primary language, as the period is)
        raise TypeError(message("author.api.dask_events_type", client_lang(texts), kind=type(events).__name__))
    else:
        events = _without_views(_as_built(events))
        if lacks_columns(map(str, events.columns), RowSource.of(source)) is not None and not _has_rows(events):
            # a frame of no row is an empty log whatever its columns, as one run reads a table of no row
            none = RowSource.of(source) if LINE not in events.columns else source
            return finish_blobs(texts, [pickled(empty(none))], start, end, as_of)
    refuse_lacking(events.columns, source)
    if LINE not in events.columns:
        # each row numbered in the frame (a pass that counts each partition's rows): bad rows and the
        # report's notes on contradictions name rows, as one run over the same frame names them
        events, source = _numbered(events), RowSource.of(source)
    frame = events if partitioned else events.shuffle(on=_keys(events), shuffle_method=shuffle)
    payload = task(texts, start, end, as_of, source, skip_invalid, layouts)
    partials = frame.map_partitions(_judge_frame, payload, meta=pd.Series(dtype=object))
    blobs = _computed(_tree(list(partials.to_delayed()), split_every, texts), texts)
    return finish_blobs(texts, blobs, start, end, as_of)


#: The functions the workers run by name (their own ``sla_dsl``'s): a worker of a release before the check of
#: the client's code refuses a call of one with this release's arguments (:func:`_computed`).
_ENTRIES = ("_judge_frame", "_judge_file", "_read_file", "_merge_all", "_blob")


def _computed(graphs: list[Any], texts: tuple[PolicyText, ...]) -> tuple[Any, ...]:
    """The results of ``graphs`` from the cluster; a worker older than the check of the client's code, whose
    function of a task's name refused this release's arguments (:func:`~sla_dsl.scale.older_code`), as
    :class:`~sla_dsl.scale.OtherCodeError` in the policy's primary language, not its raw ``TypeError``."""
    try:
        return tuple(dask.compute(*graphs))
    except TypeError as exc:
        refused = older_code(exc, _ENTRIES, client_lang(texts))
        if refused is not None:
            raise refused from None
        raise


def _has_rows(events: Any) -> bool:
    """Whether a Dask frame holds a row (asked only of a frame whose columns are refused: it reads the
    partitions, the first row of each)."""
    with warnings.catch_warnings():  # (Dask warns when the frame holds fewer rows than asked)
        warnings.simplefilter("ignore", UserWarning)
        return len(events.head(1, npartitions=-1, compute=True)) > 0


def _without_views(events: Any) -> Any:
    """The frame with its columns of Arrow ``string_view`` text as ``large_string``, cast as each partition
    is made. A view is text to the reader, but pandas and pyarrow have no kernel to take rows of views by
    (Dask's count of a partition's rows, its shuffle, the strip of the ids: ``Function 'array_take' has no
    kernel matching input types (string_view, int64)``), as ``dd.read_parquet(...,
    dtype_backend="pyarrow")`` gives them of a file written with views (polars writes its text so)."""
    viewed = [name for name, dtype in events._meta.dtypes.items() if _is_view(dtype)]
    if not viewed:
        return events
    return events.map_partitions(_cast_views, viewed, meta=_cast_views(events._meta, viewed))


def _is_view(dtype: Any) -> bool:
    t = getattr(dtype, "pyarrow_dtype", None)
    return t is not None and pa.types.is_string_view(t)


def _cast_views(part: Any, names: list[str]) -> Any:
    """A partition with its columns ``names`` of views cast to ``large_string`` by pyarrow (pandas' own
    ``astype`` knows no view)."""
    columns = {}
    for name in part.columns:
        column = part[name]
        if name in names:
            held = pa.chunked_array(column.array.__arrow_array__()).cast(pa.large_string())
            column = pd.Series(pd.arrays.ArrowExtensionArray(held), index=part.index, name=name)
        columns[name] = column
    return pd.DataFrame(columns, index=part.index)


def _as_built(events: Any) -> Any:
    """The frame with its cells as the Python objects it was built from, where Dask's string conversion
    (its ``dataframe.convert-string`` setting, on by default) would make text of them: Dask converts a
    column of Python objects to text whatever it holds, so a dict of ``attributes`` becomes the text
    ``"{'plan': 'premium'}"`` (refused, E109) and the number 17 of an ``id`` the text ``"17"`` (taken
    as an id, where one run over the pandas frame refuses the number, E106). The conversion is a step
    of the frame's expression, applied as each partition is made: ``dd.from_pandas`` keeps the frame
    it was given and converts each slice of it (its ``pyarrow_strings_enabled``, set from the setting
    when it was called), ``dd.from_delayed``, ``dd.from_map`` and ``dd.read_json`` wrap what they read
    in an ``ArrowStringConversion``. Both are taken out, wherever they are under the caller's own
    steps, so the partitions hold what the frame was built from, as under the setting ``False``. A
    frame whose partitions were computed already (``persist``) holds only the text: it is judged as
    it is (the documentation says to build such a frame with the setting off)."""
    expr = getattr(events, "expr", None)
    steps = _conversion_steps()
    if expr is None or steps is None:
        return events
    converting = steps[0]
    undone = expr
    while True:
        found = (n for n in undone.find_operations(steps) if isinstance(n, converting) or n.pyarrow_strings_enabled)
        node = next(found, None)
        if node is None:
            break
        if isinstance(node, converting):
            undone = undone.substitute(node, node.frame)
        else:
            undone = undone.substitute(node, node.substitute_parameters({"pyarrow_strings_enabled": False}))
    if undone is expr:
        return events
    return type(events)(undone)


def _conversion_steps() -> tuple[Any, Any] | None:
    """Dask's expression types of the string conversion: ``ArrowStringConversion`` and ``FromPandas``
    (in ``dask.dataframe.dask_expr``, or the ``dask_expr`` package of Dask 2024.12)."""
    for root in ("dask.dataframe.dask_expr", "dask_expr"):
        try:
            converting = importlib.import_module(f"{root}._expr").ArrowStringConversion
            from_pandas = importlib.import_module(f"{root}.io.io").FromPandas
        except (ImportError, AttributeError):
            continue
        return converting, from_pandas
    return None


def _keys(events: Any) -> Any:
    """The partition key of each row of a Dask DataFrame (:func:`_id_keys` of its ``id``)."""
    ids = events[PARTITION_KEY]
    return ids.map_partitions(_id_keys, meta=_id_keys(ids._meta))


def _id_keys(ids: Any) -> Any:
    """A partition's ids as the shuffle hashes them: stripped of :data:`~sla_dsl.scale.BLANKS` at either
    end, as the reader strips an id (a Series of text of the frame's kind: object, pandas or Arrow text;
    any two hash alike when their texts are alike). A cell that is no text (refused by the reader
    wherever it goes) is none."""
    if ids.dtype != object:
        try:
            return ids.str.strip(BLANKS)  # (pandas' and Arrow's text: at C speed)
        except (AttributeError, TypeError, ValueError, pa.ArrowException):
            pass  # (no text: a column of numbers, refused as a whole)
    return pd.Series(
        [v.strip(BLANKS) if isinstance(v, str) else None for v in ids.tolist()],
        index=ids.index,
        dtype=object,
        name=ids.name,
    )


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
