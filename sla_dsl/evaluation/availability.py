"""Availability of each measured service per measurement period, and the service credits owed.

Design notes
------------
* Every service with ``availability measured`` or a target is measured; the
  period of its target is each calendar month (the default), each calendar
  quarter, or the evaluated period (``per period``), in the policy's zone. A
  measurement period is cut to the evaluated one; a row says whether it is
  ``complete`` (wholly inside it and over at ``as_of``). So a two-month
  evaluation gives one row per month: a bad November is not hidden by a good
  December.
* Inside a period the reading is that of the period's total (see
  :mod:`.outages`): measured time is the period minus excused time (maintenance
  windows and validly noticed planned stops when the service says ``except``;
  emergencies the stop rule excuses) minus Article 4 exclusions; downtime is
  the union of the other outages; time after ``as_of`` is not measured yet.
  An outage whose ``outage.started`` names a ``service`` counts against that
  service only; one that names none counts against every measured service.
* Targets with ``when`` (issue 13, :mod:`sla_dsl.lang.service_plans`): outages
  are shared by every customer, so the measured figure is the service's; each
  target (each with ``when`` that some version promises and the one without,
  in the policy's order) gives its own row per period of its own measurement period, with
  its own tiers, and the row's ``when`` names the customers. A period of a
  version that does not promise a target gives no row for it.
* The time a service does not measure over the whole evaluated period
  (:func:`service_off`) is what :mod:`.outages` measures an outage row in:
  the top-level block's service for an outage naming none, else the service
  it names.
* Credits: for a complete period below its target, the tier with the lowest
  figure the availability is below applies (``below 99.0% 25%`` over
  ``below 99.5% 10%`` at 98.7%). An incomplete period owes nothing yet. A
  period below target is also a violation of kind ``availability``.
* The excused and excluded time of a service, and its counted outages, are
  merged into unions once (:class:`_Split`); each period takes the pieces of
  those unions that meet it, found by bisection (a year holds thousands of
  outages and a dozen periods). Clipping a union gives the same intervals as
  the union of the clipped ones, so the figures are those of each period alone.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ..calendars.interval_sets import closed_time
from ..lang import model as m
from ..report import AvailabilityPeriod, CreditRow, Violation
from ..report.periods import period_id
from ..report.row_ids import figure_id
from ..report.words import percent_against
from .common import Ctx, Interval, Rules, art, clip, fmt_span, length, step, subtract, union


class Outage(NamedTuple):
    """An outage as availability reads it: its interval (open ones end at ``as_of``), cause and version."""

    start: float
    end: float
    cause: str | None
    rules: Rules
    #: the service that is down (None: every measured service)
    service: str | None = None


PERIOD_MONTHS = {m.MeasurePeriod.MONTH: 1, m.MeasurePeriod.QUARTER: 3}


class _Union(NamedTuple):
    """Sorted, merged intervals (:func:`.common.union`) and their ends, for bisection."""

    intervals: list[Interval]
    ends: list[float]

    def within(self, lo: float, hi: float) -> list[Interval]:
        """The union cut to [lo, hi): what ``union(clip(iv, lo, hi) for iv in ...)`` gives."""
        out: list[Interval] = []
        if hi <= lo:
            return out
        for a, b in self.intervals[bisect.bisect_right(self.ends, lo) :]:
            if a >= hi:
                break
            out.append((max(a, lo), min(b, hi)))
        return out


def _merged(intervals: Sequence[Interval]) -> _Union:
    merged = union(intervals)
    return _Union(merged, [b for _, b in merged])


class _Split(NamedTuple):
    """A service's time not measured (excused or excluded) and its counted outages, each merged."""

    off: _Union
    counted: _Union


def _split(
    svc: m.Service, maintenance: Sequence[Interval], stops: Sequence[Interval], outages: Sequence[Outage]
) -> _Split:
    """What :func:`_period` measures a service on, over every period at once."""
    off: list[Interval] = []
    if svc.hours.except_maintenance:
        off += maintenance
    if svc.hours.except_planned_stops:
        off += stops
    counted: list[Interval] = []
    for o in outages:
        if o.service not in (None, svc.name):
            continue
        excused = o.cause == "emergency" and o.rules.stop_rule and not o.rules.stop_rule.emergency_counts_as_downtime
        if o.cause in o.rules.exclusions or excused:
            off.append((o.start, o.end))
        else:
            counted.append((o.start, o.end))
    return _Split(_merged(off), _merged(counted))


def measured_services(rules: Rules) -> list[m.Service]:
    """The services of a version whose availability is measured, in file order."""
    return [s for s in rules.model.services if s.availability_measured]


