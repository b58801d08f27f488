"""Words for the customer report about availability per measurement period and backup windows.

Design notes
------------
* The summary's availability line of a service shows the lowest figure of its
  measurement periods (a bad November is not averaged away by a good
  December) and counts the complete periods below target (not met) and the
  incomplete ones, below it so far or not (not final: never "met"); the whole-period
  figure is shown only for a service without period rows. Of several periods
  whose figures differ it says which one the figure is (``（最も低い月：2026年10月度）``,
  :func:`figure_words`), so it is not read as the whole period's figure the
  availability table shows beside it.
* A figure beside its target is written by :func:`.words.percent_against`:
  never rounded up to the target it is below (``sla explain`` of a period
  says it through :func:`violation_words`). One figure beside several targets
  (a service's targets with ``when``, a row each) is kept on its side of each
  (:func:`kept_against`), so it reads the same on every row.
* Violations of kind ``availability`` name a service and the first day of a
  period (``content:2026-11-01``); missed windows of a backup taken every N
  hours name the window's start (``logs:2026-11-02T12:00:00+09:00``). Both are
  worded here, in Japanese and English, each from its row, looked up by its id in an index of the
  report's rows built once for the whole table of violations (:class:`PeriodIndex`): a year of
  hourly windows missed is thousands of violations over thousands of rows.
* A period is written ``start 〜 end`` in Japanese, as the report's head line
  and the violations write a range (a half-width ``-`` between two dates
  reads as a minus or a hyphen), and ``start - end`` in English; its kind
  (月次, 四半期) follows in full-width brackets in Japanese.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from ..i18n import format_month
from ..lang import model as lm
from . import AvailabilityPeriod, BackupRow, Report, Violation
from .conditions import for_whom
from .row_ids import compact as compact
from .row_ids import period_id as period_id
from .words import PolicyWords, percent_against


def _w(w: PolicyWords, key: str, **params: object) -> str:
    """This table's catalogue text ``report.periods.<key>`` in the report's language."""
    return w.m(f"report.periods.{key}", **params)


def period_range(w: PolicyWords, start: dt.datetime, end: dt.datetime, kind: str | None = None) -> str:
    """A measurement period as the tables write it: ``start 〜 end`` (ja), ``start - end`` (en), and its kind."""
    span = _w(w, "range", start=w.t(start), end=w.t(end))
    return _w(w, "range_kind", range=span, kind=kind) if kind else span


def service_rows(
    report: Report, service: str, when: str | None = None, promised: bool | None = None
) -> list[AvailabilityPeriod]:
    """The period rows of one measured service's target without ``when`` (or with ``when``); with
    ``promised``, only the rows with a percentage (True) or only the figures without one (False): a
    version that adds a percentage to a measured service gives both in the month of its date."""
    return [
        p
        for p in report.availability_periods
        if p.service == service and p.when == when and (promised is None or (p.target is not None) == promised)
    ]


def _promised(v: PolicyWords, service: str, when: str | None) -> tuple[bool, float | None]:
    """Whether version ``v`` measures ``service`` with a target of condition ``when`` (written as the
    policy writes it; None: the target without one), and that target's percentage (None: measured only)."""
    s = next((x for x in v.model.services if x.name == service), None) if v.model is not None else None
    if s is None:
        return False, None
    if when is None:
        return s.availability_measured or s.availability_target is not None, s.availability_target
    pt = next((t for t in s.plan_targets if str(t.when) == when), None)
    return pt is not None, pt.percent if pt is not None and pt.percent >= 0 else None


