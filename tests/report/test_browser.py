"""The HTML report in headless Chromium at desktop (1280 px) and phone (390 px) widths, ja and en.

Like ``tests/docs/test_browser.py``: Debian's ``chromium``; where it is not installed the tests skip
and say why. Screenshots are written under pytest's temporary directory and their paths printed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from docs.cdp import Browser

from .conftest import needs_chromium
from .helpers import EXAMPLE, MONTH, POLICY, sla

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = {}
    folder = tmp_path_factory.mktemp("reports")
    for lang in ("ja", "en"):
        code, html, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "html", "--lang", lang)
        assert code == 0, err
        out[lang] = folder / f"report-{lang}.html"
        out[lang].write_text(html, "utf-8")
    return out


TITLE = {
    "ja": "Click So-ko サービスレベル報告書（2026年11月度）",
    "en": "Click So-ko: service level report, November 2026",
}


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_report_fits_the_screen_and_the_chart_is_labelled(
    pages: dict[str, Path], browser: Browser, lang: str, width: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    browser.open(pages[lang].as_uri(), width=width, height=900)
    assert browser.evaluate("document.querySelector('h1').textContent") == TITLE[lang]
    assert browser.evaluate("document.querySelector('meta[name=viewport]').content").startswith("width=device-width")
    overflow = browser.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the {lang} report is {overflow}px wider than a {width}px screen"
    # wide tables scroll inside their own box; no column header breaks inside a word (one line each; a row
    # header is a body cell, which may wrap)
    boxes = browser.evaluate(
        "Array.from(document.querySelectorAll('.scroll')).map(e => [e.getBoundingClientRect().right,"
        " getComputedStyle(e).overflowX])"
    )
    assert boxes and all(right <= width + 1 and ox == "auto" for right, ox in boxes), boxes
    tall = browser.evaluate(
        "Array.from(document.querySelectorAll('thead th')).filter(e => e.getBoundingClientRect().height > "
        "2 * parseFloat(getComputedStyle(e).lineHeight)).map(e => e.textContent)"
    )
    assert tall == [], tall
    # the chart: visible, labelled outages with their downtime, a legend with a colour key per entry
    svg = browser.evaluate("(r => [r.width, r.height])(document.querySelector('svg.timeline').getBoundingClientRect())")
    assert svg[0] >= min(width - 40, 700) and svg[1] > 60, svg
    labels = browser.evaluate("Array.from(document.querySelectorAll('svg.timeline text')).map(e => e.textContent)")
    assert "OUT-01 0:50" in labels and "OUT-04 0:45" in labels, labels
    keys = browser.evaluate(
        "Array.from(document.querySelectorAll('ul.legend li')).map(e => [!!e.querySelector('svg rect'), e.textContent])"
    )
    assert len(keys) == 6 and all(has for has, _ in keys), keys
    aria = browser.evaluate("document.querySelector('svg.timeline').getAttribute('aria-label')")
    assert aria.startswith("2026年11月度の稼働状況" if lang == "ja" else "Availability in November 2026"), aria
    # links from rows to the appendix of articles
    assert browser.evaluate("document.querySelectorAll('a[href=\"#art-3-2\"]').length") > 0
    assert browser.evaluate("!!document.getElementById('art-3-2')")
    shots = tmp_path_factory.mktemp(f"report-{lang}-{width}")
    for section in ("summary", "timeline", "outages", "violations"):
        browser.evaluate(f"document.getElementById('{section}').scrollIntoView({{block: 'start'}})")
        png = browser.screenshot(shots / f"{lang}-{width}-{section}.png")
        assert png.stat().st_size > 5_000
        print(f"screenshot: {png}")


def test_pdf_is_printed_by_chromium(tmp_path: Path) -> None:
    res = subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", "evaluate", str(POLICY), str(EXAMPLE), *MONTH, "--format", "pdf"],
        capture_output=True,
        timeout=180,
    )
    assert res.returncode == 0, res.stderr.decode()
    assert res.stdout.startswith(b"%PDF-") and len(res.stdout) > 20_000
    (tmp_path / "report.pdf").write_bytes(res.stdout)
    print(f"pdf: {tmp_path / 'report.pdf'}")
