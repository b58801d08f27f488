"""``sla explain ID`` without ``--from``/``--to`` judges the month whose report lists the item.

Each case here was one where the month explain chose was not the evaluator's, so the item could not be
explained without flags (exit 1) or was explained from another month's verdict:

* a planned stop whose latest announcement moves it to another month (the evaluator judges the latest
  window; explain took the earliest announced start);
* a measurement period's id with a condition (``content:2026-11-01:plan=premium``) and a window of
  hours (``logs:2026-11-30T12:00:00+09:00``): only the text after the last ``:`` was read as a date;
* a backup day on a month's last day in a zone at UTC+13 (read at noon UTC: the next month there);
* an incident with a stray event logged before its report (the earlier month lists only that event's
  ``data`` violation);
* an id given with spaces around it (the readers strip the log's ids), one whose every event is after
  ``--as-of``, and an id of no measurement period (the refusals said "no incident, outage, planned stop
  or backup"); a period with no violation is explained.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .helpers import POLICY, ROOT, sla

PLANS = ROOT / "policies" / "examples" / "plans.sla"
NOVEMBER_JA = "判定期間：2026年11月1日(日) 00:00 〜 2026年12月1日(火) 00:00（2026年12月1日(火) 00:00 時点）"
NOVEMBER_EN = "Judged over Sun 1 Nov 2026 00:00 to Tue 1 Dec 2026 00:00 (as of Tue 1 Dec 2026 00:00)"


def _log(tmp_path: Path, events: list[dict[str, Any]], name: str = "events.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events), "utf-8")
    return path


def _explain(*args: str | Path) -> str:
    code, out, err = sla("explain", *args)
    assert code == 0, err
    return out


def test_a_rescheduled_stop_is_explained_in_the_month_it_moved_to(tmp_path: Path) -> None:
    """Announced on 10 Oct for 31 Oct, moved on 25 Oct to 7 Nov: the November report lists it."""
    log = _log(
        tmp_path,
        [
            {
                "event": "stop.announced",
                "at": "2026-10-10T10:00:00+09:00",
                "id": "XS-1",
                "channel": "email",
                "start": "2026-10-31T01:00:00+09:00",
                "end": "2026-10-31T03:00:00+09:00",
            },
            {
                "event": "stop.announced",
                "at": "2026-10-25T10:00:00+09:00",
                "id": "XS-1",
                "channel": "email",
                "start": "2026-11-07T01:00:00+09:00",
                "end": "2026-11-07T03:00:00+09:00",
            },
        ],
    )
    lines = _explain(POLICY, log, "XS-1").splitlines()
    assert lines[0] == "計画停止 XS-1（規定の版 2026.1）：有効：停止時間は除外時間"
    assert lines[1] == NOVEMBER_JA
    assert lines[-1].startswith("  11月7日(土) 01:00  計画停止の開始（11月7日(土) 03:00 まで）")


def _plans_log(tmp_path: Path) -> Path:
    """An October incident first (the log's first month), then a November outage and one backup."""
    return _log(
        tmp_path,
        [
            {"event": "incident.reported", "at": "2026-10-20T10:00:00+09:00", "id": "OCT-1", "priority": "P1"},
            {"event": "incident.responded", "at": "2026-10-20T10:30:00+09:00", "id": "OCT-1"},
            {
                "event": "outage.started",
                "at": "2026-11-10T00:00:00+09:00",
                "id": "OUT-1",
                "cause": "failure",
                "service": "content",
                "attributes": {"plan": "premium"},
            },
            {"event": "outage.ended", "at": "2026-11-10T06:00:00+09:00", "id": "OUT-1"},
            {"event": "backup.completed", "at": "2026-11-30T03:00:00+09:00", "id": "LG-1130a", "kind": "logs"},
        ],
    )


def test_a_measurement_period_with_a_condition_is_read_by_its_date(tmp_path: Path) -> None:
    lines = _explain(PLANS, _plans_log(tmp_path), "content:2026-11-01:plan=premium").splitlines()
    assert lines[0] == "Content delivery: availability below target"
    assert lines[1] == NOVEMBER_EN


def test_a_window_of_hours_is_read_by_its_start(tmp_path: Path) -> None:
    log = _plans_log(tmp_path)
    lines = _explain(PLANS, log, "logs:2026-11-30T12:00:00+09:00").splitlines()
    assert lines[:2] == ["Logs from Mon 30 Nov 12:00 to Tue 1 Dec 00:00: Missed", NOVEMBER_EN]
    rows = json.loads(_explain(PLANS, log, "logs:2026-11-30T12:00:00+09:00", "--format", "json"))
    assert [(r["status"], r["window_start"]) for r in rows] == [("missed", "2026-11-30T12:00:00+09:00")]


def test_a_period_without_a_violation_is_explained(tmp_path: Path) -> None:
    """The quarter of ``portal`` is not over in November: no violation, but the report lists the period,
    so it is explained (it was refused). An id of no period is refused naming the periods there are, not
    as no incident, outage, planned stop or backup."""
    log = _plans_log(tmp_path)
    lines = _explain(PLANS, log, "portal:2026-11-01", "--lang", "en").splitlines()
    assert lines[:2] == ["Admin portal: availability not final", NOVEMBER_EN]
    code, out, err = sla("explain", PLANS, log, "portal:2026-11-02", "--lang", "en")
    assert (code, out) == (1, "")
    assert err.startswith("sla: error: no measurement period `portal:2026-11-02` in the period Sun 1 Nov 2026 00:00")
    assert "`portal:2026-11-01`" in err
    code, _, err = sla("explain", PLANS, log, "portal:2026-11-02", "--lang", "ja")
    assert code == 1
    assert "`portal:2026-11-02` という測定期間はありません" in err
    assert "案件・障害・計画停止・バックアップ" not in err


def test_a_backup_day_is_read_in_the_policys_zone(tmp_path: Path) -> None:
    """30 Nov at noon UTC is 1 Dec 01:00 in Auckland: the day is read in the policy's zone."""
    text = POLICY.read_text("utf-8")
    policy = tmp_path / "nz.sla"
    policy.write_text(text.replace("timezone Asia/Tokyo", "timezone Pacific/Auckland", 1), "utf-8")
    log = _log(
        tmp_path,
        [{"event": "backup.completed", "at": "2026-11-29T02:00:00+13:00", "id": "DB-29", "kind": "database"}],
    )
    lines = _explain(policy, log, "files:2026-11-30", "--lang", "en").splitlines()
    assert lines[:2] == ["File backup service on Mon 30 Nov 2026: Missed", NOVEMBER_EN]


def test_an_event_before_the_report_does_not_choose_the_month(tmp_path: Path) -> None:
    """A reply logged on 31 Oct, the report on 2 Nov: October lists only that event's ``data`` violation,
    November the incident's verdict."""
    log = _log(
        tmp_path,
        [
            {"event": "incident.customer_replied", "at": "2026-10-31T09:00:00+09:00", "id": "XM-4"},
            {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "XM-4", "priority": "P1"},
            {"event": "incident.responded", "at": "2026-11-02T17:00:00+09:00", "id": "XM-4"},
        ],
    )
    lines = _explain(POLICY, log, "XM-4").splitlines()
    assert lines[:2] == ["案件 XM-4（P1 優先度１、規定の版 2026.1）：未達", NOVEMBER_JA]


def test_an_id_with_spaces_around_it_is_the_logs_id(tmp_path: Path) -> None:
    log = _log(
        tmp_path,
        [{"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": " 障害 A ", "priority": "P1"}],
    )
    assert _explain(POLICY, log, " 障害 A ").splitlines()[0] == "案件 障害 A（P1 優先度１、規定の版 2026.1）：未達"


def test_an_id_whose_events_are_all_after_as_of_is_not_judged_yet(tmp_path: Path) -> None:
    log = _log(
        tmp_path,
        [
            {"event": "incident.reported", "at": "2026-11-04T15:00:00+09:00", "id": "INC-3", "priority": "P1"},
            {"event": "incident.responded", "at": "2026-11-04T16:00:00+09:00", "id": "INC-3"},
        ],
    )
    as_of = ["--as-of", "2026-11-03T00:00:00+09:00"]
    code, out, err = sla("explain", POLICY, log, "INC-3", *as_of, "--lang", "en")
    assert (code, out, err) == (
        1,
        "",
        "sla: error: the first event about `INC-3` (Wed 4 Nov 2026 15:00) is after the as-of time"
        " Tue 3 Nov 2026 00:00: it is not judged yet\n",
    )
    code, _, err = sla("explain", POLICY, log, "INC-3", *as_of)
    assert code == 1
    assert err == (
        "sla: エラー: `INC-3` の最初のイベント（2026年11月4日(水) 15:00）は判定時点"
        " 2026年11月3日(火) 00:00 より後のため、まだ判定していません\n"
    )
