"""Typed model of a policy: what the transformer builds and every later stage reads.

Design notes
------------
* Every node is a frozen pydantic model and keeps the :class:`Span` of the source
  text it came from, so that checks and verdicts can point back at the line.
* Nothing here computes. Calendars become arithmetic in :mod:`sla_dsl.calendars`;
  the evaluator reads priorities, clocks and notices from here.
* Looking a priority up by its id (:meth:`PolicyModel.rules_of`,
  :meth:`PolicyModel.priority`) takes constant time: the rules of each id and
  the one for default attributes are indexed once per model, on first use
  (a policy of thousands of priorities is judged and reported per priority or
  per incident). The index is not a field nor a private attribute of the model
  (pydantic compares those in ``==``, and the compiled cache pickles the model):
  it is kept beside it, keyed by the model's identity (``id``) and dropped by a
  weak reference when the model is freed, so an ``id`` used again by a new
  model never finds an old index. A model is frozen, so its index never goes
  stale; a copy (``model_copy``) is another model with its own.
* Human-facing text is a :class:`Label` (Japanese and English). Article
  references are kept as written (``3.1.4`` means Article 3, section 1, row 4).
* Equality of two policies "by meaning" ignores spans: use :func:`meaning`.
* The model is split by subject, and this module re-exports every name of the
  parts, so ``model.X`` and ``from .model import X`` work for all of them:
  :mod:`.model_nodes` (spans, the base :class:`Node`, labels, article
  references, :func:`walk` and :func:`meaning`), :mod:`.model_time` (weekdays,
  units, durations, times and ranges), :mod:`.model_calendars` (calendars and
  maintenance windows), :mod:`.model_attributes` (attributes and ``when``
  conditions), :mod:`.model_services` (services, availability targets and
  planned stops) and :mod:`.model_incidents` (priorities, clocks and
  notifications). This module holds the whole :class:`PolicyModel` with its
  header, articles, SLA-items table, backups, exclusions and declared event
  types, and the contract's :data:`EVENT_TYPES`.
* The parts import only the parts below them (nodes, then time, calendars and
  attributes, then services and incidents) and never this module: no import
  circle, and every field's type is defined before the model that holds it.
"""

from __future__ import annotations

import datetime as dt
import weakref

from pydantic import Field

from .model_attributes import (
    Attribute,
    AttributeTest,
    AttributeValue,
    Condition,
)
from .model_calendars import (
    BUSINESS,
    MONTHS,
    Calendar,
    DateHours,
    DayHours,
    DayOfMonth,
    DayOfYear,
    LastWeekday,
    Maintenance,
    Monthly,
    NamedHoliday,
    NthWeekday,
    Recurrence,
    Roll,
    WeeklyOn,
    YearlyHoliday,
    nth_weekday,
)
from .model_incidents import (
    BreachCredit,
    ByEndOf,
    ClockRule,
    ClockTarget,
    Completion,
    NotDue,
    Notify,
    OutOfHours,
    Pause,
    Priority,
    SameDayGuideline,
    SilenceCompletion,
    Target,
    Within,
)
from .model_nodes import (
    NO_SPAN,
    ArticleRef,
    Label,
    Node,
    Span,
    is_span_field,
    meaning,
    walk,
)
from .model_services import (
    AvailabilityTarget,
    CreditTier,
    CreditTotal,
    MeasurePeriod,
    NoticeAnchor,
    PlannedStop,
    Service,
    ServiceHours,
)
from .model_time import (
    UNIT_SECONDS,
    ClockTime,
    DateRange,
    Duration,
    TimeRange,
    TimeUnit,
    Weekday,
    YearlyRange,
    weekday_runs,
)

