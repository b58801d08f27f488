"""Completion offers the names of the kind that fits where the cursor is, and no declared name where none fits.

Before: where the words before did not tell the kind of name, every declared name was offered (calendars,
clocks, priorities alike): after ``respond by end of 1st`` (only a calendar fits), after a calendar's
``hours`` and ``days`` (weekdays, never offered), after ``holidays`` (holiday sets), after the header's
``timezone`` and ``languages`` (zones, language codes), and at a declaration's own new name; after
``hours mon..`` nothing was. Now each place offers its own words: the calendars, the weekdays, the holiday
sets (``JP``; after ``US-`` the subdivisions, ``US-NY``), the zones that start with what is typed (the whole
``Europe/Be`` replaced), the languages, a notice's channels; and no declared name where none goes.
"""

from __future__ import annotations

import pytest

pytest.importorskip("pygls")

from lsprotocol import types as t

from sla_dsl.authoring.lsp import Documents, completion_items
from sla_dsl.lang import model as m

POLICY = """sla "C" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages en, ja
}
calendar desk "Desk" {
  days mon..fri
  hours 09:00-18:00
  holidays JP
}
attribute plan {
  values basic, premium
}
planned stop {
  notice 7 days before start by email
}
maintenance patch {
  every week on thu, 02:00-04:00
  notice none
}
clock response { starts at incident.reported }
clock resolution { starts at incident.reported }
clock suspicion { starts at incident.reported }
priority P1 "Urgent" {
  respond by end of 1st desk day
}
priority P2 "High" {
  respond within 4 desk hours on response
  when plan in (basic, premium)
}
"""

DECLARED = {"desk", "response", "resolution", "suspicion", "P1", "P2", "plan", "patch", "basic", "premium"}
WEEKDAYS = [w.value for w in m.Weekday]


@pytest.fixture(scope="module")
def docs() -> Documents:
    d = Documents()
    d.open("u", POLICY)
    d.check("u", POLICY)  # (the names come from the last clean text)
    assert d.known("u") is not None
    return d


def complete(docs: Documents, line: str, typed: str, rest: str = "") -> list[t.CompletionItem]:
    """The items offered with the cursor after ``typed`` on the policy's line ``line`` written as ``typed``
    and ``rest``."""
    lines = POLICY.split("\n")
    row = lines.index(line)
    lines[row] = typed + rest
    text = "\n".join(lines)
    docs.change("u", [t.TextDocumentContentChangeWholeDocument(text=text)])
    try:
        return completion_items(docs, "u", t.Position(line=row, character=len(typed)))
    finally:
        docs.change("u", [t.TextDocumentContentChangeWholeDocument(text=POLICY)])


def words(items: list[t.CompletionItem]) -> list[str]:
    """The labels offered that are no keyword and no event: names and the language's own words."""
    return [i.label for i in items if i.kind not in (t.CompletionItemKind.Keyword, t.CompletionItemKind.Event)]


def test_only_calendars_go_before_a_business_day(docs: Documents) -> None:
    found = words(complete(docs, "  respond by end of 1st desk day", "  respond by end of 1st ", "desk day"))
    assert found == ["desk"]


def test_a_clock_still_goes_after_a_target_s_on(docs: Documents) -> None:
    line = "  respond within 4 desk hours on response"
    assert set(words(complete(docs, line, "  respond within 4 desk hours on ", "response"))) == {
        "response",
        "resolution",
        "suspicion",
    }


@pytest.mark.parametrize(
    ("line", "typed", "rest"),
    [
        ("  hours 09:00-18:00", "  hours ", ""),
        ("  hours 09:00-18:00", "  hours f", ""),
        ("  hours 09:00-18:00", "  hours mon..", "fri 09:00-18:00"),
        ("  hours 09:00-18:00", "  hours mon, ", ""),
        ("  days mon..fri", "  days ", ""),
        ("  days mon..fri", "  days mon..", ""),
        ("  every week on thu, 02:00-04:00", "  every week on ", "thu, 02:00-04:00"),
    ],
)
def test_weekdays_go_where_a_calendar_and_a_window_take_days(docs: Documents, line: str, typed: str, rest: str) -> None:
    items = complete(docs, line, typed, rest)
    assert words(items) == WEEKDAYS
    assert not DECLARED & {i.label for i in items}


def test_a_range_s_dots_end_the_word_replaced(docs: Documents) -> None:
    [fri] = [i for i in complete(docs, "  days mon..fri", "  days mon..", "fri") if i.label == "fri"]
    assert isinstance(fri.text_edit, t.TextEdit)
    start = len("  days mon..")
    assert (fri.text_edit.range.start.character, fri.text_edit.range.end.character) == (start, start + 3)


def test_holiday_sets_go_after_holidays(docs: Documents) -> None:
    found = words(complete(docs, "  holidays JP", "  holidays "))
    assert {"JP", "US", "DE", "GB"} <= set(found) and not DECLARED & set(found)
    assert all(len(code) == 2 and code.isupper() for code in found), found
    items = complete(docs, "  holidays JP", "  holidays JP, US-N")
    found = words(items)
    assert "US-NY" in found and all(code.startswith("US-N") for code in found), found
    edit = items[0].text_edit
    assert isinstance(edit, t.TextEdit) and edit.range.start.character == len("  holidays JP, ")


def test_zones_go_after_timezone_those_typed_only(docs: Documents) -> None:
    found = words(complete(docs, "  timezone Asia/Tokyo", "  timezone "))
    assert {"Asia/Tokyo", "Europe/Berlin", "America/New_York"} <= set(found) and not DECLARED & set(found)
    items = complete(docs, "  timezone Asia/Tokyo", "  timezone Europe/Be", "rlin")
    found = words(items)
    assert "Europe/Berlin" in found and all(z.startswith("Europe/Be") for z in found), found
    edit = items[0].text_edit  # the whole zone is replaced, not the word after its `/`
    assert isinstance(edit, t.TextEdit)
    assert (edit.range.start.character, edit.range.end.character) == (
        len("  timezone "),
        len("  timezone Europe/Berlin"),
    )
    berlin = next(i for i in items if i.label == "Europe/Berlin")
    assert berlin.detail == "Berlin time"  # (in the policy's primary language)


def test_languages_go_after_languages(docs: Documents) -> None:
    assert words(complete(docs, "  languages en, ja", "  languages ")) == ["ja", "en"]
    assert words(complete(docs, "  languages en, ja", "  languages en, ")) == ["ja", "en"]


def test_channels_go_after_a_notice_s_by(docs: Documents) -> None:
    line = "  notice 7 days before start by email"
    assert words(complete(docs, line, "  notice 7 days before start by ")) == [
        "email",
        "web",
        "phone",
        "letter",
        "portal",
    ]


def test_values_go_in_a_list_of_values(docs: Documents) -> None:
    line = "  when plan in (basic, premium)"
    assert set(words(complete(docs, line, "  when plan in (basic, ", "premium)"))) == {"basic", "premium"}


@pytest.mark.parametrize(
    ("line", "typed"),
    [
        ('calendar desk "Desk" {', "calendar "),  # a new calendar's name
        ("clock suspicion { starts at incident.reported }", "clock "),
        ("  values basic, premium", "  values basic, "),  # a new value
    ],
)
def test_no_declared_name_goes_where_a_name_is_declared(docs: Documents, line: str, typed: str) -> None:
    assert not DECLARED & set(words(complete(docs, line, typed)))
