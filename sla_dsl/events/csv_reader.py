"""Read CSV event logs into an :class:`.EventLog`, and tell a CSV log by its first line.

Design notes
------------
* CSV has the same columns as the JSON fields; the header names them, in any
  order; empty cells mean "absent"; extra columns are kept like extra JSON keys.
  Blanks around a header name or a value are not part of it (``event, at, id``
  as a spreadsheet or a hand writes it): the names are trimmed here, the values
  by the models as every reader's are (:data:`~.fields.BLANKS`), and a cell of
  blanks only is an empty cell (the collector drops it from a row the fast path
  does not take as it is: ``blank_cells``, :class:`~.collect._Collector`).
  A row the csv module cannot parse (a cell over its 128 KiB limit) is an error
  of that row, and the rest of the row is passed over: the csv module starts
  again at the next physical line, which may be inside the quoted cell, so the
  reader follows the cell's quotes to its end (:func:`csv_state`) rather than
  read its lines as rows. A row's problems are all at its first line, the
  number that names the row; one of a later line of the row (a byte that is not
  UTF-8, a line too long, in a quoted cell over several lines) names that line,
  whose column it gives (:func:`_at_line`).
* A quote never closed (the csv module, not strict, gives the rest of the file
  as one cell) is an error of its row, which ends at the quote's line (the
  message names its line and column); the lines after it are read again as
  rows, so every line of the file is an event, a problem or a line of a row
  that is one. Once: after the last quote that opens a cell and stays open, no
  line leaves the quoted cell, so each is a whole row read from its start (its
  quotes are all doubled) and none can leave a quote open again. The lines are
  held to be read again up to :data:`_MOST_HELD` characters; a quote never
  closed with more after it stops the reading (a fatal E111) rather than drop
  them in silence.
* A quoted cell over several lines whose closing quote is followed by text
  (:func:`_spanned`: a memo typed with a leading quote, not escaped, closed by the
  next row's first quote, which glued the two lines into one row read as the second
  line's event) is read as a quote never closed is: an error of its row, which ends
  at the quote's line, the lines after it read again as rows (:func:`_stray_quote`).
  Such a row is never one a writer of CSV meant (RFC 4180 doubles a quote inside a
  quoted cell); on one line (``"abc"def``) the row is the line whatever its cells
  are, and it is read as the csv module reads it. Blanks after the closing quote
  (a cell ``"two`` / ``lines" ,``) are no text: trimmed, as any blanks around a value.
  A row over several lines with too many cells names its lines and the quote.
* Blank lines and lines whose first non-blank character is ``#`` are ignored
  before the header only (after it every line is data: :class:`_CsvLines`), and
  so is a row whose cells are all empty or blanks (a spreadsheet's ``,,,``). A
  UTF-8 byte-order mark is accepted at the start of any line (files merged by
  ``cat``, each with its mark).
* A log is CSV when its name says so (:func:`~.reader.read_events`) or when its
  first line neither blank nor a comment is a header naming ``event``, ``at``
  and ``id`` (:func:`_csv_header_first`): standard input, a pipe, a file named
  otherwise.
* Rows are filed through the collector both line readers share
  (:mod:`.collect`). Lines, bounds and read failures: :mod:`.lines`.
* A large ``.csv`` file is read by Arrow's CSV reader when it reads it as this
  reader would (:func:`.csv_columns.csv_by_columns`), each row the columns do
  not take filed through the same collector as a dict of its cells; else by
  this reader.
"""

from __future__ import annotations

import csv
import io
import re
from collections import deque
from collections.abc import Collection, Iterator, Sequence
from itertools import chain
from typing import IO, Any, NamedTuple

from ..lang.diagnostics import Code, Words, listing, words
from .collect import Progress, _Collector
from .fields import KNOWN_FIELDS, meant_field
from .lines import (
    MAX_LINE_BYTES,
    MAX_RUNAWAY_BYTES,
    READ_ERRORS,
    bounded_lines,
    compressed_as,
    drop_rest,
    not_utf8,
    not_utf8_help,
    too_long,
)
from .problems import Problem, problem
from .schema import BLANKS, EventLog, declare_types
from .table_schema import flattened_attributes

__all__ = [
    "comment_row",
    "csv_detail",
    "csv_state",
    "header_again",
    "header_lacks",
    "read_csv",
    "repeated_columns",
]

