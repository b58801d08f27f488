"""Read events from Parquet and Arrow IPC files, and from directories of them; know a directory's tables,
and check them by their footers and read them as one table (for a cluster: :mod:`sla_dsl.dask`).

Design notes
------------
* Rows are numbered from 1 in each file; a directory's files are read in name
  order and numbered on (the source maps a number back to its file and row).
  A directory's tables are known by their suffix or their first bytes (Spark and
  Hive write ``part-00000`` with none); a file or directory whose name starts with
  ``_`` or ``.`` is passed over (``_SUCCESS``, ``_metadata``, ``.crc``), and any
  other file is refused by name (E117), not left out in silence.
* Batches: a Parquet file is read one row group at a time (what it takes per
  batch is the columns of that batch, then the compact records), never whole.
* Each file's columns are checked and its batches filed by the row reader of
  :mod:`.arrow`, as a table in memory is; a cell that a problem quotes is read
  again from its file, only for the row asked.
"""

from __future__ import annotations

import os
import re
import stat
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import NamedTuple

import pyarrow as pa
import pyarrow.ipc as ipc
import pyarrow.parquet as pq

from ..lang.diagnostics import Code, Words, listing, words
from .arrow import _BATCH, Progress, _cell_of, _Reader
from .lines import ARROW_SUFFIXES, PARQUET_SUFFIXES, is_columnar_path, is_parquet_file, piped_table, read_magic
from .problems import EventInputError, EventSourceError, Problem, RowSource, cannot_read, problem
from .schema import EventLog, declare_types
from .table_schema import _is_text