def period_words(w: PolicyWords, p: AvailabilityPeriod) -> PolicyWords:
    """The words of the version that judged availability period ``p``: the version in force at the start of
    the whole measurement period it is (or is cut from: a calendar month or quarter, in the policy's zone)
    when that version states the row's target, since it judges the period whole whatever version is in force
    at ``from``; else the version in force at the row's own start (a target a version adds, or changes from
    a figure to a percentage, is judged from its date)."""
    months = {"month": 1, "quarter": 3}.get(p.period)
    s = p.start
    first = s.date() if months is None else dt.date(s.year, (s.month - 1) // months * months + 1, 1)
    v = w.at(first)
    return v if _promised(v, p.service, p.when) == (True, p.target) else w.at(s.date())


def service_figure(report: Report, service: str, when: str | None = None, promised: bool | None = None) -> float:
    """The figure the summary shows for a service: its lowest period (of the rows with a percentage, or
    of the figures without one, with ``promised``, when there are such rows), else the whole period's."""
    rows = service_rows(report, service, when, promised) or service_rows(report, service, when)
    return min((p.ratio for p in rows), default=report.availability.ratio)


def lowest_period(
    report: Report, service: str, when: str | None = None, promised: bool | None = None
) -> AvailabilityPeriod | None:
    """The period whose figure :func:`service_figure` gives when it is the lowest of several that differ
    (the first of equals); None for one period or none, or several with one figure (then it is also the
    whole period's)."""
    rows = service_rows(report, service, when, promised) or service_rows(report, service, when)
    if len({p.ratio for p in rows}) < 2:
        return None
    return min(rows, key=lambda p: p.ratio)


def figure_words(
    w: PolicyWords,
    report: Report,
    service: str,
    target: float | None,
    when: str | None = None,
    promised: bool | None = None,
    digits: int = 3,
) -> str:
    """The summary's availability figure of a service (:func:`service_figure`, never rounded up to the
    ``target`` it is below), and when it is the lowest of several periods, which one: a calendar month by
    its name (``98.975%（最も低い月：2026年10月度）`` / ``98.975% (lowest month: October 2026)``), any
    other period by its two ends."""
    ratio = service_figure(report, service, when, promised)
    same = (p.target for p in report.availability_periods if p.service == service and p.ratio == ratio)
    figure = percent_against(ratio, kept_against(ratio, [target, *same]), digits)
    p = lowest_period(report, service, when, promised)
    if p is None:
        return figure
    if p.period == "month" and _whole_month(p.start, p.end):
        return w.m("report.result.lowest_month", figure=figure, period=format_month(p.start.date(), w.lang))
    key = "report.result.lowest_month" if p.period == "month" else "report.result.lowest_period"
    return w.m(key, figure=figure, period=period_range(w, p.start, p.end))


def kept_against(ratio: float, targets: Iterable[float | None]) -> float | None:
    """Of the targets one figure is shown beside (a service's targets, a row each in the summary and the
    trend), the one it is kept on its side of: the nearest, so that it reads the same on every row and
    across none of them (0.99949861 beside 99.95% and 99.9%: ``99.949%`` on both rows, not ``99.950%``
    beside 99.9%, which reads as the 99.95% it is below); None without one."""
    return min((t for t in targets if t is not None), key=lambda t: abs(ratio * 100 - t), default=None)


def _whole_month(start: dt.datetime, end: dt.datetime) -> bool:
    """Whether [start, end) is one calendar month from midnight to midnight."""
    if start.day != 1 or start.time() != dt.time() or end.time() != dt.time() or end.day != 1:
        return False
    return (end.year * 12 + end.month) - (start.year * 12 + start.month) == 1


def periods_below(report: Report, service: str, target: float, when: str | None = None) -> int:
    """How many complete periods of a service are below its target (the whole period without rows)."""
    rows = service_rows(report, service, when, promised=True)
    if not rows:
        return int(report.availability.ratio * 100 < target)
    return sum(1 for p in rows if p.complete and p.met is False)


def open_below(report: Report, service: str, when: str | None = None) -> int:
    """How many incomplete periods of a service are below its target so far (not over at ``as_of``, or
    cut by the evaluated period): not final, and never "met" (:func:`periods_below` counts the rest)."""
    return sum(1 for p in service_rows(report, service, when, promised=True) if not p.complete and p.met is False)


def open_met(report: Report, service: str, when: str | None = None) -> int:
    """How many incomplete periods of a service are at or above its target so far: not final either
    (``sla explain`` of the period says "met so far"), so the summary never calls them "met"."""
    return sum(1 for p in service_rows(report, service, when, promised=True) if not p.complete and p.met is True)


class PeriodIndex:
    """The rows of one report that violations name, by the ids they name them by: its measurement
    periods (``content:2026-11-01:plan=premium``) and backup windows (``logs:2026-11-02T12:00:00+09:00``),
    each table indexed on first use; of two rows with one id, the first. A report's table of
    violations words every row through one index (:func:`violation_words`), so that a year of hourly
    windows missed is not a scan of every window per violation."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self._periods: dict[str, AvailabilityPeriod] | None = None
        self._windows: dict[tuple[str, str], BackupRow] | None = None

    def period(self, service: str, day: str, key: str | None) -> AvailabilityPeriod | None:
        """The period row of ``service`` starting on ``day`` (``2026-11-01``) for the target whose ``when``
        is ``key`` in its compact form (:func:`compact`; None: the target without ``when``)."""
        if self._periods is None:  # (by the rows' ids: a figure's row and a target's of one day are two)
            self._periods = {}
            for p in self.report.availability_periods:
                self._periods.setdefault(p.id, p)
        return self._periods.get(period_id(service, dt.date.fromisoformat(day), key or None))  # (compact: as is)

    def window(self, kind: str, start: str) -> BackupRow | None:
        """The backup row of ``kind`` whose window starts at ``start`` (as ``isoformat`` writes it)."""
        if self._windows is None:
            self._windows = {}
            for r in self.report.backups:
                if r.window_start is not None:
                    self._windows.setdefault((r.kind, r.window_start.isoformat()), r)
        return self._windows.get((kind, start))


def violation_words(v: Violation, report: Report, w: PolicyWords, index: PeriodIndex | None = None) -> str | None:
    """A period's availability violation or a missed backup window in words (None: not one of these); its
    row looked up in ``index`` (one for the whole table: :class:`PeriodIndex`), else in the report."""
    if v.kind not in ("availability", "backup_missed"):
        return None
    rows = index if index is not None and index.report is report else PeriodIndex(report)
    if v.kind == "availability":
        service, day, key = parse_period_id(v.id)
        row = rows.period(service, day, key)
        when = row.when if row is not None else None
        if row is None or row.target is None:
            return None
        said = _w(
            w,
            "period_below",
            start=w.t(row.start),
            end=w.t(row.end),
            ratio=percent_against(row.ratio, row.target, 4),  # never rounded up to the target
            target=f"{row.target:g}",
        )
        # whom its target is for, as the version that judged the period says it: `(other customers)` for the
        # target without `when` of a service that version also promises to some customers
        who = for_whom(period_words(w, row), service, when)
        return said + (f"（{who}）" if w.lang == "ja" else f" ({who})") if who else said
    if v.kind == "backup_missed":
        kind, sep, start = v.id.partition(":")
        b = rows.window(kind, start) if sep else None
        if b is None or b.window_start is None or b.window_end is None:
            return None
        return _w(w, "window_missed", kind=w.backup_kind(kind), start=w.t(b.window_start), end=w.t(b.window_end))
    return None


def window_shown(start: dt.datetime | None, day: dt.date, w: PolicyWords) -> str:
    """A missed backup row as the backups table lists it: its window's start, or its day."""
    return w.t(start) if start is not None else w.d(day)


def missed_header(report: Report) -> str:
    """The message key of the backups table's last column: missed days, windows of hours, or both."""
    hourly = {b.window_start is not None for b in report.backups}
    if hourly == {True}:
        return "report.windows_missed"
    return "report.days_windows_missed" if hourly == {True, False} else "report.days_missed"


def breach_credit_key(row: Mapping[str, Any]) -> str:
    """The key of a ``breach_credits`` row in a test file: its priority, target (``@CLOCK`` for one on a named
    clock) and its period's first day, with the rule's condition as violation ids write it (``P1:respond:2026-11-01``,
    ``P1:resolve@resolution:2026-11-01:plan=premium``)."""
    target = row["target"] + (f"@{row['clock']}" if row.get("clock") else "")
    when = f":{compact(row['when'])}" if row.get("when") else ""
    return f"{row['priority']}:{target}:{str(row['start'])[:10]}{when}"


def parse_period_id(ident: str) -> tuple[str, str, str | None]:
    """``(service, day, compact condition)`` of a period id (see :func:`period_id`)."""
    service, _, rest = ident.partition(":")
    day, _, when = rest.partition(":")
    return service, day, when or None


def whom(w: PolicyWords, service: str, target: lm.AvailabilityTarget) -> str:
    """Whom a service's target with ``when`` is promised to, in words (issue 13)."""
    return for_whom(w, service, str(target.when) if target.when is not None else None)
