"""The header's cap on the sum of every service credit of a period: ``credit total at most 30% monthly``.

Design notes
------------
* Cloud and support SLAs (AWS, Google Cloud, Jira Service Management cloud,
  Zendesk) cap what all credits of a billing period owe together ("credits in
  any month shall not exceed 30% of the monthly fee"). A service's credit
  tiers and a priority's ``credit 5% per breach`` lines each owe a percentage
  of the period's fee; the cap bounds their sum per measurement period
  (:mod:`sla_dsl.evaluation.credit_totals` applies it). It is a statement of
  the header, once per policy (a second is E212), with its own article
  (``[art 6.3]``) and measurement period (``monthly`` by default, as for
  availability targets); a cap outside (0, 100] is E215.
* Checks on the whole model, each pointing where the fix is written:
  E267, a credit line measured over another period than the cap (a
  quarterly credit is a percentage of a quarter's fee: it cannot be added to
  a month's), at the credit line, with the cap's period to write there (on
  the availability target above it, for a service's tiers);
  E268, credits owed to some customers only (a target or priority rule with
  ``when``, or the one for the other customers beside such rules): the report
  sums credits per period, not per customer, so a total over them would cap
  what no one customer is owed; at the cap, with the way out (each line's own
  ``at most``); W265, a credit tier or a per-breach line's own cap above the
  total cap, or a per-breach line without a cap whose one breach owes more
  than it (it can never be owed in full), at the cap, with the cap line that
  owes it.
"""

from __future__ import annotations

from collections.abc import Iterator

from . import model as m
from .diagnostics import Diagnostic, Severity, diagnostic, words

_PERIOD_WORDS = {
    m.MeasurePeriod.MONTH: "monthly",
    m.MeasurePeriod.QUARTER: "quarterly",
    m.MeasurePeriod.PERIOD: "per period",
}


def written(cap: m.CreditTotal, percent: float | None = None) -> str:
    """The cap's line as written in its canonical form (``percent``: with that figure instead)."""
    figure = cap.percent if percent is None else percent
    line = f"credit total at most {figure:g}% {_PERIOD_WORDS[cap.period]}"
    return line + (f" [art {cap.ref}]" if cap.ref is not None else "")


def _lines(model: m.PolicyModel) -> Iterator[tuple[m.MeasurePeriod, m.Span, float, bool, bool]]:
    """Every credit line of the model: its measurement period, its span, the most it owes by itself (its
    highest tier, its own cap, or for a line per breach without one the credit of one breach), whether it
    is owed to some customers only, and whether its period is written on the availability target above it
    (a service's tiers) rather than on the line itself."""
    for svc in model.services:
        split = bool(svc.plan_targets)
        if svc.credits:
            yield svc.period, svc.credits[0].span, max(t.credit for t in svc.credits), split, True
        for t in svc.plan_targets:
            if t.credits:
                yield t.period, t.credits[0].span, max(c.credit for c in t.credits), True, True
    for pri in model.priorities:
        split = len(model.rules_of(pri.id)) > 1
        for c in pri.breach_credits:  # (without its own cap: what one breach owes, the least it can owe)
            yield c.period, c.span, c.cap if c.cap is not None else c.percent, split, False


def check(model: m.PolicyModel) -> list[Diagnostic]:
    """E267, E268 and W265 on the header's ``credit total`` (none when the policy has no cap)."""
    cap = model.header.credit_total
    if cap is None:
        return []
    out: list[Diagnostic] = []
    lines = list(_lines(model))
    said = _PERIOD_WORDS[cap.period]
    for period, span, _, _, on_target in lines:
        if period != cap.period:
            key = "diag.E267.help.target" if on_target else "diag.E267.help"
            out.append(
                diagnostic(
                    "E267",
                    words("diag.E267", period=_PERIOD_WORDS[period], cap=said),
                    span,
                    help=words(key, period=said, line=written(cap)),
                )
            )
    if any(split for _, _, _, split, _ in lines):
        out.append(diagnostic("E268", words("diag.E268"), cap.span, help=words("diag.E268.help")))
    above = [(most, span) for _, span, most, _, _ in lines if most > cap.percent]
    if above:
        most, span = max(above, key=lambda x: x[0])
        out.append(
            diagnostic(
                "W265",
                words("diag.W265", cap=f"{cap.percent:g}%", credit=f"{most:g}%", line=str(span.line)),
                cap.span,
                help=words("diag.W265.help", example=written(cap, most)),
                severity=Severity.WARNING,
            )
        )
    return out
