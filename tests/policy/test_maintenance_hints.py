"""What a maintenance block is told when it moves off non-business days without a calendar (E211) or
asks for notice ``by`` a channel (E220).

E211's hint named ``calendar business`` whatever calendars the policy declared (one of ``support`` and
``always`` was told to write a calendar it does not have); it now names one the policy declares and
lists them, as E207 does. ``notice 7 days before by email`` was a bare syntax error (E011, "`by` is
not allowed here") where ``notice 7 days before`` says why a window's notice is refused (E220: no
event announces a window); both now get that explanation.
"""

from __future__ import annotations

from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.policy.load import compile_text

HEADER = """sla "t" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
}
"""

CALENDARS = """calendar support "窓口" / "Desk" {
  days mon..fri
  hours 10:00-18:00
}
calendar always "常時" / "Always" {
  days mon..sun
  hours 00:00-24:00
}
"""

PRIORITY = """priority P1 {
  respond within 4 hours
}
"""


def _maintenance(*lines: str) -> str:
    body = "".join(f"  {line}\n" for line in ("every month on 4th thu, 22:00-24:00", *lines))
    return f"maintenance regular {{\n{body}}}\n"


def _only(text: str, code: str) -> Diagnostic:
    found = compile_text(text, "t.sla").diagnostics
    assert [d.code for d in found] == [code], [d.header() for d in found]
    return found[0]


def test_the_roll_hint_names_a_calendar_the_policy_declares() -> None:
    roll = _maintenance("if not a business day: next business day")
    d = _only(HEADER + CALENDARS + PRIORITY + roll, "E211")
    for lang in ("en", "ja"):
        hint = d.help_text(lang) or ""
        assert "`calendar support`" in hint and "`always`" in hint, hint
        assert "business`" not in hint, hint


def test_the_roll_hint_lists_calendars_declared_after_the_block() -> None:
    roll = _maintenance("if not a business day: next business day")
    d = _only(HEADER + PRIORITY + roll + CALENDARS, "E211")
    assert "`calendar support`" in (d.help_text("ja") or "")


def test_the_roll_hint_keeps_business_when_there_is_one() -> None:
    business = 'calendar business "営業" / "Business" {\n  days mon..fri\n  hours 09:00-18:00\n}\n'
    roll = _maintenance("if not a business day: next business day")
    d = _only(HEADER + CALENDARS + business + PRIORITY + roll, "E211")
    hint = d.help_text("en") or ""
    assert "`calendar business`" in hint and "`support`" in hint, hint


def test_notice_by_a_channel_is_told_why_as_notice_without_one() -> None:
    bare = _only(HEADER + CALENDARS + PRIORITY + _maintenance("calendar support", "notice 7 days before"), "E220")
    by = _only(
        HEADER + CALENDARS + PRIORITY + _maintenance("calendar support", "notice 7 days before by email"), "E220"
    )
    assert (by.text("ja"), by.help_text("ja")) == (bare.text("ja"), bare.help_text("ja"))
    assert (by.text("en"), by.help_text("en")) == (bare.text("en"), bare.help_text("en"))
    assert by.span.line == bare.span.line
    two = _maintenance("calendar support", "notice 7 days before by email, sms")
    assert _only(HEADER + CALENDARS + PRIORITY + two, "E220").text("en") == bare.text("en")
