"""The iCalendar feed's windows keep their length across the hour a zone repeats.

RFC 5545 (3.3.5) reads a local time the clock shows twice as its first occurrence. Windows once
ended at a repeated end's second occurrence (New York's second 01:30 of 1 Nov 2026), which
``DTEND;TZID=America/New_York:20261101T013000`` cannot say, so such an end was written in UTC. The
language now reads a time shown twice as its first occurrence for an end too, the reading RFC 5545
gives the local form: the feed writes the wall time, and a calendar program reads the window the
engine has (New York's 00:30-01:30 is one hour; Lord Howe's 01:30-01:45, where the clock goes back
half an hour from 02:00 +11:00 to 01:30 +10:30, is 15 minutes). A start or end at a second
occurrence (a window handed to the writer by the API) is still written in UTC.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from sla_dsl.calendars.recurrence import Window
from sla_dsl.policy import load_policies
from sla_dsl.report.ical import maintenance_ics

from .helpers import sla

HEADER = """sla "Z" {{
  format 1
  version "1"
  effective 2026-01-01
  timezone {zone}
  languages en, ja
}}
"""


def _policy(tmp_path: Path, zone: str, rule: str) -> Path:
    path = tmp_path / "z.sla"
    path.write_text(HEADER.format(zone=zone) + f"maintenance m {{\n  {rule}\n}}\n", "utf-8")
    return path


def _events(ics: bytes) -> list[tuple[dt.datetime, dt.datetime]]:
    cal = Calendar.from_ical(ics)
    return [(ev.decoded("dtstart"), ev.decoded("dtend")) for ev in cal.walk("VEVENT")]


def _feed(policy: Path, start: str, end: str) -> bytes:
    code, out, err = sla("maintenance", policy, "--from", start, "--to", end, "--format", "ics", "--lang", "en")
    assert code == 0, err
    return out.encode("utf-8")


@pytest.mark.parametrize(
    ("zone", "rule", "day", "length"),
    [
        ("America/New_York", "every year on 11-01, 00:30-01:30", "2026-11-01", dt.timedelta(hours=1)),
        ("Australia/Lord_Howe", "every year on 04-05, 01:30-01:45", "2026-04-05", dt.timedelta(minutes=15)),
    ],
)
def test_a_window_ending_in_the_repeated_hour_keeps_its_length(
    tmp_path: Path, zone: str, rule: str, day: str, length: dt.timedelta
) -> None:
    policy = _policy(tmp_path, zone, rule)
    nxt = (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
    windows = load_policies([str(policy)])[0].maintenance_windows(
        dt.date.fromisoformat(day), dt.date.fromisoformat(nxt)
    )
    assert [w.end.astimezone(dt.UTC) - w.start.astimezone(dt.UTC) for w in windows] == [length]
    ics = _feed(policy, day, nxt)
    [(start, end)] = _events(ics)
    assert end.astimezone(dt.UTC) - start.astimezone(dt.UTC) == length
    assert (start.timestamp(), end.timestamp()) == (windows[0].start.timestamp(), windows[0].end.timestamp())
    assert b"DTSTART;TZID=" in ics  # (a time shown once stays on the wall clock)


def test_other_windows_stay_on_the_wall_clock(tmp_path: Path) -> None:
    policy = _policy(tmp_path, "America/New_York", "every week on sun, 00:30-01:30")
    ics = _feed(policy, "2026-10-25", "2026-11-09")
    assert b"DTEND;TZID=America/New_York:20261025T013000" in ics
    assert b"DTEND;TZID=America/New_York:20261101T013000" in ics  # the first 01:30 of 1 Nov
    assert b"DTEND;TZID=America/New_York:20261108T013000" in ics
    hour = dt.timedelta(hours=1)
    assert [e.timestamp() - s.timestamp() for s, e in _events(ics)] == [x.total_seconds() for x in (hour, hour, hour)]


def test_a_start_at_the_second_occurrence_is_written_in_utc(tmp_path: Path) -> None:
    # (the language opens a window at a repeated time's first occurrence; a window from another zone's
    # clock, or from the API, may still start at the second)
    tz = ZoneInfo("America/New_York")
    policy = load_policies([str(_policy(tmp_path, "America/New_York", "every year on 11-01, 00:30-01:30"))])[0]
    start = dt.datetime(2026, 11, 1, 1, 40, fold=1, tzinfo=tz)  # 01:40 EST, 06:40 UTC
    end = dt.datetime(2026, 11, 1, 2, 10, tzinfo=tz)
    day = dt.date(2026, 11, 1)
    ics = maintenance_ics(policy, [Window(start=start, end=end, name="m", scheduled=day, day=day)], "en", start)
    assert b"DTSTART:20261101T064000Z" in ics
    assert b"DTEND;TZID=America/New_York:20261101T021000" in ics
    [(s, e)] = _events(ics)
    assert e.astimezone(dt.UTC) - s.astimezone(dt.UTC) == dt.timedelta(minutes=30)
