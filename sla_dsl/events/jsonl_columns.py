"""A JSON Lines file read by Arrow's C++ JSON reader and filed on whole columns, when it is clean.

Design notes
------------
* The line-by-line reader (:func:`~.reader.read_jsonl`) spends most of a large
  log's reading in Python: a dict per line from orjson, then its filing. Arrow's
  JSON reader parses the same text into columns in C++, and the columns are filed
  by :func:`~.arrow_columns.file_batch`, the Parquet path's filing, which reads
  times with the JSON Lines reader's own parser (:func:`~.fast.fast_epoch`, the
  plain whole-second form by Arrow's cast checked to mean the same).
* All or nothing: this path takes a file only when every line is a well-formed
  event that the line reader would file as it is; the first thing it cannot vouch
  for (a blank line or a comment, a ``null``, a field the contract does not name
  or an object, a type changed within a column, a key named twice, a line near
  the length cap, text that is not UTF-8, a byte-order mark, any row the filing
  hands to the models) and it returns None: the caller reads the file again line
  by line, and that reader decides, words every problem at its line and files the
  log. So a log with a problem costs one Arrow parse more and reads exactly as
  before; a clean one gives the line reader's log (the same records, lines and
  order, tested on random logs).
* Each row is one line (no blank line is passed over, none holds two objects:
  the row count is the line count), so a row's number is its line's.
* Only for a regular, uncompressed file of a size :func:`~.lines.columns_worth`
  takes: the text is held whole while Arrow parses it (a larger log streams
  through the line reader, which holds none of it); a small one is read faster
  line by line than pyarrow is imported.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pj

from .arrow_columns import PLAIN_TIME, file_batch
from .lines import MAX_LINE_BYTES
from .schema import EventLog, declare_types
from .table_schema import arrow_schema

__all__ = ["read_jsonl_columns"]

#: Bytes Arrow parses and the filing files at a time (past the line cap: any line near it is refused first).
_BLOCK = 4 << 20
#: The contract's time fields, and the type a plain one becomes (as the filing casts it).
_TIMES = frozenset({"at", "start", "end"})
_UTC_SECONDS = pa.timestamp("s", tz="UTC")
#: Compressed logs (gzip, bzip2, xz) by their first bytes: decompressed line by line instead.
_COMPRESSED = (b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00")


class _NotClean(Exception):
    """A row the filing hands to the models: the line reader must decide on the file."""


def _schema() -> pa.Schema:
    """Every field of the contract that JSON writes as text, as text: times too (the filing reads them).
    A map field (``attributes``) is left out: a line giving one is not clean (the models read maps)."""
    return pa.schema(
        [pa.field(f.name, pa.string()) for f in arrow_schema() if not pa.types.is_map(f.type)],
    )


def _clean_text(data: bytes) -> bool:
    """Whether the bytes of a log may be read by Arrow: none of what it would read otherwise than the
    line reader (a byte-order mark, ``null``: a null and an absent field are one to Arrow) and no line
    near the length cap: every stretch of half the cap has a newline (a line of the cap's length holds
    a whole one); else the line reader measures the lines."""
    if not data or data.startswith(b"\xef\xbb\xbf") or b"null" in data:
        return False
    half = MAX_LINE_BYTES // 2
    return all(data.find(b"\n", k, k + half) >= 0 for k in range(0, len(data) - half, half))


def _instants(batch: pa.RecordBatch) -> pa.RecordBatch:
    """``batch`` with each time column whose every text is in the plain whole-second form
    (:data:`~.arrow_columns.PLAIN_TIME`) cast to a timestamp, as the filing would read each text (one
    cast of the column, not a dictionary of its many distinct texts); any other stays text."""
    for k, name in enumerate(batch.schema.names):
        if name not in _TIMES:
            continue
        col = batch.column(k)
        given = col.drop_null() if col.null_count else col
        if not len(given) or not pc.all(pc.match_substring_regex(given, PLAIN_TIME)).as_py():
            continue
        try:
            stamps = pc.cast(col, _UTC_SECONDS)
        except pa.ArrowInvalid:  # (a 30 February: the filing finds it)
            continue
        batch = batch.set_column(k, name, stamps)
    return batch


def read_jsonl_columns(
    path: Path,
    source: str,
    *,
    progress: Callable[[int, int], None] | None = None,
    declared: Collection[str] = (),
) -> EventLog | None:
    """The log of the JSON Lines file ``path`` (of a size :func:`~.lines.columns_worth` takes) when every
    line is clean (see above), else None: then read it line by line. Raises OSError when the file cannot
    be read (as the line reader would)."""
    with path.open("rb") as fh:
        if fh.read(8).startswith(_COMPRESSED):
            return None
        fh.seek(0)
        data = fh.read()
    if not _clean_text(data):
        return None
    size = len(data)
    lines = data.count(b"\n") + (not data.endswith(b"\n"))
    log = EventLog(source)
    mine = declare_types(declared)

    def not_clean(_row: int) -> None:
        raise _NotClean

    rows = 0
    try:
        batches = pj.open_json(
            pa.BufferReader(data),
            read_options=pj.ReadOptions(use_threads=False, block_size=_BLOCK),
            parse_options=pj.ParseOptions(explicit_schema=_schema(), unexpected_field_behavior="error"),
        )
        for batch in batches:  # parsed as they are filed: never the whole table at once
            batch.validate(full=True)  # the text of every cell is UTF-8 (the parser does not check)
            file_batch(log, _instants(batch), rows + 1, not_clean, mine)
            rows += batch.num_rows
            if progress is not None:  # (the bar counts bytes: the rows' share of the file)
                progress(rows, size * rows // lines)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, _NotClean):
        return None
    return log if rows == lines else None  # (a blank line or two objects on one: rows are not lines)
