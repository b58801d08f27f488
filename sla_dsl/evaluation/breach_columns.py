"""The violations table on columns: the response breaches of a year's log without a dict each.

Design notes
------------
* :func:`.incident_rows.breach_json` builds the violation of one response breach as a
  dict (the reference, and what the JSON report streams). A year's log has about
  100,000 of them; here each run of breaches in the canonical order
  (:class:`~.result.Violations`) is built at once, on arrays, as a
  :class:`~sla_dsl.report.tables.TableBlock`, and the other violations (a few,
  already report rows) are handed over as their dicts, in their places.
* The breaches are built together and each run of them between the others is a
  slice of that table (a year's log has some hundred other violations among them).
* A breach's message is ``P1 response due Fri 18 Sep 16:30: responded ...`` (or
  ``no response``), its time the due time, its reference the priority's article:
  worded by :mod:`.time_columns` per (version, priority).
* With ``json=True`` the ``at`` column holds the JSON text of each due time in its
  version's zone (as :func:`.incident_rows.breach_json` has it) instead of a
  timestamp, for :mod:`sla_dsl.report.json_columns`.
* ``tests/report/test_step_columns.py`` checks the table equals the row path's,
  ``tests/report/test_json_columns.py`` the JSON written from it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..report.tables import SCHEMAS, TableBlock
from .common import art
from .incidents import Incident
from .result import Violations
from .time_columns import TIME, InstantWords, json_times, utc_us, zone_index

__all__ = ["VIOLATION_COLUMNS", "violation_blocks"]

#: The columns of the violations table this module builds (a test keeps them those of the schema).
VIOLATION_COLUMNS = ("kind", "id", "message", "at", "ref")
_KNOWN = tuple(c.name for c in SCHEMAS["violations"]) == VIOLATION_COLUMNS
_NO_STEPS = pa.table(
    {
        "row": pa.array([], pa.int64()),
        "step": pa.array([], pa.int64()),
        "text": pa.array([], pa.string()),
        "at": pa.array([], TIME),
        "ref": pa.array([], pa.string()),
    }
)


def violation_blocks(
    violations: Violations, *, block: int = 16_384, json: bool = False
) -> Iterator[TableBlock | dict[str, Any]]:
    """The violations in their order: a :class:`TableBlock` for each run of at most ``block`` response
    breaches (with ``json``, their times as JSON text), the model dump of each other violation."""
    if not _KNOWN:  # a column added to the table: the reference rows
        yield from violations.json_rows()
        return
    order, breaches, rest = violations.order, violations.breaches, violations.rest
    # every breach in the canonical order, built at once; each run between the others is a slice of it
    ordered = [breaches[k] for k in order if k >= 0]
    table = _block(ordered, json) if ordered else None
    done = 0  # breaches handed out so far
    run = 0  # breaches in the current run
    for k in order:
        if k >= 0:
            run += 1
            if run == block:
                assert table is not None
                yield TableBlock(table.slice(done, run), _NO_STEPS)
                done, run = done + run, 0
            continue
        if run:
            assert table is not None
            yield TableBlock(table.slice(done, run), _NO_STEPS)
            done, run = done + run, 0
        yield rest[-1 - k].model_dump()
    if run:
        assert table is not None
        yield TableBlock(table.slice(done, run), _NO_STEPS)


def _block(incs: list[Incident], json: bool) -> pa.Table:
    """The violations of the breaches ``incs``, in that order (with ``json``, ``at`` as JSON text)."""
    n = len(incs)
    clocks: dict[int, InstantWords] = {}
    groups: dict[tuple[int, str], list[int]] = {}
    for k, inc in enumerate(incs):
        groups.setdefault((id(inc.rules), inc.priority), []).append(k)
    due = np.array([inc.due for inc in incs], dtype=np.float64)
    resp = np.array([np.nan if inc.responded is None else inc.responded for inc in incs], dtype=np.float64)
    texts: list[pa.Array] = []
    refs: list[str | None] = []
    where: list[np.ndarray[Any, np.dtype[np.int64]]] = []
    zone = np.zeros(n, dtype=np.int64)  # per breach, the index of its words of instants in ``zones``
    zones: list[InstantWords] = []
    for members in groups.values():
        first = incs[members[0]]
        rules = first.rules
        zone[members] = k = zone_index(clocks, zones, rules)
        words = zones[k]
        who = np.array(members, dtype=np.int64)
        late = pa.repeat(pa.scalar("no response", pa.string()), who.size)
        answered = np.flatnonzero(~np.isnan(resp[who]))
        if answered.size:
            said = words.stamps(resp[who[answered]], "responded ").text
            mask = np.zeros(who.size, dtype=bool)
            mask[answered] = True
            late = pc.replace_with_mask(late, pa.array(mask), said)
        due_words = words.stamps(due[who], f"{first.priority} response due ", ": ").text
        texts.append(pc.binary_join_element_wise(due_words, late, ""))
        refs.append(art(rules.priorities[first.priority].ref))
        where.append(who)
    at = np.concatenate(where)
    back = np.empty(n, dtype=np.int64)
    back[at] = np.arange(n, dtype=np.int64)  # position in the groups' order of each breach
    take = pa.array(back)
    ref = pa.concat_arrays([pa.repeat(pa.scalar(r, pa.string()), w.size) for r, w in zip(refs, where, strict=True)])
    us, none = utc_us(due)
    rows = pa.table(
        {
            "kind": pa.repeat(pa.scalar("response_breached", pa.string()), n),
            "id": pa.array([inc.ident for inc in incs], pa.string()),
            "message": pa.concat_arrays(texts).take(take),
            "at": pa.array(us, TIME, mask=none),
            "ref": ref.take(take),
        }
    )
    return json_times(rows, zone, zones) if json else rows
