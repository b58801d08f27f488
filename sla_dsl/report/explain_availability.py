"""``sla explain SERVICE:YYYY-MM-DD``: how a service's availability over one measurement period was computed.

Design notes
------------
* Any period the report lists in ``availability_periods`` is explained, under the id the violations
  use (:func:`.periods.period_id`: ``content:2026-11-01``, ``content:2026-11-01:plan=premium``): one
  below its target, one that met it, one not over yet, and the figure of a service with no target
  (Click So-ko's ``availability measured``). A period below its target is headed as its violation is,
  and its violation's sentence is the step of its end.
* The figures are the period row's, taken apart the way the evaluator builds them
  (:mod:`sla_dsl.evaluation.availability`), from the report's rows and the policy alone (this stage
  never imports the evaluator): the period's time up to ``as_of``, less the time outside the
  service's hours (the service hours of the period), less the time not measured (maintenance windows
  and validly noticed planned stops when the service's hours say ``except``, emergencies the stop rule
  excuses, outages an exclusion applies to), is the measured time; the outages that count against the
  service, less that time, are the downtime. Each stretch and each outage is clipped at the period's
  bounds and says only the minutes no stretch or outage before it (in time order) already counted, so
  the listed minutes add up to the row's figures, overlaps counted once as the evaluator counts them;
  of the time not measured, the excused stretches first and the excluded outages after them, as the
  report's availability table splits them.
* Lines are the explanation's ``(time, sentence)`` steps (:mod:`.explain`): the period's start, each
  stretch not measured and each outage at its start, the period's end (or ``as_of``); then the
  computation, a line each, untimed: the measured time, the downtime as the sum of the outages'
  minutes, the ratio with its formula, the target and verdict, the service credit it earns (the
  report's ``credits`` row) where the target has credit tiers, and under the header's cap on the sum of a
  period's credits, the period's total, the cap and what is owed in all (:mod:`.explain_credit_total`).
* Durations are written as the report writes them (:func:`~.violation_words.minutes_shown`), to the
  second when the report's tables are or some figure here has seconds (:func:`~.words.in_seconds`);
  the ratio as the report writes it beside its target (:func:`~.words.percent_against`).
* ``--format json`` gives the period's row with its figures taken apart (:func:`period_json`):
  ``not_measured`` and ``outages``, each with its minutes in the period, and the ``credit`` row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, NamedTuple

from pydantic import Field

from ..calendars.interval_sets import Interval, closed_time, length, subtract, union
from ..errors import InputError
from ..lang import model as m
from ..policy.compiled import Policy
from ..policy.maintenance_layout import effective_epoch, windows_in_force
from . import AvailabilityPeriod, CreditRow, OutageRow, Report
from .conditions import for_whom
from .explain_credit_total import credit_total_line
from .explain_parts import Explanation
from .operations import to_the_second
from .periods import period_id, period_words
from .row_base import _Row
from .row_ids import MEASURED
from .violation_words import minutes_shown, violation_text
from .words import PolicyWords, in_seconds, percent_against, ref_number


class NotMeasured(_Row):
    """A stretch of the period that is not measured, and the minutes of it no stretch before it counted."""

    #: ``outside_hours`` (the service's calendar is closed: every such stretch of the period at once),
    #: ``maintenance``, ``planned_stop`` (validly noticed), ``emergency`` (an emergency stop the planned-stop
    #: rule excuses) or ``excluded`` (an outage an exclusion applies to)
    kind: Literal["outside_hours", "maintenance", "planned_stop", "emergency", "excluded"]
    #: the planned stop's or outage's id, the maintenance rule's name; null for ``outside_hours``
    id: str | None = None
    #: its start and end as the report has them (not clipped); null for ``outside_hours``
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    #: minutes of it in the period up to ``as_of`` that no stretch listed before it counts
    minutes: float
    #: minutes of it in the period that a stretch listed before it already counts
    counted_before_minutes: float = 0.0


class OutageShare(_Row):
    """An outage of the service that overlaps the period, and its minutes there."""

    #: the outage's id
    id: str
    #: its start, and its end (null: still open at ``as_of``), not clipped
    start: dt.datetime
    end: dt.datetime | None
    #: how the period counts it: ``downtime``, ``excluded`` (an exclusion applies) or ``emergency``
    #: (an emergency stop the planned-stop rule excuses)
    counted: Literal["downtime", "excluded", "emergency"]
    #: minutes of it inside the period up to ``as_of``
    minutes: float
    #: of those, the downtime it adds: not excused nor excluded, nor counted by an outage listed before it
    downtime_minutes: float = 0.0
    #: of those, the downtime an outage listed before it already counts (overlapping outages count once)
    counted_before_minutes: float = 0.0
    #: of those, minutes in excused time (outside the service hours, maintenance, noticed stops)
    excused_minutes: float = 0.0
    #: of those, minutes in excluded time (the outage itself, or another an exclusion applies to)
    excluded_minutes: float = 0.0
    #: minutes of it outside the period (before its start, after its end or ``as_of``; up to ``as_of``)
    outside_minutes: float = 0.0
    #: the outages listed before it that count the time in ``counted_before_minutes``
    counted_with: list[str] = Field(default_factory=list)


class PeriodFigures(_Row):
    """A measurement period's figures taken apart: what its explanation and ``--format json`` say."""

    #: the period's id (``content:2026-11-01``)
    id: str
    #: minutes from the period's start to its end or ``as_of``, whichever is first
    period_minutes: float
    #: minutes of it outside the service's hours (0: a service provided around the clock)
    closed_minutes: float = 0.0
    #: minutes excused within the service hours (maintenance, noticed stops, excused emergencies)
    excused_minutes: float = 0.0
    #: minutes excluded (outages an exclusion applies to), not already excused
    excluded_minutes: float = 0.0
    #: the row's measured minutes: ``period_minutes`` less the three above
    measured_minutes: float
    #: the row's downtime: the sum of the outages' ``downtime_minutes``
    downtime_minutes: float
    not_measured: list[NotMeasured] = Field(default_factory=list)
    outages: list[OutageShare] = Field(default_factory=list)
    #: the service credit the period earns (the report's ``credits`` row), null when none
    credit: CreditRow | None = None


