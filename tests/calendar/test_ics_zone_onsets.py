"""The iCalendar feed's ``VTIMEZONE`` puts each change of clock at its instant, as RFC 5545 reads it.

RFC 5545 (3.6.5) reads an observance's ``DTSTART`` and ``RDATE`` on the wall clock of its
``TZOFFSETFROM``: the offset in force before the change (the RFC's New York example:
``DTSTART:19870405T020000`` with ``TZOFFSETFROM:-0500``). The feed's ``VTIMEZONE``, made by the
``icalendar`` library, wrote the start of summer time on the wall clock after it: London's
``DTSTART:20250330T020000`` / ``RDATE:20260329T020000`` with ``TZOFFSETFROM:+0000`` is 02:00 GMT, an
hour after the change (01:00 GMT), New York's ``T030000`` in ``-0500`` an hour after 02:00 EST. A
program that follows the feed's own zone (Outlook) put the end of QA's Saturday-night window, 02:30 BST
on 29 March 2026, at 02:30 GMT. The onsets are now written in ``TZOFFSETFROM``.

The reader here follows only the feed's ``VTIMEZONE``: each observance's onsets (``DTSTART``, ``RDATE``,
``RRULE``) on the wall clock of its ``TZOFFSETFROM``, an instant's offset that of the latest onset at
or before it; a wall time is the instant whose offset gives it, the first of two (RFC 5545 3.3.5), in a
gap the offset before it.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import io
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar
from icalendar.cal.component import Component

from sla_dsl.cli import main

UTC = dt.UTC

#: QA's policy, the zone left open, with windows on Sunday nights around each change of clock
POLICY = """sla "Ldn" {{
  format 1
  version "1"
  effective 2026-01-01
  timezone {zone}
  languages en
}}
calendar business "Business" {{
  days mon..fri
  hours 09:00-17:00
}}
maintenance night "Saturday night" {{
  every week on sat, 23:00-02:30
  calendar business
  notice none
}}
maintenance early "Sunday early" {{
  every week on sun, 00:30-03:30
  notice none
}}
maintenance gap "Sunday short" {{
  every week on sun, 01:30-02:15
  notice none
}}
maintenance late "Sunday late" {{
  every week on sun, 02:30-04:00
  notice none
}}
"""

#: the brief's zones (a southern one, one without summer time) and two odd ones: Dublin's summer time is
#: its standard time in the tz database (winter is the negative change), Lord Howe changes by half an hour
ZONES = [
    "America/New_York",
    "Europe/London",
    "Australia/Sydney",
    "Asia/Tokyo",
    "Europe/Dublin",
    "Australia/Lord_Howe",
]


def _sla(tmp_path: Path, zone: str, *args: str) -> str:
    """``sla maintenance`` of the policy in ``zone``, run in this process: its stdout."""
    policy = tmp_path / "policy.sla"
    policy.write_text(POLICY.format(zone=zone), "utf-8")
    raw = io.BytesIO()
    out, err = io.TextIOWrapper(raw, encoding="utf-8", write_through=True), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["maintenance", str(policy), *args])
    out.flush()
    assert (code, err.getvalue()) == (0, "")
    return raw.getvalue().decode("utf-8")


class ZoneReader:
    """A ``VTIMEZONE`` as RFC 5545 reads it, and nothing else: no zone database."""

    def __init__(self, zone: Component, until: dt.datetime) -> None:
        self.tzid = str(zone["TZID"])
        onsets: list[tuple[dt.datetime, dt.timedelta, dt.timedelta, str, bool]] = []
        for obs in zone.subcomponents:
            assert obs.name in ("STANDARD", "DAYLIGHT")
            before, after = obs.decoded("TZOFFSETFROM"), obs.decoded("TZOFFSETTO")
            first = obs.decoded("DTSTART")
            assert isinstance(first, dt.datetime) and first.tzinfo is None  # (a local time, RFC 5545)
            walls = [first]
            rdates = obs.get("RDATE", [])
            for rdate in rdates if isinstance(rdates, list) else [rdates]:
                walls += [d.dt for d in rdate.dts]
            if "RRULE" in obs:
                rule = rrulestr(obs["RRULE"].to_ical().decode(), dtstart=first, ignoretz=True)
                walls += list(rule.between(first, until.replace(tzinfo=None), inc=True))
            for wall in walls:  # on the clock of TZOFFSETFROM
                onsets.append(
                    ((wall - before).replace(tzinfo=UTC), before, after, str(obs["TZNAME"]), obs.name == "DAYLIGHT")
                )
        onsets.sort()
        self.onsets = onsets
        self.instants = [o[0] for o in onsets]

    def offset(self, instant: dt.datetime) -> dt.timedelta:
        """The offset at ``instant``: that of the latest onset at or before it."""
        k = bisect.bisect_right(self.instants, instant) - 1
        assert k >= 0, f"{instant} is before the zone's first onset"
        return self.onsets[k][2]

    def instant(self, wall: dt.datetime) -> dt.datetime:
        """The instant of a local time: the first whose offset gives it; in a gap, by the offset before it."""
        offsets = sorted({o[2] for o in self.onsets}, reverse=True)  # (a larger offset: an earlier instant)
        for off in offsets:
            t = (wall - off).replace(tzinfo=UTC)
            if self.offset(t) == off:
                return t
        k = bisect.bisect_right(self.instants, (wall - offsets[-1]).replace(tzinfo=UTC)) - 1
        return (wall - self.onsets[k][1]).replace(tzinfo=UTC)


def _moments(feed: str) -> list[tuple[dt.datetime, dt.datetime]]:
    """Each window's start and end as a reader of the feed alone places them (UTC)."""
    cal = Calendar.from_ical(feed)
    zones = {str(z["TZID"]): ZoneReader(z, dt.datetime(2031, 1, 1, tzinfo=UTC)) for z in cal.walk("VTIMEZONE")}

    def at(event: Component, name: str) -> dt.datetime:
        prop = event[name]
        value = prop.dt
        if "TZID" in prop.params:
            return zones[prop.params["TZID"]].instant(value.replace(tzinfo=None))
        assert value.tzinfo is not None and value.utcoffset() == dt.timedelta(), prop.to_ical()  # (...Z)
        return value.astimezone(UTC)

    return [(at(ev, "DTSTART"), at(ev, "DTEND")) for ev in cal.walk("VEVENT")]


