"""Several warning thresholds on a clock (``at risk at 50%, 75% of target``), as ServiceNow's SLA definitions
warn at 50% and 75% before the breach.

A target is ``at_risk`` from the first (lowest) threshold, as with one; its report row says the last
threshold passed (``at_risk_percent``); ``sla serve`` has one at-risk transition per threshold, its key naming
the threshold, each at the instant the running time reaches that share of the target, checked here against a
slow reference that walks minute by minute through a daylight-saving change (New York, 8 March 2026). A
clock with one threshold keeps its keys and payloads as before (stored alert state stays valid).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from report.helpers import sla

import sla_dsl
from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from
from sla_dsl.serve.tracking import AT_RISK, TARGET_AT_RISK, transitions_of, watched

NY = ZoneInfo("America/New_York")
UTC = dt.UTC

POLICY = """sla "Test" {
  format 1
  version "1"
  effective 2026-01-01
  timezone America/New_York
}
calendar business {
  days mon..fri
  hours 09:00-12:00, 13:00-17:00
}
calendar allday {
  days mon..sun
  hours 00:00-24:00
}
clock response {
  starts at incident.reported
  at risk at RESPONSE of target
}
clock resolution {
  starts at incident.reported
  stops at incident.resolved
  at risk at RESOLUTION of target
}
priority P1 {
  respond within 4 business hours
  resolve within 24 allday hours on resolution
}
"""

#: (calendar, wall-clock open minutes of a day)
_HOURS = {"business": [(9 * 60, 12 * 60), (13 * 60, 17 * 60)], "allday": [(0, 24 * 60)]}
_DAYS = {"business": range(5), "allday": range(7)}


def _open(cal: str, u: dt.datetime) -> bool:
    """Is the UTC minute starting at ``u`` open in ``cal`` (its local wall clock in New York)?"""
    local = u.astimezone(NY)
    minute = local.hour * 60 + local.minute
    return local.weekday() in _DAYS[cal] and any(a <= minute < b for a, b in _HOURS[cal])


def _reference(cal: str, start: dt.datetime, need_minutes: int) -> dt.datetime:
    """The first instant the open time of ``cal`` since ``start`` reaches ``need_minutes``, minute by minute."""
    u, used = start.astimezone(UTC), 0
    while used < need_minutes:
        used += _open(cal, u)
        u += dt.timedelta(minutes=1)
    return u


def _policy(response: str = "50%, 75%", resolution: str = "50%, 75%") -> Any:
    return sla_dsl.load_policy(POLICY.replace("RESPONSE", response).replace("RESOLUTION", resolution))


def _judge(policy: Any, as_of: dt.datetime) -> Any:
    events = [{"event": "incident.reported", "at": T0.isoformat(), "id": "A", "priority": "P1"}]
    start, end = dt.datetime(2026, 3, 1, tzinfo=NY), dt.datetime(2026, 4, 1, tzinfo=NY)
    return judge_log([policy], log_from(events), start, end, as_of)


#: reported Sat 7 March 12:00 EST: the resolution target (24 hours of `allday`) runs through the night the
#: clocks go forward (8 March, a day of 23 hours); the response target (4 business hours) from Mon 09:00
T0 = dt.datetime(2026, 3, 7, 12, 0, tzinfo=NY)


def test_each_thresholds_instant_is_the_references_through_a_dst_change() -> None:
    result = _judge(_policy(), T0 + dt.timedelta(hours=1))
    by_target = {w.target: w for w in watched(result)}
    resolve, response = by_target["resolve"], by_target["response"]
    # 50% of 24 h: midnight; 75%: 18 h of the clock, 07:00 EDT (the hour 02:00-03:00 does not exist)
    assert [(p, dt.datetime.fromtimestamp(t, NY)) for p, t in resolve.risks] == [
        (50.0, _reference("allday", T0, 12 * 60)),
        (75.0, _reference("allday", T0, 18 * 60)),
    ]
    assert resolve.risks[1][1] == dt.datetime(2026, 3, 8, 7, 0, tzinfo=NY).timestamp()
    assert response.risks == (
        (50.0, _reference("business", T0, 120).timestamp()),
        (75.0, _reference("business", T0, 180).timestamp()),
    )
    assert (resolve.at_risk, response.at_risk) == (resolve.risks[0][1], response.risks[0][1])


def test_one_transition_per_threshold_its_key_naming_it() -> None:
    result = _judge(_policy(), T0 + dt.timedelta(hours=1))
    risky = [t for t in transitions_of(result) if t.kind in (AT_RISK, TARGET_AT_RISK)]
    assert sorted((t.kind, t.target, t.threshold) for t in risky) == [
        (AT_RISK, "response", 50.0),
        (AT_RISK, "response", 75.0),
        (TARGET_AT_RISK, "resolve", 50.0),
        (TARGET_AT_RISK, "resolve", 75.0),
    ]
    keys = {t.key.split("|", 1)[0] for t in risky}
    assert keys == {
        "incident.at_risk%50",
        "incident.at_risk%75",
        "incident.target_at_risk%50#resolve@resolution",
        "incident.target_at_risk%75#resolve@resolution",
    }
    assert len({t.key for t in risky}) == 4


def test_one_threshold_keeps_its_keys_and_payloads() -> None:
    result = _judge(_policy("75%", "75%"), T0 + dt.timedelta(hours=1))
    risky = [t for t in transitions_of(result) if t.kind in (AT_RISK, TARGET_AT_RISK)]
    assert sorted(t.key.split("|", 1)[0] for t in risky) == [
        "incident.at_risk",
        "incident.target_at_risk#resolve@resolution",
    ]
    assert all(t.threshold is None for t in risky)
    assert all(not w.risks for w in watched(result))


@pytest.mark.parametrize(
    ("hours", "status", "percent"),
    [(11, "open", None), (12, "at_risk", 50.0), (17, "at_risk", 50.0), (18, "at_risk", 75.0)],
)
def test_report_rows_say_the_last_threshold_passed(hours: int, status: str, percent: float | None) -> None:
    # (real hours after T0: 18 of them is 07:00 EDT on the 8th, the 75% instant, the clocks gone forward at 02:00)
    as_of = (T0.astimezone(UTC) + dt.timedelta(hours=hours)).astimezone(NY)
    result = _judge(_policy(), as_of)
    (row,) = result.report().incidents
    (resolve,) = [t for t in row.targets if t.name == "resolve"]
    assert (resolve.status, resolve.at_risk_percent) == (status, percent)
    as_json = json.loads(result.report().model_dump_json())
    assert as_json["incidents"][0]["targets"][0]["at_risk_percent"] == percent


def test_one_threshold_row_says_it_too() -> None:
    result = _judge(_policy("75%", "75%"), T0 + dt.timedelta(hours=23))
    (row,) = result.report().incidents
    assert [(t.status, t.at_risk_percent) for t in row.targets] == [("at_risk", 75.0)]


@pytest.mark.parametrize("hours", [11, 12, 18])
def test_batch_and_one_by_one_agree(hours: int) -> None:
    as_of = (T0.astimezone(UTC) + dt.timedelta(hours=hours)).astimezone(NY)
    events = [{"event": "incident.reported", "at": T0.isoformat(), "id": "A", "priority": "P1"}]
    start, end = dt.datetime(2026, 3, 1, tzinfo=NY), dt.datetime(2026, 4, 1, tzinfo=NY)
    said = [
        judge_log([_policy()], log_from(events), start, end, as_of, batch=batch).report().model_dump_json()
        for batch in (True, False)
    ]
    assert said[0] == said[1]
    assert '"at_risk_percent"' in said[0]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            [
                "Resolution (resolution): 50% of the target reached (warning)",
                "Resolution (resolution): 75% of the target reached (warning)",
            ],
        ),
        (
            "ja",
            [
                "解決（resolution）：目標の 50% に達する時点（警告）",
                "解決（resolution）：目標の 75% に達する時点（警告）",
            ],
        ),
    ],
)
def test_explain_says_each_thresholds_instant(tmp_path: Path, lang: str, said: list[str]) -> None:
    policy, events = tmp_path / "p.sla", tmp_path / "e.jsonl"
    policy.write_text(POLICY.replace("RESPONSE", "50%, 75%").replace("RESOLUTION", "50%, 75%"), "utf-8")
    events.write_text(json.dumps({"event": "incident.reported", "at": T0.isoformat(), "id": "A", "priority": "P1"}))
    as_of = (T0 + dt.timedelta(hours=13)).isoformat()
    code, out, err = sla(
        "explain",
        policy,
        events,
        "A",
        "--from",
        "2026-03-01",
        "--to",
        "2026-04-01",
        "--as-of",
        as_of,
        "--lang",
        lang,
        "--quiet",
    )
    assert code == 0, err
    lines = out.splitlines()
    # the instants, midnight and 07:00 EDT on the day the clocks go forward
    for words, time in zip(said, ("00:00", "07:00"), strict=True):
        (line,) = [x for x in lines if words in x]
        assert time in line.split(words)[0], line
    # the same instants as `sla serve` alerts
    result = _judge(_policy(), T0 + dt.timedelta(hours=13))
    (resolve,) = [w for w in watched(result) if w.target == "resolve"]
    steps = result.report().incidents[0].targets[0].risk_steps
    assert [(s.percent, s.at.timestamp()) for s in steps] == list(resolve.risks)
