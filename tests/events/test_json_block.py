"""The JSON report's long lists: rows dumped where orjson indents them are the rows indented by hand.

``sla evaluate --format json`` writes its incident rows and violations a block at a time
(:func:`sla_dsl.report.render._json_block`), each row dumped as the item of a list under a key so
that orjson indents it as a top-level list's item. The reference below is how each row used to be
written: dumped on its own, then indented by hand (a ``replace`` over its bytes).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from sla_dsl.report.render import _JSON_ROW, _json_block


def reference_block(rows: list[dict[str, Any]], first: bool) -> bytes:
    """Each row dumped alone and indented by four spaces, after a comma (none before the first)."""
    parts = [b",\n    " + orjson.dumps(r, option=_JSON_ROW).replace(b"\n", b"\n    ") for r in rows]
    if first and parts:
        parts[0] = parts[0][1:]
    return b"".join(parts)


_ZONES = [dt.UTC, dt.timezone(dt.timedelta(hours=9)), dt.timezone(dt.timedelta(hours=-5, minutes=-30))]
_text = st.text(
    alphabet=st.one_of(
        st.sampled_from('\n\r\t"\\/ \u2028\u2029\x00\x1f\x7f{}[],:'), st.characters(blacklist_categories=("Cs",))
    ),
    max_size=12,
)
_time = st.builds(
    lambda t, z: t.replace(tzinfo=z),
    st.datetimes(min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(2100, 1, 1)),
    st.sampled_from(_ZONES),
)
_leaf = st.one_of(st.none(), st.booleans(), st.integers(-(2**63), 2**63 - 1), _text, _time)
_value = st.recursive(
    _leaf,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_text, inner, max_size=4)),
    max_leaves=12,
)
_row = st.dictionaries(_text, _value, max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(_row, max_size=6), st.booleans())
def test_block_is_the_rows_dumped_one_by_one(rows: list[dict[str, Any]], first: bool) -> None:
    assert _json_block(rows, first) == reference_block(rows, first)
    assert _json_block(iter(rows), first) == reference_block(rows, first)  # a generator of rows too


def test_explained_incident_row() -> None:
    step = {"text": "responded 2026-11-02 11:00: met\nsecond line", "at": "2026-11-02T11:00:00+09:00", "ref": None}
    row = {"id": "INC-1", "explain": [step, {}], "targets": [], "same_day": {"applies": True, "due": None}}
    for first in (True, False):
        assert _json_block([row, row], first) == reference_block([row, row], first)
    assert _json_block([], True) == _json_block([], False) == b""
