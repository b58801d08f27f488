"""The SLA page printed (the customers' site and the project's): dates and times whole, headings with what
they head.

QA printed the Click So-ko page and read 「2026年11月26日 / (木)」 and 「22:00〜 / 24:00」 in every row of
the next maintenance windows, beside a wide 項番 column, and the heading 「計算例」 alone at a page's foot
with its table on the next page: the stylesheet's only print rule let the tables' overflow show. The report
promises its printed dates are never split (docs/engineers/reports.ja.md); the site now keeps that too.

* The page marks each date, time and range of times in its tables as unbreakable (``sla-nowrap``) and
  its number columns as narrow (``sla-no``); the stylesheet keeps them whole on paper (and on a screen as
  wide as a tablet's: on a phone's, whole dates would widen the tables past the screen), keeps a heading
  (and the sentence that leads to a table) with what follows it, and a table's row on one page.
* In Chromium, with the print media and a phone's width (where QA's print was laid out), no date or
  window of the maintenance table takes two lines, and on a phone's screen the table fits.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import http.server
import re
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from sla_dsl.docs.render import PageContext, render_policy
from sla_dsl.docs.source import CSS
from sla_dsl.policy import load_policy

from .cdp import Browser, headless, needs_chromium
from .conftest import POLICY_PAGE, ROOT, Build

CLICKSOKO = ROOT / "policies" / "clicksoko.sla"
NOWRAP = re.compile(r'^<span class="sla-nowrap">([^<]+)</span>$')


def _page(lang: str, day: dt.date, count: int = 12) -> str:
    ctx = PageContext(lang=lang, source_url="", reference=day, maintenance_count=count)
    return render_policy(load_policy(CLICKSOKO), ctx)


def _table(page: str, ident: str) -> str:
    return page.split(f'<table id="{ident}">', 1)[1].split("</table>", 1)[0]


def _cells(table: str) -> list[list[tuple[str, str]]]:
    """Each body row's cells: (the ``td``'s attributes, its inner HTML; the row's header a cell as well, its
    attributes without its ``scope``)."""
    body = table.split("<tbody>", 1)[1]
    return [
        [(a.replace(' scope="row"', ""), c) for a, c in re.findall(r"<t[dh]([^>]*)>(.*?)</t[dh]>", row)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body)
    ]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_maintenance_table_marks_its_dates_and_windows_unbreakable(lang: str) -> None:
    table = _table(_page(lang, dt.date(2026, 4, 1)), "maintenance-windows")
    assert re.search(r"<thead><tr><th class=\"sla-no\">[^<]+</th><th>", table), table[:200]
    rows = _cells(table)
    assert len(rows) == 12
    for n, ((no_attrs, no), (_, day), (_, window), _remark) in enumerate(rows, 1):
        assert no_attrs == ' class="sla-no"' and no == str(n)
        assert NOWRAP.match(day) and NOWRAP.match(window), (day, window)
    said = {"ja": ("2026年11月26日(木)", "22:00〜24:00"), "en": ("Thu 26 Nov 2026", "22:00–24:00")}[lang]
    assert rows[7][1][1] == f'<span class="sla-nowrap">{said[0]}</span>'
    assert rows[7][2][1] == f'<span class="sla-nowrap">{said[1]}</span>'


def test_a_moved_windows_remark_keeps_its_date_whole() -> None:
    """2027年9月23日(木) is 秋分の日: the window moves to Friday, and the remark's date is unbreakable too."""
    rows = _cells(_table(_page("ja", dt.date(2027, 9, 1), 2), "maintenance-windows"))
    assert html.unescape(rows[0][3][1]) == '<span class="sla-nowrap">2027年9月23日(木)</span>（秋分の日）から延期'


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_other_tables_dates_and_times_are_unbreakable(lang: str) -> None:
    page = _page(lang, dt.date(2026, 4, 1))
    # the worked deadlines: each date and each time whole (a narrow column puts the time under the date)
    moment = re.compile(r'(<strong>)?<span class="sla-nowrap">[^<]+</span> <span class="sla-nowrap">\d\d:\d\d</span>')
    for row in _cells(_table(page, "examples")):
        assert [bool(moment.match(cell)) for _, cell in row[2:]] == [True, True], row
    versions = _cells(_table(page, "versions"))
    assert all(NOWRAP.match(row[1][1]) for row in versions), versions
    hours = _table(page, "service-hours")
    dash = "〜" if lang == "ja" else "–"
    assert f'<span class="sla-nowrap">10:00{dash}12:00</span>' in hours
    assert f'<span class="sla-nowrap">13:00{dash}18:00</span>' in hours
    assert all(attrs == ' class="sla-no"' for attrs, _ in (row[0] for row in _cells(hours)))