# -- the id ---------------------------------------------------------------------------------------


def period_ident(p: AvailabilityPeriod) -> str:
    """The id of a period row, as the violations name it (:func:`.periods.period_id`): the row's own, which
    tells a figure's row from a target's of the same day (``content:2026-11-15:measured``:
    :func:`.row_ids.figure_id`)."""
    return p.id or period_id(p.service, p.start.date(), p.when)


def period_rows(report: Report, ident: str) -> list[AvailabilityPeriod]:
    """The report's period row of id ``ident`` (each row has its own: :mod:`.row_ids`); when none has it, the
    row cut from the measurement period whose first day ``ident`` names (:func:`whole_ident`: a report of
    November lists the quarter from 1 October as ``q:2026-11-01``, and ``q:2026-10-01`` names it too)."""
    rows = [p for p in report.availability_periods if period_ident(p) == ident][:1]
    return rows or [p for p in report.availability_periods if whole_ident(p) == ident][:1]


def whole_first(p: AvailabilityPeriod) -> dt.date:
    """The first day of the whole measurement period row ``p`` is or is cut from: the calendar month or
    quarter holding its start (in the policy's zone, as the row's start is written); the row's own
    start for a period that is the evaluated one (``per period``)."""
    months = {"month": 1, "quarter": 3}.get(p.period)
    day = p.start.date()
    return day if months is None else dt.date(day.year, (day.month - 1) // months * months + 1, 1)


def whole_ident(p: AvailabilityPeriod) -> str:
    """The id of a period row by the first day of the whole measurement period it is cut from
    (``q:2026-10-01``; ``:measured`` after it as after the row's own): :func:`period_ident` for a row that is
    a whole period."""
    return period_id(p.service, whole_first(p), p.when) + (MEASURED if period_ident(p).endswith(MEASURED) else "")


def period_ids(report: Report) -> list[str]:
    """The ids of every period the report lists, in its order, each once."""
    return list(dict.fromkeys(period_ident(p) for p in report.availability_periods))


# -- intervals on epochs (sla_dsl.calendars.interval_sets, as the evaluator measures them) ----------


def _within(iv: Interval, u: list[Interval]) -> float:
    """Seconds of ``iv`` inside the sorted union ``u``."""
    return (iv[1] - iv[0]) - length(subtract(iv, u))


# -- the figures ----------------------------------------------------------------------------------


def _service(v: PolicyWords, name: str) -> m.Service | None:
    return next((s for s in (v.model.services if v.model else ()) if s.name == name), None)


def _closed(policy: Policy | None, svc: m.Service | None, lo: float, hi: float) -> list[Interval]:
    """The time of [lo, hi) outside the service's hours, as the evaluator reads it
    (:func:`sla_dsl.evaluation.availability.closed_hours`)."""
    if policy is None or svc is None or svc.hours.always or svc.hours.calendar is None or hi <= lo:
        return []
    try:
        cal = policy.calendar(svc.hours.calendar)
    except KeyError:
        return []
    return closed_time(cal, lo, hi)


def _maintenance(w: PolicyWords, lo: float, hi: float) -> list[tuple[str, float, float]]:
    """The excused regular-maintenance windows that meet [lo, hi), laid out as the evaluator lays them
    (:func:`~sla_dsl.policy.maintenance_layout.windows_in_force`): the rule's name, start and end."""
    versions = sorted(w.policies, key=effective_epoch)
    try:
        laid = windows_in_force(versions, lo, hi)
    except InputError:  # (outside the supported years: the evaluator judged no such window)
        return []
    return [(x.window.name, x.start, x.end) for x in laid if x.excused and x.end > lo and x.start < hi]


class _Stretch(NamedTuple):
    kind: Literal["maintenance", "planned_stop", "emergency", "excluded"]
    #: the stop's or outage's id, the maintenance rule's name
    id: str
    start: dt.datetime | None
    end: dt.datetime | None
    iv: Interval


def _excused_emergency(o: OutageRow, w: PolicyWords) -> bool:
    """Whether an outage is an emergency stop its version's planned-stop rule excuses."""
    model = w.for_row(o).model
    rule = model.planned_stops[0] if model is not None and model.planned_stops else None
    return o.cause == "emergency" and rule is not None and not rule.emergency_counts_as_downtime


def figures(row: AvailabilityPeriod, report: Report, w: PolicyWords) -> PeriodFigures:
    """The figures of period ``row`` taken apart (see the module's notes)."""
    v = period_words(w, row)
    svc = _service(v, row.service)
    as_of = report.period.as_of.timestamp()
    lo = row.start.timestamp()
    end = max(lo, min(row.end.timestamp(), as_of))
    closed = union(_closed(v.policy, svc, lo, end))
    stretches: list[_Stretch] = []
    if svc is None or svc.hours.except_maintenance:
        stretches += [_Stretch("maintenance", name, None, None, (s, e)) for name, s, e in _maintenance(w, lo, end)]
    if svc is None or svc.hours.except_planned_stops:
        stretches += [
            _Stretch("planned_stop", s.id, s.start, s.end, (s.start.timestamp(), s.end.timestamp()))
            for s in report.planned_stops
            if s.notice_ok
        ]
    mine = [o for o in report.outages if o.service in (None, row.service)]
    counted: list[OutageRow] = []
    excluded: list[_Stretch] = []
    for o in mine:
        iv = (o.start.timestamp(), (o.end or report.period.as_of).timestamp())
        if o.notice_status == "excluded":
            excluded.append(_Stretch("excluded", o.id, o.start, o.end, iv))
        elif _excused_emergency(o, w):
            stretches.append(_Stretch("emergency", o.id, o.start, o.end, iv))
        else:
            counted.append(o)
    stretches.sort(key=lambda s: (s.iv[0], s.iv[1], s.id))
    covered = list(closed)
    pieces: list[NotMeasured] = []
    excused = 0.0
    for s in [*stretches, *excluded]:
        a, b = max(s.iv[0], lo), min(s.iv[1], end)
        if b <= a:
            continue
        new = length(subtract((a, b), covered))
        if s.kind != "excluded":
            excused += new
        covered = union([*covered, (a, b)])
        start, stop = (s.start, s.end) if s.kind != "maintenance" else (_at(s.iv[0], row), _at(s.iv[1], row))
        pieces.append(
            NotMeasured(
                kind=s.kind, id=s.id, start=start, end=stop, minutes=new / 60, counted_before_minutes=(b - a - new) / 60
            )
        )
    excused_u = union([*closed, *((max(s.iv[0], lo), min(s.iv[1], end)) for s in stretches)])
    shares: list[OutageShare] = []
    down: list[Interval] = []
    added: list[tuple[str, list[Interval]]] = []  # (each outage's downtime, by its id: who counted what)
    for o in mine:
        iv = (o.start.timestamp(), (o.end or report.period.as_of).timestamp())
        whole = (iv[0], max(iv[0], min(iv[1], as_of)))
        a, b = max(iv[0], lo), min(iv[1], end)
        if b <= a:
            continue
        kind: Literal["downtime", "excluded", "emergency"] = (
            "downtime" if o in counted else "excluded" if o.notice_status == "excluded" else "emergency"
        )
        off_here = _within((a, b), covered)
        in_excused = _within((a, b), excused_u)
        share = OutageShare(
            id=o.id,
            start=o.start,
            end=o.end,
            counted=kind,
            minutes=(b - a) / 60,
            excused_minutes=in_excused / 60,
            excluded_minutes=(off_here - in_excused) / 60,
            outside_minutes=(whole[1] - whole[0] - (b - a)) / 60,
        )
        if kind == "downtime":
            own = subtract((a, b), covered)
            adds = [piece for iv2 in own for piece in subtract(iv2, down)]
            share.downtime_minutes = length(adds) / 60
            share.counted_before_minutes = (length(own) - length(adds)) / 60
            if share.counted_before_minutes > 0:
                share.counted_with = [i for i, ivs in added if any(_within(x, ivs) > 0 for x in own)]
            added.append((o.id, adds))
            down = union([*down, *adds])
        shares.append(share)
    span = end - lo
    off = length(covered)
    credit = next(
        (
            c
            for c in report.credits
            if c.service == row.service and c.when == row.when and c.start.timestamp() == row.start.timestamp()
        ),
        None,
    )
    return PeriodFigures(
        id=period_ident(row),
        period_minutes=span / 60,
        closed_minutes=length(closed) / 60,
        excused_minutes=excused / 60,
        excluded_minutes=(off - length(closed) - excused) / 60,
        measured_minutes=(span - off) / 60,
        downtime_minutes=length(down) / 60,
        not_measured=pieces
        if not closed
        else [NotMeasured(kind="outside_hours", minutes=length(closed) / 60), *pieces],
        outages=shares,
        credit=credit,
    )


def _at(epoch: float, row: AvailabilityPeriod) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch, row.start.tzinfo)


