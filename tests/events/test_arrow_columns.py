"""Property: the Arrow reader's column path files exactly what its row-by-row path files.

``sla_dsl.events.arrow_columns`` decides on whole columns which rows are well formed
and files those; every other row goes, in its turn, to the models. Random tables
(text as ``string``, ``large_string``, ``string_view`` or dictionary; times as
timestamps of every unit or as ISO 8601 text; nulls, blanks (around types and times too), unknown types, sliced
and chunked batches) read both ways must give the same log: the same ids in the same
order, the same records in the same order, the same count, the same problems.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sla_dsl.events import EventInputError, arrow
from sla_dsl.events.arrow import read_table
from sla_dsl.events.schema import EventLog

TYPES = [
    "incident.reported",
    "incident.responded",
    "incident.reprioritized",
    "outage.started",
    "outage.ended",
    "stop.announced",
    "backup.completed",
    "backup.deleted",
    "bogus",
    "",
    " incident.responded",
    "outage.started\u3000",
    " ",
]
TEXT = ["P1", "P2", "email", "database", " P1", "P1 ", "", "az-a", "INC-1", "INC-2", "OUT-2", "\u3000x", "x\x1c", "é"]
GOOD = ["P1", "email", "database", "INC-1", "INC-2"]
OFFSETS = [dt.timedelta(0), dt.timedelta(hours=9), dt.timedelta(hours=-5, minutes=-30)]
TEXT_TYPES = [pa.string(), pa.large_string(), pa.string_view(), "dictionary"]
UNITS = ["s", "ms", "us", "ns"]


@st.composite
def instants(draw: st.DrawFn) -> dt.datetime:
    base = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    t = base + dt.timedelta(seconds=draw(st.integers(0, 400 * 86400)), microseconds=draw(st.integers(0, 999_999)))
    return t.astimezone(dt.timezone(draw(st.sampled_from(OFFSETS))))


def times_as_text() -> st.SearchStrategy[str]:
    return st.one_of(
        instants().map(lambda t: t.isoformat()),
        instants().map(lambda t: t.isoformat().replace("+00:00", "Z")),
        st.sampled_from(["2026-11-02T10:00:00", "1793581200", "2026-13-01T00:00:00+09:00", "soon", ""]),
        instants().map(lambda t: f" {t.isoformat()}\u3000"),
        st.sampled_from([" ", " 2026-11-02T10:00:00"]),
    )


@st.composite
def tables(draw: st.DrawFn) -> pa.Table:
    n = draw(st.integers(1, 14))
    text_type = draw(st.sampled_from(TEXT_TYPES))
    time_text = draw(st.booleans())
    unit = draw(st.sampled_from(UNITS))

    def texts(values: list[str | None]) -> pa.Array:
        if text_type == "dictionary":
            return pa.array(values, pa.string()).dictionary_encode()
        return pa.array(values, text_type)

    def times(optional: bool) -> pa.Array:
        if time_text:
            cell = times_as_text()
            return texts([draw(st.one_of(cell, cell, st.none()) if optional else cell) for _ in range(n)])
        got = [draw(st.one_of(instants(), instants(), st.none()) if optional else instants()) for _ in range(n)]
        return pa.array(got, pa.timestamp("us", tz="UTC")).cast(pa.timestamp(unit, tz="UTC"), safe=False)

    # mostly well formed, so that rows reach every check of the column path
    maybe_text = st.one_of(st.sampled_from(GOOD), st.sampled_from(GOOD), st.none(), st.sampled_from(TEXT))
    columns: dict[str, pa.Array] = {
        "event": texts([draw(st.one_of(st.sampled_from(TYPES), st.sampled_from(TYPES), st.none())) for _ in range(n)]),
        "at": times(draw(st.booleans())),
        "id": texts([draw(maybe_text) for _ in range(n)]),
    }
    for field in ("priority", "cause", "channel", "kind", "zone", "primary_zone", "service"):
        if draw(st.booleans()):
            columns[field] = texts([draw(maybe_text) for _ in range(n)])
    for field in ("start", "end"):
        if draw(st.booleans()):
            columns[field] = times(True)
    if draw(st.booleans()):
        columns["attributes"] = pa.array(
            [draw(st.one_of(st.none(), st.just([("plan", "premium")]))) for _ in range(n)],
            pa.map_(pa.string(), pa.string()),
        )
    table = pa.table(columns)
    cut = draw(st.integers(0, n - 1))
    if draw(st.booleans()):  # sliced and in several chunks, as batches come from files
        table = pa.concat_tables([table.slice(0, cut), table.slice(cut)])
    return table


def outcome(table: pa.Table, columns: bool, batch: int) -> tuple[Any, ...]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(arrow._Reader, "columns", columns)
        mp.setattr(arrow, "_BATCH", batch)
        try:
            log: EventLog = read_table(table)
        except EventInputError as exc:
            return ("error", [(p.line, p.code, p.column, p.message, p.help) for p in exc.problems])
    return ("log", [list(g.items()) for g in log.groups], log.count, sorted(log.unread))  # (stray fields too)


@settings(max_examples=400, deadline=None)
@given(tables(), st.sampled_from([3, 65_536]))
def test_the_column_path_files_what_the_row_path_files(table: pa.Table, batch: int) -> None:
    assert outcome(table, True, batch) == outcome(table, False, batch)


def test_a_well_formed_table_is_filed_by_the_columns_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    table = pa.table(
        {
            "event": ["incident.reported", "incident.responded", "stop.announced", "incident.responded"],
            "at": ["2026-11-02T10:00:00+09:00", "2026-11-02T10:30:00+09:00", "2026-11-01T09:00:00Z", "bad"],
            "id": ["INC-1", "INC-1", "STOP-1", "INC-2"],
            "priority": ["P2", None, None, None],
            "channel": [None, None, "email", None],
            "start": [None, None, "2026-11-10T01:00:00Z", None],
            "end": [None, None, "2026-11-10T03:00:00Z", None],
        }
    )
    asked: list[int] = []
    monkeypatch.setattr(arrow._Reader, "slow", lambda self, cols, i, line: asked.append(line))
    log = read_table(table)
    assert asked == [4]  # only the row whose time is not an instant goes to the models
    # 2026-11-02T10:00+09:00 is 01:00 UTC: 1793581200 s after the epoch.
    assert log.incidents == {"INC-1": [(1793581200.0, 0, ("P2", None, None), 1), (1793583000.0, 2, (), 2)]}
    stop = log.stops["STOP-1"][0]
    assert stop[2] == ("email", 1794272400.0, 1794279600.0) and stop[3] == 3
