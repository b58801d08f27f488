"""Typed model of a policy: what the transformer builds and every later stage reads.

Design notes
------------
* Every node is a frozen pydantic model and keeps the :class:`Span` of the source
  text it came from, so that checks and verdicts can point back at the line.
* Nothing here computes. Calendars become arithmetic in ``calendar.py``; the
  evaluator reads priorities, clocks and notices from here.
* Human-facing text is a :class:`Label` (Japanese and English). Article
  references are kept as written (``3.1.4`` means Article 3, section 1, row 4).
* Equality of two policies "by meaning" ignores spans: use :func:`meaning`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Span(BaseModel):
    """Where a node stands in its source: 1-based line and column, end exclusive."""

    model_config = ConfigDict(frozen=True)

    line: int = 1
    column: int = 1
    end_line: int = 1
    end_column: int = 1


NO_SPAN = Span()
#: The calendar ``4 business hours`` reads as "business hours" plainly: amounts counted on it are said
#: without a calendar's name (``4営業時間``), those on any other calendar with its label (``4営業時間（英語窓口）``).
BUSINESS = "business"


def walk(node: Any) -> Iterator[BaseModel]:
    """Every model inside ``node`` (a model, or a tuple or list of them), each before the models it holds:
    what the checks, the language check and the language server look through."""
    if isinstance(node, BaseModel):
        yield node
        for name in type(node).model_fields:
            yield from walk(getattr(node, name))
    elif isinstance(node, tuple | list):
        for item in node:
            yield from walk(item)


class Node(BaseModel):
    """Base of every model node: frozen, and remembers its span."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    span: Span = Field(default=NO_SPAN, repr=False)


class Label(Node):
    """A text for people, in Japanese and English (either may be missing)."""

    ja: str | None = None
    en: str | None = None

    def text(self, lang: str = "en") -> str:
        """The text in ``lang``, falling back to the other language, then to ``""``."""
        first, second = (self.ja, self.en) if lang == "ja" else (self.en, self.ja)
        return first or second or ""


class ArticleRef(Node):
    """A reference to the source document, e.g. ``3.1.4`` (Article 3, section 1, row 4)."""

    parts: tuple[int, ...]

    @property
    def article(self) -> int:
        return self.parts[0]

    def __str__(self) -> str:
        return ".".join(str(p) for p in self.parts)


class Weekday(StrEnum):
    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"

    @property
    def index(self) -> int:  # type: ignore[override]  # shadows str.index on purpose
        """0 for Monday ... 6 for Sunday, as ``date.weekday()``."""
        return list(Weekday).index(self)


class TimeUnit(StrEnum):
    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


#: The seconds in one of each unit of fixed length (a month has none: it is added as calendar months).
UNIT_SECONDS: dict[TimeUnit, int] = {
    TimeUnit.SECOND: 1,
    TimeUnit.MINUTE: 60,
    TimeUnit.HOUR: 3600,
    TimeUnit.DAY: 86400,
    TimeUnit.WEEK: 7 * 86400,
}


class Duration(Node):
    """An amount of time. ``calendar`` names the business calendar whose open time
    is counted (``4 business hours``); ``None`` means elapsed wall-clock time."""

    amount: int
    unit: TimeUnit
    calendar: str | None = None

    @property
    def is_business(self) -> bool:
        return self.calendar is not None

    def __str__(self) -> str:
        unit = self.unit.value + ("s" if self.amount != 1 else "")
        return f"{self.amount} {self.calendar + ' ' if self.calendar else ''}{unit}"


class ClockTime(Node):
    """A time of day as minutes after midnight; 24:00 is 1440."""

    minutes: int

    def __str__(self) -> str:
        return f"{self.minutes // 60:02d}:{self.minutes % 60:02d}"


