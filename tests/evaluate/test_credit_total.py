"""The header's cap on the sum of every service credit of a period: ``credit total at most 30% monthly``.

Hand-computed: the web service is down 10 hours of November 2026 (availability 98.6111%, below the tier
``below 99.0% 25%``), and three P1 incidents answered after three hours miss ``respond within 1 hour``
(3 x 5% = 15%, under the line's own cap of 25%). The period's credits add up to 40%; a cap of 30% owes 30%,
a cap of 50% owes the 40%.
"""

from __future__ import annotations

import html
import json

import pytest

import sla_dsl
from sla_dsl.lang.diagnostics import Severity
from sla_dsl.policy.load import compile_text
from sla_dsl.report.render import render
from sla_dsl.report.tables import report_tables

POLICY = """sla "Cap" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages ja, en
  credit total at most 30% monthly [art 6]
}

article 6 "サービスクレジット" / "Service credits"

calendar always "常時" / "Always" {
  days mon..sun
  hours 00:00-24:00
}

service web "ウェブ" / "Web" [art 6] {
  hours always
  availability target 99.9% monthly
  credit below 99.9% 10%, below 99.0% 25%
}

priority P1 "緊急" / "Urgent" [art 6] {
  respond within 1 hour
  credit 5% per breach, at most 25% monthly
}
"""

EVENTS = [
    {"event": "outage.started", "at": "2026-11-03T10:00:00+09:00", "id": "OUT-1", "service": "web"},
    {"event": "outage.ended", "at": "2026-11-03T20:00:00+09:00", "id": "OUT-1"},
    *(
        e
        for n in (5, 6, 7)
        for e in (
            {"event": "incident.reported", "at": f"2026-11-0{n}T09:00:00+09:00", "id": f"INC-{n}", "priority": "P1"},
            {"event": "incident.responded", "at": f"2026-11-0{n}T12:00:00+09:00", "id": f"INC-{n}"},
        )
    ),
]


def _report(policy_text: str = POLICY) -> sla_dsl.Report:
    return sla_dsl.evaluate(sla_dsl.load_policy(policy_text), EVENTS, "2026-11-01", "2026-12-01")


def _codes(text: str) -> list[tuple[str, Severity, int, int]]:
    found = compile_text(text, "cap.sla").diagnostics
    return [(d.code, d.severity, d.span.line, d.span.column) for d in found]


def test_the_header_reads_the_cap_with_its_period_and_article() -> None:
    cap = sla_dsl.load_policy(POLICY).model.header.credit_total
    assert cap is not None
    assert (cap.percent, cap.period.value, str(cap.ref), cap.span.line) == (30.0, "month", "6", 7)
    quarterly = sla_dsl.load_policy(
        POLICY.replace("30% monthly [art 6]", "30% quarterly").replace(" monthly\n", " quarterly\n")
    )
    assert quarterly.model.header.credit_total is not None
    assert quarterly.model.header.credit_total.period.value == "quarter"
    assert quarterly.model.header.credit_total.ref is None
    assert _codes(POLICY) == []


def test_credits_above_the_cap_owe_the_cap_and_the_rows_keep_their_own_figures() -> None:
    report = _report()
    assert [c.credit_percent for c in report.credits] == [25.0]
    assert [c.credit for c in report.breach_credits] == [15.0]
    data = json.loads(render(report, "json"))
    (row,) = data["credit_totals"]
    assert row == {
        "period": "month",
        "start": "2026-11-01T00:00:00+09:00",
        "end": "2026-12-01T00:00:00+09:00",
        "complete": True,
        "credits": 40.0,
        "cap": 30.0,
        "owed": 30.0,
        "ref": "Article 6",
        "policy_version": "1",
    }
    assert list(data)[-2:] == ["credit_totals", "generator"]


def test_credits_within_the_cap_are_owed_whole() -> None:
    (row,) = _report(POLICY.replace("at most 30% monthly [art 6]", "at most 50% monthly [art 6]")).credit_totals
    assert (row.credits, row.cap, row.owed) == (40.0, 50.0, 40.0)


def test_a_policy_without_the_cap_gives_no_row_and_a_month_without_credits_none() -> None:
    assert _report(POLICY.replace("  credit total at most 30% monthly [art 6]\n", "")).credit_totals == []
    policy = sla_dsl.load_policy(POLICY)
    assert sla_dsl.evaluate(policy, EVENTS, "2026-10-01", "2026-11-01").credit_totals == []


