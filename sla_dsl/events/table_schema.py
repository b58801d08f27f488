"""The columnar event schema: the columns an event table may have (as Arrow and as JSON Schema), and
what a table's columns say before any of its rows is read.

Design notes
------------
* One event per row; the columns are the JSON fields (:data:`COLUMNS`, the
  columnar schema documented in ``docs/engineers/columnar.{ja,en}.md``): ``event``, ``at``
  and ``id`` required, the payload columns as the event types need them, any
  other column kept out of the verdicts like an extra JSON key. A null cell is an
  absent field.
* Text columns are ``string`` (or ``large_string``, ``string_view``, or dictionary
  encoded); a time column is ``timestamp`` with a time zone (any unit; read to the
  microsecond) or an ISO 8601 ``string`` as in JSON Lines. A column of another type
  (a number where a time is due, a timestamp without a zone) is refused once for the
  column (E116), fatal: every row would be wrong the same way; unless its cells are
  all null, which the readers ask of such a column only (:meth:`~.arrow._Reader.schema_problems`):
  a column of no value is absent fields whatever its type, as a CSV file's column of
  empty cells is (pandas reads one as numbers, ``double``, or naive times).
* The columns come from the event models of :mod:`.schema`, never written out by
  hand. The readers of tables (:mod:`.arrow`, :mod:`.arrow_files`) ask here about a
  table's columns (E115, E116) and decide on its rows themselves.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Iterable, Mapping
from types import UnionType
from typing import Annotated, Any, NamedTuple, Union, get_args, get_origin

import pyarrow as pa
from pydantic import AwareDatetime

from ..lang.diagnostics import Words, listing, words
from .fields import flattened_key, meant_field
from .problems import Problem, problem
from .schema import BLANKS, EVENT_CLASSES, PAYLOAD

__all__ = [
    "COLUMNS",
    "ColumnSpec",
    "arrow_schema",
    "events_table",
    "flattened_attributes",
    "json_schema",
    "lacks_columns",
]


class ColumnSpec(NamedTuple):
    """One column of the columnar event schema, derived from the event models."""

    name: str
    kind: str  # "text", "time" (an instant) or "map" (text keys to text values)
    required: bool  # in every row (``event``, ``at``, ``id``); the others as the event types say
    types: tuple[tuple[str, bool], ...]  # the event types that carry it, and whether it is required there

    @property
    def time(self) -> bool:
        """Whether the column holds instants."""
        return self.kind == "time"


def _field_kind(annotation: Any) -> str:
    """``time``, ``map`` or ``text`` for a model field's annotation (``X | None`` read as ``X``)."""
    args = [a for a in get_args(annotation) if a is not type(None)]
    if get_origin(annotation) is Annotated:  # ``attributes``: a dict read through a validator
        return _field_kind(args[0])
    if get_origin(annotation) in (Union, UnionType) and args:
        return _field_kind(args[0])
    if annotation is AwareDatetime:
        return "time"
    if get_origin(annotation) is dict:
        return "map"
    return "text"


def _columns() -> tuple[ColumnSpec, ...]:
    """The columns of an event table: ``event``, ``at``, ``id``, then every payload field of the models."""
    order: dict[str, list[tuple[str, bool]]] = {}
    kinds: dict[str, str] = {}
    for name, cls in EVENT_CLASSES.items():
        for field, info in cls.model_fields.items():
            order.setdefault(field, []).append((name, info.is_required()))
            kinds.setdefault(field, _field_kind(info.annotation))
    first = ("event", "at", "id")
    return tuple(
        ColumnSpec(f, kinds[f], f in first, () if f in first else tuple(order[f]))
        for f in (*first, *(f for f in order if f not in first))
    )


#: The columns an event table may have (the JSON fields), from the models of :mod:`.schema`.
COLUMNS: tuple[ColumnSpec, ...] = _columns()
_SPEC = {c.name: c for c in COLUMNS}
#: Payload fields that may be absent (null) in a well-formed event, as the models have them.
_OPTIONAL = frozenset(
    f for name, fields in PAYLOAD.items() for f in fields if EVENT_CLASSES[name].model_fields[f].default is None
)


