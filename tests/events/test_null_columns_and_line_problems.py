"""A column of no value in a Parquet or Arrow file or a pyarrow table; a number given as an ``id``; the
fields every event has, on a line of no type.

* A month with no excluded cause: ``pd.read_csv`` types the log's empty ``cause`` column ``double``,
  and ``df.to_parquet`` keeps that type. The frame was read (its column of no value is absent), the
  Parquet file of the same frame and a pyarrow table of it were refused whole (E116, ``double``,
  not text); so was a column of ``NaT`` (``pd.to_datetime`` of a column of empty cells: a timestamp
  without a zone). A column whose cells are all null is now absent whatever its type, in every form;
  one with a value is judged by its type as before, file by file in a directory.
* E106's help for a numeric ``id`` wrote ``"1.2345678901234568e+29"`` for
  ``123456789012345678901234567890`` and ``"10234.0"`` for pandas' float of ``10234``: it writes the
  digits when they are known, an integral float as an integer, and no example when they are not.
  A table's column of numbers for a text field (pandas' float ids) says how to read it as text.
* A line without ``event`` (or of an unknown type) was told only that: pydantic stops at the
  union's tag. Its ``at`` and ``id``, which every event needs, are now checked in the same run.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.feather as feather
import pyarrow.ipc as ipc
import pyarrow.parquet as pq
import pytest

import sla_dsl
from sla_dsl.events import EventInputError
from sla_dsl.events.reader import iter_events, read_events

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
LOG = ROOT / "examples" / "events-2026-11.jsonl"
COLUMNS = ["event", "at", "id", "priority", "cause", "channel", "start", "end", "kind", "zone", "primary_zone"]


@pytest.fixture(scope="module")
def policy() -> sla_dsl.Policy:
    return sla_dsl.load_policy(POLICY)


def _rows(*, stops: bool = True) -> list[dict[str, Any]]:
    """The example log's events without ``cause`` (a month with no excluded cause)."""
    rows = [json.loads(line) for line in LOG.read_text("utf-8").splitlines() if line.strip() and line[0] != "#"]
    return [{k: v for k, v in r.items() if k != "cause"} for r in rows if stops or r["event"] != "stop.announced"]


def _csv(tmp_path: Path, rows: list[dict[str, Any]]) -> Path:
    path = tmp_path / "nocause.csv"
    pd.DataFrame(rows).reindex(columns=COLUMNS).to_csv(path, index=False)
    return path


def _report(policy: sla_dsl.Policy, events: Any) -> str:
    return sla_dsl.evaluate(policy, events, "2026-11-01", "2026-12-01").model_dump_json()


def _refused(policy: sla_dsl.Policy, events: Any) -> list[tuple[int, str, str | None, str]]:
    with pytest.raises(EventInputError) as caught:
        sla_dsl.evaluate(policy, events, "2026-11-01", "2026-12-01")
    return [(p.line, p.code, p.column, p.message) for p in caught.value.problems]


def test_a_parquet_file_of_a_csv_frame_with_an_empty_column_reads_as_the_csv(
    policy: sla_dsl.Policy, tmp_path: Path
) -> None:
    csv = _csv(tmp_path, _rows())
    frame = pd.read_csv(csv)
    assert frame["cause"].dtype == "float64" and frame["cause"].isna().all()  # (what pandas makes of it)
    frame.to_parquet(tmp_path / "nocause.parquet")
    table = pa.Table.from_pandas(frame, preserve_index=False)
    assert table.schema.field("cause").type == pa.float64()
    want = _report(policy, csv)
    assert _report(policy, frame) == want
    assert _report(policy, tmp_path / "nocause.parquet") == want  # (was E116: `double`, not text)
    assert _report(policy, table) == want
    assert _report(policy, pq.read_table(tmp_path / "nocause.parquet")) == want


