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

from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import InputError


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem in an event log."""

    source: str
    line: int
    code: str
    message: str
    help: str | None = None
    fatal: bool = False

    def __str__(self) -> str:
        text = f"{self.source}:{self.line}: error[{self.code}]: {self.message}"
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
        summary = f"{len(lines)} invalid event line{'s' if len(lines) != 1 else ''}"
        super().__init__(f"{body}\n{summary}" if len(self.problems) > 1 else body)
