"""A named target's verdict becomes a report row only with its incident and the report's period.

``TargetVerdict.to_row()`` built a ``TargetRow`` from the verdict alone, with ``in_summary`` null, where the
report's row of the same verdict says true or false: whether the summary counts it depends on the incident
(its clock's start, its completion, a reprioritisation) and on the report's ``from`` and ``to``, which the
verdict does not hold. Nothing called it (the report's rows come from :func:`sla_dsl.evaluation.targets.rows`,
the tables read :meth:`~sla_dsl.evaluation.targets.TargetVerdict.view`), so it is gone: the one way from the
evaluator's verdicts to a row gives the report's ``in_summary``.
"""

from __future__ import annotations

from pathlib import Path

import sla_dsl
from sla_dsl.evaluation import judge
from sla_dsl.evaluation.targets import TargetVerdict, rows
from sla_dsl.report import TargetRow

ROOT = Path(__file__).resolve().parents[2]
HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"


def test_no_row_of_a_verdict_without_its_summary_flag() -> None:
    assert not hasattr(TargetVerdict, "to_row")


def test_the_verdicts_rows_are_the_reports() -> None:
    policy = sla_dsl.load_policy(HELPDESK)
    events = HELPDESK.parent / "helpdesk-events.jsonl"
    result = judge(policy, str(events), "2026-11-01", "2026-12-01")
    report = result.report()
    t0, t1 = report.period.start.timestamp(), report.period.end.timestamp()
    shown = {r.id: r.targets for r in report.incidents}
    judged = [inc for inc in result.incidents if inc.targets]
    assert judged
    for inc in judged:
        made = [TargetRow.model_validate(r) for r in rows(inc, False, t0, t1)]
        assert all(isinstance(r.in_summary, bool) for r in made), inc.ident
        assert [(r.name, r.in_summary) for r in made] == [(r.name, r.in_summary) for r in shown[inc.ident]]