def period_json(row: AvailabilityPeriod, report: Report, w: PolicyWords) -> dict[str, Any]:
    """``sla explain --format json`` of a period: its id, its row, and its figures taken apart."""
    f = figures(row, report, w).model_dump(mode="json")
    ident = f.pop("id")
    for key in ("measured_minutes", "downtime_minutes"):  # (the row's own, agreed with above)
        f.pop(key)
    return {"id": ident, **row.model_dump(mode="json"), **f}


# -- the words ------------------------------------------------------------------------------------


def _label(w: PolicyWords, name: str) -> str:
    """The service's label, by the version that defines it (its name without one)."""
    sw = w.defining(lambda md: any(s.name == name for s in md.services))
    svc = _service(sw, name)
    return (svc.label.text(w.lang) if svc is not None else "") or name


def _maintenance_label(w: PolicyWords, name: str) -> str:
    """A maintenance rule's label, by the version that defines it (its name without one)."""
    sw = w.defining(lambda md: any(mt.name == name for mt in md.maintenance))
    rule = next((mt for mt in (sw.model.maintenance if sw.model else ()) if mt.name == name), None)
    return (rule.label.text(w.lang) if rule is not None else "") or name


def _tiers(v: PolicyWords, row: AvailabilityPeriod) -> tuple[m.CreditTier, ...]:
    """The credit tiers of the target the row judges (none: no credits, or no target)."""
    svc = _service(v, row.service)
    if svc is None or row.target is None:
        return ()
    if row.when is None:
        return svc.credits
    return next((t.credits for t in svc.plan_targets if str(t.when) == row.when), ())


