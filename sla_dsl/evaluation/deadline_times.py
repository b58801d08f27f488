"""Deadlines counted from an event that fall outside the supported years: located problems (E124).

Design notes
------------
* The calendar arithmetic gives results within the supported years only
  (:mod:`sla_dsl.calendars.bounds`): a deadline past them raises
  :class:`~sla_dsl.calendars.bounds.OutOfRangeError`. An incident reported on the
  evening of 2200-12-31 with a target of five business days used to sink the
  whole evaluation deep in the judge, with an English message that named
  neither the line nor the incident. A report cannot show such a deadline, nor
  judge against it: so the event it is counted from is refused, as an event time
  outside the years is (E123).
* **Before anything is judged.** :func:`check_deadlines` runs in the evaluator's
  check of the log (:func:`sla_dsl.evaluation.check_log`), after E120-E123 and
  before the problems are settled: an event whose deadline falls outside is
  problem E124 on its line, raised with every other problem of the log in line
  order, or with ``skip_invalid`` left out (and listed as skipped). So one run
  says every problem, the frame is the other problems' (``file:LINE: error:
  [E124] ...`` and its help line), and the judge never meets such a deadline.
* **The judge's own arithmetic, on the judge's own events.** Each check calls
  what the judge calls (:meth:`~.common.Rules.due`, :meth:`~.common.Rules.add`,
  :func:`.risk_times.add_running`, :func:`.incident_rows.same_day_of`,
  :func:`.outages.notice_deadline`) on the events it counts from, read as the
  judge reads them (in the order of :mod:`.order`, those after ``as_of``
  left out, the version in force and the rules the attributes select, the
  priority in force -- a reprioritisation that version cannot apply is not
  applied, nor does it act on a clock: :func:`.incidents.in_force` --, an
  excluded cause judging nothing): an incident's response due time and
  same-day guideline (from its clock start), its named clock targets (from
  every event that starts or resumes a cycle of the clock, or, for ``update``,
  gives an update: the running time left is never more than the target), its
  notification rules (from the first ``after`` event), an outage's notices
  (likewise), a planned stop's notice deadline (counted back from the start of
  its last announcement, named on that line) and a backup's end of retention
  (from its completion, named on the deletion judged against it). With a
  period, only what the judge of that period computes: the incidents whose
  clock starts before its end, the outages it lists, the deletions in it.
* **Taken out, then checked again.** The refused event leaves the log (and its
  count), as E123's do; an item's events are then checked again, since without
  that event another may count (the clock starts at the next event of the
  rule's preference), until none is refused.
* **Cheap on a good log.** Every deadline only moves later with the instant it
  is counted from. So each family is first checked once, every rule of every
  version from its latest event (a planned stop's notice from its earliest
  start): one pass over its times and a few additions. Only a family that
  fails there is read item by item, and of it (planned stops apart) only the
  items with an event after the latest instant every rule fits from (found by
  bisection, once).
* A completion by silence is not checked: a deadline after the supported years
  never comes within them, so the incident is not completed by it
  (:meth:`.common.Rules.never_after`); nothing is shown for it. The next update
  of an open ``update every`` target, counted from ``as_of``, needs no check of
  its own: it is never later than the one counted from the event that last
  started the clock running or gave an update, which is checked.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
from collections.abc import Callable, Sequence
from itertools import chain
from typing import Any, NamedTuple

import numpy as np

from ..calendars.bounds import FIRST_DATE, LAST_DATE, OutOfRangeError, epoch_text, range_words
from ..events.fast import fast_epoch
from ..events.problems import RowSource, problem
from ..events.schema import CODE, EventLog, Rec
from ..lang import model as m
from ..lang.diagnostics import Both, Words, words
from .clocks import ClockCodes
from .common import Rules, Versions, code_of, wall_us
from .day_targets import day_syntax, target_syntax
from .incident_rows import same_day_of, same_day_ordinal
from .incidents import clock_start, in_force
from .order import settle
from .outages import notice_deadline
from .risk_times import add_running
from .select import Given, attributes_of, changes_of, not_for, read_changes, rules_chosen
from .targets import target_seconds, targets_of

__all__ = ["JudgedPeriod", "check_deadlines"]

REPORTED = CODE["incident.reported"]
STARTED, ENDED = CODE["outage.started"], CODE["outage.ended"]
ANNOUNCED = CODE["stop.announced"]
COMPLETED, DELETED = CODE["backup.completed"], CODE["backup.deleted"]
_AT = operator.itemgetter(0)
#: Two days: the close of a clock's business day is no later than that after the clock starts.
_TWO_DAYS = 2 * 86_400


class Said(NamedTuple):
    """What an E124 says: the deadline (``what``), on which side of the range it falls, the rule as the
    policy writes it, the instant it is counted from (``time``: in the policy's zone, quoted when the log
    cannot give it as written); ``name``: the field that instant is, when not the event's ``at`` (a
    planned stop's ``start``); ``column``: in a table, the column to name when not the one that instant
    is in (see :func:`~sla_dsl.events.problems.problem`); ``given``: the line and field that give the
    instant (``epoch``), to quote it as written (:func:`_quoted`)."""

    what: Words
    side: str
    rule: str
    time: str
    name: str = ""
    column: str | None = None
    given: tuple[int, str] = (0, "at")
    epoch: float = math.nan


#: What one check finds: the record to refuse, and what its problem says.
Found = list[tuple[Rec, Said]]


class JudgedPeriod(NamedTuple):
    """The period a run judges and its ``as_of`` (epoch seconds): what the judge computes."""

    start: float
    end: float
    as_of: float


def check_deadlines(
    versions: Versions,
    log: EventLog,
    period: JudgedPeriod | None = None,
    spans: Sequence[tuple[float, float] | None] = (),
) -> None:
    """File problem E124 for each event a deadline outside the supported years is counted from, and take
    it out of the log. Without ``period`` (a live service's log), every event's deadlines are checked.
    ``spans``: the earliest and latest event time of each group of ``log.groups`` (None: not known), as
    :func:`~.event_times.check_event_times` found them; events taken out since only narrow them."""
    changes: dict[str, list[Given]] | None = None  # (the attributes later events give: read when needed)

    def incident(versions: Versions, period: JudgedPeriod | None, ident: str, recs: list[Rec]) -> Found:
        nonlocal changes
        if changes is None:
            changes = changes_of(versions, log, period.as_of if period is not None else math.inf)
        return _incident(versions, period, ident, recs, changes.get(ident))

    families: tuple[tuple[dict[str, list[Rec]], Callable[[Versions, float, float], bool], _Check], ...] = (
        (log.incidents, _incidents_fit, incident),
        (log.outages, _outages_fit, _outage),
        (log.stops, _stops_fit, _stop),
        (log.backups, _backups_fit, _backup),
    )
    as_of = period.as_of if period is not None else math.inf
    known = {id(g): span for g, span in zip(log.groups, spans, strict=False) if span is not None}
    for group, fits, check in families:
        bounds = known.get(id(group)) or (_bounds(group, starts=group is log.stops) if group else None)
        if bounds is None or fits(versions, *bounds):
            continue
        # (a planned stop's deadline is counted back: each is read; the others' from the latest instant
        # every rule fits from, found once, so only the items with a later event are read)
        safe = -math.inf if group is log.stops else _latest_fitting(versions, fits, *bounds)
        for ident in list(group):
            recs = group[ident]
            if max(map(_AT, recs)) <= safe:
                continue
            left = _refused(log, versions, period, as_of, ident, recs, check)
            if len(left) < len(recs):
                log.keep(group, ident, left)


#: A family's check of one item: its events in order, the events it counts deadlines from that fall outside.
_Check = Callable[[Versions, JudgedPeriod | None, str, list[Rec]], Found]


def _bounds(group: dict[str, list[Rec]], starts: bool) -> tuple[float, float] | None:
    """The earliest and latest instant of a family's events (of a planned stop's, the starts they announce)."""
    recs = chain.from_iterable(group.values())
    if starts:
        times = np.fromiter((r[2][1] for r in recs if len(r[2]) > 1 and r[2][1] is not None), np.float64)
    else:
        times = np.fromiter(map(_AT, recs), np.float64)
    return (float(times.min()), float(times.max())) if times.size else None


def _latest_fitting(versions: Versions, fits: Callable[[Versions, float, float], bool], lo: float, hi: float) -> float:
    """The latest whole second ``t`` in [lo, hi) from which every rule of the family fits (-inf if none):
    a deadline only moves later with its instant, so a bisection finds it."""
    if not fits(versions, lo, lo):
        return -math.inf
    good, bad = lo, hi  # it fits from good, not from bad
    while bad - good > 1:
        mid = float(math.floor((good + bad) / 2))
        if mid <= good:
            break
        good, bad = (mid, bad) if fits(versions, lo, mid) else (good, mid)
    return good


def _refused(
    log: EventLog,
    versions: Versions,
    period: JudgedPeriod | None,
    as_of: float,
    ident: str,
    recs: list[Rec],
    check: _Check,
) -> list[Rec]:
    """The events of one item left once those a deadline outside the range is counted from are filed."""
    left = recs
    while True:
        ordered, _, _ = settle(ident, left, as_of)
        found = check(versions, period, ident, ordered) if ordered else []
        if not found:
            return left
        gone: set[int] = set()
        for r, s in found:
            if id(r) in gone:
                continue
            gone.add(id(r))
            field = {"name": s.name} if s.name else {}  # (locates the time in a table: not shown)
            side = words(f"events.E124.side.{s.side}")
            time = _quoted(log, s)
            log.problems.append(
                problem(
                    log.source,
                    r[3],
                    "E124",
                    words("events.E124", what=s.what, side=side, rule=s.rule, time=time, range=range_words(), **field),
                    words("events.E124.help", range=range_words()),
                    column=s.column,
                )
            )
        left = [r for r in left if id(r) not in gone]


def _raises(compute: Callable[..., object], *args: Any) -> bool:
    """Whether ``compute(*args)`` raises OutOfRangeError (its result is past the supported years)."""
    try:
        compute(*args)
    except OutOfRangeError:
        return True
    return False


def _said(
    side: str, what: Words, rule: str, t: float, rules: Rules, rec: Rec, name: str = "", column: str | None = None
) -> Said:
    """``WHAT falls after the supported years (`RULE` from `TIME`)``, ``TIME`` the instant ``t``, the time
    ``name`` (else ``at``) of ``rec``: as that event gives it (:func:`_quoted`), else in the policy's zone."""
    return Said(what, side, rule, rules.dt(t).isoformat(), name, column, (rec[3], name or "at"), t)


