"""The log lines of ``sla serve``'s alerts of a clock with several warning thresholds (``at risk at 50%, 75%
of target``) name the threshold, in Japanese and in English: the lines of two thresholds differed only in
their time."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from sla_dsl.policy import load_policy
from sla_dsl.serve.alerts import Timers
from sla_dsl.serve.ingest import parse_body
from sla_dsl.serve.store import Store
from sla_dsl.serve.timer_words import threshold_of_key
from sla_dsl.serve.tracking import FakeClock, Tracker

TOKYO = ZoneInfo("Asia/Tokyo")

POLICY = """sla "N" {
  format 1
  version "1.0"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages LANGS
  title "T" / "T"
}
calendar business "営業" / "Business" { days mon..fri  hours 09:00-17:00 }
clock response "応答" / "Response" { starts at incident.reported  at risk at 50%, 75% of target }
clock resolution "解決" / "Resolution" {
  starts at incident.reported
  stops at incident.resolved
  at risk at 50%, 75% of target
}
priority S2 "a" / "a" {
  respond within 4 business hours
  resolve within 4 business hours on resolution
  complete on incident.resolved
}
"""

#: reported Mon 30 Nov 09:00: 50% at 11:00, 75% at 12:00 of both targets
REPORTED = dt.datetime(2026, 11, 30, 9, tzinfo=TOKYO)
NOW = dt.datetime(2026, 11, 30, 12, 30, tzinfo=TOKYO).timestamp()


@pytest.mark.parametrize(
    ("langs", "expected"),
    [
        (
            "en, ja",
            [
                "alert incident.at_risk (50%) S2 at 2026-11-30T11:00:00+09:00",
                "alert incident.at_risk (75%) S2 at 2026-11-30T12:00:00+09:00",
                "alert incident.target_at_risk (50%) S2 at 2026-11-30T11:00:00+09:00",
                "alert incident.target_at_risk (75%) S2 at 2026-11-30T12:00:00+09:00",
            ],
        ),
        (
            "ja, en",
            [
                "案件 `S2` の応答（要注意・しきい値50%、2026年11月30日(月) 11:00）",
                "案件 `S2` の応答（要注意・しきい値75%、2026年11月30日(月) 12:00）",
                "案件 `S2` の解決（要注意・しきい値50%、2026年11月30日(月) 11:00）",
                "案件 `S2` の解決（要注意・しきい値75%、2026年11月30日(月) 12:00）",
            ],
        ),
    ],
)
def test_each_thresholds_alert_line_names_its_threshold(
    tmp_path: Path, caplog: Any, langs: str, expected: list[str]
) -> None:
    policy = load_policy(POLICY.replace("LANGS", langs))
    store = Store(f"sqlite:///{tmp_path / 'sla.db'}")
    store.migrate()
    timers = Timers(Tracker(store, [policy], FakeClock(NOW)))
    event = {"event": "incident.reported", "at": REPORTED.isoformat(), "id": "S2", "priority": "S2"}
    store.add_events(parse_body(json.dumps(event).encode() + b"\n", [policy]), NOW)
    timers.recompute(NOW)
    with caplog.at_level(logging.WARNING, "sla.serve"):
        fired = timers.fire_due(NOW)
    assert len(fired) == 4
    said = [r.getMessage() for r in caplog.records]
    for line in expected:
        assert sum(line in s for s in said) == 1, (line, said)
    store.close()


def test_the_threshold_is_read_back_from_an_alerts_key() -> None:
    assert threshold_of_key("incident.target_at_risk%75#resolve@resolution|S2|1764468000") == 75.0
    assert threshold_of_key("incident.at_risk%50|S2|1764468000") == 50.0
    assert threshold_of_key("incident.at_risk|S2|1764468000") is None
    assert threshold_of_key("incident.target_at_risk#resolve@resolution|S2|1") is None
