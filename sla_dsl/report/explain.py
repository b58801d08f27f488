"""``sla explain``: the reasons behind one verdict, in the report's language, in time order, each time once.

Design notes
------------
* The explanation is written from the same verdict rows the monthly report
  shows (judged over the same period: see :mod:`sla_dsl.cli.evaluate`) and from
  the item's own events, never from the engine's English step texts: every
  sentence comes from the message catalogue (:mod:`sla_dsl.i18n`).
* Every id a report lists can be explained: an incident, an outage, a
  planned stop, a deleted backup (retention), a backup day (``files:2026-11-14``)
  and any violation (a backup in the wrong zone, availability, the event log).
* Lines are ``(time, sentence)``; the sentences of one instant are joined on
  one line, the lines sorted by time, and a time is written once, at the
  start of its line. The article the rule comes from is named once, above the
  steps; conclusions with no instant of their own are dated ``as of``.
* Times are ordered, merged and subtracted as instants (UTC,
  :func:`~.violation_words.instant`): aware datetimes of one zone compare and
  subtract by their wall clocks and hash without ``fold``, so on the day the
  clocks go back 01:50 EDT and 01:50 EST would share a line, 01:10 EST would
  come before 01:50 EDT and a response then would read "in time".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NamedTuple

from ..events.schema import BUILTIN_COUNT, PAYLOAD, TYPES, Rec
from ..i18n import format_date, format_minutes
from ..lang import model as m
from ..policy.compiled import Policy
from . import BackupRow, IncidentRow, OutageRow, Report, RetentionRow, StopRow, Violation
from .escape import printable
from .operations import notice_fault, notice_reason, stop_notices
from .targets import target_steps
from .violation_words import (
    instant,
    late_words,
    notify_label,
    notify_rule,
    shown_id,
    violation_kind,
    violation_text,
)
from .words import PolicyWords, ref_number

#: The contract's event types (any other an incident carries is one its policy declares).
_CONTRACT = frozenset(TYPES[:BUILTIN_COUNT])


class Event(NamedTuple):
    """One event of the item: when, its type and its payload fields."""

    at: dt.datetime
    type: str
    fields: dict[str, Any]


class Explanation(NamedTuple):
    """One explained item: its headline, the article, and its steps in time order."""

    headline: str
    article: str
    steps: list[tuple[dt.datetime | None, str]]


Item = IncidentRow | OutageRow | StopRow | RetentionRow | BackupRow | Violation


def events_of(recs: Sequence[Rec], tz: dt.tzinfo) -> list[Event]:
    """The item's records as events in the policy's time zone, in time order."""
    out = []
    for r in sorted(recs, key=lambda r: (r[0], r[1])):
        name = TYPES[r[1]]
        fields = dict(zip(PAYLOAD.get(name, ()), r[2], strict=False))
        out.append(Event(dt.datetime.fromtimestamp(r[0], tz), name, fields))
    return out


def explain(
    item: Item,
    report: Report,
    w: PolicyWords,
    events: Sequence[Event] = (),
    backups_taken: Sequence[Event] = (),
) -> Explanation:
    """The explanation of one item the report lists."""
    as_of = report.period.as_of
    seen = [e for e in events if instant(e.at) <= instant(as_of)]
    if isinstance(item, IncidentRow):
        return _incident(item, report, w, seen)
    if isinstance(item, OutageRow):
        return _outage(item, report, w, seen)
    if isinstance(item, StopRow):
        return _stop(item, w)
    if isinstance(item, RetentionRow):
        return _retention(item, w)
    if isinstance(item, BackupRow):
        return _backup_day(item, report, w, backups_taken)
    return _violation(item, report, w, seen)


def _article(w: PolicyWords, ref: str | m.ArticleRef | None, rule: str = "") -> str:
    """``根拠：条項 3.2（SLA の設定）優先度１``: the article once, above the steps."""
    num = ref_number(ref)
    if num is None:
        return ""
    return w.m("explain.rule", article=w.m("report.article", ref=num), title=w.article_title(num), rule=rule).rstrip(
        ", "
    )


def _incident(r: IncidentRow, report: Report, w: PolicyWords, events: Sequence[Event]) -> Explanation:
    w = w.for_row(r)  # the version that judged the row: its target, calendar and rules
    rule = w.rule_of(r)  # the rule of its priority that judged it (issue 13: chosen by its attributes)
    as_of = report.period.as_of
    head = w.m(
        "explain.incident",
        id=r.id,
        priority=w.priority(r.priority),
        version=r.policy_version,
        status=w.m(f"report.status.{r.status}"),
    )
    steps: list[tuple[dt.datetime | None, str]] = []
    first_response = next((e.at for e in events if e.type == "incident.responded"), None)
    for e in events:
        if e.type == "incident.reported":
            steps.append(
                (e.at, w.m("explain.reported", priority=w.priority(str(e.fields.get("priority", r.priority)))))
            )
            if e.fields.get("cause"):
                steps.append((e.at, w.m("explain.cause", cause=w.cause(str(e.fields["cause"])))))
        elif e.type == "incident.reprioritized":
            steps.append((e.at, w.m("explain.reprioritized", priority=w.priority(str(e.fields.get("priority"))))))
        elif e.type == "incident.info_provided":
            steps.append((e.at, w.m("explain.info_provided")))
        elif e.type == "incident.customer_replied":
            steps.append((e.at, w.m("explain.customer_replied")))
        elif e.type == "incident.product_suspected" and r.clock_event != "product_suspected":
            steps.append((e.at, w.m("explain.event.incident.product_suspected")))
        elif e.type not in _CONTRACT:  # a type the policy declares (``event incident.chat_started ...``)
            steps.append((e.at, w.m("explain.declared_event", event=w.event_plain(e.type))))
    if not events:
        steps.append((r.reported_at, w.m("explain.reported", priority=w.priority(r.priority))))
    event_word = (
        w.m(f"explain.event.incident.{r.clock_event}")
        if r.clock_event in ("reported", "product_suspected")
        else r.clock_event
    )
    steps.append((r.clock_start, w.m("explain.clock_start", event=event_word)))
    if r.status == "excluded":
        steps.append((r.clock_start, w.m("explain.excluded", cause=w.cause(r.cause))))
    if r.response_due is not None:
        steps.append((r.response_due, w.m("explain.due", target=w.target(r.priority, rule))))
    if r.same_day is not None and r.same_day.applies and r.same_day.due is not None:
        verdict = (
            w.m("explain.same_day.met" if r.same_day.met else "explain.same_day.missed")
            if r.same_day.met is not None
            else w.m("report.status.open")
        )
        steps.append((r.same_day.due, w.m("explain.same_day", verdict=verdict)))
    responded = r.responded_at or first_response
    if responded is not None and instant(responded) <= instant(as_of):
        if r.response_due is not None and instant(responded) > instant(r.response_due) and w.policy is not None:
            # in the target's own time, as the report says it: elapsed for `within 1 hour`
            late = late_words(report, w, r.response_due, responded, rule.target if rule is not None else None)
            verdict = w.m("explain.late", late=late)
        else:
            verdict = w.m("explain.in_time")
        steps.append((responded, w.m("explain.responded", verdict=verdict)))
    elif r.status != "excluded":
        steps.append((as_of, w.m("explain.no_response", status=w.m(f"report.status.{r.status}"))))
        if r.status == "at_risk":
            pct = _risk_percent(w)
            if pct is not None:
                steps.append((as_of, w.m("explain.at_risk", percent=f"{pct:g}")))
    if r.completed_at is not None and instant(r.completed_at) <= instant(as_of):
        if r.completion == "silence":
            silence = rule.completion.silence if rule is not None else None
            duration = w.duration(silence.duration) if silence is not None else "-"
            steps.append((r.completed_at, w.m("explain.completed_silence", duration=duration)))
        else:
            steps.append((r.completed_at, w.m("explain.resolved")))
    steps += target_steps(r, w)  # named targets (issue 12)
    return Explanation(head, _article(w, rule.ref if rule else None, w.priority(r.priority)), steps)


def _risk_percent(w: PolicyWords) -> float | None:
    if w.model is None:
        return None
    clock = next((c for c in w.model.clocks if c.name == "response"), w.model.clocks[0] if w.model.clocks else None)
    return clock.at_risk_percent if clock is not None else None


def _outage(o: OutageRow, report: Report, w: PolicyWords, events: Sequence[Event]) -> Explanation:
    w = w.for_row(o)  # the version that judged the row: its target, calendar and rules
    head = w.m(
        "explain.outage",
        id=o.id,
        version=o.policy_version,
        downtime=format_minutes(o.downtime_minutes),
        notice=notice_reason(o, w),
    )
    started = (
        w.m("explain.outage.started_service", service=w.service_label(o.service))
        if o.service is not None
        else w.m("explain.outage.started")
    )
    steps: list[tuple[dt.datetime | None, str]] = [(o.start, started)]
    if o.cause:
        cause = (
            w.cause(o.cause)
            if o.notice_status == "excluded" or o.cause not in _CAUSES
            else w.m(f"explain.cause.{o.cause}")
        )
        steps.append((o.start, w.m("explain.cause", cause=cause)))
    if o.end is not None and instant(o.end) <= instant(report.period.as_of):
        lasted = (instant(o.end) - instant(o.start)).total_seconds() / 60
        steps.append((o.end, w.m("explain.outage.ended", duration=format_minutes(lasted))))
    else:
        steps.append((report.period.as_of, w.m("report.na.still_open")))
    if o.recognized_at is not None:
        steps.append((o.recognized_at, w.m("explain.outage.recognized")))
    if o.notice_due is not None:
        steps.append((o.notice_due, w.m("explain.outage.notice_due_line")))
    if o.notified_at is not None:
        verdicts = _notice_verdicts(o, report, w)
        sent = w.m("explain.outage.notified", verdict=verdicts) if verdicts else w.m("explain.outage.notified_plain")
        steps.append((o.notified_at, sent))
    elif o.notice_status in ("breached", "open"):
        steps.append(
            (report.period.as_of, w.m("explain.outage.no_notice", status=w.m(f"report.notice.{o.notice_status}")))
        )
    # why the first rule set no target, notice sent or not
    if o.notice_status == "not_applicable" and o.recognized_at is None and not (o.notices and o.notices[0].unmet_when):
        steps.append((report.period.as_of, w.m("report.na.not_recognised")))
    elif o.notice_status in ("not_applicable", "excluded"):
        steps.append((o.recognized_at or o.start, notice_reason(o, w)))
    if o.excused_minutes:
        steps.append((o.start, _excused(o, report, w)))
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
    return Explanation(head, _article(w, notify.ref if notify else None, label), steps)


_CAUSES = ("failure", "emergency", "planned", "force_majeure", "customer_fault")


def _notice_verdicts(o: OutageRow, report: Report, w: PolicyWords) -> str:
    """What the outage's notice meant for each notification rule that judged it (in time, or how late
    in the rule's own time: elapsed for ``within 4 hours``); each named by its label when several rules
    judge the outage; empty when none did (the first rule did not apply: the notice is just sent)."""
    judged = [(n.name, n.due) for n in o.notices if n.status in ("met", "breached") and n.due is not None]
    if not judged and not o.notices and o.notice_due is not None:  # (a row without its notices: the first rule)
        first = next((n for n in w.model.notifications if n.after.startswith("outage.")), None) if w.model else None
        judged = [(first.name if first is not None else "", o.notice_due)]
    said: list[str] = []
    for name, due in judged:
        rule = notify_rule(w, name)
        if o.notified_at is not None and instant(o.notified_at) > instant(due):
            late = late_words(report, w, due, o.notified_at, rule.within if rule is not None else None)
            verdict = w.m("explain.late", late=late)
        else:
            verdict = w.m("explain.in_time")
        if len(o.notices) > 1:
            verdict = w.m("explain.outage.rule_verdict", rule=notify_label(w, name, rule), verdict=verdict)
        said.append(verdict)
    return ("、" if w.lang == "ja" else "; ").join(said)


def _excused(o: OutageRow, report: Report, w: PolicyWords) -> str:
    """The step on an outage's minutes that are not downtime; for a service provided in a calendar's
    hours (the service the outage names, else the one ``availability`` measures), some may be outside
    them: said only when the outage's time in the period does leave them (a calendar open around the
    clock, Click So-ko's ``24時間365日``, never does)."""
    duration = format_minutes(o.excused_minutes)
    if o.notice_status == "excluded":  # (the outage itself is excluded under Article 4: the step before says so)
        return w.m("explain.outage.excluded_time", duration=duration)
    name = o.service or report.availability.service
    svc = next((s for s in (w.model.services if w.model else ()) if s.name == name), None)
    calendar = svc.hours.calendar if svc is not None and not svc.hours.always else None
    if calendar is None or w.policy is None or not _leaves_hours(o, report, w.policy, calendar):
        return w.m("explain.outage.excused", duration=duration)
    return w.m("explain.outage.excused_hours", duration=duration, calendar=w.calendar_label(calendar))


