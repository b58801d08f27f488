"""The docs site's plan table (which rule of a priority applies to which attribute values)
and credit table (the service credits per availability figure), in Japanese and English.

Design notes
------------
* The plan table lists, for each priority with ``when`` rules, every
  combination of the values of the attributes they test and the rule that
  applies to it (first match in file order, :mod:`sla_dsl.lang.conditions`):
  an author and a customer read the outcome, not the rules' order.
* Beyond :data:`sla_dsl.lang.conditions.MAX_ASSIGNMENTS` combinations a priority's
  rows are its rules in file order, each with its condition in words and its
  place (``1. 契約プランがプレミアム``): the first that holds applies. The
  table was left empty there, as if the priority had no conditions.
* The priority column names a priority by its rules' label in the page's
  language, as the report and the change notice do (:func:`priority_name`);
  it showed the bare id (``P1``), an internal name on a Japanese page.
* Values are shown by their labels (``value premium "プレミアム" / "Premium"``,
  issue 16), by the names events carry only where the policy gives no label;
  every other word is in both languages in the typed catalogue
  (:mod:`sla_dsl.i18n.site_tables`, ``site.plans.*``).
* Each row of the credit table is named by its service and target, a ``<th scope="row">``: on a target's
  first row shown, on the rows of its other tiers (drawn empty, as before) visually hidden (``sla-vh``)
  for a screen reader, which read ``99.5% 未満``, ``25%`` there with no service or target (the cell was
  an empty ``<td>``). A cell spanning the tiers (``rowspan``) would name them too, but redraw the table:
  its rows' heights and lines.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from ..i18n import message
from ..lang import conditions
from ..lang import model as m
from ..report.words import priority_label
from . import text as tx

#: what the page renderer gives these tables: its language, a table writer, a label reader, a target wording
Table = Callable[[str, Sequence[str], Sequence[str]], None]


def _w(lang: str, key: str, **values: object) -> str:
    """The site's word ``site.plans.<key>`` in ``lang`` (English for any other language)."""
    return message(f"site.plans.{key}", lang, **values)


def plan_rows(model: m.PolicyModel, lang: str, target: Callable[[m.Target], str]) -> list[str]:
    """Rows of the plan table: (attribute values, priority, rule label, target) for each combination;
    for a priority whose attributes have too many combinations to list, one row per rule in file order
    with its condition in words (the first that holds applies: :func:`rule_rows`)."""
    rows: list[str] = []
    for pid, rules in conditions.by_id(model).items():
        if all(r.when is None for r in rules):
            continue
        combos = conditions.assignments(model, rules)
        if combos is None:
            rows += rule_rows(model, pid, rules, lang, target)
            continue
        defaults = conditions.defaults(model)
        for combo in combos:
            full = {**defaults, **combo}
            rule = conditions.select(rules, full)
            if rule is None:
                continue
            shown = values_words(model, combo, lang)
            rows.append(
                f'<tr><th scope="row">{tx.esc(shown)}</th><td>{tx.esc(priority_name(model, pid, lang))}</td>'
                f"<td>{tx.esc(rule.label.text(lang) or pid)}</td><td>{tx.esc(target(rule.target))}</td></tr>"
            )
    return rows


def rule_rows(
    model: m.PolicyModel, pid: str, rules: Sequence[m.Priority], lang: str, target: Callable[[m.Target], str]
) -> list[str]:
    """The rules of ``pid`` in file order, each with its condition in words (``上記以外`` for the rule
    without one): the plan table of a priority whose combinations are too many to list."""
    rows = []
    name = tx.esc(priority_name(model, pid, lang))
    for k, rule in enumerate(rules, 1):
        cond = condition_words(model, rule.when, lang) if rule.when is not None else _w(lang, "otherwise")
        rows.append(
            f'<tr><th scope="row">{tx.esc(_w(lang, "in_order", n=k, c=cond))}</th><td>{name}</td>'
            f"<td>{tx.esc(rule.label.text(lang) or pid)}</td><td>{tx.esc(target(rule.target))}</td></tr>"
        )
    return rows


def priority_name(model: m.PolicyModel, pid: str, lang: str) -> str:
    """A priority as the plan table's priority column names it: by the label of its rules in ``lang``, as the
    report and the change notice name it (:func:`sla_dsl.report.words.priority_label`: the label its rules
    share, else each once, ``緊急（プレミアム）／緊急``); its id only when no rule has a label."""
    return priority_label(model.rules_of(pid), lang) or pid


