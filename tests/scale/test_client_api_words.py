"""What the Dask and Spark entries say of their arguments, in the policy's language and the API's words.

* ``events`` that is no frame (a pandas DataFrame given to ``sla_dsl.dask`` or ``sla_dsl.spark``) was refused
  with an English TypeError written in the code, where ``sla_dsl.evaluate`` says its events refusal in the
  policy's primary language from the catalogue: now both do so too.
* A period edge with no offset, that is no time or lies outside the supported years named the command's
  flags (``--from``) to a caller of ``sla_dsl.dask.evaluate``, whose parameters are ``start``, ``end`` and
  ``as_of``.
* A merge of partials that split two ids said "(1 more ids split)".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pytest

from sla_dsl.errors import InputError
from sla_dsl.evaluation.partition import PartitionError, merge
from sla_dsl.scale import judge_table

from .logs import POLICY_PATH, policy

pd = pytest.importorskip("pandas")
NOV, DEC = dt.date(2026, 11, 1), dt.date(2026, 12, 1)
FRAME = {"event": ["incident.reported"], "at": ["2026-11-02T10:00:00+09:00"], "id": ["I"], "priority": ["P1"]}


def _english(tmp_path: Path) -> Path:
    text = POLICY_PATH.read_text("utf-8")
    assert "  languages ja, en " in text
    path = tmp_path / "english.sla"
    path.write_text(text.replace("  languages ja, en ", "  languages en, ja ", 1), "utf-8")
    return path


def test_dask_refuses_a_pandas_frame_in_the_policys_language(tmp_path: Path) -> None:
    sla_dask = pytest.importorskip("sla_dsl.dask")
    with pytest.raises(TypeError) as err:
        sla_dask.evaluate(POLICY_PATH, pd.DataFrame(FRAME), NOV, DEC)
    assert str(err.value).startswith("`events` には `Dask` の `DataFrame` か Parquet ファイルのパスを渡してください")
    assert "（`DataFrame` が渡されました。" in str(err.value)
    with pytest.raises(TypeError) as err:
        sla_dask.evaluate(_english(tmp_path), pd.DataFrame(FRAME), NOV, DEC)
    assert str(err.value).startswith("events: expected a Dask DataFrame or Parquet paths, found DataFrame (")


def test_spark_refuses_a_pandas_frame_in_the_policys_language(tmp_path: Path) -> None:
    sla_spark = pytest.importorskip("sla_dsl.spark")
    with pytest.raises(TypeError) as err:
        sla_spark.evaluate(POLICY_PATH, pd.DataFrame(FRAME), NOV, DEC)
    assert str(err.value).startswith(
        "`events` には `Spark` の `DataFrame` を渡してください（`DataFrame` が渡されました。"
    )
    with pytest.raises(TypeError) as err:
        sla_spark.judge(_english(tmp_path), pd.DataFrame(FRAME), NOV, DEC)
    assert str(err.value).startswith("events: expected a Spark DataFrame, found DataFrame (")


@pytest.mark.parametrize(
    ("start", "end", "as_of", "said"),
    [
        ("2026-11-01T00:00:00", DEC, None, "start `2026-11-01T00:00:00` has no UTC offset"),
        ("foo", DEC, None, "start `foo` is not an ISO 8601 time or a date"),
        (NOV, "2300-01-01", None, "end `2300-01-01` is outside the supported years"),
        (NOV, DEC, dt.datetime(2026, 11, 5), "as_of `2026-11-05T00:00:00` has no UTC offset"),
    ],
)
def test_dask_names_the_parameters_of_a_bad_period(
    tmp_path: Path, start: object, end: object, as_of: object, said: str
) -> None:
    sla_dask = pytest.importorskip("sla_dsl.dask")
    dd = pytest.importorskip("dask.dataframe")
    with pytest.raises(InputError) as err:
        sla_dask.evaluate(_english(tmp_path), dd.from_pandas(pd.DataFrame(FRAME), npartitions=1), start, end, as_of)
    assert str(err.value).startswith(said) and "--" not in str(err.value)


def _reported(ident: str) -> pa.Table:
    return pa.table(
        {"event": ["incident.reported"], "at": ["2026-11-02T10:00:00+09:00"], "id": [ident], "priority": ["P1"]}
    )


@pytest.mark.parametrize(
    ("ids", "more"), [(["X-1", "X-2"], " (1 more id split)"), (["X-1", "X-2", "X-3"], " (2 more ids split)")]
)
def test_the_ids_a_merge_finds_split_are_counted_in_english(ids: list[str], more: str) -> None:
    parts = [judge_table(policy(), _reported(ident), NOV, DEC) for ident in ids for _ in range(2)]
    with pytest.raises(PartitionError) as err:
        merge(parts)
    assert (
        str(err.value).split("\n")[0]
        == f"the events of id `X-1` are in two partitions: partition the events by `id`{more}"
    )
    assert "（ほかに" in str(err.value.in_lang("ja"))
