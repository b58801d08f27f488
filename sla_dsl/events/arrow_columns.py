"""The rows of an Arrow batch judged well formed on whole columns, then filed.

Design notes
------------
* The per-row reader of :mod:`.arrow` (``_Reader.batch``) asks, row by row, what this
  module asks once per column: is the ``event`` a type the log takes, is ``at`` an
  instant, is ``id`` plain text, is every payload field there and plain. Text
  columns are dictionary encoded, so each question about a text is asked once per
  distinct value (``plain`` on a few thousand ids, not a million cells) and answered
  for every row with a ``take``; timestamps become POSIX seconds with numpy as the
  per-row path computes them (:func:`epochs`); a time given as ISO 8601 text is read
  as :func:`~.fast.fast_epoch` (the JSON Lines reader's parser) reads it: the plain
  whole-second form by Arrow's own cast, checked to mean the same (:func:`text_epochs`;
  a third of the filing of a year's text times), the rest by ``fast_epoch`` itself.
* The answer is a mask of well-formed rows. Those are filed as the per-row path
  files them (the same ``Rec`` tuples, in row order within each family, so the
  same lists in the same dict order); every other row is handed, in its turn, to
  the models (``slow``), which decide and word its problem. With bad rows in a
  batch the good rows between two bad ones are filed as one run, so the order of
  filing is the per-row path's exactly; ``tests/events/test_arrow_columns.py``
  checks the two paths give the same log on random tables.
* The cost that stays is Python's: a ``Rec`` tuple per row and a list per id. So
  a payload field's texts are taken only for the rows of the types that carry it
  (:class:`_Texts`), the tuples are built in row order (per type, one ``zip`` of its
  columns), taken in id order, each id's list is a slice of them, and the ids new
  to the family (most) are filed with one ``dict.update``; an id filed before (by
  an earlier batch or run) has the new records added to its list, in its place.
* No pandas: ``Array.to_numpy`` imports it (a second of a short run), and so does
  ``pa.array`` of Python or numpy values, so integer columns are read from their
  Arrow buffers and the one array built here is built from its bits (:func:`_bools`).
* ``attributes`` (:func:`_attributes`) are judged once per distinct cell too, as the
  models would take it: JSON text (a CSV cell, a text column) is parsed once per
  distinct text; a struct (what a JSON reader, pandas or polars make of objects) or
  a ``map`` once per distinct combination of its keys' and values' indices among
  their distinct texts. A cell is taken when it is ``null``, ``{}`` or an object of
  plain texts (:func:`~.fast.plain`, no key twice): stored as the fast path stores
  it (:func:`~.schema.attributes_text`); any other (not JSON, not an object, a value
  not text, a blank around a name, a key twice) hands its row to the models, which
  word its problem. A real export repeats a few objects: a year's reports with
  their plans are filed on columns, not a row at a time by the models.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Callable
from typing import Any, NamedTuple, TypeAlias

import numpy as np
import orjson
import pyarrow as pa
import pyarrow.compute as pc
from numpy.typing import NDArray

from ..calendars.bounds import MAX_EPOCH, MIN_EPOCH
from .fast import fast_epoch, plain
from .keys import may_repeat, repeated_key
from .schema import (
    BUILTIN_COUNT,
    CODE,
    EVENT_CLASSES,
    FAMILY_OF,
    KNOWN_FIELDS,
    PAYLOAD,
    PAYLOAD_BY_CODE,
    STRAY_BY_CODE,
    EventLog,
    Rec,
    attributes_text,
)
from .table_schema import _is_text

__all__ = ["epochs", "file_batch", "int64s"]

Ints = NDArray[np.int64]
Floats = NDArray[np.float64]
Bools = NDArray[np.bool_]
Column: TypeAlias = pa.Array | pa.ChunkedArray

#: Ticks per second of each timestamp unit.
PER_SECOND = {"s": 1, "ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}
#: Payload fields that may be null in a well-formed event (as the models have them).
_OPTIONAL = frozenset(
    f for name, fields in PAYLOAD.items() for f in fields if EVENT_CLASSES[name].model_fields[f].default is None
)
_TIMES = frozenset({"start", "end"})
_MAPS = frozenset({"attributes"})
_STOP = CODE["stop.announced"]


def _array(col: Column) -> pa.Array:
    return col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col


def _mask(flags: pa.Array) -> Bools:
    """A boolean Arrow array without nulls as a numpy mask."""
    return np.frombuffer(flags.cast(pa.uint8()).buffers()[1], np.uint8, len(flags)).astype(bool)


def int64s(col: Column) -> tuple[Ints, Bools | None]:
    """An integer-valued column as int64 numpy values (0 where null) and its null mask (None: no nulls)."""
    arr = _array(col).cast(pa.int64())
    data = arr.buffers()[1]
    nulls = None
    if arr.null_count:  # (not ``fill_null(0)``: an Arrow scalar from a Python value imports pandas)
        nulls = _mask(arr.is_null())
        if data is None:  # all null, no values written
            return np.zeros(len(arr), dtype=np.int64), nulls
        values: Ints = np.where(nulls, 0, np.frombuffer(data, np.int64, len(arr), arr.offset * 8))
        return values, nulls
    values = np.frombuffer(data, np.int64, len(arr), arr.offset * 8)
    return values, nulls


def epochs(col: Column) -> tuple[Floats, Bools | None]:
    """POSIX seconds of a timestamp column as the text path computes them (whole seconds + fraction),
    and its null mask."""
    unit = col.type.unit
    ints, nulls = int64s(col)
    per = PER_SECOND[unit]
    if unit == "ns":
        ints = ints // 1000  # to the microsecond, as datetimes hold times
        per = 1_000_000
    whole = ints // per
    secs: Floats = whole.astype(np.float64) + (ints - whole * per).astype(np.float64) / per
    return secs, nulls


def _encoded(col: Column) -> tuple[pa.Array, Ints]:
    """The distinct values of a text column (an Arrow array) and each row's index into them (-1 where null)."""
    arr = _array(col)
    if pa.types.is_dictionary(arr.type):
        if pa.types.is_string_view(arr.type.value_type):  # (no kernel decodes views: polars' Categorical)
            arr = pa.DictionaryArray.from_arrays(arr.indices, arr.dictionary.cast(pa.string()))
        arr = arr.dictionary_decode()  # a dictionary may name one text twice: encoded again, each once
    arr = pc.dictionary_encode(arr)
    index, nulls = int64s(arr.indices)
    if nulls is not None:
        index = np.where(nulls, -1, index)
    return arr.dictionary, index


