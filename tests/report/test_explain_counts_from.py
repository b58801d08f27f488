"""``sla explain`` says when business time starts counting, and why, for an incident whose response clock
starts outside the open time of the calendar its target counts (a national holiday, a named yearly holiday, a
weekend, after hours): the due time on another day was shown alone, unexplained. Not for an elapsed target
(``within 4 hours``), nor for a clock started in open time."""

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
  holiday yearly 11-27 "創立記念日" / "Founders' Day"
}
clock response "応答" / "Response" { starts at incident.reported }
priority P1 "緊急" / "Urgent" {
  respond within 4 business hours
  complete on incident.resolved
}
priority P2 "通常" / "Normal" {
  respond within 4 hours
  complete on incident.resolved
}
"""


def _explain(tmp_path: Path, capsys: pytest.CaptureFixture[str], reported: str, priority: str, lang: str) -> str:
    policy, log = tmp_path / "p.sla", tmp_path / "events.jsonl"
    policy.write_text(POLICY, "utf-8")
    event = {"event": "incident.reported", "at": reported, "id": "A", "priority": priority}
    log.write_text(json.dumps(event) + "\n", "utf-8")
    code = main(["explain", str(policy), str(log), "A", "--lang", lang, "--from", "2026-11-01", "--to", "2026-12-31"])
    out = capsys.readouterr().out
    assert code == 0, out
    return out


@pytest.mark.parametrize(
    ("reported", "lang", "said"),
    [
        (  # 勤労感謝の日: a national holiday
            "2026-11-23T10:00:00+09:00",
            "en",
            "business time counts from Tue 24 Nov 09:00 (Mon 23 Nov is a holiday: Labor Thanksgiving Day)",
        ),
        (
            "2026-11-23T10:00:00+09:00",
            "ja",
            "営業時間の計算は11月24日(火) 09:00から（11月23日(月)は祝日：勤労感謝の日）",
        ),
        (  # a `holiday yearly` the calendar names
            "2026-11-27T10:00:00+09:00",
            "en",
            "business time counts from Mon 30 Nov 09:00 (Fri 27 Nov is a holiday: Founders' Day)",
        ),
        (
            "2026-11-27T10:00:00+09:00",
            "ja",
            "営業時間の計算は11月30日(月) 09:00から（11月27日(金)は休業日：創立記念日）",
        ),
        (  # a Saturday (and the Monday after it a holiday)
            "2026-11-21T10:00:00+09:00",
            "en",
            "business time counts from Tue 24 Nov 09:00 (Sat 21 Nov is not a business day)",
        ),
        (
            "2026-11-21T10:00:00+09:00",
            "ja",
            "営業時間の計算は11月24日(火) 09:00から（11月21日(土)は営業日ではありません）",
        ),
        (  # after hours
            "2026-11-24T18:30:00+09:00",
            "en",
            "business time counts from Wed 25 Nov 09:00 (after hours: Tue 24 Nov closes at 17:00)",
        ),
        (
            "2026-11-24T18:30:00+09:00",
            "ja",
            "営業時間の計算は11月25日(水) 09:00から（終業後：11月24日(火)は17:00に終業）",
        ),
        (  # before opening
            "2026-11-24T07:00:00+09:00",
            "en",
            "business time counts from Tue 24 Nov 09:00 (before opening: Tue 24 Nov opens at 09:00)",
        ),
        (
            "2026-11-24T07:00:00+09:00",
            "ja",
            "営業時間の計算は11月24日(火) 09:00から（始業前：11月24日(火)は09:00に始業）",
        ),
    ],
)
def test_explain_says_when_business_time_starts_counting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], reported: str, lang: str, said: str
) -> None:
    out = _explain(tmp_path, capsys, reported, "P1", lang)
    (line,) = [x.strip() for x in out.splitlines() if said in x]
    # on the line of the clock start, after it: the due time on the line below follows from it
    clock = "response clock starts (report received)" if lang == "en" else "応答目標の起算（障害報告の受付）"
    assert line.index(clock) < line.index(said), line


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(
    ("reported", "priority"),
    [
        ("2026-11-23T10:00:00+09:00", "P2"),  # an elapsed target counts a holiday too
        ("2026-11-21T10:00:00+09:00", "P2"),
        ("2026-11-24T18:30:00+09:00", "P2"),
        ("2026-11-24T10:00:00+09:00", "P1"),  # started in open time
    ],
)
def test_no_such_step_for_elapsed_time_or_open_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], reported: str, priority: str, lang: str
) -> None:
    out = _explain(tmp_path, capsys, reported, priority, lang)
    assert "response due" in out or "応答期限" in out, out
    assert "business time counts from" not in out and "営業時間の計算は" not in out, out
