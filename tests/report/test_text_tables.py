"""The text report's tables of a year: times written through a memo of each day's words (the outages
table) say what ``PolicyWords.t`` says, and cells measured once pad as each measured alone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from sla_dsl.i18n.width import display_width
from sla_dsl.policy import load_policies
from sla_dsl.report.operations import Times
from sla_dsl.report.render import _CellWidths
from sla_dsl.report.words import PolicyWords

from .helpers import POLICY

TOKYO = ZoneInfo("Asia/Tokyo")
POLICIES = load_policies([POLICY])
WORDS = [PolicyWords(POLICIES, lang, dt.date(2026, 11, 1), year) for lang in ("ja", "en") for year in (2026, None)]

times = st.one_of(
    st.none(),
    st.datetimes(dt.datetime(2025, 1, 1), dt.datetime(2028, 1, 1), timezones=st.just(TOKYO)),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(times, min_size=1, max_size=20))
def test_times_by_day_are_what_the_words_write(ts: list[dt.datetime | None]) -> None:
    for w in WORDS:
        memo = Times(w)
        assert [memo(t) for t in ts] == [w.t(t) for t in ts]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["OUT-1", "対象外（不可抗力）", "通知済み", "abc", "ﾃｽﾄ", "全角ＡＢＣ"]), max_size=20))
def test_cells_measured_once_measure_as_alone(cells: list[str]) -> None:
    sizes = _CellWidths()
    assert [sizes[c] for c in cells] == [display_width(c) for c in cells]
