"""``sla explain ID`` agrees with the monthly report for every id the report lists (the example month).

Without ``--from``/``--to`` explain judges the month the report covers, so an incident's status, an
outage's notice, a stop's notice, a deletion's retention, a backup day's status and every violation are
the report's. The cases the issue found (INC-054, INC-079, OUT-09, ``files:2026-11-14``, CB-1121-06)
are among them, and checked by hand below.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from sla_dsl.i18n import message

from .helpers import EXAMPLE, MONTH, POLICY, sla


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    code, out, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "json")
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def _explained(ident: str) -> tuple[list[dict[str, Any]], str]:
    code, out, err = sla("explain", POLICY, EXAMPLE, ident, "--format", "json")
    assert code == 0, (ident, err)
    code, text, err = sla("explain", POLICY, EXAMPLE, ident)
    assert code == 0, (ident, err)
    rows: list[dict[str, Any]] = json.loads(out)
    return rows, text


def test_every_listed_id_is_explained_as_the_report_judged_it(report: dict[str, Any]) -> None:
    checked = 0
    for group, keys, word in (
        ("incidents", ("status", "response_due", "responded_at"), lambda r: f"report.status.{r['status']}"),
        ("outages", ("notice_status", "downtime_minutes", "notice_due"), None),
        ("planned_stops", ("notice_ok", "notice_deadline"), None),
        ("retention", ("ok", "keep_until"), None),
    ):
        for row in report[group]:
            rows, text = _explained(row["id"])
            mine = [r for r in rows if all(k in r for k in keys)]
            assert mine and all(r[k] == row[k] for r in mine for k in keys), (row["id"], rows)
            if word is not None:
                assert message(word(row), "ja") in text.splitlines()[0], (row["id"], text)
            checked += 1
    for b in report["backups"]:
        if b["status"] != "ok":
            rows, text = _explained(f"{b['kind']}:{b['day']}")
            assert [r["status"] for r in rows] == [b["status"]]
            assert message(f"report.backup.{b['status']}", "ja") in text.splitlines()[0]
            checked += 1
    for v in report["violations"]:
        rows, text = _explained(v["id"])
        assert rows, v
        checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    ("ident", "first_line"),
    [
        ("INC-054", "案件 INC-054（P2 優先度２、規定の版 2026.1）：未達"),  # no response by the 11-30 18:00 due time
        ("INC-079", "案件 INC-079（P3 優先度３、規定の版 2026.1）：要注意"),  # due 12-01 10:30, 75% used
        ("OUT-09", "障害 OUT-09（規定の版 2026.1）：停止時間 0:25、復旧情報通知時間：期限超過"),  # due 11-30 11:05
        ("files:2026-11-14", "ファイルバックアップサービス（2026年11月14日(土)）：未実施"),
        ("CB-1121-06", "CB-1121-06：バックアップのゾーン不備"),
    ],
)
def test_the_cases_the_issue_found(ident: str, first_line: str) -> None:
    _, text = _explained(ident)
    assert text.splitlines()[0] == first_line


def test_explain_lines_are_in_time_order_each_time_once() -> None:
    """INC-001: the 16:12 response comes before the 18:00 same-day line; each instant is written once."""
    _, text = _explained("INC-001")
    steps = [ln.strip() for ln in text.splitlines()[3:]]
    assert steps == [
        "11月2日(月) 09:00  障害の報告を受付（P1 優先度１）。応答目標の起算（障害報告の受付）。"
        "営業時間の計算は11月2日(月) 10:00から（始業前：11月2日(月)は10:00に始業）",
        "11月2日(月) 15:00  応答期限：4営業時間以内",
        "11月2日(月) 16:12  応答（期限から 1:12 超過）",
        "11月2日(月) 17:45  情報を提供",
        "11月2日(月) 18:00  当日中の回答目安（目安どおり）",
        "11月4日(水) 16:58  回避策または問題解決に必要な情報を受領（完了）",
    ]
