"""The reading progress bar of ``sla evaluate`` and ``sla explain``: tqdm on a terminal, nothing elsewhere.

Design notes
------------
* The readers call a :data:`~sla_dsl.events.reader.Progress` callback now and then
  with (lines or rows read, bytes read). A bar needs a total to show an ETA: a
  plain text log gives its size in bytes, a Parquet file or directory its rows
  (from the footers); a compressed log or stdin has no known total, and the bar
  then shows the count and the rate alone.
* The bar is drawn only when stderr is a terminal and ``--quiet`` is not given,
  so nothing reaches a pipe, a log file or a test; ``leave=False`` erases it once
  the reading is done, leaving the terminal as it was.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tqdm import tqdm

Progress = Callable[[int, int], None]

_COMPRESSED = (".gz", ".bz2", ".xz")
_ARROW = (".parquet", ".pq", ".arrow", ".feather", ".ipc", ".arrows")


def _total(path: str) -> tuple[int | None, bool]:
    """(total, counted in bytes) for a bar over reading ``path``."""
    if path == "-":
        return None, False
    p = Path(path)
    name = p.name.lower()
    try:
        if p.is_dir() or name.endswith(_ARROW):
            from ..events.arrow import count_rows

            return count_rows(p), False
        if name.endswith(_COMPRESSED):
            return None, False
        return p.stat().st_size, True
    except OSError:
        return None, False


@contextmanager
def reading_bar(path: str, quiet: bool = False, *, mininterval: float = 0.25) -> Iterator[Progress | None]:
    """A progress callback drawing a bar with rate and ETA on a terminal; None when quiet or not a TTY."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    total, in_bytes = _total(path)
    bar = tqdm(
        total=total,
        unit="B" if in_bytes else " rows" if total is not None else " events",
        unit_scale=True,
        unit_divisor=1024 if in_bytes else 1000,
        desc="sla: reading",
        file=sys.stderr,
        leave=False,
        dynamic_ncols=True,
        mininterval=mininterval,
    )

    def show(lines: int, read: int) -> None:
        if in_bytes:
            bar.set_postfix_str(f"{lines:,} lines", refresh=False)
        bar.update((read if in_bytes else lines) - bar.n)

    try:
        yield show
    finally:
        bar.close()
