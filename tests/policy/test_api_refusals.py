"""The policy's API refuses what it cannot take with the documented errors, never a bare internal one.

An unknown calendar raised ``KeyError: 'nope'`` (the priority's was worded), a list of attributes an
``AttributeError`` from inside, a datetime given to ``next_business_day`` a comparison ``TypeError``, and
``load_policy(None)`` or ``compile_policy(b"...")`` a ``TypeError`` about iterating or about ``str``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from sla_dsl.policy import compile_policy

CLICKSOKO = Path(__file__).resolve().parents[2] / "policies" / "clicksoko.sla"

T = "2026-11-27T16:00:00+09:00"


def test_an_unknown_calendar_is_a_key_error_naming_the_policy_s_calendars() -> None:
    policy = sla_dsl.load_policy(CLICKSOKO)
    for call in (
        lambda: policy.add_business_time(T, dt.timedelta(hours=1), calendar="nope"),
        lambda: policy.business_time_between(T, T, calendar="nope"),
        lambda: policy.calendar("nope"),
    ):
        with pytest.raises(KeyError) as err:
            call()
        assert err.value.args[0] == "カレンダー `nope` はありません（このポリシーのカレンダー：business、always）"


@pytest.mark.parametrize("attributes", [["plan"], "plan=premium", 3])
def test_attributes_that_are_not_a_mapping_are_a_type_error(attributes: Any) -> None:
    policy = sla_dsl.load_policy(CLICKSOKO)
    with pytest.raises(
        TypeError, match=f"`attributes` には名前と値の `Mapping`.*（`{type(attributes).__name__}` が渡されました）"
    ):
        policy.response_due("P1", T, attributes)


@pytest.mark.parametrize("day", [dt.datetime(2026, 11, 27, 16, tzinfo=dt.UTC), "2026-11-27"])
def test_next_business_day_takes_a_date(day: Any) -> None:
    policy = sla_dsl.load_policy(CLICKSOKO)
    with pytest.raises(TypeError, match=f"`d` には `date`.*（`{type(day).__name__}` が渡されました）"):
        policy.next_business_day(day)
    assert policy.next_business_day(dt.date(2026, 11, 27)) == dt.date(2026, 11, 30)


@pytest.mark.parametrize("given", [None, b"sla", 3])
def test_a_policy_is_a_path_or_text(given: Any) -> None:
    with pytest.raises(TypeError, match=f"expected a path or a policy's text, found {type(given).__name__}"):
        sla_dsl.load_policy(given)
    with pytest.raises(TypeError, match="expected a path or a policy's text"):
        compile_policy(given)