def _article(w: PolicyWords, ref: str | None) -> str:
    num = ref_number(ref)
    if num is None:
        return ""
    return w.m("explain.rule", article=w.article_ref(num), title=w.article_title(num), rule="").rstrip(", ")


def _verdict(row: AvailabilityPeriod) -> str:
    """The headline's verdict key: below target (the violation's kind), met, not final, or no target."""
    if row.target is None:
        return "explain.avail.head.figure"
    if not row.complete:
        return "explain.avail.head.open"
    return "report.kind.availability" if row.met is False else "explain.avail.head.met"


def explain_period(row: AvailabilityPeriod, report: Report, w: PolicyWords) -> Explanation:
    """The explanation of one measurement period (see the module's notes)."""
    v = period_words(w, row)
    f = figures(row, report, w)
    sec = to_the_second(report) or in_seconds(
        [
            f.period_minutes,
            f.closed_minutes,
            f.excused_minutes,
            f.excluded_minutes,
            row.measured_minutes,
            row.downtime_minutes,
            *(o.minutes for o in f.outages),
            *(o.downtime_minutes for o in f.outages),
        ]
    )

    def hm(minutes: float) -> str:
        return minutes_shown(minutes, sec)

    sep = "、" if w.lang == "ja" else ", "
    head = w.m("explain.violation", id=_label(w, row.service), kind=w.m(_verdict(row)))
    kind = w.m("report.credits." + {"month": "month", "quarter": "quarter"}.get(row.period, "whole"))
    steps: list[tuple[dt.datetime | None, str]] = [(row.start, _start_words(w, v, row, kind))]
    for piece in f.not_measured:
        if piece.kind == "outside_hours" or piece.start is None:
            continue
        if piece.kind == "excluded":
            continue  # (said with the outage, below)
        said = w.m(
            f"explain.avail.{piece.kind}",
            id=_maintenance_label(w, piece.id or "") if piece.kind == "maintenance" else piece.id,
            until=_until(w, piece.end),
            duration=hm(piece.minutes),
        )
        if piece.counted_before_minutes > 0:
            said += w.m("explain.avail.counted_before", duration=hm(piece.counted_before_minutes))
        steps.append((piece.start, said))
    # a planned stop that is not excused, in the period: its outages count (said, not to be read as excused)
    svc = _service(v, row.service)
    leaves_out = svc is None or svc.hours.except_planned_stops
    lo, end = row.start.timestamp(), max(row.start.timestamp(), min(row.end, report.period.as_of).timestamp())
    for s in report.planned_stops:
        if s.start.timestamp() < end and s.end.timestamp() > lo and not (s.notice_ok and leaves_out):
            key = "explain.avail.stop_counted" if not s.notice_ok else "explain.avail.stop_not_left_out"
            steps.append((s.start, w.m(key, id=s.id, until=_until(w, s.end))))
    taken: dict[tuple[str, str | None], NotMeasured] = {(p.kind, p.id): p for p in f.not_measured}
    for o in f.outages:  # (an outage not downtime: its stretch not measured, of its own kind and id)
        steps.append((o.start, _outage_words(w, o, taken.get((o.counted, o.id)), f, hm, sep)))
    if report.period.as_of < row.end:
        steps.append((report.period.as_of, w.m("explain.avail.not_over")))
    elif not row.complete:
        steps.append((row.end, w.m("explain.avail.cut")))
    else:
        violation = next(
            (x for x in report.violations if x.kind == "availability" and x.id == f.id),
            None,
        )
        words = violation_text(violation, report, w, {}) if violation is not None else w.m("explain.avail.end")
        steps.append((row.end, words))
    return Explanation(head, _article(w, row.ref), steps, summary=tuple(_summary(w, v, row, f, hm, report)))


