"""W301's help on a day-based response target (``respond by end of 1st business day``) with a same-day
guideline: such a target is never due the day of receipt, so the help says so (it said the day's hours were
shorter than the target, to shorten the target)."""

from __future__ import annotations

import pytest

from sla_dsl.policy import compile_text

TEXT = """sla "N" {
 format 1
 version "1.0"
 effective 2026-01-01
 timezone Asia/Tokyo
 title "T" / "T"
}
calendar business "営業" / "Business" { days mon..fri  hours 09:00-17:00 }
priority P1 "a" / "a" {
  TARGET
  same day if received 4 hours before close of business
  complete on incident.resolved
}
"""


@pytest.mark.parametrize("target", ["respond by end of 1st business day", "respond by 16:00 of 2nd business day"])
def test_w301_says_a_day_based_target_is_never_due_the_same_day(target: str) -> None:
    compiled = compile_text(TEXT.replace("TARGET", target))
    (w,) = [d for d in compiled.diagnostics if d.code == "W301"]
    assert w.help_text("en") == (
        f"`{target}` is due on a business day after the day of receipt, never the same day: drop the guideline "
        "or write the target in business time (e.g. `respond within 4 business hours`)"
    )
    assert w.help_text("ja").startswith(f"`{target}` の期限は受付日より後の営業日で、受付の当日になることはありません")
    assert "shorter" not in w.help_text("en")


def test_a_target_in_business_time_keeps_its_help() -> None:
    compiled = compile_text(TEXT.replace("TARGET", "respond within 6 business hours"))
    (w,) = [d for d in compiled.diagnostics if d.code == "W301"]
    assert w.help_text("en") == (
        "shorten the target or make the guideline `same day if received 6 hours before close of business`"
    )
