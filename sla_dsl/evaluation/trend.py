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
  :func:`sla_dsl.report.trend.figures` the way the report's summary counts them:
  - recovery notices, availability and backups: the log judged over that month without its
    incidents. Outages, stops and backups are few (a year holds some thousands), so each month
    is judged by the one reference path, availability measured exactly as its report does.
  - response targets: incidents are many (a year can hold hundreds of thousands), so they are
    judged once rather than once per month: the report's own verdicts serve the months of the
    period, and one judging of the log over the earlier months serves those. A month holds the
    incidents its report lists (the contract's rule: the clock starts in the month, or started
    earlier and the incident is not completed at the month's start), and an incident's verdict
    depends on ``as_of``, not on the period, so each month counts the verdicts its report
    gives. ``tests/report/test_trend.py`` checks every month against its own evaluation.
* When the period is exactly one month, the report is that month: it is not judged again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple, Protocol

import numpy as np

from ..calendars.bounds import FIRST_DATE
from ..events.schema import CODE, EventLog
from ..lang import model as lm
from ..policy.compiled import Policy
from ..report import TrendMonth
from ..report.trend import figures, with_changes
from .incidents import Incident
from .result import Evaluation

__all__ = ["MAX_MONTHS", "Judge", "add_trend", "trend_months"]

#: The most months a trend shows: the current one and the twelve before it.
MAX_MONTHS = 13
ENDED = CODE["outage.ended"]


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


def _earliest(log: EventLog) -> float | None:
    """The instant of the log's earliest event."""
    return min((r[0] for group in log.groups for recs in group.values() for r in recs), default=None)


def _copy(log: EventLog, span: Span | None = None, reach: float = 0.0) -> EventLog:
    """The log's events for another judging, in a copy of its groups (judging puts each id's list in
    order in place of the old one, so the original stays as it was). Without ``span``: its incidents
    only, for their verdicts. With ``span``, for that month's outages, availability and backups: no
    incidents; only the outages that can touch the month, those that start before its end and have
    an event in it or after, or never end (a year holds thousands of outages; the month's report
    lists those that start in it or are open at its start); only the backups with an event from
    ``reach`` seconds before the month (the longest window of a backup rule) to its end."""
    out = EventLog(log.source)
    inc, outages, stops, backups = log.groups
    if span is None:
        out.groups = (dict(inc), {}, {}, {})
    else:
        near = {
            ident: recs
            for ident, recs in outages.items()
            if recs
            and min(r[0] for r in recs) < span.end
            and (max(r[0] for r in recs) >= span.start or all(r[1] != ENDED for r in recs))
        }
        lo = span.start - reach
        taken = {ident: recs for ident, recs in backups.items() if any(lo <= r[0] < span.end for r in recs)}
        out.groups = ({}, near, dict(stops), taken)
    out.count = log.count
    return out


def _reach(policies: Sequence[Policy]) -> float:
    """Seconds before a day that a backup can count for it: the longest ``every`` of a backup rule
    (a month counted as 31 days), at least a day."""
    days = {lm.TimeUnit.WEEK: 7, lm.TimeUnit.MONTH: 31, lm.TimeUnit.DAY: 1}
    longest = max(
        (b.every.amount * days.get(b.every.unit, 1) for p in policies for b in p.model.backups if b.every is not None),
        default=1,
    )
    return max(longest, 1) * 86_400.0


def _responses(incidents: Sequence[Incident], spans: Sequence[Span]) -> list[dict[str, tuple[int, int]]]:
    """Per month, ``priority -> (met, judged)`` of the incidents its report lists."""
    n = len(incidents)
    clock = np.fromiter((i.clock for i in incidents), np.float64, n)
    done = np.fromiter((np.nan if i.completed is None else i.completed for i in incidents), np.float64, n)
    met = np.fromiter((i.status == "met" for i in incidents), bool, n)
    judged = met | np.fromiter((i.status == "breached" for i in incidents), bool, n)
    names = sorted({i.priority for i in incidents})
    index = {p: k for k, p in enumerate(names)}
    pri = np.fromiter((index[i.priority] for i in incidents), np.int64, n)
    out: list[dict[str, tuple[int, int]]] = []
    for s in spans:
        listed = ((clock >= s.start) & (clock < s.end)) | ((clock < s.start) & ~(done < s.start))
        n_met = np.bincount(pri[listed & met], minlength=len(names))
        n_judged = np.bincount(pri[listed & judged], minlength=len(names))
        out.append({p: (int(n_met[k]), int(n_judged[k])) for k, p in enumerate(names) if listed[pri == k].any()})
    return out


def trend_months(
    result: Evaluation, policies: Sequence[Policy], log: EventLog, judge: Judge, *, skip_invalid: bool = False
) -> list[TrendMonth]:
    """The trend of a judged report (``result``, judged on ``log`` under ``policies``; ``skip_invalid`` as it was)."""
    ctx = result.ctx
    tz = ctx.versions.rules[0].tz
    spans = months(ctx.p0, ctx.p1, tz, _earliest(log))
    if len(spans) < 2:
        return []
    as_of = result.skeleton.period.as_of
    reach = _reach(policies)
    before = [s for s in spans if s.end <= ctx.p0]
    inside = spans[len(before) :]
    counts = _responses(result.incidents, inside)
    if before:
        lo, hi = _dt(before[0].start, tz), _dt(before[-1].end, tz)
        earlier = judge(policies, _copy(log), lo, hi, as_of, skip_invalid=skip_invalid)
        counts = _responses(earlier.incidents, before) + counts
    rows: list[TrendMonth] = []
    for span, responses in zip(spans, counts, strict=True):
        if (span.start, span.end) == (ctx.p0, ctx.p1):
            judged = result
        else:
            lo, hi = _dt(span.start, tz), _dt(span.end, tz)
            judged = judge(policies, _copy(log, span, reach), lo, hi, as_of, skip_invalid=skip_invalid)
        month = judged.skeleton
        rows.append(
            TrendMonth(
                month=span.month,
                start=month.period.start,
                end=month.period.end,
                current=span is spans[-1],
                figures=figures(month, judged.ctx.primary.policy.model, responses),
            )
        )
    return with_changes(rows)


def _dt(epoch: float, tz: dt.tzinfo) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch, tz)


def add_trend(
    result: Evaluation, policies: Sequence[Policy], log: EventLog, judge: Judge, *, skip_invalid: bool = False
) -> None:
    """Fill ``result``'s report's ``trend`` (see the module notes); ``log`` is the log it was judged on,
    ``judge`` the package's ``judge_log``."""
    result.skeleton.trend = trend_months(result, policies, log, judge, skip_invalid=skip_invalid)
