"""Parquet files on Dask name their rows and their whole-file problems as ``sla evaluate`` names them.

- A file that lacks a column (E115) or has one of the wrong type (E116), given ``partitioned=True``,
  was named ``<table>``, not the file.
- Files that all have a ``line`` column were named ``<table>:25`` without ``source=``, where ``sla
  evaluate`` over the same directory (which reads no ``line`` column) names the file and its row; with
  ``partitioned=True``, a ``line`` column that only some files have was read too (``<table>:20``).
- A frame of ``string_view`` text (``dd.read_parquet(..., dtype_backend="pyarrow")`` of a file written
  with views) failed with pyarrow's ``ArrowNotImplementedError`` (no kernel takes rows of views).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import sla_dsl
from sla_dsl.events.problems import EventInputError, RowSource
from sla_dsl.scale import judge_file, policy_texts

from .logs import POLICY_PATH, policy

dd = pytest.importorskip("dask.dataframe")
sla_dask = pytest.importorskip("sla_dsl.dask")

NOV, DEC = dt.date(2026, 11, 1), dt.date(2026, 12, 1)


def _rows(ids: list[str], at: list[str], **more: Any) -> pa.Table:
    n = len(ids)
    return pa.table(
        {
            "event": ["incident.reported"] * n,
            "at": at,
            "id": ids,
            "priority": ["P1"] * n,
            **more,
        }
    )


def _with_lines(folder: Path, every: bool) -> Path:
    """Two files, each with a ``line`` column (``every``) or only the second; a bad time in the second's row 2."""
    folder.mkdir()
    good = "2026-11-02T10:00:00+09:00"
    pq.write_table(_rows(["I-1", "I-2"], [good, good], **({"line": [10, 20]} if every else {})), folder / "a.parquet")
    pq.write_table(_rows(["I-3", "I-4"], [good, "yesterday"], line=[15, 25]), folder / "b.parquet")
    return folder


def _one_run(folder: Path) -> str:
    with pytest.raises(EventInputError) as one:
        sla_dsl.evaluate(policy(), str(folder), NOV, DEC)
    return str(one.value)


@pytest.mark.parametrize("partitioned", [False, True])
@pytest.mark.parametrize("every", [True, False])
def test_files_with_a_line_column_are_named_as_sla_evaluate_names_them(
    dask_client: Any, tmp_path: Path, partitioned: bool, every: bool
) -> None:
    files = _with_lines(tmp_path / "events", every)
    expected = _one_run(files)
    assert expected.startswith(f"{files / 'b.parquet'}: 2 行目、列 `at`: error: [E104]")
    with pytest.raises(EventInputError) as many:
        sla_dask.judge(POLICY_PATH, str(files), NOV, DEC, partitioned=partitioned)
    assert str(many.value) == expected


@pytest.mark.parametrize("partitioned", [False, True])
def test_with_source_every_file_line_column_names_the_original_log(
    dask_client: Any, tmp_path: Path, partitioned: bool
) -> None:
    files = _with_lines(tmp_path / "events", True)
    with pytest.raises(EventInputError) as err:
        sla_dask.judge(POLICY_PATH, str(files), NOV, DEC, partitioned=partitioned, source="log.jsonl")
    assert str(err.value).startswith("log.jsonl:25: error: [E104]")


@pytest.mark.parametrize("lacking", ["id", "at"])
def test_a_partitioned_file_without_a_column_is_named_by_its_file(
    dask_client: Any, tmp_path: Path, lacking: str
) -> None:
    files = tmp_path / "events"
    files.mkdir()
    good = "2026-11-02T10:00:00+09:00"
    pq.write_table(_rows(["I-1"], [good]), files / "a.parquet")
    pq.write_table(_rows(["I-2"], [good]).drop_columns([lacking]), files / "b.parquet")
    expected = _one_run(files)
    assert expected.startswith(f"{files / 'b.parquet'}: error: [E115]")
    with pytest.raises(EventInputError) as many:
        sla_dask.judge(POLICY_PATH, str(files), NOV, DEC, partitioned=True)
    assert str(many.value) == expected


def test_a_worker_names_the_file_of_a_whole_file_problem(tmp_path: Path) -> None:
    """The worker's own reading (a file changed since the client read its footer) names the file too."""
    path = tmp_path / "b.parquet"
    pq.write_table(_rows(["I-2"], ["2026-11-02T10:00:00+09:00"]).drop_columns(["id"]), path)
    source = RowSource.of("<table>", [(1, str(tmp_path / "a.parquet")), (5, str(path))])
    partial = judge_file(policy_texts(POLICY_PATH), str(path), NOV, DEC, None, source, False, 5)
    assert [p.render() for p in partial.problems] == [
        f"{path}: error: [E115] table lacks column `id`\n  help: every event table has the columns `event`, `at` "
        "and `id`"
    ]


def _views(path: Path, **more: Any) -> Path:
    """A file whose text columns are ``string_view`` (as polars writes text), ids spaced differently."""
    table = pa.table(
        {
            "event": ["incident.reported", "incident.responded", "incident.reported"],
            "at": ["2026-11-02T10:00:00+09:00", "2026-11-02T11:00:00+09:00", "2026-11-03T10:00:00+09:00"],
            "id": ["INC-1", " INC-1 ", "INC-2"],
            "priority": ["P1", None, "P2"],
        }
    )
    table = table.cast(pa.schema([pa.field(f.name, pa.string_view()) for f in table.schema]))
    for name, values in more.items():
        table = table.append_column(name, pa.array(values, pa.int64()))
    path.parent.mkdir(exist_ok=True)
    pq.write_table(table, path)
    assert pq.read_schema(path).field("id").type == pa.string_view()
    return path


def test_a_frame_of_string_view_text_is_judged_as_one_run_judges_the_file(dask_client: Any, tmp_path: Path) -> None:
    path = _views(tmp_path / "events" / "views.parquet")
    expected = sla_dsl.evaluate(policy(), pq.read_table(path), NOV, DEC).model_dump_json()
    frame = dd.read_parquet(str(path), dtype_backend="pyarrow")
    assert str(frame.dtypes["id"]) == "string_view[pyarrow]"
    got = sla_dask.evaluate(POLICY_PATH, frame, NOV, DEC)
    assert got.model_dump_json() == expected
    assert len(got.incidents) == 2


def test_a_frame_of_string_view_text_with_a_line_column_is_shuffled(dask_client: Any, tmp_path: Path) -> None:
    """With a ``line`` column no row is counted: the shuffle strips the ids of views (``ids.str.strip``)."""
    path = _views(tmp_path / "events" / "views.parquet", line=[1, 2, 3])
    frame = dd.read_parquet(str(path), dtype_backend="pyarrow")
    got = sla_dask.judge(POLICY_PATH, frame, NOV, DEC, source="events.jsonl")
    assert got.report().input.events == 3


@pytest.mark.parametrize("partitioned", [False, True])
def test_string_view_files_are_judged_as_sla_evaluate_judges_them(
    dask_client: Any, tmp_path: Path, partitioned: bool
) -> None:
    path = _views(tmp_path / "events" / "views.parquet")
    expected = sla_dsl.evaluate(policy(), str(path.parent), NOV, DEC).model_dump_json()
    got = sla_dask.evaluate(POLICY_PATH, str(path.parent), NOV, DEC, partitioned=partitioned)
    assert got.model_dump_json() == expected
