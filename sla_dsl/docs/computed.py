"""What the site derives from a policy rather than reads from it.

Design notes
------------
* Everything here goes through the engine's own arithmetic
  (:meth:`Policy.maintenance_windows`, :meth:`Policy.response_due`, the
  business calendars), so the site shows what the evaluator will judge by.
* Builds must be reproducible: every function takes its reference date as an
  argument (the plugin passes the ``today`` option, or the policy's effective
  date); nothing reads the clock.
* The worked example starts one hour of open time before the close of business
  on the first business Friday on or after the reference date (``Fri 17:00`` for
  a calendar that closes at 18:00): the case that shows business time carrying
  over a weekend. When no Friday is a business day, the first business day
  serves. The day, its close and the hour before it are the calendar's own
  (:meth:`BusinessCalendar.open_intervals`: hours written per weekday, partial
  closures and the calendar's zone counted), so the start is always a business
  moment; it is said on the policy's wall clock, as ``sla deadline --from``
  takes it (a London desk's Friday 16:30 is Saturday 01:30 in a Tokyo policy in
  winter). It used to read the one-line ``hours`` only (none for a calendar
  written per weekday: no example) and set them in the policy's zone.
  A priority with rules chosen by attributes (``when plan = premium``) has one
  row per combination of the values its rules test, each due by the rule that
  combination selects (:meth:`Policy.response_due` with those attributes, as
  ``sla deadline --attribute`` computes it), in the plan table's order.
* The same-day cutoff is the evaluator's (:func:`sla_dsl.evaluation.incident_rows.same_day_of`):
  on the first day of the guideline's calendar, on or after the reference date,
  that has open time (its local dates, as every calendar's days), the close is
  the end of that day's last real open interval (partial closures and daylight
  saving counted, on the calendar's own wall clock) and the cutoff that close
  less the lead; both are kept on the policy's wall clock, as the evaluator's
  step says them (a London desk's 17:30 close is 02:30 in a Tokyo policy in
  winter), a close at the policy's midnight as 24:00. It used to combine the
  calendar's written hours with the policy's zone and ignore closures.
* A guideline on a calendar with its own zone carries it
  (:attr:`SameDayCutoff.zone`), and the page states the rule on that
  calendar's wall clock (:attr:`SameDayCutoff.local_cutoff`, ``by 13:30 London
  time, 4 hours before the 17:30 close``): the policy's wall clock said it for
  one season only (22:30 and 02:30 in a Tokyo policy in winter, 21:30 and 01:30
  in British Summer Time), and its 02:30 close is not the same day. The
  example, one instant each, is said on both clocks, as the worked example's.
* A scheduled maintenance day that ``if not a business day: skip`` drops has no
  window; :func:`skipped_windows` finds those days (as the evaluator's recurrence
  drops them) so the page can say them where moved windows are said.
* A worked example whose target counts on a calendar with its own zone (not the
  policy's) carries that zone (:attr:`ExampleRow.zone`, :attr:`Example.zone` for
  the calendar the start is chosen on), so the page can say each instant on
  that desk's wall clock too (Tokyo's Saturday 01:30 is London's Friday
  16:30), converting each aware instant with ``zoneinfo`` so each gets its own
  offset (a start in British Summer Time, a due after the clocks go back). A
  calendar in the policy's own zone, written or not, has none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ..calendars.recurrence import _NOT_BUSINESS, Window, scheduled_days
from ..evaluation.in_force import VersionsInForce
from ..lang import conditions
from ..lang import model as m
from ..policy.compiled import Policy, add_calendar_duration

__all__ = [
    "Example",
    "ExampleRow",
    "SameDayCutoff",
    "Skipped",
    "calendar_zone",
    "cutoff",
    "examples",
    "moved_windows",
    "next_windows",
    "skipped_windows",
    "years_on",
]

_SEARCH_DAYS = 400


def next_windows(policy: Policy, start: dt.date, count: int) -> list[Window]:
    """The first ``count`` regular-maintenance windows starting on or after ``start`` (one policy's
    :func:`next_windows_in_force`)."""
    return [w for w, _ in next_windows_in_force([policy], start, count)]


def next_windows_in_force(policies: Sequence[Policy], start: dt.date, count: int) -> list[tuple[Window, Policy]]:
    """The first ``count`` regular-maintenance windows starting on or after ``start``, each from the version
    of ``policies`` in force at its start, as ``sla maintenance`` and the evaluator take it
    (:meth:`.VersionsInForce.windows`)."""
    versions = VersionsInForce(policies)
    out: list[tuple[Window, Policy]] = []
    lo = start
    while len(out) < count and lo < start + dt.timedelta(days=366 * 10):
        hi = lo + dt.timedelta(days=366)
        out.extend(versions.windows(lo, hi))
        lo = hi
    return out[:count]


def windows_in_force(policies: Sequence[Policy], start: dt.date, end: dt.date) -> list[tuple[Window, Policy]]:
    """The windows starting in ``[start, end)``, each from the version in force at its start."""
    return VersionsInForce(policies).windows(start, end)


def in_force_on(policies: Sequence[Policy], day: dt.date) -> Policy:
    """The version of ``policies`` in force at the start of ``day`` (in its zone)."""
    versions = VersionsInForce(policies)
    return versions.at(dt.datetime.combine(day, dt.time(), versions.earliest.tz))


def moved_windows(policy: Policy, start: dt.date, years: int) -> list[Window]:
    """Every window in ``years`` years from ``start`` that a roll rule moved off its scheduled day."""
    return [w for w in policy.maintenance_windows(start, years_on(start, years)) if w.moved]


def years_on(start: dt.date, years: int) -> dt.date:
    """The end of the ``years`` years from ``start`` that the moved (and skipped) windows are listed for."""
    return dt.date(start.year + years, start.month, min(start.day, 28))


@dataclass(frozen=True)
class Skipped:
    """A scheduled maintenance day its rule drops, not being a business day (``if not a business day: skip``):
    no window that day. ``reason``/``reason_ja``: the holiday or closure, else "not a business day"."""

    day: dt.date
    name: str
    reason: str
    reason_ja: str


def skipped_windows(policy: Policy, start: dt.date, end: dt.date) -> list[Skipped]:
    """The scheduled days in ``[start, end]`` whose windows ``if not a business day: skip`` drops, by date
    (as :func:`sla_dsl.calendars.recurrence.maintenance_windows` drops them: not a business day of the rule's
    calendar)."""
    out: list[Skipped] = []
    for mt in policy.model.maintenance:
        if mt.roll is not m.Roll.SKIP or not mt.calendar:
            continue
        cal = policy.calendar(mt.calendar)
        for day in scheduled_days(mt.on, start, end):
            if not cal.is_business_day(day):
                en = cal.holiday_name(day, "en") or _NOT_BUSINESS[0]
                out.append(Skipped(day, mt.name, en, cal.holiday_name(day, "ja") or _NOT_BUSINESS[1]))
    return sorted(out, key=lambda s: (s.day, s.name))


@dataclass(frozen=True)
class SameDayCutoff:
    """The P1 same-day guideline made concrete: received by ``cutoff`` -> due by ``close`` (times of day on the
    policy's wall clock), on the day of ``example_start`` (the cutoff itself), whose close is ``close_at``;
    ``zone`` the own zone of the guideline's calendar (``None``: the policy's)."""

    priority: str
    before_close: m.Duration
    cutoff: m.ClockTime
    close: m.ClockTime
    example_start: dt.datetime
    example_due: dt.datetime
    close_at: dt.datetime
    zone: ZoneInfo | None = None

    @property
    def holds(self) -> bool:
        """Whether the response target really falls due by the close for a clock at the cutoff."""
        return self.example_due.timestamp() <= self.close_at.timestamp()  # (instants: a repeated hour)

    @property
    def local_cutoff(self) -> m.ClockTime:
        """The cutoff on the wall clock of the guideline's calendar (:attr:`cutoff` when it has no own zone)."""
        if self.zone is None:
            return self.cutoff
        cut = self.example_start.astimezone(self.zone)
        return m.ClockTime(minutes=cut.hour * 60 + cut.minute)

    @property
    def local_close(self) -> m.ClockTime:
        """The close on the wall clock of the guideline's calendar (:attr:`close` when it has no own zone)."""
        return self.close if self.zone is None else _clock_time(self.close_at.astimezone(self.zone))


