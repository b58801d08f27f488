"""Incidents judged on columns: the same verdicts as the per-incident path, for a year's log.

Design notes
------------
* :mod:`.incidents` judges one incident at a time (``read_incident``, ``complete``,
  ``judge``): the reference reading of the rules. A year's log has hundreds of
  thousands of incidents, so this module judges the common ones together on
  numpy columns (one row per event record) and leaves every incident that
  needs a closer look to the per-incident path:
  no ``incident.reported``, reported more than once, reprioritised, with an
  event that gives attributes of a type some version's ``changes at`` lists
  (``Ctx.changes``), any event before the report, a priority the version in
  force does not define, or one with named targets or incident notification
  rules (:mod:`.targets`).
  Those are the incidents that raise ``data`` violations or carry
  reprioritisation steps; the rest have nothing but times to compare.
* Order: records are sorted per incident by (time, type, line), then each run
  of one instant and type is put in content order by :func:`.order.settle_run`
  (runs are rare), which also finds the exact duplicates (counted once, the
  lowest line kept) and the contradictions; records after ``as_of`` are
  dropped: what :func:`.order.prepare_groups` does per id for the other
  families. A log is mostly in order already, so the sort runs only when some
  incident's records are not.
* The first record of each type per incident gives the report, the clock start
  (the policy's clock rule, in order of preference, read from the version that
  judges the incident: :func:`.incidents.clock_start`, on columns in
  :func:`_clock_starts`), the response and the completion event. Due times come from the
  calendar's batch API per (version, priority), as do the silence deadlines;
  statuses and breaches are array comparisons. Only ``at_risk`` (an open clock
  at ``as_of``, a handful) is computed one incident at a time, with the last warning
  threshold passed (``risk_percent``, a column of nan elsewhere).
* The silence rule, on columns: of each ``after`` event that comes before the
  completion event, its deadline is met when the next ``after``/``unless``
  event of the incident (before the completion event) comes strictly after that
  deadline, or there is none; the first such ``after`` event is the one the
  per-incident walk stops at. ``tests/evaluate/test_columns.py`` checks the two
  paths agree on random logs.
* The verdicts are listed by clock start, then id (:func:`report_permutation`): the
  clocks sorted on a column, ids compared only where clocks tie.
* Each bucket also keeps its verdicts as :class:`~.result.VerdictColumns` (the
  arrays the objects were made from), which the package's entry permutes into
  report order for the table and JSON builders (:mod:`.result`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter

import numpy as np
from numpy.typing import NDArray

from ..events.schema import Rec
from ..lang import model as m
from .common import Ctx, Rules, target_calendar
from .incidents import REPORTED, REPRIORITIZED, RESPONDED, Incident, completion_codes, judge_risk
from .order import Conflict, settle_run, type_ranks
from .result import VerdictColumns, object_array
from .select import hand_off
from .targets import has_targets

Ints = NDArray[np.int64]
Floats = NDArray[np.float64]
Texts = NDArray[np.object_]
_NONE = -1
_FIRST, _SECOND, _PAYLOAD = itemgetter(0), itemgetter(1), itemgetter(2)


@dataclass
class Prepared:
    """The records of every incident, ordered, duplicates and records after ``as_of`` left out."""

    ids: list[str]
    #: ``ids`` as a numpy array (for taking the ids of many incidents at once)
    names: NDArray[np.object_]
    flat: list[Rec]
    #: positions into ``flat`` of the kept records, grouped by incident (in ``ids`` order)
    kept: Ints
    idx: Ints
    t: Floats
    code: Ints
    #: kept records of incident i: ``kept[bounds[i]:bounds[i + 1]]``
    bounds: Ints
    duplicates: int
    #: events of one incident, instant and type that disagree (see :mod:`.order`)
    conflicts: list[Conflict]

    def records(self, i: int) -> list[Rec]:
        """The kept records of incident ``i``, in order (what the per-incident path reads)."""
        flat = self.flat
        return [flat[j] for j in self.kept[self.bounds[i] : self.bounds[i + 1]].tolist()]


def prepare(groups: dict[str, list[Rec]], as_of: float) -> Prepared:
    """Order, deduplicate and cut at ``as_of`` every incident's records, on columns."""
    ids = list(groups)
    lists = list(groups.values())
    n_ids = len(ids)
    counts = np.fromiter(map(len, lists), np.int64, n_ids)
    flat: list[Rec] = list(itertools.chain.from_iterable(lists))
    n = len(flat)
    t = np.fromiter(map(itemgetter(0), flat), np.float64, n)
    code = np.fromiter(map(itemgetter(1), flat), np.int64, n)
    rank = type_ranks(code)  # (at one instant, by the order of types: not by code)
    idx = np.repeat(np.arange(n_ids, dtype=np.int64), counts)
    # ``flat`` holds each incident's records together, mostly in order already
    # (a log is written as things happen): sort only when some are not.
    same_id = idx[1:] == idx[:-1]
    dt_, dc = t[1:] - t[:-1], rank[1:] - rank[:-1]
    # Neighbours of one id, instant and type: in order when their lines are (few: read those only).
    tie = same_id & (dt_ == 0) & (dc == 0)
    out_of_order = bool((same_id & ((dt_ < 0) | ((dt_ == 0) & (dc < 0)))).any())
    if not out_of_order and tie.any():
        out_of_order = any(flat[k + 1][3] < flat[k][3] for k in np.flatnonzero(tie).tolist())
    if out_of_order:
        line = np.fromiter(map(itemgetter(3), flat), np.int64, n)
        order = np.lexsort((line, rank, t, idx))
        so, st, sc = idx[order], t[order], code[order]
        tie = (so[1:] == so[:-1]) & (st[1:] == st[:-1]) & (sc[1:] == sc[:-1])
    else:
        order, so, st, sc = np.arange(n, dtype=np.int64), idx, t, code
    # Events of one (id, instant, type) sit in runs: each run is put in content order
    # in Python (runs are rare), its exact duplicates marked and its contradictions found.
    drop = np.zeros(n, dtype=bool)
    late = st > as_of
    conflicts: list[Conflict] = []
    if tie.any():
        for start, stop in _runs(tie):
            where = order[start : stop + 1].tolist()
            ranked, dup, found = settle_run(ids[int(so[start])], [flat[j] for j in where])
            order[start : stop + 1] = [where[k] for k in ranked]
            drop[start : stop + 1] = dup
            if not late[start]:
                conflicts += found
    duplicates = int(np.count_nonzero(drop & ~late))
    keep = ~(drop | late)
    kept = order[keep]
    kidx = so[keep]
    bounds = np.zeros(n_ids + 1, dtype=np.int64)
    np.cumsum(np.bincount(kidx, minlength=n_ids), out=bounds[1:])
    names = np.fromiter(ids, object, n_ids)
    return Prepared(ids, names, flat, kept, kidx, st[keep], sc[keep], bounds, duplicates, conflicts)


