"""The report as Arrow tables: one ``pyarrow.Table`` per report table, with stable names and types.

Design notes
------------
* The tables follow the report's models, so a field added to a row model is a column
  here without a second list to keep: one table per list of rows of the
  :class:`~sla_dsl.report.Report` (``incidents``, ``outages``, ``planned_stops``,
  ``maintenance``, ``backups``, ``violations``, ``retention``, and whatever lists of rows
  the report gains, such as the availability of each service per period), plus
  ``availability`` (one row, with the period it measures: ``period_from``,
  ``period_to``, ``as_of``).
* Nested values become columns or tables. A single nested model is flattened into
  prefixed columns (``same_day`` becomes ``same_day_applies``, ``same_day_due``,
  ``same_day_met``). A list of rows inside a row (an incident's ``targets``, an
  outage's ``notices``) is a child table ``<table>_<field>`` keyed by the row it
  belongs to (``row``, its position in the parent table, and the parent's ``id``),
  ``index`` its position in the list. Explanations are the table ``steps``: one row
  per step, keyed by ``table`` and ``row`` (and ``id``), ``step`` its position.
* Types come from the annotations: times are ``timestamp[us]`` in the report's time
  zone (the policy's; UTC when unknown), days ``date32``, numbers ``float64`` or
  ``int64``, flags ``bool``, statuses and other text ``string``; a list of text is
  ``list<string>``. A table with no rows still has its schema.
* The rows are those of the report, in its order: a caller can match the Parquet
  files and the JSON report by position or id.
* Two ways in: rows (models, or the streamed JSON report's dicts), filed a block of
  2,048 at a time, a column at a time; or :class:`TableBlock` objects, a table's rows and
  their steps already as Arrow columns (the incidents and response breaches of a year's
  log, built by :mod:`sla_dsl.evaluation.explain_columns` and ``breach_columns``).
  A given table may mix the two (incidents with named targets are rows, the plain
  ones around them runs of a block): a stretch of :data:`_STRETCH` rows at a time,
  its rows are turned into Arrow together, with their child rows and steps,
  then every row is put in report order with one ``take``, the child rows' and
  the steps' ``row`` made the place of their row, the steps ordered by it. (Each
  run appended on its own, after the rows waiting before it, cost a cast of
  every column per run: a log alternating the two took 28 CPU s, 4 grouped.)
  Both ways give the same tables, which ``tests/report/test_step_columns.py``
  checks on random logs (``tests/evaluate/test_interleaved_tables.py``, on an
  alternating one).
* Every table carries what the report rests on in its schema's metadata (and so in the
  Parquet file's key-value metadata), under :data:`METADATA_KEY`: the JSON report's
  ``policy``, ``versions`` (each with the ``sha256`` of its text), ``period``, ``timezone``
  and ``generator`` (the tool and its version), and what was read (``input``: events,
  duplicates, lines left out), as JSON (:func:`report_metadata`): a table
  read alone, far from its run, still says which policy text and which tool made it.
* :func:`write_parquet` writes each table as its rows are built, a row group at a
  time, into a temporary file beside its place, and puts the files of a run in
  place together or not at all (:mod:`.table_files`).
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import datetime as dt
import json
import os
import types
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain, repeat
from pathlib import Path
from typing import Any, Literal, NamedTuple, Union, get_args, get_origin

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from pydantic import BaseModel

from ..events.problems import os_reason
from ..files import held_signals, plain_mode
from ..lang.diagnostics import Code, WordedInputError, words
from . import Availability, Report, Step
from .escape import printable
from .rows import Rows
from .table_files import TableFile, swap

__all__ = [
    "METADATA_KEY",
    "SCHEMAS",
    "TABLE_NAMES",
    "Column",
    "TableBlock",
    "report_metadata",
    "report_tables",
    "table_schema",
    "write_parquet",
]


class Column(NamedTuple):
    """One column of a report table: its name, kind (text, time, date, float, int, bool, texts), nullable."""

    name: str
    kind: str
    nullable: bool = True


class TableBlock(NamedTuple):
    """Rows of one report table built as Arrow columns, and their explanation steps."""

    #: the rows, with the columns of the table (:data:`SCHEMAS`), in any order
    rows: pa.Table
    #: their steps, in order: ``row`` (the position in ``rows``), ``step``, ``text``, ``at``, ``ref``
    steps: pa.Table


#: What a caller may give for a table: rows (models or JSON dicts), or blocks built on columns.
Source = Iterable["Mapping[str, Any] | TableBlock"]


class _Shape(NamedTuple):
    """How one row model becomes a table: its columns (with the path to each value) and child lists."""

    columns: tuple[Column, ...]
    paths: tuple[tuple[str, ...], ...]
    children: tuple[tuple[str, type[BaseModel]], ...]  # list-of-row fields other than ``explain``


_KINDS: dict[str, Any] = {
    "text": lambda tz: pa.string(),
    "time": lambda tz: pa.timestamp("us", tz=tz),
    "date": lambda tz: pa.date32(),
    "float": lambda tz: pa.float64(),
    "int": lambda tz: pa.int64(),
    "bool": lambda tz: pa.bool_(),
    "texts": lambda tz: pa.list_(pa.string()),
}


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(the type, whether None is allowed) of ``X | None``."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], len(args) != len(get_args(annotation))
    return annotation, False


def _kind(t: Any) -> str | None:
    """The column kind of a scalar annotation, or None for a model or a list of models."""
    if get_origin(t) is Literal or t is str:
        return "text"
    for py, kind in ((bool, "bool"), (int, "int"), (float, "float"), (dt.datetime, "time"), (dt.date, "date")):
        if t is py:
            return kind
    if get_origin(t) is list and get_args(t) and get_args(t)[0] is str:
        return "texts"
    return None


def _is_model(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, BaseModel)


def _list_of_models(t: Any) -> type[BaseModel] | None:
    if get_origin(t) is list and get_args(t) and _is_model(get_args(t)[0]):
        model: type[BaseModel] = get_args(t)[0]
        return model
    return None


def _shape(model: type[BaseModel], prefix: str = "", path: tuple[str, ...] = (), optional: bool = False) -> _Shape:
    columns: list[Column] = []
    paths: list[tuple[str, ...]] = []
    children: list[tuple[str, type[BaseModel]]] = []
    for name, info in model.model_fields.items():
        if info.exclude:
            continue  # not in the JSON report (data its words are built from): not a column either
        t, nullable = _unwrap(info.annotation)
        kind = _kind(t)
        if kind is not None:
            columns.append(Column(prefix + name, kind, nullable or optional or kind == "texts"))
            paths.append((*path, name))
        elif _is_model(t):
            inner = _shape(t, f"{prefix}{name}_", (*path, name), optional or nullable)
            columns += inner.columns
            paths += inner.paths
        elif (child := _list_of_models(t)) is not None and not path:
            if child is not Step:
                children.append((name, child))
        else:  # pragma: no cover - a field of a shape no row has yet
            raise TypeError(f"{model.__name__}.{name}: no column type for {info.annotation!r}")
    return _Shape(tuple(columns), tuple(paths), tuple(children))


_PERIOD = (Column("period_from", "time", False), Column("period_to", "time", False), Column("as_of", "time", False))
_PARENT = (Column("row", "int", False), Column("id", "text"), Column("index", "int", False))
#: Report fields that are not tables of rows: the header, the version list, what was read.
_NOT_TABLES = frozenset({"policy", "period", "versions", "timezone", "input"})


class _Table(NamedTuple):
    name: str
    field: str  # the report field (or the parent's list field, for a child table)
    shape: _Shape
    extra: tuple[Column, ...]  # leading columns: the period of ``availability``, the parent key of a child


def _tables() -> tuple[_Table, ...]:
    out: list[_Table] = []
    for field, info in Report.model_fields.items():
        if field in _NOT_TABLES:
            continue
        t, _ = _unwrap(info.annotation)
        model = _list_of_models(t)
        if t is Availability:
            out.append(_Table(field, field, _shape(Availability), _PERIOD))
        elif model is not None:
            shape = _shape(model)
            out.append(_Table(field, field, shape, ()))
            out += [_Table(f"{field}_{sub}", sub, _shape(child), _PARENT) for sub, child in shape.children]
    steps = _shape(Step)
    out.append(
        _Table("steps", "explain", steps, (Column("table", "text", False), *_PARENT[:2], Column("step", "int", False)))
    )
    return tuple(out)


_TABLES = _tables()
#: Every report table, its columns in order.
SCHEMAS: dict[str, tuple[Column, ...]] = {t.name: (*t.extra, *t.shape.columns) for t in _TABLES}
#: The tables in the order they are written.
TABLE_NAMES: tuple[str, ...] = tuple(SCHEMAS)


def table_schema(name: str, tz: str = "UTC") -> pa.Schema:
    """The Arrow schema of report table ``name`` with times in zone ``tz``."""
    return pa.schema([pa.field(c.name, _KINDS[c.kind](tz), nullable=c.nullable) for c in SCHEMAS[name]])


def _value(row: Any, path: tuple[str, ...]) -> Any:
    value: Any = row
    for name in path:
        value = value.get(name) if type(value) is dict else getattr(value, name, None)
        if value is None:
            return None
    return value


def _field(row: Any, name: str) -> Any:
    return row.get(name) if type(row) is dict else getattr(row, name, None)


#: Steps gathered before the columns built so far become Arrow arrays (bounds the Python objects held).
_BLOCK = 100_000
#: Rows of a report list filed together, a column at a time.
_ROWS = 2_048
#: Rows of a given table (rows and blocks built on columns, mixed) put in report order together.
_STRETCH = 32_768


class _Builder:
    """Columns of every table, filled row by row, turned into Arrow a block at a time."""

    def __init__(self, tz: str, files: Mapping[str, TableFile] | None = None) -> None:
        self.tz = tz
        #: tables whose rows go to their Parquet file as they are built, instead of being held
        self.files = files or {}
        self.shapes = {t.name: t for t in _TABLES}
        self.step_fields = [c.name for c in self.shapes["steps"].shape.columns]
        self.pieces: dict[str, list[pa.Table]] = {name: [] for name in SCHEMAS}
        self.counts = dict.fromkeys(SCHEMAS, 0)
        self.columns: dict[str, dict[str, list[Any]]] = {}
        self._reset()

    def _reset(self) -> None:
        self.columns = {name: {c.name: [] for c in cols} for name, cols in SCHEMAS.items()}

    def add(self, table: str, row: Any, lead: dict[str, Any], ident: str | None) -> None:
        """File ``row`` (a row model, or its JSON dict) in ``table`` (``lead``: its leading columns),
        then its explanation and child rows."""
        spec = self.shapes[table]
        cols = self.columns[table]
        position = self.counts[table]
        self.counts[table] += 1
        for name, value in lead.items():
            cols[name].append(value)
        for column, path in zip(spec.shape.columns, spec.shape.paths, strict=True):
            cols[column.name].append(_value(row, path))
        own = _field(row, "id")
        ident = own if isinstance(own, str) else ident
        self.steps(table, position, ident, _field(row, "explain") or ())
        for sub, _ in spec.shape.children:
            for k, child in enumerate(_field(row, sub) or ()):
                self.add(f"{table}_{sub}", child, {"row": position, "id": ident, "index": k}, ident)
        if len(self.columns["steps"]["step"]) >= _BLOCK:
            self.flush()

    def add_block(self, table: str, rows: list[Any], lead: dict[str, Any]) -> None:
        """File ``rows`` in ``table`` as :meth:`add` files each, a column at a time: the same cells and
        steps in the same order. A block with child rows is filed row by row (a row's children's
        steps come right after its own)."""
        spec = self.shapes[table]
        if any(_field(row, sub) for row in rows for sub, _ in spec.shape.children):
            for row in rows:
                self.add(table, row, lead, None)
            return
        cols = self.columns[table]
        base = self.counts[table]
        k = len(rows)
        self.counts[table] += k
        for name, value in lead.items():
            cols[name].extend([value] * k)
        for column, path in zip(spec.shape.columns, spec.shape.paths, strict=True):
            if len(path) == 1:
                key = path[0]
                cols[column.name].extend([r.get(key) if type(r) is dict else getattr(r, key, None) for r in rows])
            else:
                cols[column.name].extend([_value(r, path) for r in rows])
        idents = [own if isinstance(own := _field(r, "id"), str) else None for r in rows]
        explains = [_field(r, "explain") or () for r in rows]
        counts = [len(e) for e in explains]
        total = sum(counts)
        if total:
            steps = self.columns["steps"]
            steps["table"].extend([table] * total)
            steps["row"].extend(chain.from_iterable(repeat(base + j, c) for j, c in enumerate(counts)))
            steps["id"].extend(chain.from_iterable(repeat(i, c) for i, c in zip(idents, counts, strict=True)))
            steps["step"].extend(chain.from_iterable(map(range, counts)))
            flat = list(chain.from_iterable(explains))
            for name in self.step_fields:
                steps[name].extend([s.get(name) if type(s) is dict else getattr(s, name) for s in flat])
            self.counts["steps"] += total
        if len(self.columns["steps"]["step"]) >= _BLOCK:
            self.flush()

    def merge(
        self,
        table: str,
        rows: list[Any],
        at: list[int],
        blocks: list[tuple[int, TableBlock]],
        lead: dict[str, Any],
    ) -> None:
        """File a stretch of ``table`` given both ways, in report order: ``rows`` (models or JSON dicts,
        ``at`` their positions in the stretch; ``lead``: their leading columns) and ``blocks`` built on
        columns (each with the position of its first row). The rows are turned into Arrow together (with
        their child rows and steps),
        then every row, child row and step is put in its place with one ``take`` (see the module's notes)."""
        self.flush()  # (the rows filed so far come first)
        base = self.counts[table]
        spec = self.shapes[table]
        children = [f"{table}_{sub}" for sub, _ in spec.shape.children]
        # the rows, as :meth:`add_block` files them, numbered from 0; child rows after those filed so far
        built = _Builder(self.tz)
        built.counts = dict(self.counts)
        built.counts[table] = 0
        for k in range(0, len(rows), _ROWS):
            built.add_block(table, rows[k : k + _ROWS], lead)
        made = built.tables()
        m = len(rows)
        row_at = np.asarray(at, dtype=np.int64)  # a row's position in the stretch
        # the blocks' rows and steps, each block's ``row`` made a position among the blocks' rows
        sizes = np.array([b.rows.num_rows for _, b in blocks], dtype=np.int64)
        firsts = np.cumsum(sizes) - sizes  # each block's first row among the blocks' rows
        nb = int(sizes.sum())
        block_at = np.repeat(np.array([p for p, _ in blocks], dtype=np.int64) - firsts, sizes) + np.arange(nb)
        schema = table_schema(table, self.tz)
        parts = [made[table]]
        if blocks:
            parts.append(_joined([b.rows for _, b in blocks], schema))
        joined = pa.concat_tables(parts)
        if m and nb:
            order = np.empty(m + nb, dtype=np.int64)
            order[row_at] = np.arange(m)
            order[block_at] = m + np.arange(nb)
            joined = joined.take(order)
        self._keep(table, joined)
        self.counts[table] += m + nb
        # child rows keep their order (their parents' order); their ``row`` made their parent's place. Per
        # table of the steps: its first row here, and per row the place in the stretch of the row owning it
        owner = {table: (0, row_at)}
        for name in children:
            child = made[name]
            parent = child.column("row").to_numpy()
            owner[name] = (self.counts[name], row_at[parent])
            if child.num_rows:
                place = pa.array(base + row_at[parent], pa.int64())
                self._keep(
                    name, child.set_column(child.schema.get_field_index("row"), child.schema.field("row"), place)
                )
                self.counts[name] += child.num_rows
        # steps: those of the rows (and their child rows), then the blocks', ordered by the row that owns them
        step_schema = table_schema("steps", self.tz)
        steps = made["steps"]
        kind = steps.column("table")
        number = steps.column("row").to_numpy()
        key = np.empty(steps.num_rows, dtype=np.int64)
        for name, (first, places) in owner.items():
            mine = pc.equal(kind, pa.scalar(name, pa.string())).to_numpy(zero_copy_only=False)
            key[mine] = places[number[mine] - first]
        mine = pc.equal(kind, pa.scalar(table, pa.string())).to_numpy(zero_copy_only=False)
        if mine.any():
            number = number.copy()
            number[mine] = base + key[mine]
            steps = steps.set_column(
                steps.schema.get_field_index("row"), steps.schema.field("row"), pa.array(number, pa.int64())
            )
        keys = [key]
        pieces = [steps]
        counts = np.array([b.steps.num_rows for _, b in blocks], dtype=np.int64)
        k = int(counts.sum())
        if k:
            own = _joined([b.steps for _, b in blocks], None)
            row = own.column("row").to_numpy() + np.repeat(firsts, counts)  # a step's row among the blocks' rows
            ident = parts[1].column("id").take(pa.array(row))
            columns = {
                "table": pa.repeat(pa.scalar(table, pa.string()), k),
                "row": pa.array(base + block_at[row], pa.int64()),
                "id": ident,
                **{name: own[name] for name in ("step", *self.step_fields)},
            }
            pieces.append(pa.table(columns).cast(step_schema))
            keys.append(block_at[row])
        if len(pieces) > 1 and steps.num_rows:
            every = pa.concat_tables(pieces).take(np.argsort(np.concatenate(keys), kind="stable"))
        else:
            every = pieces[-1]
        if every.num_rows:
            self._keep("steps", every)
            self.counts["steps"] += every.num_rows

    def steps(self, table: str, row: int, ident: str | None, steps: Sequence[Any]) -> None:
        k = len(steps)
        if not k:
            return
        cols = self.columns["steps"]
        cols["table"].extend([table] * k)
        cols["row"].extend([row] * k)
        cols["id"].extend([ident] * k)
        cols["step"].extend(range(k))
        for name in self.step_fields:  # a column at a time: Step's fields are not nested
            cols[name].extend([s.get(name) if type(s) is dict else getattr(s, name) for s in steps])
        self.counts["steps"] += k

    def flush(self) -> None:
        """Turn the columns gathered so far into Arrow tables."""
        for name, cols in self.columns.items():
            if cols and len(next(iter(cols.values()))):
                self._keep(name, _arrow(name, cols, self.tz))
        self._reset()

    def _keep(self, name: str, piece: pa.Table) -> None:
        """The next rows of table ``name``: to its file, or held for :meth:`tables`."""
        file = self.files.get(name)
        if file is None:
            self.pieces[name].append(piece)
        else:
            file.add(piece)

    def tables(self) -> dict[str, pa.Table]:
        self.flush()
        return {
            name: pa.concat_tables(pieces) if pieces else table_schema(name, self.tz).empty_table()
            for name, pieces in self.pieces.items()
        }


def _arrow(name: str, cols: dict[str, list[Any]], tz: str) -> pa.Table:
    """One block of a table; a time given as its JSON text (the streamed rows) is read back as an instant."""
    schema = table_schema(name, tz)
    data: dict[str, Any] = dict(cols)
    for c in SCHEMAS[name]:
        if c.kind == "time":
            values = cols[c.name]
            kinds = {type(v) for v in values}
            if kinds <= {str, type(None)} and str in kinds:  # Arrow reads ISO 8601 with an offset itself
                data[c.name] = pa.array(values, pa.string()).cast(schema.field(c.name).type)
            elif str in kinds:
                data[c.name] = [dt.datetime.fromisoformat(v) if type(v) is str else v for v in values]
    return pa.Table.from_pydict(data, schema=schema)


def _joined(tables: list[pa.Table], schema: pa.Schema | None) -> pa.Table:
    """``tables`` one after the other, each stretch of them with one schema cast to ``schema`` (its columns
    in its order) at once; with None, they must share one schema."""
    groups: list[list[pa.Table]] = []
    for t in tables:
        if groups and (t.schema is groups[-1][0].schema or t.schema.equals(groups[-1][0].schema)):
            groups[-1].append(t)
        else:
            groups.append([t])
    out = [pa.concat_tables(g) for g in groups]
    if schema is not None:
        out = [t.select(schema.names).cast(schema) for t in out]
    return out[0] if len(out) == 1 else pa.concat_tables(out)


def _rows(report: Report, field: str) -> Iterator[Any]:
    value = getattr(report, field)
    yield from value if isinstance(value, list | Rows) else [value]


def report_tables(
    report: Report,
    *,
    incidents: Source | None = None,
    violations: Source | None = None,
) -> dict[str, pa.Table]:
    """The report as one Arrow table per report table (see :data:`SCHEMAS`), explanations in ``steps``.

    ``incidents`` and ``violations``, when given, are their rows as the streamed JSON report has
    them (``Evaluation.incident_rows().json_rows()``, ``Evaluation.violations().json_rows()``), or
    blocks of them built on columns (:class:`TableBlock`, see :mod:`sla_dsl.evaluation.explain_columns`), in
    place of the report's: the tables of a large evaluation without its pydantic rows.
    """
    build = _Builder(report.timezone or "UTC")
    _fill(build, report, incidents, violations)
    meta = report_metadata(report)
    return {name: table.replace_schema_metadata(meta) for name, table in build.tables().items()}


#: The key of the schema metadata (the Parquet file's key-value metadata) every report table carries.
METADATA_KEY = "sla-dsl"

#: The report's keys the metadata repeats: what the tables rest on (see the module's notes).
_HEADER = ("policy", "versions", "period", "timezone", "generator")


def report_metadata(report: Report) -> dict[bytes, bytes]:
    """The schema metadata of every table of ``report``: under :data:`METADATA_KEY`, a JSON object with the
    JSON report's ``policy``, ``versions``, ``period``, ``timezone`` and ``generator``, as that report has
    them, and ``input``: the events read, the duplicates among them and the number of lines
    ``--skip-invalid`` left out (``skipped_lines``; the JSON lists them)
    (``json.loads(pq.read_schema(path).metadata[b"sla-dsl"])``; DuckDB: ``parquet_kv_metadata``)."""
    header = report.model_dump(mode="json", include=set(_HEADER))
    said: dict[str, object] = {k: header[k] for k in _HEADER}
    # what was read, counted (a dashboard's data quality): the JSON's ``input`` but its list of lines left out
    said["input"] = {
        "events": report.input.events,
        "duplicates": report.input.duplicates,
        "skipped_lines": len(report.input.skipped),
    }
    return {METADATA_KEY.encode(): json.dumps(said, ensure_ascii=False, separators=(",", ":")).encode("utf-8")}


def _fill(build: _Builder, report: Report, incidents: Source | None, violations: Source | None) -> None:
    """File every table's rows, in table order (see :func:`report_tables`)."""
    period = {"period_from": report.period.start, "period_to": report.period.end, "as_of": report.period.as_of}
    given: dict[str, Source | None] = {"incidents": incidents, "violations": violations}
    for t in _TABLES:
        if t.extra == _PARENT or t.name == "steps":
            continue  # filled with their parents
        rows = given.get(t.name)
        lead = period if t.extra == _PERIOD else {}
        if rows is None:
            _file(build, t.name, _rows(report, t.field), lead)
            continue
        # a stretch of rows and blocks at a time (see the module's notes)
        pending: list[Any] = []
        at: list[int] = []
        blocks: list[tuple[int, TableBlock]] = []
        n = 0
        for item in rows:
            if isinstance(item, TableBlock):
                blocks.append((n, item))
                n += item.rows.num_rows
            else:
                pending.append(item)
                at.append(n)
                n += 1
            if n >= _STRETCH:
                _stretch(build, t.name, pending, at, blocks, lead)
                pending, at, blocks, n = [], [], [], 0
        _stretch(build, t.name, pending, at, blocks, lead)
    build.flush()


def _file(build: _Builder, table: str, rows: Iterable[Any], lead: dict[str, Any]) -> None:
    """File ``rows`` (models or JSON dicts) in ``table``, :data:`_ROWS` at a time."""
    pending: list[Any] = []
    for item in rows:
        pending.append(item)
        if len(pending) == _ROWS:
            build.add_block(table, pending, lead)
            pending = []
    if pending:
        build.add_block(table, pending, lead)


def _stretch(
    build: _Builder,
    table: str,
    rows: list[Any],
    at: list[int],
    blocks: list[tuple[int, TableBlock]],
    lead: dict[str, Any],
) -> None:
    """File a stretch of a given table: rows alone as the report's rows are, else :meth:`_Builder.merge`."""
    if blocks:
        build.merge(table, rows, at, blocks, lead)
    elif rows:
        _file(build, table, rows, lead)


def check_output_dir(directory: str | Path) -> None:
    """Refuse, before any work, a directory for the tables that cannot be one: a file or a link to nothing
    in its place, or a directory where a table's file goes (a missing one is made when written)."""
    out = Path(directory)
    if not_a_dir(out):
        raise _not_a_dir(directory)
    for name in TABLE_NAMES:
        path = out / f"{name}.parquet"
        if path.is_dir():
            raise WordedInputError(words("report.parquet.dir_in_place", path=printable(str(path))))


def not_a_dir(out: Path) -> bool:
    """Whether ``out`` cannot be the tables' directory: a file, or a link to nothing, in its place."""
    return (out.is_symlink() and not out.exists()) or (out.exists() and not out.is_dir())


def _remove(made: Sequence[Path]) -> None:
    """The directories a failed run made, deepest first: it leaves none of its own behind (one another
    process put files in meanwhile stays)."""
    for d in made:
        with contextlib.suppress(OSError):
            d.rmdir()


def _not_a_dir(directory: str | Path) -> WordedInputError:
    # (a line break in a name is shown as ``\n``, not made a new line)
    return WordedInputError(words("report.parquet.not_a_dir", path=printable(str(directory)), option=Code("--output")))


@contextlib.contextmanager
def _directory_locked(directory: Path) -> Iterator[None]:
    """The output directory locked (``flock`` on the directory itself: no file of ours in it) while the
    tables are swapped in: two runs writing the same directory at once put their tables in one after
    the other, never a mix. Where no lock can be taken (a file system without them), the swap goes on."""
    try:
        import fcntl  # (POSIX)

        fd = os.open(directory, os.O_RDONLY)
    except (ImportError, OSError):
        yield
        return
    try:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # (the lock goes with it)


def write_parquet(
    report: Report,
    directory: str | Path,
    *,
    incidents: Source | None = None,
    violations: Source | None = None,
) -> list[Path]:
    """Write one Parquet file per report table, ``DIR/<table>.parquet`` (``incidents``, ``violations``: as
    for :func:`report_tables`); the paths written, in table order."""
    out = Path(directory)
    check_output_dir(directory)
    made = [d for d in (out, *out.parents) if not d.exists()]  # the directories this run makes, deepest first
    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # (made a file since the check)
        _remove(made)
        raise _not_a_dir(directory) from None
    except OSError as exc:  # (a level deeper than those made could not be: those made go)
        _remove(made)
        said = words("report.parquet.cannot_create", path=printable(str(directory)), reason=os_reason(exc))
        raise WordedInputError(said) from None
    if not out.is_dir():
        raise _not_a_dir(directory)
    tz = report.timezone or "UTC"
    paths = [out / f"{name}.parquet" for name in TABLE_NAMES]
    new_mode = plain_mode()  # once for every table file
    meta = report_metadata(report)
    files: dict[str, TableFile] = {}
    writer = cf.ThreadPoolExecutor(1, thread_name_prefix="parquet")
    try:
        # (a stop between a temporary file's making and its table in ``files`` would leave it behind)
        with held_signals():
            for name, path in zip(TABLE_NAMES, paths, strict=True):
                files[name] = TableFile(path, writer, new_mode, meta)
        _fill(_Builder(tz, files), report, incidents, violations)
        for name, file in files.items():
            file.close(table_schema(name, tz))
        with _directory_locked(out):
            swap(list(files.values()))
    except BaseException:
        # a second stop waits until the first one's clean-up is over (the row group being written ended)
        with held_signals():
            for file in files.values():
                file.drop()
            _remove(made)
        raise
    finally:
        writer.shutdown()
    return paths
