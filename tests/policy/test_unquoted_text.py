"""A text written without its quotes (``version 2027.1``) is answered with the author's own line quoted,
``version "2027.1"``, not the form's example (``version "2026.1"``), which an author copying it would
take for the version to write; in each language. A line that quoting does not mend keeps the form."""

from __future__ import annotations

import pytest

from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.policy import compile_text

TEXT = """sla "Test" {
  format 1
  LINE
  effective 2026-04-01
  timezone Asia/Tokyo
}

calendar business {
  hours mon..fri 10:00-18:00
  HOLIDAY
}

priority P1 {
  respond within 4 business hours
}
"""


def _error(line: str = 'version "1"', holiday: str = "holidays JP") -> Diagnostic:
    text = TEXT.replace("LINE", line).replace("HOLIDAY", holiday)
    (d,) = [d for d in compile_text(text, "t.sla").diagnostics if d.code == "E011"]
    return d


@pytest.mark.parametrize(
    ("line", "fix"),
    [
        ("version 2027.1", 'version "2027.1"'),
        ("version 2027.1   # next year's", 'version "2027.1"'),
        ("version v2", 'version "v2"'),
        ("source clicksoko sla.txt", 'source "clicksoko sla.txt"'),
        ('title Click SLA / "Click SLA"', 'title "Click SLA" / "Click SLA"'),
    ],
)
def test_the_help_quotes_the_authors_own_words(line: str, fix: str) -> None:
    d = _error(line)
    assert d.help == f'a text is enclosed in double quotes `"`: `{fix}`'
    assert d.help_text("ja") == f'文字列は半角の `"` で囲んでください：`{fix}`'
    assert "2026.1" not in (d.help or "") + (d.help_text("ja") or "")


def test_in_a_block_too() -> None:
    d = _error(holiday="holiday 2026-11-26 Thanksgiving Day")
    assert d.help == 'a text is enclosed in double quotes `"`: `holiday 2026-11-26 "Thanksgiving Day"`'
    assert (d.span.line, d.span.column) == (10, 22)


def test_a_line_that_quoting_does_not_mend_keeps_the_form() -> None:
    d = _error("title Click / SLA")
    assert "double quotes" not in (d.help or "") and '"Click"' not in (d.help or "")
    assert (d.help or "").startswith("`title` lines are written like")


def test_a_number_is_a_text_only_on_a_version_line() -> None:
    """`holiday 2026-11-26 3` names no holiday `"3"`: the form is shown."""
    d = _error(holiday="holiday 2026-11-26 3")
    assert (d.help or "").startswith("`holiday` lines are written like"), d.help
