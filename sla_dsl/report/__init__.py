"""The evaluation report: pydantic models whose JSON is the public contract.

Design notes
------------
* ``Report.model_dump(mode="json")`` is the contract's report: the keys and
  values of ``contract.md`` (``policy``, ``period``, ``incidents``, ``outages``,
  ``planned_stops``, ``maintenance``, ``availability``, ``backups``,
  ``violations``), plus added keys that the contract allows: ``explain`` on
  every verdict, ``policy_version`` on every judged row, ``retention``,
  ``versions``, ``input`` and ``trend`` (issue 16, filled by
  :mod:`sla_dsl.evaluation.trend`).
* Every field says what it holds in a ``#:`` comment above it (units, time
  zone, what null means, which statuses): the engineers' report schema is
  generated from these (:mod:`sla_dsl.docs.fielddocs`), and a test fails on a
  field without one.
* Fields marked ``exclude=True`` are the data the documents' words are built
  from (a stop's ``notices``, a violation's ``backup_kind``, ``zone_fault``,
  ``target`` and ``note``): the report and ``sla explain`` never read the engine's English
  (``explain`` steps, ``message``) back. They are not in the JSON, whose bytes
  stay as they were, nor columns of the Parquet tables.
* Times are aware datetimes already converted to the policy's time zone, so
  pydantic writes them as ISO 8601 with that offset.
* Status values are the contract's, plus ``pending`` for a backup day that has
  not ended at ``as_of`` (it can be neither ``ok`` nor ``missed`` yet).
* Renderers live beside the models: :mod:`.text` (terminal tables) and
  :mod:`.document` (Markdown and HTML monthly reports).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, PrivateAttr, model_serializer

from .rows import BUILT_ON_READ, Rows


class _Row(BaseModel):
    model_config = ConfigDict(frozen=False, extra="forbid", defer_build=True)


class Step(_Row):
    """One step of an explanation: what happened or was derived, when, and under which article."""

    #: what happened or was derived, in the engine's English (for engineers and alerts; the customer
    #: documents word each verdict from the row's fields, in the report's language)
    text: str
    #: the instant the step is about, ISO 8601 in the policy's time zone with its offset; null for a
    #: step that is not one instant (a rule chosen, a day of the business-time walk, a total)
    at: dt.datetime | None = None
    #: the article of the policy the step applies (``Article 3.2``); null when the step cites none
    ref: str | None = None


class PolicyRef(_Row):
    """Which policy (and version) a report or a row was judged under."""

    #: the policy's name from its header (``Click So-ko``)
    name: str
    #: the policy's ``version`` (``2026.1``)
    version: str
    #: the calendar date this version takes effect (``effective`` in its header, ``YYYY-MM-DD`` in the
    #: policy's time zone); null when the policy states none
    effective: dt.date | None = None


class Period(_Row):
    """The evaluated period [from, to) and the "as of" instant."""

    #: written as ``from``: the first instant of the period (inclusive), ISO 8601 in the policy's time
    #: zone with its offset; a plain date given to ``--from`` means 00:00 of that day in that zone
    start: dt.datetime = Field(validation_alias=AliasChoices("start", "from"))
    #: written as ``to``: the end of the period (exclusive), in the same form
    end: dt.datetime = Field(validation_alias=AliasChoices("end", "to"))
    #: the instant the report is judged as of: events after it are ignored (``--as-of``, by default
    #: ``to``); same form
    as_of: dt.datetime

    @model_serializer(mode="plain")
    def _dump(self) -> dict[str, Any]:
        return {"from": self.start, "to": self.end, "as_of": self.as_of}


IncidentStatus = Literal["met", "breached", "open", "at_risk", "excluded"]
NoticeStatus = Literal["met", "breached", "open", "not_applicable", "excluded"]


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
    #: targets withdrawn), stopped with the incident's completion, or let a pause event pass while paused
    act: Literal["start", "pause", "resume", "stop", "reset", "restart", "cancel", "completed", "ignored"]
    #: the event type that did it (``incident.info_provided``); empty for ``completed``
    event: str = ""
    #: ``pause`` and ``ignored``: the event type the clock waits for to resume
    until: str = ""


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


class TargetRow(_Row):
    """The verdict on one named target of an incident (issue 12): a target on a named clock
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
    #: the clock is paused at ``as_of``; ``excluded``: the incident's cause is an Article 4 exclusion;
    #: ``not_applicable``: the clock never started, or the rule does not apply to this incident;
    #: ``cancelled``: the clock was cancelled (``cancels at``) before the target ran out: withdrawn,
    #: neither met nor breached
    status: TargetStatus
    #: when the target falls due, ISO 8601 in the policy's time zone: for ``breached`` the instant the
    #: running time passed the target (``update``: the first missed update's); for ``open`` and
    #: ``at_risk`` the due time as of ``as_of`` (``update``: the next update's); null when ``paused``
    #: (it moves while paused), ``excluded``, ``not_applicable``, ``cancelled``, and for an ``update``
    #: target that is met
    due: dt.datetime | None = None
    #: when the clock stopped (or the notification was sent); for ``update``, the last update; null
    #: when none by ``as_of``, and for ``cancelled`` (a cancel meets nothing)
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
    #: the article the target applies (``Article 3.2``); null when the rule cites none
    ref: str | None = None
    #: the steps that explain the verdict, in time order, in the engine's English
    explain: list[Step] = Field(default_factory=list)
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
    #: response and not yet due, below the threshold; ``excluded``: the cause is an Article 4 exclusion
    status: IncidentStatus
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
    #: the named targets and incident notification rules (issue 12), in the policy's order
    targets: list[TargetRow] = Field(default_factory=list)
    # which rule of ``priority`` judged the incident (:attr:`rule`): not a field, so in neither the
    # JSON (where ``explain`` says the same in the engine's English) nor the tables
    _rule: int | None = PrivateAttr(default=None)

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


