"""Instants and business-day walks worded on columns, as an explanation words them one at a time.

Design notes
------------
* :meth:`Rules.stamp` words one instant (``Fri 18 Sep 16:30``, its JSON time, its
  wall-clock microseconds) and :func:`.walk.walk` one span of business days. For
  the explanations of a year's incidents (:mod:`.explain_columns`) the same words
  are computed for arrays of instants: :class:`InstantWords` keeps a table of the
  version's local hours (a year has 8,760), each hour's words without the minutes
  (:meth:`Rules.fmt` of its start) and its wall-clock start; an instant is its
  hour's words plus the minutes. An instant with a fraction of a second, or in an
  hour that is not one plain local hour (a daylight-saving change), is worded by
  :meth:`Rules.stamp` itself. A step's words around the instant (``due ``,
  ``: met``) are given to :meth:`InstantWords.stamps`: the hours' words have one
  width (a zone's hours in one language), so the whole text is written as the
  rows of a byte matrix, not joined string by string.
* :func:`walk_days` lists the walk's steps of many spans as :func:`.walk.walk` lists
  each (its notes say what: the calendar's real open intervals of each of its
  days, clipped to the span, said on the policy's clock). The spans' instants
  are read back from wall-clock microseconds by one offset a day (one by one on
  a day the offset changes); each day's label, closed step and open intervals
  come from the reference's :class:`.walk.Walker`; the intervals are clipped on
  arrays, and their times worded by the same tables of UTC hours
  (:class:`.walk.Zone`: offset, words of a repeated hour) and of ``HH:MM`` and
  durations (``fmt_minutes``). A span that starts before a day opens, or ends
  after it closes, crosses that day whole: the same words, made once per day;
  the other clipped days are worded once per distinct (day, clip). A span that
  ends before it starts has no steps.
* :meth:`InstantWords.json` gives the JSON text of instants as the streamed JSON
  report has them (:meth:`Rules.stamp` with ``as_json``), quotes and all: the hour's
  text up to the minutes and its offset from the same table (when the table's texts
  each have one width, the usual case, as rows of a byte matrix copied by
  ``numpy.take``), an odd instant written by ``orjson`` from its datetime, as the
  reference writes it. :func:`json_times` marks such columns
  :data:`~sla_dsl.report.json_columns.JSON_TEXT`: the JSON writer copies them as
  they are.
* ``tests/report/test_step_columns.py`` holds both to the reference on random logs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NamedTuple, cast

import numpy as np
import orjson
import pyarrow as pa
import pyarrow.compute as pc
from numpy.typing import NDArray

from ..report.json_columns import JSON_TEXT
from .common import Rules, fmt_minutes, instant_us
from .walk import (
    EPOCH_ORDINAL,
    MAX_DAYS,
    NO_HI,
    NO_LO,
    Day,
    Walker,
    Zone,
    walker,
)

__all__ = [
    "DAY_US",
    "NAT",
    "TIME",
    "US",
    "InstantWords",
    "Stamps",
    "WalkDays",
    "instants_us",
    "json_times",
    "us_of",
    "utc_us",
    "walk_days",
    "walk_spans",
]

Ints = NDArray[np.int64]
Floats = NDArray[np.float64]
Flags = NDArray[np.bool_]

US = 1_000_000
DAY_US = 86_400 * US
NAT = np.iinfo(np.int64).min
#: Hours a table of hours may span (more: instants are worded one by one)
_MAX_HOURS = 2_000_000
#: Hours added beyond those asked for when the table grows (a month)
_PAD = 744
_UTC = dt.UTC
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=_UTC)
TIME = pa.timestamp("us", tz="UTC")
#: minutes into a day -> ``HH:MM`` (1440 -> ``24:00``)
_HHMM = pa.array([f"{k // 60:02d}:{k % 60:02d}" for k in range(1441)], pa.string())
_SEP, EMPTY = pa.scalar(", ", pa.string()), pa.scalar("", pa.string())
_MM = pa.array([f"{k:02d}" for k in range(60)], pa.string())
_MMSS = pa.array([f"{k // 60:02d}:{k % 60:02d}" for k in range(3600)], pa.string())
_HOUR_US = 3600 * US


class Stamps(NamedTuple):
    """Instants as an explanation words them, as UTC microseconds and as wall-clock microseconds."""

    text: pa.Array
    us: Ints
    wall: Ints


def us_of(value: Any) -> int:
    """UTC microseconds of a step's ``at`` (a datetime, or its JSON text); :data:`NAT` for None."""
    if value is None:
        return int(NAT)
    return instant_us(dt.datetime.fromisoformat(value) if isinstance(value, str) else value)


