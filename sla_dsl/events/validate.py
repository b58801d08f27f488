"""The slow path of the readers: the pydantic models decide, and the errors are worded here.

Design notes
------------
* Whatever the fast path (:mod:`.fast`) does not take is validated by the
  models of :mod:`.schema`, the single definition of a valid event; each error
  pydantic reports becomes a :class:`~.problems.Problem` with a stable code
  (E101-E109) and a message in the project's style (lowercase, the user's
  value in backticks, a help line where there is something to write instead).
  The event type is looked up as the models read it, without the blanks
  around it (:func:`~.fields.trimmed`). pydantic stops at the type of an event
  of no type it knows (no ``event``, an unknown one): its ``at`` and ``id``,
  which every event has, are checked on their own (:func:`_base_messages`), so
  the line gets every problem at once.
* A line whose form has problems may still give values the policy must know
  (``at`` without an offset and priority ``P9``: E105 and E120). The readers
  file its problems and set aside the event with each field at fault stood in
  for (:func:`file_refused`, :func:`values_only`): the evaluator's check of the
  values tells that line's unknown ones with its problems of form, in one run,
  as it tells two unknown values of one line (``EventLog.aside``). Only a line
  already refused pays for it: a good line never comes here.
* E105's help (a time without an offset) writes the line's own time with the
  offset it has in the policy's zone when the reader knows it (the ``declared``
  set of :func:`~sla_dsl.policy.declared_types` carries it:
  :class:`~sla_dsl.lang.plain.Declared`), as ``--from`` is told
  (:func:`~sla_dsl.calendars.timeargs.no_offset`); a reader given no policy
  keeps :data:`TIME_EXAMPLE`. Worked out only for a refused line
  (:func:`offset_help`): no reader's path for good lines changes.
"""

from __future__ import annotations

import datetime as dt
import decimal
import difflib
import json
import math
import re
from collections.abc import Mapping
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..calendars.timeargs import offset_advice, slip
from ..lang.diagnostics import Both, Code, Words, listing, words
from ..lang.model import EVENT_TYPES
from ..lang.plain import declarable
from .keys import RepeatedKey
from .problems import Problem, problem
from .schema import (
    BLANKS,
    DECLARED_ADAPTER,
    EVENT_ADAPTER,
    EVENT_CLASSES,
    BaseEvent,
    DeclaredEvent,
    EventLog,
    looks_numeric,
    trimmed,
)

_KNOWN_TYPES = listing([f"`{t}`" for t in EVENT_TYPES], ", ")
#: The example every "write the time" help gives (E105's when the policy's zone is not known: :func:`offset_help`).
TIME_EXAMPLE = "`2026-11-02T10:00:00+09:00`"


