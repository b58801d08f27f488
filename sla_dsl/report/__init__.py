"""The evaluation report: pydantic models whose JSON is the public contract.

Design notes
------------
* ``Report.model_dump(mode="json")`` is the contract's report: the keys and
  values of ``contract.md`` (``policy``, ``period``, ``incidents``, ``outages``,
  ``planned_stops``, ``maintenance``, ``availability``, ``backups``,
  ``violations``), plus added keys that the contract allows: ``explain`` on
  every verdict, ``policy_version`` on every judged row, ``retention``,
  ``versions`` and ``input``.
* Times are aware datetimes already converted to the policy's time zone, so
  pydantic writes them as ISO 8601 with that offset.
* Status values are the contract's, plus ``pending`` for a backup day that has
  not ended at ``as_of`` (it can be neither ``ok`` nor ``missed`` yet).
* Renderers live beside the models: :mod:`.text` (terminal tables) and
  :mod:`.document` (Markdown and HTML monthly reports).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_serializer


class _Row(BaseModel):
    model_config = ConfigDict(frozen=False, extra="forbid")


class Step(_Row):
    """One step of an explanation: what happened or was derived, when, and under which article."""

    text: str
    at: dt.datetime | None = None
    ref: str | None = None


class PolicyRef(_Row):
    """Which policy (and version) a report or a row was judged under."""

    name: str
    version: str
    effective: dt.date | None = None


class Period(_Row):
    """The evaluated period [from, to) and the "as of" instant."""

    start: dt.datetime
    end: dt.datetime
    as_of: dt.datetime

    @model_serializer(mode="plain")
    def _dump(self) -> dict[str, Any]:
        return {"from": self.start, "to": self.end, "as_of": self.as_of}


IncidentStatus = Literal["met", "breached", "open", "at_risk", "excluded"]
NoticeStatus = Literal["met", "breached", "open", "not_applicable", "excluded"]


class SameDay(_Row):
    """The derived same-day guideline (reported, never a breach)."""

    applies: bool
    due: dt.datetime | None = None
    met: bool | None = None


TargetStatus = Literal["met", "breached", "open", "paused", "at_risk", "excluded", "not_applicable"]


class TargetRow(_Row):
    """The verdict on one named target of an incident (issue 12): a target on a named clock
    (``resolve``, ``first_reply``, ``respond``, ``update``) or a notification rule on an incident event."""

    name: str
    kind: Literal["respond", "resolve", "first_reply", "update", "notify"]
    clock: str | None = None
    status: TargetStatus
    due: dt.datetime | None = None
    #: when the clock stopped (or the notification was sent)
    met_at: dt.datetime | None = None
    target_minutes: float
    #: business (or elapsed) minutes the clock ran; for ``update``, since the last update
    used_minutes: float | None = None
    #: ``update``: how many updates came late or not at all
    missed: int = 0
    ref: str | None = None
    explain: list[Step] = Field(default_factory=list)


class IncidentRow(_Row):
    """The verdict on one incident's response target (and its completion)."""

    id: str
    priority: str
    clock_start: dt.datetime
    response_due: dt.datetime | None
    responded_at: dt.datetime | None
    status: IncidentStatus
    completed_at: dt.datetime | None
    reported_at: dt.datetime
    clock_event: str
    completion: Literal["resolved", "silence"] | None = None
    cause: str | None = None
    same_day: SameDay | None = None
    policy_version: str
    explain: list[Step] = Field(default_factory=list)
    #: the named targets and incident notification rules (issue 12), in the policy's order
    targets: list[TargetRow] = Field(default_factory=list)

    @property
    def is_completed(self) -> bool:
        """Whether the incident was completed (``completed_at`` is set)."""
        return self.completed_at is not None


class OutageRow(_Row):
    """The verdict on one outage: its downtime and the recovery-notice target."""

    id: str
    start: dt.datetime
    end: dt.datetime | None
    downtime_minutes: float
    notice_due: dt.datetime | None
    notice_status: NoticeStatus
    cause: str | None = None
    recognized_at: dt.datetime | None = None
    notified_at: dt.datetime | None = None
    excused_minutes: float = 0.0
    policy_version: str
    explain: list[Step] = Field(default_factory=list)
    #: every notification rule on an outage event, the first one's verdict also above (issue 12)
    notices: list[TargetRow] = Field(default_factory=list)


