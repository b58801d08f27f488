"""``sla explain`` of an outage and of a planned stop (:mod:`.explain` dispatches to them).

Design notes
------------
* An outage's or incident's cause is worded by the catalogue, ``planned`` as planned work, never as a
  planned stop: a cause excuses no time. An outage with downtime says each planned stop whose window it
  lies in that does not excuse it, and why (its notice, as the report's planned-stop table says it, or the
  service's hours do not leave planned stops out); planned work in no announced stop's window says that
  none was announced, planned work partly in one how much lies outside them (:func:`_why_counted`).
* An outage's first notice is said with what it meant for each rule that judged it; one sent before the
  event a rule counts from (a first report before the recognition) says it does not count for it, a later
  notice the rule counts is said with its verdict, and with none the first rule's missing notice is said
  as for an outage with no notice (:func:`_notice_steps`). Its time not downtime is said with the reasons
  the outages table gives (:class:`~.outage_reasons.NotCounted`): an overlapping excluded outage is never
  called maintenance.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from ..calendars.interval_sets import length, subtract, union
from ..lang import model as m
from . import OutageRow, Report, StopRow
from .explain_parts import Event, Explanation
from .explain_parts import article as _article
from .explain_parts import none_yet as _none_yet
from .explain_parts import step as _step
from .operations import (
    JUDGED,
    first_rule,
    no_target,
    notice_fault,
    notice_name,
    notice_reason,
    stop_notices,
    stop_reason,
    to_the_second,
)
from .outage_reasons import NotCounted
from .targets import target_steps
from .violation_words import (
    instant,
    late_said,
    lateness,
    minutes_shown,
    notify_label,
    notify_rule,
)
from .words import PolicyWords


def _notice_words(o: OutageRow, w: PolicyWords) -> str:
    """Why an outage's notice has its status (:func:`.operations.notice_reason`); an excluded outage
    under the article of its exclusion (``第4条により適用外（天災地変…）``), none when it cites none."""
    if o.notice_status == "excluded":
        return w.excluded_because(o.cause, "report.na.excluded", "report.na.excluded_under")
    return notice_reason(o, w)


def explain_outage(o: OutageRow, report: Report, w: PolicyWords, events: Sequence[Event]) -> Explanation:
    words = w  # (the report's, as its outages table words the time not counted)
    w = w.for_row(o)  # the version that judged the row: its target, calendar and rules
    p = report.period
    sec = to_the_second(report)  # (as the report's outage table: h:mm:ss when some figure has seconds)
    # the notice of the rule the row's own fields are the verdict of, by its label (`First report`)
    notice = notice_name(w, first_rule(o, w))
    head = w.m(
        "explain.outage",
        id=o.id,
        version=o.policy_version,
        downtime=minutes_shown(o.downtime_minutes, sec),
        rule=notice,
        notice=_notice_words(o, w),
    )
    started = (
        _step(w, "outage.started", "explain.outage.started_service", service=w.service_label(o.service))
        if o.service is not None
        else _step(w, "outage.started", "explain.outage.started")
    )
    steps: list[tuple[dt.datetime | None, str]] = [(o.start, started)]
    if o.cause and o.notice_status != "excluded":  # (an excluded one's cause: said once, by the exclusion)
        steps.append((o.start, w.m("explain.cause", cause=_cause(w, o.cause))))
    if o.end is not None and instant(o.end) <= instant(p.as_of):
        lasted = (instant(o.end) - instant(o.start)).total_seconds() / 60
        steps.append((o.end, _step(w, "outage.ended", "explain.outage.ended", duration=minutes_shown(lasted, sec))))
    else:
        steps.append((p.as_of, w.m("report.na.still_open")))
    steps += _outside_period(o, report, w, sec)
    if o.recognized_at is not None:
        steps.append((o.recognized_at, _step(w, "outage.recognized", "explain.outage.recognized")))
    if o.notice_due is not None:  # (with its target, as an incident's response due line: 3営業時間以内)
        rule = first_rule(o, w)
        due = (
            w.m("explain.outage.notice_due_line", rule=notice)
            if rule is None
            else w.m(
                "explain.outage.notice_due_target",
                rule=notice,
                target=w.m("report.target.within", duration=w.duration(rule.within)),
            )
        )
        steps.append((o.notice_due, due))
    steps += _notice_steps(o, report, w)
    # why the first rule set no target, notice sent or not: dated when that holds from (an event the rule
    # counts from not there by ``as_of``: then, without repeating that the outage goes on)
    if o.notice_status == "not_applicable":
        why = no_target(o, w, still_open=False)
        steps.append((why.at or report.period.as_of, why.text))
    elif o.notice_status == "excluded":
        steps.append((o.start, _notice_words(o, w)))
    if o.excused_minutes:
        steps.append((o.start, _excused(o, report, words, sec)))
    steps += _why_counted(o, report, w, sec)  # (a cause excuses nothing: a stop's window it meets, and why)
    start, end = instant(o.start), instant(o.end or report.period.as_of)
    if any(
        x.id != o.id
        and instant(x.start) < end
        and start < instant(x.end or report.period.as_of)
        and _same_service(o, x)
        for x in report.outages
    ):
        steps.append((o.start, w.m("explain.outage.overlap")))
    steps += target_steps(o, w)  # the notices of a second notification rule (issue 12)
    notify = next((n for n in w.model.notifications if n.after.startswith("outage.")), None) if w.model else None
    label = notify.label.text(w.lang) if notify is not None else ""
    return Explanation(head, _article(w, notify.ref if notify else None, label), steps, _none_yet(w, o.start))


#: the causes of the event contract, each worded by the catalogue (``explain.cause.*``)
_CAUSES = ("failure", "emergency", "planned", "force_majeure", "customer_fault")


def _cause(w: PolicyWords, cause: str) -> str:
    """A cause in words: the contract's by the catalogue (``planned``: planned work, not a planned stop, which
    only a validly noticed stop's window is), any other by the label of the exclusion that names it."""
    return w.m(f"explain.cause.{cause}") if cause in _CAUSES else w.cause(cause)


