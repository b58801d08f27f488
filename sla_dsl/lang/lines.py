"""Lines of a policy text, counted the way the parser counts them.

A line ends at ``\\n`` only, once CRLF and a lone CR have become ``\\n``: that
is how Lark counts lines, so excerpts under a diagnostic and the language
server's positions use these functions. ``str.splitlines`` would also split at
U+2028, U+0085, a form feed and other separators that may sit in a comment,
and show the wrong line.
"""

from __future__ import annotations


def normalize_newlines(text: str) -> str:
    """``text`` with CRLF and lone CR turned into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def source_lines(text: str) -> list[str]:
    """The lines of a policy text as the parser counts them (only ``\\n`` ends a line, after CR normalisation)."""
    return normalize_newlines(text).split("\n")
