"""The HTML report printed on A4 portrait: headless Chromium with the print stylesheet (issue 16).

``Emulation.setEmulatedMedia {media: "print"}`` lays the page out with its ``@media print`` rules, at
the width of an A4 page less the left and right margins of the report's own ``@page`` rule. Every
table and the chart must end inside that width, for the example month (README's events, the Click
So-ko policy), a two-month log (the trend table), and the plans and helpdesk examples, in Japanese
and English. Before the print stylesheet was fixed the summary, outage, stop and trend tables ran
up to 300 px past the page's right edge. As in ``test_browser.py``: Debian's ``chromium``, skipped
with the reason where it is not installed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from docs.cdp import Browser

from .conftest import needs_chromium
from .helpers import EXAMPLE, MONTH, POLICY, ROOT, sla
from .trend_log import write_two_months

pytestmark = needs_chromium

EXAMPLES = ROOT / "policies" / "examples"
#: (policy, log or None for the two-month log, period options) of each report printed.
CASES: dict[str, tuple[Path, Path | None, list[str]]] = {
    "clicksoko": (POLICY, EXAMPLE, MONTH),
    "trend": (POLICY, None, MONTH),
    "plans": (EXAMPLES / "plans.sla", EXAMPLES / "plans.jsonl", MONTH),
    "helpdesk": (
        EXAMPLES / "helpdesk.sla",
        EXAMPLES / "helpdesk-events.jsonl",
        [*MONTH, "--as-of", "2026-11-27T12:00:00+09:00"],
    ),
}
A4_WIDTH_MM = 210.0
_PAGE = re.compile(r"@page\s*\{[^{}]*?size:\s*A4[^{};]*;\s*margin:\s*([^;{}]+)")
_MM = re.compile(r"^([0-9.]+)mm$")

#: Tables, the chart's figure and its SVG whose right edge is past the page's (and each one's name).
OVERFLOW = """(width => Array.from(document.querySelectorAll('table, figure, svg.timeline'))
  .map(e => [(e.closest('section') || {}).id || '', e.tagName.toLowerCase(), e.getBoundingClientRect().left,
             e.getBoundingClientRect().right])
  .filter(([, , left, right]) => left < -0.5 || right > width + 0.5))(%s)"""


def content_width_px(html: str) -> float:
    """The width inside the page margins of the report's ``@page`` rule (A4 portrait), in CSS pixels."""
    found = _PAGE.search(html)
    assert found, "the print stylesheet has no `@page{size:A4...;margin:...}` rule"
    sides = [float(m.group(1)) for part in found.group(1).split() if (m := _MM.match(part))]
    assert sides and len(sides) == len(found.group(1).split()), found.group(0)
    right = sides[1] if len(sides) > 1 else sides[0]
    left = sides[3] if len(sides) > 3 else right
    return (A4_WIDTH_MM - left - right) / 25.4 * 96


def print_layout(browser: Browser, page: Path, width: float) -> None:
    """Open ``page`` as Chromium prints it: print media, a viewport as wide as the page's content."""
    browser.call("Emulation.setEmulatedMedia", session=True, media="print")
    browser.open(page.as_uri(), width=math.floor(width), height=1100)


def overflowing(browser: Browser, page: Path, width: float) -> list[list[object]]:
    """The tables and chart parts of ``page`` that do not fit ``width`` in print."""
    print_layout(browser, page, width)
    found: list[list[object]] = browser.evaluate(OVERFLOW % math.floor(width))
    return found


@pytest.fixture(scope="module")
def browser(browser: Browser) -> Iterator[Browser]:
    """The shared browser, given back in screen media."""
    yield browser
    browser.call("Emulation.setEmulatedMedia", session=True, media="")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("print-reports")
    out = {}
    for name, (policy, log, period) in CASES.items():
        events = log or write_two_months(folder / "two-months.jsonl")
        for lang in ("ja", "en"):
            code, html, err = sla("evaluate", policy, events, *period, "--format", "html", "--lang", lang)
            assert code == 0, err
            out[name, lang] = folder / f"{name}-{lang}.html"
            out[name, lang].write_text(html, "utf-8")
    return out


