"""Checks of clocks and their named targets (issue 12): every target is measured on a clock that can judge it.

Design notes
------------
* A named target (``resolve within 3 business days on resolution``) is met when
  its clock stops with at most that much running time; a clock without
  ``stops at`` could only stop when the incident completes, which is almost
  always a mistake: refused (E241) with the line to add.
* The plain ``respond within`` of a priority is measured on the response clock
  (``response``, else the first), which the columnar fast path judges without
  a life cycle: a pause, stop or reset on that clock is refused (E242) with the
  way to say it (a named clock and ``respond within ... on <clock>``), never
  silently ignored.
* Clocks run on incident events only (E244): an outage has its own rules.
* A clock no target uses is valid but does nothing: a warning (W240).
"""

from __future__ import annotations

from . import model as m
from .diagnostics import Diagnostic, Severity, did_you_mean


def _err(code: str, message: str, span: m.Span, help: str | None = None) -> Diagnostic:
    return Diagnostic(code=code, message=message, span=span, help=help)


def response_clock(model: m.PolicyModel) -> m.ClockRule | None:
    """The clock the plain ``respond within`` counts on: ``response``, else the first."""
    return next((c for c in model.clocks if c.name == "response"), model.clocks[0] if model.clocks else None)


def check_clocks(model: m.PolicyModel) -> list[Diagnostic]:
    """Errors and warnings about clocks and the named targets of priorities."""
    out: list[Diagnostic] = []
    clocks = {c.name: c for c in model.clocks}
    used: set[str] = set()
    for p in model.priorities:
        seen: dict[tuple[str, str], m.Span] = {}
        for t in p.targets:
            key = (t.kind, t.clock)
            if key in seen:
                out.append(
                    _err(
                        "E246",
                        f"priority `{p.id}` has two `{t.kind.replace('_', ' ')}` targets on clock `{t.clock}`",
                        t.span,
                        help=f"keep one; the first is on line {seen[key].line}",
                    )
                )
            seen.setdefault(key, t.span)
            clock = clocks.get(t.clock)
            if clock is None:
                known = ", ".join(f"`{c}`" for c in clocks) or "none"
                out.append(
                    _err(
                        "E240",
                        f"no clock is called `{t.clock}`",
                        t.span,
                        help=did_you_mean(t.clock, clocks)
                        or f"define `clock {t.clock} {{ starts at ...  stops at ... }}`; clocks here: {known}",
                    )
                )
                continue
            used.add(clock.name)
            if t.kind != "update" and not clock.stops:
                out.append(
                    _err(
                        "E241",
                        f"clock `{clock.name}` has no `stops at`: the `{t.kind.replace('_', ' ')}` target "
                        "on it could never be met",
                        t.span,
                        help=f"add e.g. `stops at incident.resolved` to clock `{clock.name}`",
                    )
                )
            if t.duration.calendar is None and t.duration.unit is m.TimeUnit.MONTH:
                out.append(
                    _err(
                        "E243",
                        f"`{t.duration}` of elapsed time is not a fixed amount of running time",
                        t.duration.span,
                        help="write it in days or weeks, or in business days (`20 business days`)",
                    )
                )
            for ev in t.by:
                out += _incident_event(ev, t.span, "an update")
    plain = response_clock(model)
    for clock in model.clocks:
        for ev in (*(e for pz in clock.pauses for e in (pz.at, pz.until)), *clock.stops, *clock.resets):
            out += _incident_event(ev, clock.span, f"clock `{clock.name}`")
        for pz in clock.pauses:
            if pz.at == pz.until:
                out.append(
                    _err(
                        "E245",
                        f"clock `{clock.name}` pauses at `{pz.at}` until the same event",
                        pz.span,
                        help="name the event that resumes it, e.g. `until incident.customer_replied`",
                    )
                )
        if clock is plain and clock.has_life_cycle and model.priorities:
            out.append(
                _err(
                    "E242",
                    f"clock `{clock.name}` measures the plain `respond within` targets, which run from the "
                    "clock start to the first incident.responded: its pauses, stops and resets would not be judged",
                    clock.span,
                    help="put the life cycle on another clock and name it in the target: "
                    "`respond within 4 business hours on <clock>`",
                )
            )
        elif clock is not plain and clock.name not in used:
            out.append(
                Diagnostic(
                    code="W240",
                    message=f"clock `{clock.name}` is not used by any target",
                    span=clock.span,
                    help=f"measure a target on it, e.g. `resolve within 3 business days on {clock.name}`",
                    severity=Severity.WARNING,
                )
            )
    return out


def _incident_event(name: str, span: m.Span, what: str) -> list[Diagnostic]:
    if name.startswith("incident."):
        return []
    return [
        _err(
            "E244",
            f"{what} names `{name}`: clocks run on incident events only",
            span,
            help="name an `incident.*` event, e.g. `incident.customer_replied`",
        )
    ]