class OutageRow(_Row):
    """The verdict on one outage: its downtime and the recovery-notice target."""

    #: the outage's id from the log (``OUT-09``)
    id: str
    #: when the service became unavailable (``outage.started``), ISO 8601 in the policy's time zone
    #: with its offset
    start: dt.datetime
    #: when it was available again (``outage.ended``); null when still open at ``as_of``
    end: dt.datetime | None
    #: minutes of this outage counted as downtime, inside the period up to ``as_of`` (an open outage
    #: runs to ``as_of``), less time excused or excluded; fractional. Overlapping outages each count
    #: their own minutes here, so these can add up to more than ``availability.downtime_minutes``
    downtime_minutes: float
    #: when the recovery notice falls due: the notification rule's time after ``outage.recognized``
    #: (Click So-ko: 3 business hours); null when ``notice_status`` is ``not_applicable`` or ``excluded``
    notice_due: dt.datetime | None
    #: ``met``: ``outage.notified`` at or before ``notice_due``; ``breached``: notified later, or none
    #: and ``as_of`` is after ``notice_due``; ``open``: none yet and not yet due; ``not_applicable``: no
    #: target (recognised outside business hours, or not recognised as of ``as_of``); ``excluded``:
    #: the cause is an Article 4 exclusion
    notice_status: NoticeStatus
    #: the ``cause`` given in ``outage.started`` (``failure``, ``emergency``, ``planned``, or one the
    #: policy declares such as ``force_majeure``); null when none
    cause: str | None = None
    #: when the Company recognised the failure (the first ``outage.recognized``); null when not by ``as_of``
    recognized_at: dt.datetime | None = None
    #: the first ``outage.notified`` (the first report of the failure's status); null when none by ``as_of``
    notified_at: dt.datetime | None = None
    #: minutes of this outage inside the period up to ``as_of`` that are not downtime: time in
    #: maintenance windows, validly noticed planned stops or Article 4 exclusions, or all of it when
    #: the outage itself is excluded or an excused emergency; fractional
    excused_minutes: float = 0.0
    #: the policy version in force at the outage's start, which judged it (Article 5)
    policy_version: str
    #: the steps that explain the verdict, in time order, in the engine's English
    explain: list[Step] = Field(default_factory=list)
    #: every notification rule on an outage event, the first one's verdict also above (issue 12)
    notices: list[TargetRow] = Field(default_factory=list)


class StopNotice(_Row):
    """One announcement of a planned stop as data: when, by which channel, and what made it (in)valid."""

    #: when the notice was sent (the ``stop.announced`` event's ``at``), in the policy's time zone
    at: dt.datetime
    #: the channel it was sent by, as the log spells it (``email``, ``web``)
    channel: str
    #: the channel is one the policy's planned-stop rule allows
    allowed_channel: bool
    #: sent on or before the notice deadline
    in_time: bool