def test_a_column_of_nat_is_absent_in_every_file_and_table(policy: sla_dsl.Policy, tmp_path: Path) -> None:
    csv = _csv(tmp_path, _rows(stops=False))
    frame = pd.read_csv(csv)
    frame["start"] = pd.to_datetime(frame["start"])  # no value: a timestamp without a zone
    table = pa.Table.from_pandas(frame, preserve_index=False)
    assert pa.types.is_timestamp(table.schema.field("start").type) and table.schema.field("start").type.tz is None
    pq.write_table(table, tmp_path / "nat.parquet")
    feather.write_feather(table, tmp_path / "nat.arrow")
    with ipc.new_stream(tmp_path / "nat.arrows", table.schema) as stream:
        stream.write_table(table)
    want = _report(policy, csv)
    assert _report(policy, frame) == want
    for events in (table, tmp_path / "nat.parquet", tmp_path / "nat.arrow", tmp_path / "nat.arrows"):
        assert _report(policy, events) == want, events


def test_a_column_with_a_value_is_still_judged_by_its_type(policy: sla_dsl.Policy, tmp_path: Path) -> None:
    frame = pd.read_csv(_csv(tmp_path, _rows()))
    frame.loc[3, "cause"] = 1.0
    frame.to_parquet(tmp_path / "cause.parquet")
    said = [(0, "E116", "cause", "column `cause` has type `double`, not text (`string`)")]
    assert _refused(policy, tmp_path / "cause.parquet") == said
    assert _refused(policy, pa.Table.from_pandas(frame, preserve_index=False)) == said
    assert _refused(policy, frame) == said


def test_the_footer_check_of_the_scale_readers_agrees(tmp_path: Path) -> None:
    """The Parquet footers checked before a Dask or Spark read (``check_tables``) take a column of no value
    as the file reader does, reading that column of the file they opened."""
    from sla_dsl.events.arrow_files import check_tables

    frame = pd.read_csv(_csv(tmp_path, _rows()))
    frame.to_parquet(tmp_path / "none.parquet")
    assert [f.rows for f in check_tables([tmp_path / "none.parquet"])] == [len(frame)]
    frame.loc[3, "cause"] = 1.0
    frame.to_parquet(tmp_path / "one.parquet")
    with pytest.raises(EventInputError) as caught:
        check_tables([tmp_path / "none.parquet", tmp_path / "one.parquet"])
    assert [(Path(p.source).name, p.code, p.column) for p in caught.value.problems] == [
        ("one.parquet", "E116", "cause")
    ]


def test_a_directory_reads_each_file_by_its_own_cells(policy: sla_dsl.Policy, tmp_path: Path) -> None:
    """A column of no value in one file and typed in another: as one file with both cells."""
    csv = _csv(tmp_path, _rows())
    frame = pd.read_csv(csv)
    stops = frame.index[frame["event"] == "stop.announced"]
    first, second = frame.iloc[: stops[0]], frame.iloc[stops[0] :]
    naive = {c: pd.to_datetime(frame[c]).dt.tz_localize(None) for c in ("start", "end")}
    # `start`: naive times, of no value in the first file, with values in the second
    (tmp_path / "naive").mkdir()
    both = frame.assign(**naive)
    both.iloc[: stops[0]].to_parquet(tmp_path / "naive" / "a.parquet")
    both.iloc[stops[0] :].to_parquet(tmp_path / "naive" / "b.parquet")
    assert both.iloc[: stops[0]]["start"].isna().all() and both.iloc[stops[0] :]["start"].notna().any()
    both.to_parquet(tmp_path / "both.parquet")
    said = [(0, "E116", "start", "column `start` is a timestamp without a time zone (`timestamp[us]`)")]
    for column in ("start", "end"):
        said_one = [(0, "E116", column, f"column `{column}` is a timestamp without a time zone (`timestamp[us]`)")]
        assert [p for p in _refused(policy, tmp_path / "both.parquet") if p[2] == column] == said_one
    refused = _refused(policy, tmp_path / "naive")
    assert [p for p in refused if p[2] == "start"] == said
    with pytest.raises(EventInputError) as caught:
        read_events(tmp_path / "naive")
    assert {str(p.source) for p in caught.value.problems} == {str(tmp_path / "naive" / "b.parquet")}
    # `cause`: of no value (`double`) in the first file, text in the second: read as the CSV
    (tmp_path / "cause").mkdir()
    first.to_parquet(tmp_path / "cause" / "a.parquet")
    pa_second = pa.Table.from_pandas(second, preserve_index=False)
    pa_second = pa_second.set_column(
        pa_second.schema.get_field_index("cause"), "cause", pa.nulls(len(second), pa.string())
    )
    pq.write_table(pa_second, tmp_path / "cause" / "b.parquet")
    assert _report(policy, tmp_path / "cause") == _report(policy, csv)


