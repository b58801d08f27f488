"""``sla replay`` between versions in different time zones shows every time in OLD's zone, and says so.

Each report writes its times in its own policy's zone, and the summary showed each as it came:
``期限 2026年11月2日(月) 15:00 → 2026年11月2日(月) 15:00`` for a due time that moved from 15:00
Tokyo time to 15:00 UTC (nine hours later), a responded time in UTC beside a due time in Tokyo time,
and the period in the title as ``2026-10-31T15:00:00+00:00``. Each test fails on the code before.
With one zone on both sides the summary is what it always was (checked in the same tests).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sla_dsl.cli import main

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"  # `timezone Asia/Tokyo`, `languages ja, en`

# Mon 2 Nov 2026 09:00 Tokyo: P1 (4 business hours, 10:00-12:00 and 13:00-18:00) is due 15:00 Tokyo time
# under Tokyo's calendar; under UTC's it is reported Mon 00:00 UTC and due 15:00 UTC (Tue 00:00 Tokyo)
EVENTS = [
    {"event": "incident.reported", "at": "2026-11-02T09:00:00+09:00", "id": "INC-1", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-02T16:12:00+09:00", "id": "INC-1"},
]
PERIOD = ["--from", "2026-11-01", "--to", "2026-12-01"]


def _write(tmp_path: Path) -> tuple[Path, Path, Path]:
    events = tmp_path / "events.jsonl"
    events.write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    text = POLICY.read_text("utf-8").replace('version "2026.1"', 'version "2026.3"')
    utc = tmp_path / "utc.sla"
    utc.write_text(text.replace("timezone Asia/Tokyo", "timezone UTC"), "utf-8")
    shorter = tmp_path / "shorter.sla"  # the same zone, one target changed: INC-1 due 12:00, breached still
    shorter.write_text(text.replace("respond within 4 business hours", "respond within 2 business hours"), "utf-8")
    return events, utc, shorter


def _replay(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["replay", *argv, *PERIOD]) == 0
    return capsys.readouterr().out


def test_times_are_shown_in_the_old_zone_in_japanese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    events, utc, shorter = _write(tmp_path)
    lines = _replay([str(POLICY), str(utc), str(events)], capsys).splitlines()
    assert lines[:5] == [
        "再判定 Click So-ko 2026.1 → 2026.3：2026年11月1日(日) 00:00 〜 2026年12月1日(火) 00:00"
        "（2026年12月1日(火) 00:00 時点）",
        "時刻はすべて旧版（2026.1）のタイムゾーン、日本標準時（UTC+9）で示します。"
        "新版（2026.3）のタイムゾーンは協定世界時（UTC）です",
        "",
        "判定が変わる案件：",
        "  INC-1 P1 優先度１：未達 → 達成（期限 2026年11月2日(月) 15:00 → 2026年11月3日(火) 00:00、"
        "応答 2026年11月2日(月) 16:12）",
    ]
    assert "違反（各版の言葉のままです。+ の時刻は協定世界時、- の時刻は日本時間）：" in lines
    # one zone on both sides: no line about zones, times as each report writes them
    assert _replay([str(POLICY), str(shorter), str(events)], capsys) == (
        "再判定 Click So-ko 2026.1 → 2026.3：2026年11月1日(日) 00:00 〜 2026年12月1日(火) 00:00"
        "（2026年12月1日(火) 00:00 時点）\n"
        "\n"
        "期限だけが動き、判定は変わらない案件（1 件）：INC-1\n"
        "\n"
        "案件の判定：未達 1 件 → 1 件\n"
    )


def test_times_are_shown_in_the_old_zone_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    events, utc, _ = _write(tmp_path)
    text = _replay(["--lang", "en", str(POLICY), str(utc), str(events)], capsys)
    assert text.startswith(
        "replay Click So-ko 2026.1 -> 2026.3: Sun 1 Nov 2026 00:00 to Tue 1 Dec 2026 00:00 "
        "(as of Tue 1 Dec 2026 00:00)\n"
        "all times are in Japan Standard Time (UTC+9), the time zone of the old version (2026.1); "
        "the new version (2026.3) is in Coordinated Universal Time (UTC)\n"
        "\n"
        "incidents whose verdict changes:\n"
        "  INC-1 P1 Priority 1: breached -> met (due Mon 2 Nov 2026 15:00 -> Tue 3 Nov 2026 00:00, "
        "responded Mon 2 Nov 2026 16:12)\n"
    )
    assert "\nviolations (as each version words them: times of + in UTC, of - in Japan time):\n" in text
    # the other way round: OLD in UTC, so every time in UTC
    text = _replay(["--lang", "en", str(utc), str(POLICY), str(events)], capsys)
    assert text.startswith(
        "replay Click So-ko 2026.3 -> 2026.1: Sun 1 Nov 2026 00:00 to Tue 1 Dec 2026 00:00 "
        "(as of Tue 1 Dec 2026 00:00)\n"
        "all times are in Coordinated Universal Time (UTC), the time zone of the old version (2026.3); "
        "the new version (2026.1) is in Japan Standard Time (UTC+9)\n"
    )
    assert "  INC-1 P1 Priority 1: met -> breached (due Mon 2 Nov 2026 15:00 -> Mon 2 Nov 2026 06:00, " in text


def test_same_zone_summary_and_the_json_keep_their_form(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    events, utc, shorter = _write(tmp_path)
    # the JSON names no zone of its own: its times carry their offsets, as each report wrote them
    doc = json.loads(_replay(["--format", "json", str(POLICY), str(utc), str(events)], capsys))
    assert set(doc) >= {"old", "new", "period"} and "zones" not in doc
    assert doc["period"] == {
        "from": "2026-10-31T15:00:00Z",
        "to": "2026-11-30T15:00:00Z",
        "as_of": "2026-11-30T15:00:00Z",
    }
    flip = doc["incidents"][0]
    assert (flip["old_due"], flip["new_due"]) == ("2026-11-02T15:00:00+09:00", "2026-11-02T15:00:00Z")
    # the same zone: the text the summary always printed
    text = _replay(["--lang", "en", str(POLICY), str(shorter), str(events)], capsys)
    assert text == (
        "replay Click So-ko 2026.1 -> 2026.3: Sun 1 Nov 2026 00:00 to Tue 1 Dec 2026 00:00 "
        "(as of Tue 1 Dec 2026 00:00)\n"
        "\n"
        "due time moved, verdict unchanged (1): INC-1\n"
        "\n"
        "incident statuses: breached 1 -> 1\n"
    )
    # ... and the summary between different zones is not that
    assert "all times are in" in _replay(["--lang", "en", str(POLICY), str(utc), str(events)], capsys)
