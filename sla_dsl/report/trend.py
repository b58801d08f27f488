"""The trend against earlier months in the customer report (issue 16): one month's figures, and the table.

Design notes
------------
* The data is ``Report.trend``: :class:`~sla_dsl.report.TrendMonth` rows, oldest first, the
  current month last, filled by the evaluator (:mod:`sla_dsl.evaluation.trend`), which hands
  :func:`figures` each month's facts. :func:`figures` counts what the report's summary counts,
  the same way: per priority the responses met of those judged (``met`` or ``breached``); per
  named target of a priority (``first reply within 30 business minutes on chat``) the incidents
  whose target is met of those judged; per notification rule (on outages, or on incident
  events) the notices met of those judged; the planned stops whose notice is valid of those
  that start in the month; each notice in one month only, as the summary counts it (an outage's
  notice settled before the month of an outage carried into it, or from the next month's start
  of an outage still down then, is the other month's: :func:`.settled.outage_counts_in`); per
  measured service and target (the one without ``when``, then each with ``when``) the
  availability the summary shows (its lowest measurement period); per backup kind the days
  (or windows of N hours) taken of those judged (``ok`` or ``missed``, not ``pending``), or for
  a continuous kind the backups in the primary zone (``faults``) and those that state no zone
  (``unverified``, not judged), both null when none of the kind completed in the month: nothing
  was judged, which the summary reads "none recorded, cannot be verified" (it read 0 faults, a
  clean month). So the current month's column says what the summary says.
* A month's facts come in two parts. :class:`MonthFacts` holds what the report's other rows
  give (outages, stops, backup days, zone faults, availability figures); a :data:`Tally` holds
  the incidents' counts per :class:`FigureKey`, since a year holds hundreds of thousands of
  incidents and the evaluator counts them on columns. :func:`facts_of` and :func:`tally_of` read
  both from a month's own report: the reference the evaluator's one pass is tested against.
* :func:`with_changes` sets each figure's change against the month before it (``ratio``
  minus the previous ``ratio``; none in the first month or when either has no figure). A
  continuous backup has no ratio: its change column shows the change in its count of faults.
* :func:`trend_parts` writes one table for text, Markdown and HTML: a row per commitment
  (named as in the summary, from the policy's labels), a column per month, and the change of
  the current month against the previous one in percentage points (a rise is marked good, a
  fall bad; for faults the other way round). Each row is named from the version that defines
  what it is about (:meth:`.words.PolicyWords.defining`), as the summary names it, so a priority, a
  rule or a service a version from mid-period adds is named by its label, not its id; each month's
  figure is worded by the versions in force that month (the target it is kept below, windows or
  days). A row of incidents' verdicts (a priority's response or named target) names the priority by
  the labels of the versions in force in the months it has a judged figure of, each once
  (``優先度１／優先度１（緊急）``), as the summary names a row several versions judged (:func:`_judging`).
  Every word comes from the message catalogue (``report.trend.*``); no table at all when the report
  has no trend.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from ..i18n import format_date, format_month
from ..lang import model as lm
from . import BackupRow, OutageRow, Report, StopRow, TrendFigure, TrendMonth, periods
from .parts import Part
from .settled import (
    clock_of,
    counts_in,
    done_of,
    outage_notice,
    outage_notice_counts,
    response_settled,
    stop_counts_in,
    target_settled,
)
from .target_names import target_commitment
from .words import Cell, Mark, PolicyWords, percent_against

__all__ = [
    "Count",
    "FigureKey",
    "MonthFacts",
    "Tally",
    "availability_promised",
    "facts_of",
    "figures",
    "tally_of",
    "trend_parts",
    "with_changes",
]

#: The order of commitments in the table (a continuous backup sits among the backups, in the policy's order).
RANK = {
    "response": 0,
    "target": 1,
    "notice": 2,
    "stop_notice": 3,
    "availability": 4,
    "backup": 5,
    "continuous_backup": 5,
}


class FigureKey(NamedTuple):
    """What one figure is about: its commitment and subject, and for a named target its priority and
    clock, for an availability target its ``when``."""

    commitment: str
    subject: str
    priority: str | None = None
    clock: str | None = None
    when: str | None = None


class Count(NamedTuple):
    """How many were judged, and how many of them met the target."""

    met: int
    judged: int


#: One month's counts of incident verdicts: responses per priority, named targets, incident notices.
Tally = Mapping[FigureKey, Count]


class MonthFacts(NamedTuple):
    """What one month's report gives besides its incidents: the rows the figures are counted from."""

    outages: Sequence[OutageRow]
    stops: Sequence[StopRow]
    backups: Sequence[BackupRow]
    #: per backup kind, how many backups have a zone problem (``backup_zone`` violations, by id)
    zone_faults: Mapping[str, int]
    #: per backup kind, how many backups state no zone (``data`` violations ``zone_unstated``, by id)
    zone_unstated: Mapping[str, int]
    #: per backup kind, how many backups of it completed in the month (each id's first completion; a kind
    #: with none absent); None when not known (a report read back from a JSON without ``backups_taken``)
    taken: Mapping[str, int] | None
    #: per (service, ``when`` as written or None), the availability figure the summary shows
    availability: Mapping[tuple[str, str | None], float]
    #: the month's first instant (its report's ``from``): a notice an outage or stop carried into it settled
    #: before it is an earlier month's (:func:`.settled.outage_counts_in`, :func:`.settled.stop_counts_in`)
    start: float = -math.inf
    #: where the month after it starts (the report's ``to`` for its last month): a notice settled then or
    #: later of an outage still down is that month's; None: no month follows
    until: float | None = None


