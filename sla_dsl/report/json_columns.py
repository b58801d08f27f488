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
  string kernels, in one pass over the steps.
* The layout is that of ``orjson`` with ``OPT_INDENT_2`` for an item of a
  top-level list: the row's fields (its model's, in order, without the
  ``exclude`` ones) at six spaces, a nested model's at eight, the steps' at ten.
  A nested model (``same_day``) comes from its flattened columns
  (``same_day_applies``...) and is ``null`` when all of them are. A block's rows
  have no other list of rows (an incident with named targets goes the row path):
  such a list is ``[]``.
* How the bytes are put together (:func:`_units`): the text is cut into *units*,
  one per step (one for a row without steps). A row's text before its first step
  (the ``,`` before the row, its fields up to ``"explain": [``) is one join of its
  columns, followed by a ``,`` for each of its other steps; its text after the
  last step (``]``, the fields after ``explain``, ``}``) another. Their bytes are
  already in unit order, so each becomes a column of units by new offsets alone
  (:func:`_spread`: a row's head at its first unit, its commas at the others, its
  tail at its last, empty texts elsewhere), and one
  ``binary_join_element_wise`` over the units (those two columns, the steps'
  columns and the literal text between them) writes the block: no ``take`` or
  concatenation of the texts. The literal text before a step's first value and
  after its last goes into those two columns (the join's cost grows with its
  pieces). When some row has no step the steps are joined first and spread the
  same way.