def _plain(values: pa.Array) -> Bools:
    """:func:`~.fast.plain` of each text: non-empty, and no blank (``str.isspace``) at either end.
    Asked of the first and last characters' few distinct values only."""
    if pa.types.is_string_view(values.type):
        values = values.cast(pa.string())
    firsts = pc.utf8_slice_codeunits(values, 0, 1)
    lasts = pc.utf8_slice_codeunits(values, -1)
    ends = pc.unique(pa.concat_arrays([firsts, lasts]))
    ok = pc.cast(pc.utf8_length(values), pa.bool_())  # non-empty
    blank = [c is not None and c.isspace() for c in ends.to_pylist()]
    if any(blank):  # (rare) the blank ends, picked from Arrow's own array: a Python list would import pandas
        blanks = ends.filter(_bools(blank))
        ok = pc.and_(ok, pc.invert(pc.is_in(firsts, blanks)))
        ok = pc.and_(ok, pc.invert(pc.is_in(lasts, blanks)))
    return _mask(pc.and_kleene(ok, pc.is_valid(values)))  # null: not plain


def _bools(flags: list[bool] | Bools) -> pa.Array:
    """A boolean Arrow array built from its bits (``pa.array`` of Python or numpy values imports pandas)."""
    bits = np.packbits(np.asarray(flags, dtype=np.uint8), bitorder="little")
    return pa.Array.from_buffers(pa.bool_(), len(flags), [None, pa.py_buffer(bits.tobytes())])


class _Texts(NamedTuple):
    """A text column: its distinct texts, each row's index among them (``which``, -1 where null), and whether the
    per-row path takes each distinct text as it is (a plain text) and a null (``optional``)."""

    distinct: NDArray[np.object_]
    which: Ints
    plain: Bools
    optional: bool

    def cells(self, rows: Ints) -> tuple[NDArray[np.object_], Bools]:
        """The texts of ``rows`` (None where null) and whether the per-row path takes each as it is."""
        index = self.which[rows]
        if not self.distinct.size:
            return np.full(rows.size, None, dtype=object), np.full(rows.size, self.optional)
        null = index < 0
        safe = np.where(null, 0, index)
        cells = self.distinct[safe]
        cells[null] = None
        return cells, np.where(null, self.optional, self.plain[safe])

    def taken(self) -> Bools:
        """Whether the per-row path takes each row's text as it is (as :meth:`cells`, for every row)."""
        null = self.which < 0
        if not self.distinct.size:
            return np.full(self.which.size, self.optional)
        return np.where(null, self.optional, self.plain[np.where(null, 0, self.which)])


