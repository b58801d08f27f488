"""The trend against earlier months in the customer report (issue 16): one month's figures, and the table.

Design notes
------------
* The data is ``Report.trend``: :class:`~sla_dsl.report.TrendMonth` rows, oldest first, the
  current month last, filled by the evaluator (:mod:`sla_dsl.evaluation.trend`), which judges
  each month and calls :func:`figures` on it. :func:`figures` counts what the report's summary
  counts, the same way: per priority the responses met of those judged (``met`` or
  ``breached``); per outage notification rule the notices met of those judged; per measured
  service the availability the summary shows (its lowest measurement period); per backup kind
  the days (or windows of N hours) taken of those judged (``ok`` or ``missed``, not
  ``pending``). So the current month's column says what the summary says.
* :func:`with_changes` sets each figure's change against the month before it (``ratio``
  minus the previous ``ratio``; none in the first month or when either has no figure).
* :func:`trend_parts` writes one table for text, Markdown and HTML: a row per commitment
  (named as in the summary, from the policy's labels), a column per month, and the change of
  the current month against the previous one in percentage points (a rise is marked good, a
  fall bad). Every word comes from the message catalogue (``report.trend.*``); no table at all
  when the report has no trend.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence

from ..i18n import format_date, format_month
from ..lang import model as lm
from . import Report, TrendFigure, TrendMonth, periods
from .sections import Part
from .words import Cell, Mark, PolicyWords

__all__ = ["figures", "trend_parts", "with_changes"]

#: The order of commitments in a month's figures (and rows of the table).
COMMITMENTS = ("response", "notice", "availability", "backup")


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


def taken_backups(model: lm.PolicyModel | None) -> list[lm.Backup]:
    """The backup kinds judged per day or window: taken every N days or hours (not continuous)."""
    return [b for b in (model.backups if model else ()) if b.every is not None and not b.continuous]


def figures(
    report: Report, model: lm.PolicyModel | None, responses: Mapping[str, tuple[int, int]]
) -> list[TrendFigure]:
    """One month's figures from its report and its incidents' counts (``priority -> (met, judged)``)."""
    out: list[TrendFigure] = []
    pids = sorted(set(responses) | ({p.id for p in model.priorities} if model else set()))
    for pid in pids:
        met, judged = responses.get(pid, (0, 0))
        out.append(TrendFigure(commitment="response", subject=pid, judged=judged, met=met, ratio=_ratio(met, judged)))
    for i, rule in enumerate(outage_rules(model)):
        statuses = [
            next((n.status for n in o.notices if n.name == rule.name), o.notice_status if i == 0 else None)
            for o in report.outages
        ]
        judged = sum(s in ("met", "breached") for s in statuses)
        met = sum(s == "met" for s in statuses)
        out.append(
            TrendFigure(commitment="notice", subject=rule.name, judged=judged, met=met, ratio=_ratio(met, judged))
        )
    for s in measured_services(model):
        out.append(TrendFigure(commitment="availability", subject=s.name, ratio=periods.service_figure(report, s.name)))
    days: dict[str, Counter[str]] = {}
    for row in report.backups:
        days.setdefault(row.kind, Counter())[row.status] += 1
    for b in taken_backups(model):
        c = days.get(b.kind, Counter())
        judged = c["ok"] + c["missed"]
        out.append(
            TrendFigure(commitment="backup", subject=b.kind, judged=judged, met=c["ok"], ratio=_ratio(c["ok"], judged))
        )
    return out


def with_changes(months: Sequence[TrendMonth]) -> list[TrendMonth]:
    """The months with each figure's ``change`` against the month before (in place; returned as a list)."""
    before: dict[tuple[str, str], float | None] = {}
    for k, month in enumerate(months):
        now: dict[tuple[str, str], float | None] = {}
        for f in month.figures:
            key = (f.commitment, f.subject)
            prev = before.get(key)
            f.change = f.ratio - prev if k and f.ratio is not None and prev is not None else None
            now[key] = f.ratio
        before = now
    return list(months)


# -- the table ---------------------------------------------------------------------------------


def _label(w: PolicyWords, commitment: str, subject: str) -> str:
    """The commitment's name, as the summary names it."""
    md = w.model
    if commitment == "response":
        return w.m("report.commit.response", label=w.priority(subject))
    if commitment == "notice":
        rule = next((n for n in outage_rules(md) if n.name == subject), None)
        return (rule.label.text(w.lang) if rule is not None else "") or subject
    if commitment == "availability":
        svc = next((s for s in measured_services(md) if s.name == subject), None)
        return w.m("report.trend.availability", service=(svc.label.text(w.lang) if svc is not None else "") or subject)
    return w.m("report.commit.backup", label=w.backup_kind(subject))


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


def _cell(w: PolicyWords, f: TrendFigure | None) -> str:
    if f is None or f.ratio is None:
        return "-"
    if f.commitment == "availability":
        return f"{f.ratio:.3%}"
    key = "report.trend.cell"
    if f.commitment == "backup":
        rule = w.backup_rule(f.subject)
        hours = rule is not None and rule.every is not None and rule.every.unit is lm.TimeUnit.HOUR
        key = "report.trend.cell_windows" if hours else "report.trend.cell_days"
    return w.m(key, percent=f"{f.ratio:.1%}", met=f.met, judged=f.judged)


def _change(w: PolicyWords, f: TrendFigure | None) -> Cell:
    if f is None or f.change is None:
        return "-"
    points = f.change * 100
    digits = 3 if f.commitment == "availability" else 1
    shown = f"{points:+.{digits}f}"
    if float(shown) == 0:
        return w.m("report.trend.points", value=f"±{abs(points):.{digits}f}")
    return Mark(w.m("report.trend.points", value=shown), "good" if points > 0 else "bad")


def trend_parts(report: Report, w: PolicyWords) -> list[Part]:
    """The trend table (none when the report has no earlier month)."""
    months = report.trend
    if len(months) < 2:
        return []
    keys: list[tuple[str, str]] = []
    by_month: list[dict[tuple[str, str], TrendFigure]] = []
    for m in months:
        found: dict[tuple[str, str], TrendFigure] = {(f.commitment, f.subject): f for f in m.figures}
        by_month.append(found)
        keys += [k for k in found if k not in keys]
    keys.sort(key=lambda k: COMMITMENTS.index(k[0]))  # stable: the policy's order within a commitment
    rows: list[list[Cell]] = []
    for key in keys:
        row: list[Cell] = [_label(w, *key)]
        row += [_cell(w, found.get(key)) for found in by_month]
        row.append(_change(w, by_month[-1].get(key)))
        rows.append(row)
    header = [w.m("report.commitment"), *(_month(w, m) for m in months), w.m("report.trend.change")]
    notes = (w.m("report.trend.note", as_of=w.with_year().t(report.period.as_of)),)
    numeric = tuple(range(1, len(header)))
    return [Part(w.m("report.trend"), header, rows, notes, "trend", numeric)]
