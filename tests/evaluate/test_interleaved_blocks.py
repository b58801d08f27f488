"""Incidents of a plain priority interleaved with incidents that have named targets.

The column builder (:mod:`sla_dsl.evaluation.explain_columns`) covers the plain
incidents; those with named targets are written as their ``row_json`` rows. When
the two alternate in report order, a block gathers the next plain incidents across
the others (it was cut at each one: a block per incident, ten times slower than the
row path on a year's log). The JSON report and the tables stay the row path's.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
from typing import Any

import pyarrow as pa
import pytest

import sla_dsl
from sla_dsl.evaluation import explain_columns, judge_log
from sla_dsl.evaluation.breach_columns import violation_blocks
from sla_dsl.evaluation.explain_columns import incident_blocks
from sla_dsl.evaluation.json_blocks import IncidentItems, ViolationItems
from sla_dsl.evaluation.result import Evaluation
from sla_dsl.events import log_from
from sla_dsl.report.render import write_json
from sla_dsl.report.tables import report_tables

#: The helpdesk example's head, a plain P1 and a P2 with a named target on a second clock.
MIXED = """
sla "Mixed" {
  format 1
  version "1.0"
  effective 2026-04-01
  timezone Asia/Tokyo
  provider "サンプル株式会社" / "Example Co."
  title "混在" / "Mixed"
}

article 5 "対応目標" / "Service targets"

calendar business "営業時間" / "Business hours" [art 5] {
  days mon..fri
  hours 09:00-12:00, 13:00-18:00
  holidays JP
}

clock response "応答時間" / "Time to first response" [art 5] {
  starts at incident.reported
}

clock resolution "解決までの時間" / "Time to resolution" [art 5] {
  starts at incident.reported
  stops at incident.resolved
}

priority P1 "緊急" / "Urgent" [art 5] {
  definition "業務が停止している" / "Business has stopped"
  respond within 4 business hours
}

priority P2 "高" / "High" [art 5] {
  definition "業務に影響" / "Business affected"
  respond within 1 business hour
  resolve within 2 business days on resolution
}
"""
TZ = dt.timezone(dt.timedelta(hours=9))
START, END = dt.datetime(2026, 11, 1, tzinfo=TZ), dt.datetime(2026, 12, 1, tzinfo=TZ)
N = 120


def events(n: int = N) -> list[dict[str, Any]]:
    """``n`` incidents 3 h 7 min apart, P1 and P2 by turns: responded (late or not), resolved or open."""
    out: list[dict[str, Any]] = []
    for i in range(n):
        at = START + dt.timedelta(minutes=187 * i)
        ident = f"INC-{i:04d}"
        out.append({"event": "incident.reported", "at": at.isoformat(), "id": ident, "priority": f"P{1 + i % 2}"})
        if i % 5:
            out.append(
                {
                    "event": "incident.responded",
                    "at": (at + dt.timedelta(minutes=37 * (i % 11))).isoformat(),
                    "id": ident,
                }
            )
        if i % 3:
            out.append(
                {
                    "event": "incident.resolved",
                    "at": (at + dt.timedelta(hours=5 * (i % 7) + 1)).isoformat(),
                    "id": ident,
                }
            )
    return out


def judged() -> Evaluation:
    policy = sla_dsl.load_policy(MIXED)
    return judge_log([policy], log_from(events(), declared=set(policy.event_types)), START, END, None)


def by_rows(result: Evaluation) -> bytes:
    out = io.BytesIO()
    result.write_json(out)
    return out.getvalue()


def by_columns(result: Evaluation, span: int | None = None) -> bytes:
    out = io.BytesIO()
    items = (
        IncidentItems(result.ctx, result.incidents)
        if span is None
        else IncidentItems(result.ctx, result.incidents, span)
    )
    write_json(result.skeleton, items, out, ViolationItems(result.violations()))
    return out.getvalue()


def test_the_log_interleaves_covered_and_row_incidents() -> None:
    """(The premise: report order alternates plain incidents and incidents with named targets.)"""
    result = judged()
    targets = [bool(inc.targets) for inc in result.incidents]
    assert len(targets) == N
    assert sum(a != b for a, b in itertools.pairwise(targets)) == N - 1


@pytest.mark.parametrize("span", [None, 1, 2, 7, 16])
def test_an_interleaved_log_gives_the_row_paths_json(span: int | None) -> None:
    result = judged()
    assert by_columns(result, span) == by_rows(result)


@pytest.mark.parametrize("block", [1, 3, 16_384])
def test_an_interleaved_log_gives_the_row_paths_tables(block: int) -> None:
    result = judged()
    rows = result.incident_rows()
    reference = report_tables(
        result.skeleton, incidents=rows.json_rows(0, len(rows)), violations=result.violations().json_rows()
    )
    blocks = incident_blocks(result.ctx, result.incidents, block=block)
    tables = report_tables(result.skeleton, incidents=blocks, violations=violation_blocks(result.violations()))
    assert list(tables) == list(reference)
    for name, table in reference.items():
        assert tables[name].equals(table), name


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the blocks the column builder builds (the incidents in each)."""
    sizes: list[int] = []
    build = explain_columns._block

    def counted(ctx: Any, incs: Any, *rest: Any) -> Any:
        sizes.append(len(incs))
        return build(ctx, incs, *rest)

    monkeypatch.setattr(explain_columns, "_block", counted)
    return sizes


def test_the_json_report_builds_one_block_for_the_interleaved_plain_incidents(monkeypatch: pytest.MonkeyPatch) -> None:
    result = judged()
    sizes = _counting(monkeypatch)
    by_columns(result)
    assert sizes == [N // 2]  # every plain incident in one block, not one block each


def test_the_tables_build_one_block_for_the_interleaved_plain_incidents(monkeypatch: pytest.MonkeyPatch) -> None:
    result = judged()
    sizes = _counting(monkeypatch)
    blocks = list(incident_blocks(result.ctx, result.incidents))
    assert sizes == [N // 2]
    covered = [b for b in blocks if isinstance(b, explain_columns.TableBlock)]
    assert sum(b.rows.num_rows for b in covered) == N // 2
    assert all(isinstance(b.steps, pa.Table) for b in covered)


def test_a_block_holds_at_most_block_incidents(monkeypatch: pytest.MonkeyPatch) -> None:
    result = judged()
    sizes = _counting(monkeypatch)
    list(incident_blocks(result.ctx, result.incidents, block=25))
    assert sizes == [25, 25, 10]
