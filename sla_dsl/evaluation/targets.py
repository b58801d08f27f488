"""Named targets on named clocks, and notification rules on incident events (issue 12).

Design notes
------------
* A priority's plain ``respond within`` stays the incident row's own fields
  (``response_due``, ``status``), judged as before by both paths. Its named
  targets (``resolve within 3 business days on resolution``, ``first reply``,
  ``respond ... on``, ``update every ... by ...``) and every ``notify`` rule
  that starts on an ``incident.*`` event are judged here, one incident at a
  time, into the row's ``targets`` list, in the policy's order (targets, then
  notification rules). The columnar path hands every incident that has any to
  the per-incident path (:func:`has_targets`).
* One rule for every target, the plain response target's
  (``docs/original/interpretation.en.md``, row 7): met iff stopped at or before
  its due instant, the earliest instant at which its time has run out.
* ``respond``/``resolve``/``first reply``: due at the first instant the clock's
  (:mod:`.clocks`) running time reaches the duration; met iff the clock stops at
  or before it. Breached once the stop, or ``as_of`` before one, is after it:
  also when no running time passed the duration (it ran out just as the
  calendar closed, or the clock paused, and the stop came while nothing
  counted; the step says the stop came ``after due``), so a status never turns
  from breached to met as ``as_of`` moves on, and ``sla serve``'s breach alert
  (a second after the due instant) agrees. ``paused`` when paused at ``as_of``
  (no due time: it moves while paused; unless its time ran out just as it
  paused, judged at that very instant: due then); ``at_risk`` when the running
  time reaches the clock's warning threshold; ``not_applicable`` when the clock
  never started (a chat target on an incident without a chat); ``cancelled`` when
  the clock was cancelled (``cancels at``) at or before its due instant. The due
  time of one whose time has not run out is the rest of the duration counted on
  from when the clock last began to run (``Life.since``: its start, reset,
  restart or resume), so judged as of the very instant the clock resumes it is
  the due time of a second later, not one counted on from the stretch before the
  pause. A target met while its clock was paused (it stopped then, or the
  incident completed) has no due time, as a paused one has none: it moved while
  paused (the due time counted on from the stretch before the pause fell before
  the stop). One whose time ran out before or as it paused is due when it ran
  out: stopped later, while paused, it is breached.
* ``not due at A until B`` (:mod:`.holds`): the due instant D is the one without holds; a cycle that ends
  at E (its stop, cancel or reset, or ``as_of``) is breached iff H < E, H the first instant at or after D
  no hold holds. The verdict keeps ``due`` = D and says the breach at H (``breached_at``: the violation's
  instant, the summary's settling instant); a cycle that ends in the hold is met (``held_met``, a step
  says its due time passed while not due), and one still held at ``as_of`` is ``open``, without warning.
* ``..., plus E if received outside CAL hours`` (Request Tracker's ``OutOfHours``): each
  cycle of the clock (its start, each reset or restart) that starts outside the open hours
  of calendar CAL (``Rules.is_business``: a start at the close is outside) has D + E of
  running time, the others D; the checker makes E count the same kind of time as D. The
  verdict's ``target_s`` is the judged cycle's (the one that ran out, else the last), and
  a step says the extra was applied.
* The verdict is of one cycle of its clock (the first that ran out, else the last). Of a clock with
  several (a reset or restart), every cycle is kept beside it (``TargetVerdict.cycles``, :func:`_cycles`:
  its start, end, due instant, out-of-hours time and outcome, the judged one with the verdict's), out of
  the JSON, for ``sla explain`` to say each: a reply clock's met earlier exchange was said nowhere.
* ``respond``/``resolve``/``first reply`` ``by end of Nth CAL day`` (or ``by HH:MM of ...``): due at
  that instant of the nth business day after the day each cycle starts (:mod:`.day_targets`), a
  wall-clock instant no pause moves (``sla check`` refuses it on a clock that pauses, E225); met iff the
  cycle stops at or before it; ``at_risk`` on the business time of CAL, as the plain ``respond by end
  of`` (:func:`_by_day`). The row keeps the judged cycle's start (``cycle_start``, out of the JSON), and so
  does a breach's ``target``, from which ``sla explain`` and the violations table say why a time it names
  is due at another (that day closes earlier).
* ``update every D by E``: while the clock runs, an E at least every D of
  running time, counted from the clock start and from each E. Each update is
  due at the first instant the running time since the last one reaches D; an E
  (or the clock's stop, or ``as_of`` before one) after that instant is a missed
  update, in closed hours too; the first one fixes the breach instant. Each window
  between two updates is walked from the first running segment that ends after
  its start (a bisection on the segments' ends), not from the clock's first
  segment: the judge reads each segment for the windows it overlaps only, in
  time linear in the pauses and updates (it was their product), adding the
  same seconds in the same order, so to the same verdicts, due times and steps.
* ``at risk at 50%, 75% of target``: an open target is ``at_risk`` from the first threshold, its row naming
  the last one passed (``risk_percent``); of a clock with one or several, each threshold's instant
  (``risk_at``, for ``sla explain``) of every kind (``within``, ``update every``, day-based) comes from
  :mod:`.risk_times`, as ``sla serve``'s alerts do.
* Versions, reprioritisation and Article 4: the incident's version (at its
  clock start) and its last priority give the targets, measured from the
  clocks' own starts; an excluded cause makes every target ``excluded``. A
  reprioritisation that version cannot apply (:mod:`.incidents`) changed no
  priority, so no clock sees it: it does not reset one (``resets at
  incident.reprioritized``), nor start, stop, pause, resume, restart or cancel
  one (:func:`.incidents.applied_only`).
* A breach whose instant lies in the period is a violation
  (``target_breached``, or ``notice_breached`` for a notification rule).
* An event a clock would have acted on that comes after the incident's completion (a reopen the
  clock ``restarts at``), or a clock start after it, is never read (:mod:`.clocks`): said as a
  ``data`` note (``clock_after_completion``), once per incident and record, naming the first
  clock that misses it.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple, cast

from ..events.schema import TYPES, Rec
from ..i18n import LANGS
from ..lang import model as m
from ..lang.plain import as_timedelta
from ..report import (
    BreachedTarget,
    ClockStep,
    CycleStep,
    DataNote,
    OutOfHoursStep,
    RiskStep,
    Violation,
)
from ..report.settled import target_in_summary
from .clocks import ClockCodes, Cycle, Life, Told, clock_codes, live
from .common import Ctx, Memo, Rules, art, code_of, fmt_span, short
from .day_targets import cycle_due, day_syntax
from .holds import held_until, is_held
from .incidents import Incident, applied_only, completion_codes, in_period
from .risk_times import Risk, add_running, clock_risks, day_risks, last_passed, run_of
from .select import REPORTED, Unmet, applies_text, not_for

_WORD = {"respond": "response", "resolve": "resolution", "first_reply": "first reply", "update": "update"}


@dataclass(slots=True)
class TargetVerdict:
    """One target's verdict on one incident, as instants (rendered by :func:`rows`)."""

    name: str
    kind: str
    clock: str | None
    status: str
    due: float | None
    met_at: float | None
    target_s: float
    used_s: float | None
    missed: int = 0
    ref: str | None = None
    #: (instant or None, text, article) per explanation step, after the clock's (its ``story``, :func:`_steps`)
    steps: list[tuple[float | None, str, str | None]] = field(default_factory=list)
    #: the version that judged it (turns instants into datetimes in :meth:`view` and :func:`rows`)
    rules: Rules | None = None
    #: a notify rule's ``when`` that the incident does not meet (issue 13)
    unmet: Unmet | None = None
    #: what the target's clock did (:class:`.clocks.Told`): the explanation's first steps, and ``sla explain``'s
    story: tuple[Told, ...] = ()
    #: a breached target's clock was cancelled after it ran out (``cancels at``): when
    cancelled_at: float | None = None
    #: a breached target's clock was reset (``resets at``) after it ran out, while it still ran: when
    reset_at: float | None = None
    #: the judged cycle started outside its calendar's open hours: (its start, the calendar, the seconds
    #: added), for ``sla explain``
    out_of_hours: tuple[float, str, float] | None = None
    #: ``at_risk``: the last warning threshold of the clock passed (percent of the target)
    risk_percent: float | None = None
    #: (threshold, instant) of each warning threshold of a clock with several, for ``sla explain``
    risk_at: tuple[tuple[float, float], ...] = ()
    #: a day-based target: the start of the judged cycle, whose day its due instant is counted from (``sla
    #: explain`` says when that day's hours kept a ``by 16:00 of ...`` at another time)
    cycle_start: float | None = None
    #: each cycle of a clock that has several (a reset or restart), for ``sla explain``: :class:`Cyc`
    cycles: tuple[Cyc, ...] = ()
    #: a breach whose due time passed while the clock was not due (``not due at``): the instant the hold ended,
    #: when the breach is said (the violation's instant); None: at the due time
    breached_at: float | None = None
    #: met though its due time passed: it passed while the clock was not due, and the clock stopped before the
    #: hold ended
    held_met: bool = False

    def view(self) -> TargetView:
        """What the report's tables read, without building the row (a year's log has many)."""
        rules = self.rules
        assert rules is not None
        due = rules.dt(self.due) if self.due is not None else None
        used = self.used_s / 60 if self.used_s is not None else None
        at = rules.dt(self.breached_at) if self.breached_at is not None else None
        return TargetView(
            self.name,
            self.kind,
            self.clock,
            self.status,
            due,
            self.target_s / 60,
            used,
            self.missed,
            self.risk_percent,
            at,
        )


