"""Regular-maintenance windows as an iCalendar feed (RFC 5545), for customers to subscribe to.

Design notes
------------
* Written with the ``icalendar`` library (a well-kept RFC 5545 implementation)
  rather than by hand: folding of long lines and escaping of ``,;\\`` in text
  are its job.
* The ``VTIMEZONE`` of the policy's zone is worked out here (:func:`vtimezone`),
  from the zone's own changes of clock (:func:`transitions`, found on
  ``zoneinfo``'s clock), and written with the library's components. The
  library's (``Calendar.add_missing_timezones``, icalendar 7.3) wrote each
  onset on the wall clock after it: London's summer time began at
  ``20260329T020000`` with ``TZOFFSETFROM:+0000``, which RFC 5545 (3.6.5) reads
  as 02:00 GMT, an hour late (01:00 GMT), so a program that follows the feed's
  zone (Outlook) ended a window at 02:30 that night an hour late. Each onset is
  now on the wall clock of the offset before it (``20260329T010000``; its end,
  ``20261025T020000`` in ``+0100``). The zone covers the feed's windows, from
  January of the year before the first to January two years after the last
  (the engine's years run to 2200), and carries no comment.
* A feed with no window (a range without one, a policy without maintenance) is
  still an iCalendar object: RFC 5545 (3.6) wants at least one component in a
  calendar, and a ``VTIMEZONE`` is one (``timezonec``). Such a feed holds the
  ``VTIMEZONE`` of the policy's zone over the years around the reference
  instant, and a program subscribed to it shows no window rather than
  refusing it.
* Streamed, :data:`BATCH` windows at a time (:func:`write_maintenance_ics`;
  ``sla maintenance --format ics`` writes to stdout as it goes): the library's
  object per window and whole calendar in memory took 11 CPU seconds and 680 MB
  for ten years of 160 weekly windows. The library writes the header and the
  ``VTIMEZONE`` (:func:`_head`); a window's ``VEVENT`` is put together from the
  library's own lines (:class:`_Lines`): those every window shares (its label's
  ``SUMMARY``, ``DTSTAMP``, ``TRANSP``) and the form of a time in each zone made
  by the library once, ``TEXT`` escaped by its ``vText``, a long line folded by
  its ``Contentline``, in the order it writes an event's properties. The bytes
  are the library's writing one event per window
  (``tests/report/test_ical_streamed.py`` compares them on random feeds).
* One ``VEVENT`` per window, in the policy's zone (``DTSTART;TZID=Asia/Tokyo``)
  so calendar programs show wall times as the SLA states them. A start or end
  at the second occurrence of a time the clock shows twice (the hour repeated
  when it goes back: New York's second 01:30 on 1 Nov 2026) is written in UTC
  (``DTEND:20261101T063000Z``) instead: RFC 5545 (3.3.5) reads a repeated local
  time as its first occurrence, which would end a window an hour early. The
  ``UID`` is the maintenance rule and the scheduled date, so a window that a
  holiday moves keeps its identity and a calendar program updates it in place,
  at a domain of the policy (:func:`uid_domain`): ASCII, the same at every run,
  and never one two policies share. A name of plain Latin words (``Click So-ko``,
  letters and digits, a space or a hyphen between them) gives the address the
  site gives it (``click-so-ko.sla-dsl``, as before); any other name (``クリック倉庫``,
  ``Click So-ko!``) that address, else its English title's, else ``policy``,
  followed by a short hash of the name itself (``click-so-ko-89013198.sla-dsl``):
  a UID was once the name's own characters (``@クリック倉庫.sla-dsl``), and two
  names that differ by punctuation gave one.
* ``DTSTAMP`` is the reference instant passed in (the site's build date, or
  ``--from``), never the clock, so the same inputs give the same bytes.
* The summary is the maintenance rule's label in the chosen language; a moved
  window says from which day and why in its description, the day written as
  the reports write a date, with its year (``2026年11月3日(火)（文化の日）から延期``,
  ``postponed from Tue 3 Nov 2026 (Culture Day)``).
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
import hashlib
import io
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import IO, TYPE_CHECKING, TypeAlias

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard
from icalendar.parser import Contentline
from icalendar.prop import vText

from ..errors import printable
from ..i18n import format_date, message

if TYPE_CHECKING:
    from ..calendars.recurrence import Window
    from ..policy.compiled import Policy

__all__ = ["maintenance_ics", "text", "transitions", "uid_domain", "vtimezone", "write_maintenance_ics"]


def _moved(w: Window, lang: str) -> str:
    """A moved window's ``DESCRIPTION``: from which day and why, the day written as the reports write one
    (:func:`~sla_dsl.i18n.format_date`, ``2026年11月3日(火)`` / ``Tue 3 Nov 2026``), with its year: a
    calendar entry is read on its own."""
    reason = (w.reason_ja if lang == "ja" else w.reason) or ""
    key = "site.postponed" if w.day > w.scheduled else "site.brought_forward"
    return message(key, lang, d=format_date(w.scheduled, lang), r=reason)


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
    out = io.BytesIO()
    write_maintenance_ics(policy, windows, lang, stamp, out)
    return out.getvalue()


#: the windows written to the stream at a time
BATCH = 512


def write_maintenance_ics(
    policy: Policy, windows: Sequence[Window], lang: str, stamp: dt.datetime, out: IO[bytes]
) -> None:
    """Write the bytes :func:`maintenance_ics` returns to ``out``, :data:`BATCH` windows at a time: the
    header and ``VTIMEZONE`` as the library writes them (:func:`_head`), then one ``VEVENT`` per window
    from the library's own lines (:class:`_Lines`)."""
    labels = {mt.name: mt.label.text(lang) or mt.name for mt in policy.model.maintenance}
    title = policy.model.header.title.text(lang) or policy.name
    name = f"{policy.name}: {', '.join(dict.fromkeys(labels.values()))}" if labels else title
    tz = policy.tz
    out.write(_head(policy, windows, name, stamp))
    lines = _Lines(stamp)
    domain = uid_domain(policy)
    batch: list[str] = []
    for k, w in enumerate(windows, 1):
        batch += (
            "BEGIN:VEVENT\r\n",  # (the library's order: its canonical properties, then the rest by name)
            lines.summary(labels.get(w.name, w.name)),
            lines.moment("DTSTART", _moment(w.start, tz)),
            lines.moment("DTEND", _moment(w.end, tz)),
            lines.stamp,
            lines.text("UID", f"{w.name}-{w.scheduled.isoformat()}@{domain}"),
        )
        if w.moved:
            batch.append(lines.text("DESCRIPTION", _moved(w, lang)))
        batch += (lines.transp, "END:VEVENT\r\n")
        if k % BATCH == 0:
            out.write("".join(batch).encode())
            batch.clear()
    batch.append(_END)
    out.write("".join(batch).encode())


