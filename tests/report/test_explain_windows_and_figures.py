"""What ``sla explain`` says about a backup window, a figure with seconds, an outage across the period's
edge, a clock started at a declared event, and a priority with several rules.

* A kind taken every N hours is judged window by window: each window was explained as the whole day,
  and a missed window said "taken 03:00" (a backup of the day's other window) before "no backup
  recorded in the window". A day of ``every 2 days`` counts the day before too.
* 20 seconds late read "0:00 late", in explain and in the report's violation line; an outage of 40
  seconds read 0:01 in explain's headline while the report's outage table said 0:00:40.
* An outage from 30 Nov 16:00 to 1 Dec 11:00 explained over December: downtime 11:00 in the headline,
  "down 19:00" in the step, and no step said where the other 8:00 went.
* A clock started at ``incident.chat_started`` (declared by the policy) was named ``chat_started``.
* Of a priority's several rules (issue 13), the headline named none.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .helpers import MONTH, POLICY, ROOT, sla

PLANS = ROOT / "policies" / "examples" / "plans.sla"
HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"
HELPDESK_EVENTS = ROOT / "policies" / "examples" / "helpdesk-events.jsonl"


def _log(tmp_path: Path, events: list[dict[str, Any]]) -> Path:
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    return path


def _explain(*args: str | Path) -> str:
    code, out, err = sla("explain", *args)
    assert code == 0, err
    return out


def _steps(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.startswith("  ")]


def test_each_window_of_hours_is_explained_by_its_own_bounds(tmp_path: Path) -> None:
    log = _log(
        tmp_path,
        [{"event": "backup.completed", "at": "2026-11-30T03:00:00+09:00", "id": "LG-1130a", "kind": "logs"}],
    )
    taken, missed = _explain(PLANS, log, "logs:2026-11-30", "--lang", "en").split("\n\n")
    assert taken.splitlines()[0] == "Logs from Mon 30 Nov 00:00 to Mon 30 Nov 12:00: Taken"
    assert _steps(taken) == [
        "Mon 30 Nov 00:00  the window opens (until Mon 30 Nov 12:00)",
        "Mon 30 Nov 03:00  Logs taken",
    ]
    assert missed.splitlines()[0] == "Logs from Mon 30 Nov 12:00 to Tue 1 Dec 00:00: Missed"
    assert _steps(missed) == [
        "Mon 30 Nov 12:00  the window opens (until Tue 1 Dec 00:00)",
        "Tue 1 Dec 00:00  no backup recorded in the window: missed",
    ]
    # the backup's own id: the window it counts in, named
    said = _explain(PLANS, log, "LG-1130a", "--lang", "ja")
    assert said.splitlines()[0] == "ログ（11月30日(月) 00:00 〜 11月30日(月) 12:00）：実施"


def test_a_day_of_every_2_days_shows_the_backup_of_the_day_before(tmp_path: Path) -> None:
    text = POLICY.read_text("utf-8")
    head = 'backup files "ファイルバックアップサービス"'
    at = text.index("every 1 day", text.index(head))
    policy = tmp_path / "two.sla"
    policy.write_text(text[:at] + "every 2 days" + text[at + len("every 1 day") :], "utf-8")
    log = _log(tmp_path, [{"event": "backup.completed", "at": "2026-11-01T03:00:00+09:00", "id": "F", "kind": "files"}])
    said = _explain(policy, log, "files:2026-11-02", "--lang", "en")
    assert said.splitlines()[0] == "File backup service on Mon 2 Nov 2026: Taken"
    assert _steps(said) == [
        "Sun 1 Nov 00:00  the day's window opens (until Tue 3 Nov 00:00)",
        "Sun 1 Nov 03:00  File backup service taken",
    ]


def _seconds_log(tmp_path: Path) -> Path:
    return _log(
        tmp_path,
        [
            {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "S1", "priority": "P1"},
            {"event": "incident.responded", "at": "2026-11-02T15:00:20+09:00", "id": "S1"},
            {"event": "outage.started", "at": "2026-11-05T10:00:00+09:00", "id": "SO", "cause": "failure"},
            {"event": "outage.recognized", "at": "2026-11-05T10:00:00+09:00", "id": "SO"},
            {"event": "outage.ended", "at": "2026-11-05T10:00:40+09:00", "id": "SO"},
            {"event": "outage.notified", "at": "2026-11-05T13:00:30+09:00", "id": "SO"},
        ],
    )


def test_a_time_under_a_minute_is_said_to_the_second(tmp_path: Path) -> None:
    """Due 15:00, responded 15:00:20: late by 0:00:20, not 0:00 (on the due side of its target)."""
    log = _seconds_log(tmp_path)
    assert "11月2日(月) 15:00  応答（期限から 0:00:20 超過）" in _steps(_explain(POLICY, log, "S1"))
    code, report, err = sla("evaluate", POLICY, log, *MONTH)
    assert code == 0, err
    assert "に応答（0:00:20 超過）" in report
    assert "0:00 超過" not in report
    code, report, err = sla("evaluate", POLICY, log, *MONTH, "--lang", "en")
    assert "(0:00:20 late)" in report


def test_an_outage_of_40_seconds_is_said_as_the_outage_table_says_it(tmp_path: Path) -> None:
    log = _seconds_log(tmp_path)
    said = _explain(POLICY, log, "SO")
    assert said.splitlines()[0] == "障害 SO（規定の版 2026.1）：停止時間 0:00:40、復旧情報通知時間：期限内に通知"
    assert "11月5日(木) 10:00  サービス復旧（停止 0:00:40）" in _steps(said)
    code, report, err = sla("evaluate", POLICY, log, *MONTH)
    assert code == 0, err
    assert next(line for line in report.splitlines() if line.startswith("  SO ")).split()[5] == "0:00:40"


def test_the_part_of_an_outage_outside_the_period_is_said(tmp_path: Path) -> None:
    log = _log(
        tmp_path,
        [
            {"event": "outage.started", "at": "2026-11-30T16:00:00+09:00", "id": "ME-2", "cause": "failure"},
            {"event": "outage.recognized", "at": "2026-11-30T16:30:00+09:00", "id": "ME-2"},
            {"event": "outage.ended", "at": "2026-12-01T11:00:00+09:00", "id": "ME-2"},
        ],
    )
    december = ["--from", "2026-12-01", "--to", "2027-01-01"]
    said = _explain(POLICY, log, "ME-2", *december, "--lang", "en")
    assert said.splitlines()[0].startswith("Outage ME-2 (policy version 2026.1): downtime 11:00,")
    steps = _steps(said)
    assert (
        "Tue 1 Dec 00:00  the period starts: the 8:00 of the outage before it is outside the period and not"
        " counted in it"
    ) in steps
    assert "Tue 1 Dec 11:00  service available again (down 19:00)" in steps
    said = _explain(POLICY, log, "ME-2", *december)
    assert (
        "12月1日(火) 00:00  判定期間の開始：停止のうちこれより前の 8:00 は期間外で、この期間の停止時間に数えません"
    ) in _steps(said)
    # judged over November as of a later time: the part after the period's end
    said = _explain(POLICY, log, "ME-2", "--as-of", "2026-12-02T00:00:00+09:00", "--lang", "en")
    assert said.splitlines()[0].startswith("Outage ME-2 (policy version 2026.1): downtime 8:00,")
    assert (
        "Tue 1 Dec 00:00  the period ends: the 11:00 of the outage after it is outside the period and not counted in it"
    ) in _steps(said)


def test_a_clock_started_at_a_declared_event_is_named_by_its_label(tmp_path: Path) -> None:
    text = HELPDESK.read_text("utf-8")
    plain = "[art 5] {\n  starts at incident.reported\n  at risk"
    assert text.count(plain) == 1
    policy = tmp_path / "chat.sla"
    policy.write_text(text.replace(plain, plain.replace("reported", "chat_started, else incident.reported")), "utf-8")
    ja = _explain(policy, HELPDESK_EVENTS, "H8", "--lang", "ja")
    assert "応答目標の起算（「チャット開始」）" in ja
    en = _explain(policy, HELPDESK_EVENTS, "H8", "--lang", "en")
    assert "response clock starts (“Chat started”)" in en
    assert "chat_started" not in ja + en


def test_the_rule_that_judged_an_incident_is_named_in_the_headline(tmp_path: Path) -> None:
    """plans.sla has two P1 rules, ``緊急（プレミアム）`` for the premium plan and ``緊急``."""
    log = _log(
        tmp_path,
        [
            {
                "event": "incident.reported",
                "at": "2026-11-02T10:00:00+09:00",
                "id": "PREMIUM",
                "priority": "P1",
                "attributes": {"plan": "premium"},
            },
            {"event": "incident.responded", "at": "2026-11-02T10:45:00+09:00", "id": "PREMIUM"},
            {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "STANDARD", "priority": "P1"},
            {"event": "incident.responded", "at": "2026-11-02T14:30:00+09:00", "id": "STANDARD"},
        ],
    )
    premium = _explain(PLANS, log, "PREMIUM", "--lang", "ja").splitlines()
    assert premium[0] == "案件 PREMIUM（P1 緊急（プレミアム）、規定の版 1.0）：達成"
    assert premium[2] == "根拠：第3条（サービスレベル）P1 緊急（プレミアム）"
    standard = _explain(PLANS, log, "STANDARD", "--lang", "en").splitlines()
    assert standard[0] == "Incident STANDARD (P1 Urgent, policy version 1.0): met"
