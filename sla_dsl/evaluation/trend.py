"""The trend against earlier months (issue 16): each commitment's figure, month by month.

Design notes
------------
* Which months: the calendar months (in the policy's time zone) that the period touches, each
  cut to the period, and before them each whole month the event log reaches back to: the log's
  earliest event lies on or before that month's first day. A month the log covers only in part
  is left out (its days before the first event would read as missed backups, its incidents as
  none). At most the last :data:`MAX_MONTHS` (the current month and a year before it). One month
  alone is no trend: the list stays empty.
* A month's figures are those that month's own report gives (``sla evaluate --from`` its first
  day ``--to`` the next, as of the same ``as_of``), counted by
  :func:`sla_dsl.report.trend.figures` the way the report's summary counts them. They are not
  judged month by month: one judging is split by month, in one pass. The report's own judging
  serves the months of the period; one judging of the log over the earlier months serves those.
  This gives each month's own report because no verdict depends on the period, only on
  ``as_of``; the period only says which verdicts a report lists:
  - incidents (responses, named targets, notices on incident events): those whose clock starts
    in the month, or started earlier and are not completed at its start (the contract's rule);
    counted on columns (a year holds hundreds of thousands);
  - outages (their notices): those that start in the month or are open at its start, each notice
    counted in one month only, as incidents' are (:func:`sla_dsl.report.settled.outage_counts_in`);
    planned stops: those whose window starts in it (one running across its start is listed, its
    notice counted in the month it starts in); backup days and windows:
    those whose first instant lies in it; zone problems, backups that state no zone, and how many
    backups of each kind were taken: the backups completed in it (each id's first completion, read
    from the log once: :func:`first_completions`), so a continuous kind none of whose backups
    completed in a month has no figure there, not 0 faults;
  - availability: the judging's measurement period that is exactly the month (a monthly target's
    row), of the rows the month's summary takes its figure from
    (:func:`sla_dsl.report.trend.availability_promised`: a figure's row and its target's row can both
    be exactly the month, when ``from`` cuts both). A target measured per quarter or per period has
    no such row: then, and only then, that month's outages and stops are judged over the month (a
    year holds some thousands, so this is cheap), and its availability read from that month's report.
  ``tests/report/test_trend.py`` checks every month against its own evaluation.
* Parts (:mod:`.partition`, Dask and Spark): each partition (which holds all the events of its
  incidents) counts its incidents per month, those judged over the period in the period's months
  (:func:`period_tallies`) and, in one more judging, those of earlier months
  (:func:`early_tallies`); the counts are summed when partials merge (a count of the merged
  incidents would read every one of them again where the partials meet). The outages, stops and
  backups of every month are judged once where the partials meet (:func:`partial_trend`).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from itertools import chain
from operator import itemgetter
from typing import NamedTuple, Protocol

import numpy as np
from numpy.typing import NDArray

from ..calendars.bounds import FIRST_DATE
from ..events.schema import CODE, EventLog
from ..lang.model import PolicyModel
from ..policy.compiled import Policy
from ..report import Report, TrendMonth
from ..report.periods import service_figure
from ..report.settled import counts_in, response_settled
from ..report.trend import (
    Count,
    FigureKey,
    MonthFacts,
    Tally,
    availability_keys,
    availability_promised,
    count_targets,
    figures,
    with_changes,
    zone_faults,
    zone_unstated,
)
from .incidents import Incident
from .result import Evaluation, Verdicts, incident_fields

__all__ = [
    "MAX_MONTHS",
    "Judge",
    "add_trend",
    "early_tallies",
    "months",
    "partial_trend",
    "period_tallies",
    "trend_months",
]

#: The most months a trend shows: the current one and the twelve before it.
MAX_MONTHS = 13
ENDED = CODE["outage.ended"]
COMPLETED = CODE["backup.completed"]


class Judge(Protocol):
    """The judging of a log over a period (:func:`sla_dsl.evaluation.judge_log`), handed in by the
    package entry, which calls this step: a step never imports the package that runs it."""

    def __call__(
        self,
        policy: Sequence[Policy],
        log: EventLog,
        start: dt.datetime,
        end: dt.datetime,
        as_of: dt.datetime,
        /,
        *,
        skip_invalid: bool,
    ) -> Evaluation: ...


class Span(NamedTuple):
    """One month of the trend: the month (its first day) and the instants [start, end) it covers."""

    month: dt.date
    start: float
    end: float


def _first(y: int, m: int, tz: dt.tzinfo) -> float:
    """00:00 of the first day of month ``m`` of year ``y`` in ``tz``, as epoch seconds."""
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return dt.datetime(y, m, 1, tzinfo=tz).timestamp()


def months(p0: float, p1: float, tz: dt.tzinfo, first_event: float | None) -> list[Span]:
    """The months of the trend, oldest first (see the module notes)."""
    local = dt.datetime.fromtimestamp(p0, tz)
    y, m = local.year, local.month
    period: list[Span] = []
    k = 0
    while (lo := _first(y, m + k, tz)) < p1:
        month = dt.datetime.fromtimestamp(lo, tz).date()
        period.append(Span(month, max(lo, p0), min(_first(y, m + k + 1, tz), p1)))
        k += 1
    earlier: list[Span] = []
    if first_event is not None:
        first_day = dt.datetime.fromtimestamp(first_event, tz).date()
        k = -1
        while len(earlier) + len(period) < MAX_MONTHS:
            lo = _first(y, m + k, tz)
            month = dt.datetime.fromtimestamp(lo, tz).date()
            if month < max(first_day, FIRST_DATE):  # (not before the supported years either)
                break
            earlier.insert(0, Span(month, lo, _first(y, m + k + 1, tz)))
            k -= 1
    return (earlier + period)[-MAX_MONTHS:]


def earliest(log: EventLog) -> float | None:
    """The instant of the log's earliest event."""
    # in C loops: a year's log has about a million records
    return min(
        map(itemgetter(0), chain.from_iterable(chain.from_iterable(g.values() for g in log.groups))), default=None
    )


