"""What the checker says to an account manager writing service credits (a QA pass): a cap written on a
service's availability credit (``at most``, which only a priority's credit per breach takes) is E011 at the
cap saying why, with the line without it; a line that ends with a comma (the block's ``}`` or the next
statement on the line after it) is E011 at the comma, not at the next line, with the line without it, for
every statement written as a list alike. In Japanese and English."""

from __future__ import annotations

import pytest

from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.policy import compile_text

POLICY = """sla "Cloudia SaaS" {
  format 1
  version "2026.10"
  effective 2026-07-01
  timezone Asia/Tokyo
  languages ja, en
}

attribute plan "契約プラン" / "Plan" {
  value standard "スタンダード" / "Standard"
  value premium "プレミアム" / "Premium"
  default standard
  changes at incident.plan_changed
}

event incident.plan_changed "契約プランの変更" / "Plan changed"

calendar business "営業時間" / "Business hours" {
  days mon..fri
  hours 10:00-12:00, 13:00-18:00
  holidays JP
}

service api "API サービス" / "API service" {
  hours business except maintenance, planned stops
  availability target 99.5% monthly
  credit below 99.5% 10%, below 95.0% 25%
}

planned stop "計画停止" / "Planned stops" {
  notice 7 days before start date by email
  emergency without notice, counts as downtime
}

maintenance regular "定期メンテナンス" / "Regular maintenance" {
  every month on 2nd sun, 02:00-04:00
  notice none
}

clock response "応答" / "Response" {
  starts at incident.reported
}

clock resolution "解決" / "Resolution" {
  starts at incident.product_suspected, else incident.reported
  stops at incident.resolved
}

priority P1 "緊急（プレミアム）" / "Urgent (Premium)" {
  when plan = premium
  respond within 1 business hour
}

priority P1 "緊急" / "Urgent" {
  respond within 4 business hours
  credit 5% per breach, at most 20% monthly
  resolve within 3 business days on resolution
}
"""
CREDIT = "  credit below 99.5% 10%, below 95.0% 25%\n"


def _policy(old: str, new: str) -> str:
    assert POLICY.count(old) == 1, old
    return POLICY.replace(old, new)


def _only(text: str) -> Diagnostic:
    """The one error about ``text`` (an attribute block dropped for its error leaves its event unread: W247)."""
    (d,) = compile_text(text, "p.sla").errors
    return d


def _line(text: str, needle: str) -> int:
    return next(n for n, ln in enumerate(text.split("\n"), 1) if needle in ln)


def test_the_policy_is_clean() -> None:
    assert compile_text(POLICY, "p.sla").diagnostics == []


def test_a_cap_on_an_availability_credit_says_the_tiers_are_the_most_a_period_owes() -> None:
    line = "  credit below 99.5% 10%, below 95.0% 25%, at most 30% monthly"
    text = _policy(CREDIT, line + "\n")
    d = _only(text)
    at = line.index("at most") + 1
    assert (d.code, d.span.line, d.span.column, d.span.end_column) == ("E011", _line(text, line), at, at + 19)
    assert d.text("en") == "an availability credit takes no cap: its tiers are already the most a period can owe"
    assert d.help_text("en") == (
        "write the line without the cap: `credit below 99.5% 10%, below 95.0% 25%` "
        "(`at most` caps a priority's credit per breach: `credit 5% per breach, at most 20% monthly`)"
    )
    assert (
        d.text("ja")
        == "可用性のクレジットには上限を付けられません：段階のクレジットが、すでに一つの期間に発生する最大です"
    )
    assert d.help_text("ja") == (
        "上限のない行を書いてください：`credit below 99.5% 10%, below 95.0% 25%`"
        "（`at most` は優先度の未達1件あたりのクレジットの上限です：`credit 5% per breach, at most 20% monthly`）"
    )


@pytest.mark.parametrize(
    "line",
    [
        "  credit below 99.5% 10%, at most 30% monthly, below 95.0% 25%",
        "  credit below 99.5% 10%, below 95.0% 25% at most 30%",
        "  credit below 99.5% 10%, below 95.0% 25%, at most 30% per period  # the contract's cap",
    ],
)
def test_a_cap_anywhere_on_the_line_gets_the_line_without_it(line: str) -> None:
    d = _only(_policy(CREDIT, line + "\n"))
    assert (d.code, d.span.column) == ("E011", line.index("at most") + 1)
    assert "`credit below 99.5% 10%, below 95.0% 25%`" in (d.help_text("en") or "")
    assert "`credit below 99.5% 10%, below 95.0% 25%`" in (d.help_text("ja") or "")


