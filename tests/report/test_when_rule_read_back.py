"""An incident judged by a rule with ``when``, in a report read back from its JSON, is worded from that rule.

The JSON does not say which rule of its priority judged an incident (``rule`` is kept out of it). The plans
example's INC-NIGHT (a premium P1: respond within 1 hour, elapsed) read back named both rules' labels
(``P1 緊急（プレミアム）／緊急``) and said its response, 10 minutes late, was late outside business hours, as
the other rule (4 business hours) would count it. The rule is found again from the row's own fields: the one
whose response target gives the row's ``response_due`` from its ``clock_start``; when two rules give the
same due time it is not known, and the row is worded as before.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.report import Report
from sla_dsl.report.render import render

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "policies" / "examples" / "plans.sla"
PLANS_LOG = ROOT / "policies" / "examples" / "plans.jsonl"
MONTH = ("2026-11-01", "2026-12-01")


def read_back(report: Report) -> Report:
    return Report.model_validate_json(report.model_dump_json())


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_the_plans_read_back_says_what_the_report_said(lang: str, fmt: str) -> None:
    policy = sla_dsl.load_policy(PLANS)
    report = sla_dsl.evaluate(policy, str(PLANS_LOG), *MONTH)
    back = read_back(report)
    (night,) = (i for i in back.incidents if i.id == "INC-NIGHT")
    assert night.rule is None  # (not in the JSON)
    said, shown = render(report, fmt, lang=lang, policies=[policy]), render(back, fmt, lang=lang, policies=[policy])
    assert list(difflib.unified_diff(said.splitlines(), shown.splitlines(), lineterm="", n=0)) == []
    if fmt == "text":
        assert ("P1 緊急（プレミアム）の応答期限" if lang == "ja" else "P1 Urgent (premium) response due") in shown
        assert ("営業時間外に超過" if lang == "ja" else "late outside business hours") not in shown
        night_lines = [x for x in shown.splitlines() if "INC-NIGHT" in x]
        assert night_lines and not any(
            ("緊急（プレミアム）／緊急" if lang == "ja" else "Urgent (premium) / Urgent") in x for x in night_lines
        )  # (the summary names every rule of P1, as the report does)


def test_two_rules_due_alike_leave_the_rule_unknown() -> None:
    """Both P1 rules respond within 1 hour: the due time cannot tell them apart, and the row names both labels."""
    text = PLANS.read_text("utf-8")
    assert "  respond within 4 business hours\n" in text
    policy = sla_dsl.load_policy(text.replace("  respond within 4 business hours\n", "  respond within 1 hour\n", 1))
    back = read_back(sla_dsl.evaluate(policy, str(PLANS_LOG), *MONTH))
    shown = render(back, "text", lang="ja", policies=[policy])
    assert "P1 緊急（プレミアム）／緊急の応答期限" in shown
