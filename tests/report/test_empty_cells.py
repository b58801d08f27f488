"""An empty cell of the HTML report, drawn ``-``, is read in the page's language, not as "dash".

A screen reader read the cell ``-`` (no target, no notice due, no day missed) as "dash" or "hyphen", in
English on a Japanese page too. The dash is now hidden from assistive technology (``aria-hidden``) and the
cell holds the catalogue's word (``なし`` / ``none``) visually hidden: text every screen reader reads, where
an ``aria-label`` on a span of no role is not reliably read. The page looks as before (the hidden word takes
no room: ``test_row_headers``' comparison of every cell's box covers this page's tables too)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docs.cdp import Browser

from .conftest import needs_chromium
from .helpers import EXAMPLE, MONTH, POLICY, sla

WORD = {"ja": "なし", "en": "none"}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("empty-cells")
    out = {}
    for lang in ("ja", "en"):
        code, html, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "html", "--lang", lang)
        assert code == 0, err
        out[lang] = folder / f"{lang}.html"
        out[lang].write_text(html, "utf-8")
    return out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_empty_cell_holds_the_word_of_its_language(pages: dict[str, Path], lang: str) -> None:
    html = pages[lang].read_text("utf-8")
    cells = re.findall(r"<t[dh](?: [^>]*)?>(.*?)</t[dh]>", html)
    assert "-" not in cells  # no bare dash left
    empty = f'<span aria-hidden="true">-</span><span class="vh">{WORD[lang]}</span>'
    assert cells.count(empty) >= 5, cells
    # the outage with no notice due: its deadline and its notice
    row = next(r for r in re.findall(r"<tr>.*?</tr>", html) if ">OUT-02<" in r)
    assert row.count(empty) >= 3, row


@needs_chromium
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_screen_reader_hears_the_word(pages: dict[str, Path], browser: Browser, lang: str) -> None:
    browser.open(pages[lang].as_uri(), width=1280, height=900)
    nodes = browser.call("Accessibility.getFullAXTree", session=True)["nodes"]
    texts = [n.get("name", {}).get("value") for n in nodes if n.get("role", {}).get("value") == "StaticText"]
    assert "-" not in texts
    assert texts.count(WORD[lang]) >= 5
    # and the word takes no room: the cell is as wide as the dash alone, the page no wider than the screen
    assert browser.evaluate("Array.from(document.querySelectorAll('.vh')).every(e => e.offsetWidth <= 1)")
    assert browser.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