def _texts(col: Column | None, n: int, optional: bool) -> _Texts:
    """A text column's distinct texts, each row's index among them, and which the per-row path takes."""
    if col is None or pa.types.is_null(col.type):
        return _Texts(np.empty(0, dtype=object), np.full(n, -1, dtype=np.int64), np.empty(0, dtype=bool), optional)
    values, index = _encoded(col)
    if not len(values):
        return _Texts(np.empty(0, dtype=object), index, np.empty(0, dtype=bool), optional)
    distinct = np.fromiter(values.to_pylist(), dtype=object, count=len(values))
    return _Texts(distinct, index, _plain(values), optional)


def _times(col: Column | None, n: int) -> tuple[Floats, Bools]:
    """Each row's instant in POSIX seconds and whether it is one (a timestamp, or text in the plain form)."""
    if col is None or pa.types.is_null(col.type):
        return np.zeros(n), np.zeros(n, dtype=bool)
    if pa.types.is_timestamp(col.type):
        secs, nulls = epochs(col)
        return secs, (~nulls if nulls is not None else np.ones(n, dtype=bool))
    values, index = _encoded(col)
    if not len(values):
        return np.zeros(n), np.zeros(n, dtype=bool)
    secs_of, known = text_epochs(values)
    null = index < 0
    safe = np.where(null, 0, index)
    return secs_of[safe], ~null & known[safe]


#: The whole-second form of a time that Arrow's own ISO 8601 cast reads as :func:`~.fast.fast_epoch`
#: reads it: ASCII digits, a year from 1000, hours up to 23, minutes and seconds up to 59, and an
#: offset ``Z`` or ``±HH:MM`` (HH up to 23, MM up to 59). The cast checks the day of the month.
PLAIN_TIME = (
    r"^[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
    r"(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])$"
)
_UTC_SECONDS = pa.timestamp("s", tz="UTC")
#: In a text of the plain form with a ``±HH:MM`` offset (25 bytes; ``Z``: 20), the bytes that are digits,
#: and those that are these characters.
_DIGITS = np.array([0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 23, 24])
_MARKS = np.array([4, 7, 10, 13, 16])
_MARKED = np.frombuffer(b"--T::", np.uint8)


def plain_times(values: pa.Array) -> Bools:
    """Whether each text of ``values`` (text, no nulls) is in the plain whole-second form
    (:data:`PLAIN_TIME`). A column whose texts all have the length of one form (a log's, whose times all
    give ``+09:00``, or all ``Z``) is looked at as a matrix of bytes, character by character (a third of
    the regular expression's time); any other by the expression."""
    n = len(values)
    if n and pa.types.is_string(values.type) and not values.null_count:
        ends = np.frombuffer(values.buffers()[1], np.int32, n + 1, values.offset * 4)
        width = int(ends[1] - ends[0])
        if width in (20, 25) and int(ends[-1] - ends[0]) == width * n and bool((np.diff(ends) == width).all()):
            return _plain_matrix(np.frombuffer(values.buffers()[2], np.uint8, width * n, int(ends[0])), n, width)
    return _mask(pc.match_substring_regex(values, PLAIN_TIME))


def _plain_matrix(data: NDArray[np.uint8], n: int, width: int) -> Bools:
    """:func:`plain_times` of ``n`` texts of ``width`` bytes each, laid end to end in ``data``."""
    rows = data.reshape(n, width)
    digit = rows[:, _DIGITS[: 14 if width == 20 else 18]] - np.uint8(48)  # (a byte under "0" wraps past 9)
    ok: Bools = (digit < 10).all(axis=1) & (rows[:, _MARKS] == _MARKED).all(axis=1)
    ok &= digit[:, 0] > 0  # a year from 1000
    ok &= (digit[:, 8] < 2) | ((digit[:, 8] == 2) & (digit[:, 9] < 4))  # hours up to 23
    ok &= (digit[:, 10] < 6) & (digit[:, 12] < 6)  # minutes and seconds up to 59
    if width == 20:
        ok &= rows[:, 19] == ord("Z")
        return ok
    ok &= (rows[:, 19] == ord("+")) | (rows[:, 19] == ord("-"))
    ok &= rows[:, 22] == ord(":")
    ok &= (digit[:, 14] < 2) | ((digit[:, 14] == 2) & (digit[:, 15] < 4))  # an offset's hours up to 23
    ok &= digit[:, 16] < 6  # its minutes up to 59
    return ok