def _quoted(log: EventLog, s: Said) -> str:
    """The time an E124 is counted from as its event gives it (``2200-12-31T20:00:00-05:00``), as E123
    quotes one: the log's cell of its line and field (a table's cell read again, on a Dask or Spark
    worker too; a text log's line read again from its file), when that still gives the instant the log
    holds. A table's row that gives no text holds a ``timestamp`` in UTC (a timestamp of another zone
    reads as its text): quoted in UTC, as its column's zone and E123 have it (``2200-12-31T14:00:00Z``).
    Else the instant in the policy's zone (standard input, an event given as a Python time)."""
    line, field = s.given
    text = log.written(line, field) if line else None
    if text is None and line and isinstance(log.source, RowSource):
        return epoch_text(s.epoch)
    return text if text is not None and _epoch_of(text) == s.epoch else s.time


def _epoch_of(text: str) -> float | None:
    """The instant an event's time ``text`` gives, as the readers read it (None: not a time with an offset)."""
    epoch = fast_epoch(text)
    if epoch is not None:
        return epoch
    try:
        t = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return t.timestamp() if t.utcoffset() is not None else None


# ---- the fast check: every rule of every version from a family's latest event ----------------------


def _incidents_fit(versions: Versions, lo: float, hi: float) -> bool:
    try:
        for rules in versions.rules:
            for p in rules.model.priorities:
                rules.due(p.target, hi)
                if p.same_day is not None and not _same_day_fits(rules, p.same_day, lo, hi):
                    return False
                for t in p.targets:
                    if t.by_day is not None:
                        rules.due(t.by_day, hi)
                    elif t.duration is not None:
                        add_running(rules, hi, _most_running(rules, t), t.duration.calendar)
            for n, _, _ in targets_of(rules).notify:
                rules.add(hi, n.within)
    except OutOfRangeError:
        return False
    return True


