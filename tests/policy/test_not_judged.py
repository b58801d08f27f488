"""Every rule `sla check` accepts is judged: a rule the evaluator would ignore or misread is E220.

Each case adds one such rule to the bundled policy and expects one E220 at
that rule's line; the bundled policy itself has none. Issues 12 and 13 make
the evaluator judge these rules; each then moves from here to its own tests
(several clocks and notify rules: ``tests/evaluate/test_targets.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.policy import compile_text

POLICY = (Path(__file__).resolve().parents[2] / "policies" / "clicksoko.sla").read_text("utf-8")

CASES = {
    "notify rule met on another record's event": (
        'notify ack "受付通知" / "Acknowledgement" {\n  within 1 hours after incident.reported\n'
        "  met by outage.notified\n}\n",
        "an event of another kind of record",
    ),
    "backup every 5 hours": (  # windows of hours must divide a day (every 12 hours is judged: issue 13)
        'backup logs "ログ" / "Logs" {\n  every 5 hours\n  keep 7 days\n}\n',
        "backups are judged in windows of N hours that divide a day",
    ),
    "backup every business day": (
        'backup reports "帳票" / "Reports" {\n  every 1 business day\n  keep 7 days\n}\n',
        "backups are judged in windows of N hours that divide a day",
    ),
    "maintenance with a notice period": (  # no event announces a window
        'maintenance weekly "週次" / "Weekly" {\n  every week on sun, 03:00-04:00\n  notice 3 days before\n}\n',
        "no event of the log announces a maintenance window",
    ),
    "a second completion by silence": (  # one is judged
        'priority P4 "優先度４" / "Priority 4" {\n  respond within 35 business hours\n'
        "  complete on incident.resolved, or 1 business day after incident.info_provided without "
        "incident.customer_replied, or 10 business days after incident.reprioritized without "
        "incident.customer_replied\n}\n",
        "a second completion by silence in priority `P4`",
    ),
    "continuous backup with nothing to judge": (  # no event says continuity broke
        'backup stream "逐次" / "Stream" {\n  continuous\n}\n',
        "continuous backup `stream` says neither where it is kept nor for how long",
    ),
    "second planned-stop rule": (
        'planned stop "臨時" / "Ad hoc" {\n  notice 3 days before start by web\n}\n',
        "second planned-stop rule",
    ),
}


def test_the_bundled_policy_has_no_unjudged_rule() -> None:
    assert [d for d in compile_text(POLICY).diagnostics if d.code == "E220"] == []


@pytest.mark.parametrize("name", list(CASES))
def test_a_rule_that_would_not_be_judged_is_refused_at_its_line(name: str) -> None:
    block, words = CASES[name]
    text = POLICY.rstrip("\n") + "\n\n" + block
    first_line = POLICY.rstrip("\n").count("\n") + 3
    found = [d for d in compile_text(text, "p.sla").diagnostics if d.code == "E220"]
    assert len(found) == 1, [d.message for d in compile_text(text, "p.sla").diagnostics]
    d = found[0]
    assert d.is_error and words in d.message and d.message.endswith("it would not be judged")
    assert first_line <= d.span.line <= first_line + 2
    assert d.help