def text_epochs(values: pa.Array) -> tuple[Floats, Bools]:
    """POSIX seconds of each text of ``values`` (no nulls) and whether it is an instant, as
    :func:`~.fast.fast_epoch` reads it: the texts in the plain whole-second form (:data:`PLAIN_TIME`)
    in one Arrow cast, the others (fractions of a second, odd forms; all of them when the cast
    refuses one, a 30 February say) one by one."""
    n = len(values)
    if pa.types.is_string_view(values.type):
        values = values.cast(pa.string())
    secs: Floats = np.full(n, math.nan)
    known: Bools = np.zeros(n, dtype=bool)
    plain = plain_times(values)
    if plain.any():
        try:
            stamps = pc.cast(values.filter(_bools(plain)), _UTC_SECONDS)
        except pa.ArrowInvalid:
            plain[:] = False
        else:
            rows = np.flatnonzero(plain)
            secs[rows] = int64s(stamps)[0].astype(np.float64)
            known[rows] = True
    if not plain.all():
        rest = np.flatnonzero(~plain)
        parsed = [fast_epoch(v) for v in values.filter(_bools(~plain)).to_pylist()]
        known[rest] = np.fromiter((p is not None for p in parsed), bool, len(parsed))
        secs[rest] = np.fromiter((p if p is not None else math.nan for p in parsed), np.float64, len(parsed))
    return secs, known


def _codes(col: Column | None, n: int, declared: frozenset[str]) -> Ints:
    """Each row's event code, -1 where the per-row path would not take it (null, unknown, not declared)."""
    if col is None or pa.types.is_null(col.type):
        return np.full(n, -1, dtype=np.int64)
    distinct, index = _encoded(col)
    if not len(distinct):
        return np.full(n, -1, dtype=np.int64)
    values = distinct.to_pylist()
    known = [CODE.get(v, -1) if type(v) is str else -1 for v in values]
    table = np.fromiter(
        (c if c < BUILTIN_COUNT or v in declared else -1 for c, v in zip(known, values, strict=True)),
        np.int64,
        len(values),
    )
    return np.where(index < 0, -1, table[np.where(index < 0, 0, index)])


class _Batch:
    """The columns of one batch as the filing needs them, each read at most once."""

    def __init__(self, batch: pa.RecordBatch | pa.Table, written: pa.RecordBatch | pa.Table | None = None) -> None:
        self.batch = batch
        #: the batch as read, whose cells a note of an unread field quotes (:func:`file_batch`)
        self.written = batch if written is None else written
        self.n = batch.num_rows
        self.names = set(batch.schema.names)
        self._texts: dict[tuple[str, bool], _Texts] = {}
        self._times: dict[str, tuple[Floats, Bools]] = {}
        self._maps: dict[str, _Texts] = {}

    def column(self, name: str) -> Column | None:
        return self.batch.column(name) if name in self.names else None

    def texts(self, name: str, optional: bool) -> _Texts:
        key = (name, optional)
        if key not in self._texts:
            self._texts[key] = _texts(self.column(name), self.n, optional)
        return self._texts[key]

    def times(self, name: str) -> tuple[Floats, Bools]:
        if name not in self._times:
            self._times[name] = _times(self.column(name), self.n)
        return self._times[name]

    def attributes(self, name: str) -> _Texts:
        """A map field's cells as the fast path stores them (:func:`_attributes`)."""
        if name not in self._maps:
            col = self.column(name)
            written = self.written.column(name) if col is not None else None
            self._maps[name] = _attributes(col, written, self.n)
        return self._maps[name]

    def absent(self, name: str) -> Bools:
        """Rows where a field is null or missing."""
        col = self.column(name)
        if col is None or pa.types.is_null(col.type):
            return np.ones(self.n, dtype=bool)
        return _mask(_array(col).is_null())


