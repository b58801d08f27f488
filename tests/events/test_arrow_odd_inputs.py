"""Odd columnar inputs read as the JSON Lines reader reads the same events: located problems, never a
traceback, nothing left out in silence.

Each case was found by reading tables and directories that pandas, polars, Spark and pyarrow write
beside the same events as JSON Lines: a value Python cannot hold in a row the models judge, a
nanosecond time, a repeated pandas column, an ``attributes`` struct whose rows have different keys,
a directory holding a Parquet file without a suffix or a file that is not a table, a gzipped Parquet
file, a polars LazyFrame.
"""

from __future__ import annotations

import datetime as dt
import decimal
import gzip
import io
import json
from pathlib import Path

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sla_dsl.cli import main
from sla_dsl.events import EventInputError
from sla_dsl.events.arrow import read_table
from sla_dsl.reader import read_events, read_text

AT = "2026-11-02T09:00:00+09:00"
ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
PERIOD = ["--from", "2026-11-01T00:00:00+09:00", "--to", "2026-12-01T00:00:00+09:00"]


def _codes(exc: pytest.ExceptionInfo[EventInputError]) -> list[tuple[int, str]]:
    return [(p.line, p.code) for p in exc.value.problems]


def test_an_extra_column_python_cannot_hold_is_no_traceback_when_a_row_is_judged_by_the_models(tmp_path: Path) -> None:
    far = pa.array([0, 2**62]).cast(pa.timestamp("ms", tz="UTC"))  # 2**62 ms: past the year 9999
    table = pa.table({"event": ["incident.reported"] * 2, "at": [AT] * 2, "id": ["INC-1", ""], "valid_until": far})
    table = table.append_column("priority", pa.array(["P1", "P1"]))
    with pytest.raises(EventInputError) as info:
        read_table(table)
    assert _codes(info) == [(2, "E107")]  # the empty id, and nothing about the extra column
    pq.write_table(table, tmp_path / "far.parquet")
    assert main(["evaluate", str(POLICY), str(tmp_path / "far.parquet"), *PERIOD, "--lang", "en"]) == 1


def test_a_time_past_the_year_9999_or_in_an_unknown_zone_in_a_row_the_models_judge() -> None:
    far = pa.array([10**12, 10**12]).cast(pa.timestamp("s", tz="UTC"))
    table = pa.table({"event": ["incident.responded"] * 2, "at": far, "id": ["INC-1", ""]})
    with pytest.raises(EventInputError) as info:
        read_table(table)
    assert _codes(info) == [(2, "E104"), (2, "E107")]
    assert "`33658-09-27T01:46:40Z`" in info.value.problems[0].message  # the year as it is, not wrapped round
    mars = pa.array([1793581200, 1793581200]).cast(pa.timestamp("s", tz="Mars/Olympus"))
    with pytest.raises(EventInputError) as info:
        read_table(pa.table({"event": ["incident.responded"] * 2, "at": mars, "id": ["INC-1", ""]}))
    assert _codes(info) == [(2, "E107")]


def test_a_nanosecond_time_is_one_instant_on_both_paths() -> None:
    ns = pa.array([1793581200123456789] * 2).cast(pa.timestamp("ns", tz="UTC"))
    log = read_table(pa.table({"event": ["incident.responded"] * 2, "at": ns, "id": ["INC-1", " INC-1"]}))
    epochs = {rec[0] for recs in log.groups[0].values() for rec in recs}
    assert epochs == {1793581200.123456}  # cut to the microsecond, as the column path cuts it
    text = "\n".join(
        json.dumps({"event": "incident.responded", "at": "2026-11-02T10:00:00.123456+09:00", "id": i})
        for i in ("INC-1", " INC-1")
    )
    assert {rec[0] for recs in read_text(text).groups[0].values() for rec in recs} == epochs