def _ratio(met: int, judged: int) -> float | None:
    return met / judged if judged else None


def outage_rules(model: lm.PolicyModel | None) -> list[lm.Notify]:
    """The notification rules that start on an outage event (the recovery notice)."""
    return [n for n in (model.notifications if model else ()) if n.after.startswith("outage.")]


def measured_services(model: lm.PolicyModel | None) -> list[lm.Service]:
    """The services whose availability the summary shows: measured, or with a target."""
    return [
        s for s in (model.services if model else ()) if s.availability_measured or s.availability_target is not None
    ]


def availability_keys(model: lm.PolicyModel | None) -> list[tuple[str, str | None]]:
    """Per measured service, its targets in the policy's order (those with ``when`` written above the one
    without, that one, then the rest): (service, when)."""
    return [
        (s.name, w)
        for s in measured_services(model)
        for w in [
            *(str(t.when) for t in s.plan_targets[: s.plan_targets_first]),
            None,
            *(str(t.when) for t in s.plan_targets[s.plan_targets_first :]),
        ]
    ]


def availability_promised(model: lm.PolicyModel | None, service: str, when: str | None) -> bool:
    """Which rows of ``service``'s target (``when``) the summary's figure is taken from in a report whose
    ``from`` version ``model`` is in force at (:func:`.periods.service_figure`'s ``promised``): for the target
    without ``when``, those with a percentage when ``model`` states one, else the figures without one; a
    version that adds (or drops) the percentage inside a month gives both rows of that month, and both can
    start on one day (``content:2026-11-15`` and ``content:2026-11-15:measured``). A target with ``when``
    always has a percentage."""
    if when is not None:
        return True
    s = next((x for x in measured_services(model) if x.name == service), None)
    return s is not None and s.availability_target is not None


def taken_backups(model: lm.PolicyModel | None) -> list[lm.Backup]:
    """The backup kinds judged per day or window: taken every N days or hours (not continuous)."""
    return [b for b in (model.backups if model else ()) if b.every is not None and not b.continuous]


