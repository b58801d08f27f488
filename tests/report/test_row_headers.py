"""Each row of the report's tables is named by a row header: its first cell (the commitment, the id, the
period, the service) is a ``<th scope="row">``, which a screen reader reads out with each of the row's other
cells (WCAG 1.3.1). It was a ``<td>``: moving along a row of figures, a reader heard ``20``, ``3``, ``0``
without the priority they are about. The header looks as the ``<td>`` it was, on a screen, on a phone (the
sticky first column, the stacked cards) and on paper: the page is laid out again with each row header
turned back into a ``<td>`` and every cell must keep its style and box."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from docs.cdp import Browser

from .conftest import needs_chromium
from .helpers import EXAMPLE, MONTH, POLICY, sla
from .test_outage_rule_lines import EVENTS, RULES
from .trend_log import write_two_months


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("row-headers")
    rules, rules_log = folder / "rules.sla", folder / "rules.jsonl"
    rules.write_text(RULES, "utf-8")
    rules_log.write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    two = write_two_months(folder / "two.jsonl")
    out = {}
    for name, policy, log in (("clicksoko", POLICY, EXAMPLE), ("rules", rules, rules_log), ("trend", POLICY, two)):
        for lang in ("ja", "en"):
            code, html, err = sla("evaluate", policy, log, *MONTH, "--format", "html", "--lang", lang)
            assert code == 0, err
            out[name, lang] = folder / f"{name}-{lang}.html"
            out[name, lang].write_text(html, "utf-8")
    return out


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", ["clicksoko", "rules", "trend"])
def test_every_row_starts_with_its_header(pages: dict[tuple[str, str], Path], name: str, lang: str) -> None:
    html = pages[name, lang].read_text("utf-8")
    html = re.sub(r'<section id="violations">.*?</section>', "", html, flags=re.S)  # (named by two: below)
    bodies = re.findall(r"<tbody[^>]*>(.*?)</tbody>", html, re.S)
    rows = [r for body in bodies for r in re.findall(r"<tr[^>]*>.*?</tr>", body, re.S)]
    assert len(rows) > 20
    for row in rows:
        if row.startswith('<tr class="more">'):  # a rule's line under its outage: its header spans over it
            assert row.startswith('<tr class="more"><td'), row
            assert "<th" not in row, row
        else:
            assert row.startswith('<tr><th scope="row"'), row
            assert row.count("<th") == 1, row
    if name == "rules":  # an outage over its rules' lines: one header for them all
        assert re.search(r'<tr><th scope="row" class="nowrap" rowspan="\d">O1</th>', html)
    if name != "rules":
        summary = html[html.index('<section id="summary">') :].split("<tbody>", 1)[1]
        first = "P1 優先度１の応答" if lang == "ja" else "P1 Priority 1: response"
        assert re.match(rf'\n<tr><th scope="row" class="[a-z ]+">{first}</th><td', summary), summary[:200]


#: A row of the violations table: its time, then what it is and whose (the row's two headers)
_VIOLATION = re.compile(
    r'<tr><td class="nowrap">[^<]*</td><th scope="row" class="bad [a-z]+">[^<]+</th>'
    r'<th scope="row" class="nowrap">[^<]+</th><td class="[^"]*">.*</td>(<td.*</td>)?</tr>'
)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", ["clicksoko", "rules", "trend"])
def test_a_violation_is_named_by_what_it_is_and_whose(pages: dict[tuple[str, str], Path], name: str, lang: str) -> None:
    """A violation's row was named by its time, which says nothing of what a reader moving along its cells
    hears about (two violations fall due at one time) while its id (``INC-001``, ``OUT-04``) was a data cell:
    the row is named by its kind and its id, which read together tell its rows apart (an incident has a
    response breach and a target's; an outage two late notices: each of another kind or its id's)."""
    html = pages[name, lang].read_text("utf-8")
    table = html[html.index('<section id="violations">') :].split("</section>", 1)[0]
    rows = re.findall(r"<tr>.*?</tr>", table.split("<tbody>", 1)[1], re.S)
    assert len(rows) >= 2
    for row in rows:
        assert _VIOLATION.fullmatch(row), row
    named = [tuple(re.findall(r'<th scope="row"[^>]*>([^<]*)</th>', r)) for r in rows]
    assert len(set(named)) == len(named) or name == "rules", named  # (two rules' late notices: one kind, id)
    if name == "clicksoko":
        kind = "応答目標の未達" if lang == "ja" else "response target breached"
        assert named[0] == (kind, "INC-001"), named[0]


#: Every table cell's style and box: turned into a ``<td>``, a row header must give the same.
_LOOK = """(() => {
  const props = ['color', 'backgroundColor', 'fontWeight', 'fontSize', 'textAlign', 'whiteSpace', 'paddingLeft',
    'paddingTop', 'borderTopWidth', 'position', 'display', 'minWidth', 'wordBreak', 'overflowWrap', 'boxShadow'];
  return Array.from(document.querySelectorAll('tbody td, tbody th')).map(c => {
    const s = getComputedStyle(c), r = c.getBoundingClientRect();
    return [...props.map(p => s[p]), getComputedStyle(c, '::before').content,
            Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)];
  });
})()"""
_AS_TD = """document.querySelectorAll('th[scope=row]').forEach(th => {
  const td = document.createElement('td');
  for (const a of th.attributes) if (a.name !== 'scope') td.setAttribute(a.name, a.value);
  td.innerHTML = th.innerHTML; th.replaceWith(td);
}); location.hash = ''; location.hash = '#art-3-2'"""


@needs_chromium
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", ["clicksoko", "rules", "trend"])
@pytest.mark.parametrize(("media", "width"), [("screen", 1280), ("screen", 375), ("print", 794)])
def test_a_row_header_looks_as_the_cell_it_was(
    pages: dict[tuple[str, str], Path], browser: Browser, name: str, lang: str, media: str, width: int
) -> None:
    browser.call("Emulation.setEmulatedMedia", session=True, media=media)
    try:
        browser.open(pages[name, lang].as_uri() + "#art-3-2", width=width, height=900)  # (an article :target)
        headers = browser.evaluate("document.querySelectorAll('tbody th[scope=row]').length")
        assert headers > 10
        as_headers = browser.evaluate(_LOOK)
        browser.evaluate(_AS_TD)
        assert browser.evaluate("document.querySelectorAll('tbody th').length") == 0
        as_cells = browser.evaluate(_LOOK)
    finally:
        browser.call("Emulation.setEmulatedMedia", session=True, media="")
    assert len(as_headers) == len(as_cells)
    changed = [(n, h, c) for n, (h, c) in enumerate(zip(as_headers, as_cells, strict=True)) if h != c]
    assert changed == [], changed[:3]


@needs_chromium
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_browser_reads_them_as_row_headers(pages: dict[tuple[str, str], Path], browser: Browser, lang: str) -> None:
    browser.open(pages["clicksoko", lang].as_uri(), width=1280, height=900)
    rows = browser.evaluate("document.querySelectorAll('tbody tr').length")
    nodes = browser.call("Accessibility.getFullAXTree", session=True)["nodes"]
    violations = browser.evaluate("document.querySelectorAll('#violations tbody tr').length")
    headers = [n for n in nodes if n.get("role", {}).get("value") == "rowheader"]
    assert len(headers) == rows + violations  # (a violation's row has two: its kind and its id)
    first = "P1 優先度１の応答" if lang == "ja" else "P1 Priority 1: response"
    assert headers[0].get("name", {}).get("value") == first
    names = [n.get("name", {}).get("value") for n in headers]
    kind = "応答目標の未達" if lang == "ja" else "response target breached"
    assert [kind, "INC-001"] == names[names.index(kind) : names.index(kind) + 2]