def values_words(model: m.PolicyModel, values: Mapping[str, str], lang: str) -> str:
    """Attribute values by their labels, as the plan table shows them: ``契約プラン = プレミアム``."""
    return _w(lang, "sep").join(
        f"{_attr_label(model, k, lang)} = {model.value_text(k, v, lang)}" for k, v in values.items()
    )


def example_head(lang: str) -> str:
    """The head of the worked example's column of the attribute values that select each rule."""
    return _w(lang, "example_for")


def _attr_label(model: m.PolicyModel, name: str, lang: str) -> str:
    attr = next((a for a in model.attributes if a.name == name), None)
    return (attr.label.text(lang) if attr else "") or name


def plan_table(model: m.PolicyModel, lang: str, table: Table, target: Callable[[m.Target], str]) -> None:
    """Write the plan table (nothing when no priority has conditions)."""
    rows = plan_rows(model, lang, target)
    if rows:
        head = [_w(lang, k) for k in ("plan", "priority", "rule", "target")]
        table("plans", head, rows)


def changes_words(attr: m.Attribute, lang: str) -> str:
    """Which events change ``attr`` during an incident (``changes at``), HTML-escaped: ``契約プランは
    『契約プランの変更』で案件の途中でも変わります。``; empty when only the report gives it."""
    if not attr.changes:
        return ""
    events = tx.join([tx.event(e, lang) for e in attr.changes], lang)
    return _w(lang, "changes", a=tx.esc(attr.label.text(lang) or attr.name), events=events)


def changing_attributes(model: m.PolicyModel) -> list[m.Attribute]:
    """The attributes with ``changes at`` that a priority's ``when`` tests (those the plan table shows)."""
    tested = {t.attribute for p in model.priorities if p.when is not None for t in p.when.tests}
    return [a for a in model.attributes if a.changes and a.name in tested]


def condition_words(model: m.PolicyModel, cond: m.Condition, lang: str) -> str:
    """A ``when`` condition in words, with the attributes' and values' labels: ``契約プランがプレミアム``."""
    sep = "・" if lang == "ja" else ", "
    parts = []
    for t in cond.tests:
        key = ("not_in" if len(t.values) > 1 else "ne") if t.negated else ("in" if len(t.values) > 1 else "eq")
        shown = sep.join(model.value_text(t.attribute, v, lang) for v in t.values)
        parts.append(_w(lang, key, a=_attr_label(model, t.attribute, lang), v=shown))
    return _w(lang, "and").join(parts)


def only_for(model: m.PolicyModel, cond: m.Condition, lang: str) -> str:
    """The line of a rule with ``when`` (a notify rule) saying whom it applies to."""
    return _w(lang, "only_for", c=condition_words(model, cond, lang))


def whom(model: m.PolicyModel, cond: m.Condition | None, lang: str) -> str:
    """Whom an availability target is for: ``契約プランがプレミアムの顧客``; ``その他の顧客`` for the one
    without ``when`` (the customers no other target takes)."""
    return _w(lang, "customers", c=condition_words(model, cond, lang)) if cond else _w(lang, "others")


def period_words(period: m.MeasurePeriod, lang: str) -> str:
    """The measurement period of an availability target: ``月ごと`` / ``monthly``."""
    return _w(lang, period.value)


def owes_credits(model: m.PolicyModel) -> bool:
    """Whether the policy owes a service credit anywhere: an availability target's tiers (a plan's too) or
    a priority's credit per missed target (the page says so when it owes none)."""
    return any(svc.credits or any(t.credits for t in svc.plan_targets) for svc in model.services) or any(
        p.breach_credits for p in model.priorities
    )


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
        first = f"{name}<br><small>{tx.esc(_w(lang, 'target_line', p=tx.percent(percent)))}"
        first += f"{tx.esc(_w(lang, 'sep'))}{tx.esc(period)}</small>"
        for i, tier in enumerate(sorted(credits, key=lambda t: -t.below)):
            head = first if i == 0 else f'<span class="sla-vh">{first}</span>'
            rows.append(
                f'<tr><th scope="row">{head}</th><td>{tx.esc(_w(lang, "below", p=tx.percent(tier.below)))}</td>'
                f"<td><strong>{tx.esc(tx.percent(tier.credit))}</strong></td></tr>"
            )
    return rows
