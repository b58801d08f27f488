"""A figure below its availability target over a period that is not over (or that the report cuts) is
never "met" in the summary: it is "not met so far" (未達（暫定）), as the per-period table says "not
final"; a complete period below target is "not met"; a figure at or above it so far is "not final (met
so far)" (集計中（ここまでは達成）), as ``sla explain`` of the period says, never "met" before the period is over.

Before: the summary counted only complete periods below target, so ``94.444%`` against ``99.9%`` as of
10 November read "met", and so did a report from 2 to 16 November (a month cut by the period).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .helpers import sla

#: A service with a monthly target of 99.9%, in UTC, and a 12-hour outage on 3 November.
POLICY = """\
sla "Avail" {
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  languages en, ja
}
calendar always "終日" / "Always" {
  days mon..sun
  hours 00:00-24:00
}
service app "アプリ" / "App" {
  hours always
  availability target 99.9% monthly
  credit below 99.9% 10%
}
priority P1 "優先度１" / "P1" { respond within 1 hour }
"""
EVENTS = [
    {"event": "outage.started", "at": "2026-11-03T00:00:00Z", "id": "O1"},
    {"event": "outage.ended", "at": "2026-11-03T12:00:00Z", "id": "O1"},
]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("avail")
    (folder / "p.sla").write_text(POLICY, "utf-8")
    (folder / "e.jsonl").write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    return folder / "p.sla", folder / "e.jsonl"


def _availability_line(files: tuple[Path, Path], lang: str, *period: str) -> list[str]:
    code, out, err = sla("evaluate", *files, *period, "--format", "text", "--lang", lang)
    assert code == 0, err
    line = next(x for x in out.splitlines() if x.strip().startswith(("Availability (App)", "稼働率（アプリ）")))
    return re.split(r"\s{2,}", line.strip())


@pytest.mark.parametrize(
    ("period", "verdict"),
    [
        # as of 10 November: 94.444% so far, the month not over
        (
            ("--from", "2026-11-01", "--to", "2026-12-01", "--as-of", "2026-11-10T00:00:00Z"),
            ("not met so far", "未達（暫定）"),
        ),
        # the month cut by the report's period (2 to 16 November)
        (("--from", "2026-11-02", "--to", "2026-11-16"), ("not met so far", "未達（暫定）")),
        # the whole month, over: not met
        (("--from", "2026-11-01", "--to", "2026-12-01"), ("not met", "未達")),
        # December so far, no downtime: met so far, not final
        (
            ("--from", "2026-12-01", "--to", "2027-01-01", "--as-of", "2026-12-10T00:00:00Z"),
            ("not final (met so far)", "集計中（ここまでは達成）"),
        ),
        # the whole of December, over, no downtime: met
        (("--from", "2026-12-01", "--to", "2027-01-01"), ("met", "達成")),
    ],
)
def test_the_summary_verdict_of_a_period_below_target(
    files: tuple[Path, Path], period: tuple[str, ...], verdict: tuple[str, str]
) -> None:
    en, ja = _availability_line(files, "en", *period), _availability_line(files, "ja", *period)
    assert en[1] == "at least 99.9%" and en[3] == verdict[0], en
    assert ja[1] == "99.9%以上" and ja[3] == verdict[1], ja


def test_the_per_period_table_agrees(files: tuple[Path, Path]) -> None:
    code, out, err = sla(
        "evaluate", *files, "--from", "2026-11-01", "--to", "2026-12-01", "--as-of", "2026-11-10T00:00:00Z"
    )
    assert code == 0, err
    assert "94.444%" in out
    row = next(x for x in out.splitlines() if "(month)" in x)
    assert row.rstrip().endswith("not final"), row
