"""A second QA pass as a Japanese policy author on Click So-ko, ``sla check``'s words (no verdict changed).

Found: ``respond within 1.5h`` (``1.5 h``, ``2.5d``) was "the unit is missing" with ``1 business hour``,
though it has a unit, while ``1.5 hours`` got the decimal's own message; ``4h``, ``90m``, ``90min`` got
only the list of units (``90 minute`` then a plural warning), not the duration to write; ``hours
mon-thu``, ``hours 10:0-12:00`` and ``holidays 2026-12-29`` got the generic forms of the line; ``第4木曜日``
was "write the nth day in English" (read as a question), not naming what was written; a label written the
wrong way round did not show the label to write; ``calender always`` was "unexpected outside any block".
Each help, written in, is read without a syntax error.
"""

from __future__ import annotations

import re

import pytest
from policy_edits import CLICKSOKO, edited, line_of

from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.policy import compile_text

P1 = "  respond within 4 business hours\n"
NOTIFY = "  within 3 business hours after outage.recognized"
KEEP = "  every 1 day\n  keep 7 days\n}\n\nbackup machine_image"
HOURS = "  hours 10:00-12:00, 13:00-18:00 "
HOLIDAYS = "  holidays JP "
PROVIDER = '  provider "MIC株式会社" / "MIC Co., Ltd."'


def _one(text: str) -> Diagnostic:
    errors = compile_text(text, "t.sla").errors
    assert len(errors) == 1, [e.header() for e in errors]
    return errors[0]


def _code(help_text: str | None) -> list[str]:
    return re.findall(r"`([^`]+)`", help_text or "")


def _written_in(text: str, d: Diagnostic, old: str, new: str) -> None:
    """``text`` with ``old`` (on the diagnostic's line) written as ``new`` has no syntax error."""
    line = text.split("\n")[d.span.line - 1]
    fixed = edited(text, (line, line.replace(old, new)))
    assert [e.header() for e in compile_text(fixed, "t.sla").errors if e.code.startswith("E01")] == []


# -- 1. a decimal with a short unit -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "word", "fix"),
    [
        (P1, "  respond within 1.5h\n", "1.5h", "90 minutes"),
        (P1, "  respond within 1.5h business\n", "1.5h business", "90 business minutes"),
        (P1, "  respond within 1.5 h business\n", "1.5 h business", "90 business minutes"),
        (P1, "  respond within 1.5hours\n", "1.5hours", "90 minutes"),
        (NOTIFY, "  within 1.5h after outage.recognized", "1.5h", "90 minutes"),
        (KEEP, KEEP.replace("keep 7 days", "keep 2.5d"), "2.5d", "60 hours"),
    ],
    ids=["h", "h-business", "spaced", "touching", "before-after", "days"],
)
def test_a_decimal_with_a_short_unit_gets_the_whole_number_of_a_smaller_unit(
    old: str, new: str, word: str, fix: str
) -> None:
    text = edited(CLICKSOKO, (old, new))
    d = _one(text)
    line = next(ln for ln in new.split("\n") if word in ln)
    amount = word.split(".")[0] + "." + word.split(".")[1][0]
    assert (d.code, d.span.line, d.span.column) == ("E010", line_of(text, line), line.index(word) + 1)
    assert d.text("ja") == f"時間の長さに小数は書けません：`{amount}`"
    assert d.help_text("ja") == f"小さい単位の整数で `{fix}` と書いてください"
    assert d.help == f"write it as a whole number of a smaller unit: `{fix}`"
    _written_in(text, d, word, fix)


# -- 2. a unit written short, and calendar lines another way ----------------------------------------------


@pytest.mark.parametrize(
    ("written", "fix"),
    [
        ("4h", "4 hours"),
        ("90m", "90 minutes"),
        ("90min", "90 minutes"),
        ("4h business", "4 business hours"),
        ("4 hrs business", "4 business hours"),
        ("4 business h", "4 business hours"),
        ("1 hr", "1 hour"),
    ],
)
def test_a_unit_written_short_gets_the_duration_to_write(written: str, fix: str) -> None:
    text = edited(CLICKSOKO, (P1, f"  respond within {written}\n"))
    d = _one(text)
    assert d.code in ("E015", "E011")
    assert d.help_text("ja") == f"`{fix}` と書いてください"
    assert d.help == f"write `{fix}`"
    _written_in(text, d, written, fix)
    # written in, not even a warning of its plural is left
    fixed = edited(text, (f"within {written}\n", f"within {fix}\n"))
    assert [w.code for w in compile_text(fixed, "t.sla").diagnostics if w.code == "W201"] == []


