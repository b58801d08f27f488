"""A calendar's name copied from the examples (``4 business hours``, ``respond by end of 1st business day``,
``close of business``) into a policy whose calendar is called otherwise (``desk``) is E207 with the words to
write: the help said only ``define `calendar business { ... }```, as if ``business`` were a calendar the
author forgot, where the author took it for a keyword of the language. It now says that the word names the
calendar whose hours count and gives the words with the file's first calendar with hours that is not open
around the clock (``2 desk hours``, ``1st desk day``, ``close of desk``; not the ``24x7`` calendar declared
before it), the declaration still offered. A name near a declared one keeps its ``did you mean``, and a
file with no calendar with hours the declaration alone."""

from __future__ import annotations

import pytest

from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.policy import compile_text

HEADER = """sla "Desk" {
  format 1
  version "1"
  effective 2027-01-01
  timezone Europe/Berlin
  title "窓口" / "Desk"
  languages ja, en
}
calendar always "24時間" / "24x7" {
  days mon..sun
  hours 00:00-24:00
}
"""
DESK = """calendar desk "窓口" / "Desk" {
  hours mon..fri 09:00-18:00
  hours sat 10:00-14:00
}
"""


def _e207(priority_body: str, calendars: str = DESK) -> Diagnostic:
    text = HEADER + calendars + 'priority P1 "緊急" / "Urgent" {\n' + priority_body + "}\n"
    found = [d for d in compile_text(text, "p.sla").diagnostics if d.code == "E207"]
    assert len(found) == 1, [d.header() for d in compile_text(text, "p.sla").diagnostics]
    return found[0]


@pytest.mark.parametrize(
    ("body", "fix"),
    [
        ("  respond within 2 business hours\n", "2 desk hours"),
        ("  respond by end of 1st business day\n", "1st desk day"),
        (
            "  respond within 2 desk hours\n  same day if received 2 hours before close of business\n",
            "close of desk",
        ),
        ("  respond within 1 working day\n", "1 desk day"),
    ],
)
def test_the_help_gives_the_words_with_a_calendar_of_the_file(body: str, fix: str) -> None:
    d = _e207(body)
    name = "working" if "working" in body else "business"
    assert d.help == (
        f"`{name}` names the calendar whose hours count: write `{fix}` with a calendar defined here, "
        f"or define `calendar {name} {{ ... }}`; calendars here: `always`, `desk`"
    )
    assert d.help_text("ja") == (
        f"`{name}` は営業時間を数えるカレンダーの名前です。定義済みのカレンダーで `{fix}` のように書くか、"
        f"`calendar {name} {{ ... }}` を定義してください（定義済みのカレンダー：`always`、`desk`）"
    )


def test_a_name_near_a_declared_one_is_still_its_typo() -> None:
    assert _e207("  respond within 2 dsk hours\n").help == "did you mean `desk`?"


def test_without_a_calendar_with_hours_the_declaration_alone() -> None:
    text = HEADER.replace("  days mon..sun\n  hours 00:00-24:00\n", "  days mon..sun\n")
    found = [
        d
        for d in compile_text(
            text + 'priority P1 "緊急" / "Urgent" {\n  respond within 2 business hours\n}\n'
        ).diagnostics
        if d.code == "E207"
    ]
    assert [d.help for d in found] == ["define `calendar business { ... }`; calendars here: `always`"]
