"""The report's rows on what availability counts: outages, planned stops, maintenance windows, the
availability figures and the credits owed.

Design notes
------------
* ``OutageRow`` is the verdict on one outage: its downtime, measured in the
  time of the service it names (``service``), and its recovery notice
  (``NoticeStatus``); its notification rules are ``TargetRow``s of
  :mod:`.incident_rows`.
* ``StopRow`` is a planned stop and whether its notice was valid; its
  ``StopNotice``s (every announcement of the window) are the data the
  report's words are built from, excluded from the JSON. A row read back
  from its JSON has none: they are read again from its ``explain`` steps
  (:meth:`StopRow.read_back`), which say the same in the engine's English,
  so the report never calls a stop that had notices one without.
* ``OutageRow`` and ``StopRow`` write the fields their rows keep out of the
  JSON into a Python-mode dump (:func:`.row_base.with_words_data`).
* ``MaintenanceRow`` is a regular-maintenance window that starts in the
  period, with the version in force at its start (``policy_version``),
  whose rule and calendar laid it and moved it: the report says why it
  moved in that version's words.
* ``Availability`` is the figure of the policy's first measured service (in
  the version in force at ``from``, named by its ``service``) over the whole
  period (``Report.availability``); ``AvailabilityPeriod`` the figure
  of each measured service per measurement period, and ``CreditRow`` the
  service credit owed for a complete period below its target.
* The conventions every row follows are the package's: see
  :mod:`sla_dsl.report`, which re-exports every model here.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Self

from pydantic import Field, model_serializer, model_validator

from .incident_rows import TargetRow
from .row_base import Step, _Row, with_words_data
from .row_ids import maintenance_id, period_id

NoticeStatus = Literal["met", "breached", "open", "not_applicable", "excluded"]


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
    #: runs to ``as_of``), less time its ``service`` does not measure (outside its hours, excused or
    #: excluded); fractional. Overlapping outages each count their own minutes here, so those counting
    #: against ``availability.service`` can add up to more than ``availability.downtime_minutes``
    downtime_minutes: float
    #: when the notice of the first notification rule on an outage event falls due: the rule's ``within``
    #: after the first event of the kind it counts from (its ``after``: ``outage.started``,
    #: ``outage.recognized``, ...; Click So-ko: 3 business hours after ``outage.recognized``); null when
    #: ``notice_status`` is ``not_applicable`` or ``excluded``
    notice_due: dt.datetime | None
    #: the first notification rule's verdict: ``met``: the event it is met by (``outage.notified``), its
    #: first at or after the event the rule counts from, at or before ``notice_due``; ``breached``: that
    #: event later, or none and ``as_of`` is after ``notice_due``; ``open``: none yet and not yet due;
    #: ``not_applicable``: no target: the version that judged the outage has no notification rule on an
    #: outage event, the rule's ``when`` does not hold for the outage, the event the rule counts from is
    #: not in the log by ``as_of`` (Click So-ko: not recognised), or it falls outside the hours the rule
    #: names (``only if ... during``; Click So-ko: recognised outside business hours); ``excluded``: the
    #: cause is one the policy excludes (``exclude``)
    notice_status: NoticeStatus
    #: the ``cause`` given in ``outage.started`` (``failure``, ``emergency``, ``planned``, or one the
    #: policy declares such as ``force_majeure``); null when none
    cause: str | None = None
    #: when the Company recognised the failure: the log's first ``outage.recognized``, whatever event the
    #: notification rules count from (and with none); null when none by ``as_of``, or when the outage is
    #: excluded (``notice_status`` ``excluded``), as ``notified_at`` is
    recognized_at: dt.datetime | None = None
    #: the first ``outage.notified`` (the first report of the failure's status), whichever rule it meets;
    #: null when none by ``as_of``, or when the outage is excluded (``notice_status`` ``excluded``)
    notified_at: dt.datetime | None = None
    #: minutes of this outage inside the period up to ``as_of`` that are not downtime: time outside its
    #: service's hours, in maintenance windows, validly noticed planned stops or exclusions, or
    #: all of it when the outage itself is excluded or an excused emergency; fractional
    excused_minutes: float = 0.0
    #: the policy version in force at the outage's start, which judged it (Article 5)
    policy_version: str
    #: the steps that explain the verdict, in time order, in the engine's English
    explain: list[Step] = Field(default_factory=list)
    #: every notification rule on an outage event, the first one's verdict also above
    notices: list[TargetRow] = Field(default_factory=list)
    #: the measured service that is down, as ``outage.started`` names it (``content``): the outage counts
    #: against that service only, and its ``downtime_minutes`` and ``excused_minutes`` are measured in
    #: that service's time; null when it names none: it counts against every measured service, its
    #: minutes measured in the time of ``availability.service``
    service: str | None = None

    # (its notices' fields kept out of the JSON, in a Python-mode dump; a lambda, so that pydantic gives
    # the serializer no return type and the JSON schema stays the model's)
    _words_data = model_serializer(mode="wrap")(lambda self, handler, info: with_words_data(self, handler(self), info))


class StopNotice(_Row):
    """One announcement of a planned stop as data: when, by which channel, and what made it (in)valid."""

    #: when the notice was sent (the ``stop.announced`` event's ``at``), in the policy's time zone
    at: dt.datetime
    #: the channel it was sent by, as the log spells it (``email``, ``web``)
    channel: str
    #: the channel is one the policy's planned-stop rule allows
    allowed_channel: bool
    #: sent in time: before ``notice_deadline`` of its stop, or at it for a notice ``before start``
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
    #: true when a notice of the final window was sent by a channel the policy allows in time (see
    #: ``notice_deadline``): the window is then excused from the availability of each service whose
    #: hours say ``except planned stops``; false otherwise (a ``stop_notice_invalid`` violation is listed)
    notice_ok: bool
    #: the channel of the notice in ``notice_at``, as the log spells it (``email``, ``web``)
    channel: str | None = None
    #: the notice deadline: a notice ``before start date`` is in time before it (Click So-ko: 00:00 of the
    #: day after the date 7 days before the start date), one ``before start`` at it at the latest (the
    #: start less the notice); null when the policy has no planned-stop rule
    notice_deadline: dt.datetime | None = None
    #: the policy version in force at the stop's start, which judged it (Article 5)
    policy_version: str
    #: the steps that explain the verdict, in time order, in the engine's English
    explain: list[Step] = Field(default_factory=list)
    #: every announcement of this window, in time order: what the report's words are built from
    #: (``exclude``: not in the JSON, where ``explain`` says the same in the engine's English)
    notices: list[StopNotice] = Field(default_factory=list, exclude=True)

    # (``notices`` in a Python-mode dump: see OutageRow)
    _words_data = model_serializer(mode="wrap")(lambda self, handler, info: with_words_data(self, handler(self), info))

    @model_validator(mode="after")
    def read_back(self) -> Self:
        """A row read back from its JSON, which has no ``notices``, reads them from its ``explain``
        steps (the engine writes one per notice of the final window: ``announced Thu 19 Nov 10:00 by
        web: not an allowed channel (email); too late``): when each was sent, by which channel, and
        whether that channel is allowed; in time is before ``notice_deadline``. A row with a deadline
        (its policy has a planned-stop rule) always had its notices."""
        if self.notices or self.notice_deadline is None:
            return self
        deadline = self.notice_deadline
        for step in self.explain:
            if step.at is None or not step.text.startswith(_ANNOUNCED):
                continue
            head, sep, verdict = step.text.rpartition(": ")
            _, by, channel = head.partition(" by ")
            if not (sep and by):
                continue
            allowed = not any(f.startswith(_NOT_ALLOWED) for f in verdict.split("; "))
            self.notices.append(
                StopNotice(at=step.at, channel=channel, allowed_channel=allowed, in_time=step.at < deadline)
            )
        return self


#: how the engine's English begins a stop's step about one of its notices, and says its channel is not allowed
_ANNOUNCED = "announced "
_NOT_ALLOWED = "not an allowed channel"


class MaintenanceRow(_Row):
    """A regular-maintenance window that starts in the period or runs across its start."""

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
    #: true (the default) when the window's time is excused from the availability of each service whose
    #: hours say ``except maintenance``; false when the maintenance rule says ``counts as downtime``
    excused: bool = True
    #: the policy version in force at the window's start, which laid it and by whose calendar it moved
    #: (Article 5); null in a report read back from a JSON written without this key
    policy_version: str | None = None
    #: the window's id: its rule's ``name`` and the day its recurrence schedules (``regular:2026-11-26``; the
    #: day it starts when that is not known), as its calendar event's ``UID`` names it: a window a holiday moved
    #: keeps it. A key after the others; the ``id`` column of the Parquet table
    id: str = ""

    @model_validator(mode="after")
    def _named(self) -> Self:
        if not self.id:  # (a row read back from a JSON written without the key)
            self.id = maintenance_id(self.name, self.scheduled, self.start)
        return self


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
    #: emergency stops when the policy excuses them, and the time outside the service's hours when it is
    #: provided in a calendar's hours), overlaps counted once
    excused_minutes: float = 0.0
    #: minutes of outages excluded by the policy (``exclude``: ``force_majeure``, ``customer_fault``) that are not
    #: already excused
    excluded_minutes: float = 0.0
    #: the measured service's availability target in percent (``99.5``): its target without ``when`` (every
    #: customer no other target names), as the service's figure is one for all of them; a target with ``when``
    #: (a plan's ``99.9% monthly when plan = premium``) is a row of ``availability_periods`` with its ``when``,
    #: as that one is too, each judged there (``met``); null when the service has no target without ``when``
    #: (Click So-ko: measured only)
    target: float | None = None
    #: the steps that explain the figure, in the engine's English
    explain: list[Step] = Field(default_factory=list)
    #: the name of the service these figures measure (``content``): the first service with availability
    #: measured in the policy version in force at ``from``; only its outages and those naming no service
    #: count here (every measured service: ``availability_periods``); null when that version measures none
    service: str | None = None
    #: minutes of ``excused_minutes`` outside the service's hours (a service provided in a calendar's hours,
    #: ``hours business``: the time its calendar is closed); 0 for a service provided around the clock
    closed_minutes: float = 0.0


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
    #: the ``when`` condition of the availability target this row judges, as written: the
    #: customers it is promised to; null for the service's target without ``when`` (or no target)
    when: str | None = None
    #: the period's id, as availability violations and ``sla explain`` name it: the service and the first day
    #: of ``start`` (``content:2026-11-01``), then the condition of a target with ``when`` in a compact form
    #: (``content:2026-11-01:plan=premium``); a figure without a target (``availability measured``) whose row
    #: starts on the day a row of the service's target does (a later version adds the target) has
    #: ``:measured`` after it (``content:2026-11-15:measured``), so no two rows share one. A key after the
    #: others; the explanation steps' ``id`` in the Parquet tables
    id: str = ""

    @model_validator(mode="after")
    def _named(self) -> Self:
        if not self.id:  # (a row read back from a JSON written without the key)
            self.id = period_id(self.service, self.start.date(), self.when)
        return self


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
    #: the ``when`` condition of the target whose tiers give this credit: the customers it
    #: is owed to; null for the service's target without ``when``
    when: str | None = None
    #: the id of the period the credit is for, as its row in ``availability_periods`` has it
    #: (``content:2026-11-01:plan=premium``). A key after the others; the explanation steps' ``id`` in the
    #: Parquet tables
    id: str = ""

    @model_validator(mode="after")
    def _named(self) -> Self:
        if not self.id:  # (a row read back from a JSON written without the key)
            self.id = period_id(self.service, self.start.date(), self.when)
        return self