__all__ = [
    "BUSINESS",
    "EVENT_TYPES",
    "MONTHS",
    "NO_SPAN",
    "UNIT_SECONDS",
    "Article",
    "ArticleRef",
    "Attribute",
    "AttributeTest",
    "AttributeValue",
    "AvailabilityTarget",
    "Backup",
    "BreachCredit",
    "ByEndOf",
    "Calendar",
    "ClockRule",
    "ClockTarget",
    "ClockTime",
    "Completion",
    "Condition",
    "CreditTier",
    "CreditTotal",
    "DateHours",
    "DateRange",
    "DayHours",
    "DayOfMonth",
    "DayOfYear",
    "Duration",
    "EventType",
    "Exclusion",
    "Header",
    "Item",
    "ItemRef",
    "Label",
    "LastWeekday",
    "Maintenance",
    "MeasurePeriod",
    "Monthly",
    "NamedHoliday",
    "Node",
    "NotDue",
    "NoticeAnchor",
    "Notify",
    "NthWeekday",
    "OutOfHours",
    "Pause",
    "PlannedStop",
    "PolicyModel",
    "Priority",
    "Recurrence",
    "Roll",
    "SameDayGuideline",
    "Service",
    "ServiceHours",
    "SilenceCompletion",
    "Span",
    "Target",
    "TimeRange",
    "TimeUnit",
    "Weekday",
    "WeeklyOn",
    "Within",
    "YearlyHoliday",
    "YearlyRange",
    "is_span_field",
    "meaning",
    "nth_weekday",
    "walk",
    "weekday_runs",
]


class EventType(Node):
    """An incident event type the policy declares next to the contract's (``event incident.chat_started``),
    or the policy's own words for one of the contract's (``event incident.responded "初回回答" / "First
    reply"``: a relabel, :attr:`relabels`)."""

    name: str
    label: Label = Label()
    ref: ArticleRef | None = None

    @property
    def relabels(self) -> bool:
        """Whether this gives a contract type (:data:`EVENT_TYPES`) the policy's words: the type keeps its
        meaning and life cycle, only the words people read change; no new type is declared."""
        return self.name in EVENT_TYPES


class Backup(Node):
    """A backup obligation of one kind."""

    kind: str
    label: Label = Label()
    ref: ArticleRef | None = None
    method: Label = Label()
    every: Duration | None = None
    continuous: bool = False
    keep: Duration | None = None
    other_zone: bool = False
    notes: tuple[Label, ...] = ()


class Exclusion(Node):
    """A cause that puts an outage or incident outside the SLA (Article 4)."""

    cause: str
    label: Label = Label()
    ref: ArticleRef | None = None


class ItemRef(Node):
    """A pointer from a table row to the rule that gives its value."""

    kind: str
    name: str


class Item(Node):
    """A row of the SLA-items table (Article 3.1)."""

    number: int
    label: Label = Label()
    ref: ArticleRef | None = None
    description: Label = Label()
    value: Label = Label()
    rules: tuple[ItemRef, ...] = ()


class Article(Node):
    """An article of the source document: its number, title and any plain text."""

    number: int
    title: Label = Label()
    text: tuple[Label, ...] = ()


class Header(Node):
    """The ``sla`` header block."""

    name: str
    format: int = 1
    version: str
    effective: dt.date
    timezone: str
    #: the ``version "..."`` statement (a refusal of two versions of one ``version`` points there)
    version_span: Span = Field(default=NO_SPAN, repr=False)
    #: the ``effective`` statement (a refusal of two versions of one date points there)
    effective_span: Span = Field(default=NO_SPAN, repr=False)
    #: the ``timezone`` line (a later version's refusal points there)
    timezone_span: Span = Field(default=NO_SPAN, repr=False)
    provider: Label = Label()
    title: Label = Label()
    source: str | None = None
    #: ``languages ja, en``: every language of the texts, the primary first (empty: not declared).
    languages: tuple[str, ...] = ()
    #: ``credit total at most 30% monthly``: the cap on the sum of every credit of a period (None: none)
    credit_total: CreditTotal | None = None