class Cyc(NamedTuple):
    """One cycle of a target's clock, for ``sla explain`` (:class:`~sla_dsl.report.CycleStep`): its start, its
    end (its stop, cancel, or the reset that cut it; None when it runs or is paused at ``as_of``), its outcome,
    its due instant (None when none was in force), the out-of-hours seconds added to it (and the calendar
    whose open hours it started outside of), and whether the target's verdict is of it."""

    start: float
    end: float | None
    status: str
    due: float | None
    extra_s: float
    calendar: str
    judged: bool


class TargetView(NamedTuple):
    """A target's verdict as the report's tables read it (the fields of ``TargetRow`` they use)."""

    name: str
    kind: str
    clock: str | None
    status: str
    due: dt.datetime | None
    target_minutes: float
    used_minutes: float | None
    missed: int
    at_risk_percent: float | None = None
    #: a breach whose due time passed in a hold (``not due at``): when it is said (None: at ``due``)
    breached_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class Of:
    """What one version says about named targets: its clocks and incident notification rules."""

    clocks: dict[str, ClockCodes]
    notify: tuple[tuple[m.Notify, int, int], ...]


def targets_of(rules: Rules) -> Of:
    """The clocks and incident notification rules of a version, as event codes (memoised on the version)."""
    return rules.memo(_OF)


def _of(rules: Rules) -> Of:
    """:func:`targets_of`, worked out."""
    clocks = {c.name: clock_codes(c) for c in rules.model.clocks}
    notify = tuple(
        (n, a, b)
        for n in rules.model.notifications
        if n.after.startswith("incident.")
        and (a := code_of(n.after, "incident")) is not None
        and (b := code_of(n.met_by, "incident")) is not None
    )
    return Of(clocks, notify)


