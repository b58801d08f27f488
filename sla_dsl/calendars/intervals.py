"""Wall-clock times to instants, and the index of open intervals that business-time arithmetic bisects.

Design notes
------------
* **Index**: the open intervals ``[start, end)`` as epoch integers, sorted,
  disjoint, adjacent ones merged, with a prefix sum ``cum[i]`` of the business
  time before interval ``i``. ``F(t)`` (business time up to ``t``) is one
  bisection, ``between(t1, t2) = F(t2) - F(t1)``, and ``add(t, d)`` is the
  earliest ``x >= t`` with ``F(x) >= F(t) + d``: a bisection on ``cum``. So a
  deadline can land on a closing instant (Mon 14:00 + 4 h = Mon 18:00) and a
  zero delta leaves ``t`` where it is. A negative delta counts backwards and
  lands on the latest such instant (an opening instant rather than the previous
  close). The batch forms run the same two bisections with ``np.searchsorted``.
* **Time zones and DST**: opening hours are wall-clock times, converted per day
  with ``zoneinfo``. A start time the clock skips (spring forward) opens at the
  instant of the jump; an end time it skips closes at that instant, so a range
  wholly inside the gap is empty. A time the clock shows twice (fall back)
  means its first occurrence, for an opening and a closing alike: a desk that
  closes at 01:00 closes when the clock first shows 01:00. So every wall time
  maps to the first instant whose clock reads it or later, a map that never
  goes backwards: a range across the repeat counts every instant that really
  passes once (an hour longer), one that starts and ends in it or at it is read
  at the first pass, and the ranges of a day never overlap. (Closing at the
  second occurrence, as the engine once did, added the whole repeated hour to
  ``18:00-01:00`` and made a break inside the repeat disappear.)
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import ArrayLike, NDArray

__all__ = ["Index", "seconds_array", "wall_to_epoch"]


def wall_to_epoch(day: dt.date, minutes: int, tz: ZoneInfo) -> int:
    """Epoch seconds of the first instant whose clock reads ``minutes`` after midnight of ``day``
    or later (1440 = next 00:00): a time shown twice at its first occurrence, one the clock skips
    at the instant it jumps to, for an opening and a closing alike."""
    day = day + dt.timedelta(days=minutes // 1440)
    minutes %= 1440
    naive = dt.datetime(day.year, day.month, day.day, minutes // 60, minutes % 60)
    e0 = int(naive.replace(tzinfo=tz, fold=0).timestamp())
    e1 = int(naive.replace(tzinfo=tz, fold=1).timestamp())
    if e0 == e1:
        return e0
    if e0 < e1:  # shown twice: its first occurrence
        return e0
    # Skipped (e1 < e0): the instant the clock jumps lies in (e1, e0].
    after = dt.datetime.fromtimestamp(e0, tz).utcoffset()
    lo, hi = e1, e0
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if dt.datetime.fromtimestamp(mid, tz).utcoffset() == after:
            hi = mid
        else:
            lo = mid
    return hi


class Index:
    """Open intervals of a range of years, merged, with prefix sums, in one unit."""

    __slots__ = ("arrays", "cum", "cum_end", "ends", "hi", "lo", "starts", "total")

    def __init__(self, lo: int, hi: int, pairs: list[tuple[int, int]], scale: int) -> None:
        # A zero-length sentinel at ``lo`` keeps every bisection index >= 0.
        self.lo = lo * scale
        self.hi = hi * scale
        self.starts = [self.lo] + [s * scale for s, _ in pairs]
        self.ends = [self.lo] + [e * scale for _, e in pairs]
        cum = [0]
        cum_end = [0]
        total = 0
        for s, e in zip(self.starts[1:], self.ends[1:], strict=True):
            cum.append(total)
            total += e - s
            cum_end.append(total)
        self.cum = cum
        self.cum_end = cum_end
        self.total = total
        #: the numpy copies (starts, lengths, cum, cum_end) of this index, made on the first batch call
        #: (:meth:`~.business_index.BusinessIndex._arrays`)
        self.arrays: tuple[NDArray[np.int64], ...] = ()


def seconds_array(values: ArrayLike) -> tuple[NDArray[np.int64], bool]:
    """Whole seconds as int64 (datetime64/timedelta64 floored to seconds); was it datetime64?"""
    import numpy as np

    arr = np.asarray(values)
    if arr.dtype.kind == "M":
        return arr.astype("datetime64[s]").astype(np.int64), True
    if arr.dtype.kind == "m":
        return arr.astype("timedelta64[s]").astype(np.int64), False
    return arr.astype(np.int64, copy=False), False
