"""Instants and walks worded on columns equal the reference's words, one instant or span at a time.

:mod:`sla_dsl.evaluation.time_columns` words a block's instants with the words of a step around
them (``due ...: met``) as rows of a byte matrix, and the walk's clipped days once per distinct
clip (a clip before the day opens or after it closes is the whole day). The properties: for
instants and spans drawn from a small pool (so that spans share days and clips) around business
hours, a holiday, a weekend and London's clock changes, with fractions of a second, the words are
:meth:`Rules.stamp`'s and :func:`.walk.walk`'s.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings
from hypothesis import strategies as st

from sla_dsl.evaluation.common import Rules
from sla_dsl.evaluation.time_columns import InstantWords, _framed, walk_days
from sla_dsl.evaluation.walk import walk

from .helpers import policy

ZONES = ["Asia/Tokyo", "Europe/London"]
TOKYO = ZoneInfo("Asia/Tokyo")
#: Instants a span may start or end at: business-hour edges, the lunch hour, a holiday (3 Nov),
#: a weekend, the London clock change (25 Oct 01:00 UTC), and the hours between
POOL = sorted(
    {
        *(
            dt.datetime(2026, 10, 23, h, m, tzinfo=TOKYO).timestamp()
            for h in (7, 10, 11, 12, 13, 17, 18, 23)
            for m in (0, 30)
        ),
        *(dt.datetime(2026, 10, 26, h, 0, tzinfo=TOKYO).timestamp() for h in (9, 10, 12, 13, 18, 19)),
        dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC).timestamp(),
        dt.datetime(2026, 10, 25, 1, 0, tzinfo=dt.UTC).timestamp(),
        dt.datetime(2026, 11, 3, 11, 0, tzinfo=TOKYO).timestamp(),
        dt.datetime(2026, 11, 4, 10, 15, 20, tzinfo=TOKYO).timestamp(),
    }
)


@cache
def rules(zone: str) -> Rules:
    out = Rules(policy())
    out.tz = ZoneInfo(zone)
    return out


@st.composite
def instants(draw: st.DrawFn) -> float:
    base = draw(st.sampled_from(POOL))
    if draw(st.integers(0, 3)) == 0:
        base += draw(st.integers(-3 * 86_400, 3 * 86_400))
    return base + (0.25 if draw(st.integers(0, 9)) == 0 else 0)


@settings(max_examples=200, deadline=None)
@given(zone=st.sampled_from(ZONES), spans=st.lists(st.tuples(instants(), instants()), min_size=1, max_size=30))
def test_walk_days_are_the_reference_walk_of_each_span(zone: str, spans: list[tuple[float, float]]) -> None:
    r = rules(zone)
    a = np.array([r.stamp(x, False)[2] for x, _ in spans], dtype=np.int64)
    b = np.array([r.stamp(y, False)[2] for _, y in spans], dtype=np.int64)
    days = walk_days(r, "business", a, b)
    got: list[list[tuple[int, str]]] = [[] for _ in spans]
    texts = days.text.take(pa.array(days.pick, pa.int64())).to_pylist()
    for row, sub, text in zip(days.row.tolist(), days.sub.tolist(), texts, strict=True):
        got[row].append((sub, text))
    for k, steps in days.odd:
        got[k] = [(i, s["text"]) for i, s in enumerate(steps)]
    want = [
        [(i, s["text"]) for i, s in enumerate(walk(r, "business", x, y))]
        for x, y in zip(a.tolist(), b.tolist(), strict=True)
    ]
    assert got == want


@settings(max_examples=200, deadline=None)
@given(zone=st.sampled_from(ZONES), ts=st.lists(instants(), min_size=1, max_size=30))
def test_stamps_with_words_around_them_are_the_references(zone: str, ts: list[float]) -> None:
    r = rules(zone)
    s = InstantWords(r).stamps(np.array(ts), "due ", ": met")
    assert s.text.to_pylist() == [f"due {r.stamp(x, True)[0]}: met" for x in ts]
    assert s.wall.tolist() == [r.stamp(x, True)[2] for x in ts]


def test_framed_words_of_prefixes_of_several_widths_are_joined() -> None:
    """Prefixes not all of one width (no byte matrix) are joined text by text, to the same words."""
    for prefixes in (["Fri 18 Sep 16:", "Sat 19 Sep 09:"], ["Fri 18 Sep 16:", "金 18 9月 16:", ""]):
        prefix = pa.array(prefixes, pa.string())
        hour = np.array([1, 0, 1, 0], dtype=np.int64) % len(prefixes)
        minute = np.array([0, 5, 59, 30], dtype=np.int64)
        got = _framed("due ", prefix, hour, minute, " (art 3)")
        want = pc.binary_join_element_wise(
            "due ", prefix.take(pa.array(hour)), pa.array([f"{m:02d}" for m in minute.tolist()]), " (art 3)", ""
        )
        assert got.to_pylist() == want.to_pylist()
        assert got.type == pa.string()
    empty = np.zeros(0, dtype=np.int64)
    assert _framed("due ", pa.array(["Fri 18 Sep 16:"]), empty, empty, ": met").to_pylist() == []
