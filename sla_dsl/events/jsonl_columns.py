"""A JSON Lines file read by Arrow's C++ JSON reader and filed on whole columns.

Design notes
------------
* The line-by-line reader (:func:`~.reader.read_jsonl`) spends most of a large
  log's reading in Python: a dict per line from orjson, then its filing. Arrow's
  JSON reader parses the same text into columns in C++, and the columns are filed
  by :func:`~.arrow_columns.file_batch`, the Parquet path's filing, which reads
  times with the JSON Lines reader's own parser (:func:`~.fast.fast_epoch`, the
  plain whole-second form by Arrow's cast checked to mean the same).
* A row the filing does not take on columns (an unknown type, a time in another
  form, a missing field, ``attributes`` that are not an object of texts: whatever
  the models must decide; a time outside the supported years, which the line
  reader notes as the line gives it, for E123 to quote) and a row giving an
  object or a list in a field the contract does not name are handed, in their turn, to the caller with their
  line's bytes: the line reader files that line as it files any (its one-line
  path), and words its problem at its line. At most :data:`_MOST_HANDED` of
  them: past that, the filing's runs between them cost more than reading the
  lines, and the file is left to the line reader. So is a row giving a value to
  a column that is a field of the contract written otherwise (``Cause``, with no
  value in ``cause``) or an attribute split out of ``attributes``
  (``attributes.plan``): the line reader refuses its line (E109).
* ``attributes`` objects are a struct column to Arrow, filed on columns
  (:func:`~.arrow_columns.file_batch` judges each distinct object once): a
  log whose every report gives its plan keeps the columns. A null field of the
  struct is a key the row does not give, or gives ``null`` (which the line
  reader refuses): Arrow cannot tell them apart, so a row with a null field
  whose line holds ``null`` anywhere is handed back (:func:`_unsure`), and so is
  a row whose object gives a value that is not text (Arrow's field of another
  type: a number, an object, a time it read from a text).
* A ``null`` is no value to Arrow and, for every row the columns file, to the
  line reader too: an optional field given ``null`` is filed as absent (the
  models' default), and a field of the contract its type does not carry, or one
  the contract does not name, given ``null`` is noted as unread by neither
  (:func:`~.schema.gives_value`), as when it is absent. A required field
  (``event``, ``at``, ``id``, a ``priority``...) given ``null`` is a missing
  field, E102, as a table's null cell is: the columns do not take the row (it
  is not an event), it is handed back with its line, and worded there. A null
  inside an object or a list is in a row handed back for its object (or,
  where Arrow builds the column wrong, refused by the check of every batch),
  or one with a null field of its struct (above). A
  ``null`` line is no object (below).
* Arrow fixes a reader's columns and their types from the first block it
  parses: a field null in every row of that block (typed ``null``) that gives
  text later, or a field first given later, would stop it. So each block of
  whole lines (:data:`_BLOCK` bytes at most, :func:`_blocks`) is parsed by a
  reader of its own, which infers that block's types (every block starts with
  an object: Arrow's reader crashes on one whose first value is ``null``).
* Arrow is told only that the times are text (:func:`_times_schema`): it
  converts a column it infers as text much faster than one it is told is text.
  A block where it infers a field of the contract as anything but text (a
  number, an object, an id that reads as a date) is parsed again with every
  field told (:func:`_parsed`): then read exactly as when every block was.
* Each row is one line, so a row's number is its line's. Arrow's parser reads
  objects, not lines: it passes over a blank line, reads two objects on one
  line, and reads an object on across a newline (``{"id": "A",`` then
  ``"at": ...}{...}``: two rows of two lines, where the line reader has two bad
  lines). So Arrow parses only lines that are an object from their first byte
  (``{``) to their last (``}``, before a ``\\r\\n``). An object can then not
  go on past a newline: no text holds a raw newline (the parser refuses it, as
  JSON does), and after a ``}`` a value goes on with ``,``, ``}`` or ``]``,
  never ``{``. Each line holds whole objects, and each block's row count is its
  line count (checked): one object a line.
* Most logs are such lines only, known at the newlines (:func:`_lines_of_objects`:
  the bytes beside each newline, read on numpy arrays from the newlines found
  once, which also count each block's lines: about 0.04 CPU s for a year's 85
  MB, where counting ``}\\n{`` and each block's newlines as patterns took 0.08).
  Any other line (a blank line, a comment, a byte-order mark, blanks around an
  object, ``null``, a line that is not JSON:
  an export's header comment, a blank line at its end) is found by its first
  and last bytes (:func:`_apart`), handed to the line reader as it is, in its
  turn, and the runs of lines between are parsed in blocks of their own: as the
  line reader reads it, passed over, filed, or its problem worded at its line.
  Past :data:`_MOST_HANDED` of them with the rows handed back, the log is the
  line reader's.
* What Arrow would read otherwise than the line reader leaves the whole file to
  the line reader (this returns False, nothing kept): a line of objects that is
  not one object (two, or an object then more), a type changed within a block's
  column or a field typed otherwise than the contract's text, a key named twice,
  a line near the length cap, text that is not UTF-8. A log holding one costs
  one Arrow parse more (up to where it is found) and reads exactly as before.
  Otherwise the log is the line reader's: the same records, lines and order,
  the same problems (tested on random logs, nulls in every field and whole
  columns of them among them).
* Only for a regular, uncompressed file of a size :func:`~.lines.columns_worth`
  takes: the text is held whole while Arrow parses it (a larger log streams
  through the line reader, which holds none of it); a small one is read faster
  line by line than pyarrow is imported. When the columns give up partway, the
  progress already shown is not taken back (:class:`~.collect.Shown`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from functools import partial
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pj

from .arrow_columns import Bools, Ints, _mask, file_batch, plain_times
from .collect import Progress
from .fields import CONTRACT_KEYS, flattened_key, meant_field
from .lines import MAX_LINE_BYTES, lines_shorter, plain_bytes
from .schema import EventLog, declare_types
from .table_schema import _is_text, arrow_schema

__all__ = ["read_jsonl_columns"]

#: Bytes Arrow parses and the filing files at a time, at most (past the line cap: any line near it is refused
#: first, so a block holds whole lines).
_BLOCK = 4 << 20
#: The contract's time fields, and the type a plain one becomes (as the filing casts it).
_TIMES = frozenset({"at", "start", "end"})
_UTC_SECONDS = pa.timestamp("s", tz="UTC")


class _NotLines(Exception):
    """A row past the file's lines (a line held two objects), one row too many to hand back, or a line
    longer than a block: the line reader must read the file."""


#: Rows handed back to the line reader at most (the filing's runs between them cost more than the lines).
_MOST_HANDED = 1_000


def _schema() -> pa.Schema:
    """Every field of the contract that JSON writes as text, as text: times too (the filing reads them).
    A map field (``attributes``) is left to Arrow to infer: a struct of an object's keys."""
    return pa.schema(
        [pa.field(f.name, pa.string()) for f in arrow_schema() if not pa.types.is_map(f.type)],
    )


