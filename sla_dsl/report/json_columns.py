"""The JSON report's rows written from Arrow columns: a block of rows and their steps at once.

Design notes
------------
* The streamed JSON report (:func:`.render.write_json`) dumps each incident row,
  a dict with its explanation, with ``orjson`` as an item of a top-level list
  (``_json_block``). A year's log has about 200,000 incidents and two million
  steps: built and dumped a dict at a time that was most of ``sla evaluate
  --format json``. :func:`json_items` writes the same bytes for a
  :class:`~.tables.TableBlock` (rows and steps built on columns by
  :mod:`sla_dsl.evaluation.explain_columns` or ``breach_columns``) with Arrow's
  string kernels: every value as its JSON text, every row's text up to its
  ``explain`` list and after it, every step's text, then one ``take`` puts the
  pieces in order and their bytes are the block's.
* The layout is that of ``orjson`` with ``OPT_INDENT_2`` for an item of a
  top-level list: the row's fields (its model's, in order, without the
  ``exclude`` ones) at six spaces, a nested model's at eight, the steps' at ten.
  A nested model (``same_day``) comes from its flattened columns
  (``same_day_applies``...) and is ``null`` when all of them are. A block's rows
  have no other list of rows (an incident with named targets goes the row path):
  such a list is ``[]``.
* Values: text quoted as ``orjson`` quotes it (a text with a quote, a backslash
  or a control character is dumped by ``orjson`` itself), flags ``true`` or
  ``false``, nulls ``null``. Times must come as their JSON text (``json=True``
  of the column builders): a timestamp column is refused rather than written in
  some other form. ``tests/report/test_json_columns.py`` checks the bytes equal
  the row path's on random logs.
"""

from __future__ import annotations

import types
from typing import Any, NamedTuple, Union, get_args, get_origin

import numpy as np
import orjson
import pyarrow as pa
import pyarrow.compute as pc
from pydantic import BaseModel

from . import Step
from .tables import TableBlock

__all__ = ["json_items", "row_texts"]

#: A text that ``orjson`` writes with an escape: a quote, a backslash or a control character.
_ESCAPED = r'[\x00-\x1f"\\]'
_NULL = pa.scalar("null", pa.string())


class _Field(NamedTuple):
    """One field of a row model in the JSON: the text before its value, and where the value comes from."""

    #: ``,`` (but for the first field), the line break, the indent and the key
    lead: str
    #: ``column``: a column's values; ``nested``: a model from ``inner`` columns; ``steps``: the
    #: explanation (written between the row's head and tail); ``empty``: a list of rows no block has
    kind: str
    column: str = ""
    inner: tuple[str, ...] = ()


class _Layout(NamedTuple):
    """A row model as JSON pieces: the fields before its ``explain`` list, those after it."""

    head: tuple[_Field, ...]
    #: the fields after ``explain`` (all of them when the model has no steps)
    tail: tuple[_Field, ...]
    #: whether the model has an ``explain`` list of steps
    steps: bool


