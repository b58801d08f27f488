"""``sla explain`` names a priority an incident had before a change by the rule its attributes chose.

Found by a Zendesk administrator (two SLA policies: Enterprise customers first, then everyone else,
each with its own P3): a standard-plan ticket reported P3 and raised to P1 was explained as
"failure reported (P3 Normal (Enterprise); Normal)": every label of P3's rules, the Enterprise one among
them, on a ticket of a customer the Enterprise rules do not cover. The judged priority was already
worded by the rule that judged it; an earlier priority (the report's, a reprioritisation's) now is too,
by the rule the incident's attributes at that time choose.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import MONTH, sla

POLICY = """\
sla "Zendesk" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages ja, en
}
attribute plan "契約プラン" / "Plan" {
  value standard "スタンダード" / "Standard"
  value enterprise "エンタープライズ" / "Enterprise"
  default standard
}
clock response "初回返信" / "First reply" {
  starts at incident.reported
}
priority P1 "緊急（エンタープライズ）" / "Urgent (Enterprise)" {
  when plan = enterprise
  respond within 30 minutes
}
priority P3 "通常（エンタープライズ）" / "Normal (Enterprise)" {
  when plan = enterprise
  respond within 4 hours
}
priority P1 "緊急" / "Urgent" {
  respond within 2 hours
}
priority P3 "通常" / "Normal" {
  respond within 8 hours
}
"""

EVENTS = [
    {"event": "incident.reported", "at": "2026-11-10T09:00:00+09:00", "id": "S", "priority": "P3"},
    {"event": "incident.reprioritized", "at": "2026-11-10T10:00:00+09:00", "id": "S", "priority": "P1"},
    {"event": "incident.reprioritized", "at": "2026-11-10T10:30:00+09:00", "id": "S", "priority": "P3"},
    {"event": "incident.reprioritized", "at": "2026-11-10T11:00:00+09:00", "id": "S", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-10T11:30:00+09:00", "id": "S"},
    {"event": "incident.reported", "at": "2026-11-11T09:00:00+09:00", "id": "E", "priority": "P3"},
    {"event": "incident.reprioritized", "at": "2026-11-11T09:10:00+09:00", "id": "E", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-11T09:20:00+09:00", "id": "E"},
]
EVENTS[5]["attributes"] = {"plan": "enterprise"}

#: (the words the explanation says, the words it must not say), per incident and language
WORDS = {
    ("S", "ja"): (["障害の報告を受付（P3 通常）", "優先度を P3 通常 に変更"], ["エンタープライズ"]),
    ("S", "en"): (["failure reported (P3 Normal)", "priority changed to P3 Normal "], ["Enterprise"]),
    ("E", "ja"): (["障害の報告を受付（P3 通常（エンタープライズ））"], ["／"]),
    ("E", "en"): (["failure reported (P3 Normal (Enterprise))"], ["; Normal"]),
}


@pytest.mark.parametrize(("ident", "lang"), list(WORDS))
def test_an_earlier_priority_is_named_by_the_rule_the_attributes_chose(tmp_path: Path, ident: str, lang: str) -> None:
    policy, log = tmp_path / "zendesk.sla", tmp_path / "events.jsonl"
    policy.write_text(POLICY, "utf-8")
    log.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in EVENTS), "utf-8")
    code, out, err = sla("explain", *MONTH, "--lang", lang, policy, log, ident)
    assert code == 0, err
    said, unsaid = WORDS[ident, lang]
    for words in said:
        assert words in out, out
    for words in unsaid:
        assert words not in out, out
