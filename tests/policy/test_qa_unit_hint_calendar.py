"""A duration without a usable unit gets a hint written with a calendar the policy declares.

Found by a Zendesk administrator moving a team's SLA policies: the policy's calendars were ``tokyo``
("東京営業時間") and ``always``, and ``respond within 4 営業時間`` was told to write ``4 business hours``,
which ``sla check`` then refused (E207: no calendar ``business``), and ``respond within 4 東京営業時間``
(the calendar's own Japanese label as the unit) was "the unit is missing" with the same ``business``.
Each policy part is parsed alone, so the hint did not see the file's calendars: it now writes the
duration with the calendar ``sla check`` would rewrite ``business`` with (the first one not open around the
clock), and a calendar's label written as the unit with that calendar. A file that declares ``business``
(or no calendar) keeps ``business``.
"""

from __future__ import annotations

import pytest
from tokyo_desk import POLICY  # (tests/policy on the path: pytest's rootdir-less import)

from sla_dsl.policy import compile_text


def _only(text: str):
    diags = compile_text(text).diagnostics
    assert len(diags) == 1, [d.render() for d in diags]
    return diags[0]


@pytest.mark.parametrize(
    ("written", "word", "fix"),
    [
        ("4 営業時間", "営業時間", "4 tokyo hours"),
        ("４営業時間", "営業時間", "4 tokyo hours"),
        ("2 営業日", "営業日", "2 tokyo days"),
        ("4 東京営業時間", "東京営業時間", "4 tokyo hours"),
        ("1 東京営業時間以内", "東京営業時間", "1 tokyo hour"),
    ],
)
def test_japanese_unit_is_written_with_the_files_calendar(written: str, word: str, fix: str) -> None:
    d = _only(POLICY.replace("respond within 4 tokyo hours", f"respond within {written}"))
    assert d.code == "E015"
    assert d.text("ja") == f"`{word}` は単位ではありません"
    assert d.help_text("ja") == f"`{fix}` と書いてください"
    assert d.span.line == 26


def test_missing_unit_example_uses_the_files_calendar() -> None:
    d = _only(POLICY.replace("respond within 4 tokyo hours", "respond within 4\n"))
    assert (d.code, d.span.line, d.span.column) == ("E015", 26, 18)
    assert d.help_text("ja") == "`4 tokyo hours` のように書いてください"


def test_a_file_with_a_business_calendar_keeps_it() -> None:
    text = POLICY.replace("calendar tokyo", "calendar business").replace("4 tokyo hours", "4 営業時間")
    d = _only(text)
    assert d.help_text("ja") == "`4 business hours` と書いてください"
