"""The customer report's table of the cap on the sum of every credit of a period (``credit_totals``).

Design notes
------------
* One row per measurement period of the header's ``credit total at most 30%
  monthly`` that holds a credit: the period, the credits before the cap (the
  sum of the period's rows in the availability credits table and the table of
  credits per missed target), the cap and what is owed after it, and the
  reason in words with the cap's article, as the credits tables cite theirs
  (``第6条``). The tables above keep each credit's own figure; this one says
  what the period owes in all.
* Shown only when the report has such a row (a policy without the cap gives
  none). Every word is in the catalogue (``report.credit_totals.*``,
  :mod:`sla_dsl.i18n.tables`).
"""

from __future__ import annotations

from . import CreditTotalRow, Report
from .parts import Part
from .periods import period_range
from .words import Cell, PolicyWords, ref_number

#: a period's kind as the credits tables name it (``report.credits.*``: 月次, 四半期, 評価期間)
_KINDS = {"month": "month", "quarter": "quarter"}


def _w(w: PolicyWords, key: str, **params: object) -> str:
    """This table's catalogue text ``report.credit_totals.<key>`` in the report's language."""
    return w.m(f"report.credit_totals.{key}", **params)


def _pct(value: float) -> str:
    return f"{value:g}%"


def _why(w: PolicyWords, row: CreditTotalRow) -> str:
    num = ref_number(row.ref)
    ref = w.article_ref(num) if num is not None else _w(w, "no_article")
    key = "explain.over" if row.credits > row.cap else "explain.within"
    said = _w(w, key, credits=_pct(row.credits), cap=_pct(row.cap), owed=_pct(row.owed), ref=ref)
    return said if row.complete else said + _w(w, "not_final")


def credit_total_parts(report: Report, w: PolicyWords) -> list[Part]:
    """The table of the credits of each period before and after the cap on their sum (none without a row)."""
    if not report.credit_totals:
        return []
    rows: list[list[Cell]] = []
    for c in report.credit_totals:
        kind = w.m(f"report.credits.{_KINDS.get(c.period, 'whole')}")
        rows.append([period_range(w, c.start, c.end, kind), _pct(c.credits), _pct(c.cap), _pct(c.owed), _why(w, c)])
    header = [_w(w, k) for k in ("period", "credits", "cap", "owed", "why")]
    return [Part(_w(w, "title"), header, rows, key="credit-totals", numeric=(1, 2, 3))]
