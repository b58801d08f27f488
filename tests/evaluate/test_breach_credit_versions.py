"""Each ``breach_credits`` row names the policy versions whose credit line it is of (``policy_versions``).

QA found that two versions' lines in one month gave two rows that share every key column (priority, target,
clock, ``when``, period, start): nothing in the JSON or in ``breach_credits.parquet`` said which row was of
which version, though the customer report names each row by its version's label. Each row now lists the
versions whose line it is (as the report's words and ``sla explain`` choose them:
:func:`sla_dsl.report.breach_credits.row_versions`), in the JSON and as a list column.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq

import sla_dsl
from sla_dsl.report import Report
from sla_dsl.report.tables import report_tables, write_parquet

from .test_breach_credit_shared_cap import JANUARY, V2, V3, late, version


def test_two_versions_rows_in_one_month_say_their_version(tmp_path: Path) -> None:
    policies = [sla_dsl.load_policy(V2), sla_dsl.load_policy(V3)]
    report = sla_dsl.evaluate(policies, JANUARY, "2027-01-01", "2027-02-01")
    assert [(r.per_breach, r.policy_versions) for r in report.breach_credits] == [
        (5.0, ["2026.2"]),
        (10.0, ["2026.3"]),
    ]
    dumped = report.model_dump(mode="json")["breach_credits"]
    assert [r["policy_versions"] for r in dumped] == [["2026.2"], ["2026.3"]]
    # (the rows share every other key column: the version tells them apart)
    keys = {(r["priority"], r["target"], r["clock"], r["when"], r["period"], r["start"]) for r in dumped}
    assert len(keys) == 1
    write_parquet(report, tmp_path)
    table = pq.read_table(tmp_path / "breach_credits.parquet")
    assert table.column("policy_versions").to_pylist() == [["2026.2"], ["2026.3"]]
    # read back from its JSON, the report gives the same tables
    back = Report.model_validate_json(json.dumps(report.model_dump(mode="json")))
    assert report_tables(back)["breach_credits"].equals(report_tables(report)["breach_credits"])


def test_versions_with_the_same_line_share_one_row_that_names_both() -> None:
    same = "credit 5% per breach, at most 25% monthly"
    policies = [
        sla_dsl.load_policy(version("2026.2", "2026-11-16", same)),
        sla_dsl.load_policy(V3.replace("credit 10% per breach, at most 30% monthly", same)),
    ]
    report = sla_dsl.evaluate(policies, JANUARY, "2027-01-01", "2027-02-01")
    assert [(r.breaches, r.policy_versions) for r in report.breach_credits] == [(12, ["2026.2", "2026.3"])]


def test_a_month_under_one_version_names_it_alone() -> None:
    policies = [sla_dsl.load_policy(V2), sla_dsl.load_policy(V3)]
    report = sla_dsl.evaluate(policies, late(["2026-12-01"]), "2026-12-01", "2027-01-01")
    assert [r.policy_versions for r in report.breach_credits] == [["2026.2"]]