def _times_schema() -> pa.Schema:
    """The contract's times as text, every other field inferred: Arrow's parser converts a column it
    infers as text faster than one it is told is text (0.26 against 0.42 CPU s for a year's log), and a
    time must stay text (its inferred type would take a time without an offset, which the line reader
    refuses). A block whose other text fields are inferred otherwise is parsed again (:func:`_parsed`)."""
    return pa.schema([pa.field(name, pa.string()) for name in sorted(_TIMES)])


#: The contract's fields that JSON writes as text, times left out: inferred, they must come out as text.
_TEXTS = frozenset(f.name for f in arrow_schema() if not pa.types.is_map(f.type)) - _TIMES


def _parsed(text: pa.Buffer, piece: _Piece, loose: pj.ParseOptions, strict: pj.ParseOptions) -> list[pa.RecordBatch]:
    """The batches of ``piece`` of ``text`` (one: a reader per block, its block the piece), parsed with the
    times as text and every other field inferred (``loose``); when Arrow infers a field of the contract
    as something else than text (a number, an object, an id that reads as a date), parsed again with
    every field told (``strict``): as the line reader reads it, or refused as it always was."""
    batches: list[pa.RecordBatch] = []
    for options in (loose, strict):
        block = pj.open_json(
            pa.BufferReader(text.slice(piece.start, piece.end - piece.start)),
            read_options=pj.ReadOptions(use_threads=False, block_size=piece.end - piece.start),
            parse_options=options,
        )
        batches = list(block)
        if all(_as_told(b.schema) for b in batches):
            break
    return batches


def _as_told(schema: pa.Schema) -> bool:
    """Whether every field of the contract written as text in ``schema`` is text (or all null)."""
    return all(pa.types.is_string(f.type) or pa.types.is_null(f.type) for f in schema if f.name in _TEXTS)


