"""Every error of a policy's methods is in the policy's primary language (a time outside the supported
years too), and an attribute that is not text is a TypeError naming it.

A Japanese-first policy (``policies/clicksoko.sla``) raised ``NaiveDatetimeError`` for a naive datetime in
English while the same method's other errors were Japanese; ``str()`` of a ``PolicyError`` of it was English
while its ``lang`` was ``ja``; and ``{"plan": 1}`` (or ``None``) given as attributes crashed with
``AttributeError: 'int' object has no attribute 'lower'`` from inside the "did you mean" search.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from sla_dsl.calendars.bounds import OutOfRangeError
from sla_dsl.errors import InputError, NaiveDatetimeError

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = ROOT / "policies" / "clicksoko.sla"
PLANS = ROOT / "policies" / "examples" / "plans.sla"  # (no `languages`: English)
T = "2026-11-07T02:00:00+09:00"


def plans_in_japanese() -> sla_dsl.Policy:
    text = PLANS.read_text("utf-8").replace("  timezone Asia/Tokyo\n", "  timezone Asia/Tokyo\n  languages ja, en\n", 1)
    assert "languages ja, en" in text
    return sla_dsl.load_policy(text)


@pytest.mark.parametrize(("value", "kind"), [(1, "int"), (None, "NoneType"), (b"premium", "bytes")])
def test_an_attribute_value_that_is_not_text_is_a_type_error_naming_it(value: Any, kind: str) -> None:
    plans = sla_dsl.load_policy(PLANS)
    with pytest.raises(TypeError) as err:
        plans.response_due("P1", T, {"plan": value})
    assert str(err.value) == f"attributes: the value of `plan` must be text, found {kind}"
    with pytest.raises(TypeError, match="the value of `plan` must be text"):
        plans.priority("P1", {"plan": value})
    with pytest.raises(TypeError) as ja:
        plans_in_japanese().priority("P1", {"plan": value})
    assert str(ja.value) == f"`attributes` の `plan` の値は文字列で渡してください（`{kind}` が渡されました）"


def test_an_attribute_name_that_is_not_text_is_a_type_error_naming_it() -> None:
    with pytest.raises(TypeError, match="attributes: a name must be text, found int `3`"):
        sla_dsl.load_policy(PLANS).priority("P1", {3: "premium"})  # type: ignore[dict-item]


def test_a_naive_datetime_is_refused_in_the_policy_s_language() -> None:
    policy = sla_dsl.load_policy(CLICKSOKO)  # languages ja, en
    naive = dt.datetime(2026, 11, 27, 16)
    with pytest.raises(NaiveDatetimeError) as err:
        policy.response_due("P1", naive)
    assert err.value.lang == "ja"
    assert str(err.value).startswith("時刻 `2026-11-27T16:00:00` には時差がありません")
    for call in (
        lambda: policy.add_business_time(naive, dt.timedelta(hours=1)),
        lambda: policy.business_time_between(naive, naive),
        lambda: policy.is_business_time(naive),
        lambda: policy.due(policy.priority("P1").target, naive),
    ):
        with pytest.raises(NaiveDatetimeError) as again:
            call()
        assert (again.value.lang, str(again.value)) == (err.value.lang, str(err.value))
    with pytest.raises(NaiveDatetimeError) as en:  # (the language asked for: as its other refusals)
        policy.response_due("P1", naive, lang="en")
    assert en.value.lang is None
    assert str(en.value).startswith("time `2026-11-27T16:00:00` has no UTC offset")


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("2026-11-27T16:00:00", "時刻 `2026-11-27T16:00:00` には時差（`+09:00` など）がありません"),
        ("friday", "時刻 `friday` は `ISO 8601` 形式の時刻ではありません"),
    ],
)
def test_a_time_given_as_text_is_refused_in_the_policy_s_language(given: str, said: str) -> None:
    policy = sla_dsl.load_policy(CLICKSOKO)
    with pytest.raises(InputError) as err:
        policy.response_due("P1", given)
    assert err.value.lang == "ja" and str(err.value).startswith(said), str(err.value)


@pytest.mark.parametrize(
    "call",
    [
        lambda p: p.response_due("P1", "1800-01-01T00:00:00+09:00"),
        lambda p: p.maintenance_windows("2300-01-01", "2300-02-01"),
        lambda p: p.add_business_time("2200-12-30T10:00:00+09:00", dt.timedelta(days=400)),
    ],
)
def test_a_time_outside_the_supported_years_is_in_the_policy_s_language(call: Any) -> None:
    """It was the one exception, English on a Japanese policy: now an OutOfRangeError of a policy's method is in
    its primary language (``lang`` ``ja``), with no English word outside backticks, its words kept for any
    other language (``in_lang``); English for a policy without ``languages ja``, ``lang`` None as before."""
    with pytest.raises(OutOfRangeError) as err:
        call(sla_dsl.load_policy(CLICKSOKO))
    said = str(err.value)
    assert err.value.lang == "ja" and "扱える年（1900 年から 2200 年まで）" in said, said
    assert not re.findall(r"[A-Za-z]+", re.sub(r"`[^`]*`", "", said)), said
    assert "the supported years, 1900 to 2200" in str(err.value.in_lang("en"))
    english = CLICKSOKO.read_text("utf-8").replace("  languages ja, en ", "  languages en, ja ", 1)
    with pytest.raises(OutOfRangeError) as en:
        call(sla_dsl.load_policy(english))
    assert en.value.lang is None and "the supported years, 1900 to 2200" in str(en.value)


def test_a_type_error_is_in_the_policy_s_language() -> None:
    policy = sla_dsl.load_policy(CLICKSOKO)
    with pytest.raises(TypeError) as err:
        policy.response_due("P1", dt.date(2026, 11, 27))
    assert str(err.value).endswith("（`date` が渡されました）")
    with pytest.raises(TypeError, match="time: expected a datetime with a UTC offset or ISO 8601 text, found date"):
        sla_dsl.load_policy(PLANS).response_due("P1", dt.date(2026, 11, 27))


def test_str_of_a_policy_error_is_in_its_language() -> None:
    text = CLICKSOKO.read_text("utf-8").replace("  effective 2026-04-01", "  effective 2026-04-01\n  nonsense 1", 1)
    with pytest.raises(sla_dsl.PolicyError) as err:
        sla_dsl.load_policy(text + "\ncalendar broken { days fooday }\n")
    assert err.value.lang == "ja" and len(err.value.diagnostics) == 2
    assert str(err.value) == err.value.diagnostics[0].header("ja") + "（ほか1件）"
    assert "ここには書けません" in str(err.value)