@pytest.mark.parametrize(
    ("new", "at", "fix"),
    [
        ("  hours mon-thu 10:00-18:00 ", "-", "hours mon..thu 10:00-18:00"),
        ("  hours 10:0-12:00, 13:00-18:00 ", "10:0", "hours 10:00-12:00, 13:00-18:00"),
        ("  hours mon - fri 10:00-12:00, 13:00-18:0 ", "-", "hours mon..fri 10:00-12:00, 13:00-18:00"),
    ],
    ids=["weekday-dash", "one-digit-minutes", "both"],
)
def test_an_hours_line_gets_the_line_to_write(new: str, at: str, fix: str) -> None:
    text = edited(CLICKSOKO, (HOURS, new))
    d = _one(text)
    assert (d.code, d.span.line, d.span.column) == ("E011", line_of(text, new.strip()), new.index(at) + 1)
    assert d.help_text("ja") == f"`{fix}` と書いてください"
    _written_in(text, d, new.strip(), fix)


def test_a_date_on_the_holidays_line_gets_the_holiday_and_closed_lines() -> None:
    text = edited(CLICKSOKO, (HOLIDAYS, "  holidays 2026-12-29 "))
    d = _one(text)
    assert (d.code, d.span.line, d.span.column) == ("E011", line_of(text, "holidays 2026"), 12)
    holiday, closed = 'holiday 2026-12-29 "休日の名前" / "Name of the holiday"', "closed 2026-12-29"
    assert d.help_text("ja") == (
        f"`holidays` の行は国の祝日を読み込みます。この日を休日にするなら `{holiday}` か `{closed}` と書いてください"
    )
    assert d.help == (
        f"a `holidays` line takes a country's public holidays: to close this day, write `{holiday}` or `{closed}`"
    )
    for line in (holiday, closed):
        _written_in(text, d, "holidays 2026-12-29", line)


def test_dates_and_ranges_on_the_holidays_line_get_the_closed_line() -> None:
    text = edited(CLICKSOKO, (HOLIDAYS, "  holidays 12-29..01-03, 08-14 "))
    d = _one(text)
    assert _code(d.help_text("ja")) == ["holidays", "closed yearly 12-29..01-03, 08-14"]
    _written_in(text, d, "holidays 12-29..01-03, 08-14", "closed yearly 12-29..01-03, 08-14")


# -- 3. words ------------------------------------------------------------------------------------------------


def test_an_nth_weekday_the_japanese_way_is_named_as_written() -> None:
    every = "  every month on 4th thu, 22:00-24:00 "
    d = _one(edited(CLICKSOKO, (every, "  every month on 第4木曜日, 22:00-24:00 ")))
    assert d.help_text("ja") == "「第4木曜日」は英語で `4th thu` と書いてください"
    assert d.help == "write `第4木曜日` in English: `4th thu`"


def test_a_label_the_wrong_way_round_gets_the_label_to_write() -> None:
    text = edited(CLICKSOKO, (PROVIDER, '  provider "MIC Co., Ltd." / "MIC株式会社"'))
    d = _one(text)
    assert d.code == "E264"
    assert d.text("ja") == "日本語と英語が逆になっています"
    assert d.help_text("ja") == '日本語を先にして `"MIC株式会社" / "MIC Co., Ltd."` と書いてください'
    assert d.help == 'write the Japanese first: `"MIC株式会社" / "MIC Co., Ltd."`'
    quoted = edited(text, ('"MIC Co., Ltd." / "MIC株式会社"', '"say \\"hi\\"" / "株式会社"'))
    assert _one(quoted).help == 'write the Japanese first: `"株式会社" / "say \\"hi\\""`'


def test_a_misspelt_declaration_keyword_is_said_to_be_one() -> None:
    text = edited(CLICKSOKO, ("calendar always", "calender always"))
    d = _one(text)
    assert (d.code, d.span.line, d.span.column) == ("E016", line_of(text, "calender always"), 1)
    assert d.text("ja") == "`calender` は `calendar` の書き間違いのようです"
    assert d.message == "`calender` looks like a misspelt `calendar`"
    assert d.help_text("ja") == "`calendar` と書いてください"