def file_batch(
    log: EventLog,
    batch: pa.RecordBatch | pa.Table,
    first: int,
    slow: Callable[[int], None],
    declared: frozenset[str] = frozenset(),
    models: Bools | None = None,
    written: pa.RecordBatch | pa.Table | None = None,
    far_slow: bool = False,
) -> int:
    """File the well-formed rows of ``batch`` (its first row is number ``first``) into ``log`` and
    hand every other row, in row order, to ``slow``; returns how many rows were filed here.
    ``models``: rows handed to ``slow`` whatever they hold (a row whose text the caller must read).
    ``written``: the batch as read when ``batch`` is its texts made plain (the CSV columns' trimmed
    cells): a field a type does not carry is noted with its cells as read, as the line reader notes it.
    ``far_slow``: a row with a time outside the supported years is handed to ``slow`` too (a text log's:
    its line reader notes the time as the line gives it, which E123 quotes, where the columns hold the
    instant; a table's source reads its cells again)."""
    cols = _Batch(batch, written)
    n = cols.n
    codes = _codes(cols.column("event"), n, declared)
    at, at_ok = cols.times("at")
    ident = cols.texts("id", False)
    id_index = ident.which
    good = (codes >= 0) & at_ok & ident.taken()
    if models is not None:
        good &= ~models
    if far_slow:
        good &= (at >= MIN_EPOCH) & (at <= MAX_EPOCH)
    recs = np.empty(n, dtype=object)
    lines = np.arange(first, first + n, dtype=np.int64)
    # the rows giving each field of the contract (filed, and noted as unread on a type that does not carry it)
    given = {f: ~cols.absent(f) for f in KNOWN_FIELDS if cols.column(f) is not None}
    # (the codes filed, counted: ``np.unique`` would import ``numpy.ma``, 6 ms of a run, for this alone)
    for code in np.flatnonzero(np.bincount(codes[good])).tolist():
        rows = np.flatnonzero(good & (codes == code))
        fields = PAYLOAD_BY_CODE[code]
        payloads: Any = itertools.repeat(())
        if fields:
            ok = np.ones(rows.size, dtype=bool)
            values: list[Any] = []
            for f in fields:
                if f in _TIMES:
                    secs, known = cols.times(f)
                    ok &= known[rows]
                    values.append(secs[rows])
                elif f in _MAPS:
                    cells, fine = cols.attributes(f).cells(rows)
                    ok &= fine
                    values.append(cells)
                else:
                    cells, fine = cols.texts(f, f in _OPTIONAL).cells(rows)
                    ok &= fine
                    values.append(cells)
            if code == _STOP:
                ok &= values[2] > values[1]  # the models refuse an end not after the start
                if far_slow:
                    ok &= (values[1] >= MIN_EPOCH) & (values[2] <= MAX_EPOCH)
            good[rows[~ok]] = False
            rows = rows[ok]
            payloads = zip(*(v[ok].tolist() for v in values), strict=True)
        for f, there in given.items():
            if f in STRAY_BY_CODE[code]:
                _note_stray(log, cols, code, f, rows[there[rows]], at, _Ids(ident.distinct, id_index), lines)
        recs[rows] = np.fromiter(
            zip(at[rows].tolist(), itertools.repeat(code), payloads, lines[rows].tolist()),
            dtype=object,
            count=rows.size,
        )
    family = np.asarray(FAMILY_OF, dtype=np.int64)[np.where(codes >= 0, codes, 0)]
    rows_of = _Rows(recs, ident.distinct, id_index, family)
    bad = np.flatnonzero(~good).tolist()
    start = 0
    for stop in [*bad, n]:
        if stop > start:
            _file(log, rows_of, good, start, stop)
        if stop < n:
            slow(stop)
        start = stop + 1
    filed = int(np.count_nonzero(good))
    log.count += filed
    return filed


class _Ids(NamedTuple):
    """The ids of a batch's rows: the distinct ``names`` and each row's index among them."""

    names: NDArray[np.object_]
    which: Ints