def test_a_pandas_frame_with_a_column_named_twice_is_refused_for_its_columns() -> None:
    frame = pd.DataFrame(
        [["incident.reported", AT, "INC-1", "P1", "INC-1"]], columns=["event", "at", "id", "priority", "id"]
    )
    with pytest.raises(EventInputError) as info:
        read_table(frame)
    assert _codes(info) == [(0, "E115")]
    assert "`id`" in info.value.problems[0].message
    frame = pd.DataFrame([["incident.reported", AT, "INC-1", "P1", "x"]], columns=["event", "at", "id", 1, "1"])
    with pytest.raises(EventInputError) as info:
        read_table(frame)
    assert _codes(info) == [(0, "E115")]


def test_an_attributes_struct_whose_rows_have_different_keys_reads_as_the_json_lines() -> None:
    lines = [
        {"event": "incident.reported", "at": AT, "id": "INC-1", "priority": "P1", "attributes": {"plan": "premium"}},
        {"event": "incident.reported", "at": AT, "id": "INC-2", "priority": "P2", "attributes": {"channel": "en"}},
    ]
    text = "\n".join(json.dumps(line) for line in lines)
    want = read_text(text)
    for frame in (pl.read_ndjson(io.BytesIO(text.encode())), pd.read_json(io.StringIO(text), lines=True, dtype=False)):
        got = read_table(frame)
        assert [list(g.items()) for g in got.groups] == [list(g.items()) for g in want.groups]


def test_a_polars_lazy_frame_is_collected() -> None:
    frame = pl.DataFrame({"event": ["incident.reported"], "at": [AT], "id": ["INC-1"], "priority": ["P1"]})
    assert read_table(frame.lazy()).count == 1


def _halves(tmp_path: Path) -> tuple[Path, pa.Table]:
    rows = [{"event": "incident.reported", "at": AT, "id": f"INC-{i}", "priority": "P1"} for i in range(4)]
    table = pa.Table.from_pylist(rows)
    folder = tmp_path / "events"
    folder.mkdir()
    pq.write_table(table.slice(0, 2), folder / "part-0.parquet")
    pq.write_table(table.slice(2, 2), folder / "part-1")  # Hive style: no suffix
    return folder, table


def test_a_directory_reads_a_parquet_file_without_a_suffix_and_passes_over_spark_markers(tmp_path: Path) -> None:
    folder, _ = _halves(tmp_path)
    (folder / "_SUCCESS").write_bytes(b"")
    (folder / ".part-0.parquet.crc").write_bytes(b"\x00crc")
    (folder / "_temporary").mkdir()
    (folder / "_temporary" / "junk.txt").write_text("x")
    assert read_events(folder).count == 4


def test_a_directory_holding_a_file_that_is_no_table_is_refused_naming_it(tmp_path: Path) -> None:
    folder, _ = _halves(tmp_path)
    (folder / "rest.jsonl").write_text(
        json.dumps({"event": "incident.reported", "at": AT, "id": "X", "priority": "P1"})
    )
    with pytest.raises(EventInputError) as info:
        read_events(folder)
    [found] = info.value.problems
    assert (found.code, found.fatal) == ("E117", True)
    assert "rest.jsonl" in found.message
    assert "パス" not in found.text("ja") and "Parquet でも Arrow IPC でもありません" in found.text("ja")


