"""``sla replay``: what-if, the same event log judged under two versions of a policy.

Design notes
------------
* The event log is read once and evaluated with :func:`sla_dsl.evaluate` under
  OLD and under NEW over the same period and "as of" instant. The two reports
  are then compared row by row, by identity: incidents and outages by id,
  planned stops by id, backup days by (kind, day), violations by (kind, id),
  several of one kind on one id one for one (:func:`_unmatched`).
* An evaluated report builds an incident's row (its explanation) and a
  response breach's violation only when read (:class:`~sla_dsl.report.rows.Rows`);
  a log of 80,000 incidents as rows held by id, for both versions, took
  1.5 GB. The comparison reads the compact verdicts behind them
  (:func:`~sla_dsl.report.rows.compact`): an incident's status, due times and
  named targets (:func:`_targets_of`, its row's values), each violation's kind,
  id and words (:func:`_violation_keys`); it builds only the violations that
  come or go. A report whose rows are a plain list (read back from JSON, made by
  hand) is compared on its rows, with the same result
  (``tests/author/test_replay_columns.py``).
* What an author wants to see before publishing a change: incidents whose
  status flips (met <-> breached, open -> at risk, ...) with both due times,
  outages whose notice verdict or downtime changes, the availability ratio
  moving (the first measured service over the period) and every measured
  service's measurement periods moving (``availability_periods``: keyed by
  service, start and ``when``, their figure, target, met, measured and down
  minutes; a figure's row and a target's row of one start, which their ids
  tell apart, each beside its own kind: :func:`_period_pairs`; each line of
  the text says which it is, ``measured availability (no target)`` or
  ``target row``, both when one side's is a figure and the other's a target,
  and the JSON gives the report's ids of its rows, ``id``, ``old_id`` and
  ``new_id``), credits,
  maintenance windows that move (paired by the month they fall in), appear or
  disappear, and violations that appear or go away.
* Service credits per missed target (``breach_credits``): each row that comes,
  goes or changes (its breaches, credit, incidents, whether complete),
  keyed as ``sla test`` keys it (:func:`~sla_dsl.report.periods.breach_credit_key`,
  ``P1:respond:2026-11-01:plan=premium``), rows of one key (two versions'
  lines in one month) paired one for one in order, as the measurement periods
  are paired (:func:`_paired`). The text names each as the customer report's
  table does (the priority, the target with its customers, the period:
  :func:`~sla_dsl.report.breach_credits.breach_credit_names`, each side's row
  in its own version's words), with both sides' breaches, credit and whether
  final; the summary line counts them (``counts["breach_credits"]`` in the JSON).
  A row of a period that several credit lines share (``shared_cap``: two
  versions' lines, together capped at the highest of their caps) says so on
  its side (``at most 30% with the period's other rows``), and the JSON gives
  ``old_shared_cap`` / ``new_shared_cap`` for it, only then (a period with
  one line writes what it wrote before).
* The periods of the header's cap on the total of credits (``credit_totals``,
  ``credit total at most 30% monthly``) whose cap, sum before it or owed total
  differ, by their start: each side's figures, or that a side has no row (no
  cap, or no credit in the period); a key after the others in the JSON.
* An event one version cannot judge while the other can (a priority, cause,
  backup kind, service or attribute only one declares: what
  :func:`~sla_dsl.evaluation.check_log` refuses) does not stop the what-if:
  that version judges nothing of the event's id (not the rest of its events
  either, which would be a contradiction in the events), the incident's status
  under it is ``not_judged``, and the replay lists each such event
  (:class:`NotJudged`: the version, its line, its problem). Only when a side
  refuses the log is it checked again for what it refuses, so a log both
  versions read costs what it did. A line neither version can judge is the
  log's problem and refused as ``sla evaluate`` refuses it, in NEW's words.
  The log is read as ``sla evaluate`` reads it: the problems of its lines'
  form wait for the policies' check of the values (``defer``), so a log
  refused says every problem at once, a line's form and the values neither
  version knows (of that line too: ``at`` without an offset and priority
  ``P9``), not its form alone and the values after it is fixed.
  Each side judges a copy of the log (:func:`_own`): judging takes out what it
  refuses, and the other side must still see it.
* OLD and NEW may each be a file or a directory of versions, as for
  ``sla evaluate``. ``--from``/``--to``/``--as-of`` take the same values.
* The text summary shows ids from the log through
  :func:`~sla_dsl.report.escape.printable` (a control character as its escape).
* The text summary is worded from the catalogue (``author.replay.*``) in
  ``--lang``, else the primary language of NEW's earliest version, every name
  from the policy's labels as the customer report names it (:func:`_word_names`):
  a priority as ``P1 優先度１``, a named target or notice rule by its label
  (``復旧情報通知時間``, not ``recovery``), a service (with whom its target is
  for) and a backup kind by theirs, each in the words of the version that judged
  its row. Statuses and kinds are the report's words in either language
  (``対象外`` / ``not applicable``, not ``not_applicable``; ``応答目標の未達`` /
  ``response target breached``), and a violation is worded as the report words it
  from its data in either language (:func:`_report_words`), never the
  evaluator's English, which names rules by their ids. Times are written the
  Japanese way in Japanese (``2026年11月26日(木) 22:00``), the replay's period in
  the title as the report's head line writes its period (in OLD's zone, both ends
  as times: ``2026年11月1日(日) 00:00 〜 2026年12月1日(火) 00:00``), a service's
  measurement period as the report's tables write it (``11月1日(日) 00:00 〜
  12月1日(火) 00:00（月次）``, as the rows of credits per missed target), and a
  maintenance window's hours as the report and the site write them
  (:func:`~sla_dsl.i18n.window_hours`: ``22:00〜24:00``, ``22:00〜翌02:00``). A
  list a person reads (the versions of a side) is joined in the language
  (``2026.1、2026.2``); the JSON keeps every id, status and kind as it names
  them (``"version": "2026.1, 2026.2"``). A :class:`Replay` of :func:`compare`
  alone (no policy at hand) names things by their ids.
* When OLD or NEW has more than one version that judged the period (a directory
  of versions), each incident whose verdict changes says which version judged it
  on that side (``（2026.2 で判定）`` / ``(judged by 2026.2)``); the JSON always
  says so (``old_policy_version``, ``new_policy_version``: null on a side that
  does not judge the incident).
* OLD and NEW may be in different time zones (``timezone UTC`` for
  ``Asia/Tokyo``): each report writes its times in its own, so "15:00 -> 15:00"
  would hide a due time that moved nine hours. The text summary then shows
  every time in OLD's zone, the period in the title included, and says so
  under the title (zones as ``sla diff`` names them, :mod:`sla_dsl.i18n.places`);
  a violation keeps the words of the version it comes from, so the
  violations' heading says which zone each side's times are in. With one zone
  on both sides nothing is converted: the summary is what it always was. The
  JSON is unchanged either way (its times carry their offsets).
* A log that holds no event is judged, with the warning ``sla evaluate`` gives
  (:func:`~sla_dsl.events.problems.no_events_warning`): nothing judged must not
  pass for nothing changed.
* A side (OLD or NEW) that judges something from before its earliest version's
  ``effective`` date (a NEW dated after the period's start) is judged under that
  version, as ``sla evaluate`` judges it, and noted as ``sla evaluate`` notes it
  (``cli.versions.none_yet``), naming the side (:func:`_none_yet`): on stderr
  with the text summary, as ``notes`` in the JSON.
  A side with a version numbered after another that takes effect later (W307 of
  ``sla check``) is noted the same way (``cli.versions.shadowed``): from the
  other's date on it judges under the other, never under the higher number.
* Exit status 0; with ``--exit-code``, 1 when any verdict changes. Invalid
  policies or events exit 1 with a located message (raised as ``SlaError``).
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import itertools
import json
import sys
from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Field, model_serializer

from ..errors import flag_values
from ..evaluation.in_force import shadowed_notes
from ..evaluation.incident_rows import breach_json
from ..evaluation.incidents import Incident
from ..evaluation.result import Violations
from ..events import EventInputError, EventLog, Problem
from ..events.compact import FAMILIES
from ..events.problems import located
from ..i18n import CATALOGUE, format_date, format_datetime, window_hours
from ..i18n import message as said
from ..policy.compiled import Policy
from ..report import AvailabilityPeriod, BreachCreditRow, Report, Violation
from ..report.escape import printable
from ..report.parts import IncidentLike
from ..report.periods import breach_credit_key
from ..report.rows import compact

if TYPE_CHECKING:
    from ..report.words import PolicyWords


_R = TypeVar("_R")


class IncidentFlip(BaseModel):
    """An incident judged differently under NEW."""

    id: str
    priority: str
    old_status: str
    new_status: str
    old_due: dt.datetime | None
    new_due: dt.datetime | None
    responded_at: dt.datetime | None
    #: the version that judged the incident under OLD (its name; null: OLD does not judge it)
    old_policy_version: str | None = None
    #: the version that judged the incident under NEW (its name; null: NEW does not judge it)
    new_policy_version: str | None = None
    #: the priority as the report names it (``P1 優先度１``), in the language :func:`replay` was asked for
    #: (not in the JSON)
    worded: str | None = Field(default=None, exclude=True)

    @property
    def flipped(self) -> bool:
        """Whether the verdict changes (not only the due time)."""
        return self.old_status != self.new_status


class TargetFlip(BaseModel):
    """A named target of an incident, or a notice rule of an outage, judged differently under NEW (issue 12)."""

    id: str
    target: str
    old_status: str
    new_status: str
    old_due: dt.datetime | None
    new_due: dt.datetime | None
    #: ``respond``, ``resolve``, ``first_reply``, ``update`` or ``notify``, and the clock it is measured on (not
    #: in the JSON: what names the target in the text summary)
    kind: str | None = Field(default=None, exclude=True)
    clock: str | None = Field(default=None, exclude=True)
    #: the target as the report names it (``復旧情報通知時間``), in the language :func:`replay` was asked for
    #: (not in the JSON)
    worded: str | None = Field(default=None, exclude=True)


class OutageChange(BaseModel):
    """An outage whose notice verdict or downtime differs under NEW."""

    id: str
    old_notice_status: str | None
    new_notice_status: str | None
    old_downtime_minutes: float | None
    new_downtime_minutes: float | None


class StopChange(BaseModel):
    """A planned stop whose notice is valid under one version and not the other."""

    id: str
    old_notice_ok: bool | None
    new_notice_ok: bool | None


class WindowMove(BaseModel):
    """A maintenance window that moved, appeared (``old`` is null) or went away (``new`` is null)."""

    old_start: dt.datetime | None = None
    old_end: dt.datetime | None = None
    new_start: dt.datetime | None = None
    new_end: dt.datetime | None = None


class AvailabilityChange(BaseModel):
    """Availability under both versions."""

    old_ratio: float
    new_ratio: float
    old_measured_minutes: float
    new_measured_minutes: float
    old_downtime_minutes: float
    new_downtime_minutes: float


class PeriodChange(BaseModel):
    """A measured service's availability over one measurement period, judged differently under NEW (or
    measured under one version only: the other side's figures are null)."""

    service: str
    #: ``month``, ``quarter`` or ``period``, as NEW measures it (OLD's when only OLD measures it)
    period: str
    start: dt.datetime
    end: dt.datetime
    #: the condition of the target with ``when`` the row judges (issue 13); None: the service's own
    when: str | None = None
    #: the report's id of the row it names: NEW's, OLD's when NEW has none (``content:2026-11-15``; a figure's
    #: row without a target that starts on the day a target's row does: ``content:2026-11-15:measured``)
    id: str = ""
    #: the id of OLD's row and of NEW's (null on a side that has none): two ids when a figure's row stands beside
    #: the other side's target row of its start (the target comes or goes)
    old_id: str | None = None
    new_id: str | None = None
    old_target: float | None = None
    new_target: float | None = None
    old_ratio: float | None = None
    new_ratio: float | None = None
    old_met: bool | None = None
    new_met: bool | None = None
    old_measured_minutes: float | None = None
    new_measured_minutes: float | None = None
    old_downtime_minutes: float | None = None
    new_downtime_minutes: float | None = None
    #: the service (and whom its target is for) as the report names it, in the language :func:`replay` was
    #: asked for (not in the JSON)
    worded: str | None = Field(default=None, exclude=True)
    #: the row it names: NEW's, OLD's when NEW has none (not in the JSON)
    row: AvailabilityPeriod | None = Field(default=None, exclude=True, repr=False)


