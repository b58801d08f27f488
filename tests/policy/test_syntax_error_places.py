"""A syntax error points at the mistake, on its own line, with a caret as wide as what it underlines.

QA's edits of Click So-ko: a duration without a unit (``respond within 4``) was reported on the next
line (``same day if ...`` read as ``4 same day``, then `if` refused; ``complete on`` refused at `on`;
``keep 7`` at the block's ``}``), and an unknown unit (``4 hrs``) at the next line's first word. The
carets under a line with Japanese before the mistake were padded one space per character and drawn one
`^` per character, though the line above shows each full-width character two columns wide.
"""

from __future__ import annotations

import pytest
from policy_edits import CLICKSOKO, edited, line_of

from sla_dsl.i18n.width import display_width
from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.policy import compile_text

P1_RESPOND = "  respond within 4 business hours\n"
P3_RESPOND = "  respond within 5 business days "
FILES_KEEP = "  every 1 day\n  keep 7 days\n}\n\nbackup machine_image"


def _errors(text: str) -> list[Diagnostic]:
    return compile_text(text, "t.sla").errors


@pytest.mark.parametrize(
    ("edit", "needle", "column", "example"),
    [
        ((P1_RESPOND, "  respond within 4\n"), "respond within 4", 18, "4 business hours"),  # next: `same day if`
        ((P3_RESPOND, "  respond within 5 "), "respond within 5", 18, "5 business hours"),  # next: `complete on`
        ((FILES_KEEP, FILES_KEEP.replace("keep 7 days", "keep 7")), "keep 7\n", 8, "7 days"),  # next: `}`
        ((FILES_KEEP, FILES_KEEP.replace("keep 7 days", "keep 7 }\n")), "keep 7 }", 8, "7 days"),
    ],
)
def test_a_duration_without_a_unit_is_reported_at_its_amount(
    edit: tuple[str, str], needle: str, column: int, example: str
) -> None:
    text = edited(CLICKSOKO, edit)
    (d,) = _errors(text)
    assert (d.code, d.span.line, d.span.column) == ("E015", line_of(text, needle.rstrip("\n")), column)
    assert d.text("ja") == "単位がありません"
    assert d.help_text("ja") == f"`{example}` のように書いてください"
    assert (d.message, d.help) == ("the unit is missing", f"write e.g. `{example}`")


def test_an_unknown_unit_at_the_end_of_a_line_is_reported_at_the_unit() -> None:
    text = edited(CLICKSOKO, (P1_RESPOND, "  respond within 4 hrs\n"))
    (d,) = _errors(text)
    assert (d.code, d.span.line, d.span.column) == ("E015", line_of(text, "4 hrs"), 20)
    assert d.text("ja") == "`hrs` は単位ではありません"
    assert d.help == "write `4 hours`"


def test_a_unit_misspelt_after_a_calendar_keeps_its_hint() -> None:
    text = edited(CLICKSOKO, (P1_RESPOND, "  respond within 4 business hrs\n"))
    (d,) = _errors(text)
    assert (d.span.line, d.span.column) == (line_of(text, "business hrs"), 29)
    assert d.help == "write `4 business hours`"


def test_a_duration_wrapped_before_its_calendar_still_parses() -> None:
    """Line breaks are not significant: the check looks back only when the parse fails."""
    text = edited(CLICKSOKO, (P1_RESPOND, "  respond within 4\n    business hours\n"))
    assert _errors(text) == []


def _caret(d: Diagnostic, source: str) -> tuple[str, str]:
    """The excerpt line and the caret line of a rendered diagnostic, without their gutters."""
    lines = d.render(source, lang="ja").split("\n")
    bar = lines[1].index("|")
    return lines[1][bar + 2 :], lines[2][bar + 2 :]


@pytest.mark.parametrize(
    ("old", "new", "underlined"),
    [
        # an unclosed text in a line of Japanese: the caret under its opening quote
        ('  value "当社営業時間" / "Company', '  value "当社営業時間 / "Company', '"'),
        # a bad article number after a Japanese label
        ('"24時間365日" / "24 hours, 365 days" [art 2.1.1]', '"24時間365日" / "24 hours, 365 days" [art 2.1.x]', ".x"),
        # Japanese underlined: two columns a character
        ('calendar always "24時間365日"', "calendar always 「24時間365日」", "「24時間365日」"),
    ],
)
def test_carets_count_display_columns(old: str, new: str, underlined: str) -> None:
    text = edited(CLICKSOKO, (old, new))
    (d,) = _errors(text)
    shown, caret = _caret(d, text)
    start = shown.index(underlined)
    assert d.span.end_column - d.span.column == len(underlined)
    assert caret == " " * display_width(shown[:start]) + "^" * display_width(underlined)


def test_a_caret_after_a_tab_keeps_the_tab() -> None:
    text = edited(CLICKSOKO, ("  holidays JP ", "\tholidays 日本 "))
    (d,) = _errors(text)
    _, caret = _caret(d, text)
    assert caret == "\t" + " " * len("holidays ") + "^^^^"
