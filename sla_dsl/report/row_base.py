"""The base of the report's row models, and the explanation step every verdict carries.

Design notes
------------
* Every model of the report is a ``_Row``: a pydantic model with
  ``extra="forbid"`` (an unknown key is an error) and ``defer_build=True`` (its
  validator is built when first used, not at import).
* ``Step`` is one step of a verdict's ``explain``: what happened or was
  derived, in the engine's English, when, and under which article. Every row
  that explains itself (incidents, targets, outages, stops, availability,
  credits, retention) holds a list of them.
* Fields marked ``exclude=True`` (a stop's ``notices``, a violation's
  ``target``...) are the data the documents' words are built from: never in
  the JSON, which is the contract. A Python-mode dump of the report
  (``report.model_dump()``) carries them (:func:`with_words_data`, called by
  the serializers of the rows that hold them: :func:`.rows.built_on_read` for
  the incidents and violations, and ``OutageRow`` and ``StopRow`` for
  themselves), and so does what a row keeps as a private attribute and names
  in its ``kept_out`` (which rule judged an incident); so
  ``Report.model_validate(report.model_dump())`` gives the report back, every
  word of it. A dump whose ``include`` or ``exclude`` reaches into a list of
  rows leaves them out of those rows.
* This module imports no other part of the report: the modules of the rows
  build on it. Import the models from :mod:`sla_dsl.report`, which re-exports
  them all.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any, get_args

from pydantic import BaseModel, ConfigDict, SerializationInfo


class _Row(BaseModel):
    model_config = ConfigDict(frozen=False, extra="forbid", defer_build=True)


class Step(_Row):
    """One step of an explanation: what happened or was derived, when, and under which article."""

    #: what happened or was derived, in the engine's English (for engineers and alerts; the customer
    #: documents word each verdict from the row's fields, in the report's language)
    text: str
    #: the instant the step is about, ISO 8601 in the policy's time zone with its offset; null for a
    #: step that is not one instant (a rule chosen, a day of the business-time walk, a total)
    at: dt.datetime | None = None
    #: the article of the policy the step applies (``Article 3.2``); null when the step cites none
    ref: str | None = None


def with_words_data(row: BaseModel, dumped: Any, info: SerializationInfo) -> Any:
    """``dumped``, the Python-mode dump of ``row``, with the fields its model (and each row inside it)
    keeps out of the JSON (``exclude=True``): see the module's notes. In JSON mode, or with ``include``
    or ``exclude`` for the row, ``dumped`` as it is."""
    if info.mode_is_json() or info.include is not None or info.exclude is not None or not isinstance(dumped, dict):
        return dumped
    _add_words_data(row, dumped, info)
    return dumped


def _add_words_data(row: BaseModel, out: dict[str, Any], info: SerializationInfo) -> None:
    cls = type(row)
    for name in getattr(cls, "kept_out", ()):  # (a private attribute, read through its property)
        value = getattr(row, name)
        if not (info.exclude_none and value is None):
            out[name] = value
    for name, field in cls.model_fields.items():
        if field.exclude:
            value = getattr(row, name)
            if info.exclude_unset and name not in row.model_fields_set:
                continue
            if (info.exclude_none and value is None) or (
                info.exclude_defaults and value == field.get_default(call_default_factory=True)
            ):
                continue
            out[name] = _plain(value, info)
        elif name in _holding_words(cls):
            value, inner = getattr(row, name), out.get(name)
            if isinstance(value, BaseModel) and isinstance(inner, dict):
                _add_words_data(value, inner, info)
            elif isinstance(value, list) and isinstance(inner, list) and len(inner) == len(value):
                for v, d in zip(value, inner, strict=True):
                    if isinstance(v, BaseModel) and isinstance(d, dict):
                        _add_words_data(v, d, info)


def _plain(value: Any, info: SerializationInfo) -> Any:
    """A field kept out of the JSON, as a Python-mode dump writes a value (a model as a dict)."""
    if isinstance(value, BaseModel):
        return value.model_dump(
            round_trip=info.round_trip, exclude_none=info.exclude_none, exclude_defaults=info.exclude_defaults
        )
    if isinstance(value, list):
        return [_plain(v, info) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v, info) for k, v in value.items()}
    return value


@functools.cache
def _holding_words(cls: type[BaseModel]) -> frozenset[str]:
    """The fields of ``cls`` that are not kept out of the JSON but may hold a row that keeps a field out
    (``IncidentRow.targets``): where :func:`with_words_data` looks further."""
    return frozenset(
        name
        for name, field in cls.model_fields.items()
        if not field.exclude and any(_keeps_words(m) for m in _models_in(field.annotation))
    )


@functools.cache
def _keeps_words(cls: type[BaseModel]) -> bool:
    """Whether ``cls``, or a model in one of its fields, keeps a field out of the JSON."""
    return bool(getattr(cls, "kept_out", ())) or any(
        f.exclude or any(_keeps_words(m) for m in _models_in(f.annotation)) for f in cls.model_fields.values()
    )


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models an annotation names (``list[TargetRow]``, ``SameDay | None``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _models_in(arg)]