def _start_words(w: PolicyWords, v: PolicyWords, row: AvailabilityPeriod, kind: str) -> str:
    """The period's first step: it starts (until its end); a row cut from a calendar month or quarter by the
    evaluated period (or a version's date) says the whole period and the part of it judged here."""
    months = {"month": 1, "quarter": 3}.get(row.period)  # (a period `per period` is whole: the evaluated one)
    if months is None or row.complete:
        return w.m("explain.avail.start", kind=kind, end=w.t(row.end))
    first = whole_first(row)
    tz = v.policy.tz if v.policy is not None else row.start.tzinfo
    y, m0 = divmod(first.year * 12 + first.month - 1 + months, 12)
    start = dt.datetime(first.year, first.month, 1, tzinfo=tz)
    end = dt.datetime(y, m0 + 1, 1, tzinfo=tz)
    if (start, end) == (row.start, row.end):  # (whole, not final only up to as-of)
        return w.m("explain.avail.start", kind=kind, end=w.t(row.end))
    return w.m(
        "explain.avail.start.cut",
        kind=kind,
        whole_start=w.t(start),
        whole_end=w.t(end),
        start=w.t(row.start),
        end=w.t(row.end),
    )


def _until(w: PolicyWords, end: dt.datetime | None) -> str:
    return w.m("explain.avail.until", end=w.t(end)) if end is not None else w.m("explain.avail.still_open")


