"""A planned stop's ``notice_deadline`` is the exact instant the policy names.

``notice 48 hours before start`` of a stop at Mon 10:00 EDT (New York, the Monday after the spring
change) is due by Sat 09:00 EST, 48 real hours earlier, and a notice sent at
that instant is in time. The deadline was kept as the instant a microsecond later (so that a strict
``before`` let a notice at it through), and the JSON wrote that: ``...T09:00:00.000001-05:00``.
The JSON now writes the deadline itself; a notice at it is still in time, one a second later not.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sla_dsl import evaluate, load_policy
from sla_dsl.cli.app import main

POLICY = """sla "Stops" { format 1  version "1"  effective 2026-01-01  timezone America/New_York }
calendar always { days mon..sun  hours 00:00-24:00 }
service portal { hours always except planned stops  availability target 99.9% monthly }
planned stop { notice 48 hours before start by email }
priority P1 { respond within 4 hours }
"""
NY = dt.timezone(dt.timedelta(hours=-5))


def _events(announced: str) -> list[dict[str, str]]:
    return [
        {
            "event": "stop.announced",
            "at": announced,
            "id": "STOP-1",
            "channel": "email",
            "start": "2026-03-09T10:00:00-04:00",  # Monday, after the spring change
            "end": "2026-03-09T11:00:00-04:00",
        }
    ]


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    path = tmp_path / "stops.sla"
    path.write_text(POLICY, "utf-8")
    return path


def test_the_json_writes_the_deadline_itself(policy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    events = tmp_path / "ev.jsonl"
    events.write_text(json.dumps(_events("2026-03-07T09:00:00-05:00")[0]) + "\n", "utf-8")
    argv = ["evaluate", str(policy), str(events), "--from", "2026-03-01", "--to", "2026-04-01", "--format", "json"]
    assert main(argv) == 0
    [row] = json.loads(capsys.readouterr().out)["planned_stops"]
    assert row["notice_deadline"] == "2026-03-07T09:00:00-05:00"  # 48 real hours before 10:00 EDT
    assert row["notice_ok"] is True


@pytest.mark.parametrize(
    ("announced", "ok"), [("2026-03-07T09:00:00-05:00", True), ("2026-03-07T09:00:01-05:00", False)]
)
def test_a_notice_at_the_deadline_is_in_time(policy: Path, announced: str, ok: bool) -> None:
    start, end = dt.datetime(2026, 3, 1, tzinfo=NY), dt.datetime(2026, 4, 1, tzinfo=NY)
    (row,) = evaluate(load_policy(policy), _events(announced), start, end).planned_stops
    assert row.notice_ok is ok
    assert row.notice_deadline == dt.datetime(2026, 3, 7, 9, tzinfo=NY)
    assert row.notice_deadline is not None and row.notice_deadline.microsecond == 0
    assert [n.in_time for n in row.notices] == [ok]