class NotJudged(BaseModel):
    """An event one version cannot judge (a priority, cause, backup kind or attribute it does not know)
    while the other can: that version judges nothing of its id."""

    #: the version that cannot judge it: ``old`` or ``new``
    version: str
    #: ``incident``, ``outage``, ``stop`` or ``backup``
    family: str
    id: str
    source: str
    line: int
    code: str
    #: the problem in the engine's English, as ``sla evaluate`` states it
    message: str
    #: the place and the problem in the language :func:`replay` was asked for (not in the JSON)
    where: str | None = Field(default=None, exclude=True)
    worded: str | None = Field(default=None, exclude=True)


class ViolationChange(BaseModel):
    """A violation present under only one version."""

    change: str  # "new" (only under NEW) or "gone" (only under OLD)
    kind: str
    id: str
    message: str
    #: the violation in the report's words in the language :func:`replay` was asked for (not in the JSON)
    worded: str | None = Field(default=None, exclude=True)
    #: its place among the violations of the report it is in (not in the JSON)
    index: int = Field(default=-1, exclude=True, repr=False)
    #: the violation itself, as :func:`compare` built it (not in the JSON): worded from it, not built again
    violation: Violation | None = Field(default=None, exclude=True, repr=False)


class BackupChange(BaseModel):
    """A backup day judged differently."""

    kind: str
    day: dt.date
    old_status: str | None
    new_status: str | None
    #: for a kind taken every N hours, the window of that day (issue 13)
    window_start: dt.datetime | None = None
    #: the backup kind as the report names it, in the language :func:`replay` was asked for (not in the JSON)
    worded: str | None = Field(default=None, exclude=True)


class CreditChange(BaseModel):
    """A service credit that NEW would move: owed, no longer owed, or another tier."""

    service: str
    start: dt.datetime
    old_percent: float | None
    new_percent: float | None
    #: the condition of the target with ``when`` whose credit moves (issue 13); None: the service's own
    when: str | None = None
    #: the service (and whom its target is for) as the report names it, in the language :func:`replay` was
    #: asked for (not in the JSON)
    worded: str | None = Field(default=None, exclude=True)


class CreditTotalChange(BaseModel):
    """A measurement period of the header's cap on the total of credits (a ``credit_totals`` row) whose cap or
    owed total NEW would change: a cap added or removed, or another figure. A side without the row (no cap,
    or no credit in that period) has its fields null."""

    #: the first instant of the cap's measurement period, as the row's ``start``
    start: dt.datetime
    #: its kind, ``month``, ``quarter`` or ``period``, NEW's row's when it has one
    period: str
    old_credits: float | None = None
    old_cap: float | None = None
    old_owed: float | None = None
    new_credits: float | None = None
    new_cap: float | None = None
    new_owed: float | None = None


class BreachCreditChange(BaseModel):
    """A service credit per missed target (a ``breach_credits`` row: one target of a priority's rule over one
    measurement period) that comes, goes or changes under NEW."""

    #: ``added`` (under NEW only), ``removed`` (under OLD only) or ``changed``
    change: str
    #: the row as ``sla test`` keys it: ``P1:respond:2026-11-01``, ``P1:respond:2026-11-01:plan=premium``
    key: str
    priority: str
    target: str
    clock: str | None = None
    when: str | None = None
    #: ``month``, ``quarter`` or ``period``, with the period's start and end (NEW's row, else OLD's)
    period: str
    start: dt.datetime
    end: dt.datetime
    old_breaches: int | None = None
    new_breaches: int | None = None
    old_credit: float | None = None
    new_credit: float | None = None
    old_complete: bool | None = None
    new_complete: bool | None = None
    old_incidents: list[str] | None = None
    new_incidents: list[str] | None = None
    #: the cap OLD's / NEW's row stays within with the other rows of its period, when several credit lines
    #: share it (the row's ``shared_cap``); only then in the JSON
    old_shared_cap: float | None = None
    new_shared_cap: float | None = None
    #: the priority, target and period in the customer report's words, in the language :func:`replay` was asked
    #: for (not in the JSON)
    worded: str | None = Field(default=None, exclude=True)
    #: the row it names: NEW's, OLD's when removed (not in the JSON)
    row: BreachCreditRow | None = Field(default=None, exclude=True, repr=False)

    # (``old_shared_cap`` and ``new_shared_cap`` left out of the dump while null; a lambda, so that pydantic
    # gives the serializer no return type and the JSON schema stays the model's)
    _shared_caps_shown = model_serializer(mode="wrap")(lambda self, handler: _without_null_caps(handler(self)))


def _without_null_caps(dumped: Any) -> Any:
    """A :class:`BreachCreditChange`'s dump without its shared caps that are null (one line in the period)."""
    if isinstance(dumped, dict):
        for name in ("old_shared_cap", "new_shared_cap"):
            if dumped.get(name, 0.0) is None:
                del dumped[name]
    return dumped