def _outage_words(
    w: PolicyWords, o: OutageShare, taken: NotMeasured | None, f: PeriodFigures, hm: Any, sep: str
) -> str:
    """An outage's step: its minutes in the period, and how they count. An outage that is not downtime
    (excluded, an excused emergency) says the minutes it takes out of the measured time (``taken``: its
    stretch of :attr:`PeriodFigures.not_measured`), as the measured time's formula counts them: of its time
    outside the service hours or in time already not measured, nothing (``0:00``), and that time said
    apart."""
    parts: list[str] = []
    if o.counted == "downtime":
        parts.append(w.m("explain.avail.part.down", duration=hm(o.downtime_minutes)))
        if o.counted_before_minutes > 0:
            ids = ("、" if w.lang == "ja" else ", ").join(o.counted_with)
            parts.append(w.m("explain.avail.part.shared", duration=hm(o.counted_before_minutes), ids=ids))
        if o.excused_minutes > 0:
            key = "explain.avail.part.excused_hours" if f.closed_minutes > 0 else "explain.avail.part.excused"
            parts.append(w.m(key, duration=hm(o.excused_minutes)))
        if o.excluded_minutes > 0:
            parts.append(w.m("explain.avail.part.excluded", duration=hm(o.excluded_minutes)))
    else:
        key = "explain.avail.part.excluded_self" if o.counted == "excluded" else "explain.avail.part.emergency"
        before = taken.counted_before_minutes if taken is not None else 0.0
        if before > 0:  # (not all of it: what it takes out, and the rest said apart)
            parts.append(w.m(key + ".part", duration=hm(taken.minutes if taken is not None else 0.0)))
            hours = "explain.avail.part.already_hours" if f.closed_minutes > 0 else "explain.avail.part.already"
            parts.append(w.m(hours, duration=hm(before)))
        else:
            parts.append(w.m(key, duration=hm(o.minutes)))
    if o.outside_minutes > 0:
        parts.append(w.m("explain.avail.part.outside", duration=hm(o.outside_minutes)))
    return w.m("explain.avail.outage", id=o.id, until=_until(w, o.end), minutes=hm(o.minutes), parts=sep.join(parts))


