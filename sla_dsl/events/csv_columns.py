"""A CSV file read by Arrow's C++ CSV reader and filed on whole columns.

Design notes
------------
* The CSV reader (:func:`~.csv_reader.read_csv`) reads a row at a time with the
  ``csv`` module and files each as a dict: a year's log of 911,833 rows takes
  about twice as long as the same events in JSON Lines, which Arrow parses
  (:mod:`.jsonl_columns`). Here Arrow's CSV reader parses the rows into text
  columns in C++ and :func:`~.arrow_columns.file_batch` files them, the filing of
  Parquet and JSON Lines logs. Every row it does not take on columns (a problem,
  an ``attributes`` cell that is not a JSON object of texts, a required field
  empty, a time outside the supported years: noted as the cell gives it, for
  E123) is handed, in its turn, to the caller as the dict the CSV reader would
  have made of it (its non-empty cells by header name) with its line: filed, or
  its problem worded, as that reader does (its collector's, ``blank_cells``: a
  cell of blanks only is no value). An ``attributes`` cell is JSON text, parsed
  once per distinct text as written (the models parse the cell untrimmed): a
  year's reports that give their plan are filed on columns.
* Blanks around a value (:data:`~.fields.BLANKS`: a spreadsheet's ``id, event, at``,
  a blank after every comma, quoted or not) are trimmed on whole columns before the
  filing judges them (:func:`_trimmed`), as the CSV reader's collector trims a row's
  texts of the contract before its fast path (:func:`~.fast.trimmed_row`), and a
  cell of blanks only is then no value (null), as that collector drops it. Untrimmed,
  no spaced type, time or id is one the filing takes: every row would be handed back
  and, past :data:`_MOST_HANDED`, the whole log read again by the CSV reader. A row
  the filing still refuses is handed back with its cells as read, and a field a type
  does not carry is noted with its cell as read (``written``), as the rows are. A log
  without a blank in its rows' bytes (:func:`_may_trim`) is filed as read.
* Only a log both readers read alike, else the CSV reader reads it (this returns
  False, nothing kept):
  * the header is the first line (after a byte-order mark): one line, its quotes
    closed, naming ``event``, ``at`` and ``id``, no name twice (empty names, columns
    without a name, as many as it has, :func:`~.csv_reader.repeated_columns`); a blank or
    comment line before it, or a header the CSV reader refuses, is that reader's;
  * every row is one line: the rows Arrow reads are counted against the lines
    (a quoted cell over two lines, a blank line or a line of blanks between rows
    make fewer rows than lines), and a ``\\r`` is only ever the end of a line
    (``\\r\\n``), so no row can be two;
  * every row has the header's number of cells (Arrow refuses another: the CSV
    reader words it, E111), no line is as long as the ``csv`` module's cell limit
    (128 KiB: a stretch of half of it always holds a newline), no NUL byte (the
    ``csv`` module refuses one), and the text is UTF-8 (Arrow checks it);
  * at most :data:`_MOST_HANDED` rows handed back.
  Otherwise the two agree cell by cell: quotes doubled, a quote inside an unquoted
  cell or after a closing one, blanks parsed as written (a blank before a quote makes
  the quote part of the cell, ``, "INC-1"``, to both), ``""`` and an empty cell
  both empty (no value: Arrow's null; a cell of blanks only gives none either, to
  both). ``tests/events/test_csv_columns.py``
  reads random logs both ways.
* Only for a regular, uncompressed file of the sizes :func:`~.lines.columns_worth`
  takes (the text is held whole while Arrow parses it), named ``.csv``.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Collection
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

from .arrow_columns import file_batch
from .collect import Progress, _Collector
from .csv_reader import _QUOTED, comment_row, csv_state, header_again, header_lacks, repeated_columns
from .lines import lines_shorter, plain_bytes
from .schema import BLANKS, KNOWN_FIELDS, EventLog, declare_types
from .table_schema import flattened_attributes

__all__ = ["csv_by_columns", "read_csv_columns"]

#: Bytes Arrow parses and the filing files at a time.
_BLOCK = 4 << 20
#: Rows handed back to the CSV reader at most (past that, the runs between them cost more than the rows).
_MOST_HANDED = 1_000
_BOM = b"\xef\xbb\xbf"
#: The columns every header of events names.


#: The columns the filing reads (the texts of the contract), trimmed of the blanks around their cells.
_TRIMMED = frozenset(("event", "at", "id", *KNOWN_FIELDS))
#: The blanks in UTF-8 but the line ends (a row the columns read is one line: no cell holds one).
_BLANK_BYTES = tuple(c.encode() for c in BLANKS if c not in "\r\n")


class _TooMany(Exception):
    """More rows handed back than :data:`_MOST_HANDED`."""


def _header(line: bytes) -> list[str] | None:
    """The column names of a first line the CSV reader reads as this header (stripped, as it strips
    them), or None when it would read it otherwise or refuse it."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not text.strip() or text.lstrip().startswith("#") or csv_state(text) == _QUOTED:
        return None
    try:
        (names,) = list(csv.reader([text]))
    except (csv.Error, ValueError):
        return None
    names = [n.strip() for n in names]
    if header_lacks(names) or repeated_columns(names) or flattened_attributes(names):
        return None
    return names