class StopRow(_Row):
    """A planned stop and whether its notice was valid."""

    #: the planned stop's id from the log (``STOP-01``)
    id: str
    #: the start of the stop window [start, end) of its latest ``stop.announced`` (a changed window:
    #: the final one), ISO 8601 in the policy's time zone with its offset
    start: dt.datetime
    #: the end of that window (exclusive), same form
    end: dt.datetime
    #: when the first valid notice of the final window was sent; when none is valid, its first notice
    notice_at: dt.datetime | None
    #: true when a notice of the final window was sent by a channel the policy allows before
    #: ``notice_deadline``: the window is then excused from availability; false otherwise (a
    #: ``stop_notice_invalid`` violation is listed)
    notice_ok: bool
    #: the channel of the notice in ``notice_at``, as the log spells it (``email``, ``web``)
    channel: str | None = None
    #: the instant a valid notice must be sent before (Click So-ko: 00:00 of the day after the date 7
    #: days before the start date); null when the policy has no planned-stop rule
    notice_deadline: dt.datetime | None = None
    #: the policy version in force at the stop's start, which judged it (Article 5)
    policy_version: str
    #: the steps that explain the verdict, in time order, in the engine's English
    explain: list[Step] = Field(default_factory=list)
    #: every announcement of this window, in time order: what the report's words are built from
    #: (``exclude``: not in the JSON, where ``explain`` says the same in the engine's English)
    notices: list[StopNotice] = Field(default_factory=list, exclude=True)


class MaintenanceRow(_Row):
    """A regular-maintenance window that starts in the period."""

    #: the start of the window, ISO 8601 in the policy's time zone with its offset
    start: dt.datetime
    #: its end (exclusive); a window to ``24:00`` ends at 00:00 of the next day
    end: dt.datetime
    #: the maintenance rule's name in the policy (``regular``)
    name: str = ""
    #: the date the recurrence schedules (Click So-ko: the 4th Thursday), before any move; null when unknown
    scheduled: dt.date | None = None
    #: true when the scheduled date was not a business day and the window moved (Click So-ko: to the
    #: next business day)
    moved: bool = False
    #: why it moved, in English: the holiday's name or ``not a business day``; null when not moved
    reason: str | None = None
    #: true when the window's time is excused from availability (the default); false when the policy
    #: counts it
    excused: bool = True


class Availability(_Row):
    """Measured time, downtime and their ratio over the period."""

    #: minutes measured, of the policy's first measured service: ``period_minutes`` less
    #: ``excused_minutes`` and ``excluded_minutes``; fractional (seconds / 60)
    measured_minutes: float
    #: minutes of downtime: the union of the counted outages inside the measured time, overlapping
    #: outages counted once
    downtime_minutes: float
    #: (measured - downtime) / measured, a fraction from 0 to 1 (0.9933 is 99.33%); 1.0 when nothing
    #: was measured
    ratio: float
    #: minutes from ``from`` to ``to`` or ``as_of``, whichever is first (time after ``as_of`` is not
    #: measured yet)
    period_minutes: float = 0.0
    #: minutes of it excused: regular-maintenance windows and validly noticed planned stops (and
    #: emergency stops when the policy excuses them), overlaps counted once
    excused_minutes: float = 0.0
    #: minutes of outages excluded under Article 4 (``force_majeure``, ``customer_fault``) that are not
    #: already excused
    excluded_minutes: float = 0.0
    #: the measured service's availability target in percent (``99.5``); null when the policy states
    #: none (Click So-ko: measured only)
    target: float | None = None
    #: the steps that explain the figure, in the engine's English
    explain: list[Step] = Field(default_factory=list)


class BackupRow(_Row):
    """Whether a daily backup kind was taken on one calendar day."""

    #: the backup kind as the policy names it (``database``, ``files``, ``machine_image``)
    kind: str
    #: the calendar day judged (``YYYY-MM-DD``), in the policy's time zone; for a window of N hours,
    #: the day the window starts on
    day: dt.date
    #: ``ok``: at least one ``backup.completed`` of the kind in the day (or window); ``missed``: none,
    #: and the day is over at ``as_of`` (a ``backup_missed`` violation is listed); ``pending``: none
    #: yet and the day is not over at ``as_of``
    status: Literal["ok", "missed", "pending"]
    #: how many backups of the kind completed in the day (or window)
    backups: int = 0
    #: for a kind taken every N hours: the window of N hours this row judges (issue 13)
    window_start: dt.datetime | None = None
    #: the end of that window (exclusive); null, as ``window_start``, for a kind taken daily
    window_end: dt.datetime | None = None


