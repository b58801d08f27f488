"""Response targets, reprioritisation, same-day guideline and completion of incidents.

Design notes
------------
* The clock starts at the first event named by the policy's ``response`` clock
  rule, in order of preference (``product_suspected``, else ``reported``).
* Versions (Article 5): an incident is judged under the version in force at its
  response clock start, and that start is read from the judging version's own
  rule (:func:`clock_start`). Where versions name different events, each
  version's rule gives a start; the version whose start falls in its own time
  (from its date until the next version's) judges, the earliest such start
  when several do (a clock started under one version is not started again by a
  later one). When none does (reported under a version that waits for
  ``product_suspected``, suspected after a version that starts at ``reported``
  took over), the version in force at the report judges, with its own rule:
  never a start read from one version and judged under another. Where every
  version names the same events this is simply the version in force at that
  start. :mod:`.incident_columns` reads it alike on columns.
* The priority is the last ``incident.reprioritized`` (or the reported one);
  the due time is always computed from the original clock start. A
  reprioritisation to a priority the judging version does not define (one
  only a later version has) is not applied: a ``data`` violation at its event
  (``priority_unknown``), the incident judged on the priority in force before
  it, and its explanation says so. An incident reported with a priority its
  version lacks is not judged (the same note, at the report or at the last
  reprioritisation to another unknown one), unless a reprioritisation to a
  priority its version defines follows: that one is applied, and from then on
  the rule above holds. A reprioritisation not applied changed nothing: the
  named clocks do not see it (no ``resets at incident.reprioritized`` there:
  :func:`applied_only`), and the range check of :mod:`.deadline_times` counts
  from the priority in force (:func:`in_force`, one reading for both).
* Attributes: those of the report, each change by an event of a type the
  judging version's ``changes at`` lists applied, read as the priority is
  (:func:`.select.read_changes`): the last change counts, whenever it comes
  (after the completion too), a change to a value that version does not
  declare is not applied. They choose the rule of each priority for the whole
  incident, the due time counted from the original clock start; a breach
  settles no earlier than the change that made it one, as for a
  reprioritisation (:attr:`Incident.last_change`).
* Status: ``excluded`` when the reported cause is an Article 4 exclusion;
  ``met``/``breached`` by the first response; without one, ``breached`` once
  ``as_of`` is past due, else ``at_risk`` when the business time used reaches
  the policy's warning threshold, else ``open``.
* Bad data, reported and read on: every event of the incident before its
  report (a response, a resolution, a reply...), each with its line; a report
  repeated later (the first counts). Two same-instant events that disagree are
  found when the records are put in order (:mod:`.order`).
* Completion: the first of the priority's completion events, or the silence
  rule (the deadline after the latest ``after`` event with no ``unless`` event
  since); it is reported, never a breach.
  A silence deadline after the supported years never comes within them: no
  completion by it (``inf``, :meth:`.common.Rules.never_after`), not an error.
* Two paths, one reading: the functions here (:func:`read_incident`,
  :func:`complete`, :func:`judge`) judge one incident at a time and are the
  reference; :mod:`.incident_columns` judges the plain incidents of a large
  log together on numpy columns and hands the others back to them. This module
  never imports the columnar one: the package's entry
  (:func:`sla_dsl.evaluation.judge_incidents`) chooses the path.
* Verdicts stay compact: an :class:`Incident` holds the facts and the status,
  and its explanation (the steps, the same-day guideline) is built only when a
  row is rendered (:mod:`.incident_rows`): a year's log has hundreds of
  thousands of incidents and a text report explains none of them.
* Listed: every incident whose clock starts in [from, to), or that started
  earlier and was not completed before ``from``. A breach is listed in
  ``violations`` when its due time falls at or after ``from`` (an earlier one
  was already reported for an earlier period).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..events.schema import CODE, TYPES, Rec
from ..lang import model as m
from ..report import DataNote
from .common import Ctx, Memo, Rules, Versions, code_of, target_calendar
from .id_forms import KnownIds, unknown_note
from .risk_times import last_passed
from .select import AttrChange, attributes_of, note_attributes, read_changes, rule_position, rules_chosen

REPORTED = CODE["incident.reported"]
RESPONDED = CODE["incident.responded"]
REPRIORITIZED = CODE["incident.reprioritized"]


@dataclass(slots=True)
class Incident:
    """The facts and the verdict on one incident; the explanation is built on demand."""

    ident: str
    rules: Rules
    priority: str
    reported: float
    cause: str | None
    clock: float
    clock_event: str
    responded: float | None
    reprios: tuple[tuple[float, str, str], ...] = ()
    due: float | None = None
    completed: float | None = None
    completion: str | None = None
    #: the completion event's instant, or (latest ``after`` event, deadline) of the silence rule
    completed_by: float | None = None
    silence: tuple[float, float] | None = None
    status: str = ""
    #: verdicts on the named targets and incident notification rules (:mod:`.targets`)
    targets: tuple[Any, ...] = ()
    #: reprioritisations to a priority the judging version does not define: (instant, priority), not applied
    unapplied: tuple[tuple[float, str], ...] = ()
    #: ``at_risk``: the last warning threshold of the response clock passed (percent of the target)
    risk_percent: float | None = None
    #: the attributes changed by events of a type ``changes at`` lists, in order (:func:`.select.read_changes`)
    changes: tuple[AttrChange, ...] = ()
    #: the attributes in force as given, when an event of such a type was read (None: the report's)
    attributes: dict[str, str] | None = None
    #: the completion event's type code and line (0: none) when the rule completes on several types, so the
    #: explanation names the one that completed it (:func:`.incident_rows.done_words`); None otherwise
    completed_on: tuple[int, int] | None = None

    @property
    def last_change(self) -> float | None:
        """When the rule judging the response last changed: the last reprioritisation applied or the last
        change of an attribute, whichever is later (None: neither). A verdict is never settled before it."""
        if not self.reprios and not self.changes:
            return None
        return max([*(r[0] for r in self.reprios[-1:]), *(c.at for c in self.changes[-1:])])

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

    @property
    def is_completed(self) -> bool:
        return self.completed is not None


def read_incident(ctx: Ctx, ident: str, recs: list[Rec], known: KnownIds | None = None) -> Incident | None:
    """The incident ``ident`` read from its events, its contradictions noted (None: not judged). ``known``:
    the log's reported ids, to say when an unknown id is one of them in another Unicode form."""
    firsts: dict[int, Rec] = {}  # the first event of each type
    for r in recs:
        if r[1] not in firsts:
            firsts[r[1]] = r
    rep = firsts.get(REPORTED)
    given = ctx.changes.get(ident)
    if rep is None:
        first = recs[0]
        ctx.bad_data(ident, unknown_note("unknown_incident", ident, known), first[3], first[0])
        if given:  # (attributes on the events of an incident never reported: none is read)
            read_changes(ctx, ident, ctx.versions.rules[0], None, given)
        return None
    if len(firsts) < len(recs):  # some type repeats
        for other in [r for r in recs if r[1] == REPORTED][1:]:
            # (a report at the same instant that disagrees is a contradiction of :mod:`.order`)
            if other[0] != rep[0]:
                ctx.bad_data(ident, DataNote(what="reported_again"), other[3], other[0])
    for r in recs:  # in time order: only those before the report
        if r[0] >= rep[0]:
            break
        ctx.bad_data(ident, DataNote(what="before", event=TYPES[r[1]], first="incident.reported"), r[3], r[0])
    priority, cause = rep[2][0], rep[2][1]
    version, clock, clock_event = clock_start(ctx.versions, firsts, rep)
    # the attributes in force: the report's, each change by an event its version's `changes at` lists applied
    changed = read_changes(ctx, ident, version, rep, given) if given else None
    attrs = changed.given if changed is not None else attributes_of(rep[2])
    rules = rules_chosen(version, attrs)  # the rules its attributes select (issue 13)
    note_attributes(ctx, ident, rules, rep)  # attributes or values the judging version does not declare
    reprios: list[tuple[float, str, str]] = []
    unapplied: list[tuple[float, str]] = []
    named = rep  # the event that named the priority in force
    if REPRIORITIZED in firsts:
        said = in_force(rules, rep, recs)
        priority, named, reprios = said.priority, said.named, said.reprios
        for r in said.unapplied:
            # a priority the judging version does not define (a later version's): not applied, said at
            # its event; the incident keeps the priority in force, which its version knows
            note = DataNote(what="priority_unknown", priority=r[2][0], version=rules.version)
            ctx.bad_data(ident, note, r[3], r[0])
            unapplied.append((r[0], r[2][0]))
    responded = firsts.get(RESPONDED)
    if priority not in rules.priorities:  # (reported with a priority its version lacks, never a known one since)
        note = DataNote(what="priority_unknown", priority=priority, version=rules.version)
        ctx.bad_data(ident, note, named[3], named[0])
        return None
    changes: tuple[AttrChange, ...] = ()
    if changed is not None and changed.changes:  # (each with the rule its attributes then select)
        changes = tuple(c._replace(rule=rule_position(version, priority, after)) for c, after in changed.changes)
    return Incident(
        ident,
        rules,
        priority,
        rep[0],
        cause,
        clock,
        clock_event,
        responded[0] if responded else None,
        tuple(reprios),
        unapplied=tuple(unapplied),
        changes=changes,
        attributes=attrs if changed is not None else None,
    )


