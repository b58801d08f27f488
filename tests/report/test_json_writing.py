"""The JSON report's writers on the shapes the command's logs seldom have.

``test_json_columns`` holds ``sla evaluate --format json`` to the row path on random
logs, where every incident has steps and the builders hand the steps in order. The
column writer also takes a block with rows without steps (their steps joined first)
and steps out of order (put in order first): both are held here to ``orjson``'s dump
of the same rows as dicts. The report around the lists is dumped by ``orjson`` where
that is ``json.dumps``'s text, and by ``json.dumps`` where it is not (tiny floats,
``NaN``, integers past 64 bits): a property holds the bytes to ``json.dumps``'s.
"""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sla_dsl.evaluation.explain_columns import incident_blocks
from sla_dsl.report import IncidentRow, Step
from sla_dsl.report.json_columns import JSON_TEXT, json_items
from sla_dsl.report.render import _dump_json, dump_items
from sla_dsl.report.tables import TableBlock

from .test_json_columns import example_month


@pytest.fixture(scope="module")
def block() -> TableBlock:
    """The example month's incidents as one block, times as JSON text (what the command writes from)."""
    result = example_month()
    blocks = [b for b in incident_blocks(result.ctx, result.incidents, json=True) if isinstance(b, TableBlock)]
    steps, before = [], 0  # the runs between reprioritised incidents as one block
    for b in blocks:
        steps.append(b.steps.set_column(0, "row", pc.add(b.steps.column("row"), before)))
        before += b.rows.num_rows
    assert before > 50
    return TableBlock(pa.concat_tables([b.rows for b in blocks]), pa.concat_tables(steps))


def _values(table: pa.Table) -> list[dict[str, Any]]:
    """A table's rows as dicts, a column of JSON texts read back to its value."""
    texts = [f.name for f in table.schema if f.metadata == JSON_TEXT]
    rows = table.to_pylist()
    for r in rows:
        for name in texts:
            r[name] = None if r[name] is None else json.loads(r[name])
    return rows


def as_dicts(block: TableBlock) -> list[dict[str, Any]]:
    """The block's rows as the row path's dicts: the model's fields in order, the steps as ``explain``."""
    steps: dict[int, list[dict[str, Any]]] = {}
    for s in sorted(_values(block.steps), key=lambda s: (s["row"], s["step"])):
        steps.setdefault(s["row"], []).append({name: s[name] for name in Step.model_fields})
    out = []
    for k, r in enumerate(_values(block.rows)):
        same = {sub: r[f"same_day_{sub}"] for sub in ("applies", "due", "met")}
        row: dict[str, Any] = {}
        for name, info in IncidentRow.model_fields.items():
            if info.exclude:  # (not in the JSON: ``risk_steps``)
                continue
            if name == "same_day":
                row[name] = None if all(v is None for v in same.values()) else same
            elif name == "explain":
                row[name] = steps.get(k, [])
            elif name == "targets":
                row[name] = []
            else:
                row[name] = r[name]
        out.append(row)
    return out


@pytest.mark.parametrize("first", [True, False])
def test_a_block_is_its_rows_dumped(block: TableBlock, first: bool) -> None:
    assert bytes(json_items(block, IncidentRow, first)) == dump_items(as_dicts(block), first)


@pytest.mark.parametrize("first", [True, False])
@pytest.mark.parametrize("every", [1, 2, 3])
def test_rows_without_steps(block: TableBlock, first: bool, every: int) -> None:
    """Rows with no step (every one, every other, every third) between rows with steps: ``"explain": []``."""
    keep = pa.array(block.steps.column("row").to_numpy() % every != 0)
    bare = TableBlock(block.rows, block.steps.filter(keep))
    text = bytes(json_items(bare, IncidentRow, first))
    assert text == dump_items(as_dicts(bare), first)
    assert text.count(b'"explain": []') == len(range(0, block.rows.num_rows, every))


def test_steps_out_of_order(block: TableBlock) -> None:
    """Steps handed in any order are written in the order of their rows and numbers."""
    shuffled = block.steps.take(pa.array(np.random.default_rng(7).permutation(block.steps.num_rows)))
    text = bytes(json_items(TableBlock(block.rows, shuffled), IncidentRow, True))
    assert text == bytes(json_items(block, IncidentRow, True))


#: JSON values as ``model_dump(mode="json")`` has them, with the floats ``orjson`` writes otherwise
#: (``1e-05``, ``NaN``) and integers past 64 bits
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from([1e-05, 0.0001, -0.0, 1e16, 1.5e300, math.inf, 99.95])
    | st.text()
)
_VALUES = st.recursive(
    _SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4), max_leaves=20
)


@settings(max_examples=300)
@given(data=st.dictionaries(st.text(), _VALUES, max_size=5))
def test_the_report_around_the_lists_is_json_dumps_text(data: dict[str, Any]) -> None:
    assert _dump_json(data) == (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()


@pytest.mark.parametrize("value", [1e-05, -3.5e-07, math.nan, math.inf, -math.inf, 2**64, -(2**63) - 1])
def test_the_values_orjson_writes_otherwise_go_to_json_dumps(value: Any) -> None:
    data = {"a": [1, {"b": value}], "c": "d"}
    assert _dump_json(data) == (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()
