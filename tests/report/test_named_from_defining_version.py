"""What only a version from mid-period defines is named, counted and rounded as that version says.

Version 1 (effective 1 Jan 2026) measures the website at 99.5% and takes its logs every 12 hours; version 2
(effective Thu 1 Oct 2026) adds a priority P3 "Low", a notice rule ``ack`` on incident events and a measured
service ``api`` "API", raises the website's target to 99.9% and takes the logs every 6 hours. A report of
September and October was worded from version 1 (the one in force at ``--from``) where the summary was not:
the trend's rows read ``P3: response``, ``ack`` and ``Availability (api)`` (the summary: ``P3 Low``,
``Acknowledgement``, ``API``), the table of availability per period listed ``api``; the summary's logs read
``184 of 184 windows of 12 hours taken`` though most were of 6 hours; and October's website figure, 99.8999%,
was rounded against version 1's 99.5% to ``99.900%``, onto the 99.9% it is below. Each is now named from the
version that defines it, the windows without one length, and a figure kept below the target that judged it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from .helpers import sla

V1 = """sla "Two" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages ja, en
}
calendar business "営業時間" / "Business" {
  days mon..fri
  hours 09:00-18:00
}
calendar always "常時" / "Always" {
  days mon..sun
  hours 00:00-24:00
}
clock response "応答" / "Response" {
  starts at incident.reported
}
service web "ウェブサイト" / "Website" {
  hours always
  availability target 99.5% monthly
}
priority P1 "緊急" / "Urgent" {
  respond within 2 business hours
  complete on incident.resolved
}
backup logs "ログ" / "Logs" {
  every 12 hours
}
"""

#: version 2: a priority, a notice rule on incident events and a measured service added, two values changed
V2 = V1.replace('version "1"', 'version "2"').replace("effective 2026-01-01", "effective 2026-10-01").replace(
    "every 12 hours", "every 6 hours"
).replace("availability target 99.5% monthly", "availability target 99.9% monthly") + (
    'service api "エーピーアイ" / "API" {\n  hours always\n  availability target 99.9% monthly\n}\n'
    'priority P3 "低" / "Low" {\n  respond within 8 business hours\n  complete on incident.resolved\n}\n'
    'notify ack "受付通知" / "Acknowledgement" {\n  within 30 minutes after incident.reported\n'
    "  met by incident.responded\n}\n"
)

JST = dt.timezone(dt.timedelta(hours=9))


def _events() -> list[dict[str, str]]:
    ev = [
        {"event": "incident.reported", "at": "2026-09-02T10:00:00+09:00", "id": "INC-1", "priority": "P1"},
        {"event": "incident.responded", "at": "2026-09-02T10:20:00+09:00", "id": "INC-1"},
        {"event": "incident.reported", "at": "2026-10-05T10:00:00+09:00", "id": "INC-2", "priority": "P3"},
        {"event": "incident.responded", "at": "2026-10-05T10:40:00+09:00", "id": "INC-2"},
        {"event": "incident.reported", "at": "2026-10-06T10:00:00+09:00", "id": "INC-3", "priority": "P1"},
        {"event": "incident.responded", "at": "2026-10-06T10:10:00+09:00", "id": "INC-3"},
        # 44 min 42 s down in October's 44,640 minutes: 99.8999%, below 99.9% though it rounds to 99.900%
        {"event": "outage.started", "at": "2026-10-07T10:00:00+09:00", "id": "OUT-1", "service": "web"},
        {"event": "outage.ended", "at": "2026-10-07T10:44:42+09:00", "id": "OUT-1"},
    ]
    t, n = dt.datetime(2026, 9, 1, 1, tzinfo=JST), 0
    while t < dt.datetime(2026, 11, 1, tzinfo=JST):  # a log backup every 6 hours
        n += 1
        ev.append({"event": "backup.completed", "at": t.isoformat(), "id": f"L{n}", "kind": "logs"})
        t += dt.timedelta(hours=6)
    return ev


def _report(tmp_path: Path, lang: str) -> str:
    folder = tmp_path / "versions"
    folder.mkdir()
    (folder / "a.sla").write_text(V1, "utf-8")
    (folder / "b.sla").write_text(V2, "utf-8")
    events = tmp_path / "events.jsonl"
    events.write_text("".join(json.dumps(e) + "\n" for e in _events()), "utf-8")
    args = ("--from", "2026-09-01", "--to", "2026-11-01", "--lang", lang, "--quiet")
    code, out, err = sla("evaluate", folder, events, *args)
    assert code == 0, err
    return out


def _section(text: str, title: str) -> list[str]:
    """The lines of one section of the text report (its title to the next blank line)."""
    lines = text.splitlines()
    k = lines.index(title)
    end = lines.index("", k)
    return lines[k + 1 : end]


def _row(lines: list[str], start: str) -> str:
    found = [line for line in lines if line.strip().startswith(start)]
    assert len(found) == 1, (start, lines)
    return found[0]


@pytest.mark.parametrize(
    ("lang", "trend", "rows"),
    [
        (
            "en",
            "Trend against earlier months",
            ["P3 Low: response", "Acknowledgement", "Availability (API)", "Availability (Website)"],
        ),
        ("ja", "前月までとの比較", ["P3 低の応答", "受付通知", "稼働率（エーピーアイ）", "稼働率（ウェブサイト）"]),
    ],
)
def test_trend_rows_named_as_the_summary(tmp_path: Path, lang: str, trend: str, rows: list[str]) -> None:
    text = _report(tmp_path, lang)
    lines = _section(text, trend)
    for start in rows:
        _row(lines, start)
    said = "\n".join(lines)
    assert "P3: response" not in said and "P3の応答" not in said
    assert not any(line.strip().startswith(("ack ", "Availability (api)", "稼働率（api）")) for line in lines)


def test_availability_table_names_the_added_service(tmp_path: Path) -> None:
    lines = _section(_report(tmp_path, "en"), "Availability per service and measurement period")
    assert _row(lines, "API ").split()[0] == "API"
    assert not any(line.strip().startswith("api ") for line in lines)


@pytest.mark.parametrize(
    ("lang", "summary", "said"),
    [("en", "Summary", "184 of 184 windows taken "), ("ja", "総括", "184/184 回実施（取得期間ごと）")],
)
def test_windows_of_two_lengths(tmp_path: Path, lang: str, summary: str, said: str) -> None:
    row = _row(_section(_report(tmp_path, lang), summary), "Logs" if lang == "en" else "ログ")
    assert said in row, row
    assert "windows of 12 hours" not in row and "12時間ごとの取得期間" not in row, row


def test_figure_kept_below_the_target_of_its_month(tmp_path: Path) -> None:
    text = _report(tmp_path, "en")
    trend = _row(_section(text, "Trend against earlier months"), "Availability (Website)")
    assert "99.899%" in trend and "99.900%" not in trend, trend
    summary = _row(_section(text, "Summary"), "Availability (Website)")
    assert "99.899% (lowest month: October 2026)" in summary and "not met" in summary, summary