class PolicyModel(Node):
    """A whole compiled policy file."""

    header: Header
    articles: tuple[Article, ...] = ()
    calendars: tuple[Calendar, ...] = ()
    services: tuple[Service, ...] = ()
    planned_stops: tuple[PlannedStop, ...] = ()
    maintenance: tuple[Maintenance, ...] = ()
    clocks: tuple[ClockRule, ...] = ()
    priorities: tuple[Priority, ...] = ()
    notifications: tuple[Notify, ...] = ()
    backups: tuple[Backup, ...] = ()
    exclusions: tuple[Exclusion, ...] = ()
    items: tuple[Item, ...] = ()
    attributes: tuple[Attribute, ...] = ()
    event_types: tuple[EventType, ...] = ()

    def calendar(self, name: str) -> Calendar:
        """The calendar called ``name`` (KeyError if there is none)."""
        for cal in self.calendars:
            if cal.name == name:
                return cal
        raise KeyError(name)

    def relabel(self, name: str) -> Label | None:
        """The policy's words for the contract's event type ``name`` (its first ``event`` relabel of it),
        None when it keeps the contract's words (or ``name`` is no contract type)."""
        return next((e.label for e in self.event_types if e.name == name and e.relabels), None)

    @property
    def declared_events(self) -> tuple[EventType, ...]:
        """The event types the policy declares next to the contract's (its relabels left out)."""
        return tuple(e for e in self.event_types if not e.relabels)

    def value_text(self, attribute: str, value: str, lang: str = "en") -> str:
        """Value ``value`` of attribute ``attribute`` for a person in ``lang`` (its name without a label)."""
        attr = next((a for a in self.attributes if a.name == attribute), None)
        return attr.value_text(value, lang) if attr is not None else value

    def rules_of(self, pid: str) -> tuple[Priority, ...]:
        """Every rule of priority ``pid``, in file order (empty when there is none); constant time."""
        return _priority_index(self)[0].get(pid, ())

    def priority(self, pid: str) -> Priority:
        """The rule of priority ``pid`` for an incident with default attributes (KeyError if none)."""
        return _priority_index(self)[1][pid]


#: model id -> (a weak reference to the model, its rules by priority id, the rule of each id for default
#: attributes): see the design notes
_PRIORITY_INDEX: dict[
    int, tuple[weakref.ReferenceType[PolicyModel], dict[str, tuple[Priority, ...]], dict[str, Priority]]
] = {}


def _priority_index(model: PolicyModel) -> tuple[dict[str, tuple[Priority, ...]], dict[str, Priority]]:
    """``model``'s rules by priority id (file order) and the rule of each id for default attributes (the
    first whose ``when`` holds for them, else the first), built on first use."""
    key = id(model)
    hit = _PRIORITY_INDEX.get(key)
    if hit is not None and hit[0]() is model:
        return hit[1], hit[2]
    grouped: dict[str, list[Priority]] = {}
    for p in model.priorities:
        grouped.setdefault(p.id, []).append(p)
    defaults = {a.name: a.default or a.values[0] for a in model.attributes if a.values}

    def applies(p: Priority) -> bool:
        return p.when is None or all((defaults.get(t.attribute) in t.values) != t.negated for t in p.when.tests)

    rules = {pid: tuple(same) for pid, same in grouped.items()}
    chosen = {pid: next((p for p in same if applies(p)), same[0]) for pid, same in rules.items()}

    def freed(ref: weakref.ReferenceType[PolicyModel]) -> None:
        found = _PRIORITY_INDEX.get(key)
        if found is not None and found[0] is ref:
            _PRIORITY_INDEX.pop(key, None)

    _PRIORITY_INDEX[key] = (weakref.ref(model, freed), rules, chosen)
    return rules, chosen


#: Event types of the public contract that rules may refer to.
EVENT_TYPES: tuple[str, ...] = (
    "incident.reported",
    "incident.product_suspected",
    "incident.responded",
    "incident.info_provided",
    "incident.customer_replied",
    "incident.resolved",
    "incident.reprioritized",
    "outage.started",
    "outage.ended",
    "outage.recognized",
    "outage.notified",
    "stop.announced",
    "backup.completed",
    "backup.deleted",
)
