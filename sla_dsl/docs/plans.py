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
        "eq": "{a}が {v} ",
        "ne": "{a}が {v} 以外",
        "in": "{a}が {v} のいずれか",
        "not_in": "{a}が {v} のいずれでもない",
        "and": "、かつ",
        "only_for": "{c}の場合に限ります。",
        "customers": "{c}の顧客",
        "others": "その他の顧客",
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
        "eq": "{a} is {v}",
        "ne": "{a} is not {v}",
        "in": "{a} is one of {v}",
        "not_in": "{a} is none of {v}",
        "and": " and ",
        "only_for": "Only when {c}.",
        "customers": "customers whose {c}",
        "others": "other customers",
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


def condition_words(model: m.PolicyModel, cond: m.Condition, lang: str) -> str:
    """A ``when`` condition in words, with the attributes' labels: ``契約プランが premium``."""
    sep = "・" if lang == "ja" else ", "
    parts = []
    for t in cond.tests:
        key = ("not_in" if len(t.values) > 1 else "ne") if t.negated else ("in" if len(t.values) > 1 else "eq")
        parts.append(_w(lang, key, a=_attr_label(model, t.attribute, lang), v=sep.join(t.values)))
    return _w(lang, "and").join(parts)


def only_for(model: m.PolicyModel, cond: m.Condition, lang: str) -> str:
    """The line of a rule with ``when`` (a notify rule) saying whom it applies to."""
    return _w(lang, "only_for", c=condition_words(model, cond, lang))


def credit_table(services: Sequence[m.Service], lang: str, table: Table, model: m.PolicyModel | None = None) -> None:
    """Write the credit table of the services that owe credits, one block per target: those with
    ``when`` for the customers they name (issue 13), the other for the rest (nothing when none owes)."""
    rows: list[str] = []
    for svc in services:
        targets = [
            (t.percent, t.period, t.credits, condition_words(model, t.when, lang) if model and t.when else "")
            for t in svc.plan_targets
        ]
        if svc.availability_target is not None:
            others = _w(lang, "others") if svc.plan_targets else ""
            targets.append((svc.availability_target, svc.period, svc.credits, others))
        for percent, period, credits, who in targets:
            rows += _credit_rows(svc, percent, period, credits, who, lang)
    if rows:
        table("credits", [_w(lang, k) for k in ("service", "figure", "credit")], rows)


def _credit_rows(
    svc: m.Service, percent: float, per: m.MeasurePeriod, credits: Sequence[m.CreditTier], who: str, lang: str
) -> list[str]:
    rows: list[str] = []
    if credits:
        name = tx.esc(svc.label.text(lang) or svc.name)
        if who:
            name += f"<br><small>{tx.esc(who if who == _w(lang, 'others') else _w(lang, 'customers', c=who))}</small>"
        period = _w(lang, per.value)
        for i, tier in enumerate(sorted(credits, key=lambda t: -t.below)):
            first = f"{name}<br><small>{tx.esc(_w(lang, 'target_line', p=tx.percent(percent)))}, "
            first += f"{tx.esc(period)}</small>"
            rows.append(
                f"<tr><td>{first if i == 0 else ''}</td><td>{tx.esc(_w(lang, 'below', p=tx.percent(tier.below)))}</td>"
                f"<td><strong>{tx.esc(tx.percent(tier.credit))}</strong></td></tr>"
            )
    return rows
