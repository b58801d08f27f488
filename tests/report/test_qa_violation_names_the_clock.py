"""A violation of a target the policy measures on two clocks says which clock.

Found by a QA pass as a Zendesk administrator: Zendesk's requester wait time and agent work time are
both resolution targets (``resolve within ... on requester_wait`` and ``... on agent_work``), and a
ticket late on both had two violations reading alike, ``P1 緊急の解決の期限 …に対し …に完了``: only the
due times told them apart. The sentence now names the clock, as the summary and the targets table do
(``解決（担当者の作業時間）``), where a priority of the version measures the kind on another clock; a
policy with one clock per kind keeps its words.
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
event incident.work_resumed "対応の再開" / "Work resumed"
event incident.on_hold "第三者の対応待ち" / "On hold"
clock response "初回返信" / "First reply" {
  starts at incident.reported
}
clock requester_wait "依頼者の待ち時間" / "Requester wait time" {
  starts at incident.reported
  pauses at incident.info_provided until incident.work_resumed
  stops at incident.resolved
}
clock agent_work "担当者の作業時間" / "Agent work time" {
  starts at incident.reported
  pauses at incident.info_provided until incident.work_resumed
  pauses at incident.on_hold until incident.work_resumed
  stops at incident.resolved
}
priority P1 "緊急" / "Urgent" {
  respond within 1 hour
  resolve within 4 hours on requester_wait
  resolve within 2 hours on agent_work
}
"""
EVENTS = [
    {"event": "incident.reported", "at": "2026-11-10T09:00:00+09:00", "id": "Z", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-10T09:10:00+09:00", "id": "Z"},
    {"event": "incident.resolved", "at": "2026-11-10T14:00:00+09:00", "id": "Z"},
]
SAID = {
    "ja": [
        "P1 緊急の解決（依頼者の待ち時間）の期限 11月10日(火) 13:00",
        "P1 緊急の解決（担当者の作業時間）の期限 11月10日(火) 11:00",
    ],
    "en": [
        "P1 Urgent resolution (Requester wait time) due Tue 10 Nov 13:00",
        "P1 Urgent resolution (Agent work time) due Tue 10 Nov 11:00",
    ],
}
ONE_CLOCK = {"ja": "P1 緊急の解決の期限 11月10日(火) 13:00", "en": "P1 Urgent resolution due Tue 10 Nov 13:00"}


def _report(tmp_path: Path, policy: str, lang: str) -> str:
    (tmp_path / "p.sla").write_text(policy, "utf-8")
    (tmp_path / "e.jsonl").write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    code, out, err = sla("evaluate", tmp_path / "p.sla", tmp_path / "e.jsonl", *MONTH, "--lang", lang)
    assert code == 0, err
    return out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_violation_names_its_clock(tmp_path: Path, lang: str) -> None:
    out = _report(tmp_path, POLICY, lang)
    for said in SAID[lang]:
        assert said in out, out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_one_clock_per_kind_keeps_its_words(tmp_path: Path, lang: str) -> None:
    policy = POLICY.replace("  resolve within 2 hours on agent_work\n", "").replace(
        "  pauses at incident.on_hold until incident.work_resumed\n", ""
    )
    policy = policy.replace('event incident.on_hold "第三者の対応待ち" / "On hold"\n', "")
    policy = policy.replace(policy[policy.index("clock agent_work") : policy.index("priority P1")], "")
    out = _report(tmp_path, policy, lang)
    assert ONE_CLOCK[lang] in out, out
