"""The plan table of a priority whose attributes have too many combinations to list.

The table lists every combination of the values the rules test and the rule
that applies. Beyond 4,096 combinations it listed nothing, and the page then
read as if the priority had no rules chosen by attributes. Now it lists the
rules in file order, each with its condition in words: the first that holds
applies.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from sla_dsl.docs.render import PageContext, render_policy
from sla_dsl.lang import conditions
from sla_dsl.policy import load_policy
from sla_dsl.policy.compiled import Policy

from .conftest import ROOT

PLANS = ROOT / "policies/examples/plans.sla"
#: 13 more attributes of two values each: 2**13 * 2 * 2 combinations, past the 4,096 listed
ATTRIBUTE = 'attribute a{k} "属性{k}" / "Attribute {k}" {{\n  value x "エックス" / "X"\n  value y "ワイ" / "Y"\n'
EXTRA = "".join(ATTRIBUTE.format(k=k) + "  default x\n}\n\n" for k in range(13))
WHEN = " and ".join(f"a{k} = y" for k in range(13))


def _policy(tmp_path: Path) -> Policy:
    text = PLANS.read_text("utf-8")
    old = "  when plan = premium\n  respond within 1 hour\n"
    assert text.count(old) == 1
    text = text.replace(old, f"  when plan = premium and {WHEN}\n  respond within 1 hour\n")
    at = text.index("calendar business ")
    path = tmp_path / "plans.sla"
    path.write_text(text[:at] + EXTRA + text[at:], "utf-8")
    return load_policy(str(path))


def _rows(page: str) -> list[list[str]]:
    table = re.search(r'<table[^>]*id="plans"[^>]*>(.*?)</table>|id="plans".*?<table[^>]*>(.*?)</table>', page, re.S)
    assert table is not None, "no plan table"
    body = table.group(1) or table.group(2)
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    cells = [
        [
            html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
            for c in re.findall(r'<(?:td|th scope="row")>(.*?)</t[dh]>', r, re.S)
        ]
        for r in rows
    ]
    return [c for c in cells if c]


def test_the_policy_is_past_the_limit(tmp_path: Path) -> None:
    policy = _policy(tmp_path)
    rules = conditions.by_id(policy.model)["P1"]
    assert conditions.assignments(policy.model, rules) is None  # (too many to list)


@pytest.mark.parametrize(
    ("lang", "first", "last"),
    [
        ("ja", "1. 契約プランがプレミアム、かつ属性0がワイ", "2. 上記以外（上から順に、最初に当てはまる規定）"),
        ("en", "1. Plan is Premium and Attribute 0 is Y", "2. none of the above (the first that holds, from the top)"),
    ],
)
def test_the_rules_are_listed_in_order_with_their_conditions(tmp_path: Path, lang: str, first: str, last: str) -> None:
    page = render_policy(_policy(tmp_path), PageContext(lang=lang, source_url=""))
    # (a priority by its rules' labels, as the report names it, never by its id)
    urgent, high = (
        ("緊急（プレミアム）／緊急", "高（英語窓口）／高")
        if lang == "ja"
        else ("Urgent (premium) / Urgent", "High (English line) / High")
    )
    p1 = [r for r in _rows(page) if r[1] == urgent]
    assert len(p1) == 2, p1
    assert p1[0][0].startswith(first) and p1[1][0] == last
    assert p1[0][2] == ("緊急（プレミアム）" if lang == "ja" else "Urgent (premium)")
    # the other priority keeps its table of combinations
    assert any(r[1] == high and "=" in r[0] for r in _rows(page))