def _leaves_hours(o: OutageRow, report: Report, policy: Policy, calendar: str) -> bool:
    """Whether some of the outage's time in the period up to ``as_of`` is outside ``calendar``'s hours."""
    p = report.period
    start = max(instant(o.start), instant(p.start))
    end = min(instant(o.end or p.as_of), instant(p.as_of), instant(p.end))
    return end > start and policy.business_time_between(start, end, calendar) < end - start


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


def _stop(s: StopRow, w: PolicyWords) -> Explanation:
    w = w.for_row(s)  # the version that judged the row: its target, calendar and rules
    verdict = _stop_excused(w) if s.notice_ok else w.m("explain.stop.verdict_bad")
    head = w.m("explain.stop", id=s.id, version=s.policy_version, verdict=verdict)
    steps: list[tuple[dt.datetime | None, str]] = []
    for at, channel, good_channel, in_time in stop_notices(s):
        why = notice_fault(w, good_channel, in_time)
        steps.append((at, w.m("explain.stop.announced", channel=w.channel(channel), verdict=why)))
    if s.notice_deadline is not None:
        rule = w.model.planned_stops[0] if w.model is not None and w.model.planned_stops else None
        channels = ("・" if w.lang == "ja" else " or ").join(w.channel(c) for c in rule.channels) if rule else "-"
        steps.append((s.notice_deadline, w.m("explain.stop.deadline_line", channels=channels)))
    steps.append(
        (
            s.start,
            w.m("explain.stop.window_line", end=w.t(s.end), verdict=verdict),
        )
    )
    ps = w.model.planned_stops[0] if w.model is not None and w.model.planned_stops else None
    return Explanation(head, _article(w, ps.ref if ps else None, ps.label.text(w.lang) if ps else ""), steps)