def report_permutation(items: list[Incident]) -> NDArray[np.intp]:
    """The positions of ``items`` in report order, clock start then id (as ``sorted(items,
    key=(clock, ident))`` orders them)."""
    clocks = np.fromiter(map(attrgetter("clock"), items), np.float64, len(items))
    return report_order(clocks, lambda k: items[k].ident)


def report_order(clocks: Floats, ident: Callable[[int], str]) -> NDArray[np.intp]:
    """The positions in report order of incidents whose clock starts are ``clocks`` and whose ids
    ``ident`` gives by position: the clocks sorted on a column (stable), only the runs of equal
    clocks (rare) sorted by id."""
    order = np.argsort(clocks, kind="stable")
    ranked = clocks[order]
    tie = ranked[1:] == ranked[:-1]
    if tie.any():
        for start, stop in _runs(tie):
            run = order[start : stop + 1].tolist()
            order[start : stop + 1] = sorted(run, key=ident)
    return order


def _runs(tie: NDArray[np.bool_]) -> list[tuple[int, int]]:
    """(first, last) positions of each run of sorted records that ``tie[k]`` joins to record k + 1."""
    edges = np.diff(np.concatenate(([0], tie.astype(np.int8), [0])))
    starts = np.flatnonzero(edges == 1)
    stops = np.flatnonzero(edges == -1)
    return list(zip(starts.tolist(), stops.tolist(), strict=True))


