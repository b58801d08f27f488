"""The evaluation report: pydantic models whose JSON is the public contract.

Design notes
------------
* ``Report.model_dump(mode="json")`` is the contract's report: the keys and
  values of ``contract.md`` (``policy``, ``period``, ``incidents``, ``outages``,
  ``planned_stops``, ``maintenance``, ``availability``, ``backups``,
  ``violations``), plus added keys that the contract allows: ``explain`` on
  every verdict, ``policy_version`` on every judged row, ``retention``,
  ``versions``, ``input``, ``trend`` (issue 16, filled by
  :mod:`sla_dsl.evaluation.trend`), ``backups_taken``, ``breach_credits``
  (:mod:`.breach_credit_rows`), ``credit_totals`` (:mod:`.credit_total_rows`), then ``generator``
  (the tool's name and version)
  after every other key; ``sha256`` in ``policy`` and each of ``versions``
  (the fingerprint of that version's text as read), after their other keys; and
  ``id`` after the other keys of the rows no event names (a measurement period, a
  credit, a backup day or window, a maintenance window, a month of the trend: the
  id the report gives each elsewhere, :mod:`.row_ids`).
* This module holds ``Report`` and its heading (``PolicyRef``, ``Period``,
  ``InputSummary``); the rows are in modules by subject, and every model is
  re-exported here (``__all__``), so ``from sla_dsl.report import X`` is the
  one way to import them: :mod:`.row_base` (the rows' base and the
  explanation ``Step``), :mod:`.incident_rows` (incidents and their named
  targets), :mod:`.availability_rows` (outages, planned stops, maintenance,
  availability, credits), :mod:`.backup_rows` (backups and retention),
  :mod:`.violation_rows` (violations and what their words are built from) and
  :mod:`.trend_rows` (the trend). None of them imports the package or a
  renderer, so the renderers' ``from . import ...`` loads only the models.
* Every field says what it holds in a ``#:`` comment above it (units, time
  zone, what null means, which statuses): the engineers' report schema is
  generated from these (:mod:`sla_dsl.docs.fielddocs`), and a test fails on a
  field without one.
* Fields marked ``exclude=True`` are the data the documents' words are built
  from (a stop's ``notices``, a violation's ``backup_kind``, ``zone_fault``,
  ``target`` and ``note``): the report and ``sla explain`` never read the
  engine's English (``explain`` steps, ``message``) back. They are not in the
  JSON, whose bytes stay as they were, nor columns of the Parquet tables. A
  report's Python-mode dump carries them (:func:`.row_base.with_words_data`),
  so it validates back to the same report.
* ``backups_taken`` (how many backups of each kind completed in the period) is
  in the JSON, a key after the others (before ``breach_credits``), an addition
  the contract allows ("more may be added"; the keys before it are written as
  they were): the summary reads a continuous backup kind with none as not
  verified, and nothing else in the
  JSON says so (a clean continuous backup that is not deleted is in no row of
  it), so a report read back from its JSON rendered such a kind "met" where
  the report said "cannot be verified". It was kept out of the JSON; one read
  back from a JSON written then has it null, and reads the kind as before.
* Times are aware datetimes already converted to the policy's time zone, so
  pydantic writes them as ISO 8601 with that offset.
* Status values are the contract's, plus ``pending`` for a backup day that has
  not ended at ``as_of`` (it can be neither ``ok`` nor ``missed`` yet).
* Renderers live beside the models: :mod:`.render` (JSON, terminal text,
  Markdown and HTML monthly reports; PDF through :mod:`.pdf`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from operator import attrgetter
from typing import Any

import numpy as np
from numpy.typing import NDArray
from pydantic import AliasChoices, Field, model_serializer

from .availability_rows import (
    Availability,
    AvailabilityPeriod,
    CreditRow,
    MaintenanceRow,
    NoticeStatus,
    OutageRow,
    StopNotice,
    StopRow,
)
from .backup_rows import BackupRow, RetentionRow
from .breach_credit_rows import BreachCreditRow
from .credit_total_rows import CreditTotalRow
from .incident_rows import (
    ClockStep,
    CycleStep,
    IncidentRow,
    IncidentStatus,
    OutOfHoursStep,
    RiskStep,
    SameDay,
    TargetRow,
    TargetStatus,
)
from .row_base import Step, _Row
from .rows import Rows, built_on_read, compact
from .trend_rows import TrendFigure, TrendMonth
from .violation_rows import BreachedTarget, DataDiff, DataNote, DataWhat, Violation

__all__ = [
    "Availability",
    "AvailabilityPeriod",
    "BackupRow",
    "BreachCreditRow",
    "BreachedTarget",
    "ClockStep",
    "CreditRow",
    "CreditTotalRow",
    "CycleStep",
    "DataDiff",
    "DataNote",
    "DataWhat",
    "Generator",
    "IncidentRow",
    "IncidentStatus",
    "InputSummary",
    "LeftOutLine",
    "MaintenanceRow",
    "NoticeStatus",
    "OutOfHoursStep",
    "OutageRow",
    "Period",
    "PolicyRef",
    "Report",
    "RetentionRow",
    "RiskStep",
    "SameDay",
    "Step",
    "StopNotice",
    "StopRow",
    "TargetRow",
    "TargetStatus",
    "TrendFigure",
    "TrendMonth",
    "Violation",
]


class PolicyRef(_Row):
    """Which policy (and version) a report or a row was judged under."""

    #: the policy's name from its header (``Click So-ko``)
    name: str
    #: the policy's ``version`` (``2026.1``)
    version: str
    #: the calendar date this version takes effect (``effective`` in its header, ``YYYY-MM-DD`` in the
    #: policy's time zone); null when the policy states none
    effective: dt.date | None = None
    #: the SHA-256 of this version's text as read, 64 lowercase hex digits: of a file's bytes as they are
    #: on disk (what ``sha256sum`` prints for it), of a text given to the API its UTF-8 bytes; two texts of
    #: one ``version`` differ here. Null when not known (a policy built from a model, a report read back
    #: from a JSON written without this key)
    sha256: str | None = None


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


class LeftOutLine(_Row):
    """One problem of an event line left out by ``--skip-invalid`` (kept out of the JSON)."""

    #: the line of the event log (1-based); 0 for a problem at no line (a column of a table)
    line: int
    #: the problem's code (``E120``)
    code: str
    #: its words per language (``ja``, ``en``)
    message: dict[str, str] = Field(default_factory=dict)
    #: the names its words quote that a policy may label, by their role (``event``: the event type,
    #: ``attribute``: the attribute of a value), for a customer's page to name them by the policy's words
    named: dict[str, str] = Field(default_factory=dict)
    #: its words per language with each of ``named`` as :func:`named_mark` of its role (empty: none named)
    marked: dict[str, str] = Field(default_factory=dict)


def named_mark(role: str) -> str:
    """Where :attr:`LeftOutLine.marked` has the name of ``role`` (``event``, ``attribute``): no text of a log."""
    return f"\x00{role}\x00"


def _skipped_shown(summary: InputSummary, dumped: Any) -> Any:
    """``dumped``, the dump of ``summary``, without ``skipped_by_language`` when no line was left out: a report
    without ``--skip-invalid`` gives the bytes it gave before the key was added."""
    if not summary.skipped_by_language and isinstance(dumped, dict):
        dumped.pop("skipped_by_language", None)
    return dumped


class InputSummary(_Row):
    """What was read: events filed, exact duplicates dropped, lines skipped."""

    #: how many events were read and filed, exact repeats included (lines left out not included)
    events: int = 0
    #: how many of them repeated another event exactly and were counted once
    duplicates: int = 0
    #: one text per line left out by ``--skip-invalid``, in line order (where it is and its problems);
    #: empty without that option
    skipped: list[str] = Field(default_factory=list)
    #: the texts of ``skipped`` in each language the policy declares (``ja``, ``en``; English for a policy that
    #: declares none), by language, the primary first: ``{"ja": [...], "en": [...]}``; only when a line was
    #: left out (``skipped`` stays in the engine's English, for programs that match it)
    skipped_by_language: dict[str, list[str]] = Field(default_factory=dict)
    #: each problem of the lines left out, in line order, for the documents' words (kept out of the JSON,
    #: whose ``skipped`` says them): its line, code and words in each language
    left_out: list[LeftOutLine] = Field(default_factory=list, exclude=True)

    # (``skipped_by_language`` left out of the dump while empty; a lambda, so that pydantic gives the serializer
    # no return type and the JSON schema stays the model's)
    _skipped_shown = model_serializer(mode="wrap")(lambda self, handler: _skipped_shown(self, handler(self)))


class Generator(_Row):
    """What wrote the report: the tool's name and version."""

    #: the tool's name (``sla-dsl``, the package's)
    name: str
    #: its version (``sla --version``, ``sla_dsl.__version__``)
    version: str


