"""E102 for a field every event has (``at``, ``id``) says every event needs it, not the event's type
alone, in JSON Lines, CSV and tables alike, in Japanese and English; a payload field only some types
have keeps its type's wording."""

from __future__ import annotations

import io
from collections.abc import Callable

import pyarrow as pa
import pytest

from sla_dsl.events.arrow import read_table
from sla_dsl.events.csv_reader import read_csv
from sla_dsl.events.problems import EventInputError, Problem
from sla_dsl.reader import read_text

AT = "2026-11-02T03:00:00+09:00"


def _jsonl(row: dict[str, str | None]) -> list[Problem]:
    body = ",".join(f'"{k}":"{v}"' for k, v in row.items() if v is not None)
    with pytest.raises(EventInputError) as info:
        read_text("{" + body + "}\n", "ev.jsonl")
    return info.value.problems


def _csv(row: dict[str, str | None]) -> list[Problem]:
    text = ",".join(row) + "\n" + ",".join(v or "" for v in row.values()) + "\n"
    with pytest.raises(EventInputError) as info:
        read_csv(io.StringIO(text, newline=""), "ev.csv")
    return info.value.problems


def _table(row: dict[str, str | None]) -> list[Problem]:
    with pytest.raises(EventInputError) as info:
        read_table(pa.Table.from_pylist([row], schema=pa.schema([(k, pa.string()) for k in row])), "<table>")
    return info.value.problems


Read = Callable[[dict[str, str | None]], list[Problem]]
READERS: list[Read] = [_jsonl, _csv, _table]


@pytest.mark.parametrize("read", READERS, ids=["jsonl", "csv", "table"])
@pytest.mark.parametrize("field", ["at", "id"])
def test_a_field_every_event_has_is_said_to_be_required_of_every_event(read: Read, field: str) -> None:
    row: dict[str, str | None] = {"event": "backup.completed", "at": AT, "id": "BK-1", "kind": "full"}
    row[field] = None  # (a cell left empty: a column the row lacks)
    (p,) = read(row)
    assert p.code == "E102"
    assert p.text("en") == f"missing field `{field}` (required for every event)"
    assert p.text("ja") == f"フィールド `{field}` がありません（どのイベントにも必要です）"


@pytest.mark.parametrize("read", READERS, ids=["jsonl", "csv", "table"])
def test_a_payload_field_keeps_the_wording_of_its_type(read: Read) -> None:
    (p,) = read({"event": "backup.completed", "at": AT, "id": "BK-1", "kind": None})
    assert p.text("en") == "missing field `kind` (required for `backup.completed`)"
    assert p.text("ja") == "フィールド `kind` がありません（`backup.completed` に必要です）"
