"""The report's incident rows: each incident's response verdict and its named targets.

Design notes
------------
* ``IncidentRow`` is the verdict on one incident's response target and its
  completion (``Report.incidents``); ``SameDay`` its derived same-day
  guideline (reported, never a breach). Which rule of its priority judged it
  is a private attribute (``judged_by``, ``rule``), in neither the JSON nor
  the tables; a report's Python dump writes it as ``rule``, and the row reads
  it back from there (:meth:`IncidentRow.read_rule`).
* ``TargetRow`` is the verdict on one named target (issue 12): a target on a
  named clock, or a notification rule on an incident event
  (``IncidentRow.targets``). An outage's notification rules are the same rows
  (``OutageRow.notices`` in :mod:`.availability_rows`).
* ``ClockStep``, ``OutOfHoursStep`` and ``CycleStep`` are what a target's clock did, the data
  ``sla explain`` words in the report's language: excluded from the JSON,
  whose ``explain`` steps say the same in the engine's English.
* The conventions every row follows (a ``#:`` comment on each field, times in
  the policy's time zone, excluded fields) are the package's: see
  :mod:`sla_dsl.report`, which re-exports every model here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, Literal, NamedTuple, Self

from pydantic import Field, ModelWrapValidatorHandler, PrivateAttr, model_validator

from .row_base import Step, _Row

IncidentStatus = Literal["met", "breached", "open", "at_risk", "excluded"]


class AttributeChange(NamedTuple):
    """An attribute an event of a type its ``changes at`` lists changed, for ``sla explain`` (not in the
    JSON, whose ``explain`` says it in the engine's English): when, by which event, from which value to
    which, where the event is (per language; empty without a line) and the rule of the incident's
    priority chosen from then on (its position among the rules of that id; None: not known)."""

    at: dt.datetime
    event: str
    attribute: str
    old: str
    new: str
    where: dict[str, str]
    rule: int | None


class SameDay(_Row):
    """The derived same-day guideline (reported, never a breach)."""

    #: whether the guideline applies: the clock started on a business day at or before the cut-off
    #: (Click So-ko: 14:00, 4 business hours before the 18:00 close)
    applies: bool
    #: the close of that business day, by which an answer is expected, ISO 8601 in the policy's time
    #: zone; null when the guideline does not apply
    due: dt.datetime | None = None
    #: true when the first response came by ``due``; false when it came later, or none came and ``due``
    #: had passed at ``as_of``; null when the guideline does not apply or is still undecided
    met: bool | None = None


TargetStatus = Literal["met", "breached", "open", "paused", "at_risk", "excluded", "not_applicable", "cancelled"]


class ClockStep(_Row):
    """One thing a target's clock did (``sla explain`` words it in the report's language; not in the JSON,
    whose ``explain`` steps say the same in the engine's English)."""

    #: when, in the policy's time zone
    at: dt.datetime
    #: started, paused, resumed, stopped, was reset, started again after a stop, was cancelled (its
    #: targets withdrawn), stopped with the incident's completion, let a pause event pass while paused, or its
    #: deadlines were held back (``hold``: ``not due at A until B``) and applied again (``unhold``)
    act: Literal[
        "start", "pause", "resume", "stop", "reset", "restart", "cancel", "completed", "ignored", "hold", "unhold"
    ]
    #: the event type that did it (``incident.info_provided``); empty for ``completed``
    event: str = ""
    #: ``pause`` and ``ignored``: the event types the clock waits for to resume (the first of them to come
    #: resumes it: ``pauses at A until B, C``); ``hold``: the event types that end the hold
    until: tuple[str, ...] = ()


class OutOfHoursStep(_Row):
    """A target's judged cycle started outside its calendar's open hours, so its out-of-hours time was
    added (``, plus 24 hours if received outside business hours``: ``sla explain`` words it in the
    report's language; not in the JSON, whose ``explain`` steps say it in the engine's English)."""

    #: when the cycle started, in the policy's time zone
    at: dt.datetime
    #: the calendar whose open hours it started outside of
    calendar: str
    #: the minutes added to the target (business minutes for a target in business time)
    extra_minutes: float


class RiskStep(_Row):
    """The instant a target's running time reaches one of its clock's several warning thresholds (``at risk at
    50%, 75% of target``): ``sla explain`` says each; not in the JSON."""

    #: when, in the policy's time zone (later than ``as_of`` for a threshold still ahead)
    at: dt.datetime
    #: the threshold, in percent of the target
    percent: float


class CycleStep(_Row):
    """One cycle of a target's clock that has several (its start, and each reset or restart starts one: a reply
    clock restarted at each customer message), with its own due time and outcome, so ``sla explain`` says each,
    a met earlier one too, not only the judged one (not in the JSON, whose ``explain`` steps say the judged one)."""

    #: when the cycle started (the clock's start, a reset or a restart), in the policy's time zone
    at: dt.datetime
    #: when it ended: its stop, its cancel, or the reset that cut it while it ran; null when it still runs, or is
    #: paused, at ``as_of``
    end: dt.datetime | None = None
    #: ``met``: stopped by its due time; ``breached``: ran past it; ``cancelled``: cancelled before it;
    #: ``reset``: cut by a reset before it; ``open`` or ``paused``: so at ``as_of``; the judged cycle (``judged``)
    #: has the target's own status
    status: TargetStatus | Literal["reset"]
    #: its due time, in the policy's time zone; null when none was in force (stopped, reset or judged while
    #: paused, or cancelled)
    due: dt.datetime | None = None
    #: the cycle started outside its calendar's open hours and its out-of-hours time was added; null when not
    out_of_hours: OutOfHoursStep | None = None
    #: the cycle the target's verdict is of: the first that ran out, else the last (the row's ``due``,
    #: ``out_of_hours``)
    judged: bool = False


class TargetRow(_Row):
    """The verdict on one named target of an incident: a target on a named clock
    (``resolve``, ``first_reply``, ``respond``, ``update``) or a notification rule on an incident event."""

    #: the target's name: its kind for a target on a clock (``resolve``, ``first_reply``), the rule's
    #: name for a notification rule (``recovery``)
    name: str
    #: ``respond``, ``resolve``, ``first_reply`` or ``update``: a target on a named clock; ``notify``: a
    #: notification rule that starts on an ``incident.*`` event
    kind: Literal["respond", "resolve", "first_reply", "update", "notify"]
    #: the named clock the target is measured on (``resolution``); null for a notification rule
    clock: str | None = None
    #: ``met``: stopped (or sent) within the target; ``breached``: the running time passed the target,
    #: stopped or not (``update``: an update came late or not at all); ``open``: running, below the
    #: warning threshold; ``at_risk``: running, at or past the clock's warning threshold; ``paused``:
    #: the clock is paused at ``as_of``; ``excluded``: the incident's cause is one the policy excludes;
    #: ``not_applicable``: the clock never started, or the rule does not apply to this incident;
    #: ``cancelled``: the clock was cancelled (``cancels at``) before the target ran out: withdrawn,
    #: neither met nor breached. On a clock with ``not due at``: ``open`` while a hold holds ``as_of``, and
    #: ``breached`` only if the clock still ran when the hold its due time passed in ended (else ``met``)
    status: TargetStatus
    #: when the target falls due, ISO 8601 in the policy's time zone: for ``breached`` the instant the
    #: running time passed the target (``update``: the first missed update's); for ``open`` and
    #: ``at_risk`` the due time as of ``as_of`` (``update``: the next update's); null when ``paused``
    #: (it moves while paused), ``excluded``, ``not_applicable``, ``cancelled``, for an ``update``
    #: target that is met, and for a target met while its clock was paused (none was in force then)
    due: dt.datetime | None = None
    #: when the clock stopped (or the notification was sent): the judged cycle's stop (the cycle that ran
    #: out, else the last); for ``update``, the last update; null when none by ``as_of``, when a reset cut
    #: the cycle that ran out, and for ``cancelled`` (a cancel meets nothing)
    met_at: dt.datetime | None = None
    #: the target's duration in minutes: business minutes for a target in business time, elapsed
    #: minutes otherwise; fractional. With an out-of-hours tail, the judged cycle's (the one that ran
    #: out, else the last): its time added when that cycle started outside the calendar's open hours
    target_minutes: float
    #: business (or elapsed) minutes the clock ran; for ``update``, since the last update; null for a
    #: notification rule and for a clock that never started
    used_minutes: float | None = None
    #: ``update``: how many updates came late or not at all
    missed: int = 0
    #: ``at_risk``: the last of the clock's warning thresholds passed, in percent of the target (``75``
    #: of ``at risk at 50%, 75% of target``); null for any other status
    at_risk_percent: float | None = None
    #: the article the target applies (``Article 3.2``); null when the rule cites none
    ref: str | None = None
    #: the steps that explain the verdict, in time order, in the engine's English
    explain: list[Step] = Field(default_factory=list)
    #: whether the report's summary counts this verdict: false for a verdict an earlier period's report counted
    #: (the incident, or outage, carried over and the verdict settled before ``from``: met at ``met_at``, breached
    #: at ``due``) and for one the next period's counts (settled at or after ``to`` of one not completed, or
    #: an outage still down, before it); a status that does not settle (open, at risk, paused, excluded, not
    #: applicable, cancelled) is counted. Counting the rows with it by ``status`` gives the summary's figures
    #: per named target or notification rule. Null when not known (a report read back from a JSON written
    #: without this key)
    in_summary: bool | None = None
    #: a notify rule with ``when`` that this record's attributes do not meet (status ``not_applicable``):
    #: its condition, and the values of the attributes it tests as the record carries them (issue 13;
    #: ``exclude``: not in the JSON, where ``explain`` says the same in the engine's English)
    unmet_when: str | None = Field(default=None, exclude=True)
    #: the values of the attributes ``unmet_when`` tests, as the record carries them (``exclude``, as above)
    attributes: dict[str, str] | None = Field(default=None, exclude=True)
    #: what the target's clock did, in time order (``exclude``: the JSON's ``explain`` says it in English)
    clock_steps: list[ClockStep] = Field(default_factory=list, exclude=True)
    #: the judged cycle started out of hours and the target's out-of-hours time was added (``exclude``, as above)
    out_of_hours: OutOfHoursStep | None = Field(default=None, exclude=True)
    #: each warning threshold's instant, when the clock has several (``exclude``, as above)
    risk_steps: list[RiskStep] = Field(default_factory=list, exclude=True)
    #: a day-based target (``by 16:00 of 1st business day``): when its judged cycle started, the day its due
    #: day is counted from, so ``sla explain`` can say why the due time is another (that day closes earlier)
    #: (``exclude``, as above)
    cycle_start: dt.datetime | None = Field(default=None, exclude=True)
    #: each cycle of its clock, in time order, when the clock has several (a reset or a restart): its start,
    #: due time and outcome, for ``sla explain`` (``exclude``, as above)
    cycles: list[CycleStep] = Field(default_factory=list, exclude=True)
    #: the due time passed while the clock was not due (``not due at``): breached only when the hold ended, at
    #: this instant, with the clock still running (``exclude``, as above)
    breached_at: dt.datetime | None = Field(default=None, exclude=True)
    #: met though the due time passed: it passed while the clock was not due, and the clock stopped before the
    #: hold ended (``exclude``, as above)
    held_met: bool = Field(default=False, exclude=True)


class IncidentRow(_Row):
    """The verdict on one incident's response target (and its completion)."""

    #: the incident's id from the log (``INC-054``)
    id: str
    #: the priority judged: the last ``incident.reprioritized`` at or before ``as_of``, else the reported one
    priority: str
    #: when the response clock started, ISO 8601 in the policy's time zone with its offset: the event
    #: the policy's clock starts at (Click So-ko: ``incident.product_suspected``, else ``incident.reported``)
    clock_start: dt.datetime
    #: ``clock_start`` plus the priority's response target (business time for Click So-ko), from the
    #: original clock start after a reprioritisation; null when ``status`` is ``excluded``
    response_due: dt.datetime | None
    #: the first ``incident.responded`` at or before ``as_of``; null when none
    responded_at: dt.datetime | None
    #: ``met``: responded at or before ``response_due``; ``breached``: responded later, or no response
    #: and ``as_of`` is after ``response_due``; ``at_risk``: no response, not yet due, and the business
    #: time used reached the clock's warning threshold (Click So-ko: 75% of the target); ``open``: no
    #: response and not yet due, below the threshold; ``excluded``: the cause is one the policy excludes
    status: IncidentStatus
    #: ``at_risk``: the last of the response clock's warning thresholds passed, in percent of the target
    #: (``75`` of ``at risk at 50%, 75% of target``); null for any other status
    at_risk_percent: float | None = None
    #: when the incident completed: its ``incident.resolved``, or (P2, P3 of Click So-ko) the end of
    #: the silence rule after the latest ``incident.info_provided``; null when not completed as of ``as_of``
    completed_at: dt.datetime | None
    #: when the failure report was received (``incident.reported``), same form
    reported_at: dt.datetime
    #: the event the clock started at, without ``incident.``: ``reported`` or ``product_suspected``
    clock_event: str
    #: how it completed: ``resolved`` (a completion event) or ``silence`` (no reply within the silence
    #: rule's time); null when not completed
    completion: Literal["resolved", "silence"] | None = None
    #: the ``cause`` given in ``incident.reported``; null when none
    cause: str | None = None
    #: the same-day guideline of the priority (P1 for Click So-ko); null for a priority without one and
    #: for an ``excluded`` incident
    same_day: SameDay | None = None
    #: the policy version in force at the clock start, which judged the incident (Article 5)
    policy_version: str
    #: the steps that explain the verdict, in time order, in the engine's English
    explain: list[Step] = Field(default_factory=list)
    #: the named targets and incident notification rules, in the policy's order
    targets: list[TargetRow] = Field(default_factory=list)
    #: whether the report's summary counts this response verdict: false for a verdict an earlier period's report
    #: counted (the incident carried over, its verdict settled before ``from``: met when the response was sent,
    #: breached at its due time, never before its last reprioritisation or change of an attribute, which can
    #: change it) and for one the next period's report counts (settled at or after ``to`` of an incident not
    #: completed before it); an open, at-risk or excluded incident is counted. Counting the rows with it by
    #: ``status`` gives the summary's figures per priority, with a trend or without. Null when not known (a
    #: report read back from a JSON written without this key)
    in_summary: bool | None = None
    #: each warning threshold's instant of the response target not yet responded, when the clock has several
    #: (``exclude``: not in the JSON, where ``explain`` says the status in the engine's English)
    risk_steps: list[RiskStep] = Field(default_factory=list, exclude=True)
    # which rule of ``priority`` judged the incident (:attr:`rule`): not a field, so in neither the
    # JSON (where ``explain`` says the same in the engine's English) nor the tables
    _rule: int | None = PrivateAttr(default=None)
    # the attributes changed during the incident's life (``changes at``), for ``sla explain``: not a field
    _changes: tuple[AttributeChange, ...] = PrivateAttr(default=())
    #: what a report's Python dump writes besides the fields (:func:`.row_base.with_words_data`)
    kept_out: ClassVar[tuple[str, ...]] = ("rule",)

    @property
    def is_completed(self) -> bool:
        """Whether the incident was completed (``completed_at`` is set)."""
        return self.completed_at is not None

    @property
    def rule(self) -> int | None:
        """Which rule of ``priority`` judged the incident (issue 13: the first whose ``when`` its
        attributes meet): its position from 0 among the rules with that id in the judging version, in
        file order; None when the row does not say (read back from JSON). The report and ``sla
        explain`` word the incident from that rule (its target, article, silence rule)."""
        return self._rule

    def judged_by(self, rule: int | None) -> IncidentRow:
        """Record which rule of its priority judged the incident (:attr:`rule`); returns ``self``."""
        self._rule = rule
        return self

    @property
    def attribute_changes(self) -> tuple[AttributeChange, ...]:
        """The attributes changed during the incident's life, in order (empty: none, or read back from JSON)."""
        return self._changes

    def changed_by(self, changes: tuple[AttributeChange, ...]) -> IncidentRow:
        """Record the attributes changed during the incident's life (:attr:`attribute_changes`); returns ``self``."""
        self._changes = changes
        return self

    @model_validator(mode="wrap")
    @classmethod
    def read_rule(cls, data: Any, handler: ModelWrapValidatorHandler[Self]) -> Self:
        """A row of a report's Python dump says which rule judged it (``rule``, kept out of the JSON):
        the row read back records it."""
        if type(data) is not dict or "rule" not in data:
            return handler(data)
        given = dict(data)
        rule = given.pop("rule")
        if rule is not None and (type(rule) is not int or rule < 0):
            raise ValueError(f"rule: expected a rule's position from 0, or null; found {rule!r}")
        row = handler(given)
        row._rule = rule
        return row