class Replay(BaseModel):
    """Everything that changes when the same events are judged under NEW instead of OLD."""

    old: dict[str, str]
    new: dict[str, str]
    period: dict[str, dt.datetime]
    incidents: list[IncidentFlip] = Field(default_factory=list)
    targets: list[TargetFlip] = Field(default_factory=list)
    outages: list[OutageChange] = Field(default_factory=list)
    planned_stops: list[StopChange] = Field(default_factory=list)
    maintenance: list[WindowMove] = Field(default_factory=list)
    availability: AvailabilityChange | None = None
    #: every measured service's rows (``availability`` is the first service's over the whole period)
    availability_periods: list[PeriodChange] = Field(default_factory=list)
    backups: list[BackupChange] = Field(default_factory=list)
    violations: list[ViolationChange] = Field(default_factory=list)
    credits: list[CreditChange] = Field(default_factory=list)
    #: service credits per missed target that come, go or change
    breach_credits: list[BreachCreditChange] = Field(default_factory=list)
    #: events one version cannot judge while the other can (their ids judged under the other only)
    not_judged: list[NotJudged] = Field(default_factory=list)
    #: what the text says on stderr (``sla: note: ...``), in the summary's language: a side that judges
    #: something from before its earliest version's ``effective`` date (no version in force yet)
    notes: list[str] = Field(default_factory=list)
    counts: dict[str, dict[str, int]] = Field(default_factory=dict)
    #: the periods of the header's cap on the total of credits whose cap or owed total changes (a key after
    #: the others)
    credit_totals: list[CreditTotalChange] = Field(default_factory=list)
    #: the time zones of OLD and NEW (IANA names) the text summary reads (not in the JSON)
    zones: tuple[str, str] = Field(default=("", ""), exclude=True)
    #: the versions of OLD and NEW in force during the period, each a list (``old`` and ``new`` say them
    #: joined as the JSON has them; the text summary joins them in its language), not in the JSON
    version_names: tuple[list[str], list[str]] = Field(default=([], []), exclude=True)
    #: whether more than one version of OLD, of NEW, judged the period (the text summary then says which
    #: version judged each incident), not in the JSON
    several: tuple[bool, bool] = Field(default=(False, False), exclude=True)

    @property
    def changed(self) -> bool:
        """Whether any verdict, window or figure differs."""
        return bool(
            self.incidents
            or self.targets
            or self.outages
            or self.planned_stops
            or self.maintenance
            or self.availability
            or self.availability_periods
            or self.backups
            or self.violations
            or self.credits
            or self.breach_credits
            or self.credit_totals
            or self.not_judged
        )


def _counts(report: Report) -> dict[str, int]:
    out: dict[str, int] = {}
    for row in compact(report.incidents):  # (the verdicts: no row built)
        out[row.status] = out.get(row.status, 0) + 1
    return out


def _version_names(report: Report) -> list[str]:
    """The versions that judged the period: not only the one in force at its start."""
    return [v.version for v in report.versions_in_force()] or [report.policy.version]


def _versions(report: Report) -> str:
    """The versions that judged the period as the JSON names them (``2026.1, 2026.2``: the JSON's value, not
    text in a language; the text summary joins :func:`_version_names` in its own)."""
    return ", ".join(_version_names(report))


def _judged_by(row: Any) -> str | None:
    """The version that judged an incident row: the policy of a compact verdict's rules, else its
    ``policy_version`` (a row read back from JSON); None when it does not say."""
    policy = getattr(getattr(row, "rules", None), "policy", None)
    if isinstance(policy, Policy):
        return policy.version
    name = getattr(row, "policy_version", None)
    return name if isinstance(name, str) else None


#: The status of an incident or outage one version cannot judge (:class:`NotJudged`).
NOT_JUDGED = "not_judged"


def compare(old: Report, new: Report, not_judged: Sequence[NotJudged] = ()) -> Replay:
    """The differences between two reports of the same events and period; ``not_judged``: the events
    one side could not judge, whose ids that side's report leaves out (their status ``not_judged``)."""
    unjudged = {(n.version, n.family, n.id) for n in not_judged}

    def missing(version: str, family: str, ident: str) -> str:
        return NOT_JUDGED if (version, family, ident) in unjudged else "absent"

    result = Replay(
        old={"name": old.policy.name, "version": _versions(old)},
        new={"name": new.policy.name, "version": _versions(new)},
        period={"from": new.period.start, "to": new.period.end, "as_of": new.period.as_of},
        counts={"old": _counts(old), "new": _counts(new)},
        zones=(old.timezone, new.timezone),
        version_names=(_version_names(old), _version_names(new)),
        several=(len(old.versions_used()) > 1, len(new.versions_used()) > 1),
    )
    # the compact verdicts when the report has them (an evaluated report): no row is built or kept
    o_inc: dict[str, IncidentLike] = {r.id: r for r in compact(old.incidents)}
    n_inc: dict[str, IncidentLike] = {r.id: r for r in compact(new.incidents)}
    for ident in dict.fromkeys([*n_inc, *o_inc]):  # (NEW's order, then those only OLD judges)
        o, r = o_inc.get(ident), n_inc.get(ident)
        if o is None or r is None or o.status != r.status or o.response_due != r.response_due:
            either = r or o
            assert either is not None
            result.incidents.append(
                IncidentFlip(
                    id=ident,
                    priority=either.priority,
                    old_status=o.status if o else missing("old", "incident", ident),
                    new_status=r.status if r else missing("new", "incident", ident),
                    old_due=o.response_due if o else None,
                    new_due=r.response_due if r else None,
                    responded_at=either.responded_at,
                    old_policy_version=_judged_by(o) if o else None,
                    new_policy_version=_judged_by(r) if r else None,
                )
            )
    result.targets = _target_flips(old, new)
    o_out = {r.id: r for r in old.outages}
    n_out = {r.id: r for r in new.outages}
    for ident in dict.fromkeys([*o_out, *n_out]):
        a, b = o_out.get(ident), n_out.get(ident)
        if a is None or b is None or a.notice_status != b.notice_status or a.downtime_minutes != b.downtime_minutes:
            result.outages.append(
                OutageChange(
                    id=ident,
                    old_notice_status=a.notice_status if a else _unjudged(missing("old", "outage", ident)),
                    new_notice_status=b.notice_status if b else _unjudged(missing("new", "outage", ident)),
                    old_downtime_minutes=a.downtime_minutes if a else None,
                    new_downtime_minutes=b.downtime_minutes if b else None,
                )
            )
    o_stop = {r.id: r for r in old.planned_stops}
    n_stop = {r.id: r for r in new.planned_stops}
    for ident in dict.fromkeys([*o_stop, *n_stop]):
        sa, sb = o_stop.get(ident), n_stop.get(ident)
        if sa is None or sb is None or sa.notice_ok != sb.notice_ok:
            result.planned_stops.append(
                StopChange(
                    id=ident, old_notice_ok=sa.notice_ok if sa else None, new_notice_ok=sb.notice_ok if sb else None
                )
            )
    result.maintenance = _window_moves(
        [(w.start, w.end) for w in old.maintenance], [(w.start, w.end) for w in new.maintenance]
    )
    oa, na = old.availability, new.availability
    if (oa.ratio, oa.measured_minutes, oa.downtime_minutes) != (na.ratio, na.measured_minutes, na.downtime_minutes):
        result.availability = AvailabilityChange(
            old_ratio=oa.ratio,
            new_ratio=na.ratio,
            old_measured_minutes=oa.measured_minutes,
            new_measured_minutes=na.measured_minutes,
            old_downtime_minutes=oa.downtime_minutes,
            new_downtime_minutes=na.downtime_minutes,
        )
    result.availability_periods = _period_changes(old, new)
    o_b = {(r.kind, r.day, r.window_start): r.status for r in old.backups}
    n_b = {(r.kind, r.day, r.window_start): r.status for r in new.backups}
    for key in dict.fromkeys([*o_b, *n_b]):
        if o_b.get(key) != n_b.get(key):
            result.backups.append(
                BackupChange(
                    kind=key[0], day=key[1], window_start=key[2], old_status=o_b.get(key), new_status=n_b.get(key)
                )
            )
    o_c = {(c.service, c.start, c.when or ""): c.credit_percent for c in old.credits}  # per target (issue 13)
    n_c = {(c.service, c.start, c.when or ""): c.credit_percent for c in new.credits}
    for ckey in sorted(dict.fromkeys([*o_c, *n_c])):
        if o_c.get(ckey) != n_c.get(ckey):
            result.credits.append(
                CreditChange(
                    service=ckey[0],
                    start=ckey[1],
                    old_percent=o_c.get(ckey),
                    new_percent=n_c.get(ckey),
                    when=ckey[2] or None,
                )
            )
    result.breach_credits = _breach_credit_changes(old, new)
    result.credit_totals = _credit_total_changes(old, new)
    result.counts["breach_credits"] = {
        change: sum(c.change == change for c in result.breach_credits) for change in BREACH_CREDIT_CHANGES
    }
    result.not_judged = list(not_judged)
    o_v, n_v = _violation_keys(old.violations), _violation_keys(new.violations)
    came, went = _unmatched(n_v, o_v), _unmatched(o_v, n_v)
    for change, report, unmatched in (("new", new, came), ("gone", old, went)):
        for i in unmatched:
            v = report.violations[i]
            result.violations.append(
                ViolationChange(change=change, kind=v.kind, id=v.id, message=v.message, index=i, violation=v)
            )
    return result