class AvailabilityPeriod(_Row):
    """A measured service's availability over one measurement period (a month, a quarter, the period)."""

    #: the measured service's name in the policy (``content``)
    service: str
    #: the measurement period of the service's target: ``month`` (calendar month, the default),
    #: ``quarter`` (calendar quarter) or ``period`` (the evaluated period), in the policy's time zone
    period: Literal["month", "quarter", "period"]
    #: the start of the measurement period cut to the evaluated one, ISO 8601 in the policy's time zone
    start: dt.datetime
    #: its end (exclusive), cut the same way
    end: dt.datetime
    #: the whole measurement period lies in the evaluated one and is over at ``as_of``
    complete: bool
    #: minutes measured from ``start`` to ``end`` or ``as_of``, whichever is first, less excused and
    #: excluded time; fractional
    measured_minutes: float
    #: minutes of downtime of this service in it, overlapping outages counted once
    downtime_minutes: float
    #: (measured - downtime) / measured, a fraction from 0 to 1; 1.0 when nothing was measured
    ratio: float
    #: the service's availability target in percent (``99.5``); null when the policy states none
    target: float | None = None
    #: ``ratio`` x 100 is at least ``target`` (also for an incomplete period: the figure so far); null
    #: without a target
    met: bool | None = None
    #: the service's article (``Article 2.1.1``); null when it cites none
    ref: str | None = None
    #: the steps that explain the figure, in the engine's English
    explain: list[Step] = Field(default_factory=list)
    #: the ``when`` condition of the availability target this row judges, as written (issue 13): the
    #: customers it is promised to; null for the service's target without ``when`` (or no target)
    when: str | None = None


class CreditRow(_Row):
    """A service credit owed for one measurement period: the figure, the tier it fell in, the article."""

    #: the measured service's name in the policy (``content``)
    service: str
    #: the start of the (complete) measurement period the credit is for, as in ``availability_periods``
    start: dt.datetime
    #: its end (exclusive)
    end: dt.datetime
    #: the period's availability, a fraction from 0 to 1
    ratio: float
    #: the service's availability target in percent (``99.5``)
    target: float
    #: the figure in percent of the credit tier that applies: the lowest tier ``ratio`` x 100 is below
    #: (``99.0`` for ``below 99.0% 25%``)
    below: float
    #: the credit owed, in percent of the period's fee (``25.0``)
    credit_percent: float
    #: the article of the credits (``Article 2.1.1``); null when it cites none
    ref: str | None = None
    #: the steps that explain the credit, in the engine's English
    explain: list[Step] = Field(default_factory=list)
    #: the ``when`` condition of the target whose tiers give this credit (issue 13): the customers it
    #: is owed to; null for the service's target without ``when``
    when: str | None = None


class RetentionRow(_Row):
    """A backup deletion in the period and whether it respected retention."""

    #: the backup's id, from its ``backup.completed`` and ``backup.deleted`` (``DB-1015``)
    id: str
    #: the backup kind of the ``backup.deleted`` (``database``)
    kind: str
    #: when the backup completed, ISO 8601 in the policy's time zone; null when the log has no
    #: ``backup.completed`` for the id (a ``data`` violation says so)
    completed_at: dt.datetime | None
    #: when it was deleted (``backup.deleted``), in the period
    deleted_at: dt.datetime
    #: the end of its retention: completion plus the kind's ``keep`` (months by calendar-month
    #: arithmetic); null when the kind has no retention rule or the completion is unknown
    keep_until: dt.datetime | None
    #: true when deleted at or after ``keep_until``, or when retention cannot be judged (no rule, no
    #: completion); false when deleted before it (a ``backup_retention`` violation is listed)
    ok: bool
    #: the policy version in force at the deletion, which judged it (Article 5)
    policy_version: str
    #: the steps that explain the verdict, in time order, in the engine's English
    explain: list[Step] = Field(default_factory=list)


