"""What changed between two versions of a policy, by meaning: the change finder of ``sla diff``.

Design notes
------------
* Two compiled models are compared, never two texts: layout, comments, spans
  and the order of declarations do not count. Declarations are matched by
  their identity (a calendar by name, a priority by id, a rule of a priority
  with ``when`` by its id and condition in canonical form, an item by number,
  the header and the planned-stop rule as singletons); a declaration only in
  NEW is ``added``, only in OLD ``removed``. Of two rules of one priority with
  the same condition only the first counts: the second can never apply.
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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel

from ..lang import model as m
from ..lang.conditions import MAX_CASES, holds
from ..lang.first_match import Space
from ..lang.service_plans import ordered

__all__ = ["Change", "Detail", "Op", "canonical", "diff_models", "jsonable", "response_clock"]

Op = Literal["added", "removed", "changed"]

#: The fields of each kind of node whose values form a set: their order has no meaning.
SETS: dict[type[BaseModel], frozenset[str]] = {
    m.Calendar: frozenset({"days", "hours", "holidays", "named_holidays"}),
    m.DayHours: frozenset({"days", "ranges"}),
    m.DateHours: frozenset({"ranges"}),
    m.ClockRule: frozenset({"pauses", "stops", "resets", "restarts", "cancels"}),
    m.Pause: frozenset({"until"}),  # (the first of them to come resumes it, in any order)
    m.ClockTarget: frozenset({"by"}),
    m.Completion: frozenset({"on"}),
    m.Priority: frozenset({"targets"}),
    m.PlannedStop: frozenset({"channels"}),
    m.Item: frozenset({"rules"}),
    m.Service: frozenset({"plan_targets", "credits"}),
    m.AvailabilityTarget: frozenset({"credits"}),
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
    without ``when``), said in words with the version's labels by :mod:`.semdiff`."""

    key: str
    fields: dict[str, str]
    rules: tuple[tuple[str, m.Condition | None], ...] = ()


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