def test_a_breach_credit_of_a_month_not_over_is_not_final() -> None:
    policy = sla_dsl.load_policy(POLICY)
    report = sla_dsl.evaluate(policy, EVENTS[2:], "2026-11-01", "2026-12-01", as_of="2026-11-20T00:00:00+09:00")
    (row,) = report.credit_totals
    assert (row.credits, row.owed, row.complete) == (15.0, 15.0, False)
    ja = render(report, "markdown", lang="ja", policies=[policy])
    assert "確定していません" in ja.split("クレジットの合計と上限")[1]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_the_customer_reports_show_the_total_before_and_after_the_cap(fmt: str) -> None:
    policy = sla_dsl.load_policy(POLICY)
    report = _report()
    ja = render(report, fmt, lang="ja", policies=[policy])
    en = html.unescape(render(report, fmt, lang="en", policies=[policy]))
    assert "クレジットの合計と上限" in ja and "上限適用前の合計" in ja
    assert "この測定期間のクレジットの合計 40% が上限 30% を超えるため、料金の 30% をクレジットとして返還" in ja
    assert "Total of service credits and its cap" in en
    assert "the period's credits add up to 40%, above the cap of 30%: 30% of the fee is credited" in en
    assert "the period's credits" not in ja and "Total before" not in ja


def test_the_parquet_tables_hold_the_totals() -> None:
    table = report_tables(_report())["credit_totals"]
    assert table.column("owed").to_pylist() == [30.0]
    assert table.column("credits").to_pylist() == [40.0]


def test_a_second_cap_is_refused_with_the_one_to_keep() -> None:
    twice = POLICY.replace("[art 6]\n}", "[art 6]\n  credit total at most 40% monthly\n}", 1)
    found = compile_text(twice, "cap.sla").diagnostics
    (d,) = [d for d in found if d.is_error]
    assert (d.code, d.span.line) == ("E212", 8)
    assert "`credit total`" in d.message and "7" in (d.help or "")


def test_a_cap_over_the_whole_fee_is_refused_and_the_header_kept() -> None:
    found = compile_text(POLICY.replace("at most 30%", "at most 130%"), "cap.sla")
    assert [(d.code, d.span.line, d.span.column) for d in found.diagnostics] == [("E215", 7, 24)]
    assert found.model is not None and found.model.header.version == "1"


def test_a_credit_of_another_period_than_the_cap_is_refused_at_its_line() -> None:
    text = POLICY.replace("at most 25% monthly", "at most 25% quarterly")
    (d,) = compile_text(text, "cap.sla").diagnostics
    assert (d.code, d.severity, d.span.line) == ("E267", Severity.ERROR, 25)
    assert "`credit total at most 30% monthly [art 6]`" in (d.help or "")
    assert "measure this line `monthly`" in (d.help or "")
    tiers = POLICY.replace("availability target 99.9% monthly", "availability target 99.9% quarterly")
    (d,) = compile_text(tiers, "cap.sla").diagnostics
    assert (d.code, d.span.line) == ("E267", 20)
    assert "measure the availability target above it `monthly`" in (d.help or "")
    assert "上の稼働率の目標を `monthly` で測るか" in (d.help_text("ja") or "")


def test_a_cap_over_credits_for_some_customers_only_is_refused() -> None:
    plans = POLICY.replace(
        "priority P1",
        "attribute plan { values standard, premium default standard }\n\n"
        'priority P1 "緊急" / "Urgent" [art 6] {\n  when plan = premium\n  respond within 4 hours\n}\n\npriority P1',
    )
    (d,) = [d for d in compile_text(plans, "cap.sla").diagnostics if d.code == "E268"]
    assert d.span.line == 7


def test_a_single_credit_above_the_cap_is_a_warning_with_the_cap_that_owes_it() -> None:
    text = POLICY.replace("below 99.0% 25%", "below 99.0% 25%, below 95.0% 60%")
    (d,) = compile_text(text, "cap.sla").diagnostics
    assert (d.code, d.severity, d.span.line) == ("W265", Severity.WARNING, 7)
    assert d.help is not None and "`credit total at most 60% monthly [art 6]`" in d.help
    ja = compile_text(text, "cap.sla").diagnostics[0].text("ja")
    assert "60%" in ja and "30%" in ja


def test_one_breach_above_the_cap_is_a_warning_and_a_line_without_its_own_cap_is_none() -> None:
    uncapped = POLICY.replace("credit 5% per breach, at most 25% monthly", "credit 5% per breach")
    assert _codes(uncapped) == []
    (d,) = compile_text(uncapped.replace("credit 5% per breach", "credit 40% per breach"), "cap.sla").diagnostics
    assert (d.code, d.span.line) == ("W265", 7)
    assert d.help is not None and "`credit total at most 40% monthly [art 6]`" in d.help
