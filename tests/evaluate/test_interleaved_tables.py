"""The tables of a log alternating plain incidents with incidents that have named targets.

The plain incidents come to the table builder as blocks built on columns, one run
of a block between each two incidents filed row by row (with their
``incidents_targets`` child rows and the steps of both). The builder turned the
rows waiting before each run into Arrow and appended the run as a piece of its
own: a cast per column per run, 24 of 28 CPU s of ``--format parquet`` on 40,000
incidents. It now puts a stretch of rows and runs in report order at once: the
tables, the steps' ``row`` and the child rows' ``row`` are the row path's.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import sla_dsl
from sla_dsl.evaluation import judge_log
from sla_dsl.evaluation.breach_columns import violation_blocks
from sla_dsl.evaluation.explain_columns import incident_blocks
from sla_dsl.evaluation.result import Evaluation
from sla_dsl.events import log_from
from sla_dsl.report import tables
from sla_dsl.report.table_files import TableFile
from sla_dsl.report.tables import report_tables, write_parquet

from .test_interleaved_blocks import END, MIXED, START, events

N = 120


def judged(grouped: bool = False) -> Evaluation:
    """The mixed log: P1 and P2 by turns, or (``grouped``) the P1s first, then the P2s."""
    evs = events(N)
    if grouped:
        for ev in evs:
            if ev["event"] == "incident.reported":
                ev["priority"] = "P1" if int(ev["id"][4:]) < N // 2 else "P2"
    policy = sla_dsl.load_policy(MIXED)
    return judge_log([policy], log_from(evs, declared=set(policy.event_types)), START, END, None)


def by_rows(result: Evaluation) -> dict[str, pa.Table]:
    rows = result.incident_rows()
    return report_tables(
        result.skeleton, incidents=rows.json_rows(0, len(rows)), violations=result.violations().json_rows()
    )


def by_blocks(result: Evaluation, block: int = 16_384) -> dict[str, pa.Table]:
    blocks = incident_blocks(result.ctx, result.incidents, block=block)
    return report_tables(result.skeleton, incidents=blocks, violations=violation_blocks(result.violations()))


def same(tables: dict[str, pa.Table], reference: dict[str, pa.Table]) -> None:
    assert list(tables) == list(reference)
    for name, table in reference.items():
        assert tables[name].schema.equals(table.schema), name
        assert tables[name].equals(table), name


def test_the_log_has_child_rows_and_their_steps_between_the_runs() -> None:
    """(The premise: row-built incidents with target rows, and steps of those rows, between covered ones.)"""
    reference = by_rows(judged())
    assert reference["incidents_targets"].num_rows == N // 2
    kinds = Counter(reference["steps"].column("table").to_pylist())
    assert kinds["incidents"] and kinds["incidents_targets"]


@pytest.mark.parametrize("grouped", [False, True])
@pytest.mark.parametrize("stretch", [1, 2, 3, 7, 50, 32_768])
@pytest.mark.parametrize("block", [5, 16_384])
def test_every_table_is_the_row_paths(monkeypatch: pytest.MonkeyPatch, grouped: bool, stretch: int, block: int) -> None:
    """Whatever the stretches put in order at once (cut inside a block, between runs, after a row)."""
    result = judged(grouped)
    reference = by_rows(result)
    monkeypatch.setattr(tables, "_STRETCH", stretch)
    same(by_blocks(result, block), reference)


def test_the_parquet_files_are_the_row_paths_tables(tmp_path: Path) -> None:
    result = judged()
    reference = by_rows(result)
    blocks = incident_blocks(result.ctx, result.incidents)
    paths = write_parquet(result.skeleton, tmp_path, incidents=blocks, violations=violation_blocks(result.violations()))
    assert [p.stem for p in paths] == list(reference)
    for path in paths:
        table = pq.read_table(path)
        assert table.schema.equals(reference[path.stem].schema), path.stem
        assert table.equals(reference[path.stem]), path.stem


def _counting(monkeypatch: pytest.MonkeyPatch) -> tuple[Counter[str], Counter[str]]:
    """Count, per table, the conversions of rows to Arrow and the pieces handed to its Parquet file."""
    converted: Counter[str] = Counter()
    handed: Counter[str] = Counter()
    arrow, add = tables._arrow, TableFile.add

    def counted_arrow(name: str, *rest: Any) -> pa.Table:
        converted[name] += 1
        return arrow(name, *rest)

    def counted_add(self: TableFile, piece: pa.Table) -> None:
        handed[self.path.stem] += 1
        add(self, piece)

    monkeypatch.setattr(tables, "_arrow", counted_arrow)
    monkeypatch.setattr(TableFile, "add", counted_add)
    return converted, handed


def written(result: Evaluation, directory: Path) -> None:
    blocks = incident_blocks(result.ctx, result.incidents)
    write_parquet(result.skeleton, directory, incidents=blocks, violations=violation_blocks(result.violations()))


def test_the_rows_between_runs_are_turned_into_arrow_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """One conversion and one piece per stretch, not per run: 60 runs of one plain incident each."""
    result = judged()
    converted, handed = _counting(monkeypatch)
    written(result, tmp_path)
    assert converted["incidents"] == 1
    assert converted["incidents_targets"] == 1
    assert handed["incidents"] == 1
    assert handed["incidents_targets"] == 1
    assert handed["steps"] <= 2  # (the incidents' and the violations')


def test_a_stretch_at_a_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Stretches of 16 rows: the 120 incidents in 8 pieces."""
    result = judged()
    monkeypatch.setattr(tables, "_STRETCH", 16)
    converted, handed = _counting(monkeypatch)
    written(result, tmp_path)
    assert handed["incidents"] == 8
    assert converted["incidents"] == 8
