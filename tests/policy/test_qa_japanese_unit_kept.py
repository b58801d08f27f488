"""A Japanese unit word the parser does not take is hinted in the unit it says.

Found by a Zendesk administrator: ``respond within 30 営業分`` (thirty business minutes) was "the unit is
missing" with the hint ``30 tokyo hours``, an hour where the author meant a minute: a business unit other
than hours and days was not read from the word. Each unit is now kept (分 minutes, 秒 seconds, 時間
hours, 日 days, 週 weeks, 月 months; 営業 with the file's business calendar), and a business week or
month, which business time is not counted in (E216), is told to write business days.
"""

from __future__ import annotations

import pytest
from tokyo_desk import POLICY  # (tests/policy on the path: pytest's rootdir-less import)

from sla_dsl.policy import compile_text


def _only(written: str, business: bool = False):
    text = POLICY.replace("calendar tokyo", "calendar business") if business else POLICY
    diags = compile_text(text.replace("respond within 4 tokyo hours", f"respond within {written}")).diagnostics
    assert len(diags) == 1, [d.render() for d in diags]
    assert (diags[0].code, diags[0].span.line) == ("E015", 26)
    return diags[0]


@pytest.mark.parametrize(
    ("written", "word", "fix"),
    [
        ("30 営業分", "営業分", "30 tokyo minutes"),
        ("30営業分", "営業分", "30 tokyo minutes"),
        ("30 営業分以内", "営業分", "30 tokyo minutes"),
        ("1 営業分", "営業分", "1 tokyo minute"),
        ("90 営業秒", "営業秒", "90 tokyo seconds"),
        ("4 営業時間", "営業時間", "4 tokyo hours"),
        ("2 営業日", "営業日", "2 tokyo days"),
        ("30 分", "分", "30 minutes"),
        ("3 時間", "時間", "3 hours"),
        ("2 日", "日", "2 days"),
        ("2 週間", "週間", "2 weeks"),
        ("1 か月", "か月", "1 month"),
    ],
)
def test_the_unit_of_the_word_is_kept(written: str, word: str, fix: str) -> None:
    d = _only(written)
    assert d.text("ja") == f"`{word}` は単位ではありません"
    assert d.help_text("ja") == f"`{fix}` と書いてください"
    assert d.help_text("en") == f"write `{fix}`"
    fixed = compile_text(POLICY.replace("respond within 4 tokyo hours", f"respond within {fix}"))
    assert [d.code for d in fixed.diagnostics] == []


def test_a_file_with_a_business_calendar_writes_it() -> None:
    assert _only("30 営業分", business=True).help_text("en") == "write `30 business minutes`"


@pytest.mark.parametrize(("written", "word"), [("1 営業週", "営業週"), ("3営業か月", "営業か月")])
def test_a_business_week_or_month_is_told_to_write_business_days(written: str, word: str) -> None:
    d = _only(written)
    assert d.text("en") == f"`{word}` is not a unit"
    assert (
        d.help_text("ja")
        == f"営業時間は分・時間・日で数えます。`{word}` は `5 tokyo days` のように営業日で書いてください"
    )
    assert d.help_text("en") == (
        f"business time is counted in minutes, hours or days: write `{word}` in business days, e.g. `5 tokyo days`"
    )
