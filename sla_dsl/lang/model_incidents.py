"""The incident rules of the typed model: priorities and their targets, clocks, and notifications.

Design notes
------------
* A :class:`Priority` has a response :data:`Target` (``within`` a duration, or
  ``by end of`` the nth business day), a same-day guideline, a
  :class:`Completion` rule and named :class:`ClockTarget` targets on named
  clocks (issue 12); rules of one id with a ``when`` condition are tried in
  file order.
* A :class:`ClockRule` says which events start, pause, stop, reset, restart and
  cancel a clock; an :class:`OutOfHours` extra gives a cycle that starts outside
  a calendar's hours more time.
* A :class:`Notify` rule is a notification due a duration after an event.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .model_attributes import Condition
from .model_nodes import NO_SPAN, ArticleRef, Label, Node, Span
from .model_services import MeasurePeriod
from .model_time import ClockTime, Duration


class Within(Node):
    """Due a duration after the clock start (``within 4 business hours``)."""

    kind: Literal["within"] = "within"
    duration: Duration


class ByEndOf(Node):
    """Due at the close of the nth business day of ``calendar`` after the day the clock starts, or at the
    time of day ``at`` of that day (``respond by 16:00 of 1st business day``).

    ``at`` is a wall time of the calendar's zone on that day, read as RFC 5545 reads a local time (one the
    clock shows twice is its first occurrence; one it skips, a spring gap, lies as far past the jump as it
    lies past the gap's start), then kept within the day's hours: no later than its close, no earlier than
    its opening (``sla check`` refuses a time no hours of the calendar hold, E224).
    """

    kind: Literal["by_end_of"] = "by_end_of"
    nth: int
    calendar: str
    #: the time of day it falls due (None: the day's close)
    at: ClockTime | None = None


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

    ``kind`` ``respond``, ``resolve`` or ``first_reply``: met iff the clock stops at
    or before its due instant, the first instant its running time reaches
    ``duration`` (``duration`` plus ``out_of_hours``'s extra for a cycle that starts
    outside its calendar's open hours), or with ``by_day`` the instant it names
    for the cycle's start; ``update``: one of ``by`` at least every
    ``duration`` of running time while the clock runs, each at or before the instant
    the running time since the last one reaches it.
    """

    kind: Literal["respond", "resolve", "first_reply", "update"]
    #: the running time it allows (None for a ``by_day`` target)
    duration: Duration | None
    clock: str
    by: tuple[str, ...] = ()
    out_of_hours: OutOfHours | None = None
    #: a target due at an instant of a business day (``resolve by end of 2nd business day on resolution``)
    #: instead of after running time: met iff the clock stops at or before that instant of the nth business
    #: day after the day each cycle of the clock starts; ``duration`` is then None
    by_day: ByEndOf | None = None

    @property
    def name(self) -> str:
        """``resolve`` or ``update`` (the target's key in a report row)."""
        return self.kind


class BreachCredit(Node):
    """A service credit owed per breached target (``credit 5% per breach, at most 25% monthly``): the
    ``credit`` line below a target line of a priority. ``clock`` None: the plain response target (on the
    response clock); else the named target of ``kind`` on that clock."""

    kind: Literal["respond", "resolve", "first_reply", "update"] = "respond"
    clock: str | None = None
    #: the credit per breach, in percent of the period's fee
    percent: float
    #: the most owed per measurement period, in percent of the fee (None: no cap of its own)
    cap: float | None = None
    period: MeasurePeriod = MeasurePeriod.MONTH


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
    #: the service credits per breached target (``credit 5% per breach``), each of the target line above it
    breach_credits: tuple[BreachCredit, ...] = ()
    notes: tuple[Label, ...] = ()


class Pause(Node):
    """A pause reason of a clock: it stops counting at ``at`` until the next event of any of ``until``
    (the first of them that comes resumes it: ``until B, C``)."""

    at: str
    until: tuple[str, ...]


class NotDue(Node):
    """A reason a clock's targets are not due (``not due at A until B``: Request Tracker's ``IgnoreOnStatuses``
    without ``ExcludeTimeOnIgnoredStatuses``): from ``at`` until the next event of any of ``until`` the clock
    keeps counting but no deadline is applied (a target whose due time falls there is breached only if its
    cycle still runs once the hold ends)."""

    at: str
    until: tuple[str, ...]


class ClockRule(Node):
    """Which event starts a clock, in order of preference; its pauses, stops, resets and restarts
    (a stopped clock started again: ``restarts at``); its cancels (its targets withdrawn: ``cancels at``);
    and the warning threshold."""

    name: str
    label: Label = Label()
    ref: ArticleRef | None = None
    starts: tuple[str, ...]
    pauses: tuple[Pause, ...] = ()
    #: the ``not due at A until B`` lines, one per reason
    not_due: tuple[NotDue, ...] = ()
    stops: tuple[str, ...] = ()
    resets: tuple[str, ...] = ()
    restarts: tuple[str, ...] = ()
    cancels: tuple[str, ...] = ()
    #: the (first) warning threshold: a target is ``at_risk`` once this share of its time has run
    at_risk_percent: float | None = None
    #: every warning threshold when there are several (``at risk at 50%, 75% of target``), lowest first, the
    #: first ``at_risk_percent``; empty for one
    at_risk_thresholds: tuple[float, ...] = ()
    notes: tuple[Label, ...] = ()

    @property
    def risk_thresholds(self) -> tuple[float, ...]:
        """Every warning threshold, lowest first (none, one or several)."""
        if self.at_risk_thresholds:
            return self.at_risk_thresholds
        return (self.at_risk_percent,) if self.at_risk_percent is not None else ()

    @property
    def has_life_cycle(self) -> bool:
        """Whether the clock pauses, holds its deadlines, stops, resets, restarts or is cancelled on events of
        its own."""
        return bool(self.pauses or self.not_due or self.stops or self.resets or self.restarts or self.cancels)


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
