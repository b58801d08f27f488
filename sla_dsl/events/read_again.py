"""A text log's cell read again from its file: a time as its line gives it, for a problem that quotes one.

Design notes
------------
* The log holds each event's times as instants, and a text log keeps no text of its lines: a good
  line costs nothing. Only the times outside the supported years are noted as the lines are read
  (:class:`~.problems.Noted`, E123). A deadline counted from an event (E124) falls outside from a time
  inside them, which no reader could tell without the policy: so the file is read again for the one
  line a problem quotes, as a table's file is (:mod:`.arrow_files`), and only then.
* The line is found as the readers number them: a JSON Lines file's physical lines; a CSV file's
  rows by the first physical line of each, past its header, through the CSV reader's own lines
  (:class:`~.csv_reader._CsvLines`). A compressed file is decompressed again.
* Anything the reading meets (the file gone or changed, a line that is no longer an event) gives
  None: the problem then quotes the instant in the policy's zone, as it would anyway. Its caller
  checks the text against the instant the log holds (E124: :mod:`sla_dsl.evaluation.deadline_times`),
  so a file written since is never quoted for an event it no longer holds.
* Standard input and a pipe cannot be read again: their source has no file to read. A list of
  events given to the API is looked at again instead (:func:`items_again`), its item by its number.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import orjson

from .compact import _as_given
from .csv_reader import _csv_header_first, _CsvLines
from .fields import BLANKS
from .lines import (
    MAX_LINE_BYTES,
    READ_ERRORS,
    UnreadableCompression,
    bounded_lines,
    drop_rest,
    text_stream,
    uncompressed,
)

__all__ = ["cells_again", "items_again"]

#: What reading the file again may meet: the problem then quotes the instant (see the notes).
_FAILURES: tuple[type[Exception], ...] = (*READ_ERRORS, UnreadableCompression, ValueError, csv.Error)


def cells_again(path: Path, csv_named: bool) -> Callable[[int, str], str | None]:
    """The cell (``line``, ``column``) of the text log at ``path`` as its line gives it, read again when
    asked (``csv_named``: a CSV file by its name; else by its first line, as the reader tells)."""

    def written(line: int, column: str) -> str | None:
        try:
            with path.open("rb") as fb:
                stream = uncompressed(fb)
                is_csv, stream = (True, stream) if csv_named else _csv_header_first(stream)
                value = _csv_cell(stream, line, column) if is_csv else _jsonl_cell(stream, line, column)
        except _FAILURES:
            return None
        return value.strip(BLANKS) if isinstance(value, str) else None

    return written


def items_again(events: Sequence[Any]) -> Callable[[int, str], str | None]:
    """The time ``column`` of item ``line`` (from 1) of a list of events as it gives it (a dict's text, an
    event model's time in an offset other than UTC's: as :meth:`~.compact.EventLog.add_event` notes one)."""

    def written(line: int, column: str) -> str | None:
        if not 1 <= line <= len(events):
            return None
        item = events[line - 1]
        if isinstance(item, Mapping):
            return _as_given(item.get(column))
        if getattr(item, "line", None) not in (None, 0, line):
            return None  # (a model filed at a line of its own: not this item's number)
        return _as_given(getattr(item, column, None))

    return written


def _jsonl_cell(stream: IO[bytes], line: int, column: str) -> Any:
    """Field ``column`` of JSON Lines line ``line`` (None: no such line, or no object there)."""
    for n, raw in enumerate(bounded_lines(stream, b""), 1):
        if len(raw) > MAX_LINE_BYTES:  # (over-long: passed over whole, as the reader does)
            if n == line or drop_rest(stream, raw) is None:
                return None
            continue
        if n == line:
            data = orjson.loads(raw.removeprefix(b"\xef\xbb\xbf"))
            return data.get(column) if type(data) is dict else None
    return None


def _csv_cell(stream: IO[bytes], line: int, column: str) -> Any:
    """Cell ``column`` of the CSV row whose first physical line is ``line``."""
    text = text_stream(stream)
    try:
        lines = _CsvLines(text)
        rows = csv.reader(lines)
        header = [h.strip() for h in next(rows, None) or ()]
        if column not in header:
            return None
        k = header.index(column)
        lines.fresh = True
        for row in rows:
            start, lines.fresh = lines.start, True
            if start == line:
                return row[k] if k < len(row) else None
            if start > line:
                return None
        return None
    finally:
        text.detach()
