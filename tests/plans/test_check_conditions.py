"""`sla check` on attributes, `when` conditions and credits (issue 13): located errors and warnings."""

from __future__ import annotations

import re
from pathlib import Path

from sla_dsl.policy import compile_text
from sla_dsl.report.render import render

ROOT = Path(__file__).resolve().parents[2]
HEAD = """sla "T" { format 1 version "1" effective 2026-01-01 timezone Asia/Tokyo }
attribute plan "プラン" / "Plan" { values standard, premium default standard }
attribute channel "窓口" / "Channel" { values ja, en }
"""


def codes(body: str) -> list[tuple[str, int]]:
    return [(d.code, d.span.line) for d in compile_text(HEAD + body, "p.sla").diagnostics]


def test_the_plans_example_is_clean() -> None:
    text = (ROOT / "policies" / "examples" / "plans.sla").read_text("utf-8")
    assert compile_text(text).diagnostics == []


def test_a_rule_after_the_general_one_can_never_apply() -> None:
    body = "priority P1 { respond within 4 hours }\npriority P1 { when plan = premium respond within 1 hour }\n"
    assert codes(body) == [("W250", 5)]


def test_special_case_first_then_the_general_rule_is_clean() -> None:
    body = "priority P1 { when plan = premium respond within 1 hour }\npriority P1 { respond within 4 hours }\n"
    assert codes(body) == []


def test_an_incident_no_rule_takes_is_an_error() -> None:
    # only premium has a rule: a standard P1 would have no target
    found = compile_text(HEAD + "priority P1 { when plan = premium respond within 1 hour }\n").diagnostics
    assert [(d.code, d.span.line) for d in found] == [("E252", 4)]
    assert "plan = standard" in found[0].message and found[0].help


def test_overlapping_conditions_resolved_by_file_order_warn_with_both_lines() -> None:
    body = (
        "priority P1 { when plan = premium respond within 1 hour }\n"
        "priority P1 { when channel = en respond within 2 hours }\n"
        "priority P1 { respond within 4 hours }\n"
    )
    found = [d for d in compile_text(HEAD + body, "p.sla").diagnostics]
    assert [(d.code, d.span.line) for d in found] == [("W251", 5)]
    assert "line 4" in found[0].message and "plan = premium" in found[0].message


def test_unknown_attributes_and_values_in_a_condition_are_located() -> None:
    body = (
        "priority P1 { when plna = premium respond within 1 hour }\n"
        "priority P1 { when plan in (premum, standard) respond within 2 hours }\n"
        "priority P1 { respond within 4 hours }\n"
    )
    found = compile_text(HEAD + body).diagnostics
    assert [(d.code, d.span.line) for d in found] == [("E251", 4), ("E251", 5)]
    assert all(d.help and "did you mean" in d.help for d in found)


def test_two_unconditional_rules_of_one_priority_are_still_a_duplicate() -> None:
    assert codes("priority P1 { respond within 1 hour }\npriority P1 { respond within 4 hours }\n") == [("E200", 5)]


def test_credits_without_a_target_and_a_bad_default_are_errors() -> None:
    body = "calendar always { days mon..sun hours 00:00-24:00 }\nservice s { hours always\n credit below 99% 10% }\n"
    assert ("E253", 6) in codes(body)
    bad = 'sla "T" { format 1 version "1" effective 2026-01-01 timezone Asia/Tokyo }\n'
    bad += "attribute plan { values a, b default c }\n"
    assert [d.code for d in compile_text(bad).diagnostics] == ["E250"]


def test_backups_every_12_hours_pass_and_every_5_hours_are_refused() -> None:
    good = "backup logs { every 12 hours keep 7 days }\n"
    assert codes(good) == []
    assert codes("backup logs { every 5 hours keep 7 days }\n") == [("E220", 4)]


def test_the_customer_report_shows_the_credit_with_its_explanation_in_ja_and_en() -> None:
    import sla_dsl

    from .test_plans import AVAIL_LOG, plans, t

    report = sla_dsl.evaluate(plans(), AVAIL_LOG, t("2026-11-01"), t("2027-01-01"))
    ja = render(report, "markdown", lang="ja", policies=[plans()])
    en = render(report, "markdown", lang="en", policies=[plans()])
    assert "稼働率 99.1667% が 99.5% を下回ったため、料金の 10% をクレジットとして返還（第6条）" in ja
    assert "| コンテンツ配信 |" in ja and "| 管理画面 |" in ja
    assert "availability 99.1667% is below 99.5%: 10% of the fee is credited (Art. 6)" in en
    section = ja.split("## サービスクレジット", 1)[1].split("\n## ", 1)[0]
    # attribute values are shown as the events carry them (`premium`), like ids
    assert not re.search(r"[A-Za-z]{3,}", section.replace("premium", "")), section
    # the summary shows the bad month, not the two months together (99.587%), and words the violation
    summary = en.split("## Summary", 1)[1].split("\n## ", 1)[0] if "## Summary" in en else en
    line = next(x for x in summary.splitlines() if "Content delivery" in x)
    assert "99.167%" in line and "99.587%" not in line
    assert "availability 99.1667% from Sun 1 Nov 00:00 to Tue 1 Dec 00:00 below the target 99.5%" in en
    assert "11月1日(日) 00:00〜12月1日(火) 00:00 の稼働率 99.1667% が目標 99.5% を下回る" in ja
    html = render(report, "html", lang="ja", policies=[plans()])
    assert "サービスクレジット" in html


