"""One order for events and for violations, whatever order the lines of the log come in.

Design notes
------------
* A log is gathered from several systems: the order of its lines means nothing,
  and shuffling them must not change a verdict or a byte of the report. So
  every id's events are read in one total order on what they say: time, then
  type (the order of :data:`~sla_dsl.events.compact.RANK`: the contract's types
  in their fixed order, a report before a response at the same instant, then the
  types a policy declares by name; never the codes, which a process gives a
  declared type in the order it first meets it), then content (the payload's
  fields in the schema's order, compared value by value: absent first, then
  numbers, then text by code point), and
  only then line. Line decides nothing but which of several identical copies
  is kept (the lowest) and so named in messages.
* Absent first is also the conservative reading for the customer: of an
  ``outage.started`` with and without an exclusion cause at one instant, the
  one without counts (downtime); of reports as ``P1`` and ``P3``, ``P1``.
* Exact duplicates (same id, instant, type and payload) are counted once.
* Two events of one id, instant and type that disagree in their facts (every
  payload field except a stop announcement's ``channel``: one notice sent by
  two channels at once is two valid notices, not a contradiction) are a
  contradiction: a ``data`` violation names both lines, and reading goes on in
  content order. Every family of events uses :func:`settle_run`, the incidents
  on columns (:func:`.incident_columns.prepare`) as the others per id
  (:func:`prepare_groups`), so the rule is the same everywhere.
* Violations are listed in one canonical order too: by time (``at``; those
  without one last), then kind, id and message (for a ``data`` violation, its
  message without line numbers). :func:`violations_in_order` sorts all but the
  response breaches; :class:`.result.Violations` merges those in, built when
  they are rendered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray

from ..events.schema import PAYLOAD, RANK, TYPES, EventLog, Rec
from ..report import DataDiff, DataNote, Violation
from ..report.data_notes import note_text
from .common import Ctx, wall_text

#: Per type code, the positions in the payload of the fields that state facts.
_FACTS: tuple[tuple[int, ...], ...] = tuple(
    tuple(i for i, f in enumerate(PAYLOAD.get(name, ())) if not (name == "stop.announced" and f == "channel"))
    for name in TYPES
)
_TIMES = frozenset({"start", "end"})
#: the kind of the violations :class:`.result.Violations` builds from incidents
BREACH = "response_breached"


def _value_key(v: Any) -> tuple[int, float, str]:
    if v is None:
        return (0, 0.0, "")
    if isinstance(v, str):
        return (2, 0.0, v)
    return (1, float(v), "")


def payload_key(payload: tuple[Any, ...]) -> tuple[tuple[int, float, str], ...]:
    """The content order of payloads: field by field, absent < number < text (code points)."""
    return tuple(_value_key(v) for v in payload)


def _run_key(r: Rec) -> tuple[tuple[tuple[int, float, str], ...], int]:
    return payload_key(r[2]), r[3]


class Conflict(NamedTuple):
    """Two events of one id, instant and type whose facts disagree; ``first`` is read first."""

    ident: str
    first: Rec
    other: Rec


def settle_run(ident: str, run: Sequence[Rec]) -> tuple[list[int], list[bool], list[Conflict]]:
    """Events of one id, instant and type: their positions in content order, which of
    those are exact duplicates of one before, and the contradictions among the rest."""
    order = sorted(range(len(run)), key=lambda k: _run_key(run[k]))
    dup = [False] * len(order)
    conflicts: list[Conflict] = []
    first = run[order[0]]
    facts = _FACTS[first[1]] if first[1] < len(_FACTS) else ()  # a declared type states no facts
    for n in range(1, len(order)):
        r, prev = run[order[n]], run[order[n - 1]]
        if r[2] == prev[2]:
            dup[n] = True
        elif any(r[2][i] != first[2][i] for i in facts):
            conflicts.append(Conflict(ident, first, r))
    return order, dup, conflicts


def type_ranks(code: NDArray[np.int64]) -> NDArray[np.int64]:
    """The place of each code's type in the order of types at one instant (:data:`RANK`): what a sort of
    records by time and type sorts on, on columns (the codes themselves while they are in that order)."""
    rank = np.asarray(RANK[:], dtype=np.int64)  # (one copy for the whole sort: see RANK)
    if (rank == np.arange(rank.size)).all():
        return code
    out: NDArray[np.int64] = rank[code]
    return out


def settle(ident: str, recs: list[Rec], as_of: float) -> tuple[list[Rec], int, list[Conflict]]:
    """One id's events in the order above, those after ``as_of`` and exact duplicates left out:
    the events kept, how many duplicates, the contradictions."""
    rank = RANK[:]  # (one copy for the whole sort: see RANK)
    recs = sorted(recs, key=lambda r: (r[0], rank[r[1]], r[3]))
    out: list[Rec] = []
    dups = 0
    conflicts: list[Conflict] = []
    i, n = 0, len(recs)
    while i < n:
        r = recs[i]
        if r[0] > as_of:
            break
        j = i + 1
        while j < n and recs[j][0] == r[0] and recs[j][1] == r[1]:
            j += 1
        if j == i + 1:
            out.append(r)
        else:
            run = recs[i:j]
            order, dup, found = settle_run(ident, run)
            out.extend(run[k] for k, d in zip(order, dup, strict=True) if not d)
            dups += sum(dup)
            conflicts += found
        i = j
    return out, dups, conflicts


def prepare_groups(log: EventLog, as_of: float) -> tuple[int, list[Conflict]]:
    """Put each id's events of every family but incidents (see :func:`.incident_columns.prepare`)
    in order, leaving out those after ``as_of`` and exact duplicates: how many duplicates, and
    the contradictions.

    In place, on the judging's own log: an id's list is replaced by a new one (or the id taken out
    of its dict), never changed, so a caller's log that the API copied the dicts of
    (:func:`sla_dsl.evaluation.own_log`) stays as it was."""
    dups = 0
    conflicts: list[Conflict] = []
    for group in log.groups:
        if group is log.incidents:
            continue
        for ident in list(group):
            recs = group[ident]
            if len(recs) == 1:
                if recs[0][0] > as_of:
                    del group[ident]
                continue
            out, d, found = settle(ident, recs, as_of)
            dups += d
            conflicts += found
            if out:
                group[ident] = out
            else:
                del group[ident]
    return dups, conflicts


def _shown(ctx: Ctx, field: str, v: Any) -> str | None:
    if v is None:
        return None
    return ctx.primary.dt(v).isoformat() if field in _TIMES else str(v)


def report_conflicts(ctx: Ctx, conflicts: Sequence[Conflict]) -> None:
    """A ``data`` violation per contradiction, naming both lines."""
    for ident, first, other in conflicts:
        name = TYPES[other[1]]
        fields = PAYLOAD[name]
        diff = [
            DataDiff(
                name=fields[i], value=_shown(ctx, fields[i], other[2][i]), other=_shown(ctx, fields[i], first[2][i])
            )
            for i in _FACTS[other[1]]
            if other[2][i] != first[2][i]
        ]
        a, b = first[3], other[3]
        unlined = DataNote(what="conflict_unlined", event=name, diff=diff)
        if not (a and b):  # lines unknown (a frame of events without a ``line`` column): not named
            ctx.bad_data(ident, unlined, 0, other[0])
            continue
        key = note_text(unlined, ident, "en", wall_text, str, str)  # the same words without the lines
        note = DataNote(what="conflict", event=name, line=b, other_line=a, diff=diff)
        ctx.bad_data(ident, note, b, other[0], key=key)


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_US = dt.timedelta(microseconds=1)
_NO_TIME = 1 << 62  # after every instant


def merged_order(dues: Sequence[float], ids: Sequence[str], rest: Sequence[Violation]) -> list[int]:
    """The canonical order of the response breaches (their due times and incident ids) merged
    into the other violations (already in that order): per position, breach ``k`` (``k >= 0``)
    or ``rest[-1 - k]``. On columns: a year's log has tens of thousands of breaches."""
    due = np.asarray(dues, dtype=np.float64)
    whole = np.floor(due)
    # whole microseconds, rounded as ``datetime.fromtimestamp`` rounds (half to even): the time shown
    us = whole.astype(np.int64) * 1_000_000 + np.round((due - whole) * 1e6).astype(np.int64)
    order = np.argsort(us, kind="stable")
    at = us[order]
    same = at[1:] == at[:-1]
    if same.any():  # breaches due at one time: by id (such runs are short)
        listed = order.tolist()
        edges = np.diff(np.concatenate(([0], same.astype(np.int8), [0])))
        for first, last in zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist(), strict=True):
            listed[first : last + 1] = sorted(listed[first : last + 1], key=ids.__getitem__)
        order = np.array(listed, dtype=np.int64)
    keys = [violation_key(v) for v in rest]
    when = np.array([k[0] for k in keys], dtype=np.int64)
    after = np.array([k[1] > BREACH for k in keys], dtype=bool)
    where = np.where(after, np.searchsorted(at, when, "right"), np.searchsorted(at, when, "left"))
    merged: list[int] = np.insert(order, where, -1 - np.arange(len(keys), dtype=np.int64)).tolist()
    return merged


def violation_key(v: Violation) -> tuple[int, str, str]:
    """Where a violation goes in the canonical order: by time (none last), kind, id."""
    return ((v.at - _EPOCH) // _US if v.at is not None else _NO_TIME, v.kind, v.id)


def violations_in_order(ctx: Ctx) -> list[Violation]:
    """Every violation found but the response breaches, in the canonical order."""
    keyed = [(violation_key(v), v.message, k) for k, v in enumerate(ctx.violations)]
    keyed += [(violation_key(v), text, -1 - k) for k, (v, text) in enumerate(zip(ctx.data, ctx.data_keys, strict=True))]
    keyed.sort(key=lambda x: (x[0], x[1]))
    return [ctx.violations[k] if k >= 0 else ctx.data[-1 - k] for _, _, k in keyed]
