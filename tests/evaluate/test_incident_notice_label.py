"""The JSON message of a late incident notice names its rule as the report does: by its English label.

Click So-ko's policy with ``notify ack "受付通知" / "Acknowledgement"`` (within 1 hour of the report,
met by the response): I-1 is reported at 10:00 and answered at 11:30. The rendered report said
``Acknowledgement due …`` while the JSON report's ``message`` said ``notification `ack` due …``, the
rule's id, where an outage's notice rule is named by its label (``test_outage_message_label.py``).
Now the message names the rule by its English label, written by rows or by columns; a rule without
a label keeps its id, and the Japanese label never enters the JSON.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from

from .helpers import report_json

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")
ACK = """
notify ack LABEL [art 3.2] {
  within 1 hour after incident.reported
  met by incident.responded
}
"""
EVENTS: list[dict[str, Any]] = [
    {"event": "incident.reported", "at": "2026-11-10T10:00:00+09:00", "id": "I-1", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-10T11:30:00+09:00", "id": "I-1"},
]
LATE = "due Tue 10 Nov 11:00: sent Tue 10 Nov 11:30"


def _policy(label: str) -> sla_dsl.Policy:
    return sla_dsl.load_policy(CLICKSOKO + ACK.replace("LABEL", label))


def _messages(policy: sla_dsl.Policy, columns: bool) -> list[str]:
    """The messages of the JSON report's violations about the notification rule, by columns or by rows."""
    result = judge_log(policy, log_from(EVENTS), "2026-11-01", "2026-12-01")
    violations = report_json(result, columns)["violations"]
    return [v["message"] for v in violations if v["kind"] == "notice_breached"]


@pytest.mark.parametrize("columns", [False, True])
def test_the_rule_is_named_by_its_english_label(columns: bool) -> None:
    assert _messages(_policy('"受付通知" / "Acknowledgement"'), columns) == [f"Acknowledgement {LATE}"]


def test_the_api_report_says_the_same() -> None:
    report = sla_dsl.evaluate(_policy('"受付通知" / "Acknowledgement"'), EVENTS, "2026-11-01", "2026-12-01")
    notices = [v.message for v in report.violations if v.kind == "notice_breached"]
    assert notices == [f"Acknowledgement {LATE}"]


def test_a_rule_without_a_label_keeps_its_id() -> None:
    assert _messages(_policy(""), False) == [f"notification `ack` {LATE}"]