def _rules(css: str, media: str) -> str:
    """The text of the ``@media`` block of ``media`` (``print``) in ``css``, its braces balanced."""
    start = css.index(f"@media {media}")
    depth, i = 0, css.index("{", start)
    for j in range(i, len(css)):
        depth += {"{": 1, "}": -1}.get(css[j], 0)
        if depth == 0:
            return css[i + 1 : j]
    raise AssertionError(f"@media {media} is not closed")


def test_the_stylesheet_keeps_dates_whole_and_headings_with_their_tables_on_paper() -> None:
    css = re.sub(r"/\*.*?\*/", "", CSS, flags=re.DOTALL)
    nowrap = _rules(css, "print, screen and (min-width: 45em)")
    # (and a skipped window's day, the cell the stylesheet strikes through)
    assert re.search(
        r"\.sla-nowrap, \.md-typeset tr\.sla-skipped :is\(td, th\):nth-last-child\(3\)\s*\{\s*white-space:\s*nowrap;",
        nowrap,
    )
    printed = _rules(css, "print {")
    heads = re.search(r":is\(([^)]*)\)[^{]*\{[^}]*break-after:\s*avoid", printed)
    assert heads is not None and {"h2", "h3", "h4"} <= {h.strip() for h in heads.group(1).split(",")}
    assert re.search(r"p:has\(\+ \.md-typeset__scrollwrap, \+ table\)\s*\{[^}]*break-after:\s*avoid", printed)
    assert re.search(r"\btr\s*\{[^}]*break-inside:\s*avoid", printed)
    assert re.search(r"td, th\)\.sla-no, \.md-typeset tr\.sla-skipped td:first-child\s*\{[^}]*min-width:\s*0", css)


# ---- in the browser ---------------------------------------------------------------------------------

#: for each cell of the maintenance table that shows a date or a window: its text, and how many lines it takes
_LINES = """(() => Array.from(document.querySelectorAll('#maintenance-windows tbody :is(td, th)')).filter(
    td => /\\d\\d:\\d\\d|\\d{4}/.test(td.innerText)).map(td => {
  const r = document.createRange(); r.selectNodeContents(td);
  const lines = new Set(Array.from(r.getClientRects()).filter(x => x.width > 0).map(x => Math.round(x.bottom)));
  return [td.innerText.trim(), lines.size];
}))()"""
_FITS = """(() => { const t = document.getElementById('maintenance-windows');
  const box = t.closest('.md-typeset__scrollwrap') || t.parentElement;
  return [box.scrollWidth, box.clientWidth]; })()"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def printed(site: Build, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Browser, str]]:
    """The built site on 127.0.0.1, and a headless Chromium."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site.site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        for browser in headless(tmp_path_factory):
            yield browser, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@needs_chromium
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_printed_at_a_phones_width_no_date_or_window_takes_two_lines(printed: tuple[Browser, str], lang: str) -> None:
    browser, url = printed
    browser.call("Emulation.setEmulatedMedia", session=True, media="print")
    try:
        for width in (390, 1280):
            browser.open(f"{url}/{POLICY_PAGE[lang]}/", width=width)
            cells = browser.evaluate(_LINES)
            assert len(cells) == 24, cells  # a date and a window in each of the 12 rows
            split = [text for text, lines in cells if lines != 1]
            assert split == [], f"split across lines when printed at {width}px: {split[:4]}"
            no, day = browser.evaluate(
                "Array.from(document.querySelector('#maintenance-windows tbody tr').cells)"
                ".slice(0, 2).map(c => c.getBoundingClientRect().width)"
            )
            assert no < day / 2, (no, day)  # 項番 as narrow as its numbers
    finally:
        browser.call("Emulation.setEmulatedMedia", session=True, media="")


@needs_chromium
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_on_a_phones_screen_the_maintenance_table_fits(printed: tuple[Browser, str], lang: str) -> None:
    browser, url = printed
    browser.open(f"{url}/{POLICY_PAGE[lang]}/", width=390)
    scrolled, shown = browser.evaluate(_FITS)
    assert scrolled <= shown + 1, f"the table is {scrolled - shown}px wider than the screen"


def test_the_site_serves_the_stylesheet_and_the_marks(site: Build) -> None:
    """The built site's stylesheet is the one checked above, and its policy page has the marks."""
    page = site.page(POLICY_PAGE["ja"])
    assert 'id="maintenance-windows"' in page and "sla-nowrap" in page
    assert (site.site / "sla" / "sla.css").read_text("utf-8") == CSS
