"""Whom a service's availability row is for is said by the version that judged its period, not the one at ``--from``.

Version 1 (effective 1 Jan 2026) measures the website at 99.5% a month. Version 2, from 1 Oct 2026, adds a
target of 99.9% for the customers on the premium plan beside 99.5% for the rest, each with service credits.
A report from 1 Sep (under version 1) to 1 Nov: version 2 judges October, and the target without ``when`` is
then the other customers'. The availability-per-period and credits tables named October's row of it just
"Website", as version 1 (in force at ``from``, without plan targets) would, beside "Website (customers whose
Plan is Premium)"; the violation said nothing of whom. Each now says "(other customers)" as version 2 does,
and September's row, which version 1 judges, stays "Website". Turned round (version 1 with the plan targets,
version 2 without), October's row no longer says "(other customers)" of a version that promises no one else.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .helpers import sla

V1 = """sla "Two" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages ja, en
}
attribute plan "契約プラン" / "Plan" {
  value standard "スタンダード" / "Standard"
  value premium "プレミアム" / "Premium"
  default standard
}
calendar always "常時" / "Always" {
  days mon..sun
  hours 00:00-24:00
}
service web "ウェブサイト" / "Website" {
  hours always
TARGETS}
"""

PLAIN = "  availability target 99.5% monthly\n  credit below 99.5% 10%\n"
PLANS = "  availability target 99.9% monthly when plan = premium\n  credit below 99.9% 10%\n" + PLAIN

#: a web outage of 3 hours in September (99.58%: the 99.5% target met, below 99.9%) and one of 5 hours in
#: October (99.33%: below both)
EVENTS = [
    {"event": "outage.started", "at": "2026-09-10T10:00:00+09:00", "id": "OUT-9", "service": "web"},
    {"event": "outage.ended", "at": "2026-09-10T13:00:00+09:00", "id": "OUT-9"},
    {"event": "outage.started", "at": "2026-10-10T10:00:00+09:00", "id": "OUT-10", "service": "web"},
    {"event": "outage.ended", "at": "2026-10-10T15:00:00+09:00", "id": "OUT-10"},
]
WIDE = ("--from", "2026-09-01", "--to", "2026-11-01")

#: per language: the table titles, the service, the service for its target without `when` under a version
#: that also has a premium one, and for the premium target
WORDS = {
    "en": (
        ("Availability per service and measurement period", "Service credits"),
        "Website",
        "Website (other customers)",
        "Website (customers whose Plan is Premium)",
        " (other customers)",
    ),
    "ja": (
        ("サービス別・測定期間別の稼働率", "サービスクレジット"),
        "ウェブサイト",
        "ウェブサイト（その他の顧客）",
        "ウェブサイト（契約プランがプレミアムの顧客）",
        "（その他の顧客）",
    ),
}


def _files(tmp_path: Path, first: str, second: str) -> tuple[Path, Path]:
    folder = tmp_path / "versions"
    folder.mkdir()
    (folder / "a.sla").write_text(V1.replace("TARGETS", first), "utf-8")
    v2 = V1.replace('version "1"', 'version "2"').replace("effective 2026-01-01", "effective 2026-10-01")
    (folder / "b.sla").write_text(v2.replace("TARGETS", second), "utf-8")
    events = tmp_path / "events.jsonl"
    events.write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    return folder, events


def _section(text: str, title: str) -> list[list[str]]:
    """The rows of one table of the text report, in cells (its header left out)."""
    lines = text.splitlines()
    k = lines.index(title)
    return [re.split(r"\s{2,}", line.strip()) for line in lines[k + 2 : lines.index("", k)]]


def _month(period: str) -> int:
    """The month a period cell (``Tue 1 Sep 00:00 - …``, ``9月1日(火) 00:00〜…``) starts in."""
    found = re.match(r"(\d+)月|\w+ \d+ (\w{3})", period)
    assert found is not None, period
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return int(found[1]) if found[1] else months.index(found[2]) + 1


def _report(folder: Path, events: Path, lang: str) -> str:
    code, out, err = sla("evaluate", folder, events, *WIDE, "--lang", lang, "--no-trend", "--quiet")
    assert code == 0, err
    return out


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_later_version_s_row_without_when_is_for_the_other_customers(tmp_path: Path, lang: str) -> None:
    (periods, credits), site, others, premium, whom = WORDS[lang]
    out = _report(*_files(tmp_path, PLAIN, PLANS), lang)
    rows = {(r[0], _month(r[1])) for r in _section(out, periods)}
    # September: version 1, no plan targets; October: version 2's two targets
    assert rows == {(site, 9), (others, 10), (premium, 10)}, rows
    assert [r[0] for r in _section(out, credits)] == [others, premium]
    violation = next(line for line in out.splitlines() if "web:2026-10-01 " in line)
    assert violation.rstrip(" -").endswith(whom), violation


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_later_version_without_plans_has_no_other_customers(tmp_path: Path, lang: str) -> None:
    (periods, credits), site, others, premium, whom = WORDS[lang]
    out = _report(*_files(tmp_path, PLANS, PLAIN), lang)
    rows = {(r[0], _month(r[1])) for r in _section(out, periods)}
    assert rows == {(others, 9), (premium, 9), (site, 10)}, rows  # (September: version 1's two targets)
    assert sorted(r[0] for r in _section(out, credits)) == sorted([premium, site])  # (September's premium)
    violation = next(line for line in out.splitlines() if "web:2026-10-01 " in line)
    assert whom.strip() not in violation, violation