def _same_day_fits(rules: Rules, guide: m.SameDayGuideline, lo: float, hi: float) -> bool:
    """Whether the same-day guideline works out for every clock in [lo, hi]: the calendar's local dates
    of the clocks are supported dates (the day a clock is judged on is its date, or the day before when
    that day's overnight shift holds it: :func:`.incident_rows.same_day_ordinal`), and a lead counted in
    months fits after the close of the day. (OutOfRangeError for a lead longer than the supported years.)"""
    tz = rules.calendar(guide.calendar).tz
    if not all(FIRST_DATE <= dt.datetime.fromtimestamp(t, tz).date() <= LAST_DATE for t in (lo, hi)):
        return False
    lead = guide.before_close
    if lead.calendar is not None:
        rules.delta_seconds(lead)
    elif lead.unit is m.TimeUnit.MONTH:
        rules.add(hi + _TWO_DAYS, lead)
    return True


def _outages_fit(versions: Versions, lo: float, hi: float) -> bool:
    return not any(_raises(rules.add, hi, n.within) for rules in versions.rules for n in _outage_rules(rules))


def _stops_fit(versions: Versions, lo: float, hi: float) -> bool:
    # (a notice deadline is counted back from the start: the earliest start is the one to try)
    return not any(
        _raises(notice_deadline, rules, rules.stop_rule, lo) for rules in versions.rules if rules.stop_rule is not None
    )


