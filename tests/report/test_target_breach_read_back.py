"""A named target's breach in a report read back from its JSON is worded as a breach, not as an event log problem.

The JSON keeps no violation's ``target`` (the data its words are built from), and every violation without
one fell through to the words of a contradiction in the events: the help desk's chat reply H9, 15 minutes
late, read "イベント記録に不備があります（技術者向けの詳細：P3 first reply due …）". The target is rebuilt now
from the incident's row, which the JSON keeps (the target breached and due at the violation's ``at``), so a
report read back says what the report said. Where the JSON cannot tell (a target on a clock that
``cancels at`` or ``resets at``, never stopped: cancelled, reset or still running?) it says the target was
not done by its due time; where no row is found, the engine's detail under the words of a missed target.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from sla_dsl.report import Report
from sla_dsl.report.render import render

ROOT = Path(__file__).resolve().parents[2]
HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"
HELPDESK_LOG = ROOT / "policies" / "examples" / "helpdesk-events.jsonl"
MONTH = ("2026-11-01", "2026-12-01")
DATA_WORDS = ("イベント記録に不備", "event log problem")


def read_back(report: Report) -> Report:
    return Report.model_validate_json(report.model_dump_json())


def changed(a: str, b: str) -> list[str]:
    return [x for x in difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0) if x[:1] in "+-"]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_the_help_desk_read_back_says_what_the_report_said(lang: str, fmt: str) -> None:
    policy = sla_dsl.load_policy(HELPDESK)
    report = sla_dsl.evaluate(policy, str(HELPDESK_LOG), *MONTH)
    assert sum(v.kind == "target_breached" for v in report.violations) >= 4
    back = read_back(report)
    assert all(v.target is None for v in back.violations)  # (kept out of the JSON)
    shown = render(back, fmt, lang=lang, policies=[policy])
    assert not any(words in shown for words in DATA_WORDS)
    assert changed(render(report, fmt, lang=lang, policies=[policy]), shown) == []
    if lang == "ja":
        # H9 (its chat clock stops at `incident.responded`, which the help desk relabels)
        said = "P3 通常の初回回答の期限 11月26日(木) 13:15 に対し 11月26日(木) 13:30 に「お客様への初回回答」を記録"
        assert said in shown


def test_a_breach_whose_incident_is_not_listed_keeps_its_kind() -> None:
    policy = sla_dsl.load_policy(HELPDESK)
    data: dict[str, Any] = json.loads(sla_dsl.evaluate(policy, str(HELPDESK_LOG), *MONTH).model_dump_json())
    data["incidents"] = [i for i in data["incidents"] if i["id"] != "H9"]
    back = Report.model_validate(data)
    for lang, said in (
        ("ja", "対応目標を期限までに達成できませんでした（技術者向けの詳細：P3 first reply due"),
        ("en", "target missed: P3 first reply due"),
    ):
        shown = render(back, "text", lang=lang, policies=[policy])
        assert said in shown and not any(words in shown for words in DATA_WORDS)


CANCELS = """
event incident.withdrawn "お客様による取り下げ" / "Withdrawn by the customer" [art 5]
"""


def test_a_target_on_a_clock_that_cancels_is_said_not_done_by_its_due_time() -> None:
    """Withdrawn after its resolution target ran out: the report says cancelled; the JSON cannot tell a cancel
    from a clock still running, and the read-back says only what is sure."""
    text = HELPDESK.read_text("utf-8").replace(
        "  stops at incident.resolved\n  at risk at 75% of target\n",
        "  stops at incident.resolved\n  cancels at incident.withdrawn\n  at risk at 75% of target\n",
        1,
    )
    assert "cancels at" in text
    policy = sla_dsl.load_policy(text + CANCELS)
    events = [
        {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "W1", "priority": "P1"},
        {"event": "incident.responded", "at": "2026-11-02T10:30:00+09:00", "id": "W1"},
        {"event": "incident.info_provided", "at": "2026-11-02T11:00:00+09:00", "id": "W1"},
        {"event": "incident.customer_replied", "at": "2026-11-02T11:30:00+09:00", "id": "W1"},
        {"event": "incident.withdrawn", "at": "2026-11-10T10:00:00+09:00", "id": "W1"},
    ]
    report = sla_dsl.evaluate(policy, events, *MONTH)
    (resolve,) = (v for v in report.violations if v.target is not None and v.target.kind == "resolve")
    assert resolve.target is not None and resolve.target.cancelled_at is not None
    for lang, said in (("ja", "P1 緊急の解決の期限 11月5日(木) 10:30 までに完了なし"), ("en", "not done by then")):
        shown = render(read_back(report), "text", lang=lang, policies=[policy])
        assert said in shown, shown
        assert not any(words in shown for words in DATA_WORDS)
