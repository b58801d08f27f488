"""A clock's holds: the stretches in which its deadlines are not applied (``not due at A until B``).

Design notes
------------
* Request Tracker's ``IgnoreOnStatuses`` without ``ExcludeTimeOnIgnoredStatuses``: while a ticket is in an
  ignored status (``stalled``) RT sets no due date, so it cannot become overdue; its clock is not paused (time
  keeps counting), and once the ticket leaves the status the due date is the one it would have had.
* So the clock counts as ever and its due instant D is the one without holds. Each ``not due at A until B``
  line holds from each A to the next B (any of ``until B, C``: the first to come), read from the incident's
  events whether or not the clock runs (a hold begun before the clock starts holds too); an A while that
  line's hold is open changes nothing. Holds of several lines may overlap: their union holds.
* A hold still open at the end of a cycle (its stop, cancel or reset, or ``as_of``) runs to that end and
  beyond: its end is +inf here.
* Verdict (:func:`held_until`): H, the first instant at or after D that no hold holds (D itself when none
  does). A cycle that ends at E is breached iff H < E; its ``due`` stays D and the breach is said at H (the
  violation's instant, ``sla serve``'s alert). A cycle that ends after D but no later than H met its target:
  its due time passed while it was not due. Still held at ``as_of``: open, no alert.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from ..events.schema import Rec

#: A hold: [from, until); ``until`` +inf while it is still open
Hold = tuple[float, float]


class Held(NamedTuple):
    """One hold as read from the records: its start and end (+inf while open) and the events at each (the
    end's code -1 while open)."""

    start: float
    end: float
    at: int
    by: int
    #: the not-due line it is of (its index)
    line: int


def holds_of(lines: Sequence[tuple[int, tuple[int, ...]]], recs: Sequence[Rec], upto: float) -> list[Held]:
    """The holds of a clock's not-due lines ((event code, codes that end it) each) over an incident's records
    (in time order), none after ``upto``: sorted by start."""
    out: list[Held] = []
    for k, (at, until) in enumerate(lines):
        begun: Rec | None = None
        for r in recs:
            t, code = r[0], r[1]
            if t > upto:
                break
            if begun is None and code == at:
                begun = r
            elif begun is not None and code in until:
                if t > begun[0]:
                    out.append(Held(begun[0], t, at, code, k))
                begun = None
        if begun is not None:
            out.append(Held(begun[0], math.inf, at, -1, k))
    return sorted(out)


def held_until(holds: Sequence[Hold], t: float) -> float:
    """The first instant at or after ``t`` that no hold holds (+inf: one still open holds it)."""
    h = t
    for a, b in holds:  # (sorted by start: a hold that begins later than h can only hold a later h if h moves)
        if a <= h < b:
            h = b
    return h


def is_held(holds: Sequence[Hold], t: float) -> bool:
    """Whether a hold holds instant ``t``."""
    return any(a <= t < b for a, b in holds)
