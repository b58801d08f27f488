"""What changed between two versions of a policy, by meaning: the change finder of ``sla diff``.

Design notes
------------
* Two compiled models are compared, never two texts: layout, comments, spans
  and the order of declarations do not count. Declarations are matched by
  their identity (a calendar by name, a priority by id, a rule of a priority
  with ``when`` by its id and what its condition matches, an item by number,
  the header and the planned-stop rule as singletons); a declaration only in
  NEW is ``added``, only in OLD ``removed``. Of two rules of one priority whose
  conditions match the same only the first counts: the second can never apply.
* A condition is compared by what it matches (:class:`Meanings`), never by its
  text: the combinations of attribute values it holds for, as written, over
  the values an incident may carry under NEW (NEW's declared values; an
  attribute NEW does not declare has none, as the evaluator reads it). With
  values ``standard, premium, gold``, ``plan != standard``, ``plan in (premium,
  gold)`` and ``plan in (gold, premium, standard) and plan != standard`` are
  one condition, in a rule of a priority (its key), a notify rule's ``when``
  and a service's availability targets alike; the boxes and classes are those of
  :mod:`sla_dsl.lang.first_match` and :func:`sla_dsl.lang.conditions.value_classes`.
  A value NEW adds is where OLD's condition as written and NEW's may part: a
  rule of a priority whose condition holds for the same combinations of the
  values both versions declare (some of them) but not for a value added is the
  same rule with its condition changed, and the change says for whom (a
  :class:`Detail` ``applies_also`` or ``applies_not`` with the combinations, as
  conditions: ``plan != standard`` -> ``plan in (premium, gold)`` with
  ``platinum`` added does not apply to Platinum customers); so is a notify
  rule's ``when``. A value OLD alone declares no incident of NEW carries: what
  a condition said of it is no change (the attribute's values are one).
* Matched declarations are compared field by field over the model's own
  fields, so every change the language can express is reported, including
  fields added to the model later (they fall back to a generic wording).
  Values are compared in a canonical form (:func:`canonical`), at every depth:
  what has no order is sorted (weekdays, hours of a day, holidays, channels,
  completion and update events, item rules, credit tiers, the tests of a
  condition and the values of a test: :data:`SETS`), dates are merged into
  runs (``closed 2026-12-30, 2026-12-29`` is ``closed 2026-12-29..2026-12-30``),
  hours of weekdays and of dates are taken per day whatever lines give them,
  and a range that ends at ``00:00`` ends at ``24:00``. The order of ``clock ...
  starts at`` events is a preference and counts, as the order of ``languages``
  (the first is the primary one).
* A calendar's week is compared as the compiled calendar reads it, whatever
  lines give it (:func:`week`): the open weekdays (``days``, else those its
  ``hours`` lines name) with the hours of each (its own ``hours`` lines, else
  the one-line ``hours``), ranges merged. ``days mon..fri`` with ``hours
  10:00-18:00`` and ``hours mon..fri 10:00-18:00`` are one week. A week that
  changes is said per weekday (:func:`_week_changes`): the same change of every
  open day is a change of ``hours`` (with its breaks, opening and closing times
  and hours a day), else each run of weekdays changed alike is a change of
  ``day_hours`` with those weekdays alone: days opened (no hours before), days
  closed (none after), or their hours changed (with their details). Dated hours,
  closures and holidays are fields of their own.
* Order counts where the language tries alternatives in file order, first match
  applies: the rules of one priority id, and the availability targets of a
  service (those with ``when`` and the general one, as
  :func:`sla_dsl.lang.service_plans.ordered` tries them). Their order is compared
  by what it decides: for every combination of attribute values (one per class,
  as the checks enumerate them), the rule that applies under OLD's order and
  under NEW's; when both are rules of both versions and differ, the later one
  moved ahead of the earlier one, a change ``order`` of the priority
  (``target_order`` of the service) with a :class:`Detail` ``precedence``
  (``target_precedence``) per such pair. Swapping rules no incident can match
  together, or blocks of other declarations, is no change. The same
  alternatives in the same order are not compared at all; otherwise the first
  alternative at each combination is a walk down the pieces
  :class:`sla_dsl.lang.first_match.Space` finds for each version, and the
  classes come from the values each test lists, so thousands of rules ``when
  customer = cK`` cost about one step per customer, not one per customer and
  rule. Notify rules are not alternatives: each rule is judged on its own (its
  due time, status and violation, whatever its place), so their order changes
  no verdict and is not compared; it only decides the order of a report's
  lines and which rule's verdict an outage row's own ``notice_*`` fields repeat
  (the first on an outage event). Likewise the order of services: each measured
  service is judged per period on its own, and the first only gives the report's
  top-level ``availability`` figures. One more choice goes by file order: the plain response target is
  measured on the clock called ``response``, else on the first clock; when
  another clock of both versions measures it, a change ``response_clock`` of
  the policy says so (a clock added or removed is said as such).
* What ``1 business day`` means is a calendar's standard day
  (:func:`standard_day`: the length of its one-line ``hours``, else the length
  most of its open weekdays have, as the compiled calendar reads it). A change
  of a calendar that changes that length changes every duration counted in
  business days on it (:func:`changed_days`), wherever it is written: a
  priority's response target, its completion by silence, a named target
  (``update every`` included) or its extra out of hours, a notification's
  target, a backup's retention, a notice period; in rules with ``when`` alike.
  Each field that holds such a duration is a change of its declaration even
  when it is written the same (``respond within 1 business day`` now means 8
  business hours, not 7), said with the hours before and after (:mod:`.semdiff`).
  A target due ``by end of``, or at a time of, the Nth business day does not
  depend on that length (it falls due at an instant of a business day: the
  calendar's own change says when that moves), nor do business hours, minutes
  or seconds, nor a warning threshold (a share of its target, said with the
  target): none of them is named.
* A rule an SLA item names that NEW removes goes from the item's ``rules`` with
  it: the removal is listed (``バックアップ「…」を削除``), so the item's ``rules``
  are no change of their own when that is all that changed (:func:`kept_rules`,
  for every kind of rule an item can name, as ``sla check`` resolves it:
  :func:`declares`); a rule NEW adds that an item names is said with the item,
  since the addition does not say which item it serves.
* A :class:`Change` holds values, never words: what a reader cares about
  beyond old and new (a break in business hours removed, the day getting
  longer, a rule now tried before another) is a :class:`Detail`, a catalogue
  key and its fields (rules by their conditions, for :mod:`.semdiff` to say
  with the version's labels). The words are :mod:`.semdiff`'s, which imports
  this module (never the other way round).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import json
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal, NamedTuple
from zoneinfo import ZoneInfo

from pydantic import BaseModel

from ..calendars.business_index import BusinessIndex
from ..lang import model as m
from ..lang.conditions import MAX_CASES, cases_in, holds, value_classes
from ..lang.first_match import Space
from ..lang.service_plans import ordered

__all__ = [
    "Aligned",
    "Change",
    "Detail",
    "Meanings",
    "Op",
    "added_yearly_closures",
    "added_yearly_holidays",
    "canonical",
    "changed_days",
    "declares",
    "diff_models",
    "first_closed",
    "jsonable",
    "kept_rules",
    "on_days",
    "response_clock",
    "standard_day",
    "week",
]

Op = Literal["added", "removed", "changed"]

#: The fields of each kind of node whose values form a set: their order has no meaning.
SETS: dict[type[BaseModel], frozenset[str]] = {
    m.Calendar: frozenset({"days", "hours", "holidays", "named_holidays", "yearly_holidays"}),
    m.DayHours: frozenset({"days", "ranges"}),
    m.DateHours: frozenset({"ranges"}),
    m.ClockRule: frozenset({"pauses", "not_due", "stops", "resets", "restarts", "cancels"}),
    m.Pause: frozenset({"until"}),  # (the first of them to come resumes it, in any order)
    m.NotDue: frozenset({"until"}),  # (the first of them to come ends the hold, in any order)
    m.ClockTarget: frozenset({"by"}),
    m.Completion: frozenset({"on"}),
    m.Priority: frozenset({"targets", "breach_credits"}),
    m.PlannedStop: frozenset({"channels"}),
    m.Item: frozenset({"rules"}),
    m.Service: frozenset({"plan_targets", "credits"}),
    m.AvailabilityTarget: frozenset({"credits"}),
    m.Attribute: frozenset({"changes"}),  # (the events that change it during an incident's life)
}

#: The model class of each section's declarations (whose fields :data:`SETS` knows).
SECTION_TYPES: dict[str, type[BaseModel]] = {
    "header": m.Header,
    "article": m.Article,
    "calendar": m.Calendar,
    "service": m.Service,
    "planned_stop": m.PlannedStop,
    "maintenance": m.Maintenance,
    "clock": m.ClockRule,
    "priority": m.Priority,
    "attribute": m.Attribute,
    "event_type": m.EventType,
    "notify": m.Notify,
    "backup": m.Backup,
    "exclude": m.Exclusion,
    "item": m.Item,
}

#: Fields compared by what they decide rather than as values: a service's targets above its general one
#: (:func:`_target_order` compares the order the targets are tried in).
_BY_ORDER = frozenset({("service", "plan_targets_first")})


class Detail(NamedTuple):
    """What a reader cares about beyond old -> new: catalogue entry ``diff.detail.<key>`` with its fields.

    ``rules`` are fields whose values are rules (or targets) named by their conditions (None: the rule
    without ``when``), said in words with the version's labels by :mod:`.semdiff`; ``whom``, the field
    ``whom``: combinations of attribute values, as conditions, said in words with NEW's labels (``Plan is
    Platinum``), joined as alternatives."""

    key: str
    fields: dict[str, str]
    rules: tuple[tuple[str, m.Condition | None], ...] = ()
    whom: tuple[m.Condition, ...] = ()


@dataclass(frozen=True)
class Change:
    """One difference between OLD and NEW: a declaration added or removed, or one field changed."""

    op: Op
    section: str
    key: str
    field: str | None
    old: Any = None
    new: Any = None
    #: article the change belongs to (for grouping a notice)
    article: int | None = None
    #: what a reader cares about beyond old -> new (e.g. a break of 12:00-13:00 removed)
    details: tuple[Detail, ...] = ()
    #: the label of the declaration, to name it for people
    label: m.Label | None = None
    #: the condition of a rule of a priority with ``when`` (its key is ``P1 when plan = premium``)
    when: m.Condition | None = None

    @property
    def rule_id(self) -> str:
        """The key without its condition: the priority id of a rule with ``when``."""
        return self.key.partition(" when ")[0] if self.when is not None else self.key


# ---- values by meaning -----------------------------------------------------------------------------


def _sort_key(value: Any) -> str:
    """A value's place in a set: weekdays in week order, time ranges by their times, the rest by their data."""
    if isinstance(value, m.Weekday):
        return str(value.index)
    if isinstance(value, m.TimeRange):
        return f"{value.start.minutes:05d}-{value.end.minutes:05d}"
    plain = m.meaning(value) if isinstance(value, BaseModel) else value
    return json.dumps(plain, sort_keys=True, ensure_ascii=False, default=str)


