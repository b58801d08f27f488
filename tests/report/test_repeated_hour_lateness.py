"""How late, and how much time is left, across the hour a zone repeats (New York, 1 Nov 2026: 02:00 EDT
goes back to 01:00 EST, so 01:00-01:59 happens twice).

Aware datetimes of one zone compare and subtract by their wall clocks and ignore ``fold``: a response
at 01:10 EST, 20 minutes after its due time 01:50 EDT, was "not after" it and its lateness ``-``; one at
02:30 EST was 0:40 late instead of 1:40; an at-risk incident due at 01:50 EST had 0:20 left at 01:30 EDT
instead of 1:20. The verdicts were right (the engine counts instants); the words are now too. The
outage table wrote the repeated hour's times without the offset the other tables give them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from .helpers import sla

DAY = ("--from", "2026-11-01", "--to", "2026-11-02")

POLICY = """sla "DST" {
  format 1
  version "1"
  effective 2026-01-01
  timezone America/New_York
  languages en, ja
}

calendar always "終日" / "Always" {
  days mon..sun
  hours 00:00-24:00
}

service content "コンテンツ" / "Content" {
  hours always except maintenance
  availability measured
}

maintenance night "夜間" / "Night" {
  every year on 11-01, 00:30-01:30
}

clock response "応答" / "Response" {
  starts at incident.reported
  at risk at 25% of target
}

priority P1 "一" / "One" {
  respond within 1 hour
  complete on incident.resolved
}

priority P2 "二" / "Two" {
  respond within 1 always hour
  complete on incident.resolved
}

priority P3 "三" / "Three" {
  respond within 2 always hours
  complete on incident.resolved
}

priority P4 "四" / "Four" {
  respond within 2 hours
  complete on incident.resolved
}
"""

#: I3 (elapsed) and I5 (business time) are due 01:50 EDT and answered 01:10 EST, 20 minutes late; A is
#: due 01:50 EDT and answered 02:30 EST, 1:40 late; O1 runs from 01:45 EDT to 01:40 EST (55 minutes).
EVENTS: list[dict[str, Any]] = [
    {"event": "incident.reported", "at": "2026-11-01T00:50:00-04:00", "id": "I3", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-01T01:10:00-05:00", "id": "I3"},
    {"event": "incident.reported", "at": "2026-11-01T00:50:00-04:00", "id": "I5", "priority": "P2"},
    {"event": "incident.responded", "at": "2026-11-01T01:10:00-05:00", "id": "I5"},
    {"event": "incident.reported", "at": "2026-11-01T00:50:00-04:00", "id": "A", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-01T02:30:00-05:00", "id": "A"},
    {"event": "outage.started", "at": "2026-11-01T01:45:00-04:00", "id": "O1", "cause": "failure"},
    {"event": "outage.ended", "at": "2026-11-01T01:40:00-05:00", "id": "O1"},
]

#: due 01:50 EST (2 hours after 00:50 EDT), judged at 01:30 EDT: 1:20 left
AT_RISK: list[dict[str, Any]] = [
    {"event": "incident.reported", "at": "2026-11-01T00:50:00-04:00", "id": "R3", "priority": "P3"},
    {"event": "incident.reported", "at": "2026-11-01T00:50:00-04:00", "id": "R4", "priority": "P4"},
]


def _files(tmp_path: Path, events: list[dict[str, Any]]) -> tuple[Path, Path]:
    policy, log = tmp_path / "dst.sla", tmp_path / "events.jsonl"
    policy.write_text(POLICY, "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    return policy, log


def _report(tmp_path: Path, events: list[dict[str, Any]], lang: str, *more: str) -> list[str]:
    policy, log = _files(tmp_path, events)
    code, out, err = sla("evaluate", policy, log, *DAY, "--lang", lang, *more)
    assert code == 0, err
    return out.splitlines()


def _row(lines: list[str], ident: str) -> str:
    rows = [x for x in lines if x.strip().startswith(f"{ident} ")]
    assert rows, "\n".join(lines)
    return rows[0]


def _cells(row: str) -> list[str]:
    """A text table's row as its cells (two spaces or more between them)."""
    return re.split(r" {2,}", row.strip())


def _violation(lines: list[str], ident: str) -> str:
    rows = [x for x in lines if f" {ident} " in x and ("breached" in x or "未達" in x)]
    assert rows, "\n".join(lines)
    return rows[0]


@pytest.mark.parametrize(
    ("lang", "elapsed", "business", "longer"),
    [
        # (a table with both kinds marks each time: its header says neither)
        ("en", "0:20 (elapsed)", "0:20 (business time)", "1:40 (elapsed)"),
        ("ja", "0:20（経過時間）", "0:20（営業時間）", "1:40（経過時間）"),
    ],
)
def test_late_by_counts_the_instants(tmp_path: Path, lang: str, elapsed: str, business: str, longer: str) -> None:
    lines = _report(tmp_path, EVENTS, lang)
    # the "not met" table's last columns: late by, then the article (``-``)
    assert _cells(_row(lines, "I3"))[-2:] == [elapsed, "-"], _row(lines, "I3")
    assert _cells(_row(lines, "I5"))[-2:] == [business, "-"], _row(lines, "I5")
    assert _cells(_row(lines, "A"))[-2:] == [longer, "-"], _row(lines, "A")


@pytest.mark.parametrize(("lang", "late"), [("en", "(0:20 late, elapsed time)"), ("ja", "（経過時間で 0:20 超過）")])
def test_the_violation_says_how_late(tmp_path: Path, lang: str, late: str) -> None:
    text = _violation(_report(tmp_path, EVENTS, lang), "I3")
    assert late in text, text  # (it said "(- late)")


@pytest.mark.parametrize(
    ("lang", "elapsed", "business"),
    [("en", "1:20 (elapsed)", "1:20 (business time)"), ("ja", "1:20（経過時間）", "1:20（営業時間）")],
)
def test_time_left_counts_the_instants(tmp_path: Path, lang: str, elapsed: str, business: str) -> None:
    lines = _report(tmp_path, AT_RISK, lang, "--as-of", "2026-11-01T01:30:00-04:00")
    assert _cells(_row(lines, "R3"))[-1] == business, _row(lines, "R3")
    assert _cells(_row(lines, "R4"))[-1] == elapsed, _row(lines, "R4")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_outage_table_marks_the_repeated_hour(tmp_path: Path, lang: str) -> None:
    row = _row(_report(tmp_path, EVENTS, lang), "O1")
    day = "Sun 1 Nov" if lang == "en" else "11月1日(日)"
    assert _cells(row)[1:3] == [f"{day} 01:45 (-04:00)", f"{day} 01:40 (-05:00)"], row