def named_targets(model: lm.PolicyModel | None) -> list[FigureKey]:
    """The named targets of the policy's priorities (each priority, target and clock once), in its order."""
    keys: list[FigureKey] = []
    for p in model.priorities if model else ():
        for t in p.targets:
            key = FigureKey("target", t.name, p.id, t.clock)
            if key not in keys:
                keys.append(key)
    return keys


def count_targets(
    tally: dict[FigureKey, Count],
    pid: str,
    targets: Iterable[Any],
    counts: Callable[[float], bool] | None = None,
) -> None:
    """Add one incident's named targets and incident notices (``TargetRow`` or the evaluator's
    verdicts: ``name``, ``kind``, ``clock``, ``status``, ``due``, ``met_at``) to ``tally``; with
    ``counts``, only those whose verdict's settling instant it keeps (:func:`.settled.counts_in`)."""
    for t in targets:
        if t.status not in ("met", "breached"):
            continue
        if counts is not None and not counts(target_settled(t)):
            continue
        key = FigureKey("notice", t.name) if t.kind == "notify" else FigureKey("target", t.name, pid, t.clock)
        met, judged = tally.get(key, (0, 0))
        tally[key] = Count(met + (t.status == "met"), judged + 1)


def tally_of(
    incidents: Iterable[Any], start: dt.datetime | None = None, until: dt.datetime | None = None
) -> dict[FigureKey, Count]:
    """The counts of a report's incident rows (its ``incidents``): the reference for one month. With
    ``start`` (the report's ``from``) a verdict settled before it of an incident carried over is not
    counted (an earlier report counted it), and with ``until`` (the start of the next month of a trend)
    neither is one settled after it of an incident listed again then: :func:`.settled.counts_in`."""
    tally: dict[FigureKey, Count] = {}
    t0 = -math.inf if start is None else start.timestamp()
    t1 = None if until is None else until.timestamp()
    for i in incidents:
        clock, done = clock_of(i), done_of(i)

        def counts(settled: float, clock: float = clock, done: float = done) -> bool:
            return counts_in(clock, settled, done, t0, t1)

        key = FigureKey("response", i.priority)
        met, judged = tally.get(key, (0, 0))
        judged_here = i.status in ("met", "breached") and counts(response_settled(i))
        tally[key] = Count(met + (judged_here and i.status == "met"), judged + judged_here)
        count_targets(tally, i.priority, i.targets, counts)
    return tally


def zone_faults(violations: Iterable[Any]) -> dict[str, int]:
    """Per backup kind, the backups with a zone problem among ``violations`` (each id once)."""
    ids: dict[str, set[str]] = {}
    for v in violations:
        if v.kind == "backup_zone":
            ids.setdefault(v.backup_kind or "", set()).add(v.id)
    return {kind: len(found) for kind, found in ids.items()}


def zone_unstated(violations: Iterable[Any]) -> dict[str, int]:
    """Per backup kind, the backups among ``violations`` that state no zone (``data`` violations whose note
    is ``zone_unstated``: where they were taken cannot be judged), each id once."""
    ids: dict[str, set[str]] = {}
    for v in violations:
        if v.kind == "data" and v.note is not None and v.note.what == "zone_unstated":
            ids.setdefault(v.note.kind or "", set()).add(v.id)
    return {kind: len(found) for kind, found in ids.items()}


def facts_of(report: Report, model: lm.PolicyModel | None) -> MonthFacts:
    """The facts of one month's own report (the reference the evaluator's one pass is tested against): its
    notices counted as its summary counts them, from its ``from`` until its ``to``."""
    return MonthFacts(
        outages=report.outages,
        stops=report.planned_stops,
        backups=report.backups,
        zone_faults=zone_faults(v for v in report.violations if v.kind == "backup_zone"),
        zone_unstated=zone_unstated(v for v in report.violations if v.kind == "data"),
        taken=report.backups_taken,
        availability={
            (s, w): periods.service_figure(report, s, w, availability_promised(model, s, w))
            for s, w in availability_keys(model)
        },
        start=report.period.start.timestamp(),
        until=report.period.end.timestamp(),
    )