_ARROW_KIND: dict[str, Callable[[str], pa.DataType]] = {
    "text": lambda tz: pa.string(),
    "time": lambda tz: pa.timestamp("us", tz=tz),
    "map": lambda tz: pa.map_(pa.string(), pa.string()),
}
_JSON_KIND: dict[str, dict[str, Any]] = {
    "text": {"type": "string", "minLength": 1},
    "time": {"type": "string", "format": "date-time"},
    "map": {"type": "object", "additionalProperties": {"type": "string", "minLength": 1}},
}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one row of an event table (the same columns as :func:`arrow_schema`)."""
    props: dict[str, Any] = {}
    for c in COLUMNS:
        body = dict(_JSON_KIND[c.kind])
        if c.name == "event":
            body = {"enum": list(EVENT_CLASSES)}
        elif not c.required:
            body = {"anyOf": [body, {"type": "null"}]}
        if c.types:
            body["description"] = "; ".join(f"{t}{'' if req else ' (optional)'}" for t, req in c.types)
        props[c.name] = body
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "sla-dsl event row",
        "type": "object",
        "properties": props,
        "required": [c.name for c in COLUMNS if c.required],
        "additionalProperties": True,
    }


def arrow_schema(tz: str = "UTC") -> pa.Schema:
    """The Arrow schema of an event table as the engine writes one (times as ``timestamp[us, tz]``)."""
    return pa.schema([pa.field(c.name, _ARROW_KIND[c.kind](tz), nullable=not c.required) for c in COLUMNS])


def events_table(events: Iterable[Mapping[str, Any]], tz: str = "UTC") -> pa.Table:
    """Event mappings (as JSON Lines has them: times as ISO 8601 text) as a table of :func:`arrow_schema`.

    For writing a log as Parquet (tests, benchmarks, converting a JSON Lines log);
    a field outside the schema is left out, a time that is not ISO 8601 text with a UTC offset raises
    ValueError (as the log's reader refuses it: E105), never taken as UTC.
    """
    schema = arrow_schema(tz)
    cols: dict[str, list[Any]] = {c.name: [] for c in COLUMNS}
    for e in events:
        for c in COLUMNS:
            v = e.get(c.name)
            cols[c.name].append(_instant(c.name, v) if c.time and isinstance(v, str) else v)
    return pa.Table.from_pydict(cols, schema=schema)


def _instant(name: str, text: str) -> dt.datetime:
    at = dt.datetime.fromisoformat(text)
    if at.utcoffset() is None:
        raise ValueError(f"`{name}` has no UTC offset: `{text}`")
    return at


def _is_text(t: pa.DataType) -> bool:
    if pa.types.is_dictionary(t):
        return _is_text(t.value_type)
    return bool(pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t))


def lacks_columns(names: Iterable[str], source: str) -> Problem | None:
    """E115 when a table's columns ``names`` lack one every event needs (``event``, ``at``, ``id``), or
    name another field with blanks around it (`` cause``, as pyarrow reads a header ``event,at,id, cause``)
    or in another case (``Cause``, :func:`~.fields.meant_field`) and not by its own name: such a column
    would be left out as a field of no event, its values unread (the CSV file's header, trimmed, reads
    `` cause``)."""
    have = set(names)
    missing = [c for c in ("event", "at", "id") if c not in have]
    misnamed = {meant_field(h) for h in have}
    missing += [c for c in _SPEC if c in misnamed and c not in have and c not in missing]
    if not missing:
        flat = flattened_attributes(have)
        if flat:
            said = words("events.E115.flattened", columns=listing([f"`{c}`" for c in flat], ", "))
            return problem(
                source, 0, "E115", said, words("events.flattened.help", example='`{"plan": "premium"}`'), fatal=True
            )
        return None
    said = words("events.E115.lacks", columns=listing([f"`{c}`" for c in missing], ", "))
    return problem(source, 0, "E115", said, _lacks_help(have, missing), fatal=True)


def flattened_attributes(names: Iterable[str]) -> list[str]:
    """The columns of ``names`` that each hold one attribute, flattened out of ``attributes``
    (``attributes.plan``, as ``pd.json_normalize`` names them), sorted: no field, which would leave the
    attributes unread in silence (a premium customer's incident judged as a standard one's)."""
    return sorted(n for n in names if flattened_key(n))


def _lacks_help(have: set[str], missing: list[str]) -> Words:
    """What to write for a table that lacks columns, as a CSV header's E110 says: the names in lower case
    when it has them in another case (``Event``, ``ID``), without the blanks around them (`` at``);
    else the name it has nearest each one (``did you mean``)."""
    near = {c: [h for h in sorted(have) if h.strip(BLANKS).casefold() == c] for c in missing}
    if all(near.values()):
        found = [near[c][0] for c in missing]
        names = listing([f"`{c}`" for c in missing], ", ")
        key = "events.E110.case.help" if all(f == f.strip(BLANKS) for f in found) else "events.E115.blanks.help"
        return words(key, found=listing([f"`{f}`" for f in found], ", "), names=names)
    for c in missing:
        close = difflib.get_close_matches(c, [h for h in have if h not in _SPEC], n=1)
        if close:
            return words("events.E115.mean.help", name=close[0], column=c)
    return words("events.E115.lacks.help")


#: The libraries whose remedies E116's help names (the table given was theirs); any other: said in words.
REMEDY_LIBRARIES = frozenset({"pandas", "polars", "pyarrow"})


def _type_problem(name: str, t: pa.DataType, library: str | None = None) -> tuple[Words, Words] | None:
    """Why a column of type ``t`` cannot hold field ``name`` (message, help), or None; the help names the
    remedy of ``library``, the one whose table was given (pandas, polars, pyarrow), else says it in words."""
    spec = _SPEC.get(name)
    if pa.types.is_dictionary(t) and pa.types.is_timestamp(t.value_type):
        t = t.value_type  # (its times decoded as a dictionary of texts is: :func:`~.arrow._decoded_times`)
    if spec is None or pa.types.is_null(t) or _is_text(t):
        return None
    if spec.kind == "map":
        return None  # a map, a struct or anything else: the models decide, row by row
    if spec.time and pa.types.is_timestamp(t):
        if t.tz is None:
            return (
                words("events.E116.naive", name=name, type=str(t)),
                words("events.E116.naive.help", example="`timestamp[us, tz=UTC]`"),
            )
        return None
    want = words("events.want.time" if spec.time else "events.want.text")
    lib = library if library in REMEDY_LIBRARIES else "other"
    if spec.time and (pa.types.is_integer(t) or pa.types.is_floating(t)):  # epoch seconds or milliseconds
        how = words(f"events.E116.epoch.how.{lib}", name=name)
        return words("events.E116.type", name=name, type=str(t), want=want), words(
            "events.E116.epoch.help", name=name, want=want, how=how
        )
    if pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_decimal(t):  # ids of a CSV read by pandas
        example = f'`pd.read_csv(path, dtype={{"{name}": str}})`'
        how = words(f"events.E116.number.how.{lib}", name=name, example=example)
        return words("events.E116.type", name=name, type=str(t), want=want), words(
            "events.E116.number.help", name=name, want=want, how=how
        )
    return words("events.E116.type", name=name, type=str(t), want=want), words(
        "events.E116.type.help", name=name, want=want
    )
