"""A log's events of declared types, checked against the policies that judge it.

Design notes
------------
* A reader files an event of a declared type only when it was given that type
  (``declared=``, the union of the loaded policy versions' declarations). A log
  read for one policy may still be judged against another: an event of a type
  that none of the judging policies declares would then be filed and never
  judged. :func:`check_declared` refuses those events with the reader's own
  error (E103, the line, a help saying how to declare the type), settled with
  the other problems of the log, so nothing is silently dropped; the event
  leaves the log once the other checks have seen it too
  (:class:`~.event_times.Taken`).
"""

from __future__ import annotations

import copy

from ..events.schema import BUILTIN_COUNT, TYPES, EventLog, Rec
from ..events.validate import unknown_type
from .common import Versions
from .event_times import Taken


def check_declared(versions: Versions, log: EventLog, taken: Taken) -> None:
    """File a problem for each incident event of a declared type that no policy version declares, and note
    the event in ``taken`` (out of the log once every check has seen it)."""
    declared = frozenset().union(*(r.policy.event_types for r in versions.rules))
    allowed = {k for k in range(BUILTIN_COUNT, len(TYPES)) if TYPES[k] in declared}
    if len(allowed) == len(TYPES) - BUILTIN_COUNT:
        return  # every declared type this process knows is one of theirs (or none is known)
    group = log.incidents
    bad = [ident for ident, recs in group.items() if any(r[1] >= BUILTIN_COUNT and r[1] not in allowed for r in recs)]
    for ident in bad:
        for place, r in enumerate(group[ident]):
            if r[1] >= BUILTIN_COUNT and r[1] not in allowed:
                log.problems.append(unknown_type(log.source, r[3], TYPES[r[1]], declared))
                taken.add(group, ident, place)


def for_policies(log: EventLog, declared: frozenset[str]) -> EventLog:
    """``log`` without the incident events of declared types outside ``declared`` (a shallow copy).

    For ``sla replay``: one log read for both policies, each judging the types it declares; an event
    of a type that only the other policy declares means nothing under this one.
    """
    drop = {k for k in range(BUILTIN_COUNT, len(TYPES)) if TYPES[k] not in declared}
    if not drop or not any(r[1] in drop for recs in log.incidents.values() for r in recs):
        return log
    out = copy.copy(log)
    incidents: dict[str, list[Rec]] = {}
    for ident, recs in log.incidents.items():
        keep = [r for r in recs if r[1] not in drop]
        out.count -= len(recs) - len(keep)
        if keep:
            incidents[ident] = keep
    out.groups = (incidents, *log.groups[1:])
    out.problems = list(log.problems)
    return out
