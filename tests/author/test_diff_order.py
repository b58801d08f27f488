"""``sla diff`` reports a change of the order of alternatives tried in file order, first match applies.

The rules of one priority are tried in file order and the first whose condition holds applies; so are the
availability targets of a service; and the plain response target is measured on the clock called
``response``, else on the first clock. A QA report found ``sla diff`` saying "no change in meaning" when two
rules of P1 were swapped or the rule without a condition moved above a conditional one, which changes
deadlines: both are now a change ``order`` of the priority, said in both languages, in text, JSON and the
change notice. Reordering rules that no incident matches together, or blocks of other declarations, is
still no change.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sla_dsl.authoring.semdiff import diff_models, render_json, render_markdown, render_text
from sla_dsl.cli import main
from sla_dsl.lang.model import PolicyModel
from sla_dsl.policy import compile_text

ROOT = Path(__file__).resolve().parents[2]
PLANS = (ROOT / "policies" / "examples" / "plans.sla").read_text("utf-8")

HEAD = """sla "Plans" {
  format 1
  version "1.0"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages ja, en
}

attribute plan "契約プラン" / "Plan" {
  value standard "スタンダード" / "Standard"
  value premium "プレミアム" / "Premium"
  default standard
}

attribute channel "受付窓口" / "Support line" {
  value ja "日本語" / "Japanese"
  value en "英語" / "English"
  default ja
}