class InForce(NamedTuple):
    """The priority in force on an incident under the rules that judge it (:func:`in_force`)."""

    priority: str
    #: the event that named it (the report, or the last reprioritisation applied)
    named: Rec
    #: the reprioritisations applied: (instant, old priority, new priority)
    reprios: list[tuple[float, str, str]]
    #: the reprioritisations not applied (to a priority ``rules`` does not define), their records in order
    unapplied: list[Rec]


def in_force(rules: Rules, rep: Rec, recs: Iterable[Rec]) -> InForce:
    """The priority of an incident reported by ``rep`` after its records ``recs`` (in order), under the
    rules that judge it: the last reprioritisation applied, else the reported one. A reprioritisation to a
    priority ``rules`` does not define, while the one in force is defined, is not applied (see the module's
    notes). :func:`read_incident` and the range check of :mod:`.deadline_times` read it alike."""
    priority, named = rep[2][0], rep
    reprios: list[tuple[float, str, str]] = []
    unapplied: list[Rec] = []
    for r in recs:
        if r[1] != REPRIORITIZED:
            continue
        new = r[2][0]
        if new not in rules.priorities and priority in rules.priorities:
            unapplied.append(r)
            continue
        reprios.append((r[0], priority, new))
        priority, named = new, r
    return InForce(priority, named, reprios, unapplied)