__all__ = [
    "ARROW_SUFFIXES",
    "TableFooter",
    "check_tables",
    "column_of",
    "common_schema",
    "conform",
    "count_rows",
    "event_tables",
    "is_arrow_path",
    "not_tables",
    "placement",
    "read_arrow",
]


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
    raises EventInputError naming the file (E117 unreadable, E115, E116) before any row is read. A file of
    no row is an empty log whatever its columns, as :func:`read_arrow` reads it: its columns are not refused
    (its footer is returned with ``rows`` 0)."""
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
        nulls = column_nulls(partial(_parquet_column, file))
        rows = footers[-1].rows > 0
        reader.schema_problems(footers[-1].schema, RowSource.of(name), nulls, has_rows=partial(bool, rows))
    if reader.log.problems:
        raise EventInputError(reader.log.problems)
    return footers


def _family(t: pa.DataType) -> str:
    """Which of the reader's equivalent kinds a column type is: ``text``, ``time[UNIT]``, ``null`` or its
    own (:func:`_shape`: the same for equal types, on the client and on a worker alike). Zoned
    timestamps are one kind per unit, whatever their zone (the same instants in UTC), never cast to
    another unit: microseconds past the year 2262 have no nanoseconds (the reader reads such a time,
    and refuses it for its year), and a cast to a coarser unit refuses or cuts what it drops."""
    if pa.types.is_null(t):
        return "null"
    if _is_text(t):
        return "text"
    if pa.types.is_timestamp(t) and t.tz is not None:
        return f"time[{t.unit}]"
    return _shape(t)


def _shape(t: pa.DataType) -> str:
    """A type as text that two equal types (``==``) share: ``str`` of it, without the names of the fields a
    list or a map holds its values in. Those names are no part of a type's values, and differ for one
    type: Parquet's list holds ``element``, pyarrow's ``item``; a Parquet map's entries may be named
    after its column (``map<string, string ('attributes')>``), and a pickled map type (the common
    schema sent to a Dask worker) has lost that name, while its ``str`` still showed it. A struct's
    fields are its own: their names are kept."""
    if pa.types.is_map(t):  # (nor whether its keys are sorted: a pickled map type forgets that too)
        return f"map<{_shape(t.key_type)}, {_shape(t.item_type)}{_not_null(t.item_field)}>"
    if pa.types.is_fixed_size_list(t):
        return f"fixed_size_list<{_shape(t.value_type)}{_not_null(t.value_field)}>[{t.list_size}]"
    for kind, test in _LISTS:
        if test(t):
            return f"{kind}<{_shape(t.value_type)}{_not_null(t.value_field)}>"
    if pa.types.is_struct(t):
        fields = (t.field(i) for i in range(t.num_fields))
        return "struct<" + ", ".join(f"{f.name}: {_shape(f.type)}{_not_null(f)}" for f in fields) + ">"
    if pa.types.is_dictionary(t):
        return f"dictionary<values={_shape(t.value_type)}, indices={t.index_type}, ordered={int(t.ordered)}>"
    return str(t)


#: The list types, by the word :func:`_shape` names them with.
_LISTS: tuple[tuple[str, Callable[[pa.DataType], bool]], ...] = (
    ("list", pa.types.is_list),
    ("large_list", pa.types.is_large_list),
    ("list_view", pa.types.is_list_view),
    ("large_list_view", pa.types.is_large_list_view),
)


def _not_null(field: pa.Field) -> str:
    return "" if field.nullable else " not null"


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
    if len(types) == 1 or not (family == "text" or family.startswith("time[")):
        return first  # (a type of its own kind: the others are equal to it, the names of their fields aside)
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
        kinds: dict[str, list[pa.DataType]] = {}
        for t in found:
            if not pa.types.is_null(t):
                kind = kinds.setdefault(_family(t), [])
                if not any(t == u for u in kind):  # (not a set: two equal types may hash apart)
                    kind.append(t)
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
        same = column.type == field.type and str(column.type) == str(field.type)  # (the names of a map's fields too)
        columns.append(column if same else column.cast(field.type))
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


def _refuse_no_file(path: Path, name: str | None = None) -> None:
    """E117 for a table named as a path that is no regular file: a named pipe (``mkfifo events.parquet``)
    as standard input is, anything else (a socket, a device) as no file. A table is read from a file:
    its footer is at its end. Named ``name``, else ``path``."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # (opening it says why)
    if stat.S_ISREG(mode):
        return
    shown = name or str(path)
    if not stat.S_ISFIFO(mode):
        raise EventInputError([_not_a_file(shown)])
    kind = "Parquet" if path.name.lower().endswith(PARQUET_SUFFIXES) else "Arrow"
    raise EventInputError([piped_table(RowSource.of(shown), 0, kind)])


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


class OpenTable(NamedTuple):
    """One file of events opened: its columns, its record batches, and whether a column holds no value."""

    schema: pa.Schema
    batches: Iterator[pa.RecordBatch]
    #: whether column ``k`` (named ``name``) holds no value: every cell null, and at least one
    all_null: Callable[[int, str], bool]
    #: whether the file holds a row (a Parquet file's footer says it; an Arrow file is read for it)
    has_rows: Callable[[], bool]


def _batches(path: Path) -> OpenTable:
    """One file opened (Parquet one row group at a time, IPC file or stream)."""
    if is_parquet_file(path):
        pf = pq.ParquetFile(path)
        nulls = column_nulls(partial(_parquet_column, pf))
        return OpenTable(pf.schema_arrow, _row_groups(pf), nulls, lambda: pf.metadata.num_rows > 0)
    try:
        reader = ipc.open_file(path)
    except pa.ArrowInvalid:
        stream = ipc.open_stream(path)
        rows = partial(_stream_rows, path)
        return OpenTable(stream.schema, iter(stream), column_nulls(partial(_stream_column, path)), rows)
    batches = (reader.get_batch(i) for i in range(reader.num_record_batches))
    rows = partial(_ipc_rows, reader)
    return OpenTable(reader.schema, batches, column_nulls(partial(_ipc_column, reader)), rows)


