"""What the checker says to an author porting Request Tracker's SLAs (``OutOfHours``, ``RealMinutes``,
``IgnoreOnStatuses``) written the way RT reads them: each error at the word written, with the line of this
language to write, in Japanese and English; and a warning for an out-of-hours addition that never applies."""

from __future__ import annotations

import pytest

from sla_dsl.lang.diagnostics import Diagnostic, Severity
from sla_dsl.policy import compile_text

HEAD = """sla "N" {
 format 1
 version "1.0"
 effective 2026-01-01
 timezone Asia/Tokyo
 title "T" / "T"
}
CALENDARS
clock response "応答" / "Response" { starts at incident.reported }
clock reply "回答" / "Reply" { starts at incident.reported  stops at incident.responded }
clock resolution "解決" / "Resolution" { starts at incident.reported  stops at incident.resolved }
priority P1 "a" / "a" {
LINE
  complete on incident.resolved
}
"""
BUSINESS = """calendar business "営業" / "Business" { days mon..fri  hours 09:00-17:00 }
calendar london "ロンドン" / "London" { days mon..fri  hours 09:00-17:00 }"""


def _policy(line: str, calendars: str = BUSINESS) -> str:
    return HEAD.replace("CALENDARS", calendars).replace("LINE", "  " + line)


def _line(text: str, start: str) -> int:
    """The number of the first line of ``text`` that begins (after its indent) with ``start``."""
    return next(n for n, ln in enumerate(text.split("\n"), 1) if ln.strip().startswith(start))


def _only(text: str) -> Diagnostic:
    """The one finding about ``text`` (a clock no target uses apart: each test uses one or two of them)."""
    (d,) = [d for d in compile_text(text).diagnostics if d.code != "W240"]
    return d


def test_outside_hours_without_a_calendar_is_said_at_hours_with_the_calendars_there_are() -> None:
    line = "respond within 2 hours on reply, plus 24 hours if received outside hours"
    text = _policy(line)
    d = _only(text)
    at = 3 + line.index("outside hours") + len("outside ")
    assert (d.code, d.span.line, d.span.column, d.span.end_column) == ("E011", _line(text, line), at, at + 5)
    fixed = "respond within 2 hours on reply, plus 24 hours if received outside business hours"
    assert d.text("en") == "no calendar is named between `outside` and `hours`"
    assert d.help_text("en") == (
        f"name the calendar whose open hours the receipt is tested against: write `{fixed}`; "
        "calendars here: `business`, `london`"
    )
    assert d.text("ja") == "`outside` と `hours` の間にカレンダーの名前がありません"
    assert f"`{fixed}`" in (d.help_text("ja") or "") and "`business`、`london`" in (d.help_text("ja") or "")


def test_outside_hours_in_a_policy_without_calendars_says_there_are_none() -> None:
    line = "resolve within 2 hours on resolution, plus 24 hours if received outside hour"
    text = _policy(line, calendars="")
    d = _only(text)
    assert (d.code, d.span.line) == ("E011", _line(text, line))
    assert "outside business hour`" in (d.help_text("en") or "")
    assert (d.help_text("en") or "").endswith("calendars here: none")


def test_an_error_inside_the_out_of_hours_addition_shows_its_form() -> None:
    line = "respond within 2 hours on reply, plus 24 hours if created outside business hours"
    text = _policy(line)
    d = _only(text)
    assert (d.code, d.span.line, d.span.column) == ("E011", _line(text, line), 3 + line.index("created"))
    form = "respond within 2 hours on reply, plus 24 hours if received outside business hours"
    assert d.help_text("en") == f"`respond within` lines are written like `{form}`"
    assert d.help_text("ja") == f"`respond within` の行は`{form}`のように書きます"


@pytest.mark.parametrize(
    ("amount", "fix"),
    [
        ("60*2 minutes", "120 minutes"),
        ("60 * 2 business minutes", "120 business minutes"),
        ("2*60*60 seconds", "7200 seconds"),
        ("60+30 minutes", "90 minutes"),
    ],
)
def test_arithmetic_in_an_amount_is_said_with_the_computed_value(amount: str, fix: str) -> None:
    text = _policy(f"respond within {amount}")
    d = _only(text)
    expression = amount.rsplit(" ", 1)[0].removesuffix(" business")
    span = (d.span.line, d.span.column, d.span.end_column)
    assert d.code == "E010" and span == (_line(text, "respond"), 18, 18 + len(expression))
    assert d.text("en") == f"there is no arithmetic in a duration's amount: `{expression}`"
    assert d.help_text("en") == f"write `{fix}`"
    assert d.text("ja") == f"時間の長さに計算式は書けません：`{expression}`"
    assert d.help_text("ja") == f"`{fix}` と書いてください"


