"""Response targets, reprioritisation, same-day guideline and completion of incidents.

Design notes
------------
* The clock starts at the first event named by the policy's ``response`` clock
  rule, in order of preference (``product_suspected``, else ``reported``).
* The priority is the last ``incident.reprioritized`` (or the reported one);
  the due time is always computed from the original clock start.
* Status: ``excluded`` when the reported cause is an Article 4 exclusion;
  ``met``/``breached`` by the first response; without one, ``breached`` once
  ``as_of`` is past due, else ``at_risk`` when the business time used reaches
  the policy's warning threshold, else ``open``.
* Completion: the first of the priority's completion events, or the silence
  rule (the deadline after the latest ``after`` event with no ``unless`` event
  since); it is reported, never a breach.
* Due times are computed in batches per (version, priority) with the calendar's
  batch API; everything else is a single pass per incident.
* Verdicts stay compact: an :class:`Incident` holds the facts and the status,
  and its explanation (the steps, the same-day guideline) is built only when a
  row is rendered (:func:`row`, :func:`row_json`): a year's log has hundreds of
  thousands of incidents and a text report explains none of them.
* Listed: every incident whose clock starts in [from, to), or that started
  earlier and was not completed before ``from``. A breach is listed in
  ``violations`` when its due time falls at or after ``from`` (an earlier one
  was already reported for an earlier period).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

from .. import model as m
from ..events import CODE, Rec
from ..report import IncidentRow, SameDay, Step, Violation
from .common import Ctx, Rules, art, code_of, describe_target, fmt_minutes, short, step, target_calendar
from .walk import walk

REPORTED = CODE["incident.reported"]
RESPONDED = CODE["incident.responded"]
REPRIORITIZED = CODE["incident.reprioritized"]

#: turns an instant into a step's ``at`` (see :func:`explain`)
When = Callable[[float], Any]


@dataclass(slots=True)
class Incident:
    """The facts and the verdict on one incident; the explanation is built on demand."""

    ident: str
    recs: list[Rec]
    rules: Rules
    priority: str
    reported: float
    cause: str | None
    clock: float
    clock_event: str
    responded: float | None
    reprios: list[tuple[float, str, str]] = field(default_factory=list)
    due: float | None = None
    completed: float | None = None
    completion: str | None = None
    #: the completion event's instant, or (latest ``after`` event, deadline) of the silence rule
    completed_by: float | None = None
    silence: tuple[float, float] | None = None
    status: str = ""

    # -- what a rendered row shows (the names of IncidentRow's fields) --
    @property
    def id(self) -> str:
        return self.ident

    @property
    def clock_start(self) -> dt.datetime:
        return self.rules.dt(self.clock)

    @property
    def response_due(self) -> dt.datetime | None:
        return self.rules.dt(self.due) if self.due is not None and self.status != "excluded" else None

    @property
    def responded_at(self) -> dt.datetime | None:
        return self.rules.dt(self.responded) if self.responded is not None else None

    @property
    def completed_at(self) -> dt.datetime | None:
        return self.rules.dt(self.completed) if self.completed is not None else None


def judge_incidents(ctx: Ctx, groups: dict[str, list[Rec]]) -> list[Incident]:
    """Judge every incident of the log; the verdicts on those in the period, in report order."""
    items: list[Incident] = []
    for ident, recs in groups.items():
        inc = _read(ctx, ident, recs)
        if inc is None or inc.clock >= ctx.p1:
            continue
        if inc.clock < ctx.p0:
            _complete(ctx, inc)
            if inc.completed is not None and inc.completed < ctx.p0:
                continue
        items.append(inc)
    _batch_due(items)
    for inc in items:
        if inc.completion is None and inc.clock >= ctx.p0:
            _complete(ctx, inc)
        _judge(ctx, inc)
    items.sort(key=lambda i: (i.clock, i.ident))
    return items


def _read(ctx: Ctx, ident: str, recs: list[Rec]) -> Incident | None:
    firsts: dict[int, Rec] = {}  # the first event of each type
    for r in recs:
        if r[1] not in firsts:
            firsts[r[1]] = r
    rep = firsts.get(REPORTED)
    if rep is None:
        first = recs[0]
        ctx.bad_data(
            ident,
            f"event for unknown incident `{ident}` (no incident.reported)",
            first[3],
            first[0],
        )
        return None
    if len(firsts) < len(recs):  # some type repeats
        for other in [r for r in recs if r[1] == REPORTED][1:]:
            if other[2] != rep[2] or other[0] != rep[0]:
                ctx.bad_data(
                    ident,
                    f"incident `{ident}` reported again; the first report counts",
                    other[3],
                    other[0],
                )
    priority, cause = rep[2][0], rep[2][1]
    reprios: list[tuple[float, str, str]] = []
    if REPRIORITIZED in firsts:
        for r in recs:
            if r[1] == REPRIORITIZED:
                reprios.append((r[0], priority, r[2][0]))
                priority = r[2][0]
                if r[0] < rep[0]:
                    ctx.bad_data(ident, "incident.reprioritized before incident.reported", r[3], r[0])
    rules = ctx.versions.at(rep[0])
    clock, clock_event = rep[0], "reported"
    for code, name in rules.clock_codes:
        hit = firsts.get(code)
        if hit is not None:
            clock, clock_event = hit[0], name
            break
    rules = ctx.versions.at(clock)
    if clock < rep[0]:
        ctx.bad_data(ident, f"incident.{clock_event} before incident.reported", 0, clock)
    responded = firsts.get(RESPONDED)
    if responded is not None and responded[0] < rep[0]:
        ctx.bad_data(ident, "incident.responded before incident.reported", responded[3], responded[0])
    if priority not in rules.priorities:
        ctx.bad_data(
            ident,
            f"priority `{priority}` is not defined in version {rules.version}",
            rep[3],
            rep[0],
        )
        return None
    return Incident(
        ident,
        recs,
        rules,
        priority,
        rep[0],
        cause,
        clock,
        clock_event,
        responded[0] if responded else None,
        reprios,
    )


def _batch_due(items: list[Incident]) -> None:
    buckets: dict[tuple[int, str], list[Incident]] = {}
    for inc in items:
        if inc.cause in inc.rules.exclusions:
            continue
        buckets.setdefault((id(inc.rules), inc.priority), []).append(inc)
    for bucket in buckets.values():
        rules = bucket[0].rules
        target = rules.priorities[bucket[0].priority].target
        if isinstance(target, m.Within):
            dues = rules.add_many([i.clock for i in bucket], target.duration)
        else:
            dues = [rules.due(target, i.clock) for i in bucket]
        for inc, due in zip(bucket, dues, strict=True):
            inc.due = due


def _complete(ctx: Ctx, inc: Incident) -> None:
    rules = inc.rules
    comp = rules.priorities[inc.priority].completion
    on, after, unless = _completion_codes(comp)
    done = next((r for r in inc.recs if r[1] in on), None)
    if done is not None:
        inc.completed, inc.completion, inc.completed_by = done[0], "resolved", done[0]
    sil = comp.silence
    if sil is None:
        return
    pending: tuple[float, float] | None = None
    for r in inc.recs:
        if done is not None and r[0] >= done[0]:
            break
        if pending is not None and r[0] > pending[1]:
            break
        if r[1] == after:
            pending = (r[0], rules.add(r[0], sil.duration))
        elif r[1] == unless:
            pending = None
    if pending is None or pending[1] > ctx.as_of or (done is not None and done[0] <= pending[1]):
        return
    inc.completed, inc.completion, inc.completed_by, inc.silence = pending[1], "silence", None, pending


_CODES: dict[int, tuple[m.Completion, frozenset[int], int | None, int | None]] = {}


def _completion_codes(comp: m.Completion) -> tuple[frozenset[int], int | None, int | None]:
    """Event codes of a completion rule: those that complete, the silence rule's ``after`` and ``unless``."""
    hit = _CODES.get(id(comp))
    if hit is None or hit[0] is not comp:
        on = frozenset(c for n in comp.on if (c := code_of(n, "incident")) is not None)
        sil = comp.silence
        after = code_of(sil.after, "incident") if sil else None
        unless = code_of(sil.unless, "incident") if sil else None
        hit = _CODES[id(comp)] = (comp, on, after, unless)
    return hit[1], hit[2], hit[3]