class TimeRange(Node):
    """``start``-``end`` of one day; ``end`` may be 24:00. An end not after the start
    runs overnight into the next day (``22:00-06:00``): the range belongs to the day it starts on."""

    start: ClockTime
    end: ClockTime

    @property
    def overnight(self) -> bool:
        """Whether the range ends on the next day (its end is not after its start)."""
        return self.end.minutes <= self.start.minutes

    @property
    def end_minutes(self) -> int:
        """Minutes from the start day's midnight to the end (past 1440 when overnight)."""
        return self.end.minutes + (1440 if self.overnight else 0)

    def __str__(self) -> str:
        return f"{self.start}-{self.end}"


class DateRange(Node):
    """A closed range of dates ``first..last`` (a single date has ``first == last``)."""

    first: dt.date
    last: dt.date


class YearlyRange(Node):
    """A closed range of month-days repeated every year; may wrap (``12-29..01-03``)."""

    first: tuple[int, int]
    last: tuple[int, int]


class DayHours(Node):
    """Hours of some weekdays: ``hours sat 10:00-13:00``."""

    days: tuple[Weekday, ...]
    ranges: tuple[TimeRange, ...]


class DateHours(Node):
    """Hours of some dates: ``hours 2026-12-28 10:00-12:00`` (replaces that date's hours)
    or ``closed 2026-12-28 13:00-18:00`` (closes those hours)."""

    dates: tuple[DateRange, ...]
    ranges: tuple[TimeRange, ...]


class NamedHoliday(Node):
    """A one-off holiday of the calendar: ``holiday 2026-05-01 "創立記念日" / "Founding day"``."""

    date: dt.date
    label: Label = Label()


class Calendar(Node):
    """A business calendar: which days are open, and which hours of them.

    ``hours`` (the one-line form) are the hours of every open day that no
    ``day_hours`` line names; ``days`` are the open weekdays as written (when
    absent, the weekdays of the ``day_hours`` lines: see :meth:`open_weekdays`).
    ``timezone`` is the calendar's own zone (None: the policy's)."""

    name: str
    label: Label = Label()
    ref: ArticleRef | None = None
    timezone: str | None = None
    days: tuple[Weekday, ...] = ()
    hours: tuple[TimeRange, ...] = ()
    day_hours: tuple[DayHours, ...] = ()
    date_hours: tuple[DateHours, ...] = ()
    closed_hours: tuple[DateHours, ...] = ()
    holidays: tuple[str, ...] = ()
    named_holidays: tuple[NamedHoliday, ...] = ()
    closed: tuple[DateRange, ...] = ()
    closed_yearly: tuple[YearlyRange, ...] = ()
    open: tuple[DateRange, ...] = ()
    notes: tuple[Label, ...] = ()

    def open_weekdays(self) -> tuple[Weekday, ...]:
        """The weekdays the calendar opens: ``days``, or else those its ``hours`` lines name."""
        if self.days:
            return self.days
        named = {w for line in self.day_hours for w in line.days}
        return tuple(w for w in Weekday if w in named)

    def weekday_ranges(self, weekday: Weekday) -> tuple[TimeRange, ...]:
        """The hours of an open ``weekday``: its own ``hours`` lines, else the one-line ``hours``."""
        own = tuple(r for line in self.day_hours if weekday in line.days for r in line.ranges)
        return own or self.hours

    def weekday_groups(self) -> list[tuple[list[Weekday], tuple[TimeRange, ...]]]:
        """The open weekdays in runs of the same hours, in week order: ``mon..fri`` 09:00-17:30, then ``sat``
        10:00-13:00 (what a summary of the week says, a run per line)."""
        groups: list[tuple[list[Weekday], tuple[TimeRange, ...]]] = []
        for w in self.open_weekdays():
            ranges = self.weekday_ranges(w)
            if groups and groups[-1][1] == ranges:
                groups[-1][0].append(w)
            else:
                groups.append(([w], ranges))
        return groups

    @property
    def has_hours(self) -> bool:
        """Whether any line gives the calendar opening hours."""
        return bool(self.hours or self.day_hours or self.date_hours)