def test_arithmetic_that_is_no_sum_of_products_gets_no_value() -> None:
    d = _only(_policy("respond within 120/2 minutes"))
    assert (d.code, d.span.column, d.text("en")) == (
        "E010",
        18,
        "there is no arithmetic in a duration's amount: `120/2`",
    )
    assert d.help_text("en") == "write the computed value as one number, followed by the unit"
    assert "business" not in (d.help_text("en") or "")


@pytest.mark.parametrize(("written", "fix"), [("120 real minutes", "120 minutes"), ("5 calendar days", "5 days")])
def test_elapsed_time_written_with_another_tools_word_is_said_to_name_no_calendar(written: str, fix: str) -> None:
    text = _policy(f"respond within {written}")
    d = _only(text)
    assert (d.code, d.span.line, d.span.column) == ("E207", _line(text, "respond"), 18)
    assert d.help_text("en") == f"elapsed time is written with no calendar: `{fix}`"
    assert d.help_text("ja") == f"経過時間はカレンダーの名前を付けずに書きます：`{fix}`"


def test_ignore_on_a_status_points_to_a_pause_of_the_clock() -> None:
    text = _policy("respond within 2 hours\n  ignore on incident.stalled")
    d = _only(text)
    assert (d.code, d.span.line, d.span.column, d.span.end_column) == ("E011", _line(text, "ignore"), 3, 9)
    fix = "pauses at incident.stalled until incident.customer_replied"
    assert f"`{fix}`" in (d.help_text("en") or "") and "did you mean" not in (d.help_text("en") or "")
    assert f"`{fix}`" in (d.help_text("ja") or "")


ALWAYS = 'calendar always "常時" / "Always" { hours HOURS }\n'


@pytest.mark.parametrize("hours", ["mon..sun 00:00-24:00", "mon..sun 00:00-12:00, 12:00-24:00"])
def test_an_addition_on_a_calendar_never_closed_is_warned_at_its_name(hours: str) -> None:
    line = "resolve within 2 hours on resolution, plus 24 hours if received outside always hours"
    text = _policy(f"respond within 1 hour\n  {line}", calendars=BUSINESS + "\n" + ALWAYS.replace("HOURS", hours))
    d = _only(text)
    at = 3 + line.index("always")
    assert (d.code, d.severity, d.span.line, d.span.column) == ("W264", Severity.WARNING, _line(text, line), at)
    assert d.span.end_column == at + len("always")
    assert (
        d.text("en") == "the out-of-hours addition never applies: calendar `always` is open at every hour of every day"
    )
    assert d.help_text("en") == "name a calendar with closed hours (`business`, `london`), or remove the addition"
    assert "`always`" in d.text("ja") and "`business`、`london`" in (d.help_text("ja") or "")


@pytest.mark.parametrize(
    "always",
    [
        'calendar always "常時" / "Always" { hours mon..sun 00:00-24:00  holidays JP }',
        'calendar always "常時" / "Always" { hours mon..sat 00:00-24:00 }',
        'calendar always "常時" / "Always" { hours mon..sun 00:00-23:00 }',
        'calendar always "常時" / "Always" { hours mon..sun 00:00-24:00  closed yearly 12-31..01-01 }',
    ],
)
def test_an_addition_on_a_calendar_that_closes_at_some_time_is_not_warned(always: str) -> None:
    line = "resolve within 2 hours on resolution, plus 24 hours if received outside always hours"
    found = compile_text(_policy(f"respond within 1 hour\n  {line}", calendars=always)).diagnostics
    assert [d.code for d in found if d.code != "W240"] == []


@pytest.mark.parametrize(
    "line",
    [
        "update every 4 business hours on resolution, plus 24 hours if received outside business hours",
        "update every 4 business hours on resolution by incident.responded, plus 24 hours if received outside "
        "business hours",
    ],
)
def test_an_update_with_an_addition_is_told_it_takes_none_at_plus(line: str) -> None:
    text = _policy(line)
    d = _only(text)
    at = 3 + line.index("plus")
    assert (d.code, d.span.line, d.span.column, d.span.end_column) == ("E011", _line(text, "update"), at, at + 4)
    form = "update every 4 business hours on resolution by incident.responded"
    assert d.text("en") == "an `update every` target takes no out-of-hours addition"
    assert d.help_text("en") == (
        "updates are due at each interval of the clock's running time, whenever the incident was received: "
        f"write `{form}`"
    )
    assert d.text("ja") == "`update every` の目標には営業時間外の受付の加算を付けられません"
    assert f"`{form}` と書いてください" in (d.help_text("ja") or "")


def test_an_update_without_its_clock_is_shown_the_line_without_the_addition() -> None:
    line = "update every 4 business hours by incident.responded, plus 24 hours if received outside business hours"
    d = _only(_policy(line))
    assert d.code == "E011"
    assert "write `update every 4 business hours on resolution by incident.responded`," in (d.help_text("en") or "")
