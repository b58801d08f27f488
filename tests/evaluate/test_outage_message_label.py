"""The JSON message of a late outage notice names its rule as the report does: by its label.

A policy whose only rule on outages is ``first_report "First report"`` (within 30 minutes of the start):
OUT-1 starts at 10:00, is notified at 10:45 and ends at 11:00. The report said ``First report due …``
while the JSON report's ``message`` said ``recovery notice due …``: a first report is no recovery
notice. Now the message names the rule by its English label, whichever way the report is written and
however many rules judge the outage; a rule without a label keeps ``recovery notice`` when it is the
only one, and its name among several.
"""

from __future__ import annotations

from typing import Any

import pytest

import sla_dsl
from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from

from .helpers import report_json

HEADER = """sla "O" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages LANGS
}
"""
FIRST = """notify first_report LABEL {
  within 30 minutes after outage.started
  met by outage.notified
}
"""
CLOSING = """notify closing_report {
  within 1 hour after outage.ended
  met by outage.notified
}
"""
EVENTS: list[dict[str, Any]] = [
    {"event": "outage.started", "at": "2026-11-10T10:00:00+09:00", "id": "OUT-1", "cause": "failure"},
    {"event": "outage.notified", "at": "2026-11-10T10:45:00+09:00", "id": "OUT-1"},
    {"event": "outage.ended", "at": "2026-11-10T11:00:00+09:00", "id": "OUT-1"},
]
LATE = "due Tue 10 Nov 10:30: notified Tue 10 Nov 10:45"


def _policy(langs: str, label: str, *more: str) -> sla_dsl.Policy:
    return sla_dsl.load_policy(HEADER.replace("LANGS", langs) + FIRST.replace("LABEL", label) + "".join(more))


def _messages(policy: sla_dsl.Policy, columns: bool) -> list[str]:
    """The violations' messages of the JSON report, written by columns or by rows."""
    result = judge_log(policy, log_from(EVENTS), "2026-11-01", "2026-12-01")
    return [v["message"] for v in report_json(result, columns)["violations"]]


@pytest.mark.parametrize("columns", [False, True])
@pytest.mark.parametrize(
    ("langs", "label"),
    [("en", '"First report"'), ("ja, en", '"第一報" / "First report"')],
)
def test_the_only_rule_is_named_by_its_english_label(langs: str, label: str, columns: bool) -> None:
    assert _messages(_policy(langs, label), columns) == [f"First report {LATE}"]


def test_the_api_report_says_the_same() -> None:
    report = sla_dsl.evaluate(_policy("en", '"First report"'), EVENTS, "2026-11-01", "2026-12-01")
    assert [v.message for v in report.violations] == [f"First report {LATE}"]


def test_a_rule_without_a_label_keeps_the_generic_words() -> None:
    assert _messages(_policy("en", ""), False) == [f"recovery notice {LATE}"]


def test_among_several_rules_a_label_names_it_and_a_rule_without_one_its_name() -> None:
    # (the closing report, due 12:00, is never sent after the end: breached as of the period's end)
    result = judge_log(_policy("en", '"First report"', CLOSING), log_from(EVENTS), "2026-11-01", "2026-12-01")
    messages = [v["message"] for v in report_json(result, False)["violations"]]
    assert [m.split(" due ")[0] for m in messages] == ["First report", "notice `closing_report`"], messages
