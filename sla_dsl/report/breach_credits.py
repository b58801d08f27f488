"""The customer report's table of service credits owed per breached target (``breach_credits``).

Design notes
------------
* One row per credit line and measurement period holding a breach: the
  priority (its id and label), the target the credit belongs to with whom the
  rule is for (``応答（契約プランがプレミアムの顧客）``), the period, the number of
  breaches and the credit, and the reason in words: breaches times the credit
  per breach, the cap, the article and the incidents counted. A period not
  over (or cut by the evaluated one) says its figure is not final.
* Targets and conditions are worded by the version that defines the priority's
  rule (:meth:`~.words.PolicyWords.defining`), clocks by their labels; every
  word is in the catalogue (``report.breach_credits.*``, :mod:`sla_dsl.i18n.tables`).
"""

from __future__ import annotations

from . import BreachCreditRow, Report
from .conditions import condition_words
from .parts import Part
from .periods import period_range
from .words import Cell, PolicyWords


def _w(w: PolicyWords, key: str, **params: object) -> str:
    """This table's catalogue text ``report.breach_credits.<key>`` in the report's language."""
    return w.m(f"report.breach_credits.{key}", **params)


def _pct(value: float) -> str:
    return f"{value:g}%"


def _target(w: PolicyWords, row: BreachCreditRow) -> str:
    """The target a row's credit belongs to, with the customers of the priority's rule when it has ``when``
    (the others' when other rules of the priority have one)."""
    v = w.defining(lambda md: any(str(r.when) == str(row.when) for r in md.rules_of(row.priority)))
    kind = v.m(f"report.targets.{row.target}")
    said = kind if row.clock is None else _w(v, "on_clock", kind=kind, clock=v.clock_label(row.clock))
    rules = v.rules_of(row.priority)
    rule = next((r for r in rules if str(r.when) == str(row.when)), None)
    if rule is not None and rule.when is not None:
        who = v.m("report.when.customers", who=condition_words(rule.when, v))
    elif any(r.when is not None for r in rules):
        who = v.m("report.when.others")
    else:
        return said
    return _w(v, "for", target=said, who=who)


def _why(w: PolicyWords, row: BreachCreditRow) -> str:
    ref = _w(w, "article", n=row.ref.removeprefix("Article ").strip()) if row.ref else _w(w, "no_article")
    key = "explain.cap" if row.cap is not None else "explain"
    said = _w(
        w,
        key,
        n=row.breaches,
        per=_pct(row.per_breach),
        cap=_pct(row.cap or 0.0),
        credit=_pct(row.credit),
        ref=ref,
        incidents=_w(w, "sep").join(row.incidents),
    )
    return said if row.complete else said + _w(w, "not_final")


def breach_credit_names(w: PolicyWords, row: BreachCreditRow) -> tuple[str, str, str]:
    """A row's priority, target (with the customers of its rule) and period, as the table names them (``sla
    replay`` names the rows that change by them)."""
    kind = {"month": "month", "quarter": "quarter"}.get(row.period, "whole")
    return w.priority(row.priority), _target(w, row), period_range(w, row.start, row.end, w.m(f"report.credits.{kind}"))


def breach_credit_parts(report: Report, w: PolicyWords) -> list[Part]:
    """The table of credits per breached target (none when the report has no such row)."""
    if not report.breach_credits:
        return []
    rows: list[list[Cell]] = [
        [*breach_credit_names(w, c), str(c.breaches), _pct(c.credit), _why(w, c)] for c in report.breach_credits
    ]
    header = [_w(w, k) for k in ("priority", "target", "period", "breaches", "credit", "why")]
    return [Part(_w(w, "title"), header, rows, key="breach-credits", numeric=(3, 4))]