def _copy(log: EventLog, *, incidents: bool, span: Span | None = None) -> EventLog:
    """The log's events for another judging, in a copy of its groups (judging puts each id's list in
    order in place of the old one, so the original stays as it was): its incidents or none, and its
    outages and stops (only those that can touch ``span``, when given: they start before its end
    and have an event in it or after, or never end); its backups unless ``span`` is given."""
    out = EventLog(log.source)
    inc, outages, stops, backups = log.groups
    if span is not None:
        outages = {
            ident: recs
            for ident, recs in outages.items()
            if recs
            and min(r[0] for r in recs) < span.end
            and (max(r[0] for r in recs) >= span.start or all(r[1] != ENDED for r in recs))
        }
    out.groups = (dict(inc) if incidents else {}, dict(outages), dict(stops), {} if span is not None else dict(backups))
    out.count = log.count
    return out


# -- incidents: counted on columns -------------------------------------------------------------


def incident_tallies(
    incidents: Sequence[Incident], spans: Sequence[Span], until: float | None = None
) -> list[dict[FigureKey, Count]]:
    """Per month, the counts of the incidents its report lists (responses per priority, and the named
    targets and incident notices of those that have them), each verdict in one month only
    (:func:`sla_dsl.report.settled.counts_in`): not in a month it was carried into after it settled,
    and not in a month followed by another where it settled and is listed again. ``until`` is the start
    of the month after the last span when the trend goes on after them (the earlier months: the
    period's first), None when the last span is the trend's last."""
    out: list[dict[FigureKey, Count]] = [{} for _ in spans]
    n = len(incidents)
    if not n or not spans:
        return out
    starts = np.array([s.start for s in spans])
    ends = np.array([s.end for s in spans])
    # where each month's successor starts: the last month's, at its end (the report's `to`: the next period
    # counts what settled after it, as the summary leaves it: :func:`sla_dsl.report.settled.later_responses`)
    nexts = np.append(starts[1:], ends[-1] if until is None else until)
    # the fields as columns, read once in C loops (a year holds hundreds of thousands of incidents)
    f = incidents.fields() if isinstance(incidents, Verdicts) else incident_fields(incidents)
    clock, done = f.clock, f.completed
    settled = _settled(incidents)
    kinds = sorted(f.kinds)
    position = {pair: k for k, pair in enumerate(kinds)}
    code = np.array([position[pair] for pair in f.kinds], np.intp)[f.kind]  # the pair's place in sorted order
    # listed in month k: the clock starts in it, or before it and the incident is not completed at its start
    first = np.searchsorted(starts, clock, side="right") - 1  # the last month starting at or before the clock
    inside = (first >= 0) & (clock < ends[np.maximum(first, 0)])
    last = np.searchsorted(starts, done, side="right") - 1  # the last month starting at or before completion
    for k, tally in enumerate(out):
        listed = ((first == k) & inside) | ((first < k) & (last >= k))
        # its verdict counts here: not settled before the month when carried over, and (a month with a
        # successor) settled before that one starts or not listed there
        here = ~((clock < starts[k]) & (settled < starts[k])) & ((settled < nexts[k]) | (done < nexts[k]))
        every = np.bincount(code[listed], minlength=len(kinds)).tolist()
        counted = np.bincount(code[listed & here], minlength=len(kinds)).tolist()
        for (pid, status), c, c_here in zip(kinds, every, counted, strict=True):
            if c:  # a priority with an incident listed has a count, judged or not
                met, judged = tally.get(FigureKey("response", pid), (0, 0))
                judged += c_here if status in ("met", "breached") else 0
                tally[FigureKey("response", pid)] = Count(met + (c_here if status == "met" else 0), judged)
    if not f.with_targets:  # (only policies with named targets)
        return out
    # as Python numbers, each incident's months visited (not every month asked of each incident)
    firsts, insides, lasts = first.tolist(), inside.tolist(), last.tolist()
    clocks, dones, month_starts, month_nexts = clock.tolist(), done.tolist(), starts.tolist(), nexts.tolist()
    for k in f.with_targets:
        inc = incidents[k]
        # listed in month m: the clock starts in it, or in an earlier month and it is not completed at m's start
        months = range(max(firsts[k] + 1, 0), lasts[k] + 1)
        for m in (firsts[k], *months) if insides[k] else months:
            keep = partial(counts_in, clocks[k], done=dones[k], start=month_starts[m], until=month_nexts[m])
            count_targets(out[m], inc.priority, inc.targets, keep)
    return out