class StopRow(_Row):
    """A planned stop and whether its notice was valid."""

    id: str
    start: dt.datetime
    end: dt.datetime
    notice_at: dt.datetime | None
    notice_ok: bool
    channel: str | None = None
    notice_deadline: dt.datetime | None = None
    policy_version: str
    explain: list[Step] = Field(default_factory=list)


class MaintenanceRow(_Row):
    """A regular-maintenance window that starts in the period."""

    start: dt.datetime
    end: dt.datetime
    name: str = ""
    scheduled: dt.date | None = None
    moved: bool = False
    reason: str | None = None
    excused: bool = True


class Availability(_Row):
    """Measured time, downtime and their ratio over the period."""

    measured_minutes: float
    downtime_minutes: float
    ratio: float
    period_minutes: float = 0.0
    excused_minutes: float = 0.0
    excluded_minutes: float = 0.0
    target: float | None = None
    explain: list[Step] = Field(default_factory=list)


class BackupRow(_Row):
    """Whether a daily backup kind was taken on one calendar day."""

    kind: str
    day: dt.date
    status: Literal["ok", "missed", "pending"]
    backups: int = 0
    #: for a kind taken every N hours: the window of N hours this row judges (issue 13)
    window_start: dt.datetime | None = None
    window_end: dt.datetime | None = None


class AvailabilityPeriod(_Row):
    """A measured service's availability over one measurement period (a month, a quarter, the period)."""

    service: str
    period: Literal["month", "quarter", "period"]
    start: dt.datetime
    end: dt.datetime
    #: the whole measurement period lies in the evaluated one and is over at ``as_of``
    complete: bool
    measured_minutes: float
    downtime_minutes: float
    ratio: float
    target: float | None = None
    met: bool | None = None
    ref: str | None = None
    explain: list[Step] = Field(default_factory=list)


class CreditRow(_Row):
    """A service credit owed for one measurement period: the figure, the tier it fell in, the article."""

    service: str
    start: dt.datetime
    end: dt.datetime
    ratio: float
    target: float
    below: float
    credit_percent: float
    ref: str | None = None
    explain: list[Step] = Field(default_factory=list)


class RetentionRow(_Row):
    """A backup deletion in the period and whether it respected retention."""

    id: str
    kind: str
    completed_at: dt.datetime | None
    deleted_at: dt.datetime
    keep_until: dt.datetime | None
    ok: bool
    policy_version: str
    explain: list[Step] = Field(default_factory=list)


class Violation(_Row):
    """Something to alert on: a breach, a missed backup, an invalid notice, bad data."""

    kind: str
    id: str
    message: str
    at: dt.datetime | None = None
    ref: str | None = None


class InputSummary(_Row):
    """What was read: events filed, exact duplicates dropped, lines skipped."""

    events: int = 0
    duplicates: int = 0
    skipped: list[str] = Field(default_factory=list)


class Report(_Row):
    """The whole evaluation report (``model_dump(mode="json")`` is the contract's JSON)."""

    policy: PolicyRef
    period: Period
    incidents: list[IncidentRow] = Field(default_factory=list)
    outages: list[OutageRow] = Field(default_factory=list)
    planned_stops: list[StopRow] = Field(default_factory=list)
    maintenance: list[MaintenanceRow] = Field(default_factory=list)
    availability: Availability
    backups: list[BackupRow] = Field(default_factory=list)
    violations: list[Violation] = Field(default_factory=list)
    retention: list[RetentionRow] = Field(default_factory=list)
    versions: list[PolicyRef] = Field(default_factory=list)
    timezone: str = ""
    input: InputSummary = Field(default_factory=InputSummary)
    #: availability of each measured service per measurement period, and the credits owed (issue 13)
    availability_periods: list[AvailabilityPeriod] = Field(default_factory=list)
    credits: list[CreditRow] = Field(default_factory=list)

    def find(self, ident: str) -> list[IncidentRow | OutageRow | StopRow | RetentionRow]:
        """Every row (incident, outage, stop, retention) with id ``ident``."""
        rows: list[IncidentRow | OutageRow | StopRow | RetentionRow] = []
        for group in (self.incidents, self.outages, self.planned_stops, self.retention):
            rows.extend(r for r in group if r.id == ident)
        return rows
