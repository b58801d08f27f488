"""Read one partition of a distributed event table (a Dask partition, a Spark Arrow batch) into an EventLog.

Design notes
------------
* The rows are read by the Arrow reader (:func:`.arrow.read_table`): the same
  columns, checks and messages as a Parquet file or a DataFrame in the API.
* A partition is a slice of a larger table, so its own row numbers mean nothing
  to the person who must fix a bad event. The table may carry a column
  :data:`LINE` with each event's line (or row) in the original log: records and
  problems are numbered by it, so a message names the original line and a
  distributed run words its data violations exactly as one run over that log
  does. Without the column every event is line 0 (messages name the source only),
  except when the partition is one file (``where``: Dask's Parquet files read one
  per task): its problems then name that file and their row in it, as one run
  over the directory names them.
* ``source`` is what messages name: a plain string reads ``file:LINE`` (a JSON
  Lines log), a :class:`~.problems.RowSource` ``file: row N`` (a Parquet one).
* It comes from the client, pickled without the reader's hold on the input
  (:attr:`~.problems.Source.written`): the log reads the partition's cells again
  instead (``EventLog.cells``, by the original line), so a problem quotes a time
  as the row gives it (E123), as one run does. The log's, not the source's: the
  partial result keeps its source, and must not keep the partition's table.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection
from typing import Any

import pyarrow as pa

from .arrow import read_table
from .problems import EventInputError, Problem, RowSource
from .schema import EventLog

__all__ = ["LINE", "either", "read_partition", "without_lines"]

#: The optional column that numbers each event by its line (or row) in the original log.
LINE = "line"


def _table(events: Any) -> pa.Table:
    if isinstance(events, pa.Table):
        return events
    if isinstance(events, pa.RecordBatch):
        return pa.Table.from_batches([events])
    return pa.table(events)


def _is_pandas(events: Any) -> bool:
    return type(events).__module__.split(".", 1)[0] == "pandas"


def _line(value: Any) -> int:
    """A ``line`` cell as a number (0: none, as a null or a pandas NaN)."""
    try:
        return int(value) if value is not None and value == value else 0
    except (TypeError, ValueError):
        return 0


def read_partition(
    events: Any, source: str = "<events>", *, declared: Collection[str] = (), where: str | None = None
) -> EventLog:
    """The events of one partition (a pyarrow Table or RecordBatch, or a pandas DataFrame), their
    problems left pending for the evaluator to settle with its own (raised when the reading stopped).

    The problems name the line of the original log (the ``line`` column); without one, the row of
    ``where``, the file the partition was read from, or no line at all. A pandas frame is read as
    :func:`~.arrow.read_table` reads any (a Parquet map's cells as pandas holds them, say)."""
    lines: list[int] | None = None
    table: Any
    if _is_pandas(events):
        table = events
        if LINE in table.columns:
            lines = [_line(v) for v in table[LINE].tolist()]
            table = table.drop(columns=[LINE])
    else:
        table = _table(events)
        if LINE in table.column_names:
            lines = [_line(v) for v in table.column(LINE).to_pylist()]
            table = table.drop_columns([LINE])
    rows = where is not None and lines is None  # a file's own rows name the problems
    place = RowSource.of(where) if rows and where is not None else source
    try:
        log = read_table(table, str(source), defer=True, declared=declared)
    except EventInputError as exc:
        raise EventInputError([_renumber(p, place, lines, rows) for p in exc.problems]) from None
    log.cells = _cells(getattr(log.source, "written", None), lines, rows)
    log.source = source
    log.problems[:] = [_renumber(p, place, lines, rows) for p in log.problems]
    aside = log.aside  # (the events of the rows refused, whose values the evaluator checks: named alike)
    if aside is not None:
        aside.source, aside.cells = source, log.cells
    if lines is None:
        return without_lines(log)
    for part in (log,) if aside is None else (log, aside):
        for group in part.groups:
            for ident, recs in group.items():
                group[ident] = [(r[0], r[1], r[2], lines[r[3] - 1] if r[3] else 0) for r in recs]
        part.unread[:] = [u._replace(line=lines[u.line - 1] if u.line else 0) for u in part.unread]
    return log


def _cells(
    read: Callable[[int, str], str | None] | None, lines: list[int] | None, rows: bool
) -> Callable[[int, str], str | None] | None:
    """The partition's cells as given (``read``: by its own rows, from 1) by the number that names each
    row's events: its line in the original log (``lines``), else its row in the file (``rows``); None
    when its events are at no line."""
    if read is None or (lines is None and not rows):
        return None
    if lines is None:
        return read
    index: dict[int, int] = {}  # (made when first asked: a problem's, never a good partition's)

    def written(line: int, column: str) -> str | None:
        if not index:
            for row, n in enumerate(lines, 1):
                index.setdefault(n, row)
        at = index.get(line)
        return read(at, column) if at is not None else None

    return written


def either(
    first: Callable[[int, str], str | None] | None, second: Callable[[int, str], str | None] | None
) -> Callable[[int, str], str | None] | None:
    """The cells of two parts of one log (``EventLog.cells``), each asked in turn."""
    if first is None or second is None:
        return first or second

    def written(line: int, column: str) -> str | None:
        cell = first(line, column)
        return cell if cell is not None else second(line, column)

    return written


def without_lines(log: EventLog) -> EventLog:
    """``log`` with no line numbers on its events (in place): for a read whose lines mean nothing to a
    reader (rows of a partition, ``sla serve``'s stored events), so no note names one."""
    for group in log.groups:
        for ident, recs in group.items():
            group[ident] = [(r[0], r[1], r[2], 0) for r in recs]
    log.unread[:] = [u._replace(line=0) for u in log.unread]
    if log.aside is not None:
        without_lines(log.aside)
    return log


def _renumber(p: Problem, source: str, lines: list[int] | None, rows: bool = False) -> Problem:
    """``p`` at its line of the original log (the ``line`` column), else at its row when the partition is
    a whole file (``rows``), else at no line."""
    if lines is not None:
        line = lines[p.line - 1] if p.line else 0
    else:
        line = p.line if rows else 0
    if not p.line and p.column is not None and not isinstance(source, RowSource):
        source = RowSource.of(source)  # a column's problem: ``<events>: column `priority```, as one run says it
    return dataclasses.replace(p, source=source, line=line)
