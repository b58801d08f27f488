"""Property: a table read by the Arrow reader files what the JSON Lines reader files for the same events.

The Arrow reader's fast path (times from timestamp integers, text cells taken as they are)
must accept only what the models accept, with the same meaning; anything else goes to the
models. Random rows, valid and not, read both ways: the same records, the same problems.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from sla_dsl.events import EventInputError, read_text
from sla_dsl.events.arrow import read_table
from sla_dsl.events.schema import EventLog

TYPES = ["incident.reported", "incident.responded", "outage.started", "stop.announced", "backup.completed", "bogus"]
TEXT = st.sampled_from(["P1", "P2", "email", "database", " P1", "", "az-a", "INC-1", "OUT-2 ", "\u3000x"])
OFFSETS = [dt.timedelta(0), dt.timedelta(hours=9), dt.timedelta(hours=-5, minutes=-30)]


@st.composite
def instants(draw: st.DrawFn) -> dt.datetime:
    base = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    t = base + dt.timedelta(seconds=draw(st.integers(0, 400 * 86400)), microseconds=draw(st.integers(0, 999_999)))
    return t.astimezone(dt.timezone(draw(st.sampled_from(OFFSETS))))


@st.composite
def events(draw: st.DrawFn) -> dict[str, Any]:
    row: dict[str, Any] = {
        "event": draw(st.sampled_from(TYPES)),
        "at": draw(instants()),
        "id": draw(st.one_of(TEXT, st.none())),
    }
    for field in ("priority", "cause", "channel", "kind", "zone"):
        row[field] = draw(st.one_of(st.none(), TEXT))
    for field in ("start", "end"):
        row[field] = draw(st.one_of(st.none(), instants()))
    return row


def outcome(read: Any) -> tuple[Any, ...]:
    try:
        log: EventLog = read()
    except EventInputError as exc:
        return ("error", [(p.line, p.code, p.message) for p in exc.problems])
    # (in time, type and line order: two records of one instant may hold None and text in one field)
    return (
        "log",
        [{k: sorted(v, key=lambda r: (r[0], r[1], r[3])) for k, v in g.items()} for g in log.groups],
        log.count,
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(events(), min_size=1, max_size=12))
def test_arrow_and_json_lines_readers_agree(rows: list[dict[str, Any]]) -> None:
    names = list(rows[0])
    table = pa.table(
        {
            n: pa.array([r[n] for r in rows], pa.timestamp("us", tz="UTC") if n in ("at", "start", "end") else None)
            for n in names
        }
    )
    text = "\n".join(
        json.dumps({k: v.isoformat() if isinstance(v, dt.datetime) else v for k, v in r.items() if v is not None})
        for r in rows
    )
    assert outcome(lambda: read_table(table)) == outcome(lambda: read_text(text))
