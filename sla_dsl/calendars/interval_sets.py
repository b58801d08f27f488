"""Sets of instants as sorted, disjoint intervals ``[start, end)`` of epoch seconds: their union, length,
clipping and difference. The evaluator measures outages, stops and windows with them, and the explanation of
a measurement period (:mod:`sla_dsl.report.explain_availability`) recounts the same figures with the same
functions, so the two cannot drift apart."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .bounds import FIRST_DATE, LAST_DATE

if TYPE_CHECKING:
    from .business import BusinessCalendar

__all__ = ["Interval", "clip", "closed_time", "length", "subtract", "union"]

Interval = tuple[float, float]


def union(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted, merged, non-empty intervals."""
    out: list[Interval] = []
    for a, b in sorted(i for i in intervals if i[1] > i[0]):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def length(intervals: Iterable[Interval]) -> float:
    """Total length of intervals assumed disjoint."""
    return sum(b - a for a, b in intervals)


def clip(iv: Interval, lo: float, hi: float) -> Interval | None:
    """``iv`` ∩ [lo, hi), None when empty."""
    a, b = max(iv[0], lo), min(iv[1], hi)
    return (a, b) if b > a else None


def subtract(iv: Interval, holes: list[Interval]) -> list[Interval]:
    """``iv`` minus a sorted union of ``holes``."""
    out: list[Interval] = []
    a, b = iv
    i = bisect.bisect_left(holes, (a, a)) - 1
    i = max(i, 0)
    for h0, h1 in holes[i:]:
        if h0 >= b:
            break
        if h1 <= a:
            continue
        if h0 > a:
            out.append((a, h0))
        a = max(a, h1)
        if a >= b:
            break
    if a < b:
        out.append((a, b))
    return out


def closed_time(calendar: BusinessCalendar, lo: float, hi: float) -> list[Interval]:
    """The time of [lo, hi) outside ``calendar``'s open hours. The day either side (for hours that run
    overnight) is looked at only when it is a supported date: a period that ends with 2200
    (``--to 2201-01-01``) asks nothing of 2201."""
    if hi <= lo:
        return []
    day = max(dt.datetime.fromtimestamp(lo, calendar.tz).date() - dt.timedelta(days=1), FIRST_DATE)
    last = min(dt.datetime.fromtimestamp(hi, calendar.tz).date() + dt.timedelta(days=1), LAST_DATE)
    opened: list[Interval] = []
    while day <= last:
        opened += [(a.timestamp(), b.timestamp()) for a, b in calendar.open_intervals(day)]
        day += dt.timedelta(days=1)
    return subtract((lo, hi), union(opened))
