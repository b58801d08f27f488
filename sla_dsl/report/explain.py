"""``sla explain``: the reasons behind one verdict, in the report's language, in time order, each time once.

Design notes
------------
* The explanation is written from the same verdict rows the monthly report
  shows (judged over the same period: see :mod:`sla_dsl.cli.evaluate`) and from
  the item's own events, never from the engine's English step texts: every
  sentence comes from the message catalogue (:mod:`sla_dsl.i18n`).
* Every id a report lists can be explained: an incident, an outage, a
  planned stop, a deleted backup (retention), a backup day (``files:2026-11-14``)
  and any violation (a backup in the wrong zone, availability, the event log); a service's measurement
  period (:mod:`.explain_availability`) and a row of credits per missed target (:mod:`.explain_credits`)
  have modules of their own, as outages and planned stops (:mod:`.explain_outages`).
* Lines are ``(time, sentence)``; the sentences of one instant are joined on
  one line, the lines sorted by time, and a time is written once, at the
  start of its line. The article the rule comes from is named once, above the
  steps; conclusions with no instant of their own are dated ``as of``.
* A backup day of a kind taken every N hours is explained window by window
  (each row's ``window_start``/``window_end``), a day of ``every N days`` by the
  window of days ending with it, each with only the completions in it up to
  ``as_of``. Durations are written as the report writes them
  (:func:`~.violation_words.minutes_shown`): an outage's to the second when
  the report's outage table is, a time under a minute always. An outage across
  an edge of the period says how much of it lies outside (the headline's
  downtime is the period's). An incident names the rule that judged it by its
  label, and the event its clock started at by its words (a declared event by
  its label), never by an identifier, and its completion by the event that completed it (the first of
  its rule's ``complete on`` events at that instant): ``incident.resolved`` in the SLA's words, another
  by its own step (``“Closed” recorded (completed)``), said once; an outage's notice by the label of the
  rule the row's own fields are the verdict of (``First report: late``), the
  generic "recovery notice" only for a rule without one. An excluded incident or outage is said
  to be excluded under the article of the exclusion that applied, without a
  number when it cites none (:meth:`~.words.PolicyWords.excluded_because`). An
  incident at risk says how much of its target's time has passed as the target
  counts it: business time, or elapsed time for ``within 1 hour`` (the last warning
  threshold passed). A clock with several thresholds (``at risk at 50%, 75% of
  target``) gives each threshold's instant, past or still ahead, of a response not
  yet given (the row's ``risk_steps``: the instants ``sla serve`` alerts at), as a
  named target's are given. A violation of an incident's
  target is worded from the incident's row (``sla explain`` passes the rows about the id): its
  priority by the label of the rule that judged it, as the report's violations table says it.
* An incident judged on named targets besides its response is headed by the
  response's status named as such, and how many of its other targets that
  apply were breached (``response met; 2 of 2 other targets breached``): a bare
  ``met`` above breached targets read as the incident's verdict. An incident,
  outage or planned stop that began before the earliest version's date says,
  under the period, that no version was in force yet (the evaluator's step, in
  ``sla deadline``'s words).
* Times are ordered, merged and subtracted as instants (UTC,
  :func:`~.violation_words.instant`): aware datetimes of one zone compare and
  subtract by their wall clocks and hash without ``fold``, so on the day the
  clocks go back 01:50 EDT and 01:50 EST would share a line, 01:10 EST would
  come before 01:50 EDT and a response then would read "in time".
* Every time of a line is on the policy's clock, but a calendar's own opening or closing time
  and its day (``after hours: Mon 16 Nov closes at 17:00``), which are on that calendar's clock:
  of a calendar in another zone, that zone is named as the site names it (``17:00 London time`` /
  ``ロンドン時間17:00``, ``Sun 15 Nov (London time)``: :meth:`~.words.PolicyWords.wall_time`), as is
  the closing time a day-based due time was kept at (``(that day closes at 15:00 New York time)``).
* A clock that restarts (a reply clock restarted at each customer message) or is reset has a
  cycle each time; the target's verdict is of one, and every other is said too, its start, its
  out-of-hours time, its due time and outcome (:func:`~.targets.target_steps`, from the row's
  ``cycles``): a met earlier exchange was said nowhere.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any, NamedTuple

from pydantic import TypeAdapter

from ..calendars.business_index import CLOSURE_NAME
from ..calendars.holiday_tables import JA_HOLIDAY
from ..calendars.recurrence import window_start
from ..errors import InputError
from ..events.schema import BUILTIN_COUNT, TYPES
from ..i18n import format_date
from ..lang import model as m
from ..lang.conditions import defaults, select
from . import BackupRow, IncidentRow, OutageRow, Report, RetentionRow, StopRow, Violation
from .conditions import attribute_label, value_label
from .escape import printable
from .explain_outages import _cause
from .explain_outages import explain_outage as _outage
from .explain_outages import explain_stop as _stop
from .explain_parts import Event, Explanation
from .explain_parts import article as _article
from .explain_parts import none_yet as _none_yet
from .explain_parts import step as _step
from .incident_rows import AttributeChange
from .targets import target_steps
from .violation_words import (
    counts_elapsed,
    instant,
    late_said,
    lateness,
    shown_id,
    violation_kind,
    violation_text,
)
from .words import PolicyWords

#: The contract's event types (any other an incident carries is one its policy declares).
_CONTRACT = frozenset(TYPES[:BUILTIN_COUNT])


Item = IncidentRow | OutageRow | StopRow | RetentionRow | BackupRow | Violation


def explain(
    item: Item,
    report: Report,
    w: PolicyWords,
    events: Sequence[Event] = (),
    backups_taken: Sequence[Event] = (),
    rows: Sequence[Item] = (),
) -> Explanation:
    """The explanation of one item the report lists; ``rows`` are the other rows about its id (``sla
    explain`` explains each): a violation of an incident's target is worded from the incident's row, which
    says the rule and version that judged it (a report from ``sla evaluate`` lists no incident rows)."""
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
    return _violation(item, report, w, seen, rows)


def _counts_from(w: PolicyWords, target: m.Target | m.ClockTarget | None, start: dt.datetime) -> str:
    """When business time starts counting for a clock started at ``start`` outside the open time of the
    calendar ``target`` counts (``within 4 business hours``; a named target's, ``resolve within 16 business
    hours on resolution``, at each cycle's start: its clock's start, reset or restart), and why: ``business
    time counts from Tue 24 Nov 09:00 (Mon 23 Nov is a holiday: Labour Thanksgiving Day)``; empty for a clock
    started in open time, an elapsed target (``within 1 hour``) or a day-based one (``by end of 1 business
    day``, a named one's ``by_day``: its words count days)."""
    # (a named target due on a business day has no duration: its `by_day` counts days, as `by end of` does)
    duration = target.duration if isinstance(target, m.Within | m.ClockTarget) else None
    if w.policy is None or duration is None or duration.calendar is None:
        return ""
    try:
        cal = w.policy.calendar(duration.calendar)
        if cal.is_business_time(start):
            return ""
        at = start.astimezone(cal.tz)
        day = at.date()
        today = cal.open_intervals(day)
        begins = next((a for a, _ in today if instant(a) > instant(at)), None)
        nxt = day
        for _ in range(366):  # (the next open day's first opening: a day partial closures close wholly has none)
            if begins is not None:
                break
            nxt = cal.next_business_day(nxt)
            begins = next((a for a, _ in cal.open_intervals(nxt)), None)
    except (InputError, KeyError):  # (no calendar of that name, no business day within the supported years)
        return ""
    if begins is None:
        return ""
    # the calendar's day and its opening or closing time are on its own wall clock: its zone is named when it
    # is not the policy's, whose clock the line's time and ``begins`` are on (``17:00 London time``)
    said = w.wall_day(cal.tz, day)
    if not today:
        name = cal.holiday_name(day, w.lang)
        model = cal.model
        if name is None:
            why = w.m("explain.count_from.closed", day=said)
        elif any(h.date == day for h in model.named_holidays) or any(
            y.date_in(day.year) == day for y in model.yearly_holidays
        ):
            why = w.m("explain.count_from.named", day=said, name=name)
        elif name == CLOSURE_NAME["ja" if w.lang == "ja" else "en"]:
            why = w.m("explain.count_from.closure", day=said)
        elif name == JA_HOLIDAY:  # (a country without Japanese names: no name to give, not `祝日：祝日`)
            why = w.m("explain.count_from.holiday.unnamed", day=said)
        else:
            why = w.m("explain.count_from.holiday", day=said, name=name)
    elif instant(at) < instant(today[0][0]):  # (the time names the zone: the day is that zone's)
        why = w.m("explain.count_from.before", day=w.d(day), time=w.wall_time(cal.tz, today[0][0]))
    elif instant(at) >= instant(today[-1][1]):
        why = w.m("explain.count_from.after", day=w.d(day), time=w.wall_time(cal.tz, today[-1][1]))
    else:
        why = w.m("explain.count_from.outside" + (".zoned" if w.other_zone(cal.tz) else ""), day=said)
    return w.m("explain.count_from", start=w.t(begins.astimezone(start.tzinfo)), why=why)


def _incident(r: IncidentRow, report: Report, w: PolicyWords, events: Sequence[Event]) -> Explanation:
    w = w.for_row(r)  # the version that judged the row: its target, calendar and rules
    rule = w.rule_of(r)  # the rule of its priority that judged it (issue 13: chosen by its attributes)
    as_of = report.period.as_of

    # the incident's attributes as reported (the version's defaults for those it does not give), with the
    # changes its `changes at` lists as they come: they choose the rule of a priority it had before
    reported = next((e for e in events if e.type == "incident.reported"), None)
    given = reported.fields.get("attributes") if reported is not None else None
    given = json.loads(given) if isinstance(given, str) else given  # (stored as JSON text: `attributes_text`)
    attrs = defaults(w.model) if w.model is not None else {}
    attrs.update({str(k): str(v) for k, v in given.items() if str(k) in attrs} if isinstance(given, dict) else {})

    def priority(pid: str, at: dt.datetime | None = None) -> str:
        if pid == r.priority or at is None or w.model is None:
            return _priority(w, pid, rule if pid == r.priority else None)
        # (a priority the incident had before its last change: the rule its attributes then chose, not
        # every label of the priority's rules, one of which may be for other customers)
        now = dict(attrs) | {c.attribute: c.new for c in r.attribute_changes if instant(c.at) <= instant(at)}
        return _priority(w, pid, select(w.rules_of(pid), now))

    # with named targets, the status is the response's alone: said as such, with how many of the others
    # were breached (a headline `met` above three breached targets read as the incident's verdict)
    named = [t for t in getattr(r, "targets", ()) if t.status != "not_applicable"]
    head = w.m(
        "explain.incident" if not named else "explain.incident.targets" + (".one" if len(named) == 1 else ""),
        id=r.id,
        priority=priority(r.priority),
        version=r.policy_version,
        # (at risk with the warning threshold passed, when the response clock has several, as the report's tables)
        status=w.at_risk_status(r.status, w.m(f"report.status.{r.status}"), r.at_risk_percent),
        bad=sum(t.status == "breached" for t in named),
        n=len(named),
    )
    steps: list[tuple[dt.datetime | None, str]] = []
    first_response = next((e.at for e in events if e.type == "incident.responded"), None)
    # whether the version judging the row defines the priority in force: a reprioritisation to one it does
    # not define is then not applied (the evaluator's reading, :func:`sla_dsl.evaluation.incidents.read_incident`)
    known = True
    # the attributes changed by events a `changes at` lists (said with the rule chosen since, below)
    changed = {(instant(c.at), c.event) for c in r.attribute_changes}
    # the event that completed it, said once, as the completion (`“Closed” recorded (completed)`)
    done = _completed_by(r, rule, events) if r.completed_at is not None and r.completion != "silence" else ""
    said_done = (instant(r.completed_at), done) if r.completed_at is not None else None
    for e in events:
        if (instant(e.at), e.type) == said_done and (e.type in _SAID_AS_DONE or e.type not in _CONTRACT):
            continue  # (its own step is the completion's, below)
        if e.type == "incident.reported":
            pid = str(e.fields.get("priority", r.priority))
            known = w.model is None or bool(w.rules_of(pid))
            steps.append((e.at, _step(w, e.type, "explain.reported", priority=priority(pid, e.at))))
            # (the cause an exclusion applies for is said once, by the exclusion's step below)
            if e.fields.get("cause") and not (r.status == "excluded" and e.fields["cause"] == r.cause):
                steps.append((e.at, w.m("explain.cause", cause=_cause(w, str(e.fields["cause"])))))
        elif e.type == "incident.reprioritized":
            pid = str(e.fields.get("priority"))
            if known and w.model is not None and not w.rules_of(pid):
                steps.append((e.at, w.m("explain.reprioritized_unapplied", priority=pid, version=r.policy_version)))
                continue
            known = w.model is None or bool(w.rules_of(pid))
            steps.append((e.at, _step(w, e.type, "explain.reprioritized", priority=priority(pid, e.at))))
        elif e.type == "incident.info_provided":
            steps.append((e.at, _step(w, e.type, "explain.info_provided")))
        elif e.type == "incident.customer_replied":
            steps.append((e.at, _step(w, e.type, "explain.customer_replied")))
        elif e.type == "incident.product_suspected" and r.clock_event != "product_suspected":
            steps.append((e.at, _step(w, e.type, "explain.event.incident.product_suspected")))
        elif e.type not in _CONTRACT and (instant(e.at), e.type) not in changed:  # a type the policy declares
            steps.append((e.at, w.m("explain.declared_event", event=w.event_plain(e.type))))
    if not events:
        steps.append((r.reported_at, _step(w, "incident.reported", "explain.reported", priority=priority(r.priority))))
    steps += [(c.at, _attribute_changed(w, r, c)) for c in r.attribute_changes]
    steps.append((r.clock_start, w.m("explain.clock_start", event=_clock_event(w, r.clock_event))))
    if r.response_due is not None and r.status != "excluded" and rule is not None:
        counted = _counts_from(w, rule.target, r.clock_start)  # (a report on a holiday, a weekend, after hours)
        if counted:
            steps.append((r.clock_start, counted))
    if r.status == "excluded":
        # under the article the policy gives that exclusion (none: no number)
        steps.append((r.clock_start, w.excluded_because(r.cause, "explain.excluded", "explain.excluded_under")))
    if r.response_due is not None:
        kept = w.kept_within(rule.target if rule is not None else None, r.clock_start, r.response_due)
        steps.append((r.response_due, w.m("explain.due", target=w.target(r.priority, rule)) + kept))
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
            late = lateness(report, w, r.response_due, responded, rule.target if rule is not None else None)
            verdict = late_said(w, late, "explain.late")
        else:
            verdict = w.m("explain.in_time")
        steps.append((responded, _responded(w, events, responded, verdict)))
    elif r.status != "excluded":
        # (a breach is said when it happened, at the due time, not at the instant judged: an incident
        # completed with no response is no more breached at the end of the period than it was at 11:00)
        when = r.response_due if r.status == "breached" and r.response_due is not None else as_of
        steps.append((when, w.m("explain.no_response", status=w.m(f"report.status.{r.status}"))))
        if r.status == "at_risk":
            # the last warning threshold passed (the row's; a row read back from an older JSON: the first)
            pct = r.at_risk_percent if r.at_risk_percent is not None else _risk_percent(w)
            if pct is not None:  # (of the time its target counts: elapsed for `within 1 hour`)
                elapsed = rule is not None and counts_elapsed(rule.target)
                key = "explain.at_risk.elapsed" if elapsed else "explain.at_risk"
                steps.append((as_of, w.m(key, percent=f"{pct:g}")))
        what = w.m("report.targets.respond")
        for risk in r.risk_steps:  # `at risk at 50%, 75% of target`: each threshold's instant, as serve alerts it
            steps.append((risk.at, w.m("explain.at_risk.threshold", what=what, percent=f"{risk.percent:g}")))
    if r.completed_at is not None and instant(r.completed_at) <= instant(as_of):
        if r.completion == "silence":
            steps.append((r.completed_at, _silence(w, rule.completion.silence if rule is not None else None)))
        else:
            steps.append((r.completed_at, _completion(w, done)))
    steps += target_steps(r, w, _counts_from)  # named targets (issue 12), each cycle's start said as above
    article = _article(w, rule.ref if rule else None, priority(r.priority))
    return Explanation(head, article, steps, _none_yet(w, r.clock_start))


#: contract events whose own step the completion step says instead, as an event the policy declares is
#: (``“Closed” recorded (completed)``), each by its key; any other by its words (:meth:`PolicyWords.event_plain`)
_DONE_WORDS = {
    "incident.info_provided": "explain.info_provided",
    "incident.customer_replied": "explain.customer_replied",
    "incident.product_suspected": "explain.event.incident.product_suspected",
}
_SAID_AS_DONE = frozenset(_DONE_WORDS)


def _completed_by(r: IncidentRow, rule: m.Priority | None, events: Sequence[Event]) -> str:
    """The event type that completed incident ``r`` (not by silence), as the evaluator reads it
    (:func:`sla_dsl.evaluation.incidents.complete`): the first of its rule's ``complete on`` events, at
    ``completed_at``; without the events, the rule's one ``complete on`` event; empty when not known."""
    on = rule.completion.on if rule is not None else ()
    at = instant(r.completed_at) if r.completed_at is not None else None
    found = next((e.type for e in events if e.type in on and instant(e.at) == at), "")
    return found or (on[0] if len(on) == 1 else "")


def _completion(w: PolicyWords, event: str) -> str:
    """The step of an incident completed by ``event``, named by its own words with ``(completed)``: the
    contract's ``incident.resolved`` in the words of the SLA (a workaround or the information received),
    another contract event as its step says it, one the policy declares by its label (``“Closed”
    recorded (completed)``); ``the incident completed`` when the event is not known."""
    if event == "incident.resolved" and not w.relabelled(event):
        return w.m("explain.resolved")
    if not event:
        return w.m("explain.completed")
    key = _DONE_WORDS.get(event)
    said = _step(w, event, key) if key is not None else w.m("explain.declared_event", event=w.event_plain(event))
    return w.m("explain.completed_on", event=said)


def _silence(w: PolicyWords, silence: m.SilenceCompletion | None) -> str:
    """The step of an incident completed by its rule's silence (``10 business days after X without Y``):
    after the contract's information with no reply, in the words of the SLA (``情報提供後、返答がないまま
    10営業日が経過（完了）``); any other pair of events, or one the policy relabels, by the rule's own events
    in their words (``“Info given” の後、…``)."""
    if silence is None:
        return w.m("explain.completed_silence", duration="-")
    duration = w.duration(silence.duration)
    contract = (silence.after, silence.unless) == ("incident.info_provided", "incident.customer_replied")
    if contract and not (w.relabelled(silence.after) or w.relabelled(silence.unless)):
        return w.m("explain.completed_silence", duration=duration)
    after, unless = w.event_plain(silence.after), w.event_plain(silence.unless)
    return w.m("explain.completed_silence.events", duration=duration, after=after, unless=unless)


def _responded(w: PolicyWords, events: Sequence[Event], at: dt.datetime, verdict: str) -> str:
    """The response's step: ``responded (in time)``; where the policy words ``incident.responded`` its
    own way and the response is one (an event of that type then, or a clock stopped by it alone), by
    those words, the verdict named the response's (``“First reply” recorded (response in time)``): the
    event's words are not the response target's, and next to a named target's step (``First reply
    (First reply to a chat): breached``) a bare ``(in time)`` read as that target's verdict."""
    if events:
        by_it = any(e.type == "incident.responded" and instant(e.at) == instant(at) for e in events)
    else:
        clocks = w.model.clocks if w.model is not None else ()
        clock = next((c for c in clocks if c.name == "response"), clocks[0] if clocks else None)
        by_it = clock is not None and clock.stops == ("incident.responded",)
    if by_it and w.relabelled("incident.responded"):
        said = w.m("explain.responded.verdict", verdict=verdict)
        return w.m("explain.responded.relabelled", event=w.event_plain("incident.responded"), verdict=said)
    return w.m("explain.responded", verdict=verdict)


def _attribute_changed(w: PolicyWords, r: IncidentRow, c: AttributeChange) -> str:
    """An attribute changed by an event its ``changes at`` lists, where that event is, and the rule of the
    priority chosen from then on (``契約プランをスタンダードからプレミアムに変更…``)."""
    rules = w.rules_of(r.priority)
    rule = rules[c.rule] if c.rule is not None and c.rule < len(rules) else None
    where = c.where.get(w.lang, "")
    return w.m(
        "explain.attribute_changed" if where else "explain.attribute_changed.unlined",
        event=w.event_plain(c.event),
        attribute=attribute_label(w, c.attribute),
        old=value_label(w, c.attribute, c.old),
        new=value_label(w, c.attribute, c.new),
        where=where,
        rule=_priority(w, r.priority, rule),
    )


def _priority(w: PolicyWords, pid: str, rule: m.Priority | None) -> str:
    """A priority as the incident's words name it: ``P1 緊急（プレミアム）``, by the label of ``rule`` (the
    rule that judged it) when given, so that of several rules of one priority (issue 13) the one that
    applied is named; else as :meth:`PolicyWords.priority` (every label of its rules when they differ)."""
    label = rule.label.text(w.lang) if rule is not None else ""
    return f"{pid} {label}" if label else w.priority(pid)


def _clock_event(w: PolicyWords, event: str) -> str:
    """The event the response clock started at, in words: the report's receipt or the product's
    suspicion as the explanation words them, any other (one the policy declares: ``chat_started``) by
    its label in the report's language, as the targets' steps name it (never its bare name)."""
    name = event.removeprefix("incident.")
    if name in ("reported", "product_suspected") and not w.relabelled(f"incident.{name}"):
        return w.m(f"explain.event.incident.{name}")
    return w.event_plain(f"incident.{name}")


def _risk_percent(w: PolicyWords) -> float | None:
    if w.model is None:
        return None
    clock = next((c for c in w.model.clocks if c.name == "response"), w.model.clocks[0] if w.model.clocks else None)
    return clock.at_risk_percent if clock is not None else None


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
        steps.append(
            (r.completed_at, _step(w, "backup.completed", "explain.retention.taken", kind=w.backup_kind(r.kind)))
        )
    if r.keep_until is not None:
        keep = w.duration(rule.keep) if rule is not None and rule.keep is not None else "-"
        steps.append((r.keep_until, w.m("explain.retention.keep_line", keep=keep)))
    steps.append(
        (
            r.deleted_at,
            _step(
                w,
                "backup.deleted",
                "explain.retention.deleted",
                verdict=w.m("explain.retention.ok" if r.ok else "explain.retention.bad"),
            ),
        )
    )
    return Explanation(head, _article(w, rule.ref if rule else None, w.backup_kind(r.kind)), steps)


def _backup_day(b: BackupRow, report: Report, w: PolicyWords, taken: Sequence[Event]) -> Explanation:
    """A backup day, or one window of a kind taken every N hours: the window the evaluator judged
    (:mod:`sla_dsl.evaluation.backups`) with its own bounds, and the completions of the kind in it, up
    to ``as_of`` (one taken in the day's other window, or later, is not this window's)."""
    rule = w.backup_rule(b.kind)
    status = w.m(f"report.backup.{b.status}")
    if b.window_start is not None and b.window_end is not None:  # every N hours: the row's own window
        start, end = b.window_start, b.window_end
        head = w.m("explain.backup_window", kind=w.backup_kind(b.kind), start=w.t(start), end=w.t(end), status=status)
        opens = w.m("explain.backup.hours_window_line", end=w.t(end))
    else:  # every N days (weeks, months): the window ending with the day, one day for `every 1 day`
        tz = report.period.start.tzinfo
        first = _first_day(b.day, rule.every if rule is not None else None)
        nxt = b.day + dt.timedelta(days=1)
        start = dt.datetime(first.year, first.month, first.day, tzinfo=tz)
        end = dt.datetime(nxt.year, nxt.month, nxt.day, tzinfo=tz)  # (the next midnight: compared as instants)
        head = w.m("explain.backup_day", kind=w.backup_kind(b.kind), day=format_date(b.day, w.lang), status=status)
        opens = w.m("explain.backup.window_line", end=w.t(end))
    steps: list[tuple[dt.datetime | None, str]] = [(start, opens)]
    as_of = instant(report.period.as_of)
    for e in taken:
        if instant(start) <= instant(e.at) < instant(end) and instant(e.at) <= as_of:
            steps.append((e.at, _step(w, "backup.completed", "explain.backup.taken", kind=w.backup_kind(b.kind))))
    if b.status == "missed":
        steps.append((end, w.m("explain.backup.none")))
    elif b.status == "pending":
        steps.append((report.period.as_of, w.m("explain.backup.pending")))
    return Explanation(head, _article(w, rule.ref if rule else None, w.backup_kind(b.kind)), steps)


def _first_day(day: dt.date, every: m.Duration | None) -> dt.date:
    """The first day of the window of ``every`` days (weeks, months) that ends with ``day``, as the
    evaluator counts a backup day (``day`` itself for ``every 1 day``)."""
    if every is None:
        return day
    return window_start(day, every)


def _violation(
    v: Violation, report: Report, w: PolicyWords, events: Sequence[Event], rows: Sequence[Item] = ()
) -> Explanation:
    head = w.m("explain.violation", id=shown_id(v, w), kind=violation_kind(v.kind, w))
    steps: list[tuple[dt.datetime | None, str]] = []
    for e in events:
        if e.type == "backup.completed":
            zone = e.fields.get("zone")
            primary = e.fields.get("primary_zone")
            steps.append(
                (
                    e.at,
                    _step(
                        w,
                        e.type,
                        "explain.backup.zones",
                        kind=w.backup_kind(str(e.fields.get("kind"))),
                        zone=zone or w.m("explain.backup.no_zone"),
                        primary=primary or w.m("explain.backup.no_zone"),
                    ),
                )
            )
        elif e.type == "backup.deleted":
            steps.append((e.at, _step(w, e.type, "explain.retention.deleted_plain")))
    if v.kind == "backup_zone" and steps and v.backup_kind is not None:
        steps.append((v.at or report.period.as_of, w.m("explain.zone.same")))
        return Explanation(head, _article(w, v.ref, w.backup_kind(v.backup_kind)), steps)
    # the incident it is about, when it is one's: its priority named by the rule that judged it, in the
    # words of its version (not every label of the priority's rules: `P1 Urgent (premium) / Urgent`)
    row = next((r for r in (*rows, *report.incidents) if isinstance(r, IncidentRow) and r.id == v.id), None)
    steps.append((v.at or report.period.as_of, violation_text(v, report, w, {v.id: row} if row is not None else {})))
    return Explanation(head, _article(w, v.ref), steps)


class ExplainedLine(NamedTuple):
    """One line of an explanation: the instant it is dated at (``None``: undated), that instant as the
    line writes it (a deadline at midnight as the end of the day before), and its sentences joined."""

    at: dt.datetime | None
    when: str
    text: str


def explanation_lines(x: Explanation, w: PolicyWords) -> list[ExplainedLine]:
    """The explanation's steps, one line per instant, as ``sla explain`` writes them.

    Lines are keyed and sorted in UTC (a zone's 01:50 EDT and 01:50 EST are two lines), each written as
    the first step of that instant gives its time; a deadline on a line of its own, first of its
    instant, dated as the report dates it (a midnight: the end of the day before); the same sentence
    twice at one instant is said once; undated steps last."""
    shown: dict[tuple[dt.datetime, bool] | None, dt.datetime | None] = {}
    merged: dict[tuple[dt.datetime, bool] | None, list[str]] = {}
    steps = [(at, text, False) for at, text in x.steps] + [(at, text, True) for at, text in x.deadlines]
    for at, text, deadline in steps:
        key = (instant(at), not deadline) if at is not None else None
        shown.setdefault(key, at)
        texts = merged.setdefault(key, [])
        if text not in texts:
            texts.append(text)
    sep = "。" if w.lang == "ja" else "; "
    keys: list[tuple[dt.datetime, bool] | None] = [*sorted(k for k in merged if k is not None)]
    out: list[ExplainedLine] = []
    for key in keys + ([None] if None in merged else []):
        at = shown[key]
        when = "" if key is None or at is None else w.t(at) if key[1] else w.by_end_of(at)
        out.append(ExplainedLine(at, when, sep.join(merged[key])))
    return out


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
        if x.note:
            out.append(printable(x.note))
        if x.article:
            out.append(printable(x.article))
        out += [printable(f"  {line.when}  {line.text}".rstrip()) for line in explanation_lines(x, w)]
        out += [printable(f"  {line}") for line in x.summary]
    return "\n".join(out) + "\n"


_TIME: TypeAdapter[dt.datetime | None] = TypeAdapter(dt.datetime | None)  # (as the rows write their times)


def explanation_json(x: Explanation, report: Report, w: PolicyWords) -> dict[str, Any]:
    """The explanation ``sla explain`` prints, for ``--format json``: the same sentences in the same
    language (``lang``), each line with its instant (ISO 8601 with offset, ``null`` when undated) and
    that instant as the text writes it (``when``); ``summary``: the undated lines after the steps."""
    p = report.period
    full = w.with_year()
    return {
        "lang": w.lang,
        "headline": x.headline,
        "period": w.m("explain.period", start=full.t(p.start), end=full.t(p.end), as_of=full.t(p.as_of)),
        "note": x.note or None,
        "article": x.article or None,
        "lines": [
            {"at": _TIME.dump_python(line.at, mode="json"), "when": line.when, "text": line.text}
            for line in explanation_lines(x, w)
        ],
        "summary": list(x.summary),
    }
