"""Text from the event log, made safe to show: on a terminal, in Markdown, in HTML.

Design notes
------------
* Ids, causes and channels come from the event log as the systems that wrote
  it spelled them, and a log can be hostile: an id holding ``ESC [2J`` clears
  the reader's terminal, a carriage return overwrites the row, a right-to-left
  override reverses what follows, ``|`` and a newline break a Markdown table,
  ``<img onerror=...>`` runs in whatever shows the Markdown or HTML.
* So every renderer that writes for people passes each cell through one of
  these. :func:`printable` shows a control character as its escape (``\\x1b``,
  ``\\r``, ``\\u202e``) instead of sending it: the C0 and C1 controls, DEL,
  the bidirectional controls and the line and paragraph separators. Anything
  else, Japanese included, is left as it is.
* :func:`markdown_cell` escapes what Markdown (CommonMark and GitHub's tables)
  would read as markup: the backslash, code, emphasis (an ``_`` inside a word
  is not, and is left alone: ``response_breached``), strikethrough, links,
  math, the cell's ``|``, and ``<``, ``>``, ``&`` as entities, so that no HTML
  gets through. :func:`html_text` is :func:`printable`, then ``html.escape``.
* JSON needs none of this: it is data, and keeps the exact text.
"""

from __future__ import annotations

import html
import re

from ..errors import printable

__all__ = ["html_text", "markdown_cell", "markdown_heading", "printable"]


_MARKUP = re.compile(r"[\\`*~\[\]|$<>&]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_ENTITY = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def _markup(m: re.Match[str]) -> str:
    ch = m.group()
    return _ENTITY.get(ch) or "\\" + ch


def markdown_cell(text: str) -> str:
    """``text`` as the literal content of a Markdown table cell: no markup, no HTML, one line."""
    return _MARKUP.sub(_markup, printable(text))


_HEADING = re.compile(r"[#{}]")


def markdown_heading(text: str) -> str:
    """``text`` as literal Markdown text anywhere, a heading's too (:func:`markdown_cell`, and no ``#`` that
    could close a heading nor ``{`` ``}`` of an attribute list)."""
    return _HEADING.sub(lambda m: "\\" + m.group(), markdown_cell(text))


def html_text(text: str) -> str:
    """``text`` as literal HTML text (control characters shown as their escapes)."""
    return html.escape(printable(text))
