"""The site's generated tables name each row by a row header, as the report's do (WCAG 1.3.1).

The policy page's tables (the services' hours, the SLA items, the maintenance windows, the backups, the
priorities, the worked examples, the versions), the plan tables and the engineers' schema tables began
each row with a ``<td>``: a screen reader moving along a row read ``24時間365日`` or ``string`` without the
service or the field it is about. The cell that names the row (the service, the item's name, the window's
date, the backup, the priority, the version, the field) is now a ``<th scope="row">``, and looks as the
``<td>`` it was: each page is laid out again with its row headers turned back into ``<td>`` and every
cell must keep its style and box, on a desk's screen, a phone's and paper.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sla_dsl.i18n import message

from .cdp import Browser, headless, needs_chromium
from .conftest import POLICY_PAGE, Build
from .htmltables import tables

SCHEMA_PAGE = {"ja": "engineers/events", "en": "en/engineers/events"}
#: The plans example's page, which has the credit table (``credit below 99.9% 10%, ...``)
PLANS_PAGE = {"ja": "sla/plans-example", "en": "en/sla/plans-example"}
#: Each table of the policy page and the name its first row is headed by (Click So-ko, in each language).
FIRST = {
    "ja": {
        "service-hours": "デジタルコンテンツ管理サービス",
        "sla-items": "サービス提供時間帯",
        "backups": "データベースバックアップサービス",
    },
    "en": {
        "service-hours": "Digital content management service",
        "sla-items": "Service hours",
        "backups": "Database backup service",
    },
}


def _rows(html: str, table: str) -> list[str]:
    body = html.split(f'<table id="{table}">', 1)[1].split("</table>", 1)[0].split("<tbody>", 1)[1]
    return [r for r in body.split("<tr")[1:]]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_row_of_the_policy_page_is_named_by_its_header(site: Build, lang: str) -> None:
    html = site.page(POLICY_PAGE[lang])
    for table in ("service-hours", "sla-items", "maintenance-windows", "backups", "priorities", "versions"):
        rows = _rows(html, table)
        assert rows, table
        headed = [r for r in rows if '<th scope="row"' in r]
        if table == "sla-items":  # an item over its backups' lines: one header spanning them
            assert all(r.count("<th") <= 1 for r in rows) and len(headed) >= len(rows) - 3, table
        else:
            assert len(headed) == len(rows) and all(r.count("<th") == 1 for r in rows), table
        if table in FIRST[lang]:
            header = headed[0].split('<th scope="row"', 1)[1].split(">", 1)[1]
            assert header.startswith(FIRST[lang][table]), (table, header[:80])


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_field_of_the_schema_tables_heads_its_row(site: Build, lang: str) -> None:
    html = site.page(SCHEMA_PAGE[lang])
    field = f"<thead><tr><th>{message('site.schema.field', lang)}</th>"  # (the generated tables, not the page's own)
    tables = [t.split("</table>", 1)[0] for t in html.split("<table>")[1:] if t.startswith(field)]
    assert len(tables) > 3
    rows = [r for t in tables for r in t.split("<tbody>", 1)[1].split("<tr")[1:]]
    assert len(rows) > 20
    assert all(r.startswith('><th scope="row"><code>') for r in rows), [r for r in rows if "<th" not in r][:3]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_row_of_the_credit_table_is_named_by_its_service_and_target(site: Build, lang: str) -> None:
    """A target's credits are a row per tier whose first cell, the service and target, was a ``<td>``, and
    empty after the first row: a reader heard ``99.5% 未満``, ``25%`` of no service. Each row's first cell is
    a row header; on the rows after a target's first it says the same, visually hidden (the cell is drawn
    empty as it was)."""
    rows = _rows(site.page(PLANS_PAGE[lang]), "credits")
    assert len(rows) == 6, rows  # (the content service's two targets, premium customers' and the others', 3 tiers)
    service = "コンテンツ配信" if lang == "ja" else "Content delivery"
    for n, row in enumerate(rows):
        assert row.startswith('><th scope="row">') and row.count("<th") == 1 and row.count("<td") == 2, row
        head = row.split('<th scope="row">', 1)[1].split("</th>", 1)[0]
        first = rows[n - n % 3].split('<th scope="row">', 1)[1].split("</th>", 1)[0]
        assert head.startswith(service) if n % 3 == 0 else head == f'<span class="sla-vh">{first}</span>', head
    shown = [r.cells[0] for r in tables(site.page(PLANS_PAGE[lang]))["credits"][1:]]
    assert [bool(c) for c in shown] == [True, False, False] * 2, shown  # (drawn empty after a target's first)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    yield from headless(tmp_path_factory)


_LOOK = """(() => {
  const props = ['color', 'backgroundColor', 'fontWeight', 'fontSize', 'textAlign', 'whiteSpace', 'paddingLeft',
    'paddingTop', 'borderTopWidth', 'borderTopStyle', 'borderTopColor', 'minWidth', 'wordBreak', 'overflowWrap',
    'verticalAlign', 'textDecorationLine'];
  return Array.from(document.querySelectorAll('table td, table th')).map(c => {
    const s = getComputedStyle(c), r = c.getBoundingClientRect();
    return [...props.map(p => s[p]), Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)];
  });
})()"""
_AS_TD = """document.querySelectorAll('th[scope=row]').forEach(th => {
  const td = document.createElement('td');
  for (const a of th.attributes) if (a.name !== 'scope') td.setAttribute(a.name, a.value);
  td.innerHTML = th.innerHTML; th.replaceWith(td);
})"""


@needs_chromium
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page", ["policy", "schema", "plans"])
@pytest.mark.parametrize(("media", "width"), [("screen", 1280), ("screen", 375), ("print", 1280)])
def test_a_row_header_looks_as_the_cell_it_was(
    site: Build, browser: Browser, lang: str, page: str, media: str, width: int
) -> None:
    uri = {"policy": POLICY_PAGE, "schema": SCHEMA_PAGE, "plans": PLANS_PAGE}[page][lang]
    browser.call("Emulation.setEmulatedMedia", session=True, media=media)
    try:
        browser.open((Path(site.site) / uri / "index.html").as_uri(), width=width, height=900)
        assert browser.evaluate("document.querySelectorAll('tbody th[scope=row]').length") > 5
        as_headers = browser.evaluate(_LOOK)
        browser.evaluate(_AS_TD)
        as_cells = browser.evaluate(_LOOK)
    finally:
        browser.call("Emulation.setEmulatedMedia", session=True, media="")
    changed = [(n, h, c) for n, (h, c) in enumerate(zip(as_headers, as_cells, strict=True)) if h != c]
    assert changed == [], changed[:3]


_AS_BEFORE = """document.querySelectorAll('#credits th[scope=row]').forEach(th => {
  const td = document.createElement('td');
  if (!th.querySelector(':scope > .sla-vh')) td.innerHTML = th.innerHTML;
  th.replaceWith(td);
})"""


@needs_chromium
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("media", "width"), [("screen", 1280), ("screen", 375), ("print", 1280)])
def test_the_credit_table_looks_as_it_did(site: Build, browser: Browser, lang: str, media: str, width: int) -> None:
    """The credit table laid out again as it was (a ``<td>`` first, empty after a target's first row): every
    cell keeps its style and box, the hidden names taking no room."""
    browser.call("Emulation.setEmulatedMedia", session=True, media=media)
    try:
        browser.open((Path(site.site) / PLANS_PAGE[lang] / "index.html").as_uri(), width=width, height=900)
        assert browser.evaluate("document.querySelectorAll('#credits th[scope=row]').length") == 6
        now = browser.evaluate(_LOOK)
        browser.evaluate(_AS_BEFORE)
        before = browser.evaluate(_LOOK)
    finally:
        browser.call("Emulation.setEmulatedMedia", session=True, media="")
    changed = [(n, h, c) for n, (h, c) in enumerate(zip(now, before, strict=True)) if h != c]
    assert changed == [], changed[:3]


@needs_chromium
def test_the_browser_names_each_credit_row(site: Build, browser: Browser) -> None:
    browser.open((Path(site.site) / PLANS_PAGE["ja"] / "index.html").as_uri(), width=1280, height=900)
    nodes = browser.call("Accessibility.getFullAXTree", session=True)["nodes"]
    names = [n.get("name", {}).get("value", "") for n in nodes if n.get("role", {}).get("value") == "rowheader"]
    credits = [x for x in names if "目標 99." in x]
    assert len(credits) == 6 and all(x.startswith("コンテンツ配信") for x in credits), names


@needs_chromium
def test_the_browser_reads_them_as_row_headers(site: Build, browser: Browser) -> None:
    browser.open((Path(site.site) / POLICY_PAGE["ja"] / "index.html").as_uri(), width=1280, height=900)
    nodes = browser.call("Accessibility.getFullAXTree", session=True)["nodes"]
    names = [n.get("name", {}).get("value", "") for n in nodes if n.get("role", {}).get("value") == "rowheader"]
    assert browser.evaluate("document.querySelectorAll('tbody th[scope=row]').length") == len(names)
    assert any(name.startswith(FIRST["ja"]["service-hours"]) for name in names), names[:5]
