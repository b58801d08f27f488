"""How late a breach was, in the unit of the target that judged it (issue 13): the premium P1 rule of
the plans example is elapsed (``within 1 hour``), so INC-NIGHT, answered 10 minutes late on a
Saturday night, is 0:10 late in elapsed time, not 0:00 of business time; a business-hours P1 of
the example month stays in business time."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import sla

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "policies" / "examples" / "plans.sla"
PLANS_LOG = ROOT / "policies" / "examples" / "plans.jsonl"
NOVEMBER = ("--from", "2026-11-01", "--to", "2026-12-01")


def _not_met_row(lang: str, ident: str) -> str:
    code, out, err = sla("evaluate", PLANS, PLANS_LOG, *NOVEMBER, "--format", "markdown", "--lang", lang)
    assert code == 0, err
    rows = [line for line in out.splitlines() if line.startswith(f"| {ident} |")]
    assert rows, out
    return rows[0]


@pytest.mark.parametrize(
    ("lang", "late"),
    [("en", "**0:10 (elapsed)**"), ("ja", "**0:10（経過時間）**")],
)
def test_an_elapsed_target_is_late_in_elapsed_time(lang: str, late: str) -> None:
    # Sat 7 Nov 02:00 premium P1: due 03:00 (within 1 hour), responded 03:10
    row = _not_met_row(lang, "INC-NIGHT")
    assert late in row, row
