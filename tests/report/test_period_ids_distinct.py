"""Every row of ``availability_periods`` has its own id, across a version change and with plans.

A review asked whether two rows could share an id (the one ``sla explain``, the violations and the Parquet
tables' ``id`` column name a period by). They could: a service measured without a target (``availability
measured``) whose next version adds a percentage inside a month has two rows of that month, the figure's
(run to the month's end by the version in force at its start) and the target's (from the version's date);
with ``--from`` on or after that date both start on one day and both were ``content:2026-11-15``. ``sla
explain content:2026-11-15`` explained the figure, never the target; ``sla test`` kept one of the two under
that key. The figure's row is now ``content:2026-11-15:measured`` (:func:`sla_dsl.report.row_ids.figure_id`),
and the target's keeps the id its violation and credit use. The grid below (version changes of measurement
period, target and plans, at several dates and ``from`` days) checks that no other two rows share one.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.authoring.policytest import load_cases, run_case
from sla_dsl.report import Report
from sla_dsl.report.explain_availability import period_ids, period_rows
from sla_dsl.report.tables import report_tables

HEAD = """sla "Ids" {{
  format 1
  version "{version}"
  effective {effective}
  timezone Asia/Tokyo
  title "識別子" / "Ids"
}}

article 2 "サービス" / "Services"

attribute plan "契約プラン" / "Plan" {{
  value standard "スタンダード" / "Standard"
  value premium "プレミアム" / "Premium"
  default standard
}}

calendar always "24時間365日" / "24 hours, 365 days" {{
  days mon..sun
  hours 00:00-24:00
}}

service content "コンテンツ配信" / "Content delivery" [art 2] {{
  hours always
{lines}
}}
"""

FIGURE = "  availability measured"
MONTHLY = "  availability target 99.5% monthly"
QUARTERLY = "  availability target 99.5% quarterly"
PER_PERIOD = "  availability target 99.5% per period"
PLAN = "  availability target 99.9% monthly when plan = premium\n  credit below 99.9% 10%\n"
PLAN_IN = "  availability target 99.8% quarterly when plan in (premium, standard)\n"

#: the service's lines in version 1 and in version 2 (every version has the first one's zone: E305)
CHANGES = {
    "figure_to_target": (FIGURE, MONTHLY),
    "target_to_figure": (MONTHLY, FIGURE),
    "monthly_to_quarterly": (MONTHLY, QUARTERLY),
    "quarterly_to_monthly": (QUARTERLY, MONTHLY),
    "monthly_to_per_period": (MONTHLY, PER_PERIOD),
    "plans_added": (MONTHLY, PLAN + MONTHLY),
    "plans_changed": (PLAN + FIGURE, PLAN_IN + PLAN + MONTHLY),
    "figure_to_plans": (FIGURE, PLAN + QUARTERLY),
}

EVENTS = [
    {"event": "outage.started", "id": "o1", "at": "2026-11-12T00:00:00+09:00"},
    {"event": "outage.ended", "id": "o1", "at": "2026-11-12T12:00:00+09:00"},
    {"event": "outage.started", "id": "o2", "at": "2026-12-03T00:00:00+09:00"},
    {"event": "outage.ended", "id": "o2", "at": "2026-12-03T06:00:00+09:00"},
]


def versions(change: str, effective: str) -> list[sla_dsl.Policy]:
    one, two = CHANGES[change]
    return [
        sla_dsl.load_policy(HEAD.format(version="1", effective="2026-01-01", lines=one)),
        sla_dsl.load_policy(HEAD.format(version="2", effective=effective, lines=two)),
    ]


def distinct(report: Report) -> list[str]:
    ids = [p.id for p in report.availability_periods]
    assert len(set(ids)) == len(ids), ids
    assert report_tables(report)["availability_periods"].column("id").to_pylist() == ids
    assert period_ids(report) == ids
    for p in report.availability_periods:  # (sla explain ID finds that row, and no other)
        assert period_rows(report, p.id) == [p], p.id
    return ids


@pytest.mark.parametrize("change", list(CHANGES))
def test_no_two_rows_share_an_id_across_a_version_change(change: str) -> None:
    for effective, start in itertools.product(
        ("2026-11-01", "2026-11-10", "2026-12-01"), ("2026-11-01", "2026-11-10", "2026-11-15")
    ):
        distinct(sla_dsl.evaluate(versions(change, effective), EVENTS, start, "2027-01-01"))


def test_a_figure_and_a_target_of_one_day_have_an_id_each() -> None:
    report = sla_dsl.evaluate(versions("figure_to_target", "2026-11-10"), EVENTS, "2026-11-15", "2026-12-01")
    ids = distinct(report)
    assert ids == ["content:2026-11-15:measured", "content:2026-11-15"]
    figure, target = report.availability_periods
    assert (figure.target, target.target) == (None, 99.5)
    assert period_rows(report, "content:2026-11-15") == [target]  # (the id a violation of the target has)
    assert period_rows(report, "content:2026-11-01:measured") == [figure]  # (the whole month's first day)
    # (read back from its JSON, the rows keep their ids)
    assert [p.id for p in Report.model_validate_json(report.model_dump_json()).availability_periods] == ids


def test_sla_test_keys_the_two_rows_by_their_ids(tmp_path: Path) -> None:
    policy = versions("figure_to_target", "2026-11-10")
    lines = "\n".join(f"      - {e}".replace("'", '"') for e in EVENTS[:2])
    cases = tmp_path / "ids.yaml"
    cases.write_text(
        "cases:\n"
        "  - name: both rows of 15 November\n"
        "    events:\n"
        f"{lines}\n"
        "    period: {from: 2026-11-15, to: 2026-12-01}\n"
        "    expect:\n"
        "      availability_periods:\n"
        '        "content:2026-11-15": {target: 99.5, ratio: 1.0}\n'
        '        "content:2026-11-15:measured": {target: null, ratio: 1.0}\n',
        "utf-8",
    )
    (case,) = load_cases(cases)
    outcome = run_case(policy, case)
    assert not outcome.problems, outcome.problems