_FIELD_LIMIT = re.compile(r"field larger than field limit \((\d+)\)")
#: The most characters of lines after a quote never closed held to read again as rows (beyond, the
#: reading is refused: :func:`_never_closed`).
_MOST_HELD = MAX_RUNAWAY_BYTES


def csv_detail(exc: csv.Error) -> Words | Code:
    """What the csv module says of a row it cannot read, as catalogue words when it is one of its usual
    messages (with the dialect the reader uses, only a cell over the size limit is); any other, its own
    English quoted (in backticks in Japanese)."""
    text = str(exc)
    limit = _FIELD_LIMIT.fullmatch(text)
    return words("events.csv.field_limit", limit=limit.group(1)) if limit else Code(text)


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


class _CsvLines:
    """Physical lines of a CSV stream, counted and bounded; ``#`` comments and blank lines only before the header.

    After the header every line is data (RFC 4180 has no comments): a first cell
    such as ``#4521`` is a ticket id, and a line inside a quoted multi-line cell
    is part of that cell. A comment written after the header is read as a row
    and rejected with its line number, never dropped. A line over the cap is
    given to the csv module as an empty line, a line that is not UTF-8 as it
    is; both are noted in ``marks``, and the row they belong to is left out.
    A byte-order mark before the first line is dropped.

    The row being read is kept, its first line (``first``, numbered ``start``) and the lines after it
    (``more``: a quoted cell over several lines), to tell a quote never closed (:meth:`left_open`),
    pass over the rest of a row the csv module gave up on (:meth:`follow`) rather than read it as rows
    of its own, and give the lines after a quote never closed again as rows (:meth:`read_again`).
    """

    def __init__(self, stream: IO[str], source: str = "<csv>") -> None:
        self.stream = stream
        self.source = source
        #: the compression the stream is read through (the help of a line not UTF-8 decompresses it first)
        self.compressed = compressed_as(stream)
        #: the number of the line last given (read, or read again)
        self.lineno = 0
        #: the lines read from the stream
        self.counted = 0
        self.in_header = True
        self.marks: list[_Mark] = []
        #: the number of the first line of the row being read
        self.start = 0
        #: the row's first line and the lines after it
        self.first = ""
        self.more: list[str] = []
        #: the next line starts a row
        self.fresh = True
        #: every line was given (the csv module gives a row in a quoted cell at the end as it is)
        self.done = False
        #: the quote a row left open: (its line, its column from 1), and the lines after its line
        self.opened = (0, 0)
        self.after: list[str] | None = []
        self.held = 0
        #: lines to give again (number, text, its problem); a text None is the line the reading stopped at
        self.again: deque[tuple[int, str | None, _Mark | None]] = deque()
        self._lines = self._read()

    def left_open(self) -> bool:
        """Whether the row just read (or given up on) ends inside a quoted cell (the next line starts the
        next row); if so, where its quote opened and the lines after that quote's line are kept
        (``opened``, ``after``).

        The csv module ends a row at the end of a line outside a quoted cell, so a row it gives ends in
        one only when it was given at the end of the lines (``done``): asked of that row only."""
        self.fresh = True
        self.opened, self.after, self.held = (self.start, 0), [], 0
        state = _START
        for k, line in enumerate([self.first, *self.more]):
            state = self._scan(line, state, self.start + k)
            if state != _QUOTED:
                state = _START
        return state == _QUOTED

    def _scan(self, line: str, state: int, lineno: int) -> int:
        """The state after ``line`` (numbered ``lineno``) from ``state``, noting a quote that opens a cell in
        it (``opened``: the last such quote is the one a row ending in a quoted cell leaves open) or else
        keeping the line among those after it."""
        state, column = _opens(line.rstrip("\r\n"), state)
        if column:
            self.opened, self.after = (lineno, column), []
            self.held = 0
        elif self.after is not None:
            self.after.append(line)
            self.held += len(line)
            if self.held > _MOST_HELD:
                self.after = None  # (too much to hold to read again: :func:`_never_closed` says so)
        return state

    def follow(self) -> bool | None:
        """Read on to the end of the quoted cell the row the csv module just gave up on stopped in (after
        :meth:`left_open`), its lines the row's, not rows: True when the cell closes (the rest of its
        line is the row's too), False when the file ends first (a quote never closed), None when the
        reading stopped (a line without end: a fatal problem in ``marks``)."""
        state = _QUOTED
        for line in self._next_lines():
            state = self._scan(line, state, self.lineno)
            if state != _QUOTED:
                return True
        return None if any(m.fatal for m in self.marks) else False

    def read_again(self) -> None:
        """Give the lines after the quote a row left open (``opened``, ``after``) again, each as the start of
        a row, with their problems (taken out of ``marks``, noted again as each is given)."""
        first = self.opened[0] + 1
        later = {m.line: m for m in self.marks if m.line >= first}
        self.marks = [m for m in self.marks if m.line < first]
        given: list[tuple[int, str | None, _Mark | None]] = []
        for k, line in enumerate(self.after or ()):
            given.append((first + k, line, later.pop(first + k, None)))
        given.extend((m.line, None, m) for m in later.values())  # (the line the reading stopped at)
        self.again.extendleft(reversed(given))  # (before any lines still to give: a row within them)
        self.after = []

    def _read(self) -> Iterator[str]:
        """Each physical line of the stream, counted, its problems noted; stops after a fatal one."""
        cap = MAX_LINE_BYTES
        for line in bounded_lines(self.stream, ""):
            self.counted += 1
            self.lineno = self.counted
            if line.startswith("\ufeff"):  # (at any line: the trace of logs merged by `cat`, no data)
                line = line[1:]
            if len(line) > cap:
                try:
                    length = drop_rest(self.stream, line)
                except READ_ERRORS:
                    self.lineno -= 1  # the reader reports the failure at the line after
                    raise
                code, message, hint, fatal = too_long(length, "characters")
                self.marks.append(_Mark(self.lineno, code, message, hint, fatal))
                if fatal:
                    return
                line = "\n"
            elif self.in_header:
                stripped = line.strip()
                if not stripped or stripped.startswith("#"):
                    continue
            if not line.isascii():
                bad_text = not_utf8(line)
                if bad_text is not None:
                    hint = not_utf8_help(self.source, self.compressed)
                    self.marks.append(_Mark(self.lineno, "E113", bad_text, hint, False))
            if self.in_header and line != "\n":
                self.in_header = False
            yield line

    def _given_again(self) -> Iterator[str]:
        """The lines to give again (:meth:`read_again`), up to the line the reading stopped at if any."""
        while self.again:
            self.lineno, line, mark = self.again.popleft()
            if mark is not None:
                self.marks.append(mark)
            if line is None:
                self.again.clear()
                return
            yield line

    def _next_lines(self) -> Iterator[str]:
        """The lines still to give: those to give again first, then the stream's."""
        return chain(self._given_again(), self._lines) if self.again else self._lines

    def __iter__(self) -> Iterator[str]:
        self.done = False
        for line in self._next_lines():
            if self.fresh:
                self.start = self.lineno
                self.fresh = False
                self.first = line
                if self.more:
                    self.more = []
            else:
                self.more.append(line)
            yield line
        self.done = True


