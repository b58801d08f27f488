"""Rows and explanations of incident verdicts, built only when a row is rendered.

Design notes
------------
* A year's log has hundreds of thousands of incidents and a text report
  explains none of them, so :mod:`.incidents` leaves compact
  :class:`~.incidents.Incident` records and this module turns one into its
  report row: :func:`row` (the pydantic :class:`IncidentRow` of the Python API)
  or :func:`row_json` (the same row as JSON-ready values, for the streamed
  report; it must stay byte for byte ``row(...).model_dump(mode="json")``,
  which ``tests/evaluate/test_streaming.py`` checks).
* :func:`explain` lists the steps: report, clock start, version note,
  reprioritisations, attributes changed (``changes at``: the rule chosen from
  then on), the day-by-day walk (:mod:`.walk`), the due time, the
  same-day guideline, the verdict and the completion, each with its time and
  the policy's article reference.
* The same-day guideline is judged on the business day the clock start
  belongs to (:func:`same_day_ordinal`): the day whose open time holds it,
  the tail of an overnight shift after midnight included, else its local
  date. Not the start's date alone: 01:00 on Saturday is in Friday's
  ``22:00-06:00`` shift, which closes at 06:00 that morning. The calendar
  holds that rule (``day_of``): ``by end of Nth business day`` counts from
  the same day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from ..events.problems import located
from ..events.schema import TYPES
from ..i18n import LANGS, offset_if_repeated
from ..lang import model as m
from ..report import IncidentRow, RiskStep, SameDay, Step, Violation
from ..report.incident_rows import AttributeChange
from ..report.settled import response_in_summary
from .common import Ctx, Memo, Rules, art, describe_target, fmt_span, instant_us, short, step, target_calendar
from .day_targets import describe
from .incidents import Incident, used_percent
from .risk_times import response_share, risks
from .select import AttrChange, rule_steps
from .targets import rows as target_rows
from .walk import walk_between

#: the same-day guideline on one incident: (applies, the close it expects an answer by, met)
SameDayFacts = tuple[bool, float | None, bool | None]


@dataclass(frozen=True, slots=True)
class Words:
    """What every explanation under one (version, priority) says the same way."""

    priority: m.Priority
    ref: str | None
    clock_ref: str | None
    #: the calendar the target counts in (None: elapsed time)
    calendar: str | None
    #: `` (Article 3.2, P1: 4 business hours)`` after the due time
    due_tail: str
    #: ``resolved`` (the one completion event) or ``completion event``
    done: str
    #: ``no customer_replied within 10 business days after info_provided ``
    silence: str


#: the words of a version by priority (:func:`words_of`)
_WORDS: Memo[dict[str, Words]] = Memo(lambda rules: {})


def words_of(rules: Rules, priority: str) -> Words:
    """What every explanation under one (version, priority) says the same way (memoised on the version)."""
    kept = rules.memo(_WORDS)
    hit = kept.get(priority)
    if hit is not None:
        return hit
    pri = rules.priorities[priority]
    ref = art(pri.ref)
    comp = pri.completion
    sil = comp.silence
    words = Words(
        priority=pri,
        ref=ref,
        clock_ref=art(rules.clock.ref) if rules.clock else None,
        calendar=target_calendar(pri.target),
        due_tail=f" ({ref + ', ' if ref else ''}{priority}: {_described(pri.target)})",
        done=short(comp.on[0]) if len(comp.on) == 1 else "completion event",
        silence=f"no {short(sil.unless)} within {sil.duration} after {short(sil.after)} " if sil else "",
    )
    kept[priority] = words
    return words


def _described(target: m.Target) -> str:
    """``4 business hours``, ``the end of business day 1`` or ``16:00 of business day 1``."""
    return describe(target) if isinstance(target, m.ByEndOf) else describe_target(target)


def explain(ctx: Ctx, inc: Incident, as_json: bool = False) -> tuple[list[Step], SameDayFacts | None]:
    """The steps explaining one verdict, and the same-day guideline when the priority has one.

    A step's ``at`` is an aware datetime, or with ``as_json`` its JSON text (see
    :meth:`Rules.stamp`). Steps are plain dicts (see :func:`.common.step`); a
    year's log explains hundreds of thousands of verdicts, so this is written
    for speed: each instant is looked up once, as a :data:`Stamp`.
    """
    rules = inc.rules
    w = words_of(rules, inc.priority)
    ref = w.ref
    rep_f, rep_at, _ = rules.stamp(inc.reported, as_json)
    clk_f, clk_at, clk_us = rules.stamp(inc.clock, as_json)
    steps: list[Any] = [
        {
            "text": f"reported {rep_f} as {inc.reprios[0][1] if inc.reprios else inc.priority}",
            "at": rep_at,
            "ref": None,
        },
        {"text": f"clock starts at {inc.clock_event} {clk_f}", "at": clk_at, "ref": w.clock_ref},
    ]
    note = ctx.versions.note(rules, inc.clock)
    if note:
        steps.append(note)
    steps += rule_steps(rules, inc.priority, ref)  # which rule the incident's attributes chose (issue 13)
    changes = [(t, old, new, True) for t, old, new in inc.reprios]
    changes += [(t, "", new, False) for t, new in inc.unapplied]
    for t, old, new, applied in sorted(changes, key=lambda c: c[0]) if inc.unapplied else changes:
        t_f, t_at, _ = rules.stamp(t, as_json)
        text = (
            f"reprioritised {old} → {new} {t_f}: the target changes, the clock keeps its start"
            if applied
            else f"reprioritisation to {new} {t_f} not applied: version {rules.version}, which judges the "
            f"incident, does not define {new}"
        )
        steps.append({"text": text, "at": t_at, "ref": ref})
    for c in inc.changes:  # attributes changed by events a `changes at` lists: the rule chosen since
        t_f, t_at, _ = rules.stamp(c.at, as_json)
        steps.append({"text": _changed(rules, inc.priority, c, t_f), "at": t_at, "ref": ref})
    same_day: SameDayFacts | None = None
    excl = rules.exclusions.get(inc.cause) if inc.cause is not None else None
    if excl is not None:
        steps.append(step(text=f"cause `{inc.cause}` is excluded: no target applies", ref=art(excl.ref)))
    else:
        due = inc.due
        assert due is not None
        due_f, due_at, _ = rules.stamp(due, as_json)
        cal = w.calendar
        if ctx.walk and cal is not None:
            # (the instants, not their wall clock: a time the zone shows twice is walked from its own pass)
            steps.extend(walk_between(rules, cal, instant_us(rules.dt(inc.clock)), instant_us(rules.dt(due))))
        steps.append({"text": f"due {due_f}{w.due_tail}", "at": due_at, "ref": ref})
        if w.priority.same_day is not None:
            same_day = _same_day(ctx, rules, w.priority.same_day, inc, clk_us, steps, ref, as_json)
        steps.append(status_step(ctx, inc, due, cal, ref, as_json))
    if inc.completion == "resolved" and inc.completed_by is not None:
        by_f, by_at, _ = rules.stamp(inc.completed_by, as_json)
        done = done_words(ctx, rules, inc.completed_on) if inc.completed_on is not None else w.done
        steps.append({"text": f"{done} {by_f}: completed", "at": by_at, "ref": ref})
    elif inc.completion == "silence" and inc.silence is not None:
        last, deadline = inc.silence
        end_f, end_at, _ = rules.stamp(deadline, as_json)
        steps.append({"text": f"{w.silence}{rules.fmt(last)}: completed {end_f}", "at": end_at, "ref": ref})
    if inc.completed is None:
        steps.append({"text": f"not completed as of {rules.fmt(ctx.as_of)}", "at": None, "ref": ref})
    return cast(list[Step], steps), same_day


def done_words(ctx: Ctx, rules: Rules, on: tuple[int, int]) -> str:
    """Which of a rule's several completion events completed an incident (``on``: its type code and line,
    :attr:`.incidents.Incident.completed_on`), for its step: ``closed (“Closed”, events.jsonl:12)``, a type
    the policy declares with its label, where the event is in the log when read from one (``resolved
    (events.jsonl:4)``). One completion event needs none of it: its step names it alone."""
    code, line = on
    name = TYPES[code]
    decl = next((e for e in rules.model.event_types if e.name == name), None)
    label = decl.label.text("en") if decl is not None else ""
    said = [f"“{label}”"] if label else []
    said += [located(ctx.source, line)] if line and ctx.source else []
    return short(name) + (f" ({', '.join(said)})" if said else "")


def _changed(rules: Rules, priority: str, c: AttrChange, when: str) -> str:
    """The step of an attribute changed during the incident's life: ``attribute plan changed standard →
    premium at incident.plan_changed Tue 03 Nov 10:10: the rule of P1 `when plan = premium` (line 12)
    applies from then on; the target counts from the clock start, the time used kept``."""
    said = f"attribute {c.name} changed {c.old} → {c.new} at {TYPES[c.code]} {when}"
    listed = rules.model.rules_of(priority)
    rule = listed[c.rule] if c.rule is not None and c.rule < len(listed) else None
    if rule is None:
        return said
    which = f"`when {rule.when}`" if rule.when is not None else "without a condition"
    return (
        f"{said}: the rule of {priority} {which} (line {rule.span.line}) applies from then on; the target "
        "counts from the clock start, the time used kept"
    )


def changes_of(ctx: Ctx, inc: Incident) -> tuple[AttributeChange, ...]:
    """The attributes changed during the incident's life as ``sla explain`` words them (see :class:`IncidentRow`)."""
    rules = inc.rules
    out = []
    for c in inc.changes:
        where: dict[str, str] = {lang: located(ctx.source, c.line, lang=lang) for lang in LANGS} if c.line else {}
        out.append(AttributeChange(rules.dt(c.at), TYPES[c.code], c.name, c.old, c.new, where, c.rule))
    return tuple(out)