class Monthly(Node):
    """Which months a monthly rule names: every ``every``-th month from ``since`` (year, month).

    ``every 3 months from 2026-03``: March, June, September, December from March 2026
    on (no month before ``since``); the default, 1 and None, is every month."""

    every: int = 1
    since: tuple[int, int] | None = None

    def names_month(self, year: int, month: int) -> bool:
        """Whether the rule names month ``month`` of ``year``."""
        if self.since is None:
            return self.every == 1 or (year * 12 + month - 1) % self.every == 0
        gap = (year * 12 + month) - (self.since[0] * 12 + self.since[1])
        return gap >= 0 and gap % self.every == 0


class NthWeekday(Monthly):
    """The ``nth`` (1-5, or -1 for last) ``weekday`` of a month; ``also`` holds further
    ordinals (``2nd, 4th thu`` has nth 2 and also (4,))."""

    kind: Literal["nth_weekday"] = "nth_weekday"
    nth: int
    weekday: Weekday
    also: tuple[int, ...] = ()


class DayOfMonth(Monthly):
    """A fixed day of every month (1-31; -1 for the last day)."""

    kind: Literal["day_of_month"] = "day_of_month"
    day: int


class LastWeekday(Monthly):
    """The last Monday-to-Friday day of a month (``on last weekday``)."""

    kind: Literal["last_weekday"] = "last_weekday"


class DayOfYear(Node):
    """A fixed date of every year."""

    kind: Literal["day_of_year"] = "day_of_year"
    month: int
    day: int


class WeeklyOn(Node):
    """A weekday of every week."""

    kind: Literal["weekly"] = "weekly"
    weekday: Weekday


Recurrence = NthWeekday | DayOfMonth | LastWeekday | DayOfYear | WeeklyOn


class Roll(StrEnum):
    """What happens to a recurring window whose day is not a business day."""

    KEEP = "keep"
    NEXT = "next"
    PREVIOUS = "previous"
    SKIP = "skip"


class Maintenance(Node):
    """A recurring maintenance window."""

    name: str
    label: Label = Label()
    ref: ArticleRef | None = None
    on: Recurrence
    hours: TimeRange
    roll: Roll = Roll.KEEP
    calendar: str | None = None
    notice: Duration | None = None
    excused: bool = True
    notes: tuple[Label, ...] = ()


class ServiceHours(Node):
    """When a service is provided: all the time, or during a calendar's hours."""

    always: bool = False
    calendar: str | None = None
    except_maintenance: bool = False
    except_planned_stops: bool = False


class MeasurePeriod(StrEnum):
    """Over which periods an availability target is measured."""

    MONTH = "month"
    QUARTER = "quarter"
    PERIOD = "period"


class CreditTier(Node):
    """A service credit: ``credit`` percent of the fee when availability is below ``below`` percent."""

    below: float
    credit: float


class AvailabilityTarget(Node):
    """An availability target with a ``when`` condition and its own credit tiers (issue 13):
    ``availability target 99.9% monthly when plan = premium`` and the ``credit`` line below it."""

    percent: float
    period: MeasurePeriod = MeasurePeriod.MONTH
    when: Condition | None = None
    credits: tuple[CreditTier, ...] = ()


class Service(Node):
    """A row of the service-hours table."""

    name: str
    label: Label = Label()
    ref: ArticleRef | None = None
    hours: ServiceHours
    availability_measured: bool = False
    availability_target: float | None = None
    period: MeasurePeriod = MeasurePeriod.MONTH
    credits: tuple[CreditTier, ...] = ()
    #: the targets with ``when`` (issue 13), in file order; tried before the target above (without
    #: ``when``, which takes the customers none of them takes) when written before it
    plan_targets: tuple[AvailabilityTarget, ...] = ()
    #: how many of ``plan_targets`` are written above the target without ``when`` (the others can never apply)
    plan_targets_first: int = 0
    notes: tuple[Label, ...] = ()


class NoticeAnchor(StrEnum):
    START = "start"
    START_DATE = "start_date"