def _settled(incidents: Sequence[Incident]) -> NDArray[np.float64]:
    """When each incident's response verdict was settled (:func:`sla_dsl.report.settled.response_settled`),
    epoch seconds, +inf when it is not (:meth:`.result.Verdicts.settled`, kept on the list)."""
    if isinstance(incidents, Verdicts):
        return incidents.settled()
    return np.fromiter(map(response_settled, incidents), np.float64, len(incidents))


# -- the rest: the judged rows split by month --------------------------------------------------


def _at(t: dt.datetime | None) -> float:
    return t.timestamp() if t is not None else float("inf")


def first_completions(log: EventLog) -> dict[str, list[float]]:
    """Per backup kind, when each of its backups first completed (each id's first ``backup.completed`` in
    ``log``, a judged log: its events after ``as_of`` left out), in order: what a month's report counts as
    taken in it (``Report.backups_taken``, :func:`.backups.judge_backups`)."""
    out: dict[str, list[float]] = {}
    for recs in log.backups.values():
        first = min((r for r in recs if r[1] == COMPLETED), key=itemgetter(0), default=None)
        if first is not None:
            out.setdefault(first[2][0], []).append(first[0])
    return {kind: sorted(times) for kind, times in out.items()}


def _taken(completions: Mapping[str, Sequence[float]], lo: float, hi: float) -> dict[str, int]:
    """Per kind, how many of ``completions`` lie in [lo, hi) (a kind with none left out)."""
    counts = {k: bisect.bisect_left(t, hi) - bisect.bisect_left(t, lo) for k, t in completions.items()}
    return {k: n for k, n in sorted(counts.items()) if n}


