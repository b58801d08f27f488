"""Read events from Arrow tables into an :class:`~.schema.EventLog`: the row reader, and the tables
in memory (a pyarrow table or batch, a pandas or polars DataFrame, any Arrow stream).

The files (Parquet, Arrow IPC, a directory of them) are :mod:`.arrow_files`'s, which gives their
batches to the row reader here; the columns a table may have are :mod:`.table_schema`'s.

Design notes
------------
* Two paths to one meaning, as in the JSON Lines reader: a well-formed row is
  filed from the columns directly (times from the timestamp integers, or through
  :func:`~.fast.fast_epoch`, the same text parser); any other row is given, as a
  mapping of its non-null cells, to :func:`~.validate.validate_mapping`, the
  models' verdict, so a bad row gets the same code and message as a bad JSON
  line, located by row and column (:class:`~.problems.RowSource`).
* Which rows are well formed is decided on whole columns
  (:mod:`.arrow_columns`: masks, each text asked about once per distinct value);
  the row-by-row loop below is the reference it is tested against, and reads
  pandas columns that Arrow could not type.
* A row the models judge is given its cells as Python values that mean what the
  columns mean: a timestamp as an aware datetime in UTC cut to the microsecond
  (as :func:`~.arrow_columns.epochs` cuts it; no zone is looked up), a struct as a
  dict of its non-null fields (the keys a JSON reader found in other rows are
  null fields), a value Python cannot hold (a year past 9999) as its text.
* A pandas DataFrame whose object column Arrow cannot type (a number among
  strings) is read cell by cell for that column, so the bad cell is the row's
  problem rather than a conversion failure.
* A spreadsheet's CSV read by pandas or pyarrow reads as the CSV file does
  (:mod:`.csv_reader`): a row whose every cell is null, NaN or blanks (its
  ``,,,``) is a blank row, no event and no problem (:func:`~.validate.blank_row`,
  asked of the rows the columns do not file); a column whose name is empty or
  blanks (its empty header cell: pyarrow's ``""``, as many as it has) names no
  column, its cells not read, though a value there keeps its row from being
  blank, as the CSV reader's row of such cells is no blank line (:meth:`_Reader.named`).
  pandas names such a column ``Unnamed: 4``: a column of no field, kept out of
  the verdicts as any other.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Collection, Iterable
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pyarrow as pa

from ..lang.diagnostics import Code, listing, words
from .arrow_columns import (
    _UNIX,
    PER_SECOND,
    _cell,
    _safe_cells,
    epochs,
    file_batch,
    int64s,
)
from .collect import Progress
from .fast import fast_epoch, plain
from .problems import EventSourceError, Problem, RowSource, not_events, problem
from .schema import (
    BLANKS,
    BUILTIN_COUNT,
    CODE,
    FAMILY_OF,
    KNOWN_FIELDS,
    PAYLOAD_BY_CODE,
    STRAY_BY_CODE,
    EventLog,
    Rec,
    declare_types,
)
from .table_schema import _ARROW_KIND, _OPTIONAL, _SPEC, _is_text, _type_problem, lacks_columns
from .validate import blank_row, empty_cell, file_refused, kind_of, validate_mapping

__all__ = [
    "Progress",
    "is_columnar",
    "read_table",
]

_STOP = CODE["stop.announced"]
_BATCH = 65_536


class _Columns:
    """One batch's columns as Python lists, times already as POSIX seconds where the column is a timestamp."""

    def __init__(self, batch: pa.RecordBatch | pa.Table, objects: dict[str, list[Any]] | None = None) -> None:
        self.batch = batch
        self.values: dict[str, list[Any]] = {}
        self.epochs: dict[str, list[float | None]] = {}
        for name in batch.schema.names:
            col = batch.column(name)
            spec = _SPEC.get(name)
            if spec is not None and spec.time and pa.types.is_timestamp(col.type):
                self.epochs[name] = _epochs(col)
            elif spec is not None or name in KNOWN_FIELDS:
                self.values[name] = _safe_cells(col)
        for name, cells in (objects or {}).items():
            self.values[name] = cells
        #: the text columns of Python objects read cell by cell (a pandas column pyarrow could not type)
        self.by_cell = [n for n in objects or () if n in _SPEC and _SPEC[n].kind == "text"]

    def bytes_given(self, row: dict[str, Any]) -> list[str]:
        """The text fields of ``row`` (:meth:`row`) that a column read cell by cell gives as bytes: not
        text, as a column of bytes is not (E116), though the models would decode them."""
        return [name for name in self.by_cell if isinstance(row.get(name), _BYTES)]

    def absent(self, found: Problem) -> Problem:
        """``found``, its help saying so when the field it misses is no column of the table at all
        (a column left out of an export), before any guess at a misspelt one."""
        name = found.column
        if found.code != "E102" or not name or name in self.values or name in self.batch.schema.names:
            return found
        said = words("events.E102.help.no_column", name=name)
        if found.help_words is not None:
            said = words("events.join", first=said, second=found.help_words)
        return dataclasses.replace(found, help=said.text("en"), help_words=said)

    @staticmethod
    def emptied(found: Problem, row: dict[str, Any]) -> Problem:
        """``found``, its help saying what an empty field's cell is when it holds the empty text (or
        blanks): not an absent field, as a null cell is, though a CSV file's empty cell is one; pyarrow's
        ``read_csv`` reads a CSV's empty cells so, unless told (E107)."""
        name = found.column
        cell = row.get(name) if name else None
        if found.words is None or found.words.key != "events.E107" or found.help_words is not None:
            return found
        if not isinstance(cell, str) or cell.strip(BLANKS):
            return found
        said = words("events.E107.help.empty_cell", option="`pyarrow.csv.ConvertOptions(strings_can_be_null=True)`")
        return dataclasses.replace(found, help=said.text("en"), help_words=said)

    def row(self, i: int) -> dict[str, Any]:
        """Row ``i`` as a mapping of its non-null cells (times as aware datetimes), for the models."""
        out: dict[str, Any] = {}
        for name in self.batch.schema.names:
            if name in self.values:
                v = self.values[name][i]
            else:
                v = _cell(self.batch.column(name), i)
            if v is not None:
                out[name] = v
        for name, cells in self.values.items():
            if name not in out and cells[i] is not None:
                out[name] = cells[i]
        return out


