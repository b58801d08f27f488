"""The timers' lines of the log are in the policy's primary language.

The sender's lines followed the policy's language, the timers' did not: under the Click So-ko policy
(Japanese first) the log said ``alert incident.at_risk INC-1 at 2026-11-30T11:00:00+09:00 (fired 1800.000 s
after)`` and ``alert withdrawn: ... its target was met in time``, with the alert's kind and target as internal
names. Now a Japanese line names the alert by what a person reads (the incident, the target's word, its state,
the time as the report writes it); a policy with English first keeps the English lines as they were. These
tests failed before the fix.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

import pytest

from sla_dsl.policy.compiled import Policy
from sla_dsl.policy.load import compile_text
from sla_dsl.serve.alerts import Timers
from sla_dsl.serve.ingest import parse_body
from sla_dsl.serve.store import Store
from sla_dsl.serve.tracking import FakeClock, Tracker

from .conftest import POLICY, tokyo

#: Mon 30 Nov 11:30: the at-risk instant (Mon 11:00) of a P1 incident reported Fri 16:00 has passed.
NOW = tokyo(2026, 11, 30, 11, 30)
REPORTED = {"event": "incident.reported", "at": "2026-11-27T16:00:00+09:00", "id": "INC-1", "priority": "P1"}
#: ... and its response at 10:59 arrives late: the at-risk alert is withdrawn.
RESPONDED = {"event": "incident.responded", "at": "2026-11-30T10:59:00+09:00", "id": "INC-1"}


def _english_first() -> list[Policy]:
    text = POLICY.read_text("utf-8").replace("languages ja, en", "languages en, ja")
    compiled = compile_text(text, "<en>")
    assert compiled.model is not None and not compiled.errors
    return [Policy(compiled.model)]


def _lines(tmp_path: Path, policies: list[Any], caplog: pytest.LogCaptureFixture) -> list[str]:
    store = Store(f"sqlite:///{tmp_path / 'sla.db'}")
    store.migrate()
    timers = Timers(Tracker(store, policies, FakeClock(NOW)))
    store.add_events(parse_body(json.dumps(REPORTED).encode() + b"\n", policies), NOW)
    try:
        with caplog.at_level(logging.WARNING, "sla.serve"):
            timers.recompute(NOW)
            assert [t.kind for t in timers.fire_due(NOW)] == ["incident.at_risk"]
            store.add_events(parse_body(json.dumps(RESPONDED).encode() + b"\n", policies), NOW + 1)
            timers.recompute(NOW + 1)
            assert timers.withdraw_due(NOW + 1) == 1
    finally:
        store.close()
    return [r.getMessage() for r in caplog.records if r.name == "sla.serve"]


def test_the_timers_lines_are_in_japanese_under_a_japanese_policy(
    tmp_path: Path, policies: list[Any], caplog: pytest.LogCaptureFixture
) -> None:
    fired, withdrawn = _lines(tmp_path, policies, caplog)
    assert (
        fired == "アラートを発報しました（その時刻の 30分後）：案件 `INC-1` の応答（要注意、2026年11月30日(月) 11:00）"
    )
    assert withdrawn.startswith("アラートを取り消しました：案件 `INC-1` の応答（要注意、2026年11月30日(月) 11:00）。")
    assert "目標は期限内に満たされていました（アラート " in withdrawn
    for line in (fired, withdrawn):  # no English, no internal name outside the id quoted
        assert not re.search("[A-Za-z]{2,}", re.sub("`[^`]*`", "", line)), line


def test_the_timers_lines_stay_english_under_an_english_policy(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    fired, withdrawn = _lines(tmp_path, _english_first(), caplog)
    assert fired == "alert incident.at_risk INC-1 at 2026-11-30T11:00:00+09:00 (fired 30 minutes after)"
    assert withdrawn.startswith(
        "alert withdrawn: incident.at_risk INC-1 at 2026-11-30T11:00:00+09:00: judged with the events that arrived "
        "after it was fired, its target was met in time (alert "
    )