def _ipc_rows(reader: ipc.RecordBatchFileReader) -> bool:
    """Whether an Arrow IPC file holds a row (one it cannot read again holds some: its columns are refused)."""
    try:
        return any(reader.get_batch(i).num_rows for i in range(reader.num_record_batches))
    except (OSError, pa.ArrowException):
        return True


def _stream_rows(path: Path) -> bool:
    """Whether an Arrow IPC stream holds a row, read again from its file (as :func:`_stream_column`)."""
    try:
        return any(batch.num_rows for batch in ipc.open_stream(path))
    except (OSError, pa.ArrowException):
        return True


def column_nulls(column: Callable[[int, str], Iterator[pa.Array]]) -> Callable[[int, str], bool]:
    """Whether a column of a file (by its index and name) holds no value: every cell null, and at least one,
    read from the batches ``column(k, name)`` gives up to its first batch with a value. Asked only of a column
    of a type that holds no field (a column refused: then one row group of one column is read); a file that
    cannot be read again (it is then said why) has no such column."""

    def holds_none(k: int, name: str) -> bool:
        try:
            rows = 0
            for batch in column(k, name):
                if batch.null_count != len(batch):
                    return False
                rows += len(batch)
        except (OSError, pa.ArrowException, IndexError, KeyError, ValueError):
            return False
        return rows > 0

    return holds_none


def _parquet_column(pf: pq.ParquetFile, k: int, name: str) -> Iterator[pa.Array]:
    for batch in pf.iter_batches(batch_size=_BATCH, columns=[name]):
        yield batch.column(0)


def _ipc_column(reader: ipc.RecordBatchFileReader, k: int, name: str) -> Iterator[pa.Array]:
    for i in range(reader.num_record_batches):
        yield reader.get_batch(i).column(k)


def _stream_column(path: Path, k: int, name: str) -> Iterator[pa.Array]:
    # a stream reads once: its file is opened again (a pipe never comes here: :func:`piped_table`)
    for batch in ipc.open_stream(path):
        yield batch.column(k)


def _row_groups(pf: pq.ParquetFile) -> Iterator[pa.RecordBatch]:
    """The record batches of a Parquet file, one row group at a time (a batch never holds rows of two:
    a damaged row group is the one the failing batch begins, :func:`_group_start`)."""
    for group in range(pf.num_row_groups):
        yield from pf.iter_batches(batch_size=_BATCH, row_groups=[group])


def _group_start(path: Path, row: int) -> int:
    """The first row (from 0) of the Parquet row group that holds row ``row`` (from 0) of the file ``path``:
    where a batch that cannot be read begins its row group (``row`` itself for an Arrow IPC file, whose
    batches are its own, or a footer that cannot be read again)."""
    if not is_parquet_file(path):
        return row
    try:
        meta = pq.read_metadata(path)
    except (OSError, pa.ArrowException):
        return row
    start = 0
    for group in range(meta.num_row_groups):
        rows = meta.row_group(group).num_rows
        if row < start + rows:
            return start
        start += rows
    return row


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
            return _cell_of(lambda: _batches(path).batches, row, column)
        except (OSError, pa.ArrowException):
            return None

    return written


