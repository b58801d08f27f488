"""Read events from Arrow: Parquet files (or a directory of them), Arrow IPC files, and in-memory tables.

Design notes
------------
* One event per row; the columns are the JSON fields (:data:`COLUMNS`, the
  columnar schema documented in ``docs/engineers/columnar.md``): ``event``, ``at``
  and ``id`` required, the payload columns as the event types need them, any
  other column kept out of the verdicts like an extra JSON key. A null cell is an
  absent field.
* Text columns are ``string`` (or ``large_string``, ``string_view``, or dictionary
  encoded); a time column is ``timestamp`` with a time zone (any unit; read to the
  microsecond) or an ISO 8601 ``string`` as in JSON Lines. A column of another type
  (a number where a time is due, a timestamp without a zone) is refused once for the
  column (E116), fatal: every row would be wrong the same way.
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
* Rows are numbered from 1 in each file; a directory's files are read in name
  order and numbered on (the source maps a number back to its file and row).
  A directory's tables are known by their suffix or their first bytes (Spark and
  Hive write ``part-00000`` with none); a file or directory whose name starts with
  ``_`` or ``.`` is passed over (``_SUCCESS``, ``_metadata``, ``.crc``), and any
  other file is refused by name (E117), not left out in silence.
* A row the models judge is given its cells as Python values that mean what the
  columns mean: a timestamp as an aware datetime in UTC cut to the microsecond
  (as :func:`~.arrow_columns.epochs` cuts it; no zone is looked up), a struct as a
  dict of its non-null fields (the keys a JSON reader found in other rows are
  null fields), a value Python cannot hold (a year past 9999) as its text.
* Batches: a Parquet file is read one row group at a time (what it takes per
  batch is the columns of that batch, then the compact records), never whole.
* A pandas DataFrame whose object column Arrow cannot type (a number among
  strings) is read cell by cell for that column, so the bad cell is the row's
  problem rather than a conversion failure.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import stat
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, NamedTuple, Union, get_args, get_origin
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pyarrow as pa
import pyarrow.ipc as ipc
import pyarrow.parquet as pq
from pydantic import AwareDatetime

from ..lang.diagnostics import Code, Words, listing, words
from .arrow_columns import PER_SECOND, epochs, file_batch, int64s
from .fast import fast_epoch, plain
from .lines import ARROW_SUFFIXES, PARQUET_SUFFIXES, is_columnar_path, is_parquet_file, piped_table, read_magic
from .problems import EventInputError, EventSourceError, Problem, RowSource, cannot_read, not_events, problem
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
    declare_types,
)
from .validate import validate_mapping

__all__ = [
    "ARROW_SUFFIXES",
    "COLUMNS",
    "TableFooter",
    "arrow_schema",
    "check_tables",
    "column_of",
    "common_schema",
    "conform",
    "count_rows",
    "event_tables",
    "events_table",
    "is_arrow_path",
    "is_columnar",
    "json_schema",
    "lacks_columns",
    "not_tables",
    "placement",
    "read_arrow",
    "read_table",
]

Progress = Callable[[int, int], None]


class ColumnSpec(NamedTuple):
    """One column of the columnar event schema, derived from the event models."""

    name: str
    kind: str  # "text", "time" (an instant) or "map" (text keys to text values)
    required: bool  # in every row (``event``, ``at``, ``id``); the others as the event types say
    types: tuple[tuple[str, bool], ...]  # the event types that carry it, and whether it is required there

    @property
    def time(self) -> bool:
        """Whether the column holds instants."""
        return self.kind == "time"


def _field_kind(annotation: Any) -> str:
    """``time``, ``map`` or ``text`` for a model field's annotation (``X | None`` read as ``X``)."""
    args = [a for a in get_args(annotation) if a is not type(None)]
    if get_origin(annotation) is Annotated:  # ``attributes``: a dict read through a validator
        return _field_kind(args[0])
    if get_origin(annotation) in (Union, UnionType) and args:
        return _field_kind(args[0])
    if annotation is AwareDatetime:
        return "time"
    if get_origin(annotation) is dict:
        return "map"
    return "text"


