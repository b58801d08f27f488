"""``sla test``: a notification rule's row under ``targets`` has a key of its own, ``ID:notify.NAME``.

Before, a notify row got the ``ID:NAME`` key of a target: a rule named like a target kind (``notify
resolve``) shared ``INC-1:resolve`` with the ``resolve`` target, the refusal suggested that same key
(``write one of `INC-1:resolve@resolution`, `INC-1:resolve```), and nothing could address the rule.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl import load_policy
from sla_dsl.authoring.policytest import load_cases, run_case
from sla_dsl.cli import main

HEADER = """\
sla "M" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages en
}
"""

#: Two P1 rules (premium first), a `resolve` target on clock `resolution`, and a notify rule named `resolve`.
POLICY = (
    HEADER
    + """
attribute plan {
  values standard, premium
  default standard
}
calendar business {
  days mon..fri
  hours 09:00-18:00
}
clock response {
  starts at incident.reported
}
clock resolution {
  starts at incident.reported
  stops at incident.resolved
}
priority P1 "Urgent (premium)" {
  when plan = premium
  respond within 1 hour
  resolve within 2 hours on resolution
}
priority P1 "Urgent" {
  respond within 4 business hours
  resolve within 8 business hours on resolution
}
notify resolve "Acknowledgement" {
  within 1 business hour after incident.reported
  met by incident.responded
}
"""
)

#: Premium INC-1: responded 10:30 (the rule is met, due 11:00), resolved 13:00 (the target, due 12:00, breached).
EVENTS = """\
    events:
      - {event: incident.reported, at: "2026-11-30T10:00:00+09:00", id: INC-1, priority: P1,
         attributes: {plan: premium}}
      - {event: incident.responded, at: "2026-11-30T10:30:00+09:00", id: INC-1}
      - {event: incident.resolved, at: "2026-11-30T13:00:00+09:00", id: INC-1}
    period: {from: 2026-11-01, to: 2026-12-01}
"""


def _case(targets: str) -> str:
    return f"cases:\n  - name: targets\n{EVENTS}    expect:\n      targets: {targets}\n"


def _problems(tmp_path: Path, targets: str, policy: str = POLICY, lang: str = "en") -> list[str]:
    path = tmp_path / "t.yaml"
    path.write_text(_case(targets), "utf-8")
    (case,) = load_cases(path, lang)
    return run_case(load_policy(policy), case).problems


def test_the_rule_and_the_target_of_one_name_are_each_addressed(tmp_path: Path) -> None:
    targets = '{"INC-1:resolve@resolution": breached, "INC-1:notify.resolve": met}'
    assert _problems(tmp_path, targets) == []
    # (each checked for what it is: the rule's verdict is not the target's)
    wrong = '{"INC-1:resolve@resolution": met, "INC-1:notify.resolve": breached}'
    assert _problems(tmp_path, wrong) == [
        "targets INC-1:resolve@resolution status: expected `met`, got `breached`",
        "targets INC-1:notify.resolve status: expected `breached`, got `met`",
    ]
    fields = '{"INC-1:notify.resolve": {status: met, due: "2026-11-30T11:00:00+09:00", kind: notify}}'
    assert _problems(tmp_path, fields) == []


def test_the_shared_key_is_refused_with_keys_that_each_name_one_row(tmp_path: Path) -> None:
    (said,) = _problems(tmp_path, '{"INC-1:resolve": met}')
    assert said == (
        "targets INC-1:resolve: a target and a notification rule share this name: "
        "write one of `INC-1:resolve@resolution`, `INC-1:notify.resolve`"
    )
    suggested = said.split("`")[1::2]
    assert suggested == ["INC-1:resolve@resolution", "INC-1:notify.resolve"]
    for key in suggested:  # every key the refusal suggests names one row: written, it is checked
        problems = _problems(tmp_path, f'{{"{key}": open}}')
        assert len(problems) == 1 and problems[0].startswith(f"targets {key} status: expected `open`, got "), problems
    (ja,) = _problems(tmp_path, '{"INC-1:resolve": met}', lang="ja")
    assert ja == (
        "`targets` の `INC-1:resolve`：目標と通知の規定が同じ名前です。"
        "`INC-1:resolve@resolution`、`INC-1:notify.resolve` のいずれかで書いてください"
    )


def test_a_rule_whose_name_no_target_has_keeps_its_short_key(tmp_path: Path) -> None:
    policy = POLICY.replace("notify resolve ", "notify ack ")
    assert _problems(tmp_path, '{"INC-1:ack": met, "INC-1:notify.ack": met, "INC-1:resolve": breached}', policy) == []


OUTAGE_POLICY = (
    HEADER
    + """
notify first_report "First report" {
  within 30 minutes after outage.started
  met by outage.notified
}
"""
)

OUTAGE_CASES = """\
cases:
  - name: first report
    events:
      - {event: outage.started, at: "2026-11-10T10:00:00+09:00", id: OUT-1, cause: failure}
      - {event: outage.notified, at: "2026-11-10T10:45:00+09:00", id: OUT-1}
      - {event: outage.ended, at: "2026-11-10T11:00:00+09:00", id: OUT-1}
    period: {from: 2026-11-01, to: 2026-12-01}
    expect:
      targets: {"OUT-1:first_report": breached, "OUT-1:notify.first_report": breached}
"""


def test_an_outage_notice_has_both_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy, cases = tmp_path / "o.sla", tmp_path / "o.yaml"
    policy.write_text(OUTAGE_POLICY, "utf-8")
    cases.write_text(OUTAGE_CASES, "utf-8")
    assert main(["test", str(policy), str(cases)]) == 0, capsys.readouterr()
    assert capsys.readouterr().out == "PASS: 1/1\n"


def test_two_clocks_are_still_told_apart_by_their_clocks(tmp_path: Path) -> None:
    """A shared key of two targets on two clocks keeps its words (no notification rule among them)."""
    policy = POLICY.replace("notify resolve ", "notify ack ").replace(
        "  resolve within 2 hours on resolution\n",
        "  resolve within 2 hours on resolution\n  resolve within 3 hours on second\n",
    )
    policy += "clock second {\n  starts at incident.reported\n  stops at incident.responded\n}\n"
    assert _problems(tmp_path, '{"INC-1:resolve": met}', policy) == [
        "targets INC-1:resolve: the incident has targets of this kind on several clocks: "
        "write one of `INC-1:resolve@resolution`, `INC-1:resolve@second`"
    ]
