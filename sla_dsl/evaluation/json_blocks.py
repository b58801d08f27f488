"""The JSON report's incident and violation rows from columns: what ``sla evaluate --format json`` writes.

Design notes
------------
* :meth:`.result.Evaluation.write_json` streams the report's rows as dicts
  (:func:`.incident_rows.row_json`, :func:`.incident_rows.breach_json`): the
  reference. :class:`IncidentItems` and :class:`ViolationItems` write the same
  bytes from the column builders (:mod:`.explain_columns`, :mod:`.breach_columns`,
  with times as their JSON text) through :func:`sla_dsl.report.json_columns.json_items`;
  an incident the builders do not cover (reprioritised, named targets) is its
  :func:`row_json` dict, dumped as before; a block cut into runs by such rows
  has its rows' bytes made once, each run a slice of them.
* Both are :class:`sla_dsl.report.render.ItemSource` objects: the writer asks
  for the items of rows [start, stop). The incidents come in spans of
  :data:`SPAN`, written in this process (a forked child, as the row path has,
  cost 1.5 CPU s more on the 911,833-event year and saved no wall time); the
  words of each version's instants are kept between spans, and the whole list
  is handed to the builder (a slice of a :class:`~.result.Verdicts` would lose
  the columns it hands over). The violations are
  one span: their breaches are built at once, each row's text (after a comma)
  from one table, and a run of them is a slice of that table's bytes.
* ``tests/report/test_json_columns.py`` holds the bytes to the reference.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pyarrow as pa

from ..report import IncidentRow, Violation
from ..report.json_columns import item_bytes, json_items, row_bytes, row_texts
from ..report.render import dump_items
from ..report.tables import TableBlock
from .breach_columns import violation_blocks
from .common import Ctx
from .explain_columns import BLOCK, Run, incident_runs
from .incidents import Incident
from .result import Violations
from .time_columns import InstantWords

__all__ = ["SPAN", "IncidentItems", "ViolationItems"]

#: Incidents asked for at once (half a block of the column builder: less memory to fault in, as fast).
SPAN = BLOCK // 2


def _items(source: Iterable[Run | dict[str, Any]], model: type[Any], first: bool) -> bytes | memoryview:
    """Runs of blocks and row dicts, in order, as the items of a top-level list (the first without a
    comma). A block whose rows are one run is written at once; one cut into several runs by the rows
    between them has its rows' bytes made once, each run a slice of them."""
    out: list[bytes | memoryview] = []
    rows: list[dict[str, Any]] = []
    built: TableBlock | None = None
    data, ends = memoryview(b""), np.zeros(1, dtype=np.int64)  # the bytes of ``built``'s rows, each after a comma
    for item in source:
        if not isinstance(item, Run):
            rows.append(item)
            continue
        if rows:
            out.append(dump_items(rows, first and not out))
            rows = []
        block = item.block
        if not block.rows.num_rows:
            continue
        lead = first and not out
        if item.first == 0 and item.stop == block.rows.num_rows:
            out.append(json_items(block, model, lead))
            continue
        if block is not built:
            built = block
            data, ends = item_bytes(block, model)
        text = data[ends[item.first] : ends[item.stop]]
        out.append(text[1:] if lead else text)  # the first row of the list without its comma
    if rows:
        out.append(dump_items(rows, first and not out))
    return out[0] if len(out) == 1 else b"".join(out)  # one block (the usual case): its bytes as they are


class IncidentItems:
    """The incident rows of the JSON report, written from columns a span at a time."""

    def __init__(self, ctx: Ctx, incidents: Sequence[Incident], span: int = SPAN) -> None:
        self.ctx = ctx
        self.incidents = incidents
        self.block = span
        self._clocks: dict[int, InstantWords] = {}

    def __len__(self) -> int:
        return len(self.incidents)

    def json_items(self, start: int, stop: int, first: bool) -> bytes | memoryview:
        """Rows [start, stop) as items of the report's ``incidents`` list."""
        runs = incident_runs(self.ctx, self.incidents, json=True, clocks=self._clocks, start=start, stop=stop)
        return _items(runs, IncidentRow, first)


class ViolationItems:
    """The violations of the JSON report, the response breaches written from columns."""

    def __init__(self, violations: Violations) -> None:
        self.violations = violations
        self.block = max(len(violations), 1)

    def __len__(self) -> int:
        return len(self.violations)

    def json_items(self, start: int, stop: int, first: bool) -> bytes:
        """Every violation as items of the report's ``violations`` list (one span: [0, len))."""
        if (start, stop) != (0, len(self.violations)):  # pragma: no cover - the writer asks for one span
            raise ValueError("the violations are written as one span")
        items = list(violation_blocks(self.violations, json=True))
        blocks = [b for b in items if isinstance(b, TableBlock)]
        data, ends = memoryview(b""), np.zeros(1, dtype=np.int64)
        if blocks:  # the breaches' runs are slices of one table: its rows' texts (each after a comma) at once
            text = row_texts(TableBlock(pa.concat_tables([b.rows for b in blocks]), blocks[0].steps), Violation, ",")
            data, ends = row_bytes(text)
        out: list[bytes | memoryview] = []
        k = 0  # rows of the table written so far
        for item in items:
            if isinstance(item, TableBlock):  # a run of rows: one slice of the table's bytes
                n = item.rows.num_rows
                out.append(data[ends[k] : ends[k + n]])
                k += n
            else:
                out.append(dump_items([item], False))
        body = b"".join(out)
        return body[1:] if first else body  # the first item without its comma