def _note_stray(
    log: EventLog, cols: _Batch, code: int, field: str, rows: Ints, at: Floats, ids: _Ids, lines: Ints
) -> None:
    """Note ``field`` on ``rows`` (filed as ``code``, a type that does not carry it) as never read."""
    column = cols.written.column(field) if field in cols.names else None
    if not rows.size or column is None:
        return
    arr = _array(column)
    if pa.types.is_struct(arr.type) or pa.types.is_map(arr.type):
        # as the row path reads them: a struct's null fields are keys not given, a map is a dict (its pairs when
        # it gives a key twice), a cell Python cannot hold (a struct naming a field twice) its text
        cells = _safe_cells(arr.take(pa.array(rows)))
    else:
        try:
            cells = arr.take(pa.array(rows)).to_pylist()
        except pa.ArrowNotImplementedError:  # (a type with no take kernel, string_view: cell by cell)
            cells = [arr[k].as_py() for k in rows.tolist()]
    for k, value in zip(rows.tolist(), cells, strict=True):
        log.note_stray(code, str(ids.names[ids.which[k]]), float(at[k]), int(lines[k]), {field: value})


class _Rows(NamedTuple):
    """What files the records of a batch: each row's ``Rec``, its id (an index among the distinct
    ``names``) and its family."""

    recs: NDArray[np.object_]
    names: NDArray[np.object_]
    id_index: Ints
    family: Ints


def _file(log: EventLog, cols: _Rows, good: Bools, start: int, stop: int) -> None:
    """File the good rows of [start, stop) family by family (each family has its own dict): each id's
    records in row order, the ids in the order they first appear, as row-by-row appends would."""
    part = good[start:stop]
    fam = cols.family[start:stop]
    for k, group in enumerate(log.groups):
        rows = np.flatnonzero(part & (fam == k)) + start
        if not rows.size:
            continue
        who = cols.id_index[rows]
        order = np.argsort(who, kind="stable")
        sorted_who = who[order]
        edges = np.flatnonzero(sorted_who[1:] != sorted_who[:-1]) + 1
        begin = np.concatenate(([0], edges))
        # each id's run, in the order its first row comes
        runs = np.argsort(order[begin], kind="stable")
        end = np.append(edges, rows.size)
        taken: list[Rec] = cols.recs[rows[order]].tolist()  # by id, each id's in row order
        names = cols.names[sorted_who[begin[runs]]].tolist()
        lists = [taken[a:b] for a, b in zip(begin[runs].tolist(), end[runs].tolist(), strict=True)]
        filed = np.fromiter(map(group.__contains__, names), bool, len(names))
        if filed.any():  # ids filed from an earlier batch or run: their lists take the new records
            for i in np.flatnonzero(filed).tolist():
                have = group[names[i]]
                have.extend(lists[i])
                lists[i] = have
        group.update(zip(names, lists, strict=True))  # (an id filed before keeps its place)


# -- attributes ---------------------------------------------------------------------

#: The keys of a ``map`` cell judged on columns at most (a cell with more goes to the models).
_MOST_KEYS = 16
#: What a cell the models must judge is stored as (never filed).
_REFUSED = (False, None)


def _stored(data: dict[Any, Any]) -> tuple[bool, str | None]:
    """(whether the fast path takes ``data``, the attributes as stored): an object of plain texts only,
    stored as :func:`~.schema.attributes_text` stores it (``{}``: None), as the models store it."""
    if not all(plain(k) and plain(v) for k, v in data.items()):
        return _REFUSED
    return True, attributes_text(data)


def _from_text(text: str) -> tuple[bool, str | None]:
    """:func:`_stored` of an ``attributes`` cell given as JSON text, read as the models read it
    (orjson; ``null`` is none; a key given twice refused)."""
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError:
        return _REFUSED
    if data is None:
        return True, None
    if type(data) is not dict:
        return _REFUSED
    if may_repeat(text.encode("utf-8", "surrogatepass"), data) and repeated_key(text, data) is not None:
        return _REFUSED
    return _stored(data)


def _attributes(col: Column | None, written: Column | None, n: int) -> _Texts:
    """The ``attributes`` of each row as the fast path stores them (``distinct``, each row's index
    among them, -1 where null) and whether it takes each (``plain``): JSON text parsed once per distinct
    text (``written``: the cells as read, where ``col`` is them trimmed: a cell null there, blanks only,
    is none), a struct or a map once per distinct combination of its texts (see the notes)."""
    if col is None or written is None or pa.types.is_null(col.type):
        return _Texts(np.empty(0, dtype=object), np.full(n, -1, dtype=np.int64), np.empty(0, dtype=bool), True)
    valid = ~_mask(_array(col).is_null())
    arr = _array(written)
    if _is_text(arr.type):
        texts, which = _encoded(arr)
        which = np.where(valid, which, -1)
        judged = [_from_text(t) for t in texts.to_pylist()]
        stored = np.fromiter((v for _, v in judged), dtype=object, count=len(judged))
        return _Texts(stored, which, np.fromiter((k for k, _ in judged), bool, len(judged)), True)
    if pa.types.is_struct(arr.type):
        return _struct_attributes(arr, valid)
    if pa.types.is_map(arr.type):
        return _map_attributes(arr, valid)
    return _combined(np.empty((n, 0), dtype=np.int64), valid, valid, lambda _: _REFUSED)


