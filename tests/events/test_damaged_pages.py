"""A Parquet file damaged inside, past its footer: E117 says a data page is damaged, names the first row
of the row group it is in, and travels from a Dask worker to the client.

pyarrow says ``Couldn't deserialize thrift`` of a damaged footer and of a damaged page header alike (the
page's adds ``Deserializing page header failed`` on the next line): every such file was said to have a
damaged footer. The file was read 65,536 rows a batch across its row groups, so a page in the sixth row
group of 66 rows was named at row 1. And the located problem held the reader's closure that reads a cell
again, which no pickle takes: a Dask task that raised it failed with ``Can't pickle local object``.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sla_dsl.cli import main
from sla_dsl.events import EventInputError
from sla_dsl.events.arrow_files import read_arrow
from sla_dsl.events.problems import RowSource

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
PERIOD = ["--from", "2026-11-01", "--to", "2026-12-01"]
AT = "2026-11-02T09:00:00+09:00"
GROUP = 66  # rows per row group: the sixth (index 5) begins at row 331


def _damaged_page(path: Path, group: int = 5) -> Path:
    """A file of 11 row groups whose ``id`` page header in row group ``group`` is overwritten."""
    rows = [{"event": "incident.reported", "at": AT, "id": f"INC-{i}", "priority": "P1"} for i in range(700)]
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=GROUP, compression="none")
    column = pq.read_metadata(path).row_group(group).column(2)
    assert column.path_in_schema == "id"
    data = bytearray(path.read_bytes())
    data[column.data_page_offset : column.data_page_offset + 16] = b"\xff" * 16
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_data_page_is_said_so_at_the_first_row_of_its_row_group(tmp_path: Path) -> None:
    path = _damaged_page(tmp_path / "events.parquet")
    with pytest.raises(EventInputError) as info:
        read_arrow(path)
    [found] = info.value.problems
    assert (found.code, found.line, found.fatal) == ("E117", 5 * GROUP + 1, True)
    said = "cannot read the file as Parquet or Arrow: a data page is damaged (its header cannot be read)"
    assert found.message == said
    assert "データのページが壊れています" in found.text("ja")
    assert str(info.value).startswith(f"{path}: row 331: error: [E117]")


def test_a_damaged_page_of_a_directory_is_named_by_its_file_and_row(tmp_path: Path) -> None:
    folder = tmp_path / "events"
    folder.mkdir()
    rows = [{"event": "incident.reported", "at": AT, "id": "A-1", "priority": "P1"}]
    pq.write_table(pa.Table.from_pylist(rows), folder / "part-0.parquet")
    damaged = _damaged_page(folder / "part-1.parquet", group=2)
    with pytest.raises(EventInputError) as info:
        read_arrow(folder)
    assert str(info.value).startswith(f"{damaged}: row {2 * GROUP + 1}: error: [E117]")


def test_the_error_of_a_damaged_file_pickles_as_a_dask_worker_sends_it(tmp_path: Path) -> None:
    """What ``sla_dsl.dask`` with ``partitioned=True`` raised on a worker (the file's E117) could not be
    sent to the client: its source held a closure. It is its name and parts when pickled."""
    folder = tmp_path / "events"
    folder.mkdir()
    _damaged_page(folder / "part-0.parquet")
    for events in (folder / "part-0.parquet", folder):
        with pytest.raises(EventInputError) as info:
            read_arrow(events)
        assert info.value.problems[0].source.written is not None  # (the reader's: a cell read again)
        again = pickle.loads(pickle.dumps(info.value))
        assert str(again) == str(info.value) and again.problems == info.value.problems
        source = again.problems[0].source
        assert isinstance(source, RowSource) and source.parts == info.value.problems[0].source.parts


def test_a_row_source_pickles_as_its_name_and_parts() -> None:
    source = RowSource.of("events", [(1, "events/a.parquet"), (9, "events/b.parquet")])
    source.written = lambda line, column: None
    again = pickle.loads(pickle.dumps(source))
    assert (type(again), str(again), again.parts, again.written) == (RowSource, "events", source.parts, None)


def test_the_command_says_a_damaged_page_in_either_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _damaged_page(tmp_path / "events.parquet")
    assert main(["evaluate", str(POLICY), str(path), *PERIOD, "--lang", "en"]) == 1
    assert f"{path}: row 331: error: [E117] cannot read the file as Parquet or Arrow: a data page is damaged" in (
        capsys.readouterr().err
    )
    assert main(["evaluate", str(POLICY), str(path), *PERIOD, "--lang", "ja"]) == 1
    said = "ファイルを Parquet または Arrow として読めません：データのページが壊れています"
    assert f"{path}: 331 行目: error: [E117] {said}" in capsys.readouterr().err
