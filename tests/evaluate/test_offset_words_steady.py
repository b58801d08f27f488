"""The offsets said beside a wall time (:func:`offset_if_repeated`, :func:`offset_on_change`) answer at
once in a year their zone keeps one offset: checked here against the plain definitions, a zone look-up
per instant, on random instants of zones that change their clocks (at 02:00, at midnight, by 30 minutes,
twice a year or once), zones that do not (Tokyo, a fixed offset), and the years at the calendar's ends."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from hypothesis import given, settings
from hypothesis import strategies as st

from sla_dsl.i18n import _offset_changes, offset_if_repeated, offset_on_change

ZONES = (
    "Asia/Tokyo",
    "America/New_York",
    "Europe/London",
    "Australia/Lord_Howe",  # (30 minutes)
    "America/Havana",  # (the clocks change at midnight)
    "America/Santiago",  # (at midnight, on the other half of the year)
    "Africa/Casablanca",  # (stopped for Ramadan: two changes a year, some years four)
    "Pacific/Chatham",
    "Asia/Kolkata",
)


def _tz(name: str) -> dt.tzinfo:
    if name.startswith("UTC"):
        return dt.timezone(dt.timedelta(hours=int(name[3:])))
    return zoneinfo.ZoneInfo(name)


def _said(offset: dt.timedelta) -> str:
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f" ({sign}{minutes // 60:02d}:{minutes % 60:02d})"


def repeated_ref(t: dt.datetime) -> str:
    """The plain definition: the wall time read with the other fold shows another offset."""
    offset = t.utcoffset()
    if offset is None or t.replace(fold=1 - t.fold).utcoffset() == offset:
        return ""
    return _said(offset)


def on_change_ref(t: dt.datetime) -> str:
    offset = t.utcoffset()
    if offset is None or t.tzinfo is None:
        return ""
    if not _offset_changes(t.tzinfo, t.date()) and t.replace(fold=1 - t.fold).utcoffset() == offset:
        return ""
    return _said(offset)


@settings(max_examples=3000, deadline=None)
@given(
    zone=st.sampled_from((*ZONES, "UTC+9", "UTC-3")),
    epoch=st.integers(
        int(dt.datetime(1990, 1, 1, tzinfo=dt.UTC).timestamp()), int(dt.datetime(2060, 1, 1, tzinfo=dt.UTC).timestamp())
    ),
    near=st.booleans(),
    fold=st.integers(0, 1),
)
def test_offsets_said_as_the_plain_definitions_say(zone: str, epoch: int, near: bool, fold: int) -> None:
    tz = _tz(zone)
    if near:  # on the hour, as the clocks change
        epoch -= epoch % 3600
    t = dt.datetime.fromtimestamp(epoch, tz).replace(fold=fold)
    assert offset_if_repeated(t) == repeated_ref(t), t
    assert offset_on_change(t) == on_change_ref(t), t


def test_every_ten_minutes_around_the_changes_of_2026() -> None:
    """Exhaustive where it matters: every ten minutes of the days around New York's, London's, Lord Howe's
    and Havana's changes of 2026, both folds."""
    for zone in ("America/New_York", "Europe/London", "Australia/Lord_Howe", "America/Havana"):
        tz = zoneinfo.ZoneInfo(zone)
        for day in range(0, 366):
            noon = dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC) + dt.timedelta(days=day)
            if not any(_offset_changes(tz, (noon + dt.timedelta(days=k)).astimezone(tz).date()) for k in (-1, 0, 1)):
                continue
            for k in range(-24 * 6, 24 * 6):
                for fold in (0, 1):
                    t = (noon + dt.timedelta(minutes=10 * k)).astimezone(tz).replace(fold=fold)
                    assert offset_if_repeated(t) == repeated_ref(t), t
                    assert offset_on_change(t) == on_change_ref(t), t


def test_steady_zones_and_the_calendar_ends() -> None:
    for tz in (zoneinfo.ZoneInfo("Asia/Tokyo"), dt.timezone(dt.timedelta(hours=9)), dt.UTC):
        for t in (
            dt.datetime(1, 1, 1, 12, tzinfo=tz),
            dt.datetime(9999, 12, 31, 12, tzinfo=tz),
            dt.datetime(2026, 6, 1, tzinfo=tz),
        ):
            assert offset_if_repeated(t) == "" and offset_on_change(t) == ""
    # a year Tokyo did change its clocks (1948-1951): the words are the plain definition's there too
    tokyo = zoneinfo.ZoneInfo("Asia/Tokyo")
    t = dt.datetime(1950, 9, 9, 23, 30, tzinfo=tokyo)
    assert offset_on_change(t) == on_change_ref(t)