def _objects(batch: pa.RecordBatch, lines: _Lines, first: int) -> Bools | None:
    """The rows of ``batch`` (the first is line ``first`` of ``lines``) the line reader must file: those
    giving an object or a list in a field the contract does not name (Arrow infers its type) or as
    ``attributes`` (a list), those whose ``attributes`` object Arrow cannot tell (:func:`_unsure`), and
    those giving a field of the contract under another name, which it refuses (:func:`_misnamed`);
    None when there is none."""
    found: Bools | None = None
    names = batch.schema.names
    for name, col in zip(names, batch.columns, strict=True):
        if name not in CONTRACT_KEYS and col.null_count < len(col) and (flattened_key(name) or meant_field(name)):
            given = _misnamed(batch, name, col)
            found = given if found is None else found | given
        if not pa.types.is_nested(col.type) or col.null_count == len(col):
            continue
        if name == "attributes" and pa.types.is_struct(col.type):
            given = _unsure(col, lines, first)
        else:
            given = ~_mask(col.is_null())
        found = given if found is None else found | given
    return found


def _misnamed(batch: pa.RecordBatch, name: str, col: pa.Array) -> Bools:
    """The rows giving a value to ``name``, a field of the contract written otherwise (``Cause``,
    `` cause``) or an attribute split out of ``attributes`` (``attributes.plan``): those the line reader
    refuses (:func:`~.reader.misnamed_problems`; a field written otherwise, when the row gives no value
    under its own name)."""
    given = ~_mask(col.is_null())
    meant = meant_field(name)
    at = batch.schema.get_field_index(meant) if meant is not None else -1
    if at >= 0:
        given &= _mask(batch.column(at).is_null())
    return given


def _unsure(col: pa.StructArray, lines: _Lines, first: int) -> Bools:
    """The rows whose ``attributes`` struct the filing cannot take as the line reader reads the object:
    a null field (a key not given, or given ``null``: so when the row's line holds ``null`` anywhere)
    and a field of another type than text given (the line reader decides)."""
    given = ~_mask(col.is_null())
    lacks = np.zeros(len(col), dtype=bool)
    odd = np.zeros(len(col), dtype=bool)
    for child in col.flatten():
        nulls = _mask(child.is_null())
        lacks |= nulls
        if not (pa.types.is_null(child.type) or _is_text(child.type)):
            odd |= ~nulls
    lacks &= given & ~odd
    if lacks.any():
        rows = np.flatnonzero(lacks)
        lacks[rows] = lines.hold(b"null", rows + first)
    return (odd & given) | lacks


class _Lines:
    """The lines of a block of ``data`` (bytes [start, end), its first line ``first``), whose rows are its
    lines: what each holds, asked only of the few rows that need it."""

    def __init__(self, data: bytes, start: int, end: int, first: int) -> None:
        self.data, self.start, self.end, self.first = data, start, end, first
        self.bounds: tuple[Ints, Ints] | None = None

    def hold(self, text: bytes, lines: Ints) -> Bools:
        """Whether each of ``lines`` (numbers in the log) holds ``text`` (a line past the block: yes)."""
        if self.bounds is None:
            start, end = self.start, self.end
            newlines = np.flatnonzero(np.frombuffer(self.data, np.uint8, end - start, start) == 10) + start
            self.bounds = np.concatenate(([start], newlines + 1)), np.concatenate((newlines, [end]))
        begins, ends = self.bounds
        find = self.data.find
        at = lines - self.first
        return np.fromiter(
            (k >= len(begins) or find(text, int(begins[k]), int(ends[k])) >= 0 for k in at.tolist()),
            bool,
            len(at),
        )


def _lines_of_objects(data: bytes, newlines: Ints) -> bool:
    """Whether every line of ``data`` (one at least; its newlines at ``newlines``) opens with ``{`` at its
    first byte and closes with ``}`` at its last (before a ``\\r\\n``): each newline but a final one joins
    ``}`` to ``{`` (see the notes: then no object goes on past a newline). The bytes beside each newline
    read on numpy arrays, from the newlines the blocks are cut at: a year's log in about 0.01 s."""
    if data.endswith(b"\n"):
        newlines = newlines[:-1]
        if not data.endswith((b"}\n", b"}\r\n")):
            return False
    elif not data.endswith(b"}"):
        return False
    if not data.startswith(b"{"):
        return False  # (so every newline has a byte before it, and, but a final one, one after it)
    text = np.frombuffer(data, np.uint8)
    before = text[newlines - 1]
    closed = before == 125
    if b"\r" in data:  # (``}\r\n{``)
        closed |= (before == 13) & (text[np.maximum(newlines - 2, 0)] == 125)
    return bool((closed & (text[newlines + 1] == 123)).all())


