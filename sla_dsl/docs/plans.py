"""The docs site's plan table (which rule of a priority applies to which attribute values)
and credit table (the service credits per availability figure), in Japanese and English.

Design notes
------------
* The plan table lists, for each priority with ``when`` rules, every
  combination of the values of the attributes they test and the rule that
  applies to it (first match in file order, :mod:`sla_dsl.lang.conditions`):
  an author and a customer read the outcome, not the rules' order.
* Values are shown as the policy writes them (they are what events carry);
  every other word is in both languages here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..lang import conditions
from ..lang import model as m
from . import text as tx

WORDS: dict[str, dict[str, str]] = {
    "ja": {
        "plan": "属性",
        "priority": "優先度",
        "rule": "適用される規定",
        "target": "応答目標",
        "service": "サービス",
        "figure": "稼働率（測定期間ごと）",
        "credit": "サービスクレジット（料金に対する割合）",
        "below": "{p} 未満",
        "target_line": "目標 {p}",
        "month": "月ごと",
        "quarter": "四半期ごと",
        "period": "評価期間ごと",
    },
    "en": {
        "plan": "Attributes",
        "priority": "Priority",
        "rule": "Rule that applies",
        "target": "Response target",
        "service": "Service",
        "figure": "Availability (per measurement period)",
        "credit": "Service credit (share of the fee)",
        "below": "below {p}",
        "target_line": "target {p}",
        "month": "monthly",
        "quarter": "quarterly",
        "period": "per evaluated period",
    },
}

#: what the page renderer gives these tables: its language, a table writer, a label reader, a target wording
Table = Callable[[str, Sequence[str], Sequence[str]], None]


def _w(lang: str, key: str, **values: object) -> str:
    text = WORDS.get(lang, WORDS["en"])[key]
    return text.format(**values) if values else text


def plan_rows(model: m.PolicyModel, lang: str, target: Callable[[m.Target], str]) -> list[str]:
    """Rows of the plan table: (attribute values, priority, rule label, target) for each combination."""
    rows: list[str] = []
    for pid, rules in conditions.by_id(model).items():
        if all(r.when is None for r in rules):
            continue
        combos = conditions.assignments(model, rules) or []
        defaults = conditions.defaults(model)
        for combo in combos:
            full = {**defaults, **combo}
            rule = conditions.select(rules, full)
            if rule is None:
                continue
            shown = ", ".join(f"{_attr_label(model, k, lang)} = {v}" for k, v in combo.items())
            rows.append(
                f"<tr><td>{tx.esc(shown)}</td><td>{tx.esc(pid)}</td>"
                f"<td>{tx.esc(rule.label.text(lang) or pid)}</td><td>{tx.esc(target(rule.target))}</td></tr>"
            )
    return rows


def _attr_label(model: m.PolicyModel, name: str, lang: str) -> str:
    attr = next((a for a in model.attributes if a.name == name), None)
    return (attr.label.text(lang) if attr else "") or name


def plan_table(model: m.PolicyModel, lang: str, table: Table, target: Callable[[m.Target], str]) -> None:
    """Write the plan table (nothing when no priority has conditions)."""
    rows = plan_rows(model, lang, target)
    if rows:
        head = [_w(lang, k) for k in ("plan", "priority", "rule", "target")]
        table("plans", head, rows)


def credit_table(services: Sequence[m.Service], lang: str, table: Table) -> None:
    """Write the credit table of the services that owe credits (nothing when none does)."""
    rows: list[str] = []
    for svc in services:
        if not svc.credits or svc.availability_target is None:
            continue
        name = tx.esc(svc.label.text(lang) or svc.name)
        period = _w(lang, svc.period.value)
        for i, tier in enumerate(sorted(svc.credits, key=lambda t: -t.below)):
            first = f"{name}<br><small>{tx.esc(_w(lang, 'target_line', p=tx.percent(svc.availability_target)))}, "
            first += f"{tx.esc(period)}</small>"
            rows.append(
                f"<tr><td>{first if i == 0 else ''}</td><td>{tx.esc(_w(lang, 'below', p=tx.percent(tier.below)))}</td>"
                f"<td><strong>{tx.esc(tx.percent(tier.credit))}</strong></td></tr>"
            )
    if rows:
        table("credits", [_w(lang, k) for k in ("service", "figure", "credit")], rows)
