"""Judged in partitions and merged, a log that reaches back into earlier months gives the one-run trend.

The property of ``test_partition`` on logs of two months: a random November and a random log five
weeks earlier (its ids apart), with or without an event on 1 October 00:00 (then October is an
earlier month the log covers, and each partition judges its incidents over it); periods of one
month, of two months, and from mid-November. The merged report's JSON, trend included, is the
one-run report's JSON.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sla_dsl import load_policy
from sla_dsl.evaluation.partition import finish, merge

from .logs import START, frame, logs, policy, two_versions
from .test_partition import END, one_run, partials, partitioned

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


HELPDESK = Path(__file__).resolve().parents[2] / "policies" / "examples" / "helpdesk.sla"
#: Incidents of October and November under a helpdesk policy with named targets; A and C are still
#: open in November, when a version with its clocks renamed is in force: their targets are figures
#: that version does not name (A's first reply, due Mon 2 Nov 10:30, is judged in November: counted there).
TARGETED = [
    '{"event": "incident.reported", "at": "2026-10-20T10:00:00+09:00", "id": "E", "priority": "P1"}',
    '{"event": "incident.product_suspected", "at": "2026-10-20T11:00:00+09:00", "id": "E"}',
    '{"event": "incident.responded", "at": "2026-10-20T11:30:00+09:00", "id": "E"}',
    '{"event": "incident.resolved", "at": "2026-10-21T10:00:00+09:00", "id": "E"}',
    '{"event": "incident.reported", "at": "2026-10-30T17:00:00+09:00", "id": "A", "priority": "P1"}',
    '{"event": "incident.product_suspected", "at": "2026-10-30T17:30:00+09:00", "id": "A"}',
    '{"event": "incident.reported", "at": "2026-10-30T10:00:00+09:00", "id": "C", "priority": "P2"}',
    '{"event": "incident.reported", "at": "2026-11-05T10:00:00+09:00", "id": "B", "priority": "P1"}',
    '{"event": "incident.product_suspected", "at": "2026-11-05T10:30:00+09:00", "id": "B"}',
    '{"event": "incident.responded", "at": "2026-11-05T11:00:00+09:00", "id": "B"}',
    '{"event": "incident.resolved", "at": "2026-11-06T10:00:00+09:00", "id": "B"}',
    '{"event": "incident.reported", "at": "2026-11-10T10:00:00+09:00", "id": "D", "priority": "P2"}',
    '{"event": "incident.responded", "at": "2026-11-10T10:20:00+09:00", "id": "D"}',
]


def test_named_targets_of_another_version_split_every_way_give_one_trend() -> None:
    """The months' counts of named targets (summed from the partitions) give the one-run trend, the
    targets the month's version does not name included, whichever partition counted them first."""
    text = HELPDESK.read_text("utf-8")
    v2 = text.replace('version "1.0"', 'version "2.0"').replace("effective 2026-04-01", "effective 2026-11-01")
    v2 = v2.replace("suspicion", "suspected").replace("clock resolution ", "clock solving ")
    policies = [load_policy(text), load_policy(v2.replace(" on resolution", " on solving"))]
    expected = one_run(TARGETED, policies, OCT, None)
    trend = json.loads(expected)["trend"]
    november = [f for f in trend[1]["figures"] if f["commitment"] == "target"]
    # another version's too
    assert {f["clock"] for f in november} >= {"suspicion", "suspected", "resolution", "solving"}, november
    events = frame(TARGETED)
    ids = sorted(set(events["id"]))
    for mask in range(2 ** len(ids)):  # every split of the ids into two partitions, either first
        where = {ident: (mask >> k) & 1 for k, ident in enumerate(ids)}
        out = io.BytesIO()
        finish(policies, merge(partials(events, where, 2, policies, OCT, None)), OCT, END).write_json(out)
        assert out.getvalue() == expected, where