def _opens(text: str, state: int) -> tuple[int, int]:
    """:func:`csv_state` of ``text`` from ``state``, and the column (from 1) of the last quote in it that
    opens a quoted cell (0: none)."""
    column = 0
    for i, c in enumerate(text):
        if state == _QUOTED:
            if c == '"':
                state = _QUOTE_END
        elif state == _FIELD:
            if c == ",":
                state = _START
        elif c == '"':
            if state == _START:
                column = i + 1
            state = _QUOTED  # (after a quote in a quoted cell: ``""``, a quote in the cell)
        else:
            state = _START if c == "," else _FIELD
    return state, column


class _Spanned(NamedTuple):
    """A quoted cell of a row that holds a line end: where its quote opened (line, column from 1), where
    its closing quote is (line, column), and the text after that quote up to the next separator."""

    line: int
    column: int
    end: int
    end_column: int
    after: str


def _spanned(lines: list[str], start: int) -> tuple[_Spanned | None, _Spanned | None]:
    """The first quoted cell of a row (its physical ``lines``, the first numbered ``start``) that holds a
    line end, and the first such cell whose closing quote is followed by text (not blanks) before the
    next separator: a quote that is not doubled inside the cell, or a quote that opened a cell by
    mistake (a memo typed with a leading quote), which the csv module, not strict, closes at the next
    quote of the file whatever follows it (``"至急`` on one line, ``"顧客",...`` on the next: one row)."""
    first: _Spanned | None = None
    state, opened = _START, (0, 0)
    for k, raw in enumerate(lines):
        text, lineno = raw.rstrip("\r\n"), start + k
        i, n = 0, len(text)
        while i < n:
            if state == _QUOTED:
                j = text.find('"', i)
                if j < 0:
                    break
                state, i = _QUOTE_END, j + 1
            elif state == _QUOTE_END:
                if text[i] == '"':  # (``""``: a quote in the cell)
                    state, i = _QUOTED, i + 1
                    continue
                if opened[0] != lineno:  # (the cell holds a line end)
                    comma = text.find(",", i)
                    after = text[i : comma if comma >= 0 else n]
                    found = _Spanned(*opened, lineno, i, after)
                    first = first or found
                    if after.strip(BLANKS):
                        return first, found
                state = _FIELD
            elif state == _FIELD:
                j = text.find(",", i)
                if j < 0:
                    break
                state, i = _START, j + 1
            else:
                c = text[i]
                if c == '"':
                    opened = (lineno, i + 1)
                state = _QUOTED if c == '"' else _START if c == "," else _FIELD
                i += 1
        if state == _QUOTE_END and opened[0] != lineno:  # (closed at the line's end)
            first = first or _Spanned(*opened, lineno, n, "")
        if state != _QUOTED:
            state = _START
    return first, None


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
    col = _Collector(log or EventLog(source), skip_invalid, defer, declare_types(declared), blank_cells=True)
    lines = _CsvLines(stream, source)
    try:
        _read_rows(col, lines, progress)
    except READ_ERRORS as exc:
        col.stopped(lines.lineno + 1, exc, stream)
    return col.finish()


