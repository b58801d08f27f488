"""Property: a column of ISO 8601 texts is read on whole columns exactly as ``fast_epoch`` reads each text.

:func:`sla_dsl.events.arrow_columns.text_epochs` reads the plain whole-second form with Arrow's own
cast and every other text with :func:`~sla_dsl.events.fast.fast_epoch`. The reference reads every
text with ``fast_epoch``: the same seconds, and the same texts refused, on texts near the plain
form (days past a month's end, 29 February in leap and other years, hours 24, minutes and
seconds 60, offsets past 23:59, years before 1000, other digits, lower-case letters, spaces).
"""

from __future__ import annotations

import math
from unittest import mock

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings
from hypothesis import strategies as st

from sla_dsl.events import arrow_columns
from sla_dsl.events.arrow_columns import PLAIN_TIME, plain_times, text_epochs
from sla_dsl.events.fast import fast_epoch


def _two(low: int, high: int) -> st.SearchStrategy[str]:
    return st.integers(low, high).map("{:02d}".format)


_offsets = st.one_of(
    st.sampled_from(["Z", "z", "+00:00", "-00:00", "+09:00", "-05:30", "+05:45", "+0900", "+09", "", " +09:00"]),
    st.builds("{}{}:{}".format, st.sampled_from("+-"), _two(0, 25), _two(0, 61)),
)
_near_plain = st.builds(
    "{}-{}-{}{}{}:{}:{}{}{}".format,
    st.sampled_from(["2026", "2024", "2100", "2000", "1970", "0999", "1000", "9999", "0001", "２０２６"]),
    _two(0, 13),
    _two(0, 32),
    st.sampled_from(["T", "T", "T", "t", " "]),
    _two(0, 25),
    _two(0, 61),
    _two(0, 61),
    st.sampled_from(["", "", "", ".5", ".000001", ".1234567", "."]),
    _offsets,
)
_texts = st.one_of(_near_plain, _near_plain, st.text(max_size=30))


def _reference(texts: list[str]) -> tuple[list[float], list[bool]]:
    parsed = [fast_epoch(t) for t in texts]
    return [p if p is not None else math.nan for p in parsed], [p is not None for p in parsed]


@settings(max_examples=300, deadline=None)
@given(st.lists(_texts, min_size=1, max_size=40), st.sampled_from([pa.string(), pa.large_string(), pa.string_view()]))
def test_text_epochs_read_as_fast_epoch_reads(texts: list[str], kind: pa.DataType) -> None:
    secs, known = text_epochs(pa.array(texts, type=kind))
    want_secs, want_known = _reference(texts)
    assert known.tolist() == want_known
    np.testing.assert_array_equal(secs[known], np.asarray(want_secs)[known])  # exact, not close


def test_plain_times_are_cast_and_a_bad_day_leaves_the_rest_to_fast_epoch() -> None:
    texts = ["2026-11-02T10:00:00+09:00", "2024-02-29T23:59:59Z", "2026-01-01T00:00:00-05:30"]
    secs, known = text_epochs(pa.array(texts))
    assert known.all()
    assert secs.tolist() == [1793581200.0, 1709251199.0, 1767245400.0]
    secs, known = text_epochs(pa.array([*texts, "2026-02-30T00:00:00+09:00", "2026-11-02T10:00:00.25+09:00"]))
    assert known.tolist() == [True, True, True, False, True]
    assert secs[4] == 1793581200.25


#: Texts of one width (a log whose every time has the same form): the plain form's bytes, each perhaps
#: replaced by an ASCII character (a wrong digit, a letter, a mark out of place), the width kept.
_ASCII = st.characters(min_codepoint=32, max_codepoint=126)


@st.composite
def _one_width(draw: st.DrawFn) -> list[str]:
    form = draw(st.sampled_from(["+09:00", "-05:30", "Z"]))
    texts = []
    for _ in range(draw(st.integers(1, 30))):
        text = list(draw(_near_plain.filter(lambda t: "." not in t))[:19] + form)
        for _ in range(draw(st.integers(0, 2))):
            text[draw(st.integers(0, len(text) - 1))] = draw(_ASCII)
        texts.append("".join(text))
    return texts


@settings(max_examples=400, deadline=None)
@given(_one_width())
def test_plain_times_of_one_width_are_the_expressions(texts: list[str]) -> None:
    """:func:`plain_times` looks at a column of one width byte by byte: the same texts as the regular
    expression it stands for, and :func:`text_epochs` still reads each as ``fast_epoch`` does."""
    values = pa.array(texts)
    want = pc.match_substring_regex(values, PLAIN_TIME).to_pylist()
    assert plain_times(values).tolist() == want
    assert plain_times(values.slice(1)).tolist() == want[1:]  # (an array that starts past its buffers' first)
    secs, known = text_epochs(values)
    want_secs, want_known = _reference(texts)
    assert known.tolist() == want_known
    np.testing.assert_array_equal(secs[known], np.asarray(want_secs)[known])


def test_plain_times_of_one_width() -> None:
    plain = ["2026-11-02T10:00:00+09:00", "1000-01-01T23:59:59-23:59", "9999-12-31T00:00:00+00:00"]
    odd = ["0999-11-02T10:00:00+09:00", "2026-11-02T24:00:00+09:00", "2026-11-02T10:60:00+09:00",
           "2026-11-02T10:00:60+09:00", "2026-11-02T10:00:00+24:00", "2026-11-02T10:00:00+09:60",
           "2026-11-02t10:00:00+09:00", "2026-11-02T10:00:00 09:00", "2026/11/02T10:00:00+09:00",
           "2026-11-02T10:00:00+09-00", "2026-11-02T1a:00:00+09:00"]  # fmt: skip
    with mock.patch.object(arrow_columns.pc, "match_substring_regex", side_effect=AssertionError):  # (byte by byte)
        assert plain_times(pa.array(plain + odd)).tolist() == [True] * 3 + [False] * len(odd)
        assert plain_times(pa.array(["2026-11-02T10:00:00Z", "2026-11-02T10:00:00z"])).tolist() == [True, False]
    assert plain_times(pa.array(["2026-11-02T10:00:00Z", *plain])).tolist() == [True] * 4  # (two widths)