def _unjudged(status: str) -> str | None:
    """An outage's notice status on a side that has none: ``not_judged``, or null when it is just absent."""
    return status if status == NOT_JUDGED else None


def _period_key(r: AvailabilityPeriod) -> tuple[str, dt.datetime, str]:
    return r.service, r.start, r.when or ""


def _period_pairs(
    old: Sequence[AvailabilityPeriod], new: Sequence[AvailabilityPeriod]
) -> list[tuple[AvailabilityPeriod | None, AvailabilityPeriod | None]]:
    """The period rows of two reports side by side: by service, start and ``when``, and a figure's row
    (``availability measured``) beside the other side's figure, a target's beside its target, as their ids
    tell them apart (``content:2026-11-15:measured``, ``content:2026-11-15``: a version adding a percentage
    inside a month, with ``from`` cutting both rows at one day); a figure left alone beside a target left
    alone of one key are one row whose target comes or goes. NEW's order, then the rows only OLD has."""
    pairs = _paired(old, new, lambda r: (*_period_key(r), r.target is None))
    alone: dict[tuple[str, dt.datetime, str], list[int]] = {}
    for n, (x, y) in enumerate(pairs):
        if x is None or y is None:
            row = x or y
            assert row is not None
            alone.setdefault(_period_key(row), []).append(n)
    gone: set[int] = set()
    for found in alone.values():
        if len(found) == 2 and (pairs[found[0]][0] is None) != (pairs[found[1]][0] is None):
            a, b = found
            pairs[a] = (pairs[a][0] or pairs[b][0], pairs[a][1] or pairs[b][1])
            gone.add(b)
    return [pair for n, pair in enumerate(pairs) if n not in gone]


def _figures(r: AvailabilityPeriod) -> tuple[Any, ...]:
    return r.ratio, r.measured_minutes, r.downtime_minutes, r.target, r.met, r.end


def _paired(old: Sequence[_R], new: Sequence[_R], key: Callable[[_R], Hashable]) -> list[tuple[_R | None, _R | None]]:
    """The rows of two reports side by side by ``key``: NEW's order, then the keys only OLD has; rows of one
    key paired one for one in order, a row left over beside None."""
    a: dict[Hashable, list[_R]] = {}
    b: dict[Hashable, list[_R]] = {}
    for rows, table in ((old, a), (new, b)):
        for r in rows:
            table.setdefault(key(r), []).append(r)
    return [pair for k in dict.fromkeys([*b, *a]) for pair in itertools.zip_longest(a.get(k, []), b.get(k, []))]


def _period_changes(old: Report, new: Report) -> list[PeriodChange]:
    """Every measured service's period rows that differ (or that one version alone measures), paired by
    :func:`_period_pairs`: NEW's order, then the rows only OLD has."""
    out: list[PeriodChange] = []
    for x, y in _period_pairs(old.availability_periods, new.availability_periods):
        if x is not None and y is not None and _figures(x) == _figures(y):
            continue
        row = y or x
        assert row is not None
        out.append(
            PeriodChange(
                service=row.service,
                period=row.period,
                start=row.start,
                end=row.end,
                when=row.when,
                id=row.id,
                old_id=x.id if x else None,
                new_id=y.id if y else None,
                old_target=x.target if x else None,
                new_target=y.target if y else None,
                old_ratio=x.ratio if x else None,
                new_ratio=y.ratio if y else None,
                old_met=x.met if x else None,
                new_met=y.met if y else None,
                old_measured_minutes=x.measured_minutes if x else None,
                new_measured_minutes=y.measured_minutes if y else None,
                old_downtime_minutes=x.downtime_minutes if x else None,
                new_downtime_minutes=y.downtime_minutes if y else None,
                row=row,
            )
        )
    return out


#: the changes of a ``breach_credits`` row, as :class:`BreachCreditChange` names them, in the summary's order
BREACH_CREDIT_CHANGES = ("added", "removed", "changed")


def _owed(r: BreachCreditRow) -> tuple[Any, ...]:
    """What a ``breach_credits`` row owes the customer: its end, whether complete, breaches, credit, incidents."""
    return r.end, r.complete, r.breaches, r.credit, r.incidents


def _breach_credit_changes(old: Report, new: Report) -> list[BreachCreditChange]:
    """The ``breach_credits`` rows that come, go or owe otherwise, keyed as ``sla test`` keys them."""

    def key(r: BreachCreditRow) -> str:
        return breach_credit_key(r.model_dump())

    out: list[BreachCreditChange] = []
    for x, y in _paired(old.breach_credits, new.breach_credits, key):
        if x is not None and y is not None and _owed(x) == _owed(y):
            continue
        row = y or x
        assert row is not None
        out.append(
            BreachCreditChange(
                change="added" if x is None else "removed" if y is None else "changed",
                key=key(row),
                priority=row.priority,
                target=row.target,
                clock=row.clock,
                when=row.when,
                period=row.period,
                start=row.start,
                end=row.end,
                old_breaches=x.breaches if x else None,
                new_breaches=y.breaches if y else None,
                old_credit=x.credit if x else None,
                new_credit=y.credit if y else None,
                old_complete=x.complete if x else None,
                new_complete=y.complete if y else None,
                old_incidents=list(x.incidents) if x else None,
                new_incidents=list(y.incidents) if y else None,
                old_shared_cap=x.shared_cap if x else None,
                new_shared_cap=y.shared_cap if y else None,
                row=row,
            )
        )
    return out


def _violation_keys(violations: Sequence[Violation]) -> list[tuple[str, str, str]]:
    """The kind, id and words of each violation: of an evaluated report's, from its verdicts as its JSON
    rows (a year's response breaches are not each built as a model to be compared)."""
    verdicts = compact(violations)
    if not isinstance(verdicts, Violations):
        return [(v.kind, v.id, v.message) for v in violations]
    out: list[tuple[str, str, str]] = []
    breaches, rest = verdicts.breaches, verdicts.rest
    for k in verdicts.order:  # (a breach k >= 0, one of the rest -1 - k: :class:`Violations`)
        if k >= 0:
            b = breach_json(breaches[k])
            out.append((b["kind"], b["id"], b["message"]))
        else:
            v = rest[-1 - k]
            out.append((v.kind, v.id, v.message))
    return out


def _unmatched(mine: Sequence[tuple[str, str, str]], theirs: Sequence[tuple[str, str, str]]) -> list[int]:
    """The positions in ``mine`` of the violations ``theirs`` has no counterpart for, in order.

    Violations are matched by (kind, id), several of one kind on one id (two contradictions in the
    events of one incident) one for one: first those with the same words, then the rest in order (a
    violation whose words alone changed, a due time that moved, is the same violation). What is left
    over on one side came or went."""
    left: dict[tuple[str, str], list[str]] = {}
    for kind, ident, message in theirs:
        left.setdefault((kind, ident), []).append(message)
    unmatched: list[int] = []
    for i, (kind, ident, message) in enumerate(mine):
        others = left.get((kind, ident))
        if others and message in others:
            others.remove(message)
        else:
            unmatched.append(i)
    out: list[int] = []
    for i in unmatched:  # (the same words taken first: only then is the rest paired in order)
        others = left.get(mine[i][:2])
        if others:
            others.pop(0)
        else:
            out.append(i)
    return out


def _window_moves(
    old: Sequence[tuple[dt.datetime, dt.datetime]], new: Sequence[tuple[dt.datetime, dt.datetime]]
) -> list[WindowMove]:
    """Windows only in one list, paired by the month they fall in when both have one."""
    gone = [w for w in old if w not in new]
    came = [w for w in new if w not in old]
    moves: list[WindowMove] = []
    for w in gone:
        twin = next((c for c in came if (c[0].year, c[0].month) == (w[0].year, w[0].month)), None)
        if twin is not None:
            came.remove(twin)
            moves.append(WindowMove(old_start=w[0], old_end=w[1], new_start=twin[0], new_end=twin[1]))
        else:
            moves.append(WindowMove(old_start=w[0], old_end=w[1]))
    moves.extend(WindowMove(new_start=c[0], new_end=c[1]) for c in came)
    moves.sort(key=lambda m: m.old_start or m.new_start or dt.datetime.min.replace(tzinfo=dt.UTC))
    return moves