class PlannedStop(Node):
    """The rule for planned stops: notice lead time and channel, and emergencies."""

    name: str
    label: Label = Label()
    ref: ArticleRef | None = None
    notice: Duration
    anchor: NoticeAnchor = NoticeAnchor.START_DATE
    channels: tuple[str, ...] = ()
    emergency_allowed: bool = False
    emergency_counts_as_downtime: bool = True
    notes: tuple[Label, ...] = ()


class Within(Node):
    """Due a duration after the clock start (``within 4 business hours``)."""

    kind: Literal["within"] = "within"
    duration: Duration


class ByEndOf(Node):
    """Due at the close of the nth business day after the day the clock starts."""

    kind: Literal["by_end_of"] = "by_end_of"
    nth: int
    calendar: str


Target = Within | ByEndOf


class SameDayGuideline(Node):
    """A response the same day for clocks starting ``before_close`` or more before close."""

    before_close: Duration
    calendar: str


class SilenceCompletion(Node):
    """Completion after ``duration`` with no ``unless`` event following ``after``."""

    duration: Duration
    after: str
    unless: str


class Completion(Node):
    """How an incident completes: on an event, or after silence."""

    on: tuple[str, ...] = ()
    silence: SilenceCompletion | None = None
    guideline: Label = Label()


class OutOfHours(Node):
    """``, plus 24 hours if received outside business hours`` after a named target: a cycle of its clock
    that starts outside the open hours of ``calendar`` has ``extra`` more running time (Request Tracker's
    ``OutOfHours``), counted in the same kind of time as the target's own duration."""

    extra: Duration
    calendar: str
    #: the calendar's name in ``outside NAME hours`` (checks point there)
    calendar_span: Span = Field(default=NO_SPAN, repr=False)


class ClockTarget(Node):
    """A named target measured on a named clock (issue 12).

    ``kind`` ``respond``, ``resolve`` or ``first_reply``: met when the clock stops
    with at most ``duration`` of running time (``duration`` plus ``out_of_hours``'s
    extra for a cycle that starts outside its calendar's open hours); ``update``:
    one of ``by`` at least every ``duration`` of running time while the clock runs.
    """

    kind: Literal["respond", "resolve", "first_reply", "update"]
    duration: Duration
    clock: str
    by: tuple[str, ...] = ()
    out_of_hours: OutOfHours | None = None

    @property
    def name(self) -> str:
        """``resolve`` or ``update`` (the target's key in a report row)."""
        return self.kind


class AttributeTest(Node):
    """One test of a condition: the attribute's value is (``negated``: is not) one of ``values``."""

    attribute: str
    values: tuple[str, ...]
    negated: bool = False

    def __str__(self) -> str:
        if len(self.values) == 1:
            return f"{self.attribute} {'!=' if self.negated else '='} {self.values[0]}"
        return f"{self.attribute} {'not in' if self.negated else 'in'} ({', '.join(self.values)})"


class Condition(Node):
    """``when`` a rule applies: every test holds (``and``)."""

    tests: tuple[AttributeTest, ...]

    def __str__(self) -> str:
        return " and ".join(str(t) for t in self.tests)


class AttributeValue(Node):
    """One value of an attribute as written: its name (what events carry) and its label for people."""

    name: str
    label: Label = Label()


class Attribute(Node):
    """An attribute that incidents carry: its values and the value assumed when not given."""

    name: str
    label: Label = Label()
    ref: ArticleRef | None = None
    #: the values' names, in the order written (what events carry and conditions test)
    values: tuple[str, ...]
    default: str | None = None
    notes: tuple[Label, ...] = ()
    #: every value with its label (empty without one), in the order written: ``value premium "プレミアム" / "Premium"``
    labels: tuple[AttributeValue, ...] = ()

    def value_text(self, value: str, lang: str = "en") -> str:
        """Value ``value`` for a person in ``lang``: its label, or its name as written without one."""
        found = next((v for v in self.labels if v.name == value), None)
        return (found.label.text(lang) if found is not None else "") or value


