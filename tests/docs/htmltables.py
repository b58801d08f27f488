"""Read the tables of a rendered page: enough HTML parsing for the docs tests."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Row:
    """A table row: its id (if any) and the text of each cell."""

    id: str | None
    cells: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.cells)


#: The class of text a screen reader reads and the eye does not see (an empty cell's word, ``なし``, in place of
#: its dash): left out of a cell's text, which is the table as it is seen.
_HIDDEN = {"vh", "sla-vh"}


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[Row]] = {}
        self._table: list[Row] | None = None
        self._cell: list[str] | None = None
        self._hidden = 0  # inside visually hidden text: how many spans deep

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "span" and (self._hidden or _HIDDEN & set((a.get("class") or "").split())):
            self._hidden += 1
        elif tag == "table":
            self._table = self.tables.setdefault(a.get("id") or f"table-{len(self.tables)}", [])
        elif tag == "tr" and self._table is not None:
            self._table.append(Row(a.get("id")))
        elif tag in ("td", "th") and self._table is not None:
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._hidden:
            self._hidden -= 1
        elif tag in ("td", "th") and self._cell is not None and self._table:
            self._table[-1].cells.append(squash("".join(self._cell)))
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._hidden:
            self._cell.append(data)


def squash(text: str) -> str:
    """Whitespace collapsed to single spaces."""
    return re.sub(r"\s+", " ", text).strip()


def tables(html: str) -> dict[str, list[Row]]:
    """Every table of ``html`` by id (``table-N`` for one without), as rows of cell texts."""
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def text_of(html: str) -> str:
    """The visible text of ``html``, whitespace collapsed (scripts and styles dropped)."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    parser = _Text()
    parser.feed(html)
    return squash(" ".join(parser.parts))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
