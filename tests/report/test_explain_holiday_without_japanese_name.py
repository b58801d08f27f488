"""``sla explain`` on a Japanese page says a holiday of a country the ``holidays`` package has no Japanese
names for (Germany, the United Kingdom) is a holiday, without a name it does not have: it said
``3月26日(金)は祝日：祝日`` (the placeholder name ``祝日`` after the colon). A holiday with a Japanese name
keeps it (``元日``), and the English page keeps the package's name (``Good Friday``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.cli import main

POLICY = """sla "Berlin" {
  format 1
  version "1.0"
  effective 2027-01-01
  timezone Europe/Berlin
  title "ベルリン" / "Berlin"
  languages ja, en
}
calendar desk "窓口" / "Desk" {
  hours mon..fri 09:00-18:00
  hours sat 10:00-14:00
  holidays DE-BE
}
clock response "応答" / "Response" { starts at incident.reported }
priority P1 "緊急" / "Urgent" {
  respond within 1 desk hour
}
"""


def _explain(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str) -> str:
    policy, log = tmp_path / "p.sla", tmp_path / "e.jsonl"
    policy.write_text(POLICY, "utf-8")
    # Good Friday 2027: business time counts from Saturday 10:00
    log.write_text(
        '{"event": "incident.reported", "at": "2027-03-26T17:00:00+01:00", "id": "A", "priority": "P1"}\n',
        "utf-8",
    )
    args = ["explain", str(policy), str(log), "A", "--lang", lang, "--as-of", "2027-03-27T12:00:00+01:00"]
    assert main(args) == 0
    return capsys.readouterr().out


def test_a_holiday_without_a_japanese_name_is_said_without_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _explain(tmp_path, capsys, "ja")
    assert "営業時間の計算は3月27日(土) 10:00から（3月26日(金)は祝日）" in out
    assert "祝日：" not in out


def test_the_english_page_keeps_the_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _explain(tmp_path, capsys, "en")
    assert "business time counts from Sat 27 Mar 10:00 (Fri 26 Mar is a holiday: Good Friday)" in out