def _why_counted(o: OutageRow, report: Report, w: PolicyWords, sec: bool) -> list[tuple[dt.datetime | None, str]]:
    """Why an outage's downtime is not excused, whatever its cause (a cause excuses no time: only a validly
    noticed planned stop's window or a maintenance window does, :mod:`sla_dsl.evaluation.outages`): each
    planned stop of the report whose window meets its time in the period and does not excuse it, at the start
    of that overlap (its notice not valid, said as the report's planned-stop table says it, or the outage's
    service does not leave planned stops out, as :func:`_excused` finds it); for an outage due to planned work
    (``planned``) that no stop's window meets, that none was announced for its time, and of one that some
    meet, how much of it lies outside them all. None for an outage with no downtime (excluded, an excused
    emergency, all of it in excused time)."""
    if o.downtime_minutes <= 0:
        return []
    p = report.period
    lo = max(instant(o.start), instant(p.start))
    hi = min(instant(o.end or p.as_of), instant(p.as_of), instant(p.end))
    name = o.service or report.availability.service
    svc = next((s for s in (w.model.services if w.model else ()) if s.name == name), None)
    leaves_out = svc is None or svc.hours.except_planned_stops
    steps: list[tuple[dt.datetime | None, str]] = []
    windows: list[tuple[float, float]] = []
    for s in report.planned_stops:
        if not (instant(s.start) < hi and instant(s.end) > lo):
            continue
        windows.append((s.start.timestamp(), s.end.timestamp()))
        if s.notice_ok and leaves_out:
            continue  # (excused: the step of the outage's excused time says it)
        at = s.start if instant(s.start) > instant(o.start) else o.start
        if not s.notice_ok:
            said = w.m("explain.outage.in_stop.invalid", id=s.id, end=w.t(s.end), why=stop_reason(s, w))
        else:
            service = w.service_label(svc.name) if svc is not None else "-"
            said = w.m("explain.outage.in_stop.not_left_out", id=s.id, end=w.t(s.end), service=service)
        steps.append((at, said))
    if o.cause != "planned" or hi <= lo:
        return steps
    if not windows:
        downtime = minutes_shown(o.downtime_minutes, sec)
        steps.append((o.start, w.m("explain.outage.planned_uncovered", downtime=downtime)))
        return steps
    # (the part of planned work outside every stop announced: no stop's notice, valid or not, is about it)
    outside = length(subtract((lo.timestamp(), hi.timestamp()), union(windows))) / 60
    if outside > 0:
        steps.append((o.start, w.m("explain.outage.planned_outside", duration=minutes_shown(outside, sec))))
    return steps


class _Judged(NamedTuple):
    """A notification rule's verdict on an outage's notices: the rule's name, its due time, the notice it
    counts (the one that met it or came late: its ``met_at``; None: none yet) and its status."""

    name: str
    due: dt.datetime | None
    counted: dt.datetime | None
    status: str


