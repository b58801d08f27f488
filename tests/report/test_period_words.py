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
    marked = [line for line in out.splitlines() if "00:00 〜 12月1日(火) 00:00（" in line and "コンテンツ配信" in line]
    assert len(marked) == 2 and all("00:00（月次）" in r for r in marked), marked


def test_japanese_period_ranges_use_the_wave_dash_as_the_violations_do() -> None:
    """The availability-per-period and credit tables wrote ``start - end (月次)``; the violations write
    ``start〜end``: every Japanese range of the report uses 〜, English keeps ``start - end (month)``."""
    args = [PLANS / "plans.sla", PLANS / "plans.jsonl", "--from", "2026-11-01", "--to", "2026-12-01"]
    for fmt in ("markdown", "text", "html"):
        code, ja, err = sla("evaluate", *args, "--format", fmt, "--lang", "ja")
        assert code == 0, err
        # both availability rows and the admin portal's quarter, both credit rows
        assert ja.count("11月1日(日) 00:00 〜 12月1日(火) 00:00") >= 5, fmt
        assert ja.count("11月1日(日) 00:00 〜 12月1日(火) 00:00（四半期）") == 1, fmt
        assert "00:00 - " not in ja and "00:00 (" not in ja, fmt
        code, en, err = sla("evaluate", *args, "--format", fmt, "--lang", "en")
        assert code == 0, err
        assert en.count("Sun 1 Nov 00:00 - Tue 1 Dec 00:00 (quarter)") == 1, fmt
