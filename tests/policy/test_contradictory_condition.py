"""W250's help says what to do about the rule it finds: a rule that an earlier rule takes is moved or
removed; a rule whose own condition no combination of attribute values meets (``when plan = premium and
plan = standard``) is not helped by moving it: its condition is to be corrected, or the rule removed."""

from __future__ import annotations

from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.policy import compile_text

HEAD = """sla "M" {{
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages {lang}
}}
attribute plan "契約" / "Plan" {{
  value standard "標準" / "Standard"
  value premium "上位" / "Premium"
  default standard
}}
clock response {{ starts at incident.reported }}
"""

NONE = """priority P1 {
  when plan = premium and plan = standard
  respond within 1 hour
}
priority P1 {
  respond within 4 hours
}
"""

TAKEN = """priority P1 {
  respond within 4 hours
}
priority P1 {
  when plan = premium
  respond within 1 hour
}
"""


def _w250(body: str, lang: str = "en") -> Diagnostic:
    (d,) = [d for d in compile_text(HEAD.format(lang=lang) + body).diagnostics if d.code == "W250"]
    return d


def test_a_condition_no_values_meet_is_to_be_corrected_not_moved() -> None:
    d = _w250(NONE)
    assert "no combination of attribute values meets its condition" in d.message
    assert d.help is not None
    assert "move the more specific" not in d.help and "above" not in d.help
    assert "correct the condition" in d.help and "`when plan in (premium, gold)`" in d.help
    ja = d.help_text("ja")
    assert ja is not None and "条件を直す" in ja and "上に移す" not in ja


def test_a_rule_taken_by_an_earlier_one_is_still_to_be_moved() -> None:
    d = _w250(TAKEN)
    assert "taken first by the rule on line" in d.message
    assert d.help is not None and "move the more specific rule above the general one" in d.help


def test_the_help_is_in_the_policy_language() -> None:
    d = _w250(NONE, "ja")
    assert d.help_text("ja") != d.help_text("en")
    assert d.text("ja").startswith("優先度")
