"""The dashboard for a screen reader (WCAG 2.1 AA, as JIS X 8341-3 asks of a public-sector customer's pages).

An accessibility audit (axe-core in headless Chromium) found no ``main`` landmark: the cards, the heading
and the table of open targets lay outside any landmark, so a screen reader's "skip to main content" had
nowhere to go. The link to the other language (``English`` on the Japanese page, ``日本語`` on the English
one) carried no ``lang``, so a Japanese voice read ``English`` and an English voice ``日本語`` (WCAG
3.1.2); the table had no name. Now the page's content is its ``main``, the link says its language, and
the table is named by its heading.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import Starter

_VOID = {"meta", "link", "br", "img", "input", "hr"}


class _Outline(HTMLParser):
    """Each element's tag, attributes, enclosing tags and text."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None], tuple[str, ...], list[str]]] = []
        self._open: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        text: list[str] = []
        self.elements.append((tag, dict(attrs), tuple(self.stack), text))
        if tag not in _VOID:
            self.stack.append(tag)
            self._open.append(text)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            cut = len(self.stack) - 1 - self.stack[::-1].index(tag)
            del self.stack[cut:]
            del self._open[cut:]

    def handle_data(self, data: str) -> None:
        for text in self._open:
            text.append(data)


@pytest.mark.parametrize(("lang", "other", "word"), [("ja", "en", "English"), ("en", "ja", "日本語")])
def test_the_content_is_main_and_the_language_link_says_its_language(
    start: Starter, tmp_path: Path, lang: str, other: str, word: str
) -> None:
    c = start(f"sqlite:///{tmp_path / 'sla.db'}")
    page = _Outline()
    page.feed(c.get(f"/?lang={lang}").text)
    by_id = {
        attrs["id"]: (tag, attrs, enclosing, text) for tag, attrs, enclosing, text in page.elements if attrs.get("id")
    }
    mains = [el for el in page.elements if el[0] == "main"]
    assert len(mains) == 1 and mains[0][2] == ("html", "body")
    for inside in ("availability", "maintenance", "open-label", "incidents", "more", "first", "next"):
        assert "main" in by_id[inside][2], inside
    for outside in ("title", "switch", "updated", "zone"):
        assert "header" in by_id[outside][2] and "main" not in by_id[outside][2], outside
    _, link, _, text = by_id["switch"]
    assert "".join(text) == word
    assert (link.get("lang"), link.get("hreflang"), link.get("href")) == (other, other, f"?lang={other}")
    assert by_id["incidents"][1].get("aria-labelledby") == "open-label"


def _phone_rules(page: str) -> dict[str, str]:
    """The declarations of each selector inside the page's ``@media (max-width: 40rem)`` block."""
    start = page.index("@media (max-width: 40rem)")
    block, depth = page[page.index("{", start) + 1 :], 1
    for n, ch in enumerate(block):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth == 0:
            block = block[:n]
            break
    block = re.sub(r"/\*.*?\*/", "", block, flags=re.DOTALL)
    return {sel.strip(): body for sel, body in re.findall(r"([^{}]+)\{([^}]*)\}", block)}


def test_on_a_phone_the_column_headers_are_out_of_sight_not_out_of_the_page(start: Starter, tmp_path: Path) -> None:
    """Below 40rem each row is a card; the header row was ``display: none``, which also took every cell's
    column header from a screen reader (Chromium's accessibility tree then had no column header at all).
    It is clipped out of sight instead, as the report's stacked tables do."""
    c = start(f"sqlite:///{tmp_path / 'sla.db'}")
    rules = _phone_rules(c.get("/?lang=ja").text)
    thead = rules["thead"].replace(" ", "")
    assert "display:none" not in thead and "visibility:hidden" not in thead
    assert "position:absolute" in thead and "clip-path:inset(50%)" in thead
    assert "width:1px" in thead and "height:1px" in thead and "overflow:hidden" in thead


def _luminance(colour: str) -> float:
    h = colour.lstrip("#")
    h = "".join(c * 2 for c in h) if len(h) == 3 else h

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(h[i : i + 2], 16) / 255) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_on_a_phone_each_cards_column_words_are_readable_on_the_rows_colour(start: Starter, tmp_path: Path) -> None:
    """A card's column words (``Status``, ``Due``) were #666 on a breached row's pink #f8d7da: 4.3:1, under
    WCAG's 4.5:1 (axe-core does not see text written by ``::before``; a reading of the page did)."""
    c = start(f"sqlite:///{tmp_path / 'sla.db'}")
    page = c.get("/?lang=ja").text
    label = re.search(r"color:\s*(#[0-9a-fA-F]{3,6})", _phone_rules(page)["td::before, tbody th::before"])
    assert label
    for row in ("breached", "at_risk"):
        found = re.search(rf"tr\.{row}\s*\{{[^}}]*background:\s*(#[0-9a-fA-F]{{3,6}})", page)
        assert found, row
        assert _contrast(label.group(1), found.group(1)) >= 4.5, (row, label.group(1), found.group(1))
