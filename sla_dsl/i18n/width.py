"""How many columns a text takes on a terminal: an East Asian wide or full-width character two, any
other one (the rule of the text report's tables, ``sla fmt``'s alignment, ``sla calendar``'s grid and
the progress line)."""

from __future__ import annotations

import unicodedata

__all__ = ["display_width"]


class _CharWidths(dict[str, int]):
    """Columns each character takes, asked of :mod:`unicodedata` once: a year's text report
    measures tens of thousands of cells."""

    def __missing__(self, ch: str) -> int:
        width = self[ch] = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        return width


_CHAR_WIDTHS = _CharWidths()


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal."""
    if text.isascii():
        return len(text)
    return sum(map(_CHAR_WIDTHS.__getitem__, text))