class Report(_Row):
    """The whole evaluation report (``model_dump(mode="json")`` is the contract's JSON)."""

    #: the policy version in force at ``from`` (its name, version and effective date)
    policy: PolicyRef
    #: the evaluated period [from, to) and the instant it is judged as of
    period: Period
    #: every incident whose response clock starts in [from, to), or that started earlier and is not
    #: completed at ``from``; by clock start, then id
    incidents: list[IncidentRow] = Field(default_factory=list)
    #: every outage that starts in [from, to) or is still open at ``from``; by start, then id
    outages: list[OutageRow] = Field(default_factory=list)
    #: every announced planned stop whose window starts in [from, to) or runs across ``from``; by
    #: start, then id
    planned_stops: list[StopRow] = Field(default_factory=list)
    #: the regular-maintenance windows that start in [from, to), by start
    maintenance: list[MaintenanceRow] = Field(default_factory=list)
    #: availability of the policy's first measured service (``availability.service``) over the whole
    #: period (per service and measurement period: ``availability_periods``)
    availability: Availability
    #: one row per daily backup kind per calendar day of the period in the policy's time zone (per
    #: window for a kind taken every N hours)
    backups: list[BackupRow] = Field(default_factory=list)
    #: every breach, missed backup, retention violation, invalid stop notice, period below target and
    #: contradiction in the events, by ``at`` (those without one last), then kind, id and message; a
    #: response breach due before ``from`` belongs to an earlier report and is not listed again
    violations: list[Violation] = Field(default_factory=list)
    #: every backup deleted in the period, and whether it kept its retention; by deletion, then id
    retention: list[RetentionRow] = Field(default_factory=list)
    #: every policy version given (Article 5), by effective date
    versions: list[PolicyRef] = Field(default_factory=list)
    #: the policy's IANA time zone (``Asia/Tokyo``), in which every time of the report is written
    timezone: str = ""
    #: what was read from the event log
    input: InputSummary = Field(default_factory=InputSummary)
    #: availability of each measured service per measurement period, and the credits owed
    availability_periods: list[AvailabilityPeriod] = Field(default_factory=list)
    #: the service credit owed for each complete measurement period below its target;
    #: empty when none is owed
    credits: list[CreditRow] = Field(default_factory=list)
    #: the trend against earlier months, oldest first, the current month last: each calendar
    #: month of the period, and before it each whole month the event log reaches back to (at most 13
    #: months), every figure judged as of ``as_of``; empty when that is a single month
    trend: list[TrendMonth] = Field(default_factory=list)
    #: per backup kind, how many backups of it completed in the period (each id's first completion), by
    #: kind; a kind with none is absent: the summary reads a continuous kind with none as none recorded, not
    #: verified; null when not known (a report read back from a JSON written without this key)
    backups_taken: dict[str, int] | None = None
    #: the service credits owed per breached target (a priority's ``credit 5% per breach``): one row per
    #: credit line and measurement period that holds a breach of its target, by period, then priority;
    #: empty when the policy states none or none is breached
    breach_credits: list[BreachCreditRow] = Field(default_factory=list)
    #: the header's cap on the sum of every credit of a period (``credit total at most 30% monthly``): one row
    #: per measurement period of the cap that holds a credit, by start, with the credits before the cap, the
    #: cap and what is owed after it; empty when the policy states no such cap or no credit is owed
    credit_totals: list[CreditTotalRow] = Field(default_factory=list)
    #: the tool that wrote the report, its name and version (``{"name": "sla-dsl", "version": "0.1.0"}``):
    #: with each version's ``sha256``, what reproduces it; null when not known (a report read back from a
    #: JSON written without this key)
    generator: Generator | None = None

    # (``incidents`` and ``violations`` may hold rows built when read: :func:`.rows.built_on_read`)
    _built_on_read = built_on_read("incidents", "violations")

    def find(self, ident: str) -> list[IncidentRow | OutageRow | StopRow | RetentionRow]:
        """Every row (incident, outage, stop, retention) with id ``ident``."""
        rows: list[IncidentRow | OutageRow | StopRow | RetentionRow] = []
        for group in (self.incidents, self.outages, self.planned_stops, self.retention):
            rows.extend(group.with_id(ident) if isinstance(group, Rows) else (r for r in group if r.id == ident))
        return rows

    def versions_used(self, incidents: Sequence[Any] | None = None) -> list[PolicyRef]:
        """The versions given that the report names as used: those in force at some instant of the period
        (:meth:`versions_in_force`) and those that judged a row it lists (an incident carried over from an
        earlier version's time, an outage or a stop begun before ``from``, a retention row), by effective
        date. ``incidents`` stands in for :attr:`incidents` (the evaluator's compact verdicts, which name
        the version that judged each by its rules)."""
        given = self.versions or [self.policy]
        used = {_key(v) for v in self.versions_in_force()}
        rows = compact(self.incidents) if incidents is None else incidents
        judged = judging_versions(rows)
        for group in (self.outages, self.planned_stops, self.retention):
            judged.update((r.policy_version, None) for r in group)
        for v in given:
            if (v.version, v.effective) in judged or (v.version, None) in judged:
                used.add(_key(v))
        return [v for v in given if _key(v) in used]

    def versions_in_force(self) -> list[PolicyRef]:
        """The versions given that were in force at some instant of the period (by effective date, each
        from 00:00 of its date until the next one's; the earliest also before its date, as it judges
        what comes before any); with those that judged a row the report lists, :meth:`versions_used`."""
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