def _retention(r: RetentionRow, w: PolicyWords) -> Explanation:
    w = w.for_row(r)  # the version that judged the row: its target, calendar and rules
    head = w.m(
        "explain.retention",
        id=r.id,
        kind=w.backup_kind(r.kind),
        verdict=w.m("explain.retention.ok" if r.ok else "explain.retention.bad"),
    )
    rule = w.backup_rule(r.kind)
    steps: list[tuple[dt.datetime | None, str]] = []
    if r.completed_at is not None:
        steps.append((r.completed_at, w.m("explain.retention.taken", kind=w.backup_kind(r.kind))))
    if r.keep_until is not None:
        keep = w.duration(rule.keep) if rule is not None and rule.keep is not None else "-"
        steps.append((r.keep_until, w.m("explain.retention.keep_line", keep=keep)))
    steps.append(
        (
            r.deleted_at,
            w.m("explain.retention.deleted", verdict=w.m("explain.retention.ok" if r.ok else "explain.retention.bad")),
        )
    )
    return Explanation(head, _article(w, rule.ref if rule else None, w.backup_kind(r.kind)), steps)


def _backup_day(b: BackupRow, report: Report, w: PolicyWords, taken: Sequence[Event]) -> Explanation:
    tz = report.period.start.tzinfo
    start = dt.datetime(b.day.year, b.day.month, b.day.day, tzinfo=tz)
    end = start + dt.timedelta(days=1)  # (the next midnight on the wall clock: compared below as instants)
    head = w.m(
        "explain.backup_day",
        kind=w.backup_kind(b.kind),
        day=format_date(b.day, w.lang),
        status=w.m(f"report.backup.{b.status}"),
    )
    steps: list[tuple[dt.datetime | None, str]] = [(start, w.m("explain.backup.window_line", end=w.t(end)))]
    for e in taken:
        if instant(start) <= instant(e.at) < instant(end):
            steps.append((e.at, w.m("explain.backup.taken", kind=w.backup_kind(b.kind))))
    if b.status == "missed":
        steps.append((end, w.m("explain.backup.none")))
    elif b.status == "pending":
        steps.append((report.period.as_of, w.m("explain.backup.pending")))
    rule = w.backup_rule(b.kind)
    return Explanation(head, _article(w, rule.ref if rule else None, w.backup_kind(b.kind)), steps)


