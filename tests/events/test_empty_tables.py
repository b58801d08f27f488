"""A table of events with no row is an empty log, whatever its columns.

An empty list of events, and a Parquet file of the events' columns without a row, gave an empty report
(with ``sla evaluate``'s warning that the log holds no event); an empty table without those columns was
refused as E115 (missing columns): ``pd.DataFrame()``, ``pl.DataFrame()``, ``pa.table({})``, a Parquet or
Arrow file of no column, and pandas' empty frame of the events' columns, whose columns are ``double``,
as E116. No row holds an event to leave out, so none of them is refused now; a table with rows that lacks
the columns is still E115.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.ipc as ipc
import pyarrow.parquet as pq
import pytest

import sla_dsl
from sla_dsl.cli import main
from sla_dsl.events import EventInputError

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
TOKYO = dt.timezone(dt.timedelta(hours=9))
START, END = dt.datetime(2026, 11, 1, tzinfo=TOKYO), dt.datetime(2026, 12, 1, tzinfo=TOKYO)
PERIOD = ["--from", "2026-11-01", "--to", "2026-12-01", "--lang", "en"]

EMPTY: dict[str, Any] = {
    "pandas": pd.DataFrame(),
    "pandas, other columns": pd.DataFrame({"note": pd.Series([], dtype=object)}),
    "pandas, the columns as pandas types them": pd.DataFrame({"event": [], "at": [], "id": []}),
    "polars": pl.DataFrame(),
    "pyarrow": pa.table({}),
    "pyarrow, other columns": pa.table({"note": pa.array([], pa.string())}),
}


@pytest.mark.parametrize("name", list(EMPTY))
def test_an_empty_table_is_an_empty_log(name: str) -> None:
    assert sla_dsl.evaluate(sla_dsl.load_policy(POLICY), EMPTY[name], START, END).input.events == 0
    assert sla_dsl.evaluate(sla_dsl.load_policy(POLICY), [], START, END).input.events == 0


def _write(path: Path, table: pa.Table) -> Path:
    if path.suffix == ".parquet":
        pq.write_table(table, path)
    else:
        with (ipc.new_file if path.stem.endswith("file") else ipc.new_stream)(str(path), table.schema) as w:
            w.write_table(table)
    return path


@pytest.mark.parametrize("name", ["events.parquet", "events-file.arrow", "events-stream.arrow"])
def test_a_file_of_no_row_is_an_empty_log_whatever_its_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    for table in (pa.table({}), pa.table({"note": pa.array([], pa.string())})):
        path = _write(tmp_path / name, table)
        capsys.readouterr()
        assert main(["evaluate", str(POLICY), str(path), *PERIOD, "--format", "json"]) == 0
        assert "holds no events" in capsys.readouterr().err
    # a file with a row and without the columns is refused, as before
    path = _write(tmp_path / name, pa.table({"note": pa.array(["x"], pa.string())}))
    assert main(["evaluate", str(POLICY), str(path), *PERIOD]) == 1
    assert "[E115]" in capsys.readouterr().err


def test_a_table_with_rows_that_lacks_the_columns_is_still_refused() -> None:
    for table in (pd.DataFrame(index=range(2)), pd.DataFrame({"note": ["x"]}), pa.table({"note": ["x"]})):
        with pytest.raises(EventInputError) as caught:
            sla_dsl.evaluate(sla_dsl.load_policy(POLICY), table, START, END)
        assert [p.code for p in caught.value.problems] == ["E115"]
