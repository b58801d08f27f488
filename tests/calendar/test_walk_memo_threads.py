"""The walk's memos answer a look-up in one read: a report read from several threads shares them, and
one thread may empty a memo (it is emptied past its size cap) between another's two reads of a key.

Modelled without threads: a memo that says it holds a key and no longer has it when read (what the
other thread's emptying does between ``key in memo`` and ``memo[key]``). The look-up must work out the
value again, never raise ``KeyError``; and the answers equal those of fresh memos.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import sla_dsl
from sla_dsl.evaluation.walk import Walker, Zone

POLICY = "policies/clicksoko.sla"


class Emptied(dict[Any, Any]):
    """A memo emptied by another thread right after a check for a key: it claims to hold every key, and
    holds none when read."""

    def __contains__(self, key: object) -> bool:
        return True

    def __getitem__(self, key: Any) -> Any:
        raise KeyError(key)


def _rules() -> Any:
    from sla_dsl.evaluation.common import Versions

    return Versions([sla_dsl.load_policy(POLICY)]).rules[0]


def test_an_offset_is_worked_out_again_when_its_memo_was_emptied() -> None:
    zone = Zone(ZoneInfo("Europe/London"))
    fresh = Zone(ZoneInfo("Europe/London"))
    zone.hours = Emptied()
    us = int(dt.datetime(2026, 10, 25, 1, 30, tzinfo=dt.UTC).timestamp()) * 1_000_000  # (a repeated hour)
    for t in (us, us - 3_600_000_000, us + 7_200_000_000):
        assert zone.at(t) == fresh.at(t)
        assert zone.hour(t // 3_600_000_000) == fresh.hour(t // 3_600_000_000)


def test_a_days_offset_is_worked_out_again_when_its_memo_was_emptied() -> None:
    rules = _rules()
    walker, fresh = Walker(rules, "business"), Walker(rules, "business")
    walker.wall_days = Emptied()
    day = dt.date(2026, 11, 27).toordinal() - dt.date(1970, 1, 1).toordinal()
    assert walker.wall_offset(day) == fresh.wall_offset(day)