def _text_moments(text: str) -> list[tuple[dt.datetime, dt.datetime]]:
    out = []
    for line in text.splitlines():
        start, end = line.split("/")
        out.append((dt.datetime.fromisoformat(start).astimezone(UTC), dt.datetime.fromisoformat(end).astimezone(UTC)))
    return out


@pytest.mark.parametrize("zone", ZONES)
def test_a_reader_of_the_feeds_zone_alone_places_every_window_as_the_text_does(tmp_path: Path, zone: str) -> None:
    span = ("--from", "2026-01-01", "--to", "2028-01-01")
    text = _text_moments(_sla(tmp_path, zone, *span))
    feed = _sla(tmp_path, zone, *span, "--format", "ics", "--lang", "en")
    assert len(text) == 4 * 104  # (2026 and 2027: 104 Saturdays, 104 Sundays)
    assert _moments(feed) == text


def test_qas_saturday_night_window_ends_at_0130_utc(tmp_path: Path) -> None:
    span = ("--from", "2026-03-28", "--to", "2026-03-29")
    feed = _sla(tmp_path, "Europe/London", *span, "--format", "ics")
    assert "DTEND;TZID=Europe/London:20260329T023000" in feed
    assert _moments(feed)[0] == (dt.datetime(2026, 3, 28, 23, tzinfo=UTC), dt.datetime(2026, 3, 29, 1, 30, tzinfo=UTC))
    assert "RDATE:20260329T010000,20270328T010000" in feed  # (01:00 GMT, as RFC 5545's example writes it)


def _zoneinfo_changes(zone: str, start: dt.datetime, end: dt.datetime) -> list[tuple[dt.datetime, dt.timedelta]]:
    """Each change of ``zone``'s clock in [start, end) by ``zoneinfo``: the first quarter-hour of the new
    clock (every change of these zones falls on one) and its offset."""
    tz, out = ZoneInfo(zone), []
    t = start
    last = t.astimezone(tz).utcoffset()
    while t < end:
        off = t.astimezone(tz).utcoffset()
        if off != last:
            assert off is not None
            out.append((t, off))
            last = off
        t += dt.timedelta(minutes=15)
    return out


@pytest.mark.parametrize("zone", ZONES)
def test_the_feeds_zone_changes_when_zoneinfo_does(tmp_path: Path, zone: str) -> None:
    feed = _sla(tmp_path, zone, "--from", "2026-01-01", "--to", "2028-01-01", "--format", "ics", "--lang", "en")
    [vtimezone] = Calendar.from_ical(feed).walk("VTIMEZONE")
    reader = ZoneReader(vtimezone, dt.datetime(2031, 1, 1, tzinfo=UTC))
    assert reader.tzid == zone
    tz = ZoneInfo(zone)
    start = reader.instants[0]  # (the zone's range: 1 January of the year before the first window)
    assert start == dt.datetime(2025, 1, 1, tzinfo=tz).astimezone(UTC)
    end = dt.datetime(2029, 1, 1, tzinfo=tz).astimezone(UTC)  # (... to two years after the last one's)
    assert reader.onsets[0][1] == reader.onsets[0][2] == start.astimezone(tz).utcoffset()
    changes = [(o[0], o[2]) for o in reader.onsets[1:]]
    assert changes == _zoneinfo_changes(zone, start, end)
    assert (zone == "Asia/Tokyo") == (changes == [])
    for at, before, after, name, daylight in reader.onsets:  # each clock named and kinded as zoneinfo has it
        local = at.astimezone(tz)
        assert (local.utcoffset(), local.tzname(), daylight) == (after, name, local.dst() != dt.timedelta())
        assert at == reader.onsets[0][0] or (at - dt.timedelta(seconds=1)).astimezone(tz).utcoffset() == before
