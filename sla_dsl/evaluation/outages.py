"""Outages, planned stops, regular maintenance and availability.

Design notes
------------
* Excused time (not measured): regular-maintenance windows and validly noticed
  planned-stop windows, when the measured service says ``except maintenance``
  / ``except planned stops``; emergency outages only when the policy says they
  do not count as downtime. Excluded time (Article 4): the intervals of outages
  whose cause is an exclusion. Both are subtracted from the period once, as a
  union.
* Downtime is the union of the remaining outage intervals minus that excused
  and excluded time; overlapping outages count once. An outage with no end is
  open up to ``as_of``. Availability is measured over [from, min(to, as_of)).
* The top-level ``availability`` measures one service: the first one measured
  in the version in force at ``from`` (every measured service, per period:
  :mod:`.availability`). An outage naming another service is listed but is
  not its downtime.
* A row's ``downtime_minutes`` is that outage's own contribution inside the
  period (overlaps with other outages are counted in each row; the
  availability total counts them once), measured in the time of the service it
  names, as :mod:`.availability` measures that service: its hours, the
  maintenance and stops it excuses, the outages not measured that name it or
  none. One naming no service is measured as the top-level block. Each other
  service's time not measured is a union built once, the first time one of
  its outages is listed (a policy with one measured service builds none).
* Each notification rule on an outage event runs from the first event of the
  kind its ``after`` names (``outage.started``, ``outage.recognized``, ...)
  when its ``when`` holds for the outage and, for a rule ``only if ... during
  CAL hours``, that event falls in CAL's open hours; otherwise, or without that
  event by ``as_of``, it is ``not_applicable``, as the row's notice is when the
  version has no rule on an outage event.
  Every notification rule on an outage event is judged on its own (the
  first one also gives the row's ``notice_*`` fields); a breach is a
  ``notice_breached`` violation whose ``target`` names the rule it is about.
  Its ``message`` names the rule as the report does: by its English label
  (``First report due ...``), else ``recovery notice`` for a version's only
  rule, or ``notice `NAME``` among several.
* A notice breach is a violation of one period only, as a response breach is
  (:func:`.incidents.in_period`): the one its due time falls in, not one the
  outage is carried into after it (the earlier period listed it), nor one that
  ends before it while the outage is still down at ``to`` (the next period
  lists the outage again, and the breach). An outage that ended by ``to`` is
  not listed again: its breach is this period's, whenever it falls due. The
  row keeps its verdict as of ``as_of`` in each period that lists it; the
  summary and the trend count it alike
  (:func:`sla_dsl.report.settled.outage_counts_in`).
* A planned stop's invalid notice is a violation of the period the stop starts
  in (its notice was due before), not of the next one, which lists the stop
  when it runs across ``from`` (:func:`sla_dsl.report.settled.stop_counts_in`).
* A row's ``recognized_at`` is the log's first ``outage.recognized`` up to
  ``as_of``, whatever the rules count from (a rule ``after outage.started``
  does not make it the start) and with no rule at all; an excluded outage has
  none, as it has no ``notified_at`` (no notice facts for an outage with no
  notice target under Article 4).
* A planned stop is judged on its latest announcement's window; the notice is
  valid when an announcement of that same window went by an allowed channel by
  the deadline (a date ``notice`` before the start date, or an instant before
  the start, as the rule's anchor says). A changed window needs a new notice.
* An outage whose ``outage.ended`` is before its start is reported as bad data
  and treated as still open (the conservative reading for the customer).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from ..calendars.bounds import check_span
from ..calendars.recurrence import notice_last_day
from ..events.schema import CODE, Rec
from ..lang import model as m
from ..lang.diagnostics import words as catalogue_words
from ..policy.maintenance_layout import windows_in_force
from ..report import (
    Availability,
    AvailabilityPeriod,
    BreachedTarget,
    CreditRow,
    DataNote,
    MaintenanceRow,
    NoticeStatus,
    OutageRow,
    Step,
    StopNotice,
    StopRow,
    TargetRow,
    Violation,
)
from ..report.settled import outage_notice_counts
from .availability import OffOutages, Outage, ServiceOff, judge_availability, service_named, service_off
from .common import (
    Ctx,
    Interval,
    Memo,
    Rules,
    add_months,
    art,
    clip,
    code_of,
    fmt_span,
    length,
    short,
    step,
    subtract,
    union,
)
from .id_forms import KnownIds, opened_at, unknown_note
from .select import applies_text, not_for

STARTED, ENDED = CODE["outage.started"], CODE["outage.ended"]
NOTIFIED, RECOGNIZED = CODE["outage.notified"], CODE["outage.recognized"]
ANNOUNCED = CODE["stop.announced"]


@dataclass
class _Out:
    ident: str
    rules: Rules
    start: float
    end: float | None
    cause: str | None
    recs: list[Rec]
    #: the measured service that is down (None: every one)
    service: str | None = None


@dataclass
class Result:
    """Everything this module contributes to the report."""

    outages: list[OutageRow]
    stops: list[StopRow]
    maintenance: list[MaintenanceRow]
    availability: Availability
    periods: list[AvailabilityPeriod] = field(default_factory=list)
    credits: list[CreditRow] = field(default_factory=list)


def judge_outages(ctx: Ctx, outages: dict[str, list[Rec]], stops: dict[str, list[Rec]]) -> Result:
    """Judge outages, stops and maintenance, and compute availability."""
    p0, pm = ctx.p0, ctx.measured_end
    stop_rows, stop_windows = _stops(ctx, stops)
    maint_rows, maint_windows = _maintenance(ctx)
    primary = ctx.primary
    service = primary.service
    known = KnownIds(opened_at(outages, STARTED))  # (indexed only when an unknown id is met)
    items = [o for o in (_read(ctx, i, r, known) for i, r in outages.items()) if o is not None]
    # each outage that is itself not measured (Article 4, an excused emergency), under the service it
    # names (None: every service); the others count as downtime of their service
    off = OffOutages()
    counted: list[tuple[_Out, Interval]] = []
    for o in items:
        iv = (o.start, o.end if o.end is not None else ctx.as_of)
        named = o.service if service is not None else None  # (no measured service: one block for all)
        if o.cause in o.rules.exclusions:
            off.excluded.setdefault(named, []).append(iv)
        elif o.cause == "emergency" and o.rules.stop_rule and not o.rules.stop_rule.emergency_counts_as_downtime:
            off.excused.setdefault(named, []).append(iv)
        else:
            counted.append((o, iv))
    block = service_off(primary, service, maint_windows, stop_windows, off, p0, pm)
    all_off, ex_union = block.off, block.excused
    # another service's outage is listed, measured in its own service's time (each service's off-time
    # once), and is not downtime of the service this block measures
    others: dict[str, ServiceOff] = {}
    period = pm - p0
    measured = period - length(all_off)
    down_ivs: list[Interval] = []
    rows: list[OutageRow] = []
    counted_ids = {id(o) for o, _ in counted}
    for o in sorted(items, key=lambda o: (o.start, o.ident)):
        if not (ctx.p0 <= o.start < ctx.p1 or (o.start < ctx.p0 and (o.end is None or o.end > ctx.p0))):
            continue
        iv = (o.start, o.end if o.end is not None else ctx.as_of)
        inside = clip(iv, p0, pm)
        mine = service is None or o.service in (None, service.name)
        own: list[Interval] = []
        if inside and id(o) in counted_ids:
            if mine:
                own = subtract(inside, all_off)
                down_ivs += own
            else:
                name = o.service or ""
                theirs = others.get(name)
                if theirs is None:
                    rules, svc = service_named(ctx, name)
                    theirs = others[name] = service_off(rules, svc, maint_windows, stop_windows, off, p0, pm, name)
                own = subtract(inside, theirs.off)
        minutes = length(own) / 60
        rows.append(_row(ctx, o, minutes, (length([inside]) / 60 - minutes) if inside else 0.0))
    # outages outside the listed rows (none: every counted outage overlapping the period is listed)
    downtime = length(union(down_ivs))
    ratio = (measured - downtime) / measured if measured > 0 else 1.0
    begins, ends = ctx.fmt_ends(p0, pm)
    why = [
        f"period {fmt_span(period)} from {begins} to {ends}",
        f"excused (maintenance, noticed planned stops{', outside the service hours' if block.closed else ''}) "
        "and excluded (Article 4) time: "
        f"{fmt_span(length(all_off))}; measured {fmt_span(measured)}",
        f"downtime (union of counted outages) {fmt_span(downtime)}; availability {ratio:.5%}",
    ]
    target = service.availability_target if service else None
    avail = Availability(
        measured_minutes=measured / 60,
        downtime_minutes=downtime / 60,
        ratio=ratio,
        period_minutes=period / 60,
        excused_minutes=length(ex_union) / 60,
        excluded_minutes=(length(all_off) - length(ex_union)) / 60,
        target=target,
        explain=[step(text=t, ref=art(service.ref) if service else None) for t in why],
        service=service.name if service else None,
        closed_minutes=block.closed / 60,
    )
    # per service and measurement period, with credits and the violations (issue 13)
    seen = [Outage(o.start, o.end if o.end is not None else ctx.as_of, o.cause, o.rules, o.service) for o in items]
    periods, credits = judge_availability(ctx, maint_windows, stop_windows, seen)
    return Result(rows, stop_rows, maint_rows, avail, periods, credits)


def _read(ctx: Ctx, ident: str, recs: list[Rec], known: KnownIds | None = None) -> _Out | None:
    starts = [r for r in recs if r[1] == STARTED]
    if not starts:
        ctx.bad_data(ident, unknown_note("unknown_outage", ident, known), recs[0][3], recs[0][0])
        return None
    st = starts[0]
    for other in starts[1:]:
        if other[0] != st[0]:  # (one at the same instant that disagrees: see :mod:`.order`)
            ctx.bad_data(ident, DataNote(what="started_again"), other[3], other[0])
    end: float | None = None
    ends = [r for r in recs if r[1] == ENDED]
    if ends:
        if ends[0][0] < st[0]:
            note = DataNote(what="ended_before_started", start=ctx.primary.dt(st[0]), end=ctx.primary.dt(ends[0][0]))
            ctx.bad_data(ident, note, ends[0][3], ends[0][0])
        else:
            end = ends[0][0]
        for other in ends[1:]:
            ctx.bad_data(ident, DataNote(what="ended_again"), other[3], other[0])
    rules = ctx.versions.at(st[0])
    return _Out(ident, rules, st[0], end, st[2][0], recs, st[2][1] if len(st[2]) > 1 else None)


def _when(rules: Rules, epoch: float) -> tuple[str, dt.datetime]:
    """An instant as ``Rules.fmt`` writes it and as ``Rules.dt`` gives it.

    Worded from ``fromtimestamp`` itself, not :meth:`Rules.stamp`: an outage's instants are few
    to an hour (a year's 18k fall in 6k hours), so the hour table behind ``stamp`` mostly misses,
    and filling it costs more than the zone look-up it saves (the datetime of a plain hour there
    is, by construction, the one ``fromtimestamp`` gives). ``test_outage_rows_fast.py`` holds
    the two equal, daylight-saving changes and fractions of a second included."""
    at = dt.datetime.fromtimestamp(epoch, rules.tz)
    return rules.wall(at), at


class _Words(NamedTuple):
    """What a notify rule's steps and target rows say of it under one version: the same for every
    outage it judges, so worded once (a year holds thousands of outages and a rule or two)."""

    rule: m.Notify
    #: the codes of its ``after`` and ``met by`` events
    after: int | None
    met_by: int | None
    ref: str | None
    #: ``after`` without its family (``recognized``)
    after_name: str
    #: ``(Article 3.1.4, within 3 business hours)``
    within: str
    #: the row's ``target_minutes``
    minutes: float
    #: how its violations' JSON message names it (:func:`_message_name`)
    message_name: str


#: the words of a version's notify rules, by the rule's id (:func:`_words`)
_WORDS: Memo[dict[int, _Words]] = Memo(lambda rules: {})


def _words(rules: Rules, rule: m.Notify) -> _Words:
    """The words of ``rule`` under ``rules`` (memoised on the version; the entry keeps the rule, so an id
    reused by another object misses)."""
    kept = rules.memo(_WORDS)
    hit = kept.get(id(rule))
    if hit is not None and hit.rule is rule:
        return hit
    ref = art(rule.ref)
    hit = _Words(
        rule,
        code_of(rule.after, "outage"),
        code_of(rule.met_by, "outage"),
        ref,
        short(rule.after),
        f"({ref + ', ' if ref else ''}within {rule.within})",
        _minutes(rules, rule.within),
        _message_name(rules, rule),
    )
    if len(kept) > 1000:
        kept.clear()
    kept[id(rule)] = hit
    return hit


class _Notice(NamedTuple):
    """A notify rule's verdict on one outage: instants as epochs, and as the row's datetimes
    (each instant worded once: the steps, the outage row and its target row share them)."""

    status: NoticeStatus
    due: float | None = None
    recognized: float | None = None
    met: float | None = None
    due_at: dt.datetime | None = None
    recognized_at: dt.datetime | None = None
    #: the datetime of ``met`` whenever there is one
    met_at: dt.datetime | None = None


def _row(ctx: Ctx, o: _Out, minutes: float, excused_minutes: float) -> OutageRow:
    rules = o.rules
    said, start = _when(rules, o.start)
    steps = [step(text=f"started {said}" + (f" (cause `{o.cause}`)" if o.cause else ""), at=start)]
    note = ctx.versions.note(rules, o.start)
    if note:
        steps.append(note)
    end: dt.datetime | None = None
    if o.end is not None:
        said, end = _when(rules, o.end)
        steps.append(step(text=f"ended {said}", at=end))
    else:
        steps.append(step(text=f"still open as of {rules.fmt(ctx.as_of)}"))
    excl = rules.exclusions.get(o.cause or "")
    rule = rules.notify
    verdict = _Notice("not_applicable")
    first_steps: list[Step] = []
    if excl is not None:
        steps.append(
            step(
                text=f"cause `{o.cause}` is excluded: not downtime, no notice target",
                ref=art(excl.ref),
            )
        )
        verdict = _Notice("excluded")
    else:
        steps.append(
            step(
                text=f"downtime in the period {fmt_span(minutes * 60)}"
                + (f" (+{fmt_span(excused_minutes * 60)} excused or excluded)" if excused_minutes else "")
            )
        )
        why_not = not_for(rules, rule.when, o.recs, STARTED) if rule is not None else None  # issue 13
        if rule is not None and why_not is not None:
            first_steps = [step(text=f"notification `{rule.name}` {why_not.text}", ref=art(rule.ref))]
            steps.extend(first_steps)
        elif rule is not None:
            k = len(steps)
            applies = applies_text(rules, rule.when, o.recs, STARTED)
            if applies is not None:
                steps.append(step(text=f"notification `{rule.name}`: {applies}", ref=art(rule.ref)))
            verdict = _notice(ctx, o, rule, steps)
            first_steps = steps[k:]
    notices = _notices(ctx, o, rule, verdict, first_steps, excl)
    out = OutageRow(
        id=o.ident,
        start=start,
        end=end,
        downtime_minutes=minutes,
        notice_due=verdict.due_at,
        notice_status=verdict.status,
        cause=o.cause,
        recognized_at=_first_recognized(rules, o, verdict) if verdict.status != "excluded" else None,
        notified_at=_first_notified(rules, o, verdict) if verdict.status != "excluded" else None,
        excused_minutes=excused_minutes,
        policy_version=rules.version,
        explain=steps,
        notices=notices,
        service=o.service,
    )
    for n in out.notices:  # (whether the report's summary counts each notice: one period counts it)
        n.in_summary = outage_notice_counts(out, n, ctx.p0, ctx.p1)
    return out


def _outage_rules(rules: Rules) -> list[m.Notify]:
    """The version's notification rules on an outage event, in the policy's order (memoised on the version)."""
    return rules.memo(_OUTAGE_RULES)


_OUTAGE_RULES: Memo[list[m.Notify]] = Memo(
    lambda rules: [r for r in rules.model.notifications if r.after.startswith("outage.")]
)


def _notices(
    ctx: Ctx,
    o: _Out,
    first: m.Notify | None,
    verdict: _Notice,
    steps: list[Step],
    excl: m.Exclusion | None,
) -> list[TargetRow]:
    """Every notification rule on an outage event (issue 12): the first one as judged above,
    each other one judged on its own (its own due time, steps and violation)."""
    rules = o.rules
    out: list[TargetRow] = []
    for rule in _outage_rules(rules):
        own: list[Step]
        unmet = not_for(rules, rule.when, o.recs, STARTED)  # `when plan = premium` (issue 13)
        words = _words(rules, rule)
        if rule is first:
            own, v = steps, verdict
        elif excl is not None:
            own = [step(text=f"cause `{o.cause}` is excluded: no notice target", ref=art(excl.ref))]
            v = _Notice("excluded")
        elif unmet is not None:
            own = [step(text=f"notification `{rule.name}` {unmet.text}", ref=words.ref)]
            v = _Notice("not_applicable")
        else:
            said = applies_text(rules, rule.when, o.recs, STARTED)
            own = [step(text=f"notification `{rule.name}`: {said}", ref=words.ref)] if said else []
            v = _notice(ctx, o, rule, own)
        out.append(
            TargetRow(
                name=rule.name,
                kind="notify",
                status=v.status,
                due=v.due_at,
                met_at=v.met_at if v.status in ("met", "breached") else None,
                target_minutes=words.minutes,
                ref=words.ref,
                explain=own,
                unmet_when=unmet.when if unmet is not None and excl is None else None,
                attributes=unmet.attributes if unmet is not None and excl is None else None,
            )
        )
    return out


def _first_notified(rules: Rules, o: _Out, verdict: _Notice) -> dt.datetime | None:
    """The outage's first ``outage.notified`` (its ``notified_at``), whichever rule it meets, if any (the
    verdict's datetime when it met the rule with that notice: each instant worded once)."""
    at = next((r[0] for r in o.recs if r[1] == NOTIFIED), None)
    if at is None:
        return None
    if verdict.met == at and verdict.met_at is not None:
        return verdict.met_at
    return _when(rules, at)[1]


def _first_recognized(rules: Rules, o: _Out, verdict: _Notice) -> dt.datetime | None:
    """The outage's first ``outage.recognized`` (its ``recognized_at``), whatever its notification rules
    count from, if any: not the instant the first rule counts from (``outage.started`` for a rule
    ``after outage.started``), and there without any rule. Worded once: the verdict's when it is that
    instant (a rule ``after outage.recognized``)."""
    at = next((r[0] for r in o.recs if r[1] == RECOGNIZED), None)
    if at is None:
        return None
    if verdict.recognized == at and verdict.recognized_at is not None:
        return verdict.recognized_at
    return _when(rules, at)[1]


def _message_name(rules: Rules, rule: m.Notify) -> str:
    """How the JSON message names a notification rule on an outage event, as the report's violations
    name it: by its English label (``First report``: a first report is no recovery notice); a rule
    without a label by ``recovery notice`` when it is the version's only one, else by its name
    (``notice `first```), to say which."""
    label = rule.label.text("en")
    if label:
        return label
    return "recovery notice" if len(_outage_rules(rules)) == 1 else f"notice `{rule.name}`"


def _minutes(rules: Rules, d: m.Duration) -> float:
    """A rule's duration in minutes of business (or elapsed) time."""
    if d.calendar is not None:
        return rules.delta_seconds(d) / 60
    return (rules.add(rules.effective_epoch, d) - rules.effective_epoch) / 60


#: The events an outage is known from: a notice before one of them contradicts the log.
_KNOWN_AT_START = frozenset({"outage.started", "outage.recognized"})


def _notice(ctx: Ctx, o: _Out, rule: m.Notify, steps: list[Step]) -> _Notice:
    rules = o.rules
    words = _words(rules, rule)
    ref, after, met_by = words.ref, words.after, words.met_by
    after_rec = next((r for r in o.recs if r[1] == after), None)
    if after_rec is None:
        met_rec = next((r for r in o.recs if r[1] == met_by), None)
        met = met_rec[0] if met_rec is not None else None
        steps.append(step(text=f"no {rule.after}: the notice target has not started", ref=ref))
        return _Notice("not_applicable", met=met, met_at=_when(rules, met)[1] if met is not None else None)
    rec = after_rec[0]
    # A notice counts from the event the rule counts from: one sent before it (a progress notice during
    # the outage, for a rule `after outage.ended`) does not meet it, as for a rule on an incident event.
    met_rec = next((r for r in o.recs if r[1] == met_by and r[0] >= rec), None)
    met = met_rec[0] if met_rec is not None else None
    notified, met_at = _when(rules, met) if met is not None else ("", None)
    # (located on the event's line, as every other contradiction in the events)
    if rec < o.start:
        ctx.bad_data(o.ident, DataNote(what="before", event=rule.after, first="outage.started"), after_rec[3], rec)
    early = next((r for r in o.recs if r[1] == met_by and r[0] < rec), None)
    if early is not None and rule.after in _KNOWN_AT_START:  # (a notice before the outage was known)
        ctx.bad_data(o.ident, DataNote(what="before", event=rule.met_by, first=rule.after), early[3], early[0])
    recognized, rec_at = _when(rules, rec)
    # ``rec_at`` is ``rules.dt(rec)``: what ``Rules.is_business`` would look up again
    if rule.only_during is not None and not rules.calendar(rule.only_during).is_business_time(rec_at):
        steps.append(
            step(
                text=f"{words.after_name} {recognized}, outside {rule.only_during} hours: "
                "the notice target does not apply",
                at=rec_at,
                ref=ref,
            )
        )
        return _Notice("not_applicable", None, rec, met, None, rec_at, met_at)
    due = rules.add(rec, rule.within)
    due_said, due_at = _when(rules, due)
    steps.append(
        step(
            text=f"{words.after_name} {recognized}; notice due {due_said} {words.within}",
            at=due_at,
            ref=ref,
        )
    )
    status: NoticeStatus
    if met is not None:
        ok = met <= due
        steps.append(step(text=f"notified {notified}: {'met' if ok else 'breached'}", at=met_at, ref=ref))
        status = "met" if ok else "breached"
    elif ctx.as_of > due:
        steps.append(step(text=f"no notice as of {rules.fmt(ctx.as_of)}: breached", ref=ref))
        status = "breached"
    else:
        steps.append(step(text=f"no notice yet as of {rules.fmt(ctx.as_of)}: open", ref=ref))
        status = "open"
    if status == "breached" and _in_period(ctx, due, o.end):
        said = f"notified {notified}" if met is not None else "no notice"
        # the rule the violation is about, so the documents word it from its own label, due time and notice
        about = BreachedTarget(name=rule.name, kind="notify", met_at=met_at)
        ctx.violations.append(
            Violation(
                kind="notice_breached",
                id=o.ident,
                at=due_at,
                ref=ref,
                message=f"{words.message_name} due {due_said}: {said}",
                target=about,
            )
        )
    return _Notice(status, due, rec, met, due_at, rec_at, met_at)


def _in_period(ctx: Ctx, settled: float, end: float | None) -> bool:
    """Whether a notice breach settled at ``settled`` (its due time), of an outage ending at ``end`` (None:
    still down), is a violation of this period: as :func:`.incidents.in_period` says of a response, an outage
    is listed again by the next period while it is down at ``to`` (one that ended at ``to`` is not)."""
    return settled >= ctx.p0 and (settled < ctx.p1 or (end is not None and end <= ctx.p1))


# -- planned stops -------------------------------------------------------------------


class NoticeDeadline(NamedTuple):
    """When a planned stop's notice must come, and how to say it."""

    #: the deadline, exact: the report's ``notice_deadline``
    at: float
    #: a notice at ``at`` itself is in time: ``before start`` (the start less the notice, at the latest);
    #: ``before start date`` ends with its last day, so its deadline (the next 00:00) is exclusive
    inclusive: bool
    said: str

    def in_time(self, t: float) -> bool:
        """Whether a notice sent at ``t`` meets the deadline."""
        return t <= self.at if self.inclusive else t < self.at


def notice_deadline(rules: Rules, rule: m.PlannedStop, start: float) -> NoticeDeadline:
    """The deadline of a notice for a stop starting at ``start``, and how to say it."""
    n = rule.notice
    if rule.anchor is m.NoticeAnchor.START_DATE:
        last = notice_last_day(rules.dt(start).date(), n)
        nxt = last + dt.timedelta(days=1)
        return NoticeDeadline(
            dt.datetime(nxt.year, nxt.month, nxt.day, tzinfo=rules.tz).timestamp(),
            False,
            f"by the end of {last:%a %d %b}{f' {last.year}' if rules.years else ''} ({n} before the start date)",
        )
    back = _before(rules, start, n)
    return NoticeDeadline(back, True, f"by {rules.fmt(back)} ({n} before the start)")


def _before(rules: Rules, start: float, n: m.Duration) -> float:
    """The instant ``n`` before ``start``: business time counted backwards on its calendar, elapsed
    months back on the local calendar date, other elapsed durations as exact seconds."""
    if n.calendar is not None:
        cal = rules.policy.calendar(n.calendar)
        secs = rules.delta_seconds(n)
        if start.is_integer() and secs.is_integer():
            return float(cal.add_epoch(int(start), -int(secs)))
        return cal.add(rules.dt(start), -dt.timedelta(seconds=secs)).timestamp()
    if n.unit is m.TimeUnit.MONTH:
        local = rules.dt(start)
        day = add_months(local.date(), -n.amount)
        return local.replace(year=day.year, month=day.month, day=day.day).timestamp()
    # exact seconds before the start (what adding them after it and reflecting gave), without adding
    # them after it: a stop late in 2200 has a notice deadline, not a result in 2201
    secs = check_span(m.UNIT_SECONDS[n.unit] * n.amount, catalogue_words("bounds.what.duration", duration=str(n)))
    return start - secs


def _stops(ctx: Ctx, stops: dict[str, list[Rec]]) -> tuple[list[StopRow], list[Interval]]:
    rows: list[StopRow] = []
    valid: list[Interval] = []
    for ident, recs in stops.items():
        anns = [r for r in recs if r[1] == ANNOUNCED]
        last = anns[-1]
        channel, start, end = last[2]
        rules = ctx.versions.at(start)
        rule = rules.stop_rule
        same = [r for r in anns if (r[2][1], r[2][2]) == (start, end)]
        steps = [
            step(
                text=f"planned stop {ctx.fmt(start, rules)} to {ctx.fmt(end, rules)}",
                at=rules.dt(start),
            )
        ]
        if len(same) < len(anns):
            steps.append(step(text="the window was changed; only notices of the final window count"))
        note = ctx.versions.note(rules, start)
        if note:
            steps.append(note)
        ok, notice_at, deadline = False, same[0][0], None
        channel = same[0][2][0]
        notices: list[StopNotice] = []
        if rule is None:
            steps.append(step(text="the policy has no planned-stop rule: the stop is not excused"))
        else:
            ref = art(rule.ref)
            due = notice_deadline(rules, rule, start)
            deadline, said = due.at, due.said
            for r in same:
                ch = r[2][0]
                good_ch = not rule.channels or ch in rule.channels
                in_time = due.in_time(r[0])
                faults = []
                if not good_ch:
                    faults.append(f"not an allowed channel ({', '.join(rule.channels)})")
                if not in_time:
                    faults.append("too late")
                notices.append(StopNotice(at=rules.dt(r[0]), channel=ch, allowed_channel=good_ch, in_time=in_time))
                verdict = "; ".join(faults) or "valid"
                steps.append(
                    step(
                        text=f"announced {ctx.fmt(r[0], rules)} by {ch}: {verdict}",
                        at=rules.dt(r[0]),
                        ref=ref,
                    )
                )
                if good_ch and in_time and not ok:
                    ok, notice_at, channel = True, r[0], ch
            steps.append(
                step(
                    text=f"notice needed {said} by {' or '.join(rule.channels) or 'any channel'}: "
                    + ("valid, the window is excused" if ok else "not valid, the window is not excused"),
                    ref=ref,
                )
            )
            # (a stop running across `from` is listed again, but its notice was due before it started: the
            # period it starts in has the violation)
            if not ok and ctx.p0 <= start < ctx.p1:
                ctx.violations.append(
                    Violation(
                        kind="stop_notice_invalid",
                        id=ident,
                        at=rules.dt(start),
                        ref=ref,
                        message=f"planned stop {ctx.fmt(start, rules)}: no valid notice {said}",
                    )
                )
        if ok:
            valid.append((start, end))
        if ctx.p0 <= start < ctx.p1 or (start < ctx.p0 < end):
            rows.append(
                StopRow(
                    id=ident,
                    start=rules.dt(start),
                    end=rules.dt(end),
                    notice_at=rules.dt(notice_at),
                    notice_ok=ok,
                    channel=channel,
                    notice_deadline=rules.dt(deadline) if deadline is not None else None,
                    policy_version=rules.version,
                    explain=steps,
                    notices=notices,
                )
            )
    rows.sort(key=lambda r: (r.start, r.id))
    return rows, valid


# -- maintenance ---------------------------------------------------------------------


def _maintenance(ctx: Ctx) -> tuple[list[MaintenanceRow], list[Interval]]:
    rows: list[MaintenanceRow] = []
    windows: list[Interval] = []
    for laid in windows_in_force([r.policy for r in ctx.versions.rules], ctx.p0, ctx.p1):
        s, e, w = laid.start, laid.end, laid.window
        if laid.excused:
            windows.append((s, e))
        # (a window running across `from` is listed too, as a planned stop is: its part in the period is
        # excused, and a reader of the report finds the window that excuses it)
        if ctx.p0 <= s < ctx.p1 or s < ctx.p0 < e:
            rules = ctx.versions.at(s)
            rows.append(
                MaintenanceRow(
                    start=rules.dt(s),
                    end=rules.dt(e),
                    name=w.name,
                    scheduled=getattr(w, "scheduled", None),
                    moved=bool(getattr(w, "moved", False)),
                    reason=getattr(w, "reason", None),
                    excused=laid.excused,
                    policy_version=laid.policy.version,
                )
            )
    rows.sort(key=lambda r: r.start)
    return rows, windows