def row(ctx: Ctx, inc: Incident) -> IncidentRow:
    """The report row of one verdict, explanation included."""
    rules = inc.rules
    steps, same_day = explain(ctx, inc)
    out = IncidentRow(
        id=inc.ident,
        priority=inc.priority,
        clock_start=rules.dt(inc.clock),
        response_due=inc.response_due,
        responded_at=inc.responded_at,
        status=inc.status,
        at_risk_percent=inc.risk_percent,
        completed_at=inc.completed_at,
        reported_at=rules.dt(inc.reported),
        clock_event=inc.clock_event,
        completion=inc.completion,
        cause=inc.cause,
        same_day=None
        if same_day is None
        else SameDay(
            applies=same_day[0],
            due=rules.dt(same_day[1]) if same_day[1] is not None else None,
            met=same_day[2],
        ),
        policy_version=rules.version,
        explain=steps,
        targets=target_rows(inc, False, ctx.p0, ctx.p1) if inc.targets else [],
        in_summary=response_in_summary(inc, ctx.p0, ctx.p1),
        risk_steps=risk_steps(inc),
    ).judged_by(rule_position(rules, inc.priority))  # the rule its attributes chose (issue 13)
    return out.changed_by(changes_of(ctx, inc)) if inc.changes else out


def risk_steps(inc: Incident) -> list[RiskStep]:
    """Each warning threshold's instant of the response target of an incident open or at risk, for
    ``sla explain``, its clock having one (``at risk at 75% of target``) or several (``at risk at 50%, 75%
    of target``): as ``sla serve`` alerts them, several by :func:`.risk_times.response_risks` and one by
    :func:`.risk_times.response_share` (its ``at_risk_instant``), each before the due instant."""
    rules, due = inc.rules, inc.due
    if inc.status not in ("open", "at_risk") or due is None or not rules.at_risks:
        return []
    found = risks(rules.at_risks, due, lambda pct: response_share(rules, inc.priority, inc.clock, due, pct))
    return [RiskStep.model_construct(at=rules.dt(t), percent=p) for p, t in found]