def _as_set(values: Sequence[Any]) -> tuple[Any, ...]:
    """Each value once, in a fixed order."""
    unique = {_sort_key(v): v for v in values}
    return tuple(unique[k] for k in sorted(unique))


def _runs(ranges: Sequence[m.DateRange]) -> tuple[m.DateRange, ...]:
    """The dates of ``ranges`` as the fewest ranges, in date order (adjacent and overlapping ones merged)."""
    out: list[m.DateRange] = []
    for r in sorted(ranges, key=lambda r: (r.first, r.last)):
        if out and r.first <= out[-1].last + dt.timedelta(days=1):
            if r.last > out[-1].last:
                out[-1] = m.DateRange(first=out[-1].first, last=r.last)
        else:
            out.append(m.DateRange(first=r.first, last=r.last))
    return tuple(out)


def _time_range(r: m.TimeRange) -> m.TimeRange:
    """A range that ends at midnight ends at 24:00 (``22:00-00:00`` is ``22:00-24:00``)."""
    if r.end.minutes == 0:
        return m.TimeRange(start=r.start, end=m.ClockTime(minutes=1440))
    return m.TimeRange(start=r.start, end=r.end)


def _ranges(ranges: Sequence[m.TimeRange]) -> tuple[m.TimeRange, ...]:
    return _as_set([_time_range(r) for r in ranges])


def _day_hours(lines: Sequence[m.DayHours]) -> tuple[m.DayHours, ...]:
    """Hours of weekdays per weekday (a weekday takes the union of the lines that name it), the weekdays
    with the same hours in one line, in week order: ``sat, fri 10:00-13:00`` is ``fri, sat 10:00-13:00``."""
    groups: dict[str, tuple[list[m.Weekday], tuple[m.TimeRange, ...]]] = {}
    for w in m.Weekday:
        own = _ranges([r for line in lines if w in line.days for r in line.ranges])
        if own:
            groups.setdefault(_sort_key(own), ([], own))[0].append(w)
    return tuple(m.DayHours(days=tuple(days), ranges=ranges) for days, ranges in groups.values())


def _date_hours(lines: Sequence[m.DateHours]) -> tuple[m.DateHours, ...]:
    """Hours (or closed hours) of dates per date (the union of the lines that name it), the dates with the
    same hours in one line as the fewest runs, in date order."""
    bounds = sorted({d for line in lines for r in line.dates for d in (r.first, r.last + dt.timedelta(days=1))})
    groups: dict[str, tuple[list[m.DateRange], tuple[m.TimeRange, ...]]] = {}
    for start, stop in itertools.pairwise(bounds):
        own = _ranges([t for line in lines if any(r.first <= start <= r.last for r in line.dates) for t in line.ranges])
        if own:
            run = m.DateRange(first=start, last=stop - dt.timedelta(days=1))
            groups.setdefault(_sort_key(own), ([], own))[0].append(run)
    lines_out = [m.DateHours(dates=_runs(dates), ranges=ranges) for dates, ranges in groups.values()]
    return tuple(sorted(lines_out, key=lambda line: line.dates[0].first))


#: Every day of a year, as (month, day), in a leap year: a yearly range covers in other years the same days
#: but February 29.
_YEAR = [(d.month, d.day) for d in (dt.date(2000, 1, 1) + dt.timedelta(days=i) for i in range(366))]