def test_a_credit_line_of_a_cap_alone_is_told_what_the_line_holds() -> None:
    text = _policy(CREDIT, "  credit at most 50% monthly\n")
    d = _only(text)
    assert (d.code, d.span.line, d.span.column) == ("E011", _line(text, "credit at most"), 10)
    assert d.help_text("en") == (
        "remove the cap: a service's `credit` line gives only its tiers, as `credit below 99.5% 10%, below 99.0% "
        "25%` (`at most` caps a priority's credit per breach: `credit 5% per breach, at most 20% monthly`)"
    )
    assert "`credit below 99.5% 10%, below 99.0% 25%`" in (d.help_text("ja") or "")


TRAILING = [
    # (the line as written, the line to write)
    (CREDIT, "credit below 99.5% 10%, below 95.0% 25%"),
    ("  days mon..fri\n", "days mon, tue"),
    ("  hours 10:00-12:00, 13:00-18:00\n", "hours 10:00-12:00, 13:00-18:00"),
    (
        "  starts at incident.product_suspected, else incident.reported\n",
        "starts at incident.product_suspected, else incident.reported",
    ),
    ("  notice 7 days before start date by email\n", "notice 7 days before start date by email"),
    ("  languages ja, en\n", "languages ja, en"),
    ("  changes at incident.plan_changed\n", "changes at incident.plan_changed"),
    ("  hours business except maintenance, planned stops\n", "hours business except maintenance, planned stops"),
    ("  credit 5% per breach, at most 20% monthly\n", "credit 5% per breach"),
]


@pytest.mark.parametrize(
    ("old", "fix"), TRAILING, ids=[fix.split(" ")[0] + str(i) for i, (_, fix) in enumerate(TRAILING)]
)
def test_a_line_that_ends_with_a_comma_is_said_at_the_comma(old: str, fix: str) -> None:
    written = f"  {fix},  # more to come\n"
    text = _policy(old, written)
    d = _only(text)
    comma = written.index(",  #") + 1
    assert (d.code, d.span.line, d.span.column, d.span.end_column) == (
        "E011",
        _line(text, written.rstrip()),
        comma,
        comma + 1,
    )
    words = fix.split(" ")
    statement = " ".join(words[:2]) if words[1] == "at" else words[0]
    assert d.text("en") == f"the `{statement}` line ends with a comma, and no item follows it"
    assert d.help_text("en") == f"remove the comma at the end of the line: `{fix}`"
    assert d.text("ja") == f"`{statement}` の行がカンマで終わっていて、その後に続く項目がありません"
    assert d.help_text("ja") == f"行末のカンマを削除してください：`{fix}`"


def test_a_statement_wrapped_after_its_comma_is_shown_whole() -> None:
    text = _policy(CREDIT, "  credit below 99.5% 10%,\n         below 95.0% 25%,\n\n  # tiers end here\n")
    d = _only(text)
    assert (d.code, d.span.line) == ("E011", _line(text, "below 95.0% 25%,"))
    assert d.help_text("en") == "remove the comma at the end of the line: `credit below 99.5% 10%, below 95.0% 25%`"


def test_a_comma_before_what_goes_on_on_the_next_line_is_shown_with_it() -> None:
    text = _policy("  hours 10:00-12:00, 13:00-18:00\n", "  hours 2026-12-28,\n    10:00-12:00\n")
    d = _only(text)
    assert (d.code, d.span.line) == ("E011", _line(text, "hours 2026-12-28,"))
    assert d.help_text("en") == "remove the comma at the end of the line: `hours 2026-12-28 10:00-12:00`"


def test_a_comma_the_statement_needs_is_not_blamed() -> None:
    """``emergency without notice,`` needs what follows its comma: the parser's own message stands."""
    text = _policy("  emergency without notice, counts as downtime\n", "  emergency without notice,\n")
    d = _only(text)
    assert (d.code, d.span.line, d.text("en")) == (
        "E011",
        _line(text, "emergency") + 1,
        "unexpected `}`, expected `counts` or `excused`",
    )


def test_a_list_wrapped_after_its_comma_with_a_mistake_further_on_is_said_there() -> None:
    text = _policy("  hours 10:00-12:00, 13:00-18:00\n", "  hours 10:00-12:00,\n    13:00-18:00 lunch\n")
    d = _only(text)
    assert (d.code, d.span.line, d.span.column) == ("E011", _line(text, "lunch"), 17)
