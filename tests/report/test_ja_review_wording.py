"""The native-Japanese review of what customers read: one word for one thing, as the SLA says it.

Found: the completion step said the workaround was *provided* (the English and the SLA: 受取る, received);
the targets table and the live dashboard judged with 違反 / 期限間近 / 未完了 / 適用除外 where the summary
and the response table say 未達 / 要注意 / 対応中 / 適用外; the site and the change notice said 保管期間
where the report says 保存; the notice row of an outage rule said 「対象の案件なし」; data notes said
インシデント (the project's word is 案件); the timeline's legend called outages 停止; a deletion named the
backup by its service's label as if it were one backup (「…取得のデータベースバックアップサービスを…に削除」);
violation rows ended in です・ます among noun endings; a planned stop's deadline was 「11月3日(火)中」;
the text report's empty table said ``(該当なし)`` in half-width brackets.
"""

from __future__ import annotations

import re

import pytest

from sla_dsl.i18n import message

from .helpers import EXAMPLE, MONTH, POLICY, ROOT, sla


@pytest.fixture(scope="module")
def month_ja() -> str:
    code, out, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--lang", "ja", "--limit", "0")
    assert code == 0, err
    return out


def test_the_completion_is_received_as_the_sla_says() -> None:
    ja, en = message("explain.resolved", "ja"), message("explain.resolved", "en")
    assert "受領" in ja and "提供" not in ja and "received" in en


def test_the_english_headings_say_what_the_japanese_says() -> None:
    assert message("report.violations", "en", n=2) == "Violations and items to act on (2)"
    assert message("report.kind.backup_zone", "en") == "backup zone problem"


@pytest.mark.parametrize("status", ["breached", "open", "at_risk", "excluded"])
def test_the_targets_table_judges_with_the_incidents_table_s_words(status: str) -> None:
    for lang in ("ja", "en"):
        assert message(f"report.targets.{status}", lang) == message(f"report.status.{status}", lang)


@pytest.mark.parametrize("status", ["open", "at_risk", "breached"])
def test_the_dashboard_judges_with_the_report_s_words(status: str) -> None:
    assert message(f"serve.dashboard.s_{status}", "ja") == message(f"report.status.{status}", "ja")


def test_a_retention_is_a_period_kept_everywhere() -> None:
    assert message("site.retention", "ja") == "保存期間"
    assert message("diff.field.keep", "ja") == "保存期間"


def test_an_outage_rule_with_nothing_to_judge_does_not_speak_of_incidents() -> None:
    code, out, err = sla(
        "evaluate",
        ROOT / "policies" / "examples" / "plans.sla",
        ROOT / "policies" / "examples" / "plans.jsonl",
        *MONTH,
        "--lang",
        "ja",
    )
    assert code == 0, err
    row = next(line for line in out.splitlines() if line.strip().startswith("復旧情報の通知"))
    assert "判定の対象なし" in row and "案件" not in row


def test_data_notes_and_the_legend_use_the_project_s_words() -> None:
    assert message("report.data.unknown_incident", "ja", id="X").startswith("案件 `X`")
    assert message("report.data.reported_again", "ja", id="X").startswith("案件 `X`")
    assert message("report.timeline.outages.other", "ja", n=3) == "障害 3 件"
    for key in ("excluded", "downtime", "excused_outage"):
        assert "障害" in message(f"report.legend.{key}", "ja"), key


def test_a_deletion_names_the_service_then_the_backup_taken(month_ja: str) -> None:
    assert (
        "データベースバックアップサービス：10月15日(木) 02:00 取得分を 11月10日(火) 04:00 に削除"
        "（保存期限 11月15日(日) 02:00）"
    ) in month_ja
    assert "取得のデータベースバックアップサービスを" not in month_ja
    code, out, err = sla("explain", POLICY, EXAMPLE, "DB-1015", "--lang", "ja")
    assert code == 0, err
    assert "データベースバックアップサービス：バックアップを取得" in out
    assert "データベースバックアップサービスを取得" not in out


def test_violation_rows_end_in_nouns(month_ja: str) -> None:
    assert "逐次バックアップ：11月21日(土) 06:05 に主ゾーンと同じゾーンで取得" in month_ja
    assert not re.search("(されています|ました|ません)$", month_ja, re.M)
    assert message("explain.same_day.missed", "ja") == "目安を超過（違反ではない）"


def test_a_planned_stop_s_deadline_is_a_day_until_and_its_channel_is_outside_the_rules(month_ja: str) -> None:
    assert "11月3日(火)まで" in month_ja and "11月3日(火)中" not in month_ja
    assert "期限後、かつ規定外の手段" in month_ja and "認められない" not in month_ja


def test_an_empty_table_says_none_in_the_language_s_brackets() -> None:
    code, out, err = sla("evaluate", POLICY, EXAMPLE, "--from", "2026-11-01", "--to", "2026-11-02", "--lang", "ja")
    assert code == 0, err
    assert "  （該当なし）" in out.splitlines() and "(該当なし)" not in out
    code, out, err = sla("evaluate", POLICY, EXAMPLE, "--from", "2026-11-01", "--to", "2026-11-02", "--lang", "en")
    assert code == 0, err
    assert "  (none)" in out.splitlines()


def test_an_article_is_written_as_the_sla_writes_its_references() -> None:
    from sla_dsl.report.words import article_words

    assert [article_words(n, "ja") for n in ("4", "2.2", "3.1.4", "3.1.4.2")] == [
        "第4条",
        "第2条の(2)",
        "第3条の(1) 項番4",
        "第3条の(1) 項番4.2",
    ]
    assert article_words("A-1", "ja") == "条項 A-1"  # (a number of another form, as written)
    assert [article_words(n, "en") for n in ("4", "3.1.4")] == ["Art. 4", "Art. 3.1.4"]