def _firsts(p: Prepared, code: int) -> tuple[Floats, Ints, Ints]:
    """Per incident: the time and kept position of its first record of ``code`` (nan, -1 without
    one), and how many it has."""
    n_ids = len(p.ids)
    sel = np.flatnonzero(p.code == code)
    at = np.full(n_ids, np.nan)
    pos = np.full(n_ids, _NONE, dtype=np.int64)
    if sel.size:
        who = p.idx[sel]
        first = np.ones(sel.size, dtype=bool)
        first[1:] = who[1:] != who[:-1]
        at[who[first]] = p.t[sel[first]]
        pos[who[first]] = sel[first]
    return at, pos, np.bincount(p.idx[sel], minlength=n_ids)


def _version_index(ctx: Ctx, t: Floats) -> Ints:
    """Per instant, the index of the version in force (the first one before any is)."""
    starts = np.array([r.effective_epoch for r in ctx.versions.rules], dtype=np.float64)
    if starts.size == 1:
        return np.zeros(t.size, dtype=np.int64)
    out: Ints = np.clip(np.searchsorted(starts, t, side="right") - 1, 0, None)
    return out


def _clock_starts(
    ctx: Ctx, firsts: _Firsts, has_rep: NDArray[np.bool_], rep_t: Floats
) -> tuple[Floats, NDArray[np.object_], Ints]:
    """Per incident, the response clock start, the name of its event and the index of the version that
    judges it, as :func:`.incidents.clock_start` reads them: the first version, by date, whose own rule
    starts the clock while it is in force, else the version in force at the report with its own rule."""
    rules_list = ctx.versions.rules
    n_ids = rep_t.size
    under: dict[tuple[tuple[int, str], ...], tuple[Floats, NDArray[np.object_]]] = {}

    def start(rules: Rules) -> tuple[Floats, NDArray[np.object_]]:
        """The clock under ``rules``' own rule: the first event of the first type it names, else the report."""
        key = tuple(rules.clock_codes)
        hit = under.get(key)
        if hit is None:
            clock = rep_t.copy()
            names = np.full(n_ids, "reported", dtype=object)
            unset = has_rep.copy()
            for code, event in rules.clock_codes:
                at, _, _ = firsts(code)
                found = unset & ~np.isnan(at)
                clock[found] = at[found]
                names[found] = event
                unset &= ~found
            hit = under[key] = (clock, names)
        return hit

    if len(rules_list) == 1:
        clock, names = start(rules_list[0])
        return clock, names, np.zeros(n_ids, dtype=np.int64)
    clock = rep_t.copy()
    names = np.full(n_ids, "reported", dtype=object)
    chosen = np.where(has_rep, -1, 0).astype(np.int64)
    for k, rules in enumerate(rules_list):
        at, said = start(rules)
        own = (chosen < 0) & (_version_index(ctx, np.where(has_rep, at, 0.0)) == k)
        clock[own], names[own], chosen[own] = at[own], said[own], k
    left = chosen < 0  # no version's own start falls in its own time: the one at the report, with its rule
    if left.any():
        v_rep = _version_index(ctx, np.where(left, rep_t, 0.0))
        for v in np.unique(v_rep[left]).tolist():
            at, said = start(rules_list[v])
            own = left & (v_rep == v)
            clock[own], names[own], chosen[own] = at[own], said[own], v
    return clock, names, chosen


class _Firsts:
    """First records of each type, computed when first asked for."""

    def __init__(self, p: Prepared) -> None:
        self.p = p
        self.cache: dict[int, tuple[Floats, Ints, Ints]] = {}

    def __call__(self, code: int) -> tuple[Floats, Ints, Ints]:
        hit = self.cache.get(code)
        if hit is None:
            hit = self.cache[code] = _firsts(self.p, code)
        return hit