def _facts(
    judged: Report,
    spans: Sequence[Span],
    tz: dt.tzinfo,
    model_at: Callable[[Span], PolicyModel],
    alone: Callable[[Span], Report],
    completions: Mapping[str, Sequence[float]],
    after: float,
) -> list[MonthFacts]:
    """Per month, the facts its own report gives, from one judging over all of them (see the notes);
    ``model_at`` is the version in force at a month's start (its report's), ``alone`` judges a month alone,
    ``completions`` are the backups' first completions per kind (:func:`first_completions`), ``after`` the
    start of the month after the last span (the report's ``to`` after its own months): each month leaves
    to the next the notices settled from its start of the outages still down then, as its report does."""
    outages = judged.outages
    began = np.array([o.start.timestamp() for o in outages], np.float64)
    ended = np.array([_at(o.end) for o in outages], np.float64)
    stops = [(s, s.start.timestamp(), s.end.timestamp()) for s in judged.planned_stops]
    backups = [
        (b, b.window_start.timestamp() if b.window_start else dt.datetime.combine(b.day, dt.time(), tz).timestamp())
        for b in judged.backups
    ]
    zone = [v for v in judged.violations if v.kind in ("backup_zone", "data")]
    # (each row as itself: a figure and its target's row can both be exactly a month cut by `from`)
    rows = {
        (p.service, p.when, p.target is not None, p.start.timestamp(), p.end.timestamp()): p.ratio
        for p in judged.availability_periods
    }
    out: list[MonthFacts] = []
    for n, s in enumerate(spans):
        lo, hi = s.start, s.end
        model = model_at(s)
        keys = {k: availability_promised(model, *k) for k in availability_keys(model)}
        availability = {k: rows[r] for k, kind in keys.items() if (r := (*k, kind, lo, hi)) in rows}
        if len(availability) < len(keys):  # a target measured per quarter or period: the month alone
            own = alone(s)
            availability = {k: service_figure(own, *k, kind) for k, kind in keys.items()}
        out.append(
            MonthFacts(
                # (on columns: a year holds thousands of outages)
                outages=[
                    outages[k] for k in np.flatnonzero(((began >= lo) & (began < hi)) | ((began < lo) & (ended > lo)))
                ],
                stops=[x for x, a, b in stops if lo <= a < hi or a < lo < b],
                backups=[b for b, a in backups if lo <= a < hi],
                zone_faults=zone_faults(v for v in zone if lo <= _at(v.at) < hi),
                zone_unstated=zone_unstated(v for v in zone if lo <= _at(v.at) < hi),
                taken=_taken(completions, lo, hi),
                availability=availability,
                start=lo,
                until=spans[n + 1].start if n + 1 < len(spans) else after,
            )
        )
    return out


def _assemble(
    result: Evaluation,
    policies: Sequence[Policy],
    log: EventLog,
    judge: Judge,
    spans: Sequence[Span],
    before_tallies: Mapping[dt.date, Tally] | None,
    *,
    skip_invalid: bool,
    inside_tallies: Mapping[dt.date, Tally] | None = None,
) -> list[TrendMonth]:
    """The trend's months from the report's judging and, for earlier months, one more judging of
    ``log`` (with its incidents when ``before_tallies`` is None, else counted in those tallies); the
    period's months count ``result``'s incidents, or are ``inside_tallies`` when given."""
    ctx = result.ctx
    tz = ctx.versions.rules[0].tz
    as_of = result.skeleton.period.as_of

    def model_at(span: Span) -> PolicyModel:  # the version a month's own report is headed by
        return ctx.versions.at(span.start).policy.model

    def alone(span: Span) -> Report:
        copy = _copy(log, incidents=False, span=span)
        return judge(policies, copy, _dt(span.start, tz), _dt(span.end, tz), as_of, skip_invalid=skip_invalid).skeleton

    before = [s for s in spans if s.end <= ctx.p0]
    inside = spans[len(before) :]
    if inside_tallies is None:
        tallies: list[Tally] = list(incident_tallies(result.incidents, inside))
    else:
        tallies = [inside_tallies.get(s.month, {}) for s in inside]
    completions = first_completions(log)
    facts = _facts(result.skeleton, inside, tz, model_at, alone, completions, ctx.p1)
    if before:
        lo, hi = _dt(before[0].start, tz), _dt(before[-1].end, tz)
        copy = _copy(log, incidents=before_tallies is None)
        earlier = judge(policies, copy, lo, hi, as_of, skip_invalid=skip_invalid)
        if before_tallies is None:  # (the months before the period: its first month comes after them)
            early: list[Tally] = list(incident_tallies(earlier.incidents, before, inside[0].start))
        else:
            early = [before_tallies.get(s.month, {}) for s in before]
        tallies = early + tallies
        facts = _facts(earlier.skeleton, before, tz, model_at, alone, completions, inside[0].start) + facts
    rows = [
        TrendMonth(
            month=span.month,
            start=_dt(span.start, tz),
            end=_dt(span.end, tz),
            current=span is spans[-1],
            figures=figures(month, model_at(span), tally),
        )
        for span, month, tally in zip(spans, facts, tallies, strict=True)
    ]
    return with_changes(rows)


def trend_months(
    result: Evaluation, policies: Sequence[Policy], log: EventLog, judge: Judge, *, skip_invalid: bool = False
) -> list[TrendMonth]:
    """The trend of a judged report (``result``, judged on ``log`` under ``policies``; ``skip_invalid`` as it was)."""
    ctx = result.ctx
    tz = ctx.versions.rules[0].tz
    # No event lies before ``events_from`` (the log's earliest when checked): when the months from it list
    # none before the period, neither do those from the earliest event left, which is no earlier (a year's
    # log is then not walked again for it)
    spans = months(ctx.p0, ctx.p1, tz, ctx.events_from)
    if ctx.events_from is None or spans[0].start < ctx.p0:
        spans = months(ctx.p0, ctx.p1, tz, earliest(log))
    if len(spans) < 2:
        return []
    return _assemble(result, policies, log, judge, spans, None, skip_invalid=skip_invalid)


