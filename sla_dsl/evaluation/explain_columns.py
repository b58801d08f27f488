"""Incident rows and their explanation steps as Arrow columns: the Parquet tables of a year's log.

Design notes
------------
* :func:`.incident_rows.row_json` and :func:`.incident_rows.explain` build one
  incident's row and steps as Python dicts: the reference, and what the JSON
  report streams. A year's log has about 200,000 incidents and two million
  steps; built a dict at a time they were most of ``sla evaluate --format
  parquet``. Here the same rows and steps are computed for a block of
  incidents at once, on numpy arrays and Arrow's string kernels, and handed to
  :mod:`sla_dsl.report.tables` as :class:`~sla_dsl.report.tables.TableBlock` objects.
* Steps come in slots, in the order :func:`explain` writes them: report, clock
  start, version note, rule chosen, exclusion, the walk's days, due time,
  same-day guideline, status, completion, not completed. A slot gives rows to
  some incidents (several for the walk); one counting pass over (incident,
  slot, k) gives every row its place and a ``take`` puts them in order.
* A slot's texts (and references) are kept as values and each row's position in
  them (:class:`_Texts`): a text the same for every row (a rule's step, a
  reference) is one value, a walk's day is worded once for every span that
  crosses it whole. The block's ``text`` and ``ref`` columns are then taken from
  all the values at once, in explanation order: the step texts of a year (95 MB)
  are copied once, not concatenated and then taken.
* Instants and the walk's days are worded on arrays by :mod:`.time_columns`.
* The facts of each incident (times, ids, status...) are read as
  :class:`~.result.VerdictColumns`: those the judge handed over with the list
  (a :class:`~.result.Verdicts` it made, sliced per block, never reading the
  objects), else read from the objects a block at a time (:func:`~.result.columns_of`).
* Covered: incidents without reprioritisations, attribute changes or named targets (the columnar
  judge's and most others). The others are handed back as :func:`row_json`
  rows, which the table builder files as before. A block gathers the next
  covered incidents across the others between them (:func:`incident_runs`
  yields its runs and those rows in order): cut at each, a log alternating
  plain priorities with priorities that have named targets was built a block
  per incident (72 s against the row path's 7.7 on 40,000 incidents). An open or at-risk status
  step, or a walk whose end day is before its start day, takes the reference
  function for that step. ``tests/report/test_step_columns.py`` checks every
  table equals the row path's on random logs over every policy here.
* With ``json=True`` the time columns (the rows' and the steps' ``at``) hold the
  JSON text of each instant in its version's zone (:meth:`.time_columns.InstantWords.json`,
  as :meth:`Rules.stamp` words it for the streamed JSON report) instead of
  timestamps: what :mod:`sla_dsl.report.json_columns` writes the JSON report's
  rows from. ``tests/report/test_json_columns.py`` checks those bytes against the
  row path's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from numpy.typing import NDArray

from ..report.settled import responses_in_summary
from ..report.tables import SCHEMAS, TableBlock
from .common import Ctx, Rules, art, fmt_span
from .incident_rows import (
    Words,
    done_words,
    row_json,
    same_day_of,
    same_day_verdict,
    status_step,
    words_of,
)
from .incidents import Incident
from .result import VerdictColumns, Verdicts, columns_of
from .select import rule_steps
from .time_columns import DAY_US, NAT, TIME, InstantWords, Stamps, json_times, us_of, utc_us, walk_spans, zone_index

__all__ = ["BLOCK", "INCIDENT_COLUMNS", "Run", "incident_blocks", "incident_runs"]

Ints = NDArray[np.int64]
Floats = NDArray[np.float64]
Flags = NDArray[np.bool_]

#: Incidents built together (about ten steps each).
BLOCK = 16_384
#: The columns of the incidents table this module builds (a test keeps them those of the schema).
INCIDENT_COLUMNS = (
    "id",
    "priority",
    "clock_start",
    "response_due",
    "responded_at",
    "status",
    "at_risk_percent",
    "completed_at",
    "reported_at",
    "clock_event",
    "completion",
    "cause",
    "same_day_applies",
    "same_day_due",
    "same_day_met",
    "policy_version",
    "in_summary",
)
_KNOWN = tuple(c.name for c in SCHEMAS["incidents"]) == INCIDENT_COLUMNS

# The slots of an explanation, in order.
(
    _REPORTED,
    _CLOCK,
    _NOTE,
    _RULE,
    _EXCLUDED,
    _WALK,
    _DUE,
    _SAME_DAY,
    _STATUS,
    _DONE,
    _NOT_DONE,
    _SLOTS,
) = range(12)


class _Texts(NamedTuple):
    """A text column of some step rows: ``values``, and each row's position in them (None: one value
    per row, in order)."""

    values: pa.Array
    pick: Ints | None


class _Piece(NamedTuple):
    """Step rows of one slot: the incidents (block positions) they explain, their order within the slot."""

    who: Ints
    slot: int
    sub: Ints | None
    text: _Texts
    at: Ints | None  # UTC microseconds, NAT for none; None: all none
    ref: _Texts


def _same(value: str | None, n: int) -> _Texts:
    """``n`` times the same text (or null)."""
    return _Texts(pa.array([value], pa.string()), np.zeros(n, dtype=np.int64))


def _each(values: pa.Array) -> _Texts:
    """One text per row."""
    return _Texts(values, None)


class Run(NamedTuple):
    """Rows [first, stop) of ``block``: a run of covered incidents next to each other in the list (a
    block's incidents are gathered across the uncovered ones between them, so it may have several)."""

    block: TableBlock
    first: int
    stop: int


def incident_runs(
    ctx: Ctx,
    incidents: Sequence[Incident],
    *,
    block: int = BLOCK,
    json: bool = False,
    clocks: dict[int, InstantWords] | None = None,
    start: int = 0,
    stop: int | None = None,
) -> Iterator[Run | dict[str, Any]]:
    """The incidents table and its steps in report order: a :class:`Run` of a block for each run of
    covered incidents (see the module's notes), a :func:`row_json` row for each other. A block holds
    the next ``block`` covered incidents, however many others lie between them: incidents with named
    targets or reprioritised, interleaved with plain ones, do not cut the blocks short. With ``json``
    the blocks' times as their JSON text; ``clocks``: the words of instants kept between calls, per
    version; only incidents [start, stop) (all by default)."""
    clocks = {} if clocks is None else clocks
    stop = len(incidents) if stop is None else stop
    handed = incidents.columns() if isinstance(incidents, Verdicts) else None  # (see .result's notes)
    if handed is not None:
        covered = np.asarray(handed.plain[start:stop], dtype=bool)
    else:
        covered = np.fromiter(
            (
                not inc.reprios and not inc.targets and not inc.unapplied and not inc.changes
                for inc in incidents[start:stop]
            ),
            bool,
            stop - start,
        )
    n = covered.size
    picks = np.flatnonzero(covered) if _KNOWN else np.zeros(0, dtype=np.int64)
    i = 0  # the next position to yield
    for k in range(0, picks.size, block):
        at = picks[k : k + block]
        where = (at + start).tolist()
        incs = [incidents[x] for x in where]
        cols = handed.take(at + start) if handed is not None else columns_of(incs)
        built = _block(ctx, incs, cols, clocks, json)
        # the runs of positions next to each other, the others between them as rows
        cuts = np.flatnonzero(np.diff(at) != 1) + 1
        firsts = np.concatenate(([0], cuts)).tolist()
        stops = np.concatenate((cuts, [at.size])).tolist()
        for a, b in zip(firsts, stops, strict=True):
            here = int(at[a])
            for x in range(i, here):
                yield row_json(ctx, incidents[start + x])
            yield Run(built, a, b)
            i = here + (b - a)
    for x in range(i, n):
        yield row_json(ctx, incidents[start + x])


def incident_blocks(
    ctx: Ctx,
    incidents: Sequence[Incident],
    *,
    block: int = BLOCK,
    json: bool = False,
    clocks: dict[int, InstantWords] | None = None,
    start: int = 0,
    stop: int | None = None,
) -> Iterator[TableBlock | dict[str, Any]]:
    """:func:`incident_runs` as table blocks: each run its rows of the block, and their steps."""
    built: TableBlock | None = None
    rows: Ints = np.zeros(0, dtype=np.int64)  # the block's step rows (in order of row)
    for item in incident_runs(ctx, incidents, block=block, json=json, clocks=clocks, start=start, stop=stop):
        if not isinstance(item, Run):
            yield item
            continue
        if item.block is not built:
            built = item.block
            rows = built.steps.column("row").to_numpy()
        yield _slice(built, rows, item.first, item.stop)


def _slice(built: TableBlock, rows: Ints, first: int, stop: int) -> TableBlock:
    """Rows [first, stop) of a block and their steps (``rows``: the steps' rows), numbered from 0."""
    if first == 0 and stop == built.rows.num_rows:
        return built
    a, b = np.searchsorted(rows, [first, stop]).tolist()
    steps = built.steps.slice(a, b - a)
    shifted = pc.subtract(steps.column("row"), pa.scalar(first, pa.int64()))
    steps = steps.set_column(steps.schema.get_field_index("row"), "row", shifted)
    return TableBlock(built.rows.slice(first, stop - first), steps)


class _Facts(NamedTuple):
    """The verdicts of a block of incidents as arrays (nan: none)."""

    reported: Floats
    clock: Floats
    responded: Floats
    due: Floats
    completed: Floats
    completed_by: Floats
    silence_last: Floats
    silence_end: Floats
    clock_event: pa.Array


def _block(
    ctx: Ctx, incs: Sequence[Incident], c: VerdictColumns, clocks: dict[int, InstantWords], json: bool
) -> TableBlock:
    """The rows and steps of the incidents ``incs`` (``c``: their columns)."""
    n = len(incs)
    facts = _Facts(
        c.reported,
        c.clock,
        c.responded,
        c.due,
        c.completed,
        c.completed_by,
        c.silence_last,
        c.silence_end,
        pa.array(c.clock_event, pa.string()),
    )
    ended = _Ended(c.completion == "resolved", c.completion == "silence")
    # the same-day guideline's columns; ``known``: the priority has one and the incident is judged
    same = _Same(np.zeros(n, bool), np.zeros(n, bool), np.full(n, np.nan), np.zeros(n, bool), np.zeros(n, bool))
    pieces: list[_Piece] = []
    version = np.zeros(n, dtype=np.int64)  # per incident, its group's index into ``versions``
    versions: list[str] = []
    zone = np.zeros(n, dtype=np.int64)  # per incident, the index of its words of instants in ``zones``
    zones: list[InstantWords] = []
    for who in _groups(c.kind):
        rules, priority = c.kinds[int(c.kind[who[0]])]
        version[who] = len(versions)
        versions.append(rules.version)
        zone[who] = k = zone_index(clocks, zones, rules)
        clock = zones[k]
        pieces += _group(ctx, clock, priority, who, incs, c.cause[who], facts, ended, same)
    rows = _rows(ctx, c, facts, same, pa.array(versions, pa.string()).take(pa.array(version)))
    steps = _steps(n, pieces)
    if json:
        return TableBlock(json_times(rows, zone, zones), json_times(steps, zone[steps["row"].to_numpy()], zones))
    return TableBlock(rows, steps)


def _groups(kind: NDArray[np.intp]) -> list[Ints]:
    """The positions of each (rules, priority) code, the groups in the order first met."""
    order = np.argsort(kind, kind="stable").astype(np.int64)
    parts = np.split(order, np.flatnonzero(np.diff(kind[order])) + 1) if order.size else []
    return sorted(parts, key=lambda who: int(who[0]))


class _Ended(NamedTuple):
    """How each incident of a block completed."""

    resolved: Flags
    silence: Flags


class _Same(NamedTuple):
    """The same-day guideline's columns of a block, filled group by group."""

    applies: Flags
    known: Flags
    due: Floats
    met: Flags
    met_known: Flags


def _group(
    ctx: Ctx,
    clock: InstantWords,
    priority: str,
    who: Ints,
    incs: Sequence[Incident],
    cause: NDArray[np.object_],
    f: _Facts,
    ended: _Ended,
    same: _Same,
) -> list[_Piece]:
    """The step rows of the incidents ``who`` of the block ``incs`` of one (version, priority)
    (``cause``: theirs)."""
    rules = clock.rules
    w = words_of(rules, priority)
    ref = w.ref
    m = who.size
    out: list[_Piece] = []
    rep = clock.stamps(f.reported[who], "reported ", f" as {priority}")
    clk = clock.stamps(f.clock[who])
    out.append(
        _Piece(
            who,
            _REPORTED,
            None,
            _each(rep.text),
            rep.us,
            _same(None, m),
        )
    )
    out.append(
        _Piece(
            who,
            _CLOCK,
            None,
            _each(
                pc.binary_join_element_wise("clock starts at ", f.clock_event.take(pa.array(who)), " ", clk.text, "")
            ),
            clk.us,
            _same(w.clock_ref, m),
        )
    )
    early = f.clock[who] < rules.effective_epoch
    for sel in (np.flatnonzero(early), np.flatnonzero(~early)):
        if sel.size:
            note = ctx.versions.note(rules, float(f.clock[who[sel[0]]]))
            if note is not None:
                out.append(_const(who[sel], _NOTE, 0, note))
    for k, st in enumerate(rule_steps(rules, priority, ref)):
        out.append(_const(who, _RULE, k, st))
    causes: list[str | None] = cause.tolist()
    exclusions = rules.exclusions
    excl = np.array([c is not None and c in exclusions for c in causes], dtype=bool)
    ex = np.flatnonzero(excl)
    if ex.size:
        texts = [f"cause `{causes[k]}` is excluded: no target applies" for k in ex.tolist()]
        refs = [_art_of(rules, causes[k]) for k in ex.tolist()]
        out.append(
            _Piece(
                who[ex], _EXCLUDED, None, _each(pa.array(texts, pa.string())), None, _each(pa.array(refs, pa.string()))
            )
        )
    judged = np.flatnonzero(~excl)
    if judged.size:
        out += _judged(ctx, clock, w, who[judged], incs, f, clk, judged, same)
    # completion, then not completed
    by = np.flatnonzero(ended.resolved[who] & ~np.isnan(f.completed_by[who]))
    if by.size:
        on = [incs[k].completed_on for k in who[by].tolist()]
        if any(x is not None for x in on):  # which of several completion events (:func:`.incident_rows.done_words`)
            s = clock.stamps(f.completed_by[who[by]], "", ": completed")
            heads = pa.array([done_words(ctx, rules, x) if x is not None else w.done for x in on], pa.string())
            text = pc.binary_join_element_wise(heads, s.text, " ")
        else:
            s = clock.stamps(f.completed_by[who[by]], f"{w.done} ", ": completed")
            text = s.text
        out.append(_Piece(who[by], _DONE, None, _each(text), s.us, _same(ref, by.size)))
    quiet = np.flatnonzero(ended.silence[who] & ~np.isnan(f.silence_last[who]))
    if quiet.size:
        last = clock.stamps(f.silence_last[who[quiet]], w.silence, ": completed ")
        end = clock.stamps(f.silence_end[who[quiet]])
        text = pc.binary_join_element_wise(last.text, end.text, "")
        out.append(_Piece(who[quiet], _DONE, None, _each(text), end.us, _same(ref, quiet.size)))
    open_ = np.flatnonzero(np.isnan(f.completed[who]))
    if open_.size:
        text = f"not completed as of {rules.fmt(ctx.as_of)}"
        out.append(_Piece(who[open_], _NOT_DONE, None, _same(text, open_.size), None, _same(ref, open_.size)))
    return out


def _art_of(rules: Rules, cause: str | None) -> str | None:
    excl = rules.exclusions.get(cause) if cause is not None else None
    return art(excl.ref) if excl is not None else None


def _const(who: Ints, slot: int, sub: int, st: Any) -> _Piece:
    """One step (a dict), the same for each of ``who``."""
    m = who.size
    at = None if st.get("at") is None else np.full(m, us_of(st["at"]), dtype=np.int64)
    return _Piece(who, slot, np.full(m, sub, dtype=np.int64), _same(st["text"], m), at, _same(st.get("ref"), m))


def _judged(
    ctx: Ctx,
    clock: InstantWords,
    w: Words,
    who: Ints,
    incs: Sequence[Incident],
    f: _Facts,
    clk_all: Stamps,
    local: Ints,
    same: _Same,
) -> list[_Piece]:
    """The walk, due, same-day and status steps of the incidents ``who`` of the block ``incs`` not
    excluded (``local``: their positions in the group, for the group's stamps)."""
    rules = clock.rules
    ref = w.ref
    cal = w.calendar
    m = who.size
    out: list[_Piece] = []
    due_t = f.due[who]
    due = clock.stamps(due_t, "due ", w.due_tail)
    clk_wall = clk_all.wall[local]
    if ctx.walk and cal is not None:  # (on instants: a time the zone shows twice is walked from its own pass)
        out += _walk_pieces(rules, cal, who, clk_all.us[local], due.us)
    out.append(_Piece(who, _DUE, None, _each(due.text), due.us, _same(ref, m)))
    resp = f.responded[who]
    answered = ~np.isnan(resp)
    if w.priority.same_day is not None:
        out += _same_day(ctx, clock, w.priority.same_day, who, f.clock[who], resp, clk_wall, ref, same)
    # status: met, breached by a late response, breached with none; the rest one by one
    met = np.flatnonzero(answered & (resp <= due_t))
    late = np.flatnonzero(answered & ~(resp <= due_t))
    lapsed = np.flatnonzero(~answered & (ctx.as_of > due_t))
    rest = np.flatnonzero(~answered & ~(ctx.as_of > due_t))
    if met.size:
        r = clock.stamps(resp[met], "responded ", ": met")
        out.append(_Piece(who[met], _STATUS, None, _each(r.text), r.us, _same(ref, met.size)))
    if late.size:
        r = clock.stamps(resp[late], "responded ", ", ")
        spans = _between(rules, due_t[late], resp[late], cal)
        # how late, in whole seconds (as fmt_span rounds), worded once per number of seconds
        totals, where = np.unique(np.round(np.array(spans)), return_inverse=True)
        how = [
            "after due, outside business hours"
            if cal and seconds == 0
            else f"{fmt_span(seconds)} {'business time ' if cal else ''}after due"
            for seconds in totals.astype(np.int64).tolist()
        ]
        words = pa.array(how, pa.string()).take(pa.array(where))
        text = pc.binary_join_element_wise(r.text, words, ": breached", "")
        out.append(_Piece(who[late], _STATUS, None, _each(text), r.us, _same(ref, late.size)))
    if lapsed.size:
        text = f"no response as of {rules.fmt(ctx.as_of)}: breached"
        out.append(_Piece(who[lapsed], _STATUS, None, _same(text, lapsed.size), None, _same(ref, lapsed.size)))
    if rest.size:
        steps = [status_step(ctx, incs[int(who[k])], float(due_t[k]), cal, ref, True) for k in rest.tolist()]
        out.append(_dicts(who[rest], _STATUS, steps))
    return out


def _between(rules: Rules, a: Floats, b: Floats, cal: str | None) -> list[float]:
    """Business seconds in [a, b) of ``cal`` for each pair (elapsed when None), as :meth:`Rules.between`."""
    if cal is None:
        elapsed: list[float] = (b - a).tolist()
        return elapsed
    whole = (a == np.floor(a)) & (b == np.floor(b))
    out = np.zeros(a.size, dtype=np.float64)
    if whole.any():
        out[whole] = rules.calendar(cal).between_many(a[whole].astype(np.int64), b[whole].astype(np.int64))
    for k in np.flatnonzero(~whole).tolist():
        out[k] = rules.between(float(a[k]), float(b[k]), cal)
    values: list[float] = out.tolist()
    return values


def _dicts(who: Ints, slot: int, steps: Sequence[Any], sub: Ints | None = None) -> _Piece:
    """Steps built by the reference functions (dicts), as one piece."""
    return _Piece(
        who,
        slot,
        sub,
        _each(pa.array([s["text"] for s in steps], pa.string())),
        np.array([us_of(s.get("at")) for s in steps], dtype=np.int64),
        _each(pa.array([s.get("ref") for s in steps], pa.string())),
    )


def _same_day(
    ctx: Ctx,
    clock: InstantWords,
    rule: Any,
    who: Ints,
    clock_t: Floats,
    resp: Floats,
    clk_wall: Ints,
    ref: str | None,
    same: _Same,
) -> list[_Piece]:
    """The same-day guideline's step and columns (see :func:`.incident_rows.explain`)."""
    rules = clock.rules
    same.known[who] = True
    tz = rules.calendar(rule.calendar).tz
    if tz is rules.tz:
        ordinals = clk_wall // DAY_US
    else:  # the calendar's own local dates (:func:`.incident_rows.calendar_ordinal`), once per instant
        instants, back = np.unique(clock_t, return_inverse=True)
        local = [dt.datetime.fromtimestamp(x, tz).toordinal() for x in instants.tolist()]
        ordinals = np.array(local, dtype=np.int64)[back]
    # the business day each clock is judged on (:func:`.incident_rows.same_day_ordinal`): the day before
    # its date when that day's open time (an overnight shift) holds it, else its date
    ordinals = rules.calendar(rule.calendar).days_of(clock_t, ordinals)
    days, inv = np.unique(ordinals, return_inverse=True)
    found = [same_day_of(rules, rule, o) for o in days.tolist()]
    close = np.array([d[0] if d else np.nan for d in found])[inv]
    cutoff = np.array([d[1] if d else np.nan for d in found])[inv]
    applies = ~np.isnan(close) & ~(clock_t > cutoff)
    sel = np.flatnonzero(applies)
    if not sel.size:
        return []
    met = ~np.isnan(resp[sel]) & (resp[sel] <= close[sel])
    decided = ~np.isnan(resp[sel]) | (ctx.as_of > close[sel])
    at = who[sel]
    same.applies[at] = True
    same.due[at] = close[sel]
    same.met[at] = met
    same.met_known[at] = decided
    words = pa.array([d[2] if d else "" for d in found], pa.string()).take(pa.array(inv[sel]))
    # worded as :func:`.incident_rows._same_day` words it: open while undecided, never "not met" before the close
    verdicts = [f" ({same_day_verdict(v, d)}; a guideline, not a breach)" for v, d in _VERDICT_CASES]
    case = np.where(decided, np.where(met, 0, 1), 2)
    tail = pa.array(verdicts, pa.string()).take(pa.array(case))
    c = clock.stamps(close[sel])
    text = _each(pc.binary_join_element_wise(words, tail, ""))
    return [_Piece(at, _SAME_DAY, None, text, c.us, _same(ref, sel.size))]


#: the same-day step's (met, decided) cases, in the order :func:`_same_day` numbers them
_VERDICT_CASES = ((True, True), (False, True), (False, False))


def _walk_pieces(rules: Rules, cal: str, who: Ints, a: Ints, b: Ints) -> list[_Piece]:
    """The walk's day steps over spans [a, b) of UTC microseconds (:func:`.time_columns.walk_spans`)."""
    days = walk_spans(rules, cal, a, b)
    out = [_dicts(np.full(len(s), who[k]), _WALK, s, np.arange(len(s), dtype=np.int64)) for k, s in days.odd if s]
    if days.row.size:
        text = _Texts(days.text, days.pick)
        out.append(_Piece(who[days.row], _WALK, days.sub, text, None, _same(None, days.row.size)))
    return out


def _steps(n: int, pieces: list[_Piece]) -> pa.Table:
    """The step rows of a block in explanation order: ``row``, ``step``, ``text``, ``at``, ``ref``."""
    if not pieces:
        return pa.table(
            {
                "row": pa.array([], pa.int64()),
                "step": pa.array([], pa.int64()),
                "text": pa.array([], pa.string()),
                "at": pa.array([], TIME),
                "ref": pa.array([], pa.string()),
            }
        )
    who = np.concatenate([p.who for p in pieces])
    slot = np.concatenate([np.full(p.who.size, p.slot, dtype=np.int64) for p in pieces])
    sub = np.concatenate([p.sub if p.sub is not None else np.zeros(p.who.size, dtype=np.int64) for p in pieces])
    at = np.concatenate([p.at if p.at is not None else np.full(p.who.size, NAT, dtype=np.int64) for p in pieces])
    key = who * _SLOTS + slot
    counts = np.bincount(key, minlength=n * _SLOTS)
    start = np.cumsum(counts) - counts
    pos = start[key] + sub
    inv = np.empty(pos.size, dtype=np.int64)
    inv[pos] = np.arange(pos.size, dtype=np.int64)
    row = who[inv]
    step = np.arange(pos.size, dtype=np.int64) - start[row * _SLOTS]
    at = at[inv]
    return pa.table(
        {
            "row": pa.array(row),
            "step": pa.array(step),
            "text": _gather([p.text for p in pieces], inv),
            "at": pa.array(at, TIME, mask=at == NAT),
            "ref": _gather([p.ref for p in pieces], inv),
        }
    )


def _gather(parts: list[_Texts], order: Ints) -> pa.Array:
    """The rows of ``parts``, one part after another, in ``order``: taken at once from their values."""
    index: list[Ints] = []
    base = 0
    for p in parts:
        k = len(p.values)
        index.append(np.arange(base, base + k, dtype=np.int64) if p.pick is None else p.pick + base)
        base += k
    return pa.concat_arrays([p.values for p in parts]).take(pa.array(np.concatenate(index)[order]))


def _rows(ctx: Ctx, c: VerdictColumns, f: _Facts, same: _Same, versions: pa.Array) -> pa.Table:
    """The incidents table's rows of a block (``versions``: each one's policy version; ``in_summary`` of the
    report from ``ctx.p0`` to ``ctx.p1``: none of them was reprioritised or had an attribute changed)."""
    applies, known, same_due, met, met_known = same
    excluded = c.status == "excluded"

    def times(t: Floats) -> pa.Array:
        us, none = utc_us(t)
        return pa.array(us, TIME, mask=none)

    return pa.table(
        {
            "id": pa.array(c.ident, pa.string()),
            "priority": pa.array(c.priority, pa.string()),
            "clock_start": times(f.clock),
            "response_due": times(np.where(excluded, np.nan, f.due)),
            "responded_at": times(f.responded),
            "status": pa.array(c.status, pa.string()),
            "at_risk_percent": pa.array(c.risk_percent, pa.float64(), from_pandas=True),  # (nan: null)
            "completed_at": times(f.completed),
            "reported_at": times(f.reported),
            "clock_event": f.clock_event,
            "completion": pa.array(c.completion, pa.string()),
            "cause": pa.array(c.cause, pa.string()),
            "same_day_applies": pa.array(applies, mask=~known),
            "same_day_due": times(same_due),
            "same_day_met": pa.array(met, mask=~met_known),
            "policy_version": versions,
            "in_summary": pa.array(
                responses_in_summary(c.status, f.clock, f.responded, f.due, f.completed, ctx.p0, ctx.p1), pa.bool_()
            ),
        }
    )