@dataclass
class Judged:
    """The incidents the columns judged (status set), and those left to the per-incident path."""

    #: verdicts on the plain incidents listed in the period, and their positions in the log
    items: list[Incident]
    positions: list[int]
    #: per item: is it a response breach due in the period (a violation)?
    breaches: list[bool]
    #: positions of the incidents the per-incident path judges, in log order
    slow: list[int]
    #: ``items`` as columns, a part per bucket in their order
    columns: list[VerdictColumns] = field(default_factory=list)


_STATUS = ("met", "breached", "open", "at_risk", "excluded")
_STATUSES = np.array(_STATUS, dtype=object)
_ENDS = np.array([None, "resolved", "silence"], dtype=object)
_MET, _BREACHED, _OPEN, _AT_RISK, _EXCLUDED = range(5)


def judge_columns(ctx: Ctx, p: Prepared) -> Judged:
    """Judge the plain incidents on columns; leave the others (see the module notes) to the caller."""
    out = Judged([], [], [], [])
    n_ids = len(p.ids)
    if n_ids == 0:
        return out
    firsts = _Firsts(p)
    rules_list = ctx.versions.rules
    rep_t, rep_pos, rep_n = firsts(REPORTED)
    has_rep = rep_pos >= 0
    has_any = p.bounds[1:] > p.bounds[:-1]
    resp_t, _, _ = firsts(RESPONDED)
    _, _, reprio_n = firsts(REPRIORITIZED)
    # The incident's earliest record (records are in time order): one before the report is bad data.
    first_t = np.full(n_ids, np.nan)
    first_t[has_any] = p.t[p.bounds[:-1][has_any]]
    # The clock, its event and the version that judges: as :func:`.incidents.clock_start` reads them.
    clock, clock_name, v_clock = _clock_starts(ctx, firsts, has_rep, rep_t)
    slow = has_any & (~has_rep | (rep_n > 1) | (reprio_n > 0) | (first_t < rep_t))
    if ctx.changes:  # attributes changed by an event a `changes at` lists: read per incident, as a reprioritisation
        slow[[k for k, ident in enumerate(p.ids) if ident in ctx.changes]] = True
    plain = np.flatnonzero(has_rep & ~slow)
    # What each plain incident reported (priority, cause).
    flat = p.flat
    payloads = list(map(_PAYLOAD, map(flat.__getitem__, p.kept[rep_pos[plain]].tolist())))
    plain, payloads = hand_off(ctx.versions, slow, plain, payloads)  # attributes that select other rules
    priorities = list(map(_FIRST, payloads))
    causes = list(map(_SECOND, payloads))
    # Buckets of one (version, priority); a priority the version lacks goes to the per-incident path.
    names = sorted(set(priorities))
    code_of = {name: k for k, name in enumerate(names)}
    bucket = v_clock[plain] * len(names) + np.fromiter(map(code_of.__getitem__, priorities), np.int64, len(priorities))
    slow_ids = np.flatnonzero(slow).tolist()
    order = np.argsort(bucket, kind="stable")
    cuts = np.flatnonzero(np.diff(bucket[order])) + 1
    for members in np.split(order, cuts) if order.size else []:
        v, pr = divmod(int(bucket[members[0]]), len(names))
        rules, name = rules_list[v], names[pr]
        if name not in rules.priorities or has_targets(rules, name):  # named targets: per incident
            slow_ids.extend(plain[members].tolist())
            continue
        _judge_bucket(
            ctx,
            p,
            firsts,
            rules,
            name,
            plain[members],
            list(map(causes.__getitem__, members.tolist())),
            out,
            clock,
            clock_name,
            rep_t,
            resp_t,
        )
    slow_ids.sort()
    out.slow = slow_ids
    return out


