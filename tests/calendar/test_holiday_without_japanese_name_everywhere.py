"""A holiday the ``holidays`` package has no Japanese name for (Berlin's Good Friday, Women's Day) is said the
same way on every Japanese page: ``祝日``, never its English or German name (no English fragment on a Japanese
page; the policy's calendar already says whose holidays they are: ``ベルリンの祝日を除く``). ``sla explain``
was made to say so (``test_explain_holiday_without_japanese_name``); this holds ``sla calendar``, the report
and the site's policy page to the same words, and the English pages to the package's name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sla_dsl.cli import main
from sla_dsl.docs.render import PageContext, render_policy
from sla_dsl.policy import load_policy

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
  holidays DE-BE
}
service portal "ポータル" / "Portal" { hours desk except maintenance  availability target 99.5% monthly }
maintenance fri "金曜保守" / "Friday maintenance" {
  every month on last fri, 20:00-22:00
  if not a business day: next business day
  calendar desk
  notice none
}
priority P1 "緊急" / "Urgent" { respond within 1 desk hour }
"""
EVENT = '{"event": "incident.reported", "at": "2027-03-26T17:00:00+01:00", "id": "A", "priority": "P1"}\n'
FOREIGN = ("Good Friday", "Karfreitag", "Women", "Frauentag")


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    path = tmp_path / "berlin.sla"
    path.write_text(POLICY, "utf-8")
    (tmp_path / "e.jsonl").write_text(EVENT, "utf-8")
    return path


def _out(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_sla_calendar(policy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ja = _out(capsys, "calendar", str(policy), "--month", "2027-03", "--lang", "ja").splitlines()
    assert " 26* 祝日" in ja and "  8* 祝日" in ja
    assert " 30M 金曜保守 20:00-22:00（3月26日(金)（祝日）から延期）" in ja
    assert not any(word in line for line in ja for word in FOREIGN)
    en = _out(capsys, "calendar", str(policy), "--month", "2027-03", "--lang", "en")
    assert " 26* Good Friday" in en and "(moved from Fri 26 Mar: Good Friday)" in en


def test_the_report_and_the_site(policy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = policy.parent / "e.jsonl"
    period = ["--from", "2027-03-01", "--to", "2027-04-01", "--as-of", "2027-04-01T00:00:00+02:00"]
    ja = _out(capsys, "evaluate", str(policy), str(log), *period, "--format", "html", "--lang", "ja")
    assert "2027年3月26日(金)（祝日）から延期" in ja and not any(word in ja for word in FOREIGN)
    en = _out(capsys, "evaluate", str(policy), str(log), *period, "--format", "html", "--lang", "en")
    assert "moved from Fri 26 Mar 2027 (Good Friday)" in en
    for lang, said in (
        ("ja", "2027年3月26日(金)（祝日）から延期"),
        ("en", "postponed from Fri 26 Mar 2027 (Good Friday)"),
    ):
        ctx = PageContext(lang=lang, source_url="", reference=dt.date(2027, 3, 1), maintenance_count=3)
        page = render_policy(load_policy(str(policy)), ctx)
        assert said in page
        assert lang == "en" or not any(word in page for word in FOREIGN)
