"""E220 on a planned stop's notice quotes the ``notice`` line as the author wrote it, channel and all.

QA: ``notice 3 business days before start date by email`` was told "notice `3 business days` before the
start date ...": a fragment rebuilt from the duration, without ``by email``, and the help's line to count
from the start instant (``notice 3 business days before start``) left the channel out, so applying it gave
a syntax error. The message quotes the line's text now (comments left out, blanks run together) and the
help's line keeps its channels; a file read declaration by declaration (a syntax error elsewhere) the same.
"""

from __future__ import annotations

import pytest
from policy_edits import CLICKSOKO, edited, line_of

from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.policy import compile_text

NOTICE = "notice 1 week before start date by email"
TAIL = ": a notice before the start date is counted in whole elapsed days, weeks or months of the calendar; "


def _e220(text: str) -> Diagnostic:
    (d,) = [d for d in compile_text(text, "t.sla").diagnostics if d.code == "E220"]
    return d


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("notice 3 business days before start date by email", "notice 3 business days before start date by email"),
        ("notice 36 hours before start date by email, phone", "notice 36 hours before start date by email, phone"),
        (
            "notice 3  business   days before start  date by email,  # 連絡手段\n    phone",
            "notice 3 business days before start date by email, phone",
        ),
    ],
)
def test_the_notice_is_quoted_with_its_channels(written: str, said: str) -> None:
    text = edited(CLICKSOKO, (NOTICE, written))
    d = _e220(text)
    assert d.message == f"`{said}`{TAIL}it would not be judged"
    assert (
        d.text("ja") == f"`{said}` は判定されません。開始日より前の通知は、カレンダー上の経過日・週・月の整数で数えます"
    )
    from_start = said.replace("start date", "start")
    assert d.help == (
        f"write e.g. `notice 7 days before start date`, or count from the start instant with `{from_start}`"
    )
    assert d.span.line == line_of(text, written.split("\n")[0])
    applied = edited(text, (written, from_start))  # (the line the help gives checks clean)
    assert [x.code for x in compile_text(applied, "t.sla").diagnostics if x.is_error] == []


def test_the_notice_of_a_file_read_declaration_by_declaration() -> None:
    text = edited(
        CLICKSOKO,
        (NOTICE, "notice 3 business days before start date by email"),
        ("  hours business\n}\n\nservice recovery", "  hourz business\n}\n\nservice recovery"),
    )
    d = _e220(text)
    assert d.message.startswith("`notice 3 business days before start date by email`: ")
    assert d.span.line == line_of(text, "notice 3 business days")
