"""The dashboard for a screen reader (WCAG 2.1 AA, as JIS X 8341-3 asks of a public-sector customer's pages).

An accessibility audit (axe-core in headless Chromium) found no ``main`` landmark: the cards, the heading
and the table of open targets lay outside any landmark, so a screen reader's "skip to main content" had
nowhere to go. The link to the other language (``English`` on the Japanese page, ``日本語`` on the English
one) carried no ``lang``, so a Japanese voice read ``English`` and an English voice ``日本語`` (WCAG
3.1.2); the table had no name. Now the page's content is its ``main``, the link says its language, and
the table is named by its heading.
"""

from __future__ import annotations

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