def _by_priority(key: FigureKey) -> tuple[str, str, str]:
    return key.priority or "", key.subject, key.clock or ""


def figures(facts: MonthFacts, model: lm.PolicyModel | None, tally: Tally) -> list[TrendFigure]:
    """One month's figures from its facts and its incidents' counts."""
    out: list[TrendFigure] = []

    def counted(commitment: str, subject: str, c: Count, **extra: str | None) -> TrendFigure:
        return TrendFigure(
            commitment=commitment,
            subject=subject,
            judged=c.judged,
            met=c.met,
            ratio=_ratio(c.met, c.judged),
            **extra,
        )

    none = Count(0, 0)
    responses = {k.subject for k in tally if k.commitment == "response"}
    for pid in sorted(responses | ({p.id for p in model.priorities} if model else set())):
        out.append(counted("response", pid, tally.get(FigureKey("response", pid), none)))
    named = named_targets(model)
    # then the targets of incidents judged under another version, by priority (an order of their own:
    # a month's counts are summed from partitions in any order, :mod:`sla_dsl.evaluation.partition`)
    others = sorted((k for k in tally if k.commitment == "target" and k not in named), key=_by_priority)
    for key in [*named, *others]:
        out.append(counted("target", key.subject, tally.get(key, none), priority=key.priority, clock=key.clock))
    on_outages = outage_rules(model)
    for rule in model.notifications if model else ():
        if rule not in on_outages:  # a rule on incident events: counted with the incidents
            out.append(counted("notice", rule.name, tally.get(FigureKey("notice", rule.name), none)))
            continue
        first = rule is on_outages[0]  # (its verdict is also the outage's own notice_status)
        # each notice in one month only, as the summary counts it (:func:`.settled.outage_notice_counts`)
        notices = [(o, outage_notice(o, rule.name, first)) for o in facts.outages]
        statuses = [
            n.status for o, n in notices if n is not None and outage_notice_counts(o, n, facts.start, facts.until)
        ]
        out.append(
            counted("notice", rule.name, Count(statuses.count("met"), sum(s in ("met", "breached") for s in statuses)))
        )
    stops = [s for s in facts.stops if stop_counts_in(s.start.timestamp(), facts.start)]  # (not those carried in)
    for ps in model.planned_stops if model else ():
        out.append(counted("stop_notice", ps.name, Count(sum(s.notice_ok for s in stops), len(stops))))
    for service, when in availability_keys(model):
        ratio = facts.availability.get((service, when))
        out.append(TrendFigure(commitment="availability", subject=service, when=when, ratio=ratio))
    days: dict[str, Counter[str]] = {}
    for row in facts.backups:
        days.setdefault(row.kind, Counter())[row.status] += 1
    for b in model.backups if model else ():
        if b.continuous:
            # none of the kind completed in the month: nothing judged, no figure (not 0 faults, a clean month)
            judged = facts.taken is None or facts.taken.get(b.kind, 0) > 0
            out.append(
                TrendFigure(
                    commitment="continuous_backup",
                    subject=b.kind,
                    faults=facts.zone_faults.get(b.kind, 0) if judged else None,
                    unverified=facts.zone_unstated.get(b.kind, 0) if judged else None,
                )
            )
        elif b.every is not None:
            c = days.get(b.kind, Counter())
            out.append(counted("backup", b.kind, Count(c["ok"], c["ok"] + c["missed"])))
    return out


def key_of(f: TrendFigure) -> FigureKey:
    """The figure's key (the same commitment in another month has the same key)."""
    return FigureKey(f.commitment, f.subject, f.priority, f.clock, f.when)