class WalkDays(NamedTuple):
    """The walk's steps of many spans: the span of each row, its position in that span's walk, its text
    (``text[pick[k]]``: a day's words are made once for the spans that cross it whole); and the spans
    walked by the reference (their index and steps: none now, every span is walked on arrays)."""

    row: Ints
    sub: Ints
    text: pa.Array
    pick: Ints
    odd: list[tuple[int, list[Any]]]


class _Hours(NamedTuple):
    """A run of UTC hours from ``first``: each one's words without the minutes, wall-clock start, plainness,
    and its JSON text up to the minutes and after the seconds (``2026-09-18T16:``, ``+09:00``)."""

    first: int
    prefix: pa.Array
    wall: Ints
    plain: Flags
    json_head: pa.Array
    json_tail: pa.Array


class _Hour(NamedTuple):
    """One plain local hour: its words without the minutes, wall-clock start, JSON text around ``MM:SS``."""

    prefix: str
    wall: int
    json_head: str
    json_tail: str


class InstantWords:
    """The words of one version's instants, from a table of its hours (see the module's notes)."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        empty = pa.array([], pa.string())
        self.hours = _Hours(0, empty, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool), empty, empty)

    def _hour(self, key: int) -> _Hour | None:
        """``Fri 18 Sep 16:``, wall-clock microseconds of its start and JSON text of UTC hour ``key``,
        None when it is not one plain local hour (:meth:`Rules.plain_hour` decides and words it)."""
        hour = self.rules.plain_hour(float(key * 3600))
        if hour is None:
            return None
        _, _, prefix, json_head, json_tail, wall = hour
        return _Hour(prefix, wall, json_head, json_tail)

    def _table(self, lo: int, hi: int) -> _Hours:
        """The hours table, grown (by a month more on the side it grows) to hold hours ``lo..hi``."""
        h = self.hours
        end = h.first + h.plain.size  # one past the last hour held
        if h.plain.size and h.first <= lo and hi < end:
            return h
        if not h.plain.size:
            h, end = self._hours(lo, lo), lo
        before = self._hours(lo - _PAD, h.first) if lo < h.first else self._hours(h.first, h.first)
        after = self._hours(end, hi + 1 + _PAD) if hi >= end else self._hours(end, end)
        self.hours = _Hours(
            before.first,
            pa.concat_arrays([before.prefix, h.prefix, after.prefix]),
            np.concatenate([before.wall, h.wall, after.wall]),
            np.concatenate([before.plain, h.plain, after.plain]),
            pa.concat_arrays([before.json_head, h.json_head, after.json_head]),
            pa.concat_arrays([before.json_tail, h.json_tail, after.json_tail]),
        )
        return self.hours

    def _hours(self, lo: int, hi: int) -> _Hours:
        """The table of hours [lo, hi)."""
        info = [self._hour(k) for k in range(lo, hi)]
        # an hour that is not plain gets a prefix as wide as the others (never shown: its instants are
        # worded by the reference), so the prefixes stay rows of one width (:func:`_framed`)
        pad = next((" " * len(x.prefix.encode()) for x in info if x is not None), "")
        return _Hours(
            lo,
            pa.array([x.prefix if x is not None else pad for x in info], pa.string()),
            np.array([x.wall if x is not None else 0 for x in info], dtype=np.int64),
            np.array([x is not None for x in info], dtype=bool),
            pa.array([x.json_head if x is not None else "" for x in info], pa.string()),
            pa.array([x.json_tail if x is not None else "" for x in info], pa.string()),
        )

    def stamps(self, t: Floats, head: str = "", tail: str = "") -> Stamps:
        """The words (each between ``head`` and ``tail``), UTC and wall-clock microseconds of the
        instants ``t`` (none nan)."""
        n = t.size
        hour = np.floor_divide(t, 3600.0)
        lo, hi = (int(hour.min()), int(hour.max())) if n else (0, 0)
        if hi - lo > _MAX_HOURS:  # instants centuries apart: each as the reference words it
            return self._each(t, head, tail)
        table = self._table(lo, hi)
        inv = hour.astype(np.int64) - table.first
        whole = t == np.floor(t)
        ok = table.plain[inv] & whole
        sec = np.where(ok, t - hour * 3600.0, 0.0).astype(np.int64)
        text = _framed(head, table.prefix, inv, sec // 60, tail)
        us = np.where(ok, t, 0.0).astype(np.int64) * US
        wall = table.wall[inv] + sec * US
        return self._odd(t, text, us, wall, np.flatnonzero(~ok), head, tail)

    def json(self, us: Ints) -> pa.Array:
        """The JSON text of instants given as UTC microseconds (:data:`NAT`: none, a null), quotes and
        all, as :meth:`Rules.stamp` with ``as_json`` gives it (see the module's notes)."""
        n = us.size
        none = us == NAT
        if n == 0 or none.all():
            return pa.nulls(n, pa.string())
        safe = np.where(none, us[~none][0], us)
        hour = np.floor_divide(safe, _HOUR_US)
        lo, hi = int(hour.min()), int(hour.max())
        if hi - lo > _MAX_HOURS:  # instants centuries apart: each as the reference writes it
            text, odd = pa.repeat(EMPTY, n), np.flatnonzero(~none)
        else:
            table = self._table(lo, hi)
            inv = hour - table.first
            rem = safe - hour * _HOUR_US
            ok = table.plain[inv] & (rem % US == 0)
            text = _json_text(table.json_head, table.json_tail, inv, np.where(ok, rem // US, 0))
            odd = np.flatnonzero(~ok & ~none)
        if odd.size:
            tz, option = self.rules.tz, orjson.OPT_UTC_Z
            found = [
                orjson.dumps((_EPOCH + dt.timedelta(microseconds=u)).astimezone(tz), option=option).decode()
                for u in us[odd].tolist()
            ]
            mask = np.zeros(n, dtype=bool)
            mask[odd] = True
            text = pc.replace_with_mask(text, pa.array(mask), pa.array(found, pa.string()))
        if none.any() and (text.offset or text.null_count):
            text = pc.if_else(pa.array(none), pa.scalar(None, pa.string()), text)
        elif none.any():  # the nulls as a validity bitmap over the same texts (no copy)
            valid = pa.py_buffer(np.packbits(~none, bitorder="little"))
            text = pa.Array.from_buffers(pa.string(), n, [valid, *text.buffers()[1:]])
        return text

    def _each(self, t: Floats, head: str, tail: str) -> Stamps:
        n = t.size
        zeros = np.zeros(n, dtype=np.int64)
        return self._odd(t, pa.repeat(EMPTY, n), zeros, zeros.copy(), np.arange(n), head, tail)

    def _odd(self, t: Floats, text: pa.Array, us: Ints, wall: Ints, odd: Ints, head: str, tail: str) -> Stamps:
        """The stamps with instants ``odd`` (a fraction of a second, an hour not plain) as the reference gives them."""
        n = t.size
        if odd.size:
            stamp, to_dt = self.rules.stamp, self.rules.dt
            found = [stamp(e, True) for e in t[odd].tolist()]
            us[odd] = [us_of(to_dt(e)) for e in t[odd].tolist()]
            wall[odd] = [s[2] for s in found]
            mask = np.zeros(n, dtype=bool)
            mask[odd] = True
            words = pa.array([f"{head}{s[0]}{tail}" for s in found], pa.string())
            text = pc.replace_with_mask(text, pa.array(mask), words)
        return Stamps(text, us, wall)


def _framed(head: str, prefix: pa.Array, hour: Ints, minute: Ints, tail: str) -> pa.Array:
    """``head`` + ``prefix[hour[k]]`` + ``MM`` of ``minute[k]`` + ``tail`` for each ``k``: records of
    fixed-width byte fields when the prefixes have one width (a zone's hours in one language, as
    :func:`_json_text` writes the JSON times), else joined by Arrow."""
    p, mm = _widths(prefix), _widths(_MM)
    a, t = head.encode(), tail.encode()
    if p is None or mm is None or hour.size * (len(a) + p.itemsize + mm.itemsize + len(t)) >= 2**31:
        return pc.binary_join_element_wise(head, prefix.take(pa.array(hour)), _MM.take(pa.array(minute)), tail, "")
    fields: list[tuple[str, Any]] = [("head", f"V{len(a)}")] if a else []
    fields += [("hour", p.dtype), ("mm", mm.dtype), *([("tail", f"V{len(t)}")] if t else [])]
    out = np.empty(hour.size, dtype=np.dtype(fields))
    if a:
        out["head"] = np.frombuffer(a, dtype=f"V{len(a)}")[0]
    if t:
        out["tail"] = np.frombuffer(t, dtype=f"V{len(t)}")[0]
    out["hour"], out["mm"] = np.take(p, hour), np.take(mm, minute)
    offsets = np.arange(hour.size + 1, dtype=np.int32) * out.dtype.itemsize
    return pa.Array.from_buffers(
        pa.string(), hour.size, [None, pa.py_buffer(offsets), pa.py_buffer(out.view(np.uint8))]
    )


def wall_us(t: dt.datetime) -> int:
    """Wall-clock microseconds since 0001-01-01 (as :func:`.common.wall_us`)."""
    return ((t.toordinal() * 86_400 + t.hour * 3600 + t.minute * 60 + t.second) * US) + t.microsecond


def utc_us(t: Floats) -> tuple[Ints, Flags]:
    """UTC microseconds of instants (nan: none), and which are none."""
    none = np.isnan(t)
    safe = np.where(none, 0.0, t)
    whole = safe == np.floor(safe)
    us = safe.astype(np.int64) * US
    for k in np.flatnonzero(~whole).tolist():
        us[k] = us_of(dt.datetime.fromtimestamp(float(safe[k]), _UTC))
    return us, none


def walk_days(rules: Rules, cal: str, a: Ints, b: Ints) -> WalkDays:
    """The steps of :func:`.walk.walk` for each span [a[k], b[k]) of wall-clock microseconds of the policy
    (read back as :func:`.walk.walk` reads them; see the module's notes)."""
    w = walker(rules, cal)
    return walk_spans(rules, cal, instants_us(w, a), instants_us(w, b))


def instants_us(w: Walker, wall: Ints) -> Ints:
    """UTC microseconds of wall-clock microseconds of the policy, as :meth:`.walk.Walker.instant` reads each:
    by one offset on a day that keeps one, one by one on a day the offset changes."""
    days, inv = np.unique(wall // DAY_US, return_inverse=True)
    inv = inv.reshape(-1)
    found = [w.wall_offset(o) for o in days.tolist()]
    off = np.array([0 if f is None else f for f in found], dtype=np.int64)[inv]
    out: Ints = wall - EPOCH_ORDINAL * DAY_US - off
    bad = np.array([f is None for f in found], dtype=bool)[inv]
    for k in np.flatnonzero(bad).tolist():
        out[k] = w.instant(int(wall[k]))
    return out


def walk_spans(rules: Rules, cal: str, a: Ints, b: Ints) -> WalkDays:
    """The steps of :func:`.walk.walk_between` for each span [a[k], b[k]) of UTC microseconds (see the
    module's notes)."""
    w = walker(rules, cal)
    n = a.size
    first, last = _ordinals(w.local, a), _ordinals(w.local, b)
    # each span's days from the day before its first (kept when its open time runs past the start)
    ndays = np.where((b >= a) & (last - first <= MAX_DAYS), last - first + 2, 0)
    total = int(ndays.sum())
    none = np.zeros(0, dtype=np.int64)
    if not total:
        return WalkDays(none, none, pa.array([], pa.string()), none, [])
    row = np.repeat(np.arange(n, dtype=np.int64), ndays)
    j = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(ndays) - ndays, ndays)
    days, inv = np.unique(first[row] - 1 + j, return_inverse=True)
    inv = inv.reshape(-1)
    table = _day_table([w.day(o) for o in days.tolist()])
    lo, hi = a[row], b[row]
    keep = np.flatnonzero((j > 0) | ((table.closes[inv] > lo) & (hi > lo)))
    row, inv, lo, hi = row[keep], inv[keep], lo[keep], hi[keep]
    # A bound outside the day's open time is no bound: the span crosses that day whole, the same words.
    lo = np.where(lo > table.opens[inv], lo, NO_LO)
    hi = np.where(hi < table.closes[inv], hi, NO_HI)
    # Whole days (the days between the first and the last) are worded once per day; the first and last
    # days of each span, clipped, once per distinct clip: the days of the table first, then those.
    whole = (lo == NO_LO) & (hi == NO_HI)
    clipped = np.flatnonzero(~whole)
    firsts, back = _distinct(inv[clipped], lo[clipped], hi[clipped])
    at = np.where(whole, inv, 0)
    at[clipped] = days.size + back
    cut = clipped[firsts]
    text, present = _day_words(
        w,
        np.concatenate([np.arange(days.size, dtype=np.int64), inv[cut]]),
        np.concatenate([np.full(days.size, NO_LO, dtype=np.int64), lo[cut]]),
        np.concatenate([np.full(days.size, NO_HI, dtype=np.int64), hi[cut]]),
        table,
    )
    kept = np.flatnonzero(present[at])
    kept_row = row[kept]
    begins = np.flatnonzero(np.concatenate(([True], kept_row[1:] != kept_row[:-1])))
    sizes = np.diff(np.append(begins, kept.size))
    sub = np.arange(kept.size, dtype=np.int64) - np.repeat(begins, sizes)
    return WalkDays(kept_row, sub, text, at[kept], [])


def _zone_hours(zone: Zone, us: Ints) -> tuple[Ints, list[str]]:
    """The offset (microseconds) at each instant ``us`` and its words for a repeated hour (``words`` is
    empty when none is in one): by the zone's table of UTC hours, one by one in an hour it changes."""
    hours, inv = np.unique(us // _HOUR_US, return_inverse=True)
    inv = inv.reshape(-1)
    found = [zone.hour(h) for h in hours.tolist()]
    off = np.array([0 if f is None else f[0] for f in found], dtype=np.int64)[inv]
    bad = np.flatnonzero(np.array([f is None for f in found], dtype=bool)[inv])
    odd = [zone.at(u) for u in us[bad].tolist()]
    off[bad] = [o for o, _ in odd]
    if all(f is None or not f[1] for f in found) and all(not x for _, x in odd):
        return off, []
    words = [("" if f is None else f[1]) for f in found]
    each = [words[k] for k in inv.tolist()]
    for k, (_, x) in zip(bad.tolist(), odd, strict=True):
        each[k] = x
    return off, each


def _ordinals(zone: Zone, us: Ints) -> Ints:
    """The local dates (ordinals) of instants ``us`` in ``zone``, as :meth:`.walk.Walker.ordinal` gives each."""
    if not us.size:
        return us.copy()
    off, _ = _zone_hours(zone, us)
    out: Ints = (us + off) // DAY_US + EPOCH_ORDINAL
    return out


def _clock_words(zone: Zone, us: Ints, end: bool) -> pa.Array:
    """``HH:MM`` of instants ``us`` on the zone's wall clock, with the offset in a repeated hour; ``24:00`` for
    an ``end`` at midnight (as :meth:`.walk.Walker.clock` says each)."""
    if not us.size:
        return pa.array([], pa.string())
    off, words = _zone_hours(zone, us)
    into = (us + off) % DAY_US
    minutes = into // (60 * US)
    if end:
        minutes = np.where(into == 0, 1440, minutes)
    text = _HHMM.take(pa.array(minutes))
    return pc.binary_join_element_wise(text, pa.array(words, pa.string()), "") if words else text


_SPANS: list[pa.Array] = [pa.array([fmt_minutes(k * 60) for k in range(1441)], pa.string())]


def _span_words(seconds: Floats) -> pa.Array:
    """``fmt_minutes`` of each length (a table of whole minutes, grown to the longest)."""
    minutes = np.round(seconds / 60).astype(np.int64)
    top = int(minutes.max()) if minutes.size else 0
    if top >= len(_SPANS[0]):
        _SPANS[0] = pa.array([fmt_minutes(k * 60) for k in range(top + 1)], pa.string())
    return _SPANS[0].take(pa.array(minutes))


def _distinct(day: Ints, lo: Ints, hi: Ints) -> tuple[Ints, Ints]:
    """The first row of each distinct (day, lo, hi), and each row's place among those."""
    n = day.size
    if not n:
        return day.copy(), day.copy()
    order = np.lexsort((hi, lo, day))
    d, a, b = day[order], lo[order], hi[order]
    new = np.concatenate(([True], (d[1:] != d[:-1]) | (a[1:] != a[:-1]) | (b[1:] != b[:-1])))
    back = np.empty(n, dtype=np.int64)
    back[order] = np.cumsum(new) - 1
    return order[new].astype(np.int64), back


class _DayTable(NamedTuple):
    """The days a walk crosses: each one's label, its own step when closed, its open intervals (UTC
    microseconds, ``width`` columns, empty ones where it has fewer), their first start and last end."""

    labels: list[str]
    closed: list[str | None]
    starts: Ints
    ends: Ints
    width: int
    opens: Ints
    closes: Ints


def _day_table(found: list[Day]) -> _DayTable:
    width = max((len(d.pairs) for d in found), default=0)
    starts = np.zeros((len(found), max(width, 1)), dtype=np.int64)
    ends = np.zeros((len(found), max(width, 1)), dtype=np.int64)
    for u, d in enumerate(found):
        for q, (s, e) in enumerate(d.pairs):
            starts[u, q], ends[u, q] = s, e
    return _DayTable(
        [f"{d.label} " for d in found],
        [None if d.closed is None else cast(Any, d.closed)["text"] for d in found],  # (a step is a dict)
        starts,
        ends,
        width,
        np.array([d.opens for d in found], dtype=np.int64),
        np.array([d.closes for d in found], dtype=np.int64),
    )


def _day_words(w: Walker, unit: Ints, lo: Ints, hi: Ints, t: _DayTable) -> tuple[pa.Array, Flags]:
    """The step of day ``t[unit[k]]`` within [lo[k], hi[k]) (UTC microseconds), and whether there is one
    (a closed day's own step; an open day's open time in that span, none when none falls in it)."""
    n = unit.size
    is_closed = np.array([c is not None for c in t.closed], dtype=bool)[unit]
    # each day's parts in the span, worded all at once (zero-length columns: the empty ones, never here)
    s = np.maximum(t.starts[unit], lo[:, None])
    e = np.minimum(t.ends[unit], hi[:, None])
    here = (e > s) & ~is_closed[:, None]
    hs, he = s[here], e[here]
    words = pc.binary_join_element_wise(
        _clock_words(w.words, hs, False), "-", _clock_words(w.words, he, True), " ", _span_words((he - hs) / US), ""
    )
    words = pa.concat_arrays([words, pa.array([""], pa.string())])
    place = np.full(here.shape, len(words) - 1, dtype=np.int64)
    place[here] = np.arange(hs.size, dtype=np.int64)
    parts: list[pa.Array] = []
    present = np.zeros(n, dtype=bool)
    for q in range(t.width):
        # ", " before a part when an earlier one is there (Arrow's null-skipping join loses rows
        # whose parts are all null, so absent parts are empty texts here)
        parts.append(pc.if_else(pa.array(present & here[:, q]), _SEP, EMPTY))
        parts.append(words.take(pa.array(place[:, q])))
        present |= here[:, q]
    label = pa.array(t.labels, pa.string()).take(pa.array(unit))
    open_text = pc.binary_join_element_wise(label, *parts, "") if parts else pa.nulls(n, pa.string())
    shut_text = pa.array(t.closed, pa.string()).take(pa.array(unit))
    return pc.if_else(pa.array(is_closed), shut_text, open_text), is_closed | present


def json_times(table: pa.Table, zone: Ints, zones: Sequence[InstantWords]) -> pa.Table:
    """``table`` with each time column as the JSON text of its instants (a column of
    :data:`~sla_dsl.report.json_columns.JSON_TEXT`), row ``k`` in the zone of ``zones[zone[k]]``
    (see the module's notes)."""
    for k, field in enumerate(table.schema):
        if not pa.types.is_timestamp(field.type):
            continue
        us = table.column(k).combine_chunks().cast(pa.int64()).fill_null(NAT).to_numpy()
        if len(zones) == 1:
            text = zones[0].json(us)
        else:
            parts = [np.flatnonzero(zone == z) for z in range(len(zones))]
            order = np.concatenate(parts)
            back = np.empty(order.size, dtype=np.int64)
            back[order] = np.arange(order.size, dtype=np.int64)
            text = pa.concat_arrays([w.json(us[p]) for w, p in zip(zones, parts, strict=True)]).take(pa.array(back))
        table = table.set_column(k, pa.field(field.name, pa.string(), metadata=JSON_TEXT), text)
    return table


def _widths(text: pa.Array) -> NDArray[np.void] | None:
    """Texts all of one length as items of that many bytes (no copy); None when their lengths differ."""
    offsets = np.frombuffer(text.buffers()[1], dtype=np.int32)[text.offset : text.offset + len(text) + 1]
    data = text.buffers()[2]
    if data is None or not len(text) or text.null_count:
        return None
    width = int(offsets[1] - offsets[0])
    if not width or not (np.diff(offsets) == width).all():
        return None
    return np.frombuffer(data, dtype=np.uint8)[int(offsets[0]) : int(offsets[-1])].view(f"V{width}")


def _json_text(head: pa.Array, tail: pa.Array, hour: Ints, sec: Ints) -> pa.Array:
    """``"`` + ``head[hour]`` + ``MM:SS`` of ``sec`` + ``tail[hour]`` + ``"`` of each instant: records of
    fixed-width byte fields when each table's texts have one length (a zone's plain hours), else joined by
    Arrow."""
    h, t, mmss = _widths(head), _widths(tail), _widths(_MMSS)
    if h is None or t is None or mmss is None:
        inv = pa.array(hour)
        return pc.binary_join_element_wise('"', head.take(inv), _MMSS.take(pa.array(sec)), tail.take(inv), '"', "")
    fields = [("open", "u1"), ("head", h.dtype), ("mmss", mmss.dtype), ("tail", t.dtype), ("close", "u1")]
    out = np.empty(hour.size, dtype=np.dtype(fields))
    out["open"] = out["close"] = ord('"')
    out["head"], out["mmss"], out["tail"] = np.take(h, hour), np.take(mmss, sec), np.take(t, hour)
    offsets = np.arange(hour.size + 1, dtype=np.int32) * out.dtype.itemsize
    return pa.Array.from_buffers(
        pa.string(), hour.size, [None, pa.py_buffer(offsets), pa.py_buffer(out.view(np.uint8))]
    )


def zone_index(clocks: dict[int, InstantWords], zones: list[InstantWords], rules: Rules) -> int:
    """The position in ``zones`` of the words of instants of ``rules``: made once per version (kept in
    ``clocks``, keyed by the rules' id) and listed once in ``zones`` (the builders' ``json_times``)."""
    words = clocks.get(id(rules))
    if words is None or words.rules is not rules:
        words = clocks[id(rules)] = InstantWords(rules)
    if words not in zones:
        zones.append(words)
    return zones.index(words)