def applied_only(inc: Incident, recs: list[Rec]) -> list[Rec]:
    """``recs`` of ``inc`` without the reprioritisations not applied to it (``Incident.unapplied``): what
    its clocks see (:func:`.targets.judge_targets`). Not applied, such an event changed no priority: it
    does not reset a clock (``resets at incident.reprioritized``) nor act on one in any other way. (An instant and a
    priority name the event: another of the same instant and priority is read alike, applied or not.)"""
    if not inc.unapplied:
        return recs
    skip = set(inc.unapplied)
    return [r for r in recs if r[1] != REPRIORITIZED or (r[0], r[2][0]) not in skip]


def _start(rules: Rules, firsts: Mapping[int, Rec], rep: Rec) -> tuple[float, str]:
    """The response clock start under ``rules``' clock rule and the event's short name: the first event of
    the first type the rule names, in order of preference, else the report."""
    for code, name in rules.clock_codes:
        hit = firsts.get(code)
        if hit is not None:
            return hit[0], name
    return rep[0], "reported"


def clock_start(versions: Versions, firsts: Mapping[int, Rec], rep: Rec) -> tuple[Rules, float, str]:
    """The version an incident is judged under, its response clock start and the event that starts it
    (``firsts``: the first record of each type; ``rep`` the report): the first version, by date, whose
    own rule starts the clock while it is in force, else the version in force at the report with its own
    rule (see the module's notes)."""
    seen: dict[tuple[tuple[int, str], ...], tuple[float, str]] = {}
    for rules in versions.rules:
        key = tuple(rules.clock_codes)
        found = seen.get(key)
        if found is None:
            found = seen[key] = _start(rules, firsts, rep)
        if versions.at(found[0]) is rules:
            return rules, found[0], found[1]
    rules = versions.at(rep[0])
    return (rules, *_start(rules, firsts, rep))


