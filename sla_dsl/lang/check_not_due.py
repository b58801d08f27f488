"""Checks of a clock's ``not due at A until B`` lines (Request Tracker's ``IgnoreOnStatuses`` alone).

Design notes
------------
* A not-due line keeps the clock counting and only holds its deadlines back (:mod:`sla_dsl.evaluation.clocks`),
  so an event that also pauses the clock (in a ``pauses at`` line, as its event or among its ``until``) would
  mean two things at once: refused (E221) at the not-due line's event, with the two ways out. So is a
  not-due line at an event that stops, resets or cancels the clock (the clock's own line acts first: the hold
  would hold nothing), and ``incident.reported`` anywhere in it (E221's, with every clock line's).
* ``until`` naming the line's own event, or one event twice, is E245, as for a pause, with the line
  without it.
* The plain ``respond within`` is judged by the columnar path without a life cycle: a not-due line on its
  clock is E242, as a pause there is (:func:`sla_dsl.lang.check_clocks.check_clocks`).
* E226: the evaluator holds back the due instant of a ``respond``/``resolve``/``first reply within`` target;
  an ``update every`` target (a due instant per interval) and a day-based one (a wall-clock instant) are not
  judged with holds, so a not-due line on a clock that carries one is refused at the not-due line, naming
  the target and the way out (another clock for it), never judged as if the line were not there.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from . import model as m
from .diagnostics import Diagnostic, diagnostic, words


def not_due_conflicts(clock: str, lines: Sequence[tuple[str, str, m.Span]]) -> list[Diagnostic]:
    """E221 and E245 for the not-due lines of a clock: ``lines`` as
    :func:`sla_dsl.lang.check_clocks.life_conflicts` takes them, a not-due line's event as kind ``not_due`` and
    each of its ``until`` events as ``not_due_until``."""
    paused = {ev for kind, ev, _ in lines if kind in ("pauses", "until")}
    ends = {kind: {ev for k, ev, _ in lines if k == kind} for kind in ("stops", "resets", "cancels")}
    out: list[Diagnostic] = []
    for k, (kind, ev, span) in enumerate(lines):
        if kind == "not_due":
            until = list(itertools.takewhile(lambda line: line[0] == "not_due_until", lines[k + 1 :]))
            out += until_events(clock, ev, until)
        if kind not in ("not_due", "not_due_until") or not ev.startswith("incident.") or ev == "incident.reported":
            continue  # (another record's event is E244's; the report, E221's with every line's)
        if ev in paused:
            text = words("diag.E221.not_due_pause", clock=clock, event=ev)
            out.append(diagnostic("E221", text, span, help=words("diag.E221.not_due_pause.help", event=ev)))
            continue
        end = next((e for e in ("stops", "resets", "cancels") if kind == "not_due" and ev in ends[e]), None)
        if end is not None:
            text = words(f"diag.E221.not_due_{end}", clock=clock, event=ev)
            out.append(diagnostic("E221", text, span, help=words(f"diag.E221.not_due_{end}.help", event=ev)))
    return out


def until_events(
    clock: str,
    at: str,
    until: Sequence[tuple[str, str, m.Span]],
    line: str = "not due at",
    key: str = "diag.E245.not_due",
) -> list[Diagnostic]:
    """E245 for a line ``line A until ...`` (a pause, ``pauses at`` with ``key`` ``diag.E245``, or a not-due
    line) at ``at`` that names ``at`` again in ``until`` (for a pause, its next record would resume it), or an
    event twice there, at that event; the help gives the line without it."""
    names = [ev for _, ev, _ in until]
    kept = [ev for ev in dict.fromkeys(names) if ev != at]
    fix = f"{line} {at} until {', '.join(kept)}"
    out: list[Diagnostic] = []
    for k, (_, ev, span) in enumerate(until):
        if ev == at and at not in names[:k]:
            # (the one event that ends it: another is to be named; in a list: the others end it)
            help = words(f"{key}.help.drop", event=ev, fix=fix) if kept else words(f"{key}.help")
            out.append(diagnostic("E245", words(key, clock=clock, event=at), span, help=help))
        elif ev != at and ev in names[:k]:
            text = words(f"{key}.twice", clock=clock, at=at, event=ev)
            out.append(diagnostic("E245", text, span, help=words("diag.E245.twice.help", fix=fix)))
    return out


def check_not_due(model: m.PolicyModel) -> list[Diagnostic]:
    """E226 for a not-due line on a clock that carries an ``update every`` or a day-based target."""
    out: list[Diagnostic] = []
    clocks = {c.name: c for c in model.clocks}
    done: set[tuple[str, int]] = set()
    for p in model.priorities:
        for t in p.targets:
            clock = clocks.get(t.clock)
            if clock is None or not clock.not_due or (t.kind != "update" and t.by_day is None):
                continue
            kind = "update every" if t.kind == "update" else f"{t.kind.replace('_', ' ')} by"
            for hold in clock.not_due:
                if (clock.name, hold.span.line) in done:
                    continue
                done.add((clock.name, hold.span.line))
                out.append(
                    diagnostic(
                        "E226",
                        words("diag.E226", clock=clock.name, kind=kind, line=str(t.span.line)),
                        hold.span,
                        help=words("diag.E226.help", kind=kind, clock=clock.name),
                    )
                )
    return out