_OF: Memo[Of] = Memo(_of)


def has_targets(rules: Rules, priority: str) -> bool:
    """Whether incidents of ``priority`` under this version have targets judged here."""
    pri = rules.priorities.get(priority)
    return bool(pri is not None and pri.targets) or bool(targets_of(rules).notify)


def judge_targets(ctx: Ctx, inc: Incident, recs: list[Rec]) -> tuple[TargetVerdict, ...]:
    """Judge the named targets and incident notification rules of one incident (after its completion)."""
    rules = inc.rules
    pri = rules.priorities[inc.priority]
    of = targets_of(rules)
    if not pri.targets and not of.notify:
        return ()
    excl = rules.exclusions.get(inc.cause) if inc.cause is not None else None
    lives: dict[str, Life] = {}
    seen = applied_only(inc, recs)  # (a reprioritisation not applied acts on no clock)
    out: list[TargetVerdict] = []
    ref = art(pri.ref)
    noted: set[tuple[float, int, int]] = set()  # (records said unread after the completion: once each)
    for t in pri.targets:
        # (a day-based target has no fixed length: its cycle's business time to the due instant, once judged)
        target_s = target_seconds(rules, t.duration) if t.duration is not None else 0.0
        if excl is not None:
            out.append(_excluded(t.kind, t.kind, t.clock, target_s, inc.cause, art(excl.ref)))
            continue
        life = lives.get(t.clock)
        if life is None:
            life = lives[t.clock] = live(of.clocks[t.clock], seen, inc.completed, ctx.as_of)
            r = life.after_completion
            if r is not None and (r[0], r[1], r[3]) not in noted:
                noted.add((r[0], r[1], r[3]))
                ctx.bad_data(inc.id, _after_completion(inc, recs, t.clock, r), r[3], r[0])
        judge = _update if t.kind == "update" else _within if t.by_day is None else _by_day
        v = judge(ctx, rules, t, life, recs, target_s, ref)
        if life.earlier and t.kind != "update":  # (an update's misses in every cycle are its own steps)
            v.cycles = _cycles(rules, t, life, target_s, ctx.as_of, v)
        v.story = tuple(life.story)  # (its steps open the explanation: worded when the row is, :func:`_row`)
        out.append(v)
        at = v.breached_at if v.breached_at is not None else v.due
        if v.status == "breached" and at is not None and in_period(ctx, at, inc.completed):
            ctx.violations.append(_violation(rules, inc, v, "target_breached"))
    for n, after, met_by in of.notify:
        target_s = target_seconds(rules, n.within)
        if excl is not None:
            out.append(_excluded(n.name, "notify", None, target_s, inc.cause, art(excl.ref)))
            continue
        # `when plan = premium` (issue 13), on the attributes in force, as the priority's rule is chosen
        why_not = not_for(rules, n.when, recs, REPORTED, inc.attributes)
        if why_not is not None:
            v = TargetVerdict(n.name, "notify", None, "not_applicable", None, None, target_s, None, ref=art(n.ref))
            v.steps.append((None, f"notification `{n.name}` {why_not.text}", art(n.ref)))
            v.unmet = why_not
            out.append(v)
            continue
        v = _notify(ctx, rules, n, after, met_by, recs, target_s)
        said = applies_text(rules, n.when, recs, REPORTED, inc.attributes)
        if said is not None:
            v.steps.insert(0, (None, f"notification `{n.name}`: {said}", art(n.ref)))
        out.append(v)
        if v.status == "breached" and v.due is not None and in_period(ctx, v.due, inc.completed):
            ctx.violations.append(_violation(rules, inc, v, "notice_breached", n))
    for v in out:
        v.rules = rules
    return tuple(out)


def _after_completion(inc: Incident, recs: list[Rec], clock: str, r: Rec) -> DataNote:
    """The ``data`` note of a record ``clock`` would have acted on, after the incident's completion: the
    clock by its label, the completion's instant and the event that made it (none: the silence rule)."""
    rules = inc.rules
    assert inc.completed is not None
    by = ""
    if inc.completion == "resolved":
        on = completion_codes(rules, rules.priorities[inc.priority].completion)[0]
        by = next((TYPES[x[1]] for x in recs if x[0] == inc.completed and x[1] in on), "")
    rule = next((c for c in rules.model.clocks if c.name == clock), None)
    label = {lang: text for lang in LANGS if rule is not None and (text := rule.label.text(lang))}
    return DataNote(
        what="clock_after_completion",
        event=TYPES[r[1]],
        clock=clock,
        clock_label=label,
        completed=rules.dt(inc.completed),
        completed_by=by,
    )


def target_seconds(rules: Rules, d: m.Duration) -> float:
    """A target's duration in seconds of business time (of elapsed time, a month as 28 days)."""
    return rules.delta_seconds(d) if d.calendar is not None else as_timedelta(d).total_seconds()


def _running(
    rules: Rules, segs: list[tuple[float, float]], x: float, y: float, cal: str | None, ends: list[float] | None = None
) -> float:
    """Running time of the clock in [x, y). With ``ends`` (the ends of ``segs``, :func:`_ends`) the walk
    starts at the first segment that ends after ``x`` (found by bisection), not at the first one."""
    total = 0.0
    for k in range(0 if ends is None else bisect_right(ends, x), len(segs)):
        a, b = segs[k]
        if a >= y:  # (the segments are in time order: none later counts either)
            break
        lo, hi = max(a, x), min(b, y)
        if hi > lo:
            total += rules.between(lo, hi, cal)
    return total