class BreachedTarget(_Row):
    """The named target (issue 12) a ``target_breached`` or incident ``notice_breached`` violation is about."""

    #: the target's name, as ``TargetRow.name``
    name: str
    #: the target's kind, as ``TargetRow.kind``
    kind: Literal["respond", "resolve", "first_reply", "update", "notify"]
    #: the incident's priority the target belongs to (``P1``)
    priority: str
    #: the named clock it is measured on; null for a notification rule
    clock: str | None = None
    #: when the clock stopped (or the notification was sent), late
    met_at: dt.datetime | None = None
    #: ``update``: how many updates came late or not at all
    missed: int = 0
    #: the clock was cancelled (``cancels at``) after the target ran out: when; null otherwise
    cancelled_at: dt.datetime | None = None


#: what a ``data`` violation is about: an event of an id whose first event is missing
#: (``unknown_incident``, ``unknown_outage``, ``unknown_backup``), a first event repeated
#: (``reported_again``, ``started_again``, ``ended_again``, ``completed_again``), an event before the one
#: it follows (``before``, ``ended_before_started``), a backup deleted as another kind
#: (``kind_differs``), a priority the version lacks (``priority_unknown``), two events at one instant
#: that disagree (``conflict``, ``conflict_unlined`` when the events have no line numbers), attributes
#: given on an event that does not carry them, never read (``attributes_unread`` on an incident's or
#: outage's later event, ``attributes_none`` on a planned stop's or backup's), another field of the
#: contract given on a type that does not carry it and different from the value in force, never read
#: (``field_unread``: a ``priority`` on ``incident.responded``)
DataWhat = Literal[
    "unknown_incident",
    "unknown_outage",
    "unknown_backup",
    "reported_again",
    "started_again",
    "ended_again",
    "completed_again",
    "before",
    "ended_before_started",
    "kind_differs",
    "priority_unknown",
    "conflict",
    "conflict_unlined",
    "zone_unstated",
    "attributes_unread",
    "attributes_none",
    "field_unread",
]


class DataDiff(_Row):
    """One fact two events at the same instant disagree on."""

    #: the event field (``priority``)
    name: str
    #: its value in the event read later (a time as ISO 8601); null when that event has none
    value: str | None
    #: its value in the event read first, as ``value``
    other: str | None


class DataNote(_Row):
    """What a ``data`` violation's words are built from, in every language of the report."""

    #: which contradiction (:data:`DataWhat`)
    what: DataWhat
    #: per language, where the event is (``events.jsonl:12``, ``events.parquet: 12 行目``); empty
    #: when the event has no line
    where: dict[str, str] = Field(default_factory=dict)
    #: the event type the note is about (``incident.responded``)
    event: str = ""
    #: ``before``: the event type it should follow (``incident.reported``); ``attributes_unread``: the
    #: event whose attributes count
    first: str = ""
    #: ``conflict``: the line of the event read later
    line: int = 0
    #: ``conflict``: the line of the event read first
    other_line: int = 0
    #: ``kind_differs``: the backup kind of the ``backup.deleted``
    kind: str = ""
    #: ``kind_differs``: the backup kind of the ``backup.completed``
    other_kind: str = ""
    #: ``priority_unknown``: the priority the event names
    priority: str = ""
    #: ``priority_unknown``: the policy version that defines no such priority
    version: str = ""
    #: ``ended_before_started``: the outage's start, in the policy's time zone
    start: dt.datetime | None = None
    #: ``ended_before_started``: its end, before the start
    end: dt.datetime | None = None
    #: ``conflict``: the facts the two events disagree on
    diff: list[DataDiff] = Field(default_factory=list)
    #: ``zone_unstated``: the fields the ``backup.completed`` leaves out (``zone``, ``primary_zone``);
    #: ``field_unread``: the fields given that its type does not carry
    fields: list[str] = Field(default_factory=list)


