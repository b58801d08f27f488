"""Every ``note`` the grammar accepts is on the policy page, and the SLA-items table names every rule it links.

The language reference says a note is "text for readers, shown with the rule on the site", but the page
showed the notes of six kinds of block only: those on a priority, a backup or an attribute were dropped.
The kinds are read from the grammar (every declaration whose statements include ``note``), so a kind
added later without its note on the page fails here.

The items table's details cell named a ``clock`` or ``exclude`` rule by its internal name
(``response、fm、営業``): every kind of the grammar's ``!rule_kind`` list is named by its label.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from lark import Lark
from lark.grammar import NonTerminal

from sla_dsl.docs.render import PageContext, render_policy
from sla_dsl.lang.parser import build_parser
from sla_dsl.policy import load_policy

from .conftest import ROOT

HEADER = """sla "Notes" {
  format 1
  version "1.0"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages ja, en
}

calendar business "営業日" / "Business days" {
  days mon..fri
  hours 09:00-17:00
}
"""

#: a declaration of each kind the grammar lets carry a note, with a note ``{note}``
BLOCKS: dict[str, str] = {
    "calendar": 'calendar evening "夜間窓口" / "Evening desk" {\n  days mon..fri\n  hours 18:00-22:00\n  {note}\n}\n',
    "service": 'service content "配信" / "Delivery" {\n  hours business\n  {note}\n}\n',
    "planned_stop": 'planned stop "計画停止" / "Planned stops" {\n  notice 1 week before start by email\n  {note}\n}\n',
    "maintenance": 'maintenance monthly "定期保守" / "Maintenance" {\n  every month on 1st mon, 01:00-02:00\n'
    "  notice none\n  {note}\n}\n",
    "clock": 'clock response "応答" / "Response" {\n  starts at incident.reported\n  {note}\n}\n',
    "priority": 'priority P1 "緊急" / "Urgent" {\n  respond within 2 business hours\n  {note}\n}\n',
    "notify": 'notify recovery "復旧通知" / "Recovery notice" {\n  within 1 hour after outage.started\n'
    "  met by outage.notified\n  {note}\n}\n",
    "backup": 'backup db "データベース" / "Database" {\n  every 1 day\n  keep 7 days\n  {note}\n}\n',
    "attribute": 'attribute plan "契約プラン" / "Plan" {\n  value basic "ベーシック" / "Basic"\n'
    '  value gold "ゴールド" / "Gold"\n  default basic\n  {note}\n}\n',
}


def _reaches_note(parser: Lark, rule: str) -> bool:
    """Whether a statement of declaration ``rule`` can be ``note``: through the rules Lark inlines (``_x``) or
    made for ``*``/``?`` (``__x``), never into another named rule."""
    bodies: dict[str, list[str]] = {}
    for r in parser.rules:
        bodies.setdefault(r.origin.name, []).extend(s.name for s in r.expansion if isinstance(s, NonTerminal))
    seen, todo = set(), [rule]
    while todo:
        name = todo.pop()
        for sub in bodies.get(name, []):
            if sub == "note":
                return True
            if sub.startswith("_") and sub not in seen:
                seen.add(sub)
                todo.append(sub)
    return False


def _kinds_with_notes() -> list[str]:
    parser = build_parser()
    declarations = {s.name for r in parser.rules if r.origin.name == "_decl" for s in r.expansion}
    return sorted(d for d in declarations if _reaches_note(parser, d))


KINDS = _kinds_with_notes()


def test_every_kind_with_a_note_has_a_declaration_here() -> None:
    assert "priority" in KINDS and "attribute" in KINDS  # (the grammar is read as meant)
    assert set(KINDS) == set(BLOCKS), "write a declaration with a note for each kind the grammar lets carry one"


def _page(tmp_path: Path, kind: str, lang: str) -> str:
    note = f'note "注記{kind}です" / "Note on the {kind}"'
    path = tmp_path / f"{kind}.sla"
    path.write_text(HEADER + "\n" + BLOCKS[kind].replace("{note}", note), "utf-8")
    return render_policy(load_policy(path), PageContext(lang=lang, source_url=""))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("lang", "said"), [("ja", "注記{kind}です"), ("en", "Note on the {kind}")], ids=["ja", "en"])
def test_the_note_is_on_the_page(tmp_path: Path, kind: str, lang: str, said: str) -> None:
    page = _page(tmp_path, kind, lang)
    assert said.format(kind=kind) in page


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_attribute_is_listed_with_its_values_and_default(tmp_path: Path, lang: str) -> None:
    page = _page(tmp_path, "attribute", lang)
    item = re.search(r'<li id="attribute-plan">(.*?)</li>', page, re.S)
    assert item is not None
    text = html.unescape(re.sub(r"<[^>]+>", " ", item.group(1)))
    if lang == "ja":
        assert "契約プラン" in text and "ベーシック、ゴールド（指定がない場合はベーシック）" in text
    else:
        assert "Plan" in text and "Basic, Gold (Basic when none is given)" in text
    assert "basic" not in text and "gold" not in text


# -- the SLA-items table -------------------------------------------------------------------------

#: a declaration of each kind an item's ``rules`` may name, with its label in each language
RULES: dict[str, tuple[str, str, str, str]] = {
    # kind: (name, declaration, Japanese label, English label)
    "calendar": ("business", "", "営業日", "Business days"),
    "service": (
        "svc_x",
        'service svc_x "配信サービス" / "Delivery service" {\n  hours business\n}\n',
        "配信サービス",
        "Delivery service",
    ),
    "maintenance": (
        "mt_x",
        'maintenance mt_x "定期保守" / "Regular upkeep" {\n  every month on 1st mon, 01:00-02:00\n  notice none\n}\n',
        "定期保守",
        "Regular upkeep",
    ),
    "clock": (
        "clk_x",
        'clock clk_x "応答の起算" / "Response start" {\n  starts at incident.reported\n}\n',
        "応答の起算",
        "Response start",
    ),
    "priority": ("P1", 'priority P1 "緊急" / "Urgent" {\n  respond within 2 business hours\n}\n', "緊急", "Urgent"),
    "notify": (
        "ntf_x",
        'notify ntf_x "復旧通知" / "Recovery notice" {\n  within 1 hour after outage.started\n'
        "  met by outage.notified\n}\n",
        "復旧通知",
        "Recovery notice",
    ),
    "backup": ("bk_x", 'backup bk_x "データベース" / "Database" {\n  every 1 day\n}\n', "データベース", "Database"),
    "exclude": ("ex_x", 'exclude ex_x "不可抗力" / "Force majeure"\n', "不可抗力", "Force majeure"),
}


def _rule_kinds() -> list[str]:
    grammar = (ROOT / "grammars/sla.lark").read_text("utf-8")
    line = re.search(r"^!rule_kind:(.*)$", grammar, re.M)
    assert line is not None
    return re.findall(r'"([a-z_]+)"', line.group(1))


def test_every_rule_kind_has_a_declaration_here() -> None:
    assert set(_rule_kinds()) == set(RULES)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_items_table_names_every_rule_by_its_label(tmp_path: Path, lang: str) -> None:
    kinds = _rule_kinds()
    refs = ", ".join(f"{k} {RULES[k][0]}" for k in kinds)
    text = HEADER + "".join(RULES[k][1] for k in kinds)
    text += f'item 1 "項目" / "Item" {{\n  description "説明" / "Description"\n  rules {refs}\n}}\n'
    path = tmp_path / "items.sla"
    path.write_text(text, "utf-8")
    page = render_policy(load_policy(path), PageContext(lang=lang, source_url=""))
    row = re.search(r'<tr id="item-1">(.*?)</tr>', page, re.S)
    assert row is not None
    links = dict(re.findall(r'<a href="#([a-z0-9-]+)">(.*?)</a>', row.group(1)))
    for k in kinds:
        name, _, ja, en = RULES[k]
        ident = re.sub(r"[^a-z0-9]+", "-", f"{k}-{name}".lower())
        assert html.unescape(links.get(ident, "")) == (ja if lang == "ja" else en), (k, links)


@pytest.mark.parametrize(("lang", "said"), [("ja", "応答目標時間"), ("en", "response")], ids=["ja", "en"])
def test_an_unlabelled_clock_is_named_by_what_it_measures(tmp_path: Path, lang: str, said: str) -> None:
    text = HEADER + "clock clk_x {\n  starts at incident.reported\n}\n"
    text += 'priority P1 "緊急" / "Urgent" {\n  respond within 2 business hours\n}\n'
    text += 'item 1 "項目" / "Item" {\n  rules clock clk_x\n}\n'
    path = tmp_path / "clock.sla"
    path.write_text(text, "utf-8")
    page = render_policy(load_policy(path), PageContext(lang=lang, source_url=""))
    assert f'<a href="#clock-clk-x">{said}</a>' in page