_END = "END:VCALENDAR\r\n"

#: A policy name of plain Latin words: its address alone names it (:func:`uid_domain`).
_PLAIN = re.compile(r"[A-Za-z0-9]+(?:[ -][A-Za-z0-9]+)*")
_LATIN = re.compile(r"[A-Za-z]")


def _slug(text: str) -> str:
    """``text`` as the site's address of a policy (``Click So-ko`` -> ``click-so-ko``): small Latin letters and
    digits, a hyphen for anything between them."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def uid_domain(policy: Policy) -> str:
    """The domain of the UIDs of ``policy``'s windows (``click-so-ko.sla-dsl``): ASCII, the same at every run,
    and of no other policy. A name of plain Latin words is its address, as the site makes it; any other name
    that address, or its English title's, or ``policy``, with a hash of the name itself (see the notes)."""
    name = policy.name
    if _PLAIN.fullmatch(name):
        return f"{_slug(name)}.sla-dsl"
    english = policy.model.header.title.en or ""
    base = _slug(name) if _LATIN.search(name) else _slug(english) if _LATIN.search(english) else ""
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    return f"{base[:40].rstrip('-') or 'policy'}-{digest}.sla-dsl"


def _head(policy: Policy, windows: Sequence[Window], name: str, stamp: dt.datetime) -> bytes:
    """The document up to its first ``VEVENT``, written by the library: the calendar's properties and the
    ``VTIMEZONE`` of the zone (:func:`vtimezone`) when a window's start or end is written on its wall clock
    (the ``TZID`` the library gives such an instant, learnt from one event holding it), or when there is
    no window (RFC 5545 wants a component in every calendar; see the module's notes)."""
    tz = policy.tz
    cal = Calendar()
    cal.add("prodid", "-//sla-dsl//maintenance//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", text(name))
    cal.add("x-wr-timezone", tz.key)
    if not windows:
        cal.add_component(vtimezone(tz, tz.key, stamp.astimezone(tz).year, stamp.astimezone(tz).year))
    local = next((m for w in windows for m in (_moment(w.start, tz), _moment(w.end, tz)) if m.tzinfo is tz), None)
    if local is not None:
        probe = Event()
        probe.add("dtstart", local)
        cal.add_component(probe)
        used = sorted(cal.get_used_tzids())  # (none for UTC, which the library writes as such: ``...Z``)
        cal.subcomponents.remove(probe)
        first = min(w.start.astimezone(tz) for w in windows).year
        last = max(w.end.astimezone(tz) for w in windows).year
        for tzid in used:
            cal.add_component(vtimezone(tz, tzid, first, last))
    head = bytes(cal.to_ical())
    assert head.endswith(_END.encode())
    return head[: -len(_END)]


