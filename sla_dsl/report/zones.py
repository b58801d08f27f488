"""The report's line on its time zone: the zone in words with the offsets in force during the period.

Design notes
------------
* The offsets are those the zone had during the evaluated period, not those of today's rules: São
  Paulo kept summer time until 2019, so November 2018 is ``UTC-3, UTC-2 from Sun 4 Nov``; Apia
  skipped 30 December 2011 going from ``UTC-10`` to ``UTC+14``. A change inside the period is said
  with the day it took effect (in the new offset's local date); a period with one offset says that
  one (London in November: ``UTC+0``, not its summer offset too).
* A zone that keeps one offset all year and kept it through the period is titled as the site titles
  it (:func:`sla_dsl.i18n.places.zone_title`: ``シンガポール標準時（UTC+8）``, ``協定世界時（UTC）``);
  any other by its name (:func:`~sla_dsl.i18n.places.zone_name`) and the period's offsets.
* Offsets are found by sampling the zone once a day through the period and bisecting to the second
  where two samples differ (a year is a few hundred look-ups; ``zoneinfo`` has no list of
  transitions to read).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..i18n import message
from .words import PolicyWords

__all__ = ["offsets_during", "utc_offset", "zone_words"]

_DAY = dt.timedelta(days=1)
_SECOND = dt.timedelta(seconds=1)


def utc_offset(offset: dt.timedelta) -> str:
    """``UTC+9``, ``UTC+5:30``, ``UTC-3:30``, ``UTC+0`` (as :mod:`sla_dsl.i18n.places` writes them)."""
    minutes = int(offset.total_seconds()) // 60
    h, m = divmod(abs(minutes), 60)
    return f"UTC{'-' if minutes < 0 else '+'}{h}" + (f":{m:02d}" if m else "")


def offsets_during(zone: str, start: dt.datetime, end: dt.datetime) -> list[tuple[dt.timedelta, dt.date | None]]:
    """The offsets ``zone`` had from ``start`` to ``end`` (exclusive), in order: the first with None, each
    change with the local date it took effect."""
    tz = ZoneInfo(zone)

    def offset(t: dt.datetime) -> dt.timedelta:
        return t.astimezone(tz).utcoffset() or dt.timedelta()

    t0, t1 = start.astimezone(dt.UTC), end.astimezone(dt.UTC)
    out: list[tuple[dt.timedelta, dt.date | None]] = [(offset(t0), None)]
    a = t0
    last = max(t0, t1 - _SECOND)
    while a < last:
        b = min(a + _DAY, last)
        if offset(b) != offset(a):
            lo, hi = a, b  # offset(lo) is the old one, offset(hi) the new: bisect to the second
            while hi - lo > _SECOND:
                mid = lo + (hi - lo) / 2
                lo, hi = (mid, hi) if offset(mid) == offset(a) else (lo, mid)
            out.append((offset(hi), hi.astimezone(tz).date()))
        a = b
    return out


def zone_words(zone: str, start: dt.datetime, end: dt.datetime, w: PolicyWords) -> str:
    """The zone of a report's period in words with its offsets then: ``サンパウロ時間（UTC-3、11月4日(日)から
    UTC-2）`` / ``São Paulo time (UTC-3, UTC-2 from Sun 4 Nov)``."""
    from ..i18n.places import YEAR, zone_name, zone_title  # (CLDR's names: only for a zone other than Tokyo)

    try:
        during = offsets_during(zone, start, end)
    except ZoneInfoNotFoundError:  # not a zone: a checked policy never has one
        return zone_title(zone, w.lang)
    tz = ZoneInfo(zone)
    year = {dt.datetime(YEAR, month, 1, 12, tzinfo=tz).utcoffset() for month in range(1, 13)}
    if len(during) == 1 and year == {during[0][0]}:  # one offset all year, kept through the period
        return zone_title(zone, w.lang)
    said = [utc_offset(during[0][0])]
    said += [w.m("report.tz_from", offset=utc_offset(off), day=w.d(day)) for off, day in during[1:] if day]
    offsets = w.m("report.tz_sep").join(said)
    name = zone_name(zone, w.lang)
    if name.startswith("UTC"):  # a zone of no place is its offset
        return offsets
    return message("place.zone.titled", w.lang, name=name, offsets=offsets)