def _judge_bucket(
    ctx: Ctx,
    p: Prepared,
    firsts: _Firsts,
    rules: Rules,
    priority: str,
    ids: Ints,
    causes: list[str | None],
    out: Judged,
    clock: Floats,
    clock_name: Texts,
    rep_t: Floats,
    resp_t: Floats,
) -> None:
    """Judge the incidents ``ids`` of one (version, priority) and add them to ``out``."""
    ck = clock[ids]
    live = ck < ctx.p1
    pri = rules.priorities[priority]
    done, completed, sil_after, sil_deadline = _completion(ctx, p, firsts, rules, pri, ids)
    # Before the period, an incident is listed only when not completed before it.
    keep = live & ~((ck < ctx.p0) & (completed < ctx.p0))
    if not keep.all():
        sel = np.flatnonzero(keep)
        ids, ck, done, completed = ids[sel], ck[sel], done[sel], completed[sel]
        sil_after, sil_deadline = sil_after[sel], sil_deadline[sel]
        causes = list(map(causes.__getitem__, sel.tolist()))
    n = ids.size
    if n == 0:
        return
    excluded = np.fromiter(map(rules.exclusions.__contains__, causes), bool, len(causes))  # (never None)
    due = np.full(n, np.nan)
    judged = ~excluded
    if judged.any():
        target = pri.target
        if isinstance(target, m.Within):
            due[judged] = rules.add_array(ck[judged], target.duration)
        else:
            due[judged] = [rules.due(target, c) for c in ck[judged].tolist()]
    resp = resp_t[ids]
    answered = ~np.isnan(resp)
    status = np.full(n, _OPEN, dtype=np.int64)
    status[answered & (resp <= due)] = _MET
    status[(answered & (resp > due)) | (~answered & (ctx.as_of > due))] = _BREACHED
    status[excluded] = _EXCLUDED
    silence = ~np.isnan(sil_after)
    ended = (~np.isnan(done)).astype(np.int64)  # the completion: none, "resolved" or "silence" (_ENDS)
    ended[silence] = 2
    completed_by = np.where(silence, np.nan, done)
    # the columns the objects are made from, kept for the builders (see the module's notes)
    names, clock_events, ends, statuses = p.names[ids], clock_name[ids], _ENDS[ended], _STATUSES[status]
    quiet: list[tuple[float, float] | None] = [None] * n
    if silence.any():
        for k, a, d in zip(
            np.flatnonzero(silence).tolist(), sil_after[silence].tolist(), sil_deadline[silence].tolist(), strict=True
        ):
            quiet[k] = (a, d)
    items = list(
        map(
            Incident,
            names.tolist(),
            itertools.repeat(rules, n),
            itertools.repeat(priority, n),
            rep_t[ids].tolist(),
            causes,
            ck.tolist(),
            clock_events.tolist(),
            _nones(resp),
            itertools.repeat((), n),
            _nones(due),
            _nones(completed),
            ends.tolist(),
            _nones(completed_by),
            quiet,
            statuses.tolist(),
        )
    )
    _completed_on(p, firsts, rules, pri, ids, items)  # (which of several completion events: for the explanation)
    risk = np.full(n, np.nan)  # the last warning threshold passed, of those at risk
    if rules.at_risk is not None:
        # An open clock at or past the warning threshold (few: those running at as_of).
        cal = target_calendar(pri.target)
        for k in np.flatnonzero(status == _OPEN).tolist():
            inc = items[k]
            d = inc.due
            assert d is not None
            if judge_risk(ctx, inc, d, cal):
                statuses[k], risk[k] = "at_risk", inc.risk_percent
    out.columns.append(
        VerdictColumns(
            names,
            _texts(priority, n),
            object_array(causes),
            rep_t[ids],
            ck,
            clock_events,
            resp,
            due,
            completed,
            ends,
            completed_by,
            sil_after,
            sil_deadline,
            statuses,
            risk,
            np.ones(n, dtype=bool),
            np.zeros(n, dtype=np.intp),
            [(rules, priority)],
        )
    )
    out.items.extend(items)
    out.positions.extend(ids.tolist())
    # a breach due in the period, or after it of an incident completed before its end (:func:`.incidents.in_period`)
    after = (due >= ctx.p1) & ~(completed < ctx.p1)
    out.breaches.extend(((status == _BREACHED) & (due >= ctx.p0) & ~after).tolist())