def _unwrap(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _is_model(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, BaseModel)


def _key(name: str, depth: int) -> str:
    return "\n" + "  " * depth + orjson.dumps(name).decode() + ": "


_LAYOUTS: dict[type[BaseModel], _Layout] = {}


def _layout(model: type[BaseModel]) -> _Layout:
    """The JSON pieces of ``model`` as an item of a top-level list (see the module's notes)."""
    hit = _LAYOUTS.get(model)
    if hit is not None:
        return hit
    head: list[_Field] = []
    tail: list[_Field] = []
    into, steps, first = head, False, True
    for name, info in model.model_fields.items():
        if info.exclude:
            continue
        lead = ("" if first else ",") + _key(name, 3)
        first = False
        t = _unwrap(info.annotation)
        if _is_model(t):
            inner = tuple(f"{name}_{sub}" for sub, i in t.model_fields.items() if not i.exclude)
            into.append(_Field(lead, "nested", name, inner))
        elif get_origin(t) is list and get_args(t) and _is_model(get_args(t)[0]):
            if get_args(t)[0] is Step and not steps:
                into.append(_Field(lead, "steps"))
                into, steps = tail, True
            else:
                into.append(_Field(lead, "empty"))  # no block's row has one (see the module's notes)
        else:
            into.append(_Field(lead, "column", name))
    layout = _Layout(tuple(head), tuple(tail), steps)
    _LAYOUTS[model] = layout
    return layout


def _plain(data: pa.Buffer | None) -> bool:
    """Whether no byte of a column's text needs an escape (the usual case: a quick look first)."""
    if data is None:
        return True
    raw = np.frombuffer(data, dtype=np.uint8)
    return not raw.size or (int(raw.min()) >= 0x20 and not (raw == 0x22).any() and not (raw == 0x5C).any())


def _value(column: pa.Array) -> list[Any]:
    """Each value of a column as its JSON text, as pieces to join (literal texts and arrays)."""
    if pa.types.is_boolean(column.type):
        return [pc.if_else(column, "true", "false").fill_null(_NULL)]
    if not pa.types.is_string(column.type):
        raise TypeError(f"no JSON text for a column of type {column.type} (times must come as their JSON text)")
    plain = _plain(column.buffers()[2])
    if plain and not column.null_count:
        return ['"', column, '"']  # the quotes joined in with the rest
    text = pc.binary_join_element_wise('"', column, '"', "")
    if not plain:
        odd = pc.match_substring_regex(column, _ESCAPED).fill_null(False)
        if pc.any(odd).as_py():
            found = column.filter(odd).to_pylist()
            text = pc.replace_with_mask(text, odd, pa.array([orjson.dumps(v).decode() for v in found], pa.string()))
    return [text.fill_null(_NULL)]


def _nested(table: pa.Table, name: str, columns: tuple[str, ...]) -> pa.Array:
    """A nested model from its flattened columns, ``null`` when all of them are null."""
    parts: list[Any] = ["{"]
    for k, column in enumerate(columns):
        parts += [("" if k == 0 else ",") + _key(column[len(name) + 1 :], 4), *_value(_column(table, column))]
    parts.append("\n      }")
    text = pc.binary_join_element_wise(*parts, "")
    none = np.ones(table.num_rows, dtype=bool)
    for column in columns:
        none &= _column(table, column).is_null().to_numpy(zero_copy_only=False)
    return pc.if_else(pa.array(none), _NULL, text)


def _column(table: pa.Table, name: str) -> pa.Array:
    return table.column(name).combine_chunks()


def _fields(table: pa.Table, fields: tuple[_Field, ...], lead: Any) -> list[Any]:
    """The pieces (literal texts and arrays) of ``fields`` of every row, after ``lead`` (a ``steps``
    field: its key only, the list is written around the steps)."""
    parts: list[Any] = [lead]
    for field in fields:
        parts.append(field.lead)
        if field.kind == "empty":
            parts.append("[]")
        elif field.kind == "nested":
            parts.append(_nested(table, field.column, field.inner))
        elif field.kind == "column":
            parts += _value(_column(table, field.column))
    return parts


def _join(parts: list[Any], n: int) -> pa.Array:
    """The pieces joined row by row (``n`` rows, even when every piece is a literal)."""
    if not any(isinstance(p, pa.Array) for p in parts):
        parts = [pa.repeat(pa.scalar("", pa.string()), n), *parts]
    return pc.binary_join_element_wise(*parts, "")


def _bytes(text: pa.Array) -> memoryview:
    """The values of a string array one after another (a view of its bytes: written without a copy)."""
    if not len(text):
        return memoryview(b"")
    offsets = np.frombuffer(text.buffers()[1], dtype=np.int32)[text.offset : text.offset + len(text) + 1]
    data = text.buffers()[2]
    if data is None:
        return memoryview(b"")
    return memoryview(data.slice(int(offsets[0]), int(offsets[-1] - offsets[0])))


def json_items(block: TableBlock, model: type[BaseModel], first: bool) -> memoryview:
    """The rows of ``block`` (and their steps, as ``explain``) as the items of a top-level list of the
    JSON report, byte for byte as ``orjson`` writes the row dicts (the first without a comma before it)."""
    n = block.rows.num_rows
    if not n:
        return memoryview(b"")
    lead: Any = ",\n    {"
    if first:  # the first row of the list without a comma before it
        lead = pa.array(["\n    {"] + [lead] * (n - 1), pa.string())
    return _bytes(_pieces(block, model, lead)[0])


def row_texts(block: TableBlock, model: type[BaseModel]) -> pa.Array:
    """Each row of ``block`` as an item of a top-level list, without the comma between items."""
    n = block.rows.num_rows
    if not n:
        return pa.array([], pa.string())
    every, per_row = _pieces(block, model, "\n    {")
    offsets = pa.array(np.concatenate([[0], np.cumsum(per_row)]).astype(np.int32))
    return pc.binary_join(pa.ListArray.from_arrays(offsets, every), "")


def _pieces(block: TableBlock, model: type[BaseModel], lead: Any) -> tuple[pa.Array, Any]:
    """The JSON texts of the rows' pieces in order (head, steps, tail of each row), and how many each row has."""
    rows, steps = block.rows, block.steps
    n = rows.num_rows
    layout = _layout(model)
    head = _join(_fields(rows, layout.head, lead), n)
    if not layout.steps:
        tail = _join(_fields(rows, layout.tail, "\n    }"), n)
        return pc.binary_join_element_wise(head, tail, ""), np.ones(n, dtype=np.int64)
    row = steps.column("row").combine_chunks().to_numpy()
    counts = np.bincount(row, minlength=n) if row.size else np.zeros(n, dtype=np.int64)
    some = pa.array(counts > 0)
    head = pc.binary_join_element_wise(head, pc.if_else(some, "[", "[]"), "")
    close = pc.if_else(some, "\n      ]", "")
    tail = _join([close, *_fields(rows, layout.tail, ""), "\n    }"], n)
    step_fields = tuple(name for name, i in Step.model_fields.items() if not i.exclude)
    number = steps.column("step").combine_chunks().to_numpy()
    lead_step = pc.if_else(pa.array(number == 0), "\n        {", ",\n        {")
    pieces: list[Any] = [lead_step]
    for k, name in enumerate(step_fields):
        pieces += [("" if k == 0 else ",") + _key(name, 5), *_value(_column(steps, name))]
    pieces.append("\n        }")
    step_text = pc.binary_join_element_wise(*pieces, "") if row.size else pa.array([], pa.string())
    # row i: its head, its steps (in order, after the steps of the rows before it), its tail
    m = row.size
    start = np.cumsum(counts + 2) - (counts + 2)
    order = np.empty(2 * n + m, dtype=np.int64)
    order[start] = np.arange(n, dtype=np.int64)
    order[start[row] + 1 + number] = n + np.arange(m, dtype=np.int64)
    order[start + counts + 1] = n + m + np.arange(n, dtype=np.int64)
    every = pa.concat_arrays([head, step_text.cast(pa.string()), tail]).take(pa.array(order))
    return every, counts + 2