def _plain(data: bytes, start: int) -> bool:
    """Whether the rows' bytes (``data`` from ``start``) may be read by Arrow as the ``csv`` module reads
    them: no NUL, a ``\\r`` only before a newline, every line shorter than the module's cell limit."""
    if data.find(b"\x00", start) >= 0 or data.count(b"\r", start) != data.count(b"\r\n", start):
        return False
    return lines_shorter(data, csv.field_size_limit(), start)


def _may_trim(data: bytes, start: int) -> bool:
    """Whether the rows' bytes (``data`` from ``start``) hold a blank, so that a cell may have one around it
    (none in the common export: its columns are filed as read, nothing trimmed)."""
    only_ascii = data.isascii()  # (then only the blanks of one byte can be there)
    return any(data.find(b, start) >= 0 for b in _BLANK_BYTES if not only_ascii or len(b) == 1)


def _trimmed(batch: pa.RecordBatch) -> pa.RecordBatch:
    """``batch`` with the blanks (:data:`~.fields.BLANKS`) around each cell of a column the filing reads
    trimmed, and a cell of blanks only made null (no value), as the CSV reader's collector reads a row
    (:func:`~.fast.trimmed_row`, ``blank_cells``). Quoted cells alike: the collector never knows a cell
    was quoted."""
    columns: list[pa.Array] = []
    for name, column in zip(batch.schema.names, batch.columns, strict=True):
        if name in _TRIMMED:
            cut = pc.utf8_trim(column, BLANKS)
            if not cut.equals(column):
                column = cut
                kept = pc.cast(pc.utf8_length(cut), pa.bool_())  # (False: empty, blanks only as read)
                if kept.false_count:  # (a mask, no scalar: a scalar of a Python value imports pandas)
                    column = pc.if_else(kept, cut, pa.nulls(len(cut), pa.string()))
        columns.append(column)
    return pa.RecordBatch.from_arrays(columns, schema=batch.schema)


def read_csv_columns(
    path: Path,
    log: EventLog,
    take: Callable[[dict[str, str], int], None],
    *,
    progress: Progress | None = None,
    declared: Collection[str] = (),
) -> bool:
    """File the CSV file ``path`` (of a size :func:`~.lines.columns_worth` takes) into ``log``, each row
    the columns do not take through ``take(its cells by name, its line)``, in line order; False when the
    file must be read by the CSV reader instead (see above: ``log`` is then to be dropped). Raises
    OSError when the file cannot be read."""
    data = plain_bytes(path)
    if data is None:
        return False
    start = len(_BOM) if data.startswith(_BOM) else 0
    end = data.find(b"\n", start)
    if end < 0:
        return False
    names = _header(data[start:end].removesuffix(b"\r"))
    body = memoryview(data)[end + 1 :]
    if names is None or not body or not _plain(data, end + 1) or data.find(_BOM, end + 1) >= 0:
        return False
    lines = data.count(b"\n", end + 1) + (not data.endswith(b"\n"))
    mine = declare_types(declared)
    trim = _may_trim(data, end + 1)
    handed = 0
    rows = 0
    try:  # (Arrow parses the first block as it opens)
        reader = pcsv.open_csv(
            pa.BufferReader(pa.py_buffer(body)),
            read_options=pcsv.ReadOptions(column_names=names, block_size=_BLOCK, use_threads=False),
            parse_options=pcsv.ParseOptions(newlines_in_values=True),
            convert_options=pcsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                null_values=[""],
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
            ),
        )
        for batch in reader:
            first = 2 + rows  # (the header is line 1)

            def slow(i: int, batch: pa.RecordBatch = batch, first: int = first) -> None:
                nonlocal handed
                handed += 1
                if handed > _MOST_HANDED or first + i > lines + 1:
                    raise _TooMany
                given: dict[str, str] = {}
                cells = [batch.column(k)[i].as_py() for k in range(len(names))]
                for n, v in zip(names, cells, strict=True):  # (as the CSV reader: of names alike, the last)
                    if v is not None:
                        given[n] = v
                if not any(type(v) is not str or v.strip(BLANKS) for v in given.values()):
                    return  # a row of empty cells, a spreadsheet's `,,,`: no data
                comment = comment_row(log.source, first + i, names[0], given.get(names[0]))
                if comment is None:  # (nor a header again, of files joined with `cat`)
                    comment = header_again(log.source, first + i, names, cells)
                if comment is not None:  # (a `#` row after the header: said as the CSV reader says it)
                    log.problems.append(comment)
                else:
                    take(given, first + i)

            if trim:
                file_batch(log, _trimmed(batch), first, slow, mine, written=batch, far_slow=True)
            else:
                file_batch(log, batch, first, slow, mine, far_slow=True)
            rows += batch.num_rows
            if progress is not None:  # (the bar counts bytes: as far as the rows are through the lines)
                progress(1 + rows, len(data) * min(rows, lines) // lines)
    except (pa.ArrowException, _TooMany):  # (whatever Arrow cannot do, the CSV reader does)
        return False
    return rows == lines


def csv_by_columns(
    path: Path,
    source: str,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    defer: bool = False,
    declared: Collection[str] = (),
) -> EventLog | None:
    """A CSV file read by Arrow, each row it cannot file on columns filed from its cells by the CSV
    reader's collector; None when Arrow cannot read the file as the rows would be read (then
    :func:`~.csv_reader.read_csv` reads it)."""
    mine = declare_types(declared)
    col = _Collector(EventLog(source), skip_invalid, defer, mine, blank_cells=True)
    if not read_csv_columns(path, col.log, col.take, progress=progress, declared=mine):
        return None
    return col.finish()