calendar business "営業日" / "Business days" {
  days mon..fri
  hours 10:00-12:00, 13:00-18:00
  holidays JP
}
"""

PREMIUM = """
priority P1 "緊急（プレミアム）" / "Urgent (premium)" {
  when plan = premium
  respond within 1 hour
}
"""
ENGLISH = """
priority P1 "緊急（英語）" / "Urgent (English)" {
  when channel = en
  respond within 8 business hours
}
"""
STANDARD = """
priority P1 "緊急（スタンダード）" / "Urgent (standard)" {
  when plan = standard
  respond within 2 hours
}
"""
GENERAL = """
priority P1 "緊急" / "Urgent" {
  respond within 4 business hours
}
"""
P2 = """
priority P2 "高" / "High" {
  respond within 1 business day
}
"""


def _model(text: str) -> PolicyModel:
    compiled = compile_text(text)
    assert compiled.model is not None and not compiled.errors, [d.header() for d in compiled.errors]
    return compiled.model


def _pair(old: str, new: str) -> tuple[PolicyModel, PolicyModel]:
    return _model(HEAD + old), _model(HEAD + new)


def test_swapped_rules_that_both_match_some_incidents_are_a_change() -> None:
    old, new = _pair(PREMIUM + ENGLISH + GENERAL, ENGLISH + PREMIUM + GENERAL)
    changes = diff_models(old, new)
    assert [(c.op, c.section, c.key, c.field) for c in changes] == [("changed", "priority", "P1", "order")]
    assert render_text(old, new, changes, "en") == (
        "~ P1 Urgent (English) / Urgent (premium) / Urgent order of rules: when Plan is Premium;"
        " when Support line is English; no condition"
        " -> when Support line is English; when Plan is Premium; no condition"
        " (the rule when Support line is English now applies before the rule when Plan is Premium where both"
        " hold)\n"
    )
    assert render_text(old, new, changes, "ja") == (
        # (the priority by its id and its rules' labels, as the report names it: no bare `P1`)
        "~ P1 緊急（英語）／緊急（プレミアム）／緊急の規定の適用順："
        "「契約プランがプレミアム」、「受付窓口が英語」、条件なし"
        " → 「受付窓口が英語」、「契約プランがプレミアム」、条件なし"
        "（両方に当てはまる案件には「受付窓口が英語」の規定を「契約プランがプレミアム」の規定より先に適用）\n"
    )


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_order_change_is_in_the_json_and_the_notice(lang: str) -> None:
    old, new = _pair(PREMIUM + ENGLISH + GENERAL, ENGLISH + PREMIUM + GENERAL)
    changes = diff_models(old, new)
    doc = json.loads(render_json(old, new, changes, lang))  # type: ignore[arg-type]
    assert doc["equal"] is False
    (row,) = doc["changes"]
    assert (row["section"], row["key"], row["field"]) == ("priority", "P1", "order")
    assert [c and c["tests"][0]["attribute"] for c in row["old"]] == ["plan", "channel", None]
    assert [c and c["tests"][0]["attribute"] for c in row["new"]] == ["channel", "plan", None]
    assert len(row["details"]) == 1
    notice = render_markdown(old, new, changes, lang)  # type: ignore[arg-type]
    said = (
        "「受付窓口が英語」の規定を「契約プランがプレミアム」の規定より先に適用"
        if lang == "ja"
        else ("the rule when Support line is English now applies before the rule when Plan is Premium")
    )
    assert said in row["details"][0] and said in notice


def test_the_general_rule_moved_above_a_conditional_one_is_a_change() -> None:
    """plans.sla with its P1 rule without ``when`` first: the premium rule can no longer apply."""
    premium = PLANS[PLANS.index('priority P1 "緊急（プレミアム）"') : PLANS.index('priority P1 "緊急" /')]
    general = PLANS[PLANS.index('priority P1 "緊急" /') : PLANS.index("# The English line")]
    reordered = PLANS.replace(premium + general, general + premium)
    assert reordered != PLANS
    old, new = _model(PLANS), _model(reordered)
    changes = diff_models(old, new)
    assert [(c.section, c.key, c.field) for c in changes] == [("priority", "P1", "order")]
    en = render_text(old, new, changes, "en")
    assert "P1 Urgent / Urgent (premium) order of rules: when Plan is Premium; no condition -> no condition;" in en
    assert "the rule without a condition now applies before the rule when Plan is Premium" in en
    assert "条件なしの規定を「契約プランがプレミアム」の規定より先に適用" in render_text(old, new, changes, "ja")


def test_exit_code_of_a_reorder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = tmp_path / "old.sla", tmp_path / "new.sla"
    old.write_text(HEAD + PREMIUM + ENGLISH + GENERAL, "utf-8")
    new.write_text(HEAD + ENGLISH + PREMIUM + GENERAL, "utf-8")
    assert main(["diff", "--exit-code", "--lang", "en", str(old), str(new)]) == 1
    assert "~ P1 Urgent (English) / Urgent (premium) / Urgent order of rules:" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # no incident has both plans: file order decides nothing between them
        (PREMIUM + STANDARD + GENERAL, STANDARD + PREMIUM + GENERAL),
        # the rules of another priority moved: the rules of each priority keep their order
        (PREMIUM + GENERAL + P2, P2 + PREMIUM + GENERAL),
    ],
    ids=["exclusive-conditions", "other-priority-moved"],
)
def test_a_reorder_that_decides_nothing_is_no_change(old: str, new: str) -> None:
    assert diff_models(*_pair(old, new)) == []


def test_a_reorder_with_a_changed_rule_says_both() -> None:
    old, new = _pair(
        PREMIUM + ENGLISH + GENERAL, ENGLISH.replace("8 business hours", "6 business hours") + PREMIUM + GENERAL
    )
    assert [(c.key, c.field) for c in diff_models(old, new)] == [("P1 when channel = en", "target"), ("P1", "order")]


# ---- availability targets of a service ---------------------------------------------------------------

TARGETS = (
    "  availability target 99.9% monthly when plan = premium\n"
    "  credit below 99.9% 10%, below 99.5% 25%, below 99.0% 50%\n"
)
GENERAL_TARGET = "  availability target 99.5% monthly\n  credit below 99.5% 10%, below 99.0% 25%, below 95.0% 100%\n"


def test_the_general_target_moved_above_a_plan_s_target_is_a_change() -> None:
    assert TARGETS + GENERAL_TARGET in PLANS
    new = PLANS.replace(TARGETS + GENERAL_TARGET, GENERAL_TARGET + TARGETS)
    old_m, new_m = _model(PLANS), _model(new)
    changes = diff_models(old_m, new_m)
    assert [(c.section, c.key, c.field) for c in changes] == [("service", "content", "target_order")]
    assert render_text(old_m, new_m, changes, "en") == (
        "~ Content delivery order of availability targets: when Plan is Premium; no condition"
        " -> no condition; when Plan is Premium (the target without a condition now applies before the target"
        " when Plan is Premium to customers both are for)\n"
    )
    assert render_text(old_m, new_m, changes, "ja") == (
        "~ コンテンツ配信の稼働率目標の適用順：「契約プランがプレミアム」、条件なし"
        " → 条件なし、「契約プランがプレミアム」"
        "（両方に当てはまるお客様には条件なしの目標を「契約プランがプレミアム」の目標より先に適用）\n"
    )


def test_targets_for_customers_no_one_is_both_of_are_in_any_order() -> None:
    standard = TARGETS.replace("99.9% monthly when plan = premium", "99.8% monthly when plan = standard")
    old = PLANS.replace(TARGETS, TARGETS + standard)
    new = PLANS.replace(TARGETS, standard + TARGETS)
    assert diff_models(_model(old), _model(new)) == []


# ---- the clock of the response target ------------------------------------------------------------------

REPORTED = 'clock reported "受付" / "Reported" {\n  starts at incident.reported\n}\n'
SUSPECTED = (
    'clock suspected "製品起因" / "Product suspected" {\n'
    "  starts at incident.product_suspected, else incident.reported\n}\n"
)


def test_another_first_clock_measures_the_response_target() -> None:
    old, new = _pair(REPORTED + SUSPECTED + GENERAL, SUSPECTED + REPORTED + GENERAL)
    changes = diff_models(old, new)
    assert [(c.section, c.field, c.old, c.new) for c in changes] == [
        ("header", "response_clock", "reported", "suspected")
    ]
    said = render_text(old, new, changes, "en")
    assert said == "~ policy clock of the response target: Reported -> Product suspected\n"
    assert render_text(old, new, changes, "ja") == "~ 規定の応答目標時間を計る起算点：受付 → 製品起因\n"


def test_clocks_in_another_order_beside_a_response_clock_are_no_change() -> None:
    response = REPORTED.replace("clock reported", "clock response")
    old, new = _pair(response + SUSPECTED + GENERAL, SUSPECTED + response + GENERAL)
    assert diff_models(old, new) == []
