"""Tables and DataFrames the API takes, as their libraries really make them, read as the same events
as JSON Lines, or refused row by row in the models' words (issue 14):

- a dictionary-encoded ``string_view`` column (polars' ``Categorical`` through Arrow);
- a pandas column of Python objects typed by pyarrow from its first value: a naive time or a number
  after a zoned time is that row's problem, never a time in UTC or ticks since 1970;
- a naive ``datetime`` in a dict or a cell: E105, not a TypeError from quoting it; a ``date`` is named a date;
- ``attributes`` of a frame from ``pd.read_parquet`` (a map cell as a list of (key, value) tuples);
- a column ``pd.read_csv`` made of empty cells only (typed as numbers): absent fields, as in the CSV;
- a Series, an Array: a TypeError saying what is taken; a Dataset and any Arrow stream are tables;
- problems at no row (a table's columns) are counted as problems in the summary, not as one row.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

import sla_dsl
from sla_dsl.events.problems import EventInputError
from sla_dsl.events.reader import read_jsonl
from sla_dsl.events.table_schema import events_table

ROOT = Path(__file__).resolve().parents[2]
POLICY = sla_dsl.load_policy(ROOT / "policies" / "clicksoko.sla")
PLANS = ROOT / "policies" / "examples"
JST = dt.timezone(dt.timedelta(hours=9))
EVENTS = [
    {"event": "incident.reported", "at": "2026-11-02T09:00:00+09:00", "id": "INC-1", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-02T10:00:00+09:00", "id": "INC-1"},
    {"event": "incident.reported", "at": "2026-11-04T09:00:00+09:00", "id": "INC-2", "priority": "P2"},
]


def _report(events: Any, policy: Any = POLICY) -> str:
    return sla_dsl.evaluate(policy, events, "2026-11-01", "2026-12-01").model_dump_json()


def _problems(events: Any) -> EventInputError:
    with pytest.raises(EventInputError) as info:
        _report(events)
    return info.value.in_lang("en")  # (the API's words are the policy's primary language: its English here)


EXPECTED = _report(EVENTS)


def test_a_categorical_column_of_string_views_reads_as_text() -> None:
    table = pa.table({k: [e.get(k) for e in EVENTS] for k in ("event", "at", "id", "priority")})
    views = table.set_column(0, "event", table["event"].cast(pa.string_view()).dictionary_encode())
    assert pa.types.is_string_view(views.schema.field("event").type.value_type)
    assert _report(views) == EXPECTED
    frame = pl.DataFrame(EVENTS).with_columns(pl.col("event").cast(pl.Categorical))
    assert _report(pa.table(frame)) == _report(frame) == EXPECTED


@pytest.mark.parametrize(
    ("second", "code", "words"),
    [
        (dt.datetime(2026, 11, 2, 10), "E105", "`at` has no UTC offset: `2026-11-02T10:00:00`"),
        (pd.Timestamp("2026-11-02 10:00"), "E105", "`at` has no UTC offset: `2026-11-02T10:00:00`"),
        (5, "E104", "found a number"),
        (1.5, "E104", "found a number"),
    ],
)
def test_an_object_column_of_times_takes_only_zoned_times(second: Any, code: str, words: str) -> None:
    cells = [dt.datetime(2026, 11, 2, 9, tzinfo=JST), second, dt.datetime(2026, 11, 4, 9, tzinfo=JST)]
    frame = pd.DataFrame(EVENTS).assign(at=pd.Series(cells, dtype=object))
    found = _problems(frame)
    assert [(p.line, p.code, p.column) for p in found.problems] == [(2, code, "at")]
    assert words in str(found)


@pytest.mark.parametrize("cell", [b"INC-1", bytearray(b"INC-1"), b"\xff"])
def test_a_bytes_cell_among_text_is_its_rows_e106_not_the_columns_e116(cell: Any) -> None:
    """pyarrow made bytes of the whole column (text among bytes becomes bytes): E116 refused the column,
    where a number among the same text is its row's E106."""
    frame = pd.DataFrame(EVENTS).assign(id=pd.Series(["INC-1", cell, "INC-2"], dtype=object))
    found = _problems(frame)
    assert [(p.line, p.code, p.column) for p in found.problems] == [(2, "E106", "id")]
    assert "field `id` must be a string, found bytes" in str(found)
    assert "フィールド `id` は文字列でなければなりませんが、バイト列です" in str(found.in_lang("ja"))
    with_number = _problems(frame.assign(id=pd.Series(["INC-1", 7, "INC-2"], dtype=object)))
    assert [(p.line, p.code, p.column) for p in with_number.problems] == [(2, "E106", "id")]


def test_a_column_of_bytes_alone_is_still_the_columns_e116() -> None:
    frame = pd.DataFrame(EVENTS).assign(id=pd.Series([b"INC-1", None, b"INC-2"], dtype=object))
    found = _problems(frame)
    assert [(p.line, p.code, p.column) for p in found.problems] == [(0, "E116", "id")]


