"""Every statement the grammar gives a declaration is read by its builder; none is silently ignored.

The calendar builder (and the builders of the header, services, planned stops, maintenance windows,
clocks, priorities, notify and backup rules, attributes and items) chose a statement's reading by
its name with no last branch: a statement the grammar gained but the builder did not learn was
dropped without a word. Each now ends with an internal error; a policy using every alternative of
every `_..._stmt` rule of the grammar is read without one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lark import Token, Tree
from policy_edits import CLICKSOKO

from sla_dsl.lang.compile import compile_text
from sla_dsl.lang.parser import parse_tree
from sla_dsl.lang.transformer import Builder

ROOT = Path(__file__).resolve().parents[2]
GRAMMAR = (ROOT / "grammars" / "sla.lark").read_text(encoding="utf-8")

EXAMPLES = "".join(p.read_text("utf-8") for p in sorted((ROOT / "policies" / "examples").glob("*.sla")))
#: what the bundled policies do not write: one of each other statement
MORE = """
calendar extra {
  days mon..fri
  hours 09:00-17:00
  open 2026-12-26
  holiday yearly 05-01 "メーデー" / "May Day"
}
clock extra {
  starts at incident.reported
  not due at incident.info_provided until incident.customer_replied
  stops at incident.resolved
  resets at incident.reprioritized
  restarts at incident.reopened
  cancels at incident.withdrawn
}
maintenance monthly {
  every month on 1st sun, 02:00-04:00
  counts as downtime
}
maintenance weekly {
  every month on last sun, 02:00-03:00
  notice 3 days before
}
attribute region {
  values east, west
  changes at incident.region_changed
}
priority P9 {
  respond by end of 1st business day
  respond within 2 business hours on extra
  resolve by 16:00 of 2nd business day on extra
  credit 5% per breach, at most 25% monthly
  first reply by end of 1st business day on extra
  respond by end of 1st business day on extra
}
"""


def _alternatives() -> dict[str, set[str]]:
    """The statements of each `_..._stmt` rule, by the names their trees carry (a rule's aliases)."""
    out: dict[str, set[str]] = {}
    for rule, body in re.findall(r"^(_\w+_stmt):\s*(.+)$", GRAMMAR, re.M):
        names: set[str] = set()
        for alt in (a.strip() for a in body.split("|")):
            block = re.search(rf"^{alt}:(.*?)(?=^\S)", GRAMMAR, re.M | re.S)
            aliases = re.findall(r"->\s*(\w+)", block.group(1)) if block else []
            names |= set(aliases) or {alt}
        out[rule] = names
    return out


def _statements(tree: Tree[Token]) -> set[str]:
    return {
        str(st.data) for decl in tree.children if isinstance(decl, Tree) for st in decl.children if isinstance(st, Tree)
    }


def test_every_statement_of_the_grammar_is_read() -> None:
    tree = parse_tree(CLICKSOKO + EXAMPLES + MORE)  # (nothing dropped before the builders)
    wanted = set().union(*_alternatives().values())
    assert "c_open" in wanted and "q_respond_on" in wanted
    assert wanted - _statements(tree) == set()  # a statement the grammar gains needs a line here
    Builder("all.sla", 0).build(tree)  # no internal error: every statement has its reading
    compile_text(CLICKSOKO + MORE, "more.sla")


def test_every_calendar_statement_is_in_the_sample() -> None:
    cal_stmts = _alternatives()["_cal_stmt"]
    assert {"c_days", "c_hours", "c_holidays", "c_holiday", "c_holiday_yearly", "c_open", "note"} <= cal_stmts
    assert cal_stmts - _statements(parse_tree(CLICKSOKO + EXAMPLES + MORE)) == set()


KINDS = ["header", "calendar", "service", "planned_stop", "maintenance", "clock", "priority", "notify", "backup",
         "attribute", "item"]  # fmt: skip


@pytest.mark.parametrize("kind", KINDS)
def test_a_statement_no_builder_knows_is_an_internal_error(kind: str) -> None:
    tree = parse_tree(CLICKSOKO + EXAMPLES + MORE)
    decl = next(d for d in tree.children if isinstance(d, Tree) and d.data == kind)
    decl.children.append(Tree("zz_new_statement", []))
    with pytest.raises(AssertionError, match="zz_new_statement"):
        Builder("t.sla", 0).build(Tree("start", [decl]))
