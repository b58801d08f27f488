"""Availability targets chosen by attributes (issue 13): which target of a service applies to
which customers, and the checks of those targets.

Design notes
------------
* A service may give several ``availability target`` lines; each but one
  carries a ``when`` condition (``availability target 99.9% monthly when plan =
  premium``), and a ``credit`` line belongs to the nearest target line above it
  (notes in between do not matter; one line per target, a second is E212). The
  line without ``when`` keeps its meaning (the service's target and credits of
  :class:`~sla_dsl.lang.model.Service`, which also take a credit line above
  every target line).
* Selection is the priorities' rule, first match in file order: a customer is
  promised the first target whose condition its attributes meet; the target
  without ``when`` takes the customers no earlier target takes. So the usual
  layout is the special plans first and the general target last.
* Outages are shared by every customer of a service, so the measured figure is
  the service's; each target is judged on it in its own measurement periods
  with its own credit tiers, one row per target and period (the evaluator's
  :mod:`sla_dsl.evaluation.availability`).
* Checks: W256, a target that can never apply (written below the target
  without ``when``, or every customer it matches taken by an earlier one);
  W257, two targets with ``when`` that both match some customers where the
  later one is not the wider fallback (file order decides); the credit tiers
  of each target as for the service's (E253, W252, W253).
"""

from __future__ import annotations

from . import model as m
from .conditions import cases, holds, shown_attrs, tier_checks
from .diagnostics import Diagnostic, Severity, Words, diagnostic, words


def _warn(code: str, message: Words, span: m.Span, help: Words) -> Diagnostic:
    return diagnostic(code, message, span, help=help, severity=Severity.WARNING)


def ordered(svc: m.Service) -> list[m.AvailabilityTarget]:
    """A service's targets in the order they are tried: those with ``when`` written above the target
    without, that one (when there is one), then the rest (which can never apply)."""
    plain: list[m.AvailabilityTarget] = []
    if svc.availability_target is not None:
        plain.append(
            m.AvailabilityTarget(percent=svc.availability_target, period=svc.period, credits=svc.credits, span=svc.span)
        )
    first = svc.plan_targets[: svc.plan_targets_first]
    return [*first, *plain, *svc.plan_targets[svc.plan_targets_first :]]


def select(svc: m.Service, attrs: dict[str, str]) -> m.AvailabilityTarget | None:
    """The target of ``svc`` that a customer with the full assignment ``attrs`` is promised (None: none)."""
    return next((t for t in ordered(svc) if holds(t.when, attrs)), None)


def checks(model: m.PolicyModel) -> list[Diagnostic]:
    """W256, W257 and the credit checks of every target with ``when``."""
    out: list[Diagnostic] = []
    for svc in model.services:
        for t in svc.plan_targets:
            out += tier_checks(t.credits, t.percent)
        if not svc.plan_targets:
            continue
        targets = ordered(svc)
        classes = cases(model, [t.when for t in targets])
        if classes is None:
            continue  # only warnings: a service without a target for some customers promises them nothing
        matching = [[c.attrs for c in classes if holds(t.when, c.attrs)] for t in targets]
        for i, t in enumerate(targets):
            if t.when is None:
                continue
            earlier = targets[:i]
            taken = [c for c in matching[i] if not any(holds(e.when, c) for e in earlier)]
            if not taken:
                hidden_by = next((e for e in earlier if any(holds(e.when, c) for c in matching[i])), None)
                if any(e.when is None for e in earlier):
                    why = words("diag.W256.why.fallback")
                elif hidden_by is not None:
                    why = words("diag.W256.why.taken", line=str(hidden_by.span.line))
                else:
                    why = words("diag.phrase.no_combination")
                out.append(
                    _warn("W256", words("diag.W256", name=svc.name, why=why), t.when.span, words("diag.W256.help"))
                )
                continue
            for j, e in enumerate(earlier):
                both = [c for c in matching[i] if holds(e.when, c)]
                if both and e.when is not None and not _wider(matching[i], matching[j]):
                    who = shown_attrs(both[0], "diag.phrase.every_customer")
                    where = {"line": str(e.span.line), "column": str(e.span.column)}
                    out.append(
                        _warn(
                            "W257",
                            words("diag.W257", shown=who, name=svc.name, **where),
                            t.when.span,
                            words("diag.W257.help", shown=who),
                        )
                    )
                    break
    return out


def _wider(later: list[dict[str, str]], earlier: list[dict[str, str]]) -> bool:
    mine = {tuple(sorted(c.items())) for c in later}
    return all(tuple(sorted(c.items())) in mine for c in earlier)