def complete(ctx: Ctx, inc: Incident, recs: list[Rec]) -> None:
    rules = inc.rules
    comp = rules.priorities[inc.priority].completion
    on, after, unless = completion_codes(rules, comp)
    done = next((r for r in recs if r[1] in on), None)
    if done is not None:
        inc.completed, inc.completion, inc.completed_by = done[0], "resolved", done[0]
        if len(on) > 1:  # (which of them: said by the explanation)
            inc.completed_on = (done[1], done[3])
    sil = comp.silence
    if sil is None:
        return
    pending: tuple[float, float] | None = None
    for r in recs:
        if done is not None and r[0] >= done[0]:
            break
        if pending is not None and r[0] > pending[1]:
            break
        if r[1] == after:
            pending = (r[0], rules.never_after(r[0], sil.duration))  # (inf: after the supported years)
        elif r[1] == unless:
            pending = None
    if pending is None or pending[1] > ctx.as_of or (done is not None and done[0] <= pending[1]):
        return
    inc.completed, inc.completion, inc.completed_by, inc.silence = pending[1], "silence", None, pending
    inc.completed_on = None


#: of a version, by a completion rule's id: the rule and its codes (:func:`completion_codes`; the rule kept
#: beside them, so that its id is never another's)
_CODES: Memo[dict[int, tuple[m.Completion, frozenset[int], int | None, int | None]]] = Memo(lambda rules: {})


def completion_codes(rules: Rules, comp: m.Completion) -> tuple[frozenset[int], int | None, int | None]:
    """Event codes of a completion rule of ``rules``: those that complete, the silence rule's ``after`` and
    ``unless`` (memoised on the version)."""
    kept = rules.memo(_CODES)
    hit = kept.get(id(comp))
    if hit is None or hit[0] is not comp:
        on = frozenset(c for n in comp.on if (c := code_of(n, "incident")) is not None)
        sil = comp.silence
        after = code_of(sil.after, "incident") if sil else None
        unless = code_of(sil.unless, "incident") if sil else None
        hit = kept[id(comp)] = (comp, on, after, unless)
    return hit[1], hit[2], hit[3]


def judge(ctx: Ctx, inc: Incident) -> bool:
    """Set the status; is it a breach due in the period (a violation)?"""
    rules = inc.rules
    if inc.cause in rules.exclusions:
        inc.status = "excluded"
        return False
    due = inc.due
    assert due is not None
    if inc.responded is not None:
        inc.status = "met" if inc.responded <= due else "breached"
    elif ctx.as_of > due:
        inc.status = "breached"
    else:
        inc.status = "open"
        if rules.at_risk is not None:
            judge_risk(ctx, inc, due, target_calendar(rules.priorities[inc.priority].target))
    # a breach settles at its due time, or at the reprioritisation that made it one (a P3 raised to P1
    # after P1's due time has passed is breached from then: in the period of the raise, not before it), or
    # at the change of an attribute that made it one (a standard incident changed to premium)
    last = inc.last_change
    settled = max(due, last) if last is not None else due
    return inc.status == "breached" and in_period(ctx, settled, inc.completed)


def in_period(ctx: Ctx, settled: float, completed: float | None) -> bool:
    """Whether a breach settled at ``settled`` is a violation of this period: not settled before ``from``
    (an earlier period listed it), nor at or after ``to`` of an incident not completed before it (the next
    period lists the incident again and the breach there: :func:`sla_dsl.report.settled.counts_in`)."""
    return settled >= ctx.p0 and (settled < ctx.p1 or (completed is not None and completed < ctx.p1))


def judge_risk(ctx: Ctx, inc: Incident, due: float, cal: str | None) -> bool:
    """Make an open incident ``at_risk`` when the time used reaches the response clock's first warning
    threshold, with the last threshold passed (``risk_percent``); is it?"""
    passed = last_passed(inc.rules.at_risks, used_percent(ctx, inc, due, cal))
    if passed is None:
        return False
    inc.status, inc.risk_percent = "at_risk", passed
    return True


def used_percent(ctx: Ctx, inc: Incident, due: float, cal: str | None) -> float:
    used = inc.rules.between(inc.clock, ctx.as_of, cal)
    total = inc.rules.between(inc.clock, due, cal)
    return 100.0 * used / total if total > 0 else 100.0
