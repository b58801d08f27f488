"""The slow path of the readers: the pydantic models decide, and the errors are worded here.

Design notes
------------
* Whatever the fast path (:mod:`.fast`) does not take is validated by the
  models of :mod:`.schema`, the single definition of a valid event; each error
  pydantic reports becomes a :class:`~.problems.Problem` with a stable code
  (E101-E109) and a message in the project's style (lowercase, the user's
  value in backticks, a help line where there is something to write instead).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from ..lang.event_types import declarable
from ..lang.model import EVENT_TYPES
from .problems import Problem
from .schema import DECLARED_ADAPTER, EVENT_ADAPTER, EVENT_CLASSES, BaseEvent, DeclaredEvent, looks_numeric

_KNOWN_TYPES = ", ".join(f"`{t}`" for t in EVENT_TYPES)
_WRITE_TIME = "write the time as ISO 8601 with a UTC offset, e.g. `2026-11-02T10:00:00+09:00`"


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "an array",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def unknown_type_help(etype: str, declared: frozenset[str] = frozenset()) -> str:
    """The help line for an event type neither in the contract nor declared by the policy."""
    known = sorted(declared)
    close = difflib.get_close_matches(etype, [*EVENT_TYPES, *known], n=1)
    mean = f"did you mean `{close[0]}`?" if close else ""
    if declarable(etype):
        declare = f'a type of your own must be declared in the policy: `event {etype} "…" / "…"`'
        return f"{declare}; or {mean}" if mean else declare
    if mean:
        return mean
    mine = ", ".join(f"`{t}`" for t in known)
    return f"known types: {_KNOWN_TYPES}" + (f"; declared by the policy: {mine}" if mine else "")


def _messages(
    exc: ValidationError, data: Mapping[str, Any], declared: frozenset[str] = frozenset()
) -> list[tuple[str, str, str | None, str | None]]:
    """(code, message, help, field at fault) for each error pydantic found."""
    found: list[tuple[str, str, str | None, str | None]] = []
    etype = data.get("event")
    for err in exc.errors(include_url=False):
        kind = err["type"]
        loc = [str(p) for p in err["loc"] if not (isinstance(p, str) and "." in p)]
        field = loc[0] if loc else ""
        value = err.get("input")
        out: list[tuple[str, str, str | None]] = []
        if kind == "union_tag_not_found":
            out.append(("E102", "missing field `event`", None))
        elif kind == "union_tag_invalid":
            if not isinstance(etype, str):
                out.append(("E106", f"field `event` must be a string, found {_kind(etype)}", None))
            else:
                hint = unknown_type_help(etype, declared)
                out.append(("E103", f"unknown event type `{_short(etype)}`", hint))
        elif kind == "missing":
            # a key the type does not have may be the missing field misspelt; one it has is not
            cls = EVENT_CLASSES.get(etype) if isinstance(etype, str) else None
            own = cls.model_fields if cls is not None else DeclaredEvent.model_fields
            extras = [k for k in data if isinstance(k, str) and k not in own]
            close = difflib.get_close_matches(field, extras, n=1)
            out.append(
                (
                    "E102",
                    f"missing field `{field}` (required for `{etype}`)",
                    f"found `{close[0]}`: did you mean `{field}`?" if close else None,
                )
            )
        elif kind == "timezone_aware":
            out.append(
                (
                    "E105",
                    f"`{field}` has no UTC offset: `{_short(value)}`",
                    "write the offset, e.g. `2026-11-02T10:00:00+09:00`",
                )
            )
        elif kind.startswith("datetime") or (kind == "value_error" and field in ("at", "start", "end")):
            if isinstance(value, str) and looks_numeric(value):
                msg = f"`{field}` is a number, not an ISO 8601 time: `{_short(value)}`"
                hint = f"{_WRITE_TIME}: epoch seconds and milliseconds are not read"
            elif isinstance(value, str):
                msg, hint = f"`{field}` is not an ISO 8601 time: `{_short(value)}`", _WRITE_TIME
            else:
                msg = f"`{field}` must be an ISO 8601 time with a UTC offset, found {_kind(value)}"
                hint = f"{_WRITE_TIME}, as a string"
            out.append(("E104", msg, hint))
        elif kind == "string_type":
            out.append(("E106", f"field `{field}` must be a string, found {_kind(value)}", None))
        elif kind == "string_too_short":
            out.append(("E107", f"field `{field}` is empty", None))
        elif kind == "value_error" and "`end` is not after `start`" in err["msg"]:
            out.append(("E108", "`end` is not after `start`", None))
        else:
            msg = err["msg"][0].lower() + err["msg"][1:]
            out.append(("E109", f"field `{field}`: {msg}" if field else msg, None))
        column = "event" if kind.startswith("union_tag") else field or None
        found.extend((code, message, hint, column) for code, message, hint in out)
    return found


def validate_mapping(
    data: Any, source: str, line: int, declared: frozenset[str] = frozenset()
) -> tuple[BaseEvent | None, list[Problem]]:
    """Validate one decoded event: the model, or the problems that name ``line``.

    ``declared``: the event types the policy declares, read as :class:`~.schema.DeclaredEvent`."""
    if not isinstance(data, Mapping):
        return None, [Problem(source, line, "E101", f"expected a JSON object, found {_kind(data)}")]
    try:
        etype = data.get("event")
        if declared and isinstance(etype, str) and etype in declared:
            ev: BaseEvent = DECLARED_ADAPTER.validate_python(data)
        else:
            ev = EVENT_ADAPTER.validate_python(data)
    except ValidationError as exc:
        return None, [Problem(source, line, c, m, h, column=f) for c, m, h, f in _messages(exc, data, declared)]
    return ev.located(source, line), []