#: The longest step taken over the zone's clock while looking for its changes. Since 1900 no zone in the
#: tz database has changed twice within two days (the shortest interval between two of its transitions
#: is longer), so a step of a day passes over none.
_STEP = 86_400

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)

#: A zone's clock at an instant: its offset from UTC, its offset for summer time and its name.
_Clock: TypeAlias = tuple[dt.timedelta, dt.timedelta, str]


def _clock(tz: dt.tzinfo, seconds: int) -> _Clock:
    local = (_EPOCH + dt.timedelta(seconds=seconds)).astimezone(tz)
    return local.utcoffset() or dt.timedelta(), local.dst() or dt.timedelta(), local.tzname() or ""


@lru_cache(maxsize=64)
def transitions(tz: dt.tzinfo, start: dt.datetime, end: dt.datetime) -> tuple[tuple[int, _Clock, _Clock], ...]:
    """Each change of ``tz``'s clock in [start, end) (aware instants): its instant (seconds since the epoch,
    the first second of the new clock) and the clock before and after it, in order. Found by stepping
    :data:`_STEP` over the instants and halving the step where the clock differs at its two ends."""
    found: list[tuple[int, _Clock, _Clock]] = []
    at, stop = int((start - _EPOCH).total_seconds()), int((end - _EPOCH).total_seconds())
    clock = _clock(tz, at)
    while at < stop:
        ahead = min(at + _STEP, stop)
        if _clock(tz, ahead) == clock:
            at = ahead
            continue
        low, high = at, ahead  # the clock at low is `clock`, at high another one
        while high - low > 1:
            mid = (low + high) // 2
            low, high = (mid, high) if _clock(tz, mid) == clock else (low, mid)
        after = _clock(tz, high)
        found.append((high, clock, after))
        at, clock = high, after
    return tuple(found)