class Violation(_Row):
    """Something to alert on: a breach, a missed backup, an invalid notice, bad data."""

    #: what it is: ``response_breached``, ``notice_breached``, ``target_breached`` (a named target,
    #: issue 12), ``stop_notice_invalid``, ``backup_missed``, ``backup_retention``, ``backup_zone``,
    #: ``availability`` (a complete period below target) or ``data`` (a contradiction in the events)
    kind: str
    #: what it is about: an incident, outage, stop or backup id from the log; a missed day is
    #: ``KIND:YYYY-MM-DD`` (``files:2026-11-14``), a missed window of N hours ``KIND:START``; an
    #: availability period ``SERVICE:YYYY-MM-DD`` (its first day)
    id: str
    #: the violation in one line of the engine's English (for alerts and logs; the customer documents
    #: word it from the data, in the report's language)
    message: str
    #: when it happened or fell due (a response or notice due time, the end of a missed day or window, a
    #: deletion, a stop's start, the end of a period), ISO 8601 in the policy's time zone; null when it
    #: is not tied to one instant (listed last)
    at: dt.datetime | None = None
    #: the article of the rule broken (``Article 3.2``); null for ``data`` and rules that cite none
    ref: str | None = None
    #: what the report's words are built from (``exclude``: not in the JSON, where ``message`` says
    #: the same in the engine's English): a ``backup_zone`` violation's backup kind (the backup was
    #: taken in its primary zone; one that states no zone cannot be judged and is ``data``)
    backup_kind: str | None = Field(default=None, exclude=True)
    #: the named target a target violation is about (``exclude``, as above)
    target: BreachedTarget | None = Field(default=None, exclude=True)
    #: a ``data`` violation's contradiction (``exclude``, as above)
    note: DataNote | None = Field(default=None, exclude=True)


class InputSummary(_Row):
    """What was read: events filed, exact duplicates dropped, lines skipped."""

    #: how many events were read and filed, exact repeats included (lines left out not included)
    events: int = 0
    #: how many of them repeated another event exactly and were counted once
    duplicates: int = 0
    #: one text per line left out by ``--skip-invalid``, in line order (where it is and its problems);
    #: empty without that option
    skipped: list[str] = Field(default_factory=list)


class TrendFigure(_Row):
    """One commitment's figure in one month of the trend, as that month's own report gives it."""

    #: what is measured: ``response`` (a priority's response target), ``target`` (a named target of a
    #: priority, such as ``first reply within 30 business minutes on chat``), ``notice`` (a notification
    #: rule, on outages such as the recovery notice or on incident events), ``stop_notice`` (the notice
    #: of planned stops), ``availability`` (a measured service, for one of its targets), ``backup`` (a
    #: backup kind taken every day or every N hours) or ``continuous_backup`` (a continuous backup kind)
    commitment: Literal["response", "target", "notice", "stop_notice", "availability", "backup", "continuous_backup"]
    #: the priority (``P1``), named target (``first_reply``), notification rule (``recovery``),
    #: planned-stop rule, service (``content``) or backup kind (``database``) the figure is about, as
    #: the policy names it
    subject: str
    #: how many were judged: incidents ``met`` or ``breached`` (their response, named target or
    #: notification rule), outages whose notice is ``met`` or ``breached``, planned stops listed, backup
    #: days (or windows) ``ok`` or ``missed``; null for ``availability`` and ``continuous_backup``
    judged: int | None = None
    #: how many of those met the target (``met``, a stop's notice valid, or backups ``ok``); null for
    #: ``availability`` and ``continuous_backup``
    met: int | None = None
    #: the figure as a fraction from 0 to 1: ``met / judged``, or for ``availability`` the month's
    #: availability ratio (the lowest of its measurement periods, as the summary shows it); null when
    #: nothing was judged
    ratio: float | None = None
    #: ``ratio`` minus the previous month's, as a fraction (0.05 is 5 percentage points); null in the
    #: first month and when either month has no figure
    change: float | None = None
    #: for ``target``: the priority whose named target it is (``P1``); null otherwise
    priority: str | None = None
    #: for ``target``: the named clock the target is measured on (``chat``); null otherwise
    clock: str | None = None
    #: for ``availability``: the ``when`` condition of the target, as written (``plan = premium``): the
    #: customers it is promised to; null for the service's target without ``when`` and otherwise
    when: str | None = None
    #: for ``continuous_backup``: how many backups of the kind completed in the month with a zone
    #: problem (no zone stated, or in the primary zone itself), as the summary counts them; null otherwise
    faults: int | None = None


class TrendMonth(_Row):
    """One month of the trend against earlier months: each commitment's figure in it."""

    #: the calendar month, as its first day (``YYYY-MM-01``) in the policy's time zone
    month: dt.date
    #: the first instant the figures cover, ISO 8601 in the policy's time zone: the month's 00:00 on
    #: its first day, or ``from`` when the period starts later in that month
    start: dt.datetime
    #: the end (exclusive): the next month's first 00:00, or ``to`` when the period ends earlier
    end: dt.datetime
    #: true for the last month, the report's own (current) month
    current: bool = False
    #: the figures, by commitment (responses per priority, named targets, notices, planned-stop notices,
    #: availability per service and target, backups per kind, continuous backups) in the policy's order
    #: (the month's version's; then the named targets of incidents judged under another, by priority)
    figures: list[TrendFigure] = Field(default_factory=list)


