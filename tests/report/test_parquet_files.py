"""The Parquet files are written as the tables are built: the same tables read back, the documented schema.

:func:`sla_dsl.report.tables.write_parquet` hands each table's rows to its file a row group at a
time (a year's steps are never held at once) and dictionary-encodes only columns of few distinct
values. Neither may show to a reader: every file reads back as the table :func:`report_tables`
builds, with the documented Arrow schema (no dictionary type), rows in the same order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import sla_dsl
from sla_dsl.errors import InputError
from sla_dsl.evaluation import judge_log
from sla_dsl.evaluation.breach_columns import violation_blocks
from sla_dsl.evaluation.explain_columns import incident_blocks
from sla_dsl.evaluation.result import Evaluation
from sla_dsl.events import read_events
from sla_dsl.lang.diagnostics import WordedInputError
from sla_dsl.report import table_files, tables
from sla_dsl.report.tables import TABLE_NAMES, report_tables, table_schema, write_parquet

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
EXAMPLE = ROOT / "examples" / "events-2026-11.jsonl"


@cache
def month() -> Evaluation:
    policy = sla_dsl.load_policy(POLICY)
    start, end = dt.datetime(2026, 11, 1, tzinfo=policy.tz), dt.datetime(2026, 12, 1, tzinfo=policy.tz)
    return judge_log([policy], read_events(EXAMPLE), start, end)


def write(directory: Path, block: int = 16_384) -> list[Path]:
    """The example month's files, written from the column builders as ``sla evaluate --format parquet`` does."""
    result = month()
    return write_parquet(
        result.skeleton,
        directory,
        incidents=incident_blocks(result.ctx, result.incidents, block=block),
        violations=violation_blocks(result.violations(), block=block),
    )


def expected() -> dict[str, pa.Table]:
    result = month()
    return report_tables(
        result.skeleton,
        incidents=incident_blocks(result.ctx, result.incidents),
        violations=violation_blocks(result.violations()),
    )


@pytest.mark.parametrize("group", [1, 7, 262_144])
def test_files_written_a_row_group_at_a_time_read_back_as_the_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, group: int
) -> None:
    monkeypatch.setattr(table_files, "GROUP", group)
    want = expected()
    paths = write(tmp_path / "out", block=5)
    assert [p.stem for p in paths] == list(TABLE_NAMES)
    tz = month().skeleton.timezone or "UTC"
    for path in paths:
        got = pq.read_table(path)
        assert got.schema.equals(table_schema(path.stem, tz)), path.stem
        assert got.equals(want[path.stem]), path.stem
    steps = pq.ParquetFile(tmp_path / "out" / "steps.parquet").metadata
    assert steps.num_rows > 100
    assert (steps.num_row_groups > 1) == (group < steps.num_rows)


def test_only_columns_of_few_values_are_dictionary_encoded_in_the_file(tmp_path: Path) -> None:
    write(tmp_path)
    meta = pq.ParquetFile(tmp_path / "steps.parquet").metadata.row_group(0)
    encodings = {meta.column(k).path_in_schema: meta.column(k).encodings for k in range(meta.num_columns)}
    assert "RLE_DICTIONARY" in encodings["ref"] and "RLE_DICTIONARY" in encodings["table"]
    assert "RLE_DICTIONARY" not in encodings["text"] and "RLE_DICTIONARY" not in encodings["id"]
    # a reader gets plain text columns back, not dictionaries
    assert pq.read_table(tmp_path / "steps.parquet").schema.field("ref").type == "string"


def _earlier_run(directory: Path) -> dict[str, bytes]:
    """Files of an earlier run in ``directory`` (not Parquet: any change to them shows)."""
    directory.mkdir(exist_ok=True)
    for name in TABLE_NAMES:
        (directory / f"{name}.parquet").write_bytes(f"earlier {name}".encode())
    return {p.name: p.read_bytes() for p in directory.iterdir()}


