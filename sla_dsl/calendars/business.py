"""Business calendars and business-time arithmetic.

:class:`BusinessCalendar` adds and measures business time on the index of open
intervals that its base, :class:`~.business_index.BusinessIndex`, builds from
the calendar's days and hours: see :mod:`.business_index` for what counts as
business time, how zones and DST are read, and how the index grows within the
supported years of :mod:`.bounds`.

Design notes
------------
* **Arithmetic on the index**: ``between`` and ``add`` are bisections on its
  prefix sums, the batch forms (``add_many``, ``between_many``) the same with
  ``np.searchsorted``. A time outside the index widens it and an ``add``
  running past its end doubles it, each loop at most ``_MAX_PASSES`` times; a
  time or business time outside the supported years is refused with
  :class:`~.bounds.OutOfRangeError` before any work.
* **Precision**: the datetime API keeps microseconds exactly (whole-second
  inputs use the seconds index, others a microsecond copy of it); the epoch API
  and the batch forms work in whole seconds (``datetime64`` input is floored).
  Interval boundaries are whole seconds in every zone.
* Inputs must be aware datetimes (naive ones raise ``NaiveDatetimeError``);
  results are aware datetimes in the calendar's zone, with ``fold=1`` on the
  second pass of a repeated hour. Python compares (and adds to) two datetimes
  of the same zone by wall clock, ignoring ``fold``: compare results in UTC.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Any

from ..errors import NaiveDatetimeError
from ..lang.diagnostics import Words, words
from .bounds import (
    MAX_EPOCH,
    MAX_SPAN_SECONDS,
    MIN_EPOCH,
    OutOfRangeError,
    check_epoch,
    check_span,
    range_words,
)
from .business_index import _EPOCH, _ONE_US, _US, BusinessIndex, _to_us, subtract_pairs
from .intervals import Index, seconds_array, wall_to_epoch

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import ArrayLike, NDArray

__all__ = ["BusinessCalendar", "subtract_pairs", "wall_to_epoch"]

_ONE_S = dt.timedelta(seconds=1)
_fromtimestamp = dt.datetime.fromtimestamp
#: Passes of the arithmetic's loops: each one covers, grows (doubling) or answers.
_MAX_PASSES = 64


class BusinessCalendar(BusinessIndex):
    """A compiled business calendar: business days, open intervals and time arithmetic."""

    # -- scalar arithmetic on integers -----------------------------------------
    def _outside(self) -> Words:
        """``calendar `NAME`: the result is outside the supported years``, in words."""
        return words("bounds.calendar_result", calendar=self.name, range=range_words())

    def _check(self, t: int, scale: int, d: int = 0) -> None:
        """Refuse an instant outside the supported years, or business time ``d`` longer than they are
        (epoch seconds, or microseconds with ``scale``), before any work."""
        if not MIN_EPOCH * scale <= t <= MAX_EPOCH * scale:
            check_epoch(t / scale, words("bounds.what.calendar_time", calendar=self.name))
        if abs(d) > MAX_SPAN_SECONDS * scale:
            seconds = abs(d) // scale
            said = words("bounds.what.business_seconds", calendar=self.name, seconds=str(seconds))
            check_span(seconds, said)

    def _add_int(self, t: int, d: int, micro: bool) -> int:
        scale = _US if micro else 1
        self._check(t, scale, d)
        built = self._built
        for _ in range(_MAX_PASSES):  # each pass covers t, grows the index (doubling) or answers
            idx = None if built is None else built.usec if micro else built.sec
            if built is None or idx is None or t < idx.lo or t > idx.hi:
                built = self._cover(t // scale)
                continue
            if d == 0:
                return t
            starts = idx.starts
            i = bisect_right(starts, t) - 1
            s = starts[i]
            e = idx.ends[i]
            c = idx.cum[i] + (t - s if t < e else e - s) + d
            if d > 0:
                if c > idx.total:
                    built = self._grow(True, built)
                    continue
                j = bisect_left(idx.cum_end, c)
            else:
                if c < 0:
                    built = self._grow(False, built)
                    continue
                j = bisect_right(idx.cum, c) - 1
            return starts[j] + c - idx.cum[j]
        raise OutOfRangeError(self._outside())  # pragma: no cover

    def _f_pair(self, t1: int, t2: int, micro: bool) -> int:
        scale = _US if micro else 1
        self._check(t1, scale)
        self._check(t2, scale)
        built = self._ready(min(t1, t2) // scale, max(t1, t2) // scale)
        idx = built.usec if micro else built.sec
        starts, ends, cum = idx.starts, idx.ends, idx.cum
        i = bisect_right(starts, t1) - 1
        s, e = starts[i], ends[i]
        f1 = cum[i] + (t1 - s if t1 < e else e - s)
        i = bisect_right(starts, t2) - 1
        s, e = starts[i], ends[i]
        return cum[i] + (t2 - s if t2 < e else e - s) - f1

    def add_epoch(self, t: int, seconds: int) -> int:
        """``add`` on epoch seconds."""
        return self._add_int(t, seconds, False)

    def between_epoch(self, t1: int, t2: int) -> int:
        """``between`` on epoch seconds, in seconds."""
        built = self._built
        idx = None if built is None else built.sec
        if idx is None or not (idx.lo <= t1 <= idx.hi and idx.lo <= t2 <= idx.hi):
            return self._f_pair(t1, t2, False)
        starts, ends, cum = idx.starts, idx.ends, idx.cum
        i = bisect_right(starts, t1) - 1
        s, e = starts[i], ends[i]
        f1 = cum[i] + (t1 - s if t1 < e else e - s)
        i = bisect_right(starts, t2) - 1
        s, e = starts[i], ends[i]
        return cum[i] + (t2 - s if t2 < e else e - s) - f1

    # -- datetime API -----------------------------------------------------------
    def _out(self, x: int) -> dt.datetime:
        r = _fromtimestamp(x // _US, self.tz)
        us = x % _US
        return r.replace(microsecond=us) if us else r

    def add(self, t: dt.datetime, delta: dt.timedelta) -> dt.datetime:
        """The earliest instant at which ``delta`` of business time has passed since ``t``."""
        try:
            td = t - _EPOCH
        except TypeError:
            raise NaiveDatetimeError(f"time `{t.isoformat()}` has no UTC offset") from None
        if td.microseconds or delta.microseconds:
            x = td.days * 86_400_000_000 + td.seconds * _US + td.microseconds
            d = delta.days * 86_400_000_000 + delta.seconds * _US + delta.microseconds
            return self._out(self._add_int(x, d, True))
        # Whole seconds (the common case), inlined while it stays forward and inside the index.
        x = td.days * 86400 + td.seconds
        d = delta.days * 86400 + delta.seconds
        built = self._built
        idx = None if built is None else built.sec
        if d > 0 and idx is not None and idx.lo <= x <= idx.hi:
            starts = idx.starts
            i = bisect_right(starts, x) - 1
            s = starts[i]
            e = idx.ends[i]
            c = idx.cum[i] + (x - s if x < e else e - s) + d
            if c <= idx.total:
                j = bisect_left(idx.cum_end, c)
                return _fromtimestamp(starts[j] + c - idx.cum[j], self.tz)
        return _fromtimestamp(self._add_int(x, d, False), self.tz)

    def between(self, t1: dt.datetime, t2: dt.datetime) -> dt.timedelta:
        """Business time in ``[t1, t2)``; negative when ``t2 < t1``."""
        try:
            a = t1 - _EPOCH
            b = t2 - _EPOCH
        except TypeError:
            bad = t1 if t1.tzinfo is None or t1.utcoffset() is None else t2
            raise NaiveDatetimeError(f"time `{bad.isoformat()}` has no UTC offset") from None
        if a.microseconds or b.microseconds:
            x1 = a.days * 86_400_000_000 + a.seconds * _US + a.microseconds
            x2 = b.days * 86_400_000_000 + b.seconds * _US + b.microseconds
            return _ONE_US * self._f_pair(x1, x2, True)
        x1 = a.days * 86400 + a.seconds
        x2 = b.days * 86400 + b.seconds
        built = self._built
        idx = None if built is None else built.sec
        if idx is None or not (idx.lo <= x1 <= idx.hi and idx.lo <= x2 <= idx.hi):
            return _ONE_S * self._f_pair(x1, x2, False)
        starts, ends, cum = idx.starts, idx.ends, idx.cum
        i = bisect_right(starts, x1) - 1
        s, e = starts[i], ends[i]
        f1 = cum[i] + (x1 - s if x1 < e else e - s)
        i = bisect_right(starts, x2) - 1
        s, e = starts[i], ends[i]
        return _ONE_S * (cum[i] + (x2 - s if x2 < e else e - s) - f1)

    def is_business_time(self, t: dt.datetime) -> bool:
        """Whether ``t`` is inside an open interval (opening included, closing excluded)."""
        x = _to_us(t)
        idx = self._ready(x // _US, x // _US).usec
        i = bisect_right(idx.starts, x) - 1
        return idx.starts[i] <= x < idx.ends[i]

    # -- batch ------------------------------------------------------------------
    def _batch_f(self, sec: Index, ts: NDArray[np.int64]) -> NDArray[np.int64]:
        """Business time up to each of ``ts`` on the seconds index ``sec``, which covers them."""
        import numpy as np

        starts, lens, cum, _ = self._arrays(sec)
        i = np.searchsorted(starts, ts, side="right") - 1
        out: NDArray[np.int64] = cum[i] + np.minimum(ts - starts[i], lens[i])
        return out

    def add_many(self, ts: ArrayLike, seconds: ArrayLike) -> NDArray[Any]:
        """``add_epoch`` over an array of epoch seconds (``seconds`` scalar or array).

        ``ts`` may also be a ``datetime64`` array (UTC instants, as pandas' ``to_numpy()``
        gives) and ``seconds`` a ``timedelta64`` one; the result is then ``datetime64[s]``.
        """
        t, as_datetime = seconds_array(ts)
        d, _ = seconds_array(seconds)
        out = self._add_many(t, d)
        return out.astype("datetime64[s]") if as_datetime else out

    def _add_many(self, t: NDArray[np.int64], d: NDArray[np.int64]) -> NDArray[np.int64]:
        import numpy as np

        if t.size == 0:
            return np.empty(np.broadcast_shapes(t.shape, d.shape), dtype=np.int64)
        built = self._ready(int(t.min()), int(t.max()))
        if d.size:
            self._check(int(t.min()), 1, int(np.abs(d).max()))
        for _ in range(_MAX_PASSES):  # each pass grows the index (doubling) or answers
            sec = built.sec
            starts, _, cum, cum_end = self._arrays(sec)
            c = self._batch_f(sec, t) + d
            if c.max() > sec.total:
                built = self._grow(True, built)
                continue
            if c.min() < 0:
                built = self._grow(False, built)
                continue
            if d.ndim == 0 and int(d) > 0:
                j = np.searchsorted(cum_end, c, side="left")
                out: NDArray[np.int64] = starts[j] + c - cum[j]
                return out
            j = np.searchsorted(cum_end, c, side="left")
            x = starts[j] + c - cum[j]
            neg = d < 0
            if neg.any():
                k = np.searchsorted(cum, c, side="right") - 1
                x = np.where(neg, starts[k] + c - cum[k], x)
            result: NDArray[np.int64] = np.where(d == 0, t, x)
            return result
        raise OutOfRangeError(self._outside())  # pragma: no cover

    def between_many(self, t1s: ArrayLike, t2s: ArrayLike) -> NDArray[np.int64]:
        """``between_epoch`` over arrays of epoch seconds (or ``datetime64``), in seconds."""
        import numpy as np

        a, _ = seconds_array(t1s)
        b, _ = seconds_array(t2s)
        if a.size == 0 or b.size == 0:
            return np.zeros(np.broadcast_shapes(a.shape, b.shape), dtype=np.int64)
        lo = min(int(a.min()), int(b.min()))
        hi = max(int(a.max()), int(b.max()))
        sec = self._ready(lo, hi).sec
        out: NDArray[np.int64] = self._batch_f(sec, b) - self._batch_f(sec, a)
        return out