def _reach(
    rules: Rules,
    segs: list[tuple[float, float]],
    x: float,
    need: float,
    cal: str | None,
    ends: list[float] | None = None,
) -> float | None:
    """The first instant the running time counted from ``x`` reaches ``need``, if it does within ``segs``
    (``ends`` as for :func:`_running`): the instant the target's time runs out, also when a stretch of
    counting ended just then (a pause, a calendar's close) and the clock ran again only later."""
    acc = 0.0
    for k in range(0 if ends is None else bisect_right(ends, x), len(segs)):
        a, b = segs[k]
        lo = max(a, x)
        if b <= lo:
            continue
        s = rules.between(lo, b, cal)
        if acc + s >= need:
            return add_running(rules, lo, need - acc, cal)
        acc += s
    return None


def _ends(segs: list[tuple[float, float]]) -> list[float]:
    """The ends of a clock's running segments (in time order, none overlapping another: :func:`.clocks.live`
    makes them so), to bisect for the first segment of a window."""
    return [b for _, b in segs]


def _reached(rules: Rules, segs: list[tuple[float, float]], need: float, cal: str | None) -> float:
    """The first instant the running time of ``segs`` reaches ``need`` (which they reach)."""
    acc = 0.0
    for a, b in segs:
        s = rules.between(a, b, cal)
        if acc + s >= need:
            return add_running(rules, a, need - acc, cal)
        acc += s
    raise AssertionError("the segments do not reach the target")


def _cycle_target(rules: Rules, t: m.ClockTarget, start: float, target_s: float) -> tuple[float, float]:
    """The target's seconds for a cycle of its clock that starts at ``start``, and the seconds of it added
    because the cycle started outside the open hours of the out-of-hours calendar (0 when not)."""
    ooh = t.out_of_hours
    if ooh is None or rules.is_business(start, ooh.calendar):
        return target_s, 0.0
    extra = target_seconds(rules, ooh.extra)
    return target_s + extra, extra


def _opened(t: m.ClockTarget, life: Life, target_s: float, ref: str | None) -> TargetVerdict:
    """A respond, resolve or first-reply target's verdict before it is judged: ``open``, met at the clock's
    stop unless cancelled (a cancel meets nothing); ``not_applicable`` with its step if the clock never
    started."""
    met_at = life.stopped_at if not life.cancelled else None
    v = TargetVerdict(t.kind, t.kind, t.clock, "open", None, met_at, target_s, None, ref=ref)
    if life.start is None:
        v.status = "not_applicable"
        v.steps.append((None, f"clock `{t.clock}` has not started: the {_WORD[t.kind]} target does not apply", ref))
    return v


