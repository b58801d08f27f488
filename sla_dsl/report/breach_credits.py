"""The customer report's table of service credits owed per breached target (``breach_credits``).

Design notes
------------
* One row per credit line and measurement period holding a breach: the
  priority (its id and the label of the rule the row belongs to, as other
  per-rule rows name it: ``P1 優先度１（プレミアム）``), the target the credit
  belongs to with whom the rule is for (``応答（契約プランがプレミアムの顧客）``),
  the period (the whole measurement period, even when the evaluated one cuts
  it), the number of breaches and the credit, and the reason in words:
  breaches times the credit per breach, the cap, the article (as the rule
  column writes it: ``第3条の(2)``) and the incidents counted. A period not
  over says its figure is not final; a period cut by the evaluated one says
  how many breaches this report's part holds and that a report over the
  whole period settles the credit (it owes none here).
* Rows of one period that several credit lines share (``shared_cap``: two
  versions' lines, together capped at the highest of their caps) say so in
  their reason (``at most 30% with this period's other rows``), and a note
  under the table names each such period in the policy's words (priority,
  target, period, as the rows name them) with the cap its rows stay within
  together and how they are settled: in the order of their first breach,
  each what is left under it.
* Targets and conditions are worded by the version that defines the priority's
  rule (:meth:`~.words.PolicyWords.defining`), clocks by their labels; every
  word is in the catalogue (``report.breach_credits.*``, :mod:`sla_dsl.i18n.tables`).
"""

from __future__ import annotations

from . import BreachCreditRow, Report
from .conditions import condition_words
from .parts import Part
from .periods import period_range
from .words import Cell, PolicyWords, ref_number


def _w(w: PolicyWords, key: str, **params: object) -> str:
    """This table's catalogue text ``report.breach_credits.<key>`` in the report's language."""
    return w.m(f"report.breach_credits.{key}", **params)


def _pct(value: float) -> str:
    return f"{value:g}%"


def _target(w: PolicyWords, row: BreachCreditRow) -> str:
    """The target a row's credit belongs to, with the customers of the priority's rule when it has ``when``
    (the others' when other rules of the priority have one)."""
    v = _rule_words(w, row)
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


def _rule_words(w: PolicyWords, row: BreachCreditRow) -> PolicyWords:
    """The words of the version that defines the priority's rule a row belongs to (its ``when``)."""
    return w.defining(lambda md: any(str(r.when) == str(row.when) for r in md.rules_of(row.priority)))


def _priority(w: PolicyWords, row: BreachCreditRow) -> str:
    """``P1 優先度１（プレミアム）``: the priority and the label of the rule the row belongs to (its ``when``), as
    other per-rule rows name it; the priority's words (:meth:`~.words.PolicyWords.priority`) when that rule
    has no label."""
    v = _rule_words(w, row)
    rule = next((r for r in v.rules_of(row.priority) if str(r.when) == str(row.when)), None)
    label = rule.label.text(w.lang) if rule is not None else ""
    return f"{row.priority} {label}" if label else w.priority(row.priority)


def cut_short(report: Report, row: BreachCreditRow) -> bool:
    """Whether the evaluated period cuts the row's measurement period (it owes no credit in this report)."""
    return row.start < report.period.start or row.end > report.period.end


def _why(w: PolicyWords, row: BreachCreditRow, cut: bool = False) -> str:
    num = ref_number(row.ref)
    ref = w.article_ref(num) if num is not None else _w(w, "no_article")
    incidents = _w(w, "sep").join(row.incidents)
    if cut:
        return _w(w, "explain.cut", n=row.breaches, ref=ref, incidents=incidents)
    if row.shared_cap is None:
        key = "explain.cap" if row.cap is not None else "explain"
    else:  # (the period's rows together at most the highest cap: the row's own when it is that one)
        key = "explain.cap.shared" if row.cap is not None and row.cap < row.shared_cap else "explain.shared"
    said = _w(
        w,
        key,
        n=row.breaches,
        per=_pct(row.per_breach),
        cap=_pct(row.cap or 0.0),
        shared=_pct(row.shared_cap or 0.0),
        credit=_pct(row.credit),
        ref=ref,
        incidents=incidents,
    )
    return said if row.complete else said + _w(w, "not_final")


def breach_credit_names(w: PolicyWords, row: BreachCreditRow) -> tuple[str, str, str]:
    """A row's priority (with the label of the rule it belongs to), target (with the customers of its rule)
    and measurement period, as the table names them (``sla replay`` names the rows that change by them)."""
    kind = {"month": "month", "quarter": "quarter"}.get(row.period, "whole")
    return _priority(w, row), _target(w, row), period_range(w, row.start, row.end, w.m(f"report.credits.{kind}"))


def breach_credit_parts(report: Report, w: PolicyWords) -> list[Part]:
    """The table of credits per breached target (none when the report has no such row)."""
    if not report.breach_credits:
        return []
    rows: list[list[Cell]] = [
        [*breach_credit_names(w, c), str(c.breaches), _pct(c.credit), _why(w, c, cut_short(report, c))]
        for c in report.breach_credits
    ]
    header = [_w(w, k) for k in ("priority", "target", "period", "breaches", "credit", "why")]
    notes = _shared_notes(report, w)
    return [Part(_w(w, "title"), header, rows, notes=notes, key="breach-credits", numeric=(3, 4))]


def _shared_notes(report: Report, w: PolicyWords) -> tuple[str, ...]:
    """One note per period whose rows several credit lines share (``shared_cap``), in the table's order: the
    cap they stay within together and how they are settled."""
    shared: dict[tuple[str, str, str], tuple[float, int]] = {}
    for row in report.breach_credits:
        if row.shared_cap is not None:
            names = breach_credit_names(w, row)
            shared[names] = (row.shared_cap, shared.get(names, (0.0, 0))[1] + 1)
    return tuple(
        _w(w, "shared", priority=p, target=t, period=period, rows=n, cap=_pct(cap))
        for (p, t, period), (cap, n) in shared.items()
    )
