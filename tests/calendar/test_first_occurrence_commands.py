"""A range ending at a time the clock shows twice closes at its first occurrence, on every path.

A DST QA pass found London's late desk (``hours 18:00-01:00``) closing at the second 01:00 of
25 October 2026 (01:00+00:00), an hour of business time more than the desk opens: a P1 due
within 8 late hours from Saturday 18:00 was due at that second 01:00, and the Saturday-night
maintenance window ``22:00-01:00`` ran four hours. A time shown twice now means its first
occurrence, for a closing as for an opening: the deadline is Sunday 19:00, the window three
hours. The same on New York's 1 November 2026 (its 01:00 is shown twice): ``sla deadline``,
``sla maintenance`` (text, JSON, iCalendar), ``sla calendar``, ``by end of`` and the same-day
guideline of ``sla evaluate`` all read the first 01:00.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sla_dsl.cli.app import main

LONDON = """sla "London late desk" { format 1  version "1"  effective 2026-01-01  timezone Europe/London }
calendar late { days mon..sun  hours 18:00-01:00 }
calendar always { days mon..sun  hours 00:00-24:00 }
service portal { hours always except maintenance  availability target 99.9% monthly }
maintenance sat_night { every month on 4th sat, 22:00-01:00  notice none }
priority P1 { respond within 8 late hours }
priority P2 { respond by end of 1st late day }
"""

NEW_YORK = """sla "New York late desk" { format 1  version "1"  effective 2026-01-01  timezone America/New_York }
calendar late { days mon..sun  hours 22:00-01:00 }
calendar always { days mon..sun  hours 00:00-24:00 }
service portal { hours always except maintenance  availability target 99.9% monthly }
maintenance sunday { every month on 1st sun, 00:00-01:00  notice none }
priority P1 { respond within 3 late hours  same day if received 1 hour before close of late }
"""


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


@pytest.fixture
def london(tmp_path: Path) -> str:
    path = tmp_path / "lon.sla"
    path.write_text(LONDON, "utf-8")
    return str(path)


@pytest.fixture
def new_york(tmp_path: Path) -> str:
    path = tmp_path / "ny.sla"
    path.write_text(NEW_YORK, "utf-8")
    return str(path)


def test_the_late_desk_closes_at_the_first_0100(london: str, capsys: pytest.CaptureFixture[str]) -> None:
    # Saturday 18:00-01:00 (first) is 7 hours; the 8th is Sunday 18:00-19:00 GMT
    due = _run(capsys, "deadline", london, "--priority", "P1", "--from", "2026-10-24T18:00:00+01:00")
    assert due.strip() == "2026-10-25T19:00:00+00:00"
    # by end of the 1st late day after Friday: Saturday's close, the first 01:00
    due = _run(capsys, "deadline", london, "--priority", "P2", "--from", "2026-10-23T20:00:00+01:00")
    assert due.strip() == "2026-10-25T01:00:00+01:00"


def test_the_saturday_night_window_is_three_hours(london: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "maintenance", london, "--from", "2026-10-01", "--to", "2026-11-01")
    assert out.splitlines() == ["2026-10-24T22:00:00+01:00/2026-10-25T01:00:00+01:00"]
    data = json.loads(
        _run(capsys, "maintenance", london, "--from", "2026-10-01", "--to", "2026-11-01", "--format", "json")
    )
    assert [(w["start"], w["end"]) for w in data["maintenance"]] == [
        ("2026-10-24T22:00:00+01:00", "2026-10-25T01:00:00+01:00")
    ]
    # RFC 5545 reads a local time shown twice as its first occurrence: the wall time says it
    ics = _run(capsys, "maintenance", london, "--from", "2026-10-01", "--to", "2026-11-01", "--format", "ics")
    assert "DTEND;TZID=Europe/London:20261025T010000" in ics
    grid = _run(capsys, "calendar", london, "--month", "2026-10", "--calendar", "always")
    assert " 24M sat_night 22:00-01:00 (+01:00)" in grid.splitlines()


def test_new_york(new_york: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    due = _run(capsys, "deadline", new_york, "--priority", "P1", "--from", "2026-10-31T22:00:00-04:00")
    assert due.strip() == "2026-11-01T01:00:00-04:00"
    out = _run(capsys, "maintenance", new_york, "--from", "2026-11-01", "--to", "2026-11-02")
    assert out.splitlines() == ["2026-11-01T00:00:00-04:00/2026-11-01T01:00:00-04:00"]
    ics = _run(capsys, "maintenance", new_york, "--from", "2026-11-01", "--to", "2026-11-02", "--format", "ics")
    assert "DTEND;TZID=America/New_York:20261101T010000" in ics
    # the same-day guideline expects an answer by the close, the first 01:00
    events = tmp_path / "ev.jsonl"
    lines = [
        {"event": "incident.reported", "at": "2026-10-31T22:30:00-04:00", "id": "A", "priority": "P1"},
        {"event": "incident.responded", "at": "2026-11-01T00:45:00-04:00", "id": "A"},
    ]
    events.write_text("".join(json.dumps(x) + "\n" for x in lines), "utf-8")
    report = _run(
        capsys, "evaluate", new_york, str(events), "--from", "2026-10-01", "--to", "2026-12-01", "--format", "json"
    )
    [incident] = json.loads(report)["incidents"]
    assert incident["same_day"]["due"] == "2026-11-01T01:00:00-04:00"
    # 22:30-01:00 (first) is 2.5 hours; the last half hour is Sunday 22:00-22:30 EST
    assert incident["response_due"] == "2026-11-01T22:30:00-05:00"