class _Piece(NamedTuple):
    """Lines ``first`` to ``first + lines - 1`` of a log, its bytes [start, end), their newlines with them:
    a block Arrow parses, every line an object from end to end; or (``odd``) one line that is not, handed
    to the line reader as it is."""

    start: int
    end: int
    first: int
    lines: int
    odd: bool = False


def _pieces(data: bytes) -> list[_Piece] | None:
    """The blocks and odd lines of ``data`` in line order (see the notes); None when the line reader must
    read it: a line near the cap or longer than a block, or more odd lines than may be handed."""
    if not data or not lines_shorter(data, MAX_LINE_BYTES):  # (else the line reader measures them)
        return None
    newlines = _newlines(data)  # (each block's lines counted from them)
    try:
        blocks = list(_blocks(data, 0, len(data), 1, newlines))
        return blocks if _lines_of_objects(data, newlines) else _apart(data, newlines)
    except _NotLines:
        return None


def _newlines(data: bytes) -> Ints:
    """Where the newlines of ``data`` are, found a window (:data:`_WINDOW`) at a time: a mask of the whole
    text at once (85 MB for a year's log) cost as much again in the kernel's page faults as the search."""
    text = np.frombuffer(data, np.uint8)
    found = [np.flatnonzero(text[k : k + _WINDOW] == 10) + k for k in range(0, len(text), _WINDOW)]
    return np.concatenate(found) if found else np.zeros(0, np.int64)


def _apart(data: bytes, newlines: Ints) -> list[_Piece] | None:
    """The pieces of ``data`` where some line is not an object from end to end: each such line alone, the
    runs of lines between them in blocks; None past :data:`_MOST_HANDED` of them. Every line's first and
    last bytes looked at on numpy arrays: about 0.06 CPU s for a year's 85 MB, only for such a log."""
    size = len(data)
    text = np.frombuffer(data, np.uint8)
    starts = np.concatenate((np.zeros(1, np.int64), newlines + 1))
    ends = np.concatenate((newlines, np.full(1, size, np.int64)))  # (each line's end, before its newline)
    if data.endswith(b"\n"):  # (no line after the last newline)
        starts, ends = starts[:-1], ends[:-1]
    cr = (ends > starts) & (text[ends - 1] == 13)  # (a \r before the newline: an empty line's is masked)
    last = ends - 1 - cr
    whole = (last > starts) & (text[np.minimum(starts, size - 1)] == 123) & (text[np.maximum(last, 0)] == 125)
    odd = np.flatnonzero(~whole)
    if len(odd) > _MOST_HANDED:
        return None
    n = len(starts)
    at = [*(int(s) for s in starts[odd]), size]  # (the odd lines' starts, then the end)
    pieces: list[_Piece] = []
    begin = 0  # the first line (from 0) of the run before the next odd line
    for k, line in enumerate(int(o) for o in odd):
        if line > begin:
            pieces.extend(_blocks(data, int(starts[begin]), at[k], begin + 1, newlines))
        pieces.append(_Piece(at[k], int(starts[line + 1]) if line + 1 < n else size, line + 1, 1, True))
        begin = line + 1
    if begin < n:
        pieces.extend(_blocks(data, int(starts[begin]), size, begin + 1, newlines))
    return pieces


def _blocks(data: bytes, start: int, stop: int, first: int, newlines: Ints) -> Iterator[_Piece]:
    """The blocks of bytes [start, stop) of ``data`` (its newlines at ``newlines``), whole lines from line
    ``first`` on (each an object: :func:`_pieces`), at most :data:`_BLOCK` bytes each. Raises _NotLines at
    a line longer than that."""
    size = len(data)
    while start < stop:
        end = stop if stop - start <= _BLOCK else data.rfind(b"\n", start, start + _BLOCK) + 1
        if end <= start:
            raise _NotLines
        held = int(np.searchsorted(newlines, end) - np.searchsorted(newlines, start))  # (newlines in it)
        lines = held + (end == size and not data.endswith(b"\n"))
        yield _Piece(start, end, first, lines)
        first += lines
        start = end


