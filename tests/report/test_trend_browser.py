"""The trend table of the HTML report in headless Chromium at 1280 px and 390 px, ja and en.

As ``test_browser.py``: Debian's ``chromium``, skipped with the reason where it is not installed;
screenshots of the section are written under pytest's temporary directory and their paths printed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docs.cdp import Browser

from .conftest import needs_chromium
from .helpers import MONTH, POLICY, sla
from .trend_log import write_two_months

pytestmark = needs_chromium

HEADER = {
    "ja": ["項目", "2026年10月度", "2026年11月度（当月）", "前月比"],
    "en": ["Commitment", "October 2026", "November 2026 (this report)", "Change from the month before"],
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("trend-reports")
    log = write_two_months(folder / "events.jsonl")
    out = {}
    for lang in ("ja", "en"):
        code, html, err = sla("evaluate", POLICY, log, *MONTH, "--format", "html", "--lang", lang)
        assert code == 0, err
        out[lang] = folder / f"report-{lang}.html"
        out[lang].write_text(html, "utf-8")
    return out


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_trend_table_reads_on_desktop_and_phone(
    pages: dict[str, Path], browser: Browser, lang: str, width: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    browser.open(pages[lang].as_uri(), width=width, height=900)
    # after the summary and its chart, before the availability table
    order = browser.evaluate("Array.from(document.querySelectorAll('section[id]')).map(e => e.id).slice(0, 4)")
    assert order == ["summary", "timeline", "trend", "availability"], order
    header = browser.evaluate("Array.from(document.querySelectorAll('#trend thead th')).map(e => e.textContent)")
    assert header == HEADER[lang]
    rows = browser.evaluate("document.querySelectorAll('#trend tbody tr').length")
    assert rows == 10  # three priorities, the recovery notice, planned-stop notices, availability, four backup kinds
    # the page is never wider than the screen: the table scrolls in its own box
    assert browser.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    box = browser.evaluate(
        "(e => [e.getBoundingClientRect().right, getComputedStyle(e).overflowX])"
        "(document.querySelector('#trend .scroll'))"
    )
    assert box[0] <= width + 1 and box[1] == "auto", box
    # figures right-aligned on one line each, headers on one line; a fall marked as bad, a rise as good (the
    # lines a cell takes: the tops of its text's boxes, not the hidden word of an empty cell's)
    cells = browser.evaluate(
        "Array.from(document.querySelectorAll('#trend td.num')).map(e => { const r = document.createRange();"
        " r.selectNodeContents(e); const boxes = Array.from(r.getClientRects()).filter(b => b.width > 1);"
        " return [e.textContent, getComputedStyle(e).textAlign, new Set(boxes.map(b => Math.round(b.top))).size]; })"
    )
    assert len(cells) == 10 * 3 and all(align == "right" and lines == 1 for _, align, lines in cells), cells
    # on a phone the table scrolls sideways under the commitment names, which stay in view
    browser.evaluate("document.querySelector('#trend .scroll').scrollLeft = 10000")
    names = browser.evaluate(
        "Array.from(document.querySelectorAll('#trend tbody th[scope=row]:first-child'))"
        ".map(e => e.getBoundingClientRect().left)"
    )
    left = browser.evaluate("document.querySelector('#trend .scroll').getBoundingClientRect().left")
    assert all(abs(x - left) <= 1 for x in names), (names, left)
    browser.evaluate("document.querySelector('#trend .scroll').scrollLeft = 0")
    tall = browser.evaluate(
        "Array.from(document.querySelectorAll('#trend thead th')).filter(e => e.getBoundingClientRect().height > "
        "2 * parseFloat(getComputedStyle(e).lineHeight)).map(e => e.textContent)"
    )
    assert tall == [], tall
    tones = browser.evaluate(
        "Array.from(document.querySelectorAll('#trend tbody tr')).map(r => r.lastElementChild.className)"
    )
    assert "good" in tones[0] and "bad" in tones[2], tones  # P1 +12.0, P3 -4.5
    shots = tmp_path_factory.mktemp(f"trend-{lang}-{width}")
    browser.evaluate("document.getElementById('trend').scrollIntoView({block: 'start'})")
    png = browser.screenshot(shots / f"trend-{lang}-{width}.png")
    assert png.stat().st_size > 5_000
    print(f"screenshot: {png}")