def replay(
    old: Any,
    new: Any,
    events: Any,
    start: dt.datetime,
    end: dt.datetime,
    as_of: dt.datetime | None = None,
    lang: str = "en",
) -> Replay:
    """Evaluate ``events`` under ``old`` and ``new`` (policies or lists of versions) and compare.

    This is :func:`sla_dsl.evaluate` twice over one event log read once; in Japanese (``lang``)
    each violation that comes or goes is also worded as the report words it. An event one side
    cannot judge while the other can (a priority only NEW declares) leaves its id out of that side
    (:class:`NotJudged`); one that neither can judge is refused, as ``sla evaluate`` refuses it
    (:class:`~sla_dsl.events.EventInputError`, NEW's words).
    """
    from ..evaluation.declared import for_policies
    from ..events.reader import log_from
    from ..policy import declared_types

    mine, theirs = declared_types(old), declared_types(new)
    # (the problems of the lines' form settled with the versions' check of the values, as `sla evaluate`'s)
    log = log_from(events, declared=mine | theirs, defer=True)
    # each side judges the event types it declares: one that only the other declares means nothing to it;
    # each judges a copy (:func:`_own`), since judging takes out of a log the events it refuses
    sides = {"old": (old, for_policies(log, mine)), "new": (new, for_policies(log, theirs))}
    reports: dict[str, Report] = {}
    refused: dict[str, list[Problem]] = {"old": [], "new": []}
    for side, (versions, side_log) in sides.items():
        try:
            reports[side] = _evaluate(versions, side_log, start, end, as_of)
        except EventInputError:
            refused[side] = _refused(versions, side_log, start, end, as_of)
            if not refused[side]:
                raise  # (nothing a version can refuse: the log's own problem)
    both = {p.line for p in refused["old"]} & {p.line for p in refused["new"]}
    if both:  # a line neither version can judge: the log's problem, refused as `sla evaluate` refuses it
        raise EventInputError([p for p in refused["new"] if p.line in both])
    not_judged: list[NotJudged] = []
    for side, problems in refused.items():
        if not problems:
            continue
        versions, side_log = sides[side]
        found = _ids_of(side_log, {p.line for p in problems})
        not_judged += [
            NotJudged(
                version=side,
                family=FAMILIES[found[p.line][0]] if p.line in found else "",
                id=found[p.line][1] if p.line in found else "",
                source=str(p.source),
                line=p.line,
                code=p.code,
                message=p.message,
                where=located(p.source, p.line, p.column, lang),
                worded=p.text(lang),
            )
            for p in problems
        ]
        # judged without every event of those ids: none of them is judged on part of its events
        reports[side] = _evaluate(versions, _without(side_log, set(found.values())), start, end, as_of)
    result = compare(reports["old"], reports["new"], not_judged)
    result.notes = [note for side in ("old", "new") if (note := _none_yet(side, reports[side], lang))]
    for side, versions in (("old", old), ("new", new)):  # (W307: a higher number that never applies again)
        shadowed = shadowed_notes(_versions_of(versions), lang)
        result.notes += [said(f"author.replay.note.{side}", lang, note=note) for note in shadowed]
    _word_breach_credits(result, old, new, reports, lang)
    _word_names(result, old, new, reports, lang)
    for change, versions, report in (("new", new, reports["new"]), ("gone", old, reports["old"])):
        changes = [c for c in result.violations if c.change == change]
        if changes:
            built = [c.violation or report.violations[c.index] for c in changes]  # (a breach is built once)
            texts = _report_words(versions, report, built, lang)
            for c, text in zip(changes, texts, strict=True):
                c.worded = text
    return result


def _none_yet(side: str, report: Report, lang: str) -> str | None:
    """The note of a side (``old``, ``new``) whose report judges something from before its earliest
    version's date, under that version (``sla evaluate``'s note, :func:`~sla_dsl.report.sections.before_any_version`),
    naming the side; None when every result falls under a version in force."""
    from ..report.sections import before_any_version

    early = before_any_version(report)
    if early is None or early.effective is None:
        return None
    day = format_date(early.effective, "ja") if lang == "ja" else early.effective.isoformat()
    note = said("cli.versions.none_yet", lang, version=early.version, effective=day)
    return said(f"author.replay.note.{side}", lang, note=note)


def _own(log: EventLog) -> EventLog:
    """A copy of ``log`` whose groups and lists may change without changing ``log``'s (records shared)."""
    out = copy.copy(log)
    out.groups = tuple({ident: list(recs) for ident, recs in group.items()} for group in log.groups)
    out.problems, out.left_out, out.unread = list(log.problems), list(log.left_out), list(log.unread)
    return out


def _versions_of(versions: Any) -> list[Policy]:
    return [versions] if isinstance(versions, Policy) else list(versions)


def _evaluate(versions: Any, log: EventLog, start: dt.datetime, end: dt.datetime, as_of: dt.datetime | None) -> Report:
    """``log`` judged under ``versions`` as ``sla evaluate`` judges it, on a copy (judging takes out of
    a log the events it refuses: the other side must still see them)."""
    from ..evaluation import evaluate

    return evaluate(_versions_of(versions), _own(log), start, end, as_of)


def _refused(
    versions: Any, log: EventLog, start: dt.datetime, end: dt.datetime, as_of: dt.datetime | None
) -> list[Problem]:
    """The problems of the events of ``log`` that ``versions`` cannot judge (a priority, cause, backup
    kind, service or attribute they do not know, a deadline past the supported years), as the
    evaluator's check of a log finds them before it judges the period."""
    from ..evaluation import check_log, period_bounds
    from ..evaluation.common import Versions
    from ..evaluation.deadline_times import JudgedPeriod

    rules = Versions(_versions_of(versions))
    trial = _own(log)
    check_log(rules, trial, True, JudgedPeriod(*period_bounds(rules, start, end, as_of)))
    return list(trial.left_out)


def _ids_of(log: EventLog, lines: set[int]) -> dict[int, tuple[int, str]]:
    """The family and id of the event on each of ``lines``."""
    found: dict[int, tuple[int, str]] = {}
    for family, group in enumerate(log.groups):
        for ident, recs in group.items():
            for r in recs:
                if r[3] in lines:
                    found[r[3]] = (family, ident)
    return found


def _without(log: EventLog, ids: set[tuple[int, str]]) -> EventLog:
    """A copy of ``log`` without any event of ``ids`` (family, id)."""
    out = _own(log)
    for family, ident in ids:
        group = out.groups[family]
        if ident in group:
            out.keep(group, ident, [])
    return out


def _policy_words(policies: Policy | Sequence[Policy], report: Report, lang: str) -> PolicyWords:
    """The words of ``policies`` in ``lang`` as the customer report of ``report`` uses them."""
    from ..report.sections import one_year
    from ..report.words import PolicyWords

    return PolicyWords(_versions_of(policies), lang, report.period.start.date(), one_year(report))


def _word_breach_credits(result: Replay, old: Any, new: Any, reports: dict[str, Report], lang: str) -> None:
    """Name each ``breach_credits`` change as the customer report's table names its row, in ``lang``: the row
    under NEW in NEW's words, a removed one in OLD's; its times in OLD's zone when NEW's is another."""
    if not result.breach_credits:
        return
    from ..report.breach_credits import breach_credit_names

    zone = _shown_zone(result)
    words = {"old": _policy_words(old, reports["old"], lang), "new": _policy_words(new, reports["new"], lang)}
    for c in result.breach_credits:
        row = c.row
        if row is None:
            continue
        side = "old" if c.change == "removed" else "new"
        if zone is not None:
            row = row.model_copy(update={"start": row.start.astimezone(zone), "end": row.end.astimezone(zone)})
        priority, target, period = breach_credit_names(words[side], row)
        c.worded = said("author.replay.breach_credit.what", lang, priority=priority, target=target, period=period)