def test_an_attribute_the_policy_lacks_names_the_attributes_column_of_a_table() -> None:
    """E128 and E129 of a table's row named the row alone, where the other checks against the policy
    (E120, say) name the row and the column."""
    policy = sla_dsl.load_policy(PLANS / "plans.sla")
    rows = [
        {**EVENTS[0], "attributes": {"plan": "gold"}},
        {**EVENTS[2], "attributes": {"tier": "1"}},
    ]
    with pytest.raises(EventInputError) as info:
        _report(events_table(rows), policy)
    assert [(p.line, p.code, p.column) for p in info.value.problems] == [
        (1, "E129", "attributes"),
        (2, "E128", "attributes"),
    ]
    said = str(info.value)
    assert "<table>: row 1, column `attributes`: error: [E129] unknown value `gold` of attribute `plan`" in said
    assert "<table>: 2 行目、列 `attributes`: error: [E128]" in str(info.value.in_lang("ja"))
    with pytest.raises(EventInputError) as lines:
        _report(rows, policy)  # a log of lines has no columns: its lines alone
    assert [(p.line, p.code, p.column) for p in lines.value.problems] == [(1, "E129", None), (2, "E128", None)]


def test_an_object_column_of_zoned_times_is_read_as_the_text() -> None:
    cells = [dt.datetime(2026, 11, 2, 9, tzinfo=JST), dt.datetime(2026, 11, 2, 1, tzinfo=dt.UTC)]
    cells.append(dt.datetime(2026, 11, 4, 9, tzinfo=JST))
    assert _report(pd.DataFrame(EVENTS).assign(at=pd.Series(cells, dtype=object))) == EXPECTED


@pytest.mark.parametrize("naive", [dt.datetime(2026, 11, 2, 10), pd.Timestamp("2026-11-02 10:00")])
def test_a_naive_time_in_a_dict_is_e105_not_a_type_error(naive: Any) -> None:
    found = _problems([EVENTS[0], {**EVENTS[1], "at": naive}])
    assert [(p.line, p.code) for p in found.problems] == [(2, "E105")]
    assert "`at` has no UTC offset: `2026-11-02T10:00:00`" in str(found)


@pytest.mark.parametrize(
    ("value", "en", "ja"),
    [
        (dt.date(2026, 11, 2), "found a date without a time of day", "日付（時刻なし）です"),
        (dt.time(10, 0), "found a time of day without a date", "時刻（日付なし）です"),
    ],
)
def test_a_date_or_a_time_of_day_is_named_what_it_is(value: Any, en: str, ja: str) -> None:
    found = _problems([{**EVENTS[0], "at": value}])
    assert en in str(found) and ja in str(found.in_lang("ja"))


