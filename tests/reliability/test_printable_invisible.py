"""``printable`` shows the invisible characters too: two ids that differ by one never print alike.

``INC-A`` and ``INC-A`` followed by a zero-width space printed the same in every message, report and log
line, so a reader could not tell the two incidents apart. The zero-width space, non-joiner and joiner,
the word joiner and the invisible operators after it, and the byte-order mark (a zero-width no-break
space inside a text) are now shown as their escapes. A backslash is still left as it is: messages quote
paths, and a Windows path must read as one.
"""

from __future__ import annotations

import pytest

from sla_dsl.errors import printable
from sla_dsl.report.escape import html_text, markdown_cell

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u2061", "\u2062", "\u2063", "\u2064", "\ufeff"]


@pytest.mark.parametrize("ch", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_an_invisible_character_is_shown_as_its_escape(ch: str) -> None:
    assert printable(f"INC-A{ch}") == f"INC-A\\u{ord(ch):04x}"
    assert printable(f"INC-A{ch}") != printable("INC-A")
    # the report's cells show it the same way
    assert f"\\u{ord(ch):04x}" in html_text(f"INC-A{ch}")
    assert f"\\\\u{ord(ch):04x}" in markdown_cell(f"INC-A{ch}")  # (Markdown escapes the backslash itself)


def test_visible_text_and_backslashes_are_left_as_they_are() -> None:
    for text in ("C:\\new\\x1b.sla", "案件 INC-1", "Ελληνικά", "a\u00a0b", "👍"):
        assert printable(text) == text