def _short(value: Any) -> str:
    """A value as a message quotes it: text as it is, a Python time (a cell of a DataFrame or a dict
    of the API) in ISO 8601, anything else as JSON (else its ``str``)."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, (dt.date, dt.time)):
        text = value.isoformat()
    else:
        text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


#: JSON's kinds of value by the Python types that hold them (bool before int: a bool is an int).
_KINDS: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (bool, "bool"),
    ((int, float), "number"),
    (str, "string"),
    (list, "array"),
    (Mapping, "object"),
)


#: The kinds of value a Parquet or Arrow cell holds besides JSON's (checked after JSON's).
_CELL_KINDS: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (dt.datetime, "time"),  # (before date: a datetime is a date)
    (dt.date, "date"),
    (dt.time, "time_of_day"),
    (decimal.Decimal, "number"),
    ((bytes, bytearray, memoryview), "bytes"),
    (dt.timedelta, "duration"),
)


#: The types of pandas' and NumPy's missing values besides a float NaN, by name (pandas is not imported).
_MISSING_TYPES = frozenset({"NaTType", "NAType"})
_NUMPY_TIMES = frozenset({"datetime64", "timedelta64"})


def no_value(value: Any) -> bool:
    """Whether ``value`` is a missing value of pandas or NumPy, no value as ``None`` is: a float NaN (a
    float not equal to itself: a DataFrame's empty cell in ``to_dict("records")``), pandas' ``NaT`` and
    ``NA``, NumPy's ``NaT``. A DataFrame reads them as null cells; the API's dicts read them alike.
    Told without importing pandas or NumPy."""
    if isinstance(value, float):
        return value != value
    name = type(value).__name__
    if name in _MISSING_TYPES:
        return True
    return name in _NUMPY_TIMES and bool(value != value)


def blank_row(data: Mapping[str, Any]) -> bool:
    """Whether a row of a table (its cells by column) or a dict of the API is a blank row: each of its
    values is no value (None, a missing value of pandas or NumPy: :func:`no_value`, text of blanks
    only), as a CSV row of empty cells (a spreadsheet's ``,,,``) is a blank line: no event, no problem."""
    return all(map(empty_cell, data.values()))


def empty_cell(value: Any) -> bool:
    """Whether a cell of a table (or a value of a dict of the API) is empty: None, a missing value of
    pandas or NumPy (:func:`no_value`), or text of blanks only, as a CSV file's empty cell."""
    return value is None or (not value.strip(BLANKS) if isinstance(value, str) else no_value(value))


def no_values_as_none(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """``data`` with each missing value of pandas or NumPy (:func:`no_value`) given as ``None``: an
    optional field absent, a required one missing (E102), as a DataFrame's null cell; ``data`` itself
    when it holds none."""
    for v in data.values():
        if type(v) is not str and no_value(v):  # (text first: most values are)
            return {k: None if no_value(x) else x for k, x in data.items()}
    return data


def kind_of(value: Any) -> Words:
    """What a value is, as a phrase of the catalogue (``a number`` / ``数値``): JSON's kinds, those of a
    Parquet or Arrow cell (a time, bytes), or a value of another Python type, named in code. A missing
    value of pandas or NumPy (a NaN, ``NaT``: :func:`no_value`) is no value, as ``None``."""
    if value is None or no_value(value):
        return words("events.kind.null")
    kind = next((name for types, name in (*_KINDS, *_CELL_KINDS) if isinstance(value, types)), None)
    return (
        words(f"events.kind.{kind}")
        if kind is not None
        else words("events.kind.other", name=Code(type(value).__name__))
    )


def unknown_type_help(etype: str, declared: frozenset[str] = frozenset()) -> Words:
    """The help line for an event type neither in the contract nor declared by the policy."""
    from ..lang.values import near_event  # (only for a log with a bad line: the policy's readers)

    known = sorted(declared)
    if declarable(etype):  # a type of the policy's own, or a typo of a known one: the one `sla check` names
        near = near_event(etype, [*EVENT_TYPES, *known])
        close = [near] if near is not None else []
    else:
        close = difflib.get_close_matches(etype, [*EVENT_TYPES, *known], n=1)
    mean = words("diag.help.did_you_mean", name=close[0]) if close else None
    if declarable(etype):
        declare = words("events.E103.help.declare", name=etype)
        return words("events.E103.help.declare_or", declare=declare, mean=mean) if mean else declare
    if mean:
        return mean
    if known:
        return words(
            "events.E103.help.known_declared", known=_KNOWN_TYPES, mine=listing([f"`{t}`" for t in known], ", ")
        )
    return words("events.E103.help.known", known=_KNOWN_TYPES)


def unknown_type(source: str, line: int, etype: str, declared: frozenset[str] = frozenset()) -> Problem:
    """E103: an event of a type neither in the contract nor declared by the policy."""
    hint = unknown_type_help(etype, declared)
    return problem(source, line, "E103", words("events.E103", name=etype), hint, column="event")


def offset_help(value: Any, zone: dt.tzinfo | None) -> Words:
    """The help of E105, a time ``value`` (text, or a Python time) without an offset: with ``zone`` (the
    policy's, as :class:`~sla_dsl.lang.plain.Declared` carries it), the value itself with the offset
    it has there, as :func:`~sla_dsl.calendars.timeargs.no_offset` says it of a time on the command line; a
    time that zone's clock shows twice (the hour it goes back) with both offsets, one it skips (the hour it
    goes forward) said to be skipped; a date alone with ``HH:MM`` for its time. Without a zone, a value not
    read as a time, or a date alone of a day the zone changes its offset, the fixed example. Asked only of
    a refused line."""
    wall = _naive_time(value) if zone is not None else None
    if zone is None or wall is None:
        return words("events.E105.help", example=TIME_EXAMPLE)
    from ..i18n.places import zone_name  # (Babel's names: only for a refused line)

    key = getattr(zone, "key", None) or str(zone)
    place = Both(zone_name(key, "ja"), zone_name(key, "en"))
    kind, args = offset_advice(wall, zone)
    if kind == "zone" and isinstance(value, str) and len(value.strip(BLANKS)) <= 10:  # (a date alone)
        midnight = dt.datetime.combine(wall.date() + dt.timedelta(days=1), dt.time(), zone)
        if midnight.utcoffset() != dt.datetime.fromisoformat(args["example"]).utcoffset():
            return words("events.E105.help", example=TIME_EXAMPLE)  # (a day the offset changes: it depends)
        args["example"] = f"{args['example'][:10]}THH:MM{args['example'][19:]}"
    quoted: dict[str, str | Both] = {k: f"`{v}`" if k in ("example", "first", "second") else v for k, v in args.items()}
    if kind != "zone":
        quoted["zone"] = place
    elif isinstance(value, str) and _GLIDE.fullmatch(value.strip(BLANKS)):  # (ServiceNow's stored UTC form)
        quoted["utc"] = f"`{value.strip(BLANKS).replace(' ', 'T')}Z`"
        return words("events.E105.help.zone_glide", **quoted)
    return words(f"events.E105.help.{kind}", **quoted)


#: The form ServiceNow's table API writes its stored times in, in UTC (``2026-11-02 01:15:00``): E105's help
#: gives the UTC reading beside the policy's offset, since the form alone does not say which it is.
_GLIDE = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")


def _naive_time(value: Any) -> dt.datetime | None:
    """``value`` as the wall time it says (ISO 8601 text, a Python time without an offset), else None."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip(BLANKS))
        except ValueError:
            return None
    if not isinstance(value, dt.datetime) or value.tzinfo is not None:
        return None
    return value


#: The fields every event has besides ``event`` (``at``, ``id``), read as every event type reads them.
_BASE_ADAPTER: TypeAdapter[BaseEvent] = TypeAdapter(BaseEvent)
_BASE_FIELDS = frozenset(BaseEvent.model_fields)
#: pydantic's errors of an event of no type it knows (no ``event``, or one of no type): the union stops there.
_TAG_ERRORS = frozenset({"union_tag_not_found", "union_tag_invalid"})


def _messages(
    exc: ValidationError, data: Mapping[str, Any], declared: frozenset[str] = frozenset(), *, base: bool = False
) -> list[tuple[str, Words, Words | None, str | None]]:
    """(code, message, help, field at fault) for each error pydantic found. An event of no type it knows
    (no ``event``, an unknown one: pydantic stops at the type) gets the problems of the fields every
    event has too (``at``, ``id``: ``base``, :func:`_base_messages`), every problem of the line at once."""
    found: list[tuple[str, Words, Words | None, str | None]] = []
    etype = trimmed(data.get("event"))  # (as the models read it)
    errors = exc.errors(include_url=False)
    for err in errors:
        kind = err["type"]
        loc = [str(p) for p in err["loc"] if not (isinstance(p, str) and "." in p)]
        field = loc[0] if loc else ""
        value = err.get("input")
        out: list[tuple[str, Words, Words | None]] = []
        if kind == "union_tag_not_found" or (kind == "union_tag_invalid" and etype is None):
            out.append(("E102", words("events.E102.event"), None))  # (`null` is no value: absent, as a null cell)
        elif len(loc) == 1 and kind != "missing" and field in data and data[field] is None:
            # a field given `null`: no value, a missing field, as a table's null cell is (E102, not E106)
            out.append(("E102", _missing(field, etype, base), None))
        elif kind == "union_tag_invalid":
            if not isinstance(etype, str):
                out.append(("E106", words("events.E106", field="event", kind=kind_of(etype)), None))
            elif not etype:  # (blanks only: an empty name, as an empty or blank id is, E107)
                out.append(("E107", words("events.E107", field="event"), None))
            else:
                hint = unknown_type_help(etype, declared)
                out.append(("E103", words("events.E103", name=_short(etype)), hint))
        elif kind == "missing":
            # a key the type does not have may be the missing field misspelt; one it has is not
            cls = EVENT_CLASSES.get(etype) if isinstance(etype, str) else None
            own = cls.model_fields if cls is not None else DeclaredEvent.model_fields
            extras = [k for k in data if isinstance(k, str) and k not in own]
            close = difflib.get_close_matches(field, extras, n=1)
            out.append(
                (
                    "E102",
                    _missing(field, etype, base),
                    words("events.E102.help.close", found=close[0], field=field) if close else None,
                )
            )
        elif kind == "timezone_aware":
            hint = offset_help(value, getattr(declared, "zone", None))
            out.append(("E105", words("events.E105", field=field, value=_short(value)), hint))
        elif kind.startswith("datetime") or (kind == "value_error" and field in ("at", "start", "end")):
            if isinstance(value, str) and looks_numeric(value):
                msg = words("events.E104.number", field=field, value=_short(value))
                hint = words("events.E104.help.epoch", example=TIME_EXAMPLE)
            elif isinstance(value, str):
                msg = words("events.E104.text", field=field, value=_short(value))
                hint = words("events.E104.help", example=TIME_EXAMPLE)
                slipped = slip(value)  # a day its month lacks (`2027-02-29`), or 24:00: said so, 24:00 written again
                if slipped is not None:
                    kind_of_slip, args = slipped
                    msg = words(f"events.E104.{kind_of_slip}", field=field, value=_short(value), **args)
                    if kind_of_slip == "hour_24":
                        hint = words("events.E104.hour_24.help", **args)
            else:
                msg = words("events.E104.kind", field=field, kind=kind_of(value))
                # a number is most often epoch seconds or milliseconds (pandas writes its times so)
                number = isinstance(value, int | float) and not isinstance(value, bool)
                hint = words("events.E104.help.number" if number else "events.E104.help.string", example=TIME_EXAMPLE)
            out.append(("E104", msg, hint))
        elif kind == "string_type":
            number = field == "id" and isinstance(value, int | float) and not isinstance(value, bool) and len(loc) == 1
            given = _as_string_help(field, value) if number else None
            out.append(("E106", words("events.E106", field=field, kind=kind_of(value)), given))
        elif kind == "string_too_short":
            out.append(("E107", words("events.E107", field=field), None))
        elif kind == "value_error" and "`end` is not after `start`" in err["msg"]:
            out.append(("E108", words("events.E108"), None))
            field = "end"  # (the model's check of both names neither: a table names the one said to be wrong)
        elif kind == "value_error" and isinstance(err.get("ctx", {}).get("error"), RepeatedKey):
            key = err["ctx"]["error"].key
            out.append(
                ("E109", words("events.E109.repeated", field=field, key=key), words("events.E109.repeated.help"))
            )
        elif field == "attributes" and kind in ("value_error", "dict_type"):
            out.append(("E109", words("events.E109.object", field=field, example='`{"plan": "premium"}`'), None))
        elif kind == "string_unicode":  # bytes (a Parquet binary cell) that are not UTF-8
            out.append(("E106", words("events.E106.unicode", field=field), None))
        else:  # pydantic's own words, quoted
            detail = Code(err["msg"][0].lower() + err["msg"][1:])
            said = (
                words("events.E109.field", field=field, detail=detail) if field else words("events.E109", detail=detail)
            )
            out.append(("E109", said, None))
        if field == "attributes" and len(loc) > 1 and kind in ("string_type", "string_too_short"):
            out = [_inside_attributes(kind, loc, value)]  # (`attributes` itself is a map, not a string)
        column = "event" if kind.startswith("union_tag") else field or None
        found.extend((code, message, hint, column) for code, message, hint in out)
    if not base and any(err["type"] in _TAG_ERRORS for err in errors):
        found.extend(_base_messages(data, declared))
    return found


def _base_messages(
    data: Mapping[str, Any], declared: frozenset[str]
) -> list[tuple[str, Words, Words | None, str | None]]:
    """The problems of the fields every event has (``at``, ``id``) of an event of no type the models know,
    worded as any event's (a missing one: required for every event)."""
    try:
        _BASE_ADAPTER.validate_python(data)
    except ValidationError as exc:
        return [m for m in _messages(exc, data, declared, base=True) if m[3] in _BASE_FIELDS]
    return []


def _missing(field: str, etype: Any, base: bool) -> Words:
    """E102's words for ``field`` missing: required for the event's type ``etype``, or for every event
    (``base``: an event of no type the models know, :func:`_base_messages`; or a field every event has,
    ``event``, ``at``, ``id``, whatever its type)."""
    if base or field in _BASE_FIELDS:
        return words("events.E102.base", field=field)
    return words("events.E102.field", field=field, event=str(etype))


def _as_string_help(field: str, value: int | float) -> Words:
    """E106's help for a number given where text is due (an ``id``): the value written as a string, as the
    line wrote it (:func:`_digits`), else without an example."""
    digits = _digits(value)
    if digits is None:
        return words("events.E106.number.help.digits")
    return words("events.E106.number.help", example=f'`"{field}": "{digits}"`')


def _digits(value: int | float) -> str | None:
    """A number as a line writes it: an int as its digits; a float that is a whole number as an integer
    (pandas' ``10234.0``: a column of ids with an empty cell is read as floats), another as Python
    writes it; None when the digits are not known: a float from 2**53 on (its last digits lost; the JSON
    Lines reader gives an integer too long for 64 bits, which orjson reads as a float, as the line wrote it:
    :func:`~.reader.exact_id`) or not finite."""
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value) or abs(value) >= 2**53:
        return None
    return str(int(value)) if value.is_integer() else repr(value)


def _inside_attributes(kind: str, loc: list[str], value: Any) -> tuple[str, Words, None]:
    """E106 or E107 of a name or a value inside ``attributes`` (``loc``: where pydantic found it)."""
    name = loc[-1] == "[key]"
    if kind == "string_type":
        said = (
            words("events.E106.attribute_name", kind=kind_of(value))
            if name
            else words("events.E106.attribute_value", name=loc[1], kind=kind_of(value))
        )
        return "E106", said, None
    return (
        "E107",
        words("events.E107.attribute_name") if name else words("events.E107.attribute_value", name=loc[1]),
        None,
    )


#: Help of a line of a JSON array (E101; E100 for ``[`` alone), or of an object written over several lines.
ARRAY_HELP = words("events.E100.array.help", example="`jq -c '.[]' events.json > events.jsonl`")


def validate_mapping(
    data: Any, source: str, line: int, declared: frozenset[str] = frozenset()
) -> tuple[BaseEvent | None, list[Problem]]:
    """Validate one decoded event: the model, or the problems that name ``line``.

    ``declared``: the event types the policy declares, read as :class:`~.schema.DeclaredEvent`."""
    if not isinstance(data, Mapping):
        hint = ARRAY_HELP if isinstance(data, list) else None
        return None, [problem(source, line, "E101", words("events.E101", kind=kind_of(data)), hint)]
    try:
        etype = trimmed(data.get("event"))
        if declared and isinstance(etype, str) and etype in declared:
            ev: BaseEvent = DECLARED_ADAPTER.validate_python(data)
        else:
            ev = EVENT_ADAPTER.validate_python(data)
    except ValidationError as exc:
        return None, [problem(source, line, c, m, h, column=f) for c, m, h, f in _messages(exc, data, declared)]
    return ev.located(source, line), []


#: What stands in for a time at fault in :func:`values_only` (one in the supported years, ``end`` after ``start``).
_TIMES_STANDING_IN = {
    "at": "2026-01-01T00:00:00+00:00",
    "start": "2026-01-01T00:00:00+00:00",
    "end": "2026-01-02T00:00:00+00:00",
}


def values_only(
    data: Any, found: list[Problem], source: str, line: int, declared: frozenset[str] = frozenset()
) -> BaseEvent | None:
    """The event ``data``, whose form has problems ``found``, with each field at fault stood in for (a time by
    one of :data:`_TIMES_STANDING_IN`, an ``id`` by a text, any other left out), so that the evaluator's check
    of the values the policy must know (a priority, a cause, an attribute) tells them of this line too, with
    its problems of form (``at`` without an offset and priority ``P9``: E105 and E120 at once), as it tells
    two unknown values of one line at once. None when it cannot be (an event of no type, a problem of no
    field, or one still not valid: a required field at fault). It is never judged: the problems of its form
    refuse the line whatever its values."""
    if not isinstance(data, Mapping) or not found or any(p.column in (None, "event") for p in found):
        return None
    standing_in = dict(data)
    for p in found:
        column = str(p.column)
        if column in _TIMES_STANDING_IN:
            standing_in[column] = _TIMES_STANDING_IN[column]
        elif column == "id":
            standing_in[column] = "?"
        else:
            standing_in.pop(column, None)
    ev, again = validate_mapping(standing_in, source, line, declared)
    return ev if not again else None


def file_refused(
    log: EventLog, data: Any, found: list[Problem], line: int, declared: frozenset[str] = frozenset()
) -> None:
    """File the problems ``found`` of the event ``data`` at ``line`` (its form) in ``log``, and set aside
    the event with each field at fault stood in for (:func:`values_only`), when its values can be read:
    the evaluator checks them with the log's (``EventLog.aside``)."""
    log.problems.extend(found)
    ev = values_only(data, found, log.source, line, declared)
    if ev is not None:
        log.set_aside(ev, line, data)