def _judge(ctx: Ctx, inc: Incident) -> None:
    """Set the status; a breach due in the period is a violation."""
    rules = inc.rules
    if inc.cause in rules.exclusions:
        inc.status = "excluded"
        return
    pri = rules.priorities[inc.priority]
    due = inc.due
    assert due is not None
    cal = target_calendar(pri.target)
    if inc.responded is not None:
        inc.status = "met" if inc.responded <= due else "breached"
    elif ctx.as_of > due:
        inc.status = "breached"
    elif rules.at_risk is not None and _used_percent(ctx, inc, due, cal) >= rules.at_risk:
        inc.status = "at_risk"
    else:
        inc.status = "open"
    if inc.status == "breached" and due >= ctx.p0:
        late = f"responded {ctx.fmt(inc.responded, rules)}" if inc.responded is not None else "no response"
        ctx.violations.append(
            Violation.model_construct(  # every field set, of its declared type
                kind="response_breached",
                id=inc.ident,
                message=f"{inc.priority} response due {ctx.fmt(due, rules)}: {late}",
                at=rules.dt(due),
                ref=art(pri.ref),
            )
        )


def _used_percent(ctx: Ctx, inc: Incident, due: float, cal: str | None) -> float:
    used = inc.rules.between(inc.clock, ctx.as_of, cal)
    total = inc.rules.between(inc.clock, due, cal)
    return 100.0 * used / total if total > 0 else 100.0