def _struct_attributes(arr: pa.StructArray, valid: Bools) -> _Texts:
    """:func:`_attributes` of a struct column: a row's object is its non-null fields (as the models read
    it); one field of another type than text, or two fields of one name, hands the row to the models."""
    n = len(arr)
    names = [arr.type.field(k).name for k in range(arr.type.num_fields)]
    bad = valid.copy() if len(set(names)) != len(names) else np.zeros(n, dtype=bool)
    index: list[Ints] = []
    texts: list[list[Any]] = []
    for child in arr.flatten():  # (the struct's offset and nulls applied)
        if _is_text(child.type):
            values, which = _encoded(child)
            index.append(which)
            texts.append(values.to_pylist())
        else:
            if not pa.types.is_null(child.type):
                bad |= valid & ~_mask(child.is_null())
            index.append(np.full(n, -1, dtype=np.int64))
            texts.append([])
    matrix = np.stack(index, axis=1) if index else np.empty((n, 0), dtype=np.int64)

    def value_of(row: int) -> tuple[bool, str | None]:
        picks = matrix[row].tolist()
        return _stored({name: texts[k][i] for k, (name, i) in enumerate(zip(names, picks, strict=True)) if i >= 0})

    return _combined(matrix, valid, bad, value_of)


def _map_attributes(arr: pa.MapArray, valid: Bools) -> _Texts:
    """:func:`_attributes` of a map column: a row's pairs, as the models read them (a key given twice,
    a null value or one not text, or more than :data:`_MOST_KEYS` keys hand the row to the models)."""
    n = len(arr)
    offsets = int64s(arr.offsets)[0]
    low = int(offsets[0])
    starts = offsets[:-1] - low
    lengths = np.where(valid, offsets[1:] - offsets[:-1], 0)
    keys = arr.keys.slice(low, int(offsets[-1]) - low)
    items = arr.items.slice(low, int(offsets[-1]) - low)
    if not (_is_text(keys.type) and _is_text(items.type)):
        return _combined(np.empty((n, 0), dtype=np.int64), valid, valid, lambda _: _REFUSED)
    bad = lengths > _MOST_KEYS
    key_texts, key_index = _encoded(keys)
    item_texts, item_index = _encoded(items)
    names, values = key_texts.to_pylist(), item_texts.to_pylist()
    width = int(lengths[~bad].max(initial=0))
    matrix = np.full((n, 2 * width), -2, dtype=np.int64)  # (-2: no pair; -1: a null value)
    for j in range(width):
        rows = np.flatnonzero(~bad & (lengths > j))
        matrix[rows, 2 * j] = key_index[starts[rows] + j]
        matrix[rows, 2 * j + 1] = item_index[starts[rows] + j]

    def value_of(row: int) -> tuple[bool, str | None]:
        picks = matrix[row].tolist()
        pairs = [
            (names[k], values[v] if v >= 0 else None) for k, v in zip(picks[::2], picks[1::2], strict=True) if k >= 0
        ]
        cell = dict(pairs)
        return _stored(cell) if len(cell) == len(pairs) else _REFUSED

    return _combined(matrix, valid, bad, value_of)