def _first_open_day(policy: Policy, calendar: str, start: dt.date) -> list[tuple[dt.datetime, dt.datetime]] | None:
    """The open intervals of the first Friday on or after ``start`` that the calendar opens (its local dates),
    else of its first day with open time; ``None`` when it has none in :data:`_SEARCH_DAYS` days."""
    cal = policy.calendar(calendar)
    first: list[tuple[dt.datetime, dt.datetime]] | None = None
    for k in range(_SEARCH_DAYS):
        d = start + dt.timedelta(days=k)
        opened = cal.open_intervals(d)
        if opened and d.weekday() == 4:
            return opened
        first = first or opened or None
    return first


def cutoff(policy: Policy, priority: m.Priority, start: dt.date) -> SameDayCutoff | None:
    """The same-day cutoff of ``priority`` (``None`` when it has no same-day guideline, or its calendar no
    open time in :data:`_SEARCH_DAYS` days), as the evaluator judges it (see the module's notes)."""
    sd = priority.same_day
    if sd is None:
        return None
    cal = policy.calendar(sd.calendar)
    for k in range(_SEARCH_DAYS):
        opened = cal.open_intervals(start + dt.timedelta(days=k))
        if opened:
            break
    else:
        return None
    tz = policy.tz
    close = opened[-1][1].astimezone(tz)
    lead = sd.before_close
    if lead.calendar is None:
        # exact time before the close, as the evaluator counts it: on instants, never the wall clock
        edge = close.timestamp()
        cut = dt.datetime.fromtimestamp(2 * edge - add_calendar_duration(close, lead).timestamp(), tz)
    else:  # business time counted back on the lead's calendar, as the evaluator counts it
        cut = policy.calendar(lead.calendar).add(close, -policy.duration_delta(lead))
    cut = cut.astimezone(tz)
    return SameDayCutoff(
        priority.id,
        lead,
        m.ClockTime(minutes=cut.hour * 60 + cut.minute),
        _clock_time(close),
        cut,
        policy.response_due(priority.id, cut),
        close,
        calendar_zone(policy, sd.calendar),
    )