def _instants(batch: pa.RecordBatch) -> pa.RecordBatch:
    """``batch`` with each time column whose every text is in the plain whole-second form
    (:data:`~.arrow_columns.PLAIN_TIME`) cast to a timestamp, as the filing would read each text (one
    cast of the column, not a dictionary of its many distinct texts); any other stays text."""
    for k, name in enumerate(batch.schema.names):
        if name not in _TIMES:
            continue
        col = batch.column(k)
        given = col.drop_null() if col.null_count else col
        if not len(given) or not plain_times(given).all():
            continue
        try:
            stamps = pc.cast(col, _UTC_SECONDS)
        except pa.ArrowInvalid:  # (a 30 February: the filing finds it)
            continue
        batch = batch.set_column(k, name, stamps)
    return batch


class _Cursor:
    """The bytes of the lines of ``data`` asked for in increasing order: newlines counted in windows at C
    speed up to the one holding the line, found in it with numpy."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        #: line ``at_line`` starts at byte ``at``
        self.at_line = 1
        self.at = 0

    def line(self, number: int) -> bytes:
        """Line ``number`` (from the last asked on) as the line reader reads it, with its newline."""
        data, at, need = self.data, self.at, number - self.at_line
        if need < 0:
            raise _NotLines  # (asked in increasing order: never)
        while need:
            end = min(at + _WINDOW, len(data))
            count = data.count(b"\n", at, end)
            if count < need:
                if end == len(data):
                    raise _NotLines  # (not so many lines: never, the rows were counted)
                need -= count
                at = end
                continue
            newlines = np.flatnonzero(np.frombuffer(data, np.uint8, end - at, at) == 10)
            at += int(newlines[need - 1]) + 1
            need = 0
        self.at_line, self.at = number, at
        end = data.find(b"\n", at)
        return data[at : end + 1 if end >= 0 else len(data)]


#: Bytes in which :class:`_Cursor` counts newlines at a time.
_WINDOW = 1 << 20


def _handed(slow: Callable[[int], None], first: int, i: int) -> None:
    slow(first + i)


def read_jsonl_columns(
    path: Path,
    log: EventLog,
    line: Callable[[bytes, int], None],
    *,
    progress: Progress | None = None,
    declared: Collection[str] = (),
) -> bool:
    """File the JSON Lines file ``path`` (of a size :func:`~.lines.columns_worth` takes) into ``log``, each
    row the columns do not take through ``line(its bytes, its number)``, in line order; False when the file
    must be read line by line instead (see above: ``log`` is then to be dropped). Raises OSError when the
    file cannot be read (as the line reader would)."""
    data = plain_bytes(path)
    if data is None:
        return False
    pieces = _pieces(data)
    if pieces is None:
        return False
    mine = declare_types(declared)
    cursor = _Cursor(data)
    handed: list[int] = []
    last = 0  # the last line of the block being filed

    def slow(row: int) -> None:  # (row: the line's number)
        if row > last or len(handed) >= _MOST_HANDED:
            raise _NotLines
        handed.append(row)
        line(cursor.line(row), row)

    text = pa.py_buffer(data)
    loose = pj.ParseOptions(explicit_schema=_times_schema(), unexpected_field_behavior="infer")
    strict = pj.ParseOptions(explicit_schema=_schema(), unexpected_field_behavior="infer")
    try:
        for piece in pieces:
            if piece.odd:  # (a line that is not an object from end to end: the line reader's)
                if len(handed) >= _MOST_HANDED:
                    return False
                handed.append(piece.first)
                line(data[piece.start : piece.end], piece.first)
                continue
            # a reader per block, which infers the block's own types (see above): one batch
            block = _parsed(text, piece, loose, strict)
            rows = piece.first - 1  # (the line of the last row filed)
            last = rows + piece.lines
            lines = _Lines(data, piece.start, piece.end, piece.first)
            for batch in block:  # (one: a block's)
                batch.validate(full=True)  # every text is UTF-8, every list whole (the parser does not check)
                objects = _objects(batch, lines, rows + 1)
                if objects is not None and len(handed) + int(np.count_nonzero(objects)) > _MOST_HANDED:
                    return False  # (known before the filing)
                file_batch(
                    log, _instants(batch), rows + 1, partial(_handed, slow, rows + 1), mine, objects, far_slow=True
                )
                rows += batch.num_rows
            if rows != last:
                return False  # (a line held two objects: rows are not lines)
            if progress is not None:  # (the bar counts bytes)
                progress(last, piece.end)
    except (pa.ArrowException, _NotLines):  # (whatever Arrow cannot do, the line reader does)
        return False
    return True
