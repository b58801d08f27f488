"""Every target in the summary is worded from each version in force during the period, as a priority's is.

A version ``2026.2`` of the example policy effective Mon 16 Nov 2026 keeps file and machine-image backups 14
days instead of 7, gives 10 days' notice of a planned stop by e-mail or the web instead of a week's by e-mail,
sends the recovery notice within 2 business hours instead of 3, and promises 99.5% availability where 2026.1
promised none. The summary worded a priority's target as ``4営業時間以内（11月16日(月)から2営業時間以内）``
but every other row with the target of 2026.1 alone: the file backup row said ``7日間保存`` while counting
the deletions the 14-day rule judged. Now each row says the first target with each change from its
version's date, in Japanese and English, in text, Markdown and HTML; a row whose target did not change, and
a single version, read as before. The named targets of a priority (helpdesk.sla) and a service's targets with
``when`` are worded alike.
"""

from __future__ import annotations

import re
from pathlib import Path

from .helpers import EXAMPLE, MONTH, POLICY, ROOT, sla

V1 = POLICY.read_text("utf-8")
CHANGES = (
    ("notice 1 week before start date by email", "notice 10 days before start date by email, web"),
    ("within 3 business hours after outage.recognized", "within 2 business hours after outage.recognized"),
    ("availability measured", "availability target 99.5% monthly"),
)
#: the two backup kinds kept 7 days (files, machine images)
KEEP = ("keep 7 days", "keep 14 days")

HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"
HELPDESK_EVENTS = ROOT / "policies" / "examples" / "helpdesk-events.jsonl"
PLANS = ROOT / "policies" / "examples" / "plans.sla"
PLANS_EVENTS = ROOT / "policies" / "examples" / "plans.jsonl"


def _versions(tmp_path: Path, text: str, version: str, changes: tuple[tuple[str, str], ...]) -> Path:
    """A directory of ``text`` and a version of it effective Mon 16 Nov 2026 with ``changes``."""
    effective = re.search(r"effective (\S+)", text)
    assert effective is not None
    v2 = text.replace(f'version "{version}"', 'version "9.9"').replace(effective.group(0), "effective 2026-11-16")
    for old, new in changes:
        assert old in v2, old
        v2 = v2.replace(old, new)
    folder = tmp_path / "versions"
    folder.mkdir()
    (folder / "a.sla").write_text(text, "utf-8")
    (folder / "b.sla").write_text(v2, "utf-8")
    return folder


def _clicksoko(tmp_path: Path) -> Path:
    return _versions(tmp_path, V1, "2026.1", (*CHANGES, KEEP))


def _run(*args: str | Path) -> str:
    code, out, err = sla("evaluate", *args)
    assert code == 0, err
    return out


def summary_targets(out: str) -> dict[str, str]:
    """The text summary's target column by each row's first cell."""
    block = next(b for b in out.split("\n\n") if b.startswith(("総括", "Summary")))
    lines = [x for x in block.splitlines()[2:] if x.startswith("  ") and not x.startswith(("  ※", "  Note:"))]
    rows = [re.split(r"\s{2,}", x.strip()) for x in lines]
    return {r[0]: r[1] for r in rows}


def test_every_changed_target_of_the_summary_names_its_change_in_japanese(tmp_path: Path) -> None:
    targets = summary_targets(_run(_clicksoko(tmp_path), EXAMPLE, *MONTH, "--lang", "ja"))
    assert (
        targets["ファイルバックアップサービス"] == "毎日1回以上・7日間保存（11月16日(月)から毎日1回以上・14日間保存）"
    )
    assert targets["AMI バックアップ（OSドライブバックアップ）"] == (
        "毎日1回以上・7日間保存（11月16日(月)から毎日1回以上・14日間保存）"
    )
    assert targets["復旧情報通知時間"] == (
        "3営業時間以内（営業時間内に認知した場合）（11月16日(月)から2営業時間以内（営業時間内に認知した場合））"
    )
    assert targets["計画停止の事前通知"] == (
        "開始日の1週間前までにメールで（11月16日(月)から開始日の10日前までにメール・ウェブで）"
    )
    assert targets["稼働率（デジタルコンテンツ管理サービス）"] == "目標値の定めなし（11月16日(月)から99.5%以上）"
    # what did not change reads as before
    assert targets["データベースバックアップサービス"] == "毎日1回以上・1ヶ月保存"
    assert targets["逐次バックアップ（別ゾーン）"] == "主ゾーンとは別のゾーンに取得"
    assert targets["P1 優先度１の応答"] == "4営業時間以内"