def _key(v: PolicyRef) -> tuple[str, dt.date | None]:
    return v.version, v.effective


def _codes_given(kind: NDArray[np.intp]) -> list[int]:
    """The codes ``kind`` holds, each once: counted on the column (a set of a year's codes as Python ints
    costs some milliseconds each time a report's words ask which versions judged its incidents)."""
    return np.flatnonzero(np.bincount(kind)).tolist()


def judging_versions(incidents: Sequence[Any]) -> set[tuple[str, dt.date | None]]:
    """The versions that judged ``incidents``, as ``(version, effective)``: an evaluator's compact verdict
    names the policy of the rules that judged it (its date too), a row only its ``policy_version``
    (``effective`` None). A year's verdicts are read in one pass in C (their rules are a handful)."""
    if getattr(incidents, "fields", None) is not None:  # the evaluator's verdicts: every one has its rules
        made = getattr(incidents, "columns", None)
        c = made() if callable(made) else None
        if c is not None:  # (their columns code each one's rules: read the codes, not a year's objects)
            judged = {c.kinds[k][0] for k in _codes_given(c.kind)}
            return {(r.policy.version, r.policy.effective) for r in judged}
        judged = set(map(attrgetter("rules"), incidents))
        return {(r.policy.version, r.policy.effective) for r in judged}
    found: set[tuple[str, dt.date | None]] = set()
    for i in incidents:
        policy = getattr(getattr(i, "rules", None), "policy", None)
        if policy is not None:
            found.add((policy.version, policy.effective))
        elif isinstance(name := getattr(i, "policy_version", None), str):
            found.add((name, None))
    return found


def _midnight(day: dt.date, like: dt.datetime) -> dt.datetime:
    """00:00 of ``day`` in the zone of ``like`` (a version's date as the instant it takes effect)."""
    return dt.datetime.combine(day, dt.time(), tzinfo=like.tzinfo)
