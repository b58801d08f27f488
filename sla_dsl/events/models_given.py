"""Event models given to the API: filed as they are only when they hold what validation makes.

Design notes
------------
* pydantic's ``model_construct`` (and ``model_copy(update=...)``) makes a model
  without validating it: a naive ``at``, an ``at`` given as text, a number for
  an ``id``, no ``priority`` at all. Filed as it is, such a model was judged
  wrongly (a naive time read as UTC) or failed deep inside (an
  ``AttributeError``, a pydantic ``ValidationError`` of a report's row).
* Nothing on a model tells whether it was validated, so its values are looked
  at: :func:`unvalidated` checks each field of the contract's models for what
  validation guarantees (an aware ``datetime``, a non-empty text without blanks
  around it, a map of such texts, ``end`` after ``start``, every required field
  present, the type its class names), a few type checks a model. A model that
  passes is filed as it is (about a microsecond more a model: the API's list of
  validated models stays fast); any other, and a model of a class of the
  caller's own, is read again as a dict of the same fields, so its problems are
  those of that dict, located on its item (E105 for a naive time, E106, E102...).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from .schema import EVENT_CLASSES, BaseEvent, DeclaredEvent

__all__ = ["unvalidated"]

_Check = Callable[[dict[str, Any]], bool]


def _check(cls: type[BaseEvent], etype: str | None) -> _Check:
    """Whether the fields of a model of ``cls`` hold what validation makes (``etype``: the type its
    ``event`` field holds; None: any text without blanks around it, a declared type). One function a
    class, the fields' checks written out: this runs once for every model the API is given."""
    # (a text as the models make it: non-empty, no blanks around it; :func:`~.fast.plain`, written out)
    instants = tuple(f for f in cls.model_fields if f in ("at", "start", "end"))
    names = tuple(
        f for f, info in cls.model_fields.items() if f not in (*instants, "attributes") and info.is_required()
    )
    optional = tuple(f for f, info in cls.model_fields.items() if f != "attributes" and not info.is_required())
    attributes = "attributes" in cls.model_fields
    ordered = "end" in instants  # (``end`` after ``start``: the model's own check)

    def check(fields: dict[str, Any]) -> bool:
        try:
            if etype is not None and fields["event"] != etype:
                return False
            for f in instants:
                v = fields[f]
                if not isinstance(v, dt.datetime) or v.utcoffset() is None:
                    return False
            for f in names:
                v = fields[f]
                if type(v) is not str or not v or v[0].isspace() or v[-1].isspace():
                    return False
            for f in optional:
                v = fields[f]
                if v is not None and (type(v) is not str or not v or v[0].isspace() or v[-1].isspace()):
                    return False
            if attributes and fields["attributes"] is not None:
                v = fields["attributes"]
                if type(v) is not dict:
                    return False
                for pair in v.items():
                    for x in pair:
                        if type(x) is not str or not x or x[0].isspace() or x[-1].isspace():
                            return False
        except KeyError:  # (a required field never given)
            return False
        return not ordered or fields["end"] > fields["start"]

    return check


_CHECKS: dict[type[BaseEvent], _Check] = {cls: _check(cls, etype) for etype, cls in EVENT_CLASSES.items()}
_CHECKS[DeclaredEvent] = _check(DeclaredEvent, None)


def unvalidated(ev: BaseEvent) -> dict[str, Any] | None:
    """None when ``ev`` holds what validating its fields would make; else its fields (and extra ones)
    as a dict, to be validated as the API's dict events are."""
    check = _CHECKS.get(type(ev))
    fields = ev.__dict__
    if check is not None and check(fields):
        return None
    return {**fields, **(ev.__pydantic_extra__ or {})}
