"""What the Dask and Spark entries refuse on the client, said as one run says it.

A policy version with errors named ``<policy>`` instead of its file (in a directory of versions the
broken one could not be told); the client's own checks (a column the frame lacks, E115; a file's column
of the wrong type, E116; an empty period) spoke English where the rest of the run speaks the policy's
primary language, and the period's refusal named the command's flags (``--to``, ``--from``) to a caller
of the API, whose parameters are ``start`` and ``end``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sla_dsl.errors import InputError
from sla_dsl.events.problems import EventInputError
from sla_dsl.lang.diagnostics import PolicyError

from .logs import POLICY_PATH

dd = pytest.importorskip("dask.dataframe")
sla_dask = pytest.importorskip("sla_dsl.dask")

NOV, DEC = dt.date(2026, 11, 1), dt.date(2026, 12, 1)
ROWS = {
    "event": ["incident.reported", "incident.responded"],
    "at": ["2026-11-02T10:00:00+09:00", "2026-11-02T11:00:00+09:00"],
    "id": ["INC-1", "INC-1"],
    "priority": ["P1", None],
}


def _english(text: str) -> str:
    """The policy with English as its primary language."""
    assert "  languages ja, en " in text
    return text.replace("  languages ja, en ", "  languages en, ja ", 1)


def _versions(folder: Path) -> Path:
    """Two versions of the policy, the second with an error on its line of the P1 response target."""
    folder.mkdir()
    text = POLICY_PATH.read_text("utf-8")
    (folder / "v1.sla").write_text(text, "utf-8")
    v2 = text.replace('version "2026.1"', 'version "2027.1"').replace("effective 2026-04-01", "effective 2026-11-16")
    assert "respond within 4 business hours" in v2
    (folder / "v2.sla").write_text(v2.replace("respond within 4 business hours", "respond within 4 business parsecs"))
    return folder


def _events(folder: Path) -> Path:
    folder.mkdir()
    pq.write_table(pa.table(ROWS), folder / "a.parquet")
    return folder


def test_a_broken_version_in_a_directory_is_named_by_its_file(tmp_path: Path) -> None:
    versions = _versions(tmp_path / "policies")
    line = 1 + (versions / "v2.sla").read_text("utf-8").split("parsecs")[0].count("\n")
    with pytest.raises(PolicyError) as err:
        sla_dask.judge(versions, _events(tmp_path / "events"), NOV, DEC)
    assert str(err.value).startswith(f"{versions / 'v2.sla'}:{line}:")
    assert "[E011]" in str(err.value)
    shown = err.value.render()  # the error with its line, as ``sla evaluate`` prints it
    assert f"{line} |   respond within 4 business parsecs" in shown and "^^^^^^^" in shown


def test_a_broken_policy_file_is_named_as_load_policy_names_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sla"
    bad.write_text("this is not a policy {\n", "utf-8")
    with pytest.raises(PolicyError) as err:
        sla_dask.judge(str(bad), _events(tmp_path / "events"), NOV, DEC)
    assert str(err.value).startswith(f"{bad}:1:1: error: [E016]")
    import sla_dsl

    with pytest.raises(PolicyError) as one:
        sla_dsl.load_policy(bad)
    assert err.value.render() == one.value.render()


def test_a_policy_file_that_is_not_utf8_is_e001_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "sjis.sla"
    text = POLICY_PATH.read_text("utf-8")
    assert not text.isascii()
    bad.write_bytes(text.encode("cp932", errors="replace"))  # (a Shift_JIS export: not UTF-8)
    with pytest.raises(PolicyError) as err:
        sla_dask.judge(str(bad), _events(tmp_path / "events"), NOV, DEC)
    assert str(err.value).startswith(f"{bad}:") and "[E001]" in str(err.value)


def test_an_empty_period_is_said_in_the_policy_language_naming_the_parameters(tmp_path: Path) -> None:
    events = _events(tmp_path / "events")
    with pytest.raises(InputError) as ja:
        sla_dask.judge(POLICY_PATH, events, NOV, NOV)
    assert str(ja.value) == "期間が空です：`end` は `start` より後にしてください"
    english = tmp_path / "english.sla"
    english.write_text(_english(POLICY_PATH.read_text("utf-8")), "utf-8")
    with pytest.raises(InputError) as en:
        sla_dask.judge(english, events, NOV, NOV)
    assert str(en.value) == "the period is empty: `end` must be after `start`"
    with pytest.raises(InputError, match=r"^`as_of` の .* が `start` の .* より前です"):
        sla_dask.judge(POLICY_PATH, events, NOV, DEC, dt.date(2026, 10, 1))


def test_a_frame_without_id_is_e115_in_the_policy_language(tmp_path: Path) -> None:
    frame = dd.from_pandas(pa.table(ROWS).drop_columns(["id"]).to_pandas(), npartitions=1)
    with pytest.raises(EventInputError) as err:
        sla_dask.judge(POLICY_PATH, frame, NOV, DEC)
    assert err.value.lang == "ja"
    assert str(err.value).startswith("<table>: error: [E115] 表に列 `id` がありません")


def test_a_file_column_of_the_wrong_type_is_e116_in_the_policy_language(tmp_path: Path) -> None:
    events = _events(tmp_path / "events")
    table = pa.table(ROWS).set_column(3, "priority", pa.array([1, None], pa.int64()))
    pq.write_table(table, events / "b.parquet")
    for partitioned in (False, True):
        with pytest.raises(EventInputError) as err:
            sla_dask.judge(POLICY_PATH, events, NOV, DEC, partitioned=partitioned)
        assert str(err.value).startswith(f"{events / 'b.parquet'}: 列 `priority`: error: [E116]"), partitioned


def test_a_spark_frame_without_id_is_e115_in_the_policy_language(spark: Any) -> None:
    sla_spark = pytest.importorskip("sla_dsl.spark")
    frame = spark.createDataFrame(pa.table(ROWS).drop_columns(["id"]).to_pandas())
    with pytest.raises(EventInputError) as err:
        sla_spark.judge(POLICY_PATH, frame, NOV, DEC)
    assert err.value.lang == "ja"
    assert str(err.value).startswith("<table>: error: [E115] 表に列 `id` がありません")
    with pytest.raises(InputError, match=r"^期間が空です：`end` は `start` より後にしてください$"):
        sla_spark.judge(POLICY_PATH, frame, NOV, NOV)