def _word_names(result: Replay, old: Any, new: Any, reports: dict[str, Report], lang: str) -> None:
    """Name what the text summary lists as the customer report names it, in ``lang``, from the policy's labels:
    each incident's priority, each named target or notice rule, service (and whom its target is for) and
    backup kind; each in the words of the side whose row it is (NEW's, OLD's when NEW has none), of the version
    that judged the row when known. The JSON keeps the ids."""
    if not (result.incidents or result.targets or result.availability_periods or result.credits or result.backups):
        return
    from ..report.conditions import for_whom
    from ..report.periods import period_words

    words = {"old": _policy_words(old, reports["old"], lang), "new": _policy_words(new, reports["new"], lang)}
    wanted = {i.id for i in result.incidents} | {x.id for x in result.targets}
    # the rows named, by id (the compact verdicts when the report has them: no other row is built)
    rows: dict[str, dict[str, Any]] = {side: {} for side in words}
    for side in rows:
        if wanted:
            rows[side] = {r.id: r for r in compact(reports[side].incidents) if r.id in wanted}
            rows[side] |= {o.id: o for o in reports[side].outages if o.id in wanted and o.id not in rows[side]}
    for i in result.incidents:
        side = "new" if i.id in rows["new"] else "old"
        row = rows[side].get(i.id)
        w = words[side]
        i.worded = w.for_row(row).priority_of(row) if row is not None else w.priority(i.priority)
    for x in result.targets:
        side = "old" if x.new_status == "absent" else "new"
        row = rows[side].get(x.id)
        x.worded = _target_words(words[side].for_row(row) if row is not None else words[side], x)
    for c in result.availability_periods:
        side = "new" if c.new_measured_minutes is not None else "old"
        v = period_words(words[side], c.row) if c.row is not None else words[side]
        c.worded = _whom(v, c.service, for_whom(v, c.service, c.when))
    for cr in result.credits:
        v = words["new" if cr.new_percent is not None else "old"].at(cr.start.date())
        cr.worded = _whom(v, cr.service, for_whom(v, cr.service, cr.when))
    for b in result.backups:
        b.worded = _backup_words(words["new" if b.new_status is not None else "old"], b.kind)


def _backup_words(w: PolicyWords, kind: str) -> str:
    """A backup kind by its label, read in the version that defines it (``w``'s when it has it)."""
    return w.defining(lambda md: any(k.kind == kind for k in md.backups)).backup_kind_shown(kind)


def _whom(w: PolicyWords, service: str, who: str) -> str:
    """A service by its label, with whom its target is for when that is said (``（契約プランがプレミアムの顧客）``)."""
    return w.service_label(service) + (said("author.replay.whom", w.lang, who=who) if who else "")


def _target_words(w: PolicyWords, x: TargetFlip) -> str:
    """A named target as the report's table of targets names it, in the words ``w`` (the version that judged its
    row): a notification rule by its label, a target on a clock by its kind with the clock's label
    (``解決（解決までの時間）``), a next reply by its clock's label; each read in the version that defines it."""
    from ..report.target_names import names_clock, target_name

    if x.kind is None or x.kind == "notify":
        v = w.defining(lambda md: any(n.name == x.target for n in md.notifications))
        rule = next((n for n in v.model.notifications if n.name == x.target), None) if v.model is not None else None
        return (rule.label.text(w.lang) if rule is not None else "") or f"`{x.target}`"
    what = target_name(w, x.kind, x.clock)
    if not x.clock or names_clock(w, x.kind, x.clock):
        return what
    clock = x.clock
    v = w.defining(lambda md: any(c.name == clock for c in md.clocks))
    return said("author.replay.target_on", w.lang, target=what, clock=v.clock_label(clock))


def violation_words(
    policies: Policy | Sequence[Policy], report: Report, violations: Sequence[Violation], lang: str
) -> list[str]:
    """What each violation says in ``lang``: the evaluator's message in English, the report's words in Japanese
    (``sla test``'s; ``sla replay`` words them the report's way in either language: :func:`_report_words`)."""
    if lang != "ja":
        return [v.message for v in violations]
    return _report_words(policies, report, violations, lang)


def _report_words(
    policies: Policy | Sequence[Policy], report: Report, violations: Sequence[Violation], lang: str
) -> list[str]:
    """What each violation says in the customer report of ``report`` in ``lang``, from its data and the policy's
    labels (never the evaluator's English, which names rules by their ids)."""
    from ..report.violation_words import ReportIndex, violation_text

    w = _policy_words(policies, report, lang)
    wanted = {v.id for v in violations if v.kind == "response_breached"}
    # (the compact verdicts when the report has them: the rows are not built to find a few ids)
    incidents: dict[str, IncidentLike] = (
        {i.id: i for i in compact(report.incidents) if i.id in wanted} if wanted else {}
    )
    index = ReportIndex(report)  # (the rows looked up once for every violation)
    return [violation_text(v, report, w, incidents, index) for v in violations]


# ---- rendering -------------------------------------------------------------------------------


def _t(value: dt.datetime | None, lang: str = "en") -> str:
    """A time as the report writes it (:func:`~sla_dsl.i18n.format_datetime`): ``2026年11月5日(木) 11:30`` /
    ``Thu 5 Nov 2026 11:30``; ``-`` for None."""
    return format_datetime(value, lang)


def _day(d: dt.date, lang: str) -> str:
    """A day as :func:`_t` writes it: ``2026年11月26日(木)`` / ``Thu 26 Nov 2026``."""
    return format_date(d, lang)


#: A measurement period's kind as the report's tables name it (``report.credits.*``: 月次, 四半期, 評価期間).
_PERIOD_KINDS = {"month": "month", "quarter": "quarter"}


def _zone_of(name: str) -> ZoneInfo | None:
    """The zone an IANA name names (None for none, or one this system does not know)."""
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _shown_zone(r: Replay) -> ZoneInfo | None:
    """OLD's zone when NEW's is another, every time then shown in it; None when they are one (times as they are)."""
    old, new = r.zones
    if not old or not new or old == new:
        return None
    return _zone_of(old)


def _zone_lines(r: Replay, lang: str) -> tuple[str, str]:
    """The line under the title saying which zone the times are in, and the violations' heading."""
    from ..i18n.places import zone_name, zone_title  # (CLDR's names: only when the zones differ)

    old, new = r.zones
    shown = said(
        "author.replay.zones",
        lang,
        zone=zone_title(old, lang),
        old=_versions_said(r, "old", lang),
        new=_versions_said(r, "new", lang),
        new_zone=zone_title(new, lang),
    )
    return shown, said(
        "author.replay.violations_zones", lang, old_zone=zone_name(old, lang), new_zone=zone_name(new, lang)
    )


def _pct(ratio: float) -> str:
    return f"{ratio * 100:.4f}%"


def _word(section: str, code: str | None, lang: str) -> str:
    """A status or kind in the report's words in ``lang`` (``対象外`` / ``not applicable``; the JSON names it
    ``not_applicable``); one the catalogue does not know as it is written, in backticks."""
    if code is None:
        return "-"
    key = f"author.replay.{code}" if code in ("absent", NOT_JUDGED) else f"{section}.{code}"
    return said(key, lang) if key in CATALOGUE else f"`{code}`"


def _named(worded: str | None, ident: str, lang: str) -> str:
    """A name as the report words it (from the policy's labels, :func:`replay`), else (a :class:`Replay` of
    :func:`compare` alone, which has no policy at hand) its id as it is written."""
    if worded:
        return worded
    return f"`{ident}`" if lang == "ja" else ident


def _versions_said(r: Replay, side: str, lang: str) -> str:
    """The versions of one side in force during the period, joined in ``lang`` (``2026.1、2026.2``)."""
    names = r.version_names[0 if side == "old" else 1]
    return said("author.sep.list", lang).join(names) if names else (r.old if side == "old" else r.new)["version"]


def _judged(r: Replay, i: IncidentFlip, lang: str) -> str:
    """Which version judged an incident, on each side that has more than one version: empty when neither has."""
    several_old, several_new = r.several
    if several_old and several_new:
        return said(
            "author.replay.judged_by.both", lang, old=i.old_policy_version or "-", new=i.new_policy_version or "-"
        )
    if several_new and i.new_policy_version:
        return said("author.replay.judged_by", lang, version=i.new_policy_version)
    if several_old and i.old_policy_version:
        return said("author.replay.judged_by.old", lang, version=i.old_policy_version)
    return ""