def _judged(o: OutageRow, w: PolicyWords) -> list[_Judged]:
    """The notification rules that judged the outage's notices (met, breached, open), in the policy's order;
    a row without its notices (read back) has its first rule's in its own fields, its first notice counted."""
    if o.notices:
        return [_Judged(n.name, n.due, n.met_at, n.status) for n in o.notices if n.status in JUDGED]
    if o.notice_status not in JUDGED:
        return []
    first = first_rule(o, w)
    counted = o.notified_at if o.notice_status != "open" else None
    return [_Judged(first.name if first is not None else "", o.notice_due, counted, o.notice_status)]


def _notice_steps(o: OutageRow, report: Report, w: PolicyWords) -> list[tuple[dt.datetime | None, str]]:
    """The steps of an outage's notices: its first notice (``notified_at``) with what it meant for each
    notification rule that judged it (in time, or how late in the rule's own time: elapsed for ``within 4
    hours``), or that it was sent before the event a rule counts from and does not count for it (a first
    report before the recognition of the failure: :mod:`sla_dsl.evaluation.outages`); the notice a rule
    counts when that is a later one, with its verdict; and, when the first rule counts none, that none was
    sent by then, as for an outage with no notice at all. Each verdict is named by its rule's label when
    several rules judge the outage; a first notice no rule judged (none applied) is just sent."""
    first_at = o.notified_at
    several = len(o.notices) > 1
    on_first: list[str] = []
    later: dict[dt.datetime, tuple[dt.datetime, str, list[str]]] = {}
    for j in _judged(o, w):
        rule = notify_rule(w, j.name)
        met_by = rule.met_by if rule is not None else _NOTIFIED
        counts_first = (
            j.counted is not None
            and first_at is not None
            and instant(j.counted) == instant(first_at)
            and met_by == _NOTIFIED
        )

        def named(verdict: str, name: str = j.name, rule: m.Notify | None = rule) -> str:
            label = notify_label(w, name, rule)
            return w.m("explain.outage.rule_verdict", rule=label, verdict=verdict) if several else verdict

        if first_at is not None and met_by == _NOTIFIED and not counts_first:  # (sent before it counts from)
            after = rule.after if rule is not None else ""
            early = (
                w.m("explain.outage.early", event=w.event_plain(after)) if after else w.m("explain.outage.early_plain")
            )
            on_first.append(named(early))
        if j.counted is None or j.due is None or j.status not in ("met", "breached"):
            continue
        if instant(j.counted) > instant(j.due):
            late = lateness(report, w, j.due, j.counted, rule.within if rule is not None else None)
            verdict = named(late_said(w, late, "explain.late"))
        else:
            verdict = named(w.m("explain.in_time"))
        if counts_first:
            on_first.append(verdict)
        else:
            later.setdefault(instant(j.counted), (j.counted, met_by, []))[2].append(verdict)
    sep = "、" if w.lang == "ja" else "; "
    steps: list[tuple[dt.datetime | None, str]] = []
    if first_at is not None:
        said = (
            _step(w, _NOTIFIED, "explain.outage.notified", verdict=sep.join(on_first))
            if on_first
            else _step(w, _NOTIFIED, "explain.outage.notified_plain")
        )
        steps.append((first_at, said))
    for at, met_by, verdicts in later.values():
        if met_by == _NOTIFIED:  # a later notice, the one the rule counts
            steps.append((at, _step(w, _NOTIFIED, "explain.outage.notified_counted", verdict=sep.join(verdicts))))
        else:  # (a rule met by another event: that event's, in its words)
            event = w.event_plain(met_by)
            steps.append((at, w.m("explain.outage.notified.relabelled", event=event, verdict=sep.join(verdicts))))
    first = o.notices[0].met_at if o.notices else (o.notified_at if o.notice_status != "open" else None)
    if first is None and o.notice_status in ("breached", "open"):  # (the first rule counts no notice by then)
        key = "explain.outage.no_notice" if first_at is None else "explain.outage.no_counted_notice"
        steps.append((report.period.as_of, w.m(key, status=w.m(f"report.notice.{o.notice_status}"))))
    return steps


#: the event a notice of an outage is, unless its rule says ``met by`` another
_NOTIFIED = "outage.notified"


