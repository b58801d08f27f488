"""A priority or a calendar the policy does not have is an error the package raises on purpose, and still a
``KeyError``.

``policy.response_due("P9", ...)`` and ``add_business_time(..., "nope")`` raised a plain ``KeyError``, though
``SlaError`` is documented as the base of every error the package raises on purpose (``sla``'s main and an
embedding program's ``except SlaError`` missed it), and its ``str()`` was the message in quotes
(``"'優先度 `P9` はありません（…）'"``). It is :class:`~sla_dsl.policy.NotInPolicyError`: an ``InputError``
carrying its language, and a ``KeyError``, so that ``except KeyError`` still catches it, with the message
itself as its text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.policy import NotInPolicyError, Policy

ROOT = Path(__file__).resolve().parents[2]
T = "2026-11-27T16:00:00+09:00"
P9_JA = "優先度 `P9` はありません（このポリシーの優先度：P1、P2、P3）"
NOPE_JA = "カレンダー `nope` はありません（このポリシーのカレンダー：business、always）"


def _clicksoko() -> Policy:
    return sla_dsl.load_policy(ROOT / "policies" / "clicksoko.sla")


CALLS: list[tuple[str, Callable[[Policy], object], str]] = [
    ("response_due", lambda p: p.response_due("P9", T), P9_JA),
    ("priority", lambda p: p.priority("P9"), P9_JA),
    ("add_business_time", lambda p: p.add_business_time(T, dt.timedelta(hours=1), "nope"), NOPE_JA),
    ("business_time_between", lambda p: p.business_time_between(T, T, "nope"), NOPE_JA),
    ("calendar", lambda p: p.calendar("nope"), NOPE_JA),
]


@pytest.mark.parametrize(("what", "call", "said"), CALLS, ids=[c[0] for c in CALLS])
def test_an_unknown_name_is_an_input_error_and_a_key_error(
    what: str, call: Callable[[Policy], object], said: str
) -> None:
    with pytest.raises(sla_dsl.SlaError) as info:
        call(_clicksoko())
    exc = info.value
    assert isinstance(exc, NotInPolicyError), what
    assert isinstance(exc, sla_dsl.InputError)
    assert isinstance(exc, KeyError)  # (``except KeyError`` catches it, as it always did)
    assert str(exc) == said  # the message, not its repr in quotes
    assert exc.args == (said,)
    assert exc.lang == "ja"


def test_in_english_its_language_is_none_as_every_english_refusal() -> None:
    with pytest.raises(KeyError) as info:
        _clicksoko().response_due("P9", T, lang="en")
    assert str(info.value) == "unknown priority `P9` (this policy has P1, P2, P3)"
    assert isinstance(info.value, sla_dsl.InputError)
    assert info.value.lang is None


def test_an_unknown_priority_with_attributes_is_one_too() -> None:
    plans = sla_dsl.load_policy(ROOT / "policies" / "examples" / "plans.sla")
    with pytest.raises(NotInPolicyError) as info:
        plans.priority("P9", {"plan": "premium"}, "ja")
    assert str(info.value) == "優先度 `P9` はありません（このポリシーの優先度：P1、P2）"
