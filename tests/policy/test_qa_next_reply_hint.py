"""Zendesk's ``next reply within ...`` is told to use the policy's own next-reply clock when it has one.

Found by a QA pass as a Zendesk administrator whose policy declared ``clock next_reply`` (started by the
requester's comments, ``restarts at`` each): ``next reply within 2 tokyo hours`` in a priority was told
to declare ``clock next_reply { starts at incident.customer_replied ... }``, a second clock of that name
on other events. Each declaration is parsed alone, so the hint did not see the file's clocks; it now
writes the target on the first clock the policy declares with ``restarts at``, and keeps the clock to
declare for a policy without one.
"""

from __future__ import annotations

from sla_dsl.policy import compile_text

POLICY = """\
sla "Zendesk" {
  format 1
  version "1"
  effective 2026-11-01
  timezone Asia/Tokyo
  languages ja, en
}

event incident.agent_replied "担当者の公開返信" / "Agent's public reply"
event incident.requester_commented "依頼者のコメント" / "Requester's comment"

clock response "初回返信" / "First reply" {
  starts at incident.reported
}

clock replies "次回返信時間" / "Next reply time" {
  starts at incident.requester_commented
  stops at incident.agent_replied, incident.resolved
  restarts at incident.requester_commented
}

priority P2 "高" / "High" {
  respond within 4 hours
  next reply within 2 hours
}
"""


def test_the_hint_writes_the_target_on_the_policys_clock() -> None:
    (d,) = compile_text(POLICY).diagnostics
    assert (d.code, d.span.line, d.span.column) == ("E011", 24, 3)
    assert d.help_text("ja") == "`first reply within 2 hours on replies` と書いてください"
    assert d.help_text("en") == "write `first reply within 2 hours on replies`"


def test_without_such_a_clock_the_hint_says_which_to_declare() -> None:
    text = POLICY.replace("  restarts at incident.requester_commented\n", "")
    d = next(d for d in compile_text(text).diagnostics if d.code == "E011")
    assert "restarts at" in d.help_text("ja") and "first reply within 2 hours on next_reply" in d.help_text("ja")
