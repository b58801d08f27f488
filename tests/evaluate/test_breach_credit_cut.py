"""A credit per missed target over a measurement period the evaluated one cuts owes nothing yet.

A quarterly cap (``at most 30% quarterly``) is the whole quarter's: three monthly reports that each owed the
breaches of their month up to the cap owed 10% + 20% + 10% = 40% for a quarter capped at 30%. As an availability
period cut by the evaluated one owes no credit yet, a cut quarter's row now says how many breaches the report's
part holds, owes 0 and names the whole quarter; the quarter's own report owes the capped 30%. Also: the
explanation writes the article as the rule column does (``[art 3.2]`` is 第3条の(2)), and a row names the rule
it belongs to, not every rule of its priority. Worked by hand, Asia/Tokyo, elapsed hours.
"""

from __future__ import annotations

import html
from typing import Any

import sla_dsl
from sla_dsl.lang.diagnostics import Severity
from sla_dsl.policy.load import compile_text
from sla_dsl.report.render import render

HEAD = """sla "Desk" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  provider "MIC株式会社" / "MIC"
  languages ja, en
}
"""

POLICY = (
    HEAD
    + """
attribute plan "契約プラン" / "Plan" {
  value standard "スタンダード" / "Standard"
  value premium "プレミアム" / "Premium"
  default standard
}

priority P1 "緊急（プレミアム）" / "Urgent (premium)" [art 3.2] {
  when plan = premium
  respond within 1 hour
  credit 10% per breach, at most 30% quarterly
  complete on incident.resolved
}

priority P1 "緊急" / "Urgent" [art 3.2] {
  respond within 4 hours
  credit 5% per breach, at most 25% monthly
  complete on incident.resolved
}

calendar always "24時間" / "24 hours" {
  days mon..sun
  hours 00:00-24:00
}

service content "配信" / "Delivery" [art 3.1.4] {
  hours always
  availability target 99.5% monthly
  credit below 99.5% 10%
}
"""
)

AS_OF = "2027-01-10T00:00:00+09:00"


def late(ident: str, day: str, plan: str = "premium") -> list[dict[str, Any]]:
    """A P1 reported on ``day`` at 10:00 and answered at 16:00: a breach of either rule's response target."""
    attrs = {"attributes": {"plan": plan}} if plan == "premium" else {}
    return [
        {"event": "incident.reported", "at": f"2026-{day}T10:00:00+09:00", "id": ident, "priority": "P1", **attrs},
        {"event": "incident.responded", "at": f"2026-{day}T16:00:00+09:00", "id": ident},
        {"event": "incident.resolved", "at": f"2026-{day}T17:00:00+09:00", "id": ident},
    ]


#: premium breaches: one in October, two in November, one in December: 4 x 10% = 40%, at most 30% a quarter;
#: one standard breach in November (5%); a 10-hour outage in November (98.6%, below 99.5%: 10%)
EVENTS = [
    *late("Q-OCT", "10-05"),
    *late("Q-NOV1", "11-04"),
    *late("Q-NOV2", "11-05"),
    *late("Q-DEC", "12-03"),
    *late("S-NOV", "11-06", plan="standard"),
    {"event": "outage.started", "at": "2026-11-10T00:00:00+09:00", "id": "OUT-1", "cause": "failure"},
    {"event": "outage.ended", "at": "2026-11-10T10:00:00+09:00", "id": "OUT-1"},
]

MONTHS = [("2026-10-01", "2026-11-01"), ("2026-11-01", "2026-12-01"), ("2026-12-01", "2027-01-01")]


def evaluate(start: str, end: str) -> Any:
    return sla_dsl.evaluate(sla_dsl.load_policy(POLICY), EVENTS, start, end, AS_OF)


def quarter_rows(report: Any) -> list[tuple[Any, ...]]:
    return [
        (r.start.date().isoformat(), r.end.date().isoformat(), r.complete, r.breaches, r.credit, r.incidents)
        for r in report.breach_credits
        if r.period == "quarter"
    ]


def test_a_quarterly_credit_in_three_monthly_reports_never_owes() -> None:
    got = [quarter_rows(evaluate(a, b)) for a, b in MONTHS]
    assert got == [
        [("2026-10-01", "2027-01-01", False, 1, 0.0, ["Q-OCT"])],
        [("2026-10-01", "2027-01-01", False, 2, 0.0, ["Q-NOV1", "Q-NOV2"])],
        [("2026-10-01", "2027-01-01", False, 1, 0.0, ["Q-DEC"])],
    ]  # (was: 10% + 20% + 10% = 40%, each labelled with its month)