def _backups_fit(versions: Versions, lo: float, hi: float) -> bool:
    return not any(
        _raises(rules.add, hi, b.keep) for rules in versions.rules for b in rules.backups.values() if b.keep is not None
    )


# ---- the exact check of one item ------------------------------------------------------------------


def _firsts(recs: list[Rec]) -> dict[int, Rec]:
    """The first event of each type."""
    out: dict[int, Rec] = {}
    for r in recs:
        out.setdefault(r[1], r)
    return out


def _incident(
    versions: Versions, period: JudgedPeriod | None, ident: str, recs: list[Rec], given: list[Given] | None = None
) -> Found:
    """An incident's response due time, same-day guideline, named clock targets and notifications,
    read as :func:`.incidents.read_incident` and :func:`.targets.judge_targets` read them (``given``: the
    attributes its later events give, :func:`.select.changes_of`)."""
    firsts = _firsts(recs)
    rep = firsts.get(REPORTED)
    if rep is None:
        return []
    # the version and clock start the evaluator judges by (a clock rule a later version changed included)
    version, clock, clock_event = clock_start(versions, firsts, rep)
    clock_rec = firsts.get(CODE.get(f"incident.{clock_event}", -1), rep)
    if period is not None and clock >= period.end:
        return []  # (not judged in this period)
    # the attributes in force (the report's, each change a `changes at` of that version lists applied)
    attrs = read_changes(None, ident, version, rep, given).given if given else None
    rules = rules_chosen(version, attrs if attrs is not None else attributes_of(rep[2]))
    # the priority in force: the last reprioritisation applied (one to a priority the version does not
    # define is not), else the reported one
    said = in_force(rules, rep, recs)
    unapplied = set(map(id, said.unapplied))
    pri = rules.priorities.get(said.priority)
    if pri is None or rep[2][1] in rules.exclusions:
        return []  # (an unknown priority is a data note; an excluded cause judges nothing)
    found: Found = []
    target = pri.target
    if _raises(rules.due, target, clock):
        what = words("events.E124.what.due", id=ident)
        found.append((clock_rec, _said("after", what, _target_syntax(target), clock, rules, clock_rec)))
    guide = pri.same_day
    if guide is not None:
        ordinal = same_day_ordinal(rules, guide.calendar, clock, wall_us(rules.dt(clock)))
        if _raises(same_day_of, rules, guide, ordinal):
            what = words("events.E124.what.same_day", id=ident)
            rule = f"same day if received {guide.before_close} before close of {guide.calendar}"
            found.append((clock_rec, _said("outside", what, rule, clock, rules, clock_rec)))
    of = targets_of(rules)
    for t in pri.targets:
        codes = _cycle_codes(of.clocks[t.clock])
        updates = _update_codes(t)
        most = _most_running(rules, t)
        for r in recs:
            # (a reprioritisation not applied acts on no clock: it resets nothing, but it is an update)
            counted = (r[1] in codes and id(r) not in unapplied) or r[1] in updates
            if not counted:
                continue
            if (
                _raises(rules.due, t.by_day, r[0])
                if t.by_day is not None
                else _raises(add_running, rules, r[0], most, t.duration.calendar if t.duration is not None else None)
            ):
                clock_rule = next((c for c in rules.model.clocks if c.name == t.clock), None)
                what = words(
                    "events.E124.what.target", id=ident, clock=_rule_named(clock_rule) if clock_rule else t.clock
                )
                found.append((r, _said("after", what, _clock_target_syntax(t), r[0], rules, r)))
    for n, after, _ in of.notify:
        found += _notice(rules, n, firsts.get(after), recs, REPORTED, "notify_incident", ident, attrs)
    return found