def _within(
    ctx: Ctx, rules: Rules, t: m.ClockTarget, life: Life, recs: list[Rec], target_s: float, ref: str | None
) -> TargetVerdict:
    assert t.duration is not None  # (a target not due on a business day has a duration)
    cal = t.duration.calendar
    word = _WORD[t.kind]
    v = _opened(t, life, target_s, ref)
    if life.start is None:
        return v
    fmt = rules.fmt

    def judged(start: float) -> str:
        """The judged cycle's target (``target_s``, with its out-of-hours extra) and the ``say`` for it."""
        v.target_s, extra = _cycle_target(rules, t, start, target_s)
        if not extra or t.out_of_hours is None:
            return f"{word} within {t.duration} of running time on clock `{t.clock}`"
        ooh = t.out_of_hours
        v.out_of_hours = (start, ooh.calendar, extra)
        v.steps.append(
            (start, f"clock `{t.clock}` started {fmt(start)}, outside {ooh.calendar} hours: {ooh.extra} added", ref)
        )
        return f"{word} within {t.duration} plus {ooh.extra} of running time on clock `{t.clock}`"

    # a life before a reset that ran past the target stays breached: a reset restarts the clock, it does
    # not undo a breach (Jira keeps each cycle's result), and a longer period never unsays a shorter one
    for cycle in life.earlier:
        need, _ = _cycle_target(rules, t, cycle.start, target_s)
        ran_out = _reach(rules, list(cycle.segments), cycle.start, need, cal)
        # (ended at its due instant, or when a hold it fell in ended: met, or withdrawn)
        if ran_out is not None and cycle.end > held_until(life.holds, ran_out):
            say = judged(cycle.start)
            v.status, v.due = "breached", ran_out
            v.used_s = _running(rules, list(cycle.segments), cycle.start, cycle.end, cal)
            # the breached cycle's own end (a later cycle's stop is not this one's): its stop, its cancel,
            # or the reset that cut it while it ran; after due, though no running time passed the target
            before = _breached_cycle(v, cycle, fmt, ", after due" if v.used_s <= need else "")
            v.steps.append((ran_out, f"{say} ran out {fmt(ran_out)}, {before}: breached", ref))
            v.breached_at = _held_breach(v, life, ran_out, fmt, ref)
            return v
    say = judged(life.start)
    target_s = v.target_s
    used = 0.0
    for a, b in life.segments:
        used += rules.between(a, b, cal)
    v.used_s = used
    # the due instant once the running time has reached the target: the first instant it did (at the end of
    # an earlier stretch when one ended just on it: a pause, or a calendar's close). Met iff the clock stops
    # at or before it: a stop after it is late though no running time passed the target (it came while
    # nothing counted); judged before the stop, the target is breached once ``as_of`` is past it.
    ran_out = _reached(rules, life.segments, target_s, cal) if used >= target_s else None
    end = life.stopped_at if life.stopped_at is not None else ctx.as_of
    # (``not due at``: due time passed in a hold; breached only once the clock runs past the hold's end)
    held = ran_out is not None and end > ran_out and end <= held_until(life.holds, ran_out)
    if ran_out is not None and end > ran_out and not held:
        v.status, v.due = "breached", ran_out
        how = "cancelled" if life.cancelled else "stopped"
        after = ", after due" if used <= target_s else ""  # (the stop came while nothing counted)
        late = f"; {how} {fmt(life.stopped_at)}{after}" if life.stopped_at is not None else ""
        v.cancelled_at = life.stopped_at if life.cancelled else None
        v.steps.append((ran_out, f"{say} ran out {fmt(ran_out)}{late}: breached", ref))
        v.breached_at = _held_breach(v, life, ran_out, fmt, ref)
    elif life.cancelled and life.stopped_at is not None:  # (ServiceNow's cancel: neither met nor breached)
        v.status = "cancelled"
        withdrawn = life.stopped_at
        v.steps.append((withdrawn, f"{say}: {fmt_span(used)} used, withdrawn {fmt(withdrawn)}: cancelled", ref))
    elif life.state == "paused":
        # no due time while paused, unless the time ran out just as it paused (judged at that very instant)
        v.status, v.due = "paused", ran_out
        v.steps.append(
            (
                None,
                f"{say}: {fmt_span(used)} used, paused as of {fmt(ctx.as_of)} "
                f"waiting for {' or '.join(life.waiting_for)}: paused",
                ref,
            )
        )
    elif life.paused_at_stop:
        # stopped while paused (its stop, or the incident's completion): no due time was in force then, as
        # judged a moment before it was paused with none (not one counted on from the stretch before the
        # pause), unless its time ran out at the very instant of the stop
        v.status, v.due, stop = "met", ran_out, life.stopped_at
        assert stop is not None  # (stopped)
        v.steps.append((stop, f"{say}: {fmt_span(used)} used, stopped {fmt(stop)} while paused: met", ref))
    else:
        if ran_out is not None:  # (reached at the stop, or at ``as_of``: due then)
            v.due = ran_out
        else:
            # counted on from the clock's last stretch, from when it last began to run (not from the last
            # segment: as of the very instant it resumes, the new stretch has none yet)
            since = life.since if life.since is not None else life.start
            ran = _running(rules, life.segments, life.start, since, cal)
            v.due = add_running(rules, since, target_s - ran, cal)
        if life.state == "stopped":
            v.status, v.held_met = "met", held
            passed = ", passed while not due" if held else ""
            v.steps.append((life.stopped_at, f"{say} (due {fmt(v.due)}{passed}): {fmt_span(used)} used: met", ref))
        elif is_held(life.holds, ctx.as_of):  # (not due as of now: open, no warning)
            v.status = "open"
            v.steps.append((v.due, f"{say}: due {fmt(v.due)}; not due as of {fmt(ctx.as_of)}: open", ref))
        else:
            _risk_status(rules, v, t.clock, 100.0 * used / target_s)
            if ran_out is None:
                v.risk_at = _clock_instants(rules, t.clock, life.story, None, target_s, cal)
            v.steps.append(
                (v.due, f"{say}: due {fmt(v.due)}; {fmt_span(used)} used as of {fmt(ctx.as_of)}: {v.status}", ref)
            )
    return v


def _by_day(
    ctx: Ctx, rules: Rules, t: m.ClockTarget, life: Life, recs: list[Rec], target_s: float, ref: str | None
) -> TargetVerdict:
    """A day-based target (:mod:`.day_targets`): due at an instant of the nth business day after the day each
    cycle of the clock starts; met iff the cycle stops at or before it (``sla check`` refuses it on a clock
    that pauses). ``target_s`` and ``used_s``: business time of its calendar from the cycle's start to the
    due instant, and to the stop (or ``as_of``)."""
    day = t.by_day
    assert day is not None
    cal = day.calendar
    word = _WORD[t.kind]
    v = _opened(t, life, target_s, ref)
    if life.start is None:
        return v
    fmt = rules.fmt
    say = f"{word} by {day_syntax(day)} on clock `{t.clock}`"
    # a cycle before a reset or restart that ran past its due instant stays breached (as for `within`)
    for cycle in life.earlier:
        due = cycle_due(rules, day, cycle.start)
        if cycle.end > due:
            v.status, v.due, v.cycle_start = "breached", due, cycle.start
            v.target_s = rules.between(cycle.start, due, cal)
            v.used_s = rules.between(cycle.start, cycle.end, cal)
            before = _breached_cycle(v, cycle, fmt)
            v.steps.append((due, f"{say} (started {fmt(cycle.start)}): due {fmt(due)}, {before}: breached", ref))
            return v
    start = v.cycle_start = life.start
    due = v.due = cycle_due(rules, day, start)
    v.target_s = rules.between(start, due, cal)
    end = life.stopped_at if life.stopped_at is not None else ctx.as_of
    v.used_s = rules.between(start, end, cal)
    head = f"{say} (started {fmt(start)}): due {fmt(due)}"
    if end > due:
        v.status = "breached"
        how = "cancelled" if life.cancelled else "stopped"
        late = f"{how} {fmt(end)}" if life.stopped_at is not None else f"not stopped as of {fmt(end)}"
        v.cancelled_at = life.stopped_at if life.cancelled else None
        v.steps.append((due, f"{head}, {late}: breached", ref))
    elif life.cancelled:  # (ServiceNow's cancel: neither met nor breached)
        v.status, v.due = "cancelled", None
        v.steps.append((end, f"{head}, withdrawn {fmt(end)}: cancelled", ref))
    elif life.stopped_at is not None:
        v.status = "met"
        v.steps.append((end, f"{head}, stopped {fmt(end)}: met", ref))
    else:
        _risk_status(rules, v, t.clock, 100.0 * v.used_s / v.target_s if v.target_s > 0 else 100.0)
        pcts = life_risks(rules, t.clock)
        if pcts:  # (each threshold's instant, for ``sla explain``, as ``sla serve`` alerts it)
            v.risk_at = tuple(day_risks(rules, pcts, start, due, cal))
        v.steps.append((due, f"{head}; {fmt_span(v.used_s)} used as of {fmt(end)}: {v.status}", ref))
    return v