def with_changes(months: Sequence[TrendMonth]) -> list[TrendMonth]:
    """The months with each figure's ``change`` against the month before (in place; returned as a list)."""
    before: dict[FigureKey, float | None] = {}
    for k, month in enumerate(months):
        now: dict[FigureKey, float | None] = {}
        for f in month.figures:
            key = key_of(f)
            prev = before.get(key)
            f.change = f.ratio - prev if k and f.ratio is not None and prev is not None else None
            now[key] = f.ratio
        before = now
    return list(months)


# -- the table ---------------------------------------------------------------------------------


def _clock(w: PolicyWords, name: str) -> str:
    found = next((c for c in (w.model.clocks if w.model else ()) if c.name == name), None)
    return (found.label.text(w.lang) if found is not None else "") or name


def _service(w: PolicyWords, service: str, when: str | None) -> str:
    """The service as the summary's availability line names it: with whom a ``when`` target is for."""
    svc = next((s for s in measured_services(w.model) if s.name == service), None)
    name = (svc.label.text(w.lang) if svc is not None else "") or service
    if when is not None:
        target = next((t for t in (svc.plan_targets if svc else ()) if str(t.when) == when), None)
        name += "、" + (periods.whom(w, service, target) if target is not None else when)
    elif svc is not None and svc.plan_targets:
        name += "、" + w.m("report.when.others")
    return name if w.lang == "ja" else name.replace("、", ", ")


def _has_priority(pid: str) -> Callable[[lm.PolicyModel], bool]:
    return lambda md: bool(md.rules_of(pid))


def _has_clock(name: str) -> Callable[[lm.PolicyModel], bool]:
    return lambda md: any(c.name == name for c in md.clocks)


def _has_notice(name: str) -> Callable[[lm.PolicyModel], bool]:
    return lambda md: any(n.name == name for n in md.notifications)


def _has_service(name: str) -> Callable[[lm.PolicyModel], bool]:
    return lambda md: any(s.name == name for s in measured_services(md))


def _has_backup(kind: str) -> Callable[[lm.PolicyModel], bool]:
    return lambda md: any(b.kind == kind for b in md.backups)


def _label(w: PolicyWords, key: FigureKey, ws: Sequence[PolicyWords] = (), judged: Sequence[PolicyWords] = ()) -> str:
    """The commitment's name, as the summary names it: each thing from the version that defines it
    (:meth:`.words.PolicyWords.defining`: the version at ``from``, else a version in force during the
    period, ``ws``, as the summary takes them, else the nearest version given), so a priority, a rule or
    a service only a version from mid-period (or only an earlier month's) has is named by its label, not
    its id. A priority by the latest version in force that has it, as the summary's row; a row of incidents'
    verdicts by the labels of the versions that judged them (``judged``: those in force in the months it has
    a figure of, :func:`_judging`), each once (``優先度１／優先度１（緊急）``), as the summary names its row."""
    commitment, subject = key.commitment, key.subject
    if commitment == "response":
        named = w.priority_in(subject, judged) if judged else None
        return w.m(
            "report.commit.response", label=named or w.defining(_has_priority(subject), ws[::-1]).priority(subject)
        )
    if commitment == "target":
        pid = key.priority or ""
        return target_commitment(  # (a next reply by its clock's label)
            w,
            w.priority_in(pid, judged) if judged else w.defining(_has_priority(pid), ws[::-1]).priority(pid),
            subject,
            key.clock,
            _clock(w.defining(_has_clock(key.clock or ""), ws), key.clock or ""),
        )
    if commitment == "notice":
        nw = w.defining(_has_notice(subject), ws)
        rule = next((n for n in (nw.model.notifications if nw.model else ()) if n.name == subject), None)
        return (rule.label.text(w.lang) if rule is not None else "") or subject
    if commitment == "stop_notice":
        return w.m("report.commit.stops")
    if commitment == "availability":
        sw = w.defining(_has_service(subject), ws)
        return w.m("report.trend.availability", service=_service(sw, subject, key.when))
    bw = w.defining(_has_backup(subject), ws)
    if commitment == "continuous_backup":
        return continuous_label(bw, subject, bw.backup_rule(subject))
    return w.m("report.commit.backup", label=bw.backup_kind(subject))


