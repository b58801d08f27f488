"""A datetime without an offset given to any public method of a policy is refused in the policy's language.

``maintenance_windows`` passed a naive ``datetime`` edge on to the calendars, which refused it in English
(``lang`` None: "time ... has no UTC offset") on a Japanese-first policy, where every other method answered in
Japanese. Every method that takes an instant is checked here, both languages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from policy_languages import english, japanese  # (tests/policy on the path: pytest's rootdir-less import)

import sla_dsl
from sla_dsl.errors import NaiveDatetimeError

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = ROOT / "policies" / "clicksoko.sla"
NAIVE = dt.datetime(2026, 11, 1)
AWARE = dt.datetime(2026, 11, 1, tzinfo=dt.timezone(dt.timedelta(hours=9)))


CALLS: dict[str, Callable[[sla_dsl.Policy], object]] = {
    "maintenance_windows, start": lambda p: p.maintenance_windows(NAIVE, dt.date(2027, 1, 1)),
    "maintenance_windows, end": lambda p: p.maintenance_windows(dt.date(2026, 11, 1), NAIVE),
    "maintenance_windows, both": lambda p: p.maintenance_windows(NAIVE, dt.datetime(2027, 1, 1)),
    "add_business_time": lambda p: p.add_business_time(NAIVE, dt.timedelta(hours=1)),
    "business_time_between, first": lambda p: p.business_time_between(NAIVE, AWARE),
    "business_time_between, second": lambda p: p.business_time_between(AWARE, NAIVE),
    "is_business_time": lambda p: p.is_business_time(NAIVE),
    "due": lambda p: p.due(p.priority("P1").target, NAIVE),
    "response_due": lambda p: p.response_due("P1", NAIVE),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_naive_datetime_is_refused_in_the_policy_s_language(name: str) -> None:
    with pytest.raises(NaiveDatetimeError) as ja:
        CALLS[name](japanese())
    assert ja.value.lang == "ja"
    assert (
        str(ja.value)
        == "時刻 `2026-11-01T00:00:00` には時差がありません（タイムゾーンを付けてください：`tzinfo=policy.tz`）"
    )
    with pytest.raises(NaiveDatetimeError) as en:
        CALLS[name](english())
    assert en.value.lang is None
    assert str(en.value) == "time `2026-11-01T00:00:00` has no UTC offset (give it a time zone: `tzinfo=policy.tz`)"


def test_aware_edges_still_give_the_windows() -> None:
    p = japanese()
    assert p.maintenance_windows(AWARE, dt.date(2027, 1, 1)) == p.maintenance_windows("2026-11-01", "2027-01-01")
