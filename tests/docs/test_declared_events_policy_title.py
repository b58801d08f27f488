"""The engineers' list of the event types the site's policies declare names each policy as the site does.

Its last column printed the policy's internal name (``sla "Helpdesk"``: ``Helpdesk 1.0``) on the Japanese
page too, while the navigation and the policy's page call it by its title in the page's language
(``ヘルプデスク サービスレベル合意書``). It now says the title in the page's language with the version; a
policy without a title keeps its name.
"""

from __future__ import annotations

import re

import pytest

import sla_dsl
from sla_dsl.docs.event_types import declared_markdown

from .conftest import ROOT, Build
from .htmltables import tables

HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"
TITLE = {"ja": "ヘルプデスク サービスレベル合意書", "en": "Helpdesk service level agreement"}


def _row(table: str) -> list[str]:
    row = next(line for line in table.splitlines() if line.startswith("| `incident.chat_started` |"))
    return [cell.strip() for cell in row.strip("|").split(" | ")]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_policy_column_is_the_title_in_the_pages_language(lang: str) -> None:
    model = sla_dsl.load_policy(HELPDESK).model
    row = _row(declared_markdown([("Helpdesk 1.0", model)], lang))
    assert row == ["`incident.chat_started`", "チャット開始", "Chat started", f"{TITLE[lang]} 1.0"], row
    assert "Helpdesk 1.0" not in row


def test_a_policy_without_a_title_keeps_its_name_and_a_bar_stays_in_its_cell() -> None:
    text = HELPDESK.read_text("utf-8")
    untitled = re.sub(r'\n  title "[^"]*" / "[^"]*"', "", text)
    assert untitled != text
    assert _row(declared_markdown([("Helpdesk 1.0", sla_dsl.load_policy(untitled).model)], "ja"))[3] == "Helpdesk 1.0"
    barred = text.replace('"Helpdesk service level agreement"', '"Helpdesk | desk"')
    row = _row(declared_markdown([("Helpdesk 1.0", sla_dsl.load_policy(barred).model)], "en"))
    assert len(row) == 4 and row[3] == "Helpdesk &#124; desk 1.0", row


@pytest.mark.parametrize(("uri", "lang"), [("engineers/events", "ja"), ("en/engineers/events", "en")])
def test_the_built_page_names_the_policy_as_its_navigation_does(site: Build, uri: str, lang: str) -> None:
    html = site.page(uri)
    rows = [r.cells for t in tables(html).values() for r in t[1:] if r.cells[:1] == ["incident.chat_started"]]
    assert rows == [["incident.chat_started", "チャット開始", "Chat started", f"{TITLE[lang]} 1.0"]], rows
    # the same words as the page's navigation entry of the policy
    entry = r'href="[./]*sla/helpdesk/" class="md-nav__link">\s*<span class="md-ellipsis">\s*([^<]*?)\s*<'
    nav = re.search(entry, html)
    assert nav is not None and nav.group(1) == TITLE[lang]