def _judging(
    w: PolicyWords, key: FigureKey, figures: Sequence[TrendFigure | None], months: Sequence[TrendMonth]
) -> list[PolicyWords]:
    """The versions whose verdicts a row of a priority's incidents (a response, a named target) counts: those in
    force in each month it has a judged figure of, by effective date (of a named target, those that set it when
    any does); none for a row of another commitment, or of nothing judged."""
    if key.commitment not in ("response", "target"):
        return []
    found: dict[int, PolicyWords] = {}
    for f, m in zip(figures, months, strict=True):
        if f is not None and f.judged:
            found.update((id(v.policy), v) for v in _month_words(w, m) if v.policy is not None)
    pid = key.priority if key.commitment == "target" else key.subject
    out = sorted(
        (v for v in found.values() if v.rules_of(pid or "")),
        key=lambda v: v.policy.effective if v.policy else dt.date.min,
    )
    if key.commitment == "target":
        out = [v for v in out if key in named_targets(v.model)] or out
    return out


def continuous_label(w: PolicyWords, kind: str, rule: lm.Backup | None) -> str:
    """A continuous backup kind as the summary and the trend name it: its label (``rule``'s, the kind
    without one), "(another zone)" after it when the rule takes it in another zone (or is not known),
    not when it only keeps its backups (``continuous`` with ``keep`` alone)."""
    label = (rule.label.text(w.lang) if rule is not None else "") or w.backup_kind(kind)
    zone = rule is None or rule.other_zone
    return w.m("report.commit.continuous" if zone else "report.commit.backup", label=label)


def _month(w: PolicyWords, m: TrendMonth) -> str:
    """``2026年10月度`` / ``October 2026``; a month cut to the period as its first and last day."""
    last = (m.end - dt.timedelta(microseconds=1)).date()
    midnight = dt.time()
    whole = m.start.day == 1 and m.start.time() == midnight and m.end.day == 1 and m.end.time() == midnight
    if whole and (last.year, last.month) == (m.start.year, m.start.month):
        text = format_month(m.month, w.lang)
    else:
        text = w.m("report.trend.span", start=format_date(m.start.date(), w.lang), end=format_date(last, w.lang))
    return w.m("report.trend.current", month=text) if m.current else text


def _month_words(w: PolicyWords, m: TrendMonth) -> list[PolicyWords]:
    """The words of each version in force at some instant of month ``m``, by effective date (each from its
    date until the next one's, the earliest also before its own)."""
    last = (m.end - dt.timedelta(microseconds=1)).date()
    first = w.at(m.start.date())
    return [first, *(w.version(p.version, p.effective) for p in w.policies if m.start.date() < p.effective <= last)]


def _availability_target(ws: Sequence[PolicyWords], service: str, when: str | None) -> float | None:
    """The availability target (percent) of a service, or of its target with ``when``, in the first of
    the versions ``ws`` (those in force in the figure's month) that measures it; None without one."""
    svc = next((s for v in ws for s in measured_services(v.model) if s.name == service), None)
    if svc is None:
        return None
    if when is None:
        return svc.availability_target
    return next((t.percent for t in svc.plan_targets if str(t.when) == when), None)