def _flush_marks(col: _Collector, lines: _CsvLines, at: int, fatal: bool = False) -> tuple[bool, bool]:
    """File the problems noted in the lines of the row just read, at the row's first line ``at`` (one
    row, one place), each of a later line of the row naming that line (:func:`_at_line`): (any were,
    one is fatal)."""
    if not lines.marks:
        return False, False
    stop = fatal or any(m.fatal for m in lines.marks)
    for line, code, message, hint, _ in lines.marks:
        col.bad(at, code, message if line == at else _at_line(message, line), hint, stop)
    lines.marks.clear()
    return True, stop


def _at_line(said: Words, line: int) -> Words:
    """The problem ``said`` of a line of a row other than its first (a quoted cell over several lines),
    worded to name that line: its column is that line's (``line 4 is not UTF-8 text: byte `0x83` at
    column 7``, filed at the row's line 2)."""
    return Words(f"{said.key}.at_line", (("line", str(line)), *said.args))


def _unreadable(col: _Collector, lines: _CsvLines, detail: Words | Code) -> bool:
    """File the row the csv module gave up on (a cell over its size limit), the rest of it passed over:
    when it stopped inside a quoted cell, the lines up to the cell's end are its own, not rows; when
    that cell is never closed, its quote is the row's problem (:func:`_never_closed`). False when the
    reading stops."""
    at = lines.start
    said, hint = words("events.E111.unreadable", detail=detail), words("events.E111.unreadable.help")
    if lines.left_open():
        try:
            closed = lines.follow()
        except READ_ERRORS:
            col.bad(at, "E111", said, hint)
            _flush_marks(col, lines, at)
            raise
        if closed is False:
            return _never_closed(col, lines)
    col.bad(at, "E111", said, hint)
    return not _flush_marks(col, lines, at)[1]


def _never_closed(col: _Collector, lines: _CsvLines) -> bool:
    """File the row whose quote is never closed (``lines.opened``: the csv module, not strict, would give
    the rest of the file as one cell), the row ending at the quote's line, and give the lines after
    that line again to be read as rows; False when they were too many to hold (a fatal problem: the
    rest of the file is not read)."""
    at, (line, column) = lines.start, lines.opened
    held = lines.after is not None
    if held:
        lines.read_again()
    else:
        lines.marks = [m for m in lines.marks if m.line <= line]
    _flush_marks(col, lines, at)
    if held:
        said = words("events.E111.unclosed", line=str(line), column=str(column))
    else:
        said = words("events.E111.unclosed.held", line=str(line), column=str(column), limit=str(_MOST_HELD >> 20))
    col.bad(at, "E111", said, words("events.csv.unclosed.help"), fatal=not held)
    return held