def _dt(epoch: float, tz: dt.tzinfo) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch, tz)


def add_trend(
    result: Evaluation, policies: Sequence[Policy], log: EventLog, judge: Judge, *, skip_invalid: bool = False
) -> None:
    """Fill ``result``'s report's ``trend`` (see the module notes); ``log`` is the log it was judged on,
    ``judge`` the package's ``judge_log``."""
    result.skeleton.trend = trend_months(result, policies, log, judge, skip_invalid=skip_invalid)


# -- in parts (Dask, Spark) --------------------------------------------------------------------


def early_tallies(
    policies: Sequence[Policy],
    log: EventLog,
    period: tuple[float, float, float],
    tz: dt.tzinfo,
    judge: Judge,
    *,
    skip_invalid: bool = False,
) -> dict[dt.date, dict[FigureKey, Count]]:
    """On one partition (all the events of each of its incidents, already judged over ``period``, in
    the policy's zone ``tz``): the counts of its incidents in each earlier month the whole log may
    cover, by month. Those are the months from the one of the partition's earliest event: the whole
    log's earliest event is no later, and its incidents are listed in no month before that one."""
    p0, p1, as_of = period  # (as epoch seconds: from, to, as of)
    first = earliest(log)
    if first is None or first >= p0:
        return {}
    day = dt.datetime.fromtimestamp(first, tz).date().replace(day=1)
    spans = [s for s in months(p0, p1, tz, dt.datetime.combine(day, dt.time(), tz).timestamp()) if s.end <= p0]
    if not spans:
        return {}
    copy = _copy(log, incidents=True)
    copy.groups = (copy.groups[0], {}, {}, {})
    earlier = judge(
        policies, copy, _dt(spans[0].start, tz), _dt(spans[-1].end, tz), _dt(as_of, tz), skip_invalid=skip_invalid
    )
    tallies = incident_tallies(earlier.incidents, spans, p0)  # (the period's first month comes after them)
    return {s.month: t for s, t in zip(spans, tallies, strict=True) if t}


def period_tallies(
    incidents: Sequence[Incident], period: tuple[float, float, float], tz: dt.tzinfo
) -> dict[dt.date, dict[FigureKey, Count]]:
    """On one partition: the counts of its incidents (judged over ``period``, as epoch seconds) in each
    of the period's months the trend can show, by month. Those months are the same whatever the
    log's earliest event (:func:`months`), and a month's counts are sums over its incidents: the
    partitions' counts, summed, are the counts of the merged incidents."""
    p0, p1, _ = period
    spans = months(p0, p1, tz, None)
    return {s.month: t for s, t in zip(spans, incident_tallies(incidents, spans), strict=True) if t}


def sum_tallies(parts: Sequence[Mapping[dt.date, Mapping[FigureKey, Count]]]) -> dict[dt.date, dict[FigureKey, Count]]:
    """Partitions' counts per month, added up (merging partials)."""
    out: dict[dt.date, dict[FigureKey, Count]] = {}
    for part in parts:
        for month, tally in part.items():
            into = out.setdefault(month, {})
            for key, c in tally.items():
                met, judged = into.get(key, (0, 0))
                into[key] = Count(met + c.met, judged + c.judged)
    return out


def partial_trend(
    result: Evaluation,
    policies: Sequence[Policy],
    log: EventLog,
    judge: Judge,
    first_event: float | None,
    early: Mapping[dt.date, Tally],
    inside: Mapping[dt.date, Tally],
) -> list[TrendMonth]:
    """The trend of a report finished from partials (:mod:`.partition`): ``log`` holds the merged
    outages, stops and backups, ``first_event`` is the earliest event of every partition, ``early``
    and ``inside`` the partitions' counts of their incidents in earlier months (:func:`early_tallies`)
    and in the period's (:func:`period_tallies`), summed."""
    ctx = result.ctx
    spans = months(ctx.p0, ctx.p1, ctx.versions.rules[0].tz, first_event)
    if len(spans) < 2:
        return []
    # (the events were checked in the partitions)
    return _assemble(result, policies, log, judge, spans, early, skip_invalid=False, inside_tallies=inside)
