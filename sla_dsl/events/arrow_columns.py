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
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from typing import Any, NamedTuple, TypeAlias

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from numpy.typing import NDArray

from .fast import fast_epoch
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
)

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
    plain = _mask(pc.match_substring_regex(values, PLAIN_TIME))
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

    def absent(self, name: str) -> Bools:
        """Rows where a field is null or missing (a map field: the per-row path takes only those, the
        models read a map)."""
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
) -> int:
    """File the well-formed rows of ``batch`` (its first row is number ``first``) into ``log`` and
    hand every other row, in row order, to ``slow``; returns how many rows were filed here.
    ``models``: rows handed to ``slow`` whatever they hold (a row whose text the caller must read).
    ``written``: the batch as read when ``batch`` is its texts made plain (the CSV columns' trimmed
    cells): a field a type does not carry is noted with its cells as read, as the line reader notes it."""
    cols = _Batch(batch, written)
    n = cols.n
    codes = _codes(cols.column("event"), n, declared)
    at, at_ok = cols.times("at")
    ident = cols.texts("id", False)
    id_index = ident.which
    good = (codes >= 0) & at_ok & ident.taken()
    if models is not None:
        good &= ~models
    recs = np.empty(n, dtype=object)
    lines = np.arange(first, first + n, dtype=np.int64)
    # the rows giving each field of the contract (filed, and noted as unread on a type that does not carry it)
    given = {f: ~cols.absent(f) for f in KNOWN_FIELDS if cols.column(f) is not None}
    for code in np.unique(codes[good]).tolist():
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
                    ok &= cols.absent(f)[rows]
                    values.append(np.full(rows.size, None, dtype=object))
                else:
                    cells, fine = cols.texts(f, f in _OPTIONAL).cells(rows)
                    ok &= fine
                    values.append(cells)
            if code == _STOP:
                ok &= values[2] > values[1]  # the models refuse an end not after the start
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
