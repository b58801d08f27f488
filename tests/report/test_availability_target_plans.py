"""``availability.target`` of a policy that promises its service a target per plan (``when``).

QA asked what ``availability.target`` is for a service with a target per plan: it read 99.5 for the plans
example, whose premium customers are promised 99.9. Checked per row: the ``availability`` row is one figure
of the service over the whole period (the same downtime for every customer), and its ``target`` is the
service's target without ``when`` (every other customer's); each target, that one and each plan's, is a row
of ``availability_periods`` with its ``when``, judged there (``met``, credits). That is by design, and the
field and the pages now say so (they said only "the service's target", which read as a wrong figure for
premium customers).
"""

from __future__ import annotations

from pathlib import Path

import pyarrow.compute as pc

import sla_dsl
from sla_dsl.docs.fielddocs import field_docs
from sla_dsl.i18n.field_notes_report import REPORT_NOTES
from sla_dsl.report import Availability
from sla_dsl.report.tables import report_tables

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "policies" / "examples" / "plans.sla"
PLAIN = "  availability target 99.5% monthly\n  credit below 99.5% 10%, below 99.0% 25%, below 95.0% 100%\n"


def test_the_one_row_has_the_target_without_when_and_each_plan_has_its_own_row() -> None:
    report = sla_dsl.evaluate(sla_dsl.load_policy(PLANS), [], "2026-11-01", "2026-12-01")
    assert (report.availability.service, report.availability.target) == ("content", 99.5)
    rows = [(p.service, p.when, p.target) for p in report.availability_periods]
    assert rows == [("content", "plan = premium", 99.9), ("content", None, 99.5), ("portal", None, 99.0)]
    tables = report_tables(report)
    premium = tables["availability_periods"].filter(pc.equal(tables["availability_periods"]["when"], "plan = premium"))
    assert premium.column("target").to_pylist() == [99.9]
    assert tables["availability"].column("target").to_pylist() == [99.5]


def test_a_service_promised_only_per_plan_has_no_target_on_the_one_row() -> None:
    text = PLANS.read_text("utf-8")
    assert text.count(PLAIN) == 1
    report = sla_dsl.evaluate(sla_dsl.load_policy(text.replace(PLAIN, "")), [], "2026-11-01", "2026-12-01")
    assert report.availability.target is None
    assert [(p.when, p.target) for p in report.availability_periods if p.service == "content"] == [
        ("plan = premium", 99.9),
        (None, None),  # (the figure of every other customer, promised nothing)
    ]


def test_the_field_says_which_target_it_is() -> None:
    said = field_docs(Availability)["target"]
    assert "without ``when``" in said and "``availability_periods``" in said
    assert "``when``" in REPORT_NOTES[said] and "``availability_periods``" in REPORT_NOTES[said]