class EventType(Node):
    """An incident event type the policy declares next to the contract's (``event incident.chat_started``)."""

    name: str
    label: Label = Label()
    ref: ArticleRef | None = None


class Priority(Node):
    """A priority level with its response target and completion rule."""

    id: str
    label: Label = Label()
    ref: ArticleRef | None = None
    definition: Label = Label()
    target: Target
    same_day: SameDayGuideline | None = None
    completion: Completion = Completion()
    #: the incidents this rule applies to (None: all); rules of one id are tried in file order
    when: Condition | None = None
    #: the named targets on named clocks (``resolve within 3 business days on resolution``)
    targets: tuple[ClockTarget, ...] = ()
    notes: tuple[Label, ...] = ()


class Pause(Node):
    """A pause reason of a clock: it stops counting at ``at`` until the next ``until``."""

    at: str
    until: str


class ClockRule(Node):
    """Which event starts a clock, in order of preference; its pauses, stops, resets and restarts
    (a stopped clock started again: ``restarts at``); its cancels (its targets withdrawn: ``cancels at``);
    and the warning threshold."""

    name: str
    label: Label = Label()
    ref: ArticleRef | None = None
    starts: tuple[str, ...]
    pauses: tuple[Pause, ...] = ()
    stops: tuple[str, ...] = ()
    resets: tuple[str, ...] = ()
    restarts: tuple[str, ...] = ()
    cancels: tuple[str, ...] = ()
    at_risk_percent: float | None = None
    notes: tuple[Label, ...] = ()

    @property
    def has_life_cycle(self) -> bool:
        """Whether the clock pauses, stops, resets, restarts or is cancelled on events of its own."""
        return bool(self.pauses or self.stops or self.resets or self.restarts or self.cancels)


class Notify(Node):
    """A notification target: ``within`` of ``after`` event, met by ``met_by``."""

    name: str
    label: Label = Label()
    ref: ArticleRef | None = None
    within: Duration
    after: str
    met_by: str
    only_during: str | None = None
    #: the calendar's name in ``only if ... during NAME hours`` (checks point there)
    only_during_span: Span = Field(default=NO_SPAN, repr=False)
    #: the records (incidents or outages) this rule applies to (None: all); every matching rule applies
    when: Condition | None = None
    notes: tuple[Label, ...] = ()


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
    #: the ``timezone`` line (a later version's refusal points there)
    timezone_span: Span = Field(default=NO_SPAN, repr=False)
    provider: Label = Label()
    title: Label = Label()
    source: str | None = None
    #: ``languages ja, en``: every language of the texts, the primary first (empty: not declared).
    languages: tuple[str, ...] = ()


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

    def value_text(self, attribute: str, value: str, lang: str = "en") -> str:
        """Value ``value`` of attribute ``attribute`` for a person in ``lang`` (its name without a label)."""
        attr = next((a for a in self.attributes if a.name == attribute), None)
        return attr.value_text(value, lang) if attr is not None else value

    def priority(self, pid: str) -> Priority:
        """The rule of priority ``pid`` for an incident with default attributes (KeyError if none)."""
        first: Priority | None = None
        defaults = {a.name: a.default or a.values[0] for a in self.attributes if a.values}
        for p in self.priorities:
            if p.id == pid:
                first = first or p
                if p.when is None or all((defaults.get(t.attribute) in t.values) != t.negated for t in p.when.tests):
                    return p
        if first is None:
            raise KeyError(pid)
        return first


def is_span_field(name: str) -> bool:
    """Whether a model field says where something stands (``span``, ``timezone_span``), not what it means."""
    return name == "span" or name.endswith("_span")


def meaning(node: BaseModel) -> Any:
    """The node as plain data without spans: equal for policies that mean the same."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if not is_span_field(k)}
        if isinstance(value, list | tuple):
            return [strip(v) for v in value]
        return value

    return strip(node.model_dump(mode="json"))


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
