"""``sla explain`` writes every time of a sentence on the policy's clock, but a calendar's own opening or closing
time and its day, which it names the zone of when the calendar has another (``17:00 London time`` /
``ロンドン時間17:00``, the site's words for a cut-off on a calendar's own clock).

A Request Tracker port (a Tokyo policy with a London desk's calendar) read ``Tue 17 Nov 07:30 ... business time
counts from Tue 17 Nov 18:00 (after hours: Mon 16 Nov closes at 17:00)``: 07:30 and 18:00 Tokyo times, 17:00
London's (02:00 Tuesday in Tokyo), unnamed. A New York calendar is read across the end of its summer time (1
November 2026): its 17:00 and 09:00 are New York's on both sides, the times the line counts from Tokyo's.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sla_dsl.cli import main

POLICY = """sla "Z" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages ja, en
}
calendar london "ロンドン窓口" / "London desk" {
  timezone Europe/London
  hours mon..fri 09:00-17:00
}
calendar ny "ニューヨーク窓口" / "New York desk" {
  timezone America/New_York
  hours mon..thu 09:00-17:00
  hours fri 09:00-15:00
  holiday 2026-11-26 "感謝祭" / "Thanksgiving"
}
calendar business "東京" / "Tokyo" {
  hours mon..fri 09:00-17:00
}
clock response "応答" / "Response" { starts at incident.reported }
priority L "L" { respond within 4 london hours }
priority N "N" { respond within 4 ny hours }
priority D "D" { respond by 16:00 of 1st ny day }
priority T "T" { respond within 4 business hours }
"""


def _explain(tmp_path: Path, capsys: pytest.CaptureFixture[str], at: str, priority: str, lang: str) -> str:
    policy, log = tmp_path / "p.sla", tmp_path / "events.jsonl"
    policy.write_text(POLICY, "utf-8")
    log.write_text(json.dumps({"event": "incident.reported", "at": at, "id": "A", "priority": priority}) + "\n")
    code = main(["explain", str(policy), str(log), "A", "--lang", lang, "--from", "2026-10-01", "--to", "2026-12-01"])
    out = capsys.readouterr().out
    assert code == 0, out
    return out


@pytest.mark.parametrize(
    ("at", "priority", "lang", "line"),
    [
        (  # 22:30 Monday in London: after its 17:00 close; it opens at 09:00 London, 18:00 in Tokyo
            "2026-11-17T07:30:00+09:00",
            "L",
            "en",
            "Tue 17 Nov 07:30  failure reported (L L); response clock starts (report received); business time "
            "counts from Tue 17 Nov 18:00 (after hours: Mon 16 Nov closes at 17:00 London time)",
        ),
        (
            "2026-11-17T07:30:00+09:00",
            "L",
            "ja",
            "11月17日(火) 07:30  障害の報告を受付（L L）。応答目標の起算（障害報告の受付）。"
            "営業時間の計算は11月17日(火) 18:00から（終業後：11月16日(月)はロンドン時間17:00に終業）",
        ),
        (  # Friday 18:00 EDT, after its 15:00 close, before the clocks go back: it opens on Monday 09:00 EST,
            # 23:00 in Tokyo (22:00 before the change)
            "2026-10-31T07:00:00+09:00",
            "N",
            "en",
            "business time counts from Mon 2 Nov 23:00 (after hours: Fri 30 Oct closes at 15:00 New York time)",
        ),
        (
            "2026-10-31T07:00:00+09:00",
            "N",
            "ja",
            "営業時間の計算は11月2日(月) 23:00から（終業後：10月30日(金)はニューヨーク時間15:00に終業）",
        ),
        (  # after the change: 07:00 EST opens at 09:00 EST (23:00 in Tokyo, 22:00 before it)
            "2026-11-10T21:00:00+09:00",
            "N",
            "en",
            "business time counts from Tue 10 Nov 23:00 (before opening: Tue 10 Nov opens at 09:00 New York time)",
        ),
        (
            "2026-11-10T21:00:00+09:00",
            "N",
            "ja",
            "営業時間の計算は11月10日(火) 23:00から（始業前：11月10日(火)はニューヨーク時間09:00に始業）",
        ),
        (  # Monday 06:30 in Tokyo is Sunday in New York: that day is its zone's
            "2026-11-02T06:30:00+09:00",
            "N",
            "en",
            "business time counts from Mon 2 Nov 23:00 (Sun 1 Nov (New York time) is not a business day)",
        ),
        (
            "2026-11-02T06:30:00+09:00",
            "N",
            "ja",
            "営業時間の計算は11月2日(月) 23:00から（ニューヨーク時間の11月1日(日)は営業日ではありません）",
        ),
        (  # Friday 08:00 in Tokyo is Thanksgiving in New York
            "2026-11-27T08:00:00+09:00",
            "N",
            "en",
            "business time counts from Fri 27 Nov 23:00 (Thu 26 Nov (New York time) is a holiday: Thanksgiving)",
        ),
        (
            "2026-11-27T08:00:00+09:00",
            "N",
            "ja",
            "営業時間の計算は11月27日(金) 23:00から（ニューヨーク時間の11月26日(木)は休業日：感謝祭）",
        ),
        (  # a day-based target kept at the day's earlier close: 15:00 New York, 05:00 Saturday in Tokyo
            "2026-11-12T23:30:00+09:00",
            "D",
            "en",
            "Sat 14 Nov 05:00  response due: by 16:00 on the 1st business day (New York desk) "
            "(that day closes at 15:00 New York time)",
        ),
        (
            "2026-11-12T23:30:00+09:00",
            "D",
            "ja",
            "11月14日(土) 05:00  応答期限：1営業日目の16:00まで（ニューヨーク窓口）"
            "（その日はニューヨーク時間15:00に終業）",
        ),
        (  # a calendar on the policy's own clock: no zone named
            "2026-11-16T18:30:00+09:00",
            "T",
            "en",
            "business time counts from Tue 17 Nov 09:00 (after hours: Mon 16 Nov closes at 17:00)",
        ),
    ],
)
def test_a_calendar_time_names_its_zone_when_it_is_not_the_policys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], at: str, priority: str, lang: str, line: str
) -> None:
    out = _explain(tmp_path, capsys, at, priority, lang)
    assert line in out, out


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_no_calendar_time_of_another_zone_is_left_unnamed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    """London's 17:00 is 02:00 in Tokyo: a bare ``17:00`` on the line of 07:30 would read as Tokyo's."""
    out = _explain(tmp_path, capsys, "2026-11-17T07:30:00+09:00", "L", lang)
    zone = "London time" if lang == "en" else "ロンドン時間"
    assert "17:00" in out
    assert all(zone in x for x in out.splitlines() if "17:00" in x), out
