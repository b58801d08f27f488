"""The event schema of the public contract: one pydantic model per event type.

Design notes
------------
* ``Event`` is a discriminated union on the ``event`` field; every member has
  ``at`` (an aware datetime: a time without a UTC offset is an error, as is a
  bare number) and a non-empty ``id``, the fields of ``BaseEvent``
  (:mod:`.fields`, with the types of the field values). The type is read
  without the blanks around it (:func:`_type_trimmed`, before the union picks
  its member), as every text field is (:data:`~.fields.BLANKS`).
* What depends on the policy (priority ids, backup kinds, outage causes that an
  exclusion names) is checked by the evaluator against the policy in force, not
  hard-coded here: Article 5 lets the Company change them by editing the policy.
* Unknown extra fields are **allowed and kept** (``model_extra``): logs merged
  from ticket systems and monitoring carry extra columns, and rejecting them
  would make every export fail. A missing required field whose name is close to
  an extra one gets a "did you mean" hint from the reader.
* A field of the contract given on a type that does not carry it is kept like
  any extra field and never read; the log notes it (see :mod:`.compact`).
* A type a policy declares (``event incident.chat_started ...``) is read as
  ``DeclaredEvent``: ``event``, ``at`` and ``id``, no payload; its code is given
  by :func:`~.compact.declare_types`.
* The schema is three modules: :mod:`.fields` (value types, ``BaseEvent``,
  how a value given is told and compared), this one (the models of the event
  types and their adapters) and :mod:`.compact` (the compact log the evaluator
  reads: codes, payloads, ``Rec``, ``EventLog``). This module re-exports the
  names of the other two (``__all__``), so ``from .schema import ...`` is the
  one way in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, TypeAdapter, model_validator

from .compact import (
    BUILTIN_COUNT,
    CODE,
    FAMILIES,
    FAMILY_OF,
    PAYLOAD,
    PAYLOAD_BY_CODE,
    RANK,
    STRAY_BY_CODE,
    TYPES,
    UNCARRIED_BY_FAMILY,
    EventLog,
    Rec,
    Unread,
    declare_types,
)
from .fields import (
    BLANKS,
    KNOWN_FIELDS,
    Attributes,
    BaseEvent,
    Id,
    Instant,
    Name,
    attributes_text,
    comparable,
    event_type,
    gives_attributes,
    gives_value,
    looks_numeric,
    repeat_key,
    trimmed,
)

__all__ = [
    "BLANKS",
    "BUILTIN_COUNT",
    "CODE",
    "DECLARED_ADAPTER",
    "EVENT_ADAPTER",
    "EVENT_CLASSES",
    "FAMILIES",
    "FAMILY_OF",
    "KNOWN_FIELDS",
    "PAYLOAD",
    "PAYLOAD_BY_CODE",
    "RANK",
    "STRAY_BY_CODE",
    "TYPES",
    "UNCARRIED_BY_FAMILY",
    "Attributes",
    "BackupCompleted",
    "BackupDeleted",
    "BaseEvent",
    "DeclaredEvent",
    "Event",
    "EventLog",
    "Id",
    "IncidentCustomerReplied",
    "IncidentInfoProvided",
    "IncidentProductSuspected",
    "IncidentReported",
    "IncidentReprioritized",
    "IncidentResolved",
    "IncidentResponded",
    "Instant",
    "Name",
    "OutageEnded",
    "OutageNotified",
    "OutageRecognized",
    "OutageStarted",
    "Rec",
    "StopAnnounced",
    "Unread",
    "attributes_text",
    "comparable",
    "declare_types",
    "event_type",
    "gives_attributes",
    "gives_value",
    "instant_of",
    "local",
    "looks_numeric",
    "parse_event",
    "repeat_key",
    "trimmed",
]


class IncidentReported(BaseEvent):
    """A failure report is received."""

    event: Literal["incident.reported"]
    #: the priority the policy declares (``P1``): it sets the response target
    priority: Name
    #: what caused the failure, one the policy declares (one it excludes puts it outside the SLA)
    cause: Name | None = None
    #: the incident's attributes that the policy declares (``{"plan": "premium"}``): they choose its rules
    attributes: Attributes = None


class IncidentProductSuspected(BaseEvent):
    """The Company judges the product may be the cause (the response clock starts)."""

    event: Literal["incident.product_suspected"]


class IncidentResponded(BaseEvent):
    """The first answer reaches the end user."""

    event: Literal["incident.responded"]


class IncidentInfoProvided(BaseEvent):
    """Information handed to the end user."""

    event: Literal["incident.info_provided"]


class IncidentCustomerReplied(BaseEvent):
    """The end user answered."""

    event: Literal["incident.customer_replied"]


class IncidentResolved(BaseEvent):
    """A workaround or solution was received."""

    event: Literal["incident.resolved"]


class IncidentReprioritized(BaseEvent):
    """The priority changed (the clock keeps its start)."""

    event: Literal["incident.reprioritized"]
    #: the new priority: the target changes, the clock keeps its start
    priority: Name


class OutageStarted(BaseEvent):
    """The service becomes unavailable."""

    event: Literal["outage.started"]
    #: what caused the outage, one the policy declares (``force_majeure``, ``customer_fault`` are not downtime)
    cause: Name | None = None
    #: the measured service that is down (absent: every measured service)
    service: Name | None = None
    #: the outage's attributes that the policy declares (``{"plan": "premium"}``): they choose its notify rules
    attributes: Attributes = None


class OutageEnded(BaseEvent):
    """The service is available again."""

    event: Literal["outage.ended"]


class OutageRecognized(BaseEvent):
    """The Company recognises the failure."""

    event: Literal["outage.recognized"]


class OutageNotified(BaseEvent):
    """The first report of the failure's status is sent."""

    event: Literal["outage.notified"]


