"""Downtimes that are not whole minutes are shown to the second, so the rows add up to the total.

Three outages of 40 seconds each read ``0:01`` each in the outages table and ``0:02`` in all in the
availability table. When a duration of those tables is not a whole number of minutes both are written
``h:mm:ss`` (headers say so), as is each outage's label in the HTML timeline; a report whose figures are
whole minutes (the example month) keeps ``h:mm``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sla_dsl.report.words import hours_minutes, in_seconds

from .helpers import EXAMPLE, MONTH, POLICY, sla

SECS = [
    event
    for k, hour in enumerate((3, 4, 5))
    for event in (
        {"event": "outage.started", "at": f"2026-11-10T0{hour}:00:00+09:00", "id": f"S-{k}", "cause": "failure"},
        {"event": "outage.ended", "at": f"2026-11-10T0{hour}:00:40+09:00", "id": f"S-{k}"},
    )
]


@pytest.fixture(scope="module")
def log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("secs") / "secs.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in SECS), "utf-8")
    return path


def test_hours_minutes_and_seconds() -> None:
    assert hours_minutes(40 / 60) == "0:01"
    assert hours_minutes(40 / 60, seconds=True) == "0:00:40"
    assert hours_minutes(2.0, seconds=True) == "0:02:00"
    assert hours_minutes(42_840.0, seconds=True) == "714:00:00"
    assert in_seconds([720 * 60.0, 2.0]) is False and in_seconds([2.0, 40 / 60]) is True


def _rows(out: str, title: str) -> list[list[str]]:
    block = out[out.index(title) :].split("\n\n", 1)[0].splitlines()
    return [re.split(r"\s{2,}", line.strip()) for line in block[1:] if not line.lstrip().startswith(("※", "Note:"))]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_rows_of_seconds_add_up_to_the_total(log: Path, lang: str) -> None:
    code, out, err = sla("evaluate", POLICY, log, *MONTH, "--lang", lang)
    assert code == 0, err
    outages = _rows(
        out,
        "障害と通知（復旧情報通知時間）" if lang == "ja" else "Outages and notices (Recovery-information notice time)",
    )
    assert outages[0][3] == ("停止時間（時間:分:秒）" if lang == "ja" else "Downtime (h:mm:ss)")
    assert [r[3] for r in outages[1:]] == ["0:00:40"] * 3
    availability = _rows(out, "稼働率\n" if lang == "ja" else "Availability\n")
    assert availability[0][1] == ("時間（時間:分:秒）" if lang == "ja" else "Time (h:mm:ss)")
    assert availability[5][1] == "0:02:00" and availability[1][1] == "720:00:00"


def test_the_timeline_labels_say_the_seconds(log: Path) -> None:
    code, out, err = sla("evaluate", POLICY, log, *MONTH, "--format", "html", "--lang", "en")
    assert code == 0, err
    assert ">S-0 0:00:40<" in out and "downtime 0:00:40" in out


def test_whole_minutes_stay_hours_and_minutes() -> None:
    code, out, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--lang", "en")
    assert code == 0, err
    assert "Downtime (h:mm)" in out and "Time (h:mm)" in out and "h:mm:ss" not in out
