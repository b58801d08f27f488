"""Service credits owed per breached target: the report's ``breach_credits``.

Design notes
------------
* A priority's ``credit 5% per breach, at most 25% monthly`` belongs to one of
  its targets (:mod:`sla_dsl.lang.breach_credits`). Each incident whose target
  is ``breached`` counts one breach, whatever else it missed: the plain
  response target by the incident's own ``status`` and ``response_due``, a
  named target by its row's ``status`` and ``due``. ``met``, ``open``,
  ``at_risk``, ``paused``, ``cancelled``, ``excluded`` and ``not_applicable``
  count none; an open target whose time ran out before ``as_of`` is already
  ``breached`` by the rules that judged it, which this module never changes.
* The credit line is the one of the rule that judged the incident: the
  version at its clock start and the priority rule its attributes (``when``)
  and its last priority chose, as ``inc.rules`` holds them.
* A breach counts where its violation is listed (:func:`.incidents.in_period`),
  so a customer finds the credit in the month whose report lists the breach:
  in the measurement period, in the policy's zone, of the instant it settled
  (:func:`counted_at`): a named target's due time; the plain response
  target's due time or the last change of the rule that judged it (a
  reprioritisation, a change of an attribute), whichever is later, as
  :func:`.incidents.judge` lists it. A P3 answered late on 30 November and
  raised to P1 on 2 December is a breach of December (November's report
  leaves it to December's, which lists it). The period is the calendar month
  or quarter holding that instant (:func:`.availability.around`, the
  availability targets' periods), or the evaluated period (``per period``).
  Only breaches the report lists count: settled in the evaluated period, or
  after its end of an incident completed before it (no later report lists
  the incident), which counts in the evaluated period's last measurement
  period.
* Rows are per credit line and period, for the periods holding a breach:
  credit = min(cap, breaches x per breach, 100). Two versions with different
  lines for one target of a priority's rule give one row each in a period
  they share (two rules, told apart by ``when``, are two targets). A row's
  ``start`` and ``end`` are its measurement period's, never cut to the
  evaluated one.
* A cap bounds what one measurement period owes for one target of one
  priority rule (the same priority, target kind, clock and ``when``, the same
  period), whichever lines count its breaches: a customer is owed at most
  what one line allows, never two caps added up. When several lines share a
  period (a version took effect inside it), each row keeps breaches x per
  breach within its own cap, and together they owe at most the highest cap
  among them (a line without a cap: 100); the rows are settled in the order
  of their first breach (earliest first, then by credit per breach, cap and
  article), each getting what is left under that cap, and listed in that
  order. A month judged by ``5% per breach, at most 25%`` for seven breaches
  and ``10% per breach, at most 30%`` for five owes 25% and then 5%, 30% in
  all. Each row of such a period carries that cap (``shared_cap``), so the
  report can say why a row owes less than its own line; a period with one
  line has none, and its row is as it always was. Nor has a period cut by the
  evaluated one (below): its rows are only this report's part, so which
  lines the rest of it holds is not known here.
* A period cut by the evaluated one (it starts before ``from`` or ends after
  ``to``) owes no credit in this report, as availability periods cut so owe
  none (their ``credits`` list leaves them out): its row says how many
  breaches this report's part holds, with ``complete: false`` and ``credit``
  0; the cap is of the whole period, so only a report over all of it can say
  what is owed (three monthly reports of a quarter with ``at most 30%
  quarterly`` would otherwise owe up to 90%). A period inside the evaluated
  one that is not over at ``as_of`` gives its figure so far, ``complete:
  false``.
* Computed from the finished verdicts of every incident, after the partitions
  of a split run have met (:func:`sla_dsl.evaluation.assemble`), so one run
  and a merged one give the same rows.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..lang import model as m
from ..report import BreachCreditRow
from ..report.breach_credits import line_policies
from .availability import PERIOD_MONTHS, around
from .common import Ctx, Rules, art
from .incidents import Incident, in_period

#: (priority, kind, clock, when, start, end, period): one target of a priority rule over one measurement period,
#: whose rows share one cap
_Period = tuple[str, str, str | None, str | None, float, float, m.MeasurePeriod]
#: (per breach, cap, article): one credit line's row in such a period
_Line = tuple[float, float | None, str | None]


def has_breach_credits(ctx: Ctx) -> bool:
    """Whether some version states a credit per breach."""
    return any(p.breach_credits for r in ctx.versions.rules for p in r.model.priorities)


def breached_at(inc: Incident, pri: m.Priority, credit: m.BreachCredit) -> float | None:
    """The due time of the target ``credit`` belongs to, when ``inc`` breached it (None: not breached)."""
    if credit.clock is None:
        return inc.due if inc.status == "breached" else None
    for t, v in zip(pri.targets, inc.targets, strict=False):
        if (t.kind, t.clock) == (credit.kind, credit.clock):
            return v.due if v.status == "breached" else None
    return None


def counted_at(inc: Incident, pri: m.Priority, credit: m.BreachCredit) -> float | None:
    """The instant a breach of the target ``credit`` belongs to settled, as the violations list it (None: not
    breached): a named target's due time; the plain response target's due time, or the last change of the
    rule that judged it when later (the reprioritisation or change of an attribute that made it a breach)."""
    due = breached_at(inc, pri, credit)
    if due is None or credit.clock is not None:
        return due
    last = inc.last_change
    return due if last is None else max(due, last)


def _period(ctx: Ctx, rules: Rules, period: m.MeasurePeriod, due: float) -> tuple[float, float, bool, bool]:
    """The measurement period holding ``due``, whether the evaluated period cuts it (it starts before ``from``
    or ends after ``to``), and whether it is wholly evaluated and over at ``as_of``."""
    if period is m.MeasurePeriod.PERIOD:
        return ctx.p0, ctx.p1, False, ctx.p1 <= ctx.as_of
    a, b = around(rules, due, PERIOD_MONTHS[period])
    cut = a < ctx.p0 or b > ctx.p1
    return a, b, cut, not cut and b <= ctx.as_of


def judge_breach_credits(ctx: Ctx, incidents: Iterable[Incident]) -> list[BreachCreditRow]:
    """The ``breach_credits`` rows of a report from its judged incidents."""
    if not has_breach_credits(ctx):
        return []
    found: dict[_Period, dict[_Line, tuple[Rules, bool, bool, list[tuple[float, str]]]]] = {}
    for inc in incidents:
        rules = inc.rules
        pri = rules.priorities.get(inc.priority)
        if pri is None or not pri.breach_credits:
            continue
        for c in pri.breach_credits:
            at = counted_at(inc, pri, c)
            if at is None or not in_period(ctx, at, inc.completed):  # (where its violation is listed)
                continue
            # (settled after `to` of an incident completed before it: the evaluated period's last one)
            lo, hi, cut, whole = _period(ctx, rules, c.period, min(at, ctx.p1 - 1.0))
            when = str(pri.when) if pri.when is not None else None
            period: _Period = (inc.priority, c.kind, c.clock, when, lo, hi, c.period)
            lines = found.setdefault(period, {})
            lines.setdefault((c.percent, c.cap, art(pri.ref)), (rules, cut, whole, []))[3].append((at, inc.ident))
    rows: list[BreachCreditRow] = []
    for period in sorted(found, key=lambda k: (k[4], k[5], k[0], k[2] or "", k[1], k[3] or "")):
        rows += _settled(period, found[period])
    policies = [r.policy for r in ctx.versions.rules]
    for row in rows:  # (the versions whose line it is: as the report's words name the row)
        row.policy_versions = [p.version for p in line_policies(policies, row)]
    return rows


def _settled(
    period: _Period, lines: dict[_Line, tuple[Rules, bool, bool, list[tuple[float, str]]]]
) -> list[BreachCreditRow]:
    """The rows of one target's measurement period, one per credit line, settled under one cap (see the notes)."""
    priority, kind, clock, when, lo, hi, measure = period
    for hits in (v[3] for v in lines.values()):
        hits.sort()
    # (by first breach; then as the rows were listed before lines shared a cap: credit per breach, cap)
    order = sorted(lines, key=lambda k: (lines[k][3][0], k[0], k[1] or 0.0, k[2] or ""))
    cut = next(iter(lines.values()))[1]  # (the period's, so every row's)
    # (a cut period's rows are only this report's part: which lines the rest holds is not known here)
    shared = max((100.0 if cap is None else cap) for _, cap, _ in order) if len(order) > 1 and not cut else None
    left = 100.0 if shared is None else shared  # (what the period's rows may still owe together)
    rows: list[BreachCreditRow] = []
    for line in order:
        percent, cap, ref = line
        rules, _, whole, hits = lines[line]
        n = len(hits)
        # (a period cut by the evaluated one owes nothing here: its cap is the whole period's)
        owed = 0.0 if cut else max(0.0, min(n * percent, cap if cap is not None else 100.0, 100.0, left))
        left -= owed
        rows.append(
            BreachCreditRow(
                priority=priority,
                target=kind,
                clock=clock,
                when=when,
                period=measure.value,
                start=rules.dt(lo),
                end=rules.dt(hi),
                complete=whole,
                breaches=n,
                per_breach=percent,
                cap=cap,
                credit=round(owed, 9),
                ref=ref,
                incidents=[ident for _, ident in hits],
                shared_cap=shared,
            )
        )
    return rows
