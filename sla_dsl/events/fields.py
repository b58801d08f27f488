"""The fields of an event: the types of their values, the fields every event has, and how a value
given is told and compared.

Design notes
------------
* ``Instant``, ``Id``, ``Name`` and ``Attributes`` are the types of the
  contract's field values; ``BaseEvent`` holds the fields every event has
  (``at``, ``id``) and is the base of the model of each event type
  (:mod:`.schema`). ``KNOWN_FIELDS`` names every other field a contract type
  may carry.
* A time is ISO 8601 with a UTC offset, given as a string (or, from Python, an
  aware ``datetime``). pydantic on its own also reads numbers, and strings of
  digits, as Unix seconds or milliseconds (``"20261102"`` would be 1970-08-23):
  :func:`_iso_only` lets through only a string that starts with a calendar
  date ``YYYY-MM-DD``, so every reader (JSON Lines, CSV, the API) refuses the rest.
* Blanks around a value are not part of it, in every reader (JSON Lines, CSV,
  Parquet and Arrow, a DataFrame, the API's dicts): ``Id`` and ``Name`` trim
  them (pydantic's ``strip_whitespace``), and so do a time (:func:`_iso_only`)
  and the event type (:func:`trimmed`: :mod:`.schema` trims it before the union
  picks its model), with the same characters, :data:`BLANKS`. A hand-written or spreadsheet CSV
  (``event, at, id``) reads as the same CSV without the spaces. The readers'
  fast paths take only values without such blanks (:func:`~.fast.plain`) and
  hand the rest to the models, or trim first and take what is then plain
  (:func:`~.fast.trimmed_row`): one meaning either way. A CSV cell of blanks
  only is an empty cell, no value (:mod:`.csv_reader`).
* Events are frozen. Each remembers where it was read (``source``, ``line``) as
  private attributes, so that a later check (an unknown priority, a
  contradiction) can still name the line.
* A field given where its type does not carry it is noted by the log
  (:mod:`.compact`) with these helpers: whether it gives a value
  (:func:`gives_value`: ``null``, a blank string and ``{}`` give none), the
  value as a type that carries it stores it (:func:`comparable`,
  :func:`attributes_text`) and what tells its repeats apart
  (:func:`repeat_key`: a time as integer microseconds, whichever reader gave it).
* This module imports no other part of the schema: :mod:`.compact` and
  :mod:`.schema` build on it, and :mod:`.schema` re-exports its names.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Mapping
from typing import Annotated, Any

import orjson
from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, PrivateAttr, StringConstraints

from .keys import RepeatedKey, may_repeat, repeated_key

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NUMBER = re.compile(r"\s*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\s*")


#: The blanks trimmed from around a value: Unicode's ``White_Space`` characters, those pydantic's
#: ``strip_whitespace`` trims from an ``Id`` or a ``Name`` (a space, a tab, a line end, a no-break space,
#: the ideographic space U+3000...), so that a time and an event type are trimmed as an id is.
BLANKS = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)


def trimmed(value: Any) -> Any:
    """A text without the :data:`BLANKS` around it; any other value as it is."""
    return value.strip(BLANKS) if isinstance(value, str) else value


def _iso_only(value: Any) -> Any:
    """Let through a ``datetime`` or a string that starts ``YYYY-MM-DD`` (blanks around it trimmed, as
    around an id): never an epoch number."""
    value = trimmed(value)
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
        # (a mapping of names: a dict, or a subclass such as an ``sla test`` file's YAML mapping)
        if isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
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
    if type(value) is int:
        return value * 1_000_000
    if type(value) is float:
        micros = value * 1_000_000  # (a float near its largest value overflows to infinity here)
        return round(micros) if math.isfinite(micros) else None
    return None


def gives_attributes(value: Any) -> bool:
    """Whether an ``attributes`` value gives any (``null``, ``{}``, its JSON text, an empty map and a
    blank string give none; anything else does, well formed or not)."""
    if isinstance(value, str):
        if not value.strip(BLANKS):
            return False
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
#: Every field name of the contract: ``event``, ``at``, ``id`` and :data:`KNOWN_FIELDS`.
CONTRACT_KEYS: frozenset[str] = frozenset(("event", "at", "id", *KNOWN_FIELDS))


def meant_field(name: str) -> str | None:
    """The field of the contract a key or column ``name`` that is not one of them writes otherwise: in
    another case or with blanks around it (``Cause``, `` cause``, ``AT``); else None. The contract's names
    are lower case, so such a name beside no field of the right name is that field misspelt, never read
    (the readers refuse it: a cause or a priority left out in silence would judge the event otherwise)."""
    folded = name.strip(BLANKS).casefold()
    return folded if folded != name and folded in CONTRACT_KEYS else None


def flattened_key(name: str) -> bool:
    """Whether a key or column ``name`` is one attribute split out of ``attributes`` (``attributes.plan``,
    as ``pd.json_normalize`` names it): no field, its attribute never read."""
    return name.strip(BLANKS).casefold().startswith("attributes.")


def event_type(ev: BaseEvent) -> str:
    """The ``event`` field of an event model."""
    value: str = ev.event  # type: ignore[attr-defined]
    return value


def attributes_text(attrs: Mapping[str, str]) -> str | None:
    """An event's ``attributes`` as they are stored in a ``Rec``: canonical JSON text, keys sorted
    (hashable, so that de-duplication and the content order treat it as one value); None when empty."""
    if not attrs:
        return None
    return json.dumps(dict(sorted(attrs.items())), ensure_ascii=False, separators=(",", ":"))
