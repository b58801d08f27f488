"""Incidents judged on columns: the same verdicts as the per-incident path, for a year's log.

Design notes
------------
* :mod:`.incidents` judges one incident at a time (:func:`.incidents.judge_one`),
  which is the reference reading of the rules. A year's log has hundreds of
  thousands of incidents, so this module judges the common ones together on
  numpy columns (one row per event record) and leaves every incident that
  needs a closer look to the per-incident path:
  no ``incident.reported``, reported more than once, reprioritised, a clock
  event or response before the report, or a priority the version in force does
  not define. Those are the incidents that raise ``data`` violations or carry
  reprioritisation steps; the rest have nothing but times to compare.
* Order: records are sorted per incident by (time, type, line), exact
  duplicates (same instant, type and payload) counted once with the lowest line
  kept, and records after ``as_of`` dropped: what :func:`._prepare` does per id.
* The first record of each type per incident gives the report, the clock start
  (the policy's clock rule, in order of preference, under the version in force
  at the report), the response and the completion event. Due times come from the
  calendar's batch API per (version, priority), as do the silence deadlines.
* The silence rule, on columns: of each ``after`` event that comes before the
  completion event, its deadline is met when the next ``after``/``unless``
  event of the incident (before the completion event) comes strictly after that
  deadline, or there is none; the first such ``after`` event is the one the
  per-incident walk stops at. ``tests/evaluate/test_columns.py`` checks the two
  paths agree on random logs.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .. import model as m
from ..events import Rec
from .common import Ctx, Rules
from .incidents import REPORTED, REPRIORITIZED, RESPONDED, Incident, completion_codes

Ints = NDArray[np.int64]
Floats = NDArray[np.float64]
_NONE = -1


@dataclass
class Prepared:
    """The records of every incident, ordered, duplicates and records after ``as_of`` left out."""

    ids: list[str]
    flat: list[Rec]
    #: positions into ``flat`` of the kept records, grouped by incident (in ``ids`` order)
    kept: Ints
    idx: Ints
    t: Floats
    code: Ints
    #: kept records of incident i: ``kept[bounds[i]:bounds[i + 1]]``
    bounds: Ints
    duplicates: int

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
    t = np.fromiter((r[0] for r in flat), np.float64, n)
    code = np.fromiter((r[1] for r in flat), np.int64, n)
    line = np.fromiter((r[3] for r in flat), np.int64, n)
    idx = np.repeat(np.arange(n_ids, dtype=np.int64), counts)
    # ``flat`` holds each incident's records together, mostly in order already
    # (a log is written as things happen): sort only when some are not.
    same_id = idx[1:] == idx[:-1]
    dt_, dc = t[1:] - t[:-1], code[1:] - code[:-1]
    out_of_order = same_id & ((dt_ < 0) | ((dt_ == 0) & ((dc < 0) | ((dc == 0) & (line[1:] < line[:-1])))))
    order = np.lexsort((line, code, t, idx)) if out_of_order.any() else np.arange(n, dtype=np.int64)
    # Exact duplicates share (id, instant, type) and so sit in runs; the payloads of
    # a run are compared in Python (runs are rare), keeping the first (lowest line).
    so, st, sc = idx[order], t[order], code[order]
    tie = (so[1:] == so[:-1]) & (st[1:] == st[:-1]) & (sc[1:] == sc[:-1])
    drop = np.zeros(n, dtype=bool)
    if tie.any():
        for start, stop in _runs(tie):
            seen: set[tuple[Any, ...]] = set()
            for k in range(start, stop + 1):
                payload = flat[int(order[k])][2]
                if payload in seen:
                    drop[k] = True
                seen.add(payload)
    late = st > as_of
    duplicates = int(np.count_nonzero(drop & ~late))
    keep = ~(drop | late)
    kept = order[keep]
    kidx = so[keep]
    bounds = np.searchsorted(kidx, np.arange(n_ids + 1, dtype=np.int64))
    return Prepared(ids, flat, kept, kidx, st[keep], sc[keep], bounds, duplicates)


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
    out: Ints = np.clip(np.searchsorted(starts, t, side="right") - 1, 0, None)
    return out


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


def judge_columns(ctx: Ctx, p: Prepared) -> tuple[list[tuple[int, Incident]], list[int]]:
    """Judge the plain incidents; return (position, verdict) of those listed in the period, not yet
    given a status, and the positions of the incidents left to the per-incident path."""
    n_ids = len(p.ids)
    if n_ids == 0:
        return [], []
    firsts = _Firsts(p)
    rules_list = ctx.versions.rules
    rep_t, rep_pos, rep_n = firsts(REPORTED)
    has_rep = rep_pos >= 0
    has_any = p.bounds[1:] > p.bounds[:-1]
    resp_t, _, _ = firsts(RESPONDED)
    _, _, reprio_n = firsts(REPRIORITIZED)
    # The clock: the first event the version in force at the report names, in order of preference.
    v_rep = _version_index(ctx, np.where(has_rep, rep_t, 0.0))
    clock = rep_t.copy()
    clock_name = np.full(n_ids, _NONE, dtype=np.int64)  # index into the version's clock_codes
    for v in np.unique(v_rep[has_rep]).tolist():
        in_v = has_rep & (v_rep == v)
        unset = in_v.copy()
        for k, (code, _) in enumerate(rules_list[v].clock_codes):
            at, _, _ = firsts(code)
            hit = unset & ~np.isnan(at)
            clock[hit] = at[hit]
            clock_name[hit] = k
            unset &= ~hit
    v_clock = _version_index(ctx, np.where(has_rep, clock, 0.0))
    slow = has_any & (~has_rep | (rep_n > 1) | (reprio_n > 0) | (clock < rep_t) | (resp_t < rep_t))
    plain = has_rep & ~slow
    # What each plain incident reported (priority, cause), and whether its version defines it.
    flat, kept = p.flat, p.kept
    plain_ids = np.flatnonzero(plain).tolist()
    rep_records = kept[rep_pos[plain_ids]].tolist()
    priority: dict[int, str] = {}
    cause: dict[int, str | None] = {}
    for i, j in zip(plain_ids, rep_records, strict=True):
        payload = flat[j][2]
        priority[i], cause[i] = payload[0], payload[1]
    slow_ids = np.flatnonzero(slow).tolist()
    vc = v_clock.tolist()
    buckets: dict[tuple[int, str], list[int]] = {}
    for i in plain_ids:
        pr = priority[i]
        if pr in rules_list[vc[i]].priorities:
            buckets.setdefault((vc[i], pr), []).append(i)
        else:
            slow_ids.append(i)
    slow_ids.sort()
    out: list[tuple[int, Incident]] = []
    p0, p1 = ctx.p0, ctx.p1
    for (v, pr), members in buckets.items():
        rules = rules_list[v]
        ids_arr = np.array(members, dtype=np.int64)
        ck = clock[ids_arr]
        live = ck < p1
        ids_arr, ck = ids_arr[live], ck[live]
        if ids_arr.size == 0:
            continue
        done_t, completion_t, silence = _completion(ctx, p, firsts, rules, rules.priorities[pr], ids_arr)
        # Before the period: listed only when not completed before it.
        listed = ~((ck < p0) & (completion_t < p0))
        ids_arr, ck, done_t = ids_arr[listed], ck[listed], done_t[listed]
        silence = {k: silence[k] for k in ids_arr.tolist() if k in silence}
        if ids_arr.size == 0:
            continue
        excluded = np.array([cause[i] in rules.exclusions for i in ids_arr.tolist()], dtype=bool)
        due = np.full(ids_arr.size, np.nan)
        if (~excluded).any():
            target = rules.priorities[pr].target
            if isinstance(target, m.Within):
                due[~excluded] = rules.add_array(ck[~excluded], target.duration)
            else:
                due[~excluded] = [rules.due(target, c) for c in ck[~excluded].tolist()]
        names = rules.clock_codes
        for i, c, d, dn in zip(ids_arr.tolist(), ck.tolist(), due.tolist(), done_t.tolist(), strict=True):
            k = int(clock_name[i])
            r = float(resp_t[i])
            inc = Incident(
                p.ids[i],
                rules,
                pr,
                float(rep_t[i]),
                cause[i],
                c,
                names[k][1] if k >= 0 else "reported",
                None if r != r else r,
                [],
                None if d != d else d,
            )
            sil = silence.get(i)
            if sil is not None:
                inc.completed, inc.completion, inc.silence = sil[1], "silence", sil
            elif dn == dn:  # not nan
                inc.completed, inc.completion, inc.completed_by = dn, "resolved", dn
            out.append((i, inc))
    return out, slow_ids


def _completion(
    ctx: Ctx, p: Prepared, firsts: _Firsts, rules: Rules, pri: m.Priority, ids: Ints
) -> tuple[Floats, Floats, dict[int, tuple[float, float]]]:
    """Per incident of ``ids``: the first completion event (nan without one), the completion time
    (nan when not completed), and the silence completions as {position: (after event, deadline)}."""
    on, after, unless = completion_codes(pri.completion)
    done = np.full(ids.size, np.nan)
    for c in on:
        at, _, _ = firsts(c)
        done = np.fmin(done, at[ids])
    completed = done.copy()
    sil = pri.completion.silence
    silence: dict[int, tuple[float, float]] = {}
    if sil is None or after is None:
        return done, completed, silence
    # The after/unless records of these incidents, in order (kept positions are grouped by incident).
    member = np.zeros(len(p.ids), dtype=bool)
    member[ids] = True
    codes = [after] if unless is None else [after, unless]
    sel = np.flatnonzero(member[p.idx] & np.isin(p.code, codes))
    done_by_id = np.full(len(p.ids), np.inf)
    done_by_id[ids] = np.where(np.isnan(done), np.inf, done)
    who, t, code = p.idx[sel], p.t[sel], p.code[sel]
    # Records at or after the completion event are never read.
    read = t < done_by_id[who]
    who, t, code = who[read], t[read], code[read]
    if who.size == 0:
        return done, completed, silence
    nxt = np.full(who.size, np.inf)
    same = who[1:] == who[:-1]
    nxt[:-1][same] = t[1:][same]
    is_after = code == after
    who, t, nxt = who[is_after], t[is_after], nxt[is_after]
    deadline = rules.add_array(t, sil.duration)
    fires = nxt > deadline
    who, t, deadline = who[fires], t[fires], deadline[fires]
    first = np.ones(who.size, dtype=bool)
    first[1:] = who[1:] != who[:-1]
    who, t, deadline = who[first], t[first], deadline[first]
    ok = (deadline <= ctx.as_of) & (done_by_id[who] > deadline)
    for i, a, d in zip(who[ok].tolist(), t[ok].tolist(), deadline[ok].tolist(), strict=True):
        silence[i] = (a, d)
    pos = np.searchsorted(ids, who[ok]) if _sorted(ids) else _positions(ids, who[ok])
    completed[pos] = deadline[ok]
    return done, completed, silence


def _sorted(a: Ints) -> bool:
    return bool(a.size < 2 or np.all(a[1:] >= a[:-1]))


def _positions(ids: Ints, wanted: Ints) -> Ints:
    where = {v: k for k, v in enumerate(ids.tolist())}
    return np.array([where[v] for v in wanted.tolist()], dtype=np.int64)