def _summary(
    w: PolicyWords, v: PolicyWords, row: AvailabilityPeriod, f: PeriodFigures, hm: Any, report: Report
) -> list[str]:
    """The computation, a line each: measured time, downtime, ratio, target and verdict, credit."""
    lines: list[str] = []
    hours = f.period_minutes - f.closed_minutes
    svc = _service(v, row.service)
    cut = f.period_minutes < _whole(row)  # (up to ``as_of``)
    if f.closed_minutes > 0 and svc is not None and svc.hours.calendar is not None:
        lines.append(
            w.m(
                "explain.avail.base.hours.as_of" if cut else "explain.avail.base.hours",
                calendar=v.calendar_label(svc.hours.calendar),
                hours=hm(hours),
                span=hm(f.period_minutes),
                closed=hm(f.closed_minutes),
            )
        )
    else:
        key = "explain.avail.base.as_of" if cut else "explain.avail.base"
        lines.append(w.m(key, span=hm(f.period_minutes)))
    lines.append(
        w.m(
            "explain.avail.measured",
            base=hm(hours),
            excused=hm(f.excused_minutes),
            excluded=hm(f.excluded_minutes),
            measured=hm(row.measured_minutes),
        )
    )
    terms = [f"{o.id} {hm(o.downtime_minutes)}" for o in f.outages if o.downtime_minutes > 0]
    if terms:
        lines.append(w.m("explain.avail.downtime", terms=" + ".join(terms), total=hm(row.downtime_minutes)))
    else:
        lines.append(w.m("explain.avail.downtime.none", total=hm(row.downtime_minutes)))
    ratio = percent_against(row.ratio, row.target, 4)  # (never rounded up to the target it is below)
    if row.measured_minutes > 0:
        measured, downtime = hm(row.measured_minutes), hm(row.downtime_minutes)
        lines.append(w.m("explain.avail.ratio", measured=measured, downtime=downtime, ratio=ratio))
    else:
        lines.append(w.m("explain.avail.ratio.none", ratio=ratio))
    if row.target is None:
        lines.append(w.m("explain.avail.no_target"))
        return lines
    who = for_whom(v, row.service, row.when)
    who = (f"（{who}）" if w.lang == "ja" else f" ({who})") if who else ""
    if row.complete:
        verdict = w.m("report.credits.met" if row.met else "report.credits.below")
    else:
        verdict = w.m("explain.avail.so_far.met" if row.met else "explain.avail.so_far.below")
    lines.append(w.m("explain.avail.target", target=f"{row.target:g}%", who=who, verdict=verdict))
    if f.credit is not None:
        c = f.credit
        num = ref_number(c.ref)
        lines.append(
            w.m(
                "explain.avail.credit" if num is not None else "explain.avail.credit.plain",
                credit=f"{c.credit_percent:g}%",
                ratio=percent_against(c.ratio, c.below, 4),  # (below the tier it fell in, as the report says)
                below=f"{c.below:g}%",
                article=w.article_ref(num) if num is not None else "",
            )
        )
        total = credit_total_line(report, w, c.start, c.end, c.credit_percent)  # (the cap on the period's sum)
        if total:
            lines.append(total)
    elif row.met is False and _tiers(v, row):
        lines.append(w.m("explain.avail.credit_later" if not row.complete else "explain.avail.no_credit"))
    return lines


def _whole(row: AvailabilityPeriod) -> float:
    """Minutes from the row's start to its end."""
    return (row.end.timestamp() - row.start.timestamp()) / 60
