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
    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


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
    """``start``-``end`` within one day; ``end`` may be 24:00."""

    start: ClockTime
    end: ClockTime

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


class Calendar(Node):
    """A business calendar: which days are open, and which hours of them."""

    name: str
    label: Label = Label()
    ref: ArticleRef | None = None
    days: tuple[Weekday, ...] = ()
    hours: tuple[TimeRange, ...] = ()
    holidays: tuple[str, ...] = ()
    closed: tuple[DateRange, ...] = ()
    closed_yearly: tuple[YearlyRange, ...] = ()
    open: tuple[DateRange, ...] = ()
    notes: tuple[Label, ...] = ()


class NthWeekday(Node):
    """The ``nth`` (1-5, or -1 for last) ``weekday`` of a month."""

    kind: Literal["nth_weekday"] = "nth_weekday"
    nth: int
    weekday: Weekday


class DayOfMonth(Node):
    """A fixed day of every month (1-31; -1 for the last day)."""

    kind: Literal["day_of_month"] = "day_of_month"
    day: int


class DayOfYear(Node):
    """A fixed date of every year."""

    kind: Literal["day_of_year"] = "day_of_year"
    month: int
    day: int


class WeeklyOn(Node):
    """A weekday of every week."""

    kind: Literal["weekly"] = "weekly"
    weekday: Weekday


Recurrence = NthWeekday | DayOfMonth | DayOfYear | WeeklyOn


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


class Service(Node):
    """A row of the service-hours table."""

    name: str
    label: Label = Label()
    ref: ArticleRef | None = None
    hours: ServiceHours
    availability_measured: bool = False
    availability_target: float | None = None
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


class Priority(Node):
    """A priority level with its response target and completion rule."""

    id: str
    label: Label = Label()
    ref: ArticleRef | None = None
    definition: Label = Label()
    target: Target
    same_day: SameDayGuideline | None = None
    completion: Completion = Completion()
    notes: tuple[Label, ...] = ()


class ClockRule(Node):
    """Which event starts a clock, in order of preference; and the warning threshold."""

    name: str
    label: Label = Label()
    ref: ArticleRef | None = None
    starts: tuple[str, ...]
    at_risk_percent: float | None = None
    notes: tuple[Label, ...] = ()


class Notify(Node):
    """A notification target: ``within`` of ``after`` event, met by ``met_by``."""

    name: str
    label: Label = Label()
    ref: ArticleRef | None = None
    within: Duration
    after: str
    met_by: str
    only_during: str | None = None
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
    provider: Label = Label()
    title: Label = Label()
    source: str | None = None


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

    def calendar(self, name: str) -> Calendar:
        """The calendar called ``name`` (KeyError if there is none)."""
        for cal in self.calendars:
            if cal.name == name:
                return cal
        raise KeyError(name)

    def priority(self, pid: str) -> Priority:
        """The priority with id ``pid`` (KeyError if there is none)."""
        for p in self.priorities:
            if p.id == pid:
                return p
        raise KeyError(pid)


def meaning(node: BaseModel) -> Any:
    """The node as plain data without spans: equal for policies that mean the same."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "span"}
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