def _yearly_runs(ranges: Sequence[m.YearlyRange]) -> tuple[m.YearlyRange, ...]:
    """The days of yearly ranges as the fewest ranges, in calendar order, one across the new year where the
    days run on into January: ``12-29..12-31, 01-01..01-03`` is ``12-29..01-03``."""

    def covered(day: tuple[int, int]) -> bool:
        return any(r.first <= day <= r.last if r.first <= r.last else day >= r.first or day <= r.last for r in ranges)

    inside = [covered(day) for day in _YEAR]
    if all(inside):
        return (m.YearlyRange(first=_YEAR[0], last=_YEAR[-1]),)
    runs: list[list[int]] = []
    for i, flag in enumerate(inside):
        if flag and runs and runs[-1][1] == i - 1:
            runs[-1][1] = i
        elif flag:
            runs.append([i, i])
    if len(runs) > 1 and inside[0] and inside[-1]:  # across the new year
        runs[0][0] = runs.pop()[0]
    return tuple(m.YearlyRange(first=_YEAR[a], last=_YEAR[b]) for a, b in runs)


def added_yearly_closures(old: object, new: object, since: dt.date) -> list[tuple[m.YearlyRange, dt.date]]:
    """The yearly closures of ``new`` (a calendar's ``closed_yearly``) that ``old`` did not have, each with the
    first day it closes on or after ``since`` (NEW's effective date: :func:`first_closed`); one that never
    does (``02-29..02-29`` past the supported years) left out."""
    was = tuple(old or ()) if isinstance(old, tuple | list) else ()
    now = tuple(new or ()) if isinstance(new, tuple | list) else ()
    out = []
    for r in now:
        if isinstance(r, m.YearlyRange) and r not in was and (day := first_closed(r, since)) is not None:
            out.append((r, day))
    return out


def added_yearly_holidays(old: object, new: object, since: dt.date) -> list[tuple[m.YearlyHoliday, dt.date]]:
    """The yearly named holidays of ``new`` (a calendar's ``yearly_holidays``) that ``old`` did not have, each
    with its first date on or after ``since`` (NEW's effective date), as :func:`added_yearly_closures` gives a
    yearly closure's; one that never falls (``02-29`` past the supported years) left out, and so is one
    ``old`` had on the same day under another name (a holiday renamed is not a new day off)."""
    was = tuple(old or ()) if isinstance(old, tuple | list) else ()
    now = tuple(new or ()) if isinstance(new, tuple | list) else ()
    days = {_holiday_day(h) for h in was if isinstance(h, m.YearlyHoliday)}
    out = []
    for h in now:
        if isinstance(h, m.YearlyHoliday) and _holiday_day(h) not in days and (day := first_holiday(h, since)):
            out.append((h, day))
    return out


def _holiday_day(h: m.YearlyHoliday) -> tuple[int, int | None, int | None, m.Weekday | None]:
    """The day a yearly holiday falls on, whatever its name."""
    return (h.month, h.day, h.nth, h.weekday)


def first_holiday(h: m.YearlyHoliday, since: dt.date) -> dt.date | None:
    """The first date on or after ``since`` of the yearly holiday ``h`` (``05-01`` from 2027-04-01:
    2027-05-01; from 2027-05-02, 2028-05-01), within nine years, as :func:`first_closed`; None when none."""
    for year in range(since.year, min(since.year + 9, dt.MAXYEAR) + 1):
        day = h.date_in(year)
        if day is not None and day >= since:
            return day
    return None


def first_closed(r: m.YearlyRange, since: dt.date) -> dt.date | None:
    """The first day on or after ``since`` that the yearly range ``r`` covers (``12-29..01-03`` from
    2027-04-01: 2027-12-29; from 2027-01-02, that day, inside the range), within nine years (a February 29
    alone comes back within eight); None when it covers none."""
    for i in range(366 * 9):
        day = since + dt.timedelta(days=i)
        md = (day.month, day.day)
        if (r.first <= md <= r.last) if r.first <= r.last else (md >= r.first or md <= r.last):
            return day
    return None


#: Fields rebuilt in a canonical form whatever node holds them.
_REBUILT: dict[tuple[type[BaseModel], str], Callable[[Any], Any]] = {
    (m.Calendar, "closed"): _runs,
    (m.Calendar, "open"): _runs,
    (m.Calendar, "closed_yearly"): _yearly_runs,
    (m.Calendar, "day_hours"): _day_hours,
    (m.Calendar, "date_hours"): _date_hours,
    (m.Calendar, "closed_hours"): _date_hours,
}


def canonical(value: Any, owner: type[BaseModel] | None = None, field: str = "") -> Any:
    """``value`` (a node, a tuple, or a plain value of field ``field`` of a node of type ``owner``) in a
    canonical form: two values that mean the same are equal in it (Design notes)."""
    rebuild = _REBUILT.get((owner, field)) if owner is not None else None
    if rebuild is not None and isinstance(value, tuple):
        return rebuild(value)
    if isinstance(value, m.Condition):
        return value.canonical()
    if isinstance(value, m.TimeRange):
        return _time_range(value)
    if isinstance(value, m.NthWeekday):
        nths = sorted({value.nth, *value.also})
        value = value.model_copy(update={"nth": nths[0], "also": tuple(nths[1:])})
    if isinstance(value, BaseModel):
        kind = type(value)
        update = {f: canonical(getattr(value, f), kind, f) for f in kind.model_fields if not m.is_span_field(f)}
        return value.model_copy(update=update)
    if isinstance(value, tuple):
        items = tuple(canonical(v) for v in value)
        return _as_set(items) if owner is not None and field in SETS.get(owner, frozenset()) else items
    return value