class Report(_Row):
    """The whole evaluation report (``model_dump(mode="json")`` is the contract's JSON)."""

    #: the policy version in force at ``from`` (its name, version and effective date)
    policy: PolicyRef
    #: the evaluated period [from, to) and the instant it is judged as of
    period: Period
    #: every incident whose response clock starts in [from, to), or that started earlier and is not
    #: completed at ``from``; by clock start, then id
    incidents: Annotated[list[IncidentRow], BUILT_ON_READ] = Field(default_factory=list)
    #: every outage that starts in [from, to) or is still open at ``from``; by start, then id
    outages: list[OutageRow] = Field(default_factory=list)
    #: every announced planned stop whose window starts in [from, to) or runs across ``from``; by
    #: start, then id
    planned_stops: list[StopRow] = Field(default_factory=list)
    #: the regular-maintenance windows that start in [from, to), by start
    maintenance: list[MaintenanceRow] = Field(default_factory=list)
    #: availability of the policy's first measured service over the whole period (per service and
    #: measurement period: ``availability_periods``)
    availability: Availability
    #: one row per daily backup kind per calendar day of the period in the policy's time zone (per
    #: window for a kind taken every N hours)
    backups: list[BackupRow] = Field(default_factory=list)
    #: every breach, missed backup, retention violation, invalid stop notice, period below target and
    #: contradiction in the events, by ``at`` (those without one last), then kind, id and message; a
    #: response breach due before ``from`` belongs to an earlier report and is not listed again
    violations: Annotated[list[Violation], BUILT_ON_READ] = Field(default_factory=list)
    #: every backup deleted in the period, and whether it kept its retention; by deletion, then id
    retention: list[RetentionRow] = Field(default_factory=list)
    #: every policy version given (Article 5), by effective date
    versions: list[PolicyRef] = Field(default_factory=list)
    #: the policy's IANA time zone (``Asia/Tokyo``), in which every time of the report is written
    timezone: str = ""
    #: what was read from the event log
    input: InputSummary = Field(default_factory=InputSummary)
    #: availability of each measured service per measurement period, and the credits owed (issue 13)
    availability_periods: list[AvailabilityPeriod] = Field(default_factory=list)
    #: the service credit owed for each complete measurement period below its target (issue 13);
    #: empty when none is owed
    credits: list[CreditRow] = Field(default_factory=list)
    #: the trend against earlier months (issue 16), oldest first, the current month last: each calendar
    #: month of the period, and before it each whole month the event log reaches back to (at most 13
    #: months), every figure judged as of ``as_of``; empty when that is a single month
    trend: list[TrendMonth] = Field(default_factory=list)

    def find(self, ident: str) -> list[IncidentRow | OutageRow | StopRow | RetentionRow]:
        """Every row (incident, outage, stop, retention) with id ``ident``."""
        rows: list[IncidentRow | OutageRow | StopRow | RetentionRow] = []
        for group in (self.incidents, self.outages, self.planned_stops, self.retention):
            rows.extend(group.with_id(ident) if isinstance(group, Rows) else (r for r in group if r.id == ident))
        return rows

    def versions_in_force(self) -> list[PolicyRef]:
        """The versions given that were in force at some instant of the period (by effective date, each
        from 00:00 of its date until the next one's; the earliest also before its date, as it judges
        what comes before any): those a report names as used, not every version given."""
        given = self.versions or [self.policy]
        start, end = self.period.start, self.period.end
        out: list[PolicyRef] = []
        for k, v in enumerate(given):
            after = given[k + 1].effective if k + 1 < len(given) else None
            began = v.effective is None or k == 0 or _midnight(v.effective, start) < end
            ended = after is not None and _midnight(after, start) <= start
            if began and not ended:
                out.append(v)
        return out


def _midnight(day: dt.date, like: dt.datetime) -> dt.datetime:
    """00:00 of ``day`` in the zone of ``like`` (a version's date as the instant it takes effect)."""
    return dt.datetime.combine(day, dt.time(), tzinfo=like.tzinfo)
