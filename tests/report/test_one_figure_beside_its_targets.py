"""One availability figure shown beside several targets reads the same on every row.

A service with targets of 99.95% (enterprise), 99.9% (premium) and 99.5% (the others), one figure for
all three: 21:36 down of 718:00 measured, 0.99949861. Kept below 99.95% it reads ``99.949%`` on the
enterprise row; rounded to the nearest it read ``99.950%`` on the other two, one measurement printed two
ways in one summary (and in the trend), and ``99.950%`` beside "met" reads as the 99.95% it is below.
Now each row keeps it on its side of every target of the measurement
(:func:`sla_dsl.report.periods.kept_against`): ``99.949%`` on every row.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sla_dsl.report import periods

from .helpers import MONTH, sla

PLANS = """\
sla "Plans" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages ja, en
}
attribute plan "契約プラン" / "Plan" {
  value standard "スタンダード" / "Standard"
  value premium "プレミアム" / "Premium"
  value enterprise "エンタープライズ" / "Enterprise"
  default standard
}
calendar always "終日" / "Always" {
  days mon..sun
  hours 00:00-24:00
}
service api "API サービス" / "API service" {
  hours always except maintenance
  availability target 99.95% monthly when plan = enterprise
  availability target 99.9% monthly when plan = premium
  availability target 99.5% monthly
}
maintenance regular "定期メンテナンス" / "Regular maintenance" {
  every month on 2nd sun, 02:00-04:00
  notice none
}
priority P1 "緊急" / "Urgent" { respond within 4 hours }
"""
EVENTS = [
    # (the log reaches back to 1 October: the trend has October; October 22:18 of 742:00, 0.99949910)
    {"event": "outage.started", "at": "2026-10-01T00:00:00+09:00", "id": "Z0", "service": "api"},
    {"event": "outage.ended", "at": "2026-10-01T00:00:00+09:00", "id": "Z0"},
    {"event": "outage.started", "at": "2026-10-20T00:00:00+09:00", "id": "E0", "service": "api"},
    {"event": "outage.ended", "at": "2026-10-20T00:22:18+09:00", "id": "E0"},
    {"event": "outage.started", "at": "2026-11-10T00:00:00+09:00", "id": "E1", "service": "api"},
    {"event": "outage.ended", "at": "2026-11-10T00:21:36+09:00", "id": "E1"},
]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("plans")
    (folder / "p.sla").write_text(PLANS, "utf-8")
    (folder / "e.jsonl").write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    return folder / "p.sla", folder / "e.jsonl"


def test_kept_against_the_nearest_target() -> None:
    assert periods.kept_against(0.99949861, [99.5, 99.95, 99.9]) == 99.95
    assert periods.kept_against(0.99949861, [None, 99.5]) == 99.5
    assert periods.kept_against(0.99949861, [None]) is None


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_row_of_the_measurement_reads_the_same(files: tuple[Path, Path], lang: str) -> None:
    code, out, err = sla("evaluate", *files, *MONTH, "--lang", lang)
    assert code == 0, err
    rows = [
        re.split(r"\s{2,}", x.strip())
        for x in out.splitlines()
        if x.strip().startswith(("稼働率（API", "Availability (API"))
    ]
    summary, trend = rows[:3], rows[3:]
    assert [r[2] for r in summary] == ["99.949%"] * 3, summary
    assert [r[3] for r in summary] == ({"ja": ["未達", "達成", "達成"], "en": ["not met", "met", "met"]}[lang])
    assert len(trend) == 3 and all(r[1:3] == ["99.949%", "99.949%"] for r in trend), trend
    assert "99.950%" not in out
