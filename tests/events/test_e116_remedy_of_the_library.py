"""E116's help names the remedy of the library whose table was given: pandas', polars', pyarrow's, or
one said in words for a table of no library it knows (a Parquet file). Every table was told pandas'
(``pd.to_datetime``, ``pd.read_csv(dtype=...)``) before, a polars or pyarrow one too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sla_dsl.events.arrow import read_table
from sla_dsl.events.arrow_files import read_arrow
from sla_dsl.events.problems import EventInputError, Problem

pl = pytest.importorskip("polars")
ROWS = {"event": ["incident.responded"], "at": [1793581200000], "id": [10234]}


def _helps(read: Any) -> dict[str, Problem]:
    with pytest.raises(EventInputError) as info:
        read()
    return {str(p.column): p for p in info.value.problems}


@pytest.mark.parametrize(
    ("frame", "at_en", "id_en", "library"),
    [
        (
            pd.DataFrame(ROWS),
            '(pandas: `pd.to_datetime(df["at"], unit="ms", utc=True)`, `unit="s"` for seconds)',
            '(pandas: `pd.read_csv(path, dtype={"id": str})` reads the column as text)',
            "`pandas` なら",
        ),
        (
            pl.DataFrame(ROWS),
            '(polars: `pl.from_epoch("at", time_unit="ms").dt.replace_time_zone("UTC")`, `time_unit="s"` for seconds)',
            '(polars: `pl.col("id").cast(pl.String)` makes the column text)',
            "`polars` なら",
        ),
        (
            pl.DataFrame(ROWS).lazy(),
            '(polars: `pl.from_epoch("at", time_unit="ms").dt.replace_time_zone("UTC")`, `time_unit="s"` for seconds)',
            '(polars: `pl.col("id").cast(pl.String)` makes the column text)',
            "`polars` なら",
        ),
        (
            pa.table(ROWS),
            '(pyarrow: `pc.cast(table["at"], pa.timestamp("ms", tz="UTC"))`, '
            '`pa.timestamp("s", tz="UTC")` for seconds)',
            '(pyarrow: `pc.cast(table["id"], pa.string())` makes the column text)',
            "`pyarrow` なら",
        ),
    ],
    ids=["pandas", "polars", "polars-lazy", "pyarrow"],
)
def test_the_remedy_is_the_library_of_the_table(frame: Any, at_en: str, id_en: str, library: str) -> None:
    said = _helps(lambda: read_table(frame, "<table>"))
    assert str(said["at"].help).endswith(at_en)
    assert str(said["id"].help).endswith(id_en)
    for p in said.values():
        ja = str(p.help_text("ja"))
        assert library in ja and ("pd." in ja) == (library == "`pandas` なら")


def test_a_file_of_no_known_library_is_told_in_words(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    pq.write_table(pa.table(ROWS), path)
    said = _helps(lambda: read_arrow(path))
    assert str(said["at"].help).endswith("is not read (convert them to timestamps in UTC first)")
    assert said["at"].help_text("ja").endswith("（協定世界時（`UTC`）のタイムスタンプに変換してから渡してください）")
    assert str(said["id"].help).endswith("(read the column as text, or convert it to text)")
    assert said["id"].help_text("ja").endswith("（列をテキストとして読み込むか、テキストに変換してください）")
