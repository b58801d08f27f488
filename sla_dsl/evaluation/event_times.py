"""Event times outside the supported years: located problems, settled with the log's others.

Design notes
------------
* The calendar arithmetic works within the supported years only
  (:mod:`sla_dsl.calendars.bounds`). An event outside them (year 1, 1026,
  9999) used to fail the whole run with an unlocated "result is before year
  2", or make ``sla explain`` choose a period of a thousand years. So every
  event time, and the start and end a stop announcement names, is checked
  once, before anything is computed: one outside is problem E123 naming its
  line, filed in ``EventLog.problems`` and settled with the reader's and the
  policy check's problems (raised together in line order, or with
  ``skip_invalid`` left out). Its records are taken out of the log either way
  (once the other checks have seen them too: below).
* Cheap on a good log: the least and greatest time of each family are found
  on one numpy column of its times (one pass of ``itemgetter`` in C); only a
  family that reaches out of the range is looked at record by record.
* The problem quotes the time as the event gives it (``2226-10-05T10:00:00+11:00``),
  not as the instant it is in UTC, a different day at times: the log holds the
  instant, so it asks the log (``EventLog.written``): a table's cell read again
  (one run, or a partition's on a Dask or Spark worker), a text log's time as the
  reader noted it (only the times outside are noted). A time the log cannot give
  (a ``timestamp`` in UTC, a year Python cannot hold) is written in UTC.
* **Every check sees every line.** The evaluator's checks of a log (this one,
  the values the policies must know, the attributes they declare, the types
  they declare) note the events they refuse in one :class:`Taken`, and the
  events leave the log once, when every check has seen them
  (:meth:`Taken.out`): so a line with a time outside the years and an unknown
  priority, or an unknown priority and an undeclared attribute, is told every
  problem in one run, in line order, and left out once (``--skip-invalid``).
  Only the events found bad are noted: a good log costs nothing more.
"""

from __future__ import annotations

import operator
from itertools import chain

import numpy as np

from ..calendars.bounds import END_TIME_TEXT, FIRST_TIME_TEXT, FIRST_YEAR, LAST_YEAR, MAX_EPOCH, MIN_EPOCH, epoch_text
from ..events.problems import RowSource, problem
from ..events.schema import CODE, EventLog, Rec
from ..lang.diagnostics import words

__all__ = ["Taken", "check_event_times", "first_of"]

_AT = operator.itemgetter(0)
#: Payload positions of the times a ``stop.announced`` names (its channel comes first).
_STOP_TIMES = ((1, "start"), (2, "end"))
_ANNOUNCED = CODE["stop.announced"]
_HELP = words("events.E123.help", first=FIRST_TIME_TEXT, last=END_TIME_TEXT)
_YEARS = {"first": str(FIRST_YEAR), "last": str(LAST_YEAR)}


class Taken:
    """The events the checks of a log refused (their problems filed), by group, id and place in the id's
    list, taken out of the log at once when every check has seen them (:meth:`out`; see the notes)."""

    __slots__ = ("_places",)

    def __init__(self) -> None:
        self._places: dict[tuple[int, str], tuple[dict[str, list[Rec]], set[int]]] = {}

    def add(self, group: dict[str, list[Rec]], ident: str, place: int) -> None:
        """Note the event at ``place`` in the list of ``ident`` in ``group`` (one of ``log.groups``)."""
        key = (id(group), ident)
        found = self._places.get(key)
        if found is None:
            found = self._places[key] = (group, set())
        found[1].add(place)

    def out(self, log: EventLog) -> None:
        """Take the events noted out of ``log`` (and out of its count), each once."""
        for (_, ident), (group, places) in self._places.items():
            log.keep(group, ident, [r for i, r in enumerate(group[ident]) if i not in places])
        self._places.clear()


def check_event_times(log: EventLog, taken: Taken) -> list[tuple[float, float] | None]:
    """File problem E123 for each event whose times lie outside the supported years, and note it in ``taken``,
    which takes it out of the log when every check of the log has seen it (:class:`Taken`).

    Returns, for each group of ``log.groups`` in turn, the earliest and latest ``at`` of its events when
    all lay inside (one pass over them, taken here once: :func:`~.deadline_times.check_deadlines` starts
    from them), else None (a planned stop's, an empty group's, one with events refused here)."""
    bounds: list[tuple[float, float] | None] = []
    for group in log.groups:
        if not group:
            bounds.append(None)
            continue
        if group is not log.stops:
            lo, hi = _span(group)
            if MIN_EPOCH <= lo and hi <= MAX_EPOCH:
                bounds.append((lo, hi))
                continue
        bounds.append(None)
        for ident, recs in group.items():
            for i, r in enumerate(recs):
                if _problems(log, r):
                    taken.add(group, ident, i)
    return bounds


def first_of(log: EventLog, spans: list[tuple[float, float] | None]) -> float | None:
    """An instant no event of ``log`` lies before, from :func:`check_event_times`' ``spans`` of it (the
    checks after it only take events out), or None: when a family other than the planned stops has events
    but no span (one was refused), or the log has none. The planned stops, which have no span, are few:
    their earliest is looked up (the trend's months ask it of a year's log, :func:`.trend.trend_months`,
    where a pass over every record costs about 30 ms)."""
    firsts: list[float] = []
    for group, span in zip(log.groups, spans, strict=True):
        if not group:
            continue
        if span is not None:
            firsts.append(span[0])
        elif group is log.stops:
            firsts.append(min(r[0] for recs in group.values() for r in recs))
        else:
            return None
    return min(firsts, default=None)


def _span(group: dict[str, list[Rec]]) -> tuple[float, float]:
    """The earliest and the latest event time of ``group`` (not empty)."""
    times = np.fromiter(map(_AT, chain.from_iterable(group.values())), np.float64)
    return float(times.min()), float(times.max())


def _problems(log: EventLog, r: Rec) -> bool:
    """File the problems of record ``r``; whether it had any."""
    found = False
    for name, at in _times(r):
        if at is not None and not MIN_EPOCH <= at <= MAX_EPOCH:
            field = name or "at"
            time = log.written(r[3], field) or epoch_text(at)  # (as given, not in UTC: see the notes)
            said = words("events.E123.named", name=name, time=time, **_YEARS) if name else None
            said = said or words("events.E123.at", time=time, **_YEARS)
            column = field if isinstance(log.source, RowSource) else None  # (a table's row: its column)
            log.problems.append(problem(log.source, r[3], "E123", said, _HELP, column=column))
            found = True
    return found


def _times(r: Rec) -> list[tuple[str, float | None]]:
    """The times of a record, each with the payload field it is (``""``: the event's ``at``)."""
    out: list[tuple[str, float | None]] = [("", r[0])]
    if r[1] == _ANNOUNCED:
        out += [(name, r[2][i] if len(r[2]) > i else None) for i, name in _STOP_TIMES]
    return out
