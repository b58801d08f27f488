"""An empty cell of the site's generated tables, drawn ``—`` (a backup kept for no stated time, a skipped window's
number and hours, a worked example with no attributes), is read in the page's language, not as "em dash".

The dash is hidden from a screen reader (``aria-hidden``) and the catalogue's word (``site.empty``: ``なし`` /
``none``) is in the cell, visually hidden: text every screen reader reads, where an ``aria-label`` on a span of
no role is not reliably read. The page looks as before (the word takes no room)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from sla_dsl.docs.render import PageContext, render_policy
from sla_dsl.policy import load_policy

from .cdp import Browser, headless, needs_chromium
from .conftest import POLICY_PAGE, Build
from .test_site_leftovers import LONDON

WORD = {"ja": "なし", "en": "none"}


def _empty(lang: str) -> str:
    return f'<span aria-hidden="true">—</span><span class="sla-vh">{WORD[lang]}</span>'


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_backups_empty_cells_hold_the_word(site: Build, lang: str) -> None:
    html = site.page(POLICY_PAGE[lang])
    table = html.split('<table id="backups">', 1)[1].split("</table>", 1)[0]
    assert f"<td>{_empty(lang)}</td>" in table
    assert "<td>—</td>" not in html


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_skipped_windows_empty_cells_hold_the_word(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "ldn.sla"
    path.write_text(LONDON, "utf-8")
    ctx = PageContext(lang=lang, source_url="", reference=dt.date(2026, 4, 28), maintenance_count=3)
    rows = re.findall(r'<tr class="sla-skipped">(.*?)</tr>', render_policy(load_policy(path), ctx), re.S)
    assert rows and all(row.count(f"<td>{_empty(lang)}</td>") == 2 for row in rows), rows


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    yield from headless(tmp_path_factory)


@needs_chromium
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_screen_reader_hears_the_word(site: Build, browser: Browser, lang: str) -> None:
    browser.open((Path(site.site) / POLICY_PAGE[lang] / "index.html").as_uri(), width=1280, height=900)
    cells = browser.evaluate(
        "Array.from(document.querySelectorAll('#backups td')).filter(td => td.querySelector('.sla-vh'))"
        ".map(td => [td.getBoundingClientRect().width, td.querySelector('.sla-vh').offsetWidth])"
    )
    assert cells and all(vh <= 1 for _, vh in cells), cells
    nodes = browser.call("Accessibility.getFullAXTree", session=True)["nodes"]
    texts = [n.get("name", {}).get("value") for n in nodes if n.get("role", {}).get("value") == "StaticText"]
    assert "—" not in texts and WORD[lang] in texts
