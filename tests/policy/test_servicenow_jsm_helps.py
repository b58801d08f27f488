"""What the checker says to an author porting ServiceNow's SLA definitions (``retroactive start``, the
percentage timers ``breach at 100%`` and ``warn at 50%, 75%``) and the pause conditions of Jira Service
Management and ServiceNow written on a status: each error at the word written, with what to write instead
(or that no line is needed), in Japanese and English."""

from __future__ import annotations

import pytest

from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.policy import compile_text

HEAD = """sla "N" {
 format 1
 version "1.0"
 effective 2026-01-01
 timezone Asia/Tokyo
 languages ja, en
}
clock response "応答" / "Response" { starts at incident.reported }
clock resolution "解決" / "Resolution" {
  starts at incident.reported
CLOCK
  stops at incident.resolved
}
priority P1 "最高" / "Highest" {
  respond within 1 hour
PRIORITY
  resolve within 4 hours on resolution
}
"""


def _only(clock: str = "", priority: str = "") -> tuple[str, Diagnostic]:
    text = HEAD.replace("CLOCK", "  " + clock if clock else "").replace("PRIORITY", "  " + priority if priority else "")
    (d,) = compile_text(text).diagnostics
    return text, d


def _at(text: str, line: str, word: str) -> tuple[int, int, int]:
    """The line number, column and end column of ``word`` in the first line that is ``line``."""
    n = next(i for i, ln in enumerate(text.split("\n"), 1) if ln.strip() == line)
    col = text.split("\n")[n - 1].index(word) + 1
    return n, col, col + len(word)


@pytest.mark.parametrize("line", ["retroactive start", "retroactive pause"])
@pytest.mark.parametrize("where", ["clock", "priority"])
def test_retroactive_start_says_no_line_is_needed_and_how_to_count_from_the_change(line: str, where: str) -> None:
    text, d = _only(**{where: line})
    assert d.code == "E011"
    assert (d.span.line, d.span.column, d.span.end_column) == _at(text, line, "retroactive")
    fix = "`starts at incident.reprioritized, else incident.reported` and `resets at incident.reprioritized`"
    assert d.help_text("en") == (
        "after a change of priority the targets still count from the clock's start (its pauses before the "
        f"change are left out): no line is needed; to count from the change instead, write {fix} in the clock"
    )
    ja = d.help_text("ja") or ""
    assert "この行は要りません" in ja
    assert "`starts at incident.reprioritized, else incident.reported`" in ja
    assert "`resets at incident.reprioritized`" in ja


def test_breach_at_100_percent_says_no_line_is_needed_and_shows_the_warnings() -> None:
    text, d = _only(clock="breach at 100%")
    assert (d.code, d.span.line, d.span.column, d.span.end_column) == ("E011", *_at(text, "breach at 100%", "breach"))
    assert d.help_text("en") == (
        "a target is breached when its time is used up (100%): no line is needed; warnings before that are "
        "written `at risk at 50%, 75% of target` in the clock"
    )
    assert d.help_text("ja") == (
        "目標は、その時間を使い切った時点（100%）で未達になります：この行は要りません。"
        "その前の警告は、クロックに `at risk at 50%, 75% of target` と書きます"
    )


@pytest.mark.parametrize("where", ["clock", "priority"])
def test_warnings_at_percentages_give_the_at_risk_line_with_those_percentages(where: str) -> None:
    text, d = _only(**{where: "warn at 60%, 80%, 100%"})
    assert (d.code, d.span.line, d.span.column) == ("E011", *_at(text, "warn at 60%, 80%, 100%", "warn")[:2])
    assert "`at risk at 60%, 80% of target`" in (d.help_text("en") or "")
    assert d.help_text("ja") == (
        "目標の時間の一部が過ぎた時点の警告は、クロックに `at risk at 60%, 80% of target` と書きます"
        "（小さい順に、100% 未満で）"
    )


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ('pause when status = "Waiting for customer"', "pause"),
        ('pauses when status = "Waiting for customer"', "when"),
        ('pauses on status "Pending"', "on"),
        ('pauses at status "Waiting for customer" until incident.customer_replied', "status"),
    ],
)
def test_a_pause_condition_on_a_status_says_a_clock_pauses_at_events(line: str, word: str) -> None:
    text, d = _only(clock=line)
    assert (d.code, d.span.line, d.span.column, d.span.end_column) == ("E011", *_at(text, line, word))
    fix = "`pauses at incident.info_provided until incident.customer_replied`"
    assert d.help_text("en") == (
        f"a clock pauses at events, not on a status: at the event that sets the status, until the event that "
        f"ends it: {fix}; for a status of your own, declare its events with `event` (e.g. "
        '`event incident.pending "保留中" / "Pending"`)'
    )
    ja = d.help_text("ja") or ""
    assert ja.startswith("クロックはステータスではなくイベントで一時停止します") and fix in ja


def test_a_pause_at_an_event_keeps_its_own_help() -> None:
    """``pause at EVENT`` is a misspelt ``pauses``, and ``pauses at EVENT`` without ``until`` shows the form."""
    _, d = _only(clock="pause at incident.info_provided until incident.customer_replied")
    assert d.help_text("en") == "did you mean `pauses`?"
    _, d = _only(clock="pauses at incident.info_provided")
    assert (d.help_text("en") or "").startswith("`pauses at` lines are written like")


WEEKDAYS = 'calendar weekdays "平日" / "Weekdays" { hours mon..fri 08:00-12:00, 13:00-17:00 }\n'


@pytest.mark.parametrize(
    ("amount", "fix", "schedule", "business"),
    [
        ("1 Day", "1 day", "24 weekdays hours", "1 weekdays day"),
        ("3 Days", "3 days", "72 weekdays hours", "3 weekdays days"),
    ],
)
def test_a_day_as_servicenow_writes_it_gives_elapsed_days_and_days_of_24_schedule_hours(
    amount: str, fix: str, schedule: str, business: str
) -> None:
    """ServiceNow's duration field shows ``1 Day``; on a schedule that is 24 of the schedule's hours, which
    ``1 weekdays day`` (a business day: its open hours) silently is not."""
    text = (
        HEAD.replace("CLOCK", "")
        .replace("PRIORITY", "")
        .replace("  resolve within 4 hours", f"  resolve within {amount}")
    )
    text = text.replace("clock response", WEEKDAYS + "clock response", 1)
    (d,) = compile_text(text).diagnostics
    line = f"resolve within {amount} on resolution"
    word = amount.split()[1]
    assert (d.code, d.span.line, d.span.column, d.span.end_column) == ("E015", *_at(text, line, word))
    assert d.help_text("en") == (
        f"write `{fix}` (a day of 24 elapsed hours); days of 24 hours counted on a schedule are `{schedule}` "
        f"(`{business}` counts business days of that calendar, a day being its open hours)"
    )
    assert d.help_text("ja") == (
        f"`{fix}` と書いてください（1日は経過時間の24時間です）。スケジュールの時間を24時間ずつ数える"
        f"1日なら `{schedule}` と書きます（`{business}` はカレンダーの営業日で、1日はその営業時間です）"
    )


def test_another_unknown_unit_keeps_its_help() -> None:
    text = (
        HEAD.replace("CLOCK", "").replace("PRIORITY", "").replace("  resolve within 4 hours", "  resolve within 4 Hrs")
    )
    (d,) = compile_text(text).diagnostics
    assert (d.code, d.help_text("en")) == ("E015", "write `4 hours`")
