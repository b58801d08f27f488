"""Events from Arrow: Parquet files and directories, Arrow IPC, pyarrow/pandas/polars tables.

The same verdicts as from JSON Lines, and every bad row located by row and column with
the JSON Lines reader's codes and words.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.feather as feather
import pyarrow.parquet as pq
import pytest

import sla_dsl
from sla_dsl.errors import InputError
from sla_dsl.events import EventInputError, read_events
from sla_dsl.events.arrow import read_table
from sla_dsl.events.arrow_files import read_arrow
from sla_dsl.events.table_schema import arrow_schema, events_table

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
EXAMPLE = ROOT / "examples" / "events-2026-11.jsonl"
TZ = ZoneInfo("Asia/Tokyo")
START, END = dt.datetime(2026, 11, 1, tzinfo=TZ), dt.datetime(2026, 12, 1, tzinfo=TZ)


def rows() -> list[dict[str, Any]]:
    return [json.loads(x) for x in EXAMPLE.read_text("utf-8").splitlines() if x.strip() and not x.startswith("#")]


def judged(events: Any) -> dict[str, Any]:
    report = sla_dsl.evaluate(sla_dsl.load_policy(POLICY), events, START, END)
    out: dict[str, Any] = report.model_dump(mode="json")
    return out


@pytest.fixture(scope="module")
def from_jsonl() -> dict[str, Any]:
    return judged(read_events(EXAMPLE))


def test_example_month_hand_checked_verdicts_from_parquet(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    pq.write_table(events_table(rows()), path)
    report = judged(read_events(path))
    inc = {r["id"]: r for r in report["incidents"]}
    # INC-001: P1 reported Mon 2 Nov 09:00 (before opening): clock 09:00, 4 business hours from
    # 10:00 with the 12:00-13:00 lunch hour out -> due 15:00; first response 16:12 -> breached.
    assert inc["INC-001"]["clock_start"] == "2026-11-02T09:00:00+09:00"
    assert inc["INC-001"]["response_due"] == "2026-11-02T15:00:00+09:00"
    assert inc["INC-001"]["responded_at"] == "2026-11-02T16:12:00+09:00"
    assert inc["INC-001"]["status"] == "breached"
    # INC-055 has cause customer_fault (Article 4): excluded, no target.
    assert inc["INC-055"]["status"] == "excluded" and inc["INC-055"]["response_due"] is None


@pytest.mark.parametrize(
    "form",
    [
        "parquet-timestamps",
        "parquet-text",
        "arrow-ipc",
        "directory",
        "gzip-parquet",
        "parquet-named-jsonl",
        "arrow-ipc-no-suffix",
        "arrow-stream-named-csv",
    ],
)
def test_same_report_from_every_file_form(form: str, tmp_path: Path, from_jsonl: dict[str, Any]) -> None:
    events = rows()
    table = events_table(events, tz="Asia/Tokyo")
    if form == "parquet-timestamps":
        path = tmp_path / "events.parquet"
        pq.write_table(table, path)
    elif form == "parquet-text":
        path = tmp_path / "events.pq"
        keys = sorted({k for e in events for k in e})
        text = pa.table({k: pa.array([e.get(k) for e in events], pa.string()) for k in keys})
        pq.write_table(text, path)  # times as ISO 8601 strings, as in the JSON
        assert pa.types.is_string(pq.read_schema(path).field("at").type)
    elif form == "arrow-ipc":
        path = tmp_path / "events.arrow"
        feather.write_feather(table, path, compression="uncompressed")
    elif form == "gzip-parquet":
        path = tmp_path / "events.parquet"
        pq.write_table(table, path, compression="gzip", row_group_size=100)
    elif form == "parquet-named-jsonl":  # known by its first bytes, not read as lines of text
        path = tmp_path / "events.jsonl"
        pq.write_table(table, path)
    elif form == "arrow-ipc-no-suffix":
        path = tmp_path / "events"
        feather.write_feather(table, path, compression="uncompressed")
    elif form == "arrow-stream-named-csv":
        path = tmp_path / "events.csv"
        with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
    else:
        path = tmp_path / "lake"
        (path / "month=11").mkdir(parents=True)
        third = table.num_rows // 3
        pq.write_table(table.slice(0, third), path / "month=11" / "part-0.parquet")
        pq.write_table(table.slice(third, third), path / "month=11" / "part-1.parquet")
        pq.write_table(table.slice(2 * third), path / "part-2.parquet")
    report = judged(read_events(path))
    assert report == {**from_jsonl, "input": report["input"]}
    assert report["input"]["events"] == from_jsonl["input"]["events"]


@pytest.mark.parametrize("kind", ["pyarrow", "record-batch", "pandas", "polars"])
def test_same_report_from_a_table_in_the_api(kind: str, from_jsonl: dict[str, Any]) -> None:
    table = events_table(rows())
    events: Any = {
        "pyarrow": table,
        "record-batch": table.combine_chunks().to_batches()[0] if table.num_rows else table,
        "pandas": table.to_pandas(),
        "polars": pl.from_arrow(table),
    }[kind]
    assert judged(events) == {**from_jsonl, "input": judged(events)["input"]}


def seven_rows() -> list[dict[str, Any]]:
    return [
        {"event": "incident.reported", "at": f"2026-11-{2 + i:02d}T10:00:00+09:00", "id": f"INC-{i}", "priority": "P2"}
        for i in range(9)
    ]


def problems(events: Any, source: str = "<table>") -> list[str]:
    with pytest.raises(EventInputError) as info:
        read_table(events, source)
    return [str(p) for p in info.value.problems]


def test_a_field_with_no_column_says_the_table_lacks_it() -> None:
    backup = {"event": "backup.completed", "at": "2026-11-02T03:00:00+09:00", "id": "BK-1"}
    table = pa.Table.from_pylist([*seven_rows()[:2], backup])  # no `kind` column (nor `knd`)
    assert problems(table) == [
        "<table>: row 3, column `kind`: error: [E102] missing field `kind` (required for `backup.completed`)\n"
        "  help: the table has no column `kind`"
    ]
    # a near name among the columns is still offered, after the column's absence
    renamed = pa.Table.from_pylist([{**r, "knd": None} for r in seven_rows()[:2]] + [{**backup, "knd": "full"}])
    assert problems(renamed)[0].endswith("  help: the table has no column `kind`; found `knd`: did you mean `kind`?")
    # a column that is there but null in the row: the row lacks it, the table does not
    with_kind = pa.Table.from_pylist([{**backup, "kind": "full"}, {**backup, "id": "BK-2", "kind": None}])
    assert problems(with_kind) == [
        "<table>: row 2, column `kind`: error: [E102] missing field `kind` (required for `backup.completed`)"
    ]


def test_bad_time_in_row_7_named_by_row_and_column(tmp_path: Path) -> None:
    events = seven_rows()
    events[6]["at"] = "yesterday"
    path = tmp_path / "events.parquet"
    pq.write_table(pa.Table.from_pylist(events), path)
    with pytest.raises(EventInputError) as info:
        read_arrow(path)
    [problem] = info.value.problems
    assert (problem.line, problem.column, problem.code) == (7, "at", "E104")
    assert str(problem) == (
        f"{path}: row 7, column `at`: error: [E104] `at` is not an ISO 8601 time: `yesterday`\n"
        "  help: write the time as ISO 8601 with a UTC offset, e.g. `2026-11-02T10:00:00+09:00`"
    )
    assert str(info.value).count("\n") == 1  # one problem, no summary line


def test_number_in_a_pandas_text_column_is_its_rows_problem() -> None:
    frame = pd.DataFrame(seven_rows())
    frame["at"] = frame["at"].astype(object)
    frame.loc[6, "at"] = 1793581200
    [text] = problems(frame, "frame")
    assert text.startswith("frame: row 7, column `at`: error: [E104] `at` must be an ISO 8601 time with a UTC offset")


def test_the_json_lines_codes_for_each_bad_row() -> None:
    events: list[dict[str, Any]] = seven_rows()
    events[1]["event"] = "incident.reportd"  # E103, with a did-you-mean
    events[2]["id"] = ""  # E107
    del events[3]["priority"]  # E102
    events[4]["at"] = "2026-11-06T10:00:00"  # E105: no offset
    texts = problems(pa.Table.from_pylist(events))
    assert [t.split(": error")[0] for t in texts] == [
        "<table>: row 2, column `event`",
        "<table>: row 3, column `id`",
        "<table>: row 4, column `priority`",
        "<table>: row 5, column `at`",
    ]
    assert [t.split("error: [")[1][:4] for t in texts] == ["E103", "E107", "E102", "E105"]
    assert "did you mean `incident.reported`?" in texts[0]


@pytest.mark.parametrize(
    ("column", "array", "message"),
    [
        ("at", pa.array(range(9), pa.int64()), "column `at` has type `int64`, not a timestamp with a time zone"),
        ("at", pa.array([dt.datetime(2026, 11, 2, 10)] * 9), "column `at` is a timestamp without a time zone"),
        ("priority", pa.array([1] * 9), "column `priority` has type `int64`, not text"),
    ],
)
def test_a_column_of_the_wrong_type_is_refused_once(column: str, array: pa.Array, message: str) -> None:
    table = pa.Table.from_pylist(seven_rows())
    table = table.set_column(table.schema.get_field_index(column), column, array)
    [text] = problems(table)
    assert text.startswith(f"<table>: column `{column}`: error: [E116] {message}")
    assert "\n  help: store " in text


def test_a_missing_column_is_refused() -> None:
    [text] = problems(pa.Table.from_pylist(seven_rows()).drop_columns(["id"]))
    assert text.startswith("<table>: error: [E115] table lacks column `id`")


def test_directory_rows_are_named_in_their_own_file(tmp_path: Path) -> None:
    events = seven_rows()
    events[5]["priority"] = " "
    (tmp_path / "lake").mkdir()
    pq.write_table(pa.Table.from_pylist(events[:4]), tmp_path / "lake" / "a.parquet")
    pq.write_table(pa.Table.from_pylist(events[4:]), tmp_path / "lake" / "b.parquet")
    with pytest.raises(EventInputError) as info:
        read_arrow(tmp_path / "lake")
    assert str(info.value).startswith(f"{tmp_path / 'lake' / 'b.parquet'}: row 2, column `priority`: error: [E107]")


@pytest.mark.parametrize("name", ["events.parquet", "events.arrow", "lake/part-0.feather"])
def test_a_missing_file_is_worded_as_for_a_line_log(tmp_path: Path, name: str) -> None:
    # The same words as a missing .jsonl (test_reader), not pyarrow's "Failed to open local file".
    with pytest.raises(InputError) as info:
        read_events(tmp_path / name)
    assert not isinstance(info.value, EventInputError)
    assert str(info.value) == f"{tmp_path / name}: cannot read events: No such file or directory"


def test_not_a_parquet_file_is_one_located_error(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    path.write_text("not parquet")
    with pytest.raises(EventInputError) as info:
        read_events(path)
    assert str(info.value).startswith(f"{path}: error: [E117] cannot read the file as Parquet or Arrow")


def test_skip_invalid_leaves_the_bad_row_out_and_lists_it() -> None:
    events = seven_rows()
    events[6]["at"] = "yesterday"
    log = read_table(pa.Table.from_pylist(events), skip_invalid=True)
    assert sorted(log.incidents) == sorted(f"INC-{i}" for i in range(9) if i != 6)
    assert log.skipped == [
        "<table>: row 7, column `at`: error: [E104] `at` is not an ISO 8601 time: `yesterday`\n"
        "  help: write the time as ISO 8601 with a UTC offset, e.g. `2026-11-02T10:00:00+09:00`"
    ]


def sla(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_cli_policy_check_of_a_parquet_row_names_file_and_row(tmp_path: Path) -> None:
    events = seven_rows()
    events[2]["priority"] = "P9"  # well formed, unknown to the policy: the evaluator's E120
    (tmp_path / "lake").mkdir()
    pq.write_table(pa.Table.from_pylist(events[:2]), tmp_path / "lake" / "a.parquet")
    pq.write_table(pa.Table.from_pylist(events[2:]), tmp_path / "lake" / "b.parquet")
    res = sla("evaluate", POLICY, tmp_path / "lake", "--from", "2026-11-01", "--to", "2026-12-01", "--lang", "en")
    assert res.returncode == 1 and res.stdout == "" and "Traceback" not in res.stderr
    said = f"{tmp_path / 'lake' / 'b.parquet'}: row 1, column `priority`: error: [E120] unknown priority `P9`"
    assert said in res.stderr


def test_round_trip_of_the_event_schema(tmp_path: Path) -> None:
    table = events_table(rows(), tz="Asia/Tokyo")
    assert table.schema == arrow_schema("Asia/Tokyo")
    path = tmp_path / "events.parquet"
    pq.write_table(table, path)
    assert pq.read_table(path).equals(table)
    a, b = read_events(EXAMPLE), read_events(path)
    assert [{k: sorted(r[:3] for r in v) for k, v in g.items()} for g in a.groups] == [
        {k: sorted(r[:3] for r in v) for k, v in g.items()} for g in b.groups
    ]


def test_parquet_on_stdin_is_one_located_error_saying_what_to_give(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    pq.write_table(events_table(rows()), path)
    argv = [
        sys.executable,
        "-m",
        "sla_dsl.cli",
        "evaluate",
        str(POLICY),
        "-",
        "--from",
        "2026-11-01",
        "--to",
        "2026-12-01",
    ]
    res = subprocess.run([*argv, "--lang", "en"], input=path.read_bytes(), capture_output=True, timeout=120)
    assert res.returncode == 1 and res.stdout == b""
    assert res.stderr.decode() == (
        "<stdin>:1: error: [E117] the standard input is a Parquet file: Parquet is read from a file, "
        "not from a pipe\n  help: give the file's path instead of `-` (a directory of Parquet files is read too)\n"
    )
    res = subprocess.run(argv, input=path.read_bytes(), capture_output=True, timeout=120)  # the policy's language
    assert res.stderr.decode() == (
        "<stdin>:1: error: [E117] 標準入力の中身は Parquet 形式のファイルです。"
        "Parquet はパイプからではなく、ファイルから読みます\n"
        "  ヒント: `-` の代わりにファイルのパスを指定してください（Parquet ファイルのディレクトリも読めます）\n"
    )


def test_progress_counts_rows_of_a_parquet_file_known_by_its_bytes(tmp_path: Path) -> None:
    from sla_dsl.cli.progress import _total

    path = tmp_path / "export.jsonl"
    pq.write_table(events_table(rows()), path)
    assert _total(str(path)) == (len(rows()), False)


def test_a_pipe_is_peeked_not_consumed_and_a_columnar_one_refused(tmp_path: Path) -> None:
    # `sla evaluate POLICY <(cat log)`: the name is a pipe; looking for Parquet's first bytes must
    # not take the log's first bytes away from the JSON Lines reader
    fifo = tmp_path / "events.fifo"
    os.mkfifo(fifo)
    argv = [sys.executable, "-m", "sla_dsl.cli", "evaluate", str(POLICY), str(fifo), "--from", "2026-11-01"]
    argv += ["--to", "2026-12-01", "--format", "json", "--lang", "en"]
    expected = judged(read_events(EXAMPLE))
    for content, code in ((EXAMPLE.read_bytes(), 0), (_parquet_bytes(tmp_path), 1)):
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        fifo.write_bytes(content)  # blocks until the command opens the pipe
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == code, err
        if code == 0:
            assert json.loads(out)["incidents"] == expected["incidents"]
        else:
            assert f"{fifo}:1: error: [E117] the pipe is a Parquet file" in err.decode() and out == b""


def _parquet_bytes(tmp_path: Path) -> bytes:
    path = tmp_path / "events.parquet"
    pq.write_table(events_table(rows()), path)
    return path.read_bytes()
