"""Services, their availability targets and credits, and planned stops, in the typed model.

Design notes
------------
* A :class:`Service` keeps its target without ``when`` (``availability_target``
  and ``credits``) apart from its targets with ``when`` (``plan_targets``, each
  an :class:`AvailabilityTarget` with its own credit tiers; issue 13). Which
  target applies to which customers is :mod:`.service_plans`'.
* :class:`CreditTotal` caps the sum of every credit of a measurement period
  (the header's ``credit total at most 30% monthly``).
* :class:`ServiceHours` says when a service is provided: all the time, or during
  a calendar's hours, with or without maintenance and planned stops.
* A :class:`PlannedStop` is the rule for announcing planned stops: the notice's
  lead time, what it counts from, its channels, and emergencies.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import PrivateAttr

from .model_attributes import Condition
from .model_nodes import ArticleRef, Label, Node
from .model_time import Duration


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


class CreditTotal(Node):
    """A cap on the sum of every service credit owed for one measurement period, the header's ``credit total at
    most 30% monthly [art 6.3]``: availability credits and credits per breach together owe at most
    ``percent`` of the period's fee."""

    #: the cap, in percent of the period's fee
    percent: float
    period: MeasurePeriod = MeasurePeriod.MONTH
    ref: ArticleRef | None = None


class CreditTier(Node):
    """A service credit: ``credit`` percent of the fee when availability is below ``below`` percent."""

    below: float
    credit: float
    #: ``below`` and ``credit`` as the policy writes them, without ``%`` (``99.0``): the figures a message
    #: quotes (:meth:`figures`). No field: ``99.0%`` and ``99%`` mean the same.
    _written: tuple[str, str] = PrivateAttr(default=("", ""))

    def written(self, below: str, credit: str) -> CreditTier:
        """This tier, with its figures as the policy writes them (``99.0%``, ``10%``); set once, by the builder."""
        self._written = (below.removesuffix("%"), credit.removesuffix("%"))
        return self

    def figures(self) -> tuple[str, str]:
        """``below`` and ``credit`` as the policy writes them, without ``%`` (``99.0``); in their shortest form
        (``99``) for a tier not read from a text."""
        below, credit = self._written
        return below or f"{self.below:g}", credit or f"{self.credit:g}"


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
