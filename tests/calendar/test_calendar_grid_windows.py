"""`sla calendar`'s maintenance marks: on the grid's clock, and beside a day's other mark.

A calendar with its own zone is shown on its clock (its heading says "New York time"), but its
maintenance windows were put on the policy's dates and hours: a Tokyo policy's window on the 1st
Sunday 08:00-09:00 was marked on 1 November and listed as ``08:00-09:00``, when in New York it
starts on Saturday 31 October at 19:00. A window on a day that is not a business day showed
``M`` alone, dropping the ``.`` (or ``*``) the day has without one; it now shows both (``.M``),
the month's cells one wider. A window ending at 00:30 the next day was listed as ending at 24:00.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sla_dsl.cli.app import main

MIX = """sla "Mix" { format 1  version "1"  effective 2026-01-01  timezone Asia/Tokyo }
calendar desk { timezone America/New_York  days mon..fri  hours 09:00-17:00 }
calendar always { days mon..sun  hours 00:00-24:00 }
service portal { hours always except maintenance  availability target 99.9% monthly }
maintenance sunday { every month on 1st sun, 08:00-09:00  notice none }
priority P1 { respond within 8 desk hours }
"""


@pytest.fixture
def mix(tmp_path: Path) -> str:
    path = tmp_path / "mix.sla"
    path.write_text(MIX, "utf-8")
    return str(path)


def _grid(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    assert main(["calendar", *args]) == 0
    return capsys.readouterr().out.splitlines()


def test_windows_are_on_the_calendars_clock(mix: str, capsys: pytest.CaptureFixture[str]) -> None:
    november = _grid(capsys, mix, "--month", "2026-11", "--calendar", "desk", "--lang", "en")
    assert november[0] == "November 2026  Mix · desk (New York time)"
    assert november[3] == "                          1."  # Sunday 1 Nov: no window starts on it in New York
    assert not [line for line in november if line.endswith("08:00-09:00")]
    october = _grid(capsys, mix, "--month", "2026-10", "--calendar", "desk", "--lang", "en")
    assert october[2:4] == ["Mon  Tue  Wed  Thu  Fri  Sat  Sun", "                 1    2    3.M  4."]
    assert october[-2:] == ["  3M sunday 19:00-20:00", " 31M sunday 19:00-20:00"]
    # the JSON lists the same windows (those starting in October in New York), in the policy's zone
    assert main(["calendar", mix, "--month", "2026-10", "--calendar", "desk", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [w["start"] for w in data["maintenance"]] == ["2026-10-04T08:00:00+09:00", "2026-11-01T08:00:00+09:00"]
    # on the policy's own calendar nothing moves
    tokyo = _grid(capsys, mix, "--month", "2026-11", "--calendar", "always", "--lang", "en")
    assert tokyo[2:4] == ["Mon Tue Wed Thu Fri Sat Sun", "                          1M"]
    assert tokyo[-1] == "  1M sunday 08:00-09:00"


def test_a_weekend_window_keeps_the_days_mark(mix: str, capsys: pytest.CaptureFixture[str]) -> None:
    ja = _grid(capsys, mix, "--month", "2026-10", "--calendar", "desk", "--lang", "ja")
    assert ja[2:4] == [" 月   火   水   木   金   土   日", "                 1    2    3.M  4."]
    assert ja[-3] == ". 営業日以外   * 祝日・休業日   M 定期メンテナンス開始日"


def test_a_window_past_midnight_ends_at_its_time(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "late.sla"
    path.write_text(MIX.replace("1st sun, 08:00-09:00", "1st sun, 22:00-00:30"), "utf-8")
    lines = _grid(capsys, str(path), "--month", "2026-11", "--calendar", "always", "--lang", "en")
    assert lines[-1] == "  1M sunday 22:00-00:30"
    path.write_text(MIX.replace("1st sun, 08:00-09:00", "1st sun, 22:00-24:00"), "utf-8")
    lines = _grid(capsys, str(path), "--month", "2026-11", "--calendar", "always", "--lang", "en")
    assert lines[-1] == "  1M sunday 22:00-24:00"