def _cycles(
    rules: Rules, t: m.ClockTarget, life: Life, target_s: float, as_of: float, v: TargetVerdict
) -> tuple[Cyc, ...]:
    """Each cycle of a clock that has several (a reset or restart), in time order, with its own due instant and
    outcome as the target's rule reads it (:func:`_within`, :func:`_by_day`), for ``sla explain``: the verdict
    is of one cycle (the first that ran out, else the last); the others, a met earlier exchange of a reply
    clock too, are said from these. The judged one takes the verdict's status and due instant."""
    out: list[Cyc] = []
    calendar = t.out_of_hours.calendar if t.out_of_hours is not None else ""
    assert life.start is not None  # (a clock with a cycle before its last has started)
    last = Cycle(life.start, as_of, tuple(life.segments), "reset", life.cancelled)  # (its end: from ``life``)
    for k, c in enumerate((*life.earlier, last)):
        current = k == len(life.earlier)
        end = c.end if not current else life.stopped_at
        stopped = c.stopped if not current else life.state == "stopped"
        paused = c.paused if not current else life.paused_at_stop or life.state == "paused"
        since = c.since if not current else life.since
        upto = end if end is not None else as_of
        extra = 0.0
        if t.by_day is not None:
            due: float | None = cycle_due(rules, t.by_day, c.start)
            ran_out = due
        else:
            assert t.duration is not None  # (a target not due on a business day has a duration)
            cal = t.duration.calendar
            need, extra = _cycle_target(rules, t, c.start, target_s)
            due = ran_out = _reach(rules, list(c.segments), c.start, need, cal)
            if due is None and not paused:  # counted on from when it last began to run, as ``_within`` does
                begun = since if since is not None else c.start
                due = add_running(rules, begun, need - _running(rules, list(c.segments), c.start, begun, cal), cal)
        if ran_out is not None and upto > held_until(life.holds, ran_out):
            status = "breached"
        elif c.cancelled and stopped:
            status, due = "cancelled", None
        elif stopped:
            status = "met"
        else:
            status = "paused" if current and paused else "open" if current else "reset"
        out.append(Cyc(c.start, end, status, due, extra, calendar, False))
    # the cycle the verdict is of: the first that ran out before its end, else the last (:func:`_within`)
    judged = next((k for k, c in enumerate(out[:-1]) if c.status == "breached"), len(out) - 1)
    out[judged] = out[judged]._replace(status=v.status, due=v.due, judged=True)
    return tuple(out)


def life_risk(rules: Rules, clock: str) -> float | None:
    """The (first, lowest) warning threshold (percent of the target) of a clock."""
    return next((c.at_risk_percent for c in rules.model.clocks if c.name == clock), None)


def life_risks(rules: Rules, clock: str) -> tuple[float, ...]:
    """Every warning threshold (percent of the target) of a clock, lowest first."""
    return next((c.risk_thresholds for c in rules.model.clocks if c.name == clock), ())


def _clock_instants(
    rules: Rules, clock: str, story: list[Told], met_at: float | None, target_s: float, cal: str | None
) -> tuple[Risk, ...]:
    """(threshold, instant) of each warning threshold of a clock (one or several), for ``sla explain``: when
    the running time since the clock's current start (``update``: since the last update, ``met_at``) reached,
    or running on reaches, that share of the target, as ``sla serve`` alerts it (:mod:`.risk_times`);
    none for a clock without one."""
    pcts = life_risks(rules, clock)
    run = run_of(story) if pcts else None
    if run is None:
        return ()
    since = max(run.start, met_at) if met_at is not None else run.start
    return tuple(clock_risks(rules, pcts, run, since, target_s, cal)[1])


def _held_breach(
    v: TargetVerdict, life: Life, ran_out: float, fmt: Callable[[float], str], ref: str | None
) -> float | None:
    """The instant a breach is said when its due time ``ran_out`` fell in a hold (``not due at``): when the
    hold ended, said in a step; None when it fell in none (said at the due time)."""
    h = held_until(life.holds, ran_out)
    if h == ran_out:
        return None
    v.steps.append((h, f"due time {fmt(ran_out)} passed while not due; due again {fmt(h)}", ref))
    return h


def _breached_cycle(v: TargetVerdict, cycle: Cycle, fmt: Callable[[float], str], after: str = "") -> str:
    """A cycle before a reset or restart that ran past its due instant: the verdict takes that cycle's own end
    (its stop, its cancel, or the reset that cut it while it ran; a later cycle's stop is not this one's), and
    the words for that end, ``after`` following a stop or cancel."""
    v.met_at = cycle.end if cycle.stopped and not cycle.cancelled else None
    v.cancelled_at = cycle.end if cycle.cancelled else None
    v.reset_at = None if cycle.stopped else cycle.end
    if cycle.stopped:
        return f"{'cancelled' if cycle.cancelled else 'stopped'} {fmt(cycle.end)}{after}"
    return f"before the reset {fmt(cycle.end)}"


def _risk_status(rules: Rules, v: TargetVerdict, clock: str, used: float) -> None:
    """An open target's status from the percent of its time ``used``: ``at_risk`` from the clock's first
    warning threshold, with the last threshold passed; else ``open``."""
    v.risk_percent = last_passed(life_risks(rules, clock), used)
    v.status = "at_risk" if v.risk_percent is not None else "open"


