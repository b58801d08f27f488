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

SCHEMA_PAGE = {"ja": "engineers/events", "en": "en/engineers/events"}
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
@pytest.mark.parametrize("page", ["policy", "schema"])
@pytest.mark.parametrize(("media", "width"), [("screen", 1280), ("screen", 375), ("print", 1280)])
def test_a_row_header_looks_as_the_cell_it_was(
    site: Build, browser: Browser, lang: str, page: str, media: str, width: int
) -> None:
    uri = (POLICY_PAGE if page == "policy" else SCHEMA_PAGE)[lang]
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


@needs_chromium
def test_the_browser_reads_them_as_row_headers(site: Build, browser: Browser) -> None:
    browser.open((Path(site.site) / POLICY_PAGE["ja"] / "index.html").as_uri(), width=1280, height=900)
    nodes = browser.call("Accessibility.getFullAXTree", session=True)["nodes"]
    names = [n.get("name", {}).get("value", "") for n in nodes if n.get("role", {}).get("value") == "rowheader"]
    assert browser.evaluate("document.querySelectorAll('tbody th[scope=row]').length") == len(names)
    assert any(name.startswith(FIRST["ja"]["service-hours"]) for name in names), names[:5]
