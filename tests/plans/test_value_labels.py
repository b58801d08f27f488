"""Issue 16: attribute values with labels in every declared language.

``value premium "プレミアム" / "Premium"`` gives a value the label a person reads; events, conditions
and the JSON report keep the name. Checked here: parsing (the old ``values a, b`` form still valid),
each diagnostic (W260, W261, E265, and E262/E263 on a value's label), ``sla fmt`` (golden), the
report's words (the not-applicable reason, whom a target is for, a priority's rules), the docs
site's tables, ``sla diff`` and the language server. Each test names what the code before issue 16
did instead, so that it can be seen to fail there.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from lark.exceptions import LarkError

import sla_dsl
from sla_dsl.authoring.fmt import format_text
from sla_dsl.authoring.hover import hover_text
from sla_dsl.authoring.semdiff import diff_models, render_text
from sla_dsl.lang import model as m
from sla_dsl.lang.parser import parse_tree
from sla_dsl.policy import compile_text
from sla_dsl.report.render import render

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "policies" / "examples" / "plans.sla"
GOLDEN = ROOT / "tests" / "author" / "golden" / "fmt"
TZ = ZoneInfo("Asia/Tokyo")

HEAD = 'sla "T" {{ format 1 version "1" effective 2026-01-01 timezone Asia/Tokyo {languages} }}\n'
LABELLED = (
    'attribute plan "契約プラン" / "Plan" {\n'
    '  value standard "スタンダード" / "Standard"\n'
    '  value premium "プレミアム" / "Premium"\n'
    "  default standard\n"
    "}\n"
)
# a notify rule for premium outages only: a standard outage is not applicable, with its reason
NOTIFY = (
    'calendar business "営業日" / "Business days" { days mon..fri hours 10:00-18:00 }\n'
    'notify first "第一報" / "First report" { when plan = premium within 30 minutes after outage.started '
    "met by outage.notified }\n"
    'priority P1 "緊急（プレミアム）" / "Urgent (premium)" { when plan = premium respond within 1 hour }\n'
    'priority P1 "緊急" / "Urgent" { respond within 4 business hours }\n'
)


def _policy(body: str, languages: str = "languages ja, en") -> str:
    return HEAD.format(languages=languages) + body


def _codes(text: str) -> list[tuple[str, int, int]]:
    return [(d.code, d.span.line, d.span.column) for d in compile_text(text).diagnostics]


def _plan(text: str) -> m.Attribute:
    model = compile_text(text).model
    assert model is not None
    return next(a for a in model.attributes if a.name == "plan")


# -- parsing ----------------------------------------------------------------------------------------


def test_a_value_line_gives_the_value_its_label() -> None:
    plan = _plan(_policy(LABELLED))
    assert plan.values == ("standard", "premium") and plan.default == "standard"
    assert [(v.name, v.label.ja, v.label.en) for v in plan.labels] == [
        ("standard", "スタンダード", "Standard"),
        ("premium", "プレミアム", "Premium"),
    ]
    assert (plan.value_text("premium", "ja"), plan.value_text("premium", "en")) == ("プレミアム", "Premium")
    assert plan.labels[1].span.line == 4 and plan.labels[1].span.column == 9  # the name, for diagnostics


def test_the_old_list_form_is_still_valid_and_shows_values_as_written() -> None:
    text = _policy('attribute plan "契約プラン" / "Plan" {\n  values standard, premium\n  default standard\n}\n', "")
    assert _codes(text) == []
    plan = _plan(text)
    assert plan.values == ("standard", "premium")
    assert [v.label for v in plan.labels] == [m.Label(), m.Label()]
    assert plan.value_text("premium", "ja") == "premium"


def test_a_list_and_value_lines_may_share_a_block_in_the_order_written() -> None:
    text = _policy(
        'attribute plan "契約プラン" / "Plan" {\n  values basic\n  value premium "プレミアム" / "Premium"\n}\n'
    )
    plan = _plan(text)
    assert plan.values == ("basic", "premium") and [v.name for v in plan.labels] == ["basic", "premium"]


def test_a_label_after_a_value_list_is_a_parse_error() -> None:
    """Labels go on `value` lines only: `values a "x"` is not the language."""
    with pytest.raises(LarkError):
        parse_tree(_policy('attribute plan { values standard "スタンダード" / "Standard" }\n'))


def test_the_plans_example_labels_every_value() -> None:
    model = compile_text(PLANS.read_text("utf-8")).model
    assert model is not None and model.attributes
    for attr in model.attributes:
        assert [v.name for v in attr.labels] == list(attr.values)
        assert all(v.label.ja and v.label.en and v.label.ja != v.label.en for v in attr.labels), attr.name


# -- diagnostics ------------------------------------------------------------------------------------


def test_w260_a_value_without_a_label_where_japanese_is_declared() -> None:
    body = 'attribute plan "契約プラン" / "Plan" {\n  values standard\n  value premium\n}\n'
    assert _codes(_policy(body)) == [("W260", 3, 10), ("W260", 4, 9)]
    (d, _) = compile_text(_policy(body)).diagnostics
    assert d.message == "value `standard` of attribute `plan` has no label: a Japanese page shows it as written"
    assert d.help == 'write it on a line of its own with its label: `value standard "日本語" / "English"`'
    assert (
        d.text("ja") == "属性 `plan` の値 `standard` に名称がありません。日本語のページには書かれたとおりに表示されます"
    )
    # Japanese only: the line to write has one text
    (ja_only, _) = compile_text(_policy(body, "languages ja")).diagnostics
    assert ja_only.help == 'write it on a line of its own with its label: `value standard "日本語"`'
    # no Japanese page, or no declaration (as every other language check): no warning
    assert _codes(_policy(body, "languages en")) == []
    assert _codes(_policy(body, "")) == []


def test_w261_two_values_with_one_label() -> None:
    body = (
        'attribute plan "契約プラン" / "Plan" {\n  value standard "標準" / "Standard"\n'
        '  value basic "標準" / "Basic"\n  value gold "ゴールド" / "Standard"\n}\n'
    )
    assert _codes(_policy(body)) == [("W261", 4, 15), ("W261", 5, 14)]
    first, second = compile_text(_policy(body)).diagnostics
    assert first.message == "values `standard` and `basic` of attribute `plan` have the same label `標準`"
    assert second.message == "values `standard` and `gold` of attribute `plan` have the same label `Standard`"
    assert first.text("ja") == "属性 `plan` の値 `standard` と `basic` の名称が同じ `標準` です"


def test_e265_a_value_written_twice_with_a_label() -> None:
    twice = LABELLED.replace("  default", '  value premium "上位" / "Top"\n  default')
    assert _codes(_policy(twice)) == [("E265", 5, 9)]
    (d,) = compile_text(_policy(twice)).diagnostics
    assert (d.message, d.help) == (
        "value `premium` of attribute `plan` is written twice, with a label",
        "keep one of the two: line 4 writes `premium` too",
    )
    listed = _policy('attribute plan {\n  values standard, premium\n  value premium "プレミアム" / "Premium"\n}\n', "")
    assert _codes(listed) == [("E265", 4, 9)]
    # written twice without any label: still E250, as before
    assert [c for c, _, _ in _codes(_policy("attribute plan {\n  values a, b\n  value a\n}\n", ""))] == ["E250"]


def test_a_label_in_one_language_where_two_are_declared_follows_the_rule_of_every_text() -> None:
    """E263 (a single Japanese text, no English) and E262 (an empty side), at the label."""
    one = LABELLED.replace('"プレミアム" / "Premium"', '"プレミアム"')
    assert _codes(_policy(one)) == [("E263", 4, 17)]
    empty = LABELLED.replace('"プレミアム" / "Premium"', '"" / "Premium"')
    assert _codes(_policy(empty)) == [("E262", 4, 17)]


# -- sla fmt ----------------------------------------------------------------------------------------


def test_fmt_lays_out_value_lines_golden() -> None:
    source = (GOLDEN / "value-labels.sla").read_text("utf-8")
    expected = (GOLDEN / "value-labels.expected.sla").read_text("utf-8")
    assert format_text(source) == expected
    assert format_text(expected) == expected
    before, after = compile_text(source).model, compile_text(expected).model
    assert before is not None and after is not None and m.meaning(before) == m.meaning(after)


# -- the report -------------------------------------------------------------------------------------


def _t(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=TZ)


def _ev(event: str, at: str, ident: str, **fields: Any) -> dict[str, Any]:
    return {"event": event, "at": _t(at).isoformat(), "id": ident, **fields}


OUTAGE = [
    _ev("outage.started", "2026-11-10 10:30", "S", cause="failure", attributes={"plan": "standard"}),
    _ev("outage.ended", "2026-11-10 11:00", "S"),
]


def test_the_not_applicable_reason_names_values_by_their_labels() -> None:
    """Before: 「契約プランが standard のため対象外（契約プランが premium の場合に適用）」."""
    policy = sla_dsl.load_policy(_policy(LABELLED + NOTIFY, ""))
    report = sla_dsl.evaluate(policy, OUTAGE, _t("2026-11-01 00:00"), _t("2026-12-01 00:00"))
    ja = render(report, "text", lang="ja", policies=[policy])
    en = render(report, "text", lang="en", policies=[policy])
    assert "契約プランがスタンダードのため対象外（契約プランがプレミアムの場合に適用）" in ja
    assert "not applicable: Plan is Standard (applies when Plan is Premium)" in en
    assert "契約プランがプレミアム：1時間以内／その他：4営業時間以内" in ja
    assert "Plan is Premium: within 1 hour; otherwise: within 4 business hours" in en
    # engineers' output keeps the names events carry
    data = json.loads(render(report, "json", lang="ja", policies=[policy]))
    (notice,) = data["outages"][0]["notices"]
    assert notice["status"] == "not_applicable"
    assert "applies only when plan = premium; this one has plan = standard" in notice["explain"][0]["text"]


def test_a_value_without_a_label_is_shown_as_written() -> None:
    unlabelled = LABELLED.replace('value premium "プレミアム" / "Premium"', "value premium")
    policy = sla_dsl.load_policy(_policy(unlabelled + NOTIFY, ""))
    report = sla_dsl.evaluate(policy, OUTAGE, _t("2026-11-01 00:00"), _t("2026-12-01 00:00"))
    assert "（契約プランがpremiumの場合に適用）" in render(report, "text", lang="ja", policies=[policy])


# -- the docs site ----------------------------------------------------------------------------------


def test_the_site_shows_values_by_their_labels() -> None:
    """Before: 「契約プラン = premium」 in the plan table and 「契約プランが premium の場合に限ります。」."""
    from sla_dsl.docs.render import PageContext, render_policy

    policy = sla_dsl.load_policy(_policy(LABELLED + NOTIFY, ""))
    ja = render_policy(policy, PageContext(lang="ja", source_url=""))
    en = render_policy(policy, PageContext(lang="en", source_url=""))
    assert "<td>契約プラン = プレミアム</td>" in ja and "<td>契約プラン = スタンダード</td>" in ja
    assert "契約プランがプレミアムの場合に限ります。" in ja
    assert "<td>Plan = Premium</td>" in en and "Only when Plan is Premium." in en


def test_the_plans_example_page_in_japanese_shows_no_value_name() -> None:
    """The policy page of ``plans.sla`` in Japanese: no ``premium``, ``standard``, ``ja`` or ``en`` in its text."""
    from sla_dsl.docs.render import PageContext, render_policy

    policy = sla_dsl.load_policy(PLANS)
    text = re.sub(r"<[^>]+>", " ", render_policy(policy, PageContext(lang="ja", source_url="")))
    names = {v for a in policy.model.attributes for v in a.values}
    assert names == {"standard", "premium", "ja", "en"}
    assert "プレミアム" in text and "英語" in text
    found = {n for n in names if re.search(rf"(?<![A-Za-z0-9_]){n}(?![A-Za-z0-9_])", text)}
    assert found == set()


# -- sla diff ---------------------------------------------------------------------------------------


def _diff(old: str, new: str, lang: str) -> str:
    a, b = compile_text(_policy(old, "")).model, compile_text(_policy(new, "")).model
    assert a is not None and b is not None
    return render_text(a, b, diff_models(a, b), lang)  # type: ignore[arg-type]


def test_a_relabelled_value_is_a_change_in_ja_and_en() -> None:
    """Before: one change of the whole attribute, or none at all."""
    new = LABELLED.replace('"プレミアム" / "Premium"', '"プレミアム会員" / "Premium members"')
    assert _diff(LABELLED, new, "en") == '~ Plan value label: "Premium" -> "Premium members"\n'
    assert "契約プランの値の名称：「プレミアム」 → 「プレミアム会員」" in _diff(LABELLED, new, "ja")
    # only the English side changed: the Japanese diff shows the English
    en_only = LABELLED.replace('"プレミアム" / "Premium"', '"プレミアム" / "Premium plan"')
    assert '"Premium" → "Premium plan"' in _diff(LABELLED, en_only, "ja")
    # a label given to a value written without one
    bare = LABELLED.replace('value premium "プレミアム" / "Premium"', "value premium")
    assert 'value label: premium -> "Premium"' in _diff(bare, LABELLED, "en")
    assert _diff(LABELLED, LABELLED.replace("  value", "    value"), "en") == "no change in meaning\n"


# -- the language server ----------------------------------------------------------------------------


def test_hover_and_completion_show_a_value_s_labels() -> None:
    from sla_dsl.authoring.hover import value_detail

    text = _policy(LABELLED.replace("  default standard\n", "  values basic\n  default standard\n"))
    model = compile_text(text).model
    assert model is not None
    lines = text.splitlines()
    row = next(i for i, x in enumerate(lines) if x.startswith("  default"))
    shown = hover_text(model, text, row, lines[row].index("standard") + 2)
    assert shown == "**value `standard`** of attribute `plan`: スタンダード / Standard"
    row = next(i for i, x in enumerate(lines) if x.startswith("  values basic"))
    assert hover_text(model, text, row, lines[row].index("basic")) == (
        "**value `basic`** of attribute `plan`: no label (shown as written)"
    )
    plan = model.attributes[0]
    assert [value_detail(plan, v) for v in plan.labels] == [
        "plan: スタンダード / Standard",
        "plan: プレミアム / Premium",
        "plan",
    ]
    assert [value_detail(plan, v, "ja") for v in plan.labels] == ["plan：スタンダード", "plan：プレミアム", "plan"]
