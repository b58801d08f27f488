"""The reading progress bar of ``sla evaluate`` and ``sla explain``: tqdm on a terminal, nothing elsewhere.

Design notes
------------
* The readers call a :data:`~sla_dsl.events.collect.Progress` callback now and then
  with (lines or rows read, bytes read). A bar needs a total to show an ETA: a
  plain text log gives its size in bytes, a Parquet file or directory its rows
  (from the footers); a compressed log or stdin has no known total, and the bar
  then shows the count and the rate alone.
* The bar is drawn only when stderr is a terminal and ``--quiet`` is not given,
  so nothing reaches a pipe, a log file or a test; ``leave=False`` erases it once
  the reading is done, leaving the terminal as it was.
* After the reading, a long run judges and writes for as long again with nothing
  to count: :class:`Phase` says on one line what it is doing (judging, writing
  the report), on the same terms as the bar, and erases the line when the
  command is done.
* The words are the catalogue's (``cli.progress.*``), in the command's language
  (``--lang``, else the policy's primary language): a Japanese policy's run reads
  「読み込み中」, 「判定中」, 「レポートを出力中」.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..events.lines import is_columnar_path
from ..i18n import message
from ..i18n.width import display_width
from ..report.escape import printable

Progress = Callable[[int, int], None]

_COMPRESSED = (".gz", ".bz2", ".xz")


def _total(path: str) -> tuple[int | None, bool]:
    """(total, counted in bytes) for a bar over reading ``path``."""
    if path == "-":
        return None, False
    p = Path(path)
    name = p.name.lower()
    try:
        if is_columnar_path(p):  # by its name or its first bytes, as the reader decides
            from ..events.arrow_files import count_rows

            return count_rows(p), False
        if name.endswith(_COMPRESSED):
            return None, False
        return p.stat().st_size, True
    except OSError:
        return None, False


@contextmanager
def reading_bar(
    path: str, quiet: bool = False, *, lang: str = "en", mininterval: float = 0.25
) -> Iterator[Progress | None]:
    """A progress callback drawing a bar with rate and ETA on a terminal; None when quiet or not a TTY."""
    if quiet or not _terminal():
        yield None
        return
    from tqdm import tqdm  # (only on a terminal: a tenth of a small log's run where no bar is drawn)

    total, in_bytes = _total(path)
    unit = "B" if in_bytes else message("cli.progress.rows" if total is not None else "cli.progress.events", lang)
    bar = tqdm(
        total=total,
        unit=unit,
        # a count with no total is whole (`0 events`, not tqdm's scaled `0.00 events`)
        unit_scale=total is not None,
        unit_divisor=1024 if in_bytes else 1000,
        desc="sla: " + message("cli.progress.reading", lang),
        file=sys.stderr,
        leave=False,
        dynamic_ncols=True,
        mininterval=mininterval,
    )

    def show(lines: int, read: int) -> None:
        if in_bytes:
            bar.set_postfix_str(message("cli.progress.lines", lang, n=f"{lines:,}"), refresh=False)
        bar.update((read if in_bytes else lines) - bar.n)

    try:
        yield show
    finally:
        bar.close()


def _terminal() -> bool:
    """Whether stderr is a terminal (none at all, ``2>&-``, is not one)."""
    stream = sys.stderr
    return stream is not None and hasattr(stream, "isatty") and stream.isatty()


class Phase:
    """One line on a terminal saying what the command is doing after the reading (see the module's
    notes); nothing when quiet or not a TTY. ``say`` replaces the line, ``close`` erases it."""

    def __init__(self, quiet: bool = False, lang: str = "en") -> None:
        self.on = not quiet and _terminal()
        self.lang = lang
        self.shown = 0

    def say(self, key: str) -> None:
        """Show the catalogue's ``cli.progress.<key>`` (in place of the line shown before)."""
        if self.on:
            text = f"sla: {message('cli.progress.' + key, self.lang)}…"
            width = display_width(text)  # columns: a Japanese character takes two
            self._write("\r" + text + " " * max(0, self.shown - width))
            self.shown = width

    def close(self) -> None:
        """Erase the line."""
        if self.on and self.shown:
            self._write("\r" + " " * self.shown + "\r")
            self.shown = 0

    def _write(self, text: str) -> None:
        try:
            sys.stderr.write(text)
            sys.stderr.flush()
        except (OSError, ValueError):  # a terminal that went away: the report matters, not the line
            self.on = False


def say_skipped(skipped: list[str], lang: str) -> None:
    """The lines ``--skip-invalid`` left out (:func:`~sla_dsl.events.problems.by_line`), each problem of
    each on stderr as ``sla: skipped: ...`` in ``lang`` (a line's second problem as its first, not as a bare
    error): nothing is left out unsaid (``sla evaluate``, ``sla explain``)."""
    word = message("cli.evaluate.skipped", lang)
    hint = f"  {message('diag.word.help', lang)}: "  # (a problem's help line, as Problem.render writes it)
    for line in skipped:
        print(_shown(line, f"sla: {word}: ", hint), file=sys.stderr)


def _shown(text: str, prefix: str, hint: str) -> str:
    """A skipped line's problems for the terminal, as an error's are shown: each problem's line after
    ``prefix``, its help line (starting ``hint``) under it, a control character within a line escaped (a
    value from the log is escaped already where the problem is written, so no id makes a line:
    :meth:`~sla_dsl.events.problems.Problem.render`)."""
    return "\n".join(printable(row) if row.startswith(hint) else prefix + printable(row) for row in text.split("\n"))