def _minutes(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def render_text(r: Replay, lang: str = "en") -> str:
    """The replay as a short human-readable summary, in ``lang``."""

    zone = _shown_zone(r)  # one zone for every time when OLD's and NEW's differ

    def at(value: dt.datetime) -> dt.datetime:
        return value if zone is None else value.astimezone(zone)

    def t(value: dt.datetime | None) -> str:
        return _t(None if value is None else at(value), lang)

    def window(start: dt.datetime | None, end: dt.datetime | None) -> str:
        """A maintenance window: its day and its hours as the report and the site write them (``22:00〜24:00``)."""
        if start is None or end is None:
            return "-"
        return said(
            "author.replay.window", lang, day=_day(at(start).date(), lang), hours=window_hours(at(start), at(end), lang)
        )

    def status(code: str | None) -> str:
        return _word("report.targets", code, lang)

    period = r.period
    home = zone or _zone_of(r.zones[0])  # (the period in OLD's zone, as a report writes it in its policy's)

    def edge(value: dt.datetime) -> str:
        return _t(value if home is None else value.astimezone(home), lang)

    lines = [
        said(
            "author.replay.title",
            lang,
            name=r.old["name"],
            old=_versions_said(r, "old", lang),
            new=_versions_said(r, "new", lang),
            start=edge(period["from"]),
            end=edge(period["to"]),
            as_of=edge(period["as_of"]),
        )
    ]
    zone_line, violations_heading = _zone_lines(r, lang) if zone else ("", said("author.replay.violations", lang))
    if zone_line:
        lines.append(zone_line)
    if not r.changed:
        lines.append(said("author.replay.unchanged", lang))
        return "\n".join(map(printable, lines)) + "\n"
    flips = [i for i in r.incidents if i.flipped]
    moved = [i for i in r.incidents if not i.flipped]
    if flips:
        lines += ["", said("author.replay.incidents", lang)]
        for i in flips:
            lines.append(
                said(
                    "author.replay.incident",
                    lang,
                    id=i.id,
                    priority=i.worded or i.priority,
                    old=status(i.old_status),
                    new=status(i.new_status),
                    old_due=t(i.old_due),
                    new_due=t(i.new_due),
                    responded=t(i.responded_at),
                    judged=_judged(r, i, lang),
                )
            )
    if moved:
        ids = said("author.sep.list", lang).join(i.id for i in moved)
        lines += ["", said("author.replay.moved_due", lang, n=len(moved), ids=ids)]
    if r.targets:
        lines += ["", said("author.replay.targets", lang)]
        for x in r.targets:
            lines.append(
                said(
                    "author.replay.target",
                    lang,
                    id=x.id,
                    target=_named(x.worded, x.target, lang),
                    old=status(x.old_status),
                    new=status(x.new_status),
                    old_due=t(x.old_due),
                    new_due=t(x.new_due),
                )
            )
    if r.outages:
        lines += ["", said("author.replay.outages", lang)]
        for o in r.outages:
            lines.append(
                said(
                    "author.replay.outage",
                    lang,
                    id=o.id,
                    old=status(o.old_notice_status),
                    new=status(o.new_notice_status),
                    old_minutes=_minutes(o.old_downtime_minutes),
                    new_minutes=_minutes(o.new_downtime_minutes),
                )
            )
    if r.planned_stops:
        lines += ["", said("author.replay.stops", lang)]
        for s in r.planned_stops:
            old_ok, new_ok = (said(f"author.replay.{str(v).lower()}", lang) for v in (s.old_notice_ok, s.new_notice_ok))
            lines.append(said("author.replay.stop", lang, id=s.id, old=old_ok, new=new_ok))
    if r.maintenance:
        lines += ["", said("author.replay.windows", lang)]
        for w in r.maintenance:
            if w.old_start and w.new_start:
                old_window, new_window = window(w.old_start, w.old_end), window(w.new_start, w.new_end)
                lines.append(said("author.replay.window_moved", lang, old=old_window, new=new_window))
            elif w.old_start:
                lines.append(said("author.replay.window_removed", lang, window=window(w.old_start, w.old_end)))
            else:
                lines.append(said("author.replay.window_added", lang, window=window(w.new_start, w.new_end)))
    if r.availability:
        a = r.availability
        lines += [
            "",
            said(
                "author.replay.availability",
                lang,
                old=_pct(a.old_ratio),
                new=_pct(a.new_ratio),
                old_measured=f"{a.old_measured_minutes:g}",
                new_measured=f"{a.new_measured_minutes:g}",
                old_down=f"{a.old_downtime_minutes:g}",
                new_down=f"{a.new_downtime_minutes:g}",
            ),
        ]
    if r.availability_periods:
        lines += ["", said("author.replay.periods", lang)]
        lines += [_period_line(c, lang, _period_words(r, lang), at) for c in r.availability_periods]
    if r.backups:
        lines += ["", said("author.replay.backups", lang)]
        lines += [
            said(
                "author.replay.backup",
                lang,
                kind=_named(b.worded, b.kind, lang),
                when=t(b.window_start) if b.window_start else _day(b.day, lang),
                old=_word("report.backup", b.old_status, lang),
                new=_word("report.backup", b.new_status, lang),
            )
            for b in r.backups
        ]
    if r.credits:
        none = said("author.replay.none", lang)
        lines += ["", said("author.replay.credits", lang)]
        lines += [
            said(
                "author.replay.credit",
                lang,
                service=c.worded or _named(None, c.service, lang),
                when=said("author.replay.credit_when", lang, when=c.when) if c.when and not c.worded else "",
                start=_period_words(r, lang).d(at(c.start).date()),
                old=none if c.old_percent is None else f"{c.old_percent:g}%",
                new=none if c.new_percent is None else f"{c.new_percent:g}%",
            )
            for c in r.credits
        ]
    if r.breach_credits:
        lines += ["", said("author.replay.breach_credits", lang)]
        lines += [_breach_credit_line(c, lang) for c in r.breach_credits]
    if r.credit_totals:
        lines += ["", said("author.replay.credit_totals", lang)]
        lines += [_credit_total_line(r, c, lang) for c in r.credit_totals]
    if r.violations:
        lines += ["", violations_heading]
        lines += [
            said(
                "author.replay.violation",
                lang,
                mark="+" if v.change == "new" else "-",
                kind=_word("report.kind", v.kind, lang),
                id=v.id,
                message=v.worded or (v.message if lang != "ja" else f"`{v.message}`"),
            )
            for v in r.violations
        ]
    for side in ("old", "new"):
        unjudged = [n for n in r.not_judged if n.version == side]
        if unjudged:
            version = _versions_said(r, side, lang)
            lines += ["", said(f"author.replay.not_judged.{side}", lang, version=version)]
            lines += [
                said(
                    "author.replay.not_judged.line",
                    lang,
                    where=n.where or f"{n.source}:{n.line}",
                    id=n.id,
                    code=n.code,
                    message=n.worded or n.message,
                )
                for n in unjudged
            ]
    counts = _status_line(r.counts.get("old", {}), r.counts.get("new", {}), lang)
    lines += ["", said("author.replay.statuses", lang, counts=counts) + _breach_credit_counts(r, lang)]
    return "\n".join(map(printable, lines)) + "\n"  # ids from the log are shown, not obeyed


def _period_words(r: Replay, lang: str) -> PolicyWords:
    """Words that write a period's ends as the customer report's tables write them (without the year when the
    replay's period lies in one year, as its rows of credits per missed target)."""
    from ..report.words import PolicyWords

    start, end = r.period["from"], r.period["to"]
    last = max(start, end - dt.timedelta(microseconds=1))
    return PolicyWords([], lang, year=start.year if start.year == last.year else None)


def _period_line(
    c: PeriodChange, lang: str, w: PolicyWords, at: Callable[[dt.datetime], dt.datetime] = lambda t: t
) -> str:
    """One service's measurement period under both versions: the figure, its target and whether it is met; the
    period as the customer report's tables write it (``11月1日(日) 00:00 〜 12月1日(火) 00:00（月次）``, ``w``),
    its ends by ``at`` (in OLD's zone when NEW's is another)."""
    from ..report.periods import period_range

    none = said("author.replay.none", lang)

    def pct(ratio: float | None) -> str:
        return none if ratio is None else _pct(ratio)

    minutes = _minutes

    def met(value: bool | None) -> str:
        return "-" if value is None else said(f"author.replay.met.{str(value).lower()}", lang)

    target = ""
    if c.old_target is not None or c.new_target is not None:
        if c.old_target == c.new_target:
            shown = f"{c.new_target:g}%"
        else:
            arrow = " → " if lang == "ja" else " -> "
            shown = arrow.join(none if t is None else f"{t:g}%" for t in (c.old_target, c.new_target))
        target = said("author.replay.period_target", lang, target=shown, old=met(c.old_met), new=met(c.new_met))
    kinds = [_row_kind(ratio, t) for ratio, t in ((c.old_ratio, c.old_target), (c.new_ratio, c.new_target))]
    shown_kinds = [said(f"author.replay.period_kind.{k}", lang) for k in dict.fromkeys(k for k in kinds if k)]
    return said(
        "author.replay.period",
        lang,
        kind=(" → " if lang == "ja" else " -> ").join(shown_kinds),
        service=c.worded or _named(None, c.service, lang),
        when=said("author.replay.credit_when", lang, when=c.when) if c.when and not c.worded else "",
        period=period_range(
            w, at(c.start), at(c.end), said(f"report.credits.{_PERIOD_KINDS.get(c.period, 'whole')}", lang)
        ),
        old=pct(c.old_ratio),
        new=pct(c.new_ratio),
        target=target,
        old_measured=minutes(c.old_measured_minutes),
        new_measured=minutes(c.new_measured_minutes),
        old_down=minutes(c.old_downtime_minutes),
        new_down=minutes(c.new_downtime_minutes),
    )


def _row_kind(ratio: float | None, target: float | None) -> str | None:
    """What a side's period row is: ``figure`` (the availability measured, no target), ``target`` (the
    availability against its target), None when that side has no row."""
    if ratio is None:
        return None
    return "figure" if target is None else "target"


def _credit_total_changes(old: Report, new: Report) -> list[CreditTotalChange]:
    """The periods of ``credit_totals`` (by their start) whose cap or owed total differs between the reports."""
    o_t = {r.start.timestamp(): r for r in old.credit_totals}
    n_t = {r.start.timestamp(): r for r in new.credit_totals}
    out: list[CreditTotalChange] = []
    for key in sorted(dict.fromkeys([*o_t, *n_t])):
        x, y = o_t.get(key), n_t.get(key)
        if x is not None and y is not None and (x.cap, x.owed, x.credits) == (y.cap, y.owed, y.credits):
            continue
        row = y or x
        assert row is not None
        out.append(
            CreditTotalChange(
                start=row.start,
                period=row.period,
                old_credits=x.credits if x else None,
                old_cap=x.cap if x else None,
                old_owed=x.owed if x else None,
                new_credits=y.credits if y else None,
                new_cap=y.cap if y else None,
                new_owed=y.owed if y else None,
            )
        )
    return out


def _credit_total_line(r: Replay, c: CreditTotalChange, lang: str) -> str:
    """A period of the cap on the total of credits whose cap or owed total changes, each side's figures."""

    def side(credits: float | None, cap: float | None, owed: float | None) -> str:
        if credits is None or cap is None or owed is None:
            return said("author.replay.credit_total.none", lang)
        return said(
            "author.replay.credit_total.side", lang, owed=f"{owed:g}%", credits=f"{credits:g}%", cap=f"{cap:g}%"
        )

    w = _period_words(r, lang)
    kind = said(f"report.credits.{_PERIOD_KINDS.get(c.period, 'whole')}", lang)
    tz = _shown_zone(r)
    start = c.start.astimezone(tz) if tz is not None else c.start
    return said(
        "author.replay.credit_total",
        lang,
        start=w.d(start.date()),
        kind=kind,
        old=side(c.old_credits, c.old_cap, c.old_owed),
        new=side(c.new_credits, c.new_cap, c.new_owed),
    )


def _breach_credit_line(c: BreachCreditChange, lang: str) -> str:
    """A credit per missed target that comes, goes or changes, named as the customer report names its row (its
    ``sla test`` key when the report's words are not at hand), with both sides' breaches and credit."""

    def side(n: int | None, credit: float | None, complete: bool | None, shared: float | None) -> str:
        if n is None or credit is None:
            return said("author.replay.none", lang)
        said_side = said("author.replay.breach_credit.side", lang, n=n, credit=f"{credit:g}%")
        if shared is not None:  # (the period's rows together at most the highest of their lines' caps)
            said_side += said("author.replay.breach_credit.shared", lang, cap=f"{shared:g}%")
        return said_side if complete else said_side + said("author.replay.breach_credit.not_final", lang)

    old = side(c.old_breaches, c.old_credit, c.old_complete, c.old_shared_cap)
    new = side(c.new_breaches, c.new_credit, c.new_complete, c.new_shared_cap)
    if c.change == "changed" and c.old_incidents != c.new_incidents:
        sep, none = said("author.sep.list", lang), said("author.replay.none", lang)
        ids = [sep.join(i) if i else none for i in (c.old_incidents, c.new_incidents)]
        new += said("author.replay.breach_credit.incidents", lang, old=ids[0], new=ids[1])
    what = c.worded or f"`{c.key}`"
    return said(f"author.replay.breach_credit.{c.change}", lang, what=what, old=old, new=new)


def _breach_credit_counts(r: Replay, lang: str) -> str:
    """The summary line's count of credits per missed target that come, go or change (empty: none)."""
    counts = r.counts.get("breach_credits", {})
    shown = [
        said(f"author.replay.breach_credit.count.{change}", lang, n=counts[change])
        for change in BREACH_CREDIT_CHANGES
        if counts.get(change)
    ]
    if not shown:
        return ""
    return said("author.replay.breach_credit.counts", lang, counts=said("author.sep.list", lang).join(shown))


def _status_line(old: dict[str, int], new: dict[str, int], lang: str = "en") -> str:
    """The counts of each status, old -> new; ``none`` / ``なし`` for a log of no incident."""
    keys = sorted(set(old) | set(new))
    if not keys:
        return said("author.replay.none", lang)
    return said("author.sep.list", lang).join(
        said("author.replay.count", lang, status=_word("report.targets", k, lang), old=old.get(k, 0), new=new.get(k, 0))
        for k in keys
    )


def cmd_replay(args: argparse.Namespace) -> int:
    """``sla replay OLD NEW EVENTS --from --to [--as-of] [--format]``."""
    from ..calendars.timeargs import check_period_args, parse_edge
    from ..events.problems import event_problems_in, no_events_warning
    from ..events.reader import read_events
    from ..lang.diagnostics import policy_language
    from ..policy import declared_types, load_policies

    old = load_policies([args.old], args.lang)
    new = load_policies([args.new], args.lang)
    # --lang, else NEW's primary language (as sla_dsl.cli.langs decides for every command)
    lang = args.lang or policy_language(min(new, key=lambda p: p.effective).model)
    tz = min(old, key=lambda p: p.effective).tz
    with flag_values():
        start = parse_edge(args.start, tz, "--from", lang)
        end = parse_edge(args.end, tz, "--to", lang)
        as_of = parse_edge(args.as_of, tz, "--as-of", lang) if args.as_of else None
        check_period_args(start, end, lang, as_of)
    with event_problems_in(lang):
        # (deferred: a bad line's problems are said with the values neither version knows, as `sla evaluate`)
        log = read_events(args.events, declared=declared_types([*old, *new]), defer=True)
        empty = no_events_warning(log, lang)  # (as `sla evaluate` says it: a log of nothing judges nothing)
        if empty:
            sys.stderr.write(empty + "\n")
        result = replay(old, new, log, start, end, as_of, lang)
    if args.format != "json":  # (the JSON has them as `notes`; stdout keeps what scripts read)
        for note in result.notes:
            sys.stderr.write(printable(f"sla: {said('cli.note', lang)}: {note}") + "\n")
    if args.format == "json":
        sys.stdout.write(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_text(result, lang))
    return 1 if args.exit_code and result.changed else 0


#: a named target's verdict as compared: status and due time, then (not compared) its kind and clock
_Verdict = tuple[str, dt.datetime | None, str | None, str | None]


def _targets_of(r: Any) -> list[tuple[str, _Verdict]]:
    """The named targets of an incident (a row, or a compact verdict as its row would show them): name,
    and status, due time, kind and clock."""
    if not r.targets:
        return []
    if isinstance(r, Incident):  # (its row's ``due``: the instant in the version's zone)
        dt_of = r.rules.dt
        return [(t.name, (t.status, None if t.due is None else dt_of(t.due), t.kind, t.clock)) for t in r.targets]
    return [(t.name, (t.status, t.due, t.kind, t.clock)) for t in r.targets]


def _target_flips(old: Report, new: Report) -> list[TargetFlip]:
    """Named targets and outage notice rules whose status or due time differ (absent on one side included)."""

    def table(rep: Report) -> dict[tuple[str, str], _Verdict]:
        out: dict[tuple[str, str], _Verdict] = {}
        out |= {(r.id, name): verdict for r in compact(rep.incidents) for name, verdict in _targets_of(r)}
        out |= {(o.id, t.name): (t.status, t.due, t.kind, t.clock) for o in rep.outages for t in o.notices}
        return out

    a, b = table(old), table(new)
    flips = []
    absent: _Verdict = ("absent", None, None, None)
    for key in dict.fromkeys([*a, *b]):
        x, y = a.get(key, absent), b.get(key, absent)
        if x[:2] != y[:2]:
            named = y if key in b else x
            flips.append(
                TargetFlip(
                    id=key[0],
                    target=key[1],
                    old_status=x[0],
                    new_status=y[0],
                    old_due=x[1],
                    new_due=y[1],
                    kind=named[2],
                    clock=named[3],
                )
            )
    return flips
