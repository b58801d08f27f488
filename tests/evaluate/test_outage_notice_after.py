"""A notification rule on an outage is met by a notice sent at or after the event it counts from.

``within 1 hour after outage.ended`` / ``met by outage.notified`` was met by a progress notice sent
during the outage (10:20, before the 14:00 end), and the report even called that normal order bad
data; the same rule on an incident event counts only notices at or after its start. And the JSON
message of the first of several rules on an outage said ``recovery notice`` whatever its name.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import sla_dsl

TOKYO = ZoneInfo("Asia/Tokyo")
HEADER = """sla "T" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages en
}
calendar business "B" {
  days mon..fri
  hours 10:00-12:00, 13:00-18:00
}
priority P1 "P1" {
  respond within 4 business hours
}
"""
CLOSING = """notify closing_report "Report after recovery" {
  within 1 hour after outage.ended
  met by outage.notified
}
"""


def _ev(event: str, hhmm: str) -> dict[str, str]:
    return {"event": event, "at": f"2026-11-02T{hhmm}:00+09:00", "id": "O1"}


def _judge(text: str, events: list[dict[str, str]], tmp_path: Path) -> sla_dsl.Report:
    log = tmp_path / "o.jsonl"
    log.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    return sla_dsl.evaluate(sla_dsl.load_policy(text), str(log), "2026-11-01", "2026-12-01")


def test_a_notice_before_the_event_the_rule_counts_from_does_not_meet_it(tmp_path: Path) -> None:
    events = [_ev("outage.started", "10:00"), _ev("outage.notified", "10:20"), _ev("outage.ended", "14:00")]
    report = _judge(HEADER + CLOSING, events, tmp_path)
    [row] = report.outages
    [rule] = row.notices
    assert (rule.status, rule.due, rule.met_at) == ("breached", dt.datetime(2026, 11, 2, 15, tzinfo=TOKYO), None)
    assert row.notified_at == dt.datetime(2026, 11, 2, 10, 20, tzinfo=TOKYO)  # (the first notice, as documented)
    assert [v.kind for v in report.violations] == ["notice_breached"]  # (no `data` violation: a normal order)


def test_a_notice_after_it_meets_it(tmp_path: Path) -> None:
    events = [
        _ev("outage.started", "10:00"),
        _ev("outage.notified", "10:20"),
        _ev("outage.ended", "14:00"),
        _ev("outage.notified", "14:30"),
    ]
    [row] = _judge(HEADER + CLOSING, events, tmp_path).outages
    assert (row.notices[0].status, row.notices[0].met_at) == ("met", dt.datetime(2026, 11, 2, 14, 30, tzinfo=TOKYO))


def test_a_notice_before_the_outage_was_recognised_is_still_bad_data(tmp_path: Path) -> None:
    recovery = """notify recovery "Recovery" {
  within 3 business hours after outage.recognized
  met by outage.notified
}
"""
    events = [
        _ev("outage.started", "10:00"),
        _ev("outage.notified", "10:05"),
        _ev("outage.recognized", "10:10"),
        _ev("outage.ended", "16:00"),
    ]
    report = _judge(HEADER + recovery, events, tmp_path)
    assert {v.kind for v in report.violations} == {"data", "notice_breached"}


def test_each_outage_rule_is_named_in_its_json_message(tmp_path: Path) -> None:
    rules = """notify first {
  within 30 minutes after outage.started
  met by outage.notified
}
notify recovery {
  within 3 business hours after outage.recognized
  only if outage.recognized during business hours
  met by outage.notified
}
"""
    events = [
        _ev("outage.started", "10:00"),
        _ev("outage.recognized", "10:10"),
        _ev("outage.notified", "15:00"),
        _ev("outage.ended", "16:00"),
    ]
    messages = [v.message for v in _judge(HEADER + rules, events, tmp_path).violations]
    assert [m.split(" due ")[0] for m in messages] == ["notice `first`", "notice `recovery`"], messages
