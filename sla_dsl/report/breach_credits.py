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
* A row is named by the version whose credit line it is of (:func:`row_versions`:
  a row names no version, its line says which: the versions with that line in
  force during its period), whatever version is in force at ``from``: two rows
  of one shared cap are told apart by their labels (``P1 優先度１``, ``P1
  優先度１（緊急）``), and a row reads alike in every report that lists it. A row
  two versions' same line share is named by each label once, and so is the
  priority in the note of a shared cap (``優先度１／優先度１（緊急）``).
* Targets and conditions are worded by that version (the one at ``from`` when
  it is one of them), else by the version that defines the priority's rule
  (:meth:`~.words.PolicyWords.defining`), clocks by their labels; every word is
  in the catalogue (``report.breach_credits.*``, :mod:`sla_dsl.i18n.tables`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..lang import model as lm
from ..policy.compiled import Policy
from . import BreachCreditRow, Report
from .conditions import condition_words
from .parts import Part
from .periods import period_range
from .words import Cell, PolicyWords, priority_label, ref_number


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


def _of_line(row: BreachCreditRow, rule: lm.Priority) -> bool:
    """Whether ``rule`` (a rule of the row's priority) is the one a row belongs to (its ``when``) and states the
    row's credit line: its target and clock, credit per breach, cap, measurement period and article."""
    if str(rule.when) != str(row.when) or ref_number(rule.ref) != ref_number(row.ref):
        return False
    line = (row.target, row.clock, row.per_breach, row.cap, row.period)
    return any((c.kind, c.clock, c.percent, c.cap, c.period.value) == line for c in rule.breach_credits)


def row_versions(w: PolicyWords, row: BreachCreditRow) -> list[PolicyWords]:
    """The words of the versions whose credit line a row is of, by effective date (:func:`line_policies` of
    the versions ``w`` knows)."""
    return [w.version(p.version, p.effective) for p in line_policies(w.policies, row)]


def line_policies(policies: Sequence[Policy], row: BreachCreditRow) -> list[Policy]:
    """The versions (of ``policies``, by effective date) whose credit line a row is of (a row's line says
    which): those with the line that are in force during its measurement period (two with the same line
    share one row, counting the incidents of both), else the latest with it begun before the period ends (it
    judged incidents carried over); empty when none given has it (the row is not of these policies). The
    evaluator names them in the row (``policy_versions``)."""
    has = [k for k, p in enumerate(policies) if any(_of_line(row, r) for r in p.model.rules_of(row.priority))]

    def begins(k: int) -> dt.datetime | None:  # (each version from 00:00 of its date; the earliest also before)
        day = policies[k].effective
        return None if k == 0 else dt.datetime.combine(day, dt.time(), tzinfo=row.start.tzinfo)

    def meets(k: int) -> bool:
        after = begins(k + 1) if k + 1 < len(policies) else None
        start = begins(k)
        return (start is None or start < row.end) and (after is None or after > row.start)

    begun = [k for k in has if (start := begins(k)) is None or start < row.end]
    chosen = [k for k in begun if meets(k)] or begun[-1:] or has[:1]
    return [policies[k] for k in chosen]


def _rule_words(w: PolicyWords, row: BreachCreditRow) -> PolicyWords:
    """The words a row's target is worded in: of the version at the period's start (``w``) when the row is of
    its credit line, else of the latest version the row is of (:func:`row_versions`), else of the version that
    defines the priority's rule the row belongs to (its ``when``)."""
    mine = row_versions(w, row)
    if any(v.policy is w.policy for v in mine):
        return w
    if mine:
        return mine[-1]
    return w.defining(lambda md: any(str(r.when) == str(row.when) for r in md.rules_of(row.priority)))


def _priority(w: PolicyWords, row: BreachCreditRow, versions: Sequence[PolicyWords] | None = None) -> str:
    """``P1 優先度１（プレミアム）``: the priority and the label of the rule the row belongs to (its ``when``), as
    other per-rule rows name it, in each version the row is of (``versions``, else :func:`row_versions`), each
    label once (``優先度１／優先度１（緊急）`` for a row two versions' same line share); the priority's words
    (:meth:`~.words.PolicyWords.priority_in`) when that rule has no label."""
    vs = list(versions if versions is not None else row_versions(w, row)) or [_rule_words(w, row)]
    rules = [r for v in vs for r in v.rules_of(row.priority) if str(r.when) == str(row.when)]
    label = priority_label(rules, w.lang)
    return f"{row.priority} {label}" if label else w.priority_in(row.priority, vs)


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
    cap they stay within together and how they are settled; its priority named by the labels of every version
    its rows are of, each once (``優先度１／優先度１（緊急）``), its target and period as its first row's."""
    shared: dict[tuple[object, ...], tuple[float, list[BreachCreditRow]]] = {}
    for row in report.breach_credits:
        if row.shared_cap is not None:
            key = (row.priority, row.target, row.clock, row.when, row.period, row.start, row.end)
            shared.setdefault(key, (row.shared_cap, []))[1].append(row)
    notes: list[str] = []
    for cap, rows in shared.values():
        versions = {id(v.policy): v for r in rows for v in row_versions(w, r)}
        ordered = sorted(versions.values(), key=lambda v: v.policy.effective if v.policy else dt.date.min)
        _, target, period = breach_credit_names(w, rows[0])
        priority = _priority(w, rows[0], ordered or None)
        notes.append(_w(w, "shared", priority=priority, target=target, period=period, rows=len(rows), cap=_pct(cap)))
    return tuple(notes)
