"""The regular-maintenance windows that meet an instant range, laid out across a policy's versions: the
evaluator excuses their time from availability (:mod:`sla_dsl.evaluation.outages`) and the explanation of
a measurement period (:mod:`sla_dsl.report.explain_availability`) names them, from this one layout.

A window begun up to two days before the range may run into it; each window counts only under the version
in force at its start (the first version before any is in force), and none is asked of the years before
the supported ones (a period that starts with 1900 asks nothing of 1899)."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from ..calendars.bounds import FIRST_YEAR
from ..calendars.recurrence import Window
from .compiled import Policy

__all__ = ["LaidWindow", "effective_epoch", "windows_in_force"]

#: how far before a range a window may begin and still run into it
_RUN_IN = 2 * 86400


class LaidWindow(NamedTuple):
    """One window, the version it counts under, its instants as epoch seconds, and whether its time is
    excused (false when the rule says ``counts as downtime``)."""

    policy: Policy
    window: Window
    start: float
    end: float
    excused: bool


def effective_epoch(p: Policy) -> float:
    """The instant a version takes effect: 00:00 of its effective date in its zone."""
    eff = p.effective
    return dt.datetime(eff.year, eff.month, eff.day, tzinfo=p.tz).timestamp()


def windows_in_force(versions: Sequence[Policy], lo: float, hi: float) -> list[LaidWindow]:
    """The windows begun in [lo − 2 days, hi), each under the version in force at its start; ``versions``
    in order of taking effect. In the versions' order, each version's in time order."""
    starts = [effective_epoch(p) for p in versions]
    out: list[LaidWindow] = []
    for p in versions:
        first = max(dt.datetime.fromtimestamp(lo - _RUN_IN, p.tz), dt.datetime(FIRST_YEAR, 1, 1, tzinfo=p.tz))
        for w in p.maintenance_windows(first, dt.datetime.fromtimestamp(hi, p.tz)):
            s, e = w.start.timestamp(), w.end.timestamp()
            if versions[max(bisect.bisect_right(starts, s) - 1, 0)] is not p:
                continue
            rule = next((mt for mt in p.model.maintenance if mt.name == w.name), None)
            out.append(LaidWindow(p, w, s, e, rule.excused if rule is not None else True))
    return out
