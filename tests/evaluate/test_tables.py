"""The report as Arrow tables and Parquet files: stable names and types, the JSON report's rows."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import sla_dsl
from sla_dsl.events import read_events
from sla_dsl.report import Report
from sla_dsl.report.tables import SCHEMAS, TABLE_NAMES, report_tables, table_schema

from .helpers import POLICY_PATH, ROOT, TZ, policy, run

EXAMPLE = ROOT / "examples" / "events-2026-11.jsonl"
MONTH = ["--from", "2026-11-01", "--to", "2026-12-01"]


@cache
def example() -> Report:
    start, end = dt.datetime(2026, 11, 1, tzinfo=TZ), dt.datetime(2026, 12, 1, tzinfo=TZ)
    return sla_dsl.evaluate(policy(), read_events(EXAMPLE), start, end)


def sla(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_one_table_per_report_list_with_the_documented_schema() -> None:
    report = example()
    tables = sla_dsl.report_tables(report)
    assert list(tables) == list(TABLE_NAMES) == list(SCHEMAS)
    for name, table in tables.items():
        assert table.schema == table_schema(name, "Asia/Tokyo"), name
    for name in ("incidents", "outages", "planned_stops", "maintenance", "backups", "violations", "retention"):
        assert tables[name].num_rows == len(getattr(report, name)), name
    assert tables["availability"].num_rows == 1


def test_rows_hold_the_json_reports_values() -> None:
    report = example()
    tables = report_tables(report)
    as_json = report.model_dump(mode="json")
    first = tables["incidents"].slice(0, 1).to_pylist()[0]
    # INC-001, worked by hand in tests/events/test_arrow.py: due 15:00, answered 16:12, breached.
    assert first["id"] == "INC-001" and first["status"] == "breached"
    assert first["response_due"] == dt.datetime(2026, 11, 2, 15, 0, tzinfo=TZ)
    assert first["same_day_applies"] is True and first["same_day_due"] == dt.datetime(2026, 11, 2, 18, 0, tzinfo=TZ)
    statuses = tables["incidents"].column("status").to_pylist()
    assert statuses == [r["status"] for r in as_json["incidents"]]
    av = tables["availability"].to_pylist()[0]
    assert av["ratio"] == as_json["availability"]["ratio"]
    assert av["period_from"] == dt.datetime(2026, 11, 1, tzinfo=TZ)
    days = tables["backups"].column("day").to_pylist()
    assert [d.isoformat() for d in days] == [r["day"] for r in as_json["backups"]]


def test_explanation_steps_are_keyed_by_the_row_they_explain() -> None:
    report = example()
    steps = report_tables(report)["steps"].to_pylist()
    for name in ("incidents", "outages", "planned_stops", "retention"):
        for i, row in enumerate(getattr(report, name)):
            mine = [s for s in steps if s["table"] == name and s["row"] == i]
            assert [s["text"] for s in mine] == [s.text for s in row.explain], (name, i)
            assert all(s["id"] == row.id for s in mine)
            assert [s["step"] for s in mine] == list(range(len(mine)))
    av = [s["text"] for s in steps if s["table"] == "availability"]
    assert av == [s.text for s in report.availability.explain]


def test_an_empty_report_has_every_table_with_its_schema() -> None:
    tables = report_tables(run([]))
    for name, table in tables.items():
        assert table.schema == table_schema(name, "Asia/Tokyo")
    assert tables["incidents"].num_rows == 0 and tables["backups"].num_rows == 90


def test_cli_writes_one_parquet_file_per_table_that_duckdb_and_pandas_read(tmp_path: Path) -> None:
    out = tmp_path / "report"
    res = sla("evaluate", POLICY_PATH, EXAMPLE, *MONTH, "--format", "parquet", "--output", out)
    assert res.returncode == 0, res.stderr
    assert res.stdout == ""
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.parquet" for n in TABLE_NAMES)
    as_json: dict[str, Any] = json.loads(sla("evaluate", POLICY_PATH, EXAMPLE, *MONTH, "--format", "json").stdout)
    counted = duckdb.sql(
        f"select status, count(*) as n from read_parquet('{out / 'incidents.parquet'}') group by status order by status"
    ).fetchall()
    expected: dict[str, int] = {}
    for r in as_json["incidents"]:
        expected[r["status"]] = expected.get(r["status"], 0) + 1
    assert counted == sorted(expected.items())
    frame = pd.read_parquet(out / "violations.parquet")
    assert list(frame["kind"]) == [v["kind"] for v in as_json["violations"]]
    assert list(frame["id"]) == [v["id"] for v in as_json["violations"]]


def test_written_tables_read_back_equal(tmp_path: Path) -> None:
    from sla_dsl.report.tables import write_parquet

    tables = report_tables(example())
    for path in write_parquet(example(), tmp_path / "out"):
        assert pq.read_table(path).equals(tables[path.stem]), path.stem


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--format", "parquet"], 2, "表を書くディレクトリを `--output DIR` で指定してください"),
        (["--format", "parquet", "--lang", "en"], 2, "give the directory with `--output DIR`"),
    ],
)
def test_parquet_output_usage(args: list[str], code: int, message: str) -> None:
    res = sla("evaluate", POLICY_PATH, EXAMPLE, *MONTH, *args)
    assert res.returncode == code and message in res.stderr and res.stdout == ""


def test_output_that_is_a_file_is_refused_without_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    res = sla("evaluate", POLICY_PATH, EXAMPLE, *MONTH, "--format", "parquet", "--output", blocker, "--lang", "en")
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert f"sla: error: {blocker}: " in res.stderr


def test_tables_are_arrow_tables() -> None:
    assert all(isinstance(t, pa.Table) for t in report_tables(example()).values())


def test_a_list_inside_a_row_is_a_child_table_keyed_by_its_row() -> None:
    report = example()
    child = next((n for n in TABLE_NAMES if n.startswith("incidents_")), None)
    if child is None:
        pytest.skip("incident rows hold no list of rows")
    field = child.removeprefix("incidents_")
    model = type(report.incidents[0]).model_fields[field].annotation
    row_model = model.__args__[0]  # list[RowModel]
    second = report.incidents[1]
    fields = {
        n: (0.0 if "minutes" in n else "met" if n == "status" else "respond" if n == "kind" else "x")
        for n, f in row_model.model_fields.items()
        if f.is_required()
    }
    extra = [row_model(**fields), row_model(**fields)]
    changed = report.model_copy(
        update={"incidents": [report.incidents[0], second.model_copy(update={field: extra}), *report.incidents[2:]]}
    )
    tables = report_tables(changed)
    rows = tables[child].to_pylist()
    mine = [(r["row"], r["id"], r["index"]) for r in rows if r["row"] == 1]
    assert mine[-2:] == [(1, second.id, len(mine) - 2), (1, second.id, len(mine) - 1)]


@pytest.mark.parametrize("block", [7, 100_000])
def test_tables_from_the_compact_verdicts_equal_those_of_the_report_model(
    block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sla_dsl.evaluation import judge_log

    monkeypatch.setattr("sla_dsl.report.tables._BLOCK", block)  # built a few steps at a time, or at once

    start, end = dt.datetime(2026, 11, 1, tzinfo=TZ), dt.datetime(2026, 12, 1, tzinfo=TZ)
    result = judge_log(policy(), read_events(EXAMPLE), start, end, dt.datetime(2026, 11, 20, 15, tzinfo=TZ))
    rows = result.incident_rows()
    streamed = report_tables(
        result.skeleton, incidents=rows.json_rows(0, len(rows)), violations=result.violations().json_rows()
    )
    whole = report_tables(result.report())
    assert streamed.keys() == whole.keys()
    for name in whole:
        assert streamed[name].equals(whole[name]), name
    assert whole["incidents"].num_rows > 50 and whole["steps"].num_rows > 500
