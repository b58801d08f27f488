"""A polars ``LazyFrame`` whose query fails (a file ``scan_ndjson`` does not find, a line it cannot parse)
is a log that cannot be read, said in the policy's language and naming the source, polars' own words
kept as the detail: polars' exception, in English with its traceback, passed through before."""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl import evaluate, load_policy
from sla_dsl.events.arrow import read_table
from sla_dsl.events.problems import EventSourceError

pl = pytest.importorskip("polars")
POLICY = Path(__file__).resolve().parents[2] / "policies" / "clicksoko.sla"


def test_a_missing_file_is_said_in_japanese_for_a_japanese_policy(tmp_path: Path) -> None:
    lazy = pl.scan_ndjson(tmp_path / "none.jsonl")
    with pytest.raises(EventSourceError) as info:
        evaluate(load_policy(POLICY), lazy, "2026-11-01", "2026-12-01")
    said = str(info.value)
    assert said.startswith("<table>: `polars` の `LazyFrame` のクエリが失敗したため、イベントを読めません：`")
    assert str(tmp_path / "none.jsonl") in said  # (polars' words, naming its file)


def test_a_line_polars_cannot_parse_is_said_in_english(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"event": "incident.reported",}\n', "utf-8")
    with pytest.raises(EventSourceError) as info:
        read_table(pl.scan_ndjson(bad), "events")
    assert str(info.value).startswith("events: cannot read events: the query of the polars `LazyFrame` failed: ")
    assert info.value.in_lang("ja").words == info.value.words
