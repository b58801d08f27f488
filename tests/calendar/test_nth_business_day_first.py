"""Which day is the 1st of ``respond by end of Nth business day``: the next business day after the day of
receipt, whatever the time of receipt (before the opening, in the open hours, at the close, on a day off).

The language reference said only that N runs from ``1st`` to ``3650th``; it now says which day is the
1st, with the example worked here on its ``business`` calendar (Mon-Fri 10:00-12:00, 13:00-18:00, JP
holidays), in both languages, and ``sla deadline`` gives the same due times.
"""

from __future__ import annotations

import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.policy import Policy

ROOT = Path(__file__).resolve().parents[2]
POLICY = """sla "Nth" { format 1 version "1" effective 2026-01-01 timezone Asia/Tokyo languages en }
calendar business {
  days mon..fri
  hours 10:00-12:00, 13:00-18:00
  holidays JP
}
clock response { starts at incident.reported }
priority P1 {
  respond by end of 1st business day
  complete on incident.resolved
}
priority P2 {
  respond by end of 2nd business day
  complete on incident.resolved
}
"""
CASES = [
    # (reported, 1st, 2nd): Friday 6 Nov 2026 before the opening, in its hours, at its close; Saturday
    ("2026-11-06T07:00", "2026-11-09T18:00", "2026-11-10T18:00"),
    ("2026-11-06T16:30", "2026-11-09T18:00", "2026-11-10T18:00"),
    ("2026-11-06T18:00", "2026-11-09T18:00", "2026-11-10T18:00"),
    ("2026-11-07T10:00", "2026-11-09T18:00", "2026-11-10T18:00"),
    # Friday 20 Nov: Monday 23 Nov is Labour Thanksgiving Day
    ("2026-11-20T16:30", "2026-11-24T18:00", "2026-11-25T18:00"),
]


@cache
def policy() -> Policy:
    return sla_dsl.load_policy(POLICY)


@pytest.mark.parametrize(("reported", "first", "second"), CASES)
def test_the_day_of_receipt_is_never_counted(reported: str, first: str, second: str) -> None:
    start = f"{reported}:00+09:00"
    assert policy().response_due("P1", start).isoformat() == f"{first}:00+09:00"
    assert policy().response_due("P2", start).isoformat() == f"{second}:00+09:00"


def test_sla_deadline_says_the_same(tmp_path: Path) -> None:
    path = tmp_path / "nth.sla"
    path.write_text(POLICY, "utf-8")
    cmd = [sys.executable, "-m", "sla_dsl.cli", "deadline", str(path), "--priority", "P1"]
    done = subprocess.run(
        [*cmd, "--from", "2026-11-06T07:00:00+09:00"], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2026-11-09T18:00:00+09:00"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            [
                "the 1st business\nday is the next business day after the day of receipt",
                "is due by Monday 9 November 18:00\nwith `1st` and by Tuesday 10 November 18:00 with `2nd`",
                "it is due by Tuesday 24 November 18:00 with `1st`",
            ],
        ),
        (
            "ja",
            [
                "1 番目の営業日は、受付日の次の営業日です",
                "`1st` なら11月9日（月）18:00、`2nd` なら11月10日（火）18:00 です",
                "`1st` なら11月24日（火）18:00 が期限です",
            ],
        ),
    ],
)
def test_the_reference_says_which_day_is_the_first(lang: str, said: list[str]) -> None:
    page = (ROOT / "docs" / "reference" / f"language.{lang}.md").read_text("utf-8")
    for words in said:
        assert words in page, words