def _cell(w: PolicyWords, f: TrendFigure | None, m: TrendMonth) -> str:
    """A figure of month ``m``, worded by the versions in force that month (its target, its windows)."""
    if f is not None and f.commitment == "continuous_backup":
        if f.faults is None:  # none completed in the month: nothing judged, as the summary says it
            return w.m("report.result.none_taken")
        said = w.m("report.trend.cell_faults", n=f.faults)
        if f.unverified:
            said += w.m("report.trend.note_sep") + w.m("report.trend.cell_unverified", n=f.unverified)
        return said
    if f is None or f.ratio is None:
        return "-"
    month = _month_words(w, m)
    if f.commitment == "availability":  # never rounded up to the target it is below, as the summary says it
        ws = [*month, w.defining(_has_service(f.subject))]  # (the service's own target when no version then has it)
        # (one figure, a row per target of the service: on no row across any of them, as the summary)
        same = (
            g for g in m.figures if g.commitment == "availability" and g.subject == f.subject and g.ratio == f.ratio
        )
        target = periods.kept_against(f.ratio, [_availability_target(ws, g.subject, g.when) for g in same])
        return percent_against(f.ratio, target, 3)
    key = "report.trend.cell"
    if f.commitment == "backup":
        rules = [r for v in month if (r := v.backup_rule(f.subject)) is not None]
        rules = rules or [r for r in [w.defining(_has_backup(f.subject)).backup_rule(f.subject)] if r is not None]
        hours = any(r.every is not None and r.every.unit is lm.TimeUnit.HOUR for r in rules)
        key = "report.trend.cell_windows" if hours else "report.trend.cell_days"
    return w.m(key, percent=f"{f.ratio:.1%}", met=f.met, judged=f.judged)


def _change(w: PolicyWords, f: TrendFigure | None, before: TrendFigure | None) -> Cell:
    if f is not None and f.faults is not None:  # a count of faults: its difference, a rise is bad
        if before is None or before.faults is None:
            return "-"
        diff = f.faults - before.faults
        if diff == 0:
            return w.m("report.trend.faults_change", value="±0")
        return _worded(w, w.m("report.trend.faults_change", value=f"{diff:+d}"), diff < 0)
    if f is None or f.change is None:
        return "-"
    points = f.change * 100
    digits = 3 if f.commitment == "availability" else 1
    shown = f"{points:+.{digits}f}"
    if float(shown) == 0:
        return w.m("report.trend.points", value=f"±{abs(points):.{digits}f}")
    return _worded(w, w.m("report.trend.points", value=shown), points > 0)


def _worded(w: PolicyWords, change: str, better: bool) -> Mark:
    """A change marked good or bad, and said so in words (``+12.0ポイント（改善）``): a reader who does not see
    the colour (a screen reader, a print in black and white) knows which way it went from more than a sign,
    which for a count of faults means the other way round."""
    said = w.m("report.trend.better" if better else "report.trend.worse", change=change)
    return Mark(said, "good" if better else "bad")


def trend_parts(report: Report, w: PolicyWords) -> list[Part]:
    """The trend table (none when the report has no earlier month)."""
    months = report.trend
    if len(months) < 2:
        return []
    keys: list[FigureKey] = []
    by_month: list[dict[FigureKey, TrendFigure]] = []
    for m in months:
        found: dict[FigureKey, TrendFigure] = {key_of(f): f for f in m.figures}
        by_month.append(found)
        keys += [k for k in found if k not in keys]
    keys.sort(key=lambda k: RANK[k.commitment])  # stable: the policy's order within a commitment
    rows: list[list[Cell]] = []
    ws = w.during(report.versions_in_force())  # (the versions in force during the period, as the summary's)
    for key in keys:
        row: list[Cell] = [_label(w, key, ws, _judging(w, key, [found.get(key) for found in by_month], months))]
        row += [_cell(w, found.get(key), m) for found, m in zip(by_month, months, strict=True)]
        row.append(_change(w, by_month[-1].get(key), by_month[-2].get(key)))
        rows.append(row)
    header = [w.m("report.commitment"), *(_month(w, m) for m in months), w.m("report.trend.change")]
    notes = (w.m("report.trend.note", as_of=w.with_year().t(report.period.as_of)),)
    numeric = tuple(range(1, len(header)))
    return [Part(w.m("report.trend"), header, rows, notes, "trend", numeric)]