def test_the_content_width_is_read_from_the_page_rule() -> None:
    assert round(content_width_px("@page{size:A4 portrait;margin:16mm 12mm 14mm}"), 1) == 703.0
    assert round(content_width_px("@page{size:A4;margin:10mm}"), 1) == round(190 / 25.4 * 96, 1)
    assert round(content_width_px("@page{size:A4;margin:1mm 2mm 3mm 4mm}"), 1) == round(204 / 25.4 * 96, 1)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", list(CASES))
def test_every_table_and_the_chart_fit_an_a4_page(
    pages: dict[tuple[str, str], Path], browser: Browser, name: str, lang: str
) -> None:
    page = pages[name, lang]
    width = content_width_px(page.read_text("utf-8"))
    assert 690 < width < 720  # A4 portrait, 210 mm less the margins
    assert overflowing(browser, page, width) == []
    tables = browser.evaluate("document.querySelectorAll('table').length")
    assert tables >= 5
    if name == "trend":
        assert browser.evaluate("!!document.querySelector('#trend table')")
    # no cell whose text sticks out of it (a cell kept on one line that the column is too narrow for)
    spill = browser.evaluate(
        "Array.from(document.querySelectorAll('td, th')).filter(e => e.scrollWidth > e.clientWidth + 1)"
        ".map(e => e.textContent)"
    )
    assert spill == [], spill
    # the chart is scaled to the page, not cut and not shrunk to a corner; none for a policy that
    # measures no availability (helpdesk)
    chart = browser.evaluate("(e => e && e.getBoundingClientRect().width)(document.querySelector('svg.timeline'))")
    if name == "helpdesk":
        assert chart is None
    else:
        assert 0.9 * math.floor(width) <= chart <= math.floor(width) + 0.5, chart
    # headers repeat on every page, a row is never split, print type is small, links print as text
    style = browser.evaluate(
        """(() => { const s = e => getComputedStyle(e); const a = document.querySelector('td a');
        return {thead: [...new Set(Array.from(document.querySelectorAll('thead')).map(e => s(e).display))],
                rows: [...new Set(Array.from(document.querySelectorAll('tbody tr')).map(e => s(e).breakInside))],
                size: parseFloat(s(document.querySelector('td')).fontSize),
                link: a ? [s(a).textDecorationLine, s(a).color === s(a.parentElement).color] : ['none', true],
                scroll: [...new Set(Array.from(document.querySelectorAll('.scroll')).map(e => s(e).overflowX))]};
        })()"""
    )
    assert style == {
        "thead": ["table-header-group"],
        "rows": ["avoid"],
        "size": style["size"],
        "link": ["none", True],
        "scroll": ["visible"],
    }, style
    assert style["size"] <= 11, style  # 8 pt (10.7 px) in print; 16 px on screen


def test_japanese_cells_wrap_between_phrases_not_inside_words(
    pages: dict[tuple[str, str], Path], browser: Browser
) -> None:
    """A long Japanese reason wraps at phrase boundaries (``word-break: auto-phrase``): the outage
    notice 当社が障害を認知していないため対象外 never ends a line inside 対象外 or 認知."""
    page = pages["clicksoko", "ja"]
    print_layout(browser, page, content_width_px(page.read_text("utf-8")))
    lines = browser.evaluate(
        """Array.from(document.querySelectorAll('#outages td.wide')).map(td => {
          const node = td.firstChild, text = node.textContent, r = document.createRange(), out = [];
          let top = null, line = '';
          for (let i = 0; i < text.length; i++) {
            r.setStart(node, i); r.setEnd(node, i + 1);
            const y = Math.round(r.getClientRects()[0].top);
            if (top !== null && y > top + 2) { out.push(line); line = ''; }
            top = y; line += text[i];
          }
          return out.concat([line]); })"""
    )
    reasons = [parts for parts in lines if "".join(parts).startswith("当社が障害を認知していないため対象外")]
    assert reasons, lines
    for parts in reasons:
        joined = "|".join(parts)
        assert "対象|外" not in joined and "認|知" not in joined and "対|象" not in joined, parts
