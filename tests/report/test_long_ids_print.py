"""A long id without a break (120 hex digits) breaks inside in print instead of pushing the other
columns off the A4 page.

The print stylesheet wrapped a wide cell with ``overflow-wrap: break-word``, which does not lower the
cell's minimum width: the table kept the id's whole width and ran past the page's right edge. A cell
holding such a run is marked ``token`` and printed with ``overflow-wrap: anywhere``; wide cells of
Japanese text keep breaking between phrases (``test_print``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from docs.cdp import Browser

from sla_dsl.report.render import _STYLE

from .conftest import needs_chromium
from .helpers import MONTH, POLICY, sla
from .test_print import content_width_px, overflowing

HEX = "3f2b8c1e9a4d4e6fb2a10c9d8e7f6a5b" * 3 + "3f2b8c1e9a4d4e6fb2a10c9d"
LONG = {"event": "incident.reported", "at": "2026-11-02T11:00:00+09:00", "id": HEX, "priority": "P1"}


def _print_rules() -> dict[str, str]:
    """The print stylesheet's rules: selector -> declarations (the last rule of a selector wins)."""
    block = _STYLE[_STYLE.index("@media print{") :]
    return {sel.strip(): body for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", block.split("{", 1)[1])}


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("long-id")
    log = folder / "hex120.jsonl"
    log.write_text(json.dumps(LONG) + "\n", "utf-8")
    out = {}
    for lang in ("ja", "en"):
        code, html, err = sla("evaluate", POLICY, log, *MONTH, "--format", "html", "--lang", lang)
        assert code == 0, err
        out[lang] = folder / f"hex120-{lang}.html"
        out[lang].write_text(html, "utf-8")
    return out


def test_the_long_id_is_printed_breakable_anywhere(page: dict[str, Path]) -> None:
    assert len(HEX) == 120
    html = page["ja"].read_text("utf-8")
    cells = re.findall(rf'<(?:td|th scope="row") class="([^"]*)">{HEX}</t[dh]>', html)
    assert cells and all("token" in c.split() for c in cells), cells
    rules = _print_rules()
    assert "overflow-wrap:anywhere" in rules[":is(td,tbody th).token"]
    # Japanese wide cells keep breaking between phrases: `anywhere` only where a token is
    assert "anywhere" not in rules[":is(td,tbody th).wide"]
    # a short id or Japanese prose is no token
    assert '<th scope="row" class="nowrap">P1 優先度１</th>' in html
    assert not re.search(r'class="[^"]*token[^"]*">[^<]*当社', html)


@needs_chromium
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_table_fits_the_page_with_a_long_id(page: dict[str, Path], browser: Browser, lang: str) -> None:
    path = page[lang]
    width = content_width_px(path.read_text("utf-8"))
    try:
        assert overflowing(browser, path, width) == []
    finally:
        browser.call("Emulation.setEmulatedMedia", session=True, media="")
