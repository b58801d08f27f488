"""A continuous backup kind's summary row counts the backups deleted before their retention.

A kind declared ``continuous`` with ``keep 30 days`` has its deletions judged (a ``backup_retention``
violation and a ``retention`` row with ``ok`` false), but its summary row counted only zone problems: it
read "no problem found" / "met" beside the violation listed below it. Its target and name said "taken in
another zone" whether or not its rule says ``in another zone``. Now the row counts the early deletions
("not met", as a daily kind's row does), and its target and name say what its rule judges.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.report import Report
from sla_dsl.report.render import render

from .helpers import sla
from .test_summary_named_targets import summary_rows

PERIOD = ("--from", "2026-11-01", "--to", "2026-12-01")
POLICY_TEXT = """sla "Continuous" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages ja, en
}
backup logs "ログ" / "Logs" {
  continuous
ZONE  keep 30 days
}
"""
#: L1 taken Mon 2 Nov 01:00, deleted Thu 5 Nov 01:00: kept 3 days of 30 (a retention violation)
#: (in zone ``b``, its primary zone ``a``: no zone problem)
TAKEN = {"event": "backup.completed", "at": "2026-11-02T01:00:00+09:00", "id": "L1", "kind": "logs"}
EARLY = [
    {**TAKEN, "zone": "b", "primary_zone": "a"},
    {"event": "backup.deleted", "at": "2026-11-05T01:00:00+09:00", "id": "L1", "kind": "logs"},
]


def _files(tmp_path: Path, zone: bool, events: list[dict[str, str]]) -> tuple[Path, Path]:
    policy, log = tmp_path / "continuous.sla", tmp_path / "continuous.jsonl"
    policy.write_text(POLICY_TEXT.replace("ZONE", "  in another zone\n" if zone else ""), "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    return policy, log


def _rows(tmp_path: Path, zone: bool, events: list[dict[str, str]], lang: str) -> dict[str, list[str]]:
    policy, log = _files(tmp_path, zone, events)
    code, out, err = sla("evaluate", policy, log, *PERIOD, "--lang", lang)
    assert code == 0, err
    return summary_rows(out)


@pytest.mark.parametrize(
    ("lang", "name", "row"),
    [
        ("ja", "ログ", ["30日間保存", "保存期間前の削除 1 件", "未達", "-"]),
        ("en", "Logs", ["kept 30 days", "1 deleted before retention", "not met", "-"]),
    ],
)
def test_a_deletion_before_retention_is_not_met(tmp_path: Path, lang: str, name: str, row: list[str]) -> None:
    """A kind with ``keep`` alone: not said to be taken in another zone (it read ログ（別ゾーン）)."""
    assert _rows(tmp_path, False, EARLY, lang)[name] == row


@pytest.mark.parametrize(
    ("lang", "name", "row"),
    [
        ("ja", "ログ（別ゾーン）", ["主ゾーンとは別のゾーンに取得・30日間保存", "保存期間前の削除 1 件", "未達", "-"]),
        (
            "en",
            "Logs (another zone)",
            ["taken in a zone other than the primary one, kept 30 days", "1 deleted before retention", "not met", "-"],
        ),
    ],
)
def test_in_another_zone_and_kept(tmp_path: Path, lang: str, name: str, row: list[str]) -> None:
    """Taken in another zone (no zone problem), deleted too early: not met, the target names both."""
    assert _rows(tmp_path, True, EARLY, lang)[name] == row


def test_kept_long_enough_is_met(tmp_path: Path) -> None:
    later = [EARLY[0], {**EARLY[1], "at": "2026-12-02T02:00:00+09:00"}]  # after 30 days (and the period)
    assert _rows(tmp_path, False, later, "en")["Logs"] == ["kept 30 days", "no problem found", "met", "-"]


def test_a_report_read_back_from_its_json_says_it_too(tmp_path: Path) -> None:
    """The row is counted from the ``retention`` rows, which the JSON holds."""
    policy_path, log = _files(tmp_path, False, EARLY)
    policy = sla_dsl.load_policy(policy_path)
    report = sla_dsl.evaluate(policy, log, "2026-11-01", "2026-12-01")
    back = Report.model_validate_json(report.model_dump_json())
    for r in (report, back):
        text = render(r, "text", lang="en", policies=[policy])
        assert summary_rows(text)["Logs"][1:3] == ["1 deleted before retention", "not met"]
