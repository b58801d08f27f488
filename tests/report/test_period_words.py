"""The measurement period of an availability row reads as a period, not as a weekday: a monthly
period was marked (月), which a Japanese reader takes for Monday after a date."""

from __future__ import annotations

from pathlib import Path

from .helpers import sla

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "policies" / "examples"


def test_a_monthly_period_is_marked_monthly_in_japanese() -> None:
    code, out, err = sla(
        "evaluate", PLANS / "plans.sla", PLANS / "plans.jsonl", "--from", "2026-11-01", "--to", "2026-12-01",
        "--format", "markdown", "--lang", "ja",
    )  # fmt: skip
    assert code == 0, err
    marked = [line for line in out.splitlines() if "00:00 - 12月1日(火) 00:00 (" in line and "コンテンツ配信" in line]
    assert len(marked) == 2 and all("00:00 (月次)" in r for r in marked), marked
