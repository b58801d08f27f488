"""The compact log the evaluator works on: a code per event type, the payload of each, ``Rec``
tuples and :class:`EventLog`.

Design notes
------------
* The section comments below say why a log keeps ``Rec`` tuples
  ``(epoch, code, payload, line)`` rather than a pydantic model per event, and
  how a type a policy declares gets its code.
* Codes are only ever added: the contract's types first (``TYPES``, ``CODE``),
  then each type a policy loaded in this process declares
  (:func:`declare_types`; its model is ``DeclaredEvent`` in :mod:`.schema`).
  A code says nothing about order: events at one instant are read in the order
  of :data:`RANK` (the contract's types in their fixed order, then the declared
  types by name), which depends on no process's history.
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
  and value, so the note keeps what tells one value from another (:func:`~.fields.repeat_key`: a time as
  integer microseconds, whichever reader gave it). ``null``, a blank string and
  ``{}`` give none (:func:`~.fields.gives_value`).
* This module builds on :mod:`.fields` and never imports :mod:`.schema`, which
  re-exports its names (``from .schema import EventLog`` keeps working).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple

from ..calendars.bounds import MAX_EPOCH, MIN_EPOCH
from ..lang.model import EVENT_TYPES
from ..lang.plain import declarable
from .fields import BLANKS, KNOWN_FIELDS, BaseEvent, attributes_text, comparable, event_type, gives_value, repeat_key
from .problems import EventInputError, Noted, Problem, RowSource, Source, by_line, located

# -- the compact form the evaluator works on -------------------------------------
#
# A log of a million events must fit in memory and be judged in seconds, so the
# evaluator does not keep a pydantic model per event. Each event becomes a
# ``Rec`` tuple ``(epoch, code, payload, line)`` filed under its family and id:
# ``epoch`` is POSIX seconds (float, keeps microseconds), ``code`` the index of
# its type in ``TYPES`` (events at one instant are ordered by ``RANK[code]``, not
# by code: a report before a response, a declared type after every contract type
# and in name order among themselves), ``payload`` the contract fields of its type in
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
#: Per code, the place of its type in the one order of event types at one instant: the contract's types in
#: their fixed order (their codes), then the declared types by name (code points). It depends only on the
#: names, never on which types this process gave codes first (one policy evaluated after another, a Dask or
#: Spark worker that reads its policies afresh, ``sla serve`` adding a version), so two types compare the same
#: everywhere. :func:`declare_types` renumbers it in place when it adds a type: a sort reads one copy of it
#: (``RANK[:]``), never old places for some codes and new ones for others.
RANK: list[int] = list(range(BUILTIN_COUNT))
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
# this process, so codes differ between processes and with what was loaded
# before; its place among the types at one instant does not (:data:`RANK`:
# after every contract type, then by name).


def declare_types(names: Iterable[str]) -> frozenset[str]:
    """Give each declared type a code (once per process) and its place in :data:`RANK`; returns the set
    (``names`` itself when it is one: a :class:`~sla_dsl.lang.plain.Declared` keeps its zone).

    Raises ValueError for a name a policy cannot declare (the policy checker refuses those first).
    """
    wanted = names if isinstance(names, frozenset) else frozenset(names)
    if not wanted - CODE.keys():
        return wanted
    with _DECLARING:  # (two threads giving codes at once would give one code to two types)
        _declare(sorted(wanted - CODE.keys()))
    return wanted


#: Held while codes are given: a code is the length of :data:`TYPES` when its type is added.
_DECLARING = threading.Lock()


def _declare(new: list[str]) -> None:
    """:func:`declare_types` for the types ``new`` that have no code yet (under :data:`_DECLARING`)."""
    for name in new:
        if not declarable(name):
            raise ValueError(f"`{name}` cannot be a declared event type")
    codes = {}
    for name in new:
        codes[name] = len(TYPES)
        TYPES.append(name)
        FAMILY_OF.append(FAMILIES.index(name.split(".")[0]))
        PAYLOAD_BY_CODE.append(())
        STRAY_BY_CODE.append(frozenset(KNOWN_FIELDS))
    # every declared type's place by name (one slice assignment: a copy holds the old places or the new,
    # which order the types it knows alike), then the codes, last: a code read is in any copy taken after
    place = {name: k for k, name in enumerate(sorted(TYPES[BUILTIN_COUNT:]), BUILTIN_COUNT)}
    RANK[:] = [*range(BUILTIN_COUNT), *(place[name] for name in TYPES[BUILTIN_COUNT:])]
    CODE.update(codes)


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
        #: Where the cells of the events can be read again when the source cannot say (:meth:`written`): a
        #: partition's table on a Dask or Spark worker, whose source came from the client without its own.
        #: Not the source's: a partial result keeps its source, and must not keep the partition's table.
        self.cells: Callable[[int, str], str | None] | None = None
        #: The events of the lines whose form has problems, each field at fault stood in for
        #: (:func:`~.validate.values_only`), set aside (:meth:`set_aside`): never judged, only checked for
        #: the values the policies must know, so that such a line's unknown priority is told with its
        #: problems of form (:func:`sla_dsl.evaluation.check_log`). None while there is none.
        self.aside: EventLog | None = None

    def __getstate__(self) -> dict[str, Any]:
        """The log pickled with the names of the declared types its codes stand for: codes are given per
        process (:func:`declare_types`), so another process may know a type by another code, or not yet."""
        state = dict(self.__dict__)
        state["declared"] = tuple(TYPES[BUILTIN_COUNT:])
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        """A pickled log read back: its declared types given codes here, and its events filed under them."""
        declared: tuple[str, ...] = state.pop("declared", ())
        self.__dict__.update(state)
        if not declared:
            return
        declare_types(declared)
        moved = {code: CODE[name] for code, name in enumerate(declared, BUILTIN_COUNT) if CODE[name] != code}
        if not moved:
            return
        for group in self.groups:
            for recs in group.values():
                recs[:] = [r if r[1] not in moved else (r[0], moved[r[1]], r[2], r[3]) for r in recs]
        self.unread = [u._replace(code=moved[u.code]) if u.code in moved else u for u in self.unread]

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
        filed (nor set aside) or the reading stopped early (a fatal problem): then there is nothing to wait for."""
        nothing = self.count == 0 and self.aside is None
        if self.problems and (not defer or nothing or any(p.fatal for p in self.problems)):
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

    def keep(self, group: dict[str, list[Rec]], ident: str, kept: list[Rec]) -> None:
        """Leave ``kept`` as the records of ``ident`` in ``group`` (one of :attr:`groups`), the id gone when
        none is left, and count the records a check of the log took out (their problems are filed)."""
        self.count -= len(group[ident]) - len(kept)
        if kept:
            group[ident] = kept
        else:
            del group[ident]

    def add_event(self, ev: BaseEvent, line: int = 0, given: Mapping[str, Any] | None = None) -> None:
        """File one validated event model (``given``: the mapping it was validated from, whose times
        outside the supported years are noted as it gives them, :meth:`note_written`)."""
        name = event_type(ev)
        fields = PAYLOAD.get(name, ())
        payload = tuple(
            _epoch(v) if isinstance(v, dt.datetime) else attributes_text(v) if isinstance(v, dict) else v
            for v in (getattr(ev, f) for f in fields)
        )
        code, epoch, line = CODE[name], ev.at.timestamp(), line or (ev.line or 0)
        self.add(code, ev.id, epoch, payload, line)
        for field, t in zip(("at", *fields), (epoch, *payload), strict=True):
            if field in _TIMES and isinstance(t, float) and not MIN_EPOCH <= t <= MAX_EPOCH:
                said = _as_given(given.get(field) if given is not None else getattr(ev, field))
                if said is not None:
                    self.note_written(line, field, said)
        extra = ev.model_extra
        if extra:
            self.note_stray(code, ev.id, epoch, line, extra)

    def set_aside(self, ev: BaseEvent, line: int, given: Mapping[str, Any] | None = None) -> None:
        """Set aside the event ``ev`` standing in for the line ``line`` whose form has problems (filed in
        :attr:`problems`): not filed, never judged, only checked for the values the policies must know
        (:attr:`aside`; ``given``: as for :meth:`add_event`)."""
        aside = self.aside
        if aside is None:
            aside = self.aside = EventLog(self.source)
        aside.add_event(ev, line, given)

    def note_written(self, line: int, field: str, text: str) -> None:
        """Note the time ``field`` of the event at ``line``, which lies outside the supported years, as the
        log gives it (E123 quotes it so, :meth:`written`): only such times are noted, as a text log's lines
        are read (in :attr:`source`, a :class:`~.problems.Source` from the first on, so that a copy of the
        log keeps them). A table's source reads its cells again instead (:class:`~.problems.RowSource`)."""
        source = self.source
        noted = getattr(source, "written", None)
        if not isinstance(noted, Noted):
            if isinstance(source, RowSource) or noted is not None or not line:
                return
            self.source = source = Source(source)
            noted = source.written = Noted()
        noted[(line, field)] = text

    def read_again(self, cells: Callable[[int, str], str | None]) -> None:
        """Read any other cell of a text log's file again when asked (:meth:`written`; ``cells``:
        :func:`~.read_again.cells_again`): the times inside the supported years are not noted, and a
        deadline counted from one may fall outside them (E124 quotes it as its line gives it)."""
        source = self.source
        noted = getattr(source, "written", None)
        if not isinstance(noted, Noted):
            if isinstance(source, RowSource) or noted is not None:
                return
            self.source = source = Source(source)
            noted = source.written = Noted()
        noted.again = cells

    def written(self, line: int, field: str) -> str | None:
        """The time ``field`` (``at``, ``start``, ``end``) of the event at ``line`` as the log gives it, not
        as the instant it is in UTC, when known: a table's cell read again (:attr:`cells`, else the
        source's), a text log's line as noted while it was read (:meth:`note_written`)."""
        cells = self.cells or getattr(self.source, "written", None)
        return cells(line, field) if cells is not None and line else None

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


def _epoch(t: dt.datetime) -> float:
    return t.timestamp()


#: The fields of an event that are times.
_TIMES = frozenset({"at", "start", "end"})


def _as_given(value: Any) -> str | None:
    """A time as an event gives it, in text: a text without the blanks around it (as the models read
    it), a Python time with an offset other than UTC's in ISO 8601 (the API's); None for any other."""
    if isinstance(value, str):
        return value.strip(BLANKS)
    if isinstance(value, dt.datetime) and value.utcoffset() not in (None, dt.timedelta(0)):
        return value.isoformat()
    return None