def _plain(value: Any, field: str, owner: type[BaseModel] | None = None) -> Any:
    """A value by meaning, as plain data (JSON's): its canonical form without spans."""
    value = canonical(value, owner, field)
    if isinstance(value, BaseModel):
        return m.meaning(value)
    if isinstance(value, tuple):
        return [_plain(v, "") for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


# ---- declarations --------------------------------------------------------------------------------


def _rule_key(p: m.Priority) -> str:
    return p.id if p.when is None else f"{p.id} when {p.when.canonical()}"


def _entities(pm: m.PolicyModel) -> dict[tuple[str, str], m.Node]:
    """Every declaration of a model by (section, key); of two with one key the first (a rule of a priority
    with the condition of an earlier one never applies)."""
    out: list[tuple[str, str, m.Node]] = [("header", "", pm.header)]
    out += [("article", str(a.number), a) for a in pm.articles]
    out += [("calendar", c.name, c) for c in pm.calendars]
    out += [("service", s.name, s) for s in pm.services]
    out += [("planned_stop", "", p) for p in pm.planned_stops]
    out += [("maintenance", x.name, x) for x in pm.maintenance]
    out += [("clock", c.name, c) for c in pm.clocks]
    # a rule with a condition is its own declaration: `P1 when plan = premium` (issue 13)
    out += [("priority", _rule_key(p), p) for p in pm.priorities]
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
    stand for each other, as :func:`sla_dsl.lang.conditions.cases` enumerates them, each class by its first
    value); None beyond :data:`~sla_dsl.lang.conditions.MAX_CASES`. A value's class is the tests that list
    it, found through the values each test lists (not by asking every test of every value)."""
    by_attribute: dict[str, list[m.AttributeTest]] = {}
    for c in conds:
        for t in c.tests if c is not None else ():
            by_attribute.setdefault(t.attribute, []).append(t)
    names = sorted(by_attribute)
    per_attribute: list[list[str]] = []
    total = 1
    for name in names:
        listing: dict[str, list[int]] = {}
        for j, t in enumerate(by_attribute[name]):
            for v in dict.fromkeys(t.values):
                listing.setdefault(v, []).append(j)
        classes: dict[tuple[int, ...], str] = {}
        for v in domains.get(name, ()):
            classes.setdefault(tuple(listing.get(v, ())), v)
        per_attribute.append(list(classes.values()))
        total *= len(classes)
        if total > MAX_CASES:
            return None
    return [dict(zip(names, combo, strict=True)) for combo in itertools.product(*per_attribute)]


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


def _rules_of(pm: m.PolicyModel, pid: str) -> list[tuple[str, m.Condition | None]]:
    return [(_rule_key(p), p.when) for p in pm.priorities if p.id == pid]


def _priority_order(
    old: m.PolicyModel, new: m.PolicyModel, pid: str, domains: Mapping[str, Sequence[str]]
) -> Change | None:
    """A change ``order`` of priority ``pid`` when the order of its rules changes which rule applies."""
    before, after = _rules_of(old, pid), _rules_of(new, pid)
    details = _precedence(before, after, domains, "precedence")
    if not details:
        return None
    first = next(p for p in new.priorities if p.id == pid)
    old_order = tuple(c for _, c in before)
    new_order = tuple(c for _, c in after)
    return Change(
        "changed", "priority", pid, "order", old_order, new_order, _article_of("priority", pid, first), details
    )


def _targets_of(svc: m.Service) -> list[tuple[str, m.Condition | None]]:
    return [("" if t.when is None else str(t.when.canonical()), t.when) for t in ordered(svc)]


def _target_order(old: m.Service, new: m.Service, domains: Mapping[str, Sequence[str]]) -> Change | None:
    """A change ``target_order`` of a service when the order its targets are tried in changes which applies."""
    before, after = _targets_of(old), _targets_of(new)
    details = _precedence(before, after, domains, "target_precedence")
    if not details:
        return None
    old_order = tuple(c for _, c in before)
    new_order = tuple(c for _, c in after)
    article = _article_of("service", new.name, new)
    return Change("changed", "service", new.name, "target_order", old_order, new_order, article, details, new.label)


# ---- the changes ---------------------------------------------------------------------------------


def _gaps(hours: Sequence[m.TimeRange]) -> set[tuple[int, int]]:
    ordered_hours = sorted(hours, key=lambda r: r.start.minutes)
    return {(a.end.minutes, b.start.minutes) for a, b in itertools.pairwise(ordered_hours)}


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _hours_details(old: Sequence[m.TimeRange], new: Sequence[m.TimeRange]) -> tuple[Detail, ...]:
    """Breaks added or removed, opening and closing times moved, hours per day."""
    out: list[Detail] = []
    go, gn = _gaps(old), _gaps(new)
    out += [Detail("break_removed", {"start": _hhmm(a), "end": _hhmm(b)}) for a, b in sorted(go - gn)]
    out += [Detail("break_added", {"start": _hhmm(a), "end": _hhmm(b)}) for a, b in sorted(gn - go)]
    if old and new:
        o0, n0 = min(r.start.minutes for r in old), min(r.start.minutes for r in new)
        o1, n1 = max(r.end.minutes for r in old), max(r.end.minutes for r in new)
        if o0 != n0:
            out.append(Detail("opens", {"old": _hhmm(o0), "new": _hhmm(n0)}))
        if o1 != n1:
            out.append(Detail("closes", {"old": _hhmm(o1), "new": _hhmm(n1)}))
    total_o = sum(r.end.minutes - r.start.minutes for r in old)
    total_n = sum(r.end.minutes - r.start.minutes for r in new)
    if total_o != total_n:
        out.append(Detail("hours_a_day", {"old": f"{total_o / 60:g}", "new": f"{total_n / 60:g}"}))
    return tuple(out)


def diff_models(old: m.PolicyModel, new: m.PolicyModel) -> list[Change]:
    """Every difference in meaning between two policy models, in the order of NEW's declarations (a change
    of the order of a priority's rules after NEW's last rule of that priority)."""
    olds, news = _entities(old), _entities(new)
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
            changes += _field_changes(section, key, o, n)
            if isinstance(o, m.Service) and isinstance(n, m.Service):
                moved = _target_order(o, n, domains)
                changes += [moved] if moved is not None else []
        if isinstance(n, m.Priority) and last_rule.get(n.id) == (section, key):
            moved = _priority_order(old, new, n.id, domains)
            changes += [moved] if moved is not None else []
        if (section, key) == ("clock", measuring) and measured is not None:
            changes.append(measured)
    return changes


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


def _field_changes(section: str, key: str, o: m.Node, n: m.Node) -> list[Change]:
    """A change per field of a declaration of both versions whose value means something else."""
    changes: list[Change] = []
    article = _article_of(section, key, n)
    kind = type(n)
    for field in kind.model_fields:
        if m.is_span_field(field) or (section, field) in _BY_ORDER:
            continue
        ov, nv = getattr(o, field), getattr(n, field)
        if _plain(ov, field, kind) == _plain(nv, field, kind):
            continue
        if isinstance(o, m.Attribute) and isinstance(n, m.Attribute) and field == "labels":
            changes += _value_labels(o, n, article)
            continue
        details: tuple[Detail, ...] = ()
        if section == "calendar" and field == "hours":
            details = _hours_details(ov, nv)
        label = getattr(n, "label", None)
        changes.append(Change("changed", section, key, field, ov, nv, article, details, label, _when(n)))
    return changes


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


def jsonable(value: Any, field: str, section: str = "") -> Any:
    """A value by meaning for JSON (its canonical form: sets in a fixed order) of field ``field`` of a
    declaration of ``section``."""
    if value is None:
        return None
    return _plain(value, field, SECTION_TYPES.get(section))