def rule_position(rules: Rules, priority: str) -> int | None:
    """Which rule of ``priority`` judges under ``rules`` (a version, or the view its attributes chose:
    :func:`.select.rules_for`): its position among the rules with that id, in file order."""
    rule = rules.priorities.get(priority)
    return next((k for k, p in enumerate(rules.model.rules_of(priority)) if p is rule), None)


def row_json(ctx: Ctx, inc: Incident) -> dict[str, Any]:
    """``row(ctx, inc).model_dump(mode="json")`` without the model: times as their JSON text
    (see :meth:`Rules.stamp`), or as datetimes where orjson writes that text itself."""
    rules = inc.rules
    steps, same_day = explain(ctx, inc, True)
    stamp = rules.stamp  # the instants below were all stamped by explain: memo hits
    due = inc.due
    return {
        "id": inc.ident,
        "priority": inc.priority,
        "clock_start": stamp(inc.clock, True)[1],
        "response_due": stamp(due, True)[1] if due is not None and inc.status != "excluded" else None,
        "responded_at": stamp(inc.responded, True)[1] if inc.responded is not None else None,
        "status": inc.status,
        "at_risk_percent": inc.risk_percent,
        "completed_at": stamp(inc.completed, True)[1] if inc.completed is not None else None,
        "reported_at": stamp(inc.reported, True)[1],
        "clock_event": inc.clock_event,
        "completion": inc.completion,
        "cause": inc.cause,
        "same_day": None
        if same_day is None
        else {
            "applies": same_day[0],
            "due": stamp(same_day[1], True)[1] if same_day[1] is not None else None,
            "met": same_day[2],
        },
        "policy_version": rules.version,
        "explain": steps,
        "targets": target_rows(inc, True, ctx.p0, ctx.p1) if inc.targets else [],
        "in_summary": response_in_summary(inc, ctx.p0, ctx.p1),
    }