def test_a_required_column_of_no_value_is_each_rows_missing_field(policy: sla_dsl.Policy) -> None:
    table = pa.table(
        {
            "event": ["incident.reported"],
            "at": pa.array([None], pa.float64()),
            "id": ["INC-1"],
            "priority": ["P1"],
        }
    )
    said = [(1, "E102", "at", "missing field `at` (required for every event)")]
    assert _refused(policy, table) == said
    assert _refused(policy, table.to_pandas()) == said


def test_a_table_of_no_row_is_an_empty_log_whatever_its_types(policy: sla_dsl.Policy) -> None:
    """A column of no row is no column of nulls (its type is judged), but a table of no row holds no event to
    leave out: an empty log, as a table of no row without the column is (``tests/events/test_empty_tables.py``).
    With a row, the column's type is judged."""
    table = pa.table(
        {"event": pa.array([], pa.string()), "at": pa.array([], pa.float64()), "id": pa.array([], pa.string())}
    )
    assert sla_dsl.evaluate(policy, table, "2026-11-01", "2026-12-01").input.events == 0
    row = pa.table({"event": ["incident.responded"], "at": pa.array([1.0], pa.float64()), "id": ["INC-1"]})
    assert [p[1:3] for p in _refused(policy, row)] == [("E116", "at")]


# -- E106 and E116 of a number given as an id -------------------------------------------


def _line_problems(tmp_path: Path, *lines: str) -> list[str]:
    path = tmp_path / "events.jsonl"
    path.write_text("".join(line + "\n" for line in lines), "utf-8")
    with pytest.raises(EventInputError) as caught:
        read_events(path)
    return [p.render("en").removeprefix(f"{path}:") for p in caught.value.problems]


REPORTED = '{"event":"incident.reported","at":"2026-11-02T09:00:00+09:00","priority":"P1","id":'


def test_a_number_id_is_written_again_as_its_digits(tmp_path: Path) -> None:
    said = _line_problems(
        tmp_path,
        REPORTED + "12345678901234567890}",
        REPORTED + "10234.0}",
        REPORTED + "10234.5}",
        REPORTED + "123456789012345678901234567890}",
        REPORTED + "-123456789012345678901234567890}",
        REPORTED + "1.2345678901234568e+29}",
    )
    number = "error: [E106] field `id` must be a string, found a number\n  help: write the value as a string: "
    assert said == [
        f'1: {number}`"id": "12345678901234567890"`',
        f'2: {number}`"id": "10234"`',
        f'3: {number}`"id": "10234.5"`',
        # past 64 bits orjson has a float, its last digits lost: the line is read again for them
        f'4: {number}`"id": "123456789012345678901234567890"`',
        f'5: {number}`"id": "-123456789012345678901234567890"`',
        # (a float past 2**53 written so: its digits are not known, none is made up)
        "6: error: [E106] field `id` must be a string, found a number\n"
        "  help: write the value as a string: its digits as written, in double quotes",
    ]


def test_an_id_past_64_bits_is_written_again_as_its_digits_whichever_way_the_lines_are_read(tmp_path: Path) -> None:
    line = REPORTED + "123456789012345678901234567890}\n"
    plain, packed = tmp_path / "events.jsonl", tmp_path / "events.jsonl.gz"
    plain.write_text(line, "utf-8")
    packed.write_bytes(gzip.compress(line.encode("utf-8")))
    example = '`"id": "123456789012345678901234567890"`'
    for path in (plain, packed):
        with pytest.raises(EventInputError) as caught:
            read_events(path)
        (only,) = caught.value.problems
        assert (only.code, only.help_text("en"), only.help_text("ja")) == (
            "E106",
            f"write the value as a string: {example}",
            f"値は文字列で書いてください：{example}",
        )
    with pytest.raises(EventInputError) as caught:
        list(iter_events(plain))
    assert [p.help for p in caught.value.problems] == [f"write the value as a string: {example}"]