def _notice(
    rules: Rules,
    n: m.Notify,
    start: Rec | None,
    recs: list[Rec],
    first: int,
    what: str,
    ident: str,
    attrs: dict[str, str] | None = None,
) -> Found:
    """A notification rule's deadline from ``start`` (its first ``after`` event), when the rule applies
    (``when``, tested on the ``first`` event, or on an incident's attributes in force ``attrs`` when some
    were changed; ``only if ... during``), as the judge applies it."""
    if start is None or not_for(rules, n.when, recs, first, attrs) is not None:
        return []
    if n.only_during is not None and not rules.is_business(start[0], n.only_during):
        return []
    if not _raises(rules.add, start[0], n.within):
        return []
    said = words(f"events.E124.what.{what}", id=ident, name=_rule_named(n))
    return [(start, _said("after", said, f"within {n.within} after {n.after}", start[0], rules, start))]


def _rule_named(n: m.Notify | m.ClockRule) -> Both:
    """A notification rule or a clock as an E124 names it: by its label in the message's language, quoted (「受付」,
    “Acknowledgement”), as the reports name it; by its name in backticks when it has no label."""
    ja, en = n.label.text("ja"), n.label.text("en")
    return Both(f"「{ja}」" if ja else f" `{n.name}` ", f"“{en}”" if en else f"`{n.name}`")


def _cycle_codes(c: ClockCodes) -> frozenset[int]:
    """The events a cycle of a clock starts or resumes at: where :mod:`.targets` counts the running time
    left from."""
    return frozenset(
        {code for code, _ in c.starts} | {r for _, resumes, _, _ in c.pauses for r in resumes} | c.resets | c.restarts
    )


def _update_codes(t: m.ClockTarget) -> frozenset[int]:
    """The events that give an ``update`` target's updates (none for another kind): the next update is
    counted from each."""
    if t.kind != "update":
        return frozenset()
    return frozenset(x for n in t.by if (x := code_of(n, "incident")) is not None)


