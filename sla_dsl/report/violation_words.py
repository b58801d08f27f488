"""A violation in words, from the row it is about: what the violations table and ``sla explain`` show.

Design notes
------------
* Violations are written from the rows they are about (the JSON report's ``message`` stays the
  engine's English text, the contract); a kind the catalogue does not know shows under "other" with
  the engine's message.
* Nothing is read back from the engine's English: a planned stop's fault comes from its row's notices,
  a zone violation from its ``backup_kind``, a named target's breach (issue 12) from
  its ``target``, a contradiction in the events (``data``) from its note (:mod:`.data_notes`). Only a
  report read back from its JSON, which has no notes, shows a ``data`` violation's English, marked as a
  detail for engineers. A named target's breach read back (no ``target`` either) is worded from its
  incident's row, the target breached and due at the violation's ``at`` (:func:`target_read_back`); one
  whose row is not found shows its English under the words of its own kind, never as an event log problem.
* How late is said in the business time of the target's calendar, or elapsed (so marked) for an
  elapsed target (:func:`late_words`): a response by its priority's target, a notice by its
  notification rule's ``within``; to the second when under a minute, so that 20 seconds late never
  reads ``0:00`` late (:func:`minutes_shown`). A target stopped (or still open at ``as of``) after its
  due time with no business time between them, in closed hours, is late outside business hours, so
  said in words (:class:`Late`): no business-time figure, since ``0:00`` late reads as not late at all.
  A sentence says how late in one phrase (:func:`late_said`: ``0:10 late, elapsed time``), never a
  marked time inside its parentheses (``(0:10 (elapsed) late)``).
* A notice violation is worded from the rule it is about (its ``target``): an outage judged by more
  than one notification rule has a verdict per rule (``OutageRow.notices``), and each violation
  names its rule by its label with that rule's due time, notice and lateness; the row's own
  ``notice_due`` and ``notified_at`` are the first rule's only. A rule is named by its label however
  many rules judge the outage, as the summary names it (``First report due …``: a first report is no
  recovery notice); only a rule without a label has the generic "recovery notice" words (by its name
  when several rules judge the outage, to say which).
* What a violation names is worded from the version that judged the row it is about, and where that
  row is not at hand (``sla explain`` of a violation), from the version that defines the name
  (:meth:`~.words.PolicyWords.defining`): a notification rule, a service a version from mid-period adds
  is named by its label, never by its id, and its lateness counted as its rule counts it. A period below
  its target that the report lists no row of reads the target of the version in force on the period's
  first day, which judges it whole (:func:`period_target`), whatever version is in force at ``from``.
* The row a violation is about is looked up by its id in an index of the report's rows
  (:class:`ReportIndex`, each table indexed on first use), built once for the whole table of
  violations: a year's report lists thousands of violations over thousands of rows, and a scan of
  a table per violation made it quadratic (a year of hourly backup windows missed: 43 seconds).
  Of two rows with one id, the first is taken, as a scan would.
* A breached day-based target (``by 16:00 of 1st business day``), the response's or a named one's, says
  why its due time is another than the time it names (`` (that day closes at 15:00)``), as ``sla
  explain``'s due step and target line say it: from the incident's clock start, and for a named target
  from its judged cycle's start, which the breach's ``target`` keeps (none in a report read from JSON).
* Times are compared, subtracted and matched as instants (:func:`instant`), never as the aware
  datetimes they are: two times in one zone compare by their wall clocks, ``fold`` ignored, so on the
  day the clocks go back a response at 01:10 EST would be "before" its due time 01:50 EDT.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from ..lang import model as lm
from . import BreachedTarget, IncidentRow, OutageRow, Report, RetentionRow, StopRow, Violation, periods
from .data_notes import Labels, note_text
from .operations import first_rule, stop_reason
from .parts import IncidentLike
from .settled import response_settled
from .target_names import target_goal
from .words import PolicyWords, event_words, hours_minutes, percent_against


def instant(t: dt.datetime) -> dt.datetime:
    """``t`` in UTC: what two times are compared, subtracted, sorted or matched by. Aware datetimes of
    one zone do all of that by their wall clocks and ignore ``fold`` (01:10 EST, the second 01:10 of
    New York's autumn day, is "before" 01:50 EDT, and a dict takes the two 01:50s for one key)."""
    return t.astimezone(dt.UTC)


def same_instant(a: dt.datetime | None, b: dt.datetime | None) -> bool:
    """Whether ``a`` and ``b`` are the same instant (both None counts as the same)."""
    if a is None or b is None:
        return a is b
    return instant(a) == instant(b)


@dataclass(frozen=True)
class Late:
    """How late a target was met (or is, still open at ``as of``), as its target counts time: what the
    tables (:func:`late_words`) and the sentences (:func:`late_said`) say it from."""

    #: the time, unmarked (``1:12``, ``0:00:20``); ``-`` when not late or there is no due time; empty when
    #: ``outside``
    time: str
    #: counted as elapsed time (an elapsed target, ``within 1 hour``)
    elapsed: bool = False
    #: after the due time, but with no business time between: late outside business hours
    outside: bool = False


def lateness(
    report: Report,
    w: PolicyWords,
    due: dt.datetime | None,
    at: dt.datetime | None,
    target: lm.Target | lm.Duration | None = None,
) -> Late:
    """How late, from ``due`` to ``at`` (``as of`` when None), as ``target`` counts it (:func:`time_between`);
    ``outside`` when ``at`` is after ``due`` but no business time lies between (both in closed hours: a
    response at 19:00 to a due time of 18:00), which a business-time figure would show as ``0:00``."""
    if due is None:
        return Late("-")
    end = at if at is not None else report.period.as_of
    span = instant(end) - instant(due)  # (not ``end - due``: by the wall clock in one zone)
    if w.policy is None or span <= dt.timedelta(0):
        return Late("-")
    if counts_elapsed(target):
        return Late(minutes_shown(span.total_seconds() / 60), elapsed=True)
    minutes = business_minutes(w, due, end, target)
    # (a business time that would read 0:00:00, under half a second, is none)
    return Late(minutes_shown(minutes)) if round(minutes * 60) > 0 else Late("", outside=True)


def late_words(
    report: Report,
    w: PolicyWords,
    due: dt.datetime | None,
    at: dt.datetime | None,
    target: lm.Target | lm.Duration | None = None,
) -> str:
    """How late (``1:12``), or ``-``: in the business time of the target's calendar, or elapsed
    (so marked) for an elapsed target such as ``within 1 hour``; ``target`` is a response target or
    a notification rule's ``within``; without one, in the business time of the policy's calendar;
    late outside business hours in words (``report.late_outside``), never ``0:00``. ``w`` are the
    words of the version that judged the row (:meth:`PolicyWords.for_row`): its calendars count the
    time. A table's cell; a sentence says it with :func:`late_said`."""
    late = lateness(report, w, due, at, target)
    if late.outside:
        return w.m("report.late_outside")
    return w.m("report.late_elapsed", late=late.time) if late.elapsed else late.time


def late_said(w: PolicyWords, late: Late, key: str = "report.late_by") -> str:
    """How late in a sentence, one phrase without parentheses of its own: ``key`` (``1:12 late``), its
    ``_elapsed`` variant for elapsed time (``0:10 late, elapsed time``: never ``0:10 (elapsed) late``)
    or its ``_outside`` one (``late outside business hours``)."""
    if late.outside:
        return w.m(f"{key}_outside")
    return w.m(f"{key}_elapsed" if late.elapsed else key, late=late.time)


def time_between(
    w: PolicyWords, start: dt.datetime, end: dt.datetime, target: lm.Target | lm.Duration | None = None
) -> str:
    """The time from ``start`` to ``end`` (``1:12``; ``-`` when not after it) as ``target`` counts it:
    in the business time of its calendar, or elapsed (so marked) for an elapsed target; without one,
    in the business time of the policy's calendar. How much time an at-risk incident has left (how late
    is :func:`lateness`, which says a lateness of no business time in words); under a minute to the
    second (:func:`minutes_shown`), so that rounding never shows it on the other side of its due time
    (20 seconds late is not ``0:00`` late)."""
    elapsed = instant(end) - instant(start)  # (not ``end - start``: by the wall clock in one zone)
    if w.policy is None or elapsed <= dt.timedelta(0):
        return "-"
    if counts_elapsed(target):
        return w.m("report.late_elapsed", late=minutes_shown(elapsed.total_seconds() / 60))
    return minutes_shown(business_minutes(w, start, end, target))


def business_minutes(
    w: PolicyWords, start: dt.datetime, end: dt.datetime, target: lm.Target | lm.Duration | None = None
) -> float:
    """The business time from ``start`` to ``end`` in minutes, in the calendar of ``target`` (the policy's
    without one); 0 without a policy."""
    if w.policy is None:
        return 0.0
    duration = target.duration if isinstance(target, lm.Within) else target if isinstance(target, lm.Duration) else None
    calendar = target.calendar if isinstance(target, lm.ByEndOf) else duration.calendar if duration else None
    return w.policy.business_time_between(start, end, calendar).total_seconds() / 60


def counts_elapsed(target: lm.Target | lm.Duration | None) -> bool:
    """Whether ``target`` counts elapsed time (``within 1 hour``): :func:`time_between` says its times so
    marked; any other (``within 4 business hours``, ``by end of 1 business day``, none) counts the
    business time of a calendar."""
    duration = target.duration if isinstance(target, lm.Within) else target if isinstance(target, lm.Duration) else None
    return duration is not None and not duration.is_business


def minutes_shown(minutes: float, seconds: bool = False) -> str:
    """A positive time as ``h:mm`` (:func:`~.words.hours_minutes`), and as ``h:mm:ss`` when ``seconds``
    (the report's outage table is to the second: :func:`~.operations.to_the_second`) or when it is under
    a minute: rounded to the minute, 20 seconds would read ``0:00`` (no time at all) and 40 seconds
    ``0:01``, where the outage table says ``0:00:40``."""
    return hours_minutes(minutes, seconds or 0 < round(minutes * 60) < 60)


def notify_rule(w: PolicyWords, name: str | None) -> lm.Notify | None:
    """The notification rule ``name`` of the version ``w`` are the words of (None: not there, or no policy)."""
    if w.model is None or not name:
        return None
    return next((n for n in w.model.notifications if n.name == name), None)


def notify_label(w: PolicyWords, name: str, rule: lm.Notify | None = None) -> str:
    """A notification rule by its label in the report's language, its name when it has none."""
    rule = rule if rule is not None else notify_rule(w, name)
    return (rule.label.text(w.lang) if rule is not None else "") or name


def target_of(i: IncidentLike, w: PolicyWords) -> lm.Target | None:
    """The response target of the rule that judged ``i`` (a compact verdict knows the rule its
    attributes chose, a row its position: :meth:`PolicyWords.judged_by`; ``w`` are the words of its
    version); None for a row read back from JSON, which does not say."""
    rule = w.judged_by(i)
    return rule.target if rule is not None else None


R = TypeVar("R", OutageRow, StopRow, RetentionRow)


class ReportIndex(periods.PeriodIndex):
    """The rows of one report that violations are about, by id (:class:`~.periods.PeriodIndex`, and its
    outages, planned stops and deleted backups), each table indexed on first use."""

    def __init__(self, report: Report) -> None:
        super().__init__(report)
        self._outages: dict[str, OutageRow] | None = None
        self._stops: dict[str, StopRow] | None = None
        self._retention: dict[str, RetentionRow] | None = None

    def outage(self, ident: str) -> OutageRow | None:
        if self._outages is None:
            self._outages = _first_by_id(self.report.outages)
        return self._outages.get(ident)

    def stop(self, ident: str) -> StopRow | None:
        if self._stops is None:
            self._stops = _first_by_id(self.report.planned_stops)
        return self._stops.get(ident)

    def deleted(self, ident: str) -> RetentionRow | None:
        if self._retention is None:
            self._retention = _first_by_id(self.report.retention)
        return self._retention.get(ident)


def _first_by_id(rows: Sequence[R]) -> dict[str, R]:
    """``rows`` by id, the first of each."""
    out: dict[str, R] = {}
    for r in rows:
        out.setdefault(r.id, r)
    return out


def index_of(report: Report, index: ReportIndex | None) -> ReportIndex:
    """``index`` when it is one of ``report``, else a new one."""
    return index if index is not None and index.report is report else ReportIndex(report)


def violation_text(
    v: Violation,
    report: Report,
    w: PolicyWords,
    incidents: dict[str, IncidentLike],
    index: ReportIndex | None = None,
) -> str:
    """The violation in words, from the row it is about (looked up in ``index``: one for a whole table of
    violations, :class:`ReportIndex`; without one, in the report)."""
    as_of = report.period.as_of
    rows = index_of(report, index)
    if v.kind == "notice_breached" and (v.target is None or v.target.priority is None):
        worded = outage_notice_text(v, report, w, rows)  # a notification rule on an outage event
        if worded is not None:
            return worded
    breached = v.target if v.target is not None else target_read_back(v, report, incidents)
    if breached is not None:
        i = incidents.get(v.id)
        return target_text(v, breached, w.for_row(i) if i is not None else w, report, i, read_back=v.target is None)
    if v.kind == "response_breached" and v.id in incidents:
        i = incidents[v.id]
        w = w.for_row(i)  # the version that judged the incident: its labels and calendar
        goal = target_of(i, w)
        # (a `by 16:00 of 1st business day` due at that day's close: said as the explanation's due step says it)
        kept = w.kept_within(goal, i.clock_start, i.response_due) if i.response_due is not None else ""
        due = w.t(i.response_due) + kept
        if i.responded_at is not None:  # (the first `incident.responded`: named by the policy's words for it)
            said = _naming(
                w,
                "report.v.response_late",
                RESPONDED,
                priority=w.priority_of(i),
                due=due,
                responded=w.t(i.responded_at),
                late=late_said(w, lateness(report, w, i.response_due, i.responded_at, goal)),
            )
        else:
            said = _naming(w, "report.v.response_none", RESPONDED, priority=w.priority_of(i), due=due, as_of=w.t(as_of))
        later = settled_later(v, report, incidents)  # (listed after its due time: dated at the change)
        return w.m("report.v.settled_by_change", text=said, at=w.t(later)) if later is not None else said
    if v.kind == "stop_notice_invalid":
        s = rows.stop(v.id)
        if s is not None:
            return w.m("report.v.stop", start=w.t(s.start), why=stop_reason(s, w))
    worded = periods.violation_words(v, report, w, rows)  # a period's availability, a backup window (issue 13)
    if worded is not None:
        return worded
    if v.kind == "backup_missed" and ":" in v.id:
        kind, _, day = v.id.rpartition(":")
        try:
            when = dt.date.fromisoformat(day)
        except ValueError:
            when = None
        if when is not None:
            return w.m("report.v.missed", kind=w.backup_kind(kind), day=w.d(when))
    if v.kind == "backup_retention":
        r = rows.deleted(v.id)
        if r is not None:
            return retention_text(r, w)
    if v.kind == "backup_zone" and v.backup_kind is not None:
        return w.m("report.v.zone_same", kind=w.backup_kind(v.backup_kind), at=w.t(v.at))
    if v.kind == "availability":  # (a period the report lists no row of: its target as the version judging it)
        target = period_target(v.id, w)
        return w.m(
            "report.v.availability",
            ratio=percent_against(report.availability.ratio, target, 4),
            target=f"{target:g}" if target else "-",
        )
    if v.note is not None:
        detail = note_text(v.note, v.id, w.lang, w.t, w.backup_kind_shown, w.event, policy_labels(w))
        return w.m("report.v.data", detail=detail)
    # (a report rebuilt from its JSON, its row not found: the engine's English, under the violation's own words)
    if v.kind == "data":
        return w.m("report.v.data_engine", detail=v.message)
    if v.kind == "target_breached":
        return w.m("report.v.target_engine", detail=v.message)
    return w.m("report.v.kind_engine", kind=violation_kind(v.kind, w), detail=v.message)


def target_read_back(v: Violation, report: Report, incidents: Mapping[str, IncidentLike]) -> BreachedTarget | None:
    """The named target a ``target_breached`` or ``notice_breached`` violation of a report read back from its JSON
    (which keeps no ``target``) is about, rebuilt from its incident's row: the target of that row breached and due
    at the violation's ``at`` (a notification rule for ``notice_breached``, a target on a clock otherwise). None
    when there is none (an outage's notice, a row the report does not list). A cancel or a reset after the target
    ran out is not in the JSON's fields: such a target reads as not met by its due time (:func:`target_text`)."""
    if v.kind not in ("target_breached", "notice_breached") or v.at is None:
        return None
    row = incidents.get(v.id)
    if not isinstance(row, IncidentRow):  # (compact verdicts: a report built in this process, its targets kept)
        row = next((r for r in report.find(v.id) if isinstance(r, IncidentRow)), None)
    if row is None:
        return None
    notify = v.kind == "notice_breached"
    found = next(
        (
            t
            for t in row.targets
            if t.status == "breached" and (t.kind == "notify") == notify and same_instant(t.due, v.at)
        ),
        None,
    )
    if found is None:
        return None
    return BreachedTarget(
        name=found.name,
        kind=found.kind,
        priority=row.priority,
        clock=found.clock,
        met_at=found.met_at,
        missed=found.missed,
    )


def settled_later(v: Violation, report: Report, incidents: Mapping[str, IncidentLike]) -> dt.datetime | None:
    """When a response breach listed in a period after its due time was settled: at the change of priority
    or attribute that made it one (a P3 answered late on 30 November and raised to P1 on 2 December is
    listed in December's report, breached on 2 December: :func:`.settled.response_settled`). The row is
    dated at it, its text says the due time and the change; None for any other violation."""
    if v.kind != "response_breached" or v.at is None or v.at >= report.period.start:
        return None
    i = incidents.get(v.id)
    settled = response_settled(i) if i is not None else math.inf
    if not math.isfinite(settled) or settled < report.period.start.timestamp():
        return None
    return dt.datetime.fromtimestamp(settled, v.at.tzinfo)


def policy_labels(w: PolicyWords) -> Labels:
    """The words a ``data`` note on a customer's page names things by, from ``w``'s version
    (:class:`.data_notes.Labels`): the report's and ``sla serve``'s."""
    return Labels(
        partial(_event_label, w), partial(_attribute_label, w), partial(_value_label, w), partial(_kind_label, w)
    )


def _event_label(w: PolicyWords, name: str) -> str | None:
    """An event type as the report names it elsewhere (:func:`.words.event_words`: a contract type's words, a
    declared type's label in quotes); None when it has neither."""
    declared = {e.name: e.label for e in w.model.event_types} if w.model is not None else {}
    return event_words(name, w.lang, declared) or None


def _kind_label(w: PolicyWords, kind: str) -> str | None:
    """A backup kind's label; None when the policy gives it none."""
    rule = w.backup_rule(kind)
    return (rule.label.text(w.lang) or None) if rule is not None else None


def _declared(w: PolicyWords, has: Callable[[lm.Attribute], bool], name: str) -> lm.Attribute | None:
    """The attribute ``name`` as the version that declares it (so that ``has`` holds) states it: ``w``'s own
    when its version does, else the latest version given that does (a note may name an attribute or a value
    only another version declares: version 1 judges an incident whose event carries what version 2 adds).
    None when no version declares it."""
    for model in [w.model, *(p.model for p in reversed(w.policies))]:
        found = next((a for a in model.attributes if a.name == name), None) if model is not None else None
        if found is not None and has(found):
            return found
    return None


def _attribute_label(w: PolicyWords, name: str) -> str | None:
    """An attribute's label for a reader (its name when it has none), as the version that declares it states it
    (:func:`_declared`); None when no version declares it."""
    found = _declared(w, lambda _: True, name)
    return None if found is None else found.label.text(w.lang) or name


def _value_label(w: PolicyWords, attribute: str, value: str) -> str | None:
    """A value's label for a reader (its name when it has none), as the version that declares the attribute with
    that value states it (:func:`_declared`); None when no version declares it."""
    found = _declared(w, lambda a: value in a.values, attribute)
    return None if found is None else found.value_text(value, w.lang)


def period_target(ident: str, w: PolicyWords) -> float | None:
    """The availability target (percent) a measurement period's violation ``ident`` is about
    (``web:2026-10-01``, ``web:2026-10-01:plan=premium``: :func:`.periods.period_id`; a service's name
    alone), as the version that judges the period states it: the version in force on the period's first
    day (it judges the period whole, whatever version is in force at ``from``), else, for an id without a
    day, ``w``'s; of those, the nearest version that measures the service when that one does not. None:
    no such target."""
    service, day, key = periods.parse_period_id(ident)
    try:
        v = w.at(dt.date.fromisoformat(day))
    except ValueError:
        v = w
    v = v.defining(lambda md: any(s.name == service for s in md.services))
    svc = next((s for s in v.model.services if s.name == service), None) if v.model is not None else None
    if svc is None:
        return None
    if key is None:
        return svc.availability_target
    found = (t.percent for t in svc.plan_targets if t.when is not None and periods.compact(str(t.when)) == key)
    percent = next(found, None)
    return percent if percent is not None and percent >= 0 else None


def outage_notice_text(v: Violation, report: Report, w: PolicyWords, index: ReportIndex | None = None) -> str | None:
    """A late or missing notice of an outage in words, from the notification rule the violation is
    about: its verdict among the row's ``notices`` (a violation read back from JSON, which does not
    name its rule, by its due time), named by its label (the generic words only for a rule without
    one), lateness in its own time. None when the report does not list the outage."""
    o = index_of(report, index).outage(v.id)
    if o is None:
        return None
    w = w.for_row(o)  # the version that judged the outage: its rules and calendars
    name = v.target.name if v.target is not None else None
    if name is not None:
        row = next((n for n in o.notices if n.name == name), None)
    else:
        row = next((n for n in o.notices if n.status == "breached" and same_instant(n.due, v.at)), None)
        name = row.name if row is not None else None
    due = v.at if v.at is not None else row.due if row is not None else o.notice_due
    if v.target is not None:
        sent = v.target.met_at
    elif row is not None:
        sent = row.met_at
    else:  # (a row without its notices: the first rule's fields)
        sent = o.notified_at
    rule = notify_rule(w, name) or first_rule(o, w)
    late = late_said(w, lateness(report, w, due, sent, rule.within if rule is not None else None))
    as_of = report.period.as_of
    label = rule.label.text(w.lang) if rule is not None else ""
    # the rule by its label, as the summary names it (a first report is no recovery notice); by its name
    # only when several rules without labels judge the outage, to say which one
    met_by = rule.met_by if rule is not None else "outage.notified"  # (the event the notice is: its words)
    if label or (len(o.notices) > 1 and name is not None):
        goal = label or notify_label(w, name or "", rule)
        if sent is not None:
            return _naming(w, "report.v.notify_late", met_by, goal=goal, due=w.t(due), at=w.t(sent), late=late)
        return _naming(w, "report.v.notify_none", met_by, goal=goal, due=w.t(due), as_of=w.t(as_of))
    if sent is not None:
        return _naming(w, "report.v.notice_late", met_by, due=w.t(due), at=w.t(sent), late=late)
    return _naming(w, "report.v.notice_none", met_by, due=w.t(due), as_of=w.t(as_of))


def target_text(
    v: Violation,
    t: BreachedTarget,
    w: PolicyWords,
    report: Report,
    incident: object | None = None,
    *,
    read_back: bool = False,
) -> str:
    """A breached named target (issue 12) or incident notification in words, from the violation's
    data; ``w`` are the words of the version that judged the incident, when known; its priority named
    with the label of the rule that judged ``incident`` (the row it is about) when known
    (:meth:`~.words.PolicyWords.priority_of`). ``read_back``: ``t`` is rebuilt from the incident's row of a
    report read back from its JSON (:func:`target_read_back`), which does not say whether a target on a clock
    that was not stopped was cancelled, reset or still running: on a clock that ``cancels at`` or ``resets at``
    an event, such a one is said not done by its due time."""
    as_of = report.period.as_of
    if t.kind == "notify":
        # (the incident not at hand: the rule, its label and its calendars of the version that defines it)
        w = w.defining(lambda md: any(n.name == t.name for n in md.notifications))
        rule = notify_rule(w, t.name)
        goal = notify_label(w, t.name, rule)
        met_by = rule.met_by if rule is not None else None
        if t.met_at is not None:
            late = late_said(w, lateness(report, w, v.at, t.met_at, rule.within if rule is not None else None))
            return _naming(w, "report.v.notify_late", met_by, goal=goal, due=w.t(v.at), at=w.t(t.met_at), late=late)
        return _naming(w, "report.v.notify_none", met_by, goal=goal, due=w.t(v.at), as_of=w.t(as_of))
    # (a target other than a notification rule is an incident's: it has a priority)
    pid = t.priority or ""
    own = getattr(incident, "priority", None) == pid
    named = w.priority_of(incident) if own else w.priority(pid)
    judged = w.rule_of(incident) if own else w.priority_rule(pid)
    # (a next reply by its clock's label; a kind its rule measures on two clocks with its clock)
    goal = w.m("report.goal.named", priority=named, goal=target_goal(w, t.kind, t.clock, judged))
    if t.kind == "update":
        return w.m("report.v.goal_updates", goal=goal, n=t.missed, due=w.t(v.at))
    due = w.t(v.at) + _kept(t, judged, v.at, w)
    if t.held_due is not None and v.at is not None:  # (`not due at`: said when the hold it passed in ended)
        due = w.m("report.v.held_due", due=w.t(t.held_due), at=w.t(v.at))
    if t.cancelled_at is not None:
        return w.m("report.v.goal_cancelled", goal=goal, due=due, at=w.t(t.cancelled_at))
    if t.reset_at is not None:
        return w.m("report.v.goal_reset", goal=goal, due=due, at=w.t(t.reset_at))
    stop = _stopped_by(w, t.clock)  # (the clock's one stop event: named by the policy's words for it)
    if t.met_at is not None:
        return _naming(w, "report.v.goal_late", stop, goal=goal, due=due, at=w.t(t.met_at))
    if read_back and _cut(w, t.clock):
        return w.m("report.v.goal_missed", goal=goal, due=due)
    return _naming(w, "report.v.goal_none", stop, goal=goal, due=due, as_of=w.t(as_of))


#: the contract's response event: a response's time is its first (``IncidentRow.responded_at``)
RESPONDED = "incident.responded"


def _naming(w: PolicyWords, key: str, event: str | None, **fields: object) -> str:
    """The catalogue's sentence ``key``, which names the contract event ``event`` in the contract's words
    (``responded``, ``sent``, ``done``); where the policy relabels that type (``event incident.responded
    "…" / "…"``), its variant ``key.relabelled`` naming it by the policy's label in quotes (``{event}``),
    as ``sla explain``'s steps name it."""
    if event is not None and w.relabelled(event):
        return w.m(f"{key}.relabelled", event=w.event_plain(event), **fields)
    return w.m(key, **fields)


def _stopped_by(w: PolicyWords, clock: str | None) -> str | None:
    """The event that stops the clock ``clock`` of ``w``'s version, when one alone does (what a target on it
    met at is then that event's time); None otherwise."""
    clocks = w.model.clocks if w.model is not None else ()
    found = next((c for c in clocks if c.name == clock), None)
    return found.stops[0] if found is not None and len(found.stops) == 1 else None


def _cut(w: PolicyWords, name: str | None) -> bool:
    """Whether the clock ``name`` of ``w``'s version may be cancelled or reset (``cancels at``, ``resets at``), or
    is not found: a target on it that ran out and was not stopped may have been cut after it ran out."""
    clock = next((c for c in w.model.clocks if c.name == name), None) if w.model is not None else None
    return clock is None or bool(clock.cancels or clock.resets)


def _kept(t: BreachedTarget, rule: lm.Priority | None, due: dt.datetime | None, w: PolicyWords) -> str:
    """Why a breached day-based target's due time is another than the time it names (``resolve by 16:00 of 1st
    business day``, that day closing at 15:00): `` (that day closes at 15:00)``, as ``sla explain``'s line of
    the target says it (:meth:`~.words.PolicyWords.kept_within`, from the start of the cycle its due day is
    counted from); empty for any other target, and without the cycle's start (a report read back from JSON)."""
    if t.cycle_start is None or due is None or rule is None:
        return ""
    written = next((x for x in rule.targets if x.kind == t.kind and x.clock == t.clock), None)
    return w.kept_within(written.by_day, t.cycle_start, due) if written is not None and written.by_day else ""


def shown_id(v: Violation, w: PolicyWords) -> str:
    """The id of a violation in the heading ``sla explain`` gives a violation: a backup day
    (``files:2026-11-14``) as its date, a backup window (``logs:2026-11-01T12:00:00+09:00``) as its start,
    a service's period (``content:2026-11-01:plan=premium``) as the service's label; the rest of the
    explanation says the rest. The violations table lists every violation by its id
    (:func:`.sections.listed_id`)."""
    name, _, rest = v.id.partition(":")
    if v.kind == "backup_missed":
        try:
            return w.d(dt.date.fromisoformat(rest)) if "T" not in rest else w.t(dt.datetime.fromisoformat(rest))
        except ValueError:
            return v.id
    if v.kind == "availability":  # (by the version that defines the service: one added mid-period too)
        sw = w.defining(lambda md: any(s.name == name for s in md.services))
        service = next((s for s in sw.model.services if s.name == name), None) if sw.model is not None else None
        if service is not None and service.label.text(w.lang):
            return service.label.text(w.lang)
    return v.id


def retention_text(r: RetentionRow, w: PolicyWords) -> str:
    """A backup deleted before its retention, in words."""
    return w.m(
        "report.v.retention",
        kind=w.backup_kind(r.kind),
        taken=w.t(r.completed_at),
        deleted=w.t(r.deleted_at),
        keep_until=w.t(r.keep_until),
    )


def violation_kind(kind: str, w: PolicyWords) -> str:
    """The kind of a violation in words."""
    try:
        return w.m(f"report.kind.{kind}")
    except KeyError:
        return w.m("report.kind.other")