def status_step(ctx: Ctx, inc: Incident, due: float, cal: str | None, ref: str | None, as_json: bool) -> Step:
    """The step giving the verdict on the response: met, breached, at risk or open."""
    rules = inc.rules
    responded = inc.responded
    if responded is not None:
        r_f, r_at, _ = rules.stamp(responded, as_json)
        if responded <= due:
            return cast(Step, {"text": f"responded {r_f}: met", "at": r_at, "ref": ref})
        late = rules.between(due, responded, cal)
        if cal and round(late) == 0:  # after the close: late, though no business time has run
            how = "after due, outside business hours"
        else:
            how = f"{fmt_span(late)} {'business time ' if cal else ''}after due"
        return cast(Step, {"text": f"responded {r_f}, {how}: breached", "at": r_at, "ref": ref})
    fmt = rules.fmt
    if ctx.as_of > due:
        return step(text=f"no response as of {fmt(ctx.as_of)}: breached", ref=ref)
    if inc.status == "at_risk":
        # (the last warning threshold passed: the clock's one, or of several the highest reached)
        warning = inc.risk_percent if inc.risk_percent is not None else rules.at_risk
        assert warning is not None
        pct = used_percent(ctx, inc, due, cal)
        return step(
            text=f"no response as of {fmt(ctx.as_of)}; "
            f"{pct:.0f}% of the target used "
            f"(warning at {warning:g}%): at_risk",
            ref=art(rules.clock.ref) if rules.clock else None,
        )
    return step(text=f"no response yet as of {fmt(ctx.as_of)}: open", ref=ref)


_NOT_APPLIES: SameDayFacts = (False, None, None)


def _same_day(
    ctx: Ctx,
    rules: Rules,
    rule: m.SameDayGuideline,
    inc: Incident,
    clock_us: int,
    steps: list[Step],
    ref: str | None,
    as_json: bool,
) -> SameDayFacts:
    day = same_day_of(rules, rule, same_day_ordinal(rules, rule.calendar, inc.clock, clock_us))
    if day is None or inc.clock > day[1]:
        return _NOT_APPLIES
    close, _, text = day
    met = inc.responded is not None and inc.responded <= close
    # undecided (no response yet, the close still ahead at ``as_of``): open, as the status step says
    # of a response not yet due, never "not met" before the close has passed
    decided = inc.responded is not None or ctx.as_of > close
    steps.append(
        step(
            text=f"{text} ({same_day_verdict(met, decided)}; a guideline, not a breach)",
            at=cast(dt.datetime, rules.stamp(close, as_json)[1]),  # or its JSON text
            ref=ref,
        )
    )
    return (True, close, met if decided else None)


def same_day_verdict(met: bool, decided: bool) -> str:
    """The same-day guideline step's verdict word: ``met``, ``not met``, or ``open`` while undecided."""
    return ("met" if met else "not met") if decided else "open"


def calendar_ordinal(rules: Rules, calendar: str, epoch: float, wall_us: int) -> int:
    """The local date (as an ordinal) of an instant on ``calendar``'s own wall clock.

    A calendar's days are its local dates (language reference, calendars): a clock at Thu 23:00 in
    London is on Thursday for a London calendar, though Friday in a Tokyo policy. ``wall_us`` is the
    instant on the policy's wall clock (:func:`.common.wall_us`), the answer when the zones are one.
    """
    tz = rules.calendar(calendar).tz
    if tz is rules.tz:
        return wall_us // 86_400_000_000
    return dt.datetime.fromtimestamp(epoch, tz).toordinal()


