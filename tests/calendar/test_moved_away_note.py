"""``sla calendar`` says on the day a window was due where its roll moved it, when that is another month.

A closure over the month's end (``closed 2026-12-24..2027-01-01``) moved December's 4th-Thursday window
(``next business day``) to 4 January: January's grid said ``4M ... (moved from 12-24: company
closure)``, but December's showed ``24* company closure`` and no word of the window. December now
says on the 24th where it went, in text (both languages) and in JSON (the day's
``maintenance_moved_away``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sla_dsl.cli.app import main

POLICY = """sla "Closure desk" {
  format 1
  version "1.0"
  effective 2026-04-01
  timezone Asia/Tokyo
}
calendar business "営業時間" / "Business hours" {
  days mon..fri
  hours 09:00-18:00
  closed 2026-12-24..2027-01-01
}
maintenance regular "定期メンテナンス停止" / "Regular maintenance stop" {
  every month on 4th thu, 22:00-24:00
  if not a business day: next business day
  calendar business
}
priority P1 { respond within 1 business hour }
"""


@pytest.fixture
def policy(tmp_path: Path) -> str:
    path = tmp_path / "closure.sla"
    path.write_text(POLICY, "utf-8")
    return str(path)


def _out(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["calendar", *args]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", " 24  Regular maintenance stop: moved to Mon 4 Jan 2027 (company closure)"),
        ("ja", " 24  定期メンテナンス停止：2027年1月4日(月)に移動（休業日）"),
    ],
)
def test_december_says_where_its_window_went(
    capsys: pytest.CaptureFixture[str], policy: str, lang: str, line: str
) -> None:
    lines = _out(capsys, policy, "--month", "2026-12", "--lang", lang).splitlines()
    at = lines.index(line)
    assert lines[at - 1].startswith(" 24* ")  # under the day's closure
    assert not any("M " in x for x in lines[lines.index("") + 1 :] if x.startswith(" 24M"))


def test_january_still_says_where_it_came_from(capsys: pytest.CaptureFixture[str], policy: str) -> None:
    out = _out(capsys, policy, "--month", "2027-01", "--lang", "en")
    assert "  4M Regular maintenance stop 22:00-24:00 (moved from Thu 24 Dec 2026: company closure)" in out
    assert "moved to" not in out


def test_the_japanese_grid_writes_dates_and_brackets_the_japanese_way(
    capsys: pytest.CaptureFixture[str], policy: str
) -> None:
    """The Japanese grid wrote ``(12-24 休業日から延期)`` and headed the month ``営業時間 (日本時間)``: half-width
    brackets and a date no other Japanese output writes. It now writes both as the rest of the Japanese does."""
    lines = _out(capsys, policy, "--month", "2027-01", "--lang", "ja").splitlines()
    assert lines[0] == "2027年1月  Closure desk · 営業時間（日本時間）"
    assert "  4M 定期メンテナンス停止 22:00-24:00（2026年12月24日(木)（休業日）から延期）" in lines
    assert not [line for line in lines if "(" in line.replace("日(", "")]  # no half-width bracket but a weekday's


def test_json_day_lists_the_window_moved_away(capsys: pytest.CaptureFixture[str], policy: str) -> None:
    data = json.loads(_out(capsys, policy, "--month", "2026-12", "--format", "json"))
    away = {d["date"]: d["maintenance_moved_away"] for d in data["days"] if "maintenance_moved_away" in d}
    assert list(away) == ["2026-12-24"]
    (window,) = away["2026-12-24"]
    assert window["day"] == "2027-01-04" and window["scheduled"] == "2026-12-24" and window["moved"] is True
    assert window["start"] == "2027-01-04T22:00:00+09:00"
    assert window["reason"] == "company closure" and window["reason_ja"] == "休業日"
    assert all(w["scheduled"] != "2026-12-24" for w in data["maintenance"])  # (starting in December only)
    november = json.loads(_out(capsys, policy, "--month", "2026-11", "--format", "json"))
    assert not any("maintenance_moved_away" in d for d in november["days"])
