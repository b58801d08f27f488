"""The event schema of the public contract: one pydantic model per event type.

Design notes
------------
* ``Event`` is a discriminated union on the ``event`` field; every member has
  ``at`` (an aware datetime: a time without a UTC offset is an error, as is a
  bare number) and a non-empty ``id``.
* What depends on the policy (priority ids, backup kinds, outage causes that an
  exclusion names) is checked by the evaluator against the policy in force, not
  hard-coded here: Article 5 lets the Company change them by editing the policy.
* Unknown extra fields are **allowed and kept** (``model_extra``): logs merged
  from ticket systems and monitoring carry extra columns, and rejecting them
  would make every export fail. A missing required field whose name is close to
  an extra one gets a "did you mean" hint from the reader.
* A field of the contract given on a type that does not carry it is kept like
  any extra field and never read: ``attributes`` are read on the event that
  opens an incident or an outage (``incident.reported``, ``outage.started``)
  and hold for its whole life; ``priority`` only on ``incident.reported`` and
  ``incident.reprioritized`` (a ``priority`` on a response changes nothing);
  ``cause`` only on the opening events, and so on (:data:`STRAY_BY_CODE`). The
  log notes each such field (``EventLog.unread``, by :meth:`EventLog.note_stray`:
  the models' path and the readers' fast paths alike, which file the event as
  usual and note the field beside it) and the evaluator reports it as a
  ``data`` violation, unless it repeats the value in force (a ticket system that stamps the incident's
  priority on every event says nothing new). A field no type of the family carries
  (:data:`UNCARRIED_BY_FAMILY`: ``kind`` on an outage) has no value in force: it is said once per item
  and value, so the note keeps what tells one value from another (:func:`repeat_key`: a time as
  integer microseconds, whichever reader gave it). ``null``, a blank string and
  ``{}`` give none (:func:`gives_value`).
* A time is ISO 8601 with a UTC offset, given as a string (or, from Python, an
  aware ``datetime``). pydantic on its own also reads numbers, and strings of
  digits, as Unix seconds or milliseconds (``"20261102"`` would be 1970-08-23):
  :func:`_iso_only` lets through only a string that starts with a calendar
  date ``YYYY-MM-DD``, so every reader (JSON Lines, CSV, the API) refuses the rest.
* Events are frozen. Each remembers where it was read (``source``, ``line``) as
  private attributes, so that a later check (an unknown priority, a
  contradiction) can still name the line.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, Literal, NamedTuple

import orjson
from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    TypeAdapter,
    model_validator,
)

from ..lang.event_types import declarable
from ..lang.model import EVENT_TYPES
from .keys import RepeatedKey, may_repeat, repeated_key
from .problems import EventInputError, Problem, by_line, located

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NUMBER = re.compile(r"\s*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\s*")


def _iso_only(value: Any) -> Any:
    """Let through a ``datetime`` or a string that starts ``YYYY-MM-DD``: never an epoch number."""
    if isinstance(value, dt.datetime) or (isinstance(value, str) and _ISO_DATE.match(value)):
        return value
    if not isinstance(value, str):
        raise ValueError("expected an ISO 8601 time with a UTC offset, as a string")
    if looks_numeric(value):
        raise ValueError("expected an ISO 8601 time with a UTC offset, not a number")
    raise ValueError("expected an ISO 8601 time with a UTC offset")


def looks_numeric(text: str) -> bool:
    """A string that reads as a number (``"1793581200"``, ``"1.5e9"``, ``"-5"``)."""
    return _NUMBER.fullmatch(text) is not None


Instant = Annotated[AwareDatetime, BeforeValidator(_iso_only)]
Id = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def gives_value(field: str, value: Any) -> bool:
    """Whether a field's value gives anything: not ``null``, a blank string or (``attributes``) an
    empty map."""
    if field == "attributes":
        return gives_attributes(value)
    return value is not None and not (isinstance(value, str) and not value.strip())


def comparable(field: str, value: Any) -> Any:
    """A stray field's value as a type that carries the field stores it (a name stripped, attributes as
    :func:`attributes_text`), or None when it is not such a value (a number, a time, a malformed map)."""
    if field == "attributes":
        if isinstance(value, str):
            try:
                value = orjson.loads(value)
            except orjson.JSONDecodeError:
                return None
        if type(value) is list and all(type(p) is tuple and len(p) == 2 for p in value):  # an Arrow map's cell
            value = dict(value) if len({k for k, _ in value}) == len(value) else None
        if type(value) is dict and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            return attributes_text({k.strip(): v.strip() for k, v in value.items()})
        return None
    if field in ("start", "end") or not isinstance(value, str):
        return None
    return value.strip()


def repeat_key(field: str, value: Any) -> Any:
    """A stray value of a field no type of its family carries, as its notes tell repeats apart: as
    :func:`comparable`, but a number as it is and a time (``start``, ``end``) as integer microseconds
    since the epoch, however a reader gives it (ISO text with an offset, a timestamp cell, epoch
    seconds); None when repeats cannot be told (a list or a map as a name)."""
    if field in ("start", "end"):
        return _micros(value)
    if type(value) in (int, float):
        return value if math.isfinite(value) else None
    return comparable(field, value)


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MICROSECOND = dt.timedelta(microseconds=1)


def _micros(value: Any) -> Any:
    """A time given in a stray ``start`` or ``end`` as integer microseconds since the epoch (exactly:
    the Arrow rows' epoch seconds and the columns' datetimes of one cell agree); text that is no time
    with an offset, stripped; None for anything else."""
    if isinstance(value, str):
        text = value.strip()
        try:
            value = dt.datetime.fromisoformat(text)
        except ValueError:
            return text
        if value.utcoffset() is None:
            return text
    if isinstance(value, dt.datetime):
        return None if value.utcoffset() is None else (value - _EPOCH) // _MICROSECOND
    if type(value) in (int, float) and math.isfinite(value):
        return round(value * 1_000_000)
    return None


def gives_attributes(value: Any) -> bool:
    """Whether an ``attributes`` value gives any (``null``, ``{}``, its JSON text and an empty map give
    none; anything else does, well formed or not)."""
    if isinstance(value, str):
        try:
            value = orjson.loads(value)
        except orjson.JSONDecodeError:
            return True
    return bool(value) if isinstance(value, (dict, list)) else value is not None


def _object_text(value: Any) -> Any:
    """A CSV cell holds ``attributes`` as JSON text: ``{"plan": "premium"}``, read as strictly as a JSON
    Lines log is (orjson: no ``NaN``, no lone surrogate; a key given twice is :class:`~.keys.RepeatedKey`).
    An Arrow ``map`` cell that holds one key twice comes as its list of (key, value) pairs: refused so,
    never made a dict that keeps one of them."""
    if isinstance(value, str):
        try:
            data = orjson.loads(value)
        except orjson.JSONDecodeError:
            raise ValueError('expected a JSON object such as `{"plan": "premium"}`') from None
        if type(data) is dict and may_repeat(value.encode("utf-8", "surrogatepass"), data):
            key = repeated_key(value, data)
            if key is not None:
                raise RepeatedKey(key)
        return data
    if type(value) is list and all(type(p) is tuple and len(p) == 2 for p in value):
        seen: set[Any] = set()
        for key, _ in value:
            if key in seen:
                raise RepeatedKey(str(key))
            seen.add(key)
    return value


#: ``null`` (a JSON Lines ``null``, a CSV cell ``null``) is no attributes, as an absent field is.
Attributes = Annotated[dict[Name, Name] | None, BeforeValidator(_object_text)]


class BaseEvent(BaseModel):
    """Fields every event has."""

    model_config = ConfigDict(frozen=True, extra="allow")

    #: when it happened: ISO 8601 with a UTC offset (``2026-11-02T10:15:00+09:00``); converted to the policy's zone
    at: Instant
    #: the incident, outage, planned stop or backup this event belongs to (``INC-054``, ``OUT-09``)
    id: Id
    _source: str | None = PrivateAttr(default=None)
    _line: int | None = PrivateAttr(default=None)

    @property
    def where(self) -> str:
        """``file:LINE`` of the line this event was read from, or ``event <id>``."""
        if self._line is None:
            return f"event `{self.id}`"
        return f"{self._source or '<events>'}:{self._line}"

    def located(self, source: str | None, line: int | None) -> BaseEvent:
        """Record where the event was read; returns ``self``."""
        self._source = source
        self._line = line
        return self

    @property
    def line(self) -> int | None:
        """1-based line number in the source, when read from a file."""
        return self._line


class IncidentReported(BaseEvent):
    """A failure report is received."""

    event: Literal["incident.reported"]
    #: the priority the policy declares (``P1``): it sets the response target
    priority: Name
    #: what caused the failure, one the policy declares (``force_majeure`` excludes it under Article 4)
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

#: Every field name a contract event type may carry, besides ``event``, ``at``, ``id``.
KNOWN_FIELDS: tuple[str, ...] = (
    "priority",
    "cause",
    "attributes",
    "service",
    "channel",
    "start",
    "end",
    "kind",
    "zone",
    "primary_zone",
)


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


def event_type(ev: BaseEvent) -> str:
    """The ``event`` field of an event model."""
    value: str = ev.event  # type: ignore[attr-defined]
    return value


def local(t: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """``t`` as wall time in ``tz``."""
    return t.astimezone(tz)


# -- the compact form the evaluator works on -------------------------------------
#
# A log of a million events must fit in memory and be judged in seconds, so the
# evaluator does not keep a pydantic model per event. Each event becomes a
# ``Rec`` tuple ``(epoch, code, payload, line)`` filed under its family and id:
# ``epoch`` is POSIX seconds (float, keeps microseconds), ``code`` the index of
# its type in ``TYPES`` (so sorting by ``(epoch, code)`` puts a report before a
# response at the same instant), ``payload`` the contract fields of its type in
# a fixed order, ``line`` where it was read (0 when it came from the API).
# Identity for de-duplication is ``(family, id, epoch, code, payload)``: extra
# columns do not make two copies of one event different. The log also carries
# the problems of its bad lines until they are settled (:mod:`.problems`).

#: Every event type with a code: the contract's, then those declared by the policies loaded in this
#: process (:func:`declare_types`), in the order they were first declared. Codes are only ever added.
TYPES: list[str] = list(EVENT_TYPES)
CODE: dict[str, int] = {name: i for i, name in enumerate(TYPES)}
#: How many types the contract has: a code at or above this one is a declared type.
BUILTIN_COUNT = len(EVENT_TYPES)
FAMILIES: tuple[str, ...] = ("incident", "outage", "stop", "backup")
FAMILY_OF: list[int] = [FAMILIES.index(name.split(".")[0]) for name in TYPES]

#: Payload fields of each type, in the order they are stored in a ``Rec``.
PAYLOAD: dict[str, tuple[str, ...]] = {
    "incident.reported": ("priority", "cause", "attributes"),
    "incident.reprioritized": ("priority",),
    "outage.started": ("cause", "service", "attributes"),
    "stop.announced": ("channel", "start", "end"),
    "backup.completed": ("kind", "zone", "primary_zone"),
    "backup.deleted": ("kind",),
}

#: Payload fields of each code (declared types carry none).
PAYLOAD_BY_CODE: list[tuple[str, ...]] = [PAYLOAD.get(t, ()) for t in TYPES]
#: The order of the contract's fields (notes name them in it), and those whose value is a name.
_FIELD_ORDER = {f: k for k, f in enumerate(KNOWN_FIELDS)}
_NAMES = frozenset(KNOWN_FIELDS) - {"attributes", "start", "end"}
#: The contract's fields each code does not carry: given there, kept and never read (``EventLog.unread``).
STRAY_BY_CODE: list[frozenset[str]] = [frozenset(KNOWN_FIELDS).difference(fields) for fields in PAYLOAD_BY_CODE]
#: The contract's fields no type of each family carries (``kind`` on an outage, ``start`` on an incident;
#: a declared type carries none): such a field has no value in force, and is noted once per item and value.
UNCARRIED_BY_FAMILY: tuple[frozenset[str], ...] = tuple(
    frozenset(KNOWN_FIELDS).difference(*(fields for name, fields in PAYLOAD.items() if name.startswith(f"{family}.")))
    for family in FAMILIES
)

Rec = tuple[float, int, tuple[Any, ...], int]

# -- event types declared in a policy ----------------------------------------------
#
# ``event incident.chat_started "チャット開始" / "Chat started"`` in a policy adds a
# type to the log of that policy only: every reader takes a ``declared`` set (the
# union of the loaded policy versions' declarations) and refuses a declared type
# that is not in it, as it refuses any unknown type. Only incident events can be
# declared: an incident's clocks and targets name its events, while outages,
# planned stops and backups have the fixed life cycle of the contract. A declared
# event carries ``event``, ``at`` and ``id`` and no payload; extra fields are kept
# as for every event. Its code is given the first time a policy declares it in
# this process (so it sorts after every contract type at one instant).


class DeclaredEvent(BaseEvent):
    """An event of a type the policy declares (``event incident.chat_started ...``)."""

    event: str


DECLARED_ADAPTER: TypeAdapter[DeclaredEvent] = TypeAdapter(DeclaredEvent)


def declare_types(names: Iterable[str]) -> frozenset[str]:
    """Give each declared type a code (once per process, in name order per call); returns the set.

    Raises ValueError for a name a policy cannot declare (the policy checker refuses those first).
    """
    wanted = frozenset(names)
    for name in sorted(wanted - CODE.keys()):
        if not declarable(name):
            raise ValueError(f"`{name}` cannot be a declared event type")
        CODE[name] = len(TYPES)
        TYPES.append(name)
        FAMILY_OF.append(FAMILIES.index(name.split(".")[0]))
        PAYLOAD_BY_CODE.append(())
        STRAY_BY_CODE.append(frozenset(KNOWN_FIELDS))
    return wanted


class Unread(NamedTuple):
    """A field of the contract an event gives while its type does not carry it: the event filed, the
    field never read."""

    family: int
    ident: str
    code: int
    epoch: float
    line: int
    #: the field (``priority``, ``attributes``)
    field: str = "attributes"
    #: its value as the payload of a type that carries it stores it (``P1``; attributes as their
    #: canonical text), to compare with the value in force; for a field no type of its family carries
    #: (:data:`UNCARRIED_BY_FAMILY`), what tells its repeats apart (:func:`repeat_key`); None when it
    #: cannot be compared
    value: Any = None


class EventLog:
    """Events grouped by family and id in compact form, ready for evaluation."""

    def __init__(self, source: str | None = None) -> None:
        self.source = source or "<events>"
        self.groups: tuple[dict[str, list[Rec]], ...] = ({}, {}, {}, {})
        self.count = 0
        #: Problems found and not yet settled (see :meth:`settle`).
        self.problems: list[Problem] = []
        #: Problems of the lines left out by ``skip_invalid``.
        self.left_out: list[Problem] = []
        #: The fields of the contract the events filed give while their type does not carry them, never
        #: read (a ``data`` violation each, unless the value is the one in force: :meth:`note_stray`).
        self.unread: list[Unread] = []

    @property
    def skipped(self) -> list[str]:
        """One text per line left out, in line order: that line's problems."""
        return by_line(self.left_out)

    def settle(self, skip_invalid: bool) -> None:
        """Raise every pending problem as one EventInputError, or (``skip_invalid``) leave their lines out.

        A fatal problem (the reading stopped early) is raised even with ``skip_invalid``.
        """
        pending, self.problems = self.problems, []
        if not pending:
            return
        if not skip_invalid or any(p.fatal for p in pending):
            raise EventInputError(pending)
        self.left_out.extend(pending)

    def finish(self, skip_invalid: bool, defer: bool) -> EventLog:
        """The log as a reader hands it over: its problems settled (:meth:`settle`), or with ``defer`` left
        pending for the evaluator to settle with its own check of the values, except when nothing was
        filed or the reading stopped early (a fatal problem): then there is nothing to wait for."""
        if self.problems and (not defer or self.count == 0 or any(p.fatal for p in self.problems)):
            self.settle(skip_invalid)
        return self

    @property
    def incidents(self) -> dict[str, list[Rec]]:
        return self.groups[0]

    @property
    def outages(self) -> dict[str, list[Rec]]:
        return self.groups[1]

    @property
    def stops(self) -> dict[str, list[Rec]]:
        return self.groups[2]

    @property
    def backups(self) -> dict[str, list[Rec]]:
        return self.groups[3]

    def add(self, code: int, ident: str, epoch: float, payload: tuple[Any, ...], line: int) -> None:
        """File one event."""
        group = self.groups[FAMILY_OF[code]]
        recs = group.get(ident)
        if recs is None:
            group[ident] = [(epoch, code, payload, line)]
        else:
            recs.append((epoch, code, payload, line))
        self.count += 1

    def add_event(self, ev: BaseEvent, line: int = 0) -> None:
        """File one validated event model."""
        name = event_type(ev)
        payload = tuple(
            _epoch(v) if isinstance(v, dt.datetime) else attributes_text(v) if isinstance(v, dict) else v
            for v in (getattr(ev, f) for f in PAYLOAD.get(name, ()))
        )
        code, epoch, line = CODE[name], ev.at.timestamp(), line or (ev.line or 0)
        self.add(code, ev.id, epoch, payload, line)
        extra = ev.model_extra
        if extra:
            self.note_stray(code, ev.id, epoch, line, extra)

    def note_stray(self, code: int, ident: str, epoch: float, line: int, data: Mapping[str, Any]) -> None:
        """Note each field of the contract that ``data`` (an event filed as ``code``) gives while its type
        does not carry it (:attr:`unread`): the models' path and the readers' fast paths alike."""
        fields = STRAY_BY_CODE[code].intersection(data)
        family = FAMILY_OF[code]
        for field in sorted(fields, key=_FIELD_ORDER.__getitem__) if len(fields) > 1 else fields:
            value = data[field]
            if type(value) is str and field in _NAMES:  # the common case (a stamped priority), in short
                value = value.strip()
                if value:
                    self.unread.append(Unread(family, ident, code, epoch, line, field, value))
            elif gives_value(field, value):
                told = repeat_key if field in UNCARRIED_BY_FAMILY[family] else comparable
                self.unread.append(Unread(family, ident, code, epoch, line, field, told(field, value)))

    def where(self, line: int) -> str:
        """``file:LINE`` for a record's line (or the bare source when unknown)."""
        return located(self.source, line)


def attributes_text(attrs: Mapping[str, str]) -> str | None:
    """An event's ``attributes`` as they are stored in a ``Rec``: canonical JSON text, keys sorted
    (hashable, so that de-duplication and the content order treat it as one value); None when empty."""
    if not attrs:
        return None
    return json.dumps(dict(sorted(attrs.items())), ensure_ascii=False, separators=(",", ":"))


def _epoch(t: dt.datetime) -> float:
    return t.timestamp()
