"""The Japanese of ``sla diff``'s change notice, and of the site's version history that shows its lines.

A review of the notice found: credit tiers as 「99.9% 未満: 10%」 inside 「99.9% 月ごと（…の場合）、クレジット
…」; business time on another calendar said as elapsed time (「7時間（英語窓口の受付時間）」 where the policy
page says 「7営業時間（英語窓口の受付時間）」); a space between Japanese words (「適用除外 お客様の責を追加」);
ASCII type (``: `` after a label, ``10:00-12:00``, ``2026-08-13..2026-08-15``) that the site's history
touched up with a regular expression, policy text included. Each test below is one of those findings; the
English is unchanged but for business time in the notice, now said as on the policy page too.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from sla_dsl.authoring.semdiff import Words, change_text, diff_models, notice_words, render_markdown, render_text
from sla_dsl.docs import history
from sla_dsl.docs import text as tx
from sla_dsl.lang import model as m
from sla_dsl.policy import compile_text

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "policies" / "examples" / "plans.sla"
LONDON = ROOT / "policies" / "examples" / "london_desk.sla"
CLICKSOKO = ROOT / "policies" / "clicksoko.sla"
JA = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"


def _model(text: str) -> m.PolicyModel:
    compiled = compile_text(text)
    assert compiled.model is not None and not compiled.errors, [d.header() for d in compiled.errors]
    return compiled.model


def _versions(source: Path, *edits: tuple[str, str]) -> tuple[m.PolicyModel, m.PolicyModel]:
    text = source.read_text("utf-8")
    new = text
    for old, replacement in edits:
        assert new.count(old) == 1, old
        new = new.replace(old, replacement)
    return _model(text), _model(new)


def _notice(old: m.PolicyModel, new: m.PolicyModel, lang: str) -> list[str]:
    """The notice's line of each change (as the site's history shows it too)."""
    words = notice_words(old, new, lang)  # type: ignore[arg-type]
    return [change_text(c, words, old, new) for c in diff_models(old, new)]


def _text(old: m.PolicyModel, new: m.PolicyModel, lang: str) -> list[str]:
    return render_text(old, new, diff_models(old, new), lang).splitlines()  # type: ignore[arg-type]


# ---- credit tiers -------------------------------------------------------------------------------


def test_credit_tiers_read_as_a_japanese_sentence() -> None:
    """One tier changed: that tier, of the target with its condition (not every tier of every target)."""
    old, new = _versions(PLANS, ("below 99.5% 25%", "below 99.5% 30%"))
    assert _notice(old, new, "ja") == [
        "コンテンツ配信の契約プランがプレミアムの場合のサービスクレジット（99.5%未満）：25% → 30%"
    ]
    assert _notice(old, new, "en") == ["Content delivery credit below 99.5% when Plan is Premium: 25% -> 30%"]


def test_the_tiers_of_the_general_target_too() -> None:
    """A tier changed and one removed: each by its threshold."""
    old, new = _versions(PLANS, ("below 99.0% 25%, below 95.0% 100%", "below 99.0% 20%"))
    assert _notice(old, new, "ja") == [
        "コンテンツ配信のサービスクレジット（99%未満）：25% → 20%、"
        "コンテンツ配信のサービスクレジット（95%未満）：100% → なし"
    ]
    assert _text(old, new, "en") == [  # (the author's text: every tier, as the file writes them)
        "~ Content delivery service credits: below 99.5%: 10%, below 99%: 25%, below 95%: 100% -> "
        "below 99.5%: 10%, below 99%: 20%"
    ]


# ---- business time on another calendar ----------------------------------------------------------


def test_business_time_on_another_calendar_is_said_as_business_time() -> None:
    old, new = _versions(PLANS, ("respond within 7 desk_en hours", "respond within 6 desk_en hours"))
    ja = (
        "P2 高（英語窓口）（受付窓口が英語の場合）の応答目標時間："
        + "7営業時間以内（英語窓口の受付時間） → 6営業時間以内（英語窓口の受付時間）"
    )
    assert _notice(old, new, "ja") == [ja]
    assert _text(old, new, "ja") == [f"~ {ja}"]
    assert _notice(old, new, "en") == [
        "P2 High (English line) (when Support line is English) response target: "
        "within 7 business hours (English desk hours) -> within 6 business hours (English desk hours)"
    ]
    # the author's English text names the calendar by its label too
    assert _text(old, new, "en") == [
        "~ P2 High (English line) (when Support line is English) response target: "
        "within 7 business hours (English desk hours) -> within 6 business hours (English desk hours)"
    ]


def test_a_target_by_the_end_of_a_day_names_its_calendar() -> None:
    old, new = _versions(LONDON, ("respond within 1 desk_en day", "respond by end of 2nd desk_en day"))
    assert _notice(old, new, "ja") == [
        "P2 優先度２の応答目標時間：1営業日以内（英語窓口） → 2営業日目の終業時刻まで（英語窓口）"
    ]
    assert _notice(old, new, "en") == [
        "P2 Priority 2 response target: within 1 business day (English desk) -> "
        "by the end of the 2nd business day (English desk)"
    ]
    assert _text(old, new, "en") == [
        "~ P2 Priority 2 response target: within 1 business day (English desk) -> "
        "by the end of the 2nd business day (English desk)"
    ]


@pytest.mark.parametrize("source", [PLANS, LONDON, CLICKSOKO], ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_business_time_is_said_as_the_policy_page_says_it(source: Path, lang: str) -> None:
    """Every unit, on every calendar of the policy: the notice's words are the page's
    (:func:`sla_dsl.docs.text.duration`, and the page's target by the end of a business day)."""
    model = _model(source.read_text("utf-8"))
    words = notice_words(model, model, lang)  # type: ignore[arg-type]
    with tx.calendar_labels(model):
        for cal in model.calendars:
            for unit in m.TimeUnit:
                for amount in (1, 4):
                    d = m.Duration(amount=amount, unit=unit, calendar=cal.name)
                    assert words.duration(d) == tx.duration(d, lang), (cal.name, unit, amount)
            for nth in (1, 2):
                page = tx.t("by_end_of", lang, n=nth if lang == "ja" else tx.ordinal(nth))
                page += tx.on_calendar(cal.name, lang)
                assert words.target(m.ByEndOf(nth=nth, calendar=cal.name)) == page, (cal.name, nth)


def test_a_calendar_without_a_label_is_not_named_in_the_notice() -> None:
    """The page never shows a calendar's internal name; the author's text keeps it."""
    model = _model(
        PLANS.read_text("utf-8").replace(
            'calendar desk_en "英語窓口の受付時間" / "English desk hours"', "calendar desk_en"
        )
    )
    d = m.Duration(amount=7, unit=m.TimeUnit.HOUR, calendar="desk_en")
    calendars = {c.name: c for c in model.calendars}
    assert notice_words(model, model, "ja").duration(d) == "7営業時間"
    assert Words("ja", calendars, model=model).duration(d) == "7営業時間（desk_en）"
    assert Words("en", calendars, model=model).duration(d) == "7 business hours (desk_en)"


# ---- a label after its kind ---------------------------------------------------------------------


def test_a_label_after_its_kind_is_quoted_without_a_space() -> None:
    exclusion = 'exclude force_majeure "不可抗力" / "Force majeure"'
    old, new = _versions(PLANS, (exclusion, exclusion + '\nexclude customer_fault "お客様の責" / "Customer fault"'))
    assert _notice(old, new, "ja") == ["適用除外「お客様の責」を追加"]
    assert _text(old, new, "ja") == ["+ 適用除外「お客様の責」を追加"]
    assert _notice(old, new, "en") == ["New exclusion: Customer fault"]
    assert _text(old, new, "en") == ["+ new exclusion: Customer fault"]


def test_a_removed_rule_is_described_in_brackets_without_a_colon() -> None:
    rule = (
        'priority P2 "高（英語窓口）" / "High (English line)" [art 3] {\n'
        "  when channel = en\n  respond within 7 desk_en hours\n}\n"
    )
    old, new = _versions(PLANS, (rule, ""))
    assert _notice(old, new, "ja") == [
        "優先度「P2 高（英語窓口）」（受付窓口が英語の場合）を削除（応答目標時間：7営業時間以内（英語窓口の受付時間））"
    ]
    assert _notice(old, new, "en") == [
        "Priority: P2 High (English line) (when Support line is English) removed "
        "(respond within 7 business hours (English desk hours))"
    ]
    assert _text(old, new, "en") == [
        "- priority: P2 High (English line) (when Support line is English) removed "
        "(respond within 7 business hours (English desk hours))"
    ]


# ---- Japanese type ------------------------------------------------------------------------------

#: Edits of clicksoko.sla touching times, dates, ranges, channels, maintenance and new declarations.
CLICKSOKO_EDITS = (
    ("hours 10:00-12:00, 13:00-18:00", "hours 09:00-11:30, 12:30-19:00"),
    ("  holidays JP", "  holidays JP\n  closed yearly 12-29..01-03\n  closed 2026-08-13..2026-08-15"),
    ("every month on 4th thu, 22:00-24:00", "every month on last fri, 23:00-03:00"),
    ("notice 1 week before start date by email", "notice 2 weeks before start by email, web"),
    ('version "2026.1"', 'version "2026.2"'),
    ("effective 2026-04-01", "effective 2026-10-01"),
    (
        "# --- Article 3.1",
        'priority P4 "優先度４" / "Priority 4" [art 3.2] {\n  respond within 10 business days\n}\n\n# --- Article 3.1',
    ),
)
LONDON_EDITS = (
    (
        "hours mon..fri 09:00-17:30",
        "hours mon..thu 09:00-17:30\n  hours fri 09:00-16:00\n  hours 2026-12-24 09:00-12:00\n"
        '  holiday 2026-12-29 "年末休業" / "Year-end"',
    ),
    ("22:00-02:00", "23:00-03:00"),
)


def _japanese_lines() -> list[str]:
    out: list[str] = []
    for source, edits in ((CLICKSOKO, CLICKSOKO_EDITS), (LONDON, LONDON_EDITS)):
        old, new = _versions(source, *edits)
        out += _notice(old, new, "ja") + _text(old, new, "ja")
        out += render_markdown(old, new, diff_models(old, new), "ja").splitlines()
    return out


def test_the_japanese_is_in_japanese_type() -> None:
    lines = _japanese_lines()
    assert len(lines) > 40
    for line in lines:
        assert ": " not in line, line
        assert not re.search(r"\d\d:\d\d-\d\d:\d\d|\d{4}-\d\d-\d\d|\.\.", line), line
        assert not re.search(rf"[{JA}」）] +[{JA}「（]", line), line  # no space between Japanese words


def test_times_dates_and_ranges_as_on_the_site() -> None:
    said = "\n".join(_japanese_lines())
    for expected in (
        "当社営業時間の時間帯：10:00〜12:00、13:00〜18:00 → 09:00〜11:30、12:30〜19:00"
        "（休憩12:00〜13:00を廃止、休憩11:30〜12:30を追加、開始時刻：10:00 → 09:00、終了時刻：18:00 → 19:00、"
        "1日の営業時間：7時間 → 9時間）",
        "当社営業時間の会社独自の休業日：なし → 2026年8月13日〜2026年8月15日",
        "当社営業時間の会社独自の毎年の休業日：なし → 12月29日〜1月3日",
        "定期メンテナンス停止の実施時間帯：22:00〜24:00 → 23:00〜翌03:00",
        "計画停止の通知手段：メール → メール、ウェブ",
        "優先度「P4 優先度４」を追加（応答目標時間：10営業日以内）",
        "- 変更前：2026.1版（2026年4月1日(水)適用）",
        "- 変更後：2026.2版（**2026年10月1日(木)適用**）",
        "MIC株式会社は、「Click So-ko における Service Level Agreement（SLA）」を2026年10月1日(木)より"
        "以下のとおり変更いたします。",
        "英語窓口の曜日別の時間帯：金は09:00〜17:30 → 金は09:00〜16:00"
        "（終了時刻：17:30 → 16:00、1日の営業時間：8.5時間 → 7時間）",
        "英語窓口の日付別の時間帯：なし → 2026年12月24日は09:00〜12:00",
        "英語窓口の名前のある会社独自の休業日：なし → 2026年12月29日「年末休業」",
        "四半期末メンテナンスの実施時間帯：22:00〜翌02:00 → 23:00〜翌03:00",
    ):
        assert expected in said, expected


def test_the_english_text_says_times_and_dates_as_the_file_and_days_of_the_year_in_words() -> None:
    old, new = _versions(CLICKSOKO, *CLICKSOKO_EDITS)
    said = "\n".join(_text(old, new, "en"))
    assert "~ Company business hours company closure days: none -> 2026-08-13..2026-08-15" in said
    assert "~ Company business hours yearly company closure days: none -> December 29 to January 3" in said
    assert "~ Regular maintenance stop window: 22:00-24:00 -> 23:00-03:00" in said
    assert "~ planned stops notice channels: email -> email, web" in said
    assert "~ policy effective date: 2026-04-01 -> 2026-10-01" in said


# ---- the site shows the notice's lines as they are ----------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_site_s_history_shows_the_notice_s_line_untouched(lang: str) -> None:
    """The history used to turn every ``: `` into ``：`` and ``10:00-12:00`` into ``10:00〜12:00`` on the
    Japanese page: the policy's own text too, here an English label shown because only it changed."""
    old, new = _versions(
        PLANS, ('"コンテンツ配信" / "Content delivery"', '"コンテンツ配信" / "Delivery: 10:00-12:00 window"')
    )
    shown = [html.unescape(c.describe(lang)) for c in history.diff(old, new)]
    assert shown == _notice(old, new, lang)
    if lang == "ja":
        assert shown == ['コンテンツ配信の名称："Content delivery" → "Delivery: 10:00-12:00 window"']