def vtimezone(tz: dt.tzinfo, tzid: str, first: int, last: int) -> Timezone:
    """The ``VTIMEZONE`` of ``tz`` (named ``tzid``) from 1 January of the year before ``first`` to
    1 January two years after ``last``: one observance (``STANDARD``, or ``DAYLIGHT`` for a clock with
    summer time) for the clock at the start of that range, then one per kind of change of the clock in it
    (the offsets it goes from and to, the clock's name and whether it is summer time), whose ``DTSTART``
    is the first such change and ``RDATE`` the others. Each onset is written on the wall clock of the
    offset in force before it (``TZOFFSETFROM``), as RFC 5545 (3.6.5) reads it: London's summer time
    begins at ``20260329T010000`` (01:00 GMT) and ends at ``20261025T020000`` (02:00 BST)."""
    start = dt.datetime(first - 1, 1, 1, tzinfo=tz).astimezone(dt.UTC)
    end = dt.datetime(last + 2, 1, 1, tzinfo=tz).astimezone(dt.UTC)
    begin = int((start - _EPOCH).total_seconds())
    offset, summer, name = _clock(tz, begin)
    onsets: dict[tuple[dt.timedelta, dt.timedelta, str, bool], list[dt.datetime]] = {
        (offset, offset, name, bool(summer)): [_wall(begin, offset)]
    }
    for at, before, after in transitions(tz, start, end):
        key = (before[0], after[0], after[2], bool(after[1]))
        onsets.setdefault(key, []).append(_wall(at, before[0]))
    zone = Timezone()
    zone.add("tzid", tzid)
    for (offset_from, offset_to, name, summer_time), walls in onsets.items():
        observance = TimezoneDaylight() if summer_time else TimezoneStandard()
        observance.add("dtstart", walls[0])
        if walls[1:]:
            observance.add("rdate", walls[1:])
        observance.add("tzname", name or _offset_name(offset_to))
        observance.add("tzoffsetfrom", offset_from)
        observance.add("tzoffsetto", offset_to)
        zone.add_component(observance)
    return zone


def _wall(seconds: int, offset: dt.timedelta) -> dt.datetime:
    """The instant ``seconds`` on the wall clock of ``offset`` (a floating time, as an onset is written)."""
    return (_EPOCH + dt.timedelta(seconds=seconds) + offset).replace(tzinfo=None)


def _offset_name(offset: dt.timedelta) -> str:
    """The name of a clock the zone gives none: its offset, ``+0930``."""
    minutes = int(offset.total_seconds()) // 60
    return f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02}{abs(minutes) % 60:02}"


class _Lines:
    """The lines of a window's ``VEVENT`` (folded, CRLF-ended), each as the library writes it: the lines
    every window shares (its label's ``SUMMARY``, ``DTSTAMP``, ``TRANSP``) and the form of a time in each
    zone made by the library once, a ``TEXT`` value escaped by the library's ``vText``, a line longer
    than RFC 5545's 75 octets folded by its ``Contentline``."""

    #: the instant the library writes in place of a time, to learn its form in a zone
    PROBE = "20000101T000000"

    def __init__(self, stamp: dt.datetime) -> None:
        self.stamp = _folded(_library("dtstamp", stamp.astimezone(dt.UTC)))
        self.transp = _folded(_library("transp", "OPAQUE"))
        self._summaries: dict[str, str] = {}
        #: per property and zone, the line's text before and after the time
        self._forms: dict[tuple[str, dt.tzinfo | None], tuple[str, str]] = {}

    def summary(self, label: str) -> str:
        line = self._summaries.get(label)
        if line is None:
            line = self._summaries[label] = _folded(_library("summary", text(label)))
        return line

    def moment(self, name: str, t: dt.datetime) -> str:
        form = self._forms.get((name, t.tzinfo))
        if form is None:
            probe = _library(name.lower(), dt.datetime(2000, 1, 1, tzinfo=t.tzinfo))
            before, after = probe.split(self.PROBE)
            form = self._forms[name, t.tzinfo] = (before, after)
        return _folded(f"{form[0]}{t.year:04}{t.month:02}{t.day:02}T{t.hour:02}{t.minute:02}{t.second:02}{form[1]}")

    @staticmethod
    def text(name: str, value: str) -> str:
        return _folded(f"{name}:{text(value).to_ical().decode()}")


def _library(name: str, value: object) -> str:
    """The content line of one property holding ``value`` as the library writes it, unfolded."""
    event = Event()
    event.add(name, value)
    return str(event.content_lines()[1])  # (after BEGIN:VEVENT)


def _folded(line: str) -> str:
    """``line`` folded as the library folds a content line (lines under 75 octets as they are), with its CRLF."""
    if len(line.encode()) < 75:
        return line + "\r\n"
    folded = Contentline(line).to_ical()  # type: ignore[no-untyped-call]  # (the library's folding, untyped)
    return bytes(folded).decode() + "\r\n"