def test_the_quarters_report_owes_the_capped_credit() -> None:
    assert quarter_rows(evaluate("2026-10-01", "2027-01-01")) == [
        ("2026-10-01", "2027-01-01", True, 4, 30.0, ["Q-OCT", "Q-NOV1", "Q-NOV2", "Q-DEC"])
    ]


def test_a_month_inside_the_evaluated_period_still_owes_its_own_credit() -> None:
    report = evaluate("2026-11-01", "2026-12-01")
    monthly = [(r.when, r.complete, r.credit) for r in report.breach_credits if r.period == "month"]
    assert monthly == [(None, True, 5.0)]


def test_a_cut_row_says_the_whole_period_and_who_settles_it() -> None:
    policy = sla_dsl.load_policy(POLICY)
    report = sla_dsl.evaluate(policy, EVENTS, "2026-11-01", "2026-12-01", AS_OF)
    for fmt in ("text", "markdown", "html"):
        ja = html.unescape(render(report, fmt, lang="ja", policies=[policy]))
        en = html.unescape(render(report, fmt, lang="en", policies=[policy]))
        assert "この報告の範囲の目標未達は2件（対象案件：Q-NOV1、Q-NOV2）" in ja
        assert "クレジットは測定期間全体を対象とする報告で確定します（第3条の(2)）。" in ja
        assert "10月1日(木) 00:00 〜 2027年1月1日(金) 00:00（四半期）" in ja
        assert "11月1日(日) 00:00 〜 12月1日(火) 00:00（四半期）" not in ja
        assert "2 missed in this report's part of the period (incidents Q-NOV1, Q-NOV2)" in en
        assert "the credit is settled by a report over the whole period (Art. 3.2)" in en
        assert "(quarter)" in en and "Dec 00:00 (quarter)" not in en


def test_the_explanations_write_the_article_as_the_rule_column_does() -> None:
    policy = sla_dsl.load_policy(POLICY)
    report = sla_dsl.evaluate(policy, EVENTS, "2026-11-01", "2026-12-01", AS_OF)
    assert [c.credit_percent for c in report.credits] == [10.0]
    ja = render(report, "text", lang="ja", policies=[policy])
    assert "料金の 10% をクレジットとして返還（第3条の(1) 項番4）" in ja  # (the availability credit)
    assert "料金の 5% をクレジットとして返還（第3条の(2)。対象案件：S-NOV）" in ja
    assert "第3.2条" not in ja and "第3.1.4条" not in ja


def test_a_row_names_the_rule_it_belongs_to() -> None:
    policy = sla_dsl.load_policy(POLICY)
    report = sla_dsl.evaluate(policy, EVENTS, "2026-11-01", "2026-12-01", AS_OF)
    ja = render(report, "markdown", lang="ja", policies=[policy])
    en = render(report, "markdown", lang="en", policies=[policy])
    credit_rows = [r for r in ja.splitlines() if "| P1 " in r and "| 応答（" in r]
    assert len(credit_rows) == 2 and not any("緊急（プレミアム）／緊急" in r for r in credit_rows)
    assert not any("Urgent (premium) / Urgent" in r for r in en.splitlines() if "| Response (" in r)
    assert "| P1 緊急 | 応答（その他の顧客）" in ja
    assert "| P1 緊急（プレミアム） | 応答（契約プランがプレミアムの顧客）" in ja
    assert "| P1 Urgent | Response (other customers)" in en


def test_the_w263_help_raises_the_cap_in_one_line_the_checker_accepts() -> None:
    body = 'priority P1 "緊急" / "Urgent" {\n  respond within 4 hours\n  credit 5% per breach, at most 4% monthly\n}\n'
    (found,) = [d for d in compile_text(HEAD + body, "c.sla").diagnostics if d.code == "W263"]
    assert found.severity is Severity.WARNING
    line = "credit 5% per breach, at most 5% monthly"
    assert f"`{line}`" in str(found.help) and "credit 4% per breach" not in str(found.help)
    fixed = compile_text(HEAD + body.replace("credit 5% per breach, at most 4% monthly", line), "c.sla")
    assert [d.code for d in fixed.diagnostics] == []
