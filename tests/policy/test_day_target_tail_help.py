"""The help of a parse error where a day-based target (``resolve by end of 2nd business day on resolution``)
is given an out-of-hours tail (``, plus 2 business hours if received outside business hours``): such a
target takes none, and the line to write is the target without it (the help pointed at ``resolve within``)."""

from __future__ import annotations

import pytest

from sla_dsl.policy import compile_text

HEAD = """sla "N" {
 format 1
 version "1.0"
 effective 2026-01-01
 timezone Asia/Tokyo
 title "T" / "T"
}
calendar business "営業" / "Business" { days mon..fri  hours 09:00-17:00 }
clock resolution "解決" / "Resolution" { starts at incident.reported  stops at incident.resolved }
priority P1 "a" / "a" {
LINE
  complete on incident.resolved
}
"""
TAIL = ", plus 2 business hours if received outside business hours"


@pytest.mark.parametrize(
    "target",
    [
        "resolve by end of 2nd business day on resolution",
        "respond by 16:00 of 1st business day",
        "respond by end of 1st business day",
        "first reply by 12:00 of 1st business day on resolution",
    ],
)
def test_a_day_based_target_with_a_tail_is_told_it_takes_none(target: str) -> None:
    text = HEAD.replace("LINE", "  " + target + TAIL)
    (err,) = compile_text(text).errors
    assert (err.code, err.span.line, err.span.column) == ("E011", 11, 3 + len(target))
    en, ja = err.help_text("en"), err.help_text("ja")
    assert "takes no out-of-hours tail" in en and f"write `{target}`" in en
    assert "時間外の加算" in ja and f"`{target}` と書きます" in ja
    assert "within" not in en.replace("outside", "")


def test_the_line_shape_of_resolve_by_shows_the_day_based_form() -> None:
    text = HEAD.replace("LINE", "  resolve by end of 2nd business day on")
    (err,) = compile_text(text).errors
    assert err.help_text("en") == (
        "`resolve by` lines are written like `resolve by end of 2nd business day on resolution`"
    )