def test_every_changed_target_of_the_summary_names_its_change_in_english(tmp_path: Path) -> None:
    targets = summary_targets(_run(_clicksoko(tmp_path), EXAMPLE, *MONTH, "--lang", "en"))
    assert targets["File backup service"] == (
        "at least once a day, kept 7 days (at least once a day, kept 14 days from Mon 16 Nov)"
    )
    assert targets["Recovery-information notice time"] == (
        "within 3 business hours (when recognised in business hours) "
        "(within 2 business hours (when recognised in business hours) from Mon 16 Nov)"
    )
    assert targets["Notice of planned stops"] == (
        "1 week before the start date, by e-mail (10 days before the start date, by e-mail or web from Mon 16 Nov)"
    )
    assert targets["Availability (Digital content management service)"] == (
        "no target stated (at least 99.5% from Mon 16 Nov)"
    )
    assert targets["Database backup service"] == "at least once a day, kept 1 month"


def test_markdown_and_html_say_the_same(tmp_path: Path) -> None:
    folder = _clicksoko(tmp_path)
    md = _run(folder, EXAMPLE, *MONTH, "--lang", "en", "--format", "markdown")
    assert "| File backup service | at least once a day, kept 7 days (at least once a day, kept 14 days from" in md
    assert "| Notice of planned stops | 1 week before the start date, by e-mail (10 days before" in md
    html = _run(folder, EXAMPLE, *MONTH, "--lang", "ja", "--format", "html")
    assert "毎日1回以上・7日間保存（11月16日(月)から毎日1回以上・14日間保存）" in html
    assert "開始日の1週間前までにメールで（11月16日(月)から開始日の10日前までにメール・ウェブで）" in html
    assert "目標値の定めなし（11月16日(月)から99.5%以上）" in html


def test_a_single_version_and_unchanged_targets_read_as_before(tmp_path: Path) -> None:
    expected = {
        "ファイルバックアップサービス": "毎日1回以上・7日間保存",
        "復旧情報通知時間": "3営業時間以内（営業時間内に認知した場合）",
        "計画停止の事前通知": "開始日の1週間前までにメールで",
        "稼働率（デジタルコンテンツ管理サービス）": "目標値の定めなし",
        "データベースバックアップサービス": "毎日1回以上・1ヶ月保存",
    }
    single = summary_targets(_run(POLICY, EXAMPLE, *MONTH, "--lang", "ja"))
    # a second version that changes only a priority's target leaves these rows alone
    folder = _versions(
        tmp_path, V1, "2026.1", (("respond within 4 business hours", "respond within 2 business hours"),)
    )
    two = summary_targets(_run(folder, EXAMPLE, *MONTH, "--lang", "ja"))
    for row, target in expected.items():
        assert single[row] == target, row
        assert two[row] == target, row
    assert two["P1 優先度１の応答"] == "4営業時間以内（11月16日(月)から2営業時間以内）"


def test_a_named_target_names_its_change(tmp_path: Path) -> None:
    """(Named targets were worded from every version already: this keeps them so.)"""
    text = HELPDESK.read_text("utf-8")
    change = ("resolve within 2 business days on resolution", "resolve within 1 business day on resolution")
    folder = _versions(tmp_path, text, "1.0", (change,))
    period = ["--from", "2026-11-01", "--to", "2026-12-01", "--as-of", "2026-11-27T12:00:00+09:00"]
    targets = summary_targets(_run(folder, HELPDESK_EVENTS, *period, "--lang", "ja"))
    assert targets["P1 緊急の解決（解決までの時間）"] == "2営業日以内（11月16日(月)から1営業日以内）"


def test_a_target_with_when_and_a_backup_interval_name_their_change(tmp_path: Path) -> None:
    changes = (
        ("availability target 99.9% monthly when", "availability target 99.95% monthly when"),
        ("every 12 hours", "every 6 hours"),
    )
    folder = _versions(tmp_path, PLANS.read_text("utf-8"), "1.0", changes)
    targets = summary_targets(_run(folder, PLANS_EVENTS, *MONTH, "--lang", "en"))
    premium = "Availability (Content delivery, customers whose Plan is Premium)"
    assert targets[premium] == "at least 99.9% (at least 99.95% from Mon 16 Nov)"
    assert targets["Availability (Content delivery, other customers)"] == "at least 99.5%"
    assert targets["Logs"] == "every 12 hours, kept 7 days (every 6 hours, kept 7 days from Mon 16 Nov)"
    ja = summary_targets(_run(folder, PLANS_EVENTS, *MONTH, "--lang", "ja"))
    assert ja["ログ"] == "12時間ごと・7日間保存（11月16日(月)から6時間ごと・7日間保存）"