class StopAnnounced(BaseEvent):
    """Notice of a planned stop for [start, end)."""

    event: Literal["stop.announced"]
    #: how the notice was sent (``email``): the policy says which channels make a notice valid
    channel: Name
    #: when the announced stop begins
    start: Instant
    #: when the announced stop ends (after ``start``)
    end: Instant

    @model_validator(mode="after")
    def _end_after_start(self) -> StopAnnounced:
        if self.end <= self.start:
            raise ValueError("`end` is not after `start`")
        return self


class BackupCompleted(BaseEvent):
    """A backup was taken."""

    event: Literal["backup.completed"]
    #: the backup kind the policy declares (``database``, ``files``, ``machine_image``, ``continuous``)
    kind: Name
    #: the availability zone the backup is stored in
    zone: Name | None = None
    #: the zone of the service itself: a ``continuous`` backup must be in another one
    primary_zone: Name | None = None


class BackupDeleted(BaseEvent):
    """The backup ``id`` (from its ``backup.completed``) was deleted."""

    event: Literal["backup.deleted"]
    #: the kind of the deleted backup
    kind: Name


def _type_trimmed(data: Any) -> Any:
    """An event mapping whose ``event`` is text with blanks around it, as a dict with them trimmed (the
    union picks its member by the type as given); anything else as it is."""
    if isinstance(data, Mapping):
        etype = data.get("event")
        if isinstance(etype, str) and etype and (etype[0] in BLANKS or etype[-1] in BLANKS):
            return {**data, "event": etype.strip(BLANKS)}
    return data


Event = Annotated[
    IncidentReported
    | IncidentProductSuspected
    | IncidentResponded
    | IncidentInfoProvided
    | IncidentCustomerReplied
    | IncidentResolved
    | IncidentReprioritized
    | OutageStarted
    | OutageEnded
    | OutageRecognized
    | OutageNotified
    | StopAnnounced
    | BackupCompleted
    | BackupDeleted,
    Field(discriminator="event"),
    BeforeValidator(_type_trimmed),
]

EVENT_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)

#: Model class of each event type.
EVENT_CLASSES: dict[str, type[BaseEvent]] = {
    cls.model_fields["event"].annotation.__args__[0]: cls  # type: ignore[union-attr]
    for cls in (
        IncidentReported,
        IncidentProductSuspected,
        IncidentResponded,
        IncidentInfoProvided,
        IncidentCustomerReplied,
        IncidentResolved,
        IncidentReprioritized,
        OutageStarted,
        OutageEnded,
        OutageRecognized,
        OutageNotified,
        StopAnnounced,
        BackupCompleted,
        BackupDeleted,
    )
}


def parse_event(data: Mapping[str, Any] | BaseEvent) -> BaseEvent:
    """Validate one event given as a mapping (or pass a model through)."""
    if isinstance(data, BaseEvent):
        return data
    return EVENT_ADAPTER.validate_python(data)


_INSTANT: TypeAdapter[dt.datetime] = TypeAdapter(Instant)


def instant_of(value: Any) -> float:
    """POSIX seconds of an ``at`` value as every event model reads it (ValueError when it is not one),
    whatever the event's type (a declared one included)."""
    return _INSTANT.validate_python(value).timestamp()


def local(t: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """``t`` as wall time in ``tz``."""
    return t.astimezone(tz)


class DeclaredEvent(BaseEvent):
    """An event of a type the policy declares (``event incident.chat_started ...``)."""

    event: Annotated[str, BeforeValidator(trimmed)]


DECLARED_ADAPTER: TypeAdapter[DeclaredEvent] = TypeAdapter(DeclaredEvent)