def same_day_ordinal(rules: Rules, calendar: str, epoch: float, wall_us: int) -> int:
    """The business day of ``calendar`` (a local date of it, as an ordinal) that a clock starting at
    ``epoch`` is judged on by the same-day guideline (``wall_us``: as for :func:`calendar_ordinal`): its
    day of receipt, :meth:`~sla_dsl.calendars.business.BusinessCalendar.day_of`, the day ``by end of Nth
    business day`` counts from too.

    The day whose open time holds the instant, an overnight range's tail after midnight included (a
    range belongs to the day it starts on: language reference, lexical rules): 01:00 on Saturday is in
    Friday's shift of hours ``22:00-06:00``. An instant outside every day's open time belongs to its own
    local date: before that day's opening it is judged on that day (its close still ahead), after its
    close or on a day with no hours the guideline does not apply, as on a day-time calendar.
    """
    day = calendar_ordinal(rules, calendar, epoch, wall_us)
    return rules.calendar(calendar).day_of(epoch, dt.date.fromordinal(day)).toordinal()


#: of a version, by the rule's id, the day and whether its words name the year: the rule and its facts that day
#: (:func:`same_day_of`; the rule kept beside them, so that its id is never another's)
_SAME_DAY: Memo[dict[tuple[int, int, bool], tuple[m.SameDayGuideline, tuple[float, float, str] | None]]] = Memo(
    lambda rules: {}
)


def same_day_of(rules: Rules, rule: m.SameDayGuideline, ordinal: int) -> tuple[float, float, str] | None:
    """The same-day guideline on one day of its calendar (``ordinal``: a local date of the calendar,
    the business day :func:`same_day_ordinal` judges a clock on): (close, cutoff, the step's words), None
    when the day has no open time. Memoised: a year has a few hundred days.

    The close is the end of the day's last open interval, as ``by end of 1st business day`` takes
    it: the real instant, so partial closures (``closed 2026-12-24 13:00-18:00`` closes that day at
    noon) and daylight saving (a 24:00 shown twice closes at its first occurrence) count. A day whose every
    hour a partial closure takes has none. Times in the words are on the policy's wall clock, as
    every other step's.
    """
    kept = rules.memo(_SAME_DAY)
    key = (id(rule), ordinal, rules.years)  # (its words name the close with its year or not)
    hit = kept.get(key)
    if hit is not None and hit[0] is rule:
        return hit[1]
    opened = rules.calendar(rule.calendar).open_intervals(dt.date.fromordinal(ordinal))
    value: tuple[float, float, str] | None = None
    if opened:
        close = opened[-1][1].timestamp()
        lead = rule.before_close
        if lead.calendar is None and lead.unit is not m.TimeUnit.MONTH:
            # exact seconds before the close (what adding them after it and reflecting gives), without
            # adding them after it: a close late on the last day of 2200 has a cutoff, not a result in 2201
            cutoff = close - m.UNIT_SECONDS[lead.unit] * lead.amount
        elif lead.calendar is None:
            cutoff = 2 * close - rules.add(close, lead)
        else:
            # business time counted back from the close on the lead's calendar (`6 business hours before
            # close` of hours 10-12, 13-18 is 11:00, not 12:00): the latest instant that much open time
            # before it, as a planned stop's notice is counted back
            back = rules.policy.duration_delta(lead)
            cutoff = rules.calendar(lead.calendar).add(opened[-1][1], -back).timestamp()
        cut = rules.dt(cutoff)  # (a time of the hour the clock repeats with its offset, as every step's)
        text = (
            f"same-day guideline: clock started by {cut:%H:%M}{offset_if_repeated(cut)} on a business day, "
            f"answer expected by {rules.fmt(close)}"
        )
        value = (close, cutoff, text)
    if len(kept) > 100_000:
        kept.clear()
    kept[key] = (rule, value)
    return value


def breach(inc: Incident) -> Violation:
    """The violation of a response breach."""
    rules = inc.rules
    due = inc.due
    assert due is not None
    return Violation.model_construct(  # every field set, of its declared type
        kind="response_breached",
        id=inc.ident,
        message=_breach_message(inc, due),
        at=rules.dt(due),
        ref=art(rules.priorities[inc.priority].ref),
    )


def breach_json(inc: Incident) -> dict[str, Any]:
    """``breach(inc).model_dump()`` without the model (the time as its JSON text)."""
    rules = inc.rules
    due = inc.due
    assert due is not None
    return {
        "kind": "response_breached",
        "id": inc.ident,
        "message": _breach_message(inc, due),
        "at": rules.stamp(due, True)[1],
        "ref": art(rules.priorities[inc.priority].ref),
    }


def _breach_message(inc: Incident, due: float) -> str:
    fmt = inc.rules.fmt
    late = f"responded {fmt(inc.responded)}" if inc.responded is not None else "no response"
    return f"{inc.priority} response due {fmt(due)}: {late}"