def _as_written(piece: pa.Array | pa.ChunkedArray) -> str | None:
    """The one cell of ``piece`` as the input gave it, in text, for a problem that quotes it: a text cell
    as it is; a timestamp as ISO 8601 in its column's zone. None (the problem's own wording, in UTC) for
    a null, a timestamp in UTC or a year Python cannot hold, and any other type."""
    if isinstance(piece, pa.ChunkedArray):
        piece = piece.combine_chunks()
    if pa.types.is_dictionary(piece.type) and pa.types.is_timestamp(piece.type.value_type):
        piece = piece.cast(piece.type.value_type)
    if len(piece) != 1 or piece.null_count:
        return None
    t = piece.type
    if _is_text(t):
        text = piece.cast(pa.string()).to_pylist()[0]
        return text if isinstance(text, str) else None
    if not pa.types.is_timestamp(t) or t.tz in (None, "UTC", "Etc/UTC", "Z", "+00:00"):
        return None
    ticks = int(int64s(piece)[0][0])
    per = PER_SECOND[t.unit]
    micros = ticks * (1_000_000 // per) if per <= 1_000_000 else ticks // (per // 1_000_000)
    try:
        return (_UNIX + dt.timedelta(microseconds=micros)).astimezone(_zone(t.tz)).isoformat()
    except (OverflowError, ValueError, KeyError, ZoneInfoNotFoundError):
        return None


def _zone(name: str) -> dt.tzinfo:
    """The zone of a timestamp column: an offset (``+09:00``) or a zone name (``Asia/Tokyo``)."""
    if name[:1] in "+-" and len(name) == 6 and name[3] == ":":
        sign = 1 if name[0] == "+" else -1
        return dt.timezone(sign * dt.timedelta(hours=int(name[1:3]), minutes=int(name[4:6])))
    return ZoneInfo(name)


def _cell_of(batches: Callable[[], Iterable[pa.RecordBatch]], row: int, column: str) -> str | None:
    """Cell (``row`` from 1, ``column``) of the table read by ``batches`` as written (:func:`_as_written`)."""
    for batch in batches():
        if row <= batch.num_rows:
            if column not in batch.schema.names:
                return None
            return _as_written(batch.column(column).slice(row - 1, 1))
        row -= batch.num_rows
    return None


def _epochs(col: pa.Array | pa.ChunkedArray) -> list[float | None]:
    """POSIX seconds of a timestamp column, as the text path computes them (whole seconds + fraction)."""
    secs, nulls = epochs(col)
    values: list[float | None] = secs.tolist()
    if nulls is not None:
        for i in np.flatnonzero(nulls).tolist():
            values[i] = None
    return values


class _Reader:
    """Files the rows of one source's batches into an :class:`EventLog`."""

    #: judge the rows on whole columns (False: row by row, the reference the columns are tested against)
    columns = True

    def __init__(self, log: EventLog, progress: Progress | None, declared: frozenset[str] = frozenset()) -> None:
        self.log = log
        self.progress = progress
        self.rows = 0
        #: the event types the policies declare (any other declared type takes the slow path, which refuses it)
        self.declared = declared
        #: the rows (numbers from 1) that give a value in a column without a name (:meth:`named`)
        self.unnamed_given: set[int] = set()
        #: the names of a pandas frame's index (not read: a field there is no column, E115 says so)
        self.index_names: frozenset[str] = frozenset()
        #: the columns of the table read now whose type holds no field but whose cells are all null: absent
        #: fields, each read as a column of nulls (:meth:`schema_problems`)
        self.void: frozenset[str] = frozenset()
        #: the library whose table is read (``pandas``, ``polars``, ``pyarrow``...): E116's help names its remedy
        self.library: str | None = None

    def schema_problems(
        self,
        schema: pa.Schema,
        source: str,
        all_null: Callable[[int, str], bool],
        objects: Iterable[str] = (),
        has_rows: Callable[[], bool] | None = None,
    ) -> bool:
        """File the problems of a table's columns: False when its rows cannot be read (or there are none).

        A column of a type that holds no field (E116) whose cells are all null is no problem: its
        fields are absent, as a column of a pandas frame with no value is (:func:`_pandas_column`) and
        as a CSV file's column of empty cells is; its rows read it as nulls (:attr:`void`).
        ``all_null(k, name)`` tells it of the table's column ``k`` (called only for such a column: a file's
        reader reads that column then, :func:`.arrow_files.column_nulls`).

        A table of no row is an empty log whatever its columns, as an empty list of events is: no column
        (``pd.DataFrame()``, ``pa.table({})``, a Parquet file of no column), others than the events' or of
        other types hold no event to leave out. ``has_rows()`` tells it (asked only of a table whose columns
        are refused: counting a file's rows may read it); its problems are then dropped, and nothing is read."""
        names = list(schema.names)
        self.void = frozenset()
        void: set[str] = set()
        problems = self.log.problems
        before = len(problems)
        ok = True
        lacking = lacks_columns([*names, *objects], source)
        indexed = [f"`{c}`" for c in ("event", "at", "id") if c in self.index_names and c not in {*names, *objects}]
        if lacking is not None and indexed:  # (`df.set_index("id")`: the index is not read)
            said = words("events.E115.index.help", columns=listing(indexed, ", "))
            lacking = dataclasses.replace(lacking, help=said.text("en"), help_words=said)
        if lacking is not None:
            problems.append(lacking)
            ok = False
        repeated = sorted({n for n in names if names.count(n) > 1 and not unnamed(n)})
        if repeated:
            problems.append(
                problem(
                    source,
                    0,
                    "E115",
                    words("events.E115.repeated", columns=listing([f"`{c}`" for c in repeated], ", ")),
                    words("events.E115.repeated.help"),
                    fatal=True,
                )
            )
            ok = False
        for k, field in enumerate(schema):
            if field.name in objects:
                continue
            bad = _type_problem(field.name, field.type, self.library)
            if bad is not None and all_null(k, field.name):
                void.add(field.name)
            elif bad is not None:
                problems.append(problem(source, 0, "E116", bad[0], bad[1], fatal=True, column=field.name))
                ok = False
        if not ok and has_rows is not None and not has_rows():  # (an empty table: an empty log)
            del problems[before:]
            return False
        self.void = frozenset(void)
        return ok

    def batch(self, batch: pa.RecordBatch | pa.Table, first: int, objects: dict[str, list[Any]] | None = None) -> None:
        """File the rows of ``batch``; its first row has number ``first``."""
        batch = _decoded_times(batch)
        if self.void:
            batch = _voided(batch, self.void)
        nameless = [k for k, name in enumerate(batch.schema.names) if unnamed(name)]
        if nameless:
            batch = self.named(batch, first, nameless)
        if self.columns and not objects:
            self.by_columns(batch, first)
            return
        cols = _Columns(batch, objects)
        n = batch.num_rows
        events = cols.values.get("event") or [None] * n
        ids = cols.values.get("id") or [None] * n
        at_epochs = cols.epochs.get("at")
        at_text = cols.values.get("at") or [None] * n
        payload_cols = {f: cols.values.get(f) for f in KNOWN_FIELDS}
        stray_cols: dict[int, list[tuple[str, list[Any]]]] = {}  # per code, the fields it does not carry
        time_epochs = {f: cols.epochs.get(f) for f in ("start", "end")}
        groups = self.log.groups
        codes = {name: code for name, code in CODE.items() if code < BUILTIN_COUNT or name in self.declared}
        filed = 0
        for i in range(n):
            line = first + i
            event = events[i]
            code = codes.get(event) if type(event) is str else None
            ident = ids[i]
            epoch = at_epochs[i] if at_epochs is not None else _text_epoch(at_text[i])
            if code is None or epoch is None or not plain(ident):
                self.slow(cols, i, line)
                continue
            fields = PAYLOAD_BY_CODE[code]
            payload: tuple[Any, ...] = ()
            if fields:
                got = _payload(payload_cols, time_epochs, fields, i)
                if got is None or (code == _STOP and got[2] <= got[1]):
                    self.slow(cols, i, line)
                    continue
                payload = got
            rec: Rec = (epoch, code, payload, line)
            group = groups[FAMILY_OF[code]]
            recs = group.get(ident)
            if recs is None:
                group[ident] = [rec]
            else:
                recs.append(rec)
            filed += 1
            strays = stray_cols.get(code)
            if strays is None:
                stray = STRAY_BY_CODE[code]
                # (a timestamp column's cells are read as epochs; None where a cell is null)
                cells = {f: c if c is not None else time_epochs.get(f) for f, c in payload_cols.items()}
                strays = stray_cols[code] = [(f, c) for f, c in cells.items() if f in stray and c is not None]
            if strays:  # a field of the contract its type does not carry: filed, and noted as unread
                given = {f: c[i] for f, c in strays if c[i] is not None}
                if given:
                    self.log.note_stray(code, ident, epoch, line, given)
        self.log.count += filed
        self.rows += n
        if self.progress is not None:
            self.progress(self.rows, 0)

    def named(self, batch: pa.RecordBatch | pa.Table, first: int, nameless: list[int]) -> pa.RecordBatch | pa.Table:
        """``batch`` without its columns ``nameless`` (an empty header cell names no column, as in a CSV
        file: their cells are not read), noting the rows that give a value in one of them: such a row is
        not blank (its problem is its own: no `event`), as the CSV reader's row of such cells is not."""
        for k in nameless:
            for i, cell in enumerate(_safe_cells(batch.column(k))):
                if not empty_cell(cell):
                    self.unnamed_given.add(first + i)
        return batch.select([k for k in range(batch.num_columns) if k not in nameless])

    def by_columns(self, batch: pa.RecordBatch | pa.Table, first: int) -> None:
        """File the rows of ``batch`` judged well formed on whole columns (:mod:`.arrow_columns`); the
        models decide on the others, in row order."""
        cols: list[_Columns] = []

        def slow(i: int) -> None:
            if not cols:
                cols.append(_Columns(batch))
            self.slow(cols[0], i, first + i)

        file_batch(self.log, batch, first, slow, self.declared)
        self.rows += batch.num_rows
        if self.progress is not None:
            self.progress(self.rows, 0)

    def slow(self, cols: _Columns, i: int, line: int) -> None:
        """The models decide on row ``i`` (and word its problems); a text cell given as bytes is its row's
        E106, as a number is (:meth:`_Columns.bytes_given`)."""
        row = cols.row(i)
        if blank_row(row) and line not in self.unnamed_given:
            return  # a row of empty cells (a spreadsheet's `,,,` read into a table): no data, as in the CSV file
        ev, problems = validate_mapping(row, self.log.source, line, self.declared)
        given = cols.bytes_given(row) if cols.by_cell else []
        if given:
            source = self.log.source
            said = [
                problem(source, line, "E106", words("events.E106", field=f, kind=kind_of(row[f])), column=f)
                for f in given
            ]
            ev, problems = None, [*said, *(p for p in problems if p.column not in given)]
        if ev is None:  # (its values set aside when they can be read: the evaluator checks them too)
            file_refused(self.log, row, [cols.absent(cols.emptied(p, row)) for p in problems], line, self.declared)
        else:
            self.log.add_event(ev, line)


def _decoded_times(batch: pa.RecordBatch | pa.Table) -> pa.RecordBatch | pa.Table:
    """``batch`` with each dictionary-encoded timestamp column decoded (a pandas ``Categorical`` of times,
    polars' or a Parquet file's dictionary): its times read as a plain column's, as a text one's texts are."""
    for k, field in enumerate(batch.schema):
        if pa.types.is_dictionary(field.type) and pa.types.is_timestamp(field.type.value_type):
            batch = batch.set_column(k, field.name, batch.column(k).cast(field.type.value_type))
    return batch


def _voided(batch: pa.RecordBatch | pa.Table, void: frozenset[str]) -> pa.RecordBatch | pa.Table:
    """``batch`` with each column of ``void`` (cells all null, of a type that holds no field) as nulls."""
    for k, name in enumerate(batch.schema.names):
        if name in void:
            batch = batch.set_column(k, name, pa.nulls(batch.num_rows))
    return batch


def _table_nulls(table: pa.Table) -> Callable[[int, str], bool]:
    """Whether a column of ``table`` (by its index) holds no value: every cell null, and at least one."""
    return lambda k, name: table.num_rows > 0 and table.column(k).null_count == table.num_rows


def unnamed(name: str) -> bool:
    """Whether a table's column name is empty (or blanks): a spreadsheet's empty header cell, which names
    no column, as many as it has (the CSV reader's :func:`~.csv_reader.repeated_columns`)."""
    return not name.strip(BLANKS)


def _text_epoch(value: Any) -> float | None:
    return fast_epoch(value) if type(value) is str else None


def _payload(
    cols: dict[str, list[Any] | None],
    epochs: dict[str, list[float | None] | None],
    fields: tuple[str, ...],
    i: int,
) -> tuple[Any, ...] | None:
    """The payload of a well-formed row, or None for the models to decide."""
    out: list[Any] = []
    for f in fields:
        if f == "start" or f == "end":
            ep = epochs[f]
            if ep is not None:
                v = ep[i]
            else:
                cells = cols[f]
                v = _text_epoch(cells[i]) if cells is not None else None
            if v is None:
                return None
        else:
            cells = cols.get(f)
            v = cells[i] if cells is not None else None
            if v is None:
                if f not in _OPTIONAL:
                    return None
            elif f not in _SPEC or _SPEC[f].kind != "text" or not plain(v):
                return None  # a field of another shape (an object): the models decide
        out.append(v)
    return tuple(out)


# -- in-memory tables -------------------------------------------------------------


def is_columnar(events: Any) -> bool:
    """Whether ``events`` is a table this module reads (pyarrow, pandas, polars, or any Arrow stream)."""
    root = type(events).__module__.split(".", 1)[0]
    if root in ("pyarrow", "polars") and hasattr(events, "schema"):
        return True
    if root == "pandas" and hasattr(events, "columns"):
        return True
    return hasattr(events, "__arrow_c_stream__")


def _from_pandas(frame: Any) -> tuple[pa.Table, dict[str, list[Any]], set[int]]:
    """A pandas DataFrame as a table, with the columns Arrow cannot type kept as Python cells, and the
    rows (from 1) that give a value in a column without a name (left out: :meth:`_Reader.named`)."""
    arrays: dict[str, pa.Array] = {}
    objects: dict[str, list[Any]] = {}
    given: set[int] = set()
    names = [str(name) for name in frame.columns]
    for k in [k for k, name in enumerate(names) if unnamed(name)]:
        given.update(i for i, cell in enumerate(frame.iloc[:, k].tolist(), 1) if not empty_cell(cell))
    keep = [k for k, name in enumerate(names) if not unnamed(name)]
    kept = [names[k] for k in keep]
    if len(set(kept)) < len(kept):  # (`id` twice, or `1` and "1"): the columns' problem, E115, no rows read
        return pa.Table.from_arrays([pa.nulls(len(frame))] * len(kept), names=kept), {}, given
    for k in keep:
        key = names[k]
        series = frame.iloc[:, k]
        array = _pandas_column(series, key)
        if array is None:
            cells = series.tolist()
            if key in _SPEC and _SPEC[key].kind == "map":
                cells = [_given(v) for v in cells]
            objects[key] = [None if _is_missing(v) else v for v in cells]
        else:
            arrays[key] = array
    if arrays:
        table = pa.table(arrays)
    else:
        table = pa.table({"__rows": pa.nulls(len(frame))}).drop_columns(["__rows"])
    return table, objects, given


#: What pyarrow raises for a pandas column it cannot type (the column is then read cell by cell).
_UNTYPED = (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, TypeError, ValueError)


def _pandas_column(series: Any, name: str) -> pa.Array | None:
    """A column of a pandas frame as an Arrow array, or None to read it cell by cell (the models then
    decide on each cell, and a bad one is its row's problem).

    * A column without a value is nulls, whatever pandas typed it: ``read_csv`` makes an empty column
      of numbers, and an empty cell is an absent field (as the same CSV read as a log).
    * pyarrow types a column of Python objects from its first value and converts the rest to that
      type: after a zoned time, a naive time becomes UTC and a number ticks since 1970. A column of
      objects typed as times is taken only when every value is a zoned time. So with bytes: text
      among bytes becomes bytes, and a column of objects typed as bytes is taken only when every
      value is bytes (the column's E116), else a bytes cell is its row's problem (E106).
    * A map column (``attributes``) of Python objects is read as the schema's map first: pandas holds
      a Parquet map's cell as a list of (key, value) tuples (``pd.read_parquet``), the API's as a dict."""
    if len(series) and bool(series.isna().all()):
        return pa.nulls(len(series))
    categories = getattr(getattr(series, "cat", None), "categories", None) if series.dtype.name == "category" else None
    if categories is not None and getattr(categories.dtype, "tz", None) is not None:
        series = series.astype(categories.dtype)  # (zoned times as categories: pyarrow's dictionary drops the zone)
    objects = series.dtype == object
    spec = _SPEC.get(name)
    if objects and spec is not None and spec.kind == "map":
        series = series.map(_given)
        try:
            return pa.array(series, type=_ARROW_KIND["map"](""), from_pandas=True)
        except _UNTYPED:
            pass  # (text, or values that are not text: typed as they come, and refused as they are)
    try:
        array = pa.array(series, from_pandas=True)
    except _UNTYPED:
        return None
    if objects and pa.types.is_timestamp(array.type) and not all(_zoned(v) for v in series if not _is_missing(v)):
        return None
    if objects and _is_binary(array.type) and not all(isinstance(v, _BYTES) for v in series if not _is_missing(v)):
        return None  # text among bytes made bytes: each cell is read as it is (a bytes cell: its row's E106)
    return array


#: The Python cells pyarrow makes a column of bytes of.
_BYTES = (bytes, bytearray, memoryview)


def _is_binary(t: pa.DataType) -> bool:
    return bool(pa.types.is_binary(t) or pa.types.is_large_binary(t) or pa.types.is_fixed_size_binary(t))


def _given(cell: Any) -> Any:
    """A pandas cell of a map column as the reader takes it: a dict (how pandas holds a struct cell,
    ``pd.read_parquet`` or ``Table.to_pandas()`` of a struct column) without its null fields, which are
    fields not given, as in the struct column itself (:func:`~.arrow_columns._cells`); anything else as it is."""
    if type(cell) is dict and any(_is_missing(v) for v in cell.values()):
        return {k: v for k, v in cell.items() if not _is_missing(v)}
    return cell


def _zoned(value: Any) -> bool:
    return isinstance(value, dt.datetime) and value.utcoffset() is not None


def _is_missing(value: Any) -> bool:
    """Whether a pandas cell is no value: None, NaN, NaT, or ``pd.NA`` (which is neither equal nor unequal
    to itself: ``bool(pd.NA != pd.NA)`` raises)."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, NaT
    except (TypeError, ValueError):
        return type(value).__name__ == "NAType" and type(value).__module__.startswith("pandas")


def read_table(
    events: Any,
    source: str = "<table>",
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    defer: bool = False,
    declared: Collection[str] = (),
) -> EventLog:
    """An :class:`EventLog` from a ``pyarrow.Table``/``RecordBatch``, a pandas or polars DataFrame
    (``declared``: the event types the policies declare)."""
    name = RowSource.of(source)
    log = EventLog(name)
    reader = _Reader(log, progress, declare_types(declared))
    objects: dict[str, list[Any]] = {}
    root = type(events).__module__.split(".", 1)[0]
    kind = type(events).__name__
    reader.library = root
    if root == "pandas" and kind == "DataFrame":
        table, objects, reader.unnamed_given = _from_pandas(events)
        reader.index_names = frozenset(str(n) for n in events.index.names if n is not None)
    elif isinstance(events, pa.RecordBatch):
        table = pa.Table.from_batches([events])
    elif isinstance(events, pa.Table):
        table = events
    elif root == "polars" and kind == "DataFrame":
        table = events.to_arrow()
    elif root == "polars" and kind == "LazyFrame":  # its query run
        table = _collected(events, str(source))
    elif root == "pyarrow" and hasattr(events, "to_table") and hasattr(events, "schema"):  # a Dataset, a Scanner
        table = events.to_table()
    elif root not in ("pandas", "polars", "pyarrow") or isinstance(events, pa.RecordBatchReader):
        try:  # any Arrow stream (``__arrow_c_stream__``): a RecordBatchReader, DuckDB's result...
            table = pa.table(events)
        except (pa.ArrowException, TypeError, ValueError):
            raise not_events(events) from None
    else:  # a Series, an Array: a column, not a table of events
        raise not_events(events)
    name.written = _table_cells(events if root == "pandas" else table)
    rows = len(events) if root == "pandas" and kind == "DataFrame" else table.num_rows
    if reader.schema_problems(table.schema, name, _table_nulls(table), objects, lambda: rows > 0):
        nrows = table.num_rows if table.num_columns else len(next(iter(objects.values()), []))
        if table.num_columns == 0:
            table = pa.table({"__rows": pa.nulls(nrows)})
        for start in range(0, nrows, _BATCH):
            part = {k: v[start : start + _BATCH] for k, v in objects.items()}
            reader.batch(table.slice(start, _BATCH), start + 1, part)
    return log.finish(skip_invalid, defer)


def _collected(events: Any, source: str) -> pa.Table:
    """A polars ``LazyFrame``'s query run, as a table; a query that fails (a file its ``scan_ndjson`` does
    not find, a line it cannot parse) is a log that cannot be read, polars' own words its detail."""
    try:
        frame = events.collect()
    except Exception as exc:  # polars' errors (``ComputeError``, ``FileNotFoundError``...): the caller's query
        detail = str(exc).strip() or type(exc).__name__
        raise EventSourceError(words("events.lazy_failed", name=source, detail=Code(detail))) from None
    return frame.to_arrow()


def _table_cells(table: Any) -> Callable[[int, str], str | None]:
    """:attr:`RowSource.written` of an in-memory table (a pandas frame as the caller gave it, its cells
    as pandas holds them; anything else as the Arrow table read)."""

    def written(line: int, column: str) -> str | None:
        if isinstance(table, pa.Table):
            return _cell_of(lambda: table.to_batches(), line, column)
        try:
            cell = table[column].iloc[line - 1]
        except (KeyError, IndexError, ValueError, TypeError, AttributeError):
            return None
        if isinstance(cell, str):
            return cell
        if isinstance(cell, dt.datetime) and cell.utcoffset() not in (None, dt.timedelta(0)):
            return cell.isoformat()
        return None

    return written