def _stray_quote(col: _Collector, lines: _CsvLines, stray: _Spanned) -> None:
    """File the row (just read) whose quoted cell over several lines is closed by a quote followed by
    text (``stray``: a quote typed as text, RFC 4180 doubles it), the row ending at the line where that
    cell's quote opened, as a quote never closed does (:func:`_never_closed`), and give the lines of
    the row after that line again to be read as rows: the csv module glued them to the row."""
    at = lines.start
    lines.opened = (stray.line, stray.column)
    lines.after = [lines.first, *lines.more][stray.line - at + 1 :]
    lines.read_again()
    lines.fresh = True
    _flush_marks(col, lines, at)
    said = words(
        "events.E111.stray",
        line=str(stray.line),
        column=str(stray.column),
        end=str(stray.end),
        end_column=str(stray.end_column),
        after=_shortened(stray.after.strip(BLANKS)),
    )
    col.bad(at, "E111", said, words("events.csv.stray.help"))


def _shortened(text: str) -> str:
    """``text`` as a message quotes it (as :mod:`.validate` quotes a value): at most 60 characters, a
    byte that is not UTF-8 (read as a lone surrogate: the line's E113 names it) as its escape ``\\xff``."""
    if not text.isascii():
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text if len(text) <= 60 else text[:57] + "..."


#: Lines between two calls of the progress callback.
_EVERY = 100_000


def _lacks_help(header: list[str], missing: list[str]) -> Words:
    """What to write for a header that lacks columns: the names in lower case when it has them in another
    case (``Event,At,ID``), commas when its one cell holds another separator (``event;at;id``)."""
    folded = {h.casefold(): h for h in header}
    if all(c in folded for c in missing):
        found = listing([f"`{folded[c]}`" for c in missing], ", ")
        return words("events.E110.case.help", found=found, names=listing([f"`{c}`" for c in missing], ", "))
    if len(header) == 1:
        sep = next((c for c in (";", "\t", "|") if c in header[0]), None)
        if sep is not None:
            return words("events.E110.separator.help", sep="`\\t`" if sep == "\t" else f"`{sep}`")
    return words("events.E110.lacks.help", example="`event,at,id,priority`")


def header_lacks(header: list[str]) -> list[str]:
    """The columns a header (its names stripped) lacks: ``event``, ``at`` or ``id``, and any field of the
    contract it names in another case and not by its own name (``Cause``, :func:`~.fields.meant_field`:
    a column of no field, its values never read)."""
    missing = [c for c in ("event", "at", "id") if c not in header]
    misnamed = {meant_field(h) for h in header}
    return missing + [c for c in KNOWN_FIELDS if c in misnamed and c not in header]


def repeated_columns(header: list[str]) -> list[tuple[str, list[str]]]:
    """Each name the header (its names stripped) gives more than once, in the header's order, with its
    places (columns counted from 1). An empty name (a spreadsheet's trailing ``,,``) names no column:
    any number of them are columns without a name, their cells kept as one such column's are."""
    places: dict[str, list[str]] = {}
    for k, name in enumerate(header, 1):
        if name:
            places.setdefault(name, []).append(str(k))
    return [(name, at) for name, at in places.items() if len(at) > 1]


