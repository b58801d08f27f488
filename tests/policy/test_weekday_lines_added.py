"""Two ``hours`` lines that name one weekday add their hours together: an author who writes ``hours
mon..sat 09:00-18:00`` and then ``hours sat 10:00-14:00`` for a shorter Saturday gets E202 (the ranges
overlap), whose help said only to merge the ranges or move one. It now says that the weekday is on both
lines, that a later line does not replace the earlier one's hours, and gives the wider line without the
weekdays the other names (``hours mon..fri 09:00-18:00``). Ranges of one line, and two lines that both
name only that weekday, keep the general help."""

from __future__ import annotations

import pytest
from policy.test_calendar_language import FIRST, one, policy


@pytest.mark.parametrize(
    ("body", "at", "en", "ja"),
    [
        (
            "  hours mon..sat 09:00-18:00\n  hours sat 10:00-14:00\n",
            (FIRST + 1, 13),
            f"`sat` is on both `hours` lines {FIRST} and {FIRST + 1}: the hours of lines naming one weekday are "
            f"added together, a later line does not replace them; write line {FIRST} as `hours mon..fri 09:00-18:00`",
            f"`sat` は {FIRST} 行目と {FIRST + 1} 行目の `hours` の両方にあります。同じ曜日を書いた行の時間帯は"
            f"足し合わされ、後の行で置き換わることはありません。{FIRST} 行目を `hours mon..fri 09:00-18:00` と"
            "書いてください",
        ),
        (
            "  hours sat, sun 10:00-14:00\n  hours mon, tue, sat, sun 09:00-18:00, 19:00-20:00\n",
            (FIRST, 18),
            f"`sat, sun` is on both `hours` lines {FIRST} and {FIRST + 1}: the hours of lines naming one weekday "
            f"are added together, a later line does not replace them; write line {FIRST + 1} as "
            "`hours mon, tue 09:00-18:00, 19:00-20:00`",
            None,
        ),
    ],
)
def test_the_help_gives_the_wider_line_without_the_shared_weekdays(
    body: str, at: tuple[int, int], en: str, ja: str | None
) -> None:
    d = one(policy(body), "E202")
    assert (d.span.line, d.span.column) == at
    assert d.help == en
    if ja is not None:
        assert d.help_text("ja") == ja


@pytest.mark.parametrize(
    "body",
    ["  hours sat 10:00-14:00, 13:00-15:00\n", "  hours sat 10:00-14:00\n  hours sat 13:00-15:00\n"],
)
def test_otherwise_the_general_help(body: str) -> None:
    d = one(policy(body), "E202")
    assert d.help == (
        "business hours are separate ranges; merge them or move one (a range whose end is earlier than its "
        "start runs overnight into the next day)"
    )