def _violation(v: Violation, report: Report, w: PolicyWords, events: Sequence[Event]) -> Explanation:
    head = w.m("explain.violation", id=shown_id(v, w), kind=violation_kind(v.kind, w))
    steps: list[tuple[dt.datetime | None, str]] = []
    for e in events:
        if e.type == "backup.completed":
            zone = e.fields.get("zone")
            primary = e.fields.get("primary_zone")
            steps.append(
                (
                    e.at,
                    w.m(
                        "explain.backup.zones",
                        kind=w.backup_kind(str(e.fields.get("kind"))),
                        zone=zone or w.m("explain.backup.no_zone"),
                        primary=primary or w.m("explain.backup.no_zone"),
                    ),
                )
            )
        elif e.type == "backup.deleted":
            steps.append((e.at, w.m("explain.retention.deleted_plain")))
    if v.kind == "backup_zone" and steps and v.backup_kind is not None:
        steps.append((v.at or report.period.as_of, w.m("explain.zone.same")))
        return Explanation(head, _article(w, v.ref, w.backup_kind(v.backup_kind)), steps)
    steps.append((v.at or report.period.as_of, violation_text(v, report, w, {})))
    return Explanation(head, _article(w, v.ref), steps)


def render_explanations(items: Sequence[Explanation], report: Report, w: PolicyWords) -> str:
    """The explanations as text: headline, period, article, then one line per instant."""
    p = report.period
    out: list[str] = []
    for n, x in enumerate(items):
        if n:
            out.append("")
        out.append(printable(x.headline))
        full = w.with_year()
        out.append(printable(w.m("explain.period", start=full.t(p.start), end=full.t(p.end), as_of=full.t(p.as_of))))
        if x.article:
            out.append(printable(x.article))
        # one line per instant, keyed and sorted in UTC (a zone's 01:50 EDT and 01:50 EST are two lines),
        # each written as the first step of that instant gives its time
        shown: dict[dt.datetime | None, dt.datetime | None] = {}
        merged: dict[dt.datetime | None, list[str]] = {}
        for at, text in x.steps:
            key = instant(at) if at is not None else None
            shown.setdefault(key, at)
            texts = merged.setdefault(key, [])
            if text not in texts:
                texts.append(text)
        sep = "。" if w.lang == "ja" else "; "
        keys: list[dt.datetime | None] = [*sorted(k for k in merged if k is not None)]
        for key in keys + ([None] if None in merged else []):
            at = shown[key]
            when = w.t(at) if at is not None else ""
            out.append(printable(f"  {when}  {sep.join(merged[key])}".rstrip()))
    return "\n".join(out) + "\n"