def test_the_docs_page_shows_the_plan_and_credit_tables_in_ja_and_en() -> None:
    from sla_dsl.docs.render import PageContext, render_policy

    from .test_plans import plans

    pages = {lang: render_policy(plans(), PageContext(lang=lang, source_url="")) for lang in ("ja", "en")}
    for lang, page in pages.items():
        assert '<table id="plans">' in page and '<table id="credits">' in page, lang

    def table(page: str, ident: str) -> str:
        return page.split(f'<table id="{ident}">', 1)[1].split("</table>", 1)[0]

    ja_plans, ja_credits = table(pages["ja"], "plans"), table(pages["ja"], "credits")
    # premium: the first rule (1 hour); standard: the general one (4 business hours)
    assert "契約プラン = プレミアム" in ja_plans and "緊急（プレミアム）" in ja_plans and "緊急</td>" in ja_plans
    assert "99.5% 未満" in ja_credits and "<strong>25%</strong>" in ja_credits and "月ごと" in ja_credits
    # the values by their labels (issue 16): no `premium` or `standard` on the Japanese page
    assert not re.search(r"[A-Za-z]{3,}", re.sub(r"<[^>]+>", " ", ja_plans + ja_credits))
    assert "Plan = Premium" in table(pages["en"], "plans") and "below 95%" in table(pages["en"], "credits")


def test_hover_on_a_priority_or_its_condition_says_which_rule_applies_to_which_plan() -> None:
    from sla_dsl.authoring.hover import hover_text

    from .test_plans import plans

    text = (ROOT / "policies" / "examples" / "plans.sla").read_text("utf-8")
    lines = text.splitlines()
    when_line = next(i for i, x in enumerate(lines) if x.strip() == "when plan = premium")
    header = when_line - 1
    for line, col in ((when_line, lines[when_line].index("premium")), (header, lines[header].index("P1"))):
        shown = hover_text(plans().model, text, line, col)
        assert shown is not None
        assert f"- plan = premium: line {header + 1} (`when plan = premium`)" in shown
        general = next(i for i, x in enumerate(lines) if x.startswith('priority P1 "緊急" /'))
        assert f"- plan = standard: line {general + 1}\n" in shown


def _variant(old: str, new: str) -> str:
    text = (ROOT / "policies" / "examples" / "plans.sla").read_text("utf-8")
    assert old in text
    return text.replace(old, new)


def test_semdiff_tells_conditional_rules_apart_and_names_credits() -> None:
    from sla_dsl.authoring.semdiff import diff_models, render_text

    from .test_plans import plans

    def changes(new_text: str, lang: str = "en") -> str:
        old, new = plans().model, compile_text(new_text).model
        return render_text(old, new, diff_models(old, new), lang)

    # before issue 13 both P1 rules had one key, so the premium change read "no change in meaning"
    assert "P1 Urgent (premium) (when Plan is Premium) response target: within 1 hour -> within 2 hours" in changes(
        _variant("respond within 1 hour", "respond within 2 hours")
    )
    assert "Plan values: Standard, Premium -> Standard, Premium, Gold" in changes(
        _variant(
            '  value premium "プレミアム" / "Premium"\n',
            '  value premium "プレミアム" / "Premium"\n  value gold "ゴールド" / "Gold"\n',
        )
    )
    ja = changes(_variant("below 99.0% 25%", "below 99.0% 30%"), "ja")
    assert "サービスクレジット：99.5%未満で10%、99%未満で25%" in ja and "99%未満で30%" in ja


def test_replay_shows_the_credits_a_change_would_move() -> None:
    import sla_dsl
    from sla_dsl.authoring.replay import compare, render_text

    from .test_plans import AVAIL_LOG, plans, t

    new = sla_dsl.load_policy(_variant("credit below 99.5% 10%", "credit below 99.5% 15%"))
    old_r = sla_dsl.evaluate(plans(), AVAIL_LOG, t("2026-11-01"), t("2027-01-01"))
    new_r = sla_dsl.evaluate(new, AVAIL_LOG, t("2026-11-01"), t("2027-01-01"))
    r = compare(old_r, new_r)
    assert [(c.service, c.start, c.old_percent, c.new_percent) for c in r.credits] == [
        ("content", t("2026-11-01"), 10.0, 15.0)
    ]
    assert "content from Sun 1 Nov: 10% -> 15%" in render_text(r)