def _most_running(rules: Rules, t: m.ClockTarget) -> float:
    """The most running time a cycle of the target has: its duration, and any out-of-hours extra."""
    if t.duration is None:  # (a day-based target: no running time of its own)
        return 0.0
    extra = target_seconds(rules, t.out_of_hours.extra) if t.out_of_hours is not None else 0.0
    return target_seconds(rules, t.duration) + extra


def _outage_rules(rules: Rules) -> list[m.Notify]:
    """The version's notification rules on an outage: the recovery notice and every rule after an outage event."""
    out = [rules.notify] if rules.notify is not None else []
    return out + [n for n in rules.model.notifications if n.after.startswith("outage.") and n is not rules.notify]


def _outage(versions: Versions, period: JudgedPeriod | None, ident: str, recs: list[Rec]) -> Found:
    """An outage's notices, from the first ``after`` event of each rule (as :mod:`.outages` judges them)."""
    st = next((r for r in recs if r[1] == STARTED), None)
    if st is None:
        return []
    if period is not None:
        ended = next((r[0] for r in recs if r[1] == ENDED), None)
        end = ended if ended is not None and ended >= st[0] else None
        listed = period.start <= st[0] < period.end or (st[0] < period.start and (end is None or end > period.start))
        if not listed:
            return []
    rules = versions.at(st[0])
    if (st[2][0] or "") in rules.exclusions:
        return []
    found: Found = []
    for n in _outage_rules(rules):
        after = code_of(n.after, "outage")
        start = next((r for r in recs if r[1] == after), None)
        found += _notice(rules, n, start, recs, STARTED, "notify_outage", ident)
    return found


def _stop(versions: Versions, period: JudgedPeriod | None, ident: str, recs: list[Rec]) -> Found:
    """A planned stop's notice deadline, counted back from the start its last announcement gives."""
    anns = [r for r in recs if r[1] == ANNOUNCED]
    if not anns:
        return []
    last = anns[-1]
    start = last[2][1]
    rules = versions.at(start)
    rule = rules.stop_rule
    if rule is None or not _raises(notice_deadline, rules, rule, start):
        return []
    what = words("events.E124.what.stop", id=ident)
    anchor = "start date" if rule.anchor is m.NoticeAnchor.START_DATE else "start"
    # (in a table: located on the `start` column, the time it quotes as the row gives it)
    return [(last, _said("before", what, f"notice {rule.notice} before {anchor}", start, rules, last, name="start"))]


def _backup(versions: Versions, period: JudgedPeriod | None, ident: str, recs: list[Rec]) -> Found:
    """A backup's end of retention, for each deletion judged against it (as :mod:`.backups` judges them)."""
    comp = next((r for r in recs if r[1] == COMPLETED), None)
    if comp is None:
        return []
    found: Found = []
    for r in recs:
        if r[1] != DELETED or (period is not None and not period.start <= r[0] < period.end):
            continue
        rules = versions.at(r[0])
        rule = rules.backups.get(comp[2][0])
        keep = rule.keep if rule is not None else None
        if keep is not None and _raises(rules.add, comp[0], keep):
            what = words("events.E124.what.retention", id=ident)
            # (in a table: the deletion's `at`, the instant judged; the time quoted is the completion's)
            found.append((r, _said("after", what, f"keep {keep}", comp[0], rules, comp, column="at")))
    return found


# ---- a rule as the policy writes it ---------------------------------------------------------------


def _target_syntax(target: m.Target) -> str:
    if isinstance(target, m.Within):
        return f"respond within {target.duration}"
    return f"respond by {day_syntax(target)}"


def _clock_target_syntax(t: m.ClockTarget) -> str:
    if t.by_day is not None:
        return target_syntax(t)
    if t.kind == "update":
        return f"update every {t.duration} on {t.clock} by {', '.join(t.by)}"
    said = f"{t.kind.replace('_', ' ')} within {t.duration} on {t.clock}"
    ooh = t.out_of_hours
    return said if ooh is None else f"{said}, plus {ooh.extra} if received outside {ooh.calendar} hours"
