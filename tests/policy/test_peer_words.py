"""What a migrator from another tool writes gets a located help that leads to the right line in one step.

A QA pass moving Zendesk, Jira Service Management, ServiceNow and RT setups found these guesses: each
got the parser's bare "unexpected ..." (or, for `first_reply_time`, a caret mid-word and "did you mean
`reply`?"). Each now points at the whole word, and its help gives the line to write (and the clock to
declare): written in, the policy is read without an error.
"""

from __future__ import annotations

import re

import pytest

from sla_dsl.lang.compile import compile_text

HEAD = """sla "X" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages ja, en
}

calendar business {
  days mon..fri
  hours 09:00-17:00
}
calendar tokyo {
  days mon..fri
  hours 09:00-18:00
}
clock response { starts at incident.reported }
clock resolution { starts at incident.reported  stops at incident.resolved }
clock ttr { starts at incident.reported  stops at incident.resolved }
"""


def _priority(*lines: str) -> str:
    return "priority P1 {\n  respond within 4 business hours\n" + "".join(f"  {ln}\n" for ln in lines) + "}\n"


def _only(text: str) -> tuple[int, int, int, str, str, str]:
    found = [d for d in compile_text(text, "p.sla").diagnostics if d.is_error]
    assert len(found) == 1, [(d.code, d.message) for d in found]
    d = found[0]
    return d.span.line, d.span.column, d.span.end_column, d.code, d.help_text("en") or "", d.help_text("ja") or ""


def _fixes(help_text: str) -> list[str]:
    return re.findall(r"`([^`]+)`", help_text)


CASES = [
    # (name, the wrong line in a priority, the word marked, the line the help gives)
    ("zendesk first_reply_time", "first_reply_time 1 business hour", "first_reply_time",
     "first reply within 1 business hour on reply"),
    ("servicenow schedule", "schedule business", "schedule", "respond within 8 business hours"),
    ("jira per-team calendar", "calendar tokyo", "calendar", "respond within 8 tokyo hours"),
    ("zendesk next reply", "next reply within 4 hours", "next", "first reply within 4 hours on next_reply"),
    ("servicenow next business day", "respond by 16:00 next business day", "next business day",
     "respond by 16:00 of 1st business day"),
    ("servicenow of next business day", "respond by 16:00 of next business day", "next business day",
     "respond by 16:00 of 1st business day"),
    ("jira goal", "goal 4 hours on ttr", "goal", "resolve within 4 hours on ttr"),
]  # fmt: skip


@pytest.mark.parametrize(("wrong", "word", "fix"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_peer_line_gets_the_line_to_write(wrong: str, word: str, fix: str) -> None:
    text = HEAD + _priority(wrong)
    line, column, end, code, en, ja = _only(text)
    row = text.splitlines()[line - 1]
    assert (line, code) == (text.splitlines().index(f"  {wrong}") + 1, "E011")
    assert row[column - 1 : end - 1] == word  # the whole word, not a part of it
    assert fix in _fixes(en) and fix in _fixes(ja)
    # one step: the line given (a clock it names, declared as the help says) reads without an error
    clocks = [c for c in _fixes(en) if c.startswith("clock ") and "{" in c]
    fixed = HEAD + "".join(c + "\n" for c in clocks) + _priority(fix if fix.split()[0] != "respond" else "")
    if fix.split()[0] == "respond":
        fixed = fixed.replace("  respond within 4 business hours\n", f"  {fix}\n")
    assert [d.code for d in compile_text(fixed, "f.sla").diagnostics if d.is_error] == []


def test_schedule_in_a_clock_says_the_targets_name_the_calendar() -> None:
    text = (
        HEAD + "clock handling {\n  starts at incident.reported\n  schedule business\n  stops at incident.resolved\n}\n"
    )
    line, column, end, code, en, ja = _only(text + _priority("resolve within 8 business hours on handling"))
    assert (code, text.splitlines()[line - 1][column - 1 : end - 1]) == ("E011", "schedule")
    assert "resolve within 8 business hours on handling" in _fixes(en)
    assert "resolve within 8 business hours on handling" in _fixes(ja)


def test_a_top_level_schedule_is_a_calendar() -> None:
    text = HEAD + "schedule support {\n  days mon..fri\n  hours 09:00-17:00\n}\n" + _priority()
    line, column, end, code, en, ja = _only(text)
    assert (code, line, column, end) == ("E016", text.splitlines().index("schedule support {") + 1, 1, 9)
    assert "calendar support { ... }" in _fixes(en) and "calendar support { ... }" in _fixes(ja)


def test_when_priority_says_the_priority_is_the_block() -> None:
    text = HEAD + _priority("when priority = highest", "resolve within 4 hours on resolution").replace(
        "priority P1 {\n", "priority P1 {\n  respond within 8 business hours\n"
    )
    found = [d for d in compile_text(text, "p.sla").diagnostics if d.code == "E251"]
    assert len(found) == 1
    en, ja = found[0].help_text("en") or "", found[0].help_text("ja") or ""
    assert "priority highest { ... }" in _fixes(en) and "priority highest { ... }" in _fixes(ja)
    assert "attribute priority { values highest, ... }" in _fixes(en)


def test_another_wrong_first_word_keeps_the_parsers_help() -> None:
    text = HEAD + _priority("deadline 4 hours")
    _, _, _, code, en, _ = _only(text)
    assert code == "E011" and "schedule" not in en and "goal" not in en