# -- rows and explanations, built on demand ------------------------------------------


def explain(ctx: Ctx, inc: Incident, when: When | None = None) -> tuple[list[Step], SameDay | None]:
    """The steps explaining one verdict, and the same-day guideline when the priority has one.

    ``when`` turns an instant into a step's ``at``: an aware datetime by default
    (:meth:`Rules.dt`), or its JSON text (:meth:`Rules.iso`) for the streamed report.
    """
    rules = inc.rules
    at = when or rules.dt
    fmt = rules.fmt
    pri = rules.priorities[inc.priority]
    ref = art(pri.ref)
    first = inc.reprios[0][1] if inc.reprios else inc.priority
    steps: list[Any] = [
        {"text": f"reported {fmt(inc.reported)} as {first}", "at": at(inc.reported), "ref": None},
        {
            "text": f"clock starts at {inc.clock_event} {fmt(inc.clock)}",
            "at": at(inc.clock),
            "ref": art(rules.clock.ref) if rules.clock else None,
        },
    ]
    note = ctx.versions.note(rules, inc.clock)
    if note:
        steps.append(note)
    for t, old, new in inc.reprios:
        steps.append(
            step(
                text=f"reprioritised {old} → {new} {fmt(t)}: the target changes, the clock keeps its start",
                at=at(t),
                ref=ref,
            )
        )
    same_day: SameDay | None = None
    excl = rules.exclusions.get(inc.cause or "")
    if excl is not None:
        steps.append(step(text=f"cause `{inc.cause}` is excluded: no target applies", ref=art(excl.ref)))
    else:
        due = inc.due
        assert due is not None
        cal = target_calendar(pri.target)
        if ctx.walk and cal is not None:
            steps.extend(walk(rules, cal, inc.clock, due))
        steps.append(
            step(
                text=f"due {fmt(due)} ({ref + ', ' if ref else ''}{inc.priority}: {describe_target(pri.target)})",
                at=at(due),
                ref=ref,
            )
        )
        if pri.same_day is not None:
            same_day = _same_day(ctx, rules, pri.same_day, inc, steps, ref, at)
        steps.append(_status_step(ctx, inc, due, cal, ref, at))
    if inc.completion == "resolved" and inc.completed_by is not None:
        comp = pri.completion
        steps.append(
            step(
                text=f"{short(comp.on[0]) if len(comp.on) == 1 else 'completion event'} "
                f"{fmt(inc.completed_by)}: completed",
                at=at(inc.completed_by),
                ref=ref,
            )
        )
    elif inc.completion == "silence" and inc.silence is not None:
        sil = pri.completion.silence
        assert sil is not None
        last, deadline = inc.silence
        steps.append(
            step(
                text=f"no {short(sil.unless)} within {sil.duration} after {short(sil.after)} "
                f"{fmt(last)}: completed {fmt(deadline)}",
                at=at(deadline),
                ref=ref,
            )
        )
    if inc.completed is None:
        steps.append(step(text=f"not completed as of {fmt(ctx.as_of)}", ref=ref))
    return cast(list[Step], steps), same_day


def row(ctx: Ctx, inc: Incident) -> IncidentRow:
    """The report row of one verdict, explanation included."""
    rules = inc.rules
    steps, same_day = explain(ctx, inc)
    return IncidentRow(
        id=inc.ident,
        priority=inc.priority,
        clock_start=rules.dt(inc.clock),
        response_due=inc.response_due,
        responded_at=inc.responded_at,
        status=inc.status,
        completed_at=inc.completed_at,
        reported_at=rules.dt(inc.reported),
        clock_event=inc.clock_event,
        completion=inc.completion,
        cause=inc.cause,
        same_day=same_day,
        policy_version=rules.version,
        explain=steps,
    )


