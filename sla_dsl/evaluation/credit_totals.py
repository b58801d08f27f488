"""The header's cap on the sum of every credit of a period: the report's ``credit_totals``.

Design notes
------------
* ``credit total at most 30% monthly`` bounds what all credits of a
  measurement period owe together (:mod:`sla_dsl.lang.credit_total`). The
  credits are the report's own rows, computed first and never changed here:
  ``credits`` (availability tiers, complete periods only) and
  ``breach_credits`` (credits per breach; a period the evaluated one cuts owes
  0 there, so it adds nothing). A row counts in the cap's period that holds
  it whole (the calendar month or quarter of its start, in the policy's zone,
  or the evaluated period for ``per period``); the checker refuses credit lines
  measured over another period than the cap (E267), so within one version
  every row fits one; a row of an earlier version's line that does not fit is
  not summed (its own figure stands).
* The cap is the one of the version in force at the row's start (a version
  without the statement caps nothing). One row per cap period that holds a
  credit above 0: the sum before the cap, the cap, and the smaller of the two,
  owed; ``complete`` is false while a counted row's figure is not final.
* Computed after the partitions of a split run have met, from rows that are
  already merged, so one run and a merged one give the same rows.
"""

from __future__ import annotations

from ..lang import model as m
from ..report import BreachCreditRow, CreditRow, CreditTotalRow
from .availability import around
from .common import Ctx, art

_MONTHS = {m.MeasurePeriod.MONTH: 1, m.MeasurePeriod.QUARTER: 3}


def credit_totals(ctx: Ctx, credits: list[CreditRow], breach: list[BreachCreditRow]) -> list[CreditTotalRow]:
    """One row per measurement period of the cap in force that holds a credit (none without a cap)."""
    rows: list[tuple[float, float, bool]] = [(c.start.timestamp(), c.end.timestamp(), True) for c in credits]
    owed = [c.credit_percent for c in credits]
    for b in breach:
        if b.credit > 0:
            rows.append((b.start.timestamp(), b.end.timestamp(), b.complete))
            owed.append(b.credit)
    groups: dict[tuple[float, float, int], tuple[m.CreditTotal, str, list[float], list[bool]]] = {}
    for (lo, hi, complete), credit in zip(rows, owed, strict=True):
        rules = ctx.versions.at(lo)
        cap = rules.policy.model.header.credit_total
        if cap is None:
            continue
        months = _MONTHS.get(cap.period)
        start, end = around(rules, lo, months) if months is not None else (ctx.p0, ctx.p1)
        if lo < start or hi > end:  # (a row of another period than the cap's: not summed)
            continue
        key = (start, end, id(rules))
        group = groups.setdefault(key, (cap, rules.version, [], []))
        group[2].append(credit)
        group[3].append(complete)
    out: list[CreditTotalRow] = []
    for (start, end, _), (cap, version, figures, final) in sorted(groups.items(), key=lambda kv: kv[0][:2]):
        total = round(sum(figures), 6)
        out.append(
            CreditTotalRow(
                period=cap.period.value,
                start=ctx.primary.dt(start),
                end=ctx.primary.dt(end),
                complete=all(final),
                credits=total,
                cap=cap.percent,
                owed=min(total, cap.percent),
                ref=art(cap.ref),
                policy_version=version,
            )
        )
    return out