def _clock_time(t: dt.datetime) -> m.ClockTime:
    """The time of day of a close: midnight is the end of the day before, 24:00."""
    minutes = t.hour * 60 + t.minute
    return m.ClockTime(minutes=minutes or (1440 if not t.second and not t.microsecond else 0))


def calendar_zone(policy: Policy, calendar: str | None) -> ZoneInfo | None:
    """The zone of ``calendar`` when it has its own, other than the policy's (``None`` for no calendar,
    one without ``timezone`` or one in the policy's zone)."""
    if calendar is None:
        return None
    zone = policy.calendar(calendar).tz  # the engine's: its own ``timezone``, else the policy's
    return zone if zone.key != policy.tz.key else None


def _target_calendar(target: m.Target) -> str | None:
    """The calendar a target counts on (``None`` for an amount of wall-clock time)."""
    return target.calendar if isinstance(target, m.ByEndOf) else target.duration.calendar


@dataclass(frozen=True)
class ExampleRow:
    """One worked deadline: the rule that applies for ``attributes`` (empty for a priority without rules
    chosen by attributes), its due time, and the zone of the calendar its target counts on when that is
    not the policy's."""

    rule: m.Priority
    attributes: dict[str, str]
    due: dt.datetime
    zone: ZoneInfo | None = None


@dataclass(frozen=True)
class Example:
    """Worked deadlines: a clock start and each priority's due time, per rule; ``zone`` the own zone of
    the calendar the start was chosen on (``None``: the policy's)."""

    start: dt.datetime
    rows: tuple[ExampleRow, ...]
    zone: ZoneInfo | None = None


def _rows(policy: Policy, at: dt.datetime) -> list[ExampleRow]:
    rows: list[ExampleRow] = []
    for pid, rules in conditions.by_id(policy.model).items():
        combos = conditions.assignments(policy.model, rules) if any(r.when for r in rules) else None
        if not combos:  # no rule chosen by attributes (or too many combinations to list): the default one
            rule = policy.priority(pid)
            zone = calendar_zone(policy, _target_calendar(rule.target))
            rows.append(ExampleRow(rule, {}, policy.response_due(pid, at), zone))
            continue
        for combo in combos:
            rule = policy.priority(pid, combo)
            zone = calendar_zone(policy, _target_calendar(rule.target))
            rows.append(ExampleRow(rule, dict(combo), policy.response_due(pid, at, combo), zone))
    return rows


_LEAD = dt.timedelta(hours=1)


def _last_open_hour(opened: list[tuple[dt.datetime, dt.datetime]]) -> dt.datetime:
    """The moment one hour of open time before the day's close (its opening, on a day open less than an hour),
    counted in UTC: an hour of a day the clocks change on is an hour."""
    left = _LEAD
    for s, e in reversed([(s.astimezone(dt.UTC), e.astimezone(dt.UTC)) for s, e in opened]):
        if e - s >= left:
            return e - left
        left -= e - s
    return opened[0][0]


def examples(policy: Policy, start: dt.date) -> Example | None:
    """Each priority's due time, per rule, for a clock one open hour before close on a business Friday."""
    if not policy.model.priorities:
        return None
    name = policy.default_calendar_name
    opened = _first_open_day(policy, name, start)
    if opened is None:
        return None
    at = _last_open_hour(opened).astimezone(policy.tz)
    return Example(at, tuple(_rows(policy, at)), calendar_zone(policy, name))