def _read_rows(col: _Collector, lines: _CsvLines, progress: Progress | None) -> None:
    rows = csv.reader(lines)
    try:
        header = next(rows, None)
    except csv.Error as exc:
        col.bad(lines.start, "E110", words("events.E110.unreadable", detail=csv_detail(exc)), fatal=True)
        return
    if _flush_marks(col, lines, lines.start, fatal=True)[0] or header is None:
        return  # a header that is not text cannot name the columns
    if lines.left_open():
        col.bad(lines.start, "E110", words("events.E110.unclosed"), words("events.csv.unclosed.help"), fatal=True)
        return
    header = [h.strip() for h in header]
    missing = header_lacks(header)
    if missing:
        col.bad(
            lines.start,
            "E110",
            words("events.E110.lacks", columns=listing([f"`{c}`" for c in missing], ", ")),
            _lacks_help(header, missing),
            fatal=True,
        )
        return
    flat = flattened_attributes(header)
    if flat:
        said = words("events.E110.flattened", columns=listing([f"`{c}`" for c in flat], ", "))
        col.bad(lines.start, "E110", said, words("events.flattened.help", example='`{"plan": "premium"}`'), fatal=True)
        return
    repeated = repeated_columns(header)
    if repeated:
        for name, places in repeated:
            said = words("events.E110.repeated", columns=f"`{name}`", places=listing(places, ", "))
            col.bad(lines.start, "E110", said, words("events.E110.repeated.help"), fatal=True)
        return
    size = getattr(getattr(lines.stream, "buffer", None), "tell", None)  # bytes read, for a bar in bytes
    report = _EVERY
    while True:
        try:
            row = next(rows, None)
        except csv.Error as exc:
            if not _unreadable(col, lines, csv_detail(exc)):
                return
            if lines.again:
                rows = csv.reader(lines)  # the lines after a quote never closed, read again as rows
            continue
        lineno = lines.start  # a row's number is that of its first physical line
        spanned = None
        if row is not None and lines.more and not any(m.fatal for m in lines.marks):
            spanned, stray = _spanned([lines.first, *lines.more], lineno)
            if stray is not None:
                _stray_quote(col, lines, stray)
                rows = csv.reader(lines)  # the lines after the quote's, read again as rows
                continue
        if lines.done and row is not None and lines.left_open():
            if not _never_closed(col, lines):
                return
            rows = csv.reader(lines)  # the lines after the quote's, read again as rows
            continue
        marked, stop = _flush_marks(col, lines, lineno)
        if stop or row is None:
            return
        lines.fresh = True
        if marked:
            continue  # the row is left out
        if not any(c.strip(BLANKS) for c in row):
            continue  # a blank line between rows, or a row of empty cells (a spreadsheet's `,,,`): no data
        if progress is not None and lines.lineno >= report:
            report = lines.lineno + _EVERY
            progress(lines.lineno, size() if size is not None else 0)
        if len(row) > len(header):
            said = words("events.E111.cells", cells=str(len(row)), columns=str(len(header)))
            hint = words("events.E111.cells.help")
            if spanned is not None:  # (a row over several lines: which, and the quote that made it so)
                last = str(lineno + len(lines.more))
                opened = {"line": str(spanned.line), "column": str(spanned.column)}
                said = words(
                    "events.E111.cells.lines",
                    cells=str(len(row)),
                    columns=str(len(header)),
                    first=str(lineno),
                    last=last,
                    end=str(spanned.end),
                    **opened,
                )
                hint = words("events.E111.cells.lines.help", **opened)
            col.bad(lineno, "E111", said, hint)
            continue
        comment = comment_row(col.log.source, lineno, header[0], row[0])
        if comment is None:
            comment = header_again(col.log.source, lineno, header, row)
        if comment is not None:
            col.log.problems.append(comment)
            continue
        col.take({k: v for k, v in zip(header, row, strict=False) if v != ""}, lineno)


def comment_row(source: str, line: int, first: str, cell: str | None) -> Problem | None:
    """E103 of a row after the header whose first column (named ``first``) is ``event`` and whose cell
    there (``cell``, as read) starts with ``#``: no event type starts so, it is a comment written after
    the header, and the help says where a comment goes; None for any other row. Both readers of a CSV
    file ask it of each row (:mod:`.csv_columns`, of a row it hands back)."""
    if first != "event" or cell is None or not cell.lstrip().startswith("#"):
        return None
    said = words("events.E103", name=cell.strip())
    return problem(source, line, "E103", said, words("events.E103.csv_comment.help"))


def header_again(source: str, line: int, header: list[str], cells: Sequence[str | None]) -> Problem | None:
    """E103 of a row after the header whose cells (``cells``, as read: None or ``""`` empty) are the
    header's names (``header``, stripped): no event type is ``event``, it is the header of a file joined
    after the first with ``cat``, and the help says how to join them without it; None for any other
    row. Both readers of a CSV file ask it of each row, as :func:`comment_row`."""
    if len(cells) != len(header) or any((c or "").strip() != h for c, h in zip(cells, header, strict=True)):
        return None
    said = words("events.E103", name="event")
    return problem(source, line, "E103", said, words("events.E103.csv_header.help"))


#: The columns every CSV header of events names.
_CSV_NEEDS = frozenset({"event", "at", "id"})


def _csv_header_first(stream: Any) -> tuple[bool, Any]:
    """Whether the first line of ``stream`` that is neither blank nor a comment is a CSV header naming
    ``event``, ``at`` and ``id`` (no JSON Lines log starts so: such a line is not JSON), and the stream
    to read the log from, every byte in it (:func:`first_line`)."""
    line, _, stream = first_line(stream)
    return _is_header(line), stream