def _texts(value: str, n: int) -> NDArray[np.object_]:
    """``n`` times ``value``, as an object array."""
    out: NDArray[np.object_] = np.empty(n, dtype=object)
    out.fill(value)
    return out


def _nones(a: Floats) -> list[float | None]:
    """The values of a float array, None for nan."""
    values = a.astype(object)
    values[np.isnan(a)] = None
    out: list[float | None] = values.tolist()
    return out


def _completed_on(
    p: Prepared, firsts: _Firsts, rules: Rules, pri: m.Priority, ids: Ints, items: list[Incident]
) -> None:
    """Of the incidents ``ids`` (``items``) of a rule that completes on several event types, which one
    completed each completed by an event (:attr:`.incidents.Incident.completed_on`): the first record of any
    of them, the one the per-incident path reads (:func:`.incidents.complete`); few: such rules are rare."""
    on, _, _ = completion_codes(rules, pri.completion)
    if len(on) < 2:
        return
    none = np.iinfo(np.int64).max
    pos = np.full(ids.size, none)
    for c in on:
        _, where, _ = firsts(c)
        at = where[ids]
        pos = np.where(at >= 0, np.minimum(pos, at), pos)
    for k in np.flatnonzero(pos < none).tolist():
        if items[k].completion == "resolved":
            r = p.flat[int(p.kept[pos[k]])]
            items[k].completed_on = (r[1], r[3])


def _completion(
    ctx: Ctx, p: Prepared, firsts: _Firsts, rules: Rules, pri: m.Priority, ids: Ints
) -> tuple[Floats, Floats, Floats, Floats]:
    """Per incident of ``ids``: the first completion event, the completion time, and the silence
    completion's ``after`` event and deadline (nan where there is none)."""
    on, after, unless = completion_codes(rules, pri.completion)
    done = np.full(ids.size, np.nan)
    for c in on:
        at, _, _ = firsts(c)
        done = np.fmin(done, at[ids])
    completed = done.copy()
    sil_after = np.full(ids.size, np.nan)
    sil_deadline = np.full(ids.size, np.nan)
    sil = pri.completion.silence
    if sil is None or after is None:
        return done, completed, sil_after, sil_deadline
    # The after/unless records of these incidents, in order (kept positions are grouped by incident).
    where = np.full(len(p.ids), -1, dtype=np.int64)
    where[ids] = np.arange(ids.size)
    codes = [after] if unless is None else [after, unless]
    sel = np.flatnonzero((where[p.idx] >= 0) & np.isin(p.code, codes))
    who, t, code = where[p.idx[sel]], p.t[sel], p.code[sel]
    # Records at or after the completion event are never read.
    read = ~(t >= done[who])
    who, t, code = who[read], t[read], code[read]
    if who.size == 0:
        return done, completed, sil_after, sil_deadline
    nxt = np.full(who.size, np.inf)
    same = who[1:] == who[:-1]
    nxt[:-1][same] = t[1:][same]
    is_after = code == after
    who, t, nxt = who[is_after], t[is_after], nxt[is_after]
    deadline = rules.never_after_array(t, sil.duration)  # (inf: after the supported years, never comes)
    fires = nxt > deadline
    who, t, deadline = who[fires], t[fires], deadline[fires]
    first = np.ones(who.size, dtype=bool)
    first[1:] = who[1:] != who[:-1]
    who, t, deadline = who[first], t[first], deadline[first]
    ok = (deadline <= ctx.as_of) & ~(done[who] <= deadline)
    who, t, deadline = who[ok], t[ok], deadline[ok]
    sil_after[who] = t
    sil_deadline[who] = deadline
    completed[who] = deadline
    return done, completed, sil_after, sil_deadline
