"""``sla diff`` says what a new service promises, and words maintenance windows, languages and weekdays.

From a QA report: the notice for a service added said only 「サービス「チャット窓口」を追加」, not its hours
nor its availability target (a priority or a maintenance window added is described); a maintenance
window's hours were called "opening hours", a calendar's word; the Japanese named the policy's languages
by their codes (``ja、en``); the English joined weekdays without a space (``Sat,Fri``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.authoring.semdiff import change_text, diff_models, notice_words, render_markdown, render_text
from sla_dsl.lang.model import PolicyModel
from sla_dsl.policy import compile_text

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")
PLANS = (ROOT / "policies" / "examples" / "plans.sla").read_text("utf-8")

CHAT = """service chat "チャット窓口" / "Chat desk" [art 2.1.2] {
  hours business except maintenance
  availability target 99.0% quarterly
}

"""


def _model(text: str) -> PolicyModel:
    compiled = compile_text(text)
    assert compiled.model is not None and not compiled.errors, [d.header() for d in compiled.errors]
    return compiled.model


def _with(base: str, before: str, added: str) -> str:
    assert base.count(before) == 1, before
    return base.replace(before, added + before)


def _lines(old: PolicyModel, new: PolicyModel, lang: str, notice: bool = False) -> list[str]:
    if notice:
        words = notice_words(old, new, lang)  # type: ignore[arg-type]
        return [change_text(c, words, old, new) for c in diff_models(old, new)]
    return render_text(old, new, diff_models(old, new), lang).splitlines()  # type: ignore[arg-type]


def test_a_new_service_says_its_hours_and_target() -> None:
    old = _model(CLICKSOKO)
    new = _model(_with(CLICKSOKO, "planned stop ", CHAT))
    assert _lines(old, new, "ja") == [
        "+ サービス「チャット窓口」を追加（提供時間：当社営業時間（定期メンテナンスを除く）、四半期ごとの稼働率99%）"
    ]
    assert _lines(old, new, "en") == [
        "+ new service: Chat desk (hours Company business hours except maintenance; availability target 99% quarterly)"
    ]
    assert _lines(old, new, "ja", notice=True) == [
        "サービス「チャット窓口」を追加（提供時間：当社営業時間（定期メンテナンスを除く）、四半期ごとの稼働率99%）"
    ]
    assert _lines(old, new, "en", notice=True) == [
        "New service: Chat desk (hours Company business hours except maintenance; availability target 99% quarterly)"
    ]


def test_a_removed_service_with_targets_per_plan_and_credits() -> None:
    """plans.sla's content service removed: its targets in the order they are tried, each with its credits."""
    start = PLANS.index('service content "コンテンツ配信"')
    content = PLANS[start : PLANS.index('service portal "管理画面"')]
    old, new = _model(PLANS), _model(PLANS.replace(content, ""))
    assert _lines(old, new, "ja", notice=True) == [
        "サービス「コンテンツ配信」を削除（提供時間：24時間365日、"
        "契約プランがプレミアムの場合は月ごとの稼働率99.9%（サービスクレジット：99.9%未満で10%、99.5%未満で25%、"
        "99%未満で50%）、月ごとの稼働率99.5%（サービスクレジット：99.5%未満で10%、99%未満で25%、95%未満で100%））"
    ]
    assert _lines(old, new, "en") == [
        "- service: Content delivery removed (hours 24 hours, 365 days;"
        " availability target 99.9% monthly when Plan is Premium, credits below 99.9%: 10%, below 99.5%: 25%,"
        " below 99%: 50%; availability target 99.5% monthly, credits below 99.5%: 10%, below 99%: 25%,"
        " below 95%: 100%)"
    ]


def test_a_new_service_that_is_only_measured() -> None:
    measured = CHAT.replace("  availability target 99.0% quarterly\n", "  availability measured\n")
    old, new = _model(CLICKSOKO), _model(_with(CLICKSOKO, "planned stop ", measured))
    said = _lines(old, new, "en")[0]
    assert said.endswith("(hours Company business hours except maintenance; availability measured)")
    assert _lines(old, new, "ja")[0].endswith("（提供時間：当社営業時間（定期メンテナンスを除く）、稼働率を測定）")


@pytest.mark.parametrize(
    ("lang", "text", "notice"),
    [
        ("en", "~ Regular maintenance stop window: 22:00-24:00 -> 23:00-24:00", "Regular maintenance stop window: "),
        (
            "ja",
            "~ 定期メンテナンス停止の実施時間帯：22:00〜24:00 → 23:00〜24:00",
            "定期メンテナンス停止の実施時間帯：",
        ),
    ],
)
def test_a_maintenance_window_is_no_opening_hours(lang: str, text: str, notice: str) -> None:
    window = "every month on 4th thu, 22:00-24:00"
    old, new = _model(CLICKSOKO), _model(CLICKSOKO.replace(window, "every month on 4th thu, 23:00-24:00"))
    assert _lines(old, new, lang) == [text]
    md = render_markdown(old, new, diff_models(old, new), lang)  # type: ignore[arg-type]
    assert f"- {notice}" in md and "opening hours" not in md


def test_languages_by_their_names() -> None:
    old = _model(CLICKSOKO)
    new = _model(CLICKSOKO.replace("  languages ja, en ", "  languages en, ja "))
    assert _lines(old, new, "ja") == ["~ 規定の言語：日本語、英語 → 英語、日本語"]
    assert _lines(old, new, "en") == ["~ policy languages: Japanese, English -> English, Japanese"]
    assert _lines(old, new, "ja", notice=True) == ["規定の言語：日本語、英語 → 英語、日本語"]


def test_english_weekdays_are_joined_with_a_space() -> None:
    hours = "  hours 10:00-12:00, 13:00-18:00               # reading 3: the lunch hour is not business time\n"
    saturday = CLICKSOKO.replace("  days mon..fri\n" + hours, "  days mon..sat\n" + hours)
    old = _model(saturday.replace(hours, hours + "  hours fri, sat 10:00-13:00\n"))
    new = _model(saturday.replace(hours, hours + "  hours fri, sat 10:00-14:00\n"))
    assert _lines(old, new, "en") == [
        "~ Company business hours hours of some weekdays: Fri, Sat 10:00-13:00 -> Fri, Sat 10:00-14:00"
        " (closes 13:00 -> 14:00; 3 -> 4 business hours a day)"
    ]
    assert _lines(old, new, "ja") == [
        "~ 当社営業時間の曜日別の時間帯：金・土は10:00〜13:00 → 金・土は10:00〜14:00"
        "（終了時刻：13:00 → 14:00、1日の営業時間：3時間 → 4時間）"
    ]
