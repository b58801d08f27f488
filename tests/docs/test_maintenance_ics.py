"""``sla maintenance --format ics``: the windows as an iCalendar feed (the writer of the site's maintenance.ics)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from zoneinfo import ZoneInfo

from icalendar import Calendar

from .conftest import ROOT

POLICY = str(ROOT / "policies/clicksoko.sla")
TOKYO = ZoneInfo("Asia/Tokyo")


def _ics(*args: str) -> subprocess.CompletedProcess[bytes]:
    cmd = [sys.executable, "-m", "sla_dsl.cli", "maintenance", POLICY, *args]
    return subprocess.run(cmd, capture_output=True, timeout=120)


def test_ics_feed_of_a_year_with_a_moved_window() -> None:
    proc = _ics("--from", "2027-04-01", "--to", "2028-04-01", "--format", "ics")
    assert proc.returncode == 0, proc.stderr
    feed = Calendar.from_ical(proc.stdout)
    events = list(feed.walk("VEVENT"))
    assert len(events) == 12
    starts = [e.decoded("dtstart") for e in events]
    # 4th Thursday 22:00-24:00 Tokyo; 2027-09-23 is Autumnal Equinox Day, so that window is on Fri 09-24
    assert starts[0] == dt.datetime(2027, 4, 22, 22, 0, tzinfo=TOKYO)
    moved = next(e for e in events if e.decoded("dtstart").date() == dt.date(2027, 9, 24))
    assert moved.decoded("dtend") == dt.datetime(2027, 9, 25, 0, 0, tzinfo=TOKYO)
    assert str(moved["description"]) == "2027年9月23日(木)（秋分の日）から延期"  # (the day as the reports write it)
    assert str(moved["uid"]) == "regular-2027-09-23@click-so-ko.sla-dsl"  # the scheduled day: stable when moved
    assert str(events[0]["summary"]) == "定期メンテナンス停止"
    assert b"BEGIN:VTIMEZONE" in proc.stdout and b"TZID:Asia/Tokyo" in proc.stdout
    assert proc.stdout.endswith(b"\r\n") and b"\r\n " not in proc.stdout.split(b"BEGIN:VEVENT")[0]


def test_ics_is_reproducible_and_speaks_english_on_request() -> None:
    args = ("--from", "2027-09-01", "--to", "2027-10-01", "--format", "ics")
    first, second = _ics(*args), _ics(*args)
    assert first.stdout == second.stdout  # DTSTAMP is --from, never the clock
    en = Calendar.from_ical(_ics(*args, "--lang", "en").stdout)
    (event,) = en.walk("VEVENT")
    assert str(event["summary"]) == "Regular maintenance stop"
    assert str(event["description"]) == "postponed from Thu 23 Sep 2027 (Autumnal Equinox Day)"