def test_a_frame_read_from_parquet_keeps_its_attributes_map(tmp_path: Path) -> None:
    policy = sla_dsl.load_policy(PLANS / "plans.sla")
    lines = (PLANS / "plans.jsonl").read_text("utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip() and not line.startswith("#")]
    assert any(r.get("attributes") for r in rows) and not all(r.get("attributes") for r in rows)
    table = events_table(rows, "Asia/Tokyo")
    pq.write_table(table, tmp_path / "events.parquet")
    expected = _report(tmp_path / "events.parquet", policy)
    assert expected == _report(rows, policy)
    for frame in (pd.read_parquet(tmp_path / "events.parquet"), table.to_pandas()):
        assert isinstance(frame["attributes"].dropna().iloc[0], list)  # pandas' map cell: (key, value) tuples
        assert _report(frame, policy) == expected
    assert _report(pd.DataFrame(rows), policy) == expected  # the API's own form: a dict


def test_an_empty_column_of_read_csv_is_absent_as_in_the_csv(tmp_path: Path) -> None:
    text = "event,at,id,priority,zone,cause\n" + "".join(
        f"{e['event']},{e['at']},{e['id']},{e.get('priority', '')},,\n" for e in EVENTS
    )
    (tmp_path / "events.csv").write_text(text, "utf-8")
    frame = pd.read_csv(tmp_path / "events.csv")
    assert frame["zone"].dtype == "float64"  # what pandas makes of a column of empty cells
    assert _report(frame) == _report(tmp_path / "events.csv") == EXPECTED


def test_a_column_of_no_values_is_nulls_even_the_required_one() -> None:
    frame = pd.DataFrame(EVENTS).assign(id=float("nan"))
    found = _problems(frame)
    assert {(p.code, p.line) for p in found.problems} == {("E102", 1), ("E102", 2), ("E102", 3)}


@pytest.mark.parametrize(
    "events",
    [
        pd.DataFrame(EVENTS)["event"],
        pl.DataFrame(EVENTS)["event"],
        pa.array(["incident.reported"]),
        pa.chunked_array([["incident.reported"]]),
    ],
    ids=["pandas-series", "polars-series", "arrow-array", "chunked-array"],
)
def test_a_column_is_a_type_error_saying_what_is_taken(events: Any) -> None:
    english = (
        (ROOT / "policies" / "clicksoko.sla")
        .read_text("utf-8")
        .replace("  languages ja, en ", "  languages en, ja ", 1)
    )
    with pytest.raises(TypeError, match=f"events: expected event models .* found {type(events).__name__}"):
        _report(events, sla_dsl.load_policy(english))  # (in the policy's primary language: its English here)
    with pytest.raises(TypeError, match=f"（`{type(events).__name__}` が渡されました）"):
        _report(events)


def test_a_dataset_and_an_arrow_stream_are_tables(tmp_path: Path) -> None:
    table = pa.Table.from_pylist(EVENTS)
    pq.write_table(table, tmp_path / "events.parquet")
    assert _report(ds.dataset(tmp_path / "events.parquet")) == EXPECTED
    assert _report(table.to_reader()) == EXPECTED
    assert _report(pl.from_arrow(table).lazy()) == EXPECTED  # type: ignore[union-attr]


def test_problems_at_no_row_are_counted_as_problems() -> None:
    table = pa.table({"event": [EVENTS[0]["event"]], "at": pa.array([0], pa.timestamp("us")), "id": [1]})
    found = _problems(table)
    assert str(found).splitlines()[-1] == "2 problems (E116: 2)"
    assert str(found.in_lang("ja")).splitlines()[-1] == "問題が 2 件あります（E116：2 件）"


def test_problems_at_rows_and_elsewhere_are_counted_apart() -> None:
    with pytest.raises(EventInputError) as line:
        read_jsonl(io.BytesIO(b'{"event": "incident.reported", "id": "I"}\n'), "e.jsonl")
    located = line.value.problems
    assert [p.code for p in located] == ["E102", "E102"]  # `at` and `priority`, on one line
    table = pa.table({"event": [EVENTS[0]["event"]], "at": pa.array([0], pa.timestamp("us")), "id": ["I"]})
    with pytest.raises(EventInputError) as info:
        _report(table)
    both = EventInputError([*located, *info.value.problems])
    assert str(both).splitlines()[-1] == "1 invalid event row, and 1 other problem (E102: 1, E116: 1)"
    assert str(both.in_lang("ja")).splitlines()[-1] == (
        "不正なイベントが 1 行あります。ほかに問題が 1 件あります（E102：1 件、E116：1 件）"
    )


@pytest.mark.parametrize("field", ["at", "start"])
def test_events_table_refuses_a_naive_time_as_the_reader_does(field: str) -> None:
    row = {"event": "stop.announced", "at": "2026-11-02T09:00:00+09:00", "id": "S-1", "channel": "email"}
    row |= {"start": "2026-11-20T22:00:00+09:00", "end": "2026-11-21T02:00:00+09:00"}
    row[field] = "2026-11-20T22:00:00"
    with pytest.raises(ValueError, match=f"`{field}` has no UTC offset: `2026-11-20T22:00:00`"):
        events_table([row])


def _bad_two(tmp_path: Path) -> Path:
    path = tmp_path / "events.jsonl"
    path.write_text(
        '{"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "I-1", "priority": "P9"}\n'
        '{"event": "incident.bogus", "at": "2026-11-02T10:00:00+09:00", "id": "I-2"}\n'
        '{"event": "incident.reported", "at": "2026-11-02T11:00:00+09:00", "id": "I-3", "priority": "P1"}\n',
        "utf-8",
    )
    return path


def test_the_api_lists_every_bad_event_as_the_command_does(tmp_path: Path) -> None:
    """Reading problems (E103) and the policy's check of values (E120) together, in line order."""
    path = _bad_two(tmp_path)
    for events in (path, pd.read_json(path, lines=True)):
        found = _problems(events)
        assert [(p.line, p.code) for p in found.problems] == [(1, "E120"), (2, "E103")]


def test_the_api_leaves_bad_events_out_with_skip_invalid(tmp_path: Path) -> None:
    from sla_dsl.evaluation import evaluate

    report = evaluate(POLICY, _bad_two(tmp_path), "2026-11-01", "2026-12-01", skip_invalid=True)
    assert [i.id for i in report.incidents] == ["I-3"]
    assert [s.split(":")[1] for s in report.input.skipped] == ["1", "2"]


def test_an_arrow_file_named_parquet_is_read_by_its_first_bytes(tmp_path: Path) -> None:
    import pyarrow.feather as feather

    from sla_dsl.events.lines import is_parquet_file

    table = events_table(EVENTS, "Asia/Tokyo")
    feather.write_feather(table, tmp_path / "events.parquet")  # Arrow IPC under a Parquet name
    assert not is_parquet_file(tmp_path / "events.parquet")
    assert _report(tmp_path / "events.parquet") == EXPECTED
    (tmp_path / "dir").mkdir()
    feather.write_feather(table, tmp_path / "dir" / "part-0.parquet")
    assert _report(tmp_path / "dir") == EXPECTED
