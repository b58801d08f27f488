"""What both line readers (JSON Lines, :mod:`.reader`; CSV, :mod:`.csv_reader`) file into: the
collector of one source's good events and bad lines' problems, and the progress callback (with
:class:`Shown`, which carries a bar on when a file is read a second time)."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from typing import Any

from ..lang.diagnostics import Words
from .fast import fast_record, trimmed_row
from .lines import READ_ERRORS, drop_rest, read_failure, too_long
from .problems import problem
from .schema import BLANKS, STRAY_BY_CODE, EventLog
from .validate import file_refused, validate_mapping

__all__ = ["Progress", "Shown"]

Progress = Callable[[int, int], None]
"""Called now and then with (lines read, bytes read)."""


class Shown:
    """A :data:`Progress` that remembers the furthest point it has shown, so that a second reading of the
    same bytes (the line reader, after the columns gave up partway through a file) carries the bar on
    from there instead of sending it back to the start (:meth:`again`)."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.lines = 0
        self.read = 0

    def __call__(self, lines: int, read: int) -> None:
        self.lines, self.read = max(self.lines, lines), max(self.read, read)
        self.progress(lines, read)

    def again(self, size: int) -> Progress:
        """The progress of reading the file (``size`` bytes) again from its start: the bar moves on from
        the point shown to the end in step with the new reading (so its rate gives the time left), never
        back; the lines counted stay at those shown until the new reading passes them."""
        lines, shown = self.lines, self.read
        if not shown or size <= 0:  # (nothing shown: the new reading's own progress)
            return self.progress
        rest = max(size - shown, 0)  # (none when the file was cut short since: the bar stays)

        def onward(counted: int, read: int) -> None:
            self.progress(max(lines, counted), shown + rest * min(read, size) // size)

        return onward


class _Collector:
    """Files good events and the problems of bad lines for one source."""

    def __init__(
        self,
        log: EventLog,
        skip_invalid: bool,
        defer: bool,
        declared: frozenset[str] = frozenset(),
        *,
        blank_cells: bool = False,
    ) -> None:
        self.log = log
        self.skip_invalid = skip_invalid
        self.defer = defer
        self.declared = declared
        #: CSV: a cell of blanks only is an empty cell, no value (dropped from a row the fast path does not
        #: take as it is; one it takes has no such cell in a field it reads, and notes none of another)
        self.blank_cells = blank_cells
        #: the compression the lines are read through (``gzip``...: :func:`~.lines.compressed_as`), which
        #: the help of a line that is not UTF-8 decompresses first
        self.compressed: str | None = None

    def take(self, data: Any, line: int) -> None:
        """File one event given as a mapping: by the fast path, as it is or with the blanks around its
        values trimmed (:func:`~.fast.trimmed_row`; CSV: its cells of blanks only dropped), else by the
        models, which word its problems."""
        fast = fast_record(data, self.declared)
        if fast is None and type(data) is dict:
            if self.blank_cells:
                data = {k: v for k, v in data.items() if type(v) is not str or v.strip(BLANKS)}
            again = trimmed_row(data)
            if again is not None or self.blank_cells:
                fast = fast_record(again or data, self.declared)
        if fast is not None:
            code, ident, epoch, payload = fast
            self.log.add(code, ident, epoch, payload, line)
            if len(data) > 3 and not STRAY_BY_CODE[code].isdisjoint(data):
                self.log.note_stray(code, ident, epoch, line, data)
            return
        ev, problems = validate_mapping(data, self.log.source, line, self.declared)
        if ev is None:  # (its values set aside when they can be read: the evaluator checks them too)
            file_refused(self.log, data, problems, line, self.declared)
        else:  # (a time outside the supported years, which the fast path leaves here, noted as given)
            self.log.add_event(ev, line, data)

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


def _file_name(source: str) -> str:
    """``source`` as a command names it (``FILE`` for standard input)."""
    return "FILE" if source.startswith("<") else shlex.quote(source)
