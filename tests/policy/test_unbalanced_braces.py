"""One missing `}` or one extra `{` is one error, not one for every declaration after it.

Error recovery cuts a broken file into its declarations by the braces; it counted them over the
whole file and never started again, so that the bundled policy with one `}` left out gave ten E013
(every later block "not closed") and an extra `{` in its header 31 errors. The count now starts
again at the next declaration keyword in column 1; a statement wrapped onto a line of its own
(`rules ...` lists, `calendar business` in a maintenance block) still belongs to its block.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from policy_edits import CLICKSOKO
from policy_edits import edited as edited_text

from sla_dsl.authoring.lsp import Documents
from sla_dsl.cli import main
from sla_dsl.policy import compile_text


def edited(*edits: tuple[str, str]) -> str:
    """The bundled policy with each ``(old, new)`` made once (``old`` must be there exactly once)."""
    return edited_text(CLICKSOKO, *edits)


def found(text: str) -> list[tuple[str, int, int]]:
    """(code, line, column) of every diagnostic."""
    return [(d.code, d.span.line, d.span.column) for d in compile_text(text, "t.sla").diagnostics]


def line_of(text: str, needle: str) -> int:
    return next(i for i, ln in enumerate(text.split("\n"), 1) if needle in ln)


#: `backup files` without its `}` (the line left empty, so that the lines keep their numbers)
NO_CLOSE = ("  keep 7 days\n}\n\nbackup machine_image", "  keep 7 days\n\n\nbackup machine_image")
#: the header's block opened twice
HEADER_TWICE = ('sla "Click So-ko" {', 'sla "Click So-ko" {{')
#: a calendar's block opened twice
CALENDAR_TWICE = ("[art 2.1.2] {\n  days mon..fri", "[art 2.1.2] {{\n  days mon..fri")
#: a `{` inside a calendar's block
BRACE_IN_BLOCK = ("  days mon..fri\n  hours 10:00-12:00", "  days mon..fri {\n  hours 10:00-12:00")
#: a real error in a declaration after the broken one
LATER_ERROR = ("respond within 4 business hours", "respond within 4 business hurs")


def test_one_missing_brace_is_one_e013_on_its_block() -> None:
    text = edited(NO_CLOSE)
    diags = compile_text(text, "t.sla").diagnostics
    opened = line_of(text, "backup files")
    assert [(d.code, d.span.line, d.span.column) for d in diags] == [("E013", opened, 1)]
    assert diags[0].help is not None
    assert f"line {line_of(text, 'backup machine_image')}" in diags[0].help


def test_declarations_after_a_missing_brace_are_checked() -> None:
    text = edited(NO_CLOSE, ("  every 1 day\n  keep 7 days\n}\n\nitem 1", "  every 1 day\n  keep 7 dayz\n}\n\nitem 1"))
    assert found(text) == [("E013", line_of(text, "backup files"), 1), ("E015", line_of(text, "dayz"), 10)]


def test_a_missing_brace_before_a_declaration_without_a_block() -> None:
    text = edited(("backup files, backup machine_image\n}", "backup files, backup machine_image\n"))
    assert found(text) == [("E013", line_of(text, 'item 7 "'), 1)]


def test_a_header_opened_twice_is_one_error_at_the_brace() -> None:
    text = edited(HEADER_TWICE)
    assert found(text) == [("E011", line_of(text, "{{"), 20)]


def test_a_block_opened_twice_is_one_error_at_the_brace() -> None:
    text = edited(CALENDAR_TWICE)
    assert found(text) == [("E011", line_of(text, "{{"), 68)]


def test_a_brace_inside_a_block_is_one_error_at_the_brace() -> None:
    text = edited(BRACE_IN_BLOCK)
    assert found(text) == [("E011", line_of(text, "mon..fri {"), 17)]


@pytest.mark.parametrize(
    ("edit", "first"),
    [(NO_CLOSE, ("E013", "backup files")), (HEADER_TWICE, ("E011", "{{")), (CALENDAR_TWICE, ("E011", "{{"))],
)
def test_a_later_error_is_still_reported(edit: tuple[str, str], first: tuple[str, str]) -> None:
    text = edited(edit, LATER_ERROR)
    code, needle = first
    expected = sorted([(code, line_of(text, needle)), ("E011", line_of(text, "business hurs"))])
    assert sorted((c, ln) for c, ln, _ in found(text)) == expected


@pytest.mark.parametrize(
    "wrapped",
    [
        # a maintenance block's `calendar business`
        ("  calendar business\n  notice none", "calendar business\nnotice none"),
        # the calendar and the exceptions of a service's hours
        ("hours always except maintenance, planned stops", "hours always except\nmaintenance,\nplanned stops"),
        # an item's `rules` list
        (
            "rules backup database, backup continuous, backup files, backup machine_image",
            "rules backup database,\nbackup continuous,\nbackup files,\nbackup machine_image",
        ),
        ("rules calendar business, service recovery", "rules calendar business,\nservice recovery"),
    ],
)
def test_a_statement_wrapped_to_column_1_stays_in_its_block(wrapped: tuple[str, str]) -> None:
    clean = edited(wrapped)
    assert found(clean) == []  # the language allows it
    text = edited(wrapped, LATER_ERROR)  # and recovery from another error keeps it in its block
    assert found(text) == [("E011", line_of(text, "business hurs"), 29)]


def test_each_unclosed_block_is_reported_and_only_those() -> None:
    text = 'sla "T" {\n  format 1\n  version "1"\n  effective 2026-04-01\n  timezone Asia/Tokyo\n}\n'
    text += "calendar a {\n  days mon..fri\ncalendar b {\n  days mon..fri\ncalendar c {\n  days mon..fri\n}\n"
    text += "priority P1 {\n  respond within 4 hours\n}\n"  # (calendar c is closed)
    assert [(c, ln) for c, ln, _ in found(text)] == [("E013", 7), ("E013", 9)]


def test_sla_check_prints_one_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t1.sla"
    path.write_text(edited(NO_CLOSE), "utf-8")
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("[E013]") == 1
    assert err.rstrip().endswith("エラー1件、警告0件")


def test_the_language_server_shows_one_error() -> None:
    diags = Documents().check("file:///t1.sla", edited(NO_CLOSE))
    assert [(d.code, d.range.start.line) for d in diags] == [("E013", line_of(edited(NO_CLOSE), "backup files") - 1)]


def test_header_opened_twice_in_the_language_server() -> None:
    diags = Documents().check("file:///s14.sla", edited(HEADER_TWICE))
    assert [d.code for d in diags] == ["E011"]
