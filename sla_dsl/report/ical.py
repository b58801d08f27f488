"""Regular-maintenance windows as an iCalendar feed (RFC 5545), for customers to subscribe to.

Design notes
------------
* Written with the ``icalendar`` library (a well-kept RFC 5545 implementation)
  rather than by hand: folding of long lines, escaping of ``,;\\`` in text and
  the ``VTIMEZONE`` of the policy's zone are its job. That ``VTIMEZONE`` covers
  the feed's windows, from January of the year before the first to January two
  years after the last (the library's default range ends in 2038, and the
  engine's years run to 2200), and carries no comment (the library's is English).
* One ``VEVENT`` per window, in the policy's zone (``DTSTART;TZID=Asia/Tokyo``)
  so calendar programs show wall times as the SLA states them. A start or end
  at the second occurrence of a time the clock shows twice (the hour repeated
  when it goes back: New York's second 01:30 on 1 Nov 2026) is written in UTC
  (``DTEND:20261101T063000Z``) instead: RFC 5545 (3.3.5) reads a repeated local
  time as its first occurrence, which would end a window an hour early. The
  ``UID`` is the maintenance rule and the scheduled date, so a window that a
  holiday moves keeps its identity and a calendar program updates it in place.
* ``DTSTAMP`` is the reference instant passed in (the site's build date, or
  ``--from``), never the clock, so the same inputs give the same bytes.
* The summary is the maintenance rule's label in the chosen language; a moved
  window says from which day and why in its description.
* Every text from the policy (its name, title and labels, a move's reason) is
  written as an RFC 5545 ``TEXT`` value (:func:`text`): ``,``, ``;`` and ``\\``
  escaped, a line break (``\\n`` in the policy) as TEXT's ``\\n``, the calendar's
  name (``X-WR-CALNAME``) as well as the events' texts. TEXT allows no control
  character, so each other one is shown as its escape, as everywhere the project
  shows text from its input (:func:`~sla_dsl.errors.printable`: ``\\x1b``,
  ``\\u202e``), rather than dropped: two labels that differ by one still differ.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from icalendar import Calendar, Event
from icalendar.prop import vText

from ..errors import printable

if TYPE_CHECKING:
    from ..calendars.recurrence import Window
    from ..policy.compiled import Policy

__all__ = ["maintenance_ics", "text"]

_WEEKDAY_JA = "月火水木金土日"
_WEEKDAY_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _day(d: dt.date, lang: str) -> str:
    if lang == "ja":
        return f"{d.year}年{d.month}月{d.day}日（{_WEEKDAY_JA[d.weekday()]}）"
    return f"{_WEEKDAY_EN[d.weekday()]} {d.isoformat()}"


def _moved(w: Window, lang: str) -> str:
    reason = (w.reason_ja if lang == "ja" else w.reason) or ""
    later = w.day > w.scheduled
    if lang == "ja":
        return f"{_day(w.scheduled, lang)}（{reason}）から{'延期' if later else '繰り上げ'}"
    return f"{'postponed' if later else 'brought forward'} from {_day(w.scheduled, lang)} ({reason})"


def text(value: str) -> vText:
    """``value`` (text from the policy) as an RFC 5545 ``TEXT`` value: its line breaks as TEXT's ``\\n``,
    any other control character shown as its escape (``\\x1b``); the library escapes ``,;\\``."""
    return vText("\n".join(printable(line) for line in value.split("\n")))


def _moment(t: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """``t`` as a window's ``DTSTART``/``DTEND`` is written: on the wall clock of ``tz``, unless that wall
    time happens twice and ``t`` is its second occurrence, which RFC 5545 has no local form for (a
    repeated local time is read as the first): then in UTC."""
    local = t.astimezone(tz)
    if local.fold and local.replace(fold=0).utcoffset() != local.utcoffset():
        return t.astimezone(dt.UTC)
    return local


def maintenance_ics(policy: Policy, windows: Sequence[Window], lang: str, stamp: dt.datetime) -> bytes:
    """The ``windows`` of ``policy`` as an iCalendar document (UTF-8 bytes, CRLF lines)."""
    labels = {mt.name: mt.label.text(lang) or mt.name for mt in policy.model.maintenance}
    title = policy.model.header.title.text(lang) or policy.name
    cal = Calendar()
    cal.add("prodid", "-//sla-dsl//maintenance//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", text(f"{policy.name}: {', '.join(dict.fromkeys(labels.values()))}" if labels else title))
    cal.add("x-wr-timezone", policy.tz.key)
    slug = "".join(ch if ch.isalnum() else "-" for ch in policy.name.lower()).strip("-") or "policy"
    for w in windows:
        ev = Event()
        ev.add("uid", f"{w.name}-{w.scheduled.isoformat()}@{slug}.sla-dsl")
        ev.add("dtstamp", stamp.astimezone(dt.UTC))
        ev.add("dtstart", _moment(w.start, policy.tz))
        ev.add("dtend", _moment(w.end, policy.tz))
        ev.add("summary", text(labels.get(w.name, w.name)))
        ev.add("transp", "OPAQUE")
        if w.moved:
            ev.add("description", text(_moved(w, lang)))
        cal.add_component(ev)
    if windows:
        # The zone's rules over the windows' years and one more either side (the library's default, 1970 to
        # 2038, left later windows to a client's guess); without its English note of that range.
        first = min(w.start.astimezone(policy.tz) for w in windows).year - 1
        last = max(w.end.astimezone(policy.tz) for w in windows).year + 2
        cal.add_missing_timezones(dt.date(first, 1, 1), dt.date(last, 1, 1))
        for zone in cal.timezones:
            zone.pop("COMMENT", None)
    return bytes(cal.to_ical())