def _update(
    ctx: Ctx, rules: Rules, t: m.ClockTarget, life: Life, recs: list[Rec], target_s: float, ref: str | None
) -> TargetVerdict:
    assert t.duration is not None  # (a target not due on a business day has a duration)
    cal = t.duration.calendar
    by = {c for n in t.by if (c := code_of(n, "incident")) is not None}
    v = TargetVerdict(t.kind, t.kind, t.clock, "open", None, None, target_s, None, ref=ref)
    names = " or ".join(short(n) for n in t.by)
    if life.start is None:
        v.status = "not_applicable"
        v.steps.append((None, f"clock `{t.clock}` has not started: the update target does not apply", ref))
        return v
    end = life.stopped_at if life.stopped_at is not None else ctx.as_of
    fmt = rules.fmt
    first_miss: float | None = None
    used = 0.0
    # every life of the clock, those before a reset included: a miss before a reset stays a miss
    lives = [(c.start, c.end, list(c.segments)) for c in life.earlier] + [(life.start, end, life.segments)]
    # (one pass over each life: every window [since, u) starts its walk at the first segment ending after
    # ``since``, so each segment is read by the windows it overlaps only, not by every later one)
    sent = [r[0] for r in recs if r[1] in by]  # (in time order, as the records)
    ran_out: float | None = None  # (the last window's due instant, once its running time reached the interval)
    for start, stop, segs in lives:
        updates = sent[bisect_left(sent, start) : bisect_right(sent, stop)]
        ends = _ends(segs)
        since = start
        for k, u in enumerate([*updates, stop]):
            used = _running(rules, segs, since, u, cal, ends)
            # missed when the update (or the clock's stop, or ``as_of``) comes after the instant the running
            # time since the last one reached the interval: also when it comes while nothing counts
            ran_out = _reach(rules, segs, since, target_s, cal, ends) if used >= target_s else None
            if ran_out is not None and u > ran_out:
                v.missed += 1
                first_miss = first_miss if first_miss is not None else ran_out
                v.steps.append(
                    (ran_out, f"no {names} within {t.duration} of running time after {fmt(since)}: missed", ref)
                )
            if k < len(updates):
                v.met_at = since = u
    v.used_s = used
    say = f"an update ({names}) every {t.duration} of running time on clock `{t.clock}`"
    if v.missed:
        v.status, v.due = "breached", first_miss
        v.steps.append((first_miss, f"{say}: {v.missed} missed: breached", ref))
        v.cancelled_at = life.stopped_at if life.cancelled else None
    elif life.cancelled and life.stopped_at is not None:
        v.status = "cancelled"
        v.steps.append((life.stopped_at, f"{say}: withdrawn {fmt(life.stopped_at)}: cancelled", ref))
    elif life.state == "stopped":
        v.status = "met"
        v.steps.append((life.stopped_at, f"{say}: every update in time: met", ref))
    elif life.state == "paused":
        # no due time while paused, unless the interval ran out just as it paused (judged at that very instant)
        v.status, v.due = "paused", ran_out
        v.steps.append((None, f"{say}: {fmt_span(used)} since the last, paused as of {fmt(ctx.as_of)}", ref))
    else:
        v.due = ran_out if ran_out is not None else add_running(rules, ctx.as_of, target_s - used, cal)
        _risk_status(rules, v, t.clock, 100.0 * used / target_s)
        if ran_out is None:  # (the interval since the last update, or the clock's start)
            v.risk_at = _clock_instants(rules, t.clock, life.story, v.met_at, target_s, cal)
        v.steps.append((v.due, f"{say}: next due {fmt(v.due)}: {v.status}", ref))
    return v


def _notify(
    ctx: Ctx, rules: Rules, n: m.Notify, after: int, met_by: int, recs: list[Rec], target_s: float
) -> TargetVerdict:
    ref = art(n.ref)
    cal = n.within.calendar
    v = TargetVerdict(n.name, "notify", None, "not_applicable", None, None, target_s, None, ref=ref)
    start = next((r[0] for r in recs if r[1] == after), None)
    fmt = rules.fmt
    if start is None:
        v.steps.append((None, f"no {n.after}: the notification target has not started", ref))
        return v
    if n.only_during is not None and not rules.is_business(start, n.only_during):
        v.steps.append((start, f"{short(n.after)} {fmt(start)}, outside {n.only_during} hours: does not apply", ref))
        return v
    met = next((r[0] for r in recs if r[1] == met_by and r[0] >= start), None)
    due = v.due = rules.add(start, n.within)
    v.met_at = met
    v.used_s = rules.between(start, min(met if met is not None else ctx.as_of, ctx.as_of), cal)
    v.steps.append((due, f"{short(n.after)} {fmt(start)}; {short(n.met_by)} due {fmt(due)} (within {n.within})", ref))
    if met is not None:
        v.status = "met" if met <= due else "breached"
        v.steps.append((met, f"{short(n.met_by)} {fmt(met)}: {v.status}", ref))
    elif ctx.as_of > due:
        v.status = "breached"
        v.steps.append((None, f"no {short(n.met_by)} as of {fmt(ctx.as_of)}: breached", ref))
    else:
        v.status = "open"
        v.steps.append((None, f"no {short(n.met_by)} yet as of {fmt(ctx.as_of)}: open", ref))
    return v


def _excluded(name: str, kind: str, clock: str | None, target_s: float, cause: str | None, ref: str | None) -> Any:
    v = TargetVerdict(name, kind, clock, "excluded", None, None, target_s, None, ref=ref)
    v.steps.append((None, f"cause `{cause}` is excluded: no target applies", ref))
    return v


