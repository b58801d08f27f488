"""``sla diff`` words conditions and attribute values with the policy's labels (issue 16), from the catalogue.

Before, a rule's condition and an attribute's values were shown as written in the file
(``P1 when plan = premium``, ``standard, premium``), in Japanese too; now they read as the
customer report reads them (``契約プランがプレミアム`` / ``Plan is Premium``). Every word
comes from the catalogue (``diff.*``): the two modules of ``sla diff`` hold no Japanese.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sla_dsl.authoring.semdiff import diff_models, render_markdown, render_text
from sla_dsl.lang.model import PolicyModel
from sla_dsl.policy import compile_text

ROOT = Path(__file__).resolve().parents[2]
PLANS = (ROOT / "policies" / "examples" / "plans.sla").read_text("utf-8")
JAPANESE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]")


def _model(text: str) -> PolicyModel:
    compiled = compile_text(text)
    assert compiled.model is not None and not compiled.errors
    return compiled.model


def _diff(new_text: str, lang: str, markdown: bool = False) -> str:
    old, new = _model(PLANS), _model(new_text)
    render = render_markdown if markdown else render_text
    return render(old, new, diff_models(old, new), lang)  # type: ignore[arg-type]


def _latin_outside_ids(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]+", text)) - {"P"}


@pytest.mark.parametrize(
    ("edit", "ja", "en"),
    [
        (
            ("  when plan = premium\n  respond within 1 hour", "  when plan = standard\n  respond within 1 hour"),
            [
                "+ 優先度「P1 緊急（プレミアム）」（契約プランがスタンダードの場合）を追加（応答目標時間：1時間以内）",
                "- 優先度「P1 緊急（プレミアム）」（契約プランがプレミアムの場合）を削除（応答目標時間：1時間以内）",
            ],
            [
                "+ new priority: P1 Urgent (premium) (when Plan is Standard) (respond within 1 hour)",
                "- priority: P1 Urgent (premium) (when Plan is Premium) removed (respond within 1 hour)",
            ],
        ),
        (
            ("  when plan = premium\n  within 30", "  when plan = standard\n  within 30"),
            ["~ 障害の第一報（プレミアム）の適用条件：契約プランがプレミアム → 契約プランがスタンダード"],
            ["~ First report of an outage (premium) condition: Plan is Premium -> Plan is Standard"],
        ),
        (
            (
                '  value premium "プレミアム" / "Premium"\n',
                '  value premium "プレミアム" / "Premium"\n  value gold "ゴールド" / "Gold"\n',
            ),
            ["~ 契約プランの値：スタンダード、プレミアム → スタンダード、プレミアム、ゴールド"],
            ["~ Plan values: Standard, Premium -> Standard, Premium, Gold"],
        ),
        (
            ("default standard", "default premium"),
            ["~ 契約プランの既定値：スタンダード → プレミアム"],
            ["~ Plan default value: Standard -> Premium"],
        ),
        (
            (
                "availability target 99.9% monthly when plan = premium",
                "availability target 99.8% monthly when plan = premium",
            ),
            ["→ 契約プランがプレミアムの場合は月ごとの稼働率99.8%（サービスクレジット：99.9%未満で10%、"],
            ["-> 99.8% monthly when Plan is Premium; credits below 99.9%: 10%"],
        ),
    ],
)
def test_conditions_and_values_in_words(edit: tuple[str, str], ja: list[str], en: list[str]) -> None:
    assert edit[0] in PLANS
    new = PLANS.replace(*edit, 1)
    said_ja, said_en = _diff(new, "ja"), _diff(new, "en")
    for line in ja:
        assert line in said_ja, said_ja
    for line in en:
        assert line in said_en, said_en
    # the Japanese names no attribute, value, condition or declaration in Latin letters (ids such as P1
    # are the file's own, and customers see them on their tickets)
    assert _latin_outside_ids(said_ja) == set(), said_ja


def test_the_notice_says_conditions_with_labels() -> None:
    new = PLANS.replace(
        "  when plan = premium\n  respond within 1 hour", "  when plan = standard\n  respond within 1 hour"
    )
    notice = _diff(new, "en", markdown=True)
    assert "- New priority: P1 Urgent (premium) (when Plan is Standard) (respond within 1 hour)" in notice
    assert "「P1 緊急（プレミアム）」（契約プランがスタンダードの場合）" in _diff(new, "ja", markdown=True)


def test_sla_diff_holds_no_word_tables() -> None:
    """Every word of the change lines comes from the catalogue: no Japanese in the modules of sla diff."""
    for module in ("semdiff.py", "diff_changes.py"):
        source = (ROOT / "sla_dsl" / "authoring" / module).read_text("utf-8")
        code = re.sub(r'"""[\s\S]*?"""|#[^\n]*', "", source)  # docstrings and comments may quote examples
        assert not JAPANESE.findall(code.replace('"営業"', "")), module
        assert 'lang == "ja"' not in code and "lang == 'ja'" not in code, module


def test_an_item_s_rules_are_said_by_their_kinds_and_labels() -> None:
    # (Japanese showed `の rules：calendar business、service recovery → calendar business`)
    text = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")
    old, new = (
        _model(text),
        _model(text.replace("  rules calendar business, service recovery\n", "  rules calendar business\n")),
    )
    ja = render_text(old, new, diff_models(old, new), "ja")
    assert (
        "の値を決める規定：カレンダー「当社営業時間」、サービス「障害、異常に対する復旧作業」"
        " → カレンダー「当社営業時間」" in ja
    )
    assert "rules" not in ja and "calendar business" not in ja
    en = render_text(old, new, diff_models(old, new), "en")
    assert (
        'rules giving its value: calendar: "Company business hours", service: "Recovery work for failures and'
        ' anomalies" -> calendar: "Company business hours"' in en
    )