def test_a_table_that_cannot_be_written_is_a_located_error_and_nothing_is_replaced(tmp_path: Path) -> None:
    before = _earlier_run(tmp_path)
    (tmp_path / "steps.parquet").unlink()
    (tmp_path / "steps.parquet").mkdir()  # in the way of the file
    del before["steps.parquet"]
    with pytest.raises(
        InputError, match=r"steps\.parquet: cannot write the table: a directory is in its place"
    ) as info:
        write(tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before
    assert isinstance(info.value, WordedInputError)  # a command writes it in its language
    assert (
        str(info.value.in_lang("ja"))
        == f"{tmp_path / 'steps.parquet'}: 表を書けません：その場所にディレクトリがあります"
    )


def test_an_output_that_is_a_file_is_refused_in_the_policys_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sla_dsl.cli import main

    target = tmp_path / "report"
    target.write_text("not a directory")
    args = ["evaluate", str(ROOT / "policies" / "clicksoko.sla"), str(ROOT / "examples" / "events-2026-11.jsonl")]
    args += ["--from", "2026-11-01", "--to", "2026-12-01", "--format", "parquet", "--output", str(target), "--quiet"]
    assert main(args) == 2  # (a wrong value of the option: a usage error, as a directory for a file)
    assert capsys.readouterr().err == (
        f"sla: エラー: {target}: ディレクトリではありません（`--output` には表を書くディレクトリを指定します）\n"
    )
    assert main([*args, "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        f"sla: error: {target}: not a directory (--output names the directory the tables go into)\n"
    )
    target.unlink()
    target.symlink_to(tmp_path / "nowhere")  # a link to nothing is not a directory either
    assert main([*args, "--lang", "en"]) == 2
    assert "not a directory" in capsys.readouterr().err
    assert target.is_symlink() and not (tmp_path / "nowhere").exists()


def test_an_error_while_the_tables_are_built_leaves_the_earlier_run_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(table_files, "GROUP", 1)  # every row written at once: the files are opened early
    before = _earlier_run(tmp_path)
    result = month()

    def failing() -> Iterator[Any]:
        yield from violation_blocks(result.violations(), block=3)
        raise InputError("events.jsonl:7: the log ended mid-way")  # after the incidents' tables were written

    with pytest.raises(InputError, match="mid-way"):
        write_parquet(
            result.skeleton, tmp_path, incidents=incident_blocks(result.ctx, result.incidents), violations=failing()
        )
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # no temporary file left either


def test_a_run_replaces_every_table_of_an_earlier_run(tmp_path: Path) -> None:
    _earlier_run(tmp_path)
    write(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{n}.parquet" for n in TABLE_NAMES)
    want = expected()
    assert all(pq.read_table(tmp_path / f"{n}.parquet").equals(want[n]) for n in TABLE_NAMES)


def test_a_write_that_fails_in_the_writer_thread_is_a_located_error_and_nothing_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The row groups are written by a thread while the next are built: its error (a full disk on
    the fifth row group of the steps) still stops the run with the file named, and the earlier
    run's tables stay as they were, no temporary file left."""
    monkeypatch.setattr(table_files, "GROUP", 1)  # a row group per piece: many handed to the thread
    monkeypatch.setattr(tables, "_STRETCH", 7)  # a piece per 7 incidents (rows and blocks put in order at once)
    before = _earlier_run(tmp_path)
    written: list[str] = []
    real = pq.ParquetWriter.write_table

    def full(self: pq.ParquetWriter, table: pa.Table, *args: Any, **kwargs: Any) -> None:
        if "row" in table.column_names and "step" in table.column_names:
            written.append("steps")
            if len(written) == 5:
                raise OSError(28, "No space left on device")
        real(self, table, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetWriter, "write_table", full)
    with pytest.raises(InputError, match=r"steps\.parquet: cannot write the table: .*No space left on device"):
        write(tmp_path, block=7)
    assert len(written) == 5
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_free_text_columns_are_written_without_statistics_and_the_others_with(tmp_path: Path) -> None:
    write(tmp_path)
    for name in ("steps", "violations"):
        meta = pq.ParquetFile(tmp_path / f"{name}.parquet").metadata
        group = meta.row_group(0)
        kept = {group.column(k).path_in_schema: group.column(k).is_stats_set for k in range(group.num_columns)}
        assert {c for c, has in kept.items() if not has} == set(table_files.PROSE) & set(kept), name
        assert kept.get("id")  # (a reader may skip row groups by id)
