"""The closing line of ``sla explain`` on a credit the header's ``credit total at most 30% monthly`` caps.

Design notes
------------
* A row of ``credits`` (an availability period's) or of ``breach_credits`` says its own figure, before
  the cap on the sum of every credit of its period (:mod:`.credit_totals`): alone, it reads as owed when
  the cap cut the period's total. So its explanation ends with the period's row of ``credit_totals``: the
  total before the cap, the cap, and what the period owes in all, this credit counted in the total.
* The row is the one the evaluator summed this credit into (:mod:`sla_dsl.evaluation.credit_totals`): its
  period holds the credit's, and its version is the one in force at the credit's start (two versions in
  one month each cap their own rows). A credit that adds nothing (0, a period the evaluated one cuts) and
  a policy without the statement give no line: the explanation is what it was before the cap existed.
"""

from __future__ import annotations

import datetime as dt

from . import CreditTotalRow, Report
from .words import PolicyWords, ref_number


def _pct(value: float) -> str:
    return f"{round(value, 9):g}%"


def total_row(report: Report, w: PolicyWords, start: dt.datetime, end: dt.datetime) -> CreditTotalRow | None:
    """The row of ``credit_totals`` that sums a credit of the period [``start``, ``end``): its period holds
    the credit's and its cap is the version's in force at ``start``, as the evaluator sums it (None: no cap
    summed it, the version then in force has none)."""
    lo, hi = start.timestamp(), end.timestamp()
    policy = w.at(start.date()).policy
    version = policy.version if policy is not None else None
    return next(
        (
            c
            for c in report.credit_totals
            if c.start.timestamp() <= lo and hi <= c.end.timestamp() and c.policy_version == version
        ),
        None,
    )


def credit_total_line(report: Report, w: PolicyWords, start: dt.datetime, end: dt.datetime, credit: float) -> str:
    """The line that says the cap on the period's total a credit of ``credit`` percent counts towards: the
    total before the cap, the cap and what is owed in all (empty: no cap, or a credit that adds nothing)."""
    if credit <= 0:
        return ""
    row = total_row(report, w, start, end)
    if row is None:
        return ""
    num = ref_number(row.ref)
    ref = w.article_ref(num) if num is not None else w.m("report.credit_totals.no_article")
    key = "explain.credit_total.over" if row.credits > row.cap else "explain.credit_total.within"
    said = w.m(key, credit=_pct(credit), credits=_pct(row.credits), cap=_pct(row.cap), owed=_pct(row.owed), ref=ref)
    return said if row.complete else said + w.m("explain.credit_total.not_final")
