"""The report's rows that no event names have an id: ``trend``, ``credits``, ``availability_periods``,
``backups`` and ``maintenance``, in the JSON and as the ``id`` column of their Parquet tables.

QA found that these tables had no ``id`` (their explanation steps joined them by row number alone, and a
row's number changes with the rows before it) and that ``trend_figures.id``, a documented column, was
always null. Each row now carries the id the report already gives it elsewhere (:mod:`sla_dsl.report.row_ids`):
a measurement period (and the credit owed for it) as availability violations and ``sla explain`` name it, a
backup day or window as its ``backup_missed`` violation names it, a maintenance window by its rule and
scheduled day (as its calendar event's UID), a month of the trend as ``2026-11``; the steps and the trend's
figures carry their row's.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.compute as pc
import pytest

import sla_dsl
from sla_dsl.events import read_events
from sla_dsl.report import Report
from sla_dsl.report.explain_availability import period_ident
from sla_dsl.report.tables import report_tables

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "policies" / "examples" / "plans.sla"
NAMED = ("trend", "credits", "availability_periods", "backups", "maintenance")


def plans_events() -> list[dict[str, Any]]:
    lines = (PLANS.parent / "plans.jsonl").read_text("utf-8").splitlines()
    events = [json.loads(line) for line in lines if line.strip() and not line.startswith("#")]
    # (an incident of September: the log reaches back over the whole of October, a month of the trend)
    return [*events, {"event": "incident.reported", "at": "2026-09-30T10:00:00+09:00", "id": "OLD", "priority": "P2"}]


@pytest.fixture(scope="module")
def plans() -> Report:
    return sla_dsl.evaluate(sla_dsl.load_policy(PLANS), plans_events(), "2026-11-01", "2026-12-01")


@pytest.fixture(scope="module")
def clicksoko() -> Report:
    policy = sla_dsl.load_policy(ROOT / "policies" / "clicksoko.sla")
    return sla_dsl.evaluate(policy, read_events(ROOT / "examples" / "events-2026-11.jsonl"), "2026-11-01", "2026-12-01")


def test_every_such_row_has_an_id_column_and_the_steps_carry_it(plans: Report, clicksoko: Report) -> None:
    for report in (plans, clicksoko):
        tables = report_tables(report)
        for name in NAMED:
            ids = tables[name].column("id")
            assert ids.null_count == 0, name
            assert ids.to_pylist() == [r["id"] for r in report.model_dump(mode="json")[name]], name
            assert len(set(ids.to_pylist())) == len(ids), name  # (one row, one id)
        steps = tables["steps"]
        for name in ("availability_periods", "credits"):
            rows = tables[name].column("id").to_pylist()
            mine = steps.filter(pc.equal(steps.column("table"), name)).to_pylist()
            assert bool(mine) == bool(rows), name
            assert all(s["id"] == rows[s["row"]] for s in mine), name
    assert [t.num_rows for t in (report_tables(plans)[n] for n in ("trend", "credits"))] == [2, 2]
    assert report_tables(clicksoko)["maintenance"].num_rows == 1


def test_the_ids_are_those_the_report_names_the_rows_by(plans: Report, clicksoko: Report) -> None:
    tables = report_tables(plans)
    assert tables["trend"].column("id").to_pylist() == ["2026-10", "2026-11"]
    figures = tables["trend_figures"]
    months = tables["trend"].column("id").to_pylist()
    assert figures.column("id").to_pylist() == [months[k] for k in figures.column("row").to_pylist()]
    assert tables["availability_periods"].column("id").to_pylist() == [
        "content:2026-11-01:plan=premium",
        "content:2026-11-01",
        "portal:2026-11-01",
    ]
    assert [period_ident(p) for p in plans.availability_periods] == [p.id for p in plans.availability_periods]
    assert tables["credits"].column("id").to_pylist() == ["content:2026-11-01:plan=premium", "content:2026-11-01"]
    assert [c.id for c in plans.credits] == [
        p.id for p in plans.availability_periods if (p.service, p.when) in {(c.service, c.when) for c in plans.credits}
    ]
    # a window of 12 hours by its start, a day by its day: as their violations name them
    ids = set(tables["backups"].column("id").to_pylist())
    assert {"database:2026-11-01", "logs:2026-11-01T12:00:00+09:00"} <= ids
    for report in (plans, clicksoko):
        missed = {v.id for v in report.violations if v.kind == "backup_missed"}
        assert missed and missed <= {b.id for b in report.backups if b.status == "missed"}
        below = {v.id for v in report.violations if v.kind == "availability"}
        assert below <= {p.id for p in report.availability_periods}
    # a maintenance window by its rule and scheduled day, as its calendar event's UID
    (window,) = clicksoko.maintenance
    assert window.id == f"{window.name}:{window.scheduled}" == "regular:2026-11-26"


def test_a_json_written_without_the_ids_reads_back_with_them(plans: Report, clicksoko: Report) -> None:
    for report in (plans, clicksoko):
        dumped = report.model_dump(mode="json")
        for name in NAMED:
            for row in dumped[name]:
                del row["id"]
        back = Report.model_validate_json(json.dumps(dumped))
        for name in NAMED:
            assert [r.id for r in getattr(back, name)] == [r.id for r in getattr(report, name)], name
        assert report_tables(back)["steps"].equals(report_tables(report)["steps"])
