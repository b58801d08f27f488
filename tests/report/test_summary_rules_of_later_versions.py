"""The summary has a row for each rule of every version in force during the period, not the first one's only.

A version ``9.9`` of the example policy effective Mon 16 Nov 2026 adds a notification rule (``ended``), a
backup kind (``logs``), a measured service (``support``) and a named target of P1 (its resolution). The
evaluator judged all four from the 16th and listed their violations, but the summary built its rows of
notices, services and backups from the version in force on the 1st alone: the notice, the service and the
backup kind had no row. Now each rule a later version in force adds has its row, after those of the first
version (in the policy's order, as the named targets are gathered), worded from the version that has it, in
Japanese and English, text, Markdown and HTML; a single version reads as before. A target with ``when`` a
later version adds to a measured service (plans.sla) has its row alike.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .helpers import EXAMPLE, MONTH, POLICY, ROOT, sla
from .test_summary_named_targets import summary_rows

V1 = POLICY.read_text("utf-8")
PLANS = ROOT / "policies" / "examples" / "plans.sla"
PLANS_EVENTS = ROOT / "policies" / "examples" / "plans.jsonl"

#: what version 9.9 adds: a named target of P1 (on a clock of its own), a measured service, a notice, a backup
CHANGES = (
    (
        'priority P1 "',
        'clock resolution "解決までの時間" / "Time to resolution" [art 3.2] {\n'
        "  starts at incident.reported\n  stops at incident.resolved\n}\n\n"
        'priority P1 "',
    ),
    (
        "  complete on incident.resolved                          # reading 16",
        "  resolve within 10 business days on resolution\n  complete on incident.resolved",
    ),
    ("  hours business\n}\n\nservice recovery", "  hours business\n  availability measured\n}\n\nservice recovery"),
    (
        'backup files "',
        'notify ended "終了通知" / "End notice" [art 3.1.4] {\n'
        "  within 1 business day after outage.ended\n  met by outage.notified\n}\n\n"
        'backup logs "ログバックアップ" / "Log backup" [art 3.1.7] {\n  every 1 day\n  keep 7 days\n}\n\n'
        'backup files "',
    ),
    ("rules backup database, backup continuous,", "rules backup database, backup logs, backup continuous,"),
)


def _versions(tmp_path: Path) -> Path:
    """A directory of the example policy and a version of it effective Mon 16 Nov 2026 with ``CHANGES``."""
    v2 = V1.replace('version "2026.1"', 'version "9.9"').replace("effective 2026-04-01", "effective 2026-11-16")
    for old, new in CHANGES:
        assert v2.count(old) == 1, old
        v2 = v2.replace(old, new)
    folder = tmp_path / "versions"
    folder.mkdir()
    (folder / "a.sla").write_text(V1, "utf-8")
    (folder / "b.sla").write_text(v2, "utf-8")
    return folder


def _events(tmp_path: Path) -> Path:
    """The example month and a log backup each day from the 16th (the last one, on the 30th, missing)."""
    logs = [
        {"event": "backup.completed", "at": f"2026-11-{d:02d}T03:00:00+09:00", "id": f"LOG-{d}", "kind": "logs"}
        for d in range(16, 30)
    ]
    path = tmp_path / "events.jsonl"
    path.write_text(EXAMPLE.read_text("utf-8") + "".join(json.dumps(e) + "\n" for e in logs), "utf-8")
    return path


def _run(*args: str | Path) -> str:
    code, out, err = sla("evaluate", *args)
    assert code == 0, err
    return out


def test_each_rule_a_later_version_adds_has_its_row_in_japanese(tmp_path: Path) -> None:
    rows = summary_rows(_run(_versions(tmp_path), _events(tmp_path), *MONTH, "--lang", "ja"))
    assert rows["終了通知"][0] == "1営業日以内"
    assert rows["終了通知"][1].startswith("1/4 件達成") and rows["終了通知"][2] == "未達"
    assert rows["稼働率（保守支援・問い合わせ対応）"][0] == "目標値の定めなし"
    assert rows["稼働率（保守支援・問い合わせ対応）"][2] == "測定のみ"
    assert rows["ログバックアップ"] == ["毎日1回以上・7日間保存", "14/15 日実施", "未達", "第3条の(1) 項番7"]
    assert rows["P1 優先度１の解決（解決までの時間）"][0] == "10営業日以内"
    # after the first version's rows, in the policy's order
    names = list(rows)
    assert names.index("復旧情報通知時間") < names.index("終了通知") < names.index("計画停止の事前通知")
    assert names.index("稼働率（デジタルコンテンツ管理サービス）") < names.index("稼働率（保守支援・問い合わせ対応）")
    assert names.index("AMI バックアップ（OSドライブバックアップ）") < names.index("ログバックアップ")


def test_each_rule_a_later_version_adds_has_its_row_in_english(tmp_path: Path) -> None:
    rows = summary_rows(_run(_versions(tmp_path), _events(tmp_path), *MONTH, "--lang", "en"))
    assert rows["End notice"][:3] == ["within 1 business day", "1 of 4 met (25.0%)", "not met"]
    assert rows["Availability (Maintenance support and inquiries)"][0] == "no target stated"
    assert rows["Log backup"][:3] == ["at least once a day, kept 7 days", "14 of 15 days taken", "not met"]


def test_markdown_and_html_have_the_rows(tmp_path: Path) -> None:
    folder, events = _versions(tmp_path), _events(tmp_path)
    md = _run(folder, events, *MONTH, "--lang", "en", "--format", "markdown")
    assert "| Log backup | at least once a day, kept 7 days | 14 of 15 days taken |" in md
    assert re.search(r"\| End notice \| within 1 business day \|", md)
    html = _run(folder, events, *MONTH, "--lang", "ja", "--format", "html")
    for name in ("終了通知", "稼働率（保守支援・問い合わせ対応）", "ログバックアップ"):
        summary = html[html.index('id="summary"') :]
        assert name in summary[: summary.index("</table>")], name


def test_a_single_version_has_the_rows_it_had() -> None:
    rows = summary_rows(_run(POLICY, EXAMPLE, *MONTH, "--lang", "ja"))
    assert list(rows) == [
        "P1 優先度１の応答",
        "P2 優先度２の応答",
        "P3 優先度３の応答",
        "復旧情報通知時間",
        "計画停止の事前通知",
        "稼働率（デジタルコンテンツ管理サービス）",
        "データベースバックアップサービス",
        "逐次バックアップ（別ゾーン）",
        "ファイルバックアップサービス",
        "AMI バックアップ（OSドライブバックアップ）",
    ]


def test_a_target_with_when_a_later_version_adds_has_its_row(tmp_path: Path) -> None:
    """(plans.sla) A later version promises the admin portal's premium customers 99.9%: its own row, and the
    portal's first row says it is the other customers'."""
    text = PLANS.read_text("utf-8")
    v2 = text.replace('version "1.0"', 'version "9.9"').replace("effective 2026-04-01", "effective 2026-11-16")
    old = "  availability target 99.0% quarterly\n}"
    assert v2.count(old) == 1
    v2 = v2.replace(old, "  availability target 99.9% quarterly when plan = premium\n" + old)
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "a.sla").write_text(text, "utf-8")
    (folder / "b.sla").write_text(v2, "utf-8")
    en = summary_rows(_run(folder, PLANS_EVENTS, *MONTH, "--lang", "en"))
    assert en["Availability (Admin portal, other customers)"][0] == "at least 99%"
    assert en["Availability (Admin portal, customers whose Plan is Premium)"][0] == "at least 99.9%"
    ja = summary_rows(_run(folder, PLANS_EVENTS, *MONTH, "--lang", "ja"))
    assert ja["稼働率（管理画面、契約プランがプレミアムの顧客）"][0] == "99.9%以上"