def judge_availability(
    ctx: Ctx, maintenance: Sequence[Interval], stops: Sequence[Interval], outages: Sequence[Outage]
) -> tuple[list[AvailabilityPeriod], list[CreditRow]]:
    """Rows per measured service and period, and the credits owed (violations added to ``ctx``).

    Every service some version measures, with each target some version promises (the one without
    `when`, or none, and each with `when`: issue 13), is judged in the periods whose version promises
    it (:func:`_promised`): not only the services of the version in force at the period's start."""
    rows: list[AvailabilityPeriod] = []
    credits: list[CreditRow] = []
    splits: dict[tuple[str, bool, bool], _Split] = {}
    names = dict.fromkeys(s.name for r in ctx.versions.rules for s in measured_services(r))
    for name in names:
        whens = dict.fromkeys(
            _Kind(str(t.when), t.percent < 0)
            for r in ctx.versions.rules
            for s in measured_services(r)
            if s.name == name
            for t in _targets(s)
        )
        for kind in whens:
            for lo, hi, whole, rules, now, same in _promised(ctx, name, kind):
                key = (now.name, now.hours.except_maintenance, now.hours.except_planned_stops)
                split = splits.get(key)
                if split is None:
                    split = splits[key] = _split(now, maintenance, stops, outages)
                row = _period(ctx, now, same, rules, lo, hi, whole, split)
                rows.append(row)
                credit = _credit(ctx, now, same, rules, row)
                if credit is not None:
                    credits.append(credit)
    return _told_apart(rows), credits


def _told_apart(rows: list[AvailabilityPeriod]) -> list[AvailabilityPeriod]:
    """``rows`` with the figure's row (``availability measured``) that starts on the day a row of the
    service's target does given its own id (:func:`~sla_dsl.report.row_ids.figure_id`): a version adding
    the percentage inside a month the earlier figure runs to its end, and ``from`` cutting both there."""
    targets = {r.id for r in rows if r.target is not None}
    for r in rows:
        if r.target is None and r.when is None and r.id in targets:
            r.id = figure_id(r.service, r.start.date())
    return rows


class _Kind(NamedTuple):
    """What a row of a service judges: its target's condition (``str`` of its ``when``: ``"None"`` for
    the target without one) and whether it is a figure only (``availability measured``, no percentage).
    A figure and a target are kinds apart, so a version that adds a percentage to a measured service
    starts its target at its date, as one that adds a target with ``when`` does."""

    when: str
    figure_only: bool


class _Promise(NamedTuple):
    """A measurement period of one target: where it starts and ends (cut to the evaluated period),
    whether it is whole, and the version, service and target that judge it."""

    lo: float
    hi: float
    whole: bool
    rules: Rules
    service: m.Service
    target: m.AvailabilityTarget


def _promised(ctx: Ctx, name: str, kind: _Kind) -> list[_Promise]:
    """The periods of service ``name``'s target of ``kind`` (its condition, a figure or a percentage)
    that meet the evaluated period, each cut to it: the version in force at a period's start judges all
    of it, with its own measurement period (a month, a quarter, the evaluated period), so a version that
    changes ``monthly`` to ``quarterly`` changes the periods from its date, and a period begun before a
    later version's date runs whole to its end under the version in force at its start. Where the version
    in force does not promise the target, nothing is judged until the next version's date: a target a
    later version adds starts at that version's date (a period cut there is not whole and owes no credit
    yet).

    The periods are laid out from before the first version, whatever the evaluated period is, and only
    then cut to it: a report of one month shows the quarter it lies in (cut, not whole) exactly as the
    report of the year lays it out, never a period of a version that took effect inside that quarter."""
    out: list[_Promise] = []
    versions = ctx.versions.rules
    starts = [r.effective_epoch for r in versions]
    p0, p1 = ctx.p0, ctx.p1
    t = min(p0, starts[0])  # (the first version is the one in force before any is)
    first = _judged_by(versions[0], name, kind)
    if first is not None and first[1].period is not m.MeasurePeriod.PERIOD:
        t = around(versions[0], t, PERIOD_MONTHS[first[1].period])[0]
    while t < p1:
        rules = ctx.versions.at(t)
        later = min((e for e in starts if e > t), default=p1)
        found = _judged_by(rules, name, kind)
        if found is None:
            t = min(later, p1)
            continue
        svc, target = found
        if target.period is m.MeasurePeriod.PERIOD:
            if t < p0:  # (the evaluated period has not begun: the version in force at its start judges it)
                t = min(later, p0)
                continue
            out.append(_Promise(t, p1, t == p0, rules, svc, target))
            break
        months = PERIOD_MONTHS[target.period]
        a, b = around(rules, t, months)
        if b <= p0:
            # wholly before the evaluated period: from a period's start, skip this version's periods up to
            # the one holding its successor's date or `from`, whichever comes first (all begin under it)
            t = max(b, around(rules, min(later, p0), months)[0]) if a == t else b
            continue
        lo, hi = max(a, t, p0), min(b, p1)
        out.append(_Promise(lo, hi, lo == a and hi == b, rules, svc, target))
        t = b
    return out


