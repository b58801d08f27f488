"""Sets of instants as sorted, disjoint intervals ``[start, end)`` of epoch seconds: their union, length,
clipping and difference. The evaluator measures outages, stops and windows with them, and the explanation of
a measurement period (:mod:`sla_dsl.report.explain_availability`) recounts the same figures with the same
functions, so the two cannot drift apart."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

__all__ = ["Interval", "clip", "length", "subtract", "union"]

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