def row_json(ctx: Ctx, inc: Incident) -> dict[str, Any]:
    """``row(ctx, inc).model_dump(mode="json")`` without the model: times as their JSON text
    (:meth:`Rules.iso`), or as datetimes where orjson writes that text itself."""
    rules = inc.rules
    iso = rules.iso
    steps, same_day = explain(ctx, inc, iso)
    due = inc.due
    return {
        "id": inc.ident,
        "priority": inc.priority,
        "clock_start": iso(inc.clock),
        "response_due": iso(due) if due is not None and inc.status != "excluded" else None,
        "responded_at": iso(inc.responded) if inc.responded is not None else None,
        "status": inc.status,
        "completed_at": iso(inc.completed) if inc.completed is not None else None,
        "reported_at": iso(inc.reported),
        "clock_event": inc.clock_event,
        "completion": inc.completion,
        "cause": inc.cause,
        "same_day": None
        if same_day is None
        else {"applies": same_day.applies, "due": same_day.due, "met": same_day.met},
        "policy_version": rules.version,
        # most steps are dicts already (see :func:`.common.step`), a version note is a Step
        "explain": [{"text": s.text, "at": s.at, "ref": s.ref} if isinstance(s, Step) else s for s in steps],
    }


def _status_step(ctx: Ctx, inc: Incident, due: float, cal: str | None, ref: str | None, at: When) -> Step:
    rules = inc.rules
    fmt = rules.fmt
    if inc.responded is not None:
        if inc.responded <= due:
            return step(text=f"responded {fmt(inc.responded)}: met", at=at(inc.responded), ref=ref)
        late = rules.between(due, inc.responded, cal)
        return step(
            text=f"responded {fmt(inc.responded)}, {fmt_minutes(late)} "
            f"{'business time ' if cal else ''}after due: breached",
            at=at(inc.responded),
            ref=ref,
        )
    if ctx.as_of > due:
        return step(text=f"no response as of {fmt(ctx.as_of)}: breached", ref=ref)
    if inc.status == "at_risk":
        assert rules.at_risk is not None
        pct = _used_percent(ctx, inc, due, cal)
        return step(
            text=f"no response as of {fmt(ctx.as_of)}; "
            f"{pct:.0f}% of the target used "
            f"(warning at {rules.at_risk:g}%): at_risk",
            ref=art(rules.clock.ref) if rules.clock else None,
        )
    return step(text=f"no response yet as of {fmt(ctx.as_of)}: open", ref=ref)


def _same_day(
    ctx: Ctx, rules: Rules, rule: m.SameDayGuideline, inc: Incident, steps: list[Step], ref: str | None, at: When
) -> SameDay:
    day = _same_day_of(rules, rule, rules.dt(inc.clock).toordinal())
    if day is None or inc.clock > day[1]:
        return SameDay(applies=False)
    close, _, text = day
    met = inc.responded is not None and inc.responded <= close
    steps.append(
        step(
            text=f"{text} ({'met' if met else 'not met'}; a guideline, not a breach)",
            at=at(close),
            ref=ref,
        )
    )
    return SameDay(
        applies=True,
        due=rules.dt(close),
        met=met if inc.responded is not None or ctx.as_of > close else None,
    )


_SAME_DAY: dict[tuple[int, int, int], tuple[Rules, m.SameDayGuideline, tuple[float, float, str] | None]] = {}


def _same_day_of(rules: Rules, rule: m.SameDayGuideline, ordinal: int) -> tuple[float, float, str] | None:
    """The same-day guideline on one day: (close, cutoff, the step's words), None when it is not
    a business day or its calendar has no hours. Memoised: a year has a few hundred days."""
    key = (id(rules), id(rule), ordinal)
    hit = _SAME_DAY.get(key)
    if hit is not None and hit[0] is rules and hit[1] is rule:
        return hit[2]
    cal = rules.calendar(rule.calendar)
    day = dt.date.fromordinal(ordinal)
    hours = rules.model.calendar(rule.calendar).hours
    value: tuple[float, float, str] | None = None
    if hours and cal.is_business_day(day):
        close = dt.datetime(day.year, day.month, day.day, tzinfo=rules.tz) + dt.timedelta(
            minutes=max(h.end.minutes for h in hours)
        )
        if rule.before_close.calendar is None:
            cutoff = 2 * close.timestamp() - rules.add(close.timestamp(), rule.before_close)
        else:
            cutoff = close.timestamp() - rules.policy.duration_delta(rule.before_close).total_seconds()
        text = (
            f"same-day guideline: clock started by {rules.dt(cutoff):%H:%M} on a business day, "
            f"answer expected by {close:%a %d %b %H:%M}"
        )
        value = (close.timestamp(), cutoff, text)
    if len(_SAME_DAY) > 100_000:
        _SAME_DAY.clear()
    _SAME_DAY[key] = (rules, rule, value)
    return value