* Values: text quoted as ``orjson`` quotes it (a text with a quote, a backslash
  or a control character is dumped by ``orjson`` itself), flags ``true`` or
  ``false``, numbers (``float64``: a few distinct values, a threshold's percent)
  each distinct one dumped by ``orjson``, nulls ``null`` (the joins' null replacement), a column whose field
  carries :data:`JSON_TEXT` (the times, written by
  :func:`sla_dsl.evaluation.time_columns.json_times`) as it is. A text column
  with nulls and few distinct texts (a step's ``ref``) is quoted a distinct text
  at a time. A timestamp column is refused rather than written in some other form.
  ``tests/report/test_json_columns.py`` checks the bytes equal the row path's on
  random logs; ``test_json_writing.py`` those of blocks with rows without steps
  or with steps out of order.
"""

from __future__ import annotations

import types
from typing import Any, NamedTuple, Union, get_args, get_origin

import numpy as np
import orjson
import pyarrow as pa
import pyarrow.compute as pc
from numpy.typing import NDArray
from pydantic import BaseModel

from . import Step
from .tables import TableBlock

__all__ = ["JSON_TEXT", "item_bytes", "json_items", "row_bytes", "row_texts"]

#: The field metadata of a column of JSON texts (a quoted time): written as it is, a null as ``null``.
JSON_TEXT = {b"json": b"text"}
#: A text that ``orjson`` writes with an escape: a quote, a backslash or a control character.
_ESCAPED = r'[\x00-\x1f"\\]'

Ints = NDArray[np.int64]
Flags = NDArray[np.bool_]


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


def _texts(size: int, lengths: Any, data: pa.Buffer | None, base: int = 0) -> pa.Array:
    """A string array of ``size`` texts: ``lengths`` bytes each, one after another from ``data[base:]``."""
    offsets = np.empty(size + 1, dtype=np.int32)
    offsets[0] = 0
    np.cumsum(lengths, out=offsets[1:])
    if base:
        offsets += base
    return pa.Array.from_buffers(pa.string(), size, [None, pa.py_buffer(offsets), data or pa.py_buffer(b"")])


def _where(text: str, mask: Flags) -> Any:
    """``text`` where ``mask`` is set, an empty text elsewhere (a literal when all or none is set)."""
    k = int(np.count_nonzero(mask))
    if k == mask.size:
        return text
    if not k:
        return ""
    raw = text.encode()
    return _texts(mask.size, mask * len(raw), pa.py_buffer(raw * k))


def _spread(text: pa.Array, lengths: Ints) -> pa.Array:
    """The bytes of ``text`` (no nulls) cut anew: ``lengths`` bytes a text (no byte copied)."""
    base = np.frombuffer(text.buffers()[1], dtype=np.int32)[text.offset] if len(text) else 0
    return _texts(lengths.size, lengths, text.buffers()[2], int(base))


def _merged(parts: list[Any]) -> list[Any]:
    """The pieces with neighbouring literals as one (a piece less for every row), empty ones left out."""
    merged: list[Any] = []
    for p in parts:
        if isinstance(p, str) and merged and isinstance(merged[-1], str):
            merged[-1] += p
        elif not isinstance(p, str) or p:
            merged.append(p)
    return merged


def _join(parts: list[Any], n: int) -> pa.Array:
    """The pieces (literal texts and arrays) joined row by row, a null as ``null``; ``n`` rows."""
    merged = _merged(parts)
    if not any(isinstance(p, pa.Array) for p in merged):
        merged = [pa.repeat(pa.scalar("", pa.string()), n), *merged]
    return pc.binary_join_element_wise(*merged, "", null_handling="replace", null_replacement="null")


def _repeat(text: str, times: Ints) -> Any:
    """``text`` repeated ``times[i]`` times as the ``i``-th text (an empty literal when that is every one)."""
    raw, total = text.encode(), int(times.sum())
    if not raw or not total:
        return ""
    return _texts(times.size, times * len(raw), pa.py_buffer(raw * total))


def _value(table: pa.Table, name: str) -> list[Any]:
    """Each value of a column as its JSON text, as pieces to join (literal texts and arrays)."""
    column = table.column(name).combine_chunks()
    if table.schema.field(name).metadata == JSON_TEXT:
        return [column]
    if pa.types.is_boolean(column.type):
        return [pc.if_else(column, "true", "false")]
    if pa.types.is_floating(column.type):  # (few distinct values: a threshold's percent) each as orjson writes it
        codes = pc.dictionary_encode(column)
        words = pa.array([orjson.dumps(v).decode() for v in codes.dictionary.to_pylist()], pa.string())
        return [words.take(codes.indices)]
    if not pa.types.is_string(column.type):
        raise TypeError(f"no JSON text for a column of type {column.type} (times must come as their JSON text)")
    if not _plain(column.buffers()[2]):
        odd = pc.match_substring_regex(column, _ESCAPED).fill_null(False)
        if pc.any(odd).as_py():
            found = [orjson.dumps(v).decode()[1:-1] for v in column.filter(odd).to_pylist()]
            column = pc.replace_with_mask(column, odd, pa.array(found, pa.string()))
    if not column.null_count:
        return ['"', column, '"']
    codes = pc.dictionary_encode(column, null_encoding="encode")
    if len(codes.dictionary) * 16 <= len(column):  # a few texts (a step's article): each quoted once
        words = pc.binary_join_element_wise('"', codes.dictionary, '"', "").fill_null("null")
        return [words.take(codes.indices)]
    quote = _where('"', column.is_valid().to_numpy(zero_copy_only=False))
    return [quote, column, quote]


def _nested(table: pa.Table, name: str, columns: tuple[str, ...]) -> pa.Array:
    """A nested model from its flattened columns, ``null`` when all of them are null."""
    parts: list[Any] = ["{"]
    none = np.ones(table.num_rows, dtype=bool)
    for k, column in enumerate(columns):
        none &= table.column(column).is_null().to_numpy()
        parts += [("" if k == 0 else ",") + _key(column[len(name) + 1 :], 4), *_value(table, column)]
    parts.append("\n      }")
    text = _join(parts, table.num_rows)
    return pc.if_else(pa.array(none), pa.scalar(None, pa.string()), text) if none.any() else text


def _fields(table: pa.Table, fields: tuple[_Field, ...]) -> list[Any]:
    """The pieces (literal texts and arrays) of ``fields`` of every row (a ``steps`` field: its key only)."""
    parts: list[Any] = []
    for field in fields:
        parts.append(field.lead)
        if field.kind == "empty":
            parts.append("[]")
        elif field.kind == "nested":
            parts.append(_nested(table, field.column, field.inner))
        elif field.kind == "column":
            parts += _value(table, field.column)
    return parts


def _lengths(text: pa.Array) -> Ints:
    offsets = np.frombuffer(text.buffers()[1], dtype=np.int32)[text.offset : text.offset + len(text) + 1]
    return np.diff(offsets).astype(np.int64)


def _units(block: TableBlock, model: type[BaseModel], lead: str) -> tuple[pa.Array, Ints]:
    """The JSON text of the block's rows, ``lead`` before each, as units (see the module's notes), and
    how many units each row has."""
    rows, steps = block
    n = rows.num_rows
    layout = _layout(model)
    if not layout.steps:
        return _join([lead, "\n    {", *_fields(rows, layout.head), "\n    }"], n), np.ones(n, dtype=np.int64)
    row = steps.column("row").combine_chunks().to_numpy()
    m = row.size
    counts = np.bincount(row, minlength=n) if m else np.zeros(n, dtype=np.int64)
    first = np.cumsum(counts) - counts
    sub = np.arange(m, dtype=np.int64) - first[row]
    number = steps.column("step").combine_chunks().to_numpy()
    if not np.array_equal(sub, number):  # not in order: put them in order
        order = np.lexsort((number, row))
        steps, row = steps.take(pa.array(order)), row[order]
        sub = np.arange(m, dtype=np.int64) - first[row]
    units = np.maximum(counts, 1)
    size = int(units.sum())
    some = counts > 0
    pieces: list[Any] = ["\n        {"]
    for k, name in enumerate(name for name, i in Step.model_fields.items() if not i.exclude):
        pieces += [("" if k == 0 else ",") + _key(name, 5), *(_value(steps, name) if m else [])]
    pieces = _merged([*pieces, "\n        }"])
    # Every row has steps (a unit is a step): the text before a step's first value goes with the row's head
    # or the comma before the step, that after its last value with the row's tail or nothing (the steps'
    # join has two pieces less). Else the steps are joined first, and a row without steps is one unit.
    before = pieces.pop(0) if size == m and isinstance(pieces[0], str) else ""
    after = pieces.pop() if size == m and isinstance(pieces[-1], str) else ""
    # a row's head, then the text before each of its steps after the first; its tail, after the text
    # after each of its steps but the last
    more = _repeat("," + before, units - 1)
    head = _join([lead, "\n    {", *_fields(rows, layout.head), "[", _where("]", ~some), before, more], n)
    tail = _join(
        [_repeat(after, units - 1), after, _where("\n      ]", some), *_fields(rows, layout.tail), "\n    }"], n
    )
    end = np.cumsum(units)  # one past each row's last unit
    first_unit, last_unit = end - units, end - 1
    comma, close = len(("," + before).encode()), len(after.encode())
    starts = np.full(size, comma, dtype=np.int64)  # the lengths of the units' pieces of the head
    starts[first_unit] = _lengths(head) - (units - 1) * comma
    ends = np.full(size, close, dtype=np.int64)  # and of the tail
    ends[last_unit] = _lengths(tail) - (units - 1) * close
    if size == m:
        return _join([_spread(head, starts), *pieces, _spread(tail, ends)], size), units
    text = _join(pieces, m) if m else pa.array([], pa.string())
    step = np.zeros(size, dtype=np.int64)
    step[first_unit[row] + sub] = _lengths(text)
    return _join([_spread(head, starts), _spread(text, step), _spread(tail, ends)], size), units


def _bytes(text: pa.Array) -> memoryview:
    """The values of a string array one after another (a view of its bytes: written without a copy)."""
    if not len(text):
        return memoryview(b"")
    offsets = np.frombuffer(text.buffers()[1], dtype=np.int32)[text.offset : text.offset + len(text) + 1]
    data = text.buffers()[2]
    if data is None:
        return memoryview(b"")
    return memoryview(data.slice(int(offsets[0]), int(offsets[-1] - offsets[0])))


def row_bytes(text: pa.Array) -> tuple[memoryview, Ints]:
    """The bytes of a string array's values one after another, and where each value ends (after a 0)."""
    if not len(text) or text.buffers()[2] is None:
        return memoryview(b""), np.zeros(len(text) + 1, dtype=np.int64)
    offsets = np.frombuffer(text.buffers()[1], dtype=np.int32)[text.offset : text.offset + len(text) + 1]
    return _bytes(text), (offsets - offsets[0]).astype(np.int64)


def json_items(block: TableBlock, model: type[BaseModel], first: bool) -> memoryview:
    """The rows of ``block`` (and their steps, as ``explain``) as the items of a top-level list of the
    JSON report, byte for byte as ``orjson`` writes the row dicts (the first without a comma before it)."""
    if not block.rows.num_rows:
        return memoryview(b"")
    text = _bytes(_units(block, model, ",")[0])
    return text[1:] if first else text  # the first row of the list without its comma


def item_bytes(block: TableBlock, model: type[BaseModel]) -> tuple[memoryview, Ints]:
    """The rows of ``block`` as items of a top-level list, each after a comma, one after another (as
    :func:`json_items` writes them), and where each row's bytes start (``ends[k]``) and end (``ends[k + 1]``)."""
    if not block.rows.num_rows:
        return memoryview(b""), np.zeros(1, dtype=np.int64)
    units, per_row = _units(block, model, ",")
    data, ends = row_bytes(units)
    return data, ends[np.concatenate(([0], np.cumsum(per_row)))]


def row_texts(block: TableBlock, model: type[BaseModel], lead: str = "") -> pa.Array:
    """Each row of ``block`` as an item of a top-level list, ``lead`` (a comma, or none) before it."""
    n = block.rows.num_rows
    if not n:
        return pa.array([], pa.string())
    every, per_row = _units(block, model, lead)
    if len(every) == n:
        return every
    offsets = pa.array(np.concatenate([[0], np.cumsum(per_row)]).astype(np.int32))
    return pc.binary_join(pa.ListArray.from_arrays(offsets, every), "")