def test_a_directory_leaves_nothing_out_in_silence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A subdirectory that could not be listed, a link to nothing and a named pipe were passed over: exit
    0, and a report of half the events. Each is now named; a directory reached twice is read once."""
    import os

    from sla_dsl.events.problems import EventSourceError

    folder, _ = _halves(tmp_path)
    (folder / "again").symlink_to(folder)  # a loop: listed once
    assert read_events(folder).count == 4
    (folder / "gone.parquet").symlink_to(tmp_path / "nowhere.parquet")
    with pytest.raises(EventSourceError) as gone:
        read_events(folder)
    assert str(gone.value) == f"{folder / 'gone.parquet'}: cannot read events: No such file or directory"
    (folder / "gone.parquet").unlink()
    os.mkfifo(folder / "pipe.parquet")
    with pytest.raises(EventInputError) as pipe:
        read_events(folder)
    [found] = pipe.value.problems
    assert (found.code, found.fatal) == ("E117", True) and "is not a file (a named pipe" in found.message
    (folder / "pipe.parquet").unlink()
    (folder / "sub").mkdir()
    real = os.scandir

    def refused(path: object = ".") -> object:
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refused)
    with pytest.raises(EventSourceError) as sub:
        read_events(folder)
    assert str(sub.value) == f"{folder / 'sub'}: cannot read events: Permission denied"
    assert sub.value.in_lang("ja").args[0].endswith("アクセスする権限がありません")


def test_a_named_pipe_given_as_a_table_is_said_to_be_one(tmp_path: Path) -> None:
    """A named pipe called ``events.parquet`` was opened as a table: ``lseek failed`` (pyarrow's words), or
    no end at all with no writer. Run apart, with a time limit: a reader that opens it waits for ever."""
    import os
    import subprocess
    import sys

    pipe = tmp_path / "events.parquet"
    os.mkfifo(pipe)
    argv = [sys.executable, "-m", "sla_dsl._entry", "evaluate", str(POLICY), str(pipe), *PERIOD]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "error: [E117] パイプの中身は Parquet 形式のファイルです" in done.stderr and "lseek" not in done.stderr


def test_a_gzipped_parquet_file_is_refused_once_not_read_as_lines(tmp_path: Path) -> None:
    _, table = _halves(tmp_path)
    sink = io.BytesIO()
    pq.write_table(table, sink)
    path = tmp_path / "events.parquet.gz"
    path.write_bytes(gzip.compress(sink.getvalue()))
    with pytest.raises(EventInputError) as info:
        read_events(path)
    [found] = info.value.problems
    assert (found.line, found.code) == (1, "E117")
    assert found.message == "the gzip file holds a Parquet file"
    assert found.text("ja") == "gzip で圧縮されたファイルの中身は Parquet 形式のファイルです"
    assert "gzip -d" in (found.help or "")


def test_a_directorys_problems_come_file_by_file(tmp_path: Path) -> None:
    folder = tmp_path / "events"
    folder.mkdir()
    pq.write_table(pa.table({"event": ["incident.reported"], "at": [AT], "id": pa.array([1])}), folder / "1.parquet")
    rows = {"event": ["incident.reported"] * 2, "at": [AT] * 2, "id": ["A", ""], "priority": ["P1", "P1"]}
    pq.write_table(pa.table(rows), folder / "2.parquet")
    with pytest.raises(EventInputError) as info:
        read_events(folder)
    said = [p.render("en").splitlines()[0] for p in info.value.problems]
    assert said[0].startswith(f"{folder / '1.parquet'}: column `id`: error: [E116]")
    assert said[1].startswith(f"{folder / '2.parquet'}: row 2, column `id`: error: [E107]")


def _damaged_tables(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Tables damaged each way pyarrow words apart -> (file, what E117 says of it)."""
    import pyarrow.feather as feather

    rows = [{"event": "incident.reported", "at": AT, "id": f"INC-{i}", "priority": "P1"} for i in range(500)]
    table = pa.Table.from_pylist(rows)
    good = tmp_path / "good.parquet"
    pq.write_table(table, good, compression="snappy", use_dictionary=False)
    data = good.read_bytes()
    arrow = tmp_path / "good.arrow"
    feather.write_feather(table, arrow, compression="uncompressed")
    cases: dict[str, tuple[bytes, str, str]] = {
        "empty": (b"", "parquet", "the file is too short to be Parquet (0 bytes)"),
        "cut": (
            data[: len(data) // 2],
            "parquet",
            "the file ends without a Parquet footer: it is cut short, or not Parquet",
        ),
        # the footer's length said as 10 bytes: those are not a footer
        "footer": (data[:-8] + (10).to_bytes(4, "little") + b"PAR1", "parquet", "the file's footer is damaged"),
        "ipc cut": (arrow.read_bytes()[:10], "arrow", "the file ends before the data it announces"),
    }
    out = {}
    for name, (content, suffix, said) in cases.items():
        path = tmp_path / f"{name.replace(' ', '-')}.{suffix}"
        path.write_bytes(content)
        out[name] = (path, said)
    return out


def test_a_damaged_table_is_said_in_the_catalogues_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """pyarrow's English (``Couldn't deserialize thrift: No more data to read.``) was the detail of E117, in
    Japanese runs too. Its usual messages are now the catalogue's; any other is quoted."""
    import re

    for name, (path, said) in _damaged_tables(tmp_path).items():
        with pytest.raises(EventInputError) as info:
            read_events(path)
        [found] = info.value.problems
        assert found.code == "E117" and said in found.message, (name, found.message)
        assert main(["evaluate", str(POLICY), str(path), *PERIOD]) == 1
        ja = capsys.readouterr().err.split("error: [E117] ", 1)[1].splitlines()[0]  # (the help names tools)
        assert not set(re.findall(r"[A-Za-z]+", re.sub("`[^`]*`", "", ja))) - {"Parquet", "Arrow", "IPC"}, ja
    from sla_dsl.events.arrow_files import _arrow_detail

    other = _arrow_detail(pa.ArrowInvalid("Something new went wrong\nmore"))
    assert (other.text("en"), other.text("ja")) == (
        "Something new went wrong",
        "読み込みライブラリのエラーです（`Something new went wrong`）",
    )


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (
            pa.array(
                [{"team": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)}], pa.struct([("team", pa.timestamp("us", "UTC"))])
            ),
            "文字列でなければなりませんが、日時です",
        ),
        (
            pa.array([{"team": decimal.Decimal("1.5")}], pa.struct([("team", pa.decimal128(4, 2))])),
            "文字列でなければなりませんが、数値です",
        ),
        (
            pa.array([{"team": b"\xff"}], pa.struct([("team", pa.binary())])),
            "バイト列が UTF-8 のテキストではありません",
        ),
    ],
)
def test_an_attributes_cell_of_an_arrow_type_is_named_in_words(value: pa.Array, said: str) -> None:
    """A Python type's name (``datetime``, ``Decimal``) or pydantic's English was the kind in Japanese."""
    table = pa.table({"event": ["incident.reported"], "at": [AT], "id": ["I"], "priority": ["P1"], "attributes": value})
    with pytest.raises(EventInputError) as info:
        read_table(table, "ev.parquet")
    [found] = info.value.problems
    assert said in found.text("ja") and "attribute" in found.message


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_feather_v1_file_is_named_as_such_with_how_to_write_it_again(
    tmp_path: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Feather's first format (``FEA1``; pyarrow still writes it with ``version=1``) is no Arrow IPC: it was
    called cut short; it is named, with the call that writes it as Feather version 2, alone and in a folder."""
    import pyarrow.feather as feather

    table = pa.table({"event": ["incident.reported"], "at": [AT], "id": ["INC-1"], "priority": ["P1"]})
    old = tmp_path / "v1.feather"
    with pytest.warns(DeprecationWarning):  # (pyarrow's own warning on writing the format)
        feather.write_feather(table, old, version=1)
    assert main(["evaluate", str(POLICY), str(old), *PERIOD, "--lang", lang]) == 1
    err = capsys.readouterr().err
    assert "[E117]" in err and f'read_table("{old}")' in err, err
    assert ("Feather の古い形式（バージョン 1）" if lang == "ja" else "Feather's first format (version 1)") in err
    assert "cut short" not in err and "途切れて" not in err
    folder = tmp_path / "logs"
    folder.mkdir()
    pq.write_table(table, folder / "a.parquet")
    old.rename(folder / "b.feather")
    assert main(["evaluate", str(POLICY), str(folder), *PERIOD, "--lang", lang]) == 1
    err = capsys.readouterr().err
    assert "[E117]" in err and "Traceback" not in err, err