def _columns() -> tuple[ColumnSpec, ...]:
    """The columns of an event table: ``event``, ``at``, ``id``, then every payload field of the models."""
    order: dict[str, list[tuple[str, bool]]] = {}
    kinds: dict[str, str] = {}
    for name, cls in EVENT_CLASSES.items():
        for field, info in cls.model_fields.items():
            order.setdefault(field, []).append((name, info.is_required()))
            kinds.setdefault(field, _field_kind(info.annotation))
    first = ("event", "at", "id")
    return tuple(
        ColumnSpec(f, kinds[f], f in first, () if f in first else tuple(order[f]))
        for f in (*first, *(f for f in order if f not in first))
    )


#: The columns an event table may have (the JSON fields), from the models of :mod:`.schema`.
COLUMNS: tuple[ColumnSpec, ...] = _columns()
_SPEC = {c.name: c for c in COLUMNS}
#: Payload fields that may be absent (null) in a well-formed event, as the models have them.
_OPTIONAL = frozenset(
    f for name, fields in PAYLOAD.items() for f in fields if EVENT_CLASSES[name].model_fields[f].default is None
)
_STOP = CODE["stop.announced"]
_BATCH = 65_536


_ARROW_KIND: dict[str, Callable[[str], pa.DataType]] = {
    "text": lambda tz: pa.string(),
    "time": lambda tz: pa.timestamp("us", tz=tz),
    "map": lambda tz: pa.map_(pa.string(), pa.string()),
}
_JSON_KIND: dict[str, dict[str, Any]] = {
    "text": {"type": "string", "minLength": 1},
    "time": {"type": "string", "format": "date-time"},
    "map": {"type": "object", "additionalProperties": {"type": "string", "minLength": 1}},
}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one row of an event table (the same columns as :func:`arrow_schema`)."""
    props: dict[str, Any] = {}
    for c in COLUMNS:
        body = dict(_JSON_KIND[c.kind])
        if c.name == "event":
            body = {"enum": list(EVENT_CLASSES)}
        elif not c.required:
            body = {"anyOf": [body, {"type": "null"}]}
        if c.types:
            body["description"] = "; ".join(f"{t}{'' if req else ' (optional)'}" for t, req in c.types)
        props[c.name] = body
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "sla-dsl event row",
        "type": "object",
        "properties": props,
        "required": [c.name for c in COLUMNS if c.required],
        "additionalProperties": True,
    }


def arrow_schema(tz: str = "UTC") -> pa.Schema:
    """The Arrow schema of an event table as the engine writes one (times as ``timestamp[us, tz]``)."""
    return pa.schema([pa.field(c.name, _ARROW_KIND[c.kind](tz), nullable=not c.required) for c in COLUMNS])


def events_table(events: Iterable[Mapping[str, Any]], tz: str = "UTC") -> pa.Table:
    """Event mappings (as JSON Lines has them: times as ISO 8601 text) as a table of :func:`arrow_schema`.

    For writing a log as Parquet (tests, benchmarks, converting a JSON Lines log);
    a field outside the schema is left out, a time that is not ISO 8601 text with a UTC offset raises
    ValueError (as the log's reader refuses it: E105), never taken as UTC.
    """
    schema = arrow_schema(tz)
    cols: dict[str, list[Any]] = {c.name: [] for c in COLUMNS}
    for e in events:
        for c in COLUMNS:
            v = e.get(c.name)
            cols[c.name].append(_instant(c.name, v) if c.time and isinstance(v, str) else v)
    return pa.Table.from_pydict(cols, schema=schema)


def _instant(name: str, text: str) -> dt.datetime:
    at = dt.datetime.fromisoformat(text)
    if at.utcoffset() is None:
        raise ValueError(f"`{name}` has no UTC offset: `{text}`")
    return at


def _is_text(t: pa.DataType) -> bool:
    if pa.types.is_dictionary(t):
        return _is_text(t.value_type)
    return bool(pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t))


def lacks_columns(names: Iterable[str], source: str) -> Problem | None:
    """E115 when a table's columns ``names`` lack one every event needs (``event``, ``at``, ``id``)."""
    have = set(names)
    missing = [c for c in ("event", "at", "id") if c not in have]
    if not missing:
        return None
    said = words("events.E115.lacks", columns=listing([f"`{c}`" for c in missing], ", "))
    return problem(source, 0, "E115", said, words("events.E115.lacks.help"), fatal=True)


def _type_problem(name: str, t: pa.DataType) -> tuple[Words, Words] | None:
    """Why a column of type ``t`` cannot hold field ``name`` (message, help), or None."""
    spec = _SPEC.get(name)
    if spec is None or pa.types.is_null(t) or _is_text(t):
        return None
    if spec.kind == "map":
        return None  # a map, a struct or anything else: the models decide, row by row
    if spec.time and pa.types.is_timestamp(t):
        if t.tz is None:
            return (
                words("events.E116.naive", name=name, type=str(t)),
                words("events.E116.naive.help", example="`timestamp[us, tz=UTC]`"),
            )
        return None
    want = words("events.want.time" if spec.time else "events.want.text")
    return words("events.E116.type", name=name, type=str(t), want=want), words(
        "events.E116.type.help", name=name, want=want
    )


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


def _as_written(piece: pa.Array | pa.ChunkedArray) -> str | None:
    """The one cell of ``piece`` as the input gave it, in text, for a problem that quotes it: a text cell
    as it is; a timestamp as ISO 8601 in its column's zone. None (the problem's own wording, in UTC) for
    a null, a timestamp in UTC or a year Python cannot hold, and any other type."""
    if isinstance(piece, pa.ChunkedArray):
        piece = piece.combine_chunks()
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


def _file_cells(source: RowSource, files: Sequence[Path]) -> Callable[[int, str], str | None]:
    """:attr:`RowSource.written` of a file or directory: the file read again, only for the row asked."""

    def written(line: int, column: str) -> str | None:
        path, row = files[0], line
        if source.parts:
            k = bisect_right([first for first, _ in source.parts], line) - 1
            if k < 0:
                return None
            first, name = source.parts[k]
            path, row = Path(name), line - first + 1
        try:
            return _cell_of(lambda: _batches(path)[1], row, column)
        except (OSError, pa.ArrowException):
            return None

    return written


def _text_of(piece: pa.Array, otherwise: str) -> str:
    """The one cell of ``piece`` as Arrow writes it in text, or ``otherwise``."""
    try:
        text = piece.cast(pa.string()).to_pylist()[0]
    except pa.ArrowException:
        return otherwise
    return text if isinstance(text, str) else otherwise


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

    def schema_problems(self, schema: pa.Schema, source: str, objects: Iterable[str] = ()) -> bool:
        """File the problems of a table's columns: False when its rows cannot be read."""
        names = list(schema.names)
        problems = self.log.problems
        ok = True
        lacking = lacks_columns([*names, *objects], source)
        if lacking is not None:
            problems.append(lacking)
            ok = False
        repeated = sorted({n for n in names if names.count(n) > 1})
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
        for field in schema:
            if field.name in objects:
                continue
            bad = _type_problem(field.name, field.type)
            if bad is not None:
                problems.append(problem(source, 0, "E116", bad[0], bad[1], fatal=True, column=field.name))
                ok = False
        return ok

    def batch(self, batch: pa.RecordBatch | pa.Table, first: int, objects: dict[str, list[Any]] | None = None) -> None:
        """File the rows of ``batch``; its first row has number ``first``."""
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
        """The models decide on row ``i`` (and word its problems)."""
        ev, problems = validate_mapping(cols.row(i), self.log.source, line, self.declared)
        if ev is None:
            self.log.problems.extend(map(cols.absent, problems))
        else:
            self.log.add_event(ev, line)


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


def _from_pandas(frame: Any) -> tuple[pa.Table, dict[str, list[Any]]]:
    """A pandas DataFrame as a table, with the columns Arrow cannot type kept as Python cells."""
    arrays: dict[str, pa.Array] = {}
    objects: dict[str, list[Any]] = {}
    names = [str(name) for name in frame.columns]
    if len(set(names)) < len(names):  # (`id` twice, or `1` and "1"): the columns' problem, E115, no rows read
        return pa.Table.from_arrays([pa.nulls(len(frame))] * len(names), names=names), {}
    for k, key in enumerate(names):
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
    return table, objects


#: What pyarrow raises for a pandas column it cannot type (the column is then read cell by cell).
_UNTYPED = (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, TypeError, ValueError)


def _pandas_column(series: Any, name: str) -> pa.Array | None:
    """A column of a pandas frame as an Arrow array, or None to read it cell by cell (the models then
    decide on each cell, and a bad one is its row's problem).

    * A column without a value is nulls, whatever pandas typed it: ``read_csv`` makes an empty column
      of numbers, and an empty cell is an absent field (as the same CSV read as a log).
    * pyarrow types a column of Python objects from its first value and converts the rest to that
      type: after a zoned time, a naive time becomes UTC and a number ticks since 1970. A column of
      objects typed as times is taken only when every value is a zoned time.
    * A map column (``attributes``) of Python objects is read as the schema's map first: pandas holds
      a Parquet map's cell as a list of (key, value) tuples (``pd.read_parquet``), the API's as a dict."""
    if len(series) and bool(series.isna().all()):
        return pa.nulls(len(series))
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
    return array


def _given(cell: Any) -> Any:
    """A pandas cell of a map column as the reader takes it: a dict (how pandas holds a struct cell,
    ``pd.read_parquet`` or ``Table.to_pandas()`` of a struct column) without its null fields, which are
    fields not given, as in the struct column itself (:func:`_cells`); anything else as it is."""
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
    if root == "pandas" and kind == "DataFrame":
        table, objects = _from_pandas(events)
    elif isinstance(events, pa.RecordBatch):
        table = pa.Table.from_batches([events])
    elif isinstance(events, pa.Table):
        table = events
    elif root == "polars" and kind == "DataFrame":
        table = events.to_arrow()
    elif root == "polars" and kind == "LazyFrame":  # its query run
        table = events.collect().to_arrow()
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
    if reader.schema_problems(table.schema, name, objects):
        nrows = table.num_rows if table.num_columns else len(next(iter(objects.values()), []))
        if table.num_columns == 0:
            table = pa.table({"__rows": pa.nulls(nrows)})
        for start in range(0, nrows, _BATCH):
            part = {k: v[start : start + _BATCH] for k, v in objects.items()}
            reader.batch(table.slice(start, _BATCH), start + 1, part)
    return log.finish(skip_invalid, defer)


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


# -- files ---------------------------------------------------------------------------


def is_arrow_path(path: Path) -> bool:
    """Whether ``path`` is read by this module (:func:`~.lines.is_columnar_path`)."""
    return is_columnar_path(path)


def _files(path: Path) -> list[Path]:
    """The tables of ``path``: the file itself, or the Parquet and Arrow files under a directory."""
    return event_tables(path)[0]


def not_tables(others: Sequence[Path]) -> EventInputError:
    """The fatal E117 of each file in a directory of events that is no table (see :func:`event_tables`)."""
    hint = words("events.E117.not_table.help")
    return EventInputError(
        [problem(str(f), 0, "E117", words("events.E117.not_table", name=str(f)), hint, fatal=True) for f in others]
    )


class TableFooter(NamedTuple):
    """What a Parquet file's footer says of its events: its columns and its rows."""

    path: Path
    schema: pa.Schema
    rows: int


def check_tables(paths: Sequence[Path], declared: Collection[str] = ()) -> list[TableFooter]:
    """Read the footer of each Parquet file of ``paths`` and check its columns as :func:`read_arrow` does:
    raises EventInputError naming the file (E117 unreadable, E115, E116) before any row is read."""
    reader = _Reader(EventLog("<tables>"), None, declare_types(declared))
    footers: list[TableFooter] = []
    for f in paths:
        name = str(f)
        try:
            file = pq.ParquetFile(f)
            footers.append(TableFooter(Path(f), file.schema_arrow, file.metadata.num_rows))
        except (OSError, pa.ArrowException) as exc:
            if isinstance(exc, OSError) and exc.errno and not isinstance(exc, pa.ArrowException):
                raise cannot_read(name, OSError(exc.errno, os.strerror(exc.errno))) from None
            raise EventInputError([_unreadable(name, exc)]) from None
        reader.schema_problems(footers[-1].schema, RowSource.of(name))
    if reader.log.problems:
        raise EventInputError(reader.log.problems)
    return footers


def _family(t: pa.DataType) -> str:
    """Which of the reader's equivalent kinds a column type is: ``text``, ``time[UNIT]``, ``null`` or its
    own. Zoned timestamps are one kind per unit, whatever their zone (the same instants in UTC), never
    cast to another unit: microseconds past the year 2262 have no nanoseconds (the reader reads such a
    time, and refuses it for its year), and a cast to a coarser unit refuses or cuts what it drops."""
    if pa.types.is_null(t):
        return "null"
    if _is_text(t):
        return "text"
    if pa.types.is_timestamp(t) and t.tz is not None:
        return f"time[{t.unit}]"
    return str(t)


#: The field metadata that names the column a field of :func:`common_schema` holds, when the field holds
#: one of its kinds under a name of its own.
_HOLDS = b"sla_dsl.column"


def _kind_field(name: str, family: str, t: pa.DataType) -> pa.Field:
    """The field for column ``name`` of the files where it is of kind ``family`` (not its first kind):
    a name no file's column has (a NUL in it), the column's own in the metadata."""
    return pa.field(f"{name}\x00{family}", t, metadata={_HOLDS: name.encode()})


def column_of(field: pa.Field) -> str:
    """The files' column a field of :func:`common_schema` holds (its own name, or the one of a kind field)."""
    held = (field.metadata or {}).get(_HOLDS)
    return held.decode() if held is not None else str(field.name)


def _one_type(family: str, types: Collection[pa.DataType]) -> pa.DataType:
    """The type the values of one kind become in every file, without change of what the reader makes of
    them: text of any Arrow text type as ``string`` (``large_string`` if one file has it), zoned
    timestamps of one unit and any zone in UTC (the same instants)."""
    first = next(iter(types))
    if len(types) == 1:
        return first
    if family == "text":
        large = any(pa.types.is_large_string(getattr(t, "value_type", t)) for t in types)
        return pa.large_string() if large else pa.string()
    # zoned timestamps of one unit (types of another kind differ in kind when they differ at all)
    return pa.timestamp(first.unit, "UTC")


def common_schema(footers: Sequence[TableFooter]) -> pa.Schema:
    """One schema for the tables of ``footers`` read as one table (columns in order of first sight), each
    column of a type every file's values become without change of what the reader makes of them (see
    :func:`_one_type`), a column a file lacks as nulls.

    A column of two kinds, text in one file and zoned timestamps in another (or timestamps of two
    units, or any two types of a column the reader takes in either, such as one it keeps out of the
    verdicts), is one field per kind: the first under the column's name, the others under names of
    their own (:func:`column_of` names their column). No one type would do: the reader makes of a
    timestamp past the year 9999 an instant it refuses for its year (E123), of the same time as text
    no time at all (E104), and of text without an offset a problem (E105) no timestamp has.
    :func:`placement` says which field holds each column of a file, so that its rows can be read
    with their own columns, as one run reads each file on its own."""
    seen: dict[str, list[pa.DataType]] = {}
    for footer in footers:
        for field in footer.schema:
            seen.setdefault(field.name, []).append(field.type)
    fields: list[pa.Field] = []
    for name, found in seen.items():
        kinds: dict[str, set[pa.DataType]] = {}
        for t in found:
            if not pa.types.is_null(t):
                kinds.setdefault(_family(t), set()).add(t)
        if not kinds:
            fields.append(pa.field(name, pa.null()))
            continue
        for k, (family, types) in enumerate(kinds.items()):
            t = _one_type(family, types)
            fields.append(pa.field(name, t) if k == 0 else _kind_field(name, family, t))
    return pa.schema(fields)


def placement(schema: pa.Schema, common: pa.Schema) -> tuple[tuple[str, str], ...]:
    """Where the columns of a table of ``schema`` are in the one table of ``common``
    (:func:`common_schema`): for each, in the table's order, the field that holds it and its own name.
    A column of nulls (type ``null``) is in its column's first field."""
    holder = {(column_of(f), _family(f.type)): f.name for f in common}
    out: list[tuple[str, str]] = []
    for field in schema:
        family = _family(field.type)
        held = field.name if family == "null" else holder.get((field.name, family))
        if held is None or held not in common.names:
            raise ValueError(f"column `{field.name}` of type `{field.type}` has no field in the common schema")
        out.append((held, field.name))
    return tuple(out)


def conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """``table`` with the fields of ``schema`` (:func:`common_schema`), in its order and types: each
    column in the field of its kind (:func:`placement`), nulls in the others."""
    own = {held: name for held, name in placement(table.schema, schema)}
    n = table.num_rows
    columns = []
    for field in schema:
        name = own.get(field.name)
        if name is None:
            columns.append(pa.nulls(n, field.type))
            continue
        column = table[name]
        columns.append(column if column.type == field.type else column.cast(field.type))
    return pa.Table.from_arrays(columns, schema=schema)


def event_tables(path: Path) -> tuple[list[Path], list[Path]]:
    """The tables under ``path`` in name order (by their suffix or first bytes), and the other files,
    which are not passed over in silence: a file or directory whose name starts with ``_`` or ``.``
    is (what Spark and Hive write beside the data: ``_SUCCESS``, ``_metadata``, ``.crc``).

    Nothing else is left out: a directory that cannot be listed, or an entry that cannot be looked at
    (a symbolic link to nothing), raises EventSourceError naming it; an entry that is no file (a named
    pipe, a socket, a device) raises EventInputError (E117). A directory reached again through a link
    is listed once."""
    if not path.is_dir():
        return [path], []
    tables: list[Path] = []
    others: list[Path] = []
    _list_tables(path, set(), tables, others)
    return tables, others


def _list_tables(directory: Path, seen: set[str], tables: list[Path], others: list[Path]) -> None:
    """File the entries under ``directory`` (see :func:`event_tables`), in the order of their paths."""
    real = os.path.realpath(directory)
    if real in seen:
        return
    seen.add(real)
    try:
        with os.scandir(directory) as listing_:
            entries = sorted(listing_, key=lambda e: e.name)
    except OSError as exc:
        raise cannot_read(str(directory), exc) from None
    for entry in entries:
        if entry.name.startswith(("_", ".")):
            continue
        p = Path(entry.path)
        try:
            mode = os.stat(p).st_mode  # (through a link: a link to nothing is an error here)
        except OSError as exc:
            raise cannot_read(str(p), exc) from None
        if stat.S_ISDIR(mode):
            _list_tables(p, seen, tables, others)
        elif not stat.S_ISREG(mode):
            raise EventInputError([_not_a_file(str(p))])
        elif entry.name.lower().endswith(ARROW_SUFFIXES) or _magic(p) is not None:
            tables.append(p)
        else:
            others.append(p)


def _magic(path: Path) -> str | None:
    """:func:`~.lines.read_magic` of the regular file ``path``; a file that cannot be opened raises
    EventSourceError naming it (it would be taken for a file that is no table)."""
    try:
        return read_magic(path)
    except OSError as exc:
        raise cannot_read(str(path), exc) from None


def _refuse_no_file(path: Path) -> None:
    """E117 for a table named as a path that is no regular file: a named pipe (``mkfifo events.parquet``)
    as standard input is, anything else (a socket, a device) as no file. A table is read from a file:
    its footer is at its end."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # (opening it says why)
    if stat.S_ISREG(mode):
        return
    if not stat.S_ISFIFO(mode):
        raise EventInputError([_not_a_file(str(path))])
    kind = "Parquet" if path.name.lower().endswith(PARQUET_SUFFIXES) else "Arrow"
    raise EventInputError([piped_table(RowSource.of(str(path)), 0, kind)])


def _not_a_file(name: str) -> Problem:
    """E117 of an entry that is no regular file, where a table is read from a file."""
    return problem(
        RowSource.of(name),
        0,
        "E117",
        words("events.E117.not_file", name=name),
        words("events.E117.not_file.help"),
        fatal=True,
    )


def count_rows(path: str | Path) -> int | None:
    """Rows in a Parquet file or directory (from the footers, for a progress bar), None when unknown."""
    total = 0
    try:
        for f in _files(Path(path)):
            if not is_parquet_file(f) or not stat.S_ISREG(os.stat(f).st_mode):  # (a named pipe: never opened here)
                return None
            total += pq.ParquetFile(f).metadata.num_rows
    except (OSError, pa.ArrowException, EventInputError, EventSourceError):
        return None  # the reader says why
    return total


def _batches(path: Path) -> tuple[pa.Schema, Iterator[pa.RecordBatch]]:
    """The schema and record batches of one file (Parquet by row group, IPC file or stream)."""
    if is_parquet_file(path):
        pf = pq.ParquetFile(path)
        return pf.schema_arrow, pf.iter_batches(batch_size=_BATCH)
    try:
        reader = ipc.open_file(path)
        return reader.schema, (reader.get_batch(i) for i in range(reader.num_record_batches))
    except pa.ArrowInvalid:
        stream = ipc.open_stream(path)
        return stream.schema, iter(stream)


def read_arrow(
    path: str | Path,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    defer: bool = False,
    declared: Collection[str] = (),
) -> EventLog:
    """Read a Parquet or Arrow IPC file, or a directory of them, into an :class:`EventLog`
    (``declared``: the event types the policies declare)."""
    root = Path(path)
    files, others = event_tables(root)
    if others:
        raise not_tables(others)
    if not root.is_dir():
        _refuse_no_file(root)
    if not files:
        raise EventSourceError(
            words("events.no_tables", name=str(path), patterns=listing([f"`*{s}`" for s in ARROW_SUFFIXES], ", "))
        )
    parts: list[tuple[int, str]] = []
    first = 1
    names = [str(f) for f in files]
    opened: list[tuple[pa.Schema, Iterator[pa.RecordBatch]]] = []
    for f, name in zip(files, names, strict=True):
        try:
            schema, batches = _batches(f)
        except (OSError, pa.ArrowException) as exc:
            if isinstance(exc, OSError) and exc.errno and not isinstance(exc, pa.ArrowException):
                # the file itself (missing, not readable): worded as the line readers word it
                raise cannot_read(name, OSError(exc.errno, os.strerror(exc.errno))) from None  # not pyarrow's
            raise EventInputError([_unreadable(name, exc)]) from None
        opened.append((schema, batches))
    source = RowSource.of(str(path), []) if root.is_dir() else RowSource.of(str(path))
    source.written = _file_cells(source, files)
    log = EventLog(source)
    reader = _Reader(log, progress, declare_types(declared))
    for name, (schema, batches) in zip(names, opened, strict=True):
        parts.append((first, name))
        if root.is_dir():
            source.parts = tuple(parts)
        where = RowSource.of(name) if root.is_dir() else source
        if not reader.schema_problems(schema, where):
            continue
        row = first
        try:
            for batch in batches:
                reader.batch(batch, row)
                row += batch.num_rows
        except (OSError, pa.ArrowException) as exc:
            log.problems.append(_unreadable(source, exc, row))
        first = row
    return log.finish(skip_invalid, defer)


#: What writes Parquet and Arrow IPC, as E117's help names them.
_WRITERS = listing(["pyarrow", "DuckDB", "Spark", "pandas", "polars"], ", ")


#: What pyarrow says of a file it cannot read (a pattern of its first line) -> the catalogue's words.
_ARROW_SAYS = (
    (re.compile(r"Couldn't deserialize thrift"), "events.E117.thrift"),
    (re.compile(r"Parquet magic bytes not found in footer"), "events.E117.no_footer"),
    (re.compile(r"Parquet file size is (?P<size>\d+) bytes"), "events.E117.too_short"),
    (
        re.compile(r"Corrupt \w+ compressed data|\w+ decompression failed|Decompression failed", re.I),
        "events.E117.page",
    ),
    (re.compile(r"Expected to (?:be able to )?read \d+ .*bytes|Unexpected end of stream|EOF"), "events.E117.cut"),
)


def _arrow_detail(exc: BaseException) -> Words:
    """What is wrong with a file pyarrow cannot read, in the catalogue's words when its message is one of
    the usual ones; else its message, quoted (in backticks in Japanese)."""
    said = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    for pattern, key in _ARROW_SAYS:
        found = pattern.search(said)
        if found is not None:
            return words(key, **found.groupdict())
    return words("events.E117.other", detail=Code(said))


def _unreadable(source: str, exc: BaseException, row: int = 0) -> Problem:
    detail = _arrow_detail(exc)
    return problem(
        RowSource.of(source) if not isinstance(source, RowSource) else source,
        row,
        "E117",
        words("events.E117.unreadable", detail=detail),
        words("events.E117.unreadable.help", tools=_WRITERS),
        fatal=True,
    )
