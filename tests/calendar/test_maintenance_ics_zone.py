"""The iCalendar feed's ``VTIMEZONE`` covers its windows, whatever their years, and says nothing in English.

The feed's ``VTIMEZONE`` was made with the ``icalendar`` library's default range, 1970 to 2038, while
the engine's years run from 1900 to 2200: for a window in 2040 it stopped at 25 October 2037, and a
client that follows it (as it must, RFC 5545) put Dublin's summer window of 29 July 2040 00:30 (IST,
UTC+1) an hour late; a window before 1970 was as wrong. It also carried the library's
``COMMENT:This timezone only works from 1970-01-01 to 2038-01-01.``, in English under ``--lang ja``.
The zone now covers the feed's windows with a year's margin either side, and has no comment.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

ROOT = Path(__file__).resolve().parents[2]
DUBLIN = ZoneInfo("Europe/Dublin")

#: QA's Dublin desk: a window on the last Sunday of each month at 00:30-01:30, kept on that day
POLICY = """sla "Dublin Desk" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Europe/Dublin
  languages en
}
calendar business "Business" {
  hours mon..fri 09:00-17:30
  holidays IE
}
calendar always "Always" {
  days mon..sun
  hours 00:00-24:00
}
maintenance m "Spring window" {
  every month on last sun, 00:30-01:30
  if not a business day: keep
  calendar always
  notice none
}
service app "App" {
  hours always except maintenance
  availability target 99.9%
}
priority P1 "P1" {
  respond within 8 business hours
}
"""


def _feed(tmp_path: Path, start: str, end: str, lang: str = "ja") -> bytes:
    policy = tmp_path / "dublin.sla"
    policy.write_text(POLICY, "utf-8")
    argv = [sys.executable, "-m", "sla_dsl.cli", "maintenance", str(policy), "--from", start, "--to", end]
    proc = subprocess.run([*argv, "--format", "ics", "--lang", lang], cwd=ROOT, capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def _offsets_by_the_feeds_zone(feed: bytes) -> list[tuple[dt.datetime, dt.timedelta | None]]:
    """Each window's wall-clock start, and its offset as a client reads it from the feed's own VTIMEZONE."""
    cal = Calendar.from_ical(feed)
    [zone] = cal.walk("VTIMEZONE")
    tz = zone.to_tz(lookup_tzid=False)  # the VTIMEZONE as written, not the client's own copy of the zone
    out = []
    for event in cal.walk("VEVENT"):
        wall = event.decoded("dtstart").replace(tzinfo=None)
        out.append((wall, wall.replace(tzinfo=tz).utcoffset()))
    return out


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # QA's case: Irish summer time in 2040, after the library's 2038
        ("2040-07-01", "2040-08-01", [(dt.datetime(2040, 7, 29, 0, 30), dt.timedelta(hours=1))]),
        # a winter and a summer window before 1970
        ("1960-01-01", "1960-02-01", [(dt.datetime(1960, 1, 31, 0, 30), dt.timedelta(0))]),
        ("1960-07-01", "1960-08-01", [(dt.datetime(1960, 7, 31, 0, 30), dt.timedelta(hours=1))]),
        # near the end of the supported years
        ("2199-07-01", "2199-08-01", [(dt.datetime(2199, 7, 28, 0, 30), dt.timedelta(hours=1))]),
    ],
)
def test_a_client_following_the_feeds_zone_places_each_window_right(
    tmp_path: Path, start: str, end: str, expected: list[tuple[dt.datetime, dt.timedelta]]
) -> None:
    assert _offsets_by_the_feeds_zone(_feed(tmp_path, start, end)) == expected


def test_a_feed_over_many_years_has_every_window_at_its_offset(tmp_path: Path) -> None:
    feed = _feed(tmp_path, "2035-01-01", "2045-01-01")
    found = _offsets_by_the_feeds_zone(feed)
    assert len(found) == 120
    for wall, offset in found:  # as the engine's zone has it (October's window, before 02:00, still in summer)
        assert offset == wall.replace(tzinfo=DUBLIN).utcoffset() == dt.timedelta(hours=wall.month in range(4, 11))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_feeds_zone_carries_no_english_comment(tmp_path: Path, lang: str) -> None:
    feed = _feed(tmp_path, "2040-07-01", "2040-08-01", lang)
    assert b"COMMENT" not in feed and b"only works" not in feed
    assert b"BEGIN:VTIMEZONE" in feed and b"TZID:Europe/Dublin" in feed


def test_a_feed_without_windows_is_valid(tmp_path: Path) -> None:
    # (RFC 5545 wants a component in a calendar: the zone's, tests/report/test_ical_empty_feed.py)
    feed = _feed(tmp_path, "2040-07-01", "2040-07-02")
    cal = Calendar.from_ical(feed)
    assert list(cal.walk("VEVENT")) == [] and [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == ["Europe/Dublin"]