def read_arrow(
    path: str | Path,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    defer: bool = False,
    declared: Collection[str] = (),
    name: str | None = None,
) -> EventLog:
    """Read a Parquet or Arrow IPC file, or a directory of them, into an :class:`EventLog`
    (``declared``: the event types the policies declare; ``name``: what the problems of a file's contents call
    it, where it is read by another path: a worker reads the caller's ``events/a.parquet`` by its absolute
    path; a file it cannot open is named by the path it looked at)."""
    root = Path(path)
    files, others = event_tables(root)
    if others:
        raise not_tables(others)
    if not root.is_dir():
        _refuse_no_file(root, name)
    else:
        name = None  # (a directory's files are named by their paths in it)
    if not files:
        raise EventSourceError(
            words("events.no_tables", name=str(path), patterns=listing([f"`*{s}`" for s in ARROW_SUFFIXES], ", "))
        )
    parts: list[tuple[int, str]] = []
    first = 1
    names = [str(f) for f in files] if name is None else [name]
    opened: list[OpenTable] = []
    for f, shown in zip(files, names, strict=True):
        try:
            table = _batches(f)
        except (OSError, pa.ArrowException) as exc:
            if isinstance(exc, OSError) and exc.errno and not isinstance(exc, pa.ArrowException):
                # the file itself (missing, not readable): worded as the line readers word it, at the path
                # looked at (a worker's absolute path: where it did not find the file the client sees)
                raise cannot_read(str(f), OSError(exc.errno, os.strerror(exc.errno))) from None  # not pyarrow's
            raise EventInputError([_unreadable(shown, exc, empty=_empty(f), file=f)]) from None
        opened.append(table)
    source = RowSource.of(str(path), []) if root.is_dir() else RowSource.of(name or str(path))
    source.written = _file_cells(source, files)
    log = EventLog(source)
    reader = _Reader(log, progress, declare_types(declared))
    for f, shown, (schema, batches, all_null, has_rows) in zip(files, names, opened, strict=True):
        parts.append((first, shown))
        if root.is_dir():
            source.parts = tuple(parts)
        where = RowSource.of(shown) if root.is_dir() else source
        if not reader.schema_problems(schema, where, all_null, has_rows=has_rows):
            continue
        row = first
        try:
            for batch in batches:
                reader.batch(batch, row)
                row += batch.num_rows
        except (OSError, pa.ArrowException) as exc:  # named at the first row of the row group it stopped in
            log.problems.append(_unreadable(source, exc, first + _group_start(f, row - first), file=f))
        first = row
    return log.finish(skip_invalid, defer)


#: What writes Parquet and Arrow IPC, as E117's help names them.
_WRITERS = listing(["pyarrow", "DuckDB", "Spark", "pandas", "polars"], ", ")


#: What pyarrow says of a file it cannot read (a pattern of its message) -> the catalogue's words. Its
#: thrift error is the footer's, unless a line under it says it was a data page's header.
_ARROW_SAYS = (
    (re.compile(r"Deserializing page header failed"), "events.E117.page_header"),
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
    the usual ones; else its first line, quoted (in backticks in Japanese)."""
    said = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    for pattern, key in _ARROW_SAYS:
        found = pattern.search(str(exc) or said)
        if found is not None:
            return words(key, **found.groupdict())
    return words("events.E117.other", detail=Code(said))


def _empty(path: Path) -> bool:
    """Whether ``path`` is an Arrow IPC file of 0 bytes (Arrow's reader says only that it found no schema;
    Parquet's says the file is too short, with its size)."""
    try:
        return os.stat(path).st_size == 0 and not is_parquet_file(path)
    except OSError:
        return False


def _feather_v1(path: str | Path) -> bool:
    """Whether ``path`` is a file in Feather's first format (``FEA1`` at its start), which Arrow's IPC reader
    does not read (Feather V2 is Arrow IPC)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == b"FEA1"
    except OSError:
        return False


def _unreadable(
    source: str, exc: BaseException, row: int = 0, *, empty: bool = False, file: Path | None = None
) -> Problem:
    """E117 of a table that cannot be read, named ``source`` (``file``: where it is read, when that is another
    path, looked at for Feather's first format)."""
    old = not empty and isinstance(source, str) and _feather_v1(source if file is None else file)
    detail = words("events.E117.empty") if empty else _arrow_detail(exc)
    return problem(
        RowSource.of(source) if not isinstance(source, RowSource) else source,
        row,
        "E117",
        words("events.E117.unreadable", detail=words("events.E117.feather1") if old else detail),
        words("events.E117.feather1.help", file=str(source))
        if old
        else words("events.E117.unreadable.help", tools=_WRITERS),
        fatal=True,
    )