def test_float_ids_of_a_frame_are_said_as_integers_and_the_column_how_to_read(
    policy: sla_dsl.Policy, tmp_path: Path
) -> None:
    path = tmp_path / "ids.csv"
    path.write_text(
        "event,at,id,priority\r\n"
        "incident.reported,2026-11-02T09:00:00+09:00,10234,P1\r\n"
        "incident.responded,2026-11-02T10:00:00+09:00,10234,\r\n"
        ",,,\r\n",
        "utf-8",
    )
    frame = pd.read_csv(path)
    assert frame["id"].dtype == "float64"  # (an empty cell among the ids)
    with pytest.raises(EventInputError) as caught:
        sla_dsl.evaluate(policy, frame.to_dict("records"), "2026-11-01", "2026-12-01")
    assert [p.help for p in caught.value.problems] == ['write the value as a string: `"id": "10234"`'] * 2
    with pytest.raises(EventInputError) as caught:
        sla_dsl.evaluate(policy, frame, "2026-11-01", "2026-12-01")
    (only,) = caught.value.problems
    assert only.code == "E116" and only.column == "id"
    assert only.help == (
        "store `id` as text (`string`): a column of numbers is not read as text "
        '(pandas: `pd.read_csv(path, dtype={"id": str})` reads the column as text)'
    )
    assert '`pd.read_csv(path, dtype={"id": str})`' in only.render("ja")
    assert _report(policy, pd.read_csv(path, dtype={"id": str})) == _report(policy, path)


# -- every problem of a line of no type ---------------------------------------------------


def test_a_line_of_no_type_is_told_its_missing_at_and_id(tmp_path: Path) -> None:
    said = _line_problems(
        tmp_path,
        '{"priority":"P1"}',
        '{"event":"bogus.type"}',
        '{"event":"bogus.type","at":"x","id":3}',
        '{"at":"2026-11-02T09:00:00+09:00","id":"INC-1"}',
        '{"event":"incident.responded","id":"INC-1"}',
    )
    at = "error: [E102] missing field `at` (required for every event)"
    ident = "error: [E102] missing field `id` (required for every event)"
    assert [s.split("\n")[0] for s in said] == [
        "1: error: [E102] missing field `event`",
        f"1: {at}",
        f"1: {ident}",
        "2: error: [E103] unknown event type `bogus.type`",
        f"2: {at}",
        f"2: {ident}",
        "3: error: [E103] unknown event type `bogus.type`",
        "3: error: [E104] `at` is not an ISO 8601 time: `x`",
        "3: error: [E106] field `id` must be a string, found a number",
        "4: error: [E102] missing field `event`",  # (its `at` and `id` are good: nothing more)
        "5: error: [E102] missing field `at` (required for every event)",  # (as before)
    ]


def test_a_row_of_no_event_is_told_its_missing_at_at_its_column(policy: sla_dsl.Policy) -> None:
    at = pd.to_datetime(["2026-11-02 09:00", None]).tz_localize("Asia/Tokyo")
    frame = pd.DataFrame({"event": ["incident.reported", None], "at": at, "id": ["INC-1", "INC-2"], "priority": "P1"})
    said = [
        (2, "E102", "event", "missing field `event`"),
        (2, "E102", "at", "missing field `at` (required for every event)"),
    ]
    assert _refused(policy, frame) == said
    assert _refused(policy, pa.Table.from_pandas(frame, preserve_index=False)) == said


def test_the_missing_field_of_every_event_in_japanese(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text('{"event":"bogus.type","id":"INC-1"}\n', "utf-8")
    with pytest.raises(EventInputError) as caught:
        read_events(path)
    assert [p.render("ja").split("\n")[0] for p in caught.value.problems][1:] == [
        f"{path}:1: error: [E102] フィールド `at` がありません（どのイベントにも必要です）"
    ]
