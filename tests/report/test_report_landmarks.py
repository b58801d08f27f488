"""The HTML report's landmarks and its boxes that scroll, for a keyboard and a screen reader (WCAG 2.1 AA).

An accessibility audit (axe-core in headless Chromium, as JIS X 8341-3 asks of a public-sector customer's
documents) found the report with no ``main`` landmark, so its 170-odd cells lay outside any landmark and a
screen reader's "skip to main content" had nowhere to go, and, at a phone's width, the tables and the chart
scrolling sideways in boxes the keyboard could not reach: one reading without a mouse could not see the
columns past the screen's edge (WCAG 2.1.1). Now the sections are the page's ``main``, and every box that
scrolls is a region named by its section's heading that the Tab key reaches.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from .helpers import EXAMPLE, MONTH, POLICY, sla

_VOID = {"meta", "link", "br", "img", "input", "hr", "col", "wbr", "rect", "line", "path"}


class _Outline(HTMLParser):
    """Each element's tag, attributes and enclosing tags; each section's heading."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None], tuple[str, ...]]] = []
        self.headings: dict[str, str] = {}  # a section's id: its h2's text
        self._section: str | None = None
        self._h2: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs), tuple(self.stack)))
        if tag == "section":
            self._section = dict(attrs).get("id")
        if tag == "h2":
            self._h2 = []
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs), tuple(self.stack)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2" and self._h2 is not None and self._section:
            self.headings[self._section] = "".join(self._h2)
            self._h2 = None
        if tag in self.stack:
            del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if self._h2 is not None:
            self._h2.append(data)


@pytest.fixture(scope="module", params=["ja", "en"])
def outline(request: pytest.FixtureRequest) -> _Outline:
    code, html, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "html", "--lang", request.param)
    assert code == 0, err
    parsed = _Outline()
    parsed.feed(html)
    return parsed


def test_the_sections_are_the_pages_main_landmark(outline: _Outline) -> None:
    mains = [el for el in outline.elements if el[0] == "main"]
    assert len(mains) == 1 and mains[0][2] == ("html", "body")
    sections = [el for el in outline.elements if el[0] == "section"]
    assert sections and all("main" in enclosing for _, _, enclosing in sections)
    # the header with the title stays a banner of its own, before the main content
    header = next(el for el in outline.elements if el[0] == "header")
    assert "main" not in header[2]
    # nothing a person reads left outside a landmark: every paragraph is in the header or the main
    paragraphs = [el for el in outline.elements if el[0] == "p"]
    assert all({"header", "main"} & set(enclosing) for _, _, enclosing in paragraphs)


def test_every_box_that_scrolls_is_a_named_region_the_keyboard_reaches(outline: _Outline) -> None:
    boxes = [el for el in outline.elements if el[0] == "div" and el[1].get("class") in ("scroll", "chart")]
    assert len(boxes) >= 10 and any(el[1].get("class") == "chart" for el in boxes)
    for _, attrs, _ in boxes:
        assert attrs.get("tabindex") == "0", attrs
        assert attrs.get("role") == "region", attrs
    # each named as its section's heading names it (a screen reader says what the box holds)
    named: dict[str, str] = {}
    for tag, attrs, _ in outline.elements:
        if tag == "section" and attrs.get("id"):
            section = attrs["id"]
        if tag == "div" and attrs.get("class") in ("scroll", "chart"):
            named[section or ""] = attrs.get("aria-label") or ""
    assert named == {key: outline.headings[key] for key in named}
    assert all(named.values())