def _outside_period(o: OutageRow, report: Report, w: PolicyWords, sec: bool) -> list[tuple[dt.datetime, str]]:
    """The steps on the part of an outage outside the judged period (before its start, after its end,
    up to ``as_of``): not counted in its downtime, which the headline says for the period alone, while
    the step of its end says how long it lasted."""
    p = report.period
    start, end = instant(o.start), instant(o.end if o.end is not None else p.as_of)
    end = min(end, max(instant(p.as_of), instant(o.start)))  # (nothing after ``as_of`` is known)
    measured_end = max(instant(p.start), min(instant(p.end), instant(p.as_of)))
    steps: list[tuple[dt.datetime, str]] = []
    before = (min(end, instant(p.start)) - start).total_seconds() / 60
    if before > 0:
        steps.append((p.start, w.m("explain.outage.before_period", duration=minutes_shown(before, sec))))
    after = (end - max(start, measured_end)).total_seconds() / 60
    if after > 0:
        steps.append((p.end, w.m("explain.outage.after_period", duration=minutes_shown(after, sec))))
    return steps


def _excused(o: OutageRow, report: Report, w: PolicyWords, sec: bool = False) -> str:
    """The step on an outage's minutes that are not downtime (``excused_minutes``), with the reasons the
    report's outages table gives beside its downtime (:class:`~.outage_reasons.NotCounted`, with the words
    ``w`` of the report): each stretch in a maintenance window, a noticed stop, an overlapping excluded
    outage or excused emergency, or outside its service's hours, with its time; an outage itself excluded
    (the step before says under which article) has none of its time counted."""
    duration = minutes_shown(o.excused_minutes, sec)
    if o.notice_status == "excluded":  # (the outage itself is excluded under Article 4: the step before says so)
        return w.m("explain.outage.excluded_time", duration=duration)
    return w.m("explain.outage.excused_why", duration=duration, reasons=NotCounted(report, w, sec)(o, False))


def _same_service(a: OutageRow, b: OutageRow) -> bool:
    """Whether two outages count against a service in common (one of them names none, or both the same)."""
    return a.service is None or b.service is None or a.service == b.service


def _stop_excused(w: PolicyWords) -> str:
    """A validly noticed stop's verdict: excused for the measured services whose hours leave planned
    stops out (``hours ... except planned stops``), and only those; for none, outages in it count."""
    measured = [
        svc
        for svc in (w.model.services if w.model is not None else ())
        if svc.availability_measured or svc.availability_target is not None or svc.plan_targets
    ]
    excusing = [svc for svc in measured if svc.hours.except_planned_stops]
    if len(excusing) == len(measured):
        return w.m("explain.stop.verdict_ok")
    if not excusing:
        return w.m("explain.stop.verdict_ok_counted")
    names = w.m("report.result.sep").join(w.service_label(svc.name) for svc in excusing)
    return w.m("explain.stop.verdict_ok_some", services=names)


def explain_stop(s: StopRow, w: PolicyWords) -> Explanation:
    w = w.for_row(s)  # the version that judged the row: its target, calendar and rules
    verdict = _stop_excused(w) if s.notice_ok else w.m("explain.stop.verdict_bad")
    head = w.m("explain.stop", id=s.id, version=s.policy_version, verdict=verdict)
    steps: list[tuple[dt.datetime | None, str]] = []
    for at, channel, good_channel, in_time in stop_notices(s):
        why = notice_fault(w, good_channel, in_time)
        steps.append(
            (at, _step(w, "stop.announced", "explain.stop.announced", channel=w.channel(channel), verdict=why))
        )
    deadlines: tuple[tuple[dt.datetime, str], ...] = ()
    if s.notice_deadline is not None:  # (dated as the report's planned-stop table dates it: 11月18日(水)まで)
        rule = w.model.planned_stops[0] if w.model is not None and w.model.planned_stops else None
        channels = ("・" if w.lang == "ja" else " or ").join(w.channel(c) for c in rule.channels) if rule else "-"
        deadlines = ((s.notice_deadline, w.m("explain.stop.deadline_line", channels=channels)),)
    steps.append(
        (
            s.start,
            w.m("explain.stop.window_line", end=w.t(s.end), verdict=verdict),
        )
    )
    ps = w.model.planned_stops[0] if w.model is not None and w.model.planned_stops else None
    article = _article(w, ps.ref if ps else None, ps.label.text(w.lang) if ps else "")
    return Explanation(head, article, steps, _none_yet(w, s.start), deadlines)
