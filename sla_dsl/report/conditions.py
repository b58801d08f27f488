"""Words for the customer report about ``when`` conditions (issue 13): why a rule does not apply.

Design notes
------------
* A notify rule with ``when`` that a record's attributes do not meet is
  ``not_applicable``; the report says which attribute values the record has and
  when the rule applies, with the attributes' labels from the policy
  (``契約プランがスタンダードのため対象外（契約プランがプレミアムの場合に適用）``).
* Attribute values are names the events carry; a person reads the value's
  label from the policy (``value premium "プレミアム" / "Premium"``, issue 16),
  and the name as written only for a value the policy gives no label.
* Sentences come from the message catalogue (:mod:`sla_dsl.i18n.report`); the
  condition is read from the policy model (the row keeps only the rule's name
  and the values it tested).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..lang import model as lm
from .words import PolicyWords


def attribute_label(w: PolicyWords, name: str) -> str:
    """An attribute's label in the report's language (its name without one)."""
    found = next((a for a in w.model.attributes if a.name == name), None) if w.model is not None else None
    return (found.label.text(w.lang) if found is not None else "") or name


def value_label(w: PolicyWords, attribute: str, value: str) -> str:
    """A value of an attribute in the report's language: its label (its name without one)."""
    return w.model.value_text(attribute, value, w.lang) if w.model is not None else value


def condition_words(cond: lm.Condition, w: PolicyWords) -> str:
    """A ``when`` condition in words: ``契約プランがプレミアム`` / ``Plan is Premium``."""
    sep = "・" if w.lang == "ja" else ", "
    parts = []
    for t in cond.tests:
        key = ("not_in" if len(t.values) > 1 else "ne") if t.negated else ("in" if len(t.values) > 1 else "eq")
        shown = sep.join(value_label(w, t.attribute, v) for v in t.values)
        parts.append(w.m(f"report.when.{key}", attribute=attribute_label(w, t.attribute), values=shown))
    return w.m("report.when.and").join(parts)


def values_words(values: Mapping[str, str], w: PolicyWords) -> str:
    """The values a record carries: ``契約プランがスタンダード`` / ``Plan is Standard``."""
    return w.m("report.when.and").join(
        w.m("report.when.eq", attribute=attribute_label(w, a), values=value_label(w, a, v)) for a, v in values.items()
    )


def unmet_words(rule_name: str, values: Mapping[str, str] | None, w: PolicyWords) -> str | None:
    """Why notify rule ``rule_name`` does not apply to a record with ``values`` (None: unknown rule)."""
    rule = next((n for n in w.model.notifications if n.name == rule_name), None) if w.model is not None else None
    if rule is None or rule.when is None:
        return None
    return w.m("report.na.condition", has=values_words(values or {}, w), when=condition_words(rule.when, w))


def _condition_in(md: lm.PolicyModel, service: str, when: str) -> lm.Condition | None:
    """The ``when`` of ``service``'s availability target whose condition is written ``when``, in model ``md``."""
    svc = next((s for s in md.services if s.name == service), None)
    return next((t.when for t in (svc.plan_targets if svc else ()) if t.when and str(t.when) == when), None)


def target_condition(w: PolicyWords, service: str, when: str | None) -> lm.Condition | None:
    """The ``when`` of a service's availability target, found by its text (None: none or unknown)."""
    if when is None or w.model is None:
        return None
    return _condition_in(w.model, service, when)


def for_whom(w: PolicyWords, service: str, when: str | None) -> str:
    """Whom a row of a service's target with ``when`` is about: ``契約プランがプレミアムの顧客`` /
    ``customers whose Plan is Premium``; for the target without ``when``, ``その他の顧客`` / ``other
    customers`` when the version ``w`` are the words of also has targets with ``when`` for the service,
    else nothing: ``w`` must be the words of the version that judged the row
    (:func:`.periods.period_words`), not of the one in force at ``from``. The condition and its attributes'
    labels read in the version that defines that target (``w``'s when it has it, else the version nearest
    to it that has it: :meth:`~.words.PolicyWords.defining`), so a target a version from mid-period adds,
    on an attribute it declares, is said in its words whatever version ``w`` are of."""
    if when is None:
        return w.m("report.when.others") if _has_plans(w, service) else ""
    v = w.defining(lambda md: _condition_in(md, service, when) is not None)
    cond = target_condition(v, service, when)
    if cond is None:
        return ""
    return v.m("report.when.customers", who=condition_words(cond, v))


def _has_plans(w: PolicyWords, service: str) -> bool:
    svc = next((s for s in w.model.services if s.name == service), None) if w.model is not None else None
    return bool(svc and svc.plan_targets)


def priority_targets(w: PolicyWords, pid: str) -> str | None:
    """The response targets of a priority whose rules have ``when``, one per rule in file order
    (``契約プランがプレミアム：1時間以内／その他：4営業時間以内``); None for a priority of one rule."""
    rules = w.model.rules_of(pid) if w.model is not None else ()
    if len(rules) < 2:
        return None
    parts = []
    for rule in rules:
        t = rule.target
        said = w.target_words(t)
        who = condition_words(rule.when, w) if rule.when is not None else w.m("report.when.rest")
        parts.append(f"{who}：{said}" if w.lang == "ja" else f"{who}: {said}")
    return ("／" if w.lang == "ja" else "; ").join(parts)