def _plain(
    value: Any,
    field: str,
    owner: type[BaseModel] | None = None,
    langs: Sequence[str] = ("ja", "en"),
    days: Mapping[str, int] | None = None,
) -> Any:
    """A value by meaning, as plain data (JSON's): its canonical form without spans, each label (``{"ja": ...,
    "en": ...}``) in ``langs`` alone; each duration in business days on a calendar of ``days`` (name ->
    minutes of its standard day) with its ``business_minutes``."""
    value = canonical(value, owner, field)
    if isinstance(value, BaseModel):
        return _languages(value, m.meaning(value), langs, days or {})
    if isinstance(value, tuple):
        return [_plain(v, "", None, langs, days) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


# ---- conditions by meaning -------------------------------------------------------------------------

Cond = m.Condition | None

#: The value an incident has for an attribute its version does not declare: none (a test that lists values
#: fails, one that excludes them holds, as :func:`sla_dsl.evaluation.select.assignment` reads it).
_ABSENT = ("",)


class _Values(dict[str, tuple[str, ...]]):
    """The declared values of each attribute of a version; an attribute it does not declare, none."""

    def __missing__(self, name: str) -> tuple[str, ...]:
        return _ABSENT


def _declared(pm: m.PolicyModel) -> _Values:
    return _Values({a.name: tuple(a.values) for a in pm.attributes})


def _text(cond: Cond) -> str:
    """A condition as written, in canonical form (empty: none)."""
    return "" if cond is None else str(cond.canonical())


def _equal(space: Space, i: int, j: int) -> bool:
    """Whether conditions ``i`` and ``j`` of ``space`` match the same combinations (none alike)."""
    if not (space.possible(i) and space.possible(j)):
        return space.possible(i) == space.possible(j)
    return space.inside(i, j) and space.inside(j, i)


def _where(space: Space, i: int) -> tuple[int, ...] | None:
    """The first combination condition ``i`` matches (None: none): equal conditions have the same."""
    return tuple(space.first_point(i)) if space.possible(i) else None


def _firsts(space: Space, items: Iterable[int]) -> dict[int, int]:
    """Each of ``items`` (conditions of ``space``) -> the first of them that matches the same combinations."""
    seen: dict[tuple[int, ...] | None, list[int]] = {}
    out: dict[int, int] = {}
    for i in items:
        bucket = seen.setdefault(_where(space, i), [])
        out[i] = next((j for j in bucket if _equal(space, i, j)), i)
        if out[i] == i:
            bucket.append(i)
    return out


class Aligned(NamedTuple):
    """Conditions of OLD and NEW (:meth:`Meanings.align`) by meaning: the key of each, the canonical text of
    the first condition of NEW that means the same (or that it is paired with), else of OLD's own."""

    old: list[str]
    new: list[str]


class Meanings:
    """The conditions of two versions compared by what they match: the combinations of attribute values
    they hold for, as written, each value an incident may carry under NEW (NEW's declared values; an
    attribute NEW does not declare has none), as the evaluator reads them. The combinations are those of
    :mod:`sla_dsl.lang.first_match`'s boxes, the enumeration of :mod:`sla_dsl.lang.conditions`."""

    def __init__(self, old: m.PolicyModel, new: m.PolicyModel) -> None:
        self._old, self._new = _declared(old), _declared(new)
        #: the values both versions declare, of each attribute both declare with some value in common
        self._common: dict[str, tuple[str, ...]] = {}
        for name, values in self._new.items():
            kept = frozenset(self._old.get(name, ()))
            both = tuple(v for v in values if v in kept)
            if both:
                self._common[name] = both
        self._new_sets = {name: frozenset(values) for name, values in self._new.items()}
        self._common_sets = {name: frozenset(values) for name, values in self._common.items()}

    def same(self, old: Cond, new: Cond) -> bool:
        """Whether OLD's condition ``old`` and NEW's ``new`` hold for the same incidents under NEW."""
        if old is new or _text(old) == _text(new):
            return True
        return _equal(Space(_cut(self._new, self._new_sets, [old, new]), [old, new]), 0, 1)

    def align(self, olds: Sequence[Cond], news: Sequence[Cond], partly: bool = False) -> Aligned:
        """Keys for the alternatives of OLD (``olds``) and of NEW (``news``) by their conditions: those that
        mean the same share a key (the later ones of a version never apply), the text of NEW's first one.
        An alternative of OLD is paired with one of NEW of the same text, else of the same meaning (each
        once, in OLD's order); with ``partly``, then with one that holds for the same combinations of the
        values both versions declare (some of them), differing only for values one declares
        (:meth:`whom`). An alternative of OLD not paired keeps its own text, which is no key of NEW."""
        n = len(olds)
        conds = [*olds, *news]
        texts = [_text(c) for c in conds]
        space = Space(self._new, conds)
        new_first = _firsts(space, range(n, len(conds)))
        # (OLD's alternatives that mean the same in OLD: in the same space where the values are the same)
        tested = {t.attribute for c in olds if c is not None for t in c.tests}
        alike = all(self._old[name] == self._new[name] for name in tested)
        old_first = _firsts(space if alike else Space(self._old, olds), range(n))
        firsts = sorted(set(old_first.values()))  # (OLD's first alternative of each meaning)
        news_first = sorted(set(new_first.values()))
        pair: dict[int, int] = {}  # OLD's first of a meaning -> NEW's
        # the same text as NEW's first of a meaning, then as a later one of NEW that means the same
        own = {texts[j]: j for j in news_first}
        later: dict[str, int] = {}
        for j in range(n, len(conds)):
            later.setdefault(texts[j], new_first[j])
        taken: set[int] = set()
        for by_text in (own, later):
            for i in firsts:
                same = by_text.get(texts[i])
                if i not in pair and same is not None and same not in taken:
                    pair[i] = same
                    taken.add(same)
        # the same meaning, then (``partly``) the same on the values both versions declare
        _pair(space, firsts, news_first, pair)
        if partly:
            mine = [i for i in firsts if i not in pair and self._comparable(conds[i])]
            taken = set(pair.values())
            theirs = [j for j in news_first if j not in taken and self._comparable(conds[j])]
            if mine and theirs:
                local: dict[int, int] = {}
                common = Space(self._common, [conds[k] for k in (*mine, *theirs)])
                # (only alternatives that apply to some customers of both versions)
                _pair(common, range(len(mine)), range(len(mine), len(mine) + len(theirs)), local, reach=True)
                for a, b in local.items():
                    pair[mine[a]] = theirs[b - len(mine)]
        keys = [texts[new_first[j]] for j in range(n, len(conds))]
        old_keys = [texts[pair[f]] if (f := old_first[i]) in pair else texts[f] for i in range(n)]
        return Aligned(old_keys, keys)

    def _comparable(self, cond: Cond) -> bool:
        """Whether every attribute ``cond`` tests has values both versions declare."""
        return cond is None or all(t.attribute in self._common for t in cond.tests)

    def whom(self, old: Cond, new: Cond) -> tuple[Detail, ...]:
        """For OLD's condition ``old`` and NEW's ``new`` that hold for the same combinations of the values
        both versions declare: the combinations of NEW's values where they differ (a value NEW adds), as
        conditions: where ``new`` applies and ``old`` as written did not (``applies_also``), and where
        ``old`` did and ``new`` does not (``applies_not``). Empty for any other two conditions."""
        if not (self._comparable(old) and self._comparable(new)):
            return ()
        if not _equal(Space(_cut(self._common, self._common_sets, [old, new]), [old, new]), 0, 1):
            return ()
        classes = value_classes(self._new, [old, new])
        total = 1
        for _, values in classes:
            total *= len(values)
        if total > MAX_CASES:
            return ()
        also: list[m.Condition] = []
        not_now: list[m.Condition] = []
        for combo in itertools.product(*(values for _, values in classes)):
            attrs = {name: vs[0] for (name, _), vs in zip(classes, combo, strict=True)}
            was, now = holds(old, attrs), holds(new, attrs)
            if was != now:
                (also if now else not_now).append(self._box([name for name, _ in classes], combo))
        out = [Detail("applies_also", {}, whom=tuple(also))] if also else []
        out += [Detail("applies_not", {}, whom=tuple(not_now))] if not_now else []
        return tuple(out)

    def _box(self, names: Sequence[str], combo: Sequence[Sequence[str]]) -> m.Condition:
        """A combination of classes of values as a condition: on each attribute where the class is not all
        of NEW's values, those values (or every value but the others, when fewer)."""
        tests: list[m.AttributeTest] = []
        for name, values in zip(names, combo, strict=True):
            domain = self._new[name]
            if len(values) == len(domain):
                continue
            if 2 * len(values) > len(domain):
                kept = frozenset(values)
                others = tuple(v for v in domain if v not in kept)
                tests.append(m.AttributeTest(attribute=name, values=others, negated=True))
            else:
                tests.append(m.AttributeTest(attribute=name, values=tuple(values)))
        return m.Condition(tests=tuple(tests))


def _cut(
    values: Mapping[str, tuple[str, ...]], sets: Mapping[str, frozenset[str]], conds: Sequence[Cond]
) -> dict[str, tuple[str, ...]]:
    """The values of each attribute ``conds`` test (from ``values``, with ``sets`` the same as sets; an
    attribute not there has none) cut to those they list and one other: every other value matches as that
    one does (:func:`sla_dsl.lang.conditions.value_classes`), and the cut is found without reading them."""
    listed: dict[str, set[str]] = {}
    for c in conds:
        for t in c.tests if c is not None else ():
            listed.setdefault(t.attribute, set()).update(t.values)
    out: dict[str, tuple[str, ...]] = {}
    for name, named in listed.items():
        declared = sets.get(name, frozenset(_ABSENT))
        kept = [v for v in sorted(named) if v in declared]
        if len(kept) < len(declared):
            kept.append(next(v for v in values.get(name, _ABSENT) if v not in named))
        out[name] = tuple(kept)
    return out


def _pair(space: Space, olds: Iterable[int], news: Iterable[int], pair: dict[int, int], reach: bool = False) -> None:
    """Pair each of ``olds`` not in ``pair`` with the first of ``news`` not paired yet that matches the same
    combinations of ``space`` (``reach``: and some), found by the first combination each matches."""
    taken = set(pair.values())
    by_first: dict[tuple[int, ...] | None, list[int]] = {}
    for j in news:
        if j not in taken and (space.possible(j) or not reach):
            by_first.setdefault(_where(space, j), []).append(j)
    if not by_first:
        return
    for i in olds:
        if i in pair or (reach and not space.possible(i)):
            continue
        bucket = by_first.get(_where(space, i), [])
        found = next((j for j in bucket if _equal(space, i, j)), None)
        if found is not None:
            pair[i] = found
            bucket.remove(found)


# ---- declarations --------------------------------------------------------------------------------

#: The key of each rule of a priority, by the rule (its ``id()``): its id, with the key of its condition.
RuleKeys = Mapping[int, str]


def _rule_keys(old: m.PolicyModel, new: m.PolicyModel, meanings: Meanings) -> tuple[dict[int, str], dict[int, str]]:
    """The keys of the rules of OLD and of NEW (:data:`RuleKeys`): a rule with ``when`` is ``P1 when
    <condition>``, rules that match the same incidents (:meth:`Meanings.align`) have one key."""
    keys: tuple[dict[int, str], dict[int, str]] = ({}, {})
    for pid in dict.fromkeys(p.id for p in (*new.priorities, *old.priorities)):
        before, after = old.rules_of(pid), new.rules_of(pid)
        aligned = meanings.align([r.when for r in before], [r.when for r in after], partly=True)
        for rules, texts, out in ((before, aligned.old, keys[0]), (after, aligned.new, keys[1])):
            for r, text in zip(rules, texts, strict=True):
                out[id(r)] = f"{pid} when {text}" if text else pid
    return keys


def _entities(pm: m.PolicyModel, rule_keys: RuleKeys) -> dict[tuple[str, str], m.Node]:
    """Every declaration of a model by (section, key); of two with one key the first (a rule of a priority
    that matches what an earlier one matches never applies)."""
    out: list[tuple[str, str, m.Node]] = [("header", "", pm.header)]
    out += [("article", str(a.number), a) for a in pm.articles]
    out += [("calendar", c.name, c) for c in pm.calendars]
    out += [("service", s.name, s) for s in pm.services]
    out += [("planned_stop", "", p) for p in pm.planned_stops]
    out += [("maintenance", x.name, x) for x in pm.maintenance]
    out += [("clock", c.name, c) for c in pm.clocks]
    # a rule with a condition is its own declaration: `P1 when plan = premium` (issue 13)
    out += [("priority", rule_keys[id(p)], p) for p in pm.priorities]
    out += [("attribute", a.name, a) for a in pm.attributes]
    out += [("event_type", e.name, e) for e in pm.event_types]  # declared event types (issue 12)
    out += [("notify", n.name, n) for n in pm.notifications]
    out += [("backup", b.kind, b) for b in pm.backups]
    out += [("exclude", e.cause, e) for e in pm.exclusions]
    out += [("item", str(i.number), i) for i in pm.items]
    found: dict[tuple[str, str], m.Node] = {}
    for section, key, node in out:
        if section == "priority":
            found.setdefault((section, key), node)
        else:  # (as before: the last of two planned-stop rules, which `sla check` refuses)
            found[(section, key)] = node
    return found


def _article_of(section: str, key: str, node: m.Node) -> int | None:
    if section == "article":
        return int(key)
    ref = getattr(node, "ref", None)
    if isinstance(ref, m.ArticleRef):
        return ref.article
    return None


# ---- what the order of alternatives decides --------------------------------------------------------

#: Alternatives tried in file order: (key, condition), the first whose condition holds applies.
Tried = Sequence[tuple[str, m.Condition | None]]


def _domains(*models: m.PolicyModel) -> dict[str, list[str]]:
    """The values of each attribute, in either version."""
    out: dict[str, list[str]] = {}
    for pm in models:
        for a in pm.attributes:
            known = out.setdefault(a.name, [])
            known += [v for v in a.values if v not in known]
    return out


def _assignments(
    domains: Mapping[str, Sequence[str]], conds: Sequence[m.Condition | None]
) -> list[dict[str, str]] | None:
    """One combination of values per class of the attributes ``conds`` test (values every test treats alike
    stand for each other, as :func:`sla_dsl.lang.conditions.cases_in` enumerates them, each class by its
    first value); None beyond :data:`~sla_dsl.lang.conditions.MAX_CASES`."""
    found = cases_in(domains, conds, MAX_CASES)
    return None if found is None else [c.attrs for c in found]


def _first_holding(rules: Tried, attrs: Mapping[str, str]) -> str | None:
    return next((key for key, cond in rules if holds(cond, attrs)), None)


class _FirstRule:
    """Which of ``rules`` holds first at a combination of values, by a walk down the pieces
    :class:`~sla_dsl.lang.first_match.Space` found (not a try of every rule)."""

    def __init__(self, rules: Tried, domains: Mapping[str, Sequence[str]]) -> None:
        conds = [c for _, c in rules]
        tested = {t.attribute for c in conds if c is not None for t in c.tests}
        self._keys = [key for key, _ in rules]
        self._rules = rules
        self._space = Space({n: domains.get(n, ()) for n in tested}, conds)
        self._index = [{v: i for i, v in reversed(list(enumerate(vs)))} for vs in self._space.values]
        self._regions = self._space.solve(MAX_CASES)

    def __call__(self, attrs: Mapping[str, str]) -> str | None:
        if self._regions is None:  # (never: there are no more pieces than classes)
            return _first_holding(self._rules, attrs)
        point = [self._index[k][attrs[n]] for k, n in enumerate(self._space.names)]
        found = self._regions.first_rule(point)
        return None if found is None else self._keys[found]


def _inversions(common: set[str], old_pos: Mapping[str, int], new_pos: Mapping[str, int]) -> set[tuple[str, str]]:
    """The pairs (a, b) of ``common`` with ``a`` before ``b`` in NEW and after it in OLD."""
    pairs: set[tuple[str, str]] = set()
    later: list[int] = []  # OLD's places of the keys after the current one in NEW, in order
    by_old = {old_pos[k]: k for k in common}
    for a in sorted(common, key=lambda k: new_pos[k], reverse=True):
        place = old_pos[a]
        at = bisect.bisect_left(later, place)
        pairs.update((a, by_old[p]) for p in later[:at])
        later.insert(at, place)
    return pairs


def _moved_ahead(old: Tried, new: Tried, domains: Mapping[str, Sequence[str]]) -> list[tuple[str, str]]:
    """The pairs (a, b) of alternatives of both versions where NEW's order applies ``a`` to some
    combination of attribute values that OLD's order gave ``b``: ``a`` moved ahead of ``b``, in NEW's order.

    The same alternatives in the same order move nothing. Otherwise each version's first alternative at
    each combination is a walk down the pieces of :mod:`sla_dsl.lang.first_match`, so thousands of rules
    ``when customer = cK`` cost about one step per customer, not one per customer and rule."""
    if [key for key, _ in old] == [key for key, _ in new]:
        return []
    old_pos = {key: i for i, (key, _) in reversed(list(enumerate(old)))}
    new_pos = {key: i for i, (key, _) in reversed(list(enumerate(new)))}
    common = old_pos.keys() & new_pos.keys()
    if len(common) < 2:
        return []
    pairs: set[tuple[str, str]] = set()
    combos = _assignments(domains, [c for _, c in (*old, *new)])
    if combos is None:  # too many combinations to try: every change of relative order counts
        pairs = _inversions(common, old_pos, new_pos)
    else:
        first_old, first_new = _FirstRule(old, domains), _FirstRule(new, domains)
        for attrs in combos:
            was, now = first_old(attrs), first_new(attrs)
            if was in common and now in common and was != now:
                assert was is not None and now is not None
                pairs.add((now, was))
    return sorted(pairs, key=lambda p: (new_pos[p[0]], new_pos[p[1]]))


def _precedence(old: Tried, new: Tried, domains: Mapping[str, Sequence[str]], key: str) -> tuple[Detail, ...]:
    """A :class:`Detail` ``key`` per rule moved ahead of another (their conditions as in NEW)."""
    conds = dict(reversed(list(new)))
    moved = _moved_ahead(old, new, domains)
    return tuple(Detail(key, {}, (("first", conds[a]), ("then", conds[b]))) for a, b in moved)


def _rules_of(pm: m.PolicyModel, pid: str, rule_keys: RuleKeys) -> list[tuple[str, m.Condition | None]]:
    return [(rule_keys[id(p)], p.when) for p in pm.rules_of(pid)]


def _priority_order(
    old: m.PolicyModel,
    new: m.PolicyModel,
    pid: str,
    domains: Mapping[str, Sequence[str]],
    keys: tuple[RuleKeys, RuleKeys],
) -> Change | None:
    """A change ``order`` of priority ``pid`` when the order of its rules changes which rule applies."""
    before, after = _rules_of(old, pid, keys[0]), _rules_of(new, pid, keys[1])
    details = _precedence(before, after, domains, "precedence")
    if not details:
        return None
    first = next(p for p in new.priorities if p.id == pid)
    old_order = tuple(c for _, c in before)
    new_order = tuple(c for _, c in after)
    return Change(
        "changed", "priority", pid, "order", old_order, new_order, _article_of("priority", pid, first), details
    )


def _target_order(
    old: m.Service, new: m.Service, domains: Mapping[str, Sequence[str]], meanings: Meanings
) -> Change | None:
    """A change ``target_order`` of a service when the order its targets are tried in changes which applies
    (targets by the meaning of their conditions)."""
    olds, news = [t.when for t in ordered(old)], [t.when for t in ordered(new)]
    keys = meanings.align(olds, news)
    before, after = list(zip(keys.old, olds, strict=True)), list(zip(keys.new, news, strict=True))
    details = _precedence(before, after, domains, "target_precedence")
    if not details:
        return None
    old_order = tuple(c for _, c in before)
    new_order = tuple(c for _, c in after)
    article = _article_of("service", new.name, new)
    return Change("changed", "service", new.name, "target_order", old_order, new_order, article, details, new.label)


# ---- the changes ---------------------------------------------------------------------------------


#: The fields of a calendar that together give its week (:func:`week`), compared as one where the first is.
_WEEK_FIELDS = ("days", "hours", "day_hours")

#: A day's open hours as (start, end) minutes from its midnight, sorted and merged (an end past 1440 is on
#: the next day: the range runs overnight).
Spans = tuple[tuple[int, int], ...]


def week(cal: m.Calendar) -> dict[m.Weekday, Spans]:
    """The open hours of each open weekday of ``cal`` as the compiled calendar reads them
    (:class:`~sla_dsl.calendars.business_index.BusinessIndex`): ``days``, else the weekdays its ``hours`` lines
    name, each with its own ``hours`` lines, else the one-line ``hours``; ranges sorted and merged."""
    out: dict[m.Weekday, Spans] = {}
    for w in cal.open_weekdays():
        merged: list[tuple[int, int]] = []
        for r in sorted(cal.weekday_ranges(w), key=lambda r: (r.start.minutes, r.end_minutes)):
            start, end = r.start.minutes, r.end_minutes
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        out[w] = tuple(merged)
    return out


def _time_ranges(spans: Spans) -> tuple[m.TimeRange, ...]:
    """Spans as ranges: an end at midnight is 24:00, one past it the next day's time (overnight)."""
    return tuple(m.TimeRange(start=m.ClockTime(minutes=a), end=m.ClockTime(minutes=_of_day(b))) for a, b in spans)


def _of_day(minutes: int) -> int:
    """An end in minutes from the start day's midnight as a time of day (24:00 kept)."""
    return minutes - 1440 if minutes > 1440 else minutes


def _week_changes(key: str, old: m.Calendar, new: m.Calendar, article: int | None) -> list[Change]:
    """The changes of a calendar's week (Design notes): none for the same week; the same change of every open
    day a change of ``hours``; else a change of ``day_hours`` per run of weekdays changed alike, in week order,
    with those weekdays alone (old ``()``: opened, new ``()``: closed)."""
    was, now = week(old), week(new)
    if was == now:
        return []
    if was.keys() == now.keys() and len(set(was.values())) == 1 and len(set(now.values())) == 1:
        ov, nv = _time_ranges(next(iter(was.values()))), _time_ranges(next(iter(now.values())))
        return [Change("changed", "calendar", key, "hours", ov, nv, article, _hours_details(ov, nv), new.label)]
    runs: dict[tuple[Spans, Spans], list[m.Weekday]] = {}
    for w in m.Weekday:
        pair = (was.get(w, ()), now.get(w, ()))
        if pair[0] != pair[1]:
            runs.setdefault(pair, []).append(w)
    changes: list[Change] = []
    for (before, after), days in runs.items():
        ov, nv = _time_ranges(before), _time_ranges(after)
        details = _hours_details(ov, nv) if ov and nv else ()
        lines = [(m.DayHours(days=tuple(days), ranges=r),) if r else () for r in (ov, nv)]
        changes.append(Change("changed", "calendar", key, "day_hours", lines[0], lines[1], article, details, new.label))
    return changes


def _gaps(hours: Sequence[m.TimeRange]) -> set[tuple[int, int]]:
    ordered_hours = sorted(hours, key=lambda r: r.start.minutes)
    return {(a.end_minutes, b.start.minutes) for a, b in itertools.pairwise(ordered_hours)}


def _hhmm(minutes: int) -> str:
    minutes = _of_day(minutes)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _hours_details(old: Sequence[m.TimeRange], new: Sequence[m.TimeRange]) -> tuple[Detail, ...]:
    """Breaks added or removed, opening and closing times moved, hours per day."""
    out: list[Detail] = []
    go, gn = _gaps(old), _gaps(new)
    out += [Detail("break_removed", {"start": _hhmm(a), "end": _hhmm(b)}) for a, b in sorted(go - gn)]
    out += [Detail("break_added", {"start": _hhmm(a), "end": _hhmm(b)}) for a, b in sorted(gn - go)]
    if old and new:
        o0, n0 = min(r.start.minutes for r in old), min(r.start.minutes for r in new)
        o1, n1 = max(r.end_minutes for r in old), max(r.end_minutes for r in new)
        if o0 != n0:
            out.append(Detail("opens", {"old": _hhmm(o0), "new": _hhmm(n0)}))
        if o1 != n1:
            out.append(Detail("closes", {"old": _hhmm(o1), "new": _hhmm(n1)}))
    total_o = sum(r.end_minutes - r.start.minutes for r in old)
    total_n = sum(r.end_minutes - r.start.minutes for r in new)
    if total_o != total_n:
        out.append(Detail("hours_a_day", {"old": f"{total_o / 60:g}", "new": f"{total_n / 60:g}"}))
    return tuple(out)


# ---- what `1 business day` means -----------------------------------------------------------------

#: The zone a calendar without its own is read in to find its standard day: any (the length is its hours').
_UTC = ZoneInfo("UTC")


def standard_day(cal: m.Calendar) -> int:
    """The minutes of ``1 business day`` on ``cal``: its standard day as the compiled calendar reads it
    (:attr:`~sla_dsl.calendars.business_index.BusinessIndex.day_length`: the one-line ``hours``, else the
    length most of its open weekdays have, the longer on a tie)."""
    return round(BusinessIndex(cal, _UTC).day_length.total_seconds() / 60)


def changed_days(old: m.PolicyModel, new: m.PolicyModel) -> dict[str, tuple[int, int]]:
    """The calendars of both versions whose standard day (:func:`standard_day`) differs: name -> its minutes
    in OLD and in NEW. A calendar with the same one-line ``hours`` and the same week has the same day."""
    before = {c.name: c for c in old.calendars}
    out: dict[str, tuple[int, int]] = {}
    for cal in new.calendars:
        was = before.get(cal.name)
        if was is None or (_ranges(was.hours) == _ranges(cal.hours) and week(was) == week(cal)):
            continue
        lengths = standard_day(was), standard_day(cal)
        if lengths[0] != lengths[1]:
            out[cal.name] = lengths
    return out


def on_days(value: Any, calendars: Collection[str]) -> bool:
    """Whether ``value`` (a node, a tuple, a plain value) holds, at any depth, a duration counted in business
    days on one of ``calendars``."""
    if isinstance(value, m.Duration):
        return value.unit is m.TimeUnit.DAY and value.calendar in calendars
    if isinstance(value, BaseModel):
        return any(on_days(getattr(value, f), calendars) for f in type(value).model_fields if not m.is_span_field(f))
    if isinstance(value, tuple):
        return any(on_days(v, calendars) for v in value)
    return False


def diff_models(old: m.PolicyModel, new: m.PolicyModel) -> list[Change]:
    """Every difference in meaning between two policy models, in the order of NEW's declarations (a change
    of the order of a priority's rules after NEW's last rule of that priority); a field written the same
    that holds a duration in business days of a calendar whose standard day changed is a change too."""
    meanings = Meanings(old, new)
    days = frozenset(changed_days(old, new))
    keys = _rule_keys(old, new, meanings)
    olds, news = _entities(old, keys[0]), _entities(new, keys[1])
    domains = _domains(old, new)
    changes: list[Change] = []
    order = list(news) + [key for key in olds if key not in news]
    last_rule = {n.id: key for key, n in news.items() if isinstance(n, m.Priority)}
    # (said after NEW's measuring clock)
    measured, measuring = _response_clock(old, new), response_clock(new)
    for section, key in order:
        o, n = olds.get((section, key)), news.get((section, key))
        if o is None and n is not None:
            label = getattr(n, "label", None)
            article = _article_of(section, key, n)
            changes.append(Change("added", section, key, None, new=n, article=article, label=label, when=_when(n)))
        elif n is None and o is not None:
            label = getattr(o, "label", None)
            article = _article_of(section, key, o)
            changes.append(Change("removed", section, key, None, old=o, article=article, label=label, when=_when(o)))
        elif o is not None and n is not None:
            # (an item's references to rules NEW removed go with those rules, whose removal is said)
            changes += [c for c in _field_changes(section, key, o, n, meanings, days) if not _implied(c, new)]
            if isinstance(o, m.Service) and isinstance(n, m.Service):
                moved = _target_order(o, n, domains, meanings)
                changes += [moved] if moved is not None else []
        if isinstance(n, m.Priority) and last_rule.get(n.id) == (section, key):
            moved = _priority_order(old, new, n.id, domains, keys)
            changes += [moved] if moved is not None else []
        if (section, key) == ("clock", measuring) and measured is not None:
            changes.append(measured)
    return changes


def declares(pm: m.PolicyModel, ref: m.ItemRef) -> bool:
    """Whether ``pm`` declares the rule an SLA item's ``ref`` names, as ``sla check`` finds it (E218): a
    priority by its id, a backup by its kind, an exclusion by its cause, every other rule by its name (a kind
    this does not know: declared)."""
    pools: dict[str, Callable[[], Iterable[str]]] = {
        "calendar": lambda: (c.name for c in pm.calendars),
        "service": lambda: (s.name for s in pm.services),
        "maintenance": lambda: (x.name for x in pm.maintenance),
        "clock": lambda: (c.name for c in pm.clocks),
        "priority": lambda: (p.id for p in pm.priorities),
        "notify": lambda: (n.name for n in pm.notifications),
        "backup": lambda: (b.kind for b in pm.backups),
        "exclude": lambda: (e.cause for e in pm.exclusions),
        "planned_stop": lambda: (p.name for p in pm.planned_stops),
    }
    pool = pools.get(ref.kind)
    return pool is None or ref.name in pool()


def kept_rules(refs: Any, new: m.PolicyModel) -> tuple[Any, ...]:
    """OLD's references of an SLA item's ``rules`` less those to rules ``new`` does not declare: those go with
    their rules, whose removal is a change of its own (``バックアップ「…」を削除``), never the item's."""
    return tuple(r for r in refs or () if not isinstance(r, m.ItemRef) or declares(new, r))


def _implied(c: Change, new: m.PolicyModel) -> bool:
    """Whether ``c`` says only what other changes say: an SLA item's ``rules`` that lost only references to
    rules NEW removed (each removal is listed, of every kind of rule an item can name)."""
    if (c.section, c.field) != ("item", "rules"):
        return False
    return bool(_plain(kept_rules(c.old, new), "rules", m.Item) == _plain(c.new, "rules", m.Item))


def response_clock(pm: m.PolicyModel) -> str | None:
    """The clock that measures the plain ``respond within`` of every priority: the one called ``response``,
    else the first one (None: none, the incident's report starts it)."""
    names = [c.name for c in pm.clocks]
    return "response" if "response" in names else (names[0] if names else None)


def _response_clock(old: m.PolicyModel, new: m.PolicyModel) -> Change | None:
    """A change ``response_clock`` of the policy when another clock of both versions measures the response
    target: without a clock called ``response``, the clocks in another order (a clock added or removed is
    said as such)."""
    was, now = response_clock(old), response_clock(new)
    both = {c.name for c in old.clocks} & {c.name for c in new.clocks}
    if was == now or was not in both or now not in both:
        return None
    return Change("changed", "header", "", "response_clock", was, now)


def _field_changes(
    section: str, key: str, o: m.Node, n: m.Node, meanings: Meanings, days: Collection[str] = ()
) -> list[Change]:
    """A change per field of a declaration of both versions whose value means something else (a condition,
    what it matches: :class:`Meanings`; a duration in business days, the standard day of its calendar when
    it is one of ``days``)."""
    changes: list[Change] = []
    article = _article_of(section, key, n)
    kind = type(n)
    for field in kind.model_fields:
        if m.is_span_field(field) or (section, field) in _BY_ORDER:
            continue
        if isinstance(o, m.Calendar) and isinstance(n, m.Calendar) and field in _WEEK_FIELDS:
            if field == _WEEK_FIELDS[0]:  # (the week, compared once)
                changes += _week_changes(key, o, n, article)
            continue
        if isinstance(o, m.ClockRule) and isinstance(n, m.ClockRule) and field in _RISK_FIELDS:
            if field == _RISK_FIELDS[0]:  # (the thresholds, compared once)
                changes += _risk_changes(key, o, n, article)
            continue
        ov, nv = getattr(o, field), getattr(n, field)
        if _plain(ov, field, kind) == _plain(nv, field, kind):
            if days and on_days(nv, days):  # (written the same: `1 business day` is another length now)
                label = getattr(n, "label", None)
                changes.append(Change("changed", section, key, field, ov, nv, article, (), label, _when(n)))
            continue
        if isinstance(o, m.Attribute) and isinstance(n, m.Attribute) and field == "labels":
            changes += _value_labels(o, n, article)
            continue
        details: tuple[Detail, ...] = ()
        if field == "when" and isinstance(ov, m.Condition | None) and isinstance(nv, m.Condition | None):
            if meanings.same(ov, nv):
                continue
            details = meanings.whom(ov, nv)  # (what changed for the customers of a value added)
        if (section, field) == ("service", "plan_targets") and _same_targets(ov, nv, meanings):
            continue
        label = getattr(n, "label", None)
        changes.append(Change("changed", section, key, field, ov, nv, article, details, label, _when(n)))
    return changes


#: The fields of a clock that together give its warning thresholds (``risk_thresholds``: the first is the
#: lowest of the second when there are several), compared as one where the first is.
_RISK_FIELDS = ("at_risk_percent", "at_risk_thresholds")


def _risk_changes(key: str, o: m.ClockRule, n: m.ClockRule, article: int | None) -> list[Change]:
    """One change of a clock's warning thresholds, from the whole list: ``at_risk_percent`` (the number or
    None) when neither version has several, else ``at_risk_thresholds`` (both lists)."""
    was, now = o.risk_thresholds, n.risk_thresholds
    if was == now:
        return []
    if len(was) <= 1 and len(now) <= 1:  # (one number for another, or added or removed: as before)
        one = "at_risk_percent"
        return [Change("changed", "clock", key, one, o.at_risk_percent, n.at_risk_percent, article, (), n.label)]
    return [Change("changed", "clock", key, "at_risk_thresholds", was, now, article, (), n.label)]


def _same_targets(old: Sequence[m.AvailabilityTarget], new: Sequence[m.AvailabilityTarget], meanings: Meanings) -> bool:
    """Whether two sets of availability targets with ``when`` mean the same, their conditions by meaning."""
    keys = meanings.align([t.when for t in old], [t.when for t in new])

    def meant(targets: Sequence[m.AvailabilityTarget], keys: Sequence[str]) -> set[tuple[str, str]]:
        return {
            (k, _sort_key(canonical(t.model_copy(update={"when": None})))) for t, k in zip(targets, keys, strict=True)
        }

    return meant(old, keys.old) == meant(new, keys.new)


def _value_labels(old: m.Attribute, new: m.Attribute, article: int | None) -> list[Change]:
    """A change per value of an attribute whose label changed (issue 16); a value added or removed
    is a change of ``values``."""
    before = {v.name: v for v in old.labels}
    return [
        Change("changed", "attribute", new.name, "labels", was, v, article, (), new.label)
        for v in new.labels
        for was in [before.get(v.name)]
        if was is not None and m.meaning(was.label) != m.meaning(v.label)
    ]


def _when(node: m.Node) -> m.Condition | None:
    """The ``when`` of a rule of a priority (None for every other declaration)."""
    return node.when if isinstance(node, m.Priority) else None


def jsonable(
    value: Any,
    field: str,
    section: str = "",
    langs: Sequence[str] = ("ja", "en"),
    days: Mapping[str, int] | None = None,
) -> Any:
    """A value by meaning for JSON (its canonical form: sets in a fixed order) of field ``field`` of a
    declaration of ``section``; its labels in the languages ``langs`` (the version's declared ones: a
    language it does not declare has none of its texts, and its field would repeat the other's text); each
    duration in business days on a calendar of ``days`` (those whose standard day changed: name -> the
    version's minutes of it) with ``business_minutes``, what it means in that version."""
    if value is None:
        return None
    return _plain(value, field, SECTION_TYPES.get(section), langs, days)


def _languages(node: Any, data: Any, langs: Sequence[str], days: Mapping[str, int]) -> Any:
    """``data`` (the meaning of ``node``) with each label's map (:class:`~sla_dsl.lang.model.Label`) reduced
    to the languages ``langs``, and each duration in business days on a calendar of ``days`` with its
    ``business_minutes``; walked beside the node, so no other map with keys ``ja``/``en`` is touched."""
    if isinstance(node, m.Label) and isinstance(data, dict):
        return {k: v for k, v in data.items() if k in langs}
    if isinstance(node, m.Duration) and isinstance(data, dict):
        minutes = days.get(node.calendar or "") if node.unit is m.TimeUnit.DAY else None
        return data if minutes is None else {**data, "business_minutes": node.amount * minutes}
    if isinstance(node, BaseModel) and isinstance(data, dict):
        return {k: _languages(getattr(node, k, None), v, langs, days) for k, v in data.items()}
    if isinstance(node, dict) and isinstance(data, dict):
        return {k: _languages(node.get(k), v, langs, days) for k, v in data.items()}
    if isinstance(node, list | tuple) and isinstance(data, list) and len(node) == len(data):
        return [_languages(n, d, langs, days) for n, d in zip(node, data, strict=True)]
    return data
