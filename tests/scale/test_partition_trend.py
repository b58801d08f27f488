"""Judged in partitions and merged, a log that reaches back into earlier months gives the one-run trend.

The property of ``test_partition`` on logs of two months: a random November and a random log five
weeks earlier (its ids apart), with or without an event on 1 October 00:00 (then October is an
earlier month the log covers, and each partition judges its incidents over it); periods of one
month, of two months, and from mid-November. The merged report's JSON, trend included, is the
one-run report's JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .logs import START, logs, policy, two_versions
from .test_partition import one_run, partitioned

OCT = dt.datetime(2026, 10, 1, tzinfo=START.tzinfo)
#: An event on the first instant of October: the log covers that month.
ANCHOR = '{"event": "backup.completed", "at": "2026-10-01T00:00:00+09:00", "id": "ANCHOR", "kind": "database"}'


def _earlier(line: str, days: int) -> str:
    """An event line ``days`` earlier, its id marked apart (comment lines as they are)."""
    if line.lstrip().startswith("#"):
        return line
    ev: dict[str, Any] = json.loads(line)
    for key in ("at", "start", "end"):
        if isinstance(ev.get(key), str):
            ev[key] = (dt.datetime.fromisoformat(ev[key]) - dt.timedelta(days=days)).isoformat()
    ev["id"] = f"E-{ev['id']}"
    return json.dumps(ev)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    november=logs(),
    october=logs(),
    anchor=st.booleans(),
    two=st.booleans(),
    n=st.integers(1, 4),
    seed=st.integers(0, 2**16),
    data=st.data(),
)
def test_merged_partitions_give_the_one_run_trend(
    november: list[str],
    october: list[str],
    anchor: bool,
    two: bool,
    n: int,
    seed: int,
    data: st.DataObject,
) -> None:
    policies = two_versions() if two else policy()
    lines = november + [_earlier(line, 35) for line in october] + ([ANCHOR] if anchor else [])
    random.Random(seed).shuffle(lines)
    start = data.draw(st.sampled_from([START, OCT, START + dt.timedelta(days=9, hours=10)]))
    as_of = data.draw(st.sampled_from([None, START + dt.timedelta(days=20, hours=13)]))
    expected = one_run(lines, policies, start, as_of)
    assert partitioned(lines, policies, start, as_of, n, seed) == expected
    if anchor or start == OCT:
        assert b'"month": "2026-10-01"' in expected  # a trend of two months
