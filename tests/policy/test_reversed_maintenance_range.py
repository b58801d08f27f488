"""``Policy.maintenance_windows(start, end)`` with ``end`` not after ``start`` is refused, not ``[]``.

``sla maintenance`` refuses a ``--to`` not after ``--from`` and ``sla_dsl.evaluate`` an empty period,
but the method answered a reversed range with an empty list, as if no window fell in it. It now raises
the ``InputError`` ``evaluate`` raises for an empty period, naming its parameters, in the policy's
primary language (Japanese for Click So-ko), whatever form the edges take.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from sla_dsl import InputError

ROOT = Path(__file__).resolve().parents[2]
JA = ROOT / "policies" / "clicksoko.sla"
EN = ROOT / "policies" / "examples" / "helpdesk.sla"
TOKYO = dt.timezone(dt.timedelta(hours=9))

RANGES: list[tuple[Any, Any]] = [
    ("2026-12-01", "2026-11-01"),
    (dt.date(2026, 12, 1), dt.date(2026, 11, 1)),
    (dt.datetime(2026, 11, 26, 23, 0, tzinfo=TOKYO), dt.datetime(2026, 11, 26, 22, 0, tzinfo=TOKYO)),
    (dt.date(2026, 11, 1), dt.datetime(2026, 11, 1, tzinfo=TOKYO)),  # (empty: the same instant)
    ("2026-11-01", "2026-11-01"),
]


@pytest.mark.parametrize(("start", "end"), RANGES)
def test_a_reversed_or_empty_range_is_refused_in_the_policy_language(start: Any, end: Any) -> None:
    policy = sla_dsl.load_policy(JA)
    with pytest.raises(InputError) as caught:
        policy.maintenance_windows(start, end)
    assert str(caught.value) == "期間が空です：`end` は `start` より後にしてください"
    assert caught.value.lang == "ja"
    with pytest.raises(InputError) as evaluated:  # (the same words as evaluate's empty period)
        sla_dsl.evaluate(policy, [], "2026-11-01", "2026-11-01")
    assert str(evaluated.value) == str(caught.value)


def test_in_english_for_an_english_policy() -> None:
    with pytest.raises(InputError) as caught:
        sla_dsl.load_policy(EN).maintenance_windows("2026-12-01", "2026-11-01")
    assert str(caught.value) == "the period is empty: `end` must be after `start`"
    assert caught.value.lang is None


def test_a_range_in_order_is_answered_as_before() -> None:
    policy = sla_dsl.load_policy(JA)
    days = [w.day for w in policy.maintenance_windows(dt.date(2026, 11, 1), dt.date(2027, 1, 1))]
    assert days == [dt.date(2026, 11, 26), dt.date(2026, 12, 24)]
    assert policy.maintenance_windows("2026-11-02", "2026-11-03") == []  # (a range without a window)