def _combined(matrix: Ints, valid: Bools, bad: Bools, value_of: Callable[[int], tuple[bool, str | None]]) -> _Texts:
    """The rows' distinct cells (the distinct rows of ``matrix`` among the ``valid`` rows not ``bad``),
    each judged once by ``value_of`` (of a row that gives it), and one cell the models judge for the
    ``bad`` rows."""
    n = len(valid)
    which = np.full(n, -1, dtype=np.int64)
    rows = np.flatnonzero(valid & ~bad)
    judged: list[tuple[bool, str | None]] = []
    if rows.size:
        if matrix.shape[1]:
            _, first, inverse = np.unique(matrix[rows], axis=0, return_index=True, return_inverse=True)
            which[rows] = inverse.reshape(-1)
            judged = [value_of(int(r)) for r in rows[first].tolist()]
        else:  # (no key anywhere: every cell ``{}``)
            which[rows] = 0
            judged = [value_of(int(rows[0]))]
    refused = valid & bad
    if refused.any():
        which[refused] = len(judged)
        judged.append(_REFUSED)
    stored = np.fromiter((v for _, v in judged), dtype=object, count=len(judged))
    return _Texts(stored, which, np.fromiter((k for k, _ in judged), bool, len(judged)), True)


# ---- a column's cells as the models read them (the row path of .arrow, and the notes here) ----


def _cells(col: pa.Array | pa.ChunkedArray) -> list[Any]:
    """A column's cells as Python values; a map cell as a dict, as JSON has it, and a struct cell as a
    dict of its non-null fields (a JSON reader such as polars' or pandas' gives the keys a row lacks
    as null fields of the struct)."""
    cells: list[Any] = col.to_pylist()
    if pa.types.is_map(col.type):
        return [_map_cell(c) if c is not None else None for c in cells]
    if pa.types.is_struct(col.type):
        return [{k: v for k, v in c.items() if v is not None} if c is not None else None for c in cells]
    return cells


def _map_cell(pairs: list[tuple[Any, Any]]) -> dict[Any, Any] | list[tuple[Any, Any]]:
    """A map cell as a dict; one that holds a key twice as its pairs, which the models refuse naming the
    key (a dict would keep one of its values in silence)."""
    cell = dict(pairs)
    return cell if len(cell) == len(pairs) else pairs


#: What converting a cell to a Python value may raise (a date past the year 9999, an unknown zone).
_CONVERSION_ERRORS = (OverflowError, ValueError, pa.ArrowException)


def _safe_cells(col: pa.Array | pa.ChunkedArray) -> list[Any]:
    """:func:`_cells`, or cell by cell (:func:`_cell`) when a cell cannot be a Python value."""
    try:
        return _cells(col)
    except _CONVERSION_ERRORS:
        return [_cell(col, i) for i in range(len(col))]


_UNIX = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _cell(col: pa.Array | pa.ChunkedArray, i: int) -> Any:
    """Cell ``i`` as a Python value for the models. A timestamp is an aware datetime in UTC to the
    microsecond, cut as the column path cuts it (:func:`~.arrow_columns.epochs`: no zone looked up,
    no pandas ``Timestamp``); a value Python cannot hold (a year past 9999) is its text, as Arrow
    writes it, for the models to refuse in their words."""
    piece = col.slice(i, 1)
    if isinstance(piece, pa.ChunkedArray):
        piece = piece.combine_chunks()
    if pa.types.is_timestamp(piece.type):
        if piece.null_count:
            return None
        ticks = int(int64s(piece)[0][0])
        per = PER_SECOND[piece.type.unit]
        micros = ticks * (1_000_000 // per) if per <= 1_000_000 else ticks // (per // 1_000_000)
        try:
            return _UNIX + dt.timedelta(microseconds=micros)
        except OverflowError:
            return _far_text(micros)
    try:
        return _cells(piece)[0]
    except _CONVERSION_ERRORS:
        return _text_of(piece, str(piece.type))


#: 400 Gregorian years (146,097 days) in microseconds: the calendar repeats after them.
_CYCLE = 146_097 * 86_400 * 1_000_000


def _far_text(micros: int) -> str:
    """An instant outside Python's years 1-9999 as ISO 8601 text in UTC (``33658-09-27T01:46:40Z``)."""
    cycles, rest = divmod(micros, _CYCLE)
    t = _UNIX + dt.timedelta(microseconds=rest)
    fraction = f".{t.microsecond:06d}" if t.microsecond else ""
    return f"{t.year + 400 * cycles:04d}-{t:%m-%dT%H:%M:%S}{fraction}Z"


def _text_of(piece: pa.Array, otherwise: str) -> str:
    """The one cell of ``piece`` as Arrow writes it in text, or ``otherwise``."""
    try:
        text = piece.cast(pa.string()).to_pylist()[0]
    except pa.ArrowException:
        return otherwise
    return text if isinstance(text, str) else otherwise
