"""Read event logs (JSON Lines, CSV; Parquet and Arrow: :mod:`.arrow_files`) into an :class:`.EventLog`.

Design notes
------------
* Streaming: the log is read line by line, each line at most
  :data:`MAX_LINE_BYTES` long (:mod:`.lines`: the bounded reader, the cap, and
  gzip, bzip2 and xz logs read as they are decompressed), and each event is
  filed in compact form at once; nothing holds the whole text. Except a plain
  JSON Lines file of a size :func:`~.lines.columns_worth` takes: Arrow's JSON
  reader parses it in C++ and its columns are filed whole (:mod:`.jsonl_columns`),
  each row they cannot take filed here from its line (:func:`jsonl_by_columns`);
  a file Arrow would read otherwise than the lines is read line by line after
  all, so the meaning and every message are this module's.
* Two paths to one meaning: the fast path (:mod:`.fast`) files the common,
  well-formed line with plain Python; anything else goes to the pydantic
  models, which decide and word the error (:mod:`.validate`).
* Every bad line is reported (not only the first) as a :class:`Problem`
  ``file:LINE: error: [E1xx] message`` filed in the log; at the end the log
  settles them (:mod:`.problems`): all raised as one :class:`EventInputError`,
  or with ``skip_invalid`` their lines left out and listed in
  ``EventLog.skipped``. With ``defer`` the reader leaves them pending, for the
  evaluator to settle together with its own check of the values the policy
  must know (priorities, backup kinds, causes): one run, every problem, in
  line order. A log that could not be read to its end is settled at once.
* JSON Lines: blank lines and lines whose first non-blank character is ``#``
  are ignored. CSV: the same before the header only (after it every line is
  data). A UTF-8 byte-order mark is accepted.
* CSV has the same columns as the JSON fields; the header names them, in any
  order; empty cells mean "absent"; extra columns are kept like extra JSON keys.
  A row the csv module cannot parse (a cell over its 128 KiB limit) is an error
  of that row, and the rest of the row is passed over: the csv module starts
  again at the next physical line, which may be inside the quoted cell, so the
  reader follows the cell's quotes to its end (:func:`csv_state`) rather than
  read its lines as rows. A quote never closed (the csv module, not strict, gives
  the rest of the file as one cell) is an error of its row. A row's problems are
  all at its first line, the number that names the row.
* ``orjson`` parses JSON (about 5x faster here than ``json``); it accepts
  exactly standard JSON.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import re
import shlex
import sys
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, NamedTuple

import orjson

from ..i18n import CATALOGUE
from ..lang.diagnostics import Both, Code, Words, listing, words
from .fast import HOUR_OF, REST_OF, fast_epoch, fast_payload, fast_record, plain
from .keys import may_repeat, repeated_key
from .lines import (
    MAX_LINE_BYTES,
    NOT_UTF8_HELP,
    READ_ERRORS,
    UnreadableCompression,
    bounded_lines,
    columnar_magic,
    columns_worth,
    compressed_as,
    decompress_tool,
    drop_rest,
    is_columnar_path,
    not_utf8,
    piped_table,
    read_failure,
    text_stream,
    too_long,
    uncompressed,
)
from .problems import EventInputError, Problem, cannot_read, not_events, problem
from .schema import (
    BUILTIN_COUNT,
    CODE,
    FAMILY_OF,
    PAYLOAD_BY_CODE,
    STRAY_BY_CODE,
    BaseEvent,
    EventLog,
    Rec,
    declare_types,
    event_type,
)
from .validate import unknown_type, validate_mapping

__all__ = [
    "MAX_LINE_BYTES",
    "EventInputError",
    "Problem",
    "Progress",
    "fast_epoch",
    "iter_events",
    "log_from",
    "read_csv",
    "read_events",
    "read_jsonl",
    "read_text",
    "validate_mapping",
]

_loads: Callable[[bytes], Any] = orjson.loads
_JSONError: tuple[type[Exception], ...] = (orjson.JSONDecodeError, UnicodeDecodeError)

Progress = Callable[[int, int], None]
"""Called now and then with (lines read, bytes read)."""


class _Collector:
    """Files good events and the problems of bad lines for one source."""

    def __init__(self, log: EventLog, skip_invalid: bool, defer: bool, declared: frozenset[str] = frozenset()) -> None:
        self.log = log
        self.skip_invalid = skip_invalid
        self.defer = defer
        self.declared = declared

    def take(self, data: Any, line: int) -> None:
        fast = fast_record(data, self.declared)
        if fast is not None:
            code, ident, epoch, payload = fast
            self.log.add(code, ident, epoch, payload, line)
            if len(data) > 3 and not STRAY_BY_CODE[code].isdisjoint(data):
                self.log.note_stray(code, ident, epoch, line, data)
            return
        ev, problems = validate_mapping(data, self.log.source, line, self.declared)
        if ev is None:
            self.log.problems.extend(problems)
        else:
            self.log.add_event(ev, line)

    def bad(self, line: int, code: str, message: Words, help: Words | None = None, fatal: bool = False) -> None:
        self.log.problems.append(problem(self.log.source, line, code, message, help, fatal=fatal))

    def too_long(self, stream: Any, first: Any, line: int, unit: str) -> bool:
        """Report an over-long line and read past it: False when the reading must stop."""
        try:
            length = drop_rest(stream, first)
        except READ_ERRORS as exc:
            self.stopped(line, exc, stream)
            return False
        code, message, hint, fatal = too_long(length, unit)
        self.bad(line, code, message, hint, fatal)
        return not fatal

    def stopped(self, line: int, exc: BaseException, stream: Any) -> None:
        """Reading ``stream`` failed at ``line``: a fatal problem."""
        code, message, hint = read_failure(exc, stream, _file_name(self.log.source))
        self.bad(line, code, message, hint, fatal=True)

    def finish(self) -> EventLog:
        return self.log.finish(self.skip_invalid, self.defer)


def _json_problem(source: str, line: int, raw: bytes, exc: Exception) -> Problem:
    """The problem of a line orjson refused: not UTF-8 (E113), or not JSON (E100)."""
    bad_text = not_utf8(raw)
    if bad_text is not None:
        return problem(source, line, "E113", bad_text, NOT_UTF8_HELP)
    if isinstance(exc, json.JSONDecodeError):
        msg = _WHERE.sub("", exc.msg)  # the column is said apart; a ':' of the message itself stays
        detail = json_detail(msg[0].lower() + msg[1:] if msg[1:2].islower() else msg)  # (not `uTF-8`)
        return problem(source, line, "E100", words("events.E100.at", detail=detail, column=str(exc.colno)))
    return problem(source, line, "E100", words("events.E100.plain", detail=str(exc)))


#: The place a JSON decoder may put after its message (``: line 1 column 6 (char 5)``).
_WHERE = re.compile(r": line \d+ column \d+ \(char \d+\)$")


def _json_details() -> dict[str, Words]:
    """What orjson says of a line it refuses (its English, as the catalogue's ``events.json.*`` has it)
    -> the catalogue's words for it."""
    said = [words(k) for k, m in CATALOGUE.items() if k.startswith("events.json.") and "{" not in m.en]
    said += [words("events.json.literal", literal=Code(v)) for v in ("null", "true", "false")]  # `null` in ja
    said += [words("events.json.comma", close=Both(f"`{c}`", f"'{c}'")) for c in "}]"]
    return {w.text("en"): w for w in said}


_JSON_DETAILS = _json_details()


def json_detail(text: str) -> Words | str:
    """orjson's ``text`` about a line, as catalogue words when it is one of its usual messages."""
    return _JSON_DETAILS.get(text, text)


_FIELD_LIMIT = re.compile(r"field larger than field limit \((\d+)\)")


def csv_detail(exc: csv.Error) -> Words | str:
    """What the csv module says of a row it cannot read, as catalogue words when it is one of its usual
    messages (with the dialect the reader uses, only a cell over the size limit is)."""
    text = str(exc)
    limit = _FIELD_LIMIT.fullmatch(text)
    return words("events.csv.field_limit", limit=limit.group(1)) if limit else text


#: Event type -> its code, the group it is filed in, its payload fields, the contract's fields it does not carry.
_Kinds = dict[str, tuple[int, dict[str, list[Rec]], tuple[str, ...], frozenset[str]]]


def read_jsonl(
    stream: IO[bytes],
    source: str,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    log: EventLog | None = None,
    defer: bool = False,
    declared: Collection[str] = (),
) -> EventLog:
    """Read a JSON Lines stream into an :class:`EventLog` (raises EventInputError; see ``defer`` above).

    ``declared``: the event types the policy declares (``event incident.chat_started ...``)."""
    mine = declare_types(declared)
    col = _Collector(log or EventLog(source), skip_invalid, defer, mine)
    kinds = _kinds(col.log, mine)
    loads = _loads
    count = bytes.count
    hour_of, rest_of = HOUR_OF, REST_OF
    cap = MAX_LINE_BYTES
    filed = 0
    read = 0
    lineno = 0
    try:
        for lineno, raw in enumerate(bounded_lines(stream, b""), 1):
            if progress is not None:
                read += len(raw)
                if lineno % 100_000 == 0:
                    progress(lineno, read)
            if len(raw) > cap:
                if col.too_long(stream, raw, lineno, "bytes"):
                    continue
                break
            try:
                data = loads(raw)
            except _JSONError:
                data = _odd_line(col, raw, lineno)
                if data is _SKIP:
                    continue
            # A key named twice (orjson keeps the last value): screened at C speed (:mod:`.keys`).
            if type(data) is dict and count(raw, b",") + 1 != len(data) and _repeats(col, raw, data, lineno):
                continue
            # What _file does, inlined for the common line (a million lines make
            # every step count): a dict of a known type whose ``at`` is in the
            # tables of fast_epoch. Anything else -- not a dict, a missing key, an
            # unknown type, a time not seen before, a fraction of a second --
            # raises a KeyError or a TypeError here and goes to _file, which takes
            # the long way. (Decoding many lines as one JSON array saves orjson
            # calls but measured no faster, and then each line must be proven to
            # hold exactly one value.)
            try:
                code, group, fields, stray = kinds[data["event"]]
                ident = data["id"]
                at = data["at"]
                epoch = hour_of[at[:13]] + rest_of[at[13:]]
            except (KeyError, TypeError):
                filed += _file(col, kinds, data, lineno)
                continue
            if type(ident) is str:
                payload = fast_payload(data, code, fields) if fields else ()
                if payload is not None:
                    recs = group.get(ident)
                    if recs is not None:  # a known id was checked when first filed
                        recs.append((epoch, code, payload, lineno))
                    elif ident and not ident[0].isspace() and not ident[-1].isspace():  # plain()
                        group[ident] = [(epoch, code, payload, lineno)]
                    else:
                        col.take(data, lineno)
                        continue
                    filed += 1
                    # (a field of the contract its type does not carry: filed, and noted as unread)
                    if len(data) > 3 and not stray.isdisjoint(data):
                        col.log.note_stray(code, ident, epoch, lineno, data)
                    continue
            col.take(data, lineno)
    except READ_ERRORS as exc:
        col.stopped(lineno + 1, exc, stream)
    col.log.count += filed
    return col.finish()


def _kinds(log: EventLog, declared: frozenset[str]) -> _Kinds:
    """The event types a log takes (the contract's and ``declared``), each with where it is filed."""
    groups = log.groups
    return {
        name: (code, groups[FAMILY_OF[code]], PAYLOAD_BY_CODE[code], STRAY_BY_CODE[code])
        for name, code in CODE.items()
        if code < BUILTIN_COUNT or name in declared
    }


def _file_line(col: _Collector, kinds: _Kinds, raw: bytes, lineno: int) -> int:
    """File one line (no longer than the cap) as :func:`read_jsonl` does, the long way: 1 if filed here,
    0 if passed over or handed to take()."""
    try:
        data = _loads(raw)
    except _JSONError:
        data = _odd_line(col, raw, lineno)
        if data is _SKIP:
            return 0
    if type(data) is dict and raw.count(b",") + 1 != len(data) and _repeats(col, raw, data, lineno):
        return 0
    return _file(col, kinds, data, lineno)


def jsonl_by_columns(
    path: Path,
    source: str,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    defer: bool = False,
    declared: Collection[str] = (),
) -> EventLog | None:
    """A plain JSON Lines file read by Arrow (:mod:`.jsonl_columns`), each row it cannot file on columns
    filed here from its line; None when Arrow cannot read the file as the lines would be read (then
    :func:`read_jsonl` reads it)."""
    from .jsonl_columns import read_jsonl_columns

    mine = declare_types(declared)
    col = _Collector(EventLog(source), skip_invalid, defer, mine)
    kinds = _kinds(col.log, mine)

    def line(raw: bytes, lineno: int) -> None:
        filed = _file_line(col, kinds, raw, lineno)  # (which may count the event itself: first)
        col.log.count += filed

    if not read_jsonl_columns(path, col.log, line, progress=progress, declared=mine):
        return None
    return col.finish()


def _file(col: _Collector, kinds: _Kinds, data: Any, lineno: int) -> int:
    """File one decoded line the long way: 1 if filed here, 0 if handed to take()."""
    if type(data) is dict:
        event = data.get("event")
        kind = kinds.get(event) if type(event) is str else None
        ident = data.get("id")
        at = data.get("at")
        if kind is not None and type(ident) is str and type(at) is str:
            code, group, fields, stray = kind
            epoch = fast_epoch(at)
            payload = () if not fields else fast_payload(data, code, fields)
            if epoch is not None and payload is not None and (group.get(ident) is not None or plain(ident)):
                recs = group.setdefault(ident, [])
                recs.append((epoch, code, payload, lineno))
                if not stray.isdisjoint(data):  # a field of the contract its type does not carry: noted
                    col.log.note_stray(code, ident, epoch, lineno, data)
                return 1
    col.take(data, lineno)
    return 0


_SKIP = object()


def _repeats(col: _Collector, raw: bytes, data: dict[str, Any], lineno: int) -> bool:
    """Whether the line's JSON object names a key twice (then filed as its problem, E100)."""
    problem_ = repeated_problem(col.log.source, lineno, raw, data)
    if problem_ is None:
        return False
    col.log.problems.append(problem_)
    return True


def repeated_problem(source: str, line: int, raw: bytes, data: Any) -> Problem | None:
    """E100 when the JSON object text ``raw`` of ``line`` (decoded to ``data``) names a key twice, else None."""
    if type(data) is not dict or not may_repeat(raw, data):
        return None
    key = repeated_key(raw, data)
    if key is None:
        return None
    return problem(source, line, "E100", words("events.E100.repeated", key=key), words("events.E100.repeated.help"))


def _odd_line(col: _Collector, raw: bytes, lineno: int) -> Any:
    """A line orjson did not take as it is: a BOM, blanks, a comment, or not JSON (or not UTF-8)."""
    if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    text = raw.strip()
    if not text or text[:1] == b"#":
        return _SKIP
    try:
        return _loads(text)
    except _JSONError as exc:
        col.log.problems.append(_json_problem(col.log.source, lineno, text, exc))
        return _SKIP


#: A problem found in a physical line of CSV: (line, code, message, help, fatal).
class _Mark(NamedTuple):
    """A problem of a physical line, noted while the csv module reads the row it belongs to."""

    line: int
    code: str
    message: Words
    help: Words
    fatal: bool


#: Where the csv module is in a row (its default dialect: ``,`` and ``"``, quotes doubled, not strict).
_START, _FIELD, _QUOTED, _QUOTE_END = range(4)


def csv_state(text: str, state: int = _START) -> int:
    """The csv module's state after reading ``text`` (a physical line without its end) from ``state``:
    in a quoted cell (``_QUOTED``) the line's end is part of the cell; in any other state it ends the row."""
    i, n = 0, len(text)
    while i < n:
        if state == _QUOTED:
            j = text.find('"', i)
            if j < 0:
                return _QUOTED
            state, i = _QUOTE_END, j + 1
        elif state == _FIELD:
            j = text.find(",", i)
            if j < 0:
                return _FIELD
            state, i = _START, j + 1
        else:  # the start of a cell, or just after a quote in a quoted one (``""`` is a quote in the cell)
            c = text[i]
            state = _QUOTED if c == '"' else _START if c == "," else _FIELD
            i += 1
    return state


def _ends_open(lines: list[str]) -> bool:
    """Whether the row's physical ``lines`` end inside a quoted cell (a quote never closed: the csv
    module, not strict, gives the rest of the file as that cell).

    Asked of every row, so first the cheap question: a row whose quoted cells are closed holds an
    even number of quotes, unless a cell that does not start with one holds one (``5"``); only an
    odd number is read closely. (A stray quote and a quote never closed in one row would pass.)"""
    quotes = lines[0].count('"') if len(lines) == 1 else sum(line.count('"') for line in lines)
    if not quotes & 1:
        return False
    state = _START
    for line in lines:
        state = csv_state(line.rstrip("\r\n"), state)
        if state != _QUOTED:
            state = _START
    return state == _QUOTED


class _CsvLines:
    """Physical lines of a CSV stream, counted and bounded; ``#`` comments and blank lines only before the header.

    After the header every line is data (RFC 4180 has no comments): a first cell
    such as ``#4521`` is a ticket id, and a line inside a quoted multi-line cell
    is part of that cell. A comment written after the header is read as a row
    and rejected with its line number, never dropped. A line over the cap is
    given to the csv module as an empty line, a line that is not UTF-8 as it
    is; both are noted in ``marks``, and the row they belong to is left out.
    A byte-order mark before the first line is dropped.

    The lines of the row being read that hold a quote are kept (``row``; the row's first line is
    ``start``) until the reader takes them (:meth:`take`): to tell a quote never closed, and to pass
    over the rest of a row the csv module gave up on (:meth:`pass_over`) rather than read it as rows
    of its own. (A line without a quote leaves the csv module where it was, in a quoted cell or not.)
    """

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.lineno = 0
        self.in_header = True
        self.marks: list[_Mark] = []
        #: the physical lines of the row being read that hold a quote, and the number of its first line
        self.row: list[str] = []
        self.start = 0
        #: the next line starts a row
        self.fresh = True
        #: the rest of a row to pass over: in a quoted cell from the line after the row's last read one
        self.open = False

    def take(self) -> list[str]:
        """The lines holding a quote of the row just read (the next line starts the next row)."""
        row, self.row = self.row, []
        self.fresh = True
        return row

    def pass_over(self) -> None:
        """The csv module gave up on the row being read (a cell over its size limit): when that row
        stopped inside a quoted cell, the lines up to the cell's end are its own, not rows."""
        self.open = _ends_open(self.take())

    def __iter__(self) -> Iterator[str]:
        cap = MAX_LINE_BYTES
        for line in bounded_lines(self.stream, ""):
            self.lineno += 1
            if self.lineno == 1 and line.startswith("\ufeff"):
                line = line[1:]
            if len(line) > cap:
                try:
                    length = drop_rest(self.stream, line)
                except READ_ERRORS:
                    self.lineno -= 1  # the reader reports the failure at the line after
                    raise
                code, message, hint, fatal = too_long(length, "characters")
                if not self.open:
                    self.marks.append(_Mark(self.lineno, code, message, hint, fatal))
                if fatal:
                    return
                if self.open:
                    continue  # (inside the cell passed over: its end is still to come)
                line = "\n"
            elif self.open:
                self.open = csv_state(line.rstrip("\r\n"), _QUOTED) == _QUOTED
                continue
            elif self.in_header:
                stripped = line.strip()
                if not stripped or stripped.startswith("#"):
                    continue
            if not line.isascii():
                bad_text = not_utf8(line)
                if bad_text is not None:
                    self.marks.append(_Mark(self.lineno, "E113", bad_text, NOT_UTF8_HELP, False))
            if self.in_header and line != "\n":
                self.in_header = False
            if self.fresh:
                self.start = self.lineno
                self.fresh = False
            if '"' in line:
                self.row.append(line)
            yield line


def read_csv(
    stream: IO[str],
    source: str,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    log: EventLog | None = None,
    defer: bool = False,
    declared: Collection[str] = (),
) -> EventLog:
    """Read a CSV stream (header row of field names) into an :class:`EventLog` (``declared``: as read_jsonl)."""
    col = _Collector(log or EventLog(source), skip_invalid, defer, declare_types(declared))
    lines = _CsvLines(stream)
    try:
        _read_rows(col, lines, progress)
    except READ_ERRORS as exc:
        col.stopped(lines.lineno + 1, exc, stream)
    return col.finish()


def _flush_marks(col: _Collector, lines: _CsvLines, at: int, fatal: bool = False) -> tuple[bool, bool]:
    """File the problems noted in the lines of the row just read, at the row's first line ``at`` (one
    row, one place): (any were, one is fatal)."""
    if not lines.marks:
        return False, False
    stop = fatal or any(m.fatal for m in lines.marks)
    for _, code, message, hint, _ in lines.marks:
        col.bad(at, code, message, hint, stop)
    lines.marks.clear()
    return True, stop


#: Lines between two calls of the progress callback.
_EVERY = 100_000


def _read_rows(col: _Collector, lines: _CsvLines, progress: Progress | None) -> None:
    rows = csv.reader(lines)
    try:
        header = next(rows, None)
    except csv.Error as exc:
        col.bad(lines.start, "E110", words("events.E110.unreadable", detail=csv_detail(exc)), fatal=True)
        return
    if _flush_marks(col, lines, lines.start, fatal=True)[0] or header is None:
        return  # a header that is not text cannot name the columns
    if _ends_open(lines.take()):
        col.bad(lines.start, "E110", words("events.E110.unclosed"), words("events.csv.unclosed.help"), fatal=True)
        return
    header = [h.strip() for h in header]
    missing = [c for c in ("event", "at", "id") if c not in header]
    if missing:
        col.bad(
            lines.start,
            "E110",
            words("events.E110.lacks", columns=listing([f"`{c}`" for c in missing], ", ")),
            words("events.E110.lacks.help", example="`event,at,id,priority`"),
            fatal=True,
        )
        return
    repeated = sorted({h for h in header if header.count(h) > 1})
    if repeated:
        col.bad(
            lines.start,
            "E110",
            words("events.E110.repeated", columns=listing([f"`{c}`" for c in repeated], ", ")),
            words("events.E110.repeated.help"),
            fatal=True,
        )
        return
    size = getattr(getattr(lines.stream, "buffer", None), "tell", None)  # bytes read, for a bar in bytes
    report = _EVERY
    while True:
        try:
            row = next(rows, None)
        except csv.Error as exc:
            lineno = lines.start  # a row's number is that of its first physical line
            col.bad(
                lineno,
                "E111",
                words("events.E111.unreadable", detail=csv_detail(exc)),
                words("events.E111.unreadable.help"),
            )
            lines.pass_over()
            if _flush_marks(col, lines, lineno)[1]:
                return
            continue
        lineno = lines.start
        marked, stop = _flush_marks(col, lines, lineno)
        if stop:
            return
        if row is None:
            return
        lines.fresh = True  # (lines.take(), inlined, and only for a row with a quote: a million rows)
        if lines.row:
            taken, lines.row = lines.row, []
            if _ends_open(taken):
                col.bad(lineno, "E111", words("events.E111.unclosed"), words("events.csv.unclosed.help"))
                continue
        if marked:
            continue  # the row is left out
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # a blank line between rows
        if progress is not None and lines.lineno >= report:
            report = lines.lineno + _EVERY
            progress(lines.lineno, size() if size is not None else 0)
        if len(row) > len(header):
            col.bad(lineno, "E111", words("events.E111.cells", cells=str(len(row)), columns=str(len(header))))
            continue
        col.take({k: v for k, v in zip(header, row, strict=False) if v != ""}, lineno)


def read_events(
    path: str | Path,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    defer: bool = False,
    declared: Collection[str] = (),
) -> EventLog:
    """Read an event log file (``-`` for stdin): ``.csv`` (or ``.csv.gz`` ...) as CSV, ``.parquet``, ``.arrow``
    and a directory as Arrow (:mod:`.arrow_files`), anything else as JSON Lines.

    A gzip, bzip2 or xz log is read as it is decompressed, known by its first bytes. ``declared``: the
    event types the policies declare (the union over their versions); any other type is an error.
    """
    # A log is millions of small acyclic tuples: the cyclic collector would
    # walk them again and again while they are created, for nothing.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _read_events(path, skip_invalid=skip_invalid, progress=progress, defer=defer, declared=declared)
    finally:
        if paused:
            gc.enable()


def _is_csv(path: Path) -> bool:
    name = path.name.lower()
    for suffix in (".gz", ".bz2", ".xz"):
        name = name.removesuffix(suffix)
    return name.endswith(".csv")


def _read_events(
    path: str | Path, *, skip_invalid: bool, progress: Progress | None, defer: bool, declared: Collection[str]
) -> EventLog:
    name = str(path)
    opts: dict[str, Any] = {"skip_invalid": skip_invalid, "progress": progress, "defer": defer, "declared": declared}
    try:
        if name == "-":
            name = "<stdin>"
            if sys.stdin is None:  # started with stdin closed (`<&-`)
                raise cannot_read(name, words("events.stdin_closed"))
            stdin = sys.stdin.buffer
            _refuse_columnar_pipe(stdin, name)
            return _read_lines(uncompressed(stdin), name, False, opts)
        p = Path(path)
        # Parquet and Arrow IPC by their name, or by their first bytes whatever the name (an export
        # saved as `events.jsonl`, a file with no suffix): never read as lines of text.
        if is_columnar_path(p):
            from .arrow_files import read_arrow  # Parquet and Arrow IPC: pyarrow is imported only for them

            return read_arrow(p, **opts)
        if not _is_csv(p) and columns_worth(p):  # a large plain file: read by Arrow in C++ when it can
            log = jsonl_by_columns(p, name, **opts)
            if log is not None:
                return log
        with p.open("rb") as fb:
            _refuse_columnar_pipe(fb, name)  # a pipe (`<(cat events.parquet)`): a regular file was known above
            stream = uncompressed(fb)
            if stream is not fb:
                _refuse_compressed_table(stream, name)
            return _read_lines(stream, name, _is_csv(p), opts)
    except UnreadableCompression as exc:
        code, message, hint = exc.wording()
        raise EventInputError([problem(name, 1, code, message, hint, fatal=True)]) from None
    except OSError as exc:
        raise cannot_read(name, exc) from None


def _read_lines(stream: IO[bytes], name: str, csv_named: bool, opts: dict[str, Any]) -> EventLog:
    """A log of lines: CSV when its name says so or its first line is a CSV header of events (standard
    input, a pipe, a file named otherwise); else JSON Lines."""
    if not csv_named:
        csv_named, stream = _csv_header_first(stream)
    if not csv_named:
        return read_jsonl(stream, name, **opts)
    text = text_stream(stream)
    try:
        return read_csv(text, name, **opts)
    finally:
        text.detach()


#: The columns every CSV header of events names.
_CSV_NEEDS = frozenset({"event", "at", "id"})


def _csv_header_first(stream: Any) -> tuple[bool, Any]:
    """Whether the first line of ``stream`` that is neither blank nor a comment is a CSV header naming
    ``event``, ``at`` and ``id`` (no JSON Lines log starts so: such a line is not JSON), and the stream
    to read the log from, every byte in it.

    The line is looked at, not taken: what a peek holds, when it holds the whole line (a file). A pipe's
    peek holds what has arrived, perhaps part of the line (a header written in two pieces): then the
    lines up to it are read (at most :data:`MAX_LINE_BYTES`) and given back in front of the rest
    (:class:`_Replayed`)."""
    try:
        head = stream.peek(8192) if hasattr(stream, "peek") else b""
    except READ_ERRORS:
        return False, stream  # the reader says what is wrong
    line = _first_line(head)
    if line is None and head and hasattr(stream, "readline"):
        taken: list[bytes] = []
        size = 0
        try:
            while size <= MAX_LINE_BYTES:
                piece = stream.readline(MAX_LINE_BYTES + 1 - size)
                if not piece:
                    break
                taken.append(piece)
                size += len(piece)
                if piece.endswith(b"\n") and _first_line(b"".join(taken)) is not None:
                    break
        except READ_ERRORS as exc:
            stream = io.BufferedReader(_Replayed(b"".join(taken), stream, exc), 1 << 16)
            return False, stream  # (the reader meets the failure after the bytes read)
        read = b"".join(taken)
        stream = io.BufferedReader(_Replayed(read, stream), 1 << 16)
        line = _first_line(read, ended=size <= MAX_LINE_BYTES)
    return _is_header(line or b""), stream


def _first_line(head: bytes, ended: bool = False) -> bytes | None:
    """The first line of ``head`` neither blank nor a comment (as both readers pass them over), stripped;
    None when ``head`` may end inside it (it has no end of line yet), unless ``ended`` (nothing follows)."""
    pieces = head.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    for k, piece in enumerate(pieces):
        last = k == len(pieces) - 1
        if last and not ended:
            return None  # (cut by the look ahead, or the stream's last line: read on to know)
        ln = piece.strip()
        if ln and not ln.startswith(b"#"):
            return ln
    return b""


def _is_header(line: bytes) -> bool:
    """Whether ``line`` (stripped) is a CSV header naming the columns every event has."""
    if not line or line[:1] in (b"{", b"["):
        return False
    cells = {c.strip().strip(b'"').decode("utf-8", "replace") for c in line.rstrip(b"\r").split(b",")}
    return _CSV_NEEDS <= cells


class _Replayed(io.RawIOBase):
    """The bytes read ahead of a stream (to look at its first line), then the rest of the stream; a
    failure met while reading ahead is raised again once those bytes are given."""

    def __init__(self, ahead: bytes, rest: Any, failure: BaseException | None = None) -> None:
        super().__init__()
        self.ahead = memoryview(ahead)
        self.rest = rest
        self.failure = failure
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = len(self.ahead)
        if n:
            k = min(n, len(buffer))
            buffer[:k] = self.ahead[:k]
            self.ahead = self.ahead[k:]
        elif self.failure is not None:
            failure, self.failure = self.failure, None
            raise failure
        else:
            data = self.rest.read1(len(buffer)) if hasattr(self.rest, "read1") else self.rest.read(len(buffer))
            k = len(data)
            buffer[:k] = data
        self.given += k
        return k

    def tell(self) -> int:
        return self.given


def _refuse_columnar_pipe(stream: Any, name: str) -> None:
    """One fatal E117 when a stream that is not a regular file (stdin, a named pipe) holds Parquet or
    Arrow: they are read from a file, whose end holds the footer."""
    kind = columnar_magic(stream.peek(6)[:6]) if hasattr(stream, "peek") else None
    if kind is None:
        return
    raise EventInputError([piped_table(name, 1, kind, stdin=name == "<stdin>")])


def _file_name(source: str) -> str:
    """``source`` as a command names it (``FILE`` for standard input)."""
    return "FILE" if source.startswith("<") else shlex.quote(source)


def _refuse_compressed_table(stream: Any, name: str) -> None:
    """One fatal E117 when a compressed log holds Parquet or Arrow (``events.parquet.gz``): it is read
    from a file, not as it is decompressed, and never as lines of text."""
    try:
        kind = columnar_magic(stream.peek(6)[:6])
    except READ_ERRORS as exc:  # (said here: the decompressor has used up the bytes it failed on)
        code, message, hint = read_failure(exc, stream, _file_name(name))
        raise EventInputError([problem(name, 1, code, message, hint, fatal=True)]) from None
    compression = compressed_as(stream)
    if kind is None or compression is None:
        return
    said = words("events.E117.compressed", kind=compression, table=words(f"events.word.{kind.lower()}"))
    hint = words("events.E117.compressed.help", tool=f"`{decompress_tool(compression)} {name}`")
    raise EventInputError([problem(name, 1, "E117", said, hint, fatal=True)])


def iter_events(path: str | Path, *, declared: Collection[str] = ()) -> Iterator[BaseEvent]:
    """Yield each event of a JSON Lines file as a model (raises on the first bad line)."""
    source = str(path)
    mine = declare_types(declared)
    with Path(path).open("rb") as fb:
        try:
            stream = uncompressed(fb)
        except UnreadableCompression as exc:
            code, message, hint = exc.wording()
            raise EventInputError([problem(source, 1, code, message, hint, fatal=True)]) from None
        lines = enumerate(bounded_lines(stream, b""), 1)
        lineno = 0
        while True:
            try:
                lineno, raw = next(lines, (0, b""))
            except READ_ERRORS as exc:
                code, message, hint = read_failure(exc, stream, _file_name(source))
                raise EventInputError([problem(source, lineno + 1, code, message, hint, fatal=True)]) from None
            if not raw:
                return
            if len(raw) > MAX_LINE_BYTES:
                try:
                    length = drop_rest(stream, raw)
                except READ_ERRORS:
                    length = None
                code, message, hint, _ = too_long(length, "bytes")
                raise EventInputError([problem(source, lineno, code, message, hint, fatal=True)])
            text = raw.strip()
            if not text or text[:1] == b"#":
                continue
            try:
                data = _loads(text)
            except _JSONError as exc:
                raise EventInputError([_json_problem(source, lineno, text, exc)]) from None
            repeated = repeated_problem(source, lineno, text, data)
            if repeated is not None:
                raise EventInputError([repeated])
            ev, problems = validate_mapping(data, source, lineno, mine)
            if ev is None:
                raise EventInputError(problems)
            yield ev


def _columnar(events: Any) -> bool:
    """A pyarrow, pandas or polars table (or any Arrow stream), read by :mod:`.arrow`."""
    root = type(events).__module__.split(".", 1)[0]
    return root in ("pyarrow", "pandas", "polars") or hasattr(events, "__arrow_c_stream__")


def read_text(text: str, source: str = "<events>", *, fmt: str = "jsonl", declared: Collection[str] = ()) -> EventLog:
    """Read events from a string (tests and small tools)."""
    if fmt == "csv":
        return read_csv(io.StringIO(text, newline=""), source, declared=declared)
    return read_jsonl(io.BytesIO(text.encode()), source, declared=declared)


def log_from(
    events: Any,
    source: str | None = None,
    *,
    declared: Collection[str] = (),
    defer: bool = False,
    skip_invalid: bool = False,
) -> EventLog:
    """An :class:`EventLog` from an iterable of event models or dicts, a table or DataFrame, a log,
    or the path of a log file (read as :func:`read_events` reads it).

    ``declared``: the event types the policies declare (any other type is an error). Anything else
    (bytes, a number, None) is a TypeError saying what is taken, not one problem per character.
    ``defer``, ``skip_invalid``: as the readers take them (the evaluator settles the problems of the
    events with its own check of their values, as ``sla evaluate`` does: every problem, in order)."""
    if isinstance(events, EventLog):
        return events
    mine = declare_types(declared)
    if isinstance(events, (str, os.PathLike)):
        return read_events(os.fspath(events), declared=mine, defer=defer, skip_invalid=skip_invalid)
    if _columnar(events):
        from .arrow import read_table

        return read_table(events, source or "<table>", declared=mine, defer=defer, skip_invalid=skip_invalid)
    if isinstance(events, (bytes, bytearray, memoryview)) or not isinstance(events, Iterable):
        raise not_events(events)
    log = EventLog(source or "<events>")
    for i, item in enumerate(events, 1):
        if isinstance(item, BaseEvent):
            name = event_type(item)
            if CODE.get(name, BUILTIN_COUNT) >= BUILTIN_COUNT and name not in mine:
                where = item.line or i
                log.problems.append(unknown_type(log.source, where, name, mine))
                continue
            log.add_event(item, item.line or i)
            continue
        ev, problems = validate_mapping(item, log.source, i, mine)
        if ev is None:
            log.problems.extend(problems)
        else:
            log.add_event(ev, i)
    return log.finish(skip_invalid, defer)
