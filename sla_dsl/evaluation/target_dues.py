"""When each named target of a priority falls due for clocks that start at one instant: the evaluator's answer.

Design notes
------------
* ``sla deadline --target NAME`` and ``--all`` answer "when is this target due for an incident whose
  clocks start at T, with no pause?". The answer is the evaluator's own, never a second copy of its
  arithmetic: each target is judged by :func:`.targets.judge_targets` (what ``sla evaluate`` judges an
  incident's named targets with, through :func:`.clocks.live`) on an incident made of one event at T,
  judged as of T. A target whose clock has just started is due where the report would say: its
  duration of running time on from T (with its out-of-hours extra when T is outside that calendar's
  open hours); an ``update`` target's first update. A target form the engine learns comes along.
* The event is the first one the clock's ``starts at`` line names, and each clock is started by an
  incident of its own: that event could also act on another clock (stop it, pause it), which is not
  what "every clock starts at T" asks.
* The rule judged is the one the caller chose (the priority's rule for the given attributes, by its
  ``when``), put in a view of the version's rules as :func:`.select.rules_for` puts one; the view has
  no notification rules, so that only the priority's targets are computed.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import NamedTuple

from ..events.schema import PAYLOAD_BY_CODE
from ..lang import model as m
from ..policy.compiled import Policy
from .common import Ctx, Rules, Versions
from .incidents import Incident
from .targets import TargetVerdict, judge_targets, targets_of

__all__ = ["TargetDue", "target_dues"]


class TargetDue(NamedTuple):
    """One named target of a priority and when it falls due for clocks starting at an instant."""

    #: the target's key, as the report's row names it (``resolve``, ``first_reply``, ``update``)
    key: str
    target: m.ClockTarget
    #: the clock it is measured on
    clock: str
    #: the due instant in the policy's zone, as the report's row gives it (the first update's, for
    #: ``update``); None if the engine gives none
    due: dt.datetime | None
    #: the out-of-hours extra the start earned: (its calendar, seconds added); None when not applied
    out_of_hours: tuple[str, float] | None


def target_dues(policy: Policy, rule: m.Priority, start: float) -> list[TargetDue]:
    """The named targets of ``rule`` (a priority rule of ``policy``), in its order, with when each falls due
    for an incident whose clocks all start at ``start`` and never pause (OutOfRangeError past the supported
    years)."""
    versions = Versions([policy])
    view = _view(versions.rules[0], rule)
    ctx = Ctx(versions, start, start, start, "")
    clocks = targets_of(view).clocks
    judged: dict[str, tuple[TargetVerdict, ...]] = {}
    out: list[TargetDue] = []
    for k, t in enumerate(rule.targets):
        verdicts = judged.get(t.clock)
        if verdicts is None:
            code = clocks[t.clock].starts[0][0]
            # (the event's fields: the priority of a report, no cause, no attributes: the rule is chosen)
            payload = tuple(rule.id if f == "priority" else None for f in PAYLOAD_BY_CODE[code])
            inc = Incident("", view, rule.id, reported=start, cause=None, clock=start, clock_event="", responded=None)
            verdicts = judged[t.clock] = judge_targets(ctx, inc, [(start, code, payload, 0)])
        v = verdicts[k]  # (one verdict per target, in the rule's order)
        ooh = (v.out_of_hours[1], v.out_of_hours[2]) if v.out_of_hours is not None else None
        out.append(TargetDue(v.name, t, t.clock, view.dt(v.due) if v.due is not None else None, ooh))
    return out


def _view(rules: Rules, rule: m.Priority) -> Rules:
    """``rules`` judging priority ``rule.id`` by ``rule``, with no notification rule."""
    view = copy.copy(rules)
    view.priorities = {**rules.priorities, rule.id: rule}
    view.model = rules.model.model_copy(update={"notifications": ()})
    return view
