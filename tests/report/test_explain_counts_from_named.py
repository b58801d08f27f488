"""``sla explain`` says from when business time counts, and why, for a named target (``resolve within 16
business hours on resolution``) whose clock starts, resets or restarts (each cycle) outside the open time of
the calendar that target counts, as it says it of the plain response target: in that calendar (a rule chosen
by attribute counts its own), after the clock's step. Not for an elapsed named target, nor for one due on a
business day (``by end of 2nd business day``: its words count days), nor for a clock that resumes after hours
(a pause is not a new cycle)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sla_dsl.cli import main

POLICY = """sla "N" {
  format 1
  version "1.0"
  effective 2026-01-01
  timezone Asia/Tokyo
  title "T" / "T"
}
calendar business "営業" / "Business" {
  days mon..fri
  hours 09:00-17:00
  holidays JP
}
calendar desk_en "英語窓口" / "English desk" {
  days mon..fri
  hours 16:00-24:00
}
attribute channel "窓口" / "Line" {
  values ja, en
  default ja
}
clock response "応答" / "Response" { starts at incident.reported }
clock resolution "解決" / "Resolution" {
  starts at incident.reported
  pauses at incident.info_provided until incident.customer_replied
  stops at incident.resolved
  resets at incident.reprioritized
}
clock next_reply "次回回答" / "Next reply" {
  starts at incident.product_suspected
  stops at incident.responded
  restarts at incident.product_suspected
}
clock day "翌営業日" / "Next day" {
  starts at incident.product_suspected
  stops at incident.responded
}
priority P1 "英語窓口" / "English line" {
  when channel = en
  respond within 1 hour
  resolve within 16 desk_en hours on resolution
  complete on incident.resolved
}
priority P1 "緊急" / "Urgent" {
  respond within 1 hour
  resolve within 16 business hours on resolution
  first reply within 2 business hours on next_reply
  complete on incident.resolved
}
priority P2 "通常" / "Normal" {
  respond within 1 hour
  resolve within 16 hours on resolution
  first reply by end of 1st business day on day
  complete on incident.resolved
}
"""

HOLIDAY = {
    "en": "business time counts from Tue 24 Nov 09:00 (Mon 23 Nov is a holiday: Labor Thanksgiving Day)",
    "ja": "営業時間の計算は11月24日(火) 09:00から（11月23日(月)は祝日：勤労感謝の日）",
}
AFTER_FRIDAY = {
    "en": "business time counts from Tue 24 Nov 09:00 (after hours: Fri 20 Nov closes at 17:00)",
    "ja": "営業時間の計算は11月24日(火) 09:00から（終業後：11月20日(金)は17:00に終業）",
}
STARTS = {"en": "Resolution: starts", "ja": "解決：計測開始"}


def _explain(tmp_path: Path, capsys: pytest.CaptureFixture[str], events: list[dict[str, object]], lang: str) -> str:
    policy, log = tmp_path / "p.sla", tmp_path / "events.jsonl"
    policy.write_text(POLICY, "utf-8")
    log.write_text("".join(json.dumps({"id": "A", **e}) + "\n" for e in events), "utf-8")
    code = main(["explain", str(policy), str(log), "A", "--lang", lang, "--from", "2026-11-01", "--to", "2026-12-01"])
    out = capsys.readouterr().out
    assert code == 0, out
    return out


def _line(out: str, said: str) -> str:
    (line,) = [x.strip() for x in out.splitlines() if said in x]
    return line


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_named_target_started_after_hours_says_when_its_time_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    # reported Friday 18:00: the response is elapsed time (no step for it); the resolution counts business hours
    events: list[dict[str, object]] = [
        {"event": "incident.reported", "at": "2026-11-20T18:00:00+09:00", "priority": "P1"},
        {"event": "incident.responded", "at": "2026-11-20T18:10:00+09:00"},
    ]
    out = _explain(tmp_path, capsys, events, lang)
    line = _line(out, AFTER_FRIDAY[lang])
    assert line.index(STARTS[lang]) < line.index(AFTER_FRIDAY[lang]), line  # after the clock's step


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_each_reset_and_restart_outside_hours_is_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    events: list[dict[str, object]] = [
        {"event": "incident.reported", "at": "2026-11-19T10:00:00+09:00", "priority": "P1"},
        {"event": "incident.responded", "at": "2026-11-19T10:10:00+09:00"},
        {"event": "incident.product_suspected", "at": "2026-11-19T11:00:00+09:00"},  # in open time: nothing
        {"event": "incident.responded", "at": "2026-11-19T11:30:00+09:00"},
        {"event": "incident.product_suspected", "at": "2026-11-20T18:00:00+09:00"},  # a restart after hours
        {"event": "incident.reprioritized", "at": "2026-11-23T12:00:00+09:00", "priority": "P1"},  # a reset
    ]
    out = _explain(tmp_path, capsys, events, lang)
    restart = {"en": "Next reply: starts again", "ja": "次回回答：停止後の再始動"}[lang]
    line = _line(out, AFTER_FRIDAY[lang])
    assert restart in line and line.index(restart) < line.index(AFTER_FRIDAY[lang]), line
    reset = {"en": "Resolution: reset", "ja": "解決：リセット"}[lang]
    line = _line(out, HOLIDAY[lang])
    assert reset in line and line.index(reset) < line.index(HOLIDAY[lang]), line
    # the start and the restart in open time say nothing of it
    assert out.count("business time counts from") + out.count("営業時間の計算は") == 2, out


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_calendar_of_the_rule_chosen_by_attribute(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    # an English P1 counts desk_en hours (16:00-24:00, no Japanese holidays): Mon 23 Nov opens at 16:00
    events: list[dict[str, object]] = [
        {
            "event": "incident.reported",
            "at": "2026-11-23T10:00:00+09:00",
            "priority": "P1",
            "attributes": {"channel": "en"},
        },
        {"event": "incident.responded", "at": "2026-11-23T10:10:00+09:00"},
    ]
    out = _explain(tmp_path, capsys, events, lang)
    said = {
        "en": "business time counts from Mon 23 Nov 16:00 (before opening: Mon 23 Nov opens at 16:00)",
        "ja": "営業時間の計算は11月23日(月) 16:00から（始業前：11月23日(月)は16:00に始業）",
    }[lang]
    line = _line(out, said)
    assert line.index(STARTS[lang]) < line.index(said), line
    assert HOLIDAY[lang] not in out, out  # not the business calendar's words


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_not_for_elapsed_or_day_based_targets_nor_a_resume(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    events: list[dict[str, object]] = [  # P2: elapsed resolution, a first reply by end of a business day
        {"event": "incident.reported", "at": "2026-11-23T10:00:00+09:00", "priority": "P2"},
        {"event": "incident.responded", "at": "2026-11-23T10:10:00+09:00"},
        {"event": "incident.product_suspected", "at": "2026-11-23T11:00:00+09:00"},
    ]
    out = _explain(tmp_path, capsys, events, lang)
    assert "business time counts from" not in out and "営業時間の計算は" not in out, out
    events = [  # P1 started and resumed outside hours: only the start is a cycle's
        {"event": "incident.reported", "at": "2026-11-19T10:00:00+09:00", "priority": "P1"},
        {"event": "incident.responded", "at": "2026-11-19T10:10:00+09:00"},
        {"event": "incident.info_provided", "at": "2026-11-19T11:00:00+09:00"},
        {"event": "incident.customer_replied", "at": "2026-11-20T18:00:00+09:00"},
    ]
    out = _explain(tmp_path, capsys, events, lang)
    assert "business time counts from" not in out and "営業時間の計算は" not in out, out
