"""A partitioning that splits an id's events is refused with a help line saying how to bucket the events
(by the id stripped of the blanks at either end, as the shuffles do), in the policy's language."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import sla_dsl
from sla_dsl.evaluation.partition import PartitionError, finish, merge
from sla_dsl.lang.diagnostics import WordedInputError
from sla_dsl.scale import judge_table

from .logs import POLICY_PATH, policy

NOV, DEC = dt.date(2026, 11, 1), dt.date(2026, 12, 1)
HELP = (
    "  help: bucket the events by the id stripped of the blanks at either end (` INC-2 ` is the id `INC-2`), "
    "as `sla_dsl.dask` and `sla_dsl.spark` shuffle them; files given with `partitioned=True` must be "
    "bucketed so too"
)


def _events(ident: str, event: str = "incident.reported", at: str = "2026-11-02T10:00:00+09:00") -> pa.Table:
    return pa.table({"event": [event], "at": [at], "id": [ident], "priority": ["P1" if "reported" in event else None]})


def test_the_refusal_has_a_help_line_in_each_language() -> None:
    parts = [
        judge_table(policy(), _events("X-1"), NOV, DEC),
        judge_table(policy(), _events(" X-1 ", "incident.responded", "2026-11-02T11:00:00+09:00"), NOV, DEC),
    ]
    with pytest.raises(PartitionError) as err:
        merge(parts)
    said = str(err.value)
    assert said == "the events of id `X-1` are in two partitions: partition the events by `id`\n" + HELP
    ja = str(err.value.in_lang("ja"))
    assert ja.startswith("`id` が `X-1` のイベントが二つのパーティションに分かれています")
    assert "\n  ヒント: `id` は前後の空白を除いた値で分けてください" in ja
    again = pickle.loads(pickle.dumps(err.value))  # (raised on a worker: rebuilt on the client from its words)
    assert type(again) is PartitionError and str(again) == said


def test_files_said_to_be_partitioned_that_are_not_are_refused_in_the_policy_language(
    dask_client: Any, tmp_path: Path
) -> None:
    sla_dask = pytest.importorskip("sla_dsl.dask")
    files = tmp_path / "events"
    files.mkdir()
    pq.write_table(_events("X-1"), files / "a.parquet")
    pq.write_table(_events(" X-1", "incident.responded", "2026-11-02T11:00:00+09:00"), files / "b.parquet")
    with pytest.raises(PartitionError) as err:
        sla_dask.judge(POLICY_PATH, str(files), NOV, DEC, partitioned=True)
    assert str(err.value).startswith("`id` が `X-1` のイベントが二つのパーティションに分かれています")
    assert "ヒント:" in str(err.value)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "partial results from another version of `sla-dsl`: install one version on the client and on every"),
        ("ja", "部分結果が別のバージョンの `sla-dsl` で作られています：クライアントとすべてのワーカー"),
    ],
)
def test_partials_of_another_version_are_refused_in_the_policys_language(lang: str, said: str) -> None:
    """A worker with another sla-dsl than the client's: the refusal was English whatever the policy's
    language, outside the catalogue."""
    text = POLICY_PATH.read_text("utf-8")
    if lang == "en":
        text = text.replace("languages ja, en", "languages en, ja")
    policy = sla_dsl.load_policy(text)
    part = judge_table(policy, _events("X-1"), NOV, DEC)
    older = part._replace(incidents=part.incidents._replace(fields=part.incidents.fields[:-1]))
    with pytest.raises(WordedInputError) as err:
        finish(policy, older, NOV, DEC)
    assert str(err.value).startswith(said)
