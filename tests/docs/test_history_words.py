"""The site's version history says what changed, in words a customer reads (the change notice's).

A QA pass of the site's history found: one credit tier changed printed every tier of every target, before and
after; the English page said dates of the year as the policy file writes them (``none -> 08-13..08-15``)
where the Japanese says 8月13日〜8月15日; a clock's start with a fallback (``starts at A, else B``) read as a
list of both (「A」、B); a change of the order of a priority's rules named it by its bare id (``優先度 P1``);
two rules of one priority with the same label read the same. And on the policy page, the priority table
showed two rows of one label with nothing telling them apart.
"""

from __future__ import annotations

import html
import re

import pytest

import sla_dsl
from sla_dsl.docs import history
from sla_dsl.docs.render import PageContext, render_policy
from sla_dsl.lang import model as m

from .conftest import ROOT
from .htmltables import tables

PLANS = (ROOT / "policies/examples/plans.sla").read_text("utf-8")
CLICKSOKO = (ROOT / "policies/clicksoko.sla").read_text("utf-8")
CALENDAR = 'calendar business "当社営業時間" / "Company business hours" [art 2.1.2] {\n'


def _model(text: str) -> m.PolicyModel:
    return sla_dsl.load_policy(text).model


def _history(old: str, *edits: tuple[str, str]) -> dict[str, list[str]]:
    """The history's lines (each language) of the version ``old`` with ``edits`` made after ``old``."""
    new = old
    for before, after in edits:
        assert new.count(before) == 1, before
        new = new.replace(before, after)
    changes = history.diff(_model(old), _model(new))
    return {lang: [html.unescape(c.describe(lang)) for c in changes] for lang in ("ja", "en")}


def test_one_credit_tier_changed_is_said_alone() -> None:
    said = _history(PLANS, ("below 99.5% 25%", "below 99.5% 30%"))
    assert said["ja"] == ["コンテンツ配信の契約プランがプレミアムの場合のサービスクレジット（99.5%未満）：25% → 30%"]
    assert said["en"] == ["Content delivery credit below 99.5% when Plan is Premium: 25% -> 30%"]


def test_a_tier_of_the_target_for_everyone_else() -> None:
    said = _history(PLANS, ("below 99.5% 10%, below 99.0% 25%", "below 99.5% 15%, below 99.0% 25%"))
    assert said["ja"] == ["コンテンツ配信のサービスクレジット（99.5%未満）：10% → 15%"]
    assert said["en"] == ["Content delivery credit below 99.5%: 10% -> 15%"]


def test_a_target_changed_is_said_alone() -> None:
    """Another target with a condition is not repeated when one target's figure changes."""
    general = "  availability target 99.5% monthly\n"
    old = PLANS.replace(general, "  availability target 99.7% monthly when plan = standard\n" + general)
    said = _history(old, ("availability target 99.9% monthly when", "availability target 99.8% monthly when"))
    assert len(said["en"]) == 1 and "99.8% monthly when Plan is Premium" in said["en"][0], said
    assert "99.7%" not in said["en"][0] and "99.7%" not in said["ja"][0], said


@pytest.mark.parametrize(
    ("edit", "ja", "en"),
    [
        (
            (CALENDAR, CALENDAR + "  closed yearly 08-13..08-15\n"),
            "なし → 8月13日〜8月15日（初回は2026年8月13日(木)）",
            "none -> August 13 to August 15 (first on Thu 13 Aug 2026)",
        ),
        (
            (CALENDAR, CALENDAR + "  closed 2026-12-29..2026-12-31\n"),
            "なし → 2026年12月29日(火)〜2026年12月31日(木)",
            "none -> Tue 29 Dec 2026 to Thu 31 Dec 2026",
        ),
    ],
)
def test_dates_are_said_in_words(edit: tuple[str, str], ja: str, en: str) -> None:
    said = _history(CLICKSOKO, edit)
    assert said["ja"][0].endswith(ja) and said["en"][0].endswith(en), said
    assert ".." not in said["en"][0]


def test_a_yearly_maintenance_day_in_words() -> None:
    old = CLICKSOKO.replace("every month on 4th thu, 22:00-24:00", "every year on 08-13, 22:00-24:00")
    said = _history(old, ("every year on 08-13", "every year on 08-14"))
    assert said["en"] == ["Regular maintenance stop day: every year on August 13 -> every year on August 14"]
    assert said["ja"] == ["定期メンテナンス停止の実施日：毎年8月13日 → 毎年8月14日"]


def test_a_start_with_a_fallback_reads_as_one_or_else_the_other() -> None:
    said = _history(
        CLICKSOKO, ("starts at incident.product_suspected, else incident.reported", "starts at incident.reported")
    )
    assert said["ja"] == [
        "応答目標時間の起算点：問題の原因を製品による可能性があると判断した時点"
        "（なければ障害の報告を受けた時点） → 障害の報告を受けた時点"
    ]
    assert said["en"] == [
        "Start of the response clock starts at: the Company's judgement that the product may be the cause, "
        "or else the receipt of the failure report -> the receipt of the failure report"
    ]


def _swapped_p1(text: str) -> str:
    premium = text.index('priority P1 "緊急（プレミアム）"')
    general = text.index('priority P1 "緊急" /')
    after = text.index("# The English line")
    return text[:premium] + text[general:after] + text[premium:general] + text[after:]


def test_the_order_of_a_prioritys_rules_names_the_priority_as_the_report_does() -> None:
    old, new = _model(PLANS), _model(_swapped_p1(PLANS))
    said = {lang: [html.unescape(c.describe(lang)) for c in history.diff(old, new)] for lang in ("ja", "en")}
    assert said["ja"][0].startswith("P1 緊急／緊急（プレミアム）の規定の適用順："), said
    assert said["en"][0].startswith("P1 Urgent / Urgent (premium) order of rules:"), said
    assert "優先度 P1" not in said["ja"][0]


def test_two_rules_of_one_label_are_told_apart() -> None:
    same = PLANS.replace('priority P2 "高（英語窓口）" / "High (English line)"', 'priority P2 "高" / "High"')
    said = _history(
        same,
        ("respond within 7 desk_en hours", "respond within 6 desk_en hours"),
        ("respond within 1 business day", "respond within 2 business days"),
    )
    assert said["ja"] == [
        "P2 高（受付窓口が英語の場合）の応答目標時間："
        "7営業時間以内（英語窓口の受付時間） → 6営業時間以内（英語窓口の受付時間）",
        "P2 高（その他の場合）の応答目標時間：1営業日以内 → 2営業日以内",
    ]
    assert (
        said["en"][1] == "P2 High (in all other cases) response target: within 1 business day -> within 2 business days"
    )


@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [
        ("ja", "高 受付窓口が英語の場合に限ります。", "高 その他の場合に適用します。"),
        ("en", "High Only when", "High Applies"),
    ],
)
def test_the_priority_table_tells_rules_of_one_label_apart(lang: str, first: str, second: str) -> None:
    same = PLANS.replace('priority P2 "高（英語窓口）" / "High (English line)"', 'priority P2 "高" / "High"')
    page = render_policy(sla_dsl.load_policy(same), PageContext(lang=lang, source_url=""))
    rows = [r.cells[0] for r in tables(page)["priorities"][1:]]
    p2 = [r for r in rows if r.startswith(("高", "High"))]
    assert len(p2) == 2 and p2[0].startswith(first) and p2[1].startswith(second), rows
    # one anchor per priority id (the items table links to it), not one per rule
    assert len(re.findall(r'id="priority-p2"', page)) == 1
