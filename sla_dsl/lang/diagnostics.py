"""Diagnostics: located, coded messages about a policy, and how they are printed.

A diagnostic follows Cedar's error style: lowercase message, no final period,
user input in backticks, always a span, and a separate ``help`` saying what to
write instead. Rendered form (what ``sla check`` prints)::

    policies/clicksoko.sla:42:22: error[E101]: unexpected `hurs`, expected a unit
       42 |   respond within 4 business hurs
          |                             ^^^^
       help: valid units are minutes, hours, days, weeks, months

Codes are stable: tests and tools may match on them.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from enum import StrEnum
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from ..errors import SlaError
from .lines import source_lines
from .model import Span


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Diagnostic(BaseModel):
    """One finding about a policy, with where it is and what to do."""

    model_config = ConfigDict(frozen=True)

    code: str
    message: str
    span: Span
    severity: Severity = Severity.ERROR
    help: str | None = None
    file: str = "<policy>"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def header(self) -> str:
        """The first line: ``file:line:col: error[CODE]: message``."""
        s = self.span
        return f"{self.file}:{s.line}:{s.column}: {self.severity.value}[{self.code}]: {self.message}"

    def render(self, source: str | None = None, color: bool = False) -> str:
        """The full text: header, the source line with a caret under the span, and help."""
        red, yellow, blue, bold, reset = (
            ("\x1b[31m", "\x1b[33m", "\x1b[34m", "\x1b[1m", "\x1b[0m") if color else ("",) * 5
        )
        sev_color = red if self.is_error else yellow
        s = self.span
        head = (
            f"{bold}{self.file}:{s.line}:{s.column}:{reset} "
            f"{sev_color}{bold}{self.severity.value}[{self.code}]{reset}: {self.message}"
        )
        lines = [head]
        text = _source_line(source, s.line) if source is not None else None
        if text is not None:
            gutter = " " * len(str(s.line))
            width = s.end_column - s.column if s.end_line == s.line else len(text) - s.column + 1
            width = max(1, min(width, max(1, len(text) - s.column + 1)))
            text, column, width = _excerpt(text, s.column, width)
            caret_pad = "".join("\t" if ch == "\t" else " " for ch in text[: column - 1])
            lines.append(f"{blue}{s.line} |{reset} {text}")
            lines.append(f"{blue}{gutter} |{reset} {caret_pad}{sev_color}{'^' * width}{reset}")
        if self.help:
            lines.append(f"{blue}  help:{reset} {self.help}")
        return "\n".join(lines)


#: Source lines longer than this are shown as a window around the span.
EXCERPT_WIDTH = 160


def _excerpt(text: str, column: int, width: int) -> tuple[str, int, int]:
    """A long line cut to a window around ``column`` (``…`` where cut), with the column and width in it."""
    if len(text) <= EXCERPT_WIDTH:
        return text, column, width
    start = max(0, min(column - 1 - EXCERPT_WIDTH // 4, len(text) - EXCERPT_WIDTH))
    end = start + EXCERPT_WIDTH
    head = "…" if start > 0 else ""
    window = head + text[start:end] + ("…" if end < len(text) else "")
    column = column - start + len(head)
    return window, column, max(1, min(width, end - start + len(head) - column + 1))


def _source_line(source: str, line: int) -> str | None:
    """Line ``line`` of ``source`` as the parser counts lines (not ``str.splitlines``: see :mod:`.lines`)."""
    lines = _lines(source)
    if 1 <= line <= len(lines):
        return lines[line - 1]
    return None


@lru_cache(maxsize=4)
def _lines(source: str) -> tuple[str, ...]:
    """The lines of a source, split once for all the diagnostics rendered from it."""
    return tuple(source_lines(source))


class PolicyError(SlaError):
    """A policy has errors; ``diagnostics`` lists every one found."""

    def __init__(self, diagnostics: Sequence[Diagnostic], source: str | None = None) -> None:
        self.diagnostics = list(diagnostics)
        self.source = source
        first = self.diagnostics[0].header() if self.diagnostics else "invalid policy"
        more = len(self.diagnostics) - 1
        super().__init__(first + (f" (and {more} more)" if more > 0 else ""))

    def render(self, color: bool = False) -> str:
        """Every diagnostic, rendered with its source line."""
        return render_all(self.diagnostics, self.source, color)


def render_all(diags: Iterable[Diagnostic], source: str | None, color: bool = False) -> str:
    """Render several diagnostics separated by blank lines."""
    return "\n\n".join(d.render(source, color) for d in diags)


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The choice nearest to ``word`` when one is close enough, else ``None``."""
    pool = list(dict.fromkeys(choices))
    lowered = {c.lower(): c for c in pool}
    if word.lower() in lowered and lowered[word.lower()] != word:
        return lowered[word.lower()]
    match = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    return match[0] if match else None


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A ``help`` text: ``write `x` `` when a close choice exists."""
    hit = suggest(word, choices)
    return f"did you mean `{hit}`?" if hit else None
