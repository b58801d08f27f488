"""The column path files an id's records across batches and bad rows as row-by-row appends would.

``arrow_columns._file`` files the ids new to a family at once (in the order they first
appear) and adds the records of ids filed before to their lists, which keep their place.
"""

from __future__ import annotations

import pyarrow as pa
import pytest

from sla_dsl.events import arrow
from sla_dsl.events.arrow import read_table

DAY = "2026-11-02T{:02d}:00:00+09:00"


def table(rows: list[tuple[str, str, int]]) -> pa.Table:
    return pa.table(
        {
            "event": [e for e, _, _ in rows],
            "id": [i for _, i, _ in rows],
            "at": [DAY.format(h) if h >= 0 else "bad" for _, _, h in rows],
            "priority": ["P2" if e == "incident.reported" else None for e, _, _ in rows],
        }
    )


@pytest.mark.parametrize("columns", [True, False])
def test_an_id_filed_in_an_earlier_batch_keeps_its_place_and_takes_the_new_records(
    monkeypatch: pytest.MonkeyPatch, columns: bool
) -> None:
    monkeypatch.setattr(arrow, "_BATCH", 3)
    monkeypatch.setattr(arrow._Reader, "columns", columns)
    rows = [
        ("incident.reported", "A", 1),
        ("incident.reported", "B", 2),
        ("outage.started", "O", 2),
        ("incident.reported", "C", 3),  # batch 2: C new, A and O known
        ("incident.responded", "A", 4),
        ("outage.ended", "O", 5),
        ("incident.responded", "C", 6),  # batch 3: a bad row between two runs of C and B
        ("incident.responded", "X", -1),
        ("incident.responded", "B", 7),
        ("incident.resolved", "C", 8),
    ]
    monkeypatch.setattr(arrow._Reader, "slow", lambda self, cols, i, line: None)  # the bad row: left out
    log = read_table(table(rows))
    assert list(log.incidents) == ["A", "B", "C"]
    assert {k: [r[3] for r in v] for k, v in log.incidents.items()} == {"A": [1, 5], "B": [2, 9], "C": [4, 7, 10]}
    assert [r[3] for r in log.outages["O"]] == [3, 6]
    assert log.count == 9
