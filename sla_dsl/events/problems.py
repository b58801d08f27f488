"""Problems found in an event log: one located message each, raised together.

Design notes
------------
* A :class:`Problem` is ``file:LINE: error[E1xx]: message`` with an optional
  ``help`` line. Every check of a line files its problems in the log
  (``EventLog.problems``): the readers' checks of the format and the
  evaluator's check against the policies (a priority, backup kind or cause the
  policy does not know). ``EventLog.settle`` then decides once for all of them,
  in line order: raise them as one :class:`EventInputError`, or with
  ``skip_invalid`` keep them as skipped lines, one entry per line. So one run
  reports every problem, and with ``skip_invalid`` the events filed plus the
  lines skipped plus the blank and comment lines are the lines read.
* A ``fatal`` problem means the reading stopped before the end (a line that
  never ends, a damaged compressed stream): it is raised even with
  ``skip_invalid``, since the events after it are unknown and a report on part
  of a log must not pass for one on all of it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import InputError


class RowSource(str):
    """The name of a columnar event source (Parquet, Arrow): its events are rows, not lines.

    A directory of files numbers its rows on from one file to the next (``parts``:
    the first row of each file and its name), so one number still names one row
    and :func:`located` names the file and its own row.
    """

    parts: tuple[tuple[int, str], ...] = ()

    @classmethod
    def of(cls, name: str, parts: Sequence[tuple[int, str]] = ()) -> RowSource:
        """The source ``name``, made of the files ``parts`` (first global row, file name)."""
        source = cls(name)
        source.parts = tuple(parts)
        return source


def located(source: str, line: int, column: str | None = None) -> str:
    """``file:LINE`` of a text log, or ``file: row N, column `c``` of a columnar one (row 0: the column)."""
    if not isinstance(source, RowSource):
        return f"{source}:{line}" if line else source
    name = str(source)
    if source.parts and line:
        k = bisect_right([first for first, _ in source.parts], line) - 1
        if k >= 0:
            first, name = source.parts[k]
            line = line - first + 1
    where = [f"row {line}"] if line else []
    if column:
        where.append(f"column `{column}`")
    return f"{name}: {', '.join(where)}" if where else name


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem in an event log (``column``: the field at fault, named for a columnar source)."""

    source: str
    line: int
    code: str
    message: str
    help: str | None = None
    fatal: bool = False
    column: str | None = None

    def __str__(self) -> str:
        text = f"{located(self.source, self.line, self.column)}: error[{self.code}]: {self.message}"
        if self.help:
            text += f"\n  = help: {self.help}"
        return text


def in_line_order(problems: Iterable[Problem]) -> list[Problem]:
    """``problems`` ordered by source and line (a line's own problems keep their order)."""
    return sorted(problems, key=lambda p: (p.source, p.line))


def by_line(problems: Iterable[Problem]) -> list[str]:
    """One text per invalid line, in line order: the problems of that line, one under the other."""
    lines: dict[tuple[str, int], list[str]] = {}
    for p in in_line_order(problems):
        lines.setdefault((p.source, p.line), []).append(str(p))
    return ["\n".join(texts) for texts in lines.values()]


class EventInputError(InputError):
    """One or more event lines are invalid; ``problems`` lists every one."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = in_line_order(problems)
        lines = {(p.source, p.line) for p in self.problems}
        body = "\n".join(str(p) for p in self.problems)
        unit = "row" if any(isinstance(p.source, RowSource) for p in self.problems) else "line"
        summary = f"{len(lines)} invalid event {unit}{'s' if len(lines) != 1 else ''}"
        super().__init__(f"{body}\n{summary}" if len(self.problems) > 1 else body)