def _judged_by(rules: Rules, name: str, kind: _Kind) -> tuple[m.Service, m.AvailabilityTarget] | None:
    """Service ``name`` and its target of ``kind`` in version ``rules``, or None when it promises none."""
    svc = next((s for s in measured_services(rules) if s.name == name), None)
    target = next((x for x in _targets(svc) if _Kind(str(x.when), x.percent < 0) == kind), None) if svc else None
    return None if svc is None or target is None else (svc, target)


def around(rules: Rules, t: float, months: int) -> tuple[float, float]:
    """The calendar month (or quarter: ``months`` 3) holding instant ``t``, in ``rules``' zone."""
    first = rules.dt(t)
    mo = (first.month - 1) // months * months + 1
    lo = dt.datetime(first.year, mo, 1, tzinfo=rules.tz).timestamp()
    y, m0 = divmod(first.year * 12 + mo - 1 + months, 12)
    return lo, dt.datetime(y, m0 + 1, 1, tzinfo=rules.tz).timestamp()


def closed_hours(rules: Rules, svc: m.Service, lo: float, hi: float) -> list[Interval]:
    """The time of [lo, hi) outside the service's hours (none for ``hours always``): a service provided
    during a calendar's hours is measured in them, its agreed service time, and an outage outside them
    is no downtime. The calendar is the version's in force at ``lo``, as the rest of the period's row
    (:func:`~sla_dsl.calendars.interval_sets.closed_time`)."""
    if svc.hours.always or svc.hours.calendar is None:
        return []
    return closed_time(rules.calendar(svc.hours.calendar), lo, hi)


@dataclass
class OffOutages:
    """The intervals of outages not measured, by the service they name (None: every service)."""

    #: Article 4 exclusions
    excluded: dict[str | None, list[Interval]] = field(default_factory=dict)
    #: emergencies the stop rule excuses
    excused: dict[str | None, list[Interval]] = field(default_factory=dict)


class ServiceOff(NamedTuple):
    """A service's time of the period that is not measured, as sorted unions."""

    #: excused and excluded time
    off: list[Interval]
    #: excused time only (maintenance, noticed stops, excused emergencies, outside the service hours)
    excused: list[Interval]
    #: seconds of it outside the service hours (a service provided in a calendar's hours)
    closed: float


def service_off(
    rules: Rules,
    svc: m.Service | None,
    maintenance: Sequence[Interval],
    stops: Sequence[Interval],
    outages: OffOutages,
    lo: float,
    hi: float,
    name: str | None = None,
) -> ServiceOff:
    """What a service does not measure of [lo, hi), as :func:`_split` and :func:`_period` read it:
    maintenance and noticed stops when it says ``except``, the time outside its hours, and the outages
    not measured that name it (``name``: its name; None: ``svc``'s, or with no ``svc`` every outage, as
    the top-level block of a policy measuring no service counts them) or no service. Without ``svc`` (no
    service, or a name no version declares) maintenance and noticed stops are excused and every hour
    is measured."""
    excused: list[Interval] = []
    if svc is None or svc.hours.except_maintenance:
        excused += maintenance
    if svc is None or svc.hours.except_planned_stops:
        excused += stops
    names = (None, name if name is not None else svc.name if svc is not None else None)
    excused += [iv for n in dict.fromkeys(names) for iv in outages.excused.get(n, ())]
    excluded = [iv for n in dict.fromkeys(names) for iv in outages.excluded.get(n, ())]
    closed = closed_hours(rules, svc, lo, hi) if svc is not None else []
    ex_union = union(c for iv in [*excused, *closed] if (c := clip(iv, lo, hi)))
    all_off = union(ex_union + [c for iv in excluded if (c := clip(iv, lo, hi))])
    return ServiceOff(all_off, ex_union, length(union(c for iv in closed if (c := clip(iv, lo, hi)))))


def service_named(ctx: Ctx, name: str) -> tuple[Rules, m.Service | None]:
    """The service an outage names, as the version in force at the period's start defines it (else the
    first version that measures it, else the first that declares it), and that version; None for a
    name no version declares (measured as a policy without a measured service measures outages)."""
    first = ctx.primary
    order = [first, *(r for r in ctx.versions.rules if r is not first)]
    for measured_only in (True, False):
        for rules in order:
            for s in rules.model.services:
                if s.name == name and (s.availability_measured or not measured_only):
                    return rules, s
    return first, None


