"""The trend of a continuous backup kind reads a month with none taken as the summary does, not as clean.

The trend counted a continuous kind's zone problems per month: a month in which none of its backups
completed read ``ゾーンの問題 0件`` / "zone problems: 0" (``faults`` 0 in the JSON), a clean month, where
that month's own summary reads ``記録なし`` / ``確認できず`` ("none recorded", "cannot be verified"); and a
month whose backups state no zone read 0 too, where the summary says they cannot be verified. Now such a
month reads ``記録なし`` / "none recorded" (``faults`` and ``unverified`` null: nothing was judged), and
the backups that state no zone are counted apart (``unverified``), as the summary counts them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from sla_dsl.report import Report
from sla_dsl.report.render import render

from .helpers import sla

NOVEMBER = ("--from", "2026-11-01", "--to", "2026-12-01")
POLICY_TEXT = """sla "Zones" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages ja, en
}
backup db "データベース" / "Database" {
  every 1 day
}
backup logs "ログ" / "Logs" [art 1] {
  continuous
  in another zone
}
article 1 "バックアップ" / "Backups"
"""
#: The daily kind on every day of October and November (so the log covers October from its first day).
DAILY = [
    {"event": "backup.completed", "at": f"2026-{m:02d}-{d:02d}T02:00:00+09:00", "id": f"DB-{m}-{d}", "kind": "db"}
    for m, days in ((10, 31), (11, 30))
    for d in range(1, days + 1)
]


def _logs(ident: str, at: str, **zones: str) -> dict[str, str]:
    return {"event": "backup.completed", "at": at, "id": ident, "kind": "logs", **zones}


CLEAN = {"zone": "b", "primary_zone": "a"}
SAME = {"zone": "a", "primary_zone": "a"}


def _report(tmp_path: Path, logs: list[dict[str, str]], *args: str) -> str:
    policy, log = tmp_path / "zones.sla", tmp_path / "zones.jsonl"
    policy.write_text(POLICY_TEXT, "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in [*DAILY, *logs]), "utf-8")
    code, out, err = sla("evaluate", policy, log, *NOVEMBER, *args)
    assert code == 0, err
    return out


def _figure(report: dict[str, Any], month: int) -> dict[str, Any]:
    found = next(m for m in report["trend"] if m["month"] == f"2026-{month:02d}-01")
    figure: dict[str, Any] = next(f for f in found["figures"] if f["commitment"] == "continuous_backup")
    return figure


def _trend_row(out: str, name: str) -> list[str]:
    block = next(b for b in out.split("\n\n") if b.startswith(("前月までとの比較", "Trend against")))
    return next(re.split(r"\s{2,}", x.strip()) for x in block.splitlines() if x.strip().startswith(name))


def test_a_month_with_none_taken_has_no_figure(tmp_path: Path) -> None:
    """None in October, one clean backup in November."""
    report = json.loads(_report(tmp_path, [_logs("L1", "2026-11-02T01:00:00+09:00", **CLEAN)], "--format", "json"))
    assert [m["month"] for m in report["trend"]] == ["2026-10-01", "2026-11-01"]
    october, november = _figure(report, 10), _figure(report, 11)
    assert (october["faults"], october["unverified"]) == (None, None)  # (it was 0: a clean month)
    assert (november["faults"], november["unverified"]) == (0, 0)


@pytest.mark.parametrize(
    ("lang", "row"),
    [
        ("ja", ["ログ（別ゾーン）", "記録なし", "ゾーンの問題 0件", "-"]),
        ("en", ["Logs (another zone)", "none recorded", "zone problems: 0", "-"]),
    ],
)
def test_the_table_says_none_recorded(tmp_path: Path, lang: str, row: list[str]) -> None:
    out = _report(tmp_path, [_logs("L1", "2026-11-02T01:00:00+09:00", **CLEAN)], "--lang", lang)
    assert _trend_row(out, row[0]) == row


@pytest.mark.parametrize(
    ("lang", "row"),
    [
        ("ja", ["ログ（別ゾーン）", "ゾーンの問題 0件", "記録なし", "-"]),
        ("en", ["Logs (another zone)", "zone problems: 0", "none recorded", "-"]),
    ],
)
def test_the_current_month_with_none_taken_says_what_the_summary_says(
    tmp_path: Path, lang: str, row: list[str]
) -> None:
    """One clean backup in October, none in November: the summary reads none recorded, and so does the
    trend's current month."""
    out = _report(tmp_path, [_logs("L0", "2026-10-02T01:00:00+09:00", **CLEAN)], "--lang", lang)
    assert _trend_row(out, row[0]) == row
    summary = next(b for b in out.split("\n\n") if b.startswith(("総括", "Summary")))
    assert row[2] in next(x for x in summary.splitlines() if row[0] in x)


@pytest.mark.parametrize(
    ("lang", "row"),
    [
        ("ja", ["ログ（別ゾーン）", "ゾーンの問題 0件", "ゾーンの問題 0件、確認できず 1件", "±0件"]),
        ("en", ["Logs (another zone)", "zone problems: 0", "zone problems: 0; not verifiable: 1", "±0"]),
    ],
)
def test_a_backup_that_states_no_zone_is_not_verifiable(tmp_path: Path, lang: str, row: list[str]) -> None:
    """November's one backup states no zone: the summary says it cannot be verified; the trend read 0."""
    logs = [_logs("L0", "2026-10-02T01:00:00+09:00", **CLEAN), _logs("L1", "2026-11-02T01:00:00+09:00")]
    out = _report(tmp_path, logs, "--lang", lang)
    assert _trend_row(out, row[0]) == row
    assert _figure(json.loads(_report(tmp_path, logs, "--format", "json")), 11)["unverified"] == 1


def test_a_change_of_zone_problems_between_two_months_with_backups(tmp_path: Path) -> None:
    """Both months judged: the change is the difference of their zone problems, a rise marked bad and said worse."""
    logs = [_logs("L0", "2026-10-02T01:00:00+09:00", **CLEAN), _logs("L1", "2026-11-02T01:00:00+09:00", **SAME)]
    out = _report(tmp_path, logs, "--lang", "en", "--format", "markdown")
    assert "| Logs (another zone) | zone problems: 0 | zone problems: 1 | **+1 (worse)** |" in out


def test_read_back_from_its_json_the_trend_reads_the_same(tmp_path: Path) -> None:
    _report(tmp_path, [_logs("L1", "2026-11-02T01:00:00+09:00", **CLEAN)])
    policy = sla_dsl.load_policy(tmp_path / "zones.sla")
    report = sla_dsl.evaluate(policy, tmp_path / "zones.jsonl", "2026-11-01", "2026-12-01")
    back = Report.model_validate_json(report.model_dump_json())
    for lang in ("ja", "en"):
        assert render(back, "text", lang=lang, policies=[policy]) == render(
            report, "text", lang=lang, policies=[policy]
        )
