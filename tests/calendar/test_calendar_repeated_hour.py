"""`sla calendar` lists a maintenance window that ends in the hour a clock going back repeats with
that end's offset, as the report writes such a time: "00:30-01:30" alone does not say which 01:30
(New York, 1 November 2026). A time shown twice is its first occurrence, so the window is one hour
and ends at the first 01:30 (-04:00); it once ended at the second (-05:00), two hours. On that day both ends
carry their offset."""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.cli.app import main

POLICY = """sla "Night" {
  format 1
  version "1"
  effective 2026-01-01
  timezone America/New_York
  languages en
}
calendar always "Always" {
  days mon..sun
  hours 00:00-24:00
}
service content "Content" {
  hours always except maintenance
  availability measured
}
maintenance night "Night" {
  every year on 11-01, 00:30-01:30
}
priority P1 "P1" {
  respond within 1 hour
}
"""


def test_a_window_ending_in_the_repeated_hour_says_which_0130(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "night.sla"
    path.write_text(POLICY, "utf-8")
    assert main(["calendar", str(path), "--month", "2026-11"]) == 0
    # (on a day the clock changes every time carries its offset, as the report writes them)
    assert "1M Night 00:30 (-04:00)-01:30 (-04:00)" in capsys.readouterr().out
    assert main(["calendar", str(path), "--month", "2026-10"]) == 0  # (no window, nothing repeated)
