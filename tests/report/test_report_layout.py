"""The HTML report's tables read at 1280 px, at 375 px and on A4 paper.

What a reading in a real browser found: at 1280 px the outages table ran past its box (the notice
column cut, ``当社が障害を認知して…``, and a scrollbar); at 375 px the summary showed its first column
only, its targets, figures and verdicts off the screen; on A4 every table's right border was cut at
the page's margin (a collapsed border lies half outside the table's box, and the table took the whole
width), the appendix broke an article as ``条項`` / ``2.1.1``, and the backups table's list of days
missed broke a date inside (``11月`` / ``6日(金)``).

Now a cell of long words wraps (a minimum of 10rem, down from 14rem) where a time stays whole; a
table of eight columns or more may put a time's date above its time; the summary and the tables
whose rows are each one matter (a service's period, a credit, a planned stop, a backup kind, a
violation) are stacked on a phone, a card per row with each column's name beside its value, and every
other table keeps its first column in view while the rest scrolls; in print the tables keep a pixel
from either edge, an article and each day of a list are kept on one line, and the lines of an outage
judged by several notification rules stay on one page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from docs.cdp import Browser

from sla_dsl.report.render import _STYLE

from .conftest import needs_chromium
from .helpers import EXAMPLE, MONTH, POLICY, sla
from .test_outage_rule_lines import EVENTS, RULES
from .test_print import content_width_px, print_layout

#: One incident and no backups: every day of November missed, for each of the three backup kinds.
NO_BACKUPS = {"event": "incident.reported", "at": "2026-11-02T11:00:00+09:00", "id": "INC-1", "priority": "P1"}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("layout")
    rules, rules_log, none_log = folder / "rules.sla", folder / "rules.jsonl", folder / "none.jsonl"
    rules.write_text(RULES, "utf-8")
    rules_log.write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    none_log.write_text(json.dumps(NO_BACKUPS) + "\n", "utf-8")
    out = {}
    for name, policy, log in (
        ("clicksoko", POLICY, EXAMPLE),
        ("rules", rules, rules_log),
        ("no-backups", POLICY, none_log),
    ):
        for lang in ("ja", "en"):
            code, html, err = sla("evaluate", policy, log, *MONTH, "--format", "html", "--lang", lang)
            assert code == 0, err
            out[name, lang] = folder / f"{name}-{lang}.html"
            out[name, lang].write_text(html, "utf-8")
    return out


def _html(pages: dict[tuple[str, str], Path], name: str, lang: str) -> str:
    return pages[name, lang].read_text("utf-8")


def _rules(block: str) -> dict[str, str]:
    """A stylesheet block's rules: selector -> declarations (the last rule of a selector wins)."""
    return {sel.strip(): body for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", block)}


def _block(css: str, at: str) -> str:
    """The body of the ``@media`` block that starts with ``at``."""
    start = css.index(at) + len(at)
    depth, end = 1, start
    while depth:
        depth += {"{": 1, "}": -1}.get(css[end], 0)
        end += 1
    return css[start : end - 1]


def test_a_phone_stacks_the_summary_and_keeps_other_tables_first_column() -> None:
    phone = _rules(_block(_STYLE, "@media screen and (max-width:40rem){"))
    assert "display:block" in phone["table.stack,table.stack tbody,table.stack tr,table.stack :is(td,tbody th)"]
    assert "position:sticky" in phone["table:not(.stack) tr:not(.more)>:first-child"]
    assert "left:0" in phone["table:not(.stack) tr:not(.more)>:first-child"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_stacked_value_is_named_by_its_column(pages: dict[tuple[str, str], Path], lang: str) -> None:
    html = _html(pages, "clicksoko", lang)
    summary = html[html.index('<section id="summary">') :]
    assert re.fullmatch(r'<div class="scroll"[^>]*><table class="stack">', summary.split("\n")[2])
    names = re.findall(r'<th scope="col">([^<]*)</th>', summary[: summary.index("</thead>")])
    assert names[1] == ("目標" if lang == "ja" else "Target"), names
    head = html[: html.index("</style>")]
    for n, name in enumerate(names[1:], start=2):
        assert re.search(rf'#summary :is\(td,tbody th\):nth-child\({n}\)::before\{{content:"{name}"\}}', head), name


def test_a_long_cell_wraps_and_a_time_keeps_whole() -> None:
    screen = _rules(_STYLE[: _STYLE.index("@media")])
    assert screen[":is(td,tbody th).wide"] == "min-width:10rem"
    assert "white-space:nowrap" in screen[".nw,:is(td,tbody th) a"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_article_and_each_day_missed_stay_whole(pages: dict[tuple[str, str], Path], lang: str) -> None:
    html = _html(pages, "clicksoko", lang)
    article = "第2条の(1) 項番1" if lang == "ja" else "Art. 2.1.1"
    assert f'<th scope="row" id="art-2-1-1" class="nowrap">{article}</th>' in html
    missed = _html(pages, "no-backups", lang)
    first, second = ("11月1日(日)", "11月2日(月)") if lang == "ja" else ("Sun 1 Nov", "Mon 2 Nov")
    sep = "、" if lang == "ja" else ", "
    assert f'<span class="nw">{first}</span>{sep}<span class="nw">{second}</span>' in missed


def test_print_keeps_a_pixel_from_either_edge_and_an_outage_on_one_page() -> None:
    printed = _rules(_block(_STYLE, "@media print{"))
    assert printed[".scroll"] == "padding:0 1px"
    assert "break-inside:avoid" in printed["tr,tbody.item,figure,svg.timeline"]


# -- in Chromium ---------------------------------------------------------------------------------


@pytest.fixture
def screen(browser: Browser) -> Iterator[Browser]:
    browser.call("Emulation.setEmulatedMedia", session=True, media="")
    yield browser
    browser.call("Emulation.setEmulatedMedia", session=True, media="")


_FITS = """Array.from(document.querySelectorAll('table')).map(t => [(t.closest('section') || {}).id,
  t.getBoundingClientRect().width, t.parentElement.clientWidth]).filter(([, w, box]) => w > box + 0.5)"""


@needs_chromium
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", ["clicksoko", "rules"])
def test_every_table_fits_a_1280_px_screen(
    pages: dict[tuple[str, str], Path], screen: Browser, name: str, lang: str
) -> None:
    screen.open(pages[name, lang].as_uri(), width=1280, height=900)
    assert screen.evaluate(_FITS) == []


@needs_chromium
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_phone_shows_every_value_of_the_summary(
    pages: dict[tuple[str, str], Path], screen: Browser, lang: str
) -> None:
    screen.open(pages["clicksoko", lang].as_uri(), width=375, height=900)
    off = screen.evaluate(
        "Array.from(document.querySelectorAll('#summary tbody :is(td, th)'))"
        ".filter(td => td.getBoundingClientRect().right > window.innerWidth"
        " || td.getBoundingClientRect().width < 40).map(td => td.textContent)"
    )
    assert off == []
    # and names each value: the cell's label, drawn before it
    label = screen.evaluate(
        "getComputedStyle(document.querySelector('#summary tbody td:nth-child(2)'), '::before').content"
    )
    assert label == ('"目標"' if lang == "ja" else '"Target"')
    # a table that scrolls keeps its first column in view
    first = screen.evaluate("getComputedStyle(document.querySelector('#outages tbody th:first-child')).position")
    assert first == "sticky"


@needs_chromium
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_table_border_is_cut_at_the_page_edge(
    pages: dict[tuple[str, str], Path], browser: Browser, lang: str
) -> None:
    page = pages["clicksoko", lang]
    width = content_width_px(page.read_text("utf-8"))
    try:
        print_layout(browser, page, width)
        # a collapsed border lies half outside the table's box: the table ends half a border inside
        cut = browser.evaluate(
            "Array.from(document.querySelectorAll('table')).map(t => [(t.closest('section') || {}).id,"
            " t.getBoundingClientRect().left, t.getBoundingClientRect().right])"
            f".filter(([, l, r]) => l < 0.5 || r > {int(width)} - 0.5)"
        )
        assert cut == []
    finally:
        browser.call("Emulation.setEmulatedMedia", session=True, media="")


@needs_chromium
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_day_missed_is_broken_on_paper(pages: dict[tuple[str, str], Path], browser: Browser, lang: str) -> None:
    page = pages["no-backups", lang]
    try:
        print_layout(browser, page, content_width_px(page.read_text("utf-8")))
        lines = browser.evaluate(
            """Array.from(document.querySelectorAll('#backups td:last-child')).map(td => {
              const walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT), r = document.createRange();
              const out = []; let top = null, line = '';
              for (let n = walk.nextNode(); n; n = walk.nextNode())
                for (let i = 0; i < n.textContent.length; i++) {
                  r.setStart(n, i); r.setEnd(n, i + 1);
                  const y = Math.round(r.getClientRects()[0].top);
                  if (top !== null && y > top + 2) { out.push(line); line = ''; }
                  top = y; line += n.textContent[i];
                }
              return out.concat([line]); })"""
        )
    finally:
        browser.call("Emulation.setEmulatedMedia", session=True, media="")
    day = r"\d{1,2}月\d{1,2}日\([月火水木金土日]\)" if lang == "ja" else r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} Nov"
    sep = "、" if lang == "ja" else ", ?"
    whole = re.compile(rf"\s*(?:{day}(?:{sep})?)+\s*")
    assert len(lines) == 3 and all(len(cell) > 1 for cell in lines), lines  # a list that wraps, per kind
    broken = [line for cell in lines for line in cell if not whole.fullmatch(line)]
    assert broken == [], broken
