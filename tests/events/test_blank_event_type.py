"""An ``event`` of blanks only (or empty) is an empty field, E107, as an ``id`` of blanks only is; it was
E103, "unknown event type ``" with the list of every known type."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import sla_dsl
from sla_dsl.events.problems import EventInputError

ROOT = Path(__file__).resolve().parents[2]
POLICY_PATH = ROOT / "policies" / "clicksoko.sla"
ROWS = [
    {"event": "   ", "at": "2026-11-02T10:00:00+09:00", "id": "INC-1", "priority": "P1"},
    {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "   ", "priority": "P1"},
    {"event": "", "at": "2026-11-02T10:00:00+09:00", "id": "INC-2", "priority": "P1"},
    {"event": "\u3000", "at": "2026-11-02T10:00:00+09:00", "id": "INC-3", "priority": "P1"},
]


def _problems(events: Any) -> list[tuple[int, str, str]]:
    with pytest.raises(EventInputError) as err:
        sla_dsl.evaluate(sla_dsl.load_policy(POLICY_PATH), events, "2026-11-01", "2026-12-01")
    return [(p.line, p.code, p.text("en")) for p in err.value.problems]


def _expected() -> list[tuple[int, str, str]]:
    return [
        (1, "E107", "field `event` is empty"),
        (2, "E107", "field `id` is empty"),
        (3, "E107", "field `event` is empty"),
        (4, "E107", "field `event` is empty"),
    ]


def test_a_jsonl_log(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in ROWS), "utf-8")
    assert _problems(str(path)) == _expected()


def test_a_parquet_file(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    pq.write_table(pa.Table.from_pylist(ROWS), path)
    assert _problems(str(path)) == _expected()


def test_dicts_given_to_the_api() -> None:
    assert _problems(ROWS) == _expected()


def test_the_japanese_words() -> None:
    with pytest.raises(EventInputError) as err:
        sla_dsl.evaluate(sla_dsl.load_policy(POLICY_PATH), ROWS[:1], "2026-11-01", "2026-12-01")
    assert str(err.value) == "<events>:1: error: [E107] フィールド `event` が空です"