def _violation(rules: Rules, inc: Incident, v: TargetVerdict, kind: str, rule: m.Notify | None = None) -> Violation:
    """The violation of a breached target, or of the notification rule ``rule``: its message names the
    rule as the report's violations name it, by its English label (``Acknowledgement due ...``), by its
    name when it has none (``notification `ack` due ...``)."""
    assert v.due is not None
    if rule is None:
        what = f"{inc.priority} {_WORD.get(v.kind, v.name)}"
    else:
        what = rule.label.text("en") or f"notification `{v.name}`"
    if v.kind == "update":
        detail = f"{v.missed} update{'s' if v.missed != 1 else ''} missed"
    elif v.cancelled_at is not None:
        detail = f"cancelled {rules.fmt(v.cancelled_at)}, after it ran out"
    elif v.reset_at is not None:
        detail = f"reset {rules.fmt(v.reset_at)}, after it ran out"
    elif v.met_at is not None:
        detail = f"{'stopped' if v.kind != 'notify' else 'sent'} {rules.fmt(v.met_at)}"
    else:
        detail = "none sent" if v.kind == "notify" else "not stopped"
    if v.breached_at is not None:
        detail += f" when due again {rules.fmt(v.breached_at)}"
    about = BreachedTarget(
        name=v.name,
        kind=v.kind,
        priority=inc.priority,
        clock=v.clock,
        met_at=rules.dt(v.met_at) if v.met_at is not None else None,
        missed=v.missed,
        cancelled_at=rules.dt(v.cancelled_at) if v.cancelled_at is not None else None,
        reset_at=rules.dt(v.reset_at) if v.reset_at is not None else None,
        cycle_start=rules.dt(v.cycle_start) if v.cycle_start is not None else None,
        held_due=rules.dt(v.due) if v.breached_at is not None else None,
    )
    return Violation(
        kind=kind,
        id=inc.ident,
        message=f"{what} due {rules.fmt(v.due)}: {detail}",
        at=rules.dt(v.breached_at if v.breached_at is not None else v.due),
        ref=v.ref,
        target=about,
    )


def rows(inc: Incident, as_json: bool, start: float, end: float) -> list[dict[str, Any]]:
    """The ``targets`` of an incident's row: ``TargetRow`` values (times as JSON text with ``as_json``), each
    saying whether the summary of a report from ``start`` to ``end`` counts it (``in_summary``)."""
    rules = inc.rules
    return [_row(rules, v, as_json, target_in_summary(inc, v, start, end)) for v in inc.targets]


def _row(rules: Rules, v: TargetVerdict, as_json: bool, counted: bool | None = None) -> dict[str, Any]:
    def at(t: float | None) -> Any:
        return None if t is None else rules.stamp(t, as_json)[1]

    return {
        "name": v.name,
        "kind": v.kind,
        "clock": v.clock,
        "status": v.status,
        "due": at(v.due),
        "met_at": at(v.met_at),
        "target_minutes": v.target_s / 60,
        "used_minutes": v.used_s / 60 if v.used_s is not None else None,
        "missed": v.missed,
        "at_risk_percent": v.risk_percent,
        "ref": v.ref,
        "explain": [{"text": text, "at": at(t), "ref": r} for t, text, r in _steps(rules, v)],
        "in_summary": counted,
    } | (
        {}
        if as_json
        else ({} if v.unmet is None else {"unmet_when": v.unmet.when, "attributes": v.unmet.attributes})
        | ({"clock_steps": [_clock_step(rules, told) for told in v.story]} if v.story else {})
        | ({} if v.out_of_hours is None else {"out_of_hours": _out_of_hours(rules, *v.out_of_hours)})
        | ({} if v.cycle_start is None else {"cycle_start": rules.dt(v.cycle_start)})
        | ({} if v.breached_at is None else {"breached_at": rules.dt(v.breached_at)})
        | ({"held_met": True} if v.held_met else {})
        | ({"cycles": [_cycle(rules, c) for c in v.cycles]} if v.cycles else {})
        | (
            {"risk_steps": [RiskStep.model_construct(at=rules.dt(t), percent=p) for p, t in v.risk_at]}
            if v.risk_at
            else {}
        )
    )


def _steps(rules: Rules, v: TargetVerdict) -> list[tuple[float | None, str, str | None]]:
    """The explanation of a verdict: what its clock did (its story, worded only now: most rows are never
    asked for), then the verdict's own steps."""
    if not v.story:
        return v.steps
    told = [(s.at, f"clock `{v.clock}` {s.text} {rules.fmt(s.at)}", v.ref) for s in v.story]
    return told + v.steps


def _out_of_hours(rules: Rules, start: float, calendar: str, extra_s: float) -> OutOfHoursStep:
    return OutOfHoursStep.model_construct(at=rules.dt(start), calendar=calendar, extra_minutes=extra_s / 60)


def _cycle(rules: Rules, c: Cyc) -> CycleStep:
    ooh = _out_of_hours(rules, c.start, c.calendar, c.extra_s) if c.extra_s else None
    return CycleStep.model_construct(
        at=rules.dt(c.start),
        end=rules.dt(c.end) if c.end is not None else None,
        status=cast(Any, c.status),  # (a target's status, or ``reset``: validated by the row's type)
        due=rules.dt(c.due) if c.due is not None else None,
        out_of_hours=ooh,
        judged=c.judged,
    )


def _clock_step(rules: Rules, told: Told) -> ClockStep:
    return ClockStep.model_construct(at=rules.dt(told.at), act=told.act, event=told.event, until=told.until)