def _targets(svc: m.Service) -> list[m.AvailabilityTarget]:
    """The targets judged for a service, in the policy's order (:func:`sla_dsl.lang.service_plans.ordered`:
    as the site lists them): those with ``when`` written above the one without, that one (a figure-only
    row when it has none), then the rest."""
    plain = m.AvailabilityTarget(
        percent=svc.availability_target if svc.availability_target is not None else -1.0,
        period=svc.period,
        credits=svc.credits,
        span=svc.span,
    )
    first = svc.plan_targets[: svc.plan_targets_first]
    return [*first, plain, *svc.plan_targets[svc.plan_targets_first :]]


def _period(
    ctx: Ctx,
    svc: m.Service,
    promise: m.AvailabilityTarget,
    rules: Rules,
    lo: float,
    hi: float,
    whole: bool,
    split: _Split,
) -> AvailabilityPeriod:
    end = max(lo, min(hi, ctx.as_of))
    closed = closed_hours(rules, svc, lo, end)
    excused = split.off.within(lo, end)
    off_u = union([*excused, *closed]) if closed else excused
    measured = (end - lo) - length(off_u)
    down = union(piece for c in split.counted.within(lo, end) for piece in subtract(c, off_u))
    downtime = length(down)
    ratio = (measured - downtime) / measured if measured > 0 else 1.0
    complete = whole and hi <= ctx.as_of
    target = promise.percent if promise.percent >= 0 else None
    met = None if target is None else ratio * 100 >= target
    who = f" for customers with {promise.when}" if promise.when is not None else ""
    ref = art(svc.ref)
    begins, ends = ctx.fmt_ends(lo, hi, rules)
    explain = [
        step(text=f"{svc.name}: {begins} to {ends}", ref=ref),
        step(
            text=f"measured {fmt_span(measured)} ("
            + (f"outside {svc.hours.calendar} hours {fmt_span(length(closed))}, " if closed else "")
            + f"excused or excluded {fmt_span(length(off_u) - length(closed))}), "
            f"downtime {fmt_span(downtime)}: availability {percent_against(ratio, target, 4)}"
            + ("" if complete else " (the period is not over or not wholly evaluated)"),
            ref=ref,
        ),
    ]
    if target is not None:
        explain.append(step(text=f"target {target:g}%{who}: {'met' if met else 'below target'}", ref=ref))
        if not met and complete:
            ctx.violations.append(
                Violation(
                    kind="availability",
                    id=period_id(svc.name, rules.dt(lo).date(), promise.when),
                    at=rules.dt(hi),
                    ref=ref,
                    message=f"availability of {svc.name} from {ctx.fmt(lo, rules)} to {ctx.fmt(hi, rules)} "
                    f"{percent_against(ratio, target, 4)} below the target {target:g}%{who}",
                )
            )
    return AvailabilityPeriod(
        service=svc.name,
        period=promise.period.value,
        when=str(promise.when) if promise.when is not None else None,
        start=rules.dt(lo),
        end=rules.dt(hi),
        complete=complete,
        measured_minutes=measured / 60,
        downtime_minutes=downtime / 60,
        ratio=ratio,
        target=target,
        met=met,
        ref=ref,
        explain=explain,
    )


def tier(svc: m.Service | m.AvailabilityTarget, ratio: float) -> m.CreditTier | None:
    """The credit tier an availability ratio falls in: the lowest figure it is below (None: none)."""
    below = [t for t in svc.credits if ratio * 100 < t.below]
    return min(below, key=lambda t: t.below) if below else None


def _credit(
    ctx: Ctx, svc: m.Service, promise: m.AvailabilityTarget, rules: Rules, row: AvailabilityPeriod
) -> CreditRow | None:
    if not row.complete or row.target is None or row.met:
        return None
    hit = tier(promise, row.ratio)
    if hit is None:
        return None
    ref = art(svc.ref)
    return CreditRow(
        service=svc.name,
        start=row.start,
        end=row.end,
        ratio=row.ratio,
        target=row.target,
        below=hit.below,
        credit_percent=hit.credit,
        ref=ref,
        when=row.when,
        explain=[
            step(
                text=f"availability {percent_against(row.ratio, hit.below, 4)} from {row.start:%Y-%m-%d} "
                f"to {row.end:%Y-%m-%d}",
                ref=ref,
            ),
            step(
                text=f"below {hit.below:g}%: a credit of {hit.credit:g}% of the fee is owed"
                + (f" to customers with {row.when}" if row.when else ""),
                ref=ref,
            ),
        ],
    )