class FirstLine(NamedTuple):
    """What :func:`first_line` finds: the line, its number (from 1, as the readers count the lines), and
    the stream to read the log from."""

    line: bytes
    number: int
    stream: Any


def first_line(stream: Any) -> FirstLine:
    """The first line of ``stream`` that is neither blank nor a comment, stripped of blanks and of a
    byte-order mark (``b""``: none, or it could not be read), its number (the readers pass over the
    lines before it: a header after blank or comment lines, or a mark's line, is not line 1), and the
    stream to read the log from, every byte in it.

    The line is looked at, not taken: what a peek holds, when it holds the whole line (a file). A pipe's
    peek holds what has arrived, perhaps part of the line (a header written in two pieces): then the
    lines up to it are read (at most :data:`MAX_LINE_BYTES`) and given back in front of the rest
    (:class:`_Replayed`)."""
    try:
        head = stream.peek(8192) if hasattr(stream, "peek") else b""
    except READ_ERRORS:
        return FirstLine(b"", 0, stream)  # the reader says what is wrong
    found = _first_line(head)
    if found is None and head and hasattr(stream, "readline"):
        taken: list[bytes] = []
        size = 0
        partial = b""  # (the line read so far, when a piece ended inside it)
        try:
            while size <= MAX_LINE_BYTES:
                piece = stream.readline(MAX_LINE_BYTES + 1 - size)
                if not piece:
                    break
                taken.append(piece)
                size += len(piece)
                if not piece.endswith(b"\n"):
                    partial += piece
                    continue
                # (the lines before this one were blank or comments: only this one is looked at, so that
                # a log opening with many of them is read in time linear in them)
                line, partial = (partial + piece).removeprefix(b"\xef\xbb\xbf").strip(), b""
                if line and not line.startswith(b"#"):
                    break
        except READ_ERRORS as exc:
            stream = io.BufferedReader(_Replayed(b"".join(taken), stream, exc), 1 << 16)
            return FirstLine(b"", 0, stream)  # (the reader meets the failure after the bytes read)
        read = b"".join(taken)
        stream = io.BufferedReader(_Replayed(read, stream), 1 << 16)
        found = _first_line(read, ended=size <= MAX_LINE_BYTES)
    line, number = found or (b"", 0)
    return FirstLine(line, number, stream)


def _first_line(head: bytes, ended: bool = False) -> tuple[bytes, int] | None:
    """The first line of ``head`` neither blank nor a comment (as both readers pass them over, a byte-order
    mark at its start as well: the trace of logs merged by ``cat``), stripped, and its number; None when
    ``head`` may end inside it (it has no end of line yet), unless ``ended`` (nothing follows)."""
    pieces = head.split(b"\n")
    for k, piece in enumerate(pieces):
        last = k == len(pieces) - 1
        if last and not ended:
            return None  # (cut by the look ahead, or the stream's last line: read on to know)
        ln = piece.removeprefix(b"\xef\xbb\xbf").strip()
        if ln and not ln.startswith(b"#"):
            return ln, k + 1
    return b"", 0


def _is_header(line: bytes) -> bool:
    """Whether ``line`` (stripped) is a CSV header naming the columns every event has."""
    if not line or line[:1] in (b"{", b"["):
        return False
    cells = {c.strip().strip(b'"').decode("utf-8", "replace") for c in line.rstrip(b"\r").split(b",")}
    return _CSV_NEEDS <= cells


#: The separators a header row of another dialect is written with (a spreadsheet's ``;``, a tab).
_SEPARATORS = (",", ";", "\t")


def header_like(line: bytes) -> Words | None:
    """The help of E110 when ``line`` (the first line of a log read as JSON Lines, stripped: not a header
    :func:`_is_header` takes) is a header row of events all the same: not JSON, and naming ``event``,
    ``at`` and ``id`` in any case, separated by ``,``, ``;`` or a tab (``Event;At;ID``, a spreadsheet's
    export given on standard input or named otherwise than ``.csv``); else None."""
    if not line or line[:1] in (b"{", b"["):
        return None
    text = line.decode("utf-8", "replace").rstrip("\r")
    for sep in _SEPARATORS:
        cells = {c.strip().strip('"').strip().casefold() for c in text.split(sep)}
        if _CSV_NEEDS <= cells:
            header = [c.strip() for c in next(csv.reader([text]), [])]
            return _lacks_help(header, [c for c in ("event", "at", "id") if c not in header])
    return None


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
